//! The side-by-side view of `--diff A B`: A and B at either end, their common ground
//! between them (one node per shared aspect), and their differences by dimension, each
//! dimension between A's position and B's position in the papers' words. An aspect that
//! other papers name a difference (and a dimension others name common ground) is
//! marked with the logic's verdict on the two: "framed both ways", or "contradicted"
//! in one stated scope (`query::comparison::both_ways`).

use petgraph::graph::{EdgeIndex, NodeIndex};

use super::{
    paint::{Emphasis, INK},
    parts::{wrap, Canvas, EDGE_LABEL_WIDTH},
    scene::{Arrows, Colour, Edge, EdgeStyle, Item, Line, Node, NodeStyle},
    select::Comparison,
    style::{Lang, Palette},
};
use crate::{logic::Verdict, query::comparison::both_ways, schema::Role};

/// Width, in columns, positions are wrapped to.
const POSITION_WIDTH: usize = 32;
/// Most columns a grid of aspects or dimensions takes.
const GRID_COLUMNS: usize = 4;

/// The items drawing `comparison`.
pub(crate) fn items(canvas: &Canvas<'_>, comparison: &Comparison) -> Vec<Item> {
    let graph = canvas.graph;
    let schema = graph.schema();
    let (a, b) = (&graph.node(comparison.a).id, &graph.node(comparison.b).id);
    let mut items = vec![
        Item::Node(canvas.concept(comparison.a, Emphasis::Normal)),
        Item::Node(canvas.concept(comparison.b, Emphasis::Normal)),
    ];
    let role_kind = |role: Role| {
        schema
            .relation_kinds
            .iter()
            .find(|(_, k)| k.role == role)
            .map(|(name, kind)| (name.as_str(), kind))
    };
    let lang = canvas.look.lang;
    let (common_title, differences_title) = match lang {
        Lang::En => ("Common ground", "Differences by dimension"),
        Lang::Zh => ("共同点", "差异（按维度）"),
    };

    if let (Some((kind, schema_kind)), false) = (
        role_kind(Role::CommonGround),
        comparison.common_ground.is_empty(),
    ) {
        let claims: Vec<EdgeIndex> = comparison
            .common_ground
            .iter()
            .flat_map(|(_, e)| e.clone())
            .collect();
        let group = Group {
            cluster_id: "cluster_common_ground",
            title: common_title,
            members: comparison
                .common_ground
                .iter()
                .enumerate()
                .map(|(i, (aspect, _))| (format!("common_{i}"), *aspect))
                .collect(),
            kind,
            label: lines(lang.relation_kind(schema_kind), canvas.cite(&claims)),
            marks: comparison,
        };
        items.extend(grid(canvas, &group, (a, b)));
    }

    if let (Some((kind, schema_kind)), false) = (
        role_kind(Role::Difference),
        comparison.differences.is_empty(),
    ) {
        if canvas.look.positions {
            items.extend(with_positions(
                canvas,
                comparison,
                kind,
                differences_title,
                (a, b),
            ));
        } else {
            let claims: Vec<EdgeIndex> = comparison
                .differences
                .iter()
                .flat_map(|(_, w)| w.iter().flat_map(|p| p.edges.clone()))
                .collect();
            let group = Group {
                cluster_id: "cluster_differences",
                title: differences_title,
                members: comparison
                    .differences
                    .iter()
                    .enumerate()
                    .map(|(i, (dimension, _))| (format!("dimension_{i}"), *dimension))
                    .collect(),
                kind,
                label: lines(lang.relation_kind(schema_kind), canvas.cite(&claims)),
                marks: comparison,
            };
            items.extend(grid(canvas, &group, (a, b)));
        }
    }
    items.extend(direct(canvas, comparison, (a, b)));
    items
}

/// Direct relations (premise of, transition to, ...) in the middle too, each a label
/// between the two with its arrow pointing the way the relation reads.
fn direct(canvas: &Canvas<'_>, comparison: &Comparison, (a, b): (&str, &str)) -> Vec<Item> {
    let graph = canvas.graph;
    let mut labels = Vec::new();
    let mut edges = Vec::new();
    for (i, &edge_index) in comparison.direct.iter().enumerate() {
        let relation = graph.relation(edge_index);
        let kind = graph.kind_of(relation);
        let id = format!("direct_{i}");
        let style = canvas.paint.edge(&relation.kind, Emphasis::Normal);
        labels.push(Item::Node(Node {
            id: id.clone(),
            label: lines(
                canvas.look.lang.relation_kind(kind),
                canvas.cite(&[edge_index]),
            ),
            tooltip: Some(format!(
                "{} {} {}",
                graph.node(relation.from).label,
                kind.label,
                graph.node(relation.to).label
            )),
            style: NodeStyle {
                shape: "plaintext".into(),
                text: style.colour.clone(),
                font_size: Some(10),
                ..NodeStyle::default()
            },
        }));
        let (left, right) = halves(&style, relation.from == comparison.a);
        edges.push(Item::Edge(Edge::new(a, &id, left)));
        edges.push(Item::Edge(Edge::new(&id, b, right)));
    }
    if labels.is_empty() {
        return Vec::new();
    }
    let title = match canvas.look.lang {
        Lang::En => "Direct relations",
        Lang::Zh => "直接关系",
    };
    let mut items = vec![canvas.cluster("cluster_direct", title, labels)];
    items.extend(edges);
    items
}

