//! Graph databases: an openCypher script of CREATE statements, and the CSV files of
//! neo4j-admin import (header form). Both carry the same properties under the same
//! names (docs/formats.md; Kùzu, which needs its tables declared, reads both after
//! docs/kuzu-schema.cypher):
//!
//! `(:Paper)`, `(:Concept)` and `[:RELATION]` between concepts, and `(:Fact)` with an
//! `[:ABOUT]` to its concept, with the properties docs/formats.md lists (a relation's
//! `number` is its place in the export: r0, r1, ...; a fact's `id` is f0, f1, ...).
//!
//! List-valued properties (aliases, authors, papers, sources) are JSON text, the same in
//! the script and in CSV, where neo4j-admin's array columns would split quotes at their
//! delimiter. Unknown values are left out (null), never empty strings.

use std::fmt::Write as _;

use serde_json::Value;

use super::{Artifact, View};
use crate::fact::Value as FactValue;

/// A property value.
enum Prop {
    Text(String),
    Int(i64),
    Bool(bool),
}

type Props = Vec<(&'static str, Option<Prop>)>;

/// Relationship rows (start id, end id, properties) and the id space of their starts.
type RelationshipRows<'a> = (&'a [(&'a str, &'a str, Props)], &'a str);

fn text(value: impl Into<String>) -> Prop {
    Prop::Text(value.into())
}

fn json_text(value: &impl serde::Serialize) -> Prop {
    text(serde_json::to_string(value).expect("values serialise"))
}

fn paper_props(paper: &crate::paper::Paper) -> Props {
    vec![
        ("id", Some(text(&paper.id))),
        ("cite", paper.cite.as_deref().map(text)),
        ("title", paper.title.as_deref().map(text)),
        ("authors", paper.authors.as_ref().map(json_text)),
        ("year", paper.year.map(|y| Prop::Int(i64::from(y)))),
        ("venue", paper.venue.as_deref().map(text)),
        ("doi", paper.doi.as_deref().map(text)),
        ("url", paper.url.as_deref().map(text)),
        ("file", Some(text(&paper.file))),
        ("note", paper.note.as_deref().map(text)),
    ]
}

fn concept_props(node: &crate::node::Node) -> Props {
    vec![
        ("id", Some(text(&node.id))),
        ("kind", Some(text(node.kind.as_str()))),
        ("label", Some(text(&node.label))),
        ("label_zh", node.label_zh.as_deref().map(text)),
        (
            "aliases",
            (!node.aliases.is_empty()).then(|| json_text(&node.aliases)),
        ),
        ("description", node.description.as_deref().map(text)),
    ]
}

/// The relations: (from id, to id, properties).
fn relation_rows<'v>(view: &'v View<'_>) -> Vec<(&'v str, &'v str, Props)> {
    let graph = view.graph;
    view.relations()
        .enumerate()
        .map(|(number, (_, relation))| {
            let kind = graph.kind_of(relation);
            let sources = view.sources(relation);
            let mut papers: Vec<&str> = Vec::new();
            for source in &sources {
                if !papers.contains(&source.paper.as_str()) {
                    papers.push(&source.paper);
                }
            }
            let sources: Vec<Value> = sources
                .iter()
                .map(|s| crate::export::source_record(s, &view.locator(s)))
                .collect();
            let role = serde_json::to_value(kind.role).expect("roles serialise");
            let props = vec![
                (
                    "number",
                    Some(Prop::Int(i64::try_from(number).unwrap_or(i64::MAX))),
                ),
                ("kind", Some(text(relation.kind.as_str()))),
                ("label", Some(text(&kind.label))),
                ("role", Some(text(role.as_str().unwrap_or_default()))),
                ("symmetric", Some(Prop::Bool(kind.symmetric))),
                ("aspect", relation.aspect.map(|ix| text(view.id(ix)))),
                ("dimension", relation.dimension.map(|ix| text(view.id(ix)))),
                ("scope", relation.scope.map(|ix| text(view.id(ix)))),
                (
                    "from_position",
                    relation.positions.as_ref().map(|p| text(&p.from)),
                ),
                (
                    "to_position",
                    relation.positions.as_ref().map(|p| text(&p.to)),
                ),
                ("papers", Some(json_text(&papers))),
                (
                    "paper_count",
                    Some(Prop::Int(i64::try_from(papers.len()).unwrap_or(i64::MAX))),
                ),
                ("sources", Some(json_text(&sources))),
                (
                    "note",
                    (!relation.notes.is_empty()).then(|| text(relation.notes.join(" / "))),
                ),
            ];
            (view.id(relation.from), view.id(relation.to), props)
        })
        .collect()
}

