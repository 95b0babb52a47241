//! The commands that ask the dataset something: each returns its answer as text or JSON.

use std::collections::HashSet;

use petgraph::graph::NodeIndex;

use crate::{
    author,
    cli::{Evidence, EvidenceArgs, LimitArgs, PathArgs, QueryArgs},
    duplicates,
    error::Error,
    json_schema, matching, output,
    query::{
        self, disputes_within::DISPUTE_WORK, ego_network, Budget, PathMode, PathQuery, Walk,
        WalkFilter, MAX_LIMIT,
    },
    quotes,
    text_store::TextStore,
    write::write_stdout,
    ConceptGraph, PaperFilter,
};

use super::{Printed, Session};

/// `linkage check`: validate the dataset; with `--sources`, verify every quote.
pub fn check(session: &Session, sources: Option<&std::path::Path>) -> Result<Printed, Error> {
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
    let text = if session.json {
        output::json(&output::check::json(graph, report.as_ref(), &duplicates))
    } else {
        output::check::human(graph, report.as_ref(), &duplicates)
    };
    if let Some(report) = report.filter(|r| !r.failures.is_empty()) {
        write_stdout(&mut anstream::stdout(), text.as_bytes())?;
        return Err(Error::InvalidData(report.failures));
    }
    Ok(Printed::found(text))
}

