//! `contested`: where the papers disagree, each dispute with its sides and, on each side,
//! the papers and the claims that put them there.
//!
//! A dispute is two papers answering the same question differently. The kinds, strongest
//! first:
//! - contradictions: different values for the same fact ([`Kind::Value`]); one concept
//!   cast as an asset by one paper and as a liability by another ([`Kind::Valence`],
//!   through the schema's relation polarity); the same thing classified differently
//!   ([`Kind::Classification`]: an aspect named common ground and a difference, a concept
//!   presented as a goal and as a measure, a view argued and criticised);
//! - framings: a two-way relation against a one-way one ([`Kind::Direction`]), different
//!   positions along one dimension ([`Kind::Positions`]), different lists for the same
//!   question ([`Kind::Lists`]: what two strategies share, where they differ, what drives
//!   or is part of a concept);
//! - and, shown only on request, pairs merely related in different ways
//!   ([`Kind::RelatedDifferently`]).
//!
//! "Only one paper mentions it" is never a dispute: every side is held by a paper that
//! another side does not hold. Every pass is linear in the relations and facts.

use indexmap::{IndexMap, IndexSet};
use petgraph::graph::{EdgeIndex, NodeIndex};
use serde::Serialize;

use super::comparison::{self, Stance};
use crate::{graph::ConceptGraph, relation::Relation, schema::Role};

/// What kind of disagreement a dispute is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Different values for the same fact (a year, a count).
    Value,
    /// An asset to one paper, a problem or shortage to another.
    Valence,
    /// Classified differently: common ground or a difference; a goal or a measure; a
    /// view argued or criticised.
    Classification,
    /// A two-way relation against a one-way one between the same two concepts.
    Direction,
    /// Different positions along the same dimension of difference.
    Positions,
    /// Different lists in answer to the same question.
    Lists,
    /// The same two concepts related by different kinds of relation.
    RelatedDifferently,
}

/// How strongly a kind of dispute opposes the papers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    /// The papers cannot both be right.
    Contradiction,
    /// The papers frame the same thing differently.
    Framing,
    /// The papers relate the same concepts differently; often compatible.
    Related,
}

impl Kind {
    /// How strongly this kind opposes the papers.
    pub fn strength(self) -> Strength {
        match self {
            Self::Value | Self::Valence | Self::Classification => Strength::Contradiction,
            Self::Direction | Self::Positions | Self::Lists => Strength::Framing,
            Self::RelatedDifferently => Strength::Related,
        }
    }
}

/// A claim that puts a paper on a side: a relation or a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Evidence {
    /// A relation, by edge.
    Relation(EdgeIndex),
    /// A fact, by its index in [`ConceptGraph::facts`].
    Fact(usize),
}

/// One answer to the disputed question, with who gives it.
#[derive(Debug, Clone)]
pub struct Side {
    /// The answer in a few words ("2013", "an asset", "common ground", "two-way", the
    /// positions, or the list's items).
    pub answer: String,
    /// For a list: its items.
    pub items: Vec<NodeIndex>,
    /// The papers giving this answer, in order of first appearance.
    pub papers: Vec<String>,
    /// The claims that give it.
    pub evidence: Vec<Evidence>,
}

/// Two or more papers answering one question differently.
#[derive(Debug, Clone)]
pub struct Dispute {
    /// What kind of disagreement.
    pub kind: Kind,
    /// The concept or the pair of concepts it is about.
    pub subject: Vec<NodeIndex>,
    /// The aspect or dimension, for comparison disputes.
    pub topic: Option<NodeIndex>,
    /// The fact's property, or for a list the relation kind and its direction
    /// (`part-of <-`).
    pub property: Option<String>,
    /// The answers, two or more.
    pub sides: Vec<Side>,
}

impl Dispute {
    /// Every paper on any side, once each.
    pub fn papers(&self) -> Vec<&str> {
        let mut all: IndexSet<&str> = IndexSet::new();
        for side in &self.sides {
            all.extend(side.papers.iter().map(String::as_str));
        }
        all.into_iter().collect()
    }

    /// Whether `node` is the dispute's subject or topic.
    pub fn involves(&self, node: NodeIndex) -> bool {
        self.subject.contains(&node) || self.topic == Some(node)
    }
}

