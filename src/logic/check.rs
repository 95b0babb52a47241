//! Checks the logic a schema declares (`inverse`, `implies`, `opposes`) before anything
//! relies on it: every name a relation kind; only ordinary kinds take part (common
//! ground and difference have their own logic, by role); an inverse mirrors its kind's
//! node kinds and polarity and is not also another's; an implied kind allows every
//! node kind the implying one does, and implication never runs in a circle; opposed
//! kinds can meet, and no kind implies a thing and its opposite.
//!
//! Each problem is (JSON pointer into the schema, message); the loader turns the
//! pointer into a line and column of schema.json.

use std::collections::BTreeSet;

use indexmap::IndexMap;

use crate::{
    relation_kind::{Polarity, RelationKind, Role},
    spelling::closest,
};

use super::{Logic, Statement};

/// A problem: where in the schema, and what.
type Problem = (String, String);

/// What the checks read of a schema: its node kinds' names (for `*`) and its relation
/// kinds.
struct Declared<'s> {
    node_kinds: Vec<&'s str>,
    relation_kinds: &'s IndexMap<String, RelationKind>,
}

/// Every problem with the logic a schema declares: its relation kinds,
/// `relation_kinds`, between its node kinds, `node_kinds`.
pub(crate) fn problems<'s>(
    node_kinds: impl Iterator<Item = &'s str>,
    relation_kinds: &'s IndexMap<String, RelationKind>,
) -> Vec<Problem> {
    let schema = &Declared {
        node_kinds: node_kinds.collect(),
        relation_kinds,
    };
    let mut problems = Vec::new();
    names(schema, &mut problems);
    if !problems.is_empty() {
        // The checks below read the names; an unknown one would be reported again.
        return problems;
    }
    roles(schema, &mut problems);
    inverses(schema, &mut problems);
    implications(schema, &mut problems);
    if !problems.is_empty() {
        return problems;
    }
    oppositions(schema, &mut problems);
    problems
}

/// Each (field, index in the list or `None`, name) a kind declares.
fn declared(kind: &RelationKind) -> impl Iterator<Item = (&'static str, Option<usize>, &str)> {
    let inverse = kind.inverse.iter().map(|n| ("inverse", None, n.as_str()));
    let implies = kind
        .implies
        .iter()
        .enumerate()
        .map(|(i, n)| ("implies", Some(i), n.as_str()));
    let opposes = kind
        .opposes
        .iter()
        .enumerate()
        .map(|(i, n)| ("opposes", Some(i), n.as_str()));
    inverse.chain(implies).chain(opposes)
}

fn pointer(kind: &str, field: &str, i: Option<usize>) -> String {
    match i {
        Some(i) => format!("/relation_kinds/{kind}/{field}/{i}"),
        None => format!("/relation_kinds/{kind}/{field}"),
    }
}

/// Every name a relation kind.
fn names(schema: &Declared<'_>, problems: &mut Vec<Problem>) {
    let known = || schema.relation_kinds.keys().map(String::as_str);
    for (name, kind) in schema.relation_kinds {
        for (field, i, other) in declared(kind) {
            if schema.relation_kinds.contains_key(other) {
                continue;
            }
            let near = closest(other, known(), 3);
            let hint = if near.is_empty() {
                format!("relation kinds: {}", known().collect::<Vec<_>>().join(", "))
            } else {
                format!("did you mean `{}`?", near.join("`, `"))
            };
            problems.push((
                pointer(name, field, i),
                format!("`{field}` of relation kind `{name}` names unknown relation kind `{other}`; {hint}"),
            ));
        }
    }
}

/// Only ordinary kinds take part in the logic.
fn roles(schema: &Declared<'_>, problems: &mut Vec<Problem>) {
    for (name, kind) in schema.relation_kinds {
        for (field, i, other) in declared(kind) {
            let other_role = schema.relation_kinds[other].role;
            let comparison = [(name.as_str(), kind.role), (other, other_role)]
                .into_iter()
                .find(|(_, role)| *role != Role::Ordinary);
            if let Some((which, _)) = comparison {
                problems.push((
                    pointer(name, field, i),
                    format!(
                        "`{which}` compares (its role is not `ordinary`): common ground and differences take no `{field}`; their logic is their role's"
                    ),
                ));
            }
        }
    }
}

/// The node kinds a relation kind allows at one end, `*` spelled out.
fn allowed<'s>(schema: &'s Declared<'_>, list: &'s [crate::symbol::Symbol]) -> BTreeSet<&'s str> {
    if list.iter().any(|k| k.as_str() == "*") {
        schema.node_kinds.iter().copied().collect()
    } else {
        list.iter().map(|k| k.as_str()).collect()
    }
}

