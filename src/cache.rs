//! A binary cache of loaded `--data` directories, so a large dataset is parsed and
//! validated once, not at every command.
//!
//! One cache file per data directory, named by a hash of the directory's canonical
//! path, in the user's cache directory ([`location`]), never inside the data directory.
//! A cache file is used only if its key matches the dataset exactly: this format's
//! version, linkage's version and the program file itself, and for every data file its
//! name and status (size, modification and status-change times, inode), trusted as
//! git's index trusts them, a file changed too close to when it was keyed hashed
//! instead (`key.rs`). Only parsing and validating are skipped. Beside it, a whole
//! `check` stores what it printed for the next one ([`check`]). A checksum of the whole payload guards against a truncated or damaged
//! cache file (and one of its front, the key and the names, lets a TAB read that alone),
//! and the decoded graph is checked against the schema and papers it carries
//! (`cache/sound.rs`), so a file changed by hand with its checksum recomputed is refused too.
//! Anything wrong (no file, another key, a bad checksum, a decoding error, an unsound
//! graph) means: load from JSON as usual and write the cache again; a file that is there
//! but not as linkage wrote it gets a warning. Writing is atomic and its failure is
//! silent: the cache is never a reason for a command to fail. The directory is kept
//! within a limit, least recently used files removed first (`cache/limit.rs`).
//!
//! What is cached is the loaded, validated graph and the load's warnings (so a warm
//! run prints what a cold one does); a dataset with errors is never cached. Nodes and
//! relations are decoded straight into a new petgraph graph in data order (so edge
//! indices and petgraph's edge lists are what loading builds); every index (ids,
//! names, adjacency) is rebuilt by `ConceptGraph::new`. Ahead of the graph sit the
//! names shell completion offers ([`names`]), so a TAB reads them without the graph,
//! then an index of where each relation's record is and what it joins, so that `show`
//! and `path` read only the relations they answer from ([`partial`]).
//!
//! The encoding is postcard (serde, compact, not self-describing), each model type
//! written as a tuple of its fields (`cache/tuples.rs`).

use std::{
    fs,
    path::{Path, PathBuf},
};

use indexmap::IndexMap;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::{de::DeserializeSeed, Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_128, xxh3_64, Xxh3};

pub mod check;
mod key;
mod limit;
mod mapped;
pub mod names;
pub mod partial;
mod sound;
mod tuples;

use key::{Key, Verdict};
pub use limit::{DEFAULT_LIMIT, LIMIT_VAR};
pub use names::Names;
use tuples::{
    DiagnosticIn, DiagnosticOut, EachInto, EdgeIn, EdgeOut, FactIn, FactOut, NodeIn, NodeOut, Seq,
};

use crate::{
    diagnostic::Diagnostic,
    error::Result,
    fact::Fact,
    graph::{ConceptGraph, DataFileText, NodeNames},
    load::{self, Loaded},
    node::Node,
    paper::Paper,
    relation::Relation,
    schema::Schema,
};

/// The layout of a cache file. Bump it whenever what is written changes.
pub const FORMAT_VERSION: u32 = 8;

/// First bytes of every cache file.
const MAGIC: &[u8; 8] = b"linkage\x00";

/// The header: magic, format version, the checksum of the payload (everything after
/// the header), the length of the payload's front (the key and the [`Names`]) and the
/// checksum of that front alone, so that shell completion reads and checks only the
/// front ([`names::cached`]).
const HEADER_LEN: usize = MAGIC.len() + 4 + 8 + 8 + 8;

/// Where in the header the payload's checksum, the front's length and the front's
/// checksum are.
const PAYLOAD_SUM: std::ops::Range<usize> = 12..20;
const FRONT_LEN: std::ops::Range<usize> = 20..28;
const FRONT_SUM: std::ops::Range<usize> = 28..36;

/// Where cache files go: `$LINKAGE_CACHE_DIR` if set, else `$XDG_CACHE_HOME/linkage`,
/// else `$HOME/.cache/linkage`; `None` when none is set.
pub fn location() -> Option<PathBuf> {
    let set = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
    if let Some(dir) = set("LINKAGE_CACHE_DIR") {
        return Some(PathBuf::from(dir));
    }
    // The XDG specification ignores a relative `XDG_CACHE_HOME`.
    if let Some(xdg) = set("XDG_CACHE_HOME").map(PathBuf::from) {
        if xdg.is_absolute() {
            return Some(xdg.join("linkage"));
        }
    }
    set("HOME").map(|home| PathBuf::from(home).join(".cache").join("linkage"))
}

