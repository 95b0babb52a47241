//! `linkage path`: routes as chains with the papers behind each hop, as numbered
//! sentences with citations and quotes (`--explain`), or as JSON.

use crate::arrow::{self, Way};

use serde::Serialize;

use super::{
    citations,
    sentence::{cited_with, hop_sentence, hop_sentence_in, topic_words_in},
    shape::{RelationHeadJson, SourceJson},
    styled, wrap, wrap_hanging, NOTICE, PAPER,
};
use crate::{
    dot::{node_label, Lang},
    graph::ConceptGraph,
    i18n::Messages,
    query::{
        comparison::{self, Stance},
        Hop, Path, PathMode, PathQuery, PathResult, Stop,
    },
    relation::Source,
    schema::Role,
};

/// The routes as chains, each followed by its hops and the papers asserting them.
pub fn human(graph: &ConceptGraph, query: &PathQuery, result: &PathResult, lang: Lang) -> String {
    let mut out = header(graph, query, result, lang);
    if query.mode == PathMode::All && result.paths.len() > 1 {
        out.push_str(&glance(graph, query, result, lang));
    }
    for (i, path) in result.paths.iter().enumerate() {
        out.push('\n');
        out.push_str(&chain_block(graph, query, i + 1, path, lang));
    }
    out.push_str(&footer(query, result, lang));
    out
}

/// The routes as numbered sentences, each with its citations and (`with_quotes`) quotes.
pub fn explain(
    graph: &ConceptGraph,
    query: &PathQuery,
    result: &PathResult,
    with_quotes: bool,
    lang: Lang,
) -> String {
    let words = Messages::of(lang);
    let mut out = header(graph, query, result, lang);
    for (i, path) in result.paths.iter().enumerate() {
        out.push('\n');
        let route = crate::arrow::route(graph, &path.nodes, lang);
        out.push_str(&wrap(&words.path_number(i + 1, &route), ""));
        for (s, step) in path.steps.iter().enumerate() {
            // A step that also carries common ground and differences (tpa–rr carries a
            // dozen) explains how the two connect and sums up how they compare.
            let ordered = in_kind_order(graph, step);
            let is_comparison =
                |hop: &&Hop| graph.role_of(graph.relation(hop.edge)) != Role::Ordinary;
            let (comparisons, links): (Vec<&Hop>, Vec<&Hop>) =
                ordered.into_iter().partition(is_comparison);
            let (explained, summed) = if links.is_empty() {
                (comparisons, Vec::new())
            } else {
                (links, comparisons)
            };
            for (h, hop) in explained.iter().enumerate() {
                let number = if explained.len() == 1 {
                    format!("{}.", s + 1)
                } else {
                    format!("{}{}.", s + 1, letter(h))
                };
                let sources = kept_sources(query, graph, hop);
                let text = words.cited_sentence(
                    &hop_sentence_in(graph, hop, lang),
                    &cited_with(graph, sources, with_quotes),
                );
                let indent = " ".repeat(number.chars().count() + 1);
                out.push_str(&wrap_hanging(&text, &format!("{number} "), &indent));
            }
            if !summed.is_empty() {
                out.push_str(&comparison_summary(graph, query, &summed, words));
            }
        }
    }
    out.push_str(&footer(query, result, lang));
    out
}

/// One line naming the aspects and dimensions along which a step's two nodes are also
/// compared, and who compares them, pointing to `diff` for the full comparison.
fn comparison_summary(
    graph: &ConceptGraph,
    query: &PathQuery,
    hops: &[&Hop],
    words: Messages,
) -> String {
    // The comparison model's rows for the step's pair, narrowed to the hops walked.
    let walked: Vec<_> = hops.iter().map(|hop| hop.edge).collect();
    // Called only for a step with comparisons: `hops` is never empty.
    let (a, b) = (hops[0].from, hops[0].to);
    let mut common: Vec<&str> = Vec::new();
    let mut differ: Vec<&str> = Vec::new();
    let mut papers: Vec<&str> = Vec::new();
    for mut row in comparison::rows(graph, Some((a, b)), &query.filter.papers) {
        row.claims.retain(|claim| walked.contains(&claim.edge));
        if row.claims.is_empty() {
            continue;
        }
        let list = match row.stance {
            Stance::CommonGround => &mut common,
            Stance::Difference => &mut differ,
        };
        list.push(node_label(graph, row.topic, words.lang()));
        for paper in row.papers() {
            if !papers.contains(&paper) {
                papers.push(paper);
            }
        }
    }
    let hop = hops[0];
    let relation = graph.relation(hop.edge);
    let command = format!(
        "linkage diff {} {}",
        graph.node(relation.from).id,
        graph.node(relation.to).id
    );
    let text = words.also_compared(
        &super::citations(graph, &papers),
        &common,
        &differ,
        &command,
    );
    wrap(&text, "   ")
}