/// The facts: (subject id, properties), each fact's value as text beside its type
/// (`year`, `date`, `number` with its `unit`, `text`) and its sources as JSON text, like
/// a relation's.
fn fact_rows<'v>(view: &'v View<'_>) -> Vec<(&'v str, Props)> {
    let graph = view.graph;
    view.fact_items()
        .into_iter()
        .enumerate()
        .map(|(number, (fact, sources))| {
            let papers = crate::relation::distinct_papers(sources.iter().copied());
            let records: Vec<Value> = sources
                .iter()
                .map(|s| crate::export::source_record(s, &view.locator(s)))
                .collect();
            let (value, unit) = match &fact.value {
                FactValue::Number { number, unit } => (number.to_string(), unit.clone()),
                other => (other.to_string(), None),
            };
            let value_type =
                serde_json::to_value(fact.value.value_type()).expect("types serialise");
            let label = graph
                .schema()
                .properties
                .get(&fact.property)
                .map(|p| text(&p.label));
            let props = vec![
                ("id", Some(text(format!("f{number}")))),
                ("subject", Some(text(view.id(fact.subject)))),
                ("property", Some(text(&fact.property))),
                ("label", label),
                ("value", Some(text(value))),
                (
                    "value_type",
                    Some(text(value_type.as_str().unwrap_or_default())),
                ),
                ("unit", unit.map(text)),
                ("papers", Some(json_text(&papers))),
                (
                    "paper_count",
                    Some(Prop::Int(i64::try_from(papers.len()).unwrap_or(i64::MAX))),
                ),
                ("sources", Some(json_text(&records))),
                ("note", fact.note.as_deref().map(text)),
            ];
            (view.id(fact.subject), props)
        })
        .collect()
}

/// The selection as a Cypher script: papers, concepts, relations, then facts, one
/// statement a line (a string may span lines: line breaks are kept as they are).
pub fn script(view: &View<'_>) -> String {
    let mut out = String::from(
        "// linkage export --format cypher: (:Paper), (:Concept), [:RELATION], (:Fact)-[:ABOUT]-> (docs/formats.md)\n",
    );
    for paper in &view.papers {
        let _ = writeln!(out, "CREATE (:Paper {});", map(&paper_props(paper)));
    }
    for &ix in &view.nodes {
        let node = view.graph.node(ix);
        let _ = writeln!(out, "CREATE (:Concept {});", map(&concept_props(node)));
    }
    for (from, to, props) in relation_rows(view) {
        let _ = writeln!(
            out,
            "MATCH (a:Concept {{id: {}}}), (b:Concept {{id: {}}}) CREATE (a)-[:RELATION {}]->(b);",
            string(from),
            string(to),
            map(&props)
        );
    }
    for (subject, props) in fact_rows(view) {
        let _ = writeln!(
            out,
            "MATCH (c:Concept {{id: {}}}) CREATE (:Fact {})-[:ABOUT]->(c);",
            string(subject),
            map(&props)
        );
    }
    out
}

fn map(props: &Props) -> String {
    let entries: Vec<String> = props
        .iter()
        .filter_map(|(name, value)| {
            let value = value.as_ref()?;
            Some(format!(
                "{name}: {}",
                match value {
                    Prop::Text(t) => string(t),
                    Prop::Int(n) => n.to_string(),
                    Prop::Bool(b) => b.to_string(),
                }
            ))
        })
        .collect();
    format!("{{{}}}", entries.join(", "))
}

