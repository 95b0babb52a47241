//! The query commands' reports: what each found, held as values, with the human form
//! written piece by piece into any writer and the JSON form serialised from the same
//! values ([`Report`]). Work only one form needs (the disputes a summary mentions)
//! is done when that form is written, so `--json`, `batch` and `serve` never pay for it.

use std::io::{self, Write};

use petgraph::graph::NodeIndex;

use crate::{
    author::{add::Added, locate::Located, references::RecordChange},
    diagnostic::Diagnostic,
    dot::Lang,
    error::Error,
    matching, output,
    query::{
        self, contested::Dispute, diff::Diff, disputes_within::Contested,
        disputes_within::DISPUTE_WORK, outline::Outline, position::Position, Ego, PathQuery,
        PathResult, Walk,
    },
    quotes::QuoteReport,
    report::{JsonForm, Outcome, Report},
    text_store::TextStore,
    ConceptGraph, PaperFilter,
};

/// Writes each piece in turn.
fn pieces(out: &mut dyn Write, pieces: &[&str]) -> io::Result<()> {
    pieces
        .iter()
        .try_for_each(|piece| out.write_all(piece.as_bytes()))
}

/// A line saying how many items `--limit` left out, if any.
pub(super) fn left_out(total: usize, shown: usize, lang: Lang) -> String {
    if total > shown {
        let notice = crate::i18n::Messages::of(lang).and_more_not_shown(total - shown);
        output::styled(output::NOTICE, notice + "\n")
    } else {
        String::new()
    }
}

/// `linkage check`: the dataset's counts, probable duplicates, and with texts the
/// quotes verified; a quote not found fails the command once the report is written.
pub(crate) struct CheckReport<'g> {
    pub(super) graph: &'g ConceptGraph,
    pub(super) quotes: Option<QuoteReport>,
    pub(super) duplicates: Vec<Diagnostic>,
}

impl Report for CheckReport<'_> {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let text = output::check::human(self.graph, self.quotes.as_ref(), &self.duplicates);
        out.write_all(text.as_bytes())
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        Some(Box::new(output::check::json(
            self.graph,
            self.quotes.as_ref(),
            &self.duplicates,
        )))
    }

    fn outcome(&self) -> Outcome {
        Outcome::Found
    }

    fn failure(&self) -> Option<Error> {
        let failures = &self.quotes.as_ref()?.failures;
        (!failures.is_empty()).then(|| Error::InvalidData(failures.clone()))
    }
}

impl CheckReport<'_> {
    /// What this report prints, to store for the next `check` of the same files
    /// (`cache::check`), with the load's `warnings`; `None` if its JSON cannot be
    /// written (it always can).
    pub(super) fn outcome_to_store(
        &self,
        warnings: Vec<Diagnostic>,
    ) -> Option<crate::cache::check::Outcome> {
        let json = output::check::json(self.graph, self.quotes.as_ref(), &self.duplicates);
        Some(crate::cache::check::Outcome {
            warnings,
            human: output::check::human(self.graph, self.quotes.as_ref(), &self.duplicates),
            json: serde_json::to_string(&json).ok()?,
            failures: self
                .quotes
                .as_ref()
                .map_or_else(Vec::new, |q| q.failures.clone()),
        })
    }
}

/// `linkage check` answered from the outcome a whole check stored (`cache::check`):
/// what that check printed, and the same failure.
pub(crate) struct StoredCheckReport(pub(super) crate::cache::check::Outcome);

impl Report for StoredCheckReport {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.0.human.as_bytes())
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        // Checked to parse when the stored outcome was read.
        let value: serde_json::Value = serde_json::from_str(&self.0.json).ok()?;
        Some(Box::new(value))
    }

    fn outcome(&self) -> Outcome {
        Outcome::Found
    }

    fn failure(&self) -> Option<Error> {
        let failures = &self.0.failures;
        (!failures.is_empty()).then(|| Error::InvalidData(failures.clone()))
    }
}

/// `linkage check --unreviewed`.
pub(crate) struct UnreviewedReport<'g> {
    pub(super) graph: &'g ConceptGraph,
    pub(super) found: output::review::Unreviewed<'g>,
}

impl Report for UnreviewedReport<'_> {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.found.human(self.graph).as_bytes())
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        Some(Box::new(self.found.json(self.graph)))
    }

    fn outcome(&self) -> Outcome {
        Outcome::found_if(!self.found.sources.is_empty())
    }
}

