//! `--lang zh`: the terminal's sentences and headings in Chinese, from the schema's
//! `template_zh` and the nodes' `label_zh`; quotes as the papers give them; JSON the
//! same in every language; the explorer's interface in Chinese, every label inside its
//! box in both languages (tests/browser/languages.py).

use std::{path::PathBuf, process::Command as Process};

use serde_json::Value;

use crate::common::{graph, linkage, out_dir, run};

/// The quoted sentences (“…”) of a human output, in order.
fn quotes(text: &str) -> Vec<String> {
    let joined = text.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    let mut rest = joined.as_str();
    while let Some(open) = rest.find(": “") {
        let after = &rest[open + ": “".len()..];
        // A quote ends at the closing mark followed by the end of its citation block.
        let Some(close) = after.find("” ").or_else(|| after.rfind('”')) else {
            break;
        };
        out.push(after[..close].to_string());
        rest = &after[close..];
    }
    out
}

#[test]
fn diff_and_path_in_chinese() {
    insta::assert_snapshot!(
        "zh-diff-tpa-rr-brief",
        run(&["--lang", "zh", "diff", "tpa", "rr", "--brief"]).1
    );
    insta::assert_snapshot!(
        "zh-path-tpa-rr",
        run(&["--lang", "zh", "path", "tpa", "rr"]).1
    );
    insta::assert_snapshot!(
        "zh-path-cpc-second-centenary-goal-all",
        run(&[
            "--lang",
            "zh",
            "path",
            "cpc",
            "second-centenary-goal",
            "--all",
            "--max-len",
            "3",
        ])
        .1
    );
    insta::assert_snapshot!(
        "zh-path-explain-industrial-to-second-centenary-hao",
        run(&[
            "--lang",
            "zh",
            "path",
            "industrial-poverty-alleviation",
            "second-centenary-goal",
            "--paper",
            "hao",
            "--explain",
        ])
        .1
    );
}

#[test]
fn show_and_compare_in_chinese() {
    insta::assert_snapshot!("zh-show-tpa", run(&["--lang", "zh", "show", "tpa"]).1);
    insta::assert_snapshot!(
        "zh-compare-tpa-rr",
        run(&["--lang", "zh", "compare", "tpa", "rr"]).1
    );
}

#[test]
fn contested_in_chinese() {
    insta::assert_snapshot!("zh-contested", run(&["--lang", "zh", "contested"]).1);
}

/// `contested` in Chinese: its questions, sections and fixed answers in Chinese, the
/// quotes byte for byte as in English (every quote, with `--quotes`), the exit code the same.
#[test]
fn contested_speaks_chinese_and_keeps_the_quotes() {
    let (code, en, _) = run(&["contested", "--quotes"]);
    assert_eq!(code, 0);
    let (zh_code, zh, _) = run(&["--lang", "zh", "contested", "--quotes"]);
    assert_eq!(zh_code, code);
    assert!(zh.starts_with("各文献的分歧："), "{zh}");
    for words in [
        "矛盾：",
        "张力：",
        "表述不同：",
        "有利因素",
        "双向关系还是单向关系？",
    ] {
        assert!(zh.contains(words), "{words}");
    }
    for english in [
        "Where the papers disagree",
        "Framings:",
        "an asset",
        "two-way",
    ] {
        assert!(!zh.contains(english), "{english}");
    }
    let (en, zh) = (quotes(&en), quotes(&zh));
    assert!(en.len() > 50, "{}", en.len());
    assert_eq!(en, zh);
}

/// `show` in Chinese: the interface's words and the concepts' Chinese names, and the
/// same quotes, byte for byte, as in English; `compare` names its rows in Chinese.
#[test]
fn show_and_compare_speak_chinese_and_keep_the_quotes() {
    let (code, en, _) = run(&["show", "tpa"]);
    assert_eq!(code, 0);
    let (code, zh, _) = run(&["--lang", "zh", "show", "tpa"]);
    assert_eq!(code, 0);
    assert!(zh.starts_with("精准扶贫（tpa，"), "{zh}");
    for heading in ["详情", "关系（", "事实（", "文献支持最多的相邻概念"] {
        assert!(zh.contains(heading), "{heading}");
    }
    for english in ["In detail", "Relations (", "Most supported neighbours"] {
        assert!(!zh.contains(english), "{english}");
    }
    let (en, zh) = (quotes(&en), quotes(&zh));
    assert!(en.len() > 50, "{}", en.len());
    assert_eq!(en, zh);

    let (code, zh, _) = run(&["--lang", "zh", "compare", "tpa", "rr"]);
    assert_eq!(code, 0);
    assert!(zh.starts_with("共同点"), "{zh}");
    assert!(zh.contains("差异") && zh.contains("合计"), "{zh}");
    assert!(
        !zh.contains("Common ground") && !zh.contains("total"),
        "{zh}"
    );
}

