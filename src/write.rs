//! Writing output files atomically, and never into the dataset being read.

use std::{
    io::Write as _,
    path::{Path, PathBuf},
};

use crate::error::Error;

/// Writes `bytes` to `path` through a temporary file in the same directory, renamed into
/// place, so a reader never sees half a file and a failure leaves the old file intact.
///
/// # Errors
/// [`Error::Io`] naming `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut file =
        tempfile::NamedTempFile::new_in(&dir).map_err(|e| Error::io("write", path, e))?;
    file.write_all(bytes)
        .map_err(|e| Error::io("write", path, e))?;
    file.persist(path)
        .map_err(|e| Error::io("write", path, e.error))?;
    Ok(())
}

/// Refuses an output path inside the data directory: linkage never writes into a
/// user's data.
///
/// # Errors
/// [`Error::Usage`] when `output` lies inside `data_dir`.
pub fn refuse_data_dir(output: &Path, data_dir: Option<&Path>) -> Result<(), Error> {
    let Some(data_dir) = data_dir else {
        return Ok(());
    };
    let Ok(data) = data_dir.canonicalize() else {
        return Ok(());
    };
    // The output's directory may not exist yet (`gallery data/new`): judge by its
    // nearest existing ancestor.
    let mut parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let parent = loop {
        if let Ok(real) = parent.canonicalize() {
            break real;
        }
        match parent.parent() {
            Some(up) if !up.as_os_str().is_empty() => parent = up,
            _ => break std::env::current_dir().unwrap_or_default(),
        }
    };
    if parent.starts_with(&data) {
        return Err(Error::Usage(format!(
            "refusing to write {} inside the data directory {}; choose another output path",
            output.display(),
            data_dir.display()
        )));
    }
    Ok(())
}
