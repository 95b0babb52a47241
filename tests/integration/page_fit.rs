//! A figure made for a page: `render` draws a selection left to right when that keeps
//! its text readable on a page where top to bottom does not, says so, and its oversize
//! warning names only flags that would still shrink the figure.

use crate::{common::run, dot::require_graphviz};

/// The size in points a concept's name (12 pt in the drawing) is printed at when the
/// PDF `pdf` is fitted to a page 17 cm wide and 22 cm high.
fn names_on_a_page(pdf: &[u8]) -> f64 {
    let text = String::from_utf8_lossy(pdf);
    let media = &text[text.find("/MediaBox").expect("a MediaBox")..];
    let numbers: Vec<f64> = media[media.find('[').unwrap() + 1..media.find(']').unwrap()]
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    let (width, height) = (numbers[2] - numbers[0], numbers[3] - numbers[1]);
    let page = (17.0 / 2.54 * 72.0, 22.0 / 2.54 * 72.0);
    12.0 * (page.0 / width).min(page.1 / height).min(1.0)
}

#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn a_papers_dozen_concepts_are_turned_to_fit_a_page_and_the_note_says_so() {
    require_graphviz();
    let dir = tempfile::tempdir().unwrap();
    let draw = |extra: &[&str]| {
        let path = dir.path().join("figure.pdf");
        let mut args = vec!["render", "--paper", "hao-2021", "--top", "12"];
        args.extend_from_slice(extra);
        args.extend(["-o", path.to_str().unwrap()]);
        let (code, _, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        (std::fs::read(&path).unwrap(), err)
    };
    let (fitted, note) = draw(&[]);
    assert!(note.contains("drawn left to right"), "{note}");
    assert!(note.contains("--rankdir tb"), "{note}");
    let fitted_points = names_on_a_page(&fitted);
    assert!(
        fitted_points >= 6.0,
        "names at {fitted_points:.1} pt on a page"
    );
    // Asked for top to bottom, it stays so, without a note, and would not fit.
    let (kept, note) = draw(&["--rankdir", "tb"]);
    assert!(note.is_empty(), "{note}");
    let kept_points = names_on_a_page(&kept);
    assert!(
        kept_points < 6.0,
        "top to bottom already fits: {kept_points:.1} pt"
    );
    // A comparison keeps its own direction.
    let path = dir.path().join("diff.pdf");
    let (code, _, err) = run(&[
        "render",
        "--diff",
        "tpa",
        "rr",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("drawn left to right"), "{err}");
}

#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn the_oversize_warning_names_only_flags_that_would_still_help() {
    require_graphviz();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hao.svg");
    let (code, _, err) = run(&[
        "render",
        "--paper",
        "hao-2021",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning: the figure is"), "{err}");
    assert!(!err.contains("--paper"), "--paper was given: {err}");
    for flag in ["--top N", "--focus", "--via", "--min-papers"] {
        assert!(err.contains(flag), "{flag}: {err}");
    }
    let (code, _, err) = run(&[
        "render",
        "--top",
        "300",
        "--min-papers",
        "1",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("a `--top` below 300"), "{err}");
    // Text turned left to right is not worth trying at that size: no note of it.
    assert!(!err.contains("drawn left to right"), "{err}");
}
