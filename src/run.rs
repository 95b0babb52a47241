//! Dispatch: parse arguments, load the data, run the command, map the outcome to an
//! exit code (0 found, 1 nothing found, 2 bad usage or bad data).

use std::{fmt::Write as _, io::Write as _, process::ExitCode};

use clap::Parser as _;

use crate::{
    cli::{Cli, Command, PathArgs},
    dot,
    error::Error,
    formats, json_schema,
    load::{load, DataSource},
    output,
    query::{self, ego_network, PathMode, PathQuery, Walk, WalkFilter},
    quotes,
    write::{refuse_data_dir, write_atomically, write_stdout},
    ConceptGraph,
};

/// What a successful command found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Results were printed.
    Found,
    /// The query ran and found nothing (exit code 1).
    Nothing,
}

/// Runs the binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::Nothing) => ExitCode::from(1),
        Err(error) => {
            report(&error);
            ExitCode::from(2)
        }
    }
}

fn report(error: &Error) {
    let mut stderr = anstream::stderr();
    if let Error::InvalidData(diagnostics) = error {
        for diagnostic in diagnostics {
            let _ = writeln!(stderr, "{diagnostic}");
        }
    }
    let _ = writeln!(stderr, "error: {error}");
}

/// Text printed to stdout, and what it means for the exit code.
struct Printed {
    text: String,
    outcome: Outcome,
}

impl Printed {
    fn found(text: String) -> Self {
        Self {
            text,
            outcome: Outcome::Found,
        }
    }

    /// `text`, and whether the query found something.
    fn found_if(found: bool, text: String) -> Self {
        Self {
            text,
            outcome: if found {
                Outcome::Found
            } else {
                Outcome::Nothing
            },
        }
    }
}

/// Runs one parsed command line.
///
/// # Errors
/// Any [`Error`]; the caller prints it and exits with code 2.
pub fn run(cli: &Cli) -> Result<Outcome, Error> {
    let source = cli
        .data
        .clone()
        .map_or(DataSource::Embedded, DataSource::Dir);
    let loaded = load(&source)?;
    let mut stderr = anstream::stderr();
    for warning in &loaded.warnings {
        let _ = writeln!(stderr, "{warning}");
    }
    let printed = dispatch(cli, &loaded.graph)?;
    write_stdout(&mut anstream::stdout(), printed.text.as_bytes())?;
    // The process ends next; freeing a large graph piece by piece would only delay it.
    std::mem::forget(loaded);
    Ok(printed.outcome)
}

