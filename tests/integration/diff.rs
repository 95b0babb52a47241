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

/// The whole dataset as `export` writes it (JSON is its default format; `export` has
/// no `--json`).
fn exported() -> Value {
    let (code, out, err) = run(&["export"]);
    assert_eq!(code, 0, "export: {err}");
    serde_json::from_str(&out).expect("export writes JSON")
}

/// From the export: for relations between tpa and rr of `kind`, topic → papers.
fn encoded(kind: &str, topic: &str) -> BTreeMap<String, BTreeSet<String>> {
    let export = exported();
    let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in export["relations"].as_array().unwrap() {
        let ends = BTreeSet::from([r["from"].as_str().unwrap(), r["to"].as_str().unwrap()]);
        if r["kind"] == kind && ends == BTreeSet::from(["tpa", "rr"]) {
            let papers = r["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["paper"].as_str().unwrap().to_string());
            map.entry(r[topic].as_str().unwrap().to_string())
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
fn contested_with_all_lists_pairs_related_in_different_ways() {
    let disputes = json(&["contested", "--all"]);
    let tpa_rr = disputes["disputes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| {
            d["kind"] == "related-differently"
                && BTreeSet::from([
                    d["subject"][0].as_str().unwrap(),
                    d["subject"][1].as_str().unwrap(),
                ]) == BTreeSet::from(["tpa", "rr"])
        })
        .expect("the papers relate tpa and rr in several ways");
    assert!(tpa_rr["sides"].as_array().unwrap().len() >= 2, "{tpa_rr}");
    assert_eq!(tpa_rr["strength"], "related");
    // Without --all they are left out.
    let default = json(&["contested"]);
    assert!(default["disputes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["strength"] != "related"));
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

/// Every query that narrows by `--paper` resolves it through the one `PaperFilter`: an
/// unknown paper exits 2 with the papers there are, a misspelt one names the closest,
/// and nothing is printed as if the filter had merely kept nothing.
#[test]
fn an_unknown_paper_names_the_closest_in_every_query() {
    let (code, out, err) = run(&["diff", "tpa", "rr", "--paper", "no-such-paper"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("no paper matches \"no-such-paper\""), "{err}");
    assert!(err.contains("papers: wu-zhu, organic-connection"), "{err}");
    for args in [
        &["diff", "tpa", "rr"][..],
        &["compare"],
        &["contested"],
        &["list"],
        &["show", "tpa"],
        &["search", "poverty"],
        &["neighbors", "tpa"],
        &["path", "tpa", "rr"],
        &["match", "poverty"],
        &["papers"],
        &["locate", "poverty"],
        &["dot", "--focus", "tpa"],
        &["export", "--format", "graphml"],
    ] {
        let mut args = args.to_vec();
        args.extend(["--paper", "hao-2012"]);
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(
            err.contains("no paper matches \"hao-2012\"; the closest: hao-2021 (Hao (2021))"),
            "{args:?}: {err}"
        );
    }
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
        &["match", "rural-urban integration"],
        &["match", "tourism poverty alleviation"],
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
        &["match", "alpha"],
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

/// The rows of `compare A B --json` with at least `n` papers, as (role, topic).
fn agreed_by(a: &str, b: &str, n: u64) -> BTreeSet<(String, String)> {
    json(&["compare", a, b])["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["total"].as_u64().unwrap() >= n)
        .map(|r| {
            (
                r["role"].as_str().unwrap().to_string(),
                r["label"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn min_papers_counts_papers_on_the_same_comparison_as_compare_does() {
    let (code, dot, err) = run(&[
        "dot",
        "--diff",
        "tpa",
        "rr",
        "--via",
        "differs",
        "--min-papers",
        "2",
    ]);
    assert_eq!(code, 0, "{err}");
    let expected: Vec<String> = agreed_by("tpa", "rr", 2)
        .into_iter()
        .filter(|(role, _)| role == "difference")
        .map(|(_, label)| label)
        .collect();
    assert!(
        expected.iter().any(|l| l == "Target objects"),
        "{expected:?}"
    );
    for label in &expected {
        let first_words: String = label
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            dot.contains(&first_words),
            "{label} missing from the diagram"
        );
    }
    // Differences only one paper names stay out.
    assert!(!dot.contains("\"Standards\""), "{dot}");
    // The agreement rests partly on two papers that share text: said on stderr.
    assert!(
        err.contains("BNU Dean (2020) and Tan, Liu & Huang (2020)"),
        "{err}"
    );
    // A plain graph with --min-papers keeps a comparison as many papers make it.
    let (_, overview, _) = run(&[
        "dot",
        "--focus",
        "tpa",
        "--depth",
        "1",
        "--via",
        "differs",
        "--min-papers",
        "4",
    ]);
    assert!(overview.contains("Target objects"), "{overview}");
}

#[test]
fn agreement_between_papers_that_share_text_is_flagged() {
    let (_, table, _) = run(&["compare", "tpa", "rr"]);
    let target = table
        .lines()
        .find(|l| l.trim_start().starts_with("Target objects"))
        .unwrap();
    assert!(target.trim_end().ends_with("4*"), "{target}");
    let systematic = table
        .lines()
        .find(|l| l.trim_start().starts_with("Systematic character"))
        .unwrap();
    assert!(
        systematic.trim_end().ends_with('2'),
        "Hao and Tan share no text: {systematic}"
    );
    assert!(
        table.contains("* the total counts papers that share passages of text"),
        "{table}"
    );
    let matrix = json(&["compare", "tpa", "rr"]);
    let row = matrix["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["topic"] == "dim-target-objects")
        .unwrap();
    assert_eq!(
        row["shared_text"],
        serde_json::json!([["bnu-dean-2020", "tan-liu-huang-2020"]])
    );
    let (_, diff, _) = run(&["diff", "tpa", "rr", "--brief"]);
    assert!(
        diff.contains("note: BNU Dean (2020) and Tan, Liu & Huang (2020) share passages of text"),
        "{diff}"
    );
    let (_, papers, _) = run(&["papers"]);
    assert!(
        papers.contains("shares passages of text with: Tan, Liu & Huang (2020)"),
        "{papers}"
    );
}

#[test]
fn inferred_citation_facts_are_shown_as_inferred() {
    let (_, papers, _) = run(&["papers"]);
    assert!(papers.contains("year: 2020 (inferred)"), "BNU: {papers}");
    assert!(papers.contains("year: 2021 (inferred)"), "Hao: {papers}");
    assert!(
        !papers.contains("Huang; year: 2020 (inferred)"),
        "Tan's year is printed"
    );
    let json = json(&["papers"]);
    let hao = json
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "hao-2021")
        .unwrap();
    assert!(hao["inferred"]["year"].as_str().unwrap().contains("2021"));
}

#[test]
fn a_claim_is_counted_the_same_way_by_papers_and_paper() {
    let export = exported();
    let listed = json(&["papers"]);
    for paper in listed.as_array().unwrap() {
        let id = paper["id"].as_str().unwrap();
        let relations = export["relations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| {
                r["sources"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|s| s["paper"] == id)
            })
            .count();
        // A claim is a relation or a fact as one paper asserts it.
        let facts = export["facts"].as_array().cloned().unwrap_or_default();
        let relations = relations
            + facts
                .iter()
                .filter(|f| {
                    f["sources"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|s| s["paper"] == id)
                })
                .count();
        let quotes: usize = export["relations"]
            .as_array()
            .unwrap()
            .iter()
            .chain(&facts)
            .flat_map(|r| r["sources"].as_array().unwrap())
            .filter(|s| s["paper"] == id)
            .count();
        assert_eq!(paper["claims"], relations, "{id}");
        assert_eq!(paper["quotes"], quotes, "{id}");
        let outline = json(&["paper", id]);
        assert_eq!(outline["paper"]["claims"], relations, "{id}");
        assert_eq!(outline["paper"]["quotes"], quotes, "{id}");
    }
    let (_, tan, _) = run(&["paper", "tan", "--brief"]);
    let (_, papers, _) = run(&["papers"]);
    let count = tan
        .lines()
        .find(|l| l.contains(" claims, "))
        .unwrap()
        .trim()
        .to_string();
    assert!(
        count.ends_with("quotes") && count.contains("claims"),
        "{count}"
    );
    assert!(
        papers.contains(&count),
        "`papers` and `paper tan` disagree: {count}"
    );
}

#[test]
fn a_query_that_finds_nothing_exits_1_everywhere() {
    // Wu & Zhu say nothing of the first centenary goal.
    let (code, out, _) = run(&["diff", "first-centenary-goal", "rr", "--paper", "wu"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("none recorded"), "{out}");
    let (code, _, _) = run(&["path", "first-centenary-goal", "rr", "--paper", "wu"]);
    assert_eq!(code, 1);
    let (code, _, _) = run(&["compare", "first-centenary-goal", "rr", "--paper", "wu"]);
    assert_eq!(code, 1);
    // Two goals: no relation between them, but what serves each is a comparison.
    let (code, _, _) = run(&["diff", "first-centenary-goal", "second-centenary-goal"]);
    assert_eq!(code, 0);
}

#[test]
fn counts_agree_with_their_nouns_and_positions_line_up() {
    let wide = crate::common::fixture("wide-labels");
    let (code, out, err) = run(&["--data", wide.to_str().unwrap(), "diff", "alpha", "gamma"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Common ground (1 aspect)\n"), "{out}");
    assert!(out.contains("Differences (1 dimension)\n"), "{out}");
    assert!(
        // "stratégie" with a combining accent: one column, as the wrapping counts it.
        out.contains("      Alpha strate\u{301}gie: long\n      Gamma:           short\n"),
        "{out}"
    );
    let (_, tpa_rr, _) = run(&["diff", "tpa", "rr", "--paper", "hao"]);
    assert!(
        tpa_rr.contains("      Targeted poverty alleviation: put forward in 2013"),
        "{tpa_rr}"
    );
    // Names too long to align under: each position follows its name, nothing padded.
    assert!(
        tpa_rr.contains("      Rural revitalization: put forward by the 19th"),
        "{tpa_rr}"
    );
    assert!(!tpa_rr.contains("revitalization :"), "{tpa_rr}");
}

#[test]
fn a_plural_subject_reads_with_a_plural_verb_and_templates_use_neutral_words() {
    let wide = crate::common::fixture("wide-labels");
    let (_, out, _) = run(&[
        "--data",
        wide.to_str().unwrap(),
        "path",
        "village-cadres",
        "alpha",
        "--explain",
    ]);
    assert!(out.contains("Village cadres drive Alpha"), "{out}");
    let (_, hao, _) = run(&[
        "path",
        "tpa",
        "rr",
        "--via",
        "premise-of",
        "--paper",
        "hao",
        "--explain",
    ]);
    // The paper's own words stay in the quote; the sentence does not borrow them.
    assert!(
        hao.contains("Targeted poverty alleviation is a premise of Rural"),
        "{hao}"
    );
    assert_eq!(hao.matches("premise and foundation").count(), 1, "{hao}");
}

#[test]
fn every_command_prints_symmetric_relations_with_two_heads() {
    for args in [
        &["contested", "--all"][..],
        &["diff", "tpa", "rr"],
        &["paper", "tan"],
        &["show", "tpa"],
    ] {
        let (_, out, _) = run(args);
        for line in out.lines() {
            if let Some(at) = line.find("--promotes") {
                assert!(line[..at].ends_with('<'), "{args:?}: {line}");
            }
        }
    }
    let (_, contested, _) = run(&["contested", "--all", "--brief"]);
    assert!(
        contested.contains(
            "Targeted poverty alleviation <--promotes each other--> Rural revitalization"
        ),
        "{contested}"
    );
}

#[test]
fn paper_outline_follows_the_order_of_the_text() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let (code, out, err) = run(&["--data", data.to_str().unwrap(), "paper", "hao"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("not at hand"), "{out}");
    let first = out
        .lines()
        .skip_while(|l| !l.starts_with("  1. "))
        .find(|l| l.trim_start().starts_with('['))
        .unwrap();
    assert!(
        !first.contains("Epilogue"),
        "item 1 from the epilogue: {first}"
    );
    // Within each heading, the first quotes of the claims come in the text's order.
    let text = std::fs::read_to_string(data.join("texts/004_c1c25bd65598080b.txt")).unwrap();
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = collapse(&text);
    let outline = json(&["--data", data.to_str().unwrap(), "paper", "hao"]);
    assert_eq!(outline["text_order"], true);
    for group in outline["groups"].as_array().unwrap() {
        let places: Vec<usize> = group["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let quote = collapse(c["sources"][0]["quote"].as_str().unwrap());
                text.find(&quote).unwrap_or(usize::MAX)
            })
            .collect();
        assert!(
            places.windows(2).all(|w| w[0] <= w[1]),
            "{}: {places:?}",
            group["heading"]
        );
    }
}

#[test]
fn diff_compare_and_contested_read_one_comparison_model() {
    let matrix = json(&["compare", "tpa", "rr"]);
    let diff = json(&["diff", "tpa", "rr"]);
    let rows_of = |section: &str| -> BTreeMap<String, Value> {
        diff[section]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["topic"].as_str().unwrap().to_string(),
                    r["papers"].clone(),
                )
            })
            .collect()
    };
    let (common, differ) = (rows_of("common_ground"), rows_of("differences"));
    for row in matrix["rows"].as_array().unwrap() {
        let section = if row["role"] == "common-ground" {
            &common
        } else {
            &differ
        };
        let topic = row["topic"].as_str().unwrap();
        assert_eq!(
            section[topic], row["papers"],
            "{topic}: diff and compare disagree"
        );
    }
    // Every aspect that some paper names common ground and another paper a difference
    // is a classification dispute.
    let contested = json(&["contested"]);
    let papers = |v: &Value| -> BTreeSet<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_string())
            .collect()
    };
    for topic in common.keys().filter(|t| differ.contains_key(*t)) {
        let (agree, disagree) = (papers(&common[topic]), papers(&differ[topic]));
        let by_different_papers = agree.iter().any(|p| disagree.iter().any(|q| p != q));
        let found = contested["disputes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["kind"] == "classification" && d["topic"] == topic.as_str());
        assert_eq!(found, by_different_papers, "{topic}");
    }
}

/// Names, not ids: human output names concepts by their labels. An id appears only
/// where a reader learns or types one: `list`, the heading of `show`, and the
/// `linkage ...` commands printed to be copied.
#[test]
fn human_output_names_concepts_by_label_not_id() {
    let listed: Value = serde_json::from_str(&run(&["--json", "list"]).1).unwrap();
    let nodes = &listed["nodes"];
    // Ids that are not words a label could use (hyphenated, or an abbreviation).
    let ids: Vec<String> = nodes
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .filter(|id| id.contains('-') || ["tpa", "rr", "cpc"].contains(&id.as_str()))
        .collect();
    for args in [
        &["show", "tpa"][..],
        &["diff", "tpa", "rr"],
        &["contested", "--all"],
        &["paper", "tan"],
        &[
            "path",
            "cpc",
            "common-prosperity",
            "--all",
            "--max-len",
            "3",
        ],
        &[
            "path",
            "industrial-poverty-alleviation",
            "second-centenary-goal",
            "--explain",
        ],
        &["neighbors", "party-leadership"],
        &["search", "common prosperity"],
        &["compare", "tpa", "rr"],
        &["check", "--unreviewed"],
    ] {
        let (_, out, _) = run(args);
        let skip_heading = args[0] == "show";
        for (n, line) in out.lines().enumerate() {
            if line.contains("linkage ") || (skip_heading && line.contains("(tpa, strategy)")) {
                continue;
            }
            let words: Vec<&str> = line
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .collect();
            for id in &ids {
                assert!(
                    !words.contains(&id.as_str()),
                    "{args:?} line {n} names `{id}` by its id: {line}"
                );
            }
        }
    }
}
