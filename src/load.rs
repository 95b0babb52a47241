//! Reading a dataset: files → parsed records → validated [`ConceptGraph`].
//!
//! Validation collects every problem before giving up, so a scholar fixes ten mistakes
//! in one round. Each check is linear in the size of the data (hash lookups, no pairwise
//! comparisons), so large graphs load in one pass.

mod facts;

use std::{
    borrow::Cow,
    collections::hash_map::Entry,
    ops::Range,
    path::{Path, PathBuf},
};

use hashbrown::HashTable;
use indexmap::IndexMap;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use serde::de::DeserializeOwned;
use serde_json::{value::RawValue, Value};

use crate::symbol::Symbol;
use crate::{
    adjacency::Adjacency,
    diagnostic::{Diagnostic, Severity},
    embedded,
    error::{Error, Result},
    graph::{ConceptGraph, DataFileText},
    node::{is_kebab_case, Node},
    paper::Paper,
    records::{DataFile, RawRelation, RelationRecord, SourceView},
    relation::{Extent, Origin, Positions, Relation, Source, Voice, MAX_LOCATOR_BYTES},
    schema::{Role, Schema},
    suggest::closest,
};

/// Where a dataset comes from.
#[derive(Debug, Clone)]
pub enum DataSource {
    /// The five papers compiled into the binary.
    Embedded,
    /// Every `*.json` file directly inside a directory.
    Dir(PathBuf),
}

/// A loaded graph and the warnings met on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The graph.
    pub graph: ConceptGraph,
    /// Problems that did not stop loading (a byte-order mark, say).
    pub warnings: Vec<Diagnostic>,
}

/// Loads and validates a dataset.
///
/// # Errors
/// [`Error::Io`] if a file cannot be read, [`Error::InvalidData`] with every problem
/// found otherwise.
pub fn load(source: &DataSource) -> Result<Loaded> {
    let mut loaded = match source {
        DataSource::Embedded => load_files(
            embedded::files()
                .map(|(name, text)| RawFile {
                    path: None,
                    name: format!("<embedded>/{name}"),
                    file_name: name.to_string(),
                    contents: Contents::Text(text),
                })
                .collect(),
        )?,
        DataSource::Dir(dir) => load_read(read_data_dir(dir)?)?,
    };
    loaded.graph.set_paper_texts(source.texts());
    Ok(loaded)
}

impl DataSource {
    /// Where the papers' texts of this dataset are: built in with the built-in one,
    /// `DIR/texts` beside a directory's data files when that exists.
    pub fn texts(&self) -> Option<crate::quotes::Texts> {
        match self {
            Self::Embedded => crate::quotes::Texts::for_check(None, None),
            Self::Dir(dir) => crate::quotes::Texts::for_check(None, Some(dir)),
        }
    }
}

/// A data file of a `--data` directory, as read from disk.
#[derive(Debug)]
pub struct ReadFile {
    /// The file's path (shown to the user as it is displayed).
    pub path: PathBuf,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Reads every `*.json` file directly inside `dir`, in name order: the files
/// [`load`] reads for [`DataSource::Dir`]. Split from loading so that the cache can key
/// a dataset by the very bytes it would load.
///
/// # Errors
/// [`Error::Io`] if the directory or a file cannot be read, [`Error::InvalidData`] if
/// it holds no data file.
pub fn read_data_dir(dir: &Path) -> Result<Vec<ReadFile>> {
    data_paths(dir)?
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).map_err(|e| Error::io("read", &path, e))?;
            Ok(ReadFile { path, bytes })
        })
        .collect()
}

/// The `*.json` files directly inside `dir`, in name order: the files [`read_data_dir`]
/// reads.
///
/// # Errors
/// As [`read_data_dir`].
pub fn data_paths(dir: &Path) -> Result<Vec<PathBuf>> {
    let paths = json_paths(dir)?;
    if paths.is_empty() {
        return Err(Error::InvalidData(vec![Diagnostic::error(
            dir.display().to_string(),
            "no data files: the directory has no *.json file",
        )
        .with_hint("a dataset is a directory of JSON files with `papers`, `nodes` and `relations`; see docs/data-format.md")]));
    }
    Ok(paths)
}

/// The `*.json` files directly inside `dir`, in name order, however many there are.
fn json_paths(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io("read directory", dir, e))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| Error::io("read directory", dir, e))?
            .path();
        if path.extension().is_some_and(|ext| ext == "json") && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

/// Loads the dataset in `dir` as it would be with its data file `changed` (one of its
/// `*.json` files, or a new one: `dir` joined with a bare `NAME.json`) holding
/// `contents`, writing nothing: how `add` and `import` check a change before making it.
///
/// The changed file is loaded after the others, so a problem the change brings (the
/// same claim twice, an id taken) is reported in the changed file, pointing at what it
/// meets in the files the user has; its places are lines and columns of `contents`.
///
/// # Errors
/// As [`load`].
pub fn load_with_change(dir: &Path, changed: &Path, contents: Vec<u8>) -> Result<Loaded> {
    let raw = |path: PathBuf, contents: Contents, held: bool| RawFile {
        name: path.display().to_string(),
        file_name: path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
        // Only a file read from disk may be let go and read again: the changed one's
        // text is what is checked, not what is on disk.
        path: (!held).then_some(path),
        contents,
    };
    let mut files = Vec::new();
    for path in json_paths(dir)? {
        if path != changed {
            let bytes = std::fs::read(&path).map_err(|e| Error::io("read", &path, e))?;
            files.push(raw(path, Contents::Bytes(bytes), false));
        }
    }
    files.push(raw(changed.to_path_buf(), Contents::Bytes(contents), true));
    load_files(files)
}

/// Loads and validates files read by [`read_data_dir`], as [`load`] does.
///
/// # Errors
/// [`Error::InvalidData`] with every problem found.
pub fn load_read(files: Vec<ReadFile>) -> Result<Loaded> {
    load_files(
        files
            .into_iter()
            .map(|file| RawFile {
                name: file.path.display().to_string(),
                file_name: file
                    .path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                contents: Contents::Bytes(file.bytes),
                path: Some(file.path),
            })
            .collect(),
    )
}

/// Loads and validates a dataset held in memory: `(name, contents)` pairs, read as the
/// `*.json` files of a directory would be (the one whose name ends in `schema.json` is
/// the schema). For tools that generate data, and for the fuzzer.
///
/// # Errors
/// [`Error::InvalidData`] with every problem found.
pub fn load_in_memory(files: Vec<(String, Vec<u8>)>) -> Result<Loaded> {
    load_files(
        files
            .into_iter()
            .map(|(name, bytes)| RawFile {
                path: None,
                file_name: name.rsplit('/').next().unwrap_or_default().to_string(),
                name,
                contents: Contents::Bytes(bytes),
            })
            .collect(),
    )
}

/// One input file before decoding.
struct RawFile {
    /// As shown to the user.
    name: String,
    /// Bare file name, to spot `schema.json`.
    file_name: String,
    contents: Contents,
    /// Where it was read from, if from disk: its text can then be let go after loading.
    path: Option<PathBuf>,
}

