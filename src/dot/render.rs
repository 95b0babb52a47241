//! Rendering a diagram into an image with Graphviz (through graphviz-rust's `exec`),
//! written atomically.

use std::{fmt::Write as _, io::ErrorKind, path::Path};

use graphviz_rust::{
    cmd::{CommandArg, Format},
    dot_structures::Graph,
    printer::PrinterContext,
};

use super::select::Selection;
use crate::{error::Error, write::Destination};

/// Image formats `render` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum ImageFormat {
    /// Scalable vector graphics, for the web and for editing.
    Svg,
    /// A bitmap, for slides.
    Png,
    /// PDF, for papers.
    Pdf,
    /// Encapsulated PostScript (cairo's, fonts embedded), for journals that ask for it.
    Eps,
    /// TIFF at `--dpi` (LZW, RGB), for journals that ask for it.
    Tiff,
}

impl ImageFormat {
    /// The format a file name's extension asks for (`.svg`, `.png`, `.pdf`, any case).
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "svg" => Some(Self::Svg),
            "png" => Some(Self::Png),
            "pdf" => Some(Self::Pdf),
            "eps" => Some(Self::Eps),
            "tif" | "tiff" => Some(Self::Tiff),
            _ => None,
        }
    }

    /// Graphviz's `-T` for this format: cairo's EPS (the core one embeds no fonts and
    /// cannot set Chinese); a TIFF is drawn as a PNG first.
    fn graphviz(self) -> CommandArg {
        match self {
            Self::Svg => Format::Svg.into(),
            Self::Png | Self::Tiff => Format::Png.into(),
            Self::Pdf => Format::Pdf.into(),
            Self::Eps => CommandArg::Custom("-Teps:cairo".into()),
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
/// [`Error::External`] when Graphviz is missing (saying how to install it) or fails
/// (with the first lines of what it said).
pub fn render(graph: Graph, format: ImageFormat, dpi: u32) -> Result<Vec<u8>, Error> {
    let mut args: Vec<CommandArg> = vec![format.graphviz()];
    if matches!(format, ImageFormat::Png | ImageFormat::Tiff) {
        args.push(CommandArg::Custom(format!("-Gdpi={dpi}")));
    }
    let image = run(graph, args)?;
    match format {
        ImageFormat::Tiff => super::tiff::png_to_tiff(&image, dpi),
        _ => Ok(image),
    }
}

/// Runs Graphviz on `graph` for its layout alone: Graphviz's JSON (`-Tjson`), every
/// node's position and size, for a page that draws the graph itself.
///
/// # Errors
/// As [`render`].
pub fn layout_json(graph: Graph) -> Result<Vec<u8>, Error> {
    run(graph, vec![Format::Json.into()])
}

/// The one place Graphviz is run: the graph printed by graphviz-rust, piped to `dot`
/// (which honours a `layout` the graph names), its failure made an [`Error`].
fn run(graph: Graph, args: Vec<CommandArg>) -> Result<Vec<u8>, Error> {
    graphviz_rust::exec(graph, &mut PrinterContext::default(), args).map_err(|error| {
        if error.kind() == ErrorKind::NotFound {
            Error::External(MISSING_GRAPHVIZ.into())
        } else {
            Error::External(graphviz_failure(&error.to_string()))
        }
    })
}

/// Most lines of Graphviz's complaint shown: when its layout fails it can print
/// hundreds of lines of internals, which bury the one line that matters.
const FAILURE_LINES: usize = 5;

/// "Graphviz failed:" with the first [`FAILURE_LINES`] lines of what it printed and a
/// count of the rest.
pub(crate) fn graphviz_failure(stderr: &str) -> String {
    let lines: Vec<&str> = stderr
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.trim().is_empty())
        .collect();
    let mut message = String::from("Graphviz failed:");
    for line in lines.iter().take(FAILURE_LINES) {
        message.push_str("\n  ");
        message.push_str(line.trim());
    }
    if lines.len() > FAILURE_LINES {
        let rest = lines.len() - FAILURE_LINES;
        let _ = write!(
            message,
            "\n  ... and {rest} more line{} of Graphviz output",
            if rest == 1 { "" } else { "s" }
        );
    }
    message
}

/// The widest or tallest figure, in inches, that still fits a page or a slide when
/// printed at its natural size (Graphviz's 72 points to the inch). Beyond it text must
/// be scaled down until it is unreadable.
pub const MAX_INCHES: f64 = 40.0;

/// Size in inches (width, height) of a rendered image, read from what Graphviz wrote:
/// the `width`/`height` of an SVG (points), the pixel size of a PNG or TIFF at `dpi`,
/// the `MediaBox` of a PDF and the `BoundingBox` of an EPS (points). `None` when it cannot be read.
pub fn image_inches(image: &[u8], format: ImageFormat, dpi: u32) -> Option<(f64, f64)> {
    match format {
        ImageFormat::Svg => {
            let head = std::str::from_utf8(&image[..image.len().min(4096)]).ok()?;
            let svg = &head[head.find("<svg")?..];
            let points = |name: &str| -> Option<f64> {
                let start = svg.find(&format!(" {name}=\""))? + name.len() + 3;
                let value = &svg[start..start + svg[start..].find('"')?];
                value.trim_end_matches("pt").parse().ok()
            };
            Some((points("width")? / 72.0, points("height")? / 72.0))
        }
        ImageFormat::Tiff => {
            let mut decoder = tiff::decoder::Decoder::new(std::io::Cursor::new(image)).ok()?;
            let (width, height) = decoder.dimensions().ok()?;
            let dpi = f64::from(dpi.max(1));
            Some((f64::from(width) / dpi, f64::from(height) / dpi))
        }
        ImageFormat::Eps => {
            let text = String::from_utf8_lossy(&image[..image.len().min(4096)]);
            let start = text.find("%%BoundingBox:")? + "%%BoundingBox:".len();
            let numbers: Vec<f64> = text[start..]
                .lines()
                .next()?
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect();
            match numbers[..] {
                [x0, y0, x1, y1] => Some(((x1 - x0) / 72.0, (y1 - y0) / 72.0)),
                _ => None,
            }
        }
        ImageFormat::Png => {
            // The IHDR chunk: 8-byte signature, length, "IHDR", width, height (big endian).
            let word = |at: usize| -> Option<f64> {
                let bytes: [u8; 4] = image.get(at..at + 4)?.try_into().ok()?;
                Some(f64::from(u32::from_be_bytes(bytes)))
            };
            let dpi = f64::from(dpi.max(1));
            Some((word(16)? / dpi, word(20)? / dpi))
        }
        ImageFormat::Pdf => {
            let text = String::from_utf8_lossy(image);
            let start = text.find("/MediaBox")?;
            let open = start + text[start..].find('[')? + 1;
            let close = open + text[open..].find(']')?;
            let numbers: Vec<f64> = text[open..close]
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect();
            match numbers[..] {
                [x0, y0, x1, y1] => Some(((x1 - x0) / 72.0, (y1 - y0) / 72.0)),
                _ => None,
            }
        }
    }
}

/// A warning for a figure of `inches` (width, height) larger than [`MAX_INCHES`] either
/// way, naming the flags that make it smaller: those `selection` does not use yet, or a
/// smaller value of those it does.
pub fn oversize_warning((width, height): (f64, f64), selection: &Selection) -> Option<String> {
    if width <= MAX_INCHES && height <= MAX_INCHES {
        return None;
    }
    let mut ways = Vec::new();
    ways.push(match selection.top {
        None => "`--top N` keeps the N best-connected concepts".to_string(),
        Some(top) => format!("a `--top` below {top} keeps fewer concepts"),
    });
    if selection.focus.is_empty() {
        ways.push("`--focus NAME --depth N` one neighbourhood".into());
    } else if selection.depth > 1 {
        ways.push(format!(
            "a `--depth` below {} a smaller neighbourhood",
            selection.depth
        ));
    }
    if selection.papers.is_empty() {
        ways.push("`--paper ID` one paper's claims".into());
    }
    if selection.via.is_empty() {
        ways.push("`--via KIND` only some kinds of relation".into());
    }
    if selection.min_papers <= 1 {
        ways.push("`--min-papers 2` only what two papers or more assert".into());
    }
    Some(format!(
        "warning: the figure is {width:.0} x {height:.0} inches, larger than a page or a slide \
         ({MAX_INCHES:.0} inches either way); its text will be unreadable when it is fitted. \
         Draw less: {}.",
        ways.join(", ")
    ))
}

/// Renders `graph` into `destination` atomically, in `format`.
///
/// # Errors
/// As [`render`], or [`Error::Io`] when the file cannot be written.
pub fn render_to_file(
    graph: Graph,
    format: ImageFormat,
    dpi: u32,
    destination: &Destination,
) -> Result<(), Error> {
    let image = render(graph, format, dpi)?;
    destination.write(&image)
}
