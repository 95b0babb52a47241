//! `linkage handout`: an argument as Markdown for a class: a title line, for a
//! comparison the compact table of what is shared and different (papers counted,
//! disputes marked), the figure fitted to the page, the numbered sentences with their
//! quotes, questions for discussion drawn from the disputes, and the full citation of
//! every paper quoted (unknown fields left out). Plain Markdown that pandoc turns into
//! DOCX, HTML or PDF with every quote as written (see [`escape`]).

use std::fmt::Write as _;

use petgraph::graph::NodeIndex;

use crate::{
    dot::{node_label, Lang},
    graph::ConceptGraph,
    i18n::Messages,
    output::{
        contested::{answer_in, question_in},
        table::JournalTable,
    },
    paper::Paper,
    paper_filter::PaperFilter,
    query::{
        comparison::Stance,
        contested::{contested_about, ClaimRef, Dispute, Kind, Side, Strength},
    },
    relation::Source,
    teach::argument::{Argument, Subject},
};

/// Escapes the characters Markdown would read as markup in running text, and those
/// pandoc's `smart` extension would rewrite, so a quote converts verbatim: straight
/// quotes and apostrophes (turned curly, and nested ones flipped), `--` and `---`
/// (dashes), `...` (an ellipsis); and pandoc's own markup (`^` superscript, `~`
/// subscript, `@` citations).
pub fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let neighbour = |d: isize| {
            i.checked_add_signed(d)
                .and_then(|j| chars.get(j))
                .copied()
                .unwrap_or(' ')
        };
        let in_run = |c: char| neighbour(-1) == c || neighbour(1) == c;
        let markup = matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '$'
                | '"'
                | '\''
                | '^'
                | '~'
                | '@'
        );
        if markup || (c == '-' && in_run('-')) || (c == '.' && in_run('.')) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A paper's full citation from the fields the data gives; an unknown field is left
/// out, never guessed nor spelled "unknown". `None` when no field is known.
pub fn full_citation(paper: &Paper) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let authors = paper.authors.as_ref().map(|a| a.join(", "));
    match (authors, paper.year) {
        (Some(a), Some(y)) => parts.push(format!("{a} ({y})")),
        (Some(a), None) => parts.push(a),
        _ => {}
    }
    // Without authors the year follows the title ("Title (2020)"), never "(2020)." alone.
    let year_after_title = paper.authors.is_none().then_some(paper.year).flatten();
    match (&paper.title, year_after_title) {
        (Some(t), Some(y)) => parts.push(format!("{t} ({y})")),
        (Some(t), None) => parts.push(t.clone()),
        (None, Some(y)) => parts.push(format!("({y})")),
        (None, None) => {}
    }
    parts.extend(paper.venue.clone());
    let mut text = parts.join(". ");
    if !text.is_empty() {
        text.push('.');
    }
    for link in [
        paper.doi.as_ref().map(|d| format!("doi:{d}")),
        paper.url.clone(),
    ]
    .into_iter()
    .flatten()
    {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&link);
    }
    (!text.is_empty()).then_some(text)
}

/// What the lecturer puts at the head of a handout, and how long it is.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The handout's title, instead of the lesson's.
    pub title: Option<String>,
    /// The course, printed under the title.
    pub course: Option<String>,
    /// The date, as the lecturer writes it.
    pub date: Option<String>,
    /// Two pages: the comparison, the figure, the questions and the sources, without
    /// the evidence step by step (a comparison's: [`crate::teach::handout_short`]).
    pub short: bool,
}

/// A YAML single-quoted scalar.
fn yaml(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The figure as the handout's Markdown refers to it.
#[derive(Debug, Clone, Copy)]
pub struct Figure<'a> {
    /// Its path or URI.
    pub src: &'a str,
    /// Its drawn size in points (width, height), read from the SVG.
    pub size: Option<(f64, f64)>,
}

/// The page area a figure may take, in inches (width, height): a letter or A4 page's
/// text block, or in a short handout half of one.
fn page_box(short: bool) -> (f64, f64) {
    if short {
        (6.5, 4.0)
    } else {
        (6.5, 8.5)
    }
}

/// The figure's size attributes for pandoc (`{width=... height=...}`), scaled down to
/// fit `page_box` with its proportions kept, so no converter places it larger than a
/// page (pandoc otherwise uses the drawing's own size).
fn fitted(size: Option<(f64, f64)>, short: bool) -> String {
    let Some((w, h)) = size.filter(|&(w, h)| w > 0.0 && h > 0.0) else {
        return format!("{{width={}in}}", page_box(short).0);
    };
    let (bw, bh) = page_box(short);
    let (w, h) = (w / 72.0, h / 72.0);
    let scale = (bw / w).min(bh / h).min(1.0);
    format!("{{width={:.2}in height={:.2}in}}", w * scale, h * scale)
}

