//! The side-by-side view of `--diff A B`: A and B at either end, their common ground
//! between them (one node per shared aspect), and their differences by dimension, each
//! dimension between A's position and B's position in the papers' words.

use graphviz_rust::dot_structures::{Attribute, Edge, EdgeTy, Id, Node, NodeId, Stmt};
use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::{
    dot::{
        build::{
            attributes, cluster, node_label, node_stmt, node_vertex, quoted, wrap, EDGE_LABEL_WIDTH,
        },
        select::{Comparison, Selected},
        style::{self, Attrs, Emphasis, Lang, Look, Palette},
    },
    graph::ConceptGraph,
    schema::{NodeKind, Role},
};

/// Width, in columns, positions are wrapped to.
const POSITION_WIDTH: usize = 32;

/// The statements drawing `comparison`.
pub(crate) fn stmts(
    graph: &ConceptGraph,
    selected: &Selected,
    comparison: &Comparison,
    look: &Look,
) -> Vec<Stmt> {
    let schema = graph.schema();
    let (a, b) = (&graph.node(comparison.a).id, &graph.node(comparison.b).id);
    let mut stmts = vec![
        node_stmt(graph, selected, look, comparison.a),
        node_stmt(graph, selected, look, comparison.b),
    ];
    let role_kind = |role: Role| schema.relation_kinds.iter().find(|(_, k)| k.role == role);
    let (common_kind, differs_kind) = (role_kind(Role::CommonGround), role_kind(Role::Difference));
    let (common_title, differences_title) = match look.lang {
        Lang::En => ("Common ground", "Differences by dimension"),
        Lang::Zh => ("共同点", "差异（按维度）"),
    };

    if let (Some((kind_name, kind)), false) = (common_kind, comparison.common_ground.is_empty()) {
        let members: Vec<(String, NodeIndex)> = comparison
            .common_ground
            .iter()
            .enumerate()
            .map(|(i, (aspect, _))| (format!("common_{i}"), *aspect))
            .collect();
        let claims: Vec<EdgeIndex> = comparison
            .common_ground
            .iter()
            .flat_map(|(_, e)| e.clone())
            .collect();
        let label = lines(
            look.lang.relation_kind(kind),
            cite(graph, selected, &claims, look),
        );
        let group = Group {
            cluster_id: "cluster_common_ground",
            title: common_title,
            members,
            kind: kind_name,
            label,
        };
        stmts.extend(grid(graph, &group, (a, b), look));
    }

    if let (Some((kind_name, kind)), false) = (differs_kind, comparison.differences.is_empty()) {
        let claims: Vec<EdgeIndex> = comparison
            .differences
            .iter()
            .flat_map(|(_, w)| w.iter().flat_map(|p| p.edges.clone()))
            .collect();
        if look.positions {
            stmts.extend(with_positions(
                graph,
                selected,
                comparison,
                kind_name,
                differences_title,
                (a, b),
                look,
            ));
        } else {
            let members: Vec<(String, NodeIndex)> = comparison
                .differences
                .iter()
                .enumerate()
                .map(|(i, (dimension, _))| (format!("dimension_{i}"), *dimension))
                .collect();
            let label = lines(
                look.lang.relation_kind(kind),
                cite(graph, selected, &claims, look),
            );
            let group = Group {
                cluster_id: "cluster_differences",
                title: differences_title,
                members,
                kind: kind_name,
                label,
            };
            stmts.extend(grid(graph, &group, (a, b), look));
        }
    }

    // Direct relations (premise of, transition to, ...) sit in the middle too, each a
    // label between the two with its arrow pointing the way the relation reads.
    let mut direct = Vec::new();
    let mut edges = Vec::new();
    for (i, &edge_index) in comparison.direct.iter().enumerate() {
        let relation = graph.relation(edge_index);
        let kind = graph.kind_of(relation);
        let id = format!("direct_{i}");
        let style = style::edge_attrs(schema, &relation.kind, look.palette, Emphasis::Normal);
        let color = style
            .iter()
            .find(|(n, _)| *n == "color")
            .map_or_else(String::new, |(_, v)| v.clone());
        let mut attrs: Attrs = vec![
            (
                "label",
                lines(
                    look.lang.relation_kind(kind),
                    cite(graph, selected, &[edge_index], look),
                )
                .join("\n"),
            ),
            ("shape", "plaintext".into()),
            ("fontsize", "10".into()),
            ("fontcolor", color),
        ];
        attrs.push(("tooltip", relation_sentence(graph, edge_index)));
        direct.push(Stmt::Node(Node::new(
            NodeId(quoted(&id), None),
            attributes(attrs),
        )));
        let towards_b = relation.from == comparison.a;
        let (left, right) = arrows(&style, towards_b);
        edges.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(node_vertex(a), node_vertex(&id)),
            attributes: attributes(left),
        }));
        edges.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(node_vertex(&id), node_vertex(b)),
            attributes: attributes(right),
        }));
    }
    if !direct.is_empty() {
        let title = match look.lang {
            Lang::En => "Direct relations",
            Lang::Zh => "直接关系",
        };
        stmts.push(cluster("cluster_direct", title, look, direct));
        stmts.extend(edges);
    }
    stmts
}

