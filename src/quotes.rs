//! Verifying that every quote occurs in its paper's text.
//!
//! Comparison normalises white space and line breaks (the texts were converted from
//! PDF and wrap anywhere) and nothing else: case, punctuation and typos must match.
//!
//! Besides the quotes themselves, three things are worth a warning (never an error): a
//! locator naming a section heading the text does not contain (see [`missing_headings`]
//! for how a locator is matched), a locator naming another section than the one the
//! quote falls under (only where the text has numbered or Markdown headings, see
//! `headings.rs`), and a quote too short to identify a claim ("the").
//!
//! A source may omit its locator: the check derives it from the heading the quote falls
//! under and reports it ([`QuoteReport::derived`]); with no heading before the quote, or
//! no text to look in, an omitted locator is an error.

use std::collections::HashMap;

use crate::{
    diagnostic::Diagnostic,
    graph::ConceptGraph,
    headings::{
        headings, locator_at, names_heading, names_paragraph, paragraph_locator, sections_holding,
        Heading,
    },
    locate::{normalise, TextIndex},
    paper::Paper,
    relation::Source,
    source_map,
    text_store::TextStore,
};

/// The outcome of a quote check.
#[derive(Debug)]
pub struct QuoteReport {
    /// Where the texts came from, as shown to the user.
    pub texts: String,
    /// Number of sources whose quote was looked up in its paper's text.
    pub checked: usize,
    /// Number of sources not checked because their paper's text is missing.
    pub unchecked: usize,
    /// One diagnostic per missing text (first), then per quote not found, in data order,
    /// then per omitted locator that cannot be derived.
    pub failures: Vec<Diagnostic>,
    /// How many of `failures` (at the front) are missing texts.
    pub missing_texts: usize,
    /// How many of `failures` (after the missing texts) are quotes not found.
    pub quotes_not_found: usize,
    /// Locators not found in the text, locators naming another section than the quote's,
    /// and trivially short quotes.
    pub warnings: Vec<Diagnostic>,
    /// The locators derived from the texts for sources that omit theirs, in data order.
    pub derived: Vec<DerivedLocator>,
}

/// A locator the check filled in from the text's headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivedLocator {
    /// The data file holding the source, as the user knows it.
    pub file: String,
    /// 1-based line of the source's quote in that file, where it can be found.
    pub line: Option<usize>,
    /// Paper id.
    pub paper: String,
    /// The heading the quote falls under.
    pub locator: String,
    /// 1-based line of the quote in the paper's text.
    pub text_line: usize,
}

/// A paper's text, indexed for finding quotes, and normalised and lower-cased for
/// locators.
struct PaperText {
    index: TextIndex,
    lower: String,
    headings: Vec<Heading>,
    /// Its pages, when it is divided into pages, numbered from `first_page`.
    pages: crate::pages::Pages,
    first_page: u32,
}

