//! XML read for GraphML import, through quick-xml: a pull parser over the text, in one
//! pass and in memory proportional to the deepest nesting, never to the document.
//!
//! quick-xml (rather than a tree such as roxmltree) because a GraphML export of a
//! million relations is 428 MB: a tree of its elements would take several times that,
//! while its events can be turned into data files as they come. This module adds what
//! GraphML import needs on top: local names (`y:ShapeNode` read as `ShapeNode`), text
//! with its references decoded and CDATA kept, a limit on nesting ([`MAX_DEPTH`], so a
//! document of 200,000 nested elements is an error, not a crash), no content after the
//! root, no entity but XML's five and character references (a DOCTYPE's entities are
//! never expanded), and places as line and column, computed only for a message.

use std::borrow::Cow;

use quick_xml::{
    escape::resolve_predefined_entity,
    events::{BytesStart, Event},
    XmlVersion,
};

/// How deep elements may nest. GraphML needs a handful of levels (a yEd node's
/// graphics a few more); a document nested deeper is refused with a message.
pub const MAX_DEPTH: usize = 256;

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

impl std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// What the document holds next.
#[derive(Debug)]
pub enum Item<'a> {
    /// An element opens (`empty`: `<data/>`, closed at once): its local name, its
    /// attributes (local names; values decoded and normalised), the byte offset of its
    /// `<`.
    Open {
        /// Local name.
        name: String,
        /// Attributes in document order.
        attributes: Vec<(String, String)>,
        /// Byte offset of the element's `<`.
        at: usize,
        /// Whether it closed at once.
        empty: bool,
    },
    /// The element opened last (and not empty) closes.
    Close,
    /// Character data: a piece of text (references decoded) or a CDATA section.
    Text(Cow<'a, str>),
    /// The end of the document, every element closed.
    End,
}

/// A pull reader of one document.
pub struct Reader<'a> {
    text: &'a str,
    events: quick_xml::Reader<&'a [u8]>,
    /// The elements open, innermost last.
    open: Vec<(String, usize)>,
    /// Whether the root element has closed.
    done: bool,
}

impl<'a> Reader<'a> {
    /// A reader of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut reader = quick_xml::Reader::from_str(text);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        Self {
            text,
            events: reader,
            open: Vec::new(),
            done: false,
        }
    }

    /// Line and column of byte `offset`: one scan of the text up to it, for a message.
    pub fn place(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.text[..offset];
        let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, 1 + before[line_start..].chars().count())
    }

    /// An error at byte `offset`.
    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> XmlError {
        let (line, column) = self.place(offset);
        XmlError {
            line,
            column,
            message: message.into(),
        }
    }

    /// The next item.
    ///
    /// # Errors
    /// [`XmlError`] at the first malformed place.
    pub fn read(&mut self) -> Result<Item<'a>, XmlError> {
        loop {
            let at = offset(self.events.buffer_position());
            let event = match self.events.read_event() {
                Ok(event) => event,
                Err(error) => return Err(self.quick_xml_error(&error)),
            };
            match event {
                Event::Start(start) => return self.open(&start, at, false),
                Event::Empty(start) => return self.open(&start, at, true),
                Event::End(_) => {
                    self.open.pop();
                    self.done = self.open.is_empty();
                    return Ok(Item::Close);
                }
                Event::Text(text) => {
                    let text = text.xml10_content();
                    if !text.trim().is_empty() {
                        self.inside(at)?;
                        return Ok(Item::Text(text));
                    }
                    if !self.open.is_empty() {
                        return Ok(Item::Text(text));
                    }
                }
                Event::CData(data) => {
                    self.inside(at)?;
                    return Ok(Item::Text(data.xml10_content()));
                }
                Event::GeneralRef(reference) => {
                    self.inside(at)?;
                    let decoded = match reference.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) => match resolve_predefined_entity(&reference) {
                            Some(text) => text.to_string(),
                            None => {
                                return Err(
                                    self.error_at(at, format!("unknown entity &{};", &*reference))
                                )
                            }
                        },
                        Err(_) => {
                            return Err(self.error_at(
                                at,
                                format!("bad character reference &{};", &*reference),
                            ))
                        }
                    };
                    return Ok(Item::Text(Cow::Owned(decoded)));
                }
                Event::Eof => {
                    if let Some((name, at)) = self.open.last() {
                        return Err(self.error_at(*at, format!("element <{name}> is not closed")));
                    }
                    if !self.done {
                        return Err(self.error_at(at, "no root element"));
                    }
                    return Ok(Item::End);
                }
                // The declaration, processing instructions, comments and a DOCTYPE
                // (whose entities are never expanded) carry no data.
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
            }
        }
    }

    /// Refuses character data outside the root element.
    fn inside(&self, at: usize) -> Result<(), XmlError> {
        if self.open.is_empty() {
            let what = if self.done { "after" } else { "before" };
            return Err(self.error_at(at, format!("text {what} the root element")));
        }
        Ok(())
    }

    fn open(
        &mut self,
        start: &BytesStart<'_>,
        at: usize,
        empty: bool,
    ) -> Result<Item<'a>, XmlError> {
        if self.done {
            return Err(self.error_at(at, "content after the root element"));
        }
        if self.open.len() >= MAX_DEPTH {
            return Err(self.error_at(
                at,
                format!("elements nested more than {MAX_DEPTH} deep; GraphML needs a few"),
            ));
        }
        let name = local(start.local_name().as_ref());
        let mut attributes = Vec::new();
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|e| self.error_at(at, e.to_string()))?;
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| self.error_at(at, format!("attribute value: {e}")))?;
            attributes.push((
                local(attribute.key.local_name().as_ref()),
                value.into_owned(),
            ));
        }
        if empty {
            self.done = self.open.is_empty();
        } else {
            self.open.push((name.clone(), at));
        }
        Ok(Item::Open {
            name,
            attributes,
            at,
            empty,
        })
    }

    /// A quick-xml error as a message at its place.
    fn quick_xml_error(&self, error: &quick_xml::Error) -> XmlError {
        use quick_xml::errors::IllFormedError;
        let at = offset(self.events.error_position());
        let message = match error {
            quick_xml::Error::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
                let line = self.open.last().map_or(0, |&(_, open)| self.place(open).0);
                format!("</{found}> closes <{expected}> (line {line})")
            }
            other => other.to_string(),
        };
        self.error_at(at, message)
    }
}

