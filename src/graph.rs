//! The concept graph: nodes and sourced relations in a petgraph graph, with an index
//! from id to node so lookups are O(1) and iteration follows the data's order.

mod texts;

use std::{borrow::Cow, path::PathBuf, sync::OnceLock};

use indexmap::IndexMap;
use petgraph::{
    graph::{DiGraph, EdgeIndex, NodeIndex},
    visit::EdgeRef,
    Direction,
};
use rustc_hash::FxHashMap;

use crate::{
    adjacency::Adjacency,
    node::Node,
    paper::Paper,
    relation::Relation,
    schema::{RelationKind, Role, Schema},
};

/// A data file the graph was read from, so that later checks can point into it.
///
/// The text of a file read from disk is let go once its relations are loaded (a
/// million-relation dataset's JSON is as large as the graph built from it) and read
/// again, once, only when a problem needs a line and column. Built-in and in-memory
/// files keep their text.
#[derive(Debug, Clone)]
pub struct DataFileText {
    /// Name as shown to the user.
    pub name: String,
    /// The file's text; empty once let go, until asked for again.
    text: OnceLock<Cow<'static, str>>,
    /// Where to read the text again; `None` for built-in and in-memory files.
    path: Option<PathBuf>,
}

impl DataFileText {
    /// A file whose text is held; `path` if it was read from disk.
    pub(crate) fn new(name: String, text: Cow<'static, str>, path: Option<PathBuf>) -> Self {
        Self {
            name,
            text: OnceLock::from(text),
            path,
        }
    }

    /// A file on disk whose text is not held: read when first asked for.
    pub(crate) fn on_disk(name: String, path: PathBuf) -> Self {
        Self {
            name,
            text: OnceLock::new(),
            path: Some(path),
        }
    }

    /// The file's text, read again if it was let go. Empty if the file can no longer be
    /// read as UTF-8: a place in it is then not shown, and nothing else is lost.
    pub fn text(&self) -> &str {
        self.text
            .get_or_init(|| Cow::Owned(self.read_again().unwrap_or_default()))
    }

    /// The text, if it lives as long as the program (a built-in file).
    pub(crate) fn built_in(&self) -> Option<&'static str> {
        match self.text.get() {
            Some(Cow::Borrowed(text)) => Some(text),
            _ => None,
        }
    }

    /// Lets go of the text if it can be read again.
    pub(crate) fn release(&mut self) {
        if self.path.is_some() {
            self.text = OnceLock::new();
        }
    }

    /// The xxh3-128 of the file's text (as the loader read it: a byte-order mark is not
    /// part of it): of the text held, or of the file read again a megabyte at a time
    /// and not held, so that an export's dataset digest ([`crate::formats::Stamp`])
    /// does not hold a large dataset's text. `None` when a file let go cannot be read.
    pub(crate) fn digest(&self) -> Option<u128> {
        use std::io::Read as _;
        if let Some(text) = self.text.get() {
            return Some(xxhash_rust::xxh3::xxh3_128(text.as_bytes()));
        }
        let mut file = std::fs::File::open(self.path.as_ref()?).ok()?;
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let mut piece = vec![0; 1 << 20];
        let mut first = true;
        loop {
            match file.read(&mut piece) {
                Ok(0) => break,
                Ok(n) => {
                    let mut bytes = &piece[..n];
                    if std::mem::take(&mut first) {
                        bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                    }
                    hasher.update(bytes);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        Some(hasher.digest128())
    }

    fn read_again(&self) -> Option<String> {
        let bytes = std::fs::read(self.path.as_ref()?).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        // As the loader read it: a byte-order mark is not part of the text.
        Some(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        })
    }
}

/// A loaded, validated dataset.
///
/// Invariants (established by [`crate::load()`]): every relation's endpoints have kinds
/// its relation kind allows; every relation has at least one source citing a known paper
/// with a non-empty quote; ids and names (labels, aliases) are unique.
#[derive(Debug)]
pub struct ConceptGraph {
    pub(crate) schema: Schema,
    pub(crate) papers: IndexMap<String, Paper>,
    pub(crate) graph: DiGraph<Node, Relation>,
    /// Each relation's kind as its index in the schema's relation kinds, by edge index,
    /// so a query can test kinds without reading names (see [`ConceptGraph::kind_index`]).
    pub(crate) kind_indices: Vec<u16>,
    /// Each node's relations in contiguous arrays, for fast traversal.
    pub(crate) adjacency: Adjacency,
    /// Id to node. Not iterated: data order is the graph's own node order.
    pub(crate) ids: crate::id_index::IdIndex,
    /// Lower-cased labels and aliases to their node.
    pub(crate) names: FxHashMap<String, NodeIndex>,
    /// Facts, in data order.
    pub(crate) facts: Vec<crate::fact::Fact>,
    pub(crate) files: Vec<DataFileText>,
    /// The papers' texts, for printing quotes as whole sentences (src/passage.rs).
    pub(crate) paper_texts: crate::passage::PaperTexts,
}

/// A relation seen from one of its ends: the relation, and the node at the other end.
#[derive(Debug, Clone, Copy)]
pub struct Incident<'g> {
    /// The relation's edge.
    pub edge: EdgeIndex,
    /// The relation.
    pub relation: &'g Relation,
    /// The node at the other end.
    pub other: NodeIndex,
    /// Whether the relation points away from the node we started at.
    pub outgoing: bool,
}

