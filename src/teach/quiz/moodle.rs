//! The quiz as Moodle XML, the question format Moodle (and the platforms that read
//! Moodle's format) imports: one multiple-choice question per question, in a category
//! named after the command that made it. A question with one right choice is
//! single-answer (100% for it, 0 for the others); one with several right choices is
//! multiple-answer, each right choice worth an equal share and each wrong choice
//! taking an equal share away, both from the grades Moodle accepts. The key (every
//! paper's answer with its quote) is the question's general feedback.

use std::{borrow::Cow, fmt::Write as _};

use quick_xml::escape;

use super::{markdown::command, Question};
use crate::{dot::Lang, graph::ConceptGraph};

/// `text` escaped for XML, with the control characters XML 1.0 forbids (all below
/// U+0020 but tab, line feed and carriage return, and U+FFFE, U+FFFF) made spaces: a
/// quote from a text extracted from a PDF can hold a form feed, which no XML parser
/// (Moodle's included) reads.
fn escape<'a>(text: impl Into<Cow<'a, str>>) -> Cow<'a, str> {
    let text = text.into();
    let forbidden = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if text.contains(forbidden) {
        Cow::Owned(escape::escape(text.replace(forbidden, " ")).into_owned())
    } else {
        escape::escape(text)
    }
}

/// `100 / n` written as Moodle writes its grades: five decimals at most, no trailing
/// zeros (`33.33333`, `12.5`, `100`). Moodle accepts exactly these shares for n up to
/// 10, so no question offers more choices than that.
pub(super) fn share(n: usize, sign: &str) -> String {
    let value = format!(
        "{:.5}",
        100.0 / f64::from(u32::try_from(n.max(1)).unwrap_or(1))
    );
    let value = value.trim_end_matches('0').trim_end_matches('.');
    format!("{sign}{value}")
}

/// Text as an HTML paragraph, escaped for HTML.
pub(super) fn para(text: &str) -> String {
    format!("<p>{}</p>", escape(text))
}

/// An XML element holding HTML, escaped for XML (the HTML's own escapes kept).
fn html_text(out: &mut String, indent: &str, tag: &str, html: &str) {
    let _ = writeln!(
        out,
        "{indent}<{tag} format=\"html\"><text>{}</text></{tag}>",
        escape(html)
    );
}

/// The key as HTML: every paper's answer, its quotes, and why.
pub(super) fn key_html(graph: &ConceptGraph, question: &Question<'_>) -> String {
    let mut html = String::new();
    for answer in &question.key {
        let cites: Vec<&str> = answer.papers.iter().map(|p| graph.cite(p)).collect();
        let _ = write!(
            html,
            "<p><strong>{}</strong> — {}</p>",
            escape(&answer.text),
            escape(cites.join("; "))
        );
        for s in &answer.sources {
            let _ = write!(
                html,
                "<blockquote><p>“{}”</p><p>— {}, {}</p></blockquote>",
                escape(graph.printed_quote(s)),
                escape(graph.cite(&s.paper)),
                escape(graph.cited_locator(s))
            );
        }
    }
    if let Some(note) = &question.note {
        let _ = write!(html, "<p><em>{}</em></p>", escape(note));
    }
    html
}

/// The quiz as a Moodle XML document.
pub fn moodle_xml(
    graph: &ConceptGraph,
    questions: &[Question<'_>],
    paper: Option<&str>,
    seed: u64,
    lang: Lang,
) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
    let _ = writeln!(
        xml,
        "  <question type=\"category\">\n    <category><text>$course$/top/{}</text></category>\n  </question>",
        escape(command(paper, seed, "", lang))
    );
    for (i, q) in questions.iter().enumerate() {
        let right = q.choices.iter().filter(|c| c.correct).count();
        let wrong = q.choices.len() - right;
        let single = right == 1;
        let _ = writeln!(xml, "  <question type=\"multichoice\">");
        let _ = writeln!(
            xml,
            "    <name><text>{:02} {}</text></name>",
            i + 1,
            q.kind.title_in(lang)
        );
        html_text(&mut xml, "    ", "questiontext", &para(&q.prompt));
        html_text(&mut xml, "    ", "generalfeedback", &key_html(graph, q));
        let _ = writeln!(
            xml,
            "    <defaultgrade>1</defaultgrade>\n    <penalty>0</penalty>\n    <hidden>0</hidden>\n    \
             <single>{single}</single>\n    <shuffleanswers>true</shuffleanswers>\n    \
             <answernumbering>ABCD</answernumbering>"
        );
        for choice in &q.choices {
            let fraction = match (choice.correct, single) {
                (true, true) => "100".to_string(),
                (false, true) => "0".to_string(),
                (true, false) => share(right, ""),
                (false, false) => share(wrong, "-"),
            };
            let _ = writeln!(
                xml,
                "    <answer fraction=\"{fraction}\" format=\"html\"><text>{}</text><feedback format=\"html\"><text></text></feedback></answer>",
                escape(para(&choice.text))
            );
        }
        let _ = writeln!(xml, "  </question>");
    }
    xml.push_str("</quiz>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::{escape, share};

    /// The shares are among the grades Moodle's import accepts.
    #[test]
    fn characters_xml_forbids_become_spaces_and_the_rest_is_escaped() {
        assert_eq!(escape("a\u{c}b\u{0}c\u{FFFF}"), "a b c ");
        assert_eq!(escape("tab\tline\n<&>"), "tab\tline\n&lt;&amp;&gt;");
        let document = format!("<text>{}</text>", escape("page\u{c}break \u{1b}[0m"));
        let mut reader = quick_xml::Reader::from_str(&document);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(error) => panic!("not well-formed: {error}"),
            }
        }
    }

    #[test]
    fn shares_are_moodle_grades() {
        let got: Vec<String> = (1..=10).map(|n| share(n, "")).collect();
        assert_eq!(
            got,
            [
                "100", "50", "33.33333", "25", "20", "16.66667", "14.28571", "12.5", "11.11111",
                "10"
            ]
        );
        assert_eq!(share(3, "-"), "-33.33333");
    }
}