/// An SVG's `width` and `height` in points, as Graphviz writes them (`657pt`).
pub fn svg_size(svg: &[u8]) -> Option<(f64, f64)> {
    let head = String::from_utf8_lossy(&svg[..svg.len().min(4096)]);
    let tag = &head[head.find("<svg")?..];
    let tag = &tag[..tag.find('>')?];
    let attribute = |name: &str| -> Option<f64> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let value = &tag[at..at + tag[at..].find('"')?];
        value.trim_end_matches("pt").parse().ok()
    };
    Some((attribute("width")?, attribute("height")?))
}

/// The compact comparison of a pair, as `compare` gives it: each aspect of common
/// ground and each dimension of difference with how many papers name it and how they
/// dispute it (the positions are in the evidence that follows). The rows and their
/// disputes are the journal table's ([`JournalTable`]), the one derivation `table`,
/// `figure` and the decks share.
/// A pair the papers relate but do not compare gets a sentence saying so instead.
pub(crate) fn comparison_table(table: &JournalTable, words: Messages) -> String {
    if table.rows.is_empty() {
        let (a, b) = &table.sides;
        return format!("{}\n\n", escape(&words.not_compared(a, b)));
    }
    let mut md = String::new();
    for (stance, heading) in [
        (Stance::CommonGround, words.common_ground()),
        (Stance::Difference, words.difference()),
    ] {
        let rows: Vec<_> = table.rows_of(stance).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(
            md,
            "| {heading} | {} | {} |\n|:--|--:|:--|",
            words.papers_heading(),
            words.disputed()
        );
        for row in &rows {
            let _ = writeln!(
                md,
                "| {} | {} | {} |",
                escape(&row.topic),
                row.keys.len(),
                row.dispute.map(|s| words.strength(s)).unwrap_or_default()
            );
        }
        md.push('\n');
    }
    md.push_str(words.handout_table_key());
    md.push_str("\n\n");
    md
}

/// A level-two heading in `words`' language; a Chinese one carries the English
/// heading's identifier (`{#sources}`), so links and the short handout's print
/// stylesheet find it in either language.
pub(crate) fn heading(words: Messages, text: &str, id: &str) -> String {
    match words.lang() {
        Lang::En => format!("## {text}\n\n"),
        Lang::Zh => format!("## {text} {{#{id}}}\n\n"),
    }
}

/// What a handout's questions are about.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Asked<'a> {
    /// The comparison of two concepts.
    Pair(NodeIndex, NodeIndex),
    /// Any of these concepts (a chain's ends, a paper's concepts).
    Concepts(&'a [NodeIndex]),
}

/// The disputes a handout asks about, and whether they are about the concepts of a
/// comparison one at a time rather than the comparison.
pub(crate) struct Discussed {
    /// Strongest first.
    pub disputes: Vec<Dispute>,
    /// For a pair the papers dispute nothing about together: the disputes are those
    /// involving either concept (the handout says so).
    pub about_either: bool,
}

/// Questions for discussion: the disputes about the lesson's concepts, strongest
/// first, each with its sides and who takes them; with `quotes`, each side's first
/// paper quoted (a short handout's only evidence). For a comparison whose pair the
/// papers dispute nothing about, a sentence says the questions involve one of them.
pub(crate) fn discussion(
    graph: &ConceptGraph,
    asked: Asked<'_>,
    most: usize,
    quotes: bool,
    words: Messages,
) -> String {
    let Discussed {
        disputes,
        about_either,
    } = discussed(graph, asked, most);
    if disputes.is_empty() {
        return String::new();
    }
    let mut md = heading(
        words,
        words.questions_for_discussion(),
        "questions-for-discussion",
    );
    if let (true, Asked::Pair(a, b)) = (about_either, asked) {
        let (a, b) = (
            node_label(graph, a, words.lang()),
            node_label(graph, b, words.lang()),
        );
        let _ = writeln!(md, "{}\n", escape(&words.questions_about_either(a, b)));
    }
    for (k, dispute) in disputes.iter().enumerate() {
        let sides: Vec<String> = dispute
            .sides
            .iter()
            .map(|side| {
                let cites: Vec<&str> = side.papers.iter().map(|p| graph.cite(p)).collect();
                let answer = answer_in(graph, dispute, side, words.lang());
                words.answer_by(&answer, &cites.join("; "))
            })
            .collect();
        let _ = writeln!(
            md,
            "{}. {} {}\n",
            k + 1,
            escape(&question_in(graph, dispute, words.lang())),
            escape(&words.papers_answer(&sides, dispute.strength))
        );
        if quotes {
            for source in dispute
                .sides
                .iter()
                .filter_map(|side| side_source(graph, side))
            {
                md.push_str(&quote_block(graph, source));
            }
        }
    }
    md
}

