//! The papers as citations: CSL-JSON (Zotero, Pandoc, citeproc) and BibTeX.
//!
//! Only what the data knows is written; an unknown field is left out, never filled with
//! a guess. Names are written whole (CSL `literal`, BibTeX `{{...}}`): the data does not
//! say which part of "Hao Yaqi" is the family name, so splitting it would be a guess.

use std::fmt::Write as _;

use serde_json::{json, Map, Value};

use super::View;
use crate::{output, paper::Paper};

/// The papers as a CSL-JSON array.
pub fn csl_json(view: &View<'_>) -> String {
    output::json(&Value::Array(
        view.papers.iter().map(|p| csl_item(p)).collect(),
    ))
}

/// One paper as a CSL-JSON item. The type is `article-journal` when a venue is known,
/// else the generic `article`.
pub fn csl_item(paper: &Paper) -> Value {
    let mut item = Map::new();
    item.insert("id".into(), paper.id.clone().into());
    let kind = if paper.venue.is_some() {
        "article-journal"
    } else {
        "article"
    };
    item.insert("type".into(), kind.into());
    if let Some(title) = &paper.title {
        item.insert("title".into(), title.clone().into());
    }
    if let Some(authors) = &paper.authors {
        let names: Vec<Value> = authors.iter().map(|a| json!({ "literal": a })).collect();
        item.insert("author".into(), names.into());
    }
    if let Some(year) = paper.year {
        item.insert("issued".into(), json!({ "date-parts": [[year]] }));
    }
    if let Some(venue) = &paper.venue {
        item.insert("container-title".into(), venue.clone().into());
    }
    if let Some(pages) = &paper.pages {
        item.insert("page".into(), pages.clone().into());
    }
    if let Some(doi) = &paper.doi {
        item.insert("DOI".into(), doi.clone().into());
    }
    if let Some(url) = &paper.url {
        item.insert("URL".into(), url.clone().into());
    }
    if let Some(cite) = &paper.cite {
        item.insert("citation-label".into(), cite.clone().into());
    }
    if let Some(note) = &paper.note {
        item.insert("note".into(), note.clone().into());
    }
    Value::Object(item)
}

/// The papers as BibTeX entries: `@article` when a venue is known, else `@misc`.
pub fn bibtex(view: &View<'_>) -> String {
    bibtex_of(&view.papers)
}

/// `papers` as BibTeX entries, keyed by `bibtex_key`: the bibliography `export
/// --format bibtex` writes, and the one `table --format docx` resolves its citations in.
pub fn bibtex_of(papers: &[&Paper]) -> String {
    let mut out = String::new();
    for paper in papers {
        let kind = if paper.venue.is_some() {
            "article"
        } else {
            "misc"
        };
        let _ = writeln!(out, "@{kind}{{{},", bibtex_key(&paper.id));
        let mut field = |name: &str, value: String| {
            let _ = writeln!(out, "  {name} = {{{value}}},");
        };
        if let Some(title) = &paper.title {
            field("title", latex(title));
        }
        if let Some(authors) = &paper.authors {
            let names: Vec<String> = authors
                .iter()
                .map(|a| format!("{{{}}}", latex(a)))
                .collect();
            field("author", names.join(" and "));
        }
        if let Some(year) = paper.year {
            field("year", year.to_string());
        }
        if let Some(venue) = &paper.venue {
            field("journal", latex(venue));
        }
        if let Some(pages) = &paper.pages {
            field("pages", latex(pages));
        }
        if let Some(doi) = &paper.doi {
            field("doi", latex(doi));
        }
        if let Some(url) = &paper.url {
            field("url", latex(url));
        }
        if let Some(cite) = &paper.cite {
            field("shorthand", latex(cite));
        }
        if let Some(note) = &paper.note {
            field("note", latex(note));
        }
        out.push_str("}\n\n");
    }
    out
}

/// A BibTeX key: the paper id with characters BibTeX keys cannot hold replaced by `-`.
pub(crate) fn bibtex_key(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_:./".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Text in a braced BibTeX field: LaTeX's special characters as commands, ligatures
/// broken, line breaks as spaces (BibTeX reads any white space as one space), everything else as UTF-8.
pub fn latex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            // `--`, `''` and a backquote are ligatures and typographic quotes in LaTeX.
            '-' | '\'' if chars.peek() == Some(&ch) => {
                out.push(ch);
                out.push_str("{}");
            }
            '`' => out.push_str("{`}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(ch);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\r' | '\n' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
