//! The sections of a paper's plain text, found from its headings, and where a quote sits
//! among them: so a locator can be derived from the text instead of typed by hand.
//!
//! The texts were converted from PDF or HTML, so headings come in three shapes: Markdown
//! (`#### **2.2.1. Put Forward the Time**`), numbered lines (`3.1. All Rural Poor Have
//! Escaped Poverty`, `一、…`), and the unnumbered headings every paper has (`Abstract`,
//! `Introduction`, `Conclusion`, `References`, `摘要`, `引言`, `结论`). A numbered line is
//! a heading only when it is short and does not end like a sentence, so numbered list
//! items inside paragraphs are not taken for sections.
//!
//! An unnumbered heading is one of [`SECTION_NAMES`] alone on its line, capitalised as a
//! heading is, after a blank line or a line that ends a sentence (so "as the\nIntroduction\n
//! said" inside a paragraph is no heading). A paper whose other sections are unnumbered
//! ("Existing problems and cause analysis") has headings this module cannot tell from a
//! short paragraph, so such a section ends at the first line that stands alone like a
//! heading ([`Heading::level`] 0, no title): a quote after it gets no derived locator
//! rather than a wrong one.

/// The longest line taken for a numbered heading, in characters.
const MAX_HEADING_CHARS: usize = 120;

/// The shortest first line of a heading that goes on in the lines after it.
const MIN_WRAPPED_CHARS: usize = 25;

/// The longest line that ends an unnumbered section by standing alone like a heading.
const MAX_ALONE_CHARS: usize = 90;

/// The sections a paper names without numbering them, lower case (English) or as
/// written (Chinese).
pub(crate) const SECTION_NAMES: [&str; 22] = [
    "abstract",
    "introduction",
    "background",
    "literature review",
    "methods",
    "materials and methods",
    "results",
    "discussion",
    "conclusion",
    "conclusions",
    "summary",
    "acknowledgements",
    "acknowledgments",
    "references",
    "摘要",
    "引言",
    "前言",
    "结论",
    "结语",
    "讨论",
    "参考文献",
    "致谢",
];

/// A section heading of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    /// 1-based line number.
    pub line: usize,
    /// 1-based number of its last line: a heading wrapped over lines (in a typeset
    /// column) goes on past `line`.
    pub last_line: usize,
    /// Byte offset of the line's start.
    pub offset: usize,
    /// The heading as a locator: Markdown marks and emphasis removed, a trailing full
    /// stop dropped (`2.2.1. Put Forward the Time`).
    pub title: String,
    /// How deep the section is: the count of its number's parts (`2.2.1` is 3, `一、`
    /// is 1, `（二）` is 2), a list item's `3)` deepest, for an unnumbered Markdown
    /// heading its count of `#`, for a section name (`Abstract`) 1. 0 for the end of
    /// an unnumbered section (see the module doc): it closes every section open, and
    /// its title is empty.
    pub level: usize,
}

impl Heading {
    /// Whether this is the end of an unnumbered section rather than a heading.
    pub(crate) fn is_end(&self) -> bool {
        self.level == 0
    }
}

