//! A paper's text as a PDF: its text read from the PDF (two columns, words hyphenated
//! at line ends, running heads and page numbers), every quote verified against it.
//!
//! The fixture `tests/fixtures/pdf/texts/hao-2021.pdf` is Hao (2021)'s shipped text set
//! as a journal would print it (scripts/typeset-pdf-fixture.sh: pandoc and weasyprint,
//! two columns, hyphenation, a running head, page numbers).

use std::{fs, path::Path};

use crate::common::{fixture, run};

/// The shipped dataset in a directory of its own, with Hao's text as the typeset PDF.
pub fn shipped_with_hao_as_pdf() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    fs::create_dir(dir.join("texts")).unwrap();
    for entry in fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = fs::read_to_string(&path).unwrap();
            let text = text.replace("\"004_c1c25bd65598080b.txt\"", "\"hao-2021.pdf\"");
            fs::write(dir.join(path.file_name().unwrap()), text).unwrap();
        }
    }
    for entry in fs::read_dir(data.join("texts")).unwrap() {
        let path = entry.unwrap().path();
        if !path.ends_with("004_c1c25bd65598080b.txt") {
            fs::copy(&path, dir.join("texts").join(path.file_name().unwrap())).unwrap();
        }
    }
    fs::copy(
        fixture("pdf/texts/hao-2021.pdf"),
        dir.join("texts/hao-2021.pdf"),
    )
    .unwrap();
    root
}

