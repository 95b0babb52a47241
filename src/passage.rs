//! What is printed for a quote: the whole sentence (or sentences) of the paper the
//! encoded quote was taken from, found in the paper's text.
//!
//! An encoder selects the words that make a claim, and a selection may stop anywhere:
//! "the victory of the war of poverty alleviation in China marks the solution of
//! absolute poverty as scheduled" is half of Hao's sentence. Printed as it is, it reads
//! as if the paper said only that. So human output prints the enclosing sentence,
//! computed from the text each time rather than stored, and JSON gives both. A source
//! whose printed extent should differ says so in the data (`"extent": "quote"`: print
//! the words as encoded, marked `…` where the sentence goes on). Without the paper's
//! text, or where the quote is not in it, the quote is printed as encoded, unmarked:
//! nothing is claimed about what surrounds it.

use std::{borrow::Cow, sync::OnceLock};

use indexmap::IndexSet;

use crate::{
    headings::{derived_locator, headings, Heading},
    locate::{normalise, TextIndex},
    relation::{Extent, Source},
    sentences::Sentences,
    text_store::TextStore,
};

/// A paper's text prepared for finding quotes, their sentences and their headings.
#[derive(Debug)]
pub struct PaperText {
    text: String,
    /// For quotes not in the text verbatim (wrapped differently): built on first need.
    index: OnceLock<TextIndex>,
    sentences: Sentences,
    headings: Vec<Heading>,
    pages: crate::pages::Pages,
}

/// A quote in its paper's text: the sentences around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The enclosing sentences, white space squeezed as quotes are compared.
    pub sentence: String,
    /// Whether the sentence starts before the quote does.
    pub starts_before: bool,
    /// Whether the sentence ends after the quote does.
    pub ends_after: bool,
}

impl PaperText {
    /// Prepares `text`; `titles` are the headings the paper's locators name (see
    /// [`Sentences::new`]). Linear in the text's length.
    pub fn new(text: &str, titles: &[String]) -> Self {
        let headings = headings(text);
        Self {
            text: text.to_string(),
            index: OnceLock::new(),
            sentences: Sentences::with_headings(text, titles, &headings),
            headings,
            pages: crate::pages::Pages::of(text),
        }
    }

    /// The bytes of the text `quote` stands at: verbatim, or else with white space
    /// normalised (see [`crate::locate`]).
    fn find(&self, quote: &str) -> Option<std::ops::Range<usize>> {
        if quote.trim().is_empty() {
            return None;
        }
        if let Some(at) = memchr::memmem::find(self.text.as_bytes(), quote.as_bytes()) {
            return Some(at..at + quote.len());
        }
        let index = self.index.get_or_init(|| TextIndex::new(&self.text));
        index.locate(quote).map(|span| span.bytes())
    }

    /// The chain of headings `quote` falls under (see [`derived_locator`]); `None` when
    /// the quote is not in the text or no heading precedes it.
    pub fn locator_at(&self, quote: &str) -> Option<String> {
        let at = self.find(quote)?;
        derived_locator(&self.headings, at.start)
    }

    /// The page or pages `quote` stands on (`p. 317`, `pp. 317–318`), numbered from
    /// `first`; `None` when the text has no pages or the quote is not in it.
    pub fn page_at(&self, quote: &str, first: u32) -> Option<String> {
        if !self.pages.known() {
            return None;
        }
        self.pages.label(self.find(quote)?, first)
    }

    /// The sentences holding `quote`; `None` when the quote is not in the text.
    pub fn passage(&self, quote: &str) -> Option<Passage> {
        let at = self.find(quote)?;
        let whole = self.sentences.enclosing(at.clone());
        let text = &self.text;
        let trimmed = |s: &str| s.trim_matches(|c: char| c.is_whitespace()).len();
        Some(Passage {
            sentence: printable(&text[whole.clone()], text),
            starts_before: whole.start < at.start && trimmed(&text[whole.start..at.start]) > 0,
            ends_after: at.end < whole.end && trimmed(&text[at.end..whole.end]) > 0,
        })
    }
}

/// A sentence of a converted text as it is printed: white space squeezed as quotes are
/// compared, a word hyphenated across a line break joined (`fac-\ntor` is `factor` when
/// `text`, the whole paper, has the word `factor` elsewhere; else `fac-tor`, never
/// `fac- tor`: a compound broken at its hyphen keeps it), and without the Markdown
/// marks of the conversion (a heading's `#`s, the `*` of emphasis: `#### **2.1.1. The
/// Theoretical Basis**`, `Huang *et al.*`).
fn printable(sentence: &str, text: &str) -> String {
    let mut joined = String::with_capacity(sentence.len());
    let mut rest = sentence;
    while let Some(at) = rest.find("-\n") {
        let after = rest[at + 2..].trim_start();
        let head = &rest[..at];
        let start = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(head.len(), |(i, _)| i);
        let tail: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        joined.push_str(head);
        if after.starts_with(char::is_lowercase) {
            if !is_word_of(&format!("{}{tail}", &head[start..]), text) {
                joined.push('-');
            }
        } else {
            joined.push_str("- ");
        }
        rest = after;
    }
    joined.push_str(rest);
    let plain: String = normalise(&joined).chars().filter(|c| *c != '*').collect();
    plain.trim_start_matches('#').trim().to_string()
}

