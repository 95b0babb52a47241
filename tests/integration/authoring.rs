//! Modelling your own papers: init → locate → add → import → check, on English and
//! Chinese texts, with every problem reported by row and nothing half-written.

use std::{fmt::Write as _, fs, path::Path};

use serde_json::Value;

use crate::common::{linkage, run};

fn data_args<'a>(dir: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["--data", dir];
    all.extend_from_slice(args);
    all
}

/// A new dataset with a second, Chinese paper beside the example one.
fn dataset() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("d");
    let (code, _, err) = run(&["init", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    fs::write(
        dir.join("texts/zh-2021.txt"),
        "## 一、引言\n精准扶贫是乡村振兴的\n前提和基础。\n## 二、路径\n产业振兴是乡村振兴的重点。\n",
    )
    .unwrap();
    let papers = dir.join("papers.json");
    let mut value: Value = serde_json::from_str(&fs::read_to_string(&papers).unwrap()).unwrap();
    value["papers"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"id": "zh-2021", "cite": "某 (2021)", "file": "zh-2021.txt"}));
    fs::write(&papers, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    root
}

fn dir_of(root: &tempfile::TempDir) -> String {
    root.path().join("d").display().to_string()
}

#[test]
fn init_gives_a_dataset_that_checks_at_once() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("new");
    let (code, out, err) = run(&["init", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("next: linkage --data"), "{out}");
    let texts = dir.join("texts");
    let (code, out, err) = run(&[
        "--data",
        dir.to_str().unwrap(),
        "check",
        "--sources",
        texts.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("all 1 quotes found verbatim"), "{out}");
    // A second init into the same directory refuses rather than overwrite.
    let (code, _, err) = run(&["init", dir.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("is not empty"), "{err}");
}

#[test]
fn locate_finds_english_and_chinese_quotes_with_their_headings() {
    let root = dataset();
    let dir = dir_of(&root);
    let (code, out, err) = run(&data_args(&dir, &["locate", "peer tutoring serves"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("[example-2024], line 6, under \"1. Introduction\""),
        "{out}"
    );
    let (code, out, _) = run(&data_args(
        &dir,
        &["locate", "乡村振兴的前提和基础", "--json"],
    ));
    assert_eq!(code, 0);
    let found: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(found["found"][0]["paper"], "zh-2021");
    assert_eq!(found["found"][0]["lines"], serde_json::json!([2, 3]));
    assert_eq!(found["found"][0]["locator"], "一、引言");
    // A near miss, by characters: no spaces to split Chinese on.
    let (code, out, _) = run(&data_args(&dir, &["locate", "精准扶贫是乡村发展的前提"]));
    assert_eq!(code, 1);
    assert!(
        out.contains("the text has \"精准扶贫是乡村\" but then not \"发展的前提\""),
        "{out}"
    );
}

#[test]
fn add_appends_a_checked_claim_keeping_every_other_byte() {
    let root = dataset();
    let dir = dir_of(&root);
    // Hand-edited formatting: tabs, a blank line, a trailing note.
    let file = Path::new(&dir).join("example.json");
    let hand = "{\n\t\"nodes\": [\n\t\t{\"id\": \"reading-groups\", \"kind\": \"measure\", \"label\": \"Reading groups\"},\n\n\t\t{\"id\": \"learning-gains\", \"kind\": \"goal\", \"label\": \"Lasting learning gains\"}\n\t],\n\t\"relations\": [\n\t\t{\"kind\": \"premise-of\", \"from\": \"reading-groups\", \"to\": \"learning-gains\",\n\t\t \"sources\": [{\"paper\": \"example-2024\", \"locator\": \"1. Introduction\", \"quote\": \"Reading groups are a premise of lasting learning gains\"}]}\n\t]\n}\n";
    fs::write(&file, hand).unwrap();
    let (code, out, err) = run(&data_args(
        &dir,
        &[
            "add",
            "Peer tutoring",
            "serves",
            "lasting learning gains",
            "--paper",
            "example",
            "--quote",
            "peer tutoring serves the same goal",
            "--from-kind",
            "measure",
        ],
    ));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("new node peer-tutoring (measure)"), "{out}");
    let after = fs::read_to_string(&file).unwrap();
    // The file is the hand-written one with a node and a relation spliced in: every
    // byte before, between and after the two insertions is as it was.
    let node_end = hand.find("\"Lasting learning gains\"}").unwrap() + 25;
    let relation_end = hand.rfind("}]}").unwrap() + 3;
    assert!(after.starts_with(&hand[..node_end]), "{after}");
    assert!(after.contains(&hand[node_end..relation_end]), "{after}");
    assert!(after.ends_with(&hand[relation_end..]), "{after}");
    assert!(
        after.contains(",\n\t\t{\n"),
        "new records indented with tabs: {after}"
    );
    let parsed: Value = serde_json::from_str(&after).unwrap();
    let added = &parsed["relations"][1];
    assert_eq!(added["from"], "peer-tutoring");
    assert_eq!(added["sources"][0]["locator"], "1. Introduction");

    // The Chinese paper: locator from its heading.
    let (code, _, err) = run(&data_args(
        &dir,
        &[
            "add",
            "产业振兴",
            "part-of",
            "learning-gains",
            "--paper",
            "zh-2021",
            "--quote",
            "产业振兴是乡村振兴的重点",
            "--from-kind",
            "measure",
        ],
    ));
    // A Chinese name makes no id: said so, nothing written.
    assert_eq!(code, 2);
    assert!(err.contains("cannot make an id"), "{err}");
    let (code, _, err) = run(&data_args(
        &dir,
        &[
            "add",
            "Industrial revitalization",
            "part-of",
            "learning-gains",
            "--paper",
            "zh-2021",
            "--quote",
            "产业振兴是乡村振兴的重点",
            "--from-kind",
            "measure",
        ],
    ));
    assert_eq!(code, 0, "{err}");
    // The paper had no claims yet: they start its own file.
    let zh: Value =
        serde_json::from_str(&fs::read_to_string(Path::new(&dir).join("zh-2021.json")).unwrap())
            .unwrap();
    assert_eq!(zh["relations"][0]["sources"][0]["locator"], "二、路径");
}

#[test]
fn add_refuses_what_check_refuses_with_checks_message_and_writes_nothing() {
    let root = dataset();
    let dir = dir_of(&root);
    let file = Path::new(&dir).join("example.json");
    let before = fs::read(&file).unwrap();
    // `hinders` must start at a problem: the loader's own message, at the new line.
    let (code, _, err) = run(&data_args(
        &dir,
        &[
            "add",
            "reading-groups",
            "hinders",
            "learning-gains",
            "--paper",
            "example-2024",
            "--quote",
            "peer tutoring serves the same goal",
        ],
    ));
    assert_eq!(code, 2);
    assert!(
        err.contains("`hinders` cannot have a measure node at its `from` end"),
        "{err}"
    );
    assert!(err.contains(&format!("{dir}/example.json:")), "{err}");
    // A quote not in the text.
    let (code, _, err) = run(&data_args(
        &dir,
        &[
            "add",
            "reading-groups",
            "serves",
            "learning-gains",
            "--paper",
            "example-2024",
            "--quote",
            "peer tutoring serves the sme goal",
        ],
    ));
    assert_eq!(code, 2);
    assert!(
        err.contains("the text has \"peer tutoring serves the s\""),
        "{err}"
    );
    assert_eq!(fs::read(&file).unwrap(), before);
    // Without --data there is nothing of the user's to add to.
    let (code, _, err) = run(&[
        "add", "tpa", "serves", "rr", "--paper", "hao", "--quote", "x",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--data DIR"), "{err}");
}

#[test]
fn import_reports_every_bad_row_by_line_and_writes_nothing() {
    let root = dataset();
    let dir = dir_of(&root);
    let mut csv = String::from("from,relation,to,paper,quote,from_kind,to_kind\n");
    for i in 0..17 {
        let _ = writeln!(
            csv,
            "Measure {i},serves,learning-gains,example-2024,peer tutoring serves the same goal,measure,"
        );
    }
    csv.push_str("Ghost,serves,learning-gains,example-2024,peer tutoring serves the same goal,,\n");
    csv.push_str("reading-groups,serves,learning-gains,zh-2021,不在文中的句子,,\n");
    csv.push_str(
        "reading-groups,hinders,learning-gains,example-2024,peer tutoring serves the same goal,,\n",
    );
    let claims = root.path().join("claims.csv");
    fs::write(&claims, csv).unwrap();
    let (code, _, err) = run(&data_args(&dir, &["import", claims.to_str().unwrap()]));
    assert_eq!(code, 2);
    assert!(err.contains("claims.csv:19"), "{err}");
    assert!(err.contains("claims.csv:20"), "{err}");
    assert!(err.contains("claims.csv:21"), "{err}");
    assert!(err.contains("no node matches \"Ghost\""), "{err}");
    assert!(err.contains("the data has 3 problems"), "{err}");
    assert!(!Path::new(&dir).join("claims.json").exists());

    // The good rows alone import, and the dataset checks.
    let all = fs::read_to_string(&claims).unwrap();
    let good: Vec<&str> = all.lines().take(18).collect();
    let good = good.join("\n") + "\n";
    fs::write(&claims, good).unwrap();
    let (code, out, err) = run(&data_args(&dir, &["import", claims.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("17 relations, 17 new nodes"), "{out}");
    let texts = format!("{dir}/texts");
    let (code, out, err) = run(&data_args(&dir, &["check", "--sources", &texts]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("all 18 quotes found verbatim"), "{out}");
}

/// Runs the commands of docs/authoring.md in order, in a scratch directory, writing its
/// `csv NAME` (and `bibtex NAME`, `json NAME`) blocks to NAME first: the walk-through works as written.
#[test]
fn the_authoring_walkthrough_runs_as_written() {
    let doc = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/authoring.md"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    // The PDF of the paper section 8 adds, where a reader would have it.
    fs::copy(
        crate::common::fixture("pdf/liu-2025.pdf"),
        dir.path().join("liu-2025.pdf"),
    )
    .unwrap();
    let mut block: Option<(String, String)> = None;
    let mut ran = 0;
    let mut last_output = String::new();
    for line in doc.lines() {
        if let Some(info) = line.strip_prefix("```") {
            match block.take() {
                Some((info, body)) => {
                    if let Some((_, name)) = info
                        .split_once(' ')
                        .filter(|(lang, _)| ["csv", "bibtex", "json"].contains(lang))
                    {
                        fs::write(dir.path().join(name.trim()), body).unwrap();
                    }
                }
                None => block = Some((info.to_string(), String::new())),
            }
            continue;
        }
        let Some((info, body)) = block.as_mut() else {
            continue;
        };
        if info == "sh" {
            let words = shell_words(line.trim());
            if words[0] == "cp" {
                // `cp FILE DIR/`: the one other command the page asks a reader to run.
                let (from, to) = (dir.path().join(&words[1]), dir.path().join(&words[2]));
                fs::copy(&from, to.join(from.file_name().unwrap())).unwrap();
                continue;
            }
            assert_eq!(words[0], "linkage", "{line}");
            let output = linkage()
                .current_dir(dir.path())
                .args(&words[1..])
                .output()
                .unwrap();
            assert!(
                output.status.success(),
                "{line}\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
            ran += 1;
            last_output = String::from_utf8_lossy(&output.stdout).into_owned();
        } else {
            body.push_str(line);
            body.push('\n');
        }
    }
    assert!(ran >= 12, "only {ran} commands ran");
    // The walk ends where the sixth paper stands among the five, its claims drafted
    // from its PDF and matched to their concepts.
    assert!(
        last_output
            .starts_with("Where Liu (2025) stands: 7 claims, compared with the other 5 papers"),
        "{last_output}"
    );
    // Words hyphenated at line ends read joined: every end matched, so four of the
    // seven claims are other papers' too (with `Ru- ral revitalization` as a new
    // concept, two were).
    assert!(
        last_output.contains("4 are made by other papers too"),
        "{last_output}"
    );
}

fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            _ => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// A relation in the dataset's `more.json`, citing `zh-2021` with `quote` and, when
/// given, `locator`.
fn write_zh_claim(dir: &str, quote: &str, locator: Option<&str>) {
    let mut source = serde_json::json!({"paper": "zh-2021", "quote": quote});
    if let Some(locator) = locator {
        source["locator"] = locator.into();
    }
    let data = serde_json::json!({"relations": [
        {"kind": "premise-of", "from": "reading-groups", "to": "learning-gains", "sources": [source]}
    ]});
    fs::write(
        Path::new(dir).join("more.json"),
        serde_json::to_string_pretty(&data).unwrap(),
    )
    .unwrap();
}

#[test]
fn an_omitted_locator_is_derived_from_the_heading_in_check_and_in_exports() {
    let root = dataset();
    let dir = dir_of(&root);
    // The quote runs across a line break between two Chinese characters.
    write_zh_claim(&dir, "乡村振兴的前提和基础", None);
    let (code, out, err) = run(&data_args(&dir, &["check"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("1 locator derived from the texts' headings:")
            && out.contains("more.json:")
            && out.contains("某 (2021) \"一、引言\" (text line 2)"),
        "{out}"
    );
    let (code, out, _) = run(&data_args(&dir, &["check", "--json"]));
    assert_eq!(code, 0);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        report["verified"]["derived_locators"][0]["locator"],
        "一、引言"
    );
    let (code, out, err) = run(&data_args(&dir, &["export", "--format", "evidence-csv"]));
    assert_eq!(code, 0, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = rows.iter().find(|r| &r[at("paper")] == "zh-2021").unwrap();
    assert_eq!(&row[at("locator")], "一、引言");
    assert_eq!((&row[at("first_line")], &row[at("last_line")]), ("2", "3"));
}

#[test]
fn an_omitted_locator_without_a_heading_or_texts_is_an_error() {
    let root = dataset();
    let dir = dir_of(&root);
    write_zh_claim(&dir, "乡村振兴的前提和基础", None);
    // No texts: nothing to derive from.
    fs::rename(Path::new(&dir).join("texts"), root.path().join("elsewhere")).unwrap();
    let (code, _, err) = run(&data_args(&dir, &["check"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("has no locator, and there are no texts to derive it from"),
        "{err}"
    );
    // A text with headings, none of them before the quote. (A text with no headings
    // at all is located by paragraph: tests/integration/authoring_names.rs.)
    fs::rename(root.path().join("elsewhere"), Path::new(&dir).join("texts")).unwrap();
    fs::write(
        Path::new(&dir).join("texts/zh-2021.txt"),
        "精准扶贫是乡村振兴的前提和基础。\n\n## 一、引言\n其他。\n",
    )
    .unwrap();
    let (code, _, err) = run(&data_args(&dir, &["check"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("no heading precedes its quote in zh-2021.txt") && err.contains("more.json:"),
        "{err}"
    );
}

#[test]
fn a_locator_naming_another_section_than_the_quotes_is_warned_about_once() {
    let root = dataset();
    let dir = dir_of(&root);
    // The quote is under 一、引言, the locator names 二、路径, a heading the text has.
    write_zh_claim(&dir, "乡村振兴的前提和基础", Some("二、路径"));
    let (code, out, err) = run(&data_args(&dir, &["check"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "locator \"二、路径\" names another section than the quote's: in zh-2021.txt the quote falls under \"一、引言\" (line 1)"
        ) && out.contains("1 warning"),
        "{out}"
    );
    // Its number alone, or the enclosing section, agree.
    write_zh_claim(&dir, "乡村振兴的前提和基础", Some("一"));
    let (_, out, _) = run(&data_args(&dir, &["check"]));
    assert!(!out.contains("warning"), "{out}");
}

#[test]
fn the_shipped_data_checks_without_locator_warnings() {
    let (code, out, err) = run(&["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("warning"), "{out}");
}

/// Tan, Liu & Huang cite works for views whose reference-list entries are on other
/// subjects; `show` of each such view says so, quoting the entry's title as the paper's
/// reference list has it.
#[test]
fn views_citing_mismatched_references_say_so_in_show() {
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/texts/003_d85bf629911456e0.txt"),
    )
    .unwrap();
    let references = &text[text.find("\nReferences\n").unwrap()..];
    for (view, title) in [
        (
            "view-post-2020-four-proposals",
            "Fatigue risk management: the impact of anesthesiology residents' work schedules",
        ),
        (
            "view-post-2020-five-key-issues",
            "Research on the scenario simulation method of rainstorm waterlogging hazard",
        ),
        (
            "view-market-interest-political-advantages",
            "investigating the effect of a new social pension in hong kong",
        ),
        (
            "view-task-category-time-logic",
            "A ppi-mvm model for identifying poverty-stricken villages",
        ),
        (
            "view-rr-consolidates-results-minority-areas",
            "Geological and hydrogeological environment in tianjin",
        ),
        (
            "view-post-2020-poverty-persists",
            "Tourism contribution to poverty alleviation in kenya",
        ),
    ] {
        assert!(references.contains(title), "{title}");
        let (code, out, err) = run(&["show", view]);
        assert_eq!(code, 0, "{err}");
        // Printed wrapped: compared with its line breaks read as spaces.
        let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            out.contains("Citation mismatch: Tan, Liu & Huang (2020) cite")
                && out.contains("reference list's entry for"),
            "{view}: {out}"
        );
        assert!(out.contains(title), "{view} should quote {title:?}: {out}");
    }
}

/// `export --format evidence-csv`, edited in a spreadsheet, imported into a dataset made
/// with `init` and exported again: the same table, plus the row the scholar added.
#[test]
fn an_evidence_table_round_trips_through_a_spreadsheet_into_a_new_dataset() {
    let root_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let adversarial = root_dir.join("tests/fixtures/adversarial-export");
    let shipped = root_dir.join("data");
    // The shipped data (one paper's claims, with aspects and dimensions) and the
    // adversarial fixture (quotes, backslashes, `<&>`, newlines, CJK in every field).
    for (data, select) in [
        (None, vec!["--paper", "bnu-dean-2020"]),
        (Some(adversarial.as_path()), vec![]),
    ] {
        let from = data.unwrap_or(&shipped);
        let texts = from.join("texts");
        let work = tempfile::tempdir().unwrap();
        let table = work.path().join("evidence.csv");
        let mut args: Vec<&str> = Vec::new();
        if let Some(data) = data {
            args.extend(["--data", data.to_str().unwrap()]);
        }
        args.extend(["export", "--format", "evidence-csv", "--sources"]);
        args.push(texts.to_str().unwrap());
        args.extend(["-o", table.to_str().unwrap()]);
        args.extend(select.iter().copied());
        let (code, _, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        let exported = fs::read_to_string(&table).unwrap();

        // A new dataset: the example replaced by the papers and their texts.
        let new = work.path().join("new");
        let (code, _, err) = run(&["init", new.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        fs::remove_file(new.join("example.json")).unwrap();
        fs::remove_file(new.join("texts/example-2024.txt")).unwrap();
        fs::copy(from.join("papers.json"), new.join("papers.json")).unwrap();
        for entry in fs::read_dir(&texts).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), new.join("texts").join(entry.file_name())).unwrap();
        }

        // The scholar adds a row: a new node, the other cells copied from the first row.
        let mut reader = csv::Reader::from_reader(exported.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let model = &rows[0];
        let mut added = vec![String::new(); headers.len()];
        added[at("from")] = "Spreadsheet idea".into();
        added[at("from_kind")] = "concept".into();
        added[at("relation")] = "premise-of".into();
        for column in ["paper", "quote", "locator"] {
            added[at(column)] = model[at(column)].to_string();
        }
        let to = rows
            .iter()
            .find(|r| {
                ["strategy", "goal", "measure", "mechanism", "concept"].contains(&&r[at("to_kind")])
            })
            .unwrap();
        added[at("to")] = to[at("to")].to_string();
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&added).unwrap();
        let edited = format!(
            "{exported}{}",
            String::from_utf8(writer.into_inner().unwrap()).unwrap()
        );
        fs::write(&table, &edited).unwrap();

        let dir = new.to_str().unwrap();
        let (code, out, err) = run(&data_args(dir, &["import", table.to_str().unwrap()]));
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("wrote"), "{out}");
        let (code, out, err) = run(&data_args(dir, &["check"]));
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("quotes found verbatim"), "{out}");
        let (code, back, err) = run(&data_args(dir, &["export", "--format", "evidence-csv"]));
        assert_eq!(code, 0, "{err}");
        // Every exported row (facts, who encoded and reviewed, voices too) comes back as
        // it was, and the new relation's row after the other relations, before the facts.
        let mut reader = csv::Reader::from_reader(back.as_bytes());
        let mut back_rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let new_at = back_rows
            .iter()
            .position(|r| &r[at("from")] == "spreadsheet-idea")
            .expect("the new row");
        let new_row = back_rows.remove(new_at);
        assert_eq!(
            back_rows, rows,
            "the exported rows come back as they were:\n{back}"
        );
        assert!(
            back_rows[new_at..]
                .iter()
                .all(|r| !r[at("property")].is_empty()),
            "only facts follow the new relation"
        );
        assert_eq!(&new_row[at("from_label")], "Spreadsheet idea");
        assert_eq!(&new_row[at("locator")], &model[at("locator")]);
        if data.is_some() {
            // The adversarial fixture has facts and attributed sources: they survive.
            assert!(rows.iter().any(|r| !r[at("property")].is_empty()));
            assert!(rows.iter().any(|r| !r[at("encoded_by")].is_empty()));
            assert!(rows.iter().any(|r| &r[at("extent")] == "quote"));
        }
    }
}

#[test]
fn an_import_row_whose_quote_has_no_heading_asks_for_the_locator_column() {
    let root = dataset();
    let dir = dir_of(&root);
    fs::write(
        Path::new(&dir).join("texts/zh-2021.txt"),
        "精准扶贫是乡村振兴的前提和基础。\n\n## 一、引言\n其他。\n",
    )
    .unwrap();
    let claims = root.path().join("claims.csv");
    fs::write(
        &claims,
        "from,relation,to,paper,quote\nreading-groups,premise-of,learning-gains,zh-2021,乡村振兴的前提和基础\n",
    )
    .unwrap();
    let (code, _, err) = run(&data_args(&dir, &["import", claims.to_str().unwrap()]));
    assert_eq!(code, 2);
    assert!(
        err.contains("no heading precedes the quote") && err.contains("`locator` column"),
        "{err}"
    );
    assert!(err.contains("claims.csv:2"), "{err}");
}

/// Who says so: `add` records who encoded a claim, who reviewed it and its voice;
/// `check --unreviewed` lists every source no second person has read (a review by the
/// encoder is none), by name, and nothing once every source is read.
#[test]
fn add_records_who_says_so_and_check_lists_what_no_second_person_has_read() {
    let root = dataset();
    let dir = dir_of(&root);
    let add = |quote: &str, extra: &[&str]| {
        let mut args = vec![
            "add",
            "reading-groups",
            "serves",
            "learning-gains",
            "--paper",
            "example-2024",
            "--quote",
            quote,
        ];
        args.extend_from_slice(extra);
        let (code, _, err) = run(&data_args(&dir, &args));
        assert_eq!(code, 0, "{err}");
    };
    add(
        "peer tutoring serves the same goal",
        &[
            "--encoded-by",
            "J. Doe",
            "--voice",
            "thesis",
            "--reviewed-by",
            "J. Doe",
        ],
    );
    let (code, _, err) = run(&data_args(
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
            "--voice",
            "their",
        ],
    ));
    assert_eq!(code, 2, "an unknown voice is refused: {err}");
    let written: Value =
        serde_json::from_str(&fs::read_to_string(Path::new(&dir).join("example.json")).unwrap())
            .unwrap();
    let relations = written["relations"].as_array().unwrap();
    let source = &relations.last().unwrap()["sources"][0];
    assert_eq!(source["encoded_by"], "J. Doe");
    assert_eq!(source["reviewed_by"], "J. Doe");
    assert_eq!(source["voice"], "thesis");

    let (code, out, err) = run(&data_args(&dir, &["check", "--unreviewed"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("of 2 sources not read by a second person"),
        "{out}"
    );
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Lasting learning gains") && flat.contains("(encoded by J. Doe)"),
        "reviewed by its encoder only: {out}"
    );
    let (_, json, _) = run(&data_args(&dir, &["--json", "check", "--unreviewed"]));
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["sources"], 2);
    assert_eq!(json["unreviewed"].as_array().unwrap().len(), 2);
    assert_eq!(json["unreviewed"][1]["voice"], "thesis");

    // A second person reads both: nothing is left, and the query finds nothing.
    let file = Path::new(&dir).join("example.json");
    let text = fs::read_to_string(&file).unwrap();
    let mut value: Value = serde_json::from_str(&text).unwrap();
    for relation in value["relations"].as_array_mut().unwrap() {
        for source in relation["sources"].as_array_mut().unwrap() {
            source["reviewed_by"] = Value::from("A. Reader");
        }
    }
    fs::write(&file, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    let (code, out, _) = run(&data_args(&dir, &["check", "--unreviewed"]));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("every one of the 2 sources is read by a second person"),
        "{out}"
    );
}

/// The arguments of an `add` of a new claim (with a new node) into the dataset at `dir`,
/// written to `file`.
fn add_to<'a>(dir: &'a str, file: &'a str) -> Vec<&'a str> {
    data_args(
        dir,
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
            "--file",
            file,
        ],
    )
}

/// Every file under `dir` with its bytes, to see that nothing changed.
fn snapshot_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in fs::read_dir(&at).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push((path.display().to_string(), fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn add_and_import_write_only_files_the_loader_reads() {
    let root = dataset();
    let dir = dir_of(&root);
    let before = snapshot_of(root.path());
    let outside = root.path().join("outside.json");
    for (file, why) in [
        ("notes.txt", "not a .json file, so it would never be loaded"),
        ("sub/x.json", "not directly inside the dataset"),
        ("../outside.json", "`..` leads out of the dataset"),
        (
            outside.to_str().unwrap(),
            "a path, not a file name inside the dataset",
        ),
        ("schema.json", "the dataset's schema"),
    ] {
        let (code, out, err) = run(&add_to(&dir, file));
        assert_eq!(code, 2, "--file {file}: {out}");
        assert!(
            err.contains(&format!("--file {file}: {why}"))
                && err.contains(&format!("the NAME.json files directly inside {dir}")),
            "{err}"
        );
        assert!(!out.contains("added"), "{out}");
    }
    let claims = root.path().join("claims.csv");
    fs::write(
        &claims,
        "from,relation,to,paper,quote\nreading-groups,serves,learning-gains,example-2024,peer tutoring serves the same goal\n",
    )
    .unwrap();
    for into in ["claims.txt", "sub/claims.json", "../claims.json"] {
        let (code, out, err) = run(&data_args(
            &dir,
            &["import", claims.to_str().unwrap(), "--into", into],
        ));
        assert_eq!(code, 2, "--into {into}: {out}");
        assert!(err.contains(&format!("--into {into}: ")), "{err}");
    }
    let mut after = snapshot_of(root.path());
    after.retain(|(path, _)| !path.ends_with("claims.csv"));
    assert_eq!(after, before, "nothing was written");

    // A bare NAME.json is written, and what was added loads.
    let (code, out, err) = run(&add_to(&dir, "tutoring.json"));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(&format!("added to {dir}/tutoring.json")),
        "{out}"
    );
    let (code, out, err) = run(&data_args(&dir, &["show", "peer-tutoring", "--json"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("peer tutoring serves the same goal"), "{out}");
}

#[cfg(unix)]
#[test]
fn add_refuses_a_symlink_out_of_the_dataset() {
    let root = dataset();
    let dir = dir_of(&root);
    let outside = root.path().join("outside.json");
    fs::write(&outside, "{}\n").unwrap();
    std::os::unix::fs::symlink(&outside, Path::new(&dir).join("linked.json")).unwrap();
    let (code, _, err) = run(&add_to(&dir, "linked.json"));
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!(
            "--file linked.json: a symlink to {}, outside the dataset",
            outside.canonicalize().unwrap().display()
        )),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&outside).unwrap(), "{}\n");
}

/// What the loader finds while checking a change names the user's own files, lines and
/// columns: the data file as it would be, the spreadsheet's row, the claim met.
#[test]
fn problems_found_while_checking_name_the_users_own_files() {
    let root = dataset();
    let dir = dir_of(&root);
    // example.json, as `init` writes it, has the claim's quote at line 23, column 20.
    let first = format!("first at {dir}/example.json:23:20");
    let repeat = "the same claim with the same quote is encoded twice";
    let claims = root.path().join("claims.csv");
    fs::write(
        &claims,
        "from,relation,to,paper,quote\n\
         reading-groups,serves,learning-gains,example-2024,peer tutoring serves the same goal\n\
         reading-groups,premise-of,learning-gains,example-2024,Reading groups are a premise of lasting learning gains\n\
         reading-groups,serves,learning-gains,example-2024,peer  tutoring serves the same goal\n",
    )
    .unwrap();
    let (code, _, err) = run(&data_args(&dir, &["import", claims.to_str().unwrap()]));
    assert_eq!(code, 2);
    let csv = claims.display();
    assert!(
        err.contains(&format!("{repeat}\n  --> {csv}:3\n  = hint: {first}\n")),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{repeat}\n  --> {csv}:4\n  = hint: first at {csv}:2\n"
        )),
        "{err}"
    );
    assert!(err.contains("the data has 2 problems"), "{err}");
    assert!(!Path::new(&dir).join("claims.json").exists());
    // A repeat only the loader sees (a symmetric kind, its ends swapped): at its row,
    // its first at the row before, never in the data file that was not written.
    fs::write(
        &claims,
        "from,relation,to,paper,quote\n\
         reading-groups,mutually-promotes,learning-gains,example-2024,peer tutoring serves the same goal\n\
         learning-gains,mutually-promotes,reading-groups,example-2024,peer tutoring serves the same goal\n",
    )
    .unwrap();
    let (code, _, err) = run(&data_args(&dir, &["import", claims.to_str().unwrap()]));
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!(
            "{repeat}\n  --> {csv}:3\n  = hint: first at {csv}:2\n"
        )),
        "{err}"
    );

    // `add` to another file: placed in that file as it would be, nothing written.
    let (code, _, err) = run(&data_args(
        &dir,
        &[
            "add",
            "reading-groups",
            "premise-of",
            "learning-gains",
            "--paper",
            "example-2024",
            "--quote",
            "Reading groups are a premise of lasting learning gains",
            "--file",
            "more.json",
        ],
    ));
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!("{repeat}\n  --> {dir}/more.json:11:20\n"))
            && err.contains(&format!("= hint: {first}; the place is in the file as it would be with the claim; nothing was written")),
        "{err}"
    );
    assert!(!Path::new(&dir).join("more.json").exists());
}

/// `add` makes a node only for a name that matches none: a name that matches several
/// asks for an id (as everywhere else) rather than making a third node beside them.
#[test]
fn add_makes_no_node_for_a_name_that_matches_several() {
    let root = dataset();
    let dir = dir_of(&root);
    let file = Path::new(&dir).join("example.json");
    let mut data: Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    data["nodes"].as_array_mut().unwrap().push(
        serde_json::json!({"id": "learning-habits", "kind": "goal", "label": "Learning habits"}),
    );
    let before = serde_json::to_string_pretty(&data).unwrap();
    fs::write(&file, &before).unwrap();
    let (code, _, err) = run(&data_args(
        &dir,
        &[
            "add",
            "learning",
            "serves",
            "reading-groups",
            "--paper",
            "example",
            "--quote",
            "peer tutoring serves the same goal",
            "--from-kind",
            "measure",
        ],
    ));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("\"learning\" matches 2 nodes; use an id"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        before,
        "nothing written"
    );
}

/// A caller of the library tells an unknown name from an ambiguous one, and gets the
/// ids to offer.
#[test]
fn name_errors_are_typed_with_their_candidates() {
    use linkage::error::{Error, Named};
    let graph = linkage::load(&linkage::DataSource::Embedded).unwrap().graph;
    match graph.resolve("revitalization") {
        Err(Error::AmbiguousName {
            of: Named::Node,
            matches,
            total,
            ..
        }) => {
            assert_eq!(matches.len(), 10);
            assert!(total > 10);
            assert!(matches.iter().all(|id| graph.index_of(id).is_some()));
        }
        other => panic!("{other:?}"),
    }
    match graph.resolve("targetted povrety aleviation") {
        Err(Error::UnknownName {
            of: Named::Node,
            closest,
            ..
        }) => assert!(closest.iter().any(|id| id == "tpa"), "{closest:?}"),
        other => panic!("{other:?}"),
    }
    match graph.resolve_paper("nobody") {
        Err(Error::UnknownName {
            of: Named::Paper,
            name,
            ..
        }) => assert_eq!(name, "nobody"),
        other => panic!("{other:?}"),
    }
}

/// `add --scope` records the respect a claim is made in, by the id of the node it names;
/// a scope naming no node is refused, naming it, and nothing is written.
#[test]
fn add_records_a_scope_by_its_nodes_id_and_refuses_an_unknown_one() {
    let root = dataset();
    let dir = dir_of(&root);
    let file = Path::new(&dir).join("example.json");
    let before = fs::read_to_string(&file).unwrap();
    let claim = |scope: &'static str| {
        run(&data_args(
            &dir,
            &[
                "add",
                "Peer tutoring",
                "serves",
                "lasting learning gains",
                "--from-kind",
                "measure",
                "--paper",
                "example",
                "--quote",
                "peer tutoring serves the same goal",
                "--scope",
                scope,
            ],
        ))
    };
    let (code, _, err) = claim("Xyzzy plugh");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("Xyzzy plugh"), "{err}");
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        before,
        "nothing written"
    );
    // An id no node has: refused by the loader's check, at its place in the file.
    let (code, _, err) = claim("no-such-node");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("no-such-node") && err.contains("example.json"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        before,
        "nothing written"
    );
    let (code, out, err) = claim("Reading groups");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("added to"), "{out}");
    let parsed: Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    let added = parsed["relations"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(added["scope"], "reading-groups", "{added}");
    let (code, out, err) = run(&data_args(&dir, &["export", "--format", "evidence-csv"]));
    assert_eq!(code, 0, "{err}");
    let header = out.lines().next().unwrap();
    assert!(header.contains(",scope,scope_label,"), "{header}");
    assert!(out.contains(",reading-groups,Reading groups,"), "{out}");
}
