//! The questions of each kind, made from the comparison model, the disputes model and
//! the graph's relations. Each builder lists its candidates in data order and draws
//! from them with the quiz's generator, so a seed gives the same quiz on every run.

use indexmap::IndexSet;
use petgraph::graph::{EdgeIndex, NodeIndex};

use super::{
    Answer, Choice, Meaning, Question, QuestionKind, Rng, MAX_CHOICES, PER_KIND, QUOTES_PER_PAPER,
};
use crate::{
    dot::{node_label, Lang},
    error::Error,
    graph::ConceptGraph,
    i18n::Messages,
    logic::{judge, Claim as LogicClaim},
    output::{
        contested::{answer_in, question_in as dispute_question},
        sentence::hop_sentence_in,
    },
    paper_filter::PaperFilter,
    query::{
        comparison::{rows, Row, Stance},
        contested::{contested, ClaimRef, Strength},
        Hop, PathQuery, Walk, WalkFilter,
    },
    relation::Source,
    teach::argument::SPINE_KINDS,
};

/// Every kind's questions, in [`QuestionKind`] order.
pub(super) fn all<'g>(
    graph: &'g ConceptGraph,
    papers: &PaperFilter,
    rng: &mut Rng,
    words: Messages,
) -> Result<Vec<Vec<Question<'g>>>, Error> {
    let walk = Walk::new(
        graph,
        WalkFilter {
            papers: papers.clone(),
            ..WalkFilter::default()
        },
    )?;
    let comparisons = rows(graph, None, papers);
    let about_papers = papers.named().len() != 1;
    let mut groups = vec![
        topics(graph, &comparisons, Stance::CommonGround, rng, words),
        topics(graph, &comparisons, Stance::Difference, rng, words),
        positions(graph, &comparisons, rng, words),
    ];
    if about_papers {
        groups.push(disputes(graph, papers, rng, words));
        groups.push(which_paper(graph, papers, rng, words));
    }
    groups.push(gaps(graph, &walk, papers, rng, words)?);
    Ok(groups)
}

/// The sources of `sources` grouped by paper, at most [`QUOTES_PER_PAPER`] each, as
/// one answer per paper worded `text`.
fn per_paper<'g>(
    text: &dyn Fn(&str) -> String,
    sources: impl IntoIterator<Item = &'g Source>,
) -> Vec<Answer<'g>> {
    let mut answers: Vec<Answer<'g>> = Vec::new();
    for source in sources {
        let paper = source.paper.as_str();
        match answers.iter_mut().find(|a| a.papers[0] == paper) {
            Some(answer) if answer.sources.len() < QUOTES_PER_PAPER => answer.sources.push(source),
            Some(_) => {}
            None => answers.push(Answer {
                text: text(paper),
                papers: vec![paper.to_string()],
                sources: vec![source],
            }),
        }
    }
    answers
}

/// The sources of `sources`, at most [`QUOTES_PER_PAPER`] for each paper.
fn capped<'g>(sources: impl IntoIterator<Item = &'g Source>) -> Vec<&'g Source> {
    let mut kept: Vec<&'g Source> = Vec::new();
    for source in sources {
        if kept.iter().filter(|s| s.paper == source.paper).count() < QUOTES_PER_PAPER {
            kept.push(source);
        }
    }
    kept
}

fn unordered(pair: (NodeIndex, NodeIndex)) -> (NodeIndex, NodeIndex) {
    (pair.0.min(pair.1), pair.0.max(pair.1))
}

/// A concept's label, as the questions compare them (in English, so a seed draws
/// the same quiz in every language).
fn label(graph: &ConceptGraph, node: NodeIndex) -> &str {
    &graph.node(node).label
}

