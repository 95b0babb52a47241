//! `position PAPER`: where one paper stands among the others, claim by claim.
//!
//! For each of the paper's claims (its relations and facts, numbered in the order of
//! its text), the logic's verdict ([`crate::logic::judge`]) on every other paper's
//! claim about the same concepts: those saying the same, more (a claim that implies
//! it) or less (a claim it implies) agree; those relating the same concepts in another
//! way, or pulling against it, or contradicting it, differ. With the disputes of
//! `contested` each claim takes part in, and the claims no other paper touches.
//!
//! A paper is named as agreeing only where it makes a claim the logic finds the same
//! or implied: never because it speaks of the same concepts.
//!
//! The work is bounded as `paper`'s and `contested`'s is (a `serve` request may ask for
//! it): gathering the claims spends the budget of `paper`, comparing them one unit per
//! other claim judged, and the disputes are those `contested` works out within its own
//! budget. Whatever stopped short is recorded, so the answer can say what it covers.

use indexmap::IndexMap;
use petgraph::graph::NodeIndex;

use super::{
    budget::{Budget, Meter, Stop},
    contested::{ClaimRef, Strength},
    disputes_within::{contested_within, Contested, DISPUTE_WORK},
};
use crate::{
    graph::ConceptGraph,
    logic::{judge, Verdict},
};

/// Another paper's claim, and how it stands to the claim it is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stance {
    /// The other claim.
    pub claim: ClaimRef,
    /// The logic's verdict, read from the paper's claim: `Implies` means the paper's
    /// claim implies the other (the other says less); `ImpliedBy` that the other says
    /// more.
    pub verdict: Verdict,
}

/// One claim of the paper, and where the other papers stand to it.
#[derive(Debug, Clone)]
pub struct ClaimPosition {
    /// The claim.
    pub claim: ClaimRef,
    /// Per other paper (in paper order), its claims that agree or differ: at most one
    /// stance per claim, the closest (the same before more, more before less, a
    /// contradiction before a tension before a framing).
    pub others: IndexMap<String, Vec<Stance>>,
    /// The disputes of `contested` (their indices in the list it shows by default) in
    /// which this claim puts the paper on a side.
    pub disputes: Vec<usize>,
}

impl ClaimPosition {
    /// The papers whose claims agree with this one (the same, or one implying the
    /// other), each with its closest agreeing claim.
    pub fn agreeing(&self) -> Vec<(&str, Stance)> {
        self.others
            .iter()
            .filter_map(|(paper, stances)| {
                let best = stances
                    .iter()
                    .filter(|s| s.verdict.agrees())
                    .min_by_key(|s| rank(s.verdict))?;
                Some((paper.as_str(), *best))
            })
            .collect()
    }

    /// The papers whose claims relate the same concepts otherwise and agree in none,
    /// each with the claims that differ.
    pub fn differing(&self) -> Vec<(&str, Vec<Stance>)> {
        self.others
            .iter()
            .filter(|(_, stances)| !stances.iter().any(|s| s.verdict.agrees()))
            .map(|(paper, stances)| (paper.as_str(), stances.clone()))
            .collect()
    }

    /// Whether no other paper makes a claim about it at all, nor disputes it.
    pub fn alone(&self) -> bool {
        self.others.is_empty() && self.disputes.is_empty()
    }
}

/// How close a verdict is: the order stances are kept and shown in.
fn rank(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Same => 0,
        Verdict::ImpliedBy => 1,
        Verdict::Implies => 2,
        Verdict::Conflict => 3,
        Verdict::Tension => 4,
        Verdict::Framing => 5,
        Verdict::Unrelated => 6,
    }
}

/// Where a paper stands: its claims in order, with the others' stances.
#[derive(Debug, Clone)]
pub struct Position {
    /// The paper id.
    pub paper: String,
    /// Whether claims follow the paper's text (else the data order).
    pub text_order: bool,
    /// Its claims: relations in the order of the text, then facts.
    pub claims: Vec<ClaimPosition>,
    /// The disputes of `contested` by default (no pairs merely related otherwise), in
    /// its order, as far as its work budget reached: what [`ClaimPosition::disputes`]
    /// indexes.
    pub disputes: Contested,
    /// Why the work stopped short, if it did: [`Position::claims`] are then the first
    /// of the paper's claims found among the first [`Position::looked_at`] relations.
    pub stop: Option<Stop>,
    /// How many relations (in data order) were looked at for the paper's claims.
    pub looked_at: usize,
}

