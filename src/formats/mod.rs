//! Exports into the formats other tools read: one selection of the graph (the one
//! `linkage dot` draws), many writers, one module per format.
//!
//! Every writer keeps everything the selection holds: node kinds, labels in both
//! languages, aliases and descriptions; relation kinds, aspects, dimensions, positions and
//! notes; every source's paper, locator and quote. Where a quote's place in its paper's
//! text is known (the texts are at hand), writers that have room for it add it; without
//! the text it is left out, never guessed. docs/formats.md describes each format.

pub mod citations;
pub mod cypher;
pub mod evidence;
pub mod graphml;
pub mod json;
pub mod mermaid;
pub mod rdf;
mod stamp;

use std::{collections::HashMap, io, path::Path};

use petgraph::graph::{EdgeIndex, NodeIndex};
pub use stamp::{Stamp, LINKAGE_VERSION};

use crate::{
    dot::{self, Selection},
    error::Error,
    fact::Fact,
    graph::ConceptGraph,
    locate::{Span, TextIndex},
    paper::Paper,
    paper_filter::PaperFilter,
    relation::{Relation, Source},
    report::carry,
    text_store::TextStore,
    write::{Destination, DestinationDir},
};

/// Formats `export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// The data-file format: papers, nodes and merged relations with all sources.
    Json,
    /// GraphML with typed keys, for Gephi, networkx, igraph, yEd.
    Graphml,
    /// A Mermaid flowchart, for Markdown notes and slides.
    Mermaid,
    /// An openCypher script of CREATE statements, for Neo4j, Kùzu, Memgraph.
    Cypher,
    /// neo4j-admin import CSV files (papers.csv, nodes.csv, relationships.csv): -o names a directory.
    Csv,
    /// RDF in Turtle, with every source as a W3C Web Annotation.
    Turtle,
    /// RDF in JSON-LD, the same triples as turtle.
    Jsonld,
    /// The papers as CSL-JSON, for Zotero, Pandoc and citeproc.
    CslJson,
    /// The papers as BibTeX.
    Bibtex,
    /// One row per claim and source (CSV): the evidence appendix of a paper.
    EvidenceCsv,
    /// The evidence table in Markdown.
    EvidenceMd,
}

impl Format {
    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Graphml => "graphml",
            Self::Mermaid => "mermaid",
            Self::Cypher => "cypher",
            Self::Csv => "csv",
            Self::Turtle => "turtle",
            Self::Jsonld => "jsonld",
            Self::CslJson => "csl-json",
            Self::Bibtex => "bibtex",
            Self::EvidenceCsv => "evidence-csv",
            Self::EvidenceMd => "evidence-md",
        }
    }
}

/// The facts about `nodes` with their sources by the papers `papers` keeps; facts left
/// with no source are left out.
fn fact_items<'g>(
    graph: &'g ConceptGraph,
    nodes: &[NodeIndex],
    papers: &PaperFilter,
) -> Vec<(&'g Fact, Vec<&'g Source>)> {
    graph
        .facts()
        .iter()
        .filter(|fact| nodes.binary_search(&fact.subject).is_ok())
        .map(|fact| {
            let sources = papers.sources(&fact.sources).collect::<Vec<_>>();
            (fact, sources)
        })
        .filter(|(_, sources)| !sources.is_empty())
        .collect()
}

/// What the writers see: the selected nodes and relations, the papers they cite, and
/// the papers' texts where known.
pub struct View<'g> {
    /// The whole graph, for names, kinds and the schema.
    pub graph: &'g ConceptGraph,
    /// Selected nodes, in data order.
    pub nodes: Vec<NodeIndex>,
    /// Selected relations, in data order.
    pub edges: Vec<EdgeIndex>,
    /// The papers the export covers, in data order.
    pub papers: Vec<&'g Paper>,
    /// The papers the selection is limited to.
    only_papers: PaperFilter,
    texts: HashMap<String, TextIndex>,
}

impl<'g> View<'g> {
    /// The facts about the selected nodes with the sources the selection keeps (facts
    /// left with none are left out), in data order: what every export writes of facts.
    pub fn fact_items(&self) -> Vec<(&'g Fact, Vec<&'g Source>)> {
        fact_items(self.graph, &self.nodes, &self.only_papers)
    }

    /// [`View::fact_items`] as data-file records.
    pub fn fact_records(&self) -> Vec<crate::records::FactRecord> {
        self.fact_items()
            .into_iter()
            .map(|(fact, sources)| {
                let sources = sources.into_iter().map(|s| self.source_record(s));
                crate::export::fact_record(self.graph, fact, sources)
            })
            .collect()
    }

