//! Long output in a terminal goes through a pager, as git does: `$LINKAGE_PAGER`, else
//! `$PAGER`, else `less -FRX` (which quits at once when the text fits one screen, keeps
//! colours, and leaves the text on the screen). Never through a pipe or a file, so
//! scripts see exactly what they asked for.

use std::{
    io::{IsTerminal as _, Write as _},
    process::{Command, Stdio},
};

use crate::{error::Error, write::write_stdout};

/// Writes `text` to stdout, through a pager when stdout is a terminal and `allowed`.
/// Colour codes reach the pager only when colour is wanted (`NO_COLOR` unset).
///
/// # Errors
/// [`Error::Io`] when standard output cannot be written.
pub fn print(text: &str, allowed: bool) -> Result<(), Error> {
    if allowed && std::io::stdout().is_terminal() {
        if let Some(command) = pager_command() {
            if page(&command, text) {
                return Ok(());
            }
        }
    }
    write_stdout(&mut anstream::stdout(), text.as_bytes())
}

/// The pager to run, split into words; `None` when paging is turned off
/// (`LINKAGE_PAGER=` empty, `0` or `cat`).
fn pager_command() -> Option<Vec<String>> {
    let chosen = std::env::var("LINKAGE_PAGER")
        .ok()
        .or_else(|| std::env::var("PAGER").ok());
    let command = chosen.unwrap_or_else(|| "less -FRX".to_string());
    let words: Vec<String> = command.split_whitespace().map(str::to_string).collect();
    match words.first().map(String::as_str) {
        None | Some("0" | "cat") => None,
        Some(_) => Some(words),
    }
}

/// Runs the pager on `text`; false when it could not be started (then the caller prints
/// directly: a missing `less` must not lose the output).
fn page(command: &[String], text: &str) -> bool {
    let Some((program, args)) = command.split_first() else {
        return false;
    };
    let mut pager = Command::new(program);
    pager.args(args).stdin(Stdio::piped());
    // `less` reads LESS for its options; give it ours only when the user set none.
    if std::env::var_os("LESS").is_none() {
        pager.env("LESS", "FRX");
    }
    let Ok(mut child) = pager.spawn() else {
        return false;
    };
    let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let shown = if colour {
        text.to_string()
    } else {
        anstream::adapter::strip_str(text).to_string()
    };
    if let Some(mut stdin) = child.stdin.take() {
        // The reader quitting early (`q` in less) closes the pipe: not an error.
        let _ = stdin.write_all(shown.as_bytes());
    }
    let _ = child.wait();
    true
}
