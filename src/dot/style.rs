//! How a diagram looks: the user's choices ([`Look`]) and the schema's style hints
//! turned into Graphviz attributes, in colour for screens or greyscale for print.

use clap::ValueEnum;

use crate::schema::{NodeKind, RelationKind};

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

/// Attributes drawing a relation of `kind`.
pub(crate) fn edge_attrs(kind: &RelationKind, palette: Palette, emphasis: Emphasis) -> Attrs {
    let hints = &kind.style;
    let (color, style) = match palette {
        Palette::Colour => (
            hints.color.clone().unwrap_or_else(|| "#555555".into()),
            hints.style.clone().unwrap_or_else(|| "solid".into()),
        ),
        Palette::Print => (
            "#000000".to_string(),
            hints
                .print_style
                .clone()
                .or_else(|| hints.style.clone())
                .unwrap_or_else(|| "solid".into()),
        ),
    };
    let mut penwidth = hints.penwidth.unwrap_or(1.0);
    let color = match emphasis {
        Emphasis::Context => FADED_LINE.to_string(),
        Emphasis::Highlight => {
            penwidth = (penwidth * 2.0).max(3.0);
            color
        }
        Emphasis::Normal => color,
    };
    let fontcolor = if emphasis == Emphasis::Context {
        FADED_TEXT.to_string()
    } else {
        color.clone()
    };
    let mut attrs: Attrs = vec![
        ("color", color),
        ("fontcolor", fontcolor),
        ("style", style),
        ("penwidth", penwidth.to_string()),
    ];
    if let Some(arrowhead) = &hints.arrowhead {
        attrs.push(("arrowhead", arrowhead.clone()));
    }
    // A symmetric relation reads the same both ways: no arrow unless the schema asks.
    if let Some(dir) = hints
        .dir
        .clone()
        .or_else(|| kind.symmetric.then(|| "none".to_string()))
    {
        attrs.push(("dir", dir));
    }
    attrs
}