/// The indexes a graph's nodes alone decide: id to node, and lower-cased labels and
/// aliases to node (see [`ConceptGraph::new`]).
#[derive(Debug)]
pub(crate) struct NodeNames {
    /// How many nodes they were built for.
    node_count: usize,
    ids: crate::id_index::IdIndex,
    names: FxHashMap<String, NodeIndex>,
}

impl NodeNames {
    /// The indexes of `graph`'s nodes, built.
    pub(crate) fn of(graph: &DiGraph<Node, Relation>) -> Self {
        let mut ids = crate::id_index::IdIndex::with_capacity(graph.node_count());
        let name_count = graph
            .node_weights()
            .map(|node| 1 + node.aliases.len())
            .sum();
        let mut names = FxHashMap::with_capacity_and_hasher(name_count, rustc_hash::FxBuildHasher);
        for ix in graph.node_indices() {
            let node = &graph[ix];
            ids.insert(&node.id, ix);
            for name in std::iter::once(&node.label).chain(&node.aliases) {
                names.entry(name.to_lowercase()).or_insert(ix);
            }
        }
        Self {
            node_count: graph.node_count(),
            ids,
            names,
        }
    }
}

impl ConceptGraph {
    /// The one way a graph is made, by the loader, the cache and tests alike: every
    /// index (adjacency, id, name) is derived here from the nodes and relations, so no
    /// two makers can index a graph differently. `kind_indices[i]` is edge `i`'s kind as
    /// its index in the schema. Names are labels and aliases, lower-cased; the loader
    /// has already refused a name that two nodes share, and the first holder keeps it.
    pub(crate) fn new(
        schema: Schema,
        papers: IndexMap<String, Paper>,
        graph: DiGraph<Node, Relation>,
        kind_indices: Vec<u16>,
        facts: Vec<crate::fact::Fact>,
        files: Vec<DataFileText>,
    ) -> Self {
        let names = NodeNames::of(&graph);
        Self::with_node_names(schema, papers, graph, kind_indices, facts, files, names)
    }

    /// As [`ConceptGraph::new`], keeping the id and name indexes `names` that `new`
    /// built for the same nodes: a graph given back by [`ConceptGraph::into_parts`]
    /// with relations added (a warm `show` or `path` resolves its names on the nodes
    /// alone, then adds the few relations it reads: building the two indexes again
    /// was a fifth of its time at 100,000 nodes). Indexes made for another number of
    /// nodes are not trusted: they are built again.
    pub(crate) fn with_node_names(
        schema: Schema,
        papers: IndexMap<String, Paper>,
        graph: DiGraph<Node, Relation>,
        kind_indices: Vec<u16>,
        facts: Vec<crate::fact::Fact>,
        files: Vec<DataFileText>,
        names: NodeNames,
    ) -> Self {
        let names = if names.node_count == graph.node_count() {
            names
        } else {
            NodeNames::of(&graph)
        };
        Self {
            adjacency: Adjacency::new(&graph, &kind_indices),
            schema,
            papers,
            graph,
            kind_indices,
            ids: names.ids,
            names: names.names,
            facts,
            files,
            paper_texts: crate::passage::PaperTexts::default(),
        }
    }

    /// The petgraph graph and the indexes of its nodes' names, for
    /// [`ConceptGraph::with_node_names`].
    pub(crate) fn into_parts(self) -> (DiGraph<Node, Relation>, NodeNames) {
        let names = NodeNames {
            node_count: self.graph.node_count(),
            ids: self.ids,
            names: self.names,
        };
        (self.graph, names)
    }

    /// The schema in force.
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// The underlying petgraph graph, for algorithms.
    pub fn petgraph(&self) -> &DiGraph<Node, Relation> {
        &self.graph
    }

    /// Papers in data order.
    pub fn papers(&self) -> impl Iterator<Item = &Paper> {
        self.papers.values()
    }

    /// The paper with id `id`.
    pub fn paper(&self, id: &str) -> Option<&Paper> {
        self.papers.get(id)
    }

