//! Reading a dataset: files → parsed records → validated [`ConceptGraph`].
//!
//! Validation collects every problem before giving up, so a scholar fixes ten mistakes
//! in one round. Each check is linear in the size of the data (hash lookups, no pairwise
//! comparisons), so large graphs load in one pass.

mod build;
mod facts;
mod files;
mod merge;
mod parse;
mod parts;
mod problems;
mod rules;

use build::build;
use files::json_paths;
pub use files::{data_paths, read_data_dir, ReadFile};
pub(crate) use parse::MAX_RELATION_KINDS;
use parse::{decode, parse_files, parse_schema, PARSE_PARALLEL_FROM};
use problems::{finish, Problems};

use std::{
    borrow::Cow,
    path::{Path, PathBuf},
};

use crate::{
    diagnostic::{Diagnostic, Severity},
    embedded,
    error::{Error, Result},
    graph::{ConceptGraph, DataFileText},
    schema::Schema,
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
/// ```
/// use linkage::{load, DataSource};
///
/// // The five papers built in; `DataSource::Dir("mydata".into())` reads a directory.
/// let graph = load(&DataSource::Embedded)?.graph;
/// assert_eq!(graph.papers().count(), 5);
/// // A name resolves as on the command line: id, label, alias, Chinese label.
/// let tpa = graph.resolve("精准扶贫")?;
/// assert_eq!(graph.node(tpa).id, "tpa");
/// # Ok::<(), linkage::Error>(())
/// ```
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
    pub fn texts(&self) -> Option<crate::text_store::TextStore> {
        match self {
            Self::Embedded => crate::text_store::TextStore::find(None, None),
            Self::Dir(dir) => crate::text_store::TextStore::find(None, Some(dir)),
        }
    }
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

fn load_files(raw: Vec<RawFile>) -> Result<Loaded> {
    load_files_parsing(raw, PARSE_PARALLEL_FROM)
}

/// [`load_files`], parsing the data files on every core from `parallel_from` bytes.
fn load_files_parsing(raw: Vec<RawFile>, parallel_from: usize) -> Result<Loaded> {
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
    let parsed = parse_files(&texts, &data_files, &mut problems, parallel_from);
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

/// Collapses runs of white space to one space and trims, as quotes are compared.
pub fn normalize_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::parse::read_whole;
    use super::*;
    use crate::relation::Relation;

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

    /// Data files parsed on every core load as parsed one after the other: the same
    /// graph and the same diagnostics, in the same order, on the shipped data and on
    /// every bad fixture (each a few files, parsed on as many threads as there are).
    #[test]
    fn files_parsed_on_every_core_load_as_parsed_in_turn() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("data"), root.join("tests/fixtures/good")];
        let mut bad: Vec<PathBuf> = std::fs::read_dir(root.join("tests/fixtures/bad"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        bad.sort();
        dirs.extend(bad);
        let outcome = |files, parallel_from| match load_files_parsing(files, parallel_from) {
            Ok(loaded) => {
                let relations: Vec<&Relation> = loaded.graph.relations().map(|(_, r)| r).collect();
                let nodes: Vec<_> = loaded
                    .graph
                    .node_indices()
                    .map(|ix| loaded.graph.node(ix))
                    .collect();
                format!("{nodes:#?}\n{relations:#?}\n{:#?}", loaded.warnings)
            }
            Err(e) => format!("{e:#?}"),
        };
        for dir in dirs {
            let in_turn = outcome(dataset(&dir, false), usize::MAX);
            let on_every_core = outcome(dataset(&dir, false), 0);
            assert_eq!(in_turn, on_every_core, "{}", dir.display());
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
