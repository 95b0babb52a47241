//! `locate`: where a quote is, one place a line, or the nearest misses; and what `add`
//! added.

use std::fmt::Write as _;

use crate::author::{add::Added, locate::Located};

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
    }
    out
}

/// What `add` wrote, for people: new nodes first, then the relation and where.
pub fn added(added: &Added) -> String {
    let field =
        |value: &serde_json::Value, key: &str| value[key].as_str().unwrap_or_default().to_string();
    let mut out = String::new();
    for node in &added.new_nodes {
        let _ = writeln!(
            out,
            "new node {} ({})",
            field(node, "id"),
            field(node, "kind")
        );
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
