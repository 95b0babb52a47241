//! The names shell completion offers for a dataset (node ids with their labels, paper
//! ids with their citations, the schema's kinds), written at the front of a cache file
//! so that a TAB reads them without decoding the graph behind them: at a million
//! relations, decoding the graph took most of a TAB's 0.9 s. The file's header gives
//! the length of its front (the key and these names) and a checksum of that front
//! alone, so a TAB reads only the front.

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

/// The names of the dataset in `dir` from its cache file in `cache_dir`, when the
/// file's front (its key and the names) is whole (its own checksum holds) and was
/// written for the files `dir` holds now; `None` otherwise, and the caller loads the
/// dataset (which writes the cache for the next time).
///
/// A TAB reads only the header and the front of the cache file, not the graph behind
/// it, and judges the files by their status alone (`key.rs`), racy or not, never
/// hashing their bytes as a load may: at a million relations, hashing 140 MB
/// of data files and checksumming a 70 MB cache file were most of a TAB. The risk is
/// small and harmless: a data file edited without changing its size within the
/// file system's time resolution offers the names it had a moment before for one
/// TAB, and no command runs on them (every command loads through the full key).
pub fn cached(dir: &Path, cache_dir: &Path) -> Option<Names> {
    use std::io::Read as _;
    let cache_file = super::cache_file(dir, cache_dir)?;
    let paths = crate::load::data_paths(dir).ok()?;
    let mut file = std::fs::File::open(&cache_file).ok()?;
    let mut header = [0; super::HEADER_LEN];
    file.read_exact(&mut header).ok()?;
    let (_, front_len, front_sum) = super::read_header(&header).ok()?;
    // The length is the file's word: read no more than the file holds.
    let size = file.metadata().ok()?.len();
    if front_len as u64 > size.saturating_sub(super::HEADER_LEN as u64) {
        return None;
    }
    let mut front = vec![0; front_len];
    file.read_exact(&mut front).ok()?;
    if xxhash_rust::xxh3::xxh3_64(&front) != front_sum {
        return None;
    }
    let mut de = postcard::Deserializer::from_bytes(&front);
    let key = super::Key::deserialize(&mut de).ok()?;
    let names = Names::deserialize(&mut de).ok()?;
    key.same_status(dir, &paths).then_some(names)
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
    fn a_damaged_front_offers_no_names_and_a_damaged_graph_is_not_read() {
        let (root, dir) = dataset();
        let cache_dir = root.path().join("cache");
        let loaded = crate::cache::load(&dir, &cache_dir).unwrap();
        let file = crate::cache::cache_file(&dir, &cache_dir).unwrap();
        let whole = fs::read(&file).unwrap();
        let front_len = usize::try_from(u64::from_le_bytes(
            whole[super::super::FRONT_LEN].try_into().unwrap(),
        ))
        .unwrap();
        assert!(front_len > 0 && super::super::HEADER_LEN + front_len < whole.len());
        assert_eq!(
            crate::cache::seal(&whole[super::super::HEADER_LEN..]),
            whole,
            "the fuzzer's seal makes the header linkage writes"
        );

        // A byte of the names changed: no names.
        let mut bytes = whole.clone();
        bytes[super::super::HEADER_LEN + front_len - 1] ^= 0xff;
        fs::write(&file, &bytes).unwrap();
        assert_eq!(cached(&dir, &cache_dir), None);

        // Cut short in its front, or in its header: no names, no panic.
        for cut in [super::super::HEADER_LEN + front_len / 2, 10, 0] {
            fs::write(&file, &whole[..cut]).unwrap();
            assert_eq!(cached(&dir, &cache_dir), None, "cut at {cut}");
        }

        // A front claiming more than the file holds: no names.
        let mut bytes = whole.clone();
        bytes[super::super::FRONT_LEN].copy_from_slice(&u64::MAX.to_le_bytes());
        fs::write(&file, &bytes).unwrap();
        assert_eq!(cached(&dir, &cache_dir), None);

        // The graph behind the names damaged: a TAB does not read it and still offers
        // the names; a load finds the damage and reads the JSON instead.
        let mut bytes = whole.clone();
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        fs::write(&file, &bytes).unwrap();
        assert_eq!(cached(&dir, &cache_dir), Some(Names::of(&loaded.graph)));
        let again = crate::cache::load(&dir, &cache_dir).unwrap();
        assert!(
            again
                .warnings
                .iter()
                .any(|w| w.message.contains("not as linkage wrote it")),
            "the damaged graph is a miss with a warning"
        );
    }
}
