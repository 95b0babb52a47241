//! Finds where a JSON value sits in its file, for diagnostics.
//!
//! `serde_json` reports positions only for syntax errors. Semantic problems (an unknown id
//! in `/relations/3/from`) are found after parsing, so we walk the text once more to turn
//! the JSON pointer into a line and column. This runs only when there is something to
//! report, keeping the happy path at full parsing speed.

/// Line and column (both 1-based, column in characters) of the value at `pointer`
/// (RFC 6901, e.g. `/relations/3/from`) in `text`, or `None` if it is not there.
pub(crate) fn locate(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let segments = segments(pointer);
    let mut walker = Walker {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let offset = walker.find(&segments)?;
    Some(line_column(text, offset))
}

/// Places in one file for many problems at once. A pointer into a top-level array
/// (`/relations/3/from`) is found from an index of the array's item starts, built once,
/// so each lookup walks only its item: a file with thousands of problems is not walked
/// thousands of times.
pub(crate) struct FileIndex<'a> {
    text: &'a str,
    /// Byte offsets of the items of each top-level array; `None` if not an array.
    items: std::collections::HashMap<String, Option<Vec<usize>>>,
}

impl<'a> FileIndex<'a> {
    /// An index of `text`, filled as pointers are looked up.
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            text,
            items: std::collections::HashMap::new(),
        }
    }

    /// Byte offset of the value at `pointer`, or `None` if it is not there.
    pub(crate) fn offset(&mut self, pointer: &str) -> Option<usize> {
        let segments = segments(pointer);
        let mut walker = Walker {
            bytes: self.text.as_bytes(),
            pos: 0,
        };
        let [array, item, rest @ ..] = segments.as_slice() else {
            return walker.find(&segments);
        };
        let Ok(item) = item.parse::<usize>() else {
            return walker.find(&segments);
        };
        let text = self.text;
        let starts = self
            .items
            .entry(array.clone())
            .or_insert_with(|| item_starts(text, array));
        walker.pos = *starts.as_ref()?.get(item)?;
        walker.find(rest)
    }
}

/// Start offsets of the items of the top-level array `key`, in one walk.
fn item_starts(text: &str, key: &str) -> Option<Vec<usize>> {
    let mut walker = Walker {
        bytes: text.as_bytes(),
        pos: walker_start(text, key)?,
    };
    walker.expect(b'[')?;
    let mut starts = Vec::new();
    loop {
        walker.skip_ws();
        if walker.peek()? == b']' {
            return Some(starts);
        }
        starts.push(walker.pos);
        walker.skip_value()?;
        walker.skip_ws();
        match walker.peek()? {
            b',' => walker.pos += 1,
            b']' => return Some(starts),
            _ => return None,
        }
    }
}

