//! linkage's own data-file JSON, of the selection: loadable again as a dataset.

use super::View;
use crate::{export, output, records::DataFile};

/// The selection as one data file: its papers, nodes, relations and the facts about its
/// nodes (with the sources the selection keeps), in data order.
pub fn write(view: &View<'_>) -> String {
    let relations = view
        .relations()
        .map(|(_, relation)| {
            export::relation_record(view.graph, relation, view.source_records(relation))
        })
        .collect();
    let mut file = DataFile::of(
        view.papers.iter().map(|&p| p.clone()).collect(),
        view.nodes
            .iter()
            .map(|&ix| view.graph.node(ix).clone())
            .collect(),
        relations,
    );
    file.facts = view.fact_records();
    output::json(&file)
}
