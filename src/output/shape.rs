//! The JSON shapes of the comparison commands (`diff`, `compare`, `contested`,
//! `paper`, `papers`) as serde types, so that docs/json.md describes types rather than
//! ad-hoc `json!` trees. A source is always [`SourceJson`]; a relation as asserted is
//! always [`ClaimJson`]; a comparison is always [`RowJson`].

use std::collections::BTreeMap;

use serde::Serialize;

use crate::{
    graph::ConceptGraph,
    paper::Paper,
    query::comparison::{Claim, Row, Stance},
    relation::{Extent, Relation, Source},
};

/// A source: `{paper, cite, locator, page?, quote, sentence?, extent?, voice?,
/// encoded_by?, reviewed_by?}`.
#[derive(Debug, Serialize)]
pub struct SourceJson<'g> {
    /// Paper id.
    pub paper: &'g str,
    /// The paper's short citation.
    pub cite: &'g str,
    /// Section or heading, as the data gives it.
    pub locator: &'g str,
    /// The page the quote is on (`p. 317`, `pp. 317–318`): as the locator names it, or
    /// from the paper's text when it is divided into pages (a PDF's); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The verbatim quote, as encoded.
    pub quote: &'g str,
    /// The sentence (or sentences) of the paper's text the quote is in, white space
    /// squeezed; absent when the text is not at hand or the quote is not in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
    /// `quote` when human output prints the quote rather than its sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extent: Option<&'static str>,
    /// `thesis` or `reported`, when the data says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voice: Option<&'static str>,
    /// Who encoded the claim, when the data says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoded_by: Option<&'g str>,
    /// Who reviewed it, when someone did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed_by: Option<&'g str>,
}

impl<'g> SourceJson<'g> {
    /// The source's JSON shape.
    pub fn new(graph: &'g ConceptGraph, source: &'g Source) -> Self {
        let who = source.attribution();
        Self {
            paper: &source.paper,
            cite: graph.cite(&source.paper),
            locator: source.locator(),
            page: graph.page_of(source),
            quote: source.quote(),
            sentence: graph.passage(source).map(|p| p.sentence),
            extent: (source.extent() != Extent::Sentence).then(|| source.extent().name()),
            voice: who.voice.name(),
            encoded_by: who.encoded_by,
            reviewed_by: who.reviewed_by,
        }
    }
}

/// A fact as the selected papers state it: `{subject, property, label, value, papers,
/// sources}` (`label` is the property's label in the schema).
#[derive(Debug, Serialize)]
pub struct FactJson<'g> {
    /// The node the fact is about.
    pub subject: &'g str,
    /// The property's name.
    pub property: &'g str,
    /// The property's label (`was first put forward in`).
    pub label: &'g str,
    /// The value: `{year}`, `{date}`, `{number, unit?}` or `{text}`.
    pub value: &'g crate::fact::Value,
    /// The distinct papers stating it (among the selected papers).
    pub papers: Vec<&'g str>,
    /// Their sources.
    pub sources: Vec<SourceJson<'g>>,
}

impl<'g> FactJson<'g> {
    /// `fact` with the given sources.
    pub fn new(
        graph: &'g ConceptGraph,
        fact: &'g crate::fact::Fact,
        sources: impl IntoIterator<Item = &'g Source>,
    ) -> Self {
        let sources: Vec<&Source> = sources.into_iter().collect();
        Self {
            subject: &graph.node(fact.subject).id,
            property: &fact.property,
            label: graph
                .schema()
                .properties
                .get(&fact.property)
                .map_or(fact.property.as_str(), |p| p.label.as_str()),
            value: &fact.value,
            papers: crate::relation::distinct_papers(sources.iter().copied()),
            sources: sources
                .into_iter()
                .map(|s| SourceJson::new(graph, s))
                .collect(),
        }
    }
}

