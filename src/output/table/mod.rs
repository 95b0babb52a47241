//! The comparison of two concepts as a table a journal typesets (`linkage table`):
//! one row per aspect of common ground, then one per dimension of difference with
//! each side's position in the papers' words, the papers behind each row as the cite
//! keys of `export --format bibtex`, and the rows the papers dispute marked.
//!
//! The rows are the comparison model's ([`crate::query::compare`]), in its order
//! (common ground first, most agreed first); the marks are the disputes model's
//! verdicts ([`crate::query::contested::contested_about`]), never a second judgement.
//! [`latex`] and [`markdown`] print the table; [`docx`] hands the Markdown to pandoc.

pub mod docx;
pub mod latex;
pub mod markdown;

use petgraph::graph::NodeIndex;

use crate::{
    dot::{node_label, Lang},
    formats::citations::bibtex_key,
    graph::ConceptGraph,
    paper_filter::PaperFilter,
    query::{
        compare::compare,
        comparison::Stance,
        contested::{contested_about, Strength},
    },
};

/// The comparison of one pair, row by row.
#[derive(Debug)]
pub struct JournalTable {
    /// The two concepts' labels, in the table's language: the column headings.
    pub sides: (String, String),
    /// Common-ground rows, then difference rows.
    pub rows: Vec<TableRow>,
    /// The papers asserting some row, in data order: (cite key, short citation).
    pub papers: Vec<(String, String)>,
    /// The words of the table's headings and notes.
    pub words: &'static Words,
}

/// One aspect or dimension.
#[derive(Debug)]
pub struct TableRow {
    /// Common ground or difference.
    pub stance: Stance,
    /// The aspect's or dimension's label.
    pub topic: String,
    /// For a difference: each wording of the two positions (first side's, second
    /// side's) with the cite keys of the papers giving it; empty for common ground.
    pub positions: Vec<(String, String, Vec<String>)>,
    /// The cite keys of every paper asserting the row, in order of first appearance.
    pub keys: Vec<String>,
    /// The strongest dispute among the papers about this row, if any.
    pub dispute: Option<Strength>,
}

/// The words a table is printed with, in one language.
#[derive(Debug)]
pub struct Words {
    /// Heading of the first column.
    pub topic: &'static str,
    /// Heading of the papers column.
    pub papers: &'static str,
    /// The common-ground section.
    pub common_ground: &'static str,
    /// The differences section.
    pub differences: &'static str,
    /// What a common-ground row says in the two sides' columns.
    pub shared: &'static str,
    /// The note under a table with disputed rows: mark and meaning per strength.
    pub disputes: [(Strength, &'static str, &'static str); 3],
    /// What the caption says after "{a} and {b}: ".
    pub caption: &'static str,
    /// The word joining the two sides in the caption.
    pub and: &'static str,
    /// What follows the two sides in the caption.
    pub colon: &'static str,
    /// What a figure's dot means.
    pub dot: &'static str,
    /// What a figure's difference row says without the positions.
    pub differ: &'static str,
    /// Whether the words are Chinese (LaTeX then needs `XeLaTeX` with `xeCJK`).
    pub cjk: bool,
}

/// English words.
pub static ENGLISH: Words = Words {
    topic: "Aspect / dimension",
    papers: "Papers",
    common_ground: "Common ground",
    differences: "Differences",
    shared: "shared by both",
    disputes: [
        (
            Strength::Contradiction,
            "§",
            "the papers contradict each other on this row (a contradiction)",
        ),
        (
            Strength::Tension,
            "‡",
            "the papers' claims on this row pull against each other (a tension)",
        ),
        (
            Strength::Framing,
            "†",
            "the papers frame this row differently; both can hold (a framing)",
        ),
    ],
    caption: "common ground and differences, with the papers asserting each",
    and: " and ",
    dot: "● the paper asserts the row",
    differ: "differ",
    colon: ": ",
    cjk: false,
};

/// Chinese words.
pub static CHINESE: Words = Words {
    topic: "方面／维度",
    papers: "文献",
    common_ground: "共同点",
    differences: "差异",
    shared: "二者共有",
    disputes: [
        (Strength::Contradiction, "§", "各文献在此相互矛盾"),
        (Strength::Tension, "‡", "各文献在此的论断相互牵制（张力）"),
        (Strength::Framing, "†", "各文献对此表述角度不同，可同时成立"),
    ],
    caption: "共同点与差异，及提出各项的文献",
    and: "与",
    dot: "● 该文献提出此项",
    differ: "不同",
    colon: "：",
    cjk: true,
};