/// `linkage check --unreviewed`: the sources no second person has read.
pub fn unreviewed(session: &Session) -> Result<Printed, Error> {
    let graph = session.graph()?;
    let found = output::review::Unreviewed::of(graph);
    let text = if session.json {
        output::json(&found.json(graph))
    } else {
        found.human(graph)
    };
    Ok(Printed::found_if(!found.sources.is_empty(), text))
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

/// A line saying how many items `--limit` left out, if any.
fn left_out(total: usize, shown: usize) -> String {
    if total > shown {
        output::styled(
            output::NOTICE,
            format!("… and {} more (raise --limit to see them)\n", total - shown),
        )
    } else {
        String::new()
    }
}

/// `linkage list`: the nodes, grouped by kind.
pub fn list(
    session: &Session,
    kind: Option<&str>,
    query: &QueryArgs,
    limit: LimitArgs,
) -> Result<Printed, Error> {
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
    let text = if session.json {
        output::json(&output::list::json(&nodes, total))
    } else {
        output::list::human(graph, &nodes) + &left_out(total, nodes.len())
    };
    Ok(Printed::found_if(!nodes.is_empty(), text))
}

/// `linkage show`: one node with its relations.
pub fn show(session: &Session, name: &str, query: &QueryArgs) -> Result<Printed, Error> {
    let graph = session.graph()?;
    let ix = graph.resolve(name)?;
    let papers = papers_of(graph, query)?;
    let keep = |paper: &str| papers.keeps(paper);
    Ok(Printed::found(if session.json {
        output::json(&output::show::json(graph, ix, &keep))
    } else {
        let disputes = query::contested::contested_about(graph, &[ix]);
        let mut text = output::summary::show(graph, ix, &papers, &disputes);
        text.push_str(&output::show::human(
            graph,
            ix,
            query.evidence.with_quotes(),
            &keep,
        ));
        text.push_str(&output::contested::pointer(graph, &disputes, &[ix]));
        text
    }))
}

/// `linkage search`: nodes and quotes containing a text.
pub fn search(
    session: &Session,
    text: &str,
    query: &QueryArgs,
    limit: LimitArgs,
) -> Result<Printed, Error> {
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
    let printed = if session.json {
        output::json(&output::search::json(graph, &found, total))
    } else if found.is_empty() {
        format!("nothing matches \"{text}\"\n")
    } else {
        output::search::human(graph, &found, query.evidence.with_quotes())
            + &left_out(total, found.nodes.len() + found.quotes.len())
    };
    Ok(Printed::found_if(!found.is_empty(), printed))
}

/// How many concepts `match` lists without `--limit`: a scholar picks one, and the
/// sixth is rarely the one.
const MATCH_LIMIT: usize = 5;

/// `linkage match`: the concepts a phrase or a sentence may mean.
pub fn match_text(
    session: &Session,
    text: &str,
    query: &QueryArgs,
    limit: LimitArgs,
) -> Result<Printed, Error> {
    let graph = session.graph()?;
    let papers = papers_of(graph, query)?;
    let index = matching::Index::build(graph, &matching::View::papers(&papers));
    let answer = index.answer(text, matching::Tuning::DEFAULT, limit.or(MATCH_LIMIT))?;
    let printed = if session.json {
        output::json(&output::matching::json(graph, text, &answer))
    } else {
        let quotes = match query.evidence.evidence() {
            Evidence::Brief => output::matching::Quotes::None,
            Evidence::Default => output::matching::Quotes::One,
            Evidence::Quotes => output::matching::Quotes::All,
        };
        output::matching::human(graph, text, &answer, quotes)
    };
    Ok(Printed::found_if(!answer.matches.is_empty(), printed))
}

/// `linkage papers`: the papers and their claim counts.
pub fn papers(session: &Session, query: &QueryArgs) -> Result<Printed, Error> {
    let graph = session.graph()?;
    let papers = papers_of(graph, query)?;
    let keep = |paper: &str| papers.keeps(paper);
    Ok(Printed::found(if session.json {
        output::json(&output::papers::json(graph, &keep))
    } else {
        output::papers::human(graph, &keep)
    }))
}

/// `linkage schema`: the JSON Schema of data files, or the kinds in force.
pub fn schema(session: &Session, kinds: bool) -> Result<Printed, Error> {
    let graph = session.graph()?;
    Ok(Printed::found(if kinds {
        output::json(&serde_json::to_value(graph.schema()).expect("schemas serialise"))
    } else {
        output::json(&json_schema::data_file_schema(graph.schema()))
    }))
}

/// `linkage diff A B`: common ground, differences and relations of two nodes.
pub fn diff(session: &Session, a: &str, b: &str, query: &QueryArgs) -> Result<Printed, Error> {
    let graph = session.graph()?;
    let (a, b) = (graph.resolve(a)?, graph.resolve(b)?);
    if a == b {
        return Err(Error::Usage("diff needs two different nodes".into()));
    }
    let papers = papers_of(graph, query)?;
    let diff = query::diff::diff(graph, a, b, &papers);
    let text = if session.json {
        output::json(&output::diff::json(graph, &diff))
    } else {
        let disputes = query::contested::contested_about(graph, &[a, b]);
        let mut text = output::summary::diff(graph, &diff, &papers, &disputes);
        text.push_str(&output::diff::human(
            graph,
            &diff,
            query.evidence.with_quotes(),
        ));
        text.push_str(&output::contested::pointer(graph, &disputes, &[a, b]));
        text
    };
    Ok(Printed::found_if(!diff.is_empty(), text))
}

/// `linkage compare`: the aspects and dimensions against the papers.
pub fn compare(
    session: &Session,
    pair: &[String],
    query: &QueryArgs,
    csv: bool,
    evidence_table: bool,
) -> Result<Printed, Error> {
    let graph = session.graph()?;
    let pair = match pair {
        [] => None,
        [a, b] => Some((graph.resolve(a)?, graph.resolve(b)?)),
        _ => return Err(Error::Usage("compare takes two nodes or none".into())),
    };
    let papers = papers_of(graph, query)?;
    let matrix = query::compare::compare(graph, pair, &papers);
    let text = if session.json {
        output::json(&output::compare::json(graph, &matrix))
    } else if csv && evidence_table {
        let texts = TextStore::find(None, session.data_dir());
        output::compare::evidence_csv(graph, &matrix, texts.as_ref())
    } else if csv {
        output::compare::csv(graph, &matrix)
    } else {
        output::compare::human(graph, &matrix)
    };
    Ok(Printed::found_if(!matrix.rows.is_empty(), text))
}

/// How `linkage contested` was asked.
#[derive(Debug, Clone, Copy)]
pub struct ContestedView {
    /// `--limit`: most disputes listed.
    pub limit: Option<u32>,
    /// Also the pairs merely related in different ways.
    pub all: bool,
}

/// `linkage contested`: where the papers disagree, as far as the work budget allows
/// ([`query::disputes_within`]).
pub fn contested(
    session: &Session,
    names: &[String],
    query: &QueryArgs,
    view: ContestedView,
) -> Result<Printed, Error> {
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
    let detail = match query.evidence.evidence() {
        Evidence::Brief => output::contested::Detail::Brief,
        Evidence::Default => output::contested::Detail::Short,
        Evidence::Quotes => output::contested::Detail::Full,
    };
    let text = if session.json {
        let listed: Vec<_> = disputes.iter().filter(shown).cloned().collect();
        output::json(&output::contested::json_within(
            graph, &listed, total, &found,
        ))
    } else {
        output::contested::stopped(graph, &found, &nodes)
            + &output::contested::human(graph, &disputes, detail, view.all)
            + &left_out(total, total.min(most))
    };
    Ok(Printed::found_if(disputes.iter().any(|d| shown(&d)), text))
}

/// `linkage position P`: where one paper stands among the others, within the work
/// budget; `brief`: each claim with the papers agreeing or differing, not their claims.
pub fn position(session: &Session, name: &str, brief: bool) -> Result<Printed, Error> {
    let graph = session.graph()?;
    let paper = graph.resolve_paper(name)?;
    let text = paper_text(session, graph, &paper);
    let position = query::position::position(graph, &paper, text.as_deref(), Budget::default());
    let printed = if session.json {
        output::json(&output::position::json(graph, &position))
    } else {
        output::position::human(graph, &position, brief)
    };
    Ok(Printed::found_if(!position.claims.is_empty(), printed))
}

/// `linkage paper P`: one paper's argument in outline, within the work budget, the
/// first `--limit` claims listed and the rest counted.
pub fn paper(
    session: &Session,
    name: &str,
    evidence: EvidenceArgs,
    limit: LimitArgs,
) -> Result<Printed, Error> {
    let graph = session.graph()?;
    let paper = graph.resolve_paper(name)?;
    let text = paper_text(session, graph, &paper);
    let mut outline = query::outline::outline(graph, &paper, text.as_deref(), Budget::default());
    let found = !outline.groups.is_empty();
    let printed = if session.json {
        outline.keep_first(limit.or(MAX_LIMIT));
        output::json(&output::outline::json(graph, &outline))
    } else {
        let disputes = query::disputes_within::contested_within(graph, &[], DISPUTE_WORK);
        let summary = output::summary::paper(graph, &outline, &disputes.disputes)
            + &output::contested::stopped(graph, &disputes, &[]);
        outline.keep_first(limit.or(MAX_LIMIT));
        output::outline::stopped(&outline, graph.relation_count())
            + &summary
            + &output::outline::human(graph, &outline, evidence.with_quotes())
    };
    Ok(Printed::found_if(found, printed))
}

/// `linkage path FROM TO`: the chains of relations between two nodes.
pub fn path(session: &Session, args: &PathArgs) -> Result<Printed, Error> {
    let graph = session.graph()?;
    let query = path_query(graph, args)?;
    let result = query.run(graph)?;
    let text = if session.json {
        output::json(&output::path::json(graph, &query, &result))
    } else if result.is_empty() {
        output::path::nothing(graph, &query, &result)
    } else if args.explain {
        output::path::explain(graph, &query, &result, args.query.evidence.with_quotes())
    } else {
        output::path::human(graph, &query, &result)
    };
    Ok(Printed::found_if(!result.is_empty(), text))
}

/// `linkage neighbors`: every relation within some steps of a node.
pub fn neighbors(
    session: &Session,
    name: &str,
    depth: u16,
    via: &[String],
    query: &QueryArgs,
) -> Result<Printed, Error> {
    let graph = session.graph()?;
    let center = graph.resolve(name)?;
    let filter = WalkFilter {
        kinds: via.to_vec(),
        papers: papers_of(graph, query)?,
        ..WalkFilter::default()
    };
    let walk = Walk::new(graph, filter)?;
    let ego = ego_network(&walk, center, usize::from(depth));
    let text = if session.json {
        output::json(&output::neighbors::json(&walk, &ego))
    } else {
        output::neighbors::human(&walk, &ego)
    };
    Ok(Printed::found_if(!ego.relations.is_empty(), text))
}

/// `linkage locate`: where a quote occurs in the papers' texts.
pub fn locate(
    session: &Session,
    quote: &str,
    query: &QueryArgs,
    sources: Option<&std::path::Path>,
) -> Result<Printed, Error> {
    let graph = session.graph()?;
    let papers = papers_of(graph, query)?;
    let texts = author::paper_texts(graph, session.data_dir(), sources)?
        .into_iter()
        .filter(|t| papers.keeps(&t.paper))
        .collect::<Vec<_>>();
    let found = author::locate::locate(&texts, quote);
    let verbatim = found.first().is_some_and(|f| f.verbatim);
    let text = if session.json {
        output::json(&serde_json::json!({ "quote": quote, "found": found }))
    } else {
        output::locate::human(&found)
    };
    Ok(Printed::found_if(verbatim, text))
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
