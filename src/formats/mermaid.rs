//! A Mermaid flowchart, for Markdown notes and slides (GitHub, GitLab, Obsidian render
//! it). It is a drawing: nodes with their labels, shaped and coloured by kind; relations
//! labelled with their kind and, where they have one, the aspect or dimension. Sources
//! and quotes stay in the other formats.
//!
//! Labels are safe whatever they hold: in a quoted Mermaid label, `"`, `#`, `<`, `>` and
//! `&` are written as Mermaid's entity codes (`#quot;`, `#35;`, ...), which it decodes
//! when it draws, and line breaks as `<br>`. A `%%` comment under the first line names
//! linkage's version and the dataset ([`super::Stamp`]).

use std::fmt::Write as _;

use super::View;
use crate::{error::Error, schema::NodeStyle};

/// The most links Mermaid draws unless its page raises `maxEdges`.
pub const MAX_EDGES: usize = 500;

/// The selection as a Mermaid flowchart (top to bottom).
///
/// # Errors
/// [`Error::Usage`] when the selection has more relations than Mermaid draws.
pub fn write(view: &View<'_>) -> Result<String, Error> {
    if view.edges.len() > MAX_EDGES {
        return Err(Error::Usage(format!(
            "the selection has {} relations; Mermaid draws at most {MAX_EDGES} (its maxEdges): \
             narrow it with --focus, --paper, --via or --top",
            view.edges.len()
        )));
    }
    let graph = view.graph;
    let mut out = format!("flowchart TD\n    %% {}\n", super::Stamp::of(graph).line());
    for &ix in &view.nodes {
        let node = graph.node(ix);
        let (open, close) = shape(
            graph
                .schema()
                .node_kinds
                .get(node.kind.as_str())
                .map(|k| &k.style),
        );
        let _ = writeln!(
            out,
            "    {}{open}\"{}\"{close}:::{}",
            node_id(&node.id),
            label(&node.label),
            class_name(&node.kind)
        );
    }
    let mut link_styles = Vec::new();
    for (number, (_, relation)) in view.relations().enumerate() {
        let kind = graph.kind_of(relation);
        let mut text = kind.label.clone();
        if let Some(topic) = relation.aspect.or(relation.dimension) {
            let _ = write!(text, ": {}", graph.node(topic).label);
        }
        let arrow = if kind.symmetric { "<-->" } else { "-->" };
        let _ = writeln!(
            out,
            "    {} {arrow}|\"{}\"| {}",
            node_id(view.id(relation.from)),
            label(&text),
            node_id(view.id(relation.to))
        );
        let mut style = Vec::new();
        if let Some(color) = &kind.style.color {
            style.push(format!("stroke:{color}"));
        }
        if matches!(kind.style.style.as_deref(), Some("dashed" | "dotted")) {
            style.push("stroke-dasharray:5 5".to_string());
        }
        if !style.is_empty() {
            link_styles.push(format!("    linkStyle {number} {}", style.join(",")));
        }
    }
    for (name, kind) in &graph.schema().node_kinds {
        let mut style = Vec::new();
        if let Some(fill) = &kind.style.fill {
            style.push(format!("fill:{fill}"));
        }
        if let Some(line) = &kind.style.line {
            style.push(format!("stroke:{line}"));
            style.push(format!("color:{line}"));
        }
        if kind.style.style.as_deref() == Some("dashed") {
            style.push("stroke-dasharray:5 5".to_string());
        }
        if !style.is_empty() && style.iter().all(|s| is_css_safe(s)) {
            let _ = writeln!(out, "    classDef {} {}", class_name(name), style.join(","));
        }
    }
    for line in link_styles {
        if is_css_safe(&line) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    Ok(out)
}

/// A Mermaid node id: `n_` and the linkage id with `-` as `_` (never a keyword such as
/// `end`, never an arrow).
fn node_id(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("n_{safe}")
}

/// A class name for a node kind.
fn class_name(kind: &str) -> String {
    let safe: String = kind
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("kind_{safe}")
}

/// Style values come from the schema; one that could break out of its statement is
/// left out rather than written.
fn is_css_safe(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_alphanumeric() || " #:,.-_%()".contains(c))
}

/// The brackets of a node's shape, from the schema's Graphviz shape hint.
fn shape(style: Option<&NodeStyle>) -> (&'static str, &'static str) {
    match style.and_then(|s| s.shape.as_deref()) {
        Some("ellipse" | "oval") => ("([", "])"),
        Some("circle") => ("((", "))"),
        Some("hexagon" | "octagon") => ("{{", "}}"),
        Some("diamond") => ("{", "}"),
        Some("parallelogram") => ("[/", "/]"),
        Some("house" | "trapezium") => ("[/", "\\]"),
        Some("note" | "component" | "cylinder") => ("[(", ")]"),
        _ => ("[", "]"),
    }
}

/// Text inside a quoted Mermaid label.
pub fn label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("<br>"),
            '\t' => out.push(' '),
            c if c.is_control() => {
                let _ = write!(out, "#{};", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}
