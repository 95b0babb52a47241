//! Which part of a paper a source is in, named so that a reader finds it: the shortest
//! end of its chain of headings that no other part of the same paper shares.
//!
//! A locator is a chain of headings, outermost first (`Existing problems and cause
//! analysis / Weak regional support capacity / 1)`). The innermost heading alone is
//! usually enough (`§2.2.4 Target Target`), but not always: Tan, Liu & Huang number the
//! items of four lists `1)`, `2)`, `3)`, so `§2)` could be any of four places. Human
//! output prints as many headings from the inside out as it takes to name one place
//! of the paper (`§Weak regional support capacity / 1)`); JSON and exports keep the
//! whole chain.
//!
//! Two chains name the same place when one ends with the other (a locator may give the
//! innermost headings only: `Optimization of the assessment system / 3) …` is the
//! place `The Countermeasures and Suggestions / Optimization of the assessment system
//! / 3) …` names in full).
//!
//! A source without a locator is placed by its paper's text, when at hand: the chain
//! of headings its quote falls under (src/headings.rs).

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use textwrap::core::display_width;

use crate::{relation::Source, symbol::Symbol};

/// Widest short locator, in columns.
const SHORT_LOCATOR: usize = 52;

/// Separates the headings of a chain.
pub(crate) const CHAIN_SEPARATOR: &str = " / ";

/// The places of one paper: every distinct chain its sources' locators name, by their
/// innermost heading (lower case), to find the chains a suffix could be confused with.
#[derive(Debug, Default)]
pub(crate) struct PaperPlaces {
    by_innermost: FxHashMap<String, Vec<Vec<String>>>,
}

impl PaperPlaces {
    fn add(&mut self, chain: Vec<String>) {
        let Some(innermost) = chain.last() else {
            return;
        };
        let same = self
            .by_innermost
            .entry(innermost.to_lowercase())
            .or_default();
        if !same.contains(&chain) {
            same.push(chain);
        }
    }

    /// How many headings from the inside out name `chain`'s place and no other: the
    /// shortest end of it that every chain ending the same way names the same place
    /// with. The whole chain when no end is unique.
    fn unique_end(&self, chain: &[String]) -> usize {
        let Some(innermost) = chain.last() else {
            return 0;
        };
        let Some(others) = self.by_innermost.get(&innermost.to_lowercase()) else {
            return 1;
        };
        (1..=chain.len())
            .find(|&k| {
                let end = &chain[chain.len() - k..];
                others
                    .iter()
                    .filter(|other| ends_with(other, end))
                    .all(|other| ends_with(other, chain) || ends_with(chain, other))
            })
            .unwrap_or(chain.len())
    }
}

/// Whether `chain` ends with the headings `end` (case aside).
fn ends_with(chain: &[String], end: &[String]) -> bool {
    chain.len() >= end.len()
        && chain[chain.len() - end.len()..]
            .iter()
            .zip(end)
            .all(|(a, b)| a.to_lowercase() == b.to_lowercase())
}

