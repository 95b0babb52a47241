//! The comparison of two concepts as a figure made for a journal's page (`linkage
//! figure`): the two concepts as columns, the aspects and dimensions as rows (common
//! ground, then differences with each wording of the positions), a dot matrix of the
//! papers behind each row, disputed rows marked, and a compact key, at a requested
//! width with a least text size.
//!
//! Drawn as a Graphviz HTML-like table through the one DOT writer, not as SVG written
//! here: Graphviz measures the text with the real font (Pango), so whether a layout
//! fits the width is measured, not estimated from character counts, and its cairo
//! back ends embed the fonts in PDF and EPS. Graphviz sets the table at 72 points to
//! the inch and nothing scales it, so a size here is the size on the page.

use super::{
    render::{image_inches, render, ImageFormat},
    scene::{Align, Cell, Colour, Heading, Item, Layout, Scene, Table, TableRow},
    style::{Lang, Palette, Rankdir},
    wrap, writer,
};
use crate::{
    error::Error,
    output::table::{JournalTable, TableRow as Row},
    query::comparison::Stance,
};

/// Points to the centimetre.
pub const POINTS_PER_CM: f32 = 72.0 / 2.54;

/// Graphviz draws the rules of an HTML-like table one point wide (a whole number of
/// points; there is no thinner rule).
pub const RULE_POINTS: f32 = 1.0;

/// What a figure must keep, and how it looks.
#[derive(Debug, Clone)]
pub struct FigureRequest {
    /// The width it is printed at, in points.
    pub width: f32,
    /// The tallest it may be, in points (a page's text block).
    pub max_height: f32,
    /// The least text size, in points.
    pub min_text: f32,
    /// Colour or greyscale.
    pub palette: Palette,
    /// The language of labels and key.
    pub lang: Lang,
    /// Whether difference rows show both sides' positions (else they say "differ").
    pub positions: bool,
}

/// The colours of a figure in one style: what `tests` checks for greyscale and the
/// colour-vision deficiencies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigurePalette {
    /// The text.
    pub text: &'static str,
    /// The page behind the table.
    pub background: &'static str,
    /// A dot on a common-ground row.
    pub common_ground: &'static str,
    /// A dot on a difference row.
    pub difference: &'static str,
    /// Behind the common-ground heading.
    pub common_ground_fill: &'static str,
    /// Behind the differences heading.
    pub difference_fill: &'static str,
}

impl FigurePalette {
    /// The colours of `palette`: Okabe-Ito blue and vermillion for the screen (told
    /// apart under the common colour-vision deficiencies), black and greys for print.
    pub fn of(palette: Palette) -> Self {
        match palette {
            Palette::Colour => Self {
                text: "#000000",
                background: "#ffffff",
                common_ground: "#0072b2",
                difference: "#d55e00",
                common_ground_fill: "#d9eaf5",
                difference_fill: "#f8e1d1",
            },
            Palette::Print => Self {
                text: "#000000",
                background: "#ffffff",
                common_ground: "#000000",
                difference: "#000000",
                common_ground_fill: "#e0e0e0",
                difference_fill: "#e0e0e0",
            },
        }
    }
}

/// The font of a figure in `lang`: for Chinese, Latin text in Liberation Sans and
/// Chinese in a Simplified Chinese face named explicitly (`CJK_FONT`; left to
/// fontconfig, "Helvetica" falls back to the Japanese variant of Noto Sans CJK, whose
/// glyphs for some characters differ); otherwise Liberation Sans
/// (Helvetica's and Arial's metrics), else Arial, else Helvetica, the first Pango finds
/// (a bare "Helvetica" comes out as the wider `DejaVu Sans` on Debian).
pub fn font(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => writer::CJK_FONT,
        Lang::En => "Liberation Sans,Arial,Helvetica",
    }
}

/// A figure that fits: its scene and its size in points (width, height).
#[derive(Debug)]
pub struct Fitted {
    /// The scene to write or render.
    pub scene: Scene,
    /// Its measured size, in points.
    pub size: (f32, f32),
    /// The text size it is set in, in points.
    pub text_size: f32,
}

/// Most layouts tried before the width is given up.
const TRIES: usize = 8;

