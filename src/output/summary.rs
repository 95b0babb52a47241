//! The first screen of `diff`, `show`, `paper` and `contested`: a summary that fits
//! 80x24 and answers the question alone (how A and B relate, share and differ; what a
//! node is tied to and by whom; what a paper argues; where the papers disagree). The
//! details follow it; in a terminal the pager shows this screen first.

use std::fmt::Write as _;

use indexmap::IndexMap;
use petgraph::graph::NodeIndex;

use super::{
    count, display_width, styled, wrap, wrap_hanging, wrap_styled, GLUE, HEADING, LABEL, WIDTH,
};
use crate::{
    arrow,
    dot::{node_label, Lang},
    graph::ConceptGraph,
    i18n::Messages,
    paper_filter::PaperFilter,
    query::{
        contested::{Dispute, Strength},
        diff::Diff,
        outline::Outline,
    },
    relation::Source,
};

/// `text` cut to `width` columns, ending in `…` when cut.
pub(crate) fn fit(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if display_width(&out) + display_width(&c.to_string()) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.trim_end().to_string() + "…"
}

/// `items` as `name n, name n, …`, wrapped under a bold `title`.
fn counted_line(title: &str, items: &[(String, usize)]) -> String {
    counted_line_in(title, items, Messages::of(Lang::En))
}

/// [`counted_line`] punctuated in the language of `words`.
fn counted_line_in(title: &str, items: &[(String, usize)], words: Messages) -> String {
    let list: Vec<String> = items
        .iter()
        // Glued, each name stays whole and with its count when the line wraps
        // ("extension of 1", not "extension" at one line's end and "of 1" on the
        // next); a name too long to keep whole keeps at least its count.
        .map(|(name, n)| {
            if display_width(name) <= WIDTH / 2 {
                super::unbreakable(&format!("{name} {n}"))
            } else {
                format!("{name}{GLUE}{n}")
            }
        })
        .collect();
    let text = format!(
        "{title}{}{}",
        words.colon(),
        list.join(words.list_separator())
    );
    wrap_hanging(&text, "", "  ").replacen(title, &styled(HEADING, title), 1)
}

/// The disputes among `disputes` that involve any of `nodes` and (if any are named)
/// one of `papers`: those `linkage contested NODES --paper PAPERS` lists (pairs merely
/// related in other ways left out, as it leaves them).
fn disputes_about<'d>(
    disputes: &'d [Dispute],
    nodes: &[NodeIndex],
    papers: &PaperFilter,
) -> Vec<&'d Dispute> {
    disputes
        .iter()
        .filter(|d| d.strength != Strength::Related)
        .filter(|d| d.papers().iter().any(|p| papers.keeps(p)))
        .filter(|d| nodes.iter().any(|&n| d.involves(n)))
        .collect()
}

/// The line counting the disputes about `nodes`, with the command that lists them, in the
/// language of `words`.
fn disputes_line_in(
    graph: &ConceptGraph,
    disputes: &[&Dispute],
    nodes: &[NodeIndex],
    papers: &PaperFilter,
    words: Messages,
) -> String {
    if disputes.is_empty() {
        return String::new();
    }
    // Named by their labels; the command to type by the ids.
    let about: Vec<&str> = nodes
        .iter()
        .map(|&n| node_label(graph, n, words.lang()))
        .collect();
    let mut ids: Vec<&str> = nodes.iter().map(|&n| graph.node(n).id.as_str()).collect();
    if !papers.keeps_every_paper() {
        ids.push("--paper");
        ids.extend(papers.named().iter().map(String::as_str));
    }
    let (title, head) = words.disputes_about(&about, disputes.len());
    let command = format!("linkage contested {}", ids.join(" "));
    // The command is kept whole on one line, so that it can be copied.
    let one_line = format!("{head}{} `{command}`", words.shown_by());
    let text = if display_width(&one_line) <= WIDTH {
        one_line + "\n"
    } else {
        // A no-break space keeps "shown by" together at the end of the wrapped line.
        format!(
            "{}  {command}\n",
            wrap(
                &format!(
                    "{head}{}",
                    words.shown_by().replacen("shown by", "shown\u{a0}by", 1)
                ),
                ""
            )
        )
    };
    text.replacen(title, &styled(HEADING, title), 1)
}

