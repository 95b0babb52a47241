//! Cue phrases: how a sentence says that a relation holds, declared per relation kind
//! in the schema (`"cues": ["{from} is the premise and foundation of {to}"]`).
//!
//! A cue is words with two slots, `{from}` and `{to}`; a slot written `{from...}` or
//! `{to...}` takes a list ("A, B and C"), one candidate claim per item. Words match
//! whole words, case aside; Chinese words match as written. A slot between two words
//! takes what stands between them; a slot at either end takes the phrase next to the
//! cue's words, up to a comma, a clause word ("which", "is") or eight words.

mod chinese;

use std::ops::Range;

use chinese::{after_last_marker, before_first_marker, inside_marker, is_unspaced_cjk};

/// The most words a slot at either end of a cue takes.
const MAX_SLOT_WORDS: usize = 8;

/// Words that end a phrase taken by a slot at an end of a cue: a phrase is a noun
/// phrase, and these begin or close a clause.
const CLAUSE_WORDS: &[&str] = &[
    "which",
    "that",
    "who",
    "whom",
    "where",
    "while",
    "whereas",
    "because",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "should",
    "must",
    "been",
    "being",
    "this",
    "it",
    "we",
    "they",
    "not",
    "but",
    "also",
    "only",
    "however",
    "former",
    "latter",
    "needs",
    "involving",
    "including",
    "due",
    "because",
    "whose",
];

/// Nouns too general to name a concept on their own ("issues such as A and B": the
/// issues are no concept of the paper, A and B are), and the words of a paper's
/// apparatus ("Keywords: A; B").
const GENERIC_NOUNS: &[&str] = &[
    "issue", "issues", "factor", "factors", "problem", "problems", "aspect", "aspects", "thing",
    "things", "way", "ways", "means", "area", "areas", "field", "fields", "element", "elements",
    "paper", "study", "article", "research", "results", "work", "keywords", "keyword",
];

/// Nouns of amount or degree, and nouns naming the parts or kinds of a thing: in "a
/// high degree of X", "a series of X" or "five dimensions of X" the concept is X (the
/// items after a colon are then X's parts).
const QUANTITY_NOUNS: &[&str] = &[
    "degree",
    "level",
    "extent",
    "series",
    "number",
    "range",
    "variety",
    "lot",
    "set",
    "dimensions",
    "types",
    "kinds",
    "forms",
    "components",
    "parts",
];

/// Verbs that join a subject to what is said of it: "Counties are the basic unit for
/// addressing X" says that counties address X.
const COPULAS: &[&str] = &["is", "are", "was", "were"];

/// Auxiliaries and modals that begin a verb group.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "should", "must",
];

/// Words that open an adverbial before a clause's subject ("To address these risks, a
/// mechanism was proposed"; "In this context, ...").
const FRONTED_OPENERS: &[&str] = &[
    "to", "in", "with", "against", "after", "as", "based", "through", "for", "under", "by",
    "since", "although", "despite", "when", "while",
];

/// Words dropped from either end of a phrase: a concept's name does not hold them.
const EDGE_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "our",
    "his",
    "her",
    "these",
    "those",
    "such",
    "both",
    "of",
    "to",
    "and",
    "or",
    "also",
    "further",
    "more",
    "all",
    "other",
    "effectively",
    "thus",
    "so",
    "as",
    "in",
    "on",
    "by",
    "for",
    "with",
    "into",
    "from",
    "then",
];

/// Which end of the relation a slot fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    /// The relation's source.
    From,
    /// The relation's target.
    To,
}

/// A part of a cue.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    /// Words to find, lower case.
    Words(String),
    /// A slot; `list` when it takes several items.
    Slot { end: End, list: bool },
}

/// A parsed cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cue {
    /// The cue as the schema writes it.
    pub text: String,
    parts: Vec<Part>,
}

/// One place a cue matched in a sentence: the phrases its slots took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The phrases of the `from` slot (several for a list).
    pub from: Vec<String>,
    /// The phrases of the `to` slot.
    pub to: Vec<String>,
}

