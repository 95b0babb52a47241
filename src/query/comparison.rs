//! The comparison model, read by `diff`, `compare`, `contested`, `dot --diff`,
//! `--min-papers` and `path --explain`: for a pair of nodes, each *aspect* of common
//! ground and each *dimension* of difference is one [`Row`], holding the claims that
//! assert it and, through them, the distinct papers that do.
//!
//! Two papers assert the same comparison when they name the same aspect (or dimension)
//! between the same two nodes, however each words the positions; that is what every
//! count of agreement counts ([`Row::papers`]).

use indexmap::IndexMap;
use petgraph::graph::{EdgeIndex, NodeIndex};
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::{
    graph::ConceptGraph,
    logic::{judge, Claim as LogicClaim, Verdict},
    paper::text_sharing_pairs,
    paper_filter::PaperFilter,
    relation::{distinct_papers, Relation, Source},
    schema::Role,
};

/// Whether a comparison is common ground or a difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    /// The two share something: the row's topic is an aspect.
    CommonGround,
    /// The two differ: the row's topic is a dimension.
    Difference,
}

impl Stance {
    /// The name used in JSON and CSV.
    pub fn name(self) -> &'static str {
        match self {
            Self::CommonGround => "common-ground",
            Self::Difference => "difference",
        }
    }
}

/// What `relation` compares, if anything: the one place that decides common ground
/// (a common-ground kind with its aspect) and difference (a difference kind with its
/// dimension). Ordinary relations compare nothing.
pub fn topic_of(graph: &ConceptGraph, relation: &Relation) -> Option<(Stance, NodeIndex)> {
    match graph.role_of(relation) {
        Role::CommonGround => relation.aspect.map(|a| (Stance::CommonGround, a)),
        Role::Difference => relation.dimension.map(|d| (Stance::Difference, d)),
        Role::Ordinary => None,
    }
}

/// One relation as the selected papers assert it.
#[derive(Debug, Clone)]
pub struct Claim<'g> {
    /// The relation's edge.
    pub edge: EdgeIndex,
    /// The relation.
    pub relation: &'g Relation,
    /// Its sources from the selected papers (never empty).
    pub sources: Vec<&'g Source>,
    /// For a difference: the positions, oriented as (first node's, second node's) of
    /// the row or pair the claim was read for.
    pub positions: Option<(&'g str, &'g str)>,
}

impl<'g> Claim<'g> {
    /// The relation with its sources narrowed to `papers`, read from
    /// `a`'s side; `None` when none of those papers asserts it.
    pub fn of(
        edge: EdgeIndex,
        relation: &'g Relation,
        a: NodeIndex,
        papers: &PaperFilter,
    ) -> Option<Self> {
        let sources: Vec<&Source> = papers.sources(&relation.sources).collect();
        let positions = relation.positions.as_ref().map(|p| {
            if relation.from == a {
                (p.from.as_str(), p.to.as_str())
            } else {
                (p.to.as_str(), p.from.as_str())
            }
        });
        (!sources.is_empty()).then_some(Self {
            edge,
            relation,
            sources,
            positions,
        })
    }

    /// The distinct papers asserting the claim, in order of first appearance.
    pub fn papers(&self) -> Vec<&'g str> {
        distinct_papers(self.sources.iter().copied())
    }
}

/// One aspect of common ground or one dimension of difference between one pair.
#[derive(Debug, Clone)]
pub struct Row<'g> {
    /// Common ground or difference.
    pub stance: Stance,
    /// The pair: as asked for, or as the row's first relation is written.
    pub pair: (NodeIndex, NodeIndex),
    /// The aspect (common ground) or the dimension (difference).
    pub topic: NodeIndex,
    /// The claims, in data order; positions oriented to `pair`.
    pub claims: Vec<Claim<'g>>,
}

