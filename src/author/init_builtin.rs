//! `linkage init DIR --from-builtin`: the five shipped papers as a dataset directory (their
//! data files, schema and texts, byte for byte what the binary embeds), so a scholar adds
//! a sixth paper to them and sees where it stands among the five.

use std::{fs, path::Path};

use crate::{
    embedded,
    error::Error,
    write::{new_or_empty_dir, Destination},
};

/// Writes the built-in dataset into `dir` (new or empty): every embedded data file, and
/// every paper's text under `texts/`. Returns the paths written, in order.
///
/// # Errors
/// A `dir` that is not new or empty, or a file that cannot be written.
pub fn init_from_builtin(dir: &Path) -> Result<Vec<String>, Error> {
    new_or_empty_dir(
        dir,
        "is not empty; `linkage init --from-builtin` writes the shipped papers into a new or empty directory",
    )?;
    fs::create_dir_all(dir.join("texts")).map_err(|e| Error::io("create", dir, e))?;
    let files = embedded::files().map(|(name, text)| (dir.join(name), text.as_bytes()));
    let texts = embedded::texts().map(|(name, bytes)| (dir.join("texts").join(name), bytes));
    let mut written = Vec::new();
    for (path, bytes) in files.chain(texts) {
        Destination::data_file(&path).write(bytes)?;
        written.push(path.display().to_string());
    }
    Ok(written)
}
