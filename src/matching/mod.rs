//! `linkage match`: which existing concepts a phrase or a sentence means, best first,
//! each with the reason (the name, description words and quotes it shares with the
//! text), or "no existing concept" when none is close enough.
//!
//! Reusing a concept claims that two papers speak of the same thing, and every
//! agreement linkage shows rests on such reuse; a wrong reuse invents an agreement. So
//! a concept is offered only when its score reaches [`Tuning::threshold`], calibrated
//! leave-one-paper-out on the shipped papers ([`evaluate`], docs/matching.md).
//!
//! Words are compared through [`crate::normalize`] (case, hyphens, word order and
//! endings aside; CJK by pairs of characters). A concept's score is mostly how nearly
//! the text states one of its names (`score::name_score`), partly how much of the text
//! its description and quotes hold (`score::context_score`), and a little how many
//! papers use it: a concept several papers share is the likelier meaning.

pub mod evaluate;
mod index;
mod needs;
mod score;
mod view;

use petgraph::graph::NodeIndex;

pub use index::{Index, NameField};
pub use view::View;

use crate::{error::Error, normalize::Words, relation::Source};
use needs::{needs, terms};
use score::{context_score, name_score, Context, Query};

/// How many papers' use earns a concept the whole of [`Tuning::papers`].
const PAPERS_FOR_FULL_PREFERENCE: usize = 4;

/// The weights and the threshold of a match.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    /// The least score a concept needs to be offered as what the text means.
    pub threshold: f64,
    /// The share of the score that comes from descriptions and quotes (the rest from
    /// the best name).
    pub context: f64,
    /// What using a concept in several papers adds to its score (all of it at
    /// four papers or more; none for one paper).
    pub papers: f64,
}

impl Tuning {
    /// The tuning `linkage match` uses, chosen by the leave-one-paper-out measurement on
    /// all five shipped papers together (docs/matching.md).
    pub const DEFAULT: Self = Self {
        threshold: 0.55,
        context: 0.2,
        papers: 0.05,
    };
}

/// One concept and its score.
#[derive(Debug, Clone)]
pub struct Ranked {
    /// The concept.
    pub node: NodeIndex,
    /// Its score, in 0..=1 and a little more for concepts several papers use.
    pub score: f64,
    /// Which of its names matched best (index into the index's names of the concept).
    name: usize,
    /// The query's needs that name holds.
    found: Vec<usize>,
    /// The concept's place in the index.
    concept: usize,
}

/// Why a concept was offered.
#[derive(Debug, Clone)]
pub struct Why<'g> {
    /// The name closest to the text.
    pub name: NameHit<'g>,
    /// The text's words the description holds, as the text writes them.
    pub description: Vec<String>,
    /// Up to two quotes that use most of the same words, most first.
    pub quotes: Vec<QuoteHit<'g>>,
    /// How many quotes about the concept use most of the text's words.
    pub quote_count: usize,
}

/// The name closest to the text.
#[derive(Debug, Clone)]
pub struct NameHit<'g> {
    /// Label, alias, Chinese label or id.
    pub field: NameField,
    /// The name as written in the data.
    pub text: &'g str,
    /// The text's words the name holds, as the text writes them.
    pub words: Vec<String>,
    /// Whether the name and the text say the same words (order, case, hyphens and
    /// endings aside): every word of each is in the other.
    pub exact: bool,
}

/// A quote about the concept that uses the text's words.
#[derive(Debug, Clone)]
pub struct QuoteHit<'g> {
    /// The source.
    pub source: &'g Source,
    /// The text's words it uses, as the text writes them.
    pub words: Vec<String>,
}

/// A concept offered, or shown as the closest when none was close enough.
#[derive(Debug, Clone)]
pub struct Candidate<'g> {
    /// The concept.
    pub node: NodeIndex,
    /// Its score.
    pub score: f64,
    /// The papers whose claims are about it.
    pub papers: Vec<&'static str>,
    /// Why.
    pub why: Why<'g>,
}

/// What `match` found for a text.
#[derive(Debug, Clone)]
pub struct Answer<'g> {
    /// How many words of the text were compared (function words aside).
    pub words: usize,
    /// The threshold the matches reached.
    pub threshold: f64,
    /// The concepts the text may mean, best first (at most the limit).
    pub matches: Vec<Candidate<'g>>,
    /// How many concepts reached the threshold in all.
    pub total: usize,
    /// When nothing reached the threshold: the closest concepts (up to three).
    pub closest: Vec<Candidate<'g>>,
}

/// How many concepts below the threshold are shown when none reaches it.
const CLOSEST: usize = 3;

