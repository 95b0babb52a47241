//! Property tests over small random datasets, loaded through the library: `diff A B`
//! mirrors `diff B A`, every item it reports traces to a relation in the graph, and an
//! export loads back to the same graph.

use std::collections::BTreeSet;

use linkage::{
    export, load,
    query::diff::{diff, Direction},
    schema::Role,
    ConceptGraph, DataSource,
};
use petgraph::graph::NodeIndex;
use proptest::prelude::*;
use serde_json::json;

const STRATEGIES: usize = 5;

/// (kind, from, to, topic, paper) with endpoints as strategy numbers.
type Claim = (u8, usize, usize, usize, usize);

fn claims() -> impl Strategy<Value = Vec<Claim>> {
    prop::collection::vec(
        (0u8..5, 0..STRATEGIES, 0..STRATEGIES, 0usize..2, 0usize..3),
        0..40,
    )
}

/// Writes a dataset of strategies s0..s4, goals g0..g1, dimensions d0..d1 and the claims.
fn dataset(claims: &[Claim]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut nodes: Vec<_> = (0..STRATEGIES)
        .map(|i| json!({"id": format!("s{i}"), "kind": "strategy", "label": format!("Strategy {i}")}))
        .collect();
    for i in 0..2 {
        nodes.push(json!({"id": format!("g{i}"), "kind": "goal", "label": format!("Goal {i}")}));
        nodes.push(
            json!({"id": format!("d{i}"), "kind": "dimension", "label": format!("Dimension {i}")}),
        );
    }
    let papers: Vec<_> = (0..3)
        .map(|i| json!({"id": format!("p{i}"), "file": format!("p{i}.txt")}))
        .collect();
    let relations: Vec<_> = claims
        .iter()
        .enumerate()
        .filter(|(_, (_, from, to, _, _))| from != to)
        .map(|(i, &(kind, from, to, q, paper))| {
            let source = json!([{"paper": format!("p{paper}"), "locator": "1", "quote": format!("claim {i}")}]);
            let (a, b) = (format!("s{from}"), format!("s{to}"));
            match kind {
                0 => json!({"kind": "common-ground", "from": a, "to": b, "aspect": format!("d{q}"), "sources": source}),
                1 => json!({"kind": "differs", "from": a, "to": b, "dimension": format!("d{q}"),
                            "positions": {"from": format!("{a} side {q}"), "to": format!("{b} side {q}")}, "sources": source}),
                2 => json!({"kind": "part-of", "from": a, "to": b, "sources": source}),
                3 => json!({"kind": "serves", "from": a, "to": format!("g{q}"), "sources": source}),
                _ => json!({"kind": "mutually-promotes", "from": a, "to": b, "sources": source}),
            }
        })
        .collect();
    let data = json!({"papers": papers, "nodes": nodes, "relations": relations});
    std::fs::write(dir.path().join("data.json"), data.to_string()).unwrap();
    dir
}

fn load_dir(dir: &std::path::Path) -> ConceptGraph {
    load(&DataSource::Dir(dir.to_path_buf()))
        .expect("generated data is valid")
        .graph
}