#[test]
fn position_in_chinese() {
    insta::assert_snapshot!(
        "zh-position-hao-2021",
        run(&["--lang", "zh", "position", "hao"]).1
    );
}

/// The Latin words of `text` that are not in `allowed` (the papers' citations, the
/// data's own words), each with the line it is on.
fn latin_words_left(text: &str, allowed: &[String]) -> Vec<String> {
    // One line of text, so an allowed phrase wrapped over two lines is found whole.
    let mut rest = text.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    let mut allowed: Vec<&String> = allowed.iter().filter(|a| !a.is_empty()).collect();
    // Longest first, so a citation is taken whole before a shorter one inside it.
    allowed.sort_by_key(|a| std::cmp::Reverse(a.len()));
    for phrase in allowed {
        rest = rest.replace(phrase.as_str(), " ");
    }
    rest.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// What `--lang zh` may leave in Latin letters: what the data gives in English
/// (citations, values, positions, names without a Chinese one) and the command a
/// notice names.
fn data_words() -> Vec<String> {
    let graph = graph();
    let mut allowed: Vec<String> = vec!["`linkage contested`".into()];
    allowed.extend(graph.papers().map(|p| graph.cite(&p.id).to_string()));
    allowed.extend(graph.facts().iter().map(|f| f.value.to_string()));
    // A name the data gives (in Chinese, which may name a scholar in Latin letters:
    // "Huang et al. 的观点"), or in English where it has no Chinese one.
    for node in graph.nodes() {
        allowed.push(node.label_zh.clone().unwrap_or_else(|| node.label.clone()));
    }
    for (_, relation) in graph.relations() {
        if let Some(positions) = &relation.positions {
            allowed.push(positions.from.clone());
            allowed.push(positions.to.clone());
        }
    }
    allowed
}

/// `position` in Chinese, for every paper, in full and `--brief`: no English interface
/// word left outside the papers' citations and the data's own words, the same exit
/// code and the same claims, numbered alike, as in English.
#[test]
fn position_speaks_chinese_outside_the_datas_words() {
    let allowed = data_words();
    for paper in [
        "hao-2021",
        "wu-zhu",
        "organic-connection",
        "bnu-dean-2020",
        "tan-liu-huang-2020",
    ] {
        for brief in [false, true] {
            let mut args = vec!["position", paper];
            if brief {
                args.push("--brief");
            }
            let (code, en, _) = run(&args);
            let (zh_code, zh, _) = run(&[&["--lang", "zh"], &args[..]].concat());
            assert_eq!((code, zh_code), (0, 0), "{args:?}");
            let left = latin_words_left(&zh, &allowed);
            assert!(left.is_empty(), "{args:?}: English {left:?} in\n{zh}");
            // The same claims in the same order: each numbered line in both.
            let numbered = |text: &str| {
                text.lines()
                    .filter_map(|l| l.split_once(". ").map(|(n, _)| n.to_string()))
                    .filter(|n| n.parse::<usize>().is_ok())
                    .collect::<Vec<_>>()
            };
            assert_eq!(numbered(&en), numbered(&zh), "{args:?}");
            assert!(numbered(&zh).len() > 10, "{args:?}");
        }
    }
    // The check itself finds English where there is some.
    let (_, en, _) = run(&["position", "hao"]);
    let left = latin_words_left(&en, &allowed);
    assert!(left.contains(&"claims".to_string()), "{left:?}");
}

/// Every property of the built-in schema has a Chinese wording, and a fact reads with
/// it under `--lang zh` in `show` (summary and details) and in `contested`'s question:
/// the concept's Chinese name, the wording, the value as the data gives it.
#[test]
fn every_property_is_said_in_chinese() {
    let graph = graph();
    let mut said = 0;
    for (name, property) in &graph.schema().properties {
        let zh = property
            .label_zh
            .as_deref()
            .unwrap_or_else(|| panic!("{name} has no label_zh"));
        assert!(!zh.chars().any(|c| c.is_ascii_alphabetic()), "{name}: {zh}");
        let Some(fact) = graph.facts().iter().find(|f| &f.property == name) else {
            continue;
        };
        let subject = graph.node(fact.subject);
        let subject_zh = subject.label_zh.as_deref().unwrap_or(&subject.label);
        let (code, out, err) = run(&["--lang", "zh", "show", &subject.id]);
        assert_eq!(code, 0, "{err}");
        let sentence = format!("{subject_zh}{zh} {}", fact.value);
        assert!(
            out.contains(&sentence),
            "{name}: {sentence:?} not in\n{out}"
        );
        assert!(out.contains(&format!("{zh} {} — ", fact.value)), "{out}");
        let english = format!("{} {}", property.label, fact.value);
        assert!(!out.contains(&english), "{name}: {english:?} in\n{out}");
        said += 1;
    }
    assert_eq!(said, graph.schema().properties.len());
    let (_, out, _) = run(&["--lang", "zh", "contested"]);
    assert!(out.contains("六个精准被表述为…？"), "{out}");
}

/// A property's Chinese wording is checked like any part of the schema: an empty one,
/// or one holding a placeholder as if it were a template, is a problem placed at its
/// line and column, and the data is refused.
#[test]
fn a_property_wording_that_cannot_be_read_is_a_schema_problem() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("schema.json"),
        r#"{"node_kinds": {"concept": {}},
"relation_kinds": {"serves": {"label": "serves", "from": ["*"], "to": ["*"], "template": "{from} serves {to}"}},
"properties": {
  "reached-by": {"label": "is to be reached by", "label_zh": "", "value": "year"},
  "proposed-in": {"label": "was proposed in", "label_zh": "{subject}提出于", "value": "year"}
}}"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("data.json"),
        r#"{"papers": [{"id": "p", "file": "p.txt"}],
