//! Teaching material made from the graph: the offline explorer page (`html`), the
//! step-by-step figures (`steps`), handouts (`handout`) and quizzes (`quiz`).
//!
//! These read the graph model and the query engine's public entry points
//! ([`crate::query::PathQuery`], [`crate::query::diff::diff`]) only, so they show what
//! the CLI's queries answer, and draw with Graphviz through `graphviz_rust`.

pub mod argument;
pub mod data;
pub mod deck_page;
pub mod figure;
pub mod handout;
pub mod handout_short;
pub mod html;
pub mod layout;
pub mod pptx;
pub mod quiz;
pub mod slides;
pub mod steps;

use std::{fmt::Write as _, path::Path};

use crate::{
    error::Error,
    graph::ConceptGraph,
    teach::argument::Subject,
    write::{Destination, DestinationDir},
};

/// What a series of figures or a handout explains: exactly one of a path, a diff or
/// (handouts only) a paper.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "cli", derive(clap::Args))]
#[cfg_attr(feature = "cli", group(required = true, multiple = false))]
pub struct Lesson {
    /// The first shortest chain from A to B (as `linkage path A B` lists it).
    #[cfg_attr(feature = "cli", arg(long, num_args = 2, value_names = ["A", "B"]))]
    pub path: Option<Vec<String>>,
    /// What A and B share, where they differ and how they relate (as `linkage diff`).
    #[cfg_attr(feature = "cli", arg(long, num_args = 2, value_names = ["A", "B"]))]
    pub diff: Option<Vec<String>>,
    /// One paper's claims between strategies, goals and mechanisms.
    #[cfg_attr(feature = "cli", arg(long))]
    pub paper: Option<String>,
}

impl Lesson {
    /// What the lesson is about, every name resolved.
    ///
    /// # Errors
    /// A name that resolves to no node or paper (or to several).
    pub fn subject(&self, graph: &ConceptGraph) -> Result<Subject, Error> {
        let pair = |names: &[String]| -> Result<_, Error> {
            match names {
                [a, b] => Ok((graph.resolve(a)?, graph.resolve(b)?)),
                _ => Err(Error::Usage("name two nodes: A B".into())),
            }
        };
        if let Some(names) = &self.path {
            let (a, b) = pair(names)?;
            Ok(Subject::Path(a, b))
        } else if let Some(names) = &self.diff {
            let (a, b) = pair(names)?;
            Ok(Subject::Diff(a, b))
        } else if let Some(paper) = &self.paper {
            Ok(Subject::Paper(graph.resolve_paper(paper)?))
        } else {
            Err(Error::Usage(
                "say what to explain: --path A B, --diff A B or --paper P".into(),
            ))
        }
    }
}

/// `linkage html [--paper P] -o FILE`: writes the explorer.
///
/// # Errors
/// Unknown paper, Graphviz missing, the output in the data dir or not writable.
pub fn html_command(
    graph: &ConceptGraph,
    paper: Option<&str>,
    lang: crate::dot::Lang,
    output: &Path,
    data_dir: Option<&Path>,
) -> Result<(), Error> {
    let output = Destination::output(output, data_dir)?;
    let paper = paper.map(|p| graph.resolve_paper(p)).transpose()?;
    let page = html::explorer(graph, paper.as_deref(), lang)?;
    output.write(page.as_bytes())
}

/// What a lesson's command made. The library says so and the caller tells the user:
/// the library never prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taught {
    /// The text to print: what was written, or the handout itself.
    Made(String),
    /// What the lesson is about (`title`) has no relation to show; nothing was written.
    NothingToExplain {
        /// What the lesson is about, as the lesson would have titled it.
        title: String,
    },
}

/// How `steps` writes a deck.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum DeckFormat {
    /// A directory: the slide deck (`index.html`) and, for a chain or a paper, the
    /// numbered SVG figures.
    #[default]
    Html,
    /// One PowerPoint file, slide for slide the HTML deck's, made by pandoc.
    Pptx,
}

/// `linkage steps --path A B | --diff A B | --paper P -o OUTPUT [--format F]`: writes
/// the slide deck (and for a chain or a paper the numbered figures) into the directory
/// `OUTPUT`, or the deck as
/// the PowerPoint file `OUTPUT`, and lists what it wrote. Nothing is written when there
/// is nothing to explain (no chain, nothing related).
///
/// # Errors
/// Bad names, Graphviz (or for PowerPoint pandoc) missing, the output in the data dir
/// or not writable.
pub fn steps_command(
    graph: &ConceptGraph,
    lesson: &Lesson,
    lang: crate::dot::Lang,
    format: DeckFormat,
    output: &Path,
    data_dir: Option<&Path>,
) -> Result<Taught, Error> {
    /// Where a deck goes.
    enum Target {
        Directory(DestinationDir),
        File(Destination),
    }
    // Where it would go is checked first: a refused destination costs no layout.
    let destination = match format {
        DeckFormat::Html => Target::Directory(DestinationDir::output(output, data_dir)?),
        DeckFormat::Pptx => Target::File(Destination::output(output, data_dir)?),
    };
    let subject = lesson.subject(graph)?;
    let argument = crate::teach::argument::argument_in(graph, &subject, lang)?;
    if argument.steps.is_empty() {
        return Ok(Taught::NothingToExplain {
            title: argument.title,
        });
    }
    let deck = slides::deck(graph, &argument, &subject);
    let written = match destination {
        Target::Directory(dir) => steps::write_steps(graph, &argument, &deck, &dir)?
            .iter()
            .map(|name| dir.path().join(name))
            .collect(),
        Target::File(file) => {
            let figures = deck
                .slides
                .iter()
                .filter_map(|s| s.figure)
                .map(|f| Ok((f, figure::png(&figure::slide_scene(graph, &argument, f))?)))
                .collect::<Result<Vec<_>, Error>>()?;
            file.write(&pptx::pptx(&deck, &figures)?)?;
            vec![file.path().to_path_buf()]
        }
    };
    let mut text = String::new();
    for path in written {
        let _ = writeln!(text, "wrote {}", path.display());
    }
    Ok(Taught::Made(text))
}