/// What a file holds: text already (the embedded files, compiled in as `&str`), or
/// bytes that are yet to be checked as UTF-8.
enum Contents {
    Text(&'static str),
    Bytes(Vec<u8>),
}

/// A problem whose place is known as a pointer until the end, when it becomes
/// line and column (computing those only for files that have problems).
struct Problem {
    file: usize,
    place: Place,
    severity: Severity,
    message: String,
    hint: Option<String>,
    /// Another place the hint refers to ("first defined at …"), as (words, file, pointer).
    see: Option<(&'static str, usize, String)>,
}

enum Place {
    File,
    LineColumn(usize, usize),
    /// A byte offset into the file's text.
    Offset(usize),
    Pointer(String),
}

#[derive(Default)]
struct Problems {
    list: Vec<Problem>,
    /// Ids of records that could not be read (a syntax error in their file, a wrong
    /// type, an unknown kind): references to them are not reported again as unknown.
    unavailable: FxHashSet<String>,
}

impl Problems {
    fn at(
        &mut self,
        file: usize,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> &mut Problem {
        self.push(file, Place::Pointer(pointer.into()), message)
    }

    fn push(&mut self, file: usize, place: Place, message: impl Into<String>) -> &mut Problem {
        self.list.push(Problem {
            file,
            place,
            severity: Severity::Error,
            message: message.into(),
            hint: None,
            see: None,
        });
        self.list.last_mut().expect("just pushed")
    }
}

impl Problem {
    fn hint(&mut self, hint: impl Into<String>) {
        self.hint = Some(hint.into());
    }

    /// Points the hint at another place, resolved to `file:line:column` at the end.
    fn see(&mut self, words: &'static str, file: usize, pointer: String) {
        self.see = Some((words, file, pointer));
    }
}

fn load_files(raw: Vec<RawFile>) -> Result<Loaded> {
    let mut problems = Problems::default();
    let mut texts: Vec<DataFileText> = Vec::with_capacity(raw.len() + 1);
    let mut schema_file = None;
    let mut data_files = Vec::new();
    for file in raw {
        let index = texts.len();
        let text = decode(index, file.contents, &mut problems);
        if file.file_name == "schema.json" {
            schema_file = Some(index);
        } else {
            data_files.push(index);
        }
        texts.push(DataFileText::new(file.name, text, file.path));
    }
    let schema_index = schema_file.unwrap_or_else(|| {
        texts.push(builtin_schema_text());
        texts.len() - 1
    });
    let schema = parse_schema(schema_index, texts[schema_index].text(), &mut problems);
    let parsed: Vec<ParsedFile> = data_files
        .iter()
        .filter(|&&i| !texts[i].text().is_empty())
        .filter_map(|&i| {
            if let Some(whole) = texts[i].built_in().and_then(|text| read_whole(i, text)) {
                return Some(whole);
            }
            let text = texts[i].text();
            parse_data_file(i, text, &mut problems).map(|d| ParsedFile::new(i, text, d))
        })
        .collect();
    // Even with syntax errors in some files, the others are validated, so one run
    // reports everything.
    let graph = schema.map(|schema| build(schema, parsed, &mut texts, &mut problems));
    let diagnostics = finish(problems, &texts);
    let (errors, warnings): (Vec<_>, Vec<_>) = diagnostics
        .into_iter()
        .partition(|d| d.severity == Severity::Error);
    match graph {
        Some(parts) if errors.is_empty() => Ok(Loaded {
            graph: parts.into_graph(texts),
            warnings,
        }),
        _ => Err(Error::InvalidData(
            errors.into_iter().chain(warnings).collect(),
        )),
    }
}

/// The built-in schema as a file of the dataset, for a directory without `schema.json`.
fn builtin_schema_text() -> DataFileText {
    DataFileText::new(
        "<built-in schema>".into(),
        Cow::Borrowed(Schema::builtin_text()),
        None,
    )
}

/// The texts a graph loaded from the files at `paths` keeps ([`ConceptGraph::files`]),
/// as loading leaves them: each let go, to be read again only if a later check needs a
/// place in it, then the built-in schema when no file is `schema.json`. For the cache,
/// which restores a graph from files whose bytes it has just hashed, without holding
/// them.
pub(crate) fn file_texts(paths: Vec<PathBuf>) -> Vec<DataFileText> {
    let has_schema = paths
        .iter()
        .any(|path| path.file_name().is_some_and(|name| name == "schema.json"));
    let mut texts: Vec<DataFileText> = paths
        .into_iter()
        .map(|path| DataFileText::on_disk(path.display().to_string(), path))
        .collect();
    if !has_schema {
        texts.push(builtin_schema_text());
    }
    texts
}

/// UTF-8 text of a file, or a problem saying why it has none.
fn decode(file: usize, contents: Contents, problems: &mut Problems) -> Cow<'static, str> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let bytes = match &contents {
        Contents::Text(text) => text.as_bytes(),
        Contents::Bytes(bytes) => bytes,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        problems
            .push(file, Place::File, "the file is empty")
            .hint("a data file is a JSON object, for example {\"nodes\": [], \"relations\": []}");
        return Cow::Borrowed("");
    }
    let has_bom = bytes.starts_with(BOM);
    if has_bom {
        let problem = problems.push(
            file,
            Place::LineColumn(1, 1),
            "the file starts with a UTF-8 byte-order mark; it was ignored",
        );
        problem.severity = Severity::Warning;
        problem.hint("save the file as UTF-8 without BOM");
    }
    let text = match contents {
        Contents::Text(text) => Ok(Cow::Borrowed(text)),
        Contents::Bytes(b) => String::from_utf8(b)
            .map(Cow::Owned)
            .map_err(|e| (e.utf8_error(), e.into_bytes())),
    };
    match text {
        // The three bytes of a BOM end on a character boundary of valid UTF-8.
        Ok(Cow::Borrowed(t)) if has_bom => Cow::Borrowed(&t[3..]),
        Ok(Cow::Owned(t)) if has_bom => Cow::Owned(t[3..].to_string()),
        Ok(t) => t,
        Err((e, b)) => {
            problems
                .unavailable
                .extend(ids_in_unreadable(&String::from_utf8_lossy(&b)));
            let valid = String::from_utf8_lossy(&b[..e.valid_up_to()]).into_owned();
            let (line, column) = crate::source_map::line_column(&valid, valid.len());
            problems
                .push(
                    file,
                    Place::LineColumn(line, column),
                    format!(
                        "the file is not valid UTF-8 (byte {} is not)",
                        e.valid_up_to()
                    ),
                )
                .hint("save the file with UTF-8 encoding");
            Cow::Borrowed("")
        }
    }
}

/// The most relation kinds a schema may declare: each edge stores its kind's index in
/// a `u16`.
pub(crate) const MAX_RELATION_KINDS: usize = u16::MAX as usize;

fn parse_schema(file: usize, text: &str, problems: &mut Problems) -> Option<Schema> {
    if text.is_empty() {
        return None;
    }
    match serde_json::from_str::<Schema>(text) {
        Ok(schema) => {
            let mut own = schema.problems();
            // Each edge stores its kind as a u16 index (a compact adjacency index).
            if schema.relation_kinds.len() > MAX_RELATION_KINDS {
                own.push((
                    "/relation_kinds".to_string(),
                    format!(
                        "the schema declares {} relation kinds; linkage supports at most {MAX_RELATION_KINDS}",
                        schema.relation_kinds.len()
                    ),
                ));
            }
            for (pointer, message) in &own {
                problems.at(file, pointer.clone(), message.clone());
            }
            own.is_empty().then_some(schema)
        }
        Err(e) => {
            problems.push(
                file,
                serde_place(text, &e),
                format!("invalid schema: {}", strip_position(&e)),
            );
            None
        }
    }
}

/// Built-in data files up to this size are read in one pass, relations and all. A
/// larger file keeps each relation as its JSON text, which `check_all` parses on every
/// core. A relation takes over 40 bytes of JSON, so a file this small holds fewer than
/// [`PARALLEL_FROM`] relations and would be checked on one thread anyway.
const READ_WHOLE_UP_TO: usize = 512 << 10;

/// Reads a built-in data file in one pass, relations and all, when it is small and
/// valid; `None` sends it down the usual path, which reports every problem. Only a
/// text that lives as long as the program may be read so: the relations borrow it, and
/// other files' texts are let go while loading.
fn read_whole(file: usize, text: &'static str) -> Option<ParsedFile> {
    // serde would also read a struct from an array of its fields; a data file is an object.
    if text.len() > READ_WHOLE_UP_TO || !text.trim_start().starts_with('{') {
        return None;
    }
    let data = serde_json::from_str::<DataFile<'static, RelationRecord<'static>>>(text).ok()?;
    Some(ParsedFile {
        file,
        papers: data.papers,
        nodes: data.nodes,
        facts: data.facts,
        relations: Held::Read(data.relations),
    })
}

/// Parses a data file. The fast path deserialises it in one go; only when that fails do
/// we go item by item, so every bad item is reported, not just the first.
fn parse_data_file<'a>(
    file: usize,
    text: &'a str,
    problems: &mut Problems,
) -> Option<DataFile<'a>> {
    // serde would also read a struct from an array of its fields; a data file is an object.
    let is_object = text.trim_start().starts_with('{');
    match serde_json::from_str::<DataFile<'_>>(text) {
        Ok(data) if is_object => return Some(data),
        Ok(_) => {
            problems
                .push(
                    file,
                    content_start(text),
                    "a data file must be a JSON object",
                )
                .hint("write {\"papers\": [...], \"nodes\": [...], \"relations\": [...]}");
            return None;
        }
        // Read it again item by item below, to report every problem with its place.
        Err(_) => {}
    }
    // A syntax error: the file's records cannot be read at all.
    if let Err(e) = serde_json::from_str::<&RawValue>(text) {
        let place = serde_place(text, &e);
        let trailing_comma = matches!(place, Place::Offset(at)
            if matches!(text.as_bytes().get(at), Some(b']' | b'}'))
                && text.get(..at).is_some_and(|before| before.trim_end().ends_with(',')));
        problems
            .push(
                file,
                place,
                format!("malformed JSON: {}", strip_position(&e)),
            )
            .hint(if trailing_comma {
                "remove the comma before this bracket: JSON allows no comma after the last item"
            } else {
                "check for a missing comma, quote or bracket just before this point"
            });
        problems.unavailable.extend(ids_in_unreadable(text));
        return None;
    }
    let Ok(map) = serde_json::from_str::<IndexMap<String, &RawValue>>(text) else {
        problems
            .push(
                file,
                content_start(text),
                "a data file must be a JSON object",
            )
            .hint("write {\"papers\": [...], \"nodes\": [...], \"relations\": [...]}");
        return None;
    };
    let mut data: DataFile<'_> = DataFile::default();
    for (key, value) in map {
        match key.as_str() {
            "$schema" => {}
            "papers" => data.papers = items(file, text, "papers", value, problems),
            "nodes" => data.nodes = items(file, text, "nodes", value, problems),
            "facts" => data.facts = items(file, text, "facts", value, problems),
            "relations" => {
                if let Some(values) = array(file, "relations", value, problems) {
                    data.relations = values.into_iter().map(RawRelation).collect();
                }
            }
            other => {
                // What the field holds is not read: the ids it defines are unavailable,
                // not unknown (`"node": [...]` for `"nodes"` is one mistake).
                problems.unavailable.extend(ids_in_unreadable(value.get()));
                let near = closest(
                    other,
                    ["papers", "nodes", "relations", "facts"].into_iter(),
                    1,
                );
                let problem = problems.at(
                    file,
                    format!("/{}", escape_pointer(other)),
                    format!("unknown top-level field `{other}`"),
                );
                problem.hint(if near.is_empty() {
                    "a data file has only `papers`, `nodes`, `relations` and `facts`".to_string()
                } else {
                    format!(
                        "did you mean {}? a data file has only `papers`, `nodes`, `relations` and `facts`",
                        quote_list(&near)
                    )
                });
            }
        }
    }
    Some(data)
}

