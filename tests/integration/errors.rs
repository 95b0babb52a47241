//! Bad input: one fixture per kind of problem under `tests/fixtures/bad/`, each with the
//! exit code and the exact message expected (insta snapshots of stderr).

use crate::common::{fixture, portable, run};

/// Runs `linkage --data tests/fixtures/bad/NAME check` and returns (code, stderr).
fn check(name: &str) -> (i32, String) {
    let dir = fixture(&format!("bad/{name}"));
    let (code, _, err) = run(&["--data", dir.to_str().unwrap(), "check"]);
    (code, portable(&err))
}

macro_rules! bad_input {
    ($($test:ident => $fixture:literal, $needle:literal;)*) => {$(
        #[test]
        fn $test() {
            let (code, err) = check($fixture);
            assert_eq!(code, 2, "{err}");
            assert!(err.contains($needle), "expected {:?} in:\n{err}", $needle);
            assert!(!err.contains("panicked"), "{err}");
            insta::assert_snapshot!($fixture, err);
        }
    )*};
}

bad_input! {
    malformed_json => "malformed-json", "claims.json:3:40";
    unknown_node_id => "unknown-node-id", "did you mean `alpha`?";
    duplicate_id_across_files => "duplicate-id-across-files", "first defined at";
    wrong_endpoint_kind => "wrong-endpoint-kind", "cannot have a strategy node at its `from` end";
    difference_without_dimension => "difference-without-dimension", "lacks `dimension`";
    difference_without_positions => "difference-without-positions", "lacks `positions`";
    relation_without_source => "relation-without-source", "has no source";
    empty_quote => "empty-quote", "has no quote";
    unknown_paper => "unknown-paper", "unknown paper `p2`";
    alias_collision => "alias-collision", "already belongs to node `gamma`";
    invalid_utf8 => "invalid-utf8", "not valid UTF-8";
    empty_file => "empty-file", "the file is empty";
    wrong_type => "wrong-type", "invalid type: integer `3`, expected a string";
    unknown_relation_kind => "unknown-relation-kind", "did you mean `serves`?";
    unknown_node_kind => "unknown-node-kind", "unknown node kind `goall`";
    not_kebab_case => "not-kebab-case", "is not kebab-case";
    common_ground_without_aspect => "common-ground-without-aspect", "lacks `aspect`";
    aspect_not_a_dimension => "aspect-not-a-dimension", "must name a dimension node";
    unknown_field => "unknown-field", "unknown field `frm`";
    top_level_array => "top-level-array", "must be a JSON object";
    self_relation => "self-relation", "links `alpha` to itself";
    missing_locator => "missing-locator", "has no locator";
    duplicate_claim => "duplicate-claim", "the same claim with the same quote is encoded twice";
    trailing_comma => "trailing-comma", "JSON allows no comma after the last item";
    wrong_type_year => "wrong-type-year", "paper `p1`: invalid type: string \"2022\", expected a whole number";
    unknown_field_in_node => "unknown-field-in-node", "node `goal-one`: unknown field `lable`";
    node_kind_typo => "node-kind-typo", "did you mean `actor`?";
    chinese_caret => "chinese-caret", "more.json:3:68";
    text_outside_sources => "text-outside-sources", "the `file` of paper `p2` is an absolute path";
    top_level_typo => "top-level-typo", "did you mean `nodes`?";
    schema_kind_typo => "schema-kind-typo", "unknown node kind `actr` (did you mean `actor`?)";
    logic_unknown_kind => "logic-unknown-kind", "names unknown relation kind `relates`; did you mean `relates-to`?";
    logic_inconsistent => "logic-inconsistent", "implication runs in a circle: drives ⇒ serves ⇒ drives";
    logic_opposition => "logic-opposition", "every `helps-and-harms` claim would contradict itself";
    logic_polarity => "logic-polarity", "casts one concept both as an asset and as a liability";
    bad_attribution => "bad-attribution", "unknown voice `theses` in source 1 of relation 1";
}