/// Loads the dataset a command names: the `--data` directory `data` through the cache
/// (when `use_cache` and a cache directory is known, [`location`]), else from its JSON;
/// without `data` the built-in dataset, which is compiled in and has nothing to cache.
/// The one place that decides how a dataset is loaded: every command, `batch`, `serve`
/// and shell completion come here. Warnings are the caller's to show.
///
/// # Errors
/// What [`load::load`] reports.
pub fn load_dataset(data: Option<&Path>, use_cache: bool) -> Result<Loaded> {
    match (data, use_cache.then(location).flatten()) {
        (Some(dir), Some(cache_dir)) => load(dir, &cache_dir),
        (Some(dir), None) => load::load(&load::DataSource::Dir(dir.to_path_buf())),
        (None, _) => load::load(&load::DataSource::Embedded),
    }
}

/// Loads the dataset in `dir` as [`load::load`] does, through the cache in
/// `cache_dir`: from the cache when its key matches the files read, else from JSON,
/// then writing the cache (a dataset with errors is never cached).
///
/// # Errors
/// What [`load::load`] reports; never a problem of the cache itself.
pub fn load(dir: &Path, cache_dir: &Path) -> Result<Loaded> {
    let Some(cache_file) = cache_file(dir, cache_dir) else {
        return load::load(&load::DataSource::Dir(dir.to_path_buf()));
    };
    let paths = load::data_paths(dir)?;
    let cached = read(&cache_file);
    let damaged = matches!(cached, Found::Damaged);
    if let Found::Cache(found) = cached {
        let (written_for, cached) = *found;
        let verdict = written_for.verdict(dir, &paths);
        let texts = load::file_texts(paths.clone());
        if let (Verdict::Same { hashed }, true) =
            (verdict, texts.len() == cached.text_count as usize)
        {
            limit::used(&cache_file);
            let mut loaded = cached.restore(texts);
            loaded
                .graph
                .set_paper_texts(load::DataSource::Dir(dir.to_path_buf()).texts());
            if hashed > 0 {
                refresh(dir, cache_dir, &cache_file, &paths, &written_for, &loaded);
            }
            return Ok(loaded);
        }
    }
    // Taken before the files are read: a file changed after it is not trusted by its
    // status ([`key`]).
    let stamp = key::now();
    let files = load::read_data_dir(dir)?;
    // Keyed by the very bytes loaded.
    let key = Key::of(dir, stamp, &files);
    let mut loaded = load::load_read(files)?;
    loaded
        .graph
        .set_paper_texts(load::DataSource::Dir(dir.to_path_buf()).texts());
    // The cache only saves time: a cache that cannot be written is no error.
    match limit::limit() {
        Ok(limit) => {
            let _ = write(cache_dir, &cache_file, &key, &loaded, limit);
        }
        Err(message) => loaded.warnings.push(cache_note(limit::LIMIT_VAR, message)),
    }
    if damaged {
        loaded
            .warnings
            .push(cache_note(cache_file.display().to_string(), DAMAGED));
    }
    Ok(loaded)
}

/// After a hit that had to hash some data files to tell they were unchanged (their
/// times too close to when the cache was written, or touched), writes the cache again
/// with a key made now, as git refreshes its index, so the next start trusts them by
/// their status; only when the new key would trust every file and its hashes are the
/// old ones (the files hold the bytes the graph was loaded from).
fn refresh(
    dir: &Path,
    cache_dir: &Path,
    cache_file: &Path,
    paths: &[PathBuf],
    written_for: &Key,
    loaded: &Loaded,
) {
    let stamp = key::now();
    let Some(fresh) = Key::of_paths(dir, stamp, paths) else {
        return;
    };
    if fresh.all_settled() && fresh.same_bytes(written_for) {
        if let Ok(limit) = limit::limit() {
            let _ = write(cache_dir, cache_file, &fresh, loaded, limit);
        }
    }
}

/// The warning for a cache file that is there but not as linkage wrote it.
const DAMAGED: &str = "this cache file is not as linkage wrote it (damaged, or changed by hand): \
                       the dataset was loaded from its JSON files instead, and cached again";

/// A warning about the cache itself (its limit, a damaged file), not about the data:
/// told apart by [`is_cache_note`], so that a stored `check` outcome does not repeat it.
fn cache_note(file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
    Diagnostic::error(file, message).warning()
}

