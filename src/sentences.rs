//! Where a paper's sentences begin and end, so that a quote can be printed as the whole
//! sentence (or sentences) it was taken from instead of a fragment cut wherever the
//! encoder stopped selecting.
//!
//! The texts were converted from PDF and HTML: lines wrap anywhere, a page break leaves
//! a blank line inside a sentence, and headings stand on lines of their own without a
//! full stop. So a text is first split into lines that are headings (or other title
//! lines: a figure caption, the authors' names) and the lines between them, which are
//! read as running text whatever their breaks; the running text is then split at
//! sentence-ending punctuation.
//!
//! Sentence ends, in English and Chinese: `。！？` end a sentence wherever they stand;
//! `.`, `!`, `?` and `…` end one when white space follows and the next word does not
//! start in lower case. A full stop does not end a sentence after an abbreviation
//! (`e.g.`, `et al.`, `No.`), an initial (`J.`), a dotted token (`U.S.`, `2.2.1.`) or
//! the number opening a numbered line (`3. Results`); a decimal (`3.5`) has no space
//! after its point. Closing quotation marks, brackets and Markdown emphasis after the
//! punctuation belong to the sentence they close. A list item (`- `, `1) `, `（二）`,
//! `一、` at the start of a line) starts a sentence.
//!
//! Unicode's sentence boundaries (UAX #29, the `unicode-segmentation` crate) were the
//! first choice, but they end a sentence at every line break of a PDF-wrapped text and
//! after `2.2.1.` and `e.g.`, and know nothing of headings; undoing that took as many
//! rules as these, so the rules are written here.

use std::ops::Range;

/// Words that a full stop follows without ending the sentence, lower case, without
/// their stop.
const ABBREVIATIONS: &[&str] = &[
    "al", "approx", "art", "ca", "cf", "ch", "co", "corp", "dept", "dr", "ed", "eds", "eq", "esp",
    "fig", "figs", "inc", "jr", "ltd", "mr", "mrs", "ms", "no", "nos", "op", "p", "pp", "prof",
    "sec", "sr", "st", "viz", "vol", "vols", "vs",
];

/// The longest line taken for a title line, in words.
const MAX_TITLE_WORDS: usize = 16;

/// The longest line compared with the known titles, in bytes.
const MAX_TITLE_BYTES: usize = 400;

/// The sentences of a text: byte ranges, in order, not overlapping, each without the
/// white space around it. Title lines (headings, captions) are sentences of their own.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sentences {
    spans: Vec<Range<usize>>,
}

impl Sentences {
    /// Splits `text`, whose headings are `headings`, into sentences. `titles` are
    /// headings known to the caller (the paper's locators, say): a line that is one of
    /// them, lower case and white space aside, is a title line even where the rules
    /// below would not take it for one, and a line opening with one (`Abstract: …`)
    /// starts a sentence after it.
    pub(crate) fn with_headings(
        text: &str,
        titles: &[String],
        headings: &[crate::headings::Heading],
    ) -> Self {
        let titles: Vec<String> = titles
            .iter()
            .map(|t| title_key(t))
            .filter(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= 3)
            .collect();
        let lines = classify_lines(text, &titles, headings);
        let mut spans = Vec::new();
        let mut run: Option<Range<usize>> = None;
        for line in &lines {
            match line.kind {
                LineKind::Blank => {}
                LineKind::Title => {
                    if let Some(body) = run.take() {
                        split_running_text(text, body, &lines, &mut spans);
                    }
                    push_trimmed(text, line.bytes.clone(), &mut spans);
                }
                LineKind::Body { .. } => {
                    let body = run.get_or_insert(line.bytes.start..line.bytes.end);
                    body.end = line.bytes.end;
                }
            }
        }
        if let Some(body) = run {
            split_running_text(text, body, &lines, &mut spans);
        }
        Self { spans }
    }

    /// The sentences, as byte ranges of the text.
    pub(crate) fn spans(&self) -> &[Range<usize>] {
        &self.spans
    }

