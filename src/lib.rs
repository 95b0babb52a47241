//! linkage models the logic of academic papers as a typed concept graph: strategies,
//! goals, mechanisms, actors, problems, measures and comparison dimensions, joined by
//! typed relations, each traceable to a paper, a section and a verbatim quote.
//!
//! The flow of data: [`load`] reads a dataset (the built-in one or a directory) and
//! validates it into a [`ConceptGraph`]; queries read the graph; [`output`] renders
//! results for people, and every query also has a JSON form. See ARCHITECTURE.md.
//!
//! The library is the model ([`graph`], [`node`], [`relation`], [`paper`], [`schema`]),
//! loading ([`load`]), the queries ([`query`]) and their results rendered ([`output`],
//! [`dot`], [`formats`]). The command line (clap definitions, dispatch, one function
//! per command, completions, the pager) sits behind the default `cli` feature:
//! `default-features = false` gives the library alone.

pub mod adjacency;
pub mod arrow;
pub mod author;
#[cfg(feature = "cli")]
pub mod batch;
pub mod cache;
#[cfg(feature = "cli")]
pub mod cli;
#[cfg(feature = "cli")]
pub mod commands;
#[cfg(feature = "cli")]
pub mod completion;
pub mod diagnostic;
pub mod dot;
pub mod draft;
pub mod duplicates;
mod embedded;
#[cfg(feature = "cli")]
pub mod emit;
pub mod error;
pub mod export;
pub mod fact;
pub mod formats;
pub mod graph;
pub mod headings;
pub mod id_index;
pub mod import;
pub mod json_schema;
pub mod load;
pub mod locate;
pub mod logic;
pub mod matching;
pub mod node;
pub mod normalize;
pub mod output;
#[cfg(feature = "cli")]
pub mod pager;
pub mod pages;
pub mod paper;
pub mod paper_filter;
pub mod passage;
pub mod pdf;
pub mod places;
pub mod query;
pub mod quotes;
pub mod records;
pub mod relation;
pub mod report;
mod resolve;
#[cfg(feature = "cli")]
pub mod run;
pub mod schema;
pub mod sentences;
#[cfg(feature = "cli")]
pub mod serve;
pub mod source_map;
pub mod spelling;
pub mod symbol;
pub mod teach;
pub mod text_store;
pub mod write;

pub use error::{Error, Result};
pub use graph::ConceptGraph;
pub use load::{load, DataSource, Loaded};
pub use paper_filter::PaperFilter;
