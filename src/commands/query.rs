//! The commands that ask the dataset something: each returns its report
//! ([`super::answers`]), which the emitter writes as text or JSON.

use std::collections::HashSet;

use petgraph::graph::NodeIndex;

use crate::{
    author,
    cache::{self, partial::Part},
    cli::{LimitArgs, PathArgs, QueryArgs, Quoting, QuotingArgs},
    duplicates,
    error::Error,
    json_schema, matching, output,
    query::{
        self, disputes_within::DISPUTE_WORK, ego_network, Budget, PathMode, PathQuery, Walk,
        WalkFilter, MAX_LIMIT,
    },
    quotes,
    report::JsonOnly,
    text_store::TextStore,
    ConceptGraph, PaperFilter,
};

use super::{
    answers::{
        CheckReport, CompareReport, CompareTable, ContestedReport, DiffReport, ListReport,
        LocateReport, MatchReport, NeighborsReport, PaperReport, PapersReport, PathReport,
        PositionReport, SearchReport, ShowReport, StoredCheckReport, UnreviewedReport,
    },
    Answer, Session,
};

/// `linkage check`: validate the dataset; with `--sources`, verify every quote.
/// Without `--sources`, a `--data` directory's check answers from the outcome a
/// whole check stored for the same files and texts (`cache::check`), and a whole
/// check stores its outcome.
pub(crate) fn check<'a>(session: &'a Session, sources: Option<&std::path::Path>) -> Answer<'a> {
    let cached = session.cache_dirs().filter(|_| sources.is_none());
    if let Some((dir, cache_dir)) = &cached {
        if let Some(outcome) = cache::check::stored(dir, cache_dir) {
            Session::print_warnings(&outcome.warnings);
            return Ok(Box::new(StoredCheckReport(outcome)));
        }
    }
    // Keyed before the dataset and its texts are read.
    let pending = cached
        .as_ref()
        .and_then(|(dir, _)| cache::check::Pending::now(dir));
    let graph = session.graph()?;
    let report = TextStore::find(sources, session.data_dir())
        .map(|texts| quotes::verify_quotes(graph, &texts));
    // A source without a locator is fine when the text gives it; without texts it is
    // a problem.
    let unlocated = quotes::missing_locators(graph);
    if report.is_none() && !unlocated.is_empty() {
        return Err(Error::InvalidData(unlocated));
    }
    let duplicates: Vec<_> = duplicates::probable_duplicates(graph)
        .iter()
        .map(|d| duplicates::warning(graph, d))
        .collect();
    // Quotes not found fail the command once the report is written
    // ([`CheckReport::failure`]).
    let report = CheckReport {
        graph,
        quotes: report,
        duplicates,
    };
    if let (Some((dir, cache_dir)), Some(pending)) = (cached, pending) {
        if let Some(outcome) = report.outcome_to_store(session.data_warnings()) {
            pending.store(dir, &cache_dir, &outcome);
        }
    }
    Ok(Box::new(report))
}

/// `linkage check --unreviewed`: the sources no second person has read.
pub(crate) fn unreviewed(session: &Session) -> Answer<'_> {
    let graph = session.graph()?;
    let found = output::review::Unreviewed::of(graph);
    Ok(Box::new(UnreviewedReport { graph, found }))
}

/// The papers `--paper` names, resolved: whose claims a query keeps.
fn papers_of(graph: &ConceptGraph, query: &QueryArgs) -> Result<PaperFilter, Error> {
    PaperFilter::resolve(graph, &query.paper)
}

/// The nodes joined by a relation some paper `papers` keeps asserts; `None` for every
/// node.
fn touched_nodes(graph: &ConceptGraph, papers: &PaperFilter) -> Option<HashSet<NodeIndex>> {
    if papers.keeps_every_paper() {
        return None;
    }
    let mut nodes = HashSet::new();
    for (_, relation) in graph.relations() {
        if papers.admits(relation) {
            nodes.extend([relation.from, relation.to]);
        }
    }
    Some(nodes)
}

