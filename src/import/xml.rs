//! A small XML reader, enough for GraphML: elements, attributes, text, character and
//! entity references, comments, CDATA, processing instructions and a DOCTYPE skipped.
//! Errors name the line and column.

use std::fmt;

/// An element with its attributes, text and children.
#[derive(Debug, Clone, Default)]
pub struct Element {
    /// The tag name, without a namespace prefix.
    pub name: String,
    /// Attributes in document order (names without a namespace prefix).
    pub attributes: Vec<(String, String)>,
    /// The element's own text (outside its children), decoded.
    pub text: String,
    /// Child elements in order.
    pub children: Vec<Element>,
    /// Line (from 1) where the element starts.
    pub line: usize,
    /// Column (from 1) where the element starts.
    pub column: usize,
}

impl Element {
    /// The value of attribute `name`.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The children called `name`.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.children.iter().filter(move |c| c.name == name)
    }
}

/// A syntax error at a place in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// Parses `text` into its root element.
///
/// # Errors
/// [`XmlError`] at the first malformed place.
pub fn parse(text: &str) -> Result<Element, XmlError> {
    let mut reader = Reader {
        chars: text.chars().collect(),
        at: 0,
    };
    reader.skip_prolog()?;
    let root = reader.element()?;
    reader.skip_misc()?;
    if reader.at < reader.chars.len() {
        return Err(reader.error("content after the root element"));
    }
    Ok(root)
}

struct Reader {
    chars: Vec<char>,
    at: usize,
}

impl Reader {
    fn error(&self, message: impl Into<String>) -> XmlError {
        let before = &self.chars[..self.at.min(self.chars.len())];
        let line = 1 + before.iter().filter(|&&c| c == '\n').count();
        let column = 1 + before.iter().rev().take_while(|&&c| c != '\n').count();
        XmlError {
            line,
            column,
            message: message.into(),
        }
    }

    fn starts_with(&self, s: &str) -> bool {
        s.chars()
            .enumerate()
            .all(|(i, c)| self.chars.get(self.at + i) == Some(&c))
    }

    fn skip_until(&mut self, end: &str) -> Result<(), XmlError> {
        while self.at < self.chars.len() {
            if self.starts_with(end) {
                self.at += end.chars().count();
                return Ok(());
            }
            self.at += 1;
        }
        Err(self.error(format!("missing `{end}`")))
    }

