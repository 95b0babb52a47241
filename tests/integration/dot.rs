//! Diagrams: `dot`, `render` and `gallery`. Every DOT these tests produce goes through
//! the real Graphviz `dot`; without it they fail.

use std::{
    collections::BTreeSet,
    io::Write as _,
    path::{Path, PathBuf},
    process::{Command, Stdio},
};

use serde_json::Value;

use crate::common::{fixture, linkage, run};

/// Asserts that Graphviz's `dot` can be run. The tests that call it are ignored by a
/// plain `cargo test` (their reason names Graphviz); `cargo test -- --include-ignored`
/// (CI) runs them, and there a missing Graphviz is a failure, never a silent pass.
pub(crate) fn require_graphviz() {
    let found = Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "Graphviz's `dot` is missing: install it (scripts/test-deps.sh, or apt-get install graphviz fonts-noto-cjk)"
    );
}

/// Runs `dot -T<format>` on `text`, asserting it succeeds without complaint.
pub(crate) fn graphviz_run(text: &str, format: &str) -> Vec<u8> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dot runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "dot failed: {stderr}\n{text}");
    assert!(
        !stderr.contains("rror") && !stderr.contains("syntax"),
        "dot complained: {stderr}\n{text}"
    );
    output.stdout
}

/// The graph Graphviz read from `text`, as `dot -Tjson` reports it; also checks that
/// `dot -Tsvg` accepts the text.
fn through_graphviz(text: &str) -> Value {
    require_graphviz();
    let svg = graphviz_run(text, "svg");
    assert!(String::from_utf8(svg).unwrap().contains("<svg"));
    serde_json::from_slice(&graphviz_run(text, "json")).expect("dot -Tjson prints JSON")
}

/// `linkage ARGS`, expected to succeed; its standard output.
fn dot_text(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

/// The text Graphviz draws for an escString as `-Tjson` reports it (the attribute as
/// written): `\\` is a backslash, `\n` (and `\l`, `\r`) a line break, `\"` a quote, and
/// then HTML entities (`&amp;`, `&#45;`, ...) are decoded, as Graphviz does for labels.
pub(crate) fn unescape(label: &str) -> String {
    let mut out = String::new();
    let mut chars = label.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'l' | 'r') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    decode_entities(&out)
}

/// `text` with its HTML/XML entities decoded, in one pass (so `&amp;lt;` is `&lt;`).
pub(crate) fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let entity = rest
            .find(';')
            .filter(|&end| end <= 10)
            .map(|end| &rest[1..end]);
        let decoded = entity.and_then(|name| match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "copy" => Some('©'),
            _ => {
                let number = name.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code)
            }
        });
        if let (Some(c), Some(name)) = (decoded, entity) {
            out.push(c);
            rest = &rest[name.len() + 2..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Text with all white space and control characters removed: wrapping may turn
/// spaces into line breaks, nothing else.
pub(crate) fn ink(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect()
}

/// Node ids declared in DOT text (lines `"id"[...]`), in order, legend samples left out.
fn node_ids(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let rest = line.trim_start().strip_prefix('"')?;
            let (id, attrs) = rest.split_once('"')?;
            (attrs.starts_with('[') && !id.starts_with("legend_")).then(|| id.to_string())
        })
        .collect()
}

/// Edges declared in DOT text as (from, to, attributes), legend samples and invisible
/// edges left out.
fn edges(text: &str) -> Vec<(String, String, String)> {
    text.lines()
        .filter_map(|line| {
            let rest = line.trim_start().strip_prefix('"')?;
            let (from, rest) = rest.split_once("\" -> \"")?;
            let (to, attrs) = rest.split_once('"')?;
            (!from.starts_with("legend_") && !attrs.contains("style=\"invis\""))
                .then(|| (from.to_string(), to.to_string(), attrs.to_string()))
        })
        .collect()
}

/// The value of attribute `name` in a DOT attribute list.
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let start = [' ', '[']
        .iter()
        .find_map(|before| attrs.find(&format!("{before}{name}=\"")))?;
    let rest = &attrs[start + name.len() + 3..];
    let mut end = 0;
    let bytes = rest.as_bytes();
    while end < bytes.len() && bytes[end] != b'"' {
        end += if bytes[end] == b'\\' { 2 } else { 1 };
    }
    Some(&rest[..end])
}

fn export() -> Value {
    serde_json::from_str(&dot_text(&["export"])).unwrap()
}

fn adversarial() -> PathBuf {
    fixture("dot-adversarial")
}

/// The fixture's nodes as (id, label, `label_zh`).
fn adversarial_nodes() -> Vec<(String, String, Option<String>)> {
    let text = std::fs::read_to_string(adversarial().join("nodes.json")).unwrap();
    let nodes: Value = serde_json::from_str(&text).unwrap();
    nodes["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["id"].as_str().unwrap().to_string(),
                n["label"].as_str().unwrap().to_string(),
                n["label_zh"].as_str().map(String::from),
            )
        })
        .collect()
}

