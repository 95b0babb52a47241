//! A warm `check` answers from its stored outcome, not by loading the graph again.
//!
//! What `linkage --data DIR check` prints depends on the data files, on the papers'
//! texts in `DIR/texts` (its quotes are verified against them) and on linkage itself;
//! the graph's cache is keyed by the data files alone. So a `check` that loaded the
//! whole dataset stores what it printed (its text and its JSON), the data's load
//! warnings and the problems that fail it, in a small file of its own beside the
//! graph's cache (`check-<hash>.bin`), keyed (`key.rs`) by the data files *and*
//! every file under `DIR/texts` (whether that directory is there at all is part of
//! it), the key made before the dataset was read. The next `check` of the same files
//! and texts prints that outcome byte for byte without reading the graph: at a million
//! relations a whole load took a second, this takes a few milliseconds.
//!
//! Only the plain `check` is stored: `--sources DIR` names texts elsewhere, and
//! `--unreviewed` is another report. A check whose data has errors, or whose sources
//! lack locators with no texts to find them, ends in an error and stores nothing. A
//! file that is damaged, of another format or for other files is a miss: the whole
//! check runs and stores its outcome again. Writing is atomic and its failure silent.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use super::{
    key::{self, Key, Verdict},
    tuples::{DiagnosticIn, DiagnosticOut, Seq},
};
use crate::diagnostic::Diagnostic;

/// First bytes of a stored check.
const MAGIC: &[u8; 8] = b"lkcheck\x00";

/// Magic, the format version ([`super::FORMAT_VERSION`]) and the payload's checksum.
const HEADER_LEN: usize = MAGIC.len() + 4 + 8;

/// What a `check` printed, to print again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The load's warnings about the data (not about the cache), as printed to stderr.
    pub warnings: Vec<Diagnostic>,
    /// The human report.
    pub human: String,
    /// The JSON report, serialised.
    pub json: String,
    /// The problems that fail the command (quotes not found), once the report is out.
    pub failures: Vec<Diagnostic>,
}

/// The key of a check about to run on `dir`: its data files and its texts, looked at
/// now, before the dataset is read; `None` if one cannot be read (loading says why).
pub struct Pending {
    key: Key,
    texts_dir: bool,
}

/// The files a check of `dir` reads besides linkage: the data files, then every file
/// under `DIR/texts` in path order; and whether `DIR/texts` is a directory.
fn inputs(dir: &Path) -> Option<(Vec<PathBuf>, bool)> {
    let mut paths = crate::load::data_paths(dir).ok()?;
    // Where `check` finds the texts, by the text store's one rule.
    let texts = match crate::text_store::TextStore::find(None, Some(dir)) {
        Some(crate::text_store::TextStore::DataTexts(texts)) => Some(texts),
        _ => None,
    };
    if let Some(texts) = &texts {
        let mut found = Vec::new();
        files_under(texts, &mut found)?;
        found.sort();
        paths.extend(found);
    }
    Some((paths, texts.is_some()))
}

fn files_under(dir: &Path, found: &mut Vec<PathBuf>) -> Option<()> {
    for entry in std::fs::read_dir(dir).ok()? {
        let path = entry.ok()?.path();
        if path.is_dir() {
            files_under(&path, found)?;
        } else {
            found.push(path);
        }
    }
    Some(())
}

/// The stored check file of `dir` in `cache_dir`: beside the graph's, its name with
/// `check-` for `data-`.
fn check_file(dir: &Path, cache_dir: &Path) -> Option<PathBuf> {
    let graph = super::cache_file(dir, cache_dir)?;
    let name = graph.file_name()?.to_str()?.replacen("data-", "check-", 1);
    Some(graph.with_file_name(name))
}

/// The outcome a `check` of `dir` stored in `cache_dir`, if it was stored for the
/// files there now and this linkage.
pub fn stored(dir: &Path, cache_dir: &Path) -> Option<Outcome> {
    let file = check_file(dir, cache_dir)?;
    let bytes = std::fs::read(&file).ok()?;
    let (key, texts_dir, outcome) = decode(&bytes)?;
    let (paths, texts_now) = inputs(dir)?;
    let holds = texts_dir == texts_now && key.verdict(dir, &paths) != Verdict::Changed;
    holds.then(|| {
        super::limit::used(&file);
        outcome
    })
}