/// `label` wrapped, then `extra` lines.
fn lines(label: &str, extra: Vec<String>) -> Vec<String> {
    let mut lines = wrap(label, EDGE_LABEL_WIDTH);
    lines.extend(extra);
    lines
}

/// The aspects (or dimensions) of a comparison, drawn as one cluster.
struct Group<'a> {
    /// Id of the cluster.
    cluster_id: &'a str,
    /// Its title.
    title: &'a str,
    /// Each member's scene id and node.
    members: Vec<(String, NodeIndex)>,
    /// The relation kind whose style the group and its edges take.
    kind: &'a str,
    /// Label of the edge from A.
    label: Vec<String>,
    /// The comparison, for the marks of topics named both ways.
    marks: &'a Comparison,
}

/// A group laid out in a grid of up to [`GRID_COLUMNS`] columns between the two compared
/// nodes `a` and `b`, joined to each by one edge that ends at the cluster's border.
fn grid(canvas: &Canvas<'_>, group: &Group<'_>, (a, b): (&str, &str)) -> Vec<Item> {
    let members = &group.members;
    let columns = members.len().isqrt().clamp(1, GRID_COLUMNS);
    let nodes = members
        .iter()
        .map(|(id, ix)| middle_node(canvas, id, *ix, group.kind, group.marks))
        .collect();
    let mut items = vec![canvas.cluster(group.cluster_id, group.title, nodes)];
    let rows: Vec<&[(String, NodeIndex)]> = members.chunks(columns).collect();
    for row in &rows {
        // Each row runs from A's side to B's side.
        items.push(Item::Edge(Edge::invisible(a, &row[0].0)));
        for pair in row.windows(2) {
            items.push(Item::Edge(Edge::invisible(&pair[0].0, &pair[1].0)));
        }
        items.push(Item::Edge(Edge::invisible(&row[row.len() - 1].0, b)));
    }
    let middle = rows[rows.len() / 2];
    let mut into = plain_edge(canvas, a, &middle[0].0, group.kind, &group.label);
    into.head_cluster = Some(group.cluster_id.into());
    let mut out_of = plain_edge(canvas, &middle[middle.len() - 1].0, b, group.kind, &[]);
    out_of.tail_cluster = Some(group.cluster_id.into());
    items.push(Item::Edge(into));
    items.push(Item::Edge(out_of));
    items
}

/// The differences with each side's positions: every dimension in the middle, A's
/// positions on its side and B's on the other.
fn with_positions(
    canvas: &Canvas<'_>,
    comparison: &Comparison,
    kind: &str,
    title: &str,
    (a, b): (&str, &str),
) -> Vec<Item> {
    let mut members = Vec::new();
    let mut edges = Vec::new();
    for (d, (dimension, wordings)) in comparison.differences.iter().enumerate() {
        let dimension_id = format!("dimension_{d}");
        members.push(middle_node(
            canvas,
            &dimension_id,
            *dimension,
            kind,
            comparison,
        ));
        for (i, wording) in wordings.iter().enumerate() {
            let (left, right) = (format!("position_{d}_{i}_a"), format!("position_{d}_{i}_b"));
            members.push(position_node(canvas, &left, &wording.a, kind));
            members.push(position_node(canvas, &right, &wording.b, kind));
            let cites = canvas.cite(&wording.edges);
            edges.push(plain_edge(canvas, a, &left, kind, &[]));
            edges.push(plain_edge(canvas, &left, &dimension_id, kind, &cites));
            edges.push(plain_edge(canvas, &dimension_id, &right, kind, &[]));
            edges.push(plain_edge(canvas, &right, b, kind, &[]));
        }
    }
    let mut items = vec![canvas.cluster("cluster_differences", title, members)];
    items.extend(edges.into_iter().map(Item::Edge));
    items
}

