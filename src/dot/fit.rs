//! Choosing the layout direction in which a figure fits a journal page best.
//!
//! A layered drawing puts each rank's nodes side by side, so a selection whose concepts
//! fall into few ranks comes out as a long, low strip (a paper's dozen key concepts,
//! top to bottom, were 22 x 6 inches): fitted to a page, its text is too small to read.
//! The same selection drawn left to right stacks those ranks as columns. Which is better
//! depends on the data, so when nobody asked for a direction, Graphviz draws both and
//! the one whose text stays larger on a page is kept.

use super::{
    build::build,
    render::{image_inches, render, ImageFormat},
    select::Selected,
    style::{Look, Rankdir},
};
use crate::{error::Error, graph::ConceptGraph};

/// The text area of a journal page a figure is fitted to: two columns (17 cm) wide and
/// 22 cm high.
pub const PAGE_INCHES: (f64, f64) = (17.0 / 2.54, 22.0 / 2.54);

/// The size of a concept's name in a diagram at its natural size, in points (the
/// writer's node font); relation labels are smaller.
pub const NODE_TEXT_POINTS: f64 = 12.0;

/// The smallest text journals accept at final size, in points: a figure whose concept
/// names stay at least this large on a page is not redrawn.
pub const MIN_TEXT_POINTS: f64 = 6.0;

/// How much a figure of `inches` (width, height) shrinks to fit [`PAGE_INCHES`]; 1 when
/// it fits at its own size.
pub fn page_scale((width, height): (f64, f64)) -> f64 {
    (PAGE_INCHES.0 / width).min(PAGE_INCHES.1 / height).min(1.0)
}

/// The size in points a concept's name is printed at when a figure of `inches` is
/// fitted to a page.
pub fn page_text_points(inches: (f64, f64)) -> f64 {
    NODE_TEXT_POINTS * page_scale(inches)
}

/// A figure drawn in the direction that fits a page best.
pub struct Fitted {
    /// The look it was drawn with (its direction the one chosen).
    pub look: Look,
    /// The image.
    pub image: Vec<u8>,
    /// When the direction was changed from the default: the concept names' size on a
    /// page as first drawn and as kept.
    pub turned: Option<(f64, f64)>,
}

/// How much larger the other direction's text must be before it is preferred: small
/// gains are not worth a figure that reads differently from the default.
const WORTH_TURNING: f64 = 1.1;

/// How many times too small a figure's text may be for turning it to be tried: beyond
/// that no direction makes it readable (the figure must show less, as the oversize
/// warning says), and a second layout of a large graph costs seconds.
const HOPELESS: f64 = 3.0;

/// Draws `selected` as `look` asks; when `look` names no direction, the selection is not a
/// comparison (whose side-by-side layout has its own direction) and the drawing is too
/// large for a page at [`MIN_TEXT_POINTS`] (but not hopelessly so), draws it left to right too and keeps the one
/// whose text is larger on a page.
///
/// # Errors
/// As [`render`].
pub fn fit_page(
    graph: &ConceptGraph,
    selected: &Selected,
    look: &Look,
    format: ImageFormat,
    dpi: u32,
) -> Result<Fitted, Error> {
    let draw = |look: &Look| -> Result<(Vec<u8>, Option<f64>), Error> {
        let image = render(build(graph, selected, look), format, dpi)?;
        let points = image_inches(&image, format, dpi).map(page_text_points);
        Ok((image, points))
    };
    let (image, points) = draw(look)?;
    let fixed = look.rankdir.is_some() || selected.comparison.is_some();
    let worth_trying =
        |p: f64| !fixed && (MIN_TEXT_POINTS / HOPELESS..MIN_TEXT_POINTS).contains(&p);
    let Some(points) = points.filter(|&p| worth_trying(p)) else {
        return Ok(Fitted {
            look: look.clone(),
            image,
            turned: None,
        });
    };
    let turned_look = Look {
        rankdir: Some(Rankdir::LeftRight),
        ..look.clone()
    };
    match draw(&turned_look)? {
        (turned_image, Some(turned_points)) if turned_points >= points * WORTH_TURNING => {
            Ok(Fitted {
                look: turned_look,
                image: turned_image,
                turned: Some((points, turned_points)),
            })
        }
        _ => Ok(Fitted {
            look: look.clone(),
            image,
            turned: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_smaller_than_the_page_keeps_its_size() {
        assert!((page_scale((5.0, 5.0)) - 1.0).abs() < 1e-12);
        assert!((page_text_points((5.0, 5.0)) - NODE_TEXT_POINTS).abs() < 1e-12);
    }

    #[test]
    fn the_tighter_side_sets_the_scale() {
        // 22 x 6 inches: the width binds (17 cm / 22 in).
        let wide = page_scale((22.0, 6.0));
        assert!((wide - PAGE_INCHES.0 / 22.0).abs() < 1e-9);
        // 6 x 30 inches: the height binds.
        let tall = page_scale((6.0, 30.0));
        assert!((tall - PAGE_INCHES.1 / 30.0).abs() < 1e-9);
        assert!(page_text_points((22.0, 6.0)) < MIN_TEXT_POINTS);
    }
}
