//! linkage's own GraphML (`linkage export --format graphml`) read back into data files.
//!
//! Keys are matched by their `attr.name`, not their id, so a file another tool saved
//! again with renumbered keys still reads (GraphML declares its keys before the graph;
//! a key declared later is not known to the elements before it). What linkage needs and
//! does not find is an error naming the element's line and column.
//!
//! The document is read as it streams ([`super::xml`]) and each node and edge is written
//! into its data file's text at once: time and memory grow with the document, never
//! with its square.

use std::{borrow::Cow, collections::HashMap};

use serde::Serialize;
use serde_json::Value;

use super::xml::{Item, Reader, XmlError};
use crate::{
    error::Error,
    node::Node,
    paper::Paper,
    records::FactRecord,
    records::{DataFile, RelationRecord, SourceRecord},
    relation::Positions,
    schema::Schema,
};

/// The data files of a dataset: (file name, text), in writing order.
pub type DataFiles = Vec<(&'static str, String)>;

/// Reads GraphML `text` (from `file`, for messages) into data files: `schema.json`
/// (when the GraphML carries one), `papers.json`, `nodes.json` and `claims.json`.
///
/// # Errors
/// [`Error::Usage`] naming `file`, line and column for malformed XML or a missing or
/// invalid attribute.
pub fn read(file: &str, text: &str) -> Result<DataFiles, Error> {
    let usage = |e: XmlError| Error::Usage(format!("{file}:{e}"));
    let mut document = Document {
        xml: Reader::new(text),
        keys: HashMap::new(),
    };
    let (name, at) = loop {
        match document.xml.read().map_err(usage)? {
            Item::Open { name, at, .. } => break (name, at),
            Item::Text(_) | Item::Close => {}
            Item::End => return Err(usage(document.xml.error_at(0, "no root element"))),
        }
    };
    if name != "graphml" {
        return Err(usage(
            document
                .xml
                .error_at(at, format!("expected <graphml>, found <{name}>")),
        ));
    }
    let mut graph = None;
    loop {
        match document.xml.read().map_err(usage)? {
            Item::Open {
                name,
                attributes,
                at,
                empty,
            } => match name.as_str() {
                "key" => {
                    if let (Some(id), Some(name)) =
                        (find(&attributes, "id"), find(&attributes, "attr.name"))
                    {
                        document.keys.insert(id.to_string(), name.to_string());
                    }
                    document.skip(empty).map_err(usage)?;
                }
                "graph" if graph.is_none() => {
                    graph = Some(document.graph(at, empty).map_err(usage)?);
                }
                _ => document.skip(empty).map_err(usage)?,
            },
            Item::Close | Item::End => break,
            Item::Text(_) => {}
        }
    }
    // Nothing but comments and space may follow the root element.
    while !matches!(document.xml.read().map_err(usage)?, Item::End) {}
    let Some(graph) = graph else {
        return Err(usage(document.xml.error_at(at, "no <graph> element")));
    };
    Ok(graph.files)
}

/// The document being read, and the keys declared so far (id to `attr.name`).
struct Document<'a> {
    xml: Reader<'a>,
    keys: HashMap<String, String>,
}

/// What a `<node>` or `<edge>` holds: its attributes and its data by key name.
struct Element {
    attributes: Vec<(String, String)>,
    data: Vec<(String, String)>,
    at: usize,
}

impl Element {
    fn data(&self, name: &str) -> Option<&str> {
        find(&self.data, name)
    }
}

/// The graph read: its data files' texts.
struct Graph {
    files: DataFiles,
}

fn find<'v>(pairs: &'v [(String, String)], name: &str) -> Option<&'v str> {
    pairs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

