//! Merging claims: the same relation asserted in several places becomes one relation
//! with several sources; the same quote twice is a slip, reported.

use std::borrow::Cow;

use hashbrown::HashTable;
use petgraph::graph::{EdgeIndex, NodeIndex};
use rustc_hash::FxBuildHasher;

use crate::relation::{Positions, Relation, Source};

use super::{parts::Parts, problems::Problems};

/// What makes two claims the same relation. Symmetric kinds are keyed in one canonical
/// direction, so "A differs from B" and "B differs from A" (positions swapped) merge.
/// Only hashed and compared, never stored: the merge table holds edge indices and
/// rebuilds an edge's key from the graph when it needs it (4 bytes a relation while
/// loading, where a stored key took 40).
#[derive(Hash, PartialEq, Eq)]
pub(super) struct RelationKey<'r> {
    pub(super) kind: usize,
    pub(super) from: NodeIndex,
    pub(super) to: NodeIndex,
    pub(super) aspect: Option<NodeIndex>,
    pub(super) dimension: Option<NodeIndex>,
    pub(super) scope: Option<NodeIndex>,
    /// Positions as read from `from` to `to`.
    pub(super) positions: Option<Cow<'r, Positions>>,
}

impl<'r> RelationKey<'r> {
    /// The key of `relation`, of kind number `kind` in the schema.
    pub(super) fn of(relation: &'r Relation, kind: usize, symmetric: bool) -> Self {
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
    pub(super) fn of_edge(parts: &'r Parts, edge: EdgeIndex) -> Self {
        let kind = usize::from(parts.kind_indices[edge.index()]);
        let symmetric = parts.schema.relation_kinds[kind].symmetric;
        Self::of(&parts.graph[edge], kind, symmetric)
    }

    pub(super) fn hash(&self) -> u64 {
        use std::hash::BuildHasher;
        FxBuildHasher.hash_one(self)
    }
}

/// Relations already inserted, found by their [`RelationKey`].
pub(super) type Merged = HashTable<EdgeIndex>;

/// Kept out of line: when a change elsewhere let the inliner take it into `build`'s
/// loop over a million relations, a cold load at that size took 1.17x as long
/// (farm-bench, paired runs; bench/README.md).
#[inline(never)]
pub(super) fn insert_relation(
    parts: &mut Parts,
    merged: &mut Merged,
    mut relation: Relation,
    problems: &mut Problems,
) {
    let number = *parts
        .kind_numbers
        .get(&relation.kind)
        .expect("relation kinds are checked before insertion");
    let kind = usize::from(number);
    let symmetric = parts.schema.relation_kinds[kind].symmetric;
    let key = RelationKey::of(&relation, kind, symmetric);
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
    parts.kind_indices.push(number);
    let edge = parts.graph.add_edge(relation.from, relation.to, relation);
    let parts = &*parts;
    merged.insert_unique(hash, edge, |&edge| RelationKey::of_edge(parts, edge).hash());
}

/// Whether two sources are the same paper saying the same words. The same quote twice
/// on one relation is a copy-paste slip, not agreement. Compares as [`normalize_space`]
/// would, word by word, without building the normalised strings.
pub(super) fn same_claim(a: &Source, b: &Source) -> bool {
    a.paper == b.paper
        && a.quote()
            .split_whitespace()
            .eq(b.quote().split_whitespace())
}

pub(super) fn report_repeat(problems: &mut Problems, repeat: &Source, first: &Source) {
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
