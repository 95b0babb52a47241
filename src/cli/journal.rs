//! The arguments of the commands that make a journal's table and figure of one
//! comparison (`table`, `figure`), apart from `cli.rs` so each stays short.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::{
    completion,
    dot::{figure_table::POINTS_PER_CM, ImageFormat, Palette},
};

/// How `linkage table` writes the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// A LaTeX `table` float with booktabs rules, papers as `\cite{key}`.
    Latex,
    /// A pandoc Markdown pipe table, papers as `[@key]` for citeproc.
    Markdown,
    /// A Word document, through pandoc (citations resolved, references listed).
    Docx,
}

impl TableFormat {
    /// The format a file name's extension asks for (`.tex`, `.md`, `.docx`).
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "tex" => Some(Self::Latex),
            "md" | "markdown" => Some(Self::Markdown),
            "docx" => Some(Self::Docx),
            _ => None,
        }
    }
}

/// Arguments of `linkage table`.
#[derive(Debug, Args)]
pub struct TableArgs {
    /// First concept: its column (id, label, alias, or a unique part of one).
    #[arg(add = completion::node_names())]
    pub a: String,
    /// Second concept: its column.
    #[arg(add = completion::node_names())]
    pub b: String,
    /// Only claims made by these papers (id, citation, author or title words).
    #[arg(long, value_name = "PAPER", num_args = 1.., add = completion::paper_names())]
    pub paper: Vec<String>,
    /// latex, markdown or docx [default: from the file's extension, else latex].
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    /// The file to write (atomically); standard output without it (not for docx).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// A length on the page as typed (`8.5cm`, `85mm`, `3.3in`, `240pt`), in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Length(pub f32);

impl std::str::FromStr for Length {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let split = text
            .find(|c: char| c.is_ascii_alphabetic())
            .ok_or_else(|| {
                format!("`{text}` has no unit: write it like 8.5cm, 85mm, 3.3in or 240pt")
            })?;
        let (number, unit) = text.split_at(split);
        let number: f32 = number
            .trim()
            .parse()
            .map_err(|_| format!("`{text}` is not a length like 8.5cm, 85mm, 3.3in or 240pt"))?;
        let points = match unit {
            "cm" => number * POINTS_PER_CM,
            "mm" => number * POINTS_PER_CM / 10.0,
            "in" => number * 72.0,
            "pt" => number,
            _ => return Err(format!("unknown unit `{unit}`: use cm, mm, in or pt")),
        };
        if !(points.is_finite() && points > 0.0) {
            return Err(format!("`{text}` is not a length greater than zero"));
        }
        Ok(Self(points))
    }
}

/// Arguments of `linkage figure`.
#[derive(Debug, Args)]
pub struct FigureArgs {
    /// First concept: its column (id, label, alias, or a unique part of one).
    #[arg(add = completion::node_names())]
    pub a: String,
    /// Second concept: its column.
    #[arg(add = completion::node_names())]
    pub b: String,
    /// The image file to write (atomically); its extension (.svg, .png, .pdf, .eps,
    /// .tiff) picks the format.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Image format, when the file name does not say.
    #[arg(long, value_enum)]
    pub format: Option<ImageFormat>,
    /// The width the figure is printed at: 8.5cm (one column), 17cm (two), 3.3in, ...
    #[arg(long, value_name = "LENGTH", default_value = "17cm")]
    pub width: Length,
    /// The tallest the figure may be (a page's text block, less its caption).
    #[arg(long, value_name = "LENGTH", default_value = "22cm")]
    pub max_height: Length,
    /// The least text size at the printed width, in points (6 to 8 is what journals ask).
    #[arg(long, value_name = "PT", default_value_t = 6.0)]
    pub min_text: f32,
    /// The least line weight at the printed width, in points; the figure's rules are 1 pt.
    #[arg(long, value_name = "PT", default_value_t = 0.5)]
    pub min_line: f32,
    /// Colour for screens (Okabe-Ito, safe for colour-blind readers) or greyscale for print.
    #[arg(long, value_enum, value_name = "STYLE", default_value_t)]
    pub style: Palette,
    /// Only claims made by these papers (id, citation, author or title words).
    #[arg(long, value_name = "PAPER", num_args = 1.., add = completion::paper_names())]
    pub paper: Vec<String>,
    /// Only rows at least N papers assert.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_papers: usize,
    /// Difference rows without the two positions: one line each.
    #[arg(long)]
    pub no_positions: bool,
    /// Resolution of PNG and TIFF images, in dots per inch (600: line art in print).
    #[arg(long, value_name = "N", default_value_t = 600)]
    pub dpi: u32,
}
