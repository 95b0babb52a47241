//! Where the papers disagree: every dispute recorded in data/README.md ("Disputes") is
//! found by `contested`, of the right kind, with each side's papers.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::common::run;

fn disputes(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["contested", "--json"];
    all.extend_from_slice(args);
    let (code, out, err) = run(&all);
    assert!(code == 0 || code == 1, "{err}");
    let answer = serde_json::from_str::<Value>(&out).unwrap();
    assert_eq!(
        answer["stopped"],
        Value::Null,
        "the shipped data is within the budget"
    );
    answer["disputes"].as_array().cloned().unwrap()
}

fn set(values: &[&str]) -> BTreeSet<String> {
    values.iter().map(|s| (*s).to_string()).collect()
}

fn strings(value: &Value) -> BTreeSet<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// The dispute of `kind` about `subject` (and `topic` or `property`, when given).
fn find<'d>(
    all: &'d [Value],
    kind: &str,
    subject: &[&str],
    topic: Option<&str>,
    property: Option<&str>,
) -> &'d Value {
    all.iter()
        .find(|d| {
            d["kind"] == kind
                && strings(&d["subject"]) == set(subject)
                && topic.is_none_or(|t| d["topic"] == t)
                && property.is_none_or(|p| d["property"] == p)
        })
        .unwrap_or_else(|| panic!("no {kind} dispute about {subject:?} {topic:?} {property:?}"))
}

/// Asserts that some side holds every paper of each group, on distinct sides.
fn sides_hold(dispute: &Value, groups: &[&[&str]]) {
    let sides: Vec<BTreeSet<String>> = dispute["sides"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| strings(&s["papers"]))
        .collect();
    let mut used = Vec::new();
    for group in groups {
        let at = sides
            .iter()
            .enumerate()
            .position(|(i, side)| !used.contains(&i) && set(group).is_subset(side));
        let at = at.unwrap_or_else(|| panic!("no side holds {group:?}: {sides:?}"));
        used.push(at);
    }
}

