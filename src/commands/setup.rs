//! The commands about linkage itself and about writing a dataset: completions, the
//! manual page, a new dataset, a claim added, a spreadsheet or GraphML imported.

use std::{fmt::Write as _, path::Path};

use clap::CommandFactory as _;

use crate::{
    author::{self, add::NewClaim},
    cli::{AddArgs, Cli, ImportFormat},
    completion::{self, Shell},
    error::Error,
    text_store::TextStore,
    write::{Destination, DestinationDir},
};

use super::{
    answers::{AddReport, ReferencesReport},
    Answer, Session,
};
use crate::report::Text;

/// `linkage completions SHELL`: the script that registers completions.
pub(crate) fn completions(shell: Shell) -> Answer<'static> {
    Ok(Box::new(Text::found(completion::registration(shell)?)))
}

/// `linkage man`: the manual page, in roff.
pub(crate) fn man() -> Answer<'static> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| Error::io("write", "standard output", e))?;
    Ok(Box::new(Text::found(
        String::from_utf8_lossy(&page).into_owned(),
    )))
}

/// `linkage init DIR [--from-builtin]`: a new dataset that `check` passes at once, the
/// example or the five shipped papers.
pub(crate) fn init(dir: &Path, from_builtin: bool) -> Answer<'static> {
    let written = if from_builtin {
        author::init_builtin::init_from_builtin(dir)?
    } else {
        author::init::init(dir)?
    };
    let mut printed = Text::wrote(&written);
    let _ = writeln!(
        printed.text,
        "next: linkage --data {} check --sources {}",
        dir.display(),
        dir.join("texts").display()
    );
    Ok(Box::new(printed))
}

/// The dataset a writing command writes into: `--data DIR`, which it requires.
fn own_dataset<'s>(session: &'s Session, command: &str) -> Result<&'s Path, Error> {
    session.data_dir().ok_or_else(|| {
        Error::Usage(format!(
            "{command} writes into a dataset of yours: name its directory with --data DIR"
        ))
    })
}

/// `linkage suggest PAPER`: the paper's claims drafted from its text, as a claims
/// sheet to stdout or `output` (atomically, never into the data directory). Every
/// concept of the dataset may be offered, those no claim uses yet too (a new dataset's
/// shared concepts).
pub(crate) fn suggest(
    session: &Session,
    paper: &str,
    output: Option<&Path>,
    sources: Option<&Path>,
) -> Answer<'static> {
    let graph = session.graph()?;
    let paper = graph.resolve_paper(paper)?;
    let texts = TextStore::required(sources, session.data_dir())?;
    let file = &graph
        .paper(&paper)
        .map(|p| p.file.clone())
        .unwrap_or_default();
    let text = texts
        .text(file)
        .map_err(|why| Error::Usage(format!("cannot draft {paper}: {why}")))?;
    let view = crate::matching::View::all();
    let drafts = crate::draft::Drafting::new(graph, &view).suggest(&paper, &text);
    let sheet = crate::draft::to_csv(graph, &paper, &drafts);
    if drafts.is_empty() {
        super::note(format_args!(
            "no cue of the schema matched a sentence of {paper}'s text"
        ));
    }
    let text = match output {
        Some(path) => {
            Destination::output(path, session.data_dir())?.write(sheet.as_bytes())?;
            super::note(format_args!(
                "wrote {} candidate claims to {}",
                drafts.len(),
                path.display()
            ));
            String::new()
        }
        None => sheet,
    };
    Ok(Box::new(Text::found_if(!drafts.is_empty(), text)))
}

