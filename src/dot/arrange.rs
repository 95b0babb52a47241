//! Layout hints Graphviz does not find by itself, so a diagram keeps near the shape of
//! a page or a slide: fans of many edges staggered over several ranks, and many
//! disconnected parts tiled into a grid.

use indexmap::{IndexMap, IndexSet};
use petgraph::graph::{EdgeIndex, NodeIndex};

use super::{scene::Edge, select::Selected};
use crate::graph::ConceptGraph;

/// Most edges a node fans out into on one rank before its targets are staggered.
const FAN_PER_RANK: usize = 6;
/// Most ranks a fan is staggered over.
const FAN_RANKS: usize = 3;

/// The minimum length (in ranks) of each group's edge. A node with many outgoing
/// edges would put all its targets side by side in one very wide rank; like Graphviz's
/// `unflatten`, its edges get lengths 1, 2, 3, 1, 2, ... so the targets spread over up
/// to [`FAN_RANKS`] ranks and the diagram stays near the shape of a slide.
pub(crate) fn staggered_lengths(graph: &ConceptGraph, groups: &[Vec<EdgeIndex>]) -> Vec<usize> {
    let ends = |group: &Vec<EdgeIndex>| {
        let relation = graph.relation(group[0]);
        (relation.from, relation.to)
    };
    let mut targets: IndexMap<NodeIndex, IndexSet<NodeIndex>> = IndexMap::new();
    for group in groups {
        let (from, to) = ends(group);
        targets.entry(from).or_default().insert(to);
    }
    groups
        .iter()
        .map(|group| {
            let (from, to) = ends(group);
            let fan = &targets[&from];
            if fan.len() > FAN_PER_RANK {
                let levels = fan.len().div_ceil(FAN_PER_RANK).min(FAN_RANKS);
                // Every group's target was listed under its source above.
                1 + fan.get_index_of(&to).unwrap_or(0) % levels
            } else {
                1
            }
        })
        .collect()
}

/// Fewest connected parts before they are tiled.
const TILE_FROM: usize = 4;
/// Parts to a line of the tiling are about the square root of this many times the
/// number of parts.
const TILE_SHAPE: usize = 4;

/// Invisible edges that tile many disconnected parts (say, a dozen separate
/// transitions) into a grid near the shape of a slide, where Graphviz would put them
/// all in one long row (or column). Part `i` of line `l > 0` hangs below (or right of)
/// part `i` of line `l - 1`: an edge from a node of the earlier part with nothing going
/// out to a node of the later part with nothing coming in.
pub(crate) fn tiling(
    graph: &ConceptGraph,
    selected: &Selected,
    groups: &[Vec<EdgeIndex>],
) -> Vec<Edge> {
    let parts = components(graph, selected);
    if parts.len() < TILE_FROM {
        return Vec::new();
    }
    // About twice as many parts to a line as there are lines: small parts of a few
    // labelled nodes then fill a wide slide.
    let widest = (parts.len() * TILE_SHAPE).isqrt().max(1);
    // As many lines as the widest line needs, filled evenly.
    let per_line = parts.len().div_ceil(parts.len().div_ceil(widest));
    let mut outgoing: IndexSet<NodeIndex> = IndexSet::new();
    let mut incoming: IndexSet<NodeIndex> = IndexSet::new();
    for group in groups {
        let relation = graph.relation(group[0]);
        outgoing.insert(relation.from);
        incoming.insert(relation.to);
    }
    let mut stmts = Vec::new();
    for (i, part) in parts.iter().enumerate().skip(per_line) {
        let above = &parts[i - per_line];
        let sink = above
            .iter()
            .rev()
            .find(|n| !outgoing.contains(*n))
            .unwrap_or(&above[above.len() - 1]);
        let source = part
            .iter()
            .find(|n| !incoming.contains(*n))
            .unwrap_or(&part[0]);
        stmts.push(Edge::invisible(
            &graph.node(*sink).id,
            &graph.node(*source).id,
        ));
    }
    stmts
}

/// The connected parts of the selection (edges taken both ways), each in data order,
/// ordered by their first node.
fn components(graph: &ConceptGraph, selected: &Selected) -> Vec<Vec<NodeIndex>> {
    let mut neighbours: IndexMap<NodeIndex, Vec<NodeIndex>> = IndexMap::new();
    for &edge in &selected.edges {
        let relation = graph.relation(edge);
        neighbours
            .entry(relation.from)
            .or_default()
            .push(relation.to);
        neighbours
            .entry(relation.to)
            .or_default()
            .push(relation.from);
    }
    let mut seen: IndexSet<NodeIndex> = IndexSet::new();
    let mut parts = Vec::new();
    for &start in &selected.nodes {
        if !seen.insert(start) {
            continue;
        }
        let mut part = vec![start];
        let mut stack = vec![start];
        while let Some(node) = stack.pop() {
            for &next in neighbours.get(&node).into_iter().flatten() {
                if seen.insert(next) {
                    part.push(next);
                    stack.push(next);
                }
            }
        }
        part.sort();
        parts.push(part);
    }
    parts
}
