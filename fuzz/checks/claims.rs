//! Arbitrary bytes as a spreadsheet of claims (`linkage import claims.csv`), as CSV and
//! as TSV, into a copy of a small dataset: the import must write a checked data file or
//! report problems (each at a row of the spreadsheet, or in a data file), never panic,
//! and never write a file the loader would refuse.

use std::{
    fs,
    path::{Path, PathBuf},
    sync::OnceLock,
};

use linkage::{author::claims, load, DataSource, Error};

/// A directory of this process's own under the system's temporary directory, made
/// anew (the fuzz crate takes no dependency beyond the project's).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("linkage-fuzz-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

/// A dataset made once per process: one paper with its text, three nodes, one claim.
fn dataset() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = scratch("data");
        let root = dir.as_path();
        fs::create_dir(root.join("texts")).unwrap();
        fs::write(
            root.join("texts/p.txt"),
            "1. Introduction\n\nReading groups are a premise of lasting learning gains. Peer tutoring\nserves the same goal.\n\n2. 方法\n\n精准扶贫是乡村振兴的前提。\n",
        )
        .unwrap();
        fs::write(
            root.join("papers.json"),
            r#"{"papers": [{"id": "p", "cite": "P (2024)", "file": "p.txt"}]}"#,
        )
        .unwrap();
        fs::write(
            root.join("example.json"),
            r#"{"nodes": [{"id": "reading-groups", "kind": "measure", "label": "Reading groups"},
                {"id": "learning-gains", "kind": "goal", "label": "Lasting learning gains"},
                {"id": "dim-goals", "kind": "dimension", "label": "Goals"}],
               "relations": [{"kind": "premise-of", "from": "reading-groups", "to": "learning-gains",
                 "sources": [{"paper": "p", "locator": "1. Introduction", "quote": "Reading groups are a premise of lasting learning gains"}]}]}"#,
        )
        .unwrap();
        dir
    })
}

/// The check: panics (a finding) when the input breaks a promise.
pub(crate) fn check(data: &[u8]) {
    let dir = dataset();
    for extension in ["csv", "tsv"] {
        let sheet = scratch("sheet").join(format!("claims.{extension}"));
        fs::write(&sheet, data).unwrap();
        let texts = linkage::text_store::TextStore::Dir(dir.join("texts"));
        match claims::import(dir, &texts, &sheet, Some("fuzz.json")) {
            Ok(imported) => {
                // What was written loads, and is taken away for the next input.
                let loaded = load(&DataSource::Dir(dir.to_path_buf()));
                fs::remove_file(&imported.file).unwrap();
                if let Err(error) = loaded {
                    panic!("an import wrote data that does not load: {error}");
                }
            }
            Err(Error::InvalidData(problems)) => {
                for problem in &problems {
                    let _ = problem.to_string();
                }
                assert!(!dir.join("fuzz.json").exists(), "a refused import wrote");
            }
            Err(other) => {
                let _ = other.to_string();
            }
        }
    }
}
