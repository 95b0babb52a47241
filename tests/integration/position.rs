//! `linkage position PAPER`: snapshots of the five papers' positions (each read against
//! the texts, data/README.md "Disputes checked"), and the rule that a paper is named
//! as agreeing only for a claim the logic finds the same or implied, checked against an
//! oracle that compares every claim with every other paper's every claim.

use linkage::{
    dot::Lang,
    logic::{judge, Claim, Verdict},
    query::{contested::ClaimRef, position::position, Budget, Stop},
    DataSource,
};
use serde_json::Value;

use crate::common::run;

const PAPERS: [&str; 5] = [
    "wu-zhu",
    "organic-connection",
    "bnu-dean-2020",
    "tan-liu-huang-2020",
    "hao-2021",
];

/// Columns a line takes in a terminal: wide characters two.
fn width(line: &str) -> usize {
    line.chars()
        .map(|c| {
            if ('\u{2e80}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c) {
                2
            } else {
                1
            }
        })
        .sum()
}

#[test]
fn the_position_of_each_paper() {
    for paper in PAPERS {
        let (code, out, err) = run(&["position", paper]);
        assert_eq!(code, 0, "{err}");
        for line in out.lines() {
            assert!(width(line) <= 80, "{paper}: {line}");
        }
        // Names, not ids, in what people read.
        assert!(!out.contains("tpa-rr-connection"), "{paper}");
        insta::assert_snapshot!(format!("position-{paper}"), out);
    }
}

/// Sound and complete: a paper is listed as agreeing with a claim exactly when it makes
/// a claim the logic finds the same as it, implied by it or implying it (or gives the
/// claim itself). The oracle compares each claim with every relation and fact of the
/// dataset, not only those about the claim's concepts.
#[test]
fn a_paper_agrees_only_where_it_makes_the_same_or_an_implied_claim() {
    let graph = linkage::load(&DataSource::Embedded).unwrap().graph;
    let schema = graph.schema();
    let every: Vec<(ClaimRef, Vec<String>)> = graph
        .relations()
        .map(|(edge, r)| {
            (
                ClaimRef::Relation(edge),
                r.papers().into_iter().map(String::from).collect(),
            )
        })
        .chain(graph.facts().iter().enumerate().map(|(i, f)| {
            (
                ClaimRef::Fact(i),
                f.papers().into_iter().map(String::from).collect(),
            )
        }))
        .collect();
    let claim = |e: ClaimRef| match e {
        ClaimRef::Relation(edge) => Claim::Relation(graph.relation(edge)),
        ClaimRef::Fact(i) => Claim::Fact(&graph.facts()[i]),
    };
    for paper in PAPERS {
        let found = position(&graph, paper, None, Budget::default());
        for (i, own) in found.claims.iter().enumerate() {
            let mut expected: Vec<&str> = Vec::new();
            for (other, papers) in &every {
                let agrees = *other == own.claim
                    || judge(schema.logic(), claim(own.claim), claim(*other)).agrees();
                if agrees {
                    for p in papers.iter().filter(|p| p.as_str() != paper) {
                        if !expected.contains(&p.as_str()) {
                            expected.push(p);
                        }
                    }
                }
            }
            let mut listed: Vec<&str> = own.agreeing().into_iter().map(|(p, _)| p).collect();
            for (p, stance) in own.agreeing() {
                let holds = every
                    .iter()
                    .any(|(e, papers)| *e == stance.claim && papers.iter().any(|q| q == p));
                assert!(holds, "{paper} claim {}: {p} does not make it", i + 1);
                assert!(stance.verdict.agrees(), "{paper} claim {}", i + 1);
            }
            expected.sort_unstable();
            listed.sort_unstable();
            assert_eq!(listed, expected, "{paper} claim {}", i + 1);
            // A paper listed as differing agrees in none of its claims.
            for (p, stances) in own.differing() {
                assert!(!expected.contains(&p), "{paper} claim {}: {p}", i + 1);
                assert!(stances.iter().all(|s| s.verdict != Verdict::Unrelated));
            }
        }
    }
}

