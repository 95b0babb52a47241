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
    /// The text of the offending line.
    pub snippet: Option<String>,
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
        self.snippet = text.lines().nth(line - 1).map(|l| l.trim_end().to_string());
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
            // Long lines (a quote) are cut around the column so the caret stays visible.
            let chars: Vec<char> = snippet.chars().collect();
            let start = column.saturating_sub(40).min(chars.len());
            let end = (start + 100).min(chars.len());
            let shown: String = chars[start..end].iter().collect();
            let prefix = if start > 0 { "…" } else { "" };
            let suffix = if end < chars.len() { "…" } else { "" };
            writeln!(f, "{:gutter$} |", "")?;
            writeln!(f, "{line} | {prefix}{shown}{suffix}")?;
            let caret_at = column - 1 - start + prefix.chars().count();
            writeln!(f, "{:gutter$} | {:caret_at$}^", "", "")?;
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "  = hint: {hint}")?;
        }
        Ok(())
    }
}
