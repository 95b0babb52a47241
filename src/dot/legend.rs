//! The legend: a box with exactly the node kinds and relation kinds a diagram draws, in
//! schema order, each drawn as the diagram draws it, laid out as compactly as the
//! layout direction allows.

use super::{
    paint::Emphasis,
    parts::{wrap, Canvas, EDGE_LABEL_WIDTH},
    scene::{Cluster, Edge, Item, Node, NodeStyle},
    style::{Lang, Rankdir},
};

/// Most sample nodes in a row of a top-to-bottom legend.
const NODES_PER_ROW: usize = 3;
/// Most sample edges in a row of a top-to-bottom legend.
const EDGES_PER_ROW: usize = 3;

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
    let mut edge_row: Vec<String> = Vec::new();
    let mut sample_edges: Vec<Item> = Vec::new();
    for (i, (name, kind)) in relation_kinds.enumerate() {
        let (from, to) = (format!("legend_from_{i}"), format!("legend_to_{i}"));
        let words = wrap(look.lang.relation_kind(kind), EDGE_LABEL_WIDTH);
        samples.push(point(&from, &line));
        let mut style = canvas.paint.edge(name, Emphasis::Normal);
        let mut edge_label = Vec::new();
        if rankdir == Rankdir::LeftRight {
            // Left to right, ranks are columns as wide as the widest node any part of
            // the diagram puts there: the words end the sample line, which then spans
            // one column, not two.
            samples.push(Item::Node(Node {
                id: to.clone(),
                label: words,
                tooltip: None,
                style: NodeStyle {
                    shape: "plaintext".into(),
                    text: Some(canvas.paint.kind_colour(name)),
                    font_size: Some(10),
                    margin: Some("0.02".into()),
                    // As low as its text: a column of half-inch-high labels would
                    // drift away from the column of dots they belong to.
                    height: Some(0.2),
                    ..NodeStyle::default()
                },
            }));
        } else {
            samples.push(point(&to, &line));
            edge_label = words;
            style.font_size = Some(10);
        }
        let mut edge = Edge::new(&from, &to, style);
        edge.label = edge_label;
        edge.tooltip = Some(kind.description.clone());
        sample_edges.push(Item::Edge(edge));
        edge_row.push(from);
        edge_row.push(to);
    }
    // Top to bottom: rows of sample nodes, then rows of sample edges, each edge within
    // its row's rank. Left to right, where an edge within a rank would run vertically
    // under its label: one column of sample nodes and dots, each dot's sample edge
    // running to its words in the next column.
    let rows: Vec<Vec<String>> = match rankdir {
        Rankdir::TopBottom => node_row
            .chunks(NODES_PER_ROW)
            .chain(edge_row.chunks(2 * EDGES_PER_ROW))
            .map(<[String]>::to_vec)
            .collect(),
        Rankdir::LeftRight => {
            let (from, to): (Vec<String>, Vec<String>) = edge_row
                .into_iter()
                .partition(|id| id.starts_with("legend_from"));
            let mut first = node_row;
            first.extend(from);
            vec![first, to]
        }
    };
    let rows: Vec<Vec<String>> = rows.into_iter().filter(|row| !row.is_empty()).collect();
    let mut items: Vec<Item> = Vec::new();
    let mut ordering: Vec<Item> = Vec::new();
    let first_edges_row = rows
        .iter()
        .position(|row| row[0].starts_with("legend_from"));
    for (r, row) in rows.iter().enumerate() {
        items.push(Item::SameRank {
            id: format!("legend_row_{r}"),
            nodes: row.clone(),
        });
        // Invisible edges keep each row in reading order (a sample edge orders its own
        // ends), and the rows in sequence. Graphviz orders a left-to-right rank bottom up.
        for pair in row.windows(2) {
            let sample = pair[0].starts_with("legend_from") && pair[1].starts_with("legend_to");
            match rankdir {
                Rankdir::TopBottom if !sample => {
                    ordering.push(Item::Edge(Edge::invisible(&pair[0], &pair[1])));
                }
                Rankdir::LeftRight => {
                    ordering.push(Item::Edge(Edge::invisible(&pair[1], &pair[0])));
                }
                Rankdir::TopBottom => {}
            }
        }
        if r > 0 && !(rankdir == Rankdir::LeftRight && Some(r) > first_edges_row) {
            ordering.push(Item::Edge(Edge::invisible(&rows[r - 1][0], &row[0])));
        }
    }
    items.extend(samples);
    items.extend(ordering);
    items.extend(sample_edges);
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

/// A dot at one end of a sample edge.
fn point(id: &str, colour: &super::scene::Colour) -> Item {
    Item::Node(Node {
        id: id.into(),
        label: vec![String::new()],
        tooltip: None,
        style: NodeStyle {
            shape: "point".into(),
            line: Some(colour.clone()),
            width: Some(0.06),
            ..NodeStyle::default()
        },
    })
}
