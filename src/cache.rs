//! A binary cache of loaded `--data` directories, so a large dataset is parsed and
//! validated once, not at every command.
//!
//! One cache file per data directory, named by a hash of the directory's canonical
//! path, in the user's cache directory ([`location`]), never inside the data directory.
//! A cache file is used only if its key matches the dataset exactly: this format's
//! version, linkage's version and the program file itself, and for every data file its
//! name, size, modification time and a hash of its bytes (xxh3-128, so a change that
//! keeps size and time is still seen). The files are read and hashed at every start
//! (their texts stay in the graph for diagnostics anyway); only parsing and validating
//! are skipped. A whole-file checksum guards against a truncated or damaged cache file.
//! Anything wrong (no file, another key, a bad checksum, a decoding error) means: load
//! from JSON as usual and write the cache again. Writing is atomic and its failure is
//! silent: the cache is never a reason for a command to fail.
//!
//! What is cached is the loaded, validated graph and the load's warnings (so a warm
//! run prints what a cold one does); a dataset with errors is never cached. Nodes and
//! relations are decoded straight into a new petgraph graph in data order (so edge
//! indices and petgraph's edge lists are what loading builds); the id map and the
//! adjacency index are rebuilt, the name index is cached as it was.
//!
//! The encoding is postcard (serde, compact, not self-describing). The model types'
//! own serde derives describe their JSON form (fields skipped when empty, untagged
//! values, origins left out) and do not fit such a format, so each type is written here
//! as a tuple of its fields; the tuples are read back into the types' own field types,
//! so a field's type may change (a `String` kind becoming an interned symbol) without
//! touching this module. Adding a field to a cached type fails to compile here: bump
//! [`FORMAT_VERSION`] when the layout changes.

use std::{
    fs,
    marker::PhantomData,
    path::{Path, PathBuf},
    time::UNIX_EPOCH,
};

use indexmap::IndexMap;
use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxHashMap;
use serde::{
    de::{DeserializeSeed, SeqAccess, Visitor},
    Deserialize, Deserializer, Serialize, Serializer,
};
use xxhash_rust::xxh3::{xxh3_128, xxh3_64, Xxh3};

use crate::{
    adjacency::Adjacency,
    diagnostic::{Diagnostic, Severity},
    error::Result,
    fact::Fact,
    graph::{ConceptGraph, DataFileText},
    id_index::IdIndex,
    load::{self, Loaded, ReadFile},
    node::Node,
    paper::Paper,
    relation::{Origin, Positions, Relation, Source},
    schema::Schema,
};

/// The layout of a cache file. Bump it whenever what is written changes.
pub const FORMAT_VERSION: u32 = 2;

/// First bytes of every cache file.
const MAGIC: &[u8; 8] = b"linkage\x00";

/// Magic, format version, checksum of the rest.
const HEADER_LEN: usize = MAGIC.len() + 4 + 8;

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
    // The data files are read and hashed on a second thread while this one reads and
    // decodes the cache file (its many small allocations stay in the main thread's
    // heap); whether the cache is used is decided when both are done.
    // The files are hashed a piece at a time, not held: on a hit only their key is
    // needed, and a miss reads them again (from the page cache) to load them.
    let (paths, cached) = std::thread::scope(|scope| {
        let reading = scope.spawn(|| {
            load::data_paths(dir).map(|paths| {
                let key = Key::of_paths(dir, &paths);
                (paths, key)
            })
        });
        let cached = read(&cache_file);
        let paths = reading.join().expect("reading files does not panic");
        (paths, cached)
    });
    let (paths, key) = paths?;
    if let (Some(key), Some((written_for, cached))) = (key, cached) {
        let texts = load::file_texts(paths);
        if written_for == key && texts.len() == cached.text_count as usize {
            return Ok(cached.restore(texts));
        }
    }
    let files = load::read_data_dir(dir)?;
    // Keyed by the very bytes loaded.
    let key = Key::of(dir, &files);
    let loaded = load::load_read(files)?;
    // The cache only saves time: a cache that cannot be written is no error.
    let _ = write(cache_dir, &cache_file, &key, &loaded);
    Ok(loaded)
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

/// What a cache file must have been written for to be used.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Key {
    /// linkage's version: another version may load the same files differently.
    linkage: String,
    /// Size and modification time of the program itself, so a rebuilt linkage of the
    /// same version (a developer's) does not trust what an older build cached.
    program: Option<(u64, u64, u32)>,
    /// The directory, canonical.
    dir: PathBuf,
    /// Every data file read, in load order.
    files: Vec<FileKey>,
}

