//! Shell completions that know the dataset: node ids for name arguments, paper ids for
//! `--paper`, kinds for `--kind` and `--via`.
//!
//! `clap_complete`'s dynamic engine is used because static scripts cannot know the ids of
//! a dataset the user points `--data` at. The shell calls `linkage` back with
//! `LINKAGE_COMPLETE=<shell>` set; [`complete_if_asked`] answers and exits before any
//! normal work (and before anything is written to stdout).

use std::{ffi::OsString, io::Write as _, path::PathBuf};

use clap::ValueEnum;
use clap_complete::{
    engine::{ArgValueCandidates, CompletionCandidate},
    env::{CompleteEnv, Shells},
};

use crate::{cache::Names, error::Error};

/// The environment variable through which a shell asks for completions.
const VAR: &str = "LINKAGE_COMPLETE";

/// Answers a completion request from the shell, for the command line `args` (the
/// program's own, not `std::env::args_os`: run from Python's console script, the
/// process's arguments start with the interpreter and the script). Returns whether it
/// answered, in which case the program ends there. `command` makes the command-line
/// definition (`Cli::command`): passed in, so that the definition may name this
/// module's candidates without a cycle.
///
/// # Errors
/// [`Error::Usage`] when the request cannot be answered (a shell `clap_complete` does
/// not know, candidates that cannot be written).
pub(crate) fn complete_if_asked(
    command: fn() -> clap::Command,
    args: impl IntoIterator<Item = OsString>,
) -> Result<bool, Error> {
    let directory = std::env::current_dir().ok();
    CompleteEnv::with_factory(command)
        .var(VAR)
        .try_complete(args, directory.as_deref())
        .map_err(|e| Error::Usage(format!("completion: {}", e.to_string().trim())))
}

/// The environment variable naming the program a shell calls back for completions,
/// when it is not this process's executable: Python's console script sets it to
/// itself, since its executable is the Python interpreter.
const PROGRAM_VAR: &str = "LINKAGE_PROGRAM";

/// The script a shell sources to complete `linkage`: `source <(linkage completions bash)`.
///
/// # Errors
/// [`Error::Usage`] for a shell `clap_complete` does not support.
pub(crate) fn registration(shell: Shell) -> Result<String, Error> {
    let name = shell.name();
    let shells = Shells::builtins();
    let completer = shells
        .completer(name)
        .ok_or_else(|| Error::Usage(format!("no completions for {name}")))?;
    // The shell calls this very program back, wherever it is installed.
    let binary = std::env::var_os(PROGRAM_VAR)
        .map(PathBuf::from)
        .or_else(|| std::env::current_exe().ok())
        .map_or_else(|| "linkage".to_string(), |p| p.display().to_string());
    let mut script = Vec::new();
    completer
        .write_registration(VAR, "linkage", "linkage", &binary, &mut script)
        .map_err(|e| Error::io("write", "standard output", e))?;
    let _ = script.flush();
    Ok(String::from_utf8_lossy(&script).into_owned())
}

/// Shells that `linkage completions` writes scripts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// GNU bash.
    Bash,
    /// Z shell.
    Zsh,
    /// fish.
    Fish,
    /// `PowerShell`.
    Powershell,
}

impl Shell {
    /// The name `clap_complete` knows the shell by.
    pub fn name(self) -> &'static str {
        match self {
            Self::Bash => "bash",
            Self::Zsh => "zsh",
            Self::Fish => "fish",
            Self::Powershell => "powershell",
        }
    }
}

/// Node ids with their labels as help: for FROM, TO, NAME and the like.
pub(crate) fn node_names() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        names()
            .nodes
            .into_iter()
            .map(|(id, label)| CompletionCandidate::new(id).help(Some(label.into())))
            .collect()
    })
}

/// Paper ids with their short citations as help.
pub(crate) fn paper_names() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        names()
            .papers
            .into_iter()
            .map(|(id, cite)| CompletionCandidate::new(id).help(Some(cite.into())))
            .collect()
    })
}

/// Node kinds of the schema in force.
pub(crate) fn node_kinds() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        names()
            .node_kinds
            .into_iter()
            .map(CompletionCandidate::new)
            .collect()
    })
}

/// Relation kinds of the schema in force.
pub(crate) fn relation_kinds() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        names()
            .relation_kinds
            .into_iter()
            .map(CompletionCandidate::new)
            .collect()
    })
}

/// The names of the dataset the command line being completed names with `--data`, else
/// of the built-in one. For a `--data` directory they come from the front of its cache
/// file when that was written for the files there now, judged by their size and time
/// (`cache::names::cached`: neither the graph nor the data files are read; a TAB at a
/// million relations took 0.9 s decoding the graph, 1.8 s from JSON); else the dataset is loaded as the
/// command itself would load it, which caches it for the next TAB (never with
/// `--no-cache`). A dataset with problems completes nothing rather than printing
/// errors into the user's prompt.
fn names() -> Names {
    let args: Vec<OsString> = std::env::args_os().collect();
    let dir = args
        .windows(2)
        .find(|pair| pair[0] == "--data")
        .map(|pair| PathBuf::from(&pair[1]))
        .or_else(|| {
            args.iter().find_map(|a| {
                a.to_str()
                    .and_then(|s| s.strip_prefix("--data="))
                    .map(PathBuf::from)
            })
        });
    let use_cache = !args.iter().any(|a| a == "--no-cache");
    if let (Some(dir), true, Some(cache_dir)) = (&dir, use_cache, crate::cache::location()) {
        if let Some(names) = crate::cache::names::cached(dir, &cache_dir) {
            return names;
        }
    }
    crate::cache::load_dataset(dir.as_deref(), use_cache)
        .map(|loaded| Names::of(&loaded.graph))
        .unwrap_or_default()
}
