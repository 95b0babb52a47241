//! `path`: how one node is connected to another, by which relations.
//!
//! A [`Path`] is a simple route of nodes (no node twice) in which each step is made by
//! one or more relations the [`Walk`] admits; relations that join the same two nodes
//! the same way are kept together on one step rather than multiplying the routes (the
//! two strategies are joined by some twenty relations, which would otherwise turn every
//! route through them into twenty). Routes are ordered by length, then by the indices
//! (data order) of their nodes; the relations of a step by edge index.

use petgraph::graph::NodeIndex;

use super::{
    budget::{Budget, Stop},
    shortest::shortest_routes,
    simple_paths::{simple_routes, Search},
    walk::{Hop, Walk, WalkFilter},
};
use crate::{error::Error, graph::ConceptGraph};

/// Longest route listed by `--all` unless told otherwise.
pub const DEFAULT_MAX_LEN: usize = 6;
/// Most routes listed unless told otherwise.
pub const DEFAULT_LIMIT: usize = 50;

/// The most routes a query lists. Listing costs memory and time for every route, while
/// counting them is exact and free: past a page of routes a reader wants the count (and
/// a narrower query), not ten thousand more lines.
pub const MAX_LIMIT: usize = 10_000;

/// Which routes a query lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PathMode {
    /// Every shortest route.
    #[default]
    Shortest,
    /// Every simple route up to the maximum length.
    All,
}

/// A path query: from, to, filters and bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathQuery {
    /// Where routes start.
    pub from: NodeIndex,
    /// Where routes end.
    pub to: NodeIndex,
    /// Which relations may be walked, and which ways.
    pub filter: WalkFilter,
    /// A node every route must pass through.
    pub through: Option<NodeIndex>,
    /// Shortest routes or all simple ones.
    pub mode: PathMode,
    /// Longest route in relations; `None` means [`DEFAULT_MAX_LEN`] for
    /// [`PathMode::All`] and no bound for [`PathMode::Shortest`].
    pub max_len: Option<usize>,
    /// Most routes listed; more are counted.
    pub limit: usize,
    /// Work and time allowed to the enumeration of simple routes.
    pub budget: Budget,
}

/// A simple route and the relations making each step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    /// The nodes in walking order, first `from`, last `to`, none twice.
    pub nodes: Vec<NodeIndex>,
    /// `steps[i]` holds every admitted hop from `nodes[i]` to `nodes[i + 1]`, in edge
    /// order; never empty.
    pub steps: Vec<Vec<Hop>>,
}

impl Path {
    /// Builds the route through `nodes`, collecting the hops of each step.
    pub fn along(walk: &Walk<'_>, nodes: Vec<NodeIndex>) -> Self {
        let steps = nodes
            .windows(2)
            .map(|pair| walk.hops_between(pair[0], pair[1]))
            .collect();
        Self { nodes, steps }
    }

    /// Number of steps (relations walked in a row).
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// Whether the path has no step (never true of a path a query returns).
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// Every hop of every step, in order.
    pub fn hops(&self) -> impl Iterator<Item = &Hop> {
        self.steps.iter().flatten()
    }
}

/// What a path query found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathResult {
    /// The first routes, at most the query's limit, in order.
    pub paths: Vec<Path>,
    /// How many routes match in all: exact when `exact`, otherwise a lower bound.
    pub total: u64,
    /// Whether `total` is the exact number.
    pub exact: bool,
    /// Why the enumeration stopped early, if it did (then `exact` is false).
    pub stop: Option<Stop>,
}

impl PathResult {
    /// Whether some matching routes are not listed (or may not be).
    pub fn truncated(&self) -> bool {
        !self.exact || (self.paths.len() as u64) < self.total
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }
}

impl PathQuery {
    /// Shortest routes from `from` to `to`, unfiltered, with default bounds.
    pub fn new(from: NodeIndex, to: NodeIndex) -> Self {
        Self {
            from,
            to,
            filter: WalkFilter::default(),
            through: None,
            mode: PathMode::Shortest,
            max_len: None,
            limit: DEFAULT_LIMIT,
            budget: Budget::default(),
        }
    }

    /// The length bound in force (see [`PathQuery::max_len`]).
    pub fn effective_max_len(&self) -> Option<usize> {
        match self.mode {
            PathMode::All => Some(self.max_len.unwrap_or(DEFAULT_MAX_LEN)),
            PathMode::Shortest => self.max_len,
        }
    }

