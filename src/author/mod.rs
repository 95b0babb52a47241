//! Helping a scholar encode their own papers: a new dataset to start from ([`init`]) and
//! claims added from the command line ([`add`]), every quote checked against the paper's
//! text before anything is written.

pub mod add;
pub mod append;
pub mod claims;
pub mod init;
pub mod locate;

use std::path::Path;

use crate::{error::Error, graph::ConceptGraph};

/// The texts of the dataset's papers: from `sources` when given, else from the dataset
/// directory's `texts/`.
///
/// # Errors
/// [`Error::Usage`] when no texts directory is known; [`Error::Io`] naming a text that
/// cannot be read.
pub fn paper_texts(
    graph: &ConceptGraph,
    data: Option<&Path>,
    sources: Option<&Path>,
) -> Result<Vec<locate::PaperText>, Error> {
    let dir = match (sources, data) {
        (Some(dir), _) => dir.to_path_buf(),
        (None, Some(data)) => data.join("texts"),
        (None, None) => {
            return Err(Error::Usage(
                "name the directory of the papers' texts with --sources DIR".into(),
            ))
        }
    };
    graph
        .papers()
        .map(|paper| {
            let path = dir.join(&paper.file);
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io("read", &path, e))?;
            Ok(locate::PaperText {
                paper: paper.id.clone(),
                citation: paper.citation().to_string(),
                text,
            })
        })
        .collect()
}
