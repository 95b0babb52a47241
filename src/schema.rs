//! The schema: which node kinds and relation kinds exist, declared as data.
//!
//! The schema is read from `schema.json` rather than written as Rust enums so that a
//! scholar can add kinds for their own papers without recompiling.

use std::sync::OnceLock;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

pub use crate::relation_kind::{EdgeStyle, Polarity, RelationKind, Role};
use crate::{error::Error, logic::Logic, spelling::closest};

/// The node kinds and relation kinds a dataset may use, in declaration order.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schema {
    /// Node kinds by name.
    pub node_kinds: IndexMap<String, NodeKind>,
    /// Relation kinds by name.
    pub relation_kinds: IndexMap<String, RelationKind>,
    /// Properties a fact may state, by name.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub properties: IndexMap<String, Property>,
    /// The logic of the relation kinds, compiled from their `inverse`, `implies` and
    /// `opposes` when first asked for ([`Schema::logic`]).
    #[serde(skip)]
    logic: OnceLock<Logic>,
}

/// A property a fact states about a concept, such as `proposed-in` or `classified-as`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Property {
    /// How the property reads after the concept's name ("was first put forward in").
    pub label: String,
    /// The same in Chinese, read after the concept's Chinese name and before the value
    /// ("最早提出于"), for `--lang zh`; without it a Chinese sentence uses `label`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_zh: Option<String>,
    /// What the property means.
    #[serde(default)]
    pub description: String,
    /// The type of value it takes.
    pub value: crate::fact::ValueType,
    /// Whether it classifies its subject (a goal or a measure; a view criticised or
    /// argued): two papers giving different values then classify the concept
    /// differently, rather than disagree over a value.
    #[serde(default)]
    pub classifies: bool,
}

/// A kind of node, such as `strategy` or `goal`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeKind {
    /// The kind's name in Chinese, for diagrams drawn with `--lang zh`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_zh: Option<String>,
    /// What nodes of this kind stand for.
    #[serde(default)]
    pub description: String,
    /// Hints for diagrams.
    #[serde(default)]
    pub style: NodeStyle,
}

/// How a node kind is drawn; every field is a Graphviz attribute value.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeStyle {
    /// Graphviz shape (`box`, `ellipse`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<String>,
    /// Fill colour in colour diagrams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fill: Option<String>,
    /// Outline and text colour in colour diagrams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<String>,
    /// Fill in greyscale (print) diagrams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub print_fill: Option<String>,
    /// Number of outlines (2 draws a double border).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peripheries: Option<u8>,
    /// Graphviz node style (`dashed`, `rounded`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<String>,
}

fn require<'s>(
    kinds: &[String],
    what: &str,
    known: impl Iterator<Item = &'s String> + Clone,
) -> Result<(), Error> {
    let Some(unknown) = kinds.iter().find(|k| !known.clone().any(|n| n == *k)) else {
        return Ok(());
    };
    let near = closest(unknown, known.clone().map(String::as_str), 3);
    let all: Vec<&str> = known.map(String::as_str).collect();
    let suggestion = if near.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", near.join(", "))
    };
    Err(Error::Usage(format!(
        "unknown {what} `{unknown}`{suggestion}; {what}s: {}",
        all.join(", ")
    )))
}

impl Property {
    /// How the property reads in `lang`: `label_zh` in Chinese where the schema gives
    /// it, else `label`.
    pub fn label_in(&self, lang: crate::dot::Lang) -> &str {
        match lang {
            crate::dot::Lang::Zh => self.label_zh.as_deref().unwrap_or(&self.label),
            crate::dot::Lang::En => &self.label,
        }
    }
}

impl Schema {
    /// Checks names of node kinds typed by a user (`--kind`).
    ///
    /// # Errors
    /// [`Error::Usage`] for the first unknown kind, with suggestions and the known kinds.
    pub fn require_node_kinds(&self, kinds: &[String]) -> Result<(), Error> {
        require(kinds, "node kind", self.node_kinds.keys())
    }

