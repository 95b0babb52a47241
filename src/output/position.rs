//! `linkage position PAPER`: a summary a scholar could paste into a literature review,
//! every sentence followed by the numbers of the claims it rests on; then each claim
//! with the papers that say the same, more or less, those that relate its concepts
//! otherwise, its disputes, or that no other paper touches it.

use std::fmt::Write as _;

use serde::Serialize;

use super::{
    path::StopJson, shape::ClaimJson, shape::FactJson, styled, wrap, wrap_hanging, HEADING, LABEL,
    NOTICE,
};
use crate::{
    dot::Lang,
    graph::ConceptGraph,
    i18n::Messages,
    logic::Verdict,
    output::{
        contested::{answer_in, question, question_in},
        sentence::{claim_sentence, claim_sentence_in, lower_initial},
    },
    query::{
        contested::{ClaimRef, Kind, Strength},
        position::{ClaimPosition, Position, Stance},
        Stop,
    },
    schema::Role,
};

/// [`claim_sentence_in`] inside another sentence: in English a template's own first
/// word ("there is a transition ...") in lower case, a concept's name as it is.
fn embedded(graph: &ConceptGraph, claim: ClaimRef, lang: Lang) -> String {
    let sentence = claim_sentence_in(graph, claim, lang);
    match claim {
        ClaimRef::Relation(edge)
            if lang == Lang::En
                && !graph
                    .kind_of(graph.relation(edge))
                    .template
                    .starts_with('{') =>
        {
            lower_initial(&sentence)
        }
        _ => sentence,
    }
}

/// Claim numbers as ranges: `1–3, 5, 9` (`1–3、5、9` in Chinese).
fn numbers(list: &[usize], words: Messages) -> String {
    let mut sorted = list.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let start = sorted[i];
        let mut end = start;
        while i + 1 < sorted.len() && sorted[i + 1] == end + 1 {
            i += 1;
            end = sorted[i];
        }
        parts.push(match end - start {
            0 => start.to_string(),
            1 => format!("{start}{}{end}", words.number_separator()),
            _ => format!("{start}–{end}"),
        });
        i += 1;
    }
    parts.join(words.number_separator())
}

/// One sentence of the summary and the claims (numbers from 1) it rests on.
#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    /// The sentence.
    pub text: String,
    /// The numbers of the claims behind it.
    pub claims: Vec<usize>,
}

