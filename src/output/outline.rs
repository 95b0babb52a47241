//! `linkage paper P`: one paper's argument in outline.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::{
    show::relation_line, styled, wrap, wrap_hanging, DETAIL, HEADING, LABEL, PAPER, QUOTE,
};
use crate::{graph::ConceptGraph, query::outline::Outline};

/// The paper's record, then its claims under each heading in the paper's order.
pub fn human(graph: &ConceptGraph, outline: &Outline<'_>, with_quotes: bool) -> String {
    let paper = graph
        .paper(&outline.paper)
        .expect("outlines are of known papers");
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}",
        styled(PAPER, paper.citation()),
        styled(DETAIL, format!("[{}]", paper.id))
    );
    if let Some(title) = &paper.title {
        out.push_str(&wrap(title, "  ").replacen(title.as_str(), &styled(LABEL, title), 1));
    }
    let total: usize = outline.groups.values().map(Vec::len).sum();
    let _ = writeln!(out, "  {total} claims");
    for (heading, claims) in &outline.groups {
        let _ = writeln!(out, "\n{} ({})", styled(HEADING, heading), claims.len());
        for (i, (edge, source)) in claims.iter().enumerate() {
            let relation = graph.relation(*edge);
            let mut line = relation_line(graph, relation);
            if let (Some(d), Some(p)) = (relation.dimension, &relation.positions) {
                let _ = write!(line, " in {}: {} vs {}", graph.node(d).label, p.from, p.to);
            }
            if let Some(a) = relation.aspect {
                let _ = write!(line, " in {}", graph.node(a).label);
            }
            let number = format!("{:>3}. ", i + 1);
            out.push_str(&wrap_hanging(&line, &number, "     "));
            out.push_str(&wrap(&format!("[{}]", source.locator), "     "));
            if with_quotes {
                let quote = format!("“{}”", source.quote.trim());
                out.push_str(&wrap(&quote, "     ").replacen(&quote, &styled(QUOTE, &quote), 1));
            }
        }
    }
    out
}

/// The outline as JSON (shape in docs/json.md).
pub fn json(graph: &ConceptGraph, outline: &Outline<'_>) -> Value {
    json!({
        "paper": graph.paper(&outline.paper),
        "groups": outline.groups.iter().map(|(heading, claims)| json!({
            "heading": heading,
            "claims": claims.iter().map(|(edge, source)| {
                let mut v = crate::export::relation_json(graph, graph.relation(*edge));
                v["source"] = json!({"paper": source.paper, "locator": source.locator, "quote": source.quote});
                v.as_object_mut().expect("relations are objects").remove("sources");
                v
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