/// The figure of `table` laid out to `request`'s width, measured by Graphviz: the
/// text is wrapped to columns estimated at half an em a character, and while the
/// table comes out wider than asked (a long word, a wide glyph), the next try plans
/// its columns narrower by the excess.
///
/// # Errors
/// [`Error::Usage`] when no wrapping fits the width at the least text size, or the
/// figure is taller than the page allows, naming what to drop; [`Error::External`]
/// when Graphviz fails or is missing.
pub fn fit(table: &JournalTable, request: &FigureRequest) -> Result<Fitted, Error> {
    // Wider figures get a point more than the least size: 7 pt at 17 cm, 6 at 8.5.
    let text_size = if request.width >= 12.0 * POINTS_PER_CM {
        request.min_text + 1.0
    } else {
        request.min_text
    };
    let mut last = None;
    let mut budget = request.width;
    for _ in 0..TRIES {
        let scene = scene(table, request, text_size, budget);
        let svg = render(writer::graph(&scene), ImageFormat::Svg, 72)?;
        let (w, h) = image_inches(&svg, ImageFormat::Svg, 72)
            // A page's size in points is far within f32's precision.
            .map(|(w, h)| {
                #[allow(clippy::cast_possible_truncation)]
                let points = ((w * 72.0) as f32, (h * 72.0) as f32);
                points
            })
            .ok_or_else(|| Error::External("cannot read the size of Graphviz's SVG".into()))?;
        if w <= request.width + 0.5 {
            if h > request.max_height {
                return Err(too_tall(table, request, h));
            }
            return Ok(Fitted {
                scene,
                size: (w, h),
                text_size,
            });
        }
        last = Some(w);
        budget -= (w - request.width).max(1.0);
        if budget < request.width * 0.5 {
            break;
        }
    }
    Err(Error::Usage(format!(
        "the figure cannot be {} cm wide with text of at least {} pt: at its narrowest it is \
         {} cm. To fit, leave out the positions (`--no-positions`), draw fewer papers \
         (`--paper`), or make it wider (`--width 17cm`)",
        cm(request.width),
        request.min_text,
        cm(last.unwrap_or(0.0))
    )))
}

/// `points` in centimetres, to a millimetre ("8.5", "17").
pub fn cm(points: f32) -> String {
    let text = format!("{:.1}", points / POINTS_PER_CM);
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => text,
    }
}

/// The refusal of a figure `height` points tall: what to drop, and how much each
/// choice leaves.
fn too_tall(table: &JournalTable, request: &FigureRequest, height: f32) -> Error {
    let wordings: usize = table.rows.iter().map(|r| r.positions.len().max(1)).sum();
    let mut drop = Vec::new();
    if request.positions {
        drop.push(format!(
            "leave out the positions with `--no-positions` (one line per row instead of \
             {wordings} lines of wordings)"
        ));
    }
    let fewest = table.rows.iter().map(|r| r.keys.len()).min().unwrap_or(1);
    let more = fewest + 1;
    let kept = table.rows.iter().filter(|r| r.keys.len() >= more).count();
    if kept > 0 {
        drop.push(format!(
            "keep the {kept} of {} rows that {more} or more papers assert with `--min-papers {more}`",
            table.rows.len()
        ));
    }
    drop.push("draw fewer papers with `--paper`".into());
    Error::Usage(format!(
        "the figure is {} cm tall at {} cm wide, taller than the {} cm a page allows \
         (`--max-height`). To fit, {}",
        cm(height),
        cm(request.width),
        cm(request.max_height),
        drop.join(", or ")
    ))
}

/// The columns' widths in points for a table `budget` points wide: aspect, each side,
/// each paper's dot. With the positions, the sides take most of the width; without,
/// they hold a word or two and the aspects take the rest.
#[allow(clippy::cast_precision_loss)] // a handful of papers, a word's few columns
fn columns(table: &JournalTable, budget: f32, size: f32, positions: bool) -> (f32, f32, f32) {
    let dot = (size * 1.6).ceil();
    // Less the figure's pad on either side (writer: 0.02 in), and a point to spare.
    let rest = budget - 4.0 - dot * table.papers.len() as f32;
    // The longest word of the two headings (bold: about 0.6 em a column) must fit.
    let word = [&table.sides.0, &table.sides.1]
        .iter()
        .flat_map(|side| side.split_whitespace())
        .map(textwrap::core::display_width)
        .max()
        .unwrap_or(0) as f32;
    let least = (word * size * 0.6 + 4.0).ceil();
    let share = if positions { 0.39 } else { 0.2 };
    let each = (rest * share).floor().max(least);
    (rest - 2.0 * each, each, dot)
}

/// Display columns (textwrap's width: a CJK character counts two) that fit `points`
/// of text at `size`: about half an em a column, less the cell's padding.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // at least 4, a page's columns
fn wrap_columns(points: f32, size: f32) -> usize {
    let padding = 4.0;
    ((points - padding) / (size * 0.5)).floor().max(4.0) as usize
}

