//! One emitter: every command's report reaches stdout through it, in one form. `batch`
//! and `serve` answer each query with exactly one JSON value (nothing written behind
//! them); `--json` is refused, before anything is written, by every command without a
//! JSON form, and `batch` refuses the same commands.

use std::path::Path;

use serde_json::Value;

use crate::{
    common::{linkage, run},
    serve::{response, Server},
};

/// A copy of the shipped dataset whose first paper's text is empty, so that `check`
/// finds none of that paper's quotes: a check that writes its report and then fails.
fn dataset_failing_check() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::create_dir(dir.path().join("texts")).expect("texts/");
    for entry in std::fs::read_dir(&data).expect("data/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copied");
        }
    }
    let mut texts: Vec<_> = std::fs::read_dir(data.join("texts"))
        .expect("data/texts")
        .map(|e| e.expect("entry").path())
        .collect();
    texts.sort();
    for (i, text) in texts.iter().enumerate() {
        let copy = dir
            .path()
            .join("texts")
            .join(text.file_name().expect("name"));
        if i == 0 {
            std::fs::write(copy, "").expect("emptied");
        } else {
            std::fs::copy(text, copy).expect("copied");
        }
    }
    dir
}

/// The reproduction of the bug: `check` wrote its report straight to stdout before
/// failing, so a batch of three queries printed 144 lines (the pretty report, then an
/// error line). Now each query is one JSON line; the failing check's line is its
/// report (`"valid": false`), and the batch exits 2.
#[test]
fn a_batch_with_a_failing_check_prints_one_json_line_per_query() {
    let data = dataset_failing_check();
    let output = linkage()
        .args(["--data", data.path().to_str().expect("UTF-8"), "batch"])
        .write_stdin("papers --brief\ncheck\nlist --limit 1\n")
        .output()
        .expect("runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(lines[0].is_array(), "papers: {}", lines[0]);
    assert_eq!(lines[1]["valid"], false, "check: {}", lines[1]);
    assert!(
        lines[1]["verified"]["missing_texts"].is_array()
            || lines[1]["verified"]["not_found"].is_array(),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2]["total"], 370, "list: {}", lines[2]);
    assert_eq!(output.status.code(), Some(2), "a failing check is an error");
}

/// Under `serve` the failing check's report reaches the client (it went to the
/// server's own stdout, and the client got only the error).
#[test]
fn serve_answers_a_failing_check_with_its_report() {
    let data = dataset_failing_check();
    let server = Server::with_args(&["--data", data.path().to_str().expect("UTF-8")]);
    let answer = ureq::get(&format!("{}/check", server.url)).call();
    let exit = match &answer {
        Ok(r) | Err(ureq::Error::Status(_, r)) => r.header("X-Linkage-Exit").map(str::to_owned),
        Err(e) => panic!("transport error: {e}"),
    };
    let (status, body) = response(answer);
    assert_eq!(body["valid"], false, "{status}: {body}");
    assert_eq!(exit.as_deref(), Some("2"));
}

/// The command lines without a JSON form, each with a file it would write.
fn without_json(dir: &Path) -> Vec<Vec<String>> {
    let out = |name: &str| dir.join(name).display().to_string();
    let csv = dir.join("claims.csv");
    std::fs::write(&csv, "from,relation,to,paper,quote\n").expect("claims sheet");
    let words = |line: &str| line.split(' ').map(str::to_owned).collect::<Vec<_>>();
    vec![
        words(&format!("export --format graphml -o {}", out("g.graphml"))),
        words(&format!("init {}", out("new"))),
        words(&format!("import {} --into more.json", csv.display())),
        words(&format!(
            "import {} -o {}",
            out("x.graphml"),
            out("imported")
        )),
        words("man"),
        words("completions bash"),
        words(&format!("dot --focus tpa -o {}", out("d.dot"))),
        words(&format!("render -o {}", out("r.svg"))),
        words(&format!("gallery {}", out("gallery"))),
        words(&format!("html -o {}", out("e.html"))),
        words(&format!("steps --paper hao-2021 -o {}", out("steps"))),
        words(&format!("handout --paper hao-2021 -o {}", out("h.md"))),
        words("quiz"),
        words(&format!("suggest hao-2021 -o {}", out("s.csv"))),
    ]
}

