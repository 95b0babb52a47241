//! `linkage steps`' slide deck: a comparison a row a slide, from the journal table's
//! rows and dispute marks; quotes as the papers give them; and, in Debian's chromium
//! (`tests/browser/deck.py`), text a projector shows large and keys that leave the
//! page's scrolling alone.

use std::{collections::HashSet, path::PathBuf, process::Command as Process};

use serde_json::Value;

use crate::common::{graph, linkage, out_dir};

fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Every text between `open` and `close` in `html`, unescaped.
fn between(html: &str, open: &str, close: &str) -> Vec<String> {
    html.split(open)
        .skip(1)
        .filter_map(|part| part.split_once(close).map(|(text, _)| unescape(text)))
        .collect()
}

/// One slide of a deck as written.
struct Slide {
    kicker: String,
    heading: String,
    dispute: Option<String>,
    html: String,
}

fn slides(deck: &str) -> Vec<Slide> {
    deck.split("<section class=\"slide\"")
        .skip(1)
        .map(|html| Slide {
            kicker: between(html, "<p class=\"kicker\">", "</p>").remove(0),
            heading: between(html, "<h2>", "</h2>").remove(0),
            dispute: between(html, "<p class=\"dispute\">", "</p>").pop(),
            html: html.to_string(),
        })
        .collect()
}

fn steps(args: &[&str], dir: &std::path::Path) {
    linkage()
        .arg("steps")
        .args(args)
        .arg("-o")
        .arg(dir)
        .assert()
        .success();
}

/// A row of `linkage table --format markdown`: its label, its dispute mark, and the
/// cells of each wording's line (the row's own, then its continuation lines).
struct TableRow {
    label: String,
    mark: Option<char>,
    positions: Vec<(String, String)>,
}

