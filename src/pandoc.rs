//! The one place pandoc is run: Markdown in on its standard input, the document it
//! writes (`--output -`) out, and everything that can go wrong made one [`Error`]: pandoc
//! missing (with how to install it), failing, not reading all its input, or warning of
//! something it left out.

use std::{
    io::{ErrorKind, Write as _},
    process::{Command, Stdio},
};

use crate::error::Error;

/// What a conversion needs besides pandoc's arguments.
pub(crate) struct Conversion<'a> {
    /// What is converted, for messages ("the table", "the deck").
    pub(crate) what: &'a str,
    /// The message for pandoc missing: how to install it, and what to do instead.
    pub(crate) missing: &'a str,
    /// A warning pandoc prints when it leaves something out (a citation it cannot
    /// resolve, a figure it cannot read), and how to say so: the result is refused.
    pub(crate) refuse_warning: (&'a str, &'a str),
}

/// Runs `command` (pandoc, its arguments set) on `markdown` and returns what it wrote.
///
/// # Errors
/// [`Error::External`] as the module says.
pub(crate) fn convert(
    mut command: Command,
    markdown: &str,
    conversion: &Conversion<'_>,
) -> Result<Vec<u8>, Error> {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| {
            Error::External(if error.kind() == ErrorKind::NotFound {
                conversion.missing.into()
            } else {
                format!("cannot run pandoc: {error}")
            })
        })?;
    let written = child
        .stdin
        .take()
        .map(|mut stdin| stdin.write_all(markdown.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|error| Error::External(format!("pandoc failed: {error}")))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() || output.stdout.is_empty() {
        return Err(Error::External(format!("pandoc failed: {}", stderr.trim())));
    }
    if let Some(Err(error)) = written {
        return Err(Error::External(format!(
            "pandoc did not read {}: {error}",
            conversion.what
        )));
    }
    let (warning, meaning) = conversion.refuse_warning;
    if stderr.contains(warning) {
        return Err(Error::External(format!("{meaning}: {}", stderr.trim())));
    }
    Ok(output.stdout)
}
