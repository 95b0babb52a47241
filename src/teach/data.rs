//! The graph as the explorer page reads it: nodes, relations with their sentences and
//! sources, papers with every known citation field, kinds with their colours, and the
//! layout. Plain indices join them, so the page needs no lookups by name.

use serde_json::{json, Value};

use crate::{
    dot::Lang,
    graph::ConceptGraph,
    i18n::EXPLORER,
    output::{contested::strength_name, sentence::hop_sentence_in},
    query::{
        contested::{contested, Strength},
        Hop,
    },
    schema::Role,
    teach::layout::{wrap_label, zh_lines, Layout, LABEL_WIDTH},
};

fn role_name(role: Role) -> &'static str {
    match role {
        Role::CommonGround => "common-ground",
        Role::Difference => "difference",
        Role::Ordinary => "ordinary",
    }
}

/// The page's data: everything the explorer shows, and the layout it draws.
pub fn page_data(graph: &ConceptGraph, layout: &Layout) -> Value {
    let schema = graph.schema();
    let papers: Vec<&str> = graph.papers().map(|p| p.id.as_str()).collect();
    let node_kinds: Vec<Value> = schema
        .node_kinds
        .iter()
        .map(|(name, kind)| {
            json!({
                "name": name,
                "zh": kind.label_zh,
                "fill": kind.style.fill.as_deref().unwrap_or("#f2f2f2"),
                "line": kind.style.line.as_deref().unwrap_or("#555555"),
            })
        })
        .collect();
    let kind_index = |name: &str| schema.node_kinds.get_index_of(name).unwrap_or(0);
    let nodes: Vec<Value> = graph
        .nodes()
        .map(|n| {
            json!({
                "id": n.id,
                "kind": kind_index(&n.kind),
                "label": n.label,
                "lines": wrap_label(&n.label, LABEL_WIDTH),
                "zh": n.label_zh,
                "zhLines": n.label_zh.as_deref().map(zh_lines),
                "aliases": n.aliases,
                "description": n.description.as_deref().map(for_students),
            })
        })
        .collect();
    let relation_kinds: Vec<Value> = schema
        .relation_kinds
        .iter()
        .map(|(name, kind)| {
            json!({
                "name": name,
                "label": kind.label,
                "zh": kind.label_zh,
                "role": role_name(kind.role),
                "symmetric": kind.symmetric,
                "color": kind.style.color.as_deref().unwrap_or("#555555"),
            })
        })
        .collect();
    let relations: Vec<Value> = graph
        .relations()
        .map(|(edge, r)| {
            let hop = |forward: bool, lang: Lang| {
                let (from, to) = if forward {
                    (r.from, r.to)
                } else {
                    (r.to, r.from)
                };
                hop_sentence_in(
                    graph,
                    &Hop {
                        edge,
                        from,
                        to,
                        forward,
                    },
                    lang,
                )
            };
            let symmetric = graph.kind_of(r).symmetric;
            json!({
                "kind": graph.kind_index(edge),
                "from": r.from.index(),
                "to": r.to.index(),
                "aspect": r.aspect.map(petgraph::graph::NodeIndex::index),
                "dimension": r.dimension.map(petgraph::graph::NodeIndex::index),
                "positions": r.positions.as_ref().map(|p| [&p.from, &p.to]),
                "sentence": hop(true, Lang::En),
                "back": if symmetric { Some(hop(false, Lang::En)) } else { None },
                "sentenceZh": hop(true, Lang::Zh),
                "backZh": if symmetric { Some(hop(false, Lang::Zh)) } else { None },
                "sources": r.sources.iter().map(|s| json!({
                    "paper": papers.iter().position(|p| *p == s.paper),
                    "locator": graph.cited_locator(s),
                    // As every human view prints it: the sentence the quote is in.
                    "quote": graph.printed_quote(s),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let papers: Vec<Value> = graph
        .papers()
        .map(|p| {
            json!({
                "id": p.id,
                "cite": p.citation(),
                "title": p.title,
                "authors": p.authors,
                "year": p.year,
                "venue": p.venue,
                "doi": p.doi,
                "url": p.url,
            })
        })
        .collect();
    // The disputes about each pair and topic, so the Compare tab marks the rows the
    // papers dispute as `linkage compare` and `contested` do.
    let disputes: Vec<Value> = contested(graph)
        .iter()
        .filter(|d| d.strength != Strength::Related)
        .map(|d| {
            json!({
                "subject": d.subject.iter().map(|n| n.index()).collect::<Vec<_>>(),
                "topic": d.topic.map(petgraph::graph::NodeIndex::index),
                "strength": strength_name(d.strength),
            })
        })
        .collect();
    let words = |zh: bool| -> serde_json::Map<String, Value> {
        EXPLORER
            .iter()
            .map(|&(key, en, chinese)| {
                let word = if zh { chinese } else { en };
                (key.to_string(), Value::String(word.to_string()))
            })
            .collect()
    };
    json!({
        "words": { "en": words(false), "zh": words(true) },
        "disputes": disputes,
        "nodeKinds": node_kinds,
        "relationKinds": relation_kinds,
        "nodes": nodes,
        "relations": relations,
        "papers": papers,
        "layout": layout,
    })
}

/// A description as students read it: without the notes for the data's maintainers (a
/// parenthesis sending the reader to the dataset's README, "see data/README.md, ...").
fn for_students(description: &str) -> String {
    let mut out = description.to_string();
    while let Some(at) = out.find("data/README") {
        let open = out[..at].rfind('(');
        let close = out[at..].find(')').map(|c| at + c);
        let (Some(open), Some(close)) = (open, close) else {
            break;
        };
        let start = if out[..open].ends_with(' ') {
            open - 1
        } else {
            open
        };
        out.replace_range(start..=close, "");
    }
    out
}

/// `data` as text safe inside an HTML `<script type="application/json">` element:
/// `<` is escaped so no `</script>` (or `<!--`) in a quote can end the element.
pub fn script_json(data: &Value) -> String {
    serde_json::to_string(data)
        .expect("JSON values serialise")
        .replace('<', "\\u003c")
}
