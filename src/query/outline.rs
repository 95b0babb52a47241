//! `paper P`: one paper's argument in outline, its claims grouped by the schema's
//! `group` headings, in the order the paper makes them.

use indexmap::IndexMap;
use petgraph::graph::EdgeIndex;

use crate::{graph::ConceptGraph, relation::Source};

/// Heading for relation kinds without a `group` in the schema.
pub const OTHER: &str = "Other claims";

/// A paper's claims by heading; headings in schema order, claims in text order.
#[derive(Debug)]
pub struct Outline<'g> {
    /// The paper id.
    pub paper: String,
    /// Heading → (relation, the paper's source for it).
    pub groups: IndexMap<String, Vec<(EdgeIndex, &'g Source)>>,
}

/// The outline of `paper`. Claims keep the order in which they are encoded, which is
/// the order of the paper's text in the shipped data.
pub fn outline<'g>(graph: &'g ConceptGraph, paper: &str) -> Outline<'g> {
    let mut groups: IndexMap<String, Vec<(EdgeIndex, &Source)>> = IndexMap::new();
    for kind in graph.schema().relation_kinds.values() {
        groups
            .entry(kind.group.clone().unwrap_or_else(|| OTHER.into()))
            .or_default();
    }
    let mut claims: Vec<(EdgeIndex, &Source)> = graph
        .relations()
        .flat_map(|(edge, r)| {
            r.sources
                .iter()
                .filter(|s| s.paper == paper)
                .map(move |s| (edge, s))
        })
        .collect();
    claims.sort_by_key(|(_, s)| (s.origin.file, s.origin.relation, s.origin.source));
    let mut seen = std::collections::HashSet::new();
    for (edge, source) in claims {
        // One line per relation, with the paper's first quote for it.
        if !seen.insert(edge) {
            continue;
        }
        let kind = graph.kind_of(graph.relation(edge));
        let heading = kind.group.clone().unwrap_or_else(|| OTHER.into());
        groups.entry(heading).or_default().push((edge, source));
    }
    groups.retain(|_, claims| !claims.is_empty());
    Outline {
        paper: paper.to_string(),
        groups,
    }
}
