//! The one place a [`Scene`] becomes Graphviz DOT: graphviz-rust's structures, printed
//! by its printer.
//!
//! graphviz-rust prints an [`Id`] exactly as given, so every id and attribute value is
//! quoted and escaped here ([`quoted`]) and nowhere else; that is what keeps any label
//! text (quotes, backslashes, newlines, `< > { } |`, entities, any script) from breaking
//! the DOT or changing on its way through Graphviz.

use std::fmt::Write as _;

use graphviz_rust::{
    dot_structures::{
        Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId,
        Stmt, Subgraph, Vertex,
    },
    printer::{DotPrinter as _, PrinterContext},
};

use super::scene::{
    Align, Arrows, Cell, Cluster, Colour, Edge, Heading, Item, Layout, Line, Node, NodeStyle,
    Scene, Table, Underline,
};

/// Font for every label of a diagram without Chinese.
pub(crate) const FONT: &str = "Helvetica";

/// Fonts for the labels of a diagram with Chinese text, a list Pango (and a browser,
/// for SVG) tries character by character: Latin text, quotation marks and bullets in
/// Liberation Sans (or Arial), as in an English figure, where the CJK face would set
/// curly quotes and `●` full width; Chinese in the Simplified Chinese face, named
/// explicitly: left to fontconfig, Pango falls back to the first Noto Sans CJK face it
/// finds, the Japanese one, whose forms of some characters are not the Chinese ones.
pub(crate) const CJK_FONT: &str = "Liberation Sans,Arial,Noto Sans CJK SC";

/// The font a scene is set in: [`CJK_FONT`] when any of its text is Chinese (or other
/// CJK text, which the Simplified Chinese face also covers).
fn font_of(scene: &Scene) -> &'static str {
    let heading = match &scene.heading {
        Heading::None => false,
        Heading::Title(lines) | Heading::Caption(lines) => chinese(lines),
    };
    if heading || any_text(&scene.items, &chinese) {
        CJK_FONT
    } else {
        FONT
    }
}

/// Whether any of `lines` holds a CJK character.
fn chinese(lines: &[String]) -> bool {
    lines.iter().any(|l| l.chars().any(crate::locate::is_cjk))
}

/// Whether the text of any of `items` (nested ones too) passes `test`.
fn any_text(items: &[Item], test: &dyn Fn(&[String]) -> bool) -> bool {
    items.iter().any(|item| match item {
        Item::Node(node) => test(&node.label),
        Item::Edge(edge) => test(&edge.label),
        Item::Cluster(cluster) => test(&cluster.label) || any_text(&cluster.items, test),
        Item::Table(table) => table
            .rows
            .iter()
            .any(|r| r.cells.iter().any(|c| test(&c.lines))),
        Item::SameRank { .. } => false,
    })
}

/// The scene as DOT text, ending with a newline. Same scene, same bytes.
pub fn to_dot(scene: &Scene) -> String {
    let mut text = graph(scene).print(&mut PrinterContext::default());
    text.push('\n');
    text
}

