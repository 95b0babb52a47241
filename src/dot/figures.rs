//! Which figures the gallery draws, derived from a dataset's own data (its most
//! compared pair of concepts, its papers, whether it has Chinese labels), never from
//! the ids of one dataset; each figure is a `linkage dot` command line.

use indexmap::IndexMap;
use petgraph::graph::NodeIndex;

use super::select::{select, Selection};
use crate::{graph::ConceptGraph, relation::Relation, schema::Role};

/// One diagram of the gallery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// File stem: the figure is written as `NAME.dot` and `NAME.svg`.
    pub name: String,
    /// Heading in the index.
    pub title: String,
    /// What the figure shows, for the index.
    pub caption: String,
    /// Arguments of `linkage dot` that make it.
    pub args: Vec<String>,
}

impl Figure {
    /// The shell command that writes this figure's DOT (`linkage dot ... -o NAME.dot`).
    pub fn command(&self, subcommand: &str, extension: &str) -> String {
        let mut words = vec!["linkage".to_string(), subcommand.to_string()];
        words.extend(self.args.iter().map(|a| shell_word(a)));
        words.push("-o".into());
        words.push(format!("{}.{extension}", self.name));
        words.join(" ")
    }
}

/// The gallery's figures for `graph`, derived from its data, not from any dataset's
/// ids: an overview around the most compared pair of concepts (or the two best
/// connected, where nothing is compared), the pair's common ground and differences, one
/// paper's comparison with the positions in its words, a path from the pair's first
/// concept, one diagram per paper (in paper order), and print and (where the data has
/// Chinese labels) Chinese versions of the overview.
pub fn figures(graph: &ConceptGraph) -> Vec<Figure> {
    let mut figures = Vec::new();
    let Some((a, b)) = central_pair(graph) else {
        figures.extend(paper_figures(graph));
        return figures;
    };
    let (a_id, b_id) = (graph.node(a).id.clone(), graph.node(b).id.clone());
    let (a_label, b_label) = (&graph.node(a).label, &graph.node(b).label);
    let papers = graph.papers().count();
    let overview_args = |min_papers: usize| -> Vec<String> {
        let mut args: Vec<String> = ["--focus", &a_id, &b_id, "--depth", "1"]
            .iter()
            .map(|w| (*w).to_string())
            .collect();
        if min_papers > 1 {
            args.extend(["--min-papers".into(), min_papers.to_string()]);
        }
        args.extend(
            [
                "--top",
                &OVERVIEW_TOP.to_string(),
                "--rankdir",
                "LR",
                "--legend",
            ]
            .iter()
            .map(|w| (*w).to_string()),
        );
        args
    };
    // What most papers agree on around the pair, unless that is too little to show.
    let mut min_papers = papers.div_ceil(2);
    let relations_at = |min_papers: usize| {
        let selection = Selection {
            focus: vec![a_id.clone(), b_id.clone()],
            depth: 1,
            min_papers,
            top: Some(OVERVIEW_TOP),
            ..Selection::default()
        };
        select(graph, &selection).map_or(0, |s| s.edges.len())
    };
    if relations_at(min_papers) < OVERVIEW_FEWEST {
        min_papers = 1;
    }
    let overview = overview_args(min_papers);
    let agreed = if min_papers > 1 {
        format!(": what at least {min_papers} of the {papers} papers say (`--min-papers`)")
    } else {
        String::new()
    };
    figures.push(Figure {
        name: "overview".into(),
        title: format!("{a_label} and {b_label}"),
        caption: format!(
            "The two and the {OVERVIEW_TOP} concepts best connected to them, one relation away{agreed}."
        ),
        args: overview.clone(),
    });
    let comparisons = comparison_claims(graph, a, b);
    if !comparisons.is_empty() {
        figures.push(Figure {
            name: "common-ground-and-differences".into(),
            title: format!("Common ground and differences of {a_label} and {b_label}"),
            caption: "Every aspect in which the papers find the two agree, and every dimension \
                      along which they differ."
                .into(),
            args: vec!["--diff".into(), a_id.clone(), b_id.clone()],
        });
        if let Some(paper) = most_comparing_paper(graph, &comparisons) {
            figures.push(Figure {
                name: format!("differences-{paper}"),
                title: format!(
                    "Common ground and differences according to {}",
                    graph.cite(&paper)
                ),
                caption: "One paper's comparison, with each side's position on every dimension \
                          in the paper's words."
                    .into(),
                args: vec![
                    "--diff".into(),
                    a_id.clone(),
                    b_id.clone(),
                    "--paper".into(),
                    paper,
                    "--positions".into(),
                ],
            });
        }
    }
    if let Some(far) = path_target(graph, a) {
        let far_id = graph.node(far).id.clone();
        figures.push(Figure {
            name: format!("path-{a_id}-{far_id}"),
            title: format!("From {a_label} to {}", graph.node(far).label),
            caption: "The shortest chains of relations from one to the other (`linkage path`), \
                      highlighted among the best-connected concepts around them."
                .into(),
            args: vec![
                "--path".into(),
                a_id.clone(),
                far_id,
                "--depth".into(),
                "1".into(),
                "--top".into(),
                PATH_TOP.to_string(),
            ],
        });
    }
    figures.extend(paper_figures(graph));
    let with = |extra: &[&str]| -> Vec<String> {
        overview
            .iter()
            .cloned()
            .chain(extra.iter().map(|a| (*a).to_string()))
            .collect()
    };
    figures.push(Figure {
        name: "overview-print".into(),
        title: format!("{a_label} and {b_label}, for print"),
        caption:
            "The overview in greyscale for journals: shapes, line styles and arrowheads carry \
                  the meaning."
                .into(),
        args: with(&["--style", "print"]),
    });
    if graph
        .node_indices()
        .any(|ix| graph.node(ix).label_zh.is_some())
    {
        figures.push(Figure {
            name: "overview-zh".into(),
            title: format!("{a_label} and {b_label}, in Chinese"),
            caption: "The overview with the Chinese labels the data gives (English where it gives \
                      none)."
                .into(),
            args: with(&["--lang", "zh"]),
        });
    }
    figures
}

