//! Exports read back by their real consumers (tests/consumers/*.py: networkx, igraph,
//! citeproc-py, pybtex, pylatexenc, markdown-it-py, rdflib, pySHACL, Kùzu), compared
//! with linkage's own JSON export of the same data. The tests that need a consumer are
//! ignored by a plain `cargo test`, each naming what it needs; `scripts/test-deps.sh`
//! installs them all and `.ci/run` runs every test (`cargo test -- --include-ignored`).

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{fixture, run, seeds};

/// The adversarial dataset: quotes, backslashes, `<&>`, line breaks, CJK, 500 characters.
fn adversarial() -> PathBuf {
    fixture("adversarial-export")
}

/// Runs `linkage ARGS`, which must succeed.
fn linkage_ok(args: &[&str]) {
    let (code, _, stderr) = run(args);
    assert_eq!(code, 0, "linkage {args:?} failed: {stderr}");
}

/// Runs a consumer check script with `args`; it must succeed. Returns its summary.
fn consumer(script: &str, args: &[&Path]) -> Value {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/consumers");
    let output = std::process::Command::new("python3")
        .arg(dir.join(script))
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{script} rejected the export:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the check prints a JSON summary")
}

/// `--data DIR` for a fixture, nothing for the built-in data.
fn data_args(data: Option<&Path>) -> Vec<String> {
    data.map(|d| vec!["--data".to_string(), d.display().to_string()])
        .unwrap_or_default()
}

/// Exports `format` of `data` (with `extra` arguments) into `dir/name`.
fn export(data: Option<&Path>, format: &str, extra: &[&str], dir: &Path, name: &str) -> PathBuf {
    let out = dir.join(name);
    let mut args = data_args(data);
    args.extend(["export", "--format", format, "-o"].map(String::from));
    args.push(out.display().to_string());
    args.extend(extra.iter().map(|s| (*s).to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    linkage_ok(&args);
    out
}

/// Each dataset with its texts: the shipped one and the adversarial fixture.
fn datasets() -> Vec<(Option<PathBuf>, PathBuf)> {
    vec![
        (None, seeds()),
        (Some(adversarial()), adversarial().join("texts")),
    ]
}

#[test]
#[ignore = "needs Python's networkx and igraph: scripts/test-deps.sh"]
fn graphml_is_read_by_networkx_and_igraph_with_every_attribute() {
    for (data, _) in datasets() {
        let dir = tempfile::tempdir().unwrap();
        let graphml = export(data.as_deref(), "graphml", &[], dir.path(), "g.graphml");
        let reference = export(data.as_deref(), "json", &[], dir.path(), "g.json");
        let summary = consumer("graphml_check.py", &[&graphml, &reference]);
        let written: Value =
            serde_json::from_str(&std::fs::read_to_string(&reference).unwrap()).unwrap();
        assert_eq!(
            summary["edges"],
            written["relations"].as_array().unwrap().len()
        );
        assert!(
            summary["parallel_edges"].as_u64().unwrap() > 0,
            "relations between one pair stay distinct edges: {summary}"
        );
    }
}

#[test]
#[ignore = "needs Python's networkx and igraph: scripts/test-deps.sh"]
fn a_selection_exports_what_dot_would_draw() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["--focus", "tpa", "--paper", "hao-2021"];
    let graphml = export(None, "graphml", &args, dir.path(), "g.graphml");
    let reference = export(None, "json", &args, dir.path(), "g.json");
    let summary = consumer("graphml_check.py", &[&graphml, &reference]);
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&reference).unwrap()).unwrap();
    let papers: Vec<&str> = written["papers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(papers, ["hao-2021"]);
    for relation in written["relations"].as_array().unwrap() {
        for source in relation["sources"].as_array().unwrap() {
            assert_eq!(source["paper"], "hao-2021");
        }
    }
    let whole = export(None, "json", &[], dir.path(), "all.json");
    let whole: Value = serde_json::from_str(&std::fs::read_to_string(whole).unwrap()).unwrap();
    assert!(
        summary["edges"].as_u64().unwrap() < whole["relations"].as_array().unwrap().len() as u64
    );
}

