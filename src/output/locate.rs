//! `locate`: where a quote is, one place a line, or the nearest misses; and what `add`
//! added.

use std::fmt::Write as _;

use crate::author::{add::Added, locate::Located, references::RecordChange};

/// The places found, or the nearest misses, for people.
pub fn human(found: &[Located]) -> String {
    let mut out = String::new();
    if found.is_empty() {
        out.push_str("not found in any paper's text, nor anything close to it\n");
        return out;
    }
    if !found[0].verbatim {
        out.push_str("not found verbatim; the nearest misses:\n");
    }
    for place in found {
        let lines = if place.lines.0 == place.lines.1 {
            format!("line {}", place.lines.0)
        } else {
            format!("lines {}-{}", place.lines.0, place.lines.1)
        };
        let under = place
            .locator
            .as_deref()
            .map_or_else(String::new, |l| format!(", under \"{l}\""));
        let _ = writeln!(out, "{} [{}], {lines}{under}", place.citation, place.paper);
        if let Some(difference) = &place.difference {
            let _ = writeln!(out, "  {difference}");
        }
        if let Some(words) = &place.text_words {
            let _ = writeln!(out, "  the text's words, to copy: {words}");
        }
    }
    out
}

/// What `add` wrote, for people: new nodes first, then the relation and where.
pub fn added(added: &Added) -> String {
    let field =
        |value: &serde_json::Value, key: &str| value[key].as_str().unwrap_or_default().to_string();
    let mut out = String::new();
    for node in &added.new_nodes {
        let _ = writeln!(out, "new node {} ({})", node.id, node.kind);
    }
    let _ = writeln!(
        out,
        "added to {}: {} {} {} (quote at line {} of the text)",
        added.file.display(),
        field(&added.record, "from"),
        field(&added.record, "kind"),
        field(&added.record, "to"),
        added.line
    );
    out
}

/// What `import --format bibtex|csl-json` did, for people: one line a paper, with the
/// fields set (`year: 2021 → 2020, inferred no more`).
pub fn records(changes: &[RecordChange]) -> String {
    let mut out = String::new();
    if changes.is_empty() {
        out.push_str("the file has no entries\n");
    }
    let show = |value: &serde_json::Value| match value {
        serde_json::Value::String(s) => format!("\"{s}\""),
        serde_json::Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    };
    for change in changes {
        let _ = write!(
            out,
            "{} paper {} (entry {}) in {}",
            change.action, change.paper, change.key, change.file
        );
        if change.fields.is_empty() {
            out.push('\n');
            continue;
        }
        out.push_str(":\n");
        for field in &change.fields {
            let _ = write!(out, "  {}: ", field.field);
            if let Some(old) = &field.old {
                let _ = write!(out, "{} → ", show(old));
            }
            out.push_str(&show(&field.new));
            if field.was_inferred {
                out.push_str(" (was inferred; now from the record)");
            }
            out.push('\n');
        }
        if change.action == "added" {
            if let Some(file) = change.fields.iter().find(|f| f.field == "file") {
                let _ = writeln!(
                    out,
                    "  its text goes in the texts directory as {}",
                    show(&file.new)
                );
            }
        }
    }
    out
}
