//! A lesson as slides: what each slide of a deck says, whatever draws it (the HTML
//! deck of `steps`, its `.pptx` through pandoc), so every form of a deck says the same.
//!
//! A chain or a paper's argument is a title slide with the whole figure, then one
//! slide per relation with its figure revealed up to it. A comparison is a title slide
//! with the comparison at a glance, one slide per relation between the two, then one
//! slide per row of the comparison (common ground, then differences, in the order of
//! `linkage compare`), each with both sides' positions in the papers' words, the
//! papers behind it, one quote a paper, and how the papers dispute it. The rows and
//! their dispute marks are the journal table's ([`JournalTable`]), which reads the
//! comparison model and the disputes model: the deck judges nothing itself.

use petgraph::graph::NodeIndex;

use crate::{
    dot::{node_label, Lang},
    graph::ConceptGraph,
    i18n::{Messages, PAPERS, STEPS},
    output::{sentence::hop_sentence_in, table::JournalTable},
    paper_filter::PaperFilter,
    query::{
        compare::compare,
        comparison::{Row, Stance},
        contested::Strength,
        Hop,
    },
    relation::Source,
    schema::Role,
    teach::argument::{Argument, Step, Subject},
};

/// A deck: its title and its slides, the first being the title slide.
#[derive(Debug, Clone)]
pub struct Deck {
    /// The lesson's title ("A and B", "From A to B").
    pub title: String,
    /// The slides in order.
    pub slides: Vec<Slide>,
    /// The language the slides are in (quotes aside).
    pub lang: Lang,
}

/// One slide.
#[derive(Debug, Clone, Default)]
pub struct Slide {
    /// The small line above the heading: "Step 2 of 5", "Difference 3 of 11".
    pub kicker: String,
    /// The heading.
    pub heading: String,
    /// How the papers dispute what the slide shows, in words, when they do.
    pub dispute: Option<String>,
    /// Sentences: what the relation says, who says it.
    pub lines: Vec<String>,
    /// Tables: the comparison at a glance, or a difference's positions.
    pub tables: Vec<Table>,
    /// The figure shown, if any.
    pub figure: Option<Figure>,
    /// The evidence: one quote for each paper behind the slide.
    pub quotes: Vec<Quote>,
}

/// A table of text cells.
#[derive(Debug, Clone)]
pub struct Table {
    /// The column headings.
    pub head: Vec<String>,
    /// The rows, as many cells as headings.
    pub rows: Vec<Vec<String>>,
    /// Which columns hold numbers (set flush right).
    pub numeric: Vec<bool>,
}

/// Which figure a slide shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// The whole argument.
    Whole,
    /// The argument revealed up to step `k` (0-based): `step-{k+1}.svg`.
    Step(usize),
}

/// A quote with who says it and where.
#[derive(Debug, Clone)]
pub struct Quote {
    /// The sentence(s) of the paper's text the quote is in, as every printer gives it.
    pub text: String,
    /// The paper's short citation.
    pub cite: String,
    /// Where in the paper, as the terminal says it (the fewest headings naming one place).
    pub locator: String,
    /// How many more quotes the paper gives for the same slide (in the handout and
    /// the explorer).
    pub more: usize,
    /// The language of the deck around the quote.
    pub lang: Lang,
}

impl Quote {
    /// What follows the locator: " (and 2 more quotes)", or nothing.
    pub fn more_note(&self) -> String {
        Messages::of(self.lang).more_quotes(self.more)
    }
}

/// The deck of `argument` (made for `topic`).
pub fn deck(graph: &ConceptGraph, argument: &Argument<'_>, topic: &Subject) -> Deck {
    let words = Messages::of(argument.lang);
    let slides = match topic {
        Subject::Diff(a, b) => comparison_slides(graph, argument, (*a, *b), words),
        Subject::Path(..) | Subject::Paper(_) => step_slides(graph, argument, words),
    };
    Deck {
        title: argument.title.clone(),
        slides,
        lang: argument.lang,
    }
}

