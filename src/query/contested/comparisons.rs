//! Disputes from the comparison model: one aspect named common ground by one paper and
//! a difference by another; different positions along one dimension; and, per pair,
//! the papers' lists of what the two share and where they differ.

use indexmap::IndexMap;
use petgraph::graph::NodeIndex;

use super::{lists, papers_differ, side, ClaimRef, Dispute, Focus, Found, Kind, Strength};
use crate::{
    graph::ConceptGraph,
    paper_filter::PaperFilter,
    query::comparison::{self, Claim, Row, Stance},
};

/// A pair's list of aspects (common ground) or dimensions (differences).
type PairList = ((NodeIndex, NodeIndex), Stance);

/// Per paper, its items (or its evidence) for one list.
type ByPaper<T> = IndexMap<String, Vec<T>>;

fn evidence_of<'a, 'g: 'a>(claims: impl IntoIterator<Item = &'a Claim<'g>>) -> Vec<ClaimRef> {
    claims
        .into_iter()
        .map(|c| ClaimRef::Relation(c.edge))
        .collect()
}

/// Common ground against a difference in one aspect of one pair. In one stated
/// respect (both claims' `scope`) they cannot both hold: a contradiction. Otherwise the
/// two can share the aspect in one respect and differ in it in another: the same
/// thing framed two ways (`crate::logic::judge`'s verdict on the two claims).
fn classification(
    graph: &ConceptGraph,
    pair: (NodeIndex, NodeIndex),
    shared: &Row<'_>,
    different: &Row<'_>,
) -> Vec<Found> {
    let first = different
        .claims
        .first()
        .map_or(usize::MAX, |c| c.edge.index());
    let dispute = |strength: Strength, respect: Option<NodeIndex>, cg, diff| {
        let sides = vec![
            side(graph, "common ground".into(), cg),
            side(graph, "a difference".into(), diff),
        ];
        papers_differ(&sides).then(|| {
            (
                first,
                Dispute {
                    kind: Kind::Classification,
                    strength,
                    subject: vec![pair.0, pair.1],
                    topic: Some(different.topic),
                    respect,
                    property: None,
                    sides,
                },
            )
        })
    };
    let mut found = Vec::new();
    let scopes: Vec<NodeIndex> = shared
        .claims
        .iter()
        .filter_map(|c| c.relation.scope)
        .filter(|&s| different.claims.iter().any(|d| d.relation.scope == Some(s)))
        .collect();
    let in_scope = |row: &Row<'_>, scope: NodeIndex| -> Vec<ClaimRef> {
        evidence_of(
            row.claims
                .iter()
                .filter(|c| c.relation.scope == Some(scope)),
        )
    };
    for &scope in &scopes {
        found.extend(dispute(
            Strength::Contradiction,
            Some(scope),
            in_scope(shared, scope),
            in_scope(different, scope),
        ));
    }
    let outside = |row: &Row<'_>| -> Vec<ClaimRef> {
        evidence_of(
            row.claims
                .iter()
                .filter(|c| c.relation.scope.is_none_or(|s| !scopes.contains(&s))),
        )
    };
    let (cg, diff) = (outside(shared), outside(different));
    if !cg.is_empty() && !diff.is_empty() {
        let mut sides = vec![
            side(graph, "common ground".into(), cg),
            side(graph, "a difference".into(), diff),
        ];
        let states_a_respect = |e: ClaimRef| match e {
            ClaimRef::Relation(edge) => graph.relation(edge).scope.is_some(),
            ClaimRef::Fact(_) => false,
        };
        super::keep_unstated(graph, &mut sides, &states_a_respect);
        if sides.len() == 2 && papers_differ(&sides) {
            found.push((
                first,
                Dispute {
                    kind: Kind::Classification,
                    strength: Strength::Framing,
                    subject: vec![pair.0, pair.1],
                    topic: Some(different.topic),
                    respect: None,
                    property: None,
                    sides,
                },
            ));
        }
    }
    found
}

/// From the comparison model: an aspect named common ground and a difference for the
/// same pair; different positions along one dimension; and, per pair, the papers'
/// different lists of what the two share and where they differ.
pub(super) fn comparison_disputes(graph: &ConceptGraph, focus: Focus<'_>) -> Vec<Found> {
    let mut rows = comparison::rows(graph, None, &PaperFilter::every());
    // A row's disputes are about its pair and its topic; a pair's lists are about the
    // pair, so they are gathered only when the pair is wanted (all its rows are kept).
    rows.retain(|row| focus.wants_any(&[row.pair.0, row.pair.1, row.topic]));
    let unordered = |pair: (NodeIndex, NodeIndex)| (pair.0.min(pair.1), pair.0.max(pair.1));
    let mut found = Vec::new();
    // What each paper names as common ground and as difference, per pair.
    let mut lists: IndexMap<PairList, ByPaper<NodeIndex>> = IndexMap::new();
    let mut list_evidence: IndexMap<PairList, ByPaper<ClaimRef>> = IndexMap::new();
    for row in &rows {
        let pair = unordered(row.pair);
        let claims = if focus.wants_any(&[pair.0, pair.1]) {
            &row.claims[..]
        } else {
            &[]
        };
        for claim in claims {
            for paper in claim.papers() {
                let items = lists
                    .entry((pair, row.stance))
                    .or_default()
                    .entry(paper.to_string())
                    .or_default();
                if !items.contains(&row.topic) {
                    items.push(row.topic);
                }
                list_evidence
                    .entry((pair, row.stance))
                    .or_default()
                    .entry(paper.to_string())
                    .or_default()
                    .push(ClaimRef::Relation(claim.edge));
            }
        }
        if row.stance != Stance::Difference {
            continue;
        }
        let shared = rows.iter().find(|other| {
            other.stance == Stance::CommonGround
                && other.topic == row.topic
                && unordered(other.pair) == pair
        });
        if let Some(shared) = shared {
            found.extend(classification(graph, pair, shared, row));
        }
        let first = row.claims.first().map_or(usize::MAX, |c| c.edge.index());
        let sides: Vec<_> = row
            .wordings()
            .iter()
            .map(|w| {
                let (a, b) = w.positions.unwrap_or_default();
                let answer = format!(
                    "{}: {a}; {}: {b}",
                    graph.node(row.pair.0).label,
                    graph.node(row.pair.1).label
                );
                side(graph, answer, evidence_of(w.claims.iter().copied()))
            })
            .collect();
        if papers_differ(&sides) {
            found.push((
                first,
                Dispute {
                    kind: Kind::Positions,
                    strength: Strength::Framing,
                    subject: vec![row.pair.0, row.pair.1],
                    topic: Some(row.topic),
                    respect: None,
                    property: None,
                    sides,
                },
            ));
        }
    }
    for (key, by_paper) in lists {
        let evidence = &list_evidence[&key];
        let ((a, b), stance) = key;
        let property = match stance {
            Stance::CommonGround => "common-ground",
            Stance::Difference => "differs",
        };
        found.extend(lists::list_dispute(
            graph,
            vec![a, b],
            &|_| property.to_string(),
            &by_paper,
            evidence,
        ));
    }
    found
}
