//! The quiz as Markdown: the questions with their lettered choices, then (for the
//! lecturer) the key: the right letters, every paper's answer with its source, and why.

use std::fmt::Write as _;

use super::{Question, QuestionKind};
use crate::{graph::ConceptGraph, teach::handout::escape};

/// The letter of the `i`-th choice (A, B, ...).
pub fn letter(i: usize) -> char {
    char::from(b'A' + u8::try_from(i % 26).unwrap_or(0))
}

/// The command that makes this quiz again.
pub fn command(paper: Option<&str>, seed: u64, extra: &str) -> String {
    let paper = paper.map_or_else(String::new, |p| format!(" --paper {p}"));
    format!("linkage quiz{paper} --seed {seed}{extra}")
}

/// How the student is told to answer.
fn instruction(q: &Question<'_>) -> &'static str {
    match (q.several_right(), q.kind) {
        (true, _) => "Mark every right answer.",
        (false, QuestionKind::Dispute | QuestionKind::WhichPaper) => "Mark the paper.",
        (false, _) => "Mark one answer.",
    }
}

/// The quiz as Markdown; without the key when `student`.
pub fn markdown(
    graph: &ConceptGraph,
    questions: &[Question<'_>],
    paper: Option<&str>,
    seed: u64,
    student: bool,
) -> String {
    let mut md = String::new();
    let scope = paper.map_or_else(String::new, |p| format!(" — {}", graph.cite(p)));
    let _ = writeln!(md, "---\ntitle: 'Quiz{}'\n---\n", scope.replace('\'', "''"));
    if student {
        let _ = writeln!(
            md,
            "Answer from the papers' own words. Some questions have more than one right \
             answer: they say so.\n"
        );
    } else {
        let _ = writeln!(
            md,
            "Made from the graph by `{}`; the same command gives the same quiz, and \
             `{}` prints it without the key, for students.\n",
            command(paper, seed, ""),
            command(paper, seed, " --student")
        );
    }
    let _ = writeln!(md, "## Questions\n");
    for (i, q) in questions.iter().enumerate() {
        let stop = if q.prompt.ends_with(['?', '.', '”']) {
            ""
        } else {
            "."
        };
        let _ = writeln!(
            md,
            "{}. {}{stop} {}\n",
            i + 1,
            escape(&q.prompt),
            instruction(q)
        );
        for (k, choice) in q.choices.iter().enumerate() {
            let _ = writeln!(md, "    - **{}.** {}", letter(k), escape(&choice.text));
        }
        md.push('\n');
    }
    if student {
        return md;
    }
    let _ = writeln!(md, "## Key\n");
    for (i, q) in questions.iter().enumerate() {
        let right: Vec<String> = q
            .choices
            .iter()
            .enumerate()
            .filter(|(_, c)| c.correct)
            .map(|(k, c)| format!("**{}** ({})", letter(k), escape(&c.text)))
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