/// Labels compared as a student reads them.
fn same_words(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// "What do A and B share?" ([`Stance::CommonGround`]) or "Where do they differ?"
/// ([`Stance::Difference`]): one topic the papers name is right; the wrong choices
/// are topics they do not name that way for this pair, first those they name the
/// other way (a neighbouring aspect), then topics of other pairs.
fn topics<'g>(
    graph: &'g ConceptGraph,
    comparisons: &[Row<'g>],
    stance: Stance,
    rng: &mut Rng,
    words: Messages,
) -> Vec<Question<'g>> {
    let name = |n: NodeIndex| node_label(graph, n, words.lang());
    let candidates: Vec<usize> = (0..comparisons.len())
        .filter(|&i| comparisons[i].stance == stance)
        .collect();
    let mut questions = Vec::new();
    for i in rng.pick(&candidates, PER_KIND) {
        let row = &comparisons[i];
        let pair = unordered(row.pair);
        let of_pair = |r: &&Row<'_>| unordered(r.pair) == pair;
        let right: Vec<&Row<'g>> = comparisons
            .iter()
            .filter(of_pair)
            .filter(|r| r.stance == stance)
            .collect();
        let is_right = |topic: NodeIndex| {
            right
                .iter()
                .any(|r| same_words(label(graph, r.topic), label(graph, topic)))
        };
        // Neighbouring topics first (the same pair, the other stance), then the rest.
        let mut near: IndexSet<NodeIndex> = IndexSet::new();
        let mut far: IndexSet<NodeIndex> = IndexSet::new();
        for r in comparisons {
            if is_right(r.topic) {
                continue;
            }
            if of_pair(&r) {
                near.insert(r.topic);
            } else {
                far.insert(r.topic);
            }
        }
        let mut wrong = rng.pick(&near.into_iter().collect::<Vec<_>>(), MAX_CHOICES - 2);
        let more = MAX_CHOICES - 2 - wrong.len();
        for topic in rng.pick(&far.into_iter().collect::<Vec<_>>(), more * 4) {
            if wrong.len() < MAX_CHOICES - 2
                && !wrong
                    .iter()
                    .any(|&w| same_words(label(graph, w), label(graph, topic)))
            {
                wrong.push(topic);
            }
        }
        if wrong.is_empty() {
            continue;
        }
        let mut choices = vec![Choice {
            text: name(row.topic).to_string(),
            meaning: Meaning::Topic(row.topic),
            correct: true,
        }];
        choices.extend(wrong.into_iter().map(|t| Choice {
            text: name(t).to_string(),
            meaning: Meaning::Topic(t),
            correct: false,
        }));
        let (a, b) = row.pair;
        let topic = name(row.topic).to_string();
        let key = match stance {
            Stance::CommonGround => per_paper(
                &|_| words.is_common_ground(&topic),
                row.claims.iter().flat_map(|c| c.sources.iter().copied()),
            ),
            Stance::Difference => row
                .claims
                .iter()
                .flat_map(|c| {
                    let positions = c
                        .positions
                        .map(|(x, y)| words.positions_of(name(a), x, name(b), y));
                    let text = words.they_differ_in(&topic, positions.as_deref());
                    per_paper(&|_| text.clone(), c.sources.iter().copied())
                })
                .collect(),
        };
        let others: Vec<String> = right
            .iter()
            .filter(|r| r.topic != row.topic)
            .map(|r| words.counted(name(r.topic), r.papers().len()))
            .collect();
        let prompt = match stance {
            Stance::CommonGround => words.ask_shared(name(a), name(b)),
            Stance::Difference => words.ask_differs(name(a), name(b)),
        };
        questions.push(Question {
            kind: match stance {
                Stance::CommonGround => QuestionKind::Shared,
                Stance::Difference => QuestionKind::Differs,
            },
            prompt,
            choices: rng.shuffle(&choices),
            key: merge_by_paper(key),
            note: (!others.is_empty())
                .then(|| words.also_named(stance == Stance::CommonGround, &others)),
            pair: Some(row.pair),
            topic: Some(row.topic),
            claims: row
                .claims
                .iter()
                .map(|c| ClaimRef::Relation(c.edge))
                .collect(),
        });
    }
    questions
}

