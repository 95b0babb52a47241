//! linkage models the logic of academic papers as a typed concept graph: strategies,
//! goals, mechanisms, actors, problems, measures and comparison dimensions, joined by
//! typed relations, each traceable to a paper, a section and a verbatim quote.
//!
//! The flow of data: [`load`] reads a dataset (the built-in one or a directory) and
//! validates it into a [`ConceptGraph`]; queries read the graph; [`output`] renders
//! results for people, and every query also has a JSON form. See ARCHITECTURE.md.

pub mod adjacency;
pub mod author;
pub mod batch;
pub mod cli;
pub mod completion;
pub mod diagnostic;
pub mod dot;
mod embedded;
pub mod error;
pub mod export;
pub mod fact;
pub mod formats;
pub mod graph;
pub mod headings;
pub mod import;
pub mod json_schema;
pub mod load;
pub mod locate;
pub mod node;
pub mod output;
pub mod pager;
pub mod paper;
pub mod query;
pub mod quotes;
pub mod records;
pub mod relation;
mod resolve;
pub mod run;
pub mod schema;
pub mod serve;
pub mod source_map;
pub mod suggest;
pub mod teach;
pub mod write;

pub use error::{Error, Result};
pub use graph::ConceptGraph;
pub use load::{load, DataSource, Loaded};