#[test]
fn every_summary_sentence_rests_on_claims_of_the_paper() {
    for paper in PAPERS {
        let (code, out, err) = run(&["position", paper, "--json"]);
        assert_eq!(code, 0, "{err}");
        let json: Value = serde_json::from_str(&out).unwrap();
        let claims = json["claims"].as_array().unwrap().len();
        let summary = json["summary"].as_array().unwrap();
        assert!(!summary.is_empty(), "{paper}");
        for sentence in summary {
            let backing = sentence["claims"].as_array().unwrap();
            assert!(!backing.is_empty(), "{paper}: {sentence}");
            for n in backing {
                let n = usize::try_from(n.as_u64().unwrap()).unwrap();
                assert!((1..=claims).contains(&n), "{paper}: {sentence}");
            }
        }
        for (i, claim) in json["claims"].as_array().unwrap().iter().enumerate() {
            assert_eq!(claim["number"], i + 1);
            for other in claim["agree"].as_array().unwrap() {
                let verdict = other["verdict"].as_str().unwrap();
                assert!(
                    ["same", "implies", "implied-by"].contains(&verdict),
                    "{other}"
                );
                assert!(other["claim"]["papers"]
                    .as_array()
                    .unwrap()
                    .contains(&other["paper"]));
            }
        }
    }
}

#[test]
fn an_unknown_paper_is_bad_usage_and_batch_answers_position() {
    let (code, _, err) = run(&["position", "nobody-1999"]);
    assert_eq!(code, 2);
    assert!(err.contains("nobody-1999"), "{err}");
    let mut cmd = crate::common::linkage();
    let output = cmd
        .arg("batch")
        .write_stdin("position wu-zhu\n")
        .output()
        .unwrap();
    let line = String::from_utf8_lossy(&output.stdout);
    let answer: Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert_eq!(answer["paper"], "wu-zhu", "{answer}");
}

/// A work budget too small for the whole position cuts it at a claim, never inside
/// one: the claims kept are the first ones of the whole answer, each compared in full,
/// and the position says where it stopped.
#[test]
fn a_small_budget_keeps_the_first_claims_whole_and_says_so() {
    let graph = linkage::load(&DataSource::Embedded).unwrap().graph;
    let whole = position(&graph, "hao-2021", None, Budget::default());
    assert!(whole.stop.is_none());
    let work = 3 * graph.relation_count() as u64;
    let budget = Budget {
        work,
        ..Budget::default()
    };
    let part = position(&graph, "hao-2021", None, budget);
    assert_eq!(part.stop, Some(Stop::Work(work)));
    assert!(!part.claims.is_empty() && part.claims.len() < whole.claims.len());
    for (kept, all) in part.claims.iter().zip(&whole.claims) {
        assert_eq!(format!("{kept:?}"), format!("{all:?}"));
    }
    // The notice comes first (styled: `anstream` drops the styles when printing).
    let out = linkage::output::position::human(&graph, &part, false, Lang::En);
    let notice = out.find(&format!("The position stopped after {work} units of work"));
    assert!(notice < out.find("Where Hao (2021) stands"), "{out}");
    assert!(notice.is_some(), "{out}");
    // In Chinese too, before the title.
    let out = linkage::output::position::human(&graph, &part, false, Lang::Zh);
    let notice = out.find(&format!("立场分析在 {work} 个工作单位"));
    assert!(notice < out.find("Hao (2021)的立场"), "{out}");
    assert!(notice.is_some(), "{out}");
}

/// `--brief` names the papers under each claim, not their claims: the same lines,
/// without the quoted claim sentences.
#[test]
fn brief_names_the_papers_without_their_claims() {
    let (code, full, err) = run(&["position", "hao-2021"]);
    assert_eq!(code, 0, "{err}");
    let (code, brief, err) = run(&["position", "hao-2021", "--brief"]);
    assert_eq!(code, 0, "{err}");
    assert!(brief.len() < full.len());
    let summary = |text: &str| text.split("In detail").next().unwrap().to_string();
    assert_eq!(summary(&brief), summary(&full));
    // A paper named with its claims reads "Cite (year): “claim”".
    let with_claims = |text: &str| text.split("In detail").nth(1).unwrap().contains("): “");
    assert!(with_claims(&full));
    assert!(!with_claims(&brief), "{brief}");
    assert!(brief.contains("relates them otherwise: ") && brief.contains("the same: "));
}
