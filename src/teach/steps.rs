//! `linkage steps`: an argument as numbered SVG figures, one relation revealed at a
//! time, and the same figures as an HTML slide deck (arrow keys) with every source.

use std::fmt::Write as _;

use crate::{
    error::Error,
    graph::ConceptGraph,
    teach::{
        argument::Argument,
        figure::{scene, svg},
        html::CONTENT_SECURITY_POLICY,
    },
    write::DestinationDir,
};

/// File name of step `k` (0-based): `step-01.svg`, zero-padded to sort.
pub fn step_file(k: usize, count: usize) -> String {
    let width = count.to_string().len().max(2);
    format!("step-{:0width$}.svg", k + 1)
}

/// Renders every step, then writes them and `index.html` into `dir` (created if
/// missing). Everything is rendered before anything is written, so a Graphviz failure
/// leaves the directory as it was. Returns the files written.
///
/// # Errors
/// Graphviz missing or failing; the directory or a file not writable.
pub fn write_steps(
    graph: &ConceptGraph,
    argument: &Argument<'_>,
    dir: &DestinationDir,
) -> Result<Vec<String>, Error> {
    let count = argument.steps.len();
    let figures: Vec<Vec<u8>> = (0..count)
        .map(|k| svg(&scene(graph, argument, Some(k))))
        .collect::<Result<_, _>>()?;
    let names: Vec<String> = (0..count).map(|k| step_file(k, count)).collect();
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
    index.write(deck(graph, argument, &figures).as_bytes())?;
    written.push("index.html".into());
    Ok(written)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The SVG element of a Graphviz SVG document, without its XML prologue.
fn inline_svg(figure: &[u8]) -> String {
    let text = String::from_utf8_lossy(figure);
    text.find("<svg")
        .map_or_else(|| text.to_string(), |start| text[start..].to_string())
}

/// The slide deck: one slide per step with the figure inlined and the sources in full.
pub fn deck(graph: &ConceptGraph, argument: &Argument<'_>, figures: &[Vec<u8>]) -> String {
    let count = argument.steps.len();
    let mut slides = String::new();
    for (k, (step, figure)) in argument.steps.iter().zip(figures).enumerate() {
        let _ = write!(
            slides,
            "<section class=\"slide\" id=\"step-{}\" aria-label=\"Step {} of {count}\"{}>\n<div class=\"figure\">{}</div>\n<h2>{}. {}</h2>\n",
            k + 1,
            k + 1,
            if k == 0 { "" } else { " hidden" },
            inline_svg(figure),
            k + 1,
            escape(&step.sentence),
        );
        for source in &step.sources {
            let _ = writeln!(
                slides,
                "<p class=\"source\"><b>{}</b>, {}</p><blockquote>“{}”</blockquote>",
                escape(graph.cite(&source.paper)),
                escape(&graph.cited_locator(source)),
                escape(&graph.printed_quote(source))
            );
        }
        slides.push_str("</section>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n\
<title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
<header><h1>{title}</h1><nav><button id=\"prev\" type=\"button\">← Previous</button> \
<span id=\"counter\" aria-live=\"polite\">Step 1 of {count}</span> \
<button id=\"next\" type=\"button\">Next →</button></nav></header>\n<main>\n{slides}</main>\n\
<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        title = escape(&argument.title),
    )
}

const STYLE: &str = "body { font: 16px/1.45 system-ui, Helvetica, Arial, sans-serif; color: #1a1a1a; margin: 0 1.5rem; }
header { display: flex; justify-content: space-between; align-items: center; border-bottom: 1px solid #ccc; }
h1 { font-size: 1.2rem; } h2 { font-size: 1.1rem; }
button { font: inherit; padding: .2rem .7rem; border: 1px solid #1f4e79; color: #1f4e79; background: #fff; border-radius: 3px; }
button:hover { background: #1f4e79; color: #fff; }
:focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }
/* The figure's own caption (the graph label, a direct child of the top group) repeats the heading below. */
.figure svg > g > text { display: none; }
.figure svg { max-width: 100%; height: auto; max-height: 62vh; display: block; margin: .5rem auto; }
blockquote { margin: .2rem 0 .6rem .5rem; padding-left: .6rem; border-left: 3px solid #8aa9c6; }
.source { margin: .3rem 0 0; }
@media print { header nav { display: none; } .slide[hidden] { display: block; page-break-after: always; } }
";

const SCRIPT: &str = "(function () {
  var slides = document.querySelectorAll('.slide'), at = 0;
  function show(k) {
    at = Math.max(0, Math.min(slides.length - 1, k));
    slides.forEach(function (s, i) { s.hidden = i !== at; });
    document.getElementById('counter').textContent = 'Step ' + (at + 1) + ' of ' + slides.length;
  }
  document.getElementById('prev').addEventListener('click', function () { show(at - 1); });
  document.getElementById('next').addEventListener('click', function () { show(at + 1); });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') { show(at + 1); e.preventDefault(); }
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') { show(at - 1); e.preventDefault(); }
    else if (e.key === 'Home') show(0);
    else if (e.key === 'End') show(slides.length - 1);
  });
})();
";
