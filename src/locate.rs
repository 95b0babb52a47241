//! Where a quote stands in its paper's text: character offsets and line numbers. The one
//! place quotes are found: `check`, `locate`, `add`, `import` and the exports' selectors
//! all look quotes up here, so they agree on what "the quote is in the text" means.
//!
//! The papers' texts were converted from PDF and wrap anywhere, so a quote is looked up
//! verbatim first and then with white space normalised: every run of white space (line
//! breaks included) is one space, except between two Chinese or Japanese characters,
//! where it is nothing (a line break inside a Chinese sentence is no space). Offsets count
//! Unicode scalar values (Rust `char`s, Python `str` indices), as the W3C
//! `TextPositionSelector` does; lines count from 1.
//!
//! A word hyphenated at a line's end (`allevi-\nation`, as a typeset PDF prints it) is
//! found however the quote spells it: as printed (`allevi- ation`), joined
//! (`alleviation`), or with its hyphen (`rural-urban` for `rural-\nurban`). The text
//! cannot tell a hyphenated word from a compound broken at its hyphen, so at each such
//! place the quote may have the hyphen or not (`Joined`); nothing else is loosened.

use std::ops::Range;

/// A quote's place in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Offset of the quote's first character, in characters from the start of the text.
    pub start_char: usize,
    /// Offset just past the quote's last character.
    pub end_char: usize,
    /// Line (from 1) holding the first character.
    pub first_line: usize,
    /// Line (from 1) holding the last character.
    pub last_line: usize,
    /// Byte offset of the quote's first character.
    pub start_byte: usize,
    /// Byte offset just past the quote's last character.
    pub end_byte: usize,
}

impl Span {
    /// The bytes of the text the quote covers.
    pub fn bytes(&self) -> Range<usize> {
        self.start_byte..self.end_byte
    }
}

/// `text` as quotes are compared: white space squeezed as the module doc says, trimmed.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            pending = true;
            continue;
        }
        if std::mem::take(&mut pending) && !out.is_empty() && !joins(out.chars().last(), ch) {
            out.push(' ');
        }
        out.push(ch);
    }
    out
}

/// Whether white space between `before` and `after` is read as nothing: between two
/// characters of scripts written without spaces.
fn joins(before: Option<char>, after: char) -> bool {
    before.is_some_and(is_cjk) && is_cjk(after)
}

/// `text` as a reader reads it, for a quote: white space squeezed to single spaces, and
/// each hyphen that ends a line before a lower-case letter dropped with the line break
/// (`revi-\ntalization` is `revitalization`), the reading [`TextIndex`] finds a quote by
/// either way. (A compound broken at its own hyphen, `rural-\nurban`, loses it too; the
/// quote is still found.)
pub(crate) fn as_read(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        if ch == '-' {
            if let Some(next) = after_line_break(&chars, i + 1) {
                if chars[next].is_lowercase() {
                    i = next;
                    continue;
                }
            }
        }
        if ch.is_whitespace() {
            while chars.get(i + 1).is_some_and(|c| c.is_whitespace()) {
                i += 1;
            }
            if !out.is_empty() && i + 1 < chars.len() {
                out.push(' ');
            }
        } else {
            out.push(ch);
        }
        i += 1;
    }
    out
}

/// Chinese, Japanese and Korean characters and their punctuation, which are written
/// without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Whether a line of `text` ends with a hyphen (white space aside).
fn has_line_end_hyphen(text: &str) -> bool {
    text.lines().any(|line| line.trim_end().ends_with('-'))
}

/// The bytes of `text` where `quote` first occurs, as [`locate`] finds it.
pub(crate) fn find_bytes(text: &str, quote: &str) -> Option<Range<usize>> {
    locate(text, quote).map(|span| span.bytes())
}

/// Finds the first occurrence of `quote` in `text`: verbatim, or else with white space
/// normalised on both sides. `None` when the quote is empty or absent.
pub(crate) fn locate(text: &str, quote: &str) -> Option<Span> {
    TextIndex::new(text).locate(quote)
}

/// A text prepared for many lookups: its white-space-normalised form with a map back to
/// the original character offsets.
#[derive(Debug, Clone)]
pub struct TextIndex {
    text: String,
    /// The text with every run of white space as one space, without leading or trailing
    /// white space.
    normalised: String,
    /// For each character of `normalised`, the offset of the original character it
    /// stands for (for a space, the run's first white-space character).
    origin: Vec<usize>,
    /// Byte offset of each original character, with the text's length at the end.
    byte_of_char: Vec<usize>,
    /// Character offsets at which a line starts, after the first.
    line_starts: Vec<usize>,
    /// The text read with its line-end hyphens dropped (see the module doc); built on
    /// first need, `None` when no line of the text ends with a hyphen.
    joined: std::sync::OnceLock<Option<Joined>>,
}

