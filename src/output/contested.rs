//! `linkage contested`: the disputes, strongest first, each as a question and its
//! answers, every answer with its papers and (by default) one short quote.

use std::fmt::Write as _;

use serde::Serialize;

use crate::{dot::Lang, i18n::Messages};

use super::{
    count, path::StopJson, relation_line, shape::ClaimJson, shape::FactJson, source_block, styled,
    wrap, wrap_hanging, DETAIL, HEADING, LABEL, NOTICE,
};
use crate::{
    graph::ConceptGraph,
    query::{
        contested::{ClaimRef, Dispute, Kind, Side, Strength},
        disputes_within::{Contested, DISPUTE_WORK},
        Stop,
    },
    relation::Source,
};

/// How much evidence to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Papers only.
    Brief,
    /// One short quote per answer (lists: none).
    Short,
    /// Every quote.
    Full,
}

/// The question a dispute answers differently, in words.
pub fn question(graph: &ConceptGraph, dispute: &Dispute) -> String {
    question_in(graph, dispute, Lang::En)
}

/// [`question`] in `lang`: in Chinese with the concepts' Chinese names and a relation
/// kind's `template_zh` (the English template where the schema has none).
pub fn question_in(graph: &ConceptGraph, dispute: &Dispute, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let name = |n| crate::dot::node_label(graph, n, lang);
    let label = |i: usize| dispute.subject.get(i).map_or("", |&n| name(n));
    let topic = dispute.topic.map_or("", name);
    let (a, b) = (label(0), label(1));
    let property = dispute.property.as_deref().unwrap_or("");
    match dispute.kind {
        Kind::Value | Kind::Classification if dispute.topic.is_none() => {
            let phrase = graph
                .schema()
                .properties
                .get(property)
                .map_or(property, |p| p.label.as_str());
            format!("{a} {phrase} …?")
        }
        Kind::Value | Kind::Classification => {
            let respect = dispute.respect.map(name);
            if zh {
                format!(
                    "{a}与{b}：“{topic}”是共同点还是差异{}？",
                    respect.map_or(String::new(), |r| format!("（就“{r}”而言）"))
                )
            } else {
                format!(
                    "{a} and {b}: is “{topic}” common ground or a difference{}?",
                    respect.map_or(String::new(), |r| format!(" for “{r}”"))
                )
            }
        }
        Kind::Valence => match (dispute.respect.map(name), zh) {
            (Some(r), false) => format!("{a}: an asset or a liability for “{r}”?"),
            (Some(r), true) => format!("{a}：对“{r}”而言是助力还是阻力？"),
            (None, false) => format!("{a}: an asset, or a liability for what no paper says?"),
            (None, true) => format!("{a}：是助力，还是对某种文献未说明之事的阻力？"),
        },
        Kind::Opposition if zh => format!("{a}与{b}：两种相反的关系中哪一种成立？"),
        Kind::Opposition => format!("{a} and {b}: which of two opposed relations holds?"),
        Kind::Direction if zh => format!("{a}与{b}：是双向关系还是单向关系？"),
        Kind::Direction => format!("{a} and {b}: a two-way relation or a one-way one?"),
        Kind::Positions if zh => format!("{a}与{b}在“{topic}”上有何不同？"),
        Kind::Positions => format!("{a} and {b} differ in “{topic}”: how?"),
        Kind::Lists => match property {
            "common-ground" if zh => format!("{a}与{b}有哪些共同点？"),
            "common-ground" => format!("What do {a} and {b} share?"),
            "differs" if zh => format!("{a}与{b}在哪些方面存在差异？"),
            "differs" => format!("Where do {a} and {b} differ?"),
            other => {
                let (kind, arrow) = other.split_once(' ').unwrap_or((other, "<-"));
                // The kind's own sentence, with the asked-for end as the question word.
                // A kind the schema does not name (none reaches here) is written as an arrow.
                let template = graph.schema().relation_kinds.get(kind).map_or_else(
                    || {
                        let arrow = crate::arrow::arrow(kind, crate::arrow::Way::Along);
                        format!("{{from}} {arrow} {{to}}")
                    },
                    |k| match lang {
                        Lang::Zh => k.template_zh.as_ref().unwrap_or(&k.template).clone(),
                        Lang::En => k.template.clone(),
                    },
                );
                let (what, what_lower, mark) = if zh {
                    ("什么", "什么", "？")
                } else {
                    ("What", "what", "?")
                };
                let sentence = if arrow == "<-" {
                    template.replace("{from}", what).replace("{to}", a)
                } else {
                    template.replace("{from}", a).replace("{to}", what_lower)
                };
                format!("{sentence}{mark}")
            }
        },
        Kind::RelatedDifferently if zh => format!("{a}与{b}如何关联？"),
        Kind::RelatedDifferently => format!("How are {a} and {b} related?"),
    }
}

