//! Property tests of path queries over small random datasets, loaded through the
//! library and checked against a brute-force enumeration written independently of the
//! query code: every hop of every path is a relation of the graph walkable under the
//! filters, paths are simple, no path is longer than `max_len`, every step lists all
//! the relations joining its two nodes, and the paths (and their count) are exactly
//! the brute-force ones, in order.

use std::collections::BTreeSet;

use linkage::{
    load,
    query::{Budget, PathMode, PathQuery, PathResult, WalkFilter},
    ConceptGraph, DataSource,
};
use petgraph::graph::{EdgeIndex, NodeIndex};
use proptest::prelude::*;
use serde_json::json;

const KINDS: [&str; 3] = ["premise-of", "part-of", "mutually-promotes"];
const PAPERS: usize = 2;

/// (kind, from, to, paper).
type Claim = (usize, usize, usize, usize);

#[derive(Debug, Clone)]
struct Case {
    nodes: usize,
    claims: Vec<Claim>,
    from: usize,
    to: usize,
    undirected: bool,
    /// Bit i set: kind i admitted (all when 0).
    kinds: u8,
    /// Some(p): only paper p.
    paper: Option<usize>,
    avoid: Option<usize>,
}

fn cases() -> impl Strategy<Value = Case> {
    (2usize..8)
        .prop_flat_map(|nodes| {
            (
                Just(nodes),
                prop::collection::vec((0..KINDS.len(), 0..nodes, 0..nodes, 0..PAPERS), 0..24),
                0..nodes,
                0..nodes,
                any::<bool>(),
                0u8..8,
                prop::option::of(0..PAPERS),
                prop::option::of(0..nodes),
            )
        })
        .prop_filter("distinct ends", |(_, _, from, to, ..)| from != to)
        .prop_map(
            |(nodes, claims, from, to, undirected, kinds, paper, avoid)| Case {
                nodes,
                claims,
                from,
                to,
                undirected,
                kinds,
                paper,
                avoid: avoid.filter(|&a| a != from && a != to),
            },
        )
}

fn dataset(case: &Case) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let nodes: Vec<_> = (0..case.nodes)
        .map(|i| json!({"id": format!("c{i}"), "kind": "concept", "label": format!("Concept {i}")}))
        .collect();
    let papers: Vec<_> = (0..PAPERS)
        .map(|i| json!({"id": format!("p{i}"), "file": format!("p{i}.txt")}))
        .collect();
    let relations: Vec<_> = case
        .claims
        .iter()
        .enumerate()
        .filter(|(_, (_, from, to, _))| from != to)
        .map(|(i, &(kind, from, to, paper))| {
            json!({"kind": KINDS[kind], "from": format!("c{from}"), "to": format!("c{to}"),
                   "sources": [{"paper": format!("p{paper}"), "locator": "1", "quote": format!("claim {i}")}]})
        })
        .collect();
    let data = json!({"papers": papers, "nodes": nodes, "relations": relations});
    std::fs::write(dir.path().join("data.json"), data.to_string()).unwrap();
    dir
}

fn node(graph: &ConceptGraph, i: usize) -> NodeIndex {
    graph.index_of(&format!("c{i}")).unwrap()
}

fn filter(graph: &ConceptGraph, case: &Case) -> WalkFilter {
    WalkFilter {
        kinds: (0..KINDS.len())
            .filter(|k| case.kinds & (1 << k) != 0)
            .map(|k| KINDS[k].to_string())
            .collect(),
        papers: linkage::PaperFilter::resolve(
            graph,
            &case
                .paper
                .map(|p| format!("p{p}"))
                .into_iter()
                .collect::<Vec<_>>(),
        )
        .expect("the generated papers exist"),
        avoid: case.avoid.map(|a| node(graph, a)).into_iter().collect(),
        undirected: case.undirected,
    }
}

/// Whether relation `edge` may be walked from `a` to `b` under the case's filters,
/// decided from the case itself rather than the library's `Walk`.
fn walkable(
    graph: &ConceptGraph,
    case: &Case,
    edge: EdgeIndex,
    a: NodeIndex,
    b: NodeIndex,
) -> bool {
    let relation = graph.relation(edge);
    let kind = KINDS.iter().position(|k| *k == relation.kind).unwrap();
    let kind_ok = case.kinds == 0 || case.kinds & (1 << kind) != 0;
    let paper_ok = case
        .paper
        .is_none_or(|p| relation.sources.iter().any(|s| s.paper == format!("p{p}")));
    let avoided = case.avoid.map(|a| node(graph, a));
    let ends_ok = avoided.is_none_or(|v| relation.from != v && relation.to != v);
    let both_ways = case.undirected || relation.kind == "mutually-promotes";
    let way_ok = (relation.from == a && relation.to == b)
        || (both_ways && relation.from == b && relation.to == a);
    kind_ok && paper_ok && ends_ok && way_ok
}

