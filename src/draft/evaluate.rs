//! How well `suggest` drafts a paper's claims, against claims encoded by hand: the
//! measurement `examples/suggest_eval.rs` writes into docs/suggest.md.
//!
//! A hand-encoded claim is recalled when a row has its relation kind, both its ends
//! and a quote overlapping its quote in the text. An end is the same when the row names
//! the same existing concept, or, for a concept new to the paper (no concept the
//! drafting could offer), when the row proposes a new concept of the same head noun
//! ([`same_new_concept`]): one row "political instability" is not seven claims about
//! seven problems. A row is right when it recalls a claim. A row joins wrongly when it names an existing concept that none of
//! the claims encoded from its sentence uses: a new concept joined to an existing one.

use std::{fmt::Write as _, ops::Range};

use super::{Draft, DraftEnd, Drafting};
use crate::{
    graph::ConceptGraph, locate::find_bytes, matching::View, normalize::Words,
    text_store::TextStore,
};

/// A claim encoded by hand: what a row must hit.
#[derive(Debug, Clone)]
pub struct Gold {
    /// The relation kind.
    pub kind: String,
    /// The source's id.
    pub from: String,
    /// The target's id.
    pub to: String,
    /// The source's label and aliases: what a new concept a row proposes is held to.
    pub from_names: Vec<String>,
    /// The target's label and aliases.
    pub to_names: Vec<String>,
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
                let names = |ix| {
                    let node = gold.node(ix);
                    std::iter::once(&node.label)
                        .chain(&node.aliases)
                        .cloned()
                        .collect()
                };
                claims.push(Gold {
                    kind: relation.kind.as_str().to_string(),
                    from: gold.node(a).id.clone(),
                    to: gold.node(b).id.clone(),
                    from_names: names(a),
                    to_names: names(b),
                    symmetric: gold.kind_of(relation).symmetric,
                    quote,
                });
            }
        }
    }
    claims
}

/// Whether a new concept a row proposes as `proposed` is the hand-encoded new concept
/// named `names` (its label and aliases): they share a head noun ([`head_nouns`]).
///
/// Why the head noun: a row's label is the phrase the text writes ("many developing
/// countries"), the encoder's label a tidied name ("Developing countries"), so whole
/// names rarely agree; any shared word is too loose ("political instability" and
/// "political reform"), any new concept looser still. The head says what kind of thing
/// the phrase names, and the modifiers narrow it; a phrase with another head names
/// another thing. Symmetric: neither name is the reference.
pub fn same_new_concept(proposed: &str, names: &[String]) -> bool {
    let proposed = head_nouns(proposed);
    names
        .iter()
        .any(|name| head_nouns(name).iter().any(|h| proposed.contains(h)))
}

/// Prepositions that open a postmodifier: the head stands before them ("failure of
/// governance", "poverty alleviation in rural areas").
const POSTMODIFIER_OPENERS: &[&str] = &[
    "of", "for", "in", "on", "to", "with", "by", "from", "at", "among", "between", "through",
    "against", "under", "into", "towards", "behind", "within", "across", "about",
];

/// Nouns too general to be a head: "the too-big-to-fall problem" is about
/// too-big-to-fall.
const GENERAL_HEADS: &[&str] = &[
    "problem", "issue", "factor", "aspect", "thing", "way", "element", "question",
];

