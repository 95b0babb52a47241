//! Page furniture: the running heads, running feet and page numbers a journal prints on
//! every page. They are not the paper's text, and left in they would split a sentence
//! that runs from one page to the next, so a quote across the page break would not be
//! found.
//!
//! The topmost and bottommost lines of each page are compared across pages with their
//! digits masked (`Sustainability 2021, 13, 1234 5 of 18` on every page is one line);
//! a line found at the same edge of at least [`REPEATED_FIFTHS`] fifths of the pages (two at
//! least) is furniture, and so is a line at an edge that is only a page number (`7`,
//! `- 7 -`, `Page 7`, `7 of 18`). Up to [`EDGE_LINES`] lines are taken from each edge,
//! so a head of two lines goes too. Everything else stays: a first
//! page's masthead, printed once, is kept as text.

use std::collections::HashMap;

use super::layout::Run;

/// The share of a document's pages a line must be repeated on to be furniture, in
/// fifths (two fifths).
const REPEATED_FIFTHS: usize = 2;

/// How many lines at each edge of a page may be furniture.
const EDGE_LINES: usize = 2;

/// Which edge of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Edge {
    Top,
    Bottom,
}

/// Removes the furniture from every page's runs (one `Vec` a page).
pub(crate) fn remove(pages: &mut [Vec<Run>]) {
    // Each page's edge lines: (edge, depth from the edge, baseline, masked text).
    let edges: Vec<Vec<(Edge, usize, f64, String)>> =
        pages.iter().map(|runs| edge_lines(runs)).collect();
    let mut seen: HashMap<(Edge, &str), usize> = HashMap::new();
    for page in &edges {
        let mut once: Vec<(Edge, &str)> =
            page.iter().map(|(e, _, _, t)| (*e, t.as_str())).collect();
        once.sort_unstable_by_key(|&(e, t)| (e == Edge::Bottom, t));
        once.dedup();
        for key in once {
            *seen.entry(key).or_default() += 1;
        }
    }
    let needed = (pages.len() * REPEATED_FIFTHS).div_ceil(5).max(2);
    for (runs, page_edges) in pages.iter_mut().zip(&edges) {
        // The lines at each edge that are furniture.
        let mut drop: Vec<f64> = Vec::new();
        for edge in [Edge::Top, Edge::Bottom] {
            for (_, _, y, text) in page_edges.iter().filter(|(e, ..)| *e == edge) {
                let repeated = seen.get(&(edge, text.as_str())).copied().unwrap_or(0) >= needed;
                if repeated || is_page_number(text) {
                    drop.push(*y);
                }
            }
        }
        runs.retain(|run| !drop.iter().any(|y| (run.y - y).abs() < 0.35 * run.size));
    }
}

/// The [`EDGE_LINES`] lines nearest each edge of a page, outermost first: the runs on
/// one baseline joined left to right, digits masked.
fn edge_lines(runs: &[Run]) -> Vec<(Edge, usize, f64, String)> {
    let mut baselines: Vec<f64> = Vec::new();
    let mut sorted: Vec<&Run> = runs.iter().collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y));
    for run in &sorted {
        if baselines
            .last()
            .is_none_or(|y| (run.y - y).abs() >= 0.35 * run.size)
        {
            baselines.push(run.y);
        }
    }
    let line = |y: f64| {
        let mut on: Vec<&&Run> = sorted
            .iter()
            .filter(|r| (r.y - y).abs() < 0.35 * r.size)
            .collect();
        on.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let text: Vec<&str> = on.iter().map(|r| r.text.as_str()).collect();
        mask(&text.join(" "))
    };
    let mut lines = Vec::new();
    for (depth, y) in baselines.iter().take(EDGE_LINES).enumerate() {
        lines.push((Edge::Top, depth, *y, line(*y)));
    }
    let bottom = baselines
        .len()
        .saturating_sub(EDGE_LINES)
        .max(EDGE_LINES.min(baselines.len()));
    for (depth, y) in baselines[bottom..].iter().rev().enumerate() {
        lines.push((Edge::Bottom, depth, *y, line(*y)));
    }
    lines
}

/// `text` with white space squeezed and every run of digits as `#`.
fn mask(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let mut in_digits = false;
        for c in word.chars() {
            if c.is_ascii_digit() {
                if !in_digits {
                    out.push('#');
                }
                in_digits = true;
            } else {
                out.push(c);
                in_digits = false;
            }
        }
    }
    out
}

/// Whether a masked line is only a page number: `#`, `- # -`, `Page #`, `# of #`,
/// `p. #`, a roman numeral.
fn is_page_number(masked: &str) -> bool {
    let bare = masked.trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c == ' ');
    let lower = bare.to_lowercase();
    matches!(
        lower.as_str(),
        "#" | "page #" | "# of #" | "p. #" | "p.#" | "page # of #"
    ) || (!lower.is_empty() && lower.len() <= 6 && lower.chars().all(|c| "ivxlc".contains(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(y: f64, text: &str) -> Run {
        Run {
            x0: 50.0,
            x1: 300.0,
            y,
            size: 10.0,
            text: text.into(),
        }
    }

    fn page(n: usize, body: &str) -> Vec<Run> {
        vec![
            run(30.0, "Hao (2021) · Logical Deconstruction"),
            run(100.0, body),
            run(112.0, ["more", "other", "further", "last"][n % 4]),
            run(800.0, &format!("{n}")),
        ]
    }

    #[test]
    fn repeated_heads_and_page_numbers_go_and_the_text_stays() {
        let bodies = [
            "Poverty alleviation.",
            "Rural revitalization.",
            "Both.",
            "Neither.",
        ];
        let mut pages: Vec<Vec<Run>> = (1..=4).map(|n| page(n, bodies[n - 1])).collect();
        pages[0].insert(0, run(20.0, "Journal of Things, Vol. 3"));
        remove(&mut pages);
        for (i, runs) in pages.iter().enumerate() {
            let texts: Vec<&str> = runs.iter().map(|r| r.text.as_str()).collect();
            let masthead = if i == 0 {
                vec!["Journal of Things, Vol. 3"]
            } else {
                vec![]
            };
            let body = bodies[i].to_string();
            let more = ["more", "other", "further", "last"][(i + 1) % 4];
            let expected: Vec<&str> = masthead.into_iter().chain([body.as_str(), more]).collect();
            assert_eq!(texts, expected);
        }
    }

    #[test]
    fn a_line_on_one_page_only_is_text() {
        let mut pages = vec![
            vec![run(30.0, "Introduction"), run(50.0, "One text.")],
            vec![run(30.0, "Methods"), run(50.0, "Another text.")],
        ];
        remove(&mut pages);
        assert_eq!(pages[0][0].text, "Introduction");
        assert_eq!(pages[1][0].text, "Methods");
    }
}
