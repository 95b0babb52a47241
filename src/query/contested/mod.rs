//! `contested`: where the papers disagree, each dispute a question with its answers,
//! and on each side the papers and the claims that put them there.
//!
//! A dispute is papers answering the same question differently, and how strongly they
//! oppose each other is the logic's verdict on their claims ([`crate::logic::judge`]):
//! - a **contradiction** is two answers to the same scoped question that cannot both
//!   hold as the papers state them: two values of one fact ([`Kind::Value`]); one
//!   concept classified two exclusive ways ([`Kind::Classification`]: a goal or a
//!   measure; a view argued or criticised; common ground or a difference *in one stated
//!   respect*); a concept an asset for something to one paper and a liability for the
//!   same thing to another ([`Kind::Valence`]); opposed relation kinds between the same
//!   two concepts ([`Kind::Opposition`]);
//! - a **tension** is answers that pull against each other where the papers do not say
//!   whether they answer the same question: an asset against a liability whose respect
//!   no paper states ([`Kind::Valence`], a `problem-of` without a `scope`);
//! - a **framing** is the same thing seen differently, where both can hold: one paper's
//!   common ground another's difference, in no one stated respect
//!   ([`Kind::Classification`]); a two-way relation against a one-way one it does not
//!   imply ([`Kind::Direction`]); different positions along one dimension
//!   ([`Kind::Positions`]); lists of which neither contains the other ([`Kind::Lists`]:
//!   a paper naming more items than another agrees with it and extends it);
//! - and, shown only on request, pairs merely **related** in ways that neither agree
//!   nor conflict ([`Kind::RelatedDifferently`]).
//!
//! Claims in different respects (an asset for one thing, a liability for another)
//! answer different questions and are no dispute, so a paper stands on two sides only
//! of questions with different scopes. "Only one paper mentions it" is never a
//! dispute: every side is held by a paper that another side does not hold. Every pass
//! is linear in the relations and facts, except that claims between one pair of
//! concepts are compared pairwise.

mod comparisons;
mod lists;
mod relations;
mod values;

pub(crate) use values::{ASSET, LIABILITY, LIABILITY_UNSTATED};

use indexmap::IndexSet;
use petgraph::graph::{EdgeIndex, NodeIndex};
use serde::Serialize;

use crate::graph::ConceptGraph;

/// What kind of disagreement a dispute is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Different values for the same fact (a year, a count).
    Value,
    /// An asset to one paper, a problem or shortage to another.
    Valence,
    /// Classified differently: a goal or a measure; a view argued or criticised;
    /// common ground or a difference.
    Classification,
    /// Opposed kinds of relation between the same two concepts (serves / hinders).
    Opposition,
    /// A two-way relation against a one-way one between the same two concepts.
    Direction,
    /// Different positions along the same dimension of difference.
    Positions,
    /// Different lists in answer to the same question.
    Lists,
    /// The same two concepts related by different kinds of relation.
    RelatedDifferently,
}

/// How strongly a dispute opposes the papers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    /// The answers cannot both hold as the papers state them: the same scoped question.
    Contradiction,
    /// The answers pull against each other, and the papers do not say whether they
    /// answer the same question.
    Tension,
    /// The papers frame the same thing differently; both can hold.
    Framing,
    /// The papers relate the same concepts differently; compatible as far as the logic
    /// of relation kinds knows.
    Related,
}

/// A claim that puts a paper on a side: a relation or a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimRef {
    /// A relation, by edge.
    Relation(EdgeIndex),
    /// A fact, by its index in [`ConceptGraph::facts`].
    Fact(usize),
}

impl ClaimRef {
    /// The claim, as [`crate::logic::judge`] reads it.
    pub fn claim(self, graph: &ConceptGraph) -> Option<crate::logic::Claim<'_>> {
        match self {
            Self::Relation(edge) => Some(crate::logic::Claim::Relation(graph.relation(edge))),
            Self::Fact(i) => graph.facts().get(i).map(crate::logic::Claim::Fact),
        }
    }
}

