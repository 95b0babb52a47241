//! What a user must be able to trust: the README's commands run as written, output files
//! land where the user said and keep what was there, stdout failures are reported, and
//! names resolve as the README says.

use std::{
    fs,
    io::Read as _,
    os::unix::fs::{FileTypeExt as _, PermissionsExt as _},
    path::{Path, PathBuf},
    process::Stdio,
};

use crate::common::{linkage, run};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every command line in README.md's fenced `sh` blocks, as arguments to the binary.
/// `cargo run --release --` and `linkage` both mean the binary; `cargo test` (and the
/// line installing the tools the whole suite drives) is the suite itself and is not run
/// from inside it.
fn readme_commands() -> Vec<(String, Vec<String>)> {
    let readme = fs::read_to_string(repo().join("README.md")).unwrap();
    let mut commands = Vec::new();
    let mut in_block = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_block = !in_block && line.trim_start_matches('`').starts_with("sh");
            continue;
        }
        if !in_block {
            continue;
        }
        // A comment starts at "  #" (after the command, aligned); the command is before it.
        let command = line.split("  #").next().unwrap_or("").trim();
        let rest = if let Some(rest) = command.strip_prefix("cargo run --release --") {
            rest
        } else if let Some(rest) = command.strip_prefix("linkage") {
            rest
        } else {
            assert!(
                command.is_empty()
                    || command.starts_with("cargo test")
                    || command.starts_with("cargo install --path .")
                    || command.starts_with("pip install")
                    || command.starts_with("sudo bash scripts/test-deps.sh"),
                "README command not understood by this test: {command}"
            );
            continue;
        };
        // `> file` redirects stdout; the test reads stdout instead.
        let rest = rest.split(" > ").next().unwrap_or(rest);
        commands.push((command.to_string(), split_words(rest)));
    }
    assert!(commands.len() >= 10, "README lost its commands?");
    commands
}

/// Splits a shell command line on spaces, keeping "double-quoted words" together.
fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for ch in line.chars() {
        match ch {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            _ => word.push(ch),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Whether a README command draws through Graphviz (or writes a figure it lays out).
fn needs_graphviz(args: &[String]) -> bool {
    // The command is the first word after the global flags (`--data DIR`, `--lang LANG`,
    // `--no-cache`).
    let mut words = args.iter().map(String::as_str);
    let mut command = None;
    while let Some(word) = words.next() {
        match word {
            "--data" | "--lang" => {
                words.next();
            }
            flag if flag.starts_with('-') => {}
            word => {
                command = Some(word);
                break;
            }
        }
    }
    matches!(
        command,
        Some("render" | "figure" | "html" | "steps" | "handout" | "gallery")
    )
}

/// Runs the README's commands that `needs_graphviz` says `graphviz` of (there must be
/// some), where a reader would: a directory of their own with the project's `data/`
/// beside it (the README's `check --sources data/texts`), writing output files there.
fn run_readme_commands(graphviz: bool) {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(repo().join("data"), dir.path().join("data")).unwrap();
    let commands: Vec<_> = readme_commands()
        .into_iter()
        .filter(|(_, args)| needs_graphviz(args) == graphviz)
        .collect();
    assert!(commands.len() >= 3, "{commands:?}");
    for (line, args) in commands {
        let output = linkage()
            .current_dir(dir.path())
            .args(&args)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "README command failed: {line}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let printed = !output.stdout.is_empty();
        let wrote = args.iter().any(|a| a == "-o" || a == "gallery");
        assert!(printed || wrote, "README command printed nothing: {line}");
    }
}

#[test]
fn every_readme_command_runs_and_succeeds() {
    run_readme_commands(false);
}

#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn every_readme_command_that_draws_runs_and_succeeds() {
    run_readme_commands(true);
}

#[test]
fn a_new_output_file_gets_the_permissions_of_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("graph.json");
    for (umask, mode) in [("022", 0o644), ("077", 0o600)] {
        let _ = fs::remove_file(&out);
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask}; exec \"$0\" export -o \"$1\""))
            .arg(assert_cmd::cargo::cargo_bin("linkage"))
            .arg(&out)
            .status()
            .unwrap();
        assert!(status.success());
        let got = fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(got, mode, "umask {umask}");
    }
}

