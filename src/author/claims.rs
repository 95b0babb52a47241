//! Claims from a spreadsheet: one row per claim in a CSV or TSV file, turned into a new
//! data file of the dataset, every row checked as `linkage add` checks one claim.
//!
//! A scholar encodes in the tool they already use; the columns are the fields of a claim
//! (docs/authoring.md). Every row with a problem is reported with its line, and then
//! nothing is written: half a spreadsheet in the data would be worse than none.

use std::{
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
};

use crate::{
    author::{
        add::{prepare, NewClaim, NewLabels, NewRecord},
        target::data_file,
    },
    diagnostic::Diagnostic,
    error::Error,
    load::{load, load_with_change, DataSource},
    node::Node,
    records::{DataFile, SourceRecord},
    source_map::{line_columns, FileIndex},
    text_store::TextStore,
    write::Destination,
};

/// The columns a claims file may have; `from`, `paper` and `quote` are required, and
/// `relation` and `to` (a relation) or `property` and `value` (a fact). They are the
/// columns of `export --format evidence-csv`, so an exported table imports back:
/// `citation`, `first_line` and `last_line` are derived from the data and the texts,
/// and ignored here, as are `score` and `reason` of a sheet `suggest` drafted.
pub const COLUMNS: &[&str] = &crate::formats::evidence::COLUMNS;

/// A quote cell holding one of these repeats the quote of the row above (a sentence
/// listing five parts gives five rows with one quote).
const DITTO: &[&str] = &["\"", "〃", "ditto"];

/// Columns for the names of a node a row creates, besides the evidence table's:
/// aliases (several in one cell, separated by `;`) and the Chinese label.
pub const NODE_NAME_COLUMNS: &[&str] =
    &["from_aliases", "from_label_zh", "to_aliases", "to_label_zh"];

/// The aliases of an `…_aliases` cell: separated by `;` (a name may hold a comma).
fn aliases(cell: Option<&str>) -> Vec<String> {
    cell.into_iter()
        .flat_map(|cell| cell.split(';'))
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

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
    /// Whether the records were appended to a data file that was there.
    pub appended: bool,
}

/// Reads `claims` (CSV, or TSV by its extension) into a new data file of the dataset
/// `dir`, named `into` (a bare `NAME.json`; by default the spreadsheet's name with
/// `.json`), checking every quote against the texts in `texts`.
///
/// Every row is resolved and its quote found; then the dataset is loaded once with the
/// new file, as `check` would load it, and each problem the loader finds in the new file
/// is reported at the row it came from. Nothing is written unless every row checks.
///
/// # Errors
/// [`Error::InvalidData`] with one diagnostic per problem, each at its row of `claims`
/// (or in another data file it concerns); [`Error::Usage`] when `into` is not a name the
/// loader reads or exists already; [`Error::Io`] for unreadable or unwritable files.
pub fn import(
    dir: &Path,
    texts: &TextStore,
    claims: &Path,
    into: Option<&str>,
) -> Result<Imported, Error> {
    let into = if let Some(name) = into {
        data_file(dir, name, "--into")?
    } else {
        let stem = claims.file_stem().unwrap_or_default().to_string_lossy();
        data_file(dir, &format!("{stem}.json"), "the new data file")
            .map_err(|refused| Error::Usage(format!("{refused} with --into")))?
    };
    // A paper's claims belong in one file: importing into an existing one appends to
    // it, every byte already there kept (as `add` does).
    let before = match fs::symlink_metadata(&into) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io("read", &into, e)),
        Ok(meta) if !meta.is_file() => {
            return Err(Error::Usage(format!(
                "{} is not a plain file; import writes into a data file: name another with --into",
                into.display()
            )))
        }
        Ok(_) => Some(fs::read_to_string(&into).map_err(|e| Error::io("read", &into, e))?),
    };
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
    let mut problems = Vec::new();
    let mut file = NewFile::default();
    // The quote of the row above, for a row whose quote is a ditto mark.
    let mut quote_above: Option<String> = None;
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
        let quote = match field("quote") {
            Some(ditto) if DITTO.contains(&ditto.as_str()) => {
                let Some(above) = quote_above.clone() else {
                    problems.push(row_problem(
                        &name,
                        line,
                        &format!(
                            "the quote `{ditto}` repeats the quote above, but no row above has one"
                        ),
                    ));
                    continue;
                };
                Some(above)
            }
            quote => quote,
        };
        quote_above.clone_from(&quote);
        let field = |column: &str| -> Option<String> {
            if column == "quote" {
                return quote.clone();
            }
            field(column)
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
            scope: field("scope"),
            note: field("note"),
            file: None,
            from_kind: field("from_kind"),
            to_kind: field("to_kind"),
            from_aliases: aliases(field("from_aliases").as_deref()),
            from_label_zh: field("from_label_zh"),
            to_aliases: aliases(field("to_aliases").as_deref()),
            to_label_zh: field("to_label_zh"),
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
        let mut created = file.nodes.clone();
        match prepare(&graph, texts, &claim, &labels, &mut created) {
            Ok(prepared) => {
                let new = created.len() - file.nodes.len();
                file.node_rows.extend(std::iter::repeat_n(line, new));
                file.nodes = created;
                let fact = claim.property.is_some();
                if let Err(first) = file.merge(prepared.record, line, fact) {
                    let mut repeat = row_problem(
                        &name,
                        line,
                        "the same claim with the same quote is encoded twice",
                    );
                    repeat.hint = Some(format!("first at {name}:{first}"));
                    problems.push(repeat);
                }
            }
            Err(error) => problems.push(row_problem(&name, line, &error.to_string())),
        }
    }
    let text = match &before {
        None => file.text(),
        Some(before) => file.appended_to(before).ok_or_else(|| {
            Error::Usage(format!(
                "{} does not hold a JSON object; mend it (`linkage check` says where) before importing into it",
                into.display()
            ))
        })?,
    };
    // The rows that resolved, loaded with the dataset: the loader's own checks and
    // messages, each placed at its row. Done even when some rows failed above, so one
    // round reports every problem.
    if !file.relations.is_empty() || !file.facts.is_empty() {
        if let Err(error) = load_with_change(dir, &into, text.clone().into_bytes()) {
            let Error::InvalidData(found) = error else {
                return Err(error);
            };
            problems.extend(file.at_rows(&text, &into, &name, found));
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|d| (d.file != name, d.line.unwrap_or(0)));
        return Err(Error::InvalidData(problems));
    }
    Destination::data_file(&into).write(text.as_bytes())?;
    Ok(Imported {
        appended: before.is_some(),
        relations: file.relations.len(),
        facts: file.facts.len(),
        nodes: file.nodes.len(),
        file: into,
    })
}

