//! `compare`: which paper asserts which common ground and which difference, as a
//! matrix of (aspect or dimension) rows against paper columns. Row totals show where
//! the literature agrees.

use indexmap::IndexMap;
use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::{graph::ConceptGraph, schema::Role};

/// The agreement matrix.
#[derive(Debug)]
pub struct Matrix {
    /// Paper ids, one column each, in data order.
    pub papers: Vec<String>,
    /// Common-ground rows first, then difference rows; within each, most-agreed first.
    pub rows: Vec<Row>,
}

/// One aspect of common ground, or one dimension of difference, between one pair.
#[derive(Debug)]
pub struct Row {
    /// Common ground or difference.
    pub role: Role,
    /// The pair of nodes, in the direction first written.
    pub pair: (NodeIndex, NodeIndex),
    /// The aspect (common ground) or dimension (difference).
    pub dimension: NodeIndex,
    /// For each column, whether that paper asserts this row.
    pub asserted: Vec<bool>,
    /// The relations behind the row.
    pub edges: Vec<EdgeIndex>,
}

impl Row {
    /// How many papers assert the row.
    pub fn total(&self) -> usize {
        self.asserted.iter().filter(|&&a| a).count()
    }
}

/// Builds the matrix over every common-ground and difference relation, or only those
/// between `pair` when given, with columns for `papers` (every paper when empty).
pub fn compare(
    graph: &ConceptGraph,
    pair: Option<(NodeIndex, NodeIndex)>,
    papers: &[String],
) -> Matrix {
    let columns: Vec<String> = if papers.is_empty() {
        graph.papers().map(|p| p.id.clone()).collect()
    } else {
        papers.to_vec()
    };
    let mut rows: IndexMap<(bool, NodeIndex, NodeIndex, NodeIndex), Row> = IndexMap::new();
    for (edge, relation) in graph.relations() {
        let role = graph.role_of(relation);
        let dimension = match role {
            Role::CommonGround => relation.aspect,
            Role::Difference => relation.dimension,
            Role::Ordinary => None,
        };
        let Some(dimension) = dimension else { continue };
        let (lo, hi) = if relation.from < relation.to {
            (relation.from, relation.to)
        } else {
            (relation.to, relation.from)
        };
        if let Some((a, b)) = pair {
            if (lo, hi) != (a.min(b), a.max(b)) {
                continue;
            }
        }
        let asserted: Vec<bool> = columns
            .iter()
            .map(|p| relation.sources.iter().any(|s| &s.paper == p))
            .collect();
        if !asserted.contains(&true) {
            continue;
        }
        let oriented = match pair {
            Some((a, b)) => (a, b),
            None => (relation.from, relation.to),
        };
        let row = rows
            .entry((role == Role::Difference, lo, hi, dimension))
            .or_insert_with(|| Row {
                role,
                pair: oriented,
                dimension,
                asserted: vec![false; columns.len()],
                edges: Vec::new(),
            });
        for (cell, new) in row.asserted.iter_mut().zip(&asserted) {
            *cell |= *new;
        }
        row.edges.push(edge);
    }
    let mut rows: Vec<Row> = rows.into_values().collect();
    // Stable sort: common ground before differences, more papers first, else data order.
    rows.sort_by_key(|r| (r.role == Role::Difference, std::cmp::Reverse(r.total())));
    Matrix {
        papers: columns,
        rows,
    }
}