/// Answers of one paper with the same words merged (a paper stating one comparison in
/// several relations), at most [`QUOTES_PER_PAPER`] quotes each.
fn merge_by_paper(answers: Vec<Answer<'_>>) -> Vec<Answer<'_>> {
    let mut merged: Vec<Answer<'_>> = Vec::new();
    for answer in answers {
        match merged
            .iter_mut()
            .find(|m| m.text == answer.text && m.papers == answer.papers)
        {
            Some(m) => {
                let room = QUOTES_PER_PAPER.saturating_sub(m.sources.len());
                m.sources.extend(answer.sources.into_iter().take(room));
            }
            None => merged.push(answer),
        }
    }
    merged
}

/// The words of a difference's positions.
fn positions_text(
    graph: &ConceptGraph,
    pair: (NodeIndex, NodeIndex),
    x: &str,
    y: &str,
    words: Messages,
) -> String {
    let name = |n| node_label(graph, n, words.lang());
    words.positions_of(name(pair.0), x, name(pair.1), y)
}

/// Positions "not stated" say that the papers differ, not how.
fn stated(x: &str, y: &str) -> bool {
    !(x == NOT_STATED && y == NOT_STATED)
}

/// What the data says for a position a paper does not give.
const NOT_STATED: &str = "not stated";

/// "How do A and B differ in D?": every wording a paper gives is right; the wrong
/// choices are the papers' wordings for the pair's other dimensions.
fn positions<'g>(
    graph: &'g ConceptGraph,
    comparisons: &[Row<'g>],
    rng: &mut Rng,
    words: Messages,
) -> Vec<Question<'g>> {
    let name = |n: NodeIndex| node_label(graph, n, words.lang());
    let stated_wordings = |row: &Row<'g>| -> Vec<(&'g str, &'g str)> {
        let mut out: Vec<(&'g str, &'g str)> = Vec::new();
        for claim in &row.claims {
            if let Some((x, y)) = claim.positions {
                if stated(x, y) && !out.contains(&(x, y)) {
                    out.push((x, y));
                }
            }
        }
        out
    };
    let candidates: Vec<usize> = (0..comparisons.len())
        .filter(|&i| {
            comparisons[i].stance == Stance::Difference
                && !stated_wordings(&comparisons[i]).is_empty()
        })
        .collect();
    let mut questions = Vec::new();
    for i in rng.shuffle(&candidates) {
        if questions.len() == PER_KIND {
            break;
        }
        let row = &comparisons[i];
        let right = stated_wordings(row);
        if right.len() >= MAX_CHOICES {
            continue;
        }
        let mut wrong_pool: Vec<(String, String)> = Vec::new();
        for other in comparisons {
            if other.stance != Stance::Difference
                || other.topic == row.topic
                || unordered(other.pair) != unordered(row.pair)
            {
                continue;
            }
            for claim in &other.claims {
                // Oriented to this row's pair, whichever way the other row reads.
                let Some(p) = claim.relation.positions.as_ref() else {
                    continue;
                };
                let (x, y) = if claim.relation.from == row.pair.0 {
                    (p.from.as_str(), p.to.as_str())
                } else {
                    (p.to.as_str(), p.from.as_str())
                };
                let candidate = (x.to_string(), y.to_string());
                if stated(x, y)
                    && !right.iter().any(|&(rx, ry)| rx == x && ry == y)
                    && !wrong_pool.contains(&candidate)
                {
                    wrong_pool.push(candidate);
                }
            }
        }
        let wrong = rng.pick(&wrong_pool, (MAX_CHOICES - right.len()).min(3));
        if wrong.is_empty() {
            continue;
        }
        let mut choices: Vec<Choice> = right
            .iter()
            .map(|&(x, y)| Choice {
                text: positions_text(graph, row.pair, x, y, words),
                meaning: Meaning::Positions(x.to_string(), y.to_string()),
                correct: true,
            })
            .collect();
        choices.extend(wrong.into_iter().map(|(x, y)| Choice {
            text: positions_text(graph, row.pair, &x, &y, words),
            meaning: Meaning::Positions(x, y),
            correct: false,
        }));
        let key = row
            .wordings()
            .iter()
            .map(|w| {
                let (x, y) = w.positions.unwrap_or((NOT_STATED, NOT_STATED));
                let text = if stated(x, y) {
                    positions_text(graph, row.pair, x, y, words)
                } else {
                    words.differ_without_how().to_string()
                };
                Answer {
                    text,
                    papers: w.papers().iter().map(ToString::to_string).collect(),
                    sources: capped(w.claims.iter().flat_map(|c| c.sources.iter().copied())),
                }
            })
            .collect();
        questions.push(Question {
            kind: QuestionKind::Positions,
            prompt: words.ask_positions(name(row.pair.0), name(row.pair.1), name(row.topic)),
            choices: rng.shuffle(&choices),
            key,
            note: (right.len() > 1).then(|| words.every_wording_right().to_string()),
            pair: Some(row.pair),
            topic: Some(row.topic),
            claims: row
                .claims
                .iter()
                .map(|c| ClaimRef::Relation(c.edge))
                .collect(),
        });
    }
    questions
}

