//! A figure of the comparison of two concepts, as DOT text and, where Graphviz is
//! installed, as SVG: the library's `linkage dot --diff` and `linkage render --diff`.
//!
//! ```sh
//! cargo run --example figure                 # tpa-rr.dot and tpa-rr.svg here
//! cargo run --example figure -- tpa rr out/  # into out/
//! ```
//!
//! Uses only linkage's public API: a `dot::Selection` resolved by `dot::select`, drawn
//! by `dot::to_dot` (DOT) and `dot::render_to_file` (an image through Graphviz), each
//! file written through a `write::Destination`.

use std::{path::PathBuf, process::ExitCode};

use linkage::{
    dot::{self, ImageFormat, Look, Selection, MISSING_GRAPHVIZ},
    load,
    write::Destination,
    DataSource, Error,
};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (a, b, dir) = match args.as_slice() {
        [a, b] => (a.clone(), b.clone(), PathBuf::from(".")),
        [a, b, dir] => (a.clone(), b.clone(), PathBuf::from(dir)),
        _ => ("tpa".to_string(), "rr".to_string(), PathBuf::from(".")),
    };
    let graph = load(&DataSource::Embedded)?.graph;
    // What to draw: the two side by side, their common ground and differences.
    let selection = Selection {
        diff: Some((a.clone(), b.clone())),
        ..Selection::default()
    };
    let selected = dot::select(&graph, &selection)?;
    // How it looks: colour, a legend of the kinds drawn, the papers on each edge.
    let look = Look {
        legend: true,
        cite: true,
        ..Look::default()
    };

    // Files are written whole or not at all, and never into a data directory (none here).
    let stem = format!("{a}-{b}");
    let dot_file = Destination::output(dir.join(format!("{stem}.dot")), None)?;
    dot_file.write(dot::to_dot(&graph, &selected, &look).as_bytes())?;
    println!("wrote {}", dot_file.path().display());

    let svg_file = Destination::output(dir.join(format!("{stem}.svg")), None)?;
    match dot::render_to_file(
        dot::build(&graph, &selected, &look),
        ImageFormat::Svg,
        96,
        &svg_file,
    ) {
        Ok(()) => {
            println!("wrote {}", svg_file.path().display());
            Ok(())
        }
        Err(Error::External(message)) if message == MISSING_GRAPHVIZ => {
            println!("Graphviz is not installed: the figure is the DOT file only");
            Ok(())
        }
        Err(error) => Err(error),
    }
}
