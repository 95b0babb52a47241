//! The table as a Word document: the Markdown table converted by pandoc, its
//! citations resolved by pandoc's citeproc against the papers' BibTeX (the entries of
//! `export --format bibtex`), with the references listed after the table.

use std::{
    io::{ErrorKind, Write as _},
    process::{Command, Stdio},
};

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
    let mut child = Command::new("pandoc")
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
        .arg(&bibliography)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| {
            Error::External(if error.kind() == ErrorKind::NotFound {
                MISSING_PANDOC.into()
            } else {
                format!("cannot run pandoc: {error}")
            })
        })?;
    let written = child
        .stdin
        .take()
        .map(|mut stdin| stdin.write_all(markdown.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|error| Error::External(format!("pandoc failed: {error}")))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() || output.stdout.is_empty() {
        return Err(Error::External(format!("pandoc failed: {}", stderr.trim())));
    }
    if let Some(Err(error)) = written {
        return Err(Error::External(format!(
            "pandoc did not read the table: {error}"
        )));
    }
    // citeproc warns of a citation it cannot resolve, and would print the key instead.
    if stderr.contains("not found") {
        return Err(Error::External(format!(
            "pandoc could not resolve every citation: {}",
            stderr.trim()
        )));
    }
    Ok(output.stdout)
}
