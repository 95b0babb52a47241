//! Verifying that every quote occurs in its paper's text.
//!
//! Comparison normalises white space and line breaks (the texts were converted from
//! PDF and wrap anywhere) and nothing else: case, punctuation and typos must match.
//!
//! Besides the quotes themselves, two things are worth a warning (never an error): a
//! locator naming a section heading the text does not contain (see [`missing_headings`]
//! for how a locator is matched), and a quote too short to identify a claim ("the").

use std::{
    borrow::Cow,
    collections::HashMap,
    path::{Component, Path, PathBuf},
};

use crate::{
    diagnostic::Diagnostic, embedded, graph::ConceptGraph, load::normalize_space, paper::Paper,
    relation::Source, source_map,
};

/// Where the papers' texts are read from.
#[derive(Debug, Clone)]
pub enum Texts {
    /// `data/texts/`, compiled into the binary with the dataset.
    Embedded,
    /// A directory holding each paper's `file`.
    Dir(PathBuf),
}

impl Texts {
    /// The texts `linkage check` verifies against: `--sources DIR` if given; otherwise
    /// `DATA/texts` for `--data DATA` (if that directory exists), or the embedded texts
    /// for the embedded dataset. `None`: there is nothing to verify against.
    pub fn for_check(sources: Option<&Path>, data: Option<&Path>) -> Option<Self> {
        match (sources, data) {
            (Some(dir), _) => Some(Self::Dir(dir.to_path_buf())),
            (None, Some(data)) => {
                let dir = data.join("texts");
                dir.is_dir().then_some(Self::Dir(dir))
            }
            (None, None) => Some(Self::Embedded),
        }
    }

    /// How the texts are named in output.
    pub fn describe(&self) -> String {
        match self {
            Self::Embedded => format!(
                "the {} texts in data/texts, built into linkage",
                embedded::text_count()
            ),
            Self::Dir(dir) => dir.display().to_string(),
        }
    }

    /// The bytes of text `file`, or why it cannot be had.
    ///
    /// # Errors
    /// Why the text cannot be read, in words: an unsafe name, no such text, an I/O error.
    pub fn read(&self, file: &str) -> Result<Cow<'static, [u8]>, String> {
        if let Some(reason) = unsafe_text_name(file) {
            return Err(format!("the `file` {file:?} {reason}"));
        }
        match self {
            Self::Embedded => embedded::text(file)
                .map(Cow::Borrowed)
                .ok_or_else(|| format!("no text {file:?} is built into linkage (data/texts)")),
            Self::Dir(dir) => {
                let path = dir.join(file);
                std::fs::read(&path)
                    .map(Cow::Owned)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))
            }
        }
    }
}

/// Why a paper's `file` field cannot name a text inside the sources directory: an
/// absolute path or a `..` step would read outside it. `None` when it is fine.
pub fn unsafe_text_name(file: &str) -> Option<&'static str> {
    let path = Path::new(file);
    // `C:\x` and `\\server\x` are absolute only on Windows; refuse them everywhere so a
    // dataset means the same on every machine.
    if path.has_root() || file.starts_with('\\') || file.get(1..2) == Some(":") {
        return Some("is an absolute path; give a file name inside the texts directory");
    }
    if path
        .components()
        .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
        || file.split(['/', '\\']).any(|part| part == "..")
    {
        return Some("leads out of the texts directory (`..`); give a file name inside it");
    }
    None
}

/// The outcome of a quote check.
#[derive(Debug)]
pub struct QuoteReport {
    /// Where the texts came from, as shown to the user.
    pub texts: String,
    /// Number of sources whose quote was looked up in its paper's text.
    pub checked: usize,
    /// Number of sources not checked because their paper's text is missing.
    pub unchecked: usize,
    /// One diagnostic per missing text (first), then per quote not found, in data order.
    pub failures: Vec<Diagnostic>,
    /// How many of `failures` (at the front) are missing texts.
    pub missing_texts: usize,
    /// Locators not found in the text and trivially short quotes.
    pub warnings: Vec<Diagnostic>,
}

/// A paper's text, normalised as quotes are compared, and lower-cased for locators.
struct PaperText {
    text: String,
    lower: String,
}

