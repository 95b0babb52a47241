//! How close a text is to one concept: how nearly it states one of the concept's
//! names (a weighted Dice coefficient over normalised words), and how much of it the
//! concept's description and quotes hold (BM25, divided by the most it can reach).
//!
//! BM25 is written here rather than taken from the `bm25` crate: that crate hashes
//! words into 32-bit numbers (two words may collide), has no notion of the fields a
//! concept has (names weigh more than quotes), gives a total without the words that
//! made it (which `match` prints as its reason), and orders equal scores by hash-map
//! order, where linkage's output must be the same on every run.

use std::collections::HashMap;

use aho_corasick::AhoCorasick;

use super::{
    index::{idf, text_terms, Index, Name},
    needs::Need,
};
use crate::normalize::{is_hyphen, probe};

/// BM25's saturation of repeated words.
const K1: f64 = 1.2;
/// BM25's discount of long documents (a concept with many quotes).
const B: f64 = 0.75;

/// A query read for scoring.
pub(super) struct Query {
    pub(super) needs: Vec<Need>,
    /// Each need's weight in names.
    weights: Vec<f64>,
}

impl Query {
    pub(super) fn new(needs: Vec<Need>, index: &Index<'_>) -> Self {
        let weights = needs.iter().map(|n| index.need_weight(n)).collect();
        Self { needs, weights }
    }

    /// The total weight of the needs.
    pub(super) fn weight(&self) -> f64 {
        self.weights.iter().sum()
    }

    /// The weight of the needs at `indices`.
    pub(super) fn weight_of(&self, indices: &[usize]) -> f64 {
        indices.iter().map(|&i| self.weights[i]).sum()
    }

    /// Whether a need of a name is found among the needs `stretch` of the query: one
    /// of its alternatives has every term in one of those needs' alternatives.
    fn holds(&self, stretch: std::ops::RangeInclusive<usize>, need: &Need) -> bool {
        need.alternatives.iter().any(|alternative| {
            alternative.iter().all(|term| {
                self.needs[stretch.clone()]
                    .iter()
                    .any(|q| q.alternatives.iter().flatten().any(|t| t == term))
            })
        })
    }
}

/// How nearly the query states one name, in 0..=1, and which of the query's needs the
/// name holds.
///
/// The stretch of the query from the first to the last word the name holds is
/// compared with the name by the weighted Dice coefficient: the weight of the
/// stretch's words found in the name plus that of the name's words found in the
/// stretch, over the weight of both. Words weigh their rarity among names, so
/// "poverty" counts for little and a word no name has counts for much. The coefficient
/// is then scaled by the share of the query's weight the stretch holds: a name stated
/// exactly inside a longer text is part of what the text says, not all of it ("poverty
/// alleviation" in "ecological poverty alleviation", another concept).
pub(super) fn name_score(query: &Query, name: &Name<'_>) -> (f64, Vec<usize>) {
    let found: Vec<usize> = (0..query.needs.len())
        .filter(|&i| query.needs[i].found_in(&name.terms))
        .collect();
    let (Some(&first), Some(&last)) = (found.first(), found.last()) else {
        return (0.0, found);
    };
    // Needs are in text order, so the stretch is the needs from first to last.
    let stretch: Vec<usize> = (first..=last).collect();
    let (mut name_found, mut name_total) = (0.0, 0.0);
    for (need, &weight) in name.needs.iter().zip(&name.weights) {
        name_total += weight;
        if query.holds(first..=last, need) {
            name_found += weight;
        }
    }
    let total = query.weight_of(&stretch) + name_total;
    let score = if total > 0.0 {
        (query.weight_of(&found) + name_found) / total
    } else {
        0.0
    };
    let coverage = query.weight_of(&stretch) / query.weight().max(f64::MIN_POSITIVE);
    ((score * coverage).min(1.0), found)
}

/// How often each term of one query occurs in each candidate's description and quotes.
///
/// Read for the query alone, not kept for every word: a text is read word by word only
/// when it holds the start of one of the query's stems ([`Anchors`]), so a query over a
/// million quotes costs about what `search` does.
pub(super) struct Context {
    /// The query's terms, sorted.
    terms: Vec<String>,
    /// In how many candidates' texts each term occurs.
    df: Vec<u32>,
    /// For each candidate (by place) whose texts hold a term: how often each occurs.
    tf: HashMap<usize, Vec<u32>>,
}

