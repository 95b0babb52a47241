//! Simple routes between two nodes of a [`Walk`], shortest first, with a limit and a
//! work budget.
//!
//! petgraph's `all_simple_paths` lists routes depth-first in adjacency order: it cannot
//! give the shortest first, and when no route exists it can search for a very long time
//! without yielding, so it cannot be stopped on a budget. This module does the search
//! by iterative deepening instead:
//!
//! - Breadth-first distances *to* the target (and to the `through` node, if any) are
//!   computed once, backwards. They are lower bounds on what is left of any route, so
//!   a branch that cannot reach the target within the length being searched is cut.
//! - For each length L from the lower bound up to `max_len`, a depth-first search with
//!   neighbours in index order lists the routes of exactly L relations. The routes come
//!   out ordered by length, then lexicographically by node index.
//! - Past `limit`, routes are only counted. Every relation looked at costs one unit of
//!   the [`Budget`]; when it runs out the search stops and says so, and what was listed
//!   is still a correct prefix of the ordered list.
//! - If a whole pass was never cut by the length bound, longer passes cannot find
//!   anything new, and the search ends early.
//!
//! Memory: a few words per node plus the cached neighbour lists of the nodes visited.

use std::{collections::HashMap, rc::Rc};

use petgraph::graph::NodeIndex;

use super::{
    budget::{Budget, Meter, Stop},
    walk::Walk,
};

const UNSEEN: u32 = u32::MAX;

/// What to search for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Search {
    pub(crate) from: NodeIndex,
    pub(crate) to: NodeIndex,
    /// A node every route must pass through.
    pub(crate) through: Option<NodeIndex>,
    /// Longest route, in relations.
    pub(crate) max_len: usize,
    /// How many routes to list (more are counted).
    pub(crate) limit: usize,
    /// Stop after the first length that has routes (the shortest ones).
    pub(crate) shortest_only: bool,
    pub(crate) budget: Budget,
}

/// What the search found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The first routes, ordered by length then node indices, at most `limit`.
    pub(crate) routes: Vec<Vec<NodeIndex>>,
    /// Routes found in all (listed or only counted).
    pub(crate) count: u64,
    /// Set when the budget ran out: `count` is then a lower bound.
    pub(crate) stop: Option<Stop>,
}

/// Runs `search` over `walk`.
///
/// Cost: O(V + E) within `max_len` steps of the target for the backward distances,
/// then O(b^L) relations looked at for branching factor b and length bound L, less
/// what the distance bound cuts, and never more than the work budget.
pub(crate) fn simple_routes(walk: &Walk<'_>, search: &Search) -> Found {
    let mut found = Found {
        routes: Vec::new(),
        count: 0,
        stop: None,
    };
    let Search {
        from, to, through, ..
    } = *search;
    if from == to
        || !walk.enters(from)
        || !walk.enters(to)
        || through.is_some_and(|t| t == from || t == to || !walk.enters(t))
    {
        return found;
    }
    let to_target = distances_to(walk, to, search.max_len);
    let to_through = through.map(|t| distances_to(walk, t, search.max_len));
    let mut state = State {
        walk,
        search,
        to_target,
        to_through,
        neighbours: HashMap::new(),
        meter: Meter::new(search.budget),
        visited: vec![false; walk.graph().petgraph().node_count()],
    };
    let Some(lower) = state.remaining(from, false) else {
        return found;
    };
    for length in lower.max(1)..=search.max_len {
        let before = found.count;
        let cut = state.pass(length, &mut found);
        if found.stop.is_some() || (search.shortest_only && found.count > before) || !cut {
            break;
        }
    }
    found
}