/// One answer to the disputed question, with who gives it.
#[derive(Debug, Clone)]
pub struct Side {
    /// The answer in a few words ("2013", "an asset", "common ground", "two-way", the
    /// positions, or the list's items).
    pub answer: String,
    /// For a list: its items.
    pub items: Vec<NodeIndex>,
    /// The papers giving this answer, in order of first appearance.
    pub papers: Vec<String>,
    /// For a list: the papers among [`Side::papers`] that name only part of it (they
    /// agree with the list, which extends theirs).
    pub partly: Vec<String>,
    /// Papers that give this answer only in a respect they state, and stand on another
    /// side of this question, which states none (`keep_unstated`): not among
    /// [`Side::papers`].
    pub also: Vec<String>,
    /// The claims that give it.
    pub claims: Vec<ClaimRef>,
}

/// Two or more papers answering one question differently.
#[derive(Debug, Clone)]
pub struct Dispute {
    /// What kind of disagreement.
    pub kind: Kind,
    /// How strongly the answers oppose each other.
    pub strength: Strength,
    /// The concept or the pair of concepts it is about.
    pub subject: Vec<NodeIndex>,
    /// The aspect or dimension, for comparison disputes.
    pub topic: Option<NodeIndex>,
    /// The respect the question is asked in, when the data states one: for a valence
    /// contradiction, what the concept is an asset or a liability *for*.
    pub respect: Option<NodeIndex>,
    /// The fact's property, or for a list the relation kind and its direction
    /// (`part-of <-`).
    pub property: Option<String>,
    /// The answers, two or more.
    pub sides: Vec<Side>,
}

impl Dispute {
    /// Every paper on any side, once each.
    pub fn papers(&self) -> Vec<&str> {
        let mut all: IndexSet<&str> = IndexSet::new();
        for side in &self.sides {
            all.extend(side.papers.iter().map(String::as_str));
        }
        all.into_iter().collect()
    }

    /// Papers on more than one side, other than those naming part of a list (who agree
    /// with every list they are part of). In a contradiction, a paper stating both
    /// answers to one scoped question: a respect may be missing from the data.
    pub fn on_several_sides(&self) -> Vec<&str> {
        let mut seen: IndexSet<&str> = IndexSet::new();
        let mut twice: IndexSet<&str> = IndexSet::new();
        for side in &self.sides {
            for paper in side.papers.iter().filter(|p| !side.partly.contains(p)) {
                if !seen.insert(paper.as_str()) {
                    twice.insert(paper.as_str());
                }
            }
        }
        twice.into_iter().collect()
    }

    /// Whether `node` is the dispute's subject or topic.
    pub fn involves(&self, node: NodeIndex) -> bool {
        self.subject.contains(&node) || self.topic == Some(node)
    }
}

/// Every dispute in the dataset, strongest first; within a strength, those with more
/// papers first, then in data order. Pairs merely related differently come last.
pub fn contested(graph: &ConceptGraph) -> Vec<Dispute> {
    disputes(graph, Focus::All)
}

/// The disputes that [`Dispute::involves`] any of `nodes`, in the order [`contested`]
/// gives them: the same list as filtering [`contested`], without working out the
/// disputes about every other concept first (`show` and `diff` point to these).
pub fn contested_about(graph: &ConceptGraph, nodes: &[NodeIndex]) -> Vec<Dispute> {
    disputes(graph, Focus::Nodes(nodes))
}

/// The disputes about the first `count` concepts in data order (as subject, aspect or
/// dimension), in the order [`contested`] gives them: the same list as filtering
/// [`contested`], without working out the disputes about the rest (the work budget of
/// `contested`, `query::disputes_within`, stops here).
pub fn contested_before(graph: &ConceptGraph, count: usize) -> Vec<Dispute> {
    disputes(graph, Focus::Before(count))
}

/// Which disputes a pass works out: a dispute is about its subject and its topic, and
/// each pass knows those before it gathers the sides, so it skips the rest up front.
#[derive(Clone, Copy)]
enum Focus<'n> {
    All,
    Nodes(&'n [NodeIndex]),
    /// The concepts before this index.
    Before(usize),
}

impl Focus<'_> {
    /// Whether a dispute whose subject or topic is `node` is wanted.
    fn wants(self, node: NodeIndex) -> bool {
        match self {
            Self::All => true,
            Self::Nodes(nodes) => nodes.contains(&node),
            Self::Before(count) => node.index() < count,
        }
    }

    /// Whether a dispute about any of `nodes` is wanted.
    fn wants_any(self, nodes: &[NodeIndex]) -> bool {
        nodes.iter().any(|&n| self.wants(n))
    }
}

