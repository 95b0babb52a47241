//! `linkage neighbors`: a node's ego network, relations grouped by kind.

use std::fmt::Write as _;

use serde::Serialize;

use super::{
    citations, node_plain,
    sentence::topic_words,
    shape::{RelationHeadJson, SourceJson},
    styled, wrap, HEADING, PAPER,
};
use crate::{
    graph::ConceptGraph,
    query::{Ego, EgoRelation, Walk},
};

/// The network's relations grouped by kind (schema order), each as `A --kind--> B` with
/// the papers asserting it; the step is shown when the network is deeper than one.
pub fn human(walk: &Walk<'_>, ego: &Ego) -> String {
    let graph = walk.graph();
    let mut out = String::new();
    let nodes = ego.nodes.len() - 1;
    let head = format!(
        "{}: {nodes} node{} within {} step{}, by {} relation{}",
        node_plain(graph, ego.center),
        plural(nodes),
        ego.depth,
        plural(ego.depth),
        ego.relations.len(),
        plural(ego.relations.len())
    );
    out.push_str(&wrap(&head, ""));
    for (kind, relations) in by_kind(graph, ego) {
        let label = &graph.schema().relation_kinds[kind].label;
        let _ = writeln!(out, "\n{} ({})", styled(HEADING, label), relations.len());
        for item in relations {
            let relation = graph.relation(item.edge);
            let mut line = super::relation_line(graph, relation);
            if let Some(q) = topic_words(graph, relation) {
                let _ = write!(line, ": {q}");
            }
            // Deeper networks number each relation with the step it is met at.
            let (first, rest) = if ego.depth > 1 {
                (format!("  {}  ", item.step), " ".repeat(7))
            } else {
                ("  ".to_string(), " ".repeat(4))
            };
            out.push_str(&super::wrap_hanging(&line, &first, &rest));
            let papers = crate::relation::distinct_papers(walk.sources(relation));
            let cites = citations(graph, &papers);
            let mut line = wrap(&cites, &" ".repeat(rest.len() + 2));
            for paper in cites.split("; ") {
                line = line.replacen(paper, &styled(PAPER, paper), 1);
            }
            out.push_str(&line);
        }
    }
    out
}

/// The JSON shape of `neighbors` (docs/json.md).
#[derive(Debug, Serialize)]
pub struct NeighborsJson<'g> {
    /// The centre's id.
    pub center: &'g str,
    /// How far the network reaches.
    pub depth: usize,
    /// The filters applied.
    pub filters: FiltersJson<'g>,
    /// The nodes reached.
    pub nodes: Vec<ReachedJson<'g>>,
    /// The relations among them.
    pub relations: Vec<EgoRelationJson<'g>>,
}

/// The filters of a `neighbors` query.
#[derive(Debug, Serialize)]
pub struct FiltersJson<'g> {
    /// Relation kinds (all when empty).
    pub via: &'g [String],
    /// Paper ids (all when empty).
    pub papers: &'g [String],
}

/// A node reached, with its distance from the centre.
#[derive(Debug, Serialize)]
pub struct ReachedJson<'g> {
    /// Node id.
    pub id: &'g str,
    /// Label.
    pub label: &'g str,
    /// Node kind.
    pub kind: &'g str,
    /// Relations from the centre.
    pub distance: usize,
}

/// A relation of the network.
#[derive(Debug, Serialize)]
pub struct EgoRelationJson<'g> {
    /// Kind, label, ends and topic.
    #[serde(flatten)]
    pub head: RelationHeadJson<'g>,
    /// One more than the distance of its nearer end.
    pub step: usize,
    /// The sources the paper filter keeps.
    pub sources: Vec<SourceJson<'g>>,
}

/// The network as its JSON shape.
pub fn json<'g>(walk: &'g Walk<'g>, ego: &'g Ego) -> NeighborsJson<'g> {
    let graph = walk.graph();
    NeighborsJson {
        center: &graph.node(ego.center).id,
        depth: ego.depth,
        filters: FiltersJson {
            via: &walk.filter().kinds,
            papers: walk.filter().papers.named(),
        },
        nodes: ego
            .nodes
            .iter()
            .map(|&(v, distance)| {
                let node = graph.node(v);
                ReachedJson {
                    id: &node.id,
                    label: &node.label,
                    kind: &node.kind,
                    distance,
                }
            })
            .collect(),
        relations: by_kind(graph, ego)
            .into_iter()
            .flat_map(|(_, relations)| relations)
            .map(|item| {
                let relation = graph.relation(item.edge);
                EgoRelationJson {
                    head: RelationHeadJson::new(graph, relation),
                    step: item.step,
                    sources: walk
                        .sources(relation)
                        .map(|s| SourceJson::new(graph, s))
                        .collect(),
                }
            })
            .collect(),
    }
}

/// Relations grouped by kind in schema order; within a kind, by step then data order.
fn by_kind<'e>(graph: &'e ConceptGraph, ego: &'e Ego) -> Vec<(&'e str, Vec<&'e EgoRelation>)> {
    graph
        .schema()
        .relation_kinds
        .keys()
        .map(|kind| {
            let of_kind: Vec<&EgoRelation> = ego
                .relations
                .iter()
                .filter(|r| &graph.relation(r.edge).kind == kind)
                .collect();
            (kind.as_str(), of_kind)
        })
        .filter(|(_, relations)| !relations.is_empty())
        .collect()
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
