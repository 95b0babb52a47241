//! The evidence table: one row per claim (relation or fact) and source, the appendix a scholar puts under
//! their own paper. CSV (RFC 4180, every field quoted where needed) and Markdown (a
//! GitHub-flavoured table).

use std::io;

use petgraph::graph::NodeIndex;

use super::View;
use crate::{
    fact::Fact,
    graph::ConceptGraph,
    headings::{derived_locator, headings},
    locate::{Span, TextIndex},
    relation::{Extent, Relation, Source},
};

/// The columns, in order. They are the columns `linkage import` reads (docs/formats.md):
/// ends, aspect and dimension by id with their labels beside them, the ends' kinds (so an
/// import into a new dataset can create the nodes), the relation kind by id; for a fact,
/// its subject in `from`, its `property` and `value`; who encoded and reviewed each
/// source, its voice and extent. `citation`, `first_line` and `last_line` are derived,
/// for the reader, and ignored by `import`.
pub const COLUMNS: [&str; 28] = [
    "from",
    "from_label",
    "from_kind",
    "relation",
    "to",
    "to_label",
    "to_kind",
    "aspect",
    "aspect_label",
    "dimension",
    "dimension_label",
    "from_position",
    "to_position",
    "scope",
    "scope_label",
    "property",
    "value",
    "paper",
    "citation",
    "locator",
    "first_line",
    "last_line",
    "quote",
    "voice",
    "encoded_by",
    "reviewed_by",
    "extent",
    "note",
];

/// One row of the table.
pub type Row = [String; 28];

/// The index of `column` in [`COLUMNS`]: cells are set by name, so a column added to
/// the table moves no other.
fn col(column: &str) -> usize {
    COLUMNS
        .iter()
        .position(|c| *c == column)
        .expect("a column of the evidence table")
}

/// Hands `each` the rows, one at a time: one per relation and kept source, then one
/// per fact and kept source, in data order. Line numbers are empty when the paper's
/// text is not at hand or does not hold the quote.
///
/// # Errors
/// The first error `each` returns.
fn each_row(view: &View<'_>, mut each: impl FnMut(Row) -> io::Result<()>) -> io::Result<()> {
    for (_, relation) in view.relations() {
        for source in view.sources(relation) {
            each(row(
                view.graph,
                relation,
                source,
                view.locator(source),
                view.span(source),
            ))?;
        }
    }
    for (fact, sources) in view.fact_items() {
        for source in sources {
            each(fact_row(
                view.graph,
                fact,
                source,
                view.locator(source),
                view.span(source),
            ))?;
        }
    }
    Ok(())
}

/// The row of `fact` as `source` states it: its subject in the `from` columns, its
/// property and value (as text, a number with its unit), nothing in the relation's.
pub fn fact_row(
    graph: &ConceptGraph,
    fact: &Fact,
    source: &Source,
    locator: String,
    span: Option<Span>,
) -> Row {
    let subject = graph.node(fact.subject);
    let mut row: Row = Default::default();
    row[col("from")].clone_from(&subject.id);
    row[col("from_label")].clone_from(&subject.label);
    row[col("from_kind")] = subject.kind.to_string();
    row[col("property")].clone_from(&fact.property);
    row[col("value")] = fact.value.to_string();
    fill_source(graph, &mut row, source, locator, span);
    row[col("note")] = fact.note.clone().unwrap_or_default();
    row
}

/// The source's columns of `row`: paper, citation, locator, lines, quote, voice, who
/// encoded and reviewed it, its extent (the default, `sentence`, left empty).
fn fill_source(
    graph: &ConceptGraph,
    row: &mut Row,
    source: &Source,
    locator: String,
    span: Option<Span>,
) {
    let who = source.attribution();
    row[col("paper")] = source.paper.to_string();
    row[col("citation")] = graph.cite(&source.paper).to_string();
    row[col("locator")] = locator;
    row[col("first_line")] = span.map(|s| s.first_line.to_string()).unwrap_or_default();
    row[col("last_line")] = span.map(|s| s.last_line.to_string()).unwrap_or_default();
    row[col("quote")] = source.quote().to_string();
    row[col("voice")] = who.voice.name().unwrap_or_default().to_string();
    row[col("encoded_by")] = who.encoded_by.unwrap_or_default().to_string();
    row[col("reviewed_by")] = who.reviewed_by.unwrap_or_default().to_string();
    row[col("extent")] = match source.extent() {
        Extent::Sentence => String::new(),
        Extent::Quote => Extent::Quote.name().to_string(),
    };
}

