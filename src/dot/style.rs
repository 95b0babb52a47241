//! How a diagram should look, as the user chose it ([`Look`]): palette, direction,
//! language, clustering, legend, citations, title.

use crate::schema::{NodeKind, RelationKind};

/// Colour or greyscale.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Palette {
    /// Colours from the schema's style hints, for screens and slides.
    #[default]
    #[cfg_attr(feature = "cli", value(alias = "color"))]
    Colour,
    /// Greyscale for journals: line styles and labels carry the meaning.
    Print,
}

/// Direction of the layout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Rankdir {
    /// Top to bottom.
    #[default]
    #[cfg_attr(feature = "cli", value(name = "TB", alias = "tb"))]
    TopBottom,
    /// Left to right.
    #[cfg_attr(feature = "cli", value(name = "LR", alias = "lr"))]
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Lang {
    /// English labels.
    #[default]
    En,
    /// Chinese labels (`label_zh`) where the data has them, English otherwise.
    Zh,
}

/// How nodes are grouped into boxes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Clustering {
    /// No boxes.
    #[default]
    #[cfg_attr(feature = "cli", value(name = "none"))]
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
