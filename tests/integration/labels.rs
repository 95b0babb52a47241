//! One label, every drawing: a concept's label holding `<`, `>`, `&`, entities, quotes,
//! backslashes, line breaks and CJK is drawn as written by `dot`, `render`, `steps`,
//! `handout` and `gallery`, because every one of them writes its DOT through the one
//! writer (`dot/writer.rs`) and runs Graphviz through `dot/render.rs`.

use std::path::{Path, PathBuf};

use linkage::{
    load,
    teach::{
        argument::{argument, Subject},
        figure,
        layout::layout_dot,
    },
    DataSource,
};

use crate::{
    common::{fixture, run},
    dot::{decode_entities, graphviz_run, ink, require_graphviz, unescape},
};

/// The fixture's concepts whose labels hold the characters DOT, Graphviz or SVG treat
/// specially: quotes, backslashes (`\N`, `\l`), line breaks, `< > &` and entities, CJK.
const HARD: [&str; 5] = ["quotes", "backslashes", "newlines", "brackets", "cjk"];

/// The papers whose arguments, between them, hold every concept of [`HARD`].
const PAPERS: [&str; 2] = ["p-quote", "p-cjk"];

fn data() -> PathBuf {
    fixture("dot-adversarial")
}

/// The labels of [`HARD`], as written in the data, without white space (wrapping may
/// turn a space into a line break, nothing else).
fn hard_labels() -> Vec<String> {
    let graph = load(&DataSource::Dir(data())).unwrap().graph;
    HARD.iter()
        .map(|id| ink(&graph.node(graph.index_of(id).unwrap()).label))
        .collect()
}

/// The label Graphviz would draw for the node statement `"ID"[label="..."` of `dot`.
fn drawn_label(dot: &str, id: &str) -> Option<String> {
    let start = dot.find(&format!("\"{id}\"[label=\""))? + id.len() + 10;
    let bytes = dot.as_bytes();
    let mut end = start;
    while bytes[end] != b'"' {
        end += if bytes[end] == b'\\' { 2 } else { 1 };
    }
    Some(ink(&unescape(&dot[start..end])))
}

#[test]
fn a_teaching_figure_writes_a_label_as_the_dot_diagram_does() {
    let data = data();
    let (code, diagram, err) = run(&["--data", data.to_str().unwrap(), "dot"]);
    assert_eq!(code, 0, "{err}");
    let graph = load(&DataSource::Dir(data)).unwrap().graph;
    let mut seen = Vec::new();
    for paper in PAPERS {
        let argument = argument(&graph, &Subject::Paper(paper.into())).unwrap();
        let mut figures: Vec<String> = (0..argument.steps.len())
            .map(|k| figure::dot(&graph, &argument, Some(k)))
            .collect();
        figures.push(figure::dot(&graph, &argument, None));
        for &ix in &argument.nodes {
            let id = graph.node(ix).id.as_str();
            let in_diagram = drawn_label(&diagram, id).unwrap();
            assert_eq!(in_diagram, ink(&graph.node(ix).label), "`dot` draws {id}");
            for figure in &figures {
                let drawn = drawn_label(figure, &format!("n{}", ix.index()))
                    .unwrap_or_else(|| panic!("{id} is not in the figure:\n{figure}"));
                assert_eq!(drawn, in_diagram, "the figure draws {id}:\n{figure}");
            }
            seen.push(id.to_string());
        }
    }
    for id in HARD {
        assert!(seen.iter().any(|s| s == id), "no figure draws {id}");
    }
    // The explorer's layout names the nodes by index too, its labels as written.
    let layout = layout_dot(&graph);
    for ix in graph.node_indices() {
        assert_eq!(
            drawn_label(&layout, &format!("n{}", ix.index())),
            Some(ink(&graph.node(ix).label)),
            "{layout}"
        );
    }
}

/// Everything Graphviz wrote as text in the SVG files under `dir`, XML decoded,
/// without white space.
fn svg_text(files: &[PathBuf]) -> String {
    let mut text = String::new();
    for file in files {
        let svg = std::fs::read_to_string(file).unwrap();
        for piece in svg.split("<text").skip(1) {
            let body = &piece[piece.find('>').unwrap() + 1..piece.find("</text>").unwrap()];
            text.push_str(&ink(&decode_entities(body)));
        }
    }
    text
}

fn svgs_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "svg"))
        .collect();
    files.sort();
    files
}

fn linkage_ok(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

#[test]
#[ignore = "needs Graphviz: scripts/test-deps.sh"]
fn every_drawing_command_draws_a_label_as_written() {
    require_graphviz();
    let data = data();
    let data = data.to_str().unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("labels");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = |name: &str| dir.join(name).to_str().unwrap().to_string();

    let diagram = linkage_ok(&["--data", data, "dot"]);
    std::fs::write(dir.join("dot.svg"), graphviz_run(&diagram, "svg")).unwrap();
    linkage_ok(&["--data", data, "render", "-o", &path("render.svg")]);
    let mut steps = Vec::new();
    let mut handouts = Vec::new();
    for paper in PAPERS {
        let out = path(&format!("steps-{paper}"));
        linkage_ok(&["--data", data, "steps", "--paper", paper, "-o", &out]);
        steps.extend(svgs_in(Path::new(&out)));
        let md = path(&format!("handout-{paper}.md"));
        linkage_ok(&["--data", data, "handout", "--paper", paper, "-o", &md]);
        handouts.push(PathBuf::from(md).with_extension("svg"));
    }
    let gallery = path("gallery");
    linkage_ok(&["--data", data, "gallery", &gallery]);

    let drawn = [
        ("dot", svg_text(&[dir.join("dot.svg")])),
        ("render", svg_text(&[dir.join("render.svg")])),
        ("steps", svg_text(&steps)),
        ("handout", svg_text(&handouts)),
        ("gallery", svg_text(&svgs_in(Path::new(&gallery)))),
    ];
    for (label, id) in hard_labels().iter().zip(HARD) {
        for (command, text) in &drawn {
            assert!(
                text.contains(label.as_str()),
                "`{command}` does not draw {id} as written ({label})"
            );
        }
    }
}
