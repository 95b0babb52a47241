//! The one arrow convention of human output, and the one relation printer.
//!
//! A relation is written `A --premise of--> B`; a symmetric kind `A <--common ground-->
//! B`; read against its direction, from B, `B <--premise of-- A`. Where the kind is
//! said already (under a kind's heading in `show`), the bare arrows are `-->`, `<--`
//! and `<-->`, and a route of concepts is joined by `-->`. Where an arrow cannot be
//! drawn (a table cell, one label among several inside one arrow), a label read against
//! its direction is marked `<-` (`<-continuation of`).
//!
//! Every command builds its relation lines and arrows here, so a reader learns one
//! notation; `tests/integration/layers.rs` fails when another module draws an arrow of
//! its own. Formats read by other programs (DOT, Mermaid, Cypher) keep their syntax.

use petgraph::graph::NodeIndex;

use crate::{
    dot::{node_label, Lang},
    graph::ConceptGraph,
    relation::Relation,
    schema::RelationKind,
};

/// Glues two words so that wrapping never parts them ("relies on" inside its arrow, a
/// name with its count). It is a no-break space while text is wrapped, and the wrap
/// functions of `output` print it as a plain space: output holds only plain spaces, so
/// a pipe to `grep "Main body"` finds it and copied text carries nothing invisible. A
/// no-break space in the data (a paper's text has some) is printed as a plain space
/// too, as quotes are compared. Defined here, below `output`, for the arrows.
pub const GLUE: char = '\u{a0}';

/// `text` with its spaces glued ([`GLUE`]): one word for the wrapping.
pub(crate) fn glued(text: &str) -> String {
    text.replace(' ', &GLUE.to_string())
}

/// Which way a relation is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Way {
    /// From its `from` end to its `to` end.
    Along,
    /// From its `to` end back to its `from` end.
    Against,
    /// A symmetric kind: the same both ways.
    Both,
}

impl Way {
    /// How a relation of `kind` is read when walked `forward` (from `from` to `to`) or
    /// not: a symmetric kind both ways whichever way it is walked.
    pub(crate) fn of(kind: &RelationKind, forward: bool) -> Self {
        if kind.symmetric {
            Self::Both
        } else if forward {
            Self::Along
        } else {
            Self::Against
        }
    }
}

/// The arrow around `label`: `--label-->`, `<--label--`, `<--label-->`; with an empty
/// label the bare `-->`, `<--`, `<-->`. Text that is wrapped passes a [`glued`] label,
/// so that it stays inside its arrow.
pub(crate) fn arrow(label: &str, way: Way) -> String {
    let (left, right) = match way {
        Way::Along => ("--", "-->"),
        Way::Against => ("<--", "--"),
        Way::Both => ("<--", "-->"),
    };
    if label.is_empty() {
        return match way {
            Way::Along => "-->",
            Way::Against => "<--",
            Way::Both => "<-->",
        }
        .to_string();
    }
    format!("{left}{label}{right}")
}

/// A label marked as read against its relation's direction, where no arrow is drawn
/// around it (a table cell, one of several labels inside one arrow): `<-label`.
pub(crate) fn against(label: &str) -> String {
    format!("<-{label}")
}

/// Whether `label` was marked by [`against`]; the label without the mark.
pub(crate) fn strip_against(label: &str) -> Option<&str> {
    label.strip_prefix("<-")
}

/// `from`, the arrow of `kind` read along, and `to`: `A --premise of--> B`, or
/// `A <--common ground--> B` for a symmetric kind.
pub(crate) fn line(from: &str, kind: &RelationKind, to: &str) -> String {
    format!("{from} {} {to}", arrow(&kind.label, Way::of(kind, true)))
}

/// A relation as written, by its concepts' names, for text that is wrapped (the label
/// `glued`): `A --label--> B`, or `A <--label--> B` for a symmetric kind.
pub fn relation_line(graph: &ConceptGraph, relation: &Relation) -> String {
    relation_line_in(graph, relation, Lang::En)
}

/// [`relation_line`] with the names and the kind's label in `lang`.
pub fn relation_line_in(graph: &ConceptGraph, relation: &Relation, lang: Lang) -> String {
    let kind = graph.kind_of(relation);
    format!(
        "{} {} {}",
        node_label(graph, relation.from, lang),
        arrow(&glued(lang.relation_kind(kind)), Way::of(kind, true)),
        node_label(graph, relation.to, lang)
    )
}

/// A route of concepts, each step an arrow: `A --> B --> C`, named in `lang`.
pub(crate) fn route(graph: &ConceptGraph, nodes: &[NodeIndex], lang: Lang) -> String {
    nodes
        .iter()
        .map(|&ix| node_label(graph, ix, lang))
        .collect::<Vec<_>>()
        .join(&format!(" {} ", arrow("", Way::Along)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arrows_are_one_notation() {
        assert_eq!(arrow("premise of", Way::Along), "--premise of-->");
        assert_eq!(
            arrow(&glued("relies on"), Way::Along),
            "--relies\u{a0}on-->"
        );
        assert_eq!(arrow("drives", Way::Against), "<--drives--");
        assert_eq!(arrow("common ground", Way::Both), "<--common ground-->");
        assert_eq!(
            [Way::Along, Way::Against, Way::Both].map(|way| arrow("", way)),
            ["-->", "<--", "<-->"]
        );
        assert_eq!(strip_against(&against("drives")), Some("drives"));
        assert_eq!(strip_against("drives"), None);
    }
}