impl Document<'_> {
    /// Skips the element just opened (nothing to skip when it was `empty`).
    fn skip(&mut self, empty: bool) -> Result<(), XmlError> {
        let mut depth = usize::from(!empty);
        while depth > 0 {
            match self.xml.read()? {
                Item::Open { empty: false, .. } => depth += 1,
                Item::Close => depth -= 1,
                Item::Open { .. } | Item::Text(_) => {}
                Item::End => break,
            }
        }
        Ok(())
    }

    /// The text of the `<data>` element just opened: its own, not its children's.
    fn data_text(&mut self, empty: bool) -> Result<String, XmlError> {
        let mut text = String::new();
        if empty {
            return Ok(text);
        }
        loop {
            match self.xml.read()? {
                Item::Text(piece) => text.push_str(&piece),
                Item::Open { empty, .. } => self.skip(empty)?,
                Item::Close | Item::End => return Ok(text),
            }
        }
    }

    /// The `<node>` or `<edge>` just opened, with its data.
    fn element(
        &mut self,
        attributes: Vec<(String, String)>,
        at: usize,
        empty: bool,
    ) -> Result<Element, XmlError> {
        let mut element = Element {
            attributes,
            data: Vec::new(),
            at,
        };
        if empty {
            return Ok(element);
        }
        loop {
            match self.xml.read()? {
                Item::Open {
                    name,
                    attributes,
                    empty,
                    ..
                } if name == "data" => {
                    let text = self.data_text(empty)?;
                    if let Some(key) = find(&attributes, "key") {
                        let name = self
                            .keys
                            .get(key)
                            .cloned()
                            .unwrap_or_else(|| key.to_string());
                        element.data.push((name, text));
                    }
                }
                Item::Open { empty, .. } => self.skip(empty)?,
                Item::Close | Item::End => return Ok(element),
                Item::Text(_) => {}
            }
        }
    }

    /// The `<graph>` just opened (at `at`): its data files.
    fn graph(&mut self, at: usize, empty: bool) -> Result<Graph, XmlError> {
        let mut graph_data: Vec<(String, String)> = Vec::new();
        let mut nodes = JsonArray::new("nodes");
        let mut relations = JsonArray::new("relations");
        if !empty {
            loop {
                match self.xml.read()? {
                    Item::Open {
                        name,
                        attributes,
                        at,
                        empty,
                    } => match name.as_str() {
                        "data" => {
                            let text = self.data_text(empty)?;
                            if let Some(key) = find(&attributes, "key") {
                                let name = self
                                    .keys
                                    .get(key)
                                    .cloned()
                                    .unwrap_or_else(|| key.to_string());
                                graph_data.push((name, text));
                            }
                        }
                        "node" => {
                            let element = self.element(attributes, at, empty)?;
                            nodes.push(&self.node(&element)?);
                        }
                        "edge" => {
                            let element = self.element(attributes, at, empty)?;
                            self.relation(&element, &mut relations)?;
                        }
                        _ => self.skip(empty)?,
                    },
                    Item::Close | Item::End => break,
                    Item::Text(_) => {}
                }
            }
        }
        let mut files: DataFiles = Vec::new();
        let graph = Element {
            attributes: Vec::new(),
            data: graph_data,
            at,
        };
        if let Some(schema) = graph.data("schema") {
            let value = self.json(&graph, "schema", schema)?;
            serde_json::from_value::<Schema>(value.clone()).map_err(|e| {
                self.xml
                    .error_at(at, format!("`schema` is not a schema: {e}"))
            })?;
            files.push(("schema.json", pretty(&value)));
        }
        let papers = self.json(&graph, "papers", self.require(&graph, "graph", "papers")?)?;
        let papers = serde_json::from_value::<Vec<Paper>>(papers).map_err(|e| {
            self.xml
                .error_at(at, format!("`papers` are not papers: {e}"))
        })?;
        let papers: DataFile<'_, RelationRecord<'_>> = DataFile::of(papers, Vec::new(), Vec::new());
        files.push(("papers.json", pretty(&papers)));
        files.push(("nodes.json", nodes.finish(None::<(&str, &Value)>)));
        let facts = match graph.data("facts") {
            Some(text) => {
                let facts = self.json(&graph, "facts", text)?;
                let facts = serde_json::from_value::<Vec<FactRecord>>(facts)
                    .map_err(|e| self.xml.error_at(at, format!("`facts` are not facts: {e}")))?;
                Some(facts)
            }
            None => None,
        };
        files.push((
            "claims.json",
            relations.finish(facts.as_ref().map(|f| ("facts", f))),
        ));
        Ok(Graph { files })
    }

    fn require<'e>(
        &self,
        element: &'e Element,
        tag: &str,
        name: &str,
    ) -> Result<&'e str, XmlError> {
        element.data(name).ok_or_else(|| {
            self.xml
                .error_at(element.at, format!("<{tag}> has no `{name}` data"))
        })
    }

    fn json(&self, element: &Element, name: &str, text: &str) -> Result<Value, XmlError> {
        serde_json::from_str(text).map_err(|e| {
            self.xml
                .error_at(element.at, format!("`{name}` is not valid JSON: {e}"))
        })
    }

    /// A `<node>` as a data file's node record.
    fn node(&self, element: &Element) -> Result<Node, XmlError> {
        let id = find(&element.attributes, "id")
            .ok_or_else(|| self.xml.error_at(element.at, "<node> has no id"))?;
        let aliases = match element.data("aliases") {
            Some(text) => {
                serde_json::from_value(self.json(element, "aliases", text)?).map_err(|e| {
                    self.xml
                        .error_at(element.at, format!("`aliases` is not a list of names: {e}"))
                })?
            }
            None => Vec::new(),
        };
        Ok(Node {
            id: id.to_string(),
            kind: self.require(element, "node", "kind")?.into(),
            label: self.require(element, "node", "label")?.to_string(),
            aliases,
            label_zh: element.data("label_zh").map(str::to_string),
            description: element.data("description").map(str::to_string),
        })
    }

    /// An `<edge>` as a relation record, appended to `relations`.
    fn relation(&self, element: &Element, relations: &mut JsonArray) -> Result<(), XmlError> {
        let end = |attribute: &str| {
            find(&element.attributes, attribute).ok_or_else(|| {
                self.xml
                    .error_at(element.at, format!("<edge> has no {attribute}"))
            })
        };
        let positions = match (element.data("from_position"), element.data("to_position")) {
            (Some(from), Some(to)) => Some(Positions {
                from: from.to_string(),
                to: to.to_string(),
            }),
            (None, None) => None,
            _ => {
                return Err(self
                    .xml
                    .error_at(element.at, "an edge has one position without the other"))
            }
        };
        let sources = self.require(element, "edge", "sources")?;
        let sources: Vec<SourceRecord<'_>> = serde_json::from_str(sources).map_err(|e| {
            self.xml
                .error_at(element.at, format!("`sources` are not sources: {e}"))
        })?;
        let text = |name: &str| element.data(name).map(Cow::Borrowed);
        relations.push(&RelationRecord {
            kind: Cow::Borrowed(self.require(element, "edge", "kind")?),
            from: Cow::Borrowed(end("source")?),
            to: Cow::Borrowed(end("target")?),
            aspect: text("aspect"),
            dimension: text("dimension"),
            scope: text("scope"),
            positions,
            sources,
            note: text("note"),
        });
        Ok(())
    }
}

