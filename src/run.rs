//! Dispatch: each command line goes to its function in `commands/`; the
//! outcome becomes an exit code (0 found, 1 nothing found, 2 bad usage or bad data).

use std::{ffi::OsString, io::Write as _, process::ExitCode};

use clap::{CommandFactory as _, Parser as _};

use crate::{
    cli::{Cli, Command},
    commands::{
        draw,
        query::{self, ContestedView},
        refuse_json,
        setup::{self, ImportRequest},
        Answer,
    },
    completion, emit,
    error::Error,
};
pub use crate::{
    commands::{collecting_notes, Session},
    report::Outcome,
};

/// The whole of the `linkage` command on `args` (the first is the program's name), as the
/// binary runs it: completions, parsing, the command, its output (through the pager in
/// a terminal), the error on stderr; returns the exit code (0 found, 1 nothing found,
/// 2 bad usage or bad data; clap's own for `--help` and `--version`).
///
/// The binary's `main` is this on the process's arguments; the Python package's
/// `linkage` command calls it too, so both are one program. Like `main`, it leaves the
/// loaded dataset to the operating system (see `src/main.rs`): call it once a process.
pub fn main_with_args<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    match completion::complete_if_asked(Cli::command, args.clone()) {
        Ok(true) => return 0,
        Ok(false) => {}
        Err(error) => return code(Err(error)),
    }
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            // What `Cli::parse` does before exiting: the message (or the help) to
            // stderr (stdout), then clap's code.
            let _ = error.print();
            return u8::try_from(error.exit_code()).unwrap_or(2);
        }
    };
    let session = Session::new(&cli);
    let result = run(&cli, &session);
    // A name the query could not find is said in the reader's language.
    if let Some(message) = result
        .as_ref()
        .err()
        .and_then(|e| session.message_in_lang(e))
    {
        let _ = writeln!(anstream::stderr(), "error: {message}");
        return 2;
    }
    let code = code(result);
    std::mem::forget(session);
    code
}

/// Maps what [`run`] returned to the exit code, printing an error to stderr.
pub fn exit_code(result: Result<Outcome, Error>) -> ExitCode {
    ExitCode::from(code(result))
}

/// [`exit_code`] as a number.
fn code(result: Result<Outcome, Error>) -> u8 {
    match result {
        Ok(Outcome::Found) => 0,
        Ok(Outcome::Nothing) => 1,
        Err(error) => {
            report(&error);
            2
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

/// Runs one parsed command line and writes its report through the one emitter
/// (`emit.rs`). `--json` on a command without a JSON form is refused first
/// (`commands::has_json`), before anything is read or written. `batch` and
/// `serve` answer many queries, each report serialised as it is answered.
///
/// # Errors
/// Any [`Error`]; the caller prints it and exits with code 2.
pub fn run(cli: &Cli, session: &Session) -> Result<Outcome, Error> {
    refuse_json(&cli.command, session.json)?;
    match &cli.command {
        Command::Batch(args) => crate::batch::run(session, args, answer),
        Command::Serve(args) => crate::serve::run(session, args, answer),
        command => emit::emit(&*self::command(command, session)?, session),
    }
}

/// One command's report, for `batch` and `serve` (which serialise it their way): the
/// [`crate::batch::Answerer`] they are given.
///
/// # Errors
/// Any [`Error`] of the command.
pub fn answer<'s>(cli: &'s Cli, session: &'s Session) -> Answer<'s> {
    command(&cli.command, session)
}

/// One arm per command, each a call to the command's function.
fn command<'s>(command: &'s Command, s: &'s Session) -> Answer<'s> {
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
            quoting,
            limit,
        } => query::paper(s, name, *quoting, *limit),
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
        C::Table(args) => draw::table(s, args),
        C::Figure(args) => draw::figure(s, args),
        C::Gallery { dir, no_svg } => draw::gallery(s, dir, !no_svg),
        C::Html { paper, output } => draw::html(s, paper.as_deref(), output),
        C::Steps {
            lesson,
            output,
            format,
        } => draw::steps(s, lesson, *format, output),
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
        // Many answers, each written as it is answered ([`run`]); not one report.
        C::Batch(_) | C::Serve(_) => Err(Error::Usage(
            "batch and serve answer queries; they are not one".into(),
        )),
        C::Completions { shell } => setup::completions(*shell),
        C::Man => setup::man(),
        C::Init { dir, from_builtin } => setup::init(dir, *from_builtin),
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
