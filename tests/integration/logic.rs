//! The logic of relation kinds (src/logic): what the shipped schema declares, judged on
//! chosen pairs of claims, and properties of [`judge`] over random schemas and claims:
//! agreement is symmetric, an inverse agrees with its original, implication is
//! transitive, a stronger claim conflicts with whatever its consequence conflicts with,
//! and no claim conflicts with itself.

use linkage::{
    logic::{judge, Claim, Verdict},
    relation::{Positions, Relation},
    schema::Schema,
    DataSource,
};
use petgraph::graph::NodeIndex;
use proptest::prelude::*;
use serde_json::{json, Value};

/// A relation of `kind` from node `from` to node `to`, in respect of `scope`.
fn relation(kind: &str, from: usize, to: usize, scope: Option<usize>) -> Relation {
    Relation {
        kind: kind.into(),
        from: NodeIndex::new(from),
        to: NodeIndex::new(to),
        aspect: None,
        dimension: None,
        scope: scope.map(NodeIndex::new),
        positions: None,
        sources: Vec::new(),
        notes: Box::default(),
    }
}

fn shipped() -> Schema {
    linkage::load(&DataSource::Embedded)
        .unwrap()
        .graph
        .schema()
        .clone()
}

fn verdict(schema: &Schema, a: &Relation, b: &Relation) -> Verdict {
    judge(schema.logic(), Claim::Relation(a), Claim::Relation(b))
}

#[test]
fn the_shipped_logic_reads_inverses_implications_and_oppositions() {
    let schema = shipped();
    let v = |a: Relation, b: Relation| verdict(&schema, &a, &b);
    // A premise of B is B relying on A.
    assert_eq!(
        v(
            relation("premise-of", 0, 1, None),
            relation("relies-on", 1, 0, None)
        ),
        Verdict::Same
    );
    // ... and not A relying on B.
    assert_eq!(
        v(
            relation("premise-of", 0, 1, None),
            relation("relies-on", 0, 1, None)
        ),
        Verdict::Framing
    );
    // Promoting each other implies driving, either way round; driving, being related.
    assert_eq!(
        v(
            relation("mutually-promotes", 0, 1, None),
            relation("drives", 1, 0, None)
        ),
        Verdict::Implies
    );
    assert_eq!(
        v(
            relation("relates-to", 1, 0, None),
            relation("drives", 0, 1, None)
        ),
        Verdict::ImpliedBy
    );
    // Serving and hindering the same goal cannot both hold; nor relying on what
    // hinders (A premise of B, read from B).
    assert_eq!(
        v(
            relation("serves", 0, 1, None),
            relation("hinders", 0, 1, None)
        ),
        Verdict::Conflict
    );
    assert_eq!(
        v(
            relation("relies-on", 1, 0, None),
            relation("hinders", 0, 1, None)
        ),
        Verdict::Conflict
    );
    assert_eq!(
        v(
            relation("serves", 0, 1, None),
            relation("hinders", 1, 0, None)
        ),
        Verdict::Framing
    );
    // An asset for 2 (0 is a premise of 2) and a problem of 0's in respect of 2: a
    // contradiction; in no stated respect, a tension; in another respect, no dispute.
    assert_eq!(
        v(
            relation("premise-of", 0, 2, None),
            relation("problem-of", 1, 0, Some(2))
        ),
        Verdict::Conflict
    );
    assert_eq!(
        v(
            relation("premise-of", 0, 2, None),
            relation("problem-of", 1, 0, None)
        ),
        Verdict::Tension
    );
    assert_eq!(
        v(
            relation("premise-of", 0, 2, None),
            relation("problem-of", 1, 0, Some(3))
        ),
        Verdict::Unrelated
    );
    // A claim in a stated respect implies itself in none.
    assert_eq!(
        v(
            relation("drives", 0, 1, Some(3)),
            relation("drives", 0, 1, None)
        ),
        Verdict::Implies
    );
}

