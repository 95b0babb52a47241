//! Measuring `match` leave-one-paper-out: for each paper, as if it were the next to be
//! encoded, does `match` find the concepts its claims reuse, and say "no existing
//! concept" for the ones it introduced?
//!
//! For paper P, the [`View`] leaves out P's claims (so a concept only P uses is gone)
//! and the aliases no other paper's text holds. Then for every claim of P, every quote
//! and every end other than the two strategies (`tpa` and `rr`, which every paper
//! names), the phrase of the quote that names the end is matched. The phrase is the
//! stretch of the quote that states one of the end's names most nearly (scored as
//! `match` scores a phrase against a name): what a scholar would select in the sentence
//! to ask which concept it is. An end that some other paper uses should come first;
//! one that no other paper uses should get "no existing concept". An end none of whose
//! words the quote uses is counted apart ("not named in the quote"): no phrase of the
//! quote names it, so there is nothing to select.

use std::collections::HashSet;

use petgraph::graph::NodeIndex;

use super::{
    needs::needs,
    score::{name_score, Query},
    Index, Tuning, View,
};
use crate::{graph::ConceptGraph, normalize::Words, relation::Source, text_store::TextStore};

/// The two strategies every paper names: their ends are not counted.
pub const STRATEGIES: [&str; 2] = ["tpa", "rr"];

/// One end of one claim, matched.
#[derive(Debug, Clone)]
pub struct Trial<'g> {
    /// The paper left out.
    pub paper: &'g str,
    /// The end.
    pub end: NodeIndex,
    /// The quote.
    pub source: &'g Source,
    /// The phrase of the quote naming the end; `None` when the quote uses none of the
    /// end's words.
    pub phrase: Option<String>,
    /// How nearly the phrase states the end's closest name (0..=1).
    pub named: f64,
    /// Whether another paper uses the end (so `match` should find it).
    pub exists: bool,
    /// The best-ranked concept and its score; `None` when nothing shares a word.
    pub best: Option<(NodeIndex, f64)>,
}

impl Trial<'_> {
    /// What `match` answered at `threshold`: the best concept, or `None` for "no
    /// existing concept".
    pub fn answer(&self, threshold: f64) -> Option<NodeIndex> {
        self.best
            .filter(|&(_, score)| score >= threshold)
            .map(|(node, _)| node)
    }

    /// Whether the answer at `threshold` is right.
    pub fn right(&self, threshold: f64) -> bool {
        self.phrase.is_some()
            && match self.answer(threshold) {
                Some(node) => self.exists && node == self.end,
                None => !self.exists,
            }
    }
}

/// Matches every end of every claim of every paper, that paper left out. Each (paper,
/// end, quote) once: a quote backing several claims about the same end is one trial.
pub fn trials<'g>(
    graph: &'g ConceptGraph,
    texts: Option<&TextStore>,
    tuning: Tuning,
) -> Vec<Trial<'g>> {
    let mut out = Vec::new();
    for paper in graph.papers() {
        let view = View::without(graph, &paper.id, texts);
        let index = Index::build(graph, &view).for_many_queries();
        let mut seen: HashSet<(NodeIndex, &str)> = HashSet::new();
        for (_, relation) in graph.relations() {
            for source in relation.sources.iter().filter(|s| s.paper == paper.id) {
                for end in [relation.from, relation.to] {
                    if STRATEGIES.contains(&graph.node(end).id.as_str())
                        || !seen.insert((end, source.quote()))
                    {
                        continue;
                    }
                    let (phrase, named) = phrase_naming(graph, &index, end, source.quote())
                        .map_or((None, 0.0), |(p, n)| (Some(p), n));
                    let best = phrase.as_deref().and_then(|p| {
                        let ranked = index.rank(p, tuning).ok()?;
                        ranked.first().map(|r| (r.node, r.score))
                    });
                    out.push(Trial {
                        paper: paper.id.as_str(),
                        end,
                        source,
                        phrase,
                        named,
                        exists: index.contains(end),
                        best,
                    });
                }
            }
        }
    }
    out
}

