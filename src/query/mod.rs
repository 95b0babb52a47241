//! Queries over the concept graph. Each returns plain data (indices into the graph);
//! `crate::output` renders it for people or as JSON.
//!
//! `path` and `neighbors` walk the graph through a [`Walk`], the shared filter of
//! relation kinds, papers, avoided nodes and direction. The algorithms petgraph lacks
//! (all shortest routes with their count; simple routes shortest first within a work
//! budget) each have their own module with their own tests.

mod budget;
pub mod compare;
pub mod comparison;
pub mod contested;
pub mod diff;
pub mod disputes_within;
pub mod neighbors;
pub mod outline;
pub mod path;
pub mod position;
pub(crate) mod shortest;
mod simple_paths;
pub mod walk;

pub use budget::{Budget, Stop};
pub use neighbors::{ego_network, Ego, EgoRelation};
pub use path::{Path, PathMode, PathQuery, PathResult, DEFAULT_LIMIT, DEFAULT_MAX_LEN, MAX_LIMIT};
pub use walk::{Hop, Walk, WalkFilter};

/// Small graphs for unit tests, built directly (no files, no validation).
#[cfg(test)]
pub(crate) mod testing {
    use indexmap::IndexMap;
    use petgraph::graph::{DiGraph, NodeIndex};

    use crate::{
        graph::ConceptGraph,
        node::Node,
        paper::Paper,
        relation::{Origin, Relation, Source},
        schema::Schema,
    };

    /// Nodes `n0..n{nodes}` (concepts) and the given `(from, to, kind)` relations under
    /// the built-in schema; relation `i` is asserted by paper `p{i % 2}`.
    /// Routes as lists of plain node numbers, for readable assertions.
    pub(crate) fn ids(routes: &[Vec<NodeIndex>]) -> Vec<Vec<usize>> {
        routes
            .iter()
            .map(|r| r.iter().map(|v| v.index()).collect())
            .collect()
    }

    pub(crate) fn graph(nodes: usize, relations: &[(usize, usize, &str)]) -> ConceptGraph {
        let schema: Schema =
            serde_json::from_str(Schema::builtin_text()).expect("the built-in schema parses");
        let papers: IndexMap<String, Paper> = ["p0", "p1"]
            .into_iter()
            .map(|id| {
                let paper = Paper {
                    id: id.into(),
                    cite: None,
                    title: None,
                    authors: None,
                    year: None,
                    venue: None,
                    pages: None,
                    doi: None,
                    url: None,
                    file: format!("{id}.txt"),
                    note: None,
                    inferred: std::collections::BTreeMap::default(),
                    shares_text_with: Vec::new(),
                };
                (id.to_string(), paper)
            })
            .collect();
        let mut g = DiGraph::new();
        for i in 0..nodes {
            g.add_node(Node {
                id: format!("n{i}"),
                kind: "concept".into(),
                label: format!("N{i}"),
                aliases: Vec::new(),
                label_zh: None,
                description: None,
            });
        }
        let mut kind_indices = Vec::new();
        for (i, &(from, to, kind)) in relations.iter().enumerate() {
            let index = schema
                .relation_kinds
                .get_index_of(kind)
                .expect("a built-in kind");
            kind_indices.push(u16::try_from(index).expect("few kinds"));
            let (from, to) = (NodeIndex::new(from), NodeIndex::new(to));
            g.add_edge(
                from,
                to,
                Relation {
                    kind: kind.into(),
                    from,
                    to,
                    aspect: None,
                    dimension: None,
                    scope: None,
                    positions: None,
                    sources: vec![Source::new(
                        format!("p{}", i % 2).into(),
                        "1",
                        &format!("quote {i}"),
                        Origin::default(),
                    )],
                    notes: Box::default(),
                },
            );
        }
        ConceptGraph::new(schema, papers, g, kind_indices, Vec::new(), Vec::new())
    }
}
