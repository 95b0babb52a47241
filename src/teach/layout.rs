//! A Graphviz layout of the whole graph for the explorer: node boxes in page
//! coordinates, so the page draws every node and relation itself (each with an id the
//! page controls) instead of embedding Graphviz's SVG.
//!
//! `sfdp` rather than `dot`: the layered layout of the full graph is some twenty
//! thousand points wide, which no amount of zooming makes readable on a laptop, while
//! the force-directed one is about as wide as it is high. Its edges are straight, so
//! the page draws them itself, from box edge to box edge; the many relations between
//! one pair of nodes (the two strategies share some twenty) are one edge of the layout,
//! or Graphviz would bend them into a fan of loops.

use std::fmt::Write as _;

use graphviz_rust::cmd::{CommandArg, Format};
use serde::Serialize;
use serde_json::Value;

use crate::{dot::MISSING_GRAPHVIZ, error::Error, graph::ConceptGraph};

/// Node boxes, y pointing down, in points.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    /// Width of the drawing.
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
    /// Per node, in graph order: centre x, centre y, width, height.
    pub nodes: Vec<[f64; 4]>,
}

/// Characters per line of a node's label in the drawing (the page wraps as laid out).
pub const LABEL_WIDTH: usize = 22;

/// Wraps a label into lines of at most about `width` characters, at spaces.
pub fn wrap_label(label: &str, width: usize) -> Vec<String> {
    textwrap::wrap(label, width)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// The DOT text laid out: one node per concept (`n{index}`, its label wrapped as the
/// page wraps it) and one edge per pair of related nodes.
pub fn layout_dot(graph: &ConceptGraph) -> String {
    let mut dot = String::from(
        "digraph explorer {\n  graph[overlap=prism overlap_scaling=-6 sep=\"+6\"]\n  node[shape=box fontname=\"Helvetica\" fontsize=12 margin=\"0.12,0.06\"]\n",
    );
    for ix in graph.node_indices() {
        let lines: Vec<String> = wrap_label(&graph.node(ix).label, LABEL_WIDTH)
            .iter()
            .map(|line| line.replace('\\', "\\\\").replace('"', "\\\""))
            .collect();
        let _ = writeln!(dot, "  n{} [label=\"{}\"]", ix.index(), lines.join("\\n"));
    }
    let mut pairs = std::collections::BTreeSet::new();
    for (_, relation) in graph.relations() {
        let (a, b) = (relation.from.index(), relation.to.index());
        if a != b && pairs.insert((a.min(b), a.max(b))) {
            let _ = writeln!(dot, "  n{a} -> n{b}");
        }
    }
    dot.push_str("}\n");
    dot
}

/// Runs `sfdp` on the graph and reads the geometry back.
///
/// # Errors
/// [`Error::External`] when Graphviz is missing or fails, or its output cannot be read.
pub fn layout(graph: &ConceptGraph) -> Result<Layout, Error> {
    let output = graphviz_rust::exec_dot(
        layout_dot(graph),
        vec![
            CommandArg::Layout(graphviz_rust::cmd::Layout::Sfdp),
            CommandArg::Format(Format::Json),
        ],
    )
    .map_err(|error| {
        if error.kind() == std::io::ErrorKind::NotFound {
            Error::External(MISSING_GRAPHVIZ.into())
        } else {
            Error::External(format!("Graphviz failed: {}", error.to_string().trim()))
        }
    })?;
    let json: Value = serde_json::from_slice(&output)
        .map_err(|e| Error::External(format!("cannot read Graphviz's layout: {e}")))?;
    parse(&json, graph.node_count())
        .ok_or_else(|| Error::External("Graphviz's layout lacks positions".into()))
}

fn numbers(text: &str) -> Option<Vec<f64>> {
    text.split(',').map(|n| n.trim().parse().ok()).collect()
}

fn parse(json: &Value, node_count: usize) -> Option<Layout> {
    let bb = numbers(json.get("bb")?.as_str()?)?;
    let (width, height) = (*bb.get(2)?, *bb.get(3)?);
    let flip = |x: f64, y: f64| [round(x), round(height - y)];
    let mut nodes = vec![[0.0; 4]; node_count];
    for object in json.get("objects")?.as_array()? {
        let index: usize = object
            .get("name")?
            .as_str()?
            .strip_prefix('n')?
            .parse()
            .ok()?;
        let pos = numbers(object.get("pos")?.as_str()?)?;
        let w: f64 = object.get("width")?.as_str()?.parse().ok()?;
        let h: f64 = object.get("height")?.as_str()?.parse().ok()?;
        let [x, y] = flip(*pos.first()?, *pos.get(1)?);
        *nodes.get_mut(index)? = [x, y, round(w * 72.0), round(h * 72.0)];
    }
    Some(Layout {
        width: round(width),
        height: round(height),
        nodes,
    })
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