/// The stretch of `quote` that states one of `end`'s names (label or aliases, hidden
/// or not: the scholar knows what the end means) most nearly; `None` when the quote
/// uses none of their words.
fn phrase_naming(
    graph: &ConceptGraph,
    index: &Index<'_>,
    end: NodeIndex,
    quote: &str,
) -> Option<(String, f64)> {
    let node = graph.node(end);
    let words = Words::of(quote);
    let quote_needs = needs(&words);
    let mut best: Option<(f64, usize, usize)> = None;
    for name in std::iter::once(&node.label).chain(&node.aliases) {
        let name = index.read_name(super::NameField::Label, name);
        let found: Vec<usize> = (0..quote_needs.len())
            .filter(|&i| quote_needs[i].found_in(&name.terms))
            .collect();
        for (a, &start) in found.iter().enumerate() {
            for &end in &found[a..] {
                let query = Query::new(quote_needs[start..=end].to_vec(), index);
                let (score, _) = name_score(&query, &name);
                // The best score; of equal ones, the shortest stretch.
                let better = best.is_none_or(|(s, b, e)| {
                    score
                        .total_cmp(&s)
                        .then((e - b).cmp(&(end - start)))
                        .is_gt()
                });
                if better {
                    best = Some((score, start, end));
                }
            }
        }
    }
    let (named, start, end) = best?;
    let phrase = quote[quote_needs[start].bytes.start..quote_needs[end].bytes.end].to_string();
    Some((phrase, named))
}

/// An end is named in its quote when the quote's phrase for it scores at least this
/// against one of its names, as `match` scores a phrase: the phrase then states half
/// the name or more. Below it, the quote shares only some words with the end ("poverty"
/// for "consolidating the results of poverty alleviation").
pub const NAMED: f64 = 0.5;

/// Right answers out of trials.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Right answers.
    pub right: usize,
    /// Trials.
    pub total: usize,
}

impl Tally {
    fn add(&mut self, right: bool) {
        self.right += usize::from(right);
        self.total += 1;
    }

    /// The share right, in percent (0 for no trial).
    pub fn percent(self) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        #[allow(clippy::cast_precision_loss)] // small counts
        let share = self.right as f64 / self.total as f64;
        share * 100.0
    }
}

/// One paper's results, or all papers' together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaperScore {
    /// The paper's id, or "all".
    pub paper: String,
    /// Ends another paper uses, named in the quote: found first.
    pub existing: Tally,
    /// Ends no other paper uses, named in the quote: "no existing concept".
    pub new: Tally,
    /// Ends another paper uses, named only in part.
    pub existing_in_part: Tally,
    /// Ends no other paper uses, named only in part.
    pub new_in_part: Tally,
    /// Ends another paper uses whose quote uses none of their words.
    pub existing_unnamed: usize,
    /// Ends no other paper uses whose quote uses none of their words.
    pub new_unnamed: usize,
}

impl PaperScore {
    /// Every end another paper uses: found first, out of all (an unnamed end is a miss).
    pub fn existing_overall(&self) -> Tally {
        Tally {
            right: self.existing.right + self.existing_in_part.right,
            total: self.existing.total + self.existing_in_part.total + self.existing_unnamed,
        }
    }

    /// Every end no other paper uses: "no existing concept", out of all.
    pub fn new_overall(&self) -> Tally {
        Tally {
            right: self.new.right + self.new_in_part.right,
            total: self.new.total + self.new_in_part.total + self.new_unnamed,
        }
    }

    fn add(&mut self, trial: &Trial<'_>, threshold: f64) {
        let right = trial.right(threshold);
        match (trial.phrase.is_some(), trial.named >= NAMED, trial.exists) {
            (false, _, true) => self.existing_unnamed += 1,
            (false, _, false) => self.new_unnamed += 1,
            (true, true, true) => self.existing.add(right),
            (true, true, false) => self.new.add(right),
            (true, false, true) => self.existing_in_part.add(right),
            (true, false, false) => self.new_in_part.add(right),
        }
    }
}

