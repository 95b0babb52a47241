//! A comparison's handout, full and `--short`, for the pairs the papers compare and
//! those they only relate: its questions bear on the comparison, and a pair with
//! nothing to compare says so where the table would be.

/// The section of `md` under the level-two heading `heading`, to the next one.
fn section<'m>(md: &'m str, heading: &str) -> &'m str {
    let start = md
        .find(&format!("## {heading}\n"))
        .unwrap_or_else(|| panic!("no {heading}:\n{md}"));
    let body = &md[start + heading.len() + 4..];
    &body[..body.find("\n## ").unwrap_or(body.len())]
}

/// The numbered questions of a handout's discussion section.
fn questions(md: &str) -> Vec<&str> {
    section(md, "Questions for discussion")
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_digit()))
        .collect()
}

/// tpa and rr: every question is a dispute of the two together (the rows' "common
/// ground or a difference", their relation's direction), none about one of them
/// alone, and no sentence says otherwise. Past measures and rr: the papers dispute
/// nothing about the two together, so the questions come from disputes involving one
/// of them, and a sentence says so first (the old handout asked about tpa and rr's
/// disputes as if they were this comparison's).
#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn a_comparisons_questions_bear_on_it_or_say_they_do_not() {
    let fallback = "The papers do not dispute how";
    for short in [false, true] {
        let with = |a: &str, b: &str| {
            let mut args = vec!["handout", "--diff", a, b];
            if short {
                args.push("--short");
            }
            let (code, md, err) = crate::common::run(&args);
            assert_eq!(code, 0, "{err}");
            md
        };
        let md = with("tpa", "rr");
        let asked = questions(&md);
        assert!(!asked.is_empty(), "short {short}: questions");
        for question in &asked {
            assert!(
                question.contains(". Targeted poverty alleviation and Rural revitalization: "),
                "short {short}: not about the pair: {question}"
            );
        }
        assert!(!md.contains(fallback), "short {short}");

        let md = with("past-poverty-alleviation-measures", "rr");
        let discussion = section(&md, "Questions for discussion");
        assert!(
            discussion.trim_start().starts_with(
                "The papers do not dispute how Past poverty alleviation measures and Rural \
                 revitalization compare; these questions are about disputes that involve \
                 one of them."
            ),
            "short {short}: {discussion}"
        );
        assert!(!questions(&md).is_empty(), "short {short}");
    }
}

/// A pair the papers relate but do not compare (tpa and the second centenary goal):
/// the full handout's "At a glance" says so, as the short one's does, instead of
/// standing empty; both draw the argument's figure.
#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn a_handout_of_a_pair_not_compared_says_so_at_a_glance() {
    for short in [false, true] {
        let mut args = vec!["handout", "--diff", "tpa", "second-centenary-goal"];
        if short {
            args.push("--short");
        }
        let (code, md, err) = crate::common::run(&args);
        assert_eq!(code, 0, "{err}");
        // The figure follows in the same section.
        let glance = section(&md, "At a glance")
            .trim()
            .split("\n\n")
            .next()
            .unwrap();
        assert_eq!(
            glance,
            "The papers relate Targeted poverty alleviation and Second centenary goal: a \
             modern socialist country but name no common ground or difference between them: \
             the figure shows how they relate.",
            "short {short}"
        );
        assert!(md.contains("](data:image/svg+xml;base64,"), "short {short}");
    }
}
