//! The model's types as tuples of their fields, the layout of a cache file.
//!
//! The model types' own serde derives describe their JSON form (fields skipped when
//! empty, untagged values, origins left out) and do not fit postcard, which is not
//! self-describing; so each type is written here as a tuple of its fields and read back
//! into the types' own field types. Adding a field to a cached type fails to compile
//! here: bump [`super::FORMAT_VERSION`] when the layout changes.

use std::marker::PhantomData;

use petgraph::graph::NodeIndex;
use serde::{
    de::{DeserializeSeed, SeqAccess, Visitor},
    Deserialize, Deserializer, Serialize, Serializer,
};

use crate::{
    diagnostic::{Diagnostic, Severity},
    fact::Fact,
    node::Node,
    relation::{Attribution, Extent, Origin, Positions, Relation, Source, Voice},
};

/// Decodes a sequence element by element into `each`, in order, with no vector in
/// between (a million relations would be copied through one). `each` returns whether
/// the element was sound; one that is not fails the whole decode.
pub(super) struct EachInto<T, F> {
    what: &'static str,
    each: F,
    element: PhantomData<fn() -> T>,
}

impl<T, F> EachInto<T, F> {
    pub(super) fn new(what: &'static str, each: F) -> Self {
        Self {
            what,
            each,
            element: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>, F: FnMut(T) -> bool> DeserializeSeed<'de> for EachInto<T, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> std::result::Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>, F: FnMut(T) -> bool> Visitor<'de> for EachInto<T, F> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.what)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> std::result::Result<(), A::Error> {
        while let Some(element) = seq.next_element()? {
            if !(self.each)(element) {
                return Err(serde::de::Error::custom("out of range"));
            }
        }
        Ok(())
    }
}

/// A sequence written from an iterator of known length.
pub(super) struct Seq<I>(pub(super) I);

impl<I, T> Serialize for Seq<I>
where
    I: Iterator<Item = T> + ExactSizeIterator + Clone,
    T: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.clone())
    }
}

pub(super) fn index(ix: NodeIndex) -> u32 {
    u32::try_from(ix.index()).expect("node indices are u32")
}

pub(super) fn node_index(ix: u32) -> NodeIndex {
    NodeIndex::new(ix as usize)
}

/// A node as a tuple of its fields.
#[derive(Clone, Copy)]
pub(super) struct NodeOut<'a>(pub(super) &'a Node);

impl Serialize for NodeOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let Node {
            id,
            kind,
            label,
            aliases,
            label_zh,
            description,
        } = self.0;
        (id, kind, label, aliases, label_zh, description).serialize(serializer)
    }
}

pub(super) struct NodeIn(pub(super) Node);

impl<'de> Deserialize<'de> for NodeIn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let (id, kind, label, aliases, label_zh, description) =
            Deserialize::deserialize(deserializer)?;
        Ok(Self(Node {
            id,
            kind,
            label,
            aliases,
            label_zh,
            description,
        }))
    }
}

/// A source as a tuple of its fields (who encoded and reviewed it, its voice and extent
/// among them), its origin included.
pub(super) struct SourceOut<'a>(pub(super) &'a Source);

impl Serialize for SourceOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let source = self.0;
        let Origin {
            file,
            relation,
            source: index,
            in_facts,
        } = source.origin;
        let who = source.attribution();
        (
            source.paper,
            source.locator(),
            source.quote(),
            (who.encoded_by, who.reviewed_by, who.voice, source.extent()),
            (file, relation, index, in_facts),
        )
            .serialize(serializer)
    }
}

pub(super) struct SourceIn(pub(super) Source);

impl<'de> Deserialize<'de> for SourceIn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        type Who<'a> = (Option<&'a str>, Option<&'a str>, Voice, Extent);
        let (paper, locator, quote, (encoded_by, reviewed_by, voice, extent), origin): (
            _,
            &str,
            &str,
            Who<'_>,
            _,
        ) = Deserialize::deserialize(deserializer)?;
        let (file, relation, source, in_facts) = origin;
        let origin = Origin {
            file,
            relation,
            source,
            in_facts,
        };
        let who = Attribution {
            encoded_by,
            reviewed_by,
            voice,
        };
        Ok(Self(
            Source::attributed(paper, locator, quote, who, origin).with_extent(extent),
        ))
    }
}

fn sources_out(sources: &[Source]) -> Seq<impl ExactSizeIterator<Item = SourceOut<'_>> + Clone> {
    Seq(sources.iter().map(SourceOut))
}

