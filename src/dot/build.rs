//! Building the Graphviz graph of a selection with graphviz-rust's DOT structures, and
//! printing it with its printer.
//!
//! graphviz-rust prints an [`Id`] exactly as given, so every id and attribute value is
//! quoted and escaped here ([`quoted`]); that is what keeps any label text (quotes,
//! backslashes, newlines, `< > { } |`, any script) from breaking the DOT.

use graphviz_rust::{
    dot_structures::{
        Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
    },
    printer::{DotPrinter as _, PrinterContext},
};
use indexmap::{IndexMap, IndexSet};
use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::{
    dot::{
        comparison,
        select::Selected,
        style::{self, Attrs, Clustering, Emphasis, Lang, Look, Palette, Rankdir, FONT},
    },
    graph::ConceptGraph,
    relation::Relation,
    schema::Role,
};

/// Width, in columns, edge labels are wrapped to.
pub(crate) const EDGE_LABEL_WIDTH: usize = 20;
/// Narrowest width node labels are wrapped to.
const NODE_LABEL_MIN_WIDTH: usize = 22;

/// The selection as DOT text, ending with a newline. Same input, same bytes.
pub fn to_dot(graph: &ConceptGraph, selected: &Selected, look: &Look) -> String {
    let mut text = build(graph, selected, look).print(&mut PrinterContext::default());
    text.push('\n');
    text
}

/// The selection as a graphviz-rust graph.
///
/// Nodes come in data order (inside their clusters when clustered), then relations in
/// data order, then the legend, so the output is deterministic.
pub fn build(graph: &ConceptGraph, selected: &Selected, look: &Look) -> Graph {
    let look = &Look {
        rankdir: Some(look.rankdir.unwrap_or(if selected.comparison.is_some() {
            Rankdir::LeftRight
        } else {
            Rankdir::TopBottom
        })),
        ..look.clone()
    };
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attributes(look))),
        Stmt::GAttribute(GraphAttributes::Node(attributes(vec![
            ("fontname", FONT.into()),
            ("fontsize", "12".into()),
            ("margin", "0.15,0.07".into()),
        ]))),
        Stmt::GAttribute(GraphAttributes::Edge(attributes(vec![
            ("fontname", FONT.into()),
            ("fontsize", "10".into()),
            ("arrowsize", "0.8".into()),
        ]))),
    ];
    match &selected.comparison {
        Some(comparison) => stmts.extend(comparison::stmts(graph, selected, comparison, look)),
        None => stmts.extend(graph_stmts(graph, selected, look)),
    }
    if look.legend && !selected.is_empty() {
        stmts.push(legend(graph, selected, look));
    }
    Graph::DiGraph {
        id: quoted("linkage"),
        strict: false,
        stmts,
    }
}

/// The selected nodes (clustered as asked) and relations, for every view but a comparison.
fn graph_stmts(graph: &ConceptGraph, selected: &Selected, look: &Look) -> Vec<Stmt> {
    let mut stmts = Vec::new();
    match look.cluster {
        Clustering::Flat => stmts.extend(
            selected
                .nodes
                .iter()
                .map(|&ix| node_stmt(graph, selected, look, ix)),
        ),
        Clustering::Kind => {
            for (position, (name, kind)) in graph.schema().node_kinds.iter().enumerate() {
                let members: Vec<Stmt> = selected
                    .nodes
                    .iter()
                    .filter(|&&ix| graph.node(ix).kind == *name)
                    .map(|&ix| node_stmt(graph, selected, look, ix))
                    .collect();
                if !members.is_empty() {
                    stmts.push(cluster(
                        &format!("cluster_kind_{position}"),
                        look.lang.node_kind(name, kind),
                        look,
                        members,
                    ));
                }
            }
        }
        Clustering::Paper => {
            let homes = home_papers(graph, selected);
            for (position, paper) in graph.papers().enumerate() {
                let members: Vec<Stmt> = selected
                    .nodes
                    .iter()
                    .filter(|ix| homes.get(*ix).copied() == Some(paper.id.as_str()))
                    .map(|&ix| node_stmt(graph, selected, look, ix))
                    .collect();
                if !members.is_empty() {
                    stmts.push(cluster(
                        &format!("cluster_paper_{position}"),
                        paper.citation(),
                        look,
                        members,
                    ));
                }
            }
            stmts.extend(
                selected
                    .nodes
                    .iter()
                    .filter(|ix| !homes.contains_key(*ix))
                    .map(|&ix| node_stmt(graph, selected, look, ix)),
            );
        }
    }
    let groups = edge_groups(graph, selected);
    let lengths = staggered_lengths(graph, &groups);
    stmts.extend(
        groups
            .iter()
            .zip(lengths)
            .map(|(group, length)| edge_stmt(graph, selected, look, group, length)),
    );
    stmts.extend(tiling(graph, selected, &groups));
    stmts
}