/// How many concepts the overview shows.
const OVERVIEW_TOP: usize = 14;
/// Fewest relations an overview of what most papers say must show; with fewer it
/// shows what any paper says.
const OVERVIEW_FEWEST: usize = 6;
/// How many concepts the path figure shows.
const PATH_TOP: usize = 8;

/// One figure per paper: its best-connected concepts.
fn paper_figures(graph: &ConceptGraph) -> Vec<Figure> {
    graph
        .papers()
        .map(|paper| Figure {
            name: format!("paper-{}", paper.id),
            title: format!("The argument of {}", paper.citation()),
            caption: format!(
                "The {PAPER_TOP} concepts with the most relations in {}, and how the paper relates them. \
                 `--focus NAME --paper {}` shows the rest around any one of them.",
                paper.title.as_deref().map_or_else(|| paper.citation().to_string(), |t| format!("“{t}”")),
                paper.id,
            ),
            args: vec!["--paper".into(), paper.id.clone(), "--top".into(), PAPER_TOP.to_string()],
        })
        .collect()
}

/// The two concepts the data compares most (most common-ground and difference claims
/// between them; ties in data order), or, where nothing is compared, the two with the
/// most relations. `None` with fewer than two related concepts.
fn central_pair(graph: &ConceptGraph) -> Option<(NodeIndex, NodeIndex)> {
    let mut compared: IndexMap<(NodeIndex, NodeIndex), usize> = IndexMap::new();
    let mut degree: IndexMap<NodeIndex, usize> = IndexMap::new();
    for (_, relation) in graph.relations() {
        if relation.from == relation.to {
            continue;
        }
        *degree.entry(relation.from).or_default() += 1;
        *degree.entry(relation.to).or_default() += 1;
        if graph.role_of(relation) != Role::Ordinary {
            let pair = (
                relation.from.min(relation.to),
                relation.from.max(relation.to),
            );
            *compared.entry(pair).or_default() += 1;
        }
    }
    let most = |counts: &IndexMap<_, usize>| counts.values().copied().max();
    if let Some(top) = most(&compared) {
        return compared
            .into_iter()
            .find(|(_, n)| *n == top)
            .map(|(pair, _)| pair);
    }
    let mut ranked: Vec<(NodeIndex, usize)> = degree.into_iter().collect();
    ranked.sort_by_key(|&(ix, n)| (std::cmp::Reverse(n), ix));
    match ranked[..] {
        [(x, _), (y, _), ..] => Some((x.min(y), x.max(y))),
        _ => None,
    }
}

/// The comparison claims (common ground, differences) between `a` and `b`.
fn comparison_claims(graph: &ConceptGraph, a: NodeIndex, b: NodeIndex) -> Vec<&Relation> {
    graph
        .relations()
        .map(|(_, relation)| relation)
        .filter(|r| {
            graph.role_of(r) != Role::Ordinary
                && ((r.from == a && r.to == b) || (r.from == b && r.to == a))
        })
        .collect()
}

/// The paper asserting the most difference claims among `claims` (the one whose
/// positions say most); ties in paper order.
fn most_comparing_paper(graph: &ConceptGraph, claims: &[&Relation]) -> Option<String> {
    let mut best: Option<(&str, usize)> = None;
    for paper in graph.papers() {
        let count = claims
            .iter()
            .filter(|r| {
                graph.role_of(r) == Role::Difference && r.papers().contains(&paper.id.as_str())
            })
            .count();
        if count > 0 && best.is_none_or(|(_, n)| count > n) {
            best = Some((&paper.id, count));
        }
    }
    best.map(|(id, _)| id.to_string())
}

/// Where the path figure from `start` goes: the farthest concept up to three relations
/// away (either way round, at least two), with the most relations; ties in data order.
fn path_target(graph: &ConceptGraph, start: NodeIndex) -> Option<NodeIndex> {
    let mut distance: IndexMap<NodeIndex, usize> = IndexMap::from([(start, 0)]);
    let mut frontier = vec![start];
    for step in 1..=3 {
        let mut next = Vec::new();
        for node in frontier {
            for incident in graph.incident(node) {
                if !distance.contains_key(&incident.other) {
                    distance.insert(incident.other, step);
                    next.push(incident.other);
                }
            }
        }
        frontier = next;
    }
    distance
        .into_iter()
        .filter(|&(_, d)| d >= 2)
        .map(|(ix, d)| (ix, d, graph.incident(ix).len()))
        .max_by_key(|&(ix, d, n)| (d, n, std::cmp::Reverse(ix)))
        .map(|(ix, _, _)| ix)
}

/// How many concepts a paper's figure shows; `--focus` and `--depth` show the rest.
const PAPER_TOP: usize = 12;

/// `word` quoted for a POSIX shell when it needs to be.
fn shell_word(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':' | '='))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}
