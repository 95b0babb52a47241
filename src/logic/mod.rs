//! The logic of relation kinds, and the one judgement every comparison of papers rests
//! on: whether two claims agree, differ only in framing, pull against each other, or
//! cannot both hold ([`judge`]).
//!
//! The schema declares the logic (docs/data-format.md, "The logic of relation kinds"):
//! a kind's `inverse` says the same thing read from the other end (`A premise-of B` is
//! `B relies-on A`); `implies` names weaker kinds that every claim of it also makes
//! (`drives` implies `relates-to`); `opposes` names kinds that cannot hold between the
//! same ends (`hinders` against `serves`); a `symmetric` kind reads the same both ways.
//! [`check`] makes sure the declarations hold together before anything relies on them.
//!
//! From the declarations, [`Logic`] turns a claim into the [`Statement`]s it makes: its
//! own, in one normal form (an inverse read through the first-declared kind of its
//! pair, a symmetric kind's ends in order), then everything it implies. Two claims
//! agree when one's own statement is among the other's; they conflict when statements
//! of the two oppose, or when one casts a concept as an asset and the other as a
//! liability for the same thing ([`Worth`]: the kinds' polarity, in a respect).
//!
//! `contested`, `compare`, `position`, the quiz and the figures' dispute marks all ask
//! [`judge`], or group claims by [`Logic::statements`] and [`Logic::worth`], which
//! [`judge`] is made of, so that no two of them can disagree about what agrees.

pub mod check;

use indexmap::IndexMap;
use petgraph::graph::NodeIndex;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::{
    fact::Fact,
    relation::Relation,
    relation_kind::{Polarity, RelationKind, Role},
    symbol::Symbol,
};

/// A claim as [`judge`] compares it: a relation or a fact (with its sources; the
/// verdict reads only what is claimed, never who claims it).
#[derive(Debug, Clone, Copy)]
pub enum Claim<'g> {
    /// A relation between two concepts.
    Relation(&'g Relation),
    /// A value stated for one property of one concept.
    Fact(&'g Fact),
}

/// How two claims stand to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// They say the same thing: the same kind, its inverse read from the other end, a
    /// symmetric kind either way round, the same comparison (positions are the papers'
    /// words for it, not part of the claim), or the same value.
    Same,
    /// The first says more and implies the second (`drives` implies `relates-to`; a
    /// claim in a stated respect implies the same claim without one).
    Implies,
    /// The second implies the first.
    ImpliedBy,
    /// The same concepts (or the same comparison) seen differently; both can hold.
    Framing,
    /// One casts a concept as an asset, the other as a liability in a respect it does
    /// not state: they pull against each other, and the words leave open whether both
    /// answer the same question.
    Tension,
    /// They cannot both hold as stated: opposed kinds between the same ends; an asset
    /// and a liability for the same thing; common ground and a difference in the same
    /// aspect and the same stated respect; two values of one fact.
    Conflict,
    /// They are not about the same thing.
    Unrelated,
}

impl Verdict {
    /// Whether the two agree: the same claim, or one implied by the other.
    pub fn agrees(self) -> bool {
        matches!(self, Self::Same | Self::Implies | Self::ImpliedBy)
    }

    /// The verdict with the two claims swapped.
    #[must_use]
    pub fn mirrored(self) -> Self {
        match self {
            Self::Implies => Self::ImpliedBy,
            Self::ImpliedBy => Self::Implies,
            other => other,
        }
    }
}

/// One thing a relation says, in normal form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Statement {
    /// `from` is related to `to` by relation kind number `kind` (a kind that is no
    /// other's inverse read from the other end), in respect of `scope`. A symmetric
    /// kind has its ends in index order.
    Link {
        /// The kind, as its index in the schema.
        kind: u16,
        /// One end.
        from: NodeIndex,
        /// The other end.
        to: NodeIndex,
        /// The respect the claim is made in, when the data states one.
        scope: Option<NodeIndex>,
    },
    /// The two concepts (in index order) share an aspect or differ along a dimension.
    Compare {
        /// Common ground or difference.
        role: Role,
        /// The two concepts, in index order.
        pair: (NodeIndex, NodeIndex),
        /// The aspect or dimension.
        topic: NodeIndex,
        /// The respect the claim is made in, when the data states one.
        scope: Option<NodeIndex>,
    },
}

