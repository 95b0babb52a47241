//! Paper records as a reference manager exports them: BibTeX / BibLaTeX (through the
//! `biblatex` crate) and CSL-JSON (through serde), read into [`Reference`]s holding
//! exactly the citation fields the file gives. A field the file lacks is `None`: the
//! merge into a dataset (src/author/references.rs) leaves such a field as it was.
//!
//! Names: a BibTeX name is split by the BibTeX rules (`Liu, Peng` and `Peng Liu` are
//! family `Liu`, given `Peng`), a CSL name has `family` and `given` or a `literal`; both
//! are written given name first (`Peng Liu`), a literal as it is.

use std::path::Path;

use biblatex::{Bibliography, ChunksExt, Entry};
use serde::Deserialize;
use serde_json::Value;

use crate::error::Error;

/// One paper's record as the file gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reference {
    /// The entry's citation key (BibTeX) or `id` (CSL-JSON).
    pub key: String,
    /// 1-based line of the entry in the file.
    pub line: usize,
    /// The title.
    pub title: Option<String>,
    /// The authors, given name first.
    pub authors: Option<Vec<String>>,
    /// The families of the authors' names (for a short citation), where known.
    pub families: Vec<String>,
    /// The year of publication.
    pub year: Option<i32>,
    /// The journal, book or proceedings.
    pub venue: Option<String>,
    /// The page range (`312-332`).
    pub pages: Option<String>,
    /// The DOI, without a resolver prefix.
    pub doi: Option<String>,
    /// The URL.
    pub url: Option<String>,
    /// The name of the paper's file the entry links (a reference manager's `file`
    /// field), without its directories.
    pub file: Option<String>,
}

/// Reads the BibTeX or BibLaTeX in `text` (from `path`, for messages).
///
/// # Errors
/// [`Error::Usage`] naming the file, line and column of the first syntax error.
pub fn bibtex(path: &Path, text: &str) -> Result<Vec<Reference>, Error> {
    let bibliography = Bibliography::parse(text).map_err(|e| {
        let (line, column) = line_and_column(text, e.span.start);
        Error::Usage(format!(
            "{}:{line}:{column}: not BibTeX as linkage reads it: {}",
            path.display(),
            e.kind
        ))
    })?;
    Ok(bibliography
        .iter()
        .map(|entry| from_bibtex(entry, text))
        .collect())
}

fn from_bibtex(entry: &Entry, text: &str) -> Reference {
    let field = |name: &str| {
        entry
            .get(name)
            .map(|chunks| squeeze(&chunks.format_verbatim()))
            .filter(|value| !value.is_empty())
    };
    let persons = entry.author().ok();
    let authors = persons.as_ref().map(|persons| {
        persons
            .iter()
            .map(|p| {
                let family = [p.prefix.as_str(), p.name.as_str(), p.suffix.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                squeeze(&format!("{} {family}", p.given_name))
            })
            .collect::<Vec<_>>()
    });
    let families = persons.iter().flatten().map(|p| squeeze(&p.name)).collect();
    let line = text
        .find(&format!("{{{}", entry.key))
        .map_or(1, |at| line_and_column(text, at).0);
    Reference {
        key: entry.key.clone(),
        line,
        title: field("title"),
        authors: authors.filter(|a| !a.is_empty()),
        families,
        year: field("year")
            .or_else(|| field("date"))
            .and_then(|y| first_year(&y)),
        venue: field("journaltitle")
            .or_else(|| field("journal"))
            .or_else(|| field("booktitle")),
        // BibTeX's `--` (an en dash, as the parser gives it) as the data format's `-`.
        pages: field("pages").map(|p| p.replace("--", "-").replace('–', "-")),
        doi: field("doi").map(|d| bare_doi(&d)),
        url: field("url"),
        file: field("file").and_then(|f| linked_file(&f)),
    }
}

/// Reads the CSL-JSON in `text` (from `path`): an array of items, or one item.
///
/// # Errors
/// [`Error::Usage`] naming the file, line and column where it is not CSL-JSON.
pub fn csl_json(path: &Path, text: &str) -> Result<Vec<Reference>, Error> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        Error::Usage(format!(
            "{}:{}:{}: not JSON: {e}",
            path.display(),
            e.line(),
            e.column()
        ))
    })?;
    let items = match value {
        Value::Array(items) => items,
        item @ Value::Object(_) => vec![item],
        _ => {
            return Err(Error::Usage(format!(
                "{}: not CSL-JSON: an array of items (or one item) is expected",
                path.display()
            )))
        }
    };
    let mut references = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        match serde_json::from_value::<CslItem>(item) {
            Ok(item) => references.push(item.reference(text)),
            Err(e) => problems.push(format!("item {}: {e}", i + 1)),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Usage(format!(
            "{}: not CSL-JSON as linkage reads it:\n  {}",
            path.display(),
            problems.join("\n  ")
        )));
    }
    Ok(references)
}

