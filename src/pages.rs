//! Pages: on which page of a paper a quote stands, and how a locator names a page.
//!
//! A paper's text knows its pages when they are separated by form feeds
//! ([`crate::pdf::PAGE_BREAK`]): a PDF's extracted text always is, and so is a text
//! `pdftotext` wrote. The first page of the text is the first page of the range the
//! paper's record gives in `pages` (`"312-332"`: the text's first page is p. 312), else
//! page 1. A
//! locator may name its page itself, before its headings: `p. 317, 3.2 Funds`,
//! `pp. 317-318`, `p. iv`; that is the page printed, and `check` warns when the text
//! puts the quote on another.
//!
//! Human output and every export that carries locators write the page first
//! (`p. 317, §3.2 Funds`); the data keeps what the scholar wrote.

use std::ops::Range;

use crate::pdf::PAGE_BREAK;

/// Separates a locator's page from its headings.
pub(crate) const PAGE_SEPARATOR: &str = ", ";

/// A locator's page, if it names one (`p. 317`, `pp. 317-318`, `p. iv`), and the rest
/// of it (its headings, maybe empty).
pub(crate) fn split(locator: &str) -> (Option<&str>, &str) {
    let locator = locator.trim();
    let Some(rest) = locator
        .strip_prefix("pp. ")
        .or_else(|| locator.strip_prefix("p. "))
    else {
        return (None, locator);
    };
    let end = rest.find(PAGE_SEPARATOR.trim_end()).unwrap_or(rest.len());
    let number = &rest[..end];
    let is_page = !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '–' | ' '))
        && number.split(['-', '–']).all(|part| {
            let part = part.trim();
            !part.is_empty()
                && (part.chars().all(|c| c.is_ascii_digit())
                    || part.chars().all(|c| "ivxlcdm".contains(c)))
        });
    if !is_page {
        return (None, locator);
    }
    let page = &locator[..locator.len() - rest.len() + end];
    let headings = rest[end..].trim_start_matches(',').trim();
    (Some(page), headings)
}

/// `page` and `headings` as one locator (`p. 317, 3.2 Funds`; either may be absent).
pub(crate) fn join(page: Option<&str>, headings: &str) -> String {
    match (page, headings.trim()) {
        (Some(page), "") => page.to_string(),
        (Some(page), headings) => format!("{page}{PAGE_SEPARATOR}{headings}"),
        (None, headings) => headings.to_string(),
    }
}

/// The page number the record's `pages` range starts with (`"312-332"`, `"312–332"`),
/// else 1: a single number (`"3327"`) is as often an article number (MDPI, PLOS) as a
/// page, and such a journal's PDF counts its pages from 1.
pub(crate) fn first_page(pages: Option<&str>) -> u32 {
    pages
        .and_then(|pages| {
            let (first, last) = pages.trim().split_once(['-', '–'])?;
            let last = last.trim_start_matches(['-', '–']).trim();
            let first: u32 = first.trim().parse().ok()?;
            let last: u32 = last.parse().ok()?;
            (last >= first).then_some(first)
        })
        .unwrap_or(1)
}

/// The pages of a text: where each page after the first begins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Pages {
    /// Byte offsets of the page breaks.
    breaks: Vec<usize>,
}

impl Pages {
    /// The pages of `text`.
    pub(crate) fn of(text: &str) -> Self {
        Self {
            breaks: text.match_indices(PAGE_BREAK).map(|(at, _)| at).collect(),
        }
    }

    /// Whether the text is divided into pages.
    pub(crate) fn known(&self) -> bool {
        !self.breaks.is_empty()
    }

    /// The page (counted from 0) holding byte `at`.
    fn index_at(&self, at: usize) -> usize {
        self.breaks.partition_point(|&b| b <= at)
    }

    /// The page or pages the bytes `span` of the text stand on, numbered from `first`
    /// (`p. 317`, `pp. 317–318`); `None` when the text has no pages.
    pub(crate) fn label(&self, span: Range<usize>, first: u32) -> Option<String> {
        if !self.known() {
            return None;
        }
        let from = self.index_at(span.start);
        let to = self.index_at(span.end.saturating_sub(1).max(span.start));
        let number = |index: usize| first.saturating_add(u32::try_from(index).unwrap_or(u32::MAX));
        Some(if from == to {
            format!("p. {}", number(from))
        } else {
            format!("pp. {}–{}", number(from), number(to))
        })
    }
}

/// Whether a page a locator names (`p. 317`, `pp. 317–318`) covers the text's `found`
/// pages (as [`Pages::label`] gives them): each page found lies in the range named.
pub(crate) fn covers(named: &str, found: &str) -> bool {
    let range = |label: &str| -> Option<(u32, u32)> {
        let numbers = label.trim_start_matches("pp. ").trim_start_matches("p. ");
        let mut parts = numbers.split(['-', '–']).map(|p| p.trim().parse::<u32>());
        let first = parts.next()?.ok()?;
        let last = parts.next().map_or(Ok(first), |p| p).ok()?;
        Some((first, last))
    };
    match (range(named), range(found)) {
        (Some((a, b)), Some((c, d))) => a <= c && d <= b,
        // A roman numeral is not compared.
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locator_names_its_page_before_its_headings() {
        assert_eq!(split("p. 317, 3.2 Funds"), (Some("p. 317"), "3.2 Funds"));
        assert_eq!(split("pp. 317–318"), (Some("pp. 317–318"), ""));
        assert_eq!(split("p. iv, Preface"), (Some("p. iv"), "Preface"));
        assert_eq!(split("3.2 Funds"), (None, "3.2 Funds"));
        assert_eq!(split("p. Smith's view, 3"), (None, "p. Smith's view, 3"));
        assert_eq!(join(Some("p. 5"), "Abstract"), "p. 5, Abstract");
        assert_eq!(join(None, "Abstract"), "Abstract");
        assert_eq!(join(Some("p. 5"), ""), "p. 5");
    }

    #[test]
    fn a_quote_is_on_the_page_its_bytes_are_on_numbered_from_the_record() {
        let text = "one\n\u{c}two\n\u{c}three";
        let pages = Pages::of(text);
        let at = |word: &str| {
            let start = text.find(word).unwrap();
            start..start + word.len()
        };
        assert_eq!(pages.label(at("one"), 1).as_deref(), Some("p. 1"));
        assert_eq!(pages.label(at("three"), 312).as_deref(), Some("p. 314"));
        assert_eq!(
            pages.label(at("two\n\u{c}three"), 1).as_deref(),
            Some("pp. 2–3")
        );
        assert_eq!(Pages::of("no pages").label(0..2, 1), None);
        assert_eq!(first_page(Some("312-332")), 312);
        assert_eq!(first_page(Some("312--332")), 312);
        assert_eq!(first_page(Some("3327")), 1, "an article number");
        assert_eq!(first_page(Some("e1234")), 1);
        assert_eq!(first_page(None), 1);
        assert!(covers("pp. 312–314", "p. 313") && !covers("p. 312", "pp. 312–313"));
    }
}