/// The head nouns of a concept's name, as normalised stems: English puts a noun
/// phrase's head last, before any postmodifier, so the head is the last content word
/// before the first preposition (text in parentheses aside), one a conjunct ("poverty
/// and hunger": both); a general noun ("problem") gives way to the word before it. A
/// Chinese name (no spaces) is head-final too: its last two characters.
pub fn head_nouns(name: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut depth = 0_usize;
    for c in name.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let words = Words::of(&plain);
    if words.words.iter().any(|w| w.cjk) {
        let chars: Vec<&str> = words.words.iter().map(|w| w.stem.as_str()).collect();
        return vec![chars[chars.len().saturating_sub(2)..].concat()];
    }
    let before_postmodifier: Vec<&str> = plain
        .split_whitespace()
        .enumerate()
        .take_while(|(i, w)| *i == 0 || !POSTMODIFIER_OPENERS.contains(&w.to_lowercase().as_str()))
        .map(|(_, w)| w)
        .collect();
    let mut heads = Vec::new();
    for conjunct in before_postmodifier
        .join(" ")
        .split([',', ';'])
        .flat_map(|c| c.split(" and "))
        .flat_map(|c| c.split(" or "))
    {
        let stems: Vec<String> = Words::of(conjunct)
            .words
            .into_iter()
            .map(|w| w.stem)
            .collect();
        let general = |s: &str| {
            GENERAL_HEADS
                .iter()
                .any(|g| Words::of(g).normal_form() == s)
        };
        let head = stems.iter().rev().find(|s| !general(s)).or(stems.last());
        if let Some(head) = head {
            if !heads.contains(head) {
                heads.push(head.clone());
            }
        }
    }
    heads
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
    let judge = Judge {
        graph,
        text,
        gold,
        existing,
    };
    Score {
        claims: gold.len(),
        recalled: gold
            .iter()
            .filter(|c| drafts.iter().any(|d| judge.hits(d, c)))
            .count(),
        rows: drafts.len(),
        right: drafts
            .iter()
            .filter(|d| gold.iter().any(|c| judge.hits(d, c)))
            .count(),
        wrong_joins: drafts.iter().filter(|d| judge.wrong_join(d)).count(),
    }
}

/// What a row is held to: the claims encoded from the text it was drafted from.
struct Judge<'a> {
    graph: &'a ConceptGraph,
    text: &'a str,
    gold: &'a [Gold],
    existing: &'a dyn Fn(&str) -> bool,
}

impl Judge<'_> {
    fn same(&self, end: &DraftEnd, id: &str, names: &[String]) -> bool {
        match end {
            DraftEnd::Existing { node, .. } => {
                self.graph.node(*node).id == id && (self.existing)(id)
            }
            DraftEnd::New { label, .. } => !(self.existing)(id) && same_new_concept(label, names),
        }
    }

    fn place(&self, draft: &Draft) -> Option<Range<usize>> {
        find_bytes(self.text, &draft.quote)
    }

    /// Whether `draft` recalls `claim`.
    fn hits(&self, draft: &Draft, claim: &Gold) -> bool {
        draft.kind == claim.kind
            && self
                .place(draft)
                .is_some_and(|p| p.start < claim.quote.end && claim.quote.start < p.end)
            && ((self.same(&draft.from, &claim.from, &claim.from_names)
                && self.same(&draft.to, &claim.to, &claim.to_names))
                || (claim.symmetric
                    && self.same(&draft.from, &claim.to, &claim.to_names)
                    && self.same(&draft.to, &claim.from, &claim.from_names)))
    }

    /// Whether `draft` names an existing concept no claim of its sentence uses.
    fn wrong_join(&self, draft: &Draft) -> bool {
        let Some(p) = self.place(draft) else {
            return false;
        };
        let used: Vec<&str> = self
            .gold
            .iter()
            .filter(|c| p.start < c.quote.end && c.quote.start < p.end)
            .flat_map(|c| [c.from.as_str(), c.to.as_str()])
            .collect();
        [&draft.from, &draft.to].into_iter().any(|end| match end {
            DraftEnd::Existing { node, .. } => !used.contains(&self.graph.node(*node).id.as_str()),
            DraftEnd::New { .. } => false,
        })
    }
}

