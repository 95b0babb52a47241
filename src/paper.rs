//! A paper whose claims the dataset encodes.

use serde::{Deserialize, Serialize};

/// A paper record. Every citation field is optional: unknown stays `None`, never a guess.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    /// Stable id, used in `--paper` filters and in every source.
    pub id: String,
    /// Short citation shown in output ("Hao (2021)"); the id when absent.
    #[serde(default)]
    pub cite: Option<String>,
    /// Title, if known.
    #[serde(default)]
    pub title: Option<String>,
    /// Authors, if known.
    #[serde(default)]
    pub authors: Option<Vec<String>>,
    /// Year of publication, if known.
    #[serde(default)]
    pub year: Option<i32>,
    /// Journal, book or other venue, if known.
    #[serde(default)]
    pub venue: Option<String>,
    /// DOI, if known.
    #[serde(default)]
    pub doi: Option<String>,
    /// URL, if known.
    #[serde(default)]
    pub url: Option<String>,
    /// Name of the paper's plain-text file, used to verify quotes.
    pub file: String,
    /// What else is known about the text or its citation.
    #[serde(default)]
    pub note: Option<String>,
}

impl Paper {
    /// The short citation shown in output.
    pub fn citation(&self) -> &str {
        self.cite.as_deref().unwrap_or(&self.id)
    }
}