/// Checks every source's quote against its paper's text in `texts`. Every missing text
/// is reported (naming the paper and its `file`), and the papers whose texts are there
/// are still checked.
pub fn verify_quotes(graph: &ConceptGraph, texts: &Texts) -> QuoteReport {
    let mut failures = Vec::new();
    let mut loaded: HashMap<&str, PaperText> = HashMap::new();
    for paper in graph.papers() {
        match texts.read(&paper.file) {
            Ok(bytes) => {
                let text = normalize_space(&String::from_utf8_lossy(&bytes));
                let lower = text.to_lowercase();
                loaded.insert(&paper.id, PaperText { text, lower });
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
    for source in sources {
        let Some(text) = loaded.get(source.paper.as_str()) else {
            unchecked += 1;
            continue;
        };
        checked += 1;
        let quote = normalize_space(&source.quote);
        if !text.text.contains(&quote) {
            failures.push(
                at_quote(graph, source, quote_not_found(graph, source))
                    .with_hint(hint_for(&text.text, &quote)),
            );
        }
        if is_trivially_short(&quote) {
            warnings.push(
                at_quote(
                    graph,
                    source,
                    format!(
                        "quote \"{}\" is too short to show what the paper claims",
                        source.quote.trim()
                    ),
                )
                .warning()
                .with_hint("quote the clause that makes the claim, not one or two words"),
            );
        }
        let key = (source.paper.as_str(), source.locator.as_str());
        let warned = *locators.entry(key).or_insert_with(|| {
            let missing = missing_headings(&source.locator, &text.lower);
            (!missing.is_empty()).then(|| {
                locator_warnings.push((locator_warning(graph, source, &missing), 0));
                locator_warnings.len() - 1
            })
        });
        // `warned` indexes `locator_warnings`, pushed just above for this key.
        if let Some((_, uses)) = warned.and_then(|i| locator_warnings.get_mut(i)) {
            *uses += 1;
        }
    }
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
        warnings,
    }
}

impl QuoteReport {
    /// The missing texts, each naming its paper and `file`.
    pub fn missing(&self) -> &[Diagnostic] {
        self.failures.get(..self.missing_texts).unwrap_or_default()
    }

    /// The quotes not found in their paper's text.
    pub fn not_found(&self) -> &[Diagnostic] {
        self.failures.get(self.missing_texts..).unwrap_or_default()
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
        shorten(&source.quote, 90)
    )
}

/// A diagnostic placed on the quote of `source` in its data file.
fn at_quote(graph: &ConceptGraph, source: &Source, message: String) -> Diagnostic {
    let Some(file) = graph.files().get(source.origin.file as usize) else {
        return Diagnostic::error(String::new(), message);
    };
    let diagnostic = Diagnostic::error(file.name.clone(), message);
    match source_map::locate(&file.text, &source.origin.quote_pointer()) {
        Some((line, column)) => diagnostic.at(&file.text, line, column),
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
        if !file.text.contains("\"papers\"") {
            continue;
        }
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&file.text) else {
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
            return match source_map::locate(&file.text, &format!("/papers/{i}/file")) {
                Some((line, column)) => diagnostic.at(&file.text, line, column),
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
    let part = normalize_space(&part.to_lowercase());
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
    let pointer = format!(
        "{}/sources/{}/locator",
        source.origin.item_pointer(),
        source.origin.source
    );
    let names = missing
        .iter()
        .map(|m| format!("\"{m}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let message = format!("locator names a heading not found in {file}: {names}");
    let diagnostic = match graph.files().get(source.origin.file as usize) {
        Some(data) => {
            let d = Diagnostic::error(data.name.clone(), message);
            match source_map::locate(&data.text, &pointer) {
                Some((line, column)) => d.at(&data.text, line, column),
                None => d,
            }
        }
        None => Diagnostic::error(String::new(), message),
    };
    diagnostic.warning()
}

/// Points at the longest prefix of the quote that the paper does contain, counted in
/// characters (so it works for text without spaces), which is usually where a
/// copying slip is.
fn hint_for(text: &str, quote: &str) -> String {
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
        if text.contains(&quote[..bounds[mid]]) {
            low = mid;
        } else {
            high = mid - 1;
        }
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
        let hint = hint_for("精准扶贫是乡村振兴的前提", "精准扶贫是乡村发展");
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

    #[test]
    fn text_names_outside_the_directory_are_refused() {
        assert!(unsafe_text_name("/etc/passwd").is_some());
        assert!(unsafe_text_name("../secret.txt").is_some());
        assert!(unsafe_text_name("a/../../b.txt").is_some());
        assert!(unsafe_text_name("C:\\x.txt").is_some());
        assert!(unsafe_text_name("p1.txt").is_none());
        assert!(unsafe_text_name("sub/p1.txt").is_none());
    }
}
