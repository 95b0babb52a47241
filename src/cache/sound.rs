//! Whether a decoded cache holds a graph the loader could have built.
//!
//! A cache file's checksum proves only that its bytes are those its checksum was
//! computed over, not that linkage wrote them: a relation kind renamed and the checksum
//! recomputed decodes cleanly, and the queries, which trust a loaded graph's invariants
//! (ARCHITECTURE.md), would then panic on a kind the schema lacks. So the decoded graph
//! is checked against the schema and papers it carries, every check a hash lookup (the
//! loader's invariants, not its diagnostics): node kinds and ids, each relation's kind,
//! its kind index, the kinds at its ends, the aspect, dimension and positions its role
//! calls for, every source's paper, quote and file, every fact's property and value. A
//! cache that fails any of them is a miss.

use petgraph::graph::NodeIndex;

use super::Cached;
use crate::{
    relation::{Relation, Source},
    schema::Role,
};

/// The kind of the nodes an aspect or a dimension names.
const DIMENSION: &str = "dimension";

/// Whether `cached` holds what loading its dataset would: see the module's doc.
pub(super) fn holds_a_loaded_graph(cached: &Cached) -> bool {
    schema_sound(cached) && nodes_sound(cached) && relations_sound(cached) && facts_sound(cached)
}

fn schema_sound(cached: &Cached) -> bool {
    cached.schema.problems().is_empty()
        && cached.schema.relation_kinds.len() <= crate::load::MAX_RELATION_KINDS
}

/// Every node of a declared kind, and found under its own id (no two share one).
fn nodes_sound(cached: &Cached) -> bool {
    cached.graph.node_indices().all(|ix| {
        let node = &cached.graph[ix];
        !node.id.is_empty()
            && cached.schema.node_kinds.contains_key(node.kind.as_str())
            && cached.ids.get(&node.id) == Some(&ix)
    })
}

fn relations_sound(cached: &Cached) -> bool {
    let kinds = &cached.schema.relation_kinds;
    cached
        .graph
        .raw_edges()
        .iter()
        .enumerate()
        .all(|(e, edge)| {
            let relation = &edge.weight;
            let Some((index, _, kind)) = kinds.get_full(relation.kind.as_str()) else {
                return false;
            };
            let role = kind.role;
            relation.from == edge.source()
                && relation.to == edge.target()
                && cached.ends.get(e) == Some(&(edge.source(), edge.target()))
                && cached.kind_indices.get(e).map(|&k| usize::from(k)) == Some(index)
                && kind.allows_from(cached.graph[relation.from].kind)
                && kind.allows_to(cached.graph[relation.to].kind)
                && dimension_sound(cached, relation.aspect, role == Role::CommonGround)
                && dimension_sound(cached, relation.dimension, role == Role::Difference)
                && positions_sound(relation, role == Role::Difference)
                && sources_sound(cached, &relation.sources)
        })
}

/// An aspect or dimension: present exactly when the role calls for one, and a
/// dimension node.
fn dimension_sound(cached: &Cached, node: Option<NodeIndex>, wanted: bool) -> bool {
    match node {
        Some(ix) => wanted && cached.graph[ix].kind == DIMENSION,
        None => !wanted,
    }
}

fn positions_sound(relation: &Relation, wanted: bool) -> bool {
    match &relation.positions {
        Some(positions) => {
            wanted && !positions.from.trim().is_empty() && !positions.to.trim().is_empty()
        }
        None => !wanted,
    }
}

/// At least one source; each citing a paper the cache carries, with a quote, from one
/// of the dataset's files.
fn sources_sound(cached: &Cached, sources: &[Source]) -> bool {
    !sources.is_empty()
        && sources.iter().all(|source| {
            cached.papers.contains_key(source.paper.as_str())
                && !source.quote().trim().is_empty()
                && source.origin.file < cached.text_count
        })
}

/// Every fact of a declared property, its value of the property's type.
fn facts_sound(cached: &Cached) -> bool {
    cached.facts.iter().all(|fact| {
        cached
            .schema
            .properties
            .get(&fact.property)
            .is_some_and(|property| fact.value.has_type(property.value))
            && sources_sound(cached, &fact.sources)
    })
}