/// `linkage list`: the nodes, grouped by kind.
pub(crate) fn list<'a>(
    session: &'a Session,
    kind: Option<&str>,
    query: &QueryArgs,
    limit: LimitArgs,
) -> Answer<'a> {
    let graph = session.graph()?;
    graph
        .schema()
        .require_node_kinds(&kind.map(str::to_string).into_iter().collect::<Vec<_>>())?;
    let touched = touched_nodes(graph, &papers_of(graph, query)?);
    let mut nodes: Vec<_> = graph
        .node_indices()
        .filter(|ix| touched.as_ref().is_none_or(|t| t.contains(ix)))
        .map(|ix| graph.node(ix))
        .filter(|n| kind.is_none_or(|k| n.kind == k))
        .collect();
    let total = nodes.len();
    nodes.truncate(limit.or(total));
    Ok(Box::new(ListReport {
        graph,
        nodes,
        total,
    }))
}

/// `linkage show`: one node with its relations.
pub(crate) fn show<'a>(session: &'a Session, name: &str, query: &QueryArgs) -> Answer<'a> {
    let graph = session.graph_for(&Part::Show { name })?;
    let node = graph.resolve(name)?;
    let papers = papers_of(graph, query)?;
    Ok(Box::new(ShowReport {
        graph,
        node,
        papers,
        with_quotes: query.quoting.with_quotes(),
        lang: session.lang,
    }))
}

/// `linkage search`: nodes and quotes containing a text.
pub(crate) fn search<'a>(
    session: &'a Session,
    text: &str,
    query: &QueryArgs,
    limit: LimitArgs,
) -> Answer<'a> {
    if text.trim().is_empty() {
        return Err(Error::Usage(
            "search needs a word or phrase to look for".into(),
        ));
    }
    let graph = session.graph()?;
    let papers = papers_of(graph, query)?;
    let mut found = output::search::search(graph, text);
    if let Some(touched) = touched_nodes(graph, &papers) {
        found.nodes.retain(|ix| touched.contains(ix));
    }
    found
        .quotes
        .retain(|(_, source)| papers.keeps(&source.paper));
    let total = found.nodes.len() + found.quotes.len();
    let most = limit.or(total);
    found.nodes.truncate(most);
    found.quotes.truncate(most - found.nodes.len());
    Ok(Box::new(SearchReport {
        graph,
        text: text.to_string(),
        found,
        total,
        with_quotes: query.quoting.with_quotes(),
    }))
}

/// How many concepts `match` lists without `--limit`: a scholar picks one, and the
/// sixth is rarely the one.
const MATCH_LIMIT: usize = 5;

/// `linkage match`: the concepts a phrase or a sentence may mean.
pub(crate) fn match_text<'a>(
    session: &'a Session,
    text: &str,
    query: &QueryArgs,
    limit: LimitArgs,
) -> Answer<'a> {
    let graph = session.graph()?;
    let papers = papers_of(graph, query)?;
    let index = matching::Index::build(graph, &matching::View::papers(&papers));
    let answer = index.answer(text, matching::Tuning::DEFAULT, limit.or(MATCH_LIMIT))?;
    let quotes = match query.quoting.quoting() {
        Quoting::Brief => output::matching::Quotes::None,
        Quoting::Default => output::matching::Quotes::One,
        Quoting::Quotes => output::matching::Quotes::All,
    };
    Ok(Box::new(MatchReport {
        graph,
        text: text.to_string(),
        answer,
        quotes,
    }))
}

/// `linkage papers`: the papers and their claim counts.
pub(crate) fn papers<'a>(session: &'a Session, query: &QueryArgs) -> Answer<'a> {
    let graph = session.graph()?;
    let papers = papers_of(graph, query)?;
    Ok(Box::new(PapersReport { graph, papers }))
}

/// `linkage schema`: the JSON Schema of data files, or the kinds in force.
pub(crate) fn schema(session: &Session, kinds: bool) -> Answer<'_> {
    let graph = session.graph()?;
    if kinds {
        return Ok(Box::new(super::answers::KindsReport {
            table: crate::output::kinds::kinds(graph.schema()),
            schema: serde_json::to_value(graph.schema()).expect("schemas serialise"),
        }));
    }
    Ok(Box::new(JsonOnly(json_schema::data_file_schema(
        graph.schema(),
    ))))
}