/// A dispute found by a pass, with the data order of its first claim.
type Found = (usize, Dispute);

fn disputes(graph: &ConceptGraph, focus: Focus<'_>) -> Vec<Dispute> {
    let mut found: Vec<Found> = Vec::new();
    found.extend(values::fact_disputes(graph, focus));
    found.extend(values::valence_disputes(graph, focus));
    found.extend(comparisons::comparison_disputes(graph, focus));
    found.extend(relations::relation_disputes(graph, focus));
    // Each pass skips what is not wanted before the work; this keeps a pass's
    // by-products (a list gathered for a topic's row) from showing.
    found.retain(|(_, d)| {
        focus.wants_any(&d.subject) || d.topic.is_some_and(|topic| focus.wants(topic))
    });
    // Cached: a dispute's papers are gathered once, not at every comparison.
    found.sort_by_cached_key(|(order, d)| {
        (
            d.strength,
            std::cmp::Reverse(d.papers().len()),
            d.kind,
            *order,
        )
    });
    found.into_iter().map(|(_, d)| d).collect()
}

/// Whether the sides are held by different papers: some paper holds a side that some
/// other paper does not share. One paper saying two things is not a dispute between
/// papers.
fn papers_differ(sides: &[Side]) -> bool {
    sides.iter().enumerate().any(|(i, one)| {
        sides.iter().enumerate().any(|(j, other)| {
            i != j
                && one
                    .papers
                    .iter()
                    .any(|p| other.papers.iter().any(|q| p != q))
        })
    })
}

/// Papers of `evidence`, once each, in order.
fn papers_of(graph: &ConceptGraph, evidence: &[ClaimRef]) -> Vec<String> {
    let mut papers: IndexSet<String> = IndexSet::new();
    for item in evidence {
        match *item {
            ClaimRef::Relation(edge) => {
                papers.extend(graph.relation(edge).papers().into_iter().map(String::from));
            }
            ClaimRef::Fact(i) => {
                if let Some(fact) = graph.facts().get(i) {
                    papers.extend(fact.papers().into_iter().map(String::from));
                }
            }
        }
    }
    papers.into_iter().collect()
}

fn side(graph: &ConceptGraph, answer: String, claims: Vec<ClaimRef>) -> Side {
    Side {
        papers: papers_of(graph, &claims),
        answer,
        items: Vec::new(),
        partly: Vec::new(),
        also: Vec::new(),
        claims,
    }
}

/// A paper does not contradict itself. Where it stands on both sides of a question that
/// states no respect, its claims that state one (a `scope`, or what an asset is an asset
/// for) answer their own, narrower questions: it keeps only the sides of its claims that
/// state none. `stated[i]` says whether each claim of side `i` states a respect; a side
/// left without papers is dropped, and the papers moved are named in [`Side::also`].
fn keep_unstated(graph: &ConceptGraph, sides: &mut Vec<Side>, stated: &dyn Fn(ClaimRef) -> bool) {
    let unstated: Vec<Vec<String>> = sides
        .iter()
        .map(|side| {
            let claims: Vec<ClaimRef> = side
                .claims
                .iter()
                .copied()
                .filter(|&e| !stated(e))
                .collect();
            papers_of(graph, &claims)
        })
        .collect();
    for (i, side) in sides.iter_mut().enumerate() {
        let elsewhere: Vec<String> = side
            .papers
            .iter()
            .filter(|p| {
                !unstated[i].contains(p)
                    && unstated
                        .iter()
                        .enumerate()
                        .any(|(j, others)| j != i && others.contains(p))
            })
            .cloned()
            .collect();
        if elsewhere.is_empty() {
            continue;
        }
        side.papers.retain(|p| !elsewhere.contains(p));
        side.claims.retain(|&e| {
            papers_of(graph, &[e])
                .iter()
                .any(|p| side.papers.contains(p))
        });
        side.also = elsewhere;
    }
    sides.retain(|side| !side.papers.is_empty());
}

