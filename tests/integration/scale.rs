//! Many queries per process: `linkage batch` and `linkage serve` answer with the same
//! JSON as each query's own `--json` run.

use serde_json::Value;

use crate::{
    common::{linkage, run},
    serve::{response, Server},
};

/// What `linkage ARGS --json` prints, parsed.
fn cli_json(args: &[&str]) -> Value {
    let (_, out, err) = run(&[args, &["--json"]].concat());
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}{err}"))
}

/// Runs `linkage batch` on `input`; returns (exit code, parsed output lines, stderr).
fn batch(input: &str) -> (i32, Vec<Value>, String) {
    let output = linkage()
        .arg("batch")
        .write_stdin(input)
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let lines = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    (
        output.status.code().unwrap_or(-1),
        lines,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn batch_answers_each_line_as_the_command_line_does_in_order() {
    let (code, lines, _) = batch(
        "path tpa rr\n\n# a comment\nshow tpa --brief\nlinkage diff tpa rr --json\n\
         neighbors rr --depth 2\n",
    );
    assert_eq!(code, 0);
    assert_eq!(
        lines,
        vec![
            cli_json(&["path", "tpa", "rr"]),
            cli_json(&["show", "tpa", "--brief"]),
            cli_json(&["diff", "tpa", "rr"]),
            cli_json(&["neighbors", "rr", "--depth", "2"]),
        ]
    );
}

#[test]
fn batch_reports_errors_as_json_lines_with_their_line_and_exits_with_the_worst_code() {
    let (code, lines, stderr) = batch(
        "path rr tpa --via premise-of\nfrobnicate\nshow nosuch\npath tpa 'rr\n\
         dot\n--data x papers\npapers\n",
    );
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(lines.len(), 7);
    // No route is an answer (exit code 1), not an error.
    assert_eq!(
        lines[0],
        cli_json(&["path", "rr", "tpa", "--via", "premise-of"])
    );
    assert_eq!(lines[0]["total"], 0);
    let error = |i: usize| {
        (
            lines[i]["error"].as_str().unwrap_or("").to_owned(),
            lines[i]["line"].clone(),
        )
    };
    assert_eq!(
        error(1),
        ("unrecognized subcommand 'frobnicate'".into(), 2.into())
    );
    assert!(
        error(2).0.starts_with("no node matches \"nosuch\""),
        "{:?}",
        error(2)
    );
    assert_eq!(error(2).1, 3);
    assert_eq!(
        error(3),
        ("unbalanced quotes: close every ' and \"".into(), 4.into())
    );
    assert!(
        error(4).0.starts_with("only queries that print JSON"),
        "{:?}",
        error(4)
    );
    assert!(
        error(5).0.starts_with("--data goes before"),
        "{:?}",
        error(5)
    );
    assert_eq!(error(5).1, 6);
    // An error does not stop the queries after it.
    assert_eq!(lines[6], cli_json(&["papers"]));
    assert!(stderr.contains("some queries failed"), "{stderr}");

    let (code, _, _) = batch("papers\npath rr tpa --via premise-of\n");
    assert_eq!(
        code, 1,
        "nothing found is worse than found, better than an error"
    );
}

#[test]
fn batch_answers_a_line_that_is_not_utf8_with_an_error_and_goes_on() {
    let output = linkage()
        .arg("batch")
        .write_stdin(b"show \xff\r\npapers\r\n".to_vec())
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0]["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("not UTF-8")),
        "{stdout}"
    );
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(
        lines[1],
        cli_json(&["papers"]),
        "a CRLF line is read as its words"
    );
}

#[test]
fn batch_reads_a_file_of_queries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("queries.txt");
    std::fs::write(
        &file,
        "path tpa rr --limit 1\nsearch \"targeted poverty\"\n",
    )
    .expect("write");
    let output = linkage()
        .args(["batch", file.to_str().expect("UTF-8 path")])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(
        lines,
        vec![
            cli_json(&["path", "tpa", "rr", "--limit", "1"]),
            cli_json(&["search", "targeted poverty"]),
        ]
    );
}

#[test]
fn serve_answers_get_and_post_with_the_json_of_the_command_line() {
    let server = Server::start();
    let url = &server.url;

    let get = |query: &str| response(ureq::get(&format!("{url}{query}")).call());
    assert_eq!(
        get("/path?from=tpa&to=rr"),
        (200, cli_json(&["path", "tpa", "rr"]))
    );
    assert_eq!(
        get("/path?to=rr&from=tpa&limit=1&via=transition-to"),
        (
            200,
            cli_json(&[
                "path",
                "tpa",
                "rr",
                "--limit",
                "1",
                "--via",
                "transition-to"
            ])
        )
    );
    assert_eq!(
        get("/show?name=tpa&brief=true"),
        (200, cli_json(&["show", "tpa", "--brief"]))
    );
    assert_eq!(
        get("/search?text=targeted%20poverty"),
        (200, cli_json(&["search", "targeted poverty"]))
    );
    // No route is still an answer; the exit code the command would have is a header.
    let none = ureq::get(&format!("{url}/path?from=rr&to=tpa&via=premise-of"))
        .call()
        .expect("200");
    assert_eq!(none.header("X-Linkage-Exit"), Some("1"));

    let post = |body: &str| response(ureq::post(&format!("{url}/")).send_string(body));
    assert_eq!(
        post("diff tpa rr --paper hao-2021"),
        (200, cli_json(&["diff", "tpa", "rr", "--paper", "hao-2021"]))
    );

    // Bad queries get 400 and the error the command line would print.
    let (status, body) = get("/show?name=nosuch");
    assert_eq!(status, 400);
    assert!(
        body["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("no node matches")),
        "{body}"
    );
    assert_eq!(get("/show?colour=red").0, 400);
    assert_eq!(get("/frobnicate").0, 400);
    assert_eq!(
        post("render -o /tmp/x.svg").0,
        400,
        "nothing is written through the server"
    );
    // Bounded request size.
    let (status, body) = post(&"show tpa ".repeat(4000));
    assert_eq!(status, 413, "{body}");
    let (status, _) = response(ureq::request("DELETE", &format!("{url}/path")).call());
    assert_eq!(status, 405);
}

/// A million relations are held at once, so a relation keeps no room it does not use:
/// one source read is one source's worth of memory (an in-place `collect` once kept
/// room for four: 200 MB more at a million relations).
#[test]
fn a_relation_with_one_source_holds_room_for_exactly_one() {
    let loaded = linkage::load(&linkage::DataSource::Embedded).expect("the built-in data loads");
    let single: Vec<_> = loaded
        .graph
        .relations()
        .filter(|(_, r)| r.sources.len() == 1)
        .collect();
    assert!(single.len() > 100);
    for (_, relation) in single {
        assert_eq!(relation.sources.capacity(), 1, "{relation:?}");
    }
}