#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn adversarial_labels_go_through_graphviz_intact() {
    let data = adversarial();
    let data = data.to_str().unwrap();
    let nodes = adversarial_nodes();
    let long = nodes.iter().find(|n| n.0 == "long").unwrap();
    assert_eq!(
        long.1.chars().count(),
        500,
        "the fixture has a 500-character label"
    );
    for extra in [
        &["--legend", "--cite", "--cluster", "paper"][..],
        &[
            "--legend",
            "--cluster",
            "kind",
            "--style",
            "print",
            "--rankdir",
            "LR",
        ],
        &[
            "--lang",
            "zh",
            "--cite",
            "--title",
            "A \"title\" with \\ and <tags> 标题",
        ],
    ] {
        let mut args = vec!["--data", data, "dot"];
        args.extend_from_slice(extra);
        let text = dot_text(&args);
        let json = through_graphviz(&text);
        let zh = extra.contains(&"zh");
        let objects = json["objects"].as_array().unwrap();
        for (id, label, label_zh) in &nodes {
            let expected = if zh {
                label_zh.as_ref().unwrap_or(label)
            } else {
                label
            };
            let object = objects
                .iter()
                .find(|o| o["name"] == id.as_str())
                .unwrap_or_else(|| panic!("node {id} missing from Graphviz's graph"));
            let drawn = unescape(object["label"].as_str().unwrap());
            assert_eq!(
                ink(&drawn),
                ink(expected),
                "label of {id} changed on the way ({extra:?})"
            );
            assert!(
                drawn.lines().all(|l| l.chars().count() <= 60),
                "label of {id} is not wrapped: {drawn}"
            );
        }
        // Edge labels carry the aspect and dimension labels, and the citations.
        let edge_labels: Vec<String> = json["edges"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["label"].as_str().map(|l| ink(&unescape(l))))
            .collect();
        let odd = ink("Dimension \"odd\" <&> {|} \\ 维度");
        assert!(
            edge_labels.iter().any(|l| l.contains(&format!(
                "{}{odd}",
                if zh { "共同点：" } else { "commonground:" }
            ))),
            "{edge_labels:?}"
        );
        assert!(
            edge_labels
                .iter()
                .any(|l| l.contains(&odd) && l.contains("Time")),
            "{edge_labels:?}"
        );
        if extra.contains(&"--cite") {
            assert!(edge_labels
                .iter()
                .any(|l| l.contains(&ink("O\"Brien & \\Back\\slash <2020> {x|y}"))));
            assert!(edge_labels.iter().any(|l| l.contains("郝亚琦(2021)")));
        }
        if extra.contains(&"paper") {
            let clusters: Vec<String> = objects
                .iter()
                .filter(|o| o["name"].as_str().unwrap().starts_with("cluster_paper"))
                .map(|o| unescape(o["label"].as_str().unwrap()))
                .collect();
            assert!(
                clusters.contains(&"O\"Brien & \\Back\\slash <2020> {x|y}".to_string()),
                "{clusters:?}"
            );
        }
        if extra.contains(&"--title") {
            assert_eq!(
                unescape(json["label"].as_str().unwrap()),
                "A \"title\" with \\ and <tags> 标题"
            );
        }
    }
}

#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn adversarial_labels_come_back_intact_in_svg_text() {
    let data = adversarial();
    let text = dot_text(&["--data", data.to_str().unwrap(), "dot"]);
    require_graphviz();
    let svg = String::from_utf8(graphviz_run(&text, "svg")).unwrap();
    // Each node is a <g> with its id as <title> and one <text> per line.
    for (id, label, _) in adversarial_nodes() {
        let title = format!("<title>{}</title>", id.replace('-', "&#45;"));
        let start = svg
            .find(&title)
            .unwrap_or_else(|| panic!("{title} not in the SVG"));
        let group = &svg[start..svg[start..].find("</g>").unwrap() + start];
        let lines: String = group
            .split("<text")
            .skip(1)
            .map(|t| {
                let body = &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()];
                // The SVG's XML escaping, then what Graphviz drew.
                decode_entities(body)
            })
            .collect();
        assert_eq!(ink(&lines), ink(&label), "SVG text of {id}");
    }
    // Tooltips too keep backslashes literal.
    assert!(
        svg.contains(r#"xlink:title="back\slash \N \G \l \r \\ double and trailing\""#),
        "{svg}"
    );
}

#[test]
fn dot_output_is_deterministic() {
    let args = [
        "dot",
        "--focus",
        "tpa",
        "--depth",
        "2",
        "--legend",
        "--cluster",
        "paper",
        "--cite",
    ];
    assert_eq!(dot_text(&args), dot_text(&args));
}

#[test]
fn small_selections_match_their_snapshots() {
    small_selections_match_their_snapshots_diagrams();
}

/// The checks of `small_selections_match_their_snapshots`; returns the DOT texts it drew, for Graphviz.
fn small_selections_match_their_snapshots_diagrams() -> Vec<String> {
    let mut diagrams = Vec::new();
    let good = fixture("good");
    let good = good.to_str().unwrap();
    let adversarial = adversarial();
    let adversarial = adversarial.to_str().unwrap();
    let cases: [(&str, Vec<&str>); 5] = [
        (
            "good-colour-legend",
            vec!["--data", good, "dot", "--legend"],
        ),
        (
            "good-print-kind-clusters-lr",
            vec![
                "--data",
                good,
                "dot",
                "--style",
                "print",
                "--cluster",
                "kind",
                "--rankdir",
                "LR",
                "--lang",
                "zh",
            ],
        ),
        (
            "merged-comparisons",
            vec![
                "--data",
                adversarial,
                "dot",
                "--focus",
                "quotes",
                "--depth",
                "0",
                "--cite",
            ],
        ),
        (
            "diff",
            vec![
                "--data",
                adversarial,
                "dot",
                "--diff",
                "quotes",
                "backslashes",
                "--legend",
            ],
        ),
        (
            "diff-positions-print",
            vec![
                "--data",
                adversarial,
                "dot",
                "--diff",
                "quotes",
                "backslashes",
                "--positions",
                "--cite",
                "--style",
                "print",
            ],
        ),
    ];
    for (name, args) in cases {
        let text = dot_text(&args);
        insta::assert_snapshot!(name, text);
        diagrams.push(text.clone());
    }
    diagrams
}