    /// The bytes of the sentences holding `bytes` (a quote's place in the text): from
    /// the start of the sentence its first character is in to the end of the sentence
    /// its last character is in. A place in the white space between two sentences
    /// belongs to the next one. `bytes` itself when the text has no sentence there.
    pub(crate) fn enclosing(&self, bytes: Range<usize>) -> Range<usize> {
        if bytes.is_empty() {
            return bytes;
        }
        // The first sentence ending after the quote's start, and the last one starting
        // before its end.
        let first = self.spans.partition_point(|s| s.end <= bytes.start);
        let last = self.spans.partition_point(|s| s.start < bytes.end);
        if first >= last {
            return bytes;
        }
        let start = self.spans[first].start.min(bytes.start);
        let end = self.spans[last - 1].end.max(bytes.end);
        start..end
    }
}

/// What a line of the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    /// Only white space.
    Blank,
    /// A heading or another line standing alone: a sentence of its own.
    Title,
    /// Running text; `starts_item`: the line opens a list item, `skip` bytes of list
    /// mark or run-in heading (`- `, `Abstract: `) before its sentence starts.
    Body { starts_item: bool, skip: usize },
}

#[derive(Debug, Clone)]
struct Line {
    /// The line's bytes without its line break.
    bytes: Range<usize>,
    kind: LineKind,
}

/// Every line of `text`, classified.
fn classify_lines(
    text: &str,
    titles: &[String],
    headings: &[crate::headings::Heading],
) -> Vec<Line> {
    let numbered_headings: Vec<usize> =
        headings.iter().flat_map(|h| h.line..=h.last_line).collect();
    let mut lines: Vec<Line> = Vec::new();
    let mut offset = 0;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let content = raw.trim_end_matches(['\n', '\r']);
        let bytes = offset..offset + content.len();
        offset += raw.len();
        let trimmed = content.trim();
        // A known title is a short line: a paragraph is never compared.
        let known = |line: &str| {
            line.len() <= MAX_TITLE_BYTES && !titles.is_empty() && titles.contains(&title_key(line))
        };
        let kind = if trimmed.is_empty() {
            LineKind::Blank
        } else if numbered_headings.binary_search(&(i + 1)).is_ok() || known(trimmed) {
            LineKind::Title
        } else {
            let lead = content.len() - content.trim_start().len();
            let (starts_item, skip) = match list_mark(trimmed) {
                Some(mark) => (true, mark),
                None => (false, run_in_title(trimmed, titles).unwrap_or(0)),
            };
            LineKind::Body {
                starts_item: starts_item || skip > 0,
                skip: lead + skip,
            }
        };
        lines.push(Line { bytes, kind });
    }
    // A short line standing alone between finished sentences is a title: a heading
    // the rules above miss, a caption, a byline.
    for i in 0..lines.len() {
        if !matches!(
            lines[i].kind,
            LineKind::Body {
                starts_item: false,
                ..
            }
        ) {
            continue;
        }
        let line = text[lines[i].bytes.clone()].trim();
        let before = lines[..i].iter().rev().find(|l| l.kind != LineKind::Blank);
        let after = lines[i + 1..].iter().find(|l| l.kind != LineKind::Blank);
        let closed_before = before.is_none_or(|l| {
            l.kind == LineKind::Title || ends_sentence_or_clause(text[l.bytes.clone()].trim())
        });
        // What follows a title opens with a capital or a mark; a script without case
        // (Chinese) gives no sign, and its wrapped lines are not taken for titles.
        let opens_after = after.is_none_or(|l| {
            text[l.bytes.clone()]
                .trim()
                .chars()
                .next()
                .is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '#' | '*' | '-' | '•')
                })
        });
        if closed_before && opens_after && looks_like_title(line) {
            lines[i].kind = LineKind::Title;
        }
    }
    lines
}

/// Whether a line could be a title: short, opening with a capital, a digit or a
/// character of a script without case, holding no sentence end, and not ending like a
/// sentence or a clause.
fn looks_like_title(line: &str) -> bool {
    // The number opening a numbered title (`3.1.`) or a caption (`Figure 2.`) is no
    // sentence end.
    let mut unnumbered = line;
    for label in ["Figure ", "Fig. ", "Table "] {
        if let Some(rest) = line.strip_prefix(label) {
            unnumbered = rest;
        }
    }
    let unnumbered = unnumbered.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let inner_end = [". ", "! ", "? ", "。", "！", "？"].iter().any(|end| {
        unnumbered
            .trim_end()
            .trim_end_matches(is_closer)
            .contains(end)
    });
    if inner_end {
        return false;
    }
    let words = line.split_whitespace().count();
    let opens = line
        .trim_start_matches(['#', '*', '_', ' '])
        .chars()
        .next()
        .is_some_and(|c| !c.is_lowercase() && c.is_alphanumeric());
    let unfinished = line
        .trim_end_matches(['*', '_', ' '])
        .ends_with([',', ';', '，', '；', '、', '-', '(', '（', '“', '"']);
    words <= MAX_TITLE_WORDS && opens && !unfinished && !ends_sentence_or_clause(line)
}

