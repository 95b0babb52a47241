//! Summary first: the first screen (80x24) of `diff`, `show`, `paper` and `contested`
//! answers the question on its own, before the evidence.

use crate::common::run;

/// The first 24 lines of a command's output.
fn first_screen(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    let screen: Vec<&str> = out.lines().take(24).collect();
    for line in &screen {
        assert!(
            textwrap::core::display_width(line) <= 80,
            "{args:?}: a line wider than 80 columns: {line}"
        );
    }
    screen.join("\n")
}

#[test]
fn the_first_screen_of_diff_says_how_they_relate_share_and_differ() {
    let screen = first_screen(&["diff", "tpa", "rr"]);
    for part in [
        "How tpa relates to rr",
        "Common ground (9",
        "Differences (9",
        "Disputes about",
    ] {
        assert!(
            screen.contains(part),
            "{part} on the first screen:\n{screen}"
        );
    }
    insta::assert_snapshot!("first-screen-diff-tpa-rr", screen);
}

#[test]
fn the_first_screen_of_show_counts_relations_by_kind_and_paper() {
    let screen = first_screen(&["show", "tpa"]);
    for part in [
        "Relations by kind:",
        "Relations by paper:",
        "Most supported neighbours",
        "Disputes about",
    ] {
        assert!(
            screen.contains(part),
            "{part} on the first screen:\n{screen}"
        );
    }
    insta::assert_snapshot!("first-screen-show-tpa", screen);
}

#[test]
fn the_first_screen_of_paper_says_what_it_claims() {
    let screen = first_screen(&["paper", "hao"]);
    assert!(screen.contains("Claims by kind:"), "{screen}");
    insta::assert_snapshot!("first-screen-paper-hao", screen);
}

#[test]
fn the_first_screen_of_contested_lists_the_disputes() {
    let screen = first_screen(&["contested"]);
    assert!(screen.contains("At a glance"), "{screen}");
    insta::assert_snapshot!("first-screen-contested", screen);
}

#[test]
fn show_with_paper_counts_only_that_papers_claims() {
    let (_, out, _) = run(&["show", "tpa", "--paper", "hao"]);
    let first = out.lines().next().unwrap_or_default();
    assert!(first.ends_with("from 1 paper"), "{first}");
}

#[test]
fn terminal_output_gives_short_locators_and_json_the_full_ones() {
    let full = "The Inner Logical Relationship between Targeted Poverty Alleviation and Rural \
                revitalization / Policy differences between poverty alleviation and rural \
                revitalization / 8) Absolute poverty and relative poverty";
    for args in [
        &["show", "tpa"][..],
        &["paper", "tan", "--brief"],
        &["search", "absolute poverty"],
        &["path", "tpa", "eliminate-absolute-poverty", "--explain"],
    ] {
        let (_, text, _) = run(args);
        // Wrapping may break a locator over two lines.
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains("§8) Absolute poverty and relative poverty"),
            "{args:?} gives the innermost heading:\n{text}"
        );
        assert!(
            !text.contains("rural revitalization / 8)"),
            "{args:?} does not print the chain of headings"
        );
    }
    let (_, json, _) = run(&["show", "tpa", "--json"]);
    assert!(json.contains(full), "JSON keeps the full locator");
}

#[test]
fn the_first_screen_of_path_all_counts_the_chains() {
    let screen = first_screen(&[
        "path",
        "cpc",
        "common-prosperity",
        "--all",
        "--max-len",
        "4",
    ]);
    for part in [
        "Chains by length:",
        "Most chains pass through",
        "every step of",
    ] {
        assert!(
            screen.contains(part),
            "{part} on the first screen:\n{screen}"
        );
    }
    insta::assert_snapshot!("first-screen-path-all-cpc-common-prosperity", screen);
}
