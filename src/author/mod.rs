//! Helping a scholar encode their own papers: a new dataset to start from ([`init`]) and
//! claims added from the command line ([`add`]), every quote checked against the paper's
//! text before anything is written.

pub mod add;
pub mod append;
pub mod claims;
pub mod init;
pub mod init_builtin;
pub mod locate;
pub mod references;
pub mod target;

use std::path::Path;

use crate::{error::Error, graph::ConceptGraph, text_store::TextStore};

/// The texts of the dataset's papers: from `sources` when given, else the dataset
/// directory's `texts/`, else (for the built-in dataset) the texts built into linkage.
///
/// # Errors
/// [`Error::Usage`] when no texts are known or one cannot be read, naming the paper.
pub fn paper_texts(
    graph: &ConceptGraph,
    data: Option<&Path>,
    sources: Option<&Path>,
) -> Result<Vec<locate::PaperText>, Error> {
    let texts = TextStore::required(sources, data)?;
    graph
        .papers()
        .map(|paper| {
            let text = texts
                .text(&paper.file)
                .map_err(|why| Error::Usage(format!("the text of {}: {why}", paper.citation())))?;
            Ok(locate::PaperText {
                paper: paper.id.clone(),
                citation: paper.citation().to_string(),
                text,
            })
        })
        .collect()
}