/// One data file as it was when cached.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct FileKey {
    path: PathBuf,
    size: u64,
    /// Seconds and nanoseconds since the Unix epoch, if the platform tells.
    modified: Option<(u64, u32)>,
    /// xxh3-128 of the bytes read.
    hash: u128,
}

impl Key {
    /// The key of the files at `paths`, each read a piece at a time; `None` if one
    /// cannot be read (loading will say why).
    fn of_paths(dir: &Path, paths: &[PathBuf]) -> Option<Self> {
        let files = paths
            .iter()
            .map(|path| FileKey::of_path(path))
            .collect::<Option<Vec<_>>>()?;
        Some(Self::with_files(dir, files))
    }

    fn of(dir: &Path, files: &[ReadFile]) -> Self {
        Self::with_files(dir, files.iter().map(FileKey::of).collect())
    }

    fn with_files(dir: &Path, files: Vec<FileKey>) -> Self {
        let program = std::env::current_exe()
            .and_then(fs::metadata)
            .ok()
            .and_then(|meta| {
                let time = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
                Some((meta.len(), time.as_secs(), time.subsec_nanos()))
            });
        Self {
            linkage: env!("CARGO_PKG_VERSION").to_string(),
            program,
            dir: dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf()),
            files,
        }
    }
}

fn modified(path: &Path) -> Option<(u64, u32)> {
    fs::metadata(path)
        .and_then(|meta| meta.modified())
        .ok()
        .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
        .map(|time| (time.as_secs(), time.subsec_nanos()))
}

impl FileKey {
    fn of(file: &ReadFile) -> Self {
        Self {
            path: file.path.clone(),
            // The size of the bytes read: what the hash is of.
            size: file.bytes.len() as u64,
            modified: modified(&file.path),
            hash: xxh3_128(&file.bytes),
        }
    }