/// The scene as a graphviz-rust graph.
pub fn graph(scene: &Scene) -> Graph {
    let font = font_of(scene);
    let mut attrs = vec![
        ("rankdir", scene.rankdir.as_str().to_string()),
        // The newer ranking handles clusters and `rank=same` together; the classic one
        // fails ("trouble in init_rank") on the whole graph clustered by paper.
        ("newrank", "true".into()),
        ("fontname", font.into()),
        ("bgcolor", "white".into()),
        // A figure that is one table is cut at its edge (its margin is the page's);
        // a graph keeps room around its outer nodes.
        ("pad", pad(scene).into()),
        ("nodesep", "0.3".into()),
        ("ranksep", "0.5".into()),
    ];
    if matches!(scene.items.as_slice(), [Item::Table(_)]) {
        // PDF and PostScript otherwise add half an inch around (their device margin):
        // a figure for the page is as wide as it says.
        attrs.push(("margin", "0".into()));
    }
    if scene.items.iter().any(ends_at_a_cluster) {
        attrs.push(("compound", "true".into()));
    }
    if let Layout::ForceDirected { rotation } = scene.layout {
        // sfdp, with room between boxes (`sep`) and no overlaps left (`prism`, without
        // the scaling that would spread the whole drawing to make room).
        attrs.extend([
            ("layout", "sfdp".into()),
            ("overlap", "prism".into()),
            ("overlap_scaling", "-6".into()),
            ("sep", "+6".into()),
        ]);
        if rotation != 0 {
            attrs.push(("rotation", rotation.to_string()));
        }
    }
    let graph_attributes = match &scene.heading {
        Heading::None => attributes(attrs),
        Heading::Title(lines) => {
            attrs.extend([
                ("label", lines.join("\n")),
                ("labelloc", "t".into()),
                ("fontsize", "18".into()),
            ]);
            attributes(attrs)
        }
        Heading::Caption(lines) => {
            attrs.extend([
                ("labelloc", "b".into()),
                ("labeljust", "l".into()),
                ("fontsize", "13".into()),
            ]);
            let mut attributes = attributes(attrs);
            attributes.push(Attribute(plain("label"), flush_left(lines)));
            attributes
        }
    };
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attributes)),
        Stmt::GAttribute(GraphAttributes::Node(attributes(vec![
            ("fontname", font.into()),
            ("fontsize", "12".into()),
            ("margin", "0.15,0.07".into()),
        ]))),
        Stmt::GAttribute(GraphAttributes::Edge(attributes(vec![
            ("fontname", font.into()),
            ("fontsize", "10".into()),
            ("arrowsize", "0.8".into()),
        ]))),
    ];
    stmts.extend(scene.items.iter().map(item));
    Graph::DiGraph {
        id: quoted("linkage"),
        strict: false,
        stmts,
    }
}

fn pad(scene: &Scene) -> &'static str {
    match scene.items.as_slice() {
        [Item::Table(_)] => "0.02",
        _ => "0.3",
    }
}

/// Whether `item` is an edge ending at a cluster's border (or holds one), which
/// Graphviz draws only when the graph is `compound`.
fn ends_at_a_cluster(item: &Item) -> bool {
    match item {
        Item::Edge(edge) => edge.head_cluster.is_some() || edge.tail_cluster.is_some(),
        Item::Cluster(cluster) => cluster.items.iter().any(ends_at_a_cluster),
        Item::Node(_) | Item::Table(_) | Item::SameRank { .. } => false,
    }
}

fn item(item: &Item) -> Stmt {
    match item {
        Item::Node(node) => node_stmt(node),
        Item::Edge(edge) => edge_stmt(edge),
        Item::Cluster(cluster) => cluster_stmt(cluster),
        Item::Table(table) => table_stmt(table),
        Item::SameRank { id, nodes } => {
            let mut stmts = vec![Stmt::Attribute(Attribute(plain("rank"), quoted("same")))];
            stmts.extend(
                nodes
                    .iter()
                    .map(|id| Stmt::Node(DotNode::new(NodeId(quoted(id), None), Vec::new()))),
            );
            Stmt::Subgraph(Subgraph {
                id: quoted(id),
                stmts,
            })
        }
    }
}

fn node_stmt(node: &Node) -> Stmt {
    let mut attrs = vec![("label", node.label.join("\n"))];
    attrs.extend(node_style(&node.style));
    let mut attributes = attributes(attrs);
    if let Some(tooltip) = &node.tooltip {
        attributes.push(tooltip_attribute(tooltip));
    }
    Stmt::Node(DotNode::new(NodeId(quoted(&node.id), None), attributes))
}