impl Statement {
    /// The two concepts the statement is about, in index order.
    pub fn ends(self) -> (NodeIndex, NodeIndex) {
        match self {
            Self::Link { from, to, .. } => (from.min(to), from.max(to)),
            Self::Compare { pair, .. } => pair,
        }
    }

    /// The same statement in no stated respect.
    #[must_use]
    pub fn unscoped(self) -> Self {
        match self {
            Self::Link { kind, from, to, .. } => Self::Link {
                kind,
                from,
                to,
                scope: None,
            },
            Self::Compare {
                role, pair, topic, ..
            } => Self::Compare {
                role,
                pair,
                topic,
                scope: None,
            },
        }
    }

    /// Whether the two are about the same question: the same two concepts related
    /// (two links), or the same comparison of the same pair (the same aspect or
    /// dimension).
    pub fn same_question(self, other: Self) -> bool {
        match (self, other) {
            (Self::Link { .. }, Self::Link { .. }) => self.ends() == other.ends(),
            (
                Self::Compare {
                    pair: p, topic: t, ..
                },
                Self::Compare {
                    pair: q, topic: u, ..
                },
            ) => p == q && t == u,
            _ => false,
        }
    }

    /// The statement's scope, if any.
    pub fn scope(self) -> Option<NodeIndex> {
        match self {
            Self::Link { scope, .. } | Self::Compare { scope, .. } => scope,
        }
    }
}

/// What a claim says of one concept's worth: an asset or a liability, for something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Worth {
    /// The concept.
    pub concept: NodeIndex,
    /// An asset (a foundation, support, driver or model) or a liability (an obstacle,
    /// or a concept found wanting).
    pub asset: bool,
    /// What it is an asset or a liability for: the relation's other end (X drives R,
    /// R relies on X, P hinders R), or the claim's stated `scope`; `None` for a fault
    /// (`problem-of`) whose respect the data does not state.
    pub respect: Option<NodeIndex>,
}

/// The logic of one relation kind, compiled.
#[derive(Debug, Clone)]
struct KindLogic {
    /// The kind this one is read as, and whether the ends swap on the way
    /// (`relies-on` is read as `premise-of`, ends swapped).
    canonical: (u16, bool),
    symmetric: bool,
    role: Role,
    polarity: Polarity,
    /// Every (canonical kind, ends swapped) that a claim of this kind also makes, its
    /// own reading excluded: the closure of `implies` through inverses and symmetry.
    entails: Vec<(u16, bool)>,
    /// Whether a claim of this kind casts something as a liability (its own polarity
    /// or an implied kind's): `contested` reads the worth of other claims only around
    /// those.
    casts_liability: bool,
}

/// The compiled logic of a schema's relation kinds
/// ([`Schema::logic`](crate::schema::Schema::logic)), which holds it.
#[derive(Debug, Clone, Default)]
pub struct Logic {
    /// Each kind's number (its index in the schema), by name, for [`judge`].
    numbers: FxHashMap<Symbol, usize>,
    kinds: Vec<KindLogic>,
    /// Opposed canonical kinds, both ways round: (a, b, ends swapped) means a claim
    /// `a(x, y)` cannot stand with `b(x, y)` (swapped: with `b(y, x)`).
    opposed: FxHashSet<(u16, u16, bool)>,
}

/// The index of a relation kind, as stored per edge.
fn index(i: usize) -> u16 {
    // Cannot fail: the loader refuses more kinds than a u16 counts.
    u16::try_from(i).unwrap_or(u16::MAX)
}

