//! RDF, in Turtle and in JSON-LD: the same triples, built once and printed twice.
//!
//! Nodes, relations and facts use linkage's own small vocabulary ([`NS`], documented in
//! docs/formats.md, with SHACL shapes in docs/linkage-shapes.ttl). Papers are
//! bibliographic resources in Dublin Core, BIBO and SKOS terms. Every source is a W3C
//! Web Annotation: its body the relation or fact, its target the paper's text, selected by a
//! `TextQuoteSelector` (exact, prefix, suffix) and, where the text is at hand, a
//! `TextPositionSelector` in characters. Every resource has an IRI (no blank nodes
//! except the author list), so the two serialisations can be compared triple by triple.
//! The export itself is `data:dataset`, a `dctypes:Dataset` whose `dcterms:identifier`
//! is the dataset's digest and `lk:linkageVersion` the version of linkage that wrote it
//! ([`super::Stamp`]).

use std::{fmt::Write as _, io};

use indexmap::IndexMap;
use serde_json::{json, Map};

use super::{json::Pretty, View};
use crate::{
    fact::Value,
    relation::{Extent, Source},
};

/// linkage's vocabulary.
pub const NS: &str = "https://linkage.example/ns#";
/// Where the exported resources live: nodes, relations, papers and their sources.
pub const DATA: &str = "https://linkage.example/data/";

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const DCTERMS: &str = "http://purl.org/dc/terms/";
const BIBO: &str = "http://purl.org/ontology/bibo/";
const OA: &str = "http://www.w3.org/ns/oa#";
const DCTYPES: &str = "http://purl.org/dc/dcmitype/";

/// The prefixes both serialisations declare.
const PREFIXES: [(&str, &str); 10] = [
    ("lk", NS),
    ("data", DATA),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("xsd", XSD),
    ("skos", SKOS),
    ("dcterms", DCTERMS),
    ("bibo", BIBO),
    ("oa", OA),
    ("dctypes", DCTYPES),
];

/// How many characters of context a `TextQuoteSelector` keeps on each side.
const CONTEXT: usize = 32;

/// The object of a triple.
#[derive(Debug, Clone)]
enum Object {
    Iri(String),
    /// A string, with a language tag when it has one.
    Text(String, Option<&'static str>),
    /// A literal of an XSD datatype (`integer`, `boolean`, `gYear`, ...).
    Typed(String, &'static str),
    /// An ordered list of strings (an RDF collection).
    List(Vec<String>),
}

/// Triples grouped by subject, in the order written.
#[derive(Default)]
struct Triples(IndexMap<String, Vec<(String, Object)>>);

impl Triples {
    fn add(&mut self, subject: &str, predicate: String, object: Object) {
        self.0
            .entry(subject.to_string())
            .or_default()
            .push((predicate, object));
    }

    fn iri(&mut self, subject: &str, predicate: String, object: String) {
        self.add(subject, predicate, Object::Iri(object));
    }

    fn text(&mut self, subject: &str, predicate: String, text: &str) {
        self.add(subject, predicate, Object::Text(text.to_string(), None));
    }
}

fn lk(term: &str) -> String {
    format!("{NS}{term}")
}

fn term(ns: &str, name: &str) -> String {
    format!("{ns}{name}")
}

/// An IRI under [`DATA`], with every character outside the unreserved set
/// percent-encoded.
fn data_iri(parts: &[&str]) -> String {
    let mut iri = DATA.to_string();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            iri.push('/');
        }
        for byte in part.bytes() {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                iri.push(char::from(byte));
            } else {
                let _ = write!(iri, "%{byte:02X}");
            }
        }
    }
    iri
}

/// The IRI of a node.
pub fn node_iri(id: &str) -> String {
    data_iri(&["node", id])
}

/// The IRI of a paper.
pub fn paper_iri(id: &str) -> String {
    data_iri(&["paper", id])
}

/// The IRI of a relation, by its place in the export (r0, r1, ...).
pub fn relation_iri(number: usize) -> String {
    data_iri(&["relation", &format!("r{number}")])
}

