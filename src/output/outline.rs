//! `linkage paper P`: one paper's argument in outline.

use std::fmt::Write as _;

use serde::Serialize;

use super::{
    count, relation_line, shape::ClaimJson, shape::PaperJson, styled, wrap, wrap_hanging, DETAIL,
    HEADING, LABEL, NOTICE, PAPER, QUOTE,
};
use crate::{
    graph::ConceptGraph,
    query::{outline::Outline, Stop},
};

/// The paper's record, then its claims under each heading in the paper's order.
pub fn human(graph: &ConceptGraph, outline: &Outline<'_>, with_quotes: bool) -> String {
    let mut out = String::new();
    let Some(paper) = graph.paper(&outline.paper) else {
        // Outlines are built for papers resolved against this graph.
        return out;
    };
    let _ = writeln!(
        out,
        "{} {}",
        styled(PAPER, paper.citation()),
        styled(DETAIL, format!("[{}]", paper.id))
    );
    if let Some(title) = &paper.title {
        out.push_str(&wrap(title, "  ").replacen(title.as_str(), &styled(LABEL, title), 1));
    }
    let _ = writeln!(
        out,
        "  {}, {}",
        count(outline.claims(), "claim", "claims"),
        count(outline.quotes(), "quote", "quotes")
    );
    if !outline.text_order {
        out.push_str(&styled(
            NOTICE,
            wrap(
                "(the paper's text is not at hand: claims are in the order they are encoded)",
                "  ",
            ),
        ));
    }
    for (heading, claims) in &outline.groups {
        let _ = writeln!(out, "\n{} ({})", styled(HEADING, heading), claims.len());
        for (i, claim) in claims.iter().enumerate() {
            let relation = graph.relation(claim.edge);
            let mut line = relation_line(graph, relation);
            if let (Some(d), Some(p)) = (relation.dimension, &relation.positions) {
                let _ = write!(line, " in {}: {} vs {}", graph.node(d).label, p.from, p.to);
            }
            if let Some(a) = relation.aspect {
                let _ = write!(line, " in {}", graph.node(a).label);
            }
            let number = format!("{:>3}. ", i + 1);
            out.push_str(&wrap_hanging(&line, &number, "     "));
            let mut locators: Vec<String> = Vec::new();
            for source in &claim.sources {
                let short = graph.short_locator(source);
                if !locators.contains(&short) {
                    locators.push(short);
                }
            }
            let mut place = format!("[{}]", locators.join("; "));
            if claim.sources.len() > 1 {
                let _ = write!(place, " {}", count(claim.sources.len(), "quote", "quotes"));
            }
            out.push_str(&wrap(&place, "     "));
            if with_quotes {
                for source in &claim.sources {
                    let quote = format!("“{}”", graph.printed_quote(source));
                    out.push_str(&wrap(&quote, "     ").replacen(
                        &quote,
                        &styled(QUOTE, &quote),
                        1,
                    ));
                }
            }
        }
    }
    if outline.left_out.0 > 0 {
        let _ = writeln!(
            out,
            "\n{}",
            styled(
                NOTICE,
                format!(
                    "… and {} more (raise --limit to see them, up to 10000)",
                    outline.left_out.0
                )
            )
        );
    }
    if !outline.facts.is_empty() {
        let _ = writeln!(
            out,
            "\n{} ({})",
            styled(HEADING, "Facts"),
            outline.facts.len()
        );
        for (i, &index) in outline.facts.iter().enumerate() {
            let fact = &graph.facts()[index];
            let line = super::sentence::fact_line(graph, fact);
            out.push_str(&wrap_hanging(&line, &format!("{:>3}. ", i + 1), "     "));
            for source in fact.sources.iter().filter(|s| s.paper == outline.paper) {
                out.push_str(&wrap(
                    &format!("[{}]", graph.short_locator(source)),
                    "     ",
                ));
                if with_quotes {
                    let quote = format!("“{}”", graph.printed_quote(source));
                    out.push_str(&wrap(&quote, "     ").replacen(
                        &quote,
                        &styled(QUOTE, &quote),
                        1,
                    ));
                }
            }
        }
    }
    out
}

/// The notice of an outline cut short by the work budget, if it was: which relations
/// its claims come from.
pub fn stopped(outline: &Outline<'_>, relations: usize) -> String {
    let Some(stop) = outline.stop else {
        return String::new();
    };
    let after = match stop {
        Stop::Work(units) => format!(
            "{units} units of work (one a relation looked at or a quote placed in the text)"
        ),
        Stop::Time(elapsed) => format!("{} ms", elapsed.as_millis()),
    };
    let text = format!(
        "The outline stopped after {after}: it holds the paper's claims among the first {} of \
         the {relations} relations (in data order), and the counts below are of those.",
        outline.looked_at
    );
    styled(NOTICE, wrap(&text, "")) + "\n"
}

/// The JSON shape of `paper` (docs/json.md).
#[derive(Debug, Serialize)]
pub struct OutlineJson<'g> {
    /// The paper with its counts.
    pub paper: Option<PaperJson<'g>>,
    /// Whether claims follow the paper's text (else the data order).
    pub text_order: bool,
    /// Whether fewer claims are listed than found (`--limit`).
    pub truncated: bool,
    /// Why gathering stopped before every relation was looked at, if it did; the claims
    /// and counts are then those among the first `looked_at` relations.
    pub stopped: Option<super::path::StopJson>,
    /// How many relations (in data order) were looked at.
    pub looked_at: usize,
    /// Claims under each heading.
    pub groups: Vec<GroupJson<'g>>,
    /// The paper's facts, in the data-file shape (`{subject, property, value, sources}`).
    pub facts: Vec<serde_json::Value>,
}

/// One heading of the outline.
#[derive(Debug, Serialize)]
pub struct GroupJson<'g> {
    /// The heading.
    pub heading: &'g str,
    /// Its claims, each with this paper's quotes only.
    pub claims: Vec<ClaimJson<'g>>,
}

/// The outline as its JSON shape.
pub fn json<'g>(graph: &'g ConceptGraph, outline: &'g Outline<'g>) -> OutlineJson<'g> {
    OutlineJson {
        paper: graph
            .paper(&outline.paper)
            .map(|p| PaperJson::new(graph, p, outline.claims(), outline.quotes())),
        text_order: outline.text_order,
        truncated: outline.left_out.0 > 0,
        stopped: outline.stop.map(super::path::StopJson::from),
        looked_at: outline.looked_at,
        groups: outline
            .groups
            .iter()
            .map(|(heading, claims)| GroupJson {
                heading,
                claims: claims
                    .iter()
                    .map(|c| {
                        ClaimJson::new(graph, graph.relation(c.edge), c.sources.iter().copied())
                    })
                    .collect(),
            })
            .collect(),
        facts: outline
            .facts
            .iter()
            .map(|&i| crate::export::fact_json(graph, &graph.facts()[i]))
            .collect(),
    }
}