    /// [`View::fact_records`] as JSON values.
    pub fn facts(&self) -> Vec<serde_json::Value> {
        self.fact_records()
            .iter()
            .map(|fact| serde_json::to_value(fact).expect("records serialise"))
            .collect()
    }

    /// `source` as a data-file record, with its locator as the selection prints it.
    pub fn source_record<'s>(&self, source: &'s Source) -> crate::records::SourceRecord<'s> {
        crate::records::SourceRecord::of(source, self.locator(source))
    }

    /// The sources of `relation` the selection keeps, as data-file records.
    pub fn source_records<'r>(
        &self,
        relation: &'r Relation,
    ) -> Vec<crate::records::SourceRecord<'r>> {
        self.sources(relation)
            .into_iter()
            .map(|s| self.source_record(s))
            .collect()
    }

    /// The part of `graph` that `selection` picks, with the texts `texts` finds.
    ///
    /// # Errors
    /// As [`dot::select()`], and reading a named text directory.
    pub fn new(
        graph: &'g ConceptGraph,
        selection: &Selection,
        texts: Option<&TextStore>,
    ) -> Result<Self, Error> {
        let selected = dot::select(graph, selection)?;
        let whole = is_whole(selection);
        let mut edges: Vec<EdgeIndex> = selected.edges.iter().copied().collect();
        edges.sort();
        // A relation's aspect, dimension or scope is part of its claim: the export
        // describes it too, so that every node it names is in it.
        let mut nodes = selected.nodes.clone();
        for &edge in &edges {
            let relation = graph.relation(edge);
            nodes.extend(
                relation
                    .aspect
                    .into_iter()
                    .chain(relation.dimension)
                    .chain(relation.scope),
            );
        }
        nodes.sort();
        let nodes: Vec<NodeIndex> = nodes.into_iter().collect();
        let only_papers = selected.papers.clone();
        let facts = fact_items(graph, &nodes, &only_papers);
        let cited = |paper: &Paper| {
            edges.iter().any(|&e| {
                only_papers
                    .sources(&graph.relation(e).sources)
                    .any(|s| s.paper == paper.id)
            }) || facts
                .iter()
                .any(|(_, sources)| sources.iter().any(|s| s.paper == paper.id))
        };
        let papers: Vec<&Paper> = graph.papers().filter(|p| whole || cited(p)).collect();
        let mut located = HashMap::new();
        for paper in &papers {
            if let Some(text) = texts
                .map(|t| t.text_if_at_hand(paper))
                .transpose()?
                .flatten()
            {
                located.insert(paper.id.clone(), TextIndex::new(&text));
            }
        }
        Ok(Self {
            graph,
            nodes,
            edges,
            papers,
            only_papers,
            texts: located,
        })
    }

    /// The relations of the view with their index.
    pub fn relations(&self) -> impl Iterator<Item = (EdgeIndex, &'g Relation)> + '_ {
        self.edges.iter().map(|&e| (e, self.graph.relation(e)))
    }

    /// The sources of `relation` the selection keeps (those of its papers).
    pub fn sources<'r>(&self, relation: &'r Relation) -> Vec<&'r Source> {
        self.only_papers.sources(&relation.sources).collect()
    }

    /// Where `source`'s quote stands in its paper's text, when the text is at hand and
    /// holds it.
    pub fn span(&self, source: &Source) -> Option<Span> {
        self.texts
            .get(source.paper.as_str())?
            .locate(source.quote())
    }

    /// `source`'s locator: as given, or, where the source omits it, the heading its
    /// quote falls under in the paper's text (as `check` derives it; empty when the text
    /// is not at hand).
    pub fn locator(&self, source: &Source) -> String {
        evidence::source_locator(self.graph, self.texts.get(source.paper.as_str()), source)
    }

    /// The paper's text, when at hand.
    pub fn text_of(&self, paper: &str) -> Option<&TextIndex> {
        self.texts.get(paper)
    }

    /// Whether any paper's text is at hand.
    pub fn has_texts(&self) -> bool {
        !self.texts.is_empty()
    }

    /// The id of a node.
    pub fn id(&self, ix: NodeIndex) -> &'g str {
        &self.graph.node(ix).id
    }

    /// Whether there is nothing to export.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}

/// Whether `selection` asks for the whole graph (then every paper is exported, cited or
/// not).
fn is_whole(selection: &Selection) -> bool {
    selection.focus.is_empty()
        && selection.path.is_none()
        && selection.diff.is_none()
        && selection.papers.is_empty()
        && selection.kinds.is_empty()
        && selection.via.is_empty()
        && selection.min_papers <= 1
        && selection.top.is_none()
}