/// Where the first non-blank character of `text` is.
fn content_start(text: &str) -> Place {
    Place::Offset(text.len() - text.trim_start().len())
}

/// RFC 6901 escaping of one pointer segment.
fn escape_pointer(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// The ids a file that could not be parsed would have defined, as far as its text
/// shows: every string value of an `"id"` key. References to them are not reported
/// as unknown, since the real mistake is the file's syntax.
fn ids_in_unreadable(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut ids = Vec::new();
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| rest.find("\"id\"")) {
        let mut pos = from + found + 4;
        from = pos;
        let skip_ws = |pos: &mut usize| {
            while bytes.get(*pos).is_some_and(u8::is_ascii_whitespace) {
                *pos += 1;
            }
        };
        skip_ws(&mut pos);
        if bytes.get(pos) != Some(&b':') {
            continue;
        }
        pos += 1;
        skip_ws(&mut pos);
        if bytes.get(pos) != Some(&b'"') {
            continue;
        }
        let start = pos + 1;
        // Ids with escapes are rare; an id is kebab-case.
        if let Some(len) = bytes
            .get(start..)
            .and_then(|rest| rest.iter().position(|&b| b == b'"' || b == b'\\'))
        {
            // Both ends are ASCII bytes, so this slice is on char boundaries.
            if let Some(id) = text.get(start..start + len) {
                ids.push(id.to_string());
            }
        }
    }
    ids
}

/// The items of array `field`, as slices of the file's text; a problem if not an array.
fn array<'a>(
    file: usize,
    field: &str,
    value: &'a RawValue,
    problems: &mut Problems,
) -> Option<Vec<&'a RawValue>> {
    let parsed = serde_json::from_str::<Vec<&RawValue>>(value.get()).ok();
    if parsed.is_none() {
        problems.at(
            file,
            format!("/{field}"),
            format!("`{field}` must be an array"),
        );
    }
    parsed
}

