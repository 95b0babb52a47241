//! `linkage --data DIR add FROM RELATION TO --paper P --quote "..."`: one claim added to a
//! dataset from the command line, checked as `check` would check it, before a byte is
//! written.
//!
//! The names resolve as in every other command; the quote must occur in the paper's text
//! (its locator is derived from the heading it falls under when none is given); the new
//! relation goes at the end of the file that already holds the paper's claims, every
//! other byte of that file kept; and the whole dataset, with the change, is loaded again
//! so anything `check` would refuse is refused here with the same message.

use std::{
    fs,
    path::{Path, PathBuf},
};

use std::borrow::Cow;

use serde_json::Value;

use crate::{
    author::append::{append, append_relation},
    author::target::data_file,
    error::Error,
    graph::ConceptGraph,
    headings::{headings, locator_at},
    load::{load, load_with_change, DataSource},
    locate::locate,
    node::Node,
    records::FactRecord,
    records::{RelationRecord, SourceRecord},
    relation::Positions,
    text_store::TextStore,
    write::Destination,
};

/// A claim to add, as typed on the command line (names not yet resolved).
#[derive(Debug, Clone, Default)]
pub struct NewClaim {
    /// Where the relation starts.
    pub from: String,
    /// The relation kind.
    pub kind: String,
    /// Where the relation ends.
    pub to: String,
    /// The paper making the claim.
    pub paper: String,
    /// The paper's words.
    pub quote: String,
    /// The section; derived from the text's headings when absent.
    pub locator: Option<String>,
    /// What is shared (common-ground kinds).
    pub aspect: Option<String>,
    /// Along what the two differ (difference kinds).
    pub dimension: Option<String>,
    /// `from`'s position (difference kinds).
    pub from_position: Option<String>,
    /// `to`'s position (difference kinds).
    pub to_position: Option<String>,
    /// The respect the claim is made in: a node the paper's words name (what a problem
    /// is a problem for, what common ground is shared in).
    pub scope: Option<String>,
    /// The encoder's remark.
    pub note: Option<String>,
    /// The data file to add to, by name inside the dataset; chosen when absent.
    pub file: Option<String>,
    /// Create `from` as a new node of this kind when it names none.
    pub from_kind: Option<String>,
    /// Create `to` as a new node of this kind when it names none.
    pub to_kind: Option<String>,
    /// Other names of the node the claim creates for `from` (only for a new node).
    pub from_aliases: Vec<String>,
    /// The Chinese label of the node the claim creates for `from` (only for a new node).
    pub from_label_zh: Option<String>,
    /// Other names of the node the claim creates for `to`.
    pub to_aliases: Vec<String>,
    /// The Chinese label of the node the claim creates for `to`.
    pub to_label_zh: Option<String>,
    /// Who encoded the claim.
    pub encoded_by: Option<String>,
    /// Who reviewed it against the paper.
    pub reviewed_by: Option<String>,
    /// `thesis` or `reported`.
    pub voice: Option<String>,
    /// `sentence` or `quote`: how much of the text to print for it.
    pub extent: Option<String>,
    /// A fact rather than a relation: the property `from` has (then `kind` and `to` are
    /// empty).
    pub property: Option<String>,
    /// The fact's value, as text (`2013`, `2018-06`, `3 items`, `goal`), read as the
    /// property's type.
    pub value: Option<String>,
}

/// The labels of the nodes a claim creates, where they differ from the names typed: an
/// evidence table names its nodes by id and gives their labels in columns beside them.
#[derive(Debug, Clone, Default)]
pub struct NewLabels {
    /// The label of a new `from` node.
    pub from: Option<String>,
    /// The label of a new `to` node.
    pub to: Option<String>,
    /// The label of a new aspect node (a dimension): given, the aspect is created when
    /// it names no node.
    pub aspect: Option<String>,
    /// The label of a new dimension node: given, the dimension is created when it names
    /// no node.
    pub dimension: Option<String>,
}

/// What was added, and where.
#[derive(Debug)]
pub struct Added {
    /// The data file written.
    pub file: PathBuf,
    /// The record appended to it.
    pub record: Value,
    /// Nodes created for it.
    pub new_nodes: Vec<Node>,
    /// 1-based line of the quote in the paper's text.
    pub line: usize,
}

