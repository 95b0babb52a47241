//! `linkage suggest`: a paper's claims drafted from its text, as a claims sheet in the
//! `import` format for the scholar to prune, fix and import.
//!
//! How a sentence says that a relation holds is data: each relation kind of the schema
//! may declare cue phrases with slots (src/cue.rs). Every sentence of the text is tried
//! against every cue; each phrase a slot takes is matched against the concepts the
//! other papers use ([`crate::matching`]): an existing concept when one reaches the
//! match threshold, else a new concept, its label the phrase and its kind one the
//! relation kind allows. Offline and deterministic: no model, no randomness, output
//! sorted by score then by place in the text.

pub mod evaluate;
mod sheet;

use std::collections::HashSet;

use petgraph::graph::NodeIndex;

pub use sheet::{to_csv, SHEET_COLUMNS};

use crate::{
    cue::Cue,
    graph::ConceptGraph,
    headings,
    matching::{Index, Tuning, View},
    pages::{self, Pages},
    schema::Schema,
    sentences::Sentences,
    symbol::Symbol,
};

/// The least `match` score at which a phrase a cue took is joined to an existing
/// concept rather than proposed as a new one. Higher than `match`'s own threshold: a
/// phrase a cue cuts from a sentence is rougher than a phrase a scholar types, and a
/// wrong join invents an agreement. Chosen leave-one-paper-out on the shipped papers
/// (the most claims recalled; docs/suggest.md), never on the unseen set.
pub const JOIN_THRESHOLD: f64 = 0.75;

/// One end of a drafted claim.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftEnd {
    /// An existing concept `match` offered for the phrase, with its score.
    Existing {
        /// The concept.
        node: NodeIndex,
        /// Its match score.
        score: f64,
    },
    /// A concept new to the dataset: the phrase as its label, and a kind the relation
    /// kind allows at this end.
    New {
        /// The phrase, as the text writes it.
        label: String,
        /// Its node kind.
        kind: String,
    },
}

/// One candidate claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The relation kind.
    pub kind: String,
    /// The source end.
    pub from: DraftEnd,
    /// The target end.
    pub to: DraftEnd,
    /// The sentence, white space squeezed: the quote.
    pub quote: String,
    /// Page and headings, as `pages::join` writes them; empty when the text has none.
    pub locator: String,
    /// The byte where the sentence starts, for ordering.
    pub offset: usize,
    /// How likely the row is right, in 0..=1.
    pub score: f64,
    /// The cue that matched and the phrases its slots took.
    pub cue: String,
    /// The phrases the slots took (from, to).
    pub phrases: (String, String),
}

/// What the drafting reads besides the text.
pub struct Drafting<'g> {
    graph: &'g ConceptGraph,
    index: Index<'g>,
    cues: Vec<DraftCue>,
    join_threshold: f64,
}

impl<'g> Drafting<'g> {
    /// Drafting against the concepts of `graph` that `view` counts, with the cues of
    /// `graph`'s schema (already checked when the schema loaded).
    pub fn new(graph: &'g ConceptGraph, view: &View) -> Self {
        Self {
            graph,
            index: Index::build(graph, view).for_many_queries(),
            cues: cues_of(graph.schema()),
            join_threshold: JOIN_THRESHOLD,
        }
    }

    /// The same drafting joining a phrase to an existing concept only at `threshold`
    /// or above (to measure other thresholds).
    #[must_use]
    pub fn joining_at(mut self, threshold: f64) -> Self {
        self.join_threshold = threshold;
        self
    }

    /// Whether the concept with id `id` is one the drafting may offer as existing.
    pub fn offers(&self, id: &str) -> bool {
        self.graph
            .index_of(id)
            .is_some_and(|ix| self.index.contains(ix))
    }