/// The records of `field` that parse; each that does not is reported once, with the
/// caret on the offending value (or key), and its id is remembered as unavailable so
/// references to it are not reported again as unknown.
fn items<T: DeserializeOwned>(
    file: usize,
    text: &str,
    field: &str,
    value: &RawValue,
    problems: &mut Problems,
) -> Vec<T> {
    let Some(values) = array(file, field, value, problems) else {
        return Vec::new();
    };
    let mut good = Vec::with_capacity(values.len());
    for (i, value) in values.into_iter().enumerate() {
        match serde_json::from_str::<T>(value.get()) {
            Ok(item) => good.push(item),
            Err(e) => {
                let singular = field.trim_end_matches('s');
                let id = record_id(value.get());
                let name = id.as_ref().map_or_else(
                    || format!("{singular} {}", i + 1),
                    |id| format!("{singular} `{id}`"),
                );
                let place = item_place(text, value.get(), &e)
                    .unwrap_or_else(|| Place::Pointer(format!("/{field}/{i}")));
                problems.push(file, place, format!("{name}: {}", strip_position(&e)));
                if let Some(id) = id {
                    problems.unavailable.insert(id);
                }
            }
        }
    }
    good
}

/// The string `id` of a record that failed to parse, to name it and to keep references
/// to it from being reported as unknown.
fn record_id(json: &str) -> Option<String> {
    let value: Value = serde_json::from_str(json).ok()?;
    value.get("id")?.as_str().map(str::to_string)
}

/// Where a parse error of `item` (a slice of the file's `text`) is: on the value of
/// the wrong type, or on the unknown key; on the item itself when a field is missing.
fn item_place(text: &str, item: &str, e: &serde_json::Error) -> Option<Place> {
    let start = crate::source_map::offset_in(text, item)?;
    if e.to_string().starts_with("missing field") {
        return Some(Place::Offset(start));
    }
    let end = crate::source_map::serde_offset(item, e.line(), e.column())?;
    Some(Place::Offset(
        start + crate::source_map::token_start(item, end),
    ))
}

/// A `serde_json` error position (line, byte column) in `text` as a place.
fn serde_place(text: &str, e: &serde_json::Error) -> Place {
    crate::source_map::serde_offset(text, e.line(), e.column()).map_or(Place::File, Place::Offset)
}

/// `serde_json` appends " at line L column C"; we print the place separately.
/// Rust's type names ("expected i32") are said in words a data author knows.
fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" at line ") {
        Some(i) => text.get(..i).unwrap_or(&text).to_string(),
        None => text,
    };
    text.replace("expected i32", "expected a whole number")
}

/// What validation builds before it knows whether the data is good.
struct Parts {
    schema: Schema,
    papers: IndexMap<String, Paper>,
    graph: DiGraph<Node, Relation>,
    /// Each edge's kind as its index in the schema, in edge order.
    kind_indices: Vec<u16>,
    /// Each edge's ends, in edge order, for the adjacency index.
    ends: Vec<(NodeIndex, NodeIndex)>,
    ids: crate::id_index::IdIndex,
    names: FxHashMap<String, NodeIndex>,
    /// Facts, in data order.
    facts: Vec<crate::fact::Fact>,
    /// Ids of papers and nodes whose records could not be used, already reported:
    /// a reference to one is not a second mistake.
    unavailable: FxHashSet<String>,
}

impl Parts {
    fn into_graph(self, files: Vec<DataFileText>) -> ConceptGraph {
        ConceptGraph {
            adjacency: Adjacency::from_ends(
                self.graph.node_count(),
                &self.ends,
                &self.kind_indices,
            ),
            schema: self.schema,
            papers: self.papers,
            graph: self.graph,
            kind_indices: self.kind_indices,
            ids: self.ids,
            names: self.names,
            facts: self.facts,
            files,
            paper_texts: crate::passage::PaperTexts::default(),
        }
    }
}

/// Where each id was first defined (file, record), for "already defined at" hints.
type Definitions = FxHashMap<String, (usize, ItemPointer)>;

fn build(
    schema: Schema,
    files: Vec<ParsedFile>,
    texts: &mut [DataFileText],
    problems: &mut Problems,
) -> Parts {
    let node_total = files.iter().map(|f| f.nodes.len()).sum();
    let relation_total = files.iter().map(|f| f.relations.len()).sum();
    let mut parts = Parts {
        schema,
        papers: IndexMap::new(),
        graph: DiGraph::with_capacity(node_total, relation_total),
        kind_indices: Vec::with_capacity(relation_total),
        ends: Vec::with_capacity(relation_total),
        ids: crate::id_index::IdIndex::with_capacity(node_total),
        names: FxHashMap::with_capacity_and_hasher(node_total * 2, FxBuildHasher),
        facts: Vec::new(),
        unavailable: std::mem::take(&mut problems.unavailable),
    };
    let mut paper_defs = Definitions::default();
    let mut node_defs = Definitions::with_capacity_and_hasher(node_total, FxBuildHasher);
    let mut relations = Vec::new();
    let mut facts = Vec::new();
    for data in files {
        let file = data.file;
        for (i, paper) in data.papers.into_iter().enumerate() {
            add_paper(&mut parts, &mut paper_defs, file, i, paper, problems);
        }
        for (i, node) in data.nodes.into_iter().enumerate() {
            add_node(&mut parts, &mut node_defs, file, i, node, problems);
        }
        relations.push((file, data.relations));
        facts.push((file, data.facts));
    }
    for (file, records) in facts {
        let checked = facts::check_facts(&parts, file, records, problems);
        parts.facts.extend(checked);
    }
    let mut merged = Merged::with_capacity(relation_total);
    for (file, spans) in relations {
        let checked = check_all(&parts, file, texts[file].text(), spans, problems);
        // The file's relations are all read: its text is no longer needed.
        texts[file].release();
        for relation in checked.into_iter().flatten().flatten() {
            insert_relation(&mut parts, &mut merged, relation, problems);
        }
    }
    parts
}

/// What build needs of a parsed data file.
struct ParsedFile {
    file: usize,
    papers: Vec<Paper>,
    nodes: Vec<Node>,
    facts: Vec<crate::fact::FactRecord>,
    relations: Held,
}

