//! How well `suggest` drafts a paper's claims, against claims encoded by hand: the
//! measurement `examples/suggest_eval.rs` writes into docs/suggest.md.
//!
//! A hand-encoded claim is recalled when a row has its relation kind, both its ends
//! and a quote overlapping its quote in the text. An end is the same when the row names
//! the same existing concept, or, for a concept new to the paper (no concept the
//! drafting could offer), when the row proposes a new concept. A row is right when it
//! recalls a claim. A row joins wrongly when it names an existing concept that none of
//! the claims encoded from its sentence uses: a new concept joined to an existing one.

use std::{fmt::Write as _, ops::Range};

use super::{Draft, DraftEnd, Drafting};
use crate::{graph::ConceptGraph, locate::find_bytes, matching::View, text_store::TextStore};

/// A claim encoded by hand: what a row must hit.
#[derive(Debug, Clone)]
pub struct Gold {
    /// The relation kind.
    pub kind: String,
    /// The source's id.
    pub from: String,
    /// The target's id.
    pub to: String,
    /// Whether the kind reads both ways.
    pub symmetric: bool,
    /// Where its quote stands in the text.
    pub quote: Range<usize>,
}

/// The relations of `paper` in `gold` whose quotes `text` holds, as [`Gold`] claims.
pub fn gold_claims(gold: &ConceptGraph, paper: &str, text: &str) -> Vec<Gold> {
    let mut claims = Vec::new();
    for (_, relation) in gold.relations() {
        let (a, b) = (relation.from, relation.to);
        for source in relation
            .sources
            .iter()
            .filter(|s| s.paper.as_str() == paper)
        {
            if let Some(quote) = find_bytes(text, source.quote()) {
                claims.push(Gold {
                    kind: relation.kind.as_str().to_string(),
                    from: gold.node(a).id.clone(),
                    to: gold.node(b).id.clone(),
                    symmetric: gold.kind_of(relation).symmetric,
                    quote,
                });
            }
        }
    }
    claims
}

/// The counts of one paper.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    /// Claims encoded by hand.
    pub claims: usize,
    /// Of them, recalled by some row.
    pub recalled: usize,
    /// Rows drafted.
    pub rows: usize,
    /// Rows that recall a claim.
    pub right: usize,
    /// Rows naming an existing concept no claim of their sentence uses.
    pub wrong_joins: usize,
}

impl Score {
    /// The sum of two papers' counts.
    #[must_use]
    pub fn plus(self, other: Self) -> Self {
        Self {
            claims: self.claims + other.claims,
            recalled: self.recalled + other.recalled,
            rows: self.rows + other.rows,
            right: self.right + other.right,
            wrong_joins: self.wrong_joins + other.wrong_joins,
        }
    }
}

/// Scores `drafts` (drafted from `text` against `graph`) on `gold`. `existing(id)`
/// says whether the concept a gold end names was one the drafting could offer.
pub fn score(
    graph: &ConceptGraph,
    text: &str,
    drafts: &[Draft],
    gold: &[Gold],
    existing: &dyn Fn(&str) -> bool,
) -> Score {
    let same = |end: &DraftEnd, id: &str| match end {
        DraftEnd::Existing { node, .. } => graph.node(*node).id == id && existing(id),
        DraftEnd::New { .. } => !existing(id),
    };
    let place = |draft: &Draft| find_bytes(text, &draft.quote);
    let hits = |draft: &Draft, claim: &Gold| {
        draft.kind == claim.kind
            && place(draft).is_some_and(|p| p.start < claim.quote.end && claim.quote.start < p.end)
            && ((same(&draft.from, &claim.from) && same(&draft.to, &claim.to))
                || (claim.symmetric
                    && same(&draft.from, &claim.to)
                    && same(&draft.to, &claim.from)))
    };
    let wrong_join = |draft: &Draft| {
        let Some(p) = place(draft) else { return false };
        let used: Vec<&str> = gold
            .iter()
            .filter(|c| p.start < c.quote.end && c.quote.start < p.end)
            .flat_map(|c| [c.from.as_str(), c.to.as_str()])
            .collect();
        [&draft.from, &draft.to].into_iter().any(|end| match end {
            DraftEnd::Existing { node, .. } => !used.contains(&graph.node(*node).id.as_str()),
            DraftEnd::New { .. } => false,
        })
    };
    Score {
        claims: gold.len(),
        recalled: gold
            .iter()
            .filter(|c| drafts.iter().any(|d| hits(d, c)))
            .count(),
        rows: drafts.len(),
        right: drafts
            .iter()
            .filter(|d| gold.iter().any(|c| hits(d, c)))
            .count(),
        wrong_joins: drafts.iter().filter(|d| wrong_join(d)).count(),
    }
}