/// Checks every source's quote against its paper's text in `texts`. Every missing text
/// is reported (naming the paper and its `file`), and the papers whose texts are there
/// are still checked.
pub fn verify_quotes(graph: &ConceptGraph, texts: &TextStore) -> QuoteReport {
    let mut failures = Vec::new();
    let mut loaded: HashMap<&str, PaperText> = HashMap::new();
    for paper in graph.papers() {
        match texts.text(&paper.file) {
            Ok(text) => {
                let lower = normalise(&text).to_lowercase();
                let index = TextIndex::new(&text);
                let headings = headings(&text);
                loaded.insert(
                    &paper.id,
                    PaperText {
                        index,
                        lower,
                        headings,
                        pages: crate::pages::Pages::of(&text),
                        first_page: crate::pages::first_page(paper.pages.as_deref()),
                    },
                );
            }
            Err(why) => failures.push(missing_text(graph, paper, &why)),
        }
    }
    let missing_texts = failures.len();
    let mut sources: Vec<&Source> = graph
        .relations()
        .flat_map(|(_, r)| r.sources.iter())
        .chain(graph.facts().iter().flat_map(|f| f.sources.iter()))
        .collect();
    sources.sort_by_key(|s| {
        (
            s.origin.file,
            s.origin.in_facts,
            s.origin.relation,
            s.origin.source,
        )
    });
    let (mut checked, mut unchecked) = (0, 0);
    let mut warnings = Vec::new();
    // Each distinct (paper, locator) is matched once and warned about once, with the
    // number of sources using it.
    let mut locators: HashMap<(&str, &str), Option<usize>> = HashMap::new();
    let mut locator_warnings: Vec<(Diagnostic, usize)> = Vec::new();
    // Likewise each (paper, locator, section the quote falls under) that disagree.
    let mut disagreements: HashMap<(&str, &str, String), usize> = HashMap::new();
    let mut unlocated = Vec::new();
    let mut derived = Vec::new();
    for source in sources {
        let Some(text) = loaded.get(source.paper.as_str()) else {
            unchecked += 1;
            continue;
        };
        checked += 1;
        let quote = normalise(source.quote());
        let span = text.index.locate(&quote);
        if span.is_none() {
            failures.push(
                at_quote(graph, source, quote_not_found(graph, source))
                    .with_hint(hint_for(&text.index, &quote)),
            );
        }
        if is_trivially_short(&quote) {
            warnings.push(
                at_quote(
                    graph,
                    source,
                    format!(
                        "quote \"{}\" is too short to show what the paper claims",
                        source.quote().trim()
                    ),
                )
                .warning()
                .with_hint("quote the clause that makes the claim, not one or two words"),
            );
        }
        if source.locator().trim().is_empty() {
            match span.and_then(|span| {
                let locator = locator_at(text.index.text(), &text.headings, span.start_byte)?;
                Some((span, locator))
            }) {
                Some((span, locator)) => {
                    derived.push(derive(graph, source, locator, span.first_line));
                }
                None if span.is_some() => unlocated.push(no_locator(graph, source)),
                // The quote is not in the text: that is the one mistake to report.
                None => {}
            }
            continue;
        }
        let (named_page, headings_part) = crate::pages::split(source.locator());
        if let (Some(named), Some(span)) = (named_page, span) {
            if let Some(found) = text.pages.label(span.bytes(), text.first_page) {
                if !crate::pages::covers(named, &found) {
                    warnings.push(page_disagreement(graph, source, named, &found));
                }
            }
        }
        // A text without headings is located by paragraph (`paragraph 3`): the quote's own.
        if text.headings.is_empty() && names_paragraph(headings_part, text.index.text()) {
            if let Some(span) = span {
                let found = paragraph_locator(text.index.text(), span.start_byte);
                if found != headings_part.trim() {
                    warnings.push(paragraph_disagreement(graph, source, &found));
                }
            }
            continue;
        }
        if headings_part.is_empty() {
            continue;
        }
        let key = (source.paper.as_str(), source.locator());
        let warned = *locators.entry(key).or_insert_with(|| {
            let missing = missing_headings(headings_part, &text.lower);
            (!missing.is_empty()).then(|| {
                locator_warnings.push((locator_warning(graph, source, &missing), 0));
                locator_warnings.len() - 1
            })
        });
        // `warned` indexes `locator_warnings`, pushed just above for this key.
        if let Some((_, uses)) = warned.and_then(|i| locator_warnings.get_mut(i)) {
            *uses += 1;
        }
        // A locator naming no heading is warned about above; one naming a heading, but not
        // the quote's, here.
        if let (None, Some(span)) = (warned, span) {
            let holding = sections_holding(&text.headings, span.start_byte);
            if let Some(section) = disagreeing(headings_part, &holding) {
                let key = (
                    source.paper.as_str(),
                    source.locator(),
                    section.title.clone(),
                );
                let uses = disagreements.entry(key).or_insert_with(|| {
                    let warning = disagreement(graph, source, section);
                    locator_warnings.push((warning, 0));
                    locator_warnings.len() - 1
                });
                if let Some((_, uses)) = locator_warnings.get_mut(*uses) {
                    *uses += 1;
                }
            }
        }
    }
    let quotes_not_found = failures.len() - missing_texts;
    failures.extend(unlocated);
    warnings.extend(locator_warnings.into_iter().map(|(warning, uses)| {
        warning.with_hint(format!(
            "used by {uses} source{}; copy the heading as the text has it",
            if uses == 1 { "" } else { "s" }
        ))
    }));
    QuoteReport {
        texts: texts.describe(),
        checked,
        unchecked,
        failures,
        missing_texts,
        quotes_not_found,
        warnings,
        derived,
    }
}