/// One quote a paper, the first each gives, in order of first appearance, with how
/// many more each gives.
fn quotes<'g>(
    graph: &ConceptGraph,
    sources: impl IntoIterator<Item = &'g Source>,
    words: Messages,
) -> Vec<Quote> {
    let mut firsts: Vec<(&Source, usize)> = Vec::new();
    for source in sources {
        match firsts.iter_mut().find(|(s, _)| s.paper == source.paper) {
            Some((_, more)) => *more += 1,
            None => firsts.push((source, 0)),
        }
    }
    firsts
        .into_iter()
        .map(|(source, more)| Quote {
            text: graph.printed_quote(source).into_owned(),
            cite: graph.cite(&source.paper).to_string(),
            locator: graph.short_locator(source),
            more,
            lang: words.lang(),
        })
        .collect()
}

/// "2 papers: A; B" (or "1 paper: A").
fn papers_line(graph: &ConceptGraph, papers: &[&str], words: Messages) -> String {
    let cites: Vec<&str> = papers.iter().map(|p| graph.cite(p)).collect();
    format!(
        "{}{}{}",
        words.count(papers.len(), PAPERS),
        words.colon(),
        cites.join("; ")
    )
}

/// A relation's slide: its sentence, its positions, who says it and their quotes.
fn step_slide(graph: &ConceptGraph, step: &Step<'_>, kicker: String, words: Messages) -> Slide {
    let papers = crate::relation::distinct_papers(step.sources.iter().copied());
    let mut lines = vec![papers_line(graph, &papers, words)];
    if let Some((from, to)) = &step.positions {
        let label = |ix| node_label(graph, ix, words.lang());
        lines.insert(
            0,
            format!("{}{}{from}", label(step.hop.from), words.colon()),
        );
        lines.insert(1, format!("{}{}{to}", label(step.hop.to), words.colon()));
    }
    Slide {
        kicker,
        heading: step.sentence.clone(),
        lines,
        quotes: quotes(graph, step.sources.iter().copied(), words),
        ..Slide::default()
    }
}

/// A chain or a paper's argument: the whole figure, then each step revealed.
fn step_slides(graph: &ConceptGraph, argument: &Argument<'_>, words: Messages) -> Vec<Slide> {
    let count = argument.steps.len();
    let papers = crate::relation::distinct_papers(
        argument
            .steps
            .iter()
            .flat_map(|s| s.sources.iter().copied()),
    );
    let mut slides = vec![Slide {
        kicker: words.count(count, STEPS),
        heading: argument.title.clone(),
        lines: vec![papers_line(graph, &papers, words)],
        figure: Some(Figure::Whole),
        ..Slide::default()
    }];
    slides.extend(argument.steps.iter().enumerate().map(|(k, step)| Slide {
        figure: Some(Figure::Step(k)),
        ..step_slide(graph, step, words.step_of(k + 1, count), words)
    }));
    slides
}

/// The dispute about a row, as a slide says it: the journal table's note for it.
fn dispute_words(
    table: &JournalTable,
    strength: Option<Strength>,
    words: Messages,
) -> Option<String> {
    let (_, mark, meaning) = table
        .words
        .disputes
        .iter()
        .find(|(s, _, _)| Some(*s) == strength)?;
    Some(format!("{mark} {}{meaning}", words.disputed_because()))
}

