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

/// Paper ids, as a side of a dispute names them.
type Papers<'a> = &'a [&'a str];

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

/// Whether any dispute of `kind` is about `subject` (with `property`, when given).
fn any(all: &[Value], kind: &str, subject: &[&str], property: Option<&str>) -> bool {
    all.iter().any(|d| {
        d["kind"] == kind
            && strings(&d["subject"]) == set(subject)
            && property.is_none_or(|p| d["property"] == p)
    })
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
    assert_eq!(d2["strength"], "contradiction");
    sides_hold(d2, &[&["bnu-dean-2020"], &["tan-liu-huang-2020"]]);
    let answers: BTreeSet<String> = d2["sides"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["answer"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(answers, set(&["2020", "2021"]));
    // D4: Hao's list of what is part of targeted poverty alleviation holds the five
    // batches and the six precisions that BNU, Tan, Liu & Huang and 001 name: it
    // extends theirs, and agrees with it.
    assert!(!any(&all, "lists", &["tpa"], Some("part-of <-")));
    // D5: the six precisions, a goal or a measure.
    let d5 = find(
        &all,
        "classification",
        &["six-precisions"],
        None,
        Some("classified-as"),
    );
    assert_eq!(d5["strength"], "contradiction");
    sides_hold(d5, &[&["organic-connection"], &["hao-2021"]]);
    // D6: goals, common ground to some papers and a difference to another, in no one
    // stated respect: a framing. (D8, space, is no dispute: see
    // the_false_contradictions_of_issue_22_are_gone.)
    let d6 = find(
        &all,
        "classification",
        &["tpa", "rr"],
        Some("dim-goals"),
        None,
    );
    assert_eq!(d6["strength"], "framing");
    sides_hold(
        d6,
        &[
            &["bnu-dean-2020", "tan-liu-huang-2020", "organic-connection"],
            &["hao-2021"],
        ],
    );
    // D9: no paper argues the "mutual exclusion" view (Hao argues a logical
    // connection); D10: Hao argues what Tan, Liu & Huang criticise as "transitional".
    assert!(!any(
        &all,
        "classification",
        &["view-mutual-exclusion"],
        None
    ));
    let d10 = find(
        &all,
        "classification",
        &["view-transitionality"],
        None,
        Some("stance"),
    );
    assert_eq!(d10["strength"], "contradiction");
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
    // D15: the industries of poverty alleviation as the basis of the organic
    // connection (Hao) or too short-lived for it (Tan, Liu & Huang): one scoped
    // question, Tan only on the liability side.
    let d15 = find(
        &all,
        "valence",
        &["industrial-poverty-alleviation"],
        None,
        None,
    );
    assert_eq!(d15["strength"], "contradiction");
    assert_eq!(d15["respect"], "tpa-rr-connection");
    assert_eq!(strings(&d15["sides"][0]["papers"]), set(&["hao-2021"]));
    assert_eq!(
        strings(&d15["sides"][1]["papers"]),
        set(&["tan-liu-huang-2020"])
    );
    // D16, D17, D18 and D24: an asset to one paper, a liability in a respect no paper
    // states to another. A paper casting the concept both ways (Tan, Liu & Huang rely
    // on endogenous development power and on the assessment system, and find each
    // wanting) stands with its liability, its asset claims named as answering
    // another question.
    let valence: [(&str, Papers, Papers, Papers); 4] = [
        (
            "endogenous-development-power",
            &["hao-2021"],
            &["organic-connection", "tan-liu-huang-2020"],
            &["tan-liu-huang-2020"],
        ),
        (
            "grassroots-party-organizations",
            &["bnu-dean-2020"],
            &["tan-liu-huang-2020"],
            &[],
        ),
        (
            "assessment-system",
            &["hao-2021"],
            &["tan-liu-huang-2020"],
            &["tan-liu-huang-2020"],
        ),
        (
            "poverty-alleviation-talents",
            &["hao-2021"],
            &["tan-liu-huang-2020"],
            &[],
        ),
    ];
    for (node, asset, liability, also) in valence {
        let dispute = find(&all, "valence", &[node], None, None);
        assert_eq!(dispute["strength"], "tension", "{dispute}");
        assert!(dispute.get("respect").is_none(), "{dispute}");
        assert!(dispute.get("on_several_sides").is_none(), "{dispute}");
        assert_eq!(strings(&dispute["sides"][0]["papers"]), set(asset));
        assert_eq!(strings(&dispute["sides"][1]["papers"]), set(liability));
        let named = dispute["sides"][0]
            .get("also")
            .map(strings)
            .unwrap_or_default();
        assert_eq!(named, set(also), "{dispute}");
        assert!(
            dispute["sides"][0]["answer"]
                .as_str()
                .unwrap()
                .starts_with("an asset"),
            "{dispute}"
        );
    }
    // What comes after absolute poverty (D14, D25): Wu & Zhu's urban-rural gaps beside
    // the relative and multi-dimensional poverty of the others.
    let focus = find(&all, "positions", &["tpa", "rr"], Some("dim-focus"), None);
    sides_hold(
        focus,
        &[
            &["bnu-dean-2020"],
            &["organic-connection"],
            &["tan-liu-huang-2020"],
            &["wu-zhu"],
        ],
    );
    // What drives poverty alleviation (D26): Wu & Zhu's one driver, poverty
    // politicization, is its own answer among the others' lists.
    let drivers = find(&all, "lists", &["tpa"], None, Some("drives <-"));
    let wu: Vec<&Value> = drivers["sides"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| strings(&s["papers"]) == set(&["wu-zhu"]))
        .collect();
    assert_eq!(wu.len(), 1, "{drivers}");
    assert_eq!(strings(&wu[0]["items"]), set(&["poverty-politicization"]));
    // Systems and mechanisms: Tan, Liu & Huang's common ground against BNU's "different
    // mechanisms"; BNU's own commonality is in the respect it states (the socialist
    // system both rely on), another question, so BNU stands on one side.
    let mechanisms = find(
        &all,
        "classification",
        &["tpa", "rr"],
        Some("dim-mechanisms"),
        None,
    );
    assert_eq!(mechanisms["strength"], "framing");
    assert!(mechanisms.get("on_several_sides").is_none(), "{mechanisms}");
    assert_eq!(
        strings(&mechanisms["sides"][0]["papers"]),
        set(&["tan-liu-huang-2020"])
    );
    assert_eq!(
        strings(&mechanisms["sides"][1]["papers"]),
        set(&["bnu-dean-2020"])
    );
    assert_eq!(
        strings(&mechanisms["sides"][0]["also"]),
        set(&["bnu-dean-2020"])
    );
    // D21 and D22: what the two share and where they differ, paper by paper.
    for property in ["common-ground", "differs"] {
        let dispute = find(&all, "lists", &["tpa", "rr"], None, Some(property));
        assert!(dispute["sides"].as_array().unwrap().len() >= 3, "{dispute}");
    }
    // D23: what rural revitalization relies on (the mechanisms taken over).
    let d23 = find(&all, "lists", &["rr"], None, Some("relies-on ->"));
    sides_hold(d23, &[&["hao-2021"], &["tan-liu-huang-2020"]]);
}

/// The four contradictions a reader finds in the five papers (data/README.md,
/// "Disputes checked") and no other; no paper stands on both sides of one.
#[test]
fn the_contradictions_are_the_four_a_reader_finds() {
    let all = disputes(&[]);
    let mut contradictions: Vec<(String, String)> = all
        .iter()
        .filter(|d| d["strength"] == "contradiction")
        .map(|d| (d["kind"].to_string(), d["subject"].to_string()))
        .collect();
    contradictions.sort();
    assert_eq!(
        contradictions,
        [
            ("\"classification\"", "[\"six-precisions\"]"),
            ("\"classification\"", "[\"view-transitionality\"]"),
            ("\"valence\"", "[\"industrial-poverty-alleviation\"]"),
            ("\"value\"", "[\"first-centenary-goal\"]"),
        ]
        .map(|(k, s)| (k.to_string(), s.to_string()))
    );
    for dispute in all.iter().filter(|d| d["strength"] == "contradiction") {
        assert!(dispute.get("on_several_sides").is_none(), "{dispute}");
    }
}

/// "Mutual exclusion" is not Hao's view (Hao states a difference Tan and BNU
/// also state, and argues a logical connection), and Tan's overlap in space is
/// compatible with the organic-connection paper's scope from regional to global (D8,
/// D9).
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
    let order = ["contradiction", "tension", "framing"];
    let ranks: Vec<usize> = strengths
        .iter()
        .map(|s| order.iter().position(|o| o == s).unwrap())
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{strengths:?}");
    assert!(strengths.contains(&"tension") && strengths.contains(&"framing"));
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

/// The disputes of a dataset, each as (kind, strength, subject, topic, property,
/// respect).
fn questions(all: &[Value]) -> BTreeSet<String> {
    all.iter()
        .map(|d| {
            format!(
                "{} {} {} {} {} {}",
                d["kind"], d["strength"], d["subject"], d["topic"], d["property"], d["respect"]
            )
        })
        .collect()
}

/// A paper adding items to lists the others give (tests/fixtures/sixth-paper, a
/// fictional sixth paper) agrees with them and extends them: it opens no dispute, and
/// every dispute of the five papers stays, with the sixth on the side it extends.
#[test]
fn a_sixth_paper_extending_lists_opens_no_dispute() {
    let root = tempfile::tempdir().unwrap();
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for entry in std::fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            std::fs::copy(&path, root.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let sixth = crate::common::fixture("sixth-paper/paper-sixth.json");
    std::fs::copy(sixth, root.path().join("paper-sixth.json")).unwrap();
    let dir = root.path().to_str().unwrap();
    let (code, out, err) = run(&["--data", dir, "--no-cache", "contested", "--json"]);
    assert_eq!(code, 0, "{err}");
    let answer: Value = serde_json::from_str(&out).unwrap();
    let six = answer["disputes"].as_array().cloned().unwrap();
    let five = disputes(&[]);
    assert_eq!(questions(&six), questions(&five));
    // The Party's leadership: BNU and 001 say both strategies rely on it, the sixth
    // paper both and their connection; no dispute.
    assert!(!any(&six, "lists", &["party-leadership"], None));
    // What the two share: the sixth paper names part of Tan, Liu & Huang's list and
    // all of BNU's, so it stands with them.
    let shared = find(&six, "lists", &["tpa", "rr"], None, Some("common-ground"));
    let side = shared["sides"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| strings(&s["papers"]).contains("sixth-2024"))
        .unwrap();
    assert!(
        strings(&side["papers"]).contains("tan-liu-huang-2020"),
        "{side}"
    );
    assert!(strings(&side["partly"]).contains("sixth-2024"), "{side}");
    assert!(strings(&side["partly"]).contains("bnu-dean-2020"), "{side}");
}

/// `compare` and the `--diff` figure mark a topic one paper names common ground and
/// another a difference, with the logic's verdict: Goals, and Systems and mechanisms
/// (Tan, Liu & Huang's common ground, BNU's "different mechanisms"), framings.
#[test]
fn compare_and_the_figure_mark_topics_named_both_ways() {
    let (code, out, err) = run(&["compare", "tpa", "rr", "--json"]);
    assert_eq!(code, 0, "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let marked: BTreeSet<String> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.get("both_ways").is_some())
        .map(|r| format!("{} {} {}", r["role"], r["topic"], r["both_ways"]))
        .collect();
    assert_eq!(
        marked,
        set(&[
            "\"common-ground\" \"dim-goals\" \"framing\"",
            "\"common-ground\" \"dim-mechanisms\" \"framing\"",
            "\"difference\" \"dim-goals\" \"framing\"",
            "\"difference\" \"dim-mechanisms\" \"framing\"",
        ])
    );
    let (_, dot, _) = run(&["dot", "--diff", "tpa", "rr"]);
    assert_eq!(dot.matches("(framed both ways)").count(), 4, "{dot}");
}
