//! Human-readable output: one file per command, all sharing the styles and wrapping
//! here. Text is built as a `String` with ANSI styles; the binary writes it through
//! `anstream`, which drops the styles when stdout is not a terminal or `NO_COLOR` is set.

pub mod check;
pub mod compare;
pub mod contested;
pub mod diff;
#[cfg(feature = "cli")] // `schema --kinds` only
pub(crate) mod kinds;
pub mod list;
pub mod locate;
pub mod matching;
pub mod neighbors;
pub mod outline;
pub mod papers;
pub mod path;
pub mod position;
pub mod review;
pub mod search;
pub mod sentence;
pub mod shape;
pub mod show;
pub mod summary;
pub mod table;

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use crate::{graph::ConceptGraph, relation::Source};

/// Width human output is wrapped to.
pub const WIDTH: usize = 80;

/// Section headings.
pub const HEADING: Style = Style::new().bold().underline();
/// Node labels.
pub const LABEL: Style = Style::new().bold();
/// Ids, kinds and other secondary detail.
pub const DETAIL: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
/// Paper citations.
pub const PAPER: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
/// Quotes.
pub const QUOTE: Style = Style::new().italic();
/// Warnings inside normal output (a truncated list).
pub const NOTICE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));

/// `text` in `style`.
pub fn styled(style: Style, text: impl std::fmt::Display) -> String {
    format!("{style}{text}{style:#}")
}

pub use crate::arrow::{relation_line, relation_line_in, GLUE};
pub use crate::places::short_locator;

/// Wraps `text` to [`WIDTH`], every line starting with `indent`. Long words are kept
/// whole rather than broken; nothing is ever truncated.
pub fn wrap(text: &str, indent: &str) -> String {
    wrap_hanging(text, indent, indent)
}

/// Wraps with a different first-line indent.
///
/// First fit: each line takes as many words as fit, which is what a reader of a
/// terminal expects and costs one pass over the words. Words are separated at ASCII
/// spaces, except in text that holds a wide character (Chinese, Japanese, Korean, or
/// full-width punctuation), where a line may also break between characters: there the
/// Unicode line-breaking rules (UAX #14) decide, which keep closing punctuation such as
/// `，` and `。` off the start of a line. Other text gains little from those rules
/// (a break after a dash or a slash), and they cost more than the rest of the wrapping.
///
/// Words joined by [`GLUE`] stay on one line and are printed with a plain space.
pub fn wrap_hanging(text: &str, first: &str, rest: &str) -> String {
    let out = first_fit(text, first, rest).unwrap_or_else(|| {
        let separator = if has_wide_char(text) {
            textwrap::WordSeparator::UnicodeBreakProperties
        } else {
            textwrap::WordSeparator::AsciiSpace
        };
        let mut out = textwrap::fill(text, textwrap_options(first, rest, separator));
        out.push('\n');
        out
    });
    unglue(out)
}

/// `text` with every [`GLUE`] a plain space and every [`JOINER`] gone.
fn unglue(text: String) -> String {
    let text = if text.contains(JOINER) {
        text.replace(JOINER, "")
    } else {
        text
    };
    if text.contains(GLUE) {
        text.replace(GLUE, " ")
    } else {
        text
    }
}

/// The word joiner, which forbids a line break between two wide characters as
/// [`GLUE`] does at a space (no width; removed after wrapping, so output never holds it).
const JOINER: char = '\u{2060}';

/// `text` as one word for the wrapping: its spaces glued ([`GLUE`]) and, where it holds
/// wide characters (between which a line may otherwise break), each character joined
/// to the next, so that "观点 6" is never split into "观" and "点 6".
pub(crate) fn unbreakable(text: &str) -> String {
    let glued = crate::arrow::glued(text);
    if !has_wide_char(text) {
        return glued;
    }
    let mut out = String::with_capacity(glued.len() * 2);
    for (i, c) in glued.chars().enumerate() {
        if i > 0 {
            out.push(JOINER);
        }
        out.push(c);
    }
    out
}

/// textwrap's options for [`wrap_hanging`]: first fit, words kept whole.
fn textwrap_options<'a>(
    first: &'a str,
    rest: &'a str,
    separator: textwrap::WordSeparator,
) -> textwrap::Options<'a> {
    textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(false)
        .word_separator(separator)
        // Ids are hyphenated; splitting them at a line end would make them uncopyable.
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
}

