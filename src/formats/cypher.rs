//! Graph databases: an openCypher script of CREATE statements, and the CSV files of
//! neo4j-admin import (header form). Both carry the same properties under the same
//! names (docs/formats.md; Kùzu, which needs its tables declared, reads both after
//! docs/kuzu-schema.cypher):
//!
//! `(:Paper)`, `(:Concept)` and `[:RELATION]` between concepts, with the properties
//! docs/formats.md lists (a relation's `number` is its place in the export: r0, r1, ...).
//!
//! List-valued properties (aliases, authors, papers, sources) are JSON text, the same in
//! the script and in CSV, where neo4j-admin's array columns would split quotes at their
//! delimiter. Unknown values are left out (null), never empty strings.

use std::fmt::Write as _;

use serde_json::Value;

use super::{Artifact, View};

/// A property value.
enum Prop {
    Text(String),
    Int(i64),
    Bool(bool),
}

type Props = Vec<(&'static str, Option<Prop>)>;

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

/// The selection as a Cypher script: papers, concepts, then relations, one statement
/// a line (a string may span lines: line breaks are kept as they are).
pub fn script(view: &View<'_>) -> String {
    let mut out = String::from(
        "// linkage export --format cypher: (:Paper), (:Concept), [:RELATION] (docs/formats.md)\n",
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

/// The neo4j-admin import files: `papers.csv`, `nodes.csv` (concepts) and
/// `relationships.csv`, with typed headers; labels and the relationship type are given
/// on the command line (`--nodes=Concept=nodes.csv`).
pub fn csv_files(view: &View<'_>) -> Vec<Artifact> {
    let papers: Vec<Props> = view.papers.iter().map(|p| paper_props(p)).collect();
    let concepts: Vec<Props> = view
        .nodes
        .iter()
        .map(|&ix| concept_props(view.graph.node(ix)))
        .collect();
    let relations = relation_rows(view);
    vec![
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
            text: csv_table(&[], &[], Some(&relations)),
        },
    ]
}

/// A CSV table. `ids` renames id columns to neo4j's `:ID(group)` form; relations get
/// `:START_ID(Concept)` and `:END_ID(Concept)` first.
fn csv_table(
    ids: &[(&str, &str)],
    rows: &[Props],
    relations: Option<&[(&str, &str, Props)]>,
) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let template: Option<&Props> = match relations {
        Some(relations) => relations.first().map(|(_, _, p)| p),
        None => rows.first(),
    };
    if let Some(template) = template {
        let mut header: Vec<String> = Vec::new();
        if relations.is_some() {
            header.extend([":START_ID(Concept)".into(), ":END_ID(Concept)".into()]);
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
        Some(relations) => {
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
