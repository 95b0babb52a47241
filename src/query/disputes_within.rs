//! `contested` within a work budget, so that a dataset of a million relations answers in
//! about a second (on the command line and per request of `serve`) instead of seconds
//! and half a gigabyte.
//!
//! The disputes about a concept can only be told once every claim about it has been
//! gathered (two papers' lists differ only when both are whole), so a pass is not cut
//! short: the work is counted before it is done, from the number of claims each concept
//! has, and the disputes are worked out for as many concepts (in data order) as the
//! budget allows. Each dispute listed is then exactly as the whole dataset has it, and
//! the answer says for how many concepts the list is complete. The count is in claims,
//! not time, so the same data stops at the same place on every machine.

use petgraph::graph::NodeIndex;

use super::{
    budget::Stop,
    contested::{self, Dispute},
};
use crate::{graph::ConceptGraph, schema::Role};

/// Units of work `contested` may do unless told otherwise: one per claim at a concept in
/// question (a relation counts at each of its ends), one per fact about one, and one per
/// comparison claim (the comparison rows are built for every pair). Gathering a claim
/// into the disputes' tables takes some 4 µs in a release build: on the generated
/// dataset of a million relations (`bench/gen_graph.py`) `contested` spends about a second
/// of CPU past loading, where it took 6.8 s and 480 MB more before it had a budget.
pub const DISPUTE_WORK: u64 = 250_000;

/// The disputes a budget allowed.
#[derive(Debug, Clone)]
pub struct Contested {
    /// The disputes, strongest first (as [`contested::contested`] orders them).
    pub disputes: Vec<Dispute>,
    /// For how many concepts, in data order, the list is complete: all of them unless
    /// the budget stopped the work (with named concepts: all or none of them).
    pub concepts: usize,
    /// How many concepts were in question: the dataset's, or the named ones.
    pub of: usize,
    /// Why the work stopped short, if it did.
    pub stop: Option<Stop>,
}

/// The disputes about `nodes` (every concept when empty) that `work` units allow.
///
/// Without nodes: every dispute when the whole dataset's claims fit the budget, else the
/// disputes about the first concepts whose claims fit (those a later concept shares
/// included). With nodes: every dispute about them if their claims fit, else none, and
/// the stop says so. The work counted is that of [`DISPUTE_WORK`]; counting it is one
/// look at each concept's relations and each fact.
pub fn contested_within(graph: &ConceptGraph, nodes: &[NodeIndex], work: u64) -> Contested {
    let comparison_claims = graph
        .relations()
        .filter(|(_, relation)| graph.role_of(relation) != Role::Ordinary)
        .count() as u64;
    let mut facts_about = vec![0u64; graph.node_count()];
    for fact in graph.facts() {
        facts_about[fact.subject.index()] += 1;
    }
    let adjacency = graph.adjacency();
    let cost = |node: NodeIndex| {
        (adjacency.outgoing(node).len() + adjacency.incoming(node).len()) as u64
            + facts_about[node.index()]
    };
    if !nodes.is_empty() {
        let needed = comparison_claims + nodes.iter().map(|&n| cost(n)).sum::<u64>();
        let fits = needed <= work;
        return Contested {
            disputes: if fits {
                contested::contested_about(graph, nodes)
            } else {
                Vec::new()
            },
            concepts: if fits { nodes.len() } else { 0 },
            of: nodes.len(),
            stop: (!fits).then_some(Stop::Work(needed)),
        };
    }
    let mut spent = comparison_claims;
    let mut concepts = 0;
    for node in graph.node_indices() {
        let more = cost(node);
        if spent + more > work {
            break;
        }
        spent += more;
        concepts += 1;
    }
    let whole = concepts == graph.node_count() && spent <= work;
    Contested {
        disputes: if whole {
            contested::contested(graph)
        } else {
            contested::contested_before(graph, concepts)
        },
        concepts,
        of: graph.node_count(),
        stop: (!whole).then_some(Stop::Work(spent)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{load, DataSource};

    fn ids(graph: &ConceptGraph, disputes: &[Dispute]) -> Vec<Vec<String>> {
        disputes
            .iter()
            .map(|d| {
                d.subject
                    .iter()
                    .map(|&n| graph.node(n).id.clone())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn enough_work_gives_every_dispute_and_less_the_complete_disputes_of_fewer_concepts() {
        let graph = load(&DataSource::Embedded).expect("loads").graph;
        let all = contested::contested(&graph);
        let whole = contested_within(&graph, &[], DISPUTE_WORK);
        assert_eq!(whole.stop, None);
        assert_eq!(whole.concepts, graph.node_count());
        assert_eq!(ids(&graph, &whole.disputes), ids(&graph, &all));

        let mut last = 0;
        let mut stopped = 0;
        for work in (0..).step_by(100) {
            let part = contested_within(&graph, &[], work);
            let Some(Stop::Work(spent)) = part.stop else {
                assert_eq!(part.concepts, graph.node_count());
                break;
            };
            stopped += 1;
            assert!(spent <= work || part.concepts == 0, "{spent} > {work}");
            assert!(part.concepts >= last, "more work, more concepts");
            last = part.concepts;
            let nodes: Vec<NodeIndex> = graph.node_indices().take(part.concepts).collect();
            let expected: Vec<&Dispute> = all
                .iter()
                .filter(|d| nodes.iter().any(|&n| d.involves(n)))
                .collect();
            assert_eq!(part.disputes.len(), expected.len(), "{work}");
        }
        assert!(stopped > 3, "the budget stops short {stopped} times");
        assert!(last > 0 && last < graph.node_count());
    }

    #[test]
    fn named_concepts_get_all_their_disputes_or_none() {
        let graph = load(&DataSource::Embedded).expect("loads").graph;
        let tpa = graph.resolve("tpa").expect("tpa");
        let about = contested_within(&graph, &[tpa], DISPUTE_WORK);
        assert_eq!(about.stop, None);
        assert!(!about.disputes.is_empty());
        let short = contested_within(&graph, &[tpa], 10);
        assert!(matches!(short.stop, Some(Stop::Work(needed)) if needed > 10));
        assert!(short.disputes.is_empty());
        assert_eq!((short.concepts, short.of), (0, 1));
    }
}
