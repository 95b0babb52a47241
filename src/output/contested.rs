//! `linkage contested`: the disputes, strongest first, each as a question and its
//! answers, every answer with its papers and (by default) one short quote.

use std::fmt::Write as _;

use serde::Serialize;

use crate::{
    dot::{node_label, Lang},
    i18n::Messages,
};

use super::{
    path::StopJson, relation_line_in, shape::ClaimJson, shape::FactJson, source_block, styled,
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

/// [`question()`] in `lang`: its words from the message table, the concepts by their
/// names in `lang`, a relation kind by its sentence form (`template_zh` in Chinese).
pub fn question_in(graph: &ConceptGraph, dispute: &Dispute, lang: Lang) -> String {
    let words = Messages::of(lang);
    let name = |ix| node_label(graph, ix, lang);
    let label = |i: usize| dispute.subject.get(i).map_or("", |&n| name(n));
    let topic = dispute.topic.map_or("", name);
    let property = dispute.property.as_deref().unwrap_or("");
    let respect = dispute.respect.map(name);
    match dispute.kind {
        Kind::Value | Kind::Classification if dispute.topic.is_none() => {
            // The property as the schema words it in `lang` (`label_zh`).
            let phrase = graph
                .schema()
                .properties
                .get(property)
                .map_or(property, |p| p.label_in(lang));
            match lang {
                Lang::En => format!("{} {phrase} …{}", label(0), words.question_mark()),
                Lang::Zh => format!("{}{phrase}…{}", label(0), words.question_mark()),
            }
        }
        Kind::Value | Kind::Classification => {
            words.common_ground_or_difference(label(0), label(1), topic, respect)
        }
        Kind::Valence => words.asset_or_liability(label(0), respect),
        Kind::Opposition => words.which_opposed_holds(label(0), label(1)),
        Kind::Direction => words.two_way_or_one_way(label(0), label(1)),
        Kind::Positions => words.differ_how(label(0), label(1), topic),
        Kind::Lists => match property {
            "common-ground" => words.what_they_share(label(0), label(1)),
            "differs" => words.where_they_differ(label(0), label(1)),
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
                        Lang::Zh => k.template_zh.clone().unwrap_or_else(|| k.template.clone()),
                        Lang::En => k.template.clone(),
                    },
                );
                let sentence = if arrow == "<-" {
                    template
                        .replace("{from}", words.what(true))
                        .replace("{to}", label(0))
                } else {
                    template
                        .replace("{from}", label(0))
                        .replace("{to}", words.what(false))
                };
                format!("{sentence}{}", words.question_mark())
            }
        },
        Kind::RelatedDifferently => words.how_related(label(0), label(1)),
    }
}