    /// The key of the file at `path`, read in pieces of a megabyte.
    fn of_path(path: &Path) -> Option<Self> {
        use std::io::Read as _;
        let modified = modified(path);
        let mut file = fs::File::open(path).ok()?;
        let mut hasher = Xxh3::new();
        let mut piece = vec![0; 1 << 20];
        let mut size = 0u64;
        loop {
            match file.read(&mut piece) {
                Ok(0) => break,
                Ok(n) => {
                    hasher.update(&piece[..n]);
                    size += n as u64;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        Some(Self {
            path: path.to_path_buf(),
            size,
            modified,
            hash: hasher.digest128(),
        })
    }
}

/// Writes the cache of `loaded` (never a dataset with errors: those do not load).
fn write(cache_dir: &Path, cache_file: &Path, key: &Key, loaded: &Loaded) -> Option<()> {
    let graph = &loaded.graph;
    // The texts are the files themselves (and the built-in schema, last, when the
    // dataset has none): they are read again at every start, not cached.
    let text_count = u32::try_from(graph.files.len()).ok()?;
    // The header goes in front of the payload once its checksum is known: one buffer.
    let mut bytes = vec![0; HEADER_LEN];
    put(&mut bytes, &key)?;
    put(&mut bytes, &serde_json::to_string(&graph.schema).ok()?)?;
    put(
        &mut bytes,
        &serde_json::to_string(&graph.papers.values().collect::<Vec<_>>()).ok()?,
    )?;
    put(&mut bytes, &text_count)?;
    let node_count = u32::try_from(graph.node_count()).ok()?;
    let edge_count = u32::try_from(graph.relation_count()).ok()?;
    put(&mut bytes, &(node_count, edge_count))?;
    put(
        &mut bytes,
        &Seq(graph.graph.raw_nodes().iter().map(|n| NodeOut(&n.weight))),
    )?;
    put(
        &mut bytes,
        &Seq(graph.graph.raw_edges().iter().map(|edge| EdgeOut {
            from: edge.source(),
            to: edge.target(),
            relation: &edge.weight,
        })),
    )?;
    put(&mut bytes, &graph.kind_indices)?;
    put(
        &mut bytes,
        &Seq(graph.names.iter().map(|(name, ix)| (name, index(*ix)))),
    )?;
    put(&mut bytes, &Seq(graph.facts.iter().map(FactOut)))?;
    put(&mut bytes, &Seq(loaded.warnings.iter().map(DiagnosticOut)))?;
    let checksum = xxh3_64(&bytes[HEADER_LEN..]);
    bytes[..MAGIC.len()].copy_from_slice(MAGIC);
    bytes[MAGIC.len()..MAGIC.len() + 4].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
    bytes[MAGIC.len() + 4..HEADER_LEN].copy_from_slice(&checksum.to_le_bytes());
    fs::create_dir_all(cache_dir).ok()?;
    crate::write::write_atomically(cache_file, &bytes).ok()
}

/// Appends `value` to `bytes`.
fn put<T: Serialize + ?Sized>(bytes: &mut Vec<u8>, value: &T) -> Option<()> {
    *bytes = postcard::to_extend(value, std::mem::take(bytes)).ok()?;
    Some(())
}

/// A cache file's contents, decoded into the graph's own structures but not yet
/// joined to the files' texts.
struct Cached {
    schema: Schema,
    papers: IndexMap<String, Paper>,
    /// How many texts the graph keeps: the files, and the built-in schema if used.
    text_count: u32,
    graph: DiGraph<Node, Relation>,
    ids: IdIndex,
    /// Each edge's ends, for the adjacency index.
    ends: Vec<(NodeIndex, NodeIndex)>,
    kind_indices: Vec<u16>,
    names: FxHashMap<String, NodeIndex>,
    facts: Vec<Fact>,
    warnings: Vec<Diagnostic>,
}

/// Reads and decodes a cache file, and the key it was written for; `None` if there is
/// none, or it is damaged: a wrong checksum, or anything out of range (a file that
/// passed its checksum but was not written by linkage is refused, not a panic).
fn read(cache_file: &Path) -> Option<(Key, Cached)> {
    let bytes = fs::read(cache_file).ok()?;
    if bytes.len() < HEADER_LEN || &bytes[..MAGIC.len()] != MAGIC {
        return None;
    }
    let version = u32::from_le_bytes(bytes[8..12].try_into().ok()?);
    let checksum = u64::from_le_bytes(bytes[12..20].try_into().ok()?);
    let payload = &bytes[HEADER_LEN..];
    if version != FORMAT_VERSION || xxh3_64(payload) != checksum {
        return None;
    }
    decode(payload).ok()
}

/// Decodes a payload written by [`write`].
fn decode(payload: &[u8]) -> postcard::Result<(Key, Cached)> {
    use serde::de::Error as _;
    let invalid = || postcard::Error::custom("out of range");
    let mut de = postcard::Deserializer::from_bytes(payload);
    let key = Key::deserialize(&mut de)?;
    let schema: Schema =
        serde_json::from_str(&String::deserialize(&mut de)?).map_err(postcard::Error::custom)?;
    let papers: Vec<Paper> =
        serde_json::from_str(&String::deserialize(&mut de)?).map_err(postcard::Error::custom)?;
    let text_count = u32::deserialize(&mut de)?;
    let (node_count, edge_count) = <(u32, u32)>::deserialize(&mut de)?;
    // A count is a capacity, not trusted beyond what the payload could hold.
    let capacity = |count: u32| (count as usize).min(payload.len());
    let mut graph = DiGraph::with_capacity(capacity(node_count), capacity(edge_count));
    let mut ids = IdIndex::with_capacity(capacity(node_count));
    EachInto::new("nodes", |NodeIn(node)| {
        let ix = graph.add_node(node);
        ids.insert(&graph[ix].id, ix);
        true
    })
    .deserialize(&mut de)?;
    let mut ends = Vec::with_capacity(capacity(edge_count));
    let node_count = graph.node_count();
    let in_range = |ix: NodeIndex| ix.index() < node_count;
    EachInto::new("relations", |EdgeIn { from, to, relation }| {
        // Every index a relation holds is checked: the file may be damaged.
        let sound = in_range(from)
            && in_range(to)
            && in_range(relation.from)
            && in_range(relation.to)
            && relation.aspect.is_none_or(in_range)
            && relation.dimension.is_none_or(in_range)
            && relation.scope.is_none_or(in_range)
            && relation.sources.iter().all(|s| s.origin.file < text_count);
        if sound {
            ends.push((from, to));
            graph.add_edge(from, to, relation);
        }
        sound
    })
    .deserialize(&mut de)?;
    let kind_indices = Vec::<u16>::deserialize(&mut de)?;
    let kinds = schema.relation_kinds.len();
    if kind_indices.len() != ends.len() || kind_indices.iter().any(|&k| usize::from(k) >= kinds) {
        return Err(invalid());
    }
    let in_range = |ix: u32| (ix as usize) < node_count;
    let names = Vec::<(String, u32)>::deserialize(&mut de)?;
    if !names.iter().all(|&(_, ix)| in_range(ix)) {
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
    if !de.finalize()?.is_empty() {
        return Err(invalid());
    }
    let cached = Cached {
        schema,
        papers: papers.into_iter().map(|p| (p.id.clone(), p)).collect(),
        text_count,
        graph,
        ids,
        ends,
        kind_indices,
        names: names
            .into_iter()
            .map(|(name, ix)| (name, node_index(ix)))
            .collect(),
        facts,
        warnings,
    };
    Ok((key, cached))
}

impl Cached {
    /// The loaded dataset: the cached graph, its adjacency index built, keeping
    /// `texts` (those of the files the key was computed from).
    fn restore(self, texts: Vec<DataFileText>) -> Loaded {
        let adjacency =
            Adjacency::from_ends(self.graph.node_count(), &self.ends, &self.kind_indices);
        Loaded {
            graph: ConceptGraph {
                schema: self.schema,
                papers: self.papers,
                graph: self.graph,
                kind_indices: self.kind_indices,
                adjacency,
                ids: self.ids,
                names: self.names,
                facts: self.facts,
                files: texts,
            },
            warnings: self.warnings,
        }
    }
}

/// Decodes a sequence element by element into `each`, in order, with no vector in
/// between (a million relations would be copied through one). `each` returns whether
/// the element was sound; one that is not fails the whole decode.
struct EachInto<T, F> {
    what: &'static str,
    each: F,
    element: PhantomData<fn() -> T>,
}

impl<T, F> EachInto<T, F> {
    fn new(what: &'static str, each: F) -> Self {
        Self {
            what,
            each,
            element: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>, F: FnMut(T) -> bool> DeserializeSeed<'de> for EachInto<T, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> std::result::Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>, F: FnMut(T) -> bool> Visitor<'de> for EachInto<T, F> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.what)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> std::result::Result<(), A::Error> {
        while let Some(element) = seq.next_element()? {
            if !(self.each)(element) {
                return Err(serde::de::Error::custom("out of range"));
            }
        }
        Ok(())
    }
}

/// A sequence written from an iterator of known length.
struct Seq<I>(I);

impl<I, T> Serialize for Seq<I>
where
    I: Iterator<Item = T> + ExactSizeIterator + Clone,
    T: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.clone())
    }
}

fn index(ix: NodeIndex) -> u32 {
    u32::try_from(ix.index()).expect("node indices are u32")
}

fn node_index(ix: u32) -> NodeIndex {
    NodeIndex::new(ix as usize)
}

/// A node as a tuple of its fields.
#[derive(Clone, Copy)]
struct NodeOut<'a>(&'a Node);

impl Serialize for NodeOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let Node {
            id,
            kind,
            label,
            aliases,
            label_zh,
            description,
        } = self.0;
        (id, kind, label, aliases, label_zh, description).serialize(serializer)
    }
}