/// A side's answer in `lang`: in Chinese the disputes model's fixed answers (common
/// ground or a difference, an asset or a liability, two-way or one-way) in Chinese
/// words, concepts and relation kinds by their Chinese names; values and positions
/// stay as the papers give them.
pub fn answer_in(graph: &ConceptGraph, dispute: &Dispute, side: &Side, lang: Lang) -> String {
    use crate::query::contested::{ASSET, LIABILITY};
    if lang == Lang::En {
        return side.answer.clone();
    }
    let words = Messages::of(lang);
    let name = |n| crate::dot::node_label(graph, n, lang);
    let kinds = || {
        let mut kinds: Vec<&str> = Vec::new();
        for claim in &side.claims {
            if let ClaimRef::Relation(edge) = *claim {
                let kind = lang.relation_kind(graph.kind_of(graph.relation(edge)));
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
        }
        kinds
    };
    let answer = side.answer.as_str();
    match dispute.kind {
        Kind::Lists if !side.items.is_empty() => {
            let items: Vec<&str> = side.items.iter().map(|&n| name(n)).collect();
            items.join("；")
        }
        Kind::Direction => words.way_answer(answer.starts_with("two-way"), &kinds()),
        Kind::Valence => {
            let unstated = answer.starts_with(LIABILITY) && answer != LIABILITY;
            words.valence_answer(answer.starts_with(ASSET), unstated)
        }
        Kind::Value | Kind::Classification if dispute.topic.is_some() => {
            words.stance_answer(answer == "common ground").to_string()
        }
        Kind::Positions => {
            let [a, b, ..] = dispute.subject[..] else {
                return side.answer.clone();
            };
            let head = format!("{}: ", graph.node(a).label);
            let middle = format!("; {}: ", graph.node(b).label);
            answer
                .strip_prefix(&head)
                .and_then(|rest| rest.split_once(&middle))
                .map_or_else(
                    || side.answer.clone(),
                    |(x, y)| words.positions_of(name(a), x, name(b), y),
                )
        }
        _ => side.answer.clone(),
    }
}

/// A strength as the index and `position` name it.
pub(crate) fn strength_name(strength: Strength) -> &'static str {
    match strength {
        Strength::Contradiction => "contradiction",
        Strength::Tension => "tension",
        Strength::Framing => "framing",
        Strength::Related => "related",
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Value => "value",
        Kind::Valence => "valence",
        Kind::Classification => "classification",
        Kind::Opposition => "opposition",
        Kind::Direction => "direction",
        Kind::Positions => "positions",
        Kind::Lists => "lists",
        Kind::RelatedDifferently => "related differently",
    }
}

/// The sources behind one piece of evidence.
fn sources<'g>(graph: &'g ConceptGraph, evidence: &ClaimRef) -> Vec<&'g Source> {
    match *evidence {
        ClaimRef::Relation(edge) => graph.relation(edge).sources.iter().collect(),
        ClaimRef::Fact(i) => graph
            .facts()
            .get(i)
            .map(|f| f.sources.iter().collect())
            .unwrap_or_default(),
    }
}