    /// Checks names of relation kinds typed by a user (`--via`).
    ///
    /// # Errors
    /// [`Error::Usage`] for the first unknown kind, with suggestions and the known kinds.
    pub fn require_relation_kinds(&self, kinds: &[String]) -> Result<(), Error> {
        require(kinds, "relation kind", self.relation_kinds.keys())
    }

    /// The schema shipped with linkage (`data/schema.json`).
    pub fn builtin_text() -> &'static str {
        // Cannot fail: build.rs embeds every data/*.json, and data/schema.json is one.
        crate::embedded::file("schema.json").expect("data/schema.json is embedded")
    }

    /// The logic of the relation kinds: which claims agree, imply or oppose each other
    /// (src/logic). Compiled on first use from a schema whose [`Schema::problems`] are
    /// none.
    pub fn logic(&self) -> &Logic {
        self.logic.get_or_init(|| Logic::new(&self.relation_kinds))
    }

    /// Problems in the schema itself: relation kinds naming node kinds that do not
    /// exist, templates with unknown placeholders, cues that cannot be read, a property
    /// wording (`label`, `label_zh`) that is empty or holds a placeholder, and a logic of
    /// relation kinds that does not hold together (`crate::logic::check`). Each is
    /// (pointer, message).
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        for (name, kind) in &self.relation_kinds {
            for (end, kinds) in [("from", &kind.from), ("to", &kind.to)] {
                for (i, node_kind) in kinds.iter().enumerate() {
                    if node_kind != "*" && !self.node_kinds.contains_key(node_kind.as_str()) {
                        let near =
                            closest(node_kind, self.node_kinds.keys().map(String::as_str), 3);
                        let suggestion = if near.is_empty() {
                            String::new()
                        } else {
                            format!(" (did you mean `{}`?)", near.join("`, `"))
                        };
                        problems.push((
                            format!("/relation_kinds/{name}/{end}/{i}"),
                            format!(
                                "relation kind `{name}` allows unknown node kind `{node_kind}`{suggestion}"
                            ),
                        ));
                    }
                }
            }
            for (i, cue) in kind.cues.iter().enumerate() {
                if let Err(why) = crate::cue::Cue::parse(cue) {
                    problems.push((
                        format!("/relation_kinds/{name}/cues/{i}"),
                        format!("cue \"{cue}\" of `{name}`: {why}"),
                    ));
                }
            }
            let templates = [
                ("template", Some(&kind.template)),
                ("template_zh", kind.template_zh.as_ref()),
            ];
            for (field, template) in templates {
                for placeholder in template.into_iter().flat_map(|t| placeholders(t)) {
                    if !TEMPLATE_FIELDS.contains(&placeholder) {
                        problems.push((
                            format!("/relation_kinds/{name}/{field}"),
                            format!(
                                "{field} of `{name}` uses unknown placeholder {{{placeholder}}}; known: {}",
                                TEMPLATE_FIELDS.join(", ")
                            ),
                        ));
                    }
                }
            }
        }
        for (name, property) in &self.properties {
            let labels = [
                ("label", Some(&property.label)),
                ("label_zh", property.label_zh.as_ref()),
            ];
            for (field, label) in labels {
                let Some(label) = label else { continue };
                // A property's label is a phrase between a name and a value, not a
                // template: an empty one or a placeholder would print as it stands.
                let why = if label.trim().is_empty() {
                    "is empty"
                } else if label.contains(['{', '}']) {
                    "has a placeholder: it is a phrase read between the concept's name and the value, not a template"
                } else {
                    continue;
                };
                problems.push((
                    format!("/properties/{name}/{field}"),
                    format!("{field} of property `{name}` {why}"),
                ));
            }
        }
        problems.extend(crate::logic::check::problems(
            self.node_kinds.keys().map(String::as_str),
            &self.relation_kinds,
        ));
        problems
    }
}

/// Placeholders a relation template may use.
pub const TEMPLATE_FIELDS: &[&str] = &[
    "from",
    "to",
    "aspect",
    "dimension",
    "from_position",
    "to_position",
];

fn placeholders(template: &str) -> impl Iterator<Item = &str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}
