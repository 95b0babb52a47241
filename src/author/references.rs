//! `linkage --data DIR import --format bibtex|csl-json FILE`: paper records from a
//! reference manager, added to the dataset or merged into the records it has.
//!
//! An entry is the record of a paper the dataset has when their DOIs are the same
//! (case aside), or, when the paper has no DOI or the entry none, when the paper's id is
//! the entry's key made an id (`Liu2025` is `liu2025`). It then sets each citation
//! field the entry gives (title, authors, year, venue, pages, DOI, URL) and leaves the
//! others as they are: a field the file lacks is never cleared. A field the paper had
//! marked `inferred` loses the mark once the entry gives it. A new paper gets the
//! entry's fields, a short citation made of them (`Liu & Liu (2025)`) when its authors'
//! family names and year are known, and as its text the PDF the entry links (`file`,
//! by its name) or else `ID.pdf`, which `check` then looks for in the texts directory.
//!
//! Records are written only into the data files the loader reads from the dataset: a
//! paper's own record where it is, new records into the first file (in name order) that
//! has a `papers` array, else `papers.json`. Every other byte of those files is kept,
//! the dataset with the changes is loaded as `check` would load it before anything is
//! written, and nothing is written when an entry cannot be placed.

use std::{
    fs,
    path::{Path, PathBuf},
};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::{
    author::{
        add::kebab_id,
        append::{append, replace},
        target::data_file,
    },
    error::Error,
    import::bibliography::Reference,
    load::{load, load_in_memory, DataSource},
    write::Destination,
};

/// What the import did to one paper's record.
#[derive(Debug, Clone, Serialize)]
pub struct RecordChange {
    /// The paper's id.
    pub paper: String,
    /// The entry's key in the file imported.
    pub key: String,
    /// `added`, `updated` or `unchanged`.
    pub action: &'static str,
    /// The data file holding the record.
    pub file: String,
    /// The fields set, each `{field, old, new}` (`old` absent for a field that was
    /// unknown), and `inferred` when the mark of an inferred field went.
    pub fields: Vec<FieldChange>,
}

/// One field the import set.
#[derive(Debug, Clone, Serialize)]
pub struct FieldChange {
    /// The field's name (`year`).
    pub field: &'static str,
    /// Its value before, when it had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    /// Its value now.
    pub new: Value,
    /// Whether the old value was marked inferred (the mark is gone).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub was_inferred: bool,
}

/// A data file of the dataset and the paper records in it.
struct DataFile {
    path: PathBuf,
    text: String,
    /// The ids of its `papers`, in order; `None` when it has no `papers` array.
    papers: Option<Vec<String>>,
}

/// Adds or updates the records of `references` in the dataset in `dir`.
///
/// # Errors
/// [`Error::Usage`] for an entry that cannot be placed (two entries for one paper, a
/// key naming a paper with another DOI, a key that makes no id), each named by its
/// line; [`Error::InvalidData`] when the dataset with the changes would not load;
/// [`Error::Io`] reading or writing.
pub fn import(
    dir: &Path,
    references: &[Reference],
    into: Option<&str>,
) -> Result<Vec<RecordChange>, Error> {
    let into = into
        .map(|name| data_file(dir, name, "--into"))
        .transpose()?;
    let graph = load(&DataSource::Dir(dir.to_path_buf()))?.graph;
    let mut files = data_files(dir)?;
    let mut changes = Vec::new();
    let mut problems = Vec::new();
    let mut claimed: Vec<String> = Vec::new();
    for reference in references {
        let existing = graph
            .papers()
            .find(|p| same_doi(p.doi.as_deref(), reference.doi.as_deref()))
            .or_else(|| {
                let id = kebab_id(&reference.key)?;
                graph.paper(&id)
            });
        let target = if let Some(paper) = existing {
            if let (Some(have), Some(give)) = (&paper.doi, &reference.doi) {
                if !same_doi(Some(have), Some(give)) {
                    problems.push(format!(
                        "line {}: entry `{}` names paper `{}`, whose DOI is {have}, not {give}; give the entry another key",
                        reference.line, reference.key, paper.id
                    ));
                    continue;
                }
            }
            paper.id.clone()
        } else {
            let Some(id) = kebab_id(&reference.key) else {
                problems.push(format!(
                    "line {}: the key `{}` makes no id (letters or digits are needed)",
                    reference.line, reference.key
                ));
                continue;
            };
            id
        };
        if claimed.contains(&target) {
            problems.push(format!(
                "line {}: entry `{}` is a second record of paper `{target}`",
                reference.line, reference.key
            ));
            continue;
        }
        claimed.push(target.clone());
        let change = if existing.is_some() {
            update(&mut files, &target, reference)?
        } else {
            add(&mut files, dir, into.as_deref(), &target, reference)?
        };
        changes.push(change);
    }
    if !problems.is_empty() {
        return Err(Error::Usage(format!(
            "nothing was written:\n  {}",
            problems.join("\n  ")
        )));
    }
    let touched: Vec<&DataFile> = files
        .iter()
        .filter(|f| {
            changes
                .iter()
                .any(|c| c.action != "unchanged" && Path::new(&c.file) == f.path)
        })
        .collect();
    // Only files the loader reads, inside the dataset (no symlink out of it).
    for file in &touched {
        let name = file.path.file_name().unwrap_or_default().to_string_lossy();
        data_file(dir, &name, "the papers' records are in")?;
    }
    // The dataset as it would be, loaded as `check` loads it, before anything is
    // written: each file under its own name, so a problem names the file and line.
    load_in_memory(
        files
            .iter()
            .map(|f| (f.path.display().to_string(), f.text.clone().into_bytes()))
            .collect(),
    )?;
    for file in touched {
        Destination::data_file(&file.path).write(file.text.as_bytes())?;
    }
    Ok(changes)
}