    /// The short citation of paper `id` (the id itself if unknown).
    pub fn cite<'a>(&'a self, id: &'a str) -> &'a str {
        self.papers.get(id).map_or(id, Paper::citation)
    }

    /// Node indices in data order.
    pub fn node_indices(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        // Nodes are added in data order and never removed, so index order is data order.
        self.graph.node_indices()
    }

    /// Nodes in data order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights()
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of relations (merged claims count once).
    pub fn relation_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node at `ix`.
    pub fn node(&self, ix: NodeIndex) -> &Node {
        &self.graph[ix]
    }

    /// The node with id `id`.
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.ids.get(id).copied()
    }

    /// The node a lower-cased label or alias belongs to.
    pub(crate) fn by_name(&self, lowercase_name: &str) -> Option<NodeIndex> {
        self.names.get(lowercase_name).copied()
    }

    /// Relations in data order, with their edge index.
    pub fn relations(&self) -> impl Iterator<Item = (EdgeIndex, &Relation)> {
        self.graph.edge_indices().map(|e| (e, &self.graph[e]))
    }

    /// The relation at `edge`.
    pub fn relation(&self, edge: EdgeIndex) -> &Relation {
        &self.graph[edge]
    }

    /// The schema's description of a relation's kind.
    pub fn kind_of(&self, relation: &Relation) -> &RelationKind {
        &self.schema.relation_kinds[relation.kind.as_str()]
    }

    /// The index in the schema's relation kinds of the kind of the relation at `edge`:
    /// `schema().relation_kinds[i]`. O(1), and reads a dense table rather than the
    /// relation, which is what makes filtering by kind cheap on large graphs.
    pub fn kind_index(&self, edge: EdgeIndex) -> usize {
        usize::from(self.kind_indices[edge.index()])
    }

    /// Every node's relations as contiguous arrays, built when the graph is loaded:
    /// the fast way to walk a large graph (see `adjacency.rs`).
    pub(crate) fn adjacency(&self) -> &Adjacency {
        &self.adjacency
    }

    /// The role of a relation's kind.
    pub fn role_of(&self, relation: &Relation) -> Role {
        self.kind_of(relation).role
    }

    /// Every relation touching `node`, outgoing then incoming, each in data order.
    pub fn incident(&self, node: NodeIndex) -> Vec<Incident<'_>> {
        let mut out: Vec<Incident<'_>> = self
            .graph
            .edges_directed(node, Direction::Outgoing)
            .map(|e| Incident {
                edge: e.id(),
                relation: e.weight(),
                other: e.target(),
                outgoing: true,
            })
            .collect();
        let mut incoming: Vec<Incident<'_>> = self
            .graph
            .edges_directed(node, Direction::Incoming)
            .filter(|e| e.source() != node)
            .map(|e| Incident {
                edge: e.id(),
                relation: e.weight(),
                other: e.source(),
                outgoing: false,
            })
            .collect();
        // petgraph lists a node's edges newest first; data order reads better.
        out.sort_by_key(|i| i.edge);
        incoming.sort_by_key(|i| i.edge);
        out.extend(incoming);
        out
    }

    /// Relations whose topic is `node`: that use it as their aspect (common ground) or
    /// dimension (difference), in data order. Linear in the number of relations.
    pub fn relations_on_topic(&self, node: NodeIndex) -> Vec<EdgeIndex> {
        self.relations()
            .filter(|(_, r)| r.aspect == Some(node) || r.dimension == Some(node))
            .map(|(edge, _)| edge)
            .collect()
    }

    /// Number of claims (sources) each paper makes, in paper order.
    pub fn claim_counts(&self) -> IndexMap<&str, usize> {
        let mut counts: IndexMap<&str, usize> =
            self.papers.keys().map(|id| (id.as_str(), 0)).collect();
        for (_, relation) in self.relations() {
            for source in &relation.sources {
                if let Some(count) = counts.get_mut(source.paper.as_str()) {
                    *count += 1;
                }
            }
        }
        counts
    }

    /// The facts, in data order.
    pub fn facts(&self) -> &[crate::fact::Fact] {
        &self.facts
    }

    /// The data files the graph was read from, in load order.
    pub fn files(&self) -> &[DataFileText] {
        &self.files
    }

    /// Reads the papers' texts from `location` (none: quotes are printed as encoded),
    /// for printing each quote as the sentence it is in. The loader sets the texts
    /// built in with the built-in dataset and `DIR/texts` for `--data DIR`.
    pub fn set_paper_texts(&mut self, location: Option<crate::text_store::TextStore>) {
        self.paper_texts = crate::passage::PaperTexts::new(location, self.papers.len());
    }

    /// Where the papers' texts are read from, if anywhere.
    pub fn paper_texts_location(&self) -> Option<&crate::text_store::TextStore> {
        self.paper_texts.location()
    }
}
