//! `linkage._native`, the compiled half of the Python package: a thin bridge from
//! Python to the root crate, which does all the work.
//!
//! Nothing here answers a query. [`main`] is the binary's `main`
//! (`run::main_with_args`); [`Dataset::query`] and [`Dataset::answer`] parse a command
//! line with the binary's own parser and answer it with the binary's own dispatch
//! (`run::answer`) on a dataset loaded once, exactly as `linkage batch` does: `query`
//! returns the report's `--json` as Python data (`tree.rs`, converted a field at a
//! time as Python reads it), `answer` the very text the command prints. The Python
//! side (`linkage/`) wraps the data in small objects. The notes a command prints to
//! stderr come back as lines, which Python issues as warnings. Errors cross as the
//! library's typed [`Error`], each variant becoming its exception in `linkage.errors`
//! with its fields as attributes (`exceptions.rs`).

use std::{ffi::OsString, path::PathBuf, sync::Arc};

use clap::Parser as _;
use linkage::{
    cli::Cli,
    report::{write_human, Layout, Report, Style},
    run::{self, collecting_notes, Outcome, Session},
    Error, Loaded,
};
use pyo3::prelude::*;

mod exceptions;
mod tree;

use exceptions::to_exception;

/// Runs the `linkage` command on `argv` (the first word the program's name) and
/// returns its exit code: the binary's `main`, for the package's console script.
/// Output goes straight to the process's stdout and stderr (through the pager when
/// stdout is a terminal), as the binary's does.
#[pyfunction]
fn main(py: Python<'_>, argv: Vec<OsString>) -> u8 {
    py.detach(|| run::main_with_args(argv))
}

/// A dataset loaded once and validated: the shipped five papers or a directory.
#[pyclass(frozen, module = "linkage._native")]
struct Dataset {
    /// `--data DIR`, or `None` for the built-in papers.
    data: Option<PathBuf>,
    loaded: Arc<Loaded>,
}

/// Loads the dataset in `data` (a directory), or the built-in one when `None`, as
/// `linkage --data DIR` does (through the same cache). Returns it with the warnings
/// loading found, each as the command prints it.
#[pyfunction]
#[pyo3(signature = (data=None))]
fn load(py: Python<'_>, data: Option<PathBuf>) -> PyResult<(Dataset, Vec<String>)> {
    let loaded = py
        .detach(|| linkage::load_dataset(data.as_deref(), true))
        .map_err(|error| to_exception(py, error))?;
    let warnings = loaded.warnings.iter().map(ToString::to_string).collect();
    let dataset = Dataset {
        data,
        loaded: Arc::new(loaded),
    };
    Ok((dataset, warnings))
}

/// What a command line answered, with the notes the command would have printed to
/// stderr (each a line), which Python issues as warnings: a notebook never shows the
/// process's stderr.
type Answered<T> = (T, bool, Vec<String>);

#[pymethods]
impl Dataset {
    /// Answers the command line `words` (what would follow `linkage`) on this dataset:
    /// its output, with `json` in its `--json` form; whether it found anything (exit
    /// code 0, not 1); and its notes. The GIL is released while it runs.
    fn answer(&self, py: Python<'_>, words: Vec<String>, json: bool) -> PyResult<Answered<String>> {
        let (answered, notes) = py
            .detach(|| collecting_notes(|| self.run(words, json, |report| written(report, json))));
        match answered {
            Ok((text, outcome)) => Ok((text, outcome == Outcome::Found, notes)),
            Err(error) => Err(to_exception(py, error)),
        }
    }

