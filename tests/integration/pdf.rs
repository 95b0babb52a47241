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
    assert!(out.contains("ok: all 853 quotes found verbatim"), "{out}");
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
