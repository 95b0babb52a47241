//! Difference queries on the real data: `diff`, `compare`, `contested`, `paper`.
//! Expected sets are computed from `export` where the point is "everything encoded
//! shows up", and written out where the point is "this paper's claims are there".

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::common::run;

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let (code, out, err) = run(&all);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).expect("--json prints JSON")
}

/// From the export: for relations between tpa and rr of `kind`, qualifier → papers.
fn encoded(kind: &str, qualifier: &str) -> BTreeMap<String, BTreeSet<String>> {
    let export = json(&["export"]);
    let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in export["relations"].as_array().unwrap() {
        let ends = BTreeSet::from([r["from"].as_str().unwrap(), r["to"].as_str().unwrap()]);
        if r["kind"] == kind && ends == BTreeSet::from(["tpa", "rr"]) {
            let papers = r["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["paper"].as_str().unwrap().to_string());
            map.entry(r[qualifier].as_str().unwrap().to_string())
                .or_default()
                .extend(papers);
        }
    }
    map
}

fn papers_of(entries: &[Value]) -> BTreeSet<String> {
    entries
        .iter()
        .flat_map(|e| {
            e["papers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn diff_tpa_rr_shows_every_encoded_aspect_and_dimension_with_its_papers() {
    let diff = json(&["diff", "tpa", "rr"]);
    let mut aspects: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for c in diff["common_ground"].as_array().unwrap() {
        aspects
            .entry(c["topic"].as_str().unwrap().into())
            .or_default()
            .extend(papers_of(std::slice::from_ref(c)));
    }
    assert_eq!(aspects, encoded("common-ground", "aspect"));
    let dimensions: BTreeMap<String, BTreeSet<String>> = diff["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["topic"].as_str().unwrap().into(),
                papers_of(row["wordings"].as_array().unwrap()),
            )
        })
        .collect();
    assert_eq!(dimensions, encoded("differs", "dimension"));
    assert!(dimensions.len() >= 8, "{dimensions:?}");
}

fn aspects_and_dimensions(paper: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let diff = json(&["diff", "tpa", "rr", "--paper", paper]);
    let aspects = diff["common_ground"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["topic"].as_str().unwrap().to_string())
        .collect();
    let dims = diff["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["topic"].as_str().unwrap().to_string())
        .collect();
    (aspects, dims)
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}

#[test]
fn tan_liu_huang_four_common_points_and_four_differences() {
    let (aspects, dims) = aspects_and_dimensions("tan-liu-huang-2020");
    assert!(
        aspects.is_superset(&set(&[
            "dim-goals",
            "dim-content",
            "dim-main-body",
            "dim-mechanisms"
        ])),
        "{aspects:?}"
    );
    assert!(
        dims.is_superset(&set(&[
            "dim-priority",
            "dim-target-objects",
            "dim-nature",
            "dim-focus"
        ])),
        "{dims:?}"
    );
}

#[test]
fn hao_two_logical_connections_and_five_differences() {
    let (aspects, dims) = aspects_and_dimensions("hao");
    assert!(
        aspects.is_superset(&set(&["dim-theoretical-basis", "dim-function"])),
        "{aspects:?}"
    );
    assert!(
        dims.is_superset(&set(&[
            "dim-time",
            "dim-nature",
            "dim-goals",
            "dim-target-objects",
            "dim-general-requirements"
        ])),
        "{dims:?}"
    );
}

#[test]
fn bnu_dean_commonalities_and_five_differences() {
    let (aspects, dims) = aspects_and_dimensions("bnu-dean-2020");
    assert!(
        aspects.is_superset(&set(&["dim-goals", "dim-content", "dim-mechanisms"])),
        "{aspects:?}"
    );
    assert!(
        dims.is_superset(&set(&[
            "dim-priority",
            "dim-standards",
            "dim-target-objects",
            "dim-nature",
            "dim-focus"
        ])),
        "{dims:?}"
    );
}

#[test]
fn paper_filter_narrows_every_section() {
    let all = json(&["diff", "tpa", "rr"]);
    let hao = json(&["diff", "tpa", "rr", "--paper", "hao-2021"]);
    let count = |v: &Value| {
        v["common_ground"].as_array().unwrap().len() + v["differences"].as_array().unwrap().len()
    };
    assert!(count(&hao) < count(&all));
    let text = hao.to_string();
    for other in [
        "wu-zhu",
        "organic-connection",
        "bnu-dean-2020",
        "tan-liu-huang-2020",
    ] {
        assert!(
            !text.contains(&format!("\"paper\":\"{other}\"")),
            "{other} leaked into a --paper hao diff"
        );
    }
}

#[test]
fn positions_are_oriented_to_the_requested_sides() {
    let ab = json(&["diff", "tpa", "rr"]);
    let ba = json(&["diff", "rr", "tpa"]);
    let positions = |v: &Value, first: &str, second: &str| -> BTreeSet<(String, String)> {
        v["differences"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|row| row["wordings"].as_array().unwrap().iter())
            .map(|e| {
                (
                    e[first].as_str().unwrap().to_string(),
                    e[second].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        positions(&ab, "a_position", "b_position"),
        positions(&ba, "b_position", "a_position")
    );
}

#[test]
fn diff_of_two_goals_contrasts_what_serves_them() {
    let diff = json(&["diff", "first-centenary-goal", "second-centenary-goal"]);
    let serves = diff["contrast"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "serves" && c["direction"] == "in")
        .expect("both goals are served by something");
    let only_first: Vec<&str> = serves["only_a"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let only_second: Vec<&str> = serves["only_b"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        !only_first.is_empty() || !only_second.is_empty(),
        "{serves}"
    );
}

#[test]
fn compare_matrix_has_a_column_per_paper_matching_the_relations() {
    let matrix = json(&["compare", "tpa", "rr"]);
    let columns: Vec<&str> = matrix["papers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(
        columns,
        [
            "wu-zhu",
            "organic-connection",
            "bnu-dean-2020",
            "tan-liu-huang-2020",
            "hao-2021"
        ]
    );
    let common = encoded("common-ground", "aspect");
    let differs = encoded("differs", "dimension");
    for row in matrix["rows"].as_array().unwrap() {
        let expected = if row["role"] == "common-ground" {
            &common
        } else {
            &differs
        };
        let papers: BTreeSet<String> = row["papers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().into())
            .collect();
        assert_eq!(&papers, &expected[row["topic"].as_str().unwrap()], "{row}");
        assert_eq!(row["total"].as_u64().unwrap(), papers.len() as u64);
    }
    assert_eq!(
        matrix["rows"].as_array().unwrap().len(),
        common.len() + differs.len()
    );
}

#[test]
fn compare_csv_has_a_header_and_consistent_totals() {
    let (code, out, _) = run(&["compare", "tpa", "rr", "--csv"]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap(),
        "role,a,b,topic,label,wu-zhu,organic-connection,bnu-dean-2020,tan-liu-huang-2020,hao-2021,total,shared_text"
    );
    for line in lines {
        let fields: Vec<&str> = line.rsplitn(8, ',').collect();
        let total: usize = fields[1].parse().unwrap();
        let ones = fields[2..7].iter().filter(|f| **f == "1").count();
        assert_eq!(total, ones, "{line}");
    }
}

#[test]
fn contested_reports_conflicting_relations_and_attributed_views() {
    let contested = json(&["contested"]);
    let pairs = contested["pairs"].as_array().unwrap();
    let tpa_rr = pairs
        .iter()
        .find(|p| {
            p["reason"] == "related-differently"
                && BTreeSet::from([p["a"].as_str().unwrap(), p["b"].as_str().unwrap()])
                    == BTreeSet::from(["tpa", "rr"])
        })
        .expect("the papers relate tpa and rr in several ways");
    let kinds: BTreeSet<&str> = tpa_rr["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.len() >= 2, "{kinds:?}");
    let views = contested["views"].as_array().unwrap();
    let mutual = views
        .iter()
        .find(|v| v["view"]["id"] == "view-mutual-exclusion")
        .expect("Tan et al. report the mutual-exclusion view");
    assert!(mutual["relations"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["sources"][0]["paper"] == "tan-liu-huang-2020"));
}

#[test]
fn paper_outline_groups_claims_in_the_papers_order() {
    let outline = json(&["paper", "hao"]);
    assert_eq!(outline["paper"]["id"], "hao-2021");
    let groups: Vec<&str> = outline["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["heading"].as_str().unwrap())
        .collect();
    for heading in [
        "Goals",
        "How they relate",
        "Common ground",
        "Differences",
        "Mechanisms and actors",
        "Transitions",
    ] {
        assert!(
            groups.contains(&heading),
            "{heading} missing from {groups:?}"
        );
    }
    let differences = outline["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["heading"] == "Differences")
        .unwrap();
    let dims: Vec<&str> = differences["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["dimension"].as_str().unwrap())
        .collect();
    assert_eq!(
        dims,
        [
            "dim-time",
            "dim-nature",
            "dim-goals",
            "dim-target-objects",
            "dim-general-requirements"
        ],
        "in the order of 2.2.1–2.2.5"
    );
    for group in outline["groups"].as_array().unwrap() {
        for claim in group["claims"].as_array().unwrap() {
            for source in claim["sources"].as_array().unwrap() {
                assert_eq!(source["paper"], "hao-2021");
            }
        }
    }
}

#[test]
fn unknown_paper_is_a_resolution_error() {
    let (code, _, err) = run(&["diff", "tpa", "rr", "--paper", "smith"]);
    assert_eq!(code, 2);
    assert!(err.contains("no paper matches \"smith\""), "{err}");
}

#[test]
fn human_diff_and_compare_snapshots() {
    insta::assert_snapshot!(
        "diff-tpa-rr-hao",
        run(&["diff", "tpa", "rr", "--paper", "hao"]).1
    );
    insta::assert_snapshot!("compare-tpa-rr", run(&["compare", "tpa", "rr"]).1);
    insta::assert_snapshot!("paper-wu-zhu", run(&["paper", "wu-zhu", "--brief"]).1);
}

/// Lines wider than 80 terminal columns (display width: a CJK character is two
/// columns, a combining mark none), unless they hold a word too long to share a line
/// (over 40 columns: a long id, a label without spaces) that wrapping may not break.
fn too_wide(out: &str) -> Vec<String> {
    out.lines()
        .filter(|line| {
            textwrap::core::display_width(line) > 80
                && line
                    .split_whitespace()
                    .all(|word| textwrap::core::display_width(word) <= 40)
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn every_command_fits_eighty_columns_measured_by_display_width() {
    let real: &[&[&str]] = &[
        &["show", "tpa"],
        &["diff", "tpa", "rr"],
        &["compare"],
        &["compare", "tpa", "rr"],
        &["contested"],
        &["papers"],
        &["paper", "tan"],
        &["list"],
        &["search", "common prosperity"],
        &["path", "cpc", "common-prosperity"],
        &["path", "tpa", "rr", "--explain"],
        &["neighbors", "tpa"],
        &["check"],
    ];
    for args in real {
        let (code, out, err) = run(args);
        assert!(code == 0 || code == 1, "{args:?}: {err}");
        assert_eq!(too_wide(&out), Vec::<String>::new(), "{args:?}");
    }
    let wide = crate::common::fixture("wide-labels");
    let wide = wide.to_str().unwrap();
    let fixture: &[&[&str]] = &[
        &["compare"],
        &["compare", "alpha", "beta"],
        &["diff", "alpha", "beta"],
        &["contested"],
        &["papers"],
        &["paper", "p-one"],
        &["show", "alpha"],
        &["list"],
        &["path", "alpha", "beta", "--explain"],
        &["neighbors", "alpha"],
    ];
    for args in fixture {
        let mut all = vec!["--data", wide];
        all.extend_from_slice(args);
        let (code, out, err) = run(&all);
        assert!(code == 0 || code == 1, "{args:?} exited {code}: {err}");
        assert_eq!(too_wide(&out), Vec::<String>::new(), "{args:?}");
    }
}

#[test]
fn compare_pads_by_display_width_and_never_panics_on_combining_marks() {
    let wide = crate::common::fixture("wide-labels");
    let (code, out, err) = run(&["--data", wide.to_str().unwrap(), "compare"]);
    assert_eq!(code, 0, "{err}");
    // Every row's cells start in the same terminal column, whatever the label's script.
    let columns: BTreeSet<usize> = out
        .lines()
        .filter_map(|line| {
            let at = line.find(['●', '·'])?;
            Some(textwrap::core::display_width(&line[..at]))
        })
        .collect();
    assert_eq!(columns.len(), 1, "{out}");
}