    /// Answers the query `words` with its `--json` as Python data: the answer held in
    /// Rust, each field converted when Python reads it (`tree.rs`); whether it found
    /// anything; its notes. The query, and the JSON value made of its report, run with
    /// the GIL released.
    fn query<'py>(
        &self,
        py: Python<'py>,
        words: Vec<String>,
    ) -> PyResult<Answered<Bound<'py, PyAny>>> {
        let (answered, notes) =
            py.detach(|| collecting_notes(|| self.run(words, true, json_value)));
        match answered {
            Ok((value, outcome)) => {
                let answer = tree::answer_to_python(py, value)?;
                Ok((answer, outcome == Outcome::Found, notes))
            }
            Err(error) => Err(to_exception(py, error)),
        }
    }

    /// The Rust side of [`Dataset::query`] alone (the query answered and its JSON value
    /// made, then dropped), and whether it found anything: for
    /// `bench/python_overhead.py`, which takes it from the whole call's time.
    fn _rust_side(&self, py: Python<'_>, words: Vec<String>) -> PyResult<bool> {
        let answered = py.detach(|| self.run(words, true, json_value));
        answered
            .map(|(_, outcome)| outcome == Outcome::Found)
            .map_err(|error| to_exception(py, error))
    }

    /// The data directory, or `None` for the built-in papers.
    #[getter]
    fn data(&self) -> Option<PathBuf> {
        self.data.clone()
    }
}

impl Dataset {
    /// Parses `words` with the command's own parser and answers them on this dataset as
    /// `linkage batch` does (`run::answer` on a `Session::sharing` it); `finish` turns
    /// the report into what the caller returns. A failure the report carries (`check`
    /// with quotes not found) is returned as the error the command's exit code 2 is.
    fn run<T>(
        &self,
        words: Vec<String>,
        json: bool,
        finish: impl FnOnce(&dyn Report) -> Result<(T, Outcome), Error>,
    ) -> Result<(T, Outcome), Error> {
        let flag = json.then(|| "--json".to_owned());
        let argv = std::iter::once("linkage".to_owned())
            .chain(flag)
            .chain(words);
        let cli = Cli::try_parse_from(argv).map_err(|error| Error::Usage(usage(&error)))?;
        let mut session = Session::sharing(self.data.clone(), Arc::clone(&self.loaded));
        session.json = json;
        let report = run::answer(&cli, &session)?;
        let finished = finish(&*report)?;
        match report.failure() {
            Some(failure) => Err(failure),
            None => Ok(finished),
        }
    }
}

/// A report's JSON form as a value, and what it found.
fn json_value(report: &dyn Report) -> Result<(serde_json::Value, Outcome), Error> {
    let form = report.json().ok_or_else(no_json)?;
    let value = form
        .to_value()
        .map_err(|e| Error::Usage(format!("cannot make the answer: {e}")))?;
    Ok((value, report.outcome()))
}

fn no_json() -> Error {
    Error::Usage("this command has no JSON form".to_owned())
}

/// A report written as the command line writes it: its JSON form laid out as `--json`
/// prints it, or its human form without colours.
fn written(report: &dyn Report, json: bool) -> Result<(String, Outcome), Error> {
    let mut bytes = Vec::new();
    let wrote = if json {
        let form = report.json().ok_or_else(no_json)?;
        form.write_json(&mut bytes, Layout::Pretty)
            .map(|()| bytes.push(b'\n'))
    } else {
        write_human(report, &mut bytes, Style::Plain)
    };
    wrote.map_err(|e| Error::Usage(format!("cannot write the answer: {e}")))?;
    Ok((
        String::from_utf8_lossy(&bytes).into_owned(),
        report.outcome(),
    ))
}

/// clap's message for arguments it refused, without its `error: ` and the usage and
/// `--help` tips after it, which speak of the command line, not of the Python call.
fn usage(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let message = rendered.split("\n\n").next().unwrap_or_default();
    message
        .strip_prefix("error: ")
        .unwrap_or(message)
        .to_owned()
}

/// The version of the linkage crate this extension was built from.
const VERSION: &str = env!("CARGO_PKG_VERSION");

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(main, module)?)?;
    module.add_function(wrap_pyfunction!(load, module)?)?;
    module.add_class::<Dataset>()?;
    module.add_class::<tree::JsonObject>()?;
    module.add("__version__", VERSION)?;
    Ok(())
}