"nodes": [{"id": "a", "kind": "concept", "label": "A"}, {"id": "b", "kind": "concept", "label": "B"}],
"relations": [{"kind": "serves", "from": "a", "to": "b", "sources": [{"paper": "p", "locator": "1", "quote": "A serves B."}]}]}"#,
    )
    .unwrap();
    let (code, _, err) = run(&["--data", dir.path().to_str().unwrap(), "check"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("label_zh of property `reached-by` is empty"),
        "{err}"
    );
    assert!(err.contains("schema.json:4:"), "{err}");
    assert!(
        err.contains("label_zh of property `proposed-in` has a placeholder"),
        "{err}"
    );
    assert!(err.contains("schema.json:5:"), "{err}");
    assert!(err.contains("the data has 2 problems"), "{err}");
}

/// The notes a zh reader meets beside an answer are Chinese too: a list cut at
/// `--limit`, a name matching nothing (with the closest concepts by their Chinese
/// names and kinds) or several, an unknown paper; the exit codes as in English.
#[test]
fn notices_and_unfound_names_in_chinese() {
    let (code, out, _) = run(&["--lang", "zh", "contested", "--limit", "2"]);
    assert_eq!(code, 0);
    assert!(out.contains("项（提高 --limit 可查看）"), "{out}");
    assert!(!out.contains("raise --limit"), "{out}");

    let (code, _, err) = run(&["--lang", "zh", "show", "povrty"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: 没有与“povrty”匹配的概念；最接近的：\n  poverty"),
        "{err}"
    );
    assert!(
        err.contains("问题 贫困") && err.contains("战略 精准扶贫"),
        "{err}"
    );
    let (code, _, err) = run(&["show", "povrty"]);
    assert_eq!(code, 2);
    assert!(err.contains("problem Poverty"), "{err}");

    let (code, _, err) = run(&["--lang", "zh", "show", "pov"]);
    assert_eq!(code, 2);
    assert!(err.contains("个概念匹配；请用 id："), "{err}");
    assert!(err.contains("`linkage search pov` 可列出"), "{err}");

    let (code, _, err) = run(&["--lang", "zh", "position", "xyz"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: 没有与“xyz”匹配的文献；文献：wu-zhu、"),
        "{err}"
    );
    let (code, _, err) = run(&["--lang", "zh", "path", "tpa", "qqqqqqqq"]);
    assert_eq!(code, 2);
    assert!(err.contains("可试 `linkage search qqqqqqqq`"), "{err}");
    // The data's own errors stay English.
    let (code, _, err) = run(&["--lang", "zh", "--data", "/nonexistent-zh3", "show", "tpa"]);
    assert_eq!(code, 2);
    assert!(!err.contains("没有"), "{err}");
}

/// `contested`'s notice of disputes a work budget did not reach, in Chinese, naming
/// the concepts by their Chinese names.
#[test]
fn the_budget_notice_in_chinese() {
    use linkage::{dot::Lang, output::contested::stopped_in, query::disputes_within};
    let graph = graph();
    let tpa = graph.resolve("tpa").unwrap();
    let found = disputes_within::contested_within(&graph, &[], 10);
    let zh = stopped_in(&graph, &found, &[], Lang::Zh);
    assert!(
        zh.contains("争议只对") && zh.contains("linkage contested 名称"),
        "{zh}"
    );
    let en = stopped_in(&graph, &found, &[], Lang::En);
    assert!(
        en.contains("Disputes were worked out for the first"),
        "{en}"
    );
    let found = disputes_within::contested_within(&graph, &[tpa], 10);
    let zh = stopped_in(&graph, &found, &[tpa], Lang::Zh);
    assert!(zh.contains("关于精准扶贫的争议需要"), "{zh}");
}

#[test]
fn the_flag_goes_before_or_after_the_command() {
    let before = run(&["--lang", "zh", "path", "tpa", "rr"]);
    let after = run(&["path", "tpa", "rr", "--lang", "zh"]);
    assert_eq!(before, after);
    assert_eq!(before.0, 0);
    assert!(before.1.starts_with("从精准扶贫到乡村振兴"), "{}", before.1);
}

#[test]
fn quotes_stay_as_the_papers_give_them() {
    let (code, en, _) = run(&["diff", "tpa", "rr"]);
    assert_eq!(code, 0);
    let (_, zh, _) = run(&["--lang", "zh", "diff", "tpa", "rr"]);
    let (en, zh) = (quotes(&en), quotes(&zh));
    assert!(en.len() > 50, "{}", en.len());
    assert_eq!(en, zh);
}

#[test]
fn json_is_the_same_in_every_language() {
    for args in [
        &["diff", "tpa", "rr"][..],
        &["path", "tpa", "rr", "--explain"],
        &["contested", "tpa", "rr"],
        &["show", "tpa"],
        &["compare", "tpa", "rr"],
        &["contested"],
        &["position", "hao"],
        &["position", "tan", "--brief"],
    ] {
        let en = run(&[&["--json"], args].concat());
        let zh = run(&[&["--json", "--lang", "zh"], args].concat());
        assert_eq!(en, zh, "{args:?}");
    }
}

/// Every relation kind of the built-in schema has a Chinese sentence form, and
/// `path --explain --lang zh` uses it: the sentence of a relation of that kind holds
/// the form's own words (the text between its placeholders) and the Chinese names of
/// both ends.
#[test]
fn every_relation_kind_is_said_in_chinese() {
    let graph = graph();
    let schema = graph.schema();
    let mut said = 0;
    let mut unused: Vec<&str> = Vec::new();
    for (name, kind) in &schema.relation_kinds {
        let template = kind
            .template_zh
            .as_deref()
            .unwrap_or_else(|| panic!("{name} has no template_zh"));
        let words: Vec<&str> = template
            .split(['{', '}'])
            .enumerate()
            .filter(|(i, piece)| i % 2 == 0 && !piece.is_empty())
            .map(|(_, piece)| piece)
            .collect();
        assert!(
            words
                .iter()
                .all(|w| !w.chars().any(|c| c.is_ascii_alphabetic())),
            "{name}: {template}"
        );
        let Some((_, relation)) = graph.relations().find(|(_, r)| r.kind.as_str() == name) else {
            // Only implied by other kinds in the shipped data (relates-to): its form is
            // checked above, and no claim says it.
            unused.push(name.as_str());
            continue;
        };
        let (from, to) = (graph.node(relation.from), graph.node(relation.to));
        let (code, out, err) = run(&[
            "--lang",
            "zh",
            "path",
            &from.id,
            &to.id,
            "--via",
            name,
            "--explain",
            "--brief",
        ]);
        assert_eq!(code, 0, "{name}: {err}");
        let text: String = out.split_whitespace().collect();
        for word in &words {
            let word: String = word.split_whitespace().collect();
            assert!(text.contains(&word), "{name}: {word:?} not in\n{out}");
        }
        for end in [from, to] {
            let zh = end.label_zh.as_deref().unwrap_or(&end.label);
            let zh: String = zh.split_whitespace().collect();
            assert!(text.contains(&zh), "{name}: {zh} not in\n{out}");
        }
        said += 1;
    }
    assert_eq!(unused, ["relates-to"]);
    assert_eq!(said + unused.len(), schema.relation_kinds.len());
}

#[test]
#[ignore = "needs Graphviz and Chromium: scripts/test-deps.sh"]
fn the_explorer_in_chinese_fits_its_labels_and_speaks_chinese() {
    let dir = out_dir("explorer-languages");
    let page = dir.join("zh.html");
    linkage()
        .args(["--lang", "zh", "html", "-o"])
        .arg(&page)
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh\">"));
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser/languages.py");
    let run = Process::new("python3")
        .arg(&script)
        .arg(&page)
        .arg(&dir)
        .output()
        .expect("python3 runs (chromium and selenium: scripts/test-deps.sh)");
    assert!(
        run.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let shown: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("languages.json")).unwrap())
            .unwrap();
    for size in ["1366x768", "390x844"] {
        for lang in ["zh", "en", "zh-again"] {
            let view = &shown[format!("{lang}-{size}")];
            // No label drawn outside its box, in either language.
            assert_eq!(view["spills"], Value::Array(Vec::new()), "{lang} {size}");
            let zh = lang != "en";
            assert_eq!(view["lang"], if zh { "zh" } else { "en" });
            assert_eq!(view["tab"], if zh { "比较" } else { "Compare" });
            let heading = view["heading"].as_str().unwrap();
            // The comparison's headings count their rows as the language brackets.
            let counted = if zh {
                ["共同点（9）", "差异（11）"]
            } else {
                ["Common ground (9)", "Differences (11)"]
            };
            assert_eq!(view["counted"], serde_json::json!(counted), "{lang} {size}");
            if zh {
                assert_eq!(heading, "精准扶贫与乡村振兴");
                // The layout itself made room for every Chinese label.
                assert_eq!(view["cramped"], Value::Array(Vec::new()), "{size}");
                // Outside the papers' words, the page is Chinese: Latin letters are
                // the program's name, the English button and names in the data.
                let (latin, cjk) = (
                    view["latin"].as_f64().unwrap(),
                    view["cjk"].as_f64().unwrap(),
                );
                assert!(cjk > 2000.0, "{size}: {cjk} CJK characters");
                assert!(
                    latin / cjk < 0.05,
                    "{size}: {latin} Latin letters to {cjk} CJK characters: {}",
                    view["latinWords"]
                );
            } else {
                assert_eq!(
                    heading,
                    "Targeted poverty alleviation and Rural revitalization"
                );
            }
        }
    }
}