/// Every heading of `text`, in order.
pub(crate) fn headings(text: &str) -> Vec<Heading> {
    let mut found: Vec<Heading> = Vec::new();
    let mut offset = 0;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let blank = |i: Option<usize>| {
        i.and_then(|i| lines.get(i))
            .is_none_or(|l| l.trim().is_empty())
    };
    // Inside a section opened by a section name, with no numbered heading since.
    let mut in_named = false;
    // Lines still to pass that go on with the heading before them.
    let mut skip = 0;
    for (i, line) in lines.iter().enumerate() {
        if skip > 0 {
            skip -= 1;
            offset += line.len();
            continue;
        }
        let trimmed = line.trim();
        let after_break = blank(i.checked_sub(1)) || ends_sentence(lines[i - 1].trim());
        let alone = blank(i.checked_sub(1)) && blank(Some(i + 1));
        let numbered = heading_title(trimmed, alone)
            .filter(|_| after_break || trimmed.starts_with('#'))
            .map(|title| {
                if trimmed.starts_with('#') {
                    (title, 0)
                } else {
                    continued(title, &lines[i + 1..])
                }
            });
        let title = numbered.map(|t| (t, false)).or_else(|| {
            (after_break && is_section_name(trimmed))
                .then(|| ((clean(trimmed.trim_end_matches([':', '：'])), 0), true))
        });
        if let Some(((title, more), named)) = title {
            skip = more;
            let marks = trimmed.chars().take_while(|c| *c == '#').count();
            let level = if named {
                1
            } else {
                numbering_depth(&title).unwrap_or(marks)
            };
            in_named = named || (in_named && level == 0);
            found.push(Heading {
                line: i + 1,
                last_line: i + 1 + more,
                offset,
                level,
                title,
            });
        } else if in_named && blank(i.checked_sub(1)) && blank(Some(i + 1)) && stands_alone(trimmed)
        {
            in_named = false;
            found.push(Heading {
                line: i + 1,
                last_line: i + 1,
                offset,
                level: 0,
                title: String::new(),
            });
        }
        offset += line.len();
    }
    found
}

/// `title` with the lines after it that go on with it, and how many they are: a heading wrapped in a narrow
/// column (`1. The Necessity of Organic Connection` / `between Targeted Poverty` /
/// `Alleviation`). They go on with it when at most two lines follow it before a blank
/// line, none ends like a sentence, the heading's first line is long enough to have
/// been wrapped ([`MIN_WRAPPED_CHARS`]), and the whole is no longer than a heading is.
fn continued(title: String, after: &[&str]) -> (String, usize) {
    let more: Vec<&str> = after
        .iter()
        .map(|l| l.trim())
        .take_while(|l| !l.is_empty())
        .take(3)
        .collect();
    let ends = |l: &str| {
        l.trim_end_matches(['*', '_', ' '])
            .ends_with(['.', '。', ';', '；', ',', '，', '!', '?', ':', '：'])
    };
    let total: usize =
        title.chars().count() + more.iter().map(|l| l.chars().count() + 1).sum::<usize>();
    if more.is_empty()
        || title.chars().count() < MIN_WRAPPED_CHARS
        || more.len() > 2
        || after.get(more.len()).is_none_or(|l| !l.trim().is_empty())
        || more.iter().any(|l| ends(l) || l.starts_with('#'))
        || total > MAX_HEADING_CHARS
    {
        return (title, 0);
    }
    let mut whole = title;
    for line in &more {
        if whole.ends_with('-') && line.starts_with(char::is_lowercase) {
            whole.pop();
        } else {
            whole.push(' ');
        }
        whole.push_str(&clean(line));
    }
    (whole, more.len())
}

/// Whether `line` is one of [`SECTION_NAMES`] as a heading writes it: capitalised
/// (`Introduction`, `INTRODUCTION`), Markdown emphasis and a trailing colon allowed.
fn is_section_name(line: &str) -> bool {
    let plain = clean(line.trim_end_matches([':', '：']));
    if !plain.starts_with(|c: char| c.is_uppercase() || crate::locate::is_cjk(c)) {
        return false;
    }
    let lower = plain.to_lowercase();
    SECTION_NAMES.contains(&lower.as_str())
}

/// Whether `line` ends a sentence (or a clause a heading could follow).
fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['*', '_', ' ', '"', '”', '’'])
        .ends_with(['.', '。', '!', '！', '?', '？', ':', '：'])
}

/// Whether `line`, between blank lines, reads as a heading: short, starting with a
/// capital, not ending like a sentence or a clause.
fn stands_alone(line: &str) -> bool {
    let chars = line.chars().count();
    (1..=MAX_ALONE_CHARS).contains(&chars)
        && line.starts_with(|c: char| c.is_uppercase() || c == '#' || c == '*')
        && !line
            .trim_end_matches(['*', '_', ' '])
            .ends_with(['.', '。', ';', '；', ',', '，', '!', '?'])
}

