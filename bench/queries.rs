//! linkage in library, for `bench/compare`: one load, then each kind of query timed in
//! the process, with the answers `compare.py` cross-checks against the peers.
//!
//! ```sh
//! cargo bench --bench queries -- DIR SIMPLE EGO DIFF
//! ```
//!
//! DIR is a dataset from `bench/gen_graph.py` and DIR.pairs its `FROM TO` lines. The
//! queries (the same as `peer.py`'s):
//! - shortest: every pair, one shortest route (`path A B --limit 1`); answer: its length;
//! - simple: the first SIMPLE pairs, every simple route of at most 5 relations
//!   (`path A B --all --max-len 5 --limit 1`); answer: how many (exact, or the run fails);
//! - ego: the FROM of the first EGO pairs, the ego network of depth 2, both directions
//!   (`neighbors A --depth 2`); answer: its number of nodes, the centre included;
//! - diff: the first DIFF pairs (`diff A B`); answer: whether a relation joins them,
//!   and per relation kind and direction, how many neighbours only A has, only B has,
//!   and both have, then the same counts over all kinds (what a structure-only peer sees).
//!
//! Prints one JSON object: the load's seconds, and per kind the seconds of all its
//! queries (each run once, as the peers run theirs) and the answers.

use std::{collections::BTreeSet, time::Instant};

use linkage::{
    load,
    query::{diff::diff, ego_network, PathMode, PathQuery, Walk},
    ConceptGraph, DataSource,
};
use petgraph::graph::NodeIndex;
use serde_json::{json, Value};

/// Longest simple route asked for.
const MAX_LEN: usize = 5;

fn main() {
    // `cargo bench` passes `--bench`; the rest are ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let [dir, simple, ego, diffs] = args.as_slice() else {
        eprintln!("usage: cargo bench --bench queries -- DIR SIMPLE EGO DIFF");
        std::process::exit(2);
    };
    let count = |s: &str| -> usize { s.parse().expect("SIMPLE, EGO and DIFF are numbers") };
    let started = Instant::now();
    let graph = load(&DataSource::Dir(dir.into()))
        .expect("the dataset loads")
        .graph;
    let load_seconds = started.elapsed().as_secs_f64();
    let text = std::fs::read_to_string(format!("{}.pairs", dir.trim_end_matches('/')))
        .expect("DIR.pairs is readable");
    let pairs: Vec<(NodeIndex, NodeIndex)> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let (a, b) = line.split_once(' ').expect("FROM TO");
            (graph.resolve(a).unwrap(), graph.resolve(b).unwrap())
        })
        .collect();
    let shortest = timed(&pairs, |&(a, b)| {
        let mut query = PathQuery::new(a, b);
        query.limit = 1;
        let found = query.run(&graph).expect("a valid query");
        json!(found
            .paths
            .first()
            .map_or(-1, |p| i64::try_from(p.len()).unwrap_or(-1)))
    });
    let simple = timed(&pairs[..count(simple)], |&(a, b)| {
        let mut query = PathQuery::new(a, b);
        query.mode = PathMode::All;
        query.max_len = Some(MAX_LEN);
        query.limit = 1;
        let found = query.run(&graph).expect("a valid query");
        assert!(found.exact, "the work budget stopped the count");
        json!(found.total)
    });
    let walk = Walk::everything(&graph);
    let ego = timed(&pairs[..count(ego)], |&(a, _)| {
        json!(ego_network(&walk, a, 2).nodes.len())
    });
    let diffs = timed(&pairs[..count(diffs)], |&(a, b)| diff_answer(&graph, a, b));
    let report = json!({
        "load_seconds": load_seconds,
        "nodes": graph.node_count(),
        "relations": graph.relation_count(),
        "shortest": shortest,
        "simple": simple,
        "ego": ego,
        "diff": diffs,
    });
    println!("{report}");
}

/// Runs `query` on every item; the total seconds (answers built outside the clock) and
/// the answers.
fn timed<T>(items: &[T], query: impl Fn(&T) -> Value) -> Value {
    let mut seconds = 0.0;
    let mut answers = Vec::new();
    for item in items {
        let started = Instant::now();
        let answer = query(item);
        seconds += started.elapsed().as_secs_f64();
        answers.push(answer);
    }
    json!({"seconds": seconds, "answers": answers})
}

/// The counts of `diff a b` that `compare.py` cross-checks (see the module comment).
fn diff_answer(graph: &ConceptGraph, a: NodeIndex, b: NodeIndex) -> Value {
    let found = diff(graph, a, b, &linkage::PaperFilter::every());
    let mut by_kind = serde_json::Map::new();
    let (mut of_a, mut of_b) = (BTreeSet::<NodeIndex>::new(), BTreeSet::new());
    for c in &found.contrast {
        if c.only_a.is_empty() && c.only_b.is_empty() && c.both.is_empty() {
            continue;
        }
        let direction = format!("{:?}", c.direction).to_lowercase();
        by_kind.insert(
            format!("{} {direction}", &*c.kind),
            json!([c.only_a.len(), c.only_b.len(), c.both.len()]),
        );
        of_a.extend(c.only_a.iter().chain(&c.both));
        of_b.extend(c.only_b.iter().chain(&c.both));
    }
    let both = of_a.intersection(&of_b).count();
    json!({
        "adjacent": !found.direct.is_empty(),
        "by_kind": by_kind,
        "all_kinds": [of_a.len() - both, of_b.len() - both, both],
    })
}