    fn skip_space(&mut self) {
        while self.chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
            self.at += 1;
        }
    }

    fn skip_misc(&mut self) -> Result<(), XmlError> {
        loop {
            self.skip_space();
            if self.starts_with("<?") {
                self.skip_until("?>")?;
            } else if self.starts_with("<!--") {
                self.skip_until("-->")?;
            } else {
                return Ok(());
            }
        }
    }

    fn skip_prolog(&mut self) -> Result<(), XmlError> {
        if self.starts_with("\u{feff}") {
            self.at += 1;
        }
        self.skip_misc()?;
        if self.starts_with("<!DOCTYPE") {
            self.skip_until(">")?;
            self.skip_misc()?;
        }
        Ok(())
    }

    fn name(&mut self) -> Result<String, XmlError> {
        let start = self.at;
        while self
            .chars
            .get(self.at)
            .is_some_and(|&c| c.is_alphanumeric() || "_-.:".contains(c))
        {
            self.at += 1;
        }
        if start == self.at {
            return Err(self.error("expected a name"));
        }
        let name: String = self.chars[start..self.at].iter().collect();
        // GraphML is read by local name: `y:ShapeNode` and `ShapeNode` alike.
        Ok(name.rsplit(':').next().unwrap_or(&name).to_string())
    }

    fn element(&mut self) -> Result<Element, XmlError> {
        let here = self.error("");
        if !self.starts_with("<") {
            return Err(self.error("expected an element"));
        }
        self.at += 1;
        let mut element = Element {
            name: self.name()?,
            line: here.line,
            column: here.column,
            ..Element::default()
        };
        loop {
            self.skip_space();
            if self.starts_with("/>") {
                self.at += 2;
                return Ok(element);
            }
            if self.starts_with(">") {
                self.at += 1;
                break;
            }
            let name = self.name()?;
            self.skip_space();
            if !self.starts_with("=") {
                return Err(self.error(format!("expected `=` after attribute {name}")));
            }
            self.at += 1;
            self.skip_space();
            let Some(&quote @ ('"' | '\'')) = self.chars.get(self.at) else {
                return Err(self.error("expected a quoted attribute value"));
            };
            self.at += 1;
            let mut value = String::new();
            loop {
                match self.chars.get(self.at) {
                    None => return Err(self.error("unterminated attribute value")),
                    Some(&c) if c == quote => {
                        self.at += 1;
                        break;
                    }
                    Some('&') => value.push_str(&self.reference()?),
                    Some('<') => return Err(self.error("`<` in an attribute value")),
                    // Attribute-value normalisation: white space characters become spaces.
                    Some('\n' | '\r' | '\t') => {
                        value.push(' ');
                        self.at += 1;
                    }
                    Some(&c) => {
                        value.push(c);
                        self.at += 1;
                    }
                }
            }
            element.attributes.push((name, value));
        }
        loop {
            match self.chars.get(self.at) {
                None => return Err(self.error(format!("element <{}> is not closed", element.name))),
                Some('<') if self.starts_with("</") => {
                    let closing = self.at;
                    self.at += 2;
                    let name = self.name()?;
                    if name != element.name {
                        self.at = closing;
                        return Err(self.error(format!(
                            "</{name}> closes <{}> (line {})",
                            element.name, element.line
                        )));
                    }
                    self.skip_space();
                    if !self.starts_with(">") {
                        return Err(self.error("expected `>`"));
                    }
                    self.at += 1;
                    return Ok(element);
                }
                Some('<') if self.starts_with("<!--") => self.skip_until("-->")?,
                Some('<') if self.starts_with("<?") => self.skip_until("?>")?,
                Some('<') if self.starts_with("<![CDATA[") => {
                    self.at += 9;
                    let start = self.at;
                    self.skip_until("]]>")?;
                    element
                        .text
                        .extend(self.chars[start..self.at - 3].iter().copied());
                }
                Some('<') => element.children.push(self.element()?),
                Some('&') => {
                    let decoded = self.reference()?;
                    element.text.push_str(&decoded);
                }
                Some('\r') => {
                    // End-of-line normalisation: \r\n and \r read as \n.
                    self.at += 1;
                    if self.chars.get(self.at) != Some(&'\n') {
                        element.text.push('\n');
                    }
                }
                Some(&c) => {
                    element.text.push(c);
                    self.at += 1;
                }
            }
        }
    }

    /// Decodes `&...;` at the current place.
    fn reference(&mut self) -> Result<String, XmlError> {
        let start = self.at;
        let Some(len) = self.chars[start..].iter().take(12).position(|&c| c == ';') else {
            return Err(self.error("`&` that starts no reference (write &amp;)"));
        };
        let body: String = self.chars[start + 1..start + len].iter().collect();
        let decoded = match body.as_str() {
            "amp" => "&".to_string(),
            "lt" => "<".to_string(),
            "gt" => ">".to_string(),
            "quot" => "\"".to_string(),
            "apos" => "'".to_string(),
            numeric if numeric.starts_with('#') => {
                let code = match numeric.strip_prefix("#x") {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => numeric[1..].parse().ok(),
                };
                match code.and_then(char::from_u32) {
                    Some(c) => c.to_string(),
                    None => return Err(self.error(format!("bad character reference &{body};"))),
                }
            }
            _ => return Err(self.error(format!("unknown entity &{body};"))),
        };
        self.at = start + len + 1;
        Ok(decoded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_attributes_and_references_are_decoded() {
        let root = parse(
            "<?xml version=\"1.0\"?>\n<a x=\"1 &amp; &quot;2&quot;\"><!-- c --><b>x &lt; y&#13;\r\nz<![CDATA[<raw>]]></b><c/></a>",
        )
        .unwrap();
        assert_eq!(root.attribute("x"), Some("1 & \"2\""));
        assert_eq!(root.children[0].text, "x < y\r\nz<raw>");
        assert_eq!(root.children[1].name, "c");
    }

    #[test]
    fn a_mismatched_tag_is_reported_at_its_line_and_column() {
        let error = parse("<a>\n  <b></c></a>").unwrap_err();
        assert_eq!((error.line, error.column), (2, 6));
        assert!(error.message.contains("</c> closes <b>"), "{error}");
    }
}
