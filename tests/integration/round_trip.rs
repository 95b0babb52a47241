//! Load, write, reload: the same graph. Every writer of the data format (the library's
//! whole-graph dump, `export --format json`, and GraphML exported then imported) is
//! held to give back every paper, node, relation, source and fact with all their
//! fields, for the shipped data and every fixture dataset that loads. The graphs are
//! compared as a canonical dump read from the graph's own fields, not through any
//! writer, so a field a writer drops shows as a difference.

use std::{
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
};

use linkage::{
    export,
    graph::ConceptGraph,
    load::{load, DataSource},
    relation::Source,
};

use crate::common::{fixture, linkage};

/// Every field of the graph that the data format carries, one item a line, in data order.
/// The loader's own places (which file, which index) are not data and are left out; the
/// notes of claims merged from several files are joined as a writer joins them.
fn dump(graph: &ConceptGraph) -> String {
    let mut out = String::new();
    for paper in graph.papers() {
        let _ = writeln!(out, "paper {paper:?}");
    }
    for node in graph.nodes() {
        let _ = writeln!(out, "node {node:?}");
    }
    let id = |ix| graph.node(ix).id.as_str();
    for (_, r) in graph.relations() {
        let _ = writeln!(
            out,
            "relation {} {} -> {} aspect {:?} dimension {:?} scope {:?} positions {:?} note {:?}",
            r.kind.as_str(),
            id(r.from),
            id(r.to),
            r.aspect.map(id),
            r.dimension.map(id),
            r.scope.map(id),
            r.positions,
            r.notes.join(" / "),
        );
        sources(&mut out, &r.sources);
    }
    for f in graph.facts() {
        let _ = writeln!(
            out,
            "fact {} {} {:?} note {:?}",
            id(f.subject),
            f.property,
            f.value,
            f.note
        );
        sources(&mut out, &f.sources);
    }
    out
}

fn sources(out: &mut String, sources: &[Source]) {
    for s in sources {
        let _ = writeln!(
            out,
            "  source {} locator {:?} quote {:?} encoded_by {:?} reviewed_by {:?} voice {:?} extent {:?}",
            s.paper.as_str(),
            s.locator(),
            s.quote(),
            s.encoded_by(),
            s.reviewed_by(),
            s.voice(),
            s.extent(),
        );
    }
}

/// Whether line `b` says what line `a` says, where a writer may fill in a locator the
/// data leaves out (`export` writes the heading the quote falls under, as `check`
/// derives it: docs/formats.md).
fn same_line(a: &str, b: &str, derives_locators: bool) -> bool {
    /// The line without its locator: what comes before it and after it.
    fn around_locator(line: &str) -> Option<(&str, &str)> {
        let (head, rest) = line.split_once(" locator ")?;
        let (_, tail) = rest.split_once(" quote ")?;
        Some((head, tail))
    }
    a == b
        || (derives_locators
            && a.contains(" locator \"\" quote ")
            && !b.contains(" locator \"\" quote ")
            && around_locator(a).is_some()
            && around_locator(a) == around_locator(b))
}

/// The first line where `a` and `b` differ (`None` when they say the same).
fn first_difference(a: &str, b: &str, derives_locators: bool) -> Option<String> {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let at = a
        .iter()
        .zip(&b)
        .position(|(x, y)| !same_line(x, y, derives_locators))
        .unwrap_or(a.len().min(b.len()));
    if at == a.len() && a.len() == b.len() {
        return None;
    }
    Some(format!(
        "line {} of {} / {}:\n  loaded:   {}\n  reloaded: {}",
        at + 1,
        a.len(),
        b.len(),
        a.get(at).unwrap_or(&"(end)"),
        b.get(at).unwrap_or(&"(end)")
    ))
}

/// A fresh directory under the test target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("round-trip")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

/// A new dataset in `dir`: `file` as its one data file, and the schema `from` has.
fn dataset(dir: &Path, from: Option<&Path>, file: &str) -> PathBuf {
    fs::write(dir.join("data.json"), file).expect("the data file is written");
    if let Some(schema) = from.map(|d| d.join("schema.json")).filter(|s| s.exists()) {
        fs::copy(schema, dir.join("schema.json")).expect("the schema is copied");
    }
    dir.to_path_buf()
}

