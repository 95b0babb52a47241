//! `linkage compare`: the agreement matrix as a table, JSON or CSV.

use std::{collections::HashMap, fmt::Write as _};

use serde::Serialize;

use super::{padding, styled, DETAIL, HEADING, PAPER};
use crate::{
    dot::{node_label, Lang},
    formats::evidence,
    graph::ConceptGraph,
    i18n::Messages,
    locate::TextIndex,
    logic::Verdict,
    query::{
        compare::{Matrix, MatrixRow},
        comparison::Stance,
    },
    text_store::TextStore,
};

const CELL: usize = 3;
const LABEL_WIDTH: usize = 44;
/// Marks a total that counts papers sharing passages of text.
const SHARED_MARK: &str = "*";
/// Marks a row whose topic other papers name the other way, as a framing.
const FRAMING_MARK: &str = "◇";
/// Marks a row whose topic other papers name the other way in the same stated scope.
const CONFLICT_MARK: &str = "✕";

fn both_ways_mark(row: &MatrixRow<'_>) -> &'static str {
    match row.both_ways {
        Some(Verdict::Conflict) => CONFLICT_MARK,
        Some(_) => FRAMING_MARK,
        None => "",
    }
}

fn several_pairs(matrix: &Matrix<'_>) -> bool {
    let unordered = |r: &MatrixRow<'_>| {
        let (a, b) = r.row.pair;
        (a.min(b), a.max(b))
    };
    let first = matrix.rows.first().map(unordered);
    matrix.rows.iter().any(|r| Some(unordered(r)) != first)
}

fn row_label(
    graph: &ConceptGraph,
    several_pairs: bool,
    row: &MatrixRow<'_>,
    words: Messages,
) -> String {
    let label = |ix| node_label(graph, ix, words.lang());
    let topic = label(row.row.topic);
    if several_pairs {
        let (a, b) = row.row.pair;
        format!("{}–{}{}{topic}", label(a), label(b), words.colon())
    } else {
        topic.to_string()
    }
}

/// The matrix as an 80-column table (display width) with a numbered paper key, its
/// words in `lang` and its rows named by their `label_zh` in Chinese.
pub fn human(graph: &ConceptGraph, matrix: &Matrix<'_>, lang: Lang) -> String {
    let words = Messages::of(lang);
    let several = several_pairs(matrix);
    let mut out = String::new();
    let mut header = String::new();
    for i in 1..=matrix.papers.len() {
        let _ = write!(header, "{i:>CELL$}");
    }
    let mut any_shared = false;
    for (stance, title) in [
        (Stance::CommonGround, words.common_ground()),
        (Stance::Difference, words.differences()),
    ] {
        let rows: Vec<&MatrixRow<'_>> = matrix
            .rows
            .iter()
            .filter(|r| r.row.stance == stance)
            .collect();
        let _ = writeln!(
            out,
            "{}{}{header}  {}{}",
            styled(HEADING, title),
            padding(title, LABEL_WIDTH + 2),
            // Right-aligned over the totals' five columns, as wide as "total".
            padding(words.total(), 5),
            words.total()
        );
        if rows.is_empty() {
            let _ = writeln!(out, "  {}", words.none_recorded());
        }
        for row in rows {
            let label = row_label(graph, several, row, words);
            let lines = textwrap::wrap(&label, LABEL_WIDTH);
            let mut cells = String::new();
            for &asserted in &row.asserted {
                let _ = write!(cells, "{:>CELL$}", if asserted { "●" } else { "·" });
            }
            let shared = !row.row.shared_text(graph).is_empty();
            any_shared |= shared;
            let total = format!(
                "{:>5}{}{}",
                row.total(),
                if shared { SHARED_MARK } else { "" },
                both_ways_mark(row)
            );
            for (i, line) in lines.iter().enumerate() {
                if i + 1 == lines.len() {
                    let _ = writeln!(
                        out,
                        "  {line}{}{cells}  {total}",
                        padding(line, LABEL_WIDTH)
                    );
                } else {
                    let _ = writeln!(out, "  {line}");
                }
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", styled(HEADING, words.papers_heading()));
    for (i, paper) in matrix.papers.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {:>2} = {} {}",
            i + 1,
            styled(PAPER, graph.cite(paper)),
            styled(DETAIL, format!("[{paper}]"))
        );
    }
    for (mark, meaning) in [
        (FRAMING_MARK, words.framing_mark_means()),
        (CONFLICT_MARK, words.conflict_mark_means()),
    ] {
        if matrix.rows.iter().any(|r| both_ways_mark(r) == mark) {
            out.push_str(&super::wrap_hanging(
                &format!("{mark} {meaning}"),
                "  ",
                "    ",
            ));
        }
    }
    if any_shared {
        let pairs = shared_pairs(graph, matrix).join("; ");
        let text = format!("{SHARED_MARK} {}", words.shared_total_means(&pairs));
        out.push_str(&super::wrap_hanging(&text, "  ", "    "));
    }
    out
}

/// The pairs of papers sharing text among the matrix's rows, as `A & B`.
fn shared_pairs(graph: &ConceptGraph, matrix: &Matrix<'_>) -> Vec<String> {
    let mut pairs: Vec<String> = Vec::new();
    for row in &matrix.rows {
        for (x, y) in row.row.shared_text(graph) {
            let pair = format!("{} & {}", graph.cite(x), graph.cite(y));
            if !pairs.contains(&pair) {
                pairs.push(pair);
            }
        }
    }
    pairs
}

/// The JSON shape of `compare` (docs/json.md).
#[derive(Debug, Serialize)]
pub struct MatrixJson<'g> {
    /// The columns' paper ids.
    pub papers: &'g [String],
    /// The rows.
    pub rows: Vec<MatrixRowJson<'g>>,
}

