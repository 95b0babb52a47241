//! `linkage diff A B`: common ground by aspect, differences by dimension (the
//! comparison model's rows for the pair), direct relations and structural contrast.

use std::fmt::Write as _;

use crate::arrow::{arrow, Way};

use serde::Serialize;

use super::{
    citations, display_width, relation_line_in,
    shape::{ClaimJson, RowJson},
    source_block, styled, wrap, wrap_hanging, wrap_styled, HEADING, LABEL, NOTICE,
};
use crate::{
    dot::{node_label, Lang},
    graph::ConceptGraph,
    i18n::{Messages, ASPECTS, DIMENSIONS, PAPERS},
    query::{
        comparison::{Claim, Row},
        diff::{Diff, Direction},
    },
};

/// The widest names (in columns, with their colon) under which positions are aligned;
/// beyond it each position follows its name.
const ALIGNED_NAMES: usize = 24;

/// The comparison as text, wrapped to 80 columns; positions are wrapped, never cut.
pub fn human(graph: &ConceptGraph, diff: &Diff<'_>, with_quotes: bool, lang: Lang) -> String {
    let words = Messages::of(lang);
    let label = |ix| node_label(graph, ix, lang);
    let (a, b) = (label(diff.a), label(diff.b));
    let mut out = String::new();
    out.push_str(&styled_line(a, "", "  "));
    out.push_str(&styled_line(b, words.versus(), "  "));

    if !diff.direct.is_empty() {
        let _ = writeln!(
            out,
            "\n{}{}",
            styled(HEADING, words.how_they_relate()),
            words.in_brackets(&diff.direct.len().to_string())
        );
        for claim in &diff.direct {
            let line = relation_line_in(graph, claim.relation, lang);
            out.push_str(&wrap_styled(LABEL, &line, "  ", "    "));
            papers_line(graph, &claim.papers(), "    ", words, &mut out);
            claim_sources(graph, claim, with_quotes, &mut out);
        }
    }

    let _ = writeln!(
        out,
        "\n{}{}",
        styled(HEADING, words.common_ground()),
        words.in_brackets(&words.count(diff.common_ground.len(), ASPECTS))
    );
    if diff.common_ground.is_empty() {
        let _ = writeln!(out, "  {}", words.none_recorded());
    }
    for row in &diff.common_ground {
        row_heading(graph, row, words, &mut out);
        if diff.differences.iter().any(|d| d.topic == row.topic) {
            // The same aspect is also a dimension of difference: say so here rather
            // than let the two sections contradict each other silently.
            out.push_str(&wrap_styled(
                NOTICE,
                words.also_a_difference(),
                "    ",
                "    ",
            ));
        }
        for claim in &row.claims {
            claim_sources(graph, claim, with_quotes, &mut out);
        }
    }

    let _ = writeln!(
        out,
        "\n{}{}",
        styled(HEADING, words.differences()),
        words.in_brackets(&words.count(diff.differences.len(), DIMENSIONS))
    );
    if diff.differences.is_empty() {
        let _ = writeln!(out, "  {}", words.none_recorded());
    }
    // Each side by its name; the positions line up when the names are short.
    let names = [a, b];
    let widest = names.iter().map(|n| display_width(n)).max().unwrap_or(0) + 1;
    let width = if widest <= ALIGNED_NAMES { widest } else { 0 };
    let indent = " ".repeat(if width > 0 { width + 7 } else { 8 });
    for row in &diff.differences {
        row_heading(graph, row, words, &mut out);
        let wordings = row.wordings();
        for wording in &wordings {
            let (a_position, b_position) = wording.positions.unwrap_or_default();
            if wordings.len() > 1 {
                let papers = wording.papers();
                out.push_str(&wrap(&words.worded_by(&citations(graph, &papers)), "    "));
            }
            for (name, position) in [(names[0], a_position), (names[1], b_position)] {
                let label = format!("{name}{}", words.colon().trim_end());
                let first = format!("      {label}{} ", super::padding(&label, width));
                out.push_str(&wrap_hanging(position, &first, &indent));
            }
            for claim in &wording.claims {
                claim_sources(graph, claim, with_quotes, &mut out);
            }
        }
    }

    if !diff.contrast.is_empty() {
        let _ = writeln!(out, "\n{}", styled(HEADING, words.structural_contrast()));
        for contrast in &diff.contrast {
            let kind = &graph.schema().relation_kinds[&contrast.kind];
            let way = match contrast.direction {
                Direction::Out => Way::Along,
                Direction::In => Way::Against,
                Direction::Both => Way::Both,
            };
            let heading = arrow(lang.relation_kind(kind), way);
            out.push_str(&wrap_styled(LABEL, &heading, "  ", "    "));
            for (who, nodes) in [
                (words.both().to_string(), &contrast.both),
                (words.only(a), &contrast.only_a),
                (words.only(b), &contrast.only_b),
            ] {
                if nodes.is_empty() {
                    continue;
                }
                let names: Vec<&str> = nodes.iter().map(|&n| label(n)).collect();
                let first = format!("    {who}{}", words.colon());
                out.push_str(&wrap_hanging(&names.join("; "), &first, &" ".repeat(8)));
            }
        }
    }
    out
}

