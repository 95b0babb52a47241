//! Which part of the graph a diagram shows: a [`Selection`] as the user asked for it,
//! resolved against a graph into a [`Selected`] set of nodes and relations.

use indexmap::{IndexMap, IndexSet};
use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::{
    error::Error,
    graph::ConceptGraph,
    paper_filter::PaperFilter,
    query::{comparison::Row, PathQuery, WalkFilter},
    relation::Relation,
};

/// What a diagram should show, as names typed by a user.
///
/// The parts combine: `--focus` picks where to start and how far to go, `--paper`,
/// `--kind` and `--via` narrow what may be reached. Without a focus the whole graph
/// is the start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Nodes to centre on (names as [`ConceptGraph::resolve`] reads them).
    pub focus: Vec<String>,
    /// With a focus: how many relations away from it to go.
    pub depth: usize,
    /// Only relations these papers assert (all papers when empty).
    pub papers: Vec<String>,
    /// Only nodes of these kinds, besides the focus nodes (all kinds when empty).
    pub kinds: Vec<String>,
    /// Only relations of these kinds (all kinds when empty).
    pub via: Vec<String>,
    /// Only relations at least this many papers assert (counting only `papers` when
    /// given); 0 and 1 keep every relation.
    pub min_papers: usize,
    /// Two nodes to compare side by side (the `diff` query), instead of a focus.
    pub diff: Option<(String, String)>,
    /// Two nodes whose shortest connecting chains (the `path` query) are highlighted,
    /// with `depth` relations of context around them, instead of a focus.
    pub path: Option<(String, String)>,
    /// Keep only this many nodes: those with the most relations in the selection
    /// (the focus nodes always stay). `None` keeps all.
    pub top: Option<usize>,
}

/// A selection resolved against a graph: what to draw and what to stress.
#[derive(Debug, Clone, Default)]
pub struct Selected {
    /// Nodes to draw, in data order.
    pub nodes: IndexSet<NodeIndex>,
    /// Relations to draw, in data order; both ends are in `nodes`.
    pub edges: IndexSet<EdgeIndex>,
    /// Nodes drawn stressed; when any are, the rest is drawn faded as context.
    pub highlighted_nodes: IndexSet<NodeIndex>,
    /// Relations drawn stressed.
    pub highlighted_edges: IndexSet<EdgeIndex>,
    /// The papers the selection is limited to, so citations on edges and clusters by
    /// paper count only these papers' sources.
    pub papers: PaperFilter,
    /// For `--diff`: the comparison, drawn side by side instead of as a plain graph.
    pub comparison: Option<Comparison>,
}

/// Two nodes side by side: their common ground by aspect and their differences by
/// dimension, as the `diff` query finds them.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The node on the left (or top).
    pub a: NodeIndex,
    /// The node on the right (or bottom).
    pub b: NodeIndex,
    /// Shared aspects, in data order, each with the relations that assert it.
    pub common_ground: Vec<(NodeIndex, Vec<EdgeIndex>)>,
    /// Dimensions of difference, in data order, each with its distinct pairs of positions.
    pub differences: Vec<(NodeIndex, Vec<Positions>)>,
    /// Ordinary relations directly between the two.
    pub direct: Vec<EdgeIndex>,
}

/// One wording of a difference: each side's position and the relations that state it.
#[derive(Debug, Clone)]
pub struct Positions {
    /// `a`'s position.
    pub a: String,
    /// `b`'s position.
    pub b: String,
    /// The difference relations with this wording.
    pub edges: Vec<EdgeIndex>,
}

impl Selected {
    /// Whether there is nothing to draw: no node, or a comparison that found nothing
    /// between its two nodes (two boxes and no relation would suggest a finding).
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
            || self.comparison.as_ref().is_some_and(|c| {
                c.common_ground.is_empty() && c.differences.is_empty() && c.direct.is_empty()
            })
    }

    /// Whether some items are stressed and the rest is context.
    pub fn has_highlights(&self) -> bool {
        !self.highlighted_nodes.is_empty() || !self.highlighted_edges.is_empty()
    }

    /// The papers among `relation`'s sources that count for this selection, once each.
    pub fn papers_of<'r>(&self, relation: &'r Relation) -> Vec<&'r str> {
        self.papers.papers(relation)
    }
}