/// The text read with every hyphen that ends a line inside a word dropped with the
/// line break (`allevi-\nation` is `alleviation`), white space normalised: a quote is
/// found in it where it matches with or without a hyphen at each such place.
#[derive(Debug, Clone)]
struct Joined {
    /// The characters as compared.
    chars: Vec<char>,
    /// For each character, the offset of the original character it stands for.
    origin: Vec<usize>,
    /// For each character, whether a line-end hyphen was dropped just before it.
    after_hyphen: Vec<bool>,
    /// `chars` without any hyphen, to find candidates quickly.
    blind: String,
    /// For each character of `blind`, its index in `chars`.
    blind_to_chars: Vec<usize>,
}

impl Joined {
    /// `text` read as the type says.
    fn new(text: &str) -> Self {
        let source: Vec<char> = text.chars().collect();
        let mut joined = Self {
            chars: Vec::with_capacity(source.len()),
            origin: Vec::with_capacity(source.len()),
            after_hyphen: Vec::with_capacity(source.len()),
            blind: String::with_capacity(text.len()),
            blind_to_chars: Vec::with_capacity(source.len()),
        };
        let mut space_run: Option<usize> = None;
        let mut dropped = false;
        let mut i = 0;
        while i < source.len() {
            let ch = source[i];
            if ch == '-' {
                if let Some(next) = after_line_break(&source, i + 1) {
                    if source[next].is_lowercase() {
                        dropped = true;
                        i = next;
                        continue;
                    }
                }
            }
            if ch.is_whitespace() {
                space_run.get_or_insert(i);
                i += 1;
                continue;
            }
            if let Some(run) = space_run.take() {
                if !joined.chars.is_empty() && !joins(joined.chars.last().copied(), ch) {
                    joined.push(' ', run, false);
                }
            }
            joined.push(ch, i, std::mem::take(&mut dropped));
            i += 1;
        }
        joined
    }

    fn push(&mut self, ch: char, origin: usize, after_hyphen: bool) {
        if ch != '-' {
            self.blind.push(ch);
            self.blind_to_chars.push(self.chars.len());
        }
        self.chars.push(ch);
        self.origin.push(origin);
        self.after_hyphen.push(after_hyphen);
    }

    /// The original character range of the first place `wanted` (normalised) matches,
    /// taking or leaving each dropped hyphen.
    fn find(&self, wanted: &str) -> Option<(usize, usize)> {
        let quote: Vec<char> = wanted.chars().collect();
        let blind: String = quote.iter().filter(|c| **c != '-').collect();
        if blind.is_empty() {
            return None;
        }
        for byte in memchr::memmem::find_iter(self.blind.as_bytes(), blind.as_bytes()) {
            let at = self.blind_to_chars[self.blind[..byte].chars().count()];
            // A quote opening with hyphens: they stand before the first letter found.
            let lead = quote.iter().take_while(|c| **c == '-').count();
            let Some(start) = at.checked_sub(lead) else {
                continue;
            };
            if let Some(end) = self.matches_at(start, &quote) {
                return Some((self.origin[start], self.origin[end - 1] + 1));
            }
        }
        None
    }

    /// Where `quote` ends when it matches from character `start`: character by
    /// character, a hyphen of the quote standing for one the reading dropped.
    fn matches_at(&self, start: usize, quote: &[char]) -> Option<usize> {
        let (mut i, mut j) = (start, 0);
        while j < quote.len() {
            if self.chars.get(i) == Some(&quote[j]) {
                i += 1;
                j += 1;
            } else if quote[j] == '-' && self.after_hyphen.get(i) == Some(&true) {
                j += 1;
            } else {
                return None;
            }
        }
        (i > start).then_some(i)
    }
}

/// When the white space from `from` holds a line break and a letter follows it, that
/// letter's offset: a hyphen just before `from` ends a line inside a word.
fn after_line_break(chars: &[char], from: usize) -> Option<usize> {
    let mut i = from;
    let mut broke = false;
    while let Some(&c) = chars.get(i) {
        if !c.is_whitespace() {
            break;
        }
        broke |= c == '\n';
        i += 1;
    }
    (broke && i > from && chars.get(i).is_some_and(|c| c.is_alphabetic())).then_some(i)
}

