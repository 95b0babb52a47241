//! linkage models the logic of academic papers as a typed concept graph: strategies,
//! goals, mechanisms, actors, problems, measures and comparison dimensions, joined by
//! typed relations, each traceable to a paper, a section and a verbatim quote.
//!
//! # The library's API
//!
//! The flow of data: [`load()`] reads a dataset (the built-in one, [`DataSource::Embedded`],
//! or a directory) and validates it into a [`ConceptGraph`]; the queries in [`query`]
//! read the graph, narrowed to some papers by a [`PaperFilter`]; [`output`] writes their
//! answers for people, [`dot`] draws them, [`formats`] and [`export`] write the graph for
//! other programs. Mistakes are an [`Error`], a bad dataset's problems each a
//! [`diagnostic::Diagnostic`] with its file, line and column.
//!
//! These public modules are the API: the model ([`graph`], [`node`], [`relation`],
//! [`fact`], [`paper`], [`schema`], [`symbol`], [`logic`]), the data format's records
//! as read and written ([`records`]), loading ([`load`](mod@load),
//! [`load_dataset`] through the on-disk cache, [`text_store`] for the papers' texts),
//! [`paper_filter`], [`query`], [`report`], [`error`], [`diagnostic`], [`output`],
//! [`dot`], [`formats`], [`export`] and [`write`](mod@write) (files written whole or not at all,
//! never into the data directory). With the default `cli` feature, [`run`] is the
//! whole program as a function ([`run::main_with_args`], or [`run::answer`] for one
//! parsed [`cli::Cli`] on a loaded dataset, as `linkage batch` and the Python package
//! answer). `default-features = false` gives the library alone, without clap.
//!
//! A few more modules are public but hidden from the documentation: the repository's
//! own tests, fuzz targets, benches and measurement examples reach into them, and they
//! are not part of the API. Everything else is private to the crate. The examples in
//! `examples/` (`diff.rs`, `path.rs`, `figure.rs`) use only the API.

#![warn(missing_docs)]

// The facade: what a program using linkage may rely on (README's "From Rust").
#[cfg(feature = "cli")]
pub mod cli;
pub mod diagnostic;
pub mod dot;
pub mod error;
pub mod export;
pub mod fact;
pub mod formats;
pub mod graph;
pub mod load;
pub mod logic;
pub mod node;
pub mod output;
pub mod paper;
pub mod paper_filter;
pub mod query;
pub mod records;
pub mod relation;
pub mod report;
#[cfg(feature = "cli")]
pub mod run;
pub mod schema;
pub mod symbol;
pub mod text_store;
pub mod write;

// Not part of the API: public only so that the repository's own tests, fuzz targets,
// benches and measurement examples can reach them. They change without notice.
#[doc(hidden)]
pub mod author;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod batch;
#[doc(hidden)]
pub mod cache;
#[doc(hidden)]
pub mod draft;
#[doc(hidden)]
pub mod import;
#[doc(hidden)]
pub mod matching;
#[doc(hidden)]
pub mod normalize;
#[doc(hidden)]
pub mod quotes;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod serve;
#[doc(hidden)]
pub mod teach;

// The crate's insides.
mod adjacency;
mod arrow;
#[cfg(feature = "cli")]
mod commands;
#[cfg(feature = "cli")]
mod completion;
mod cue;
#[cfg(feature = "cli")]
mod duplicates;
mod embedded;
#[cfg(feature = "cli")]
mod emit;
mod headings;
mod i18n;
mod id_index;
#[cfg(feature = "cli")]
mod json_schema;
mod locate;
#[cfg(feature = "cli")]
mod pager;
mod pages;
mod pandoc;
mod passage;
mod pdf;
mod places;
mod relation_kind;
mod resolve;
mod sentences;
mod source_map;
mod spelling;

pub use cache::load_dataset;
pub use error::{Error, Result};
pub use graph::ConceptGraph;
pub use load::{load, DataSource, Loaded};
pub use paper_filter::PaperFilter;
