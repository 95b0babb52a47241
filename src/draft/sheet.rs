//! A draft as a claims sheet: CSV in the columns `import` reads (docs/authoring.md),
//! plus `score` and `reason`, which `import` ignores.

use std::collections::HashMap;

use super::{Draft, DraftEnd};
use crate::{author::add::kebab_id, error::Error, graph::ConceptGraph};

/// The columns of a drafted sheet, in order. `score` and `reason` are for the reader;
/// `import` accepts and ignores them.
pub const SHEET_COLUMNS: [&str; 12] = [
    "from",
    "from_label",
    "from_kind",
    "relation",
    "to",
    "to_label",
    "to_kind",
    "paper",
    "locator",
    "quote",
    "score",
    "reason",
];

/// The rows as CSV with a header row. An existing concept is written by its id; a new
/// one by an id no name in `graph` resolves to (so `import` makes a node and never
/// joins it to an existing one), with its label and kind. One label, one id.
pub fn to_csv(graph: &ConceptGraph, paper: &str, drafts: &[Draft]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(SHEET_COLUMNS)
        .expect("writing to memory");
    let mut ids = NewIds::default();
    for draft in drafts {
        let (from, from_label, from_kind) = ids.cells(graph, paper, &draft.from);
        let (to, to_label, to_kind) = ids.cells(graph, paper, &draft.to);
        let reason = format!(
            "cue \"{}\"; from \"{}\": {}; to \"{}\": {}",
            draft.cue,
            draft.phrases.0,
            why(graph, &draft.from),
            draft.phrases.1,
            why(graph, &draft.to)
        );
        writer
            .write_record([
                from.as_str(),
                &from_label,
                &from_kind,
                &draft.kind,
                &to,
                &to_label,
                &to_kind,
                paper,
                &draft.locator,
                &draft.quote,
                &format!("{:.2}", draft.score),
                &reason,
            ])
            .expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("UTF-8 in, UTF-8 out")
}

fn why(graph: &ConceptGraph, end: &DraftEnd) -> String {
    match end {
        DraftEnd::Existing { node, score } => {
            format!("matches `{}` ({score:.2})", graph.node(*node).id)
        }
        DraftEnd::New { kind, .. } => format!("no concept matches: new {kind}"),
    }
}

/// The ids given to new concepts so far.
#[derive(Default)]
struct NewIds {
    by_label: HashMap<String, String>,
    taken: Vec<String>,
}

impl NewIds {
    /// The `from`/`to`, label and kind cells of one end.
    fn cells(
        &mut self,
        graph: &ConceptGraph,
        paper: &str,
        end: &DraftEnd,
    ) -> (String, String, String) {
        match end {
            DraftEnd::Existing { node, .. } => {
                (graph.node(*node).id.clone(), String::new(), String::new())
            }
            DraftEnd::New { label, kind } => {
                let key = label.to_lowercase();
                if let Some(id) = self.by_label.get(&key) {
                    return (id.clone(), label.clone(), kind.clone());
                }
                let base = kebab_id(label).unwrap_or_else(|| format!("{paper}-concept"));
                let mut id = base.clone();
                let mut n = 2;
                while self.taken.contains(&id) || !unknown(graph, &id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                self.taken.push(id.clone());
                self.by_label.insert(key, id.clone());
                (id, label.clone(), kind.clone())
            }
        }
    }
}

/// Whether `name` resolves to no node of `graph` at all.
fn unknown(graph: &ConceptGraph, name: &str) -> bool {
    matches!(graph.resolve(name), Err(Error::UnknownName { .. }))
}
