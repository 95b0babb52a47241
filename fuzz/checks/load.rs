//! Arbitrary bytes as a data file: loading must report problems, never panic. The
//! input is loaded beside the real `papers.json` and `concepts.json` (so references
//! into real nodes and papers are exercised); an input that declares `relation_kinds`
//! is loaded as the schema instead. Every diagnostic is formatted (carets, windows),
//! and a dataset that loads has its quotes checked against the built-in texts.

use linkage::{load::load_in_memory, quotes, Error};

const PAPERS: &str = include_str!("../../data/papers.json");
const CONCEPTS: &str = include_str!("../../data/concepts.json");

/// The check: panics (a finding) when the input breaks a promise.
pub(crate) fn check(data: &[u8]) {
    let is_schema = data.windows(16).any(|w| w == b"\"relation_kinds\"");
    let name = if is_schema {
        "fuzz/schema.json"
    } else {
        "fuzz/fuzz.json"
    };
    let files = vec![
        (name.to_string(), data.to_vec()),
        ("data/papers.json".to_string(), PAPERS.as_bytes().to_vec()),
        (
            "data/concepts.json".to_string(),
            CONCEPTS.as_bytes().to_vec(),
        ),
    ];
    match load_in_memory(files) {
        Ok(loaded) => {
            for warning in &loaded.warnings {
                let _ = warning.to_string();
            }
            let report =
                quotes::verify_quotes(&loaded.graph, &linkage::text_store::TextStore::Embedded);
            for diagnostic in report.failures.iter().chain(&report.warnings) {
                let _ = diagnostic.to_string();
            }
        }
        Err(Error::InvalidData(diagnostics)) => {
            for diagnostic in &diagnostics {
                let _ = diagnostic.to_string();
            }
        }
        Err(other) => {
            let _ = other.to_string();
        }
    }
}