/// The innermost section holding a quote, when `locator` names none of the sections
/// holding it (`holding`, outermost first). A locator naming a place every paper has
/// (`Abstract`, `Introduction`, `Opening paragraphs`) agrees with a quote before the
/// first numbered section.
fn disagreeing<'h>(locator: &str, holding: &[&'h Heading]) -> Option<&'h Heading> {
    let innermost = *holding.last()?;
    let parts: Vec<&str> = locator.split(" / ").map(str::trim).collect();
    let names_any = parts
        .iter()
        .any(|part| holding.iter().any(|h| names_heading(part, h)));
    let general = parts.iter().all(|part| {
        let part = part.to_lowercase();
        // "Introduction (before 1.)": the words before a parenthetical.
        let words = part.split(" (").next().unwrap_or_default().trim();
        matches!(words, "abstract" | "introduction" | "opening paragraphs")
    });
    let before_numbered = holding
        .iter()
        .all(|h| !h.title.starts_with(|c: char| c.is_ascii_digit()));
    (!(names_any || general && before_numbered)).then_some(innermost)
}

/// "The locator names p. 317, the text has the quote on p. 318."
fn page_disagreement(
    graph: &ConceptGraph,
    source: &Source,
    named: &str,
    found: &str,
) -> Diagnostic {
    let file = graph.paper(&source.paper).map_or("", |p| p.file.as_str());
    let message = format!(
        "locator \"{}\" names {named}, but in {file} the quote is on {found}",
        source.locator()
    );
    at_pointer(graph, source, "locator", message)
        .warning()
        .with_hint("the text's first page is the first of the paper's `pages` (else 1); correct one or the other")
}

/// A `paragraph N` locator naming another paragraph than the one the quote is in.
fn paragraph_disagreement(graph: &ConceptGraph, source: &Source, found: &str) -> Diagnostic {
    let file = graph.paper(&source.paper).map_or("", |p| p.file.as_str());
    let message = format!(
        "locator \"{}\" names another paragraph: in {file} the quote is in {found}",
        source.locator()
    );
    at_pointer(graph, source, "locator", message).warning()
}

fn disagreement(graph: &ConceptGraph, source: &Source, section: &Heading) -> Diagnostic {
    let file = graph.paper(&source.paper).map_or("", |p| p.file.as_str());
    let message = format!(
        "locator \"{}\" names another section than the quote's: in {file} the quote falls under \"{}\" (line {})",
        source.locator(), section.title, section.line
    );
    at_pointer(graph, source, "locator", message).warning()
}

/// A diagnostic placed on field `field` of `source` in its data file (on the source
/// itself when `field` is empty).
fn at_pointer(graph: &ConceptGraph, source: &Source, field: &str, message: String) -> Diagnostic {
    let mut pointer = format!(
        "{}/sources/{}",
        source.origin.item_pointer(),
        source.origin.source
    );
    if !field.is_empty() {
        pointer = format!("{pointer}/{field}");
    }
    let Some(data) = graph.files().get(source.origin.file as usize) else {
        return Diagnostic::error(String::new(), message);
    };
    let diagnostic = Diagnostic::error(data.name.clone(), message);
    match source_map::locate(data.text(), &pointer) {
        Some((line, column)) => diagnostic.at(data.text(), line, column),
        None => diagnostic,
    }
}

fn derive(
    graph: &ConceptGraph,
    source: &Source,
    locator: String,
    text_line: usize,
) -> DerivedLocator {
    let place = at_quote(graph, source, String::new());
    DerivedLocator {
        file: place.file,
        line: place.line,
        paper: source.paper.to_string(),
        locator,
        text_line,
    }
}

fn no_locator(graph: &ConceptGraph, source: &Source) -> Diagnostic {
    let file = graph.paper(&source.paper).map_or("", |p| p.file.as_str());
    at_quote(
        graph,
        source,
        format!("the source has no locator, and no heading precedes its quote in {file} to derive one from"),
    )
    .with_hint("give `locator`: the section number or heading the quote comes from")
}

