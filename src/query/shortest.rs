//! All shortest routes between two nodes of a [`Walk`], counted exactly and listed in
//! order, by bidirectional breadth-first search.
//!
//! petgraph finds *a* shortest path (`dijkstra`, `astar`) but neither all of them nor
//! their number, and it has no bidirectional search, so this is written here:
//!
//! 1. Breadth-first layers grow from both ends, always on the side with the smaller
//!    frontier (as networkx's `bidirectional_shortest_path` does), until a layer reaches
//!    a node the other side has seen. That layer is completed, so every node at the
//!    meeting position of some shortest route is found; the distance is then known.
//! 2. The nodes on shortest routes are marked position by position: back from the
//!    meeting nodes along forward distances, and on from them along backward ones.
//! 3. The routes are counted by dynamic programming over those positions (exact,
//!    saturating at `u64::MAX`) and the first `limit` are listed depth-first with
//!    neighbours in index order, which yields them in lexicographic order. Every
//!    marked node continues to the target, so listing never backtracks in vain.
//!
//! Cost: the search is O(V + E) at worst and usually touches a small part of the graph;
//! marking and counting are linear in the relations around the marked nodes; listing k
//! routes of length d costs O(k · d · degree). Memory: proportional to the nodes the
//! search reaches, not to the graph.

use petgraph::graph::NodeIndex;
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::collections::hash_map::Entry;

use super::walk::Walk;

/// "Not seen" in [`Marks`]; distances and positions are stored plus one.
const UNSEEN: u32 = 0;

/// The stored form of distance or position `i`.
fn mark(i: usize) -> u32 {
    u32::try_from(i + 1).expect("distances fit in u32")
}

/// Distances or positions of the nodes a search has reached. A hash map rather than a
/// table over all nodes: the search usually touches a small part of a large graph, and
/// clearing a table the size of the graph cost as much as the search itself.
#[derive(Default)]
struct Marks(FxHashMap<NodeIndex, u32>);

impl Marks {
    fn get(&self, v: NodeIndex) -> u32 {
        self.0.get(&v).copied().unwrap_or(UNSEEN)
    }

    fn set(&mut self, v: NodeIndex, mark: u32) {
        self.0.insert(v, mark);
    }
}

/// The shortest routes found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shortest {
    /// Number of relations on each route.
    pub(crate) length: usize,
    /// The first routes in lexicographic order of node indices, at most `limit`.
    pub(crate) routes: Vec<Vec<NodeIndex>>,
    /// How many shortest routes there are (saturating).
    pub(crate) total: u64,
}

/// All shortest routes from `from` to `to` (different nodes), or `None` when `to` cannot
/// be reached within `max_len` relations (or at all).
///
/// Cost: O(V + E) in the explored part (the two searches stop where they meet), plus
/// O(k · d · degree) to list k routes of length d.
pub(crate) fn shortest_routes(
    walk: &Walk<'_>,
    from: NodeIndex,
    to: NodeIndex,
    limit: usize,
    max_len: Option<usize>,
) -> Option<Shortest> {
    let (layers, position) = marked_layers(walk, from, to, max_len)?;
    let length = layers.len() - 1;
    let total = count(walk, &layers, &position);
    let routes = list(walk, from, length, &position, limit);
    Some(Shortest {
        length,
        routes,
        total,
    })
}

/// Every relation on some shortest route from `from` to `to` (different nodes), in
/// no particular order; empty when `to` cannot be reached within `max_len` relations.
/// A graph holding these relations (and the nodes) has the same shortest routes, with
/// the same hops, as the whole graph: what the partial read of the cache
/// (`cache/partial.rs`) loads for `path A B`.
pub(crate) fn relations_on_shortest_routes(
    walk: &Walk<'_>,
    from: NodeIndex,
    to: NodeIndex,
    max_len: Option<usize>,
) -> Vec<petgraph::graph::EdgeIndex> {
    let Some((layers, position)) = marked_layers(walk, from, to, max_len) else {
        return Vec::new();
    };
    let mut edges = Vec::new();
    for (i, layer) in layers.iter().enumerate().take(layers.len() - 1) {
        let next = mark(i + 1);
        for &v in layer {
            edges.extend(
                walk.hops_from(v)
                    .filter(|hop| position.get(hop.to) == next)
                    .map(|hop| hop.edge),
            );
        }
    }
    edges
}