/// A file's relations: read with a built-in file ([`read_whole`]), or byte ranges of
/// the file's text, each parsed when checked. Ranges rather than borrowed slices, so
/// that the text can be let go file by file.
enum Held {
    Read(Vec<RelationRecord<'static>>),
    Spans(Vec<Range<usize>>),
}

impl Held {
    fn len(&self) -> usize {
        match self {
            Self::Read(records) => records.len(),
            Self::Spans(spans) => spans.len(),
        }
    }
}

impl ParsedFile {
    /// Keeps the records of `data`, parsed from `text`, and where each relation is.
    fn new(file: usize, text: &str, data: DataFile<'_>) -> Self {
        let start = text.as_ptr().addr();
        Self {
            file,
            papers: data.papers,
            nodes: data.nodes,
            facts: data.facts,
            relations: Held::Spans(
                data.relations
                    .iter()
                    .map(|raw| {
                        let at = raw.json().as_ptr().addr() - start;
                        at..at + raw.json().len()
                    })
                    .collect(),
            ),
        }
    }
}

/// Below this many relations in a file, checking them on one thread is faster than
/// starting more.
const PARALLEL_FROM: usize = 20_000;

/// Parses and checks a file's relations (`spans` of its `text`), in order, as one list
/// per thread. Checking only reads the nodes and the schema, so large files are split
/// across the machine's cores; insertion, which merges claims in data order, stays on
/// one thread. The lists are not joined into one: that would hold a file's checked
/// relations twice.
fn check_all(
    parts: &Parts,
    file: usize,
    text: &str,
    relations: Held,
    problems: &mut Problems,
) -> Vec<Vec<Option<Relation>>> {
    let spans = match relations {
        // Read with the file: one pass already made, one thread is enough.
        Held::Read(records) => {
            return vec![records
                .into_iter()
                .enumerate()
                .map(|(i, record)| check_relation(parts, file, i, record, problems))
                .collect()];
        }
        Held::Spans(spans) => spans,
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(8);
    if threads < 2 || spans.len() < PARALLEL_FROM {
        return vec![spans
            .iter()
            .enumerate()
            .map(|(i, span)| check_raw(parts, file, text, i, span, problems))
            .collect()];
    }
    let chunk = spans.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = spans
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                scope.spawn(move || {
                    let mut found = Problems::default();
                    let checked: Vec<Option<Relation>> = part
                        .iter()
                        .enumerate()
                        .map(|(k, span)| {
                            check_raw(parts, file, text, c * chunk + k, span, &mut found)
                        })
                        .collect();
                    (checked, found)
                })
            })
            .collect();
        let mut all = Vec::with_capacity(workers.len());
        for worker in workers {
            let (checked, found) = worker.join().expect("checking a relation does not panic");
            all.push(checked);
            problems.list.extend(found.list);
        }
        all
    })
}

/// Parses relation `i` (0-based) of `file`, whose text is `text`, and checks it.
fn check_raw(
    parts: &Parts,
    file: usize,
    text: &str,
    i: usize,
    span: &Range<usize>,
    problems: &mut Problems,
) -> Option<Relation> {
    let json = &text[span.clone()];
    match serde_json::from_str::<RelationRecord<'_>>(json) {
        Ok(record) => check_relation(parts, file, i, record, problems),
        Err(e) => {
            let place = item_place(text, json, &e)
                .unwrap_or_else(|| Place::Pointer(format!("/relations/{i}")));
            problems.push(
                file,
                place,
                format!("relation {}: {}", i + 1, strip_position(&e)),
            );
            None
        }
    }
}

fn add_paper(
    parts: &mut Parts,
    defs: &mut Definitions,
    file: usize,
    i: usize,
    paper: Paper,
    problems: &mut Problems,
) {
    let at = ItemPointer("papers", i);
    if paper.id.trim().is_empty() {
        problems.at(file, format!("{at}/id"), "paper has an empty id");
        return;
    }
    if paper.file.trim().is_empty() {
        problems
            .at(
                file,
                format!("{at}/file"),
                format!("paper `{}` names no text file", paper.id),
            )
            .hint("`file` is the name of the paper's plain-text file, used by `check --sources`");
    } else if let Some(reason) = crate::quotes::unsafe_text_name(&paper.file) {
        problems
            .at(
                file,
                format!("{at}/file"),
                format!("the `file` of paper `{}` {reason}", paper.id),
            )
            .hint("quotes are checked against `DIR/<file>`; linkage reads no text outside DIR");
    }
    match defs.entry(paper.id.clone()) {
        Entry::Occupied(first) => {
            let (first_file, first_at) = *first.get();
            problems
                .at(
                    file,
                    format!("{at}/id"),
                    format!("duplicate paper id `{}`", paper.id),
                )
                .see("first defined at", first_file, format!("{first_at}/id"));
        }
        Entry::Vacant(slot) => {
            slot.insert((file, at));
            parts.papers.insert(paper.id.clone(), paper);
        }
    }
}

fn add_node(
    parts: &mut Parts,
    defs: &mut Definitions,
    file: usize,
    i: usize,
    node: Node,
    problems: &mut Problems,
) {
    let at = ItemPointer("nodes", i);
    let mut ok = true;
    if !is_kebab_case(&node.id) {
        ok = false;
        problems
            .at(
                file,
                format!("{at}/id"),
                format!("node id `{}` is not kebab-case", node.id),
            )
            .hint("ids are lower-case words joined by hyphens, like `rural-revitalization`");
    }
    if !parts.schema.node_kinds.contains_key(node.kind.as_str()) {
        ok = false;
        let kinds: Vec<&str> = parts.schema.node_kinds.keys().map(String::as_str).collect();
        let near = closest(&node.kind, kinds.iter().copied(), 3);
        problems
            .at(
                file,
                format!("{at}/kind"),
                format!("unknown node kind `{}` for node `{}`", node.kind, node.id),
            )
            .hint(if near.is_empty() {
                format!("node kinds: {}", kinds.join(", "))
            } else {
                format!(
                    "did you mean {}? (node kinds: {})",
                    quote_list(&near),
                    kinds.join(", ")
                )
            });
    }
    if node.label.trim().is_empty() {
        ok = false;
        problems.at(
            file,
            format!("{at}/label"),
            format!("node `{}` has an empty label", node.id),
        );
    }
    if let Some((first_file, first_at)) = defs.get(&node.id) {
        problems
            .at(
                file,
                format!("{at}/id"),
                format!("duplicate node id `{}`", node.id),
            )
            .see("first defined at", *first_file, format!("{first_at}/id"));
        return;
    }
    defs.insert(node.id.clone(), (file, at));
    if !ok {
        parts.unavailable.insert(node.id);
        return;
    }
    let ix = parts.graph.add_node(node);
    let node = &parts.graph[ix];
    parts.ids.insert(&node.id, ix);
    // The label, then each alias by its position; pointers are formatted for a problem.
    let named = std::iter::once((None, &node.label))
        .chain(node.aliases.iter().enumerate().map(|(j, a)| (Some(j), a)));
    for (alias, name) in named {
        let key = name.to_lowercase();
        match parts.names.entry(key) {
            Entry::Occupied(owner) if *owner.get() != ix => {
                let other = &parts.graph[*owner.get()].id;
                let pointer = match alias {
                    None => format!("{at}/label"),
                    Some(j) => format!("{at}/aliases/{j}"),
                };
                problems
                    .at(file, pointer, format!("name \"{name}\" of node `{}` already belongs to node `{other}`", node.id))
                    .hint("names (labels and aliases) are compared case-insensitively and must be unique; merge the nodes or drop the alias");
            }
            Entry::Occupied(_) => {}
            Entry::Vacant(slot) => {
                slot.insert(ix);
            }
        }
    }
}