/// `linkage list`: the first nodes, and how many there were.
pub(crate) struct ListReport<'g> {
    pub(super) graph: &'g ConceptGraph,
    pub(super) nodes: Vec<&'g crate::node::Node>,
    pub(super) total: usize,
}

impl Report for ListReport<'_> {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        pieces(
            out,
            &[
                &output::list::human(self.graph, &self.nodes),
                &left_out(self.total, self.nodes.len(), Lang::En),
            ],
        )
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        Some(Box::new(output::list::json(&self.nodes, self.total)))
    }

    fn outcome(&self) -> Outcome {
        Outcome::found_if(!self.nodes.is_empty())
    }
}

/// `linkage show`: one node, its relations under `--paper`, and the disputes about it.
pub(crate) struct ShowReport<'g> {
    pub(super) graph: &'g ConceptGraph,
    pub(super) node: NodeIndex,
    pub(super) papers: PaperFilter,
    pub(super) with_quotes: bool,
    pub(super) lang: Lang,
}

impl Report for ShowReport<'_> {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let (graph, ix) = (self.graph, self.node);
        let keep = |paper: &str| self.papers.keeps(paper);
        let disputes = query::contested::contested_about(graph, &[ix]);
        let lang = self.lang;
        out.write_all(output::summary::show(graph, ix, &self.papers, &disputes, lang).as_bytes())?;
        out.write_all(output::show::human(graph, ix, self.with_quotes, &keep, lang).as_bytes())?;
        out.write_all(output::contested::pointer_in(graph, &disputes, &[ix], lang).as_bytes())
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        let keep = |paper: &str| self.papers.keeps(paper);
        Some(Box::new(output::show::json(self.graph, self.node, &keep)))
    }

    fn outcome(&self) -> Outcome {
        Outcome::Found
    }
}

/// `linkage search`: the nodes and quotes that hold a text.
pub(crate) struct SearchReport<'g> {
    pub(super) graph: &'g ConceptGraph,
    pub(super) text: String,
    pub(super) found: output::search::Found<'g>,
    pub(super) total: usize,
    pub(super) with_quotes: bool,
}

impl Report for SearchReport<'_> {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.found.is_empty() {
            return writeln!(out, "nothing matches \"{}\"", self.text);
        }
        pieces(
            out,
            &[
                &output::search::human(self.graph, &self.found, self.with_quotes),
                &left_out(
                    self.total,
                    self.found.nodes.len() + self.found.quotes.len(),
                    Lang::En,
                ),
            ],
        )
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        Some(Box::new(output::search::json(
            self.graph,
            &self.found,
            self.total,
        )))
    }

    fn outcome(&self) -> Outcome {
        Outcome::found_if(!self.found.is_empty())
    }
}

/// `linkage match`: the concepts a text may mean.
pub(crate) struct MatchReport<'g> {
    pub(super) graph: &'g ConceptGraph,
    pub(super) text: String,
    pub(super) answer: matching::Answer<'g>,
    pub(super) quotes: output::matching::Quotes,
}

impl Report for MatchReport<'_> {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let text = output::matching::human(self.graph, &self.text, &self.answer, self.quotes);
        out.write_all(text.as_bytes())
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        Some(Box::new(output::matching::json(
            self.graph,
            &self.text,
            &self.answer,
        )))
    }

    fn outcome(&self) -> Outcome {
        Outcome::found_if(!self.answer.matches.is_empty())
    }
}

/// `linkage papers`.
pub(crate) struct PapersReport<'g> {
    pub(super) graph: &'g ConceptGraph,
    pub(super) papers: PaperFilter,
}

impl Report for PapersReport<'_> {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let keep = |paper: &str| self.papers.keeps(paper);
        out.write_all(output::papers::human(self.graph, &keep).as_bytes())
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        let keep = |paper: &str| self.papers.keeps(paper);
        Some(Box::new(output::papers::json(self.graph, &keep)))
    }

    fn outcome(&self) -> Outcome {
        Outcome::Found
    }
}

/// `linkage diff A B`.
pub(crate) struct DiffReport<'g> {
    pub(super) graph: &'g ConceptGraph,
    pub(super) diff: Diff<'g>,
    pub(super) papers: PaperFilter,
    pub(super) with_quotes: bool,
    pub(super) lang: Lang,
}