impl TextIndex {
    /// Prepares `text` for lookups; linear in its length.
    pub fn new(text: &str) -> Self {
        let mut normalised = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut byte_of_char = Vec::with_capacity(text.len() + 1);
        let mut line_starts = Vec::new();
        let mut space_run: Option<usize> = None;
        for (offset, (byte, ch)) in text.char_indices().enumerate() {
            byte_of_char.push(byte);
            if ch == '\n' {
                line_starts.push(offset + 1);
            }
            if ch.is_whitespace() {
                space_run.get_or_insert(offset);
                continue;
            }
            if let Some(run) = space_run.take() {
                if !normalised.is_empty() && !joins(normalised.chars().last(), ch) {
                    normalised.push(' ');
                    origin.push(run);
                }
            }
            normalised.push(ch);
            origin.push(offset);
        }
        byte_of_char.push(text.len());
        Self {
            text: text.to_string(),
            normalised,
            origin,
            byte_of_char,
            line_starts,
            joined: std::sync::OnceLock::new(),
        }
    }

    /// The text this index was built from.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Number of characters in the text.
    pub fn char_len(&self) -> usize {
        self.byte_of_char.len() - 1
    }

    /// The characters `start..end` of the text (clamped to its length).
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let end = end.min(self.char_len());
        let start = start.min(end);
        &self.text[self.byte_of_char[start]..self.byte_of_char[end]]
    }

    /// Finds `quote` as [`locate`] does.
    pub fn locate(&self, quote: &str) -> Option<Span> {
        if quote.trim().is_empty() {
            return None;
        }
        // A match of one valid UTF-8 string in another starts on a character boundary.
        if let Some(byte) = memchr::memmem::find(self.text.as_bytes(), quote.as_bytes()) {
            let start = self.char_at_byte(byte);
            return Some(self.span(start, start + quote.chars().count()));
        }
        let wanted = normalise(quote);
        if let Some(span) = self.find_in(&self.normalised, &self.origin, &wanted) {
            return Some(span);
        }
        let joined = self
            .joined
            .get_or_init(|| has_line_end_hyphen(&self.text).then(|| Joined::new(&self.text)));
        let (start, end) = joined.as_ref()?.find(&wanted)?;
        Some(self.span(start, end))
    }

    /// The span of `wanted` in the reading `normalised` (with `origin`), if it is there.
    fn find_in(&self, normalised: &str, origin: &[usize], wanted: &str) -> Option<Span> {
        if wanted.is_empty() {
            return None;
        }
        let byte = memchr::memmem::find(normalised.as_bytes(), wanted.as_bytes())?;
        let first = normalised[..byte].chars().count();
        let last = first + wanted.chars().count() - 1;
        Some(self.span(origin[first], origin[last] + 1))
    }

    fn char_at_byte(&self, byte: usize) -> usize {
        self.byte_of_char
            .binary_search(&byte)
            .expect("a match starts on a char boundary")
    }

    fn line_of(&self, offset: usize) -> usize {
        1 + self.line_starts.partition_point(|&start| start <= offset)
    }

    fn span(&self, start_char: usize, end_char: usize) -> Span {
        Span {
            start_char,
            end_char,
            first_line: self.line_of(start_char),
            last_line: self.line_of(end_char - 1),
            start_byte: self.byte_of_char[start_char],
            end_byte: self.byte_of_char[end_char],
        }
    }
}

#[cfg(test)]
mod as_read_tests {
    use super::{as_read, locate};

