//! The one emitter: every command's [`Report`] reaches standard output here, and
//! nowhere else. It chooses the form (`--json` or human), the way (a pager in a
//! terminal, else stdout) and the style (colour where the terminal or pager shows it,
//! plain in a pipe or under `NO_COLOR`), and writes as the report is made. Every write
//! is checked: a reader that closed the pipe early (`| head`, `q` in the pager) ends
//! the writing quietly; any other failure (`> /dev/full`) is an error.

use std::io::{self, BufWriter, Write as _};

use crate::{
    commands::Session,
    error::Error,
    pager::Pager,
    report::{write_human, Layout, Outcome, Report, Style},
};

/// Writes `report` as `session` asks, then returns its outcome, or its failure
/// (`check`'s quotes not found) once it is written.
///
/// # Errors
/// [`Error::Io`] when standard output cannot be written; [`Error::Usage`] for `--json`
/// on a report without a JSON form (refused before the command ran, so a bug if met).
pub fn emit(report: &dyn Report, session: &Session) -> Result<Outcome, Error> {
    let json = if session.json {
        Some(report.json().ok_or_else(|| {
            Error::Usage("--json is for queries; this command has no JSON form".into())
        })?)
    } else {
        None
    };
    let write = |out: &mut dyn io::Write, style: Style| match &json {
        Some(json) => json
            .write_json(out, Layout::Pretty)
            .and_then(|()| out.write_all(b"\n")),
        None => write_human(report, out, style),
    };
    let written = if let Some(mut pager) = Pager::open(session.pager) {
        let style = if Pager::colour() {
            Style::Colour
        } else {
            Style::Plain
        };
        let written = match pager.input() {
            Some(input) => {
                let mut out = BufWriter::new(input);
                write(&mut out, style).and_then(|()| out.flush())
            }
            None => Ok(()),
        };
        pager.finish();
        // Quitting the pager before the end closes its input: the reader's choice.
        written.or(Ok(()))
    } else {
        let stdout = io::stdout();
        let style = match anstream::AutoStream::choice(&stdout) {
            anstream::ColorChoice::Never => Style::Plain,
            _ => Style::Colour,
        };
        let mut out = BufWriter::new(stdout.lock());
        write(&mut out, style).and_then(|()| out.flush())
    };
    checked(written)?;
    match report.failure() {
        Some(error) => Err(error),
        None => Ok(report.outcome()),
    }
}

/// A write's result: a closed pipe is the reader's choice, not an error.
fn checked(written: io::Result<()>) -> Result<(), Error> {
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Error::io("write", "standard output", e))
        }
        _ => Ok(()),
    }
}
