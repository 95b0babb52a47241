//! `linkage compare`: the agreement matrix as a table, JSON or CSV.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::{styled, DETAIL, HEADING, PAPER};
use crate::{
    graph::ConceptGraph,
    query::compare::{Matrix, Row},
    schema::Role,
};

const CELL: usize = 3;
const LABEL_WIDTH: usize = 44;

fn row_label(graph: &ConceptGraph, matrix: &Matrix, row: &Row) -> String {
    let dimension = &graph.node(row.dimension).label;
    let first = matrix
        .rows
        .first()
        .map(|r| (r.pair.0.min(r.pair.1), r.pair.0.max(r.pair.1)));
    let several_pairs = matrix
        .rows
        .iter()
        .any(|r| Some((r.pair.0.min(r.pair.1), r.pair.0.max(r.pair.1))) != first);
    if several_pairs {
        format!(
            "{}–{}: {dimension}",
            graph.node(row.pair.0).id,
            graph.node(row.pair.1).id
        )
    } else {
        dimension.clone()
    }
}

/// The matrix as an 80-column table with a numbered paper key.
pub fn human(graph: &ConceptGraph, matrix: &Matrix) -> String {
    let mut out = String::new();
    let mut header = String::new();
    for i in 1..=matrix.papers.len() {
        let _ = write!(header, "{i:>CELL$}");
    }
    for (role, title) in [
        (Role::CommonGround, "Common ground"),
        (Role::Difference, "Differences"),
    ] {
        let rows: Vec<&Row> = matrix.rows.iter().filter(|r| r.role == role).collect();
        let _ = writeln!(
            out,
            "{}{}{header}  total",
            styled(HEADING, title),
            " ".repeat(LABEL_WIDTH + 2 - title.len())
        );
        if rows.is_empty() {
            let _ = writeln!(out, "  none recorded");
        }
        for row in rows {
            let label = row_label(graph, matrix, row);
            let lines = textwrap::wrap(&label, LABEL_WIDTH);
            let mut cells = String::new();
            for &asserted in &row.asserted {
                let _ = write!(cells, "{:>CELL$}", if asserted { "●" } else { "·" });
            }
            for (i, line) in lines.iter().enumerate() {
                if i + 1 == lines.len() {
                    let pad = LABEL_WIDTH - line.chars().count();
                    let _ = writeln!(
                        out,
                        "  {line}{}{cells}  {:>5}",
                        " ".repeat(pad),
                        row.total()
                    );
                } else {
                    let _ = writeln!(out, "  {line}");
                }
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", styled(HEADING, "Papers"));
    for (i, paper) in matrix.papers.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {:>2} = {} {}",
            i + 1,
            styled(PAPER, graph.cite(paper)),
            styled(DETAIL, format!("[{paper}]"))
        );
    }
    out
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::CommonGround => "common-ground",
        Role::Difference => "difference",
        Role::Ordinary => "ordinary",
    }
}

/// The matrix as JSON (shape in docs/json.md).
pub fn json(graph: &ConceptGraph, matrix: &Matrix) -> Value {
    json!({
        "papers": matrix.papers,
        "rows": matrix.rows.iter().map(|row| json!({
            "role": role_name(row.role),
            "from": graph.node(row.pair.0).id,
            "to": graph.node(row.pair.1).id,
            "dimension": graph.node(row.dimension).id,
            "label": graph.node(row.dimension).label,
            "papers": matrix.papers.iter().zip(&row.asserted).filter(|(_, a)| **a).map(|(p, _)| p).collect::<Vec<_>>(),
            "total": row.total(),
        })).collect::<Vec<_>>(),
    })
}

/// The matrix as CSV for a paper's appendix: one row per aspect or dimension, one
/// 0/1 column per paper, and a total.
pub fn csv(graph: &ConceptGraph, matrix: &Matrix) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "role".to_string(),
        "from".into(),
        "to".into(),
        "dimension".into(),
        "label".into(),
    ];
    header.extend(matrix.papers.iter().cloned());
    header.push("total".into());
    writer.write_record(&header).expect("writing to memory");
    for row in &matrix.rows {
        let mut record = vec![
            role_name(row.role).to_string(),
            graph.node(row.pair.0).id.clone(),
            graph.node(row.pair.1).id.clone(),
            graph.node(row.dimension).id.clone(),
            graph.node(row.dimension).label.clone(),
        ];
        record.extend(
            row.asserted
                .iter()
                .map(|&a| if a { "1".to_string() } else { "0".to_string() }),
        );
        record.push(row.total().to_string());
        writer.write_record(&record).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("flushing memory"))
        .expect("CSV of UTF-8 fields is UTF-8")
}
