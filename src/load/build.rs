//! Building the graph from parsed files: papers and nodes first, then each file's
//! relations checked (on every core for a large file) and inserted in data order. The
//! performance work of loading; the rules themselves are in `rules.rs`.

use std::ops::Range;

use indexmap::IndexMap;
use petgraph::graph::DiGraph;
use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::{
    graph::DataFileText, records::RelationRecord, relation::Relation, schema::Schema,
    symbol::Symbol,
};

use super::{
    facts,
    merge::{insert_relation, Merged},
    parse::{item_place, strip_position, Held, ParsedFile},
    parts::{Definitions, Parts},
    problems::{Place, Problems},
    rules::{add_node, add_paper, check_relation},
};

pub(super) fn build(
    schema: Schema,
    files: Vec<ParsedFile>,
    texts: &mut [DataFileText],
    problems: &mut Problems,
) -> Parts {
    let node_total = files.iter().map(|f| f.nodes.len()).sum();
    let relation_total = files.iter().map(|f| f.relations.len()).sum();
    let kind_numbers = schema
        .relation_kinds
        .keys()
        .enumerate()
        // `parse_schema` refuses more than MAX_RELATION_KINDS kinds.
        .map_while(|(i, name)| Some((Symbol::new(name), u16::try_from(i).ok()?)))
        .collect();
    let mut parts = Parts {
        kind_numbers,
        schema,
        papers: IndexMap::new(),
        graph: DiGraph::with_capacity(node_total, relation_total),
        kind_indices: Vec::with_capacity(relation_total),
        node_kinds: Vec::with_capacity(node_total),
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

/// Below this many relations in a file, checking them on one thread is faster than
/// starting more.
pub(super) const PARALLEL_FROM: usize = 20_000;

/// Parses and checks a file's relations (`spans` of its `text`), in order, as one list
/// per thread. Checking only reads the nodes and the schema, so large files are split
/// across the machine's cores; insertion, which merges claims in data order, stays on
/// one thread. The lists are not joined into one: that would hold a file's checked
/// relations twice.
pub(super) fn check_all(
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
pub(super) fn check_raw(
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
