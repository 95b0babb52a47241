//! An argument told one relation at a time: the steps a figure series, a slide deck or
//! a handout walks through. Made from the query engine's own answers (the first
//! shortest chain of `linkage path`, the items of `linkage diff`) or from the relations
//! a paper asserts between its strategies, goals and mechanisms.

use petgraph::graph::NodeIndex;

use crate::{
    dot::{node_label, Lang},
    error::Error,
    graph::ConceptGraph,
    i18n::Messages,
    output::sentence::hop_sentence_in,
    query::{comparison::topic_of, diff::diff, Hop, PathQuery},
    relation::Source,
};

/// What to explain, names resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// The first shortest chain from one node to another.
    Path(NodeIndex, NodeIndex),
    /// What two nodes share, where they differ, and how they are related.
    Diff(NodeIndex, NodeIndex),
    /// One paper's claims between strategies, goals and mechanisms.
    Paper(String),
}

/// One relation of the argument, read in the argument's order.
#[derive(Debug, Clone)]
pub struct Step<'g> {
    /// The relation and the way it is read.
    pub hop: Hop,
    /// The relation as a sentence.
    pub sentence: String,
    /// Short label for the figure's edge: the kind, and an aspect or dimension.
    pub edge_label: String,
    /// For a difference: the two positions, in the order of `hop.from`, `hop.to`.
    pub positions: Option<(String, String)>,
    /// Who says so.
    pub sources: Vec<&'g Source>,
}

/// The steps, and the nodes they touch in order of appearance.
#[derive(Debug, Clone)]
pub struct Argument<'g> {
    /// A heading: "From A to B", "A and B", "Paper's argument".
    pub title: String,
    /// Nodes in order of first appearance.
    pub nodes: Vec<NodeIndex>,
    /// The relations in order.
    pub steps: Vec<Step<'g>>,
    /// The language its title, sentences and figures are in.
    pub lang: Lang,
}

/// Kinds whose nodes make a paper's argument in outline (its spine).
pub const SPINE_KINDS: &[&str] = &["strategy", "goal", "mechanism"];

/// The argument for `subject`. Empty (no steps) when the query finds nothing.
///
/// # Errors
/// [`Error::Usage`] when the two nodes are the same.
pub fn argument<'g>(graph: &'g ConceptGraph, subject: &Subject) -> Result<Argument<'g>, Error> {
    argument_in(graph, subject, Lang::En)
}

/// [`argument`] told in `lang`: its title, sentences and edge labels.
///
/// # Errors
/// [`Error::Usage`] when the two nodes are the same.
pub fn argument_in<'g>(
    graph: &'g ConceptGraph,
    subject: &Subject,
    lang: Lang,
) -> Result<Argument<'g>, Error> {
    let words = Messages::of(lang);
    let label = |ix: NodeIndex| node_label(graph, ix, lang).to_string();
    let step = |hop, sources| step(graph, hop, sources, lang);
    let mut steps = Vec::new();
    let title = match subject {
        Subject::Path(a, b) | Subject::Diff(a, b) if a == b => {
            return Err(Error::Usage("name two different nodes".into()));
        }
        Subject::Path(a, b) => {
            let result = PathQuery::new(*a, *b).run(graph)?;
            if let Some(path) = result.paths.first() {
                for hop in path.hops() {
                    steps.push(step(
                        *hop,
                        graph.relation(hop.edge).sources.iter().collect(),
                    ));
                }
            }
            words.chain_title(&label(*a), &label(*b))
        }
        Subject::Diff(a, b) => {
            let d = diff(graph, *a, *b, &crate::paper_filter::PaperFilter::every());
            let read = |claim: &crate::query::comparison::Claim<'g>| {
                let r = claim.relation;
                let forward = r.from == *a;
                let (from, to) = if graph.kind_of(r).symmetric && !forward {
                    (*a, *b)
                } else {
                    (r.from, r.to)
                };
                step(
                    Hop {
                        edge: claim.edge,
                        from,
                        to,
                        forward: from == r.from,
                    },
                    claim.sources.clone(),
                )
            };
            steps.extend(d.direct.iter().map(read));
            for row in d.common_ground.iter().chain(&d.differences) {
                steps.extend(row.claims.iter().map(read));
            }
            words.a_and_b(&label(*a), &label(*b))
        }
        Subject::Paper(paper) => {
            let spine = |ix: NodeIndex| SPINE_KINDS.contains(&graph.node(ix).kind.as_str());
            for (edge, r) in graph.relations() {
                if spine(r.from) && spine(r.to) && r.sources.iter().any(|s| s.paper == *paper) {
                    let hop = Hop {
                        edge,
                        from: r.from,
                        to: r.to,
                        forward: true,
                    };
                    let sources = r.sources.iter().filter(|s| &s.paper == paper).collect();
                    steps.push(step(hop, sources));
                }
            }
            words.argument_of(graph.cite(paper))
        }
    };
    let mut nodes = Vec::new();
    for s in &steps {
        for ix in [s.hop.from, s.hop.to] {
            if !nodes.contains(&ix) {
                nodes.push(ix);
            }
        }
    }
    Ok(Argument {
        title,
        nodes,
        steps,
        lang,
    })
}

fn step<'g>(graph: &'g ConceptGraph, hop: Hop, sources: Vec<&'g Source>, lang: Lang) -> Step<'g> {
    let relation = graph.relation(hop.edge);
    let kind = lang.relation_kind(graph.kind_of(relation));
    let edge_label = match topic_of(graph, relation) {
        Some((_, ix)) => format!(
            "{kind}{}{}",
            Messages::of(lang).colon(),
            node_label(graph, ix, lang)
        ),
        None => kind.to_string(),
    };
    let positions = relation.positions.as_ref().map(|p| {
        if hop.forward {
            (p.from.clone(), p.to.clone())
        } else {
            (p.to.clone(), p.from.clone())
        }
    });
    Step {
        hop,
        sentence: hop_sentence_in(graph, &hop, lang),
        edge_label,
        positions,
        sources,
    }
}
