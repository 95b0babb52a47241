//! `show NODE` and `path A B` from part of a warm cache (src/cache/partial.rs) print
//! exactly what the whole dataset prints: on the project's papers for every node and
//! many pairs, on small random datasets (proptest), and when the cache's index of
//! sections is damaged or changed by hand (then the whole dataset answers, no panic).

use std::{fs, path::Path};

use proptest::prelude::*;
use serde_json::json;

use crate::cache::{dataset, run};

/// `args` on `data` from the warm cache in `cache` and with `--no-cache`: the same
/// exit code, stdout and stderr.
fn same_answer(cache: &Path, data: &Path, args: &[&str]) {
    let warm = run(cache, data, false, args);
    let whole = run(cache, data, true, args);
    assert_eq!(warm, whole, "linkage {args:?}");
}

/// The node ids of the dataset in `data`, in data order.
fn node_ids(cache: &Path, data: &Path) -> Vec<String> {
    let (code, out, _) = run(cache, data, true, &["--json", "list"]);
    assert_eq!(code, 0);
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<String> = list["nodes"]
        .as_array()
        .expect("list --json has nodes")
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!ids.is_empty());
    ids
}

#[test]
fn every_show_from_part_of_the_cache_is_the_whole_answer() {
    let data = dataset();
    let cache = tempfile::tempdir().unwrap();
    // The first run writes the cache.
    let _ = run(cache.path(), data.path(), false, &["check"]);
    for (i, id) in node_ids(cache.path(), data.path()).iter().enumerate() {
        same_answer(cache.path(), data.path(), &["show", id]);
        if i % 2 == 0 {
            same_answer(cache.path(), data.path(), &["--json", "show", id]);
        }
    }
    for args in [
        &["show", "tpa", "--paper", "hao"][..],
        &["show", "tpa", "--quotes"],
        &["show", "TPA", "--brief"],
        &["show", "精准扶贫"],
        &["show", "no such concept at all"],
        &["show", "poverty"],
    ] {
        same_answer(cache.path(), data.path(), args);
    }
}

#[test]
fn paths_from_part_of_the_cache_are_the_whole_answer() {
    let data = dataset();
    let cache = tempfile::tempdir().unwrap();
    let _ = run(cache.path(), data.path(), false, &["check"]);
    let ids = node_ids(cache.path(), data.path());
    // A spread of pairs: every 37th node against every 31st.
    for (i, from) in ids.iter().enumerate().step_by(37) {
        for to in ids.iter().skip(i % 5).step_by(31) {
            same_answer(cache.path(), data.path(), &["path", from, to]);
            same_answer(
                cache.path(),
                data.path(),
                &["--json", "path", from, to, "--undirected"],
            );
        }
    }
    for args in [
        &[
            "path",
            "industrial-poverty-alleviation",
            "second-centenary-goal",
            "--explain",
        ][..],
        &["path", "cpc", "common-prosperity", "--max-len", "2"],
        &["path", "cpc", "common-prosperity", "--max-len", "1"],
        &[
            "path",
            "cpc",
            "common-prosperity",
            "--via",
            "premise-of,serves",
        ],
        &["path", "cpc", "common-prosperity", "--via", "no-such-kind"],
        &[
            "path",
            "cpc",
            "common-prosperity",
            "--avoid",
            "party-leadership",
        ],
        &[
            "path",
            "cpc",
            "common-prosperity",
            "--limit",
            "1",
            "--undirected",
        ],
        &["path", "cpc", "cpc"],
        &["path", "cpc", "nowhere-at-all"],
        &["--json", "path", "tpa", "rr", "--brief"],
    ] {
        same_answer(cache.path(), data.path(), args);
    }
}

/// Where the index of sections is in a cache file: after the header and the front,
/// behind its length (a postcard varint).
fn sections_at(bytes: &[u8]) -> (usize, usize) {
    let header = 36;
    let front = usize::try_from(u64::from_le_bytes(bytes[20..28].try_into().unwrap())).unwrap();
    let mut at = header + front;
    let (mut len, mut shift) = (0usize, 0);
    loop {
        let byte = bytes[at];
        at += 1;
        len |= usize::from(byte & 0x7f) << shift;
        shift += 7;
        if byte & 0x80 == 0 {
            break;
        }
    }
    (at, len)
}

