//! Long output in a terminal goes through a pager, as git does: `$LINKAGE_PAGER`, else
//! `$PAGER`, else `less -FRX` (which quits at once when the text fits one screen, keeps
//! colours, and leaves the text on the screen). Never through a pipe or a file, so
//! scripts see exactly what they asked for. The emitter (`emit.rs`) writes into the
//! pager as the answer is made.

use std::process::{Child, ChildStdin, Command, Stdio};

/// A running pager, reading what is written into [`Pager::input`].
pub(crate) struct Pager {
    child: Child,
    input: Option<ChildStdin>,
}

impl Pager {
    /// Starts the pager when paging is `wanted` (stdout is a terminal and `--no-pager`
    /// was not given: the caller knows); `None` when it is not wanted or could not be
    /// started (then the caller writes to stdout directly: a missing `less` must not
    /// lose the output).
    pub(crate) fn open(wanted: bool) -> Option<Self> {
        if !wanted {
            return None;
        }
        let command = pager_command()?;
        let (program, args) = command.split_first()?;
        let mut pager = Command::new(program);
        pager.args(args).stdin(Stdio::piped());
        // `less` reads LESS for its options; give it ours only when the user set none.
        if std::env::var_os("LESS").is_none() {
            pager.env("LESS", "FRX");
        }
        let mut child = pager.spawn().ok()?;
        let input = child.stdin.take();
        Some(Self { child, input })
    }

    /// Whether colour codes should reach the pager (`NO_COLOR` unset or empty).
    pub(crate) fn colour() -> bool {
        std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    }

    /// The pager's input; `None` once closed.
    pub(crate) fn input(&mut self) -> Option<&mut ChildStdin> {
        self.input.as_mut()
    }

    /// Closes the input and waits for the reader to quit.
    pub(crate) fn finish(mut self) {
        drop(self.input.take());
        let _ = self.child.wait();
    }
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