/// The headings of a locator, outermost first (a page it names first is no heading).
pub(crate) fn chain(locator: &str) -> Vec<String> {
    crate::pages::split(locator)
        .1
        .split(CHAIN_SEPARATOR)
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every paper's places, gathered from `sources`: `paper_of` gives a source's paper's
/// index (of `papers`), `locator_of` its locator (as the data gives it, or from its
/// paper's text).
pub(crate) fn gather<'s>(
    papers: usize,
    sources: impl Iterator<Item = &'s Source>,
    paper_of: impl Fn(&Source) -> Option<usize>,
    locator_of: impl Fn(&'s Source) -> Cow<'s, str>,
) -> Vec<PaperPlaces> {
    let mut places: Vec<PaperPlaces> = (0..papers).map(|_| PaperPlaces::default()).collect();
    // A large dataset repeats a few locators a million times: each distinct one is
    // split into its chain once.
    let mut seen: FxHashSet<(Symbol, &str)> = FxHashSet::default();
    for source in sources {
        let given = source.locator();
        if !given.trim().is_empty() && !seen.insert((source.paper, given)) {
            continue;
        }
        if let Some(j) = paper_of(source) {
            places[j].add(chain(&locator_of(source)));
        }
    }
    places
}

/// The locator for the terminal, from a source's `locator` (its chain of headings),
/// its paper's `places` and its `page`: the page, where known, then `§` and the
/// fewest innermost headings that name one place of the paper (`p. 317, §Weak
/// regional support capacity / 1)`), fitted into a few words (outer headings cut
/// first, marked `…`).
pub(crate) fn short(locator: &str, places: Option<&PaperPlaces>, page: Option<String>) -> String {
    let chain = chain(locator);
    let k = places.map_or(1, |p| p.unique_end(&chain)).max(1);
    let end = &chain[chain.len().saturating_sub(k)..];
    let headings = if end.is_empty() {
        String::new()
    } else {
        fit_locator(end)
    };
    match page {
        Some(page) => crate::pages::join(Some(&page), &headings),
        None if headings.is_empty() => fit_locator(end),
        None => headings,
    }
}

/// One heading for the terminal: `§` and the heading, cut to a few words (`…`). How
/// many headings of a source's chain to print is
/// [`ConceptGraph::short_locator`](crate::graph::ConceptGraph::short_locator)'s
/// choice.
pub fn short_locator(heading: &str) -> String {
    let heading = heading.trim();
    let mut short = String::with_capacity(heading.len().min(4 * SHORT_LOCATOR) + 5);
    short.push('§');
    if display_width(heading) < SHORT_LOCATOR {
        short.push_str(heading);
        return short;
    }
    let mut width = display_width(&short);
    for c in heading.chars() {
        let next = if c.is_ascii_graphic() || c == ' ' {
            1
        } else {
            display_width(c.encode_utf8(&mut [0; 4]))
        };
        if width + next + 1 > SHORT_LOCATOR {
            break;
        }
        short.push(c);
        width += next;
    }
    short.trim_end().to_string() + "…"
}

/// `§` and the headings `end`, joined, within [`SHORT_LOCATOR`] columns: the innermost
/// heading kept whole if it fits, the outer ones cut from their end with `…`.
fn fit_locator(end: &[String]) -> String {
    let Some((innermost, outer)) = end.split_last() else {
        return "§".to_string();
    };
    let whole = format!("§{}", end.join(CHAIN_SEPARATOR));
    if display_width(&whole) < SHORT_LOCATOR {
        return whole;
    }
    let inner = short_locator(innermost);
    let room = SHORT_LOCATOR.saturating_sub(display_width(&inner) + CHAIN_SEPARATOR.len() + 1);
    if outer.is_empty() || room < 8 {
        return inner;
    }
    let outer = outer.join(CHAIN_SEPARATOR);
    let mut cut = String::new();
    for c in outer.chars() {
        if display_width(&cut) + display_width(c.encode_utf8(&mut [0; 4])) > room {
            break;
        }
        cut.push(c);
    }
    format!(
        "§{}…{CHAIN_SEPARATOR}{}",
        cut.trim_end(),
        inner.trim_start_matches('§')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(locators: &[&str]) -> PaperPlaces {
        let mut places = PaperPlaces::default();
        for locator in locators {
            places.add(chain(locator));
        }
        places
    }

    #[test]
    fn a_list_item_is_named_with_its_list_and_a_unique_heading_alone() {
        let paper = places(&[
            "Problems / Obstacles / 1)",
            "Problems / Weak regional support capacity / 1)",
            "Suggestions / Optimization of the assessment system / 3) Cultivate",
            "Optimization of the assessment system / 3) Cultivate",
            "2.2.4 Target Target",
        ]);
        let short = |locator: &str| {
            let chain = chain(locator);
            fit_locator(&chain[chain.len() - paper.unique_end(&chain)..])
        };
        assert_eq!(short("Problems / Obstacles / 1)"), "§Obstacles / 1)");
        assert_eq!(
            short("Problems / Weak regional support capacity / 1)"),
            "§Weak regional support capacity / 1)"
        );
        assert_eq!(
            short("Optimization of the assessment system / 3) Cultivate"),
            "§3) Cultivate"
        );
        assert_eq!(short("2.2.4 Target Target"), "§2.2.4 Target Target");
    }

    #[test]
    fn a_long_chain_is_cut_in_its_outer_headings() {
        let end = chain("Obstacles in the connection between rural development and targeted poverty alleviation / 1)");
        let fitted = fit_locator(&end);
        assert!(
            fitted.starts_with("§Obstacles in the connection"),
            "{fitted}"
        );
        assert!(fitted.ends_with("… / 1)"), "{fitted}");
        assert!(display_width(&fitted) <= SHORT_LOCATOR, "{fitted}");
    }
}
