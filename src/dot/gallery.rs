//! The gallery: a fixed set of diagrams of the loaded dataset, each written as DOT and
//! SVG with an index (`README.md`). `linkage gallery graphs` regenerates the committed
//! one; a test fails when a committed `.dot` differs from what the code and data make.
//!
//! Each figure is a `linkage dot` command line, parsed by the real argument parser, so
//! the command the index shows is exactly the one that made the figure.

use std::{
    fmt::Write as _,
    path::{Path, PathBuf},
};

use clap::Parser as _;

use crate::{
    cli::{Cli, Command},
    dot::{build::build, build::to_dot, render::render, render::ImageFormat, select::select},
    error::Error,
    graph::ConceptGraph,
    write::write_atomically,
};

/// One diagram of the gallery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// File stem: the figure is written as `NAME.dot` and `NAME.svg`.
    pub name: String,
    /// Heading in the index.
    pub title: String,
    /// What the figure shows, for the index.
    pub caption: String,
    /// Arguments of `linkage dot` that make it.
    pub args: Vec<String>,
}

impl Figure {
    fn new(name: &str, title: &str, caption: &str, args: &[&str]) -> Self {
        Self {
            name: name.into(),
            title: title.into(),
            caption: caption.into(),
            args: args.iter().map(|a| (*a).to_string()).collect(),
        }
    }

    /// The shell command that writes this figure's DOT (`linkage dot ... -o NAME.dot`).
    pub fn command(&self, subcommand: &str, extension: &str) -> String {
        let mut words = vec!["linkage".to_string(), subcommand.to_string()];
        words.extend(self.args.iter().map(|a| shell_word(a)));
        words.push("-o".into());
        words.push(format!("{}.{extension}", self.name));
        words.join(" ")
    }
}

/// The gallery's figures for `graph`: the overview, common ground and differences,
/// transitions, one diagram per paper (in paper order), and print and Chinese
/// versions of the overview.
pub fn figures(graph: &ConceptGraph) -> Vec<Figure> {
    let overview: &[&str] = &[
        "--focus",
        "tpa",
        "rr",
        "--kind",
        "strategy",
        "goal",
        "--min-papers",
        "3",
        "--rankdir",
        "LR",
        "--legend",
    ];
    let mut figures = vec![
        Figure::new(
            "overview",
            "The two strategies and their goals",
            "Targeted poverty alleviation and rural revitalization, the goals each serves and how the two \
             relate: what at least three of the papers say (`--min-papers`).",
            overview,
        ),
        Figure::new(
            "common-ground-and-differences",
            "Common ground and differences of the two strategies",
            "Every aspect in which the papers find the two strategies agree (green), and every dimension \
             along which they differ (red, dashed).",
            &["--diff", "tpa", "rr", "--via", "common-ground", "differs"],
        ),
        Figure::new(
            "differences-hao-2021",
            "Common ground and differences according to Hao (2021)",
            "One paper's comparison, with each strategy's position on every dimension in the paper's words.",
            &["--diff", "tpa", "rr", "--paper", "hao-2021", "--via", "common-ground", "differs", "--positions"],
        ),
        Figure::new(
            "path-tpa-common-prosperity",
            "From targeted poverty alleviation to common prosperity",
            "The shortest chains of relations from one to the other (`linkage path`), highlighted \
             among the best-connected concepts around them.",
            &["--path", "tpa", "common-prosperity", "--depth", "1", "--top", "8"],
        ),
        Figure::new(
            "transitions",
            "From poverty alleviation to rural revitalization",
            "Every shift the papers describe (\"from X to Y\"), with the papers that describe it.",
            &["--via", "transition-to", "--cite"],
        ),
    ];
    for paper in graph.papers() {
        figures.push(Figure {
            name: format!("paper-{}", paper.id),
            title: format!("The argument of {}", paper.citation()),
            caption: format!(
                "The {PAPER_TOP} concepts with the most relations in {}, and how the paper relates them. \
                 `--focus NAME --paper {}` shows the rest around any one of them.",
                paper.title.as_deref().map_or_else(|| paper.citation().to_string(), |t| format!("“{t}”")),
                paper.id,
            ),
            args: vec!["--paper".into(), paper.id.clone(), "--top".into(), PAPER_TOP.to_string()],
        });
    }
    let with = |extra: &[&str]| -> Vec<String> {
        overview
            .iter()
            .chain(extra)
            .map(|a| (*a).to_string())
            .collect()
    };
    figures.push(Figure {
        name: "overview-print".into(),
        title: "The two strategies and their goals, for print".into(),
        caption: "The overview in greyscale for journals: shapes, line styles and labels carry the meaning.".into(),
        args: with(&["--style", "print"]),
    });
    figures.push(Figure {
        name: "overview-zh".into(),
        title: "The two strategies and their goals, in Chinese".into(),
        caption:
            "The overview with the Chinese labels the data gives (English where it gives none)."
                .into(),
        args: with(&["--lang", "zh"]),
    });
    figures
}

/// How many concepts a paper's figure shows; `--focus` and `--depth` show the rest.
const PAPER_TOP: usize = 12;

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
    Ok((select(graph, &selection.selection())?, look.look()))
}

/// What [`write`] did.
#[derive(Debug, Default)]
pub struct Written {
    /// Files written, in order.
    pub files: Vec<PathBuf>,
    /// `.dot` and `.svg` files in the directory that no figure produced any more.
    pub stale: Vec<PathBuf>,
}

/// Writes every figure into `dir` as `NAME.dot` (and `NAME.svg` when `svg`), then the
/// index `README.md`. Each file is written atomically. Stale diagram files are reported,
/// never deleted.
///
/// # Errors
/// [`Error::Io`] when `dir` cannot be created or written, [`Error::External`] when
/// Graphviz is needed (`svg`) and missing or failing.
pub fn write(graph: &ConceptGraph, dir: &Path, svg: bool) -> Result<Written, Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create directory", dir, e))?;
    let figures = figures(graph);
    let mut written = Written::default();
    for figure in &figures {
        let (selected, look) = figure_parts(graph, figure)?;
        let path = dir.join(format!("{}.dot", figure.name));
        write_atomically(&path, to_dot(graph, &selected, &look).as_bytes())?;
        written.files.push(path);
        if svg {
            let path = dir.join(format!("{}.svg", figure.name));
            let image = render(build(graph, &selected, &look), ImageFormat::Svg, 96)?;
            write_atomically(&path, &image)?;
            written.files.push(path);
        }
    }
    let index = dir.join("README.md");
    write_atomically(&index, self::index(&figures).as_bytes())?;
    written.files.push(index);
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
         Diagrams of the built-in dataset. Generated: do not edit by hand. To regenerate every\n\
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

/// `word` quoted for a POSIX shell when it needs to be.
fn shell_word(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':' | '='))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}
