//! From glyphs to running text: lines, columns and reading order.
//!
//! Glyphs on one baseline, each starting about where the one before it ended, are one
//! [`Run`]; a gap of more than [`GUTTER_EMS`] ems splits a baseline into runs, so a
//! page that draws its two columns line by line still gives each column's line as a
//! run of its own. A page has two columns when an empty vertical band near its middle
//! separates most runs ([`gutter`]); it is then read as a journal is: between two runs
//! that span the band (a title, a wide table), the left column top to bottom, then the
//! right one. A vertical gap of more than [`PARAGRAPH_GAP`] line pitches is a blank line,
//! so a heading set apart by space stands on a line of its own.
//!
//! Characters are kept as the PDF gives them, but for the ligatures (`ﬁ` is `fi`) and
//! the hyphen a line ends with when a word was broken there (`‐` and the soft hyphen
//! are `-`), so a quote typed from the paper is found (src/locate.rs reads `allevi-\nation`
//! as `alleviation` or as `allevi-ation`).

use super::glyphs::{Glyph, Page};

/// A horizontal gap wider than this many ems ends a run (a column gutter; word spaces
/// of justified text stay well under it).
const GUTTER_EMS: f64 = 1.5;

/// A horizontal gap wider than this many ems is a space between words.
const SPACE_EMS: f64 = 0.15;

/// A vertical gap wider than this many line pitches is a blank line.
const PARAGRAPH_GAP: f64 = 1.45;

/// A run of glyphs on one baseline: part or all of a line of one column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    /// Left edge, in points.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Baseline, from the top of the page down.
    pub y: f64,
    /// Font size of its first glyph.
    pub size: f64,
    /// Its characters, with spaces where the glyphs leave a gap.
    pub text: String,
}

/// The runs of a page, in the order the page draws them.
pub(crate) fn runs(page: &Page) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for glyph in &page.glyphs {
        let text = fold(&glyph.text);
        if text.is_empty() {
            continue;
        }
        match runs.last_mut() {
            Some(run) if continues(run, glyph) => {
                let gap = glyph.x - run.x1;
                if gap > SPACE_EMS * run.size.min(glyph.size)
                    && !run.text.ends_with(' ')
                    && !text.starts_with(' ')
                {
                    run.text.push(' ');
                }
                run.text.push_str(&text);
                run.x1 = run.x1.max(glyph.end);
            }
            _ => {
                if text.trim().is_empty() {
                    continue;
                }
                runs.push(Run {
                    x0: glyph.x,
                    x1: glyph.end,
                    y: glyph.y,
                    size: glyph.size,
                    text,
                });
            }
        }
    }
    for run in &mut runs {
        let trimmed = run.text.trim_end();
        run.text.truncate(trimmed.len());
    }
    runs.retain(|run| !run.text.trim().is_empty());
    runs
}

/// Whether `glyph` goes on in `run`: on its baseline (a smaller glyph a little off it
/// is a superscript or subscript), neither back to the left nor past a gutter.
fn continues(run: &Run, glyph: &Glyph) -> bool {
    let dy = (glyph.y - run.y).abs();
    let on_line = dy < 0.35 * run.size || (glyph.size < 0.85 * run.size && dy < 0.6 * run.size);
    let gap = glyph.x - run.x1;
    on_line && gap > -0.5 * run.size && gap < GUTTER_EMS * run.size
}

/// A glyph's characters as the text keeps them: ligatures spelt out, a soft hyphen or
/// the hyphen U+2010 as `-` (they end a line where a word was broken).
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\u{00AD}' | '\u{2010}' => out.push('-'),
            '\u{0}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The x of the empty band between two columns, if the page has two: the middle of
/// the widest band in the middle two fifths of the page that (almost) no run crosses,
/// with at least a fifth of the runs on each side.
pub(crate) fn gutter(runs: &[Run], width: f64) -> Option<f64> {
    if runs.len() < 6 || !(width.is_finite() && width > 0.0) {
        return None;
    }
    // Each point of the middle of the page, from left to right.
    let crossing = |x: f64| runs.iter().filter(|r| r.x0 < x && x < r.x1).count();
    let allowed = (runs.len() / 10).max(2);
    let mut best: Option<(f64, f64)> = None; // (start, width) of the widest open band
    let mut start = None;
    let (from, to) = ((width * 0.3).floor(), (width * 0.7).floor());
    let mut x = from;
    while x <= to {
        let open = crossing(x) <= allowed;
        if open && start.is_none() {
            start = Some(x);
        }
        if !open || x + 1.0 > to {
            if let Some(s) = start.take() {
                if best.is_none_or(|(_, w)| x - s > w) {
                    best = Some((s, x - s));
                }
            }
        }
        x += 1.0;
    }
    let (start, length) = best?;
    if length < 4.0 {
        return None;
    }
    let middle = start + length / 2.0;
    let left = runs.iter().filter(|r| r.x1 <= middle).count();
    let right = runs.iter().filter(|r| r.x0 >= middle).count();
    (left * 5 >= runs.len() && right * 5 >= runs.len()).then_some(middle)
}

/// Which part of the page a run is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Left,
    Right,
    /// Across both columns (or the page has one).
    Whole,
}