fn graph_attributes(look: &Look) -> Vec<Attribute> {
    let mut attrs: Attrs = vec![
        ("rankdir", look.direction().as_str().into()),
        // The newer ranking handles clusters and `rank=same` together; the classic one
        // fails ("trouble in init_rank") on the whole graph clustered by paper.
        ("newrank", "true".into()),
        ("fontname", FONT.into()),
        ("bgcolor", "white".into()),
        ("pad", "0.3".into()),
        ("nodesep", "0.3".into()),
        ("ranksep", "0.5".into()),
    ];
    if let Some(title) = &look.title {
        attrs.extend([
            ("label", wrap(title, 60).join("\n")),
            ("labelloc", "t".into()),
            ("fontsize", "18".into()),
        ]);
    }
    attributes(attrs)
}

fn emphasis<T: std::hash::Hash + Eq>(
    selected: &Selected,
    highlighted: &IndexSet<T>,
    item: &T,
) -> Emphasis {
    if !selected.has_highlights() {
        Emphasis::Normal
    } else if highlighted.contains(item) {
        Emphasis::Highlight
    } else {
        Emphasis::Context
    }
}

/// The label of node `ix` in the diagram's language.
pub(crate) fn node_label(graph: &ConceptGraph, ix: NodeIndex, lang: Lang) -> &str {
    let node = graph.node(ix);
    match lang {
        Lang::Zh => node.label_zh.as_deref().unwrap_or(&node.label),
        Lang::En => &node.label,
    }
}

pub(crate) fn node_stmt(
    graph: &ConceptGraph,
    selected: &Selected,
    look: &Look,
    ix: NodeIndex,
) -> Stmt {
    let node = graph.node(ix);
    let kind = &graph.schema().node_kinds[node.kind.as_str()];
    let label = node_label(graph, ix, look.lang);
    let mut attrs: Attrs = vec![("label", wrap(label, node_label_width(label)).join("\n"))];
    attrs.extend(style::node_attrs(
        kind,
        look.palette,
        emphasis(selected, &selected.highlighted_nodes, &ix),
    ));
    attrs.push((
        "tooltip",
        node.description
            .clone()
            .unwrap_or_else(|| node.label.clone()),
    ));
    Stmt::Node(Node::new(NodeId(quoted(&node.id), None), attributes(attrs)))
}

/// The words on a relation's edge: its kind's label, with the aspect or dimension a
/// comparison names.
pub(crate) fn relation_label(graph: &ConceptGraph, relation: &Relation, lang: Lang) -> String {
    let kind = graph.kind_of(relation);
    match relation.aspect.or(relation.dimension) {
        Some(compared) => format!(
            "{}{}{}",
            lang.relation_kind(kind),
            lang.colon(),
            node_label(graph, compared, lang)
        ),
        None => lang.relation_kind(kind).to_string(),
    }
}

/// Relations drawn as one edge: comparisons of the same kind between the same two
/// nodes (common ground in several aspects, differences along several dimensions)
/// share an edge listing every aspect or dimension, so a pair compared ten ways is
/// not buried under ten parallel curves. Every other relation is its own group.
fn edge_groups(graph: &ConceptGraph, selected: &Selected) -> Vec<Vec<EdgeIndex>> {
    #[derive(PartialEq, Eq, Hash)]
    enum Key<'g> {
        Alone(EdgeIndex),
        Comparison(&'g str, NodeIndex, NodeIndex),
    }
    let mut groups: IndexMap<Key<'_>, Vec<EdgeIndex>> = IndexMap::new();
    for &edge in &selected.edges {
        let relation = graph.relation(edge);
        let kind = graph.kind_of(relation);
        let key = if kind.role == Role::Ordinary {
            Key::Alone(edge)
        } else if kind.symmetric {
            Key::Comparison(
                &relation.kind,
                relation.from.min(relation.to),
                relation.from.max(relation.to),
            )
        } else {
            Key::Comparison(&relation.kind, relation.from, relation.to)
        };
        groups.entry(key).or_default().push(edge);
    }
    groups.into_values().collect()
}