/// The distinct papers of `sources`, in first-seen order.
fn papers_of<'g>(sources: impl IntoIterator<Item = &'g Source>) -> Vec<&'g str> {
    let mut papers: Vec<&str> = Vec::new();
    for source in sources {
        if !papers.contains(&source.paper.as_str()) {
            papers.push(&source.paper);
        }
    }
    papers
}

/// The rule between a summary and the details under it.
fn details_rule() -> String {
    details_rule_in(Messages::of(Lang::En))
}

/// [`details_rule`] in the language of `words`.
fn details_rule_in(words: Messages) -> String {
    format!("\n{}\n\n", styled(HEADING, words.in_detail()))
}

/// `diff A B`: how A and B relate (relation kinds with paper counts), their common
/// ground (aspects with paper counts), their differences (dimensions with paper counts
/// and each side's position in a few words), and the number of disputes.
pub fn diff(
    graph: &ConceptGraph,
    diff: &Diff<'_>,
    papers: &PaperFilter,
    disputes: &[Dispute],
    lang: Lang,
) -> String {
    let words = Messages::of(lang);
    let (a, b) = (
        node_label(graph, diff.a, lang),
        node_label(graph, diff.b, lang),
    );
    let all_sources = diff
        .direct
        .iter()
        .chain(diff.common_ground.iter().flat_map(|r| &r.claims))
        .chain(diff.differences.iter().flat_map(|r| &r.claims))
        .flat_map(|c| c.sources.iter().copied());
    let asserting = papers_of(all_sources).len();
    let mut out = String::new();
    let title = words.compared_by(a, b, asserting);
    out.push_str(&wrap(&title, "").replacen(a, &styled(LABEL, a), 1));
    out.push('\n');
    let mut relate: IndexMap<String, Vec<&str>> = IndexMap::new();
    for claim in &diff.direct {
        let relation = claim.relation;
        let kind = lang.relation_kind(graph.kind_of(relation));
        // The other way round (from the second to the first) marked with an arrow.
        let name = if relation.from == diff.a {
            kind.to_string()
        } else {
            arrow::arrow(kind, arrow::Way::Against)
        };
        let entry = relate.entry(name).or_default();
        for source in &claim.sources {
            if !entry.contains(&source.paper.as_str()) {
                entry.push(&source.paper);
            }
        }
    }
    let counted = |map: IndexMap<String, Vec<&str>>| -> Vec<(String, usize)> {
        let mut items: Vec<_> = map.into_iter().map(|(k, v)| (k, v.len())).collect();
        items.sort_by_key(|item| std::cmp::Reverse(item.1));
        items
    };
    if !relate.is_empty() {
        let backwards = diff.direct.iter().any(|c| c.relation.from != diff.a);
        let against = arrow::arrow(words.kind(), arrow::Way::Against);
        let title = words.how_they_relate_counted(backwards.then_some((against.as_str(), b)));
        out.push_str(&counted_line_in(&title, &counted(relate), words));
    }
    if !diff.common_ground.is_empty() {
        let rows = diff
            .common_ground
            .iter()
            .map(|r| (node_label(graph, r.topic, lang).to_string(), r.papers()))
            .collect();
        let title = words.common_ground_counted(diff.common_ground.len());
        out.push_str(&counted_line_in(&title, &counted(rows), words));
    }
    if !diff.differences.is_empty() {
        let title = words.differences_counted(diff.differences.len(), a, b);
        out.push_str(&wrap_styled(HEADING, &title, "", "  "));
        let heads: Vec<String> = diff
            .differences
            .iter()
            .map(|row| {
                // The count as the rest of the language brackets one: " (3)", "（3）".
                format!(
                    "  {}{}",
                    fit(node_label(graph, row.topic, lang), 24),
                    words.in_brackets(&row.papers().len().to_string())
                )
            })
            .collect();
        let column = heads.iter().map(|h| display_width(h)).max().unwrap_or(0) + 2;
        let room = WIDTH.saturating_sub(column + 3) / 2;
        for (row, head) in diff.differences.iter().zip(&heads) {
            let positions = row.claims.iter().find_map(|c| c.positions);
            let line = match positions {
                Some((pa, pb)) => {
                    let pa = fit(pa, room);
                    format!(
                        "{head}{}{pa}{} | {}",
                        super::padding(head, column),
                        super::padding(&pa, room),
                        fit(pb, room)
                    )
                }
                None => head.clone(),
            };
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    out.push_str(&disputes_line_in(
        graph,
        &disputes_about(disputes, &[diff.a, diff.b], papers),
        &[diff.a, diff.b],
        papers,
        words,
    ));
    out.push_str(&details_rule_in(words));
    out
}

/// `show X`: the node's relations counted by kind and by paper, and its most supported
/// neighbours (by the number of papers relating them).
pub fn show(
    graph: &ConceptGraph,
    ix: NodeIndex,
    papers: &PaperFilter,
    disputes: &[Dispute],
    lang: Lang,
) -> String {
    let words = Messages::of(lang);
    let filter = papers;
    let node = graph.node(ix);
    let mut by_kind: IndexMap<String, usize> = IndexMap::new();
    let mut by_paper: IndexMap<&str, usize> = IndexMap::new();
    let mut neighbours: IndexMap<NodeIndex, (Vec<&str>, usize)> = IndexMap::new();
    let incident = graph.incident(ix);
    let mut relations = 0;
    for item in &incident {
        let papers = papers_of(filter.sources(&item.relation.sources));
        if papers.is_empty() {
            continue;
        }
        relations += 1;
        *by_kind
            .entry(lang.relation_kind(graph.kind_of(item.relation)).to_string())
            .or_default() += 1;
        for &paper in &papers {
            *by_paper.entry(paper).or_default() += 1;
        }
        let entry = neighbours.entry(item.other).or_default();
        entry.1 += 1;
        for paper in papers {
            if !entry.0.contains(&paper) {
                entry.0.push(paper);
            }
        }
    }
    // Relations that compare other nodes along this one (an aspect or dimension).
    let mut compared = 0;
    for edge in graph.relations_on_topic(ix) {
        let papers = papers_of(filter.sources(&graph.relation(edge).sources));
        if papers.is_empty() {
            continue;
        }
        compared += 1;
        relations += 1;
        for paper in papers {
            *by_paper.entry(paper).or_default() += 1;
        }
    }
    let mut out = String::new();
    let label = node_label(graph, ix, lang);
    let kind = graph
        .schema()
        .node_kinds
        .get(node.kind.as_str())
        .map_or(node.kind.as_str(), |k| lang.node_kind(&node.kind, k));
    let title = format!(
        "{label}{}{}{}",
        words.id_and_kind(&node.id, kind),
        words.colon(),
        words.relations_from(relations, by_paper.len())
    );
    out.push_str(&wrap(&title, "").replacen(label, &styled(LABEL, label), 1));
    if compared > 0 {
        let _ = writeln!(
            out,
            "{}{}{}",
            styled(HEADING, words.compared_along_this()),
            words.colon(),
            words.relations_counted(compared)
        );
    }
    let mut kinds: Vec<(String, usize)> = by_kind.into_iter().collect();
    kinds.sort_by_key(|kind| std::cmp::Reverse(kind.1));
    if !kinds.is_empty() {
        out.push_str(&counted_line_in(words.relations_by_kind(), &kinds, words));
    }
    let per_paper: Vec<(String, usize)> = by_paper
        .into_iter()
        .map(|(p, n)| (graph.cite(p).to_string(), n))
        .collect();
    if !per_paper.is_empty() {
        out.push_str(&counted_line_in(
            words.relations_by_paper(),
            &per_paper,
            words,
        ));
    }
    let facts: Vec<String> = graph
        .facts()
        .iter()
        .filter(|fact| fact.subject == ix)
        .filter_map(|fact| {
            let papers = papers_of(filter.sources(&fact.sources));
            let property = graph
                .schema()
                .properties
                .get(&fact.property)
                .map_or(fact.property.as_str(), |p| p.label_in(words.lang()));
            (!papers.is_empty()).then(|| {
                let cites: Vec<&str> = papers.iter().map(|p| graph.cite(p)).collect();
                format!(
                    "{property} {} — {}",
                    fact.value,
                    cites.join(words.item_separator())
                )
            })
        })
        .collect();
    if !facts.is_empty() {
        let title = words.facts();
        let line = format!(
            "{title}{}{}",
            words.colon(),
            facts.join(words.item_separator())
        );
        out.push_str(&wrap_hanging(&line, "", "  ").replacen(title, &styled(HEADING, title), 1));
    }
    let mut ranked: Vec<_> = neighbours.into_iter().collect();
    ranked.sort_by_key(|(_, (papers, relations))| std::cmp::Reverse((papers.len(), *relations)));
    if !ranked.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            styled(HEADING, words.most_supported_neighbours())
        );
        for (other, (papers, relations)) in ranked.iter().take(8) {
            let tail = format!(
                "{}{}",
                words.colon(),
                words.papers_and_relations(papers.len(), *relations)
            );
            let room = WIDTH.saturating_sub(display_width(&tail) + 2);
            let name = node_label(graph, *other, lang);
            let _ = writeln!(out, "  {}{tail}", fit(name, room));
        }
    }
    out.push_str(&disputes_line_in(
        graph,
        &disputes_about(disputes, &[ix], papers),
        &[ix],
        papers,
        words,
    ));
    out.push_str(&details_rule_in(words));
    out
}