struct NodeIn(Node);

impl<'de> Deserialize<'de> for NodeIn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let (id, kind, label, aliases, label_zh, description) =
            Deserialize::deserialize(deserializer)?;
        Ok(Self(Node {
            id,
            kind,
            label,
            aliases,
            label_zh,
            description,
        }))
    }
}

/// A source as a tuple of its fields, its origin included.
struct SourceOut<'a>(&'a Source);

impl Serialize for SourceOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let source = self.0;
        let Origin {
            file,
            relation,
            source: index,
            in_facts,
        } = source.origin;
        (
            source.paper,
            source.locator(),
            source.quote(),
            (file, relation, index, in_facts),
        )
            .serialize(serializer)
    }
}

struct SourceIn(Source);

impl<'de> Deserialize<'de> for SourceIn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let (paper, locator, quote, (file, relation, source, in_facts)): (_, &str, &str, _) =
            Deserialize::deserialize(deserializer)?;
        let origin = Origin {
            file,
            relation,
            source,
            in_facts,
        };
        Ok(Self(Source::new(paper, locator, quote, origin)))
    }
}

fn sources_out(sources: &[Source]) -> Seq<impl ExactSizeIterator<Item = SourceOut<'_>> + Clone> {
    Seq(sources.iter().map(SourceOut))
}

