//! The library's typed [`Error`] as the exception of `linkage.errors` it is, each
//! variant's fields as the exception's attributes (never parsed back from a message).

use linkage::{
    diagnostic::{Diagnostic, Severity},
    error::Named,
    Error,
};
use pyo3::{
    prelude::*,
    types::{PyDict, PyList},
};

/// The exception of `linkage.errors` for `error`, its fields as keyword arguments.
pub(crate) fn to_exception(py: Python<'_>, error: Error) -> PyErr {
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
