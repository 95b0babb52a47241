//! Where the papers' texts are read from: the one rule, the one reader.
//!
//! A paper's `file` names its text (plain text, Markdown or PDF) inside a texts
//! directory. Every command reading texts (`check`, `locate`, `suggest`, `add`,
//! `import`, `export`, `paper`'s ordering, the printed sentences) finds them by
//! [`TextStore::find`]: the directory `--sources DIR` names; else the dataset's own
//! `DATA/texts` for `--data DATA` (when it exists); else, for the built-in dataset, the
//! texts built into linkage with it. Every read refuses a `file` that would lead out of
//! the directory ([`unsafe_text_name`]).

use std::{
    borrow::Cow,
    path::{Component, Path, PathBuf},
};

use crate::{embedded, error::Error, paper::Paper};

/// Where the papers' texts are read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextStore {
    /// `data/texts/`, compiled into the binary with the built-in dataset.
    Embedded,
    /// A directory the user named (`--sources DIR`): a text missing from it is an
    /// error wherever a text is wanted.
    Dir(PathBuf),
    /// The dataset's own `texts/` directory: a text missing from it is simply not at
    /// hand where a text is only an aid (exports, printed sentences).
    DataTexts(PathBuf),
}

impl TextStore {
    /// The texts for `--sources` (`sources`) and `--data` (`data`), by the one rule:
    /// `sources` when given; else `DATA/texts` when `data` is given and that directory
    /// exists; else, for the built-in dataset (no `data`), the embedded texts. `None`:
    /// a `--data` directory without `texts/` and no `--sources`, so no texts.
    pub fn find(sources: Option<&Path>, data: Option<&Path>) -> Option<Self> {
        match (sources, data) {
            (Some(dir), _) => Some(Self::Dir(dir.to_path_buf())),
            (None, Some(data)) => {
                let dir = data.join("texts");
                dir.is_dir().then_some(Self::DataTexts(dir))
            }
            (None, None) => Some(Self::Embedded),
        }
    }

    /// The texts [`TextStore::find`] finds, where a command cannot do without them.
    ///
    /// # Errors
    /// [`Error::Usage`] when there are none: a `--data` directory without `texts/` and
    /// no `--sources`.
    pub fn required(sources: Option<&Path>, data: Option<&Path>) -> Result<Self, Error> {
        Self::find(sources, data).ok_or_else(|| {
            Error::Usage(format!(
                "no texts to read: {} has no texts/ directory; name one with --sources DIR",
                data.map_or_else(String::new, |d| d.display().to_string())
            ))
        })
    }

    /// How the texts are named in output.
    pub fn describe(&self) -> String {
        match self {
            Self::Embedded => format!(
                "the {} texts in data/texts, built into linkage",
                embedded::text_count()
            ),
            Self::Dir(dir) | Self::DataTexts(dir) => dir.display().to_string(),
        }
    }

    /// Where text `file` is, as a user would look for it: its path in the directory, or
    /// `data/texts/FILE` for a text built in.
    pub fn place_of(&self, file: &str) -> PathBuf {
        match self {
            Self::Embedded => Path::new("data/texts").join(file),
            Self::Dir(dir) | Self::DataTexts(dir) => dir.join(file),
        }
    }

    /// The text of paper file `file` as quotes are checked against: a PDF's extracted
    /// text (src/pdf/), a plain text's characters.
    ///
    /// # Errors
    /// Why the text cannot be had, in words (see [`TextStore::read`],
    /// `pdf::text_of_file`).
    pub fn text(&self, file: &str) -> Result<String, String> {
        let bytes = self.read(file)?;
        crate::pdf::text_of_file(file, &bytes)
    }

    /// The bytes of text `file`, or why it cannot be had.
    ///
    /// # Errors
    /// Why the text cannot be read, in words: an unsafe name, no such text, an I/O error.
    pub fn read(&self, file: &str) -> Result<Cow<'static, [u8]>, String> {
        if let Some(reason) = unsafe_text_name(file) {
            return Err(format!("the `file` {file:?} {reason}"));
        }
        match self {
            Self::Embedded => embedded::text(file)
                .map(Cow::Borrowed)
                .ok_or_else(|| format!("no text {file:?} is built into linkage (data/texts)")),
            Self::Dir(dir) | Self::DataTexts(dir) => {
                let path = dir.join(file);
                std::fs::read(&path)
                    .map(Cow::Owned)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))
            }
        }
    }

    /// The text of `paper` where a text is an aid, not a requirement (exports place
    /// quotes in it): `None` when it is not at hand in the dataset's own or the built-in
    /// texts.
    ///
    /// # Errors
    /// [`Error::Usage`] when a directory the user named cannot give it.
    pub fn text_if_at_hand(&self, paper: &Paper) -> Result<Option<String>, Error> {
        match self.text(&paper.file) {
            Ok(text) => Ok(Some(text)),
            Err(why) if matches!(self, Self::Dir(_)) => Err(Error::Usage(why)),
            Err(_) => Ok(None),
        }
    }
}

/// Why a paper's `file` field cannot name a text inside the texts directory: an
/// absolute path or a `..` step would read outside it. `None` when it is fine.
pub fn unsafe_text_name(file: &str) -> Option<&'static str> {
    let path = Path::new(file);
    // `C:\x` and `\\server\x` are absolute only on Windows; refuse them everywhere so a
    // dataset means the same on every machine.
    if path.has_root() || file.starts_with('\\') || file.get(1..2) == Some(":") {
        return Some("is an absolute path; give a file name inside the texts directory");
    }
    if path
        .components()
        .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
        || file.split(['/', '\\']).any(|part| part == "..")
    {
        return Some("leads out of the texts directory (`..`); give a file name inside it");
    }
    None
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{unsafe_text_name, TextStore};

    #[test]
    fn the_one_rule_finds_sources_then_the_datasets_texts_then_the_built_in_ones() {
        let data = tempfile::tempdir().unwrap();
        let sources = Path::new("/somewhere/texts");
        assert_eq!(
            TextStore::find(Some(sources), Some(data.path())),
            Some(TextStore::Dir(sources.to_path_buf()))
        );
        assert_eq!(TextStore::find(None, Some(data.path())), None);
        assert!(TextStore::required(None, Some(data.path()))
            .unwrap_err()
            .to_string()
            .contains("has no texts/ directory; name one with --sources DIR"));
        std::fs::create_dir(data.path().join("texts")).unwrap();
        assert_eq!(
            TextStore::find(None, Some(data.path())),
            Some(TextStore::DataTexts(data.path().join("texts")))
        );
        assert_eq!(TextStore::find(None, None), Some(TextStore::Embedded));
        // Every store refuses a name leading out of it.
        for store in [
            TextStore::Embedded,
            TextStore::Dir(data.path().to_path_buf()),
            TextStore::DataTexts(data.path().join("texts")),
        ] {
            assert!(store
                .read("../papers.json")
                .unwrap_err()
                .contains("leads out"));
        }
    }

    #[test]
    fn text_names_outside_the_directory_are_refused() {
        assert!(unsafe_text_name("/etc/passwd").is_some());
        assert!(unsafe_text_name("../secret.txt").is_some());
        assert!(unsafe_text_name("a/../../b.txt").is_some());
        assert!(unsafe_text_name("C:\\x.txt").is_some());
        assert!(unsafe_text_name("p1.txt").is_none());
        assert!(unsafe_text_name("sub/p1.txt").is_none());
    }
}
