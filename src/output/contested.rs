//! `linkage contested`: conflicting relations between the same nodes, and views.

use std::fmt::Write as _;

use serde::Serialize;

use super::{
    citations, node_line, relation_line_ids, shape::ClaimJson, source_block, sources_block, styled,
    wrap, wrap_hanging, wrap_styled, HEADING, LABEL,
};
use crate::{
    graph::ConceptGraph,
    node::Node,
    query::contested::{Contested, ContestedPair, Reason},
};

fn pair_title(graph: &ConceptGraph, item: &ContestedPair) -> String {
    let (a, b) = item.pair;
    let base = format!("{} — {}", graph.node(a).id, graph.node(b).id);
    match item.reason {
        Reason::RelatedDifferently => base,
        Reason::AgreeAndDiffer(d) | Reason::DivergentPositions(d) => {
            format!("{base}: {}", graph.node(d).label)
        }
    }
}

type Section = (&'static str, fn(&Reason) -> bool);

/// Contested pairs by reason, then the views, each claim attributed.
pub fn human(graph: &ConceptGraph, contested: &Contested, with_quotes: bool) -> String {
    let mut out = String::new();
    let sections: [Section; 3] = [
        ("Related in different ways", |r| {
            matches!(r, Reason::RelatedDifferently)
        }),
        ("Named both common ground and a difference", |r| {
            matches!(r, Reason::AgreeAndDiffer(_))
        }),
        ("Different positions on the same dimension", |r| {
            matches!(r, Reason::DivergentPositions(_))
        }),
    ];
    let papers = &contested.papers;
    for (title, wanted) in sections {
        let items: Vec<&ContestedPair> = contested
            .pairs
            .iter()
            .filter(|p| wanted(&p.reason))
            .collect();
        let _ = writeln!(out, "{} ({})", styled(HEADING, title), items.len());
        for item in items {
            out.push_str(&wrap_styled(LABEL, &pair_title(graph, item), "  ", "    "));
            for &edge in &item.edges {
                let relation = graph.relation(edge);
                let mut line = relation_line_ids(graph, relation);
                if let Some(p) = &relation.positions {
                    let _ = write!(line, " ({} vs {})", p.from, p.to);
                }
                let _ = write!(line, " — {}", citations(graph, &relation.papers_in(papers)));
                out.push_str(&wrap_hanging(&line, "    ", "      "));
                if with_quotes {
                    for source in relation.sources_in(papers) {
                        out.push_str(&source_block(graph, source, "        ", true));
                    }
                }
            }
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{} ({})",
        styled(HEADING, "Academic views reported"),
        contested.views.len()
    );
    for (view, edges) in &contested.views {
        out.push_str(&node_line(graph, *view, "  ", "    "));
        if let Some(description) = &graph.node(*view).description {
            out.push_str(&wrap(description, "    "));
        }
        for &edge in edges {
            let relation = graph.relation(edge);
            let kind = graph.kind_of(relation);
            let other = if relation.from == *view {
                relation.to
            } else {
                relation.from
            };
            let _ = writeln!(out, "    {} {}", kind.label, graph.node(other).id);
            out.push_str(&sources_block(
                graph,
                relation.sources_in(papers),
                "      ",
                with_quotes,
            ));
        }
    }
    out
}

/// The JSON shape of `contested` (docs/json.md).
#[derive(Debug, Serialize)]
pub struct ContestedJson<'g> {
    /// Contested pairs.
    pub pairs: Vec<PairJson<'g>>,
    /// Reported academic views.
    pub views: Vec<ViewJson<'g>>,
}

/// One contested pair.
#[derive(Debug, Serialize)]
pub struct PairJson<'g> {
    /// Lower node id.
    pub a: &'g str,
    /// Other node id.
    pub b: &'g str,
    /// `related-differently`, `agree-and-differ` or `divergent-positions`.
    pub reason: &'static str,
    /// The aspect or dimension in question, if any.
    pub dimension: Option<&'g str>,
    /// The relations involved, with the filtered papers' sources.
    pub relations: Vec<ClaimJson<'g>>,
}

/// One view with its relations.
#[derive(Debug, Serialize)]
pub struct ViewJson<'g> {
    /// The view node.
    pub view: &'g Node,
    /// Its relations.
    pub relations: Vec<ClaimJson<'g>>,
}

/// Contested pairs and views as their JSON shape.
pub fn json<'g>(graph: &'g ConceptGraph, contested: &'g Contested) -> ContestedJson<'g> {
    let papers = &contested.papers;
    let claim = |e| {
        let relation = graph.relation(e);
        ClaimJson::new(graph, relation, relation.sources_in(papers))
    };
    ContestedJson {
        pairs: contested
            .pairs
            .iter()
            .map(|item| {
                let (reason, dimension) = match item.reason {
                    Reason::RelatedDifferently => ("related-differently", None),
                    Reason::AgreeAndDiffer(d) => ("agree-and-differ", Some(d)),
                    Reason::DivergentPositions(d) => ("divergent-positions", Some(d)),
                };
                PairJson {
                    a: &graph.node(item.pair.0).id,
                    b: &graph.node(item.pair.1).id,
                    reason,
                    dimension: dimension.map(|d| graph.node(d).id.as_str()),
                    relations: item.edges.iter().map(|&e| claim(e)).collect(),
                }
            })
            .collect(),
        views: contested
            .views
            .iter()
            .map(|(view, edges)| ViewJson {
                view: graph.node(*view),
                relations: edges.iter().map(|&e| claim(e)).collect(),
            })
            .collect(),
    }
}