/// Whether `word` stands in `text` as a whole word (not inside a longer one).
fn is_word_of(word: &str, text: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).any(|at| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The papers' texts a graph prints quotes from, each read and prepared the first time
/// one of its quotes is printed, and kept for the life of the graph.
#[derive(Debug, Default)]
pub(crate) struct PaperTexts {
    /// Where the texts are; `None`: no texts, quotes are printed as encoded.
    location: Option<TextStore>,
    /// By paper, in the graph's paper order: the prepared text, or `None` when it
    /// cannot be read.
    prepared: Vec<OnceLock<Option<PaperText>>>,
    /// By paper: every heading the paper's locators name, gathered on first use.
    titles: OnceLock<Vec<Vec<String>>>,
    /// By paper: the places its sources are in (src/places.rs), gathered on first use.
    pub(crate) places: OnceLock<Vec<crate::places::PaperPlaces>>,
}

impl PaperTexts {
    /// The texts at `location` for a graph of `papers` papers.
    pub(crate) fn new(location: Option<TextStore>, papers: usize) -> Self {
        Self {
            location,
            prepared: (0..papers).map(|_| OnceLock::new()).collect(),
            titles: OnceLock::new(),
            places: OnceLock::new(),
        }
    }

    /// Where the texts are read from, if anywhere.
    pub(crate) fn location(&self) -> Option<&TextStore> {
        self.location.as_ref()
    }
}

impl PaperTexts {
    /// The prepared text of the paper at `index` in the graph's paper order, read from
    /// its `file` and prepared the first time it is asked for; `None` without texts or
    /// when it cannot be read. `titles` gathers every paper's locator headings
    /// ([`locator_titles`]), called at most once for all the papers.
    pub(crate) fn prepared(
        &self,
        index: usize,
        file: &str,
        titles: impl FnOnce() -> Vec<Vec<String>>,
    ) -> Option<&PaperText> {
        let location = self.location.as_ref()?;
        self.prepared
            .get(index)?
            .get_or_init(|| {
                let text = location.text(file).ok()?;
                let titles = self.titles.get_or_init(titles);
                Some(PaperText::new(
                    &text,
                    titles.get(index).map_or(&[], Vec::as_slice),
                ))
            })
            .as_ref()
    }
}

/// The words human output prints for `source`, given its `passage` in its paper's text
/// (`None` without the text or when the quote is not in it): the sentence its quote is
/// in, or (for a source whose extent is the quote) the quote marked `…` where its
/// sentence goes on; the quote as encoded when there is no passage.
pub(crate) fn printed_quote(source: &Source, passage: Option<Passage>) -> Cow<'_, str> {
    let quote = source.quote().trim();
    let Some(passage) = passage else {
        return Cow::Borrowed(quote);
    };
    match source.extent() {
        Extent::Sentence => Cow::Owned(passage.sentence),
        Extent::Quote => {
            let before = if passage.starts_before { "…" } else { "" };
            let after = if passage.ends_after { "…" } else { "" };
            Cow::Owned(format!("{before}{}{after}", normalise(quote)))
        }
    }
}

/// By paper (`paper_of` gives a source's paper's index among `papers`), the headings
/// its `sources`' locators name: each part of a locator's chain (`A / B / 3) C`).
pub(crate) fn locator_titles<'s>(
    papers: usize,
    sources: impl Iterator<Item = &'s Source>,
    paper_of: impl Fn(&Source) -> Option<usize>,
) -> Vec<Vec<String>> {
    let mut titles: Vec<IndexSet<&str>> = vec![IndexSet::new(); papers];
    for source in sources {
        let Some(i) = paper_of(source) else {
            continue;
        };
        let headings = crate::pages::split(source.locator()).1;
        for part in headings.split(crate::places::CHAIN_SEPARATOR) {
            let part = part.trim();
            if !part.is_empty() {
                titles[i].insert(part);
            }
        }
    }
    titles
        .into_iter()
        .map(|parts| parts.into_iter().map(str::to_string).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fragment_is_printed_as_its_sentence_and_marked_where_it_is_cut() {
        let text = "## 1. One\nAt the beginning of this year, the victory of the war\nmarks the solution of absolute poverty as scheduled. Next one.";
        let paper = PaperText::new(text, &[]);
        let passage = paper
            .passage("the victory of the war marks the solution")
            .unwrap();
        assert_eq!(
            passage.sentence,
            "At the beginning of this year, the victory of the war marks the solution of absolute poverty as scheduled."
        );
        assert!(passage.starts_before && passage.ends_after);
        let whole = paper.passage("Next one.").unwrap();
        assert_eq!(whole.sentence, "Next one.");
        assert!(!whole.starts_before && !whole.ends_after);
        assert_eq!(paper.passage("not in the text"), None);
        let wrapped = PaperText::new("the core fac-\ntor of *rural-\n\nurban* gaps. The end", &[]);
        assert_eq!(
            wrapped
                .passage("core factor")
                .map(|p| p.sentence)
                .as_deref(),
            Some("the core fac-tor of rural-urban gaps."),
            "a word hyphenated at a line's end is found joined, printed as the text has it"
        );
        let evidence = PaperText::new(
            "the core fac-\ntor of *rural-\n\nurban* gaps. The end: a factor.",
            &[],
        );
        assert_eq!(
            evidence.passage("core fac-").unwrap().sentence,
            "the core factor of rural-urban gaps.",
            "joined where the text has the word whole elsewhere"
        );
    }
}