/// Resolves one relation record, reporting every problem in it. `None` if any.
fn check_relation(
    parts: &Parts,
    file: usize,
    i: usize,
    record: RelationRecord<'_>,
    problems: &mut Problems,
) -> Option<Relation> {
    let at = ItemPointer("relations", i);
    // Positions are shown counting from 1: "relation 6" is the sixth.
    let n = i + 1;
    let before = problems.list.len();
    let node = |field: &str, id: &str, problems: &mut Problems| -> Option<NodeIndex> {
        let found = parts.ids.get(id).copied();
        if found.is_none() && !parts.unavailable.contains(id) {
            let problem = problems.at(
                file,
                format!("{at}/{field}"),
                format!("unknown node `{id}` in `{field}` of relation {n}"),
            );
            let near = closest(id, parts.graph.node_weights().map(|n| n.id.as_str()), 3);
            if !near.is_empty() {
                problem.hint(format!("did you mean {}?", quote_list(&near)));
            }
        }
        found
    };
    let kind = parts.schema.relation_kinds.get(record.kind.as_ref());
    if kind.is_none() {
        let near = closest(
            &record.kind,
            parts.schema.relation_kinds.keys().map(String::as_str),
            3,
        );
        let problem = problems.at(
            file,
            format!("{at}/kind"),
            format!("unknown relation kind `{}`", record.kind),
        );
        let all: Vec<&str> = parts
            .schema
            .relation_kinds
            .keys()
            .map(String::as_str)
            .collect();
        problem.hint(if near.is_empty() {
            format!("relation kinds: {}", all.join(", "))
        } else {
            format!("did you mean {}?", quote_list(&near))
        });
    }
    let from = node("from", &record.from, problems);
    let to = node("to", &record.to, problems);
    let scope = record
        .scope
        .as_deref()
        .map(|scope| node("scope", scope, problems));
    if let (Some(from), Some(to)) = (from, to) {
        if from == to {
            problems.at(
                file,
                format!("{at}/to"),
                format!("relation {n} links `{}` to itself", record.from),
            );
        }
    }
    if let Some(kind) = kind {
        for (end, ix, allowed, list) in [
            (
                "from",
                from,
                from.map(|f| kind.allows_from(parts.graph[f].kind)),
                &kind.from,
            ),
            (
                "to",
                to,
                to.map(|t| kind.allows_to(parts.graph[t].kind)),
                &kind.to,
            ),
        ] {
            if allowed == Some(false) {
                let n = &parts.graph[ix.expect("allowed is Some only with a node")];
                problems
                    .at(
                        file,
                        format!("{at}/{end}"),
                        format!(
                            "`{}` cannot have a {} node at its `{end}` end (`{}` is a {})",
                            record.kind, n.kind, n.id, n.kind
                        ),
                    )
                    .hint(format!(
                        "`{}` allows {} there",
                        record.kind,
                        list.join(", ")
                    ));
            }
        }
        check_role(parts, file, at, &record, kind.role, problems);
    }
    if record.sources.is_empty() {
        problems
            .at(file, at.to_string(), format!("relation {n} (`{}` from `{}` to `{}`) has no source", record.kind, record.from, record.to))
            .hint("add \"sources\": [{\"paper\": ..., \"locator\": ..., \"quote\": ...}] with a verbatim quote");
    }
    for (j, source) in record.sources.iter().enumerate() {
        check_source(
            parts,
            file,
            &format_args!("{at}/sources/{j}"),
            &format_args!("relation {n}"),
            j,
            source.fields(),
            problems,
        );
    }
    if problems.list.len() > before {
        return None;
    }
    let id = |field: &Option<Cow<'_, str>>| {
        field
            .as_ref()
            .and_then(|id| parts.ids.get(id.as_ref()).copied())
    };
    let (aspect, dimension) = (id(&record.aspect), id(&record.dimension));
    // Not `collect()`: it would reuse the parsed records' buffer in place, which serde
    // grew to room for four, so each of a million relations would keep 256 bytes for
    // its one source.
    let mut sources = Vec::with_capacity(record.sources.len());
    sources.extend(record.sources.iter().enumerate().map(|(j, s)| {
        let origin = Origin {
            file: u32::try_from(file).unwrap_or(u32::MAX),
            relation: u32::try_from(i).unwrap_or(u32::MAX),
            source: u32::try_from(j).unwrap_or(u32::MAX),
            in_facts: false,
        };
        s.fields().to_source(origin)
    }));
    Some(Relation {
        kind: Symbol::new(&record.kind),
        from: from?,
        to: to?,
        aspect,
        dimension,
        scope: scope.flatten(),
        positions: record.positions.map(Box::new),
        sources,
        notes: record.note.into_iter().map(Cow::into_owned).collect(),
    })
}

/// The JSON pointer of an item (`/relations/3`), formatted only when a problem needs it:
/// building a million pointer strings for valid data would be wasted work.
#[derive(Debug, Clone, Copy)]
struct ItemPointer(&'static str, usize);

impl std::fmt::Display for ItemPointer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "/{}/{}", self.0, self.1)
    }
}

/// Checks source `j` (0-based) of `item` ("relation 6", "fact 2") at pointer `at`: it
/// names a known paper and carries a quote; its locator fits; the names of who encoded
/// and reviewed it are names; its voice and extent are ones linkage knows. The one check
/// of a source, for relations and facts alike. An omitted locator is derived from the
/// text by `check` (src/quotes.rs). `at` and `item` are formatted only for a problem.
fn check_source(
    parts: &Parts,
    file: usize,
    at: &dyn std::fmt::Display,
    item: &dyn std::fmt::Display,
    j: usize,
    source: SourceView<'_>,
    problems: &mut Problems,
) {
    let k = j + 1;
    let paper = source.paper;
    if paper.is_empty() {
        problems.at(
            file,
            at.to_string(),
            format!("source {k} of {item} names no paper"),
        );
    } else if !parts.papers.contains_key(paper) && !parts.unavailable.contains(paper) {
        let near = closest(paper, parts.papers.keys().map(String::as_str), 3);
        let problem = problems.at(
            file,
            format!("{at}/paper"),
            format!("unknown paper `{paper}`"),
        );
        if !near.is_empty() {
            problem.hint(format!("did you mean {}?", quote_list(&near)));
        }
    }
    if source.quote.trim().is_empty() {
        problems
            .at(
                file,
                at.to_string(),
                format!("source {k} of {item} has no quote"),
            )
            .hint("every claim carries a sentence or clause copied verbatim from the paper");
    }
    if source.locator.len() > MAX_LOCATOR_BYTES {
        problems
            .at(
                file,
                format!("{at}/locator"),
                format!(
                    "the locator of source {k} of {item} is {} bytes long, more than {MAX_LOCATOR_BYTES}",
                    source.locator.len()
                ),
            )
            .hint("a locator names a section: its number or heading");
    }
    for (field, name) in [
        ("encoded_by", source.encoded_by),
        ("reviewed_by", source.reviewed_by),
    ] {
        let Some(name) = name else { continue };
        if name.trim().is_empty() || name.trim() != name || name.chars().any(char::is_control) {
            problems
                .at(
                    file,
                    format!("{at}/{field}"),
                    format!("`{field}` of source {k} of {item} is not a name: {name:?}"),
                )
                .hint("give the person's name (or initials), without surrounding spaces or control characters; leave the field out when it is not known");
        }
    }
    if let Some(voice) = source.voice.filter(|v| Voice::parse(v).is_none()) {
        problems
            .at(
                file,
                format!("{at}/voice"),
                format!("unknown voice `{voice}` in source {k} of {item}"),
            )
            .hint("`thesis` (the paper's own argument) or `reported` (the paper reporting others); leave it out when unsure");
    }
    if let Some(extent) = source.extent.filter(|e| Extent::parse(e).is_none()) {
        problems
            .at(
                file,
                format!("{at}/extent"),
                format!("unknown extent `{extent}` in source {k} of {item}"),
            )
            .hint("`sentence` (print the sentence the quote is in, the default) or `quote` (print the quote as encoded)");
    }
}

