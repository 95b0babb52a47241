//! Unnumbered headings ("Abstract", "Introduction", "Conclusion", "摘要", "引言", "结论"):
//! a quote under one gets it as its locator without `--locator`, and `locate` prints it;
//! a short line inside a paragraph is no heading.

use std::fs;

use serde_json::Value;

use crate::common::run;

/// A new dataset whose one paper is an abstract and an introduction, in English and
/// Chinese, with a "Conclusion" that is not a heading (it sits inside a sentence).
fn dataset() -> (tempfile::TempDir, String) {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("d");
    let (code, _, err) = run(&["init", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    fs::write(
        dir.join("texts/example-2024.txt"),
        "An example paper\n\nAbstract\n\nReading groups are a premise of lasting learning gains.\n\n\
         Introduction\nThe paper argues that peer tutoring serves the same goal, as the\n\
         Conclusion\nrepeats at length.\n\n摘要\n\n精准扶贫是乡村振兴的前提和基础。\n\n\
         Methods in passing\n\nA paragraph after a heading no rule knows.\n",
    )
    .unwrap();
    fs::write(dir.join("example.json"), "{}\n").unwrap();
    let dir = dir.display().to_string();
    (root, dir)
}

#[test]
fn a_quote_under_an_unnumbered_heading_gets_it_as_its_locator() {
    let (_root, dir) = dataset();
    let (code, out, err) = run(&[
        "--data",
        &dir,
        "add",
        "Reading groups",
        "premise-of",
        "Lasting learning gains",
        "--paper",
        "example-2024",
        "--quote",
        "Reading groups are a premise of lasting learning gains",
        "--from-kind",
        "measure",
        "--to-kind",
        "goal",
    ]);
    assert_eq!(code, 0, "{err}");
    let file = out
        .lines()
        .find_map(|line| line.strip_prefix("added to "))
        .and_then(|rest| rest.split(": ").next())
        .expect("add says where it wrote");
    let written: Value = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(written["relations"][0]["sources"][0]["locator"], "Abstract");

    // "Conclusion" inside a sentence is no heading: the quote stays in the Introduction.
    let (code, out, err) = run(&[
        "--data",
        &dir,
        "locate",
        "peer tutoring serves the same goal",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("under \"Introduction\""), "{out}");
    let (code, out, _) = run(&["--data", &dir, "locate", "repeats at length"]);
    assert_eq!(code, 0);
    assert!(out.contains("under \"Introduction\""), "{out}");
    let (code, out, _) = run(&[
        "--data",
        &dir,
        "locate",
        "精准扶贫是乡村振兴的前提和基础",
        "--json",
    ]);
    assert_eq!(code, 0);
    let found: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(found["found"][0]["locator"], "摘要");
}

#[test]
fn a_section_after_an_unknown_unnumbered_heading_gets_no_wrong_locator() {
    let (_root, dir) = dataset();
    let (code, out, _) = run(&[
        "--data",
        &dir,
        "locate",
        "A paragraph after a heading",
        "--json",
    ]);
    assert_eq!(code, 0);
    let found: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(found["found"][0]["locator"], Value::Null, "{out}");
    // So `add` asks for the locator instead of writing "摘要".
    let (code, _, err) = run(&[
        "--data",
        &dir,
        "add",
        "Reading groups",
        "premise-of",
        "Lasting learning gains",
        "--paper",
        "example-2024",
        "--quote",
        "A paragraph after a heading no rule knows",
        "--from-kind",
        "measure",
        "--to-kind",
        "goal",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no heading precedes the quote"), "{err}");
}

/// Tan, Liu & Huang's text has "Abstract", "Introduction" and "Conclusion" on lines of
/// their own: `locate` names them.
#[test]
fn locate_names_the_unnumbered_sections_of_a_shipped_paper() {
    for (quote, heading) in [
        ("Poverty rooted in the absence of capital", "Abstract"),
        (
            "Targeted poverty alleviation is a major decision made by the Party",
            "Introduction",
        ),
        (
            "It is worth noting that measuring the effectiveness",
            "Conclusion",
        ),
    ] {
        let (code, out, err) = run(&["locate", quote]);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.contains(&format!("under \"{heading}\"")),
            "{quote}: {out}"
        );
    }
}