/// The fields of a CSL-JSON item linkage reads; the others are ignored.
#[derive(Debug, Deserialize)]
struct CslItem {
    id: IdValue,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    author: Option<Vec<CslName>>,
    #[serde(default)]
    issued: Option<CslDate>,
    #[serde(default, rename = "container-title")]
    container_title: Option<String>,
    #[serde(default)]
    page: Option<String>,
    #[serde(default, rename = "DOI")]
    doi: Option<String>,
    #[serde(default, rename = "URL")]
    url: Option<String>,
}

/// A CSL id is a string or a number.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum IdValue {
    Text(String),
    Number(serde_json::Number),
}

#[derive(Debug, Deserialize)]
struct CslName {
    #[serde(default)]
    family: Option<String>,
    #[serde(default)]
    given: Option<String>,
    #[serde(default)]
    literal: Option<String>,
}

#[derive(Debug, Deserialize)]
struct CslDate {
    #[serde(default, rename = "date-parts")]
    date_parts: Option<Vec<Vec<Value>>>,
    #[serde(default)]
    raw: Option<String>,
    #[serde(default)]
    literal: Option<String>,
}

impl CslItem {
    fn reference(self, text: &str) -> Reference {
        let key = match self.id {
            IdValue::Text(id) => id,
            IdValue::Number(n) => n.to_string(),
        };
        let names = self.author.unwrap_or_default();
        let authors: Vec<String> = names
            .iter()
            .filter_map(|n| match (&n.literal, &n.given, &n.family) {
                (Some(literal), _, _) => Some(squeeze(literal)),
                (None, Some(given), Some(family)) => Some(squeeze(&format!("{given} {family}"))),
                (None, None, Some(family)) => Some(squeeze(family)),
                (None, Some(given), None) => Some(squeeze(given)),
                (None, None, None) => None,
            })
            .collect();
        let families = names
            .iter()
            .filter_map(|n| n.family.as_deref().map(squeeze))
            .collect();
        let year = self.issued.and_then(|date| {
            let first = date
                .date_parts
                .and_then(|parts| parts.first()?.first().cloned())
                .and_then(|y| match y {
                    Value::Number(n) => n.as_i64().and_then(|y| i32::try_from(y).ok()),
                    Value::String(s) => first_year(&s),
                    _ => None,
                });
            first.or_else(|| date.raw.or(date.literal).and_then(|s| first_year(&s)))
        });
        let line = text
            .find(&format!("\"{key}\""))
            .map_or(1, |at| line_and_column(text, at).0);
        let text_field =
            |value: Option<String>| value.map(|v| squeeze(&v)).filter(|v| !v.is_empty());
        Reference {
            key,
            line,
            title: text_field(self.title),
            authors: (!authors.is_empty()).then_some(authors),
            families,
            year,
            venue: text_field(self.container_title),
            pages: text_field(self.page),
            doi: text_field(self.doi).map(|d| bare_doi(&d)),
            url: text_field(self.url),
            file: None,
        }
    }
}

/// White space squeezed to single spaces, trimmed.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first four-digit number in `text` (`2021`, `2021-04-08`, `Spring 2021`).
fn first_year(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let window = &text[i..i + 4];
        let bounded = (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        (bounded && window.bytes().all(|b| b.is_ascii_digit()))
            .then(|| window.parse().ok())
            .flatten()
    })
}

