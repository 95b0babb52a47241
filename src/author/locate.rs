//! `linkage locate "QUOTE"`: where a quote occurs in the papers' texts (paper, lines, the
//! section heading it falls under, which is its locator), and when it occurs nowhere
//! verbatim, the nearest misses: how much of it does occur, and whether only case,
//! quote marks or dashes differ. Everything by characters, so Chinese text works.

use serde::Serialize;

use crate::{
    headings::{headings, locator_at},
    locate::find_bytes,
};

/// A paper's text, by the paper's id.
#[derive(Debug, Clone)]
pub struct PaperText {
    /// Paper id.
    pub paper: String,
    /// Short citation.
    pub citation: String,
    /// The paper's text.
    pub text: String,
}

/// Where a quote was found, or how near it came.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Located {
    /// Paper id.
    pub paper: String,
    /// Short citation.
    pub citation: String,
    /// True when the quote occurs verbatim (white space aside).
    pub verbatim: bool,
    /// First and last line of the match (of the matching part, for a near miss).
    pub lines: (usize, usize),
    /// The heading the match falls under: the locator to use.
    pub locator: Option<String>,
    /// For a near miss: what differs.
    pub difference: Option<String>,
    /// For a near miss: how many of the quote's characters match from its start.
    pub matched_chars: usize,
    /// When only case, quote marks or dashes differ: the text's own words there (white
    /// space squeezed), to copy as the quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_words: Option<String>,
}

/// Every place `quote` occurs in `texts`; when none, the nearest miss in each text
/// that shares at least its first few characters, best first.
pub fn locate(texts: &[PaperText], quote: &str) -> Vec<Located> {
    let quote = quote.trim();
    let exact: Vec<Located> = texts
        .iter()
        .filter_map(|t| find_bytes(&t.text, quote).map(|range| place(t, range, true, None, 0)))
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    let mut near: Vec<Located> = texts.iter().filter_map(|t| near_miss(t, quote)).collect();
    near.sort_by_key(|n| std::cmp::Reverse(n.matched_chars));
    near
}

fn place(
    text: &PaperText,
    range: std::ops::Range<usize>,
    verbatim: bool,
    difference: Option<String>,
    matched_chars: usize,
) -> Located {
    let heads = headings(&text.text);
    Located {
        paper: text.paper.clone(),
        citation: text.citation.clone(),
        verbatim,
        lines: (
            line_of(&text.text, range.start),
            line_of(&text.text, range.end.saturating_sub(1).max(range.start)),
        ),
        locator: locator_at(&text.text, &heads, range.start),
        difference,
        matched_chars,
        text_words: None,
    }
}

/// 1-based line of byte `offset` in `text` (which may fall inside a character).
fn line_of(text: &str, offset: usize) -> usize {
    let bytes = text.as_bytes();
    bytes[..offset.min(bytes.len())]
        .split(|b| *b == b'\n')
        .count()
}

/// The fewest characters a near miss must share with the quote's start to be worth
/// showing: fewer is chance.
const MIN_SHARED_CHARS: usize = 5;

fn near_miss(text: &PaperText, quote: &str) -> Option<Located> {
    // Only case, quote marks or dashes differ?
    let (folded_text, origin) = fold(&text.text);
    let (folded_quote, _) = fold(quote);
    if let Some(range) = find_bytes(&folded_text, &folded_quote) {
        let range = origin[range.start]..origin[range.end.min(origin.len() - 1)];
        let words = text.text[range.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut found = place(
            text,
            range,
            false,
            Some("only case, quote marks or dashes differ".into()),
            quote.chars().count(),
        );
        found.text_words = Some(words);
        return Some(found);
    }
    // How much of the quote's start occurs, compared case-insensitively.
    let chars: Vec<char> = folded_quote.chars().collect();
    let (mut low, mut high) = (0, chars.len());
    while low < high {
        let mid = (low + high).div_ceil(2);
        let prefix: String = chars[..mid].iter().collect();
        if find_bytes(&folded_text, &prefix).is_some() {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    let enough = MIN_SHARED_CHARS.max(chars.len() * 3 / 10).min(chars.len());
    if low < enough {
        return None;
    }
    let prefix: String = chars[..low].iter().collect();
    let range = find_bytes(&folded_text, &prefix)?;
    let range = origin[range.start]..origin[range.end.min(origin.len() - 1)];
    let original: String = quote.chars().collect();
    let said: String = original.chars().take(low).collect();
    let next: String = original.chars().skip(low).take(30).collect();
    Some(place(
        text,
        range,
        false,
        Some(format!("the text has \"{said}\" but then not \"{next}\"")),
        low,
    ))
}

/// Lower case, straight quotes and hyphens for dashes, with, for every byte of the
/// folded text, the offset of the original character it came from (and one past the end),
/// so a range found in the folded text maps back to the original.
fn fold(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let c = match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            _ => c,
        };
        for lower in c.to_lowercase() {
            folded.push(lower);
            origin.resize(folded.len(), at);
        }
    }
    origin.push(text.len());
    (folded, origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> Vec<PaperText> {
        vec![PaperText {
            paper: "p".into(),
            citation: "P (2020)".into(),
            text: "## 1. Intro\nThe “effective connection” of poverty\nalleviation matters.\n## 2. 乡村\n精准扶贫是乡村振兴的基础。\n".into(),
        }]
    }

    #[test]
    fn finds_a_quote_across_lines_with_its_section() {
        let found = locate(&texts(), "poverty alleviation matters");
        assert_eq!(found.len(), 1);
        assert!(found[0].verbatim);
        assert_eq!(found[0].lines, (2, 3));
        assert_eq!(found[0].locator.as_deref(), Some("1. Intro"));
        let zh = locate(&texts(), "乡村振兴的基础");
        assert_eq!(zh[0].locator.as_deref(), Some("2. 乡村"));
    }

    #[test]
    fn a_near_miss_says_what_differs_by_characters() {
        let quotes = locate(&texts(), "the \"effective connection\" of poverty");
        assert!(!quotes[0].verbatim);
        assert_eq!(
            quotes[0].text_words.as_deref(),
            Some("The “effective connection” of poverty"),
            "the text's own words, to copy"
        );
        assert_eq!(
            quotes[0].difference.as_deref(),
            Some("only case, quote marks or dashes differ")
        );
        let zh = locate(&texts(), "精准扶贫是乡村发展的基础");
        assert_eq!(zh[0].matched_chars, 7);
        assert!(zh[0]
            .difference
            .as_deref()
            .unwrap()
            .contains("精准扶贫是乡村"));
    }
}
