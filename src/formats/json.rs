//! linkage's own data-file JSON, of the selection: loadable again as a dataset.

use serde_json::json;

use super::View;
use crate::{export, output};

/// The selection as one data file: its papers, nodes, relations and the facts about its
/// nodes (with the sources the selection keeps), in data order.
pub fn write(view: &View<'_>) -> String {
    let relations: Vec<_> = view
        .relations()
        .map(|(_, relation)| {
            let mut value = export::relation_json(view.graph, relation);
            value["sources"] = view
                .sources(relation)
                .into_iter()
                .map(|s| crate::export::source_record(s, &view.locator(s)))
                .collect();
            value
        })
        .collect();
    let facts = view.facts();
    let mut file = json!({
        "papers": view.papers,
        "nodes": view.nodes.iter().map(|&ix| view.graph.node(ix)).collect::<Vec<_>>(),
        "relations": relations,
    });
    if !facts.is_empty() {
        file["facts"] = facts.into();
    }
    output::json(&file)
}