/// A local name (without its namespace prefix), owned.
fn local(name: &str) -> String {
    name.to_string()
}

/// A reader position as an offset into the text (which is in memory, so it fits).
fn offset(position: u64) -> usize {
    usize::try_from(position).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every item of `text` as a line of a listing.
    fn items(text: &str) -> Result<Vec<String>, XmlError> {
        let mut reader = Reader::new(text);
        let mut out = Vec::new();
        loop {
            match reader.read()? {
                Item::Open {
                    name,
                    attributes,
                    empty,
                    ..
                } => out.push(format!("<{name} {attributes:?} {empty}>")),
                Item::Close => out.push("</>".into()),
                Item::Text(text) => out.push(format!("{text:?}")),
                Item::End => return Ok(out),
            }
        }
    }

    #[test]
    fn text_attributes_and_references_are_decoded() {
        let listed = items(
            "<?xml version=\"1.0\"?>\n<y:a x=\"1 &amp; &quot;2&quot;\n3\"><!-- c --><b>x &lt; y&#13;\r\nz<![CDATA[<raw>]]></b><c/></y:a>",
        )
        .unwrap()
        .concat();
        assert_eq!(
            listed,
            "<a [(\"x\", \"1 & \\\"2\\\" 3\")] false><b [] false>\"x \"\"<\"\" y\"\"\\r\"\"\\nz\"\"<raw>\"</><c [] true></>"
        );
    }

    #[test]
    fn a_mismatched_tag_is_reported_at_its_line_and_column() {
        let error = items("<a>\n  <b></c></a>").unwrap_err();
        assert_eq!((error.line, error.column), (2, 6));
        assert!(
            error.message.contains("</c> closes <b> (line 2)"),
            "{error}"
        );
    }

    #[test]
    fn deep_nesting_unknown_entities_and_stray_content_are_errors() {
        let deep = "<a>".repeat(200_000);
        let error = items(&deep).unwrap_err();
        assert!(
            error.message.contains("nested more than 256 deep"),
            "{error}"
        );
        assert_eq!((error.line, error.column), (1, 3 * 256 + 1));
        for (text, message) in [
            (
                "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
                "unknown entity &e;",
            ),
            ("<a/><b/>", "content after the root element"),
            ("<a/>x", "text after the root element"),
            ("<a><b></b>", "element <a> is not closed"),
            ("", "no root element"),
        ] {
            let error = items(text).unwrap_err();
            assert!(error.message.contains(message), "{text}: {error}");
        }
    }
}