/// Most edges a node fans out into on one rank before its targets are staggered.
const FAN_PER_RANK: usize = 6;
/// Most ranks a fan is staggered over.
const FAN_RANKS: usize = 3;

/// The minimum length (in ranks) of each group's edge. A node with many outgoing
/// edges would put all its targets side by side in one very wide rank; like Graphviz's
/// `unflatten`, its edges get lengths 1, 2, 3, 1, 2, ... so the targets spread over up
/// to [`FAN_RANKS`] ranks and the diagram stays near the shape of a slide.
fn staggered_lengths(graph: &ConceptGraph, groups: &[Vec<EdgeIndex>]) -> Vec<usize> {
    let ends = |group: &Vec<EdgeIndex>| {
        let relation = graph.relation(group[0]);
        (relation.from, relation.to)
    };
    let mut targets: IndexMap<NodeIndex, IndexSet<NodeIndex>> = IndexMap::new();
    for group in groups {
        let (from, to) = ends(group);
        targets.entry(from).or_default().insert(to);
    }
    groups
        .iter()
        .map(|group| {
            let (from, to) = ends(group);
            let fan = &targets[&from];
            if fan.len() > FAN_PER_RANK {
                let levels = fan.len().div_ceil(FAN_PER_RANK).min(FAN_RANKS);
                1 + fan.get_index_of(&to).expect("every target is listed") % levels
            } else {
                1
            }
        })
        .collect()
}

fn edge_stmt(
    graph: &ConceptGraph,
    selected: &Selected,
    look: &Look,
    group: &[EdgeIndex],
    length: usize,
) -> Stmt {
    let first = graph.relation(group[0]);
    let kind = graph.kind_of(first);
    let mut lines = if group.len() == 1 {
        wrap(&relation_label(graph, first, look.lang), EDGE_LABEL_WIDTH)
    } else {
        // Each aspect or dimension once, however many papers word it differently.
        let compared: IndexSet<NodeIndex> = group
            .iter()
            .filter_map(|&edge| {
                graph
                    .relation(edge)
                    .aspect
                    .or(graph.relation(edge).dimension)
            })
            .collect();
        let mut lines = vec![format!(
            "{}{}",
            look.lang.relation_kind(kind),
            look.lang.colon().trim_end()
        )];
        for &ix in &compared {
            lines.extend(wrap(node_label(graph, ix, look.lang), EDGE_LABEL_WIDTH));
        }
        lines
    };
    let mut papers: Vec<&str> = Vec::new();
    for &edge in group {
        for paper in selected.papers_of(graph.relation(edge)) {
            if !papers.contains(&paper) {
                papers.push(paper);
            }
        }
    }
    if look.cite {
        let cites: Vec<&str> = papers.iter().map(|p| graph.cite(p)).collect();
        lines.extend(wrap(&format!("[{}]", cites.join("; ")), EDGE_LABEL_WIDTH));
    }
    let mut attrs: Attrs = vec![("label", lines.join("\n"))];
    let emphasis = if !selected.has_highlights() {
        Emphasis::Normal
    } else if group.iter().any(|e| selected.highlighted_edges.contains(e)) {
        Emphasis::Highlight
    } else {
        Emphasis::Context
    };
    attrs.extend(style::edge_attrs(
        graph.schema(),
        &first.kind,
        look.palette,
        emphasis,
    ));
    if length > 1 {
        attrs.push(("minlen", length.to_string()));
    }
    let mut sources: Vec<String> = Vec::new();
    for &edge in group {
        for source in &graph.relation(edge).sources {
            let line = format!("{}, {}", graph.cite(&source.paper), source.locator);
            if papers.contains(&source.paper.as_str()) && !sources.contains(&line) {
                sources.push(line);
            }
        }
    }
    attrs.push(("tooltip", sources.join("\n")));
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(
            node_vertex(&graph.node(first.from).id),
            node_vertex(&graph.node(first.to).id),
        ),
        attributes: attributes(attrs),
    })
}

