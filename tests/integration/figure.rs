//! `linkage figure`: the comparison as a figure for a journal's page, measured where a
//! journal measures it: the printed width, the least text size and line weight (in the
//! SVG Graphviz draws at 72 points to the inch, unscaled), fonts embedded in the PDF
//! (`pdffonts`), the Simplified Chinese face for Chinese, and refusals that name what to drop.

use std::process::Command as Process;

use serde_json::Value;

use super::common::{linkage, run};

const POINTS_PER_CM: f64 = 72.0 / 2.54;

/// A number attribute of an SVG element, like `font-size="6.00"` or `width="241pt"`.
fn numbers(svg: &str, attribute: &str) -> Vec<f64> {
    let needle = format!(" {attribute}=\"");
    svg.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &svg[at + needle.len()..];
            rest[..rest.find('"')?].trim_end_matches("pt").parse().ok()
        })
        .collect()
}

/// Draws `figure tpa rr ARGS -o FILE` into a temporary directory; returns the file's bytes
/// and what the command said on stderr.
fn draw(args: &[&str], file: &str) -> (Vec<u8>, String) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join(file);
    let out = linkage()
        .args(["figure", "tpa", "rr"])
        .args(args)
        .arg("-o")
        .arg(&path)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{args:?}: {stderr}");
    (std::fs::read(&path).expect("the figure is written"), stderr)
}

/// Every row of `compare tpa rr` as (label, number of papers), English labels.
fn rows() -> Vec<(String, usize)> {
    let (_, stdout, _) = run(&["compare", "tpa", "rr", "--json"]);
    let matrix: Value = serde_json::from_str(&stdout).expect("JSON");
    matrix["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r["label"].as_str().expect("label").to_string(),
                r["papers"].as_array().expect("papers").len(),
            )
        })
        .collect()
}

#[test]
#[ignore = "needs Graphviz and poppler-utils (pdffonts): scripts/test-deps.sh"]
fn at_each_width_the_figure_keeps_the_least_text_size_and_line_weight_with_fonts_embedded() {
    for (width, points, rows_flag) in [
        ("8.5cm", 8.5 * POINTS_PER_CM, "--no-positions"),
        ("3.3in", 3.3 * 72.0, "--no-positions"),
        ("17cm", 17.0 * POINTS_PER_CM, "--no-positions"),
        ("17cm", 17.0 * POINTS_PER_CM, "--min-papers=2"),
    ] {
        for lang in ["en", "zh"] {
            let args = ["--width", width, rows_flag, "--lang", lang];
            let (svg, said) = draw(&args, "figure.svg");
            let svg = String::from_utf8(svg).expect("SVG is text");
            let context = format!("{args:?}");
            // Drawn at its own size: nothing scales the text or the lines.
            assert!(svg.contains("transform=\"scale(1 1)"), "{context}");
            let drawn = numbers(&svg, "width")[0];
            assert!(
                drawn <= points + 0.5,
                "{context}: {drawn} pt wide, asked {points}"
            );
            assert!(
                drawn >= points * 0.8,
                "{context}: uses the width, {drawn} pt"
            );
            let sizes = numbers(&svg, "font-size");
            assert!(!sizes.is_empty(), "{context}");
            assert!(
                sizes.iter().all(|&s| s >= 6.0),
                "{context}: text sizes {sizes:?}"
            );
            // A line without `stroke-width` is 1 pt (SVG's default); none is thinner than 0.5.
            let strokes = numbers(&svg, "stroke-width");
            assert!(strokes.iter().all(|&w| w >= 0.5), "{context}: {strokes:?}");
            assert!(svg.contains("<polyline"), "{context}: the rules are drawn");
            assert!(said.contains(", text "), "{context}: {said}");
            if lang == "en" {
                for (label, _) in rows()
                    .iter()
                    .filter(|(_, n)| rows_flag != "--min-papers=2" || *n >= 2)
                {
                    let first = label.split_whitespace().next().expect("a word");
                    assert!(svg.contains(first), "{context}: {label}");
                }
            }
            if rows_flag == "--no-positions" {
                // One line a row: a dot for each of its papers (the key's dot is in a sentence).
                let dots: usize = rows().iter().map(|(_, n)| n).sum();
                assert_eq!(svg.matches(">●<").count(), dots, "{context}");
                assert!(svg.contains(">● "), "{context}: the key says what a dot is");
            }

            let (pdf, _) = draw(&args, "figure.pdf");
            let text = String::from_utf8_lossy(&pdf);
            let media = &text[text.find("/MediaBox").expect("a MediaBox")..];
            let numbers: Vec<f64> = media[media.find('[').unwrap() + 1..media.find(']').unwrap()]
                .split_whitespace()
                .map(|n| n.parse().expect("a number"))
                .collect();
            assert!(
                numbers[2] - numbers[0] <= points + 0.5,
                "{context}: {numbers:?}"
            );
            let dir = tempfile::tempdir().expect("a directory");
            std::fs::write(dir.path().join("f.pdf"), &pdf).expect("written");
            let fonts = Process::new("pdffonts")
                .arg(dir.path().join("f.pdf"))
                .output()
                .expect("pdffonts runs (poppler-utils)");
            let fonts = String::from_utf8_lossy(&fonts.stdout).into_owned();
            let listed: Vec<&str> = fonts.lines().skip(2).collect();
            assert!(!listed.is_empty(), "{context}: {fonts}");
            for line in &listed {
                let columns: Vec<&str> = line.split_whitespace().collect();
                let embedded = columns[columns.len() - 5];
                assert_eq!(embedded, "yes", "{context}: not embedded: {line}");
            }
            if lang == "zh" {
                assert!(
                    fonts.contains("CJKsc"),
                    "{context}: the Simplified Chinese face: {fonts}"
                );
                assert!(
                    !fonts.contains("CJKjp"),
                    "{context}: not the Japanese one: {fonts}"
                );
            }
        }
    }
}

