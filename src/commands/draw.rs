//! The commands that draw or write the graph for other tools and readers: diagrams,
//! exports, the explorer, lessons and quizzes.

use std::{io, path::Path};

use crate::{
    cli::{ExportFormat, FigureArgs, LookArgs, SelectionArgs, TableArgs, TableFormat},
    dot, formats, output, query, teach,
    text_store::TextStore,
    write::{Destination, DestinationDir},
    ConceptGraph, PaperFilter,
};

use super::{note, Answer, Session};
use crate::error::Error;
use crate::report::{Outcome, Report, Text};

/// `linkage export`: the graph, or part of it, in another tool's format.
pub(crate) fn export<'a>(
    session: &'a Session,
    format: ExportFormat,
    selection: &SelectionArgs,
    sources: Option<&Path>,
    output: Option<&Path>,
) -> Answer<'a> {
    let graph = session.graph()?;
    let request = formats::ExportRequest {
        format,
        selection: selection.selection(),
        texts: TextStore::find(sources, session.data_dir()),
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
    Ok(Box::new(ExportReport(exported)))
}

/// An export: to standard output, written into it as it is made (a node, a relation
/// or a row at a time, `formats::write_into`); nothing when it wrote files.
struct ExportReport<'g>(formats::Exported<'g>);

impl Report for ExportReport<'_> {
    fn human(&self, out: &mut dyn io::Write) -> io::Result<()> {
        match &self.0.stdout {
            Some((view, format)) => formats::write_into(view, *format, out),
            None => Ok(()),
        }
    }

    fn outcome(&self) -> Outcome {
        Outcome::found_if(self.0.found)
    }
}

/// `linkage dot`: a DOT diagram, to stdout or a file.
pub(crate) fn dot(
    session: &Session,
    selection: &SelectionArgs,
    look: &LookArgs,
    output: Option<&Path>,
) -> Answer<'static> {
    let look = look_for(selection, look, session.lang)?;
    let graph = session.graph()?;
    let selection = selection.selection();
    let selected = dot::select(graph, &selection)?;
    note_shared_text(graph, &selection)?;
    let text = dot::to_dot(graph, &selected, &look);
    if selected.is_empty() {
        note("nothing to draw: the selection is empty");
    }
    let text = match output {
        Some(path) => {
            Destination::output(path, session.data_dir())?.write(text.as_bytes())?;
            String::new()
        }
        None => text,
    };
    Ok(Box::new(Text::found_if(!selected.is_empty(), text)))
}

/// The look `look` asks for, refused when it asks for something `selection` cannot
/// draw. clap's `requires = "diff"` on `--positions` is waived when an argument that
/// conflicts with `--diff` (`--focus`, `--path`) is given, which would drop the flag
/// without a word.
fn look_for(
    selection: &SelectionArgs,
    look: &LookArgs,
    lang: dot::Lang,
) -> Result<dot::Look, Error> {
    if look.positions && selection.diff.is_empty() {
        return Err(Error::Usage(
            "--positions draws each side's positions in a comparison: it needs --diff A B".into(),
        ));
    }
    Ok(look.look(lang))
}

/// `linkage render`: a diagram drawn by Graphviz into an image file.
pub(crate) fn render(
    session: &Session,
    selection: &SelectionArgs,
    look: &LookArgs,
    output: &Path,
    format: Option<dot::ImageFormat>,
    dpi: u32,
) -> Answer<'static> {
    let Some(format) = format.or_else(|| dot::ImageFormat::from_path(output)) else {
        return Err(Error::Usage(format!(
            "cannot tell the image format of {}: name it .svg, .png, .pdf, .eps or .tiff, or pass --format",
            output.display()
        )));
    };
    let look = look_for(selection, look, session.lang)?;
    let output = Destination::output(output, session.data_dir())?;
    let graph = session.graph()?;
    let selection = selection.selection();
    let selected = dot::select(graph, &selection)?;
    note_shared_text(graph, &selection)?;
    if selected.is_empty() {
        note("nothing to draw: the selection is empty; no file written");
        return Ok(Box::new(Text::found_if(false, String::new())));
    }
    let fitted = dot::fit::fit_page(graph, &selected, &look, format, dpi)?;
    output.write(&fitted.image)?;
    if let Some((before, after)) = fitted.turned {
        note(format_args!(
            "drawn left to right: on a page 17 cm wide its concepts' names are {after:.1} pt, \
             against {before:.1} pt top to bottom (`--rankdir tb` keeps top to bottom)"
        ));
    }
    let inches = dot::render::image_inches(&fitted.image, format, dpi);
    if let Some(warning) = inches.and_then(|i| dot::render::oversize_warning(i, &selection)) {
        note(warning);
    }
    Ok(Box::new(Text::found(String::new())))
}