#[test]
fn an_existing_output_file_keeps_its_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("figure.dot");
    fs::write(&out, "old").unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o640)).unwrap();
    let (code, _, err) = run(&["dot", "--focus", "tpa", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert!(fs::read_to_string(&out).unwrap().starts_with("digraph"));
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_symlink_is_written_through_to_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.json");
    let link = dir.path().join("link.json");
    fs::write(&target, "old").unwrap();
    std::os::unix::fs::symlink("real.json", &link).unwrap();
    let (code, _, err) = run(&["export", "-o", link.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(fs::read_to_string(&target).unwrap().starts_with('{'));
    // A dangling link creates its target, as a shell's `>` does.
    let dangling = dir.path().join("dangling.json");
    std::os::unix::fs::symlink("made.json", &dangling).unwrap();
    let (code, _, err) = run(&["export", "-o", dangling.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(fs::symlink_metadata(&dangling)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(dir.path().join("made.json").is_file());
}

#[test]
fn a_fifo_is_written_into_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    let (code, _, err) = run(&["export", "-o", fifo.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(reader.join().unwrap().starts_with('{'));
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn dev_stdout_as_output_writes_to_stdout() {
    let (code, out, err) = run(&["export", "-o", "/dev/stdout"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with('{'));
    assert!(fs::symlink_metadata("/dev/stdout").is_ok());
}

#[test]
fn output_errors_name_the_users_path_and_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dir/graph.json");
    let (code, _, err) = run(&["export", "-o", missing.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-dir/graph.json"), "{err}");
    assert!(err.contains("does not exist"), "{err}");
    let file = dir.path().join("a-file");
    fs::write(&file, "").unwrap();
    let under_file = file.join("graph.json");
    let (code, _, err) = run(&["export", "-o", under_file.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("is not a directory"), "{err}");
    let (code, _, err) = run(&["export", "-o", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("is a directory"), "{err}");
    assert!(!err.contains(".linkage-"), "temp file named: {err}");
    assert_eq!(leftovers(dir.path()), vec!["a-file".to_string()]);
}

#[test]
fn a_full_stdout_is_an_error_and_a_closed_pipe_is_not() {
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("linkage"))
        .arg("export")
        .stdout(Stdio::from(full))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("standard output"));

    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("linkage"))
        .arg("export")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// File names in `dir` (temporary files left behind would show here).
fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "figure.dot")
        .collect();
    names.sort();
    names
}

#[test]
fn an_id_wins_case_insensitively() {
    let (_, by_id, _) = run(&["show", "tpa", "--json"]);
    let (code, upper, err) = run(&["show", "TPA", "--json"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(upper, by_id);
}

#[test]
fn an_ambiguous_name_lists_at_most_ten_candidates_one_a_line_with_kinds() {
    let (code, _, err) = run(&["show", "revitalization"]);
    assert_eq!(code, 2);
    let candidates: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("  ") && !l.trim_start().starts_with('…'))
        .collect();
    assert_eq!(candidates.len(), 10, "{err}");
    assert!(
        err.contains("more; `linkage search revitalization` lists them"),
        "{err}"
    );
    for line in err.lines() {
        assert!(
            textwrap::core::display_width(line) <= 80,
            "too wide: {line}"
        );
    }
    let (_, _, err) = run(&["show", "targeted"]);
    assert!(
        err.lines()
            .any(|l| l.trim_start().starts_with("tpa ") && l.contains("strategy")),
        "{err}"
    );
}

#[test]
fn an_empty_name_is_a_usage_error_everywhere() {
    for args in [
        &["show", ""][..],
        &["diff", "", "rr"],
        &["path", "tpa", " "],
        &["neighbors", ""],
        &["paper", ""],
        &["search", ""],
        &["diff", "tpa", "rr", "--paper", ""],
    ] {
        let (code, _, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.contains("empty") || err.contains("needs"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn every_file_the_readme_links_to_is_in_the_repository() {
    let readme = fs::read_to_string(repo().join("README.md")).unwrap();
    let mut checked = 0;
    for part in readme.split("](").skip(1) {
        let target = part.split(')').next().unwrap_or("");
        if target.starts_with("http") || target.starts_with('#') || target.is_empty() {
            continue;
        }
        let path = repo().join(target.split('#').next().unwrap());
        assert!(path.exists(), "README links to {target}, which is missing");
        // Tracked by git, not merely present in this working copy (when this is one).
        let tracked = !repo().join(".git").exists()
            || std::process::Command::new("git")
                .args(["ls-files", "--error-unmatch", target])
                .current_dir(repo())
                .output()
                .map_or(true, |o| o.status.success());
        assert!(
            tracked,
            "README links to {target}, which git does not track"
        );
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} links checked");
}

#[test]
fn the_readme_example_of_counts_is_what_papers_prints() {
    let readme = fs::read_to_string(repo().join("README.md")).unwrap();
    let (_, papers, _) = run(&["papers"]);
    let tan = papers
        .lines()
        .find(|l| l.contains("[tan-liu-huang-2020]"))
        .unwrap();
    let counts = tan.split("]  ").nth(1).unwrap().trim();
    assert!(
        readme.contains(&format!("(\"{counts}\" for Tan, Liu & Huang)")),
        "README's example says otherwise than `papers`: {counts}"
    );
}

/// Every file under `dir`, as paths from it, sorted.
fn listing(dir: &Path) -> Vec<PathBuf> {
    fn walk(root: &Path, dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            found.push(path.strip_prefix(root).unwrap().to_path_buf());
            if path.is_dir() {
                walk(root, &path, found);
            }
        }
    }
    let mut found = Vec::new();
    walk(dir, dir, &mut found);
    found.sort();
    found
}

/// Every command writing a file or directory the user names refuses one inside the data
/// directory, before writing anything (`write::Destination`); and a file of an output
/// directory that links into the data is refused too, with nothing of the directory
/// written (the gallery used to check its index only, and wrote a figure through such a
/// link into the data).
#[test]
fn no_output_lands_in_the_data_directory() {
    let data = tempfile::tempdir().unwrap();
    for name in ["claims.json", "nodes.json", "papers.json", "schema.json"] {
        fs::copy(
            crate::common::fixture("good").join(name),
            data.path().join(name),
        )
        .unwrap();
    }
    let data_arg = data.path().to_str().unwrap().to_string();
    let outside = tempfile::tempdir().unwrap();
    let graphml = outside.path().join("graph.graphml");
    let graphml = graphml.to_str().unwrap();
    let (code, _, err) = run(&[
        "--data", &data_arg, "export", "--format", "graphml", "-o", graphml,
    ]);
    assert_eq!(code, 0, "{err}");
    let before = listing(data.path());
    let inside = |name: &str| data.path().join(name).to_str().unwrap().to_string();
    for args in [
        vec!["dot".to_string(), "-o".into(), inside("a.dot")],
        vec!["render".into(), "-o".into(), inside("a.svg")],
        vec!["gallery".into(), "--no-svg".into(), inside("gallery")],
        vec!["export".into(), "-o".into(), inside("a.json")],
        vec![
            "export".into(),
            "--format".into(),
            "csv".into(),
            "-o".into(),
            inside("csv"),
        ],
        vec![
            "import".into(),
            graphml.into(),
            "-o".into(),
            inside("imported"),
        ],
        vec!["html".into(), "-o".into(), inside("explorer.html")],
        vec![
            "steps".into(),
            "--paper".into(),
            "p1".into(),
            "-o".into(),
            inside("deck"),
        ],
        vec![
            "handout".into(),
            "--paper".into(),
            "p1".into(),
            "-o".into(),
            inside("h.md"),
        ],
    ] {
        let mut argv = vec!["--data".to_string(), data_arg.clone()];
        argv.extend(args);
        let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
        let (code, out, err) = run(&argv);
        assert_eq!(code, 2, "{argv:?}: {err}");
        assert!(out.is_empty(), "{argv:?}: {out}");
        assert!(err.contains("inside the data directory"), "{argv:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{argv:?}: {err}");
    }
    assert_eq!(listing(data.path()), before);

    let gallery = outside.path().join("gallery");
    fs::create_dir(&gallery).unwrap();
    std::os::unix::fs::symlink(
        data.path().join("overview.dot"),
        gallery.join("overview.dot"),
    )
    .unwrap();
    let (code, _, err) = run(&[
        "--data",
        &data_arg,
        "gallery",
        "--no-svg",
        gallery.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("inside the data directory"), "{err}");
    assert_eq!(listing(data.path()), before);
    assert_eq!(listing(&gallery), vec![PathBuf::from("overview.dot")]);
}

/// A copy of the `good` fixture whose last relation's note holds U+0001, which XML 1.0
/// cannot carry: a GraphML export fails at the very end of the document, after every
/// node and the relations before it were written.
fn dataset_failing_at_its_last_relation(root: &Path) -> PathBuf {
    let data = root.join("data");
    fs::create_dir(&data).unwrap();
    for entry in fs::read_dir(crate::common::fixture("good")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, data.join(path.file_name().unwrap())).unwrap();
    }
    let claims = data.join("claims.json");
    let text = fs::read_to_string(&claims).unwrap();
    let last = text.rfind("\"kind\": \"grounded-in\"").unwrap();
    let (head, tail) = text.split_at(last);
    fs::write(
        &claims,
        format!("{head}\"note\": \"a bell \\u0001 here\",\n      {tail}"),
    )
    .unwrap();
    data
}

#[test]
fn an_export_failing_as_it_streams_leaves_the_old_file_intact_and_no_temporary_file() {
    let root = tempfile::tempdir().unwrap();
    let data = dataset_failing_at_its_last_relation(root.path());
    let out_dir = root.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    let out = out_dir.join("graph.graphml");
    fs::write(&out, "the old export").unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o640)).unwrap();
    let data = data.to_str().unwrap();
    let (code, _, err) = run(&[
        "--data",
        data,
        "export",
        "--format",
        "graphml",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("U+0001"), "the data's error, once: {err}");
    assert_eq!(err.matches("U+0001").count(), 1, "{err}");
    assert!(!err.contains(".linkage-"), "temp file named: {err}");
    assert_eq!(fs::read_to_string(&out).unwrap(), "the old export");
    assert_eq!(
        fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(leftovers(&out_dir), vec!["graph.graphml".to_string()]);
    // The same document to standard output stops at the same place, with the same error.
    let (code, _, err) = run(&["--data", data, "export", "--format", "graphml"]);
    assert_eq!(code, 2);
    assert_eq!(err.matches("U+0001").count(), 1, "{err}");
}

#[test]
fn every_export_to_a_file_is_what_it_writes_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let data = crate::common::fixture("adversarial-export");
    let data = data.to_str().unwrap();
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
        let (code, stdout, err) = run(&["--data", data, "export", "--format", format]);
        assert_eq!(code, 0, "{format}: {err}");
        let file = dir.path().join(format!("export.{format}"));
        let (code, _, err) = run(&[
            "--data",
            data,
            "export",
            "--format",
            format,
            "-o",
            file.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{format}: {err}");
        assert_eq!(fs::read_to_string(&file).unwrap(), stdout, "{format}");
    }
}
