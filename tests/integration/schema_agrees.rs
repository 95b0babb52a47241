//! The JSON Schema `linkage schema` prints accepts exactly the data files the loader
//! accepts, as far as a schema can tell (it cannot see whether an id is defined
//! elsewhere). Checked by mutating every field of a small valid file every way a hand
//! might (null, empty or blank text, text padded with spaces, a name not in kebab case,
//! whole, negative and fractional numbers, a boolean, an empty object, arrays, removed,
//! an unknown field beside it) and asking both. An editor that flags a field the loader
//! takes, or passes one it refuses, misleads the scholar typing. The schema is written
//! by hand (a schema derived from the serde types would need an override on most
//! fields: the loader's rules are more than the types); a second test holds its field
//! lists to the data format's types.

use serde_json::{json, Value};

/// A valid data file using every kind of record and every optional field.
fn valid() -> Value {
    json!({
        "papers": [{
            "id": "p1", "cite": "A (2020)", "title": "T", "authors": ["A"], "year": 2020,
            "venue": "V", "pages": "1-2", "doi": "10.1/x", "url": "https://example.org",
            "file": "p1.txt", "note": "n", "inferred": {"year": "from the text"},
            "shares_text_with": []
        }],
        "nodes": [
            {"id": "a", "kind": "strategy", "label": "A", "aliases": ["Alpha"],
             "label_zh": "甲", "description": "d"},
            {"id": "b", "kind": "strategy", "label": "B"},
            {"id": "dim", "kind": "dimension", "label": "Time"}
        ],
        "relations": [
            {"kind": "premise-of", "from": "a", "to": "b", "note": "n", "aspect": null,
             "dimension": null, "positions": null,
             "sources": [{"paper": "p1", "locator": "1", "quote": "A is the premise of B",
                          "encoded_by": "AB", "reviewed_by": "CD", "voice": "thesis",
                          "extent": "sentence"}]},
            {"kind": "common-ground", "from": "a", "to": "b", "aspect": "dim", "scope": "dim",
             "sources": [{"paper": "p1", "quote": "both A and B"}]},
            {"kind": "differs", "from": "a", "to": "b", "dimension": "dim",
             "positions": {"from": "early", "to": "late"},
             "sources": [{"paper": "p1", "quote": "A differs from B"}]}
        ],
        "facts": [
            {"subject": "a", "property": "reached-by", "value": {"year": 2020}, "note": "n",
             "sources": [{"paper": "p1", "quote": "A by 2020"}]}
        ]
    })
}

/// Every JSON pointer to a value inside `value` (not the root).
fn pointers(value: &Value, at: &str, all: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let here = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                all.push(here.clone());
                pointers(child, &here, all);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let here = format!("{at}/{i}");
                all.push(here.clone());
                pointers(child, &here, all);
            }
        }
        _ => {}
    }
}

/// `value` with the value at `pointer` replaced (`Some`) or removed (`None`).
fn mutated(value: &Value, pointer: &str, to: Option<Value>) -> Value {
    let mut copy = value.clone();
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer below the root");
    let parent = copy.pointer_mut(parent).expect("the parent exists");
    match (parent, to) {
        (Value::Object(map), Some(to)) => {
            map.insert(key.replace("~1", "/").replace("~0", "~"), to);
        }
        (Value::Object(map), None) => {
            map.shift_remove(&key.replace("~1", "/").replace("~0", "~"));
        }
        (Value::Array(items), Some(to)) => items[key.parse::<usize>().unwrap()] = to,
        (Value::Array(items), None) => {
            items.remove(key.parse::<usize>().unwrap());
        }
        _ => unreachable!("a pointer's parent is an object or an array"),
    }
    copy
}

/// Whether the loader takes `file`; `None` when it refuses it only for naming an id no
/// record defines, which a schema of one file cannot know.
fn loads(file: &Value) -> Option<bool> {
    let bytes = serde_json::to_vec(file).unwrap();
    match linkage::load::load_in_memory(vec![("data.json".to_string(), bytes)]) {
        Ok(_) => Some(true),
        Err(linkage::error::Error::InvalidData(problems)) => {
            let dangling = problems.iter().all(|p| {
                ["unknown node", "unknown paper", "unknown dimension"]
                    .iter()
                    .any(|words| p.message.contains(words))
            });
            (!dangling).then_some(false)
        }
        Err(other) => panic!("{other}"),
    }
}