/// `linkage diff A B`: common ground, differences and relations of two nodes.
pub(crate) fn diff<'a>(session: &'a Session, a: &str, b: &str, query: &QueryArgs) -> Answer<'a> {
    let graph = session.graph()?;
    let (a, b) = (graph.resolve(a)?, graph.resolve(b)?);
    if a == b {
        return Err(Error::Usage("diff needs two different nodes".into()));
    }
    let papers = papers_of(graph, query)?;
    let diff = query::diff::diff(graph, a, b, &papers);
    Ok(Box::new(DiffReport {
        graph,
        diff,
        papers,
        with_quotes: query.quoting.with_quotes(),
        lang: session.lang,
    }))
}

/// `linkage compare`: the aspects and dimensions against the papers.
pub(crate) fn compare<'a>(
    session: &'a Session,
    pair: &[String],
    query: &QueryArgs,
    csv: bool,
    evidence_table: bool,
) -> Answer<'a> {
    let graph = session.graph()?;
    let pair = match pair {
        [] => None,
        [a, b] => Some((graph.resolve(a)?, graph.resolve(b)?)),
        _ => return Err(Error::Usage("compare takes two nodes or none".into())),
    };
    let papers = papers_of(graph, query)?;
    let matrix = query::compare::compare(graph, pair, &papers);
    let table = match (csv, evidence_table) {
        (true, true) => CompareTable::EvidenceCsv,
        (true, false) => CompareTable::Csv,
        (false, _) => CompareTable::Terminal,
    };
    let texts = (table == CompareTable::EvidenceCsv)
        .then(|| TextStore::find(None, session.data_dir()))
        .flatten();
    Ok(Box::new(CompareReport {
        graph,
        matrix,
        table,
        texts,
        lang: session.lang,
    }))
}

/// How `linkage contested` was asked.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ContestedView {
    /// `--limit`: most disputes listed.
    pub limit: Option<u32>,
    /// Also the pairs merely related in different ways.
    pub all: bool,
}

/// `linkage contested`: where the papers disagree, as far as the work budget allows
/// ([`query::disputes_within`]).
pub(crate) fn contested<'a>(
    session: &'a Session,
    names: &[String],
    query: &QueryArgs,
    view: ContestedView,
) -> Answer<'a> {
    let graph = session.graph()?;
    let papers = papers_of(graph, query)?;
    let nodes = names
        .iter()
        .map(|n| graph.resolve(n))
        .collect::<Result<Vec<_>, _>>()?;
    let found = query::disputes_within::contested_within(graph, &nodes, DISPUTE_WORK);
    let mut disputes: Vec<_> = found
        .disputes
        .iter()
        .filter(|d| d.papers().iter().any(|p| papers.keeps(p)))
        .cloned()
        .collect();
    let shown = |d: &&query::contested::Dispute| {
        view.all || d.strength != query::contested::Strength::Related
    };
    let total = disputes.iter().filter(shown).count();
    let most = view.limit.map_or(total, |n| n as usize);
    let mut listed = 0;
    disputes.retain(|d| {
        let keep = !shown(&d) || listed < most;
        listed += usize::from(shown(&d));
        keep
    });
    let detail = match query.quoting.quoting() {
        Quoting::Brief => output::contested::Detail::Brief,
        Quoting::Default => output::contested::Detail::Short,
        Quoting::Quotes => output::contested::Detail::Full,
    };
    Ok(Box::new(ContestedReport {
        graph,
        found,
        nodes,
        disputes,
        total,
        most,
        all: view.all,
        detail,
        lang: session.lang,
    }))
}

/// `linkage position P`: where one paper stands among the others, within the work
/// budget; `brief`: each claim with the papers agreeing or differing, not their claims.
pub(crate) fn position<'a>(session: &'a Session, name: &str, brief: bool) -> Answer<'a> {
    let graph = session.graph()?;
    let paper = graph.resolve_paper(name)?;
    let text = paper_text(session, graph, &paper);
    let position = query::position::position(graph, &paper, text.as_deref(), Budget::default());
    Ok(Box::new(PositionReport {
        graph,
        position,
        brief,
        lang: session.lang,
    }))
}

