//! Figures of an argument, drawn by Graphviz: the whole argument, or the argument
//! revealed up to one step (earlier steps grey, the new one highlighted, later ones
//! laid out but invisible, so the figure does not jump from one step to the next).

use petgraph::graph::NodeIndex;

use crate::{
    dot::node_label,
    dot::{
        render::{render, ImageFormat},
        scene::{
            Arrows, Colour, Edge, EdgeStyle, Heading, Item, Layout, Line, Node, NodeStyle, Scene,
        },
        writer, Rankdir,
    },
    error::Error,
    graph::ConceptGraph,
    i18n::Messages,
    schema::Role,
    teach::{argument::Argument, layout::wrap_label, slides::Figure},
};

/// The highlight colour (orange, AA contrast on white).
const HIGHLIGHT: &str = "#c2410c";
/// Earlier steps.
const GREY: &str = "#9a9a9a";
/// Text of earlier steps.
const GREY_TEXT: &str = "#555555";

/// The caption of step `k` (0-based): "Step k of n", the sentence, and each source's
/// citation and locator with the first source's quote.
pub fn caption(graph: &ConceptGraph, argument: &Argument<'_>, k: usize) -> Vec<String> {
    let step = &argument.steps[k];
    let words = Messages::of(argument.lang);
    let mut lines = vec![words.step_of(k + 1, argument.steps.len())];
    lines.extend(wrap_label(&step.sentence, 90));
    if let Some((from, to)) = &step.positions {
        let from_label = node_label(graph, step.hop.from, argument.lang);
        let to_label = node_label(graph, step.hop.to, argument.lang);
        let colon = words.colon();
        lines.extend(wrap_label(&format!("{from_label}{colon}{from}"), 90));
        lines.extend(wrap_label(&format!("{to_label}{colon}{to}"), 90));
    }
    for (i, source) in step.sources.iter().enumerate() {
        let cite = format!(
            "{}, {}",
            graph.cite(&source.paper),
            graph.cited_locator(source)
        );
        if i == 0 {
            lines.extend(wrap_label(
                &format!("{cite}: “{}”", graph.printed_quote(source)),
                90,
            ));
        } else {
            lines.extend(wrap_label(&words.also_cited(&cite), 90));
        }
    }
    lines
}

/// How an item of step `at` is drawn in the figure revealed up to `upto`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// The whole argument: every item in its kind's colours.
    Whole,
    /// Not yet revealed: laid out, not drawn.
    Later,
    /// Revealed before this step: grey.
    Earlier,
    /// This step: highlighted.
    Now,
}

fn stage(upto: Option<usize>, at: usize) -> Stage {
    match upto {
        None => Stage::Whole,
        Some(k) if at > k => Stage::Later,
        Some(k) if at < k => Stage::Earlier,
        Some(_) => Stage::Now,
    }
}

