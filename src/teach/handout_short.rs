//! `linkage handout --diff A B --short`: a comparison on two printed pages (A4 or
//! Letter, through pandoc and weasyprint). The first page is the title line, the
//! compact table and two or three questions for discussion from the disputes, each
//! side quoted from its paper; the second the journal figure of the comparison
//! (`dot::figure_table`, the one `linkage figure` draws, through the one DOT writer)
//! at the page's width, a pointer to the quotes behind every row, and the sources.
//!
//! The pages are held to two by a print stylesheet in the Markdown's metadata (HTML
//! output only; DOCX and LaTeX ignore it) and by drawing the figure no taller than
//! `FIGURE_MAX_HEIGHT`: the figure drops what does not fit (the rows fewer papers
//! assert, then the positions) rather than shrink its text.

use std::fmt::Write as _;

use petgraph::graph::NodeIndex;

use crate::{
    dot::{
        figure_table::{self, FigureRequest, POINTS_PER_CM},
        render::image_inches,
        writer, ImageFormat, Lang, Palette,
    },
    error::Error,
    formats::citations::bibtex_key,
    graph::ConceptGraph,
    i18n::Messages,
    output::table::JournalTable,
    paper_filter::PaperFilter,
    teach::handout::{
        comparison_table, discussed, discussion, escape, front_matter, heading, sources, Asked,
        Options,
    },
};

/// The figure's printed width: 17 cm, within A4's text block at the margins set by
/// [`PRINT_STYLE`] (21 cm less 2 × 1.2 cm) and Letter's.
const FIGURE_WIDTH: f32 = 17.0 * POINTS_PER_CM;

/// The tallest the figure may be: the second page's text block (Letter, the shorter:
/// 27.9 cm less 2 × 1 cm) less the pointer and the sources under it.
const FIGURE_MAX_HEIGHT: f32 = 20.0 * POINTS_PER_CM;

/// How many questions for discussion the first page holds.
const QUESTIONS: usize = 3;

/// The print stylesheet, as pandoc metadata: `header-includes` is put in the HTML
/// head after pandoc's own style, so it wins; its raw-HTML block is dropped by every
/// other writer. Text at 9 pt, margins of 1 cm (top, bottom) and 1.2 cm (sides), the two comparison tables side by
/// side, the figure on a page of its own.
const PRINT_STYLE: &str = r"header-includes: |
  ```{=html}
  <style>
  @page { margin: 1cm 1.2cm; }
  html, body { font-size: 9pt; line-height: 1.25; }
  body { max-width: none; padding: 0; margin: 0; }
  header#title-block-header { margin-bottom: 0.6em; }
  h1.title { font-size: 1.6em; margin: 0 0 0.2em 0; }
  p.subtitle, p.date { display: inline; margin: 0 1em 0 0; font-size: 1em; }
  h2 { font-size: 1.2em; margin: 0.8em 0 0.3em 0; }
  p, ol, ul { margin: 0.4em 0; }
  table { float: left; width: 48%; margin: 0 2% 0.5em 0; font-size: 0.95em; }
  th, td { padding: 0.05em 0.4em; }
  table + p { clear: both; }
  h2#questions-for-discussion { clear: both; }
  blockquote { margin: 0.2em 0 0.2em 0.8em; padding-left: 0.6em; font-size: 0.92em; }
  h2#sources + ul { font-size: 0.85em; }
  h2#sources + ul li { margin-bottom: 0; }
  figure { break-before: page; margin: 0; }
  figcaption { font-size: 0.95em; }
  li { margin-bottom: 0.3em; }
  </style>
  ```
";

/// The figure of a short handout: the SVG and what it leaves out, for its caption.
#[derive(Debug)]
pub struct CompactFigure {
    /// The figure, as Graphviz drew it (sizes in points).
    pub svg: Vec<u8>,
    /// Only the rows at least this many papers assert are drawn.
    pub min_papers: usize,
    /// Whether difference rows show both sides' positions.
    pub positions: bool,
    /// How many rows the table has in all.
    pub rows: usize,
}

