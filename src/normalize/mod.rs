//! The one normaliser of words, through which `match`, `search`, name resolution and
//! `check`'s warning about duplicate concepts compare what a user types with what the
//! data says.
//!
//! Case, hyphens, word order and word endings do not matter: text is lower-cased, split
//! into words at every character that is not a letter or a digit (so `rural-urban` is
//! two words), each word reduced to its Snowball English stem (the `rust-stemmers`
//! crate, applied until the stem no longer changes, so that normalising twice changes
//! nothing), and function words ("of", "the", "and") dropped. A hyphenated compound
//! also counts as one word written solid, so `multi-dimensional` meets
//! `multidimensional`. Chinese, Japanese and Korean characters count one by one: those
//! scripts put no spaces between words.

mod sought;

use std::{cell::RefCell, collections::HashMap, ops::Range, sync::OnceLock};

use rust_stemmers::{Algorithm, Stemmer};

use crate::locate::is_cjk;
pub(crate) use sought::probe;
pub use sought::Sought;

/// One content word of a text, in its normal form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The stem (`poverti` for "poverty"); a CJK character stands for itself.
    pub stem: String,
    /// Where the word is in the text it was read from (bytes).
    pub bytes: Range<usize>,
    /// Whether this is one CJK character.
    pub cjk: bool,
}

/// Hyphenated words written solid: the words `first..first + parts` of a text, and the
/// stem of their letters joined (`multidimension` for "multi-dimensional").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compound {
    /// Index of the compound's first content word.
    pub first: usize,
    /// How many content words it spans.
    pub parts: usize,
    /// The stem of the whole compound written as one word.
    pub joined: String,
}

/// A text's content words in order, and its hyphenated compounds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    /// The content words, in text order.
    pub words: Vec<Word>,
    /// The hyphenated compounds among them.
    pub compounds: Vec<Compound>,
}

impl Words {
    /// Reads `text` into its content words.
    pub fn of(text: &str) -> Self {
        let lower = lower_with_offsets(text);
        let mut words = Vec::new();
        let mut compounds = Vec::new();
        let mut group = Group::default();
        for token in Tokens::new(&lower.text) {
            let bytes = lower.original(token.range.clone());
            if token.cjk {
                group.close(&mut compounds);
                words.push(Word {
                    stem: lower.text[token.range].to_string(),
                    bytes,
                    cjk: true,
                });
                continue;
            }
            let raw = &lower.text[token.range.clone()];
            let stem = stem(raw);
            group.add(raw, words.len());
            if !is_function_word(raw) && !is_function_word(&stem) {
                words.push(Word {
                    stem,
                    bytes,
                    cjk: false,
                });
            }
            group.content_end = words.len();
            if !token.hyphen_follows {
                group.close(&mut compounds);
            }
        }
        group.close(&mut compounds);
        Self { words, compounds }
    }

