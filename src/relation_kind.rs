//! A kind of relation as the schema declares it: its ends, its role in comparisons,
//! its polarity and its logic (`inverse`, `implies`, `opposes`), its sentence and its
//! style. Below both the schema, which holds the kinds, and the logic (src/logic),
//! which compiles them; `schema` re-exports these types, where the API names them.

use serde::{Deserialize, Serialize};

use crate::symbol::Symbol;

/// A kind of relation, such as `premise-of` or `differs`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationKind {
    /// Short phrase used on edges and in chains ("premise of").
    pub label: String,
    /// The phrase in Chinese, for diagrams drawn with `--lang zh`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_zh: Option<String>,
    /// What the relation means.
    #[serde(default)]
    pub description: String,
    /// Heading under which `linkage paper` outlines claims of this kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Node kinds allowed at the source; `*` allows any.
    pub from: Vec<Symbol>,
    /// Node kinds allowed at the target; `*` allows any.
    pub to: Vec<Symbol>,
    /// Whether the relation reads the same in both directions.
    #[serde(default)]
    pub symmetric: bool,
    /// Whether the relation is common ground, a difference, or ordinary.
    #[serde(default)]
    pub role: Role,
    /// What the relation says of the worth of its ends: one end supports the other, or
    /// one is a problem for or of the other. Two papers casting one concept as an asset
    /// and as a liability disagree in valence (`contested`).
    #[serde(default)]
    pub polarity: Polarity,
    /// The kind that says the same thing read from the other end: `A premise-of B` is
    /// `B relies-on A`. Declared on either kind of the pair or on both; the two must
    /// allow mirrored node kinds and carry mirrored polarities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inverse: Option<String>,
    /// Weaker kinds every claim of this kind also makes, between the same ends in the
    /// same direction (`drives` implies `relates-to`). Each must allow at least the
    /// node kinds this one allows; implication may not run in a circle.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implies: Vec<String>,
    /// Kinds that cannot hold between the same ends in the same direction as a claim
    /// of this kind (`hinders` opposes `serves`): two papers making such claims
    /// contradict each other. Opposition is mutual; declare it on either kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opposes: Vec<String>,
    /// Sentence for explanations, with `{from}`, `{to}`, `{aspect}`, `{dimension}`,
    /// `{from_position}` and `{to_position}` placeholders.
    pub template: String,
    /// The sentence in Chinese, with the same placeholders, for `--lang zh`; without
    /// it a Chinese sentence is the English template filled with Chinese names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_zh: Option<String>,
    /// Hints for diagrams.
    #[serde(default)]
    pub style: EdgeStyle,
    /// Phrases that say this relation holds, with `{from}` and `{to}` slots (`{from...}`
    /// for a list), for `linkage suggest` (src/cue.rs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<String>,
}

/// What a relation kind says of the worth of its ends.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Polarity {
    /// Nothing about worth (part of, transition to, differs ...).
    #[default]
    Neutral,
    /// `from` is an asset for `to`: its foundation, support, driver or model.
    Supports,
    /// `to` is an asset for `from` (relies on, grounded in).
    SupportedBy,
    /// `from` is an obstacle to `to`.
    Hinders,
    /// `from` is a problem or shortcoming of `to`: `to` is cast as a liability.
    Faults,
}

impl Polarity {
    /// The end cast as an asset (`Some(true)` for `from`, `Some(false)` for `to`).
    pub fn asset_end(self) -> Option<bool> {
        match self {
            Self::Supports => Some(true),
            Self::SupportedBy => Some(false),
            _ => None,
        }
    }

    /// The end cast as a liability: an obstacle, or the concept a problem belongs to.
    pub fn liability_end(self) -> Option<bool> {
        match self {
            Self::Hinders => Some(true),
            Self::Faults => Some(false),
            _ => None,
        }
    }

    /// The polarity of the same claim read from the other end (an inverse kind's):
    /// `supports` and `supported-by` mirror each other, `neutral` itself; an obstacle or
    /// a fault has no mirror among the polarities.
    pub fn mirrored(self) -> Option<Self> {
        match self {
            Self::Neutral => Some(Self::Neutral),
            Self::Supports => Some(Self::SupportedBy),
            Self::SupportedBy => Some(Self::Supports),
            Self::Hinders | Self::Faults => None,
        }
    }
}

/// The part a relation kind plays in comparisons.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// An ordinary relation.
    #[default]
    Ordinary,
    /// Two nodes agree in an aspect; such relations carry an `aspect`.
    CommonGround,
    /// Two nodes differ along a dimension; such relations carry a `dimension` and positions.
    Difference,
}

/// How a relation kind is drawn; every field is a Graphviz attribute value.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EdgeStyle {
    /// Line colour in colour diagrams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Line style in colour diagrams (`solid`, `dashed`, `dotted`, `bold`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<String>,
    /// Line width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penwidth: Option<f32>,
    /// Arrow head shape.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrowhead: Option<String>,
    /// Edge direction (`forward`, `both`, `none`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dir: Option<String>,
    /// Line style in greyscale (print) diagrams, where the style alone carries meaning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub print_style: Option<String>,
}

impl RelationKind {
    /// Whether a node of kind `kind` may stand at the source end.
    pub fn allows_from(&self, kind: Symbol) -> bool {
        allows(&self.from, kind)
    }

    /// Whether a node of kind `kind` may stand at the target end.
    pub fn allows_to(&self, kind: Symbol) -> bool {
        allows(&self.to, kind)
    }
}

/// Symbols compare by identity: checking a million relation ends is a million pointer
/// comparisons, not string comparisons.
fn allows(kinds: &[Symbol], kind: Symbol) -> bool {
    kinds
        .iter()
        .any(|&allowed| allowed == kind || allowed.as_str() == "*")
}