/// Backward breadth-first distances to `target`, up to `max_len` (UNSEEN beyond).
fn distances_to(walk: &Walk<'_>, target: NodeIndex, max_len: usize) -> Vec<u32> {
    let mut dist = vec![UNSEEN; walk.graph().petgraph().node_count()];
    dist[target.index()] = 0;
    let mut layer = vec![target];
    for depth in 1..=u32::try_from(max_len).unwrap_or(u32::MAX) {
        let mut next = Vec::new();
        for &v in &layer {
            for hop in walk.hops_into(v) {
                if dist[hop.from.index()] == UNSEEN {
                    dist[hop.from.index()] = depth;
                    next.push(hop.from);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        layer = next;
    }
    dist
}

struct State<'s, 'g> {
    walk: &'s Walk<'g>,
    search: &'s Search,
    to_target: Vec<u32>,
    to_through: Option<Vec<u32>>,
    neighbours: HashMap<NodeIndex, Rc<[NodeIndex]>>,
    meter: Meter,
    visited: Vec<bool>,
}

impl State<'_, '_> {
    /// Lower bound on the relations left from `v` to the target, given whether the
    /// `through` node is already behind; `None` when the target is out of reach.
    fn remaining(&self, v: NodeIndex, through_done: bool) -> Option<usize> {
        let known = |d: u32| (d != UNSEEN).then_some(d as usize);
        match (self.search.through, &self.to_through) {
            (Some(t), Some(to_through)) if !through_done && v != t => {
                Some(known(to_through[v.index()])? + known(self.to_target[t.index()])?)
            }
            _ => known(self.to_target[v.index()]),
        }
    }

    fn neighbours(&mut self, v: NodeIndex) -> Rc<[NodeIndex]> {
        let walk = self.walk;
        self.neighbours
            .entry(v)
            .or_insert_with(|| walk.successors(v).into())
            .clone()
    }

    /// Lists (and counts) every route of exactly `length` relations. Returns whether
    /// any branch was cut because of the length (so a longer pass may find more).
    fn pass(&mut self, length: usize, found: &mut Found) -> bool {
        let Search {
            from,
            to,
            through,
            limit,
            ..
        } = *self.search;
        let mut cut = false;
        let mut route = vec![from];
        self.visited[from.index()] = true;
        let mut stack = vec![(self.neighbours(from), 0usize)];
        while let Some((children, at)) = stack.last_mut() {
            let Some(&w) = children.get(*at) else {
                stack.pop();
                let left = route.pop().expect("the route is as deep as the stack");
                self.visited[left.index()] = false;
                continue;
            };
            *at += 1;
            if !self.meter.tick() {
                found.stop = self.meter.stopped();
                break;
            }
            if self.visited[w.index()] {
                continue;
            }
            let through_done = through.is_none_or(|t| self.visited[t.index()] || w == t);
            let steps = route.len();
            if w == to {
                // A route may end at the target but never pass it; shorter routes
                // were counted by earlier passes.
                if steps == length && through_done {
                    found.count += 1;
                    if found.routes.len() < limit {
                        let mut done = route.clone();
                        done.push(to);
                        found.routes.push(done);
                    }
                }
                continue;
            }
            match self.remaining(w, through_done) {
                None => continue,
                Some(left) if steps + left > length => {
                    cut = true;
                    continue;
                }
                Some(_) => {}
            }
            self.visited[w.index()] = true;
            route.push(w);
            let next = self.neighbours(w);
            stack.push((next, 0));
        }
        for v in route {
            self.visited[v.index()] = false;
        }
        cut
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::query::testing::{graph, ids};

    fn search(from: usize, to: usize, max_len: usize, limit: usize) -> Search {
        Search {
            from: NodeIndex::new(from),
            to: NodeIndex::new(to),
            through: None,
            max_len,
            limit,
            shortest_only: false,
            budget: Budget::default(),
        }
    }

    #[test]
    fn routes_come_shortest_first_then_in_index_order() {
        // 0 → 3 directly, 0 → 2 → 3, 0 → 1 → 3, 0 → 1 → 2 → 3
        let g = graph(
            4,
            &[
                (0, 3, "premise-of"),
                (0, 2, "premise-of"),
                (0, 1, "premise-of"),
                (1, 3, "premise-of"),
                (2, 3, "premise-of"),
                (1, 2, "premise-of"),
            ],
        );
        let found = simple_routes(&Walk::everything(&g), &search(0, 3, 6, 50));
        assert_eq!(
            ids(&found.routes),
            vec![vec![0, 3], vec![0, 1, 3], vec![0, 2, 3], vec![0, 1, 2, 3]]
        );
        assert_eq!((found.count, found.stop), (4, None));
    }

    #[test]
    fn max_len_and_limit_bound_the_list() {
        let g = graph(
            4,
            &[
                (0, 3, "premise-of"),
                (0, 2, "premise-of"),
                (0, 1, "premise-of"),
                (1, 3, "premise-of"),
                (2, 3, "premise-of"),
                (1, 2, "premise-of"),
            ],
        );
        let walk = Walk::everything(&g);
        assert_eq!(simple_routes(&walk, &search(0, 3, 2, 50)).count, 3);
        let limited = simple_routes(&walk, &search(0, 3, 6, 2));
        assert_eq!(ids(&limited.routes), vec![vec![0, 3], vec![0, 1, 3]]);
        assert_eq!(limited.count, 4);
    }

    #[test]
    fn routes_are_simple_even_when_cycles_abound() {
        let g = graph(
            3,
            &[
                (0, 1, "mutually-promotes"),
                (1, 2, "mutually-promotes"),
                (0, 2, "mutually-promotes"),
            ],
        );
        let found = simple_routes(&Walk::everything(&g), &search(0, 2, 6, 50));
        assert_eq!(ids(&found.routes), vec![vec![0, 2], vec![0, 1, 2]]);
    }

    #[test]
    fn through_forces_a_detour() {
        let g = graph(
            4,
            &[
                (0, 3, "premise-of"),
                (0, 1, "premise-of"),
                (1, 3, "premise-of"),
                (0, 2, "premise-of"),
                (2, 3, "premise-of"),
            ],
        );
        let mut s = search(0, 3, 6, 50);
        s.through = Some(NodeIndex::new(2));
        let found = simple_routes(&Walk::everything(&g), &s);
        assert_eq!(ids(&found.routes), vec![vec![0, 2, 3]]);
    }

    #[test]
    fn a_through_node_only_reachable_past_the_target_gives_nothing() {
        // 0 → 1 → 2; through 2 to 1 is impossible without passing 1 first.
        let g = graph(
            3,
            &[
                (0, 1, "premise-of"),
                (1, 2, "premise-of"),
                (2, 1, "part-of"),
            ],
        );
        let mut s = search(0, 1, 6, 50);
        s.through = Some(NodeIndex::new(2));
        let found = simple_routes(&Walk::everything(&g), &s);
        assert!(found.routes.is_empty());
        assert_eq!(found.stop, None);
    }

    #[test]
    fn shortest_only_stops_after_the_first_length() {
        let g = graph(
            4,
            &[
                (0, 3, "premise-of"),
                (0, 1, "premise-of"),
                (1, 3, "premise-of"),
            ],
        );
        let mut s = search(0, 3, 6, 50);
        s.shortest_only = true;
        assert_eq!(
            ids(&simple_routes(&Walk::everything(&g), &s).routes),
            vec![vec![0, 3]]
        );
    }

    #[test]
    fn a_complete_graph_is_cut_short_by_the_budget() {
        let size = 40;
        let mut relations = Vec::new();
        for a in 0..size {
            for b in a + 1..size {
                relations.push((a, b, "mutually-promotes"));
            }
        }
        let g = graph(size, &relations);
        let started = Instant::now();
        let found = simple_routes(&Walk::everything(&g), &search(0, 1, 12, 50));
        assert!(started.elapsed() < Duration::from_secs(3));
        assert_eq!(found.routes.len(), 50);
        assert!(found.stop.is_some());
        assert!(found.count > 50);
        assert_eq!(found.routes[0], vec![NodeIndex::new(0), NodeIndex::new(1)]);
    }
}
