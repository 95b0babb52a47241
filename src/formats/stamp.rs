//! What every export says about where it came from, so that the tool and the dataset
//! can be cited: linkage's version and the dataset's identity.
//!
//! The data format has no name or version of a dataset, so its identity is a digest of
//! its data files: `xxh3-128:` and 32 hexadecimal digits, the xxh3-128 of, for each data
//! file in load order, its file name, a NUL byte and the xxh3-128 of its text (16
//! bytes, little-endian). The same files give the same digest wherever the directory
//! is (`--data data` and the built-in dataset alike); any change to a file changes it.
//! It is the hash the cache keys a dataset by, not a cryptographic one: it tells
//! versions of a dataset apart, it does not guard against forgery.

use xxhash_rust::xxh3::Xxh3;

use crate::graph::ConceptGraph;

/// linkage's version, as `linkage --version` prints it.
pub const LINKAGE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where an export came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// linkage's version.
    pub linkage: &'static str,
    /// The dataset's digest (see the module's documentation); `None` when a data file
    /// could no longer be read to compute it.
    pub dataset: Option<String>,
}

impl Stamp {
    /// The stamp of exports of `graph`.
    pub fn of(graph: &ConceptGraph) -> Self {
        Self {
            linkage: LINKAGE_VERSION,
            dataset: digest(graph),
        }
    }

    /// The dataset's digest, or `unknown`.
    pub fn dataset(&self) -> &str {
        self.dataset.as_deref().unwrap_or("unknown")
    }

    /// One line for a format's comment: `linkage 0.1.0, dataset xxh3-128:…`.
    pub fn line(&self) -> String {
        format!("linkage {}, dataset {}", self.linkage, self.dataset())
    }
}

fn digest(graph: &ConceptGraph) -> Option<String> {
    let mut hasher = Xxh3::new();
    for file in graph.files() {
        let name = std::path::Path::new(&file.name)
            .file_name()
            .map_or(file.name.as_str(), |n| n.to_str().unwrap_or_default());
        hasher.update(name.as_bytes());
        hasher.update(&[0]);
        hasher.update(&file.digest()?.to_le_bytes());
    }
    Some(format!("xxh3-128:{:032x}", hasher.digest128()))
}