    /// Runs the query.
    ///
    /// Without `through`, shortest routes come from a bidirectional breadth-first search
    /// (linear at worst, exact count); otherwise routes are enumerated shortest first
    /// within the [`Budget`].
    ///
    /// Cost: shortest routes O(V + E) in the explored part; all simple routes (or
    /// shortest ones through a node) O(b^L) for branching factor b and length bound L,
    /// capped by the work budget.
    ///
    /// ```
    /// use linkage::{load, query::PathQuery, DataSource};
    ///
    /// let graph = load(&DataSource::Embedded)?.graph;
    /// let query = PathQuery::new(graph.resolve("cpc")?, graph.resolve("common-prosperity")?);
    /// let found = query.run(&graph)?;
    /// // Every shortest chain runs from `from` to `to`, one relation a step.
    /// let first = &found.paths[0];
    /// assert_eq!(first.nodes.first(), Some(&query.from));
    /// assert_eq!(first.nodes.last(), Some(&query.to));
    /// assert!(found.paths.iter().all(|path| path.len() == first.len()));
    /// # Ok::<(), linkage::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Usage`] when `from` and `to` are the same node, an end or the `through`
    /// node is avoided, `through` is an end, the limit or length bound is 0, or the
    /// filter names an unknown kind or paper.
    pub fn run(&self, graph: &ConceptGraph) -> Result<PathResult, Error> {
        self.check(graph)?;
        let walk = Walk::new(graph, self.filter.clone())?;
        let max_len = self.effective_max_len();
        if self.mode == PathMode::Shortest && self.through.is_none() {
            let found = shortest_routes(&walk, self.from, self.to, self.limit, max_len);
            return Ok(found.map_or_else(
                || PathResult {
                    paths: Vec::new(),
                    total: 0,
                    exact: true,
                    stop: None,
                },
                |found| PathResult {
                    paths: found
                        .routes
                        .into_iter()
                        .map(|nodes| Path::along(&walk, nodes))
                        .collect(),
                    total: found.total,
                    exact: found.total != u64::MAX,
                    stop: None,
                },
            ));
        }
        let search = Search {
            from: self.from,
            to: self.to,
            through: self.through,
            max_len: max_len.unwrap_or(graph.node_count().saturating_sub(1)),
            limit: self.limit,
            shortest_only: self.mode == PathMode::Shortest,
            budget: self.budget,
        };
        let found = simple_routes(&walk, &search);
        Ok(PathResult {
            paths: found
                .routes
                .into_iter()
                .map(|nodes| Path::along(&walk, nodes))
                .collect(),
            total: found.count,
            exact: found.stop.is_none(),
            stop: found.stop,
        })
    }

    fn check(&self, graph: &ConceptGraph) -> Result<(), Error> {
        let id = |ix: NodeIndex| graph.node(ix).id.as_str();
        if self.from == self.to {
            return Err(Error::Usage(format!(
                "FROM and TO are the same node (`{}`)",
                id(self.from)
            )));
        }
        if self.limit == 0 || self.limit > MAX_LIMIT {
            return Err(Error::Usage(format!(
                "--limit must be between 1 and {MAX_LIMIT}"
            )));
        }
        if self.max_len == Some(0) {
            return Err(Error::Usage("--max-len must be at least 1".into()));
        }
        if let Some(through) = self.through {
            if through == self.from || through == self.to {
                return Err(Error::Usage(format!(
                    "--through names an end of the path (`{}`)",
                    id(through)
                )));
            }
        }
        for &end in [Some(self.from), Some(self.to), self.through]
            .iter()
            .flatten()
        {
            if self.filter.avoid.contains(&end) {
                return Err(Error::Usage(format!(
                    "`{}` is both avoided and required",
                    id(end)
                )));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::graph;

    fn n(i: usize) -> NodeIndex {
        NodeIndex::new(i)
    }

    #[test]
    fn parallel_relations_share_a_step() {
        let g = graph(
            3,
            &[
                (0, 1, "premise-of"),
                (0, 1, "part-of"),
                (1, 2, "premise-of"),
            ],
        );
        let result = PathQuery::new(n(0), n(2)).run(&g).unwrap();
        assert_eq!(result.paths.len(), 1);
        let path = &result.paths[0];
        assert_eq!(path.nodes, vec![n(0), n(1), n(2)]);
        assert_eq!(path.steps[0].len(), 2);
        assert_eq!(path.hops().count(), 3);
        assert!(result.exact && !result.truncated());
    }

    #[test]
    fn through_finds_the_shortest_route_via_a_node() {
        let g = graph(
            4,
            &[
                (0, 3, "premise-of"),
                (0, 1, "premise-of"),
                (1, 2, "premise-of"),
                (2, 3, "premise-of"),
            ],
        );
        let mut query = PathQuery::new(n(0), n(3));
        query.through = Some(n(2));
        let result = query.run(&g).unwrap();
        assert_eq!(result.paths[0].nodes, vec![n(0), n(1), n(2), n(3)]);
        assert_eq!(result.total, 1);
    }

    #[test]
    fn contradictory_queries_are_usage_errors() {
        let g = graph(3, &[(0, 1, "premise-of")]);
        assert!(PathQuery::new(n(0), n(0)).run(&g).is_err());
        let mut avoided = PathQuery::new(n(0), n(1));
        avoided.filter.avoid = vec![n(1)];
        assert!(avoided.run(&g).is_err());
        let mut through_end = PathQuery::new(n(0), n(1));
        through_end.through = Some(n(1));
        assert!(through_end.run(&g).is_err());
    }

    #[test]
    fn no_route_is_an_empty_exact_result() {
        let g = graph(3, &[(0, 1, "premise-of")]);
        let result = PathQuery::new(n(0), n(2)).run(&g).unwrap();
        assert!(result.is_empty() && result.exact && result.total == 0);
    }
}