/// The figure as a scene: one table.
fn scene(table: &JournalTable, request: &FigureRequest, size: f32, budget: f32) -> Scene {
    let colours = FigurePalette::of(request.palette);
    let (topic_width, side_width, dot_width) = columns(table, budget, size, request.positions);
    let topic_columns = wrap_columns(topic_width, size);
    let side_columns = wrap_columns(side_width, size);
    let all = 3 + table.papers.len();
    let all_span = u16::try_from(all).unwrap_or(u16::MAX);
    let words = table.words;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a page's points
    let sized = |mut cell: Cell, width: f32| {
        cell.width = Some(width.max(0.0) as u32);
        cell
    };
    let mut rows = Vec::new();

    let (a, b) = &table.sides;
    let mut header = vec![
        sized(bold(wrap(words.topic, topic_columns)), topic_width),
        sized(bold(wrap(a, side_columns)), side_width),
        sized(bold(wrap(b, side_columns)), side_width),
    ];
    for i in 1..=table.papers.len() {
        let mut cell = bold(vec![i.to_string()]);
        cell.align = Align::Centre;
        header.push(sized(cell, dot_width));
    }
    rows.push(TableRow {
        cells: header,
        rule_above: true,
    });

    for (stance, title, fill, dot) in [
        (
            Stance::CommonGround,
            words.common_ground,
            colours.common_ground_fill,
            colours.common_ground,
        ),
        (
            Stance::Difference,
            words.differences,
            colours.difference_fill,
            colours.difference,
        ),
    ] {
        let section: Vec<&Row> = table.rows_of(stance).collect();
        if section.is_empty() {
            continue;
        }
        let mut heading = bold(vec![title.to_string()]);
        // Chinese has no italic: Pango would slant the glyphs by hand.
        heading.italic = !words.cjk;
        heading.span = all_span;
        heading.fill = Some(Colour::new(fill));
        rows.push(TableRow {
            cells: vec![heading],
            rule_above: rows.len() == 1,
        });
        for row in section {
            let topic = format!("{}{}", row.topic, words.mark(row.dispute));
            let wordings: Vec<Wording<'_>> = if request.positions && !row.positions.is_empty() {
                row.positions
                    .iter()
                    .map(|(x, y, keys)| (Some((x.as_str(), y.as_str())), keys.as_slice()))
                    .collect()
            } else {
                vec![(None, row.keys.as_slice())]
            };
            for (i, (positions, keys)) in wordings.into_iter().enumerate() {
                let first = if i == 0 {
                    wrap(&topic, topic_columns)
                } else {
                    Vec::new()
                };
                let mut cells = vec![Cell::text(first)];
                if let Some((x, y)) = positions {
                    cells.push(Cell::text(wrap(x, side_columns)));
                    cells.push(Cell::text(wrap(y, side_columns)));
                } else {
                    let says = match stance {
                        Stance::CommonGround => words.shared,
                        Stance::Difference => words.differ,
                    };
                    let mut cell = Cell::text(vec![says.to_string()]);
                    cell.italic = !words.cjk;
                    cell.span = 2;
                    cell.align = Align::Centre;
                    cells.push(cell);
                }
                for (key, _) in &table.papers {
                    let asserted = keys.contains(key);
                    let mut cell = Cell::text(vec![if asserted { "●" } else { "" }.to_string()]);
                    cell.align = Align::Centre;
                    cell.colour = asserted.then(|| Colour::new(dot));
                    cells.push(cell);
                }
                rows.push(TableRow {
                    cells,
                    rule_above: false,
                });
            }
        }
    }

    // The key, under the bottom rule: the dot, the marks used, the papers by number.
    let key_columns = wrap_columns(budget, size);
    let mut key = Vec::new();
    let mut first_line = vec![words.dot.to_string()];
    first_line.extend(
        table
            .notes()
            .into_iter()
            .map(|(mark, meaning)| format!("{mark} {meaning}")),
    );
    key.extend(wrap(&first_line.join("; "), key_columns));
    let papers: Vec<String> = table
        .papers
        .iter()
        .enumerate()
        .map(|(i, (_, cite))| format!("{} {cite}", i + 1))
        .collect();
    key.extend(wrap(&papers.join("; "), key_columns));
    let mut key_cell = Cell::text(key);
    key_cell.span = all_span;
    rows.push(TableRow {
        cells: vec![key_cell],
        rule_above: true,
    });

    Scene {
        rankdir: Rankdir::TopBottom,
        layout: Layout::Layered,
        heading: Heading::None,
        items: vec![Item::Table(Table {
            id: "comparison".into(),
            font: font(request.lang).into(),
            font_size: size,
            rows,
        })],
    }
}

/// One line of a row: the two positions (none for common ground or without
/// positions) and the keys of the papers giving them.
type Wording<'t> = (Option<(&'t str, &'t str)>, &'t [String]);

fn bold(lines: Vec<String>) -> Cell {
    let mut cell = Cell::text(lines);
    cell.bold = true;
    cell
}
