//! The concepts a phrase may be matched against, each with its names read into
//! normalised words and weighed, its description and the quotes of the claims about
//! it, with the statistics the scores need (how many concepts' names use each word).
//!
//! Descriptions and quotes are read word by word only when a query may find its words
//! in them: one query over a million quotes reads few of them. For many queries over
//! one index (the measurement), [`Index::for_many_queries`] reads them all once.

use std::collections::HashMap;

use petgraph::graph::NodeIndex;

use super::{
    needs::{needs, terms, Need},
    view::View,
};
use crate::{graph::ConceptGraph, normalize::Words, relation::Source};

/// Which of a concept's names matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameField {
    /// The label.
    Label,
    /// One of the aliases.
    Alias,
    /// The Chinese label.
    LabelZh,
    /// The id.
    Id,
}

impl NameField {
    /// How the field is named in human output.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Label => "label",
            Self::Alias => "alias",
            Self::LabelZh => "Chinese label",
            Self::Id => "id",
        }
    }
}

/// One name of a concept, read and weighed.
#[derive(Debug)]
pub(super) struct Name<'g> {
    pub(super) field: NameField,
    pub(super) text: &'g str,
    pub(super) needs: Vec<Need>,
    /// Every term the needs can be found as, sorted.
    pub(super) terms: Vec<String>,
    /// Each need's weight (see [`Index::name_weight`]).
    pub(super) weights: Vec<f64>,
}

/// A candidate concept.
#[derive(Debug)]
pub(super) struct Concept<'g> {
    pub(super) node: NodeIndex,
    pub(super) names: Vec<Name<'g>>,
    /// The description.
    pub(super) description: Option<&'g str>,
    /// The quotes of the counted claims about the concept, in data order.
    pub(super) quotes: Vec<&'g Source>,
    /// How long the description and the quotes are, in bytes (none when the view reads
    /// names only): BM25's measure of a document's length, which only compares
    /// concepts with one another.
    pub(super) context_len: u32,
    /// The counted papers whose claims are about the concept, in paper order.
    pub(super) papers: Vec<&'static str>,
}

/// The candidates of one [`View`] of a graph, ready to be matched against.
#[derive(Debug)]
pub struct Index<'g> {
    pub(super) concepts: Vec<Concept<'g>>,
    /// Each candidate's place in `concepts`.
    positions: HashMap<NodeIndex, usize>,
    /// In how many concepts' names each term occurs.
    name_df: HashMap<String, u32>,
    /// For many queries: each term of a description or quote, with the candidates (by
    /// place) whose texts hold it and how often. Built by [`Index::for_many_queries`].
    postings: Option<HashMap<String, Vec<(u32, u32)>>>,
    /// The mean of the concepts' `context_len`.
    pub(super) context_avg_len: f64,
    /// Whether descriptions and quotes count.
    pub(super) reads_context: bool,
}

impl<'g> Index<'g> {
    /// Reads the concepts `view` lets count. Linear in the size of the graph.
    pub fn build(graph: &'g ConceptGraph, view: &View) -> Self {
        let mut about = About::read(graph, view);
        let paper_order: Vec<&str> = graph.papers().map(|p| p.id.as_str()).collect();
        let mut concepts = Vec::new();
        for ix in graph.node_indices() {
            let quotes = about.take(ix);
            // With every paper counted, a concept no claim is about is still a candidate.
            if quotes.is_empty() && view.is_partial() {
                continue;
            }
            let node = graph.node(ix);
            let mut names = vec![Name::read(NameField::Label, &node.label)];
            for (i, alias) in node.aliases.iter().enumerate() {
                if view.alias_counts(ix, i) {
                    names.push(Name::read(NameField::Alias, alias));
                }
            }
            if let Some(zh) = &node.label_zh {
                names.push(Name::read(NameField::LabelZh, zh));
            }
            names.push(Name::read(NameField::Id, &node.id));
            names.retain(|n| !n.needs.is_empty());
            let description = node.description.as_deref();
            let context_len = if view.reads_context() {
                description.map_or(0, str::len)
                    + quotes.iter().map(|s| s.quote().len()).sum::<usize>()
            } else {
                0
            };
            let mut papers: Vec<&'static str> = quotes.iter().map(|s| s.paper.as_str()).collect();
            papers.sort_by_key(|p| paper_order.iter().position(|o| o == p));
            papers.dedup();
            concepts.push(Concept {
                node: ix,
                names,
                description,
                quotes,
                context_len: u32::try_from(context_len).unwrap_or(u32::MAX),
                papers,
            });
        }
        let mut name_df: HashMap<String, u32> = HashMap::new();
        for concept in &concepts {
            let mut seen: Vec<&str> = concept
                .names
                .iter()
                .flat_map(|n| n.terms.iter().map(String::as_str))
                .collect();
            seen.sort_unstable();
            seen.dedup();
            for term in seen {
                *name_df.entry(term.to_string()).or_default() += 1;
            }
        }
        let total: u64 = concepts.iter().map(|c| u64::from(c.context_len)).sum();
        #[allow(clippy::cast_precision_loss)] // counts far below 2^52
        let context_avg_len = total as f64 / concepts.len().max(1) as f64;
        let positions = concepts
            .iter()
            .enumerate()
            .map(|(i, c)| (c.node, i))
            .collect();
        let mut index = Self {
            concepts,
            positions,
            name_df,
            postings: None,
            context_avg_len,
            reads_context: view.reads_context(),
        };
        let weights: Vec<Vec<Vec<f64>>> = index
            .concepts
            .iter()
            .map(|c| {
                c.names
                    .iter()
                    .map(|n| n.needs.iter().map(|need| index.need_weight(need)).collect())
                    .collect()
            })
            .collect();
        for (concept, weights) in index.concepts.iter_mut().zip(weights) {
            for (name, weights) in concept.names.iter_mut().zip(weights) {
                name.weights = weights;
            }
        }
        index
    }

