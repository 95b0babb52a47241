//! `linkage table`: the comparison as a journal's table (LaTeX, Markdown, DOCX), every
//! row's papers cited by the keys of `export --format bibtex`, disputed rows marked as
//! `contested` finds them; read back by pdflatex + BibTeX and by python-docx.

use std::{collections::BTreeSet, process::Command as Process};

use serde_json::Value;

use super::common::{linkage, run};

fn json(args: &[&str]) -> Value {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    serde_json::from_str(&stdout).expect("JSON")
}

/// The keys of `export --format bibtex`, by paper id.
fn bibtex_keys() -> Vec<String> {
    let (code, bib, stderr) = run(&["export", "--format", "bibtex"]);
    assert_eq!(code, 0, "{stderr}");
    bib.lines()
        .filter_map(|l| l.strip_prefix('@'))
        .map(|l| {
            l[l.find('{').expect("an entry") + 1..]
                .trim_end_matches(',')
                .to_string()
        })
        .collect()
}

/// (label, papers) of every row of `compare tpa rr`, in its order.
fn compared_rows() -> Vec<(String, Vec<String>)> {
    let matrix = json(&["compare", "tpa", "rr", "--json"]);
    matrix["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            let papers = r["papers"].as_array().expect("papers");
            (
                r["label"].as_str().expect("label").to_string(),
                papers
                    .iter()
                    .map(|p| p.as_str().expect("id").to_string())
                    .collect(),
            )
        })
        .collect()
}

/// The labels of the aspects and dimensions `contested` finds disputed between tpa and rr.
fn disputed_topics() -> BTreeSet<String> {
    let matrix = json(&["compare", "tpa", "rr", "--json"]);
    let label = |id: &str| {
        matrix["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .find(|r| r["topic"] == id)
            .map(|r| r["label"].as_str().expect("label").to_string())
    };
    json(&["contested", "tpa", "rr", "--json"])["disputes"]
        .as_array()
        .expect("disputes")
        .iter()
        .filter(|d| d["subject"].as_array().is_some_and(|s| s.len() == 2))
        .filter_map(|d| d["topic"].as_str().and_then(label))
        .collect()
}

/// The Markdown table's rows, each with the lines of its further wordings.
fn markdown_rows(markdown: &str) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = Vec::new();
    for line in markdown.lines().filter(|l| l.starts_with("| ")).skip(1) {
        let first = line[2..line[2..].find(" |").expect("a cell") + 2].to_string();
        if first.starts_with("***") {
            continue;
        }
        if first.is_empty() {
            rows.last_mut().expect("a row before").1.push_str(line);
        } else {
            rows.push((first, line.to_string()));
        }
    }
    rows
}