/// The one-line message for a query that found nothing.
pub fn nothing(graph: &ConceptGraph, query: &PathQuery, result: &PathResult, lang: Lang) -> String {
    let words = Messages::of(lang);
    let mut line = words.no_path(node(graph, query.from, lang), node(graph, query.to, lang));
    for part in conditions(graph, query, true, lang) {
        line.push_str(words.list_separator());
        line.push_str(&part);
    }
    if let Some(stop) = result.stop {
        line.push_str(&words.longer_path_may_exist(&stopped(stop, words)));
    }
    line.push('\n');
    line
}

/// The JSON shape of `path` (docs/json.md).
#[derive(Debug, Serialize)]
pub struct PathJson<'g> {
    /// Start node id.
    pub from: &'g str,
    /// End node id.
    pub to: &'g str,
    /// `shortest` or `all`.
    pub mode: &'static str,
    /// The filters applied.
    pub filters: PathFiltersJson<'g>,
    /// How many paths match (a lower bound when not `exact`).
    pub total: u64,
    /// Whether `total` is exact.
    pub exact: bool,
    /// Whether fewer paths are listed than match.
    pub truncated: bool,
    /// Why the enumeration stopped early, if it did.
    pub stopped: Option<StopJson>,
    /// The paths listed.
    pub paths: Vec<RouteJson<'g>>,
}

/// The filters of a `path` query.
#[derive(Debug, Serialize)]
pub struct PathFiltersJson<'g> {
    /// Relation kinds (all when empty).
    pub via: &'g [String],
    /// Paper ids (all when empty).
    pub papers: &'g [String],
    /// Avoided node ids.
    pub avoid: Vec<&'g str>,
    /// A node every path passes through.
    pub through: Option<&'g str>,
    /// Whether relations are walked both ways.
    pub undirected: bool,
    /// The longest path considered, if bounded.
    pub max_len: Option<usize>,
    /// How many paths are listed at most.
    pub limit: usize,
}

/// Why an enumeration stopped.
#[derive(Debug, Serialize)]
#[serde(tag = "reason", rename_all = "lowercase")]
pub enum StopJson {
    /// The work budget ran out.
    Work {
        /// Units of work done.
        units: u64,
    },
    /// The time backstop was reached.
    Time {
        /// Milliseconds spent.
        millis: u128,
    },
}

impl From<Stop> for StopJson {
    fn from(stop: Stop) -> Self {
        match stop {
            Stop::Work(units) => Self::Work { units },
            Stop::Time(elapsed) => Self::Time {
                millis: elapsed.as_millis(),
            },
        }
    }
}

/// One path.
#[derive(Debug, Serialize)]
pub struct RouteJson<'g> {
    /// Number of steps.
    pub length: usize,
    /// Node ids in walking order.
    pub nodes: Vec<&'g str>,
    /// The steps.
    pub steps: Vec<StepJson<'g>>,
}

/// One step of a path, with every relation the filters admit for it.
#[derive(Debug, Serialize)]
pub struct StepJson<'g> {
    /// The step's start.
    pub from: &'g str,
    /// The step's end.
    pub to: &'g str,
    /// Its relations.
    pub relations: Vec<HopJson<'g>>,
}

/// A relation walked in a step.
#[derive(Debug, Serialize)]
pub struct HopJson<'g> {
    /// Kind, label, ends and topic, as written.
    #[serde(flatten)]
    pub head: RelationHeadJson<'g>,
    /// Whether the step walks it along its direction.
    pub forward: bool,
    /// The kind's template filled in.
    pub sentence: String,
    /// The sources the paper filter keeps.
    pub sources: Vec<SourceJson<'g>>,
}