/// The trials summed per paper (in paper order) at `threshold`, then a row for all.
pub fn score(graph: &ConceptGraph, trials: &[Trial<'_>], threshold: f64) -> Vec<PaperScore> {
    let mut rows: Vec<PaperScore> = graph
        .papers()
        .map(|p| PaperScore {
            paper: p.id.clone(),
            ..PaperScore::default()
        })
        .collect();
    let mut all = PaperScore {
        paper: "all".into(),
        ..PaperScore::default()
    };
    for trial in trials {
        if let Some(row) = rows.iter_mut().find(|r| r.paper == trial.paper) {
            row.add(trial, threshold);
            all.add(trial, threshold);
        }
    }
    rows.push(all);
    rows
}

/// The thresholds calibration tries: 0.30 to 0.90 by 0.05.
pub fn thresholds() -> impl Iterator<Item = f64> {
    (6..=18).map(|i| f64::from(i) / 20.0)
}

/// The threshold that does best on the trials of the papers `counted` accepts: the one
/// whose worse share (ends found first among those another paper uses, "no existing
/// concept" among those none does; named ends only) is highest, the higher threshold
/// on a tie, since a wrong reuse invents an agreement and a miss only costs a look.
pub fn calibrate(trials: &[Trial<'_>], counted: impl Fn(&str) -> bool) -> f64 {
    let mut best = (f64::NEG_INFINITY, 0.0);
    for threshold in thresholds() {
        let mut row = PaperScore::default();
        for trial in trials.iter().filter(|t| counted(t.paper)) {
            row.add(trial, threshold);
        }
        let worse = row.existing.percent().min(row.new.percent());
        if worse >= best.0 {
            best = (worse, threshold);
        }
    }
    best.1
}

/// Each paper scored at the threshold calibrated on the other papers' trials, with
/// that threshold; then all papers' rows summed (with the threshold calibrated on
/// all). The honest figure: no paper's own answers chose the threshold it is judged at.
pub fn cross_validated(graph: &ConceptGraph, trials: &[Trial<'_>]) -> Vec<(PaperScore, f64)> {
    let mut rows = Vec::new();
    let mut all = PaperScore {
        paper: "all".into(),
        ..PaperScore::default()
    };
    for paper in graph.papers() {
        let threshold = calibrate(trials, |p| p != paper.id);
        let mut row = PaperScore {
            paper: paper.id.clone(),
            ..PaperScore::default()
        };
        for trial in trials.iter().filter(|t| t.paper == paper.id) {
            row.add(trial, threshold);
            all.add(trial, threshold);
        }
        rows.push((row, threshold));
    }
    rows.push((all, calibrate(trials, |_| true)));
    rows
}

/// The measurement as Markdown, for docs/matching.md: the table per paper (each at the
/// threshold calibrated on the other papers), the trade-off of the threshold over all
/// papers, and every miss among the named ends.
pub fn report(graph: &ConceptGraph, trials: &[Trial<'_>], tuning: Tuning) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let cell = |t: Tally| format!("{:.1}% ({}/{})", t.percent(), t.right, t.total);
    out.push_str(
        "| Paper | Threshold | Reused ends found first | New ends: no existing concept \
         | Named in part: found / refused | Not named (reused, new) | Every reused end \
         | Every new end |\n|---|---|---|---|---|---|---|---|\n",
    );
    for (row, threshold) in cross_validated(graph, trials) {
        let name = if row.paper == "all" {
            "**all five**".to_string()
        } else {
            graph.cite(&row.paper).to_string()
        };
        let _ = writeln!(
            out,
            "| {name} | {threshold:.2} | {} | {} | {}/{}, {}/{} | {}, {} | {} | {} |",
            cell(row.existing),
            cell(row.new),
            row.existing_in_part.right,
            row.existing_in_part.total,
            row.new_in_part.right,
            row.new_in_part.total,
            row.existing_unnamed,
            row.new_unnamed,
            cell(row.existing_overall()),
            cell(row.new_overall()),
        );
    }
    out.push_str(
        "\nThe threshold over all five papers (named ends), the shipped one in bold:\n\n\
         | Threshold | Reused ends found first | New ends: no existing concept |\n|---|---|---|\n",
    );
    for threshold in thresholds() {
        let all = score(graph, trials, threshold).pop().unwrap_or_default();
        let mark = if (threshold - tuning.threshold).abs() < 1e-9 {
            "**"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "| {mark}{threshold:.2}{mark} | {} | {} |",
            cell(all.existing),
            cell(all.new)
        );
    }
    let _ = writeln!(
        out,
        "\nEvery miss among the named ends at {:.2}: the phrase of the quote, what `match` \
         answered, and the concept the claim uses.\n",
        tuning.threshold
    );
    for paper in graph.papers() {
        let misses: Vec<&Trial<'_>> = trials
            .iter()
            .filter(|t| t.paper == paper.id && t.named >= NAMED && !t.right(tuning.threshold))
            .collect();
        if misses.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "{} ({} misses):\n",
            graph.cite(&paper.id),
            misses.len()
        );
        for trial in misses {
            let answered = trial.answer(tuning.threshold).map_or_else(
                || "no existing concept".to_string(),
                |node| format!("`{}`", graph.node(node).id),
            );
            let wanted = if trial.exists {
                format!("`{}`", graph.node(trial.end).id)
            } else {
                format!("new (`{}`)", graph.node(trial.end).id)
            };
            let _ = writeln!(
                out,
                "- “{}” → {answered}; the claim uses {wanted}",
                trial
                    .phrase
                    .as_deref()
                    .unwrap_or_default()
                    .replace('\n', " ")
            );
        }
        out.push('\n');
    }
    out
}
