//! `diff A B`: what two nodes share, where they differ and along which dimension, and
//! how their neighbourhoods contrast, each item traced to the relations that make it.

use indexmap::{IndexMap, IndexSet};
use petgraph::graph::NodeIndex;

use super::comparison::{rows, Claim, Row, Stance};
use crate::{graph::ConceptGraph, paper_filter::PaperFilter, schema::Role};

/// The comparison of `a` and `b`.
#[derive(Debug)]
pub struct Diff<'g> {
    /// The first node.
    pub a: NodeIndex,
    /// The second node.
    pub b: NodeIndex,
    /// Ordinary relations directly between `a` and `b` (premise of, part of, ...).
    pub direct: Vec<Claim<'g>>,
    /// Aspects of common ground between `a` and `b`, in data order.
    pub common_ground: Vec<Row<'g>>,
    /// Dimensions of difference between `a` and `b`, in data order; positions are
    /// oriented as (a's, b's).
    pub differences: Vec<Row<'g>>,
    /// Per relation kind and direction, what each side is related to.
    pub contrast: Vec<Contrast>,
}

impl Diff<'_> {
    /// Whether the selected papers give nothing to compare: no relation between the
    /// two, and no neighbourhood on both sides to contrast (`diff first-centenary-goal
    /// rr --paper wu`: Wu & Zhu say nothing of the first centenary goal). The command
    /// then exits 1.
    pub fn is_empty(&self) -> bool {
        let a_side = self
            .contrast
            .iter()
            .any(|c| !c.only_a.is_empty() || !c.both.is_empty());
        let b_side = self
            .contrast
            .iter()
            .any(|c| !c.only_b.is_empty() || !c.both.is_empty());
        self.direct.is_empty()
            && self.common_ground.is_empty()
            && self.differences.is_empty()
            && !(a_side && b_side)
    }
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

/// Compares `a` and `b`, keeping only claims from `papers`.
/// Common ground and differences are the comparison model's rows for the pair.
///
/// Cost: O(deg(a) + deg(b)), linear in the number of relations touching `a` and `b`.
///
/// ```
/// use linkage::{load, query::diff::diff, DataSource, PaperFilter};
///
/// let graph = load(&DataSource::Embedded)?.graph;
/// let (tpa, rr) = (graph.resolve("tpa")?, graph.resolve("rr")?);
/// let every = diff(&graph, tpa, rr, &PaperFilter::every());
/// assert!(!every.common_ground.is_empty() && !every.differences.is_empty());
/// // One paper's rows are among every paper's, each citing that paper only.
/// let hao = diff(&graph, tpa, rr, &PaperFilter::resolve(&graph, &["hao".into()])?);
/// assert!(hao.differences.len() <= every.differences.len());
/// assert!(hao.differences.iter().all(|row| row.papers() == ["hao-2021"]));
/// # Ok::<(), linkage::Error>(())
/// ```
pub fn diff<'g>(
    graph: &'g ConceptGraph,
    a: NodeIndex,
    b: NodeIndex,
    papers: &PaperFilter,
) -> Diff<'g> {
    let direct = graph
        .incident(a)
        .into_iter()
        .filter(|i| i.other == b && graph.role_of(i.relation) == Role::Ordinary)
        .filter_map(|i| Claim::of(i.edge, i.relation, a, papers))
        .collect();
    let (common_ground, differences) = rows(graph, Some((a, b)), papers)
        .into_iter()
        .partition(|row| row.stance == Stance::CommonGround);
    Diff {
        a,
        b,
        direct,
        common_ground,
        differences,
        contrast: contrast(graph, a, b, papers),
    }
}

type Neighbourhood = IndexMap<(String, Direction), IndexSet<NodeIndex>>;

fn neighbourhood(
    graph: &ConceptGraph,
    node: NodeIndex,
    other: NodeIndex,
    papers: &PaperFilter,
) -> Neighbourhood {
    let mut map = Neighbourhood::new();
    for item in graph.incident(node) {
        if item.other == other || !papers.admits(item.relation) {
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
        map.entry((item.relation.kind.to_string(), direction))
            .or_default()
            .insert(item.other);
    }
    map
}

fn contrast(
    graph: &ConceptGraph,
    a: NodeIndex,
    b: NodeIndex,
    papers: &PaperFilter,
) -> Vec<Contrast> {
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