/// The figure of `argument`, revealed up to step `upto` (0-based) with its caption, or
/// whole (`None`, for documents that caption it themselves).
pub fn scene(graph: &ConceptGraph, argument: &Argument<'_>, upto: Option<usize>) -> Scene {
    let schema = graph.schema();
    let mut items = Vec::new();
    // When each node first appears.
    let first_step = |ix| {
        argument
            .steps
            .iter()
            .position(|s| s.hop.from == ix || s.hop.to == ix)
            .unwrap_or(0)
    };
    for &ix in &argument.nodes {
        let node = graph.node(ix);
        let kind = &schema.node_kinds[node.kind.as_str()];
        let fill = kind.style.fill.as_deref().unwrap_or("#f2f2f2");
        let line = kind.style.line.as_deref().unwrap_or("#555555");
        let mut style = NodeStyle {
            shape: "box".into(),
            rounded: true,
            ..NodeStyle::default()
        };
        match stage(upto, first_step(ix)) {
            Stage::Later => style.outline = Some(Line::Invisible),
            // A node met again in this step is highlighted, not grey.
            Stage::Earlier if !upto.is_some_and(|k| touches(argument, k, ix)) => {
                style.fill = Some(Colour::new("#f0f0f0"));
                style.line = Some(Colour::new(GREY));
                style.text = Some(Colour::new(GREY_TEXT));
            }
            Stage::Earlier | Stage::Now => {
                style.fill = Some(Colour::new(fill));
                style.line = Some(Colour::new(HIGHLIGHT));
                style.penwidth = Some(2.0);
            }
            Stage::Whole => {
                style.fill = Some(Colour::new(fill));
                style.line = Some(Colour::new(line));
            }
        }
        items.push(Item::Node(Node {
            id: node_id(ix),
            label: wrap_label(node_label(graph, ix, argument.lang), 24),
            tooltip: None,
            style,
        }));
    }
    for (j, step) in argument.steps.iter().enumerate() {
        let relation = graph.relation(step.hop.edge);
        let kind = graph.kind_of(relation);
        let colour = kind.style.color.as_deref().unwrap_or("#555555");
        let at = stage(upto, j);
        let mut line = EdgeStyle::invisible();
        match at {
            Stage::Later => {}
            Stage::Earlier => {
                line.line = Line::Solid;
                line.colour = Some(Colour::new(GREY));
                line.text = Some(Colour::new(GREY_TEXT));
            }
            Stage::Now => {
                line.line = Line::Solid;
                line.colour = Some(Colour::new(HIGHLIGHT));
                line.text = Some(Colour::new(HIGHLIGHT));
                line.penwidth = Some(2.5);
            }
            Stage::Whole => {
                line.line = Line::Solid;
                line.colour = Some(Colour::new(colour));
            }
        }
        let number = wrap_label(&format!("{}. {}", j + 1, step.edge_label), 28);
        let (from, to) = (node_id(step.hop.from), node_id(step.hop.to));
        if kind.role == Role::Ordinary {
            if kind.symmetric {
                line.arrows = Arrows::None;
            }
            let mut edge = Edge::new(&from, &to, line);
            edge.label = number;
            items.push(Item::Edge(edge));
        } else {
            // Common ground and differences meet in a node of their own between the
            // two, so twenty of them read as a column rather than a fan of curves.
            let meeting = format!("q{j}");
            let mut style = NodeStyle {
                shape: "box".into(),
                rounded: true,
                outline: Some(Line::Dashed),
                font_size: Some(11),
                line: line.colour.clone(),
                text: line.text.clone(),
                ..NodeStyle::default()
            };
            match at {
                Stage::Later => style.outline = Some(Line::Invisible),
                Stage::Now => style.penwidth = Some(2.0),
                Stage::Earlier | Stage::Whole => {}
            }
            line.arrows = Arrows::None;
            line.text = None;
            items.push(Item::Node(Node {
                id: meeting.clone(),
                label: number,
                tooltip: None,
                style,
            }));
            items.push(Item::Edge(Edge::new(&from, &meeting, line.clone())));
            items.push(Item::Edge(Edge::new(&meeting, &to, line)));
        }
    }
    Scene {
        rankdir: Rankdir::LeftRight,
        layout: Layout::Layered,
        heading: upto.map_or(Heading::None, |k| {
            Heading::Caption(caption(graph, argument, k))
        }),
        items,
    }
}

/// The figure a slide shows: the whole argument or revealed up to a step, without the
/// caption a step's own file carries (the slide says it in text a projector shows
/// large, and the figure is scaled to the slide's width).
pub fn slide_scene(graph: &ConceptGraph, argument: &Argument<'_>, figure: Figure) -> Scene {
    let upto = match figure {
        Figure::Whole => None,
        Figure::Step(k) => Some(k),
    };
    Scene {
        heading: Heading::None,
        ..scene(graph, argument, upto)
    }
}

/// The figure's DOT text, as [`svg`] gives it to Graphviz.
pub fn dot(graph: &ConceptGraph, argument: &Argument<'_>, upto: Option<usize>) -> String {
    writer::to_dot(&scene(graph, argument, upto))
}

/// A concept's id in the figure (its index: ids may hold any character).
fn node_id(ix: NodeIndex) -> String {
    format!("n{}", ix.index())
}

fn touches(argument: &Argument<'_>, k: usize, ix: NodeIndex) -> bool {
    let hop = argument.steps[k].hop;
    hop.from == ix || hop.to == ix
}

/// Runs Graphviz on the figure and returns the SVG.
///
/// # Errors
/// [`Error::External`] when Graphviz is missing or fails.
pub fn svg(scene: &Scene) -> Result<Vec<u8>, Error> {
    // The resolution only matters to bitmaps.
    render(writer::graph(scene), ImageFormat::Svg, 96)
}

/// Runs Graphviz on the figure and returns a PNG at 192 dpi: sharp when a slide shows
/// it twice its drawn size.
///
/// # Errors
/// [`Error::External`] when Graphviz is missing or fails.
pub fn png(scene: &Scene) -> Result<Vec<u8>, Error> {
    render(writer::graph(scene), ImageFormat::Png, 192)
}
