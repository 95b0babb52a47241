//! A normalised dump of the whole graph in the data-file format, so an export can be
//! loaded back as a dataset (and diffed between versions).

use serde_json::{json, Map, Value};

use crate::{
    graph::ConceptGraph,
    relation::{Extent, Relation, Source},
};

/// The whole graph as one data file: papers, nodes and merged relations, in data order.
pub fn to_json(graph: &ConceptGraph) -> Value {
    let mut all = json!({
        "papers": graph.papers().collect::<Vec<_>>(),
        "nodes": graph.nodes().collect::<Vec<_>>(),
        "relations": graph.relations().map(|(_, r)| relation_json(graph, r)).collect::<Vec<_>>(),
    });
    if !graph.facts().is_empty() {
        all["facts"] = graph.facts().iter().map(|f| fact_json(graph, f)).collect();
    }
    all
}

/// One fact in the data-file format.
pub fn fact_json(graph: &ConceptGraph, fact: &crate::fact::Fact) -> Value {
    let mut map = Map::new();
    map.insert("subject".into(), graph.node(fact.subject).id.clone().into());
    map.insert("property".into(), fact.property.clone().into());
    map.insert("value".into(), json!(fact.value));
    map.insert(
        "sources".into(),
        fact.sources
            .iter()
            .map(|s| source_record(s, s.locator()))
            .collect(),
    );
    if let Some(note) = &fact.note {
        map.insert("note".into(), note.clone().into());
    }
    Value::Object(map)
}

/// One relation with ids for endpoints and every source, in the data-file format.
pub fn relation_json(graph: &ConceptGraph, relation: &Relation) -> Value {
    let mut map = Map::new();
    map.insert("kind".into(), relation.kind.as_str().into());
    ends_and_topic(graph, relation, &mut map);
    map.insert("sources".into(), sources_json(relation));
    if !relation.notes.is_empty() {
        map.insert("note".into(), relation.notes.join(" / ").into());
    }
    Value::Object(map)
}

/// Inserts `from`, `to` and, where the relation has them, `aspect`, `dimension`,
/// `scope` and `positions`.
fn ends_and_topic(graph: &ConceptGraph, relation: &Relation, map: &mut Map<String, Value>) {
    let id = |ix| Value::String(graph.node(ix).id.clone());
    map.insert("from".into(), id(relation.from));
    map.insert("to".into(), id(relation.to));
    if let Some(aspect) = relation.aspect {
        map.insert("aspect".into(), id(aspect));
    }
    if let Some(dimension) = relation.dimension {
        map.insert("dimension".into(), id(dimension));
    }
    if let Some(scope) = relation.scope {
        map.insert("scope".into(), id(scope));
    }
    if let Some(positions) = &relation.positions {
        map.insert(
            "positions".into(),
            json!({ "from": positions.from, "to": positions.to }),
        );
    }
}

/// A relation's sources as `[{paper, locator, quote, ...}]` (see [`source_record`]).
pub fn sources_json(relation: &Relation) -> Value {
    relation
        .sources
        .iter()
        .map(|s| source_record(s, s.locator()))
        .collect()
}

/// A source in the data-file format with `locator` (given, or derived from the text):
/// `{paper, locator, quote}` and, where the data has them, `encoded_by`, `reviewed_by`,
/// `voice` and `extent`. The one shape every export that writes data-file sources uses,
/// so that none drops a field.
pub fn source_record(source: &Source, locator: &str) -> Value {
    let mut map = Map::new();
    map.insert("paper".into(), source.paper.as_str().into());
    map.insert("locator".into(), locator.into());
    map.insert("quote".into(), source.quote().into());
    let who = source.attribution();
    if let Some(name) = who.encoded_by {
        map.insert("encoded_by".into(), name.into());
    }
    if let Some(name) = who.reviewed_by {
        map.insert("reviewed_by".into(), name.into());
    }
    if let Some(voice) = who.voice.name() {
        map.insert("voice".into(), voice.into());
    }
    if source.extent() != Extent::Sentence {
        map.insert("extent".into(), source.extent().name().into());
    }
    Value::Object(map)
}

/// A relation's head for query output: kind and its label, ends, aspect, dimension and
/// positions. Queries add what they know (the step, the direction walked) and then the
/// sources they kept, with [`cited_sources_json`].
pub fn relation_head(graph: &ConceptGraph, relation: &Relation) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("kind".into(), relation.kind.as_str().into());
    map.insert("label".into(), graph.kind_of(relation).label.clone().into());
    ends_and_topic(graph, relation, &mut map);
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
