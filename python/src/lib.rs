//! `linkage._native`, the compiled half of the Python package: a thin bridge from
//! Python to the root crate, which does all the work.
//!
//! Nothing here answers a query. [`main`] is the binary's `main`
//! (`run::main_with_args`); [`Dataset::answer`] parses a command line with the
//! binary's own parser and answers it with the binary's own dispatch (`run::answer`)
//! on a dataset loaded once, exactly as `linkage batch` does, so each query returns
//! the very text (or `--json`) the command prints. The Python side (`linkage/`) wraps
//! that JSON in small objects. Errors cross as the library's typed [`Error`], each
//! variant becoming its exception in `linkage.errors` with its fields as attributes.

use std::{ffi::OsString, path::PathBuf, sync::Arc};

use clap::Parser as _;
use linkage::{
    cli::Cli,
    diagnostic::{Diagnostic, Severity},
    error::Named,
    report::{write_human, Layout, Report, Style},
    run::{self, Outcome, Session},
    Error, Loaded,
};
use pyo3::{
    prelude::*,
    types::{PyDict, PyList},
};

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

#[pymethods]
impl Dataset {
    /// Answers the command line `words` (what would follow `linkage`) on this dataset:
    /// its output, with `json` in its `--json` form, and whether it found anything
    /// (exit code 0, not 1). The GIL is released while it runs.
    fn answer(&self, py: Python<'_>, words: Vec<String>, json: bool) -> PyResult<(String, bool)> {
        let answered = py.detach(|| {
            let flag = json.then(|| "--json".to_owned());
            let argv = std::iter::once("linkage".to_owned())
                .chain(flag)
                .chain(words);
            let cli = Cli::try_parse_from(argv).map_err(|error| Error::Usage(usage(&error)))?;
            let mut session = Session::sharing(self.data.clone(), Arc::clone(&self.loaded));
            session.json = json;
            let report = run::answer(&cli, &session)?;
            written(&*report, json)
        });
        match answered {
            Ok((text, outcome)) => Ok((text, outcome == Outcome::Found)),
            Err(error) => Err(to_exception(py, error)),
        }
    }

    /// The data directory, or `None` for the built-in papers.
    #[getter]
    fn data(&self) -> Option<PathBuf> {
        self.data.clone()
    }
}

/// A report written as the command line writes it: its JSON form laid out as `--json`
/// prints it, or its human form without colours; then the failure it reports once
/// written (`check` with quotes not found), as the command's exit code 2 would be.
fn written(report: &dyn Report, json: bool) -> Result<(String, Outcome), Error> {
    let mut bytes = Vec::new();
    let wrote = if json {
        let form = report
            .json()
            .ok_or_else(|| Error::Usage("this command has no JSON form".to_owned()))?;
        form.write_json(&mut bytes, Layout::Pretty)
            .map(|()| bytes.push(b'\n'))
    } else {
        write_human(report, &mut bytes, Style::Plain)
    };
    wrote.map_err(|e| Error::Usage(format!("cannot write the answer: {e}")))?;
    if let Some(failure) = report.failure() {
        return Err(failure);
    }
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

/// The exception of `linkage.errors` for `error`, its fields as keyword arguments.
fn to_exception(py: Python<'_>, error: Error) -> PyErr {
    match build_exception(py, error) {
        Ok(exception) => exception,
        Err(failure) => failure,
    }
}

fn build_exception(py: Python<'_>, error: Error) -> PyResult<PyErr> {
    let errors = py.import("linkage.errors")?;
    let message = error.to_string();
    let fields = PyDict::new(py);
    let class = match error {
        Error::UnknownName {
            name, of, closest, ..
        } => {
            fields.set_item("name", name)?;
            fields.set_item("of", named(of))?;
            fields.set_item("closest", closest)?;
            "UnknownName"
        }
        Error::AmbiguousName {
            name,
            of,
            matches,
            total,
            ..
        } => {
            fields.set_item("name", name)?;
            fields.set_item("of", named(of))?;
            fields.set_item("matches", matches)?;
            fields.set_item("total", total)?;
            "AmbiguousName"
        }
        Error::InvalidData(diagnostics) => {
            let problems = PyList::empty(py);
            for diagnostic in &diagnostics {
                problems.append(problem(py, diagnostic)?)?;
            }
            fields.set_item("problems", problems)?;
            "DataError"
        }
        Error::Io {
            action,
            path,
            source,
        } => {
            fields.set_item("action", action)?;
            fields.set_item("path", path)?;
            fields.set_item("reason", source.to_string())?;
            "FileError"
        }
        Error::Usage(_) => "UsageError",
        Error::External(_) => "ExternalError",
    };
    let exception = errors.getattr(class)?.call((message,), Some(&fields))?;
    Ok(PyErr::from_value(exception))
}

/// One problem of the data as a `linkage.errors.Problem`.
fn problem<'py>(py: Python<'py>, diagnostic: &Diagnostic) -> PyResult<Bound<'py, PyAny>> {
    let fields = PyDict::new(py);
    let severity = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    fields.set_item("severity", severity)?;
    fields.set_item("file", &diagnostic.file)?;
    fields.set_item("line", diagnostic.line)?;
    fields.set_item("column", diagnostic.column)?;
    fields.set_item("message", &diagnostic.message)?;
    fields.set_item("hint", &diagnostic.hint)?;
    fields.set_item("text", diagnostic.to_string())?;
    py.import("linkage.errors")?
        .getattr("Problem")?
        .call((), Some(&fields))
}

fn named(of: Named) -> &'static str {
    match of {
        Named::Node => "node",
        Named::Paper => "paper",
    }
}

/// The version of the linkage crate this extension was built from.
const VERSION: &str = env!("CARGO_PKG_VERSION");

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(main, module)?)?;
    module.add_function(wrap_pyfunction!(load, module)?)?;
    module.add_class::<Dataset>()?;
    module.add("__version__", VERSION)?;
    Ok(())
}
