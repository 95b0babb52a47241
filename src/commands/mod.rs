//! One function per command: each takes its typed arguments and the [`Session`], and
//! returns its [`Report`], which the one emitter (`emit.rs`) writes: no command writes
//! to standard output itself. `run` only dispatches to them.
//!
//! Commands that need the dataset ask the session for it ([`Session::graph`]), which
//! loads it on first use; commands about linkage itself (completions, man, init) never
//! ask, so no command can run without the data it needs, and none loads data it does not.

pub(crate) mod answers;
pub(crate) mod draw;
mod json_form;
pub(crate) mod query;
pub(crate) mod setup;

use std::{cell::OnceCell, io::Write as _, path::Path, sync::Arc};

pub(crate) use json_form::{has_json, refuse_json};

pub(crate) use crate::report::{Outcome, Report};
use crate::{cache, cli::Cli, error::Error, load::Loaded, ConceptGraph};

/// What a command returns: its report, borrowing from the session's dataset.
pub(crate) type Answer<'a> = Result<Box<dyn Report + 'a>, Error>;

/// The options every command shares (`--data`, `--json`, `--no-pager`), resolved once,
/// and the dataset, loaded when a command first asks for it.
#[derive(Debug)]
pub struct Session {
    /// `--data DIR`: the user's dataset; `None` for the built-in one.
    pub data: Option<std::path::PathBuf>,
    /// `--json`.
    pub json: bool,
    /// Whether long output may go through a pager (`--no-pager` turns it off).
    pub pager: bool,
    /// Whether `--data DIR` may be loaded through the cache (`--no-cache` turns it off).
    pub cache: bool,
    /// `--lang`: the language of human output (JSON is the same in every language).
    pub lang: crate::dot::Lang,
    loaded: OnceCell<Loaded>,
    /// A dataset already loaded for many queries (`batch`, `serve`).
    shared: Option<Arc<Loaded>>,
}

impl Session {
    /// The session of a parsed command line.
    pub fn new(cli: &Cli) -> Self {
        Self {
            data: cli.data.clone(),
            json: cli.json,
            pager: !cli.no_pager,
            cache: !cli.no_cache,
            lang: cli.lang,
            loaded: OnceCell::new(),
            shared: None,
        }
    }

    /// A session for one of many queries on a dataset loaded once (`batch`, `serve`):
    /// JSON out, no pager.
    pub fn sharing(data: Option<std::path::PathBuf>, loaded: Arc<Loaded>) -> Self {
        Self {
            data,
            json: true,
            pager: false,
            cache: false,
            lang: crate::dot::Lang::En,
            loaded: OnceCell::new(),
            shared: Some(loaded),
        }
    }

    /// Loads the dataset (printing its warnings) to answer many queries with it.
    ///
    /// # Errors
    /// Whatever [`cache::load_dataset`] reports.
    pub fn load_for_many(&self) -> Result<Arc<Loaded>, Error> {
        self.load_with_warnings().map(Arc::new)
    }

    /// Loads the dataset named by `--data` (or the built-in one), printing its warnings
    /// to stderr as every command does.
    fn load_with_warnings(&self) -> Result<Loaded, Error> {
        let loaded = cache::load_dataset(self.data.as_deref(), self.cache)?;
        Self::print_warnings(&loaded.warnings);
        Ok(loaded)
    }

    /// The dataset named by `--data`, or the built-in one; loaded (and its warnings
    /// printed to stderr) on the first call.
    ///
    /// # Errors
    /// Whatever [`cache::load_dataset`] reports.
    pub fn graph(&self) -> Result<&ConceptGraph, Error> {
        if let Some(shared) = &self.shared {
            return Ok(&shared.graph);
        }
        if let Some(loaded) = self.loaded.get() {
            return Ok(&loaded.graph);
        }
        let loaded = self.load_with_warnings()?;
        Ok(&self.loaded.get_or_init(|| loaded).graph)
    }

