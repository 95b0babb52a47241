//! The index from a node's id to the node.
//!
//! Loading a large dataset looks up two ids for every relation. With one heap string
//! per id, each lookup's final comparison read a string from wherever it was allocated,
//! a cache miss: the single largest cost of loading a million relations (the
//! profile in bench/HISTORY.md). Here every id lies end to end in one block of text (600 KB for 100,000
//! ids), and the table holds where each one starts and its first eight bytes, so that a
//! short id is found without reading the text at all.

use hashbrown::HashTable;
use petgraph::graph::NodeIndex;
use rustc_hash::FxBuildHasher;

/// Node ids to node indices.
#[derive(Debug, Clone, Default)]
pub(crate) struct IdIndex {
    /// Every id, end to end.
    text: String,
    entries: HashTable<Entry>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The id's first eight bytes ([`head`]): a lookup compares them, and the length,
    /// before reading the rest of the id from `text`, a cache miss (memcmp was 4% of a
    /// cold load at 1M relations, most ids being eight bytes or fewer).
    head: u64,
    /// Where the id starts in `text`.
    start: usize,
    /// Its length in bytes.
    len: u32,
    node: NodeIndex,
}

fn hash(id: &str) -> u64 {
    use std::hash::BuildHasher;
    FxBuildHasher.hash_one(id)
}

/// The first eight bytes of `id`, zero-padded: with the length, the whole of a short id.
fn head(id: &str) -> u64 {
    let mut word = [0; 8];
    let n = id.len().min(8);
    word[..n].copy_from_slice(&id.as_bytes()[..n]);
    u64::from_le_bytes(word)
}

impl IdIndex {
    /// An empty index with room for `capacity` ids.
    #[must_use]
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self {
            text: String::with_capacity(capacity * 8),
            entries: HashTable::with_capacity(capacity),
        }
    }

    fn id_of<'a>(text: &'a str, entry: &Entry) -> &'a str {
        &text[entry.start..entry.start + entry.len as usize]
    }

    /// Whether `entry` is the id `id`, whose [`head`] is `head`.
    fn is(text: &str, entry: &Entry, id: &str, head: u64) -> bool {
        entry.head == head
            && entry.len as usize == id.len()
            && (id.len() <= 8
                || text.as_bytes()[entry.start + 8..entry.start + id.len()] == id.as_bytes()[8..])
    }

    /// The node whose id is `id`.
    pub(crate) fn get(&self, id: &str) -> Option<&NodeIndex> {
        let head = head(id);
        self.entries
            .find(hash(id), |e| Self::is(&self.text, e, id, head))
            .map(|e| &e.node)
    }

    /// Maps `id` to `node`; returns the node it mapped to before, if any.
    pub(crate) fn insert(&mut self, id: &str, node: NodeIndex) -> Option<NodeIndex> {
        let text = &self.text;
        let head = head(id);
        if let Some(entry) = self
            .entries
            .find_mut(hash(id), |e| Self::is(text, e, id, head))
        {
            return Some(std::mem::replace(&mut entry.node, node));
        }
        let Ok(len) = u32::try_from(id.len()) else {
            // An id of 4 GB cannot be in a data file that loaded; refuse it quietly
            // rather than index it wrongly.
            return None;
        };
        let start = self.text.len();
        self.text.push_str(id);
        let text = &self.text;
        self.entries.insert_unique(
            hash(id),
            Entry {
                head,
                start,
                len,
                node,
            },
            |e| hash(Self::id_of(text, e)),
        );
        None
    }
}

#[cfg(test)]
mod tests {
    use super::IdIndex;
    use petgraph::graph::NodeIndex;

    #[test]
    fn ids_are_found_replaced_and_missed() {
        let mut index = IdIndex::with_capacity(1);
        for i in 0..1000 {
            assert_eq!(index.insert(&format!("n{i}"), NodeIndex::new(i)), None);
        }
        assert_eq!(index.entries.len(), 1000);
        assert_eq!(index.get("n999"), Some(&NodeIndex::new(999)));
        assert_eq!(index.get("n1000"), None);
        assert_eq!(index.get("n"), None);
        assert_eq!(
            index.insert("n5", NodeIndex::new(7)),
            Some(NodeIndex::new(5))
        );
        assert_eq!(index.get("n5"), Some(&NodeIndex::new(7)));
        // Ids alike in their first eight bytes, or one the other's start.
        index.insert("rural-revitalization", NodeIndex::new(2000));
        index.insert("rural-re", NodeIndex::new(2001));
        assert_eq!(index.get("rural-revitalisation"), None);
        assert_eq!(
            index.get("rural-revitalization"),
            Some(&NodeIndex::new(2000))
        );
        assert_eq!(index.get("rural-re"), Some(&NodeIndex::new(2001)));
        assert_eq!(index.get("rural-rev"), None);
        assert_eq!(index.get("rural-r"), None);
        assert_eq!(index.get("精准扶贫"), None);
        index.insert("精准扶贫", NodeIndex::new(1));
        assert!(index.get("精准扶贫").is_some());
    }
}

#[cfg(test)]
mod properties {
    use super::IdIndex;
    use petgraph::graph::NodeIndex;
    use proptest::prelude::*;
    use std::collections::HashMap;

    proptest! {
        /// The index answers as a `HashMap` of owned strings would, for ids inserted,
        /// replaced and never seen.
        #[test]
        fn answers_as_a_hash_map_does(
            inserts in prop::collection::vec(("[a-c精准]{0,4}", 0usize..50), 0..60),
            probes in prop::collection::vec("[a-c精准]{0,4}", 0..20),
        ) {
            let mut index = IdIndex::default();
            let mut oracle = HashMap::new();
            for (id, node) in &inserts {
                prop_assert_eq!(
                    index.insert(id, NodeIndex::new(*node)),
                    oracle.insert(id.clone(), NodeIndex::new(*node))
                );
            }
            prop_assert_eq!(index.entries.len(), oracle.len());
            for id in inserts.iter().map(|(id, _)| id).chain(&probes) {
                prop_assert_eq!(index.get(id), oracle.get(id));
            }
        }
    }
}
