//! `linkage search`: nodes whose names or description hold the text, and claims whose
//! quote or locator does (as [`Sought`] finds a phrase).

use std::fmt::Write as _;

use petgraph::graph::{EdgeIndex, NodeIndex};
use serde::Serialize;

use super::{node_line, relation_line, shape::SourceJson, source_block, styled, wrap, HEADING};
use crate::{graph::ConceptGraph, node::Node, normalize::Sought, relation::Source};

/// What a search found.
#[derive(Debug, Default)]
pub struct Found<'g> {
    /// Matching nodes, in data order.
    pub nodes: Vec<NodeIndex>,
    /// Matching sources with their relation, in data order.
    pub quotes: Vec<(EdgeIndex, &'g Source)>,
}

impl Found<'_> {
    /// Whether nothing matched.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.quotes.is_empty()
    }
}

/// Search of names, `label_zh`, descriptions, quotes and locators for `text` as
/// [`Sought`] finds it: as written (case aside), or its words, normalised, near one
/// another in any order.
pub fn search<'g>(graph: &'g ConceptGraph, text: &str) -> Found<'g> {
    if text.trim().is_empty() {
        return Found::default();
    }
    let sought = Sought::new(text);
    let found = |hay: &str| sought.found_in(hay);
    let nodes = graph
        .node_indices()
        .filter(|&ix| {
            let node = graph.node(ix);
            node.names().any(found)
                || node.label_zh.as_deref().is_some_and(found)
                || node.description.as_deref().is_some_and(found)
        })
        .collect();
    let quotes = graph
        .relations()
        .flat_map(|(edge, relation)| relation.sources.iter().map(move |s| (edge, s)))
        .filter(|(_, s)| found(s.quote()) || found(s.locator()))
        .collect();
    Found { nodes, quotes }
}

/// Matches as text: nodes first, then quotes with the relation they support.
pub fn human(graph: &ConceptGraph, found: &Found<'_>, with_quotes: bool) -> String {
    let mut out = String::new();
    if !found.nodes.is_empty() {
        let _ = writeln!(out, "{} ({})", styled(HEADING, "Nodes"), found.nodes.len());
        for &ix in &found.nodes {
            out.push_str(&node_line(graph, ix, "  ", "    "));
        }
        out.push('\n');
    }
    if !found.quotes.is_empty() {
        let _ = writeln!(
            out,
            "{} ({})",
            styled(HEADING, "Quotes"),
            found.quotes.len()
        );
        for (edge, source) in &found.quotes {
            out.push_str(&wrap(&relation_line(graph, graph.relation(*edge)), "  "));
            out.push_str(&source_block(graph, source, "      ", with_quotes));
        }
    }
    out
}

/// The JSON shape of `search` (docs/json.md).
#[derive(Debug, Serialize)]
pub struct SearchJson<'g> {
    /// Matching nodes.
    pub nodes: Vec<&'g Node>,
    /// Matching quotes, each with the relation it supports.
    pub quotes: Vec<QuoteJson<'g>>,
}

/// A quote with the relation it supports.
#[derive(Debug, Serialize)]
pub struct QuoteJson<'g> {
    /// Relation kind.
    pub kind: &'g str,
    /// Source node id.
    pub from: &'g str,
    /// Target node id.
    pub to: &'g str,
    /// The source.
    #[serde(flatten)]
    pub source: SourceJson<'g>,
}

/// Matches as their JSON shape.
pub fn json<'g>(graph: &'g ConceptGraph, found: &Found<'g>) -> SearchJson<'g> {
    SearchJson {
        nodes: found.nodes.iter().map(|&ix| graph.node(ix)).collect(),
        quotes: found
            .quotes
            .iter()
            .map(|&(edge, source)| {
                let r = graph.relation(edge);
                QuoteJson {
                    kind: &r.kind,
                    from: &graph.node(r.from).id,
                    to: &graph.node(r.to).id,
                    source: SourceJson::new(graph, source),
                }
            })
            .collect(),
    }
}