/// The disputes for people: a summary line, then contradictions, framings and (with
/// `all`) pairs related differently, numbered.
pub fn human(graph: &ConceptGraph, disputes: &[Dispute], evidence: Detail, all: bool) -> String {
    let mut out = String::new();
    let of = |strength: Strength| disputes.iter().filter(|d| d.strength == strength).count();
    let (contradictions, tensions, framings, related) = (
        of(Strength::Contradiction),
        of(Strength::Tension),
        of(Strength::Framing),
        of(Strength::Related),
    );
    let summary = format!(
        "Where the papers disagree: {}, {}, {}{}.",
        count(contradictions, "contradiction", "contradictions"),
        count(tensions, "tension", "tensions"),
        count(framings, "framing", "framings"),
        if all || related == 0 {
            String::new()
        } else {
            format!(
                " ({} related in other ways: --all)",
                count(related, "pair", "pairs")
            )
        }
    );
    out.push_str(&wrap(&summary, ""));
    out.push_str(&index(graph, disputes, all));
    let sections = [
        (
            Strength::Contradiction,
            "Contradictions: answers to one scoped question that cannot both hold as \
             the papers state them",
        ),
        (
            Strength::Tension,
            "Tensions: answers that pull apart; no paper says in which respect, so \
             both may hold",
        ),
        (
            Strength::Framing,
            "Framings: the same thing seen differently; both can hold",
        ),
        (
            Strength::Related,
            "Related in different ways that neither agree nor conflict",
        ),
    ];
    let mut number = 0;
    for (strength, title) in sections {
        if strength == Strength::Related && !all {
            continue;
        }
        let shown: Vec<&Dispute> = disputes.iter().filter(|d| d.strength == strength).collect();
        if shown.is_empty() {
            continue;
        }
        out.push('\n');
        for line in wrap(title, "").lines() {
            let _ = writeln!(out, "{}", styled(HEADING, line));
        }
        for dispute in shown {
            number += 1;
            let head = format!(
                "{number}. {} [{}]",
                question(graph, dispute),
                kind_name(dispute.kind)
            );
            out.push_str(&styled_wrap(&head));
            let shared = shared_items(dispute);
            for side in &dispute.sides {
                write_side(graph, &mut out, dispute, side, &shared, evidence);
            }
            for side in dispute.sides.iter().filter(|s| !s.also.is_empty()) {
                let names: Vec<&str> = side.also.iter().map(|p| graph.cite(p)).collect();
                let answer = side.answer.split(':').next().unwrap_or_default();
                out.push_str(&wrap_hanging(
                    &format!(
                        "also {answer}, but only in a respect it states (another question): {}",
                        names.join("; ")
                    ),
                    "   ",
                    "     ",
                ));
            }
            let both = dispute.on_several_sides();
            if !both.is_empty() && dispute.strength != Strength::Framing {
                let names: Vec<&str> = both.iter().map(|p| graph.cite(p)).collect();
                out.push_str(&wrap_hanging(
                    &format!(
                        "on more than one side: {} (states both; the data may lack the respect that tells them apart)",
                        names.join("; ")
                    ),
                    "   ",
                    "     ",
                ));
            }
            if dispute.kind == Kind::Lists && !shared.is_empty() {
                let names: Vec<&str> = shared
                    .iter()
                    .map(|&n| graph.node(n).label.as_str())
                    .collect();
                out.push_str(&wrap_hanging(
                    &format!("named by every side: {}", names.join("; ")),
                    "   ",
                    "     ",
                ));
            }
        }
    }
    out
}

fn styled_wrap(text: &str) -> String {
    let wrapped = wrap_hanging(text, "", "    ");
    wrapped.lines().fold(String::new(), |mut out, line| {
        let _ = writeln!(out, "{}", styled(LABEL, line));
        out
    })
}

