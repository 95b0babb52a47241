//! `linkage papers`: each paper with what is known of its citation and how much of it
//! the data encodes: claims (relations it asserts) and quotes (passages backing them).

use std::fmt::Write as _;

use super::{count, shape::PaperJson, styled, wrap, DETAIL, LABEL, PAPER};
use crate::{graph::ConceptGraph, query::outline::counts};

/// Papers in data order with claim and quote counts; unknown fields are shown as
/// unknown, inferred ones as inferred.
pub fn human(graph: &ConceptGraph, keep: &dyn Fn(&str) -> bool) -> String {
    let counts = counts(graph);
    let mut out = String::new();
    for paper in graph.papers().filter(|p| keep(&p.id)) {
        let (claims, quotes) = counts.get(paper.id.as_str()).copied().unwrap_or((0, 0));
        let _ = writeln!(
            out,
            "{}  {}  {}, {}",
            styled(PAPER, paper.citation()),
            styled(DETAIL, format!("[{}]", paper.id)),
            count(claims, "claim", "claims"),
            count(quotes, "quote", "quotes"),
        );
        let unknown = "unknown";
        let title = paper.title.as_deref().unwrap_or("(title unknown)");
        out.push_str(&wrap(title, "    ").replacen(title, &styled(LABEL, title), 1));
        let mark = |field: &str| {
            if paper.inferred.contains_key(field) {
                " (inferred)"
            } else {
                ""
            }
        };
        let authors = paper
            .authors
            .as_ref()
            .map_or(unknown.to_string(), |a| a.join(", "));
        let year = paper.year.map_or(unknown.to_string(), |y| y.to_string());
        let venue = paper.venue.as_deref().unwrap_or(unknown);
        out.push_str(&wrap(
            &format!(
                "authors: {authors}{}; year: {year}{}; venue: {venue}{}",
                mark("authors"),
                mark("year"),
                mark("venue")
            ),
            "    ",
        ));
        if let Some(pages) = &paper.pages {
            let _ = writeln!(out, "    pages: {pages}{}", mark("pages"));
        }
        if let Some(doi) = &paper.doi {
            let _ = writeln!(out, "    doi: {doi}{}", mark("doi"));
        }
        if let Some(url) = &paper.url {
            let _ = writeln!(out, "    url: {url}{}", mark("url"));
        }
        let _ = writeln!(out, "    text: {}", paper.file);
        for (field, how) in &paper.inferred {
            out.push_str(&wrap(&format!("{field} inferred: {how}"), "    "));
        }
        let partners: Vec<&str> = graph
            .papers()
            .filter(|p| crate::paper::share_text(&graph.papers, &paper.id, &p.id))
            .map(crate::paper::Paper::citation)
            .collect();
        if !partners.is_empty() {
            out.push_str(&wrap(
                &format!("shares passages of text with: {}", partners.join("; ")),
                "    ",
            ));
        }
        if let Some(note) = &paper.note {
            out.push_str(&wrap(note, "    "));
        }
        out.push('\n');
    }
    out
}

/// Papers as their JSON shape, each with `claims` and `quotes` counts.
pub fn json<'g>(graph: &'g ConceptGraph, keep: &dyn Fn(&str) -> bool) -> Vec<PaperJson<'g>> {
    let counts = counts(graph);
    graph
        .papers()
        .filter(|p| keep(&p.id))
        .map(|p| {
            let (claims, quotes) = counts.get(p.id.as_str()).copied().unwrap_or((0, 0));
            PaperJson::new(graph, p, claims, quotes)
        })
        .collect()
}
