//! `linkage quiz`: questions made from the graph, each with its answer and the source
//! that makes it true, as Markdown. The same seed gives the same quiz: the choices come
//! from a small seeded generator (splitmix64) over candidates listed in data order.
//!
//! Five kinds of question: which paper says a sentence; how two concepts differ along a
//! dimension; what relation links two concepts; which concept fills the gap in a
//! two-step chain (every middle node of a shortest chain is accepted); and which paper
//! relates two concepts differently from another paper.

use std::fmt::Write as _;

use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::{
    error::Error,
    graph::ConceptGraph,
    logic::{judge, Claim as LogicClaim},
    output::sentence::hop_sentence,
    paper_filter::PaperFilter,
    query::{Hop, PathQuery, Walk, WalkFilter},
    relation::Source,
    schema::Role,
    teach::{argument::SPINE_KINDS, handout::escape},
};

/// Questions of each kind in a quiz (fewer when the graph has fewer).
pub const PER_KIND: usize = 2;

/// The kinds of question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// Which paper says this sentence?
    WhichPaper,
    /// How do A and B differ along dimension D?
    Difference,
    /// What relation links A to B?
    Link,
    /// A → ? → C: which concept fills the gap?
    Gap,
    /// Which paper relates A and B differently from another?
    Disagrees,
}

/// One question, its answer, and what in the graph makes the answer true.
#[derive(Debug, Clone)]
pub struct Question<'g> {
    /// The kind.
    pub kind: QuestionKind,
    /// The question, Markdown.
    pub prompt: String,
    /// The answer, Markdown.
    pub answer: String,
    /// The relations the question is about (for `Disagrees`: the one said, then the
    /// one it differs from).
    pub edges: Vec<EdgeIndex>,
    /// For `Gap`: the two ends, then every accepted middle concept; for `Link`: the
    /// two ends.
    pub nodes: Vec<NodeIndex>,
    /// For `WhichPaper` and `Disagrees`: the paper ids that are the answer.
    pub papers: Vec<String>,
    /// The sources quoted in the answer.
    pub sources: Vec<&'g Source>,
}

/// splitmix64: tiny, well mixed, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Up to `n` distinct items of `items`, in the order drawn.
    fn pick<T: Clone>(&mut self, items: &[T], n: usize) -> Vec<T> {
        let mut pool: Vec<T> = items.to_vec();
        let mut out = Vec::new();
        while out.len() < n && !pool.is_empty() {
            let i = usize::try_from(self.next() % pool.len() as u64).unwrap_or(0);
            out.push(pool.swap_remove(i));
        }
        out
    }
}

fn cites(graph: &ConceptGraph, papers: &[String]) -> String {
    papers
        .iter()
        .map(|p| graph.cite(p).to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

fn kept<'g>(relation: &'g crate::relation::Relation, papers: &PaperFilter) -> Vec<&'g Source> {
    papers.sources(&relation.sources).collect()
}

fn paper_ids(sources: &[&Source]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for s in sources {
        if !ids.iter().any(|id| *id == s.paper) {
            ids.push(s.paper.to_string());
        }
    }
    ids
}

fn forward(graph: &ConceptGraph, edge: EdgeIndex) -> String {
    let r = graph.relation(edge);
    hop_sentence(
        graph,
        &Hop {
            edge,
            from: r.from,
            to: r.to,
            forward: true,
        },
    )
}

