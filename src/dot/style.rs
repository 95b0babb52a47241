//! How a diagram looks: the user's choices ([`Look`]) and the schema's style hints
//! turned into Graphviz attributes, in colour for screens or greyscale for print.

use clap::ValueEnum;
use indexmap::IndexMap;

use crate::schema::{NodeKind, RelationKind, Role, Schema};

/// Colour or greyscale.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Palette {
    /// Colours from the schema's style hints, for screens and slides.
    #[default]
    #[value(alias = "color")]
    Colour,
    /// Greyscale for journals: line styles and labels carry the meaning.
    Print,
}

/// Direction of the layout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Rankdir {
    /// Top to bottom.
    #[default]
    #[value(name = "TB", alias = "tb")]
    TopBottom,
    /// Left to right.
    #[value(name = "LR", alias = "lr")]
    LeftRight,
}

impl Rankdir {
    /// The Graphviz value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TopBottom => "TB",
            Self::LeftRight => "LR",
        }
    }
}

/// Language of node labels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// English labels.
    #[default]
    En,
    /// Chinese labels (`label_zh`) where the data has them, English otherwise.
    Zh,
}

/// How nodes are grouped into boxes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Clustering {
    /// No boxes.
    #[default]
    #[value(name = "none")]
    Flat,
    /// One box per node kind.
    Kind,
    /// One box per paper, holding the nodes only that paper links; shared nodes stay outside.
    Paper,
}

/// Everything about a diagram's appearance that is not the selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Look {
    /// Colour or print.
    pub palette: Palette,
    /// Layout direction; by default top to bottom, and left to right for comparisons.
    pub rankdir: Option<Rankdir>,
    /// Label language.
    pub lang: Lang,
    /// Grouping of nodes.
    pub cluster: Clustering,
    /// Whether to draw a legend of the kinds shown.
    pub legend: bool,
    /// Whether edge labels name the papers asserting the relation.
    pub cite: bool,
    /// A title drawn above the diagram.
    pub title: Option<String>,
    /// In a comparison, each side's position on every dimension, in the papers' words.
    pub positions: bool,
}

impl Look {
    /// The layout direction in force.
    pub fn direction(&self) -> Rankdir {
        self.rankdir.unwrap_or_default()
    }
}

impl Lang {
    /// A relation kind's phrase in this language (English where the schema has no
    /// Chinese).
    pub fn relation_kind(self, kind: &RelationKind) -> &str {
        match self {
            Self::Zh => kind.label_zh.as_deref().unwrap_or(&kind.label),
            Self::En => &kind.label,
        }
    }

    /// A node kind's name in this language (its schema name where there is no Chinese).
    pub fn node_kind<'k>(self, name: &'k str, kind: &'k NodeKind) -> &'k str {
        match self {
            Self::Zh => kind.label_zh.as_deref().unwrap_or(name),
            Self::En => name,
        }
    }

    /// What separates a comparison's phrase from what it compares.
    pub fn colon(self) -> &'static str {
        match self {
            Self::Zh => "：",
            Self::En => ": ",
        }
    }
}

/// How strongly an item is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Emphasis {
    /// As the style hints say.
    Normal,
    /// Stressed: part of a path or comparison.
    Highlight,
    /// Faded: shown only as the context of highlighted items.
    Context,
}

/// Graphviz attributes as (name, value); values are quoted when printed.
pub(crate) type Attrs = Vec<(&'static str, String)>;

/// Font for every label. Pango falls back to a CJK font (Noto Sans CJK) for Chinese.
pub(crate) const FONT: &str = "Helvetica";
/// Text colour of node labels.
const INK: &str = "#1a1a1a";
/// Line and text colour of faded context items.
const FADED_LINE: &str = "#b8b8b8";
const FADED_TEXT: &str = "#8c8c8c";
const FADED_FILL: &str = "#f7f7f7";

/// Attributes drawing a node of `kind`.
pub(crate) fn node_attrs(kind: &NodeKind, palette: Palette, emphasis: Emphasis) -> Attrs {
    let hints = &kind.style;
    let mut styles = vec!["filled".to_string()];
    if let Some(style) = &hints.style {
        styles.extend(
            style
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty() && s != "filled"),
        );
    }
    let (fill, line, text) = match palette {
        Palette::Colour => (
            hints.fill.as_deref().unwrap_or("#ffffff"),
            hints.line.as_deref().unwrap_or("#444444"),
            INK,
        ),
        Palette::Print => (
            hints.print_fill.as_deref().unwrap_or("#ffffff"),
            "#000000",
            "#000000",
        ),
    };
    let (fill, line, text) = match emphasis {
        Emphasis::Context => (FADED_FILL, FADED_LINE, FADED_TEXT),
        _ => (fill, line, text),
    };
    let mut attrs: Attrs = vec![
        ("shape", hints.shape.clone().unwrap_or_else(|| "box".into())),
        ("style", styles.join(",")),
        ("fillcolor", fill.into()),
        ("color", line.into()),
        ("fontcolor", text.into()),
    ];
    if let Some(peripheries) = hints.peripheries {
        attrs.push(("peripheries", peripheries.to_string()));
    }
    if emphasis == Emphasis::Highlight {
        attrs.push(("penwidth", "3".into()));
    }
    attrs
}

