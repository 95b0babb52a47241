//! Reading part of a cache file: `show NODE` and `path A B` from a warm cache load the
//! nodes and only the relations their answer reads, not the whole graph.
//!
//! At a million relations a warm start spent most of its time rebuilding the graph
//! (petgraph's `add_edge`, page faults and `malloc` for a million relations and their
//! sources); a query reads a few hundred of them. So a cache file carries, between its
//! front (key and names) and the graph, the `Sections`: where each relation's record
//! starts in the graph's encoding, each relation's two ends and kind as flat arrays,
//! and which relations use a node as their aspect, dimension or scope. A partial read
//! checks the file as a whole load does (both checksums, and the key: `key.rs`),
//! decodes the nodes, resolves the names on a graph of the nodes alone,
//! picks the relations the query reads from the flat arrays, decodes just those, and
//! builds a small graph of every node and those relations through the one graph
//! constructor. The ordinary query then runs on it, so the output is the full load's:
//!
//! * `show NODE`: the relations at the node, and those whose aspect, dimension or scope
//!   it is (what its summary, its details and its disputes read);
//! * `path A B` (shortest routes, not `--all` or `--through`, no `--paper`): every
//!   relation on some shortest route, found by the path query's own search
//!   (`crate::query::shortest`) walking the cached ends. A graph holding them has the
//!   same shortest routes, the same count and the same hops at each step.
//!
//! Anything else, or anything unexpected (no cache, another key, a damaged file, a
//! name that does not resolve, whose error message reads the relations), is `None`:
//! the caller loads the whole dataset as before. A damaged file fails its checksums and
//! is a miss. Every offset and index read from the file is checked before use, and the
//! small graph passes the same soundness check as a whole one (`cache/sound.rs`), so a
//! file changed by hand with its checksums recomputed is a miss or, where the change
//! keeps every index in range (an end or a kind swapped for another), trusted as a
//! whole cache's content is: never a panic.

use std::path::Path;

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use serde::{de::DeserializeSeed, Deserialize};

use super::{
    key::Verdict,
    tuples::{index, DiagnosticIn, EachInto, EdgeIn, FactIn, NodeIn, SourceIn, SourceOut},
    Cached, Key,
};
use crate::{
    adjacency::Adjacency,
    graph::{ConceptGraph, DataFileText, NodeNames},
    load::{self, Loaded},
    node::Node,
    paper::Paper,
    paper_filter::PaperFilter,
    query::{Walk, WalkFilter},
    relation::{Relation, Source},
    schema::Schema,
};

/// What a command asks of the dataset, so that only that part is read.
#[derive(Debug, Clone, Copy)]
pub enum Part<'q> {
    /// `show NAME`.
    Show {
        /// The node's name, as given.
        name: &'q str,
    },
    /// `path FROM TO`, shortest routes only, every paper.
    ShortestPath {
        /// Where routes start, as given.
        from: &'q str,
        /// Where routes end, as given.
        to: &'q str,
        /// `--via`: the relation kinds walked (all when empty).
        via: &'q [String],
        /// `--avoid`: nodes never entered, as given.
        avoid: &'q [String],
        /// `--undirected`.
        undirected: bool,
        /// `--max-len`.
        max_len: Option<usize>,
    },
}

/// The index ahead of a cache file's graph: flat little-endian arrays a partial read
/// takes slices of without decoding anything.
///
/// Layout: the number of relations `E` and of topic pairs `T` (`u64` each); `E + 2`
/// offsets into the graph's encoding (`u64`: where each relation's record starts, then
/// where the relations end and where the facts start); each relation's two ends (`u32`
/// twice); each relation's kind index (`u16`); and `T` pairs of a node and a relation
/// using it as aspect, dimension or scope (`u32` twice), in relation order.
pub(super) struct Sections<'b> {
    edges: usize,
    starts: &'b [u8],
    ends: &'b [u8],
    kinds: &'b [u8],
    topics: &'b [u8],
}