#[test]
fn every_quote_of_a_paper_is_found_in_its_typeset_pdf() {
    let root = shipped_with_hao_as_pdf();
    let dir = root.path().to_str().unwrap();
    let (code, out, err) = run(&["--data", dir, "--no-cache", "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("ok: all 854 quotes found verbatim"), "{out}");
    assert!(!out.contains("warning"), "{out}");
}

#[test]
fn a_quote_across_a_hyphenated_line_end_and_a_column_is_located() {
    let root = shipped_with_hao_as_pdf();
    let dir = root.path().to_str().unwrap();
    // Printed as "Therefore, the two must be coordinated and organ-" / "ically linked."
    let (code, out, err) = run(&[
        "--data",
        dir,
        "locate",
        "Therefore, the two must be coordinated and organically linked",
        "--paper",
        "hao-2021",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Hao (2021) [hao-2021]"), "{out}");
    assert!(
        out.contains("under \"2. The Logical Relationship between Targeted Poverty Alleviation and Rural Revitalization / 2.2 Logical Differentiation / 2.2.3. Target Location\""),
        "{out}"
    );
}

#[test]
fn a_damaged_or_textless_pdf_is_one_clear_error() {
    let root = shipped_with_hao_as_pdf();
    let dir = root.path();
    fs::write(
        dir.join("texts/hao-2021.pdf"),
        b"%PDF-1.4\nnot really a pdf\n",
    )
    .unwrap();
    let (code, out, err) = run(&["--data", dir.to_str().unwrap(), "--no-cache", "check"]);
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("no text for paper `hao-2021`")
            && err.contains("cannot read the text of the PDF \"hao-2021.pdf\""),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        err.matches("no text for paper").count(),
        1,
        "reported once: {err}"
    );
}

/// The quote of Hao's "2.2.4 Target Target" claim, on the PDF's third page.
const TARGET_QUOTE: &str =
    "The target of targeted poverty alleviation is the poverty-stricken areas";

#[test]
fn locators_carry_the_page_in_human_output_json_and_exports() {
    let root = shipped_with_hao_as_pdf();
    let dir = root.path().to_str().unwrap();
    let (code, out, err) = run(&["--data", dir, "diff", "tpa", "rr", "--paper", "hao"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Hao (2021), p. 3, §2.2.4 Target Target"),
        "{out}"
    );

    let (code, out, _) = run(&[
        "--data", dir, "diff", "tpa", "rr", "--paper", "hao", "--json",
    ]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let pages = sources_with_locator(&json, "2.2.4 Target Target");
    assert!(
        !pages.is_empty() && pages.iter().all(|p| p == "p. 3"),
        "{pages:?}"
    );

    for format in [
        "evidence-csv",
        "evidence-md",
        "graphml",
        "json",
        "cypher",
        "turtle",
        "jsonld",
    ] {
        let (code, out, err) = run(&[
            "--data", dir, "export", "--format", format, "--paper", "hao",
        ]);
        assert_eq!(code, 0, "{format}: {err}");
        assert!(
            out.contains("p. 3, 2.2.4 Target Target"),
            "{format} carries the page"
        );
    }
    let out_dir = tempfile::tempdir().unwrap();
    let csv = out_dir.path().join("neo4j");
    let (code, _, err) = run(&[
        "--data",
        dir,
        "export",
        "--format",
        "csv",
        "--paper",
        "hao",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let relationships = fs::read_to_string(csv.join("relationships.csv")).unwrap();
    assert!(
        relationships.contains("p. 3, 2.2.4 Target Target"),
        "the neo4j CSV carries the page"
    );
}

#[test]
fn pages_count_from_the_first_page_the_record_gives() {
    let root = shipped_with_hao_as_pdf();
    let dir = root.path();
    let papers = dir.join("papers.json");
    let text = fs::read_to_string(&papers).unwrap();
    fs::write(
        &papers,
        text.replace(
            "\"file\": \"hao-2021.pdf\"",
            "\"file\": \"hao-2021.pdf\",\n      \"pages\": \"310-313\"",
        ),
    )
    .unwrap();
    let dir = dir.to_str().unwrap();
    let (code, out, err) = run(&["--data", dir, "--no-cache", "search", TARGET_QUOTE]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("p. 312, §2.2.4 Target Target"), "{out}");
    let (code, out, _) = run(&[
        "--data", dir, "export", "--format", "bibtex", "--paper", "hao",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("pages = {310-313}"), "{out}");
    let (code, out, _) = run(&[
        "--data", dir, "export", "--format", "csl-json", "--paper", "hao",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("\"page\": \"310-313\""), "{out}");
}

#[test]
fn a_locator_may_name_its_page_and_check_says_when_the_text_disagrees() {
    let root = shipped_with_hao_as_pdf();
    let dir = root.path();
    let file = dir.join("paper-hao-2021.json");
    let text = fs::read_to_string(&file).unwrap();
    let right = text.replacen(
        "\"locator\": \"2.2.4 Target Target\"",
        "\"locator\": \"p. 3, 2.2.4 Target Target\"",
        1,
    );
    fs::write(&file, &right).unwrap();
    let dir_s = dir.to_str().unwrap();
    let (code, out, err) = run(&["--data", dir_s, "--no-cache", "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("warning"), "{out}");
    let wrong = text.replacen(
        "\"locator\": \"2.2.4 Target Target\"",
        "\"locator\": \"p. 2, 2.2.4 Target Target\"",
        1,
    );
    fs::write(&file, wrong).unwrap();
    let (code, out, err) = run(&["--data", dir_s, "--no-cache", "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("locator \"p. 2, 2.2.4 Target Target\" names p. 2, but in hao-2021.pdf the quote is on p. 3")
            && out.contains("1 warning"),
        "{out}"
    );
    // Without the text, the page the locator names is what is printed.
    fs::remove_file(dir.join("texts/hao-2021.pdf")).unwrap();
    let (code, out, _) = run(&["--data", dir_s, "--no-cache", "search", TARGET_QUOTE]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Hao (2021), p. 2, §2.2.4 Target Target"),
        "{out}"
    );
}

/// The `page` of every source in `json` whose locator is `locator`.
fn sources_with_locator(json: &serde_json::Value, locator: &str) -> Vec<String> {
    match json {
        serde_json::Value::Object(map) => {
            let mut found: Vec<String> = map
                .values()
                .flat_map(|v| sources_with_locator(v, locator))
                .collect();
            if map.get("locator").and_then(|l| l.as_str()) == Some(locator) {
                found.push(
                    map.get("page")
                        .and_then(|p| p.as_str())
                        .unwrap_or("none")
                        .to_string(),
                );
            }
            found
        }
        serde_json::Value::Array(items) => items
            .iter()
            .flat_map(|v| sources_with_locator(v, locator))
            .collect(),
        _ => Vec::new(),
    }
}