/// The Okabe-Ito palette, which readers with any common colour-vision deficiency tell
/// apart, in the order kinds without a colour hint take it. Its yellow is left out: it
/// vanishes on white.
pub(crate) const OKABE_ITO: [&str; 7] = [
    "#0072B2", // blue
    "#D55E00", // vermillion
    "#009E73", // bluish green
    "#CC79A7", // reddish purple
    "#E69F00", // orange
    "#56B4E9", // sky blue
    "#000000", // black
];

/// Line patterns, in the order a kind whose hinted pattern is taken tries them. `bold`
/// may be hinted but is not tried: beside a thick solid line it reads as the same.
const LINES: [&str; 3] = ["solid", "dashed", "dotted"];

/// Arrowheads a kind tries, after every colour and line pattern is taken.
/// Heads with a meaning of their own in the built-in schema (`tee` hinders, `diamond`
/// part of) come last.
const ARROWHEADS: [&str; 12] = [
    "vee", "dot", "odot", "box", "obox", "inv", "onormal", "crow", "normal", "tee", "diamond",
    "odiamond",
];

/// How one relation kind's edges are drawn, before emphasis.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct KindLine {
    /// Line colour.
    pub colour: String,
    /// Line pattern: `solid`, `dashed`, `dotted` or `bold`.
    pub line: String,
    /// Line width.
    pub penwidth: f32,
    /// Arrowhead (Graphviz name).
    pub arrowhead: String,
    /// Which ends carry arrows: `forward`, `back`, `both` or `none`.
    pub dir: String,
}

impl KindLine {
    /// Whether a reader could take `other` for this in a legend: in colour, the same
    /// colour and pattern (whatever the arrows); in print, where every line is black,
    /// the same pattern and arrows.
    fn looks_like(&self, other: &KindLine, palette: Palette) -> bool {
        match palette {
            Palette::Colour => self.colour == other.colour && self.pattern() == other.pattern(),
            Palette::Print => self.look() == other.look(),
        }
    }

    /// The dash pattern: bold is a solid line.
    fn pattern(&self) -> &str {
        if self.line == "bold" {
            "solid"
        } else {
            &self.line
        }
    }

    /// What a reader sees of an edge: colour, pattern and its arrows.
    fn look(&self) -> (String, String, String) {
        let arrows = if self.dir == "none" {
            "none".to_string()
        } else {
            format!("{}:{}", self.dir, self.arrowhead)
        };
        (self.colour.clone(), self.line.clone(), arrows)
    }
}

