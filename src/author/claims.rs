//! Claims from a spreadsheet: one row per claim in a CSV or TSV file, turned into a new
//! data file of the dataset, every row checked as `linkage add` checks one claim.
//!
//! A scholar encodes in the tool they already use; the columns are the fields of a claim
//! (docs/authoring.md). Every row with a problem is reported with its line, and then
//! nothing is written: half a spreadsheet in the data would be worse than none.

use std::{
    fs,
    path::{Path, PathBuf},
};

use serde_json::{json, Value};

use crate::{
    author::add::{prepare, validate, NewClaim, NewLabels, Scratch},
    diagnostic::Diagnostic,
    error::Error,
    load::{load, DataSource},
    write::write_atomically,
};

/// The columns a claims file may have; `from`, `paper` and `quote` are required, and
/// `relation` and `to` (a relation) or `property` and `value` (a fact). They are the
/// columns of `export --format evidence-csv`, so an exported table imports back:
/// `citation`, `first_line` and `last_line` are derived from the data and the texts,
/// and ignored here.
pub const COLUMNS: &[&str] = &crate::formats::evidence::COLUMNS;

/// The cells every row fills.
const REQUIRED: &[&str] = &["from", "paper", "quote"];
/// The cells a relation's row fills besides.
const RELATION: &[&str] = &["relation", "to"];
/// The cells a fact's row fills besides.
const FACT: &[&str] = &["property", "value"];

/// What an import wrote.
#[derive(Debug)]
pub struct Imported {
    /// The new data file.
    pub file: PathBuf,
    /// How many relations it holds.
    pub relations: usize,
    /// How many facts it holds.
    pub facts: usize,
    /// How many new nodes it declares.
    pub nodes: usize,
}

/// Reads `claims` (CSV, or TSV by its extension) into a new data file `into` of the
/// dataset `dir`, checking every quote against the texts in `texts`.
///
/// # Errors
/// [`Error::InvalidData`] with one diagnostic per row that does not check (its line
/// named), or the dataset's own problems with the new file; [`Error::Usage`] when `into`
/// exists already; [`Error::Io`] for unreadable or unwritable files.
pub fn import(dir: &Path, texts: &Path, claims: &Path, into: &Path) -> Result<Imported, Error> {
    if into.exists() {
        return Err(Error::Usage(format!(
            "{} exists; import writes a new data file: name another with --into",
            into.display()
        )));
    }
    let graph = load(&DataSource::Dir(dir.to_path_buf()))?.graph;
    let name = claims.display().to_string();
    let tab = claims
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
    let bytes = fs::read(claims).map_err(|e| Error::io("read", claims, e))?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tab { b'\t' } else { b',' })
        .flexible(false)
        .from_reader(bytes.as_slice());
    let headers = reader
        .headers()
        .map_err(|e| Error::InvalidData(vec![csv_problem(&name, &e)]))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase().replace([' ', '-'], "_"))
        .collect::<Vec<_>>();
    check_headers(&name, &headers)?;
    let scratch = Scratch::new(dir)?;
    let scratch_name = format!(
        "{}.json",
        into.file_stem().unwrap_or_default().to_string_lossy()
    );
    let mut problems = Vec::new();
    let mut nodes: Vec<Value> = Vec::new();
    let mut relations = Vec::new();
    let mut facts = Vec::new();
    for row in reader.records() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                problems.push(csv_problem(&name, &e));
                continue;
            }
        };
        let line = row
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        let field = |column: &str| -> Option<String> {
            let at = headers.iter().position(|h| h == column)?;
            row.get(at)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let claim = NewClaim {
            from: field("from").unwrap_or_default(),
            kind: field("relation").unwrap_or_default(),
            to: field("to").unwrap_or_default(),
            paper: field("paper").unwrap_or_default(),
            quote: field("quote").unwrap_or_default(),
            locator: field("locator"),
            aspect: field("aspect"),
            dimension: field("dimension"),
            from_position: field("from_position"),
            to_position: field("to_position"),
            note: field("note"),
            file: None,
            from_kind: field("from_kind"),
            to_kind: field("to_kind"),
            encoded_by: field("encoded_by"),
            reviewed_by: field("reviewed_by"),
            voice: field("voice"),
            extent: field("extent"),
            property: field("property"),
            value: field("value"),
        };
        let also = if claim.property.is_some() {
            FACT
        } else {
            RELATION
        };
        if let Some(missing) = REQUIRED.iter().chain(also).find(|c| field(c).is_none()) {
            problems.push(row_problem(
                &name,
                line,
                &format!("the `{missing}` cell is empty"),
            ));
            continue;
        }
        let labels = NewLabels {
            from: field("from_label"),
            to: field("to_label"),
            aspect: field("aspect_label"),
            dimension: field("dimension_label"),
        };
        let mut created = nodes.clone();
        let prepared = match prepare(&graph, texts, &claim, &labels, &mut created) {
            Ok(prepared) => prepared,
            Err(error) => {
                problems.push(row_problem(&name, line, &error.to_string()));
                continue;
            }
        };
        // The row alone, with the nodes it needs, loaded with the dataset: the loader's
        // own checks and messages, placed at the row.
        let array = if claim.property.is_some() {
            "facts"
        } else {
            "relations"
        };
        let alone = json!({"nodes": created, array: [prepared.record]});
        if let Err(found) = scratch.check(&scratch_name, &alone.to_string()) {
            for diagnostic in found {
                let mut message = diagnostic.message;
                if let Some(hint) = diagnostic.hint {
                    message = format!("{message} ({hint})");
                }
                problems.push(row_problem(&name, line, &message));
            }
            continue;
        }
        nodes = created;
        if claim.property.is_some() {
            merge(&mut facts, prepared.record);
        } else {
            merge(&mut relations, prepared.record);
        }
    }
    if !problems.is_empty() {
        return Err(Error::InvalidData(problems));
    }
    let mut file = json!({"nodes": nodes, "relations": relations});
    if !facts.is_empty() {
        file["facts"] = json!(facts);
    }
    let mut text = serde_json::to_string_pretty(&file).map_err(|e| Error::Usage(e.to_string()))?;
    text.push('\n');
    validate(dir, into, &text)?;
    write_atomically(into, text.as_bytes())?;
    Ok(Imported {
        file: into.to_path_buf(),
        relations: relations.len(),
        facts: facts.len(),
        nodes: nodes.len(),
    })
}