/// A data file `{"NAME": [...]}` written record by record, laid out as `export` lays
/// out JSON (two spaces an indent), so no record is held once written.
struct JsonArray {
    text: String,
    count: usize,
    record: Vec<u8>,
}

impl JsonArray {
    fn new(name: &str) -> Self {
        Self {
            text: format!("{{\n  \"{name}\": ["),
            count: 0,
            record: Vec::new(),
        }
    }

    fn push(&mut self, record: &impl Serialize) {
        self.record.clear();
        // Serialising records of strings into memory cannot fail.
        let _ = serde_json::to_writer_pretty(&mut self.record, record);
        self.text
            .push_str(if self.count == 0 { "\n    " } else { ",\n    " });
        // Only the layout puts line breaks in JSON (a string's are escaped).
        let record = String::from_utf8_lossy(&self.record);
        for (i, line) in record.split('\n').enumerate() {
            if i > 0 {
                self.text.push_str("\n    ");
            }
            self.text.push_str(line);
        }
        self.count += 1;
    }

    /// The file's text, with `member` (a name and a value) after the array.
    fn finish(mut self, member: Option<(&str, &impl Serialize)>) -> String {
        self.text
            .push_str(if self.count == 0 { "]" } else { "\n  ]" });
        if let Some((name, value)) = member {
            let value = pretty(value);
            self.text.push_str(",\n  ");
            self.text
                .push_str(&serde_json::to_string(name).unwrap_or_default());
            self.text.push_str(": ");
            self.text.push_str(&value.trim_end().replace('\n', "\n  "));
        }
        self.text.push_str("\n}\n");
        self.text
    }
}

/// `value` as `export` writes JSON: two spaces an indent, a final line break.
fn pretty(value: &impl Serialize) -> String {
    crate::output::json(value)
}
