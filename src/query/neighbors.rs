//! `neighbors`: the ego network of a node, the nodes and relations within a few steps.
//!
//! A breadth-first search limited to `depth` layers, written out here: petgraph's `Bfs`
//! reports neither the layer of a node nor the relations it crossed and cannot stop at
//! a depth, and `dijkstra` with unit costs would explore the whole component of a
//! large graph to answer a question about a few steps.

use std::collections::{HashMap, HashSet};

use petgraph::graph::{EdgeIndex, NodeIndex};

use super::walk::Walk;
use crate::graph::ConceptGraph;

/// The nodes within `depth` steps of a centre, and the relations among them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ego {
    /// The node at the centre.
    pub center: NodeIndex,
    /// How many steps out the network goes.
    pub depth: usize,
    /// Every node reached with its distance from the centre, by distance then index;
    /// the centre comes first, at distance 0.
    pub nodes: Vec<(NodeIndex, usize)>,
    /// Every admitted relation between two of the nodes, by step then edge.
    pub relations: Vec<EgoRelation>,
}

/// A relation of an ego network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EgoRelation {
    /// The relation.
    pub edge: EdgeIndex,
    /// The step at which it is met: one more than the distance of its nearer end (so a
    /// relation between two nodes `depth` steps out is met at step `depth + 1`).
    pub step: usize,
}

impl Ego {
    /// The distance of `node` from the centre, if it is in the network.
    pub fn distance(&self, node: NodeIndex) -> Option<usize> {
        self.nodes.iter().find(|(v, _)| *v == node).map(|(_, d)| *d)
    }
}

/// The ego network of `center` under `walk`: see [`reach`], which `export --focus` and
/// `dot --focus` use too.
pub fn ego_network(walk: &Walk<'_>, center: NodeIndex, depth: usize) -> Ego {
    let (nodes, relations) = reach(
        walk.graph(),
        &[center],
        depth,
        |edge| walk.admits(edge),
        |node| walk.enters(node),
    );
    Ego {
        center,
        depth,
        nodes,
        relations,
    }
}

/// The one ego-network traversal, for `neighbors`, `export --focus` and `dot --focus`:
/// breadth-first from `centres` over the relations `admits` takes, in both directions
/// (an ego network ignores direction), into the nodes `enters` takes, up to `depth`
/// steps. The network is every node reached, with its distance (the centres at 0, by
/// distance then index), and every admitted relation between two of its nodes: the
/// induced subgraph, the usual meaning of an ego network, where two neighbours' own
/// relation is part of the picture. A centre `enters` refuses is in the network alone.
///
/// Cost: O(V + E) in the explored part (the nodes within `depth` steps and their
/// relations); the walk stops when a step reaches nothing new, so a large `depth` costs
/// no more than the component.
pub fn reach(
    graph: &ConceptGraph,
    centres: &[NodeIndex],
    depth: usize,
    admits: impl Fn(EdgeIndex) -> bool,
    enters: impl Fn(NodeIndex) -> bool,
) -> (Vec<(NodeIndex, usize)>, Vec<EgoRelation>) {
    let mut distance: HashMap<NodeIndex, usize> = HashMap::new();
    let mut nodes = Vec::new();
    let mut layer = Vec::new();
    for &centre in centres {
        if distance.insert(centre, 0).is_none() {
            nodes.push((centre, 0));
            if enters(centre) {
                layer.push(centre);
            }
        }
    }
    for step in 1..=depth {
        let mut next = Vec::new();
        for &v in &layer {
            for incident in graph.incident(v) {
                if !admits(incident.edge) || !enters(incident.other) {
                    continue;
                }
                if let std::collections::hash_map::Entry::Vacant(slot) =
                    distance.entry(incident.other)
                {
                    slot.insert(step);
                    next.push(incident.other);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        next.sort_unstable();
        nodes.extend(next.iter().map(|&v| (v, step)));
        layer = next;
    }
    let mut seen: HashSet<EdgeIndex> = HashSet::new();
    let mut relations = Vec::new();
    for &(v, d) in &nodes {
        if !enters(v) {
            continue;
        }
        for incident in graph.incident(v) {
            let Some(&other) = distance.get(&incident.other) else {
                continue;
            };
            if admits(incident.edge) && enters(incident.other) && seen.insert(incident.edge) {
                relations.push(EgoRelation {
                    edge: incident.edge,
                    step: d.min(other) + 1,
                });
            }
        }
    }
    relations.sort_by_key(|r| (r.step, r.edge));
    (nodes, relations)
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
