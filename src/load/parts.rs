//! What loading builds before it knows whether the data is good ([`Parts`]), and where
//! each id was first defined: shared by the building (`build.rs`), the rules
//! (`rules.rs`, `facts.rs`) and the merging (`merge.rs`), so that none of them reaches
//! into another for the types they all work on.

use indexmap::IndexMap;
use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::{
    graph::{ConceptGraph, DataFileText},
    node::Node,
    paper::Paper,
    relation::Relation,
    schema::Schema,
    symbol::Symbol,
};

use super::problems::ItemPointer;

/// What validation builds before it knows whether the data is good.
pub(super) struct Parts {
    pub(super) schema: Schema,
    pub(super) papers: IndexMap<String, Paper>,
    pub(super) graph: DiGraph<Node, Relation>,
    /// Each edge's kind as its index in the schema, in edge order.
    pub(super) kind_indices: Vec<u16>,
    /// Each relation kind's index in the schema, found by its symbol or its name:
    /// checking and inserting a relation look its kind up here, hashed with Fx, where
    /// the schema's own map hashed the kind's name with `SipHash` (3% of a cold load at
    /// 1M relations).
    pub(super) kind_numbers: FxHashMap<Symbol, u16>,
    /// Each node's kind, by node index: checking a relation reads both ends' kinds,
    /// and read from the graph's 168-byte nodes each was a cache miss (most of
    /// `check_relation`'s time at 1M relations); here they take 8 bytes a node.
    pub(super) node_kinds: Vec<Symbol>,
    pub(super) ids: crate::id_index::IdIndex,
    pub(super) names: FxHashMap<String, NodeIndex>,
    /// Facts, in data order.
    pub(super) facts: Vec<crate::fact::Fact>,
    /// Ids of papers and nodes whose records could not be used, already reported:
    /// a reference to one is not a second mistake.
    pub(super) unavailable: FxHashSet<String>,
}

impl Parts {
    /// The graph, once the data is known to be good. Its indexes are built again by
    /// [`ConceptGraph::new`], the one constructor: the ones kept here served checking.
    pub(super) fn into_graph(self, files: Vec<DataFileText>) -> ConceptGraph {
        ConceptGraph::new(
            self.schema,
            self.papers,
            self.graph,
            self.kind_indices,
            self.facts,
            files,
        )
    }
}

/// Where each id was first defined (file, record), for "already defined at" hints.
pub(super) type Definitions = FxHashMap<String, (usize, ItemPointer)>;