/// Checks the fields a relation kind's role requires or forbids.
fn check_role(
    parts: &Parts,
    file: usize,
    at: ItemPointer,
    record: &RelationRecord<'_>,
    role: Role,
    problems: &mut Problems,
) {
    let kind = &record.kind;
    let dimension_field = |field: &str,
                           value: &Option<Cow<'_, str>>,
                           required: bool,
                           problems: &mut Problems| match value {
        None if required => {
            problems
                .at(
                    file,
                    at.to_string(),
                    format!("`{kind}` relation lacks `{field}`"),
                )
                .hint(format!(
                    "`{field}` names the dimension node, for example \"dim-goals\""
                ));
        }
        None => {}
        Some(_) if !required => {
            problems.at(
                file,
                format!("{at}/{field}"),
                format!(
                    "`{field}` is only for {} relations, not `{kind}`",
                    if field == "aspect" {
                        "common-ground"
                    } else {
                        "difference"
                    }
                ),
            );
        }
        Some(id) => match parts.ids.get(id.as_ref()) {
            None if parts.unavailable.contains(id.as_ref()) => {}
            None => {
                let dims = parts
                    .graph
                    .node_weights()
                    .filter(|n| n.kind == "dimension")
                    .map(|n| n.id.as_str());
                let near = closest(id, dims, 3);
                let problem = problems.at(
                    file,
                    format!("{at}/{field}"),
                    format!("unknown dimension `{id}` in `{field}`"),
                );
                if !near.is_empty() {
                    problem.hint(format!("did you mean {}?", quote_list(&near)));
                }
            }
            Some(&ix) if parts.graph[ix].kind != "dimension" => {
                problems.at(
                    file,
                    format!("{at}/{field}"),
                    format!(
                        "`{field}` must name a dimension node, but `{id}` is a {}",
                        parts.graph[ix].kind
                    ),
                );
            }
            Some(_) => {}
        },
    };
    dimension_field(
        "aspect",
        &record.aspect,
        role == Role::CommonGround,
        problems,
    );
    dimension_field(
        "dimension",
        &record.dimension,
        role == Role::Difference,
        problems,
    );
    match (&record.positions, role == Role::Difference) {
        (None, true) => {
            problems
                .at(file, at.to_string(), format!("`{kind}` relation lacks `positions`"))
                .hint("give each side's position: \"positions\": {\"from\": \"...\", \"to\": \"...\"}");
        }
        (Some(_), false) => {
            problems.at(
                file,
                format!("{at}/positions"),
                format!("`positions` is only for difference relations, not `{kind}`"),
            );
        }
        (Some(Positions { from, to }), true) => {
            for (side, text) in [("from", from), ("to", to)] {
                if text.trim().is_empty() {
                    problems.at(
                        file,
                        format!("{at}/positions/{side}"),
                        format!("the `{side}` position is empty"),
                    );
                }
            }
        }
        (None, false) => {}
    }
}

/// What makes two claims the same relation. Symmetric kinds are keyed in one canonical
/// direction, so "A differs from B" and "B differs from A" (positions swapped) merge.
/// Only hashed and compared, never stored: the merge table holds edge indices and
/// rebuilds an edge's key from the graph when it needs it (4 bytes a relation while
/// loading, where a stored key took 40).
#[derive(Hash, PartialEq, Eq)]
struct RelationKey<'r> {
    kind: usize,
    from: NodeIndex,
    to: NodeIndex,
    aspect: Option<NodeIndex>,
    dimension: Option<NodeIndex>,
    scope: Option<NodeIndex>,
    /// Positions as read from `from` to `to`.
    positions: Option<Cow<'r, Positions>>,
}

impl<'r> RelationKey<'r> {
    /// The key of `relation`, of kind number `kind` in the schema.
    fn of(relation: &'r Relation, kind: usize, symmetric: bool) -> Self {
        let flip = symmetric && relation.from > relation.to;
        let (from, to) = if flip {
            (relation.to, relation.from)
        } else {
            (relation.from, relation.to)
        };
        Self {
            kind,
            from,
            to,
            aspect: relation.aspect,
            dimension: relation.dimension,
            scope: relation.scope,
            positions: relation.positions.as_deref().map(|p| {
                if flip {
                    Cow::Owned(p.swapped())
                } else {
                    Cow::Borrowed(p)
                }
            }),
        }
    }

    /// The key of an edge already in the graph.
    fn of_edge(parts: &'r Parts, edge: EdgeIndex) -> Self {
        let kind = usize::from(parts.kind_indices[edge.index()]);
        let symmetric = parts.schema.relation_kinds[kind].symmetric;
        Self::of(&parts.graph[edge], kind, symmetric)
    }

    fn hash(&self) -> u64 {
        use std::hash::BuildHasher;
        FxBuildHasher.hash_one(self)
    }
}

/// Relations already inserted, found by their [`RelationKey`].
type Merged = HashTable<EdgeIndex>;

fn insert_relation(
    parts: &mut Parts,
    merged: &mut Merged,
    mut relation: Relation,
    problems: &mut Problems,
) {
    let (kind, _, kind_def) = parts
        .schema
        .relation_kinds
        .get_full(relation.kind.as_str())
        .expect("relation kinds are checked before insertion");
    let key = RelationKey::of(&relation, kind, kind_def.symmetric);
    let hash = key.hash();
    let existing = merged
        .find(hash, |&edge| RelationKey::of_edge(parts, edge) == key)
        .copied();
    drop(key);
    if let Some(edge) = existing {
        let target = &mut parts.graph[edge];
        if !relation.notes.is_empty() {
            let mut notes = std::mem::take(&mut target.notes).into_vec();
            notes.extend(relation.notes);
            target.notes = notes.into_boxed_slice();
        }
        for source in relation.sources {
            match target.sources.iter().find(|t| same_claim(t, &source)) {
                Some(first) => report_repeat(problems, &source, first),
                None => target.sources.push(source),
            }
        }
        return;
    }
    if relation.sources.len() > 1 {
        let mut sources: Vec<Source> = Vec::with_capacity(relation.sources.len());
        for source in std::mem::take(&mut relation.sources) {
            match sources.iter().find(|t| same_claim(t, &source)) {
                Some(first) => report_repeat(problems, &source, first),
                None => sources.push(source),
            }
        }
        relation.sources = sources;
    }
    parts
        .kind_indices
        // Cannot fail: `parse_schema` refuses more than MAX_RELATION_KINDS kinds.
        .push(u16::try_from(kind).expect("at most MAX_RELATION_KINDS relation kinds"));
    parts.ends.push((relation.from, relation.to));
    let edge = parts.graph.add_edge(relation.from, relation.to, relation);
    let parts = &*parts;
    merged.insert_unique(hash, edge, |&edge| RelationKey::of_edge(parts, edge).hash());
}