fn dispatch(cli: &Cli, graph: &ConceptGraph) -> Result<Printed, Error> {
    let json = cli.json;
    if json
        && matches!(
            cli.command,
            Command::Dot { .. } | Command::Render { .. } | Command::Gallery { .. }
        )
    {
        return Err(Error::Usage(
            "--json is for queries; diagrams are written as DOT, SVG, PNG or PDF".into(),
        ));
    }
    match &cli.command {
        Command::Check { sources } => {
            let report = sources
                .as_deref()
                .map(|dir| quotes::verify_quotes(graph, dir))
                .transpose()?;
            let text = if json {
                output::json(&output::check::json(graph, report.as_ref()))
            } else {
                output::check::human(graph, report.as_ref())
            };
            if let Some(report) = report.filter(|r| !r.failures.is_empty()) {
                write_stdout(&mut anstream::stdout(), text.as_bytes())?;
                return Err(Error::InvalidData(report.failures));
            }
            Ok(Printed::found(text))
        }
        Command::List { kind } => {
            graph.schema().require_node_kinds(kind.as_slice())?;
            let nodes: Vec<_> = graph
                .nodes()
                .filter(|n| kind.as_ref().is_none_or(|k| &n.kind == k))
                .collect();
            let text = if json {
                output::json(&output::list::json(&nodes))
            } else {
                output::list::human(graph, &nodes)
            };
            Ok(Printed {
                text,
                outcome: if nodes.is_empty() {
                    Outcome::Nothing
                } else {
                    Outcome::Found
                },
            })
        }
        Command::Show { name, brief } => {
            let ix = graph.resolve(name)?;
            Ok(Printed::found(if json {
                output::json(&output::show::json(graph, ix))
            } else {
                output::show::human(graph, ix, !brief)
            }))
        }
        Command::Search { text } => {
            if text.trim().is_empty() {
                return Err(Error::Usage(
                    "search needs a word or phrase to look for".into(),
                ));
            }
            let found = output::search::search(graph, text);
            let outcome = if found.is_empty() {
                Outcome::Nothing
            } else {
                Outcome::Found
            };
            let text = if json {
                output::json(&output::search::json(graph, &found))
            } else if found.is_empty() {
                format!("nothing matches \"{text}\"\n")
            } else {
                output::search::human(graph, &found)
            };
            Ok(Printed { text, outcome })
        }
        Command::Papers => Ok(Printed::found(if json {
            output::json(&output::papers::json(graph))
        } else {
            output::papers::human(graph)
        })),
        Command::Schema { kinds } => Ok(Printed::found(if *kinds {
            output::json(&serde_json::to_value(graph.schema()).expect("schemas serialise"))
        } else {
            output::json(&json_schema::data_file_schema(graph.schema()))
        })),
        Command::Diff { a, b, paper, brief } => {
            let (a, b) = (graph.resolve(a)?, graph.resolve(b)?);
            if a == b {
                return Err(Error::Usage("diff needs two different nodes".into()));
            }
            let papers = graph.resolve_papers(paper)?;
            let diff = query::diff::diff(graph, a, b, &papers);
            Ok(Printed::found(if json {
                output::json(&output::diff::json(graph, &diff))
            } else {
                output::diff::human(graph, &diff, !brief)
            }))
        }
        Command::Compare { pair, paper, csv } => {
            let pair = match pair.as_slice() {
                [] => None,
                [a, b] => Some((graph.resolve(a)?, graph.resolve(b)?)),
                _ => return Err(Error::Usage("compare takes two nodes or none".into())),
            };
            let papers = graph.resolve_papers(paper)?;
            let matrix = query::compare::compare(graph, pair, &papers);
            let outcome = if matrix.rows.is_empty() {
                Outcome::Nothing
            } else {
                Outcome::Found
            };
            let text = if json {
                output::json(&output::compare::json(graph, &matrix))
            } else if *csv {
                output::compare::csv(graph, &matrix)
            } else {
                output::compare::human(graph, &matrix)
            };
            Ok(Printed { text, outcome })
        }
        Command::Contested { paper, brief } => {
            let papers = graph.resolve_papers(paper)?;
            let contested = query::contested::contested(graph, &papers);
            let outcome = if contested.pairs.is_empty() && contested.views.is_empty() {
                Outcome::Nothing
            } else {
                Outcome::Found
            };
            let text = if json {
                output::json(&output::contested::json(graph, &contested))
            } else {
                output::contested::human(graph, &contested, !brief)
            };
            Ok(Printed { text, outcome })
        }
        Command::Paper { name, brief } => {
            let paper = graph.resolve_paper(name)?;
            let outline = query::outline::outline(graph, &paper);
            let outcome = if outline.groups.is_empty() {
                Outcome::Nothing
            } else {
                Outcome::Found
            };
            let text = if json {
                output::json(&output::outline::json(graph, &outline))
            } else {
                output::outline::human(graph, &outline, !brief)
            };
            Ok(Printed { text, outcome })
        }
        Command::Path(args) => {
            let query = path_query(graph, args)?;
            let result = query.run(graph)?;
            let text = if json {
                output::json(&output::path::json(graph, &query, &result))
            } else if result.is_empty() {
                output::path::nothing(graph, &query, &result)
            } else if args.explain {
                output::path::explain(graph, &query, &result)
            } else {
                output::path::human(graph, &query, &result)
            };
            Ok(Printed::found_if(!result.is_empty(), text))
        }
        Command::Neighbors {
            name,
            depth,
            via,
            paper,
        } => {
            let center = graph.resolve(name)?;
            let filter = WalkFilter {
                kinds: via.clone(),
                papers: graph.resolve_papers(paper)?,
                ..WalkFilter::default()
            };
            let walk = Walk::new(graph, filter)?;
            let ego = ego_network(&walk, center, usize::from(*depth));
            let text = if json {
                output::json(&output::neighbors::json(&walk, &ego))
            } else {
                output::neighbors::human(&walk, &ego)
            };
            Ok(Printed::found_if(!ego.relations.is_empty(), text))
        }
        Command::Export {
            format,
            selection,
            sources,
            output,
        } => {
            let request = formats::ExportRequest {
                format: *format,
                selection: selection.selection(),
                texts: formats::PaperTexts::new(sources.as_deref(), cli.data.as_deref()),
                output: output.as_deref(),
                data_dir: cli.data.as_deref(),
            };
            let exported = formats::export(graph, &request)?;
            let mut stderr = anstream::stderr();
            if let Some(note) = &exported.note {
                let _ = writeln!(stderr, "{note}");
            }
            if !exported.found {
                let _ = writeln!(stderr, "nothing to export: the selection is empty");
            }
            Ok(Printed::found_if(exported.found, exported.text))
        }
        Command::Import {
            format,
            file,
            output,
        } => {
            refuse_data_dir(&output.join("papers.json"), cli.data.as_deref())?;
            let written = crate::import::import(*format, file, output)?;
            let mut text = String::new();
            for path in written {
                let _ = writeln!(text, "wrote {}", path.display());
            }
            Ok(Printed::found(text))
        }
        Command::Dot {
            selection,
            look,
            output,
        } => {
            let selected = dot::select(graph, &selection.selection())?;
            let text = dot::to_dot(graph, &selected, &look.look());
            let outcome = if selected.is_empty() {
                let _ = writeln!(
                    anstream::stderr(),
                    "nothing to draw: the selection is empty"
                );
                Outcome::Nothing
            } else {
                Outcome::Found
            };
            let text = match output {
                Some(path) => {
                    refuse_data_dir(path, cli.data.as_deref())?;
                    write_atomically(path, text.as_bytes())?;
                    String::new()
                }
                None => text,
            };
            Ok(Printed { text, outcome })
        }
        Command::Render {
            selection,
            look,
            output,
            format,
            dpi,
        } => {
            let Some(format) = format.or_else(|| dot::ImageFormat::from_path(output)) else {
                return Err(Error::Usage(format!(
                    "cannot tell the image format of {}: name it .svg, .png or .pdf, or pass --format",
                    output.display()
                )));
            };
            refuse_data_dir(output, cli.data.as_deref())?;
            let selected = dot::select(graph, &selection.selection())?;
            if selected.is_empty() {
                let _ = writeln!(
                    anstream::stderr(),
                    "nothing to draw: the selection is empty; no file written"
                );
                return Ok(Printed {
                    text: String::new(),
                    outcome: Outcome::Nothing,
                });
            }
            dot::render_to_file(
                dot::build(graph, &selected, &look.look()),
                format,
                *dpi,
                output,
            )?;
            Ok(Printed::found(String::new()))
        }
        Command::Gallery { dir, no_svg } => {
            refuse_data_dir(&dir.join("README.md"), cli.data.as_deref())?;
            let written = dot::gallery::write(graph, dir, !no_svg)?;
            let mut text = String::new();
            for file in &written.files {
                let _ = writeln!(text, "wrote {}", file.display());
            }
            let mut stderr = anstream::stderr();
            for file in &written.stale {
                let _ = writeln!(
                    stderr,
                    "warning: {} is not part of the gallery any more; delete it",
                    file.display()
                );
            }
            Ok(Printed::found(text))
        }
    }
}

/// The library query for `linkage path` arguments, with every name resolved.
fn path_query(graph: &ConceptGraph, args: &PathArgs) -> Result<PathQuery, Error> {
    let mut query = PathQuery::new(graph.resolve(&args.from)?, graph.resolve(&args.to)?);
    query.filter = WalkFilter {
        kinds: args.via.clone(),
        papers: graph.resolve_papers(&args.paper)?,
        avoid: args
            .avoid
            .iter()
            .map(|name| graph.resolve(name))
            .collect::<Result<_, _>>()?,
        undirected: args.undirected,
    };
    query.through = args
        .through
        .as_deref()
        .map(|name| graph.resolve(name))
        .transpose()?;
    query.mode = if args.all {
        PathMode::All
    } else {
        PathMode::Shortest
    };
    query.max_len = args.max_len.map(usize::from);
    query.limit = args.limit as usize;
    Ok(query)
}
