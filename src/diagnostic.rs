//! Problems found in input, reported all together with file, line and column.

use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The data is unusable until this is fixed.
    Error,
    /// The data loads, but something deserves attention.
    Warning,
}

/// One problem in one file, with its place and, where we can tell, how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file as the user knows it (a path, or `<embedded>/name.json`).
    pub file: String,
    /// 1-based line, if the problem has a place in the file.
    pub line: Option<usize>,
    /// 1-based column in characters.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when we can tell.
    pub hint: Option<String>,
    /// The text of the offending line, or of the part of a long line around the column.
    pub snippet: Option<String>,
    /// How many characters of the line were cut before `snippet`.
    pub snippet_offset: usize,
}

impl Diagnostic {
    /// An error about `file` as a whole.
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            hint: None,
            snippet: None,
            snippet_offset: 0,
        }
    }

    /// The same problem as a warning.
    #[must_use]
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Adds a hint.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Places the problem at `line`:`column` of `text`, the file's contents.
    #[must_use]
    pub fn at(mut self, text: &str, line: usize, column: usize) -> Self {
        // serde reports line 0 for errors that have no place in the text.
        if line == 0 {
            return self;
        }
        let column = column.max(1);
        self.line = Some(line);
        self.column = Some(column);
        // A minified file is one long line: keeping all of it for each of many problems
        // would take memory in proportion to problems times file size. What is kept is
        // wider than what `window` shows, so the display is the same.
        self.snippet = text.lines().nth(line - 1).map(|l| {
            let line = l.trim_end();
            let from = column.saturating_sub(1).saturating_sub(KEEP_BEFORE);
            if from == 0 && line.len() <= KEEP_BEFORE + KEEP_AFTER {
                return line.to_string();
            }
            self.snippet_offset = from;
            line.chars()
                .skip(from)
                .take(KEEP_BEFORE + KEEP_AFTER)
                .collect()
        });
        self
    }

    /// Places the problem at byte `offset` of `text`, known to be `line`:`column`.
    /// Only the part of the line around the offset is read, so placing many problems
    /// in one long (minified) line stays linear.
    #[must_use]
    pub fn at_offset(mut self, text: &str, offset: usize, line: usize, column: usize) -> Self {
        let column = column.max(1);
        self.line = Some(line);
        self.column = Some(column);
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (before, after) = text.split_at(offset);
        let mut start = offset;
        let mut kept_before = 0;
        for (i, c) in before.char_indices().rev() {
            if c == '\n' || kept_before == KEEP_BEFORE {
                break;
            }
            start = i;
            kept_before += 1;
        }
        let end = after
            .char_indices()
            .take(KEEP_AFTER)
            .find(|&(_, c)| c == '\n')
            .map_or_else(
                || {
                    offset
                        + after
                            .chars()
                            .take(KEEP_AFTER)
                            .map(char::len_utf8)
                            .sum::<usize>()
                },
                |(i, _)| offset + i,
            );
        self.snippet = text.get(start..end).map(|s| s.trim_end().to_string());
        self.snippet_offset = (column - 1).saturating_sub(kept_before);
        self
    }

    /// `file:line:column`, or as much of it as is known.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", self.file),
            (Some(line), None) => format!("{}:{line}", self.file),
            _ => self.file.clone(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{label}: {}", self.message)?;
        writeln!(f, "  --> {}", self.location())?;
        if let (Some(snippet), Some(line), Some(column)) = (&self.snippet, self.line, self.column) {
            let gutter = line.to_string().len();
            let (shown, caret_at) = window(snippet, column.saturating_sub(self.snippet_offset));
            writeln!(f, "{:gutter$} |", "")?;
            writeln!(f, "{line} | {shown}")?;
            writeln!(f, "{:gutter$} | {:caret_at$}^", "", "")?;
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "  = hint: {hint}")?;
        }
        Ok(())
    }
}

/// Characters of a line kept before and after the column (more than [`window`] shows).
const KEEP_BEFORE: usize = 200;
const KEEP_AFTER: usize = 300;

/// How much of a line is shown around the caret, in terminal columns.
const WINDOW: usize = 100;

