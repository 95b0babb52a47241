//! GraphML, for Gephi, networkx, igraph and yEd.
//!
//! Every attribute has a typed `<key>`. Lists and records (aliases, sources, papers,
//! the schema) are JSON text in a string attribute, so any reader keeps them whole and
//! `linkage import --format graphml` reads them back. Each relation is its own `<edge>`
//! with its own id, so several relations between one pair stay distinct (networkx reads
//! them into a multigraph). Symmetric relations are marked by the `symmetric` attribute:
//! GraphML readers reject undirected edges in a directed graph. The graph's
//! `linkage_version` and `dataset` say what made the file from what ([`super::Stamp`]).

use std::{fmt::Write as _, io};

use serde_json::json;

use super::View;
use crate::{error::Error, report::carry};

/// The attribute keys: (id, for, name, type).
pub const KEYS: &[(&str, &str, &str, &str)] = &[
    ("g_linkage_version", "graph", "linkage_version", "string"),
    ("g_dataset", "graph", "dataset", "string"),
    ("g_schema", "graph", "schema", "string"),
    ("g_papers", "graph", "papers", "string"),
    ("g_facts", "graph", "facts", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_label", "node", "label", "string"),
    ("n_label_zh", "node", "label_zh", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_description", "node", "description", "string"),
    ("e_kind", "edge", "kind", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_role", "edge", "role", "string"),
    ("e_symmetric", "edge", "symmetric", "boolean"),
    ("e_aspect", "edge", "aspect", "string"),
    ("e_dimension", "edge", "dimension", "string"),
    ("e_scope", "edge", "scope", "string"),
    ("e_from_position", "edge", "from_position", "string"),
    ("e_to_position", "edge", "to_position", "string"),
    ("e_papers", "edge", "papers", "string"),
    ("e_paper_count", "edge", "paper_count", "int"),
    ("e_sources", "edge", "sources", "string"),
    ("e_note", "edge", "note", "string"),
];

/// Writes the selection as a GraphML document into `sink`, one node or edge at a
/// time, so that the document is never held whole (a million relations make
/// hundreds of megabytes of it).
///
/// # Errors
/// Whatever `sink` returns; [`Error::Usage`] for a control character XML 1.0 cannot
/// carry, carried in the `io::Error` ([`crate::report::carry`]).
pub fn write_into(view: &View<'_>, sink: &mut dyn io::Write) -> io::Result<()> {
    let graph = view.graph;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, domain, name, kind) in KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
        );
    }
    out.push_str("  <graph id=\"linkage\" edgedefault=\"directed\">\n");
    let stamp = super::Stamp::of(graph);
    data(&mut out, 4, "g_linkage_version", stamp.linkage)?;
    data(&mut out, 4, "g_dataset", stamp.dataset())?;
    let schema = serde_json::to_string(graph.schema()).expect("schemas serialise");
    data(&mut out, 4, "g_schema", &schema)?;
    let papers = serde_json::to_string(&view.papers).expect("papers serialise");
    data(&mut out, 4, "g_papers", &papers)?;
    let facts = view.facts();
    if !facts.is_empty() {
        data(
            &mut out,
            4,
            "g_facts",
            &serde_json::Value::Array(facts).to_string(),
        )?;
    }
    for &ix in &view.nodes {
        let node = graph.node(ix);
        let _ = writeln!(out, "    <node id=\"{}\">", attribute(&node.id)?);
        data(&mut out, 6, "n_kind", &node.kind)?;
        data(&mut out, 6, "n_label", &node.label)?;
        if let Some(zh) = &node.label_zh {
            data(&mut out, 6, "n_label_zh", zh)?;
        }
        if !node.aliases.is_empty() {
            let aliases = serde_json::to_string(&node.aliases).expect("strings serialise");
            data(&mut out, 6, "n_aliases", &aliases)?;
        }
        if let Some(description) = &node.description {
            data(&mut out, 6, "n_description", description)?;
        }
        out.push_str("    </node>\n");
        flush(&mut out, sink)?;
    }
    for (number, (_, relation)) in view.relations().enumerate() {
        let kind = graph.kind_of(relation);
        let _ = writeln!(
            out,
            "    <edge id=\"r{number}\" source=\"{}\" target=\"{}\">",
            attribute(view.id(relation.from))?,
            attribute(view.id(relation.to))?
        );
        data(&mut out, 6, "e_kind", &relation.kind)?;
        data(&mut out, 6, "e_label", &kind.label)?;
        let role = serde_json::to_value(kind.role).expect("roles serialise");
        data(&mut out, 6, "e_role", role.as_str().unwrap_or_default())?;
        data(
            &mut out,
            6,
            "e_symmetric",
            if kind.symmetric { "true" } else { "false" },
        )?;
        if let Some(aspect) = relation.aspect {
            data(&mut out, 6, "e_aspect", view.id(aspect))?;
        }
        if let Some(dimension) = relation.dimension {
            data(&mut out, 6, "e_dimension", view.id(dimension))?;
        }
        if let Some(scope) = relation.scope {
            data(&mut out, 6, "e_scope", view.id(scope))?;
        }
        if let Some(positions) = &relation.positions {
            data(&mut out, 6, "e_from_position", &positions.from)?;
            data(&mut out, 6, "e_to_position", &positions.to)?;
        }
        let sources = view.sources(relation);
        let mut papers: Vec<&str> = Vec::new();
        for source in &sources {
            if !papers.contains(&source.paper.as_str()) {
                papers.push(&source.paper);
            }
        }
        let paper_list = serde_json::to_string(&papers).expect("strings serialise");
        data(&mut out, 6, "e_papers", &paper_list)?;
        data(&mut out, 6, "e_paper_count", &papers.len().to_string())?;
        let sources = json!(sources
            .iter()
            .map(|s| crate::export::source_record(s, &view.locator(s)))
            .collect::<Vec<_>>());
        data(&mut out, 6, "e_sources", &sources.to_string())?;
        if !relation.notes.is_empty() {
            data(&mut out, 6, "e_note", &relation.notes.join(" / "))?;
        }
        out.push_str("    </edge>\n");
        flush(&mut out, sink)?;
    }
    out.push_str("  </graph>\n</graphml>\n");
    flush(&mut out, sink)
}

/// Writes what `out` holds into `sink` and empties it.
fn flush(out: &mut String, sink: &mut dyn io::Write) -> io::Result<()> {
    sink.write_all(out.as_bytes())?;
    out.clear();
    Ok(())
}

fn data(out: &mut String, indent: usize, key: &str, value: &str) -> io::Result<()> {
    let _ = writeln!(
        out,
        "{:indent$}<data key=\"{key}\">{}</data>",
        "",
        escape(value).map_err(carry)?
    );
    Ok(())
}

/// Escapes text for XML element content and double-quoted attribute values. A carriage
/// return is written as a character reference, which XML parsers keep (a literal one
/// they turn into a line feed).
///
/// # Errors
/// [`Error::Usage`] for a control character XML 1.0 forbids even escaped.
pub fn escape(text: &str) -> Result<String, Error> {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '\n' | '\t' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                return Err(Error::Usage(format!(
                    "cannot write U+{:04X} in XML (in \"{}\"); remove it from the data",
                    c as u32,
                    text.chars().take(60).collect::<String>()
                )))
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

/// Escapes text for a double-quoted XML attribute value.
fn attribute(text: &str) -> io::Result<String> {
    Ok(escape(text).map_err(carry)?.replace('"', "&quot;"))
}