/// A comparison's heading: its aspect or dimension, the papers asserting it (the
/// count `compare` shows) and, when some of them share text, a note saying so.
fn row_heading(graph: &ConceptGraph, row: &Row<'_>, words: Messages, out: &mut String) {
    out.push_str(&wrap_styled(
        LABEL,
        node_label(graph, row.topic, words.lang()),
        "  ",
        "  ",
    ));
    papers_line(graph, &row.papers(), "    ", words, out);
    out.push_str(&shared_text_note_in(graph, row, "    ", words));
}

/// `2 papers: A; B`.
fn papers_line(
    graph: &ConceptGraph,
    papers: &[&str],
    indent: &str,
    words: Messages,
    out: &mut String,
) {
    out.push_str(&wrap(
        &format!(
            "{}{}{}",
            words.count(papers.len(), PAPERS),
            words.colon(),
            citations(graph, papers)
        ),
        indent,
    ));
}

/// `first` + a name, wrapped under `rest` and styled as a label after wrapping.
fn styled_line(name: &str, first: &str, rest: &str) -> String {
    let wrapped = wrap_hanging(name, first, rest);
    wrapped.replacen(name, &styled(LABEL, name), 1)
}

/// A warning when papers asserting `row` share passages of text: their agreement may
/// be one text counted twice. Empty when none do.
pub fn shared_text_note(graph: &ConceptGraph, row: &Row<'_>, indent: &str) -> String {
    shared_text_note_in(graph, row, indent, Messages::of(Lang::En))
}

/// [`shared_text_note`] in the language of `words`.
fn shared_text_note_in(
    graph: &ConceptGraph,
    row: &Row<'_>,
    indent: &str,
    words: Messages,
) -> String {
    let mut out = String::new();
    for (x, y) in row.shared_text(graph) {
        let text = words.shared_text(graph.cite(x), graph.cite(y));
        out.push_str(&wrap_styled(NOTICE, &text, indent, indent));
    }
    out
}

/// Every source with its quote; nothing in brief mode, where the papers line suffices.
fn claim_sources(graph: &ConceptGraph, claim: &Claim<'_>, with_quotes: bool, out: &mut String) {
    if !with_quotes {
        return;
    }
    for source in &claim.sources {
        out.push_str(&source_block(graph, source, "      ", true));
    }
}

/// The JSON shape of `diff` (docs/json.md).
#[derive(Debug, Serialize)]
pub struct DiffJson<'g> {
    /// First node id.
    pub a: &'g str,
    /// Second node id.
    pub b: &'g str,
    /// Ordinary relations between the two.
    pub direct: Vec<ClaimJson<'g>>,
    /// Aspects of common ground.
    pub common_ground: Vec<RowJson<'g>>,
    /// Dimensions of difference.
    pub differences: Vec<RowJson<'g>>,
    /// Neighbourhood contrast.
    pub contrast: Vec<ContrastJson<'g>>,
}

/// One relation kind and direction of the structural contrast.
#[derive(Debug, Serialize)]
pub struct ContrastJson<'g> {
    /// Relation kind.
    pub kind: &'g str,
    /// `out`, `in` or `both`.
    pub direction: &'static str,
    /// Neighbours of both.
    pub both: Vec<&'g str>,
    /// Neighbours of `a` only.
    pub only_a: Vec<&'g str>,
    /// Neighbours of `b` only.
    pub only_b: Vec<&'g str>,
}

/// The comparison as its JSON shape.
pub fn json<'g>(graph: &'g ConceptGraph, diff: &'g Diff<'g>) -> DiffJson<'g> {
    let id = |ix| graph.node(ix).id.as_str();
    let ids = |v: &[petgraph::graph::NodeIndex]| v.iter().map(|&n| id(n)).collect::<Vec<_>>();
    DiffJson {
        a: id(diff.a),
        b: id(diff.b),
        direct: diff
            .direct
            .iter()
            .map(|c| ClaimJson::of_claim(graph, c))
            .collect(),
        common_ground: diff
            .common_ground
            .iter()
            .map(|r| RowJson::new(graph, r))
            .collect(),
        differences: diff
            .differences
            .iter()
            .map(|r| RowJson::new(graph, r))
            .collect(),
        contrast: diff
            .contrast
            .iter()
            .map(|c| ContrastJson {
                kind: &c.kind,
                direction: match c.direction {
                    Direction::Out => "out",
                    Direction::In => "in",
                    Direction::Both => "both",
                },
                both: ids(&c.both),
                only_a: ids(&c.only_a),
                only_b: ids(&c.only_b),
            })
            .collect(),
    }
}
