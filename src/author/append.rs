//! Appending a record to a hand-edited JSON data file without touching anything else.
//!
//! A scholar's data file has their own layout, key order, comments in `note` fields and
//! blank lines; re-serialising the whole file would rewrite every byte. So the file is
//! scanned just far enough to find the end of its top-level `relations` array (or of the
//! object, when there is none yet) and the new record is spliced in there, indented like
//! its neighbours. Every other byte stays as it was.

use serde::Serialize;
use serde_json::Value;

/// Where things are in the top-level object of a data file (byte offsets).
struct Layout {
    /// The array the record goes into, by its key.
    key_wanted: String,
    /// The top-level object's closing `}`.
    object_end: usize,
    /// End (exclusive) of the last top-level member's value, if any member exists.
    last_member_end: Option<usize>,
    /// Start of the first top-level key's opening quote, if any member exists.
    first_key: Option<usize>,
    /// The wanted array: (its `[`, its `]`, start of the last element, if any).
    array: Option<(usize, usize, Option<usize>)>,
}

/// `text` with `record` added as the last element of its top-level `relations` array
/// (created when missing), or `None` when `text` is not a JSON object.
pub fn append_relation(text: &str, record: &impl Serialize) -> Option<String> {
    append(text, "relations", record)
}

/// `text` with `record` added as the last element of its top-level array `key` (created
/// when missing), or `None` when `text` is not a JSON object.
pub fn append(text: &str, key: &str, record: &impl Serialize) -> Option<String> {
    let layout = scan(text, key)?;
    let pretty = serde_json::to_string_pretty(record).ok()?;
    let mut out = String::with_capacity(text.len() + pretty.len() + 64);
    match layout.array {
        Some((_, close, Some(last))) => {
            let indent = indentation_at(text, last);
            let end = trim_end_before(text, close);
            out.push_str(&text[..end]);
            out.push_str(",\n");
            out.push_str(&indent);
            out.push_str(&reindent(&pretty, &indent));
            out.push_str(&text[end..]);
        }
        Some((open, close, None)) => {
            let outer = indentation_at(text, open);
            let indent = format!("{outer}{}", unit(text));
            out.push_str(&text[..=open]);
            out.push('\n');
            out.push_str(&indent);
            out.push_str(&reindent(&pretty, &indent));
            out.push('\n');
            out.push_str(&outer);
            out.push_str(&text[close..]);
        }
        None => {
            let member = layout
                .first_key
                .map_or_else(|| unit(text), |key| indentation_at(text, key));
            let element = format!("{member}{}", unit(text));
            let (cut, lead) = match layout.last_member_end {
                Some(end) => (end, ",\n"),
                None => (trim_end_before(text, layout.object_end), "\n"),
            };
            out.push_str(&text[..cut]);
            out.push_str(lead);
            out.push_str(&member);
            out.push_str(&serde_json::to_string(key).ok()?);
            out.push_str(": [\n");
            out.push_str(&element);
            out.push_str(&reindent(&pretty, &element));
            out.push('\n');
            out.push_str(&member);
            out.push(']');
            let rest = &text[cut..];
            if layout.last_member_end.is_none() {
                out.push('\n');
            }
            out.push_str(rest);
        }
    }
    Some(out)
}

/// `text` with element `index` of its top-level array `key` replaced by `record`,
/// indented like the element it replaces; every other byte kept. `None` when `text` is
/// not a JSON object or has no such element.
pub fn replace(text: &str, key: &str, index: usize, record: &Value) -> Option<String> {
    let layout = scan(text, key)?;
    let (open, close, _) = layout.array?;
    let bytes = text.as_bytes();
    let mut i = skip_space(bytes, open + 1);
    let mut n = 0;
    while i < close {
        if bytes[i] == b',' {
            i = skip_space(bytes, i + 1);
            continue;
        }
        let end = skip_value(bytes, i)?;
        if n == index {
            let indent = indentation_at(text, i);
            let pretty = serde_json::to_string_pretty(record).ok()?;
            let mut out = String::with_capacity(text.len() + pretty.len());
            out.push_str(&text[..i]);
            out.push_str(&reindent(&pretty, &indent));
            out.push_str(&text[end..]);
            return Some(out);
        }
        n += 1;
        i = skip_space(bytes, end);
    }
    None
}

/// The file's indentation unit: the leading white space of its first indented line.
fn unit(text: &str) -> String {
    text.lines()
        .map(|line| {
            let trimmed = line.trim_start_matches([' ', '\t']);
            &line[..line.len() - trimmed.len()]
        })
        .find(|lead| !lead.is_empty())
        .unwrap_or("  ")
        .to_string()
}

/// The leading white space of the line holding byte `at`.
fn indentation_at(text: &str, at: usize) -> String {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// The offset just after the last non-white-space byte before `at`.
fn trim_end_before(text: &str, at: usize) -> usize {
    text[..at].trim_end().len()
}

/// Indents every line but the first of `pretty` by `indent` (the first line follows text
/// that is already indented).
fn reindent(pretty: &str, indent: &str) -> String {
    let mut out = String::with_capacity(pretty.len());
    for (i, line) in pretty.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(indent);
        }
        out.push_str(line);
    }
    out
}

