//! The shape of a data file as written on disk, before ids are resolved.

use serde::{Deserialize, Serialize};

use crate::{node::Node, paper::Paper, relation::Positions};

/// One data file: any of papers, nodes and relations.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DataFile {
    /// Reference to a JSON Schema, for editors; ignored by linkage.
    #[serde(default, rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<String>,
    /// Paper records.
    #[serde(default)]
    pub papers: Vec<Paper>,
    /// Node records.
    #[serde(default)]
    pub nodes: Vec<Node>,
    /// Relation records.
    #[serde(default)]
    pub relations: Vec<RelationRecord>,
}

/// A relation as written: endpoints are ids, not yet resolved.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RelationRecord {
    /// Relation kind.
    pub kind: String,
    /// Source node id.
    pub from: String,
    /// Target node id.
    pub to: String,
    /// Dimension node id of the shared aspect (common-ground kinds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspect: Option<String>,
    /// Dimension node id (difference kinds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    /// Each side's position (difference kinds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positions: Option<Positions>,
    /// Sources; an empty or missing list is reported by validation.
    #[serde(default)]
    pub sources: Vec<SourceRecord>,
    /// A remark by the encoder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A source as written. Missing fields default to empty so validation can report them
/// with a hint rather than serde's first-error-only message.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRecord {
    /// Paper id.
    #[serde(default)]
    pub paper: String,
    /// Section number or heading.
    #[serde(default)]
    pub locator: String,
    /// Verbatim quote.
    #[serde(default)]
    pub quote: String,
}