/// Whether a line ends a sentence (or a lead-in, with a colon): its last character,
/// closing marks aside, is sentence-ending punctuation or a colon.
fn ends_sentence_or_clause(line: &str) -> bool {
    line.trim_end_matches(is_closer)
        .ends_with(['.', '!', '?', '…', '。', '！', '？', ':', '：'])
}

/// `title` as lines are compared to known titles: lower case, white space squeezed,
/// Markdown emphasis, a trailing parenthetical (`(Figure 2)`) and a trailing colon or
/// full stop dropped.
fn title_key(title: &str) -> String {
    let plain: String = title
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '#'))
        .collect::<String>()
        .to_lowercase();
    let mut key = crate::locate::normalise(&plain);
    if key.ends_with(')') {
        if let Some(open) = key.rfind(" (") {
            key.truncate(open);
        }
    }
    key.trim_end_matches([':', '：', '.', ' ']).to_string()
}

/// The bytes of a list item's mark at the start of `line` (`- `, `* `, `• `, `1) `,
/// `（二）`, `一、`) that come before its sentence; `None` when the line opens no item.
/// The bullet is dropped from the sentence; a number is kept, as it is part of the
/// item's text.
fn list_mark(line: &str) -> Option<usize> {
    for bullet in ["- ", "* ", "• ", "· "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(line.len() - rest.trim_start().len());
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 3 && line[digits..].starts_with(") ") {
        return Some(0);
    }
    let numerals = "一二三四五六七八九十";
    let han = line.chars().take_while(|c| numerals.contains(*c)).count();
    if han > 0 && line.chars().nth(han) == Some('、') {
        return Some(0);
    }
    (line.starts_with('（') && line.chars().nth(1).is_some_and(|c| numerals.contains(c)))
        .then_some(0)
}

/// The bytes of a run-in heading opening `line` (`Abstract: `, `**Keywords:** `,
/// `Abstract Eliminating …`): one of the known `titles`, then a colon or full stop, or
/// a capital. `None` when the line opens with none.
fn run_in_title(line: &str, titles: &[String]) -> Option<usize> {
    let plain_start = line.len() - line.trim_start_matches(['*', '_']).len();
    let rest = &line[plain_start..];
    for title in titles {
        let Some(head) = rest.get(..title.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(title) {
            continue;
        }
        let after = &rest[title.len()..];
        let marked = after.trim_start_matches(['*', '_']);
        let marked = marked
            .strip_prefix([':', '：', '.'])
            .map(|m| m.trim_start_matches(['*', '_']));
        let body = marked.unwrap_or(after);
        let opens = body.strip_prefix(' ').unwrap_or(body).trim_start();
        let capital = opens.chars().next().is_some_and(|c| !c.is_lowercase());
        if (marked.is_some() || after.starts_with(' ')) && capital && !opens.is_empty() {
            return Some(line.len() - opens.len());
        }
    }
    None
}

/// Closing marks that belong to the sentence before them.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | '）' | ']' | '】' | '」' | '』' | '》' | '*' | '_'
    )
}

