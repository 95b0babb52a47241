//! Which colour, line pattern and arrowhead each relation kind is drawn with, chosen
//! so that no two kinds look alike (a legend entry then names exactly one kind) and
//! colour-blind readers can tell them apart (the Okabe-Ito palette).

use indexmap::IndexMap;

use super::style::Palette;
use crate::schema::{RelationKind, Role, Schema};

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
/// Open heads come before filled ones, which at arrow size look alike (a dot beside a
/// diamond); heads with a meaning of their own in the built-in schema (`tee` hinders,
/// `diamond` part of) come last.
const ARROWHEADS: [&str; 12] = [
    "vee", "onormal", "odot", "inv", "obox", "crow", "dot", "box", "normal", "tee", "diamond",
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
    /// the same pattern and arrows. A bold line counts as solid: beside a thick solid
    /// line it reads the same.
    fn looks_like(&self, other: &KindLine, palette: Palette) -> bool {
        match palette {
            Palette::Colour => self.colour == other.colour && self.pattern() == other.pattern(),
            Palette::Print => self.pattern() == other.pattern() && self.arrows() == other.arrows(),
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

    /// Which ends carry which arrowhead.
    fn arrows(&self) -> String {
        if self.dir == "none" {
            "none".to_string()
        } else {
            format!("{}:{}", self.dir, self.arrowhead)
        }
    }

    /// What a reader sees of an edge: colour, pattern and its arrows.
    fn look(&self) -> (String, String, String) {
        (
            self.colour.clone(),
            self.pattern().to_string(),
            self.arrows(),
        )
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