impl Report for DiffReport<'_> {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let graph = self.graph;
        let pair = [self.diff.a, self.diff.b];
        let disputes = query::contested::contested_about(graph, &pair);
        out.write_all(
            output::summary::diff(graph, &self.diff, &self.papers, &disputes, self.lang).as_bytes(),
        )?;
        out.write_all(
            output::diff::human(graph, &self.diff, self.with_quotes, self.lang).as_bytes(),
        )?;
        out.write_all(output::contested::pointer_in(graph, &disputes, &pair, self.lang).as_bytes())
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        Some(Box::new(output::diff::json(self.graph, &self.diff)))
    }

    fn outcome(&self) -> Outcome {
        Outcome::found_if(!self.diff.is_empty())
    }
}

/// How `compare` prints its matrix without `--json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CompareTable {
    /// Aligned columns for a terminal.
    Terminal,
    /// `--csv`.
    Csv,
    /// `--csv --evidence-table`: one row per quote.
    EvidenceCsv,
}

/// `linkage compare`.
pub(crate) struct CompareReport<'g> {
    pub(super) graph: &'g ConceptGraph,
    pub(super) matrix: query::compare::Matrix<'g>,
    pub(super) table: CompareTable,
    pub(super) texts: Option<TextStore>,
    pub(super) lang: Lang,
}

impl Report for CompareReport<'_> {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let (graph, matrix) = (self.graph, &self.matrix);
        let text = match self.table {
            CompareTable::Terminal => output::compare::human(graph, matrix, self.lang),
            CompareTable::Csv => output::compare::csv(graph, matrix),
            CompareTable::EvidenceCsv => {
                output::compare::evidence_csv(graph, matrix, self.texts.as_ref())
            }
        };
        out.write_all(text.as_bytes())
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        Some(Box::new(output::compare::json(self.graph, &self.matrix)))
    }

    fn outcome(&self) -> Outcome {
        Outcome::found_if(!self.matrix.rows.is_empty())
    }
}

/// `linkage contested`: the disputes found within the work budget, the first
/// `--limit` of those shown listed.
pub(crate) struct ContestedReport<'g> {
    pub(super) graph: &'g ConceptGraph,
    /// What the budgeted search found (for its stop and counts).
    pub(super) found: Contested,
    /// The names asked about.
    pub(super) nodes: Vec<NodeIndex>,
    /// The disputes kept: the listed ones, and (without `--all`) the merely related
    /// ones the human form counts.
    pub(super) disputes: Vec<Dispute>,
    /// How many disputes would be shown without `--limit`.
    pub(super) total: usize,
    pub(super) most: usize,
    pub(super) all: bool,
    pub(super) detail: output::contested::Detail,
    pub(super) lang: Lang,
}

impl ContestedReport<'_> {
    fn shown(&self, dispute: &Dispute) -> bool {
        self.all || dispute.strength != query::contested::Strength::Related
    }
}

impl Report for ContestedReport<'_> {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let graph = self.graph;
        pieces(
            out,
            &[
                &output::contested::stopped_in(graph, &self.found, &self.nodes, self.lang),
                &output::contested::human(graph, &self.disputes, self.detail, self.all, self.lang),
                &left_out(self.total, self.total.min(self.most), self.lang),
            ],
        )
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        let listed: Vec<Dispute> = self
            .disputes
            .iter()
            .filter(|d| self.shown(d))
            .cloned()
            .collect();
        // The JSON borrows the listed disputes: serialised here, into a value it owns.
        let json = output::contested::json_within(self.graph, &listed, self.total, &self.found);
        Some(Box::new(
            serde_json::to_value(json).expect("result types serialise"),
        ))
    }

    fn outcome(&self) -> Outcome {
        Outcome::found_if(self.disputes.iter().any(|d| self.shown(d)))
    }
}

/// `linkage position P`.
pub(crate) struct PositionReport<'g> {
    pub(super) graph: &'g ConceptGraph,
    pub(super) position: Position,
    pub(super) brief: bool,
    pub(super) lang: Lang,
}

impl Report for PositionReport<'_> {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let text = output::position::human(self.graph, &self.position, self.brief, self.lang);
        out.write_all(text.as_bytes())
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        Some(Box::new(output::position::json(self.graph, &self.position)))
    }

    fn outcome(&self) -> Outcome {
        Outcome::found_if(!self.position.claims.is_empty())
    }
}

/// `linkage paper P`: the whole outline (the summary counts every claim), listed up to
/// `limit` claims.
pub(crate) struct PaperReport<'g> {
    pub(super) graph: &'g ConceptGraph,
    pub(super) outline: Outline<'g>,
    pub(super) limit: usize,
    pub(super) with_quotes: bool,
}

