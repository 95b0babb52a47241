//! Promises ARCHITECTURE.md makes about where things live, held by reading the source:
//! each test fails when a second copy of a single place appears.

use std::path::{Path, PathBuf};

/// The modules of the command line (the `cli` feature): the only code that may print.
const COMMAND_LINE: &[&str] = &[
    "src/main.rs",
    "src/cli.rs",
    "src/run.rs",
    "src/batch.rs",
    "src/completion.rs",
    "src/emit.rs",
    "src/pager.rs",
    "src/commands/",
    "src/serve/",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` whose name ends in one of `endings`, as (path from the root,
/// text).
fn files(dir: &str, endings: &[&str]) -> Vec<(String, String)> {
    fn walk(dir: &Path, endings: &[&str], found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a source directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, endings, found);
            } else if endings.iter().any(|e| path.to_string_lossy().ends_with(e)) {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(&root().join(dir), endings, &mut found);
    found.sort();
    found
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("UTF-8 source");
            let name = path
                .strip_prefix(root())
                .expect("under the root")
                .to_string_lossy()
                .replace('\\', "/");
            (name, text)
        })
        .collect()
}

/// Lines of `files` that contain `needle` outside a comment line, as `path:line: text`.
fn code_lines_with(files: &[(String, String)], needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (name, text) in files {
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if needles.iter().any(|needle| code.contains(needle)) {
                found.push(format!("{name}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    found
}

/// The library never prints: it returns what it found, and the command line (or a
/// Python notebook, or a server) decides what the user sees.
#[test]
fn only_the_command_line_prints() {
    let library: Vec<(String, String)> = files("src", &[".rs"])
        .into_iter()
        .filter(|(name, _)| !COMMAND_LINE.iter().any(|cli| name.starts_with(cli)))
        .collect();
    assert!(library.len() > 50, "the library's files are read");
    let printing = code_lines_with(
        &library,
        &[
            "println!(",
            "print!(",
            "eprintln!(",
            "eprint!(",
            "io::stdout()",
            "io::stderr()",
            "dbg!(",
        ],
    );
    assert!(
        printing.is_empty(),
        "the library prints:\n{}",
        printing.join("\n")
    );
}

/// A graph is made in one place, `ConceptGraph::new`, which builds every index.
#[test]
fn a_graph_is_made_only_by_its_constructor() {
    let sources = files("src", &[".rs"]);
    let literals: Vec<String> = code_lines_with(&sources, &["ConceptGraph {"])
        .into_iter()
        // A struct literal, not a type named in a signature or an impl.
        .filter(|line| !line.contains("impl ") && !line.contains("struct ConceptGraph"))
        .filter(|line| !line.contains("-> "))
        .filter(|line| !line.starts_with("src/graph.rs:"))
        .collect();
    assert!(
        literals.is_empty(),
        "a ConceptGraph built outside ConceptGraph::new:\n{}",
        literals.join("\n")
    );
}

/// Comments and documents cite no issue numbers: the tracker is not in the
/// repository, so a reader could not follow them. Say what the issue said instead.
#[test]
fn nothing_cites_an_issue_number() {
    let mut everything = Vec::new();
    for (dir, endings) in [
        ("src", &[".rs"][..]),
        ("tests/integration", &[".rs"][..]),
        ("bench", &[".rs", ".md", ".sh", ".py"][..]),
        ("docs", &[".md"][..]),
        ("fuzz/checks", &[".rs"][..]),
        // The data's notes and its README, which a scholar reads with the data.
        ("data", &[".json", ".md"][..]),
    ] {
        everything.extend(files(dir, endings));
    }
    for file in ["README.md", "ARCHITECTURE.md", "fuzz/README.md"] {
        let text = std::fs::read_to_string(root().join(file)).expect("a document");
        everything.push((file.to_string(), text));
    }
    let mut cited = Vec::new();
    // This file names what it looks for.
    everything.retain(|(name, _)| name != "tests/integration/layers.rs");
    for (name, text) in &everything {
        for (n, line) in text.lines().enumerate() {
            if cites_an_issue(line) {
                cited.push(format!("{name}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        cited.is_empty(),
        "issue numbers cited:\n{}",
        cited.join("\n")
    );
}

/// Whether `line` says "issue 12", "issue #12", "issues 21" or "Issue 22".
fn cites_an_issue(line: &str) -> bool {
    let lower = line.to_lowercase();
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("issue") {
        let after = rest[at + 5..].trim_start_matches('s');
        let after = after.strip_prefix(' ').unwrap_or(after);
        let after = after.strip_prefix('#').unwrap_or(after);
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        rest = &rest[at + 5..];
    }
    false
}

#[test]
fn an_issue_number_is_told_from_the_word() {
    assert!(cites_an_issue("the profile (issue 12's)"));
    assert!(cites_an_issue("/// Issue 22: relations"));
    assert!(cites_an_issue("see issue #3"));
    assert!(!cites_an_issue("a known issue with 12 nodes"));
    assert!(!cites_an_issue("no issues here"));
}

/// Lines of `sources` outside the files `allowed` (paths from the root) holding one of
/// `needles` outside a comment line.
fn outside(sources: &[(String, String)], allowed: &[&str], needles: &[&str]) -> Vec<String> {
    let others: Vec<(String, String)> = sources
        .iter()
        .filter(|(name, _)| !allowed.contains(&name.as_str()))
        .cloned()
        .collect();
    code_lines_with(&others, needles)
}

/// DOT is written in one place, `dot/writer.rs` (graphviz-rust's structures, quoted
/// and escaped there), so a label is drawn the same by every command that draws.
#[test]
fn dot_is_written_only_by_the_writer() {
    let sources = files("src", &[".rs"]);
    let by_hand = outside(
        &sources,
        // render.rs prints the writer's graph for Graphviz.
        &["src/dot/writer.rs", "src/dot/render.rs"],
        &[
            "digraph",
            "[label=",
            "DotPrinter",
            "PrinterContext",
            "Stmt::",
        ],
    );
    assert!(
        by_hand.is_empty(),
        "DOT written outside dot/writer.rs:\n{}",
        by_hand.join("\n")
    );
    // Graphviz's structures travel between the writer, the views' builder and the
    // runner, never further.
    let structures = outside(
        &sources,
        &["src/dot/writer.rs", "src/dot/render.rs", "src/dot/build.rs"],
        &["dot_structures"],
    );
    assert!(
        structures.is_empty(),
        "Graphviz's DOT structures outside src/dot/:\n{}",
        structures.join("\n")
    );
}

/// Graphviz is run in one place, `dot/render.rs`, which says how to install it when it
/// is missing and shows the first lines of a failure.
#[test]
fn graphviz_is_run_only_by_the_renderer() {
    let sources = files("src", &[".rs"]);
    let runs = outside(
        &sources,
        &["src/dot/render.rs"],
        &[
            "graphviz_rust::exec",
            "exec_dot",
            "CommandArg",
            "Command::new(\"dot\")",
            "Command::new(\"sfdp\")",
            "Command::new(\"neato\")",
        ],
    );
    assert!(
        runs.is_empty(),
        "Graphviz run outside dot/render.rs:\n{}",
        runs.join("\n")
    );
}

/// Standard output is written by the one emitter (`emit.rs`), and by `batch` and
/// `serve`, which answer many queries a line or a response at a time: no command
/// writes behind them (`check` once wrote its report itself, which `batch` could not
/// see and `serve` sent to its log).
#[test]
fn only_the_emitter_writes_standard_output() {
    let sources = files("src", &[".rs"]);
    let writing = outside(
        &sources,
        &[
            "src/emit.rs",
            "src/batch.rs",
            "src/serve/mod.rs",
            "src/write.rs",
        ],
        &[
            "io::stdout()",
            "anstream::stdout()",
            "println!(",
            "print!(",
            "write_stdout(",
        ],
    );
    assert!(
        writing.is_empty(),
        "standard output written behind the emitter:\n{}",
        writing.join("\n")
    );
}

/// A relation is written, and an arrow drawn, in one place (`src/arrow.rs`): one
/// notation (`A --premise of--> B`, `<--`, `<-->`) in every command.
#[test]
fn relation_lines_and_arrows_are_built_only_by_the_arrow_module() {
    let sources = files("src", &[".rs"]);
    let by_hand = outside(
        &sources,
        &[
            "src/arrow.rs",
            // Other programs' syntax, not a reader's: DOT, Mermaid, XML comments, the
            // HTML comment above the Markdown evidence table.
            "src/dot/writer.rs",
            "src/formats/mermaid.rs",
            "src/import/xml.rs",
            "src/formats/evidence.rs",
            // rustc's pointer to a place (`  --> data/x.json:3:5`).
            "src/diagnostic.rs",
            // A value changed from one to another, not a relation.
            "src/output/locate.rs",
            // A kind's allowed endpoint kinds in an error message about the schema.
            "src/logic/check.rs",
            // Measurements' notes: the answer given for a phrase; a word's stem.
            "src/matching/evaluate.rs",
            "src/normalize/sought.rs",
            // The slide deck's buttons, in each language.
            "src/i18n/mod.rs",
        ],
        &["→", "←", "↔", "-->", "<--"],
    );
    assert!(
        by_hand.is_empty(),
        "a relation line or arrow built outside src/arrow.rs:\n{}",
        by_hand.join("\n")
    );
}
/// Which papers a query keeps is decided in one place, `paper_filter.rs`: `--paper`
/// resolved once into a `PaperFilter` (an unknown paper an error there), and the rule
/// "none named keeps every paper, else a source counts when its paper was named"
/// written nowhere else.
#[test]
fn papers_are_filtered_only_by_the_paper_filter() {
    let sources = files("src", &[".rs"]);
    assert!(sources
        .iter()
        .any(|(name, _)| name == "src/paper_filter.rs"));
    let mut copies = outside(
        &sources,
        &["src/paper_filter.rs"],
        &[
            ".sources_in(",
            ".papers_in(",
            ".asserted_by_any(",
            ".resolve_papers(",
        ],
    );
    for (name, text) in sources
        .iter()
        .filter(|(name, _)| name != "src/paper_filter.rs")
    {
        copies.extend(
            empty_means_every_paper(text)
                .into_iter()
                .map(|copy| format!("{name}: {copy}")),
        );
    }
    assert!(
        copies.is_empty(),
        "a paper filter outside src/paper_filter.rs (use PaperFilter):\n{}",
        copies.join("\n")
    );
}

/// The hand-written forms of the paper filter's rule in `text` (code lines joined, so a
/// rule rustfmt broke over lines is found too): `X.is_empty() || …` or
/// `X.is_none_or(…)` where `X` or what follows names a paper.
fn empty_means_every_paper(text: &str) -> Vec<String> {
    let code: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with("//"))
        .collect();
    let code = code.join(" ");
    let mut found = Vec::new();
    for rule in [".is_empty() ||", ".is_none_or("] {
        for (at, _) in code.match_indices(rule) {
            let before = &code[..at];
            let receiver = &before[before
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
                .map_or(0, |i| i + 1)..];
            let after: String = code[at + rule.len()..].chars().take(60).collect();
            // The rule's other side: up to the end of the clause.
            let after = after.split([';', '{']).next().unwrap_or_default();
            let after = after.split("&&").next().unwrap_or_default();
            let names_a_paper = |s: &str| {
                s.match_indices("paper").any(|(i, _)| {
                    !s[i + "paper".len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
                })
            };
            if receiver.contains("paper") || names_a_paper(after) {
                found.push(format!("{receiver}{rule}{after}"));
            }
        }
    }
    found
}

#[test]
fn a_hand_written_paper_filter_is_told() {
    for copy in [
        "papers.is_empty() || papers.iter().any(|p| *p == s.paper)",
        "self.0.is_empty()\n            || self.0.iter().any(|p| p == paper)",
        ".filter(|t| ids.is_empty() || ids.contains(&t.paper))",
        "only.as_ref().is_none_or(|only| only.iter().any(|p| p == paper))",
    ] {
        assert_eq!(empty_means_every_paper(copy).len(), 1, "{copy}");
    }
    for other in [
        "self.via.is_empty() || self.via.iter().any(|k| *k == relation.kind)) && self.papers.admits(relation)",
        "!self.highlighted_nodes.is_empty() || !self.highlighted_edges.is_empty()",
    ] {
        assert!(empty_means_every_paper(other).is_empty(), "{other}");
    }
}

/// Files are written in one place, `write.rs`, through a `Destination`: an output is
/// refused inside the data directory when the destination is made, so no command can
/// write a file without that check (or without being one of the few that exist to
/// write data, which say so by `Destination::data_file`).
#[test]
fn files_are_written_only_through_a_destination() {
    let mut sources = files("src", &[".rs"]);
    sources.extend(files("examples", &[".rs"]));
    // Unit tests make their fixtures as they like.
    for (_, text) in &mut sources {
        if let Some(at) = text.find("#[cfg(test)]\nmod tests") {
            text.truncate(at);
        }
    }
    let by_hand = outside(
        &sources,
        &["src/write.rs"],
        &[
            "write_atomically(",
            "refuse_data_dir(",
            "fs::write(",
            "File::create(",
            "tempfile::",
            ".persist(",
        ],
    );
    assert!(
        by_hand.is_empty(),
        "a file written outside write.rs's Destination:\n{}",
        by_hand.join("\n")
    );
}

/// A paper's text is read in one place, `text_store.rs`: one rule for where the texts
/// are (`--sources`, the dataset's `texts/`, the built-in texts) and one check that a
/// paper's `file` stays inside the directory.
#[test]
fn texts_are_read_only_by_the_text_store() {
    let sources = files("src", &[".rs"]);
    let readers = outside(
        &sources,
        // pdf/ turns a PDF's bytes into text for the store.
        &["src/text_store.rs", "src/pdf/mod.rs"],
        &["text_of_file(", "embedded::text(", "fn unsafe_text_name"],
    );
    assert!(
        readers.is_empty(),
        "a paper's text read outside src/text_store.rs:\n{}",
        readers.join("\n")
    );
    // `init` creates the directory (with the shipped texts, `--from-builtin`), and its
    // next step names it.
    let rules = outside(
        &sources,
        &[
            "src/text_store.rs",
            "src/author/init.rs",
            "src/author/init_builtin.rs",
            "src/commands/setup.rs",
        ],
        &["join(\"texts\")"],
    );
    assert!(
        rules.is_empty(),
        "where the texts are decided outside src/text_store.rs:\n{}",
        rules.join("\n")
    );
}

/// The most lines a source file of the crate may have (STYLE.md: one concept per file; a
/// file past this is more than one job).
const MAX_LINES: usize = 800;

/// No source file of the library, the binary, the examples or the benches is over
/// `MAX_LINES` lines.
#[test]
fn no_source_file_is_over_800_lines() {
    let long: Vec<String> = ["src", "examples", "bench"]
        .iter()
        .flat_map(|dir| files(dir, &[".rs"]))
        .filter_map(|(name, text)| {
            let lines = text.lines().count();
            (lines > MAX_LINES).then(|| format!("{name}: {lines} lines"))
        })
        .collect();
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}