/// Hands `each` the triples of the selection a part at a time (a paper and its text, a
/// node, a relation and its sources, a fact and its sources), so that no more than one
/// part is held. No subject has triples in two parts, so the parts printed one after
/// another group every subject's triples as one map of all would.
///
/// # Errors
/// The first error `each` returns.
fn each_part(view: &View<'_>, mut each: impl FnMut(&Triples) -> io::Result<()>) -> io::Result<()> {
    let graph = view.graph;
    let mut t = Triples::default();
    let mut flush = |t: &mut Triples| {
        let result = each(t);
        t.0.clear();
        result
    };
    let a = term(RDF, "type");
    // The export itself: what made it from what (`super::Stamp`).
    let stamp = super::Stamp::of(graph);
    let dataset = data_iri(&["dataset"]);
    t.iri(&dataset, a.clone(), term(DCTYPES, "Dataset"));
    t.text(&dataset, term(DCTERMS, "identifier"), stamp.dataset());
    t.text(&dataset, lk("linkageVersion"), stamp.linkage);
    for paper in &view.papers {
        flush(&mut t)?;
        let iri = paper_iri(&paper.id);
        t.iri(&iri, a.clone(), term(BIBO, "Document"));
        t.text(&iri, lk("id"), &paper.id);
        if let Some(cite) = &paper.cite {
            t.text(&iri, term(DCTERMS, "bibliographicCitation"), cite);
        }
        if let Some(title) = &paper.title {
            t.text(&iri, term(DCTERMS, "title"), title);
        }
        if let Some(authors) = &paper.authors {
            for author in authors {
                t.text(&iri, term(DCTERMS, "creator"), author);
            }
            t.add(
                &iri,
                term(BIBO, "authorList"),
                Object::List(authors.clone()),
            );
        }
        if let Some(year) = paper.year {
            t.add(
                &iri,
                term(DCTERMS, "issued"),
                Object::Typed(year.to_string(), "gYear"),
            );
        }
        if let Some(venue) = &paper.venue {
            t.text(&iri, term(DCTERMS, "isPartOf"), venue);
        }
        if let Some(doi) = &paper.doi {
            t.text(&iri, term(BIBO, "doi"), doi);
        }
        if let Some(url) = &paper.url {
            t.text(&iri, term(BIBO, "uri"), url);
        }
        if let Some(note) = &paper.note {
            t.text(&iri, term(SKOS, "note"), note);
        }
        let text = text_iri(&paper.id);
        t.iri(&iri, lk("text"), text.clone());
        t.iri(&text, a.clone(), term(DCTYPES, "Text"));
        t.text(&text, lk("file"), &paper.file);
        t.iri(&text, term(DCTERMS, "isFormatOf"), iri.clone());
    }
    for &ix in &view.nodes {
        flush(&mut t)?;
        let node = graph.node(ix);
        let iri = node_iri(&node.id);
        t.iri(&iri, a.clone(), lk("Node"));
        t.text(&iri, lk("id"), &node.id);
        t.text(&iri, lk("kind"), &node.kind);
        t.add(
            &iri,
            term(SKOS, "prefLabel"),
            Object::Text(node.label.clone(), Some("en")),
        );
        if let Some(zh) = &node.label_zh {
            t.add(
                &iri,
                term(SKOS, "prefLabel"),
                Object::Text(zh.clone(), Some("zh")),
            );
        }
        for alias in &node.aliases {
            t.text(&iri, term(SKOS, "altLabel"), alias);
        }
        if let Some(description) = &node.description {
            t.text(&iri, term(SKOS, "definition"), description);
        }
    }
    for (number, (_, relation)) in view.relations().enumerate() {
        flush(&mut t)?;
        let kind = graph.kind_of(relation);
        let iri = relation_iri(number);
        t.iri(&iri, a.clone(), lk("Relation"));
        t.text(&iri, lk("kind"), &relation.kind);
        t.text(&iri, lk("kindLabel"), &kind.label);
        let role = serde_json::to_value(kind.role).expect("roles serialise");
        t.text(&iri, lk("role"), role.as_str().unwrap_or_default());
        t.add(
            &iri,
            lk("symmetric"),
            Object::Typed(kind.symmetric.to_string(), "boolean"),
        );
        t.iri(&iri, lk("from"), node_iri(view.id(relation.from)));
        t.iri(&iri, lk("to"), node_iri(view.id(relation.to)));
        if let Some(aspect) = relation.aspect {
            t.iri(&iri, lk("aspect"), node_iri(view.id(aspect)));
        }
        if let Some(dimension) = relation.dimension {
            t.iri(&iri, lk("dimension"), node_iri(view.id(dimension)));
        }
        if let Some(scope) = relation.scope {
            t.iri(&iri, lk("scope"), node_iri(view.id(scope)));
        }
        if let Some(positions) = &relation.positions {
            t.text(&iri, lk("fromPosition"), &positions.from);
            t.text(&iri, lk("toPosition"), &positions.to);
        }
        if !relation.notes.is_empty() {
            // One note, as the data-file format and every other export write it.
            t.text(&iri, term(SKOS, "note"), &relation.notes.join(" / "));
        }
        for (s, source) in view.sources(relation).into_iter().enumerate() {
            add_source(&mut t, view, &iri, s, source);
        }
    }
    for (number, (fact, sources)) in view.fact_items().into_iter().enumerate() {
        flush(&mut t)?;
        let iri = fact_iri(number);
        t.iri(&iri, a.clone(), lk("Fact"));
        t.iri(&iri, lk("subject"), node_iri(view.id(fact.subject)));
        t.text(&iri, lk("property"), &fact.property);
        if let Some(property) = graph.schema().properties.get(&fact.property) {
            t.text(&iri, lk("propertyLabel"), &property.label);
        }
        t.add(&iri, lk("value"), fact_value(&fact.value));
        if let Value::Number {
            unit: Some(unit), ..
        } = &fact.value
        {
            t.text(&iri, lk("unit"), unit);
        }
        if let Some(note) = &fact.note {
            t.text(&iri, term(SKOS, "note"), note);
        }
        for (s, source) in sources.into_iter().enumerate() {
            add_source(&mut t, view, &iri, s, source);
        }
    }
    flush(&mut t)
}