/// Each side's position as the relation writes it.
#[derive(Debug, Serialize)]
pub struct PositionsJson<'g> {
    /// The `from` node's position.
    pub from: &'g str,
    /// The `to` node's position.
    pub to: &'g str,
}

/// A relation as the selected papers assert it.
#[derive(Debug, Serialize)]
pub struct ClaimJson<'g> {
    /// Relation kind.
    pub kind: &'g str,
    /// Source node id.
    pub from: &'g str,
    /// Target node id.
    pub to: &'g str,
    /// Common ground: the aspect's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aspect: Option<&'g str>,
    /// Difference: the dimension's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dimension: Option<&'g str>,
    /// Difference: the positions as written (`from`'s, `to`'s).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub positions: Option<PositionsJson<'g>>,
    /// The distinct papers asserting it (among the selected papers).
    pub papers: Vec<&'g str>,
    /// Their sources, each with its quote.
    pub sources: Vec<SourceJson<'g>>,
    /// The encoders' remarks on the relation, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl<'g> ClaimJson<'g> {
    /// `relation` with the given sources.
    pub fn new(
        graph: &'g ConceptGraph,
        relation: &'g Relation,
        sources: impl IntoIterator<Item = &'g Source>,
    ) -> Self {
        let id = |ix| graph.node(ix).id.as_str();
        let sources: Vec<&Source> = sources.into_iter().collect();
        Self {
            kind: &relation.kind,
            from: id(relation.from),
            to: id(relation.to),
            aspect: relation.aspect.map(id),
            dimension: relation.dimension.map(id),
            positions: relation.positions.as_ref().map(|p| PositionsJson {
                from: &p.from,
                to: &p.to,
            }),
            papers: crate::relation::distinct_papers(sources.iter().copied()),
            sources: sources
                .into_iter()
                .map(|s| SourceJson::new(graph, s))
                .collect(),
            note: (!relation.notes.is_empty()).then(|| relation.notes.join(" / ")),
        }
    }

    /// A claim of the comparison model.
    pub fn of_claim(graph: &'g ConceptGraph, claim: &Claim<'g>) -> Self {
        Self::new(graph, claim.relation, claim.sources.iter().copied())
    }
}

/// One wording of a comparison: for a difference, the positions read from the row's
/// pair (`a`'s, `b`'s); the claims that word it so.
#[derive(Debug, Serialize)]
pub struct WordingJson<'g> {
    /// `a`'s position (differences only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub a_position: Option<&'g str>,
    /// `b`'s position (differences only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub b_position: Option<&'g str>,
    /// The distinct papers giving this wording.
    pub papers: Vec<&'g str>,
    /// The relations, with their sources.
    pub claims: Vec<ClaimJson<'g>>,
}

/// One comparison: an aspect of common ground or a dimension of difference of a pair.
#[derive(Debug, Serialize)]
pub struct RowJson<'g> {
    /// `common-ground` or `difference`.
    pub role: Stance,
    /// The first node of the pair.
    pub a: &'g str,
    /// The second node of the pair.
    pub b: &'g str,
    /// The aspect (common ground) or dimension (difference) node id.
    pub topic: &'g str,
    /// Its label.
    pub label: &'g str,
    /// The distinct papers asserting the comparison, however worded.
    pub papers: Vec<&'g str>,
    /// Pairs of those papers whose texts share passages.
    pub shared_text: Vec<[&'g str; 2]>,
    /// The wordings (one for common ground).
    pub wordings: Vec<WordingJson<'g>>,
}

