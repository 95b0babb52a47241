//! The core: loading, checking, listing, showing, searching, exporting, name
//! resolution, colour and determinism, on the embedded data.

use serde_json::Value;

use crate::common::{fixture, linkage, run, seeds};

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let (code, out, err) = run(&all);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("--json prints JSON")
}

#[test]
fn check_passes_on_the_embedded_data_with_every_quote_verified() {
    let seeds = seeds();
    let (code, out, err) = run(&["check", "--sources", seeds.to_str().unwrap()]);
    assert_eq!(code, 0, "stderr: {err}");
    assert!(out.contains("quotes found verbatim"), "{out}");
    let report = json(&["check", "--sources", seeds.to_str().unwrap()]);
    assert_eq!(report["valid"], true);
    assert_eq!(report["verified"]["not_found"].as_array().unwrap().len(), 0);
    assert_eq!(report["verified"]["checked"], report["quotes"]);
}

#[test]
fn the_binary_works_from_any_directory() {
    let dir = tempfile::tempdir().unwrap();
    let output = linkage()
        .current_dir(dir.path())
        .args(["show", "rr"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("Rural revitalization"));
}

#[test]
fn list_groups_nodes_by_kind_and_filters_by_kind() {
    let (code, out, _) = run(&["list"]);
    assert_eq!(code, 0);
    for kind in [
        "strategy",
        "goal",
        "mechanism",
        "actor",
        "problem",
        "measure",
        "dimension",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(kind)),
            "no {kind} heading in:\n{out}"
        );
    }
    let strategies = json(&["list", "--kind", "strategy"]);
    let ids: Vec<&str> = strategies["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"tpa") && ids.contains(&"rr"), "{ids:?}");
    assert!(strategies["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["kind"] == "strategy"));
}

#[test]
fn an_unknown_kind_is_a_usage_error_listing_the_kinds() {
    let (code, _, err) = run(&["list", "--kind", "strategi"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown node kind `strategi`") && err.contains("strategy, goal"),
        "{err}"
    );
}

#[test]
fn show_lists_relations_in_and_out_with_papers() {
    let (code, out, _) = run(&["show", "tpa"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("\nTargeted poverty alleviation (tpa, strategy)  精准扶贫\n"),
        "{out}"
    );
    for heading in ["common ground", "differs in", "serves"] {
        assert!(
            out.contains(&format!("\n{heading}\n")),
            "no {heading} section"
        );
    }
    assert!(out.contains("Hao (2021)") && out.contains("Tan, Liu & Huang (2020)"));
    let shown = json(&["show", "tpa"]);
    let relations = shown["relations"].as_array().unwrap();
    assert!(relations.iter().any(|r| r["direction"] == "out"));
    assert!(relations.iter().any(|r| r["direction"] == "in"));
    assert!(relations
        .iter()
        .any(|r| r["direction"] == "both" && r["other"] == "rr"));
    assert!(relations
        .iter()
        .all(|r| !r["sources"].as_array().unwrap().is_empty()));
}

/// When targeted poverty alleviation began is a fact, not a relation: `show` prints it
/// with its source, in the summary and in detail, and its JSON carries it.
#[test]
fn show_prints_a_nodes_facts_with_their_sources() {
    let (code, out, _) = run(&["show", "tpa", "--paper", "hao"]);
    assert_eq!(code, 0);
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Facts: was first put forward in 2013 — Hao (2021)"),
        "{out}"
    );
    assert!(
        flat.contains("Facts (1) Targeted poverty alleviation was first put forward in 2013 Hao (2021), §2.2.1 Put Forward the Time and Implementation Time: “In 2013, general secretary Xi Jinping put forward the concept of precision poverty alleviation for the first time.”"),
        "{out}"
    );
    let shown = json(&["show", "tpa"]);
    let facts = shown["facts"].as_array().unwrap();
    let first = facts
        .iter()
        .find(|f| f["property"] == "first-put-forward-in")
        .expect("the fact");
    assert_eq!(first["value"], serde_json::json!({"year": 2013}));
    assert_eq!(first["papers"], serde_json::json!(["hao-2021"]));
    assert!(first["sources"][0]["quote"]
        .as_str()
        .unwrap()
        .starts_with("In 2013"));
}

#[test]
fn human_output_fits_eighty_columns() {
    for args in [
        &["show", "tpa"][..],
        &["diff", "tpa", "rr"],
        &["papers"],
        &["list"],
    ] {
        let (_, out, _) = run(args);
        for line in out.lines() {
            // A single word longer than the width (a URL, an id) may stand alone.
            if textwrap::core::display_width(line) > 80 {
                assert!(
                    !line.trim().contains(' '),
                    "{args:?}: line over 80 columns: {line}"
                );
            }
        }
    }
}

#[test]
fn names_resolve_by_id_alias_label_and_unique_substring() {
    let (_, by_id, _) = run(&["show", "tpa", "--json"]);
    for name in [
        "precision poverty alleviation",
        "TARGETED POVERTY ALLEVIATION",
        "精准扶贫",
        "accurate poverty",
    ] {
        let (code, out, err) = run(&["show", name, "--json"]);
        assert_eq!(code, 0, "{name}: {err}");
        assert_eq!(out, by_id, "{name} resolved elsewhere");
    }
}

#[test]
fn an_ambiguous_name_lists_its_matches() {
    let (code, _, err) = run(&["show", "targeted"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("\"targeted\" matches 6 nodes; use an id:") && err.contains("\n  tpa  "),
        "{err}"
    );
}

/// A name in another word order or hyphenation resolves; another ending does not
/// (continuity is not continuation), but the concepts sharing its words are suggested.
#[test]
fn names_resolve_whatever_the_word_order_and_unknown_ones_suggest_by_words() {
    let by_id = run(&["show", "urban-rural-integration", "--json"]).1;
    for name in ["integration urban-rural", "Rural Urban integration"] {
        let (code, out, err) = run(&["show", name, "--json"]);
        assert_eq!(code, 0, "{name}: {err}");
        assert_eq!(out, by_id, "{name}");
    }
    let (code, _, err) = run(&["show", "poverty of multi dimensions"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("\n  solve-multidimensional-poverty  "),
        "{err}"
    );
    let (code, _, err) = run(&["show", "continuity of policies"]);
    assert_eq!(code, 2, "a stem is not a name: {err}");
    assert!(err.contains("\n  policy-continuity  "), "{err}");
}

#[test]
fn an_unknown_name_suggests_the_closest() {
    let (code, _, err) = run(&["show", "tpaa"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no node matches \"tpaa\"; the closest:\n  tpa  "),
        "{err}"
    );
}

#[test]
fn search_finds_nodes_and_quotes_and_exits_1_on_nothing() {
    let found = json(&["search", "common prosperity"]);
    assert!(found["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["id"] == "common-prosperity"));
    assert!(found["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|q| q["quote"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("common prosperity")
            || q["locator"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("common prosperity")));
    let (code, out, _) = run(&["search", "xylophone"]);
    assert_eq!(code, 1);
    assert!(out.contains("nothing matches"));
}

/// The look-ups: word order, hyphens and word endings do not matter, and
/// whatever the text holds as written is still found.
#[test]
fn search_ignores_hyphens_word_order_and_endings() {
    let ids = |found: &Value| -> Vec<String> {
        found["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect()
    };
    let found = json(&["search", "rural-urban"]);
    assert!(
        ids(&found).contains(&"urban-rural-integrated-poverty-governance".to_string()),
        "{found}"
    );
    let found = json(&["search", "multidimensional"]);
    let quotes: Vec<&str> = found["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["quote"].as_str().unwrap())
        .collect();
    assert!(
        quotes.iter().any(|q| q.contains("multi-dimensional")),
        "{quotes:?}"
    );
    assert_eq!(
        json(&["search", "prosperity common"]),
        json(&["search", "Common Prosperity"])
    );
    // Every quote holding the text as written is found, as before.
    for phrase in ["poverty alleviation", "the", "2020", "rural"] {
        let found = json(&["search", phrase]);
        let sources = found["quotes"].as_array().unwrap().len();
        let (code, out, err) = run(&["export", "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        let graph: Value = serde_json::from_str(&out).expect("export writes JSON");
        let literal = graph["relations"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["sources"].as_array().unwrap())
            .filter(|s| {
                s["quote"].as_str().unwrap().to_lowercase().contains(phrase)
                    || s["locator"]
                        .as_str()
                        .unwrap()
                        .to_lowercase()
                        .contains(phrase)
            })
            .count();
        assert!(sources >= literal, "{phrase}: {sources} < {literal}");
    }
}

#[test]
fn papers_lists_five_papers_with_unknown_fields_as_null() {
    let papers = json(&["papers"]);
    let papers = papers.as_array().unwrap();
    assert_eq!(papers.len(), 5);
    let ids: Vec<&str> = papers.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "wu-zhu",
            "organic-connection",
            "bnu-dean-2020",
            "tan-liu-huang-2020",
            "hao-2021"
        ]
    );
    assert!(papers.iter().all(|p| p["claims"].as_u64().unwrap() > 0));
    assert_eq!(papers[0]["year"], Value::Null);
    assert_eq!(papers[1]["authors"], Value::Null);
    assert_eq!(papers[3]["doi"], "10.33788/rcis.70.19");
    let (_, text, _) = run(&["papers"]);
    assert!(
        text.contains("authors: unknown; year: unknown; venue: unknown"),
        "{text}"
    );
}

#[test]
fn schema_prints_a_json_schema_with_the_kinds_in_force() {
    let schema = json(&["schema"]);
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let kinds = &schema["$defs"]["node"]["properties"]["kind"]["enum"];
    assert!(kinds.as_array().unwrap().contains(&Value::from("strategy")));
    let extended = fixture("good");
    let (_, out, _) = run(&["--data", extended.to_str().unwrap(), "schema"]);
    assert!(
        out.contains("\"theory\""),
        "the user's kinds appear in the JSON Schema"
    );
    let kinds = json(&["schema", "--kinds"]);
    assert_eq!(kinds["relation_kinds"]["differs"]["role"], "difference");
    // Who says so, and how much to print, are fields of a source.
    let source = &schema["$defs"]["source"]["properties"];
    assert_eq!(
        source["voice"]["enum"],
        serde_json::json!(["thesis", "reported", null])
    );
    assert_eq!(
        source["extent"]["enum"],
        serde_json::json!(["sentence", "quote", null])
    );
    assert_eq!(source["encoded_by"]["$ref"], "#/$defs/name");
    assert_eq!(source["reviewed_by"]["$ref"], "#/$defs/name");
}

#[test]
fn export_round_trips_through_load() {
    let (code, first, _) = run(&["export", "--format", "json"]);
    assert_eq!(code, 0);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("graph.json"), &first).unwrap();
    let (code, second, err) = run(&["--data", dir.path().to_str().unwrap(), "export"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(first, second, "export → load → export changes nothing");
}

#[test]
fn export_writes_a_file_but_never_into_the_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("graph.json");
    let (code, out, _) = run(&["export", "-o", target.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.is_empty());
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(written["papers"].as_array().unwrap().len(), 5);
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::copy(&target, data.join("graph.json")).unwrap();
    let inside = data.join("out.json");
    let (code, _, err) = run(&[
        "--data",
        data.to_str().unwrap(),
        "export",
        "-o",
        inside.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("refusing to write"), "{err}");
    assert!(!inside.exists());
    let nested = data.join("new/sub/out.json");
    let (code, _, _) = run(&[
        "--data",
        data.to_str().unwrap(),
        "export",
        "-o",
        nested.to_str().unwrap(),
    ]);
    assert_eq!(
        code, 2,
        "a directory not yet created inside the data is refused too"
    );
}

#[test]
fn colour_only_when_forced_and_never_with_no_color() {
    let plain = linkage().arg("papers").output().unwrap();
    assert!(
        !plain.stdout.contains(&0x1b),
        "piped output has no escape codes"
    );
    let forced = linkage()
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .arg("papers")
        .output()
        .unwrap();
    assert!(
        forced.stdout.contains(&0x1b),
        "CLICOLOR_FORCE=1 colours output"
    );
}

#[test]
fn output_is_deterministic() {
    for args in [
        &["show", "tpa", "--json"][..],
        &["diff", "tpa", "rr"],
        &["export"],
        &["contested", "--json"],
    ] {
        let first = run(args).1;
        let second = run(args).1;
        assert_eq!(first, second, "{args:?}");
    }
}

#[test]
fn show_of_a_dimension_lists_the_comparisons_made_along_it() {
    let shown = json(&["show", "dim-target-objects"]);
    let compared = shown["compared_along"].as_array().unwrap();
    assert!(compared.len() >= 4, "{compared:?}");
    assert!(compared
        .iter()
        .all(|r| r["kind"] == "differs" && r["dimension"] == "dim-target-objects"));
    let (_, brief, _) = run(&["show", "dim-target-objects", "--brief"]);
    assert!(brief.contains("Compared along this"), "{brief}");
    let bnu = compared
        .iter()
        .filter(|r| {
            r["sources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["paper"] == "bnu-dean-2020")
        })
        .count();
    assert_eq!(
        brief
            .matches("BNU Dean (2020), §The basis for the effective connection")
            .count(),
        bnu,
        "brief mode prints a citation and locator once per relation:\n{brief}"
    );
}

/// `--limit` cuts a JSON listing as it cuts the text, and says so: how many there were
/// and that some were left out, never a silently short list.
#[test]
fn a_limited_json_listing_counts_what_it_left_out() {
    let all = json(&["list"]);
    let cut = json(&["list", "--limit", "2"]);
    assert_eq!(cut["nodes"].as_array().unwrap().len(), 2);
    assert_eq!(cut["total"], all["total"]);
    assert_eq!(cut["truncated"], true);
    assert_eq!(all["truncated"], false);
    assert_eq!(
        all["nodes"].as_array().unwrap().len() as u64,
        all["total"].as_u64().unwrap()
    );
    let found = json(&["search", "prosperity"]);
    let one = json(&["search", "prosperity", "--limit", "1"]);
    let shown =
        |v: &Value| v["nodes"].as_array().unwrap().len() + v["quotes"].as_array().unwrap().len();
    assert_eq!(shown(&one), 1);
    assert_eq!(one["total"], found["total"]);
    assert_eq!(found["total"], shown(&found));
    assert_eq!(one["truncated"], true);
    assert_eq!(found["truncated"], false);
}

/// `schema --kinds` is a table to read (542 lines of JSON before): every node kind and
/// every relation kind, each relation kind with its arrow and the node kinds it joins;
/// `--json` keeps the whole schema.
#[test]
fn schema_kinds_is_a_short_table_and_json_the_whole_schema() {
    let (code, table, err) = run(&["schema", "--kinds"]);
    assert_eq!(code, 0, "{err}");
    let schema = json(&["schema", "--kinds"]);
    for kind in schema["node_kinds"].as_object().unwrap().keys() {
        assert!(table.contains(&format!("\n  {kind}")), "{kind}: {table}");
    }
    for (kind, definition) in schema["relation_kinds"].as_object().unwrap() {
        let label = definition["label"].as_str().unwrap();
        assert!(
            table.contains(&format!("  {kind} --{label}-->"))
                || table.contains(&format!("  {kind} <--{label}-->")),
            "{kind}: {table}"
        );
    }
    assert!(table.contains("inverse of relies-on"), "{table}");
    assert!(
        !table.contains("fillcolor") && !table.contains('{'),
        "{table}"
    );
    assert!(
        table.lines().count() < 120,
        "{} lines",
        table.lines().count()
    );
}