/// The part of `line` to show and the caret's indent in terminal columns, for the
/// 1-based character `column`. A line wider than [`WINDOW`] is cut around the column
/// (marked with `…`) so the caret stays visible. Widths are display widths: a Chinese
/// character takes two columns, a combining mark none. A column past the end of the
/// line puts the caret just after it.
fn window(line: &str, column: usize) -> (String, usize) {
    let width = |chars: &[char]| -> usize {
        chars
            .iter()
            .map(|c| textwrap::core::display_width(c.encode_utf8(&mut [0; 4])))
            .sum()
    };
    let chars: Vec<char> = line.chars().collect();
    let before = column.saturating_sub(1).min(chars.len());
    if width(&chars) <= WINDOW {
        return (line.to_string(), width(&chars[..before]));
    }
    // Up to 40 columns of context before the caret.
    let mut start = before;
    while start > 0 && width(&chars[start - 1..before]) <= 40 {
        start -= 1;
    }
    let mut end = start;
    while end < chars.len() && width(&chars[start..=end]) <= WINDOW {
        end += 1;
    }
    let prefix = if start > 0 { "…" } else { "" };
    let suffix = if end < chars.len() { "…" } else { "" };
    let shown: String = chars[start..end].iter().collect();
    (
        format!("{prefix}{shown}{suffix}"),
        width(&chars[start..before]) + usize::from(start > 0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_caret_counts_display_columns() {
        // 精准 is two characters, four columns wide.
        let (shown, caret) = window("  \"精准\" 1", 7);
        assert_eq!(shown, "  \"精准\" 1");
        assert_eq!(caret, 8);
    }

    #[test]
    fn a_long_line_is_kept_only_around_the_column_and_shown_the_same() {
        let line = format!("{}X{}", "a".repeat(5000), "b".repeat(5000));
        let d = Diagnostic::error("f", "m").at(&line, 1, 5001);
        assert!(d.snippet.as_ref().unwrap().chars().count() <= KEEP_BEFORE + KEEP_AFTER);
        let (shown, caret) = window(&line, 5001);
        let display = d.to_string();
        assert!(display.contains(&shown), "{display}");
        assert!(display.contains(&format!("{:caret$}^", "")), "{display}");
    }

    #[test]
    fn placing_by_offset_shows_the_same_as_placing_by_line() {
        let text = format!(
            "{{\n  \"a\": \"精准\", {}X{}\n}}\n",
            "b".repeat(500),
            "c".repeat(500)
        );
        for offset in [0, 2, 8, 10, 13, 515, 516, 517, text.len() - 2] {
            let (line, column) = crate::source_map::line_column(&text, offset);
            let by_line = Diagnostic::error("f", "m")
                .at(&text, line, column)
                .to_string();
            let by_offset = Diagnostic::error("f", "m")
                .at_offset(&text, offset, line, column)
                .to_string();
            assert_eq!(by_line, by_offset, "offset {offset}");
        }
    }

    #[test]
    fn a_column_past_the_end_stays_next_to_the_line() {
        let (_, caret) = window("精准", 40);
        assert_eq!(caret, 4);
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("{}X{}", "a".repeat(200), "b".repeat(200));
        let (shown, caret) = window(&line, 201);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert_eq!(shown.chars().nth(caret), Some('X'), "{shown}");
        let wide = format!("{}X", "精".repeat(100));
        let (shown, caret) = window(&wide, 101);
        assert_eq!(shown.chars().last(), Some('X'));
        assert_eq!(
            textwrap::core::display_width(&shown[..shown.len() - 1]),
            caret
        );
    }

    #[test]
    fn a_diagnostic_with_a_chinese_line_places_its_caret_under_the_place() {
        let text = "{\n  \"label\": \"精准扶贫\" \"x\"\n}";
        let shown = Diagnostic::error("f.json", "m").at(text, 2, 19).to_string();
        let lines: Vec<&str> = shown.lines().collect();
        let caret = lines[4].find('^').unwrap();
        let code = lines[3];
        // The caret is under the opening quote of "x".
        let upto = &code[..code.rfind("\"x\"").unwrap()];
        assert_eq!(caret, textwrap::core::display_width(upto), "{shown}");
    }
}