#[test]
fn a_json_export_of_a_selection_loads_as_a_dataset_and_exports_identically() {
    for selection in [vec![], vec!["--focus", "tpa", "--paper", "hao-2021"]] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        let first = export(None, "json", &selection, &data, "graph.json");
        // The schema travels separately: `schema --kinds --json` is the schema in force.
        std::fs::write(
            data.join("schema.json"),
            run(&["schema", "--kinds", "--json"]).1,
        )
        .unwrap();
        let again = export(Some(&data), "json", &[], dir.path(), "again.json");
        assert_eq!(
            std::fs::read_to_string(first).unwrap(),
            std::fs::read_to_string(again).unwrap()
        );
    }
}

#[test]
#[ignore = "needs Python's citeproc-py and pybtex: scripts/test-deps.sh"]
fn citations_are_read_by_citeproc_and_pybtex_with_nothing_invented() {
    for (data, _) in datasets() {
        let dir = tempfile::tempdir().unwrap();
        let csl = export(data.as_deref(), "csl-json", &[], dir.path(), "c.json");
        let bib = export(data.as_deref(), "bibtex", &[], dir.path(), "c.bib");
        let reference = export(data.as_deref(), "json", &[], dir.path(), "g.json");
        let summary = consumer("citations_check.py", &[&csl, &bib, &reference]);
        assert!(summary["bibliography"].as_array().unwrap().len() >= 2);
    }
    // The shipped papers: unknown years, venues and authors stay unknown.
    let (_, bib, _) = run(&["export", "--format", "bibtex"]);
    let organic = bib
        .split('@')
        .find(|e| e.contains("{organic-connection,"))
        .unwrap();
    for field in ["title", "author", "year", "journal", "doi", "url"] {
        assert!(
            !organic.contains(&format!("  {field} =")),
            "{field} invented: {organic}"
        );
    }
}

#[test]
#[ignore = "needs Python's markdown-it-py: scripts/test-deps.sh"]
fn the_evidence_table_is_read_as_csv_and_markdown_with_line_ranges_that_hold_the_quotes() {
    for (data, texts) in datasets() {
        let dir = tempfile::tempdir().unwrap();
        let texts_arg = texts.display().to_string();
        let with_texts = ["--sources", texts_arg.as_str()];
        let csv = export(
            data.as_deref(),
            "evidence-csv",
            &with_texts,
            dir.path(),
            "e.csv",
        );
        let md = export(
            data.as_deref(),
            "evidence-md",
            &with_texts,
            dir.path(),
            "e.md",
        );
        let reference = export(data.as_deref(), "json", &[], dir.path(), "g.json");
        let mut args = data_args(data.as_deref());
        args.extend(["schema", "--kinds", "--json"].map(String::from));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let kinds = dir.path().join("kinds.json");
        std::fs::write(&kinds, run(&args).1).unwrap();
        let summary = consumer(
            "evidence_check.py",
            &[&csv, &md, &reference, &kinds, &texts],
        );
        assert!(summary["rows"].as_u64().unwrap() > 0);
        assert_eq!(
            summary["located"], summary["rows"],
            "every quote is found in its paper: {summary}"
        );
        // Facts are claims too: every source of every fact has its row.
        assert!(summary["fact_rows"].as_u64().unwrap() > 0, "{summary}");
    }
}

#[test]
fn without_the_texts_line_ranges_are_left_empty_not_guessed() {
    let data = data_without_texts();
    let data = data.path().to_str().unwrap();
    let (code, stdout, stderr) = run(&["--data", data, "export", "--format", "evidence-csv"]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("texts are not at hand (--sources DIR)"),
        "{stderr}"
    );
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let first = headers.iter().position(|h| h == "first_line").unwrap();
    for record in reader.records() {
        assert_eq!(&record.unwrap()[first], "");
    }
}

