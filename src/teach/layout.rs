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
//!
//! The page opens on two concepts compared ([`opening_pair`]) and frames them as large
//! as the screen allows. sfdp puts the two strategies some 460 points apart at whatever
//! angle its forces leave them; on a phone held upright the drawing is 390 px wide, so
//! side by side they cannot both show at a readable size. The drawing is therefore
//! turned (Graphviz's `rotation`, before overlaps are removed) until the pair runs top
//! to bottom, which a laptop's and a projector's screen hold as well.

use serde::Serialize;
use serde_json::Value;
use textwrap::core::display_width;

use petgraph::stable_graph::NodeIndex;

use crate::{
    dot::{
        render::layout_json,
        scene::{Edge, EdgeStyle, Item, Layout as Placement, Line, Node, NodeStyle, Scene},
        writer, Rankdir,
    },
    error::Error,
    graph::ConceptGraph,
};

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

/// Columns per line of a node's Chinese label (a CJK character is two): twelve
/// characters, about as wide as an English line of [`LABEL_WIDTH`].
pub const ZH_LABEL_COLUMNS: usize = 24;

/// A Chinese label in lines as the page draws it.
pub fn zh_lines(label: &str) -> Vec<String> {
    crate::dot::wrap(label, ZH_LABEL_COLUMNS)
}

/// The least box, in inches, that holds a Chinese label as the page draws it (12 px
/// a character, 14 px a line, the box's margins of 0.12 and 0.06 inches around):
/// Graphviz lays the node out at least this large, so the page can show the Chinese
/// label in the box laid out for the English one without moving a node.
fn room_for_chinese(label: &str) -> (f32, f32) {
    let lines = zh_lines(label);
    let widest = lines.iter().map(|l| display_width(l)).max().unwrap_or(0);
    // Counts of a few dozen columns and lines: exact in f32.
    #[allow(clippy::cast_precision_loss)]
    let (columns, rows) = (widest as f32, lines.len() as f32);
    (columns * 6.0 / 72.0 + 0.24, rows * 14.0 / 72.0 + 0.12)
}

/// The two concepts the explorer opens on compared: `tpa` and `rr` where the dataset
/// has both (the shipped papers' two strategies), else its first two strategies, else
/// none.
pub fn opening_pair(graph: &ConceptGraph) -> Option<(NodeIndex, NodeIndex)> {
    if let (Some(a), Some(b)) = (graph.index_of("tpa"), graph.index_of("rr")) {
        return Some((a, b));
    }
    let mut strategies = graph
        .node_indices()
        .filter(|&ix| graph.node(ix).kind.as_str() == "strategy");
    Some((strategies.next()?, strategies.next()?))
}

/// The graph laid out: one node per concept (`n{index}`, its English label wrapped as
/// the page wraps it, its box at least `room_for_chinese`) and one edge per pair of
/// related nodes; the drawing turned `rotation` degrees counter-clockwise.
pub fn layout_scene(graph: &ConceptGraph, rotation: i16) -> Scene {
    let mut items: Vec<Item> = graph
        .node_indices()
        .map(|ix| {
            let node = graph.node(ix);
            let room = node.label_zh.as_deref().map(room_for_chinese);
            Item::Node(Node {
                id: format!("n{}", ix.index()),
                label: wrap_label(&node.label, LABEL_WIDTH),
                tooltip: None,
                style: NodeStyle {
                    shape: "box".into(),
                    margin: Some("0.12,0.06".into()),
                    width: room.map(|(w, _)| w),
                    height: room.map(|(_, h)| h),
                    ..NodeStyle::default()
                },
            })
        })
        .collect();
    let mut pairs = std::collections::BTreeSet::new();
    for (_, relation) in graph.relations() {
        let (a, b) = (relation.from.index(), relation.to.index());
        if a != b && pairs.insert((a.min(b), a.max(b))) {
            let line = EdgeStyle {
                line: Line::Solid,
                ..EdgeStyle::invisible()
            };
            items.push(Item::Edge(Edge::new(
                &format!("n{a}"),
                &format!("n{b}"),
                line,
            )));
        }
    }
    Scene {
        rankdir: Rankdir::TopBottom,
        layout: Placement::ForceDirected { rotation },
        heading: crate::dot::scene::Heading::None,
        items,
    }
}

