//! Command-line arguments (clap derive). The doc comments are the `--help` text.

mod add;
mod diagram;
mod journal;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub use add::{AddArgs, ExtentArg, VoiceArg};
pub use diagram::{LookArgs, SelectionArgs};
pub use journal::{FigureArgs, Length, TableArgs, TableFormat};

pub use crate::completion::Shell;
pub use crate::formats::Format as ExportFormat;
pub use crate::import::ImportFormat;
use crate::{
    completion,
    dot::{ImageFormat, Lang},
};

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

    /// Print machine-readable JSON instead of text (shapes: docs/json.md). Commands that
    /// write another format (diagrams, exports, lessons, man, ...) refuse it.
    #[arg(long, global = true)]
    pub json: bool,

    /// Never page long output (also: `LINKAGE_PAGER=0`, or a pipe).
    #[arg(long, global = true)]
    pub no_pager: bool,

    /// Load `--data DIR` from its JSON files, neither reading nor writing the cache of
    /// loaded datasets (kept in `$LINKAGE_CACHE_DIR`, `$XDG_CACHE_HOME/linkage` or
    /// `~/.cache/linkage`, at most `$LINKAGE_CACHE_LIMIT` bytes, default 1G, the least
    /// recently used removed first; 0 keeps none).
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Language of what linkage writes for people (zh: the nodes' and kinds' Chinese
    /// names and the schema's Chinese sentences, where the data has them): `diff`,
    /// `path`, `show`, `compare`, `contested` and `position` in the terminal (and the
    /// notes beside them), diagrams, `table`, `figure`, the explorer (`html`), the deck
    /// (`steps`), `handout` and `quiz` (its Moodle and GIFT exports too). Quotes stay in
    /// the language of the paper's text; JSON and `export` are data, the same in every
    /// language.
    #[arg(long, global = true, value_enum, value_name = "LANG", default_value_t)]
    pub lang: Lang,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the dataset; with --sources, verify every quote against the papers' texts;
    /// with --unreviewed, list the claims no second person has read.
    Check {
        /// Directory holding the papers' plain-text files (each paper's `file`).
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
        /// List every source no second person has read against its paper: one without
        /// `reviewed_by`, or reviewed only by its encoder (exit 1 when there is none).
        #[arg(long, conflicts_with = "sources")]
        unreviewed: bool,
    },
    /// List nodes, grouped by kind.
    List {
        /// Only nodes of this kind (strategy, goal, mechanism, ...).
        #[arg(long, value_name = "KIND", add = completion::node_kinds())]
        kind: Option<String>,
        /// The flags every query shares (`--paper`, `--brief`, `--quotes`).
        #[command(flatten)]
        query: QueryArgs,
        /// `--limit`.
        #[command(flatten)]
        limit: LimitArgs,
    },
    /// Show one node with all its relations in and out, and who says so.
    Show {
        /// Node id, label, alias, or a unique part of one.
        #[arg(add = completion::node_names())]
        name: String,
        /// The flags every query shares (`--paper`, `--brief`, `--quotes`).
        #[command(flatten)]
        query: QueryArgs,
    },
    /// Find nodes and quotes containing TEXT: its words near one another, in any order,
    /// case, hyphens and word endings aside (`rural-urban` finds "urban-rural",
    /// `multidimensional` finds "multi-dimensional"), or the text itself.
    Search {
        /// Text to look for.
        text: String,
        /// The flags every query shares (`--paper`, `--brief`, `--quotes`).
        #[command(flatten)]
        query: QueryArgs,
        /// `--limit`.
        #[command(flatten)]
        limit: LimitArgs,
    },
    /// Which existing concepts a phrase or a sentence means, best first, each with why
    /// (the name, description and quotes using the same words); "no existing concept"
    /// (exit code 1) when none is close enough.
    ///
    /// Case, hyphens, word order and word endings do not matter ("institutionalization
    /// of poverty alleviation" meets "institutional poverty alleviation"); Chinese is
    /// compared by pairs of characters. A concept scores by how nearly the text states
    /// one of its names (rare words weigh more than common ones, and words of the text
    /// the name lacks count against it), a little by its description and quotes, and a
    /// little more when several papers use it. Only concepts scoring 0.55 or more are
    /// offered: reusing a concept for a new paper's claim says the papers speak of the
    /// same thing, and a wrong reuse invents an agreement (docs/matching.md measures
    /// how often the threshold is right).
    Match {
        /// The phrase or sentence.
        text: String,
        /// --paper: only concepts these papers' claims are about, judged by their quotes.
        #[command(flatten)]
        query: QueryArgs,
        /// `--limit`.
        #[command(flatten)]
        limit: LimitArgs,
    },
    /// List the papers with what is known of their citations and their claim counts.
    Papers {
        /// The flags every query shares (`--paper`, `--brief`, `--quotes`).
        #[command(flatten)]
        query: QueryArgs,
    },
    /// Print the JSON Schema of data files (for editors), or the kinds in force.
    Schema {
        /// Print the node and relation kinds of the schema in force instead.
        #[arg(long)]
        kinds: bool,
    },
    /// Compare two nodes: common ground, differences by dimension, structural contrast.
    Diff {
        /// First node (id, label, alias, or a unique part of one).
        #[arg(add = completion::node_names())]
        a: String,
        /// Second node.
        #[arg(add = completion::node_names())]
        b: String,
        /// The flags every query shares (`--paper`, `--brief`, `--quotes`).
        #[command(flatten)]
        query: QueryArgs,
    },
    /// Matrix of common-ground aspects and difference dimensions against papers.
    Compare {
        /// Restrict to the relations between two nodes, e.g. `compare tpa rr`.
        #[arg(num_args = 0..=2, value_names = ["A", "B"])]
        pair: Vec<String>,
        /// The flags every query shares (`--paper`, `--brief`, `--quotes`).
        #[command(flatten)]
        query: QueryArgs,
        /// Print CSV (for a paper's appendix) instead of a table.
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        /// With --csv: the claims behind the matrix, one row per relation and source,
        /// in the columns of `export --format evidence-csv` (which `import` reads).
        #[arg(long = "evidence", requires = "csv")]
        evidence_table: bool,
    },
    /// Where the papers disagree, strongest first: contradictions, tensions, framings;
    /// each answer with its papers and a short quote.
    ///
    /// Each label has one rule, read from the logic of relation kinds
    /// (docs/data-format.md):
    ///
    /// A contradiction is two answers to the same scoped question that cannot both hold
    /// as the papers state them: two values of one fact; a concept classified two
    /// exclusive ways (a goal or a measure; a view argued or criticised; common ground
    /// or a difference in one stated scope); a concept an asset for something to one
    /// paper and a liability for the same thing to another; opposed relations (hinders
    /// and drives) between the same two concepts.
    ///
    /// A tension is an asset against a liability whose respect no paper states (a
    /// problem-of claim without a scope): the answers pull apart, and may answer
    /// different questions.
    ///
    /// A framing is the same thing seen differently, where both can hold: common ground
    /// to one paper and a difference to another in no one stated scope; a two-way
    /// relation against a one-way one it does not imply; different positions along one
    /// dimension; lists of which neither contains the other (a paper naming more items
    /// than another agrees with it and extends it).
    ///
    /// Never a dispute: claims that agree (the same, an inverse read from the other end,
    /// one implying the other); an asset for one thing and a liability for another (two
    /// questions); one paper alone. A paper listed on both sides of a contradiction or
    /// tension states both answers.
    Contested {
        /// Only disputes about these nodes (as subject, aspect or dimension).
        #[arg(value_name = "NAME", add = completion::node_names())]
        names: Vec<String>,
        /// --paper: only disputes these papers take part in (their opponents are shown
        /// too). Without --brief or --quotes, one short quote per answer.
        #[command(flatten)]
        query: QueryArgs,
        /// `--limit`.
        #[command(flatten)]
        limit: LimitArgs,
        /// Also the pairs related in ways that neither agree nor conflict.
        #[arg(long)]
        all: bool,
    },
    /// Where one paper stands among the others: a summary for a literature review, then
    /// each claim with the papers saying the same, more or less, those relating its
    /// concepts otherwise, its disputes, or that no other paper touches it.
    ///
    /// Agreement is the logic of relation kinds' (docs/data-format.md): the same claim,
    /// an inverse read from the other end, or one implying the other ("says more":
    /// their claim implies this one; "says less": this one implies theirs). A paper is
    /// named as agreeing only for such a claim, never for speaking of the same
    /// concepts. Each summary sentence ends with the numbers of the claims it rests on;
    /// claims are numbered in the order of the paper's text, dispute numbers are those
    /// of `linkage contested`.
    Position {
        /// Paper id, citation, author or title words.
        name: String,
        /// Under each claim, only the papers that agree or differ, not their claims.
        /// (No quotes either way: `--json` carries them.)
        #[arg(long)]
        brief: bool,
    },
    /// One paper's argument in outline: its claims grouped by kind, in the paper's order.
    Paper {
        /// Paper id, citation, author or title words.
        name: String,
        /// `--brief` and `--quotes`.
        #[command(flatten)]
        quoting: QuotingArgs,
        /// Most claims listed, at most 10000 (the default); the rest are counted.
        #[command(flatten)]
        limit: LimitArgs,
    },
    /// How is FROM connected to TO: every shortest chain of relations, with the papers
    /// asserting each step (or, with --all, every chain up to --max-len).
    ///
    /// Ordinary relations are followed in their direction; symmetric ones (common
    /// ground, difference, mutual promotion) both ways. Relations joining the same two
    /// nodes make one step. Exit code 1 when there is no path.
    Path(PathArgs),
    /// The ego network of a node: the nodes within --depth relations of it (either
    /// direction) and every relation among them, as `dot --focus` draws it, grouped by
    /// relation kind.
    Neighbors {
        /// Node id, label, alias, or a unique part of one.
        #[arg(add = completion::node_names())]
        name: String,
        /// How many steps out to go.
        #[arg(long, value_name = "N", default_value_t = 1,
              value_parser = clap::value_parser!(u16).range(1..))]
        depth: u16,
        /// Only relations of these kinds (see `linkage schema --kinds`); commas work too.
        #[arg(long, value_name = "KIND", num_args = 1.., value_delimiter = ',',
          add = completion::relation_kinds())]
        via: Vec<String>,
        /// The flags every query shares (`--paper`, `--brief`, `--quotes`).
        #[command(flatten)]
        query: QueryArgs,
    },
    /// Export the graph, or part of it, for other tools: networkx and Gephi, Neo4j,
    /// RDF stores, reference managers, a paper's evidence appendix (docs/formats.md).
    ///
    /// Takes the same selection options as `linkage dot`; without them, the whole graph.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// What to export.
        #[command(flatten)]
        selection: SelectionArgs,
        /// Directory holding the papers' plain-text files, to place each quote in its
        /// paper (line range, character offsets) [default: DIR/texts for --data DIR].
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
        /// Write to FILE (atomically) instead of standard output; for csv, a directory.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Read data in another format: a spreadsheet of claims into a file of the
    /// dataset named by --data (a new one, or appended to the one named), paper records from a reference manager (BibTeX,
    /// CSL-JSON) into its papers, or linkage's own GraphML into a new data directory.
    ///
    /// Claims (.csv, .tsv): one row per claim; columns from, relation, to, paper, quote
    /// and optional locator, aspect, dimension, `from_position`, `to_position`,
    /// `from_kind`, `to_kind`, `from_aliases`, `to_aliases` (several split by `;`),
    /// `from_label_zh`, `to_label_zh` (names of a node the row creates), note,
    /// `encoded_by`, `reviewed_by`, voice, extent; a row
    /// with property and value (and no relation) is a fact about `from`
    /// (docs/authoring.md). Every row is checked as `add`
    /// checks a claim; a row with a problem is reported with its line, and nothing is
    /// written. Paper records (.bib, or .json as CSL-JSON): each entry adds a paper, or
    /// sets the title, authors, year, venue, pages, DOI and URL it gives on the paper
    /// with its DOI (else with its key as id), never clearing a field it lacks; what
    /// changed is listed. GraphML: `import graph.graphml -o mydata`.
    Import {
        /// The file to read.
        file: PathBuf,
        /// Its format [default: from the file's extension].
        #[arg(long, value_enum)]
        format: Option<ImportFormat>,
        /// GraphML: the directory to write the new dataset into (new or empty).
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Claims: the data file, a bare NAME.json directly inside the dataset (the
        /// only files linkage reads), appended to when it exists, every byte of it
        /// kept [default: the claims file's name with .json].
        /// Paper records: the data file new papers' records go into [default: the
        /// first that has papers, else papers.json].
        #[arg(long, value_name = "NAME.json")]
        into: Option<String>,
        /// Claims: directory of the papers' texts [default: DIR/texts].
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
    },
    /// Draw the graph, or part of it, as a Graphviz DOT diagram.
    ///
    /// Node kinds are drawn with the shapes and colours, relation kinds with the colours
    /// and line styles, of the schema's style hints. Render the DOT with Graphviz
    /// (`dot -Tsvg`), or use `linkage render`.
    Dot {
        /// What to draw.
        #[command(flatten)]
        selection: SelectionArgs,
        /// How to draw it.
        #[command(flatten)]
        look: LookArgs,
        /// Write to FILE (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Draw the graph, or part of it, into an SVG, PNG or PDF file with Graphviz.
    ///
    /// Takes the same selection and style options as `linkage dot`. Needs Graphviz's
    /// `dot` program on PATH. Warns when the figure is wider or taller than 40 inches
    /// (larger than a page or a slide), naming the flags that shrink it. Without
    /// --rankdir, a figure whose names would print under 6 pt on a page 17 cm wide is
    /// drawn left to right when that makes them larger, with a note.
    Render {
        /// What to draw.
        #[command(flatten)]
        selection: SelectionArgs,
        /// How to draw it.
        #[command(flatten)]
        look: LookArgs,
        /// The image file to write (atomically); its extension (.svg, .png, .pdf, .eps, .tiff) picks the format.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// Image format, when the file name does not end in .svg, .png, .pdf, .eps or .tiff.
        #[arg(long, value_enum)]
        format: Option<ImageFormat>,
        /// Resolution of PNG images, in dots per inch.
        #[arg(long, value_name = "N", default_value_t = 150)]
        dpi: u32,
    },
    /// The comparison of two concepts as a table for a journal: common ground, then
    /// differences with both sides' positions in the papers' words; the papers behind
    /// each row cited by the keys of `export --format bibtex`; disputed rows marked.
    Table(TableArgs),
    /// The comparison as a figure for a journal's page at a printed width and a least
    /// text size (refused, naming what to drop, when it cannot keep them). Needs Graphviz.
    Figure(FigureArgs),
    /// Regenerate the gallery of diagrams in DIR: each figure as .dot and .svg, and an index.
    ///
    /// `linkage gallery graphs` from the repository root rewrites the committed gallery.
    Gallery {
        /// Directory to write into (created if missing).
        dir: PathBuf,
        /// Write only the DOT files and the index; Graphviz is not needed.
        #[arg(long)]
        no_svg: bool,
    },
    /// Print a shell script that completes linkage's commands, flags, node ids, paper
    /// ids and kinds: `source <(linkage completions bash)` in ~/.bashrc.
    Completions {
        /// The shell.
        shell: Shell,
    },
    /// Print linkage's manual page (roff): `linkage man > linkage.1; man ./linkage.1`.
    Man,
    /// Start a new dataset in DIR: a paper, its text, a node and a relation, a schema to
    /// extend, and a README saying what to do next. `check` passes on it at once.
    Init {
        /// A new or empty directory.
        dir: PathBuf,
        /// Start from the five shipped papers instead (their data files, schema and texts,
        /// byte for byte), to add a paper of your own to them.
        #[arg(long)]
        from_builtin: bool,
    },
    /// Add a claim to the dataset named by --data: the relation FROM RELATION TO, as
    /// PAPER says it. The quote is checked against the paper's text and the locator taken
    /// from the heading it falls under; the relation is appended to the file holding the
    /// paper's claims, every other byte of it kept. Refused, with check's message, if
    /// `check` would refuse it.
    Add(Box<AddArgs>),
    /// Draft a paper's claims from its text: a claims sheet (CSV, the `import` format),
    /// one candidate claim a row, best first, each with its relation kind, both ends (an
    /// existing concept `match` offers, or a new concept's label and kind), the sentence
    /// as quote, its locator, a score and the reason. The cues are the schema's
    /// (`cues` of each relation kind). Delete the wrong rows, fix the rest, `import`.
    Suggest {
        /// The paper (id, or a unique part of its title): its `file` is read, text or PDF.
        paper: String,
        /// Write the sheet to FILE (atomically; never inside the data directory)
        /// instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Directory of the papers' texts [default: the dataset's own texts].
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
    },
    /// Where a quote occurs in the papers' texts: paper, lines, and the heading it falls
    /// under (its locator); the nearest misses when it occurs nowhere verbatim.
    Locate {
        /// The words to find (white space and line breaks need not match).
        quote: String,
        /// The flags every query shares (`--paper`, `--brief`, `--quotes`).
        #[command(flatten)]
        query: QueryArgs,
        /// Directory of the papers' texts [default: the dataset's own texts].
        #[arg(long, value_name = "DIR")]
        sources: Option<PathBuf>,
    },
    /// Write the explorer: one offline HTML page to pan, search, click, and ask for
    /// paths and differences in (Graphviz lays it out).
    Html {
        /// Open the page filtered to this paper's argument.
        #[arg(long)]
        paper: Option<String>,
        /// The HTML file to write.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Write an argument as a slide deck sized for a projector (DIR/index.html): a
    /// chain or a paper a relation a slide, each also a numbered SVG figure with one
    /// relation more revealed (DIR/step-01.svg, ...); a comparison one row of it a slide.
    /// The right and left arrow keys step; Page Down and Space scroll a long slide,
    /// then go on.
    Steps {
        /// The argument the lesson explains.
        #[command(flatten)]
        lesson: crate::teach::Lesson,
        /// The directory to write into (created if missing); with `--format pptx`, the
        /// PowerPoint file.
        #[arg(short, long)]
        output: PathBuf,
        /// `html`: the figures and the HTML deck; `pptx`: the deck as one PowerPoint
        /// file to edit, slide for slide the HTML deck's (needs pandoc).
        #[arg(long, value_enum, default_value_t)]
        format: crate::teach::DeckFormat,
    },
    /// Write a handout in Markdown: the figure, the numbered sentences with their
    /// quotes, full citations (pandoc turns it into DOCX, HTML or PDF).
    Handout {
        /// The argument the lesson explains.
        #[command(flatten)]
        lesson: crate::teach::Lesson,
        /// The Markdown file to write; the figure goes beside it as FILE.svg. Without
        /// it, the Markdown is printed with the figure embedded.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The handout's title (default: the lesson's, e.g. "A and B").
        #[arg(long)]
        title: Option<String>,
        /// The course, printed under the title.
        #[arg(long)]
        course: Option<String>,
        /// The date, printed under the title as written (e.g. "6 December 2026").
        #[arg(long)]
        date: Option<String>,
        /// Two pages (A4 or Letter) for a comparison: the compact table, three questions
        /// from the disputes with a quote for each side, the journal figure (`linkage
        /// figure`) and the sources; no evidence step by step. Two pages only through
        /// `pandoc --pdf-engine=weasyprint`, which reads the print stylesheet the file
        /// carries; LaTeX engines (xelatex, pdflatex) ignore it and take four.
        #[arg(long)]
        short: bool,
    },
    /// Print a quiz made from the graph: multiple-choice questions on what the
    /// papers say is shared and different, where they disagree, who says what and how
    /// concepts connect, then the key with every paper's answer and its source. The
    /// same seed gives the same quiz.
    Quiz {
        /// Ask about this paper's argument only.
        #[arg(long)]
        paper: Option<String>,
        /// Which quiz: any number; each gives a different draw of questions.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The students' copy: the questions without the key (Markdown only).
        #[arg(long)]
        student: bool,
        /// Markdown to print or hand out, or Moodle XML or GIFT to import into a
        /// learning platform (Moodle: Question bank > Import > Moodle XML format, or
        /// GIFT format).
        #[arg(long, value_enum, default_value_t)]
        format: crate::teach::quiz::QuizFormat,
    },
    /// Answer many queries with one load: one command line a line (as after `linkage`,
    /// e.g. `path tpa rr`), one line of JSON out for each, in order. Errors are JSON
    /// lines too (`{"error": ..., "line": N}`); the exit code is the worst of all.
    Batch(BatchArgs),
    /// Answer queries over HTTP (read-only; on 127.0.0.1 unless --bind says otherwise):
    /// `GET /path?from=tpa&to=rr`, or `POST /` with a command line as the body; the same
    /// JSON as `--json`.
    Serve(ServeArgs),
}

/// The flags every query command shares: whose claims, and how much of their words to quote.
/// `--json` is global. A new query command flattens this group and gets them all.
#[derive(Debug, Clone, Default, Args)]
pub struct QueryArgs {
    /// Only claims made by these papers (id, citation, author or title words).
    #[arg(long, value_name = "PAPER", num_args = 1.., add = completion::paper_names())]
    pub paper: Vec<String>,
    /// `--brief` and `--quotes`.
    #[command(flatten)]
    pub quoting: QuotingArgs,
}

/// `--brief` and `--quotes`: how much of the papers' words to print with each claim.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct QuotingArgs {
    /// Citations and locators only, without the quotes.
    #[arg(long, conflicts_with = "quotes")]
    pub brief: bool,
    /// Every quote in full (the default, except for `contested`, which shows one short
    /// quote per answer).
    #[arg(long)]
    pub quotes: bool,
}

/// How much of the papers' words a command quotes with its claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quoting {
    /// Citations and locators only (`--brief`).
    Brief,
    /// The command's own default.
    Default,
    /// Every quote (`--quotes`).
    Quotes,
}

