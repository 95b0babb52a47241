//! The table as a Word document: the Markdown table converted by pandoc, its
//! citations resolved by pandoc's citeproc against the papers' BibTeX (the entries of
//! `export --format bibtex`), with the references listed after the table.

use std::process::Command;

use crate::{error::Error, formats::citations::bibtex_of, graph::ConceptGraph};

/// How pandoc is told it is missing.
pub const MISSING_PANDOC: &str = "pandoc is not installed (or not on PATH), so the table \
cannot be written as DOCX. Install it (`sudo apt-get install pandoc`, `brew install pandoc`, \
or https://pandoc.org/installing.html), or write `--format markdown` and convert it yourself \
with `pandoc --citeproc --bibliography papers.bib` (papers.bib from `linkage export --format bibtex`).";

/// `markdown` (from [`super::markdown::markdown`]) as DOCX bytes, its citations
/// resolved against every paper of `graph`.
///
/// # Errors
/// [`Error::External`] when pandoc is missing or fails, with what it said.
pub fn docx(graph: &ConceptGraph, markdown: &str) -> Result<Vec<u8>, Error> {
    let papers: Vec<_> = graph.papers().collect();
    let scratch = crate::write::Scratch::new()?;
    let bibliography = scratch.file("papers.bib", bibtex_of(&papers).as_bytes())?;
    let mut command = Command::new("pandoc");
    command
        .args([
            "--from",
            "markdown",
            "--to",
            "docx",
            "--citeproc",
            "--output",
            "-",
        ])
        .arg("--bibliography")
        .arg(&bibliography);
    // citeproc warns of a citation it cannot resolve, and would print the key instead.
    crate::pandoc::convert(
        command,
        markdown,
        &crate::pandoc::Conversion {
            what: "the table",
            missing: MISSING_PANDOC,
            refuse_warning: ("not found", "pandoc could not resolve every citation"),
        },
    )
}
