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

use std::{cell::RefCell, collections::HashMap, ops::Range, sync::OnceLock};

use rust_stemmers::{Algorithm, Stemmer};

use crate::locate::is_cjk;

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

/// The words of `text` as a set, sorted and without repeats, one space apart: two names
/// with the same key say the same thing in another order or with other endings.
///
/// The stems of [`Words::of`], read without keeping where each word is: `check` keys
/// every name of a large dataset.
pub fn name_key(text: &str) -> String {
    let lower: String = text.chars().flat_map(char::to_lowercase).collect();
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
        .map(|w| text[w.bytes.clone()].to_lowercase())
        .collect();
    written.sort_unstable();
    written.dedup();
    written.join(" ")
}

/// How many other words may stand among the words of a phrase `search` looks for.
const NEAR: usize = 3;

/// A phrase `search` looks for: found in a text that holds it as written
/// (case aside), or that holds each of its words, normalised, within a few words of
/// one another, in any order. CJK runs must appear as written (white space aside).
#[derive(Debug, Clone)]
pub struct Sought {
    /// The phrase lower-cased, for the plain substring test.
    lower: String,
    /// The same with every run of other characters than letters and digits one space,
    /// so that the words written as they are, function words too, are found whatever
    /// the hyphens and punctuation between them.
    squeezed: String,
    /// Its words other than CJK.
    words: Vec<SoughtWord>,
    /// Its runs of CJK characters.
    cjk: Vec<String>,
}

#[derive(Debug, Clone)]
enum SoughtWord {
    Stem(String),
    /// A hyphenated compound: found written solid, or part by part.
    Compound {
        parts: Vec<String>,
        joined: String,
    },
}

impl Sought {
    /// Reads the phrase.
    pub fn new(phrase: &str) -> Self {
        let read = Words::of(phrase);
        let mut words = Vec::new();
        let mut cjk = Vec::new();
        let mut i = 0;
        while i < read.words.len() {
            let word = &read.words[i];
            if word.cjk {
                // A run: CJK characters with nothing but white space between them.
                let mut run = word.stem.clone();
                i += 1;
                while i < read.words.len()
                    && read.words[i].cjk
                    && phrase[read.words[i - 1].bytes.end..read.words[i].bytes.start]
                        .trim()
                        .is_empty()
                {
                    run.push_str(&read.words[i].stem);
                    i += 1;
                }
                cjk.push(run);
            } else if let Some(compound) = read.compound_at(i) {
                let parts = read.words[i..i + compound.parts]
                    .iter()
                    .map(|w| w.stem.clone())
                    .collect();
                words.push(SoughtWord::Compound {
                    parts,
                    joined: compound.joined.clone(),
                });
                i += compound.parts;
            } else {
                words.push(SoughtWord::Stem(word.stem.clone()));
                i += 1;
            }
        }
        let lower = phrase.trim().to_lowercase();
        Self {
            squeezed: squeeze(&lower).trim().to_string(),
            lower,
            words,
            cjk,
        }
    }

    /// Whether `text` holds the phrase.
    pub fn found_in(&self, text: &str) -> bool {
        if self.lower.is_empty() {
            return false;
        }
        let probed = Probed::new(text);
        let lower = probed.lower.as_str();
        if lower.contains(&self.lower) {
            return true;
        }
        if self.words.is_empty() && self.cjk.is_empty() {
            // Only function words: found as written, punctuation aside.
            return !self.squeezed.is_empty() && squeeze(lower).contains(&self.squeezed);
        }
        if !self.cjk.is_empty() {
            let squeezed: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
            if !self.cjk.iter().all(|run| squeezed.contains(run.as_str())) {
                return false;
            }
        }
        self.words.is_empty() || (self.might_be_in(&probed) && self.near_in(text))
    }

    /// Whether the text holds, for every word sought, the start of one of the ways it
    /// may be written: a cheap test that spares reading most texts word by word.
    fn might_be_in(&self, probed: &Probed) -> bool {
        self.words.iter().all(|word| match word {
            SoughtWord::Stem(stem) => probed.may_hold(stem),
            SoughtWord::Compound { parts, joined } => {
                probed.may_hold(joined) || parts.iter().all(|p| probed.may_hold(p))
            }
        })
    }

    /// Whether `text` holds every word sought, normalised, within [`NEAR`] other words.
    fn near_in(&self, text: &str) -> bool {
        let read = Words::of(text);
        // Where each word stands, a run of CJK characters counting as one word.
        let mut place = Vec::with_capacity(read.words.len());
        for (i, word) in read.words.iter().enumerate() {
            let joined = i > 0 && word.cjk && read.words[i - 1].cjk;
            let previous = place.last().copied().unwrap_or(0);
            place.push(if i == 0 || joined {
                previous
            } else {
                previous + 1
            });
        }
        let at = |term: &str| -> Vec<usize> {
            let mut places: Vec<usize> = read
                .words
                .iter()
                .enumerate()
                .filter(|(_, w)| w.stem == term)
                .map(|(i, _)| place[i])
                .chain(
                    read.compounds
                        .iter()
                        .filter(|c| c.joined == term)
                        .map(|c| place[c.first]),
                )
                .collect();
            places.sort_unstable();
            places
        };
        let mut places: Vec<Vec<usize>> = Vec::new();
        for word in &self.words {
            match word {
                SoughtWord::Stem(stem) => places.push(at(stem)),
                SoughtWord::Compound { parts, joined } => {
                    let solid = at(joined);
                    if solid.is_empty() {
                        places.extend(parts.iter().map(|p| at(p)));
                    } else {
                        places.push(solid);
                    }
                }
            }
        }
        shortest_span(&places).is_some_and(|span| span <= places.len() + NEAR)
    }
}

