//! `linkage steps`: an argument as numbered SVG figures, one relation revealed at a
//! time, and as a slide deck (`index.html`, [`super::deck_page`]) whose slides are
//! the lesson's [`Deck`]: for a chain or a paper each figure with its sources, for a
//! comparison one row of it a slide.

use crate::{
    error::Error,
    graph::ConceptGraph,
    teach::{
        argument::Argument,
        deck_page::{page, Figures},
        figure::{scene, slide_scene, svg},
        slides::{Deck, Figure},
    },
    write::DestinationDir,
};

/// File name of step `k` (0-based): `step-01.svg`, zero-padded to sort.
pub fn step_file(k: usize, count: usize) -> String {
    let width = count.to_string().len().max(2);
    format!("step-{:0width$}.svg", k + 1)
}

/// Renders every step, and the figures the slides show, then writes the steps and
/// `index.html` into `dir` (created if missing). The numbered steps are written only
/// for a deck that reveals its argument step by step (a chain, a paper): a
/// comparison's slides are its rows, which show no figure, so its directory holds the
/// deck alone. Everything is rendered before anything is written, so a Graphviz
/// failure leaves the directory as it was. Returns the files written.
///
/// # Errors
/// Graphviz missing or failing; the directory or a file not writable.
pub fn write_steps(
    graph: &ConceptGraph,
    argument: &Argument<'_>,
    deck: &Deck,
    dir: &DestinationDir,
) -> Result<Vec<String>, Error> {
    let count = argument.steps.len();
    let stepped = deck
        .slides
        .iter()
        .any(|s| matches!(s.figure, Some(Figure::Step(_))));
    let numbered = if stepped { count } else { 0 };
    let figures: Vec<Vec<u8>> = (0..numbered)
        .map(|k| svg(&scene(graph, argument, Some(k))))
        .collect::<Result<_, _>>()?;
    let mut whole = None;
    let mut shown = vec![Vec::new(); count];
    for figure in deck.slides.iter().filter_map(|s| s.figure) {
        let drawn = svg(&slide_scene(graph, argument, figure))?;
        match figure {
            Figure::Whole => whole = Some(drawn),
            Figure::Step(k) => shown[k] = drawn,
        }
    }
    let names: Vec<String> = (0..numbered).map(|k| step_file(k, count)).collect();
    let files = names
        .iter()
        .map(|name| dir.file(name))
        .collect::<Result<Vec<_>, _>>()?;
    let index = dir.file("index.html")?;
    dir.create()?;
    let mut written = Vec::new();
    for ((file, figure), name) in files.iter().zip(&figures).zip(names) {
        file.write(figure)?;
        written.push(name);
    }
    let figures = Figures {
        whole: whole.as_deref(),
        steps: &shown,
    };
    index.write(page(deck, figures).as_bytes())?;
    written.push("index.html".into());
    Ok(written)
}