impl<'b> Sections<'b> {
    /// The sections of `graph`, whose relation records start at `starts` (one offset a
    /// relation, then the end of the relations and the start of the facts).
    /// `None` when there are more relations than a `u32` counts (the cache is then not
    /// written).
    pub(super) fn of(graph: &ConceptGraph, starts: &[u64]) -> Option<Owned> {
        let edges = graph.graph.raw_edges();
        let mut topics = Vec::new();
        for (i, edge) in edges.iter().enumerate() {
            let r = &edge.weight;
            let mut on = [r.aspect, r.dimension, r.scope];
            on.sort_unstable();
            let mut last = None;
            for node in on.into_iter().flatten() {
                if last != Some(node) {
                    topics.push((index(node), u32::try_from(i).ok()?));
                    last = Some(node);
                }
            }
        }
        let mut bytes = Vec::with_capacity(16 + starts.len() * 8 + edges.len() * 10);
        bytes.extend_from_slice(&(edges.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&(topics.len() as u64).to_le_bytes());
        for start in starts {
            bytes.extend_from_slice(&start.to_le_bytes());
        }
        for edge in edges {
            bytes.extend_from_slice(&index(edge.source()).to_le_bytes());
            bytes.extend_from_slice(&index(edge.target()).to_le_bytes());
        }
        for &kind in &graph.kind_indices {
            bytes.extend_from_slice(&kind.to_le_bytes());
        }
        for (node, edge) in topics {
            bytes.extend_from_slice(&node.to_le_bytes());
            bytes.extend_from_slice(&edge.to_le_bytes());
        }
        Some(Owned(bytes))
    }

    /// The sections in `bytes`, or `None` when the lengths do not add up.
    fn read(bytes: &'b [u8]) -> Option<Self> {
        let word = |at: usize| Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?));
        let edges = usize::try_from(word(0)?).ok()?;
        let topics = usize::try_from(word(8)?).ok()?;
        let mut rest = bytes.get(16..)?;
        let mut take = |len: usize| {
            let (taken, left) = rest.split_at_checked(len)?;
            rest = left;
            Some(taken)
        };
        let starts = take(edges.checked_add(2)?.checked_mul(8)?)?;
        let ends = take(edges.checked_mul(8)?)?;
        let kinds = take(edges.checked_mul(2)?)?;
        let topics = take(topics.checked_mul(8)?)?;
        rest.is_empty().then_some(Self {
            edges,
            starts,
            ends,
            kinds,
            topics,
        })
    }

    fn start(&self, i: usize) -> Option<usize> {
        let at = i.checked_mul(8)?;
        let word = u64::from_le_bytes(self.starts.get(at..at + 8)?.try_into().ok()?);
        usize::try_from(word).ok()
    }

    fn ends(&self, i: usize) -> (u32, u32) {
        let word = |at: usize| u32::from_le_bytes([0, 1, 2, 3].map(|k| self.ends[at + k]));
        (word(8 * i), word(8 * i + 4))
    }

    fn kind(&self, i: usize) -> u16 {
        u16::from_le_bytes([self.kinds[2 * i], self.kinds[2 * i + 1]])
    }

    /// The relations using `node` as aspect, dimension or scope.
    fn on_topic(&self, node: u32) -> impl Iterator<Item = usize> + '_ {
        self.topics
            .chunks_exact(8)
            .filter_map(move |pair| {
                let word = |k: usize| u32::from_le_bytes([0, 1, 2, 3].map(|b| pair[k + b]));
                (word(0) == node).then(|| word(4) as usize)
            })
            .filter(|&edge| edge < self.edges)
    }
}

/// The bytes of [`Sections`], to write.
pub(super) struct Owned(Vec<u8>);

