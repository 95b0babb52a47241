//! `linkage show`: one node with every relation in and out, grouped by relation kind,
//! each with the papers and quotes that make it.

use std::fmt::Write as _;

use petgraph::graph::NodeIndex;
use serde::Serialize;

use super::shape::{ClaimJson, FactJson};
use super::{
    node_line_in, relation_line_in, sources_block, styled, wrap, wrap_hanging, DETAIL, HEADING,
    LABEL,
};
use crate::{
    dot::{node_label, Lang},
    fact::Fact,
    graph::ConceptGraph,
    graph::Incident,
    i18n::Messages,
    node::Node,
    relation::{Relation, Source},
    schema::Role,
};

/// The relations touching `ix` that some kept paper asserts, each with only the kept
/// papers' sources.
fn kept_incident<'g>(
    graph: &'g ConceptGraph,
    ix: NodeIndex,
    keep: &dyn Fn(&str) -> bool,
) -> Vec<(Incident<'g>, Vec<&'g Source>)> {
    graph
        .incident(ix)
        .into_iter()
        .map(|item| {
            let sources = item
                .relation
                .sources
                .iter()
                .filter(|s| keep(&s.paper))
                .collect();
            (item, sources)
        })
        .filter(|(_, sources): &(_, Vec<_>)| !sources.is_empty())
        .collect()
}

/// The relations that use `ix` as their aspect or dimension, as in [`kept_incident`].
fn kept_compared<'g>(
    graph: &'g ConceptGraph,
    ix: NodeIndex,
    keep: &dyn Fn(&str) -> bool,
) -> Vec<(&'g Relation, Vec<&'g Source>)> {
    graph
        .relations_on_topic(ix)
        .into_iter()
        .map(|edge| {
            let relation = graph.relation(edge);
            let sources = relation.sources.iter().filter(|s| keep(&s.paper)).collect();
            (relation, sources)
        })
        .filter(|(_, sources): &(_, Vec<_>)| !sources.is_empty())
        .collect()
}

/// The facts about `ix` that some kept paper states, each with only the kept papers'
/// sources.
fn kept_facts<'g>(
    graph: &'g ConceptGraph,
    ix: NodeIndex,
    keep: &dyn Fn(&str) -> bool,
) -> Vec<(&'g Fact, Vec<&'g Source>)> {
    graph
        .facts()
        .iter()
        .filter(|fact| fact.subject == ix)
        .map(|fact| {
            (
                fact,
                fact.sources.iter().filter(|s| keep(&s.paper)).collect(),
            )
        })
        .filter(|(_, sources): &(_, Vec<_>)| !sources.is_empty())
        .collect()
}

/// The node's card followed by its facts and its relations grouped by kind (schema order); only the
/// claims of papers `keep` accepts. In `lang` the words around the data are that
/// language's and the concepts are named by their `label_zh`; quotes, positions and
/// descriptions stay as the data gives them.
pub fn human(
    graph: &ConceptGraph,
    ix: NodeIndex,
    with_quotes: bool,
    keep: &dyn Fn(&str) -> bool,
    lang: Lang,
) -> String {
    let words = Messages::of(lang);
    let label = |ix| node_label(graph, ix, lang);
    let node = graph.node(ix);
    let mut out = String::new();
    let kind = graph
        .schema()
        .node_kinds
        .get(node.kind.as_str())
        .map_or(node.kind.as_str(), |k| lang.node_kind(&node.kind, k));
    // The name in this language first; the other language's name after the id.
    let other_name = match lang {
        Lang::En => node.label_zh.as_deref(),
        Lang::Zh => node.label_zh.is_some().then_some(node.label.as_str()),
    };
    let id_and_kind = words.id_and_kind(&node.id, kind);
    // English puts a space before its brackets (kept outside the styling); Chinese
    // brackets take none.
    let space = if id_and_kind.starts_with(' ') {
        " "
    } else {
        ""
    };
    let mut title = format!(
        "{}{space}{}",
        styled(LABEL, label(ix)),
        styled(DETAIL, id_and_kind.trim_start())
    );
    if let Some(other) = other_name {
        let _ = write!(title, "  {other}");
    }
    let _ = writeln!(out, "{title}");
    if !node.aliases.is_empty() {
        let also = format!("{}{}", words.also_called(), node.aliases.join("; "));
        out.push_str(&wrap(&also, "  "));
    }
    if let Some(description) = &node.description {
        out.push_str(&wrap(description, "  "));
    }
    let compared = kept_compared(graph, ix, keep);
    if !compared.is_empty() {
        let _ = writeln!(
            out,
            "\n{}{}",
            styled(HEADING, words.compared_along_this()),
            words.in_brackets(&compared.len().to_string())
        );
        for (relation, sources) in compared {
            out.push_str(&wrap_hanging(
                &relation_line_in(graph, relation, lang),
                "  ",
                "    ",
            ));
            if let Some(p) = &relation.positions {
                let colon = words.colon();
                out.push_str(&wrap_hanging(
                    &p.from,
                    &format!("      {}{colon}", label(relation.from)),
                    "        ",
                ));
                out.push_str(&wrap_hanging(
                    &p.to,
                    &format!("      {}{colon}", label(relation.to)),
                    "        ",
                ));
            }
            out.push_str(&sources_block(graph, sources, "      ", with_quotes));
        }
    }
    let facts = kept_facts(graph, ix, keep);
    if !facts.is_empty() {
        let _ = writeln!(
            out,
            "\n{}{}",
            styled(HEADING, words.facts()),
            words.in_brackets(&facts.len().to_string())
        );
        for (fact, sources) in facts {
            out.push_str(&wrap_hanging(
                &super::sentence::fact_line_in(graph, fact, words.lang()),
                "  ",
                "    ",
            ));
            out.push_str(&sources_block(graph, sources, "      ", with_quotes));
        }
    }
    let incident = kept_incident(graph, ix, keep);
    let _ = writeln!(
        out,
        "\n{}{}",
        styled(HEADING, words.relations()),
        words.in_brackets(&incident.len().to_string())
    );
    for (kind, kind_def) in &graph.schema().relation_kinds {
        let of_kind: Vec<_> = incident
            .iter()
            .filter(|(i, _)| &i.relation.kind == kind)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", styled(HEADING, lang.relation_kind(kind_def)));
        for (item, sources) in of_kind {
            out.push_str(&incident_block(graph, item, sources, with_quotes, words));
        }
    }
    out
}

