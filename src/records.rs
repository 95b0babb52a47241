//! The data format: a data file as written on disk (papers, nodes, relations with their
//! sources, facts), before ids are resolved. These types are read by the loader and
//! written by every command that writes the format (`export`, `add`, `init`, `import`),
//! so a field is named, ordered and left out when unknown in one place;
//! `tests/integration/round_trip.rs` holds that what is written loads back the same.
//! [`Paper`] and [`Node`] are records and graph types at once; a relation's
//! [`Positions`] and a fact's [`crate::fact::Value`] are the records' own parts.
//!
//! Relations are kept as raw JSON slices of the file until the nodes of every file are
//! known; each is then parsed, checked and added in one go, borrowing its ids from the
//! text. A large dataset never holds a million parsed records at once.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;

use crate::{
    node::Node,
    paper::Paper,
    relation::{Extent, Positions, Source},
};

/// One data file: any of papers, nodes, relations and facts. Relations are held as `R`:
/// each one's JSON text ([`RawRelation`], parsed later, across cores for a large file),
/// or read with the file ([`RelationRecord`], one pass over the text; what writers
/// write). Written, an empty array is left out, as the loader reads a missing one as
/// empty.
#[derive(Debug, Deserialize, Serialize)]
#[serde(
    deny_unknown_fields,
    bound(
        deserialize = "'de: 'a, R: Deserialize<'de>",
        serialize = "R: Serialize"
    )
)]
pub struct DataFile<'a, R = RawRelation<'a>> {
    /// Reference to a JSON Schema, for editors; ignored by linkage (and not written).
    #[serde(default, rename = "$schema", skip_serializing)]
    pub json_schema: Option<serde::de::IgnoredAny>,
    /// Paper records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub papers: Vec<Paper>,
    /// Node records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<Node>,
    /// Relation records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<R>,
    /// Fact records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactRecord>,
    /// The file's text, which relations borrow from.
    #[serde(skip)]
    pub text: std::marker::PhantomData<&'a str>,
}

impl<R> Default for DataFile<'_, R> {
    fn default() -> Self {
        Self {
            json_schema: None,
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
pub struct RawRelation<'a>(pub &'a RawValue);

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

impl<R> DataFile<'_, R> {
    /// A data file holding these records.
    pub fn of(papers: Vec<Paper>, nodes: Vec<Node>, relations: Vec<R>) -> Self {
        Self {
            papers,
            nodes,
            relations,
            ..Self::default()
        }
    }
}

/// A relation as written: endpoints are ids, not yet resolved; strings borrow from the
/// file where they can. Written, its fields come in this order and the optional ones
/// only when known.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RelationRecord<'r> {
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
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub aspect: Option<Cow<'r, str>>,
    /// Dimension node id (difference kinds).
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<Cow<'r, str>>,
    /// Each side's position (difference kinds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positions: Option<Positions>,
    /// Node id of the respect the claim is made in (what a concept is an asset or a
    /// problem for).
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Cow<'r, str>>,
    /// Sources; an empty or missing list is reported by validation.
    #[serde(default, borrow)]
    pub sources: Vec<SourceRecord<'r>>,
    /// A remark by the encoder.
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'r, str>>,
}

/// A source as written. Missing fields default to empty so validation can report them
/// with a hint rather than serde's first-error-only message. Written, `paper`, `locator`
/// and `quote` always, the rest only when known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRecord<'r> {
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
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub encoded_by: Option<Cow<'r, str>>,
    /// Who reviewed it against the paper.
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub reviewed_by: Option<Cow<'r, str>>,
    /// `thesis` or `reported`.
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub voice: Option<Cow<'r, str>>,
    /// `sentence` (the default) or `quote`: how much of the text to print.
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub extent: Option<Cow<'r, str>>,
}

impl<'r> SourceRecord<'r> {
    /// The record of a loaded `source`, with `locator` (its own, or one derived from
    /// the text): every field the source knows, none it does not (an unknown voice and
    /// the default extent are left out).
    pub fn of(source: &'r Source, locator: impl Into<Cow<'r, str>>) -> Self {
        let who = source.attribution();
        Self {
            paper: Cow::Borrowed(source.paper.as_str()),
            locator: locator.into(),
            quote: Cow::Borrowed(source.quote()),
            encoded_by: who.encoded_by.map(Cow::Borrowed),
            reviewed_by: who.reviewed_by.map(Cow::Borrowed),
            voice: who.voice.name().map(Cow::Borrowed),
            extent: (source.extent() != Extent::Sentence)
                .then(|| Cow::Borrowed(source.extent().name())),
        }
    }

    /// The same record owning its strings.
    #[must_use]
    pub fn into_owned(self) -> SourceRecord<'static> {
        let owned = |text: Cow<'_, str>| Cow::Owned(text.into_owned());
        SourceRecord {
            paper: owned(self.paper),
            locator: owned(self.locator),
            quote: owned(self.quote),
            encoded_by: self.encoded_by.map(owned),
            reviewed_by: self.reviewed_by.map(owned),
            voice: self.voice.map(owned),
            extent: self.extent.map(owned),
        }
    }
}

/// Reads sources owning their strings, for records kept after their file's text is let
/// go (facts).
pub(crate) fn owned_sources<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<SourceRecord<'static>>, D::Error> {
    let sources = Vec::<SourceRecord<'de>>::deserialize(deserializer)?;
    Ok(sources.into_iter().map(SourceRecord::into_owned).collect())
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

/// A fact as written in a data file (its sources are a relation's [`SourceRecord`]s).
/// Written, the note only when there is one.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FactRecord {
    /// The node the fact is about.
    pub subject: String,
    /// The property, a name the schema declares (`proposed-in`, `classified-as`, ...).
    pub property: String,
    /// The value, typed.
    pub value: crate::fact::Value,
    /// Who states it, where, in which words; kept after the file's text is let go, so
    /// owning its strings.
    #[serde(default, deserialize_with = "owned_sources")]
    pub sources: Vec<SourceRecord<'static>>,
    /// A remark by the encoder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