/// Adds `claim` to the dataset in `dir`, whose papers' texts are in `texts`.
///
/// # Errors
/// [`Error::UnknownName`], [`Error::AmbiguousName`] or [`Error::Usage`] for names, kinds and quotes that do not check;
/// [`Error::InvalidData`] with `check`'s own diagnostics when the dataset with the new
/// claim would not load; [`Error::Io`] for files that cannot be read or written.
pub fn add(dir: &Path, texts: &TextStore, claim: &NewClaim) -> Result<Added, Error> {
    let graph = load(&DataSource::Dir(dir.to_path_buf()))?.graph;
    let mut new_nodes = Vec::new();
    let prepared = prepare(&graph, texts, claim, &NewLabels::default(), &mut new_nodes)?;
    let file = target_file(&graph, dir, &prepared.paper, claim.file.as_deref())?;
    let old = match fs::read_to_string(&file) {
        Ok(old) => old,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => "{}\n".to_string(),
        Err(e) => return Err(Error::io("read", &file, e)),
    };
    let not_an_object = || {
        Error::Usage(format!(
            "{} is not a JSON object; `check` it first",
            file.display()
        ))
    };
    let mut new = old;
    for node in &new_nodes {
        new = append(&new, "nodes", node).ok_or_else(not_an_object)?;
    }
    let record = prepared.record.to_json();
    let new = append_relation(&new, &record).ok_or_else(not_an_object)?;
    // Exactly the file to be written, checked as `check` would load it.
    load_with_change(dir, &file, new.clone().into_bytes())
        .map_err(|error| unwritten(error, &file))?;
    Destination::data_file(&file).write(new.as_bytes())?;
    Ok(Added {
        file,
        record,
        new_nodes,
        line: prepared.line,
    })
}

/// A claim checked against the graph and the paper's text, as a data-file record.
pub(crate) struct Prepared {
    /// The paper's id.
    pub paper: String,
    /// The relation or fact record.
    pub record: NewRecord,
    /// 1-based line of the quote in the paper's text.
    pub line: usize,
}

/// A claim as a data file holds it: a relation or a fact.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum NewRecord {
    /// A relation record.
    Relation(RelationRecord<'static>),
    /// A fact record.
    Fact(FactRecord),
}

impl NewRecord {
    /// The record as JSON, as the data file writes it.
    pub(crate) fn to_json(&self) -> Value {
        match self {
            Self::Relation(record) => serde_json::to_value(record),
            Self::Fact(record) => serde_json::to_value(record),
        }
        .expect("records serialise")
    }

    /// The record's sources.
    pub(crate) fn sources_mut(&mut self) -> &mut Vec<SourceRecord<'static>> {
        match self {
            Self::Relation(record) => &mut record.sources,
            Self::Fact(record) => &mut record.sources,
        }
    }
}

/// Resolves `claim`'s names (creating nodes into `created` where a kind is given, or for
/// an aspect or dimension, a label in `labels`), finds its quote in the paper's text in
/// `texts` and derives its locator.
pub(crate) fn prepare(
    graph: &ConceptGraph,
    texts: &TextStore,
    claim: &NewClaim,
    labels: &NewLabels,
    created: &mut Vec<Node>,
) -> Result<Prepared, Error> {
    let paper_id = graph.resolve_paper(&claim.paper)?;
    let paper = graph.paper(&paper_id).ok_or_else(|| Error::UnknownName {
        message: format!("no paper `{paper_id}`"),
        name: paper_id.clone(),
        of: crate::error::Named::Paper,
        closest: Vec::new(),
    })?;
    let text_path = texts.place_of(&paper.file);
    let text = texts.text(&paper.file).map_err(Error::Usage)?;
    let Some(found) = locate(&text, &claim.quote) else {
        return Err(Error::Usage(not_found(&text, &claim.quote, &text_path)));
    };
    let locator = match &claim.locator {
        Some(locator) if !locator.trim().is_empty() => locator.clone(),
        _ => locator_at(&text, &headings(&text), found.start_byte).ok_or_else(|| {
                Error::Usage(format!(
                    "no heading precedes the quote in {}; give its locator (--locator, or the `locator` column of an import)",
                    text_path.display()
                ))
            })?,
    };
    let from = end(
        graph,
        &claim.from,
        claim.from_kind.as_deref(),
        &NewNames {
            label: labels.from.as_deref(),
            label_zh: claim.from_label_zh.as_deref(),
            aliases: &claim.from_aliases,
        },
        created,
    )?;
    if let Some(property) = &claim.property {
        return Ok(Prepared {
            record: fact_record(graph, claim, property, &from, &paper_id, &locator)?,
            paper: paper_id,
            line: found.first_line,
        });
    }
    let to = end(
        graph,
        &claim.to,
        claim.to_kind.as_deref(),
        &NewNames {
            label: labels.to.as_deref(),
            label_zh: claim.to_label_zh.as_deref(),
            aliases: &claim.to_aliases,
        },
        created,
    )?;
    // An aspect or dimension is always a dimension node; a label given makes a new one.
    let mut topic = |name: &Option<String>, label: &Option<String>| {
        name.as_deref()
            .map(|name| {
                let kind = label.is_some().then_some("dimension");
                end(
                    graph,
                    name,
                    kind,
                    &NewNames::label(label.as_deref()),
                    created,
                )
            })
            .transpose()
    };
    let aspect = topic(&claim.aspect, &labels.aspect)?;
    let dimension = topic(&claim.dimension, &labels.dimension)?;
    // A scope names a node: the paper's respect, never a new concept made up to hold
    // one. An id no node has yet is kept, as a later row of a spreadsheet may create
    // its node; loading the dataset with the claim (as `check`) refuses it otherwise.
    let scope = claim
        .scope
        .as_deref()
        .map(
            |name| match end(graph, name, None, &NewNames::default(), created) {
                Err(Error::UnknownName { .. }) if kebab_id(name).as_deref() == Some(name) => {
                    Ok(name.to_string())
                }
                resolved => resolved,
            },
        )
        .transpose()?;
    let record = record(
        graph,
        claim,
        [Some(from), Some(to), aspect, dimension, scope],
        &paper_id,
        &locator,
    )?;
    Ok(Prepared {
        paper: paper_id,
        record,
        line: found.first_line,
    })
}