/// One relation as seen from the node being shown.
fn incident_block(
    graph: &ConceptGraph,
    item: &Incident<'_>,
    sources: &[&Source],
    with_quotes: bool,
    words: Messages,
) -> String {
    let lang = words.lang();
    let label = |ix| node_label(graph, ix, lang);
    let relation = item.relation;
    let kind = graph.kind_of(relation);
    let arrow = crate::arrow::arrow("", crate::arrow::Way::of(kind, item.outgoing));
    let mut out = String::new();
    out.push_str(&node_line_in(
        graph,
        item.other,
        &format!("  {arrow} "),
        "    ",
        lang,
    ));
    match kind.role {
        Role::CommonGround => {
            if let Some(aspect) = relation.aspect {
                out.push_str(&wrap(
                    &format!("{}{}", words.aspect(), label(aspect)),
                    "      ",
                ));
            }
        }
        Role::Difference => {
            if let (Some(dimension), Some(positions)) = (relation.dimension, &relation.positions) {
                out.push_str(&wrap(
                    &format!("{}{}", words.dimension(), label(dimension)),
                    "      ",
                ));
                let (mine, theirs) = if item.outgoing {
                    (&positions.from, &positions.to)
                } else {
                    (&positions.to, &positions.from)
                };
                let here = label(if item.outgoing {
                    relation.from
                } else {
                    relation.to
                });
                let there = label(item.other);
                let colon = words.colon();
                out.push_str(&wrap_hanging(
                    mine,
                    &format!("      {here}{colon}"),
                    "        ",
                ));
                out.push_str(&wrap_hanging(
                    theirs,
                    &format!("      {there}{colon}"),
                    "        ",
                ));
            }
        }
        Role::Ordinary => {}
    }
    out.push_str(&sources_block(
        graph,
        sources.iter().copied(),
        "      ",
        with_quotes,
    ));
    out
}

/// The JSON shape of `show` (docs/json.md).
#[derive(Debug, Serialize)]
pub struct ShowJson<'g> {
    /// The node.
    pub node: &'g Node,
    /// Every relation touching it.
    pub relations: Vec<IncidentJson<'g>>,
    /// The relations that use it as their aspect or dimension.
    pub compared_along: Vec<ClaimJson<'g>>,
    /// The facts the papers state about it.
    pub facts: Vec<FactJson<'g>>,
}

/// A relation seen from the node shown.
#[derive(Debug, Serialize)]
pub struct IncidentJson<'g> {
    /// The relation with every source.
    #[serde(flatten)]
    pub claim: ClaimJson<'g>,
    /// `out`, `in` or `both` (symmetric kinds).
    pub direction: &'static str,
    /// The node at the other end.
    pub other: &'g str,
}

/// The node and its relations (those papers `keep` accepts) as their JSON shape.
pub fn json<'g>(
    graph: &'g ConceptGraph,
    ix: NodeIndex,
    keep: &dyn Fn(&str) -> bool,
) -> ShowJson<'g> {
    ShowJson {
        node: graph.node(ix),
        relations: kept_incident(graph, ix, keep)
            .into_iter()
            .map(|(item, sources)| IncidentJson {
                claim: ClaimJson::new(graph, item.relation, sources),
                direction: if graph.kind_of(item.relation).symmetric {
                    "both"
                } else if item.outgoing {
                    "out"
                } else {
                    "in"
                },
                other: &graph.node(item.other).id,
            })
            .collect(),
        compared_along: kept_compared(graph, ix, keep)
            .into_iter()
            .map(|(relation, sources)| ClaimJson::new(graph, relation, sources))
            .collect(),
        facts: kept_facts(graph, ix, keep)
            .into_iter()
            .map(|(fact, sources)| FactJson::new(graph, fact, sources))
            .collect(),
    }
}
