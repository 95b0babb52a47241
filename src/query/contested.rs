//! `contested`: where the papers relate the same two nodes in different ways, and the
//! academic views they report.

use std::collections::HashMap;

use indexmap::IndexMap;
use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::{graph::ConceptGraph, schema::Role};

/// Everything contested in the dataset.
#[derive(Debug)]
pub struct Contested {
    /// Pairs of nodes related in conflicting ways, in data order of their first relation.
    pub pairs: Vec<ContestedPair>,
    /// View nodes with the relations that attach them, in data order.
    pub views: Vec<(NodeIndex, Vec<EdgeIndex>)>,
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
/// One pass over the relations to group them by pair, then work per pair: linear in the
/// number of relations.
pub fn contested(graph: &ConceptGraph, papers: &[String]) -> Contested {
    let mut by_pair: IndexMap<(NodeIndex, NodeIndex), Vec<EdgeIndex>> = IndexMap::new();
    for (edge, relation) in graph.relations() {
        if !relation.asserted_by_any(papers) {
            continue;
        }
        let key = (
            relation.from.min(relation.to),
            relation.from.max(relation.to),
        );
        by_pair.entry(key).or_default().push(edge);
    }
    let paper_set = |edge: EdgeIndex| -> Vec<String> {
        let mut set: Vec<String> = graph
            .relation(edge)
            .sources
            .iter()
            .filter(|s| papers.is_empty() || papers.contains(&s.paper))
            .map(|s| s.paper.clone())
            .collect();
        set.sort();
        set.dedup();
        set
    };
    let mut pairs = Vec::new();
    for (pair, edges) in by_pair.into_iter().filter(|(_, e)| e.len() > 1) {
        let ordinary: Vec<EdgeIndex> = edges
            .iter()
            .copied()
            .filter(|&e| graph.role_of(graph.relation(e)) == Role::Ordinary)
            .collect();
        let mut ways: IndexMap<(String, NodeIndex), Vec<String>> = IndexMap::new();
        for &edge in &ordinary {
            let r = graph.relation(edge);
            ways.entry((r.kind.clone(), r.from))
                .or_default()
                .extend(paper_set(edge));
        }
        let distinct_papers: std::collections::BTreeSet<&String> =
            ways.values().flatten().collect();
        if ways.len() > 1 && distinct_papers.len() > 1 {
            pairs.push(ContestedPair {
                pair,
                reason: Reason::RelatedDifferently,
                edges: ordinary,
            });
        }
        let mut common: HashMap<NodeIndex, Vec<EdgeIndex>> = HashMap::new();
        let mut differ: IndexMap<NodeIndex, Vec<EdgeIndex>> = IndexMap::new();
        for &edge in &edges {
            let r = graph.relation(edge);
            match graph.role_of(r) {
                Role::CommonGround => common
                    .entry(r.aspect.expect("validated"))
                    .or_default()
                    .push(edge),
                Role::Difference => differ
                    .entry(r.dimension.expect("validated"))
                    .or_default()
                    .push(edge),
                Role::Ordinary => {}
            }
        }
        for (dimension, differing) in &differ {
            if let Some(agreeing) = common.get(dimension) {
                let mut involved = agreeing.clone();
                involved.extend(differing);
                pairs.push(ContestedPair {
                    pair,
                    reason: Reason::AgreeAndDiffer(*dimension),
                    edges: involved,
                });
            }
            let wordings: std::collections::BTreeSet<Vec<String>> =
                differing.iter().map(|&e| paper_set(e)).collect();
            if differing.len() > 1 && wordings.len() > 1 {
                pairs.push(ContestedPair {
                    pair,
                    reason: Reason::DivergentPositions(*dimension),
                    edges: differing.clone(),
                });
            }
        }
    }
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
    Contested { pairs, views }
}