/// The names a new node gets besides its id: the label (else the name typed), its
/// Chinese label and its aliases. Only a node a claim creates takes them: an existing
/// node's names are edited in its own file, never behind the scholar's back.
#[derive(Debug, Clone, Copy, Default)]
struct NewNames<'a> {
    label: Option<&'a str>,
    label_zh: Option<&'a str>,
    aliases: &'a [String],
}

impl<'a> NewNames<'a> {
    fn label(label: Option<&'a str>) -> Self {
        Self {
            label,
            ..Self::default()
        }
    }

    fn any_besides_label(&self) -> bool {
        self.label_zh.is_some() || !self.aliases.is_empty()
    }

    /// Whether `node` has these names already (nothing to add: a row imported again).
    fn already_on(&self, node: &Node) -> bool {
        self.label_zh
            .is_none_or(|zh| node.label_zh.as_deref() == Some(zh))
            && self
                .aliases
                .iter()
                .all(|a| node.aliases.iter().any(|had| had.eq_ignore_ascii_case(a)))
    }

    /// `node` (created by an earlier row) with these aliases added and this Chinese
    /// label set; an error when it has another Chinese label already.
    fn merge_into(&self, node: &mut Node) -> Result<(), Error> {
        if let Some(zh) = self.label_zh {
            match &node.label_zh {
                Some(had) if had != zh => {
                    return Err(Error::Usage(format!(
                        "the new node `{}` was given the Chinese label \"{had}\" above and \"{zh}\" here: give one",
                        node.id
                    )))
                }
                _ => node.label_zh = Some(zh.to_string()),
            }
        }
        for alias in self.aliases {
            if !node.aliases.iter().any(|a| a.eq_ignore_ascii_case(alias)) {
                node.aliases.push(alias.clone());
            }
        }
        Ok(())
    }
}

