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
        "How they relate (papers; <--kind-- from Rural revitalization)",
        "Common ground (9",
        "Differences (11",
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

/// Each "… about …: N …, shown by `linkage contested …`" in `out`, as the count N and
/// the command's arguments after `linkage`.
fn pointers(out: &str) -> Vec<(usize, Vec<String>)> {
    let lines: Vec<&str> = out.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        // "shown by", its space a no-break one when the line wraps before the command.
        let Some(at) = line.find("shown by").or_else(|| line.find("shown\u{a0}by")) else {
            continue;
        };
        let command = match line[at..].split('`').nth(1) {
            Some(inline) => inline.to_string(),
            None => lines[i + 1].trim().to_string(),
        };
        let upto = lines[..=i].join(" ");
        let head = ["Disputes about ", "Where the papers disagree about this"]
            .iter()
            .filter_map(|h| upto.rfind(h))
            .max()
            .expect("a pointer has a head");
        // The count follows the last ": " before "shown" (a name may hold a colon).
        let after = &upto[head..];
        let before_shown = &after[..after.rfind("shown").expect("shown by")];
        let digits: String = before_shown[before_shown.rfind(": ").expect("a count") + 2..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let args = command
            .strip_prefix("linkage ")
            .expect("the pointer names a linkage command");
        found.push((
            digits.parse().expect("a count"),
            args.split(' ').map(String::from).collect(),
        ));
    }
    found
}

/// `show` and `diff` work out only the disputes about their nodes: the counts in their
/// summary line and in their closing pointer are those of the `contested` command each
/// names, run with `--json`, for nodes with many disputes, with one, and with none.
#[test]
fn dispute_counts_of_show_and_diff_match_the_contested_command_they_name() {
    let asked: &[&[&str]] = &[
        &["show", "tpa"],
        &["show", "rr"],
        &["show", "cpc"],
        &["show", "dim-goals"],
        &["show", "common-prosperity"],
        &["show", "tpa", "--paper", "hao"],
        &["diff", "tpa", "rr"],
        &["diff", "rr", "tpa"],
        &["diff", "tpa", "rr", "--paper", "hao"],
        &["diff", "cpc", "common-prosperity"],
        &["diff", "tpa", "eliminate-absolute-poverty"],
    ];
    let mut pointed = 0;
    for args in asked {
        let (code, out, err) = run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        let mut found = pointers(&out);
        if found.is_empty() {
            // No pointer: then `contested` lists nothing about these nodes either.
            let nodes = args[1..].iter().take_while(|a| !a.starts_with("--"));
            let command = std::iter::once("contested").chain(nodes.copied());
            found.push((0, command.map(String::from).collect()));
        }
        for (count, command) in found {
            pointed += 1;
            let mut json_args: Vec<&str> = command.iter().map(String::as_str).collect();
            json_args.push("--json");
            let (_, listed, err) = run(&json_args);
            let listed: serde_json::Value = serde_json::from_str(&listed)
                .unwrap_or_else(|e| panic!("{json_args:?}: {e}: {err}"));
            assert_eq!(
                listed["disputes"].as_array().map(Vec::len),
                Some(count),
                "{args:?} says {count}, {json_args:?} lists otherwise"
            );
        }
    }
    assert!(
        pointed >= 16,
        "most of these have disputes: {pointed} pointers"
    );
}

/// Characters a reader cannot see and `grep` does not take for a space: no-break and
/// narrow no-break spaces, figure space, word joiner, zero-width space and joiners,
/// byte-order mark, soft hyphen.
const INVISIBLE: &[char] = &[
    '\u{a0}', '\u{202f}', '\u{2007}', '\u{2060}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{feff}',
    '\u{ad}',
];

/// Piped output holds plain spaces: `linkage diff tpa rr | grep "Main body"` finds the
/// summary line, and no command's human output carries an invisible character (the
/// summaries glue words while wrapping, and print plain spaces).
#[test]
fn piped_output_holds_plain_spaces() {
    let (code, out, _) = run(&["diff", "tpa", "rr"]);
    assert_eq!(code, 0);
    let summary = out.lines().take(24).collect::<Vec<_>>();
    assert!(
        summary
            .iter()
            .any(|line| line.contains("Main body 1, Overlap in space 1")),
        "grep \"Main body\" finds the summary line:\n{}",
        summary.join("\n")
    );
    for args in [
        &["diff", "tpa", "rr", "--quotes"][..],
        &["show", "tpa", "--quotes"],
        &["paper", "tan", "--quotes"],
        &["contested", "--all"],
        &["compare", "tpa", "rr"],
        &[
            "path",
            "industrial-poverty-alleviation",
            "second-centenary-goal",
            "--paper",
            "hao",
            "--explain",
        ],
        &[
            "path",
            "cpc",
            "common-prosperity",
            "--all",
            "--max-len",
            "4",
        ],
        &["neighbors", "party-leadership", "--depth", "2"],
        &["search", "prosperity"],
        &["papers"],
        &["list"],
        &["check"],
        &["quiz", "--seed", "1"],
    ] {
        assert_plain_spaces(args);
    }
}

/// The handout's report is plain too; it lays its figures out with Graphviz first.
#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn the_handouts_report_holds_plain_spaces() {
    assert_plain_spaces(&["handout", "--diff", "tpa", "rr"]);
}

/// Runs `args`, which must succeed, and fails on any invisible character in its stdout.
fn assert_plain_spaces(args: &[&str]) {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    for (n, line) in out.lines().enumerate() {
        assert!(
            !line.contains(INVISIBLE),
            "{args:?} line {}: {line:?}",
            n + 1
        );
    }
}