impl<'g> Row<'g> {
    /// The distinct papers asserting this comparison, in order of first appearance,
    /// whatever positions each gives: the one count of agreement.
    pub fn papers(&self) -> Vec<&'g str> {
        distinct_papers(self.claims.iter().flat_map(|c| c.sources.iter().copied()))
    }

    /// The pairs among [`Row::papers`] whose texts share passages: agreement that may
    /// rest on shared wording rather than two independent readings.
    pub fn shared_text(&self, graph: &ConceptGraph) -> Vec<(&'g str, &'g str)> {
        text_sharing_pairs(&graph.papers, &self.papers())
    }

    /// The claims grouped by wording (identical positions), first-seen order; for
    /// common ground, one group of every claim.
    pub fn wordings(&self) -> Vec<Wording<'_, 'g>> {
        let mut groups: IndexMap<Option<(&'g str, &'g str)>, Vec<&Claim<'g>>> = IndexMap::new();
        for claim in &self.claims {
            groups.entry(claim.positions).or_default().push(claim);
        }
        groups
            .into_iter()
            .map(|(positions, claims)| Wording { positions, claims })
            .collect()
    }
}

/// The claims of a row that word it the same way.
#[derive(Debug, Clone)]
pub struct Wording<'r, 'g> {
    /// For a difference, the positions (first node's, second node's); `None` for
    /// common ground.
    pub positions: Option<(&'g str, &'g str)>,
    /// The claims giving this wording (never empty).
    pub claims: Vec<&'r Claim<'g>>,
}

impl<'g> Wording<'_, 'g> {
    /// The distinct papers giving this wording.
    pub fn papers(&self) -> Vec<&'g str> {
        distinct_papers(self.claims.iter().flat_map(|c| c.sources.iter().copied()))
    }
}

/// The comparisons asserted by `papers`: between `pair` only, when
/// given, else between every pair. Rows in order of their first claim: data order, or
/// for a pair the relations written from its first node, then those written towards it.
///
/// Linear in the relations touching the pair (or in all relations without one).
pub fn rows<'g>(
    graph: &'g ConceptGraph,
    pair: Option<(NodeIndex, NodeIndex)>,
    papers: &PaperFilter,
) -> Vec<Row<'g>> {
    let candidates: Vec<(EdgeIndex, &Relation)> = match pair {
        Some((a, b)) => graph
            .incident(a)
            .into_iter()
            .filter(|i| i.other == b)
            .map(|i| (i.edge, i.relation))
            .collect::<Vec<_>>(),
        None => graph.relations().collect(),
    };
    let mut rows: IndexMap<(Stance, NodeIndex, NodeIndex, NodeIndex), Row<'g>> = IndexMap::new();
    for (edge, relation) in candidates {
        let Some((stance, topic)) = topic_of(graph, relation) else {
            continue;
        };
        let (lo, hi) = (
            relation.from.min(relation.to),
            relation.from.max(relation.to),
        );
        let oriented = pair.unwrap_or((relation.from, relation.to));
        let first = rows
            .get(&(stance, lo, hi, topic))
            .map_or(oriented.0, |row| row.pair.0);
        let Some(claim) = Claim::of(edge, relation, first, papers) else {
            continue;
        };
        rows.entry((stance, lo, hi, topic))
            .or_insert_with(|| Row {
                stance,
                pair: oriented,
                topic,
                claims: Vec::new(),
            })
            .claims
            .push(claim);
    }
    rows.into_values().collect()
}

/// How the claims naming one topic common ground between a pair (`shared`) and those
/// naming it a difference (`different`) stand to each other, by the logic's verdict
/// (`crate::logic::judge`): `Conflict` when two of them cannot both hold (one stated
/// scope), else `Framing` (shared in one respect, different in another); `None` when
/// either list is empty, or one paper alone names the topic both ways. `compare` marks
/// such rows and `dot --diff` such aspects and dimensions with it.
pub fn both_ways(
    graph: &ConceptGraph,
    shared: &[EdgeIndex],
    different: &[EdgeIndex],
) -> Option<Verdict> {
    let papers = |edges: &[EdgeIndex]| -> Vec<&str> {
        edges
            .iter()
            .flat_map(|&e| graph.relation(e).papers())
            .collect()
    };
    let (one, other) = (papers(shared), papers(different));
    if !one.iter().any(|p| other.iter().any(|q| p != q)) {
        return None;
    }
    let claim = |edge: EdgeIndex| LogicClaim::Relation(graph.relation(edge));
    let logic = graph.schema().logic();
    let conflict = shared.iter().any(|&s| {
        different
            .iter()
            .any(|&d| judge(logic, claim(s), claim(d)) == Verdict::Conflict)
    });
    Some(if conflict {
        Verdict::Conflict
    } else {
        Verdict::Framing
    })
}

