//! `compare`: which paper asserts which common ground and which difference, as a
//! matrix of comparison rows (aspect or dimension, from the comparison model) against
//! paper columns. Row totals show where the literature agrees.

use petgraph::graph::NodeIndex;

use super::comparison::{rows, Row, Stance};
use crate::graph::ConceptGraph;

/// The agreement matrix.
#[derive(Debug)]
pub struct Matrix<'g> {
    /// Paper ids, one column each, in data order.
    pub papers: Vec<String>,
    /// Common-ground rows first, then difference rows; within each, most-agreed first.
    pub rows: Vec<MatrixRow<'g>>,
}

/// A comparison row with its cells.
#[derive(Debug)]
pub struct MatrixRow<'g> {
    /// The comparison.
    pub row: Row<'g>,
    /// For each column, whether that paper asserts this comparison.
    pub asserted: Vec<bool>,
}

impl MatrixRow<'_> {
    /// How many papers assert the row (the same count as [`Row::papers`]).
    pub fn total(&self) -> usize {
        self.row.papers().len()
    }
}

/// Builds the matrix over every comparison, or only those between `pair` when given,
/// with columns for `papers` (every paper when empty).
pub fn compare<'g>(
    graph: &'g ConceptGraph,
    pair: Option<(NodeIndex, NodeIndex)>,
    papers: &[String],
) -> Matrix<'g> {
    let columns: Vec<String> = if papers.is_empty() {
        graph.papers().map(|p| p.id.clone()).collect()
    } else {
        papers.to_vec()
    };
    let mut matrix: Vec<MatrixRow<'g>> = rows(graph, pair, papers)
        .into_iter()
        .map(|row| {
            let asserting = row.papers();
            let asserted = columns
                .iter()
                .map(|c| asserting.contains(&c.as_str()))
                .collect();
            MatrixRow { row, asserted }
        })
        .collect();
    // Stable sort: common ground before differences, more papers first, else data order.
    matrix.sort_by_key(|r| {
        (
            r.row.stance == Stance::Difference,
            std::cmp::Reverse(r.total()),
        )
    });
    Matrix {
        papers: columns,
        rows: matrix,
    }
}
