//! `quiz --format gift` read back by a strict GIFT parser written here from Moodle's
//! description of the format (docs.moodle.org, "GIFT format"): every `~ = # { } :`
//! and backslash in a text must be escaped, a question is `::title::[html]text{...}`,
//! answers are `=right`, `~wrong` or `~%weight%answer`, the general feedback `####`;
//! stricter than GIFT in one way, as the export writes it: one answer a line.
//! What it reads must be the quiz the library made: the same prompts, the same right
//! and wrong choices, grades that add up, every paper of the key in the feedback.

use linkage::{
    dot::Lang,
    teach::quiz::{quiz_in, QuizFormat},
    PaperFilter,
};

use crate::common::graph;

/// How an answer is marked.
#[derive(Debug, PartialEq)]
enum Mark {
    Right,
    Wrong,
    Weight(f64),
}

/// One question as GIFT gives it.
#[derive(Debug)]
struct GiftQuestion {
    title: String,
    format: String,
    text: String,
    answers: Vec<(Mark, String)>,
    feedback: String,
}

/// A strict reader of GIFT text: characters, position, and a line for messages.
struct Reader<'a> {
    chars: Vec<char>,
    at: usize,
    source: &'a str,
}

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn starts_with(&self, text: &str) -> bool {
        text.chars()
            .enumerate()
            .all(|(k, c)| self.chars.get(self.at + k) == Some(&c))
    }

    fn fail(&self, why: &str) -> String {
        let line = self.chars[..self.at.min(self.chars.len())]
            .iter()
            .filter(|&&c| c == '\n')
            .count()
            + 1;
        let text = self.source.lines().nth(line - 1).unwrap_or("");
        format!("line {line}: {why}: {text}")
    }

    /// Text up to (not including) the first unescaped character of `ends`, unescaped.
    /// An unescaped GIFT special character that is not an end is an error, as is an
    /// escape GIFT does not define.
    fn text_until(&mut self, ends: &[char]) -> Result<String, String> {
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.fail("the text does not end"));
            };
            if ends.contains(&c) {
                return Ok(out);
            }
            match c {
                '\\' => {
                    self.at += 1;
                    match self.peek() {
                        Some(e @ ('~' | '=' | '#' | '{' | '}' | ':' | '\\')) => out.push(e),
                        Some('n') => out.push('\n'),
                        _ => return Err(self.fail("an escape GIFT does not define")),
                    }
                }
                '~' | '=' | '#' | '{' | '}' | ':' => {
                    return Err(self.fail(&format!("an unescaped `{c}` in a text")));
                }
                c => out.push(c),
            }
            self.at += 1;
        }
    }

    fn skip_blank(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    fn expect(&mut self, text: &str) -> Result<(), String> {
        if !self.starts_with(text) {
            return Err(self.fail(&format!("expected `{text}`")));
        }
        self.at += text.chars().count();
        Ok(())
    }

    /// `%weight%` after a `~`.
    fn weight(&mut self) -> Result<f64, String> {
        self.expect("%")?;
        let start = self.at;
        while self.peek().is_some_and(|c| c != '%') {
            self.at += 1;
        }
        let number: String = self.chars[start..self.at].iter().collect();
        self.expect("%")?;
        number
            .parse()
            .map_err(|_| self.fail(&format!("`{number}` is not a weight")))
    }

    fn question(&mut self) -> Result<GiftQuestion, String> {
        self.expect("::")?;
        let title = self.text_until(&[':'])?;
        self.expect("::")?;
        self.expect("[")?;
        let start = self.at;
        while self.peek().is_some_and(|c| c != ']') {
            self.at += 1;
        }
        let format: String = self.chars[start..self.at].iter().collect();
        self.expect("]")?;
        let text = self.text_until(&['{'])?;
        self.expect("{")?;
        let mut answers = Vec::new();
        let feedback = loop {
            self.skip_blank();
            if self.starts_with("####") {
                self.at += 4;
                let feedback = self.text_until(&['\n'])?;
                self.skip_blank();
                self.expect("}")?;
                break feedback;
            }
            let mark = match self.peek() {
                Some('=') => {
                    self.at += 1;
                    Mark::Right
                }
                Some('~') => {
                    self.at += 1;
                    if self.peek() == Some('%') {
                        Mark::Weight(self.weight()?)
                    } else {
                        Mark::Wrong
                    }
                }
                _ => return Err(self.fail("expected an answer (`=`, `~`) or `####`")),
            };
            // One answer a line, as the export writes them: a `=`, `~`, `#` or `}`
            // within the line is markup left unescaped.
            let answer = self.text_until(&['\n'])?;
            answers.push((mark, answer.trim().to_string()));
        };
        // Nothing after the closing brace on its line.
        while self.peek().is_some_and(|c| c == ' ' || c == '\t') {
            self.at += 1;
        }
        if !matches!(self.peek(), None | Some('\n')) {
            return Err(self.fail("text after the question's `}`"));
        }
        Ok(GiftQuestion {
            title,
            format,
            text,
            answers,
            feedback,
        })
    }
}