/// The disputes a handout asks about, strongest first, at most `most`, leaving out
/// lists and positions (long, and the table shows them) and pairs merely related
/// differently. For a comparison, those that bear on it: the disputes involving both
/// concepts (which include every dispute marked on a row of their comparison); only
/// where there are none, those involving either.
pub(crate) fn discussed(graph: &ConceptGraph, asked: Asked<'_>, most: usize) -> Discussed {
    let worth_asking = |d: &Dispute| {
        d.strength != Strength::Related && !matches!(d.kind, Kind::Lists | Kind::Positions)
    };
    let about = |nodes: &[NodeIndex]| -> Vec<Dispute> {
        contested_about(graph, nodes)
            .into_iter()
            .filter(worth_asking)
            .collect()
    };
    let (mut disputes, about_either) = match asked {
        Asked::Concepts(nodes) => (about(nodes), false),
        Asked::Pair(a, b) => {
            let either = about(&[a, b]);
            let (both, alone): (Vec<Dispute>, Vec<Dispute>) = either
                .into_iter()
                .partition(|d| d.subject.contains(&a) && d.subject.contains(&b));
            if both.is_empty() {
                (alone, true)
            } else {
                (both, false)
            }
        }
    };
    disputes.truncate(most);
    Discussed {
        about_either: about_either && !disputes.is_empty(),
        disputes,
    }
}

/// The source that speaks for one side of a dispute: the first quote its first paper
/// gives in the side's claims.
fn side_source<'g>(graph: &'g ConceptGraph, side: &Side) -> Option<&'g Source> {
    let paper = side.papers.first()?;
    side.claims
        .iter()
        .flat_map(|claim| match *claim {
            ClaimRef::Relation(edge) => graph.relation(edge).sources.iter().collect(),
            ClaimRef::Fact(i) => graph
                .facts()
                .get(i)
                .map(|f| f.sources.iter().collect::<Vec<_>>())
                .unwrap_or_default(),
        })
        .find(|source| &source.paper == paper)
}

/// A quote as the handout sets it under a numbered item: the whole sentence it is in,
/// escaped so pandoc keeps it verbatim, then its paper and place.
fn quote_block(graph: &ConceptGraph, source: &Source) -> String {
    format!(
        "    > “{}”  \n    > — {}, {}\n\n",
        escape(&graph.printed_quote(source)),
        escape(graph.cite(&source.paper)),
        escape(&graph.cited_locator(source))
    )
}

/// The handout's Markdown: the heading, the compact comparison (for a comparison), the
/// figure fitted to the page, the evidence step by step (not in a short handout), the
/// questions for discussion and the sources.
pub fn markdown(
    graph: &ConceptGraph,
    argument: &Argument<'_>,
    subject: &Subject,
    figure: Figure<'_>,
    options: &Options,
) -> String {
    let words = Messages::of(argument.lang);
    let mut md = front_matter(&argument.title, options, "");
    let asked = match subject {
        Subject::Diff(a, b) => {
            md.push_str(&heading(words, words.at_a_glance(), "at-a-glance"));
            let table = JournalTable::new(graph, (*a, *b), &PaperFilter::every(), words.lang());
            md.push_str(&comparison_table(&table, words));
            Asked::Pair(*a, *b)
        }
        Subject::Path(a, b) => Asked::Concepts(&[*a, *b]),
        Subject::Paper(_) => Asked::Concepts(&argument.nodes),
    };
    let image = format!(
        "![{}]({}){}\n\n",
        escape(&argument.title),
        figure.src,
        fitted(figure.size, options.short)
    );
    let most = if options.short { 3 } else { 6 };
    let questions = discussion(graph, asked, most, false, words);
    // A short handout is the comparison and the questions on one page, the figure on
    // the next; a full one the figure, then the evidence.
    if options.short {
        md.push_str(&questions);
    }
    md.push_str(&image);
    let mut cited: Vec<&str> = Vec::new();
    if !options.short {
        md.push_str(&heading(
            words,
            words.step_by_step(),
            "the-argument-step-by-step",
        ));
    }
    for (k, step) in argument.steps.iter().enumerate() {
        for source in &step.sources {
            if !cited.contains(&source.paper.as_str()) {
                cited.push(&source.paper);
            }
        }
        if options.short {
            continue;
        }
        let _ = writeln!(md, "{}. {}\n", k + 1, escape(&step.sentence));
        if let Some((from, to)) = &step.positions {
            let colon = words.colon();
            let _ = writeln!(
                md,
                "    - {}{colon}{}\n    - {}{colon}{}\n",
                escape(node_label(graph, step.hop.from, words.lang())),
                escape(from),
                escape(node_label(graph, step.hop.to, words.lang())),
                escape(to)
            );
        }
        for source in &step.sources {
            md.push_str(&quote_block(graph, source));
        }
    }
    if !options.short {
        md.push_str(&questions);
    }
    md.push_str(&sources(graph, &cited, words));
    md
}

