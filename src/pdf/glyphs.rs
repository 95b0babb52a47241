//! The glyphs of a PDF's pages with their places, as pdf-extract decodes them.
//!
//! pdf-extract's own plain-text output writes glyphs in the order the page's content
//! stream draws them, guessing spaces and line breaks from one glyph to the next; it
//! cannot tell two columns apart when a page draws them line by line, nor a running
//! head from the text. So linkage takes the glyphs themselves, each with its position
//! and size ([`Glyph`]), and lays them out in [`super::layout`].

use std::{cell::Cell, panic, sync::Once};

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// One glyph drawn on a page, in points from the page's top left corner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    /// Left edge.
    pub x: f64,
    /// Baseline, from the top of the page down.
    pub y: f64,
    /// Right edge: where the next glyph of the same word would start.
    pub end: f64,
    /// Font size in points on the page.
    pub size: f64,
    /// The characters the glyph stands for (a ligature stands for several).
    pub text: String,
}

/// One page's glyphs, in the order the page draws them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    /// Page width in points.
    pub width: f64,
    /// Page height in points.
    pub height: f64,
    /// The glyphs.
    pub glyphs: Vec<Glyph>,
}

/// Collects every page's glyphs.
#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.pages.push(Page {
            width: (media_box.urx - media_box.llx).abs(),
            height: (media_box.ury - media_box.lly).abs(),
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let Some(page) = self.pages.last_mut() else {
            return Ok(());
        };
        // The text rendering matrix scales the font; its determinant is the square of
        // that scale whatever the rotation or flip.
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = font_size * scale;
        let (x, y) = (trm.m31, page.height - trm.m32);
        if !(x.is_finite() && y.is_finite() && size.is_finite()) || size <= 0.0 {
            return Ok(());
        }
        page.glyphs.push(Glyph {
            x,
            y,
            end: x + width * size,
            size,
            text: char.to_string(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

thread_local! {
    /// Whether this thread is inside pdf-extract, whose panics are caught and reported
    /// as errors, not printed.
    static EXTRACTING: Cell<bool> = const { Cell::new(false) };
}

/// The pages of the PDF in `bytes` with their glyphs.
///
/// pdf-extract panics on some malformed files (it unwraps what it expects to find);
/// such a panic is caught and returned as an error, and the panic hook stays quiet
/// while this thread extracts, so the user sees one message, never a panic.
///
/// # Errors
/// Why the file cannot be read as a PDF: malformed, encrypted, or a part pdf-extract
/// does not support.
pub(crate) fn pages(bytes: &[u8]) -> Result<Vec<Page>, String> {
    static QUIET_HOOK: Once = Once::new();
    QUIET_HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !EXTRACTING.with(Cell::get) {
                previous(info);
            }
        }));
    });
    EXTRACTING.with(|e| e.set(true));
    let result = panic::catch_unwind(|| {
        let document = pdf_extract::Document::load_mem(bytes).map_err(|e| e.to_string())?;
        if document.is_encrypted() {
            return Err("it is encrypted; save a copy without a password".to_string());
        }
        let mut collector = Collector::default();
        pdf_extract::output_doc(&document, &mut collector).map_err(|e| e.to_string())?;
        Ok(collector.pages)
    });
    EXTRACTING.with(|e| e.set(false));
    result.unwrap_or_else(|payload| {
        let why = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("an internal error");
        Err(format!("the PDF reader failed on it ({why})"))
    })
}