/// `linkage paper P`: one paper's argument in outline, within the work budget, the
/// first `--limit` claims listed and the rest counted.
pub(crate) fn paper<'a>(
    session: &'a Session,
    name: &str,
    quoting: QuotingArgs,
    limit: LimitArgs,
) -> Answer<'a> {
    let graph = session.graph()?;
    let paper = graph.resolve_paper(name)?;
    let text = paper_text(session, graph, &paper);
    let outline = query::outline::outline(graph, &paper, text.as_deref(), Budget::default());
    Ok(Box::new(PaperReport {
        graph,
        outline,
        limit: limit.or(MAX_LIMIT),
        with_quotes: quoting.with_quotes(),
    }))
}

/// `linkage path FROM TO`: the chains of relations between two nodes.
pub(crate) fn path<'a>(session: &'a Session, args: &PathArgs) -> Answer<'a> {
    // Shortest routes over every paper's claims are read from part of the cache; the
    // rest (`--all`, `--through`, `--paper`) load the whole dataset.
    let shortest = !args.all && args.through.is_none() && args.query.paper.is_empty();
    let graph = if shortest {
        session.graph_for(&Part::ShortestPath {
            from: &args.from,
            to: &args.to,
            via: &args.via,
            avoid: &args.avoid,
            undirected: args.undirected,
            max_len: args.max_len.map(usize::from),
        })?
    } else {
        session.graph()?
    };
    let query = path_query(graph, args)?;
    let result = query.run(graph)?;
    Ok(Box::new(PathReport {
        graph,
        query,
        result,
        explain: args.explain.then(|| args.query.quoting.with_quotes()),
        lang: session.lang,
    }))
}

/// `linkage neighbors`: every relation within some steps of a node.
pub(crate) fn neighbors<'a>(
    session: &'a Session,
    name: &str,
    depth: u16,
    via: &[String],
    query: &QueryArgs,
) -> Answer<'a> {
    let graph = session.graph()?;
    let center = graph.resolve(name)?;
    let filter = WalkFilter {
        kinds: via.to_vec(),
        papers: papers_of(graph, query)?,
        ..WalkFilter::default()
    };
    let walk = Walk::new(graph, filter)?;
    let ego = ego_network(&walk, center, usize::from(depth));
    Ok(Box::new(NeighborsReport { walk, ego }))
}

/// `linkage locate`: where a quote occurs in the papers' texts.
pub(crate) fn locate<'a>(
    session: &'a Session,
    quote: &str,
    query: &QueryArgs,
    sources: Option<&std::path::Path>,
) -> Answer<'a> {
    let graph = session.graph()?;
    let papers = papers_of(graph, query)?;
    let texts = author::paper_texts(graph, session.data_dir(), sources)?
        .into_iter()
        .filter(|t| papers.keeps(&t.paper))
        .collect::<Vec<_>>();
    let found = author::locate::locate(&texts, quote);
    Ok(Box::new(LocateReport {
        quote: quote.to_string(),
        found,
    }))
}

/// The text of `paper`, to order its outline: the texts built in with the embedded
/// dataset, or `texts/FILE` in the `--data` directory when it is there.
fn paper_text(session: &Session, graph: &ConceptGraph, paper: &str) -> Option<String> {
    let file = &graph.paper(paper)?.file;
    let texts = TextStore::find(None, session.data_dir())?;
    texts.text(file).ok()
}

/// The library query for `linkage path` arguments, with every name resolved.
fn path_query(graph: &ConceptGraph, args: &PathArgs) -> Result<PathQuery, Error> {
    let mut query = PathQuery::new(graph.resolve(&args.from)?, graph.resolve(&args.to)?);
    query.filter = WalkFilter {
        kinds: args.via.clone(),
        papers: papers_of(graph, &args.query)?,
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
    query.limit = args.limit.or(50);
    Ok(query)
}