/// Writes the one file `format` makes of `view` into `sink`, as it is made: a node, an
/// edge, a claim or a statement at a time, never the whole document held (a million
/// relations make hundreds of megabytes of it). Mermaid (at most [`mermaid::MAX_EDGES`]
/// relations) and the citation formats (the papers alone) are small and made first.
///
/// # Errors
/// Whatever `sink` returns; the data's [`Error`] (a text the format cannot carry,
/// a format of several files) carried in the `io::Error` ([`crate::report::carry`]).
pub fn write_into(view: &View<'_>, format: Format, sink: &mut dyn io::Write) -> io::Result<()> {
    match format {
        Format::Json => json::write_into(view, sink),
        Format::Graphml => graphml::write_into(view, sink),
        Format::Mermaid => sink.write_all(mermaid::write(view).map_err(carry)?.as_bytes()),
        Format::Cypher => cypher::script_into(view, sink),
        Format::Csv => Err(carry(several_files(format))),
        Format::Turtle => rdf::turtle_into(view, sink),
        Format::Jsonld => rdf::jsonld_into(view, sink),
        Format::CslJson => sink.write_all(citations::csl_json(view).as_bytes()),
        Format::Bibtex => sink.write_all(citations::bibtex(view).as_bytes()),
        Format::EvidenceCsv => evidence::csv_into(view, sink),
        Format::EvidenceMd => evidence::markdown_into(view, sink),
    }
}

fn several_files(format: Format) -> Error {
    Error::Usage(format!(
        "--format {} writes several files; name a directory with -o DIR",
        format.name()
    ))
}

/// What `linkage export` asked for.
pub struct ExportRequest<'a> {
    /// The format.
    pub format: Format,
    /// What part of the graph.
    pub selection: Selection,
    /// Where the papers' texts are (`TextStore::find`), if anywhere.
    pub texts: Option<TextStore>,
    /// The file (or, for csv, the directory) to write; standard output when `None`.
    pub output: Option<&'a Path>,
    /// The data directory, never written into.
    pub data_dir: Option<&'a Path>,
}

/// What an export did.
pub struct Exported<'g> {
    /// What is for standard output, to be written by [`write_into`] (`None` when files
    /// were written).
    pub stdout: Option<(View<'g>, Format)>,
    /// Whether the selection held anything.
    pub found: bool,
    /// A remark for the user (on standard error), such as quote places left out.
    pub note: Option<String>,
}

/// Runs an export: writes the files, or returns the selection to write to standard
/// output as the emitter streams it.
///
/// # Errors
/// Selection errors, I/O errors, and [`Error::Usage`] for csv without `-o DIR`.
pub fn export<'g>(
    graph: &'g ConceptGraph,
    request: &ExportRequest<'_>,
) -> Result<Exported<'g>, Error> {
    let view = View::new(graph, &request.selection, request.texts.as_ref())?;
    let places_quotes = matches!(
        request.format,
        Format::Turtle | Format::Jsonld | Format::EvidenceCsv | Format::EvidenceMd
    );
    let mut exported = Exported {
        stdout: None,
        found: !view.is_empty(),
        note: (places_quotes && !view.has_texts()).then(|| {
            "note: the papers' texts are not at hand (--sources DIR): quotes are not placed in them"
                .to_string()
        }),
    };
    if request.format == Format::Csv && request.output.is_none() {
        return Err(several_files(request.format));
    }
    let Some(output) = request.output else {
        exported.stdout = Some((view, request.format));
        return Ok(exported);
    };
    // Each file is written as it is made, into a temporary file renamed into place
    // once whole (src/write.rs).
    if request.format == Format::Csv {
        let dir = DestinationDir::output(output, request.data_dir)?;
        let names = cypher::csv_file_names(&view);
        let files = names
            .iter()
            .map(|name| dir.file(name))
            .collect::<Result<Vec<_>, _>>()?;
        dir.create()?;
        for (file, name) in files.iter().zip(names) {
            file.write_with(|sink| cypher::csv_file_into(&view, name, sink))?;
        }
    } else {
        Destination::output(output, request.data_dir)?
            .write_with(|sink| write_into(&view, request.format, sink))?;
    }
    Ok(exported)
}

#[cfg(all(test, feature = "cli"))]
mod names {
    use clap::ValueEnum as _;

    use super::Format;

    /// A message naming a format names it as `--format` takes it.
    #[test]
    fn each_format_is_named_as_format_takes_it() {
        for format in Format::value_variants() {
            let taken = format.to_possible_value().expect("every format is offered");
            assert_eq!(format.name(), taken.get_name());
        }
    }
}