    /// The candidate claims of `text` for paper `paper` (whose `pages` number the
    /// pages, when it is in the dataset), best first.
    pub fn suggest(&self, paper: &str, text: &str) -> Vec<Draft> {
        let headings = headings::headings(text);
        let sentences = Sentences::with_headings(text, &[], &headings);
        let page_of = Pages::of(text);
        let first_page =
            pages::first_page(self.graph.paper(paper).and_then(|p| p.pages.as_deref()));
        let mut drafts = Vec::new();
        let mut seen = HashSet::new();
        for span in sentences.spans() {
            // A heading names a section; it states no claim. Before the first heading
            // stand the title, the authors and the citation line, with no locator
            // `import` could derive.
            if headings
                .iter()
                .any(|h| span.contains(&h.offset) || h.offset == span.start)
                || headings.first().is_some_and(|h| span.start < h.offset)
                || in_references(&headings, span.start)
            {
                continue;
            }
            let sentence = &text[span.clone()];
            // As read: a PDF's words hyphenated at line ends joined (`check` finds
            // the quote either way), so neither the quote nor a new concept's label
            // reads `revi- talization`.
            let quote = crate::locate::as_read(sentence);
            if quote.split_whitespace().count() < 3 && !quote.chars().any(crate::locate::is_cjk) {
                continue;
            }
            let locator = pages::join(
                page_of.label(span.clone(), first_page).as_deref(),
                &headings::locator_at(text, &headings, span.start).unwrap_or_default(),
            );
            for DraftCue { kind, cue, fronted } in &self.cues {
                if *fronted && !starts_with_word(&quote, "to") {
                    continue;
                }
                for found in cue.find(&quote) {
                    for from in &found.from {
                        for to in &found.to {
                            let key = (
                                kind.clone(),
                                from.to_lowercase(),
                                to.to_lowercase(),
                                span.start,
                            );
                            if from.eq_ignore_ascii_case(to) || !seen.insert(key) {
                                continue;
                            }
                            if let Some(draft) =
                                self.draft(kind, cue, (from, to), &quote, &locator, span.start)
                            {
                                drafts.push(draft);
                            }
                        }
                    }
                }
            }
        }
        drafts.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.offset.cmp(&b.offset)));
        drafts
    }

    /// One row, or `None` when an end's existing concept has a kind the relation kind
    /// does not allow there (`import` would refuse the row).
    fn draft(
        &self,
        kind: &str,
        cue: &Cue,
        (from, to): (&str, &str),
        quote: &str,
        locator: &str,
        offset: usize,
    ) -> Option<Draft> {
        let relation = self.graph.schema().relation_kinds.get(kind)?;
        let from_end = self.end(from, &relation.from)?;
        let to_end = self.end(to, &relation.to)?;
        if let (DraftEnd::Existing { node: a, .. }, DraftEnd::Existing { node: b, .. }) =
            (&from_end, &to_end)
        {
            if a == b {
                return None;
            }
        }
        let end_score = |end: &DraftEnd| match end {
            DraftEnd::Existing { score, .. } => score.min(1.0),
            DraftEnd::New { .. } => 0.5,
        };
        #[allow(clippy::cast_precision_loss)] // a cue has a few dozen letters
        let specificity = (cue.weight().min(30) as f64) / 30.0;
        let score = 0.5 * specificity + 0.25 * end_score(&from_end) + 0.25 * end_score(&to_end);
        Some(Draft {
            kind: kind.to_string(),
            from: from_end,
            to: to_end,
            quote: quote.to_string(),
            locator: locator.to_string(),
            offset,
            score,
            cue: cue.text.clone(),
            phrases: (from.to_string(), to.to_string()),
        })
    }

    /// The concept a phrase names, or a new one of a kind in `allowed`.
    fn end(&self, phrase: &str, allowed: &[Symbol]) -> Option<DraftEnd> {
        // A phrase that is a concept's very name is that concept: a new node may not
        // take a name another node has. (Only a concept the view counts: measured
        // leave-one-paper-out, the left-out paper's own concepts do not exist yet.)
        if let Some(node) = self
            .graph
            .by_name(&phrase.to_lowercase())
            .filter(|&node| self.index.contains(node))
        {
            let node_kind = self.graph.node(node).kind;
            return allows(allowed, node_kind.as_str())
                .then_some(DraftEnd::Existing { node, score: 1.0 });
        }
        let best = self
            .index
            .rank(phrase, Tuning::DEFAULT)
            .ok()
            .and_then(|ranked| ranked.into_iter().next())
            .filter(|r| r.score >= self.join_threshold);
        // The head alone may name the concept: "unbalanced development in a region"
        // (a place or respect after the head narrows it), "rural revitalization
        // efforts" (a light noun after the name of what is done).
        let best = best.or_else(|| {
            let head = head_of(phrase)?;
            self.index
                .rank(&head, Tuning::DEFAULT)
                .ok()
                .and_then(|ranked| ranked.into_iter().next())
                .filter(|r| r.score >= self.join_threshold)
        });
        if let Some(best) = best {
            let node_kind = self.graph.node(best.node).kind;
            return allows(allowed, node_kind.as_str()).then_some(DraftEnd::Existing {
                node: best.node,
                score: best.score,
            });
        }
        Some(DraftEnd::New {
            label: phrase.to_string(),
            kind: new_kind(phrase, allowed, self.graph.schema())?,
        })
    }
}

/// Whether byte `offset` falls in a paper's list of references: its entries are the
/// titles of other works ("Poverty alleviation in Laos: gambling on the future"), not
/// claims of this one.
fn in_references(headings: &[headings::Heading], offset: usize) -> bool {
    headings::sections_holding(headings, offset)
        .iter()
        .any(|h| {
            let title = h.title.trim_start_matches(|c: char| !c.is_alphabetic());
            ["references", "bibliography", "works cited", "参考文献"]
                .iter()
                .any(|name| title.eq_ignore_ascii_case(name))
        })
}