/// Splits the running text `body` (lines between titles) into sentences.
fn split_running_text(text: &str, body: Range<usize>, lines: &[Line], out: &mut Vec<Range<usize>>) {
    // Sentence starts forced by the lines: a list item opens one after its mark, and
    // so does a line opening with a capital after a line ending in a colon (a lead-in:
    // "mainly in:" then "First, …").
    let mut after_colon = false;
    let mut forced: Vec<(usize, usize)> = Vec::new();
    for line in lines
        .iter()
        .filter(|l| l.bytes.start >= body.start && l.bytes.end <= body.end)
    {
        let content = text[line.bytes.clone()].trim();
        match line.kind {
            LineKind::Body { starts_item, skip } => {
                let capital = content.chars().next().is_some_and(char::is_uppercase);
                if starts_item || (after_colon && capital) {
                    forced.push((line.bytes.start, line.bytes.start + skip));
                }
                after_colon = content.ends_with([':', '：']);
            }
            LineKind::Title => after_colon = false,
            LineKind::Blank => {}
        }
    }
    forced.reverse();
    let mut start = body.start;
    let chars: Vec<(usize, char)> = text[body.clone()]
        .char_indices()
        .map(|(i, c)| (body.start + i, c))
        .collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, _) = chars[i];
        if at < start {
            // A list mark or run-in heading, not part of any sentence.
            i += 1;
            continue;
        }
        if forced.last().is_some_and(|&(line, _)| line <= at) {
            let (line, skip_to) = forced.pop().unwrap_or((at, at));
            if line > start {
                push_trimmed(text, start..line, out);
            }
            start = skip_to.max(start);
            continue;
        }
        let Some(end) = sentence_end(text, &chars, i, start) else {
            i += 1;
            continue;
        };
        let end_byte = chars.get(end).map_or(body.end, |&(b, _)| b);
        push_trimmed(text, start..end_byte, out);
        start = end_byte;
        i = end;
    }
    if start < body.end {
        push_trimmed(text, start..body.end, out);
    }
}

/// If the character at `i` ends a sentence, the index of the first character after
/// the sentence (its closing marks included); `start` is where the sentence began.
fn sentence_end(text: &str, chars: &[(usize, char)], i: usize, start: usize) -> Option<usize> {
    let (at, c) = chars[i];
    let mut j = i + 1;
    let cjk = matches!(c, '。' | '！' | '？');
    if !cjk && !matches!(c, '.' | '!' | '?' | '…') {
        return None;
    }
    // A run of stops (`?!`, `……`, `……。`) and the marks closing the sentence.
    while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…' | '。' | '！' | '？') {
        j += 1;
    }
    while j < chars.len() && is_closer(chars[j].1) {
        j += 1;
    }
    if cjk || chars[j - 1].1 == '。' {
        return Some(j);
    }
    let next = chars.get(j).map(|&(_, c)| c);
    match next {
        None => return Some(j),
        Some(n) if crate::locate::is_cjk(n) => return Some(j),
        // `areas.How to`: a space lost in conversion between a word and a sentence.
        Some(n) if n.is_uppercase() && j == i + 1 => {
            let before = i.checked_sub(1).map(|k| chars[k].1);
            let after = chars.get(j + 1).map(|&(_, c)| c);
            let glued =
                before.is_some_and(char::is_lowercase) && after.is_some_and(char::is_lowercase);
            return glued.then_some(j);
        }
        Some(n) if !n.is_whitespace() => return None,
        Some(_) => {}
    }
    let following = chars[j..]
        .iter()
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace());
    if following.is_some_and(|n| n.is_lowercase() || matches!(n, ',' | ';' | ':' | ')')) {
        return None;
    }
    if c == '.' && j == i + 1 && !stop_ends_sentence(text, start, at) {
        return None;
    }
    Some(j)
}

/// Whether the single full stop at byte `at` ends a sentence, judged by the word before
/// it (from the last white space or opening mark): not after an abbreviation, an
/// initial, a dotted token or the number opening a line.
fn stop_ends_sentence(text: &str, start: usize, at: usize) -> bool {
    let before = &text[start..at];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '（' | '“' | '"' | '['))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    let lower = lower.trim_start_matches(['*', '_']);
    if ABBREVIATIONS.contains(&lower) || lower.contains('.') {
        return false;
    }
    let mut letters = word.chars();
    if letters.next().is_some_and(char::is_uppercase) && letters.next().is_none() {
        // An initial.
        return false;
    }
    // The number of a numbered line (`3. Results`): the first word of its line.
    let line_start = text[..start + word_start].rfind('\n').map_or(0, |p| p + 1);
    let numbered = word.chars().all(|c| c.is_ascii_digit())
        && text[line_start..start + word_start]
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '#' | '*' | '-'));
    !numbered
}

