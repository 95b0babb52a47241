//! The evidence table: one row per claim and source, the appendix a scholar puts under
//! their own paper. CSV (RFC 4180, every field quoted where needed) and Markdown (a
//! GitHub-flavoured table).

use std::fmt::Write as _;

use super::View;

/// The columns, in order.
pub const COLUMNS: [&str; 15] = [
    "from",
    "from_label",
    "relation",
    "to",
    "to_label",
    "aspect",
    "dimension",
    "from_position",
    "to_position",
    "paper",
    "citation",
    "locator",
    "first_line",
    "last_line",
    "quote",
];

/// The rows: one per relation and kept source, in data order. Line numbers are empty
/// when the paper's text is not at hand or does not hold the quote.
pub fn rows(view: &View<'_>) -> Vec<[String; 15]> {
    let graph = view.graph;
    let label = |ix| graph.node(ix).label.clone();
    let mut rows = Vec::new();
    for (_, relation) in view.relations() {
        for source in view.sources(relation) {
            let span = view.span(source);
            rows.push([
                view.id(relation.from).to_string(),
                label(relation.from),
                graph.kind_of(relation).label.clone(),
                view.id(relation.to).to_string(),
                label(relation.to),
                relation.aspect.map(label).unwrap_or_default(),
                relation.dimension.map(label).unwrap_or_default(),
                relation
                    .positions
                    .as_ref()
                    .map(|p| p.from.clone())
                    .unwrap_or_default(),
                relation
                    .positions
                    .as_ref()
                    .map(|p| p.to.clone())
                    .unwrap_or_default(),
                source.paper.clone(),
                graph.cite(&source.paper).to_string(),
                view.locator(source),
                span.map(|s| s.first_line.to_string()).unwrap_or_default(),
                span.map(|s| s.last_line.to_string()).unwrap_or_default(),
                source.quote.clone(),
            ]);
        }
    }
    rows
}

/// The table as CSV with a header row.
pub fn csv(view: &View<'_>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS).expect("writing to memory");
    for row in rows(view) {
        writer.write_record(&row).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("UTF-8 in, UTF-8 out")
}

/// The table in Markdown. In cells, `|` and `\` are escaped, HTML's `<` and `&` are
/// written as entities, and line breaks as `<br>`, so a cell shows the text as it is.
pub fn markdown(view: &View<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "| {} |", COLUMNS.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(COLUMNS.len()));
    for row in rows(view) {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

/// One Markdown table cell: nothing in the text can end the cell, start markup or be
/// read as HTML.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("<br>"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("\\|"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(ch);
            }
            c => out.push(c),
        }
    }
    out
}