/// The data file an import writes, with the row of the spreadsheet behind each record.
#[derive(Default)]
struct NewFile {
    /// New nodes, in the order rows created them.
    nodes: Vec<Node>,
    /// The line of the row that created each node.
    node_rows: Vec<usize>,
    /// Relations, each with the line of the row behind each of its sources.
    relations: Vec<(NewRecord, Vec<usize>)>,
    /// Facts, likewise.
    facts: Vec<(NewRecord, Vec<usize>)>,
    /// How many nodes, relations and facts the file held before (when appending).
    base: [usize; 3],
    /// The first line of the new records in the file's text (1 for a new file).
    first_new_line: usize,
}

impl NewFile {
    /// Adds `record` (from the row at `line`; a fact when `fact`), or, when one
    /// differing only in its sources is there (an evidence table has one row per
    /// source), its source to that one's. The same paper with the same words twice is
    /// the loader's "the same claim with the same quote": `Err` with the line of the
    /// first.
    fn merge(&mut self, mut record: NewRecord, line: usize, fact: bool) -> Result<(), usize> {
        let records = if fact {
            &mut self.facts
        } else {
            &mut self.relations
        };
        let without_sources = |r: &NewRecord| {
            let mut r = r.clone();
            r.sources_mut().clear();
            r
        };
        let same = without_sources(&record);
        let Some((existing, rows)) = records.iter_mut().find(|(r, _)| without_sources(r) == same)
        else {
            records.push((record, vec![line]));
            return Ok(());
        };
        let words = |source: &SourceRecord<'_>| {
            (
                source.paper.to_string(),
                source
                    .quote
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        };
        let sources = existing.sources_mut();
        for source in record.sources_mut().drain(..) {
            if let Some(at) = sources.iter().position(|s| words(s) == words(&source)) {
                return Err(rows[at]);
            }
            sources.push(source);
            rows.push(line);
        }
        Ok(())
    }

    /// The file's text, as `export` would lay it out.
    fn text(&self) -> String {
        let mut file = DataFile::of(Vec::new(), self.nodes.clone(), Vec::new());
        for (record, _) in self.relations.iter().chain(&self.facts) {
            match record.clone() {
                NewRecord::Relation(relation) => file.relations.push(relation),
                NewRecord::Fact(fact) => file.facts.push(fact),
            }
        }
        crate::output::json(&file)
    }