fn sources_in(sources: Vec<SourceIn>) -> Vec<Source> {
    sources.into_iter().map(|s| s.0).collect()
}

/// An edge: its ends in petgraph and its relation, as a tuple.
#[derive(Clone, Copy)]
struct EdgeOut<'a> {
    from: NodeIndex,
    to: NodeIndex,
    relation: &'a Relation,
}

impl Serialize for EdgeOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let Relation {
            kind,
            from,
            to,
            aspect,
            dimension,
            scope,
            positions,
            sources,
            notes,
        } = self.relation;
        (
            index(self.from),
            index(self.to),
            kind,
            index(*from),
            index(*to),
            aspect.map(index),
            dimension.map(index),
            scope.map(index),
            positions.as_ref().map(|p| (&p.from, &p.to)),
            sources_out(sources),
            notes,
        )
            .serialize(serializer)
    }
}

struct EdgeIn {
    from: NodeIndex,
    to: NodeIndex,
    relation: Relation,
}

impl<'de> Deserialize<'de> for EdgeIn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        #[allow(clippy::type_complexity)]
        let (
            edge_from,
            edge_to,
            kind,
            from,
            to,
            aspect,
            dimension,
            scope,
            positions,
            sources,
            notes,
        ): (
            u32,
            u32,
            _,
            u32,
            u32,
            Option<u32>,
            Option<u32>,
            Option<u32>,
            Option<(String, String)>,
            Vec<SourceIn>,
            _,
        ) = Deserialize::deserialize(deserializer)?;
        Ok(Self {
            from: node_index(edge_from),
            to: node_index(edge_to),
            relation: Relation {
                kind,
                from: node_index(from),
                to: node_index(to),
                aspect: aspect.map(node_index),
                dimension: dimension.map(node_index),
                scope: scope.map(node_index),
                positions: positions.map(|(from, to)| Box::new(Positions { from, to })),
                sources: sources_in(sources),
                notes,
            },
        })
    }
}

/// A fact as a tuple; its value, untagged in JSON, is kept as JSON.
struct FactOut<'a>(&'a Fact);

impl Serialize for FactOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let Fact {
            subject,
            property,
            value,
            sources,
            note,
        } = self.0;
        let value = serde_json::to_string(value).map_err(serde::ser::Error::custom)?;
        (index(*subject), property, value, sources_out(sources), note).serialize(serializer)
    }
}

struct FactIn(Fact);

impl<'de> Deserialize<'de> for FactIn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let (subject, property, value, sources, note): (u32, _, String, Vec<SourceIn>, _) =
            Deserialize::deserialize(deserializer)?;
        Ok(Self(Fact {
            subject: node_index(subject),
            property,
            value: serde_json::from_str(&value).map_err(serde::de::Error::custom)?,
            sources: sources_in(sources),
            note,
        }))
    }
}

/// A load warning as a tuple.
struct DiagnosticOut<'a>(&'a Diagnostic);

impl Serialize for DiagnosticOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let Diagnostic {
            severity,
            file,
            line,
            column,
            message,
            hint,
            snippet,
            snippet_offset,
        } = self.0;
        let warning = *severity == Severity::Warning;
        (
            warning,
            file,
            line.map(|n| n as u64),
            column.map(|n| n as u64),
            message,
            hint,
            snippet,
            *snippet_offset as u64,
        )
            .serialize(serializer)
    }
}

struct DiagnosticIn(Diagnostic);

impl<'de> Deserialize<'de> for DiagnosticIn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let (warning, file, line, column, message, hint, snippet, snippet_offset): (
            bool,
            _,
            Option<u64>,
            Option<u64>,
            _,
            _,
            _,
            u64,
        ) = Deserialize::deserialize(deserializer)?;
        let size = |n: u64| usize::try_from(n).map_err(serde::de::Error::custom);
        Ok(Self(Diagnostic {
            severity: if warning {
                Severity::Warning
            } else {
                Severity::Error
            },
            file,
            line: line.map(size).transpose()?,
            column: column.map(size).transpose()?,
            message,
            hint,
            snippet,
            snippet_offset: size(snippet_offset)?,
        }))
    }
}
