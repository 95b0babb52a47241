//! Command-line arguments (clap derive). The doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Model the logic of academic papers as a typed concept graph, query it, and draw it.
///
/// Without --data, linkage works on the five papers on targeted poverty alleviation
/// (tpa) and rural revitalization (rr) built into it.
#[derive(Debug, Parser)]
#[command(name = "linkage", version, max_term_width = 100)]
pub struct Cli {
    /// Load the dataset from DIR (every *.json file in it) instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Print machine-readable JSON instead of text (shapes: docs/json.md).
    #[arg(long, global = true)]
    pub json: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the dataset; with --sources, verify every quote against the papers' texts.
    Check {
        /// Directory holding the papers' plain-text files (each paper's `file`).
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
    },
    /// List nodes, grouped by kind.
    List {
        /// Only nodes of this kind (strategy, goal, mechanism, ...).
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
    },
    /// Show one node with all its relations in and out, and who says so.
    Show {
        /// Node id, label, alias, or a unique part of one.
        name: String,
        /// Citations only, without the quotes.
        #[arg(long)]
        brief: bool,
    },
    /// Find nodes and quotes containing TEXT (case-insensitive).
    Search {
        /// Text to look for.
        text: String,
    },
    /// List the papers with what is known of their citations and their claim counts.
    Papers,
    /// Print the JSON Schema of data files (for editors), or the kinds in force.
    Schema {
        /// Print the node and relation kinds of the schema in force instead.
        #[arg(long)]
        kinds: bool,
    },
    /// Compare two nodes: common ground, differences by dimension, structural contrast.
    Diff {
        /// First node (id, label, alias, or a unique part of one).
        a: String,
        /// Second node.
        b: String,
        /// Only claims made by these papers (id, citation, author or title words).
        #[arg(long, value_name = "PAPER", num_args = 1..)]
        paper: Vec<String>,
        /// Citations only, without the quotes.
        #[arg(long)]
        brief: bool,
    },
    /// Matrix of common-ground aspects and difference dimensions against papers.
    Compare {
        /// Restrict to the relations between two nodes, e.g. `compare tpa rr`.
        #[arg(num_args = 0..=2, value_names = ["A", "B"])]
        pair: Vec<String>,
        /// Only these papers as columns.
        #[arg(long, value_name = "PAPER", num_args = 1..)]
        paper: Vec<String>,
        /// Print CSV (for a paper's appendix) instead of a table.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
    },
    /// Pairs of nodes the papers relate in conflicting ways, and the views they report.
    Contested {
        /// Only claims made by these papers.
        #[arg(long, value_name = "PAPER", num_args = 1..)]
        paper: Vec<String>,
        /// Citations only, without the quotes.
        #[arg(long)]
        brief: bool,
    },
    /// One paper's argument in outline: its claims grouped by kind, in the paper's order.
    Paper {
        /// Paper id, citation, author or title words.
        name: String,
        /// Claims and locators only, without the quotes.
        #[arg(long)]
        brief: bool,
    },
    /// How is FROM connected to TO: every shortest chain of relations, with the papers
    /// asserting each step (or, with --all, every chain up to --max-len).
    ///
    /// Ordinary relations are followed in their direction; symmetric ones (common
    /// ground, difference, mutual promotion) both ways. Relations joining the same two
    /// nodes make one step. Exit code 1 when there is no path.
    Path(PathArgs),
    /// The ego network of a node: every relation within --depth steps, either
    /// direction, grouped by relation kind.
    Neighbors {
        /// Node id, label, alias, or a unique part of one.
        name: String,
        /// How many steps out to go.
        #[arg(long, value_name = "N", default_value_t = 1,
              value_parser = clap::value_parser!(u16).range(1..))]
        depth: u16,
        /// Only relations of these kinds (see `linkage schema --kinds`); commas work too.
        #[arg(long, value_name = "KIND", num_args = 1.., value_delimiter = ',')]
        via: Vec<String>,
        /// Only relations asserted by these papers (id, citation, author or title words).
        #[arg(long, value_name = "PAPER", num_args = 1..)]
        paper: Vec<String>,
    },
    /// Export the whole graph.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to FILE (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// Formats `export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The data-file format: papers, nodes and merged relations with all sources.
    Json,
}

/// Arguments of `linkage path`.
#[derive(Debug, Args)]
pub struct PathArgs {
    /// Where the chains start: node id, label, alias, or a unique part of one.
    pub from: String,
    /// Where the chains end.
    pub to: String,
    /// Every simple chain up to --max-len, shortest first, not just the shortest.
    #[arg(long)]
    pub all: bool,
    /// Longest chain, in relations [default: 6 with --all, no bound otherwise].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub max_len: Option<u16>,
    /// Most chains listed; the rest are counted.
    #[arg(long, value_name = "K", default_value_t = 50,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: u32,
    /// Only relations of these kinds (see `linkage schema --kinds`); commas work too.
    #[arg(long, value_name = "KIND", num_args = 1.., value_delimiter = ',')]
    pub via: Vec<String>,
    /// Never pass through these nodes.
    #[arg(long, value_name = "NAME", num_args = 1..)]
    pub avoid: Vec<String>,
    /// Only chains passing through this node.
    #[arg(long, value_name = "NAME")]
    pub through: Option<String>,
    /// Only relations asserted by these papers (id, citation, author or title words).
    #[arg(long, value_name = "PAPER", num_args = 1..)]
    pub paper: Vec<String>,
    /// Follow every relation both ways, ignoring its direction.
    #[arg(long)]
    pub undirected: bool,
    /// Spell each chain out as numbered sentences, each with its citation and quote.
    #[arg(long)]
    pub explain: bool,
}
