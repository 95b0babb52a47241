//! Turning what a user types into a node or a paper, the same way in every command:
//! exact id, then a case-insensitive label or alias, then a label or alias of the same
//! words in another order or hyphenation, then a unique substring. A name that matches
//! nothing lists the closest by spelling and the concepts `match` finds for it.

use petgraph::graph::NodeIndex;

use crate::{
    dot::Lang,
    error::{Error, Named},
    graph::ConceptGraph,
    i18n::Messages,
    matching::{Index, Tuning, View},
    normalize::word_key,
    spelling::closest,
};

/// How many candidates an ambiguous name lists: enough to choose from, one screen at most.
const MAX_CANDIDATES: usize = 10;

/// How many of the concepts `match` ranks first an unknown name suggests, after the
/// names closest in spelling.
const MATCHED_SUGGESTIONS: usize = 3;

impl ConceptGraph {
    /// Resolves a name typed by a user to a node.
    ///
    /// # Errors
    /// [`Error::UnknownName`] or [`Error::AmbiguousName`] naming the closest candidates when the name matches no node,
    /// or listing the matches when it matches several.
    pub fn resolve(&self, name: &str) -> Result<NodeIndex, Error> {
        let trimmed = name.trim();
        if trimmed.is_empty() {
            return Err(Error::Usage(
                "an empty name matches no node; give an id, a label or part of one".into(),
            ));
        }
        let lower = trimmed.to_lowercase();
        // Ids are lower-case kebab-case, so `TPA` means the id `tpa` before it means
        // every label that contains "tpa".
        if let Some(ix) = self.index_of(trimmed).or_else(|| self.index_of(&lower)) {
            return Ok(ix);
        }
        if let Some(ix) = self.by_name(&lower) {
            return Ok(ix);
        }
        if let Some(ix) = self
            .node_indices()
            .find(|&ix| self.node(ix).label_zh.as_deref() == Some(trimmed))
        {
            return Ok(ix);
        }
        if let [one] = self.same_words(trimmed).as_slice() {
            return Ok(*one);
        }
        let matches: Vec<NodeIndex> = self
            .node_indices()
            .filter(|&ix| {
                let node = self.node(ix);
                node.names().any(|n| n.to_lowercase().contains(&lower))
                    || node
                        .label_zh
                        .as_deref()
                        .is_some_and(|zh| zh.contains(trimmed))
            })
            .collect();
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => {
                let names = self.nodes().flat_map(crate::node::Node::names);
                let spelled: Vec<NodeIndex> = closest(&lower, names, 20)
                    .into_iter()
                    .filter_map(|n| self.resolve_exact(n).ok())
                    .collect();
                // The two closest in spelling, then the concepts whose names share the
                // words as `match` ranks them, then the rest by spelling.
                let index = Index::build(self, &View::all().names_only());
                let worded: Vec<NodeIndex> = index
                    .rank(trimmed, Tuning::DEFAULT)
                    .map(|ranked| {
                        ranked
                            .iter()
                            .take(MATCHED_SUGGESTIONS)
                            .map(|r| r.node)
                            .collect()
                    })
                    .unwrap_or_default();
                let mut near: Vec<NodeIndex> = Vec::new();
                let order = spelled
                    .iter()
                    .take(2)
                    .chain(&worded)
                    .chain(spelled.iter().skip(2));
                for &ix in order {
                    if !near.contains(&ix) {
                        near.push(ix);
                    }
                }
                near.truncate(5);
                let closest = self.ids_of(&near);
                Err(Error::UnknownName {
                    message: self.no_node_message(name, &closest, Lang::En),
                    name: name.to_string(),
                    of: Named::Node,
                    closest,
                })
            }
            many => {
                let shown = many.len().min(MAX_CANDIDATES);
                let matches = self.ids_of(&many[..shown]);
                Err(Error::AmbiguousName {
                    message: self.many_nodes_message(name, &matches, many.len(), Lang::En),
                    name: name.to_string(),
                    of: Named::Node,
                    matches,
                    total: many.len(),
                })
            }
        }
    }

    /// The nodes with a name of the same words as `name`, case, hyphens, order and
    /// function words aside ("rural-urban integration" is "urban-rural integration";
    /// endings count). Only when the name has words to compare.
    fn same_words(&self, name: &str) -> Vec<NodeIndex> {
        let key = word_key(name);
        if key.is_empty() {
            return Vec::new();
        }
        self.node_indices()
            .filter(|&ix| {
                let node = self.node(ix);
                std::iter::once(node.label.as_str())
                    .chain(node.aliases.iter().map(String::as_str))
                    .any(|n| word_key(n) == key)
            })
            .collect()
    }

    fn resolve_exact(&self, name: &str) -> Result<NodeIndex, ()> {
        self.index_of(name)
            .or_else(|| self.by_name(&name.to_lowercase()))
            .ok_or(())
    }

    fn ids_of(&self, nodes: &[NodeIndex]) -> Vec<String> {
        nodes.iter().map(|&ix| self.node(ix).id.clone()).collect()
    }

    /// One candidate a line: id, kind and label (in `lang`), aligned, so a reader can
    /// pick an id. `ids` are the graph's own.
    fn candidate_lines(&self, ids: &[String], lang: Lang) -> String {
        let nodes: Vec<NodeIndex> = ids.iter().filter_map(|id| self.index_of(id)).collect();
        let width = nodes
            .iter()
            .map(|&ix| self.node(ix).id.chars().count())
            .max()
            .unwrap_or(0);
        let kinds = &self.schema().node_kinds;
        nodes
            .iter()
            .map(|&ix| {
                let node = self.node(ix);
                let kind = match lang {
                    Lang::Zh => kinds
                        .get(node.kind.as_str())
                        .and_then(|k| k.label_zh.as_deref())
                        .unwrap_or(node.kind.as_str()),
                    Lang::En => node.kind.as_str(),
                };
                let label = crate::dot::node_label(self, ix, lang);
                let line = format!("  {:<width$}  {kind} {label}", node.id);
                fit_width(&line, 80)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The message of a name matching no node, with its `closest` ids.
    fn no_node_message(&self, name: &str, closest: &[String], lang: Lang) -> String {
        let words = Messages::of(lang);
        if closest.is_empty() {
            words.no_node_matches(name, false)
        } else {
            format!(
                "{}\n{}",
                words.no_node_matches(name, true),
                self.candidate_lines(closest, lang)
            )
        }
    }

    /// The message of a name matching `total` nodes, the first of them `matches`.
    fn many_nodes_message(
        &self,
        name: &str,
        matches: &[String],
        total: usize,
        lang: Lang,
    ) -> String {
        let words = Messages::of(lang);
        let more = if total > matches.len() {
            format!("\n{}", words.more_matches(name, total - matches.len()))
        } else {
            String::new()
        };
        format!(
            "{}\n{}{more}",
            words.name_matches_nodes(name, total),
            self.candidate_lines(matches, lang)
        )
    }

    /// The message of a name `error` in `lang` (`--lang`), from its fields and this
    /// graph's names; `None` for any other error, which is said as it is.
    #[cfg(feature = "cli")]
    pub(crate) fn name_error_in(&self, error: &Error, lang: Lang) -> Option<String> {
        let words = Messages::of(lang);
        // A graph read only in part (`cache::partial`) may lack a candidate: said as
        // the error has it.
        if let Error::UnknownName {
            of: Named::Node,
            closest: ids,
            ..
        }
        | Error::AmbiguousName {
            of: Named::Node,
            matches: ids,
            ..
        } = error
        {
            if ids.iter().any(|id| self.index_of(id).is_none()) {
                return None;
            }
        }
        Some(match error {
            Error::UnknownName {
                name,
                of: Named::Node,
                closest,
                ..
            } => self.no_node_message(name, closest, lang),
            Error::AmbiguousName {
                name,
                of: Named::Node,
                matches,
                total,
                ..
            } => self.many_nodes_message(name, matches, *total, lang),
            Error::UnknownName {
                name,
                of: Named::Paper,
                closest,
                ..
            } => self.no_paper_message(name, closest, words),
            Error::AmbiguousName {
                name,
                of: Named::Paper,
                matches,
                ..
            } => words.name_matches_papers(name, matches),
            _ => return None,
        })
    }

    /// The message of a name matching no paper, with its `closest` paper ids.
    fn no_paper_message(&self, name: &str, closest: &[String], words: Messages) -> String {
        let named: Vec<String> = closest
            .iter()
            .map(|id| format!("{id} ({})", self.cite(id)))
            .collect();
        let all: Vec<&str> = self.papers().map(|p| p.id.as_str()).collect();
        words.no_paper_matches(name, &named, &all)
    }

    /// Resolves a paper typed by a user: exact id, then a case-insensitive match of id,
    /// short citation, or an author's name, then a unique substring of those or the title.
    ///
    /// # Errors
    /// [`Error::UnknownName`] or [`Error::AmbiguousName`] listing the papers when none or several match.
    pub fn resolve_paper(&self, name: &str) -> Result<String, Error> {
        if name.trim().is_empty() {
            return Err(Error::Usage("an empty paper name matches no paper".into()));
        }
        if self.paper(name).is_some() {
            return Ok(name.to_string());
        }
        let lower = name.trim().to_lowercase();
        let fields = |p: &crate::paper::Paper| -> Vec<String> {
            let mut f = vec![p.id.to_lowercase(), p.citation().to_lowercase()];
            f.extend(p.authors.iter().flatten().map(|a| a.to_lowercase()));
            f.extend(p.title.iter().map(|t| t.to_lowercase()));
            f
        };
        let exact: Vec<&str> = self
            .papers()
            .filter(|p| fields(p).contains(&lower))
            .map(|p| p.id.as_str())
            .collect();
        let found: Vec<&str> = if exact.is_empty() {
            self.papers()
                .filter(|p| !lower.is_empty() && fields(p).iter().any(|f| f.contains(&lower)))
                .map(|p| p.id.as_str())
                .collect()
        } else {
            exact
        };
        match found.as_slice() {
            [one] => Ok((*one).to_string()),
            [] => {
                let closest = self.papers_spelt_like(name);
                Err(Error::UnknownName {
                    name: name.to_string(),
                    of: Named::Paper,
                    message: self.no_paper_message(name, &closest, Messages::of(Lang::En)),
                    closest,
                })
            }
            many => {
                let matches: Vec<String> = many.iter().map(|id| (*id).to_string()).collect();
                Err(Error::AmbiguousName {
                    name: name.to_string(),
                    of: Named::Paper,
                    message: Messages::of(Lang::En).name_matches_papers(name, &matches),
                    matches,
                    total: many.len(),
                })
            }
        }
    }
}

impl ConceptGraph {
    /// The ids of the papers whose id or short citation is closest in spelling to
    /// `name` (at most three, best first; none when nothing is plausibly misspelt).
    fn papers_spelt_like(&self, name: &str) -> Vec<String> {
        let names = self.papers().flat_map(|p| {
            [
                (p.id.as_str(), p.id.as_str()),
                (p.citation(), p.id.as_str()),
            ]
        });
        let (spellings, ids): (Vec<&str>, Vec<&str>) = names.unzip();
        let mut found: Vec<String> = Vec::new();
        for spelling in closest(name, spellings.iter().copied(), 6) {
            let id = spellings
                .iter()
                .position(|s| *s == spelling)
                .map(|at| ids[at]);
            if let Some(id) = id.filter(|id| !found.iter().any(|f| f == id)) {
                found.push(id.to_string());
            }
        }
        found.truncate(3);
        found
    }
}

/// `line` cut to `columns` display columns, ending in `…` when cut.
fn fit_width(line: &str, columns: usize) -> String {
    if textwrap::core::display_width(line) <= columns {
        return line.to_string();
    }
    let mut out = String::new();
    for ch in line.chars() {
        let next = textwrap::core::display_width(&format!("{out}{ch}"));
        if next + 1 > columns {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out
}
