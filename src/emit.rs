//! The one emitter: every command's [`Report`] reaches standard output here, and
//! nowhere else. It chooses the form (`--json` or human), the way (a pager in a
//! terminal, else stdout) and the style (colour where the terminal or pager shows it,
//! plain in a pipe or under `NO_COLOR`), and writes as the report is made. Every write
//! is checked: a reader that closed the pipe early (`| head`, `q` in the pager) ends
//! the writing quietly; any other failure (`> /dev/full`) is an error.

use std::io::{self, BufWriter, IsTerminal as _, Write as _};

use crate::{
    commands::Session,
    error::Error,
    pager::Pager,
    report::{uncarry, write_human, Layout, Outcome, Report, Style},
};

/// Writes `report` as `session` asks, then returns its outcome, or its failure
/// (`check`'s quotes not found) once it is written.
///
/// # Errors
/// [`Error::Io`] when standard output cannot be written; [`Error::Usage`] for `--json`
/// on a report without a JSON form (refused before the command ran, so a bug if met).
pub(crate) fn emit(report: &dyn Report, session: &Session) -> Result<Outcome, Error> {
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
    let stdout = io::stdout();
    let written = if let Some(mut pager) = Pager::open(session.pager && stdout.is_terminal()) {
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
        // Quitting the pager before the end closes its input: the reader's choice. An
        // error of the data is still reported.
        match written {
            Err(e) if matches!(e.get_ref(), Some(inner) if inner.is::<Error>()) => Err(e),
            _ => Ok(()),
        }
    } else {
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

/// A write's result: a closed pipe is the reader's choice, not an error; an error of
/// the data met while writing (an export's text its format cannot carry) is reported
/// as itself.
fn checked(written: io::Result<()>) -> Result<(), Error> {
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(uncarry(e, "standard output")),
        _ => Ok(()),
    }
}
