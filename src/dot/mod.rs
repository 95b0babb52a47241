//! Diagrams: a selection of the graph drawn as Graphviz DOT (built with graphviz-rust's
//! structures and printer), rendered into images by Graphviz, and the gallery.
//!
//! The flow: [`select`] turns a [`Selection`] into a [`Selected`] subgraph; [`build`]
//! turns it and a [`Look`] into a DOT graph, styled from the schema's hints; [`to_dot`]
//! prints it and [`render`] runs Graphviz on it.

pub mod build;
mod comparison;
pub mod gallery;
pub mod render;
pub mod select;
pub mod style;

pub use build::{build, quoted, to_dot, wrap};
pub use render::{render, render_to_file, ImageFormat, MISSING_GRAPHVIZ};
pub use select::{select, Comparison, Positions, Selected, Selection};
pub use style::{Clustering, Lang, Look, Palette, Rankdir};
