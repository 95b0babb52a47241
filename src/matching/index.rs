//! The concepts a phrase may be matched against, each with its names, its description
//! and the quotes of the claims about it, read once into normalised words, with the
//! statistics the scores need (how many concepts use each word).

use std::collections::HashMap;

use petgraph::graph::NodeIndex;

use super::{
    score::{needs, terms, Need},
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

/// One name of a concept, read.
#[derive(Debug)]
pub(super) struct Name<'g> {
    pub(super) field: NameField,
    pub(super) text: &'g str,
    pub(super) needs: Vec<Need>,
    pub(super) terms: Vec<String>,
}

/// A candidate concept.
#[derive(Debug)]
pub(super) struct Concept<'g> {
    pub(super) node: NodeIndex,
    pub(super) names: Vec<Name<'g>>,
    /// The description's terms.
    pub(super) description: Vec<String>,
    /// The quotes of the counted claims about the concept, in data order.
    pub(super) quotes: Vec<&'g Source>,
    /// How often each term occurs in the description and the quotes.
    pub(super) context: HashMap<String, u32>,
    /// How many terms the description and the quotes hold.
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
    /// In how many concepts' descriptions and quotes each term occurs.
    context_df: HashMap<String, u32>,
    pub(super) context_avg_len: f64,
}

impl<'g> Index<'g> {
    /// Reads the concepts `view` lets count. Linear in the size of the graph.
    pub fn build(graph: &'g ConceptGraph, view: &View) -> Self {
        let about = quotes_about(graph, view);
        let paper_order: Vec<&str> = graph.papers().map(|p| p.id.as_str()).collect();
        let mut concepts = Vec::new();
        for ix in graph.node_indices() {
            let quotes = about.get(&ix).cloned().unwrap_or_default();
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
            let description = node
                .description
                .as_deref()
                .map(|d| terms(&needs(&Words::of(d))))
                .unwrap_or_default();
            let mut context: HashMap<String, u32> = HashMap::new();
            let mut context_len = 0;
            let context_texts = node
                .description
                .iter()
                .map(String::as_str)
                .chain(quotes.iter().map(|s| s.quote()))
                .filter(|_| view.reads_context());
            for text in context_texts {
                for term in terms(&needs(&Words::of(text))) {
                    *context.entry(term).or_default() += 1;
                    context_len += 1;
                }
            }
            let mut papers: Vec<&'static str> = quotes.iter().map(|s| s.paper.as_str()).collect();
            papers.sort_by_key(|p| paper_order.iter().position(|o| o == p));
            papers.dedup();
            concepts.push(Concept {
                node: ix,
                names,
                description,
                quotes,
                context,
                context_len,
                papers,
            });
        }
        let mut name_df: HashMap<String, u32> = HashMap::new();
        let mut context_df: HashMap<String, u32> = HashMap::new();
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
            for term in concept.context.keys() {
                *context_df.entry(term.clone()).or_default() += 1;
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
        Self {
            concepts,
            positions,
            name_df,
            context_df,
            context_avg_len,
        }
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

    /// The weight of a term in descriptions and quotes.
    pub(super) fn context_weight(&self, term: &str) -> f64 {
        idf(
            self.concepts.len(),
            self.context_df.get(term).copied().unwrap_or(0),
        )
    }
}

/// `ln(1 + (N - df + 0.5) / (df + 0.5))`, BM25's inverse document frequency.
fn idf(documents: usize, df: u32) -> f64 {
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let (n, df) = (documents as f64, f64::from(df));
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

impl<'t> Name<'t> {
    /// Reads a name.
    pub(super) fn read(field: NameField, text: &'t str) -> Self {
        let needs = needs(&Words::of(text));
        let terms = terms(&needs);
        Self {
            field,
            text,
            needs,
            terms,
        }
    }
}

/// The counted sources about each node: of the relations it is an end, aspect or
/// dimension of, and of the facts about it.
fn quotes_about<'g>(graph: &'g ConceptGraph, view: &View) -> HashMap<NodeIndex, Vec<&'g Source>> {
    let mut about: HashMap<NodeIndex, Vec<&'g Source>> = HashMap::new();
    for (_, relation) in graph.relations() {
        let counted: Vec<&Source> = relation
            .sources
            .iter()
            .filter(|s| view.counts(&s.paper))
            .collect();
        if counted.is_empty() {
            continue;
        }
        let mut nodes = vec![relation.from, relation.to];
        nodes.extend(relation.aspect);
        nodes.extend(relation.dimension);
        nodes.dedup();
        for node in nodes {
            about.entry(node).or_default().extend(&counted);
        }
    }
    for fact in graph.facts() {
        about
            .entry(fact.subject)
            .or_default()
            .extend(fact.sources.iter().filter(|s| view.counts(&s.paper)));
    }
    about
}