    /// `before` (an existing data file's text) with this file's nodes, relations and
    /// facts appended, every byte of `before` kept; `None` when `before` is not a JSON
    /// object.
    fn appended_to(&mut self, before: &str) -> Option<String> {
        let had: serde_json::Value = serde_json::from_str(before).ok()?;
        let count = |key: &str| had.get(key).and_then(|v| v.as_array()).map_or(0, Vec::len);
        self.base = [count("nodes"), count("relations"), count("facts")];
        let new: serde_json::Value = serde_json::from_str(&self.text()).ok()?;
        let mut text = before.to_string();
        for key in ["nodes", "relations", "facts"] {
            for record in new
                .get(key)
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
            {
                text = crate::author::append::append(&text, key, record)?;
            }
        }
        // Every appended record lies after the end of what was there, but for the lines
        // a new array's opening takes: new lines start where the texts first differ.
        let same = before
            .bytes()
            .zip(text.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        self.first_new_line = text[..same].matches('\n').count() + 1;
        Some(text)
    }

    /// The loader's problems with the dataset holding this file as `into` (its text
    /// `text`), those in the file placed at the rows of the spreadsheet `name` they came
    /// from; references into the file ("first at") too.
    fn at_rows(
        &self,
        text: &str,
        into: &Path,
        name: &str,
        found: Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        let rows = self.rows_by_line(text);
        let row_at = |line: usize| {
            let after = rows.partition_point(|&(start, _)| start <= line);
            rows[after.saturating_sub(1)].1
        };
        let into_name = into.display().to_string();
        let first_new = self.first_new_line.max(1);
        found
            .into_iter()
            .map(|mut d| {
                // A problem in what the file held before stays where it is.
                if d.file == into_name && d.line.is_some_and(|l| l >= first_new) {
                    d.file = name.to_string();
                    d.line = d.line.map(row_at);
                    d.column = None;
                    d.snippet = None;
                    d.snippet_offset = 0;
                }
                d.hint = d
                    .hint
                    .map(|hint| rows_in_hint(&hint, &into_name, name, first_new, row_at));
                d
            })
            .collect()
    }

    /// The first line of each node, relation and source in `text`, with the line of
    /// the row it came from, in order of lines.
    fn rows_by_line(&self, text: &str) -> Vec<(usize, usize)> {
        let mut pointers = Vec::new();
        let [nodes, relations, facts] = self.base;
        for (i, &row) in self.node_rows.iter().enumerate() {
            pointers.push((format!("/nodes/{}", nodes + i), row));
        }
        for (array, base, records) in [
            ("relations", relations, &self.relations),
            ("facts", facts, &self.facts),
        ] {
            for (i, (_, rows)) in records.iter().enumerate() {
                let i = base + i;
                pointers.push((format!("/{array}/{i}"), rows[0]));
                for (j, &row) in rows.iter().enumerate() {
                    pointers.push((format!("/{array}/{i}/sources/{j}"), row));
                }
            }
        }
        let mut index = FileIndex::new(text);
        let (offsets, rows): (Vec<usize>, Vec<usize>) = pointers
            .iter()
            .filter_map(|(pointer, row)| Some((index.offset(pointer)?, *row)))
            .unzip();
        let mut by_line: Vec<(usize, usize)> = line_columns(text, &offsets)
            .into_iter()
            .map(|(line, _)| line)
            .zip(rows)
            .collect();
        by_line.sort_by_key(|&(line, _)| line);
        if by_line.is_empty() {
            by_line.push((1, 1));
        }
        by_line
    }
}

/// `hint` with every place `into:LINE:COLUMN` at or after line `first_new` (the
/// imported records) turned into `name:ROW`.
fn rows_in_hint(
    hint: &str,
    into: &str,
    name: &str,
    first_new: usize,
    row_at: impl Fn(usize) -> usize,
) -> String {
    let prefix = format!("{into}:");
    let mut out = String::with_capacity(hint.len());
    let mut rest = hint;
    while let Some(at) = rest.find(&prefix) {
        out.push_str(&rest[..at]);
        let after = &rest[at + prefix.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let Some(line) = after[..digits]
            .parse::<usize>()
            .ok()
            .filter(|&line| line >= first_new)
        else {
            out.push_str(&prefix);
            rest = after;
            continue;
        };
        let mut end = digits;
        if let Some(column) = after[digits..].strip_prefix(':') {
            end += 1 + column.bytes().take_while(u8::is_ascii_digit).count();
        }
        let _ = write!(out, "{name}:{}", row_at(line));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn check_headers(name: &str, headers: &[String]) -> Result<(), Error> {
    let mut problems = Vec::new();
    for header in headers {
        if !COLUMNS.contains(&header.as_str())
            && !NODE_NAME_COLUMNS.contains(&header.as_str())
            && !crate::draft::SHEET_COLUMNS.contains(&header.as_str())
        {
            problems.push(row_problem(
                name,
                1,
                &format!(
                    "unknown column `{header}`; the columns are {}, {}",
                    COLUMNS.join(", "),
                    NODE_NAME_COLUMNS.join(", ")
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
