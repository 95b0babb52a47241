//! `linkage diff A B`: common ground, differences by dimension, structural contrast.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::{
    citations, node_line, node_plain, source_block, styled, wrap, wrap_hanging, HEADING, LABEL,
};
use crate::{
    graph::ConceptGraph,
    query::diff::{Claim, Diff, Direction},
};

/// The comparison as text, wrapped to 80 columns; positions are wrapped, never cut.
pub fn human(graph: &ConceptGraph, diff: &Diff<'_>, with_quotes: bool) -> String {
    let (a, b) = (graph.node(diff.a), graph.node(diff.b));
    let mut out = String::new();
    out.push_str(&node_line(graph, diff.a, "", "  "));
    out.push_str(&node_line(graph, diff.b, "  vs  ", "  "));

    if !diff.direct.is_empty() {
        let _ = writeln!(
            out,
            "\n{} ({})",
            styled(HEADING, "How they relate"),
            diff.direct.len()
        );
        for claim in &diff.direct {
            let kind = graph.kind_of(claim.relation);
            let left = if kind.symmetric { "<--" } else { "--" };
            let line = format!(
                "{} {left}{}--> {}",
                graph.node(claim.relation.from).id,
                kind.label,
                graph.node(claim.relation.to).id
            );
            claim_block(graph, &line, claim, with_quotes, &mut out);
        }
    }

    let _ = writeln!(
        out,
        "\n{} ({})",
        styled(HEADING, "Common ground"),
        diff.common_ground.len()
    );
    if diff.common_ground.is_empty() {
        let _ = writeln!(out, "  none recorded");
    }
    for claim in &diff.common_ground {
        let aspect = claim
            .relation
            .aspect
            .map_or("", |d| graph.node(d).label.as_str());
        claim_block(graph, aspect, claim, with_quotes, &mut out);
    }

    let _ = writeln!(
        out,
        "\n{} ({} dimensions)",
        styled(HEADING, "Differences"),
        diff.differences.len()
    );
    if diff.differences.is_empty() {
        let _ = writeln!(out, "  none recorded");
    }
    for row in &diff.differences {
        let _ = writeln!(out, "  {}", styled(LABEL, &graph.node(row.dimension).label));
        for entry in &row.entries {
            out.push_str(&wrap(
                &format!("papers: {}", citations(graph, &entry.claim.papers())),
                "    ",
            ));
            let width = a.id.len().max(b.id.len());
            let indent = " ".repeat(width + 8);
            out.push_str(&wrap_hanging(
                entry.a_position,
                &format!("      {:width$}: ", a.id),
                &indent,
            ));
            out.push_str(&wrap_hanging(
                entry.b_position,
                &format!("      {:width$}: ", b.id),
                &indent,
            ));
            claim_sources(graph, &entry.claim, with_quotes, &mut out);
        }
    }

    if !diff.contrast.is_empty() {
        let _ = writeln!(out, "\n{}", styled(HEADING, "Structural contrast"));
        for contrast in &diff.contrast {
            let kind = &graph.schema().relation_kinds[&contrast.kind];
            let heading = match contrast.direction {
                Direction::Out => format!("{} →", kind.label),
                Direction::In => format!("← {}", kind.label),
                Direction::Both => kind.label.clone(),
            };
            let _ = writeln!(out, "  {}", styled(LABEL, heading));
            for (who, nodes) in [
                ("both".to_string(), &contrast.both),
                (format!("only {}", a.id), &contrast.only_a),
                (format!("only {}", b.id), &contrast.only_b),
            ] {
                if nodes.is_empty() {
                    continue;
                }
                let names: Vec<String> = nodes.iter().map(|&n| node_plain(graph, n)).collect();
                let first = format!("    {who}: ");
                out.push_str(&wrap_hanging(&names.join("; "), &first, &" ".repeat(8)));
            }
        }
    }
    out
}

/// A claim under its heading: the heading, the papers asserting it, and its sources.
fn claim_block(
    graph: &ConceptGraph,
    heading: &str,
    claim: &Claim<'_>,
    with_quotes: bool,
    out: &mut String,
) {
    let _ = writeln!(out, "  {}", styled(LABEL, heading));
    out.push_str(&wrap(
        &format!("papers: {}", citations(graph, &claim.papers())),
        "    ",
    ));
    claim_sources(graph, claim, with_quotes, out);
}

/// Every source with its quote; nothing in brief mode, where the papers line suffices.
fn claim_sources(graph: &ConceptGraph, claim: &Claim<'_>, with_quotes: bool, out: &mut String) {
    if !with_quotes {
        return;
    }
    for source in &claim.sources {
        out.push_str(&source_block(graph, source, "      ", true));
    }
}

fn claim_json(graph: &ConceptGraph, claim: &Claim<'_>) -> Value {
    let r = claim.relation;
    json!({
        "kind": r.kind,
        "from": graph.node(r.from).id,
        "to": graph.node(r.to).id,
        "papers": claim.papers(),
        "sources": claim.sources.iter().map(|s| json!({"paper": s.paper, "locator": s.locator, "quote": s.quote})).collect::<Vec<_>>(),
    })
}

/// The comparison as JSON (shape in docs/json.md).
pub fn json(graph: &ConceptGraph, diff: &Diff<'_>) -> Value {
    let id = |ix| graph.node(ix).id.clone();
    let ids = |v: &Vec<petgraph::graph::NodeIndex>| v.iter().map(|&n| id(n)).collect::<Vec<_>>();
    json!({
        "a": id(diff.a),
        "b": id(diff.b),
        "direct": diff.direct.iter().map(|c| claim_json(graph, c)).collect::<Vec<_>>(),
        "common_ground": diff.common_ground.iter().map(|c| {
            let mut v = claim_json(graph, c);
            v["aspect"] = json!(c.relation.aspect.map(id));
            v
        }).collect::<Vec<_>>(),
        "differences": diff.differences.iter().map(|row| json!({
            "dimension": id(row.dimension),
            "entries": row.entries.iter().map(|e| {
                let mut v = claim_json(graph, &e.claim);
                v["a_position"] = json!(e.a_position);
                v["b_position"] = json!(e.b_position);
                v
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "contrast": diff.contrast.iter().map(|c| json!({
            "kind": c.kind,
            "direction": match c.direction { Direction::Out => "out", Direction::In => "in", Direction::Both => "both" },
            "both": ids(&c.both),
            "only_a": ids(&c.only_a),
            "only_b": ids(&c.only_b),
        })).collect::<Vec<_>>(),
    })
}
