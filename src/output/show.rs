//! `linkage show`: one node with every relation in and out, grouped by relation kind,
//! each with the papers and quotes that make it.

use std::fmt::Write as _;

use petgraph::graph::NodeIndex;
use serde::Serialize;

use super::shape::ClaimJson;
use super::{
    node_line, relation_line, sources_block, styled, wrap, wrap_hanging, DETAIL, HEADING, LABEL,
};
use crate::{graph::ConceptGraph, graph::Incident, node::Node, schema::Role};

/// The node's card followed by its relations grouped by kind (schema order).
pub fn human(graph: &ConceptGraph, ix: NodeIndex, with_quotes: bool) -> String {
    let node = graph.node(ix);
    let mut out = String::new();
    let mut title = format!(
        "{} {}",
        styled(LABEL, &node.label),
        styled(DETAIL, format!("({}, {})", node.id, node.kind))
    );
    if let Some(zh) = &node.label_zh {
        let _ = write!(title, "  {zh}");
    }
    let _ = writeln!(out, "{title}");
    if !node.aliases.is_empty() {
        out.push_str(&wrap(&format!("also: {}", node.aliases.join("; ")), "  "));
    }
    if let Some(description) = &node.description {
        out.push_str(&wrap(description, "  "));
    }
    let compared = graph.qualified_by(ix);
    if !compared.is_empty() {
        let _ = writeln!(
            out,
            "\n{} ({})",
            styled(HEADING, "Compared along this"),
            compared.len()
        );
        for edge in compared {
            let relation = graph.relation(edge);
            out.push_str(&wrap_hanging(&relation_line(graph, relation), "  ", "    "));
            if let Some(p) = &relation.positions {
                let (a, b) = (graph.node(relation.from), graph.node(relation.to));
                out.push_str(&wrap_hanging(
                    &p.from,
                    &format!("      {}: ", a.id),
                    "        ",
                ));
                out.push_str(&wrap_hanging(
                    &p.to,
                    &format!("      {}: ", b.id),
                    "        ",
                ));
            }
            out.push_str(&sources_block(
                graph,
                &relation.sources,
                "      ",
                with_quotes,
            ));
        }
    }
    let incident = graph.incident(ix);
    let _ = writeln!(
        out,
        "\n{} ({})",
        styled(HEADING, "Relations"),
        incident.len()
    );
    for kind in graph.schema().relation_kinds.keys() {
        let of_kind: Vec<&Incident<'_>> = incident
            .iter()
            .filter(|i| &i.relation.kind == kind)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{}",
            styled(HEADING, &graph.schema().relation_kinds[kind].label)
        );
        for item in of_kind {
            out.push_str(&incident_block(graph, item, with_quotes));
        }
    }
    out
}

/// One relation as seen from the node being shown.
fn incident_block(graph: &ConceptGraph, item: &Incident<'_>, with_quotes: bool) -> String {
    let relation = item.relation;
    let kind = graph.kind_of(relation);
    let arrow = if kind.symmetric {
        "↔"
    } else if item.outgoing {
        "→"
    } else {
        "←"
    };
    let mut out = String::new();
    out.push_str(&node_line(
        graph,
        item.other,
        &format!("  {arrow} "),
        "    ",
    ));
    match kind.role {
        Role::CommonGround => {
            if let Some(aspect) = relation.aspect {
                out.push_str(&wrap(
                    &format!("aspect: {}", graph.node(aspect).label),
                    "      ",
                ));
            }
        }
        Role::Difference => {
            if let (Some(dimension), Some(positions)) = (relation.dimension, &relation.positions) {
                out.push_str(&wrap(
                    &format!("dimension: {}", graph.node(dimension).label),
                    "      ",
                ));
                let (mine, theirs) = if item.outgoing {
                    (&positions.from, &positions.to)
                } else {
                    (&positions.to, &positions.from)
                };
                let here = graph.node(if item.outgoing {
                    relation.from
                } else {
                    relation.to
                });
                let there = graph.node(item.other);
                out.push_str(&wrap_hanging(
                    mine,
                    &format!("      {}: ", here.id),
                    "        ",
                ));
                out.push_str(&wrap_hanging(
                    theirs,
                    &format!("      {}: ", there.id),
                    "        ",
                ));
            }
        }
        Role::Ordinary => {}
    }
    out.push_str(&sources_block(
        graph,
        &relation.sources,
        "      ",
        with_quotes,
    ));
    out
}

/// The JSON shape of `show` (docs/json.md).
#[derive(Debug, Serialize)]
pub struct ShowJson<'g> {
    /// The node.
    pub node: &'g Node,
    /// Every relation touching it.
    pub relations: Vec<IncidentJson<'g>>,
    /// The relations that use it as their aspect or dimension.
    pub compared_along: Vec<ClaimJson<'g>>,
}

/// A relation seen from the node shown.
#[derive(Debug, Serialize)]
pub struct IncidentJson<'g> {
    /// The relation with every source.
    #[serde(flatten)]
    pub claim: ClaimJson<'g>,
    /// `out`, `in` or `both` (symmetric kinds).
    pub direction: &'static str,
    /// The node at the other end.
    pub other: &'g str,
}

/// The node and its relations as their JSON shape.
pub fn json(graph: &ConceptGraph, ix: NodeIndex) -> ShowJson<'_> {
    ShowJson {
        node: graph.node(ix),
        relations: graph
            .incident(ix)
            .into_iter()
            .map(|item| IncidentJson {
                claim: ClaimJson::new(graph, item.relation, &item.relation.sources),
                direction: if graph.kind_of(item.relation).symmetric {
                    "both"
                } else if item.outgoing {
                    "out"
                } else {
                    "in"
                },
                other: &graph.node(item.other).id,
            })
            .collect(),
        compared_along: graph
            .qualified_by(ix)
            .into_iter()
            .map(|edge| {
                let relation = graph.relation(edge);
                ClaimJson::new(graph, relation, &relation.sources)
            })
            .collect(),
    }
}