/// The result as its JSON shape.
pub fn json<'g>(
    graph: &'g ConceptGraph,
    query: &'g PathQuery,
    result: &PathResult,
) -> PathJson<'g> {
    let id = |ix| graph.node(ix).id.as_str();
    PathJson {
        from: id(query.from),
        to: id(query.to),
        mode: match query.mode {
            PathMode::Shortest => "shortest",
            PathMode::All => "all",
        },
        filters: PathFiltersJson {
            via: &query.filter.kinds,
            papers: query.filter.papers.named(),
            avoid: query.filter.avoid.iter().map(|&v| id(v)).collect(),
            through: query.through.map(id),
            undirected: query.filter.undirected,
            max_len: query.effective_max_len(),
            limit: query.limit,
        },
        total: result.total,
        exact: result.exact,
        truncated: result.truncated(),
        stopped: result.stop.map(StopJson::from),
        paths: result
            .paths
            .iter()
            .map(|path| RouteJson {
                length: path.len(),
                nodes: path.nodes.iter().map(|&v| id(v)).collect(),
                steps: path
                    .steps
                    .iter()
                    .map(|step| StepJson {
                        from: id(step[0].from),
                        to: id(step[0].to),
                        relations: step
                            .iter()
                            .map(|hop| HopJson {
                                head: RelationHeadJson::new(graph, graph.relation(hop.edge)),
                                forward: hop.forward,
                                sentence: hop_sentence(graph, hop),
                                sources: kept_sources(query, graph, hop)
                                    .map(|s| SourceJson::new(graph, s))
                                    .collect(),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The sources of a hop's relation that the query's paper filter keeps.
fn kept_sources<'q, 'g: 'q>(
    query: &'q PathQuery,
    graph: &'g ConceptGraph,
    hop: &Hop,
) -> impl Iterator<Item = &'g Source> + 'q {
    query
        .filter
        .papers
        .sources(&graph.relation(hop.edge).sources)
}

/// A node's name in `lang`.
fn node(graph: &ConceptGraph, ix: petgraph::graph::NodeIndex, lang: Lang) -> &str {
    node_label(graph, ix, lang)
}

/// What the query asked for beyond its two ends, as phrases.
fn conditions(
    graph: &ConceptGraph,
    query: &PathQuery,
    with_length: bool,
    lang: Lang,
) -> Vec<String> {
    let words = Messages::of(lang);
    let mut parts = Vec::new();
    if let Some(through) = query.through {
        parts.push(words.through(node(graph, through, lang)));
    }
    if with_length {
        if let Some(max) = query.effective_max_len() {
            parts.push(words.within(max));
        }
    }
    if !query.filter.kinds.is_empty() {
        let labels: Vec<&str> = query
            .filter
            .kinds
            .iter()
            .map(|k| {
                graph
                    .schema()
                    .relation_kinds
                    .get(k)
                    .map_or(k.as_str(), |kind| lang.relation_kind(kind))
            })
            .collect();
        parts.push(words.using_only(&labels));
    }
    if !query.filter.papers.keeps_every_paper() {
        let cites: Vec<&str> = query
            .filter
            .papers
            .named()
            .iter()
            .map(|p| graph.cite(p))
            .collect();
        parts.push(words.asserted_by(&cites));
    }
    if !query.filter.avoid.is_empty() {
        let avoided: Vec<String> = query
            .filter
            .avoid
            .iter()
            .map(|&v| node(graph, v, lang).to_string())
            .collect();
        parts.push(words.avoiding(&avoided));
    }
    if query.filter.undirected {
        parts.push(words.ignoring_direction().into());
    }
    parts
}

/// "2 shortest paths of 3 steps from A (a) to B (b), using only ...".
fn header(graph: &ConceptGraph, query: &PathQuery, result: &PathResult, lang: Lang) -> String {
    let words = Messages::of(lang);
    let count = if result.exact {
        result.total.to_string()
    } else {
        words.at_least(result.total)
    };
    let shortest = match query.mode {
        PathMode::Shortest => Some(result.paths.first().map_or(0, Path::len)),
        PathMode::All => None,
    };
    let what = words.paths_found(&count, result.total, shortest);
    let mut line = words.paths_between(
        &what,
        node(graph, query.from, lang),
        node(graph, query.to, lang),
    );
    for part in conditions(graph, query, query.mode == PathMode::All, lang) {
        line.push_str(words.list_separator());
        line.push_str(&part);
    }
    wrap(&line, "")
}

/// For `--all`, the first screen: the chains by length, the nodes most of them pass
/// through, and the papers that make a whole chain on their own.
fn glance(graph: &ConceptGraph, query: &PathQuery, result: &PathResult, lang: Lang) -> String {
    let words = Messages::of(lang);
    let listed = result.paths.len();
    let mut lengths: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut through: indexmap::IndexMap<petgraph::graph::NodeIndex, usize> =
        indexmap::IndexMap::new();
    let mut whole: indexmap::IndexMap<&str, usize> = indexmap::IndexMap::new();
    for path in &result.paths {
        *lengths.entry(path.len()).or_default() += 1;
        for &node in &path.nodes[1..path.nodes.len() - 1] {
            *through.entry(node).or_default() += 1;
        }
        for paper in graph.papers() {
            let asserts_every_step = path.steps.iter().all(|step| {
                step.iter()
                    .any(|hop| kept_sources(query, graph, hop).any(|s| s.paper == paper.id))
            });
            if asserts_every_step {
                *whole.entry(paper.id.as_str()).or_default() += 1;
            }
        }
    }
    let of = if result.truncated() {
        words.of_the_listed(listed)
    } else {
        String::new()
    };
    let mut out = format!("\n{}{of}\n", styled(super::HEADING, words.at_a_glance()));
    let by_length: Vec<(usize, usize)> = lengths.into_iter().collect();
    out.push_str(&wrap_hanging(
        &words.chains_by_length(&by_length),
        "  ",
        "    ",
    ));
    let mut through: Vec<_> = through.into_iter().collect();
    through.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    if !through.is_empty() {
        let most: Vec<String> = through
            .iter()
            .take(6)
            .map(|&(node, n)| format!("{} {n}", node_label(graph, node, lang)))
            .collect();
        out.push_str(&wrap_hanging(
            &words.most_chains_pass_through(&most),
            "  ",
            "    ",
        ));
    }
    let mut whole: Vec<_> = whole.into_iter().collect();
    whole.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let made: Vec<String> = whole
        .iter()
        .map(|&(paper, n)| format!("{} {n}", graph.cite(paper)))
        .collect();
    out.push_str(&wrap_hanging(&words.whole_chains(&made), "  ", "    "));
    out
}

/// The notice of a cut list, if any.
fn footer(query: &PathQuery, result: &PathResult, lang: Lang) -> String {
    let words = Messages::of(lang);
    let shown = result.paths.len() as u64;
    let text = match result.stop {
        None if shown < result.total => words.showing_first_of(shown, result.total),
        None => return String::new(),
        Some(stop) if shown < query.limit as u64 => {
            words.search_stopped(&stopped(stop, words), shown)
        }
        Some(stop) => words.counting_stopped(&stopped(stop, words), shown, result.total - shown),
    };
    format!("\n{}", styled(NOTICE, wrap(&text, "").trim_end()) + "\n")
}

fn stopped(stop: Stop, words: Messages) -> String {
    match stop {
        Stop::Work(units) => words.stopped_after_work(units),
        Stop::Time(elapsed) => words.stopped_after_ms(elapsed.as_millis()),
    }
}

/// `a`, `b`, ..., `z`, `aa`, ... for the alternatives of a step.
fn letter(i: usize) -> String {
    let mut i = i;
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'a' + u8::try_from(i % 26).expect("below 26")));
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.iter().rev().collect()
}

/// One route: the chain, then a row per hop with the papers asserting it.
fn chain_block(
    graph: &ConceptGraph,
    query: &PathQuery,
    number: usize,
    path: &Path,
    lang: Lang,
) -> String {
    let mut chain = node_label(graph, path.nodes[0], lang).to_string();
    for (step, &next) in path.steps.iter().zip(&path.nodes[1..]) {
        chain.push(' ');
        chain.push_str(&arrow(graph, step, lang));
        chain.push(' ');
        chain.push_str(node_label(graph, next, lang));
    }
    let first = format!("{number}. ");
    let indent = " ".repeat(first.len());
    let mut out = wrap_hanging(&chain, &first, &indent);
    // One row per step and kind (and way walked): the papers asserting any of them.
    let mut rows: Vec<Row<'_>> = Vec::new();
    for (s, step) in path.steps.iter().enumerate() {
        for hop in in_kind_order(graph, step) {
            let label = hop_label(graph, hop, lang);
            let relation = graph.relation(hop.edge);
            let at = if let Some(at) = rows
                .iter()
                .position(|r| r.step == s + 1 && r.label == label)
            {
                at
            } else {
                rows.push(Row {
                    step: s + 1,
                    label,
                    papers: Vec::new(),
                    count: 0,
                    topic: topic_words_in(graph, relation, lang),
                });
                rows.len() - 1
            };
            let row = &mut rows[at];
            row.count += 1;
            for source in kept_sources(query, graph, hop) {
                if !row.papers.contains(&source.paper.as_str()) {
                    row.papers.push(&source.paper);
                }
            }
        }
    }
    let rows: Vec<(usize, String, String)> = rows
        .into_iter()
        .map(|row| {
            let label = match (row.count, row.topic) {
                (1, Some(q)) => format!("{}{}{q}", row.label, Messages::of(lang).colon()),
                (1, None) => row.label,
                (n, _) => format!("{} ×{n}", row.label),
            };
            (row.step, label, citations(graph, &row.papers))
        })
        .collect();
    let width = rows
        .iter()
        .map(|(_, label, _)| super::display_width(label))
        .max()
        .unwrap_or(0)
        .min(28);
    let step_width = path.len().to_string().len();
    for (step, label, cites) in rows {
        let pad = super::padding(&label, width);
        let lead = format!("{indent}  {step:>step_width$}  {label}{pad}  ");
        let rest = " ".repeat(indent.len() + 2 + step_width + 2 + width + 2);
        let mut line = wrap_hanging(&cites, &lead, &rest);
        for paper in cites.split("; ") {
            line = line.replacen(paper, &styled(PAPER, paper), 1);
        }
        out.push_str(&line);
    }
    out
}

/// A row of a route's table: the relations of one kind on one step.
struct Row<'g> {
    step: usize,
    label: String,
    papers: Vec<&'g str>,
    count: usize,
    topic: Option<String>,
}

/// The arrow of a step: `--premise of-->`, `<--common ground-->`, `<--continuation of--`,
/// or for several relations `--premise of | <-continuation of-->` (kinds once each).
fn arrow(graph: &ConceptGraph, step: &[Hop], lang: Lang) -> String {
    let mut labels: Vec<String> = Vec::new();
    let mut all_symmetric = true;
    let mut all_against = true;
    for hop in in_kind_order(graph, step) {
        let relation = graph.relation(hop.edge);
        let kind = graph.kind_of(relation);
        let against = !hop.forward && !kind.symmetric;
        all_symmetric &= kind.symmetric;
        all_against &= against;
        let label = if against {
            arrow::against(lang.relation_kind(kind))
        } else {
            lang.relation_kind(kind).to_string()
        };
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    let joined = |labels: &[String]| {
        labels
            .iter()
            .map(|l| arrow::glued(l))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    if all_against {
        let plain: Vec<String> = labels
            .iter()
            .map(|l| arrow::strip_against(l).unwrap_or(l).to_string())
            .collect();
        arrow::arrow(&joined(&plain), Way::Against)
    } else if all_symmetric {
        arrow::arrow(&joined(&labels), Way::Both)
    } else {
        arrow::arrow(&joined(&labels), Way::Along)
    }
}

/// A step's hops with the directed kinds first (they say how one thing leads to the
/// other), then the symmetric ones, each in schema order; ties in data order.
fn in_kind_order<'s>(graph: &ConceptGraph, step: &'s [Hop]) -> Vec<&'s Hop> {
    let kinds = &graph.schema().relation_kinds;
    let mut hops: Vec<&Hop> = step.iter().collect();
    hops.sort_by_key(|hop| {
        let relation = graph.relation(hop.edge);
        let kind = graph.kind_of(relation);
        (
            kind.symmetric,
            kinds.get_index_of(relation.kind.as_str()),
            !hop.forward,
            hop.edge,
        )
    });
    hops
}

/// A hop's kind in the table, marked `<-` when walked against the relation's direction.
fn hop_label(graph: &ConceptGraph, hop: &Hop, lang: Lang) -> String {
    let kind = graph.kind_of(graph.relation(hop.edge));
    if !hop.forward && !kind.symmetric {
        arrow::against(lang.relation_kind(kind))
    } else {
        lang.relation_kind(kind).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::letter;

    #[test]
    fn alternatives_are_lettered() {
        assert_eq!(letter(0), "a");
        assert_eq!(letter(25), "z");
        assert_eq!(letter(26), "aa");
    }
}
