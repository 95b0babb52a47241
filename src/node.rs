//! A concept in the graph: a strategy, goal, mechanism, actor, problem, measure,
//! dimension, view or any other kind the schema declares.

use serde::{Deserialize, Serialize};

use crate::symbol::Symbol;

/// A node as written in a data file and as kept in the graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Stable kebab-case id.
    pub id: String,
    /// Node kind, declared in the schema.
    pub kind: Symbol,
    /// Name shown to readers.
    pub label: String,
    /// Other names the papers use for the same thing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Standard Chinese term, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_zh: Option<String>,
    /// A sentence on what the node stands for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Node {
    /// Every name the node answers to: id, label and aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str())
            .chain(std::iter::once(self.label.as_str()))
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// Whether `id` is lower-case kebab-case: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
