//! The sections of a paper's plain text, found from its headings, and where a quote sits
//! among them: so a locator can be derived from the text instead of typed by hand.
//!
//! The texts were converted from PDF or HTML, so headings come in two shapes: Markdown
//! (`#### **2.2.1. Put Forward the Time**`) and numbered lines (`3.1. All Rural Poor Have
//! Escaped Poverty`, `一、…`). A numbered line is a heading only when it is short and
//! does not end like a sentence, so numbered list items inside paragraphs are not taken
//! for sections.

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
    /// How deep the section is: the count of its number's parts (`2.2.1` is 3, `一、`
    /// is 1, `（二）` is 2), a list item's `3)` deepest, or for an unnumbered Markdown
    /// heading its count of `#`.
    pub level: usize,
}

/// Every heading of `text`, in order.
pub fn headings(text: &str) -> Vec<Heading> {
    let mut found = Vec::new();
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if let Some(title) = heading_title(line.trim()) {
            let marks = line.trim().chars().take_while(|c| *c == '#').count();
            found.push(Heading {
                line: i + 1,
                offset,
                level: numbering_depth(&title).unwrap_or(marks),
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

/// The depth of a title's numbering (see [`Heading::level`]); `None` when unnumbered.
fn numbering_depth(title: &str) -> Option<usize> {
    /// A list item's `3)` sits under every numbered section.
    const LIST_ITEM: usize = 9;
    if !starts_numbered(title) {
        return None;
    }
    if title.starts_with('（') {
        return Some(2);
    }
    if !title.starts_with(|c: char| c.is_ascii_digit()) {
        return Some(1);
    }
    let number = title
        .split_once([' ', ')', '、'])
        .map_or(title, |(number, _)| number);
    if title[number.len()..].starts_with(')') {
        return Some(LIST_ITEM);
    }
    Some(number.split('.').filter(|part| !part.is_empty()).count())
}

/// Drops Markdown emphasis, surrounding spaces and one trailing full stop.
fn clean(text: &str) -> String {
    let plain: String = text.chars().filter(|c| *c != '*' && *c != '_').collect();
    let plain = plain.trim();
    plain.strip_suffix('.').unwrap_or(plain).trim().to_string()
}

/// The heading of the section holding byte `offset`, if the text has one before it.
pub fn section_at(headings: &[Heading], offset: usize) -> Option<&Heading> {
    headings.iter().take_while(|h| h.offset <= offset).last()
}

/// The locator the text gives the place at byte `offset`: the chain of headings it falls
/// under, outermost first (`3. Problems / 3.1 Funds`), so that a list item `3)` says
/// which list it is in. `None` when no heading precedes it.
pub fn derived_locator(headings: &[Heading], offset: usize) -> Option<String> {
    let holding = sections_holding(headings, offset);
    (!holding.is_empty()).then(|| {
        holding
            .iter()
            .map(|h| h.title.as_str())
            .collect::<Vec<_>>()
            .join(crate::places::CHAIN_SEPARATOR)
    })
}

/// The headings whose sections hold byte `offset`, outermost first: the section it
/// falls under and the sections that one is part of (`3.` and `3.1` for a place in
/// `3.1.2`).
pub fn sections_holding(headings: &[Heading], offset: usize) -> Vec<&Heading> {
    let mut open: Vec<&Heading> = Vec::new();
    for heading in headings.iter().take_while(|h| h.offset <= offset) {
        while open.last().is_some_and(|o| o.level >= heading.level) {
            open.pop();
        }
        open.push(heading);
    }
    open
}

/// Whether one part of a locator (`2.2.4 Target Target`, `3.1`, `Policy generality`)
/// names `heading`: their numbers are the same, or, white space and case aside, one's
/// words contain the other's.
pub fn names_heading(part: &str, heading: &Heading) -> bool {
    let (part_number, part_words) = split_number(part);
    let (number, words) = split_number(&heading.title);
    if !part_number.is_empty() && part_number == number {
        return true;
    }
    !part_words.is_empty()
        && !words.is_empty()
        && (words.contains(&part_words) || part_words.contains(&words))
}

/// A title's number without its trailing mark (`2.2.4`, `3`, `一`) and its words, lower
/// case and white space normalised, a trailing parenthetical dropped.
fn split_number(title: &str) -> (String, String) {
    let mut title = crate::locate::normalise(&title.to_lowercase());
    if title.ends_with(')') {
        if let Some(open) = title.rfind(" (") {
            title.truncate(open);
        }
    }
    let numerals = "一二三四五六七八九十（）";
    let number_len: usize = title
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || numerals.contains(*c))
        .map(char::len_utf8)
        .sum();
    let (number, rest) = title.split_at(number_len);
    let words = rest.trim_start_matches([')', '、', ' ']).trim();
    (number.trim_end_matches('.').to_string(), words.to_string())
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
    fn a_place_lies_in_its_section_and_the_sections_around_it() {
        let text = "## 3. Problems\nx\n3.1 Funds\ny\n3) A list item\nz\n3.2 People\nw\n";
        let heads = headings(text);
        let titles = |offset| -> Vec<String> {
            sections_holding(&heads, offset)
                .into_iter()
                .map(|h| h.title.clone())
                .collect()
        };
        let z = text.find('z').unwrap();
        assert_eq!(
            titles(z),
            vec!["3. Problems", "3.1 Funds", "3) A list item"]
        );
        assert_eq!(
            titles(text.find('w').unwrap()),
            vec!["3. Problems", "3.2 People"]
        );
        assert_eq!(
            derived_locator(&heads, z).as_deref(),
            Some("3. Problems / 3.1 Funds / 3) A list item")
        );
        let funds = &heads[1];
        assert!(names_heading("3.1", funds));
        assert!(names_heading("3.1. Funds", funds));
        assert!(names_heading("funds (Table 2)", funds));
        assert!(!names_heading("3.2 People", funds));
        assert!(!names_heading("2.2.4 Target Target", funds));
    }

    #[test]
    fn a_quote_is_found_across_line_breaks_and_placed_in_its_section() {
        let text = "## 1. One\nalpha beta\n## 2. Two\ngamma\n  delta 精准 扶贫\n";
        let found = crate::locate::locate(text, "gamma delta  精准 扶贫").unwrap();
        assert_eq!(&text[found.bytes()], "gamma\n  delta 精准 扶贫");
        let heads = headings(text);
        assert_eq!(
            section_at(&heads, found.start_byte).unwrap().title,
            "2. Two"
        );
        assert_eq!(found.first_line, 4);
        assert_eq!(crate::locate::locate(text, "delta gamma"), None);
    }
}