pub(crate) fn node_vertex(id: &str) -> Vertex {
    Vertex::N(NodeId(quoted(id), None))
}

pub(crate) fn cluster(id: &str, label: &str, look: &Look, members: Vec<Stmt>) -> Stmt {
    let (line, text) = match look.palette {
        Palette::Colour => ("#c8c8c8", "#555555"),
        Palette::Print => ("#808080", "#000000"),
    };
    let mut stmts = vec![Stmt::GAttribute(GraphAttributes::Graph(attributes(vec![
        ("label", wrap(label, 40).join("\n")),
        ("style", "rounded".into()),
        ("color", line.into()),
        ("fontcolor", text.into()),
        ("fontsize", "12".into()),
        ("margin", "12".into()),
    ])))];
    stmts.extend(members);
    Stmt::Subgraph(Subgraph {
        id: quoted(id),
        stmts,
    })
}

/// For clustering by paper: each node whose selected relations all come from one
/// paper, with that paper. Nodes linked by several papers, or by none, are absent.
fn home_papers<'g>(graph: &'g ConceptGraph, selected: &Selected) -> IndexMap<NodeIndex, &'g str> {
    let mut papers: IndexMap<NodeIndex, IndexSet<&'g str>> = IndexMap::new();
    for &edge in &selected.edges {
        let relation = graph.relation(edge);
        for paper in selected.papers_of(relation) {
            papers.entry(relation.from).or_default().insert(paper);
            papers.entry(relation.to).or_default().insert(paper);
        }
    }
    papers
        .into_iter()
        .filter(|(_, set)| set.len() == 1)
        .map(|(ix, set)| (ix, set[0]))
        .collect()
}