impl Owned {
    pub(super) fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

/// The dataset in `dir` with the relations `part` reads, from its cache file in
/// `cache_dir`; `None` when the cache cannot answer (see the module's doc), and the
/// caller loads the whole dataset.
pub fn load(dir: &Path, cache_dir: &Path, part: &Part<'_>) -> Option<Loaded> {
    let cache_file = super::cache_file(dir, cache_dir)?;
    let paths = load::data_paths(dir).ok()?;
    let bytes = super::mapped::read(&cache_file).ok()?;
    let seal = super::unsealed(&bytes).ok()?;
    // The checksums (a tenth of a warm `path` at 1M relations) are verified on a
    // second core while this one decodes what the query reads; nothing decoded is
    // used unless they hold.
    let (sealed, read) = std::thread::scope(|scope| {
        let sealed = scope.spawn(|| seal.holds());
        let read = read_part(dir, &paths, seal.payload, part);
        (sealed.join().unwrap_or(false), read)
    });
    if !sealed {
        return None;
    }
    let (cached, place_sources, names, texts) = read?;
    super::limit::used(&cache_file);
    let mut loaded = cached.restore_with_names(texts, names);
    loaded
        .graph
        .set_paper_texts(load::DataSource::Dir(dir.to_path_buf()).texts());
    loaded.graph.gather_places_from(&place_sources);
    Some(loaded)
}

/// What [`load`] reads of a cache's `payload` (not yet known to be sound): the nodes,
/// the relations `part` needs, the sources naming the papers' places, the indexes of
/// the nodes' names and the data files' texts; `None` if the key does not hold or
/// anything is not as written.
fn read_part(
    dir: &Path,
    paths: &[std::path::PathBuf],
    payload: &[u8],
    part: &Part<'_>,
) -> Option<(Cached, Vec<Source>, NodeNames, Vec<DataFileText>)> {
    let mut front = Front::decode(payload)?;
    if !matches!(front.key.verdict(dir, paths), Verdict::Same { .. }) {
        return None;
    }
    let texts = load::file_texts(paths.to_vec());
    if texts.len() != front.text_count as usize {
        return None;
    }
    let nodes_only = ConceptGraph::new(
        front.schema.clone(),
        front.papers.clone(),
        std::mem::take(&mut front.nodes),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    );
    let sections = &front.sections;
    let node_count = nodes_only.node_count();
    let (edges, nodes_only) = match *part {
        Part::Show { name } => {
            let node = u32::try_from(nodes_only.resolve(name).ok()?.index()).ok()?;
            let mut edges: Vec<usize> = (0..sections.edges)
                .filter(|&i| {
                    let (from, to) = sections.ends(i);
                    from == node || to == node
                })
                .chain(sections.on_topic(node))
                .collect();
            edges.sort_unstable();
            edges.dedup();
            (edges, nodes_only)
        }
        Part::ShortestPath { .. } => shortest_path_relations(nodes_only, sections, part)?,
    };
    let (nodes, names) = nodes_only.into_parts();
    let (cached, place_sources) = front.with_relations(nodes, node_count, &edges)?;
    if !super::sound::holds_a_loaded_graph(&cached) {
        return None;
    }
    Some((cached, place_sources, names, texts))
}

/// The sources whose locators name the places of the papers, in data order: the first
/// with each paper and locator, and every one without a locator (placed by its quote).
/// Human output names a source's place by the fewest headings no other place of its
/// paper shares (`src/places.rs`), which reads every source of the graph; a partial
/// read has a few, so the cache keeps these for it.
pub(super) fn place_sources(graph: &ConceptGraph) -> Vec<SourceOut<'_>> {
    let mut seen = rustc_hash::FxHashSet::default();
    graph
        .relations()
        .flat_map(|(_, r)| r.sources.iter())
        .chain(graph.facts().iter().flat_map(|f| f.sources.iter()))
        .filter(|s| {
            let locator = s.locator();
            let placed_by_its_quote = locator.trim().is_empty();
            placed_by_its_quote || seen.insert((s.paper, locator))
        })
        .map(SourceOut)
        .collect()
}

/// The relations on the shortest routes `part` asks for, found by the path query's own
/// search over the graph of the nodes with the cached adjacency (which walks relations
/// by their ends and kinds alone, never reading one without a paper filter); and that
/// graph, its adjacency emptied again.
fn shortest_path_relations(
    mut graph: ConceptGraph,
    sections: &Sections<'_>,
    part: &Part<'_>,
) -> Option<(Vec<usize>, ConceptGraph)> {
    let Part::ShortestPath {
        from,
        to,
        via,
        avoid,
        undirected,
        max_len,
    } = *part
    else {
        return None;
    };
    let (from, to) = (graph.resolve(from).ok()?, graph.resolve(to).ok()?);
    let avoid = avoid
        .iter()
        .map(|name| graph.resolve(name).ok())
        .collect::<Option<Vec<_>>>()?;
    if from == to || max_len == Some(0) {
        // The query's own error, on a graph without relations.
        return Some((Vec::new(), graph));
    }
    let nodes = graph.node_count();
    let kinds = graph.schema().relation_kinds.len();
    let mut ends = Vec::with_capacity(sections.edges);
    let mut kind_indices = Vec::with_capacity(sections.edges);
    for i in 0..sections.edges {
        let (a, b) = sections.ends(i);
        let kind = sections.kind(i);
        if a as usize >= nodes || b as usize >= nodes || usize::from(kind) >= kinds {
            return None;
        }
        ends.push((NodeIndex::new(a as usize), NodeIndex::new(b as usize)));
        kind_indices.push(kind);
    }
    graph.adjacency = Adjacency::from_ends(nodes, ends.into_iter(), &kind_indices);
    let filter = WalkFilter {
        kinds: via.to_vec(),
        papers: PaperFilter::every(),
        avoid,
        undirected,
    };
    let mut edges: Vec<usize> = {
        let walk = Walk::new(&graph, filter).ok()?;
        crate::query::shortest::relations_on_shortest_routes(&walk, from, to, max_len)
            .into_iter()
            .map(EdgeIndex::index)
            .collect()
    };
    graph.adjacency = Adjacency::default();
    edges.sort_unstable();
    edges.dedup();
    Some((edges, graph))
}