    /// Whether the text has no content word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The stems in text order, joined by spaces: the text's normal form.
    pub fn normal_form(&self) -> String {
        self.words
            .iter()
            .map(|w| w.stem.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Every stem the text holds, with each compound written solid: what a query word
    /// can be found as.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .map(|w| w.stem.as_str())
            .chain(self.compounds.iter().map(|c| c.joined.as_str()))
    }

    /// The compound starting at content word `index`, if any.
    pub fn compound_at(&self, index: usize) -> Option<&Compound> {
        self.compounds.iter().find(|c| c.first == index)
    }
}

/// `text` in its normal form: the stems of its content words, in order, one space
/// apart. Idempotent, and blind to case and hyphens.
pub fn normal_form(text: &str) -> String {
    Words::of(text).normal_form()
}

/// `text` in lower case, character by character. Not `str::to_lowercase`, which lowers
/// a capital sigma ending a word to `ς` and elsewhere to `σ`: a text would then not
/// match itself once its case or its word ends changed ("ΑΣ" against "ΑΣ-L").
pub fn fold_case(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// The words of `text` as a set, sorted and without repeats, one space apart: two names
/// with the same key say the same thing in another order or with other endings.
///
/// The stems of [`Words::of`], read without keeping where each word is: `check` keys
/// every name of a large dataset.
pub fn name_key(text: &str) -> String {
    let lower = fold_case(text);
    let mut stems: Vec<String> = Vec::new();
    for token in Tokens::new(&lower) {
        let raw = &lower[token.range];
        if token.cjk {
            stems.push(raw.to_string());
        } else if !is_function_word(raw) {
            let stem = stem(raw);
            if !is_function_word(&stem) {
                stems.push(stem);
            }
        }
    }
    stems.sort_unstable();
    stems.dedup();
    stems.join(" ")
}

/// The words of `text` as written (lower-cased, function words aside) as a set, sorted
/// and without repeats: two names with the same key say the same words in another
/// order, case or hyphenation. Endings count here, unlike in [`name_key`]: name
/// resolution picks a node by it, and "continuation" is not "continuity".
pub fn word_key(text: &str) -> String {
    let words = Words::of(text);
    let mut written: Vec<String> = words
        .words
        .iter()
        .map(|w| fold_case(&text[w.bytes.clone()]))
        .collect();
    written.sort_unstable();
    written.dedup();
    written.join(" ")
}

/// The letters of a hyphenated group being read, to be written solid.
#[derive(Default)]
struct Group {
    /// The raw (lower-case) parts joined so far.
    letters: String,
    /// How many raw parts.
    raw_parts: usize,
    /// The content-word index where the group starts.
    content_start: usize,
    /// One past the last content word in the group.
    content_end: usize,
}

impl Group {
    fn add(&mut self, raw: &str, content_index: usize) {
        if self.raw_parts == 0 {
            self.content_start = content_index;
        }
        self.letters.push_str(raw);
        self.raw_parts += 1;
    }

    /// Ends the group, recording it as a compound if it had two parts or more and at
    /// least one content word.
    fn close(&mut self, compounds: &mut Vec<Compound>) {
        if self.raw_parts >= 2 && self.content_end > self.content_start {
            let joined = stem(&self.letters);
            if !is_function_word(&joined) {
                compounds.push(Compound {
                    first: self.content_start,
                    parts: self.content_end - self.content_start,
                    joined,
                });
            }
        }
        *self = Self::default();
    }
}

/// A run of letters and digits, or one CJK character.
struct Token {
    range: Range<usize>,
    cjk: bool,
    /// Whether a single hyphen joins this run to the next.
    hyphen_follows: bool,
}

/// The tokens of lower-cased text.
struct Tokens<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Tokens<'t> {
    fn new(text: &'t str) -> Self {
        Self { text, at: 0 }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let rest = &self.text[self.at..];
        let (offset, first) = rest.char_indices().find(|&(_, c)| c.is_alphanumeric())?;
        let start = self.at + offset;
        if is_cjk(first) {
            self.at = start + first.len_utf8();
            return Some(Token {
                range: start..self.at,
                cjk: true,
                hyphen_follows: false,
            });
        }
        let end = self.text[start..]
            .char_indices()
            .find(|&(_, c)| !c.is_alphanumeric() || is_cjk(c))
            .map_or(self.text.len(), |(i, _)| start + i);
        self.at = end;
        let mut after = self.text[end..].chars();
        let hyphen_follows = after.next().is_some_and(is_hyphen)
            && after
                .next()
                .is_some_and(|c| c.is_alphanumeric() && !is_cjk(c));
        Some(Token {
            range: start..end,
            cjk: false,
            hyphen_follows,
        })
    }
}

/// Hyphen-minus and the Unicode hyphens; not dashes, which join ranges (2013–2020).
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Lower-cased text with, for each of its bytes, where that byte's character began in
/// the original (lower-casing can change a character's length).
struct Lowered {
    text: String,
    origin: Vec<usize>,
    original_len: usize,
}

impl Lowered {
    /// The original bytes a range of the lower-cased text came from.
    fn original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.origin[range.start];
        let end = self
            .origin
            .get(range.end)
            .copied()
            .unwrap_or(self.original_len);
        start..end
    }
}

fn lower_with_offsets(text: &str) -> Lowered {
    let mut lower = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        for l in c.to_lowercase() {
            let before = lower.len();
            lower.push(l);
            origin.extend(std::iter::repeat_n(at, lower.len() - before));
        }
    }
    Lowered {
        text: lower,
        origin,
        original_len: text.len(),
    }
}

/// The Snowball English stem of a lower-case word, applied until it no longer changes
/// (Snowball stems are not always fixed points: "dimensional" → "dimension" →
/// "dimens" → "dimen"), so that a stem read again is the same stem. Remembered.
fn stem(word: &str) -> String {
    // Numbers are their own stems, and a dataset may hold a great many of them.
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return word.to_string();
    }
    thread_local! {
        /// Stems already found: a text repeats its words, and `search` reads every
        /// quote. Emptied when it grows large.
        static KNOWN: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    }
    if let Some(known) = KNOWN.with(|k| k.borrow().get(word).cloned()) {
        return known;
    }
    let found = fixed_stem(word);
    KNOWN.with(|k| {
        let mut known = k.borrow_mut();
        if known.len() >= 100_000 {
            known.clear();
        }
        known.insert(word.to_string(), found.clone());
    });
    found
}