fn sources_in(sources: Vec<SourceIn>) -> Vec<Source> {
    sources.into_iter().map(|s| s.0).collect()
}

/// An edge: its ends in petgraph and its relation, as a tuple.
#[derive(Clone, Copy)]
pub(super) struct EdgeOut<'a> {
    pub(super) from: NodeIndex,
    pub(super) to: NodeIndex,
    pub(super) relation: &'a Relation,
}

impl Serialize for EdgeOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let Relation {
            kind,
            from,
            to,
            aspect,
            dimension,
            scope,
            positions,
            sources,
            notes,
        } = self.relation;
        (
            index(self.from),
            index(self.to),
            kind,
            index(*from),
            index(*to),
            aspect.map(index),
            dimension.map(index),
            scope.map(index),
            positions.as_ref().map(|p| (&p.from, &p.to)),
            sources_out(sources),
            notes,
        )
            .serialize(serializer)
    }
}

pub(super) struct EdgeIn {
    pub(super) from: NodeIndex,
    pub(super) to: NodeIndex,
    pub(super) relation: Relation,
}

impl<'de> Deserialize<'de> for EdgeIn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        #[allow(clippy::type_complexity)]
        let (
            edge_from,
            edge_to,
            kind,
            from,
            to,
            aspect,
            dimension,
            scope,
            positions,
            sources,
            notes,
        ): (
            u32,
            u32,
            _,
            u32,
            u32,
            Option<u32>,
            Option<u32>,
            Option<u32>,
            Option<(String, String)>,
            Vec<SourceIn>,
            _,
        ) = Deserialize::deserialize(deserializer)?;
        Ok(Self {
            from: node_index(edge_from),
            to: node_index(edge_to),
            relation: Relation {
                kind,
                from: node_index(from),
                to: node_index(to),
                aspect: aspect.map(node_index),
                dimension: dimension.map(node_index),
                scope: scope.map(node_index),
                positions: positions.map(|(from, to)| Box::new(Positions { from, to })),
                sources: sources_in(sources),
                notes,
            },
        })
    }
}

/// A fact as a tuple; its value, untagged in JSON, is kept as JSON.
pub(super) struct FactOut<'a>(pub(super) &'a Fact);

impl Serialize for FactOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let Fact {
            subject,
            property,
            value,
            sources,
            note,
        } = self.0;
        let value = serde_json::to_string(value).map_err(serde::ser::Error::custom)?;
        (index(*subject), property, value, sources_out(sources), note).serialize(serializer)
    }
}

pub(super) struct FactIn(pub(super) Fact);

impl<'de> Deserialize<'de> for FactIn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let (subject, property, value, sources, note): (u32, _, String, Vec<SourceIn>, _) =
            Deserialize::deserialize(deserializer)?;
        Ok(Self(Fact {
            subject: node_index(subject),
            property,
            value: serde_json::from_str(&value).map_err(serde::de::Error::custom)?,
            sources: sources_in(sources),
            note,
        }))
    }
}

/// A load warning as a tuple.
pub(super) struct DiagnosticOut<'a>(pub(super) &'a Diagnostic);

impl Serialize for DiagnosticOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let Diagnostic {
            severity,
            file,
            line,
            column,
            message,
            hint,
            snippet,
            snippet_offset,
        } = self.0;
        let warning = *severity == Severity::Warning;
        (
            warning,
            file,
            line.map(|n| n as u64),
            column.map(|n| n as u64),
            message,
            hint,
            snippet,
            *snippet_offset as u64,
        )
            .serialize(serializer)
    }
}

pub(super) struct DiagnosticIn(pub(super) Diagnostic);

impl<'de> Deserialize<'de> for DiagnosticIn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let (warning, file, line, column, message, hint, snippet, snippet_offset): (
            bool,
            _,
            Option<u64>,
            Option<u64>,
            _,
            _,
            _,
            u64,
        ) = Deserialize::deserialize(deserializer)?;
        let size = |n: u64| usize::try_from(n).map_err(serde::de::Error::custom);
        Ok(Self(Diagnostic {
            severity: if warning {
                Severity::Warning
            } else {
                Severity::Error
            },
            file,
            line: line.map(size).transpose()?,
            column: column.map(size).transpose()?,
            message,
            hint,
            snippet,
            snippet_offset: size(snippet_offset)?,
        }))
    }
}
