//! `linkage check`: a summary of the dataset, and quote verification results.

use std::fmt::Write as _;

use serde_json::json;

use crate::{graph::ConceptGraph, quotes::QuoteReport};

/// Summary of a valid dataset and, if quotes were checked, their result.
pub fn human(graph: &ConceptGraph, quotes: Option<&QuoteReport>) -> String {
    let sources: usize = graph.relations().map(|(_, r)| r.sources.len()).sum();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "ok: {} nodes, {} relations, {} papers, {} sourced claims",
        graph.node_count(),
        graph.relation_count(),
        graph.papers().count(),
        sources
    );
    if let Some(report) = quotes {
        if report.failures.is_empty() {
            let _ = writeln!(
                out,
                "ok: all {} quotes found verbatim in their papers",
                report.checked
            );
        } else {
            let _ = writeln!(
                out,
                "{} of {} quotes not found in their papers",
                report.failures.len(),
                report.checked
            );
        }
    }
    out
}

/// The same as JSON.
pub fn json(graph: &ConceptGraph, quotes: Option<&QuoteReport>) -> serde_json::Value {
    let sources: usize = graph.relations().map(|(_, r)| r.sources.len()).sum();
    json!({
        "valid": quotes.is_none_or(|q| q.failures.is_empty()),
        "nodes": graph.node_count(),
        "relations": graph.relation_count(),
        "papers": graph.papers().count(),
        "claims": sources,
        "quotes": quotes.map(|q| json!({
            "checked": q.checked,
            "not_found": q.failures.iter().map(|d| json!({
                "location": d.location(),
                "message": d.message,
            })).collect::<Vec<_>>(),
        })),
    })
}
