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
    /// A name on the command line matches no node, or several.
    #[error("{0}")]
    Resolve(String),
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// An external program (Graphviz) failed or is missing.
    #[error("{0}")]
    External(String),
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
