//! The names of a node a claim creates (aliases, Chinese label) given with `add` and
//! `import`; `import` appending to a paper's existing file; a text without headings
//! located by paragraph; `locate` printing the text's own words for a near miss.

use std::{fs, path::Path};

use serde_json::Value;

use crate::common::run;

/// A new dataset (`init`) in a scratch directory, and its path.
fn dataset() -> (tempfile::TempDir, String) {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("d");
    let (code, _, err) = run(&["init", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let dir = dir.display().to_string();
    (root, dir)
}

fn in_data<'a>(dir: &'a str, args: &[&'a str]) -> (i32, String, String) {
    let mut all = vec!["--data", dir, "--no-cache"];
    all.extend_from_slice(args);
    run(&all)
}

fn node<'v>(file: &'v Value, id: &str) -> &'v Value {
    file["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == id)
        .unwrap_or_else(|| panic!("no node {id} in {file}"))
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn add_gives_a_new_node_its_aliases_and_chinese_label() {
    let (_root, dir) = dataset();
    let (code, out, err) = in_data(
        &dir,
        &[
            "add",
            "Peer tutoring",
            "serves",
            "learning-gains",
            "--paper",
            "example-2024",
            "--quote",
            "peer tutoring serves the same goal",
            "--from-kind",
            "measure",
            "--from-alias",
            "tutoring by peers",
            "--from-alias",
            "peer teaching",
            "--from-label-zh",
            "同伴辅导",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("new node peer-tutoring (measure)"), "{out}");
    let example = read(&Path::new(&dir).join("example.json"));
    let tutoring = node(&example, "peer-tutoring");
    assert_eq!(
        tutoring["aliases"],
        serde_json::json!(["tutoring by peers", "peer teaching"])
    );
    assert_eq!(tutoring["label_zh"], "同伴辅导");
    // The names work at once: the alias and the Chinese label resolve to the node.
    for name in ["peer teaching", "同伴辅导"] {
        let (code, out, err) = in_data(&dir, &["show", name]);
        assert_eq!(code, 0, "{name}: {err}");
        assert!(out.contains("Peer tutoring"), "{name}: {out}");
    }
}

#[test]
fn add_refuses_names_for_an_existing_node_and_writes_nothing() {
    let (_root, dir) = dataset();
    let file = Path::new(&dir).join("example.json");
    let before = fs::read(&file).unwrap();
    let (code, _, err) = in_data(
        &dir,
        &[
            "add",
            "reading-groups",
            "serves",
            "learning-gains",
            "--paper",
            "example-2024",
            "--quote",
            "peer tutoring serves the same goal",
            "--from-alias",
            "reading circles",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("is the existing node `reading-groups`")
            && err.contains("only to a node the claim creates"),
        "{err}"
    );
    assert_eq!(fs::read(&file).unwrap(), before);
}

#[test]
fn import_columns_name_new_nodes_and_an_existing_file_is_appended_to_byte_for_byte() {
    let (root, dir) = dataset();
    let file = Path::new(&dir).join("example.json");
    let before = fs::read_to_string(&file).unwrap();
    let claims = root.path().join("more.csv");
    fs::write(
        &claims,
        "from,relation,to,paper,quote,from_kind,from_aliases,from_label_zh\n\
         Peer tutoring,serves,learning-gains,example-2024,peer tutoring serves the same goal,measure,tutoring by peers; peer teaching,同伴辅导\n",
    )
    .unwrap();
    // Into the paper's existing file: appended, every byte that was there kept.
    let (code, out, err) = in_data(
        &dir,
        &["import", claims.to_str().unwrap(), "--into", "example.json"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("appended to") && out.contains("1 relations, 1 new nodes"),
        "{out}"
    );
    let after = fs::read_to_string(&file).unwrap();
    let value: Value = serde_json::from_str(&after).unwrap();
    let old: Value = serde_json::from_str(&before).unwrap();
    assert_eq!(
        value["relations"].as_array().unwrap().len(),
        old["relations"].as_array().unwrap().len() + 1
    );
    assert_eq!(
        value["relations"].as_array().unwrap()[..old["relations"].as_array().unwrap().len()],
        old["relations"].as_array().unwrap()[..],
        "what was there is kept"
    );
    let tutoring = node(&value, "peer-tutoring");
    assert_eq!(
        tutoring["aliases"],
        serde_json::json!(["tutoring by peers", "peer teaching"])
    );
    assert_eq!(tutoring["label_zh"], "同伴辅导");
    // The text before the first appended record is the old text, byte for byte.
    let first_old_node_end = before.find("\"Reading groups\"").unwrap();
    assert_eq!(
        after[..first_old_node_end],
        before[..first_old_node_end],
        "{after}"
    );
    let (code, out, err) = in_data(&dir, &["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("all 2 quotes found verbatim"), "{out}");

    // The same rows again: the loader's "encoded twice", at the spreadsheet's row,
    // and the file as it was.
    let appended = fs::read(&file).unwrap();
    let (code, _, err) = in_data(
        &dir,
        &["import", claims.to_str().unwrap(), "--into", "example.json"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("more.csv:2"), "{err}");
    assert_eq!(fs::read(&file).unwrap(), appended);
}

/// The dataset with a second paper whose text has no headings at all, two paragraphs
/// with curly quotes and a dash.
fn with_headingless_paper() -> (tempfile::TempDir, String) {
    let (root, dir) = dataset();
    fs::write(
        Path::new(&dir).join("texts/note-2024.txt"),
        "Reading groups meet weekly.\nThey are small.\n\nThe “reading circle” model – one hour a week – serves lasting learning gains.\n",
    )
    .unwrap();
    let papers = Path::new(&dir).join("papers.json");
    let mut value = read(&papers);
    value["papers"].as_array_mut().unwrap().push(
        serde_json::json!({"id": "note-2024", "cite": "Note (2024)", "file": "note-2024.txt"}),
    );
    fs::write(&papers, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    (root, dir)
}

#[test]
fn a_text_without_headings_locates_by_paragraph_in_add_locate_and_check() {
    let (_root, dir) = with_headingless_paper();
    let (code, out, err) = in_data(&dir, &["locate", "one hour a week"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("under \"paragraph 2\""), "{out}");
    let (code, _, err) = in_data(
        &dir,
        &[
            "add",
            "reading-groups",
            "serves",
            "learning-gains",
            "--paper",
            "note-2024",
            "--quote",
            "model – one hour a week – serves lasting learning gains",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let note = read(&Path::new(&dir).join("note-2024.json"));
    assert_eq!(note["relations"][0]["sources"][0]["locator"], "paragraph 2");
    let (code, out, err) = in_data(&dir, &["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("all 2 quotes found verbatim") && !out.contains("warning"),
        "{out}"
    );
}

/// `check` holds a `paragraph N` locator to the paragraph its quote is in.
#[test]
fn check_warns_when_a_paragraph_locator_names_another_paragraph() {
    let (_root, dir) = with_headingless_paper();
    let (code, _, err) = in_data(
        &dir,
        &[
            "add",
            "reading-groups",
            "serves",
            "learning-gains",
            "--paper",
            "note-2024",
            "--quote",
            "model – one hour a week – serves lasting learning gains",
            "--locator",
            "paragraph 1",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (_, out, err) = in_data(&dir, &["check"]);
    let all = format!("{out}{err}");
    assert!(
        all.contains("locator \"paragraph 1\" names another paragraph")
            && all.contains("the quote is in paragraph 2"),
        "{all}"
    );
}

#[test]
fn locate_prints_the_texts_words_when_only_quote_marks_or_dashes_differ() {
    let (_root, dir) = with_headingless_paper();
    let (code, out, err) = in_data(&dir, &["locate", "the \"reading circle\" model - one hour"]);
    // Not found verbatim: exit code 1, the nearest miss printed.
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("only case, quote marks or dashes differ")
            && out.contains("the text's words, to copy: The “reading circle” model – one hour"),
        "{out}"
    );
    // `add` says the same, with the words to copy.
    let (code, _, err) = in_data(
        &dir,
        &[
            "add",
            "reading-groups",
            "serves",
            "learning-gains",
            "--paper",
            "note-2024",
            "--quote",
            "the \"reading circle\" model - one hour",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("the text's words, to copy: The “reading circle” model – one hour"),
        "{err}"
    );
}
