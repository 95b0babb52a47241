//! Path queries on the real data: questions the papers answer, each with its expected
//! chain; how `--paper` changes the answer; the filters; `--explain` snapshots; the
//! bound on enumeration; and `neighbors`.
//!
//! Questions are asked of one paper (`--paper`) where possible, so that encoding more
//! papers does not change the expected chain.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use crate::common::{linkage, run};

/// `linkage ARGS --json`, expecting exit code `code`.
fn json_with(code: i32, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let (got, out, err) = run(&all);
    assert_eq!(got, code, "{args:?}: {err}");
    serde_json::from_str(&out).expect("--json prints JSON")
}

fn json(args: &[&str]) -> Value {
    json_with(0, args)
}

/// Each path's node ids.
fn routes(result: &Value) -> Vec<Vec<String>> {
    result["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_str().unwrap().to_string())
                .collect()
        })
        .collect()
}

/// The kinds of the relations making step `step` of path `path`.
fn kinds(result: &Value, path: usize, step: usize) -> BTreeSet<String> {
    result["paths"][path]["steps"][step]["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap().to_string())
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}

#[test]
fn industrial_poverty_alleviation_leads_to_the_second_centenary_goal_in_hao() {
    // Hao 3.1: industrial poverty alleviation is part of (and an engine of) targeted
    // poverty alleviation; 2.1.2: which is the premise of rural revitalization; 2.2.3:
    // which serves the second centenary goal.
    let result = json(&[
        "path",
        "industrial-poverty-alleviation",
        "second-centenary-goal",
        "--paper",
        "hao",
    ]);
    assert_eq!(
        routes(&result),
        vec![strings(&[
            "industrial-poverty-alleviation",
            "tpa",
            "rr",
            "second-centenary-goal"
        ])]
    );
    assert_eq!(kinds(&result, 0, 0), set(&["part-of", "drives"]));
    assert!(kinds(&result, 0, 1).is_superset(&set(&["premise-of", "transition-to"])));
    assert_eq!(kinds(&result, 0, 2), set(&["serves"]));
    assert_eq!(
        (result["total"].as_u64(), result["exact"].as_bool()),
        (Some(1), Some(true))
    );
}

#[test]
fn paper_narrowing_changes_how_the_party_leads_to_the_second_centenary_goal() {
    // Hao: the Party put forward rural revitalization, which serves the second
    // centenary goal.
    let hao = json(&["path", "cpc", "second-centenary-goal", "--paper", "hao"]);
    assert_eq!(
        routes(&hao),
        vec![strings(&["cpc", "rr", "second-centenary-goal"])]
    );
    assert_eq!(kinds(&hao, 0, 0), set(&["drives"]));
    assert_eq!(kinds(&hao, 0, 1), set(&["serves"]));
    // BNU Dean never links the Party to the second centenary goal.
    let (code, out, _) = run(&["path", "cpc", "second-centenary-goal", "--paper", "bnu"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "no path from The Communist Party of China to Second centenary goal: \
         a modern socialist country, as asserted by BNU Dean (2020)\n"
    );
    // Every paper together gives more routes of that length than Hao alone.
    let all = json(&["path", "cpc", "second-centenary-goal"]);
    assert_eq!(all["paths"][0]["length"], hao["paths"][0]["length"]);
    assert!(routes(&all).len() > routes(&hao).len());
}

#[test]
fn poverty_politicization_consolidates_results_through_rural_social_policy_in_wu_zhu() {
    let result = json(&[
        "path",
        "poverty-politicization",
        "consolidate-poverty-alleviation-results",
        "--paper",
        "wu-zhu",
    ]);
    assert_eq!(
        routes(&result),
        vec![strings(&[
            "poverty-politicization",
            "rural-social-policy",
            "consolidate-poverty-alleviation-results"
        ])]
    );
    assert_eq!(kinds(&result, 0, 0), set(&["drives"]));
    assert_eq!(kinds(&result, 0, 1), set(&["serves"]));
}

#[test]
fn tpa_is_the_premise_of_rr_with_hao_quote() {
    let result = json(&["path", "tpa", "rr", "--via", "premise-of", "--paper", "hao"]);
    let relation = &result["paths"][0]["steps"][0]["relations"][0];
    assert_eq!(relation["kind"], "premise-of");
    assert_eq!(relation["forward"], true);
    assert_eq!(
        relation["sentence"],
        "Targeted poverty alleviation is a premise of Rural revitalization"
    );
    let source = &relation["sources"][0];
    assert_eq!(source["paper"], "hao-2021");
    assert_eq!(
        source["quote"],
        "Targeted poverty alleviation is the premise and foundation of Rural Revitalization."
    );
}

#[test]
fn direction_matters_except_for_symmetric_relations_or_with_undirected() {
    let (code, out, _) = run(&["path", "rr", "tpa", "--via", "premise-of"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("no path from Rural revitalization to Targeted poverty alleviation, using only premise of"), "{out}");
    assert_eq!(out.lines().count(), 1);
    // Walked against its direction, the relation keeps its own sentence.
    let undirected = json(&["path", "rr", "tpa", "--via", "premise-of", "--undirected"]);
    let relation = &undirected["paths"][0]["steps"][0]["relations"][0];
    assert_eq!(relation["forward"], false);
    assert_eq!(
        (relation["from"].as_str(), relation["to"].as_str()),
        (Some("tpa"), Some("rr"))
    );
    assert!(relation["sentence"]
        .as_str()
        .unwrap()
        .starts_with("Targeted poverty alleviation is a premise"));
    // Common ground is symmetric: walkable both ways without --undirected, and its
    // sentence reads in walking order.
    let common = json(&["path", "rr", "tpa", "--via", "common-ground"]);
    let relations = common["paths"][0]["steps"][0]["relations"]
        .as_array()
        .unwrap();
    assert!(!relations.is_empty());
    for relation in relations {
        assert!(relation["sentence"].as_str().unwrap().starts_with(
            "Rural revitalization and Targeted poverty alleviation share common ground in"
        ));
    }
}

#[test]
fn avoid_and_through_constrain_the_routes() {
    let all = routes(&json(&["path", "cpc", "second-centenary-goal"]));
    assert!(all.iter().any(|r| r.contains(&"rr".to_string())), "{all:?}");
    let avoiding = routes(&json(&[
        "path",
        "cpc",
        "second-centenary-goal",
        "--avoid",
        "rr",
    ]));
    assert!(!avoiding.is_empty());
    assert!(
        avoiding.iter().all(|r| !r.contains(&"rr".to_string())),
        "{avoiding:?}"
    );
    let through = json(&[
        "path",
        "cpc",
        "common-prosperity",
        "--through",
        "party-leadership",
    ]);
    let through_routes = routes(&through);
    assert!(!through_routes.is_empty());
    for route in &through_routes {
        assert!(route.contains(&"party-leadership".to_string()));
    }
    // The shortest route through the node is longer than the shortest route.
    let shortest = json(&["path", "cpc", "common-prosperity"]);
    assert!(through["paths"][0]["length"].as_u64() > shortest["paths"][0]["length"].as_u64());
    let (code, _, err) = run(&["path", "cpc", "rr", "--avoid", "rr"]);
    assert_eq!(code, 2);
    assert!(err.contains("both avoided and required"), "{err}");
}

#[test]
fn all_lists_longer_routes_in_order_and_says_when_the_limit_cuts() {
    let result = json(&[
        "path",
        "cpc",
        "two-centenary-goals",
        "--all",
        "--max-len",
        "4",
        "--paper",
        "hao",
    ]);
    let lengths: Vec<u64> = result["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["length"].as_u64().unwrap())
        .collect();
    assert!(lengths.len() > 2, "{lengths:?}");
    assert!(lengths.windows(2).all(|w| w[0] <= w[1]), "{lengths:?}");
    assert!(lengths.iter().all(|&l| l <= 4));
    let total = result["total"].as_u64().unwrap();
    let (code, out, _) = run(&[
        "path",
        "cpc",
        "two-centenary-goals",
        "--all",
        "--max-len",
        "4",
        "--paper",
        "hao",
        "--limit",
        "2",
    ]);
    assert_eq!(code, 0);
    let notice = format!(
        "Showing the first 2 of {total}; {} more not shown (raise --limit to see them).",
        total - 2
    );
    assert!(out.contains(&notice), "{out}");
    assert_eq!(
        out.matches("\n1. ").count() + out.matches("\n2. ").count(),
        2
    );
}

#[test]
fn names_and_kinds_are_checked() {
    let (code, _, err) = run(&["path", "tpa", "no-such-thing-at-all"]);
    assert_eq!(code, 2);
    assert!(err.contains("no node matches"), "{err}");
    let (code, _, err) = run(&["path", "tpa", "tpa"]);
    assert_eq!(code, 2);
    assert!(err.contains("same node"), "{err}");
    let (code, _, err) = run(&["path", "tpa", "rr", "--via", "premise"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown relation kind `premise`") && err.contains("premise-of"),
        "{err}"
    );
    let (code, _, err) = run(&["path", "tpa", "rr", "--paper", "nobody-wrote-this"]);
    assert_eq!(code, 2);
    assert!(err.contains("no paper matches"), "{err}");
}

#[test]
fn every_hop_in_the_json_is_a_sourced_relation_of_the_export() {
    // `export` writes JSON by default and takes no `--json`.
    let (code, out, err) = run(&["export"]);
    assert_eq!(code, 0, "{err}");
    let export: Value = serde_json::from_str(&out).expect("export writes JSON");
    let relations: BTreeSet<(String, String, String)> = export["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["kind"].as_str().unwrap().into(),
                r["from"].as_str().unwrap().into(),
                r["to"].as_str().unwrap().into(),
            )
        })
        .collect();
    let result = json(&[
        "path",
        "tpa",
        "rr-general-requirements",
        "--all",
        "--max-len",
        "3",
    ]);
    for path in result["paths"].as_array().unwrap() {
        let nodes = path["nodes"].as_array().unwrap();
        for (i, step) in path["steps"].as_array().unwrap().iter().enumerate() {
            assert_eq!((&step["from"], &step["to"]), (&nodes[i], &nodes[i + 1]));
            for r in step["relations"].as_array().unwrap() {
                let key = (
                    r["kind"].as_str().unwrap().into(),
                    r["from"].as_str().unwrap().into(),
                    r["to"].as_str().unwrap().into(),
                );
                assert!(relations.contains(&key), "{key:?}");
                let ends = if r["forward"] == true {
                    (&r["from"], &r["to"])
                } else {
                    (&r["to"], &r["from"])
                };
                assert_eq!(ends, (&step["from"], &step["to"]));
                assert!(r["sources"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|s| !s["quote"].as_str().unwrap().is_empty()));
            }
        }
    }
}

#[test]
fn output_is_byte_identical_across_runs() {
    for args in [
        &["path", "tpa", "rr-general-requirements", "--all"][..],
        &["path", "cpc", "common-prosperity", "--explain"][..],
        &["path", "cpc", "common-prosperity", "--all", "--json"][..],
        &["neighbors", "rr", "--depth", "2", "--json"][..],
    ] {
        assert_eq!(run(args), run(args), "{args:?}");
    }
}

#[test]
fn explain_snapshots() {
    insta::assert_snapshot!(
        "path-explain-industrial-to-second-centenary-hao",
        run(&[
            "path",
            "industrial-poverty-alleviation",
            "second-centenary-goal",
            "--paper",
            "hao",
            "--via",
            "part-of",
            "premise-of",
            "serves",
            "--explain",
        ])
        .1
    );
    insta::assert_snapshot!(
        "path-explain-rr-to-tpa-undirected-hao",
        run(&[
            "path",
            "rr",
            "tpa",
            "--paper",
            "hao",
            "--via",
            "premise-of,continuation-of,extension-of",
            "--undirected",
            "--explain",
        ])
        .1
    );
    insta::assert_snapshot!(
        "path-cpc-to-second-centenary-goal-hao",
        run(&["path", "cpc", "second-centenary-goal", "--paper", "hao"]).1
    );
}

/// A dataset of `size` concepts, every pair promoting each other: the number of
/// simple paths explodes, so enumeration must stop on its budget.
fn complete_graph(size: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let nodes: Vec<Value> = (0..size)
        .map(|i| json!({"id": format!("c{i}"), "kind": "concept", "label": format!("Concept {i}")}))
        .collect();
    let mut relations = Vec::new();
    for a in 0..size {
        for b in a + 1..size {
            relations.push(
                json!({"kind": "mutually-promotes", "from": format!("c{a}"), "to": format!("c{b}"),
                "sources": [{"paper": "p", "locator": "1", "quote": format!("c{a} and c{b}")}]}),
            );
        }
    }
    let data =
        json!({"papers": [{"id": "p", "file": "p.txt"}], "nodes": nodes, "relations": relations});
    std::fs::write(dir.path().join("data.json"), data.to_string()).unwrap();
    dir
}

#[test]
fn enumeration_on_a_dense_graph_stops_on_its_budget_and_says_so() {
    let dir = complete_graph(60);
    let data = dir.path().to_str().unwrap();
    let output = linkage()
        .args([
            "--data",
            data,
            "path",
            "c0",
            "c1",
            "--all",
            "--max-len",
            "12",
        ])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0));
    assert!(out.starts_with("at least "), "{out}");
    assert!(
        out.contains("Showing the first 50; counting stopped after"),
        "{out}"
    );
    assert!(
        out.contains("\n1. Concept 0 <--promotes each other--> Concept 1\n"),
        "{out}"
    );
    // The shortest-path count is exact and instant even here.
    let (code, out, _) = run(&[
        "--data",
        data,
        "path",
        "c0",
        "c1",
        "--via",
        "mutually-promotes",
        "--json",
    ]);
    assert_eq!(code, 0);
    let result: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (result["total"].as_u64(), result["exact"].as_bool()),
        (Some(1), Some(true))
    );
}