/// The id of the node `name` resolves to; or, when it names none and `kind` is given, the
/// id of a new node of that kind with `names` (its label, else `name`), pushed onto
/// `created`. Aliases or a Chinese label for a node that exists already are refused.
fn end(
    graph: &ConceptGraph,
    name: &str,
    kind: Option<&str>,
    names: &NewNames<'_>,
    created: &mut Vec<Node>,
) -> Result<String, Error> {
    let typed = name.trim();
    if let Some(node) = created
        .iter_mut()
        .find(|n| n.id == typed || n.label.eq_ignore_ascii_case(typed))
    {
        names.merge_into(node)?;
        return Ok(node.id.clone());
    }
    match (graph.resolve(name), kind) {
        (Ok(ix), _) => {
            let node = graph.node(ix);
            if !names.already_on(node) {
                return Err(Error::Usage(format!(
                    "\"{name}\" is the existing node `{}`: aliases and a Chinese label are given only to a node the claim creates (edit the node where it is declared)",
                    node.id
                )));
            }
            Ok(node.id.clone())
        }
        // Only a name that matches nothing makes a node: one that matches several
        // asks for an id, as anywhere else.
        (Err(Error::UnknownName { .. }), Some(kind)) => {
            graph.schema().require_node_kinds(&[kind.to_string()])?;
            let id = kebab_id(name).ok_or_else(|| {
                Error::Usage(format!(
                    "cannot make an id from \"{name}\": type the new node's name in Latin letters or digits, and its Chinese label with --from-label-zh/--to-label-zh (columns from_label_zh, to_label_zh)"
                ))
            })?;
            if let Some(existing) = created.iter_mut().find(|n| n.id == id) {
                names.merge_into(existing)?;
                return Ok(existing.id.clone());
            }
            let label = names.label.unwrap_or(name).trim();
            let mut node = Node {
                id: id.clone(),
                kind: kind.into(),
                label: label.to_string(),
                aliases: Vec::new(),
                label_zh: None,
                description: None,
            };
            names.merge_into(&mut node)?;
            created.push(node);
            Ok(id)
        }
        (Err(error), _) if names.any_besides_label() && kind.is_none() => Err(Error::Usage(format!(
            "{error}; aliases and a Chinese label make a new node only with its kind (--from-kind/--to-kind, columns from_kind, to_kind)"
        ))),
        (Err(error), _) => Err(error),
    }
}

/// `Peer tutoring (2nd wave)` → `peer-tutoring-2nd-wave`: the id a new node gets.
pub fn kebab_id(label: &str) -> Option<String> {
    let mut id = String::new();
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    (!id.is_empty()).then_some(id)
}

/// The relation as it is written in a data file: ids, not the names typed.
/// `ids` are the resolved from, to, aspect, dimension and scope. A position given
/// without the other is written empty, for the loader to name the missing side.
fn record(
    graph: &ConceptGraph,
    claim: &NewClaim,
    ids: [Option<String>; 5],
    paper: &str,
    locator: &str,
) -> Result<NewRecord, Error> {
    graph
        .schema()
        .require_relation_kinds(std::slice::from_ref(&claim.kind))?;
    let [from, to, aspect, dimension, scope] = ids.map(|id| id.map(Cow::Owned));
    let positions =
        (claim.from_position.is_some() || claim.to_position.is_some()).then(|| Positions {
            from: claim.from_position.clone().unwrap_or_default(),
            to: claim.to_position.clone().unwrap_or_default(),
        });
    Ok(NewRecord::Relation(RelationRecord {
        kind: Cow::Owned(claim.kind.clone()),
        from: from.unwrap_or_default(),
        to: to.unwrap_or_default(),
        aspect,
        dimension,
        scope,
        positions,
        sources: vec![source_record(claim, paper, locator)],
        note: claim.note.clone().map(Cow::Owned),
    }))
}

/// The claim's one source as a data file writes it: paper, locator, quote, and who
/// encoded and reviewed it, its voice and extent when given.
fn source_record(claim: &NewClaim, paper: &str, locator: &str) -> SourceRecord<'static> {
    let given = |value: &Option<String>| value.as_deref().map(|v| Cow::Owned(v.trim().to_string()));
    SourceRecord {
        paper: Cow::Owned(paper.to_string()),
        locator: Cow::Owned(locator.to_string()),
        quote: Cow::Owned(claim.quote.trim().to_string()),
        encoded_by: given(&claim.encoded_by),
        reviewed_by: given(&claim.reviewed_by),
        voice: given(&claim.voice),
        extent: given(&claim.extent),
    }
}

/// The fact `subject` has `property` of value `claim.value`, as a data file writes it:
/// the value read as the type the schema declares for the property.
fn fact_record(
    graph: &ConceptGraph,
    claim: &NewClaim,
    property: &str,
    subject: &str,
    paper: &str,
    locator: &str,
) -> Result<NewRecord, Error> {
    if !claim.kind.trim().is_empty() || !claim.to.trim().is_empty() {
        return Err(Error::Usage(format!(
            "a claim is a relation (relation, to) or a fact (property, value), not both: this one has property `{property}` and relation `{}`",
            claim.kind
        )));
    }
    let Some(declared) = graph.schema().properties.get(property) else {
        let known: Vec<&str> = graph
            .schema()
            .properties
            .keys()
            .map(String::as_str)
            .collect();
        return Err(Error::Usage(format!(
            "unknown property `{property}`; the schema's properties are {}",
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        )));
    };
    let text = claim.value.as_deref().unwrap_or_default().trim();
    let value = fact_value(text, declared.value).ok_or_else(|| {
        Error::Usage(format!(
            "the value of `{property}` is {}, not \"{text}\"",
            declared.value
        ))
    })?;
    Ok(NewRecord::Fact(FactRecord {
        subject: subject.to_string(),
        property: property.to_string(),
        value,
        sources: vec![source_record(claim, paper, locator)],
        note: claim.note.clone(),
    }))
}