#[test]
fn focus_and_depth_reach_exactly_the_neighbourhood() {
    focus_and_depth_reach_exactly_the_neighbourhood_diagrams();
}

/// The checks of `focus_and_depth_reach_exactly_the_neighbourhood`; returns the DOT texts it drew, for Graphviz.
fn focus_and_depth_reach_exactly_the_neighbourhood_diagrams() -> Vec<String> {
    let mut diagrams = Vec::new();
    let only = dot_text(&["dot", "--focus", "tpa", "--depth", "0"]);
    assert_eq!(node_ids(&only), ["tpa"]);
    assert!(edges(&only).is_empty());
    diagrams.push(only.clone());

    let export = export();
    let relations = export["relations"].as_array().unwrap();
    let focus = "rural-social-policy";
    let mut expected: BTreeSet<&str> = BTreeSet::from([focus]);
    for r in relations {
        let (from, to) = (r["from"].as_str().unwrap(), r["to"].as_str().unwrap());
        if from == focus {
            expected.insert(to);
        }
        if to == focus {
            expected.insert(from);
        }
    }
    let text = dot_text(&["dot", "--focus", focus]);
    let drawn: BTreeSet<String> = node_ids(&text).into_iter().collect();
    let expected: BTreeSet<String> = expected.into_iter().map(String::from).collect();
    assert_eq!(drawn, expected);
    // Every relation among the drawn nodes is drawn (comparisons of one pair share an edge).
    let pairs: BTreeSet<(String, String)> =
        edges(&text).into_iter().map(|(f, t, _)| (f, t)).collect();
    for r in relations {
        let (from, to) = (
            r["from"].as_str().unwrap().to_string(),
            r["to"].as_str().unwrap().to_string(),
        );
        if drawn.contains(&from) && drawn.contains(&to) {
            assert!(
                pairs.contains(&(from.clone(), to.clone()))
                    || pairs.contains(&(to.clone(), from.clone())),
                "relation {from} -> {to} missing"
            );
        }
    }
    diagrams.push(text.clone());
    diagrams
}

#[test]
fn paper_via_kind_and_min_papers_narrow_the_diagram() {
    paper_via_kind_and_min_papers_narrow_the_diagram_diagrams();
}