/// The quiz for the papers `papers` keeps and `seed`.
///
/// # Errors
/// A path query that fails (as [`PathQuery::run`]).
pub fn quiz<'g>(
    graph: &'g ConceptGraph,
    papers: &PaperFilter,
    seed: u64,
) -> Result<Vec<Question<'g>>, Error> {
    let walk = Walk::new(
        graph,
        WalkFilter {
            papers: papers.clone(),
            ..WalkFilter::default()
        },
    )?;
    let mut rng = Rng(seed);
    let label = |ix: NodeIndex| escape(&graph.node(ix).label);
    let relations: Vec<EdgeIndex> = graph
        .relations()
        .filter(|(_, r)| papers.admits(r))
        .map(|(e, _)| e)
        .collect();
    let role = |e: EdgeIndex| graph.role_of(graph.relation(e));
    let single_paper = papers.named().len() == 1;
    let mut groups: Vec<Vec<Question<'g>>> = Vec::new();

    // Which paper says this? (Trivial, so left out, when the quiz is one paper's.)
    if !single_paper {
        let picked = rng.pick(&relations, PER_KIND);
        groups.push(
            picked
                .into_iter()
                .map(|e| {
                    let sources = kept(graph.relation(e), papers);
                    let ids = paper_ids(&sources);
                    Question {
                        kind: QuestionKind::WhichPaper,
                        prompt: format!(
                            "Which paper says: “{}”? Choose from {}.",
                            escape(&forward(graph, e)),
                            escape(&cites(
                                graph,
                                &graph.papers().map(|p| p.id.clone()).collect::<Vec<_>>()
                            ))
                        ),
                        answer: escape(&cites(graph, &ids)),
                        edges: vec![e],
                        nodes: Vec::new(),
                        papers: ids,
                        sources,
                    }
                })
                .collect(),
        );
    }

    // How do A and B differ along D?
    let differences: Vec<EdgeIndex> = relations
        .iter()
        .copied()
        .filter(|&e| {
            let r = graph.relation(e);
            role(e) == Role::Difference && r.dimension.is_some() && r.positions.is_some()
        })
        .collect();
    groups.push(
        rng.pick(&differences, PER_KIND)
            .into_iter()
            .map(|e| {
                let r = graph.relation(e);
                let p = r.positions.as_ref().expect("filtered on positions");
                let d = r.dimension.expect("filtered on dimension");
                Question {
                    kind: QuestionKind::Difference,
                    prompt: format!(
                        "How do {} and {} differ in {}?",
                        label(r.from),
                        label(r.to),
                        label(d).to_lowercase()
                    ),
                    answer: format!(
                        "{}: {}. {}: {}.",
                        label(r.from),
                        escape(&p.from),
                        label(r.to),
                        escape(&p.to)
                    ),
                    edges: vec![e],
                    nodes: vec![r.from, r.to],
                    papers: Vec::new(),
                    sources: kept(r, papers),
                }
            })
            .collect(),
    );

    // What relation links A to B?
    let ordinary: Vec<EdgeIndex> = relations
        .iter()
        .copied()
        .filter(|&e| role(e) == Role::Ordinary)
        .collect();
    groups.push(
        rng.pick(&ordinary, PER_KIND)
            .into_iter()
            .map(|e| {
                let r = graph.relation(e);
                Question {
                    kind: QuestionKind::Link,
                    prompt: format!(
                        "What links {} to {}, according to the papers?",
                        label(r.from),
                        label(r.to)
                    ),
                    answer: format!(
                        "{}: {}.",
                        escape(&graph.kind_of(r).label),
                        escape(&forward(graph, e))
                    ),
                    edges: vec![e],
                    nodes: vec![r.from, r.to],
                    papers: Vec::new(),
                    sources: kept(r, papers),
                }
            })
            .collect(),
    );

    // A → ? → C between strategies, goals and mechanisms, where the shortest chain
    // has exactly two steps.
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
    let mut gaps = Vec::new();
    while gaps.len() < PER_KIND && !ends.is_empty() {
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
        let path = &result.paths[0];
        let sources = path
            .hops()
            .flat_map(|h| kept(graph.relation(h.edge), papers))
            .collect();
        gaps.push(Question {
            kind: QuestionKind::Gap,
            prompt: format!(
                "Fill the gap in the chain: {} {arrow} \\_\\_\\_ {arrow} {}",
                label(a),
                label(c),
                arrow = crate::arrow::arrow("", crate::arrow::Way::Along)
            ),
            answer: middles
                .iter()
                .map(|&m| label(m))
                .collect::<Vec<_>>()
                .join(" or "),
            edges: path.hops().map(|h| h.edge).collect(),
            nodes: [a, c].into_iter().chain(middles).collect(),
            papers: Vec::new(),
            sources,
        });
    }
    groups.push(gaps);

    // Which paper relates A and B differently?
    if !single_paper {
        let pairs = related_differently(graph, &ordinary, papers);
        groups.push(
            rng.pick(&pairs, PER_KIND)
                .into_iter()
                .map(|(r, s, only)| {
                    // The sources of the papers that say `r` and not `s` (never empty).
                    let sources = graph
                        .relation(r)
                        .sources
                        .iter()
                        .filter(|source| only.iter().any(|p| *p == source.paper))
                        .collect();
                    Question {
                        kind: QuestionKind::Disagrees,
                        prompt: format!(
                            "{} says “{}”. Which paper relates the two differently, saying “{}”?",
                            escape(&cites(graph, &paper_ids(&kept(graph.relation(s), papers)))),
                            escape(&forward(graph, s)),
                            escape(&forward(graph, r))
                        ),
                        answer: escape(&cites(graph, &only)),
                        edges: vec![r, s],
                        nodes: Vec::new(),
                        papers: only,
                        sources,
                    }
                })
                .collect(),
        );
    }

    // Interleave the kinds: one of each, then the next of each.
    let mut questions = Vec::new();
    for round in 0..PER_KIND {
        for group in &groups {
            if let Some(q) = group.get(round) {
                questions.push(q.clone());
            }
        }
    }
    Ok(questions)
}

