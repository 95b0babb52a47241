//! linkage's own data-file JSON, of the selection: loadable again as a dataset.

use std::io;

use serde::Serialize;

use super::View;
use crate::export;

/// Writes the selection as one data file into `sink`, a record at a time: its papers,
/// nodes, relations and the facts about its nodes (with the sources the selection
/// keeps), in data order. The bytes are those of the whole file pretty-printed at
/// once (`output::json`): each record is pretty-printed on its own and indented to
/// its place.
///
/// # Errors
/// Whatever `sink` returns.
pub fn write_into(view: &View<'_>, sink: &mut dyn io::Write) -> io::Result<()> {
    let mut pretty = Pretty::new(sink);
    pretty.open()?;
    pretty.field("papers", &view.papers)?;
    pretty.array("nodes", view.nodes.iter().map(|&ix| view.graph.node(ix)))?;
    pretty.array(
        "relations",
        view.relations().map(|(_, relation)| {
            export::relation_record(view.graph, relation, view.source_records(relation))
        }),
    )?;
    let facts = view.fact_records();
    if !facts.is_empty() {
        pretty.field("facts", &facts)?;
    }
    pretty.close()
}

/// A pretty-printed JSON object written a field, and an array an element, at a time,
/// byte for byte what `serde_json::to_string_pretty` makes of the whole (two spaces a
/// level), with a line break after it. A value is pretty-printed alone and every line
/// break in it indented to its depth: JSON strings hold no raw line breaks, so each one
/// is the printer's.
pub(super) struct Pretty<'w> {
    sink: &'w mut dyn io::Write,
    /// Whether the object has a field yet (a comma before the next).
    fields: bool,
    scratch: Vec<u8>,
}

impl<'w> Pretty<'w> {
    pub(super) fn new(sink: &'w mut dyn io::Write) -> Self {
        Self {
            sink,
            fields: false,
            scratch: Vec::new(),
        }
    }

    pub(super) fn open(&mut self) -> io::Result<()> {
        self.sink.write_all(b"{")
    }

    /// Writes `"name": ` at the object's depth, after a comma if a field came before.
    fn name(&mut self, name: &str) -> io::Result<()> {
        let comma = if self.fields { "," } else { "" };
        self.fields = true;
        let name = serde_json::to_string(name).map_err(io::Error::from)?;
        write!(self.sink, "{comma}\n  {name}: ")
    }

    /// A field whose value is written whole.
    pub(super) fn field(&mut self, name: &str, value: &impl Serialize) -> io::Result<()> {
        self.name(name)?;
        self.value(value, 2)
    }

    /// A field whose value is an array, written an element at a time.
    pub(super) fn array<T: Serialize>(
        &mut self,
        name: &str,
        mut items: impl Iterator<Item = T>,
    ) -> io::Result<()> {
        self.array_from(name, |element| items.try_for_each(|item| element(&item)))
    }

    /// A field whose value is an array, `produce` handing each element to the writer
    /// it is given as it makes it.
    pub(super) fn array_from<T: Serialize>(
        &mut self,
        name: &str,
        produce: impl FnOnce(&mut dyn FnMut(&T) -> io::Result<()>) -> io::Result<()>,
    ) -> io::Result<()> {
        self.name(name)?;
        let mut any = false;
        produce(&mut |item: &T| {
            self.sink
                .write_all(if any { b",\n    " } else { b"[\n    " })?;
            any = true;
            self.value(item, 4)
        })?;
        self.sink.write_all(if any { b"\n  ]" } else { b"[]" })
    }

    /// `value` pretty-printed, its lines indented by `indent` spaces after the first.
    fn value(&mut self, value: &impl Serialize, indent: usize) -> io::Result<()> {
        self.scratch.clear();
        serde_json::to_writer_pretty(&mut self.scratch, value).map_err(io::Error::from)?;
        let mut lines = self.scratch.split(|&b| b == b'\n');
        if let Some(first) = lines.next() {
            self.sink.write_all(first)?;
        }
        for line in lines {
            write!(self.sink, "\n{:indent$}", "")?;
            self.sink.write_all(line)?;
        }
        Ok(())
    }

    /// Ends the object (an empty one is `{}`) and its line.
    pub(super) fn close(self) -> io::Result<()> {
        self.sink
            .write_all(if self.fields { b"\n}\n" } else { b"}\n" })
    }
}