/// Adds `bytes` without the white space around it, if anything is left.
fn push_trimmed(text: &str, bytes: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[bytes.clone()];
    let start = bytes.start + (piece.len() - piece.trim_start().len());
    let end = bytes.end - (piece.len() - piece.trim_end().len());
    if start < end {
        out.push(start..end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Sentences {
        fn new(text: &str, titles: &[String]) -> Self {
            Self::with_headings(text, titles, &crate::headings::headings(text))
        }
    }

    fn split(text: &str) -> Vec<&str> {
        Sentences::new(text, &[])
            .spans()
            .iter()
            .map(|r| &text[r.clone()])
            .collect()
    }

    #[test]
    fn english_sentences_end_at_stops_but_not_after_abbreviations_numbers_or_initials() {
        let text = "Poverty fell by 3.5 points, e.g. in Hebei. Prof. Hao and J. Smith\n\
                    et al. agree (see 2.2.1. above). In 2013. It was put forward\n\
                    \n\
                    for the first time! Was it? Yes…";
        assert_eq!(
            split(text),
            vec![
                "Poverty fell by 3.5 points, e.g. in Hebei.",
                "Prof. Hao and J. Smith\net al. agree (see 2.2.1. above).",
                "In 2013.",
                "It was put forward\n\nfor the first time!",
                "Was it?",
                "Yes…",
            ]
        );
    }

    #[test]
    fn chinese_sentences_end_at_their_stops_across_line_breaks() {
        let text = "精准扶贫是乡村\n振兴的基础。乡村振兴“巩固成果”！是否衔接？是的";
        assert_eq!(
            split(text),
            vec![
                "精准扶贫是乡村\n振兴的基础。",
                "乡村振兴“巩固成果”！",
                "是否衔接？",
                "是的"
            ]
        );
    }

    #[test]
    fn headings_captions_and_list_items_stand_apart() {
        let text = "## **2.2.1. Put Forward the Time**\n\
                    In 2013, it was put forward. It began early.\n\
                    \n\
                    Policy arrangement\n\
                    \n\
                    Figure 2. The policy arrangement of the two\n\
                    \n\
                    The direct embodiment lies in policy.\n\
                    - 1) *Shared goals.* Both aim at the goals.\n\
                    - 2) *Content integration.* Both focus\n\
                    on farmers.\n\
                    3.1. All Rural Poor Have Escaped Poverty\n\
                    Abstract: Poverty alleviation is foundational.";
        assert_eq!(
            split(text),
            vec![
                "## **2.2.1. Put Forward the Time**",
                "In 2013, it was put forward.",
                "It began early.",
                "Policy arrangement",
                "Figure 2. The policy arrangement of the two",
                "The direct embodiment lies in policy.",
                "1) *Shared goals.*",
                "Both aim at the goals.",
                "2) *Content integration.*",
                "Both focus\non farmers.",
                "3.1. All Rural Poor Have Escaped Poverty",
                "Abstract: Poverty alleviation is foundational.",
            ]
        );
        let known = Sentences::new(text, &["Abstract".to_string()]);
        let last = known.spans().last().unwrap().clone();
        assert_eq!(&text[last], "Poverty alleviation is foundational.");
    }

    #[test]
    fn a_quote_is_enclosed_by_the_sentences_it_touches() {
        let text = "One sentence here. The quote starts in this one. And ends\nin this one. Last.";
        let sentences = Sentences::new(text, &[]);
        let quote = text.find("starts").unwrap()..text.find("ends").unwrap() + 4;
        assert_eq!(
            &text[sentences.enclosing(quote)],
            "The quote starts in this one. And ends\nin this one."
        );
        let whole = text.find("Last.").unwrap()..text.len();
        assert_eq!(&text[sentences.enclosing(whole)], "Last.");
    }

    proptest::proptest! {
        /// Whatever the text, sentences are in order, do not overlap, have no white
        /// space at either end, and any place is enclosed by a range holding it.
        #[test]
        fn sentences_cover_the_text_in_order(
            text in "[a-cA-C .!?。\n1)(\\-*：:字…]{0,80}",
            start in 0usize..80,
            len in 1usize..20,
        ) {
            let sentences = Sentences::new(&text, &[]);
            let mut last_end = 0;
            for span in sentences.spans() {
                proptest::prop_assert!(span.start >= last_end && span.start < span.end);
                let piece = &text[span.clone()];
                proptest::prop_assert_eq!(piece.trim(), piece);
                last_end = span.end;
            }
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let first = start.min(bounds.len() - 1);
            let (start, end) = (bounds[first], bounds[(first + len).min(bounds.len() - 1)]);
            proptest::prop_assume!(start < end);
            let enclosing = sentences.enclosing(start..end);
            proptest::prop_assert!(enclosing.start <= start && enclosing.end >= end);
            proptest::prop_assert!(text.is_char_boundary(enclosing.start) && text.is_char_boundary(enclosing.end));
        }
    }
}
