//! The names shell completion offers for a dataset (node ids with their labels, paper
//! ids with their citations, the schema's kinds), written at the front of a cache file
//! so that a TAB reads them without decoding the graph behind them: at a million
//! relations, decoding the graph took most of a TAB's 0.9 s.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::ConceptGraph;

/// What completion offers for one dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    /// Every node's id and label, in data order.
    pub nodes: Vec<(String, String)>,
    /// Every paper's id and short citation.
    pub papers: Vec<(String, String)>,
    /// The schema's node kinds.
    pub node_kinds: Vec<String>,
    /// The schema's relation kinds.
    pub relation_kinds: Vec<String>,
}

impl Names {
    /// The names `graph` offers.
    pub fn of(graph: &ConceptGraph) -> Self {
        Self {
            nodes: graph
                .nodes()
                .map(|n| (n.id.clone(), n.label.clone()))
                .collect(),
            papers: graph
                .papers()
                .map(|p| (p.id.clone(), p.citation().to_string()))
                .collect(),
            node_kinds: graph.schema().node_kinds.keys().cloned().collect(),
            relation_kinds: graph.schema().relation_kinds.keys().cloned().collect(),
        }
    }
}

/// [`Names`] read in passing, borrowing from the payload, when the graph after them is
/// what is wanted: postcard is not self-describing, so they cannot be skipped unread.
#[derive(Deserialize)]
pub(super) struct NamesPassed<'a> {
    #[serde(borrow)]
    _nodes: Vec<(&'a str, &'a str)>,
    #[serde(borrow)]
    _papers: Vec<(&'a str, &'a str)>,
    #[serde(borrow)]
    _node_kinds: Vec<&'a str>,
    #[serde(borrow)]
    _relation_kinds: Vec<&'a str>,
}

/// The names of the dataset in `dir` from its cache file in `cache_dir`, when that file
/// is whole (its checksum holds) and was written for the files `dir` holds now (the
/// same key a load checks: every file's size, time and hash); `None` otherwise, and the
/// caller loads the dataset (which writes the cache for the next time).
pub fn cached(dir: &Path, cache_dir: &Path) -> Option<Names> {
    let cache_file = super::cache_file(dir, cache_dir)?;
    // The files are hashed on a second thread while this one reads the cache file.
    let (key_now, bytes) = std::thread::scope(|scope| {
        let hashing = scope.spawn(|| {
            crate::load::data_paths(dir)
                .ok()
                .and_then(|paths| super::Key::of_paths(dir, &paths))
        });
        let bytes = std::fs::read(&cache_file).ok();
        (hashing.join().ok().flatten(), bytes)
    });
    let payload = super::sealed_payload(bytes.as_deref()?).ok()?;
    let mut de = postcard::Deserializer::from_bytes(payload);
    let key = super::Key::deserialize(&mut de).ok()?;
    let names = Names::deserialize(&mut de).ok()?;
    (key_now? == key).then_some(names)
}

#[cfg(test)]
mod tests {
    use std::{fs, path::PathBuf};

    use super::*;

    /// A copy of the `good` fixture, which the test may change.
    fn dataset() -> (tempfile::TempDir, PathBuf) {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("data");
        fs::create_dir(&dir).unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
        for entry in fs::read_dir(fixture).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
        (root, dir)
    }

    #[test]
    fn names_are_read_from_a_cache_written_for_the_files_there_now() {
        let (root, dir) = dataset();
        let cache_dir = root.path().join("cache");
        assert_eq!(cached(&dir, &cache_dir), None, "nothing cached yet");
        let loaded = crate::cache::load(&dir, &cache_dir).unwrap();
        let names = cached(&dir, &cache_dir).expect("the load cached the names");
        assert_eq!(names, Names::of(&loaded.graph));
        assert!(!names.nodes.is_empty() && !names.papers.is_empty());

        // A changed data file is a miss: completion then loads, and caches again.
        let nodes = dir.join("nodes.json");
        let text = fs::read_to_string(&nodes).unwrap();
        fs::write(&nodes, text.replacen("\"nodes\": [", "\"nodes\": [ ", 1)).unwrap();
        assert_ne!(
            fs::read_to_string(&nodes).unwrap(),
            text,
            "the file changed"
        );
        assert_eq!(cached(&dir, &cache_dir), None);
    }

    #[test]
    fn a_damaged_cache_file_offers_no_names() {
        let (root, dir) = dataset();
        let cache_dir = root.path().join("cache");
        crate::cache::load(&dir, &cache_dir).unwrap();
        let file = crate::cache::cache_file(&dir, &cache_dir).unwrap();
        let mut bytes = fs::read(&file).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        fs::write(&file, bytes).unwrap();
        assert_eq!(cached(&dir, &cache_dir), None);
    }
}
