//! `neighbors`: the ego network of a node, the nodes and relations within a few steps.
//!
//! A breadth-first search limited to `depth` layers, written out here: petgraph's `Bfs`
//! reports neither the layer of a node nor the relations it crossed and cannot stop at
//! a depth, and `dijkstra` with unit costs would explore the whole component of a
//! large graph to answer a question about a few steps.

use std::collections::{HashMap, HashSet};

use petgraph::graph::{EdgeIndex, NodeIndex};

use super::walk::Walk;

/// The nodes within `depth` steps of a centre, and the relations that reach them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ego {
    /// The node at the centre.
    pub center: NodeIndex,
    /// How many steps out the network goes.
    pub depth: usize,
    /// Every node reached with its distance from the centre, by distance then index;
    /// the centre comes first, at distance 0.
    pub nodes: Vec<(NodeIndex, usize)>,
    /// Every admitted relation with an end nearer than `depth`, by step then edge.
    pub relations: Vec<EgoRelation>,
}

/// A relation of an ego network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EgoRelation {
    /// The relation.
    pub edge: EdgeIndex,
    /// The step at which it is met: one more than the distance of its nearer end.
    pub step: usize,
}

impl Ego {
    /// The distance of `node` from the centre, if it is in the network.
    pub fn distance(&self, node: NodeIndex) -> Option<usize> {
        self.nodes.iter().find(|(v, _)| *v == node).map(|(_, d)| *d)
    }
}

/// The ego network of `center`: breadth-first over the walk's admitted relations in both
/// directions (an ego network ignores direction), up to `depth` steps.
///
/// Cost: O(V + E) in the explored part: the nodes within `depth` steps and their
/// relations, and nothing of the rest of the graph.
pub fn ego_network(walk: &Walk<'_>, center: NodeIndex, depth: usize) -> Ego {
    let mut distance: HashMap<NodeIndex, usize> = HashMap::from([(center, 0)]);
    let mut nodes = vec![(center, 0)];
    let mut seen_edges: HashSet<EdgeIndex> = HashSet::new();
    let mut relations = Vec::new();
    let mut layer = if walk.enters(center) {
        vec![center]
    } else {
        Vec::new()
    };
    for step in 1..=depth {
        let mut next = Vec::new();
        for &v in &layer {
            for hop in walk
                .hops_from(v)
                .chain(walk.hops_into(v).map(|h| super::walk::Hop {
                    from: h.to,
                    to: h.from,
                    forward: !h.forward,
                    ..h
                }))
            {
                if seen_edges.insert(hop.edge) {
                    relations.push(EgoRelation {
                        edge: hop.edge,
                        step,
                    });
                }
                if let std::collections::hash_map::Entry::Vacant(slot) = distance.entry(hop.to) {
                    slot.insert(step);
                    next.push(hop.to);
                }
            }
        }
        next.sort_unstable();
        nodes.extend(next.iter().map(|&v| (v, step)));
        layer = next;
    }
    relations.sort_by_key(|r| (r.step, r.edge));
    Ego {
        center,
        depth,
        nodes,
        relations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::graph;

    #[test]
    fn the_network_grows_one_step_at_a_time_both_ways() {
        // 1 → 0 → 2 → 3, and 3 → 4
        let g = graph(
            5,
            &[
                (1, 0, "premise-of"),
                (0, 2, "premise-of"),
                (2, 3, "premise-of"),
                (3, 4, "premise-of"),
            ],
        );
        let walk = Walk::everything(&g);
        let n = NodeIndex::new;
        let one = ego_network(&walk, n(0), 1);
        assert_eq!(one.nodes, vec![(n(0), 0), (n(1), 1), (n(2), 1)]);
        assert_eq!(one.relations.len(), 2);
        let two = ego_network(&walk, n(0), 2);
        assert_eq!(two.distance(n(3)), Some(2));
        assert_eq!(two.distance(n(4)), None);
        assert_eq!(
            two.relations.iter().map(|r| r.step).collect::<Vec<_>>(),
            vec![1, 1, 2]
        );
    }
}
