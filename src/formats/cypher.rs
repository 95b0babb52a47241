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
//! delimiter. Unknown values are left out (null), never empty strings. The script's
//! second line is a comment naming linkage's version and the dataset
//! ([`super::Stamp`]); CSV has no place for one that every reader skips.

use std::io;

use serde_json::Value;

use super::View;
use crate::{fact::Value as FactValue, relation::Relation};

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

/// The properties of `relation`, the `number`th of the export.
fn relation_props(view: &View<'_>, number: usize, relation: &Relation) -> Props {
    let kind = view.graph.kind_of(relation);
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
    vec![
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
    ]
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

/// Writes the selection as a Cypher script into `sink`, a statement at a time: papers,
/// concepts, relations, then facts, one statement a line (a string may span lines:
/// line breaks are kept as they are).
///
/// # Errors
/// Whatever `sink` returns.
pub fn script_into(view: &View<'_>, sink: &mut dyn io::Write) -> io::Result<()> {
    sink.write_all(
        b"// linkage export --format cypher: (:Paper), (:Concept), [:RELATION], (:Fact)-[:ABOUT]-> (docs/formats.md)\n",
    )?;
    writeln!(sink, "// {}", super::Stamp::of(view.graph).line())?;
    for paper in &view.papers {
        writeln!(sink, "CREATE (:Paper {});", map(&paper_props(paper)))?;
    }
    for &ix in &view.nodes {
        let node = view.graph.node(ix);
        writeln!(sink, "CREATE (:Concept {});", map(&concept_props(node)))?;
    }
    for (number, (_, relation)) in view.relations().enumerate() {
        writeln!(
            sink,
            "MATCH (a:Concept {{id: {}}}), (b:Concept {{id: {}}}) CREATE (a)-[:RELATION {}]->(b);",
            string(view.id(relation.from)),
            string(view.id(relation.to)),
            map(&relation_props(view, number, relation))
        )?;
    }
    for (subject, props) in fact_rows(view) {
        writeln!(
            sink,
            "MATCH (c:Concept {{id: {}}}) CREATE (:Fact {})-[:ABOUT]->(c);",
            string(subject),
            map(&props)
        )?;
    }
    Ok(())
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

/// The neo4j-admin import files of `view`: `papers.csv`, `nodes.csv` (concepts),
/// `relationships.csv`, and where the selection has facts `facts.csv` and `about.csv`
/// (each fact to its concept; neo4j-admin and Kùzu read no empty table). Labels and
/// the relationship types are given on the command line (`--nodes=Concept=nodes.csv`).
pub fn csv_file_names(view: &View<'_>) -> Vec<&'static str> {
    let mut names = vec!["papers.csv", "nodes.csv", "relationships.csv"];
    if !view.fact_items().is_empty() {
        names.extend(["facts.csv", "about.csv"]);
    }
    names
}

/// Writes the import file `name` (one of [`csv_file_names`]) into `sink`, a row at a
/// time, with typed headers.
///
/// # Errors
/// Whatever `sink` returns.
pub fn csv_file_into(view: &View<'_>, name: &str, sink: &mut dyn io::Write) -> io::Result<()> {
    let mut table = CsvTable::new(sink);
    match name {
        "papers.csv" => {
            for paper in &view.papers {
                table.row(&[("id", ":ID(Paper)")], None, &paper_props(paper))?;
            }
        }
        "nodes.csv" => {
            for &ix in &view.nodes {
                let props = concept_props(view.graph.node(ix));
                table.row(&[("id", ":ID(Concept)")], None, &props)?;
            }
        }
        "relationships.csv" => {
            for (number, (_, relation)) in view.relations().enumerate() {
                let ends = (view.id(relation.from), view.id(relation.to));
                let props = relation_props(view, number, relation);
                table.row(&[], Some(("Concept", ends)), &props)?;
            }
        }
        "facts.csv" => {
            for (_, props) in fact_rows(view) {
                table.row(&[("id", ":ID(Fact)")], None, &props)?;
            }
        }
        "about.csv" => {
            for (subject, props) in fact_rows(view) {
                let id = match props.first() {
                    Some((_, Some(Prop::Text(id)))) => id.as_str(),
                    _ => "",
                };
                table.row(&[], Some(("Fact", (id, subject))), &Vec::new())?;
            }
        }
        _ => {
            return Err(io::Error::other(format!(
                "{name} is not a file of the csv export"
            )))
        }
    }
    table.finish()
}

/// One CSV table being written: the header, taken from the first row's property names
/// (every row of a table has the same), goes before that row; a table without rows is
/// an empty file.
struct CsvTable<'w> {
    writer: csv::Writer<&'w mut dyn io::Write>,
    headed: bool,
}

impl<'w> CsvTable<'w> {
    fn new(sink: &'w mut dyn io::Write) -> Self {
        Self {
            writer: csv::Writer::from_writer(sink),
            headed: false,
        }
    }

    /// Writes one row. `ids` renames id columns to neo4j's `:ID(group)` form; a
    /// relationship (`ends`: the id space of its start, and its start and end ids) gets
    /// `:START_ID(group)` and `:END_ID(Concept)` first.
    fn row(
        &mut self,
        ids: &[(&str, &str)],
        ends: Option<(&str, (&str, &str))>,
        props: &Props,
    ) -> io::Result<()> {
        if !self.headed {
            self.headed = true;
            let mut header: Vec<String> = Vec::new();
            if let Some((start, _)) = ends {
                header.extend([format!(":START_ID({start})"), ":END_ID(Concept)".into()]);
            }
            for (name, _) in props {
                let column = match ids.iter().find(|(id, _)| id == name) {
                    Some((_, form)) => format!("{name}{form}"),
                    None => format!("{name}{}", column_type(name)),
                };
                header.push(column);
            }
            self.writer.write_record(&header).map_err(csv_error)?;
        }
        let mut record: Vec<String> = Vec::with_capacity(props.len() + 2);
        if let Some((_, (from, to))) = ends {
            record.extend([from.to_string(), to.to_string()]);
        }
        record.extend(props.iter().map(|(_, value)| match value {
            None => String::new(),
            Some(Prop::Text(t)) => t.clone(),
            Some(Prop::Int(n)) => n.to_string(),
            Some(Prop::Bool(b)) => b.to_string(),
        }));
        self.writer.write_record(&record).map_err(csv_error)
    }

    fn finish(mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

/// The `io::Error` of a CSV writer's error (writing records of strings fails only in
/// the writer below it).
pub(super) fn csv_error(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
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
