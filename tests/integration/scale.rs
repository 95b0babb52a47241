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

/// A dataset of `concepts` concepts, each driving the next `fan` ones: the odd steps by
/// paper `p`, the even ones by `q`, and the step to the very next concept by both. Each
/// concept then has two papers' overlapping, different lists of what it drives and of
/// what drives it (a dispute), and `p` makes more claims than a listing shows.
fn fan_dataset(concepts: usize, fan: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    let nodes: Vec<Value> = (0..concepts)
        .map(|i| serde_json::json!({"id": format!("c{i}"), "kind": "concept", "label": format!("Concept {i}")}))
        .collect();
    let mut relations = Vec::new();
    for from in 0..concepts {
        for step in 1..=fan {
            let to = (from + step) % concepts;
            let papers: &[&str] = match step {
                1 => &["p", "q"],
                s if s % 2 == 1 => &["p"],
                _ => &["q"],
            };
            let sources: Vec<Value> = papers
                .iter()
                .map(|p| serde_json::json!({"paper": p, "locator": "1", "quote": format!("c{from} drives c{to}")}))
                .collect();
            relations.push(serde_json::json!({"kind": "drives", "from": format!("c{from}"), "to": format!("c{to}"), "sources": sources}));
        }
    }
    let data = serde_json::json!({
        "papers": [{"id": "p", "file": "p.txt"}, {"id": "q", "file": "q.txt"}],
        "nodes": nodes,
        "relations": relations,
    });
    std::fs::write(dir.path().join("data.json"), data.to_string()).expect("writes");
    dir
}

/// `contested` and `paper` on more claims than one query may gather: each stops on its
/// budget and says what it counted, on the command line and in `batch` alike (and so
/// per request of `serve`, which answers through the same code).
#[test]
fn contested_and_paper_stop_on_their_budget_and_say_what_they_counted() {
    // 132,000 relations: 264,000 claims at their ends, over the 250,000 units `contested`
    // may gather; 66,000 claims by `p`, over the 10,000 `paper` lists.
    let dir = fan_dataset(600, 220);
    let data = dir.path().to_str().expect("UTF-8");
    let output = linkage()
        .args(["--data", data, "batch"])
        .write_stdin("contested --limit 3\npaper p --limit 5\n")
        .output()
        .expect("runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 2, "{stdout:.500}");

    let contested = &lines[0];
    assert_eq!(contested["stopped"]["reason"], "work", "{contested:.500}");
    let units = contested["stopped"]["units"].as_u64().expect("units");
    assert!(units <= 250_000, "{units}");
    let concepts = contested["concepts"].as_u64().expect("a count");
    assert_eq!(contested["of"], 600);
    assert!(concepts > 100 && concepts < 600, "{concepts}");
    // Every concept worked out has its disputes: two lists each (what it drives, what
    // drives it), a dispute on a later concept only as counted from its first ones.
    let total = contested["total"].as_u64().expect("a total");
    assert!(
        total >= 2 * concepts,
        "{total} disputes for {concepts} concepts"
    );
    assert_eq!(contested["truncated"], true);
    assert_eq!(contested["disputes"].as_array().map(Vec::len), Some(3));

    let paper = &lines[1];
    assert_eq!(
        paper["paper"]["claims"],
        600 * 110,
        "every claim is counted"
    );
    assert_eq!(paper["truncated"], true);
    let listed: usize = paper["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| g["claims"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(listed, 5);
    assert_eq!(paper["stopped"], Value::Null);

    let (code, out, err) = run(&["--data", data, "contested", "--limit", "1"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(&format!(
            "Disputes were worked out for the first {concepts} of the 600 concepts"
        )),
        "{out:.600}"
    );
}
