//! What two concepts share and where they differ, and which papers say so: the
//! library's `linkage diff`, printed as a short list.
//!
//! ```sh
//! cargo run --example diff                     # tpa and rr, every paper
//! cargo run --example diff -- tpa rr hao-2021  # according to one paper
//! ```
//!
//! Uses only linkage's public API: load the built-in papers, resolve the names, ask
//! `query::diff::diff`, read its rows.

use std::process::ExitCode;

use linkage::{load, query::diff::diff, DataSource, PaperFilter};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), linkage::Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (a, b, papers) = match args.as_slice() {
        [a, b, papers @ ..] => (a.as_str(), b.as_str(), papers),
        _ => ("tpa", "rr", &[][..]),
    };
    // The five papers built into linkage; `DataSource::Dir("mydata".into())` for yours.
    let graph = load(&DataSource::Embedded)?.graph;
    // Names resolve as on the command line: an id, a label, an alias, part of one.
    let (a, b) = (graph.resolve(a)?, graph.resolve(b)?);
    // Every paper, or only the claims of the papers named.
    let papers = PaperFilter::resolve(&graph, papers)?;
    let found = diff(&graph, a, b, &papers);

    let label = |ix| graph.node(ix).label.as_str();
    println!("{} and {}", label(a), label(b));
    println!("Common ground:");
    for row in &found.common_ground {
        println!("  {} ({})", label(row.topic), row.papers().join(", "));
    }
    println!("Differences:");
    for row in &found.differences {
        println!("  {} ({})", label(row.topic), row.papers().join(", "));
        // The positions each side takes, in the papers' words, oriented as (a, b).
        for wording in row.wordings() {
            if let Some((on_a, on_b)) = wording.positions {
                println!("    {on_a} | {on_b}");
            }
        }
    }
    Ok(())
}
