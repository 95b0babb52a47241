//! `linkage diff A B`: common ground by aspect, differences by dimension (the
//! comparison model's rows for the pair), direct relations and structural contrast.

use std::fmt::Write as _;

use crate::arrow::{arrow, Way};

use serde::Serialize;

use super::{
    citations, count, display_width, node_line, node_plain, relation_line,
    shape::{ClaimJson, RowJson},
    source_block, styled, wrap, wrap_hanging, wrap_styled, HEADING, LABEL, NOTICE,
};
use crate::{
    graph::ConceptGraph,
    query::{
        comparison::{Claim, Row},
        diff::{Diff, Direction},
    },
};

/// The widest names (in columns, with their colon) under which positions are aligned;
/// beyond it each position follows its name.
const ALIGNED_NAMES: usize = 24;

/// The comparison as text, wrapped to 80 columns; positions are wrapped, never cut.
pub fn human(graph: &ConceptGraph, diff: &Diff<'_>, with_quotes: bool) -> String {
    let (a, b) = (graph.node(diff.a), graph.node(diff.b));
    let mut out = String::new();
    out.push_str(&node_line(graph, diff.a, "", "  "));
    out.push_str(&node_line(graph, diff.b, "  vs  ", "  "));

    if !diff.direct.is_empty() {
        let _ = writeln!(
            out,
            "\n{} ({})",
            styled(HEADING, "How they relate"),
            diff.direct.len()
        );
        for claim in &diff.direct {
            let line = relation_line(graph, claim.relation);
            out.push_str(&wrap_styled(LABEL, &line, "  ", "    "));
            papers_line(graph, &claim.papers(), "    ", &mut out);
            claim_sources(graph, claim, with_quotes, &mut out);
        }
    }

    let _ = writeln!(
        out,
        "\n{} ({})",
        styled(HEADING, "Common ground"),
        count(diff.common_ground.len(), "aspect", "aspects")
    );
    if diff.common_ground.is_empty() {
        let _ = writeln!(out, "  none recorded");
    }
    for row in &diff.common_ground {
        row_heading(graph, row, &mut out);
        if diff.differences.iter().any(|d| d.topic == row.topic) {
            // The same aspect is also a dimension of difference: say so here rather
            // than let the two sections contradict each other silently.
            out.push_str(&wrap_styled(
                NOTICE,
                "note: also named a difference (see Differences, and `linkage contested`)",
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
        "\n{} ({})",
        styled(HEADING, "Differences"),
        count(diff.differences.len(), "dimension", "dimensions")
    );
    if diff.differences.is_empty() {
        let _ = writeln!(out, "  none recorded");
    }
    // Each side by its name; the positions line up when the names are short.
    let names = [a.label.as_str(), b.label.as_str()];
    let widest = names.iter().map(|n| display_width(n)).max().unwrap_or(0) + 1;
    let width = if widest <= ALIGNED_NAMES { widest } else { 0 };
    let indent = " ".repeat(if width > 0 { width + 7 } else { 8 });
    for row in &diff.differences {
        row_heading(graph, row, &mut out);
        let wordings = row.wordings();
        for wording in &wordings {
            let (a_position, b_position) = wording.positions.unwrap_or_default();
            if wordings.len() > 1 {
                let papers = wording.papers();
                out.push_str(&wrap(
                    &format!("worded by {}:", citations(graph, &papers)),
                    "    ",
                ));
            }
            for (name, position) in [(names[0], a_position), (names[1], b_position)] {
                let label = format!("{name}:");
                let first = format!("      {label}{} ", super::padding(&label, width));
                out.push_str(&wrap_hanging(position, &first, &indent));
            }
            for claim in &wording.claims {
                claim_sources(graph, claim, with_quotes, &mut out);
            }
        }
    }

    if !diff.contrast.is_empty() {
        let _ = writeln!(out, "\n{}", styled(HEADING, "Structural contrast"));
        for contrast in &diff.contrast {
            let kind = &graph.schema().relation_kinds[&contrast.kind];
            let way = match contrast.direction {
                Direction::Out => Way::Along,
                Direction::In => Way::Against,
                Direction::Both => Way::Both,
            };
            let heading = arrow(&kind.label, way);
            out.push_str(&wrap_styled(LABEL, &heading, "  ", "    "));
            for (who, nodes) in [
                ("both".to_string(), &contrast.both),
                (format!("only {}", a.label), &contrast.only_a),
                (format!("only {}", b.label), &contrast.only_b),
            ] {
                if nodes.is_empty() {
                    continue;
                }
                let names: Vec<String> = nodes.iter().map(|&n| node_plain(graph, n)).collect();
                let first = format!("    {who}: ");
                out.push_str(&wrap_hanging(&names.join("; "), &first, &" ".repeat(8)));
            }
        }
    }
    out
}

/// A comparison's heading: its aspect or dimension, the papers asserting it (the
/// count `compare` shows) and, when some of them share text, a note saying so.
fn row_heading(graph: &ConceptGraph, row: &Row<'_>, out: &mut String) {
    out.push_str(&wrap_styled(
        LABEL,
        &graph.node(row.topic).label,
        "  ",
        "  ",
    ));
    papers_line(graph, &row.papers(), "    ", out);
    out.push_str(&shared_text_note(graph, row, "    "));
}

/// `2 papers: A; B`.
fn papers_line(graph: &ConceptGraph, papers: &[&str], indent: &str, out: &mut String) {
    out.push_str(&wrap(
        &format!(
            "{}: {}",
            count(papers.len(), "paper", "papers"),
            citations(graph, papers)
        ),
        indent,
    ));
}

/// A warning when papers asserting `row` share passages of text: their agreement may
/// be one text counted twice. Empty when none do.
pub fn shared_text_note(graph: &ConceptGraph, row: &Row<'_>, indent: &str) -> String {
    let mut out = String::new();
    for (x, y) in row.shared_text(graph) {
        let text = format!(
            "note: {} and {} share passages of text; this agreement may rest on one wording",
            graph.cite(x),
            graph.cite(y)
        );
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
