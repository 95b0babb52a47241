//! Times `linkage path` inside one process: the load, then each shortest-path query.
//!
//! ```sh
//! cargo bench --bench path_query -- DIR PAIRS [REPEAT]
//! ```
//!
//! DIR is a dataset and PAIRS a file of `FROM TO` lines (`bench/gen_graph.py` writes
//! both). Prints one JSON object: the load time and, per pair, the best of REPEAT
//! (default 3) timings of the default query (every shortest route, counted, the first
//! 50 listed with all their relations) and of the same query listing one route, with
//! the length found (-1 for none). `bench/path_vs_networkx.sh` runs it beside networkx.

use std::time::Instant;

use linkage::{
    load,
    query::{PathQuery, PathResult},
    DataSource,
};
use serde_json::json;

fn main() {
    // `cargo bench` passes `--bench`; the rest are ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let [dir, pairs, rest @ ..] = args.as_slice() else {
        eprintln!("usage: cargo bench --bench path_query -- DIR PAIRS [REPEAT]");
        std::process::exit(2);
    };
    let repeat: usize = rest
        .first()
        .map_or(3, |r| r.parse().expect("REPEAT is a number"));
    let started = Instant::now();
    let graph = load(&DataSource::Dir(dir.into()))
        .expect("the dataset loads")
        .graph;
    let load_seconds = started.elapsed().as_secs_f64();
    let pairs = std::fs::read_to_string(pairs).expect("PAIRS is readable");
    let mut queries = Vec::new();
    for line in pairs.lines().filter(|l| !l.trim().is_empty()) {
        let (a, b) = line.split_once(' ').expect("FROM TO");
        let (from, to) = (graph.resolve(a).unwrap(), graph.resolve(b).unwrap());
        let time = |limit: usize| -> (f64, PathResult) {
            let mut query = PathQuery::new(from, to);
            query.limit = limit;
            let mut best = f64::INFINITY;
            let mut result = None;
            for _ in 0..repeat {
                let started = Instant::now();
                let found = query.run(&graph).expect("a valid query");
                best = best.min(started.elapsed().as_secs_f64());
                result = Some(found);
            }
            (best, result.expect("REPEAT is at least 1"))
        };
        let (all_seconds, all) = time(50);
        let (one_seconds, _) = time(1);
        let length = all
            .paths
            .first()
            .map_or(-1, |p| i64::try_from(p.len()).unwrap_or(-1));
        queries.push(json!({
            "from": a,
            "to": b,
            "seconds": all_seconds,
            "one_route_seconds": one_seconds,
            "length": length,
            "routes": all.total,
        }));
    }
    let report = json!({
        "load_seconds": load_seconds,
        "nodes": graph.node_count(),
        "relations": graph.relation_count(),
        "queries": queries,
    });
    println!("{report}");
}
