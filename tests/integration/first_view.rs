//! The explorer's first view, in Debian's chromium (`tests/browser/explorer.py
//! --first-view`): it opens on the answer, the comparison of the two strategies, with
//! both drawn large and clear of the legend, and nothing faded.

use std::{path::PathBuf, process::Command as Process};

use serde_json::Value;

use crate::common::linkage;

fn overlap(a: &Value, b: &Value) -> bool {
    let f = |v: &Value, i: usize| v[i].as_f64().unwrap();
    f(a, 0) < f(b, 2) && f(b, 0) < f(a, 2) && f(a, 1) < f(b, 3) && f(b, 1) < f(a, 3)
}

fn inside(inner: &Value, outer: &Value) -> bool {
    let f = |v: &Value, i: usize| v[i].as_f64().unwrap();
    f(inner, 0) >= f(outer, 0)
        && f(inner, 1) >= f(outer, 1)
        && f(inner, 2) <= f(outer, 2)
        && f(inner, 3) <= f(outer, 3)
}

/// At 1366x768, 1920x1080 and 390x844 the explorer opens on the Compare tab with
/// Targeted poverty alleviation and Rural revitalization compared, both drawn whole
/// inside the drawing and clear of the legend (which covered tpa), their labels at
/// least 14 px on a laptop and 20 px on a projector, and no concept faded.
#[test]
#[ignore = "needs Graphviz, Chromium and selenium: scripts/test-deps.sh"]
fn the_explorer_opens_on_the_two_strategies_compared_clear_of_the_legend() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("explorer-first-view");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("explorer.html");
    linkage().args(["html", "-o"]).arg(&page).assert().success();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser/explorer.py");
    let run = Process::new("python3")
        .arg(&script)
        .arg("--first-view")
        .arg(&page)
        .arg(&dir)
        .args(["node-tpa", "node-rr"])
        .output()
        .expect("python3 runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let shown: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("first-view.json")).unwrap())
            .unwrap();
    for (size, least_label) in [("1366x768", 14.0), ("1920x1080", 20.0), ("390x844", 0.0)] {
        let view = &shown[size];
        assert_eq!(view["tab"], "tab-diff", "{size}: the Compare tab");
        assert_eq!(
            view["compared"], "Targeted poverty alleviation and Rural revitalization",
            "{size}"
        );
        assert_eq!(view["faded"], 0, "{size}: nothing faded");
        for id in ["node-tpa", "node-rr"] {
            let node = &view["nodes"][id];
            assert!(
                inside(&node["rect"], &view["canvas"]),
                "{size}: {id} drawn whole: {node}"
            );
            if !view["legend"].is_null() {
                assert!(
                    !overlap(&node["rect"], &view["legend"]),
                    "{size}: the legend covers {id}"
                );
            }
            let label = node["label"].as_f64().unwrap();
            assert!(label >= least_label, "{size}: {id}'s label {label} px");
        }
    }
}