/// `linkage table A B`: the comparison as a LaTeX, Markdown or DOCX table.
pub(crate) fn table(session: &Session, args: &TableArgs) -> Answer<'static> {
    let output = args.output.as_deref();
    let format = args
        .format
        .or_else(|| output.and_then(TableFormat::from_path))
        .unwrap_or(TableFormat::Latex);
    if format == TableFormat::Docx && output.is_none() {
        return Err(Error::Usage(
            "a DOCX table is a file: name it with -o FILE.docx".into(),
        ));
    }
    let destination = output
        .map(|path| Destination::output(path, session.data_dir()))
        .transpose()?;
    let graph = session.graph()?;
    let pair = (graph.resolve(&args.a)?, graph.resolve(&args.b)?);
    let papers = PaperFilter::resolve(graph, &args.paper)?;
    let table = output::table::JournalTable::new(graph, pair, &papers, session.lang);
    if table.rows.is_empty() {
        note("nothing to tabulate: the papers name no common ground or difference between the two; nothing written");
        return Ok(Box::new(Text::found_if(false, String::new())));
    }
    let bytes = match format {
        TableFormat::Latex => {
            let label = format!("{}-{}", graph.node(pair.0).id, graph.node(pair.1).id);
            output::table::latex::latex(&table, &label).into_bytes()
        }
        TableFormat::Markdown => output::table::markdown::markdown(&table).into_bytes(),
        TableFormat::Docx => {
            output::table::docx::docx(graph, &output::table::markdown::markdown(&table))?
        }
    };
    match destination {
        Some(destination) => {
            destination.write(&bytes)?;
            Ok(Box::new(Text::found(String::new())))
        }
        None => Ok(Box::new(Text::found(
            String::from_utf8(bytes).unwrap_or_default(),
        ))),
    }
}

/// `linkage figure A B`: the comparison as a figure at a printed width.
pub(crate) fn figure(session: &Session, args: &FigureArgs) -> Answer<'static> {
    let output = args.output.as_path();
    let Some(format) = args.format.or_else(|| dot::ImageFormat::from_path(output)) else {
        return Err(Error::Usage(format!(
            "cannot tell the image format of {}: name it .svg, .png, .pdf, .eps or .tiff, or pass --format",
            output.display()
        )));
    };
    if args.min_line > dot::figure_table::RULE_POINTS {
        return Err(Error::Usage(format!(
            "--min-line {}: the figure's rules are {} pt (Graphviz draws table rules in whole points)",
            args.min_line,
            dot::figure_table::RULE_POINTS
        )));
    }
    if !(args.min_text.is_finite() && args.min_text > 0.0) {
        return Err(Error::Usage(
            "--min-text must be a size in points above 0".into(),
        ));
    }
    let destination = Destination::output(output, session.data_dir())?;
    let graph = session.graph()?;
    let pair = (graph.resolve(&args.a)?, graph.resolve(&args.b)?);
    let papers = PaperFilter::resolve(graph, &args.paper)?;
    let mut table = output::table::JournalTable::new(graph, pair, &papers, session.lang);
    table.keep_asserted_by(args.min_papers);
    if table.rows.is_empty() {
        note("nothing to draw: the papers name no common ground or difference between the two; no file written");
        return Ok(Box::new(Text::found_if(false, String::new())));
    }
    let request = dot::figure_table::FigureRequest {
        width: args.width.0,
        max_height: args.max_height.0,
        min_text: args.min_text,
        palette: args.style,
        lang: session.lang,
        positions: !args.no_positions,
    };
    let fitted = dot::figure_table::fit(&table, &request)?;
    let graph = dot::writer::graph(&fitted.scene);
    dot::render_to_file(graph, format, args.dpi, &destination)?;
    note(format_args!(
        "{} x {} cm, text {} pt, rules {} pt",
        dot::figure_table::cm(fitted.size.0),
        dot::figure_table::cm(fitted.size.1),
        fitted.text_size,
        dot::figure_table::RULE_POINTS
    ));
    Ok(Box::new(Text::found(String::new())))
}