/// Nouns that name the doing of what the words before them name ("poverty
/// alleviation work" is poverty alleviation).
const LIGHT_NOUNS: &[&str] = &[
    "effort",
    "efforts",
    "work",
    "practice",
    "practices",
    "activities",
    "initiatives",
];

/// `phrase` without what narrows its head: a trailing "in …" phrase or light noun;
/// `None` when nothing is cut or less than two words are left.
fn head_of(phrase: &str) -> Option<String> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let cut = words.iter().position(|w| *w == "in").or_else(|| {
        words
            .last()
            .filter(|w| LIGHT_NOUNS.contains(&w.to_lowercase().as_str()))
            .map(|_| words.len() - 1)
    })?;
    (cut >= 2).then(|| words[..cut].join(" "))
}

fn allows(allowed: &[Symbol], kind: &str) -> bool {
    allowed
        .iter()
        .any(|k| k.as_str() == "*" || k.as_str() == kind)
}

/// Words that say which kind a new concept is, checked in this order.
const KIND_WORDS: &[(&str, &[&str])] = &[
    (
        "problem",
        &[
            "risk",
            "risks",
            "gap",
            "gaps",
            "shortage",
            "lack",
            "weak",
            "fragile",
            "unbalanced",
            "constraints",
            "constraint",
            "problem",
            "problems",
            "poverty",
            "vulnerability",
            "difficulties",
            "贫困",
            "问题",
            "风险",
        ],
    ),
    (
        "actor",
        &[
            "government",
            "governments",
            "universities",
            "university",
            "society",
            "farmers",
            "counties",
            "county",
            "enterprises",
            "cadres",
            "households",
            "community",
            "政府",
            "农民",
        ],
    ),
    (
        "mechanism",
        &["mechanism", "mechanisms", "system", "model", "机制"],
    ),
    (
        "goal",
        &[
            "goal",
            "goals",
            "development",
            "prosperity",
            "modernization",
            "目标",
        ],
    ),
    ("strategy", &["strategy", "strategies", "战略"]),
    (
        "measure",
        &[
            "measure",
            "measures",
            "policy",
            "policies",
            "recommendations",
            "措施",
            "政策",
        ],
    ),
];

/// The kind of a new concept named `phrase`: the first of [`KIND_WORDS`] whose words the
/// phrase holds and the relation allows; else `concept` if allowed; else the first kind
/// allowed. `None` when the schema has no kind to give.
fn new_kind(phrase: &str, allowed: &[Symbol], schema: &Schema) -> Option<String> {
    let lower = phrase.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    for (kind, cues) in KIND_WORDS {
        if schema.node_kinds.contains_key(*kind)
            && allows(allowed, kind)
            && cues
                .iter()
                .any(|w| words.contains(w) || (!w.is_ascii() && lower.contains(w)))
        {
            return Some((*kind).to_string());
        }
    }
    if schema.node_kinds.contains_key("concept") && allows(allowed, "concept") {
        return Some("concept".to_string());
    }
    allowed
        .iter()
        .map(|k| k.as_str())
        .find(|k| *k != "*" && schema.node_kinds.contains_key(*k))
        .or_else(|| schema.node_kinds.keys().next().map(String::as_str))
        .map(str::to_string)
}

/// A cue with its relation kind.
struct DraftCue {
    kind: String,
    cue: Cue,
    /// A purpose clause put first ("To address {to}, {from}"): tried only on a
    /// sentence that begins with it.
    fronted: bool,
}

fn starts_with_word(sentence: &str, word: &str) -> bool {
    sentence
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
}

/// Every cue of the schema with its relation kind, in declaration order, each purpose
/// cue ("{from} to address {to}") followed by its fronted form ("To address {to},
/// {from}"): English puts a purpose clause before its subject as readily as after, so
/// the form is derived from the cue rather than written twice in the schema. Kinds
/// whose claims need an aspect or a dimension (common ground, differences) are left
/// out: a cue cannot name those.
fn cues_of(schema: &Schema) -> Vec<DraftCue> {
    let mut cues = Vec::new();
    for (name, kind) in &schema.relation_kinds {
        if kind.role != crate::schema::Role::Ordinary {
            continue;
        }
        for text in &kind.cues {
            if let Ok(cue) = Cue::parse(text) {
                cues.push(DraftCue {
                    kind: name.clone(),
                    cue,
                    fronted: false,
                });
            }
            let fronted = text
                .strip_prefix("{from} to ")
                .and_then(|rest| rest.strip_suffix(" {to}"))
                .filter(|verb| !verb.contains('{'))
                .and_then(|verb| Cue::parse(&format!("to {verb} {{to}}, {{from}}")).ok());
            if let Some(cue) = fronted {
                cues.push(DraftCue {
                    kind: name.clone(),
                    cue,
                    fronted: true,
                });
            }
        }
    }
    cues
}
