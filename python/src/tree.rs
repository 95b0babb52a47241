//! A query's answer held in Rust and read from Python a field at a time.
//!
//! A query's report is turned once into a `serde_json::Value` (its `--json`, keys in
//! the command's order) while the GIL is released; Python then holds a
//! [`JsonObject`] for it, and reading a field converts just that field: a string,
//! number, boolean or null becomes its Python value, a list a Python list, an object
//! another `JsonObject` over the same value. So a call costs Python the fields it
//! reads, not the whole answer (a `contested` answer is hundreds of kilobytes of
//! JSON), and no JSON text is written and parsed again between the two languages.
//! `to_python()` converts everything, for `to_dict()` and the tables.

use std::{collections::HashMap, sync::Arc};

use pyo3::{
    exceptions::{PyKeyError, PyRuntimeError},
    prelude::*,
    types::{PyDict, PyIterator, PyList, PyString},
    IntoPyObjectExt as _,
};
use serde_json::{Map, Value};

/// One step from an answer's root to one of its objects.
#[derive(Clone, Debug)]
enum Step {
    Key(Box<str>),
    Index(usize),
}

/// A JSON object of a query's answer, read as a mapping: `object["label"]`,
/// `object.get(key)`, `key in object`, `object.keys()`. Objects in it are
/// `JsonObject`s too, sharing the one answer.
#[pyclass(frozen, mapping, module = "linkage._native")]
pub(crate) struct JsonObject {
    root: Arc<Value>,
    /// Where this object is in `root` (a few steps: answers are shallow).
    at: Vec<Step>,
}

/// `value` (the whole answer) as Python: an object as a [`JsonObject`], anything else
/// converted.
pub(crate) fn answer_to_python(py: Python<'_>, value: Value) -> PyResult<Bound<'_, PyAny>> {
    let root = Arc::new(value);
    field(py, &root, &mut Vec::new(), &root)
}

impl JsonObject {
    /// This object's members.
    fn members(&self) -> PyResult<&Map<String, Value>> {
        let mut value = &*self.root;
        for step in &self.at {
            let next = match step {
                Step::Key(key) => value.get(&**key),
                Step::Index(index) => value.get(*index),
            };
            value = next.ok_or_else(lost)?;
        }
        value.as_object().ok_or_else(lost)
    }

    /// The member `key`, converted as reading a field converts it.
    fn member<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let Some(value) = self.members()?.get(key) else {
            return Ok(None);
        };
        let mut at = self.at.clone();
        at.push(Step::Key(key.into()));
        field(py, &self.root, &mut at, value).map(Some)
    }
}

#[pymethods]
impl JsonObject {
    fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        self.member(py, key)?
            .ok_or_else(|| PyKeyError::new_err(key.to_owned()))
    }

    /// The member `key`, or `default` when the object has none.
    #[pyo3(signature = (key, default=None))]
    fn get<'py>(
        &self,
        py: Python<'py>,
        key: &str,
        default: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        match self.member(py, key)? {
            Some(value) => Ok(value),
            None => Ok(default.unwrap_or_else(|| py.None().into_bound(py))),
        }
    }

    fn __contains__(&self, key: &str) -> PyResult<bool> {
        Ok(self.members()?.contains_key(key))
    }

    fn __len__(&self) -> PyResult<usize> {
        Ok(self.members()?.len())
    }

    /// The keys, in the order the command's `--json` writes them.
    fn keys<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.members()?.keys())
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        self.keys(py)?.try_iter()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        match other.cast::<JsonObject>() {
            Ok(other) => Ok(self.members()? == other.get().members()?),
            Err(_) => Ok(false),
        }
    }

    /// The whole object as plain dicts, lists, strings, numbers, booleans and None
    /// (each key string made once per call).
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let members = self.members()?;
        let mut keys = HashMap::new();
        object(py, members, &mut keys).map(Bound::into_any)
    }
}

/// The error of a path that no longer leads to an object: cannot happen, as an answer
/// is never changed once made.
fn lost() -> PyErr {
    PyRuntimeError::new_err("linkage: an answer's object is missing from it")
}

/// `value`, found at `at` in `root`, as reading it gives it: an object as a
/// `JsonObject`, a list as a Python list of such fields, a scalar as its value.
fn field<'py>(
    py: Python<'py>,
    root: &Arc<Value>,
    at: &mut Vec<Step>,
    value: &Value,
) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Value::Object(_) => Bound::new(
            py,
            JsonObject {
                root: Arc::clone(root),
                at: at.clone(),
            },
        )
        .map(Bound::into_any),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for (index, item) in items.iter().enumerate() {
                at.push(Step::Index(index));
                let converted = field(py, root, at, item);
                at.pop();
                list.append(converted?)?;
            }
            Ok(list.into_any())
        }
        scalar => plain(py, scalar, &mut HashMap::new()),
    }
}

/// `value` converted whole. `keys` holds the key strings made so far, since an
/// answer repeats a few dozen keys thousands of times.
fn plain<'py, 'v>(
    py: Python<'py>,
    value: &'v Value,
    keys: &mut HashMap<&'v str, Bound<'py, PyString>>,
) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Value::Null => Ok(py.None().into_bound(py)),
        Value::Bool(flag) => flag.into_bound_py_any(py),
        Value::Number(number) => {
            if let Some(whole) = number.as_i64() {
                whole.into_bound_py_any(py)
            } else if let Some(whole) = number.as_u64() {
                whole.into_bound_py_any(py)
            } else {
                number.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)
            }
        }
        Value::String(text) => Ok(PyString::new(py, text).into_any()),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(plain(py, item, keys)?)?;
            }
            Ok(list.into_any())
        }
        Value::Object(members) => object(py, members, keys).map(Bound::into_any),
    }
}

fn object<'py, 'v>(
    py: Python<'py>,
    members: &'v Map<String, Value>,
    keys: &mut HashMap<&'v str, Bound<'py, PyString>>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (key, value) in members {
        let key = keys
            .entry(key.as_str())
            .or_insert_with(|| PyString::new(py, key))
            .clone();
        dict.set_item(key, plain(py, value, keys)?)?;
    }
    Ok(dict)
}