/// `linkage gallery DIR`: every figure of the gallery, and its index.
pub(crate) fn gallery(session: &Session, dir: &Path, svg: bool) -> Answer<'static> {
    let dir = DestinationDir::output(dir, session.data_dir())?;
    let written = dot::gallery::write(session.graph()?, &dir, svg)?;
    for file in &written.stale {
        note(format_args!(
            "warning: {} is not part of the gallery any more; delete it",
            file.display()
        ));
    }
    Ok(Box::new(Text::wrote(&written.files)))
}

/// `linkage html`: the offline explorer.
pub(crate) fn html(session: &Session, paper: Option<&str>, output: &Path) -> Answer<'static> {
    teach::html_command(
        session.graph()?,
        paper,
        session.lang,
        output,
        session.data_dir(),
    )?;
    Ok(Box::new(Text::found(String::new())))
}

/// `linkage steps`: an argument as numbered figures and a slide deck.
pub(crate) fn steps(
    session: &Session,
    lesson: &teach::Lesson,
    format: teach::DeckFormat,
    output: &Path,
) -> Answer<'static> {
    let taught = teach::steps_command(
        session.graph()?,
        lesson,
        session.lang,
        format,
        output,
        session.data_dir(),
    )?;
    Ok(Box::new(printed(taught)))
}

/// `linkage handout`: an argument as a Markdown handout.
pub(crate) fn handout(
    session: &Session,
    lesson: &teach::Lesson,
    options: &teach::handout::Options,
    output: Option<&Path>,
) -> Answer<'static> {
    let taught = teach::handout_command(
        session.graph()?,
        lesson,
        options,
        session.lang,
        output,
        session.data_dir(),
    )?;
    Ok(Box::new(printed(taught)))
}

/// What a lesson made, or on stderr why nothing was (exit 1).
fn printed(taught: teach::Taught) -> Text {
    match taught {
        teach::Taught::Made(text) => Text::found(text),
        teach::Taught::NothingToExplain { title } => {
            note(format_args!(
                "nothing to explain: {title} has no relation to show; nothing written"
            ));
            Text::found_if(false, String::new())
        }
    }
}

/// `linkage quiz`: questions and answers made from the graph.
pub(crate) fn quiz(
    session: &Session,
    paper: Option<&str>,
    seed: u64,
    student: bool,
    format: teach::quiz::QuizFormat,
) -> Answer<'static> {
    let text = teach::quiz_command(session.graph()?, paper, seed, student, format, session.lang)?;
    if text.is_none() {
        note(match paper {
            Some(paper) => format!(
                "no quiz: the claims of {paper} give no question (no shared or compared \
                 concepts, disputes, or chains of two relations); try without --paper"
            ),
            None => "no quiz: the data gives no question (no shared or compared concepts, \
                     disputes, or chains of two relations)"
                .to_string(),
        });
    }
    Ok(Box::new(Text::found_if(
        text.is_some(),
        text.unwrap_or_default(),
    )))
}

/// With `--min-papers`, a note on stderr when papers that share passages of text are
/// counted as two of the papers a drawn relation needs.
fn note_shared_text(graph: &ConceptGraph, selection: &dot::Selection) -> Result<(), Error> {
    if selection.min_papers <= 1 {
        return Ok(());
    }
    let papers = PaperFilter::resolve(graph, &selection.papers)?;
    for (a, b) in query::comparison::shared_text_counted(graph, &papers, selection.min_papers) {
        note(format_args!(
            "note: --min-papers counts {} and {} as two papers, but their texts share passages",
            graph.cite(a),
            graph.cite(b)
        ));
    }
    Ok(())
}