#[test]
fn neighbors_of_the_partys_leadership() {
    let ego = json(&["neighbors", "party-leadership"]);
    let nodes: BTreeSet<&str> = ego["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(
        nodes.is_superset(&BTreeSet::from(["party-leadership", "tpa", "rr"])),
        "{nodes:?}"
    );
    let relations: BTreeSet<(&str, &str, &str)> = ego["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["from"].as_str().unwrap(),
                r["kind"].as_str().unwrap(),
                r["to"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        relations.contains(&("party-leadership", "premise-of", "rr")),
        "{relations:?}"
    );
    assert!(
        relations.contains(&("tpa", "relies-on", "party-leadership")),
        "{relations:?}"
    );
    // The relations of the centre are met at step 1; the rest of the ego network is
    // the relations among its neighbours (the two strategies), at step 2.
    for relation in ego["relations"].as_array().unwrap() {
        let touches =
            relation["from"] == "party-leadership" || relation["to"] == "party-leadership";
        assert_eq!(relation["step"], if touches { 1 } else { 2 }, "{relation}");
    }
    // Two steps out reaches what the strategies serve.
    let deeper = json(&[
        "neighbors",
        "party-leadership",
        "--depth",
        "2",
        "--via",
        "relies-on",
        "serves",
    ]);
    let distance_of = |id: &str| {
        deeper["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .map(|n| n["distance"].as_u64().unwrap())
    };
    assert_eq!(distance_of("tpa"), Some(1));
    assert_eq!(distance_of("second-centenary-goal"), Some(2));
    // Grouped by kind in the text output.
    let (code, out, _) = run(&["neighbors", "party-leadership"]);
    assert_eq!(code, 0);
    assert!(out.contains("\nrelies on ("), "{out}");
    assert!(out.contains("\npremise of (2)\n"), "{out}");
}

#[test]
fn neighbors_with_nothing_in_reach_exit_1() {
    let (code, out, _) = run(&["neighbors", "party-leadership", "--paper", "wu-zhu"]);
    assert_eq!(code, 1, "{out}");
}

#[test]
fn explain_sums_up_comparisons_on_a_step_that_also_connects() {
    let (code, out, _) = run(&[
        "path",
        "industrial-poverty-alleviation",
        "second-centenary-goal",
        "--paper",
        "hao",
        "--explain",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("is the premise and foundation of Rural"),
        "{out}"
    );
    assert!(
        out.contains("The two are also compared (Hao (2021)): common ground in"),
        "{out}"
    );
    assert!(
        out.contains("`linkage diff tpa rr` sets this out."),
        "{out}"
    );
    assert!(
        !out.contains("differ in time:"),
        "differences are summed up, not spelled out: {out}"
    );
}

/// `layers` layers of `width` concepts, each joined to every concept of the next, between
/// `s` and `t`: `width^layers` shortest routes from a few hundred relations.
fn layered_graph(layers: usize, width: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let name = |l: usize, i: usize| format!("l{l}-{i}");
    let mut nodes = vec![
        json!({"id": "s", "kind": "concept", "label": "Start"}),
        json!({"id": "t", "kind": "concept", "label": "End"}),
    ];
    let mut relations = Vec::new();
    let mut relate = |from: String, to: String| {
        relations.push(json!({"kind": "premise-of", "from": from, "to": to,
            "sources": [{"paper": "p", "locator": "1", "quote": format!("{from} then {to}")}]}));
    };
    for l in 0..layers {
        for i in 0..width {
            nodes.push(json!({"id": name(l, i), "kind": "concept", "label": format!("Layer {l} item {i}")}));
            if l == 0 {
                relate("s".into(), name(l, i));
            } else {
                for j in 0..width {
                    relate(name(l - 1, j), name(l, i));
                }
            }
            if l + 1 == layers {
                relate(name(l, i), "t".into());
            }
        }
    }
    let data =
        json!({"papers": [{"id": "p", "file": "p.txt"}], "nodes": nodes, "relations": relations});
    std::fs::write(dir.path().join("data.json"), data.to_string()).unwrap();
    dir
}

#[test]
fn a_billion_shortest_routes_are_counted_and_the_limit_is_bounded() {
    let dir = layered_graph(9, 10);
    let data = dir.path().to_str().unwrap();
    // Once this aborted out of memory, listing 4294967295 routes of 10^9.
    let (code, _, err) = run(&["--data", data, "path", "s", "t", "--limit", "4294967295"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("10000"), "{err}");
    let (code, out, err) = run(&[
        "--data", data, "path", "s", "t", "--limit", "1000", "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let found: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(found["paths"].as_array().unwrap().len(), 1000);
    assert_eq!(found["total"], 1_000_000_000u64);
}
