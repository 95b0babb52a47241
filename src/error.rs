//! The library's error type. Every variant maps to exit code 2 at the binary's edge.

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;

/// Something that stops a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The dataset has problems; every one found is listed.
    #[error("the data has {} problem{}", .0.len(), if .0.len() == 1 { "" } else { "s" })]
    InvalidData(Vec<Diagnostic>),
    /// A file or directory could not be read or written.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        /// What we tried to do ("read", "write").
        action: &'static str,
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A name the user typed matches nothing.
    #[error("{message}")]
    UnknownName {
        /// The name as typed.
        name: String,
        /// What it was to name.
        of: Named,
        /// The ids of the closest nodes or papers, best first (perhaps none).
        closest: Vec<String>,
        /// The whole message, the candidates with their kinds and labels.
        message: String,
    },
    /// A name the user typed matches several nodes or papers; an id would pick one.
    #[error("{message}")]
    AmbiguousName {
        /// The name as typed.
        name: String,
        /// What it was to name.
        of: Named,
        /// The ids of what it matches (the first ten at most for nodes).
        matches: Vec<String>,
        /// How many it matches in all.
        total: usize,
        /// The whole message, the matches with their kinds and labels.
        message: String,
    },
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// An external program (Graphviz) failed or is missing.
    #[error("{0}")]
    External(String),
}

/// What a name was typed to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// A node (concept, strategy, goal...).
    Node,
    /// A paper.
    Paper,
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            action,
            path: path.into(),
            source,
        }
    }
}

/// Result with the library's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
