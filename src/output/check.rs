//! `linkage check`: a summary of the dataset, quote verification results, and the
//! concepts that are probably one.

use std::fmt::Write as _;

use serde_json::json;

use crate::{diagnostic::Diagnostic, graph::ConceptGraph, quotes::QuoteReport};

/// Summary of a valid dataset and, if quotes were checked, which texts were used, the
/// result, the locators derived from the texts for sources that omit theirs, and the
/// warnings (short quotes, locators not found in the text or naming another section);
/// then the concepts that are probably one (`duplicates`, as warnings).
pub fn human(
    graph: &ConceptGraph,
    quotes: Option<&QuoteReport>,
    duplicates: &[Diagnostic],
) -> String {
    let mut out = quote_summary(graph, quotes);
    if !duplicates.is_empty() {
        for warning in duplicates {
            let _ = write!(out, "\n{warning}");
        }
        let count = duplicates.len();
        let _ = writeln!(
            out,
            "\n{count} {} of concepts probably one",
            plural(count, "pair", "pairs")
        );
    }
    out
}

fn quote_summary(graph: &ConceptGraph, quotes: Option<&QuoteReport>) -> String {
    let (claims, sources) = totals(graph);
    let mut out = String::new();
    let (nodes, relations, papers) = (
        graph.node_count(),
        graph.relation_count(),
        graph.papers().count(),
    );
    let _ = writeln!(
        out,
        "ok: {nodes} {}, {relations} {}, {papers} {}, {claims} {}, {sources} {}",
        plural(nodes, "node", "nodes"),
        plural(relations, "relation", "relations"),
        plural(papers, "paper", "papers"),
        plural(claims, "claim", "claims"),
        plural(sources, "quote", "quotes"),
    );
    let Some(report) = quotes else {
        let _ = writeln!(
            out,
            "quotes not verified: no texts (give --sources DIR, or put the papers' texts in the data directory's texts/)"
        );
        return out;
    };
    let _ = writeln!(out, "texts: {}", report.texts);
    let not_found = report.not_found().len();
    if not_found > 0 {
        let _ = writeln!(
            out,
            "{not_found} of {} quotes checked not found in their papers",
            report.checked
        );
    } else if report.unchecked == 0 {
        let _ = writeln!(
            out,
            "ok: all {} quotes found verbatim in their papers",
            report.checked
        );
    } else if report.checked > 0 {
        let _ = writeln!(
            out,
            "all {} quotes checked found verbatim in their papers",
            report.checked
        );
    }
    if report.unchecked > 0 {
        let _ = writeln!(
            out,
            "{} {} not checked: {} missing",
            report.unchecked,
            plural(report.unchecked, "quote", "quotes"),
            plural(
                report.missing_texts,
                "a paper's text is",
                "papers' texts are"
            ),
        );
    }
    if !report.derived.is_empty() {
        let count = report.derived.len();
        let _ = writeln!(
            out,
            "{count} {} derived from the texts' headings:",
            plural(count, "locator", "locators")
        );
        for derived in &report.derived {
            let place = derived.line.map_or(derived.file.clone(), |line| {
                format!("{}:{line}", derived.file)
            });
            let _ = writeln!(
                out,
                "  {place}: {} \"{}\" (text line {})",
                graph.cite(&derived.paper),
                derived.locator,
                derived.text_line
            );
        }
    }
    for warning in &report.warnings {
        let _ = write!(out, "\n{warning}");
    }
    if !report.warnings.is_empty() {
        let count = report.warnings.len();
        let _ = writeln!(out, "\n{count} {}", plural(count, "warning", "warnings"));
    }
    out
}

/// The same as JSON.
pub fn json(
    graph: &ConceptGraph,
    quotes: Option<&QuoteReport>,
    duplicates: &[Diagnostic],
) -> serde_json::Value {
    let (claims, sources) = totals(graph);
    let problem = |d: &Diagnostic| {
        json!({
            "location": d.location(),
            "message": d.message,
        })
    };
    json!({
        "valid": quotes.is_none_or(|q| q.failures.is_empty()),
        "nodes": graph.node_count(),
        "relations": graph.relation_count(),
        "papers": graph.papers().count(),
        "claims": claims,
        "facts": graph.facts().len(),
        "quotes": sources,
        "duplicates": duplicates.iter().map(problem).collect::<Vec<_>>(),
        "verified": quotes.map(|q| json!({
            "texts": q.texts,
            "checked": q.checked,
            "unchecked": q.unchecked,
            "not_found": q.not_found().iter().map(problem).collect::<Vec<_>>(),
            "missing_texts": q.missing().iter().map(problem).collect::<Vec<_>>(),
            "warnings": q.warnings.iter().map(problem).collect::<Vec<_>>(),
            "unlocated": q.unlocated().iter().map(problem).collect::<Vec<_>>(),
            "derived_locators": q.derived.iter().map(|d| json!({
                "location": d.line.map_or(d.file.clone(), |line| format!("{}:{line}", d.file)),
                "paper": d.paper,
                "locator": d.locator,
                "text_line": d.text_line,
            })).collect::<Vec<_>>(),
        })),
    })
}

/// Claims (a relation or fact as one paper asserts it) and quotes, counted as `papers`
/// counts them.
fn totals(graph: &ConceptGraph) -> (usize, usize) {
    crate::query::outline::counts(graph)
        .values()
        .fold((0, 0), |(c, q), (claims, quotes)| (c + claims, q + quotes))
}

fn plural(count: usize, one: &'static str, many: &'static str) -> &'static str {
    if count == 1 {
        one
    } else {
        many
    }
}
