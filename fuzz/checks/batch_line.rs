//! Arbitrary lines of `linkage batch`: each is split as a shell splits words, parsed by
//! the command line's clap definitions and answered from the built-in dataset. Every
//! line must be skipped (blank, a comment) or answered on one line with an exit code of
//! 0, 1 or 2 (2 exactly for an `{"error": ...}`), never a panic.

use std::sync::{Arc, OnceLock};

use linkage::{
    batch,
    load::{load, DataSource, Loaded},
    run,
};

fn loaded() -> &'static Arc<Loaded> {
    static LOADED: OnceLock<Arc<Loaded>> = OnceLock::new();
    LOADED.get_or_init(|| Arc::new(load(&DataSource::Embedded).expect("the built-in data loads")))
}

/// The check: panics (a finding) when the input breaks a promise.
pub(crate) fn check(data: &[u8]) {
    // `batch` reads a line up to its line break, and answers a line that is not UTF-8
    // with an error of its own before it gets here.
    let line = data.split(|&b| b == b'\n').next().unwrap_or_default();
    let Ok(line) = std::str::from_utf8(line) else {
        return;
    };
    let Some(answer) = batch::answer_line(loaded(), None, line, 1, run::answer) else {
        return;
    };
    assert!(answer.code <= 2, "{answer:?}");
    assert!(!answer.json.contains('\n'), "one line: {answer:?}");
    assert_eq!(
        answer.json.starts_with("{\"error\":"),
        answer.code == 2,
        "an error and only an error has exit code 2: {answer:?}"
    );
}