/// The checks of `paper_via_kind_and_min_papers_narrow_the_diagram`; returns the DOT texts it drew, for Graphviz.
fn paper_via_kind_and_min_papers_narrow_the_diagram_diagrams() -> Vec<String> {
    let mut diagrams = Vec::new();
    let export = export();
    let relations = export["relations"].as_array().unwrap();
    let kinds: std::collections::BTreeMap<String, String> = export["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["id"].as_str().unwrap().to_string(),
                n["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let papers_of = |r: &Value| -> BTreeSet<String> {
        r["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["paper"].as_str().unwrap().to_string())
            .collect()
    };
    let ends = |keep: &dyn Fn(&Value) -> bool| -> BTreeSet<String> {
        relations
            .iter()
            .filter(|r| keep(r))
            .flat_map(|r| {
                [
                    r["from"].as_str().unwrap().to_string(),
                    r["to"].as_str().unwrap().to_string(),
                ]
            })
            .collect()
    };

    let text = dot_text(&["dot", "--paper", "wu-zhu"]);
    let drawn: BTreeSet<String> = node_ids(&text).into_iter().collect();
    assert_eq!(drawn, ends(&|r| papers_of(r).contains("wu-zhu")));
    diagrams.push(text.clone());

    let text = dot_text(&["dot", "--via", "transition-to"]);
    let drawn: BTreeSet<String> = node_ids(&text).into_iter().collect();
    assert_eq!(drawn, ends(&|r| r["kind"] == "transition-to"));
    assert!(edges(&text)
        .iter()
        .all(|(_, _, a)| attr(a, "label") == Some("transition to")));
    diagrams.push(text.clone());

    let text = dot_text(&["dot", "--kind", "strategy", "goal"]);
    let drawn = node_ids(&text);
    assert!(drawn
        .iter()
        .all(|id| kinds[id] == "strategy" || kinds[id] == "goal"));
    assert_eq!(
        drawn.len(),
        kinds
            .values()
            .filter(|k| *k == "strategy" || *k == "goal")
            .count()
    );
    diagrams.push(text.clone());

    let text = dot_text(&["dot", "--min-papers", "2", "--cite"]);
    let drawn: BTreeSet<String> = node_ids(&text).into_iter().collect();
    assert_eq!(drawn, ends(&|r| papers_of(r).len() >= 2));
    diagrams.push(text.clone());
    diagrams
}

#[test]
fn comparisons_are_unmistakable_in_colour_and_in_print() {
    comparisons_are_unmistakable_in_colour_and_in_print_diagrams();
}

/// The checks of `comparisons_are_unmistakable_in_colour_and_in_print`; returns the DOT texts it drew, for Graphviz.
fn comparisons_are_unmistakable_in_colour_and_in_print_diagrams() -> Vec<String> {
    let mut diagrams = Vec::new();
    let colour = dot_text(&["dot", "--focus", "tpa", "rr", "--depth", "0"]);
    let print = dot_text(&[
        "dot", "--focus", "tpa", "rr", "--depth", "0", "--style", "print",
    ]);
    for (text, common_style, difference_style) in
        [(&colour, "solid", "dashed"), (&print, "bold", "dashed")]
    {
        let all = edges(text);
        let common = all
            .iter()
            .find(|e| attr(&e.2, "label").unwrap().starts_with("common ground:"))
            .unwrap();
        let differs = all
            .iter()
            .find(|e| attr(&e.2, "label").unwrap().starts_with("differs in:"))
            .unwrap();
        assert_eq!(attr(&common.2, "style"), Some(common_style));
        assert_eq!(attr(&differs.2, "style"), Some(difference_style));
        // The dimensions are on the edge.
        assert!(
            attr(&differs.2, "label").unwrap().contains("Standards"),
            "{}",
            differs.2
        );
        diagrams.push(text.clone());
    }
    let common = edges(&colour)
        .into_iter()
        .find(|e| attr(&e.2, "label").unwrap().starts_with("common"))
        .unwrap();
    let differs = edges(&colour)
        .into_iter()
        .find(|e| attr(&e.2, "label").unwrap().starts_with("differs"))
        .unwrap();
    // Okabe-Ito's bluish green and vermillion: the nearest to the schema's green and red.
    assert_eq!(attr(&common.2, "color"), Some("#009E73"));
    assert_eq!(attr(&differs.2, "color"), Some("#D55E00"));
    diagrams
}

/// Whether a Graphviz colour value is grey (or black or white).
fn is_grey(value: &str) -> bool {
    match value {
        "black" | "white" => true,
        hex if hex.len() == 7 && hex.starts_with('#') => {
            hex[1..3] == hex[3..5] && hex[3..5] == hex[5..7]
        }
        _ => false,
    }
}

#[test]
fn print_style_is_greyscale() {
    print_style_is_greyscale_diagrams();
}

/// The checks of `print_style_is_greyscale`; returns the DOT texts it drew, for Graphviz.
fn print_style_is_greyscale_diagrams() -> Vec<String> {
    let mut diagrams = Vec::new();
    let text = dot_text(&[
        "dot",
        "--paper",
        "hao",
        "--legend",
        "--cluster",
        "kind",
        "--style",
        "print",
    ]);
    for line in text.lines() {
        for name in ["color", "fillcolor", "fontcolor", "bgcolor"] {
            if let Some(value) = attr(line, name) {
                assert!(is_grey(value), "{name}={value} in print: {line}");
            }
        }
    }
    diagrams.push(text.clone());
    diagrams
}

#[test]
fn the_legend_shows_exactly_the_kinds_drawn() {
    the_legend_shows_exactly_the_kinds_drawn_diagrams();
}

/// The checks of `the_legend_shows_exactly_the_kinds_drawn`; returns the DOT texts it drew, for Graphviz.
fn the_legend_shows_exactly_the_kinds_drawn_diagrams() -> Vec<String> {
    let mut diagrams = Vec::new();
    let text = dot_text(&["dot", "--via", "transition-to", "--legend"]);
    let export = export();
    let kinds: std::collections::BTreeMap<&str, &str> = export["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n["kind"].as_str().unwrap()))
        .collect();
    let drawn: BTreeSet<&str> = node_ids(&text)
        .iter()
        .map(|id| kinds[id.as_str()])
        .collect();
    let legend_nodes: BTreeSet<String> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("\"legend_node_") && l.contains("[label="))
        .map(|l| attr(l, "label").unwrap().to_string())
        .collect();
    assert_eq!(
        legend_nodes,
        drawn.iter().map(|k| (*k).to_string()).collect()
    );
    let legend_edges: Vec<String> = legend_rows(&text).into_iter().map(|r| r.0).collect();
    assert_eq!(legend_edges, ["transition to"]);
    assert!(
        !text.contains("legend_from_"),
        "relation kinds are rows of one table, not sample edges"
    );
    diagrams.push(text.clone());
    diagrams
}

#[test]
fn chinese_labels_come_from_label_zh() {
    chinese_labels_come_from_label_zh_diagrams();
}

/// The checks of `chinese_labels_come_from_label_zh`; returns the DOT texts it drew, for Graphviz.
fn chinese_labels_come_from_label_zh_diagrams() -> Vec<String> {
    let mut diagrams = Vec::new();
    let text = dot_text(&[
        "dot", "--focus", "tpa", "rr", "--depth", "0", "--lang", "zh", "--legend",
    ]);
    assert!(text.contains("\"tpa\"[label=\"精准扶贫\""), "{text}");
    assert!(text.contains("\"rr\"[label=\"乡村振兴\""), "{text}");
    // Kinds too: the legend and the comparison's phrase come from the schema's label_zh.
    assert!(text.contains("[label=\"战略\""), "{text}");
    assert!(text.contains("[label=\"共同点：\\n"), "{text}");
    diagrams.push(text.clone());
    diagrams
}

#[test]
fn bad_selections_are_usage_errors_and_empty_ones_exit_1() {
    bad_selections_are_usage_errors_and_empty_ones_exit_1_diagrams();
}

/// The checks of `bad_selections_are_usage_errors_and_empty_ones_exit_1`; returns the DOT texts it drew, for Graphviz.
fn bad_selections_are_usage_errors_and_empty_ones_exit_1_diagrams() -> Vec<String> {
    let mut diagrams = Vec::new();
    let (code, _, err) = run(&["dot", "--kind", "strategi"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown node kind `strategi`") && err.contains("strategy"),
        "{err}"
    );
    let (code, _, err) = run(&["dot", "--via", "premise"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown relation kind `premise`") && err.contains("premise-of"),
        "{err}"
    );
    let (code, _, err) = run(&["dot", "--focus", "no-such-thing-at-all"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(&["dot", "--depth", "2"]);
    assert_eq!(code, 2, "--depth without --focus: {err}");
    let (code, out, err) = run(&["dot", "--paper", "wu-zhu", "--via", "common-ground"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("nothing to draw"), "{err}");
    diagrams.push(out.clone());
    diagrams
}

#[test]
fn dot_writes_files_atomically_and_never_into_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("overview.dot");
    let args = ["dot", "--focus", "tpa", "--depth", "0"];
    let (code, out, _) = run(&[&args[..], &["-o", file.to_str().unwrap()]].concat());
    assert_eq!(code, 0);
    assert!(out.is_empty());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), dot_text(&args));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "temporary files left behind");

    let data = tempfile::tempdir().unwrap();
    for name in ["papers.json", "nodes.json", "claims.json"] {
        std::fs::copy(fixture("good").join(name), data.path().join(name)).unwrap();
    }
    std::fs::copy(
        fixture("good").join("schema.json"),
        data.path().join("schema.json"),
    )
    .unwrap();
    let inside = data.path().join("diagram.dot");
    let (code, _, err) = run(&[
        "--data",
        data.path().to_str().unwrap(),
        "dot",
        "-o",
        inside.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("refusing to write"), "{err}");
    assert!(!inside.exists());
}

#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn render_writes_svg_png_and_pdf() {
    require_graphviz();
    let dir = tempfile::tempdir().unwrap();
    for (name, magic) in [
        ("figure.svg", &b"<?xml"[..]),
        ("figure.png", &b"\x89PNG"[..]),
        ("figure.pdf", &b"%PDF"[..]),
        ("FIGURE.SVG", &b"<?xml"[..]),
    ] {
        let path = dir.path().join(name);
        let (code, _, err) = run(&[
            "render",
            "--focus",
            "tpa",
            "rr",
            "--depth",
            "0",
            "--legend",
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{name}: {err}");
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            bytes.starts_with(magic),
            "{name} is not what its extension says"
        );
    }
    let path = dir.path().join("figure.image");
    let (code, _, err) = run(&["render", "--focus", "tpa", "-o", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("--format"), "{err}");
    let (code, _, err) = run(&[
        "render",
        "--focus",
        "tpa",
        "--format",
        "png",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read(&path).unwrap().starts_with(b"\x89PNG"));
    let adversarial = adversarial();
    let path = dir.path().join("adversarial.pdf");
    let (code, _, err) = run(&[
        "--data",
        adversarial.to_str().unwrap(),
        "render",
        "--lang",
        "zh",
        "--legend",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn render_without_graphviz_says_how_to_install_it() {
    let empty = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("figure.svg");
    let output = linkage()
        .env("PATH", empty.path())
        .args(["render", "--focus", "tpa", "-o", path.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("Graphviz") && err.contains("apt-get install graphviz"),
        "{err}"
    );
    assert!(err.contains("`linkage dot`"), "{err}");
    assert!(!path.exists());
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    // `dot` itself needs no Graphviz.
    let output = linkage()
        .env("PATH", empty.path())
        .args(["dot", "--focus", "tpa"])
        .output()
        .unwrap();
    assert!(output.status.success());
}

fn graphs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("graphs")
}

fn files_with(dir: &Path, extension: &str) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn the_committed_gallery_is_what_the_code_and_data_make() {
    the_committed_gallery_is_what_the_code_and_data_make_diagrams();
}

/// The checks of `the_committed_gallery_is_what_the_code_and_data_make`; returns the DOT texts it drew, for Graphviz.
fn the_committed_gallery_is_what_the_code_and_data_make_diagrams() -> Vec<String> {
    let mut diagrams = Vec::new();
    let fresh = tempfile::tempdir().unwrap();
    let (code, out, err) = run(&["gallery", "--no-svg", fresh.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("README.md"), "{out}");
    let regenerate =
        "regenerate it with `cargo run --release -- gallery graphs` and commit graphs/";
    let made = files_with(fresh.path(), "dot");
    let committed = files_with(&graphs(), "dot");
    assert_eq!(
        committed, made,
        "graphs/ holds other diagrams than the gallery makes; {regenerate}"
    );
    for name in made.iter().map(String::as_str).chain(["README.md"]) {
        let expected = std::fs::read_to_string(fresh.path().join(name)).unwrap();
        let actual = std::fs::read_to_string(graphs().join(name)).unwrap_or_default();
        assert!(
            actual == expected,
            "graphs/{name} is out of date; {regenerate}"
        );
    }
    for name in &made {
        let svg = graphs().join(name.replace(".dot", ".svg"));
        assert!(svg.exists(), "{} is missing; {regenerate}", svg.display());
        diagrams.push(std::fs::read_to_string(graphs().join(name)).unwrap());
    }
    diagrams
}

#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn gallery_writes_svg_with_graphviz() {
    require_graphviz();
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(&["gallery", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let dots = files_with(dir.path(), "dot");
    let svgs = files_with(dir.path(), "svg");
    assert!(!dots.is_empty());
    assert_eq!(
        dots.iter()
            .map(|d| d.replace(".dot", ".svg"))
            .collect::<BTreeSet<_>>(),
        svgs,
        "{out}"
    );
}

#[test]
fn path_highlights_the_path_querys_chains_in_their_context() {
    path_highlights_the_path_querys_chains_in_their_context_diagrams();
}

/// The checks of `path_highlights_the_path_querys_chains_in_their_context`; returns the DOT texts it drew, for Graphviz.
fn path_highlights_the_path_querys_chains_in_their_context_diagrams() -> Vec<String> {
    let mut diagrams = Vec::new();
    let (code, out, err) = run(&["path", "tpa", "common-prosperity", "--json"]);
    assert_eq!(code, 0, "{err}");
    let found: Value = serde_json::from_str(&out).unwrap();
    let mut on_path: BTreeSet<String> = BTreeSet::new();
    let mut steps: BTreeSet<(String, String)> = BTreeSet::new();
    for path in found["paths"].as_array().unwrap() {
        on_path.extend(
            path["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_str().unwrap().to_string()),
        );
        for step in path["steps"].as_array().unwrap() {
            for r in step["relations"].as_array().unwrap() {
                steps.insert((
                    r["from"].as_str().unwrap().into(),
                    r["to"].as_str().unwrap().into(),
                ));
            }
        }
    }
    // Depth 0: the chains' nodes, every one highlighted.
    let text = dot_text(&["dot", "--path", "tpa", "common-prosperity"]);
    let drawn: BTreeSet<String> = node_ids(&text).into_iter().collect();
    assert_eq!(drawn, on_path);
    diagrams.push(text.clone());
    // With context: the chains stand out (thick), everything else is faded grey.
    let text = dot_text(&[
        "dot",
        "--path",
        "tpa",
        "common-prosperity",
        "--depth",
        "1",
        "--top",
        "12",
    ]);
    for line in text
        .lines()
        .filter(|l| l.starts_with("  \"") && l.contains("[label=") && !l.contains("legend_"))
    {
        let id = &line[3..line[3..].find('"').unwrap() + 3];
        if line.contains("\" -> \"") {
            let to = line.split("\" -> \"").nth(1).unwrap();
            let to = &to[..to.find('"').unwrap()];
            let highlighted = steps.contains(&(id.to_string(), to.to_string()));
            assert_eq!(
                attr(line, "color") == Some("#b8b8b8"),
                !highlighted,
                "{line}"
            );
        } else {
            assert_eq!(
                attr(line, "penwidth") == Some("3"),
                on_path.contains(id),
                "{line}"
            );
        }
    }
    assert!(node_ids(&text).len() > on_path.len(), "no context drawn");
    diagrams.push(text.clone());
    // No chain: nothing to draw.
    let (code, _, err) = run(&[
        "dot",
        "--path",
        "common-prosperity",
        "tpa",
        "--via",
        "part-of",
    ]);
    assert_eq!(code, 1, "{err}");
    let (code, _, _) = run(&["dot", "--path", "tpa", "rr", "--focus", "tpa"]);
    assert_eq!(code, 2, "--path and --focus conflict");
    diagrams
}

#[test]
fn json_is_refused_by_the_diagram_commands() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("figure.svg");
    let out = out.to_str().unwrap();
    let cases: [&[&str]; 3] = [
        &["dot", "--json"],
        &["render", "-o", out, "--json"],
        &["gallery", out, "--json"],
    ];
    for args in cases {
        let command = args[0];
        let (code, _, err) = run(args);
        assert_eq!(code, 2, "{command}");
        assert!(err.contains("--json is for queries"), "{command}: {err}");
    }
}

/// Every variant of the whole graph the CLI accepts, laid out by the real Graphviz.
#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn every_whole_graph_variant_lays_out_with_graphviz() {
    require_graphviz();
    let variants: &[&[&str]] = &[
        &[],
        &["--cluster", "kind"],
        &["--cluster", "paper"],
        &["--style", "print"],
        &["--rankdir", "LR"],
        &["--lang", "zh"],
        &["--legend"],
        &["--cite"],
        &[
            "--cluster",
            "paper",
            "--legend",
            "--rankdir",
            "LR",
            "--style",
            "print",
            "--lang",
            "zh",
        ],
        &["--cluster", "kind", "--legend", "--cite"],
        &["--diff", "tpa", "rr"],
        &[
            "--diff",
            "tpa",
            "rr",
            "--positions",
            "--legend",
            "--style",
            "print",
        ],
        &[
            "--diff",
            "tpa",
            "rr",
            "--rankdir",
            "TB",
            "--lang",
            "zh",
            "--cite",
        ],
        &["--path", "tpa", "common-prosperity", "--depth", "1"],
        &[
            "--path",
            "tpa",
            "common-prosperity",
            "--depth",
            "2",
            "--cluster",
            "paper",
            "--legend",
        ],
    ];
    for variant in variants {
        let mut args = vec!["dot"];
        args.extend_from_slice(variant);
        let text = dot_text(&args);
        let layout: Value = serde_json::from_slice(&graphviz_run(&text, "json0"))
            .unwrap_or_else(|e| panic!("{variant:?}: {e}"));
        assert!(layout["bb"].is_string(), "{variant:?}: no layout");
    }
    // `render` runs the same Graphviz: the whole graph clustered by paper is drawn.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("whole.svg");
    let (code, _, err) = run(&["render", "--cluster", "paper", "-o", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("init_rank"), "{err}");
}

/// A fake `dot` in an otherwise empty PATH directory: prints `lines` lines on stderr
/// and fails.
fn failing_graphviz(lines: usize) -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("dot");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho 'Error: trouble in init_rank' >&2\ni=1\nwhile [ $i -lt {lines} ]; do echo \"\t%0 $i\" >&2; i=$((i+1)); done\nexit 1\n"
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

#[test]
fn graphviz_failures_show_their_first_lines_and_a_count() {
    let fake = failing_graphviz(900);
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("figure.svg");
    let output = linkage()
        .env("PATH", fake.path())
        .args(["render", "--focus", "tpa", "-o", path.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains("trouble in init_rank"), "{err}");
    assert!(err.contains("895 more lines"), "{err}");
    assert!(err.lines().count() <= 8, "{err}");
    assert!(!path.exists());
}

#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn figures_larger_than_a_page_get_a_warning_naming_the_flags_that_shrink_them() {
    require_graphviz();
    let dir = tempfile::tempdir().unwrap();
    for name in ["whole.svg", "whole.png", "whole.pdf"] {
        let path = dir.path().join(name);
        let (code, _, err) = run(&["render", "-o", path.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        assert!(err.contains("warning: the figure is"), "{name}: {err}");
        for flag in ["--top", "--depth", "--paper"] {
            assert!(err.contains(flag), "{name}: {err}");
        }
    }
    let path = dir.path().join("small.svg");
    let (code, _, err) = run(&[
        "render",
        "--focus",
        "tpa",
        "rr",
        "--depth",
        "0",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "a small figure needs no warning: {err}");
}

#[test]
fn empty_selections_say_so_and_exit_1_in_dot_and_render() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("figure.svg");
    let path = path.to_str().unwrap();
    for selection in [
        &["--paper", "wu-zhu", "--via", "common-ground"][..],
        // A comparison that finds nothing between the two is not two boxes (Wu & Zhu
        // say nothing of the first centenary goal).
        &["--diff", "first-centenary-goal", "rr", "--paper", "wu-zhu"],
    ] {
        for command in ["dot", "render"] {
            let mut args = vec![command];
            args.extend_from_slice(selection);
            if command == "render" {
                args.extend(["-o", path]);
            }
            let (code, out, err) = run(&args);
            assert_eq!(code, 1, "{args:?}: {err}");
            assert!(err.contains("nothing to draw"), "{args:?}: {err}");
            if command == "render" {
                assert!(out.is_empty());
                assert!(!Path::new(path).exists(), "{args:?} wrote a file");
            }
        }
    }
}

/// Okabe-Ito, the colour-blind-safe palette relation kinds are drawn in.
const OKABE_ITO: [&str; 8] = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
];

/// The legend's relation kinds in the DOT `text`, as (label, colour, dash, arrows): each
/// a row of the `legend_relations` table, its line the bottom border of a cell (colour,
/// `STYLE` dashed or dotted, else solid), its arrowheads the glyphs either side of it.
fn legend_rows(text: &str) -> Vec<(String, String, String, String)> {
    let Some(line) = text.lines().find(|l| l.contains("\"legend_relations\"[")) else {
        return Vec::new();
    };
    let value = |tag: &str, name: &str| -> Option<String> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(tag[start..start + tag[start..].find('"')?].to_string())
    };
    line.split("<TR><TD ALIGN=")
        .skip(1)
        .map(|row| {
            let sample = &row[row.find("SIDES=\"B\"").expect("a sample line")..];
            let sample = &sample[..sample.find('>').unwrap()];
            let texts: Vec<&str> = row
                .split("<FONT COLOR=")
                .skip(1)
                .map(|font| &font[font.find('>').unwrap() + 1..font.find("</FONT>").unwrap()])
                .collect();
            assert_eq!(texts.len(), 3, "tail, head and words: {row}");
            (
                texts[2].replace("<BR/>", " "),
                value(sample, "COLOR").expect("a colour"),
                value(sample, "STYLE").unwrap_or_else(|| "solid".into()),
                format!("{}|{}", texts[0].trim(), texts[1].trim()),
            )
        })
        .collect()
}

/// The legend's relation kinds of `dot ARGS` (see [`legend_rows`]).
fn legend_looks(args: &[&str]) -> Vec<(String, String, String, String)> {
    legend_rows(&dot_text(args))
}

#[test]
fn every_relation_kind_has_its_own_look_in_colour_and_in_print() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/schema.json"))
            .unwrap(),
    )
    .unwrap();
    // The kinds the data uses (`relates-to`, the weakest claim, may go unused).
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut used = BTreeSet::new();
    for entry in std::fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for relation in file["relations"].as_array().into_iter().flatten() {
            used.insert(relation["kind"].as_str().unwrap().to_string());
        }
    }
    assert!(used.len() + 1 >= schema["relation_kinds"].as_object().unwrap().len());
    let colour = legend_looks(&["dot", "--legend"]);
    assert_eq!(
        colour.len(),
        used.len(),
        "the whole graph shows every kind the data uses: {colour:?}"
    );
    let mut seen = BTreeSet::new();
    for (label, color, dash, _) in &colour {
        assert!(
            OKABE_ITO.contains(&color.as_str()),
            "{label}: {color} is not Okabe-Ito"
        );
        // In colour, colour and dash alone tell kinds apart (bold reads as solid).
        let dash = if dash == "bold" { "solid" } else { dash };
        assert!(
            seen.insert((color.clone(), dash.to_string())),
            "{label} looks like another kind: {colour:?}"
        );
    }
    let print = legend_looks(&["dot", "--legend", "--style", "print"]);
    let mut seen = BTreeSet::new();
    for (label, color, dash, arrows) in &print {
        assert_eq!(color, "#000000", "{label}");
        let dash = if dash == "bold" { "solid" } else { dash };
        assert!(
            seen.insert((dash.to_string(), arrows.clone())),
            "{label} looks like another kind in print: {print:?}"
        );
    }
    // The legend lists only the kinds drawn.
    let small = legend_looks(&["dot", "--focus", "tpa", "rr", "--depth", "0", "--legend"]);
    assert!(small.len() < used.len() && !small.is_empty(), "{small:?}");
}

#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn gallery_draws_any_dataset() {
    require_graphviz();
    for data in [fixture("good"), adversarial()] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("gallery");
        let (code, _, err) = run(&[
            "--data",
            data.to_str().unwrap(),
            "gallery",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{}: {err}", data.display());
        let stems = |extension: &str| -> BTreeSet<String> {
            files_with(&out, extension)
                .into_iter()
                .map(|name| name.rsplit_once('.').unwrap().0.to_string())
                .collect()
        };
        let dots = stems("dot");
        assert_eq!(dots, stems("svg"), "{dots:?}");
        // One figure per paper of this dataset, and an overview.
        let papers: Value =
            serde_json::from_str(&dot_text(&["--data", data.to_str().unwrap(), "export"])).unwrap();
        for paper in papers["papers"].as_array().unwrap() {
            let name = format!("paper-{}", paper["id"].as_str().unwrap());
            assert!(dots.contains(&name), "{name} missing: {dots:?}");
        }
        assert!(dots.contains("overview"), "{dots:?}");
        let index = std::fs::read_to_string(out.join("README.md")).unwrap();
        assert!(
            !index.contains("tpa"),
            "figures of the built-in data: {index}"
        );
    }
}

#[test]
fn a_failing_gallery_leaves_nothing_half_written() {
    let fake = failing_graphviz(3);
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("old");
    std::fs::create_dir(&existing).unwrap();
    std::fs::write(existing.join("overview.dot"), "old").unwrap();
    for out in [dir.path().join("new"), existing.clone()] {
        let output = linkage()
            .env("PATH", fake.path())
            .args(["gallery", out.to_str().unwrap()])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{err}");
        assert!(err.contains("Graphviz failed"), "{err}");
    }
    assert!(!dir.path().join("new").exists());
    let left: Vec<_> = std::fs::read_dir(&existing).unwrap().collect();
    assert_eq!(left.len(), 1);
    assert_eq!(
        std::fs::read_to_string(existing.join("overview.dot")).unwrap(),
        "old"
    );
}

mod writer_properties {
    //! The DOT writer, fed arbitrary labels and ids, checked by the real Graphviz: what
    //! Graphviz reads back is what was written.

    use linkage::dot::{
        scene::{Edge, EdgeStyle, Heading, Item, Layout, Node, NodeStyle, Scene},
        writer::to_dot,
        Rankdir,
    };
    use proptest::prelude::*;
    use serde_json::Value;

    use super::{graphviz_run, unescape};

    /// Text a label may hold: every character that makes DOT, entities or escapes
    /// tricky, letters, CJK, and line breaks.
    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex(r#"[a-z &;#<>"\\{}|\[\]\n中文ÉΩ0-9]{0,30}"#).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        #[ignore = "needs Graphviz: scripts/test-deps.sh"]
        fn graphviz_reads_back_every_label_and_id(
            ids in proptest::collection::vec(text(), 2..4),
            labels in proptest::collection::vec(text(), 2..4),
        ) {
            let ids: Vec<String> = ids.iter().enumerate().map(|(i, id)| format!("{i}{id}")).collect();
            let mut items: Vec<Item> = ids
                .iter()
                .zip(labels.iter().cycle())
                .map(|(id, label)| {
                    Item::Node(Node {
                        id: id.clone(),
                        label: vec![label.clone()],
                        tooltip: Some(label.clone()),
                        style: NodeStyle { shape: "box".into(), ..NodeStyle::default() },
                    })
                })
                .collect();
            let mut edge = Edge::new(&ids[0], &ids[1], EdgeStyle { line: linkage::dot::scene::Line::Solid, ..EdgeStyle::invisible() });
            edge.label = vec![labels[0].clone()];
            items.push(Item::Edge(edge));
            let scene = Scene { rankdir: Rankdir::TopBottom, layout: Layout::Layered, heading: Heading::Title(vec![labels[1].clone()]), items };
            let json: Value = serde_json::from_slice(&graphviz_run(&to_dot(&scene), "json")).unwrap();
            let objects = json["objects"].as_array().unwrap();
            prop_assert_eq!(objects.len(), ids.len());
            for (object, (id, label)) in objects.iter().zip(ids.iter().zip(labels.iter().cycle())) {
                // Graphviz keeps an id's escapes as written; decoded, it is the id.
                prop_assert_eq!(unescape(object["name"].as_str().unwrap()), id.clone());
                prop_assert_eq!(unescape(object["label"].as_str().unwrap()), label.clone());
            }
            let edge = &json["edges"][0];
            prop_assert_eq!(unescape(edge["label"].as_str().unwrap_or_default()), labels[0].clone());
            prop_assert_eq!(unescape(json["label"].as_str().unwrap_or_default()), labels[1].clone());
        }
    }
}

/// Every diagram the tests above check for its structure (with only Rust installed) is
/// also laid out by the real Graphviz, `-Tsvg` and `-Tjson`, without a complaint.
#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn every_diagram_the_structure_tests_draw_lays_out_with_graphviz() {
    let diagrams = [
        small_selections_match_their_snapshots_diagrams(),
        focus_and_depth_reach_exactly_the_neighbourhood_diagrams(),
        paper_via_kind_and_min_papers_narrow_the_diagram_diagrams(),
        comparisons_are_unmistakable_in_colour_and_in_print_diagrams(),
        print_style_is_greyscale_diagrams(),
        the_legend_shows_exactly_the_kinds_drawn_diagrams(),
        chinese_labels_come_from_label_zh_diagrams(),
        bad_selections_are_usage_errors_and_empty_ones_exit_1_diagrams(),
        path_highlights_the_path_querys_chains_in_their_context_diagrams(),
        the_committed_gallery_is_what_the_code_and_data_make_diagrams(),
    ]
    .concat();
    assert!(diagrams.len() > 15, "{} diagrams", diagrams.len());
    for text in &diagrams {
        through_graphviz(text);
    }
}
