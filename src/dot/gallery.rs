//! The gallery: the figures of the loaded dataset ([`figures`]), each written as DOT
//! and SVG with an index (`README.md`), all made before any is written. `linkage gallery graphs` regenerates the committed
//! one; a test fails when a committed `.dot` differs from what the code and data make.
//!
//! Each figure is a `linkage dot` command line, parsed by the real argument parser, so
//! the command the index shows is exactly the one that made the figure.

use std::{fmt::Write as _, path::PathBuf};

use clap::Parser as _;

use crate::{
    cli::{Cli, Command},
    dot::{build::build, build::to_dot, render::render, render::ImageFormat, select::select},
    error::Error,
    graph::ConceptGraph,
    write::{Destination, DestinationDir},
};

pub use super::figures::{figures, Figure};

/// The DOT text of `figure`.
///
/// # Errors
/// [`Error::Usage`] if the figure's arguments do not parse, or any error of the selection.
pub fn figure_dot(graph: &ConceptGraph, figure: &Figure) -> Result<String, Error> {
    let (selected, look) = figure_parts(graph, figure)?;
    Ok(to_dot(graph, &selected, &look))
}

fn figure_parts(
    graph: &ConceptGraph,
    figure: &Figure,
) -> Result<(crate::dot::Selected, crate::dot::Look), Error> {
    let argv = ["linkage", "dot"]
        .into_iter()
        .map(String::from)
        .chain(figure.args.iter().cloned());
    let cli = Cli::try_parse_from(argv).map_err(|e| {
        Error::Usage(format!(
            "gallery figure `{}`: {}",
            figure.name,
            e.to_string().trim()
        ))
    })?;
    let Command::Dot {
        selection, look, ..
    } = cli.command
    else {
        unreachable!("the gallery parses `dot` command lines");
    };
    Ok((select(graph, &selection.selection())?, look.look(cli.lang)))
}

/// What [`write()`] did.
#[derive(Debug, Default)]
pub struct Written {
    /// Files written, in order.
    pub files: Vec<PathBuf>,
    /// `.dot` and `.svg` files in the directory that no figure produced any more.
    pub stale: Vec<PathBuf>,
}

/// Writes every figure into `out` as `NAME.dot` (and `NAME.svg` when `svg`), then the
/// index `README.md`. Every figure is made (and rendered) before any file is written, so
/// a figure that fails (Graphviz missing or failing) leaves the directory as it was;
/// each file is then written atomically. Stale diagram files are reported, never
/// deleted.
///
/// # Errors
/// [`Error::Io`] when `dir` cannot be created or written, [`Error::External`] when
/// Graphviz is needed (`svg`) and missing or failing.
pub fn write(graph: &ConceptGraph, out: &DestinationDir, svg: bool) -> Result<Written, Error> {
    let dir = out.path();
    let figures = figures(graph);
    let mut files: Vec<(Destination, Vec<u8>)> = Vec::new();
    for figure in &figures {
        let (selected, look) = figure_parts(graph, figure)?;
        if selected.is_empty() {
            return Err(Error::Usage(format!(
                "gallery figure `{}` would be empty: {}",
                figure.name,
                figure.command("dot", "dot")
            )));
        }
        files.push((
            out.file(format!("{}.dot", figure.name))?,
            to_dot(graph, &selected, &look).into_bytes(),
        ));
        if svg {
            let image = render(build(graph, &selected, &look), ImageFormat::Svg, 96)?;
            files.push((out.file(format!("{}.svg", figure.name))?, image));
        }
    }
    files.push((out.file("README.md")?, self::index(&figures).into_bytes()));
    out.create()?;
    let mut written = Written::default();
    for (file, bytes) in files {
        file.write(&bytes)?;
        written.files.push(file.path().to_path_buf());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io("read directory", dir, e))?;
    let mut stale: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension().is_some_and(|e| e == "dot" || e == "svg")
                && path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .is_none_or(|stem| !figures.iter().any(|f| f.name == stem))
        })
        .collect();
    stale.sort();
    written.stale = stale;
    Ok(written)
}

/// The gallery's index: each figure's title, caption, image and the command that made it.
pub fn index(figures: &[Figure]) -> String {
    let mut out = String::from(
        "# Gallery\n\n\
         Diagrams of the dataset. Generated: do not edit by hand. To regenerate every\n\
         file here after the code or the data changed, run from the repository root:\n\n\
         ```sh\ncargo run --release -- gallery graphs\n```\n\n\
         (Graphviz must be installed for the SVG files; `--no-svg` writes only the DOT.)\n\
         Each figure below also shows the command that draws it on its own; `linkage render`\n\
         takes the same arguments and writes SVG, PNG or PDF.\n",
    );
    for figure in figures {
        let _ = write!(
            out,
            "\n## {}\n\n{}\n\n![{}]({}.svg)\n\n```sh\n{}\n```\n",
            figure.title,
            figure.caption,
            figure.title,
            figure.name,
            figure.command("dot", "dot")
        );
    }
    out
}