/// Resolves `selection` against `graph`.
///
/// With a path, the shortest chains from one node to the other (by the `path` query,
/// walking the relations `--via` and `--paper` allow) are highlighted, and their nodes
/// act as the focus, usually with depth 0: the context is then the other relations
/// among the chains' nodes.
///
/// With a focus, a breadth-first walk from the focus nodes over the allowed relations
/// reaches every node at most `depth` relations away; the diagram shows those nodes and
/// every allowed relation among them. Without a focus it shows every allowed relation
/// and its ends (and, when neither papers nor relation kinds narrow it, every node of
/// the allowed kinds, linked or not). Linear in the size of what is reached.
///
/// # Errors
/// [`Error::UnknownName`] or [`Error::AmbiguousName`] for a focus name or paper that matches nothing or several things,
/// [`Error::Usage`] for an unknown node kind or relation kind.
pub fn select(graph: &ConceptGraph, selection: &Selection) -> Result<Selected, Error> {
    graph.schema().require_node_kinds(&selection.kinds)?;
    graph.schema().require_relation_kinds(&selection.via)?;
    let papers = PaperFilter::resolve(graph, &selection.papers)?;
    if let Some((a, b)) = &selection.diff {
        let (a, b) = (graph.resolve(a)?, graph.resolve(b)?);
        return compare(graph, a, b, papers, &selection.via, selection.min_papers);
    }
    let mut focus: IndexSet<NodeIndex> = IndexSet::new();
    for name in &selection.focus {
        focus.insert(graph.resolve(name)?);
    }
    let mut highlighted_edges: IndexSet<EdgeIndex> = IndexSet::new();
    if let Some((from, to)) = &selection.path {
        let mut query = PathQuery::new(graph.resolve(from)?, graph.resolve(to)?);
        query.filter = WalkFilter {
            kinds: selection.via.clone(),
            papers: papers.clone(),
            ..WalkFilter::default()
        };
        let found = query.run(graph)?;
        if found.is_empty() {
            return Ok(Selected {
                papers,
                ..Selected::default()
            });
        }
        for path in &found.paths {
            focus.extend(path.nodes.iter().copied());
            highlighted_edges.extend(path.hops().map(|hop| hop.edge));
        }
    }
    let filter = Filter {
        graph,
        papers: &papers,
        kinds: &selection.kinds,
        via: &selection.via,
        min_papers: selection.min_papers,
        support: (selection.min_papers > 1)
            .then(|| crate::query::comparison::Support::new(graph, &papers)),
        focus: &focus,
    };

    let mut selected = Selected {
        papers: papers.clone(),
        ..Selected::default()
    };
    if focus.is_empty() {
        for (edge, relation) in graph.relations() {
            if filter.relation(edge, relation)
                && filter.node(relation.from)
                && filter.node(relation.to)
            {
                selected.edges.insert(edge);
            }
        }
        if selection.papers.is_empty() && selection.via.is_empty() && selection.min_papers <= 1 {
            selected.nodes = graph.node_indices().filter(|&ix| filter.node(ix)).collect();
        } else {
            for &edge in &selected.edges {
                let relation = graph.relation(edge);
                selected.nodes.insert(relation.from);
                selected.nodes.insert(relation.to);
            }
        }
    } else {
        // The one ego-network traversal, as `neighbors` walks it.
        let centres: Vec<NodeIndex> = focus.iter().copied().collect();
        let (reached, relations) = crate::query::neighbors::reach(
            graph,
            &centres,
            selection.depth,
            |edge| filter.relation(edge, graph.relation(edge)),
            |node| filter.node(node),
        );
        selected.edges = relations.iter().map(|r| r.edge).collect();
        selected.edges.sort();
        selected.nodes = focus.clone();
        selected.nodes.extend(reached.iter().map(|&(node, _)| node));
    }
    if let Some(top) = selection.top {
        keep_top(graph, &mut selected, &focus, top);
    }
    if selection.path.is_some() {
        // The chains stand out; what else is drawn is their context.
        selected.highlighted_nodes = focus;
        selected.highlighted_edges = highlighted_edges;
    }
    selected.nodes.sort();
    Ok(selected)
}

/// Narrows `selected` to its `top` best-connected nodes (most selected relations; ties
/// in data order; focus nodes first) and the relations among them, dropping nodes
/// left without any.
fn keep_top(
    graph: &ConceptGraph,
    selected: &mut Selected,
    focus: &IndexSet<NodeIndex>,
    top: usize,
) {
    let mut degree: IndexMap<NodeIndex, usize> = selected.nodes.iter().map(|&ix| (ix, 0)).collect();
    for &edge in &selected.edges {
        let relation = graph.relation(edge);
        for end in [relation.from, relation.to] {
            if let Some(count) = degree.get_mut(&end) {
                *count += 1;
            }
        }
    }
    let mut ranked: Vec<(NodeIndex, usize)> = degree.into_iter().collect();
    ranked.sort_by_key(|&(ix, count)| (!focus.contains(&ix), std::cmp::Reverse(count), ix));
    selected.nodes = ranked
        .into_iter()
        .take(top.max(focus.len()))
        .map(|(ix, _)| ix)
        .collect();
    let nodes = &selected.nodes;
    selected.edges.retain(|&edge| {
        let relation = graph.relation(edge);
        nodes.contains(&relation.from) && nodes.contains(&relation.to)
    });
    // A node whose relations all led outside the top says nothing here.
    let mut linked: IndexSet<NodeIndex> = focus.clone();
    for &edge in &selected.edges {
        let relation = graph.relation(edge);
        linked.extend([relation.from, relation.to]);
    }
    selected.nodes.retain(|ix| linked.contains(ix));
}

