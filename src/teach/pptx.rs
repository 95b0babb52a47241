//! A deck as a PowerPoint file (`linkage steps --format pptx`), the form lecturers
//! edit: the [`Deck`]'s slides as pandoc Markdown, one `##` slide each (its quotes in
//! the speaker notes), converted by pandoc. Every text goes through the handout's
//! [`escape`], so pandoc sets each quote as written (no straight quote turned curly,
//! no `--` made a dash); figures go in as PNG, drawn by Graphviz into a scratch
//! directory pandoc reads, with the layouts of `assets/deck-reference.pptx`.

use std::{fmt::Write as _, path::Path, process::Command};

use crate::{
    error::Error,
    teach::{
        handout::escape,
        slides::{Deck, Figure, Slide, Table},
    },
    write::Scratch,
};

/// How pandoc is told it is missing.
pub const MISSING_PANDOC: &str = "pandoc is not installed (or not on PATH), so the deck \
cannot be written as PowerPoint. Install it (`sudo apt-get install pandoc`, `brew install \
pandoc`, or https://pandoc.org/installing.html), or write the HTML deck (without --format).";

/// The reference document pandoc takes its layouts and text sizes from: pandoc's
/// default with a comparison's tables given the slide's width and set at 11 pt, so
/// they stay on the slide (made by `scripts/pptx-reference.py`, which says how).
const REFERENCE: &[u8] = include_bytes!("assets/deck-reference.pptx");

/// The file name a slide's figure is given in the scratch directory.
pub fn figure_file(figure: Figure) -> String {
    match figure {
        Figure::Whole => "whole.png".into(),
        Figure::Step(k) => format!("step-{}.png", k + 1),
    }
}

fn table(md: &mut String, table: &Table) {
    let cells = |row: &[String]| {
        row.iter()
            .map(|c| escape(c))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let _ = writeln!(md, "| {} |", cells(&table.head));
    let rule: Vec<&str> = table
        .numeric
        .iter()
        .map(|&n| if n { "--:" } else { ":--" })
        .collect();
    let _ = writeln!(md, "|{}|", rule.join("|"));
    for row in &table.rows {
        let _ = writeln!(md, "| {} |", cells(row));
    }
    md.push('\n');
}

/// One slide, laid out so that pandoc keeps it one slide: its text first, then at
/// most one table or figure (pandoc's "Content with Caption"), or two tables in two
/// columns of text and table each ("Comparison"); pandoc starts a new slide after a
/// table or figure followed by more. The quotes go in the speaker notes: PowerPoint
/// shrinks text that overflows a placeholder only once someone edits it, and a slide
/// of five quotes at the template's size runs off the slide.
fn slide(md: &mut String, slide: &Slide) {
    let _ = writeln!(md, "## {}\n", escape(&slide.heading));
    let mut head = format!("*{}*\n\n", escape(&slide.kicker));
    if let Some(dispute) = &slide.dispute {
        let _ = writeln!(head, "**{}**\n", escape(dispute));
    }
    let mut lines = String::new();
    for line in &slide.lines {
        let _ = writeln!(lines, "{}\n", escape(line));
    }
    let mut notes = String::new();
    if let [left, right] = slide.tables.as_slice() {
        // Each column a line of text above its table; what the second line explains
        // goes in the notes, where it does not crowd the titles of the columns.
        md.push_str(":::::: columns\n::: column\n");
        md.push_str(&head);
        table(md, left);
        md.push_str(":::\n::: column\n");
        if let Some((first, rest)) = slide.lines.split_first() {
            let _ = writeln!(md, "{}\n", escape(first));
            for line in rest {
                let _ = writeln!(notes, "{}\n", escape(line));
            }
        }
        table(md, right);
        md.push_str(":::\n::::::\n\n");
    } else {
        md.push_str(&head);
        md.push_str(&lines);
        for t in &slide.tables {
            table(md, t);
        }
        if let Some(figure) = slide.figure {
            let _ = writeln!(md, "![]({})\n", figure_file(figure));
        }
    }
    for quote in &slide.quotes {
        let more = quote.more_note();
        let _ = writeln!(
            notes,
            "“{}” — {}, {}{more}\n",
            escape(&quote.text),
            escape(&quote.cite),
            escape(&quote.locator)
        );
    }
    if !notes.is_empty() {
        let _ = writeln!(md, "::: notes\n{notes}:::\n");
    }
}

/// The deck as pandoc Markdown: one `##` slide per slide of the deck, no title slide
/// of pandoc's own (the deck's first slide is its title slide).
pub fn markdown(deck: &Deck) -> String {
    let mut md = String::new();
    for s in &deck.slides {
        slide(&mut md, s);
    }
    md
}

/// The deck as PPTX bytes, its figures (`(figure, PNG)`) beside the Markdown.
///
/// # Errors
/// [`Error::External`] when pandoc is missing or fails, with what it said; the scratch
/// directory not writable.
pub fn pptx(deck: &Deck, figures: &[(Figure, Vec<u8>)]) -> Result<Vec<u8>, Error> {
    let scratch = Scratch::new()?;
    let reference = scratch.file("reference.pptx", REFERENCE)?;
    let mut dir = None;
    for (figure, png) in figures {
        let file = scratch.file(&figure_file(*figure), png)?;
        dir = file.parent().map(Path::to_path_buf);
    }
    let mut command = Command::new("pandoc");
    command.args([
        "--from",
        "markdown",
        "--to",
        "pptx",
        "--slide-level",
        "2",
        "--output",
        "-",
    ]);
    command.arg("--reference-doc").arg(&reference);
    if let Some(dir) = &dir {
        command.arg("--resource-path").arg(dir);
    }
    // pandoc warns of a figure it could not read, and leaves it out.
    crate::pandoc::convert(
        command,
        &markdown(deck),
        &crate::pandoc::Conversion {
            what: "the deck",
            missing: MISSING_PANDOC,
            refuse_warning: ("Could not", "pandoc left something out"),
        },
    )
}