/// The `<blockquote>`s of a deck page, in order.
fn deck_quotes(page: &str) -> Vec<&str> {
    page.split("<blockquote><p>")
        .skip(1)
        .filter_map(|rest| rest.split("</p>").next())
        .collect()
}

#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn a_chinese_deck_says_the_same_slides_in_chinese_with_the_same_quotes() {
    let dir = out_dir("deck-languages");
    for (lang, name) in [("en", "en"), ("zh", "zh")] {
        linkage()
            .args(["--lang", lang, "steps", "--diff", "tpa", "rr", "-o"])
            .arg(dir.join(name))
            .assert()
            .success();
    }
    let read = |name: &str| std::fs::read_to_string(dir.join(name).join("index.html")).unwrap();
    let (en, zh) = (read("en"), read("zh"));
    assert!(zh.starts_with("<!DOCTYPE html>\n<html lang=\"zh\">"));
    assert_eq!(
        en.matches("class=\"slide\"").count(),
        zh.matches("class=\"slide\"").count()
    );
    // Every quote verbatim, in the same places.
    assert!(deck_quotes(&en).len() >= 40, "{}", deck_quotes(&en).len());
    assert_eq!(deck_quotes(&en), deck_quotes(&zh));
    // The words around them are Chinese: kickers, headings, buttons, table heads.
    for words in [
        "概览",
        "精准扶贫与乡村振兴",
        "← 上一页",
        "下一页 →",
        "第 1 页，共",
        "差异：第 1 项，共 11 项",
    ] {
        assert!(zh.contains(words), "{words}");
    }
    for english in [
        "At a glance",
        "Previous",
        "Slide 1 of",
        "Difference 1 of",
        ">Papers<",
        "Disputed",
    ] {
        assert!(!zh.contains(english), "{english}");
    }
}