/// Source `s` of the relation or fact at `body` as a Web Annotation: its paper, locator
/// and quote, who encoded and reviewed it and its voice where the data says, and
/// selectors placing the quote in the paper's text where that is at hand.
fn add_source(t: &mut Triples, view: &View<'_>, body: &str, s: usize, source: &Source) {
    let a = term(RDF, "type");
    let annotation = format!("{body}/source/{s}");
    t.iri(&annotation, a.clone(), term(OA, "Annotation"));
    t.iri(&annotation, a.clone(), lk("Source"));
    t.iri(&annotation, term(OA, "motivatedBy"), term(OA, "describing"));
    t.iri(&annotation, term(OA, "hasBody"), body.to_string());
    t.iri(&annotation, lk("paper"), paper_iri(&source.paper));
    t.text(&annotation, lk("locator"), &view.locator(source));
    t.text(&annotation, lk("quote"), source.quote());
    let who = source.attribution();
    if let Some(name) = who.encoded_by {
        t.text(&annotation, lk("encodedBy"), name);
    }
    if let Some(name) = who.reviewed_by {
        t.text(&annotation, lk("reviewedBy"), name);
    }
    if let Some(voice) = who.voice.name() {
        t.text(&annotation, lk("voice"), voice);
    }
    if source.extent() != Extent::Sentence {
        t.text(&annotation, lk("extent"), source.extent().name());
    }
    let target = format!("{annotation}/target");
    t.iri(&annotation, term(OA, "hasTarget"), target.clone());
    t.iri(&target, a.clone(), term(OA, "SpecificResource"));
    t.iri(&target, term(OA, "hasSource"), text_iri(&source.paper));
    let quote_selector = format!("{annotation}/quote");
    t.iri(&target, term(OA, "hasSelector"), quote_selector.clone());
    t.iri(&quote_selector, a.clone(), term(OA, "TextQuoteSelector"));
    let located = view
        .text_of(&source.paper)
        .and_then(|text| Some((text, text.locate(source.quote())?)));
    let Some((text, span)) = located else {
        // Without the text, the quote as the data gives it, and no position.
        t.text(&quote_selector, term(OA, "exact"), source.quote());
        return;
    };
    t.text(
        &quote_selector,
        term(OA, "exact"),
        text.slice(span.start_char, span.end_char),
    );
    t.text(
        &quote_selector,
        term(OA, "prefix"),
        text.slice(span.start_char.saturating_sub(CONTEXT), span.start_char),
    );
    t.text(
        &quote_selector,
        term(OA, "suffix"),
        text.slice(span.end_char, span.end_char + CONTEXT),
    );
    let position = format!("{annotation}/position");
    t.iri(&target, term(OA, "hasSelector"), position.clone());
    t.iri(&position, a.clone(), term(OA, "TextPositionSelector"));
    let number = |n: usize| Object::Typed(n.to_string(), "nonNegativeInteger");
    t.add(&position, term(OA, "start"), number(span.start_char));
    t.add(&position, term(OA, "end"), number(span.end_char));
    t.add(&annotation, lk("firstLine"), number(span.first_line));
    t.add(&annotation, lk("lastLine"), number(span.last_line));
}

/// A fact's value as a typed literal: a year as `xsd:gYear`, a date as `xsd:gYear`,
/// `xsd:gYearMonth` or `xsd:date` by its precision, a number as `xsd:decimal`, a text
/// as a string.
fn fact_value(value: &Value) -> Object {
    match value {
        Value::Year { year } => Object::Typed(year.to_string(), "gYear"),
        Value::Date { date } => {
            let datatype = match date.matches('-').count() {
                0 => "gYear",
                1 => "gYearMonth",
                _ => "date",
            };
            Object::Typed(date.clone(), datatype)
        }
        Value::Number { number, .. } => Object::Typed(number.to_string(), "decimal"),
        Value::Text { text } => Object::Text(text.clone(), None),
    }
}