impl Cue {
    /// Reads a cue, or says what is wrong with it: each slot once, both slots, at least
    /// one word, words between two slots, no other `{...}`.
    ///
    /// # Errors
    /// The problem, in words.
    pub(crate) fn parse(text: &str) -> Result<Self, String> {
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            push_words(&mut parts, &rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                return Err("a `{` is not closed by `}`".into());
            };
            let name = &rest[open + 1..open + close];
            let (end, list) = match name {
                "from" => (End::From, false),
                "to" => (End::To, false),
                "from..." => (End::From, true),
                "to..." => (End::To, true),
                other => {
                    return Err(format!(
                        "unknown slot `{{{other}}}`; the slots are {{from}}, {{to}}, {{from...}} and {{to...}} (a list)"
                    ))
                }
            };
            if matches!(parts.last(), Some(Part::Slot { .. })) {
                return Err("two slots stand side by side: put words between them".into());
            }
            if parts
                .iter()
                .any(|p| matches!(p, Part::Slot { end: e, .. } if *e == end))
            {
                return Err(format!("the slot `{{{name}}}` is used twice"));
            }
            parts.push(Part::Slot { end, list });
            rest = &rest[open + close + 1..];
        }
        if rest.contains('}') {
            return Err("a `}` has no `{`".into());
        }
        push_words(&mut parts, rest);
        let slots = parts
            .iter()
            .filter(|p| matches!(p, Part::Slot { .. }))
            .count();
        if slots != 2 {
            return Err("a cue needs both slots, {from} and {to}".into());
        }
        if !parts.iter().any(|p| matches!(p, Part::Words(_))) {
            return Err("a cue needs words besides its slots".into());
        }
        Ok(Self {
            text: text.to_string(),
            parts,
        })
    }

    /// Whether the cue has a word besides punctuation.
    fn has_words(&self) -> bool {
        self.parts
            .iter()
            .any(|p| matches!(p, Part::Words(w) if w.chars().any(char::is_alphanumeric)))
    }

    /// How many letters the cue's words have: a longer cue is more specific.
    pub(crate) fn weight(&self) -> usize {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Words(w) => w.chars().filter(|c| c.is_alphanumeric()).count(),
                Part::Slot { .. } => 0,
            })
            .sum()
    }

    /// Every place the cue matches in `sentence`, each slot's phrases trimmed.
    pub(crate) fn find(&self, sentence: &str) -> Vec<Found> {
        let Some(Part::Words(first)) = self.parts.iter().find(|p| matches!(p, Part::Words(_)))
        else {
            return Vec::new();
        };
        let first_at = self
            .parts
            .iter()
            .position(|p| matches!(p, Part::Words(_)))
            .unwrap_or(0);
        let mut found = Vec::new();
        for start in word_matches(sentence, first, 0) {
            if let Some(f) = self.match_from(sentence, first_at, start) {
                if !found.contains(&f) {
                    found.push(f);
                }
            }
        }
        found
    }

    /// The match whose first words stand at `first` (part `first_at`).
    fn match_from(&self, sentence: &str, first_at: usize, first: Range<usize>) -> Option<Found> {
        // Places of every Words part, in order, each after the one before.
        let mut places: Vec<Range<usize>> = vec![first.clone()];
        let mut at = first.end;
        for part in &self.parts[first_at + 1..] {
            if let Part::Words(words) = part {
                let next = word_matches(sentence, words, at).into_iter().next()?;
                at = next.end;
                places.push(next);
            }
        }
        let mut found = Found {
            from: Vec::new(),
            to: Vec::new(),
        };
        let mut word_index = 0;
        for (i, part) in self.parts.iter().enumerate() {
            let Part::Slot { end, list } = *part else {
                if i >= first_at {
                    word_index += 1;
                }
                continue;
            };
            let text = if i < first_at {
                take_before(&sentence[..first.start], list)
            } else if i == self.parts.len() - 1 {
                take_after(&sentence[places[word_index - 1].end..], list)
            } else {
                let between = &sentence[places[word_index - 1].end..places[word_index].start];
                (!between.contains([';', '.', '。', '；'])).then(|| between.to_string())?
            };
            let text = without_citations(&text);
            // A list slot that holds one phrase ("countries face drought") takes it as a
            // single slot would: a verb that takes a list takes one item as readily. Not
            // after punctuation alone ("{to}: {from...}"): one clause after a colon
            // explains, only a list lists.
            let phrases: Vec<String> = if list {
                let items = split_list(&text);
                if items.is_empty() && self.has_words() {
                    let one = if i < first_at {
                        take_before(&sentence[..first.start], false)
                    } else {
                        take_after(&sentence[places[word_index - 1].end..], false)
                    };
                    trim_phrase(&without_citations(&one)).into_iter().collect()
                } else {
                    items
                }
            } else {
                trim_phrase(&text).into_iter().collect()
            };
            if phrases.is_empty() || phrases.iter().any(|p| p.split_whitespace().count() > 12) {
                return None;
            }
            match end {
                End::From => found.from = phrases,
                End::To => found.to = phrases,
            }
        }
        Some(found)
    }
}

