//! The same flags everywhere: every query command takes `--paper`, `--brief`/`--quotes`
//! and `--json` from one shared group (and `--limit` where it lists things).

use crate::common::run;

/// Every query command with arguments that find something in the built-in data, and
/// the JSON array whose length `--paper hao` must shrink.
const QUERIES: &[(&[&str], &str)] = &[
    (&["list"], "/nodes"),
    (&["show", "tpa"], "/relations"),
    (&["search", "poverty"], "/quotes"),
    (&["papers"], ""),
    (&["diff", "tpa", "rr"], "/common_ground"),
    (&["compare"], "/rows"),
    (&["contested"], "/disputes"),
    (&["path", "tpa", "rr", "--all", "--max-len", "3"], "/paths"),
    (&["neighbors", "tpa"], "/relations"),
    (&["locate", "poverty alleviation"], "/found"),
];

fn count(json: &str, pointer: &str) -> usize {
    let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    let list = if pointer.is_empty() {
        &value
    } else {
        value
            .pointer(pointer)
            .unwrap_or_else(|| panic!("{pointer} in {json:.300}"))
    };
    list.as_array().map_or(0, Vec::len)
}

#[test]
fn every_query_command_takes_paper_brief_json_and_is_narrowed() {
    for (args, pointer) in QUERIES {
        let (code, all, err) = run(&[args, &["--json"][..]].concat());
        assert_eq!(code, 0, "{args:?}: {err}");
        let narrowed: Vec<&str> = [args, &["--paper", "hao", "--brief", "--json"][..]].concat();
        let (code, hao, err) = run(&narrowed);
        assert_eq!(code, 0, "{narrowed:?} is accepted: {err}");
        let (before, after) = (count(&all, pointer), count(&hao, pointer));
        assert!(
            after > 0 && after < before,
            "{narrowed:?} narrows {pointer}: {after} of {before}"
        );
    }
}

#[test]
fn brief_drops_the_quotes_wherever_quotes_are_printed() {
    for args in [
        &["show", "tpa"][..],
        &["diff", "tpa", "rr"],
        &["paper", "hao"],
        &["search", "absolute poverty"],
        &["path", "tpa", "rr", "--explain"],
    ] {
        let (_, full, _) = run(args);
        let (code, brief, err) = run(&[args, &["--brief"][..]].concat());
        assert_eq!(code, 0, "{args:?} --brief: {err}");
        assert!(full.contains('“'), "{args:?} prints quotes");
        assert!(
            !brief.contains(": “"),
            "{args:?} --brief prints no quotes:\n{brief}"
        );
    }
}

#[test]
fn limit_cuts_lists_and_counts_the_rest() {
    for args in [
        &["list"][..],
        &["search", "poverty"],
        &["contested"],
        &["paper", "hao"],
    ] {
        let (code, out, err) = run(&[args, &["--limit", "2"][..]].concat());
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.contains("more (raise --limit"), "{args:?}:\n{out}");
    }
}

#[test]
fn via_takes_commas_in_dot_as_in_path() {
    let (code, commas, err) = run(&["dot", "--via", "serves,part-of"]);
    assert_eq!(code, 0, "{err}");
    let (_, spaces, _) = run(&["dot", "--via", "serves", "part-of"]);
    assert_eq!(commas, spaces);
}

/// Commands about linkage itself never load a dataset: a broken `--data` does not stop
/// them (the old dispatch answered them before loading through an `unreachable!` arm).
#[test]
fn commands_about_linkage_itself_load_no_data() {
    let missing = "/nonexistent/linkage-data";
    for args in [&["completions", "bash"][..], &["man"]] {
        let (code, out, err) = run(&[&["--data", missing][..], args].concat());
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(!out.is_empty(), "{args:?} prints");
    }
    let (code, _, err) = run(&["--data", missing, "papers"]);
    assert_eq!(code, 2, "a query loads the data and reports it: {err}");
    assert!(err.contains(missing), "{err}");
}

/// `--positions` only means something in a comparison. clap's `requires = "diff"` is
/// waived when `--focus` or `--path` (which conflict with `--diff`) is given, so the flag
/// was dropped without a word there; now every such drawing is refused, and nothing is
/// written.
#[test]
fn positions_without_a_comparison_are_refused_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("figure.svg");
    let file = file.to_str().unwrap();
    for args in [
        &["dot", "--positions", "--focus", "tpa"][..],
        &["dot", "--positions", "--path", "tpa", "rr"],
        &["dot", "--positions"],
        &["render", "--positions", "--focus", "tpa", "-o", file],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.contains("--positions") && err.contains("--diff"),
            "{args:?}: {err}"
        );
        assert!(out.is_empty(), "{args:?}: {out}");
    }
    assert!(!std::path::Path::new(file).exists());
    let (code, _, err) = run(&["dot", "--positions", "--diff", "tpa", "rr"]);
    assert_eq!(code, 0, "{err}");
}
