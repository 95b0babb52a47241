//! Paper records from a reference manager: `import --format bibtex|csl-json` adds
//! papers and sets the fields an entry gives on the papers the dataset has, never
//! clearing one, writing nothing when an entry cannot be placed; the records it writes
//! are read back by citeproc-py and pybtex.

use std::{fs, path::Path};

use serde_json::Value;

use crate::common::run;

/// The shipped dataset in a directory of its own (`ROOT/d`).
fn shipped() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("d");
    fs::create_dir_all(dir.join("texts")).unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for entry in fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    for entry in fs::read_dir(data.join("texts")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.join("texts").join(path.file_name().unwrap())).unwrap();
    }
    root
}

/// Tan, Liu & Huang (2020) as a reference manager has it (found by its DOI), and a
/// paper the dataset does not have.
const BIBTEX: &str = r"@article{tan2020,
  author = {Tan, Mingjiao and Liu, Qin and Huang, Nanni},
  title = {Path Model and Countermeasures of China's Targeted Poverty Alleviation and Rural Revitalization},
  journal = {Revista de Cercetare si Interventie Sociala},
  volume = {70},
  pages = {312--332},
  doi = {https://doi.org/10.33788/RCIS.70.19},
  year = {2020}
}

@article{liu2025,
  author = {Liu, Peng and Liu, Xi},
  title = {Constructing a Defense Against Poverty Reversion Through University Practice in the Context of Rural Revitalization: A Case Study of the Dianfanghe Community},
  journal = {Sustainability},
  year = {2025},
  pages = {3327},
  doi = {10.3390/su17083327},
  file = {Full Text PDF:/home/u/Zotero/storage/AB12/Liu - 2025.pdf:application/pdf}
}
";

fn papers_of(dir: &Path) -> Vec<Value> {
    let text = fs::read_to_string(dir.join("papers.json")).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    value["papers"].as_array().unwrap().clone()
}

fn paper<'p>(papers: &'p [Value], id: &str) -> &'p Value {
    papers.iter().find(|p| p["id"] == id).unwrap()
}

#[test]
fn bibtex_adds_a_paper_and_sets_only_the_fields_an_entry_gives() {
    let root = shipped();
    let dir = root.path().join("d");
    let bib = root.path().join("refs.bib");
    fs::write(&bib, BIBTEX).unwrap();
    let before = papers_of(&dir);
    let args = [
        "--data",
        dir.to_str().unwrap(),
        "import",
        bib.to_str().unwrap(),
    ];
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("updated paper tan-liu-huang-2020 (entry tan2020)")
            && out.contains("  pages: \"312-332\"")
            && out.contains(
                "  venue: \"Revista de Cercetare si Interventie Sociala 70: 312-332\" → \"Revista de Cercetare si Interventie Sociala\""
            )
            && out.contains("added paper liu2025 (entry liu2025)")
            && out.contains("its text goes in the texts directory as \"Liu - 2025.pdf\""),
        "{out}"
    );
    assert!(
        !out.contains("authors: Tan Mingjiao"),
        "the same people, family name first, are not rewritten: {out}"
    );
    let after = papers_of(&dir);
    let tan = paper(&after, "tan-liu-huang-2020");
    assert_eq!(tan["pages"], "312-332");
    assert_eq!(tan["doi"], "10.33788/rcis.70.19", "the DOI as it was");
    assert_eq!(
        tan["authors"],
        paper(&before, "tan-liu-huang-2020")["authors"]
    );
    assert_eq!(tan["cite"], "Tan, Liu & Huang (2020)");
    let liu = paper(&after, "liu2025");
    assert_eq!(liu["cite"], "Liu & Liu (2025)");
    assert_eq!(liu["authors"], serde_json::json!(["Peng Liu", "Xi Liu"]));
    assert_eq!(
        (&liu["year"], &liu["venue"], &liu["file"]),
        (
            &Value::from(2025),
            &Value::from("Sustainability"),
            &Value::from("Liu - 2025.pdf")
        )
    );
    assert!(
        liu.get("url").is_none(),
        "a field the entry lacks is not made up"
    );
    // The other papers are untouched, and what is unknown stays unknown.
    for id in ["wu-zhu", "organic-connection", "bnu-dean-2020", "hao-2021"] {
        assert_eq!(paper(&after, id), paper(&before, id), "{id}");
    }

    // Once more: nothing to change.
    let (code, out, _) = run(&args);
    assert_eq!(code, 0);
    assert!(
        out.contains("unchanged paper tan-liu-huang-2020")
            && out.contains("unchanged paper liu2025"),
        "{out}"
    );
    // check names the new paper's missing text.
    let (code, _, err) = run(&["--data", dir.to_str().unwrap(), "--no-cache", "check"]);
    assert_eq!(code, 2);
    assert!(err.contains("no text for paper `liu2025`"), "{err}");
}