/// Whether `text` holds a character two columns wide: the scripts written without
/// spaces between words, which need Unicode line breaking to wrap at all.
fn has_wide_char(text: &str) -> bool {
    !text.is_ascii()
        && text
            .chars()
            .any(|c| !c.is_ascii() && display_width(c.encode_utf8(&mut [0; 4])) > 1)
}

/// [`wrap_hanging`] of text split at ASCII spaces: the same lines as textwrap's first
/// fit with those options (a test holds it to that), in one pass and without textwrap's
/// per-word bookkeeping, which cost `show` more than the rest of its output. `None`
/// for text it leaves to textwrap: a line break, an escape code, a wide character. A
/// word's width is its length when it is printable ASCII.
fn first_fit(text: &str, first: &str, rest: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + text.len() / 8 + first.len() + 1);
    // textwrap's shortcut: a short line with no first indent is left as it is.
    if text.len() < WIDTH && first.is_empty() && !text.as_bytes().contains(&b'\n') {
        out.push_str(text.trim_end_matches(' '));
        out.push('\n');
        return Some(out);
    }
    let room = [
        WIDTH.saturating_sub(display_width(first)),
        WIDTH.saturating_sub(display_width(rest)),
    ];
    let bytes = text.as_bytes();
    let mut lines = 0;
    // The current line: from its first word's start to its last word's end.
    let (mut line_start, mut line_end) = (0, 0);
    let mut width = 0;
    let mut empty = true;
    let mut at = 0;
    while at < bytes.len() {
        // A word: the characters up to the next space, then its spaces (a text that
        // starts with spaces starts with an empty word).
        let start = at;
        let mut plain = true;
        while let Some(&b) = bytes.get(at).filter(|&&b| b != b' ') {
            plain &= b.is_ascii_graphic();
            at += 1;
        }
        let end = at;
        while at < bytes.len() && bytes[at] == b' ' {
            at += 1;
        }
        let word = &text[start..end];
        let word_width = if plain {
            word.len()
        } else {
            let mut sum = 0;
            for c in word.chars() {
                let columns = display_width(c.encode_utf8(&mut [0; 4]));
                if columns > 1 || c == '\n' || c == '\x1b' {
                    return None;
                }
                sum += columns;
            }
            sum
        };
        if !empty && width + word_width > room[lines.min(1)] {
            out.push_str(if lines == 0 { first } else { rest });
            out.push_str(&text[line_start..line_end]);
            out.push('\n');
            lines += 1;
            line_start = start;
            width = 0;
        }
        width += word_width + (at - end);
        line_end = end;
        empty = false;
    }
    if !empty {
        out.push_str(if lines == 0 { first } else { rest });
        out.push_str(&text[line_start..line_end]);
    }
    out.push('\n');
    Some(out)
}

/// `text` wrapped to [`WIDTH`] (first line after `first`, the rest after `rest`), each
/// line's text in `style`: styles are applied after wrapping so that escape codes never
/// count towards the width.
pub fn wrap_styled(style: Style, text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    for (i, line) in wrap_hanging(text, first, rest).lines().enumerate() {
        let indent = if i == 0 { first } else { rest };
        let body = line.strip_prefix(indent).unwrap_or(line);
        let _ = writeln!(out, "{indent}{}", styled(style, body));
    }
    out
}

/// `first` + the node's label, wrapped to [`WIDTH`] and styled after wrapping. Human
/// output names nodes by their labels; ids are for JSON, and for `list` and `show`'s
/// heading, where a reader learns the short name to type.
pub fn node_line(
    graph: &ConceptGraph,
    ix: petgraph::graph::NodeIndex,
    first: &str,
    rest: &str,
) -> String {
    node_line_in(graph, ix, first, rest, crate::dot::Lang::En)
}

/// [`node_line`] with the node named in `lang` (its `label_zh`, or its label where it
/// has none).
pub fn node_line_in(
    graph: &ConceptGraph,
    ix: petgraph::graph::NodeIndex,
    first: &str,
    rest: &str,
    lang: crate::dot::Lang,
) -> String {
    let label = crate::dot::node_label(graph, ix, lang);
    let wrapped = wrap_hanging(label, first, rest);
    style_first(&wrapped, first, label, LABEL)
}

/// The display width of `text` in terminal columns (a CJK character is two, a
/// combining mark none), as the wrapping measures it. Never count `chars()` for layout.
pub fn display_width(text: &str) -> usize {
    textwrap::core::display_width(text)
}

