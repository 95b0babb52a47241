//! Reading other formats back into a data directory (`linkage import`): one module per
//! format. The directory written is an ordinary dataset: `check` validates it and
//! `--data DIR` loads it.

pub mod bibliography;
pub mod graphml;
pub mod xml;

use std::path::{Path, PathBuf};

use crate::{
    error::Error,
    load::{load, DataSource},
    write::{new_or_empty_dir, DestinationDir},
};

/// Formats `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum ImportFormat {
    /// linkage's own GraphML (`export --format graphml`).
    Graphml,
    /// A spreadsheet of claims, one a row (CSV, or TSV by its extension).
    Claims,
    /// Paper records as a reference manager exports them in BibTeX or BibLaTeX.
    Bibtex,
    /// Paper records in CSL-JSON (Zotero, Mendeley, Pandoc).
    CslJson,
}

impl ImportFormat {
    /// The format a file's extension names (`.graphml`, `.csv`, `.tsv`, `.bib`, `.json`
    /// for CSL-JSON), if any.
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "graphml" | "xml" => Some(Self::Graphml),
            "csv" | "tsv" => Some(Self::Claims),
            "bib" | "bibtex" => Some(Self::Bibtex),
            "json" => Some(Self::CslJson),
            _ => None,
        }
    }
}

/// Reads `file` in `format` and writes its data files into `out`, which must not exist
/// or be empty (nothing of a user's is overwritten). Then loads `dir` as a dataset, so
/// a problem in what was read is reported against the files written.
///
/// # Errors
/// [`Error::Io`] reading or writing, [`Error::Usage`] for malformed input or a `dir`
/// with files in it, [`Error::InvalidData`] when the data read is not a valid dataset.
pub fn import(
    format: ImportFormat,
    file: &Path,
    out: &DestinationDir,
) -> Result<Vec<PathBuf>, Error> {
    let dir = out.path();
    let bytes = std::fs::read(file).map_err(|e| Error::io("read", file, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::Usage(format!(
            "{}: not UTF-8 (byte {})",
            file.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    let files = match format {
        ImportFormat::Graphml => graphml::read(&file.display().to_string(), &text)?,
        // Claims and paper records join an existing dataset (`crate::author::claims`,
        // `crate::author::references`), checked against it.
        ImportFormat::Claims | ImportFormat::Bibtex | ImportFormat::CslJson => {
            return Err(Error::Usage(
                "claims and paper records are imported into the dataset --data names, not a new directory".into(),
            ))
        }
    };
    // The document is let go before the files are written, and their texts before the
    // dataset is loaded: at a million relations each is hundreds of megabytes.
    drop(text);
    new_or_empty_dir(dir, "already has files in it; import into a new directory")?;
    let mut written = Vec::new();
    for (name, text) in files {
        let destination = out.file(name)?;
        destination.write(text.as_bytes())?;
        written.push(destination.path().to_path_buf());
    }
    load(&DataSource::Dir(dir.to_path_buf()))?;
    Ok(written)
}