#[test]
fn csl_json_sets_a_year_the_data_had_inferred_and_keeps_what_the_item_lacks() {
    let root = shipped();
    let dir = root.path().join("d");
    let csl = root.path().join("refs.json");
    fs::write(
        &csl,
        r#"[{"id": "hao-2021", "type": "article-journal", "issued": {"date-parts": [[2021, 3]]},
            "container-title": "Journal of Example Studies", "page": "12-19"}]"#,
    )
    .unwrap();
    let before = papers_of(&dir);
    let (code, out, err) = run(&[
        "--data",
        dir.to_str().unwrap(),
        "import",
        "--format",
        "csl-json",
        csl.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let change = &report["papers"][0];
    assert_eq!(
        (&change["paper"], &change["action"]),
        (&Value::from("hao-2021"), &Value::from("updated"))
    );
    let fields: Vec<&str> = change["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["venue", "pages"], "the year was already 2021");
    let hao = paper(&papers_of(&dir), "hao-2021").clone();
    let old = paper(&before, "hao-2021");
    assert_eq!(hao["title"], old["title"], "a field the item lacks is kept");
    assert_eq!(hao["authors"], old["authors"]);
    assert_eq!(
        hao["inferred"], old["inferred"],
        "the year is as inferred as before"
    );
    assert_eq!(hao["pages"], "12-19");

    // A year the item gives, where the data had inferred one, loses the mark.
    fs::write(
        &csl,
        r#"{"id": "bnu-dean-2020", "issued": {"date-parts": [[2019]]}}"#,
    )
    .unwrap();
    let (code, out, err) = run(&[
        "--data",
        dir.to_str().unwrap(),
        "import",
        csl.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("  year: 2020 → 2019 (was inferred; now from the record)"),
        "{out}"
    );
    let bnu = paper(&papers_of(&dir), "bnu-dean-2020").clone();
    assert!(bnu.get("inferred").is_none(), "{bnu}");
}

#[test]
fn an_entry_that_cannot_be_placed_is_named_by_line_and_nothing_is_written() {
    let root = shipped();
    let dir = root.path().join("d");
    let before = fs::read(dir.join("papers.json")).unwrap();
    let bib = root.path().join("refs.bib");
    let data = dir.to_str().unwrap();
    // A key naming a paper with another DOI, and a second record of one paper.
    fs::write(
        &bib,
        "@article{new2024, title = {A new one}}\n\n@article{tan-liu-huang-2020,\n  doi = {10.1/other}\n}\n\n@article{hao-2021, year = 2021}\n@article{hao_2021, year = 2021}\n",
    )
    .unwrap();
    let (code, out, err) = run(&["--data", data, "import", bib.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("line 3: entry `tan-liu-huang-2020` names paper `tan-liu-huang-2020`, whose DOI is 10.33788/rcis.70.19, not 10.1/other")
            && err.contains("line 8: entry `hao_2021` is a second record of paper `hao-2021`")
            && err.contains("nothing was written"),
        "{err}"
    );
    assert_eq!(fs::read(dir.join("papers.json")).unwrap(), before);

    // Not BibTeX: file, line and column.
    fs::write(&bib, "@article{a,\n  title = {open\n").unwrap();
    let (code, _, err) = run(&["--data", data, "import", bib.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("refs.bib:") && err.contains("not BibTeX"),
        "{err}"
    );
    // Not CSL-JSON.
    let csl = root.path().join("refs.json");
    fs::write(&csl, "[{\"title\": \"no id\"}]").unwrap();
    let (code, _, err) = run(&["--data", data, "import", csl.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("item 1") && err.contains("`id`"), "{err}");
    assert_eq!(fs::read(dir.join("papers.json")).unwrap(), before);

    // Only into a data file the loader reads.
    fs::write(&bib, BIBTEX).unwrap();
    for into in ["../outside.json", "notes.txt", "schema.json"] {
        let (code, _, err) = run(&[
            "--data",
            data,
            "import",
            bib.to_str().unwrap(),
            "--into",
            into,
        ]);
        assert_eq!(code, 2, "{into}");
        assert!(err.contains(&format!("--into {into}:")), "{err}");
    }
    assert_eq!(fs::read(dir.join("papers.json")).unwrap(), before);
    assert!(!root.path().join("outside.json").exists());
    let (code, _, err) = run(&[
        "--data",
        data,
        "import",
        bib.to_str().unwrap(),
        "-o",
        root.path().join("o").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("-o is for GraphML"), "{err}");
    // New papers into a file of their own; a paper the dataset has, where it is.
    let (code, out, err) = run(&[
        "--data",
        data,
        "import",
        bib.to_str().unwrap(),
        "--into",
        "more-papers.json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("added paper liu2025 (entry liu2025) in ")
            && out.contains("more-papers.json")
            && out.contains("updated paper tan-liu-huang-2020 (entry tan2020) in ")
            && out.contains("d/papers.json"),
        "{out}"
    );
    let more: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("more-papers.json")).unwrap()).unwrap();
    assert_eq!(more["papers"][0]["id"], "liu2025");

    // Only into a dataset the user names.
    fs::write(&bib, BIBTEX).unwrap();
    let (code, _, err) = run(&["import", bib.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("--data"), "{err}");
}

#[test]
#[ignore = "needs Python's citeproc-py and pybtex: scripts/test-deps.sh"]
fn imported_records_are_read_back_by_citeproc_and_pybtex() {
    let root = shipped();
    let dir = root.path().join("d");
    let bib = root.path().join("refs.bib");
    fs::write(&bib, BIBTEX).unwrap();
    let data = dir.to_str().unwrap();
    let (code, _, err) = run(&["--data", data, "import", bib.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let out = root.path().join("out");
    fs::create_dir(&out).unwrap();
    let mut files = Vec::new();
    for (format, name) in [
        ("csl-json", "c.json"),
        ("bibtex", "c.bib"),
        ("json", "g.json"),
    ] {
        let path = out.join(name);
        let (code, text, err) = run(&["--data", data, "export", "--format", format]);
        assert_eq!(code, 0, "{err}");
        fs::write(&path, text).unwrap();
        files.push(path);
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/consumers/citations_check.py");
    let output = std::process::Command::new("python3")
        .arg(script)
        .args(&files)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bib = fs::read_to_string(&files[1]).unwrap();
    assert!(
        bib.contains("pages = {312-332}") && bib.contains("pages = {3327}"),
        "{bib}"
    );
}