fn node_style(style: &NodeStyle) -> Vec<(&'static str, String)> {
    let mut attrs = vec![("shape", style.shape.clone())];
    let mut styles: Vec<String> = Vec::new();
    if style.rounded {
        styles.push("rounded".into());
    }
    if style.fill.is_some() {
        styles.push("filled".into());
    }
    if let Some(outline) = style.outline {
        styles.push(outline.as_str().into());
    }
    styles.extend(style.extra.iter().cloned());
    if !styles.is_empty() {
        attrs.push(("style", styles.join(",")));
    }
    push_colour(&mut attrs, "fillcolor", style.fill.as_ref());
    push_colour(&mut attrs, "color", style.line.as_ref());
    push_colour(&mut attrs, "fontcolor", style.text.as_ref());
    if let Some(peripheries) = style.peripheries {
        attrs.push(("peripheries", peripheries.to_string()));
    }
    if let Some(penwidth) = style.penwidth {
        attrs.push(("penwidth", penwidth.to_string()));
    }
    if let Some(size) = style.font_size {
        attrs.push(("fontsize", size.to_string()));
    }
    if let Some(width) = style.width {
        attrs.push(("width", width.to_string()));
    }
    if let Some(height) = style.height {
        attrs.push(("height", height.to_string()));
    }
    if let Some(margin) = &style.margin {
        attrs.push(("margin", margin.clone()));
    }
    attrs
}

fn edge_stmt(edge: &Edge) -> Stmt {
    let style = &edge.style;
    let mut attrs = Vec::new();
    // An invisible edge keeps its label: the label's room is laid out, so a figure
    // revealed step by step does not move when the edge appears.
    if !edge.label.is_empty() {
        attrs.push(("label", edge.label.join("\n")));
    }
    if style.line == Line::Invisible {
        attrs.push(("style", Line::Invisible.as_str().to_string()));
    } else {
        if let Some(size) = style.font_size {
            attrs.push(("fontsize", size.to_string()));
        }
        push_colour(&mut attrs, "color", style.colour.as_ref());
        push_colour(&mut attrs, "fontcolor", style.text.as_ref());
        attrs.push(("style", style.line.as_str().into()));
        if let Some(penwidth) = style.penwidth {
            attrs.push(("penwidth", penwidth.to_string()));
        }
        if let Some(head) = &style.arrowhead {
            attrs.push(("arrowhead", head.clone()));
        }
        if let Some(tail) = &style.arrowtail {
            attrs.push(("arrowtail", tail.clone()));
        }
        match style.arrows {
            Arrows::Forward => {}
            Arrows::Back => attrs.push(("dir", "back".into())),
            Arrows::Both => attrs.push(("dir", "both".into())),
            Arrows::None => attrs.push(("dir", "none".into())),
        }
    }
    if let Some(length) = edge.min_len {
        attrs.push(("minlen", length.to_string()));
    }
    if let Some(cluster) = &edge.head_cluster {
        attrs.push(("lhead", cluster.clone()));
    }
    if let Some(cluster) = &edge.tail_cluster {
        attrs.push(("ltail", cluster.clone()));
    }
    let mut attributes = attributes(attrs);
    if let Some(tooltip) = &edge.tooltip {
        attributes.push(tooltip_attribute(tooltip));
    }
    Stmt::Edge(DotEdge {
        ty: EdgeTy::Pair(vertex(&edge.from), vertex(&edge.to)),
        attributes,
    })
}