#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn a_figure_that_cannot_keep_the_page_is_refused_naming_what_to_drop() {
    let dir = tempfile::tempdir().expect("a directory");
    let file = dir.path().join("f.svg");
    let out = linkage()
        .args(["figure", "tpa", "rr", "--width", "8.5cm", "-o"])
        .arg(&file)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("taller than the 22 cm a page allows"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`--no-positions`") && stderr.contains("`--min-papers 2`"),
        "{stderr}"
    );
    assert!(!file.exists(), "nothing written");

    let out = linkage()
        .args([
            "figure",
            "tpa",
            "rr",
            "--width",
            "3cm",
            "--no-positions",
            "-o",
        ])
        .arg(&file)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot be 3 cm wide with text of at least 6 pt"),
        "{stderr}"
    );
    assert!(!file.exists(), "nothing written");
}

#[test]
fn figure_flags_that_cannot_apply_are_refused() {
    for (args, says) in [
        (&["--width", "8.5"][..], "has no unit"),
        (&["--width", "8.5furlong"][..], "unknown unit"),
        (&["--min-line", "2"][..], "rules are 1 pt"),
        (&["--min-text", "0"][..], "--min-text"),
    ] {
        let (code, _, stderr) = run(&[&["figure", "tpa", "rr", "-o", "x.svg"][..], args].concat());
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}

#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn the_figure_is_written_as_eps_with_its_fonts_and_as_tiff_at_the_stated_dpi() {
    let width = 8.5 * POINTS_PER_CM;
    let (eps, _) = draw(&["--width", "8.5cm", "--no-positions"], "figure.eps");
    let text = String::from_utf8_lossy(&eps);
    assert!(
        text.starts_with("%!PS-Adobe-3.0 EPSF-3.0"),
        "{}",
        &text[..80]
    );
    let bounds: Vec<f64> = text[text.find("%%BoundingBox:").expect("a bounding box") + 14..]
        .lines()
        .next()
        .expect("a line")
        .split_whitespace()
        .map(|n| n.parse().expect("a number"))
        .collect();
    assert!(bounds[2] - bounds[0] <= width + 1.0, "{bounds:?}");
    assert!(text.contains("/FontName"), "the fonts are in the EPS");

    let (tiff, _) = draw(
        &["--width", "8.5cm", "--no-positions", "--dpi", "300"],
        "figure.tiff",
    );
    let mut decoder = tiff::decoder::Decoder::new(std::io::Cursor::new(tiff)).expect("a TIFF");
    let (pixels, _) = decoder.dimensions().expect("a size");
    let resolution = decoder
        .get_tag_u32_vec(tiff::tags::Tag::XResolution)
        .expect("a resolution");
    assert_eq!(resolution, [300, 1]);
    let inches = f64::from(pixels) / 300.0;
    assert!(
        inches * 72.0 <= width + 1.0 && inches * 72.0 >= width * 0.8,
        "{inches} in"
    );
}

#[test]
#[ignore = "needs Graphviz, Noto Sans CJK and poppler-utils (pdffonts): scripts/test-deps.sh"]
fn a_chinese_diagram_embeds_the_simplified_chinese_face_not_the_japanese_one() {
    let dir = tempfile::tempdir().expect("a directory");
    let file = dir.path().join("zh.pdf");
    linkage()
        .args(["render", "--diff", "tpa", "rr", "--lang", "zh", "-o"])
        .arg(&file)
        .assert()
        .success();
    let fonts = Process::new("pdffonts")
        .arg(&file)
        .output()
        .expect("pdffonts runs");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("NotoSansCJKsc"), "{fonts}");
    assert!(!fonts.contains("CJKjp"), "{fonts}");
}

#[test]
fn cluster_with_diff_is_refused_not_ignored() {
    // The side-by-side comparison is grouped into common ground and differences; it
    // once drew `--cluster paper` exactly as without it, without a word.
    for command in ["dot", "render"] {
        let (code, stdout, stderr) = run(&[
            command,
            "--diff",
            "tpa",
            "rr",
            "--cluster",
            "paper",
            "-o",
            "x.svg",
        ]);
        assert_eq!((code, stdout.as_str()), (2, ""), "{command}: {stderr}");
        assert!(
            stderr.contains("cannot be used with '--cluster <BY>'"),
            "{stderr}"
        );
    }
    let (code, _, stderr) = run(&["dot", "--focus", "tpa", "--cluster", "paper"]);
    assert_eq!(code, 0, "{stderr}");
}