impl QuotingArgs {
    /// The quoting asked for.
    pub fn quoting(self) -> Quoting {
        if self.brief {
            Quoting::Brief
        } else if self.quotes {
            Quoting::Quotes
        } else {
            Quoting::Default
        }
    }

    /// Whether quotes are printed, for commands that print every quote by default.
    pub fn with_quotes(self) -> bool {
        !self.brief
    }
}

/// `--limit` for the commands that list things.
#[derive(Debug, Clone, Copy, Args)]
pub struct LimitArgs {
    /// Most items listed, at most 10000; the rest are counted [default: 50 for path, 5
    /// for match, every item otherwise].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub limit: Option<u32>,
}

impl LimitArgs {
    /// The limit, or `default` when none was given.
    pub fn or(self, default: usize) -> usize {
        self.limit.map_or(default, |n| n as usize)
    }
}

/// Arguments of `linkage path`.
#[derive(Debug, Args)]
pub struct PathArgs {
    /// Where the chains start: node id, label, alias, or a unique part of one.
    #[arg(add = completion::node_names())]
    pub from: String,
    /// Where the chains end.
    #[arg(add = completion::node_names())]
    pub to: String,
    /// Every simple chain up to --max-len, shortest first, not just the shortest.
    #[arg(long)]
    pub all: bool,
    /// Longest chain, in relations [default: 6 with --all, no bound otherwise].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub max_len: Option<u16>,
    /// `--limit`.
    #[command(flatten)]
    pub limit: LimitArgs,
    /// Only relations of these kinds (see `linkage schema --kinds`); commas work too.
    #[arg(long, value_name = "KIND", num_args = 1.., value_delimiter = ',',
          add = completion::relation_kinds())]
    pub via: Vec<String>,
    /// Never pass through these nodes.
    #[arg(long, value_name = "NAME", num_args = 1..)]
    pub avoid: Vec<String>,
    /// Only chains passing through this node.
    #[arg(long, value_name = "NAME")]
    pub through: Option<String>,
    /// The flags every query shares (`--paper`, `--brief`, `--quotes`).
    #[command(flatten)]
    pub query: QueryArgs,
    /// Follow every relation both ways, ignoring its direction.
    #[arg(long)]
    pub undirected: bool,
    /// Spell each chain out as numbered sentences, each with its citation and quote.
    #[arg(long)]
    pub explain: bool,
}

/// Arguments of `linkage batch`.
#[derive(Debug, Clone, Args)]
pub struct BatchArgs {
    /// File of queries, one a line [default: standard input]. Blank lines and lines
    /// starting with `#` are skipped (no output); line numbers count every line.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// Arguments of `linkage serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// The TCP port; 0 picks a free one (the address is printed on standard output).
    #[arg(long, default_value_t = 8_765)]
    pub port: u16,
    /// The address to listen on. Anything but loopback lets every machine that reaches
    /// it read the whole dataset: the server has no authentication and no TLS.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
}
