//! `diff A B`: what two nodes share, where they differ and along which dimension, and
//! how their neighbourhoods contrast, each item traced to the relations that make it.

use indexmap::{IndexMap, IndexSet};
use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::{
    graph::ConceptGraph,
    relation::{Relation, Source},
    schema::Role,
};

/// The comparison of `a` and `b`.
#[derive(Debug)]
pub struct Diff<'g> {
    /// The first node.
    pub a: NodeIndex,
    /// The second node.
    pub b: NodeIndex,
    /// Ordinary relations directly between `a` and `b` (premise of, part of, ...).
    pub direct: Vec<Claim<'g>>,
    /// Common-ground relations between `a` and `b`, in data order.
    pub common_ground: Vec<Claim<'g>>,
    /// Difference relations between `a` and `b`, grouped by dimension (first-seen order).
    pub differences: Vec<DimensionRow<'g>>,
    /// Per relation kind and direction, what each side is related to.
    pub contrast: Vec<Contrast>,
}

/// A relation between the two nodes, with the sources that pass the paper filter.
#[derive(Debug, Clone)]
pub struct Claim<'g> {
    /// The relation's edge.
    pub edge: EdgeIndex,
    /// The relation.
    pub relation: &'g Relation,
    /// Its sources from the selected papers.
    pub sources: Vec<&'g Source>,
}

impl Claim<'_> {
    /// Paper ids of the sources, once each, in order.
    pub fn papers(&self) -> Vec<&str> {
        let mut papers: Vec<&str> = Vec::new();
        for s in &self.sources {
            if !papers.contains(&s.paper.as_str()) {
                papers.push(&s.paper);
            }
        }
        papers
    }
}

/// Every difference along one dimension: one entry per distinct wording.
#[derive(Debug, Clone)]
pub struct DimensionRow<'g> {
    /// The dimension node.
    pub dimension: NodeIndex,
    /// The differences, each with positions oriented as (a's, b's).
    pub entries: Vec<Difference<'g>>,
}

/// One difference relation read from `a`'s side.
#[derive(Debug, Clone)]
pub struct Difference<'g> {
    /// The claim.
    pub claim: Claim<'g>,
    /// `a`'s position.
    pub a_position: &'g str,
    /// `b`'s position.
    pub b_position: &'g str,
}

/// Which way a contrasted relation points, seen from the compared node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// From the compared node to its neighbour.
    Out,
    /// From the neighbour to the compared node.
    In,
    /// A symmetric relation.
    Both,
}

/// For one relation kind and direction: neighbours only `a` has, only `b` has, and both.
#[derive(Debug, Clone)]
pub struct Contrast {
    /// Relation kind.
    pub kind: String,
    /// Direction seen from the compared node.
    pub direction: Direction,
    /// Neighbours of `a` only.
    pub only_a: Vec<NodeIndex>,
    /// Neighbours of `b` only.
    pub only_b: Vec<NodeIndex>,
    /// Neighbours of both.
    pub both: Vec<NodeIndex>,
}

/// Compares `a` and `b`, keeping only claims from `papers` (all papers when empty).
///
/// Linear in the number of relations touching `a` and `b`.
pub fn diff<'g>(
    graph: &'g ConceptGraph,
    a: NodeIndex,
    b: NodeIndex,
    papers: &[String],
) -> Diff<'g> {
    let mut direct = Vec::new();
    let mut common_ground = Vec::new();
    let mut rows: IndexMap<NodeIndex, Vec<Difference<'g>>> = IndexMap::new();
    for item in graph.incident(a).into_iter().filter(|i| i.other == b) {
        let Some(claim) = claim(item.edge, item.relation, papers) else {
            continue;
        };
        match graph.role_of(item.relation) {
            Role::CommonGround => common_ground.push(claim),
            Role::Difference => {
                let (Some(dimension), Some(positions)) =
                    (item.relation.dimension, &item.relation.positions)
                else {
                    continue;
                };
                let (a_position, b_position) = if item.relation.from == a {
                    (positions.from.as_str(), positions.to.as_str())
                } else {
                    (positions.to.as_str(), positions.from.as_str())
                };
                rows.entry(dimension).or_default().push(Difference {
                    claim,
                    a_position,
                    b_position,
                });
            }
            Role::Ordinary => direct.push(claim),
        }
    }
    Diff {
        a,
        b,
        direct,
        common_ground,
        differences: rows
            .into_iter()
            .map(|(dimension, entries)| DimensionRow { dimension, entries })
            .collect(),
        contrast: contrast(graph, a, b, papers),
    }
}

/// The claim with sources narrowed to `papers`, or `None` if none of them asserts it.
pub fn claim<'g>(edge: EdgeIndex, relation: &'g Relation, papers: &[String]) -> Option<Claim<'g>> {
    let sources: Vec<&Source> = relation
        .sources
        .iter()
        .filter(|s| papers.is_empty() || papers.contains(&s.paper))
        .collect();
    (!sources.is_empty()).then_some(Claim {
        edge,
        relation,
        sources,
    })
}

type Neighbourhood = IndexMap<(String, Direction), IndexSet<NodeIndex>>;

fn neighbourhood(
    graph: &ConceptGraph,
    node: NodeIndex,
    other: NodeIndex,
    papers: &[String],
) -> Neighbourhood {
    let mut map = Neighbourhood::new();
    for item in graph.incident(node) {
        if item.other == other || !item.relation.asserted_by_any(papers) {
            continue;
        }
        if graph.role_of(item.relation) != Role::Ordinary {
            continue;
        }
        let direction = if graph.kind_of(item.relation).symmetric {
            Direction::Both
        } else if item.outgoing {
            Direction::Out
        } else {
            Direction::In
        };
        map.entry((item.relation.kind.clone(), direction))
            .or_default()
            .insert(item.other);
    }
    map
}

fn contrast(graph: &ConceptGraph, a: NodeIndex, b: NodeIndex, papers: &[String]) -> Vec<Contrast> {
    let of_a = neighbourhood(graph, a, b, papers);
    let of_b = neighbourhood(graph, b, a, papers);
    let empty = IndexSet::new();
    let mut out = Vec::new();
    // Schema order, then out/in/both, keeps the sections stable and readable.
    for kind in graph.schema().relation_kinds.keys() {
        for direction in [Direction::Out, Direction::In, Direction::Both] {
            let key = (kind.clone(), direction);
            let (na, nb) = (
                of_a.get(&key).unwrap_or(&empty),
                of_b.get(&key).unwrap_or(&empty),
            );
            if na.is_empty() && nb.is_empty() {
                continue;
            }
            out.push(Contrast {
                kind: kind.clone(),
                direction,
                only_a: na.iter().filter(|n| !nb.contains(*n)).copied().collect(),
                only_b: nb.iter().filter(|n| !na.contains(*n)).copied().collect(),
                both: na.iter().filter(|n| nb.contains(*n)).copied().collect(),
            });
        }
    }
    out
}