/// A table as a borderless node whose label is Graphviz's HTML-like table: no cell
/// borders but the top side of each cell of a row with a rule above (one point;
/// `<HR/>` cannot stand above the first row), every text escaped by [`html_text`].
fn table_stmt(table: &Table) -> Stmt {
    let mut html =
        String::from("<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">");
    for row in &table.rows {
        html.push_str("<TR>");
        for cell in &row.cells {
            cell_html(cell, row.rule_above, &mut html);
        }
        html.push_str("</TR>");
    }
    html.push_str("</TABLE>>");
    let mut attributes = vec![
        Attribute(plain("shape"), quoted("plaintext")),
        Attribute(plain("margin"), quoted("0")),
    ];
    // No font of its own: the diagram's, as its other nodes.
    if !table.font.is_empty() {
        attributes.push(Attribute(plain("fontname"), quoted(&table.font)));
    }
    attributes.extend([
        Attribute(plain("fontsize"), quoted(&points(table.font_size))),
        Attribute(plain("label"), Id::Html(html)),
    ]);
    Stmt::Node(DotNode::new(NodeId(quoted(&table.id), None), attributes))
}

fn cell_html(cell: &Cell, rule_above: bool, html: &mut String) {
    if let Some(under) = &cell.underline {
        return sample_line_html(cell, under, html);
    }
    let align = match cell.align {
        Align::Left => "LEFT",
        Align::Centre => "CENTER",
    };
    let _ = write!(
        html,
        "<TD ALIGN=\"{align}\" BALIGN=\"{align}\" VALIGN=\"TOP\" COLSPAN=\"{}\"",
        cell.span.max(1)
    );
    if let Some(fill) = &cell.fill {
        let _ = write!(html, " BGCOLOR=\"{}\"", html_text(&fill.0));
    }
    if let Some(width) = cell.width {
        let _ = write!(html, " WIDTH=\"{width}\"");
    }
    if rule_above {
        html.push_str(" BORDER=\"1\" SIDES=\"T\"");
    }
    html.push('>');
    let mut text = cell
        .lines
        .iter()
        .map(|line| html_text(line))
        .collect::<Vec<_>>()
        .join("<BR/>");
    if text.is_empty() {
        // Graphviz refuses an empty cell of text in some versions; a space is nothing drawn.
        text.push(' ');
    }
    if cell.bold {
        text = format!("<B>{text}</B>");
    }
    if cell.italic {
        text = format!("<I>{text}</I>");
    }
    let mut font = String::new();
    if let Some(colour) = &cell.colour {
        let _ = write!(font, " COLOR=\"{}\"", html_text(&colour.0));
    }
    if let Some(size) = cell.size {
        let _ = write!(font, " POINT-SIZE=\"{}\"", points(size));
    }
    if font.is_empty() {
        html.push_str(&text);
    } else {
        let _ = write!(html, "<FONT{font}>{text}</FONT>");
    }
    html.push_str("</TD>");
}

/// A cell holding a sample line (a legend's edge): a cell's border can be dashed or
/// dotted, but lies along its side, so the line is the bottom border of the upper of two
/// empty half-height cells, level with the middle of the row's text.
fn sample_line_html(cell: &Cell, under: &Underline, html: &mut String) {
    let style = match under.line {
        Line::Dashed | Line::Dotted => format!(" STYLE=\"{}\"", under.line.as_str()),
        _ => String::new(),
    };
    let _ = write!(
        html,
        "<TD COLSPAN=\"{}\"><TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">\
         <TR><TD WIDTH=\"{}\" HEIGHT=\"{SAMPLE_HALF}\" SIDES=\"B\" BORDER=\"{}\" COLOR=\"{}\"{style}></TD></TR>\
         <TR><TD HEIGHT=\"{SAMPLE_HALF}\"></TD></TR></TABLE></TD>",
        cell.span.max(1),
        cell.width.unwrap_or(SAMPLE_WIDTH),
        under.weight.max(1),
        html_text(&under.colour.0),
    );
}

/// Half the height of a sample line's cell, in points: about half a line of 10 pt text.
const SAMPLE_HALF: u32 = 6;
/// The length of a sample line, in points, when its cell names none.
const SAMPLE_WIDTH: u32 = 32;

/// A size in points as Graphviz reads it: at most two decimals, no trailing zeros.
fn points(size: f32) -> String {
    let text = format!("{size:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `text` for an HTML-like label: `& < > "` as entities, control characters as spaces.
fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn cluster_stmt(cluster: &Cluster) -> Stmt {
    let mut stmts = vec![Stmt::GAttribute(GraphAttributes::Graph(attributes(vec![
        ("label", cluster.label.join("\n")),
        ("style", "rounded".into()),
        ("color", cluster.line.0.clone()),
        ("fontcolor", cluster.text.0.clone()),
        ("fontsize", "12".into()),
        ("margin", "12".into()),
    ])))];
    stmts.extend(cluster.items.iter().map(item));
    Stmt::Subgraph(Subgraph {
        id: quoted(&cluster.id),
        stmts,
    })
}

fn push_colour(
    attrs: &mut Vec<(&'static str, String)>,
    name: &'static str,
    colour: Option<&Colour>,
) {
    if let Some(colour) = colour {
        attrs.push((name, colour.0.clone()));
    }
}

fn vertex(id: &str) -> Vertex {
    Vertex::N(NodeId(quoted(id), None))
}

fn attributes(attrs: Vec<(&'static str, String)>) -> Vec<Attribute> {
    attrs
        .into_iter()
        .map(|(name, value)| Attribute(plain(name), quoted(&value)))
        .collect()
}

/// A `tooltip`, which Graphviz unescapes twice (`\\N` in a tooltip is the node's
/// name): a backslash is written as four.
fn tooltip_attribute(text: &str) -> Attribute {
    Attribute(plain("tooltip"), quoted(&text.replace('\\', r"\\")))
}

fn plain(name: &str) -> Id {
    Id::Plain(name.to_string())
}

/// `text` as a double-quoted DOT string.
///
/// Backslashes and double quotes are escaped, so Graphviz's own escapes (`\N`, `\l`, ...)
/// never fire on user text; `&` becomes `&amp;`, because Graphviz decodes HTML entities
/// in labels (`&amp;` in a label would otherwise be drawn as `&`); a line break becomes
/// `\n`; other control characters, which Graphviz would write raw into SVG and break the
/// XML, become spaces.
pub fn quoted(text: &str) -> Id {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    escape_into(&mut out, text);
    out.push('"');
    Id::Escaped(out)
}

/// `lines` as one double-quoted DOT string, each line escaped as [`quoted`] does and
/// ended by Graphviz's `\l` (flush left).
fn flush_left(lines: &[String]) -> Id {
    let mut out = String::from("\"");
    for line in lines {
        escape_into(&mut out, line);
        out.push_str("\\l");
    }
    out.push('"');
    Id::Escaped(out)
}

/// Appends `text` escaped for a DOT string (see [`quoted`]).
fn escape_into(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dot::{
        scene::{EdgeStyle, NodeStyle},
        Rankdir,
    };

    fn node(id: &str, label: &str) -> Item {
        Item::Node(Node {
            id: id.into(),
            label: vec![label.into()],
            tooltip: Some(label.into()),
            style: NodeStyle {
                shape: "box".into(),
                ..NodeStyle::default()
            },
        })
    }

    #[test]
    fn every_value_is_escaped_once_here() {
        let scene = Scene {
            rankdir: Rankdir::TopBottom,
            layout: Layout::Layered,
            heading: Heading::None,
            items: vec![
                node("a\"b", "x &amp; \"y\" \\N\nz"),
                Item::Edge(Edge::new("a\"b", "c", EdgeStyle::invisible())),
            ],
        };
        let text = to_dot(&scene);
        assert!(
            text.contains(r#""a\"b"[label="x &amp;amp; \"y\" \\N\nz" shape="box" tooltip="x &amp;amp; \"y\" \\\\N\nz"]"#),
            "{text}"
        );
        assert!(text.contains(r#""a\"b" -> "c" [style="invis"]"#), "{text}");
        assert!(!text.contains("compound"), "{text}");
    }

    #[test]
    fn an_edge_ending_at_a_cluster_makes_the_graph_compound() {
        let mut edge = Edge::new("a", "b", EdgeStyle::invisible());
        edge.head_cluster = Some("cluster_x".into());
        let scene = Scene {
            rankdir: Rankdir::LeftRight,
            layout: Layout::Layered,
            heading: Heading::Title(vec!["T".into()]),
            items: vec![Item::Edge(edge)],
        };
        let text = to_dot(&scene);
        assert!(text.contains(r#"compound="true""#), "{text}");
        assert!(text.contains(r#"lhead="cluster_x""#), "{text}");
    }

    #[test]
    fn a_caption_is_flush_left_and_escaped_like_any_label() {
        let scene = Scene {
            rankdir: Rankdir::LeftRight,
            layout: Layout::ForceDirected { rotation: 0 },
            heading: Heading::Caption(vec!["a &lt; \"b\"".into(), "c \\ d".into()]),
            items: Vec::new(),
        };
        let text = to_dot(&scene);
        assert!(
            text.contains(r#"label="a &amp;lt; \"b\"\lc \\ d\l""#),
            "{text}"
        );
        assert!(text.contains(r#"labelloc="b""#), "{text}");
        assert!(text.contains(r#"layout="sfdp""#), "{text}");
    }
}