/// `paper P`: what the paper claims, counted by kind of claim, the concepts it
/// speaks of most, and the disputes it takes part in.
pub fn paper(graph: &ConceptGraph, outline: &Outline<'_>, disputes: &[Dispute]) -> String {
    let mut out = String::new();
    let cite = graph.cite(&outline.paper);
    let title = format!(
        "{cite}: {} backed by {}",
        count(outline.claims(), "claim", "claims"),
        count(outline.quotes(), "quote", "quotes")
    );
    out.push_str(&wrap(&title, "").replacen(cite, &styled(LABEL, cite), 1));
    if let Some(paper) = graph.paper(&outline.paper) {
        if let Some(title) = &paper.title {
            out.push_str(&wrap(title, "  "));
        }
    }
    let mut groups: Vec<(String, usize)> = outline
        .groups
        .iter()
        .map(|(heading, claims)| (heading.clone(), claims.len()))
        .collect();
    if !outline.facts.is_empty() {
        groups.push(("Facts".to_string(), outline.facts.len()));
    }
    out.push_str(&counted_line("Claims by kind", &groups));
    let mut concepts: IndexMap<NodeIndex, usize> = IndexMap::new();
    for claim in outline.groups.values().flatten() {
        let relation = graph.relation(claim.edge);
        for node in [relation.from, relation.to] {
            *concepts.entry(node).or_default() += 1;
        }
    }
    let mut concepts: Vec<_> = concepts.into_iter().collect();
    concepts.sort_by_key(|concept| std::cmp::Reverse(concept.1));
    let most: Vec<(String, usize)> = concepts
        .iter()
        .take(5)
        .map(|&(n, c)| (fit(&graph.node(n).label, 40), c))
        .collect();
    if !most.is_empty() {
        out.push_str(&counted_line("Concepts it speaks of most (claims)", &most));
    }
    let taken: Vec<&Dispute> = disputes
        .iter()
        .filter(|d| d.strength != Strength::Related)
        .filter(|d| d.papers().contains(&outline.paper.as_str()))
        .collect();
    if !taken.is_empty() {
        let title = "Disputes";
        out.push_str(
            &wrap(
                &format!(
                    "{title}: takes part in {}, shown by `linkage contested --paper {}`",
                    taken.len(),
                    outline.paper
                ),
                "",
            )
            .replacen(title, &styled(HEADING, title), 1),
        );
    }
    out.push_str(&details_rule());
    out
}