/// The sources behind one claim of a dispute, from the selected papers.
fn evidence_sources<'g>(
    graph: &'g ConceptGraph,
    evidence: ClaimRef,
    papers: &[String],
) -> Vec<&'g Source> {
    let all: Vec<&'g Source> = match evidence {
        ClaimRef::Relation(edge) => graph.relation(edge).sources.iter().collect(),
        ClaimRef::Fact(i) => graph
            .facts()
            .get(i)
            .map(|f| f.sources.iter().collect())
            .unwrap_or_default(),
    };
    if papers.is_empty() {
        // A side only other papers' claims imply: its evidence's every source.
        return all;
    }
    all.into_iter()
        .filter(|s| papers.iter().any(|p| *p == s.paper))
        .collect()
}

/// "The papers disagree on Q: which paper answers X?": the contradictions and tensions
/// of the disputes model (a framing is the same thing seen two ways, no disagreement).
/// The wrong choices are the papers on the other sides.
fn disputes<'g>(
    graph: &'g ConceptGraph,
    papers: &PaperFilter,
    rng: &mut Rng,
    words: Messages,
) -> Vec<Question<'g>> {
    let within = |ids: &[String]| ids.iter().all(|p| papers.keeps(p));
    let real: Vec<_> = contested(graph)
        .into_iter()
        .filter(|d| matches!(d.strength, Strength::Contradiction | Strength::Tension))
        .filter(|d| d.sides.iter().all(|s| within(&s.papers)))
        .collect();
    let indices: Vec<usize> = (0..real.len()).collect();
    let mut questions = Vec::new();
    for i in rng.pick(&indices, PER_KIND) {
        let dispute = &real[i];
        let sides: Vec<usize> = (0..dispute.sides.len())
            .filter(|&s| !dispute.sides[s].papers.is_empty())
            .collect();
        let Some(&asked) = rng.pick(&sides, 1).first() else {
            continue;
        };
        let side = &dispute.sides[asked];
        let gives = |p: &str| side.papers.iter().chain(&side.also).any(|q| q == p);
        let mut wrong: Vec<String> = Vec::new();
        for other in &dispute.sides {
            for p in &other.papers {
                if !gives(p) && !wrong.contains(p) {
                    wrong.push(p.clone());
                }
            }
        }
        if wrong.is_empty() {
            continue;
        }
        let mut choices: Vec<Choice> = side
            .papers
            .iter()
            .map(|p| Choice {
                text: graph.cite(p).to_string(),
                meaning: Meaning::Paper(p.clone()),
                correct: true,
            })
            .collect();
        let room = MAX_CHOICES.saturating_sub(choices.len()).max(1);
        choices.extend(rng.pick(&wrong, room).into_iter().map(|p| Choice {
            text: graph.cite(&p).to_string(),
            meaning: Meaning::Paper(p),
            correct: false,
        }));
        let key = dispute
            .sides
            .iter()
            .map(|s| Answer {
                text: answer_in(graph, dispute, s, words.lang()),
                papers: s.papers.clone(),
                sources: capped(
                    s.claims
                        .iter()
                        .flat_map(|&e| evidence_sources(graph, e, &s.papers)),
                ),
            })
            .collect();
        let why = words.why_disputed(dispute.strength == Strength::Contradiction);
        questions.push(Question {
            kind: QuestionKind::Dispute,
            prompt: words.ask_dispute(
                &dispute_question(graph, dispute, words.lang()),
                &answer_in(graph, dispute, side, words.lang()),
            ),
            choices: rng.shuffle(&choices),
            key,
            note: Some(why.to_string()),
            pair: None,
            topic: None,
            claims: side.claims.clone(),
        });
    }
    questions
}

/// A relation's sentence, read from its first end.
fn sentence(graph: &ConceptGraph, edge: EdgeIndex, lang: Lang) -> String {
    let r = graph.relation(edge);
    hop_sentence_in(
        graph,
        &Hop {
            edge,
            from: r.from,
            to: r.to,
            forward: true,
        },
        lang,
    )
}