fn journal_rows() -> Vec<TableRow> {
    let out = linkage()
        .args(["table", "tpa", "rr", "--format", "markdown"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut rows: Vec<TableRow> = Vec::new();
    let mut difference = false;
    for line in text.lines().filter(|l| l.starts_with("| ")) {
        let cells: Vec<&str> = line
            .split(" | ")
            .map(|c| c.trim_matches('|').trim())
            .collect();
        if cells[0].starts_with("***") {
            difference = cells[0].contains("Differences");
            continue;
        }
        if cells[0] == "Aspect / dimension" {
            continue;
        }
        let position = (cells[1].to_string(), cells[2].to_string());
        if cells[0].is_empty() {
            rows.last_mut().unwrap().positions.push(position);
            continue;
        }
        let mark = cells[0].chars().last().filter(|c| "§‡†".contains(*c));
        let label = cells[0].trim_end_matches(['§', '‡', '†']).to_string();
        rows.push(TableRow {
            label,
            mark,
            positions: if difference {
                vec![position]
            } else {
                Vec::new()
            },
        });
    }
    rows
}

/// The deck of a comparison opens on the comparison at a glance, then how the two
/// relate, then one slide per row of `linkage table`, in its order, each with the
/// table's dispute mark, every wording of a difference, and one quote a paper, each
/// quote as the paper gives it.
#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn a_comparison_deck_is_the_journal_table_a_row_a_slide() {
    let graph = graph();
    let dir = out_dir("deck-diff");
    steps(&["--diff", "tpa", "rr"], &dir);
    let deck = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let slides = slides(&deck);
    assert_eq!(slides[0].kicker, "At a glance");
    assert_eq!(
        slides[0].heading,
        "Targeted poverty alleviation and Rural revitalization"
    );
    let relate = slides
        .iter()
        .filter(|s| s.kicker.starts_with("How they relate"))
        .count();
    assert!(relate > 0, "the relations between the two have slides");
    let rows = journal_rows();
    assert_eq!(rows.len(), 20, "9 aspects of common ground, 11 differences");
    let row_slides = &slides[1 + relate..];
    assert_eq!(
        row_slides.len(),
        rows.len(),
        "one slide a row, nothing else"
    );
    let quotes: HashSet<String> = graph
        .relations()
        .flat_map(|(_, r)| r.sources.iter())
        .map(|s| graph.printed_quote(s).into_owned())
        .collect();
    for (k, (slide, row)) in row_slides.iter().zip(&rows).enumerate() {
        let kind = if k < 9 { "Common ground" } else { "Difference" };
        assert!(slide.kicker.starts_with(kind), "{}", slide.kicker);
        assert_eq!(slide.heading, row.label);
        assert_eq!(
            slide.dispute.as_ref().and_then(|d| d.chars().next()),
            row.mark,
            "{}: the table's dispute mark",
            row.label
        );
        let cells = between(&slide.html, "<td>", "</td>");
        for (a, b) in &row.positions {
            assert!(
                cells.contains(a) && cells.contains(b),
                "{}: {a} | {b}",
                row.label
            );
        }
        let shown = between(&slide.html, "<blockquote><p>“", "”</p>");
        let papers = between(&slide.html, "<p class=\"line\">", "</p>")
            .into_iter()
            .find_map(|l| {
                l.split_once(" paper")
                    .map(|(n, _)| n.parse::<usize>().unwrap())
            })
            .expect("the papers behind the row");
        assert_eq!(shown.len(), papers, "{}: one quote a paper", row.label);
        for quote in shown {
            assert!(quotes.contains(&quote), "as the paper gives it: {quote}");
        }
    }
    // The glance lists every row with its paper count.
    for row in &rows {
        assert!(
            slides[0]
                .html
                .contains(&format!("<td>{}</td>", row.label.replace('&', "&amp;"))),
            "{} at a glance",
            row.label
        );
    }
}

/// A chain's deck opens on the whole chain, then reveals it a relation a slide.
#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn a_chain_deck_opens_on_the_whole_chain() {
    let dir = out_dir("deck-path");
    steps(
        &[
            "--path",
            "industrial-poverty-alleviation",
            "second-centenary-goal",
        ],
        &dir,
    );
    let deck = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let slides = slides(&deck);
    assert_eq!(slides[0].kicker, "3 steps");
    assert!(slides[0].html.contains("<svg"));
    for (k, slide) in slides[1..].iter().enumerate() {
        assert_eq!(slide.kicker, format!("Step {} of 3", k + 1));
        assert!(slide.html.contains("<svg") && slide.html.contains("<blockquote>"));
        // The slide says the step in text; the figure carries no caption repeating it.
        assert!(!slide.html.contains(&format!("Step {} of 3</text>", k + 1)));
    }
}