/// Every row of each paper of `sets`, then of each shipped paper left out in turn,
/// beside the claims encoded by hand, to read what the drafting missed and why: `+` a
/// right row, `J` a wrong join, `-` neither; then each claim no row recalls.
pub fn rows_beside_claims(shipped: &ConceptGraph, sets: &[HandEncoded<'_>]) -> String {
    let mut out = String::new();
    let drafting = Drafting::new(shipped, &View::all());
    for set in sets {
        for paper in set.graph.papers() {
            if let Ok(text) = set.texts.text(&paper.file) {
                let gold = gold_claims(set.graph, &paper.id, &text);
                paper_rows(&mut out, shipped, &drafting, &paper.id, &text, &gold);
            }
        }
    }
    for paper in shipped.papers() {
        if let Ok(text) = TextStore::Embedded.text(&paper.file) {
            let view = View::without(shipped, &paper.id, Some(&TextStore::Embedded));
            let drafting = Drafting::new(shipped, &view);
            let gold = gold_claims(shipped, &paper.id, &text);
            paper_rows(&mut out, shipped, &drafting, &paper.id, &text, &gold);
        }
    }
    out
}

/// One paper's rows and missed claims, for [`rows_beside_claims`].
fn paper_rows(
    out: &mut String,
    shipped: &ConceptGraph,
    drafting: &Drafting<'_>,
    paper: &str,
    text: &str,
    gold: &[Gold],
) {
    let end = |end: &DraftEnd| match end {
        DraftEnd::Existing { node, .. } => format!("`{}`", shipped.node(*node).id),
        DraftEnd::New { label, kind } => format!("new {kind} \"{label}\""),
    };
    let drafts = drafting.suggest(paper, text);
    let existing = |id: &str| drafting.offers(id);
    let judge = Judge {
        graph: shipped,
        text,
        gold,
        existing: &existing,
    };
    let _ = writeln!(out, "## {paper}");
    for d in &drafts {
        let mark = if gold.iter().any(|c| judge.hits(d, c)) {
            '+'
        } else if judge.wrong_join(d) {
            'J'
        } else {
            '-'
        };
        let _ = writeln!(
            out,
            "{mark} {} {} -> {}  [cue \"{}\"; \"{}\" / \"{}\"] @{}",
            d.kind,
            end(&d.from),
            end(&d.to),
            d.cue,
            d.phrases.0,
            d.phrases.1,
            d.offset
        );
    }
    for c in gold
        .iter()
        .filter(|c| !drafts.iter().any(|d| judge.hits(d, c)))
    {
        let _ = writeln!(
            out,
            "missed {} {} -> {} @{}: {}",
            c.kind,
            c.from,
            c.to,
            c.quote.start,
            &text[c.quote.clone()]
        );
    }
}

/// The heading of the unseen set's table.
pub const UNSEEN_TITLE: &str =
    "Unseen papers (tests/fixtures/unseen: the drafting was improved looking at these), against the five shipped papers";
/// The heading of the held-out set's table.
pub const HELDOUT_TITLE: &str =
    "Held-out papers (tests/fixtures/heldout: each encoded before `suggest` first ran on it), against the five shipped papers";

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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_string()).collect()
    }

    #[test]
    fn a_proposed_concept_of_the_same_head_is_the_encoded_one() {
        assert!(same_new_concept(
            "political instability",
            &names(&["Political instability"])
        ));
        assert!(same_new_concept(
            "many developing countries",
            &names(&["Developing countries"])
        ));
        assert!(same_new_concept(
            "failure of governance",
            &names(&["Failure of governance", "governance failures"])
        ));
        assert!(same_new_concept(
            "the “too-big-to-fall” problem",
            &names(&["too-big-to-fall"])
        ));
        assert!(same_new_concept(
            "Sustainable Development Goals",
            &names(&["Sustainable Development Goals (SDGs)"])
        ));
        assert!(same_new_concept("乡村产业振兴", &names(&["产业振兴"])));
    }

    #[test]
    fn a_proposed_concept_of_another_head_is_not() {
        // One row, seven problems of one sentence: it is one of them, not all seven.
        for other in [
            "Lack of investment",
            "Harsh living conditions",
            "High unemployment",
            "Cultural populism",
            "Unequal asset distribution",
            "Truncated agrarian transition",
        ] {
            assert!(
                !same_new_concept("political instability", &names(&[other])),
                "{other}"
            );
        }
        assert!(!same_new_concept(
            "always present",
            &names(&["Chronic poverty"])
        ));
        assert!(!same_new_concept(
            "political reform",
            &names(&["Political instability"])
        ));
        assert!(!same_new_concept("乡村产业振兴", &names(&["产业发展"])));
    }

    #[test]
    fn sharing_a_head_reads_both_ways() {
        let pairs = [
            ("political instability", "Political instability"),
            ("failure of governance", "governance failures"),
            ("poverty and hunger", "Global poverty and hunger"),
            ("lack of investment", "High unemployment"),
        ];
        for (a, b) in pairs {
            assert_eq!(
                same_new_concept(a, &names(&[b])),
                same_new_concept(b, &names(&[a])),
                "{a} / {b}"
            );
        }
    }
}
