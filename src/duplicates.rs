//! Concepts that are probably one: `check` warns about them, naming both, since two
//! nodes for one concept hide the agreement of the papers that use them.
//!
//! Two concepts are probably one when
//! - a label or alias of each says the same words (normalised: case, hyphens, word
//!   order and endings aside: "institutional poverty alleviation" and
//!   "institutionalization of poverty alleviation"), or
//! - they have the same relations (two or more, of the same kinds, in the same
//!   directions) to the same concepts, and a name of one states a name of the other
//!   nearly (`match`'s name score of [`SIMILAR`] or more);
//!
//! unless the description of one names the other (its id, label or Chinese label):
//! the encoder has then told them apart, as the shipped data's sectoral poverty
//! alleviation (行业扶贫), whose description says it is not industrial poverty
//! alleviation (产业扶贫) although the paper writes both "industry poverty alleviation".
//!
//! The same relations alone say nothing: the items of one list ("five batches", "six
//! precisions", "four teams") are all part of the same whole. Both tests are linear:
//! names and neighbourhoods are grouped by hashing, and only the members of one
//! neighbourhood (at most [`MAX_GROUP`] of them) are compared with one another.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

use petgraph::graph::NodeIndex;

use crate::{
    diagnostic::Diagnostic,
    graph::ConceptGraph,
    matching::{Index, View},
    normalize::name_key,
};

/// The least name score at which two concepts with the same relations are one.
pub(crate) const SIMILAR: f64 = 0.6;

/// Larger groups of concepts with the same relations are the items of a long list:
/// not compared.
const MAX_GROUP: usize = 50;

/// From this many concepts the two tests run on two threads.
const TWO_THREADS_FROM: usize = 10_000;

/// Why two concepts are probably one.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Reason {
    /// A name of each says the same words.
    SameWords {
        /// The first concept's name.
        a: String,
        /// The second's.
        b: String,
    },
    /// The same relations to the same concepts, and names stating each other nearly.
    SameRelations {
        /// How many relations they share.
        relations: usize,
        /// The name score of the closest names.
        score: f64,
    },
}

/// Two concepts that are probably one, in data order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Duplicate {
    /// The first in data order.
    pub a: NodeIndex,
    /// The second.
    pub b: NodeIndex,
    /// Why.
    pub reason: Reason,
}

/// Every pair of concepts that are probably one, in data order of the first, then the
/// second; each pair once.
///
/// The two tests read the graph only, so a large graph runs them on two threads: at
/// 100,000 concepts each took a tenth of a cold `check` (bench/HISTORY.md).
pub(crate) fn probable_duplicates(graph: &ConceptGraph) -> Vec<Duplicate> {
    probable_duplicates_from(graph, TWO_THREADS_FROM)
}

/// [`probable_duplicates`], on two threads from `two_threads_from` concepts.
fn probable_duplicates_from(graph: &ConceptGraph, two_threads_from: usize) -> Vec<Duplicate> {
    let by_relations = |found: &mut Vec<Duplicate>| same_relations(graph, found);
    let mut found: Vec<Duplicate> = Vec::new();
    if graph.node_count() < two_threads_from {
        same_words(graph, &mut found);
        by_relations(&mut found);
    } else {
        let relations = std::thread::scope(|scope| {
            let relations = scope.spawn(|| {
                let mut found = Vec::new();
                by_relations(&mut found);
                found
            });
            same_words(graph, &mut found);
            relations.join().expect("comparing concepts does not panic")
        });
        found.extend(relations);
    }
    // Stable: a pair found by both tests keeps its reason from the names.
    found.sort_by_key(|d| (d.a, d.b));
    found.dedup_by_key(|d| (d.a, d.b));
    found
}

/// The pairs with a name of each saying the same words.
fn same_words(graph: &ConceptGraph, found: &mut Vec<Duplicate>) {
    let mut by_words: FxHashMap<String, Vec<(NodeIndex, &str)>> = FxHashMap::default();
    for ix in graph.node_indices() {
        let node = graph.node(ix);
        for name in std::iter::once(&node.label).chain(&node.aliases) {
            let key = name_key(name);
            if key.is_empty() {
                continue;
            }
            let same = by_words.entry(key).or_default();
            if !same.iter().any(|(n, _)| *n == ix) {
                same.push((ix, name));
            }
        }
    }
    // In the order of the keys, so that a pair with two names of the same words is
    // always reported by the same two.
    let mut keyed: Vec<(&String, &Vec<(NodeIndex, &str)>)> = by_words.iter().collect();
    keyed.sort_unstable_by_key(|(key, _)| *key);
    for (_, same) in keyed {
        for (i, &(a, a_name)) in same.iter().enumerate() {
            for &(b, b_name) in &same[i + 1..] {
                push(
                    graph,
                    found,
                    a,
                    b,
                    Reason::SameWords {
                        a: a_name.to_string(),
                        b: b_name.to_string(),
                    },
                );
            }
        }
    }
}

