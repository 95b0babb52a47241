//! The sections of a paper's plain text, found from its headings, and where a quote sits
//! among them: so a locator can be derived from the text instead of typed by hand.
//!
//! The texts were converted from PDF or HTML, so headings come in two shapes: Markdown
//! (`#### **2.2.1. Put Forward the Time**`) and numbered lines (`3.1. All Rural Poor Have
//! Escaped Poverty`, `一、…`). A numbered line is a heading only when it is short and
//! does not end like a sentence, so numbered list items inside paragraphs are not taken
//! for sections.

use std::ops::Range;

/// The longest line taken for a numbered heading, in characters.
const MAX_HEADING_CHARS: usize = 120;

/// A section heading of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1-based line number.
    pub line: usize,
    /// Byte offset of the line's start.
    pub offset: usize,
    /// The heading as a locator: Markdown marks and emphasis removed, a trailing full
    /// stop dropped (`2.2.1. Put Forward the Time`).
    pub title: String,
}

/// Every heading of `text`, in order.
pub fn headings(text: &str) -> Vec<Heading> {
    let mut found = Vec::new();
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if let Some(title) = heading_title(line.trim()) {
            found.push(Heading {
                line: i + 1,
                offset,
                title,
            });
        }
        offset += line.len();
    }
    found
}

/// The heading a line states, if it is one.
fn heading_title(line: &str) -> Option<String> {
    if let Some(rest) = line.strip_prefix('#') {
        let title = clean(rest.trim_start_matches('#'));
        return (!title.is_empty()).then_some(title);
    }
    let chars = line.chars().count();
    if chars == 0 || chars > MAX_HEADING_CHARS || !starts_numbered(line) {
        return None;
    }
    let ends_sentence = line
        .trim_end_matches(['*', '_', ' '])
        .ends_with(['.', '。', ';', '；', ',', '，', ':', '：']);
    (!ends_sentence).then(|| clean(line))
}

/// `1.`, `2.2.1 `, `3) `, `一、`, `（二）`: the numbering of a section.
fn starts_numbered(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = &line[digits..];
        return rest.starts_with(['.', ' ', ')', '、']);
    }
    let numerals = "一二三四五六七八九十";
    let han = line.chars().take_while(|c| numerals.contains(*c)).count();
    if han > 0 {
        return line.chars().nth(han) == Some('、');
    }
    line.starts_with('（') && line.chars().nth(1).is_some_and(|c| numerals.contains(c))
}

/// Drops Markdown emphasis, surrounding spaces and one trailing full stop.
fn clean(text: &str) -> String {
    let plain: String = text.chars().filter(|c| *c != '*' && *c != '_').collect();
    let plain = plain.trim();
    plain.strip_suffix('.').unwrap_or(plain).trim().to_string()
}

/// Where `quote` occurs in `text`, comparing with runs of white space (line breaks
/// included) taken as one space, as the quote check does, and as nothing between two
/// Chinese or Japanese characters (a line break inside a Chinese sentence is no space):
/// a byte range of `text`.
pub fn find_quote(text: &str, quote: &str) -> Option<Range<usize>> {
    let wanted: Vec<char> = squeeze(quote.trim()).into_iter().map(|(_, c)| c).collect();
    if wanted.is_empty() {
        return None;
    }
    let kept = squeeze(text);
    let start = kept
        .windows(wanted.len())
        .position(|window| window.iter().map(|(_, c)| *c).eq(wanted.iter().copied()))?;
    let (first, _) = kept[start];
    let (last, c) = kept[start + wanted.len() - 1];
    Some(first..last + c.len_utf8())
}

/// The characters of `text` with white space squeezed as [`find_quote`] compares them,
/// each with its byte offset.
fn squeeze(text: &str) -> Vec<(usize, char)> {
    let mut kept: Vec<(usize, char)> = Vec::with_capacity(text.len());
    let mut pending: Option<usize> = None;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            pending.get_or_insert(at);
            continue;
        }
        if let Some(space) = pending.take() {
            let between_han = kept.last().is_some_and(|(_, before)| is_cjk(*before)) && is_cjk(c);
            if !between_han {
                kept.push((space, ' '));
            }
        }
        kept.push((at, c));
    }
    if let Some(space) = pending {
        kept.push((space, ' '));
    }
    kept
}

/// Chinese, Japanese and Korean characters and their punctuation, which are written
/// without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// The heading of the section holding byte `offset`, if the text has one before it.
pub fn section_at(headings: &[Heading], offset: usize) -> Option<&Heading> {
    headings.iter().take_while(|h| h.offset <= offset).last()
}

/// 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    // Counted over bytes: `offset` may fall inside a character (the last byte of one).
    let bytes = text.as_bytes();
    let upto = &bytes[..offset.min(bytes.len())];
    upto.split(|b| *b == b'\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_markdown_and_numbered_headings_but_not_sentences() {
        let text = "Title\n#### **2.2.1. Put Forward the Time**\nBody. 3) not a heading.\n3.1. All Rural Poor Have Escaped Poverty\n8) The main task of poverty alleviation is to end it.\n一、总体要求\n";
        let titles: Vec<String> = headings(text).into_iter().map(|h| h.title).collect();
        assert_eq!(
            titles,
            vec![
                "2.2.1. Put Forward the Time",
                "3.1. All Rural Poor Have Escaped Poverty",
                "一、总体要求"
            ]
        );
    }

    #[test]
    fn a_quote_is_found_across_line_breaks_and_placed_in_its_section() {
        let text = "## 1. One\nalpha beta\n## 2. Two\ngamma\n  delta 精准 扶贫\n";
        let found = find_quote(text, "gamma delta  精准 扶贫").unwrap();
        assert_eq!(&text[found.clone()], "gamma\n  delta 精准 扶贫");
        let heads = headings(text);
        assert_eq!(section_at(&heads, found.start).unwrap().title, "2. Two");
        assert_eq!(line_of(text, found.start), 4);
        assert_eq!(find_quote(text, "delta gamma"), None);
    }
}
