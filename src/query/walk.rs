//! Which relations a query may walk, and which ways: the filters `path`, `neighbors`
//! (and any command that narrows the graph the same way) share.
//!
//! A [`Walk`] is a read-only view of a [`ConceptGraph`] through a [`WalkFilter`]:
//! only relations of the chosen kinds, asserted by the chosen papers, not touching an
//! avoided node. Ordinary relations are walked from `from` to `to`; symmetric ones
//! (common ground, difference, mutual promotion) both ways; with `undirected`, every
//! relation both ways. Each step along a relation is a [`Hop`], which remembers whether
//! it went with the relation's direction or against it.

use petgraph::{
    graph::{EdgeIndex, NodeIndex},
    Direction,
};

use crate::{
    adjacency::Adjacent, error::Error, graph::ConceptGraph, paper_filter::PaperFilter,
    relation::Relation,
};

/// The filters of a walk. The default walks every relation, directed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WalkFilter {
    /// Only relations of these kinds (all kinds when empty).
    pub kinds: Vec<String>,
    /// Only relations at least one of the papers this filter keeps asserts.
    pub papers: PaperFilter,
    /// Nodes the walk never enters.
    pub avoid: Vec<NodeIndex>,
    /// Walk every relation both ways, ignoring its direction.
    pub undirected: bool,
}

impl WalkFilter {
    /// Whether the filter lets everything through (apart from direction).
    pub fn is_unfiltered(&self) -> bool {
        self.kinds.is_empty() && self.papers.keeps_every_paper() && self.avoid.is_empty()
    }
}

/// One step along one relation, in walking order: from `from` to `to`.
///
/// `forward` is true when the step goes the relation's own way (`from` is the
/// relation's `from`); false when it goes against it, which happens for symmetric
/// relations and, in an undirected walk, for any relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hop {
    /// The relation walked.
    pub edge: EdgeIndex,
    /// Where the step starts.
    pub from: NodeIndex,
    /// Where the step ends.
    pub to: NodeIndex,
    /// Whether the step follows the relation's direction.
    pub forward: bool,
}

/// What the walk does with relations of one kind.
#[derive(Debug, Clone, Copy)]
struct KindRule {
    /// The kind passes the kind filter.
    admitted: bool,
    /// Relations of the kind may be walked against their direction.
    both_ways: bool,
}

/// A filtered, direction-aware view of a concept graph.
///
/// Cost: building one is O(kinds + avoided); each hop query is O(degree) with a hash
/// lookup of the relation's kind per relation looked at.
#[derive(Debug, Clone)]
pub struct Walk<'g> {
    graph: &'g ConceptGraph,
    filter: WalkFilter,
    /// Per kind, by index in the schema ([`ConceptGraph::kind_index`]): looking a
    /// relation's kind up by name cost half the query time on large graphs.
    rules: Vec<KindRule>,
    /// No kind filter: every kind is admitted.
    every_kind: bool,
    avoid: Vec<NodeIndex>,
}

impl<'g> Walk<'g> {
    /// A walk over `graph` through `filter`.
    ///
    /// # Errors
    /// [`Error::Usage`] when a kind is not in the schema (the papers were resolved when
    /// the [`PaperFilter`] was made).
    pub fn new(graph: &'g ConceptGraph, filter: WalkFilter) -> Result<Self, Error> {
        let schema = graph.schema();
        schema.require_relation_kinds(&filter.kinds)?;
        let rules = schema
            .relation_kinds
            .iter()
            .map(|(name, kind)| KindRule {
                admitted: filter.kinds.is_empty() || filter.kinds.contains(name),
                both_ways: kind.symmetric || filter.undirected,
            })
            .collect();
        let mut avoid = filter.avoid.clone();
        avoid.sort_unstable();
        avoid.dedup();
        Ok(Self {
            graph,
            every_kind: filter.kinds.is_empty(),
            filter,
            rules,
            avoid,
        })
    }