fn push_words(parts: &mut Vec<Part>, text: &str) {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if !words.is_empty() {
        parts.push(Part::Words(words.to_lowercase()));
    }
}

/// Where `words` stand in `text` at or after byte `from`, as whole words (ASCII case
/// aside; white space between words may be any run of white space).
fn word_matches(text: &str, words: &str, from: usize) -> Vec<Range<usize>> {
    let pieces: Vec<&str> = words.split(' ').collect();
    let mut out = Vec::new();
    let mut at = from;
    while let Some(offset) = find_ci(&text[at..], pieces[0]) {
        let start = at + offset;
        at = start + pieces[0].len();
        if !boundary_before(text, start) {
            continue;
        }
        let mut end = at;
        let mut whole = true;
        for piece in &pieces[1..] {
            let gap = text[end..].len() - text[end..].trim_start().len();
            if gap == 0 || !starts_ci(&text[end + gap..], piece) {
                whole = false;
                break;
            }
            end += gap + piece.len();
        }
        if whole && boundary_after(text, end) && !inside_marker(text, start..end) {
            out.push(start..end);
        }
    }
    out
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| starts_ci(&haystack[i..], needle))
}

fn starts_ci(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Whether a word may start at `at`: Latin letters and digits need a non-letter before.
fn boundary_before(text: &str, at: usize) -> bool {
    let next = text[at..].chars().next();
    let before = text[..at].chars().next_back();
    !(is_latin_word(next) && is_latin_word(before))
}

fn boundary_after(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let next = text[at..].chars().next();
    !(is_latin_word(next) && is_latin_word(before))
}

fn is_latin_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() && !crate::locate::is_cjk(c))
}

/// Characters that end a phrase. Not quotation marks: a quoted term is a word of the
/// phrase it stands in ("the “too-big-to-fall” problem"); [`trim_phrase`] drops them at
/// its edges.
fn is_stop(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '.'
            | '('
            | ')'
            | '—'
            | '，'
            | '。'
            | '；'
            | '：'
            | '（'
            | '）'
            | '\u{0c}'
    )
}