/// Papers by how many of `claims` each appears in, most first (ties in paper order).
fn most_often<'p>(
    graph: &ConceptGraph,
    counted: &[(usize, Vec<&'p str>)],
) -> Vec<(&'p str, usize)> {
    let order: Vec<&str> = graph.papers().map(|p| p.id.as_str()).collect();
    let mut tally: Vec<(&str, usize)> = Vec::new();
    for (_, papers) in counted {
        for &paper in papers {
            match tally.iter_mut().find(|(p, _)| *p == paper) {
                Some((_, n)) => *n += 1,
                None => tally.push((paper, 1)),
            }
        }
    }
    tally.sort_by_key(|&(p, n)| (std::cmp::Reverse(n), order.iter().position(|o| *o == p)));
    tally
}

fn tallied(graph: &ConceptGraph, tally: &[(&str, usize)], words: Messages) -> String {
    let named: Vec<String> = tally
        .iter()
        .take(3)
        .map(|&(p, n)| words.tally(graph.cite(p), n))
        .collect();
    words.and_list(&named.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The summary: what the paper shares, what it disputes and how, what only it says;
/// each sentence with its claims.
pub fn summary(graph: &ConceptGraph, position: &Position) -> Vec<Sentence> {
    summary_in(graph, position, Lang::En)
}

/// [`summary`] in `lang`: the sentences' words from the message table, the claims and
/// questions in `lang`'s names and sentence forms.
pub fn summary_in(graph: &ConceptGraph, position: &Position, lang: Lang) -> Vec<Sentence> {
    let words = Messages::of(lang);
    let and_list = |names: &[&str]| words.and_list(names);
    let cite = graph.cite(&position.paper);
    let total = position.claims.len();
    let number = |i: usize| i + 1;
    let mut out = Vec::new();
    let agreed: Vec<(usize, Vec<&str>)> = position
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                number(i),
                c.agreeing().into_iter().map(|(p, _)| p).collect::<Vec<_>>(),
            )
        })
        .filter(|(_, papers)| !papers.is_empty())
        .collect();
    let alone: Vec<usize> = position
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.alone())
        .map(|(i, _)| number(i))
        .collect();
    if agreed.is_empty() && alone.len() == total {
        // Said below, with examples.
    } else if agreed.is_empty() {
        out.push(Sentence {
            text: words.no_other_makes_any(total, cite),
            claims: Vec::new(),
        });
    } else {
        out.push(Sentence {
            text: words.made_by_others_too(
                total,
                cite,
                agreed.len(),
                &tallied(graph, &most_often(graph, &agreed), words),
            ),
            claims: agreed.iter().map(|(n, _)| *n).collect(),
        });
        // Agreement with a paper sharing passages may be the same words twice.
        for (other, _) in most_often(graph, &agreed) {
            if crate::paper::text_sharing_pairs(&graph.papers, &[position.paper.as_str(), other])
                .is_empty()
            {
                continue;
            }
            out.push(Sentence {
                text: words.shares_passages_with(graph.cite(other), cite),
                claims: agreed
                    .iter()
                    .filter(|(_, papers)| papers.contains(&other))
                    .map(|(n, _)| *n)
                    .collect(),
            });
        }
        // The claims most papers share, up to two.
        let mut widest = agreed.clone();
        widest.sort_by_key(|(n, papers)| (std::cmp::Reverse(papers.len()), *n));
        let parts: Vec<String> = widest
            .iter()
            .take(2)
            .map(|(n, papers)| {
                let names: Vec<&str> = papers.iter().map(|p| graph.cite(p)).collect();
                let claim = position.claims[n - 1].claim;
                words.agrees_with_that(&and_list(&names), &embedded(graph, claim, lang))
            })
            .collect();
        out.push(Sentence {
            text: words.it_agrees(&parts),
            claims: widest.iter().take(2).map(|(n, _)| *n).collect(),
        });
    }
    for strength in [Strength::Contradiction, Strength::Tension] {
        for (d, dispute) in position
            .disputes
            .disputes
            .iter()
            .enumerate()
            .filter(|(_, d)| d.strength == strength)
        {
            let own: Vec<usize> = claims_in(position, d);
            if own.is_empty() {
                continue;
            }
            let others: Vec<&str> = dispute
                .papers()
                .into_iter()
                .filter(|p| *p != position.paper)
                .map(|p| graph.cite(p))
                .collect();
            // Every answer the paper gives (a paper may state both); opposed relations
            // answer with the relation itself, in names.
            let answers: Vec<String> = dispute
                .sides
                .iter()
                .filter(|s| s.papers.contains(&position.paper))
                .map(|side| match (dispute.kind, side.claims.first()) {
                    (Kind::Opposition, Some(&evidence)) => claim_sentence_in(graph, evidence, lang),
                    // The answer's head, before its explanation ("an asset: ...").
                    _ => answer_in(graph, dispute, side, lang)
                        .split([':', '：'])
                        .next()
                        .unwrap_or("")
                        .to_string(),
                })
                .collect();
            out.push(Sentence {
                text: words.disputes_with(
                    strength == Strength::Contradiction,
                    &and_list(&others),
                    &question_in(graph, dispute, lang),
                    &words.answering(&answers),
                    d + 1,
                ),
                claims: own,
            });
        }
    }
    let framed: Vec<usize> = position
        .disputes
        .disputes
        .iter()
        .enumerate()
        .filter(|(d, dispute)| {
            dispute.strength == Strength::Framing && !claims_in(position, *d).is_empty()
        })
        .map(|(d, _)| d)
        .collect();
    if !framed.is_empty() {
        let examples: Vec<String> = framed
            .iter()
            .take(2)
            .map(|&d| words.quoted(&question_in(graph, &position.disputes.disputes[d], lang)))
            .collect();
        out.push(Sentence {
            text: words.frames_differently(
                framed.len(),
                &and_list(&examples.iter().map(String::as_str).collect::<Vec<_>>()),
                &numbers(&framed.iter().map(|d| d + 1).collect::<Vec<_>>(), words),
            ),
            claims: framed
                .iter()
                .flat_map(|&d| claims_in(position, d))
                .collect(),
        });
    }
    let otherwise: Vec<(usize, Vec<&str>)> = position
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.agreeing().is_empty() && !c.others.is_empty())
        .map(|(i, c)| {
            (
                number(i),
                c.differing().into_iter().map(|(p, _)| p).collect(),
            )
        })
        .collect();
    if !otherwise.is_empty() {
        out.push(Sentence {
            text: words.related_otherwise(
                otherwise.len(),
                &tallied(graph, &most_often(graph, &otherwise), words),
            ),
            claims: otherwise.iter().map(|(n, _)| *n).collect(),
        });
    }
    if !alone.is_empty() {
        let examples: Vec<String> = alone
            .iter()
            .take(2)
            .map(|&n| words.example_claim(&embedded(graph, position.claims[n - 1].claim, lang)))
            .collect();
        let examples = and_list(&examples.iter().map(String::as_str).collect::<Vec<_>>());
        out.push(Sentence {
            text: if alone.len() == total {
                words.none_touched(total, cite, &examples)
            } else {
                words.some_untouched(alone.len(), &examples)
            },
            claims: alone,
        });
    }
    out
}