/// For a list dispute, the items every side names.
fn shared_items(dispute: &Dispute) -> Vec<petgraph::graph::NodeIndex> {
    let Some(first) = dispute.sides.first() else {
        return Vec::new();
    };
    first
        .items
        .iter()
        .copied()
        .filter(|item| dispute.sides.iter().all(|s| s.items.contains(item)))
        .collect()
}

fn write_side(
    graph: &ConceptGraph,
    out: &mut String,
    dispute: &Dispute,
    side: &Side,
    shared: &[petgraph::graph::NodeIndex],
    evidence: Detail,
) {
    let papers: Vec<&str> = side.papers.iter().map(|p| graph.cite(p)).collect();
    let answer = if dispute.kind == Kind::Lists {
        let own: Vec<&str> = side
            .items
            .iter()
            .filter(|i| !shared.contains(i))
            .map(|&n| graph.node(n).label.as_str())
            .collect();
        let whole: Vec<&str> = side
            .papers
            .iter()
            .filter(|p| !side.partly.contains(p))
            .map(|p| graph.cite(p))
            .collect();
        let partly: Vec<&str> = side.partly.iter().map(|p| graph.cite(p)).collect();
        let extends = if partly.is_empty() {
            String::new()
        } else {
            format!("; extends the list of {}", partly.join("; "))
        };
        format!(
            "{} ({}{extends}): {}",
            whole.join("; "),
            count(side.items.len(), "item", "items"),
            if own.is_empty() {
                "only the shared items".to_string()
            } else {
                own.join("; ")
            }
        )
    } else if let (Kind::Opposition, Some(&evidence)) = (dispute.kind, side.claims.first()) {
        // The opposed relation as a sentence, in names.
        format!(
            "{} — {}",
            super::sentence::claim_sentence(graph, evidence),
            papers.join("; ")
        )
    } else if let (Kind::RelatedDifferently, Some(ClaimRef::Relation(edge))) =
        (dispute.kind, side.claims.first())
    {
        // The relation as every command prints one (two heads when symmetric).
        let line = relation_line(graph, graph.relation(*edge));
        format!("{line} — {}", papers.join("; "))
    } else {
        format!("{} — {}", side.answer, papers.join("; "))
    };
    out.push_str(&wrap_hanging(&format!("– {answer}"), "   ", "     "));
    let with_quotes = match evidence {
        Detail::Brief => return,
        Detail::Short if dispute.kind == Kind::Lists => return,
        Detail::Short => false,
        Detail::Full => true,
    };
    let mut all: Vec<&Source> = Vec::new();
    for source in side.claims.iter().flat_map(|e| sources(graph, e)) {
        // A sentence backing two claims on one side is printed once.
        let again = all
            .iter()
            .any(|s| s.paper == source.paper && s.quote() == source.quote());
        if side.papers.iter().any(|p| *p == source.paper) && !again {
            all.push(source);
        }
    }
    if with_quotes {
        for source in all {
            out.push_str(&source_block(graph, source, "       ", true));
        }
    } else if let Some(source) = all.first() {
        // The first quote, whole: the sentence it is in, never cut by the printer.
        let quote = graph.printed_quote(source);
        let line = format!("{}: “{quote}”", graph.cite(&source.paper));
        out.push_str(&wrap(&line, "       "));
    }
}