/// Every simple route from `from` to `to`, by exhaustive search over node sequences.
fn brute_force(graph: &ConceptGraph, case: &Case) -> Vec<Vec<NodeIndex>> {
    let nodes: Vec<NodeIndex> = (0..case.nodes).map(|i| node(graph, i)).collect();
    let step = |a: NodeIndex, b: NodeIndex| {
        graph
            .relations()
            .any(|(edge, _)| walkable(graph, case, edge, a, b))
    };
    let (from, to) = (node(graph, case.from), node(graph, case.to));
    let mut found = Vec::new();
    let mut stack = vec![vec![from]];
    while let Some(route) = stack.pop() {
        let last = *route.last().unwrap();
        if last == to {
            found.push(route);
            continue;
        }
        for &next in &nodes {
            if !route.contains(&next) && step(last, next) {
                let mut longer = route.clone();
                longer.push(next);
                stack.push(longer);
            }
        }
    }
    found.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    found
}

/// The invariants every result must satisfy, whatever the mode.
fn check_paths(graph: &ConceptGraph, case: &Case, result: &PathResult, max_len: Option<usize>) {
    for path in &result.paths {
        let distinct: BTreeSet<NodeIndex> = path.nodes.iter().copied().collect();
        assert_eq!(distinct.len(), path.nodes.len(), "not simple: {path:?}");
        assert_eq!(path.nodes.first(), Some(&node(graph, case.from)));
        assert_eq!(path.nodes.last(), Some(&node(graph, case.to)));
        assert_eq!(path.steps.len() + 1, path.nodes.len());
        assert!(
            max_len.is_none_or(|max| path.len() <= max),
            "too long: {path:?}"
        );
        for (i, step) in path.steps.iter().enumerate() {
            let (a, b) = (path.nodes[i], path.nodes[i + 1]);
            assert!(!step.is_empty());
            for hop in step {
                let relation = graph.relation(hop.edge);
                assert_eq!((hop.from, hop.to), (a, b));
                let (start, end) = if hop.forward {
                    (relation.from, relation.to)
                } else {
                    (relation.to, relation.from)
                };
                assert_eq!((start, end), (a, b), "hop is not its relation");
                assert!(
                    walkable(graph, case, hop.edge, a, b),
                    "hop breaks the filters"
                );
            }
            // Every relation joining the two nodes that way is on the step.
            let expected: BTreeSet<EdgeIndex> = graph
                .relations()
                .map(|(edge, _)| edge)
                .filter(|&edge| walkable(graph, case, edge, a, b))
                .collect();
            let listed: BTreeSet<EdgeIndex> = step.iter().map(|h| h.edge).collect();
            assert_eq!(listed, expected);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn shortest_paths_match_brute_force(case in cases()) {
        let dir = dataset(&case);
        let graph = load(&DataSource::Dir(dir.path().to_path_buf())).expect("valid data").graph;
        let mut query = PathQuery::new(node(&graph, case.from), node(&graph, case.to));
        query.filter = filter(&graph, &case);
        query.limit = 1000;
        let result = query.run(&graph).unwrap();
        check_paths(&graph, &case, &result, None);
        let all = brute_force(&graph, &case);
        let shortest: Vec<Vec<NodeIndex>> = match all.first() {
            Some(first) => all.iter().filter(|r| r.len() == first.len()).cloned().collect(),
            None => Vec::new(),
        };
        prop_assert_eq!(result.total, shortest.len() as u64);
        prop_assert!(result.exact);
        let got: Vec<Vec<NodeIndex>> = result.paths.iter().map(|p| p.nodes.clone()).collect();
        prop_assert_eq!(got, shortest);
    }

    #[test]
    fn all_simple_paths_match_brute_force_within_max_len_and_limit(
        case in cases(),
        max_len in 1usize..6,
        limit in 1usize..6,
    ) {
        let dir = dataset(&case);
        let graph = load(&DataSource::Dir(dir.path().to_path_buf())).expect("valid data").graph;
        let mut query = PathQuery::new(node(&graph, case.from), node(&graph, case.to));
        query.filter = filter(&graph, &case);
        query.mode = PathMode::All;
        query.max_len = Some(max_len);
        query.limit = limit;
        query.budget = Budget { work: u64::MAX, time: std::time::Duration::MAX };
        let result = query.run(&graph).unwrap();
        check_paths(&graph, &case, &result, Some(max_len));
        let expected: Vec<Vec<NodeIndex>> = brute_force(&graph, &case)
            .into_iter()
            .filter(|r| r.len() <= max_len + 1)
            .collect();
        prop_assert!(result.exact);
        prop_assert_eq!(result.total, expected.len() as u64);
        let got: Vec<Vec<NodeIndex>> = result.paths.iter().map(|p| p.nodes.clone()).collect();
        let first: Vec<Vec<NodeIndex>> = expected.into_iter().take(limit).collect();
        prop_assert_eq!(got, first);
    }

    #[test]
    fn shortest_paths_through_a_node_match_brute_force(case in cases(), through in 0usize..8) {
        prop_assume!(through < case.nodes && through != case.from && through != case.to);
        prop_assume!(case.avoid != Some(through));
        let dir = dataset(&case);
        let graph = load(&DataSource::Dir(dir.path().to_path_buf())).expect("valid data").graph;
        let mut query = PathQuery::new(node(&graph, case.from), node(&graph, case.to));
        query.filter = filter(&graph, &case);
        query.through = Some(node(&graph, through));
        query.limit = 1000;
        let result = query.run(&graph).unwrap();
        check_paths(&graph, &case, &result, None);
        let via: Vec<Vec<NodeIndex>> = brute_force(&graph, &case)
            .into_iter()
            .filter(|r| r.contains(&node(&graph, through)))
            .collect();
        let shortest: Vec<Vec<NodeIndex>> = match via.first() {
            Some(first) => via.iter().filter(|r| r.len() == first.len()).cloned().collect(),
            None => Vec::new(),
        };
        prop_assert_eq!(result.total, shortest.len() as u64);
        let got: Vec<Vec<NodeIndex>> = result.paths.iter().map(|p| p.nodes.clone()).collect();
        prop_assert_eq!(got, shortest);
    }
}

/// Number and length of shortest routes by plain one-sided breadth-first search with
/// path counting, from the case's own notion of a walkable step.
fn bfs_count(graph: &ConceptGraph, case: &Case) -> Option<(usize, u64)> {
    let nodes: Vec<NodeIndex> = (0..case.nodes).map(|i| node(graph, i)).collect();
    let edges: Vec<(NodeIndex, NodeIndex)> = nodes
        .iter()
        .flat_map(|&a| nodes.iter().map(move |&b| (a, b)))
        .filter(|&(a, b)| {
            a != b
                && graph
                    .relations()
                    .any(|(edge, _)| walkable(graph, case, edge, a, b))
        })
        .collect();
    let (from, to) = (node(graph, case.from), node(graph, case.to));
    let mut dist = vec![usize::MAX; case.nodes];
    let mut ways = vec![0u64; case.nodes];
    dist[from.index()] = 0;
    ways[from.index()] = 1;
    let mut layer = vec![from];
    while !layer.is_empty() && dist[to.index()] == usize::MAX {
        let mut next = Vec::new();
        for &(a, b) in &edges {
            if layer.contains(&a) && dist[b.index()] > dist[a.index()] {
                if dist[b.index()] == usize::MAX {
                    dist[b.index()] = dist[a.index()] + 1;
                    next.push(b);
                }
                ways[b.index()] += ways[a.index()];
            }
        }
        layer = next;
    }
    (dist[to.index()] != usize::MAX).then(|| (dist[to.index()], ways[to.index()]))
}

fn larger_cases() -> impl Strategy<Value = Case> {
    (10usize..40)
        .prop_flat_map(|nodes| {
            (
                Just(nodes),
                prop::collection::vec((0..KINDS.len(), 0..nodes, 0..nodes, 0..PAPERS), 0..120),
                0..nodes,
                0..nodes,
                any::<bool>(),
            )
        })
        .prop_filter("distinct ends", |(_, _, from, to, _)| from != to)
        .prop_map(|(nodes, claims, from, to, undirected)| Case {
            nodes,
            claims,
            from,
            to,
            undirected,
            kinds: 0,
            paper: None,
            avoid: None,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Larger graphs exercise the meeting of the two searches in the bidirectional BFS.
    #[test]
    fn shortest_path_counts_match_one_sided_bfs_on_larger_graphs(case in larger_cases()) {
        let dir = dataset(&case);
        let graph = load(&DataSource::Dir(dir.path().to_path_buf())).expect("valid data").graph;
        let mut query = PathQuery::new(node(&graph, case.from), node(&graph, case.to));
        query.filter = filter(&graph, &case);
        query.limit = 5;
        let result = query.run(&graph).unwrap();
        check_paths(&graph, &case, &result, None);
        match bfs_count(&graph, &case) {
            None => prop_assert!(result.is_empty()),
            Some((length, ways)) => {
                prop_assert_eq!(result.total, ways);
                prop_assert!(result.paths.iter().all(|p| p.len() == length));
                prop_assert_eq!(result.paths.len() as u64, ways.min(5));
                prop_assert!(result.paths.windows(2).all(|w| w[0].nodes < w[1].nodes));
            }
        }
    }
}