/// The DOT text laid out, as [`layout`] first gives it to Graphviz (not turned).
pub fn layout_dot(graph: &ConceptGraph) -> String {
    writer::to_dot(&layout_scene(graph, 0))
}

/// How far from top to bottom a pair may run and be left as it is: 15 degrees.
const UPRIGHT_ENOUGH: f64 = 0.26;

/// Runs `sfdp` on the graph and reads the geometry back; where the [`opening_pair`]
/// runs more than 15 degrees from top to bottom, runs it again turned by as much and
/// keeps whichever of the two drawings has the pair nearer upright (removing overlaps
/// after the turn moves it a little).
///
/// # Errors
/// [`Error::External`] when Graphviz is missing or fails, or its output cannot be read.
pub fn layout(graph: &ConceptGraph) -> Result<Layout, Error> {
    let drawn = laid_out(graph, 0)?;
    let Some(pair) = opening_pair(graph) else {
        return Ok(drawn);
    };
    let Some((dx, dy)) = drawn.offset(pair) else {
        return Ok(drawn);
    };
    if slant(dx, dy) <= UPRIGHT_ENOUGH {
        return Ok(drawn);
    }
    let turned = laid_out(graph, rotation_upright(dx, dy))?;
    let nearer = turned
        .offset(pair)
        .is_some_and(|(x, y)| slant(x, y) < slant(dx, dy));
    Ok(if nearer { turned } else { drawn })
}

/// How far the line from one centre to the other leans from the vertical, as the sine
/// of the angle (0 upright, 1 level).
fn slant(dx: f64, dy: f64) -> f64 {
    let length = dx.hypot(dy);
    if length == 0.0 {
        0.0
    } else {
        dx.abs() / length
    }
}

/// The turn, in whole degrees counter-clockwise between -90 and 90, that makes the
/// offset (`dx`, `dy`; y pointing down) run upright, up or down.
fn rotation_upright(dx: f64, dy: f64) -> i16 {
    let angle = (-dy).atan2(dx).to_degrees();
    let turn = (90.0 - angle + 90.0).rem_euclid(180.0) - 90.0;
    // Within -90..90: fits an i16.
    #[allow(clippy::cast_possible_truncation)]
    let degrees = turn.round() as i16;
    degrees
}

impl Layout {
    /// From the centre of the pair's first node to the second's.
    fn offset(&self, (a, b): (NodeIndex, NodeIndex)) -> Option<(f64, f64)> {
        let (a, b) = (self.nodes.get(a.index())?, self.nodes.get(b.index())?);
        Some((b[0] - a[0], b[1] - a[1]))
    }
}

/// One run of `sfdp`, the drawing turned `rotation` degrees.
fn laid_out(graph: &ConceptGraph, rotation: i16) -> Result<Layout, Error> {
    let output = layout_json(writer::graph(&layout_scene(graph, rotation)))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_is_turned_upright_the_shorter_way() {
        // Level, to the right: a quarter turn either way; 45 degrees up-right: 45 more.
        assert_eq!(rotation_upright(1.0, 0.0).abs(), 90);
        assert_eq!(rotation_upright(1.0, -1.0), 45);
        assert_eq!(rotation_upright(-1.0, -1.0), -45);
        // Down and to the right (y down): turning 45 clockwise points it straight down.
        assert_eq!(rotation_upright(1.0, 1.0), -45);
        assert_eq!(rotation_upright(0.0, 5.0), 0);
        assert!(slant(0.0, 3.0) < UPRIGHT_ENOUGH && slant(3.0, 0.1) > 0.99);
    }
}