/// Spaces that pad `text` to `width` columns; none when it is already as wide or wider.
pub fn padding(text: &str, width: usize) -> String {
    " ".repeat(width.saturating_sub(display_width(text)))
}

/// A node's name (its label), for text that is wrapped before styling.
pub fn node_plain(graph: &ConceptGraph, ix: petgraph::graph::NodeIndex) -> String {
    graph.node(ix).label.clone()
}

/// A source as `Cite, §locator: "sentence"` (its [`ConceptGraph::short_locator`] and
/// [`ConceptGraph::printed_quote`]), wrapped at `indent`.
pub fn source_block(
    graph: &ConceptGraph,
    source: &Source,
    indent: &str,
    with_quote: bool,
) -> String {
    let quote = with_quote.then(|| graph.printed_quote(source));
    cited_block(graph, source, indent, quote.as_deref())
}

/// [`source_block`] with the words to print already found (`None`: no quote).
fn cited_block(graph: &ConceptGraph, source: &Source, indent: &str, quote: Option<&str>) -> String {
    let cite = graph.cite(&source.paper);
    let text = match quote {
        Some(quote) => format!("{cite}, {}: “{quote}”", graph.short_locator(source)),
        None => format!("{cite}, {}", graph.short_locator(source)),
    };
    // Style the citation after wrapping so escape codes do not skew line widths.
    style_first(&wrap(&text, indent), indent, cite, PAPER)
}

/// `wrapped` with the first `part` in `style`: where it starts the text, right after
/// `indent`, without searching for it (a citation opens every source block).
fn style_first(wrapped: &str, indent: &str, part: &str, style: Style) -> String {
    let starts = wrapped
        .get(indent.len()..)
        .is_some_and(|text| text.starts_with(part));
    if !starts || part.is_empty() {
        return wrapped.replacen(part, &styled(style, part), 1);
    }
    let (head, tail) = wrapped.split_at(indent.len() + part.len());
    let mut out = String::with_capacity(wrapped.len() + 16);
    out.push_str(&head[..indent.len()]);
    out.push_str(&styled(style, part));
    out.push_str(tail);
    out
}