/// The comparison of `pair` as the journal figure, the most of it that fits the second
/// page: every row with the positions, else the rows two, three, ... papers assert
/// with the positions, else every row without them. `None` when the papers name no
/// common ground or difference of the two (a short handout then draws the argument's
/// figure, as for a chain).
///
/// # Errors
/// [`Error::External`] when Graphviz fails or is missing; [`Error::Usage`] when not
/// even the rows without the positions fit.
pub fn compact_figure(
    graph: &ConceptGraph,
    pair: (NodeIndex, NodeIndex),
    lang: Lang,
) -> Result<Option<CompactFigure>, Error> {
    let full = JournalTable::new(graph, pair, &PaperFilter::every(), lang);
    if full.rows.is_empty() {
        return Ok(None);
    }
    let most = full.rows.iter().map(|r| r.keys.len()).max().unwrap_or(1);
    let choices = (1..=most)
        .map(|min| (min, true))
        .chain(std::iter::once((1, false)));
    let mut refusal = None;
    for (min_papers, positions) in choices {
        let mut table = JournalTable::new(graph, pair, &PaperFilter::every(), lang);
        table.keep_asserted_by(min_papers);
        let request = FigureRequest {
            width: FIGURE_WIDTH,
            max_height: FIGURE_MAX_HEIGHT,
            min_text: 6.0,
            palette: Palette::Colour,
            lang,
            positions,
        };
        match figure_table::fit(&table, &request) {
            Ok(fitted) => {
                let svg = crate::dot::render(writer::graph(&fitted.scene), ImageFormat::Svg, 72)?;
                return Ok(Some(CompactFigure {
                    svg,
                    min_papers,
                    positions,
                    rows: full.rows.len(),
                }));
            }
            Err(Error::Usage(why)) => refusal = Some(why),
            Err(other) => return Err(other),
        }
    }
    Err(Error::Usage(refusal.unwrap_or_default()))
}

/// The short handout's Markdown: page one the title line, the compact table and the
/// questions (each side quoted); page two the figure (`src`, drawn as `figure` says),
/// where the quotes of every row are, and the sources.
pub fn markdown(
    graph: &ConceptGraph,
    (a, b): (NodeIndex, NodeIndex),
    figure: &CompactFigure,
    src: &str,
    options: &Options,
    lang: Lang,
) -> String {
    let words = Messages::of(lang);
    let table = JournalTable::new(graph, (a, b), &PaperFilter::every(), lang);
    let title = words.a_and_b(&table.sides.0, &table.sides.1);
    let mut md = front_matter(&title, options, PRINT_STYLE);
    md.push_str(&heading(words, words.at_a_glance(), "at-a-glance"));
    md.push_str(&comparison_table(&table, words));
    md.push_str(&discussion(
        graph,
        Asked::Pair(a, b),
        QUESTIONS,
        true,
        words,
    ));
    let size = image_inches(&figure.svg, ImageFormat::Svg, 72).map_or(String::new(), |(w, h)| {
        format!("{{width={w:.2}in height={h:.2}in}}")
    });
    let caption = words.compact_caption(figure.min_papers, figure.rows, figure.positions);
    let _ = writeln!(md, "![{}]({src}){size}\n", escape(&caption));
    let zh = if lang == Lang::Zh { " --lang zh" } else { "" };
    let command = format!(
        "linkage{zh} handout --diff {} {}",
        graph.node(a).id,
        graph.node(b).id
    );
    let _ = writeln!(md, "{}\n", words.every_rows_quotes(&command));
    // The papers the table counts and those the questions quote.
    let questioned: Vec<String> = discussed(graph, Asked::Pair(a, b), QUESTIONS)
        .disputes
        .iter()
        .flat_map(|d| d.papers().into_iter().map(str::to_string))
        .collect();
    let cited: Vec<&str> = graph
        .papers()
        .map(|p| p.id.as_str())
        .filter(|id| {
            questioned.iter().any(|q| q == id)
                || table.papers.iter().any(|(key, _)| *key == bibtex_key(id))
        })
        .collect();
    md.push_str(&sources(graph, &cited, words));
    md
}
