//! `linkage position PAPER`: a summary a scholar could paste into a literature review,
//! every sentence followed by the numbers of the claims it rests on; then each claim
//! with the papers that say the same, more or less, those that relate its concepts
//! otherwise, its disputes, or that no other paper touches it.

use std::fmt::Write as _;

use serde::Serialize;

use super::{
    count, path::StopJson, shape::ClaimJson, shape::FactJson, styled, wrap, wrap_hanging, HEADING,
    LABEL, NOTICE,
};
use crate::{
    graph::ConceptGraph,
    logic::Verdict,
    output::{
        contested::question,
        sentence::{claim_sentence, lower_initial},
    },
    query::{
        contested::{ClaimRef, Kind, Strength},
        position::{ClaimPosition, Position, Stance},
        Stop,
    },
    schema::Role,
};

/// [`claim_sentence`] inside another sentence: a template's own first word ("there is
/// a transition ...") in lower case, a concept's name as it is.
fn embedded(graph: &ConceptGraph, claim: ClaimRef) -> String {
    let sentence = claim_sentence(graph, claim);
    match claim {
        ClaimRef::Relation(edge)
            if !graph
                .kind_of(graph.relation(edge))
                .template
                .starts_with('{') =>
        {
            lower_initial(&sentence)
        }
        _ => sentence,
    }
}

/// Claim numbers as ranges: `1–3, 5, 9`.
fn numbers(list: &[usize]) -> String {
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
            1 => format!("{start}, {end}"),
            _ => format!("{start}–{end}"),
        });
        i += 1;
    }
    parts.join(", ")
}

/// Names joined as a sentence lists them: `A`, `A and B`, `A, B and C`.
fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
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

