//! `compare`: which paper asserts which common ground and which difference, as a
//! matrix of comparison rows (aspect or dimension, from the comparison model) against
//! paper columns. Row totals show where the literature agrees.

use petgraph::graph::NodeIndex;

use super::comparison::{both_ways, rows, Row, Stance};
use crate::{graph::ConceptGraph, logic::Verdict, paper_filter::PaperFilter};

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
    /// When other papers name the same topic of the same pair the other way (common
    /// ground against a difference): the logic's verdict on the two
    /// ([`super::comparison::both_ways`]), a framing or a conflict.
    pub both_ways: Option<Verdict>,
}

impl MatrixRow<'_> {
    /// How many papers assert the row (the same count as [`Row::papers`]).
    pub fn total(&self) -> usize {
        self.row.papers().len()
    }
}

/// Builds the matrix over every comparison, or only those between `pair` when given,
/// with a column for each paper `papers` keeps.
pub fn compare<'g>(
    graph: &'g ConceptGraph,
    pair: Option<(NodeIndex, NodeIndex)>,
    papers: &PaperFilter,
) -> Matrix<'g> {
    let columns: Vec<String> = if papers.keeps_every_paper() {
        graph.papers().map(|p| p.id.clone()).collect()
    } else {
        papers.named().to_vec()
    };
    let all = rows(graph, pair, papers);
    let edges = |row: &Row<'_>| -> Vec<petgraph::graph::EdgeIndex> {
        row.claims.iter().map(|c| c.edge).collect()
    };
    let unordered = |row: &Row<'_>| (row.pair.0.min(row.pair.1), row.pair.0.max(row.pair.1));
    let opposite = |row: &Row<'_>| {
        all.iter().find(|other| {
            other.stance != row.stance
                && other.topic == row.topic
                && unordered(other) == unordered(row)
        })
    };
    let verdicts: Vec<Option<Verdict>> = all
        .iter()
        .map(|row| {
            let other = opposite(row)?;
            let (shared, different) = match row.stance {
                Stance::CommonGround => (row, other),
                Stance::Difference => (other, row),
            };
            both_ways(graph, &edges(shared), &edges(different))
        })
        .collect();
    let mut matrix: Vec<MatrixRow<'g>> = all
        .into_iter()
        .zip(verdicts)
        .map(|(row, both_ways)| {
            let asserting = row.papers();
            let asserted = columns
                .iter()
                .map(|c| asserting.contains(&c.as_str()))
                .collect();
            MatrixRow {
                row,
                asserted,
                both_ways,
            }
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
