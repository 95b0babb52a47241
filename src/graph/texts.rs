//! What the graph reads in its papers' texts for a source: the passage its quote is
//! in, the page it stands on, the headings it falls under. The texts are prepared
//! (src/passage.rs) and the places of each paper gathered (src/places.rs) on first use,
//! and kept with the graph.

use std::borrow::Cow;

use crate::{
    passage::{self, PaperText, Passage},
    places,
    relation::Source,
};

use super::ConceptGraph;

impl ConceptGraph {
    /// The prepared text of paper `paper`, if the graph has texts and this one can be
    /// read.
    pub fn paper_text(&self, paper: &str) -> Option<&PaperText> {
        let (i, _, record) = self.papers.get_full(paper)?;
        self.paper_texts.prepared(i, &record.file, || {
            passage::locator_titles(self.papers.len(), self.all_sources(), |s| {
                self.paper_index(s)
            })
        })
    }

    /// The page `source` names: the page its locator gives (`p. 317, 3.2`), else the
    /// page its quote stands on in its paper's text, when the text is divided into
    /// pages (src/pages.rs); `None` otherwise.
    pub fn page_of(&self, source: &Source) -> Option<String> {
        if let (Some(page), _) = crate::pages::split(source.locator()) {
            return Some(page.to_string());
        }
        let first = crate::pages::first_page(self.paper(&source.paper)?.pages.as_deref());
        self.paper_text(&source.paper)?
            .page_at(source.quote(), first)
    }

    /// `source`'s quote in its text: `None` without the text, or when the quote is not
    /// in it.
    pub fn passage(&self, source: &Source) -> Option<Passage> {
        self.paper_text(&source.paper)?.passage(source.quote())
    }

    /// The words human output prints for `source`: the sentence its quote is in, or
    /// (for a source whose extent is the quote) the quote marked `…` where its sentence
    /// goes on; the quote as encoded when its text is not at hand.
    pub fn printed_quote<'s>(&self, source: &'s Source) -> Cow<'s, str> {
        passage::printed_quote(source, self.passage(source))
    }

    /// The locator of `source`: as the data gives it, or, where the data omits it, the
    /// chain of headings its quote falls under in the paper's text (empty without it).
    pub fn locator_of<'s>(&self, source: &'s Source) -> Cow<'s, str> {
        if !source.locator().trim().is_empty() {
            return Cow::Borrowed(source.locator());
        }
        self.paper_text(&source.paper)
            .and_then(|text| text.locator_at(source.quote()))
            .map_or(Cow::Borrowed(""), Cow::Owned)
    }

    /// The locator with its page, as exports and citations write it: the page
    /// ([`ConceptGraph::page_of`]) and then the headings of
    /// [`ConceptGraph::locator_of`] (`p. 317, 3. Problems / 3.2 Funds`).
    pub fn cited_locator<'s>(&self, source: &'s Source) -> Cow<'s, str> {
        let locator = self.locator_of(source);
        match self.page_of(source) {
            Some(page) => Cow::Owned(crate::pages::join(
                Some(&page),
                crate::pages::split(&locator).1,
            )),
            None => locator,
        }
    }

    /// The locator for the terminal: the page, where known ([`ConceptGraph::page_of`]),
    /// then `§` and the fewest innermost headings of [`ConceptGraph::locator_of`] that
    /// name one place of the paper (`p. 317, §Weak regional support capacity / 1)`),
    /// fitted into a few words (outer headings cut first, marked `…`).
    pub fn short_locator(&self, source: &Source) -> String {
        let places = self
            .papers
            .get_index_of(source.paper.as_str())
            .and_then(|i| {
                self.paper_texts
                    .places
                    .get_or_init(|| {
                        places::gather(
                            self.papers.len(),
                            self.all_sources(),
                            |s| self.paper_index(s),
                            |s| self.locator_of(s),
                        )
                    })
                    .get(i)
            });
        places::short(&self.locator_of(source), places, self.page_of(source))
    }

    /// Names the places of the papers ([`ConceptGraph::short_locator`]) from `sources`
    /// rather than from the graph's own: a graph holding part of a dataset's relations
    /// (`cache/partial.rs`) is given the sources that name the whole dataset's places.
    /// Does nothing once the places are named.
    pub(crate) fn gather_places_from(&self, sources: &[Source]) {
        let _ = self.paper_texts.places.set(places::gather(
            self.papers.len(),
            sources.iter(),
            |s| self.paper_index(s),
            |s| self.locator_of(s),
        ));
    }

    /// Every source of every relation and fact, in data order.
    fn all_sources(&self) -> impl Iterator<Item = &Source> {
        self.relations()
            .flat_map(|(_, r)| r.sources.iter())
            .chain(self.facts().iter().flat_map(|f| f.sources.iter()))
    }

    /// The index among the graph's papers of `source`'s paper.
    fn paper_index(&self, source: &Source) -> Option<usize> {
        self.papers.get_index_of(source.paper.as_str())
    }
}
