//! Rendering a diagram into an image with Graphviz (through graphviz-rust's `exec`),
//! written atomically.

use std::{io::ErrorKind, path::Path};

use clap::ValueEnum;
use graphviz_rust::{
    cmd::{CommandArg, Format},
    dot_structures::Graph,
    printer::PrinterContext,
};

use crate::{error::Error, write::write_atomically};

/// Image formats `render` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImageFormat {
    /// Scalable vector graphics, for the web and for editing.
    Svg,
    /// A bitmap, for slides.
    Png,
    /// PDF, for papers.
    Pdf,
}

impl ImageFormat {
    /// The format a file name's extension asks for (`.svg`, `.png`, `.pdf`, any case).
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "svg" => Some(Self::Svg),
            "png" => Some(Self::Png),
            "pdf" => Some(Self::Pdf),
            _ => None,
        }
    }

    fn graphviz(self) -> Format {
        match self {
            Self::Svg => Format::Svg,
            Self::Png => Format::Png,
            Self::Pdf => Format::Pdf,
        }
    }
}

/// How Graphviz is told it is missing, with what to do about it.
pub const MISSING_GRAPHVIZ: &str = "Graphviz's `dot` program is not installed (or not on PATH), so the diagram \
cannot be rendered. Install Graphviz: `sudo apt-get install graphviz` (Debian, Ubuntu), `brew install graphviz` \
(macOS), `winget install graphviz` (Windows), or see https://graphviz.org/download/. Without Graphviz, \
`linkage dot` still writes the diagram as DOT text.";

/// Runs Graphviz's `dot` on `graph` and returns the image; `dpi` sets the resolution of
/// bitmaps.
///
/// # Errors
/// [`Error::External`] when Graphviz is missing (saying how to install it) or fails.
pub fn render(graph: Graph, format: ImageFormat, dpi: u32) -> Result<Vec<u8>, Error> {
    let mut args: Vec<CommandArg> = vec![format.graphviz().into()];
    if format == ImageFormat::Png {
        args.push(CommandArg::Custom(format!("-Gdpi={dpi}")));
    }
    graphviz_rust::exec(graph, &mut PrinterContext::default(), args).map_err(|error| {
        if error.kind() == ErrorKind::NotFound {
            Error::External(MISSING_GRAPHVIZ.into())
        } else {
            Error::External(format!("Graphviz failed: {}", error.to_string().trim()))
        }
    })
}

/// Renders `graph` into `path` atomically, in `format`.
///
/// # Errors
/// As [`render`], or [`Error::Io`] when the file cannot be written.
pub fn render_to_file(
    graph: Graph,
    format: ImageFormat,
    dpi: u32,
    path: &Path,
) -> Result<(), Error> {
    let image = render(graph, format, dpi)?;
    write_atomically(path, &image)
}
