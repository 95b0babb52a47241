//! Teaching material: the explorer page in a real browser (Debian's chromium through
//! selenium, `tests/browser/explorer.py`), compared with the library's own answers.

use std::{path::PathBuf, process::Command as Process};

use linkage::{
    load,
    query::{diff::diff, PathQuery},
    ConceptGraph, DataSource,
};
use petgraph::graph::NodeIndex;
use serde_json::{json, Value};

use crate::common::linkage as linkage_bin;

fn graph() -> ConceptGraph {
    load(&DataSource::Embedded)
        .expect("the shipped data loads")
        .graph
}

/// A directory under the test target dir, emptied first; screenshots stay there to look at.
fn out_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the target dir is writable");
    dir
}

fn id(graph: &ConceptGraph, ix: NodeIndex) -> String {
    graph.node(ix).id.clone()
}

fn ix(graph: &ConceptGraph, id: &str) -> NodeIndex {
    graph.index_of(id).expect("a known id")
}

/// The library's shortest routes, as `linkage path --json` computes them.
fn library_path(graph: &ConceptGraph, a: &str, b: &str, papers: &[String]) -> Value {
    let mut query = PathQuery::new(ix(graph, a), ix(graph, b));
    query.filter.papers = papers.to_vec();
    let result = query.run(graph).expect("the query runs");
    json!({
        "total": result.total,
        "paths": result.paths.iter()
            .map(|p| p.nodes.iter().map(|&v| id(graph, v)).collect::<Vec<_>>())
            .collect::<Vec<_>>(),
    })
}