/// The heading a line states, if it is one.
///
/// A numbered line that ends with a full stop is a heading only when it stands `alone`
/// between blank lines and is short (`2.2.2. Nature.` as a typeset paper sets it); a
/// numbered list item inside a paragraph ends like a sentence.
fn heading_title(line: &str, alone: bool) -> Option<String> {
    if let Some(rest) = line.strip_prefix('#') {
        let title = clean(rest.trim_start_matches('#'));
        return (!title.is_empty()).then_some(title);
    }
    let chars = line.chars().count();
    if chars == 0 || chars > MAX_HEADING_CHARS || !starts_numbered(line) {
        return None;
    }
    // A line ending with a hyphen goes on in the next one: a paragraph's line.
    let end = line.trim_end_matches(['*', '_', ' ']);
    let short_alone = alone && chars <= 60 && line.split_whitespace().count() <= 7;
    let ends_sentence = end.ends_with([';', '；', ',', '，', ':', '：', '-'])
        || end.ends_with(['.', '。']) && !short_alone;
    (!ends_sentence).then(|| clean(line))
}

/// `1.`, `2.2.1 `, `3) `, `一、`, `（二）`: the numbering of a section.
fn starts_numbered(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    // Sections are numbered with one or two digits; a line of a wrapped paragraph may
    // open with a year (`2035 and 2050 are ...`).
    if digits > 2 {
        return false;
    }
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

/// The locator the text gives the place at byte `offset`: the chain of headings it falls
/// under, outermost first (`3. Problems / 3.1 Funds`), so that a list item `3)` says
/// which list it is in. `None` when no heading precedes it.
pub(crate) fn derived_locator(headings: &[Heading], offset: usize) -> Option<String> {
    let holding = sections_holding(headings, offset);
    (!holding.is_empty()).then(|| {
        holding
            .iter()
            .map(|h| h.title.as_str())
            .collect::<Vec<_>>()
            .join(crate::places::CHAIN_SEPARATOR)
    })
}

/// The locator of the place at byte `offset` of `text`: the headings it falls under
/// ([`derived_locator`]), or, in a text with no headings at all (an abstract or a
/// note pasted as it is), the paragraph it is in, `paragraph 3`
/// ([`paragraph_locator`]). `None` when the text has headings but none precedes it.
pub(crate) fn locator_at(text: &str, headings: &[Heading], offset: usize) -> Option<String> {
    if headings.is_empty() {
        Some(paragraph_locator(text, offset))
    } else {
        derived_locator(headings, offset)
    }
}

/// `paragraph N`: the paragraph holding byte `offset`, counting from 1 the blocks of
/// lines that blank lines (or a PDF's page breaks) separate.
pub(crate) fn paragraph_locator(text: &str, offset: usize) -> String {
    format!("paragraph {}", paragraph_of(text, offset))
}

/// The number of the paragraph holding byte `offset` (see [`paragraph_locator`]).
pub(crate) fn paragraph_of(text: &str, offset: usize) -> usize {
    let mut paragraph = 0;
    let mut in_paragraph = false;
    let mut at = 0;
    for line in text.split_inclusive(['\n', '\u{c}']) {
        let blank = line.trim().is_empty();
        if !blank && !in_paragraph {
            paragraph += 1;
        }
        in_paragraph = !blank && !line.ends_with('\u{c}');
        at += line.len();
        if at > offset {
            break;
        }
    }
    paragraph.max(1)
}

/// Whether `locator` is a paragraph locator, `paragraph N`, and N is a paragraph of
/// `text`.
pub(crate) fn names_paragraph(locator: &str, text: &str) -> bool {
    locator
        .trim()
        .strip_prefix("paragraph ")
        .and_then(|n| n.trim().parse::<usize>().ok())
        .is_some_and(|n| n >= 1 && n <= paragraph_of(text, text.len().saturating_sub(1)))
}

/// The headings whose sections hold byte `offset`, outermost first: the section it
/// falls under and the sections that one is part of (`3.` and `3.1` for a place in
/// `3.1.2`).
pub(crate) fn sections_holding(headings: &[Heading], offset: usize) -> Vec<&Heading> {
    let mut open: Vec<&Heading> = Vec::new();
    for heading in headings.iter().take_while(|h| h.offset <= offset) {
        while open.last().is_some_and(|o| o.level >= heading.level) {
            open.pop();
        }
        if !heading.is_end() {
            open.push(heading);
        }
    }
    open
}

/// Whether one part of a locator (`2.2.4 Target Target`, `3.1`, `Policy generality`)
/// names `heading`: their numbers are the same, or, white space and case aside, one's
/// words contain the other's.
pub(crate) fn names_heading(part: &str, heading: &Heading) -> bool {
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

    /// The heading of the section holding byte `offset`, if the text has one before it.
    fn section_at(headings: &[Heading], offset: usize) -> Option<&Heading> {
        headings
            .iter()
            .take_while(|h| h.offset <= offset)
            .last()
            .filter(|h| !h.is_end())
    }

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
    fn a_section_name_alone_on_its_line_is_a_heading_but_not_inside_a_paragraph() {
        let text = "Title of the paper\n\nAbstract\n\nThe abstract says a thing.\n\nIntroduction\nThe text opens, as the\nIntroduction\nsays, and goes on.\nIn\nconclusion\nthe end.\n\n摘要\n中文摘要。\n\nCONCLUSIONS:\nLast words.\n";
        let found = headings(text);
        let titles: Vec<&str> = found.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(
            titles,
            vec!["Abstract", "Introduction", "摘要", "CONCLUSIONS"]
        );
        assert!(found.iter().all(|h| h.level == 1));
        let at = |quote: &str| derived_locator(&found, text.find(quote).unwrap());
        assert_eq!(at("The abstract says").as_deref(), Some("Abstract"));
        assert_eq!(at("goes on").as_deref(), Some("Introduction"));
        assert_eq!(at("Last words").as_deref(), Some("CONCLUSIONS"));
    }

    #[test]
    fn an_unnumbered_section_ends_at_a_line_standing_alone_like_a_heading() {
        let text = "Introduction\n\nOpening words.\n\nExisting problems and cause analysis\n\nA problem.\n\n1. Numbered\n\nBody.\n\nA short line alone\n\nMore body.\n";
        let found = headings(text);
        let at = |quote: &str| derived_locator(&found, text.find(quote).unwrap());
        assert_eq!(at("Opening words").as_deref(), Some("Introduction"));
        assert_eq!(at("A problem"), None, "not a wrong locator");
        assert_eq!(section_at(&found, text.find("A problem").unwrap()), None);
        // Inside a numbered section, a short line alone does not end it.
        assert_eq!(at("More body").as_deref(), Some("1. Numbered"));
    }

    #[test]
    fn a_heading_wrapped_in_a_column_is_one_title_and_a_year_opens_no_section() {
        let text = "Body ends here.\n\n1. The Necessity of Organic\nConnection between the Two Revital-\nization Strategies\n\nAccording to the plan, 2020,\n2035 and 2050 are the three key nodes to promote\nthe strategy.\n\n2.2.2. Nature.\n\nText.\n8) The main task of it is to end it.\n";
        let found = headings(text);
        let titles: Vec<&str> = found.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(
            titles,
            vec![
                "1. The Necessity of Organic Connection between the Two Revitalization Strategies",
                "2.2.2. Nature"
            ]
        );
        assert_eq!((found[0].line, found[0].last_line), (3, 5));
    }

    #[test]
    fn a_place_lies_in_its_section_and_the_sections_around_it() {
        // A numbered line opens a section after a blank line or a finished sentence.
        let text = "## 3. Problems\nx\n\n3.1 Funds\ny.\n3) A list item\nz\n\n3.2 People\nw\n";
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
