//! The table as LaTeX: a booktabs `longtable` (rules `\toprule`, `\midrule`,
//! `\bottomrule`, no vertical lines, as journals' style guides ask), its papers cited
//! with `\cite{key}` by the keys of `export --format bibtex`. A longtable, not a
//! `table` float: the comparison of the shipped papers runs to two pages, and a float
//! cannot break.

use std::fmt::Write as _;

use super::{JournalTable, TableRow};
use crate::{formats::citations::latex as escape, query::comparison::Stance};

/// Share of the text width (the columns' gaps aside) of each column, in percent:
/// aspect, first side, second side, papers.
const COLUMNS: [u32; 4] = [20, 31, 31, 18];

/// The table as a LaTeX `longtable`; `label` becomes its `\label{tab:...}`.
///
/// It needs `\usepackage{booktabs,array,longtable}` (and, for Chinese labels, `XeLaTeX`
/// with `xeCJK`); its first comment says so. The columns are fractions of
/// `\linewidth`; longtable does not work in two-column mode, so a two-column paper
/// sets it in `\onecolumn` pages or cuts it with `--paper`.
pub fn latex(table: &JournalTable, label: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "% Written by linkage. Needs \\usepackage{{booktabs,array,longtable}} and a bibliography with the keys\n\
         % of `linkage export --format bibtex`{}.",
        if table.words.cjk {
            ";\n% Chinese text needs XeLaTeX with \\usepackage{xeCJK} and a Simplified Chinese font,\n\
             % for one \\setCJKmainfont{Noto Sans CJK SC}; with\n\
             % \\xeCJKDeclareCharClass{Default}{\"2018,\"2019,\"201C,\"201D} the papers' English\n\
             % quotation marks stay Western (xeCJK sets them full width)"
        } else {
            ""
        }
    );
    // longtable sets its caption 4 in wide whatever the column: wider than one
    // column of a two-column page, so the caption would run off it.
    out.push_str("\\begingroup\n\\small\n\\setlength{\\LTcapwidth}{\\linewidth}\n");
    let columns: Vec<String> = COLUMNS
        .iter()
        .map(|share| {
            format!(
                ">{{\\raggedright\\arraybackslash}}p{{\\dimexpr(\\linewidth-6\\tabcolsep)*{share}/100\\relax}}"
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "\\begin{{longtable}}{{@{{}}{}@{{}}}}",
        columns.join("")
    );
    let _ = writeln!(
        out,
        "\\caption{{{}}}\\label{{tab:{label}}}\\\\",
        escape(&table.caption())
    );
    let (a, b) = &table.sides;
    let words = table.words;
    let header = format!(
        "{} & {} & {} & {} \\\\",
        escape(words.topic),
        escape(a),
        escape(b),
        escape(words.papers)
    );
    // The header again on every page the table runs onto; the rule closes each page.
    let _ = writeln!(out, "\\toprule\n{header}\n\\midrule\n\\endfirsthead");
    let _ = writeln!(out, "\\toprule\n{header}\n\\midrule\n\\endhead");
    out.push_str("\\bottomrule\n\\endfoot\n");
    let mut first = true;
    for (title, rows) in table.sections() {
        if !first {
            out.push_str("\\addlinespace\n");
        }
        first = false;
        let _ = writeln!(
            out,
            "\\multicolumn{{4}}{{@{{}}l}}{{{}{{{}}}}} \\\\",
            emphasis(table),
            escape(title)
        );
        for row in rows {
            row_lines(table, row, &mut out);
        }
    }
    out.push_str("\\end{longtable}\n");
    let notes = table.notes();
    if !notes.is_empty() {
        out.push_str("{\\footnotesize\\raggedright\n");
        for (mark, meaning) in notes {
            let _ = writeln!(
                out,
                "\\textsuperscript{{{}}}~{}\\par",
                mark_command(mark),
                escape(meaning)
            );
        }
        out.push_str("}\n");
    }
    out.push_str("\\endgroup\n");
    out
}

/// How a section's title and "shared by both" are set off: italic in English; bold in
/// Chinese, which has no italic (a CJK font has no slanted shape, and `XeLaTeX` would
/// substitute the upright one with a warning).
fn emphasis(table: &JournalTable) -> &'static str {
    if table.words.cjk {
        "\\textbf"
    } else {
        "\\textit"
    }
}

/// One aspect (one line) or dimension (one line per wording of the positions).
fn row_lines(table: &JournalTable, row: &TableRow, out: &mut String) {
    let mark = table.words.mark(row.dispute);
    let topic = if mark.is_empty() {
        escape(&row.topic)
    } else {
        format!(
            "{}\\textsuperscript{{{}}}",
            escape(&row.topic),
            mark_command(mark)
        )
    };
    if row.positions.is_empty() {
        let _ = writeln!(
            out,
            "{topic} & \\multicolumn{{2}}{{l}}{{{}{{{}}}}} & {} \\\\",
            emphasis(table),
            escape(table.words.shared),
            cite(&row.keys)
        );
        return;
    }
    if row.stance == Stance::Difference {
        out.push_str("\\addlinespace[2pt]\n");
    }
    for (i, (x, y, keys)) in row.positions.iter().enumerate() {
        let first = if i == 0 { topic.as_str() } else { "" };
        let _ = writeln!(
            out,
            "{first} & {} & {} & {} \\\\",
            escape(x),
            escape(y),
            cite(keys)
        );
    }
}

/// `\cite{a,b}`.
fn cite(keys: &[String]) -> String {
    format!("\\cite{{{}}}", keys.join(","))
}

/// The LaTeX command that prints a dispute mark in any font encoding.
fn mark_command(mark: &str) -> &'static str {
    match mark {
        "†" => "\\dag",
        "‡" => "\\ddag",
        _ => "\\S",
    }
}