impl Context {
    /// Counts `terms` (sorted) in the texts of `index`'s candidates.
    pub(super) fn read(index: &Index<'_>, terms: Vec<String>) -> Self {
        let mut df = vec![0u32; terms.len()];
        let mut tf: HashMap<usize, Vec<u32>> = HashMap::new();
        if index.has_postings() {
            for (i, term) in terms.iter().enumerate() {
                let postings = index.postings(term);
                df[i] = u32::try_from(postings.len()).unwrap_or(u32::MAX);
                for &(at, count) in postings {
                    tf.entry(at as usize)
                        .or_insert_with(|| vec![0; terms.len()])[i] = count;
                }
            }
            return Self { terms, df, tf };
        }
        if !index.reads_context {
            return Self { terms, df, tf };
        }
        let anchors = Anchors::new(&terms);
        for (at, concept) in index.concepts.iter().enumerate() {
            let mut counts = vec![0u32; terms.len()];
            for text in concept.texts().filter(|text| anchors.may_hold_one(text)) {
                for term in text_terms(text) {
                    if let Ok(i) = terms.binary_search(&term) {
                        counts[i] += 1;
                    }
                }
            }
            if counts.iter().any(|&c| c > 0) {
                for (d, &c) in df.iter_mut().zip(&counts) {
                    *d += u32::from(c > 0);
                }
                tf.insert(at, counts);
            }
        }
        Self { terms, df, tf }
    }

    /// Whether candidate `at`'s texts hold any of the terms.
    pub(super) fn holds_any(&self, at: usize) -> bool {
        self.tf.contains_key(&at)
    }

    fn frequency(&self, at: usize, term: &str) -> u32 {
        match (
            self.tf.get(&at),
            self.terms.binary_search_by(|t| t.as_str().cmp(term)),
        ) {
            (Some(counts), Ok(i)) => counts[i],
            _ => 0,
        }
    }

    fn weight(&self, term: &str, documents: usize) -> f64 {
        let df = self
            .terms
            .binary_search_by(|t| t.as_str().cmp(term))
            .map_or(0, |i| self.df[i]);
        idf(documents, df)
    }
}

/// The starts of a query's stems ([`probe`]), found in a text in one pass whatever
/// the case: a text holding none of them holds none of the query's words, and is not
/// read word by word.
struct Anchors {
    automaton: Option<AhoCorasick>,
    /// Whether some start has a non-ASCII letter with a case, which the automaton
    /// cannot fold: texts are then lower-cased first.
    lower_first: bool,
}

impl Anchors {
    fn new(terms: &[String]) -> Self {
        let starts: Vec<&str> = terms.iter().map(|t| probe(t)).collect();
        let lower_first = starts
            .iter()
            .any(|s| s.chars().any(|c| !c.is_ascii() && c.is_lowercase()));
        // An empty start is in every text: no automaton, every text is read.
        let automaton = if starts.iter().any(|s| s.is_empty()) {
            None
        } else {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(&starts)
                .ok()
        };
        Self {
            automaton,
            lower_first,
        }
    }

    /// Whether `text` may hold one of the terms (false: it certainly holds none).
    fn may_hold_one(&self, text: &str) -> bool {
        let Some(automaton) = &self.automaton else {
            return true;
        };
        let found = |text: &str| {
            automaton.is_match(text)
                || (text.contains(is_hyphen) && automaton.is_match(&text.replace(is_hyphen, "")))
        };
        if self.lower_first {
            found(
                &text
                    .chars()
                    .flat_map(char::to_lowercase)
                    .collect::<String>(),
            )
        } else {
            found(text)
        }
    }
}

/// How much of the query candidate `at`'s description and quotes hold, in 0..1: BM25
/// (k1 1.2, b 0.75) over those texts as one document, divided by the score a document
/// holding every word of the query without end would reach.
pub(super) fn context_score(query: &Query, at: usize, index: &Index<'_>, context: &Context) -> f64 {
    let concept = &index.concepts[at];
    if concept.context_len == 0 || !context.holds_any(at) {
        return 0.0;
    }
    let documents = index.concepts.len();
    let length = f64::from(concept.context_len) / index.context_avg_len.max(1.0);
    let (mut score, mut best) = (0.0, 0.0);
    for need in &query.needs {
        let weight = need
            .terms()
            .map(|t| context.weight(t, documents))
            .fold(0.0, f64::max);
        best += weight;
        let frequency = need
            .alternatives
            .iter()
            .map(|a| {
                a.iter()
                    .map(|t| context.frequency(at, t))
                    .min()
                    .unwrap_or(0)
            })
            .max()
            .unwrap_or(0);
        let tf = f64::from(frequency);
        score += weight * tf / (tf + K1 * (1.0 - B + B * length));
    }
    if best > 0.0 {
        score / best
    } else {
        0.0
    }
}