/// One row of the matrix.
#[derive(Debug, Serialize)]
pub struct MatrixRowJson<'g> {
    /// `common-ground` or `difference`.
    pub role: Stance,
    /// The pair's first node id.
    pub a: &'g str,
    /// The pair's second node id.
    pub b: &'g str,
    /// The aspect or dimension node id.
    pub topic: &'g str,
    /// Its label.
    pub label: &'g str,
    /// The papers asserting the row.
    pub papers: Vec<&'g str>,
    /// How many.
    pub total: usize,
    /// Pairs of those papers whose texts share passages.
    pub shared_text: Vec<[&'g str; 2]>,
    /// When other papers name the topic the other way: `framing` or `conflict`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub both_ways: Option<Verdict>,
}

/// The matrix as its JSON shape.
pub fn json<'g>(graph: &'g ConceptGraph, matrix: &'g Matrix<'g>) -> MatrixJson<'g> {
    MatrixJson {
        papers: &matrix.papers,
        rows: matrix
            .rows
            .iter()
            .map(|row| MatrixRowJson {
                role: row.row.stance,
                a: &graph.node(row.row.pair.0).id,
                b: &graph.node(row.row.pair.1).id,
                topic: &graph.node(row.row.topic).id,
                label: &graph.node(row.row.topic).label,
                papers: row.row.papers(),
                total: row.total(),
                shared_text: row
                    .row
                    .shared_text(graph)
                    .into_iter()
                    .map(|(x, y)| [x, y])
                    .collect(),
                both_ways: row.both_ways,
            })
            .collect(),
    }
}

/// The matrix as CSV for a paper's appendix: one row per aspect or dimension, one
/// 0/1 column per paper, and a total.
pub fn csv(graph: &ConceptGraph, matrix: &Matrix<'_>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "role".to_string(),
        "a".into(),
        "b".into(),
        "topic".into(),
        "label".into(),
    ];
    header.extend(matrix.papers.iter().cloned());
    header.push("total".into());
    header.push("shared_text".into());
    // Writing into a Vec cannot fail, and a record of strings always encodes.
    writer.write_record(&header).expect("writing to memory");
    for row in &matrix.rows {
        let mut record = vec![
            row.row.stance.name().to_string(),
            graph.node(row.row.pair.0).id.clone(),
            graph.node(row.row.pair.1).id.clone(),
            graph.node(row.row.topic).id.clone(),
            graph.node(row.row.topic).label.clone(),
        ];
        record.extend(
            row.asserted
                .iter()
                .map(|&a| if a { "1".to_string() } else { "0".to_string() }),
        );
        record.push(row.total().to_string());
        record.push(
            row.row
                .shared_text(graph)
                .iter()
                .map(|(x, y)| format!("{x}+{y}"))
                .collect::<Vec<_>>()
                .join(" "),
        );
        writer.write_record(&record).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("flushing memory"))
        .expect("CSV of UTF-8 fields is UTF-8")
}

/// The claims behind the matrix as the evidence table, with the columns of `export
/// --format evidence-csv` (so `linkage import` reads it back): one row per relation and
/// source of the papers shown, in the matrix's order. Line ranges and omitted locators
/// come from `texts` where a paper's text can be read there; else they are left empty.
pub fn evidence_csv(
    graph: &ConceptGraph,
    matrix: &Matrix<'_>,
    texts: Option<&TextStore>,
) -> String {
    let mut indexes: HashMap<&str, Option<TextIndex>> = HashMap::new();
    let mut rows = Vec::new();
    for row in &matrix.rows {
        for claim in &row.row.claims {
            for source in &claim.sources {
                let text = indexes
                    .entry(source.paper.as_str())
                    .or_insert_with(|| {
                        let paper = graph.paper(&source.paper)?;
                        let text = texts?.text(&paper.file).ok()?;
                        Some(TextIndex::new(&text))
                    })
                    .as_ref();
                rows.push(evidence::row(
                    graph,
                    claim.relation,
                    source,
                    evidence::source_locator(graph, text, source),
                    text.and_then(|t| t.locate(source.quote())),
                ));
            }
        }
    }
    evidence::to_csv(&rows)
}