/// The dataset's data files, in name order (the files the loader reads).
fn data_files(dir: &Path) -> Result<Vec<DataFile>, Error> {
    let paths = crate::load::data_paths(dir)?;
    paths
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).map_err(|e| Error::io("read", &path, e))?;
            let papers = serde_json::from_str::<Value>(&text)
                .ok()
                .and_then(|v| v.get("papers")?.as_array().cloned())
                .map(|papers| {
                    papers
                        .iter()
                        .map(|p| {
                            p.get("id")
                                .and_then(Value::as_str)
                                .unwrap_or_default()
                                .to_string()
                        })
                        .collect()
                });
            Ok(DataFile { path, text, papers })
        })
        .collect()
}

/// Whether two author lists name the same people in the same order, each name's words
/// in any order: `Tan Mingjiao` (family name first, as the shipped data writes Chinese
/// names) is the `Mingjiao Tan` a reference manager writes, and is kept as it is.
fn same_people(old: &Value, new: &Value) -> bool {
    let names = |value: &Value| -> Option<Vec<Vec<String>>> {
        value
            .as_array()?
            .iter()
            .map(|name| {
                let mut words: Vec<String> = name
                    .as_str()?
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect();
                words.sort();
                Some(words)
            })
            .collect()
    };
    names(old).is_some_and(|old| Some(old) == names(new))
}

/// Whether two DOIs are the same (case aside); `false` when either is unknown.
fn same_doi(a: Option<&str>, b: Option<&str>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.trim().eq_ignore_ascii_case(b.trim()))
}

/// The citation fields `reference` gives, in the data format's order.
fn given_fields(reference: &Reference) -> Vec<(&'static str, Value)> {
    let mut fields = Vec::new();
    let mut text = |name: &'static str, value: &Option<String>| {
        if let Some(value) = value {
            fields.push((name, Value::String(value.clone())));
        }
    };
    text("title", &reference.title);
    if let Some(authors) = &reference.authors {
        fields.push(("authors", Value::from(authors.clone())));
    }
    if let Some(year) = reference.year {
        fields.push(("year", Value::from(year)));
    }
    let mut text = |name: &'static str, value: &Option<String>| {
        if let Some(value) = value {
            fields.push((name, Value::String(value.clone())));
        }
    };
    text("venue", &reference.venue);
    text("pages", &reference.pages);
    text("doi", &reference.doi);
    text("url", &reference.url);
    fields
}