/// The numbers of the paper's claims that put it on a side of dispute `d`.
fn claims_in(position: &Position, d: usize) -> Vec<usize> {
    position
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.disputes.contains(&d))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The notices of work a budget cut short: the paper's claims (gathered or compared)
/// and the disputes; nothing when all was done.
fn stopped(graph: &ConceptGraph, position: &Position, words: Messages) -> String {
    let mut out = String::new();
    if let Some(stop) = position.stop {
        let after = match stop {
            Stop::Work(units) => words.position_work(units),
            Stop::Time(elapsed) => words.position_time(elapsed.as_millis()),
        };
        let text = words.position_stopped(
            &after,
            position.claims.len(),
            position.looked_at,
            graph.relation_count(),
        );
        out.push_str(&(styled(NOTICE, wrap(&text, "")) + "\n"));
    }
    out + &super::contested::stopped_in(graph, &position.disputes, &[], words.lang())
}

/// The position for people, in `lang`: the summary, then each claim. `brief` names the
/// papers agreeing or differing with each claim without their claims.
pub fn human(graph: &ConceptGraph, position: &Position, brief: bool, lang: Lang) -> String {
    let words = Messages::of(lang);
    let mut out = stopped(graph, position, words);
    let title = words.where_stands(
        graph.cite(&position.paper),
        position.claims.len(),
        graph.papers().count().saturating_sub(1),
    );
    out.push_str(&styled_lines(&wrap(&title, "")));
    let paragraph: Vec<String> = summary_in(graph, position, lang)
        .into_iter()
        .map(|s| {
            if s.claims.is_empty() {
                s.text
            } else {
                words.with_claims(&s.text, &numbers(&s.claims, words))
            }
        })
        .collect();
    out.push('\n');
    // Chinese sentences follow one another without a space.
    let between = if lang == Lang::Zh { "" } else { " " };
    out.push_str(&wrap(&paragraph.join(between), ""));
    let _ = write!(out, "\n{}\n", styled(HEADING, words.in_detail()));
    out.push_str(&wrap(words.claims_in_order(position.text_order), ""));
    for (i, claim) in position.claims.iter().enumerate() {
        out.push('\n');
        let head = format!("{}. {}", i + 1, claim_sentence_in(graph, claim.claim, lang));
        out.push_str(&styled_lines(&wrap_hanging(&head, "", "    ")));
        write_claim(graph, position, claim, brief, words, &mut out);
    }
    out
}

fn styled_lines(text: &str) -> String {
    text.lines().fold(String::new(), |mut out, line| {
        let _ = writeln!(out, "{}", styled(LABEL, line));
        out
    })
}

