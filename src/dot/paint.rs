//! The schema's style hints turned into typed node and edge styles for one diagram,
//! in colour for screens or greyscale for print, stressed or faded as the selection
//! asks.

use indexmap::IndexMap;

use super::{
    palette::{kind_lines, KindLine},
    scene::{Arrows, Colour, EdgeStyle, Line, NodeStyle},
    style::Palette,
};
use crate::schema::{NodeKind, Schema};

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

/// Text colour of node labels.
pub(crate) const INK: &str = "#1a1a1a";
/// Line and text colour of faded context items.
const FADED_LINE: &str = "#b8b8b8";
const FADED_TEXT: &str = "#8c8c8c";
const FADED_FILL: &str = "#f7f7f7";

/// Draws nodes and edges for one diagram: the schema's style hints in one palette,
/// with each relation kind's look chosen once ([`kind_lines`]).
pub(crate) struct Painter {
    palette: Palette,
    kinds: IndexMap<String, KindLine>,
}

impl Painter {
    /// The painter for `schema` in `palette`.
    pub(crate) fn new(schema: &Schema, palette: Palette) -> Self {
        Self {
            palette,
            kinds: kind_lines(schema, palette),
        }
    }

    /// How a node of `kind` is drawn.
    pub(crate) fn node(&self, kind: &NodeKind, emphasis: Emphasis) -> NodeStyle {
        let hints = &kind.style;
        let words: Vec<&str> = hints
            .style
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty() && *s != "filled")
            .collect();
        let (fill, line, text) = match self.palette {
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
        NodeStyle {
            shape: hints.shape.clone().unwrap_or_else(|| "box".into()),
            fill: Some(Colour::new(fill)),
            line: Some(Colour::new(line)),
            text: Some(Colour::new(text)),
            outline: words.iter().find_map(|w| Line::parse(w)),
            rounded: words.contains(&"rounded"),
            extra: words
                .iter()
                .filter(|w| Line::parse(w).is_none() && **w != "rounded")
                .map(|w| (*w).to_string())
                .collect(),
            penwidth: (emphasis == Emphasis::Highlight).then_some(3.0),
            peripheries: hints.peripheries,
            ..NodeStyle::default()
        }
    }

    /// How an edge of the relation kind `name` is drawn.
    pub(crate) fn edge(&self, name: &str, emphasis: Emphasis) -> EdgeStyle {
        let Some(kind) = self.kinds.get(name) else {
            return EdgeStyle {
                colour: Some(Colour::new("#555555")),
                ..EdgeStyle::invisible()
            };
        };
        let mut penwidth = kind.penwidth;
        let colour = match emphasis {
            Emphasis::Context => FADED_LINE.to_string(),
            Emphasis::Highlight => {
                penwidth = (penwidth * 2.0).max(3.0);
                kind.colour.clone()
            }
            Emphasis::Normal => kind.colour.clone(),
        };
        let text = if emphasis == Emphasis::Context {
            FADED_TEXT.to_string()
        } else {
            colour.clone()
        };
        let head = (kind.arrowhead != "normal").then(|| kind.arrowhead.clone());
        EdgeStyle {
            colour: Some(Colour(colour)),
            text: Some(Colour(text)),
            line: Line::parse(&kind.line).unwrap_or(Line::Solid),
            penwidth: Some(penwidth),
            arrowtail: head.clone().filter(|_| kind.dir == "both"),
            arrowhead: head,
            arrows: match kind.dir.as_str() {
                "none" => Arrows::None,
                "both" => Arrows::Both,
                "back" => Arrows::Back,
                _ => Arrows::Forward,
            },
            font_size: None,
        }
    }

    /// The line colour of relation kind `name` (black when unknown).
    pub(crate) fn kind_colour(&self, name: &str) -> Colour {
        Colour::new(
            self.kinds
                .get(name)
                .map_or("#000000", |k| k.colour.as_str()),
        )
    }

    /// Border and title colours of a cluster.
    pub(crate) fn frame(&self) -> (Colour, Colour) {
        match self.palette {
            Palette::Colour => (Colour::new("#c8c8c8"), Colour::new("#555555")),
            Palette::Print => (Colour::new("#808080"), Colour::new("#000000")),
        }
    }

    /// Border and title colours of the legend, and the colour of its sample dots.
    pub(crate) fn legend_frame(&self) -> (Colour, Colour) {
        match self.palette {
            Palette::Colour => (Colour::new("#999999"), Colour::new("#555555")),
            Palette::Print => (Colour::new("#808080"), Colour::new("#000000")),
        }
    }

    /// The palette in use.
    pub(crate) fn palette(&self) -> Palette {
        self.palette
    }
}