/// Whether `warning` is one of the cache's own (`cache_note`), not the data's.
pub fn is_cache_note(warning: &Diagnostic) -> bool {
    warning.file == limit::LIMIT_VAR || warning.message == DAMAGED
}

/// The cache file of `dir` in `cache_dir`, or `None` when `cache_dir` is inside `dir`
/// (linkage never writes into a dataset).
fn cache_file(dir: &Path, cache_dir: &Path) -> Option<PathBuf> {
    let dir = dir.canonicalize().ok()?;
    let mut existing = cache_dir;
    // The cache directory may not exist yet: judge by its nearest existing ancestor.
    let real = loop {
        if let Ok(real) = existing.canonicalize() {
            break real;
        }
        existing = match existing.parent()? {
            parent if !parent.as_os_str().is_empty() => parent,
            // The parent of a relative `cache` is ``: the current directory.
            _ if existing != Path::new(".") => Path::new("."),
            _ => return None,
        };
    };
    if real.starts_with(&dir) {
        return None;
    }
    let name = xxh3_128(dir.as_os_str().as_encoded_bytes());
    Some(cache_dir.join(format!("data-{name:032x}.bin")))
}

/// Writes the cache of `loaded` (never a dataset with errors: those do not load), then
/// keeps the cache directory within `limit` bytes ([`limit::prune`]).
fn write(
    cache_dir: &Path,
    cache_file: &Path,
    key: &Key,
    loaded: &Loaded,
    limit: u64,
) -> Option<()> {
    let graph = &loaded.graph;
    // The texts are the files themselves (and the built-in schema, last, when the
    // dataset has none): they are read again at every start, not cached.
    let text_count = u32::try_from(graph.files.len()).ok()?;
    // The header goes in front of the payload once its checksum is known.
    let mut bytes = vec![0; HEADER_LEN];
    put(&mut bytes, &key)?;
    // Right after the key, so that completion reads them without the graph.
    put(&mut bytes, &Names::of(graph))?;
    let front_len = bytes.len() - HEADER_LEN;
    // The graph goes into a body of its own, so that the index of where each relation
    // starts in it can go ahead of it ([`partial::Sections`]).
    let mut body = Vec::new();
    put(&mut body, &serde_json::to_string(&graph.schema).ok()?)?;
    put(
        &mut body,
        &serde_json::to_string(&graph.papers.values().collect::<Vec<_>>()).ok()?,
    )?;
    put(&mut body, &text_count)?;
    let node_count = u32::try_from(graph.node_count()).ok()?;
    let edge_count = u32::try_from(graph.relation_count()).ok()?;
    put(&mut body, &(node_count, edge_count))?;
    put(
        &mut body,
        &Seq(graph.graph.raw_nodes().iter().map(|n| NodeOut(&n.weight))),
    )?;
    // The relations as one sequence (a length, then each), each one's start noted.
    put(&mut body, &graph.graph.edge_count())?;
    let mut starts = Vec::with_capacity(graph.graph.edge_count() + 2);
    for edge in graph.graph.raw_edges() {
        starts.push(body.len() as u64);
        put(
            &mut body,
            &EdgeOut {
                from: edge.source(),
                to: edge.target(),
                relation: &edge.weight,
            },
        )?;
    }
    starts.push(body.len() as u64);
    put(&mut body, &graph.kind_indices)?;
    starts.push(body.len() as u64);
    put(&mut body, &Seq(graph.facts.iter().map(FactOut)))?;
    put(&mut body, &Seq(loaded.warnings.iter().map(DiagnosticOut)))?;
    put(&mut body, &partial::place_sources(graph))?;
    put(
        &mut bytes,
        &partial::Sections::of(graph, &starts)?.as_bytes(),
    )?;
    // The body is written after the rest, not copied onto its end: at a million
    // relations the copy raised the peak of a run that writes the cache by 115 MB.
    let header = header_of(&[&bytes[HEADER_LEN..], &body], front_len);
    bytes[..HEADER_LEN].copy_from_slice(&header);
    // Room is made first, so the directory never holds more than the limit.
    let size = (bytes.len() + body.len()) as u64;
    if !limit::prune(cache_dir, cache_file, size, limit) {
        return None;
    }
    fs::create_dir_all(cache_dir).ok()?;
    crate::write::Destination::cache_file(cache_file)
        .write_with(|out| {
            out.write_all(&bytes)?;
            out.write_all(&body)
        })
        .ok()
}

