//! `linkage show`: one node with every relation in and out, grouped by relation kind,
//! each with the papers and quotes that make it.

use std::fmt::Write as _;

use petgraph::graph::NodeIndex;
use serde_json::json;

use super::{
    node_line, relation_line, sources_block, styled, wrap, wrap_hanging, DETAIL, HEADING, LABEL,
};
use crate::{export, graph::ConceptGraph, graph::Incident, schema::Role};

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

/// The node and its relations as JSON.
pub fn json(graph: &ConceptGraph, ix: NodeIndex) -> serde_json::Value {
    let relations: Vec<_> = graph
        .incident(ix)
        .iter()
        .map(|item| {
            let mut value = export::relation_json(graph, item.relation);
            let direction = if graph.kind_of(item.relation).symmetric {
                "both"
            } else if item.outgoing {
                "out"
            } else {
                "in"
            };
            value["direction"] = json!(direction);
            value["other"] = json!(graph.node(item.other).id);
            value
        })
        .collect();
    let compared: Vec<_> = graph
        .qualified_by(ix)
        .into_iter()
        .map(|edge| export::relation_json(graph, graph.relation(edge)))
        .collect();
    json!({ "node": graph.node(ix), "relations": relations, "compared_along": compared })
}
