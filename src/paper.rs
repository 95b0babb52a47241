//! A paper whose claims the dataset encodes.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// A paper record. Every citation field is optional: unknown stays `None`, never a guess.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    /// Stable id, used in `--paper` filters and in every source.
    pub id: String,
    /// Short citation shown in output ("Hao (2021)"); the id when absent.
    #[serde(default)]
    pub cite: Option<String>,
    /// Title, if known.
    #[serde(default)]
    pub title: Option<String>,
    /// Authors, if known.
    #[serde(default)]
    pub authors: Option<Vec<String>>,
    /// Year of publication, if known.
    #[serde(default)]
    pub year: Option<i32>,
    /// Journal, book or other venue, if known.
    #[serde(default)]
    pub venue: Option<String>,
    /// The pages the paper occupies in its venue (`"312-332"`), if known. A text
    /// divided into pages (a PDF's) starts at the first of them (src/pages.rs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    /// DOI, if known.
    #[serde(default)]
    pub doi: Option<String>,
    /// URL, if known.
    #[serde(default)]
    pub url: Option<String>,
    /// Name of the paper's plain-text file, used to verify quotes.
    pub file: String,
    /// What else is known about the text or its citation.
    #[serde(default)]
    pub note: Option<String>,
    /// Citation fields whose value is inferred rather than printed in the text, each
    /// with how it was inferred (`"year": "republication date"`), so that output can
    /// say so instead of passing a guess off as a fact.
    #[serde(default)]
    pub inferred: BTreeMap<String, String>,
    /// Ids of papers whose text shares near-identical passages with this one. Two such
    /// papers agreeing is not two independent voices; the comparison commands flag it.
    /// The relation is symmetric: naming it on one paper is enough.
    #[serde(default)]
    pub shares_text_with: Vec<String>,
}

impl Paper {
    /// The short citation shown in output.
    pub fn citation(&self) -> &str {
        self.cite.as_deref().unwrap_or(&self.id)
    }
}

/// Whether the texts of papers `a` and `b` share passages (either names the other).
pub fn share_text(papers: &IndexMap<String, Paper>, a: &str, b: &str) -> bool {
    let names = |x: &str, y: &str| {
        papers
            .get(x)
            .is_some_and(|p| p.shares_text_with.iter().any(|s| s == y))
    };
    a != b && (names(a, b) || names(b, a))
}

/// The pairs among `ids` (in their order) whose texts share passages.
pub fn text_sharing_pairs<'a>(
    papers: &IndexMap<String, Paper>,
    ids: &[&'a str],
) -> Vec<(&'a str, &'a str)> {
    let mut pairs = Vec::new();
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            if share_text(papers, a, b) {
                pairs.push((*a, *b));
            }
        }
    }
    pairs
}

/// Problems with the `shares_text_with` and `inferred` fields of one file's `papers`
/// (pointers index that array), as (JSON pointer, message) pairs: a partner that is not
/// a paper of the dataset (`is_paper`) or is the paper itself, an inferred field that
/// is not a citation field or has no value. The loader reports these like any other
/// problem, once every file's papers are known.
pub fn cross_reference_problems(
    papers: &[Paper],
    is_paper: impl Fn(&str) -> bool,
) -> Vec<(String, String)> {
    const FIELDS: [&str; 8] = [
        "title", "authors", "year", "venue", "pages", "doi", "url", "cite",
    ];
    let mut problems = Vec::new();
    for (i, paper) in papers.iter().enumerate() {
        for (j, other) in paper.shares_text_with.iter().enumerate() {
            let at = format!("/papers/{i}/shares_text_with/{j}");
            if other == &paper.id {
                problems.push((at, format!("paper `{other}` cannot share text with itself")));
            } else if !is_paper(other) {
                problems.push((at, format!("`{other}` is not a paper of this dataset")));
            }
        }
        for field in paper.inferred.keys() {
            let at = format!("/papers/{i}/inferred/{field}");
            let known = match field.as_str() {
                "title" => paper.title.is_some(),
                "authors" => paper.authors.is_some(),
                "year" => paper.year.is_some(),
                "venue" => paper.venue.is_some(),
                "pages" => paper.pages.is_some(),
                "doi" => paper.doi.is_some(),
                "url" => paper.url.is_some(),
                "cite" => paper.cite.is_some(),
                _ => {
                    problems.push((
                        at,
                        format!(
                            "`{field}` is not a citation field; one of {}",
                            FIELDS.join(", ")
                        ),
                    ));
                    continue;
                }
            };
            if !known {
                problems.push((at, format!("`{field}` is marked inferred but has no value")));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper(id: &str, shares: &[&str]) -> Paper {
        serde_json::from_value(serde_json::json!({
            "id": id, "file": "x.txt", "shares_text_with": shares, "year": 2020,
            "inferred": {"year": "republication date"}
        }))
        .expect("a paper record")
    }

    #[test]
    fn text_sharing_is_symmetric_and_checked() {
        let papers = vec![
            paper("a", &["b"]),
            paper("b", &[]),
            paper("c", &["c", "zz"]),
        ];
        let map: IndexMap<String, Paper> =
            papers.iter().map(|p| (p.id.clone(), p.clone())).collect();
        assert!(share_text(&map, "a", "b") && share_text(&map, "b", "a"));
        assert!(!share_text(&map, "a", "c"));
        assert_eq!(text_sharing_pairs(&map, &["c", "b", "a"]), vec![("b", "a")]);
        let problems = cross_reference_problems(&papers, |id| map.contains_key(id));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].0, "/papers/2/shares_text_with/0");
        assert!(problems[1].1.contains("`zz` is not a paper"));
    }

    #[test]
    fn an_inferred_field_must_be_a_known_citation_field() {
        let mut p = paper("a", &[]);
        p.inferred.insert("colour".into(), "guess".into());
        p.inferred.insert("venue".into(), "guess".into());
        let problems = cross_reference_problems(&[p], |_| true);
        assert_eq!(problems.len(), 2, "{problems:?}");
    }
}
