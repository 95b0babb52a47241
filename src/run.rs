//! Dispatch: parse arguments, load the data, run the command, map the outcome to an
//! exit code (0 found, 1 nothing found, 2 bad usage or bad data).

use std::{fmt::Write as _, io::Write as _, process::ExitCode};

use clap::{CommandFactory as _, Parser as _};

use crate::{
    author::{self, add::NewClaim},
    cli::{AddArgs, Cli, Command, ImportFormat, PathArgs},
    completion, dot,
    error::Error,
    formats, json_schema,
    load::{load, DataSource},
    output, pager,
    query::{self, ego_network, PathMode, PathQuery, Walk, WalkFilter},
    quotes, teach,
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
    completion::complete_if_asked();
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
    // Commands about linkage itself need no dataset.
    match cli.command {
        Command::Completions { shell } => {
            write_stdout(
                &mut anstream::stdout(),
                completion::registration(shell)?.as_bytes(),
            )?;
            return Ok(Outcome::Found);
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut page)
                .map_err(|e| Error::io("write", "standard output", e))?;
            write_stdout(&mut anstream::stdout(), &page)?;
            return Ok(Outcome::Found);
        }
        Command::Init { ref dir } => {
            let written = author::init::init(dir)?;
            let mut text = written.iter().fold(String::new(), |mut text, file| {
                let _ = writeln!(text, "wrote {file}");
                text
            });
            let _ = writeln!(
                text,
                "next: linkage --data {} check --sources {}",
                dir.display(),
                dir.join("texts").display()
            );
            write_stdout(&mut anstream::stdout(), text.as_bytes())?;
            return Ok(Outcome::Found);
        }
        Command::Add(ref args) => return add(cli, args),
        Command::Batch(ref args) => return crate::batch::run(cli, args),
        Command::Serve(ref args) => return crate::serve::run(cli, args),
        Command::Import {
            ref file,
            format,
            ref output,
            ref into,
            ref sources,
        } => {
            let Some(format) = format.or_else(|| ImportFormat::from_path(file)) else {
                return Err(Error::Usage(format!(
                    "cannot tell the format of {}: name it .csv, .tsv or .graphml, or pass --format",
                    file.display()
                )));
            };
            return match (format, output) {
                (ImportFormat::Claims, _) => {
                    import_claims(cli, file, into.as_deref(), sources.as_deref())
                }
                (ImportFormat::Graphml, Some(dir)) => {
                    refuse_data_dir(&dir.join("papers.json"), cli.data.as_deref())?;
                    let written = crate::import::import(format, file, dir)?;
                    let mut text = String::new();
                    for path in written {
                        let _ = writeln!(text, "wrote {}", path.display());
                    }
                    write_stdout(&mut anstream::stdout(), text.as_bytes())?;
                    Ok(Outcome::Found)
                }
                (ImportFormat::Graphml, None) => Err(Error::Usage(
                    "name the new data directory for the GraphML with -o DIR".into(),
                )),
            };
        }
        _ => {}
    }
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
    pager::print(&printed.text, !cli.no_pager)?;
    // The process ends next; freeing a large graph piece by piece would only delay it.
    std::mem::forget(loaded);
    Ok(printed.outcome)
}