/// Offset of the value of top-level `key`.
fn walker_start(text: &str, key: &str) -> Option<usize> {
    let mut walker = Walker {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let offset = walker.find(&[key.to_string()])?;
    Some(offset)
}

fn segments(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// Lines and columns (1-based, columns in characters) of many byte offsets of `text`,
/// in the order given, found in one sweep over the text rather than one per offset.
pub(crate) fn line_columns(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut found = vec![(1, 1); offsets.len()];
    let (mut pos, mut line, mut column) = (0, 1, 1);
    for i in order {
        let target = offsets[i].min(text.len());
        // Sweep forward character by character; offsets inside a character count it.
        for (at, c) in text.get(pos..).unwrap_or_default().char_indices() {
            if pos + at >= target {
                break;
            }
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        // Re-align `pos` to the start of the character that holds `target`.
        let mut next = target;
        while !text.is_char_boundary(next) {
            next += 1;
        }
        if next > pos {
            pos = next;
        }
        found[i] = (line, column);
    }
    found
}

/// Line and column (1-based, column in characters) of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.split(|&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Byte offset in `text` of a `serde_json` error position: `line` is 1-based, `column`
/// counts bytes and names the last byte read (0: none yet on that line). serde's column
/// is not a character column, so it must never be shown as one (Chinese text has three
/// bytes per character). `None` if the position is not in `text`.
pub(crate) fn serde_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let offset = line_start.checked_add(column.saturating_sub(1))?;
    // Land on a character boundary at or before the byte serde named.
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    Some(offset)
}

/// The byte offset of `inner` in `outer`, if `inner` is a slice of it.
pub(crate) fn offset_in(outer: &str, inner: &str) -> Option<usize> {
    let offset = (inner.as_ptr() as usize).checked_sub(outer.as_ptr() as usize)?;
    (offset.checked_add(inner.len())? <= outer.len()).then_some(offset)
}

/// The start of the JSON token serde was reading when it stopped at byte `at` of
/// `text`: a string (value or key) or a literal ending at `at`, or an array or object
/// starting just after it. Used to put the caret on a value of the wrong type, or on
/// an unknown key, rather than on what follows.
pub(crate) fn token_start(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let at = at.min(bytes.len().saturating_sub(1));
    // serde stops before an array or object it cannot use.
    let mut next = at + 1;
    while bytes.get(next).is_some_and(u8::is_ascii_whitespace) {
        next += 1;
    }
    if matches!(bytes.get(at), Some(b' ' | b'\t' | b'\n' | b'\r' | b':'))
        && matches!(bytes.get(next), Some(b'[' | b'{'))
    {
        return next;
    }
    match bytes.get(at) {
        Some(b'"') => {
            // Back to the opening quote: the nearest `"` not escaped by a backslash.
            let mut pos = at;
            while pos > 0 {
                pos -= 1;
                if bytes[pos] == b'"' {
                    let backslashes = bytes[..pos]
                        .iter()
                        .rev()
                        .take_while(|&&b| b == b'\\')
                        .count();
                    if backslashes % 2 == 0 {
                        return pos;
                    }
                }
            }
            at
        }
        Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.') => {
            let mut pos = at;
            while pos > 0
                && (bytes[pos - 1].is_ascii_alphanumeric()
                    || matches!(bytes[pos - 1], b'+' | b'-' | b'.'))
            {
                pos -= 1;
            }
            pos
        }
        _ => at,
    }
}

struct Walker<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Walker<'a> {
    fn find(&mut self, segments: &[String]) -> Option<usize> {
        self.skip_ws();
        let Some((segment, rest)) = segments.split_first() else {
            return Some(self.pos);
        };
        match self.peek()? {
            b'{' => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    if self.peek()? == b'}' {
                        return None;
                    }
                    let key = self.string()?;
                    self.skip_ws();
                    self.expect(b':')?;
                    if key == segment.as_bytes() {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                }
            }
            b'[' => {
                let wanted: usize = segment.parse().ok()?;
                self.pos += 1;
                for _ in 0..wanted {
                    self.skip_ws();
                    if self.peek()? == b']' {
                        return None;
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    self.expect(b',')?;
                }
                self.skip_ws();
                if self.peek()? == b']' {
                    return None;
                }
                self.find(rest)
            }
            _ => None,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
        // A byte-order mark is tolerated at the start of a file.
        if self
            .bytes
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with("\u{feff}".as_bytes()))
        {
            self.pos += 3;
            self.skip_ws();
        }
    }

    /// Reads a string and returns its raw bytes between the quotes.
    fn string(&mut self) -> Option<&'a [u8]> {
        self.expect(b'"')?;
        let start = self.pos;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => {
                    let bytes: &'a [u8] = self.bytes;
                    let raw = &bytes[start..self.pos];
                    self.pos += 1;
                    return Some(raw);
                }
                _ => self.pos += 1,
            }
        }
    }

    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.pos += 1;
                loop {
                    self.skip_ws();
                    match self.peek()? {
                        c if c == close => {
                            self.pos += 1;
                            return Some(());
                        }
                        b',' | b':' => self.pos += 1,
                        _ => self.skip_value()?,
                    }
                }
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"nodes\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"kind\": [1, {\"x\": \"}\"}]}\n  ]\n}";

    #[test]
    fn finds_nested_values() {
        assert_eq!(locate(TEXT, "/nodes/0/id"), Some((3, 12)));
        assert_eq!(locate(TEXT, "/nodes/1/kind"), Some((4, 25)));
        assert_eq!(locate(TEXT, "/nodes/1"), Some((4, 5)));
        assert_eq!(locate(TEXT, ""), Some((1, 1)));
    }

    #[test]
    fn missing_values_are_none() {
        assert_eq!(locate(TEXT, "/nodes/2"), None);
        assert_eq!(locate(TEXT, "/papers"), None);
        assert_eq!(locate(TEXT, "/nodes/x"), None);
    }

    #[test]
    fn serde_byte_columns_become_character_columns() {
        let text = "{\n  \"label\": \"精准\", \"year\": \"2022\"\n}";
        let e = serde_json::from_str::<serde_json::Value>("{\n  \"精准\" 1}").unwrap_err();
        let offset = serde_offset("{\n  \"精准\" 1}", e.line(), e.column()).unwrap();
        assert_eq!(line_column("{\n  \"精准\" 1}", offset), (2, 8));
        let year = text.find("\"2022\"").unwrap();
        assert_eq!(token_start(text, year + 5), year);
        assert_eq!(token_start("{\"a\": 123}", 8), 6);
        assert_eq!(token_start("{\"a\": [1]}", 5), 6);
        assert_eq!(token_start(r#"{"a": "x\"y"}"#, 11), 6);
    }

    #[test]
    fn one_sweep_finds_what_each_offset_alone_finds() {
        let text = "{\n  \"精准\": [1,\n 2],\r\n\"x\": \"扶贫\"}\n";
        let offsets: Vec<usize> = (0..=text.len() + 2).rev().collect();
        let swept = line_columns(text, &offsets);
        for (&offset, &found) in offsets.iter().zip(&swept) {
            assert_eq!(found, line_column(text, offset), "offset {offset}");
        }
    }

    #[test]
    fn the_index_finds_what_the_walk_finds() {
        let mut index = FileIndex::new(TEXT);
        for pointer in [
            "/nodes/0/id",
            "/nodes/1/kind",
            "/nodes/1",
            "",
            "/nodes/2",
            "/papers",
            "/nodes/x",
        ] {
            let walked = locate(TEXT, pointer);
            let indexed = index.offset(pointer).map(|o| line_column(TEXT, o));
            assert_eq!(walked, indexed, "{pointer}");
        }
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_column("精准 x", "精准 ".len()), (1, 4));
    }
}
