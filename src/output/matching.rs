//! `linkage match`: the concepts a text may mean, each with why, or "no existing
//! concept" with the closest below the threshold.

use std::fmt::Write as _;

use serde::Serialize;

use super::{
    node_line, shape::SourceJson, source_block, styled, wrap, wrap_styled, DETAIL, NOTICE,
};
use crate::{
    graph::ConceptGraph,
    matching::{Answer, Candidate, NameField},
};

/// More words than most concepts' names have (87% of the shipped labels and aliases
/// have six or fewer): a text this long is likely a sentence naming several concepts.
const LONGEST_NAME: usize = 8;

/// How many quotes a candidate shows: none (`--brief`), one, or all it keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quotes {
    /// Citations only.
    None,
    /// The quote using most of the words.
    One,
    /// Every quote kept as an example (two at most).
    All,
}

/// The answer as text, within 80 columns.
pub fn human(graph: &ConceptGraph, text: &str, answer: &Answer<'_>, quotes: Quotes) -> String {
    let mut out = String::new();
    let shown = if answer.matches.is_empty() {
        let advice = if answer.words > LONGEST_NAME {
            "This is long for one concept's name: match the phrase naming each concept on \
             its own. The closest below name parts of it."
        } else {
            "A new concept is safer than reusing one of these, which would make the papers \
             agree about something they may not share."
        };
        out.push_str(&wrap(
            &format!(
                "No existing concept: none scores {:.2} or more for “{}”. {advice}",
                answer.threshold,
                text.trim()
            ),
            "",
        ));
        if answer.closest.is_empty() {
            return out;
        }
        let _ = writeln!(
            out,
            "\n{}",
            styled(NOTICE, "The closest, below the threshold:")
        );
        &answer.closest
    } else {
        out.push_str(&wrap(
            &format!(
                "“{}” may mean (best first; score {:.2} or more):",
                text.trim(),
                answer.threshold
            ),
            "",
        ));
        &answer.matches
    };
    for (rank, candidate) in shown.iter().enumerate() {
        out.push('\n');
        out.push_str(&candidate_block(graph, rank + 1, candidate, quotes));
    }
    if answer.total > answer.matches.len() {
        out.push_str(&styled(
            NOTICE,
            format!(
                "\n… and {} more (raise --limit to see them)\n",
                answer.total - answer.matches.len()
            ),
        ));
    }
    out
}

fn candidate_block(
    graph: &ConceptGraph,
    rank: usize,
    candidate: &Candidate<'_>,
    quotes: Quotes,
) -> String {
    let mut out = node_line(graph, candidate.node, &format!("{rank:>2}. "), "    ");
    let node = graph.node(candidate.node);
    let papers = if candidate.papers.is_empty() {
        "no paper's claims".to_string()
    } else {
        candidate
            .papers
            .iter()
            .map(|p| graph.cite(p))
            .collect::<Vec<_>>()
            .join("; ")
    };
    out.push_str(&wrap_styled(
        DETAIL,
        // The id is what a claim types to reuse the concept (`add`, the claims sheet).
        &format!(
            "score {:.2} · {} `{}` · {papers}",
            candidate.score, node.kind, node.id
        ),
        "    ",
        "    ",
    ));
    let why = &candidate.why;
    if why.name.words.is_empty() {
        out.push_str(&wrap("no name shares its words", "    "));
    } else {
        let which = format!("{} “{}”", why.name.field.describe(), why.name.text);
        let shared = if why.name.exact {
            "the same words".to_string()
        } else {
            format!("shares {}", listed(&why.name.words))
        };
        out.push_str(&wrap(&format!("{which}: {shared}"), "    "));
    }
    if !why.description.is_empty() {
        out.push_str(&wrap(
            &format!("description: shares {}", listed(&why.description)),
            "    ",
        ));
    }
    if why.quote_count > 0 {
        let count = if why.quote_count == 1 {
            "1 quote uses".to_string()
        } else {
            format!("{} quotes use", why.quote_count)
        };
        let shown: &[_] = match quotes {
            Quotes::None => &[],
            Quotes::One => &why.quotes[..why.quotes.len().min(1)],
            Quotes::All => &why.quotes,
        };
        let lead = if shown.is_empty() { "" } else { ", such as" };
        out.push_str(&wrap(
            &format!("{count} most of the same words{lead}"),
            "    ",
        ));
        for hit in shown {
            out.push_str(&source_block(graph, hit.source, "      ", true));
        }
    }
    out
}

/// Words quoted and listed: “a”, “b” and “c”.
fn listed(words: &[String]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("“{w}”")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The JSON shape of `match` (docs/json.md).
#[derive(Debug, Serialize)]
pub struct MatchJson<'g> {
    /// The text matched, as given.
    pub text: &'g str,
    /// The least score a concept needed.
    pub threshold: f64,
    /// The concepts the text may mean, best first; empty for "no existing concept".
    pub matches: Vec<CandidateJson<'g>>,
    /// How many concepts reached the threshold (more than `matches` holds when
    /// `--limit` cut the list).
    pub total: usize,
    /// When `matches` is empty: the closest concepts below the threshold.
    pub closest: Vec<CandidateJson<'g>>,
}

/// One concept with its score and why.
#[derive(Debug, Serialize)]
pub struct CandidateJson<'g> {
    /// Node id.
    pub id: &'g str,
    /// Label.
    pub label: &'g str,
    /// Node kind.
    pub kind: &'g str,
    /// Score, rounded to three decimals.
    pub score: f64,
    /// Ids of the papers whose claims are about the concept.
    pub papers: Vec<&'static str>,
    /// The name closest to the text.
    pub name: NameJson<'g>,
    /// The text's words the description shares.
    pub description: Vec<String>,
    /// How many quotes about the concept use most of the text's words.
    pub quote_count: usize,
    /// Up to two of them, most words first.
    pub quotes: Vec<QuoteJson<'g>>,
}

/// The name closest to the text.
#[derive(Debug, Serialize)]
pub struct NameJson<'g> {
    /// `label`, `alias`, `label_zh` or `id`.
    pub field: NameField,
    /// The name.
    pub text: &'g str,
    /// The text's words it shares, as the text writes them.
    pub words: &'g [String],
    /// Whether the name and the text say the same words.
    pub exact: bool,
}

/// A quote using the text's words.
#[derive(Debug, Serialize)]
pub struct QuoteJson<'g> {
    /// The source.
    #[serde(flatten)]
    pub source: SourceJson<'g>,
    /// The text's words it uses.
    pub words: &'g [String],
}

/// The answer as its JSON shape.
pub fn json<'g>(graph: &'g ConceptGraph, text: &'g str, answer: &'g Answer<'g>) -> MatchJson<'g> {
    let candidate = |c: &'g Candidate<'g>| {
        let node = graph.node(c.node);
        CandidateJson {
            id: &node.id,
            label: &node.label,
            kind: &node.kind,
            score: (c.score * 1000.0).round() / 1000.0,
            papers: c.papers.clone(),
            name: NameJson {
                field: c.why.name.field,
                text: c.why.name.text,
                words: &c.why.name.words,
                exact: c.why.name.exact,
            },
            description: c.why.description.clone(),
            quote_count: c.why.quote_count,
            quotes: c
                .why
                .quotes
                .iter()
                .map(|q| QuoteJson {
                    source: SourceJson::new(graph, q.source),
                    words: &q.words,
                })
                .collect(),
        }
    };
    MatchJson {
        text,
        threshold: answer.threshold,
        matches: answer.matches.iter().map(candidate).collect(),
        total: answer.total,
        closest: answer.closest.iter().map(candidate).collect(),
    }
}