/// The two halves of a direct relation drawn through its label node: the line style on
/// both, the arrowhead on the half it points into (towards B, or back towards A).
fn halves(style: &EdgeStyle, towards_b: bool) -> (EdgeStyle, EdgeStyle) {
    let head = style.arrowhead.clone().unwrap_or_else(|| "normal".into());
    let line = EdgeStyle {
        arrowhead: None,
        arrowtail: None,
        arrows: Arrows::Forward,
        ..style.clone()
    };
    let plain = || EdgeStyle {
        arrows: Arrows::None,
        ..line.clone()
    };
    let forward = || EdgeStyle {
        arrowhead: Some(head.clone()),
        ..line.clone()
    };
    let back = || EdgeStyle {
        arrows: Arrows::Back,
        arrowtail: Some(head.clone()),
        ..line.clone()
    };
    match style.arrows {
        Arrows::None => (plain(), plain()),
        Arrows::Both => (back(), forward()),
        _ if towards_b => (plain(), forward()),
        _ => (back(), plain()),
    }
}

/// How the papers naming `topic` common ground and those naming it a difference stand
/// to each other, in words for the figure; `None` unless both do.
fn both_ways_note(
    canvas: &Canvas<'_>,
    comparison: &Comparison,
    topic: NodeIndex,
) -> Option<&'static str> {
    let shared: Vec<EdgeIndex> = comparison
        .common_ground
        .iter()
        .filter(|(aspect, _)| *aspect == topic)
        .flat_map(|(_, edges)| edges.iter().copied())
        .collect();
    let different: Vec<EdgeIndex> = comparison
        .differences
        .iter()
        .filter(|(dimension, _)| *dimension == topic)
        .flat_map(|(_, wordings)| wordings.iter().flat_map(|w| w.edges.iter().copied()))
        .collect();
    let verdict = both_ways(canvas.graph, &shared, &different)?;
    Some(match (verdict, canvas.look.lang) {
        (Verdict::Conflict, Lang::En) => "(contradicted)",
        (Verdict::Conflict, Lang::Zh) => "（相互矛盾）",
        (_, Lang::En) => "(framed both ways)",
        (_, Lang::Zh) => "（两种说法）",
    })
}

/// An aspect or dimension in the middle column, drawn as its node kind with the
/// outline of the comparison's relation kind (its colour and pattern), and a note when
/// other papers name it the other way.
fn middle_node(
    canvas: &Canvas<'_>,
    id: &str,
    ix: NodeIndex,
    kind: &str,
    comparison: &Comparison,
) -> Item {
    let graph = canvas.graph;
    let node = graph.node(ix);
    let node_kind = graph
        .schema()
        .node_kinds
        .get(node.kind.as_str())
        .cloned()
        .unwrap_or_default();
    let edge = canvas.paint.edge(kind, Emphasis::Normal);
    let style = NodeStyle {
        line: Some(edge.colour.unwrap_or_else(|| Colour::new("#000000"))),
        outline: match edge.line {
            Line::Dashed | Line::Dotted | Line::Bold => Some(edge.line),
            _ => None,
        },
        rounded: false,
        extra: Vec::new(),
        penwidth: Some(2.0),
        ..canvas.paint.node(&node_kind, Emphasis::Normal)
    };
    let mut label = wrap(canvas.node_label(ix), 24);
    let both = both_ways_note(canvas, comparison, ix);
    label.extend(both.map(String::from));
    let about = node
        .description
        .clone()
        .unwrap_or_else(|| node.label.clone());
    Item::Node(Node {
        id: id.into(),
        label,
        tooltip: Some(match both {
            Some(_) => format!(
                "{about}. Named common ground by some papers and a difference by others: `linkage contested`."
            ),
            None => about,
        }),
        style,
    })
}

/// A side's position on a dimension, in the paper's words.
fn position_node(canvas: &Canvas<'_>, id: &str, text: &str, kind: &str) -> Item {
    let fill = match canvas.paint.palette() {
        Palette::Colour => "#fffaf9",
        Palette::Print => "#ffffff",
    };
    Item::Node(Node {
        id: id.into(),
        label: wrap(text, POSITION_WIDTH),
        tooltip: Some(text.into()),
        style: NodeStyle {
            shape: "box".into(),
            rounded: true,
            fill: Some(Colour::new(fill)),
            line: Some(canvas.paint.kind_colour(kind)),
            text: Some(Colour::new(INK)),
            font_size: Some(11),
            ..NodeStyle::default()
        },
    })
}

/// An edge of the comparison in the style of `kind`, without arrows.
fn plain_edge(canvas: &Canvas<'_>, from: &str, to: &str, kind: &str, label: &[String]) -> Edge {
    let style = EdgeStyle {
        arrowhead: None,
        arrowtail: None,
        arrows: Arrows::None,
        ..canvas.paint.edge(kind, Emphasis::Normal)
    };
    let mut edge = Edge::new(from, to, style);
    edge.label = label.to_vec();
    edge
}