/// Appends `value` to `bytes`.
fn put<T: Serialize + ?Sized>(bytes: &mut Vec<u8>, value: &T) -> Option<()> {
    *bytes = postcard::to_extend(value, std::mem::take(bytes)).ok()?;
    Some(())
}

/// A cache file's contents, decoded into the graph's own structures but not yet
/// joined to the files' texts.
/// The graph is made only on restoring ([`ConceptGraph::new`]), once the file's bytes
/// are let go: its indexes and the bytes together would raise the peak (by 17 MB at a
/// million relations, measured).
struct Cached {
    schema: Schema,
    papers: IndexMap<String, Paper>,
    /// How many texts the graph keeps: the files, and the built-in schema if used.
    text_count: u32,
    graph: DiGraph<Node, Relation>,
    kind_indices: Vec<u16>,
    facts: Vec<Fact>,
    warnings: Vec<Diagnostic>,
}

/// What reading a cache file found.
enum Found {
    /// No cache file, or one of another format version: an ordinary miss.
    Nothing,
    /// A cache file that is not as linkage wrote it: damaged (a wrong checksum, a
    /// decoding error) or changed (a graph the loader could not have built).
    Damaged,
    /// A cache, and the key it was written for (boxed: a miss should not move it).
    Cache(Box<(Key, Cached)>),
}

/// Reads and decodes a cache file, and the key it was written for. A file that passed
/// its checksum but does not hold a graph loading could have built is refused as
/// damaged, never a panic ([`sound`]).
fn read(cache_file: &Path) -> Found {
    match mapped::read(cache_file) {
        Ok(bytes) => decode_bytes(&bytes),
        Err(_) => Found::Nothing,
    }
}

/// The most files a dataset decoded by [`decode_file`] may have.
const MAX_FILES_WITHOUT_TEXTS: u32 = 1 << 12;

/// Decodes the bytes of a cache file into the dataset it holds, as loading through the
/// cache would use it when its key matches, or `None` when linkage would not use it
/// (damaged, of another format, or holding a graph loading could not have built). The
/// files' texts are not in a cache: each is empty, named `<file N>`. For the fuzzer, and
/// for tools that check cache files.
pub fn decode_file(bytes: &[u8]) -> Option<Loaded> {
    let Found::Cache(found) = decode_bytes(bytes) else {
        return None;
    };
    let (_, cached) = *found;
    if cached.text_count > MAX_FILES_WITHOUT_TEXTS {
        return None;
    }
    let texts = (0..cached.text_count)
        .map(|i| DataFileText::new(format!("<file {i}>"), std::borrow::Cow::Borrowed(""), None))
        .collect();
    Some(cached.restore(texts))
}

/// The header of a cache file whose payload is `payload`, the first `front_len` bytes
/// of it the key and the names.
fn header(payload: &[u8], front_len: usize) -> [u8; HEADER_LEN] {
    header_of(&[payload], front_len)
}

/// [`header`] of a payload made of `parts` in order, its front within the first.
fn header_of(parts: &[&[u8]], front_len: usize) -> [u8; HEADER_LEN] {
    let mut sum = Xxh3::new();
    for part in parts {
        sum.update(part);
    }
    let mut header = [0; HEADER_LEN];
    header[..MAGIC.len()].copy_from_slice(MAGIC);
    header[MAGIC.len()..PAYLOAD_SUM.start].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
    header[PAYLOAD_SUM].copy_from_slice(&sum.digest().to_le_bytes());
    header[FRONT_LEN].copy_from_slice(&(front_len as u64).to_le_bytes());
    let first = parts.first().copied().unwrap_or_default();
    let front = first.get(..front_len).unwrap_or_default();
    header[FRONT_SUM].copy_from_slice(&xxh3_64(front).to_le_bytes());
    header
}

/// The bytes of a cache file holding `payload`: this format's header, with the
/// checksums of the payload and of its front (as much of it as decodes as a key and
/// names). For the fuzzer, which changes what a cache holds and must get past its
/// checksums to test what decoding makes of it.
pub fn seal(payload: &[u8]) -> Vec<u8> {
    let front_len = {
        let mut de = postcard::Deserializer::from_bytes(payload);
        let front = Key::deserialize(&mut de)
            .and_then(|_| names::NamesPassed::deserialize(&mut de))
            .and_then(|_| de.finalize());
        front.map_or(0, |rest| payload.len() - rest.len())
    };
    let mut bytes = Vec::with_capacity(HEADER_LEN + payload.len());
    bytes.extend_from_slice(&header(payload, front_len));
    bytes.extend_from_slice(payload);
    bytes
}

