//! Which files a `--data` directory holds, and reading them.

use std::path::{Path, PathBuf};

use crate::{
    diagnostic::Diagnostic,
    error::{Error, Result},
};

/// A data file of a `--data` directory, as read from disk.
#[derive(Debug)]
pub struct ReadFile {
    /// The file's path (shown to the user as it is displayed).
    pub path: PathBuf,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Reads every `*.json` file directly inside `dir`, in name order: the files
/// [`super::load()`] reads for [`super::DataSource::Dir`]. Split from loading so that the cache can key
/// a dataset by the very bytes it would load.
///
/// # Errors
/// [`Error::Io`] if the directory or a file cannot be read, [`Error::InvalidData`] if
/// it holds no data file.
pub fn read_data_dir(dir: &Path) -> Result<Vec<ReadFile>> {
    data_paths(dir)?
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).map_err(|e| Error::io("read", &path, e))?;
            Ok(ReadFile { path, bytes })
        })
        .collect()
}

/// The `*.json` files directly inside `dir`, in name order: the files [`read_data_dir`]
/// reads.
///
/// # Errors
/// As [`read_data_dir`].
pub fn data_paths(dir: &Path) -> Result<Vec<PathBuf>> {
    let paths = json_paths(dir)?;
    if paths.is_empty() {
        return Err(Error::InvalidData(vec![Diagnostic::error(
            dir.display().to_string(),
            "no data files: the directory has no *.json file",
        )
        .with_hint("a dataset is a directory of JSON files with `papers`, `nodes` and `relations`; see docs/data-format.md")]));
    }
    Ok(paths)
}

/// The `*.json` files directly inside `dir`, in name order, however many there are.
pub(super) fn json_paths(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io("read directory", dir, e))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| Error::io("read directory", dir, e))?
            .path();
        if path.extension().is_some_and(|ext| ext == "json") && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}
