//! How the figures' colours look to readers who see them differently: in greyscale
//! (a journal printing in black and white) and with the three common colour-vision
//! deficiencies, simulated with the matrices of Machado, Oliveira & Fernandes (2009) at
//! full severity on linear RGB. Tests only: they hold the palettes to stated thresholds.
//!
//! The measures: WCAG's contrast ratio of relative luminances (3:1 is its least for
//! graphics beside text, 4.5:1 and 7:1 for text), and CIE76 ΔE in CIELAB (D65): about 2
//! is the least difference seen side by side; the thresholds here ask far more.

use super::{
    figure_table::FigurePalette,
    paint::{Emphasis, Painter},
    palette::OKABE_ITO,
    style::Palette,
};

/// The ways a colour is seen: as it is, and as each deficiency sees it.
const VISIONS: [(&str, [[f64; 3]; 3]); 4] = [
    (
        "normal",
        [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
    ),
    (
        "protanopia",
        [
            [0.152_286, 1.052_583, -0.204_868],
            [0.114_503, 0.786_281, 0.099_216],
            [-0.003_882, -0.048_116, 1.051_998],
        ],
    ),
    (
        "deuteranopia",
        [
            [0.367_322, 0.860_646, -0.227_968],
            [0.280_085, 0.672_501, 0.047_413],
            [-0.011_820, 0.042_940, 0.968_881],
        ],
    ),
    (
        "tritanopia",
        [
            [1.255_528, -0.076_749, -0.178_779],
            [-0.078_411, 0.930_809, 0.147_602],
            [0.004_733, 0.691_367, 0.303_900],
        ],
    ),
];

/// `#rrggbb` as linear RGB.
fn linear(hex: &str) -> [f64; 3] {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("a hex colour")) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    [channel(1), channel(3), channel(5)]
}

/// `hex` as seen through `matrix`.
fn seen(hex: &str, matrix: &[[f64; 3]; 3]) -> [f64; 3] {
    let rgb = linear(hex);
    let row = |r: &[f64; 3]| (r[0] * rgb[0] + r[1] * rgb[1] + r[2] * rgb[2]).clamp(0.0, 1.0);
    [row(&matrix[0]), row(&matrix[1]), row(&matrix[2])]
}

/// Relative luminance: all a greyscale print keeps of a colour.
fn luminance(rgb: [f64; 3]) -> f64 {
    0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
}

/// WCAG's contrast ratio of two colours, 1 to 21.
fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// CIELAB (D65) of linear RGB.
#[allow(clippy::many_single_char_names)] // the formula's own names
fn lab(rgb: [f64; 3]) -> [f64; 3] {
    let [r, g, b] = rgb;
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.950_47;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.088_83;
    let f = |t: f64| {
        if t > 0.008_856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    [
        116.0 * f(y) - 16.0,
        500.0 * (f(x) - f(y)),
        200.0 * (f(y) - f(z)),
    ]
}

/// CIE76 ΔE of two colours.
fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (a, b) = (lab(a), lab(b));
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

/// `hex` in greyscale: its luminance as grey, as a black-and-white print shows it.
fn grey(hex: &str) -> [f64; 3] {
    let l = luminance(linear(hex));
    [l, l, l]
}

#[test]
fn the_figure_s_colours_stay_apart_for_every_common_colour_vision() {
    let p = FigurePalette::of(Palette::Colour);
    for (vision, matrix) in &VISIONS {
        let see = |hex: &str| seen(hex, matrix);
        // The two kinds of dot: told apart by colour alone (ΔE of at least 40).
        let apart = delta_e(see(p.common_ground), see(p.difference));
        assert!(apart >= 40.0, "{vision}: the dots' ΔE is {apart:.1}");
        for dot in [p.common_ground, p.difference] {
            let c = contrast(see(dot), see(p.background));
            assert!(c >= 3.0, "{vision}: {dot} on white has contrast {c:.2}");
        }
        for fill in [p.common_ground_fill, p.difference_fill] {
            let c = contrast(see(p.text), see(fill));
            assert!(c >= 7.0, "{vision}: text on {fill} has contrast {c:.2}");
        }
    }
}

#[test]
fn the_print_figure_reads_in_greyscale() {
    let p = FigurePalette::of(Palette::Print);
    for dot in [p.common_ground, p.difference] {
        let c = contrast(grey(dot), grey(p.background));
        assert!(c >= 7.0, "{dot} on white in greyscale: {c:.2}");
    }
    for fill in [p.common_ground_fill, p.difference_fill] {
        let c = contrast(grey(p.text), grey(fill));
        assert!(c >= 7.0, "text on {fill} in greyscale: {c:.2}");
        // The heading band shows: at least 5 units of lightness from the page.
        let band = lab(grey(p.background))[0] - lab(grey(fill))[0];
        assert!(
            band >= 5.0,
            "{fill} in greyscale differs from white by {band:.1} L*"
        );
    }
}

#[test]
fn the_relation_kinds_colours_stay_apart_for_every_common_colour_vision() {
    // Okabe-Ito as the diagrams use it: every two colours at least ΔE 15 apart in
    // every vision (its closest pair, bluish green and sky blue under tritanopia, is 16).
    for (vision, matrix) in &VISIONS {
        for (i, a) in OKABE_ITO.iter().enumerate() {
            for b in &OKABE_ITO[i + 1..] {
                let apart = delta_e(seen(a, matrix), seen(b, matrix));
                assert!(
                    apart >= 15.0,
                    "{vision}: {a} and {b} are ΔE {apart:.1} apart"
                );
            }
            let c = contrast(seen(a, matrix), seen("#ffffff", matrix));
            assert!(c >= 2.0, "{vision}: {a} on white has contrast {c:.2}");
        }
    }
}

#[test]
fn print_diagrams_are_grey_with_black_text_every_kind_readable() {
    let loaded = crate::load::load(&crate::load::DataSource::Embedded).expect("built-in data");
    let schema = loaded.graph.schema();
    let painter = Painter::new(schema, Palette::Print);
    for (name, kind) in &schema.node_kinds {
        let style = painter.node(kind, Emphasis::Normal);
        let fill = style.fill.expect("a fill").0;
        let text = style.text.expect("a text colour").0;
        let rgb = linear(&fill);
        assert!(
            (rgb[0] - rgb[1]).abs() < 1e-9 && (rgb[1] - rgb[2]).abs() < 1e-9,
            "{name}: print fill {fill} is a grey (no meaning left to hue)"
        );
        let c = contrast(grey(&text), grey(&fill));
        assert!(c >= 7.0, "{name}: {text} on {fill}: {c:.2}");
    }
}
