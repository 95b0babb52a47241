//! Dispatch: each command line goes to its function in [`crate::commands`]; the
//! outcome becomes an exit code (0 found, 1 nothing found, 2 bad usage or bad data).

use std::{io::Write as _, process::ExitCode};

use clap::{CommandFactory as _, Parser as _};

pub use crate::commands::{Outcome, Session};
use crate::{
    cli::{Cli, Command},
    commands::{
        draw,
        query::{self, ContestedView},
        setup::{self, ImportRequest},
        Printed,
    },
    completion,
    error::Error,
};

/// Parses the command line (answering a shell's completion request first, if that is
/// what this is). The binary then builds a [`Session`] and calls [`run`].
pub fn parse() -> Cli {
    completion::complete_if_asked(Cli::command);
    Cli::parse()
}

/// Maps what [`run`] returned to the exit code, printing an error to stderr.
pub fn exit_code(result: Result<Outcome, Error>) -> ExitCode {
    match result {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::Nothing) => ExitCode::from(1),
        Err(error) => {
            report(&error);
            ExitCode::from(2)
        }
    }
}

fn report(error: &Error) {
    let mut stderr = anstream::stderr();
    if let Error::InvalidData(diagnostics) = error {
        for diagnostic in diagnostics {
            let _ = writeln!(stderr, "{diagnostic}");
        }
    }
    let _ = writeln!(stderr, "error: {error}");
}

/// Runs one parsed command line and prints what it found.
///
/// # Errors
/// Any [`Error`]; the caller prints it and exits with code 2.
pub fn run(cli: &Cli, session: &Session) -> Result<Outcome, Error> {
    let printed = command(&cli.command, session)?;
    session.print(&printed)
}

/// One command's output and outcome, for `batch` and `serve` (which print it their way):
/// the [`crate::batch::Answerer`] they are given.
///
/// # Errors
/// Any [`Error`] of the command.
pub fn answer(cli: &Cli, session: &Session) -> Result<(String, Outcome), Error> {
    command(&cli.command, session).map(|printed| (printed.text, printed.outcome))
}

/// One arm per command, each a call to the command's function.
fn command(command: &Command, s: &Session) -> Result<Printed, Error> {
    use Command as C;
    match command {
        C::Check {
            sources,
            unreviewed: false,
        } => query::check(s, sources.as_deref()),
        C::Check {
            unreviewed: true, ..
        } => query::unreviewed(s),
        C::List {
            kind,
            query: q,
            limit,
        } => query::list(s, kind.as_deref(), q, *limit),
        C::Show { name, query: q } => query::show(s, name, q),
        C::Search {
            text,
            query: q,
            limit,
        } => query::search(s, text, q, *limit),
        C::Match {
            text,
            query: q,
            limit,
        } => query::match_text(s, text, q, *limit),
        C::Papers { query: q } => query::papers(s, q),
        C::Schema { kinds } => query::schema(s, *kinds),
        C::Diff { a, b, query: q } => query::diff(s, a, b, q),
        C::Compare {
            pair,
            query: q,
            csv,
            evidence_table,
        } => query::compare(s, pair, q, *csv, *evidence_table),
        C::Contested {
            names,
            query: q,
            limit,
            all,
        } => query::contested(
            s,
            names,
            q,
            ContestedView {
                limit: limit.limit,
                all: *all,
            },
        ),
        C::Paper {
            name,
            evidence,
            limit,
        } => query::paper(s, name, *evidence, *limit),
        C::Position { name, brief } => query::position(s, name, *brief),
        C::Path(args) => query::path(s, args),
        C::Neighbors {
            name,
            depth,
            via,
            query: q,
        } => query::neighbors(s, name, *depth, via, q),
        C::Locate {
            quote,
            query: q,
            sources,
        } => query::locate(s, quote, q, sources.as_deref()),
        C::Suggest {
            paper,
            output,
            sources,
        } => setup::suggest(s, paper, output.as_deref(), sources.as_deref()),
        C::Export {
            format,
            selection,
            sources,
            output,
        } => draw::export(s, *format, selection, sources.as_deref(), output.as_deref()),
        C::Dot {
            selection,
            look,
            output,
        } => draw::dot(s, selection, look, output.as_deref()),
        C::Render {
            selection,
            look,
            output,
            format,
            dpi,
        } => draw::render(s, selection, look, output, *format, *dpi),
        C::Gallery { dir, no_svg } => draw::gallery(s, dir, !no_svg),
        C::Html { paper, output } => draw::html(s, paper.as_deref(), output),
        C::Steps { lesson, output } => draw::steps(s, lesson, output),
        C::Handout {
            lesson,
            output,
            title,
            course,
            date,
            short,
        } => {
            let options = crate::teach::handout::Options {
                title: title.clone(),
                course: course.clone(),
                date: date.clone(),
                short: *short,
            };
            draw::handout(s, lesson, &options, output.as_deref())
        }
        C::Quiz {
            paper,
            seed,
            student,
            format,
        } => draw::quiz(s, paper.as_deref(), *seed, *student, *format),
        C::Batch(args) => crate::batch::run(s, args, answer).map(Printed::nothing_more),
        C::Serve(args) => crate::serve::run(s, args, answer).map(Printed::nothing_more),
        C::Completions { shell } => setup::completions(*shell),
        C::Man => setup::man(),
        C::Init { dir } => setup::init(dir),
        C::Add(args) => setup::add(s, args),
        C::Import {
            file,
            format,
            output,
            into,
            sources,
        } => setup::import(
            s,
            ImportRequest {
                file,
                format: *format,
                output: output.as_deref(),
                into: into.as_deref(),
                sources: sources.as_deref(),
            },
        ),
    }
}