impl Logic {
    /// Compiles the logic of a schema's relation kinds, `kinds` (its
    /// `relation_kinds`). Names that are not kinds are skipped (the loader reports
    /// them: [`check`]).
    pub fn new(kinds: &IndexMap<String, RelationKind>) -> Self {
        let find = |name: &str| kinds.get_index_of(name).map(index);
        // Inverses, declared on either kind of a pair (or both).
        let mut inverse: Vec<Option<u16>> = vec![None; kinds.len()];
        for (i, kind) in kinds.values().enumerate() {
            if let Some(j) = kind.inverse.as_deref().and_then(find) {
                if usize::from(j) != i && !kind.symmetric && !kinds[usize::from(j)].symmetric {
                    inverse[i] = Some(j);
                    inverse[usize::from(j)].get_or_insert(index(i));
                }
            }
        }
        let canonical: Vec<(u16, bool)> = (0..kinds.len())
            .map(|i| match inverse[i] {
                Some(j) if usize::from(j) < i => (j, true),
                _ => (index(i), false),
            })
            .collect();
        let implied: Vec<Vec<u16>> = kinds
            .values()
            .map(|k| k.implies.iter().filter_map(|n| find(n)).collect())
            .collect();
        let liability = |p: Polarity| matches!(p, Polarity::Hinders | Polarity::Faults);
        let compiled = kinds
            .values()
            .enumerate()
            .map(|(i, kind)| {
                let entails = closure(index(i), kinds, &inverse, &implied, &canonical);
                let casts_liability = liability(kind.polarity)
                    || entails
                        .iter()
                        .any(|&(k, _)| liability(kinds[usize::from(k)].polarity));
                KindLogic {
                    canonical: canonical[i],
                    symmetric: kind.symmetric,
                    role: kind.role,
                    polarity: kind.polarity,
                    entails,
                    casts_liability,
                }
            })
            .collect();
        let mut logic = Self {
            numbers: kinds
                .keys()
                .enumerate()
                .map(|(i, name)| (Symbol::new(name), i))
                .collect(),
            kinds: compiled,
            opposed: FxHashSet::default(),
        };
        for (i, kind) in kinds.values().enumerate() {
            for j in kind.opposes.iter().filter_map(|n| find(n)) {
                let (a, a_swapped) = canonical[i];
                let (b, b_swapped) = canonical[usize::from(j)];
                // a(x, y) read canonically is c_a over (x, y) swapped by a_swapped; the
                // opposition holds between the two readings of the same (x, y).
                let swapped = a_swapped != b_swapped;
                logic.opposed.insert((a, b, swapped));
                logic.opposed.insert((b, a, swapped));
            }
        }
        logic
    }

    /// Whether a claim of kind number `kind` casts a concept as a liability ([`Worth`]
    /// with `asset` false), through its polarity or what it implies.
    pub fn casts_liability(&self, kind: usize) -> bool {
        self.kinds.get(kind).is_some_and(|k| k.casts_liability)
    }

    /// The kind of number `kind` as it is read, and whether its ends swap.
    pub fn canonical(&self, kind: usize) -> (usize, bool) {
        self.kinds.get(kind).map_or((kind, false), |k| {
            (usize::from(k.canonical.0), k.canonical.1)
        })
    }

    /// Whether kind number `kind` has a symmetric reading.
    fn symmetric(&self, kind: u16) -> bool {
        self.kinds
            .get(usize::from(kind))
            .is_some_and(|k| k.symmetric)
    }

    /// A link of canonical kind `kind` from `from` to `to`, in normal form.
    fn link(
        &self,
        kind: u16,
        from: NodeIndex,
        to: NodeIndex,
        scope: Option<NodeIndex>,
    ) -> Statement {
        let (from, to) = if self.symmetric(kind) && from > to {
            (to, from)
        } else {
            (from, to)
        };
        Statement::Link {
            kind,
            from,
            to,
            scope,
        }
    }

    /// What `relation` (of kind number `kind`) says: its own statement first, in
    /// normal form, then every statement it implies, each once. A claim in a stated
    /// respect also implies itself without one.
    pub fn statements(&self, kind: usize, relation: &Relation) -> Vec<Statement> {
        let Some(logic) = self.kinds.get(kind) else {
            return Vec::new();
        };
        let scope = relation.scope;
        let (from, to) = (relation.from, relation.to);
        let mut out = Vec::new();
        match logic.role {
            Role::CommonGround | Role::Difference => {
                if let Some(topic) = relation.aspect.or(relation.dimension) {
                    out.push(Statement::Compare {
                        role: logic.role,
                        pair: (from.min(to), from.max(to)),
                        topic,
                        scope,
                    });
                }
            }
            Role::Ordinary => {
                let (own, swapped) = logic.canonical;
                let ends = |swapped: bool| if swapped { (to, from) } else { (from, to) };
                let (x, y) = ends(swapped);
                out.push(self.link(own, x, y, scope));
                for &(kind, swapped) in &logic.entails {
                    let (x, y) = ends(swapped);
                    let implied = self.link(kind, x, y, scope);
                    if !out.contains(&implied) {
                        out.push(implied);
                    }
                }
            }
        }
        if scope.is_some() {
            for i in 0..out.len() {
                let unscoped = out[i].unscoped();
                if !out.contains(&unscoped) {
                    out.push(unscoped);
                }
            }
        }
        out
    }