/// The heading as pandoc metadata, so DOCX, HTML and PDF get a real title line: the
/// lecturer's title (else `title`), course and date, then `extra` metadata lines.
pub(crate) fn front_matter(title: &str, options: &Options, extra: &str) -> String {
    let mut md = String::new();
    let title = options.title.as_deref().unwrap_or(title);
    let _ = writeln!(md, "---\ntitle: {}", yaml(title));
    if let Some(course) = &options.course {
        let _ = writeln!(md, "subtitle: {}", yaml(course));
    }
    if let Some(date) = &options.date {
        let _ = writeln!(md, "date: {}", yaml(date));
    }
    md.push_str(extra);
    md.push_str("---\n\n");
    md
}

/// The sources section: the full citation of each paper `cited` names, in data order.
pub(crate) fn sources(graph: &ConceptGraph, cited: &[&str], words: Messages) -> String {
    let mut md = heading(words, words.sources_heading(), "sources");
    for paper in graph.papers().filter(|p| cited.contains(&p.id.as_str())) {
        match full_citation(paper) {
            Some(full) => {
                let _ = writeln!(
                    md,
                    "- **{}**{}{}",
                    escape(paper.citation()),
                    words.colon(),
                    escape(&full)
                );
            }
            None => {
                let _ = writeln!(md, "- **{}**", escape(paper.citation()));
            }
        }
    }
    md
}

/// `bytes` in standard base64, for a `data:` URI.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn markup_in_quotes_is_escaped() {
        assert_eq!(escape("a *b* [c]"), "a \\*b\\* \\[c\\]");
    }

    /// What pandoc's `smart` extension would rewrite is escaped; a lone hyphen or
    /// full stop is not.
    #[test]
    fn what_pandoc_would_make_typographic_is_escaped() {
        assert_eq!(
            escape(r#"the "two centenary" goals' -- well-off... 2.5 ^x~ @k"#),
            r#"the \"two centenary\" goals\' \-\- well-off\.\.\. 2.5 \^x\~ \@k"#
        );
    }

    fn paper(authors: Option<&str>, year: Option<i32>, title: Option<&str>) -> Paper {
        let mut paper: Paper =
            serde_json::from_str(r#"{"id": "p", "file": "p.txt"}"#).expect("a minimal paper");
        paper.authors = authors.map(|a| vec![a.to_string()]);
        paper.year = year;
        paper.title = title.map(str::to_string);
        paper
    }

    /// Unknown fields are left out, never written "unknown".
    #[test]
    fn a_citation_gives_only_the_known_fields() {
        assert_eq!(
            full_citation(&paper(Some("Hao Yaqi"), Some(2021), Some("Logic"))).as_deref(),
            Some("Hao Yaqi (2021). Logic.")
        );
        assert_eq!(
            full_citation(&paper(None, Some(2020), Some("New theory"))).as_deref(),
            Some("New theory (2020).")
        );
        assert_eq!(full_citation(&paper(None, None, None)), None);
    }

    /// A figure is scaled into the page with its proportions, never enlarged.
    #[test]
    fn a_figure_fits_the_page() {
        let svg = br#"<?xml?><svg width="657pt" height="2365pt" viewBox="0 0 1 1">"#;
        assert_eq!(svg_size(svg), Some((657.0, 2365.0)));
        assert_eq!(fitted(svg_size(svg), false), "{width=2.36in height=8.50in}");
        assert_eq!(
            fitted(Some((72.0, 36.0)), false),
            "{width=1.00in height=0.50in}"
        );
    }
}