/// `linkage handout --path A B | --diff A B | --paper P [-o FILE.md]`: the handout's
/// Markdown, printed (figure embedded as a `data:` URI) or written to `output` with the
/// figure beside it (`FILE.svg`, linked by name). `None` when there is nothing to
/// explain; then nothing is written.
///
/// # Errors
/// Bad names, Graphviz missing, an output in the data dir, not writable, or itself
/// named `.svg` (the figure's name).
pub fn handout_command(
    graph: &ConceptGraph,
    lesson: &Lesson,
    options: &handout::Options,
    lang: crate::dot::Lang,
    output: Option<&Path>,
    data_dir: Option<&Path>,
) -> Result<Taught, Error> {
    // Where it would go is checked first: a refused destination costs no layout.
    let destinations = match output {
        Some(output) => {
            let figure_path = output.with_extension("svg");
            if figure_path == output {
                return Err(Error::Usage(format!(
                    "{} would be overwritten by the handout's figure; name the handout .md",
                    output.display()
                )));
            }
            Some((
                Destination::output(output, data_dir)?,
                Destination::output(figure_path, data_dir)?,
            ))
        }
        None => None,
    };
    let subject = lesson.subject(graph)?;
    let argument = crate::teach::argument::argument_in(graph, &subject, lang)?;
    if argument.steps.is_empty() {
        return Ok(Taught::NothingToExplain {
            title: argument.title,
        });
    }
    // A short comparison draws the journal figure at the page's width; every other
    // handout (and a pair the papers do not compare) the argument's figure, fitted to
    // the page.
    let compact = match subject {
        Subject::Diff(a, b) if options.short => handout_short::compact_figure(graph, (a, b), lang)?,
        _ => None,
    };
    let svg = match &compact {
        Some(compact) => compact.svg.clone(),
        None => figure::svg(&figure::scene(graph, &argument, None))?,
    };
    let size = handout::svg_size(&svg);
    let markdown = |src: &str| {
        if let (Some(compact), Subject::Diff(a, b)) = (&compact, &subject) {
            handout_short::markdown(graph, (*a, *b), compact, src, options, lang)
        } else {
            let figure = handout::Figure { src, size };
            handout::markdown(graph, &argument, &subject, figure, options)
        }
    };
    let Some((output, figure_path)) = destinations else {
        let uri = format!("data:image/svg+xml;base64,{}", handout::base64(&svg));
        return Ok(Taught::Made(markdown(&uri)));
    };
    let name = figure_path
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    figure_path.write(&svg)?;
    output.write(markdown(&name).as_bytes())?;
    Ok(Taught::Made(String::new()))
}

/// `linkage quiz [--paper P] [--seed N] [--student] [--format F]`: the quiz as
/// Markdown (with its key, or for students without), as Moodle XML or as GIFT. `None` when the
/// graph (or the paper) gives no question.
///
/// # Errors
/// An unknown paper; `--student` with an export (a platform needs the key to mark).
pub fn quiz_command(
    graph: &ConceptGraph,
    paper: Option<&str>,
    seed: u64,
    student: bool,
    format: quiz::QuizFormat,
    lang: crate::dot::Lang,
) -> Result<Option<String>, Error> {
    if student && format != quiz::QuizFormat::Markdown {
        return Err(Error::Usage(
            "--student is for Markdown: a learning platform needs the key to mark the answers"
                .into(),
        ));
    }
    let named: Vec<String> = paper.map(str::to_string).into_iter().collect();
    let papers = crate::paper_filter::PaperFilter::resolve(graph, &named)?;
    let paper = papers.named().first().cloned();
    let questions = quiz::quiz_in(graph, &papers, seed, lang)?;
    if questions.is_empty() {
        return Ok(None);
    }
    Ok(Some(match format {
        quiz::QuizFormat::Markdown => {
            quiz::markdown::markdown(graph, &questions, paper.as_deref(), seed, student, lang)
        }
        quiz::QuizFormat::Moodle => {
            quiz::moodle::moodle_xml(graph, &questions, paper.as_deref(), seed, lang)
        }
        quiz::QuizFormat::Gift => quiz::gift::gift(graph, &questions, paper.as_deref(), seed, lang),
    }))
}