/// The shipped data files without their texts beside them.
fn data_without_texts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for entry in std::fs::read_dir(data).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

#[test]
fn the_built_in_dataset_places_its_quotes_in_its_built_in_texts() {
    let (code, stdout, stderr) = run(&["export", "--format", "evidence-csv"]);
    assert_eq!(code, 0, "{stderr}");
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let first = headers.iter().position(|h| h == "first_line").unwrap();
    for record in reader.records() {
        assert!(!record.unwrap()[first].is_empty());
    }
}

#[test]
fn a_named_texts_directory_without_the_papers_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(&[
        "export",
        "--format",
        "evidence-csv",
        "--sources",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("cannot read") && stderr.contains(".txt"),
        "{stderr}"
    );
}

#[test]
fn an_empty_selection_exports_nothing_and_says_so() {
    let (code, _, stderr) = run(&["export", "--format", "graphml", "--min-papers", "99"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("nothing to export"), "{stderr}");
}

#[test]
#[ignore = "needs Python's rdflib and pySHACL: scripts/test-deps.sh"]
fn rdf_turtle_and_jsonld_are_the_same_triples_queried_by_sparql_and_valid_by_the_shapes() {
    let shapes = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/linkage-shapes.ttl");
    let cases = [
        (None, seeds(), "hao-2021", "dim-time"),
        (
            Some(adversarial()),
            adversarial().join("texts"),
            "p-quote",
            "dim-odd",
        ),
    ];
    for (data, texts, paper, dimension) in cases {
        let dir = tempfile::tempdir().unwrap();
        let texts_arg = texts.display().to_string();
        let with_texts = ["--sources", texts_arg.as_str()];
        let ttl = export(data.as_deref(), "turtle", &with_texts, dir.path(), "g.ttl");
        let jsonld = export(
            data.as_deref(),
            "jsonld",
            &with_texts,
            dir.path(),
            "g.jsonld",
        );
        let reference = export(data.as_deref(), "json", &[], dir.path(), "g.json");
        let summary = consumer(
            "rdf_check.py",
            &[
                &ttl,
                &jsonld,
                &reference,
                &shapes,
                Path::new(paper),
                Path::new(dimension),
                &texts,
            ],
        );
        assert_eq!(summary["located"], summary["sources"], "{summary}");
        // Facts and their sources travel too (810 of 810 sources for the shipped data),
        // and who encoded and reviewed a source where the data says.
        assert!(summary["facts"].as_u64().unwrap() > 0, "{summary}");
        if data.is_some() {
            assert!(summary["attributed"].as_u64().unwrap() > 0, "{summary}");
        }
        assert!(summary["quotes_of_paper"].as_u64().unwrap() > 0);
        assert!(summary["differences"].as_u64().unwrap() > 0);
    }
}

#[test]
fn without_the_texts_rdf_has_the_quote_but_no_position() {
    let data = data_without_texts();
    let data = data.path().to_str().unwrap();
    let (code, turtle, _) = run(&[
        "--data", data, "export", "--format", "turtle", "--focus", "tpa",
    ]);
    assert_eq!(code, 0);
    assert!(turtle.contains("oa:TextQuoteSelector"));
    assert!(!turtle.contains("oa:TextPositionSelector"));
    assert!(!turtle.contains("lk:firstLine"));
}

/// The hop count of `linkage path FROM TO ARGS` (None when there is no path).
fn linkage_hops(data: Option<&Path>, from: &str, to: &str, extra: &[String]) -> Option<u64> {
    let mut args = data_args(data);
    args.extend(["--json", "path", from, to].map(String::from));
    args.extend(extra.iter().cloned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, stdout, stderr) = run(&args);
    match code {
        0 => {
            let value: Value = serde_json::from_str(&stdout).unwrap();
            value["paths"][0]["length"].as_u64()
        }
        1 => None,
        _ => panic!("linkage path failed: {stderr}"),
    }
}

#[test]
#[ignore = "needs Python's kuzu: scripts/test-deps.sh"]
fn cypher_and_csv_load_into_kuzu_where_shortest_paths_match_linkage_path() {
    let schema = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/kuzu-schema.cypher");
    for (data, _) in datasets() {
        let dir = tempfile::tempdir().unwrap();
        let script = export(data.as_deref(), "cypher", &[], dir.path(), "g.cypher");
        let csv_dir = export(data.as_deref(), "csv", &[], dir.path(), "csv");
        for file in ["papers.csv", "nodes.csv", "relationships.csv"] {
            assert!(csv_dir.join(file).is_file(), "{file} written");
        }
        let reference = export(data.as_deref(), "json", &[], dir.path(), "g.json");
        let written: Value =
            serde_json::from_str(&std::fs::read_to_string(&reference).unwrap()).unwrap();
        let ids: Vec<&str> = written["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap())
            .collect();
        let pairs: Vec<String> = (0..10)
            .map(|i| (ids[i % ids.len()], ids[(i * 37 + 5) % ids.len()]))
            .filter(|(a, b)| a != b)
            .map(|(a, b)| format!("{a}:{b}"))
            .collect();
        let mut args: Vec<&Path> = vec![&script, &csv_dir, &reference, &schema];
        args.extend(pairs.iter().map(Path::new));
        let hops = consumer("kuzu_check.py", &args);
        assert!(
            hops["facts"].as_u64().unwrap() > 0,
            "facts load too: {hops}"
        );
        let mut kinds_args = data_args(data.as_deref());
        kinds_args.extend(["schema", "--kinds", "--json"].map(String::from));
        let kinds_args: Vec<&str> = kinds_args.iter().map(String::as_str).collect();
        let kinds: Value = serde_json::from_str(&run(&kinds_args).1).unwrap();
        let directed_kinds: Vec<String> = kinds["relation_kinds"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(_, k)| !k["symmetric"].as_bool().unwrap_or(false))
            .map(|(name, _)| name.clone())
            .collect();
        let via = vec!["--via".to_string(), directed_kinds.join(",")];
        let mut found = 0;
        for pair in &pairs {
            let (from, to) = pair.split_once(':').unwrap();
            let undirected = linkage_hops(data.as_deref(), from, to, &["--undirected".into()]);
            assert_eq!(
                hops["undirected"][pair].as_u64(),
                undirected,
                "{pair} either way"
            );
            let directed = linkage_hops(data.as_deref(), from, to, &via);
            assert_eq!(hops["directed"][pair].as_u64(), directed, "{pair} directed");
            found += usize::from(undirected.is_some());
        }
        assert!(found >= 2, "some pairs are connected: {hops}");
    }
}

#[test]
#[ignore = "needs Node.js and mermaid in tests/consumers: scripts/test-deps.sh"]
fn mermaid_is_read_by_mermaids_own_parser_with_every_label() {
    let consumers = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/consumers");
    assert!(
        consumers.join("node_modules/mermaid").is_dir(),
        "mermaid is not installed: npm install --prefix tests/consumers (as .ci/run does)"
    );
    // The shipped graph has more relations than Mermaid draws (500): the key concepts.
    for (data, selection) in [(None, vec!["--top", "80"]), (Some(adversarial()), vec![])] {
        let dir = tempfile::tempdir().unwrap();
        let mmd = export(data.as_deref(), "mermaid", &selection, dir.path(), "g.mmd");
        let reference = export(data.as_deref(), "json", &selection, dir.path(), "g.json");
        let mut args = data_args(data.as_deref());
        args.extend(["schema", "--kinds", "--json"].map(String::from));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let kinds = dir.path().join("kinds.json");
        std::fs::write(&kinds, run(&args).1).unwrap();
        let output = std::process::Command::new("node")
            .arg(consumers.join("mermaid_check.mjs"))
            .args([&mmd, &reference, &kinds])
            .output()
            .expect("node runs");
        assert!(
            output.status.success(),
            "mermaid rejected the export:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let summary: Value = serde_json::from_slice(&output.stdout).unwrap();
        let written: Value =
            serde_json::from_str(&std::fs::read_to_string(&reference).unwrap()).unwrap();
        assert_eq!(
            summary["edges"],
            written["relations"].as_array().unwrap().len()
        );
    }
}

#[test]
fn mermaid_refuses_more_relations_than_mermaid_draws_and_says_how_to_narrow() {
    let (code, stdout, stderr) = run(&["export", "--format", "mermaid"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("at most 500") && stderr.contains("--top"),
        "{stderr}"
    );
}

#[test]
fn every_node_a_relation_names_is_exported_with_it() {
    // `--top 5` keeps few nodes; the aspects and dimensions of their relations come along.
    let (_, stdout, _) = run(&["export", "--top", "5"]);
    let value: Value = serde_json::from_str(&stdout).unwrap();
    let ids: Vec<&str> = value["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    for relation in value["relations"].as_array().unwrap() {
        for end in ["from", "to", "aspect", "dimension"] {
            if let Some(id) = relation[end].as_str() {
                assert!(ids.contains(&id), "{id} is named but not exported");
            }
        }
    }
}

#[test]
fn graphml_imports_into_a_dataset_that_check_accepts_and_that_exports_identically() {
    for (data, texts) in datasets() {
        let dir = tempfile::tempdir().unwrap();
        let graphml = export(data.as_deref(), "graphml", &[], dir.path(), "g.graphml");
        let imported = dir.path().join("imported");
        let (code, stdout, stderr) = run(&[
            "import",
            "--format",
            "graphml",
            graphml.to_str().unwrap(),
            "-o",
            imported.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{stderr}");
        assert!(stdout.contains("claims.json"), "{stdout}");
        let imported_arg = imported.to_str().unwrap();
        let (code, _, stderr) = run(&[
            "--data",
            imported_arg,
            "check",
            "--sources",
            texts.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "check rejects the import: {stderr}");
        let texts_arg = texts.display().to_string();
        let with_texts = ["--sources", texts_arg.as_str()];
        for format in ["graphml", "json", "turtle", "evidence-csv"] {
            let again = export(Some(&imported), format, &with_texts, dir.path(), "again");
            let first = export(data.as_deref(), format, &with_texts, dir.path(), "first");
            // The imported dataset is other files: its digest differs, and only it.
            assert_eq!(
                without_digest(&std::fs::read_to_string(again).unwrap()),
                without_digest(&std::fs::read_to_string(first).unwrap()),
                "{format} differs after the round trip"
            );
        }
    }
}

#[test]
fn a_malformed_graphml_is_reported_at_its_line_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.graphml");
    std::fs::write(&bad, "<graphml>\n <graph>\n  <node id=\"a\"></nod>\n").unwrap();
    let out = dir.path().join("out");
    let (code, _, stderr) = run(&[
        "import",
        "--format",
        "graphml",
        bad.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("bad.graphml:3:16: </nod> closes <node>"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn import_never_writes_over_existing_files() {
    let dir = tempfile::tempdir().unwrap();
    let graphml = export(
        None,
        "graphml",
        &["--focus", "tpa"],
        dir.path(),
        "g.graphml",
    );
    std::fs::write(dir.path().join("mine.txt"), "keep").unwrap();
    let (code, _, stderr) = run(&[
        "import",
        "--format",
        "graphml",
        graphml.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("already has files"), "{stderr}");
    assert!(!dir.path().join("claims.json").exists());
}

/// `compare A B --csv --evidence`: the claims behind the comparison in the evidence
/// table's own columns, each a common-ground or difference relation between the two,
/// with line ranges from the texts built into linkage.
#[test]
fn compare_csv_evidence_has_the_evidence_tables_columns_and_the_claims_behind_the_matrix() {
    let (code, table, err) = run(&["export", "--format", "evidence-csv"]);
    assert_eq!(code, 0, "{err}");
    let export_header = table.lines().next().unwrap().to_string();
    let (code, out, err) = run(&["compare", "tpa", "rr", "--csv", "--evidence"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().next().unwrap(), export_header);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.len() > 10, "{out}");
    for row in &rows {
        let ends = [&row[at("from")], &row[at("to")]];
        assert!(ends.contains(&"tpa") && ends.contains(&"rr"), "{row:?}");
        assert!(
            ["common-ground", "differs-from"].contains(&&row[at("relation")])
                || !row[at("aspect")].is_empty()
                || !row[at("dimension")].is_empty(),
            "{row:?}"
        );
        assert!(!row[at("first_line")].is_empty(), "{row:?}");
    }
    // The matrix counts papers; the evidence lists every quote of those papers.
    let (_, matrix, _) = run(&["compare", "tpa", "rr", "--json"]);
    let matrix: Value = serde_json::from_str(&matrix).unwrap();
    let topics: std::collections::BTreeSet<String> = matrix["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["topic"].as_str().unwrap().to_string())
        .collect();
    let listed: std::collections::BTreeSet<String> = rows
        .iter()
        .map(|r| format!("{}{}", &r[at("aspect")], &r[at("dimension")]))
        .collect();
    assert_eq!(topics, listed);
    let (code, _, err) = run(&["compare", "tpa", "rr", "--evidence"]);
    assert_eq!(code, 2);
    assert!(err.contains("--csv"), "{err}");
}

/// `text` with every dataset digest (`xxh3-128:` and 32 hex digits) blanked.
fn without_digest(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("xxh3-128:") {
        let end = (at + "xxh3-128:".len() + 32).min(rest.len());
        out.push_str(&rest[..at]);
        out.push_str("xxh3-128:[digest]");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The digest an export names, and the version of linkage.
fn stamp_of(text: &str) -> (String, bool) {
    let at = text.find("xxh3-128:").expect("a dataset digest");
    let digest = text[at..at + "xxh3-128:".len() + 32].to_string();
    assert!(
        digest["xxh3-128:".len()..]
            .chars()
            .all(|c| c.is_ascii_hexdigit()),
        "{digest}"
    );
    (digest, text.contains(env!("CARGO_PKG_VERSION")))
}

#[test]
fn every_export_with_room_names_linkages_version_and_the_datasets_digest() {
    let root = tempfile::tempdir().unwrap();
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut digests = Vec::new();
    for format in ["graphml", "cypher", "turtle", "jsonld", "evidence-md"] {
        for dataset in [None, Some(data.to_str().unwrap())] {
            let mut args = Vec::new();
            if let Some(dir) = dataset {
                args.extend(["--data", dir]);
            }
            args.extend(["export", "--format", format]);
            let (code, out, err) = run(&args);
            assert_eq!(code, 0, "{format}: {err}");
            let (digest, versioned) = stamp_of(&out);
            assert!(versioned, "{format} names linkage's version");
            digests.push(digest);
        }
    }
    // One dataset, one digest: built in or read from data/, in every format.
    digests.dedup();
    assert_eq!(digests.len(), 1, "{digests:?}");

    // Any change to a data file changes it.
    let copy = root.path().join("data");
    std::fs::create_dir(&copy).unwrap();
    for entry in std::fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, copy.join(path.file_name().unwrap())).unwrap();
        }
    }
    let papers = copy.join("papers.json");
    let text = std::fs::read_to_string(&papers).unwrap();
    std::fs::write(&papers, format!("{text}\n")).unwrap();
    let (code, out, err) = run(&[
        "--data",
        copy.to_str().unwrap(),
        "export",
        "--format",
        "cypher",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_ne!(stamp_of(&out).0, digests[0]);
}
