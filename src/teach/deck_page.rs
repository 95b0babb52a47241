//! The slide deck of `linkage steps` as one HTML page: every slide of the
//! [`Deck`](super::slides::Deck) a `<section>`, one shown at a time, its figure inlined,
//! drawn to fill a projector's screen (`assets/deck.css`), stepped through with the
//! arrow keys without taking the page's scrolling keys (`assets/deck.js`).

use std::fmt::Write as _;

use crate::{
    i18n::Messages,
    teach::{
        html::CONTENT_SECURITY_POLICY,
        slides::{Deck, Figure, Slide, Table},
    },
};

const STYLE: &str = include_str!("assets/deck.css");
const SCRIPT: &str = include_str!("assets/deck.js");

/// The figures a deck's slides show, as Graphviz drew them.
#[derive(Debug, Clone, Copy)]
pub struct Figures<'a> {
    /// The whole argument, when a slide shows it.
    pub whole: Option<&'a [u8]>,
    /// The argument revealed up to each step.
    pub steps: &'a [Vec<u8>],
}

impl Figures<'_> {
    fn of(&self, figure: Figure) -> Option<&[u8]> {
        match figure {
            Figure::Whole => self.whole,
            Figure::Step(k) => self.steps.get(k).map(Vec::as_slice),
        }
    }
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

fn table(out: &mut String, table: &Table, class: &str) {
    let cell = |k: usize| {
        if table.numeric.get(k).copied().unwrap_or(false) {
            " class=\"number\""
        } else {
            ""
        }
    };
    let _ = write!(out, "<table class=\"{class}\"><thead><tr>");
    for (k, head) in table.head.iter().enumerate() {
        let _ = write!(out, "<th{}>{}</th>", cell(k), escape(head));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (k, text) in row.iter().enumerate() {
            let _ = write!(out, "<td{}>{}</td>", cell(k), escape(text));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

fn slide(
    out: &mut String,
    slide: &Slide,
    (k, count): (usize, usize),
    words: Messages,
    figures: Figures<'_>,
) {
    let _ = writeln!(
        out,
        "<section class=\"slide\" id=\"slide-{n}\" aria-label=\"{label}\"{hidden}>\n\
<p class=\"kicker\">{}</p>\n<h2>{}</h2>",
        escape(&slide.kicker),
        escape(&slide.heading),
        n = k + 1,
        label = escape(&words.slide_of(&(k + 1).to_string(), &count.to_string())),
        hidden = if k == 0 { "" } else { " hidden" },
    );
    if let Some(dispute) = &slide.dispute {
        let _ = writeln!(out, "<p class=\"dispute\">{}</p>", escape(dispute));
    }
    if let Some(svg) = slide.figure.and_then(|f| figures.of(f)) {
        let _ = writeln!(out, "<div class=\"figure\">{}</div>", inline_svg(svg));
    }
    for line in &slide.lines {
        let _ = writeln!(out, "<p class=\"line\">{}</p>", escape(line));
    }
    if !slide.tables.is_empty() {
        // Several tables (the two halves of a comparison) side by side; one (a
        // difference's positions) across the slide.
        let class = if slide.tables.len() == 1 {
            "positions"
        } else {
            "glance"
        };
        out.push_str("<div class=\"tables\">\n");
        for t in &slide.tables {
            table(out, t, class);
        }
        out.push_str("</div>\n");
    }
    if !slide.quotes.is_empty() {
        out.push_str("<div class=\"quotes\">\n");
        for quote in &slide.quotes {
            let more = quote.more_note();
            let _ = writeln!(
                out,
                "<blockquote><p>“{}”</p><footer>— {}, {}{more}</footer></blockquote>",
                escape(&quote.text),
                escape(&quote.cite),
                escape(&quote.locator),
            );
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

/// The deck as one HTML page, `figures` inlined where the slides show them.
pub fn page(deck: &Deck, figures: Figures<'_>) -> String {
    let count = deck.slides.len();
    let words = Messages::of(deck.lang);
    let mut slides = String::new();
    for (k, s) in deck.slides.iter().enumerate() {
        slide(&mut slides, s, (k, count), words, figures);
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
<header><h1>{title}</h1><nav><button id=\"prev\" type=\"button\">{previous}</button> \
<span id=\"counter\" aria-live=\"polite\" data-pattern=\"{pattern}\">{first}</span> \
<button id=\"next\" type=\"button\">{next}</button></nav></header>\n<main>\n{slides}</main>\n\
<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        title = escape(&deck.title),
        lang = words.code(),
        previous = words.previous(),
        next = words.next(),
        pattern = escape(&words.slide_of("{k}", "{n}")),
        first = escape(&words.slide_of("1", &count.to_string())),
    )
}
