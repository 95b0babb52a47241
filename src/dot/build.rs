//! From a selection to a diagram: picks the view (the graph, or the side-by-side
//! comparison of `--diff`), adds the legend, and hands the [`Scene`] to the writer.

use graphviz_rust::dot_structures::Graph;

use super::{
    comparison, graph_view, legend,
    paint::Painter,
    parts::{wrap, Canvas},
    scene::{Heading, Layout, Scene},
    select::Selected,
    style::{Look, Rankdir},
    writer,
};
use crate::graph::ConceptGraph;

/// The selection as a scene: nodes in data order (inside their clusters when
/// clustered), then relations in data order, then the legend, so the output is
/// deterministic. Comparisons run left to right unless asked otherwise.
pub fn scene(graph: &ConceptGraph, selected: &Selected, look: &Look) -> Scene {
    let rankdir = look.rankdir.unwrap_or(if selected.comparison.is_some() {
        Rankdir::LeftRight
    } else {
        Rankdir::TopBottom
    });
    let canvas = Canvas {
        graph,
        selected,
        look,
        paint: Painter::new(graph.schema(), look.palette),
    };
    let mut items = match &selected.comparison {
        Some(comparison) => comparison::items(&canvas, comparison),
        None => graph_view::items(&canvas),
    };
    if look.legend && !selected.is_empty() {
        items.push(legend::legend(&canvas, rankdir));
    }
    Scene {
        rankdir,
        layout: Layout::Layered,
        heading: look
            .title
            .as_deref()
            .map_or(Heading::None, |title| Heading::Title(wrap(title, 60))),
        items,
    }
}

/// The selection as a graphviz-rust graph.
pub fn build(graph: &ConceptGraph, selected: &Selected, look: &Look) -> Graph {
    writer::graph(&scene(graph, selected, look))
}

/// The selection as DOT text, ending with a newline. Same input, same bytes.
///
/// ```
/// use linkage::{dot::{select, to_dot, Look, Selection}, load, DataSource};
///
/// let graph = load(&DataSource::Embedded)?.graph;
/// // `linkage dot --diff tpa rr`: the two side by side.
/// let selection = Selection { diff: Some(("tpa".into(), "rr".into())), ..Selection::default() };
/// let dot = to_dot(&graph, &select(&graph, &selection)?, &Look::default());
/// assert!(dot.starts_with("digraph"));
/// assert!(dot.contains(r#""rr"[label="Rural revitalization""#));
/// # Ok::<(), linkage::Error>(())
/// ```
pub fn to_dot(graph: &ConceptGraph, selected: &Selected, look: &Look) -> String {
    writer::to_dot(&scene(graph, selected, look))
}