/// The sources that omit their locator, as errors: with no texts to derive a locator
/// from, every source needs one.
pub fn missing_locators(graph: &ConceptGraph) -> Vec<Diagnostic> {
    let mut sources: Vec<&Source> = graph
        .relations()
        .flat_map(|(_, r)| r.sources.iter())
        .chain(graph.facts().iter().flat_map(|f| f.sources.iter()))
        .filter(|s| s.locator().trim().is_empty())
        .collect();
    sources.sort_by_key(|s| {
        (
            s.origin.file,
            s.origin.in_facts,
            s.origin.relation,
            s.origin.source,
        )
    });
    sources
        .into_iter()
        .map(|source| {
            let what = if source.origin.in_facts { "fact" } else { "relation" };
            at_pointer(
                graph,
                source,
                "",
                format!(
                    "source {} of {what} {} has no locator, and there are no texts to derive it from",
                    source.origin.source + 1,
                    source.origin.relation + 1
                ),
            )
            .with_hint("give the section number or heading the quote comes from, or the papers' texts with --sources DIR")
        })
        .collect()
}

impl QuoteReport {
    /// The missing texts, each naming its paper and `file`.
    pub fn missing(&self) -> &[Diagnostic] {
        self.failures.get(..self.missing_texts).unwrap_or_default()
    }

    /// The quotes not found in their paper's text.
    pub fn not_found(&self) -> &[Diagnostic] {
        self.failures
            .get(self.missing_texts..self.missing_texts + self.quotes_not_found)
            .unwrap_or_default()
    }

    /// The sources that omit their locator where the text has no heading to derive one.
    pub fn unlocated(&self) -> &[Diagnostic] {
        self.failures
            .get(self.missing_texts + self.quotes_not_found..)
            .unwrap_or_default()
    }
}

fn quote_not_found(graph: &ConceptGraph, source: &Source) -> String {
    let (cite, file) = graph
        .paper(&source.paper)
        .map_or((source.paper.as_str(), ""), |p| {
            (p.citation(), p.file.as_str())
        });
    format!(
        "quote not found in {cite} ({file}): \"{}\"",
        shorten(source.quote(), 90)
    )
}

/// A diagnostic placed on the quote of `source` in its data file.
fn at_quote(graph: &ConceptGraph, source: &Source, message: String) -> Diagnostic {
    let Some(file) = graph.files().get(source.origin.file as usize) else {
        return Diagnostic::error(String::new(), message);
    };
    let diagnostic = Diagnostic::error(file.name.clone(), message);
    match source_map::locate(file.text(), &source.origin.quote_pointer()) {
        Some((line, column)) => diagnostic.at(file.text(), line, column),
        None => diagnostic,
    }
}

/// "Text missing" for `paper`, placed on its `file` field where that can be found.
fn missing_text(graph: &ConceptGraph, paper: &Paper, why: &str) -> Diagnostic {
    let message = format!(
        "no text for paper `{}` ({}), `file` {:?}: {why}",
        paper.id,
        paper.citation(),
        paper.file
    );
    for file in graph.files() {
        // Only on this error path is a data file parsed a second time.
        if !file.text().contains("\"papers\"") {
            continue;
        }
        let Ok(value) = serde_json::from_str::<serde_json::Value>(file.text()) else {
            continue;
        };
        let Some(papers) = value.get("papers").and_then(|p| p.as_array()) else {
            continue;
        };
        if let Some(i) = papers
            .iter()
            .position(|p| p.get("id").and_then(|id| id.as_str()) == Some(&paper.id))
        {
            let diagnostic = Diagnostic::error(file.name.clone(), message);
            return match source_map::locate(file.text(), &format!("/papers/{i}/file")) {
                Some((line, column)) => diagnostic.at(file.text(), line, column),
                None => diagnostic,
            };
        }
    }
    Diagnostic::error(String::new(), message)
}

