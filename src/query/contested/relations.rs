//! Disputes from the ordinary relations: lists of what relates to a concept by one
//! kind (an inverse read as its pair: what rural revitalization relies on and what is a
//! premise of it are one list); a two-way relation against a one-way one it does not
//! imply; opposed kinds between one pair; pairs related in ways that neither agree nor
//! conflict.

use indexmap::IndexMap;
use petgraph::graph::{EdgeIndex, NodeIndex};

use super::{kind_at, lists, papers_differ, side, ClaimRef, Dispute, Focus, Found, Kind, Strength};
use crate::{
    graph::ConceptGraph,
    logic::{judge, Claim, Statement, Verdict},
    relation::Relation,
    schema::Role,
};

/// Per paper, the other ends it relates to a concept by one kind, and the relations.
type Lists = IndexMap<String, (Vec<NodeIndex>, Vec<ClaimRef>)>;

/// One list's question: (the concept, the kind as read, whether the concept is the
/// target).
type ListKey = (NodeIndex, usize, bool);

/// From the ordinary relations: two-way against one-way between the same pair; lists
/// of what relates to a concept by one kind; opposed kinds and pairs related by kinds
/// that neither agree nor conflict.
pub(super) fn relation_disputes(graph: &ConceptGraph, focus: Focus<'_>) -> Vec<Found> {
    let logic = graph.schema().logic();
    let mut pairs: IndexMap<(NodeIndex, NodeIndex), Vec<EdgeIndex>> = IndexMap::new();
    let mut lists: IndexMap<ListKey, Lists> = IndexMap::new();
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
        let (read_as, swapped) = logic.canonical(graph.kind_index(edge));
        let (from, to) = if swapped {
            (relation.to, relation.from)
        } else {
            (relation.from, relation.to)
        };
        for (centre, other, incoming) in [(to, from, true), (from, to, false)] {
            if !focus.wants(centre) {
                continue;
            }
            let key = (centre, read_as, incoming);
            for paper in relation.papers() {
                let (items, evidence) = lists
                    .entry(key)
                    .or_default()
                    .entry(paper.to_string())
                    .or_default();
                if !items.contains(&other) {
                    items.push(other);
                }
                evidence.push(ClaimRef::Relation(edge));
            }
        }
    }
    let mut found = Vec::new();
    for ((a, b), edges) in pairs {
        found.extend(direction_dispute(graph, (a, b), &edges));
        found.extend(ways_dispute(graph, (a, b), &edges));
    }
    for (key, by_paper) in lists {
        let items: IndexMap<String, Vec<NodeIndex>> = by_paper
            .iter()
            .map(|(p, (items, _))| (p.clone(), items.clone()))
            .collect();
        let evidence: IndexMap<String, Vec<ClaimRef>> = by_paper
            .into_iter()
            .map(|(p, (_, evidence))| (p, evidence))
            .collect();
        // Worded once there is a dispute, as most of its claims are written:
        // `relies-on ->` rather than the same list read as `premise-of <-`.
        let property = |evidence: &[ClaimRef]| wording(graph, key, evidence);
        found.extend(lists::list_dispute(
            graph,
            vec![key.0],
            &property,
            &items,
            &evidence,
        ));
    }
    found
}

/// How the claims of the list `key` are mostly written: a kind and the direction from
/// the list's concept (`relies-on ->`); the first written wins a tie.
fn wording(
    graph: &ConceptGraph,
    (centre, read_as, incoming): ListKey,
    evidence: &[ClaimRef],
) -> String {
    let mut counts: Vec<((usize, bool), usize)> = Vec::new();
    for item in evidence {
        let ClaimRef::Relation(edge) = *item else {
            continue;
        };
        let kind = graph.kind_index(edge);
        let written = (kind, graph.relation(edge).to == centre);
        match counts.iter_mut().find(|(w, _)| *w == written) {
            Some((_, n)) => *n += 1,
            None => counts.push((written, 1)),
        }
    }
    let mut best = ((read_as, incoming), 0);
    for &(written, n) in &counts {
        if n > best.1 {
            best = (written, n);
        }
    }
    let ((kind, to_centre), _) = best;
    let name = graph
        .schema()
        .relation_kinds
        .get_index(kind)
        .map_or("", |(name, _)| name.as_str());
    format!("{name} {}", if to_centre { "<-" } else { "->" })
}