fn missing(wanted: &BTreeSet<&str>, have: &BTreeSet<&str>) -> Vec<String> {
    wanted.difference(have).map(|k| (*k).to_string()).collect()
}

/// Inverses: not of itself, not of a symmetric kind, one per kind, mirrored node kinds
/// and polarity.
fn inverses(schema: &Declared<'_>, problems: &mut Vec<Problem>) {
    let kinds = schema.relation_kinds;
    // The kind each inverse was first claimed by.
    let mut partner: indexmap::IndexMap<&str, &str> = indexmap::IndexMap::new();
    for (name, kind) in kinds {
        let Some(other) = kind.inverse.as_deref() else {
            continue;
        };
        let at = pointer(name, "inverse", None);
        let inverse = &kinds[other];
        if other == name {
            problems.push((
                at,
                format!("`{name}` is its own inverse: declare it `\"symmetric\": true` instead"),
            ));
            continue;
        }
        if let Some(symmetric) = [(name.as_str(), kind), (other, inverse)]
            .into_iter()
            .find(|(_, k)| k.symmetric)
            .map(|(n, _)| n)
        {
            problems.push((
                at,
                format!(
                    "`{symmetric}` is symmetric: it reads the same both ways and has no inverse"
                ),
            ));
            continue;
        }
        if let Some(back) = inverse.inverse.as_deref().filter(|back| back != name) {
            problems.push((
                at,
                format!("`{name}` names `{other}` as its inverse, but `{other}` names `{back}`"),
            ));
            continue;
        }
        let mut clash = |kind: &'_ str, claimed_by: &'_ str| {
            problems.push((
                pointer(name, "inverse", None),
                format!("`{kind}` would be the inverse of both `{claimed_by}` and `{name}`: a kind has one inverse"),
            ));
        };
        match partner.get(other) {
            Some(&first) if first != name.as_str() => {
                clash(other, first);
                continue;
            }
            _ => {}
        }
        match partner.get(name.as_str()) {
            Some(&first) if first != other => {
                clash(name, first);
                continue;
            }
            _ => {}
        }
        partner.insert(other, name);
        partner.insert(name, other);
        if kinds.get_index_of(other) < kinds.get_index_of(name.as_str())
            && inverse.inverse.is_some()
        {
            // Declared on both: checked once, at the first.
            continue;
        }
        let (from, to) = (allowed(schema, &kind.from), allowed(schema, &kind.to));
        let (inv_from, inv_to) = (allowed(schema, &inverse.from), allowed(schema, &inverse.to));
        if from != inv_to || to != inv_from {
            let mut differences = Vec::new();
            for (end, mine, inv_end, theirs) in [
                ("from", &from, "to", &inv_to),
                ("to", &to, "from", &inv_from),
            ] {
                let only_mine = missing(mine, theirs);
                let only_theirs = missing(theirs, mine);
                if !only_mine.is_empty() {
                    differences.push(format!(
                        "`{name}` allows {} at `{end}`, `{other}` not at `{inv_end}`",
                        only_mine.join(", ")
                    ));
                }
                if !only_theirs.is_empty() {
                    differences.push(format!(
                        "`{other}` allows {} at `{inv_end}`, `{name}` not at `{end}`",
                        only_theirs.join(", ")
                    ));
                }
            }
            problems.push((
                pointer(name, "inverse", None),
                format!(
                    "`{name}` and its inverse `{other}` must allow mirrored node kinds (one's `from` the other's `to`): {}",
                    differences.join("; ")
                ),
            ));
        }
        if kind.polarity.mirrored() != Some(inverse.polarity) {
            let wanted = kind.polarity.mirrored().map_or_else(
                || "no polarity has that mirror: an obstacle or a fault has no inverse".to_string(),
                |p| format!("its inverse must be `{}`", polarity_name(p)),
            );
            problems.push((
                pointer(name, "inverse", None),
                format!(
                    "`{name}` has polarity `{}` and its inverse `{other}` `{}`: the same claim read from the other end must say the same of its ends' worth; {wanted}",
                    polarity_name(kind.polarity),
                    polarity_name(inverse.polarity)
                ),
            ));
        }
    }
}

fn polarity_name(polarity: Polarity) -> &'static str {
    match polarity {
        Polarity::Neutral => "neutral",
        Polarity::Supports => "supports",
        Polarity::SupportedBy => "supported-by",
        Polarity::Hinders => "hinders",
        Polarity::Faults => "faults",
    }
}