/// Whether a quote is one or two words, too little to carry a claim. In text without
/// spaces (Chinese) each ideograph counts as a word.
fn is_trivially_short(quote: &str) -> bool {
    let mut words = 0;
    let mut in_word = false;
    for c in quote.chars() {
        if is_ideograph(c) {
            words += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
        if words > 2 {
            return false;
        }
    }
    true
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

/// The parts of `locator` naming a heading not found in `lower`, the paper's text
/// normalised and lower-cased.
///
/// How a locator is matched (docs/data-format.md says the same): the locator is split
/// at ` / ` into parts (section, subsection, ...). From each part a trailing
/// parenthetical ("(Figure 2)") is dropped. The part is found if, white space
/// normalised and ignoring case, it occurs in the text, or it does once its leading
/// section number ("2.2.4", "3.1.", "1)") is dropped, or it is nothing but such a
/// number. The words `Abstract`, `Introduction` and `Opening paragraphs` name places
/// every paper has, titled or not, and always match.
pub fn missing_headings<'a>(locator: &'a str, lower: &str) -> Vec<&'a str> {
    locator
        .split(" / ")
        .filter(|part| !heading_found(part, lower))
        .collect()
}

fn heading_found(part: &str, lower: &str) -> bool {
    let mut part = part.trim();
    if part.ends_with(')') {
        if let Some(open) = part.rfind(" (") {
            part = part[..open].trim_end();
        }
    }
    let part = normalise(&part.to_lowercase());
    if part.is_empty()
        || matches!(
            part.as_str(),
            "abstract" | "introduction" | "opening paragraphs"
        )
    {
        return true;
    }
    if lower.contains(&part) {
        return true;
    }
    let title = part
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')')
        .trim_start();
    title.is_empty() || (title.len() < part.len() && lower.contains(title))
}

fn locator_warning(graph: &ConceptGraph, source: &Source, missing: &[&str]) -> Diagnostic {
    let file = graph.paper(&source.paper).map_or("", |p| p.file.as_str());
    let names = missing
        .iter()
        .map(|m| format!("\"{m}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let message = format!("locator names a heading not found in {file}: {names}");
    at_pointer(graph, source, "locator", message).warning()
}

/// Points at the longest prefix of the quote that the paper does contain, counted in
/// characters (so it works for text without spaces), which is usually where a
/// copying slip is.
fn hint_for(text: &TextIndex, quote: &str) -> String {
    // Char boundaries of the quote: prefix k is quote[..bounds[k]].
    let bounds: Vec<usize> = quote
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(quote.len()))
        .collect();
    let total = bounds.len() - 1;
    // A prefix found implies every shorter prefix is found, so binary search works.
    let (mut low, mut high) = (0, total);
    while low < high {
        let mid = (low + high).div_ceil(2);
        if text.locate(&quote[..bounds[mid]]).is_some() {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    // A space the text has after the matched words is no part of the match to show.
    while low > 0 && quote[bounds[low - 1]..bounds[low]].trim().is_empty() {
        low -= 1;
    }
    if low == 0 {
        return "not even the first character matches; check the paper id".to_string();
    }
    let matched = &quote[..bounds[low]];
    let rest = quote[bounds[low]..].trim_start();
    format!(
        "the paper has the first {low} of {total} characters, up to \"{}\"; the text differs from \"{}\"",
        tail(matched, 30),
        shorten(rest, 40)
    )
}

/// The last `max` characters of `text`, with an ellipsis if cut.
fn tail(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        text.to_string()
    } else {
        let kept: String = text.chars().skip(count - max).collect();
        format!("…{kept}")
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hint_counts_characters_so_chinese_works() {
        let hint = hint_for(
            &TextIndex::new("精准扶贫是乡村振兴的前提"),
            "精准扶贫是乡村发展",
        );
        assert!(hint.contains("first 7 of 9 characters"), "{hint}");
        assert!(hint.contains("\"发展\""), "{hint}");
    }

    #[test]
    fn one_or_two_words_are_trivially_short() {
        assert!(is_trivially_short("the"));
        assert!(is_trivially_short("Poverty alleviation."));
        assert!(!is_trivially_short("Poverty alleviation works."));
        assert!(is_trivially_short("扶贫"));
        assert!(!is_trivially_short("精准扶贫"));
    }

    #[test]
    fn locators_match_headings_by_their_words() {
        let text = "2.2.4. target target the targets differ. 3) do a good job";
        assert!(missing_headings("2.2.4 Target Target", text).is_empty());
        assert!(missing_headings("Abstract", text).is_empty());
        assert!(missing_headings("3) Do a good job (Figure 2)", text).is_empty());
        assert_eq!(
            missing_headings("2.2.4 Target Target / 9.9 Nowhere", text),
            vec!["9.9 Nowhere"]
        );
    }
}
