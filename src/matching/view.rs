//! Which part of the graph counts as existing when a phrase is matched: whose claims
//! count, and which names. The whole graph for `linkage match`; the papers named by
//! `--paper`; or, to measure matching, every paper but one, as if that paper had not
//! been encoded yet.

use std::collections::HashSet;

use petgraph::graph::NodeIndex;

use crate::{
    graph::ConceptGraph, normalize::Words, paper_filter::PaperFilter, text_store::TextStore,
};

/// Whose claims and which names a match may use.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// Only these papers' claims count.
    only: PaperFilter,
    /// This paper's claims do not count.
    without: Option<String>,
    /// Aliases that do not count, as (node, index in its aliases).
    hidden_aliases: HashSet<(NodeIndex, usize)>,
    /// Whether descriptions and quotes are left unread (names only).
    names_only: bool,
}

impl View {
    /// Every paper's claims, every name.
    pub fn all() -> Self {
        Self::default()
    }

    /// Only the claims of the papers `papers` keeps. A concept none of them uses is not
    /// a candidate.
    pub fn papers(papers: &PaperFilter) -> Self {
        Self {
            only: papers.clone(),
            ..Self::default()
        }
    }

    /// Every paper but `paper`, as if it had not been encoded: its claims do not count
    /// (so a concept only it uses is no candidate), and neither does an alias no other
    /// paper uses. An alias is used by a paper whose text holds its words in order
    /// (normalised: case, hyphens and endings aside), or, without the texts, whose
    /// quotes do.
    pub fn without(graph: &ConceptGraph, paper: &str, texts: Option<&TextStore>) -> Self {
        let others: Vec<String> = graph
            .papers()
            .filter(|p| p.id != paper)
            .map(|p| normal_text(graph, &p.id, texts))
            .collect();
        let mut hidden_aliases = HashSet::new();
        for ix in graph.node_indices() {
            for (i, alias) in graph.node(ix).aliases.iter().enumerate() {
                let form = Words::of(alias).normal_form();
                let used = !form.is_empty()
                    && others
                        .iter()
                        .any(|text| text.contains(&format!(" {form} ")));
                if !used {
                    hidden_aliases.insert((ix, i));
                }
            }
        }
        Self {
            only: PaperFilter::every(),
            without: Some(paper.to_string()),
            hidden_aliases,
            names_only: false,
        }
    }

    /// The same view with concepts judged by their names alone: quicker to build on a
    /// large graph (no quote is read), for suggestions.
    #[must_use]
    pub fn names_only(mut self) -> Self {
        self.names_only = true;
        self
    }

    /// Whether descriptions and quotes are read.
    pub(super) fn reads_context(&self) -> bool {
        !self.names_only
    }

    /// Whether `paper`'s claims count.
    pub fn counts(&self, paper: &str) -> bool {
        self.without.as_deref() != Some(paper) && self.only.keeps(paper)
    }

    /// Whether the view leaves papers out (so a concept no counted paper uses is no
    /// candidate even if no paper at all uses it).
    pub(super) fn is_partial(&self) -> bool {
        !self.only.keeps_every_paper() || self.without.is_some()
    }

    /// Whether alias `index` of `node` counts.
    pub fn alias_counts(&self, node: NodeIndex, index: usize) -> bool {
        !self.hidden_aliases.contains(&(node, index))
    }
}

/// A paper's text in normal form with a space at each end (so a phrase is found as
/// whole words); its quotes when the text cannot be read.
fn normal_text(graph: &ConceptGraph, paper: &str, texts: Option<&TextStore>) -> String {
    let text = graph
        .paper(paper)
        .and_then(|p| texts?.read(&p.file).ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
    let text = text.unwrap_or_else(|| {
        graph
            .relations()
            .flat_map(|(_, r)| &r.sources)
            .chain(graph.facts().iter().flat_map(|f| &f.sources))
            .filter(|s| s.paper == paper)
            .map(crate::relation::Source::quote)
            .collect::<Vec<_>>()
            .join(" \n ")
    });
    format!(" {} ", Words::of(&text).normal_form())
}
