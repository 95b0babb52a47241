//! From a file's bytes to its records: UTF-8, the schema, the data file's syntax and
//! fields, item by item when a file does not parse in one go, so every bad record is
//! reported with its place.

use std::{borrow::Cow, ops::Range};

use indexmap::IndexMap;
use serde::de::DeserializeOwned;
use serde_json::{value::RawValue, Value};

use crate::{
    diagnostic::Severity,
    graph::DataFileText,
    node::Node,
    paper::Paper,
    records::{DataFile, RawRelation, RelationRecord},
    schema::Schema,
    spelling::closest,
};

use super::{
    problems::{quote_list, Place, Problems},
    Contents,
};

/// UTF-8 text of a file, or a problem saying why it has none.
pub(super) fn decode(
    file: usize,
    contents: Contents,
    problems: &mut Problems,
) -> Cow<'static, str> {
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

pub(super) fn parse_schema(file: usize, text: &str, problems: &mut Problems) -> Option<Schema> {
    if text.is_empty() {
        return None;
    }
    match serde_json::from_str::<Schema>(text) {
        Ok(schema) => {
            // Each edge stores its kind as a u16 index (a compact adjacency index). Too
            // many kinds is the one problem reported: the schema's other checks (some
            // compare every kind with every other) would take minutes on a schema that
            // cannot be used anyway.
            let own = if schema.relation_kinds.len() > MAX_RELATION_KINDS {
                vec![(
                    "/relation_kinds".to_string(),
                    format!(
                        "the schema declares {} relation kinds; linkage supports at most {MAX_RELATION_KINDS}",
                        schema.relation_kinds.len()
                    ),
                )]
            } else {
                schema.problems()
            };
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
pub(super) const READ_WHOLE_UP_TO: usize = 512 << 10;

/// Reads a built-in data file in one pass, relations and all, when it is small and
/// valid; `None` sends it down the usual path, which reports every problem. Only a
/// text that lives as long as the program may be read so: the relations borrow it, and
/// other files' texts are let go while loading.
pub(super) fn read_whole(file: usize, text: &'static str) -> Option<ParsedFile> {
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

/// Below this many bytes of data files in all, parsing them on one thread is faster
/// than starting more (the shipped data is 0.5 MB).
pub(super) const PARSE_PARALLEL_FROM: usize = 4 << 20;

/// Parses the data files `files` (indexes into `texts`), in order, skipping empty ones.
///
/// A large dataset's files are parsed on every core, each file whole on one thread
/// (largest first, so that no core waits on the last big file): scanning 140 MB of
/// JSON on one thread was a tenth of a cold `check` at 1M relations (bench/HISTORY.md).
/// Each file's problems are kept apart and appended in file order, so the problems and
/// their order are those of parsing the files one after the other. `parallel_from` is
/// [`PARSE_PARALLEL_FROM`] but in tests, which compare both ways on small data.
pub(super) fn parse_files(
    texts: &[DataFileText],
    files: &[usize],
    problems: &mut Problems,
    parallel_from: usize,
) -> Vec<ParsedFile> {
    let parse = |i: usize, problems: &mut Problems| -> Option<ParsedFile> {
        let text = texts[i].text();
        if text.is_empty() {
            return None;
        }
        if let Some(whole) = texts[i].built_in().and_then(|text| read_whole(i, text)) {
            return Some(whole);
        }
        parse_data_file(i, text, problems).map(|d| ParsedFile::new(i, text, d))
    };
    let total: usize = files.iter().map(|&i| texts[i].text().len()).sum();
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(files.len());
    if threads < 2 || total < parallel_from {
        return files.iter().filter_map(|&i| parse(i, problems)).collect();
    }
    // Positions in `files`, largest file first; each thread takes the next one left.
    let mut queue: Vec<usize> = (0..files.len()).collect();
    queue.sort_by_key(|&at| std::cmp::Reverse(texts[files[at]].text().len()));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, Option<ParsedFile>, Problems)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut parsed = Vec::new();
                    loop {
                        let taken = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&at) = queue.get(taken) else {
                            break parsed;
                        };
                        let mut found = Problems::default();
                        let file = parse(files[at], &mut found);
                        parsed.push((at, file, found));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("parsing a file does not panic"))
            .collect()
    });
    done.sort_unstable_by_key(|(at, _, _)| *at);
    let mut parsed = Vec::with_capacity(done.len());
    for (_, file, found) in done {
        problems.list.extend(found.list);
        problems.unavailable.extend(found.unavailable);
        parsed.extend(file);
    }
    parsed
}

/// Parses a data file. The fast path deserialises it in one go; only when that fails do
/// we go item by item, so every bad item is reported, not just the first.
pub(super) fn parse_data_file<'a>(
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
pub(super) fn content_start(text: &str) -> Place {
    Place::Offset(text.len() - text.trim_start().len())
}

/// RFC 6901 escaping of one pointer segment.
pub(super) fn escape_pointer(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// The ids a file that could not be parsed would have defined, as far as its text
/// shows: every string value of an `"id"` key. References to them are not reported
/// as unknown, since the real mistake is the file's syntax.
pub(super) fn ids_in_unreadable(text: &str) -> Vec<String> {
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
pub(super) fn array<'a>(
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
pub(super) fn items<T: DeserializeOwned>(
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
pub(super) fn record_id(json: &str) -> Option<String> {
    let value: Value = serde_json::from_str(json).ok()?;
    value.get("id")?.as_str().map(str::to_string)
}

/// Where a parse error of `item` (a slice of the file's `text`) is: on the value of
/// the wrong type, or on the unknown key; on the item itself when a field is missing.
pub(super) fn item_place(text: &str, item: &str, e: &serde_json::Error) -> Option<Place> {
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
pub(super) fn serde_place(text: &str, e: &serde_json::Error) -> Place {
    crate::source_map::serde_offset(text, e.line(), e.column()).map_or(Place::File, Place::Offset)
}

/// `serde_json` appends " at line L column C"; we print the place separately.
/// Rust's type names ("expected i32") are said in words a data author knows.
pub(super) fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" at line ") {
        Some(i) => text.get(..i).unwrap_or(&text).to_string(),
        None => text,
    };
    text.replace("expected i32", "expected a whole number")
}

/// What build needs of a parsed data file.
pub(super) struct ParsedFile {
    pub(super) file: usize,
    pub(super) papers: Vec<Paper>,
    pub(super) nodes: Vec<Node>,
    pub(super) facts: Vec<crate::records::FactRecord>,
    pub(super) relations: Held,
}

/// A file's relations: read with a built-in file ([`read_whole`]), or byte ranges of
/// the file's text, each parsed when checked. Ranges rather than borrowed slices, so
/// that the text can be let go file by file.
pub(super) enum Held {
    Read(Vec<RelationRecord<'static>>),
    Spans(Vec<Range<usize>>),
}

impl Held {
    pub(super) fn len(&self) -> usize {
        match self {
            Self::Read(records) => records.len(),
            Self::Spans(spans) => spans.len(),
        }
    }
}

impl ParsedFile {
    /// Keeps the records of `data`, parsed from `text`, and where each relation is.
    pub(super) fn new(file: usize, text: &str, data: DataFile<'_>) -> Self {
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
