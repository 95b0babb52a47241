//! `paper P`: one paper's argument in outline, its claims grouped by the schema's
//! `group` headings, in the order the paper makes them.
//!
//! A *claim* is one relation as one paper asserts it; it is backed by one or more
//! *quotes* (the paper's sources for that relation). `papers` and `paper` count claims
//! this way, and quotes separately ([`counts`]).

use indexmap::IndexMap;
use petgraph::graph::EdgeIndex;

use super::budget::{Budget, Meter, Stop};
use crate::{graph::ConceptGraph, locate::TextIndex, relation::Source};

/// Heading for relation kinds without a `group` in the schema.
pub const OTHER: &str = "Other claims";

/// One claim of the paper: the relation and every quote the paper gives for it.
#[derive(Debug, Clone)]
pub struct OutlineClaim<'g> {
    /// The relation.
    pub edge: EdgeIndex,
    /// The paper's sources for it, in the order of the text.
    pub sources: Vec<&'g Source>,
}

/// A paper's claims by heading; headings in schema order, claims in text order.
#[derive(Debug, Clone)]
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
    /// Claims (and their quotes) found but not listed: see [`Outline::keep_first`].
    pub left_out: (usize, usize),
    /// Why gathering stopped before every relation was looked at, if it did: the
    /// outline then holds the claims among the first [`Outline::looked_at`] relations.
    pub stop: Option<Stop>,
    /// How many relations (in data order) were looked at.
    pub looked_at: usize,
}

impl Outline<'_> {
    /// The number of claims: relations and facts as this paper asserts them (those left
    /// out of the listing included).
    pub fn claims(&self) -> usize {
        self.listed() + self.facts.len() + self.left_out.0
    }

    /// The number of quotes behind them.
    pub fn quotes(&self) -> usize {
        self.groups
            .values()
            .flatten()
            .map(|c| c.sources.len())
            .sum::<usize>()
            + self.fact_quotes
            + self.left_out.1
    }

    /// The number of relation claims listed under the headings.
    pub fn listed(&self) -> usize {
        self.groups.values().map(Vec::len).sum()
    }

    /// Keeps the first `limit` claims under the headings (in outline order), counting
    /// the rest in [`Outline::left_out`]: listing costs time and memory for every claim,
    /// counting them nothing.
    pub fn keep_first(&mut self, limit: usize) {
        let mut room = limit;
        for claims in self.groups.values_mut() {
            let kept = room.min(claims.len());
            room -= kept;
            for claim in claims.drain(kept..) {
                self.left_out.0 += 1;
                self.left_out.1 += claim.sources.len();
            }
        }
        self.groups.retain(|_, claims| !claims.is_empty());
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

/// A paper's relation claims in the order it makes them, as far as a budget allowed.
#[derive(Debug)]
pub struct Claims<'g> {
    /// The claims, each with the paper's sources for it in the order of the text.
    pub claims: Vec<OutlineClaim<'g>>,
    /// Why gathering stopped before every relation was looked at, if it did: the claims
    /// are then those among the first [`Claims::looked_at`] relations.
    pub stop: Option<Stop>,
    /// How many relations (in data order) were looked at.
    pub looked_at: usize,
}

/// The relations `paper` asserts, each with the paper's sources for it. With the
/// paper's `text`, in the order of the place in the text of their first quote (quotes
/// not found in it come last, in data order), each claim's sources in that order;
/// without it, the order in which they are encoded. `outline` and `position` number
/// claims this way.
///
/// Gathering spends one unit of `budget` per relation looked at and one per quote placed
/// in the text (a search of the text); when the budget runs out, the claims are those of
/// the relations looked at so far, each whole, and [`Claims::stop`] says why.
pub fn claims_in_order<'g>(
    graph: &'g ConceptGraph,
    paper: &str,
    text: Option<&str>,
    budget: Budget,
) -> Claims<'g> {
    let index = text.map(TextIndex::new);
    // Where a quote is: its place in the text, then its place in the data. Worked out
    // once per quote: a search of the text is not a thing to repeat at every comparison.
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
    let mut meter = Meter::new(budget);
    let mut looked_at = 0;
    let mut claims = Vec::new();
    for (edge, relation) in graph.relations() {
        if !meter.tick() {
            break;
        }
        let mine: Vec<&Source> = relation
            .sources
            .iter()
            .filter(|s| s.paper == paper)
            .collect();
        // A claim is gathered whole or not at all.
        if !mine.iter().all(|_| meter.tick()) {
            break;
        }
        looked_at += 1;
        if mine.is_empty() {
            continue;
        }
        let mut placed: Vec<_> = mine.into_iter().map(|s| (place(s), s)).collect();
        placed.sort_by_key(|(at, _)| *at);
        claims.push((edge, placed));
    }
    // Each claim has at least one source (kept only when non-empty above); the first
    // in text order places it.
    claims.sort_by_key(|(_, placed)| placed[0].0);
    Claims {
        claims: claims
            .into_iter()
            .map(|(edge, placed)| OutlineClaim {
                edge,
                sources: placed.into_iter().map(|(_, s)| s).collect(),
            })
            .collect(),
        stop: meter.stopped(),
        looked_at,
    }
}

/// The outline of `paper`: its claims ([`claims_in_order`], within `budget`) under the
/// headings of their kinds' groups, and its facts.
pub fn outline<'g>(
    graph: &'g ConceptGraph,
    paper: &str,
    text: Option<&str>,
    budget: Budget,
) -> Outline<'g> {
    let mut groups: IndexMap<String, Vec<OutlineClaim<'g>>> = IndexMap::new();
    for kind in graph.schema().relation_kinds.values() {
        groups
            .entry(kind.group.clone().unwrap_or_else(|| OTHER.into()))
            .or_default();
    }
    let gathered = claims_in_order(graph, paper, text, budget);
    for claim in gathered.claims {
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
        left_out: (0, 0),
        stop: gathered.stop,
        looked_at: gathered.looked_at,
    }
}