impl<'g> RowJson<'g> {
    /// The row's JSON shape.
    pub fn new(graph: &'g ConceptGraph, row: &Row<'g>) -> Self {
        Self {
            role: row.stance,
            a: &graph.node(row.pair.0).id,
            b: &graph.node(row.pair.1).id,
            topic: &graph.node(row.topic).id,
            label: &graph.node(row.topic).label,
            papers: row.papers(),
            shared_text: row
                .shared_text(graph)
                .into_iter()
                .map(|(x, y)| [x, y])
                .collect(),
            wordings: row
                .wordings()
                .into_iter()
                .map(|wording| WordingJson {
                    a_position: wording.positions.map(|p| p.0),
                    b_position: wording.positions.map(|p| p.1),
                    papers: wording.papers(),
                    claims: wording
                        .claims
                        .iter()
                        .map(|c| ClaimJson::of_claim(graph, c))
                        .collect(),
                })
                .collect(),
        }
    }
}

/// A paper with what is known of its citation and how much of it the data encodes.
#[derive(Debug, Serialize)]
pub struct PaperJson<'g> {
    /// Paper id.
    pub id: &'g str,
    /// Short citation.
    pub cite: &'g str,
    /// Title, or null when unknown.
    pub title: Option<&'g str>,
    /// Authors, or null when unknown.
    pub authors: Option<&'g [String]>,
    /// Year, or null when unknown.
    pub year: Option<i32>,
    /// Venue, or null when unknown.
    pub venue: Option<&'g str>,
    /// DOI, or null when unknown.
    pub doi: Option<&'g str>,
    /// URL, or null when unknown.
    pub url: Option<&'g str>,
    /// The text file.
    pub file: &'g str,
    /// Remarks.
    pub note: Option<&'g str>,
    /// Citation fields that are inferred, with how.
    pub inferred: &'g BTreeMap<String, String>,
    /// Papers sharing passages of text with this one (either way round).
    pub shares_text_with: Vec<&'g str>,
    /// Claims: relations this paper asserts.
    pub claims: usize,
    /// Quotes: its sources, one per quoted passage (a claim has one or more).
    pub quotes: usize,
}

impl<'g> PaperJson<'g> {
    /// The paper's JSON shape with its counts.
    pub fn new(graph: &'g ConceptGraph, paper: &'g Paper, claims: usize, quotes: usize) -> Self {
        Self {
            id: &paper.id,
            cite: paper.citation(),
            title: paper.title.as_deref(),
            authors: paper.authors.as_deref(),
            year: paper.year,
            venue: paper.venue.as_deref(),
            doi: paper.doi.as_deref(),
            url: paper.url.as_deref(),
            file: &paper.file,
            note: paper.note.as_deref(),
            inferred: &paper.inferred,
            shares_text_with: graph
                .papers()
                .filter(|p| crate::paper::share_text(&graph.papers, &paper.id, &p.id))
                .map(|p| p.id.as_str())
                .collect(),
            claims,
            quotes,
        }
    }
}

/// A relation's head for traversal output (`path`, `neighbors`): kind and its label,
/// ends, aspect, dimension and positions; each command adds what it knows (the step,
/// the direction walked) and the sources its paper filter keeps.
#[derive(Debug, Serialize)]
pub struct RelationHeadJson<'g> {
    /// Relation kind.
    pub kind: &'g str,
    /// The kind's label.
    pub label: &'g str,
    /// Source node id.
    pub from: &'g str,
    /// Target node id.
    pub to: &'g str,
    /// Common ground: the aspect's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aspect: Option<&'g str>,
    /// Difference: the dimension's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dimension: Option<&'g str>,
    /// Difference: the positions as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub positions: Option<PositionsJson<'g>>,
}

impl<'g> RelationHeadJson<'g> {
    /// The head of `relation`.
    pub fn new(graph: &'g ConceptGraph, relation: &'g Relation) -> Self {
        let id = |ix| graph.node(ix).id.as_str();
        Self {
            kind: &relation.kind,
            label: &graph.kind_of(relation).label,
            from: id(relation.from),
            to: id(relation.to),
            aspect: relation.aspect.map(id),
            dimension: relation.dimension.map(id),
            positions: relation.positions.as_ref().map(|p| PositionsJson {
                from: &p.from,
                to: &p.to,
            }),
        }
    }
}
