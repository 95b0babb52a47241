//! A diagram as plain data: nodes, edges, clusters and rank constraints, each with a
//! typed style.
//!
//! Every view (the graph of a selection, the side-by-side comparison, the legend)
//! builds a [`Scene`]; one writer ([`super::writer`]) turns any scene into Graphviz DOT.
//! Views never see DOT syntax or escaping, and the writer knows nothing of the concept
//! graph, so a new view or a new output format is one module.

use super::style::Rankdir;

/// A colour as Graphviz reads it: `#rrggbb` or a colour name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Colour(pub String);

impl Colour {
    /// A colour from its Graphviz spelling.
    pub fn new(value: &str) -> Self {
        Self(value.to_string())
    }
}

/// The pattern of a line (an edge, or a node's outline).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Line {
    /// An unbroken line.
    Solid,
    /// Dashes.
    Dashed,
    /// Dots.
    Dotted,
    /// A thick unbroken line.
    Bold,
    /// Not drawn: the edge only constrains the layout.
    Invisible,
}

impl Line {
    /// The pattern Graphviz calls `name` (`solid`, `dashed`, `dotted`, `bold`, `invis`).
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim() {
            "solid" => Some(Self::Solid),
            "dashed" => Some(Self::Dashed),
            "dotted" => Some(Self::Dotted),
            "bold" => Some(Self::Bold),
            "invis" => Some(Self::Invisible),
            _ => None,
        }
    }

    /// The Graphviz name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Solid => "solid",
            Self::Dashed => "dashed",
            Self::Dotted => "dotted",
            Self::Bold => "bold",
            Self::Invisible => "invis",
        }
    }
}

/// Which ends of an edge carry arrows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Arrows {
    /// At the head (Graphviz's default for a digraph).
    Forward,
    /// At the tail.
    Back,
    /// At both ends.
    Both,
    /// At neither end.
    None,
}

/// How a node is drawn.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NodeStyle {
    /// Graphviz shape (`box`, `ellipse`, `point`, `plaintext`, ...).
    pub shape: String,
    /// Fill colour; `None` leaves the node unfilled.
    pub fill: Option<Colour>,
    /// Outline colour.
    pub line: Option<Colour>,
    /// Label colour.
    pub text: Option<Colour>,
    /// Outline pattern, when not solid.
    pub outline: Option<Line>,
    /// Rounded corners.
    pub rounded: bool,
    /// Further Graphviz node styles a schema asks for (`diagonals`, ...).
    pub extra: Vec<String>,
    /// Outline width.
    pub penwidth: Option<f32>,
    /// Number of outlines (a double box is 2).
    pub peripheries: Option<u8>,
    /// Label size in points, when not the diagram's default.
    pub font_size: Option<u32>,
    /// Width in inches (for points).
    pub width: Option<f32>,
    /// Least height in inches, when not Graphviz's default of half an inch.
    pub height: Option<f32>,
    /// Space around the label (Graphviz `margin`).
    pub margin: Option<String>,
}

/// How an edge is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeStyle {
    /// Line colour.
    pub colour: Option<Colour>,
    /// Label colour.
    pub text: Option<Colour>,
    /// Line pattern.
    pub line: Line,
    /// Line width.
    pub penwidth: Option<f32>,
    /// Head arrow shape (Graphviz name), when not the default.
    pub arrowhead: Option<String>,
    /// Tail arrow shape, when the tail has one.
    pub arrowtail: Option<String>,
    /// Which ends carry arrows.
    pub arrows: Arrows,
    /// Label size in points, when not the diagram's default.
    pub font_size: Option<u32>,
}

impl EdgeStyle {
    /// An edge that is not drawn: a layout constraint only.
    pub fn invisible() -> Self {
        Self {
            colour: None,
            text: None,
            line: Line::Invisible,
            penwidth: None,
            arrowhead: None,
            arrowtail: None,
            arrows: Arrows::Forward,
            font_size: None,
        }
    }
}

/// A node of the scene.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Its id in the scene (a concept's id, or a made-up one such as `legend_from_0`).
    pub id: String,
    /// Its label, line by line (already wrapped).
    pub label: Vec<String>,
    /// Text shown on hover.
    pub tooltip: Option<String>,
    /// How it is drawn.
    pub style: NodeStyle,
}

/// An edge of the scene.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Id of the node it leaves.
    pub from: String,
    /// Id of the node it enters.
    pub to: String,
    /// Its label, line by line (empty: none).
    pub label: Vec<String>,
    /// Text shown on hover.
    pub tooltip: Option<String>,
    /// How it is drawn.
    pub style: EdgeStyle,
    /// Fewest ranks it spans, when more than one.
    pub min_len: Option<usize>,
    /// A cluster whose border the edge ends at, instead of at `to`.
    pub head_cluster: Option<String>,
    /// A cluster whose border the edge starts at, instead of at `from`.
    pub tail_cluster: Option<String>,
}

