//! The shape of a data file as written on disk, before ids are resolved.
//!
//! Relations are kept as raw JSON slices of the file until the nodes of every file are
//! known; each is then parsed, checked and added in one go, borrowing its ids from the
//! text. A large dataset never holds a million parsed records at once.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use crate::{node::Node, paper::Paper, relation::Positions};

/// One data file: any of papers, nodes and relations. Relations are held as `R`: each
/// one's JSON text ([`RawRelation`], parsed later, across cores for a large file), or
/// read with the file ([`RelationRecord`], one pass over the text).
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "'de: 'a, R: Deserialize<'de>")
)]
pub(crate) struct DataFile<'a, R = RawRelation<'a>> {
    /// Reference to a JSON Schema, for editors: accepted (the file denies unknown
    /// fields), never read.
    #[serde(default, rename = "$schema")]
    pub _json_schema: Option<serde::de::IgnoredAny>,
    /// Paper records.
    #[serde(default)]
    pub papers: Vec<Paper>,
    /// Node records.
    #[serde(default)]
    pub nodes: Vec<Node>,
    /// Relation records.
    #[serde(default)]
    pub relations: Vec<R>,
    /// Fact records.
    #[serde(default)]
    pub facts: Vec<crate::fact::FactRecord>,
    /// The file's text, which relations borrow from.
    #[serde(skip)]
    pub text: std::marker::PhantomData<&'a str>,
}

impl<R> Default for DataFile<'_, R> {
    fn default() -> Self {
        Self {
            _json_schema: None,
            papers: Vec::new(),
            nodes: Vec::new(),
            relations: Vec::new(),
            facts: Vec::new(),
            text: std::marker::PhantomData,
        }
    }
}

/// One relation's JSON text, a slice of the file's text (so a problem in it can be
/// placed in the file).
#[derive(Debug)]
pub(crate) struct RawRelation<'a>(pub &'a RawValue);

impl RawRelation<'_> {
    /// The relation's JSON text.
    pub(crate) fn json(&self) -> &str {
        self.0.get()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for RawRelation<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <&'a RawValue>::deserialize(deserializer).map(Self)
    }
}

/// A relation as written: endpoints are ids, not yet resolved; strings borrow from the
/// file where they can.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RelationRecord<'r> {
    /// Relation kind.
    #[serde(borrow)]
    pub kind: Cow<'r, str>,
    /// Source node id.
    #[serde(borrow)]
    pub from: Cow<'r, str>,
    /// Target node id.
    #[serde(borrow)]
    pub to: Cow<'r, str>,
    /// Dimension node id of the shared aspect (common-ground kinds).
    #[serde(default, borrow)]
    pub aspect: Option<Cow<'r, str>>,
    /// Dimension node id (difference kinds).
    #[serde(default, borrow)]
    pub dimension: Option<Cow<'r, str>>,
    /// Each side's position (difference kinds).
    #[serde(default)]
    pub positions: Option<Positions>,
    /// Node id of the respect the claim is made in (what a concept is an asset or a
    /// problem for).
    #[serde(default, borrow)]
    pub scope: Option<Cow<'r, str>>,
    /// Sources; an empty or missing list is reported by validation.
    #[serde(default, borrow)]
    pub sources: Vec<SourceRecord<'r>>,
    /// A remark by the encoder.
    #[serde(default, borrow)]
    pub note: Option<Cow<'r, str>>,
}

/// A source as written. Missing fields default to empty so validation can report them
/// with a hint rather than serde's first-error-only message.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceRecord<'r> {
    /// Paper id.
    #[serde(default, borrow)]
    pub paper: Cow<'r, str>,
    /// Section number or heading.
    #[serde(default, borrow)]
    pub locator: Cow<'r, str>,
    /// Verbatim quote.
    #[serde(default, borrow)]
    pub quote: Cow<'r, str>,
    /// Who encoded the claim.
    #[serde(default, borrow)]
    pub encoded_by: Option<Cow<'r, str>>,
    /// Who reviewed it against the paper.
    #[serde(default, borrow)]
    pub reviewed_by: Option<Cow<'r, str>>,
    /// `thesis` or `reported`.
    #[serde(default, borrow)]
    pub voice: Option<Cow<'r, str>>,
    /// `sentence` (the default) or `quote`: how much of the text to print.
    #[serde(default, borrow)]
    pub extent: Option<Cow<'r, str>>,
}

impl SourceRecord<'_> {
    /// The source's fields as the loader checks them.
    pub(crate) fn fields(&self) -> SourceView<'_> {
        SourceView {
            paper: &self.paper,
            locator: &self.locator,
            quote: &self.quote,
            encoded_by: self.encoded_by.as_deref(),
            reviewed_by: self.reviewed_by.as_deref(),
            voice: self.voice.as_deref(),
            extent: self.extent.as_deref(),
        }
    }
}

/// A source's fields as written, borrowed: what the loader checks for relations and
/// facts alike.
#[derive(Debug, Clone, Copy, Default)]
pub struct SourceView<'a> {
    /// Paper id.
    pub paper: &'a str,
    /// Section number or heading.
    pub locator: &'a str,
    /// Verbatim quote.
    pub quote: &'a str,
    /// Who encoded the claim.
    pub encoded_by: Option<&'a str>,
    /// Who reviewed it.
    pub reviewed_by: Option<&'a str>,
    /// Whose claim the quote states, as written.
    pub voice: Option<&'a str>,
    /// How much to print, as written.
    pub extent: Option<&'a str>,
}

impl SourceView<'_> {
    /// The source, for a view the loader has checked (unknown names of a voice or an
    /// extent, which it refuses, read as the defaults).
    pub fn to_source(self, origin: crate::relation::Origin) -> crate::relation::Source {
        use crate::relation::{Attribution, Extent, Source, Voice};
        let who = Attribution {
            encoded_by: self.encoded_by,
            reviewed_by: self.reviewed_by,
            voice: self.voice.and_then(Voice::parse).unwrap_or_default(),
        };
        Source::attributed(
            crate::symbol::Symbol::new(self.paper),
            self.locator,
            self.quote,
            who,
            origin,
        )
        .with_extent(self.extent.and_then(Extent::parse).unwrap_or_default())
    }
}