/// A legend of exactly the node kinds and relation kinds drawn, in schema order: one
/// sample node per node kind, and one sample edge per relation kind between two dots.
fn legend(graph: &ConceptGraph, selected: &Selected, look: &Look) -> Stmt {
    let schema = graph.schema();
    let node_kinds: Vec<(&String, &crate::schema::NodeKind)> = schema
        .node_kinds
        .iter()
        .filter(|(name, _)| {
            selected
                .nodes
                .iter()
                .any(|&ix| graph.node(ix).kind == **name)
        })
        .collect();
    let relation_kinds: Vec<(&String, &crate::schema::RelationKind)> = schema
        .relation_kinds
        .iter()
        .filter(|(name, _)| {
            selected
                .edges
                .iter()
                .any(|&e| graph.relation(e).kind == **name)
        })
        .collect();
    let (line, text) = match look.palette {
        Palette::Colour => ("#999999", "#555555"),
        Palette::Print => ("#808080", "#000000"),
    };
    let title = match look.lang {
        Lang::En => "Legend",
        Lang::Zh => "图例",
    };
    let mut stmts = vec![Stmt::GAttribute(GraphAttributes::Graph(attributes(vec![
        ("label", title.into()),
        ("style", "rounded".into()),
        ("color", line.into()),
        ("fontcolor", text.into()),
        ("fontsize", "12".into()),
        ("margin", "12".into()),
    ])))];
    let mut samples: Vec<Stmt> = Vec::new();
    let mut node_row: Vec<String> = Vec::new();
    for (i, (name, kind)) in node_kinds.iter().enumerate() {
        let mut attrs: Attrs = vec![
            ("label", look.lang.node_kind(name, kind).to_string()),
            ("fontsize", "10".into()),
        ];
        attrs.extend(style::node_attrs(kind, look.palette, Emphasis::Normal));
        attrs.push(("tooltip", kind.description.clone()));
        let id = format!("legend_node_{i}");
        samples.push(Stmt::Node(Node::new(
            NodeId(quoted(&id), None),
            attributes(attrs),
        )));
        node_row.push(id);
    }
    let mut edge_row: Vec<String> = Vec::new();
    let mut sample_edges: Vec<Stmt> = Vec::new();
    for (i, (name, kind)) in relation_kinds.iter().enumerate() {
        let (from, to) = (format!("legend_from_{i}"), format!("legend_to_{i}"));
        let words = wrap(look.lang.relation_kind(kind), EDGE_LABEL_WIDTH).join("\n");
        let lr = look.direction() == Rankdir::LeftRight;
        samples.push(legend_point(&from, line));
        let mut attrs: Attrs = Vec::new();
        if lr {
            // Left to right, ranks are columns as wide as the widest node any part of
            // the diagram puts there: the words end the sample line, which then spans
            // one column, not two.
            let colour = style::kind_lines(schema, look.palette)
                .get(name.as_str())
                .map_or_else(|| text.to_string(), |k| k.colour.clone());
            samples.push(Stmt::Node(Node::new(
                NodeId(quoted(&to), None),
                attributes(vec![
                    ("label", words),
                    ("shape", "plaintext".into()),
                    ("fontsize", "10".into()),
                    ("fontcolor", colour),
                    ("margin", "0.02".into()),
                ]),
            )));
        } else {
            samples.push(legend_point(&to, line));
            attrs.extend([("label", words), ("fontsize", "10".into())]);
        }
        attrs.extend(style::edge_attrs(
            schema,
            name,
            look.palette,
            Emphasis::Normal,
        ));
        attrs.push(("tooltip", kind.description.clone()));
        sample_edges.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(node_vertex(&from), node_vertex(&to)),
            attributes: attributes(attrs),
        }));
        edge_row.push(from);
        edge_row.push(to);
    }
    // Top to bottom: rows of sample nodes, then rows of sample edges, each edge within
    // its row's rank. Left to right, where an edge within a rank would run vertically
    // under its label: one column of sample nodes and dots, each dot's sample edge
    // running to its words in the next column.
    let rows: Vec<Vec<String>> = match look.direction() {
        Rankdir::TopBottom => node_row
            .chunks(LEGEND_NODES_PER_ROW)
            .chain(edge_row.chunks(2 * LEGEND_EDGES_PER_ROW))
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
    let mut ordering: Vec<Stmt> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let mut rank = vec![Stmt::Attribute(Attribute(plain("rank"), quoted("same")))];
        rank.extend(
            row.iter()
                .map(|id| Stmt::Node(Node::new(NodeId(quoted(id), None), Vec::new()))),
        );
        stmts.push(Stmt::Subgraph(Subgraph {
            id: quoted(&format!("legend_row_{r}")),
            stmts: rank,
        }));
        // Invisible edges keep each row in reading order (a sample edge orders its own
        // ends), and the rows in sequence. Graphviz orders a left-to-right rank bottom up.
        for pair in row.windows(2) {
            let sample = pair[0].starts_with("legend_from") && pair[1].starts_with("legend_to");
            match look.direction() {
                Rankdir::TopBottom if !sample => ordering.push(invisible(&pair[0], &pair[1])),
                Rankdir::LeftRight => ordering.push(invisible(&pair[1], &pair[0])),
                Rankdir::TopBottom => {}
            }
        }
        let first_edges_row = rows
            .iter()
            .position(|row| row[0].starts_with("legend_from"));
        if r > 0 && !(look.direction() == Rankdir::LeftRight && Some(r) > first_edges_row) {
            ordering.push(invisible(&rows[r - 1][0], &row[0]));
        }
    }
    stmts.extend(samples);
    stmts.extend(ordering);
    stmts.extend(sample_edges);
    Stmt::Subgraph(Subgraph {
        id: quoted("cluster_legend"),
        stmts,
    })
}

/// A dot at one end of a legend's sample edge.
fn legend_point(id: &str, colour: &str) -> Stmt {
    Stmt::Node(Node::new(
        NodeId(quoted(id), None),
        attributes(vec![
            ("label", String::new()),
            ("shape", "point".into()),
            ("width", "0.06".into()),
            ("color", colour.into()),
        ]),
    ))
}

/// Most sample nodes in a row of a top-to-bottom legend.
const LEGEND_NODES_PER_ROW: usize = 3;
/// Most sample edges in a row of a top-to-bottom legend.
const LEGEND_EDGES_PER_ROW: usize = 3;

/// An invisible edge: a layout constraint only.
fn invisible(from: &str, to: &str) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(node_vertex(from), node_vertex(to)),
        attributes: attributes(vec![("style", "invis".into())]),
    })
}

/// Fewest connected parts before they are tiled.
const TILE_FROM: usize = 4;
/// Parts to a line of the tiling are about the square root of this many times the
/// number of parts.
const TILE_SHAPE: usize = 4;