fn verdict(graph: &ConceptGraph, a: EdgeIndex, b: EdgeIndex) -> Verdict {
    judge(
        graph.schema().logic(),
        Claim::Relation(graph.relation(a)),
        Claim::Relation(graph.relation(b)),
    )
}

/// Two-way (a symmetric kind) in one paper, one-way in another, leaving out the
/// one-way claims a two-way one implies (promoting each other implies driving).
fn direction_dispute(
    graph: &ConceptGraph,
    (a, b): (NodeIndex, NodeIndex),
    edges: &[EdgeIndex],
) -> Option<Found> {
    let (two_way, one_way): (Vec<EdgeIndex>, Vec<EdgeIndex>) =
        edges.iter().partition(|&&e| kind_at(graph, e).symmetric);
    let one_way: Vec<EdgeIndex> = one_way
        .into_iter()
        .filter(|&one| !two_way.iter().any(|&two| verdict(graph, two, one).agrees()))
        .collect();
    if two_way.is_empty() || one_way.is_empty() {
        return None;
    }
    let labels = |edges: &[EdgeIndex]| -> String {
        let mut kinds: Vec<&str> = Vec::new();
        for &e in edges {
            let label = kind_at(graph, e).label.as_str();
            if !kinds.contains(&label) {
                kinds.push(label);
            }
        }
        kinds.join(", ")
    };
    let evidence = |edges: &[EdgeIndex]| edges.iter().map(|&e| ClaimRef::Relation(e)).collect();
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
                strength: Strength::Framing,
                subject: vec![a, b],
                topic: None,
                respect: None,
                property: None,
                sides,
            },
        )
    })
}

/// The ways one pair is related, one side per thing said (a relation and its inverse
/// read from the other end are one way). Ways the logic finds opposed, held by
/// different papers, are a contradiction; ways that neither agree nor conflict are
/// "related differently" (shown on request). Ways that only agree (one implies the
/// other) are no dispute.
fn ways_dispute(
    graph: &ConceptGraph,
    (a, b): (NodeIndex, NodeIndex),
    edges: &[EdgeIndex],
) -> Vec<Found> {
    let logic = graph.schema().logic();
    let mut ways: IndexMap<Statement, Vec<EdgeIndex>> = IndexMap::new();
    for &edge in edges {
        let relation: &Relation = graph.relation(edge);
        if let Some(&own) = logic.statements(graph.kind_index(edge), relation).first() {
            ways.entry(own).or_default().push(edge);
        }
    }
    let ways: Vec<Vec<EdgeIndex>> = ways.into_values().collect();
    let mut opposed: Vec<usize> = Vec::new();
    let mut differ = false;
    for (i, one) in ways.iter().enumerate() {
        for (j, other) in ways.iter().enumerate().skip(i + 1) {
            match verdict(graph, one[0], other[0]) {
                Verdict::Conflict => {
                    for k in [i, j] {
                        if !opposed.contains(&k) {
                            opposed.push(k);
                        }
                    }
                }
                v if !v.agrees() => differ = true,
                _ => {}
            }
        }
    }
    let sides_of = |chosen: &mut dyn Iterator<Item = &Vec<EdgeIndex>>| -> Vec<super::Side> {
        chosen
            .map(|edges| {
                let relation = graph.relation(edges[0]);
                let kind = kind_at(graph, edges[0]);
                let to = if relation.from == a { b } else { a };
                let answer = crate::arrow::line(
                    &graph.node(relation.from).label,
                    kind,
                    &graph.node(to).label,
                );
                side(
                    graph,
                    answer,
                    edges.iter().map(|&e| ClaimRef::Relation(e)).collect(),
                )
            })
            .collect()
    };
    let dispute = |kind: Kind, strength: Strength, sides: Vec<super::Side>| {
        papers_differ(&sides).then(|| {
            (
                edges[0].index(),
                Dispute {
                    kind,
                    strength,
                    subject: vec![a, b],
                    topic: None,
                    respect: None,
                    property: None,
                    sides,
                },
            )
        })
    };
    let mut found = Vec::new();
    opposed.sort_unstable();
    if opposed.len() > 1 {
        let sides = sides_of(&mut opposed.iter().map(|&i| &ways[i]));
        found.extend(dispute(Kind::Opposition, Strength::Contradiction, sides));
    }
    if differ {
        found.extend(dispute(
            Kind::RelatedDifferently,
            Strength::Related,
            sides_of(&mut ways.iter()),
        ));
    }
    found
}
