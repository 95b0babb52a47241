//! The quiz in GIFT, the plain-text question format Moodle (and platforms that read
//! Moodle's formats) imports: Question bank > Import > GIFT format. Each question is
//! a multiple-choice `::title::[html]question{ ... }` in the category named after the
//! command that made it; its choices, its grades and its key (the general feedback,
//! `####`) are those of the Moodle XML export ([`super::moodle`]): one right choice
//! is `=`, several are each worth an equal share (`~%33.33333%`) and each wrong one
//! takes an equal share away.
//!
//! Every text is escaped as GIFT asks: `~ = # { } :` and the backslash with a
//! backslash, a line break as `\n`; it is HTML (`[html]`), so `<`, `>` and `&` are
//! escaped for HTML first.

use std::fmt::Write as _;

use super::{
    markdown::command,
    moodle::{key_html, para, share},
    Question,
};
use crate::{dot::Lang, graph::ConceptGraph};

/// `text` escaped for GIFT: the characters GIFT reads as markup (`~ = # { } :`) and
/// the backslash take a backslash; a line break is written `\n`; other control
/// characters (a PDF's form feed) become spaces, as the platform would not keep them.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The quiz as a GIFT document.
pub fn gift(
    graph: &ConceptGraph,
    questions: &[Question<'_>],
    paper: Option<&str>,
    seed: u64,
    lang: Lang,
) -> String {
    let made_by = command(paper, seed, "", lang);
    let mut out = format!(
        "// {}\n$CATEGORY: $course$/top/{}\n\n",
        command(paper, seed, " --format gift", lang),
        escape(&made_by)
    );
    for (i, q) in questions.iter().enumerate() {
        let right = q.choices.iter().filter(|c| c.correct).count();
        let wrong = q.choices.len() - right;
        let title = format!("{:02} {}", i + 1, q.kind.title_in(lang));
        let _ = writeln!(
            out,
            "::{}::[html]{}{{",
            escape(&title),
            escape(&para(&q.prompt))
        );
        for choice in &q.choices {
            let mark = match (choice.correct, right == 1) {
                (true, true) => "=".to_string(),
                (false, true) => "~".to_string(),
                (true, false) => format!("~%{}%", share(right, "")),
                (false, false) => format!("~%{}%", share(wrong, "-")),
            };
            let _ = writeln!(out, "\t{mark}{}", escape(&para(&choice.text)));
        }
        let _ = writeln!(out, "\t####{}\n}}\n", escape(&key_html(graph, q)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    /// Each character GIFT reads as markup is escaped, and nothing else.
    #[test]
    fn gift_markup_is_escaped() {
        assert_eq!(
            escape("a~b=c#d{e}f:g\\h\ni\u{c}j — “k”"),
            "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni j — “k”"
        );
    }
}
