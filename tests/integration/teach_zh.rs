//! `handout` and `quiz` with `--lang zh`: the words around the papers in Chinese, the
//! quotes byte for byte the English handout's, and for a seed the same questions, right
//! choices and key papers as the English quiz.

use linkage::{
    dot::Lang,
    teach::quiz::{quiz_in, Question},
    PaperFilter,
};

use crate::common::{graph, run};

/// The English words a handout sets around the papers' own (headings, table, key,
/// questions, caption), each of which the English handout of `args` must hold.
const HANDOUT_WORDS: &[&str] = &[
    "## At a glance",
    "| Common ground | Papers | Disputed |",
    "| Difference | Papers | Disputed |",
    "Papers: how many of the papers name the row",
    "## Questions for discussion",
    "The papers answer",
    "## Sources",
    "framing",
];

/// The English words of the full handout only.
const FULL_WORDS: &[&str] = &["## The argument, step by step", "Can both be right?"];

/// The English words of the short handout only.
const SHORT_WORDS: &[&str] = &["Every row's quotes", "a dot for each paper behind a row"];

/// The quotes of a handout (`> “…”` lines), in order, as written.
fn quotes(markdown: &str) -> Vec<&str> {
    markdown
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("> “"))
        .collect()
}

/// What a handout writes in its own words: every line but the quotes and their
/// places, the papers' positions (`    - A: …`), the sources (`- **Cite**: …`) and
/// the figure (a data URI).
fn own_words(markdown: &str) -> String {
    markdown
        .lines()
        .filter(|line| {
            let line = line.trim_start();
            !(line.starts_with('>') || line.starts_with("- ") || line.starts_with("!["))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A full and a short handout in Chinese: none of the English handout's interface
/// words, Chinese headings that keep the English anchors, and every quote the English
/// handout gives, byte for byte and in the same order.
#[test]
#[ignore = "needs Graphviz (a handout draws its figure): scripts/test-deps.sh"]
fn a_chinese_handout_quotes_the_english_ones_verbatim_in_chinese_words() {
    let lessons: [&[&str]; 3] = [
        &["handout", "--diff", "tpa", "rr"],
        &["handout", "--diff", "tpa", "rr", "--short"],
        &["handout", "--path", "tpa", "rr"],
    ];
    for lesson in lessons {
        let (code, en, _) = run(lesson);
        assert_eq!(code, 0, "{lesson:?}");
        let zh_args: Vec<&str> = ["--lang", "zh"].iter().chain(lesson).copied().collect();
        let (code, zh, err) = run(&zh_args);
        assert_eq!(code, 0, "{lesson:?}: {err}");
        let en_quotes = quotes(&en);
        assert!(!en_quotes.is_empty(), "{lesson:?} quotes the papers");
        assert_eq!(quotes(&zh), en_quotes, "{lesson:?}");
        let diff = lesson.contains(&"--diff");
        let zh_own = own_words(&zh);
        let mut asked = 0;
        for word in HANDOUT_WORDS.iter().chain(FULL_WORDS).chain(SHORT_WORDS) {
            if en.contains(word) {
                asked += 1;
                assert!(
                    !zh_own.contains(word),
                    "{lesson:?}: English {word:?} in\n{zh_own}"
                );
            }
        }
        assert!(asked >= 4, "{lesson:?}: the English handout has its words");
        assert!(zh.contains("## 文献来源 {#sources}"), "{lesson:?}");
        if diff {
            assert!(zh.contains("## 讨论题 {#questions-for-discussion}"));
            assert!(zh.contains("| 共同点 | 文献 | 争议 |"), "{zh}");
            // The disputes' answers in Chinese, not the model's English.
            for answer in ["“common ground”", "“a difference”", "“two-way"] {
                assert!(en.contains(answer), "{lesson:?}: {answer}");
                assert!(!zh_own.contains(answer), "{lesson:?}: {answer}");
            }
        }
    }
}

/// The facts of a question that must not depend on the language: its kind, each
/// choice's meaning and rightness, and the papers of its key.
fn shape(q: &Question<'_>) -> String {
    let choices: Vec<String> = q
        .choices
        .iter()
        .map(|c| format!("{:?}={}", c.meaning, c.correct))
        .collect();
    let papers: Vec<&Vec<String>> = q.key.iter().map(|a| &a.papers).collect();
    format!(
        "{:?} {choices:?} {papers:?} {:?} {:?}",
        q.kind, q.pair, q.topic
    )
}

/// For seeds 1 to 3 (and one paper's quiz), the Chinese quiz asks the same questions
/// as the English: the same kinds, choices, right answers and key papers, worded in
/// Chinese.
#[test]
fn a_chinese_quiz_is_the_english_quiz_in_chinese() {
    let graph = graph();
    for (seed, paper) in [(1, None), (2, None), (3, None), (3, Some("hao-2021"))] {
        let papers: Vec<String> = paper.iter().map(ToString::to_string).collect();
        let filter = PaperFilter::resolve(&graph, &papers).unwrap();
        let en = quiz_in(&graph, &filter, seed, Lang::En).unwrap();
        let zh = quiz_in(&graph, &filter, seed, Lang::Zh).unwrap();
        assert!(!en.is_empty());
        assert_eq!(zh.len(), en.len(), "seed {seed}");
        for (e, z) in en.iter().zip(&zh) {
            assert_eq!(shape(z), shape(e), "seed {seed}");
            assert_ne!(z.prompt, e.prompt, "seed {seed}");
            assert!(
                z.prompt
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "seed {seed}: {}",
                z.prompt
            );
        }
    }
}

/// The Chinese quiz as printed: its headings, instructions and key in Chinese, the
/// command that makes it again with `--lang zh`, the student's copy without a key.
#[test]
fn the_chinese_quiz_in_markdown() {
    let (code, en, _) = run(&["quiz", "--seed", "1"]);
    assert_eq!(code, 0);
    let (code, zh, _) = run(&["--lang", "zh", "quiz", "--seed", "1"]);
    assert_eq!(code, 0);
    for word in [
        "## Questions",
        "## Key",
        "Mark one answer.",
        "is common ground",
    ] {
        assert!(en.contains(word), "{word}");
        assert!(!zh.contains(word), "{word}");
    }
    assert!(zh.contains("## 题目 {#questions}") && zh.contains("## 答案 {#key}"));
    assert!(zh.contains("`linkage quiz --seed 1 --lang zh`"));
    let en_quotes = quotes(&en);
    assert!(!en_quotes.is_empty());
    assert_eq!(quotes(&zh), en_quotes);
    let (code, student, _) = run(&["quiz", "--seed", "1", "--student", "--lang", "zh"]);
    assert_eq!(code, 0);
    assert!(!student.contains("## 答案") && !student.contains("> “"));
    assert!(student.contains("请依据文献原话作答"));
}
