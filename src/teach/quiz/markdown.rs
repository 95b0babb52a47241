//! The quiz as Markdown: the questions with their lettered choices, then (for the
//! lecturer) the key: the right letters, every paper's answer with its source, and why.

use std::fmt::Write as _;

use super::{Question, QuestionKind};
use crate::{
    dot::Lang,
    graph::ConceptGraph,
    i18n::Messages,
    teach::handout::{escape, heading},
};

/// The letter of the `i`-th choice (A, B, ...).
pub fn letter(i: usize) -> char {
    char::from(b'A' + u8::try_from(i % 26).unwrap_or(0))
}

/// The command that makes this quiz again (in `lang`).
pub fn command(paper: Option<&str>, seed: u64, extra: &str, lang: Lang) -> String {
    let paper = paper.map_or_else(String::new, |p| format!(" --paper {p}"));
    let lang = match lang {
        Lang::En => "",
        Lang::Zh => " --lang zh",
    };
    format!("linkage quiz{paper} --seed {seed}{extra}{lang}")
}

/// How the student is told to answer.
fn instruction(q: &Question<'_>, words: Messages) -> &'static str {
    let about_papers = matches!(q.kind, QuestionKind::Dispute | QuestionKind::WhichPaper);
    words.mark(q.several_right(), about_papers)
}

/// The quiz as Markdown; without the key when `student`.
pub fn markdown(
    graph: &ConceptGraph,
    questions: &[Question<'_>],
    paper: Option<&str>,
    seed: u64,
    student: bool,
    lang: Lang,
) -> String {
    let words = Messages::of(lang);
    let mut md = String::new();
    let scope = paper.map_or_else(String::new, |p| format!(" — {}", graph.cite(p)));
    let title = format!("{}{scope}", words.quiz_title());
    let _ = writeln!(md, "---\ntitle: '{}'\n---\n", title.replace('\'', "''"));
    if student {
        let _ = writeln!(md, "{}\n", words.quiz_for_students());
    } else {
        let _ = writeln!(
            md,
            "{}\n",
            words.quiz_made_by(
                &command(paper, seed, "", lang),
                &command(paper, seed, " --student", lang)
            )
        );
    }
    md.push_str(&heading(words, words.questions_heading(), "questions"));
    for (i, q) in questions.iter().enumerate() {
        let stop = if q.prompt.ends_with(['?', '.', '”', '？', '。']) {
            ""
        } else {
            "."
        };
        let _ = writeln!(
            md,
            "{}. {}{stop} {}\n",
            i + 1,
            escape(&q.prompt),
            instruction(q, words)
        );
        for (k, choice) in q.choices.iter().enumerate() {
            let _ = writeln!(md, "    - **{}.** {}", letter(k), escape(&choice.text));
        }
        md.push('\n');
    }
    if student {
        return md;
    }
    md.push_str(&heading(words, words.key_heading(), "key"));
    for (i, q) in questions.iter().enumerate() {
        let right: Vec<String> = q
            .choices
            .iter()
            .enumerate()
            .filter(|(_, c)| c.correct)
            .map(|(k, c)| format!("**{}**{}", letter(k), words.in_brackets(&escape(&c.text))))
            .collect();
        let _ = writeln!(md, "{}. {}\n", i + 1, right.join(", "));
        for answer in &q.key {
            let cites: Vec<&str> = answer.papers.iter().map(|p| graph.cite(p)).collect();
            let _ = writeln!(
                md,
                "    {} — {}\n",
                escape(&answer.text),
                escape(&cites.join("; "))
            );
            for s in &answer.sources {
                let _ = writeln!(
                    md,
                    "    > “{}”  \n    > — {}, {}\n",
                    escape(&graph.printed_quote(s)),
                    escape(graph.cite(&s.paper)),
                    escape(&graph.cited_locator(s))
                );
            }
        }
        if let Some(note) = &q.note {
            let _ = writeln!(md, "    {}\n", escape(note));
        }
    }
    md
}