/// Every dispute in the dataset, strongest first; within a strength, those with more
/// papers first, then in data order. Pairs merely related differently come last.
pub fn contested(graph: &ConceptGraph) -> Vec<Dispute> {
    disputes(graph, Focus::All)
}

/// The disputes that [`Dispute::involves`] any of `nodes`, in the order [`contested`]
/// gives them: the same list as filtering [`contested`], without working out the
/// disputes about every other concept first (`show` and `diff` point to these).
pub fn contested_about(graph: &ConceptGraph, nodes: &[NodeIndex]) -> Vec<Dispute> {
    disputes(graph, Focus::Nodes(nodes))
}

/// The disputes about the first `count` concepts in data order (as subject, aspect or
/// dimension), in the order [`contested`] gives them: the same list as filtering
/// [`contested`], without working out the disputes about the rest (the work budget of
/// `contested`, `query::disputes_within`, stops here).
pub fn contested_before(graph: &ConceptGraph, count: usize) -> Vec<Dispute> {
    disputes(graph, Focus::Before(count))
}

/// Which disputes a pass works out: a dispute is about its subject and its topic, and
/// each pass knows those before it gathers the sides, so it skips the rest up front.
#[derive(Clone, Copy)]
enum Focus<'n> {
    All,
    Nodes(&'n [NodeIndex]),
    /// The concepts before this index.
    Before(usize),
}

impl Focus<'_> {
    /// Whether a dispute whose subject or topic is `node` is wanted.
    fn wants(self, node: NodeIndex) -> bool {
        match self {
            Self::All => true,
            Self::Nodes(nodes) => nodes.contains(&node),
            Self::Before(count) => node.index() < count,
        }
    }

    /// Whether a dispute about any of `nodes` is wanted.
    fn wants_any(self, nodes: &[NodeIndex]) -> bool {
        nodes.iter().any(|&n| self.wants(n))
    }
}

fn disputes(graph: &ConceptGraph, focus: Focus<'_>) -> Vec<Dispute> {
    let mut found: Vec<(usize, Dispute)> = Vec::new();
    found.extend(fact_disputes(graph, focus));
    found.extend(valence_disputes(graph, focus));
    found.extend(comparison_disputes(graph, focus));
    found.extend(relation_disputes(graph, focus));
    // Each pass skips what is not wanted before the work; this keeps a pass's
    // by-products (a list gathered for a topic's row) from showing.
    found.retain(|(_, d)| {
        focus.wants_any(&d.subject) || d.topic.is_some_and(|topic| focus.wants(topic))
    });
    // Cached: a dispute's papers are gathered once, not at every comparison.
    found.sort_by_cached_key(|(order, d)| {
        (
            d.kind.strength(),
            std::cmp::Reverse(d.papers().len()),
            d.kind,
            *order,
        )
    });
    found.into_iter().map(|(_, d)| d).collect()
}

/// Whether the sides are held by different papers: some paper holds a side that some
/// other paper does not share. One paper saying two things is not a dispute between
/// papers.
fn papers_differ(sides: &[Side]) -> bool {
    sides.iter().enumerate().any(|(i, one)| {
        sides.iter().enumerate().any(|(j, other)| {
            i != j
                && one
                    .papers
                    .iter()
                    .any(|p| other.papers.iter().any(|q| p != q))
        })
    })
}

/// Papers of `evidence`, once each, in order.
fn papers_of(graph: &ConceptGraph, evidence: &[Evidence]) -> Vec<String> {
    let mut papers: IndexSet<String> = IndexSet::new();
    for item in evidence {
        match *item {
            Evidence::Relation(edge) => {
                papers.extend(graph.relation(edge).papers().into_iter().map(String::from));
            }
            Evidence::Fact(i) => {
                if let Some(fact) = graph.facts().get(i) {
                    papers.extend(fact.papers().into_iter().map(String::from));
                }
            }
        }
    }
    papers.into_iter().collect()
}

fn side(graph: &ConceptGraph, answer: String, evidence: Vec<Evidence>) -> Side {
    Side {
        papers: papers_of(graph, &evidence),
        answer,
        items: Vec::new(),
        evidence,
    }
}

