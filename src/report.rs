//! What a command found, as a value: a [`Report`] writes its human form into any
//! `io::Write` and serialises its JSON form itself, so the command never decides where
//! or how its answer is written. The binary's one emitter (`emit.rs`) chooses JSON or
//! text, pager or pipe; `batch` and `serve` take the JSON form directly.
//!
//! This is ripgrep's printer split (a search hands matches to a sink over any writer)
//! applied to whole answers: the human form is written as it is made, in pieces, and
//! nothing re-parses what was printed to learn what it said.

use std::io;

use crate::error::Error;

/// What a successful command found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Results were printed.
    Found,
    /// The command ran and found nothing (exit code 1).
    Nothing,
}

impl Outcome {
    /// [`Outcome::Found`] when `found`, else [`Outcome::Nothing`].
    pub fn found_if(found: bool) -> Self {
        if found {
            Self::Found
        } else {
            Self::Nothing
        }
    }
}

/// How the human form is written: with ANSI colours and styles, or plain text. The
/// caller chooses (a terminal, a pager, a pipe); a report writes styled text and
/// [`write_human`] strips the styles when asked for plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Colours and bold, for a terminal or a pager that shows them.
    Colour,
    /// No escape codes: a pipe, a file, `NO_COLOR`.
    Plain,
}

/// How JSON is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Indented, for a reader (`--json`).
    Pretty,
    /// On one line, for `batch` and `serve`.
    Line,
}

/// A JSON form that can be written: any `Serialize` type, behind a trait object so a
/// report can hand out a value borrowing from itself.
pub trait JsonForm {
    /// Writes the JSON into `out` as it is serialised, without a trailing line break.
    ///
    /// # Errors
    /// Whatever `out` returns.
    fn write_json(&self, out: &mut dyn io::Write, layout: Layout) -> io::Result<()>;

    /// The JSON as a `serde_json::Value` (keys in the order `write_json` writes them),
    /// for a caller that hands the answer on as data rather than as text: the Python
    /// package keeps it and converts each field when it is read, so no JSON is written
    /// and parsed again between the two languages.
    ///
    /// # Errors
    /// None in practice (see `write_json`); `serde_json`'s, should a map key not be a string.
    fn to_value(&self) -> serde_json::Result<serde_json::Value>;
}

impl<T: serde::Serialize> JsonForm for T {
    fn write_json(&self, out: &mut dyn io::Write, layout: Layout) -> io::Result<()> {
        // Result types hold strings, numbers, lists and string-keyed maps only, which
        // serde_json always serialises: an error here is the writer's.
        match layout {
            Layout::Pretty => serde_json::to_writer_pretty(out, self),
            Layout::Line => serde_json::to_writer(out, self),
        }
        .map_err(io::Error::from)
    }

    fn to_value(&self) -> serde_json::Result<serde_json::Value> {
        serde_json::to_value(self)
    }
}

/// A command's answer, ready to be written in either of its forms.
pub trait Report {
    /// Writes the human form into `out`, styled, piece by piece as it is made.
    ///
    /// # Errors
    /// Whatever `out` returns.
    fn human(&self, out: &mut dyn io::Write) -> io::Result<()>;

    /// The JSON form, serialised by the caller (pretty for `--json`, one line for
    /// `batch` and `serve`); `None` for a command without one. Whether a command has
    /// one is decided before it runs (`commands::has_json`), so `--json` is refused
    /// before anything is written; this is its answer's half of that promise.
    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        None
    }

    /// Whether anything was found (exit code 0 or 1).
    fn outcome(&self) -> Outcome;

    /// An error to report once the answer is written (exit code 2): `check` writes its
    /// report and then fails on the quotes it could not find.
    fn failure(&self) -> Option<Error> {
        None
    }
}

/// An error of the data met while writing a report (a text XML cannot carry), carried
/// through `io::Write`'s error type so that a writer can stop at it.
pub fn carry(error: Error) -> io::Error {
    io::Error::other(error)
}

/// The error a failed write carries ([`carry`]), or else the write's own error, naming
/// `what` was written.
pub fn uncarry(error: io::Error, what: &str) -> Error {
    match error.downcast::<Error>() {
        Ok(carried) => carried,
        Err(error) => Error::io("write", what, error),
    }
}

/// Writes `report`'s human form into `out` in `style`.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_human(report: &dyn Report, out: &mut dyn io::Write, style: Style) -> io::Result<()> {
    match style {
        Style::Colour => report.human(out),
        Style::Plain => report.human(&mut Plain {
            out,
            strip: anstream::adapter::StripBytes::default(),
        }),
    }
}

/// A writer that drops ANSI escape codes on their way to `out` (anstream's stripping
/// state machine, which keeps a code split across two writes whole).
struct Plain<'w> {
    out: &'w mut dyn io::Write,
    strip: anstream::adapter::StripBytes,
}

impl io::Write for Plain<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for piece in self.strip.strip_next(buf) {
            self.out.write_all(piece)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A report that is text already made: a manual page, a shell script, a DOT diagram,
/// an export, `wrote FILE` lines. It has no JSON form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// What to write.
    pub text: String,
    /// Whether anything was found.
    pub outcome: Outcome,
}

impl Text {
    /// `text`, a result.
    pub fn found(text: String) -> Self {
        Self::found_if(true, text)
    }

    /// `text`, and whether the command found something.
    pub fn found_if(found: bool, text: String) -> Self {
        Self {
            text,
            outcome: Outcome::found_if(found),
        }
    }

    /// Nothing to write (the command wrote files, or said on stderr why not).
    pub fn nothing_more(outcome: Outcome) -> Self {
        Self {
            text: String::new(),
            outcome,
        }
    }

    /// One `wrote FILE` line for each file written.
    pub fn wrote<P: AsRef<std::path::Path>>(files: impl IntoIterator<Item = P>) -> Self {
        use std::fmt::Write as _;
        let text = files.into_iter().fold(String::new(), |mut text, file| {
            let _ = writeln!(text, "wrote {}", file.as_ref().display());
            text
        });
        Self::found(text)
    }
}

impl Report for Text {
    fn human(&self, out: &mut dyn io::Write) -> io::Result<()> {
        out.write_all(self.text.as_bytes())
    }

    fn outcome(&self) -> Outcome {
        self.outcome
    }
}

/// A report whose human form is its JSON, pretty (`schema`, which prints a JSON Schema
/// or the kinds whatever `--json` says).
#[derive(Debug, Clone, PartialEq)]
pub struct JsonOnly(pub serde_json::Value);

impl Report for JsonOnly {
    fn human(&self, out: &mut dyn io::Write) -> io::Result<()> {
        self.0.write_json(out, Layout::Pretty)?;
        out.write_all(b"\n")
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        Some(Box::new(&self.0))
    }

    fn outcome(&self) -> Outcome {
        Outcome::Found
    }
}