#[test]
fn a_changed_index_of_sections_is_a_miss_never_a_panic() {
    let data = dataset();
    let cache = tempfile::tempdir().unwrap();
    let _ = run(cache.path(), data.path(), false, &["check"]);
    let file = crate::cache::the_cache_file(cache.path());
    let whole = fs::read(&file).unwrap();
    let (at, len) = sections_at(&whole);
    let edges = usize::try_from(u64::from_le_bytes(whole[at..at + 8].try_into().unwrap())).unwrap();
    assert!(edges > 100, "the index counts the relations");
    let starts = at + 16;
    let ends = starts + (edges + 2) * 8;
    let kinds = ends + edges * 8;
    let topics = kinds + edges * 2;
    assert!(topics <= at + len);
    // Each change, sealed with a fresh checksum as a hand would. Those that break the
    // index (a count, an offset, an index out of range) are misses: the whole dataset
    // answers. Those that keep it well formed but untrue (an end or a kind changed to
    // another in range) are trusted as a whole cache's content is, but never panic.
    let detected: Vec<(usize, Vec<u8>)> = vec![
        (at, (edges as u64 + 1).to_le_bytes().to_vec()),
        (at, u64::MAX.to_le_bytes().to_vec()),
        (at + 8, u64::MAX.to_le_bytes().to_vec()),
        (starts + 8 * 3, u64::MAX.to_le_bytes().to_vec()),
        (starts + 8 * 3, 5u64.to_le_bytes().to_vec()),
        (starts + 8 * (edges + 1), 0u64.to_le_bytes().to_vec()),
        (ends + 8 * 2, u32::MAX.to_le_bytes().to_vec()),
        (kinds, u16::MAX.to_le_bytes().to_vec()),
        (topics.min(at + len - 4), u32::MAX.to_le_bytes().to_vec()),
    ];
    let untrue: Vec<(usize, Vec<u8>)> = vec![
        (ends + 8 * 2, 0u32.to_le_bytes().to_vec()),
        (kinds + 2 * 5, 1u16.to_le_bytes().to_vec()),
    ];
    let changes = detected
        .into_iter()
        .map(|c| (c, true))
        .chain(untrue.into_iter().map(|c| (c, false)));
    for (i, ((offset, bytes), is_detected)) in changes.enumerate() {
        let mut sealed = whole.clone();
        sealed[offset..offset + bytes.len()].copy_from_slice(&bytes);
        fs::write(&file, linkage::cache::seal(&sealed[36..])).unwrap();
        for args in [
            &["show", "tpa"][..],
            &["path", "cpc", "common-prosperity"],
            &["--json", "path", "tpa", "rr", "--undirected"],
        ] {
            let (code, out, err) = run(cache.path(), data.path(), false, args);
            assert!(!err.contains("panicked"), "change {i}: {err}");
            if is_detected {
                let whole_answer = run(cache.path(), data.path(), true, args);
                assert_eq!(
                    (code, out),
                    (whole_answer.0, whole_answer.1),
                    "change {i}: {args:?}"
                );
            } else {
                assert!(code == 0 || code == 1, "change {i}: {args:?} exited {code}");
            }
        }
    }
}

/// A small dataset: `nodes` concepts, the claims `(kind, from, to, paper)`, some of
/// them comparisons along a dimension node.
fn small_dataset(nodes: usize, claims: &[(usize, usize, usize, usize)]) -> tempfile::TempDir {
    const KINDS: [&str; 4] = [
        "premise-of",
        "part-of",
        "mutually-promotes",
        "common-ground",
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut node_list: Vec<_> = (0..nodes)
        .map(|i| json!({"id": format!("c{i}"), "kind": "concept", "label": format!("Concept {i}")}))
        .collect();
    node_list.push(json!({"id": "d", "kind": "dimension", "label": "The dimension"}));
    let relations: Vec<_> = claims
        .iter()
        .enumerate()
        .filter(|(_, (_, from, to, _))| from != to)
        .map(|(i, &(kind, from, to, paper))| {
            let mut relation = json!({"kind": KINDS[kind], "from": format!("c{from}"),
                "to": format!("c{to}"),
                "sources": [{"paper": format!("p{paper}"), "locator": "1",
                             "quote": format!("claim {i}")}]});
            if KINDS[kind] == "common-ground" {
                relation["aspect"] = json!("d");
            }
            relation
        })
        .collect();
    let papers: Vec<_> = (0..2)
        .map(|i| json!({"id": format!("p{i}"), "file": format!("p{i}.txt")}))
        .collect();
    let data = json!({"papers": papers, "nodes": node_list, "relations": relations});
    fs::write(dir.path().join("data.json"), data.to_string()).unwrap();
    dir
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// On a random small dataset, `show` of a random node and `path` between a random
    /// pair (directed and not, bounded or not) from the warm cache print what the
    /// whole dataset prints, as text and as JSON.
    #[test]
    fn part_of_the_cache_answers_as_the_whole_dataset(
        (nodes, claims, a, b, max_len) in (2usize..9).prop_flat_map(|nodes| (
            Just(nodes),
            prop::collection::vec((0usize..4, 0..nodes, 0..nodes, 0usize..2), 0..30),
            0..nodes,
            0..nodes,
            prop::option::of(1u8..4),
        ))
    ) {
        let data = small_dataset(nodes, &claims);
        let cache = tempfile::tempdir().unwrap();
        let _ = run(cache.path(), data.path(), false, &["check"]);
        let (a, b) = (format!("c{a}"), format!("c{b}"));
        let max = max_len.map(|m| m.to_string());
        let mut path = vec!["path", a.as_str(), b.as_str()];
        if let Some(max) = &max {
            path.extend(["--max-len", max.as_str()]);
        }
        let mut undirected = path.clone();
        undirected.push("--undirected");
        for args in [
            vec!["show", a.as_str()],
            vec!["show", "d"],
            path.clone(),
            undirected,
            vec!["path", a.as_str(), b.as_str(), "--via", "mutually-promotes"],
        ] {
            let mut json = vec!["--json"];
            json.extend(&args);
            for args in [args, json] {
                let warm = run(cache.path(), data.path(), false, &args);
                let whole = run(cache.path(), data.path(), true, &args);
                prop_assert_eq!(warm, whole, "{:?}", args);
            }
        }
    }
}