fn strategies(graph: &ConceptGraph) -> Vec<NodeIndex> {
    (0..STRATEGIES)
        .map(|i| graph.index_of(&format!("s{i}")).unwrap())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn diff_is_symmetric_and_every_item_traces_to_a_relation(claims in claims(), paper in 0usize..4) {
        let dir = dataset(&claims);
        let graph = load_dir(dir.path());
        let named: Vec<String> = if paper == 3 { vec![] } else { vec![format!("p{paper}")] };
        let papers = linkage::PaperFilter::resolve(&graph, &named).expect("p0 to p2 are papers");
        let nodes = strategies(&graph);
        for &a in &nodes {
            for &b in &nodes {
                if a == b { continue; }
                let ab = diff(&graph, a, b, &papers);
                let ba = diff(&graph, b, a, &papers);
                let edges = |claims: &[linkage::query::comparison::Claim<'_>]| claims.iter().map(|c| c.edge).collect::<BTreeSet<_>>();
                let row_edges = |rows: &[linkage::query::comparison::Row<'_>]| rows.iter().flat_map(|r| r.claims.iter().map(|c| c.edge)).collect::<BTreeSet<_>>();
                prop_assert_eq!(row_edges(&ab.common_ground), row_edges(&ba.common_ground));
                prop_assert_eq!(edges(&ab.direct), edges(&ba.direct));
                prop_assert_eq!(ab.differences.len(), ba.differences.len());
                for row in &ab.differences {
                    let mirror = ba.differences.iter().find(|r| r.topic == row.topic).expect("same dimensions");
                    prop_assert_eq!(row.papers().into_iter().collect::<BTreeSet<_>>(), mirror.papers().into_iter().collect::<BTreeSet<_>>());
                    for claim in &row.claims {
                        let other = mirror.claims.iter().find(|e| e.edge == claim.edge).expect("same relations");
                        let (pa, pb) = claim.positions.expect("a difference has positions");
                        prop_assert_eq!(Some((pb, pa)), other.positions);
                    }
                }
                for c in &ab.contrast {
                    let m = ba.contrast.iter().find(|m| m.kind == c.kind && m.direction == c.direction).expect("same kinds");
                    prop_assert_eq!(&c.only_a, &m.only_b);
                    prop_assert_eq!(&c.only_b, &m.only_a);
                    prop_assert_eq!(c.both.iter().collect::<BTreeSet<_>>(), m.both.iter().collect::<BTreeSet<_>>());
                }
                // Traceability: each claim is a relation between a and b of the right role,
                // with only sources from the selected papers.
                let mut sections: Vec<(Role, Option<NodeIndex>, &linkage::query::comparison::Claim<'_>)> =
                    ab.direct.iter().map(|c| (Role::Ordinary, None, c)).collect();
                for (role, rows) in [(Role::CommonGround, &ab.common_ground), (Role::Difference, &ab.differences)] {
                    for row in rows {
                        sections.extend(row.claims.iter().map(|c| (role, Some(row.topic), c)));
                    }
                }
                for (role, topic, claim) in sections {
                    let r = graph.relation(claim.edge);
                    prop_assert!(BTreeSet::from([r.from, r.to]) == BTreeSet::from([a, b]));
                    prop_assert_eq!(graph.role_of(r), role);
                    if let Some(topic) = topic {
                        prop_assert_eq!(Some(topic), r.aspect.or(r.dimension));
                    }
                    prop_assert!(!claim.sources.is_empty());
                    prop_assert!(claim.sources.iter().all(|s| named.is_empty() || named.iter().any(|p| *p == s.paper)));
                }
                for c in &ab.contrast {
                    for (node, of) in c.only_a.iter().map(|n| (n, a)).chain(c.both.iter().map(|n| (n, a))).chain(c.only_b.iter().map(|n| (n, b))) {
                        let linked = graph.incident(of).iter().any(|i| {
                            i.other == *node && i.relation.kind == c.kind && i.relation.sources.iter().any(|s| named.is_empty() || named.iter().any(|p| *p == s.paper))
                                && match c.direction { Direction::Out => i.outgoing, Direction::In => !i.outgoing, Direction::Both => true }
                        });
                        prop_assert!(linked, "contrast neighbour without a relation");
                    }
                }
            }
        }
    }

    #[test]
    fn every_count_of_agreement_is_the_brute_force_count(claims in claims(), paper in 0usize..4) {
        // Oracle: for a pair and an aspect or dimension, the distinct papers among the
        // filtered sources of every relation between the two naming it.
        let dir = dataset(&claims);
        let graph = load_dir(dir.path());
        let named: Vec<String> = if paper == 3 { vec![] } else { vec![format!("p{paper}")] };
        let papers = linkage::PaperFilter::resolve(&graph, &named).expect("p0 to p2 are papers");
        let support = linkage::query::comparison::Support::new(&graph, &papers);
        let nodes = strategies(&graph);
        for &a in &nodes {
            for &b in &nodes {
                if a >= b { continue; }
                let mut oracle: std::collections::BTreeMap<(bool, NodeIndex), BTreeSet<String>> = std::collections::BTreeMap::new();
                for (_, r) in graph.relations() {
                    if BTreeSet::from([r.from, r.to]) != BTreeSet::from([a, b]) { continue; }
                    let key = match graph.role_of(r) {
                        Role::CommonGround => (false, r.aspect.unwrap()),
                        Role::Difference => (true, r.dimension.unwrap()),
                        Role::Ordinary => continue,
                    };
                    let asserting: BTreeSet<String> = r.sources.iter()
                        .filter(|s| named.is_empty() || named.iter().any(|p| *p == s.paper))
                        .map(|s| s.paper.to_string()).collect();
                    if !asserting.is_empty() {
                        oracle.entry(key).or_default().extend(asserting);
                    }
                }
                let matrix = linkage::query::compare::compare(&graph, Some((a, b)), &papers);
                prop_assert_eq!(matrix.rows.len(), oracle.len());
                for row in &matrix.rows {
                    let key = (row.row.stance == linkage::query::comparison::Stance::Difference, row.row.topic);
                    let expected = &oracle[&key];
                    prop_assert_eq!(row.total(), expected.len());
                    let found: BTreeSet<String> = row.row.papers().into_iter().map(String::from).collect();
                    prop_assert_eq!(&found, expected);
                    for claim in &row.row.claims {
                        prop_assert_eq!(support.papers(claim.edge, claim.relation, &papers), expected.len());
                    }
                }
            }
        }
    }

    #[test]
    fn export_loads_back_to_the_same_graph(claims in claims()) {
        let dir = dataset(&claims);
        let graph = load_dir(dir.path());
        let first = export::to_json(&graph);
        let again = tempfile::tempdir().unwrap();
        std::fs::write(again.path().join("graph.json"), first.to_string()).unwrap();
        let reloaded = load_dir(again.path());
        prop_assert_eq!(first, export::to_json(&reloaded));
        prop_assert_eq!(graph.relation_count(), reloaded.relation_count());
    }
}
