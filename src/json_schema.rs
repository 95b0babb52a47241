//! The JSON Schema of data files, generated from the active schema so editors can
//! complete node kinds and relation kinds and flag missing fields while a scholar types.

use serde_json::{json, Value};

use crate::schema::{Role, Schema};

/// A JSON Schema (draft 2020-12) describing one data file under `schema`.
pub(crate) fn data_file_schema(schema: &Schema) -> Value {
    let node_kinds: Vec<&str> = schema.node_kinds.keys().map(String::as_str).collect();
    let relation_kinds: Vec<&str> = schema.relation_kinds.keys().map(String::as_str).collect();
    let role_rules: Vec<Value> = [Role::CommonGround, Role::Difference, Role::Ordinary]
        .into_iter()
        .filter_map(|role| role_rule(schema, role))
        .collect();
    let properties: Vec<&str> = schema.properties.keys().map(String::as_str).collect();
    // Text the loader takes: not empty, nor only white space.
    let text = json!({ "type": "string", "minLength": 1, "pattern": "\\S" });
    let optional_text = json!({ "type": ["string", "null"] });
    let optional_id = json!({ "anyOf": [{ "$ref": "#/$defs/id" }, { "type": "null" }] });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://linkage.invalid/data-file.schema.json",
        "title": "linkage data file",
        "description": "One file of a linkage dataset: papers, nodes and relations. See docs/data-format.md.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "$schema": { "type": "string" },
            "papers": { "type": "array", "items": { "$ref": "#/$defs/paper" } },
            "nodes": { "type": "array", "items": { "$ref": "#/$defs/node" } },
            "relations": { "type": "array", "items": { "$ref": "#/$defs/relation" } },
            "facts": { "type": "array", "items": { "$ref": "#/$defs/fact" } }
        },
        "$defs": {
            "id": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" },
            "paper": {
                "type": "object",
                "additionalProperties": false,
                "required": ["id", "file"],
                "properties": {
                    "id": text, "cite": optional_text, "title": optional_text,
                    "authors": { "type": ["array", "null"], "items": { "type": "string" } },
                    "year": { "type": ["integer", "null"] },
                    "venue": optional_text, "pages": optional_text, "doi": optional_text,
                    "url": optional_text,
                    "file": text, "note": optional_text,
                    "inferred": {
                        "type": "object",
                        "additionalProperties": { "type": "string" }
                    },
                    "shares_text_with": { "type": "array", "items": { "$ref": "#/$defs/id" } }
                }
            },
            "node": {
                "type": "object",
                "additionalProperties": false,
                "required": ["id", "kind", "label"],
                "properties": {
                    "id": { "$ref": "#/$defs/id" },
                    "kind": { "enum": node_kinds },
                    "label": text,
                    "aliases": { "type": "array", "items": { "type": "string" } },
                    "label_zh": optional_text,
                    "description": optional_text
                }
            },
            "source": {
                "type": "object",
                "additionalProperties": false,
                "required": ["paper", "quote"],
                "properties": {
                    "paper": text,
                    "locator": {
                        "type": "string",
                        "maxLength": 65535,
                        "description": "the section or page; empty or left out, `check` derives it from the text"
                    },
                    "quote": text,
                    "encoded_by": { "$ref": "#/$defs/name" },
                    "reviewed_by": { "$ref": "#/$defs/name" },
                    "voice": {
                        "enum": ["thesis", "reported", null],
                        "description": "thesis: the paper's own argument; reported: the paper reporting others"
                    },
                    "extent": {
                        "enum": ["sentence", "quote", null],
                        "description": "what human output prints: the sentence the quote is in (default), or the quote as encoded"
                    }
                }
            },
            "name": {
                "type": ["string", "null"],
                "description": "a person's name or initials, without surrounding spaces or control characters",
                "pattern": "^\\S(.*\\S)?$"
            },
            "relation": {
                "type": "object",
                "additionalProperties": false,
                "required": ["kind", "from", "to", "sources"],
                "properties": {
                    "kind": { "enum": relation_kinds },
                    "from": { "$ref": "#/$defs/id" },
                    "to": { "$ref": "#/$defs/id" },
                    "aspect": optional_id, "dimension": optional_id, "scope": optional_id,
                    "positions": {
                        "type": ["object", "null"],
                        "additionalProperties": false,
                        "required": ["from", "to"],
                        "properties": { "from": text, "to": text }
                    },
                    "sources": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/source" } },
                    "note": optional_text
                },
                "allOf": role_rules
            },
            "fact": {
                "type": "object",
                "additionalProperties": false,
                "required": ["subject", "property", "value", "sources"],
                "properties": {
                    "subject": { "$ref": "#/$defs/id" },
                    "property": { "enum": properties },
                    "value": {
                        "oneOf": [
                            { "type": "object", "additionalProperties": false, "required": ["year"], "properties": { "year": { "type": "integer" } } },
                            { "type": "object", "additionalProperties": false, "required": ["date"], "properties": { "date": text } },
                            { "type": "object", "additionalProperties": false, "required": ["number"], "properties": { "number": { "type": "number" }, "unit": { "type": "string" } } },
                            { "type": "object", "additionalProperties": false, "required": ["text"], "properties": { "text": text } }
                        ]
                    },
                    "sources": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/source" } },
                    "note": optional_text
                }
            }
        }
    })
}

/// What a relation of each kind of `role` must have and must not: an aspect for
/// common ground, a dimension and positions for a difference, given and not null (the
/// loader reads a null as left out); none of them where the role has no use for them.
/// `None` when the schema has no kind of that role.
fn role_rule(schema: &Schema, role: Role) -> Option<Value> {
    let kinds: Vec<&str> = schema
        .relation_kinds
        .iter()
        .filter(|(_, kind)| kind.role == role)
        .map(|(name, _)| name.as_str())
        .collect();
    if kinds.is_empty() {
        return None;
    }
    let id = json!({ "$ref": "#/$defs/id" });
    let absent = json!({ "type": "null" });
    let (required, aspect, dimension, positions) = match role {
        Role::CommonGround => (json!(["aspect"]), id, absent.clone(), absent),
        Role::Difference => (
            json!(["dimension", "positions"]),
            absent,
            id,
            json!({ "type": "object" }),
        ),
        Role::Ordinary => (json!([]), absent.clone(), absent.clone(), absent),
    };
    Some(json!({
        "if": { "properties": { "kind": { "enum": kinds } } },
        "then": {
            "required": required,
            "properties": { "aspect": aspect, "dimension": dimension, "positions": positions }
        }
    }))
}