/// The phrase just before a cue's words (the end of `text`). Two clauses give the
/// phrase from elsewhere, by grammar rather than by any cue: a relative "…, which
/// enhanced Y" takes the subject of the clause before the comma, and a role noun after
/// a copula ("Counties are the basic unit for addressing X") takes the subject of the
/// copula.
fn take_before(text: &str, list: bool) -> String {
    let text = before_apposition(text);
    let stops = |c: char| is_stop(c) && !(list && matches!(c, ',' | '、' | '，'));
    let cut = text.rfind(stops);
    let clause = cut.map_or(text, |at| {
        &text[at + text[at..].chars().next().map_or(1, char::len_utf8)..]
    });
    let words: Vec<&str> = clause.split_whitespace().collect();
    let mut kept = Vec::new();
    let mut stopped_by = None;
    for (i, word) in words.iter().enumerate().rev() {
        let lower = word.to_lowercase();
        if CLAUSE_WORDS.contains(&lower.as_str()) {
            stopped_by = Some((i, lower));
            break;
        }
        if !list && kept.len() >= MAX_SLOT_WORDS {
            break;
        }
        kept.push(*word);
    }
    kept.reverse();
    if is_unspaced_cjk(clause) {
        return after_last_marker(clause.trim()).to_string();
    }
    if kept.is_empty() && clause.chars().any(crate::locate::is_cjk) {
        return clause.trim().to_string();
    }
    if !list {
        let only_edge = trim_phrase(&kept.join(" ")).is_none();
        match &stopped_by {
            Some((0, which)) if which == "which" && only_edge => {
                if let Some(at) = cut.filter(|&at| text[at..].starts_with(',')) {
                    return subject_of(&text[..at]);
                }
            }
            Some((i, copula)) if COPULAS.contains(&copula.as_str()) && is_role_noun(&kept) => {
                let before = words[..*i].join(" ");
                return take_before(&before, false);
            }
            // A purpose infinitive after a verb group ("X can be targeted to increase
            // Y"): X is what increases Y.
            Some((i, auxiliary))
                if AUXILIARIES.contains(&auxiliary.as_str())
                    && kept.last().is_some_and(|w| w.eq_ignore_ascii_case("to"))
                    && kept.len() <= 4 =>
            {
                let before = words[..*i].join(" ");
                return take_before(&before, false);
            }
            _ => {}
        }
    }
    kept.join(" ")
}

/// `text` (what stands before a cue's words) without what English puts between a
/// phrase and the words that follow it: a comma ("the failure of governance, such as
/// A and B" is "X such as A and B") and an abbreviation in parentheses ("Sustainable
/// Development Goals (SDGs), including ..."), so the phrase before them is taken.
fn before_apposition(text: &str) -> &str {
    let mut text = text.trim_end();
    text = text.strip_suffix([',', '，']).map_or(text, str::trim_end);
    if let Some(inner) = text.strip_suffix(')') {
        if let Some(open) = inner.rfind('(') {
            if inner[open + 1..].split_whitespace().count() <= 3 {
                text = inner[..open].trim_end();
            }
        }
    }
    text
}

/// Whether `words` are a short noun phrase with an article ("the basic unit", "an
/// important means"): said of a subject, not a concept of its own.
fn is_role_noun(words: &[&str]) -> bool {
    (2..=4).contains(&words.len()) && matches!(words[0].to_lowercase().as_str(), "the" | "a" | "an")
}

/// The subject of the clause `text` (a sentence up to a comma): the noun phrase it
/// starts with, after a fronted adverbial ("To address these risks, ") if any.
fn subject_of(text: &str) -> String {
    let start = text.rfind([';', '；']).map_or(0, |at| at + 1);
    let mut clause = text[start..].trim_start();
    let first = clause
        .split_whitespace()
        .next()
        .map(str::to_lowercase)
        .unwrap_or_default();
    if FRONTED_OPENERS.contains(&first.as_str()) {
        if let Some(comma) = clause.find(',') {
            clause = &clause[comma + 1..];
        }
    }
    take_after(clause, false)
}

/// The phrase just after a cue's words (the start of `text`).
fn take_after(text: &str, list: bool) -> String {
    let stops = |c: char| is_stop(c) && !(list && matches!(c, ',' | '、' | '，'));
    let clause = text.find(stops).map_or(text, |at| &text[..at]);
    if is_unspaced_cjk(clause) {
        return before_first_marker(clause.trim()).to_string();
    }
    let mut kept = Vec::new();
    for word in clause.split_whitespace() {
        if CLAUSE_WORDS.contains(&word.to_lowercase().as_str())
            || (!list && kept.len() >= MAX_SLOT_WORDS)
        {
            break;
        }
        kept.push(word);
    }
    kept.join(" ")
}