impl Edge {
    /// An edge from `from` to `to` in `style`, without label, tooltip or constraints.
    pub fn new(from: &str, to: &str, style: EdgeStyle) -> Self {
        Self {
            from: from.into(),
            to: to.into(),
            label: Vec::new(),
            tooltip: None,
            style,
            min_len: None,
            head_cluster: None,
            tail_cluster: None,
        }
    }

    /// An invisible edge: keeps `to` after `from` in the layout.
    pub fn invisible(from: &str, to: &str) -> Self {
        Self::new(from, to, EdgeStyle::invisible())
    }
}

/// A titled box around some items.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Its id; Graphviz draws a box only around ids starting with `cluster`.
    pub id: String,
    /// Its title, line by line.
    pub label: Vec<String>,
    /// Border colour.
    pub line: Colour,
    /// Title colour.
    pub text: Colour,
    /// What it holds.
    pub items: Vec<Item>,
}

/// One thing in a scene or a cluster, drawn in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A node.
    Node(Node),
    /// An edge.
    Edge(Edge),
    /// A box of items.
    Cluster(Cluster),
    /// A table drawn as one node (Graphviz's HTML-like label): a figure for the page.
    Table(Table),
    /// Nodes (by id) kept on one rank: one row top to bottom, one column left to right.
    SameRank {
        /// Id of the constraint's (invisible) subgraph.
        id: String,
        /// The nodes.
        nodes: Vec<String>,
    },
}

/// A table drawn as one node: rows of cells, each cell's text already wrapped, set in
/// one font at sizes in points. Graphviz lays it out at 72 points to the inch, so the
/// sizes here are the sizes on the page when the image is printed at its own size.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Its node id.
    pub id: String,
    /// The font family every cell is set in; empty for the diagram's own.
    pub font: String,
    /// The text size of a cell that names none, in points.
    pub font_size: f32,
    /// The rows, top to bottom.
    pub rows: Vec<TableRow>,
}

/// One row of a [`Table`].
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// Its cells, left to right.
    pub cells: Vec<Cell>,
    /// Whether a rule (one point wide) is drawn above the row.
    pub rule_above: bool,
}

/// How a cell's text is placed across it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Centre,
}

/// One cell of a [`TableRow`].
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Its text, line by line (already wrapped); empty for an empty cell.
    pub lines: Vec<String>,
    /// How many columns it spans.
    pub span: u16,
    /// Placement of its text.
    pub align: Align,
    /// Bold text.
    pub bold: bool,
    /// Italic text.
    pub italic: bool,
    /// Text colour, when not black.
    pub colour: Option<Colour>,
    /// Background colour, when not the table's.
    pub fill: Option<Colour>,
    /// Text size in points, when not the table's.
    pub size: Option<f32>,
    /// Least width in points (Graphviz widens a cell to fit its text).
    pub width: Option<u32>,
    /// A line drawn along the cell's bottom side: a legend's sample of an edge.
    pub underline: Option<Underline>,
}

/// A line along a cell's bottom side, drawn as an edge of a kind is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Underline {
    /// Its colour.
    pub colour: Colour,
    /// Its pattern (a cell's border is solid, dashed or dotted; bold is drawn wider).
    pub line: Line,
    /// Its width in whole points (Graphviz's cell borders are whole points).
    pub weight: u8,
}

impl Cell {
    /// A flush-left cell of `lines` in the table's size and colour, one column wide.
    pub fn text(lines: Vec<String>) -> Self {
        Self {
            lines,
            span: 1,
            align: Align::Left,
            bold: false,
            italic: false,
            colour: None,
            fill: None,
            size: None,
            width: None,
            underline: None,
        }
    }
}

/// Text drawn with the diagram as a whole (Graphviz's graph label).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Heading {
    /// None.
    #[default]
    None,
    /// A title above the diagram, line by line, centred.
    Title(Vec<String>),
    /// A caption under the diagram, line by line, each line flush left (a teaching
    /// figure's step, sentence and source).
    Caption(Vec<String>),
}

/// How Graphviz places the nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Ranks along `rankdir` (Graphviz's `dot`): every diagram linkage draws.
    #[default]
    Layered,
    /// Force-directed without overlaps (Graphviz's `sfdp`): about as wide as high, for
    /// the explorer's whole graph, which layered is thousands of points wide. The
    /// drawing is turned `rotation` degrees counter-clockwise before overlaps are
    /// removed (Graphviz's `rotation`), so the boxes stay upright and apart.
    ForceDirected {
        /// Degrees counter-clockwise; 0 leaves sfdp's drawing as it is.
        rotation: i16,
    },
}

/// A whole diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Layout direction.
    pub rankdir: Rankdir,
    /// How the nodes are placed.
    pub layout: Layout,
    /// A title or a caption.
    pub heading: Heading,
    /// Its items, in drawing order.
    pub items: Vec<Item>,
}