/// The papers that say what `edge` says: its own, and those of every relation between
/// the same two concepts that the logic finds the same or implying it (`A premise of
/// B` is `B relies on A`).
pub(crate) fn papers_saying(
    graph: &ConceptGraph,
    edge: EdgeIndex,
    papers: &PaperFilter,
) -> Vec<String> {
    let r = graph.relation(edge);
    let mut out: Vec<String> = Vec::new();
    for i in graph.incident(r.from) {
        if i.other != r.to {
            continue;
        }
        let verdict = judge(
            graph.schema().logic(),
            LogicClaim::Relation(i.relation),
            LogicClaim::Relation(r),
        );
        if i.edge == edge
            || matches!(
                verdict,
                crate::logic::Verdict::Same | crate::logic::Verdict::Implies
            )
        {
            for p in papers.papers(i.relation) {
                if !out.iter().any(|o| o == p) {
                    out.push(p.to_string());
                }
            }
        }
    }
    out
}

/// "Which paper says this?": every paper saying it (or something implying it) is
/// right; the wrong choices are papers that do not, first those relating the two
/// concepts some other way.
fn which_paper<'g>(
    graph: &'g ConceptGraph,
    papers: &PaperFilter,
    rng: &mut Rng,
    words: Messages,
) -> Vec<Question<'g>> {
    let all: Vec<String> = graph
        .papers()
        .map(|p| p.id.clone())
        .filter(|p| papers.keeps(p))
        .collect();
    let candidates: Vec<EdgeIndex> = graph
        .relations()
        .filter(|(_, r)| graph.role_of(r) == crate::schema::Role::Ordinary && papers.admits(r))
        .map(|(e, _)| e)
        .collect();
    let mut questions = Vec::new();
    for edge in rng.shuffle(&candidates) {
        if questions.len() == PER_KIND {
            break;
        }
        let right = papers_saying(graph, edge, papers);
        let r = graph.relation(edge);
        // A sentence most papers say is no question.
        if right.is_empty() || right.len() * 2 > all.len() {
            continue;
        }
        let near: Vec<String> = graph
            .incident(r.from)
            .into_iter()
            .filter(|i| i.other == r.to)
            .flat_map(|i| papers.papers(i.relation))
            .map(str::to_string)
            .filter(|p| !right.contains(p))
            .collect();
        let far: Vec<String> = all
            .iter()
            .filter(|p| !right.contains(p) && !near.contains(p))
            .cloned()
            .collect();
        let room = (MAX_CHOICES - 1).saturating_sub(right.len()).max(1);
        let mut wrong: Vec<String> = Vec::new();
        for p in rng.shuffle(&near).into_iter().chain(rng.shuffle(&far)) {
            if wrong.len() < room && !wrong.contains(&p) {
                wrong.push(p);
            }
        }
        if wrong.is_empty() {
            continue;
        }
        let mut choices: Vec<Choice> = right
            .iter()
            .map(|p| Choice {
                text: graph.cite(p).to_string(),
                meaning: Meaning::Paper(p.clone()),
                correct: true,
            })
            .collect();
        choices.extend(wrong.into_iter().map(|p| Choice {
            text: graph.cite(&p).to_string(),
            meaning: Meaning::Paper(p),
            correct: false,
        }));
        // Each paper's own words for it: its relation between the two, as a sentence.
        let mut key: Vec<Answer<'g>> = Vec::new();
        for i in graph.incident(r.from) {
            if i.other != r.to {
                continue;
            }
            let said = sentence(graph, i.edge, words.lang());
            for source in papers.sources(&i.relation.sources) {
                let paper = source.paper.to_string();
                if right.contains(&paper) && !key.iter().any(|a| a.papers[0] == paper) {
                    key.push(Answer {
                        text: said.clone(),
                        papers: vec![paper],
                        sources: vec![source],
                    });
                }
            }
        }
        questions.push(Question {
            kind: QuestionKind::WhichPaper,
            prompt: words.ask_which_paper(&sentence(graph, edge, words.lang())),
            choices: rng.shuffle(&choices),
            key,
            note: None,
            pair: Some((r.from, r.to)),
            topic: None,
            claims: vec![ClaimRef::Relation(edge)],
        });
    }
    questions
}