/// What a partial read decodes of a payload before choosing relations: the key, the
/// sections, the schema, papers and nodes, and the graph's encoding to take relation
/// records, facts and warnings from.
struct Front<'b> {
    key: Key,
    sections: Sections<'b>,
    schema: Schema,
    papers: indexmap::IndexMap<String, Paper>,
    text_count: u32,
    nodes: DiGraph<Node, Relation>,
    /// The graph's encoding (the offsets of [`Sections`] are into it).
    body: &'b [u8],
}

impl<'b> Front<'b> {
    fn decode(payload: &'b [u8]) -> Option<Self> {
        let mut de = postcard::Deserializer::from_bytes(payload);
        let key = Key::deserialize(&mut de).ok()?;
        super::names::NamesPassed::deserialize(&mut de).ok()?;
        let sections = Sections::read(<&[u8]>::deserialize(&mut de).ok()?)?;
        let body = de.finalize().ok()?;
        let mut de = postcard::Deserializer::from_bytes(body);
        let schema: Schema = serde_json::from_str(&String::deserialize(&mut de).ok()?).ok()?;
        let papers: Vec<Paper> = serde_json::from_str(&String::deserialize(&mut de).ok()?).ok()?;
        let text_count = u32::deserialize(&mut de).ok()?;
        let (node_count, edge_count) = <(u32, u32)>::deserialize(&mut de).ok()?;
        if edge_count as usize != sections.edges {
            return None;
        }
        let capacity = (node_count as usize).min(body.len() / super::MIN_NODE_BYTES);
        let mut nodes = DiGraph::with_capacity(capacity, 0);
        EachInto::new("nodes", |NodeIn(node)| {
            nodes.add_node(node);
            true
        })
        .deserialize(&mut de)
        .ok()?;
        let paper_count = papers.len();
        let papers: indexmap::IndexMap<String, Paper> =
            papers.into_iter().map(|p| (p.id.clone(), p)).collect();
        (papers.len() == paper_count).then_some(Self {
            key,
            sections,
            schema,
            papers,
            text_count,
            nodes,
            body,
        })
    }

