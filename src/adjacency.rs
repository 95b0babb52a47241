//! A compact adjacency index of the concept graph: for every node, its outgoing and
//! incoming relations as contiguous arrays of (other end, edge, kind).
//!
//! petgraph's `Graph` threads each node's edges through a linked list inside the edge
//! array, and our edges carry whole relations (sources, quotes, positions), so walking
//! a node's relations touches one scattered cache line per relation. Breadth-first
//! search on a large graph spent most of its time there. This index is built once,
//! when the graph is loaded (a counting sort, O(V + E), 12 bytes per relation and
//! direction), and lets a search read a node's relations, and their kinds, from one
//! place. petgraph's graph stays the model; this is only an index over it.

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};

use crate::{node::Node, relation::Relation};

/// One relation seen from one of its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Adjacent {
    /// The node at the other end.
    pub(crate) other: NodeIndex,
    /// The relation's edge.
    pub(crate) edge: EdgeIndex,
    /// The relation's kind, as its index in the schema's relation kinds.
    pub(crate) kind: u16,
}

/// Every node's outgoing and incoming relations, each list in edge (data) order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Adjacency {
    out_start: Vec<u32>,
    out: Vec<Adjacent>,
    in_start: Vec<u32>,
    incoming: Vec<Adjacent>,
}

impl Adjacency {
    /// Indexes `graph`, whose edge `i` has kind `kinds[i]`. The edges are read twice
    /// (count, then place) rather than copied out: a million ends held apart would
    /// raise the peak by their 8 MB.
    pub(crate) fn new(graph: &DiGraph<Node, Relation>, kinds: &[u16]) -> Self {
        let ends = graph.raw_edges().iter().map(|e| (e.source(), e.target()));
        Self::from_ends(graph.node_count(), ends, kinds)
    }

    /// Indexes a graph of `nodes` nodes whose edge `i` goes from the `i`th of `ends`
    /// and has kind `kinds[i]`.
    pub(crate) fn from_ends(
        nodes: usize,
        ends: impl ExactSizeIterator<Item = (NodeIndex, NodeIndex)> + Clone,
        kinds: &[u16],
    ) -> Self {
        let mut out_start = vec![0u32; nodes + 1];
        let mut in_start = vec![0u32; nodes + 1];
        for (from, to) in ends.clone() {
            out_start[from.index() + 1] += 1;
            in_start[to.index() + 1] += 1;
        }
        for i in 0..nodes {
            out_start[i + 1] += out_start[i];
            in_start[i + 1] += in_start[i];
        }
        let empty = Adjacent {
            other: NodeIndex::end(),
            edge: EdgeIndex::end(),
            kind: 0,
        };
        let mut out = vec![empty; ends.len()];
        let mut incoming = vec![empty; ends.len()];
        let mut out_next: Vec<u32> = out_start[..nodes].to_vec();
        let mut in_next: Vec<u32> = in_start[..nodes].to_vec();
        for (i, (from, to)) in ends.enumerate() {
            let id = EdgeIndex::new(i);
            let kind = kinds[i];
            out[out_next[from.index()] as usize] = Adjacent {
                other: to,
                edge: id,
                kind,
            };
            out_next[from.index()] += 1;
            incoming[in_next[to.index()] as usize] = Adjacent {
                other: from,
                edge: id,
                kind,
            };
            in_next[to.index()] += 1;
        }
        Self {
            out_start,
            out,
            in_start,
            incoming,
        }
    }

    /// The relations leaving `node`, in edge order.
    pub(crate) fn outgoing(&self, node: NodeIndex) -> &[Adjacent] {
        let i = node.index();
        &self.out[self.out_start[i] as usize..self.out_start[i + 1] as usize]
    }

    /// The relations arriving at `node`, in edge order.
    pub(crate) fn incoming(&self, node: NodeIndex) -> &[Adjacent] {
        let i = node.index();
        &self.incoming[self.in_start[i] as usize..self.in_start[i + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::graph;

    #[test]
    fn each_node_lists_its_relations_both_ways_in_edge_order() {
        let g = graph(
            3,
            &[
                (0, 1, "premise-of"),
                (2, 0, "part-of"),
                (0, 2, "drives"),
                (1, 2, "premise-of"),
            ],
        );
        let adjacency = g.adjacency();
        let n = NodeIndex::new;
        let out: Vec<(usize, usize)> = adjacency
            .outgoing(n(0))
            .iter()
            .map(|a| (a.other.index(), a.edge.index()))
            .collect();
        assert_eq!(out, vec![(1, 0), (2, 2)]);
        let incoming: Vec<usize> = adjacency
            .incoming(n(2))
            .iter()
            .map(|a| a.edge.index())
            .collect();
        assert_eq!(incoming, vec![2, 3]);
        let kinds = &g.schema().relation_kinds;
        assert_eq!(
            usize::from(adjacency.incoming(n(0))[0].kind),
            kinds.get_index_of("part-of").unwrap()
        );
        assert_eq!(
            g.kind_index(EdgeIndex::new(2)),
            kinds.get_index_of("drives").unwrap()
        );
    }
}