/// Facts giving different values for one property of one concept.
fn fact_disputes(graph: &ConceptGraph, focus: Focus<'_>) -> Vec<(usize, Dispute)> {
    let mut groups: IndexMap<(NodeIndex, &str), Vec<usize>> = IndexMap::new();
    for (i, fact) in graph.facts().iter().enumerate() {
        if !focus.wants(fact.subject) {
            continue;
        }
        groups
            .entry((fact.subject, fact.property.as_str()))
            .or_default()
            .push(i);
    }
    let mut found = Vec::new();
    for ((subject, property), indices) in groups {
        let mut by_value: Vec<(&crate::fact::Value, Vec<Evidence>)> = Vec::new();
        for &i in &indices {
            let value = &graph.facts()[i].value;
            match by_value.iter_mut().find(|(v, _)| v.same_as(value)) {
                Some((_, evidence)) => evidence.push(Evidence::Fact(i)),
                None => by_value.push((value, vec![Evidence::Fact(i)])),
            }
        }
        let sides: Vec<Side> = by_value
            .into_iter()
            .map(|(value, evidence)| side(graph, value.to_string(), evidence))
            .collect();
        if !papers_differ(&sides) {
            continue;
        }
        let classifies = graph
            .schema()
            .properties
            .get(property)
            .is_some_and(|p| p.classifies);
        found.push((
            indices[0],
            Dispute {
                kind: if classifies {
                    Kind::Classification
                } else {
                    Kind::Value
                },
                subject: vec![subject],
                topic: None,
                property: Some(property.to_string()),
                sides,
            },
        ));
    }
    found
}

/// Concepts one paper casts as an asset (a foundation, support, driver or model) and
/// another as a liability (an obstacle, or a concept a problem is a problem of).
fn valence_disputes(graph: &ConceptGraph, focus: Focus<'_>) -> Vec<(usize, Dispute)> {
    let mut assets: IndexMap<NodeIndex, Vec<Evidence>> = IndexMap::new();
    let mut liabilities: IndexMap<NodeIndex, Vec<Evidence>> = IndexMap::new();
    for (edge, relation) in graph.relations() {
        // A valence dispute is about an end of the relation.
        if !focus.wants_any(&[relation.from, relation.to]) {
            continue;
        }
        let kind = kind_at(graph, edge);
        let end = |from: bool| if from { relation.from } else { relation.to };
        if let Some(from) = kind.polarity.asset_end() {
            assets
                .entry(end(from))
                .or_default()
                .push(Evidence::Relation(edge));
            if kind.symmetric {
                assets
                    .entry(end(!from))
                    .or_default()
                    .push(Evidence::Relation(edge));
            }
        }
        if let Some(from) = kind.polarity.liability_end() {
            liabilities
                .entry(end(from))
                .or_default()
                .push(Evidence::Relation(edge));
        }
    }
    let mut found = Vec::new();
    for (node, against) in liabilities {
        if !focus.wants(node) {
            continue;
        }
        let Some(for_) = assets.get(&node) else {
            continue;
        };
        let sides = vec![
            side(
                graph,
                "an asset: a foundation, support, driver or model".into(),
                for_.clone(),
            ),
            side(
                graph,
                "a liability: a problem, obstacle or shortage".into(),
                against.clone(),
            ),
        ];
        if !papers_differ(&sides) {
            continue;
        }
        let first = against.iter().map(order_of).min().unwrap_or(usize::MAX);
        found.push((
            first,
            Dispute {
                kind: Kind::Valence,
                subject: vec![node],
                topic: None,
                property: None,
                sides,
            },
        ));
    }
    found
}

/// The kind of the relation at `edge`, read by its index: [`ConceptGraph::kind_of`]
/// without hashing the kind's name, for the passes over every relation.
fn kind_at(graph: &ConceptGraph, edge: EdgeIndex) -> &crate::schema::RelationKind {
    &graph.schema().relation_kinds[graph.kind_index(edge)]
}

fn order_of(evidence: &Evidence) -> usize {
    match *evidence {
        Evidence::Relation(edge) => edge.index(),
        Evidence::Fact(i) => i,
    }
}

/// A pair's list of aspects (common ground) or dimensions (differences).
type PairList = ((NodeIndex, NodeIndex), Stance);

/// Per paper, its items (or its evidence) for one list.
type ByPaper<T> = IndexMap<String, Vec<T>>;

/// Per paper, the other ends it relates to a concept by one kind, and the relations.
type Lists = IndexMap<String, (Vec<NodeIndex>, Vec<Evidence>)>;