/// The concepts a claim is about, whose other claims may agree or differ with it.
fn ends(graph: &ConceptGraph, claim: ClaimRef) -> Vec<NodeIndex> {
    match claim {
        ClaimRef::Relation(edge) => {
            let relation = graph.relation(edge);
            vec![relation.from, relation.to]
        }
        ClaimRef::Fact(i) => vec![graph.facts()[i].subject],
    }
}

/// The papers making `claim`, other than `paper`.
fn others_of(graph: &ConceptGraph, claim: ClaimRef, paper: &str) -> Vec<String> {
    let papers = match claim {
        ClaimRef::Relation(edge) => graph.relation(edge).papers(),
        ClaimRef::Fact(i) => graph.facts()[i].papers(),
    };
    papers
        .into_iter()
        .filter(|p| *p != paper)
        .map(String::from)
        .collect()
}

/// Where `paper` stands. `text` is the paper's text, for the order of its claims.
///
/// Compares each claim with every claim about one of its concepts: linear in the
/// paper's claims times the relations of their concepts. `budget` bounds gathering the
/// claims (as `paper`'s outline) and, afresh, comparing them (one unit per claim
/// judged); a claim is compared whole or left out with every claim after it.
pub fn position(graph: &ConceptGraph, paper: &str, text: Option<&str>, budget: Budget) -> Position {
    let mut disputes = contested_within(graph, &[], DISPUTE_WORK);
    disputes
        .disputes
        .retain(|d| d.strength != Strength::Related);
    let gathered = super::outline::claims_in_order(graph, paper, text, budget);
    let mut claims: Vec<ClaimRef> = gathered
        .claims
        .into_iter()
        .map(|c| ClaimRef::Relation(c.edge))
        .collect();
    claims.extend(
        graph
            .facts()
            .iter()
            .enumerate()
            .filter(|(_, f)| f.papers().contains(&paper))
            .map(|(i, _)| ClaimRef::Fact(i)),
    );
    let order: Vec<&str> = graph.papers().map(|p| p.id.as_str()).collect();
    let logic = graph.schema().logic();
    // Each concept's facts, found once: a claim is compared with the facts of its ends.
    let mut facts_about: IndexMap<NodeIndex, Vec<usize>> = IndexMap::new();
    for (i, fact) in graph.facts().iter().enumerate() {
        facts_about.entry(fact.subject).or_default().push(i);
    }
    let mut meter = Meter::new(budget);
    let mut positions = Vec::new();
    for claim in claims {
        let Some(own) = claim.claim(graph) else {
            continue;
        };
        let mut candidates: Vec<ClaimRef> = Vec::new();
        for end in ends(graph, claim) {
            for incident in graph.incident(end) {
                candidates.push(ClaimRef::Relation(incident.edge));
            }
            if let Some(facts) = facts_about.get(&end) {
                candidates.extend(facts.iter().map(|&i| ClaimRef::Fact(i)));
            }
        }
        candidates.sort_by_key(|c| match *c {
            ClaimRef::Relation(e) => (0, e.index()),
            ClaimRef::Fact(i) => (1, i),
        });
        candidates.dedup();
        // A claim is compared whole or not at all, and none after it.
        if !candidates.iter().all(|_| meter.tick()) {
            break;
        }
        let mut others: IndexMap<String, Vec<Stance>> = IndexMap::new();
        for other in candidates {
            let verdict = if other == claim {
                // Other papers' sources on the paper's own relation: the same claim.
                Verdict::Same
            } else {
                match other.claim(graph) {
                    Some(theirs) => judge(logic, own, theirs),
                    None => Verdict::Unrelated,
                }
            };
            if verdict == Verdict::Unrelated {
                continue;
            }
            for holder in others_of(graph, other, paper) {
                others.entry(holder).or_default().push(Stance {
                    claim: other,
                    verdict,
                });
            }
        }
        for stances in others.values_mut() {
            stances.sort_by_key(|s| rank(s.verdict));
        }
        others.sort_by_key(|p, _| order.iter().position(|o| o == p));
        let in_disputes = disputes
            .disputes
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                d.sides.iter().any(|side| {
                    side.claims.contains(&claim) && side.papers.iter().any(|p| p == paper)
                })
            })
            .map(|(i, _)| i)
            .collect();
        positions.push(ClaimPosition {
            claim,
            others,
            disputes: in_disputes,
        });
    }
    Position {
        paper: paper.to_string(),
        text_order: text.is_some(),
        claims: positions,
        disputes,
        stop: gathered.stop.or(meter.stopped()),
        looked_at: gathered.looked_at,
    }
}
