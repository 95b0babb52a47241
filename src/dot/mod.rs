//! Diagrams: a selection of the graph drawn as Graphviz DOT (built with graphviz-rust's
//! structures and printer), rendered into images by Graphviz, and the gallery.
//!
//! The flow: [`select()`] turns a [`Selection`] into a [`Selected`] subgraph; a view
//! (`graph_view`, or `comparison` for `--diff`, plus `legend`) draws it as a [`Scene`]
//! of typed nodes, edges and clusters, styled by `style`'s painter from the schema's
//! hints; [`writer`], the only module that knows DOT syntax and escaping, prints the
//! scene; [`render()`] runs Graphviz on it.

mod arrange;
pub mod build;
mod comparison;
pub mod figure_table;
#[cfg(feature = "cli")]
mod figures;
pub mod fit;
#[cfg(feature = "cli")] // its figures are `linkage dot` command lines
pub mod gallery;
mod graph_view;
mod legend;
mod paint;
mod palette;
mod parts;
pub mod render;
pub mod scene;
pub mod select;
pub mod style;
mod tiff;
#[cfg(test)]
mod vision;
pub mod writer;

pub use build::{build, scene, to_dot};
pub(crate) use parts::node_label;
pub use parts::wrap;
pub use render::{render, render_to_file, ImageFormat, MISSING_GRAPHVIZ};
pub use scene::Scene;
pub use select::{select, Comparison, Positions, Selected, Selection};
pub use style::{Clustering, Lang, Look, Palette, Rankdir};
pub use writer::quoted;