/// The nodes on shortest routes from `from` to `to`, layer by layer (layer `i` the
/// nodes at position `i`, in index order), and each node's position; `None` when `to`
/// cannot be reached within `max_len` relations (or at all).
fn marked_layers(
    walk: &Walk<'_>,
    from: NodeIndex,
    to: NodeIndex,
    max_len: Option<usize>,
) -> Option<(Vec<Vec<NodeIndex>>, Marks)> {
    debug_assert_ne!(from, to);
    if !walk.enters(from) || !walk.enters(to) {
        return None;
    }
    let (forward, backward) = search(walk, from, to, max_len)?;
    let meet = forward.layers.len() - 1;
    let rest = backward.layers.len() - 1;
    let length = meet + rest;
    let depth = mark;
    // The first node both sides reach has, from each end, the distance that side has
    // grown to (were it nearer to one end, a neighbour would have met sooner). So every
    // shortest route has, at position `meet`, a node at forward distance `meet` and
    // backward distance `rest`, whichever side grew last.
    // Position of each node on the shortest routes, UNSEEN for nodes on none.
    let mut position = Marks::default();
    let meeting: Vec<NodeIndex> = forward.layers[meet]
        .iter()
        .copied()
        .filter(|&v| backward.dist.get(v) == depth(rest))
        .collect();
    debug_assert!(!meeting.is_empty());
    let mut layers: Vec<Vec<NodeIndex>> = vec![Vec::new(); length + 1];
    for &m in &meeting {
        position.set(m, depth(meet));
    }
    layers[meet] = meeting;
    for i in (0..meet).rev() {
        let mut layer = Vec::new();
        for &v in &layers[i + 1] {
            for hop in walk.hops_into(v) {
                let p = hop.from;
                if forward.dist.get(p) == depth(i) && position.get(p) == UNSEEN {
                    position.set(p, depth(i));
                    layer.push(p);
                }
            }
        }
        layer.sort_unstable();
        layers[i] = layer;
    }
    for i in meet + 1..=length {
        let mut layer = Vec::new();
        for &v in &layers[i - 1] {
            for hop in walk.hops_from(v) {
                let w = hop.to;
                if backward.dist.get(w) == depth(length - i) && position.get(w) == UNSEEN {
                    position.set(w, depth(i));
                    layer.push(w);
                }
            }
        }
        layer.sort_unstable();
        layers[i] = layer;
    }
    debug_assert_eq!(layers[0], vec![from]);
    debug_assert_eq!(layers[length], vec![to]);
    Some((layers, position))
}

/// One side of the bidirectional search: distances from its end and its layers.
struct Side {
    dist: Marks,
    layers: Vec<Vec<NodeIndex>>,
}

impl Side {
    fn new(start: NodeIndex) -> Self {
        // Room for a typical search on a large graph, so the map rarely grows.
        let mut dist = Marks(FxHashMap::with_capacity_and_hasher(4096, FxBuildHasher));
        dist.set(start, mark(0));
        Self {
            dist,
            layers: vec![vec![start]],
        }
    }
}

/// Grows layers from both ends until they meet; `None` if they never do (in `max_len`).
fn search(
    walk: &Walk<'_>,
    from: NodeIndex,
    to: NodeIndex,
    max_len: Option<usize>,
) -> Option<(Side, Side)> {
    let mut forward = Side::new(from);
    let mut backward = Side::new(to);
    loop {
        let reached = forward.layers.len() - 1 + backward.layers.len() - 1;
        if max_len.is_some_and(|max| reached >= max) {
            return None;
        }
        let grow_forward = forward.layers.last()?.len() <= backward.layers.last()?.len();
        let (side, other) = if grow_forward {
            (&mut forward, &backward)
        } else {
            (&mut backward, &forward)
        };
        let depth = mark(side.layers.len());
        let mut next = Vec::new();
        let mut met = false;
        for &u in side.layers.last().expect("a side always has a layer") {
            let mut visit = |w: NodeIndex| {
                if let Entry::Vacant(slot) = side.dist.0.entry(w) {
                    slot.insert(depth);
                    next.push(w);
                    met |= other.dist.get(w) != UNSEEN;
                }
            };
            if grow_forward {
                walk.hops_from(u).for_each(|h| visit(h.to));
            } else {
                walk.hops_into(u).for_each(|h| visit(h.from));
            }
        }
        if next.is_empty() {
            return None;
        }
        next.sort_unstable();
        side.layers.push(next);
        if met {
            return Some((forward, backward));
        }
    }
}