/// A cache file's header, read: the payload's checksum, and the front's length and
/// checksum; else what reading it found (`Nothing` for another format version,
/// `Damaged` for bytes that are not a header).
fn read_header(bytes: &[u8]) -> std::result::Result<(u64, usize, u64), Found> {
    let word = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .and_then(|b| b.try_into().ok())
            .map(u64::from_le_bytes)
    };
    let version = bytes
        .get(MAGIC.len()..PAYLOAD_SUM.start)
        .and_then(|b| b.try_into().ok())
        .map(u32::from_le_bytes);
    let (Some(magic), Some(version), Some(payload_sum), Some(front_len), Some(front_sum)) = (
        bytes.get(..MAGIC.len()),
        version,
        word(PAYLOAD_SUM),
        word(FRONT_LEN),
        word(FRONT_SUM),
    ) else {
        return Err(Found::Damaged);
    };
    if magic != MAGIC {
        return Err(Found::Damaged);
    }
    if version != FORMAT_VERSION {
        return Err(Found::Nothing);
    }
    let front_len = usize::try_from(front_len).map_err(|_| Found::Damaged)?;
    Ok((payload_sum, front_len, front_sum))
}

/// A cache file's payload whose magic and format version hold, with its two checksums
/// still to verify ([`Seal::holds`]).
struct Seal<'b> {
    payload: &'b [u8],
    payload_sum: u64,
    front: &'b [u8],
    front_sum: u64,
}

impl Seal<'_> {
    /// Whether both checksums hold. A caller may decode the payload on one thread while
    /// this runs on another (decoding damaged bytes is bounded and checked: a miss at
    /// worst), but uses nothing it decoded unless this returned true.
    fn holds(&self) -> bool {
        xxh3_64(self.payload) == self.payload_sum && xxh3_64(self.front) == self.front_sum
    }
}

/// The [`Seal`] of a cache file's bytes; else what reading it found (`Nothing` for
/// another format version).
fn unsealed(bytes: &[u8]) -> std::result::Result<Seal<'_>, Found> {
    let (payload_sum, front_len, front_sum) = read_header(bytes)?;
    let payload = &bytes[HEADER_LEN..];
    let front = payload.get(..front_len).ok_or(Found::Damaged)?;
    Ok(Seal {
        payload,
        payload_sum,
        front,
        front_sum,
    })
}

/// The payload of a cache file's bytes, once its magic, format version and both
/// checksums hold; else what reading it found (`Nothing` for another format version).
fn sealed_payload(bytes: &[u8]) -> std::result::Result<&[u8], Found> {
    let seal = unsealed(bytes)?;
    if seal.holds() {
        Ok(seal.payload)
    } else {
        Err(Found::Damaged)
    }
}

/// [`read`] of a file's bytes.
fn decode_bytes(bytes: &[u8]) -> Found {
    let payload = match sealed_payload(bytes) {
        Ok(payload) => payload,
        Err(found) => return found,
    };
    match decode(payload) {
        Ok((key, cached)) if sound::holds_a_loaded_graph(&cached) => {
            Found::Cache(Box::new((key, cached)))
        }
        _ => Found::Damaged,
    }
}

/// The fewest bytes a node takes in a payload: its id and kind (a length and at least
/// one byte each), its label (a length), aliases (a count), `label_zh` and `description`
/// (a tag each). Capacities are bounded by it, so a count in a damaged file reserves
/// no more memory than the file's size calls for.
const MIN_NODE_BYTES: usize = 8;

/// The fewest bytes a relation takes: its edge's two ends, its kind (a length and a
/// byte), its two ends, aspect, dimension and positions (a tag each), one source (a
/// count; paper and quote, a length and a byte each; locator, a length; an origin of
/// four numbers) and notes (a count).
const MIN_RELATION_BYTES: usize = 20;

