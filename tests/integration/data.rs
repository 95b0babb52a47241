//! The encoded papers: each paper's key claims are present, attributed to it, and every
//! relation has a source whose quote is verified (see `core` for the quote check).

use serde_json::Value;

use crate::common::run;

fn export() -> Value {
    let (code, out, _) = run(&["export"]);
    assert_eq!(code, 0);
    serde_json::from_str(&out).unwrap()
}

/// Whether `paper` asserts `kind` between `from` and `to` (either way for symmetric
/// kinds), with `qualifier` as aspect or dimension when given.
fn asserts(
    data: &Value,
    paper: &str,
    kind: &str,
    from: &str,
    to: &str,
    qualifier: Option<&str>,
) -> bool {
    let symmetric = matches!(kind, "common-ground" | "differs" | "mutually-promotes");
    data["relations"].as_array().unwrap().iter().any(|r| {
        let forward = r["from"] == from && r["to"] == to;
        let backward = symmetric && r["from"] == to && r["to"] == from;
        r["kind"] == kind
            && (forward || backward)
            && qualifier.is_none_or(|q| r["aspect"] == q || r["dimension"] == q)
            && r["sources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["paper"] == paper)
    })
}

macro_rules! claims {
    ($($test:ident: $paper:literal => [$(($kind:literal, $from:literal, $to:literal $(, $q:literal)?)),* $(,)?];)*) => {$(
        #[test]
        fn $test() {
            let data = export();
            $(
                let qualifier: Option<&str> = None $(.or(Some($q)))?;
                assert!(
                    asserts(&data, $paper, $kind, $from, $to, qualifier),
                    "{} does not assert {} {} -> {} {:?}", $paper, $kind, $from, $to, qualifier
                );
            )*
        }
    )*};
}

claims! {
    wu_zhu_key_claims: "wu-zhu" => [
        ("drives", "poverty-politicization", "rural-social-policy"),
        ("transition-to", "political-potential-energy-of-poverty-control", "rural-social-governance-efficiency"),
        ("part-of", "value-publicity", "party-building-poverty-alleviation"),
        ("part-of", "urban-rural-income-gap", "urban-rural-gap"),
        ("serves", "rural-social-policy", "consolidate-poverty-alleviation-results"),
    ];
    organic_connection_key_claims: "organic-connection" => [
        ("common-ground", "tpa", "rr", "dim-theoretical-basis"),
        ("common-ground", "tpa", "rr", "dim-history"),
        ("mutually-promotes", "tpa", "rr"),
        ("transition-to", "absolute-poverty", "relative-poverty"),
        ("transition-to", "passive-handling", "active-innovation"),
        ("differs", "tpa", "rr", "dim-spatial-scope"),
        ("hinders", "challenge-group-coverage", "tpa-rr-connection"),
    ];
    bnu_dean_key_claims: "bnu-dean-2020" => [
        ("common-ground", "tpa", "rr", "dim-goals"),
        ("common-ground", "tpa", "rr", "dim-content"),
        ("common-ground", "tpa", "rr", "dim-mechanisms"),
        ("differs", "tpa", "rr", "dim-priority"),
        ("differs", "tpa", "rr", "dim-standards"),
        ("differs", "tpa", "rr", "dim-target-objects"),
        ("differs", "tpa", "rr", "dim-nature"),
        ("differs", "tpa", "rr", "dim-focus"),
        ("transition-to", "two-no-worries-three-guarantees", "rr-general-requirements"),
        ("transition-to", "industrial-poverty-alleviation", "industrial-revitalization"),
        ("part-of", "tpa", "rr"),
    ];
    tan_liu_huang_key_claims: "tan-liu-huang-2020" => [
        ("common-ground", "tpa", "rr", "dim-goals"),
        ("common-ground", "tpa", "rr", "dim-content"),
        ("common-ground", "tpa", "rr", "dim-main-body"),
        ("common-ground", "tpa", "rr", "dim-mechanisms"),
        ("differs", "tpa", "rr", "dim-priority"),
        ("differs", "tpa", "rr", "dim-target-objects"),
        ("differs", "tpa", "rr", "dim-nature"),
        ("differs", "tpa", "rr", "dim-focus"),
        ("premise-of", "tpa", "rr"),
        ("view-of", "view-transitionality", "rr"),
        ("transition-to", "five-level-secretaries-grasp-poverty-alleviation", "five-level-secretaries-grasp-revitalization"),
    ];
    hao_key_claims: "hao-2021" => [
        ("common-ground", "tpa", "rr", "dim-theoretical-basis"),
        ("common-ground", "tpa", "rr", "dim-function"),
        ("differs", "tpa", "rr", "dim-time"),
        ("differs", "tpa", "rr", "dim-nature"),
        ("differs", "tpa", "rr", "dim-goals"),
        ("differs", "tpa", "rr", "dim-target-objects"),
        ("differs", "tpa", "rr", "dim-general-requirements"),
        ("premise-of", "tpa", "rr"),
        ("continuation-of", "rr", "tpa"),
        ("extension-of", "rr", "tpa"),
        ("part-of", "tpa-strategic-goal", "rr-task-goal"),
        ("view-of", "view-successive-path-choices", "tpa"),
    ];
}

#[test]
fn hao_encodes_exactly_its_five_differences() {
    let data = export();
    let differs = data["relations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            r["kind"] == "differs"
                && r["sources"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|s| s["paper"] == "hao-2021")
        })
        .count();
    assert_eq!(differs, 5, "Hao 2.2.1–2.2.5");
}

#[test]
fn every_relation_has_a_sourced_quote_and_locator() {
    let data = export();
    for r in data["relations"].as_array().unwrap() {
        let sources = r["sources"].as_array().unwrap();
        assert!(!sources.is_empty(), "{r}");
        for s in sources {
            assert!(!s["quote"].as_str().unwrap().trim().is_empty(), "{r}");
            assert!(!s["locator"].as_str().unwrap().trim().is_empty(), "{r}");
        }
    }
}

#[test]
fn show_tpa_and_rr_summarise_what_the_papers_say() {
    for (name, label, zh) in [
        ("tpa", "Targeted poverty alleviation", "精准扶贫"),
        ("rr", "Rural revitalization", "乡村振兴"),
    ] {
        let (code, out, _) = run(&["show", name, "--brief"]);
        assert_eq!(code, 0);
        assert!(out.contains(label) && out.contains(zh));
        for paper in [
            "Hao (2021)",
            "Tan, Liu & Huang (2020)",
            "BNU Dean (2020)",
            "Organic connection",
        ] {
            assert!(out.contains(paper), "{name}: {paper} missing");
        }
    }
}