/// From the comparison model: an aspect named common ground and a difference for the
/// same pair; different positions along one dimension; and, per pair, the papers'
/// different lists of what the two share and where they differ.
fn comparison_disputes(graph: &ConceptGraph, focus: Focus<'_>) -> Vec<(usize, Dispute)> {
    let mut rows = comparison::rows(graph, None, &[]);
    // A row's disputes are about its pair and its topic; a pair's lists are about the
    // pair, so they are gathered only when the pair is wanted (all its rows are kept).
    rows.retain(|row| focus.wants_any(&[row.pair.0, row.pair.1, row.topic]));
    let unordered = |pair: (NodeIndex, NodeIndex)| (pair.0.min(pair.1), pair.0.max(pair.1));
    let edges_of = |row: &comparison::Row<'_>| -> Vec<Evidence> {
        row.claims
            .iter()
            .map(|c| Evidence::Relation(c.edge))
            .collect()
    };
    let mut found = Vec::new();
    // What each paper names as common ground and as difference, per pair.
    let mut lists: IndexMap<PairList, ByPaper<NodeIndex>> = IndexMap::new();
    let mut list_evidence: IndexMap<PairList, ByPaper<Evidence>> = IndexMap::new();
    for row in &rows {
        let pair = unordered(row.pair);
        let claims = if focus.wants_any(&[pair.0, pair.1]) {
            &row.claims[..]
        } else {
            &[]
        };
        for claim in claims {
            for paper in claim.papers() {
                let items = lists
                    .entry((pair, row.stance))
                    .or_default()
                    .entry(paper.to_string())
                    .or_default();
                if !items.contains(&row.topic) {
                    items.push(row.topic);
                }
                list_evidence
                    .entry((pair, row.stance))
                    .or_default()
                    .entry(paper.to_string())
                    .or_default()
                    .push(Evidence::Relation(claim.edge));
            }
        }
        let first = row.claims.first().map_or(usize::MAX, |c| c.edge.index());
        if row.stance == Stance::Difference {
            let agreeing = rows.iter().find(|other| {
                other.stance == Stance::CommonGround
                    && other.topic == row.topic
                    && unordered(other.pair) == pair
            });
            if let Some(agreeing) = agreeing {
                let sides = vec![
                    side(graph, "common ground".into(), edges_of(agreeing)),
                    side(graph, "a difference".into(), edges_of(row)),
                ];
                if papers_differ(&sides) {
                    found.push((
                        first,
                        Dispute {
                            kind: Kind::Classification,
                            subject: vec![pair.0, pair.1],
                            topic: Some(row.topic),
                            property: None,
                            sides,
                        },
                    ));
                }
            }
            let sides: Vec<Side> = row
                .wordings()
                .iter()
                .map(|w| {
                    let (a, b) = w.positions.unwrap_or_default();
                    let answer = format!(
                        "{}: {a}; {}: {b}",
                        graph.node(row.pair.0).label,
                        graph.node(row.pair.1).label
                    );
                    let evidence = w
                        .claims
                        .iter()
                        .map(|c| Evidence::Relation(c.edge))
                        .collect();
                    side(graph, answer, evidence)
                })
                .collect();
            if papers_differ(&sides) {
                found.push((
                    first,
                    Dispute {
                        kind: Kind::Positions,
                        subject: vec![row.pair.0, row.pair.1],
                        topic: Some(row.topic),
                        property: None,
                        sides,
                    },
                ));
            }
        }
    }
    for (key, by_paper) in lists {
        let evidence = &list_evidence[&key];
        let ((a, b), stance) = key;
        let property = match stance {
            Stance::CommonGround => "common-ground",
            Stance::Difference => "differs",
        };
        if let Some(dispute) = list_dispute(graph, vec![a, b], property, &by_paper, evidence) {
            found.push(dispute);
        }
    }
    found
}