/// The first screen: each dispute shown below as one numbered line (its question and
/// strength), as many as fit 24 rows, so that the list answers "where do they disagree?"
/// before any evidence.
fn index(graph: &ConceptGraph, disputes: &[Dispute], all: bool) -> String {
    /// Rows of the first screen the index may take (the count line and the rule around
    /// it take the rest).
    const ROWS: usize = 19;
    let order = [
        Strength::Contradiction,
        Strength::Tension,
        Strength::Framing,
        Strength::Related,
    ];
    let listed: Vec<&Dispute> = order
        .iter()
        .filter(|&&s| all || s != Strength::Related)
        .flat_map(|&s| disputes.iter().filter(move |d| d.strength == s))
        .collect();
    if listed.is_empty() {
        return String::new();
    }
    let mut out = format!("\n{}\n", styled(HEADING, "At a glance"));
    // Each question by the names of what it is about, wrapped to two lines at most;
    // as many as fit the rows, the last row saying how many more follow.
    let mut rows = 0;
    let mut shown = 0;
    for (i, dispute) in listed.iter().enumerate() {
        // The index says how strong; the entry below says what kind.
        let tag = format!("[{}]", strength_name(dispute.strength));
        let number = format!("{:>3}. ", i + 1);
        let mut question = question(graph, dispute);
        let most = 2 * (super::WIDTH - number.len()) - tag.len() - 4;
        if super::display_width(&question) > most {
            question = super::summary::fit(&question, most);
        }
        let wrapped = wrap_hanging(&format!("{question} {tag}"), &number, "     ");
        let lines = wrapped.lines().count();
        let room = if i + 1 < listed.len() { ROWS - 1 } else { ROWS };
        if rows + lines > room {
            break;
        }
        rows += lines;
        shown += 1;
        match wrapped.rfind(&tag) {
            Some(at) => {
                out.push_str(&wrapped[..at]);
                out.push_str(&styled(DETAIL, &tag));
                out.push_str(&wrapped[at + tag.len()..]);
            }
            None => out.push_str(&wrapped),
        }
    }
    if listed.len() > shown {
        let _ = writeln!(out, "     … and {} more below", listed.len() - shown);
    }
    out
}

/// For `diff` and `show`: how many disputes involve `nodes`, by kind, and the command
/// that shows them; nothing when none does.
pub fn pointer(
    graph: &ConceptGraph,
    disputes: &[Dispute],
    nodes: &[petgraph::graph::NodeIndex],
) -> String {
    pointer_in(graph, disputes, nodes, Lang::En)
}

/// [`pointer()`] in `lang`.
pub fn pointer_in(
    graph: &ConceptGraph,
    disputes: &[Dispute],
    nodes: &[petgraph::graph::NodeIndex],
    lang: Lang,
) -> String {
    let words = Messages::of(lang);
    let involved: Vec<&Dispute> = disputes
        .iter()
        .filter(|d| d.strength != Strength::Related)
        .filter(|d| nodes.iter().any(|&n| d.involves(n)))
        .collect();
    if involved.is_empty() {
        return String::new();
    }
    let mut kinds: Vec<&str> = Vec::new();
    for dispute in &involved {
        let name = words.dispute_kind(dispute.kind);
        if !kinds.contains(&name) {
            kinds.push(name);
        }
    }
    let ids: Vec<&str> = nodes.iter().map(|&n| graph.node(n).id.as_str()).collect();
    let text = words.disagree_pointer(involved.len(), &kinds);
    format!(
        "\n{}  linkage contested {}\n",
        wrap(&text, ""),
        ids.join(" ")
    )
}

/// A dispute as JSON: stable field names, one `kind` per dispute.
#[derive(Serialize)]
pub struct DisputeJson<'g> {
    kind: Kind,
    strength: Strength,
    question: String,
    subject: Vec<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    topic: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    respect: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    property: Option<&'g str>,
    papers: Vec<&'g str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    on_several_sides: Vec<&'g str>,
    sides: Vec<SideJson<'g>>,
}

