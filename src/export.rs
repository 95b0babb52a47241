//! A normalised dump of the whole graph in the data-file format, so an export can be
//! loaded back as a dataset (and diffed between versions).

use std::borrow::Cow;

use serde_json::{json, Map, Value};

use crate::{
    fact::Fact,
    graph::ConceptGraph,
    records::{DataFile, FactRecord, RelationRecord, SourceRecord},
    relation::{Relation, Source},
};

/// The whole graph as one data file: papers, nodes, merged relations and facts, in data
/// order.
pub fn data_file(graph: &ConceptGraph) -> DataFile<'_, RelationRecord<'_>> {
    let relations = graph
        .relations()
        .map(|(_, r)| relation_record(graph, r, own_sources(&r.sources)))
        .collect();
    let mut file = DataFile::of(
        graph.papers().cloned().collect(),
        graph.nodes().cloned().collect(),
        relations,
    );
    file.facts = graph
        .facts()
        .iter()
        .map(|f| fact_record(graph, f, own_sources(&f.sources)))
        .collect();
    file
}

/// [`data_file`] as a JSON value.
pub fn to_json(graph: &ConceptGraph) -> Value {
    serde_json::to_value(data_file(graph)).expect("records serialise")
}

/// Sources as records with their own locators.
fn own_sources(sources: &[Source]) -> impl Iterator<Item = SourceRecord<'_>> {
    sources.iter().map(|s| SourceRecord::of(s, s.locator()))
}

/// One fact as a data-file record, with `sources` (all of the fact's, or those a
/// selection keeps).
pub fn fact_record<'a>(
    graph: &ConceptGraph,
    fact: &Fact,
    sources: impl IntoIterator<Item = SourceRecord<'a>>,
) -> FactRecord {
    FactRecord {
        subject: graph.node(fact.subject).id.clone(),
        property: fact.property.clone(),
        value: fact.value.clone(),
        sources: sources.into_iter().map(SourceRecord::into_owned).collect(),
        note: fact.note.clone(),
    }
}

/// One fact in the data-file format, with all its sources, as a JSON value.
pub fn fact_json(graph: &ConceptGraph, fact: &Fact) -> Value {
    serde_json::to_value(fact_record(graph, fact, own_sources(&fact.sources)))
        .expect("records serialise")
}

/// One relation as a data-file record: ids for endpoints, aspect, dimension and scope,
/// its positions, `sources` (all of the relation's, or those a selection keeps) and its
/// notes joined by ` / ` (claims merged from several files each keep theirs).
pub fn relation_record<'g>(
    graph: &'g ConceptGraph,
    relation: &'g Relation,
    sources: impl IntoIterator<Item = SourceRecord<'g>>,
) -> RelationRecord<'g> {
    let id = |ix| Cow::Borrowed(graph.node(ix).id.as_str());
    RelationRecord {
        kind: Cow::Borrowed(relation.kind.as_str()),
        from: id(relation.from),
        to: id(relation.to),
        aspect: relation.aspect.map(id),
        dimension: relation.dimension.map(id),
        scope: relation.scope.map(id),
        positions: relation.positions.as_deref().cloned(),
        sources: sources.into_iter().collect(),
        note: (!relation.notes.is_empty()).then(|| Cow::Owned(relation.notes.join(" / "))),
    }
}

/// A source in the data-file format with `locator` (given, or derived from the text),
/// as a JSON value: [`SourceRecord::of`], the one shape every export that writes
/// data-file sources uses, so that none drops a field.
pub fn source_record(source: &Source, locator: &str) -> Value {
    serde_json::to_value(SourceRecord::of(source, locator)).expect("records serialise")
}

/// A relation's head for query output: kind and its label, ends, aspect, dimension and
/// positions. Queries add what they know (the step, the direction walked) and then the
/// sources they kept, with [`cited_sources_json`].
pub fn relation_head(graph: &ConceptGraph, relation: &Relation) -> Map<String, Value> {
    let record = relation_record(graph, relation, []);
    let Ok(Value::Object(fields)) = serde_json::to_value(record) else {
        unreachable!("a record serialises to an object")
    };
    let mut map = Map::new();
    for (name, value) in fields {
        if name == "sources" || name == "note" {
            continue;
        }
        map.insert(name.clone(), value);
        if name == "kind" {
            map.insert("label".into(), graph.kind_of(relation).label.clone().into());
        }
    }
    map
}

/// Sources as query output gives them (`SourceJson`: `{paper, cite, locator, quote,
/// sentence?, ...}`).
pub fn cited_sources_json<'a>(
    graph: &'a ConceptGraph,
    sources: impl Iterator<Item = &'a Source>,
) -> Value {
    sources
        .map(|s| json!(crate::output::shape::SourceJson::new(graph, s)))
        .collect()
}