/// Most columns a grid of aspects or dimensions takes.
const GRID_COLUMNS: usize = 4;

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
    /// Each member's DOT id and node.
    members: Vec<(String, NodeIndex)>,
    /// The relation kind whose style the group and its edges take.
    kind: &'a str,
    /// Label of the edge from A.
    label: Vec<String>,
}

/// A group laid out in a grid of up to [`GRID_COLUMNS`] columns between the two compared
/// nodes `a` and `b`, joined to each by one edge that ends at the cluster's border.
fn grid(graph: &ConceptGraph, group: &Group<'_>, (a, b): (&str, &str), look: &Look) -> Vec<Stmt> {
    let (cluster_id, members, kind) = (group.cluster_id, &group.members, group.kind);
    let columns = members.len().isqrt().clamp(1, GRID_COLUMNS);
    let nodes = members
        .iter()
        .map(|(id, ix)| middle_node(graph, id, *ix, kind, look))
        .collect();
    let mut stmts = vec![
        Stmt::Attribute(Attribute(Id::Plain("compound".into()), quoted("true"))),
        cluster(cluster_id, group.title, look, nodes),
    ];
    let rows: Vec<&[(String, NodeIndex)]> = members.chunks(columns).collect();
    for row in &rows {
        // Each row runs from A's side to B's side.
        stmts.push(hidden(a, &row[0].0));
        for pair in row.windows(2) {
            stmts.push(hidden(&pair[0].0, &pair[1].0));
        }
        stmts.push(hidden(&row[row.len() - 1].0, b));
    }
    let middle = rows[rows.len() / 2];
    let mut into = edge(graph, a, &middle[0].0, kind, look, &group.label);
    let mut out_of = edge(graph, &middle[middle.len() - 1].0, b, kind, look, &[]);
    if let Stmt::Edge(edge) = &mut into {
        edge.attributes
            .extend(attributes(vec![("lhead", cluster_id.into())]));
    }
    if let Stmt::Edge(edge) = &mut out_of {
        edge.attributes
            .extend(attributes(vec![("ltail", cluster_id.into())]));
    }
    stmts.push(into);
    stmts.push(out_of);
    stmts
}

/// An invisible edge: a layout constraint only.
fn hidden(from: &str, to: &str) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(node_vertex(from), node_vertex(to)),
        attributes: attributes(vec![("style", "invis".into())]),
    })
}

/// The differences with each side's positions: every dimension in the middle, A's
/// positions on its side and B's on the other.
fn with_positions(
    graph: &ConceptGraph,
    selected: &Selected,
    comparison: &Comparison,
    kind: &str,
    title: &str,
    (a, b): (&str, &str),
    look: &Look,
) -> Vec<Stmt> {
    let mut members = Vec::new();
    let mut edges = Vec::new();
    for (d, (dimension, wordings)) in comparison.differences.iter().enumerate() {
        let dimension_id = format!("dimension_{d}");
        members.push(middle_node(graph, &dimension_id, *dimension, kind, look));
        for (i, wording) in wordings.iter().enumerate() {
            let (left, right) = (format!("position_{d}_{i}_a"), format!("position_{d}_{i}_b"));
            members.push(position_node(graph, &left, &wording.a, kind, look));
            members.push(position_node(graph, &right, &wording.b, kind, look));
            let cites = cite(graph, selected, &wording.edges, look);
            edges.push(edge(graph, a, &left, kind, look, &[]));
            edges.push(edge(graph, &left, &dimension_id, kind, look, &cites));
            edges.push(edge(graph, &dimension_id, &right, kind, look, &[]));
            edges.push(edge(graph, &right, b, kind, look, &[]));
        }
    }
    let mut stmts = vec![cluster("cluster_differences", title, look, members)];
    stmts.extend(edges);
    stmts
}

/// The two halves of a direct relation drawn through its label node: the line style on
/// both, the arrowhead on the half it points into (towards B, or back towards A).
fn arrows(style: &Attrs, towards_b: bool) -> (Attrs, Attrs) {
    let line: Attrs = style
        .iter()
        .filter(|(name, _)| !matches!(*name, "dir" | "arrowhead"))
        .cloned()
        .collect();
    let dir = style
        .iter()
        .find(|(n, _)| *n == "dir")
        .map(|(_, v)| v.as_str());
    let head = style
        .iter()
        .find(|(n, _)| *n == "arrowhead")
        .map_or_else(|| "normal".to_string(), |(_, v)| v.clone());
    let plain = |mut attrs: Attrs| {
        attrs.push(("dir", "none".into()));
        attrs
    };
    let forward = |mut attrs: Attrs| {
        attrs.push(("arrowhead", head.clone()));
        attrs
    };
    let back = |mut attrs: Attrs| {
        attrs.push(("dir", "back".into()));
        attrs.push(("arrowtail", head.clone()));
        attrs
    };
    match dir {
        Some("none") => (plain(line.clone()), plain(line)),
        Some("both") => (back(line.clone()), forward(line)),
        _ if towards_b => (plain(line.clone()), forward(line)),
        _ => (back(line.clone()), plain(line)),
    }
}

