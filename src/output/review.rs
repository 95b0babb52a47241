//! `linkage check --unreviewed`: every source no second person has read against its
//! paper, so that a team knows what to read next.
//!
//! A source is reviewed when it names a `reviewed_by` who is not its `encoded_by`
//! ([`Source::is_reviewed`]); a review by the encoder is no second reading. Nothing is
//! assumed reviewed: a source that says nothing is unreviewed.

use std::fmt::Write as _;

use indexmap::IndexMap;
use serde::Serialize;

use super::{count, relation_line, shape::SourceJson, styled, wrap_hanging, HEADING, PAPER};
use crate::{fact::Fact, graph::ConceptGraph, relation::Relation, relation::Source};

/// What a source backs.
#[derive(Debug, Clone, Copy)]
pub enum Backs<'g> {
    /// A relation.
    Relation(&'g Relation),
    /// A fact.
    Fact(&'g Fact),
}

/// The sources no second person has read, in data order (relations, then facts), and
/// how many sources there are in all.
#[derive(Debug)]
pub struct Unreviewed<'g> {
    /// Each unreviewed source with what it backs.
    pub sources: Vec<(Backs<'g>, &'g Source)>,
    /// Every source of the dataset.
    pub total: usize,
}

impl<'g> Unreviewed<'g> {
    /// The unreviewed sources of `graph`.
    pub fn of(graph: &'g ConceptGraph) -> Self {
        let all = graph
            .relations()
            .flat_map(|(_, r)| r.sources.iter().map(move |s| (Backs::Relation(r), s)))
            .chain(
                graph
                    .facts()
                    .iter()
                    .flat_map(|f| f.sources.iter().map(move |s| (Backs::Fact(f), s))),
            );
        let mut total = 0;
        let mut sources = Vec::new();
        for (backs, source) in all {
            total += 1;
            if !source.is_reviewed() {
                sources.push((backs, source));
            }
        }
        Self { sources, total }
    }

    /// For people: a count, the count by paper, then each paper's unreviewed sources
    /// (its place, the claim by name, who encoded it where known).
    pub fn human(&self, graph: &ConceptGraph) -> String {
        let mut out = String::new();
        if self.sources.is_empty() {
            let _ = writeln!(
                out,
                "every one of the {} read by a second person",
                count(self.total, "source is", "sources is")
            );
            return out;
        }
        let _ = writeln!(
            out,
            "{} of {} not read by a second person (no `reviewed_by`, or only by its encoder)",
            self.sources.len(),
            count(self.total, "source", "sources"),
        );
        let mut by_paper: IndexMap<&str, Vec<(Backs<'_>, &Source)>> = IndexMap::new();
        for &(backs, source) in &self.sources {
            by_paper
                .entry(&source.paper)
                .or_default()
                .push((backs, source));
        }
        for (paper, sources) in by_paper {
            let _ = writeln!(
                out,
                "\n{} ({})",
                styled(HEADING, styled(PAPER, graph.cite(paper))),
                sources.len()
            );
            for (backs, source) in sources {
                let claim = match backs {
                    Backs::Relation(relation) => relation_line(graph, relation),
                    Backs::Fact(fact) => super::sentence::fact_line(graph, fact),
                };
                let mut line = format!("{}: {claim}", graph.short_locator(source));
                if let Some(encoder) = source.encoded_by() {
                    let _ = write!(line, " (encoded by {encoder})");
                }
                out.push_str(&wrap_hanging(&line, "  ", "    "));
            }
        }
        out
    }

    /// As JSON: `{sources, unreviewed: [{kind?, from?, to?, subject?, property?} +
    /// source]}`.
    pub fn json(&self, graph: &'g ConceptGraph) -> UnreviewedJson<'g> {
        UnreviewedJson {
            sources: self.total,
            unreviewed: self
                .sources
                .iter()
                .map(|&(backs, source)| {
                    let id = |ix| graph.node(ix).id.as_str();
                    let (kind, from, to, subject, property) = match backs {
                        Backs::Relation(r) => (
                            Some(r.kind.as_str()),
                            Some(id(r.from)),
                            Some(id(r.to)),
                            None,
                            None,
                        ),
                        Backs::Fact(f) => (
                            None,
                            None,
                            None,
                            Some(id(f.subject)),
                            Some(f.property.as_str()),
                        ),
                    };
                    UnreviewedSourceJson {
                        kind,
                        from,
                        to,
                        subject,
                        property,
                        source: SourceJson::new(graph, source),
                    }
                })
                .collect(),
        }
    }
}

/// The JSON of `check --unreviewed`.
#[derive(Debug, Serialize)]
pub struct UnreviewedJson<'g> {
    /// How many sources the dataset has.
    pub sources: usize,
    /// Those no second person has read.
    pub unreviewed: Vec<UnreviewedSourceJson<'g>>,
}

/// One unreviewed source and the claim it backs (a relation's kind and ends, or a
/// fact's subject and property).
#[derive(Debug, Serialize)]
pub struct UnreviewedSourceJson<'g> {
    /// The relation's kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'g str>,
    /// The relation's start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<&'g str>,
    /// The relation's end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<&'g str>,
    /// The fact's subject.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<&'g str>,
    /// The fact's property.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub property: Option<&'g str>,
    /// The source.
    #[serde(flatten)]
    pub source: SourceJson<'g>,
}
