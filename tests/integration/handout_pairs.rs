//! A comparison's handout, full and `--short`: its questions bear on the comparison.

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