impl<'g> Index<'g> {
    /// Every candidate the text shares a word with, best first (ties: more papers,
    /// then data order).
    ///
    /// # Errors
    /// [`Error::Usage`] when the text has no word to match (empty, or only function
    /// words and punctuation).
    pub fn rank(&self, text: &str, tuning: Tuning) -> Result<Vec<Ranked>, Error> {
        let words = Words::of(text);
        if words.is_empty() {
            return Err(Error::Usage(format!(
                "\"{text}\" has no word to match: give a phrase or a sentence (words such as \
                 \"of\" and \"the\" are not compared)"
            )));
        }
        let query = Query::new(needs(&words), self);
        let query_terms = terms(&query.needs);
        let context = Context::read(self, query_terms.clone());
        let mut ranked = Vec::new();
        for (at, concept) in self.concepts.iter().enumerate() {
            let shares = context.holds_any(at)
                || concept
                    .names
                    .iter()
                    .any(|n| n.terms.iter().any(|t| query_terms.binary_search(t).is_ok()));
            if !shares {
                continue;
            }
            let (name, dice, found) = concept
                .names
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let (dice, found) = name_score(&query, n);
                    (i, dice, found)
                })
                .fold((0, -1.0, Vec::new()), |best, next| {
                    if next.1 > best.1 {
                        next
                    } else {
                        best
                    }
                });
            let in_context = context_score(&query, at, self, &context);
            #[allow(clippy::cast_precision_loss)] // a handful of papers
            let preference = concept
                .papers
                .len()
                .saturating_sub(1)
                .min(PAPERS_FOR_FULL_PREFERENCE - 1) as f64
                / (PAPERS_FOR_FULL_PREFERENCE - 1) as f64;
            let score = (1.0 - tuning.context) * dice.max(0.0)
                + tuning.context * in_context
                + tuning.papers * preference;
            if score > 0.0 {
                ranked.push(Ranked {
                    node: concept.node,
                    score,
                    name,
                    found,
                    concept: at,
                });
            }
        }
        ranked.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| {
                    self.concepts[b.concept]
                        .papers
                        .len()
                        .cmp(&self.concepts[a.concept].papers.len())
                })
                .then(a.concept.cmp(&b.concept))
        });
        Ok(ranked)
    }

    /// How nearly a name of one of two candidates states a name of the other, as
    /// `match` scores a text against a name (the better way round), in 0..=1; 0 when
    /// either is no candidate.
    pub fn name_similarity(&self, a: NodeIndex, b: NodeIndex) -> f64 {
        let (Some(a), Some(b)) = (self.concept(a), self.concept(b)) else {
            return 0.0;
        };
        let mut best: f64 = 0.0;
        for (from, to) in [(a, b), (b, a)] {
            for name in &from.names {
                let query = Query::new(name.needs.clone(), self);
                for other in &to.names {
                    best = best.max(name_score(&query, other).0);
                }
            }
        }
        best
    }

    /// The concepts `text` may mean (those reaching the threshold), at most `limit`,
    /// each with why; or, when none does, the closest.
    ///
    /// # Errors
    /// As [`Index::rank`].
    pub fn answer(&self, text: &str, tuning: Tuning, limit: usize) -> Result<Answer<'g>, Error> {
        let ranked = self.rank(text, tuning)?;
        let query = Query::new(needs(&Words::of(text)), self);
        let total = ranked
            .iter()
            .take_while(|r| r.score >= tuning.threshold)
            .count();
        let explain = |r: &Ranked| self.candidate(r, text, &query);
        let matches: Vec<Candidate<'g>> =
            ranked.iter().take(total.min(limit)).map(explain).collect();
        let closest = if total == 0 {
            ranked.iter().take(CLOSEST).map(explain).collect()
        } else {
            Vec::new()
        };
        Ok(Answer {
            words: Words::of(text).words.len(),
            threshold: tuning.threshold,
            matches,
            total,
            closest,
        })
    }

    fn candidate(&self, ranked: &Ranked, text: &str, query: &Query) -> Candidate<'g> {
        let concept = &self.concepts[ranked.concept];
        // The text's words behind the needs, as written; overlapping pairs of CJK
        // characters read as the run they come from ("精准扶贫", not "精准", "准扶").
        let surface = |found: &[usize]| -> Vec<String> {
            let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
            for &i in found {
                let bytes = query.needs[i].bytes.clone();
                match spans.last_mut() {
                    Some(last) if bytes.start < last.end => last.end = last.end.max(bytes.end),
                    _ => spans.push(bytes),
                }
            }
            let mut words: Vec<String> = spans.into_iter().map(|b| text[b].to_string()).collect();
            words.dedup();
            words
        };
        let name = &concept.names[ranked.name];
        let exact = ranked.found.len() == query.needs.len()
            && name.needs.iter().all(|n| n.found_in(&terms(&query.needs)));
        let description_terms = concept
            .description
            .map(|d| terms(&needs(&Words::of(d))))
            .unwrap_or_default();
        let description: Vec<usize> = (0..query.needs.len())
            .filter(|&i| query.needs[i].found_in(&description_terms))
            .collect();
        // A quote uses the same words when it holds at least half the text's weight,
        // or all the name holds of it.
        let wanted = (query.weight() / 2.0).min(query.weight_of(&ranked.found));
        let mut quotes: Vec<(f64, &'g Source, Vec<usize>)> = Vec::new();
        for &source in &concept.quotes {
            if quotes.iter().any(|(_, s, _)| s.quote() == source.quote()) {
                continue;
            }
            let quote_terms = terms(&needs(&Words::of(source.quote())));
            let found: Vec<usize> = (0..query.needs.len())
                .filter(|&i| query.needs[i].found_in(&quote_terms))
                .collect();
            let weight = query.weight_of(&found);
            if weight > 0.0 && weight >= wanted - 1e-9 {
                quotes.push((weight, source, found));
            }
        }
        let quote_count = quotes.len();
        quotes.sort_by(|a, b| b.0.total_cmp(&a.0));
        Candidate {
            node: concept.node,
            score: ranked.score,
            papers: concept.papers.clone(),
            why: Why {
                name: NameHit {
                    field: name.field,
                    text: name.text,
                    words: surface(&ranked.found),
                    exact,
                },
                description: surface(&description),
                quotes: quotes
                    .into_iter()
                    .take(2)
                    .map(|(_, source, found)| QuoteHit {
                        source,
                        words: surface(&found),
                    })
                    .collect(),
                quote_count,
            },
        }
    }
}