/// The lines under one claim; `brief`: the papers without their claims.
fn write_claim(
    graph: &ConceptGraph,
    position: &Position,
    claim: &ClaimPosition,
    brief: bool,
    words: Messages,
    out: &mut String,
) {
    let lang = words.lang();
    let colon = words.colon();
    let line =
        |out: &mut String, text: String| out.push_str(&wrap_hanging(&text, "    ", "      "));
    if claim.alone() {
        line(out, words.untouched().into());
        return;
    }
    let agreeing = claim.agreeing();
    // Agreement that may be one text's words twice says so (README, "What the numbers
    // count").
    let shared = |paper: &str| {
        if crate::paper::share_text(&graph.papers, &position.paper, paper) {
            words.shares_passages_with_this()
        } else {
            ""
        }
    };
    let same: Vec<String> = agreeing
        .iter()
        .filter(|(_, s)| s.verdict == Verdict::Same)
        .map(|(p, s)| {
            format!(
                "{}{}{}",
                graph.cite(p),
                same_note(graph, claim.claim, *s, words),
                shared(p)
            )
        })
        .collect();
    if !same.is_empty() {
        line(
            out,
            format!(
                "{}{colon}{}",
                words.verdict(Verdict::Same),
                same.join(words.item_separator())
            ),
        );
    }
    for verdict in [Verdict::ImpliedBy, Verdict::Implies] {
        let papers = agreeing.iter().filter(|(_, s)| s.verdict == verdict);
        if brief {
            let names: Vec<String> = papers
                .map(|(paper, _)| format!("{}{}", graph.cite(paper), shared(paper)))
                .collect();
            if !names.is_empty() {
                line(
                    out,
                    format!(
                        "{}{colon}{}",
                        words.verdict(verdict),
                        names.join(words.item_separator())
                    ),
                );
            }
            continue;
        }
        for (paper, stance) in papers {
            line(
                out,
                format!(
                    "{}{colon}{}{}{colon}“{}”",
                    words.verdict(verdict),
                    graph.cite(paper),
                    shared(paper),
                    claim_sentence_in(graph, stance.claim, lang)
                ),
            );
        }
    }
    if brief {
        // One line per verdict, naming the papers whose closest claim it is.
        let differing = claim.differing();
        for verdict in [Verdict::Conflict, Verdict::Tension, Verdict::Framing] {
            let names: Vec<&str> = differing
                .iter()
                .filter(|(_, stances)| stances[0].verdict == verdict)
                .map(|(paper, _)| graph.cite(paper))
                .collect();
            if !names.is_empty() {
                line(
                    out,
                    format!(
                        "{}{colon}{}",
                        words.verdict(verdict),
                        names.join(words.item_separator())
                    ),
                );
            }
        }
    }
    for (paper, stances) in claim.differing().into_iter().filter(|_| !brief) {
        let strongest = stances[0].verdict;
        let shown: Vec<String> = stances
            .iter()
            .filter(|s| s.verdict == strongest)
            .take(2)
            .map(|s| format!("“{}”", claim_sentence_in(graph, s.claim, lang)))
            .collect();
        let more = stances.len() - shown.len();
        let rest = if more > 0 {
            words.and_more(more)
        } else {
            String::new()
        };
        line(
            out,
            format!(
                "{}{colon}{}{colon}{}{rest}",
                words.verdict(strongest),
                graph.cite(paper),
                shown.join(words.item_separator())
            ),
        );
    }
    for &d in &claim.disputes {
        let dispute = &position.disputes.disputes[d];
        line(
            out,
            words.dispute_numbered(
                d + 1,
                words.strength(dispute.strength),
                &question_in(graph, dispute, lang),
            ),
        );
    }
}

/// Why a claim the logic finds the same is not the very same relation: read from the
/// other end, or the same difference in other words.
fn same_note(graph: &ConceptGraph, own: ClaimRef, stance: Stance, words: Messages) -> &'static str {
    match (own, stance.claim) {
        (ClaimRef::Relation(a), ClaimRef::Relation(b)) if a != b => {
            if graph.role_of(graph.relation(a)) == Role::Difference {
                words.in_other_words()
            } else {
                words.read_from_the_other_end()
            }
        }
        _ => "",
    }
}