#[derive(Serialize)]
struct SideJson<'g> {
    answer: &'g str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    items: Vec<&'g str>,
    papers: &'g [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    partly: &'g [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    also: &'g [String],
    claims: Vec<ClaimRefJson<'g>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum ClaimRefJson<'g> {
    Relation(ClaimJson<'g>),
    Fact(FactJson<'g>),
}

/// The disputes as JSON.
pub fn json<'g>(graph: &'g ConceptGraph, disputes: &'g [Dispute]) -> Vec<DisputeJson<'g>> {
    disputes
        .iter()
        .map(|d| DisputeJson {
            kind: d.kind,
            strength: d.strength,
            question: question(graph, d),
            subject: d
                .subject
                .iter()
                .map(|&n| graph.node(n).id.as_str())
                .collect(),
            topic: d.topic.map(|t| graph.node(t).id.as_str()),
            respect: d.respect.map(|r| graph.node(r).id.as_str()),
            property: d.property.as_deref(),
            papers: d.papers(),
            on_several_sides: d.on_several_sides(),
            sides: d
                .sides
                .iter()
                .map(|s| SideJson {
                    answer: &s.answer,
                    items: s.items.iter().map(|&n| graph.node(n).id.as_str()).collect(),
                    papers: &s.papers,
                    partly: &s.partly,
                    also: &s.also,
                    claims: s
                        .claims
                        .iter()
                        .filter_map(|e| claim_ref_json(graph, e))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

fn claim_ref_json<'g>(graph: &'g ConceptGraph, evidence: &ClaimRef) -> Option<ClaimRefJson<'g>> {
    match *evidence {
        ClaimRef::Relation(edge) => {
            let relation = graph.relation(edge);
            Some(ClaimRefJson::Relation(ClaimJson::new(
                graph,
                relation,
                relation.sources.iter(),
            )))
        }
        ClaimRef::Fact(i) => {
            let fact = graph.facts().get(i)?;
            Some(ClaimRefJson::Fact(FactJson::new(
                graph,
                fact,
                fact.sources.iter(),
            )))
        }
    }
}

/// `contested --json`: the disputes listed, how many there are, and for how many
/// concepts the count is complete (docs/json.md).
#[derive(Serialize)]
pub struct ContestedJson<'g> {
    /// Disputes found (those `--limit` leaves out included).
    total: usize,
    /// Whether fewer are listed than found.
    truncated: bool,
    /// For how many concepts (in data order, or of those named) every dispute was
    /// worked out.
    concepts: usize,
    /// How many concepts were in question.
    of: usize,
    /// Why the work stopped short, if it did.
    stopped: Option<StopJson>,
    /// The disputes listed.
    disputes: Vec<DisputeJson<'g>>,
}

/// The disputes `listed` (of `total` found) within what `found` worked out, as JSON.
pub fn json_within<'g>(
    graph: &'g ConceptGraph,
    listed: &'g [Dispute],
    total: usize,
    found: &Contested,
) -> ContestedJson<'g> {
    ContestedJson {
        total,
        truncated: listed.len() < total,
        concepts: found.concepts,
        of: found.of,
        stopped: found.stop.map(StopJson::from),
        disputes: json(graph, listed),
    }
}

/// The notice of disputes the work budget did not reach, if any: which concepts the
/// list is complete for, and how to ask about the others.
pub fn stopped(
    graph: &ConceptGraph,
    found: &Contested,
    names: &[petgraph::graph::NodeIndex],
) -> String {
    let Some(Stop::Work(units)) = found.stop else {
        return String::new();
    };
    let text = if names.is_empty() {
        format!(
            "Disputes were worked out for the first {} of the {} concepts (in data order) only: \
             the work stopped after {units} units (one a claim gathered) of the {DISPUTE_WORK} \
             one query may do. Name concepts to ask about others: linkage contested NAME.",
            found.concepts, found.of
        )
    } else {
        let labels: Vec<&str> = names
            .iter()
            .map(|&n| graph.node(n).label.as_str())
            .collect();
        format!(
            "The disputes about {} need {units} units of work (one a claim gathered), more than \
             the {DISPUTE_WORK} one query may do: none were worked out. Name fewer concepts, or \
             ones with fewer claims.",
            labels.join(", ")
        )
    };
    styled(NOTICE, wrap(&text, "")) + "\n"
}