/// Whether `middle` is one step from `a` and one step to `c` along `walk`.
pub(crate) fn bridges(walk: &Walk<'_>, a: NodeIndex, middle: NodeIndex, c: NodeIndex) -> bool {
    walk.hops_from(a).any(|h| h.to == middle) && walk.hops_from(middle).any(|h| h.to == c)
}

/// "A --> ___ --> C" between strategies, goals and mechanisms, where the shortest chain has
/// exactly two steps: every middle concept is right; the wrong choices are concepts
/// next to A or C that lead on to no such chain.
fn gaps<'g>(
    graph: &'g ConceptGraph,
    walk: &Walk<'g>,
    papers: &PaperFilter,
    rng: &mut Rng,
    words: Messages,
) -> Result<Vec<Question<'g>>, Error> {
    let spine = |ix: NodeIndex| SPINE_KINDS.contains(&graph.node(ix).kind.as_str());
    let mut ends: Vec<(NodeIndex, NodeIndex)> = Vec::new();
    for a in graph.node_indices().filter(|&a| spine(a)) {
        for first in walk.hops_from(a) {
            for second in walk.hops_from(first.to) {
                let c = second.to;
                if c != a && spine(c) && !ends.contains(&(a, c)) {
                    ends.push((a, c));
                }
            }
        }
    }
    let mut questions = Vec::new();
    while questions.len() < PER_KIND && !ends.is_empty() {
        let (a, c) = rng.pick(&ends, 1)[0];
        ends.retain(|&pair| pair != (a, c));
        let mut query = PathQuery::new(a, c);
        query.filter = walk.filter().clone();
        let result = query.run(graph)?;
        if result.paths.first().is_none_or(|p| p.len() != 2) || !result.exact {
            continue;
        }
        let mut middles: Vec<NodeIndex> = result.paths.iter().map(|p| p.nodes[1]).collect();
        middles.dedup();
        if middles.len() >= MAX_CHOICES - 1 {
            continue;
        }
        let mut near: IndexSet<NodeIndex> = IndexSet::new();
        for hop in walk.hops_from(a).chain(walk.hops_into(c)) {
            let x = if hop.to == c { hop.from } else { hop.to };
            if x != a && x != c && !middles.contains(&x) && !bridges(walk, a, x, c) {
                near.insert(x);
            }
        }
        let wrong = rng.pick(
            &near.into_iter().collect::<Vec<_>>(),
            (MAX_CHOICES - middles.len()).min(3),
        );
        if wrong.is_empty() {
            continue;
        }
        let node_choice = |n: NodeIndex, correct: bool| Choice {
            text: node_label(graph, n, words.lang()).to_string(),
            meaning: Meaning::Node(n),
            correct,
        };
        let mut choices: Vec<Choice> = middles.iter().map(|&m| node_choice(m, true)).collect();
        choices.extend(wrong.into_iter().map(|n| node_choice(n, false)));
        // One relation a step (an ordinary one where the step has one), so the key
        // stays short when two concepts are related many ways.
        let chain: Vec<&Hop> = result.paths[0]
            .steps
            .iter()
            .filter_map(|step| {
                step.iter()
                    .find(|h| {
                        graph.role_of(graph.relation(h.edge)) == crate::schema::Role::Ordinary
                    })
                    .or_else(|| step.first())
            })
            .collect();
        let key = chain
            .iter()
            .map(|h| {
                let relation = graph.relation(h.edge);
                Answer {
                    text: hop_sentence_in(graph, h, words.lang()),
                    papers: papers
                        .papers(relation)
                        .iter()
                        .map(ToString::to_string)
                        .collect(),
                    sources: capped(papers.sources(&relation.sources)),
                }
            })
            .collect();
        questions.push(Question {
            kind: QuestionKind::Gap,
            prompt: words.ask_gap(
                node_label(graph, a, words.lang()),
                &crate::arrow::arrow("", crate::arrow::Way::Along),
                node_label(graph, c, words.lang()),
            ),
            choices: rng.shuffle(&choices),
            key,
            note: (middles.len() > 1).then(|| words.several_fill_the_gap().to_string()),
            pair: Some((a, c)),
            topic: None,
            claims: chain.iter().map(|h| ClaimRef::Relation(h.edge)).collect(),
        });
    }
    Ok(questions)
}