/// Decodes a payload written by [`write`].
fn decode(payload: &[u8]) -> postcard::Result<(Key, Cached)> {
    use serde::de::Error as _;
    let invalid = || postcard::Error::custom("out of range");
    let mut de = postcard::Deserializer::from_bytes(payload);
    let key = Key::deserialize(&mut de)?;
    names::NamesPassed::deserialize(&mut de)?;
    // The index of the sections, for partial reads only.
    <&[u8]>::deserialize(&mut de)?;
    let schema: Schema =
        serde_json::from_str(&String::deserialize(&mut de)?).map_err(postcard::Error::custom)?;
    let papers: Vec<Paper> =
        serde_json::from_str(&String::deserialize(&mut de)?).map_err(postcard::Error::custom)?;
    let text_count = u32::deserialize(&mut de)?;
    let (node_count, edge_count) = <(u32, u32)>::deserialize(&mut de)?;
    // A count is a capacity, not trusted beyond what the payload could hold.
    let capacity = |count: u32, least: usize| (count as usize).min(payload.len() / least);
    let nodes = capacity(node_count, MIN_NODE_BYTES);
    let edges = capacity(edge_count, MIN_RELATION_BYTES);
    let mut graph = DiGraph::with_capacity(nodes, edges);
    EachInto::new("nodes", |NodeIn(node)| {
        graph.add_node(node);
        true
    })
    .deserialize(&mut de)?;
    let node_count = graph.node_count();
    let in_range = |ix: NodeIndex| ix.index() < node_count;
    EachInto::new("relations", |EdgeIn { from, to, relation }| {
        // Every index a relation holds is checked: the file may be damaged.
        let sound =
            in_range(from) && in_range(to) && relation_in_range(&relation, &in_range, text_count);
        if sound {
            graph.add_edge(from, to, relation);
        }
        sound
    })
    .deserialize(&mut de)?;
    let kind_indices = Vec::<u16>::deserialize(&mut de)?;
    let kinds = schema.relation_kinds.len();
    if kind_indices.len() != graph.edge_count()
        || kind_indices.iter().any(|&k| usize::from(k) >= kinds)
    {
        return Err(invalid());
    }
    let facts: Vec<Fact> = Vec::<FactIn>::deserialize(&mut de)?
        .into_iter()
        .map(|f| f.0)
        .collect();
    let facts_sound = facts.iter().all(|f| {
        f.subject.index() < node_count && f.sources.iter().all(|s| s.origin.file < text_count)
    });
    if !facts_sound {
        return Err(invalid());
    }
    let warnings = Vec::<DiagnosticIn>::deserialize(&mut de)?
        .into_iter()
        .map(|d| d.0)
        .collect();
    // For partial reads only: the graph's own sources name the places.
    Vec::<tuples::SourceIn>::deserialize(&mut de)?;
    if !de.finalize()?.is_empty() {
        return Err(invalid());
    }
    let paper_count = papers.len();
    let papers: IndexMap<String, Paper> = papers.into_iter().map(|p| (p.id.clone(), p)).collect();
    if papers.len() != paper_count {
        return Err(invalid());
    }
    let cached = Cached {
        schema,
        papers,
        text_count,
        graph,
        kind_indices,
        facts,
        warnings,
    };
    Ok((key, cached))
}

/// Whether every node a relation names is one `in_range` accepts and every source's
/// file one of the `text_count` texts: the file may be damaged.
fn relation_in_range(
    relation: &Relation,
    in_range: &dyn Fn(NodeIndex) -> bool,
    text_count: u32,
) -> bool {
    in_range(relation.from)
        && in_range(relation.to)
        && relation.aspect.is_none_or(in_range)
        && relation.dimension.is_none_or(in_range)
        && relation.scope.is_none_or(in_range)
        && relation.sources.iter().all(|s| s.origin.file < text_count)
}

impl Cached {
    /// The loaded dataset: the cached graph, its adjacency index built, keeping
    /// `texts` (those of the files the key was computed from).
    fn restore(self, texts: Vec<DataFileText>) -> Loaded {
        let names = NodeNames::of(&self.graph);
        self.restore_with_names(texts, names)
    }

    /// As [`Cached::restore`], keeping the indexes of the nodes' names that were built
    /// on the same nodes (`partial::load`).
    fn restore_with_names(self, texts: Vec<DataFileText>, names: NodeNames) -> Loaded {
        Loaded {
            graph: ConceptGraph::with_node_names(
                self.schema,
                self.papers,
                self.graph,
                self.kind_indices,
                self.facts,
                texts,
                names,
            ),
            warnings: self.warnings,
        }
    }
}