/// "A premise of B"-style text for a direct relation's tooltip.
fn relation_sentence(graph: &ConceptGraph, edge: EdgeIndex) -> String {
    let relation = graph.relation(edge);
    format!(
        "{} {} {}",
        graph.node(relation.from).label,
        graph.kind_of(relation).label,
        graph.node(relation.to).label
    )
}

/// An aspect or dimension in the middle column, drawn as its node kind with the
/// outline of the comparison's relation kind (green for common ground, red dashed for
/// differences; bold or dashed in print).
fn middle_node(graph: &ConceptGraph, id: &str, ix: NodeIndex, kind: &str, look: &Look) -> Stmt {
    let node = graph.node(ix);
    let node_kind = graph
        .schema()
        .node_kinds
        .get(&node.kind)
        .cloned()
        .unwrap_or_default();
    let label = node_label(graph, ix, look.lang);
    let mut attrs: Attrs = vec![("label", wrap(label, 24).join("\n"))];
    attrs.extend(outlined(graph, &node_kind, kind, look));
    attrs.push((
        "tooltip",
        node.description
            .clone()
            .unwrap_or_else(|| node.label.clone()),
    ));
    Stmt::Node(Node::new(NodeId(quoted(id), None), attributes(attrs)))
}

/// A node kind's attributes with the outline of relation kind `kind`.
fn outlined(graph: &ConceptGraph, node_kind: &NodeKind, kind: &str, look: &Look) -> Attrs {
    let edge = style::edge_attrs(graph.schema(), kind, look.palette, Emphasis::Normal);
    let value = |name: &str| {
        edge.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    };
    let mut attrs: Attrs = style::node_attrs(node_kind, look.palette, Emphasis::Normal)
        .into_iter()
        .filter(|(name, _)| !matches!(*name, "color" | "style"))
        .collect();
    let line_style = match value("style").as_deref() {
        Some("dashed") => "filled,dashed",
        Some("dotted") => "filled,dotted",
        Some("bold") => "filled,bold",
        _ => "filled",
    };
    attrs.push(("color", value("color").unwrap_or_else(|| "#000000".into())));
    attrs.push(("style", line_style.into()));
    attrs.push(("penwidth", "2".into()));
    attrs
}

/// A side's position on a dimension, in the paper's words.
fn position_node(graph: &ConceptGraph, id: &str, text: &str, kind: &str, look: &Look) -> Stmt {
    let edge = style::edge_attrs(graph.schema(), kind, look.palette, Emphasis::Normal);
    let color = edge
        .iter()
        .find(|(n, _)| *n == "color")
        .map_or_else(|| "#000000".to_string(), |(_, v)| v.clone());
    let fill = match look.palette {
        Palette::Colour => "#fffaf9",
        Palette::Print => "#ffffff",
    };
    let attrs: Attrs = vec![
        ("label", wrap(text, POSITION_WIDTH).join("\n")),
        ("shape", "box".into()),
        ("style", "rounded,filled".into()),
        ("fillcolor", fill.into()),
        ("color", color),
        ("fontcolor", "#1a1a1a".into()),
        ("fontsize", "11".into()),
        ("tooltip", text.into()),
    ];
    Stmt::Node(Node::new(NodeId(quoted(id), None), attributes(attrs)))
}

/// An edge of the comparison in the style of `kind`, without arrows.
fn edge(
    graph: &ConceptGraph,
    from: &str,
    to: &str,
    kind: &str,
    look: &Look,
    label: &[String],
) -> Stmt {
    let mut attrs: Attrs = Vec::new();
    if !label.is_empty() {
        attrs.push(("label", label.join("\n")));
    }
    attrs.extend(
        style::edge_attrs(graph.schema(), kind, look.palette, Emphasis::Normal)
            .into_iter()
            .filter(|(name, _)| !matches!(*name, "dir" | "arrowhead")),
    );
    attrs.push(("dir", "none".into()));
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(node_vertex(from), node_vertex(to)),
        attributes: attributes(attrs),
    })
}

/// With `--cite`, the papers behind `edges` as label lines.
fn cite(
    graph: &ConceptGraph,
    selected: &Selected,
    edges: &[EdgeIndex],
    look: &Look,
) -> Vec<String> {
    if !look.cite {
        return Vec::new();
    }
    let mut papers: Vec<&str> = Vec::new();
    for &edge in edges {
        for paper in selected.papers_of(graph.relation(edge)) {
            if !papers.contains(&paper) {
                papers.push(paper);
            }
        }
    }
    let cites: Vec<&str> = papers.iter().map(|p| graph.cite(p)).collect();
    wrap(&format!("[{}]", cites.join("; ")), EDGE_LABEL_WIDTH)
}