/// A text made ready for quick tests of whether it may hold a word of a given stem,
/// before reading it word by word.
pub(crate) struct Probed {
    /// The text lower-cased as [`Words::of`] lower-cases it.
    lower: String,
    /// The same without its hyphens, where it has any: a compound written solid.
    solid: Option<String>,
}

impl Probed {
    pub(crate) fn new(text: &str) -> Self {
        let lower: String = text.chars().flat_map(char::to_lowercase).collect();
        let solid = lower
            .contains(is_hyphen)
            .then(|| lower.chars().filter(|&c| !is_hyphen(c)).collect());
        Self { lower, solid }
    }

    /// Whether the text may hold a word whose stem is `stem` (false: it certainly
    /// does not). See [`probe`].
    pub(crate) fn may_hold(&self, stem: &str) -> bool {
        let probe = probe(stem);
        self.lower.contains(probe) || self.solid.as_deref().is_some_and(|s| s.contains(probe))
    }
}

/// What every lower-case word whose stem is `stem` starts with: the stem without its
/// last character. The English Snowball stemmer only rewrites the end of a word
/// ("happy" → "happi", "hoping" → "hope", "possibility" → "possibl"), so all but the
/// stem's last character is the word's own; only "dying", "lying" and "tying" (→ "die",
/// "lie", "tie") rewrite more, and their stems get no probe. A unit test holds this
/// for every word of the shipped texts.
pub(crate) fn probe(stem: &str) -> &str {
    if matches!(stem, "die" | "lie" | "tie") {
        return "";
    }
    stem.char_indices().last().map_or("", |(at, _)| &stem[..at])
}

/// `text` with each run of characters other than letters and digits made one space.
fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    if gap {
        out.push(' ');
    }
    out
}

/// The fewest consecutive words holding one place from each list (`None` when a list is
/// empty): the smallest window over the merged places that covers every list.
fn shortest_span(places: &[Vec<usize>]) -> Option<usize> {
    if places.iter().any(Vec::is_empty) {
        return None;
    }
    let mut merged: Vec<(usize, usize)> = places
        .iter()
        .enumerate()
        .flat_map(|(list, ps)| ps.iter().map(move |&p| (p, list)))
        .collect();
    merged.sort_unstable();
    let mut count = vec![0usize; places.len()];
    let mut covered = 0;
    let mut best: Option<usize> = None;
    let mut start = 0;
    for end in 0..merged.len() {
        let list = merged[end].1;
        if count[list] == 0 {
            covered += 1;
        }
        count[list] += 1;
        while covered == places.len() {
            let span = merged[end].0 - merged[start].0 + 1;
            best = Some(best.map_or(span, |b| b.min(span)));
            let first = merged[start].1;
            count[first] -= 1;
            if count[first] == 0 {
                covered -= 1;
            }
            start += 1;
        }
    }
    best
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

/// [`stem`] without the memory.
fn fixed_stem(word: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
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
    fn search_finds_words_near_one_another_in_any_order() {
        let sought = Sought::new("alpha beta");
        assert!(sought.found_in("Beta and the alphas"));
        assert!(sought.found_in("alpha one two three beta"));
        assert!(!sought.found_in("alpha one two three four beta"));
        assert!(!sought.found_in("alpha"));
        assert!(Sought::new("rural-urban").found_in("Urban–rural integration"));
        assert!(Sought::new("ruralurban").found_in("rural-urban integration"));
        assert!(Sought::new("multidimensional").found_in("multi-dimensional poverty"));
        assert!(Sought::new("multi-dimensional").found_in("multidimensional poverty"));
        assert!(Sought::new("扶贫").found_in("精准 扶贫"));
        assert!(!Sought::new("贫扶").found_in("精准扶贫"));
        // Only function words: found as written, or not at all.
        assert!(Sought::new("of the").found_in("most of the time"));
        assert!(!Sought::new("of the").found_in("the top of it"));
    }

    /// The promise [`probe`] makes, on every word of the shipped texts.
    #[test]
    fn every_word_starts_with_its_stems_probe() {
        let mut words = 0;
        for (_, bytes) in crate::embedded::TEXTS {
            let text = String::from_utf8_lossy(bytes).to_lowercase();
            for word in text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                let stem = stem(word);
                assert!(word.starts_with(probe(&stem)), "{word} → {stem}");
                words += 1;
            }
        }
        assert!(words > 1000);
        for word in [
            "dying",
            "lying",
            "tying",
            "cry",
            "possibility",
            "hoping",
            "agreed",
        ] {
            assert!(word.starts_with(probe(&stem(word))), "{word}");
        }
    }

    proptest::proptest! {
        /// [`probe`]'s promise on made-up words too.
        #[test]
        fn every_made_up_word_starts_with_its_stems_probe(word in "[a-z]{1,16}") {
            let stem = stem(&word);
            proptest::prop_assert!(word.starts_with(probe(&stem)), "{} → {}", word, stem);
        }
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
