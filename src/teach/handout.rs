//! `linkage handout`: an argument as Markdown for a class: the figure, the numbered
//! sentences with their quotes, and the full citation of every paper quoted (unknown
//! fields said to be unknown). Plain Markdown that pandoc turns into DOCX, HTML or PDF.

use std::fmt::Write as _;

use crate::{graph::ConceptGraph, paper::Paper, teach::argument::Argument};

/// Escapes the characters Markdown would read as markup in running text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A paper's full citation; every unknown field is said to be unknown, never guessed.
pub fn full_citation(paper: &Paper) -> String {
    let unknown = |field: &str| format!("{field} unknown");
    let authors = paper
        .authors
        .as_ref()
        .map_or_else(|| unknown("authors"), |a| a.join(", "));
    let year = paper
        .year
        .map_or_else(|| unknown("year"), |y| y.to_string());
    let title = paper.title.clone().unwrap_or_else(|| unknown("title"));
    let venue = paper.venue.clone().unwrap_or_else(|| unknown("venue"));
    let mut text = format!("{authors} ({year}). {title}. {venue}.");
    if let Some(doi) = &paper.doi {
        let _ = write!(text, " doi:{doi}");
    }
    if let Some(url) = &paper.url {
        let _ = write!(text, " {url}");
    }
    text
}

/// The handout's Markdown. `figure` is the image's path or URI as the Markdown
/// refers to it.
pub fn markdown(graph: &ConceptGraph, argument: &Argument<'_>, figure: &str) -> String {
    let mut md = String::new();
    // The title as pandoc metadata, so DOCX, HTML and PDF get a real title.
    let _ = writeln!(
        md,
        "---\ntitle: '{}'\n---\n",
        argument.title.replace('\'', "''")
    );
    let _ = writeln!(md, "![{}]({figure})\n", escape(&argument.title));
    let _ = writeln!(md, "## The argument, step by step\n");
    let mut cited: Vec<&str> = Vec::new();
    for (k, step) in argument.steps.iter().enumerate() {
        let _ = writeln!(md, "{}. {}\n", k + 1, escape(&step.sentence));
        if let Some((from, to)) = &step.positions {
            let _ = writeln!(
                md,
                "    - {}: {}\n    - {}: {}\n",
                escape(&graph.node(step.hop.from).label),
                escape(from),
                escape(&graph.node(step.hop.to).label),
                escape(to)
            );
        }
        for source in &step.sources {
            if !cited.contains(&source.paper.as_str()) {
                cited.push(&source.paper);
            }
            let _ = writeln!(
                md,
                "    > “{}”  \n    > — {}, {}\n",
                escape(&graph.printed_quote(source)),
                escape(graph.cite(&source.paper)),
                escape(&graph.cited_locator(source))
            );
        }
    }
    let _ = writeln!(md, "## Sources\n");
    for paper in graph.papers().filter(|p| cited.contains(&p.id.as_str())) {
        let _ = writeln!(
            md,
            "- **{}**: {}",
            escape(paper.citation()),
            escape(&full_citation(paper))
        );
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
}