/// The IRI of a fact, by its place in the export (f0, f1, ...).
pub fn fact_iri(number: usize) -> String {
    data_iri(&["fact", &format!("f{number}")])
}

fn text_iri(paper: &str) -> String {
    data_iri(&["paper", paper, "text"])
}

/// Writes the selection in Turtle into `sink`, a part at a time.
///
/// # Errors
/// Whatever `sink` returns.
pub fn turtle_into(view: &View<'_>, sink: &mut dyn io::Write) -> io::Result<()> {
    for (prefix, ns) in PREFIXES {
        writeln!(sink, "@prefix {prefix}: <{ns}> .")?;
    }
    let mut out = String::new();
    each_part(view, |part| {
        out.clear();
        for (subject, properties) in &part.0 {
            let _ = write!(out, "\n<{subject}>");
            for (i, (predicate, object)) in properties.iter().enumerate() {
                let separator = if i == 0 { "" } else { " ;" };
                let predicate = if predicate == &term(RDF, "type") {
                    "a".to_string()
                } else {
                    compact(predicate)
                };
                let _ = write!(
                    out,
                    "{separator}\n    {predicate} {}",
                    turtle_object(object)
                );
            }
            out.push_str(" .\n");
        }
        sink.write_all(out.as_bytes())
    })
}

/// `prefix:name` for an IRI in a declared namespace whose rest is a plain name.
fn compact(iri: &str) -> String {
    for (prefix, ns) in PREFIXES {
        if let Some(name) = iri.strip_prefix(ns) {
            if prefix != "data"
                && !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphanumeric())
            {
                return format!("{prefix}:{name}");
            }
        }
    }
    format!("<{iri}>")
}

fn turtle_object(object: &Object) -> String {
    match object {
        Object::Iri(iri) => compact(iri),
        Object::Text(text, None) => turtle_string(text),
        Object::Text(text, Some(lang)) => format!("{}@{lang}", turtle_string(text)),
        Object::Typed(text, datatype) => format!("{}^^xsd:{datatype}", turtle_string(text)),
        Object::List(items) => {
            let items: Vec<String> = items.iter().map(|s| turtle_string(s)).collect();
            format!("( {} )", items.join(" "))
        }
    }
}

/// A Turtle string literal: quotes, backslashes and control characters escaped.
fn turtle_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes the selection in JSON-LD into `sink`, a subject at a time: a `@graph` of
/// one object per subject, every value explicit (`@id`, `@value` with `@language` or
/// `@type`, `@list`).
///
/// # Errors
/// Whatever `sink` returns.
pub fn jsonld_into(view: &View<'_>, sink: &mut dyn io::Write) -> io::Result<()> {
    let mut context = Map::new();
    for (prefix, ns) in PREFIXES {
        context.insert(prefix.to_string(), ns.into());
    }
    let mut pretty = Pretty::new(sink);
    pretty.open()?;
    pretty.field("@context", &context)?;
    pretty.array_from("@graph", |element| {
        each_part(view, |part| {
            part.0
                .iter()
                .try_for_each(|(subject, properties)| element(&jsonld_object(subject, properties)))
        })
    })?;
    pretty.close()
}

/// One subject's triples as a JSON-LD object.
fn jsonld_object(subject: &str, properties: &[(String, Object)]) -> serde_json::Value {
    let mut object = Map::new();
    object.insert("@id".into(), subject.into());
    for (predicate, value) in properties {
        let (key, value) = if predicate == &term(RDF, "type") {
            let Object::Iri(iri) = value else {
                unreachable!("types are IRIs")
            };
            ("@type".to_string(), serde_json::Value::String(compact(iri)))
        } else {
            (jsonld_key(predicate), jsonld_value(value))
        };
        match object.get_mut(&key) {
            Some(serde_json::Value::Array(values)) => values.push(value),
            _ => {
                object.insert(key, serde_json::Value::Array(vec![value]));
            }
        }
    }
    serde_json::Value::Object(object)
}

fn jsonld_key(iri: &str) -> String {
    let compacted = compact(iri);
    if compacted.starts_with('<') {
        iri.to_string()
    } else {
        compacted
    }
}

fn jsonld_value(object: &Object) -> serde_json::Value {
    match object {
        Object::Iri(iri) => json!({ "@id": iri }),
        Object::Text(text, None) => json!({ "@value": text }),
        Object::Text(text, Some(lang)) => json!({ "@value": text, "@language": lang }),
        Object::Typed(text, datatype) => {
            json!({ "@value": text, "@type": format!("xsd:{datatype}") })
        }
        Object::List(items) => {
            json!({ "@list": items.iter().map(|s| json!({ "@value": s })).collect::<Vec<_>>() })
        }
    }
}