/// `linkage add`: one claim into the dataset named by `--data`.
pub(crate) fn add(session: &Session, args: &AddArgs) -> Answer<'static> {
    let dir = own_dataset(session, "add")?;
    let texts = TextStore::required(args.sources.as_deref(), Some(dir))?;
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
        scope: args.scope.clone(),
        note: args.note.clone(),
        file: args.file.clone(),
        from_kind: args.from_kind.clone(),
        to_kind: args.to_kind.clone(),
        from_aliases: args.from_alias.clone(),
        from_label_zh: args.from_label_zh.clone(),
        to_aliases: args.to_alias.clone(),
        to_label_zh: args.to_label_zh.clone(),
        encoded_by: args.encoded_by.clone(),
        reviewed_by: args.reviewed_by.clone(),
        voice: args.voice.map(|v| v.name().to_string()),
        extent: args.extent.map(|e| e.name().to_string()),
        property: None,
        value: None,
    };
    let added = author::add::add(dir, &texts, &claim)?;
    Ok(Box::new(AddReport(added)))
}

/// What `linkage import` was given.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ImportRequest<'a> {
    /// The file to read.
    pub file: &'a Path,
    /// Its format, if named.
    pub format: Option<ImportFormat>,
    /// GraphML: the new data directory.
    pub output: Option<&'a Path>,
    /// Claims: the new data file's name.
    pub into: Option<&'a str>,
    /// Claims: the papers' texts.
    pub sources: Option<&'a Path>,
}

/// `linkage import`: claims from a spreadsheet into the dataset, or GraphML into a new one.
pub(crate) fn import(session: &Session, request: ImportRequest<'_>) -> Answer<'static> {
    let file = request.file;
    let Some(format) = request.format.or_else(|| ImportFormat::from_path(file)) else {
        return Err(Error::Usage(format!(
            "cannot tell the format of {}: name it .csv, .tsv, .graphml, .bib or .json (CSL-JSON), or pass --format",
            file.display()
        )));
    };
    match (format, request.output) {
        (ImportFormat::Claims, _) => import_claims(session, &request),
        (ImportFormat::Bibtex | ImportFormat::CslJson, None) => {
            import_references(session, format, file, request.into)
        }
        (ImportFormat::Bibtex | ImportFormat::CslJson, Some(_)) => Err(Error::Usage(
            "paper records join the dataset --data names; -o is for GraphML".into(),
        )),
        (ImportFormat::Graphml, Some(dir)) => {
            let dir = DestinationDir::output(dir, session.data_dir())?;
            Ok(Box::new(Text::wrote(crate::import::import(
                format, file, &dir,
            )?)))
        }
        (ImportFormat::Graphml, None) => Err(Error::Usage(
            "name the new data directory for the GraphML with -o DIR".into(),
        )),
    }
}

/// Paper records from a reference manager's export into the dataset's papers.
fn import_references(
    session: &Session,
    format: ImportFormat,
    file: &Path,
    into: Option<&str>,
) -> Answer<'static> {
    let dir = own_dataset(session, "import")?;
    let text = std::fs::read_to_string(file).map_err(|e| Error::io("read", file, e))?;
    let references = if format == ImportFormat::Bibtex {
        crate::import::bibliography::bibtex(file, &text)?
    } else {
        crate::import::bibliography::csl_json(file, &text)?
    };
    let changes = author::references::import(dir, &references, into)?;
    Ok(Box::new(ReferencesReport(changes)))
}

/// Claims from a spreadsheet into a file of the dataset: a new one, or appended to
/// the one named.
fn import_claims(session: &Session, request: &ImportRequest<'_>) -> Answer<'static> {
    let dir = own_dataset(session, "import")?;
    let texts = TextStore::required(request.sources, Some(dir))?;
    let imported = author::claims::import(dir, &texts, request.file, request.into)?;
    Ok(Box::new(Text::found(format!(
        "{} {}: {} relations, {}{} new nodes\n",
        if imported.appended {
            "appended to"
        } else {
            "wrote"
        },
        imported.file.display(),
        imported.relations,
        if imported.facts > 0 {
            format!("{} facts, ", imported.facts)
        } else {
            String::new()
        },
        imported.nodes
    ))))
}
