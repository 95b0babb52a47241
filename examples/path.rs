//! How one concept leads to another: every shortest chain of relations between two
//! nodes, each step with the relation's kind and the papers asserting it (the
//! library's `linkage path`).
//!
//! ```sh
//! cargo run --example path                                          # cpc to common prosperity
//! cargo run --example path -- industrial-poverty-alleviation second-centenary-goal
//! ```
//!
//! Uses only linkage's public API: `query::PathQuery` run on the loaded graph.

use std::process::ExitCode;

use linkage::{load, query::PathQuery, DataSource, PaperFilter};

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        // As the command line does: 1 when the query found nothing.
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<bool, linkage::Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (from, to) = match args.as_slice() {
        [from, to] => (from.as_str(), to.as_str()),
        _ => ("cpc", "common-prosperity"),
    };
    let graph = load(&DataSource::Embedded)?.graph;
    let query = PathQuery::new(graph.resolve(from)?, graph.resolve(to)?);
    let found = query.run(&graph)?;

    let every_paper = PaperFilter::every();
    for (n, path) in found.paths.iter().enumerate() {
        println!("Chain {} ({} steps):", n + 1, path.len());
        for hop in path.hops() {
            let relation = graph.relation(hop.edge);
            // A step may walk a relation against its direction (a symmetric kind).
            let arrow = if hop.forward { "->" } else { "<-" };
            println!(
                "  {} {arrow} {} {arrow} {}   [{}]",
                graph.node(hop.from).label,
                graph.kind_of(relation).label,
                graph.node(hop.to).label,
                every_paper.papers(relation).join(", "),
            );
        }
    }
    if found.truncated() {
        println!(
            "({} chains in all; the first {} listed)",
            found.total,
            found.paths.len()
        );
    }
    Ok(!found.is_empty())
}