/// serde counts columns in bytes; a Chinese line has three per character. The caret
/// must land under the place, in display columns.
#[test]
fn carets_on_chinese_lines_stay_under_the_mistake() {
    let (_, err) = check("chinese-caret");
    let lines: Vec<&str> = err.lines().collect();
    for (at, expected) in [("more.json:3:68", '"'), ("claims.json:3:103", '7')] {
        let i = lines.iter().position(|l| l.ends_with(at)).expect(at);
        let (code, caret) = (lines[i + 2], lines[i + 3]);
        let column = caret.find('^').expect("a caret");
        let mut width = 0;
        let under = code.chars().find(|c| {
            let w = if ('\u{2e80}'..='\u{9fff}').contains(c) {
                2
            } else {
                1
            };
            width += w;
            width > column
        });
        assert_eq!(under, Some(expected), "{at}:\n{err}");
    }
}

/// A user schema with more relation kinds than an edge can index (u16) panicked.
#[test]
fn a_schema_with_too_many_relation_kinds_is_a_schema_problem() {
    let dir = tempfile::tempdir().unwrap();
    let kinds: Vec<String> = (0..70_000)
        .map(|i| format!(r#""k{i}": {{"label": "k{i}", "from": ["*"], "to": ["*"], "template": "{{from}} k {{to}}"}}"#))
        .collect();
    std::fs::write(
        dir.path().join("schema.json"),
        format!(
            "{{\"node_kinds\": {{\"concept\": {{}}}},\n\"relation_kinds\": {{{}}}}}",
            kinds.join(",\n")
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("data.json"),
        r#"{"papers": [{"id": "p", "file": "p.txt"}],
"nodes": [{"id": "a", "kind": "concept", "label": "A"}, {"id": "b", "kind": "concept", "label": "B"}],
"relations": [{"kind": "k69999", "from": "a", "to": "b", "sources": [{"paper": "p", "locator": "1", "quote": "A k B."}]}]}"#,
    )
    .unwrap();
    let (code, _, err) = run(&["--data", dir.path().to_str().unwrap(), "check"]);
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let err = err.replace(dir.path().to_str().unwrap(), "[DIR]");
    insta::assert_snapshot!("too-many-relation-kinds", err);
}

/// One mistake, one problem: nothing else is reported about the records the mistake
/// made unreadable.
#[test]
fn one_mistake_is_reported_once_without_a_cascade() {
    for (fixture, place) in [
        // The syntax error is in nodes.json; claims.json references its nodes.
        ("trailing-comma", "nodes.json:26:3"),
        // The caret is on the value of the wrong type, not on the record's `{`.
        ("wrong-type-year", "papers.json:10:15"),
        // The caret is on the unknown key; the relation using the node is not reported.
        ("unknown-field-in-node", "nodes.json:19:7"),
        ("unknown-field", "claims.json:5:7"),
        ("node-kind-typo", "more.json:5:15"),
        // `"node"` for `"nodes"`: the relations using its nodes are not reported.
        ("top-level-typo", "nodes.json:2:11"),
    ] {
        let (code, err) = check(fixture);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains("error: the data has 1 problem\n"),
            "{fixture}: {err}"
        );
        assert!(!err.contains("unknown node `"), "{fixture}: {err}");
        assert!(!err.contains("unknown paper `"), "{fixture}: {err}");
        assert!(err.contains(place), "{fixture} at {place}: {err}");
    }
}

/// References into a file that could not be read are not checked, but a reference to
/// an id that file does not define either is still a mistake.
#[test]
fn references_outside_an_unreadable_file_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let good = fixture("bad/trailing-comma");
    for name in ["papers.json", "nodes.json"] {
        std::fs::copy(good.join(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(
        dir.path().join("claims.json"),
        r#"{"relations": [
  {"kind": "serves", "from": "alpha", "to": "goal-one", "sources": [{"paper": "p1", "locator": "1", "quote": "Alpha serves goal one."}]},
  {"kind": "serves", "from": "nowhere", "to": "goal-one", "sources": [{"paper": "p1", "locator": "1", "quote": "Nowhere serves goal one."}]}
]}"#,
    )
    .unwrap();
    let (code, _, err) = run(&["--data", dir.path().to_str().unwrap(), "check"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("unknown node `nowhere` in `from` of relation 2"),
        "{err}"
    );
    assert!(!err.contains("unknown node `alpha`"), "{err}");
    assert!(err.contains("error: the data has 2 problems"), "{err}");
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let (code, err) = check("many-problems");
    assert_eq!(code, 2);
    for needle in [
        "unknown node `alpah`",
        "`hinders` cannot have a strategy node",
        "lacks `dimension`",
        "lacks `positions`",
        "has no source",
        "unknown paper `p9`",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    assert!(err.contains("error: the data has 6 problems"), "{err}");
    insta::assert_snapshot!("many-problems", err);
}

#[test]
fn a_byte_order_mark_is_a_warning_not_an_error() {
    let (code, err) = check("bom");
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning: the file starts with a UTF-8 byte-order mark"),
        "{err}"
    );
    insta::assert_snapshot!("bom", err);
}

#[test]
fn quotes_missing_from_the_paper_are_listed_with_their_place() {
    let dir = fixture("bad/quote-not-found");
    let texts = fixture("texts");
    let (code, out, err) = run(&[
        "--data",
        dir.to_str().unwrap(),
        "check",
        "--sources",
        texts.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(out.contains("1 of 2 quotes checked not found"), "{out}");
    let err = portable(&err);
    assert!(err.contains("claims.json:"), "{err}");
    assert!(err.contains("Alpha drives goal one strongly."), "{err}");
    insta::assert_snapshot!("quote-not-found", err);
}

#[test]
fn an_unreadable_source_text_is_named() {
    let dir = fixture("bad/quote-not-found");
    let (code, _, err) = run(&[
        "--data",
        dir.to_str().unwrap(),
        "check",
        "--sources",
        "/nonexistent/texts",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot read /nonexistent/texts/p1.txt"),
        "{err}"
    );
}

#[test]
fn a_missing_data_directory_is_named() {
    let (code, _, err) = run(&["--data", "/nonexistent/data", "list"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot read directory /nonexistent/data"),
        "{err}"
    );
}

#[test]
fn a_directory_without_json_files_is_an_error() {
    let dir = fixture("texts");
    let (code, _, err) = run(&["--data", dir.to_str().unwrap(), "list"]);
    assert_eq!(code, 2);
    assert!(err.contains("no data files"), "{err}");
}

#[test]
fn a_dataset_may_extend_the_schema() {
    let dir = fixture("good");
    let (code, out, err) = run(&["--data", dir.to_str().unwrap(), "list", "--kind", "theory"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("marxism"), "{out}");
}

/// Large files are checked on several threads; problems must still name the right
/// relation, in file order.
#[test]
fn problems_in_a_large_file_are_reported_in_order_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let nodes: Vec<String> = (0..100)
        .map(|i| format!(r#"{{"id": "n{i}", "kind": "concept", "label": "Node {i}"}}"#))
        .collect();
    let relations: Vec<String> = (0..30_000)
        .map(|i| {
            let to = if i == 7 || i == 29_999 { "missing".to_string() } else { format!("n{}", (i + 1) % 100) };
            format!(
                r#"{{"kind": "drives", "from": "n{}", "to": "{to}", "sources": [{{"paper": "p", "locator": "1", "quote": "q{i}"}}]}}"#,
                i % 100
            )
        })
        .collect();
    let data = format!(
        "{{\"papers\": [{{\"id\": \"p\", \"file\": \"p.txt\"}}],\n\"nodes\": [\n{}\n],\n\"relations\": [\n{}\n]}}\n",
        nodes.join(",\n"),
        relations.join(",\n")
    );
    std::fs::write(dir.path().join("big.json"), data).unwrap();
    let (code, _, err) = run(&["--data", dir.path().to_str().unwrap(), "check"]);
    assert_eq!(code, 2);
    let first = err
        .find("unknown node `missing` in `to` of relation 8")
        .expect(&err);
    let last = err
        .find("unknown node `missing` in `to` of relation 30000")
        .expect(&err);
    assert!(first < last, "file order");
    assert!(
        err.contains("big.json:112:40"),
        "relation 8 (index 7) is on line 112: {err}"
    );
    assert!(err.contains("error: the data has 2 problems"), "{err}");
}

/// Runs `linkage --data tests/fixtures/bad/NAME check` and returns (code, stdout, stderr).
fn check_with_output(name: &str) -> (i32, String, String) {
    let dir = fixture(&format!("bad/{name}"));
    let (code, out, err) = run(&["--data", dir.to_str().unwrap(), "check"]);
    (code, portable(&out), portable(&err))
}

#[test]
fn check_with_no_flags_verifies_the_built_in_quotes_against_the_built_in_texts() {
    let (code, out, err) = run(&["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("texts: the 5 texts in data/texts, built into linkage"),
        "{out}"
    );
    let (_, json, _) = run(&["check", "--json"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let quotes = report["quotes"].as_u64().unwrap();
    assert!(report["claims"].as_u64().unwrap() > 600, "{report}");
    assert_eq!(report["verified"]["checked"], quotes, "{report}");
    assert_eq!(report["verified"]["unchecked"], 0, "{report}");
    assert!(
        out.contains(&format!(
            "ok: all {quotes} quotes found verbatim in their papers"
        )),
        "{out}"
    );
    assert!(
        err.is_empty() && !out.contains("warning"),
        "the shipped data has no warnings: {out}{err}"
    );
}

#[test]
fn a_tampered_quote_fails_against_the_data_directorys_own_texts() {
    let (code, out, err) = check_with_output("tampered-quote");
    assert_eq!(code, 2, "{err}");
    assert!(
        out.contains("texts: [REPO]/tests/fixtures/bad/tampered-quote/texts"),
        "{out}"
    );
    assert!(out.contains("1 of 2 quotes checked not found"), "{out}");
    assert!(err.contains("\"Alpha drives goal two.\""), "{err}");
    insta::assert_snapshot!("tampered-quote", err);
}

#[test]
fn every_missing_text_is_named_and_the_other_papers_are_still_checked() {
    let (code, out, err) = check_with_output("missing-texts");
    assert_eq!(code, 2, "{err}");
    for paper in [
        "paper `p2` (Roe (2021)), `file` \"p2.txt\"",
        "paper `p3` (Poe (2022)), `file` \"p3.txt\"",
    ] {
        assert!(err.contains(paper), "{paper} in {err}");
    }
    assert!(err.contains("quote not found in Doe (2020)"), "{err}");
    assert!(out.contains("2 quotes not checked"), "{out}");
    insta::assert_snapshot!("missing-texts", err);
}

#[test]
fn check_says_when_quotes_were_not_verified() {
    let dir = fixture("good");
    let (code, out, err) = run(&["--data", dir.to_str().unwrap(), "check"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("quotes not verified: no texts"), "{out}");
}

#[test]
fn short_quotes_and_unknown_locators_are_warnings() {
    let (code, out, err) = check_with_output("quote-warnings");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("warning: quote \"Alpha serves\" is too short"),
        "{out}"
    );
    assert!(
        out.contains("warning: locator names a heading not found in p1.txt: \"9. Results\""),
        "{out}"
    );
    assert!(
        out.contains("used by 2 sources"),
        "one warning per locator: {out}"
    );
    assert!(out.contains("\n2 warnings\n"), "{out}");
    insta::assert_snapshot!("quote-warnings", out);
}

/// A minified file (one long line) with thousands of problems: each used to walk the
/// file and copy the whole line, which took minutes and memory of problems times file
/// size. Now the file is indexed once and only the part of the line around each
/// problem is kept.
#[test]
fn thousands_of_problems_in_one_long_line_are_reported_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let relations: Vec<String> = (0..3000)
        .map(|i| {
            format!(
                r#"{{"kind": "serves", "from": "nope{i}", "to": "goal", "note": "{}", "sources": [{{"paper": "p", "locator": "1", "quote": "q{i}"}}]}}"#,
                "x".repeat(1000)
            )
        })
        .collect();
    std::fs::write(
        dir.path().join("a.json"),
        format!(
            r#"{{"papers": [{{"id": "p", "file": "p.txt"}}], "nodes": [{{"id": "goal", "kind": "goal", "label": "G"}}], "relations": [{}]}}"#,
            relations.join(", ")
        ),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let (code, _, err) = run(&["--data", dir.path().to_str().unwrap(), "check"]);
    let took = started.elapsed();
    assert_eq!(code, 2);
    assert!(
        err.contains("error: the data has 3000 problems"),
        "{}",
        &err[err.len() - 200..]
    );
    assert!(
        err.contains("unknown node `nope2999` in `from` of relation 3000"),
        "{}",
        &err[err.len() - 400..]
    );
    let longest = err.lines().map(str::len).max().unwrap_or(0);
    assert!(
        longest < 1000,
        "a snippet is cut around its column: {longest} bytes"
    );
    assert!(took.as_secs() < 40, "took {took:?}");
}

/// Runs `linkage import --format graphml FILE -o OUT` on `text`: (code, stderr, whether
/// OUT was written).
fn import_graphml(text: &str) -> (i32, String, bool) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.graphml");
    std::fs::write(&file, text).unwrap();
    let out = dir.path().join("out");
    let (code, _, err) = run(&[
        "import",
        "--format",
        "graphml",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    (
        code,
        err.replace(file.to_str().unwrap(), "g.graphml"),
        out.exists(),
    )
}

/// A GraphML file of 200,000 nested elements is a clear error at its line and column,
/// not a stack overflow (exit 134), and nothing is written.
#[test]
fn deeply_nested_graphml_is_an_error_not_a_crash() {
    let text = format!("<graphml>\n{}", "<a>".repeat(200_000));
    let (code, err, written) = import_graphml(&text);
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err,
        "error: g.graphml:2:766: elements nested more than 256 deep; GraphML needs a few\n"
    );
    assert!(!written);
}

/// What linkage needs and the GraphML lacks is reported at the element's line and
/// column, however far into the file it is; malformed XML at its place.
#[test]
fn graphml_problems_are_placed_at_their_element() {
    let (code, exported, err) = run(&["export", "--format", "graphml"]);
    assert_eq!(code, 0, "{err}");
    // The last edge loses its sources.
    let last = exported.rfind("<edge ").unwrap();
    let line = exported[..last].matches('\n').count() + 1;
    let column = last - exported[..last].rfind('\n').unwrap();
    let sources = exported[last..].find("<data key=\"e_sources\"").unwrap() + last;
    let end = exported[sources..].find("</data>").unwrap() + sources + "</data>".len();
    let without = format!("{}{}", &exported[..sources], &exported[end..]);
    let (code, err, written) = import_graphml(&without);
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err,
        format!("error: g.graphml:{line}:{column}: <edge> has no `sources` data\n")
    );
    assert!(!written);
    for (text, message) in [
        (
            "<graphml>\n  <graph>\n    <data key=\"x\">a &nbsp; b</data>",
            "g.graphml:3:21: unknown entity &nbsp;",
        ),
        (
            "<graphml/>\n<x/>",
            "g.graphml:2:1: content after the root element",
        ),
        (
            "<graphml><graph><data key=\"papers\">[]</data></graph></graphml>\n<!-- c -->\n<x/>",
            "g.graphml:3:1: content after the root element",
        ),
        (
            "<graphml>\n<graph>\n",
            "g.graphml:2:1: element <graph> is not closed",
        ),
        ("<gml/>", "g.graphml:1:1: expected <graphml>, found <gml>"),
    ] {
        let (code, err, written) = import_graphml(text);
        assert_eq!(code, 2, "{text}: {err}");
        assert!(err.contains(message), "{text}: {err}");
        assert!(!written);
    }
}
