//! Pieces every view draws the same way: a concept as a node, the words of a relation,
//! citations, titled boxes, and label wrapping. Shared here so the graph view and the
//! comparison view depend on this module, not on each other.

use petgraph::graph::{EdgeIndex, NodeIndex};

use super::{
    paint::{Emphasis, Painter},
    scene::{Cluster, Item, Node},
    select::Selected,
    style::{Lang, Look},
};
use crate::{graph::ConceptGraph, relation::Relation};

/// Width, in columns, edge labels are wrapped to.
pub(crate) const EDGE_LABEL_WIDTH: usize = 20;
/// Narrowest width node labels are wrapped to.
const NODE_LABEL_MIN_WIDTH: usize = 22;

/// What a view draws from: the graph, the selection, the user's look, and the painter
/// of this diagram.
pub(crate) struct Canvas<'a> {
    pub graph: &'a ConceptGraph,
    pub selected: &'a Selected,
    pub look: &'a Look,
    pub paint: Painter,
}

impl Canvas<'_> {
    /// The label of node `ix` in the diagram's language.
    pub(crate) fn node_label(&self, ix: NodeIndex) -> &str {
        node_label(self.graph, ix, self.look.lang)
    }

    /// Concept `ix` as a node with its kind's style and its description as tooltip.
    pub(crate) fn concept(&self, ix: NodeIndex, emphasis: Emphasis) -> Node {
        let node = self.graph.node(ix);
        let kind = &self.graph.schema().node_kinds[node.kind.as_str()];
        let label = self.node_label(ix);
        Node {
            id: node.id.clone(),
            label: wrap(label, node_label_width(label)),
            tooltip: Some(
                node.description
                    .clone()
                    .unwrap_or_else(|| node.label.clone()),
            ),
            style: self.paint.node(kind, emphasis),
        }
    }

    /// A titled box around `items`.
    pub(crate) fn cluster(&self, id: &str, title: &str, items: Vec<Item>) -> Item {
        let (line, text) = self.paint.frame();
        Item::Cluster(Cluster {
            id: id.into(),
            label: wrap(title, 40),
            line,
            text,
            items,
        })
    }

    /// With `--cite`, the papers behind `edges` (those the selection counts) as label
    /// lines; nothing otherwise.
    pub(crate) fn cite(&self, edges: &[EdgeIndex]) -> Vec<String> {
        if !self.look.cite {
            return Vec::new();
        }
        let cites: Vec<&str> = self
            .papers_of(edges)
            .iter()
            .map(|p| self.graph.cite(p))
            .collect();
        wrap(&format!("[{}]", cites.join("; ")), EDGE_LABEL_WIDTH)
    }

    /// The papers the selection counts among the sources of `edges`, once each, in
    /// order of appearance.
    pub(crate) fn papers_of(&self, edges: &[EdgeIndex]) -> Vec<&str> {
        crate::relation::distinct_papers(edges.iter().flat_map(|&edge| {
            self.selected
                .papers
                .sources(&self.graph.relation(edge).sources)
        }))
    }
}

/// The label of node `ix` in `lang` (English where the data has no Chinese).
pub(crate) fn node_label(graph: &ConceptGraph, ix: NodeIndex, lang: Lang) -> &str {
    let node = graph.node(ix);
    match lang {
        Lang::Zh => node.label_zh.as_deref().unwrap_or(&node.label),
        Lang::En => &node.label,
    }
}

/// The words on a relation's edge: its kind's label, with the aspect or dimension a
/// comparison names.
pub(crate) fn relation_label(graph: &ConceptGraph, relation: &Relation, lang: Lang) -> String {
    let kind = graph.kind_of(relation);
    match relation.aspect.or(relation.dimension) {
        Some(compared) => format!(
            "{}{}{}",
            lang.relation_kind(kind),
            lang.colon(),
            node_label(graph, compared, lang)
        ),
        None => lang.relation_kind(kind).to_string(),
    }
}

/// Wraps `text` into lines at most `width` columns wide (CJK characters count two),
/// breaking between words, between CJK characters, and inside a word only when the
/// word alone is wider than a line. Nothing is dropped: the lines hold every
/// non-blank character of `text`, in order.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let clean: String = text
        .replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\r' | '\n' => '\n',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let options = textwrap::Options::new(width.max(1)).break_words(true);
    textwrap::wrap(&clean, options)
        .into_iter()
        .map(|line| line.trim_end().to_string())
        .collect()
}

/// The width a node label wraps to: wide enough that long labels make boxes about
/// twice as wide as high, never narrower than [`NODE_LABEL_MIN_WIDTH`].
fn node_label_width(text: &str) -> usize {
    (textwrap::core::display_width(text) * 3)
        .isqrt()
        .max(NODE_LABEL_MIN_WIDTH)
}