impl Pending {
    /// The key of the check of `dir` about to run, made now.
    pub fn now(dir: &Path) -> Option<Self> {
        let stamp = key::now();
        let (paths, texts_dir) = inputs(dir)?;
        Some(Self {
            key: Key::of_paths(dir, stamp, &paths)?,
            texts_dir,
        })
    }

    /// Stores `outcome`, the check's, for the files keyed; quietly nothing when the
    /// cache cannot be written.
    pub fn store(self, dir: &Path, cache_dir: &Path, outcome: &Outcome) {
        let (Some(file), Ok(limit)) = (check_file(dir, cache_dir), super::limit::limit()) else {
            return;
        };
        let Some(bytes) = encode(&self.key, self.texts_dir, outcome) else {
            return;
        };
        if !super::limit::prune(cache_dir, &file, bytes.len() as u64, limit) {
            return;
        }
        if std::fs::create_dir_all(cache_dir).is_ok() {
            let _ = crate::write::Destination::cache_file(&file).write(&bytes);
        }
    }
}

/// The payload's layout.
#[derive(Serialize)]
struct PayloadOut<'a, W, F> {
    key: &'a Key,
    texts_dir: bool,
    warnings: W,
    human: &'a str,
    json: &'a str,
    failures: F,
}

#[derive(Deserialize)]
struct PayloadIn {
    key: Key,
    texts_dir: bool,
    warnings: Vec<DiagnosticIn>,
    human: String,
    json: String,
    failures: Vec<DiagnosticIn>,
}

fn encode(key: &Key, texts_dir: bool, outcome: &Outcome) -> Option<Vec<u8>> {
    let payload = postcard::to_stdvec(&PayloadOut {
        key,
        texts_dir,
        warnings: Seq(outcome.warnings.iter().map(DiagnosticOut)),
        human: &outcome.human,
        json: &outcome.json,
        failures: Seq(outcome.failures.iter().map(DiagnosticOut)),
    })
    .ok()?;
    let mut bytes = Vec::with_capacity(HEADER_LEN + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&super::FORMAT_VERSION.to_le_bytes());
    bytes.extend_from_slice(&xxh3_64(&payload).to_le_bytes());
    bytes.extend_from_slice(&payload);
    Some(bytes)
}

/// The key, whether `texts/` was there and the outcome of a stored check's bytes;
/// `None` for anything not as [`encode`] wrote it with this format.
fn decode(bytes: &[u8]) -> Option<(Key, bool, Outcome)> {
    let (header, payload) = bytes.split_at_checked(HEADER_LEN)?;
    let version = u32::from_le_bytes(header[MAGIC.len()..MAGIC.len() + 4].try_into().ok()?);
    let sum = u64::from_le_bytes(header[MAGIC.len() + 4..].try_into().ok()?);
    if &header[..MAGIC.len()] != MAGIC
        || version != super::FORMAT_VERSION
        || xxh3_64(payload) != sum
    {
        return None;
    }
    let (read, rest): (PayloadIn, _) = postcard::take_from_bytes(payload).ok()?;
    if !rest.is_empty() || serde_json::from_str::<serde_json::Value>(&read.json).is_err() {
        return None;
    }
    let unwrap = |list: Vec<DiagnosticIn>| list.into_iter().map(|d| d.0).collect();
    Some((
        read.key,
        read.texts_dir,
        Outcome {
            warnings: unwrap(read.warnings),
            human: read.human,
            json: read.json,
            failures: unwrap(read.failures),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outcome_reads_back_and_any_damage_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("data.json"), "{}").unwrap();
        let key = Pending::now(dir.path()).unwrap();
        let outcome = Outcome {
            warnings: vec![Diagnostic::error("a.json", "odd").warning()],
            human: "ok: 1 node\n".into(),
            json: "{\"valid\":true}".into(),
            failures: vec![Diagnostic::error("b.json", "not found")],
        };
        let bytes = encode(&key.key, false, &outcome).unwrap();
        let (_, texts_dir, back) = decode(&bytes).unwrap();
        assert!(!texts_dir);
        assert_eq!(back, outcome);
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x55;
            assert!(decode(&damaged).is_none(), "byte {i}");
        }
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
    }
}
