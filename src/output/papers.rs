//! `linkage papers`: each paper with what is known of its citation and its claim count.

use std::fmt::Write as _;

use serde_json::json;

use super::{styled, wrap, DETAIL, LABEL, PAPER};
use crate::graph::ConceptGraph;

/// Papers in data order with claim counts; unknown fields are shown as unknown.
pub fn human(graph: &ConceptGraph) -> String {
    let counts = graph.claim_counts();
    let mut out = String::new();
    for paper in graph.papers() {
        let claims = counts.get(paper.id.as_str()).copied().unwrap_or(0);
        let _ = writeln!(
            out,
            "{}  {}  {} claim{}",
            styled(PAPER, paper.citation()),
            styled(DETAIL, format!("[{}]", paper.id)),
            claims,
            if claims == 1 { "" } else { "s" }
        );
        let unknown = "unknown";
        let title = paper.title.as_deref().unwrap_or("(title unknown)");
        out.push_str(&wrap(title, "    ").replacen(title, &styled(LABEL, title), 1));
        let authors = paper
            .authors
            .as_ref()
            .map_or(unknown.to_string(), |a| a.join(", "));
        let year = paper.year.map_or(unknown.to_string(), |y| y.to_string());
        let venue = paper.venue.as_deref().unwrap_or(unknown);
        out.push_str(&wrap(
            &format!("authors: {authors}; year: {year}; venue: {venue}"),
            "    ",
        ));
        if let Some(doi) = &paper.doi {
            let _ = writeln!(out, "    doi: {doi}");
        }
        if let Some(url) = &paper.url {
            let _ = writeln!(out, "    url: {url}");
        }
        let _ = writeln!(out, "    text: {}", paper.file);
        if let Some(note) = &paper.note {
            out.push_str(&wrap(note, "    "));
        }
        out.push('\n');
    }
    out
}

/// Papers as JSON, each with a `claims` count.
pub fn json(graph: &ConceptGraph) -> serde_json::Value {
    let counts = graph.claim_counts();
    graph
        .papers()
        .map(|p| {
            let mut value = json!(p);
            value["cite"] = json!(p.citation());
            value["claims"] = json!(counts.get(p.id.as_str()).copied().unwrap_or(0));
            value
        })
        .collect()
}