/// `position --json`.
#[derive(Serialize)]
pub struct PositionJson<'g> {
    paper: &'g str,
    cite: &'g str,
    text_order: bool,
    /// Why gathering or comparing the claims stopped short, if it did.
    stopped: Option<StopJson>,
    /// How many relations (in data order) were looked at for the paper's claims.
    looked_at: usize,
    /// For how many concepts the disputes were worked out, of how many, and why not
    /// for all.
    disputes_within: WithinJson,
    summary: Vec<Sentence>,
    claims: Vec<ClaimPositionJson<'g>>,
}

#[derive(Serialize)]
struct WithinJson {
    concepts: usize,
    of: usize,
    stopped: Option<StopJson>,
}

#[derive(Serialize)]
struct ClaimPositionJson<'g> {
    number: usize,
    sentence: String,
    claim: ClaimRefJson<'g>,
    agree: Vec<OtherJson<'g>>,
    differ: Vec<OtherJson<'g>>,
    disputes: Vec<DisputeRefJson>,
    alone: bool,
}

#[derive(Serialize)]
struct OtherJson<'g> {
    paper: &'g str,
    verdict: Verdict,
    claim: ClaimRefJson<'g>,
}

#[derive(Serialize)]
struct DisputeRefJson {
    number: usize,
    strength: Strength,
    question: String,
}

#[derive(Serialize)]
#[serde(untagged)]
enum ClaimRefJson<'g> {
    Relation(ClaimJson<'g>),
    Fact(FactJson<'g>),
}

/// A claim with only `paper`'s sources.
fn claim_ref_json<'g>(
    graph: &'g ConceptGraph,
    claim: ClaimRef,
    paper: &'g str,
) -> ClaimRefJson<'g> {
    match claim {
        ClaimRef::Relation(edge) => {
            let relation = graph.relation(edge);
            ClaimRefJson::Relation(ClaimJson::new(
                graph,
                relation,
                relation.sources.iter().filter(|s| s.paper == paper),
            ))
        }
        ClaimRef::Fact(i) => {
            let fact = &graph.facts()[i];
            ClaimRefJson::Fact(FactJson::new(
                graph,
                fact,
                fact.sources.iter().filter(|s| s.paper == paper),
            ))
        }
    }
}

/// The position as JSON (docs/json.md).
pub fn json<'g>(graph: &'g ConceptGraph, position: &'g Position) -> PositionJson<'g> {
    let paper = position.paper.as_str();
    PositionJson {
        paper,
        cite: graph.cite(paper),
        text_order: position.text_order,
        stopped: position.stop.map(StopJson::from),
        looked_at: position.looked_at,
        disputes_within: WithinJson {
            concepts: position.disputes.concepts,
            of: position.disputes.of,
            stopped: position.disputes.stop.map(StopJson::from),
        },
        summary: summary(graph, position),
        claims: position
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| ClaimPositionJson {
                number: i + 1,
                sentence: claim_sentence(graph, c.claim),
                claim: claim_ref_json(graph, c.claim, paper),
                agree: c
                    .agreeing()
                    .into_iter()
                    .map(|(p, s)| OtherJson {
                        paper: p,
                        verdict: s.verdict,
                        claim: claim_ref_json(graph, s.claim, p),
                    })
                    .collect(),
                differ: c
                    .differing()
                    .into_iter()
                    .flat_map(|(p, stances)| {
                        stances.into_iter().map(move |s| OtherJson {
                            paper: p,
                            verdict: s.verdict,
                            claim: claim_ref_json(graph, s.claim, p),
                        })
                    })
                    .collect(),
                disputes: c
                    .disputes
                    .iter()
                    .map(|&d| DisputeRefJson {
                        number: d + 1,
                        strength: position.disputes.disputes[d].strength,
                        question: question(graph, &position.disputes.disputes[d]),
                    })
                    .collect(),
                alone: c.alone(),
            })
            .collect(),
    }
}