/// Invisible edges that tile many disconnected parts (say, a dozen separate
/// transitions) into a grid near the shape of a slide, where Graphviz would put them
/// all in one long row (or column). Part `i` of line `l > 0` hangs below (or right of)
/// part `i` of line `l - 1`: an edge from a node of the earlier part with nothing going
/// out to a node of the later part with nothing coming in.
fn tiling(graph: &ConceptGraph, selected: &Selected, groups: &[Vec<EdgeIndex>]) -> Vec<Stmt> {
    let parts = components(graph, selected);
    if parts.len() < TILE_FROM {
        return Vec::new();
    }
    // About twice as many parts to a line as there are lines: small parts of a few
    // labelled nodes then fill a wide slide.
    let widest = (parts.len() * TILE_SHAPE).isqrt().max(1);
    // As many lines as the widest line needs, filled evenly.
    let per_line = parts.len().div_ceil(parts.len().div_ceil(widest));
    let mut outgoing: IndexSet<NodeIndex> = IndexSet::new();
    let mut incoming: IndexSet<NodeIndex> = IndexSet::new();
    for group in groups {
        let relation = graph.relation(group[0]);
        outgoing.insert(relation.from);
        incoming.insert(relation.to);
    }
    let mut stmts = Vec::new();
    for (i, part) in parts.iter().enumerate().skip(per_line) {
        let above = &parts[i - per_line];
        let sink = above
            .iter()
            .rev()
            .find(|n| !outgoing.contains(*n))
            .unwrap_or(&above[above.len() - 1]);
        let source = part
            .iter()
            .find(|n| !incoming.contains(*n))
            .unwrap_or(&part[0]);
        stmts.push(invisible(&graph.node(*sink).id, &graph.node(*source).id));
    }
    stmts
}

/// The connected parts of the selection (edges taken both ways), each in data order,
/// ordered by their first node.
fn components(graph: &ConceptGraph, selected: &Selected) -> Vec<Vec<NodeIndex>> {
    let mut neighbours: IndexMap<NodeIndex, Vec<NodeIndex>> = IndexMap::new();
    for &edge in &selected.edges {
        let relation = graph.relation(edge);
        neighbours
            .entry(relation.from)
            .or_default()
            .push(relation.to);
        neighbours
            .entry(relation.to)
            .or_default()
            .push(relation.from);
    }
    let mut seen: IndexSet<NodeIndex> = IndexSet::new();
    let mut parts = Vec::new();
    for &start in &selected.nodes {
        if !seen.insert(start) {
            continue;
        }
        let mut part = vec![start];
        let mut stack = vec![start];
        while let Some(node) = stack.pop() {
            for &next in neighbours.get(&node).into_iter().flatten() {
                if seen.insert(next) {
                    part.push(next);
                    stack.push(next);
                }
            }
        }
        part.sort();
        parts.push(part);
    }
    parts
}

pub(crate) fn attributes(attrs: Attrs) -> Vec<Attribute> {
    attrs
        .into_iter()
        .map(|(name, value)| {
            let value = if name == "tooltip" {
                quoted_tooltip(&value)
            } else {
                quoted(&value)
            };
            Attribute(plain(name), value)
        })
        .collect()
}

/// `text` as a double-quoted DOT string for a `tooltip`, which Graphviz unescapes
/// twice (`\\N` in a tooltip is the node's name): a backslash is written as four.
fn quoted_tooltip(text: &str) -> Id {
    quoted(&text.replace('\\', r"\\"))
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
    out.push('"');
    Id::Escaped(out)
}

/// Wraps `text` into lines at most `width` columns wide (CJK characters count two),
/// breaking between words, between CJK characters, and inside a word only when the
/// word alone is wider than a line. Nothing is dropped: the lines hold every
/// non-blank character of `text`, in order.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let clean: String = text
        .replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\r' | '\n' => '\n',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let options = textwrap::Options::new(width.max(1)).break_words(true);
    textwrap::wrap(&clean, options)
        .into_iter()
        .map(|line| line.trim_end().to_string())
        .collect()
}

/// The width a node label wraps to: wide enough that long labels make boxes about
/// twice as wide as high, never narrower than [`NODE_LABEL_MIN_WIDTH`].
fn node_label_width(text: &str) -> usize {
    (textwrap::core::display_width(text) * 3)
        .isqrt()
        .max(NODE_LABEL_MIN_WIDTH)
}
