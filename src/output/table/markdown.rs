//! The table as Markdown for pandoc: a pipe table whose papers are pandoc citations
//! (`[@key]`, the keys of `export --format bibtex`), which `pandoc --citeproc
//! --bibliography papers.bib` resolves into the journal's citation style.

use std::fmt::Write as _;

use super::JournalTable;

/// The columns' relative widths, as dashes under the header: pandoc wraps a table
/// wider than a line and sizes its columns in these proportions.
const COLUMNS: [usize; 4] = [20, 31, 31, 18];

/// The table as Markdown: a caption, the pipe table, and the notes on disputed rows.
pub fn markdown(table: &JournalTable) -> String {
    let mut out = String::new();
    let (a, b) = &table.sides;
    let words = table.words;
    let _ = writeln!(out, "Table: {}\n", escape(&table.caption()));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |",
        escape(words.topic),
        escape(a),
        escape(b),
        escape(words.papers)
    );
    let rule: Vec<String> = COLUMNS
        .iter()
        .map(|n| format!(":{}", "-".repeat(*n)))
        .collect();
    let _ = writeln!(out, "|{}|", rule.join("|"));
    for (title, rows) in table.sections() {
        let _ = writeln!(out, "| ***{}*** | | | |", escape(title));
        for row in rows {
            let topic = format!("{}{}", escape(&row.topic), words.mark(row.dispute));
            if row.positions.is_empty() {
                let _ = writeln!(
                    out,
                    "| {topic} | *{}* | | {} |",
                    escape(words.shared),
                    cite(&row.keys)
                );
            }
            for (i, (x, y, keys)) in row.positions.iter().enumerate() {
                let first = if i == 0 { topic.as_str() } else { "" };
                let _ = writeln!(
                    out,
                    "| {first} | {} | {} | {} |",
                    escape(x),
                    escape(y),
                    cite(keys)
                );
            }
        }
    }
    let notes = table.notes();
    if !notes.is_empty() {
        out.push('\n');
        for (mark, meaning) in notes {
            let _ = writeln!(out, "{mark} {}  ", escape(meaning));
        }
    }
    out
}

/// `[@a; @b]`.
fn cite(keys: &[String]) -> String {
    let keys: Vec<String> = keys.iter().map(|k| format!("@{k}")).collect();
    format!("[{}]", keys.join("; "))
}

/// `text` with every character Markdown (or a pipe table) could read as markup
/// backslash-escaped, line breaks as spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '[' | ']' | '|' | '<' | '>' | '@' | '`' | '$' | '~' | '^' | '#'
            | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
