//! `handout --diff A B --short`: two printed pages through pandoc and weasyprint, at
//! A4 and at Letter, every quote as the paper has it, the figure inside the page.

use std::{path::Path, process::Command as Process};

use crate::{
    common::{graph, linkage, out_dir},
    teach::unescape_markdown,
};

/// Runs `program ARGS` in `dir`, which must succeed; returns its standard output.
fn tool(program: &str, args: &[&str], dir: &Path) -> Vec<u8> {
    let out = Process::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs (scripts/test-deps.sh): {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Whitespace runs as one space, as a sentence reads across the text's line breaks.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A page rasterised in grey (`pdftoppm -gray`, a binary PGM): width, height, pixels.
fn grey_page(pgm: &[u8]) -> (usize, usize, Vec<u8>) {
    // "P5\n<w> <h>\n255\n" then the pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5", "a binary grey map");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, pgm[at + 1..].to_vec())
}

/// The short handout is at most two pages at A4 and at Letter, with nothing drawn
/// outside the page's margins (the figure inside the page box); every quote on it is
/// the paper's sentence as the text in data/texts has it, and pandoc keeps it so.
#[test]
#[ignore = "needs Graphviz, pandoc with weasyprint and poppler-utils: scripts/test-deps.sh"]
fn a_short_handout_is_two_pages_with_every_quote_verbatim_and_the_figure_inside() {
    let dir = out_dir("handout-short");
    linkage()
        .current_dir(&dir)
        .args([
            "handout", "--diff", "tpa", "rr", "--short", "-o", "short.md",
        ])
        .args(["--course", "POL 214", "--date", "8 December 2026"])
        .assert()
        .success();
    let md = std::fs::read_to_string(dir.join("short.md")).unwrap();
    // The parts, in order: the table, the questions, the journal figure, the sources.
    let at = |needle: &str| md.find(needle).unwrap_or_else(|| panic!("no {needle}"));
    assert!(
        at("| Common ground | Papers | Disputed |") < at("## Questions for discussion")
            && at("## Questions for discussion") < at("](short.svg)")
            && at("](short.svg)") < at("## Sources")
    );
    assert!(
        md.contains("\n3. ") && !md.contains("\n4. "),
        "three questions"
    );
    let svg = std::fs::read_to_string(dir.join("short.svg")).unwrap();
    assert!(svg.contains("Aspect / dimension"), "the journal figure");

    // Every quote with its paper, each the paper's own sentence.
    let graph = graph();
    let lines: Vec<&str> = md.lines().collect();
    let mut quotes = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let Some(quote) = line
            .strip_prefix("    > “")
            .and_then(|l| l.strip_suffix("”  "))
        else {
            continue;
        };
        let quote = unescape_markdown(quote);
        let cite = unescape_markdown(lines[k + 1].strip_prefix("    > — ").unwrap());
        let paper = graph
            .papers()
            .find(|p| cite.starts_with(&format!("{}, ", p.citation())))
            .unwrap_or_else(|| panic!("no paper cited as {cite}"));
        let text = std::fs::read_to_string(
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("data/texts")
                .join(&paper.file),
        )
        .unwrap();
        let text = collapsed(&text);
        for part in quote.split('…').map(str::trim).filter(|p| !p.is_empty()) {
            assert!(
                text.contains(&collapsed(part)),
                "not in {}: {part}",
                paper.file
            );
        }
        quotes.push(quote);
    }
    assert!(quotes.len() >= 4, "a quote for each side: {quotes:#?}");
    let plain = tool("pandoc", &["short.md", "-t", "plain", "--wrap=none"], &dir);
    let plain = collapsed(&String::from_utf8(plain).unwrap());
    for quote in &quotes {
        assert!(plain.contains(&collapsed(quote)), "pandoc altered {quote}");
    }

    std::fs::write(dir.join("letter.css"), "@page { size: letter; }\n").unwrap();
    for (paper, extra) in [("a4", None), ("letter", Some("letter.css"))] {
        let pdf = format!("{paper}.pdf");
        let mut args = vec!["short.md", "--pdf-engine=weasyprint", "-o", &pdf];
        if let Some(css) = extra {
            args.extend(["--css", css]);
        }
        tool("pandoc", &args, &dir);
        let info = String::from_utf8(tool("pdfinfo", &[&pdf], &dir)).unwrap();
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert!(pages <= 2, "{paper}: {pages} pages");
        // Nothing drawn within 8 mm of a page's edge: the margins are 10 and 12 mm,
        // so the figure, the widest thing on the pages, lies inside the page box.
        let dpi = 50.0;
        tool("pdftoppm", &["-gray", "-r", "50", &pdf, paper], &dir);
        for page in 1..=pages {
            let pgm = std::fs::read(dir.join(format!("{paper}-{page}.pgm"))).unwrap();
            let (w, h, pixels) = grey_page(&pgm);
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let edge = (0.8 / 2.54 * dpi) as usize;
            for y in 0..h {
                for x in 0..w {
                    let inside = (edge..w - edge).contains(&x) && (edge..h - edge).contains(&y);
                    assert!(
                        inside || pixels[y * w + x] > 200,
                        "{paper} page {page}: ink at ({x}, {y}) of {w}x{h}, in the margin"
                    );
                }
            }
        }
    }
}

/// A pair the papers relate but do not compare (no common ground, no difference) has
/// no comparison to draw: its short handout draws the argument's figure, as a chain's
/// does, rather than an empty table.
#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn a_short_handout_of_a_pair_not_compared_draws_the_argument() {
    let (code, md, _) = crate::common::run(&[
        "handout",
        "--diff",
        "tpa",
        "second-centenary-goal",
        "--short",
    ]);
    assert_eq!(code, 0);
    assert!(md.contains("](data:image/svg+xml;base64,"));
    assert!(
        !md.contains("a dot for each paper behind a row"),
        "no empty comparison figure"
    );
    assert!(!md.contains("header-includes"), "{}", &md[..300]);
}
