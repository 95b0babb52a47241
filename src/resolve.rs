//! Turning what a user types into a node or a paper, the same way in every command:
//! exact id, then a case-insensitive label or alias, then a unique substring.

use petgraph::graph::NodeIndex;

use crate::{error::Error, graph::ConceptGraph, suggest::closest};

impl ConceptGraph {
    /// Resolves a name typed by a user to a node.
    ///
    /// # Errors
    /// [`Error::Resolve`] naming the closest candidates when the name matches no node,
    /// or listing the matches when it matches several.
    pub fn resolve(&self, name: &str) -> Result<NodeIndex, Error> {
        if let Some(ix) = self.index_of(name) {
            return Ok(ix);
        }
        let lower = name.trim().to_lowercase();
        if let Some(ix) = self.by_name(&lower) {
            return Ok(ix);
        }
        if lower.is_empty() {
            return Err(Error::Resolve("an empty name matches no node".into()));
        }
        let matches: Vec<NodeIndex> = self
            .node_indices()
            .filter(|&ix| {
                let node = self.node(ix);
                node.names().any(|n| n.to_lowercase().contains(&lower))
                    || node
                        .label_zh
                        .as_deref()
                        .is_some_and(|zh| zh.contains(name.trim()))
            })
            .collect();
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => {
                let names = self.nodes().flat_map(crate::node::Node::names);
                let near = closest(&lower, names, 5);
                let mut ids: Vec<String> = Vec::new();
                for n in near {
                    if let Ok(ix) = self.resolve_exact(n) {
                        let id = self.node(ix).id.clone();
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                }
                Err(Error::Resolve(if ids.is_empty() {
                    format!(
                        "no node matches \"{name}\"; try `linkage search {name}` or `linkage list`"
                    )
                } else {
                    format!(
                        "no node matches \"{name}\"; closest: {}",
                        self.describe(&ids)
                    )
                }))
            }
            many => {
                let ids: Vec<String> = many.iter().map(|&ix| self.node(ix).id.clone()).collect();
                let shown = ids.len().min(10);
                let more = if ids.len() > shown {
                    format!(" and {} more", ids.len() - shown)
                } else {
                    String::new()
                };
                Err(Error::Resolve(format!(
                    "\"{name}\" is ambiguous: it matches {}{more}; use an id",
                    self.describe(&ids[..shown])
                )))
            }
        }
    }

    fn resolve_exact(&self, name: &str) -> Result<NodeIndex, ()> {
        self.index_of(name)
            .or_else(|| self.by_name(&name.to_lowercase()))
            .ok_or(())
    }

    fn describe(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|id| {
                let label = self
                    .index_of(id)
                    .map_or("", |ix| self.node(ix).label.as_str());
                format!("{id} ({label})")
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Resolves a paper typed by a user: exact id, then a case-insensitive match of id,
    /// short citation, or an author's name, then a unique substring of those or the title.
    ///
    /// # Errors
    /// [`Error::Resolve`] listing the papers when none or several match.
    pub fn resolve_paper(&self, name: &str) -> Result<String, Error> {
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
        let all: Vec<&str> = self.papers().map(|p| p.id.as_str()).collect();
        match found.as_slice() {
            [one] => Ok((*one).to_string()),
            [] => Err(Error::Resolve(format!(
                "no paper matches \"{name}\"; papers: {}",
                all.join(", ")
            ))),
            many => Err(Error::Resolve(format!(
                "\"{name}\" matches several papers: {}; use an id",
                many.join(", ")
            ))),
        }
    }

    /// Resolves several paper names.
    ///
    /// # Errors
    /// The first name that does not resolve.
    pub fn resolve_papers(&self, names: &[String]) -> Result<Vec<String>, Error> {
        names.iter().map(|n| self.resolve_paper(n)).collect()
    }
}
