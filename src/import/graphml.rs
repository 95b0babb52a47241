//! linkage's own GraphML (`linkage export --format graphml`) read back into data files.
//!
//! Keys are matched by their `attr.name`, not their id, so a file another tool saved
//! again with renumbered keys still reads. What linkage needs and does not find is an
//! error naming the element's line and column.

use indexmap::IndexMap;
use serde_json::{Map, Value};

use super::xml::{self, Element};
use crate::{error::Error, node::Node, paper::Paper, schema::Schema};

/// The data files of a dataset: (file name, JSON value), in writing order.
pub type DataFiles = Vec<(&'static str, Value)>;

/// Reads GraphML `text` (from `file`, for messages) into data files: `schema.json`
/// (when the GraphML carries one), `papers.json`, `nodes.json` and `claims.json`.
///
/// # Errors
/// [`Error::Usage`] naming `file`, line and column for malformed XML or a missing or
/// invalid attribute.
pub fn read(file: &str, text: &str) -> Result<DataFiles, Error> {
    let fail = |line: usize, column: usize, message: String| {
        Error::Usage(format!("{file}:{line}:{column}: {message}"))
    };
    let root = xml::parse(text).map_err(|e| fail(e.line, e.column, e.message))?;
    if root.name != "graphml" {
        return Err(fail(
            root.line,
            root.column,
            format!("expected <graphml>, found <{}>", root.name),
        ));
    }
    let mut keys: IndexMap<String, String> = IndexMap::new();
    for key in root.children_named("key") {
        if let (Some(id), Some(name)) = (key.attribute("id"), key.attribute("attr.name")) {
            keys.insert(id.to_string(), name.to_string());
        }
    }
    let Some(graph) = root.children_named("graph").next() else {
        return Err(fail(root.line, root.column, "no <graph> element".into()));
    };
    let data_of = |element: &Element| -> IndexMap<String, String> {
        element
            .children_named("data")
            .filter_map(|d| {
                let key = d.attribute("key")?;
                Some((
                    keys.get(key).cloned().unwrap_or_else(|| key.to_string()),
                    d.text.clone(),
                ))
            })
            .collect()
    };
    let require = |element: &Element, data: &IndexMap<String, String>, name: &str| {
        data.get(name).cloned().ok_or_else(|| {
            fail(
                element.line,
                element.column,
                format!("<{}> has no `{name}` data", element.name),
            )
        })
    };
    let json_of = |element: &Element, name: &str, text: &str| -> Result<Value, Error> {
        serde_json::from_str(text).map_err(|e| {
            fail(
                element.line,
                element.column,
                format!("`{name}` is not valid JSON: {e}"),
            )
        })
    };

    let mut files: DataFiles = Vec::new();
    let graph_data = data_of(graph);
    if let Some(schema) = graph_data.get("schema") {
        let value = json_of(graph, "schema", schema)?;
        serde_json::from_value::<Schema>(value.clone()).map_err(|e| {
            fail(
                graph.line,
                graph.column,
                format!("`schema` is not a schema: {e}"),
            )
        })?;
        files.push(("schema.json", value));
    }
    let papers = json_of(graph, "papers", &require(graph, &graph_data, "papers")?)?;
    serde_json::from_value::<Vec<Paper>>(papers.clone()).map_err(|e| {
        fail(
            graph.line,
            graph.column,
            format!("`papers` are not papers: {e}"),
        )
    })?;
    files.push(("papers.json", json_object("papers", papers)));

    let mut nodes = Vec::new();
    for element in graph.children_named("node") {
        let data = data_of(element);
        let id = element
            .attribute("id")
            .ok_or_else(|| fail(element.line, element.column, "<node> has no id".into()))?;
        let aliases = match data.get("aliases") {
            Some(text) => {
                serde_json::from_value(json_of(element, "aliases", text)?).map_err(|e| {
                    fail(
                        element.line,
                        element.column,
                        format!("`aliases` is not a list of names: {e}"),
                    )
                })?
            }
            None => Vec::new(),
        };
        let node = Node {
            id: id.to_string(),
            kind: require(element, &data, "kind")?.into(),
            label: require(element, &data, "label")?,
            aliases,
            label_zh: data.get("label_zh").cloned(),
            description: data.get("description").cloned(),
        };
        nodes.push(serde_json::to_value(node).expect("nodes serialise"));
    }
    files.push(("nodes.json", json_object("nodes", Value::Array(nodes))));

    let mut relations = Vec::new();
    for element in graph.children_named("edge") {
        let data = data_of(element);
        let mut relation = Map::new();
        relation.insert("kind".into(), require(element, &data, "kind")?.into());
        for (end, attribute) in [("from", "source"), ("to", "target")] {
            let id = element.attribute(attribute).ok_or_else(|| {
                fail(
                    element.line,
                    element.column,
                    format!("<edge> has no {attribute}"),
                )
            })?;
            relation.insert(end.into(), id.into());
        }
        for name in ["aspect", "dimension", "scope"] {
            if let Some(id) = data.get(name) {
                relation.insert(name.into(), id.clone().into());
            }
        }
        match (data.get("from_position"), data.get("to_position")) {
            (Some(from), Some(to)) => {
                relation.insert(
                    "positions".into(),
                    serde_json::json!({ "from": from, "to": to }),
                );
            }
            (None, None) => {}
            _ => {
                return Err(fail(
                    element.line,
                    element.column,
                    "an edge has one position without the other".into(),
                ))
            }
        }
        let sources = json_of(element, "sources", &require(element, &data, "sources")?)?;
        relation.insert("sources".into(), sources);
        if let Some(note) = data.get("note") {
            relation.insert("note".into(), note.clone().into());
        }
        relations.push(Value::Object(relation));
    }
    let mut claims = json_object("relations", Value::Array(relations));
    if let Some(text) = graph_data.get("facts") {
        claims["facts"] = json_of(graph, "facts", text)?;
    }
    files.push(("claims.json", claims));
    Ok(files)
}

fn json_object(name: &str, value: Value) -> Value {
    let mut map = Map::new();
    map.insert(name.into(), value);
    Value::Object(map)
}