/// A single-quoted Cypher string. Only the backslash and the quote are escaped: other
/// characters, line breaks included, stand for themselves in Neo4j and Kùzu alike
/// (Kùzu reads `\n` as `n`).
fn string(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// The neo4j-admin import files: `papers.csv`, `nodes.csv` (concepts),
/// `relationships.csv`, and where the selection has facts `facts.csv` and `about.csv`
/// (each fact to its concept), with
/// typed headers; labels and the relationship types are given on the command line
/// (`--nodes=Concept=nodes.csv`).
pub fn csv_files(view: &View<'_>) -> Vec<Artifact> {
    let papers: Vec<Props> = view.papers.iter().map(|p| paper_props(p)).collect();
    let concepts: Vec<Props> = view
        .nodes
        .iter()
        .map(|&ix| concept_props(view.graph.node(ix)))
        .collect();
    let relations = relation_rows(view);
    let facts = fact_rows(view);
    let about: Vec<(&str, &str, Props)> = facts
        .iter()
        .map(|(subject, props)| {
            let id = match props.first() {
                Some((_, Some(Prop::Text(id)))) => id.as_str(),
                _ => "",
            };
            (id, *subject, Vec::new())
        })
        .collect();
    let fact_props: Vec<Props> = facts.iter().map(|(_, props)| clone_props(props)).collect();
    let mut files = vec![
        Artifact {
            name: "papers.csv",
            text: csv_table(&[("id", ":ID(Paper)")], &papers, None),
        },
        Artifact {
            name: "nodes.csv",
            text: csv_table(&[("id", ":ID(Concept)")], &concepts, None),
        },
        Artifact {
            name: "relationships.csv",
            text: csv_table(&[], &[], Some((&relations, "Concept"))),
        },
    ];
    // The facts' files only when there are facts: neo4j-admin and Kùzu read no empty table.
    if !facts.is_empty() {
        files.push(Artifact {
            name: "facts.csv",
            text: csv_table(&[("id", ":ID(Fact)")], &fact_props, None),
        });
        files.push(Artifact {
            name: "about.csv",
            text: csv_table(&[], &[], Some((&about, "Fact"))),
        });
    }
    files
}

fn clone_props(props: &Props) -> Props {
    props
        .iter()
        .map(|(name, value)| {
            let value = value.as_ref().map(|v| match v {
                Prop::Text(t) => Prop::Text(t.clone()),
                Prop::Int(n) => Prop::Int(*n),
                Prop::Bool(b) => Prop::Bool(*b),
            });
            (*name, value)
        })
        .collect()
}

/// A CSV table. `ids` renames id columns to neo4j's `:ID(group)` form; relations get
/// `:START_ID(group)` and `:END_ID(Concept)` first, `group` the id space of their
/// start (`Concept`, or `Fact` for `about.csv`).
fn csv_table(
    ids: &[(&str, &str)],
    rows: &[Props],
    relations: Option<RelationshipRows<'_>>,
) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let template: Option<&Props> = match relations {
        Some((relations, _)) => relations.first().map(|(_, _, p)| p),
        None => rows.first(),
    };
    if let Some(template) = template {
        let mut header: Vec<String> = Vec::new();
        if let Some((_, start)) = relations {
            header.extend([format!(":START_ID({start})"), ":END_ID(Concept)".into()]);
        }
        for (name, _) in template {
            let column = match ids.iter().find(|(id, _)| id == name) {
                Some((_, form)) => format!("{name}{form}"),
                None => format!("{name}{}", column_type(name)),
            };
            header.push(column);
        }
        writer.write_record(&header).expect("writing to memory");
    }
    let mut write = |prefix: Vec<&str>, props: &Props| {
        let mut record: Vec<String> = prefix.into_iter().map(String::from).collect();
        record.extend(props.iter().map(|(_, value)| match value {
            None => String::new(),
            Some(Prop::Text(t)) => t.clone(),
            Some(Prop::Int(n)) => n.to_string(),
            Some(Prop::Bool(b)) => b.to_string(),
        }));
        writer.write_record(&record).expect("writing to memory");
    };
    match relations {
        Some((relations, _)) => {
            for (from, to, props) in relations {
                write(vec![from, to], props);
            }
        }
        None => {
            for props in rows {
                write(Vec::new(), props);
            }
        }
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("UTF-8 in, UTF-8 out")
}

/// The neo4j-admin type suffix of a column: `:int` and `:boolean` for those, none for
/// strings. Decided by name, so a column's type does not depend on the first row.
fn column_type(name: &str) -> &'static str {
    match name {
        "year" | "number" | "paper_count" => ":int",
        "symmetric" => ":boolean",
        _ => "",
    }
}