/// `text` without citation marks ("[7,8,9,10]", "[3–5]"): a reference names no part of
/// a concept, and its commas would split a list.
fn without_citations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find(']').map(|c| open + c);
        match close {
            Some(close)
                if close > open + 1
                    && rest[open + 1..close]
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, ',' | ' ' | '-' | '–')) =>
            {
                out.push_str(rest[..open].trim_end());
                rest = &rest[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// "A, B, and C" → A, B, C: the items of a list, each trimmed.
fn split_list(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    for piece in text.split([',', '、', '，', ';']) {
        let piece = piece.trim();
        let piece = piece
            .strip_prefix("and ")
            .or_else(|| piece.strip_prefix("or "))
            .unwrap_or(piece);
        for item in piece.split(" and ").flat_map(|p| p.split('和')) {
            if let Some(item) = trim_phrase(item) {
                items.push(item);
            }
        }
    }
    if items.len() < 2 {
        return Vec::new();
    }
    items
}

/// A phrase without the words a name does not begin or end with, and without a
/// leading amount ("a high degree of"); `None` when nothing is left, or only a noun
/// too general to name a concept.
pub(crate) fn trim_phrase(text: &str) -> Option<String> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let lower = |w: &str| w.to_lowercase();
    if let Some(of) = words.iter().take(4).position(|w| lower(w) == "of") {
        if of > 0 && QUANTITY_NOUNS.contains(&lower(words[of - 1]).as_str()) {
            words.drain(..=of);
        }
    }
    let edge = |w: &&str| EDGE_WORDS.contains(&lower(w).as_str());
    let start = words.iter().position(|w| !edge(w))?;
    let end = words.iter().rposition(|w| !edge(w))?;
    let phrase = words[start..=end].join(" ");
    // Markdown emphasis and heading marks (`**Keywords`) are no part of a name.
    let mut phrase = phrase
        .trim_matches(|c: char| is_stop(c) || matches!(c, '\'' | '’' | '*' | '#' | '_'))
        .trim();
    // A quotation mark at an edge goes unless it opens or closes a quoted term inside.
    if phrase.matches(['“', '”', '"']).count() % 2 == 1
        || phrase.starts_with(['“', '"']) && phrase.ends_with(['”', '"'])
    {
        phrase = phrase.trim_matches(['“', '”', '"']).trim();
    }
    (!phrase.is_empty() && !GENERIC_NOUNS.contains(&lower(phrase).as_str()))
        .then(|| phrase.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cue_takes_the_phrases_around_its_words() {
        let cue = Cue::parse("{from} is the premise and foundation of {to}").unwrap();
        let found = cue.find(
            "In short, targeted poverty alleviation is the premise and foundation of rural revitalization, which follows.",
        );
        assert_eq!(found[0].from, ["targeted poverty alleviation"]);
        assert_eq!(found[0].to, ["rural revitalization"]);
    }

    #[test]
    fn a_list_slot_gives_each_item() {
        let cue = Cue::parse("{to} included {from...}").unwrap();
        let found = cue.find(
            "the system included economic capacity, social capacity, and environmental capacity.",
        );
        assert_eq!(found[0].to, ["system"]);
        assert_eq!(
            found[0].from,
            [
                "economic capacity",
                "social capacity",
                "environmental capacity"
            ]
        );
    }

    #[test]
    fn a_relative_which_takes_the_subject_of_the_clause_before() {
        let cue = Cue::parse("{from} enhanced {to}").unwrap();
        let found = cue.find(
            "To address these risks, a collaborative monitoring mechanism involving the government, universities, and society was proposed, which effectively enhanced the resilience of the community.",
        );
        assert_eq!(found[0].from, ["collaborative monitoring mechanism"]);
        assert_eq!(found[0].to, ["resilience of the community"]);
    }

    #[test]
    fn a_role_noun_after_a_copula_and_a_purpose_infinitive_take_the_subject() {
        let cue = Cue::parse("{from} for addressing {to}").unwrap();
        let found = cue.find("Counties are the basic unit for addressing unbalanced development.");
        assert_eq!(found[0].from, ["Counties"]);
        let cue = Cue::parse("{from} increase {to}").unwrap();
        let found =
            cue.find("Revitalization efforts can be targeted to increase the speed of growth.");
        assert_eq!(found[0].from, ["Revitalization efforts"]);
    }

    #[test]
    fn an_amount_goes_and_a_general_noun_names_nothing() {
        let cue = Cue::parse("{from} in these {to}").unwrap();
        let found = cue.find(
            "The results show that a high degree of unbalanced development in these counties.",
        );
        assert_eq!(found[0].from, ["unbalanced development"]);
        let cue = Cue::parse("{to} such as {from...}").unwrap();
        assert!(cue
            .find("Issues such as the urban gap, weak industries and drought remain.")
            .is_empty());
        assert_eq!(
            trim_phrase("a mechanism involving the government").as_deref(),
            Some("mechanism involving the government"),
            "trimming keeps inner words; a slot stops at `involving` before trimming"
        );
    }

    #[test]
    fn a_list_slot_takes_one_item_and_leaves_citations_out() {
        let cue = Cue::parse("{to} face {from...}").unwrap();
        let found = cue.find("Many regions face drought.");
        assert_eq!(found[0].from, ["drought"]);
        let found = cue.find(
            "Many developing countries face political instability, lack of investment, and truncated agrarian transition [7,8,9,10].",
        );
        assert_eq!(
            found[0].from,
            [
                "political instability",
                "lack of investment",
                "truncated agrarian transition"
            ]
        );
    }

    #[test]
    fn a_comma_or_an_abbreviation_before_the_cue_and_a_quoted_term_stay_in_the_phrase() {
        let cue = Cue::parse("{to} such as {from...}").unwrap();
        let found = cue.find(
            "Inequality widened; the failure of governance, such as deregulation and the “too-big-to-fall” problem.",
        );
        assert_eq!(found[0].to, ["failure of governance"]);
        assert_eq!(found[0].from, ["deregulation", "“too-big-to-fall” problem"]);
        let cue = Cue::parse("{to} including {from...}").unwrap();
        let found =
            cue.find("The Sustainable Development Goals (SDGs), including A and B, were adopted.");
        assert_eq!(found[0].to, ["Sustainable Development Goals"]);
        assert_eq!(trim_phrase("**Keywords"), None, "apparatus, not a concept");
    }

    #[test]
    fn chinese_cues_match_as_written() {
        let cue = Cue::parse("从{from}到{to}").unwrap();
        let found = cue.find("实现从脱贫攻坚到乡村振兴的转变。");
        assert_eq!(found[0].from, ["脱贫攻坚"]);
        assert!(found[0].to[0].starts_with("乡村振兴"));
    }

    #[test]
    fn a_chinese_slot_runs_to_a_clause_marker_not_to_a_space() {
        let cue = Cue::parse("{from}为{to}奠定基础").unwrap();
        let found = cue.find("我们认为产业扶贫为乡村振兴奠定基础。");
        assert_eq!(found[0].from, ["产业扶贫"]);
        assert_eq!(found[0].to, ["乡村振兴"]);
        let cue = Cue::parse("{from}推动{to}").unwrap();
        let found = cue.find("研究表明产业扶贫推动乡村振兴并且带动就业。");
        assert_eq!(found[0].from, ["产业扶贫"]);
        assert_eq!(found[0].to, ["乡村振兴"]);
        let cue = Cue::parse("{to}面临{from...}").unwrap();
        let found = cue.find("许多贫困地区面临自然条件恶劣、基础设施薄弱和人才短缺。");
        assert_eq!(found[0].to, ["许多贫困地区"]);
        assert_eq!(found[0].from, ["自然条件恶劣", "基础设施薄弱", "人才短缺"]);
    }

    #[test]
    fn bad_cues_say_why() {
        assert!(Cue::parse("{from} and {to}").is_ok());
        assert!(Cue::parse("{from}{to} x")
            .unwrap_err()
            .contains("side by side"));
        assert!(Cue::parse("{from} of {from}")
            .unwrap_err()
            .contains("twice"));
        assert!(Cue::parse("{x} of {to}")
            .unwrap_err()
            .contains("unknown slot"));
        assert!(Cue::parse("{from} leads")
            .unwrap_err()
            .contains("both slots"));
        assert!(Cue::parse("{from} of {to")
            .unwrap_err()
            .contains("not closed"));
    }
}
