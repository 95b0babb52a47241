//! Quotes as whole sentences and locators that name one place: the printer
//! shows the sentence an encoded quote was taken from, never a fragment, and a list item
//! says which list it is in.

use std::path::Path;

use linkage::load::{load, DataSource};

use crate::common::{run, seeds};

/// A one-paper dataset in a temporary directory: `texts` holds the paper's text when
/// given, and `source` is the one source's JSON.
fn dataset(name: &str, text: Option<&str>, source: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("sentences-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("papers.json"),
        r#"{"papers": [{"id": "p1", "cite": "Doe (2020)", "file": "p1.txt"}]}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("claims.json"),
        format!(
            r#"{{"nodes": [{{"id": "alpha", "kind": "strategy", "label": "Alpha strategy"}},
                          {{"id": "goal-one", "kind": "goal", "label": "Goal one"}}],
                "relations": [{{"kind": "serves", "from": "alpha", "to": "goal-one",
                                "sources": [{source}]}}]}}"#
        ),
    )
    .unwrap();
    if let Some(text) = text {
        std::fs::create_dir_all(dir.join("texts")).unwrap();
        std::fs::write(dir.join("texts/p1.txt"), text).unwrap();
    }
    dir
}

const TEXT: &str = "1. Intro\n\nA first sentence. We argue that, as the data show, alpha serves\n\ngoal one in the long run. A last sentence.\n";
const SENTENCE: &str = "We argue that, as the data show, alpha serves goal one in the long run.";

#[test]
fn a_fragment_is_printed_as_its_whole_sentence_and_json_gives_both() {
    let source = r#"{"paper": "p1", "locator": "1. Intro", "quote": "alpha serves goal one"}"#;
    let dir = dataset("fragment", Some(TEXT), source);
    let (code, out, err) = run(&["--data", dir.to_str().unwrap(), "show", "alpha"]);
    assert_eq!(code, 0, "{err}");
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&format!("§1. Intro: “{SENTENCE}”")), "{out}");
    let (_, json, _) = run(&["--data", dir.to_str().unwrap(), "--json", "show", "alpha"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let source = &json["relations"][0]["sources"][0];
    assert_eq!(source["quote"], "alpha serves goal one");
    assert_eq!(source["sentence"], SENTENCE);
}

#[test]
fn without_the_text_the_quote_is_printed_as_encoded_and_json_claims_no_sentence() {
    let source = r#"{"paper": "p1", "locator": "1. Intro", "quote": "alpha serves goal one"}"#;
    let dir = dataset("no-text", None, source);
    let (code, out, err) = run(&["--data", dir.to_str().unwrap(), "show", "alpha"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("“alpha serves goal one”"), "{out}");
    assert!(!out.contains('…'), "nothing is said to be cut: {out}");
    let (_, json, _) = run(&["--data", dir.to_str().unwrap(), "--json", "show", "alpha"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        json["relations"][0]["sources"][0].get("sentence").is_none(),
        "{json}"
    );
}

#[test]
fn a_source_whose_extent_is_the_quote_prints_it_marked_where_the_sentence_goes_on() {
    let source = r#"{"paper": "p1", "locator": "1. Intro", "quote": "alpha serves goal one", "extent": "quote"}"#;
    let dir = dataset("extent", Some(TEXT), source);
    let (code, out, err) = run(&["--data", dir.to_str().unwrap(), "show", "alpha"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("“…alpha serves goal one…”"), "{out}");
    let (_, json, _) = run(&["--data", dir.to_str().unwrap(), "--json", "show", "alpha"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let source = &json["relations"][0]["sources"][0];
    assert_eq!(source["extent"], "quote");
    assert_eq!(source["sentence"], SENTENCE);
}

/// Hao's "the victory of the war of poverty alleviation ... as scheduled" is the end of
/// a sentence that opens "At the beginning of this year": the printer shows it whole.
#[test]
fn shipped_fragments_are_printed_whole() {
    let (code, out, _) = run(&["show", "eliminate-absolute-poverty", "--paper", "hao"]);
    assert_eq!(code, 0);
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("“At the beginning of this year, the victory of the war of poverty alleviation in China marks the solution of absolute poverty as scheduled.”"),
        "{out}"
    );
}

/// Every shipped quote is in its text, and what is printed for it holds all its words
/// and ends where a sentence ends (or is a heading line of its own).
#[test]
fn every_shipped_quote_is_printed_as_sentences_holding_it() {
    let graph = load(&DataSource::Embedded).unwrap().graph;
    let bare = |text: &str| -> String {
        text.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '-'))
            .collect()
    };
    let lines: Vec<String> = std::fs::read_dir(seeds())
        .unwrap()
        .flat_map(|f| {
            let text = std::fs::read_to_string(f.unwrap().path()).unwrap();
            text.lines()
                .map(|l| {
                    l.replace('*', "")
                        .trim_start_matches('#')
                        .trim()
                        .to_string()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let sources = graph
        .relations()
        .flat_map(|(_, r)| r.sources.iter())
        .chain(graph.facts().iter().flat_map(|f| f.sources.iter()));
    let mut count = 0;
    for source in sources {
        let sentence = graph
            .passage(source)
            .unwrap_or_else(|| panic!("not in its text: {}", source.quote()))
            .sentence;
        assert!(
            bare(&sentence).contains(&bare(source.quote())),
            "{sentence:?} does not hold {:?}",
            source.quote()
        );
        let ends = sentence
            .trim_end_matches(['”', '"', '’', ')'])
            .ends_with(['.', '!', '?', '…', '。', '！', '？']);
        assert!(
            ends || lines.contains(&sentence),
            "{sentence:?} neither ends a sentence nor is a heading"
        );
        assert_eq!(graph.printed_quote(source), sentence);
        count += 1;
    }
    assert!(count > 800, "{count} sources");
}

/// Tan, Liu & Huang number the items of several lists `1)`, `2)`, `3)`: a printed
/// locator says which list, and never a bare number.
#[test]
fn a_list_item_locator_names_its_list() {
    let (code, out, _) = run(&["paper", "tan", "--no-pager"]);
    assert_eq!(code, 0);
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("§Weak regional support capacity / 1)"),
        "{out}"
    );
    assert!(
        flat.contains("§The overall implementation not enough / 2)"),
        "{out}"
    );
    for bare in ["§1)", "§2)", "§3)"] {
        assert!(
            !flat.contains(&format!("{bare}]")) && !flat.contains(&format!("{bare};")),
            "a bare {bare}: {out}"
        );
    }
    // A list item with a title of its own is one place already.
    assert!(flat.contains("§1) Shared goals"), "{out}");
}
