//! Verifying that every quote occurs in its paper's text.
//!
//! Comparison normalises white space and line breaks (the texts were converted from
//! PDF and wrap anywhere) and nothing else: case, punctuation and typos must match.

use std::{collections::HashMap, path::Path};

use crate::{
    diagnostic::Diagnostic, error::Error, graph::ConceptGraph, load::normalize_space, source_map,
};

/// The outcome of a quote check.
#[derive(Debug)]
pub struct QuoteReport {
    /// Number of sources checked.
    pub checked: usize,
    /// One diagnostic per quote not found, in data order.
    pub failures: Vec<Diagnostic>,
}

/// Checks every source's quote against `dir/<paper.file>`.
///
/// # Errors
/// [`Error::Io`] naming the file when a paper's text cannot be read.
pub fn verify_quotes(graph: &ConceptGraph, dir: &Path) -> Result<QuoteReport, Error> {
    let mut texts: HashMap<&str, String> = HashMap::new();
    for paper in graph.papers() {
        let path = dir.join(&paper.file);
        let text = std::fs::read(&path).map_err(|e| Error::io("read", &path, e))?;
        texts.insert(&paper.id, normalize_space(&String::from_utf8_lossy(&text)));
    }
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut sources: Vec<_> = graph
        .relations()
        .flat_map(|(_, r)| r.sources.iter())
        .collect();
    sources.sort_by_key(|s| (s.origin.file, s.origin.relation, s.origin.source));
    for source in sources {
        checked += 1;
        let Some(text) = texts.get(source.paper.as_str()) else {
            continue;
        };
        if text.contains(&normalize_space(&source.quote)) {
            continue;
        }
        let file = &graph.files()[source.origin.file as usize];
        let paper = graph
            .paper(&source.paper)
            .expect("sources cite known papers");
        let mut diagnostic = Diagnostic::error(
            file.name.clone(),
            format!(
                "quote not found in {} ({}): \"{}\"",
                paper.citation(),
                paper.file,
                shorten(&source.quote, 90)
            ),
        )
        .with_hint(hint_for(text, &normalize_space(&source.quote)));
        if let Some((line, column)) = source_map::locate(&file.text, &source.origin.quote_pointer())
        {
            diagnostic = diagnostic.at(&file.text, line, column);
        }
        failures.push(diagnostic);
    }
    Ok(QuoteReport { checked, failures })
}

/// Points at the longest prefix of the quote that the paper does contain, which is
/// usually where a copying slip is.
fn hint_for(text: &str, quote: &str) -> String {
    let words: Vec<&str> = quote.split(' ').collect();
    let mut low = 0;
    let mut high = words.len();
    while low < high {
        let mid = (low + high).div_ceil(2);
        if text.contains(&words[..mid].join(" ")) {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    if low == 0 {
        "not even the first word matches; check the paper id".to_string()
    } else {
        format!(
            "the paper has the first {low} of {} words; the text differs from \"{}\"",
            words.len(),
            shorten(&words[low..].join(" "), 40)
        )
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}