#[test]
fn every_recorded_dispute_is_found_with_both_sides() {
    let all = disputes(&[]);
    // D2: by which year the first centenary goal is reached.
    let d2 = find(
        &all,
        "value",
        &["first-centenary-goal"],
        None,
        Some("reached-by"),
    );
    sides_hold(d2, &[&["bnu-dean-2020"], &["tan-liu-huang-2020"]]);
    let answers: BTreeSet<String> = d2["sides"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["answer"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(answers, set(&["2020", "2021"]));
    // D4: what is part of targeted poverty alleviation (its concentrated measures).
    let d4 = find(&all, "lists", &["tpa"], None, Some("part-of <-"));
    sides_hold(
        d4,
        &[&["bnu-dean-2020", "tan-liu-huang-2020"], &["hao-2021"]],
    );
    // D5: the six precisions, a goal or a measure.
    let d5 = find(
        &all,
        "classification",
        &["six-precisions"],
        None,
        Some("classified-as"),
    );
    sides_hold(d5, &[&["organic-connection"], &["hao-2021"]]);
    // D6: goals, common ground or a difference.
    let d6 = find(
        &all,
        "classification",
        &["tpa", "rr"],
        Some("dim-goals"),
        None,
    );
    sides_hold(
        d6,
        &[
            &["bnu-dean-2020", "tan-liu-huang-2020", "organic-connection"],
            &["hao-2021"],
        ],
    );
    // D10: a view Tan, Liu & Huang criticise and Hao argues.
    let d10 = find(
        &all,
        "classification",
        &["view-transitionality"],
        None,
        Some("stance"),
    );
    sides_hold(d10, &[&["hao-2021"], &["tan-liu-huang-2020"]]);
    // D11 and D12: two-way interaction or one-way succession.
    let d11 = find(&all, "direction", &["tpa", "rr"], None, None);
    sides_hold(
        d11,
        &[
            &["organic-connection", "tan-liu-huang-2020"],
            &["hao-2021", "bnu-dean-2020"],
        ],
    );
    // D13 and D14: whom rural revitalization targets; what it addresses.
    let d13 = find(
        &all,
        "positions",
        &["tpa", "rr"],
        Some("dim-target-objects"),
        None,
    );
    sides_hold(
        d13,
        &[&["organic-connection"], &["hao-2021"], &["bnu-dean-2020"]],
    );
    let d14 = find(&all, "positions", &["tpa", "rr"], Some("dim-focus"), None);
    sides_hold(d14, &[&["organic-connection"], &["bnu-dean-2020"]]);
    // D15-D18 and D24: an asset to one paper, a liability to another.
    let valence: [(&str, &[&str], &[&str]); 5] = [
        (
            "industrial-poverty-alleviation",
            &["hao-2021"],
            &["tan-liu-huang-2020"],
        ),
        (
            "endogenous-development-power",
            &["hao-2021"],
            // Tan, Liu & Huang: rural revitalization "lacks endogenous motivation".
            &["organic-connection", "tan-liu-huang-2020"],
        ),
        (
            "grassroots-party-organizations",
            &["bnu-dean-2020"],
            &["tan-liu-huang-2020"],
        ),
        ("assessment-system", &["hao-2021"], &["tan-liu-huang-2020"]),
        (
            "poverty-alleviation-talents",
            &["hao-2021"],
            &["tan-liu-huang-2020"],
        ),
    ];
    for (node, asset, liability) in valence {
        let dispute = find(&all, "valence", &[node], None, None);
        sides_hold(dispute, &[asset, liability]);
        assert!(
            dispute["sides"][0]["answer"]
                .as_str()
                .unwrap()
                .starts_with("an asset"),
            "{dispute}"
        );
    }
    // D21 and D22: what the two share and where they differ, paper by paper.
    for property in ["common-ground", "differs"] {
        let dispute = find(&all, "lists", &["tpa", "rr"], None, Some(property));
        assert!(dispute["sides"].as_array().unwrap().len() >= 3, "{dispute}");
    }
    // D23: what rural revitalization relies on (the mechanisms taken over).
    let d23 = find(&all, "lists", &["rr"], None, Some("relies-on ->"));
    sides_hold(d23, &[&["hao-2021"], &["tan-liu-huang-2020"]]);
}

/// "Mutual exclusion" is not Hao's view (Hao states a difference Tan and BNU also
/// state, and argues a logical connection), and Tan's overlap in space is compatible with
/// the organic-connection paper's scope from regional to global (D8, D9).
#[test]
fn the_false_contradictions_of_issue_22_are_gone() {
    let all = disputes(&["--all"]);
    let about = |subject: &[&str]| -> Vec<&Value> {
        all.iter()
            .filter(|d| strings(&d["subject"]) == set(subject))
            .collect()
    };
    assert!(
        about(&["view-mutual-exclusion"]).is_empty(),
        "{:?}",
        about(&["view-mutual-exclusion"])
    );
    let space: Vec<&Value> = about(&["tpa", "rr"])
        .into_iter()
        .filter(|d| d["kind"] == "classification" && d["topic"] == "dim-spatial-scope")
        .collect();
    assert!(space.is_empty(), "{space:?}");
}

#[test]
fn a_dispute_is_between_papers_never_one_paper_alone() {
    for dispute in disputes(&["--all"]) {
        let papers = strings(&dispute["papers"]);
        assert!(papers.len() >= 2, "{dispute}");
        let sides = dispute["sides"].as_array().unwrap();
        assert!(sides.len() >= 2, "{dispute}");
        for side in sides {
            assert!(!side["claims"].as_array().unwrap().is_empty(), "{dispute}");
        }
    }
}

#[test]
fn two_dates_for_different_events_are_not_a_dispute() {
    // Hao dates the concept (2013), the organic-connection paper the plan (2015): two
    // properties, so no dispute over when targeted poverty alleviation began (D1).
    let about_tpa = disputes(&["tpa"]);
    assert!(
        about_tpa.iter().all(|d| d["kind"] != "value"),
        "{about_tpa:?}"
    );
    let (_, outline, _) = run(&["paper", "hao"]);
    assert!(
        outline.contains("was first put forward in 2013"),
        "{outline}"
    );
}

#[test]
fn contradictions_come_first_and_the_default_is_concise() {
    let all = disputes(&[]);
    let strengths: Vec<&str> = all
        .iter()
        .map(|d| d["strength"].as_str().unwrap())
        .collect();
    let first_framing = strengths.iter().position(|s| *s == "framing").unwrap();
    assert!(strengths[..first_framing]
        .iter()
        .all(|s| *s == "contradiction"));
    assert!(strengths[first_framing..].iter().all(|s| *s == "framing"));
    // Well under a tenth of all quotes, by default.
    let (_, out, _) = run(&["contested"]);
    let printed = out.lines().filter(|l| l.contains(": “")).count();
    let (_, check, _) = run(&["check", "--json"]);
    let quotes = serde_json::from_str::<Value>(&check).unwrap()["quotes"]
        .as_u64()
        .unwrap();
    assert!(
        printed * 10 < usize::try_from(quotes).unwrap(),
        "{printed} of {quotes}"
    );
    assert!(out.starts_with("Where the papers disagree: "), "{out}");
    // --quotes prints every quote of every side; --brief none.
    let (_, full, _) = run(&["contested", "--quotes"]);
    assert!(full.lines().count() > out.lines().count());
    let (_, brief, _) = run(&["contested", "--brief"]);
    assert!(!brief.contains(": “"), "{brief}");
}

#[test]
fn contested_narrows_to_a_paper_or_a_concept_and_keeps_the_other_side() {
    let wu = disputes(&["--paper", "wu"]);
    let all = disputes(&[]);
    assert!(wu.len() < all.len());
    let hao = disputes(&["--paper", "hao"]);
    assert!(!hao.is_empty());
    for dispute in &hao {
        let papers = strings(&dispute["papers"]);
        assert!(papers.contains("hao-2021"), "{dispute}");
        assert!(papers.len() >= 2, "the other side is kept: {dispute}");
    }
    let assessment = disputes(&["assessment system"]);
    assert!(!assessment.is_empty());
    assert!(assessment
        .iter()
        .all(|d| d.to_string().contains("assessment-system")));
}

#[test]
fn diff_and_show_point_to_their_disputes() {
    let (_, diff, _) = run(&["diff", "tpa", "rr", "--brief"]);
    assert!(diff.contains("linkage contested tpa rr"), "{diff}");
    let (_, show, _) = run(&["show", "assessment-system", "--brief"]);
    assert!(
        show.contains("linkage contested assessment-system"),
        "{show}"
    );
}