/// A strength by its English name, as the explorer's data gives it.
pub(crate) fn strength_name(strength: Strength) -> &'static str {
    match strength {
        Strength::Contradiction => "contradiction",
        Strength::Tension => "tension",
        Strength::Framing => "framing",
        Strength::Related => "related",
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
/// `all`) pairs related differently, numbered; in `lang`, quotes and the papers' own
/// words (values, positions) as the data gives them.
pub fn human(
    graph: &ConceptGraph,
    disputes: &[Dispute],
    evidence: Detail,
    all: bool,
    lang: Lang,
) -> String {
    let words = Messages::of(lang);
    let mut out = String::new();
    let of = |strength: Strength| disputes.iter().filter(|d| d.strength == strength).count();
    let (contradictions, tensions, framings, related) = (
        of(Strength::Contradiction),
        of(Strength::Tension),
        of(Strength::Framing),
        of(Strength::Related),
    );
    let summary = words.where_they_disagree(
        contradictions,
        tensions,
        framings,
        (!all && related > 0).then_some(related),
    );
    out.push_str(&wrap(&summary, ""));
    out.push_str(&index(graph, disputes, all, words));
    let sections = [
        (Strength::Contradiction, words.contradictions_section()),
        (Strength::Tension, words.tensions_section()),
        (Strength::Framing, words.framings_section()),
        (Strength::Related, words.related_section()),
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
                question_in(graph, dispute, lang),
                words.dispute_kind(dispute.kind)
            );
            out.push_str(&styled_wrap(&head));
            let shared = shared_items(dispute);
            for side in &dispute.sides {
                write_side(graph, &mut out, dispute, side, &shared, evidence, words);
            }
            for side in dispute.sides.iter().filter(|s| !s.also.is_empty()) {
                let names: Vec<&str> = side.also.iter().map(|p| graph.cite(p)).collect();
                let answer = words.fixed_answer(&side.answer).unwrap_or(&side.answer);
                let answer = answer.split([':', '：']).next().unwrap_or_default();
                out.push_str(&wrap_hanging(
                    &words.also_in_a_respect(answer, &names.join("; ")),
                    "   ",
                    "     ",
                ));
            }
            let both = dispute.on_several_sides();
            if !both.is_empty() && dispute.strength != Strength::Framing {
                let names: Vec<&str> = both.iter().map(|p| graph.cite(p)).collect();
                out.push_str(&wrap_hanging(
                    &words.on_several_sides(&names.join("; ")),
                    "   ",
                    "     ",
                ));
            }
            if dispute.kind == Kind::Lists && !shared.is_empty() {
                let names: Vec<&str> = shared.iter().map(|&n| node_label(graph, n, lang)).collect();
                out.push_str(&wrap_hanging(
                    &words.named_by_every_side(&names.join(words.item_separator())),
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
    words: Messages,
) {
    let lang = words.lang();
    let papers: Vec<&str> = side.papers.iter().map(|p| graph.cite(p)).collect();
    let answer = if dispute.kind == Kind::Lists {
        let own: Vec<&str> = side
            .items
            .iter()
            .filter(|i| !shared.contains(i))
            .map(|&n| node_label(graph, n, lang))
            .collect();
        let whole: Vec<&str> = side
            .papers
            .iter()
            .filter(|p| !side.partly.contains(p))
            .map(|p| graph.cite(p))
            .collect();
        let partly: Vec<&str> = side.partly.iter().map(|p| graph.cite(p)).collect();
        words.list_answer(
            &whole.join("; "),
            side.items.len(),
            &partly.join("; "),
            &own,
        )
    } else if let (Kind::Opposition, Some(&evidence)) = (dispute.kind, side.claims.first()) {
        // The opposed relation as a sentence, in names.
        format!(
            "{} — {}",
            super::sentence::claim_sentence_in(graph, evidence, lang),
            papers.join("; ")
        )
    } else if let (Kind::RelatedDifferently, Some(ClaimRef::Relation(edge))) =
        (dispute.kind, side.claims.first())
    {
        // The relation as every command prints one (two heads when symmetric).
        let line = relation_line_in(graph, graph.relation(*edge), lang);
        format!("{line} — {}", papers.join("; "))
    } else {
        format!(
            "{} — {}",
            answer_in(graph, dispute, side, lang),
            papers.join("; ")
        )
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

/// A side's answer in `lang`: the query's fixed answers (an asset or a liability, common
/// ground or a difference, one-way or two-way) said in that language and the concepts
/// named in it; values and the papers' positions kept as the data gives them.
pub fn answer_in(graph: &ConceptGraph, dispute: &Dispute, side: &Side, lang: Lang) -> String {
    if lang == Lang::En {
        return side.answer.clone();
    }
    let words = Messages::of(lang);
    if let Some(fixed) = words.fixed_answer(&side.answer) {
        return fixed.to_string();
    }
    let name = |ix| node_label(graph, ix, lang);
    match (dispute.kind, dispute.subject.as_slice()) {
        // A list's items, by their names in `lang`.
        (Kind::Lists, _) if !side.items.is_empty() => {
            let items: Vec<&str> = side.items.iter().map(|&n| name(n)).collect();
            items.join(words.item_separator())
        }
        (Kind::Direction, _) => {
            // The kinds of the side's relations, as the query lists them.
            let mut kinds: Vec<&str> = Vec::new();
            for claim in &side.claims {
                if let ClaimRef::Relation(edge) = claim {
                    let kind = lang.relation_kind(graph.kind_of(graph.relation(*edge)));
                    if !kinds.contains(&kind) {
                        kinds.push(kind);
                    }
                }
            }
            let two_way = side.answer.starts_with("two-way");
            words.way_answer(two_way, &kinds.join(words.list_separator()))
        }
        (Kind::Positions, &[a, b, ..]) => {
            // "A: position; B: position", the positions as the papers word them.
            let (en_a, en_b) = (&graph.node(a).label, &graph.node(b).label);
            let split = side
                .answer
                .strip_prefix(&format!("{en_a}: "))
                .and_then(|rest| rest.split_once(&format!("; {en_b}: ")));
            match split {
                Some((pa, pb)) => {
                    let colon = words.colon();
                    let sep = words.item_separator();
                    format!("{}{colon}{pa}{sep}{}{colon}{pb}", name(a), name(b))
                }
                None => side.answer.clone(),
            }
        }
        _ => side.answer.clone(),
    }
}

/// The first screen: each dispute shown below as one numbered line (its question and
/// strength), as many as fit 24 rows, so that the list answers "where do they disagree?"
/// before any evidence.
fn index(graph: &ConceptGraph, disputes: &[Dispute], all: bool, words: Messages) -> String {
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
    let mut out = format!("\n{}\n", styled(HEADING, words.at_a_glance()));
    // Each question by the names of what it is about, wrapped to two lines at most;
    // as many as fit the rows, the last row saying how many more follow.
    let mut rows = 0;
    let mut shown = 0;
    for (i, dispute) in listed.iter().enumerate() {
        // The index says how strong; the entry below says what kind.
        let tag = format!("[{}]", words.strength(dispute.strength));
        let number = format!("{:>3}. ", i + 1);
        let mut question = question_in(graph, dispute, words.lang());
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
        let _ = writeln!(out, "     {}", words.more_below(listed.len() - shown));
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
    stopped_in(graph, found, names, Lang::En)
}

/// [`stopped()`] in `lang`, the concepts by their names in `lang`.
pub fn stopped_in(
    graph: &ConceptGraph,
    found: &Contested,
    names: &[petgraph::graph::NodeIndex],
    lang: Lang,
) -> String {
    let Some(Stop::Work(units)) = found.stop else {
        return String::new();
    };
    let words = Messages::of(lang);
    let text = if names.is_empty() {
        words.disputes_for_first(found.concepts, found.of, units, DISPUTE_WORK)
    } else {
        let labels: Vec<&str> = names.iter().map(|&n| node_label(graph, n, lang)).collect();
        words.disputes_too_costly(&words.and_list(&labels), units, DISPUTE_WORK)
    };
    styled(NOTICE, wrap(&text, "")) + "\n"
}