/// One command's output and outcome on a loaded graph, for `batch` and `serve`.
pub(crate) fn answer(cli: &Cli, graph: &ConceptGraph) -> Result<(String, Outcome), Error> {
    dispatch(cli, graph).map(|printed| (printed.text, printed.outcome))
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
            let report = quotes::Texts::for_check(sources.as_deref(), cli.data.as_deref())
                .map(|texts| quotes::verify_quotes(graph, &texts));
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
                let mut text = output::show::human(graph, ix, !brief);
                let disputes = query::contested::contested(graph);
                text.push_str(&output::contested::pointer(graph, &disputes, &[ix]));
                text
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
            let text = if json {
                output::json(&output::diff::json(graph, &diff))
            } else {
                let mut text = output::diff::human(graph, &diff, !brief);
                let disputes = query::contested::contested(graph);
                text.push_str(&output::contested::pointer(graph, &disputes, &[a, b]));
                text
            };
            Ok(Printed::found_if(!diff.is_empty(), text))
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
        Command::Contested {
            names,
            paper,
            brief,
            quotes,
            all,
        } => {
            let papers = graph.resolve_papers(paper)?;
            let nodes = names
                .iter()
                .map(|n| graph.resolve(n))
                .collect::<Result<Vec<_>, _>>()?;
            let disputes: Vec<_> = query::contested::contested(graph)
                .into_iter()
                .filter(|d| nodes.is_empty() || nodes.iter().any(|&n| d.involves(n)))
                .filter(|d| {
                    papers.is_empty() || d.papers().iter().any(|p| papers.iter().any(|q| q == p))
                })
                .collect();
            let shown = |d: &&query::contested::Dispute| {
                *all || d.kind.strength() != query::contested::Strength::Related
            };
            let detail = if *brief {
                output::contested::Detail::Brief
            } else if *quotes {
                output::contested::Detail::Full
            } else {
                output::contested::Detail::Short
            };
            let text = if json {
                let listed: Vec<_> = disputes.iter().filter(shown).cloned().collect();
                output::json(&output::contested::json(graph, &listed))
            } else {
                output::contested::human(graph, &disputes, detail, *all)
            };
            Ok(Printed::found_if(disputes.iter().any(|d| shown(&d)), text))
        }
        Command::Paper { name, brief } => {
            let paper = graph.resolve_paper(name)?;
            let text = paper_text(cli, graph, &paper);
            let outline = query::outline::outline(graph, &paper, text.as_deref());
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
        Command::Dot {
            selection,
            look,
            output,
        } => {
            let selected = dot::select(graph, &selection.selection())?;
            note_shared_text(graph, &selection.selection())?;
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
            note_shared_text(graph, &selection.selection())?;
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
            if let Some(warning) = dot::render_to_file(
                dot::build(graph, &selected, &look.look()),
                format,
                *dpi,
                output,
            )? {
                let _ = writeln!(anstream::stderr(), "{warning}");
            }
            Ok(Printed::found(String::new()))
        }
        Command::Locate {
            quote,
            paper,
            sources,
        } => {
            let papers = graph.resolve_papers(paper)?;
            let texts = author::paper_texts(graph, cli.data.as_deref(), sources.as_deref())?
                .into_iter()
                .filter(|t| papers.is_empty() || papers.contains(&t.paper))
                .collect::<Vec<_>>();
            let found = author::locate::locate(&texts, quote);
            let verbatim = found.first().is_some_and(|f| f.verbatim);
            let text = if json {
                output::json(&serde_json::json!({ "quote": quote, "found": found }))
            } else {
                output::locate::human(&found)
            };
            Ok(Printed::found_if(verbatim, text))
        }
        Command::Completions { .. }
        | Command::Man
        | Command::Init { .. }
        | Command::Add(_)
        | Command::Import { .. }
        | Command::Batch(_)
        | Command::Serve(_) => {
            unreachable!("answered in `run` before the data is loaded")
        }
        Command::Html { paper, output } => {
            teach::html_command(graph, paper.as_deref(), output, cli.data.as_deref())
                .map(|()| Printed::found(String::new()))
        }
        Command::Steps { lesson, output } => {
            teach::steps_command(graph, lesson, output, cli.data.as_deref())
                .map(|written| Printed::found_if(written.is_some(), written.unwrap_or_default()))
        }
        Command::Handout { lesson, output } => {
            teach::handout_command(graph, lesson, output.as_deref(), cli.data.as_deref())
                .map(|text| Printed::found_if(text.is_some(), text.unwrap_or_default()))
        }
        Command::Quiz { paper, seed } => teach::quiz_command(graph, paper.as_deref(), *seed)
            .map(|text| Printed::found_if(text.is_some(), text.unwrap_or_default())),
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

/// `linkage import`: claims from a spreadsheet into a new file of the dataset.
fn import_claims(
    cli: &Cli,
    file: &std::path::Path,
    into: Option<&str>,
    sources: Option<&std::path::Path>,
) -> Result<Outcome, Error> {
    let Some(dir) = cli.data.as_deref() else {
        return Err(Error::Usage(
            "import writes into a dataset of yours: name its directory with --data DIR".into(),
        ));
    };
    let texts = sources.map_or_else(|| dir.join("texts"), std::path::Path::to_path_buf);
    let name = into.map_or_else(
        || {
            let stem = file.file_stem().unwrap_or_default().to_string_lossy();
            format!("{stem}.json")
        },
        str::to_string,
    );
    let imported = author::claims::import(dir, &texts, file, &dir.join(name))?;
    let text = format!(
        "wrote {}: {} relations, {} new nodes\n",
        imported.file.display(),
        imported.relations,
        imported.nodes
    );
    write_stdout(&mut anstream::stdout(), text.as_bytes())?;
    Ok(Outcome::Found)
}

/// `linkage add`: one claim into the dataset named by `--data`.
fn add(cli: &Cli, args: &AddArgs) -> Result<Outcome, Error> {
    let Some(dir) = cli.data.as_deref() else {
        return Err(Error::Usage(
            "add writes into a dataset of yours: name its directory with --data DIR".into(),
        ));
    };
    let texts = args.sources.clone().unwrap_or_else(|| dir.join("texts"));
    let claim = NewClaim {
        from: args.from.clone(),
        kind: args.relation.clone(),
        to: args.to.clone(),
        paper: args.paper.clone(),
        quote: args.quote.clone(),
        locator: args.locator.clone(),
        aspect: args.aspect.clone(),
        dimension: args.dimension.clone(),
        from_position: args.from_position.clone(),
        to_position: args.to_position.clone(),
        note: args.note.clone(),
        file: args.file.clone(),
        from_kind: args.from_kind.clone(),
        to_kind: args.to_kind.clone(),
    };
    let added = author::add::add(dir, &texts, &claim)?;
    let text = if cli.json {
        output::json(&serde_json::json!({
            "file": added.file.display().to_string(),
            "line": added.line,
            "relation": added.record,
            "new_nodes": added.new_nodes,
        }))
    } else {
        output::locate::added(&added)
    };
    write_stdout(&mut anstream::stdout(), text.as_bytes())?;
    Ok(Outcome::Found)
}

/// With `--min-papers`, a note on stderr when papers that share passages of text are
/// counted as two of the papers a drawn relation needs.
fn note_shared_text(graph: &ConceptGraph, selection: &dot::Selection) -> Result<(), Error> {
    if selection.min_papers <= 1 {
        return Ok(());
    }
    let papers = graph.resolve_papers(&selection.papers)?;
    let mut stderr = anstream::stderr();
    for (a, b) in query::comparison::shared_text_counted(graph, &papers, selection.min_papers) {
        let _ = writeln!(
            stderr,
            "note: --min-papers counts {} and {} as two papers, but their texts share passages",
            graph.cite(a),
            graph.cite(b)
        );
    }
    Ok(())
}

/// The text of `paper`, to order its outline: the texts built in with the embedded
/// dataset, or `texts/FILE` in the `--data` directory when it is there.
fn paper_text(cli: &Cli, graph: &ConceptGraph, paper: &str) -> Option<String> {
    let file = &graph.paper(paper)?.file;
    let texts = quotes::Texts::for_check(None, cli.data.as_deref())?;
    let bytes = texts.read(file).ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
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
