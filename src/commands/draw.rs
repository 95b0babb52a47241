//! The commands that draw or write the graph for other tools and readers: diagrams,
//! exports, the explorer, lessons and quizzes.

use std::path::Path;

use crate::{
    cli::{ExportFormat, LookArgs, SelectionArgs},
    dot, formats, query, teach,
    write::{refuse_data_dir, write_atomically},
    ConceptGraph,
};

use super::{note, Printed, Session};
use crate::error::Error;

/// What `--json` is refused with on a drawing command.
const DRAWINGS: &str = "diagrams are written as DOT, SVG, PNG or PDF";
const LESSONS: &str = "lessons are written as HTML, SVG and Markdown";

/// `linkage export`: the graph, or part of it, in another tool's format.
pub fn export(
    session: &Session,
    format: ExportFormat,
    selection: &SelectionArgs,
    sources: Option<&Path>,
    output: Option<&Path>,
) -> Result<Printed, Error> {
    let graph = session.graph()?;
    let request = formats::ExportRequest {
        format,
        selection: selection.selection(),
        texts: formats::PaperTexts::new(sources, session.data_dir()),
        output,
        data_dir: session.data_dir(),
    };
    let exported = formats::export(graph, &request)?;
    if let Some(text) = &exported.note {
        note(text);
    }
    if !exported.found {
        note("nothing to export: the selection is empty");
    }
    Ok(Printed::found_if(exported.found, exported.text))
}

/// `linkage dot`: a DOT diagram, to stdout or a file.
pub fn dot(
    session: &Session,
    selection: &SelectionArgs,
    look: &LookArgs,
    output: Option<&Path>,
) -> Result<Printed, Error> {
    session.refuse_json(DRAWINGS)?;
    let graph = session.graph()?;
    let selection = selection.selection();
    let selected = dot::select(graph, &selection)?;
    note_shared_text(graph, &selection)?;
    let text = dot::to_dot(graph, &selected, &look.look());
    if selected.is_empty() {
        note("nothing to draw: the selection is empty");
    }
    let text = match output {
        Some(path) => {
            refuse_data_dir(path, session.data_dir())?;
            write_atomically(path, text.as_bytes())?;
            String::new()
        }
        None => text,
    };
    Ok(Printed::found_if(!selected.is_empty(), text))
}

/// `linkage render`: a diagram drawn by Graphviz into an image file.
pub fn render(
    session: &Session,
    selection: &SelectionArgs,
    look: &LookArgs,
    output: &Path,
    format: Option<dot::ImageFormat>,
    dpi: u32,
) -> Result<Printed, Error> {
    session.refuse_json(DRAWINGS)?;
    let Some(format) = format.or_else(|| dot::ImageFormat::from_path(output)) else {
        return Err(Error::Usage(format!(
            "cannot tell the image format of {}: name it .svg, .png or .pdf, or pass --format",
            output.display()
        )));
    };
    refuse_data_dir(output, session.data_dir())?;
    let graph = session.graph()?;
    let selection = selection.selection();
    let selected = dot::select(graph, &selection)?;
    note_shared_text(graph, &selection)?;
    if selected.is_empty() {
        note("nothing to draw: the selection is empty; no file written");
        return Ok(Printed::found_if(false, String::new()));
    }
    if let Some(warning) = dot::render_to_file(
        dot::build(graph, &selected, &look.look()),
        format,
        dpi,
        output,
    )? {
        note(warning);
    }
    Ok(Printed::found(String::new()))
}

/// `linkage gallery DIR`: every figure of the gallery, and its index.
pub fn gallery(session: &Session, dir: &Path, svg: bool) -> Result<Printed, Error> {
    session.refuse_json(DRAWINGS)?;
    refuse_data_dir(&dir.join("README.md"), session.data_dir())?;
    let written = dot::gallery::write(session.graph()?, dir, svg)?;
    for file in &written.stale {
        note(format_args!(
            "warning: {} is not part of the gallery any more; delete it",
            file.display()
        ));
    }
    Ok(Printed::wrote(&written.files))
}

/// `linkage html`: the offline explorer.
pub fn html(session: &Session, paper: Option<&str>, output: &Path) -> Result<Printed, Error> {
    session.refuse_json(LESSONS)?;
    teach::html_command(session.graph()?, paper, output, session.data_dir())?;
    Ok(Printed::found(String::new()))
}

/// `linkage steps`: an argument as numbered figures and a slide deck.
pub fn steps(session: &Session, lesson: &teach::Lesson, output: &Path) -> Result<Printed, Error> {
    session.refuse_json(LESSONS)?;
    let taught = teach::steps_command(session.graph()?, lesson, output, session.data_dir())?;
    Ok(printed(taught))
}

/// `linkage handout`: an argument as a Markdown handout.
pub fn handout(
    session: &Session,
    lesson: &teach::Lesson,
    options: &teach::handout::Options,
    output: Option<&Path>,
) -> Result<Printed, Error> {
    session.refuse_json(LESSONS)?;
    let taught = teach::handout_command(
        session.graph()?,
        lesson,
        options,
        output,
        session.data_dir(),
    )?;
    Ok(printed(taught))
}

/// What a lesson made, or on stderr why nothing was (exit 1).
fn printed(taught: teach::Taught) -> Printed {
    match taught {
        teach::Taught::Made(text) => Printed::found(text),
        teach::Taught::NothingToExplain { title } => {
            eprintln!("nothing to explain: {title} has no relation to show; nothing written");
            Printed::found_if(false, String::new())
        }
    }
}

/// `linkage quiz`: questions and answers made from the graph.
pub fn quiz(
    session: &Session,
    paper: Option<&str>,
    seed: u64,
    student: bool,
    format: teach::quiz::QuizFormat,
) -> Result<Printed, Error> {
    session.refuse_json(LESSONS)?;
    let text = teach::quiz_command(session.graph()?, paper, seed, student, format)?;
    Ok(Printed::found_if(text.is_some(), text.unwrap_or_default()))
}

/// With `--min-papers`, a note on stderr when papers that share passages of text are
/// counted as two of the papers a drawn relation needs.
fn note_shared_text(graph: &ConceptGraph, selection: &dot::Selection) -> Result<(), Error> {
    if selection.min_papers <= 1 {
        return Ok(());
    }
    let papers = graph.resolve_papers(&selection.papers)?;
    for (a, b) in query::comparison::shared_text_counted(graph, &papers, selection.min_papers) {
        note(format_args!(
            "note: --min-papers counts {} and {} as two papers, but their texts share passages",
            graph.cite(a),
            graph.cite(b)
        ));
    }
    Ok(())
}
