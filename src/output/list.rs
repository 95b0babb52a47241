//! `linkage list`: nodes grouped by kind.

use std::fmt::Write as _;

use super::{styled, wrap_hanging, DETAIL, HEADING};
use crate::{graph::ConceptGraph, node::Node};

/// Nodes grouped by kind, in schema order, each as `id  label`.
pub fn human(graph: &ConceptGraph, nodes: &[&Node]) -> String {
    let mut out = String::new();
    let width = nodes.iter().map(|n| n.id.len()).max().unwrap_or(0).min(34);
    for kind in graph.schema().node_kinds.keys() {
        let of_kind: Vec<&&Node> = nodes.iter().filter(|n| &n.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{} ({})", styled(HEADING, kind), of_kind.len());
        for node in of_kind {
            let pad = " ".repeat(width.saturating_sub(node.id.len()));
            let first = format!("  {}{pad}  ", node.id);
            let rest = " ".repeat(width + 4);
            let line = wrap_hanging(&node.label, &first, &rest);
            out.push_str(&line.replacen(&node.id, &styled(DETAIL, &node.id), 1));
        }
        out.push('\n');
    }
    out
}

/// The JSON shape of `list` (docs/json.md).
#[derive(Debug, serde::Serialize)]
pub struct ListJson<'n> {
    /// How many nodes the filters keep, before `--limit`.
    pub total: usize,
    /// Whether `--limit` left some out.
    pub truncated: bool,
    /// The nodes listed.
    pub nodes: &'n [&'n Node],
}

/// The nodes listed, of `total` kept by the filters, as their JSON shape.
pub fn json<'n>(nodes: &'n [&'n Node], total: usize) -> ListJson<'n> {
    ListJson {
        total,
        truncated: total > nodes.len(),
        nodes,
    }
}
