//! A warm `check` answers from the outcome a whole check stored (src/cache/check.rs):
//! byte for byte what a cold check prints, on stdout and stderr, with the same exit
//! code, without reading the graph; and a change to a data file or to a paper's text is
//! a miss. Beside it, the graph cache's key trusts a file's status and still sees an
//! edit that keeps its size.

#![cfg(unix)]

use std::{fs, path::Path};

use crate::cache::{dataset, run, the_cache_file};

/// `args` cold (`--no-cache`), then through the cache twice (the first stores what the
/// second prints): all three alike.
fn cold_then_warm(cache: &Path, data: &Path, args: &[&str]) -> (i32, String, String) {
    let cold = run(cache, data, true, args);
    let storing = run(cache, data, false, args);
    let warm = run(cache, data, false, args);
    assert_eq!(storing, cold, "{args:?}: the check that stored differs");
    assert_eq!(warm, cold, "{args:?}: the warm check differs");
    cold
}

#[test]
fn a_warm_check_prints_byte_for_byte_what_a_cold_check_prints() {
    // The shipped papers with their texts, a load warning (a byte-order mark) among
    // them.
    let data = dataset();
    let cache = tempfile::tempdir().unwrap();
    let (code, out, err) = cold_then_warm(cache.path(), data.path(), &["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("quotes found verbatim"), "{out}");
    assert!(err.contains("byte-order mark"), "{err}");
    cold_then_warm(cache.path(), data.path(), &["--json", "check"]);

    // The warm check does not read the graph: its cache damaged, the warm check still
    // answers (no warning about the damage), and leaves the file as it is.
    let graph = the_cache_file(cache.path());
    let mut bytes = fs::read(&graph).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    fs::write(&graph, &bytes).unwrap();
    assert_eq!(
        run(cache.path(), data.path(), false, &["check"]),
        (code, out, err)
    );
    assert_eq!(fs::read(&graph).unwrap(), bytes);
}

#[test]
fn a_changed_text_or_data_file_is_a_miss_and_failures_are_kept() {
    let data = dataset();
    let cache = tempfile::tempdir().unwrap();
    let (code, ..) = cold_then_warm(cache.path(), data.path(), &["check"]);
    assert_eq!(code, 0);
    // A paper's text cut short: quotes are not found; the warm check fails the same
    // way, with the same diagnostics.
    let texts = data.path().join("texts");
    let text = fs::read_dir(&texts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    let whole = fs::read_to_string(&text).unwrap();
    let cut = whole
        .char_indices()
        .nth(whole.chars().count() / 3)
        .unwrap()
        .0;
    fs::write(&text, &whole[..cut]).unwrap();
    let (code, out, err) = cold_then_warm(cache.path(), data.path(), &["check"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.contains("not found in their papers"), "{out}");
    cold_then_warm(cache.path(), data.path(), &["--json", "check"]);
    // A new text file is a change too.
    fs::write(&text, &whole).unwrap();
    fs::write(texts.join("zzz-notes.txt"), "a note").unwrap();
    let (code, ..) = cold_then_warm(cache.path(), data.path(), &["check"]);
    assert_eq!(code, 0);
    // A data file edited: the new concept is counted.
    let concepts = data.path().join("concepts.json");
    let before = fs::read_to_string(&concepts).unwrap();
    fs::write(
        &concepts,
        before.replacen(
            "\"nodes\": [",
            "\"nodes\": [{\"id\": \"probe\", \"kind\": \"goal\", \"label\": \"Probe\"},",
            1,
        ),
    )
    .unwrap();
    let (_, after, _) = cold_then_warm(cache.path(), data.path(), &["check"]);
    let count = |out: &str| {
        out.split_whitespace()
            .nth(1)
            .unwrap()
            .parse::<u32>()
            .unwrap()
    };
    assert_eq!(
        count(&after),
        count(&run(cache.path(), data.path(), true, &["check"]).1)
    );
    assert!(after.starts_with("ok: "), "{after}");
}

/// Replaces `from` by `to` (of the same length) in `file`, then sets its modification
/// time `secs` seconds later than it was.
fn edit_keeping_size(file: &Path, from: &str, to: &str, secs: u64) {
    assert_eq!(from.len(), to.len());
    let modified = fs::metadata(file).unwrap().modified().unwrap();
    let text = fs::read_to_string(file).unwrap();
    assert!(text.contains(from));
    fs::write(file, text.replacen(from, to, 1)).unwrap();
    let later = modified + std::time::Duration::from_secs(secs);
    let handle = fs::File::options().write(true).open(file).unwrap();
    handle.set_modified(later).unwrap();
}

#[test]
fn an_edit_keeping_the_size_is_seen_and_a_touch_changes_nothing() {
    let data = dataset();
    let cache = tempfile::tempdir().unwrap();
    let args = ["--json", "show", "tpa"];
    let cold = run(cache.path(), data.path(), true, &args);
    assert_eq!(run(cache.path(), data.path(), false, &args), cold);
    // Touched, the same bytes: the same answer.
    let concepts = data.path().join("concepts.json");
    let handle = fs::File::options().write(true).open(&concepts).unwrap();
    handle
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(60))
        .unwrap();
    assert_eq!(run(cache.path(), data.path(), false, &args), cold);
    // The same size, a new time: seen, by a partial read (`show`) and a whole load.
    edit_keeping_size(
        &concepts,
        "\"label\": \"Targeted poverty alleviation\"",
        "\"label\": \"Targeted poverty ALLEVIATION\"",
        1,
    );
    let (code, out, err) = run(cache.path(), data.path(), false, &args);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Targeted poverty ALLEVIATION"), "{out}");
    assert_eq!(
        run(
            cache.path(),
            data.path(),
            false,
            &["--json", "diff", "tpa", "rr"]
        ),
        run(
            cache.path(),
            data.path(),
            true,
            &["--json", "diff", "tpa", "rr"]
        )
    );
}
