//! Whether a decoded cache holds a graph the loader could have built.
//!
//! A cache file's checksum proves only that its bytes are those its checksum was
//! computed over, not that linkage wrote them: a relation kind renamed and the checksum
//! recomputed decodes cleanly, and the queries, which trust a loaded graph's invariants
//! (ARCHITECTURE.md), would then panic on a kind the schema lacks. So the decoded graph
//! is checked against the schema and papers it carries, every check a lookup (the
//! loader's invariants, not its diagnostics): node kinds and ids, each relation's kind,
//! its kind index, the kinds at its ends, the aspect, dimension and positions its role
//! calls for, every source's paper, quote and file, every fact's property and value. A
//! cache that fails any of them is a miss.

use petgraph::graph::NodeIndex;

use super::Cached;
use crate::{
    relation::{Relation, Source},
    schema::{RelationKind, Role},
    symbol::Symbol,
};

/// The kind of the nodes an aspect or a dimension names.
const DIMENSION: &str = "dimension";

/// Whether `cached` holds what loading its dataset would: see the module's doc.
pub(super) fn holds_a_loaded_graph(cached: &Cached) -> bool {
    if !schema_sound(cached) {
        return false;
    }
    let names = Names::of(cached);
    let Some(kinds) = node_kinds(cached, &names) else {
        return false;
    };
    relations_sound(cached, &names, &kinds) && facts_sound(cached, &names)
}

/// The schema's kinds and the papers as symbols, and which node kinds each relation
/// kind allows at its ends. A dataset has a handful of kinds and papers and a million
/// relations naming them: a scan comparing symbols (pointers), and a table of kinds by
/// node index, cost less than hashing each name or reading each end's node.
struct Names<'c> {
    node_kinds: Vec<Symbol>,
    /// Each relation kind, and the node kinds (by index) allowed at its two ends.
    relation_kinds: Vec<(Symbol, &'c RelationKind, Vec<bool>, Vec<bool>)>,
    papers: Vec<Symbol>,
    /// The index of the kind of aspect and dimension nodes, if declared.
    dimension: Option<usize>,
}

impl<'c> Names<'c> {
    fn of(cached: &'c Cached) -> Self {
        let node_kinds: Vec<Symbol> = cached
            .schema
            .node_kinds
            .keys()
            .map(|k| Symbol::new(k))
            .collect();
        let relation_kinds = cached
            .schema
            .relation_kinds
            .iter()
            .map(|(name, kind)| {
                let from = node_kinds.iter().map(|&k| kind.allows_from(k)).collect();
                let to = node_kinds.iter().map(|&k| kind.allows_to(k)).collect();
                (Symbol::new(name), kind, from, to)
            })
            .collect();
        Self {
            dimension: node_kinds.iter().position(|k| *k == DIMENSION),
            node_kinds,
            relation_kinds,
            papers: cached.papers.keys().map(|p| Symbol::new(p)).collect(),
        }
    }
}

fn schema_sound(cached: &Cached) -> bool {
    cached.schema.problems().is_empty()
        && cached.schema.relation_kinds.len() <= crate::load::MAX_RELATION_KINDS
}

/// Each node's kind as its index among the schema's node kinds; `None` unless every
/// node is of a declared kind and found under its own id (no two share one).
fn node_kinds(cached: &Cached, names: &Names<'_>) -> Option<Vec<u16>> {
    let mut ids = rustc_hash::FxHashSet::default();
    ids.reserve(cached.graph.node_count());
    cached
        .graph
        .node_weights()
        .map(|node| {
            let kind = names.node_kinds.iter().position(|k| *k == node.kind)?;
            let sound = !node.id.is_empty() && ids.insert(node.id.as_str());
            sound.then(|| u16::try_from(kind).ok()).flatten()
        })
        .collect()
}

fn relations_sound(cached: &Cached, names: &Names<'_>, kinds: &[u16]) -> bool {
    let kind_of = |ix: NodeIndex| usize::from(kinds[ix.index()]);
    let is_dimension = |node: Option<NodeIndex>, wanted: bool| match node {
        Some(ix) => wanted && Some(kind_of(ix)) == names.dimension,
        None => !wanted,
    };
    cached
        .graph
        .raw_edges()
        .iter()
        .enumerate()
        .all(|(e, edge)| {
            let relation = &edge.weight;
            let Some(index) = names
                .relation_kinds
                .iter()
                .position(|(name, ..)| *name == relation.kind)
            else {
                return false;
            };
            let (_, kind, from, to) = &names.relation_kinds[index];
            let role = kind.role;
            relation.from == edge.source()
                && relation.to == edge.target()
                && cached.kind_indices.get(e).map(|&k| usize::from(k)) == Some(index)
                && from[kind_of(relation.from)]
                && to[kind_of(relation.to)]
                && is_dimension(relation.aspect, role == Role::CommonGround)
                && is_dimension(relation.dimension, role == Role::Difference)
                && positions_sound(relation, role == Role::Difference)
                && sources_sound(cached, names, &relation.sources)
        })
}

fn positions_sound(relation: &Relation, wanted: bool) -> bool {
    match &relation.positions {
        Some(positions) => {
            wanted && !positions.from.trim().is_empty() && !positions.to.trim().is_empty()
        }
        None => !wanted,
    }
}

/// At least one source; each citing a paper the cache carries, with a quote (not
/// empty), from one of the dataset's files.
fn sources_sound(cached: &Cached, names: &Names<'_>, sources: &[Source]) -> bool {
    !sources.is_empty()
        && sources.iter().all(|source| {
            names.papers.contains(&source.paper)
                && source.has_quote()
                && source.origin.file < cached.text_count
        })
}

/// Every fact of a declared property, its value of the property's type.
fn facts_sound(cached: &Cached, names: &Names<'_>) -> bool {
    cached.facts.iter().all(|fact| {
        cached
            .schema
            .properties
            .get(&fact.property)
            .is_some_and(|property| fact.value.has_type(property.value))
            && sources_sound(cached, names, &fact.sources)
    })
}