/// The comparison of `a` and `b` by the `diff` query, keeping claims from `papers`, of
/// the relation kinds `via` (all when empty), made by at least `min_papers` papers.
fn compare(
    graph: &ConceptGraph,
    a: NodeIndex,
    b: NodeIndex,
    papers: PaperFilter,
    via: &[String],
    min_papers: usize,
) -> Result<Selected, Error> {
    if a == b {
        return Err(Error::Usage("--diff needs two different nodes".into()));
    }
    let diff = crate::query::diff::diff(graph, a, b, &papers);
    let drawn = |relation: &Relation| via.is_empty() || via.iter().any(|k| *k == relation.kind);
    // `--min-papers` counts the papers asserting the same comparison (aspect or
    // dimension of this pair, however worded), as `compare` does.
    let common_ground: Vec<(NodeIndex, Vec<EdgeIndex>)> = kept(diff.common_ground, via, min_papers)
        .iter()
        .map(|row| (row.topic, row.claims.iter().map(|c| c.edge).collect()))
        .collect();
    let differences: Vec<(NodeIndex, Vec<Positions>)> = kept(diff.differences, via, min_papers)
        .iter()
        .map(|row| {
            let wordings = row
                .wordings()
                .into_iter()
                .map(|wording| {
                    let (a, b) = wording.positions.unwrap_or_default();
                    Positions {
                        a: a.to_string(),
                        b: b.to_string(),
                        edges: wording.claims.iter().map(|c| c.edge).collect(),
                    }
                })
                .collect();
            (row.topic, wordings)
        })
        .collect();
    let direct: Vec<EdgeIndex> = diff
        .direct
        .iter()
        .filter(|c| drawn(c.relation) && c.papers().len() >= min_papers)
        .map(|c| c.edge)
        .collect();
    let comparison = Comparison {
        a,
        b,
        common_ground,
        differences,
        direct,
    };
    let mut selected = Selected {
        papers,
        ..Selected::default()
    };
    selected.nodes.extend([a, b]);
    selected
        .nodes
        .extend(comparison.common_ground.iter().map(|(aspect, _)| *aspect));
    selected.nodes.extend(
        comparison
            .differences
            .iter()
            .map(|(dimension, _)| *dimension),
    );
    selected.edges.extend(comparison.direct.iter().copied());
    selected.edges.extend(
        comparison
            .common_ground
            .iter()
            .flat_map(|(_, e)| e.iter().copied()),
    );
    selected.edges.extend(
        comparison
            .differences
            .iter()
            .flat_map(|(_, w)| w.iter().flat_map(|p| p.edges.iter().copied())),
    );
    selected.edges.sort();
    selected.comparison = Some(comparison);
    Ok(selected)
}

/// The comparison rows drawn: their claims of the `via` kinds (all when empty), when
/// at least `min_papers` papers assert the comparison.
fn kept<'g>(rows: Vec<Row<'g>>, via: &[String], min_papers: usize) -> Vec<Row<'g>> {
    rows.into_iter()
        .filter_map(|mut row| {
            row.claims
                .retain(|claim| via.is_empty() || via.iter().any(|k| *k == claim.relation.kind));
            (!row.claims.is_empty() && row.papers().len() >= min_papers).then_some(row)
        })
        .collect()
}

/// What a selection allows.
struct Filter<'a> {
    graph: &'a ConceptGraph,
    papers: &'a PaperFilter,
    kinds: &'a [String],
    via: &'a [String],
    min_papers: usize,
    /// With `--min-papers`: how many papers back each relation, counted as `compare`
    /// counts (a comparison by its aspect or dimension, however worded).
    support: Option<crate::query::comparison::Support>,
    focus: &'a IndexSet<NodeIndex>,
}

impl Filter<'_> {
    fn node(&self, ix: NodeIndex) -> bool {
        self.kinds.is_empty()
            || self.focus.contains(&ix)
            || self.kinds.iter().any(|k| *k == self.graph.node(ix).kind)
    }

    fn relation(&self, edge: EdgeIndex, relation: &Relation) -> bool {
        (self.via.is_empty() || self.via.iter().any(|k| *k == relation.kind))
            && self.papers.admits(relation)
            && self.support.as_ref().is_none_or(|support| {
                support.papers(edge, relation, self.papers) >= self.min_papers
            })
    }
}
