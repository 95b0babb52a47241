//! A paper's text from its PDF: what the page shows, in reading order, one page after
//! another.
//!
//! A scholar holds papers as PDFs; linkage verifies quotes against plain text. The
//! PDF's glyphs are decoded by pdf-extract (pure Rust, on lopdf) with their places
//! ([`glyphs`]), laid out into lines and columns ([`layout`]), the running heads, feet
//! and page numbers taken away ([`furniture`]), and the pages joined with a form feed
//! ([`PAGE_BREAK`], as `pdftotext` writes them), so the page a quote is on can be told
//! (src/pages.rs). A word the typesetter hyphenated at a line's end stays as printed
//! (`allevi-` / `ation`); src/locate.rs finds a quote typed either way.
//!
//! Not handled: a scanned PDF without a text layer (an error says so: run OCR first),
//! text set in more than two columns, and right-to-left scripts.

mod furniture;
mod glyphs;
mod layout;

/// What separates two pages of an extracted text: a form feed at the start of the next
/// page's first line.
pub(crate) const PAGE_BREAK: char = '\u{c}';

/// Whether a file's name says it is a PDF (`.pdf`, any case).
pub(crate) fn is_pdf(file: &str) -> bool {
    std::path::Path::new(file)
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("pdf"))
}

/// The text of a paper's file called `file` whose contents are `bytes`: a PDF's
/// extracted text ([`extract`]), any other file's bytes read as UTF-8 (a byte that is
/// not is read as U+FFFD).
///
/// # Errors
/// Why a PDF gives no text (see [`extract`]).
pub(crate) fn text_of_file(file: &str, bytes: &[u8]) -> Result<String, String> {
    if is_pdf(file) {
        extract(bytes).map_err(|why| format!("cannot read the text of the PDF {file:?}: {why}"))
    } else {
        Ok(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// The text of the PDF in `bytes`, its pages separated by [`PAGE_BREAK`].
///
/// # Errors
/// Why no text can be had, in words: not a PDF, damaged, encrypted, or without a text
/// layer.
pub(crate) fn extract(bytes: &[u8]) -> Result<String, String> {
    let pages = glyphs::pages(bytes)?;
    let mut runs: Vec<Vec<layout::Run>> = pages.iter().map(layout::runs).collect();
    furniture::remove(&mut runs);
    let texts: Vec<String> = runs
        .iter()
        .zip(&pages)
        .map(|(runs, page)| layout::read(runs, page.width))
        .collect();
    if texts.iter().all(|text| text.trim().is_empty()) {
        return Err(format!(
            "its {} page{} have no text to read (a scanned PDF? run OCR on it, or give the text as .txt)",
            pages.len(),
            if pages.len() == 1 { "" } else { "s" }
        ));
    }
    let mut text = texts.join(&format!("\n{PAGE_BREAK}"));
    text.push('\n');
    Ok(text)
}