    /// What `relation` (of kind number `kind`) says of the worth of its ends, read
    /// from everything it says ([`Logic::statements`]) through each kind's polarity:
    /// X supports R makes X an asset for R, R relies on X makes X one for R, P hinders
    /// R makes P a liability for R, P a problem of X makes X a liability in the
    /// claim's stated `scope`, else in no stated respect. A stated scope is a further
    /// respect of every reading (the measure X drives, and what the claim says it is
    /// for).
    pub fn worth(&self, kind: usize, relation: &Relation) -> Vec<Worth> {
        let scope = relation.scope;
        let mut out: Vec<Worth> = Vec::new();
        let mut add = |concept: NodeIndex, asset: bool, other: Option<NodeIndex>| {
            for respect in [other, scope] {
                let worth = Worth {
                    concept,
                    asset,
                    respect,
                };
                let pointless = respect.is_none() && (other.is_some() || scope.is_some());
                if !pointless && !out.contains(&worth) {
                    out.push(worth);
                }
            }
        };
        // The copies without the scope add nothing: every respect is already there.
        for statement in self.statements(kind, relation) {
            let Statement::Link {
                kind,
                from,
                to,
                scope: s,
            } = statement
            else {
                continue;
            };
            if s != scope {
                continue;
            }
            let Some(logic) = self.kinds.get(usize::from(kind)) else {
                continue;
            };
            match logic.polarity {
                Polarity::Neutral => {}
                Polarity::Supports => {
                    add(from, true, Some(to));
                    if logic.symmetric {
                        add(to, true, Some(from));
                    }
                }
                Polarity::SupportedBy => add(to, true, Some(from)),
                Polarity::Hinders => add(from, false, Some(to)),
                Polarity::Faults => add(to, false, None),
            }
        }
        out
    }

    /// Whether two links oppose each other: the same two concepts, joined by opposed
    /// kinds in the same direction (either, when either kind is symmetric).
    pub fn opposed(&self, one: Statement, other: Statement) -> bool {
        let (
            Statement::Link {
                kind: first_kind,
                from,
                to,
                ..
            },
            Statement::Link {
                kind: second_kind,
                from: other_from,
                to: other_to,
                ..
            },
        ) = (one, other)
        else {
            return false;
        };
        if one.ends() != other.ends() {
            return false;
        }
        let either_way = self.symmetric(first_kind) || self.symmetric(second_kind);
        let same_direction = (from, to) == (other_from, other_to);
        let opposed = |swapped: bool| self.opposed.contains(&(first_kind, second_kind, swapped));
        ((same_direction || either_way) && opposed(false))
            || ((!same_direction || either_way) && opposed(true))
    }

    /// The verdict on two relations of kind numbers `ka` and `kb`: [`judge`] for
    /// relations.
    pub fn judge_relations(
        &self,
        (ka, a): (usize, &Relation),
        (kb, b): (usize, &Relation),
    ) -> Verdict {
        let said_a = self.statements(ka, a);
        let said_b = self.statements(kb, b);
        let (Some(&own_a), Some(&own_b)) = (said_a.first(), said_b.first()) else {
            return Verdict::Unrelated;
        };
        match (said_a.contains(&own_b), said_b.contains(&own_a)) {
            (true, true) => return Verdict::Same,
            (true, false) => return Verdict::Implies,
            (false, true) => return Verdict::ImpliedBy,
            (false, false) => {}
        }
        let links_opposed = said_a
            .iter()
            .any(|&s| said_b.iter().any(|&t| self.opposed(s, t)));
        if links_opposed || comparisons_opposed(own_a, own_b) {
            return Verdict::Conflict;
        }
        let mut tension = false;
        for x in self.worth(ka, a) {
            for y in self.worth(kb, b) {
                if x.concept != y.concept || x.asset == y.asset {
                    continue;
                }
                match (x.respect, y.respect) {
                    (Some(r), Some(s)) if r == s => return Verdict::Conflict,
                    (Some(_), Some(_)) => {}
                    _ => tension = true,
                }
            }
        }
        if tension {
            Verdict::Tension
        } else if own_a.same_question(own_b) {
            Verdict::Framing
        } else {
            Verdict::Unrelated
        }
    }
}