/// The library's comparison, as `linkage diff --json` computes it: direct relations,
/// common ground by aspect and differences by dimension, each with its papers.
fn library_diff(graph: &ConceptGraph, a: &str, b: &str, papers: &[String]) -> Value {
    let d = diff(graph, ix(graph, a), ix(graph, b), papers);
    json!({
        "direct": d.direct.iter().map(|c| json!({
            "kind": c.relation.kind, "papers": c.papers(),
        })).collect::<Vec<_>>(),
        "common": d.common_ground.iter().map(|c| json!({
            "aspect": c.relation.aspect.map(|v| id(graph, v)), "papers": c.papers(),
        })).collect::<Vec<_>>(),
        "differences": d.differences.iter().map(|row| json!({
            "dimension": id(graph, row.dimension),
            "entries": row.entries.iter().map(|x| json!({
                "a": x.a_position, "b": x.b_position, "papers": x.claim.papers(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

#[test]
fn the_explorer_works_in_chromium_and_answers_as_the_library_does() {
    if std::env::var_os("LINKAGE_SKIP_BROWSER").is_some() {
        eprintln!("LINKAGE_SKIP_BROWSER is set: the browser test does not run");
        return;
    }
    let graph = graph();
    let dir = out_dir("explorer");
    let page = dir.join("explorer.html");
    linkage_bin()
        .args(["html", "-o"])
        .arg(&page)
        .assert()
        .success();
    let ids: Vec<String> = graph
        .nodes()
        .filter(|n| matches!(n.kind.as_str(), "strategy" | "goal" | "mechanism"))
        .map(|n| n.id.clone())
        .collect();
    assert!(
        ids.len() > 60,
        "about seventy strategies, goals and mechanisms"
    );
    let paper = "hao-2021";
    let input = json!({
        "node_count": graph.node_count(),
        "relation_count": graph.relation_count(),
        "search": {"zh": "精准扶贫", "id": "tpa"},
        "click": "rr",
        "path": ["tpa", "common-prosperity"],
        "paper": paper,
        "diff": ["tpa", "rr"],
        "ids": ids,
        "filters": ["", paper],
    });
    let input_file = dir.join("input.json");
    std::fs::write(&input_file, input.to_string()).expect("writable");
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser/explorer.py");
    let run = Process::new("python3")
        .arg(&script)
        .arg(&page)
        .arg(&input_file)
        .arg(&dir)
        .output()
        .expect(
            "python3 runs (chromium, chromium-driver and `pip install selenium` are needed: \
             see .ci/run; LINKAGE_SKIP_BROWSER=1 skips this test)",
        );
    assert!(
        run.status.success(),
        "the browser script failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );

    // Every pair, under no filter and under one paper: the page's answers are the library's.
    let answers: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("answers.json")).unwrap()).unwrap();
    let mut compared = 0;
    for filter in ["", paper] {
        let papers: Vec<String> = if filter.is_empty() {
            Vec::new()
        } else {
            vec![filter.to_string()]
        };
        let rows = answers[filter].as_array().expect("answers per filter");
        assert_eq!(rows.len(), ids.len() * (ids.len() - 1));
        for row in rows {
            let (a, b) = (row["a"].as_str().unwrap(), row["b"].as_str().unwrap());
            assert_eq!(
                row["path"],
                library_path(&graph, a, b, &papers),
                "path {a} -> {b} under [{filter}]"
            );
            if a < b {
                assert_eq!(
                    row["diff"],
                    library_diff(&graph, a, b, &papers),
                    "diff {a} {b} under [{filter}]"
                );
            }
            compared += 1;
        }
    }
    assert!(compared > 9000);

    // What the page showed.
    let shown: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("shown.json")).unwrap()).unwrap();
    let tpa = graph.node(ix(&graph, "tpa"));
    assert_eq!(shown["search_title"], tpa.label.as_str());
    let shown_quote = shown["first_quote"].as_str().unwrap();
    let quote = shown_quote
        .strip_prefix('“')
        .and_then(|q| q.strip_suffix('”'))
        .expect("a quote in quotation marks");
    assert!(
        graph.incident(ix(&graph, "tpa")).iter().any(|i| i
            .relation
            .sources
            .iter()
            .any(|s| s.quote.trim() == quote)),
        "the quote shown is one of tpa's: {quote}"
    );
    assert_eq!(shown["clicked_title"], "Rural revitalization");
    assert!(!shown["relation_quotes"].as_array().unwrap().is_empty());
    assert!(
        shown["relation_citations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c.as_str().unwrap().contains('(')),
        "every source has its full citation"
    );
    let path = library_path(&graph, "tpa", "common-prosperity", &[]);
    let routes = path["paths"].as_array().unwrap();
    let (total, steps) = (
        path["total"].as_u64().unwrap(),
        routes[0].as_array().unwrap().len() - 1,
    );
    let plural = |n: u64| if n == 1 { "" } else { "s" };
    assert_eq!(
        shown["path_summary"],
        format!(
            "{total} shortest chain{} of {steps} step{}",
            plural(total),
            plural(steps as u64)
        )
    );
    let label = |id: &Value| graph.node(ix(&graph, id.as_str().unwrap())).label.clone();
    let chains: Vec<String> = routes
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let labels: Vec<String> = r.as_array().unwrap().iter().map(label).collect();
            format!("Chain {}: {}", i + 1, labels.join(" → "))
        })
        .collect();
    assert_eq!(shown["path_chains"], json!(chains));
    let by_paper = library_path(&graph, "tpa", "common-prosperity", &[paper.to_string()]);
    assert_eq!(
        shown["paper_path_chains"].as_array().unwrap().len(),
        by_paper["paths"].as_array().unwrap().len()
    );
    let d = library_diff(&graph, "tpa", "rr", &[]);
    let aspects: Vec<String> = d["common"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| label(&c["aspect"]))
        .collect();
    assert_eq!(shown["diff_aspects"], json!(aspects));
    let dimensions: Vec<String> = d["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| label(&row["dimension"]))
        .collect();
    assert_eq!(shown["diff_dimensions"], json!(dimensions));
    assert_eq!(shown["zh_label"], tpa.label_zh.as_deref().unwrap());
    assert!(shown["zh_diff_title"]
        .as_str()
        .unwrap()
        .contains("乡村振兴"));
}

#[test]
fn the_explorer_is_one_file_that_asks_for_nothing() {
    let dir = out_dir("explorer-file");
    let page = dir.join("explorer.html");
    linkage_bin()
        .args(["html", "--paper", "hao", "-o"])
        .arg(&page)
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("content=\"default-src 'none';"));
    assert!(html.contains("\"initialPaper\":\"hao-2021\""));
    for reference in [
        "src=",
        "href=",
        "@import",
        "url(http",
        "fetch(",
        "XMLHttpRequest",
    ] {
        assert!(
            !html.contains(reference),
            "the page refers out: {reference}"
        );
    }
    // A quote cannot close the data's script element.
    assert_eq!(html.matches("</script>").count(), 2);
}

#[test]
fn html_refuses_an_unknown_paper_and_writes_nothing() {
    let dir = out_dir("explorer-bad");
    let page = dir.join("explorer.html");
    let out = linkage_bin()
        .args(["html", "--paper", "nobody", "-o"])
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nobody"));
    assert!(!page.exists());
}
