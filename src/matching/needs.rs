//! A text read into what a match needs to find of it ([`Need`]): each word's stem, a
//! hyphenated compound either way, or two neighbouring CJK characters. Both the index
//! (a concept's names) and the scores (a query) read texts so.

use std::ops::Range;

use crate::normalize::Words;

/// One word of a text to be found in another: a stem; a hyphenated compound (all its
/// parts, or the compound written solid); or two neighbouring CJK characters.
#[derive(Debug, Clone)]
pub(super) struct Need {
    /// Ways to find it: every term of one alternative present.
    pub(super) alternatives: Vec<Vec<String>>,
    /// The bytes of the text it was read from.
    pub(super) bytes: Range<usize>,
}

impl Need {
    fn new(alternatives: Vec<Vec<String>>, positions: Range<usize>, words: &Words) -> Self {
        let bytes =
            words.words[positions.start].bytes.start..words.words[positions.end - 1].bytes.end;
        Self {
            alternatives,
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
    pub(super) fn terms(&self) -> impl Iterator<Item = &String> {
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