    /// A walk over every relation, directed (symmetric relations both ways).
    pub fn everything(graph: &'g ConceptGraph) -> Self {
        Self::new(graph, WalkFilter::default()).expect("the empty filter names nothing unknown")
    }

    /// The graph walked.
    pub fn graph(&self) -> &'g ConceptGraph {
        self.graph
    }

    /// The filter in force.
    pub fn filter(&self) -> &WalkFilter {
        &self.filter
    }

    /// Whether the walk may enter `node` (it is not avoided).
    pub fn enters(&self, node: NodeIndex) -> bool {
        self.avoid.binary_search(&node).is_err()
    }

    /// Whether the relation at `edge` passes the kind and paper filters and touches no
    /// avoided node. Direction is not considered.
    pub fn admits(&self, edge: EdgeIndex) -> bool {
        let relation = self.graph.relation(edge);
        self.rule(edge).admitted
            && self.filter.papers.admits(relation)
            && self.enters(relation.from)
            && self.enters(relation.to)
    }

    /// The sources of `relation` the walk's paper filter keeps (all when it has none).
    pub fn sources<'r>(
        &'r self,
        relation: &'r Relation,
    ) -> impl Iterator<Item = &'r crate::relation::Source> + 'r {
        self.filter.papers.sources(&relation.sources)
    }

    fn rule(&self, edge: EdgeIndex) -> KindRule {
        self.rules[self.graph.kind_index(edge)]
    }

    /// Whether a relation may be walked, along its direction or `against` it. Without a
    /// paper filter the relation itself is not read, only the adjacency entry.
    fn usable(&self, adjacent: &Adjacent, against: bool) -> bool {
        if self.every_kind && (!against || self.filter.undirected) {
            return self.asserted(adjacent.edge);
        }
        let rule = self.rules[usize::from(adjacent.kind)];
        rule.admitted && (!against || rule.both_ways) && self.asserted(adjacent.edge)
    }

    /// Whether the paper filter lets the relation at `edge` through.
    fn asserted(&self, edge: EdgeIndex) -> bool {
        self.filter.papers.keeps_every_paper()
            || self.filter.papers.admits(self.graph.relation(edge))
    }

    /// Every hop leaving `node`: its admitted relations walkable away from it.
    /// Nothing leaves an avoided node. Order: petgraph's adjacency order, outgoing first.
    pub fn hops_from(&self, node: NodeIndex) -> impl Iterator<Item = Hop> + '_ {
        self.hops(node, Direction::Outgoing)
    }

    /// Every hop arriving at `node`: its admitted relations walkable towards it.
    pub fn hops_into(&self, node: NodeIndex) -> impl Iterator<Item = Hop> + '_ {
        self.hops(node, Direction::Incoming)
    }

    /// Hops leaving (`Outgoing`) or arriving at (`Incoming`) `node`: the relations
    /// listed that way from `node`, walked along, then those listed the other way that
    /// may be walked against their direction; each group in edge order.
    fn hops(&self, node: NodeIndex, way: Direction) -> impl Iterator<Item = Hop> + '_ {
        let adjacency = self.graph.adjacency();
        let (along, against) = if self.enters(node) {
            match way {
                Direction::Outgoing => (adjacency.outgoing(node), adjacency.incoming(node)),
                Direction::Incoming => (adjacency.incoming(node), adjacency.outgoing(node)),
            }
        } else {
            (&[][..], &[][..])
        };
        let hop = move |a: &Adjacent, forward: bool| {
            let (from, to) = if way == Direction::Outgoing {
                (node, a.other)
            } else {
                (a.other, node)
            };
            Hop {
                edge: a.edge,
                from,
                to,
                forward,
            }
        };
        let along = along
            .iter()
            .filter(move |a| self.enters(a.other) && self.usable(a, false))
            .map(move |a| hop(a, true));
        let against = against
            .iter()
            .filter(move |a| self.enters(a.other) && self.usable(a, true))
            .map(move |a| hop(a, false));
        along.chain(against)
    }

    /// The nodes one hop away from `node`, each once, in index order.
    pub fn successors(&self, node: NodeIndex) -> Vec<NodeIndex> {
        let mut nodes: Vec<NodeIndex> = self.hops_from(node).map(|h| h.to).collect();
        nodes.sort_unstable();
        nodes.dedup();
        nodes
    }

    /// The nodes one hop before `node`, each once, in index order.
    pub fn predecessors(&self, node: NodeIndex) -> Vec<NodeIndex> {
        let mut nodes: Vec<NodeIndex> = self.hops_into(node).map(|h| h.from).collect();
        nodes.sort_unstable();
        nodes.dedup();
        nodes
    }

    /// Every hop from `a` straight to `b`, in data order.
    pub fn hops_between(&self, a: NodeIndex, b: NodeIndex) -> Vec<Hop> {
        let mut hops: Vec<Hop> = self.hops_from(a).filter(|h| h.to == b).collect();
        hops.sort_unstable();
        hops
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::graph;

    #[test]
    fn symmetric_relations_are_walked_both_ways_and_ordinary_ones_forward() {
        // a --premise-of--> b <--common-ground--> c
        let g = graph(3, &[(0, 1, "premise-of"), (1, 2, "mutually-promotes")]);
        let walk = Walk::everything(&g);
        let n = NodeIndex::new;
        assert_eq!(walk.successors(n(0)), vec![n(1)]);
        assert_eq!(walk.successors(n(1)), vec![n(2)]);
        assert_eq!(walk.successors(n(2)), vec![n(1)]);
        assert_eq!(walk.predecessors(n(1)), vec![n(0), n(2)]);
        let back: Vec<Hop> = walk.hops_from(n(2)).collect();
        assert_eq!(back.len(), 1);
        assert!(!back[0].forward);
        assert_eq!((back[0].from, back[0].to), (n(2), n(1)));
    }

    #[test]
    fn undirected_walks_everything_both_ways() {
        let g = graph(3, &[(0, 1, "premise-of"), (1, 2, "drives")]);
        let walk = Walk::new(
            &g,
            WalkFilter {
                undirected: true,
                ..WalkFilter::default()
            },
        )
        .unwrap();
        let n = NodeIndex::new;
        assert_eq!(walk.successors(n(1)), vec![n(0), n(2)]);
        assert_eq!(walk.predecessors(n(1)), vec![n(0), n(2)]);
        let hops = walk.hops_between(n(1), n(0));
        assert_eq!(hops.len(), 1);
        assert!(!hops[0].forward);
    }

    #[test]
    fn kinds_papers_and_avoided_nodes_filter_hops() {
        let g = graph(
            4,
            &[
                (0, 1, "premise-of"),
                (0, 2, "part-of"),
                (0, 3, "premise-of"),
            ],
        );
        let n = NodeIndex::new;
        let kinds = Walk::new(
            &g,
            WalkFilter {
                kinds: vec!["premise-of".into()],
                avoid: vec![n(3)],
                ..WalkFilter::default()
            },
        )
        .unwrap();
        assert_eq!(kinds.successors(n(0)), vec![n(1)]);
        assert!(kinds.hops_from(n(3)).next().is_none());
        let papers = Walk::new(
            &g,
            WalkFilter {
                papers: PaperFilter::resolve(&g, &["p1".into()]).unwrap(),
                ..WalkFilter::default()
            },
        )
        .unwrap();
        // The test graph's relation i is asserted by paper p{i % 2}.
        assert_eq!(papers.successors(n(0)), vec![n(2)]);
    }

    #[test]
    fn unknown_kinds_are_usage_errors_with_a_suggestion() {
        let g = graph(2, &[(0, 1, "premise-of")]);
        let err = Walk::new(
            &g,
            WalkFilter {
                kinds: vec!["premise".into()],
                ..WalkFilter::default()
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("premise-of"), "{err}");
    }
}