/// The page's runs as text in reading order (see the module doc).
pub(crate) fn read(runs: &[Run], width: f64) -> String {
    let gutter = gutter(runs, width);
    let column = |run: &Run| match gutter {
        Some(g) if run.x1 <= g => Column::Left,
        Some(g) if run.x0 >= g => Column::Right,
        _ => Column::Whole,
    };
    let mut by_place: Vec<&Run> = runs.iter().collect();
    by_place.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    // Reading order: between two runs across the page, the left column, then the right.
    let mut ordered: Vec<(Column, &Run)> = Vec::with_capacity(runs.len());
    let mut left = Vec::new();
    let mut right = Vec::new();
    for run in by_place {
        match column(run) {
            Column::Left => left.push(run),
            Column::Right => right.push(run),
            Column::Whole => {
                ordered.extend(left.drain(..).map(|r| (Column::Left, r)));
                ordered.extend(right.drain(..).map(|r| (Column::Right, r)));
                ordered.push((Column::Whole, run));
            }
        }
    }
    ordered.extend(left.drain(..).map(|r| (Column::Left, r)));
    ordered.extend(right.drain(..).map(|r| (Column::Right, r)));
    lines_to_text(&ordered)
}

/// Runs in reading order as lines: runs of one column on one baseline joined by a
/// space, a blank line where the gap to the line before is wider than a paragraph's.
fn lines_to_text(ordered: &[(Column, &Run)]) -> String {
    let pitch = line_pitch(ordered);
    let mut text = String::new();
    let mut previous: Option<(Column, &Run)> = None;
    for &(column, run) in ordered {
        match previous {
            Some((c, p)) if c == column && (run.y - p.y).abs() < 0.35 * p.size => {
                text.push(' ');
            }
            Some((c, p)) => {
                text.push('\n');
                let gap = run.y - p.y;
                if c == column && gap > PARAGRAPH_GAP * pitch.unwrap_or(p.size * 1.2) {
                    text.push('\n');
                }
            }
            None => {}
        }
        text.push_str(&run.text);
        previous = Some((column, run));
    }
    text
}

/// The usual distance between two lines of a column: the most common gap between
/// successive baselines, rounded to half a point.
fn line_pitch(ordered: &[(Column, &Run)]) -> Option<f64> {
    let mut counts: Vec<(f64, usize)> = Vec::new();
    for pair in ordered.windows(2) {
        let ((c1, a), (c2, b)) = (pair[0], pair[1]);
        let gap = b.y - a.y;
        if c1 == c2 && gap > 0.35 * a.size {
            let key = (gap * 2.0).round() / 2.0;
            match counts.iter_mut().find(|(k, _)| (*k - key).abs() < 0.25) {
                Some((_, n)) => *n += 1,
                None => counts.push((key, 1)),
            }
        }
    }
    // The most common; of two as common, the smaller.
    counts
        .into_iter()
        .max_by(|(k1, n1), (k2, n2)| n1.cmp(n2).then(k2.total_cmp(k1)))
        .map(|(key, _)| key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x0: f64, x1: f64, y: f64, text: &str) -> Run {
        Run {
            x0,
            x1,
            y,
            size: 10.0,
            text: text.into(),
        }
    }

    #[test]
    fn two_columns_are_read_one_after_the_other_between_full_width_lines() {
        let runs = vec![
            run(50.0, 550.0, 50.0, "A Title Across the Page"),
            run(50.0, 280.0, 100.0, "left one"),
            run(320.0, 550.0, 100.0, "right one"),
            run(50.0, 280.0, 112.0, "left two"),
            run(320.0, 550.0, 112.0, "right two"),
            run(50.0, 280.0, 124.0, "left three"),
            run(320.0, 550.0, 124.0, "right three"),
            run(50.0, 550.0, 200.0, "A wide caption"),
            run(50.0, 280.0, 250.0, "left four"),
        ];
        assert!(gutter(&runs, 600.0).is_some_and(|g| (280.0..=320.0).contains(&g)));
        assert_eq!(
            read(&runs, 600.0),
            "A Title Across the Page\nleft one\nleft two\nleft three\nright one\nright two\nright three\nA wide caption\nleft four"
        );
    }

    #[test]
    fn one_column_has_no_gutter_and_a_wide_gap_is_a_blank_line() {
        let runs: Vec<Run> = (0..8)
            .map(|i| run(50.0, 550.0, 100.0 + 12.0 * f64::from(i), "line"))
            .chain([run(50.0, 200.0, 220.0, "Heading")])
            .collect();
        assert_eq!(gutter(&runs, 600.0), None);
        assert!(read(&runs, 600.0).ends_with("line\nline\n\nHeading"));
    }

    #[test]
    fn glyphs_join_into_words_and_ligatures_are_spelt_out() {
        let glyph = |x: f64, text: &str| Glyph {
            x,
            y: 100.0,
            end: x + 5.0,
            size: 10.0,
            text: text.into(),
        };
        let page = Page {
            width: 600.0,
            height: 800.0,
            glyphs: vec![
                glyph(50.0, "\u{FB01}"),
                glyph(55.0, "t"),
                glyph(63.0, "a"),
                glyph(300.0, "b"),
                glyph(305.0, "\u{2010}"),
            ],
        };
        let found = runs(&page);
        assert_eq!(
            found.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(),
            vec!["fit a", "b-"]
        );
    }
}
