//! `contested`: where the papers relate the same two nodes in different ways, and the
//! academic views they report.

use std::collections::HashMap;

use indexmap::IndexMap;
use petgraph::graph::{EdgeIndex, NodeIndex};

use super::comparison::{self, Stance};
use crate::{graph::ConceptGraph, schema::Role};

/// Everything contested in the dataset.
#[derive(Debug)]
pub struct Contested {
    /// Pairs of nodes related in conflicting ways, in data order of their first relation.
    pub pairs: Vec<ContestedPair>,
    /// View nodes with the relations that attach them, in data order.
    pub views: Vec<(NodeIndex, Vec<EdgeIndex>)>,
    /// The papers the query was narrowed to (all when empty): sources are shown
    /// under this filter.
    pub papers: Vec<String>,
}

/// One contested pair and why.
#[derive(Debug)]
pub struct ContestedPair {
    /// The two nodes, lower index first.
    pub pair: (NodeIndex, NodeIndex),
    /// What is contested.
    pub reason: Reason,
    /// The relations involved.
    pub edges: Vec<EdgeIndex>,
}

/// Why a pair is contested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Papers use different relation kinds (or directions) for the pair.
    RelatedDifferently,
    /// The same aspect is named as common ground and as a difference.
    AgreeAndDiffer(NodeIndex),
    /// Papers give different positions on the same dimension.
    DivergentPositions(NodeIndex),
}

/// Finds contested pairs (restricted to claims by `papers` when not empty) and views.
///
/// Pairs related differently come from the ordinary relations; the two comparison
/// disputes (an aspect named both common ground and a difference; different positions
/// on one dimension) from the comparison model's rows. Linear in the relations.
pub fn contested(graph: &ConceptGraph, papers: &[String]) -> Contested {
    let key = |r: &crate::relation::Relation| (r.from.min(r.to), r.from.max(r.to));
    let mut ordinary: IndexMap<(NodeIndex, NodeIndex), Vec<EdgeIndex>> = IndexMap::new();
    for (edge, relation) in graph.relations() {
        if graph.role_of(relation) == Role::Ordinary && relation.asserted_by_any(papers) {
            ordinary.entry(key(relation)).or_default().push(edge);
        }
    }
    let mut found: Vec<(EdgeIndex, ContestedPair)> = Vec::new();
    for (pair, edges) in ordinary {
        let mut ways: IndexMap<(&str, NodeIndex), Vec<&str>> = IndexMap::new();
        let mut all_papers: Vec<&str> = Vec::new();
        for &edge in &edges {
            let r = graph.relation(edge);
            let asserting = r.papers_in(papers);
            all_papers.extend(&asserting);
            ways.entry((r.kind.as_str(), r.from))
                .or_default()
                .extend(asserting);
        }
        all_papers.sort_unstable();
        all_papers.dedup();
        // `ways.len() > 1` implies at least two edges.
        if let (true, Some(&first)) = (ways.len() > 1 && all_papers.len() > 1, edges.first()) {
            found.push((
                first,
                ContestedPair {
                    pair,
                    reason: Reason::RelatedDifferently,
                    edges,
                },
            ));
        }
    }
    let rows = comparison::rows(graph, None, papers);
    let mut common: HashMap<(NodeIndex, NodeIndex, NodeIndex), Vec<EdgeIndex>> = HashMap::new();
    for row in rows.iter().filter(|r| r.stance == Stance::CommonGround) {
        let pair = (row.pair.0.min(row.pair.1), row.pair.0.max(row.pair.1));
        common.insert(
            (pair.0, pair.1, row.topic),
            row.claims.iter().map(|c| c.edge).collect(),
        );
    }
    for row in rows.iter().filter(|r| r.stance == Stance::Difference) {
        let pair = (row.pair.0.min(row.pair.1), row.pair.0.max(row.pair.1));
        let differing: Vec<EdgeIndex> = row.claims.iter().map(|c| c.edge).collect();
        let Some(&first) = differing.first() else {
            continue;
        };
        if let Some(agreeing) = common.get(&(pair.0, pair.1, row.topic)) {
            let mut involved = agreeing.clone();
            involved.extend(&differing);
            found.push((
                first,
                ContestedPair {
                    pair,
                    reason: Reason::AgreeAndDiffer(row.topic),
                    edges: involved,
                },
            ));
        }
        let wordings = row.wordings();
        let mut paper_sets: Vec<Vec<&str>> = wordings
            .iter()
            .map(|w| {
                let mut set = w.papers();
                set.sort_unstable();
                set
            })
            .collect();
        paper_sets.sort();
        paper_sets.dedup();
        if wordings.len() > 1 && paper_sets.len() > 1 {
            found.push((
                first,
                ContestedPair {
                    pair,
                    reason: Reason::DivergentPositions(row.topic),
                    edges: differing,
                },
            ));
        }
    }
    // Data order of each dispute's first relation, as before the model was shared.
    found.sort_by_key(|(first, _)| *first);
    let pairs = found.into_iter().map(|(_, pair)| pair).collect();
    let views = graph
        .node_indices()
        .filter(|&ix| graph.node(ix).kind == "view")
        .map(|ix| {
            let edges = graph
                .incident(ix)
                .into_iter()
                .filter(|i| i.relation.asserted_by_any(papers))
                .map(|i| i.edge)
                .collect();
            (ix, edges)
        })
        .filter(|(_, edges): &(NodeIndex, Vec<EdgeIndex>)| !edges.is_empty())
        .collect();
    Contested {
        pairs,
        views,
        papers: papers.to_vec(),
    }
}