fn measure(deck: &std::path::Path, out: &std::path::Path, sizes: &[&str]) -> Value {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser/deck.py");
    let run = Process::new("python3")
        .arg(&script)
        .arg(deck)
        .arg(out)
        .args(sizes)
        .output()
        .expect("python3 runs (chromium, chromium-driver and selenium: scripts/test-deps.sh)");
    assert!(
        run.status.success(),
        "the browser script failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_str(&std::fs::read_to_string(out.join("measured.json")).unwrap()).unwrap()
}

/// The floor for text on a projected slide at 1920x1080, as displayed: 24 px (about
/// 18 pt) is the least a back row reads; at 1366x768 the same slides are smaller,
/// 16 px at least.
const PROJECTOR_FLOOR: f64 = 24.0;
const LAPTOP_FLOOR: f64 = 16.0;

fn least_text(slides: &Value, floor: f64, size: &str) {
    for slide in slides.as_array().unwrap() {
        let least = &slide["least"];
        assert!(
            least[0].as_f64().unwrap() >= floor,
            "{size} {}: {least} under {floor} px",
            slide["id"]
        );
    }
}

/// Every slide's text is at least 24 px at 1920x1080 (16 at 1366x768); a chain's
/// figure is drawn across the screen (it was 908 px wide at 1920); the keys step
/// through the slides without taking the page's scrolling: `PageDown` scrolls a slide
/// taller than the screen, and goes on only from its end.
#[test]
#[ignore = "needs Graphviz, Chromium and selenium: scripts/test-deps.sh"]
fn slides_are_projector_sized_in_chromium_and_keys_leave_scrolling_alone() {
    let dir = out_dir("deck-browser");
    let diff = dir.join("diff");
    steps(&["--diff", "tpa", "rr"], &diff);
    let measured = measure(&diff.join("index.html"), &diff, &["1920x1080", "1366x768"]);
    least_text(
        &measured["1920x1080"]["slides"],
        PROJECTOR_FLOOR,
        "1920x1080",
    );
    least_text(&measured["1366x768"]["slides"], LAPTOP_FLOOR, "1366x768");
    let keys = &measured["1920x1080"]["keys"];
    let tall = keys["tall"]
        .as_str()
        .expect("some row's slide is taller than the screen");
    assert_eq!(
        keys["after_page_down"]["slide"], tall,
        "PageDown scrolls first"
    );
    assert!(keys["after_page_down"]["scrolled"].as_f64().unwrap() > 0.0);
    assert_eq!(keys["at_end"], tall);
    assert_ne!(
        keys["after_end"]["slide"], tall,
        "PageDown at the end goes on"
    );
    assert_eq!(
        keys["after_end"]["scrolled"], 0.0,
        "a new slide from its top"
    );
    assert_eq!(keys["back"], tall, "ArrowLeft goes back");

    let path = dir.join("path");
    steps(
        &[
            "--path",
            "industrial-poverty-alleviation",
            "second-centenary-goal",
        ],
        &path,
    );
    let measured = measure(&path.join("index.html"), &path, &["1920x1080"]);
    let slides = &measured["1920x1080"]["slides"];
    least_text(slides, PROJECTOR_FLOOR, "1920x1080");
    for slide in slides.as_array().unwrap() {
        let width = slide["figure"][0]
            .as_f64()
            .expect("a figure on every slide");
        assert!(width >= 1700.0, "{}: figure {width} px wide", slide["id"]);
        let labels = slide["figureText"].as_f64().unwrap();
        assert!(
            labels >= PROJECTOR_FLOOR,
            "{}: labels {labels} px",
            slide["id"]
        );
    }
}

/// Each slide of the PowerPoint file, as python-pptx reads it back.
fn read_pptx(file: &std::path::Path) -> Vec<Value> {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/consumers/pptx_read.py");
    let run = Process::new("python3")
        .arg(&script)
        .arg(file)
        .output()
        .expect("python3 runs (python-pptx: scripts/test-deps.sh)");
    assert!(
        run.status.success(),
        "python-pptx could not read {}:\n{}",
        file.display(),
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_slice::<Value>(&run.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// Each slide's text as Impress (`soffice`) draws it, converted to PDF: what runs off a
/// slide is not in its page.
fn libreoffice_pages(pptx: &std::path::Path) -> Vec<String> {
    let dir = pptx.parent().unwrap();
    let profile = format!("-env:UserInstallation=file://{}/lo-profile", dir.display());
    let run = Process::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(pptx)
        .output()
        .expect("soffice runs (libreoffice-impress: scripts/test-deps.sh)");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pdf = pptx.with_extension("pdf");
    let text = Process::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    String::from_utf8_lossy(&text.stdout)
        .split('\u{c}')
        .map(str::to_string)
        .collect()
}

/// The words of a text, each as often as it occurs (line breaks and punctuation
/// aside; hyphens dropped, since pdftotext joins a word hyphenated at a line's end).
fn words(text: &str) -> std::collections::BTreeMap<String, usize> {
    let mut counts = std::collections::BTreeMap::new();
    let text = text.replace('-', "");
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_string()).or_insert(0) += 1;
    }
    counts
}

/// The PowerPoint deck is the HTML deck slide for slide: the same headings and
/// kickers, the same table cells, a picture where the HTML slide has a figure, and
/// every quote, byte for byte, in the slide's notes (pandoc would otherwise turn
/// straight quotes curly and `--` into a dash). Every table fits its slide as
/// Impress draws it: each cell's every word is on the slide's page of the PDF
/// (with pandoc's default template, a comparison's tables ran off their slides).
#[test]
#[ignore = "needs Graphviz, pandoc, python-pptx and LibreOffice Impress: scripts/test-deps.sh"]
fn a_powerpoint_deck_is_the_html_deck_slide_for_slide_with_every_quote_verbatim() {
    let dir = out_dir("deck-pptx");
    let mut quotes = 0;
    for (name, lesson) in [
        ("diff", vec!["--diff", "tpa", "rr"]),
        (
            "path",
            vec![
                "--path",
                "industrial-poverty-alleviation",
                "second-centenary-goal",
            ],
        ),
    ] {
        let html = dir.join(name);
        steps(&lesson, &html);
        let pptx = dir.join(format!("{name}.pptx"));
        let mut args = lesson.clone();
        args.extend(["--format", "pptx"]);
        steps(&args, &pptx);
        let deck = std::fs::read_to_string(html.join("index.html")).unwrap();
        let slides = slides(&deck);
        let read = read_pptx(&pptx);
        assert_eq!(read.len(), slides.len(), "{name}: one slide per slide");
        let pages = libreoffice_pages(&pptx);
        for (k, pptx) in read.iter().enumerate() {
            let on_page = words(&pages[k]);
            let mut in_cells = std::collections::BTreeMap::new();
            for table in pptx["tables"].as_array().unwrap() {
                for row in table.as_array().unwrap() {
                    for cell in strings(row) {
                        for (word, n) in words(&cell) {
                            *in_cells.entry(word).or_insert(0) += n;
                        }
                    }
                }
            }
            let missing: Vec<&String> = in_cells
                .iter()
                .filter(|(w, n)| on_page.get(*w).copied().unwrap_or(0) < **n)
                .map(|(w, _)| w)
                .collect();
            assert!(
                missing.is_empty(),
                "{name} slide {}: a table runs off the slide: {missing:?}",
                k + 1
            );
        }
        for (k, (slide, pptx)) in slides.iter().zip(&read).enumerate() {
            let at = format!("{name} slide {}", k + 1);
            assert_eq!(pptx["title"], slide.heading.as_str(), "{at}");
            let texts = strings(&pptx["texts"]);
            let notes = strings(&pptx["notes"]);
            assert_eq!(texts.first(), Some(&slide.kicker), "{at}");
            if let Some(dispute) = &slide.dispute {
                assert!(texts.contains(dispute), "{at}: {dispute}");
            }
            for line in between(&slide.html, "<p class=\"line\">", "</p>") {
                assert!(
                    texts.contains(&line) || notes.contains(&line),
                    "{at}: {line}"
                );
            }
            let cells: Vec<String> = pptx["tables"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|t| t.as_array().unwrap()[1..].iter().flat_map(strings))
                .collect();
            assert_eq!(
                cells,
                between(&slide.html, "<td", "</td>")
                    .into_iter()
                    .map(|c| c.split_once('>').unwrap().1.to_string())
                    .collect::<Vec<_>>(),
                "{at}"
            );
            assert_eq!(
                pptx["pictures"] == 1,
                slide.html.contains("<svg"),
                "{at}: a figure"
            );
            for quote in between(&slide.html, "<blockquote><p>", "</p>") {
                assert!(
                    notes.iter().any(|n| n.starts_with(&format!("{quote} — "))),
                    "{at}: the quote as written: {quote}"
                );
                quotes += 1;
            }
        }
    }
    assert!(quotes > 50, "{quotes} quotes compared");
}

/// Without pandoc, a PowerPoint deck is refused with how to install it; nothing is
/// written.
#[test]
fn without_pandoc_a_powerpoint_deck_says_so_and_writes_nothing() {
    let dir = out_dir("deck-no-pandoc");
    let out = linkage()
        .current_dir(&dir)
        .env("PATH", "")
        .args([
            "steps",
            "--diff",
            "tpa",
            "rr",
            "--format",
            "pptx",
            "-o",
            "deck.pptx",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("apt-get install pandoc"));
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "nothing written"
    );
}