/// Finds the top-level members of the object in `text`.
fn scan(text: &str, key_wanted: &str) -> Option<Layout> {
    let bytes = text.as_bytes();
    let mut i = skip_space(bytes, 0);
    if text[i..].starts_with('\u{feff}') {
        i = skip_space(bytes, i + 3);
    }
    if bytes.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_space(bytes, i + 1);
    let mut layout = Layout {
        key_wanted: key_wanted.to_string(),
        object_end: 0,
        last_member_end: None,
        first_key: None,
        array: None,
    };
    loop {
        match bytes.get(i)? {
            b'}' => {
                layout.object_end = i;
                return Some(layout);
            }
            b',' => i = skip_space(bytes, i + 1),
            b'"' => {
                layout.first_key.get_or_insert(i);
                let key_end = skip_string(bytes, i)?;
                let key: String = serde_json::from_str(&text[i..key_end]).ok()?;
                i = skip_space(bytes, key_end);
                if bytes.get(i) != Some(&b':') {
                    return None;
                }
                let value_start = skip_space(bytes, i + 1);
                let value_end = skip_value(bytes, value_start)?;
                if key == layout.key_wanted && bytes.get(value_start) == Some(&b'[') {
                    layout.array = Some((
                        value_start,
                        value_end - 1,
                        last_element(bytes, value_start, value_end - 1).ok()?,
                    ));
                }
                layout.last_member_end = Some(value_end);
                i = skip_space(bytes, value_end);
            }
            _ => return None,
        }
    }
}

/// The array's text does not parse as JSON.
struct Malformed;

/// The start of the last element of the array spanning `open..=close` (`None` when it
/// is empty).
fn last_element(bytes: &[u8], open: usize, close: usize) -> Result<Option<usize>, Malformed> {
    let mut i = skip_space(bytes, open + 1);
    let mut last = None;
    while i < close {
        if bytes[i] == b',' {
            i = skip_space(bytes, i + 1);
            continue;
        }
        last = Some(i);
        i = skip_space(bytes, skip_value(bytes, i).ok_or(Malformed)?);
    }
    Ok(last)
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// The end (exclusive) of the string starting with the quote at `i`.
fn skip_string(bytes: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// The end (exclusive) of the JSON value starting at `i`.
fn skip_value(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'"' => skip_string(bytes, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match bytes.get(j)? {
                    b'"' => {
                        j = skip_string(bytes, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while bytes
                .get(j)
                .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
            {
                j += 1;
            }
            (j > i).then_some(j)
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::append_relation;

    fn record() -> serde_json::Value {
        json!({"kind": "serves", "from": "a", "to": "b"})
    }

    #[test]
    fn appends_after_the_last_relation_keeping_every_other_byte() {
        let text = "{\n    \"nodes\": [],\n    \"relations\": [\n        {\"kind\": \"x\"},\n\n        {\"kind\": \"y\", \"note\": \"a ] and } inside\"}\n    ]\n}\n";
        let out = append_relation(text, &record()).unwrap();
        let expected = "{\n    \"nodes\": [],\n    \"relations\": [\n        {\"kind\": \"x\"},\n\n        {\"kind\": \"y\", \"note\": \"a ] and } inside\"},\n        {\n          \"kind\": \"serves\",\n          \"from\": \"a\",\n          \"to\": \"b\"\n        }\n    ]\n}\n";
        assert_eq!(out, expected);
        let parsed: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(parsed["relations"][2], record());
    }

    #[test]
    fn fills_an_empty_array_and_creates_a_missing_one() {
        let empty = "{\n  \"relations\": []\n}\n";
        let out = append_relation(empty, &record()).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(parsed["relations"][0], record());
        assert!(out.starts_with("{\n  \"relations\": [\n    {\n"), "{out}");

        let none = "{\n  \"nodes\": [{\"id\": \"a\"}]\n}\n";
        let out = append_relation(none, &record()).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(parsed["relations"][0], record());
        assert!(
            out.starts_with("{\n  \"nodes\": [{\"id\": \"a\"}],\n  \"relations\": [\n"),
            "{out}"
        );

        let bare = "{}";
        let out = append_relation(bare, &record()).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(parsed["relations"][0], record());
    }

    #[test]
    fn replaces_one_element_keeping_every_other_byte() {
        let text = "{\n  \"papers\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"note\": \"], }\"}\n  ],\n  \"x\": 1\n}\n";
        let out = super::replace(text, "papers", 1, &json!({"id": "b", "year": 2020})).unwrap();
        assert_eq!(
            out,
            "{\n  \"papers\": [\n    {\"id\": \"a\"},\n    {\n      \"id\": \"b\",\n      \"year\": 2020\n    }\n  ],\n  \"x\": 1\n}\n"
        );
        assert!(super::replace(text, "papers", 2, &record()).is_none());
        assert!(super::replace(text, "nodes", 0, &record()).is_none());
    }

    #[test]
    fn refuses_what_is_not_an_object() {
        assert!(append_relation("[1, 2]", &record()).is_none());
        assert!(append_relation("{\"relations\": [", &record()).is_none());
    }
}