impl PaperReport<'_> {
    fn listed(&self) -> Outline<'_> {
        let mut listed = self.outline.clone();
        listed.keep_first(self.limit);
        listed
    }
}

impl Report for PaperReport<'_> {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let graph = self.graph;
        let disputes = query::disputes_within::contested_within(graph, &[], DISPUTE_WORK);
        let summary = output::summary::paper(graph, &self.outline, &disputes.disputes)
            + &output::contested::stopped(graph, &disputes, &[]);
        let listed = self.listed();
        pieces(
            out,
            &[
                &output::outline::stopped(&listed, graph.relation_count()),
                &summary,
                &output::outline::human(graph, &listed, self.with_quotes),
            ],
        )
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        let listed = self.listed();
        let json = output::outline::json(self.graph, &listed);
        Some(Box::new(
            serde_json::to_value(json).expect("result types serialise"),
        ))
    }

    fn outcome(&self) -> Outcome {
        Outcome::found_if(!self.outline.groups.is_empty())
    }
}

/// `linkage path FROM TO`.
pub(crate) struct PathReport<'g> {
    pub(super) graph: &'g ConceptGraph,
    pub(super) query: PathQuery,
    pub(super) result: PathResult,
    /// `--explain`, and with quotes.
    pub(super) explain: Option<bool>,
    pub(super) lang: Lang,
}

impl Report for PathReport<'_> {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let (graph, query, result) = (self.graph, &self.query, &self.result);
        let text = if result.is_empty() {
            output::path::nothing(graph, query, result, self.lang)
        } else if let Some(with_quotes) = self.explain {
            output::path::explain(graph, query, result, with_quotes, self.lang)
        } else {
            output::path::human(graph, query, result, self.lang)
        };
        out.write_all(text.as_bytes())
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        Some(Box::new(output::path::json(
            self.graph,
            &self.query,
            &self.result,
        )))
    }

    fn outcome(&self) -> Outcome {
        Outcome::found_if(!self.result.is_empty())
    }
}

/// `linkage neighbors`.
pub(crate) struct NeighborsReport<'g> {
    pub(super) walk: Walk<'g>,
    pub(super) ego: Ego,
}

impl Report for NeighborsReport<'_> {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(output::neighbors::human(&self.walk, &self.ego).as_bytes())
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        Some(Box::new(output::neighbors::json(&self.walk, &self.ego)))
    }

    fn outcome(&self) -> Outcome {
        Outcome::found_if(!self.ego.relations.is_empty())
    }
}

/// `linkage locate`: where a quote stands in the papers' texts.
pub(crate) struct LocateReport {
    pub(super) quote: String,
    pub(super) found: Vec<Located>,
}

impl Report for LocateReport {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(output::locate::human(&self.found).as_bytes())
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        Some(Box::new(
            serde_json::json!({ "quote": self.quote, "found": self.found }),
        ))
    }

    fn outcome(&self) -> Outcome {
        Outcome::found_if(self.found.first().is_some_and(|f| f.verbatim))
    }
}

/// `linkage add`: the claim appended, and where.
pub(crate) struct AddReport(pub(super) Added);

impl Report for AddReport {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(output::locate::added(&self.0).as_bytes())
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        let added = &self.0;
        Some(Box::new(serde_json::json!({
            "file": added.file.display().to_string(),
            "line": added.line,
            "relation": added.record,
            "new_nodes": added.new_nodes,
        })))
    }

    fn outcome(&self) -> Outcome {
        Outcome::Found
    }
}

/// `linkage import` of paper records: what changed in which file.
pub(crate) struct ReferencesReport(pub(super) Vec<RecordChange>);

impl Report for ReferencesReport {
    fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(output::locate::records(&self.0).as_bytes())
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        Some(Box::new(serde_json::json!({ "papers": self.0 })))
    }

    fn outcome(&self) -> Outcome {
        Outcome::found_if(!self.0.is_empty())
    }
}

/// `schema --kinds`: a short table of the kinds for people, the whole schema (styles
/// included) as JSON.
pub(crate) struct KindsReport {
    pub(crate) table: String,
    pub(crate) schema: serde_json::Value,
}

impl Report for KindsReport {
    fn human(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(self.table.as_bytes())
    }

    fn json(&self) -> Option<Box<dyn JsonForm + '_>> {
        Some(Box::new(&self.schema))
    }

    fn outcome(&self) -> Outcome {
        Outcome::Found
    }
}
