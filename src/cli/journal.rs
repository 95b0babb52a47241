//! The arguments of the commands that make a journal's table and figure of one
//! comparison (`table`, `figure`), apart from `cli.rs` so each stays short.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::{completion, dot::Lang};

/// How `linkage table` writes the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// A LaTeX `table` float with booktabs rules, papers as `\cite{key}`.
    Latex,
    /// A pandoc Markdown pipe table, papers as `[@key]` for citeproc.
    Markdown,
    /// A Word document, through pandoc (citations resolved, references listed).
    Docx,
}

impl TableFormat {
    /// The format a file name's extension asks for (`.tex`, `.md`, `.docx`).
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "tex" => Some(Self::Latex),
            "md" | "markdown" => Some(Self::Markdown),
            "docx" => Some(Self::Docx),
            _ => None,
        }
    }
}

/// Arguments of `linkage table`.
#[derive(Debug, Args)]
pub struct TableArgs {
    /// First concept: its column (id, label, alias, or a unique part of one).
    #[arg(add = completion::node_names())]
    pub a: String,
    /// Second concept: its column.
    #[arg(add = completion::node_names())]
    pub b: String,
    /// Only claims made by these papers (id, citation, author or title words).
    #[arg(long, value_name = "PAPER", num_args = 1.., add = completion::paper_names())]
    pub paper: Vec<String>,
    /// latex, markdown or docx [default: from the file's extension, else latex].
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    /// Language of the labels and headings (positions stay in the papers' words).
    #[arg(long, value_enum, value_name = "LANG", default_value_t)]
    pub lang: Lang,
    /// The file to write (atomically); standard output without it (not for docx).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
