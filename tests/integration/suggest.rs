//! `linkage suggest`: a paper's claims drafted from its text by the schema's cues, as a
//! claims sheet that `import` takes and `check` accepts.

use std::{fs, path::Path};

use crate::common::{fixture, run};

/// The rows of a sheet as header → cell maps.
fn rows(sheet: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(sheet.as_bytes());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, c)| (h.to_string(), c.to_string()))
                .collect()
        })
        .collect()
}

/// The unseen papers as a scholar starts them: the records, the texts and the shipped
/// concepts they reuse, but no claim encoded yet.
fn unseen_without_claims() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = fixture("unseen");
    for name in ["papers.json", "concepts.json"] {
        fs::copy(from.join(name), dir.path().join(name)).unwrap();
    }
    fs::create_dir(dir.path().join("texts")).unwrap();
    for entry in fs::read_dir(from.join("texts")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(
            &path,
            dir.path().join("texts").join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    dir
}

fn suggest(data: &Path, paper: &str) -> (i32, String, String) {
    run(&[
        "--data",
        data.to_str().unwrap(),
        "--no-cache",
        "suggest",
        paper,
    ])
}

#[test]
fn a_shipped_paper_gets_its_premise_claim_with_quote_locator_score_and_reason() {
    let (code, out, err) = run(&["suggest", "hao-2021"]);
    assert_eq!(code, 0, "{err}");
    let rows = rows(&out);
    let premise = rows
        .iter()
        .find(|r| r["relation"] == "premise-of" && r["from"] == "tpa" && r["to"] == "rr")
        .unwrap_or_else(|| panic!("no premise-of row:\n{out}"));
    assert_eq!(
        premise["quote"],
        "Targeted poverty alleviation is the premise and foundation of Rural Revitalization."
    );
    assert!(premise["locator"].contains("2.1.2"), "{premise:?}");
    assert!(premise["reason"].contains("{from} is the premise and foundation of {to}"));
    assert!(premise["reason"].contains("matches `tpa`"));
    let scores: Vec<f64> = rows.iter().map(|r| r["score"].parse().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "ranked best first: {scores:?}"
    );
    // Deterministic: the same sheet twice.
    assert_eq!(run(&["suggest", "hao-2021"]).1, out);
}

#[test]
fn a_pdf_text_gives_the_page_in_the_locator() {
    let dir = crate::pdf::shipped_with_hao_as_pdf();
    let (code, out, err) = suggest(dir.path(), "hao-2021");
    assert_eq!(code, 0, "{err}");
    let rows = rows(&out);
    let premise = rows
        .iter()
        .find(|r| r["relation"] == "premise-of" && r["from"] == "tpa")
        .unwrap_or_else(|| panic!("{out}"));
    assert!(premise["locator"].starts_with("p. "), "{premise:?}");
}

#[test]
fn the_sheet_of_an_unseen_paper_imports_and_checks() {
    let dir = unseen_without_claims();
    let sheet = tempfile::tempdir().unwrap();
    let out = sheet.path().join("liu.csv");
    let (code, _, err) = run(&[
        "--data",
        dir.path().to_str().unwrap(),
        "--no-cache",
        "suggest",
        "liu-liu-2025",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("candidate claims to"), "{err}");
    let text = fs::read_to_string(&out).unwrap();
    let rows = rows(&text);
    assert!(rows.len() >= 5, "{text}");
    assert!(
        rows.iter().any(|r| r["relation"] == "part-of"
            && r["from_label"] == "fragile physical capital"
            && r["from_kind"] == "problem"),
        "{text}"
    );
    let data = dir.path().to_str().unwrap();
    let (code, _, err) = run(&[
        "--data",
        data,
        "--no-cache",
        "import",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(&["--data", data, "--no-cache", "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("found verbatim"), "{out}");
    // A new concept never joins an existing one: every new id is its own node.
    for row in rows.iter().filter(|r| !r["from_kind"].is_empty()) {
        let (code, shown, _) = run(&["--data", data, "--no-cache", "show", &row["from"]]);
        assert_eq!(code, 0);
        assert!(shown.contains(&row["from_label"]), "{shown}");
    }
}

#[test]
fn the_key_counties_abstract_is_drafted_too() {
    let dir = unseen_without_claims();
    let (code, out, err) = suggest(dir.path(), "key-counties-2023");
    assert_eq!(code, 0, "{err}");
    assert!(
        rows(&out)
            .iter()
            .any(|r| r["relation"] == "part-of"
                && r["from_label"] == "environmental carrying capacity"),
        "{out}"
    );
}

#[test]
fn the_sheet_is_never_written_into_the_data_directory() {
    let dir = unseen_without_claims();
    let into = dir.path().join("draft.csv");
    let (code, _, err) = run(&[
        "--data",
        dir.path().to_str().unwrap(),
        "suggest",
        "liu-liu-2025",
        "-o",
        into.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("data"), "{err}");
    assert!(!into.exists());
}

/// The built-in schema with `cues` of relation kind `kind` replaced.
fn schema_with_cues(kind: &str, cues: &[&str]) -> String {
    let mut schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/schema.json")).unwrap(),
    )
    .unwrap();
    schema["relation_kinds"][kind]["cues"] = serde_json::json!(cues);
    serde_json::to_string_pretty(&schema).unwrap()
}

#[test]
fn a_cue_in_the_users_schema_changes_what_is_suggested() {
    let dir = unseen_without_claims();
    let quote = "This model provides a replicable paradigm for universities’ participation";
    let before = suggest(dir.path(), "liu-liu-2025").1;
    assert!(
        !before.contains("provides a replicable paradigm for {to}"),
        "{before}"
    );
    fs::write(
        dir.path().join("schema.json"),
        schema_with_cues(
            "serves",
            &["{from} provides a replicable paradigm for {to}"],
        ),
    )
    .unwrap();
    let (code, after, err) = suggest(dir.path(), "liu-liu-2025");
    assert_eq!(code, 0, "{err}");
    let row = rows(&after)
        .into_iter()
        .find(|r| r["reason"].contains("provides a replicable paradigm for {to}"))
        .unwrap_or_else(|| panic!("{after}"));
    assert_eq!(row["relation"], "serves");
    assert!(row["quote"].contains(quote), "{row:?}");
}

#[test]
fn bad_cues_are_each_reported_at_their_place() {
    let dir = unseen_without_claims();
    let schema = schema_with_cues("serves", &["{from} serves {too}", "{from} and {from}"]);
    fs::write(dir.path().join("schema.json"), &schema).unwrap();
    let (code, _, err) = suggest(dir.path(), "liu-liu-2025");
    assert_eq!(code, 2, "{err}");
    let line_of = |needle: &str| schema.lines().position(|l| l.contains(needle)).unwrap() + 1;
    assert!(
        err.contains(&format!("schema.json:{}:", line_of("{too}")))
            && err.contains("unknown slot `{too}`"),
        "{err}"
    );
    assert!(
        err.contains(&format!("schema.json:{}:", line_of("{from} and {from}")))
            && err.contains("used twice"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

/// The measurement of docs/suggest.md, as `examples/suggest_eval.rs` writes it.
#[test]
fn docs_suggest_holds_the_current_measurement() {
    use linkage::{draft::evaluate, load, text_store::TextStore, DataSource};
    let shipped = load(&DataSource::Embedded).unwrap().graph;
    let unseen = load(&DataSource::Dir(fixture("unseen"))).unwrap().graph;
    let heldout = load(&DataSource::Dir(fixture("heldout"))).unwrap().graph;
    let report = evaluate::report(
        &shipped,
        &[
            evaluate::HandEncoded {
                title: evaluate::UNSEEN_TITLE,
                graph: &unseen,
                texts: &TextStore::Dir(fixture("unseen/texts")),
            },
            evaluate::HandEncoded {
                title: evaluate::HELDOUT_TITLE,
                graph: &heldout,
                texts: &TextStore::Dir(fixture("heldout/texts")),
            },
        ],
    );
    let doc = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/suggest.md")).unwrap();
    assert!(
        doc.contains(&report),
        "docs/suggest.md is out of date: run `cargo run --example suggest_eval -- --write`\n{report}"
    );
}

/// A sentence listing parts gives one row a part, each with its quote: a row whose
/// quote is a ditto mark repeats the quote above, so the sentence is pasted once.
#[test]
fn a_ditto_quote_repeats_the_quote_of_the_row_above() {
    let dir = unseen_without_claims();
    let data = dir.path().to_str().unwrap();
    let sheet = tempfile::tempdir().unwrap();
    let claims = sheet.path().join("parts.csv");
    fs::write(
        &claims,
        "from,relation,to,paper,quote\n\
         government,part-of,tpa,liu-liu-2025,\"a three-party collaborative monitoring mechanism involving the government, universities, and society\"\n\
         rr,part-of,tpa,liu-liu-2025,\"\"\"\"\n\
         consolidate-poverty-alleviation-results,part-of,tpa,liu-liu-2025,〃\n",
    )
    .unwrap();
    let (code, _, err) = run(&[
        "--data",
        data,
        "--no-cache",
        "import",
        claims.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let written = fs::read_to_string(dir.path().join("parts.json")).unwrap();
    assert_eq!(
        written
            .matches("involving the government, universities, and society")
            .count(),
        3,
        "{written}"
    );
    let (code, _, err) = run(&["--data", data, "--no-cache", "check"]);
    assert_eq!(code, 0, "{err}");

    let first = sheet.path().join("first.csv");
    fs::write(
        &first,
        "from,relation,to,paper,quote\nrr,part-of,tpa,liu-liu-2025,〃\n",
    )
    .unwrap();
    let (code, _, err) = run(&[
        "--data",
        data,
        "--no-cache",
        "import",
        first.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("first.csv:2") && err.contains("no row above has one"),
        "{err}"
    );
}

#[test]
fn json_is_refused_rather_than_ignored() {
    let (code, out, err) = run(&["--json", "suggest", "hao-2021"]);
    assert_eq!(code, 2);
    assert!(
        out.is_empty() && err.contains("--json is for queries"),
        "{err}"
    );
}

/// Chinese cues work like English ones, on text without spaces: a test passage (made
/// for this test, not a paper's words, and encoded nowhere) drafts the rows its cues
/// say, each end matched to the shipped concept its Chinese label names or proposed as
/// a new one.
#[test]
fn chinese_cues_draft_rows_from_text_without_spaces() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        fixture("unseen").join("concepts.json"),
        dir.path().join("concepts.json"),
    )
    .unwrap();
    fs::write(
        dir.path().join("papers.json"),
        r#"{"papers": [{"id": "zh-test", "cite": "Test passage", "title": "测试用句",
            "authors": null, "year": null, "file": "zh-test.txt"}]}"#,
    )
    .unwrap();
    fs::create_dir(dir.path().join("texts")).unwrap();
    fs::write(
        dir.path().join("texts/zh-test.txt"),
        "测试用句（为测试而写，非文献原文）\n\n摘要\n\n精准扶贫是乡村振兴的前提和基础。\
         我们认为产业扶贫为乡村振兴奠定基础。许多贫困地区面临自然条件恶劣、基础设施薄弱和人才短缺。\n",
    )
    .unwrap();
    let (code, out, err) = suggest(dir.path(), "zh-test");
    assert_eq!(code, 0, "{err}");
    let rows = rows(&out);
    let has = |relation: &str, from: &str, to: &str, quote: &str| {
        rows.iter().any(|r| {
            r["relation"] == relation
                && (r["from"] == from || r["from_label"] == from)
                && (r["to"] == to || r["to_label"] == to)
                && r["quote"] == quote
                && r["locator"] == "摘要"
        })
    };
    assert!(
        has(
            "premise-of",
            "tpa",
            "rr",
            "精准扶贫是乡村振兴的前提和基础。"
        ),
        "{out}"
    );
    assert!(
        has(
            "premise-of",
            "产业扶贫",
            "rr",
            "我们认为产业扶贫为乡村振兴奠定基础。"
        ),
        "{out}"
    );
    for problem in ["自然条件恶劣", "基础设施薄弱", "人才短缺"] {
        assert!(
            has(
                "problem-of",
                problem,
                "许多贫困地区",
                "许多贫困地区面临自然条件恶劣、基础设施薄弱和人才短缺。"
            ),
            "{problem}: {out}"
        );
    }
    assert!(
        !rows.iter().any(|r| r["from_label"].contains("我们")),
        "a reporting verb ends the phrase: {out}"
    );
}