/// The kind of `name`'s inverse pair read first: implications declared on either kind
/// of a pair are implications of the pair.
fn pair_head<'s>(schema: &'s Declared<'_>, name: &'s str) -> &'s str {
    let kinds = schema.relation_kinds;
    let inverse = kinds[name].inverse.as_deref().or_else(|| {
        kinds
            .iter()
            .find(|(_, k)| k.inverse.as_deref() == Some(name))
            .map(|(n, _)| n.as_str())
    });
    match inverse {
        Some(other) if kinds.get_index_of(other) < kinds.get_index_of(name) => other,
        _ => name,
    }
}

/// Implications: not of itself or its inverse, to kinds that allow at least its node
/// kinds, never in a circle.
fn implications(schema: &Declared<'_>, problems: &mut Vec<Problem>) {
    let kinds = schema.relation_kinds;
    for (name, kind) in kinds {
        for (i, weaker) in kind.implies.iter().enumerate() {
            let at = pointer(name, "implies", Some(i));
            if weaker == name {
                problems.push((at, format!("`{name}` implies itself")));
                continue;
            }
            if pair_head(schema, weaker) == pair_head(schema, name) {
                problems.push((
                    at,
                    format!("`{name}` implies its own inverse `{weaker}`: the relation would hold both ways; declare it `\"symmetric\": true` instead"),
                ));
                continue;
            }
            let implied = &kinds[weaker.as_str()];
            let (mut from, mut to) = (allowed(schema, &kind.from), allowed(schema, &kind.to));
            if kind.symmetric && !implied.symmetric {
                // A symmetric claim implies the weaker one both ways round.
                from.extend(to.iter().copied());
                to.clone_from(&from);
            }
            let lacking: Vec<String> = [
                ("from", missing(&from, &allowed(schema, &implied.from))),
                ("to", missing(&to, &allowed(schema, &implied.to))),
            ]
            .into_iter()
            .filter(|(_, lack)| !lack.is_empty())
            .map(|(end, lack)| format!("{} at `{end}`", lack.join(", ")))
            .collect();
            if !lacking.is_empty() {
                problems.push((
                    at,
                    format!(
                        "`{name}` implies `{weaker}`, but `{weaker}` does not allow every node kind `{name}` does: {}; every `{name}` claim must be a `{weaker}` claim too",
                        lacking.join("; ")
                    ),
                ));
            }
        }
    }
    circles(schema, problems);
}

/// Implication running in a circle, over inverse pairs (a kind and its inverse are
/// one node): each circle reported once, at its first kind.
fn circles(schema: &Declared<'_>, problems: &mut Vec<Problem>) {
    let kinds = schema.relation_kinds;
    let heads: Vec<&str> = kinds.keys().map(|n| pair_head(schema, n)).collect();
    let next = |head: &str| -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for (i, (_, kind)) in kinds.iter().enumerate() {
            if heads[i] == head {
                for weaker in &kind.implies {
                    let to = pair_head(schema, weaker);
                    if to != head && !out.contains(&to) {
                        out.push(to);
                    }
                }
            }
        }
        out
    };
    let mut reported: Vec<BTreeSet<&str>> = Vec::new();
    for (name, _) in kinds {
        let start = pair_head(schema, name);
        if start != name.as_str() {
            continue;
        }
        // Depth-first from `start`, looking for a way back to it.
        let mut stack: Vec<(Vec<&str>, usize)> = vec![(vec![start], 0)];
        let mut visited: BTreeSet<&str> = BTreeSet::new();
        while let Some((path, child)) = stack.pop() {
            let last = *path.last().expect("a path is never empty");
            let children = next(last);
            let Some(&n) = children.get(child) else {
                continue;
            };
            stack.push((path.clone(), child + 1));
            if n == start {
                let members: BTreeSet<&str> = path.iter().copied().collect();
                if !reported.contains(&members) {
                    let mut circle = path.clone();
                    circle.push(start);
                    // The first declaration on the circle (on a kind or its inverse).
                    let at = kinds
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| members.contains(heads[*i]))
                        .find_map(|(_, (name, kind))| {
                            kind.implies
                                .iter()
                                .position(|w| members.contains(pair_head(schema, w)))
                                .map(|i| pointer(name, "implies", Some(i)))
                        })
                        .unwrap_or_else(|| format!("/relation_kinds/{start}"));
                    problems.push((
                        at,
                        format!(
                            "implication runs in a circle: {}; a kind cannot be stronger and weaker than another",
                            circle.join(" ⇒ ")
                        ),
                    ));
                    reported.push(members);
                }
            } else if visited.insert(n) {
                let mut longer = path;
                longer.push(n);
                stack.push((longer, 0));
            }
        }
    }
}