/// Sets the fields `reference` gives on paper `id`'s record where it is.
fn update(files: &mut [DataFile], id: &str, reference: &Reference) -> Result<RecordChange, Error> {
    let (file, index) = files
        .iter()
        .enumerate()
        .find_map(|(f, file)| {
            let at = file.papers.as_ref()?.iter().position(|p| p == id)?;
            Some((f, at))
        })
        .ok_or_else(|| {
            Error::Usage(format!(
                "the record of paper `{id}` is in no data file of the dataset"
            ))
        })?;
    let data = &mut files[file];
    let value: Value = serde_json::from_str(&data.text)
        .map_err(|e| Error::Usage(format!("{}: {e}", data.path.display())))?;
    let mut record: Map<String, Value> = value["papers"][index]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let mut fields = Vec::new();
    for (field, new) in given_fields(reference) {
        let old = record.get(field).filter(|v| !v.is_null()).cloned();
        if old.as_ref() == Some(&new)
            || (field == "authors" && old.as_ref().is_some_and(|old| same_people(old, &new)))
            || (field == "doi" && same_doi(old.as_ref().and_then(Value::as_str), new.as_str()))
        {
            continue;
        }
        let was_inferred = record
            .get_mut("inferred")
            .and_then(Value::as_object_mut)
            .is_some_and(|inferred| inferred.remove(field).is_some());
        if record
            .get("inferred")
            .and_then(Value::as_object)
            .is_some_and(Map::is_empty)
        {
            record.remove("inferred");
        }
        record.insert(field.to_string(), new.clone());
        fields.push(FieldChange {
            field,
            old,
            new,
            was_inferred,
        });
    }
    if fields.is_empty() {
        return Ok(RecordChange {
            paper: id.to_string(),
            key: reference.key.clone(),
            action: "unchanged",
            file: data.path.display().to_string(),
            fields,
        });
    }
    data.text = replace(&data.text, "papers", index, &Value::Object(record)).ok_or_else(|| {
        Error::Usage(format!(
            "{} is not a JSON object; `check` it first",
            data.path.display()
        ))
    })?;
    Ok(RecordChange {
        paper: id.to_string(),
        key: reference.key.clone(),
        action: "updated",
        file: data.path.display().to_string(),
        fields,
    })
}

/// Appends a new record for `reference` as paper `id`: into the file `into` (a data
/// file [`data_file`] allows), else the first with a `papers` array, else `papers.json`.
fn add(
    files: &mut Vec<DataFile>,
    dir: &Path,
    into: Option<&Path>,
    id: &str,
    reference: &Reference,
) -> Result<RecordChange, Error> {
    let first_with_papers = files.iter().position(|f| f.papers.is_some());
    let at = if let (None, Some(at)) = (into, first_with_papers) {
        at
    } else {
        let path = into.map_or_else(|| dir.join("papers.json"), Path::to_path_buf);
        if let Some(at) = files.iter().position(|f| f.path == path) {
            at
        } else {
            files.push(DataFile {
                path,
                text: "{}\n".to_string(),
                papers: Some(Vec::new()),
            });
            files.len() - 1
        }
    };
    let mut record = Map::new();
    record.insert("id".into(), id.into());
    if let Some(cite) = short_citation(reference) {
        record.insert("cite".into(), cite.into());
    }
    let fields = given_fields(reference);
    for (field, value) in &fields {
        record.insert((*field).to_string(), value.clone());
    }
    let file = reference
        .file
        .clone()
        .unwrap_or_else(|| format!("{id}.pdf"));
    record.insert("file".into(), file.clone().into());
    let data = &mut files[at];
    data.text = append(&data.text, "papers", &Value::Object(record)).ok_or_else(|| {
        Error::Usage(format!(
            "{} is not a JSON object; `check` it first",
            data.path.display()
        ))
    })?;
    if let Some(papers) = data.papers.as_mut() {
        papers.push(id.to_string());
    }
    Ok(RecordChange {
        paper: id.to_string(),
        key: reference.key.clone(),
        action: "added",
        file: data.path.display().to_string(),
        fields: fields
            .into_iter()
            .chain([("file", Value::String(file))])
            .map(|(field, new)| FieldChange {
                field,
                old: None,
                new,
                was_inferred: false,
            })
            .collect(),
    })
}

/// `Liu (2025)`, `Liu & Liu (2025)`, `Liu et al. (2025)`: when the authors' family
/// names (one for each author) and the year are known.
fn short_citation(reference: &Reference) -> Option<String> {
    let year = reference.year?;
    let authors = reference.authors.as_ref()?;
    if reference.families.len() != authors.len() || authors.is_empty() {
        return None;
    }
    let names = match reference.families.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} & {b}"),
        [a, ..] => format!("{a} et al."),
        [] => return None,
    };
    Some(format!("{names} ({year})"))
}