/// A fact's value written as text (as the evidence table writes it) in the data-file
/// form of `wanted`: `2013` a year, `2018-06` a date, `3 items` a number and its unit.
/// `None` when the text is not of that type.
pub fn fact_value(text: &str, wanted: crate::fact::ValueType) -> Option<crate::fact::Value> {
    use crate::fact::{Value, ValueType};
    if text.is_empty() {
        return None;
    }
    match wanted {
        ValueType::Year => text.parse::<i32>().ok().map(|year| Value::Year { year }),
        ValueType::Date => {
            let date_like = text.chars().all(|c| c.is_ascii_digit() || c == '-');
            match text.parse::<i32>() {
                Ok(year) => Some(Value::Year { year }),
                Err(_) => date_like.then(|| Value::Date {
                    date: text.to_string(),
                }),
            }
        }
        ValueType::Number => {
            let (number, unit) = text.split_once(' ').unwrap_or((text, ""));
            let number: f64 = number.parse().ok()?;
            let unit = unit.trim();
            Some(Value::Number {
                number,
                unit: (!unit.is_empty()).then(|| unit.to_string()),
            })
        }
        ValueType::Text => Some(Value::Text {
            text: text.to_string(),
        }),
    }
}

/// The file named with `--file`, else the one holding most of the paper's claims, else a
/// new `<paper>.json`; in each case a data file the loader reads ([`data_file`]).
fn target_file(
    graph: &ConceptGraph,
    dir: &Path,
    paper: &str,
    named: Option<&str>,
) -> Result<PathBuf, Error> {
    if let Some(name) = named {
        return data_file(dir, name, "--file");
    }
    let mut counts = vec![0usize; graph.files().len()];
    for (_, relation) in graph.relations() {
        for source in relation.sources.iter().filter(|s| s.paper == paper) {
            if let Some(count) = counts.get_mut(source.origin.file as usize) {
                *count += 1;
            }
        }
    }
    let best = counts
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i)))
        .map(|(i, _)| i);
    let name = match best.and_then(|i| graph.files().get(i)) {
        Some(file) => Path::new(&file.name)
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
        None => format!("{paper}.json"),
    };
    // The paper's own file may be one `--file` would refuse (a symlink out of the
    // dataset): then the user chooses.
    data_file(dir, &name, "the paper's claims are in")
        .map_err(|refused| Error::Usage(format!("{refused} with --file")))
}

/// `error` with every problem placed in `file` saying that its place is in the file as
/// it would have been: nothing was written, so the line may not be on disk.
fn unwritten(error: Error, file: &Path) -> Error {
    let Error::InvalidData(mut diagnostics) = error else {
        return error;
    };
    let name = file.display().to_string();
    for diagnostic in diagnostics.iter_mut().filter(|d| d.file == name) {
        let note = "the place is in the file as it would be with the claim; nothing was written";
        diagnostic.hint = Some(match diagnostic.hint.take() {
            Some(hint) => format!("{hint}; {note}"),
            None => note.to_string(),
        });
    }
    Error::InvalidData(diagnostics)
}

/// Says that a quote is not in the text, and how near it comes: the one near-miss rule
/// of `linkage locate` (by characters, so Chinese works; case, quote marks and dashes
/// told apart from changed words).
fn not_found(text: &str, quote: &str, path: &Path) -> String {
    let paper = super::locate::PaperText {
        paper: String::new(),
        citation: String::new(),
        text: text.to_string(),
    };
    let near = super::locate::locate(std::slice::from_ref(&paper), quote);
    let miss = near.first();
    if let Some(words) = miss.and_then(|m| m.text_words.as_deref()) {
        return format!(
            "the quote does not occur in {} as written: only case, quote marks or dashes differ; the text's words, to copy: {words}",
            path.display()
        );
    }
    match miss.and_then(|m| m.difference.as_deref()) {
        Some(difference) => format!(
            "the quote does not occur in {} as written: {difference}; copy the quote from the text",
            path.display()
        ),
        None => format!(
            "the quote does not occur in {}, nor its first words; `linkage locate` finds near misses",
            path.display()
        ),
    }
}
