//! How close a text is to one concept: how nearly it states one of the concept's
//! names (a weighted Dice coefficient over normalised words), and how much of it the
//! concept's description and quotes hold (BM25, divided by the most it can reach).
//!
//! BM25 is written here rather than taken from the `bm25` crate: that crate hashes
//! words into 32-bit numbers (two words may collide), has no notion of the fields a
//! concept has (names weigh more than quotes), gives a total without the words that
//! made it (which `match` prints as its reason), and orders equal scores by hash-map
//! order, where linkage's output must be the same on every run.

use std::ops::Range;

use super::index::{Concept, Index, Name};
use crate::normalize::Words;

/// BM25's saturation of repeated words.
const K1: f64 = 1.2;
/// BM25's discount of long documents (a concept with many quotes).
const B: f64 = 0.75;

/// One word of a text to be found in another: a stem; a hyphenated compound (all its
/// parts, or the compound written solid); or two neighbouring CJK characters.
#[derive(Debug, Clone)]
pub(super) struct Need {
    /// Ways to find it: every term of one alternative present.
    pub(super) alternatives: Vec<Vec<String>>,
    /// The content words it covers.
    pub(super) positions: Range<usize>,
    /// The bytes of the text it was read from.
    pub(super) bytes: Range<usize>,
}

impl Need {
    fn new(alternatives: Vec<Vec<String>>, positions: Range<usize>, words: &Words) -> Self {
        let bytes =
            words.words[positions.start].bytes.start..words.words[positions.end - 1].bytes.end;
        Self {
            alternatives,
            positions,
            bytes,
        }
    }

    /// Whether `terms` (sorted) satisfy the need.
    pub(super) fn found_in(&self, terms: &[String]) -> bool {
        self.alternatives
            .iter()
            .any(|alternative| alternative.iter().all(|t| terms.binary_search(t).is_ok()))
    }

    /// Every term of every alternative.
    fn terms(&self) -> impl Iterator<Item = &String> {
        self.alternatives.iter().flatten()
    }
}

/// The needs of a text, in order. CJK text is read as overlapping pairs of characters
/// (a lone character stands alone): Chinese words are mostly two characters long, and
/// pairs keep "扶贫" (poverty alleviation) apart from "贫" alone.
pub(super) fn needs(words: &Words) -> Vec<Need> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.words.len() {
        if words.words[i].cjk {
            let end = (i..words.words.len())
                .find(|&j| !words.words[j].cjk)
                .unwrap_or(words.words.len());
            if end - i == 1 {
                out.push(Need::new(
                    vec![vec![words.words[i].stem.clone()]],
                    i..i + 1,
                    words,
                ));
            }
            for j in i..end.saturating_sub(1) {
                let pair = format!("{}{}", words.words[j].stem, words.words[j + 1].stem);
                out.push(Need::new(vec![vec![pair]], j..j + 2, words));
            }
            i = end;
        } else if let Some(compound) = words.compound_at(i) {
            let end = i + compound.parts;
            let parts = words.words[i..end].iter().map(|w| w.stem.clone()).collect();
            out.push(Need::new(
                vec![parts, vec![compound.joined.clone()]],
                i..end,
                words,
            ));
            i = end;
        } else {
            out.push(Need::new(
                vec![vec![words.words[i].stem.clone()]],
                i..i + 1,
                words,
            ));
            i += 1;
        }
    }
    out
}

/// Every term the needs can be found as, sorted, once each.
pub(super) fn terms(needs: &[Need]) -> Vec<String> {
    let mut terms: Vec<String> = needs.iter().flat_map(Need::terms).cloned().collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// A query read for scoring.
pub(super) struct Query {
    pub(super) needs: Vec<Need>,
    /// Each need's weight in names.
    weights: Vec<f64>,
}

impl Query {
    pub(super) fn new(needs: Vec<Need>, index: &Index<'_>) -> Self {
        let weights = needs.iter().map(|n| need_weight(n, index)).collect();
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
}

/// A need weighs as much as its rarest term.
fn need_weight(need: &Need, index: &Index<'_>) -> f64 {
    need.terms()
        .map(|t| index.name_weight(t))
        .fold(0.0, f64::max)
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
pub(super) fn name_score(query: &Query, name: &Name<'_>, index: &Index<'_>) -> (f64, Vec<usize>) {
    let found: Vec<usize> = (0..query.needs.len())
        .filter(|&i| query.needs[i].found_in(&name.terms))
        .collect();
    let (Some(&first), Some(&last)) = (found.first(), found.last()) else {
        return (0.0, found);
    };
    let span = query.needs[first].positions.start..query.needs[last].positions.end;
    let stretch: Vec<usize> = (0..query.needs.len())
        .filter(|&i| {
            let p = &query.needs[i].positions;
            p.start >= span.start && p.end <= span.end
        })
        .collect();
    let stretch_needs: Vec<Need> = stretch.iter().map(|&i| query.needs[i].clone()).collect();
    let stretch_terms = terms(&stretch_needs);
    let (mut name_found, mut name_total) = (0.0, 0.0);
    for need in &name.needs {
        let weight = need_weight(need, index);
        name_total += weight;
        if need.found_in(&stretch_terms) {
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

/// How much of the query the concept's description and quotes hold, in 0..1: BM25
/// (k1 1.2, b 0.75) over those texts as one document, divided by the score a document
/// holding every word of the query without end would reach.
pub(super) fn context_score(query: &Query, concept: &Concept<'_>, index: &Index<'_>) -> f64 {
    if concept.context_len == 0 {
        return 0.0;
    }
    let length = f64::from(concept.context_len) / index.context_avg_len.max(1.0);
    let (mut score, mut best) = (0.0, 0.0);
    for need in &query.needs {
        let weight = need
            .terms()
            .map(|t| index.context_weight(t))
            .fold(0.0, f64::max);
        best += weight;
        let frequency = need
            .alternatives
            .iter()
            .map(|a| {
                a.iter()
                    .map(|t| concept.context.get(t).copied().unwrap_or(0))
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
