//! Lists given in answer to one question: what two concepts share, where they differ,
//! what relates to a concept by one kind of relation.

use indexmap::IndexMap;
use petgraph::graph::NodeIndex;

use super::{order_of, papers_differ, ClaimRef, Dispute, Found, Kind, Side, Strength};
use crate::graph::ConceptGraph;

/// Each paper's items for the same question are its list. A list that contains
/// another's agrees with it and extends it (a paper adding items to a list others give
/// opens no dispute); lists of which neither contains the other, held by different
/// papers, that share an item, answer the question differently: a framing. One side per
/// list no other contains, holding the papers that give all of it and, as `partly`,
/// those whose list it extends. A paper naming one item opens no dispute (its item is
/// either in another list, which extends it, or shares nothing), but where lists
/// dispute, its answer is one of them (Wu & Zhu's one driver of poverty alleviation).
pub(super) fn list_dispute(
    graph: &ConceptGraph,
    subject: Vec<NodeIndex>,
    property: &dyn Fn(&[ClaimRef]) -> String,
    by_paper: &IndexMap<String, Vec<NodeIndex>>,
    evidence: &IndexMap<String, Vec<ClaimRef>>,
) -> Option<Found> {
    // Each paper's list, as given and sorted (to compare as sets).
    let lists: Vec<(&String, &Vec<NodeIndex>, Vec<NodeIndex>)> = by_paper
        .iter()
        .map(|(paper, items)| {
            let mut sorted = items.clone();
            sorted.sort_unstable();
            (paper, items, sorted)
        })
        .collect();
    let contains = |outer: &[NodeIndex], inner: &[NodeIndex]| {
        inner.iter().all(|i| outer.binary_search(i).is_ok())
    };
    // The lists no other list strictly contains, once each, in order of first paper.
    let mut widest: Vec<usize> = Vec::new();
    for (i, (_, _, sorted)) in lists.iter().enumerate() {
        let extended = lists
            .iter()
            .any(|(_, _, other)| other.len() > sorted.len() && contains(other, sorted));
        if !extended && !widest.iter().any(|&w| lists[w].2 == *sorted) {
            widest.push(i);
        }
    }
    if widest.len() < 2 {
        return None;
    }
    // Lists that share nothing answer different questions in the same words; lists
    // that overlap enumerate the same thing and differ in the rest.
    let overlap = widest.iter().enumerate().any(|(n, &a)| {
        widest[n + 1..]
            .iter()
            .any(|&b| lists[a].2.iter().any(|item| lists[b].2.contains(item)))
    });
    if !overlap {
        return None;
    }
    let sides: Vec<Side> = widest
        .iter()
        .map(|&w| {
            let (_, items, sorted) = &lists[w];
            let mut papers = Vec::new();
            let mut partly = Vec::new();
            for (paper, _, theirs) in &lists {
                if theirs == sorted {
                    papers.push((*paper).clone());
                } else if contains(sorted, theirs) {
                    partly.push((*paper).clone());
                }
            }
            let evidence: Vec<ClaimRef> = papers
                .iter()
                .chain(&partly)
                .flat_map(|p| evidence.get(p).cloned().unwrap_or_default())
                .collect();
            papers.extend(partly.iter().cloned());
            Side {
                answer: items
                    .iter()
                    .map(|&n| graph.node(n).label.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                items: (*items).clone(),
                papers,
                partly,
                also: Vec::new(),
                claims: evidence,
            }
        })
        .collect();
    if !papers_differ(&sides) {
        return None;
    }
    let first = sides
        .iter()
        .flat_map(|s| s.claims.iter().map(order_of))
        .min()
        .unwrap_or(usize::MAX);
    let all: Vec<ClaimRef> = sides
        .iter()
        .flat_map(|s| s.claims.iter().copied())
        .collect();
    Some((
        first,
        Dispute {
            kind: Kind::Lists,
            strength: Strength::Framing,
            subject,
            topic: None,
            respect: None,
            property: Some(property(&all)),
            sides,
        },
    ))
}