    /// Reads every description and quote now and lists each term's candidates, so that
    /// each of many queries looks its words up instead of testing every text (the
    /// leave-one-paper-out measurement asks a thousand). One query is quicker without.
    #[must_use]
    pub fn for_many_queries(mut self) -> Self {
        let mut postings: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
        for (at, concept) in self.concepts.iter().enumerate() {
            let at = u32::try_from(at).unwrap_or(u32::MAX);
            let mut counts: HashMap<String, u32> = HashMap::new();
            if self.reads_context {
                for text in concept.texts() {
                    for term in text_terms(text) {
                        *counts.entry(term).or_default() += 1;
                    }
                }
            }
            for (term, count) in counts {
                postings.entry(term).or_default().push((at, count));
            }
        }
        self.postings = Some(postings);
        self
    }

    /// Whether each term's candidates are listed ([`Index::for_many_queries`]).
    pub(super) fn has_postings(&self) -> bool {
        self.postings.is_some()
    }

    /// The candidates whose texts hold `term`, with how often (none unless listed).
    pub(super) fn postings(&self, term: &str) -> &[(u32, u32)] {
        self.postings
            .as_ref()
            .and_then(|p| p.get(term))
            .map_or(&[][..], Vec::as_slice)
    }

    /// How many candidates there are.
    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    /// Whether there is no candidate.
    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }

    /// Whether `node` is a candidate.
    pub fn contains(&self, node: NodeIndex) -> bool {
        self.positions.contains_key(&node)
    }

    /// The candidate `node`, if it is one.
    pub(super) fn concept(&self, node: NodeIndex) -> Option<&Concept<'g>> {
        self.positions.get(&node).map(|&i| &self.concepts[i])
    }

    /// The weight of a term in names: its inverse document frequency among the
    /// candidates' names (BM25's form, never negative). A word no name holds weighs the
    /// most, so a phrase with a word no concept has is far from every concept.
    pub(super) fn name_weight(&self, term: &str) -> f64 {
        idf(
            self.concepts.len(),
            self.name_df.get(term).copied().unwrap_or(0),
        )
    }

    /// A name read and weighed against this index's names.
    pub(super) fn read_name<'t>(&self, field: NameField, text: &'t str) -> Name<'t> {
        let mut name = Name::read(field, text);
        name.weights = name.needs.iter().map(|n| self.need_weight(n)).collect();
        name
    }

    /// A need weighs as much as its rarest term.
    pub(super) fn need_weight(&self, need: &Need) -> f64 {
        need.alternatives
            .iter()
            .flatten()
            .map(|t| self.name_weight(t))
            .fold(0.0, f64::max)
    }
}

/// The terms of `text`, each as often as the text holds it.
pub(super) fn text_terms(text: &str) -> Vec<String> {
    needs(&Words::of(text))
        .into_iter()
        .flat_map(|need| need.alternatives.into_iter().flatten())
        .collect()
}

impl Concept<'_> {
    /// The description, then the quotes.
    pub(super) fn texts(&self) -> impl Iterator<Item = &str> {
        self.description
            .into_iter()
            .chain(self.quotes.iter().map(|s| s.quote()))
    }
}

/// `ln(1 + (N - df + 0.5) / (df + 0.5))`, BM25's inverse document frequency.
pub(super) fn idf(documents: usize, df: u32) -> f64 {
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let (n, df) = (documents as f64, f64::from(df));
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

impl<'t> Name<'t> {
    /// Reads a name (its weights are set once every name is read).
    pub(super) fn read(field: NameField, text: &'t str) -> Self {
        let needs = needs(&Words::of(text));
        let terms = terms(&needs);
        Self {
            field,
            text,
            needs,
            terms,
            weights: Vec::new(),
        }
    }
}

/// The counted sources about each node: of the relations it is an end, aspect or
/// dimension of, and of the facts about it.
struct About<'g> {
    /// By node index.
    sources: Vec<Vec<&'g Source>>,
}

impl<'g> About<'g> {
    fn read(graph: &'g ConceptGraph, view: &View) -> Self {
        let mut sources: Vec<Vec<&'g Source>> = vec![Vec::new(); graph.node_count()];
        for (_, relation) in graph.relations() {
            let mut nodes = [
                Some(relation.from),
                Some(relation.to),
                relation.aspect,
                relation.dimension,
            ];
            nodes.sort_unstable();
            for (i, node) in nodes.iter().enumerate() {
                let Some(node) = node else { continue };
                if nodes[..i].contains(&Some(*node)) {
                    continue;
                }
                sources[node.index()]
                    .extend(relation.sources.iter().filter(|s| view.counts(&s.paper)));
            }
        }
        for fact in graph.facts() {
            sources[fact.subject.index()]
                .extend(fact.sources.iter().filter(|s| view.counts(&s.paper)));
        }
        Self { sources }
    }

    /// The sources about `node`, taken out.
    fn take(&mut self, node: NodeIndex) -> Vec<&'g Source> {
        std::mem::take(&mut self.sources[node.index()])
    }
}