    /// The cached dataset with every node and the relations `edges` (indices, in
    /// order), decoded from their records, and the sources that name the places of
    /// the papers ([`place_sources`]); `None` when a record or an index in it is not
    /// as written.
    fn with_relations(
        self,
        mut graph: DiGraph<Node, Relation>,
        node_count: usize,
        edges: &[usize],
    ) -> Option<(Cached, Vec<Source>)> {
        let sections = &self.sections;
        let in_range = |ix: NodeIndex| ix.index() < node_count;
        let mut kind_indices = Vec::with_capacity(edges.len());
        graph.reserve_edges(edges.len());
        for &i in edges {
            let record = self.body.get(sections.start(i)?..sections.start(i + 1)?)?;
            let EdgeIn { from, to, relation } = postcard::from_bytes(record).ok()?;
            let (a, b) = sections.ends(i);
            let sound = (from.index(), to.index()) == (a as usize, b as usize)
                && in_range(from)
                && in_range(to)
                && super::relation_in_range(&relation, &in_range, self.text_count);
            if !sound {
                return None;
            }
            graph.add_edge(from, to, relation);
            kind_indices.push(sections.kind(i));
        }
        let tail = self.body.get(sections.start(sections.edges + 1)?..)?;
        let mut de = postcard::Deserializer::from_bytes(tail);
        let facts: Vec<_> = Vec::<FactIn>::deserialize(&mut de)
            .ok()?
            .into_iter()
            .map(|f| f.0)
            .collect();
        let warnings = Vec::<DiagnosticIn>::deserialize(&mut de)
            .ok()?
            .into_iter()
            .map(|d| d.0)
            .collect();
        let place_sources: Vec<Source> = Vec::<SourceIn>::deserialize(&mut de)
            .ok()?
            .into_iter()
            .map(|s| s.0)
            .collect();
        if !de.finalize().ok()?.is_empty() {
            return None;
        }
        let places_sound = place_sources
            .iter()
            .all(|s| s.origin.file < self.text_count && self.papers.contains_key(s.paper.as_str()));
        if !places_sound {
            return None;
        }
        let facts_sound = facts.iter().all(|f: &crate::fact::Fact| {
            in_range(f.subject) && f.sources.iter().all(|s| s.origin.file < self.text_count)
        });
        facts_sound.then_some((
            Cached {
                schema: self.schema,
                papers: self.papers,
                text_count: self.text_count,
                graph,
                kind_indices,
                facts,
                warnings,
            },
            place_sources,
        ))
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    /// The project's dataset, its cache written to a temporary directory.
    fn warm() -> (PathBuf, tempfile::TempDir, Loaded) {
        let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let cache = tempfile::tempdir().unwrap();
        let whole = super::super::load(&data, cache.path()).unwrap();
        (data, cache, whole)
    }

    #[test]
    fn show_reads_the_relations_at_the_node_and_on_it_as_a_topic() {
        let (data, cache, whole) = warm();
        let whole = &whole.graph;
        let part = load(&data, cache.path(), &Part::Show { name: "tpa" }).expect("a partial read");
        let tpa = whole.resolve("tpa").unwrap();
        let expected: Vec<String> = whole
            .relations()
            .map(|(_, r)| r)
            .filter(|r| {
                [Some(r.from), Some(r.to), r.aspect, r.dimension, r.scope].contains(&Some(tpa))
            })
            .map(|r| format!("{r:?}"))
            .collect();
        let read: Vec<String> = part
            .graph
            .relations()
            .map(|(_, r)| format!("{r:?}"))
            .collect();
        assert_eq!(read, expected);
        assert!(read.len() < whole.relation_count() / 2);
        assert_eq!(part.graph.node_count(), whole.node_count());
        assert_eq!(part.warnings, Vec::new());
    }

    #[test]
    fn a_shortest_path_reads_the_relations_on_its_routes() {
        let (data, cache, whole) = warm();
        let part = Part::ShortestPath {
            from: "cpc",
            to: "common-prosperity",
            via: &[],
            avoid: &[],
            undirected: false,
            max_len: None,
        };
        let part = load(&data, cache.path(), &part).expect("a partial read");
        let whole = &whole.graph;
        let ends = |g: &ConceptGraph| {
            let query = crate::query::PathQuery::new(
                g.resolve("cpc").unwrap(),
                g.resolve("common-prosperity").unwrap(),
            );
            query.run(g).unwrap()
        };
        let (found, expected) = (ends(&part.graph), ends(whole));
        assert!(!expected.paths.is_empty());
        assert_eq!(found.paths.len(), expected.paths.len());
        assert_eq!(found.total, expected.total);
        for (a, b) in found.paths.iter().zip(&expected.paths) {
            assert_eq!(a.nodes, b.nodes);
            let relations = |g: &ConceptGraph, p: &crate::query::Path| -> Vec<String> {
                p.hops()
                    .map(|h| format!("{:?}", g.relation(h.edge)))
                    .collect()
            };
            assert_eq!(relations(&part.graph, a), relations(whole, b));
        }
        assert!(part.graph.relation_count() < whole.relation_count() / 4);
    }

    #[test]
    fn a_name_that_does_not_resolve_is_left_to_the_whole_dataset() {
        let (data, cache, _) = warm();
        let part = Part::Show {
            name: "no such concept at all",
        };
        assert!(load(&data, cache.path(), &part).is_none());
    }
}