#[test]
fn json_is_refused_before_anything_is_written_by_every_command_without_a_json_form() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dataset_failing_check();
    for line in without_json(dir.path()) {
        let mut args = vec!["--data", data.path().to_str().expect("UTF-8"), "--json"];
        args.extend(line.iter().map(String::as_str));
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{line:?}: {out}{err}");
        assert!(out.is_empty(), "{line:?} printed: {out}");
        assert!(err.contains("--json is for queries"), "{line:?}: {err}");
        assert_eq!(err.lines().count(), 1, "one mistake, once: {err}");
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(left, ["claims.csv"], "nothing written");
}

/// `batch` answers exactly the commands whose `--json` is not refused, less those that
/// write into the dataset: the same decision.
#[test]
fn batch_refuses_the_commands_without_a_json_form() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input: String = without_json(dir.path())
        .iter()
        .map(|words| words.join(" ") + "\n")
        .collect();
    let output = linkage()
        .arg("batch")
        .write_stdin(input.clone())
        .output()
        .expect("runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(stdout.lines().count(), input.lines().count(), "{stdout}");
    for line in stdout.lines() {
        let answer: Value = serde_json::from_str(line).expect("JSON");
        assert!(
            answer["error"]
                .as_str()
                .is_some_and(|e| e.starts_with("only queries that print JSON")),
            "{answer}"
        );
    }
}

/// Every query's `--json` is one JSON value; its human form is not JSON.
#[test]
fn every_query_with_a_json_form_prints_one_json_value() {
    for line in [
        "check",
        "check --unreviewed",
        "list --limit 2",
        "show tpa --brief",
        "search poverty --limit 2",
        "match poverty",
        "papers",
        "schema --kinds",
        "diff tpa rr",
        "compare tpa rr",
        "contested --limit 1",
        "paper hao-2021 --limit 2",
        "position hao-2021",
        "path tpa rr --limit 1",
        "neighbors tpa",
        "locate poverty",
    ] {
        let mut args: Vec<&str> = line.split(' ').collect();
        args.push("--json");
        let (code, out, err) = run(&args);
        assert!(code == 0 || code == 1, "{line}: {code} {err}");
        serde_json::from_str::<Value>(&out).unwrap_or_else(|e| panic!("{line}: {e}\n{out}"));
    }
}

/// A reader that stops reading early (`| head`) ends the output quietly: no panic, no
/// error, for the human form and the JSON alike.
#[test]
fn a_closed_pipe_is_not_an_error() {
    for json in [false, true] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("linkage"))
            .args(["list"])
            .args(json.then_some("--json"))
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs");
        // Close the read end at once.
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("ends");
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(err.is_empty(), "json {json}: {err}");
        assert_eq!(output.status.code(), Some(0), "json {json}: {err}");
    }
}

/// An export to standard output is written by the emitter as it is made (GraphML a
/// node or an edge at a time); to a file it is written whole. Both are the same bytes,
/// for every single-file format.
#[test]
fn an_export_streamed_to_stdout_is_the_file_it_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    for format in [
        "json",
        "graphml",
        "mermaid",
        "cypher",
        "turtle",
        "jsonld",
        "csl-json",
        "bibtex",
        "evidence-csv",
        "evidence-md",
    ] {
        let file = dir.path().join(format);
        let (code, streamed, err) = run(&["export", "--format", format, "--focus", "tpa"]);
        assert_eq!(code, 0, "{format}: {err}");
        let (code, _, err) = run(&[
            "export",
            "--format",
            format,
            "--focus",
            "tpa",
            "-o",
            file.to_str().expect("UTF-8"),
        ]);
        assert_eq!(code, 0, "{format}: {err}");
        let written = std::fs::read_to_string(&file).expect("written");
        assert!(!streamed.is_empty(), "{format}");
        assert_eq!(streamed, written, "{format}");
    }
}