/// Word families the Snowball stemmer, applied to a fixed point, joins although they
/// mean different things in the papers' language: "universities" and "universal" both
/// end as `univ`, "organic" (connection) and "organization" as `organ`, "experience"
/// and "experiment" as `experi`, "international" and "internal" as `intern`. A word
/// that begins with one of these prefixes has the stem beside it, so each family keeps
/// its own. Sorted. ("relative" and "relations" also share a stem, `relat`; keeping
/// them apart lowered `match`'s leave-one-out recall, docs/matching.md, so they stay.)
const KEPT_APART: &[(&str, &str)] = &[
    ("experienc", "experienc"),
    ("experiment", "experiment"),
    ("internation", "internation"),
    ("organic", "organic"),
    ("organisa", "organiz"),
    ("organise", "organiz"),
    ("organisi", "organiz"),
    ("organiz", "organiz"),
    ("universal", "universal"),
    ("universit", "universit"),
];

/// [`stem`] without the memory.
fn fixed_stem(word: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    if let Some((_, stem)) = KEPT_APART
        .iter()
        .find(|(prefix, _)| word.starts_with(prefix))
    {
        return (*stem).to_string();
    }
    let stemmer = STEMMER.get_or_init(|| Stemmer::create(Algorithm::English));
    let mut current = word.to_string();
    // A stem is never longer than its word, so this ends; the bound is a backstop.
    for _ in 0..16 {
        let next = stemmer.stem(&current);
        if next == current {
            break;
        }
        current = next.into_owned();
    }
    current
}

/// English function words: articles, pronouns, prepositions, conjunctions and
/// auxiliaries, which say nothing about which concept a phrase names. Written here
/// rather than taken from a stop-word crate because the usual lists also drop words
/// that name concepts in these papers ("no worries", "all respects", "between",
/// "more", "other"); this list keeps them.
const FUNCTION_WORDS: &[&str] = &[
    "a", "am", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by", "can", "could",
    "did", "do", "does", "for", "from", "had", "has", "have", "having", "he", "her", "him", "his",
    "i", "in", "into", "is", "it", "its", "may", "me", "might", "must", "my", "of", "on", "onto",
    "or", "our", "ours", "s", "shall", "she", "should", "so", "such", "than", "that", "the",
    "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "thus", "to",
    "upon", "us", "was", "we", "were", "what", "which", "who", "whom", "whose", "will", "with",
    "would", "you", "your",
];

fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(KEPT_APART.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn families_the_stemmer_would_join_are_kept_apart() {
        for (a, b) in [
            ("universities", "universal"),
            ("organic", "organization"),
            ("experience", "experiment"),
            ("international", "internal"),
        ] {
            assert_ne!(normal_form(a), normal_form(b), "{a} / {b}");
        }
        for (a, b) in [
            ("universities", "university"),
            ("universal", "universally"),
            ("organization", "organisations"),
            ("organizational", "organize"),
            ("experiences", "experienced"),
            ("experiments", "experimental"),
            ("relations", "relation"),
        ] {
            assert_eq!(normal_form(a), normal_form(b), "{a} / {b}");
        }
    }

    #[test]
    fn endings_case_and_function_words_do_not_matter() {
        assert_eq!(
            normal_form("Institutionalization of Poverty Alleviation"),
            normal_form("institutional poverty alleviation")
        );
    }

    #[test]
    fn hyphens_split_words_and_compounds_are_written_solid() {
        let words = Words::of("multi-dimensional poverty");
        assert_eq!(words.normal_form(), "multi dimen poverti");
        assert_eq!(words.compounds.len(), 1);
        assert_eq!(words.compounds[0].joined, normal_form("multidimensional"));
        assert_eq!(words.compounds[0].parts, 2);
        assert_eq!(name_key("rural-urban"), name_key("Urban–rural"));
    }

    #[test]
    fn cjk_counts_by_character_and_offsets_point_into_the_original() {
        let text = "Ünity 精准扶贫";
        let words = Words::of(text);
        let stems: Vec<&str> = words.words.iter().map(|w| w.stem.as_str()).collect();
        assert_eq!(stems, ["üniti", "精", "准", "扶", "贫"]);
        assert_eq!(&text[words.words[0].bytes.clone()], "Ünity");
        assert_eq!(&text[words.words[1].bytes.clone()], "精");
    }
}