/// The kind of the relation at `edge`, read by its index: [`ConceptGraph::kind_of`]
/// without hashing the kind's name, for the passes over every relation.
fn kind_at(graph: &ConceptGraph, edge: EdgeIndex) -> &crate::schema::RelationKind {
    &graph.schema().relation_kinds[graph.kind_index(edge)]
}

fn order_of(evidence: &ClaimRef) -> usize {
    match *evidence {
        ClaimRef::Relation(edge) => edge.index(),
        ClaimRef::Fact(i) => i,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{load, DataSource};
    use crate::logic::{judge, Verdict};

    /// What `contested NODES` lists: every dispute, filtered afterwards.
    fn filtered(all: &[Dispute], nodes: &[NodeIndex]) -> String {
        let kept: Vec<&Dispute> = all
            .iter()
            .filter(|d| nodes.iter().any(|&n| d.involves(n)))
            .collect();
        format!("{kept:#?}")
    }

    /// Focusing skips work, never a dispute: for every node of the shipped data, and
    /// for every pair some dispute is about (and a pair none is about), the disputes
    /// worked out for it are exactly those of the whole list, in the same order.
    #[test]
    fn disputes_about_nodes_are_the_whole_list_filtered() {
        let graph = load(&DataSource::Embedded).unwrap().graph;
        let all = contested(&graph);
        assert!(all.len() > 20, "the shipped data has disputes");
        for node in graph.node_indices() {
            let about = format!("{:#?}", contested_about(&graph, &[node]));
            assert_eq!(about, filtered(&all, &[node]), "{}", graph.node(node).id);
        }
        let mut pairs: Vec<Vec<NodeIndex>> = all
            .iter()
            .filter(|d| d.subject.len() == 2)
            .map(|d| d.subject.clone())
            .collect();
        pairs.dedup();
        let tpa = graph.resolve("tpa").unwrap();
        let rr = graph.resolve("rr").unwrap();
        pairs.push(vec![tpa, rr]);
        pairs.push(vec![rr, tpa]);
        for pair in pairs {
            let about = format!("{:#?}", contested_about(&graph, &pair));
            let ids: Vec<&str> = pair.iter().map(|&n| graph.node(n).id.as_str()).collect();
            assert_eq!(about, filtered(&all, &pair), "{ids:?}");
        }
        // The disputes about a first part of the concepts, at every size.
        let nodes: Vec<NodeIndex> = graph.node_indices().collect();
        for count in 0..=nodes.len() {
            let before = format!("{:#?}", contested_before(&graph, count));
            assert_eq!(before, filtered(&all, &nodes[..count]), "first {count}");
        }
    }

    /// Every label rests on the logic's verdict on the claims: a contradiction has two
    /// claims on different sides, from different papers, that conflict; a tension two
    /// that pull apart (and none that conflict); no two claims on one side of a
    /// contradiction or tension conflict.
    #[test]
    fn every_label_is_the_logics_verdict_on_the_claims() {
        let graph = load(&DataSource::Embedded).unwrap().graph;
        let logic = graph.schema().logic();
        let verdict = |a: ClaimRef, b: ClaimRef| {
            judge(
                logic,
                a.claim(&graph).expect("evidence exists"),
                b.claim(&graph).expect("evidence exists"),
            )
        };
        for dispute in contested(&graph) {
            let wanted = match dispute.strength {
                Strength::Contradiction => Verdict::Conflict,
                Strength::Tension => Verdict::Tension,
                Strength::Framing | Strength::Related => continue,
            };
            let mut across = Vec::new();
            for (i, one) in dispute.sides.iter().enumerate() {
                for other in &dispute.sides[i + 1..] {
                    for &a in &one.claims {
                        for &b in &other.claims {
                            across.push(verdict(a, b));
                        }
                    }
                }
                for (n, &a) in one.claims.iter().enumerate() {
                    for &b in &one.claims[n + 1..] {
                        assert_ne!(verdict(a, b), Verdict::Conflict, "{dispute:#?}");
                    }
                }
            }
            assert!(across.contains(&wanted), "{dispute:#?}: {across:?}");
            if wanted == Verdict::Tension {
                assert!(!across.contains(&Verdict::Conflict), "{dispute:#?}");
            }
        }
    }
}