/// The pairs with the same relations to the same concepts and names close enough.
fn same_relations(graph: &ConceptGraph, found: &mut Vec<Duplicate>) {
    // Nodes grouped by a fingerprint of their relations (one reused buffer, no set per
    // node: a large graph has a million relations), then split by the relations
    // themselves, since two fingerprints may collide.
    let mut by_fingerprint: FxHashMap<u64, Vec<NodeIndex>> = FxHashMap::default();
    let mut buffer = Vec::new();
    for ix in graph.node_indices() {
        relations_of(graph, ix, &mut buffer);
        if buffer.len() >= 2 {
            let mut hasher = FxHasher::default();
            buffer.hash(&mut hasher);
            by_fingerprint.entry(hasher.finish()).or_default().push(ix);
        }
    }
    let mut groups: Vec<(usize, Vec<NodeIndex>)> = Vec::new();
    for members in by_fingerprint.into_values() {
        if members.len() < 2 || members.len() > MAX_GROUP {
            continue;
        }
        let mut split: FxHashMap<Vec<(NodeIndex, u16, bool)>, Vec<NodeIndex>> =
            FxHashMap::default();
        for ix in members {
            relations_of(graph, ix, &mut buffer);
            split.entry(buffer.clone()).or_default().push(ix);
        }
        groups.extend(
            split
                .into_iter()
                .filter(|(_, same)| same.len() >= 2)
                .map(|(relations, same)| (relations.len(), same)),
        );
    }
    if !groups.is_empty() {
        let index = Index::build(graph, &View::all().names_only());
        for (relations, members) in &groups {
            let relations = *relations;
            for (i, &a) in members.iter().enumerate() {
                for &b in &members[i + 1..] {
                    let score = index.name_similarity(a, b);
                    if score >= SIMILAR {
                        push(
                            graph,
                            found,
                            a,
                            b,
                            Reason::SameRelations { relations, score },
                        );
                    }
                }
            }
        }
    }
}

/// The relations of `ix` as (other end, kind, outgoing), sorted, once each, into `out`.
fn relations_of(graph: &ConceptGraph, ix: NodeIndex, out: &mut Vec<(NodeIndex, u16, bool)>) {
    let adjacency = graph.adjacency();
    out.clear();
    out.extend(
        adjacency
            .outgoing(ix)
            .iter()
            .map(|r| (r.other, r.kind, true)),
    );
    out.extend(
        adjacency
            .incoming(ix)
            .iter()
            .map(|r| (r.other, r.kind, false)),
    );
    out.sort_unstable();
    out.dedup();
}

/// Adds the pair in data order, unless a description tells them apart.
fn push(
    graph: &ConceptGraph,
    found: &mut Vec<Duplicate>,
    a: NodeIndex,
    b: NodeIndex,
    reason: Reason,
) {
    let (a, b) = if a < b { (a, b) } else { (b, a) };
    if names_the_other(graph, a, b) || names_the_other(graph, b, a) {
        return;
    }
    found.push(Duplicate { a, b, reason });
}

/// Whether the description of `node` names `other` (its id, label or Chinese label):
/// the encoder has then told the two apart.
fn names_the_other(graph: &ConceptGraph, node: NodeIndex, other: NodeIndex) -> bool {
    let Some(description) = graph.node(node).description.as_deref() else {
        return false;
    };
    let description = description.to_lowercase();
    let other = graph.node(other);
    std::iter::once(other.id.as_str())
        .chain(std::iter::once(other.label.as_str()))
        .chain(other.label_zh.as_deref())
        .any(|name| description.contains(&name.to_lowercase()))
}