/// The pairs the "relates differently" question asks about: two ordinary relations
/// between the same two nodes that the logic finds neither the same nor implied
/// (`crate::logic::judge`: `A premise-of B` and `B relies-on A` say the same thing from
/// two ends, promoting each other implies driving), the first said by papers the
/// second is not (those papers, the answer).
fn related_differently(
    graph: &ConceptGraph,
    ordinary: &[EdgeIndex],
    papers: &PaperFilter,
) -> Vec<(EdgeIndex, EdgeIndex, Vec<String>)> {
    let mut pairs = Vec::new();
    for &r in ordinary {
        for &s in ordinary {
            let (x, y) = (graph.relation(r), graph.relation(s));
            let same_ends = (x.from, x.to) == (y.from, y.to) || (x.from, x.to) == (y.to, y.from);
            if r == s || !same_ends {
                continue;
            }
            let verdict = judge(
                graph.schema(),
                LogicClaim::Relation(x),
                LogicClaim::Relation(y),
            );
            if verdict.agrees() {
                continue;
            }
            let others = paper_ids(&kept(y, papers));
            let only: Vec<String> = paper_ids(&kept(x, papers))
                .into_iter()
                .filter(|p| !others.contains(p))
                .collect();
            if !only.is_empty() {
                pairs.push((r, s, only));
            }
        }
    }
    pairs
}

/// The quiz as Markdown: the questions, then the answers with their sources.
pub fn markdown(
    graph: &ConceptGraph,
    questions: &[Question<'_>],
    paper: Option<&str>,
    seed: u64,
) -> String {
    let mut md = String::new();
    let scope = paper.map_or_else(String::new, |p| format!(" — {}", graph.cite(p)));
    let _ = writeln!(md, "---\ntitle: 'Quiz{}'\n---\n", scope.replace('\'', "''"));
    let command = paper.map_or_else(
        || format!("linkage quiz --seed {seed}"),
        |p| format!("linkage quiz --paper {p} --seed {seed}"),
    );
    let _ = writeln!(
        md,
        "Made from the graph by `{command}`; the same command gives the same quiz.\n\n## Questions\n"
    );
    for (i, q) in questions.iter().enumerate() {
        let _ = writeln!(md, "{}. {}\n", i + 1, q.prompt);
    }
    let _ = writeln!(md, "## Answers\n");
    for (i, q) in questions.iter().enumerate() {
        let _ = writeln!(md, "{}. {}\n", i + 1, q.answer);
        for s in &q.sources {
            let _ = writeln!(
                md,
                "    > “{}”  \n    > — {}, {}\n",
                escape(&graph.printed_quote(s)),
                escape(graph.cite(&s.paper)),
                escape(&graph.cited_locator(s))
            );
        }
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{load, DataSource};

    /// BNU's "the Party's leadership is a premise of rural revitalization" and the
    /// organic-connection paper's "rural revitalization relies on the Party's
    /// leadership" say the same thing: no question asks which of them relates the two
    /// differently. Every pair asked about is one the logic finds not to agree.
    #[test]
    fn relates_differently_never_pairs_a_claim_with_its_inverse_or_consequence() {
        let graph = load(&DataSource::Embedded).unwrap().graph;
        let ordinary: Vec<EdgeIndex> = graph
            .relations()
            .filter(|(_, r)| graph.role_of(r) == Role::Ordinary)
            .map(|(e, _)| e)
            .collect();
        let pairs = related_differently(&graph, &ordinary, &PaperFilter::every());
        assert!(!pairs.is_empty());
        let leadership = graph.resolve("party-leadership").unwrap();
        let rr = graph.resolve("rr").unwrap();
        for (r, s, _) in &pairs {
            let (x, y) = (graph.relation(*r), graph.relation(*s));
            let verdict = judge(
                graph.schema(),
                LogicClaim::Relation(x),
                LogicClaim::Relation(y),
            );
            assert!(!verdict.agrees(), "{x:?} / {y:?}");
            let ends = [x.from, x.to, y.from, y.to];
            let inverse = ends.iter().all(|e| [leadership, rr].contains(e))
                && x.kind != y.kind
                && [x.kind.as_str(), y.kind.as_str()].contains(&"premise-of")
                && [x.kind.as_str(), y.kind.as_str()].contains(&"relies-on");
            assert!(!inverse, "{x:?} / {y:?}");
        }
        // The pair exists in the data, and agrees.
        let edge = |kind: &str, from, to| {
            graph
                .relations()
                .find(|(_, r)| r.kind == kind && r.from == from && r.to == to)
                .map(|(e, _)| e)
                .expect("in the shipped data")
        };
        let premise = edge("premise-of", leadership, rr);
        let relies = edge("relies-on", rr, leadership);
        assert!(ordinary.contains(&premise) && ordinary.contains(&relies));
    }
}
