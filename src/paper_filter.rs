//! Which papers' claims a query keeps: `--paper` resolved once, the one paper filter.
//!
//! A [`PaperFilter`] is made only by resolving names against a graph
//! ([`PaperFilter::resolve`]) or as the filter that keeps every paper
//! ([`PaperFilter::every`]), so an unknown paper is an error where it is typed
//! ([`Error::UnknownName`] with the closest papers), never a filter that silently keeps
//! nothing. Every query that narrows by paper asks it (`keeps`, `sources`, `papers`,
//! `admits`): the rule "no paper named keeps every paper; else a source counts when its
//! paper was named" is written here and nowhere else (`tests/integration/layers.rs`).

use crate::{error::Error, graph::ConceptGraph, relation::Relation, relation::Source};

/// The papers whose claims a query keeps: every paper, or those named.
/// Serialised as the list of the ids named (`[]` for every paper): the filter as
/// `path` and `neighbors` print it in their JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct PaperFilter {
    /// The ids of the papers named, in the order named, once each; empty keeps every
    /// paper.
    ids: Vec<String>,
}

impl PaperFilter {
    /// The filter that keeps every paper's claims.
    pub fn every() -> Self {
        Self::default()
    }

    /// The papers `names` name (every paper when there are none), each resolved as
    /// [`ConceptGraph::resolve_paper`] reads a paper's name.
    ///
    /// # Errors
    /// [`Error::UnknownName`] (with the closest papers) or [`Error::AmbiguousName`] for
    /// the first name that does not name one paper.
    pub fn resolve(graph: &ConceptGraph, names: &[String]) -> Result<Self, Error> {
        let mut ids: Vec<String> = Vec::with_capacity(names.len());
        for name in names {
            let id = graph.resolve_paper(name)?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(Self { ids })
    }

    /// Whether every paper is kept (no paper was named).
    pub fn keeps_every_paper(&self) -> bool {
        self.ids.is_empty()
    }

    /// The ids of the papers named, in the order named; empty when every paper is kept.
    pub fn named(&self) -> &[String] {
        &self.ids
    }

    /// Whether claims by the paper with id `paper` are kept.
    pub fn keeps(&self, paper: &str) -> bool {
        self.ids.is_empty() || self.ids.iter().any(|id| id == paper)
    }

    /// The sources among `sources` (a relation's or a fact's) whose paper is kept.
    pub fn sources<'f, 's: 'f>(
        &'f self,
        sources: &'s [Source],
    ) -> impl Iterator<Item = &'s Source> + 'f {
        sources.iter().filter(move |s| self.keeps(&s.paper))
    }

    /// The kept papers asserting `relation`, in order of first appearance, once each.
    pub fn papers<'r>(&self, relation: &'r Relation) -> Vec<&'r str> {
        crate::relation::distinct_papers(self.sources(&relation.sources))
    }

    /// Whether some kept paper asserts `relation` (always, when every paper is kept).
    pub fn admits(&self, relation: &Relation) -> bool {
        self.ids.is_empty() || self.sources(&relation.sources).next().is_some()
    }
}
