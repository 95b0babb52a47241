//! A typed, sourced relation between two nodes.

use petgraph::graph::NodeIndex;
use serde::{Deserialize, Serialize};

use crate::symbol::Symbol;

/// A relation in the graph. Identical claims from several files are merged into one
/// relation whose sources are the union, so agreement between papers is visible.
#[derive(Debug, Clone)]
pub struct Relation {
    /// Relation kind, declared in the schema.
    pub kind: Symbol,
    /// Source node.
    pub from: NodeIndex,
    /// Target node.
    pub to: NodeIndex,
    /// For common-ground relations: the dimension node naming what is shared.
    pub aspect: Option<NodeIndex>,
    /// For difference relations: the dimension node along which the two differ.
    pub dimension: Option<NodeIndex>,
    /// The respect the claim is made in, when the data states one: what a concept is an
    /// asset or a problem *for* (src/logic). Claims in different respects answer
    /// different questions, so they never contradict each other.
    pub scope: Option<NodeIndex>,
    /// For difference relations: each side's position in the paper's words. Boxed:
    /// few relations have positions, and every relation would otherwise carry the room.
    pub positions: Option<Box<Positions>>,
    /// Who says so; never empty.
    pub sources: Vec<Source>,
    /// Remarks by the encoders. A boxed slice, not a `Vec`: notes are few and set once
    /// (grown only when claims merge), and the 8 bytes saved keep a relation at 96.
    pub notes: Box<[String]>,
}

/// Each side's position on a difference.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Positions {
    /// The `from` node's position.
    pub from: String,
    /// The `to` node's position.
    pub to: String,
}

impl Positions {
    /// The same positions read from the other side.
    #[must_use]
    pub fn swapped(&self) -> Self {
        Self {
            from: self.to.clone(),
            to: self.from.clone(),
        }
    }
}

/// Where a claim comes from: a paper, a place in it and the words it uses.
///
/// The locator and the quote share one allocation: a large dataset holds a million
/// sources, and two small allocations each cost more in malloc's rounding than the
/// text itself (issue 12). Read them with [`Source::locator`] and [`Source::quote`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "SourceFields", into = "SourceFields")]
pub struct Source {
    /// Paper id.
    pub paper: Symbol,
    /// The locator, then the quote.
    text: Box<str>,
    /// Where the locator ends in `text`.
    locator_len: usize,
    /// Where the claim is written in the data, for diagnostics.
    pub origin: Origin,
}

impl Source {
    /// A source citing `paper` at `locator` with `quote`, read from `origin`.
    #[must_use]
    pub fn new(paper: Symbol, locator: &str, quote: &str, origin: Origin) -> Self {
        let mut text = String::with_capacity(locator.len() + quote.len());
        text.push_str(locator);
        text.push_str(quote);
        Self {
            paper,
            text: text.into_boxed_str(),
            locator_len: locator.len(),
            origin,
        }
    }

    /// Section number or heading; empty when the data gives none.
    pub fn locator(&self) -> &str {
        &self.text[..self.locator_len]
    }

    /// Verbatim quote from the paper's text.
    pub fn quote(&self) -> &str {
        &self.text[self.locator_len..]
    }
}

/// A source as (de)serialised: its three fields by name (the origin is not data).
#[derive(Serialize, Deserialize)]
struct SourceFields {
    paper: Symbol,
    locator: String,
    quote: String,
}

impl From<SourceFields> for Source {
    fn from(fields: SourceFields) -> Self {
        Self::new(
            fields.paper,
            &fields.locator,
            &fields.quote,
            Origin::default(),
        )
    }
}

impl From<Source> for SourceFields {
    fn from(source: Source) -> Self {
        Self {
            paper: source.paper,
            locator: source.locator().to_owned(),
            quote: source.quote().to_owned(),
        }
    }
}

/// The place in the data files a source was read from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Origin {
    /// Index of the data file in load order.
    pub file: u32,
    /// Index of the relation within that file's `relations` array.
    pub relation: u32,
    /// Index of the source within that relation's `sources` array.
    pub source: u32,
    /// The source belongs to a fact: `relation` then indexes the file's `facts` array.
    pub in_facts: bool,
}

impl Origin {
    /// JSON pointer to the source's quote inside its file.
    pub fn quote_pointer(self) -> String {
        format!("{}/sources/{}/quote", self.item_pointer(), self.source)
    }

    /// JSON pointer to the relation or fact the source belongs to.
    pub fn item_pointer(self) -> String {
        let array = if self.in_facts { "facts" } else { "relations" };
        format!("/{array}/{}", self.relation)
    }
}

impl Relation {
    /// Whether any source of this relation cites one of `papers` (all pass when empty).
    pub fn asserted_by_any(&self, papers: &[String]) -> bool {
        papers.is_empty()
            || self
                .sources
                .iter()
                .any(|s| papers.iter().any(|p| *p == s.paper))
    }

    /// Ids of the papers asserting this relation, in order of first appearance, once each.
    /// The one definition of "the distinct papers of a relation".
    pub fn papers(&self) -> Vec<&str> {
        self.papers_in(&[])
    }

    /// The sources citing one of `papers` (every source when `papers` is empty): the one
    /// definition of "a relation's sources under a paper filter".
    pub fn sources_in<'r, 'p>(
        &'r self,
        papers: &'p [String],
    ) -> impl Iterator<Item = &'r Source> + 'p
    where
        'r: 'p,
    {
        self.sources
            .iter()
            .filter(move |s| papers.is_empty() || papers.iter().any(|p| *p == s.paper))
    }

    /// Ids of the papers among `papers` (all when empty) asserting this relation, in
    /// order of first appearance, once each.
    pub fn papers_in(&self, papers: &[String]) -> Vec<&str> {
        distinct_papers(self.sources_in(papers))
    }
}

/// The paper ids of `sources`, once each, in order of first appearance.
pub fn distinct_papers<'s>(sources: impl IntoIterator<Item = &'s Source>) -> Vec<&'s str> {
    let mut papers: Vec<&str> = Vec::new();
    for source in sources {
        if !papers.contains(&source.paper.as_str()) {
            papers.push(&source.paper);
        }
    }
    papers
}

// A million relations live in memory at once: keep the edge weight small (issue 12).
const _: () = assert!(std::mem::size_of::<Relation>() <= 96);
const _: () = assert!(std::mem::size_of::<Source>() <= 56);

#[cfg(test)]
mod tests {
    use super::{Origin, Source};
    use crate::symbol::Symbol;
    use proptest::prelude::*;

    proptest! {
        /// One allocation holds both texts: each comes back whole, whatever its
        /// characters, and the JSON form still names them apart.
        #[test]
        fn a_source_gives_back_its_locator_and_quote(locator in "\\PC*", quote in "\\PC*") {
            let source = Source::new(Symbol::new("p1"), &locator, &quote, Origin::default());
            prop_assert_eq!(source.locator(), locator.as_str());
            prop_assert_eq!(source.quote(), quote.as_str());
            let json = serde_json::to_value(&source).unwrap();
            prop_assert_eq!(
                &json,
                &serde_json::json!({"paper": "p1", "locator": locator, "quote": quote})
            );
            let back: Source = serde_json::from_value(json).unwrap();
            prop_assert_eq!(back, source);
        }
    }
}
