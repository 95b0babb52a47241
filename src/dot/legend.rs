//! The legend: a box with exactly the node kinds and relation kinds a diagram draws, in
//! schema order, each drawn as the diagram draws it: a sample node of each node kind,
//! and one table of the relation kinds, a row each (its line in its colour, pattern and
//! weight, its arrowheads, its name), so the legend stays small beside the diagram (as
//! sample edges between dots, left to right, it took 40% of a figure's width).

use super::{
    paint::Emphasis,
    parts::{wrap, Canvas, EDGE_LABEL_WIDTH},
    scene::{
        Align, Arrows, Cell, Cluster, Colour, Edge, EdgeStyle, Item, Line, Node, Table, TableRow,
        Underline,
    },
    style::{Lang, Rankdir},
};

/// Most sample nodes in a row of a top-to-bottom legend.
const NODES_PER_ROW: usize = 3;

/// The legend of what `canvas` draws (its selection's node and relation kinds).
pub(crate) fn legend(canvas: &Canvas<'_>, rankdir: Rankdir) -> Item {
    let (graph, selected, look) = (canvas.graph, canvas.selected, canvas.look);
    let schema = graph.schema();
    let (line, text) = canvas.paint.legend_frame();
    let mut samples: Vec<Item> = Vec::new();
    let mut node_row: Vec<String> = Vec::new();
    let node_kinds = schema.node_kinds.iter().filter(|(name, _)| {
        selected
            .nodes
            .iter()
            .any(|&ix| graph.node(ix).kind == **name)
    });
    for (i, (name, kind)) in node_kinds.enumerate() {
        let id = format!("legend_node_{i}");
        let mut style = canvas.paint.node(kind, Emphasis::Normal);
        style.font_size = Some(10);
        samples.push(Item::Node(Node {
            id: id.clone(),
            label: vec![look.lang.node_kind(name, kind).to_string()],
            tooltip: Some(kind.description.clone()),
            style,
        }));
        node_row.push(id);
    }
    let relation_kinds = schema.relation_kinds.iter().filter(|(name, _)| {
        selected
            .edges
            .iter()
            .any(|&e| graph.relation(e).kind == **name)
    });
    let mut table_rows: Vec<TableRow> = Vec::new();
    for (name, kind) in relation_kinds {
        let style = canvas.paint.edge(name, Emphasis::Normal);
        let colour = style.colour.clone().unwrap_or_else(|| line.clone());
        table_rows.push(TableRow {
            cells: sample_edge(&style, &colour, look.lang.relation_kind(kind)),
            rule_above: false,
        });
    }
    let mut rows: Vec<Vec<String>> = node_row
        .chunks(match rankdir {
            Rankdir::TopBottom => NODES_PER_ROW,
            Rankdir::LeftRight => usize::MAX,
        })
        .map(<[String]>::to_vec)
        .collect();
    if !table_rows.is_empty() {
        samples.push(Item::Table(Table {
            id: "legend_relations".into(),
            font: String::new(),
            font_size: 10.0,
            rows: table_rows,
        }));
        // Top to bottom, the relations' table is a row of its own under the node kinds;
        // left to right, it ends their column.
        match (rankdir, rows.last_mut()) {
            (Rankdir::LeftRight, Some(column)) => column.push("legend_relations".into()),
            _ => rows.push(vec!["legend_relations".into()]),
        }
    }
    let mut items: Vec<Item> = Vec::new();
    let mut ordering: Vec<Item> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        items.push(Item::SameRank {
            id: format!("legend_row_{r}"),
            nodes: row.clone(),
        });
        // Invisible edges keep each row in reading order, and the rows in sequence.
        // Graphviz orders a left-to-right rank bottom up.
        for pair in row.windows(2) {
            ordering.push(Item::Edge(match rankdir {
                Rankdir::TopBottom => Edge::invisible(&pair[0], &pair[1]),
                Rankdir::LeftRight => Edge::invisible(&pair[1], &pair[0]),
            }));
        }
        if r > 0 {
            ordering.push(Item::Edge(Edge::invisible(&rows[r - 1][0], &row[0])));
        }
    }
    items.extend(samples);
    items.extend(ordering);
    Item::Cluster(Cluster {
        id: "cluster_legend".into(),
        label: vec![match look.lang {
            Lang::En => "Legend",
            Lang::Zh => "图例",
        }
        .into()],
        line,
        text,
        items,
    })
}

/// One relation kind's row of the legend: its line as the diagram draws it (colour,
/// pattern, weight), the arrowheads at the ends that carry them, and its name in its
/// colour.
fn sample_edge(style: &EdgeStyle, colour: &Colour, name: &str) -> Vec<Cell> {
    let head = style.arrowhead.as_deref().unwrap_or("normal");
    let tail = style.arrowtail.as_deref().unwrap_or("normal");
    let (at_tail, at_head) = match style.arrows {
        Arrows::Forward => (None, Some(arrowhead_glyph(head, true))),
        Arrows::Back => (Some(arrowhead_glyph(tail, false)), None),
        Arrows::Both => (
            Some(arrowhead_glyph(tail, false)),
            Some(arrowhead_glyph(head, true)),
        ),
        Arrows::None => (None, None),
    };
    let glyph = |glyph: Option<&str>| {
        let mut cell = Cell::text(vec![glyph.unwrap_or(" ").to_string()]);
        cell.colour = Some(colour.clone());
        cell.align = Align::Centre;
        cell
    };
    let mut line = Cell::text(Vec::new());
    // Cell borders are whole points: the pen's width rounded (half up), from 1 to 4.
    let pen = style.penwidth.unwrap_or(1.0);
    let weight = (1..=4u8).rev().min_by(|a, b| {
        (f32::from(*a) - pen)
            .abs()
            .total_cmp(&(f32::from(*b) - pen).abs())
    });
    let weight = weight.unwrap_or(1);
    line.underline = Some(Underline {
        colour: colour.clone(),
        line: style.line,
        weight: if style.line == Line::Bold {
            weight.max(2)
        } else {
            weight
        },
    });
    let mut words = Cell::text(wrap(name, EDGE_LABEL_WIDTH));
    words.colour = Some(colour.clone());
    vec![glyph(at_tail), line, glyph(at_head), words]
}

/// A character that looks like Graphviz's arrowhead `name` (`normal`, `onormal`,
/// `diamond`, ...; an `o` prefix is the open shape, `l`/`r` halves are drawn whole),
/// pointing right when `forward`, else left.
fn arrowhead_glyph(name: &str, forward: bool) -> &'static str {
    let name = name.trim_start_matches(['l', 'r']);
    let (open, shape) = match name.strip_prefix('o') {
        Some(rest) if !rest.is_empty() => (true, rest),
        _ => (false, name),
    };
    match (shape, open, forward) {
        ("normal", false, false) | ("inv", false, true) => "◀",
        ("normal", true, true) | ("inv", true, false) => "▷",
        ("normal", true, false) | ("inv", true, true) => "◁",
        ("vee", _, true) | ("crow", _, false) => "›",
        ("vee", _, false) | ("crow", _, true) => "‹",
        ("diamond" | "ediamond", false, _) => "◆",
        ("diamond" | "ediamond", true, _) => "◇",
        ("dot", false, _) => "●",
        ("dot", true, _) => "○",
        ("box", false, _) => "■",
        ("box", true, _) => "□",
        ("tee", _, true) => "⊣",
        ("tee", _, false) => "⊢",
        ("none", _, _) => " ",
        // `normal` forward, `inv` backward, and any shape this does not know.
        _ => "▶",
    }
}
