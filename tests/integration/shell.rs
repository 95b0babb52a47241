//! Meeting users in their shell: completions that know the dataset, a man page, and a
//! pager for long output in a terminal only.

use std::process::Command;

use crate::common::run;

fn binary() -> String {
    assert_cmd::cargo::cargo_bin("linkage")
        .display()
        .to_string()
}

/// What the completion engine offers for `words`, the last of which is being typed.
fn candidates(words: &[&str]) -> Vec<String> {
    let output = Command::new(binary())
        .env("LINKAGE_COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completions_load_and_register_linkage() {
    let output = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source <(\"{}\" completions bash) && complete -p linkage",
            binary()
        ))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let registered = String::from_utf8_lossy(&output.stdout);
    assert!(
        registered.contains("-F _clap_complete_linkage linkage"),
        "{registered}"
    );
    for shell in ["zsh", "fish", "powershell"] {
        let (code, out, err) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(out.contains("LINKAGE_COMPLETE"), "{shell}: {out}");
    }
}

/// The program a completion script calls back is this binary, or the one
/// `LINKAGE_PROGRAM` names (Python's console script, whose executable is the
/// interpreter, names itself).
#[test]
fn the_completion_script_calls_back_the_named_program() {
    let own = Command::new(binary())
        .args(["completions", "bash"])
        .output()
        .unwrap();
    let own = String::from_utf8_lossy(&own.stdout);
    assert!(own.contains(&format!("\"{}\" -- ", binary())), "{own}");
    let named = Command::new(binary())
        .env("LINKAGE_PROGRAM", "/opt/venv/bin/linkage")
        .args(["completions", "bash"])
        .output()
        .unwrap();
    let named = String::from_utf8_lossy(&named.stdout);
    assert!(named.contains("\"/opt/venv/bin/linkage\" -- "), "{named}");
}

#[test]
fn completions_offer_node_ids_papers_and_kinds_of_the_dataset() {
    let nodes = candidates(&["linkage", "show", "tpa-s"]);
    assert_eq!(nodes, vec!["tpa-strategic-goal".to_string()]);
    let papers = candidates(&["linkage", "diff", "tpa", "rr", "--paper", "h"]);
    assert_eq!(papers, vec!["hao-2021".to_string()]);
    let kinds = candidates(&["linkage", "list", "--kind", "dim"]);
    assert_eq!(kinds, vec!["dimension".to_string()]);
    let commands = candidates(&["linkage", "contes"]);
    assert_eq!(commands, vec!["contested".to_string()]);
    // --data points completion at another dataset.
    let data = crate::common::fixture("good");
    let theirs = candidates(&["linkage", "--data", data.to_str().unwrap(), "show", ""]);
    assert!(
        !theirs.is_empty() && !theirs.contains(&"tpa".to_string()),
        "{theirs:?}"
    );
}

#[test]
fn the_man_page_lists_every_command() {
    let (code, page, err) = run(&["man"]);
    assert_eq!(code, 0, "{err}");
    assert!(page.contains(".TH linkage 1"), "{page}");
    for command in ["diff", "path", "contested", "render", "completions"] {
        assert!(
            page.contains(command),
            "{command} missing from the man page"
        );
    }
}

/// Runs `linkage ARGS` under a pseudo-terminal (util-linux `script`) with a pager that
/// marks every line it shows.
fn in_terminal(args: &str, extra_env: &str) -> String {
    let output = Command::new("script")
        .args(["-qec"])
        .arg(format!(
            "LINKAGE_PAGER='sed s/^/PAGED:/' NO_COLOR=1 {extra_env} '{}' {args}",
            binary()
        ))
        .arg("/dev/null")
        .output()
        .expect("util-linux `script` runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn long_output_is_paged_in_a_terminal_and_never_through_a_pipe() {
    let paged = in_terminal("show tpa", "");
    assert!(
        paged.lines().take(3).all(|l| l.starts_with("PAGED:")),
        "{paged}"
    );
    assert!(
        !paged.contains('\u{1b}'),
        "colour reached the pager under NO_COLOR"
    );
    let unpaged = in_terminal("show tpa --no-pager", "");
    assert!(!unpaged.contains("PAGED:"), "{unpaged}");
    let off = in_terminal("show tpa", "PAGER=less LINKAGE_PAGER=0");
    assert!(!off.contains("PAGED:"));
    let piped = Command::new(binary())
        .args(["show", "tpa"])
        .env("LINKAGE_PAGER", "sed s/^/PAGED:/")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&piped.stdout).contains("PAGED:"));
}

/// Completion loads a `--data` directory as the command would, through the cache: a TAB
/// at a million relations no longer parses all the JSON each time. The cache file the
/// first TAB writes is the sign.
#[test]
fn completion_loads_through_the_cache_unless_told_not_to() {
    let data = crate::common::fixture("good");
    let complete = |cache: &std::path::Path, extra: &[&str]| {
        let mut words = vec!["linkage", "--data", data.to_str().unwrap()];
        words.extend_from_slice(extra);
        words.extend(["show", ""]);
        let output = Command::new(binary())
            .env("LINKAGE_COMPLETE", "bash")
            .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
            .env("_CLAP_IFS", "\n")
            .env("LINKAGE_CACHE_DIR", cache)
            .arg("--")
            .args(&words)
            .output()
            .unwrap();
        assert!(output.status.success());
        assert!(!output.stdout.is_empty(), "candidates offered");
        std::fs::read_dir(cache).map_or(0, Iterator::count)
    };
    let uncached = tempfile::tempdir().unwrap();
    assert_eq!(complete(uncached.path(), &["--no-cache"]), 0);
    let cached = tempfile::tempdir().unwrap();
    assert_eq!(complete(cached.path(), &[]), 1);
}