fn tallied(graph: &ConceptGraph, tally: &[(&str, usize)]) -> String {
    let named: Vec<String> = tally
        .iter()
        .take(3)
        .map(|&(p, n)| format!("{} ({n})", graph.cite(p)))
        .collect();
    and_list(&named.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The summary: what the paper shares, what it disputes and how, what only it says;
/// each sentence with its claims.
pub fn summary(graph: &ConceptGraph, position: &Position) -> Vec<Sentence> {
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
            text: format!("No other paper makes any of the {} of {cite}, or a claim implying or implied by one.", count(total, "claim", "claims")),
            claims: Vec::new(),
        });
    } else {
        out.push(Sentence {
            text: format!(
                "Of the {} of {cite}, {} made by other papers too, or by a claim implying or implied by it: most often by {}.",
                count(total, "claim", "claims"),
                if agreed.len() == 1 { "1 is".to_string() } else { format!("{} are", agreed.len()) },
                tallied(graph, &most_often(graph, &agreed))
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
                text: format!(
                    "{} shares passages with {cite}, so their agreement may rest on the same words rather than two readings.",
                    graph.cite(other)
                ),
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
                format!("with {} that {}", and_list(&names), embedded(graph, claim))
            })
            .collect();
        out.push(Sentence {
            text: format!("It agrees {}.", parts.join(", and ")),
            claims: widest.iter().take(2).map(|(n, _)| *n).collect(),
        });
    }
    for (strength, verb) in [
        (Strength::Contradiction, "It contradicts"),
        (Strength::Tension, "It stands in tension with"),
    ] {
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
                    (Kind::Opposition, Some(&evidence)) => claim_sentence(graph, evidence),
                    _ => side.answer.split(':').next().unwrap_or("").to_string(),
                })
                .map(|answer| format!("“{answer}”"))
                .collect();
            let answer = match answers.as_slice() {
                [one] => one.clone(),
                several => format!(
                    "both {}",
                    and_list(&several.iter().map(String::as_str).collect::<Vec<_>>())
                ),
            };
            out.push(Sentence {
                text: format!(
                    "{verb} {} on “{}”, answering {answer} (dispute {}).",
                    and_list(&others),
                    question(graph, dispute),
                    d + 1
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
            .map(|&d| format!("“{}”", question(graph, &position.disputes.disputes[d])))
            .collect();
        out.push(Sentence {
            text: format!(
                "It frames {} differently from other papers, among them {} (disputes {}).",
                count(framed.len(), "question", "questions"),
                and_list(&examples.iter().map(String::as_str).collect::<Vec<_>>()),
                numbers(&framed.iter().map(|d| d + 1).collect::<Vec<_>>())
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
            text: format!(
                "{} concepts that other papers relate only in other ways, most often {}.",
                if otherwise.len() == 1 {
                    "1 of its claims relates".to_string()
                } else {
                    format!("{} of its claims relate", otherwise.len())
                },
                tallied(graph, &most_often(graph, &otherwise))
            ),
            claims: otherwise.iter().map(|(n, _)| *n).collect(),
        });
    }
    if !alone.is_empty() {
        let examples: Vec<String> = alone
            .iter()
            .take(2)
            .map(|&n| format!("that {}", embedded(graph, position.claims[n - 1].claim)))
            .collect();
        out.push(Sentence {
            text: if alone.len() == total {
                format!(
                    "No other paper touches any of the {} of {cite}, among them {}.",
                    count(total, "claim", "claims"),
                    and_list(&examples.iter().map(String::as_str).collect::<Vec<_>>())
                )
            } else {
                format!(
                    "{} of its claims no other paper touches, among them {}.",
                    alone.len(),
                    and_list(&examples.iter().map(String::as_str).collect::<Vec<_>>())
                )
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

/// The verdict on another paper's claim, as the detail lines name it.
fn verdict_words(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Same => "the same",
        Verdict::ImpliedBy => "says more, implying it",
        Verdict::Implies => "says less, implied by it",
        Verdict::Conflict => "contradicts it",
        Verdict::Tension => "in tension with it",
        Verdict::Framing => "relates them otherwise",
        Verdict::Unrelated => "unrelated",
    }
}

/// The notices of work a budget cut short: the paper's claims (gathered or compared)
/// and the disputes; nothing when all was done.
fn stopped(graph: &ConceptGraph, position: &Position) -> String {
    let mut out = String::new();
    if let Some(stop) = position.stop {
        let after = match stop {
            Stop::Work(units) => format!(
                "{units} units of work (one a relation looked at, a quote placed in the text or \
                 a claim compared)"
            ),
            Stop::Time(elapsed) => format!("{} ms", elapsed.as_millis()),
        };
        let text = format!(
            "The position stopped after {after}: it holds the first {} of the paper's claims \
             (in its order) among the first {} of the {} relations (in data order), and the \
             summary counts those.",
            position.claims.len(),
            position.looked_at,
            graph.relation_count()
        );
        out.push_str(&(styled(NOTICE, wrap(&text, "")) + "\n"));
    }
    out + &super::contested::stopped(graph, &position.disputes, &[])
}

/// The position for people: the summary, then each claim. `brief` names the papers
/// agreeing or differing with each claim without their claims.
pub fn human(graph: &ConceptGraph, position: &Position, brief: bool) -> String {
    let mut out = stopped(graph, position);
    let cite = graph.cite(&position.paper);
    let title = format!(
        "Where {cite} stands: {}, compared with the other {}",
        count(position.claims.len(), "claim", "claims"),
        count(graph.papers().count().saturating_sub(1), "paper", "papers")
    );
    out.push_str(&styled_lines(&wrap(&title, "")));
    let paragraph: Vec<String> = summary(graph, position)
        .into_iter()
        .map(|s| {
            if s.claims.is_empty() {
                s.text
            } else {
                format!("{} [{}]", s.text, numbers(&s.claims))
            }
        })
        .collect();
    out.push('\n');
    out.push_str(&wrap(&paragraph.join(" "), ""));
    let order = if position.text_order {
        "in the order of the paper's text"
    } else {
        "in the order they are encoded (the paper's text was not at hand)"
    };
    let _ = write!(out, "\n{}\n", styled(HEADING, "In detail"));
    out.push_str(&wrap(
        &format!("Claims {order}; dispute numbers as `linkage contested` lists them."),
        "",
    ));
    for (i, claim) in position.claims.iter().enumerate() {
        out.push('\n');
        let head = format!("{}. {}", i + 1, claim_sentence(graph, claim.claim));
        out.push_str(&styled_lines(&wrap_hanging(&head, "", "    ")));
        write_claim(graph, position, claim, brief, &mut out);
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
    out: &mut String,
) {
    let line =
        |out: &mut String, text: String| out.push_str(&wrap_hanging(&text, "    ", "      "));
    if claim.alone() {
        line(out, "no other paper touches it".into());
        return;
    }
    let agreeing = claim.agreeing();
    // Agreement that may be one text's words twice says so (README, "What the numbers
    // count").
    let shared = |paper: &str| {
        if crate::paper::share_text(&graph.papers, &position.paper, paper) {
            " (shares passages with this paper)"
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
                same_note(graph, claim.claim, *s),
                shared(p)
            )
        })
        .collect();
    if !same.is_empty() {
        line(out, format!("the same: {}", same.join("; ")));
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
                    format!("{}: {}", verdict_words(verdict), names.join("; ")),
                );
            }
            continue;
        }
        for (paper, stance) in papers {
            line(
                out,
                format!(
                    "{}: {}{}: “{}”",
                    verdict_words(verdict),
                    graph.cite(paper),
                    shared(paper),
                    claim_sentence(graph, stance.claim)
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
                    format!("{}: {}", verdict_words(verdict), names.join("; ")),
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
            .map(|s| format!("“{}”", claim_sentence(graph, s.claim)))
            .collect();
        let more = stances.len() - shown.len();
        let rest = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        line(
            out,
            format!(
                "{}: {}: {}{rest}",
                verdict_words(strongest),
                graph.cite(paper),
                shown.join("; ")
            ),
        );
    }
    for &d in &claim.disputes {
        let dispute = &position.disputes.disputes[d];
        line(
            out,
            format!(
                "dispute {} ({}): {}",
                d + 1,
                super::contested::strength_name(dispute.strength),
                question(graph, dispute)
            ),
        );
    }
}

/// Why a claim the logic finds the same is not the very same relation: read from the
/// other end, or the same difference in other words.
fn same_note(graph: &ConceptGraph, own: ClaimRef, stance: Stance) -> &'static str {
    match (own, stance.claim) {
        (ClaimRef::Relation(a), ClaimRef::Relation(b)) if a != b => {
            if graph.role_of(graph.relation(a)) == Role::Difference {
                " (in other words)"
            } else {
                " (read from the other end)"
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