#[test]
fn common_ground_and_a_difference_conflict_only_in_one_stated_respect() {
    let schema = shipped();
    let compare = |kind: &str, scope: Option<usize>| {
        let mut r = relation(kind, 0, 1, scope);
        if kind == "common-ground" {
            r.aspect = Some(NodeIndex::new(2));
        } else {
            r.dimension = Some(NodeIndex::new(2));
            r.positions = Some(Box::new(Positions {
                from: "one".into(),
                to: "other".into(),
            }));
        }
        r
    };
    let shared = compare("common-ground", None);
    let different = compare("differs", None);
    assert_eq!(verdict(&schema, &shared, &different), Verdict::Framing);
    assert_eq!(
        verdict(
            &schema,
            &compare("common-ground", Some(3)),
            &compare("differs", Some(3))
        ),
        Verdict::Conflict
    );
    // Two papers naming the same difference, in other words, say the same thing.
    let mut reworded = compare("differs", None);
    reworded.positions = Some(Box::new(Positions {
        from: "another".into(),
        to: "wording".into(),
    }));
    let (from, to) = (reworded.from, reworded.to);
    (reworded.from, reworded.to) = (to, from);
    assert_eq!(verdict(&schema, &different, &reworded), Verdict::Same);
}

/// A random schema: five ordinary kinds allowing any node kind, some symmetric, with
/// random polarities, inverses, implications and oppositions; the ones the loader
/// refuses are skipped.
fn schema_json(
    polarity: &[usize],
    symmetric: &[bool],
    inverse: &[Option<usize>],
    implies: &[(usize, usize)],
    opposes: &[(usize, usize)],
) -> Value {
    let mut kinds = serde_json::Map::new();
    for i in 0..symmetric.len() {
        let mut kind = json!({
            "label": format!("k{i}"),
            "from": ["*"],
            "to": ["*"],
            "symmetric": symmetric[i],
            "polarity": POLARITIES[polarity[i]],
            "template": "{from} k {to}",
        });
        if let Some(j) = inverse[i] {
            kind["inverse"] = json!(format!("k{j}"));
        }
        let names = |pairs: &[(usize, usize)]| -> Vec<String> {
            pairs
                .iter()
                .filter(|(a, _)| *a == i)
                .map(|(_, b)| format!("k{b}"))
                .collect()
        };
        kind["implies"] = json!(names(implies));
        kind["opposes"] = json!(names(opposes));
        kinds.insert(format!("k{i}"), kind);
    }
    json!({"node_kinds": {"concept": {}}, "relation_kinds": kinds})
}

const KINDS: usize = 5;
const POLARITIES: [&str; 5] = ["neutral", "supports", "supported-by", "hinders", "faults"];

fn schemas() -> impl Strategy<Value = Schema> {
    (
        prop::collection::vec(prop::sample::select(vec![0usize, 0, 0, 1, 2, 3, 4]), KINDS),
        prop::collection::vec(prop::bool::weighted(0.3), KINDS),
        prop::collection::vec(prop::option::weighted(0.3, 0..KINDS), KINDS),
        prop::collection::vec((0..KINDS, 0..KINDS), 0..6),
        prop::collection::vec((0..KINDS, 0..KINDS), 0..3),
    )
        .prop_filter_map(
            "the loader refuses it",
            |(polarity, symmetric, inverse, implies, opposes)| {
                let value = schema_json(&polarity, &symmetric, &inverse, &implies, &opposes);
                let schema: Schema = serde_json::from_value(value).ok()?;
                schema.problems().is_empty().then_some(schema)
            },
        )
}

/// (kind, from, to, scope): three nodes, a scope among them or a fourth.
type Spec = (usize, usize, usize, Option<usize>);

fn claim() -> impl Strategy<Value = Spec> {
    (0..KINDS, 0usize..3, 0usize..3, prop::option::of(0usize..4))
        .prop_filter("a relation joins two nodes", |(_, a, b, _)| a != b)
}

fn build(spec: Spec) -> Relation {
    let (kind, from, to, scope) = spec;
    relation(&format!("k{kind}"), from, to, scope)
}