/// Papers that each name at least two items for the same question, lists that overlap
/// but are not the same, answer it differently; one side per paper (papers with the
/// same list share a side).
fn list_dispute(
    graph: &ConceptGraph,
    subject: Vec<NodeIndex>,
    property: &str,
    by_paper: &IndexMap<String, Vec<NodeIndex>>,
    evidence: &IndexMap<String, Vec<Evidence>>,
) -> Option<(usize, Dispute)> {
    let mut sides: Vec<Side> = Vec::new();
    for (paper, items) in by_paper.iter().filter(|(_, items)| items.len() > 1) {
        let mut sorted = items.clone();
        sorted.sort_unstable();
        let same = sides.iter_mut().find(|s| {
            let mut theirs = s.items.clone();
            theirs.sort_unstable();
            theirs == sorted
        });
        let mine = evidence.get(paper).cloned().unwrap_or_default();
        match same {
            Some(side) => {
                side.papers.push(paper.clone());
                side.evidence.extend(mine);
            }
            None => sides.push(Side {
                answer: items
                    .iter()
                    .map(|&n| graph.node(n).label.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                items: items.clone(),
                papers: vec![paper.clone()],
                evidence: mine,
            }),
        }
    }
    // Lists that share nothing answer different questions in the same words; lists that
    // overlap enumerate the same thing and differ in the rest.
    let overlap = sides.iter().enumerate().any(|(i, a)| {
        sides
            .iter()
            .skip(i + 1)
            .any(|b| a.items.iter().any(|item| b.items.contains(item)))
    });
    if sides.len() < 2 || !overlap || !papers_differ(&sides) {
        return None;
    }
    let first = sides
        .iter()
        .flat_map(|s| s.evidence.iter().map(order_of))
        .min()
        .unwrap_or(usize::MAX);
    Some((
        first,
        Dispute {
            kind: Kind::Lists,
            subject,
            topic: None,
            property: Some(property.to_string()),
            sides,
        },
    ))
}

/// From the ordinary relations: two-way against one-way between the same pair; lists
/// of what relates to a concept by one kind; and pairs related by different kinds.
fn relation_disputes(graph: &ConceptGraph, focus: Focus<'_>) -> Vec<(usize, Dispute)> {
    let mut pairs: IndexMap<(NodeIndex, NodeIndex), Vec<EdgeIndex>> = IndexMap::new();
    // (concept, kind, incoming?) -> paper -> (other ends, evidence)
    let mut lists: IndexMap<(NodeIndex, &str, bool), Lists> = IndexMap::new();
    for (edge, relation) in graph.relations() {
        // Both the pair's disputes and the lists are about an end of the relation.
        if !focus.wants_any(&[relation.from, relation.to])
            || kind_at(graph, edge).role != Role::Ordinary
        {
            continue;
        }
        let key = (
            relation.from.min(relation.to),
            relation.from.max(relation.to),
        );
        pairs.entry(key).or_default().push(edge);
        if kind_at(graph, edge).symmetric {
            continue;
        }
        for (centre, other, incoming) in [
            (relation.to, relation.from, true),
            (relation.from, relation.to, false),
        ] {
            if !focus.wants(centre) {
                continue;
            }
            for paper in relation.papers() {
                let (items, evidence) = lists
                    .entry((centre, relation.kind.as_str(), incoming))
                    .or_default()
                    .entry(paper.to_string())
                    .or_default();
                if !items.contains(&other) {
                    items.push(other);
                }
                evidence.push(Evidence::Relation(edge));
            }
        }
    }
    let mut found = Vec::new();
    for ((a, b), edges) in pairs {
        found.extend(direction_dispute(graph, (a, b), &edges));
        if let Some(related) = related_differently(graph, (a, b), &edges) {
            found.push(related);
        }
    }
    for ((centre, kind, incoming), by_paper) in lists {
        let items: IndexMap<String, Vec<NodeIndex>> = by_paper
            .iter()
            .map(|(p, (items, _))| (p.clone(), items.clone()))
            .collect();
        let evidence: IndexMap<String, Vec<Evidence>> = by_paper
            .into_iter()
            .map(|(p, (_, evidence))| (p, evidence))
            .collect();
        let property = format!("{kind} {}", if incoming { "<-" } else { "->" });
        found.extend(list_dispute(
            graph,
            vec![centre],
            &property,
            &items,
            &evidence,
        ));
    }
    found
}

/// Two-way (a symmetric kind) in one paper, one-way in another.
fn direction_dispute(
    graph: &ConceptGraph,
    (a, b): (NodeIndex, NodeIndex),
    edges: &[EdgeIndex],
) -> Option<(usize, Dispute)> {
    let (two_way, one_way): (Vec<EdgeIndex>, Vec<EdgeIndex>) =
        edges.iter().partition(|&&e| kind_at(graph, e).symmetric);
    if two_way.is_empty() || one_way.is_empty() {
        return None;
    }
    let labels = |edges: &[EdgeIndex]| -> String {
        let kinds: IndexSet<&str> = edges
            .iter()
            .map(|&e| kind_at(graph, e).label.as_str())
            .collect();
        kinds.into_iter().collect::<Vec<_>>().join(", ")
    };
    let evidence = |edges: &[EdgeIndex]| edges.iter().map(|&e| Evidence::Relation(e)).collect();
    let sides = vec![
        side(
            graph,
            format!("two-way ({})", labels(&two_way)),
            evidence(&two_way),
        ),
        side(
            graph,
            format!("one-way ({})", labels(&one_way)),
            evidence(&one_way),
        ),
    ];
    papers_differ(&sides).then(|| {
        (
            edges[0].index(),
            Dispute {
                kind: Kind::Direction,
                subject: vec![a, b],
                topic: None,
                property: None,
                sides,
            },
        )
    })
}

/// Different kinds (or directions) of ordinary relation between one pair, from
/// different papers: one side per kind and direction.
fn related_differently(
    graph: &ConceptGraph,
    (a, b): (NodeIndex, NodeIndex),
    edges: &[EdgeIndex],
) -> Option<(usize, Dispute)> {
    let mut ways: IndexMap<(&str, NodeIndex), Vec<Evidence>> = IndexMap::new();
    for &edge in edges {
        let relation: &Relation = graph.relation(edge);
        ways.entry((relation.kind.as_str(), relation.from))
            .or_default()
            .push(Evidence::Relation(edge));
    }
    let sides: Vec<Side> = ways
        .into_iter()
        .map(|((kind, from), evidence)| {
            let relation_kind = graph.schema().relation_kinds.get(kind);
            let label = relation_kind.map_or(kind, |k| k.label.as_str());
            let tail = if relation_kind.is_some_and(|k| k.symmetric) {
                "<"
            } else {
                ""
            };
            let to = if from == a { b } else { a };
            let answer = format!(
                "{} {tail}--{label}--> {}",
                graph.node(from).label,
                graph.node(to).label
            );
            side(graph, answer, evidence)
        })
        .collect();
    papers_differ(&sides).then(|| {
        (
            edges[0].index(),
            Dispute {
                kind: Kind::RelatedDifferently,
                subject: vec![a, b],
                topic: None,
                property: None,
                sides,
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{load, DataSource};

    /// What `contested NODES` lists: every dispute, filtered afterwards.
    fn filtered(all: &[Dispute], nodes: &[NodeIndex]) -> String {
        let kept: Vec<&Dispute> = all
            .iter()
            .filter(|d| nodes.iter().any(|&n| d.involves(n)))
            .collect();
        format!("{kept:#?}")
    }

    /// Focusing skips work, never a dispute: for every node of the shipped data, and
    /// for every pair some dispute is about (and a pair none is about), the disputes
    /// worked out for it are exactly those of the whole list, in the same order.
    #[test]
    fn disputes_about_nodes_are_the_whole_list_filtered() {
        let graph = load(&DataSource::Embedded).unwrap().graph;
        let all = contested(&graph);
        assert!(all.len() > 20, "the shipped data has disputes");
        for node in graph.node_indices() {
            let about = format!("{:#?}", contested_about(&graph, &[node]));
            assert_eq!(about, filtered(&all, &[node]), "{}", graph.node(node).id);
        }
        let mut pairs: Vec<Vec<NodeIndex>> = all
            .iter()
            .filter(|d| d.subject.len() == 2)
            .map(|d| d.subject.clone())
            .collect();
        pairs.dedup();
        let tpa = graph.resolve("tpa").unwrap();
        let rr = graph.resolve("rr").unwrap();
        pairs.push(vec![tpa, rr]);
        pairs.push(vec![rr, tpa]);
        for pair in pairs {
            let about = format!("{:#?}", contested_about(&graph, &pair));
            let ids: Vec<&str> = pair.iter().map(|&n| graph.node(n).id.as_str()).collect();
            assert_eq!(about, filtered(&all, &pair), "{ids:?}");
        }
        // The disputes about a first part of the concepts, at every size.
        let nodes: Vec<NodeIndex> = graph.node_indices().collect();
        for count in 0..=nodes.len() {
            let before = format!("{:#?}", contested_before(&graph, count));
            assert_eq!(before, filtered(&all, &nodes[..count]), "first {count}");
        }
    }
}