    #[test]
    fn line_end_hyphens_go_and_white_space_squeezes() {
        let text = "Ru-\nral revi-\n  talization relies on\n the Party.  X-\nRay ";
        let read = as_read(text);
        assert_eq!(read, "Rural revitalization relies on the Party. X- Ray");
        // The reading is found in the text it came from.
        assert!(locate(text, "Rural revitalization relies on the Party.").is_some());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verbatim_quote_is_found_at_its_characters_and_lines() {
        let text = "第一行\nsecond line has the words\nthird";
        let span = locate(text, "has the").unwrap();
        assert_eq!((span.first_line, span.last_line), (2, 2));
        let chars: Vec<char> = text.chars().collect();
        let found: String = chars[span.start_char..span.end_char].iter().collect();
        assert_eq!(found, "has the");
    }

    #[test]
    fn a_quote_wrapped_differently_is_found_across_lines() {
        let text = "intro\nthe organic\n   connection of two\nstrategies";
        let span = locate(text, "organic connection of two strategies").unwrap();
        assert_eq!((span.first_line, span.last_line), (2, 4));
        let index = TextIndex::new(text);
        assert_eq!(
            index.slice(span.start_char, span.end_char),
            "organic\n   connection of two\nstrategies"
        );
    }

    proptest::proptest! {
        /// Any piece of a text, rewrapped, is found (verbatim where it occurs verbatim),
        /// and the span's characters hold exactly its words.
        #[test]
        fn a_rewrapped_piece_of_the_text_is_found_where_it_stands(
            text in "[a-c 字\n]{0,40}",
            start in 0usize..40,
            len in 1usize..12,
        ) {
            let chars: Vec<char> = text.chars().collect();
            let start = start.min(chars.len());
            let end = (start + len).min(chars.len());
            let piece: String = chars[start..end].iter().collect();
            proptest::prop_assume!(!piece.trim().is_empty());
            let rewrapped = piece.split_whitespace().collect::<Vec<_>>().join("\n ");
            let index = TextIndex::new(&text);
            let span = index.locate(&rewrapped).expect("a piece of the text is in it");
            let found = index.slice(span.start_char, span.end_char);
            proptest::prop_assert_eq!(normalise(found), normalise(&piece));
            match text.find(&rewrapped) {
                // Verbatim first: its first verbatim occurrence.
                Some(byte) => proptest::prop_assert_eq!(span.start_char, text[..byte].chars().count()),
                // Else the first occurrence of its words, at or before the piece.
                None => proptest::prop_assert!(span.start_char <= start + piece.chars().count()),
            }
            let lines_before = chars[..span.start_char].iter().filter(|&&c| c == '\n').count();
            proptest::prop_assert_eq!(span.first_line, lines_before + 1);
            proptest::prop_assert!(span.last_line >= span.first_line);
        }
    }

    #[test]
    fn a_line_break_between_chinese_characters_is_no_space() {
        let text = "## 2. 乡村\n精准扶贫是乡村\n振兴的基础。 Then English\nwords.";
        let span = locate(text, "乡村振兴的基础").unwrap();
        assert_eq!(&text[span.bytes()], "乡村\n振兴的基础");
        assert_eq!((span.first_line, span.last_line), (2, 3));
        assert!(locate(text, "English words").is_some());
        assert!(locate(text, "Englishwords").is_none());
        assert_eq!(normalise(" 精准 \n 扶贫  a\tb "), "精准扶贫 a b");
    }

    #[test]
    fn a_word_hyphenated_at_a_line_end_is_found_joined_or_with_its_hyphen() {
        let text = "the poverty allevi-\nation of rural-\n  urban areas and Rural Re-\nvitalization.\nA list -\nNext";
        let index = TextIndex::new(text);
        let found = |quote: &str| {
            index
                .locate(quote)
                .map(|s| index.slice(s.start_char, s.end_char).to_string())
        };
        assert_eq!(
            found("poverty alleviation").as_deref(),
            Some("poverty allevi-\nation")
        );
        assert_eq!(
            found("rural-urban areas").as_deref(),
            Some("rural-\n  urban areas")
        );
        assert_eq!(
            found("allevi- ation").as_deref(),
            Some("allevi-\nation"),
            "as printed"
        );
        assert_eq!(
            found("Rural Revitalization.").as_deref(),
            Some("Rural Re-\nvitalization.")
        );
        // A dash before a capital is no hyphenated word: "list Next" is not in the text.
        assert_eq!(found("A list Next"), None);
        assert_eq!(found("A list - Next").as_deref(), Some("A list -\nNext"));
        // The joined reading of a compound is no word a quote would hold: harmless.
        assert!(found("ruralurban areas").is_some());
        // Both readings in one quote.
        assert_eq!(
            found("alleviation of rural-urban areas").as_deref(),
            Some("allevi-\nation of rural-\n  urban areas")
        );
        // A hyphen the text has mid-line must be in the quote.
        let index = TextIndex::new("self-change and anti-\npoverty");
        assert!(index.locate("selfchange").is_none());
        assert!(index.locate("self-change and anti-poverty").is_some());
        assert!(index.locate("self-change and antipoverty").is_some());
        assert_eq!(found("povertyalleviation"), None);
    }

    #[test]
    fn an_absent_or_empty_quote_has_no_place() {
        assert_eq!(locate("some text", "other words"), None);
        assert_eq!(locate("some text", "  "), None);
    }
}