/// Common ground against a difference in the same aspect of the same pair, both in the
/// same stated respect. Without a stated respect the two can both hold (shared in one
/// respect, different in another): a framing.
fn comparisons_opposed(one: Statement, other: Statement) -> bool {
    match (one, other) {
        (
            Statement::Compare {
                role,
                scope: Some(scope),
                ..
            },
            Statement::Compare {
                role: other_role,
                scope: Some(other_scope),
                ..
            },
        ) => role != other_role && scope == other_scope && one.same_question(other),
        _ => false,
    }
}

/// Every (canonical kind, ends swapped) a claim of kind `start` makes besides its own
/// reading: a walk over `implies` (same ends), inverses (ends swapped) and symmetric
/// kinds (either way round). Linear in the kinds and declarations reached.
fn closure(
    start: u16,
    kinds: &IndexMap<String, RelationKind>,
    inverse: &[Option<u16>],
    implied: &[Vec<u16>],
    canonical: &[(u16, bool)],
) -> Vec<(u16, bool)> {
    let symmetric = |k: u16| kinds[usize::from(k)].symmetric;
    let mut seen: FxHashSet<(u16, bool)> = FxHashSet::default();
    let mut stack = vec![(start, false)];
    if symmetric(start) {
        stack.push((start, true));
    }
    while let Some((kind, swapped)) = stack.pop() {
        if !seen.insert((kind, swapped)) {
            continue;
        }
        let k = usize::from(kind);
        for &next in &implied[k] {
            stack.push((next, swapped));
        }
        if let Some(inv) = inverse[k] {
            stack.push((inv, !swapped));
        }
        if symmetric(kind) {
            stack.push((kind, !swapped));
        }
    }
    let own = canonical[usize::from(start)];
    let mut out: Vec<(u16, bool)> = Vec::new();
    for (kind, swapped) in seen {
        let (c, c_swapped) = canonical[usize::from(kind)];
        let reading = (c, swapped != c_swapped);
        let is_own = c == own.0 && (reading.1 == own.1 || symmetric(c));
        if !is_own && !out.contains(&reading) {
            out.push(reading);
        }
    }
    // Deterministic: the set's order is not.
    out.sort_unstable();
    out
}

/// Whether two claims agree, differ only in framing, pull against each other, or
/// cannot both hold: the one judgement `contested`, `compare`, `position`, the quiz and
/// the figures rest on. Reads only what the claims say, through `logic`, the schema's
/// compiled logic of relation kinds
/// ([`Schema::logic`](crate::schema::Schema::logic)); who says it plays no part.
///
/// Two facts about the same property of the same concept are the same when their
/// values are, and conflict otherwise; a fact and a relation are unrelated.
pub fn judge(logic: &Logic, a: Claim<'_>, b: Claim<'_>) -> Verdict {
    match (a, b) {
        (Claim::Relation(x), Claim::Relation(y)) => {
            let kind = |r: &Relation| logic.numbers.get(&r.kind).copied();
            let (Some(kx), Some(ky)) = (kind(x), kind(y)) else {
                return Verdict::Unrelated;
            };
            logic.judge_relations((kx, x), (ky, y))
        }
        (Claim::Fact(x), Claim::Fact(y)) => {
            if x.subject != y.subject || x.property != y.property {
                Verdict::Unrelated
            } else if x.value.same_as(&y.value) {
                Verdict::Same
            } else {
                Verdict::Conflict
            }
        }
        _ => Verdict::Unrelated,
    }
}