/// How each relation kind of `schema` is drawn in `palette`, such that no two kinds look
/// alike: a legend entry then identifies exactly one kind.
///
/// In colour, each kind takes the Okabe-Ito colour nearest its schema hint that no
/// other kind has taken, with its hinted line pattern; once every colour is taken, the
/// nearest colour whose combination with some line pattern is still free. In print
/// every line is black: a kind keeps its hinted pattern and arrowhead unless an earlier
/// kind looks the same, and then tries the other patterns, then other arrowheads.
/// Comparison kinds (common ground, differences) choose first, so they keep their
/// hinted colours; the rest choose in schema order. Deterministic for a schema.
pub(crate) fn kind_lines(schema: &Schema, palette: Palette) -> IndexMap<String, KindLine> {
    let mut order: Vec<(&String, &RelationKind)> = schema.relation_kinds.iter().collect();
    order.sort_by_key(|(_, kind)| kind.role == Role::Ordinary);
    let mut taken: Vec<KindLine> = Vec::new();
    let mut chosen: IndexMap<String, KindLine> = IndexMap::new();
    for (name, kind) in order {
        let hints = &kind.style;
        let hinted_line = match palette {
            Palette::Colour => hints.style.as_deref(),
            Palette::Print => hints.print_style.as_deref().or(hints.style.as_deref()),
        }
        .filter(|line| LINES.contains(line) || *line == "bold")
        .unwrap_or("solid");
        let dir = hints
            .dir
            .clone()
            .unwrap_or_else(|| if kind.symmetric { "none" } else { "forward" }.into());
        let base = KindLine {
            colour: "#000000".into(),
            line: hinted_line.into(),
            penwidth: hints.penwidth.unwrap_or(1.0),
            arrowhead: hints.arrowhead.clone().unwrap_or_else(|| "normal".into()),
            dir,
        };
        let colours: Vec<&str> = match palette {
            Palette::Colour => by_nearness(hints.color.as_deref()),
            Palette::Print => vec!["#000000"],
        };
        let mut lines = vec![hinted_line];
        lines.extend(LINES.iter().copied().filter(|l| *l != hinted_line));
        let with = |colour: &str, line: &str, arrowhead: Option<&str>| {
            let mut candidate = KindLine {
                colour: colour.into(),
                line: line.into(),
                ..base.clone()
            };
            if let Some(head) = arrowhead {
                candidate.arrowhead = head.into();
                if candidate.dir == "none" {
                    candidate.dir = "both".into();
                }
            }
            candidate
        };
        let mut candidates: Vec<KindLine> = Vec::new();
        if palette == Palette::Colour {
            if let Some(colour) = colours
                .iter()
                .find(|colour| !taken.iter().any(|t| t.colour == **colour))
            {
                candidates.push(with(colour, hinted_line, None));
            }
        }
        for colour in &colours {
            for line in &lines {
                candidates.push(with(colour, line, None));
            }
        }
        for head in ARROWHEADS {
            for colour in &colours {
                for line in &lines {
                    candidates.push(with(colour, line, Some(head)));
                }
            }
        }
        let mut pick = None;
        for candidate in candidates {
            let changed_arrows = candidate.arrowhead != base.arrowhead || candidate.dir != base.dir;
            let clash = |t: &KindLine| {
                if changed_arrows {
                    t.look() == candidate.look()
                } else {
                    t.looks_like(&candidate, palette)
                }
            };
            if !taken.iter().any(clash) {
                pick = Some(candidate);
                break;
            }
        }
        // More kinds than looks (several hundred): the last look is shared.
        let pick = pick.unwrap_or(base);
        taken.push(pick.clone());
        chosen.insert(name.clone(), pick);
    }
    chosen.sort_by(|a, _, b, _| {
        schema
            .relation_kinds
            .get_index_of(a)
            .cmp(&schema.relation_kinds.get_index_of(b))
    });
    chosen
}

/// The palette's colours, nearest to `hint` (a `#rrggbb` colour) first; in palette
/// order without a readable hint.
fn by_nearness(hint: Option<&str>) -> Vec<&'static str> {
    let mut colours = OKABE_ITO.to_vec();
    if let Some(target) = hint.and_then(rgb) {
        colours.sort_by_key(|colour| {
            let c = rgb(colour).unwrap_or_default();
            (0..3)
                .map(|i| (i32::from(c[i]) - i32::from(target[i])).pow(2))
                .sum::<i32>()
        });
    }
    colours
}

/// `#rrggbb` as its three channels.
fn rgb(hex: &str) -> Option<[u8; 3]> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// Attributes drawing a relation of kind `name` of `schema`.
pub(crate) fn edge_attrs(
    schema: &Schema,
    name: &str,
    palette: Palette,
    emphasis: Emphasis,
) -> Attrs {
    let lines = kind_lines(schema, palette);
    let Some(kind) = lines.get(name) else {
        return vec![("color", "#555555".into())];
    };
    let mut penwidth = kind.penwidth;
    let color = match emphasis {
        Emphasis::Context => FADED_LINE.to_string(),
        Emphasis::Highlight => {
            penwidth = (penwidth * 2.0).max(3.0);
            kind.colour.clone()
        }
        Emphasis::Normal => kind.colour.clone(),
    };
    let fontcolor = if emphasis == Emphasis::Context {
        FADED_TEXT.to_string()
    } else {
        color.clone()
    };
    let mut attrs: Attrs = vec![
        ("color", color),
        ("fontcolor", fontcolor),
        ("style", kind.line.clone()),
        ("penwidth", penwidth.to_string()),
    ];
    if kind.arrowhead != "normal" {
        attrs.push(("arrowhead", kind.arrowhead.clone()));
        if kind.dir == "both" {
            attrs.push(("arrowtail", kind.arrowhead.clone()));
        }
    }
    if kind.dir != "forward" {
        attrs.push(("dir", kind.dir.clone()));
    }
    attrs
}