/// Oppositions: not of itself or of what it implies (or is implied by), between kinds
/// that can join the same two concepts, and no kind implying two opposed ones.
fn oppositions(schema: &Declared<'_>, problems: &mut Vec<Problem>) {
    let kinds = schema.relation_kinds;
    let logic = Logic::new(kinds);
    let (x, y) = (
        petgraph::graph::NodeIndex::new(0),
        petgraph::graph::NodeIndex::new(1),
    );
    let claim = |kind: usize| -> crate::relation::Relation {
        let name = kinds
            .get_index(kind)
            .map(|(n, _)| n.as_str())
            .unwrap_or_default();
        crate::relation::Relation {
            kind: name.into(),
            from: x,
            to: y,
            aspect: None,
            dimension: None,
            scope: None,
            positions: None,
            sources: Vec::new(),
            notes: Box::default(),
        }
    };
    let probe = |kind: usize| -> Vec<Statement> { logic.statements(kind, &claim(kind)) };
    // Kinds already reported for opposing what they imply: their contradicting
    // themselves is the same mistake, reported once.
    let mut reported: BTreeSet<&str> = BTreeSet::new();
    for (i, (name, kind)) in kinds.iter().enumerate() {
        for (n, other) in kind.opposes.iter().enumerate() {
            let at = pointer(name, "opposes", Some(n));
            let j = kinds
                .get_index_of(other.as_str())
                .expect("names are checked first");
            if i == j {
                problems.push((at, format!("`{name}` opposes itself")));
                continue;
            }
            let (mine, theirs) = (probe(i), probe(j));
            if mine.contains(&theirs[0]) || theirs.contains(&mine[0]) {
                reported.extend([name.as_str(), other.as_str()]);
                problems.push((
                    at,
                    format!("`{name}` opposes `{other}`, but one implies the other: a claim would contradict what it implies"),
                ));
                continue;
            }
            let that = &kinds[j];
            let meets = |a: &[crate::symbol::Symbol], b: &[crate::symbol::Symbol]| {
                !allowed(schema, a).is_disjoint(&allowed(schema, b))
            };
            let same_way = meets(&kind.from, &that.from) && meets(&kind.to, &that.to);
            let other_way = (kind.symmetric || that.symmetric)
                && meets(&kind.from, &that.to)
                && meets(&kind.to, &that.from);
            if !same_way && !other_way {
                problems.push((
                    at,
                    format!(
                        "`{name}` opposes `{other}`, but no two concepts can be joined by both: `{name}` allows {} → {}, `{other}` {} → {}",
                        list(schema, &kind.from),
                        list(schema, &kind.to),
                        list(schema, &that.from),
                        list(schema, &that.to)
                    ),
                ));
            }
        }
    }
    for (i, (name, kind)) in kinds.iter().enumerate() {
        if reported.contains(name.as_str()) {
            continue;
        }
        let said = probe(i);
        let clash = said.iter().enumerate().find_map(|(n, &a)| {
            said[n + 1..]
                .iter()
                .find(|&&b| logic.opposed(a, b))
                .map(|&b| (a, b))
        });
        let kind_name = |s: Statement| match s {
            Statement::Link { kind, .. } => kinds
                .get_index(usize::from(kind))
                .map_or("?", |(n, _)| n.as_str()),
            Statement::Compare { .. } => "?",
        };
        let field = if kind.implies.is_empty() {
            "inverse"
        } else {
            "implies"
        };
        // Polarities that clash through implication: a claim casting one end both as
        // an asset and as a liability for the same thing (`supports` implying a
        // `hinders` kind the same way round) contradicts itself as surely as a
        // declared opposition does.
        let worth = logic.worth(i, &claim(i));
        let torn = worth.iter().any(|w| {
            w.respect.is_some()
                && worth
                    .iter()
                    .any(|v| (v.concept, v.respect) == (w.concept, w.respect) && v.asset != w.asset)
        });
        if clash.is_none() && torn {
            let polar: Vec<String> = said
                .iter()
                .map(|&s| kind_name(s))
                .filter(|k| {
                    kinds
                        .get(*k)
                        .is_some_and(|k| k.polarity != Polarity::Neutral)
                })
                .map(|k| format!("`{k}` ({})", polarity_name(kinds[k].polarity)))
                .collect();
            problems.push((
                pointer(name, field, None),
                format!(
                    "every `{name}` claim would contradict itself: through what it implies it casts one concept both as an asset and as a liability for the same thing: {}",
                    polar.join(", ")
                ),
            ));
        }
        if let Some((a, b)) = clash {
            problems.push((
                pointer(name, field, None),
                format!(
                    "every `{name}` claim would contradict itself: it says `{}` and `{}`, which oppose each other",
                    kind_name(a),
                    kind_name(b)
                ),
            ));
        }
    }
}

fn list(schema: &Declared<'_>, kinds: &[crate::symbol::Symbol]) -> String {
    allowed(schema, kinds)
        .into_iter()
        .collect::<Vec<_>>()
        .join("|")
}