/// The pair as a warning placed on the second concept's record in its data file.
pub(crate) fn warning(graph: &ConceptGraph, duplicate: &Duplicate) -> Diagnostic {
    let (a, b) = (graph.node(duplicate.a), graph.node(duplicate.b));
    let why = match &duplicate.reason {
        Reason::SameWords { a: x, b: y } if x.to_lowercase() == y.to_lowercase() => {
            format!("both are named “{x}”")
        }
        Reason::SameWords { a: x, b: y } => {
            format!("“{x}” and “{y}” say the same words")
        }
        Reason::SameRelations { relations, score } => format!(
            "they have the same {relations} relations to the same concepts, and names \
             as close as {score:.2}"
        ),
    };
    let message = format!(
        "`{}` ({}) and `{}` ({}) are probably one concept: {why}",
        a.id, a.label, b.id, b.label
    );
    let hint = "make them one node (the other's names as its aliases), so that the papers \
                using them agree; if they differ, say how in a description \
                naming the other";
    place_of(graph, duplicate.b)
        .map_or_else(
            || Diagnostic::error(String::new(), message.clone()),
            |(file, text, line, column)| {
                Diagnostic::error(file, message.clone()).at(text, line, column)
            },
        )
        .warning()
        .with_hint(hint)
}

/// Where node `ix` is defined: its file's name and text, and the line and column of its
/// `id` member.
fn place_of(graph: &ConceptGraph, ix: NodeIndex) -> Option<(String, &str, usize, usize)> {
    let id = &graph.node(ix).id;
    for file in graph.files() {
        let text = file.text();
        let mut from = 0;
        while let Some(at) = text[from..].find(&format!("\"{id}\"")) {
            let start = from + at;
            let before = text[..start].trim_end();
            if let Some(key) = before.strip_suffix(':') {
                if key.trim_end().ends_with("\"id\"") {
                    let (line, column) = line_column(text, start);
                    return Some((file.name.clone(), text, line, column));
                }
            }
            from = start + 1;
        }
    }
    None
}

/// 1-based line and column (in characters) of byte `offset` of `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::{probable_duplicates_from, Reason};

    /// A claim of paper `paper` that `from` `kind` `to`.
    fn claim(kind: &str, from: &str, to: &str, paper: &str) -> String {
        format!(
            r#"{{"kind": "{kind}", "from": "{from}", "to": "{to}", "sources": [{{"paper": "{paper}", "locator": "Abstract", "quote": "{from} {kind} {to}."}}]}}"#
        )
    }

    /// The two tests on two threads find what they find on one, in the same order and
    /// with the same reasons, on a dataset with duplicates of both kinds.
    #[test]
    fn two_threads_find_what_one_finds() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let schema = std::fs::read(root.join("tests/fixtures/good/schema.json")).unwrap();
        let papers = r#"{"papers": [{"id": "a", "cite": "A (2024)", "file": "a.txt"},
            {"id": "b", "cite": "B (2024)", "file": "b.txt"}]}"#;
        let nodes = r#"{"nodes": [
            {"id": "institutional-poverty-alleviation", "kind": "mechanism", "label": "Institutional poverty alleviation"},
            {"id": "poverty-alleviation-institutionalized", "kind": "mechanism", "label": "Institutionalization of poverty alleviation"},
            {"id": "rural-cadre-training", "kind": "measure", "label": "Rural cadre training"},
            {"id": "cadre-training-programme", "kind": "measure", "label": "Rural cadre training programme"},
            {"id": "tpa", "kind": "strategy", "label": "Targeted poverty alleviation"},
            {"id": "rural-governance", "kind": "goal", "label": "Rural governance"}]}"#;
        let relations = [
            claim("part-of", "rural-cadre-training", "tpa", "a"),
            claim("serves", "rural-cadre-training", "rural-governance", "a"),
            claim("part-of", "cadre-training-programme", "tpa", "b"),
            claim(
                "serves",
                "cadre-training-programme",
                "rural-governance",
                "b",
            ),
        ];
        let relations = format!(r#"{{"relations": [{}]}}"#, relations.join(", "));
        let graph = crate::load::load_in_memory(vec![
            ("schema.json".into(), schema),
            ("papers.json".into(), papers.into()),
            ("nodes.json".into(), nodes.into()),
            ("claims.json".into(), relations.into()),
        ])
        .unwrap()
        .graph;
        let one = probable_duplicates_from(&graph, usize::MAX);
        assert!(
            one.iter()
                .any(|d| matches!(d.reason, Reason::SameWords { .. }))
                && one
                    .iter()
                    .any(|d| matches!(d.reason, Reason::SameRelations { .. })),
            "{one:?}"
        );
        assert_eq!(probable_duplicates_from(&graph, 0), one);
    }
}