/// A comparison: at a glance, how the two relate, then each row.
fn comparison_slides(
    graph: &ConceptGraph,
    argument: &Argument<'_>,
    (a, b): (NodeIndex, NodeIndex),
    words: Messages,
) -> Vec<Slide> {
    let every = PaperFilter::every();
    let table = JournalTable::new(graph, (a, b), &every, words.lang());
    // The same rows in the same order (the table is built from this very matrix), with
    // their claims, for the papers and the quotes.
    let matrix = compare(graph, Some((a, b)), &every);
    let rows: Vec<(&Row<'_>, Option<Strength>)> = matrix
        .rows
        .iter()
        .zip(&table.rows)
        .map(|(m, t)| {
            debug_assert_eq!(node_label(graph, m.row.topic, words.lang()), t.topic);
            (&m.row, t.dispute)
        })
        .collect();
    let direct: Vec<&Step<'_>> = argument
        .steps
        .iter()
        .filter(|s| graph.kind_of(graph.relation(s.hop.edge)).role == Role::Ordinary)
        .collect();
    let papers = matrix
        .papers
        .iter()
        .filter(|p| {
            rows.iter().any(|(r, _)| r.papers().contains(&p.as_str()))
                || direct
                    .iter()
                    .any(|s| s.sources.iter().any(|src| src.paper == **p))
        })
        .count();
    let mut slides = vec![glance(&table, &rows, papers, words)];
    let count = direct.len();
    slides.extend(
        direct.iter().enumerate().map(|(k, step)| {
            step_slide(graph, step, words.how_they_relate_of(k + 1, count), words)
        }),
    );
    for (stance, name) in [
        (Stance::CommonGround, words.common_ground()),
        (Stance::Difference, words.difference()),
    ] {
        let of_stance: Vec<_> = rows.iter().filter(|(r, _)| r.stance == stance).collect();
        let count = of_stance.len();
        for (k, (row, dispute)) in of_stance.into_iter().enumerate() {
            slides.push(row_slide(
                graph,
                &table,
                row,
                *dispute,
                words.item_of(name, k + 1, count),
                words,
            ));
        }
    }
    slides
}

/// The title slide of a comparison: every row, how many papers name it, how they
/// dispute it.
fn glance(
    table: &JournalTable,
    rows: &[(&Row<'_>, Option<Strength>)],
    papers: usize,
    words: Messages,
) -> Slide {
    let tables = [
        (Stance::CommonGround, words.common_ground()),
        (Stance::Difference, words.difference()),
    ]
    .into_iter()
    .filter_map(|(stance, name)| {
        let cells: Vec<Vec<String>> = rows
            .iter()
            .zip(&table.rows)
            .filter(|((r, _), _)| r.stance == stance)
            .map(|((row, dispute), t)| {
                vec![
                    t.topic.clone(),
                    row.papers().len().to_string(),
                    dispute
                        .map(|s| words.strength(s))
                        .unwrap_or_default()
                        .to_string(),
                ]
            })
            .collect();
        (!cells.is_empty()).then(|| Table {
            head: vec![
                name.into(),
                words.papers_heading().into(),
                words.disputed().into(),
            ],
            rows: cells,
            numeric: vec![false, true, false],
        })
    })
    .collect();
    Slide {
        kicker: words.at_a_glance().into(),
        heading: words.a_and_b(&table.sides.0, &table.sides.1),
        lines: vec![words.papers_compare_them(papers), words.glance_key().into()],
        tables,
        ..Slide::default()
    }
}

/// One row of the comparison: for a difference, each wording of the two positions
/// with the papers giving it; the papers behind the row; one quote a paper.
fn row_slide(
    graph: &ConceptGraph,
    table: &JournalTable,
    row: &Row<'_>,
    dispute: Option<Strength>,
    kicker: String,
    words: Messages,
) -> Slide {
    let mut lines = Vec::new();
    let mut tables = Vec::new();
    let (a, b) = &table.sides;
    match row.stance {
        Stance::CommonGround => {
            // What the papers say, in the schema's sentences (one each, however many
            // claims word it alike).
            for claim in &row.claims {
                let r = claim.relation;
                let (from, to) = if graph.kind_of(r).symmetric {
                    row.pair
                } else {
                    (r.from, r.to)
                };
                let hop = Hop {
                    edge: claim.edge,
                    from,
                    to,
                    forward: from == r.from,
                };
                let sentence = hop_sentence_in(graph, &hop, words.lang());
                if !lines.contains(&sentence) {
                    lines.push(sentence);
                }
            }
        }
        Stance::Difference => {
            let positions = row
                .wordings()
                .iter()
                .filter_map(|w| {
                    let (x, y) = w.positions?;
                    let cites: Vec<&str> = w.papers().iter().map(|p| graph.cite(p)).collect();
                    Some(vec![x.to_string(), y.to_string(), cites.join("; ")])
                })
                .collect();
            tables.push(Table {
                head: vec![a.clone(), b.clone(), words.papers_heading().into()],
                rows: positions,
                numeric: vec![false; 3],
            });
        }
    }
    lines.push(papers_line(graph, &row.papers(), words));
    Slide {
        kicker,
        heading: node_label(graph, row.topic, words.lang()).to_string(),
        dispute: dispute_words(table, dispute, words),
        lines,
        tables,
        figure: None,
        quotes: quotes(
            graph,
            row.claims.iter().flat_map(|c| c.sources.iter().copied()),
            words,
        ),
    }
}