/// The row of `relation` as `source` asserts it, with the source's `locator` (as given
/// or derived) and the quote's place in the text when known.
pub fn row(
    graph: &ConceptGraph,
    relation: &Relation,
    source: &Source,
    locator: String,
    span: Option<Span>,
) -> Row {
    let node = |ix| graph.node(ix);
    let id = |ix: Option<NodeIndex>| ix.map(|ix| node(ix).id.clone()).unwrap_or_default();
    let label = |ix: Option<NodeIndex>| ix.map(|ix| node(ix).label.clone()).unwrap_or_default();
    let positions = relation.positions.as_ref();
    let mut row: Row = [
        node(relation.from).id.clone(),
        node(relation.from).label.clone(),
        node(relation.from).kind.to_string(),
        relation.kind.to_string(),
        node(relation.to).id.clone(),
        node(relation.to).label.clone(),
        node(relation.to).kind.to_string(),
        id(relation.aspect),
        label(relation.aspect),
        id(relation.dimension),
        label(relation.dimension),
        positions.map(|p| p.from.clone()).unwrap_or_default(),
        positions.map(|p| p.to.clone()).unwrap_or_default(),
        id(relation.scope),
        label(relation.scope),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        relation.notes.join(" / "),
    ];
    fill_source(graph, &mut row, source, locator, span);
    row
}

/// `source`'s locator: as given, or, where the source omits it, the heading its quote
/// falls under in `text` (as `check` derives it; empty without the text); with the
/// page first where the locator names none and `text` is divided into pages
/// (`p. 317, 3. Problems / 3.2 Funds`, src/pages.rs).
pub fn source_locator(graph: &ConceptGraph, text: Option<&TextIndex>, source: &Source) -> String {
    let span = text.and_then(|text| text.locate(source.quote()));
    let locator = if source.locator().trim().is_empty() {
        text.zip(span)
            .and_then(|(text, span)| derived_locator(&headings(text.text()), span.start_byte))
            .unwrap_or_default()
    } else {
        source.locator().to_string()
    };
    let (named, headings) = crate::pages::split(&locator);
    if named.is_some() {
        return locator;
    }
    let page = text.zip(span).and_then(|(text, span)| {
        if !text.text().contains(crate::pdf::PAGE_BREAK) {
            return None;
        }
        let first = crate::pages::first_page(graph.paper(&source.paper)?.pages.as_deref());
        crate::pages::Pages::of(text.text()).label(span.bytes(), first)
    });
    match page {
        Some(page) => crate::pages::join(Some(&page), headings),
        None => locator,
    }
}

/// Rows as CSV with a header row.
pub fn to_csv(rows: &[Row]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS).expect("writing to memory");
    for row in rows {
        writer.write_record(row).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("UTF-8 in, UTF-8 out")
}

/// Writes the table as CSV with a header row into `sink`, a row at a time.
///
/// # Errors
/// Whatever `sink` returns.
pub fn csv_into(view: &View<'_>, sink: &mut dyn io::Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(sink);
    writer
        .write_record(COLUMNS)
        .map_err(super::cypher::csv_error)?;
    each_row(view, |row| {
        writer.write_record(&row).map_err(super::cypher::csv_error)
    })?;
    writer.flush()
}

/// Writes the table in Markdown into `sink`, a row at a time, under an HTML comment
/// naming linkage's version and the dataset ([`super::Stamp`]). In cells, `|` and `\` are
/// escaped, HTML's `<` and `&` are written as entities, and line breaks as `<br>`, so
/// a cell shows the text as it is.
///
/// # Errors
/// Whatever `sink` returns.
pub fn markdown_into(view: &View<'_>, sink: &mut dyn io::Write) -> io::Result<()> {
    // What made the table from what, in a comment no renderer shows.
    writeln!(sink, "<!-- {} -->", super::Stamp::of(view.graph).line())?;
    writeln!(sink, "| {} |", COLUMNS.join(" | "))?;
    writeln!(sink, "|{}", "---|".repeat(COLUMNS.len()))?;
    each_row(view, |row| {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        writeln!(sink, "| {} |", cells.join(" | "))
    })
}

/// One Markdown table cell: nothing in the text can end the cell, start markup or be
/// read as HTML.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("<br>"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("\\|"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(ch);
            }
            c => out.push(c),
        }
    }
    out
}