fn agrees_forward(v: Verdict) -> bool {
    matches!(v, Verdict::Same | Verdict::Implies)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn agreement_is_symmetric_and_no_claim_conflicts_with_itself(
        schema in schemas(),
        a in claim(),
        b in claim(),
    ) {
        let (a, b) = (build(a), build(b));
        prop_assert_eq!(verdict(&schema, &a, &a), Verdict::Same);
        prop_assert_eq!(verdict(&schema, &a, &b), verdict(&schema, &b, &a).mirrored());
    }

    #[test]
    fn an_inverse_or_a_symmetric_kind_read_backwards_says_the_same(
        schema in schemas(),
        a in claim(),
    ) {
        let (kind, from, to, scope) = a;
        let declared = schema.relation_kinds.get_index(kind).unwrap().1.clone();
        let backwards = if declared.symmetric {
            Some(format!("k{kind}"))
        } else {
            declared.inverse.clone().or_else(|| {
                schema
                    .relation_kinds
                    .iter()
                    .find(|(_, k)| k.inverse.as_deref() == Some(format!("k{kind}").as_str()))
                    .map(|(n, _)| n.clone())
            })
        };
        if let Some(name) = backwards {
            let original = build(a);
            let reversed = relation(&name, to, from, scope);
            prop_assert_eq!(verdict(&schema, &original, &reversed), Verdict::Same);
        }
    }

    #[test]
    fn implication_is_transitive_and_carries_conflict(
        schema in schemas(),
        a in claim(),
        b in claim(),
        c in claim(),
    ) {
        let (a, b, c) = (build(a), build(b), build(c));
        let ab = verdict(&schema, &a, &b);
        let bc = verdict(&schema, &b, &c);
        if agrees_forward(ab) && agrees_forward(bc) {
            prop_assert!(agrees_forward(verdict(&schema, &a, &c)));
        }
        if agrees_forward(ab) && bc == Verdict::Conflict {
            prop_assert_eq!(verdict(&schema, &a, &c), Verdict::Conflict);
        }
    }

    #[test]
    fn declared_implications_and_oppositions_hold(
        schema in schemas(),
        a in claim(),
    ) {
        let (kind, from, to, scope) = a;
        let declared = schema.relation_kinds.get_index(kind).unwrap().1.clone();
        let original = build(a);
        for weaker in &declared.implies {
            let implied = relation(weaker, from, to, scope);
            prop_assert!(agrees_forward(verdict(&schema, &original, &implied)));
        }
        for opposed in &declared.opposes {
            let other = relation(opposed, from, to, scope);
            prop_assert_eq!(verdict(&schema, &original, &other), Verdict::Conflict);
        }
    }
}

/// A user's own schema declares its logic (tests/fixtures/good-logic): an inverse read
/// from the other end is the same claim, a claim implying a weaker one agrees with it,
/// opposed kinds between one pair are a contradiction in `contested` and `position`.
#[test]
fn a_users_schema_declares_its_own_logic() {
    let dir = crate::common::fixture("good-logic");
    let dir = dir.to_str().unwrap();
    let (code, out, err) = crate::common::run(&["--data", dir, "check"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = crate::common::run(&["--data", dir, "contested", "--all", "--json"]);
    assert_eq!(code, 0, "{err}");
    let answer: Value = serde_json::from_str(&out).unwrap();
    let disputes = answer["disputes"].as_array().cloned().unwrap();
    // Tutoring: advances, advanced by (the same), touches (implied): no dispute.
    assert_eq!(disputes.len(), 1, "{out}");
    assert_eq!(disputes[0]["kind"], "opposition");
    assert_eq!(disputes[0]["strength"], "contradiction");
    let (code, out, err) = crate::common::run(&["--data", dir, "position", "ann", "--json"]);
    assert_eq!(code, 0, "{err}");
    let position: Value = serde_json::from_str(&out).unwrap();
    let tutoring = &position["claims"][0];
    let agree: Vec<(String, String)> = tutoring["agree"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["paper"].as_str().unwrap().to_string(),
                a["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        agree,
        [
            ("bo-2021".to_string(), "same".to_string()),
            ("cy-2022".to_string(), "implies".to_string())
        ]
    );
    let homework = &position["claims"][1];
    assert_eq!(homework["differ"][0]["verdict"], "conflict", "{homework}");
    assert_eq!(homework["disputes"][0]["strength"], "contradiction");
}
