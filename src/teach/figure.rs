//! Figures of an argument, drawn by Graphviz: the whole argument, or the argument
//! revealed up to one step (earlier steps grey, the new one highlighted, later ones
//! laid out but invisible, so the figure does not jump from one step to the next).

use std::fmt::Write as _;

use graphviz_rust::cmd::{CommandArg, Format};

use crate::{
    dot::MISSING_GRAPHVIZ,
    error::Error,
    graph::ConceptGraph,
    schema::Role,
    teach::{argument::Argument, layout::wrap_label},
};

/// The highlight colour (orange, AA contrast on white).
const HIGHLIGHT: &str = "#c2410c";
/// Earlier steps.
const GREY: &str = "#9a9a9a";

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Lines joined for a centred Graphviz label.
fn centred_lines(lines: &[String]) -> String {
    let escaped: Vec<String> = lines
        .iter()
        .map(|l| l.replace('\\', "\\\\").replace('"', "\\\""))
        .collect();
    format!("\"{}\"", escaped.join("\\n"))
}

/// Lines joined for a left-justified Graphviz label (each line ends with `\l`).
fn left_lines(lines: &[String]) -> String {
    let mut out = String::from("\"");
    for line in lines {
        out.push_str(&line.replace('\\', "\\\\").replace('"', "\\\""));
        out.push_str("\\l");
    }
    out.push('"');
    out
}

/// The caption of step `k` (0-based): "Step k of n", the sentence, and each source's
/// citation and locator with the first source's quote.
pub fn caption(graph: &ConceptGraph, argument: &Argument<'_>, k: usize) -> Vec<String> {
    let step = &argument.steps[k];
    let mut lines = vec![format!("Step {} of {}", k + 1, argument.steps.len())];
    lines.extend(wrap_label(&step.sentence, 90));
    if let Some((from, to)) = &step.positions {
        let from_label = &graph.node(step.hop.from).label;
        let to_label = &graph.node(step.hop.to).label;
        lines.extend(wrap_label(&format!("{from_label}: {from}"), 90));
        lines.extend(wrap_label(&format!("{to_label}: {to}"), 90));
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
            lines.extend(wrap_label(&format!("also {cite}"), 90));
        }
    }
    lines
}

/// The DOT of `argument`, revealed up to step `upto` (0-based) or whole (`None`).
pub fn dot(graph: &ConceptGraph, argument: &Argument<'_>, upto: Option<usize>) -> String {
    let schema = graph.schema();
    let mut dot = String::from("digraph argument {\n");
    let label = match upto {
        Some(k) => left_lines(&caption(graph, argument, k)),
        // The whole argument goes into documents that caption it themselves.
        None => quoted(""),
    };
    let _ = writeln!(
        dot,
        "  graph[rankdir=LR fontname=\"Helvetica\" fontsize=13 labelloc=b labeljust=l pad=0.3 nodesep=0.35 ranksep=0.7 label={label}]"
    );
    dot.push_str("  node[shape=box style=\"rounded,filled\" fontname=\"Helvetica\" fontsize=12 margin=\"0.15,0.07\"]\n  edge[fontname=\"Helvetica\" fontsize=10]\n");
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
        let appears = first_step(ix);
        let style = match upto {
            Some(k) if appears > k => "style=invis".to_string(),
            Some(k) if appears < k && !touches(argument, k, ix) => {
                format!("fillcolor=\"#f0f0f0\" color=\"{GREY}\" fontcolor=\"#555555\"")
            }
            Some(_) => format!("fillcolor=\"{fill}\" color=\"{HIGHLIGHT}\" penwidth=2"),
            None => format!("fillcolor=\"{fill}\" color=\"{line}\""),
        };
        let text = centred_lines(&wrap_label(&node.label, 24));
        let _ = writeln!(dot, "  n{} [label={text} {style}]", ix.index());
    }
    for (j, step) in argument.steps.iter().enumerate() {
        let relation = graph.relation(step.hop.edge);
        let kind = graph.kind_of(relation);
        let direction = if kind.symmetric { " dir=none" } else { "" };
        let colour = kind.style.color.as_deref().unwrap_or("#555555");
        let style = match upto {
            Some(k) if j > k => "style=invis".to_string(),
            Some(k) if j < k => format!("color=\"{GREY}\" fontcolor=\"#555555\""),
            Some(_) => format!("color=\"{HIGHLIGHT}\" fontcolor=\"{HIGHLIGHT}\" penwidth=2.5"),
            None => format!("color=\"{colour}\""),
        };
        let number = centred_lines(&wrap_label(&format!("{}. {}", j + 1, step.edge_label), 28));
        let (from, to) = (step.hop.from.index(), step.hop.to.index());
        if kind.role == Role::Ordinary {
            let _ = writeln!(
                dot,
                "  n{from} -> n{to} [label={number}{direction} {style}]"
            );
        } else {
            // Common ground and differences meet in a node of their own between the
            // two, so twenty of them read as a column rather than a fan of curves.
            let box_style = match upto {
                Some(k) if j > k => "style=invis".to_string(),
                Some(k) if j < k => format!("color=\"{GREY}\" fontcolor=\"#555555\""),
                Some(_) => format!("color=\"{HIGHLIGHT}\" fontcolor=\"{HIGHLIGHT}\" penwidth=2"),
                None => format!("color=\"{colour}\""),
            };
            let _ = writeln!(
                dot,
                "  q{j} [label={number} shape=box style=\"rounded,dashed\" fontsize=11 {box_style}]\n  n{from} -> q{j} [dir=none {style}]\n  q{j} -> n{to} [dir=none {style}]"
            );
        }
    }
    dot.push_str("}\n");
    dot
}

fn touches(argument: &Argument<'_>, k: usize, ix: petgraph::graph::NodeIndex) -> bool {
    let hop = argument.steps[k].hop;
    hop.from == ix || hop.to == ix
}

/// Runs Graphviz on `dot` and returns the SVG.
///
/// # Errors
/// [`Error::External`] when Graphviz is missing or fails.
pub fn svg(dot: String) -> Result<Vec<u8>, Error> {
    graphviz_rust::exec_dot(dot, vec![CommandArg::Format(Format::Svg)]).map_err(|error| {
        if error.kind() == std::io::ErrorKind::NotFound {
            Error::External(MISSING_GRAPHVIZ.into())
        } else {
            Error::External(format!("Graphviz failed: {}", error.to_string().trim()))
        }
    })
}
