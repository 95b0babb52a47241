//! The view of every selection but a comparison: the selected concepts (in boxes by
//! kind or by paper when asked) and their relations, comparisons of one pair merged
//! into one edge, fans staggered and small parts tiled.

use indexmap::{IndexMap, IndexSet};
use petgraph::graph::{EdgeIndex, NodeIndex};

use super::{
    arrange::{staggered_lengths, tiling},
    paint::Emphasis,
    parts::{relation_label, wrap, Canvas, EDGE_LABEL_WIDTH},
    scene::{Edge, Item},
    select::Selected,
    style::Clustering,
};
use crate::{graph::ConceptGraph, schema::Role};

/// The items drawing the selection on `canvas`: nodes in data order (inside their
/// clusters when clustered), then relations in data order, then tiling constraints.
pub(crate) fn items(canvas: &Canvas<'_>) -> Vec<Item> {
    let (graph, selected) = (canvas.graph, canvas.selected);
    let node = |ix: NodeIndex| Item::Node(canvas.concept(ix, node_emphasis(selected, ix)));
    let mut items = Vec::new();
    match canvas.look.cluster {
        Clustering::Flat => items.extend(selected.nodes.iter().map(|&ix| node(ix))),
        Clustering::Kind => {
            for (position, (name, kind)) in graph.schema().node_kinds.iter().enumerate() {
                let members: Vec<Item> = selected
                    .nodes
                    .iter()
                    .filter(|&&ix| graph.node(ix).kind == *name)
                    .map(|&ix| node(ix))
                    .collect();
                if !members.is_empty() {
                    items.push(canvas.cluster(
                        &format!("cluster_kind_{position}"),
                        canvas.look.lang.node_kind(name, kind),
                        members,
                    ));
                }
            }
        }
        Clustering::Paper => {
            let homes = home_papers(graph, selected);
            for (position, paper) in graph.papers().enumerate() {
                let members: Vec<Item> = selected
                    .nodes
                    .iter()
                    .filter(|ix| homes.get(*ix).copied() == Some(paper.id.as_str()))
                    .map(|&ix| node(ix))
                    .collect();
                if !members.is_empty() {
                    items.push(canvas.cluster(
                        &format!("cluster_paper_{position}"),
                        paper.citation(),
                        members,
                    ));
                }
            }
            items.extend(
                selected
                    .nodes
                    .iter()
                    .filter(|ix| !homes.contains_key(*ix))
                    .map(|&ix| node(ix)),
            );
        }
    }
    let groups = edge_groups(graph, selected);
    let lengths = staggered_lengths(graph, &groups);
    items.extend(
        groups
            .iter()
            .zip(lengths)
            .map(|(group, length)| Item::Edge(group_edge(canvas, group, length))),
    );
    items.extend(tiling(graph, selected, &groups).into_iter().map(Item::Edge));
    items
}

/// Stressed, faded or neither: a selection with highlights fades the rest.
fn node_emphasis(selected: &Selected, ix: NodeIndex) -> Emphasis {
    if !selected.has_highlights() {
        Emphasis::Normal
    } else if selected.highlighted_nodes.contains(&ix) {
        Emphasis::Highlight
    } else {
        Emphasis::Context
    }
}

/// Relations drawn as one edge: comparisons of the same kind between the same two
/// nodes (common ground in several aspects, differences along several dimensions)
/// share an edge listing every aspect or dimension, so a pair compared ten ways is
/// not buried under ten parallel curves. Every other relation is its own group.
fn edge_groups(graph: &ConceptGraph, selected: &Selected) -> Vec<Vec<EdgeIndex>> {
    #[derive(PartialEq, Eq, Hash)]
    enum Key<'g> {
        Alone(EdgeIndex),
        Comparison(&'g str, NodeIndex, NodeIndex),
    }
    let mut groups: IndexMap<Key<'_>, Vec<EdgeIndex>> = IndexMap::new();
    for &edge in &selected.edges {
        let relation = graph.relation(edge);
        let kind = graph.kind_of(relation);
        let key = if kind.role == Role::Ordinary {
            Key::Alone(edge)
        } else if kind.symmetric {
            Key::Comparison(
                &relation.kind,
                relation.from.min(relation.to),
                relation.from.max(relation.to),
            )
        } else {
            Key::Comparison(&relation.kind, relation.from, relation.to)
        };
        groups.entry(key).or_default().push(edge);
    }
    groups.into_values().collect()
}

/// The edge of one group of relations (see [`edge_groups`]), at least `length` ranks
/// long: labelled with the kind (and every aspect or dimension), the citations with
/// `--cite`, and every source's citation and locator as its tooltip.
fn group_edge(canvas: &Canvas<'_>, group: &[EdgeIndex], length: usize) -> Edge {
    let (graph, selected, lang) = (canvas.graph, canvas.selected, canvas.look.lang);
    let first = graph.relation(group[0]);
    let kind = graph.kind_of(first);
    let mut label = if group.len() == 1 {
        wrap(&relation_label(graph, first, lang), EDGE_LABEL_WIDTH)
    } else {
        // Each aspect or dimension once, however many papers word it differently.
        let compared: IndexSet<NodeIndex> = group
            .iter()
            .filter_map(|&edge| {
                let relation = graph.relation(edge);
                relation.aspect.or(relation.dimension)
            })
            .collect();
        let mut lines = vec![format!(
            "{}{}",
            lang.relation_kind(kind),
            lang.colon().trim_end()
        )];
        for &ix in &compared {
            lines.extend(wrap(canvas.node_label(ix), EDGE_LABEL_WIDTH));
        }
        lines
    };
    label.extend(canvas.cite(group));
    let emphasis = if !selected.has_highlights() {
        Emphasis::Normal
    } else if group.iter().any(|e| selected.highlighted_edges.contains(e)) {
        Emphasis::Highlight
    } else {
        Emphasis::Context
    };
    let papers = canvas.papers_of(group);
    let mut sources: Vec<String> = Vec::new();
    for &edge in group {
        for source in &graph.relation(edge).sources {
            let line = format!("{}, {}", graph.cite(&source.paper), source.locator());
            if papers.contains(&source.paper.as_str()) && !sources.contains(&line) {
                sources.push(line);
            }
        }
    }
    let mut edge = Edge::new(
        &graph.node(first.from).id,
        &graph.node(first.to).id,
        canvas.paint.edge(&first.kind, emphasis),
    );
    edge.label = label;
    edge.tooltip = Some(sources.join("\n"));
    edge.min_len = (length > 1).then_some(length);
    edge
}

/// For clustering by paper: each node whose selected relations all come from one
/// paper, with that paper. Nodes linked by several papers, or by none, are absent.
fn home_papers<'g>(graph: &'g ConceptGraph, selected: &Selected) -> IndexMap<NodeIndex, &'g str> {
    let mut papers: IndexMap<NodeIndex, IndexSet<&'g str>> = IndexMap::new();
    for &edge in &selected.edges {
        let relation = graph.relation(edge);
        for paper in selected.papers_of(relation) {
            papers.entry(relation.from).or_default().insert(paper);
            papers.entry(relation.to).or_default().insert(paper);
        }
    }
    papers
        .into_iter()
        .filter(|(_, set)| set.len() == 1)
        .map(|(ix, set)| (ix, set[0]))
        .collect()
}