/// Whether two sources are the same paper saying the same words. The same quote twice
/// on one relation is a copy-paste slip, not agreement. Compares as [`normalize_space`]
/// would, word by word, without building the normalised strings.
fn same_claim(a: &Source, b: &Source) -> bool {
    a.paper == b.paper
        && a.quote()
            .split_whitespace()
            .eq(b.quote().split_whitespace())
}

fn report_repeat(problems: &mut Problems, repeat: &Source, first: &Source) {
    problems
        .at(
            repeat.origin.file as usize,
            repeat.origin.quote_pointer(),
            "the same claim with the same quote is encoded twice",
        )
        .see(
            "first at",
            first.origin.file as usize,
            first.origin.quote_pointer(),
        );
}

/// Collapses runs of white space to one space and trims, as quotes are compared.
pub fn normalize_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn quote_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Turns problems into diagnostics, resolving pointers to lines and columns and
/// sorting by file and place so output is stable. Each file is indexed once and its
/// offsets become lines and columns in one sweep, so thousands of problems in one
/// large file cost about one pass over it, not one pass each.
fn finish(problems: Problems, texts: &[DataFileText]) -> Vec<Diagnostic> {
    let text_of = |file: usize| texts.get(file).map_or("", DataFileText::text);
    let name_of = |file: usize| texts.get(file).map_or_else(String::new, |t| t.name.clone());
    let mut indexes: Vec<Option<crate::source_map::FileIndex<'_>>> =
        texts.iter().map(|_| None).collect();
    let mut offset_of = |file: usize, pointer: &str| -> Option<usize> {
        let slot = indexes.get_mut(file)?;
        slot.get_or_insert_with(|| crate::source_map::FileIndex::new(text_of(file)))
            .offset(pointer)
    };
    // Each problem's place, and that of its "see" hint, as a byte offset where known.
    let mut resolved = Vec::with_capacity(problems.list.len());
    for p in problems.list {
        let see = p
            .see
            .as_ref()
            .map(|(words, file, pointer)| (*words, *file, offset_of(*file, pointer)));
        let place = match &p.place {
            Place::File => Resolved::Nowhere,
            Place::LineColumn(l, c) => Resolved::LineColumn(*l, *c),
            Place::Offset(offset) => Resolved::Offset(*offset),
            Place::Pointer(pointer) => {
                offset_of(p.file, pointer).map_or(Resolved::Nowhere, Resolved::Offset)
            }
        };
        resolved.push((p, place, see));
    }
    // Every offset wanted in each file, turned into lines and columns in one sweep.
    let mut wanted: Vec<Vec<usize>> = vec![Vec::new(); texts.len()];
    for (p, place, see) in &resolved {
        if let (Resolved::Offset(offset), Some(list)) = (place, wanted.get_mut(p.file)) {
            list.push(*offset);
        }
        if let Some((_, file, Some(offset))) = see {
            if let Some(list) = wanted.get_mut(*file) {
                list.push(*offset);
            }
        }
    }
    let places: Vec<FxHashMap<usize, (usize, usize)>> = wanted
        .iter()
        .enumerate()
        .map(|(file, offsets)| {
            if offsets.is_empty() {
                // Not even the text is asked for: it may have been let go.
                return FxHashMap::default();
            }
            let found = crate::source_map::line_columns(text_of(file), offsets);
            offsets.iter().copied().zip(found).collect()
        })
        .collect();
    let line_column = |file: usize, offset: usize| {
        places
            .get(file)
            .and_then(|p| p.get(&offset))
            .copied()
            .unwrap_or_else(|| crate::source_map::line_column(text_of(file), offset))
    };
    let mut keyed: Vec<((usize, usize, usize), Diagnostic)> = resolved
        .into_iter()
        .map(|(p, place, see)| {
            let text = text_of(p.file);
            let mut d = Diagnostic::error(name_of(p.file), p.message);
            d.severity = p.severity;
            d.hint = p.hint;
            if let Some((words, file, offset)) = see {
                let name = name_of(file);
                d.hint = Some(match offset.map(|o| line_column(file, o)) {
                    Some((l, c)) => format!("{words} {name}:{l}:{c}"),
                    None => format!("{words} {name}"),
                });
            }
            match place {
                Resolved::Nowhere => {}
                Resolved::LineColumn(l, c) => d = d.at(text, l, c),
                Resolved::Offset(offset) => {
                    let (l, c) = line_column(p.file, offset);
                    d = d.at_offset(text, offset, l, c);
                }
            }
            ((p.file, d.line.unwrap_or(0), d.column.unwrap_or(0)), d)
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, d)| d).collect()
}

/// A problem's place once pointers are resolved.
enum Resolved {
    Nowhere,
    LineColumn(usize, usize),
    Offset(usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `*.json` files of a dataset as the loader takes them: as built-in text (read
    /// in one pass when small) when `built_in`, else as bytes read from disk (relations
    /// kept as JSON until checked). A file that is not UTF-8 stays bytes either way.
    fn dataset(dir: &Path, built_in: bool) -> Vec<RawFile> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|path| {
                let bytes = std::fs::read(&path).unwrap();
                let contents = match String::from_utf8(bytes) {
                    // Leaked: a built-in text lives as long as the program.
                    Ok(text) if built_in => Contents::Text(Box::leak(text.into_boxed_str())),
                    Ok(text) => Contents::Bytes(text.into_bytes()),
                    Err(e) => Contents::Bytes(e.into_bytes()),
                };
                RawFile {
                    name: path.display().to_string(),
                    file_name: path.file_name().unwrap().to_string_lossy().into_owned(),
                    contents,
                    path: None,
                }
            })
            .collect()
    }

    /// What loading makes of a dataset: its relations and warnings, or its problems.
    fn outcome(files: Vec<RawFile>) -> String {
        match load_files(files) {
            Ok(loaded) => {
                let relations: Vec<&Relation> = loaded.graph.relations().map(|(_, r)| r).collect();
                format!("{relations:#?}\n{:#?}", loaded.warnings)
            }
            Err(e) => format!("{e:#?}"),
        }
    }

    /// A small file is read in one pass, a large one keeps its relations as JSON for
    /// the checking threads: the same graph and the same diagnostics either way, on the
    /// shipped data and on every bad fixture.
    #[test]
    fn relations_read_with_their_file_or_parsed_later_load_the_same() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("data"), root.join("tests/fixtures/good")];
        let bad = root.join("tests/fixtures/bad");
        let mut bad: Vec<PathBuf> = std::fs::read_dir(bad)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        bad.sort();
        dirs.extend(bad);
        for dir in dirs {
            let read = outcome(dataset(&dir, true));
            let later = outcome(dataset(&dir, false));
            assert_eq!(read, later, "{}", dir.display());
        }
    }

    /// The shipped data files do take the one-pass path (else the test above compares
    /// one path with itself).
    #[test]
    fn the_shipped_data_files_are_read_in_one_pass() {
        for file in dataset(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), true) {
            let Contents::Text(text) = file.contents else {
                panic!("{} is UTF-8", file.name)
            };
            if !file.file_name.ends_with("schema.json") {
                assert!(read_whole(0, text).is_some(), "{}", file.name);
            }
        }
    }
}