/// Number of routes through the marked positions, by dynamic programming.
fn count(walk: &Walk<'_>, layers: &[Vec<NodeIndex>], position: &Marks) -> u64 {
    let mut ways = FxHashMap::default();
    ways.insert(layers[0][0], 1u64);
    for (i, layer) in layers.iter().enumerate().skip(1) {
        let before = mark(i - 1);
        for &v in layer {
            let mut sum = 0u64;
            for p in walk.predecessors(v) {
                if position.get(p) == before {
                    sum = sum.saturating_add(ways.get(&p).copied().unwrap_or(0));
                }
            }
            ways.insert(v, sum);
        }
    }
    ways.get(&layers[layers.len() - 1][0]).copied().unwrap_or(0)
}

/// The first `limit` routes in lexicographic order, depth-first over marked positions.
fn list(
    walk: &Walk<'_>,
    from: NodeIndex,
    d: usize,
    position: &Marks,
    limit: usize,
) -> Vec<Vec<NodeIndex>> {
    let next = |v: NodeIndex, i: usize| -> Vec<NodeIndex> {
        let i = mark(i);
        walk.successors(v)
            .into_iter()
            .filter(|&w| position.get(w) == i)
            .collect()
    };
    let mut routes = Vec::new();
    let mut route = vec![from];
    let mut stack = vec![(next(from, 1), 0usize)];
    while routes.len() < limit {
        let Some((children, at)) = stack.last_mut() else {
            break;
        };
        let Some(&child) = children.get(*at) else {
            stack.pop();
            route.pop();
            continue;
        };
        *at += 1;
        route.push(child);
        if route.len() == d + 1 {
            routes.push(route.clone());
            route.pop();
        } else {
            stack.push((next(child, route.len()), 0));
        }
    }
    routes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::{graph, ids};

    fn n(i: usize) -> NodeIndex {
        NodeIndex::new(i)
    }

    #[test]
    fn a_diamond_has_two_shortest_routes_in_order() {
        // 0 → 1 → 3, 0 → 2 → 3, 0 → 4 → 5 → 3
        let g = graph(
            6,
            &[
                (0, 2, "premise-of"),
                (0, 1, "premise-of"),
                (1, 3, "premise-of"),
                (2, 3, "premise-of"),
                (0, 4, "premise-of"),
                (4, 5, "premise-of"),
                (5, 3, "premise-of"),
            ],
        );
        let found = shortest_routes(&Walk::everything(&g), n(0), n(3), 10, None).unwrap();
        assert_eq!(found.length, 2);
        assert_eq!(found.total, 2);
        assert_eq!(ids(&found.routes), vec![vec![0, 1, 3], vec![0, 2, 3]]);
    }

    #[test]
    fn parallel_relations_make_one_route() {
        let g = graph(
            2,
            &[
                (0, 1, "premise-of"),
                (0, 1, "part-of"),
                (1, 0, "mutually-promotes"),
            ],
        );
        let found = shortest_routes(&Walk::everything(&g), n(0), n(1), 10, None).unwrap();
        assert_eq!((found.length, found.total), (1, 1));
    }

    #[test]
    fn direction_matters_unless_symmetric() {
        let g = graph(3, &[(1, 0, "premise-of"), (1, 2, "mutually-promotes")]);
        let walk = Walk::everything(&g);
        assert!(shortest_routes(&walk, n(0), n(2), 10, None).is_none());
        let found = shortest_routes(&walk, n(2), n(0), 10, None).unwrap();
        assert_eq!(ids(&found.routes), vec![vec![2, 1, 0]]);
    }

    #[test]
    fn the_limit_cuts_the_list_but_not_the_count() {
        // A ladder of 5 diamonds: 2^5 shortest routes.
        let mut relations = Vec::new();
        for k in 0..5 {
            let base = k * 3;
            relations.push((base, base + 1, "premise-of"));
            relations.push((base, base + 2, "premise-of"));
            relations.push((base + 1, base + 3, "premise-of"));
            relations.push((base + 2, base + 3, "premise-of"));
        }
        let g = graph(16, &relations);
        let found = shortest_routes(&Walk::everything(&g), n(0), n(15), 3, None).unwrap();
        assert_eq!(found.length, 10);
        assert_eq!(found.total, 32);
        assert_eq!(found.routes.len(), 3);
        assert!(found.routes.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn max_len_bounds_the_search() {
        let g = graph(
            4,
            &[
                (0, 1, "premise-of"),
                (1, 2, "premise-of"),
                (2, 3, "premise-of"),
            ],
        );
        let walk = Walk::everything(&g);
        assert!(shortest_routes(&walk, n(0), n(3), 10, Some(2)).is_none());
        assert_eq!(
            shortest_routes(&walk, n(0), n(3), 10, Some(3))
                .unwrap()
                .length,
            3
        );
    }
}
