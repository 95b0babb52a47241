//! TIFF, which some journals ask for, from the PNG Graphviz draws (Graphviz has no
//! TIFF writer in common builds): decoded by `png`, flattened onto white, written by
//! `tiff` as 8-bit RGB, LZW-compressed, its resolution tagged in dots per inch so a
//! journal's system prints it at the intended size.

use std::io::Cursor;

use png::{ColorType, Transformations};
use tiff::{
    encoder::{colortype::RGB8, Compression, Rational, TiffEncoder},
    tags::ResolutionUnit,
};

use crate::error::Error;

/// `png` (any colour type Graphviz writes) as a TIFF tagged `dpi` dots per inch.
///
/// # Errors
/// [`Error::External`] when the PNG cannot be read or the TIFF written.
pub(super) fn png_to_tiff(png: &[u8], dpi: u32) -> Result<Vec<u8>, Error> {
    let failed = |what: &str, error: &dyn std::fmt::Display| {
        Error::External(format!("cannot {what} for TIFF: {error}"))
    };
    let mut decoder = png::Decoder::new(Cursor::new(png));
    decoder.set_transformations(Transformations::normalize_to_color8());
    let mut reader = decoder
        .read_info()
        .map_err(|e| failed("read Graphviz's PNG", &e))?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| failed("size the image", &"too large"))?;
    let mut pixels = vec![0; size];
    let info = reader
        .next_frame(&mut pixels)
        .map_err(|e| failed("decode Graphviz's PNG", &e))?;
    let rgb = flatten(&pixels[..info.buffer_size()], info.color_type);
    let mut out = Cursor::new(Vec::new());
    let mut encoder = TiffEncoder::new(&mut out)
        .map_err(|e| failed("start the TIFF", &e))?
        .with_compression(Compression::Lzw);
    let mut image = encoder
        .new_image::<RGB8>(info.width, info.height)
        .map_err(|e| failed("start the TIFF image", &e))?;
    image.resolution(ResolutionUnit::Inch, Rational { n: dpi, d: 1 });
    image
        .write_data(&rgb)
        .map_err(|e| failed("write the TIFF image", &e))?;
    Ok(out.into_inner())
}

/// 8-bit pixels of `colour` as RGB on white (alpha composited, grey widened).
fn flatten(pixels: &[u8], colour: ColorType) -> Vec<u8> {
    let over_white = |value: u8, alpha: u8| -> u8 {
        let blended = u16::from(value) * u16::from(alpha) + 255 * (255 - u16::from(alpha));
        u8::try_from(blended / 255).unwrap_or(u8::MAX)
    };
    match colour {
        ColorType::Rgba => pixels
            .chunks_exact(4)
            .flat_map(|p| {
                [
                    over_white(p[0], p[3]),
                    over_white(p[1], p[3]),
                    over_white(p[2], p[3]),
                ]
            })
            .collect(),
        ColorType::GrayscaleAlpha => pixels
            .chunks_exact(2)
            .flat_map(|p| [over_white(p[0], p[1]); 3])
            .collect(),
        ColorType::Grayscale => pixels.iter().flat_map(|&g| [g; 3]).collect(),
        // normalize_to_color8 expands an indexed image to RGB(A).
        ColorType::Rgb | ColorType::Indexed => pixels.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_png_becomes_a_tiff_of_the_same_pixels_at_the_stated_dpi() {
        // A 2x1 PNG: one opaque red pixel, one transparent one (white once flattened).
        let mut png = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut png, 2, 1);
            encoder.set_color(ColorType::Rgba);
            encoder.set_depth(png::BitDepth::Eight);
            let mut writer = encoder.write_header().expect("header");
            writer
                .write_image_data(&[255, 0, 0, 255, 0, 0, 0, 0])
                .expect("pixels");
        }
        let tiff = png_to_tiff(&png, 600).expect("a TIFF");
        let mut decoder = tiff::decoder::Decoder::new(Cursor::new(tiff)).expect("reads");
        assert_eq!(decoder.dimensions().expect("size"), (2, 1));
        let x = decoder
            .get_tag_u32_vec(tiff::tags::Tag::XResolution)
            .expect("a resolution");
        assert_eq!(x, [600, 1]);
        let tiff::decoder::DecodingResult::U8(pixels) = decoder.read_image().expect("pixels")
        else {
            panic!("8-bit pixels")
        };
        assert_eq!(pixels, [255, 0, 0, 255, 255, 255]);
    }
}