    /// The dataset as [`Session::graph`] gives it, for a command that reads only
    /// `part` of it: from a warm cache, every node and just the relations `part` reads
    /// ([`cache::partial`]), whose answer is the whole graph's; otherwise (no cache,
    /// `--no-cache`, a dataset already loaded, a cache that cannot answer) the whole
    /// dataset.
    ///
    /// # Errors
    /// Whatever [`cache::load_dataset`] reports.
    pub(crate) fn graph_for(
        &self,
        part: &cache::partial::Part<'_>,
    ) -> Result<&ConceptGraph, Error> {
        if let Some((dir, cache_dir)) = self.cache_dirs() {
            if let Some(loaded) = cache::partial::load(dir, &cache_dir, part) {
                Self::print_warnings(&loaded.warnings);
                return Ok(&self.loaded.get_or_init(|| loaded).graph);
            }
        }
        self.graph()
    }

    /// An error's message in the language of `--lang`, where it names what a query
    /// could not find (a name matching no concept or paper, or several) and the
    /// dataset is loaded; `None` to say it as the error does.
    pub(crate) fn message_in_lang(&self, error: &Error) -> Option<String> {
        if self.lang == crate::dot::Lang::En {
            return None;
        }
        let graph = match &self.shared {
            Some(shared) => &shared.graph,
            None => &self.loaded.get()?.graph,
        };
        graph.name_error_in(error, self.lang)
    }

    /// The `--data` directory and the cache directory, when this command may use the
    /// cache for a dataset not yet loaded (not `--no-cache`, not `batch` or `serve`).
    pub(crate) fn cache_dirs(&self) -> Option<(&Path, std::path::PathBuf)> {
        let unloaded = self.shared.is_none() && self.loaded.get().is_none();
        let cache_dir = self.cache.then(cache::location).flatten()?;
        Some((self.data.as_deref()?, cache_dir)).filter(|_| unloaded)
    }

    /// The warnings of the dataset's load that are about the data, not the cache (what
    /// a stored `check` prints again: `cache::check`); none before a load.
    pub(crate) fn data_warnings(&self) -> Vec<crate::diagnostic::Diagnostic> {
        self.loaded.get().map_or_else(Vec::new, |loaded| {
            loaded
                .warnings
                .iter()
                .filter(|w| !cache::is_cache_note(w))
                .cloned()
                .collect()
        })
    }

    /// Prints `warnings` to stderr as a load's are printed.
    pub(crate) fn print_warnings(warnings: &[crate::diagnostic::Diagnostic]) {
        let mut stderr = anstream::stderr();
        for warning in warnings {
            let _ = writeln!(stderr, "{warning}");
        }
    }

    /// `--data DIR`, as a path.
    pub fn data_dir(&self) -> Option<&Path> {
        self.data.as_deref()
    }

    /// The loaded dataset, handed over so that the binary may decide how to end.
    pub fn into_loaded(self) -> Option<Loaded> {
        self.loaded.into_inner()
    }
}

/// Prints `line` to stderr: notes that go with a result without being part of it.
/// Inside [`collecting_notes`] the line is kept for its caller instead.
pub(crate) fn note(line: impl std::fmt::Display) {
    let kept = COLLECTED.with_borrow_mut(|collected| {
        collected
            .as_mut()
            .map(|notes| notes.push(line.to_string()))
            .is_some()
    });
    if !kept {
        let _ = writeln!(anstream::stderr(), "{line}");
    }
}

thread_local! {
    /// The notes of the [`collecting_notes`] call running on this thread, if any.
    static COLLECTED: std::cell::RefCell<Option<Vec<String>>> =
        const { std::cell::RefCell::new(None) };
}

/// Runs `work` and returns, with its result, the notes the commands it ran would have
/// printed to stderr (`note`), in order, instead of printing them. For the Python
/// package: a notebook never shows the process's stderr, so the package issues each
/// note as a Python warning. Per thread, as a command runs on the caller's thread.
pub fn collecting_notes<T>(work: impl FnOnce() -> T) -> (T, Vec<String>) {
    let outer = COLLECTED.with_borrow_mut(|collected| collected.replace(Vec::new()));
    let result = work();
    let notes = COLLECTED.with_borrow_mut(|collected| std::mem::replace(collected, outer));
    (result, notes.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::{collecting_notes, note};

    #[test]
    fn notes_are_kept_in_order_while_collecting_each_call_its_own() {
        let ((), outer) = collecting_notes(|| {
            note("first");
            let ((), inner) = collecting_notes(|| note("inner"));
            assert_eq!(inner, ["inner"]);
            note(format_args!("second {}", 2));
        });
        assert_eq!(outer, ["first", "second 2"]);
        let ((), none) = collecting_notes(|| ());
        assert!(none.is_empty());
    }
}
