//! One ego network: `neighbors` (through a walk) and `dot`/`export --focus` (through a
//! selection) reach the same nodes and draw the same relations, on random datasets and
//! on the shipped one, and both are what the definition says, checked by brute force:
//! the nodes within `depth` relations of the centre (direction ignored) and every
//! admitted relation between two of them.

use std::collections::{BTreeSet, VecDeque};

use linkage::{
    dot::{select, Selection},
    load,
    query::{ego_network, Walk, WalkFilter},
    ConceptGraph, DataSource,
};
use petgraph::graph::NodeIndex;
use proptest::prelude::*;
use serde_json::json;

const KINDS: [&str; 3] = ["premise-of", "part-of", "mutually-promotes"];

fn dataset(nodes: usize, claims: &[(usize, usize, usize, usize)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let node_records: Vec<_> = (0..nodes)
        .map(|i| json!({"id": format!("c{i}"), "kind": "concept", "label": format!("Concept {i}")}))
        .collect();
    let papers: Vec<_> = (0..2)
        .map(|i| json!({"id": format!("p{i}"), "file": format!("p{i}.txt")}))
        .collect();
    let relations: Vec<_> = claims
        .iter()
        .enumerate()
        .filter(|(_, (_, from, to, _))| from != to)
        .map(|(i, &(kind, from, to, paper))| {
            json!({"kind": KINDS[kind], "from": format!("c{from}"), "to": format!("c{to}"),
                   "sources": [{"paper": format!("p{paper}"), "locator": "1", "quote": format!("claim {i}")}]})
        })
        .collect();
    let data = json!({"papers": papers, "nodes": node_records, "relations": relations});
    std::fs::write(dir.path().join("data.json"), data.to_string()).unwrap();
    dir
}

/// (nodes, edges) of the network by the definition, from the graph's relations alone.
fn brute_force(
    graph: &ConceptGraph,
    centre: NodeIndex,
    depth: usize,
    paper: Option<&str>,
) -> (BTreeSet<usize>, BTreeSet<usize>) {
    let admitted = |edge: petgraph::graph::EdgeIndex| {
        paper.is_none_or(|p| graph.relation(edge).sources.iter().any(|s| s.paper == p))
    };
    let mut distance = vec![usize::MAX; graph.node_count()];
    distance[centre.index()] = 0;
    let mut queue = VecDeque::from([centre]);
    while let Some(v) = queue.pop_front() {
        if distance[v.index()] == depth {
            continue;
        }
        for (edge, relation) in graph.relations() {
            let other = if relation.from == v {
                relation.to
            } else if relation.to == v {
                relation.from
            } else {
                continue;
            };
            if admitted(edge) && distance[other.index()] == usize::MAX {
                distance[other.index()] = distance[v.index()] + 1;
                queue.push_back(other);
            }
        }
    }
    let kept = |ix: NodeIndex| distance[ix.index()] != usize::MAX;
    let nodes = graph
        .node_indices()
        .filter(|&ix| kept(ix))
        .map(NodeIndex::index)
        .collect();
    let edges = graph
        .relations()
        .filter(|(edge, r)| admitted(*edge) && kept(r.from) && kept(r.to))
        .map(|(edge, _)| edge.index())
        .collect();
    (nodes, edges)
}

/// (nodes, edges) as `neighbors` and as `dot --focus` find them; they must agree.
fn both_ways(
    graph: &ConceptGraph,
    centre: NodeIndex,
    depth: usize,
    paper: Option<&str>,
) -> (BTreeSet<usize>, BTreeSet<usize>) {
    let papers: Vec<String> = paper.map(str::to_string).into_iter().collect();
    let walk = Walk::new(
        graph,
        WalkFilter {
            papers: linkage::PaperFilter::resolve(graph, &papers).unwrap(),
            ..WalkFilter::default()
        },
    )
    .unwrap();
    let ego = ego_network(&walk, centre, depth);
    let walked = (
        ego.nodes.iter().map(|(v, _)| v.index()).collect(),
        ego.relations.iter().map(|r| r.edge.index()).collect(),
    );
    let selected = select(
        graph,
        &Selection {
            focus: vec![graph.node(centre).id.clone()],
            depth,
            papers,
            ..Selection::default()
        },
    )
    .unwrap();
    let drawn = (
        selected.nodes.iter().map(|v| v.index()).collect(),
        selected.edges.iter().map(|e| e.index()).collect(),
    );
    assert_eq!(walked, drawn, "neighbors and --focus differ");
    walked
}

proptest! {
    #[test]
    fn neighbors_and_focus_are_one_ego_network(
        nodes in 2usize..9,
        claims in prop::collection::vec((0..KINDS.len(), 0..9usize, 0..9usize, 0..2usize), 0..24),
        centre in 0..9usize,
        depth in 0usize..4,
        paper in prop::option::of(0..2usize),
    ) {
        let claims: Vec<_> = claims
            .into_iter()
            .map(|(k, f, t, p)| (k, f % nodes, t % nodes, p))
            .collect();
        let dir = dataset(nodes, &claims);
        let graph = load(&DataSource::Dir(dir.path().to_path_buf())).unwrap().graph;
        let centre = graph.index_of(&format!("c{}", centre % nodes)).unwrap();
        let paper = paper.map(|p| format!("p{p}"));
        let found = both_ways(&graph, centre, depth, paper.as_deref());
        prop_assert_eq!(found, brute_force(&graph, centre, depth, paper.as_deref()));
    }
}

/// On the shipped data, the figures the ego network of the strategy gives: the same for
/// `neighbors` and `export --focus` (which adds the dimension nodes its relations name).
#[test]
fn the_shipped_strategy_has_one_ego_network() {
    let graph = load(&DataSource::Embedded).unwrap().graph;
    let tpa = graph.index_of("tpa").unwrap();
    for depth in 0..=3 {
        let found = both_ways(&graph, tpa, depth, None);
        assert_eq!(
            found,
            brute_force(&graph, tpa, depth, None),
            "depth {depth}"
        );
    }
    let count = |args: &[&str]| {
        let (code, out, err) = crate::common::run(args);
        assert_eq!(code, 0, "{err}");
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        value["relations"].as_array().unwrap().len()
    };
    assert_eq!(
        count(&["--json", "neighbors", "tpa", "--depth", "2"]),
        count(&["export", "--focus", "tpa", "--depth", "2", "--format", "json"])
    );
}
