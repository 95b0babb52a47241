//! `search`'s test of a phrase: the text as written, or its words, normalised, near
//! one another in any order; and the quick test that spares reading most texts word by
//! word, which `match` shares.

use super::{is_hyphen, Words};

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
        let lower = super::fold_case(phrase.trim());
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
struct Probed {
    /// The text lower-cased as [`Words::of`] lower-cases it.
    lower: String,
    /// The same without its hyphens, where it has any: a compound written solid.
    solid: Option<String>,
}

impl Probed {
    fn new(text: &str) -> Self {
        let lower = super::fold_case(text);
        let solid = lower
            .contains(is_hyphen)
            .then(|| lower.chars().filter(|&c| !is_hyphen(c)).collect());
        Self { lower, solid }
    }

    /// Whether the text may hold a word whose stem is `stem` (false: it certainly
    /// does not). See [`probe`].
    fn may_hold(&self, stem: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::stem;

    /// A capital sigma ending a word lowers as any other (proptest's find: `str`'s
    /// lowering made it `ς` in the phrase and `σ` in the text).
    #[test]
    fn a_text_with_a_final_sigma_is_found_in_itself() {
        let text = "Σ AA-l-L-ΑΣ-L, b ";
        assert!(Sought::new(text).found_in(text));
        assert!(Sought::new("ΟΔΟΣ").found_in("οδοσ"));
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
}
