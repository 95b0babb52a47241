//! Disputes over what a concept is: the values papers give for one of its facts, and
//! its worth (an asset or a liability, and for what).

use indexmap::IndexMap;
use petgraph::graph::NodeIndex;
use rustc_hash::FxHashSet;

use super::{order_of, papers_differ, side, ClaimRef, Dispute, Focus, Found, Kind, Strength};
use crate::{
    graph::ConceptGraph,
    logic::{judge, Verdict},
};

/// Facts giving different values for one property of one concept: one side per value
/// (facts the logic judges the same share a side). Values of a property that
/// classifies are a classification; both are contradictions.
pub(super) fn fact_disputes(graph: &ConceptGraph, focus: Focus<'_>) -> Vec<Found> {
    let mut groups: IndexMap<(NodeIndex, &str), Vec<usize>> = IndexMap::new();
    for (i, fact) in graph.facts().iter().enumerate() {
        if !focus.wants(fact.subject) {
            continue;
        }
        groups
            .entry((fact.subject, fact.property.as_str()))
            .or_default()
            .push(i);
    }
    let mut found = Vec::new();
    for ((subject, property), indices) in groups {
        let mut by_value: Vec<(usize, Vec<ClaimRef>)> = Vec::new();
        for &i in &indices {
            let same = by_value.iter_mut().find(|(first, _)| {
                let verdict = judge(
                    graph.schema().logic(),
                    crate::logic::Claim::Fact(&graph.facts()[*first]),
                    crate::logic::Claim::Fact(&graph.facts()[i]),
                );
                verdict == Verdict::Same
            });
            match same {
                Some((_, evidence)) => evidence.push(ClaimRef::Fact(i)),
                None => by_value.push((i, vec![ClaimRef::Fact(i)])),
            }
        }
        let sides: Vec<_> = by_value
            .into_iter()
            .map(|(first, evidence)| side(graph, graph.facts()[first].value.to_string(), evidence))
            .collect();
        if !papers_differ(&sides) {
            continue;
        }
        let classifies = graph
            .schema()
            .properties
            .get(property)
            .is_some_and(|p| p.classifies);
        found.push((
            indices[0],
            Dispute {
                kind: if classifies {
                    Kind::Classification
                } else {
                    Kind::Value
                },
                strength: Strength::Contradiction,
                subject: vec![subject],
                topic: None,
                respect: None,
                property: Some(property.to_string()),
                sides,
            },
        ));
    }
    found
}

/// What the claims about one concept say of its worth: assets and liabilities, each
/// by the respect it is stated in (`None`: a liability whose respect no paper states).
#[derive(Default)]
struct Worths {
    assets: IndexMap<Option<NodeIndex>, Vec<ClaimRef>>,
    liabilities: IndexMap<Option<NodeIndex>, Vec<ClaimRef>>,
}

/// Concepts one paper casts as an asset and another as a liability, through the
/// logic's reading of polarity ([`crate::logic::Logic::worth`]): for the same thing, a
/// contradiction ("an asset or a liability for R?"); against a liability in a respect
/// no paper states, a tension. An asset for one thing and a liability for another are
/// answers to two questions, and no dispute.
pub(super) fn valence_disputes(graph: &ConceptGraph, focus: Focus<'_>) -> Vec<Found> {
    let logic = graph.schema().logic();
    // Liabilities are few: the concepts cast as one are found first, and only the
    // claims about them are read for assets.
    let mut liable: FxHashSet<NodeIndex> = FxHashSet::default();
    for (edge, relation) in graph.relations() {
        let kind = graph.kind_index(edge);
        if !logic.casts_liability(kind) || !focus.wants_any(&[relation.from, relation.to]) {
            continue;
        }
        liable.extend(
            logic
                .worth(kind, relation)
                .into_iter()
                .filter(|w| !w.asset && focus.wants(w.concept))
                .map(|w| w.concept),
        );
    }
    let mut worths: IndexMap<NodeIndex, Worths> = IndexMap::new();
    for (edge, relation) in graph.relations() {
        // A valence dispute is about an end of the relation.
        if !liable.contains(&relation.from) && !liable.contains(&relation.to) {
            continue;
        }
        for worth in logic.worth(graph.kind_index(edge), relation) {
            if !liable.contains(&worth.concept) {
                continue;
            }
            let of = worths.entry(worth.concept).or_default();
            let list = if worth.asset {
                &mut of.assets
            } else {
                &mut of.liabilities
            };
            let evidence = list.entry(worth.respect).or_default();
            if !evidence.contains(&super::ClaimRef::Relation(edge)) {
                evidence.push(ClaimRef::Relation(edge));
            }
        }
    }
    let mut found = Vec::new();
    for (concept, of) in worths {
        for (&respect, against) in &of.liabilities {
            let Some(respect) = respect else {
                continue;
            };
            let Some(for_) = of.assets.get(&Some(respect)) else {
                continue;
            };
            // The question names the respect; the answers need not repeat it.
            let sides = vec![
                side(graph, ASSET.into(), for_.clone()),
                side(graph, LIABILITY.into(), against.clone()),
            ];
            if papers_differ(&sides) {
                found.push(valence(
                    concept,
                    Some(respect),
                    Strength::Contradiction,
                    sides,
                ));
            }
        }
        let Some(unstated) = of.liabilities.get(&None) else {
            continue;
        };
        if of.assets.is_empty() {
            continue;
        }
        let mut assets: Vec<ClaimRef> = Vec::new();
        for evidence in of.assets.values().flatten() {
            if !assets.contains(evidence) {
                assets.push(*evidence);
            }
        }
        let mut sides = vec![
            side(graph, ASSET.into(), assets.clone()),
            side(graph, LIABILITY_UNSTATED.into(), unstated.clone()),
        ];
        // An asset is always one for something (the other end, or a scope): a paper
        // finding the concept wanting in no stated respect, and relying on it for
        // something, stands with the liability (it relies on what it finds wanting).
        super::keep_unstated(graph, &mut sides, &|e| assets.contains(&e));
        if sides.len() == 2 && papers_differ(&sides) {
            found.push(valence(concept, None, Strength::Tension, sides));
        }
    }
    found
}

/// The answers of a valence dispute (`i18n` says them in each language).
pub(crate) const ASSET: &str = "an asset: a foundation, support, driver or model";
pub(crate) const LIABILITY: &str = "a liability: a problem, obstacle or shortage";
/// The liability side when no paper says for what.
pub(crate) const LIABILITY_UNSTATED: &str =
    "a liability: a problem, obstacle or shortage (for what, not stated)";

fn valence(
    concept: NodeIndex,
    respect: Option<NodeIndex>,
    strength: Strength,
    sides: Vec<super::Side>,
) -> Found {
    let first = sides
        .last()
        .into_iter()
        .flat_map(|s| s.claims.iter().map(order_of))
        .min()
        .unwrap_or(usize::MAX);
    (
        first,
        Dispute {
            kind: Kind::Valence,
            strength,
            subject: vec![concept],
            topic: None,
            respect,
            property: None,
            sides,
        },
    )
}
