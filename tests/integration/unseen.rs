//! The unseen papers (tests/fixtures/unseen): two real abstracts the project does not
//! ship, encoded by hand as the gold standard `suggest` is measured on. The set loads
//! and checks on its own, and the shipped concepts it reuses are the shipped ones.

use std::{collections::BTreeMap, fs, path::Path};

use serde_json::Value;

use crate::common::{fixture, run};

/// Every node of the `*.json` files in `dir`, by id.
fn nodes_in(dir: &Path) -> BTreeMap<String, (String, Value)> {
    let mut nodes = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let value: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            for node in value["nodes"].as_array().into_iter().flatten() {
                let id = node["id"].as_str().unwrap().to_string();
                nodes.insert(id, (file.clone(), node.clone()));
            }
        }
    }
    nodes
}

#[test]
fn the_unseen_papers_load_and_every_quote_checks_under_its_derived_heading() {
    let dir = fixture("unseen");
    let (code, out, err) = run(&["--data", dir.to_str().unwrap(), "--no-cache", "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("2 papers, 27 claims, 27 quotes")
            && out.contains("ok: all 27 quotes found verbatim")
            && out.contains("Liu & Liu (2025) \"Abstract\"")
            && out.contains("Key counties (2023) \"Abstract\"")
            && !out.contains("warning"),
        "{out}"
    );
}

#[test]
fn the_unseen_set_reuses_shipped_concepts_as_they_are_and_names_no_other_one() {
    assert_eq!(reused_shipped_concepts("unseen"), 6);
}

#[test]
fn the_held_out_set_reuses_shipped_concepts_as_they_are_and_names_no_other_one() {
    assert_eq!(reused_shipped_concepts("heldout"), 5);
}

/// How many shipped concepts the fixture set `set` reuses, each copied into its
/// `concepts.json` as it stands in data/ (and nothing else there).
fn reused_shipped_concepts(set: &str) -> usize {
    let shipped = nodes_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"));
    let unseen = nodes_in(&fixture(set));
    let mut reused = 0;
    for (id, (file, node)) in &unseen {
        match shipped.get(id) {
            Some((_, same)) => {
                assert_eq!(
                    file, "concepts.json",
                    "{id}: a shipped concept, copied in concepts.json"
                );
                assert_eq!(node, same, "{id}: copied from data/ as it is");
                reused += 1;
            }
            None => assert_ne!(
                file, "concepts.json",
                "{id}: concepts.json holds only shipped ones"
            ),
        }
    }
    reused
}

#[test]
fn the_held_out_papers_load_and_every_quote_checks_under_its_derived_heading() {
    let dir = fixture("heldout");
    let (code, out, err) = run(&["--data", dir.to_str().unwrap(), "--no-cache", "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("2 papers, 25 claims, 26 quotes")
            && out.contains("ok: all 26 quotes found verbatim")
            && out.contains("Jinggu (2022) \"1. Introduction\"")
            && out.contains("Sun, Zhang & Wang (2025) \"Abstract\"")
            && !out.contains("warning"),
        "{out}"
    );
}