/// `linkage [--data DIR] ARGS`, which must succeed.
fn run(data: Option<&Path>, args: &[&str]) {
    let mut cmd = linkage();
    if let Some(dir) = data {
        cmd.arg("--data").arg(dir).arg("--no-cache");
    }
    let out = cmd.args(args).output().expect("the binary runs");
    assert!(
        out.status.success(),
        "linkage {args:?} on {data:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Loads `dir`, or fails naming what the loader said.
fn reload(dir: &Path, how: &str) -> ConceptGraph {
    match load(&DataSource::Dir(dir.to_path_buf())) {
        Ok(loaded) => loaded.graph,
        Err(e) => panic!("{how}: the written dataset does not load: {e}"),
    }
}

/// Writes `graph` (loaded from `source`, `data` its directory if any) with every
/// writer and asserts each reloads to the same dump.
fn round_trips(name: &str, source: &DataSource, data: Option<&Path>) {
    let graph = load(source).expect("the dataset loads").graph;
    let expected = dump(&graph);
    assert!(expected.contains("\nrelation "), "{name}: no relations");

    let library = scratch(&format!("{name}/library"));
    let text = serde_json::to_string_pretty(&export::data_file(&graph)).expect("serialises");
    let dir = dataset(&library, data, &text);
    let reloaded = dump(&reload(&dir, "export::data_file"));
    if let Some(difference) = first_difference(&expected, &reloaded, false) {
        panic!("{name}, export::data_file: {difference}");
    }

    let exported = scratch(&format!("{name}/export-json"));
    let out = exported.join("export.json");
    run(
        data,
        &["export", "--format", "json", "-o", out.to_str().unwrap()],
    );
    let text = fs::read_to_string(&out).expect("the export is written");
    fs::remove_file(&out).expect("the export is moved");
    let dir = dataset(&exported, data, &text);
    let reloaded = dump(&reload(&dir, "export --format json"));
    if let Some(difference) = first_difference(&expected, &reloaded, true) {
        panic!("{name}, export --format json: {difference}");
    }

    let graphml = scratch(&format!("{name}/graphml"));
    let file = graphml.join("graph.graphml");
    let imported = graphml.join("imported");
    run(
        data,
        &[
            "export",
            "--format",
            "graphml",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    run(
        None,
        &[
            "import",
            file.to_str().unwrap(),
            "-o",
            imported.to_str().unwrap(),
        ],
    );
    let reloaded = dump(&reload(&imported, "GraphML export, then import"));
    if let Some(difference) = first_difference(&expected, &reloaded, true) {
        panic!("{name}, GraphML export then import: {difference}");
    }
}

#[test]
fn the_shipped_data_round_trips_through_every_writer() {
    round_trips("shipped", &DataSource::Embedded, None);
}

#[test]
fn every_fixture_dataset_that_loads_round_trips_through_every_writer() {
    let root = fixture("");
    let mut dirs: Vec<PathBuf> = Vec::new();
    for parent in [root.clone(), root.join("bad")] {
        for entry in fs::read_dir(&parent).expect("the fixtures are listed") {
            let dir = entry.expect("an entry").path();
            let has_data = fs::read_dir(&dir).is_ok_and(|files| {
                files
                    .flatten()
                    .any(|f| f.path().extension().is_some_and(|e| e == "json"))
            });
            if dir.is_dir() && has_data {
                dirs.push(dir);
            }
        }
    }
    dirs.sort();
    let mut tried = Vec::new();
    for dir in &dirs {
        let source = DataSource::Dir(dir.clone());
        if load(&source).is_err() {
            continue;
        }
        let name = dir
            .strip_prefix(&root)
            .expect("under the fixtures")
            .to_string_lossy()
            .replace('/', "-");
        round_trips(&name, &source, Some(dir));
        tried.push(name);
    }
    for wanted in [
        "adversarial-export",
        "good",
        "good-logic",
        "unseen",
        "wide-labels",
    ] {
        assert!(
            tried.iter().any(|t| t == wanted),
            "{wanted} was not tried: {tried:?}"
        );
    }
}

/// The sixth paper is a data file added to the shipped data (as
/// tests/integration/disputes.rs uses it).
#[test]
fn the_shipped_data_with_a_sixth_paper_round_trips_through_every_writer() {
    let dir = scratch("sixth-paper-dataset");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for entry in fs::read_dir(&data).expect("data/ is listed") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            fs::copy(&path, dir.join(path.file_name().unwrap())).expect("copied");
        }
    }
    fs::copy(
        fixture("sixth-paper/paper-sixth.json"),
        dir.join("paper-sixth.json"),
    )
    .expect("copied");
    round_trips("sixth-paper", &DataSource::Dir(dir.clone()), Some(&dir));
}
