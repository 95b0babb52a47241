//! Teaching material made from the graph: the offline explorer page (`html`), the
//! step-by-step figures (`steps`), handouts (`handout`) and quizzes (`quiz`).
//!
//! These read the graph model and the query engine's public entry points
//! ([`crate::query::PathQuery`], [`crate::query::diff::diff`]) only, so they show what
//! the CLI's queries answer, and draw with Graphviz through `graphviz_rust`.

pub mod data;
pub mod html;
pub mod layout;

use std::path::Path;

use crate::{
    error::Error,
    graph::ConceptGraph,
    write::{refuse_data_dir, write_atomically},
};

/// `linkage html [--paper P] -o FILE`: writes the explorer.
///
/// # Errors
/// Unknown paper, Graphviz missing, the output in the data dir or not writable.
pub fn html_command(
    graph: &ConceptGraph,
    paper: Option<&str>,
    output: &Path,
    data_dir: Option<&Path>,
) -> Result<(), Error> {
    refuse_data_dir(output, data_dir)?;
    let paper = paper.map(|p| graph.resolve_paper(p)).transpose()?;
    let page = html::explorer(graph, paper.as_deref())?;
    write_atomically(output, page.as_bytes())
}