#[test]
fn every_row_cites_its_papers_by_the_bibtex_keys_and_disputed_rows_are_marked() {
    let keys = bibtex_keys();
    let (code, markdown, stderr) = run(&["table", "tpa", "rr", "--format", "markdown"]);
    assert_eq!(code, 0, "{stderr}");
    let rows = markdown_rows(&markdown);
    let compared = compared_rows();
    assert_eq!(rows.len(), compared.len(), "{markdown}");
    let disputed = disputed_topics();
    assert!(!disputed.is_empty(), "the shipped papers dispute some rows");
    for ((cell, line), (label, papers)) in rows.iter().zip(&compared) {
        let marked = cell.ends_with('†') || cell.ends_with('‡') || cell.ends_with('§');
        assert_eq!(cell.trim_end_matches(['†', '‡', '§']), label, "{line}");
        assert_eq!(marked, disputed.contains(label), "{label}: {line}");
        for paper in papers {
            assert!(keys.contains(paper), "{paper} is a BibTeX key");
            assert!(
                line.contains(&format!("@{paper}")),
                "{label} cites {paper}: {line}"
            );
        }
        let cited = line.matches('@').count();
        assert!(cited >= papers.len(), "{line}");
    }
    assert!(
        markdown.contains("\n† the papers frame this row differently"),
        "{markdown}"
    );

    let (code, latex, stderr) = run(&["table", "tpa", "rr"]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = latex.lines().collect();
    // Rows in compare's order: a label may stand twice (common ground and a difference).
    let mut from = 0;
    for (label, papers) in &compared {
        let start = from
            + lines[from..]
                .iter()
                .position(|l| l.starts_with(label.as_str()))
                .unwrap_or_else(|| panic!("{label} in {latex}"));
        from = start + 1;
        // The row's line, and the lines of its further wordings (first cell empty).
        let block: Vec<&str> = std::iter::once(lines[start])
            .chain(
                lines[start + 1..]
                    .iter()
                    .copied()
                    .take_while(|l| l.starts_with(" & ")),
            )
            .collect();
        for paper in papers {
            assert!(
                block
                    .iter()
                    .any(|l| l.contains("\\cite{") && l.contains(paper.as_str())),
                "{label} cites {paper}: {block:?}"
            );
        }
    }
    assert!(
        latex.contains("\\toprule") && latex.contains("\\bottomrule"),
        "{latex}"
    );
}

#[test]
fn the_chinese_table_has_chinese_labels_and_the_same_keys() {
    let (code, markdown, stderr) =
        run(&["table", "tpa", "rr", "--format", "markdown", "--lang", "zh"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        markdown.contains("| 方面／维度 | 精准扶贫 | 乡村振兴 | 文献 |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("***共同点***") && markdown.contains("***差异***"),
        "{markdown}"
    );
    assert!(
        markdown.contains("[@bnu-dean-2020; @organic-connection; @tan-liu-huang-2020]"),
        "{markdown}"
    );
}

#[test]
fn a_docx_table_needs_a_file_and_json_is_refused() {
    let (code, stdout, stderr) = run(&["table", "tpa", "rr", "--format", "docx"]);
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    assert!(stderr.contains("-o FILE.docx"), "{stderr}");
    let (code, _, stderr) = run(&["table", "tpa", "rr", "--json"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = run(&["table", "tpa", "second-centenary-goal"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("nothing to tabulate"), "{stderr}");
}

#[test]
#[ignore = "needs pdflatex with booktabs (texlive-latex-recommended): scripts/test-deps.sh"]
fn the_latex_table_compiles_and_bibtex_resolves_every_key() {
    compile_the_table(&[], "pdflatex", "");
}

/// The Chinese table set the way its first lines say (`XeLaTeX`, `xeCJK`, a Simplified
/// Chinese font), every key resolved, no character missing from the font, and the font
/// embedded in the PDF.
#[test]
#[ignore = "needs XeLaTeX with xeCJK (texlive-xetex, texlive-lang-chinese), Noto Sans CJK and pdffonts: scripts/test-deps.sh"]
fn the_chinese_latex_table_compiles_with_xelatex_in_the_simplified_chinese_font() {
    let dir = compile_the_table(
        &["--lang", "zh"],
        "xelatex",
        "\\usepackage{xeCJK}\n\\setCJKmainfont{Noto Sans CJK SC}\n\
         \\xeCJKDeclareCharClass{Default}{\"2018,\"2019,\"201C,\"201D}\n",
    );
    let fonts = Process::new("pdffonts")
        .arg(dir.path().join("doc.pdf"))
        .output()
        .expect("pdffonts runs (poppler-utils)");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    // xdvipdfmx names an embedded font by its CFF table, which the faces of Noto's
    // collection share (`NotoSansCJKjp`), whichever face was used; the face XeTeX
    // resolved is in the log.
    assert!(fonts.contains("NotoSansCJK"), "{fonts}");
    let log = std::fs::read_to_string(dir.path().join("doc.log")).expect("log");
    assert!(
        log.contains("Font family 'NotoSansCJKSC(0)' created"),
        "the Simplified Chinese face not resolved: {log}"
    );
    for line in fonts.lines().skip(2) {
        assert!(line.contains(" yes "), "a font not embedded: {line}");
    }
}

/// Writes `table tpa rr ARGS` and the BibTeX export into a new directory, sets them in
/// a document with `engine` (`preamble` after the packages the table's first line
/// names), runs BibTeX, and checks that every row's papers are cited and resolved and
/// that no character was missing from the font.
fn compile_the_table(args: &[&str], engine: &str, preamble: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let table: Vec<&str> = [&["table", "tpa", "rr"][..], args, &["-o"]].concat();
    for (args, file) in [
        (&table[..], "table.tex"),
        (&["export", "--format", "bibtex", "-o"][..], "papers.bib"),
    ] {
        linkage()
            .args(args)
            .arg(dir.path().join(file))
            .assert()
            .success();
    }
    std::fs::write(
        dir.path().join("doc.tex"),
        format!(
            "\\documentclass{{article}}\n\\usepackage{{booktabs,array,longtable}}\n{preamble}\\tracinglostchars=2\n\\begin{{document}}\n\
             \\input{{table.tex}}\n\\bibliographystyle{{plain}}\n\\bibliography{{papers}}\n\\end{{document}}\n"
        ),
    )
    .expect("written");
    let tool = |program: &str, args: &[&str]| {
        let out = Process::new(program)
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap_or_else(|e| panic!("{program} runs (scripts/test-deps.sh): {e}"));
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(out.status.success(), "{program}: {text}");
        text
    };
    let latex = ["-interaction=nonstopmode", "-halt-on-error", "doc.tex"];
    tool(engine, &latex);
    let bibtex = tool("bibtex", &["doc"]);
    assert!(
        !bibtex.contains("didn't find"),
        "a key BibTeX lacks: {bibtex}"
    );
    tool(engine, &latex);
    let log = tool(engine, &latex);
    assert!(!log.contains("undefined"), "{log}");
    let full_log = std::fs::read_to_string(dir.path().join("doc.log")).expect("log");
    assert!(
        !full_log.contains("Missing character"),
        "a character the font lacks: {full_log}"
    );
    let aux = std::fs::read_to_string(dir.path().join("doc.aux")).expect("aux");
    for (_, papers) in compared_rows() {
        for paper in papers {
            assert!(
                aux.contains(&format!("\\bibcite{{{paper}}}")),
                "{paper}: {aux}"
            );
        }
    }
    dir
}

#[test]
#[ignore = "needs pandoc and Python's python-docx: scripts/test-deps.sh"]
fn the_docx_table_opens_with_every_row_and_its_citations_resolved() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("table.docx");
    linkage()
        .args(["table", "tpa", "rr", "-o"])
        .arg(&file)
        .assert()
        .success()
        .stdout("");
    let script = "import docx, json, sys\n\
        d = docx.Document(sys.argv[1])\n\
        rows = [[c.text for c in r.cells] for r in d.tables[0].rows]\n\
        print(json.dumps({'rows': rows, 'text': [p.text for p in d.paragraphs]}))\n";
    let out = Process::new("python3")
        .args(["-c", script])
        .arg(&file)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rows: Vec<Vec<String>> = serde_json::from_value(read["rows"].clone()).expect("rows");
    let named: Vec<&Vec<String>> = rows.iter().skip(1).filter(|r| !r[0].is_empty()).collect();
    let compared = compared_rows();
    // The two section rows and one row per aspect or dimension.
    assert_eq!(named.len(), compared.len() + 2, "{rows:?}");
    let references = read["text"].to_string();
    for row in rows.iter().skip(1) {
        if row[1].is_empty() && row[2].is_empty() {
            continue;
        }
        let papers = &row[3];
        assert!(
            papers.starts_with('(') && !papers.contains('@'),
            "resolved: {row:?}"
        );
    }
    for name in ["Hao Yaqi", "Tan Mingjiao", "Wu Gaohui"] {
        assert!(
            references.contains(name),
            "{name} in the references: {references}"
        );
    }
}
