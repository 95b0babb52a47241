//! The core: loading, checking, listing, showing, searching, exporting.

use crate::common::{run, seeds};

#[test]
fn check_passes_on_the_embedded_data_with_every_quote_verified() {
    let seeds = seeds();
    let (code, out, err) = run(&["check", "--sources", seeds.to_str().unwrap()]);
    assert_eq!(code, 0, "stderr: {err}");
    assert!(out.contains("quotes found verbatim"), "{out}");
}