/// Every source of a relation: with quotes, one block each, except that a sentence is
/// printed once however many of its quotes the paper gives (two clauses of one sentence
/// encoded as two quotes); without, one line per distinct citation and locator (a paper
/// quoted three times in one section is one line).
pub fn sources_block<'s>(
    graph: &ConceptGraph,
    sources: impl IntoIterator<Item = &'s Source>,
    indent: &str,
    with_quotes: bool,
) -> String {
    let mut out = String::new();
    let mut seen: Vec<(&str, &str)> = Vec::new();
    let mut printed: Vec<(&str, std::borrow::Cow<'_, str>)> = Vec::new();
    for source in sources {
        if with_quotes {
            let quote = graph.printed_quote(source);
            if printed
                .iter()
                .any(|(p, q)| *p == source.paper.as_str() && *q == quote)
            {
                continue;
            }
            out.push_str(&cited_block(graph, source, indent, Some(&quote)));
            printed.push((source.paper.as_str(), quote));
        } else {
            let key = (source.paper.as_str(), source.locator());
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            out.push_str(&cited_block(graph, source, indent, None));
        }
    }
    out
}

/// Papers of a relation as `Cite; Cite`.
pub fn citations(graph: &ConceptGraph, papers: &[&str]) -> String {
    papers
        .iter()
        .map(|p| graph.cite(p))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Any result type (or JSON value) as pretty JSON with a trailing newline.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    // Every result type holds strings, numbers, lists and string-keyed maps only, which
    // serde_json always serialises.
    let mut out = serde_json::to_string_pretty(value).expect("result types serialise");
    out.push('\n');
    out
}

/// "1 dimension", "2 dimensions": a count with its noun in agreement.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What textwrap makes of `text` with [`wrap_hanging`]'s options.
    fn by_textwrap(text: &str, first: &str, rest: &str) -> String {
        let options = textwrap_options(first, rest, textwrap::WordSeparator::AsciiSpace);
        textwrap::fill(text, options) + "\n"
    }

    #[test]
    fn an_unbreakable_chinese_name_stays_on_one_line_and_prints_plainly() {
        let items: Vec<String> = (0..12).map(|i| unbreakable(&format!("观点 {i}"))).collect();
        let wrapped = wrap_hanging(&items.join("，"), "", "  ");
        assert!(!wrapped.contains(JOINER) && !wrapped.contains(GLUE));
        for i in 0..12 {
            assert!(wrapped.contains(&format!("观点 {i}")), "{wrapped}");
        }
        assert!(wrapped.lines().count() > 1, "{wrapped}");
    }

    #[test]
    fn first_fit_fills_lines_and_keeps_long_words_whole() {
        let text = "one two three ".repeat(12);
        let wrapped = wrap_hanging(&text, "- ", "  ");
        assert!(wrapped.starts_with("- one two three one"), "{wrapped}");
        assert!(wrapped.lines().all(|l| l.len() <= WIDTH), "{wrapped}");
        assert!(
            wrapped.lines().skip(1).all(|l| l.starts_with("  ")),
            "{wrapped}"
        );
        let long = format!("a {} b", "x".repeat(90));
        assert_eq!(wrap(&long, ""), format!("a\n{}\nb\n", "x".repeat(90)));
        assert_eq!(wrap("", "  "), by_textwrap("", "  ", "  "));
    }

    /// Chinese has no spaces: it breaks between characters, within the width, and
    /// never puts a comma or full stop at the start of a line.
    #[test]
    fn text_with_wide_characters_breaks_between_them() {
        let text = "精准扶贫".repeat(15);
        let wrapped = wrap(&text, "  ");
        assert!(wrapped.lines().count() > 1, "{wrapped}");
        assert!(
            wrapped.lines().all(|l| display_width(l) <= WIDTH),
            "{wrapped}"
        );
        for n in 30..50 {
            let text = format!("{}，乡村振兴。", "扶".repeat(n)).repeat(4);
            let wrapped = wrap(&text, "  ");
            assert!(wrapped.lines().count() > 1, "{wrapped}");
            for line in wrapped.lines() {
                assert!(display_width(line) <= WIDTH, "{wrapped}");
                assert!(!line.trim_start().starts_with(['，', '。']), "{wrapped}");
            }
        }
    }

    /// Glued words stay on one line and are printed with a plain space, on both paths
    /// of the wrapping (first fit, and textwrap for wide characters).
    #[test]
    fn glued_words_stay_together_and_print_plain_spaces() {
        for wide in ["", " 乡村振兴"] {
            let items: Vec<String> = (0..40)
                .map(|i| format!("extension{GLUE}of{GLUE}{i}"))
                .collect();
            let text = format!("Relations{wide}: {}", items.join(", "));
            let wrapped = wrap_hanging(&text, "", "  ");
            assert!(!wrapped.contains(GLUE), "{wrapped}");
            assert!(wrapped.lines().count() > 5, "{wrapped}");
            for i in 0..40 {
                assert!(wrapped.contains(&format!("extension of {i}")), "{wrapped}");
            }
            let words = |t: &str| t.split([' ', '\n', GLUE]).filter(|w| !w.is_empty()).count();
            assert_eq!(words(&wrapped), words(&text));
        }
    }

    proptest::proptest! {
        /// The one-pass first fit gives textwrap's lines, for any mix of words, runs
        /// of spaces, no-break spaces, accents, combining marks and control characters,
        /// under any of the indents the output uses; it leaves line breaks, escape codes
        /// and wide characters to textwrap.
        #[test]
        fn first_fit_is_textwraps_first_fit(
            chars in proptest::collection::vec(
                proptest::prop_oneof![
                    600 => proptest::sample::select(vec![
                        'a', 'b', 'c', 'd', 'e', ' ', ' ', ' ', '-', 'é', '\u{301}', '\u{a0}',
                        '“', '…', '\t', '\r', '(',
                    ]),
                    // Rare, so that most texts are wrapped by both and compared.
                    1 => proptest::sample::select(vec!['\n', '\x1b', '字']),
                ],
                0..300,
            ),
            indent in 0usize..4,
        ) {
            let text: String = chars.into_iter().collect();
            let indents = [("", ""), ("", "  "), ("     ", "     "), ("1. ", "   ")];
            let (first, rest) = indents[indent];
            let fitted = first_fit(&text, first, rest);
            let short = text.len() < WIDTH && first.is_empty() && !text.contains('\n');
            if short || !(has_wide_char(&text) || text.contains(['\n', '\x1b'])) {
                proptest::prop_assert_eq!(fitted, Some(by_textwrap(&text, first, rest)));
            } else {
                proptest::prop_assert_eq!(fitted, None);
            }
        }
    }
}