#[test]
fn the_printed_json_schema_accepts_what_the_loader_accepts() {
    let (code, printed, err) = crate::common::run(&["schema"]);
    assert_eq!(code, 0, "{err}");
    let schema: Value = serde_json::from_str(&printed).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the printed schema compiles");
    let base = valid();
    assert_eq!(loads(&base), Some(true), "the base file loads");
    assert!(validator.is_valid(&base), "the base file is valid");
    let mut all = Vec::new();
    pointers(&base, "", &mut all);
    let mut disagreements = Vec::new();
    let mut tried = 0;
    for pointer in &all {
        let mut variants: Vec<(String, Value)> = [
            ("null", Some(Value::Null)),
            ("\"\"", Some(json!(""))),
            ("\" \"", Some(json!(" "))),
            ("\" padded \"", Some(json!(" padded "))),
            ("\"Not Kebab\"", Some(json!("Not Kebab"))),
            ("\"thesis\"", Some(json!("thesis"))),
            ("7", Some(json!(7))),
            ("-1", Some(json!(-1))),
            ("2020.5", Some(json!(2020.5))),
            ("true", Some(json!(true))),
            ("{}", Some(json!({}))),
            ("[]", Some(json!([]))),
            ("[\"x\"]", Some(json!(["x"]))),
            ("removed", None),
        ]
        .into_iter()
        .map(|(name, to)| (name.to_string(), mutated(&base, pointer, to)))
        .collect();
        if base.pointer(pointer).is_some_and(Value::is_object) {
            let mut extra = base.clone();
            extra
                .pointer_mut(pointer)
                .and_then(Value::as_object_mut)
                .unwrap()
                .insert("unexpected".into(), json!(1));
            variants.push(("an unknown field beside".into(), extra));
        }
        for (how, file) in variants {
            tried += 1;
            let Some(loader) = loads(&file) else {
                continue;
            };
            let schema = validator.is_valid(&file);
            if loader != schema {
                disagreements.push(format!(
                    "{pointer} {how}: the loader {}, the schema {}",
                    if loader { "accepts" } else { "refuses" },
                    if schema { "accepts" } else { "refuses" },
                ));
            }
        }
    }
    assert!(tried > 300, "{tried} files tried");
    assert!(
        disagreements.is_empty(),
        "{} of {tried} disagree:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}

/// The keys of a JSON object, sorted.
fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value
        .as_object()
        .map(|map| map.keys().cloned().collect())
        .unwrap_or_default();
    keys.sort();
    keys
}

/// The fields `record` writes, sorted.
fn written(record: &impl serde::Serialize) -> Vec<String> {
    keys(&serde_json::to_value(record).expect("records serialise"))
}

/// The schema is written by hand, the records are the data format's serde types
/// (src/records.rs): each record, every field given, writes exactly the fields the
/// schema describes for it. A field added to a type breaks this literal, and then the
/// comparison, until the schema has it too.
#[test]
fn the_schema_describes_exactly_the_fields_of_the_data_formats_types() {
    use std::borrow::Cow;

    use linkage::{
        fact::Value as FactValue,
        node::Node,
        paper::Paper,
        records::FactRecord,
        records::{DataFile, RelationRecord, SourceRecord},
        relation::Positions,
    };
    let text = |s: &'static str| Some(Cow::Borrowed(s));
    let source = SourceRecord {
        paper: Cow::Borrowed("p1"),
        locator: Cow::Borrowed("1"),
        quote: Cow::Borrowed("q"),
        encoded_by: text("AB"),
        reviewed_by: text("CD"),
        voice: text("thesis"),
        extent: text("quote"),
    };
    let relation = RelationRecord {
        kind: Cow::Borrowed("differs"),
        from: Cow::Borrowed("a"),
        to: Cow::Borrowed("b"),
        aspect: text("dim"),
        dimension: text("dim"),
        positions: Some(Positions {
            from: "early".into(),
            to: "late".into(),
        }),
        scope: text("a"),
        sources: vec![source.clone()],
        note: text("n"),
    };
    let fact = FactRecord {
        subject: "a".into(),
        property: "reached-by".into(),
        value: FactValue::Year { year: 2020 },
        sources: vec![source.clone()],
        note: Some("n".into()),
    };
    let paper = Paper {
        id: "p1".into(),
        cite: Some("A (2020)".into()),
        title: Some("T".into()),
        authors: Some(vec!["A".into()]),
        year: Some(2020),
        venue: Some("V".into()),
        pages: Some("1-2".into()),
        doi: Some("10.1/x".into()),
        url: Some("https://example.org".into()),
        file: "p1.txt".into(),
        note: Some("n".into()),
        inferred: [("year".to_string(), "from the text".to_string())].into(),
        shares_text_with: vec!["p2".into()],
    };
    let node = Node {
        id: "a".into(),
        kind: "strategy".into(),
        label: "A".into(),
        aliases: vec!["Alpha".into()],
        label_zh: Some("甲".into()),
        description: Some("d".into()),
    };
    let mut file = DataFile::of(
        vec![paper.clone()],
        vec![node.clone()],
        vec![relation.clone()],
    );
    file.facts = vec![fact.clone()];

    let (code, printed, err) = crate::common::run(&["schema"]);
    assert_eq!(code, 0, "{err}");
    let schema: Value = serde_json::from_str(&printed).unwrap();
    let described = |def: &str| keys(&schema["$defs"][def]["properties"]);
    assert_eq!(written(&paper), described("paper"));
    assert_eq!(written(&node), described("node"));
    assert_eq!(written(&relation), described("relation"));
    assert_eq!(written(&source), described("source"));
    assert_eq!(written(&fact), described("fact"));
    let mut file_keys = written(&file);
    file_keys.push("$schema".into()); // read for editors, never written
    file_keys.sort();
    assert_eq!(file_keys, keys(&schema["properties"]));
}
