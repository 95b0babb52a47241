//! `paper P`: one paper's argument in outline, its claims grouped by the schema's
//! `group` headings, in the order the paper makes them.
//!
//! A *claim* is one relation as one paper asserts it; it is backed by one or more
//! *quotes* (the paper's sources for that relation). `papers` and `paper` count claims
//! this way, and quotes separately ([`counts`]).

use indexmap::IndexMap;
use petgraph::graph::EdgeIndex;

use crate::{graph::ConceptGraph, locate::TextIndex, relation::Source};

/// Heading for relation kinds without a `group` in the schema.
pub const OTHER: &str = "Other claims";

/// One claim of the paper: the relation and every quote the paper gives for it.
#[derive(Debug)]
pub struct OutlineClaim<'g> {
    /// The relation.
    pub edge: EdgeIndex,
    /// The paper's sources for it, in the order of the text.
    pub sources: Vec<&'g Source>,
}

/// A paper's claims by heading; headings in schema order, claims in text order.
#[derive(Debug)]
pub struct Outline<'g> {
    /// The paper id.
    pub paper: String,
    /// Heading → claims.
    pub groups: IndexMap<String, Vec<OutlineClaim<'g>>>,
    /// Whether claims are in the order of the paper's text (else in data order, when
    /// the text was not at hand).
    pub text_order: bool,
    /// The paper's facts (indices into [`ConceptGraph::facts`]), in data order.
    pub facts: Vec<usize>,
    /// The number of the paper's quotes behind those facts.
    pub fact_quotes: usize,
}

impl Outline<'_> {
    /// The number of claims: relations and facts as this paper asserts them.
    pub fn claims(&self) -> usize {
        self.groups.values().map(Vec::len).sum::<usize>() + self.facts.len()
    }

    /// The number of quotes behind them.
    pub fn quotes(&self) -> usize {
        self.groups
            .values()
            .flatten()
            .map(|c| c.sources.len())
            .sum::<usize>()
            + self.fact_quotes
    }
}

/// Claims and quotes per paper, in paper order: the one way both are counted.
pub fn counts(graph: &ConceptGraph) -> IndexMap<&str, (usize, usize)> {
    let mut counts: IndexMap<&str, (usize, usize)> =
        graph.papers().map(|p| (p.id.as_str(), (0, 0))).collect();
    for (_, relation) in graph.relations() {
        for paper in relation.papers() {
            if let Some(count) = counts.get_mut(paper) {
                count.0 += 1;
            }
        }
        for source in &relation.sources {
            if let Some(count) = counts.get_mut(source.paper.as_str()) {
                count.1 += 1;
            }
        }
    }
    for fact in graph.facts() {
        for paper in fact.papers() {
            if let Some(count) = counts.get_mut(paper) {
                count.0 += 1;
            }
        }
        for source in &fact.sources {
            if let Some(count) = counts.get_mut(source.paper.as_str()) {
                count.1 += 1;
            }
        }
    }
    counts
}

/// The relations `paper` asserts, each with the paper's sources for it. With the
/// paper's `text`, in the order of the place in the text of their first quote (quotes
/// not found in it come last, in data order), each claim's sources in that order;
/// without it, the order in which they are encoded. `outline` and `position` number
/// claims this way.
pub fn claims_in_order<'g>(
    graph: &'g ConceptGraph,
    paper: &str,
    text: Option<&str>,
) -> Vec<OutlineClaim<'g>> {
    let index = text.map(TextIndex::new);
    let place = |source: &Source| {
        let data = (
            source.origin.file,
            source.origin.relation,
            source.origin.source,
        );
        let at = index
            .as_ref()
            .and_then(|t| t.locate(source.quote()))
            .map_or(usize::MAX, |span| span.start_char);
        (at, data)
    };
    let mut claims: Vec<(EdgeIndex, Vec<&Source>)> = graph
        .relations()
        .filter_map(|(edge, r)| {
            let mut sources: Vec<&Source> = r.sources.iter().filter(|s| s.paper == paper).collect();
            sources.sort_by_key(|s| place(s));
            (!sources.is_empty()).then_some((edge, sources))
        })
        .collect();
    // Each claim has at least one source (kept only when non-empty above); the first
    // in text order places it.
    claims.sort_by_key(|(_, sources)| sources.first().map(|s| place(s)));
    claims
        .into_iter()
        .map(|(edge, sources)| OutlineClaim { edge, sources })
        .collect()
}

/// The outline of `paper`: its claims ([`claims_in_order`]) under the headings of
/// their kinds' groups.
pub fn outline<'g>(graph: &'g ConceptGraph, paper: &str, text: Option<&str>) -> Outline<'g> {
    let mut groups: IndexMap<String, Vec<OutlineClaim<'g>>> = IndexMap::new();
    for kind in graph.schema().relation_kinds.values() {
        groups
            .entry(kind.group.clone().unwrap_or_else(|| OTHER.into()))
            .or_default();
    }
    for claim in claims_in_order(graph, paper, text) {
        let kind = graph.kind_of(graph.relation(claim.edge));
        let heading = kind.group.clone().unwrap_or_else(|| OTHER.into());
        groups.entry(heading).or_default().push(claim);
    }
    groups.retain(|_, claims| !claims.is_empty());
    let facts: Vec<usize> = graph
        .facts()
        .iter()
        .enumerate()
        .filter(|(_, f)| f.sources.iter().any(|s| s.paper == paper))
        .map(|(i, _)| i)
        .collect();
    let fact_quotes = facts
        .iter()
        .map(|&i| {
            graph.facts()[i]
                .sources
                .iter()
                .filter(|s| s.paper == paper)
                .count()
        })
        .sum();
    Outline {
        paper: paper.to_string(),
        groups,
        text_order: text.is_some(),
        facts,
        fact_quotes,
    }
}