/// The category and the questions of a GIFT document, or where it breaks the format.
fn parse(source: &str) -> Result<(Option<String>, Vec<GiftQuestion>), String> {
    let mut reader = Reader {
        chars: source.chars().collect(),
        at: 0,
        source,
    };
    let mut category = None;
    let mut questions = Vec::new();
    loop {
        reader.skip_blank();
        if reader.peek().is_none() {
            return Ok((category, questions));
        }
        if reader.starts_with("//") {
            while reader.peek().is_some_and(|c| c != '\n') {
                reader.at += 1;
            }
        } else if reader.starts_with("$CATEGORY:") {
            reader.at += "$CATEGORY:".len();
            let name = reader.text_until(&['\n'])?;
            category = Some(name.trim().to_string());
        } else {
            questions.push(reader.question()?);
        }
    }
}

/// HTML as text: the paragraph marks and the five escapes quick-xml writes undone.
fn html_text(html: &str) -> String {
    let text = html.replace("<p>", "").replace("</p>", "");
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The parser refuses what GIFT forbids: it is strict enough to catch a bad export.
#[test]
fn the_gift_parser_refuses_unescaped_markup() {
    let good = "::t::[html]<p>a\\: b\\=c</p>{\n\t=<p>yes</p>\n\t~<p>no</p>\n\t####<p>k</p>\n}\n";
    let (_, questions) = parse(good).unwrap();
    assert_eq!(questions[0].text, "<p>a: b=c</p>");
    assert_eq!(questions[0].answers[0], (Mark::Right, "<p>yes</p>".into()));
    for bad in [
        "::t::[html]<p>a: b</p>{\n\t=<p>yes</p>\n\t####<p>k</p>\n}\n",
        "::t::[html]<p>a</p>{\n\t=<p>ye=s</p>\n\t####<p>k</p>\n}\n",
        "::t::[html]<p>a</p>{\n\t=<p>yes</p>\n\t####<p>k{</p>\n}\n",
        "::t::[html]<p>a\\q</p>{\n\t=<p>yes</p>\n\t####<p>k</p>\n}\n",
        "::t::[html]<p>a</p>{\n\t=<p>yes</p>#fb\n\t####<p>k</p>\n}\n",
    ] {
        assert!(parse(bad).is_err(), "accepted: {bad}");
    }
}

/// Every GIFT export of these quizzes parses strictly and is the quiz: prompts,
/// right and wrong choices (one `=`, or weights adding to 100 and -100), the key's
/// papers in the general feedback; and the command prints what the library writes.
/// In English and in Chinese (`--lang zh`).
#[test]
fn the_gift_export_is_the_quiz_read_back_by_a_strict_parser() {
    let graph = graph();
    let mut escaped = 0;
    let runs = [(1, None), (2, None), (3, Some("hao-2021")), (11, None)];
    for (lang, (seed, paper)) in [Lang::En, Lang::Zh]
        .into_iter()
        .flat_map(|lang| runs.map(|run| (lang, run)))
    {
        let papers: Vec<String> = paper.iter().map(ToString::to_string).collect();
        let questions = quiz_in(
            &graph,
            &PaperFilter::resolve(&graph, &papers).unwrap(),
            seed,
            lang,
        )
        .unwrap();
        let gift = linkage::teach::quiz_command(&graph, paper, seed, false, QuizFormat::Gift, lang)
            .unwrap()
            .unwrap();
        let (code, printed) = crate::quiz::quiz_printed(seed, paper, lang, "gift");
        assert_eq!((code, printed.as_str()), (0, gift.as_str()));
        escaped += gift.matches("\\:").count();

        let (category, read) = parse(&gift).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
        assert!(category.unwrap().starts_with("$course$/top/linkage quiz"));
        assert_eq!(read.len(), questions.len(), "seed {seed}");
        for (k, (q, g)) in questions.iter().zip(&read).enumerate() {
            let at = format!("seed {seed} in {lang:?}, question {}", k + 1);
            let title = q.kind.title_in(lang);
            assert_eq!(g.title, format!("{:02} {title}", k + 1), "{at}");
            assert_eq!(g.format, "html", "{at}");
            assert_eq!(html_text(&g.text), q.prompt, "{at}");
            assert_eq!(g.answers.len(), q.choices.len(), "{at}");
            let several = q.choices.iter().filter(|c| c.correct).count() > 1;
            let (mut up, mut down) = (0.0, 0.0);
            for ((mark, text), choice) in g.answers.iter().zip(&q.choices) {
                assert_eq!(html_text(text), choice.text, "{at}");
                match (mark, several) {
                    (Mark::Right, false) => assert!(choice.correct, "{at}"),
                    (Mark::Wrong, false) => assert!(!choice.correct, "{at}"),
                    (Mark::Weight(w), true) if *w > 0.0 => {
                        assert!(choice.correct, "{at}");
                        up += w;
                    }
                    (Mark::Weight(w), true) => {
                        assert!(!choice.correct, "{at}");
                        down += w;
                    }
                    other => panic!("{at}: {other:?}"),
                }
            }
            if several {
                assert!(
                    (up - 100.0).abs() < 0.01 && (down + 100.0).abs() < 0.01,
                    "{at}"
                );
            }
            let feedback = html_text(&g.feedback);
            for answer in &q.key {
                for p in &answer.papers {
                    assert!(feedback.contains(graph.cite(p)), "{at}: {p}");
                }
            }
        }
    }
    assert!(escaped > 0, "the quizzes exercise GIFT's escapes");
}