/// How many distinct papers (among a filter) back each relation, counted the way
/// `compare` counts: a common-ground or difference relation by its row (the same
/// comparison however worded), an ordinary relation by its own papers. `--min-papers`
/// reads this.
#[derive(Debug)]
pub struct Support {
    by_row: FxHashMap<EdgeIndex, usize>,
}

impl Support {
    /// The support of every relation under `papers`.
    pub fn new(graph: &ConceptGraph, papers: &PaperFilter) -> Self {
        let mut by_row = FxHashMap::default();
        for row in rows(graph, None, papers) {
            let count = row.papers().len();
            for claim in &row.claims {
                by_row.insert(claim.edge, count);
            }
        }
        Self { by_row }
    }

    /// The number of distinct papers among `papers` backing `relation` at `edge`.
    pub fn papers(&self, edge: EdgeIndex, relation: &Relation, papers: &PaperFilter) -> usize {
        self.by_row
            .get(&edge)
            .copied()
            .unwrap_or_else(|| papers.papers(relation).len())
    }
}

/// The pairs of text-sharing papers that some relation counts as two of its at least
/// `min_papers` papers (counted as [`Support`] counts): where `--min-papers` may count
/// one text twice, so the command can say so.
pub fn shared_text_counted<'g>(
    graph: &'g ConceptGraph,
    papers: &PaperFilter,
    min_papers: usize,
) -> Vec<(&'g str, &'g str)> {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    let mut add = |ids: Vec<&'g str>| {
        if ids.len() >= min_papers {
            for pair in text_sharing_pairs(&graph.papers, &ids) {
                if !pairs.contains(&pair) {
                    pairs.push(pair);
                }
            }
        }
    };
    for row in rows(graph, None, papers) {
        add(row.papers());
    }
    for (_, relation) in graph.relations() {
        if topic_of(graph, relation).is_none() {
            add(papers.papers(relation));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing;

    #[test]
    fn a_comparison_counts_its_papers_across_wordings_and_directions() {
        // Two difference relations on the same dimension, written in opposite
        // directions by different papers, are one row with two papers.
        let mut g = testing::graph(3, &[(0, 1, "differs"), (1, 0, "differs")]);
        let dimension = NodeIndex::new(2);
        let edges: Vec<EdgeIndex> = g.petgraph().edge_indices().collect();
        for (i, edge) in edges.into_iter().enumerate() {
            let r = g.graph.edge_weight_mut(edge).expect("an edge");
            r.dimension = Some(dimension);
            r.positions = Some(Box::new(crate::relation::Positions {
                from: format!("from {i}"),
                to: format!("to {i}"),
            }));
        }
        let (a, b) = (NodeIndex::new(0), NodeIndex::new(1));
        let found = rows(&g, Some((a, b)), &PaperFilter::every());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].papers(), vec!["p0", "p1"]);
        assert_eq!(found[0].wordings().len(), 2);
        assert_eq!(found[0].claims[1].positions, Some(("to 1", "from 1")));
        assert_eq!(rows(&g, None, &PaperFilter::every()).len(), 1);
        assert_eq!(
            rows(
                &g,
                Some((a, b)),
                &PaperFilter::resolve(&g, &["p1".to_string()]).unwrap()
            )[0]
            .papers(),
            ["p1"]
        );
        let support = Support::new(&g, &PaperFilter::every());
        let (edge, relation) = g.relations().next().expect("a relation");
        assert_eq!(support.papers(edge, relation, &PaperFilter::every()), 2);
        assert!(rows(&g, Some((a, NodeIndex::new(2))), &PaperFilter::every()).is_empty());
    }
}