/// A DOI without `https://doi.org/` or `doi:` before it.
fn bare_doi(doi: &str) -> String {
    let doi = doi.trim();
    for prefix in [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
        "doi:",
    ] {
        if let Some(rest) = doi.strip_prefix(prefix) {
            return rest.to_string();
        }
    }
    doi.to_string()
}

/// The PDF a reference manager's `file` field links, by its name: Zotero writes
/// `Full Text PDF:/home/u/Zotero/storage/X/paper.pdf:application/pdf`, `JabRef`
/// `:paper.pdf:PDF`, others the path alone.
fn linked_file(field: &str) -> Option<String> {
    let pdf = field
        .split(';')
        .flat_map(|link| link.split(':'))
        .find(|part| part.trim().to_ascii_lowercase().ends_with(".pdf"))?;
    let name = pdf.trim().rsplit(['/', '\\']).next()?.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// 1-based line and column (in characters) of byte `at` of `text`.
fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bibtex_entry_gives_exactly_the_fields_it_has() {
        let text = "@article{liu2025,\n  author = {Liu, Peng and Xi Liu},\n  title = {Constructing a {Defense} Against Poverty Reversion},\n  journal = {Sustainability},\n  year = {2025},\n  pages = {3327--3340},\n  doi = {https://doi.org/10.3390/su17083327},\n  file = {Full Text PDF:/home/u/Zotero/storage/AB/liu.pdf:application/pdf}\n}\n\n@misc{bare, title = {Only a title}}\n";
        let refs = bibtex(Path::new("refs.bib"), text).unwrap();
        assert_eq!(refs.len(), 2);
        let liu = &refs[0];
        assert_eq!(
            liu.authors.as_deref(),
            Some(&["Peng Liu".to_string(), "Xi Liu".to_string()][..])
        );
        assert_eq!(liu.families, vec!["Liu", "Liu"]);
        assert_eq!(
            liu.title.as_deref(),
            Some("Constructing a Defense Against Poverty Reversion")
        );
        assert_eq!(
            (liu.year, liu.venue.as_deref(), liu.pages.as_deref()),
            (Some(2025), Some("Sustainability"), Some("3327-3340"))
        );
        assert_eq!(liu.doi.as_deref(), Some("10.3390/su17083327"));
        assert_eq!(liu.file.as_deref(), Some("liu.pdf"));
        let bare = &refs[1];
        assert_eq!(bare.line, 11);
        assert_eq!(
            (bare.authors.is_none(), bare.year, bare.venue.is_none()),
            (true, None, true)
        );
    }

    #[test]
    fn csl_json_names_dates_and_ids_are_read() {
        let text = r#"[{"id": "k1", "type": "article-journal", "title": "T", "author": [{"family": "Zhou", "given": "Yang"}, {"literal": "BNU Dean"}], "issued": {"date-parts": [[2023, 2, 24]]}, "container-title": "IJERPH", "page": "4076", "DOI": "10.3390/ijerph20054076"},
 {"id": 7, "issued": {"raw": "Spring 2021"}}]"#;
        let refs = csl_json(Path::new("refs.json"), text).unwrap();
        assert_eq!(
            refs[0].authors.as_deref(),
            Some(&["Yang Zhou".to_string(), "BNU Dean".to_string()][..])
        );
        assert_eq!(
            (refs[0].year, refs[0].pages.as_deref()),
            (Some(2023), Some("4076"))
        );
        assert_eq!(
            (refs[1].key.as_str(), refs[1].year, refs[1].line),
            ("7", Some(2021), 1)
        );
        assert!(csl_json(Path::new("x.json"), "{\"title\": 3}").is_err());
    }

    #[test]
    fn a_syntax_error_is_placed_by_line_and_column() {
        let error = bibtex(Path::new("refs.bib"), "@article{a,\n  title = {open\n").unwrap_err();
        assert!(error.to_string().contains("refs.bib:"), "{error}");
    }
}