impl Words {
    /// The words of `lang`.
    pub fn of(lang: Lang) -> &'static Self {
        match lang {
            Lang::En => &ENGLISH,
            Lang::Zh => &CHINESE,
        }
    }

    /// The mark of a dispute of `strength` (empty for pairs merely related).
    pub fn mark(&self, strength: Option<Strength>) -> &'static str {
        self.disputes
            .iter()
            .find(|(s, _, _)| Some(*s) == strength)
            .map_or("", |(_, mark, _)| mark)
    }
}

impl JournalTable {
    /// The comparison of `a` and `b` as asserted by the papers `papers` keeps,
    /// labelled in `lang`.
    pub fn new(
        graph: &ConceptGraph,
        (a, b): (NodeIndex, NodeIndex),
        papers: &PaperFilter,
        lang: Lang,
    ) -> Self {
        let disputes = contested_about(graph, &[a, b]);
        let dispute_on = |topic: NodeIndex| -> Option<Strength> {
            disputes
                .iter()
                .filter(|d| {
                    d.topic == Some(topic) && d.subject.contains(&a) && d.subject.contains(&b)
                })
                .filter(|d| {
                    // Only the papers shown: a dispute some of whose sides no shown
                    // paper holds is not a dispute of this table.
                    papers.keeps_every_paper()
                        || d.sides
                            .iter()
                            .filter(|s| s.papers.iter().any(|p| papers.keeps(p)))
                            .count()
                            > 1
                })
                .map(|d| d.strength)
                .filter(|s| *s != Strength::Related)
                .min()
        };
        let keys = |ids: Vec<&str>| -> Vec<String> { ids.into_iter().map(bibtex_key).collect() };
        let matrix = compare(graph, Some((a, b)), papers);
        let rows: Vec<TableRow> = matrix
            .rows
            .iter()
            .map(|row| TableRow {
                stance: row.row.stance,
                topic: node_label(graph, row.row.topic, lang).to_string(),
                positions: row
                    .row
                    .wordings()
                    .iter()
                    .filter_map(|w| {
                        let (x, y) = w.positions?;
                        Some((x.to_string(), y.to_string(), keys(w.papers())))
                    })
                    .collect(),
                keys: keys(row.row.papers()),
                dispute: dispute_on(row.row.topic),
            })
            .collect();
        let papers = matrix
            .papers
            .iter()
            .filter(|p| {
                rows.iter()
                    .any(|r: &TableRow| r.keys.contains(&bibtex_key(p)))
            })
            .map(|p| (bibtex_key(p), graph.cite(p).to_string()))
            .collect();
        Self {
            papers,
            sides: (
                node_label(graph, a, lang).to_string(),
                node_label(graph, b, lang).to_string(),
            ),
            rows,
            words: Words::of(lang),
        }
    }

    /// Keeps the rows at least `min_papers` papers assert (and the papers they cite).
    pub fn keep_asserted_by(&mut self, min_papers: usize) {
        self.rows.retain(|r| r.keys.len() >= min_papers);
        let rows = &self.rows;
        self.papers
            .retain(|(key, _)| rows.iter().any(|r| r.keys.contains(key)));
    }

    /// The rows of one stance, in order.
    pub fn rows_of(&self, stance: Stance) -> impl Iterator<Item = &TableRow> {
        self.rows.iter().filter(move |r| r.stance == stance)
    }

    /// The table's sections as every text format sets them: common ground, then
    /// differences, each with its title in the table's language; a stance without rows
    /// is left out.
    pub fn sections(&self) -> Vec<(&'static str, Vec<&TableRow>)> {
        [
            (Stance::CommonGround, self.words.common_ground),
            (Stance::Difference, self.words.differences),
        ]
        .into_iter()
        .map(|(stance, title)| (title, self.rows_of(stance).collect::<Vec<_>>()))
        .filter(|(_, rows)| !rows.is_empty())
        .collect()
    }

    /// The dispute notes the table needs: (mark, meaning) for each strength marked.
    pub fn notes(&self) -> Vec<(&'static str, &'static str)> {
        self.words
            .disputes
            .iter()
            .filter(|(s, _, _)| self.rows.iter().any(|r| r.dispute == Some(*s)))
            .map(|(_, mark, meaning)| (*mark, *meaning))
            .collect()
    }

    /// The caption: the two sides and what the table shows.
    pub fn caption(&self) -> String {
        let (a, b) = &self.sides;
        let w = self.words;
        format!("{a}{}{b}{}{}", w.and, w.colon, w.caption)
    }
}
