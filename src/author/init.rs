//! `linkage init DIR`: a new dataset that passes `check --sources DIR/texts` at once, so
//! a scholar starts from something that works and changes it one step at a time.

use std::{borrow::Cow, fs, path::Path};

use serde::Serialize;
use serde_json::{json, Value};

use crate::{
    error::Error,
    node::Node,
    paper::Paper,
    records::{DataFile, RelationRecord, SourceRecord},
    schema::Schema,
    write::{new_or_empty_dir, Destination},
};

/// The example paper's text: short, with a numbered heading so locators can be derived.
const EXAMPLE_TEXT: &str = "Example paper (replace this file with your paper's plain text)

1. Introduction

Reading groups are a premise of lasting learning gains. The paper argues
that peer tutoring serves the same goal as reading groups.
";

/// What to do next, written into the new dataset.
const README: &str = "# A linkage dataset

Files:
- `papers.json`: one entry per paper. `file` names its plain text in `texts/`. Unknown
  citation fields stay `null`: never a guess.
- `texts/`: the papers' plain texts; every quote must occur in them verbatim.
- `example.json`: nodes and relations (split them over as many files as you like).
- `schema.json`: the node and relation kinds. It starts as a copy of linkage's built-in
  schema plus one kind of your own (`method`); add or remove kinds here.

Next steps:
1. Put your paper's text in `texts/`, and describe it in `papers.json`.
2. Find where a sentence is: `linkage --data . locate \"a few words\"`.
3. Add a claim: `linkage --data . add reading-groups premise-of learning-gains
   --paper example-2024 --quote \"Reading groups are a premise of lasting learning gains\"`.
4. Check everything: `linkage --data . check --sources texts`.

The format: docs/data-format.md in linkage's repository; `linkage schema` prints a JSON
Schema your editor can use.
";

/// Creates the dataset in `dir`, which must not exist or be empty.
///
/// # Errors
/// [`Error::Usage`] when `dir` holds files; [`Error::Io`] when it cannot be written.
pub fn init(dir: &Path) -> Result<Vec<String>, Error> {
    new_or_empty_dir(
        dir,
        "is not empty; `linkage init` starts a new dataset in a new or empty directory",
    )?;
    fs::create_dir_all(dir.join("texts")).map_err(|e| Error::io("create", dir, e))?;
    let files: Vec<(&str, String)> = vec![
        ("papers.json", pretty(&papers())),
        ("example.json", pretty(&example())),
        ("schema.json", pretty(&schema()?)),
        ("texts/example-2024.txt", EXAMPLE_TEXT.to_string()),
        ("README.md", README.to_string()),
    ];
    let mut written = Vec::new();
    for (name, text) in files {
        let path = dir.join(name);
        Destination::data_file(&path).write(text.as_bytes())?;
        written.push(path.display().to_string());
    }
    Ok(written)
}

fn pretty(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// The example paper: every citation field it does not know left `null`.
fn papers() -> DataFile<'static, RelationRecord<'static>> {
    let paper = Paper {
        id: "example-2024".into(),
        cite: Some("Example (2024)".into()),
        title: Some("An example paper: replace it with yours".into()),
        authors: None,
        year: None,
        venue: None,
        pages: None,
        doi: None,
        url: None,
        file: "example-2024.txt".into(),
        note: Some("Unknown citation fields stay null.".into()),
        inferred: std::collections::BTreeMap::new(),
        shares_text_with: Vec::new(),
    };
    DataFile::of(vec![paper], Vec::new(), Vec::new())
}

/// Two concepts and the claim the example paper makes about them.
fn example() -> DataFile<'static, RelationRecord<'static>> {
    let node = |id: &str, kind: &str, label: &str| Node {
        id: id.into(),
        kind: kind.into(),
        label: label.into(),
        aliases: Vec::new(),
        label_zh: None,
        description: None,
    };
    let claim = RelationRecord {
        kind: Cow::Borrowed("premise-of"),
        from: Cow::Borrowed("reading-groups"),
        to: Cow::Borrowed("learning-gains"),
        aspect: None,
        dimension: None,
        scope: None,
        positions: None,
        sources: vec![SourceRecord {
            paper: Cow::Borrowed("example-2024"),
            locator: Cow::Borrowed("1. Introduction"),
            quote: Cow::Borrowed("Reading groups are a premise of lasting learning gains"),
            ..SourceRecord::default()
        }],
        note: None,
    };
    DataFile::of(
        Vec::new(),
        vec![
            node("reading-groups", "measure", "Reading groups"),
            node("learning-gains", "goal", "Lasting learning gains"),
        ],
        vec![claim],
    )
}

/// The built-in schema with one kind of the scholar's own, showing how to extend it.
fn schema() -> Result<Value, Error> {
    let mut schema: Value = serde_json::from_str(Schema::builtin_text())
        .map_err(|e| Error::Usage(format!("the built-in schema does not parse: {e}")))?;
    if let Some(kinds) = schema.get_mut("node_kinds").and_then(Value::as_object_mut) {
        kinds.insert(
            "method".into(),
            json!({
                "description": "A research method a paper uses (an example of a kind of your own).",
                "style": {"shape": "parallelogram", "fill": "#fff4e0", "line": "#8a5a00", "print_fill": "#ffffff"}
            }),
        );
    }
    Ok(schema)
}