/// The heading of the unseen set's table.
pub const UNSEEN_TITLE: &str =
    "Unseen papers (tests/fixtures/unseen: the drafting was improved looking at these), against the five shipped papers";
/// The heading of the held-out set's table.
pub const HELDOUT_TITLE: &str =
    "Held-out paper (tests/fixtures/heldout: first drafted when this table was written), against the five shipped papers";

/// A set of papers not shipped, with claims encoded by hand, to measure on.
pub struct HandEncoded<'a> {
    /// The table's heading.
    pub title: &'a str,
    /// The papers and their claims.
    pub graph: &'a ConceptGraph,
    /// Their texts.
    pub texts: &'a TextStore,
}

/// The measurement as Markdown: a table for each set in `sets` (claims encoded by
/// hand, drafted against every concept of `shipped`), then leave-one-paper-out on the
/// papers of `shipped`.
pub fn report(shipped: &ConceptGraph, sets: &[HandEncoded<'_>]) -> String {
    let mut out = String::new();
    let drafting = Drafting::new(shipped, &View::all());
    for set in sets {
        let _ = writeln!(out, "### {}\n", set.title);
        let mut rows = Vec::new();
        for paper in set.graph.papers() {
            let Ok(text) = set.texts.text(&paper.file) else {
                continue;
            };
            let drafts = drafting.suggest(&paper.id, &text);
            let gold = gold_claims(set.graph, &paper.id, &text);
            let counts = score(shipped, &text, &drafts, &gold, &|id| drafting.offers(id));
            rows.push((paper.id.clone(), counts));
        }
        table(&mut out, &rows);
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "### Leave one paper out on the shipped papers (leaks: the cues were written by someone who read them)\n"
    );
    let mut rows = Vec::new();
    for paper in shipped.papers() {
        let Ok(text) = TextStore::Embedded.text(&paper.file) else {
            continue;
        };
        let view = View::without(shipped, &paper.id, Some(&TextStore::Embedded));
        let drafting = Drafting::new(shipped, &view);
        let drafts = drafting.suggest(&paper.id, &text);
        let gold = gold_claims(shipped, &paper.id, &text);
        let counts = score(shipped, &text, &drafts, &gold, &|id| drafting.offers(id));
        rows.push((paper.id.clone(), counts));
    }
    table(&mut out, &rows);
    out
}

fn table(out: &mut String, rows: &[(String, Score)]) {
    let _ = writeln!(
        out,
        "| paper | claims | recalled | recall | rows | right | precision | wrong joins | of rows |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let total = rows
        .iter()
        .fold(Score::default(), |sum, (_, s)| sum.plus(*s));
    for (name, s) in rows
        .iter()
        .map(|(n, s)| (format!("`{n}`"), *s))
        .chain([("all".to_string(), total)])
    {
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {} | {} | {} | {} | {} |",
            s.claims,
            s.recalled,
            percent(s.recalled, s.claims),
            s.rows,
            s.right,
            percent(s.right, s.rows),
            s.wrong_joins,
            percent(s.wrong_joins, s.rows)
        );
    }
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "–".into();
    }
    #[allow(clippy::cast_precision_loss)] // counts of claims
    let share = 100.0 * part as f64 / whole as f64;
    format!("{share:.0}%")
}