/// Adds `record` to `relations` (or facts), or, when one differing only in its sources
/// is there (an evidence table has one row per source), its source to that one's.
fn merge(relations: &mut Vec<Value>, record: Value) {
    let without_sources = |r: &Value| {
        let mut r = r.clone();
        if let Some(object) = r.as_object_mut() {
            object.remove("sources");
        }
        r
    };
    let same = without_sources(&record);
    match relations.iter_mut().find(|r| without_sources(r) == same) {
        Some(existing) => {
            if let (Some(sources), Some(new)) = (
                existing["sources"].as_array_mut(),
                record["sources"].as_array(),
            ) {
                sources.extend(new.iter().cloned());
            }
        }
        None => relations.push(record),
    }
}

fn check_headers(name: &str, headers: &[String]) -> Result<(), Error> {
    let mut problems = Vec::new();
    for header in headers {
        if !COLUMNS.contains(&header.as_str()) {
            problems.push(row_problem(
                name,
                1,
                &format!(
                    "unknown column `{header}`; the columns are {}",
                    COLUMNS.join(", ")
                ),
            ));
        }
    }
    let has = |column: &&str| headers.iter().any(|h| h == column);
    let kinds_of_row = if FACT.iter().all(has) && !RELATION.iter().all(has) {
        FACT
    } else {
        RELATION
    };
    for required in REQUIRED.iter().chain(kinds_of_row) {
        if !headers.iter().any(|h| h == required) {
            problems.push(row_problem(
                name,
                1,
                &format!("the header row has no `{required}` column"),
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidData(problems))
    }
}

fn row_problem(name: &str, line: usize, message: &str) -> Diagnostic {
    let mut diagnostic = Diagnostic::error(name, message.to_string());
    diagnostic.line = Some(line);
    diagnostic
}

fn csv_problem(name: &str, error: &csv::Error) -> Diagnostic {
    let line = error
        .position()
        .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
    let mut diagnostic = Diagnostic::error(name, format!("not a readable CSV row: {error}"));
    if line > 0 {
        diagnostic.line = Some(line);
    }
    diagnostic
}
