//! Relations as sentences, from the templates of the schema's relation kinds.

use crate::{
    dot::{node_label, Lang},
    graph::ConceptGraph,
    query::{comparison::topic_of, contested::ClaimRef, Hop},
    relation::{Relation, Source},
    schema::Role,
};

/// The sentence a hop's relation kind's template makes, filled with node labels.
///
/// A symmetric relation walked backwards is read in walking order (`from` and `to`, and
/// the two positions, swapped): "B and A share common ground in goals". An ordinary
/// relation walked against its direction (in an undirected walk) keeps its own
/// direction, so the sentence stays true: "B continues A". The verb after a plural
/// subject is put in the plural ("Village cadres drive").
/// The first letter is capitalised; aspect and dimension labels are lower-cased at the
/// start unless they begin with an acronym or a name.
pub fn hop_sentence(graph: &ConceptGraph, hop: &Hop) -> String {
    hop_sentence_in(graph, hop, Lang::En)
}

/// [`hop_sentence`] in `lang`: in Chinese, the kind's `template_zh` filled with the
/// nodes' Chinese labels (the English template with them where the schema has no
/// Chinese sentence); positions stay in the papers' words.
pub fn hop_sentence_in(graph: &ConceptGraph, hop: &Hop, lang: Lang) -> String {
    let relation = graph.relation(hop.edge);
    let kind = graph.kind_of(relation);
    let swap = kind.symmetric && !hop.forward;
    let (from, to) = if kind.symmetric {
        (hop.from, hop.to)
    } else {
        (relation.from, relation.to)
    };
    let label = |ix| node_label(graph, ix, lang);
    let positions = relation
        .positions
        .as_ref()
        .map(|p| if swap { p.swapped() } else { (**p).clone() });
    let dimension_label =
        |ix: Option<petgraph::graph::NodeIndex>| ix.map(|ix| lower_first(label(ix)));
    let fill = |name: &str| -> Option<String> {
        match name {
            "from" => Some(label(from).to_string()),
            "to" => Some(label(to).to_string()),
            "aspect" => dimension_label(relation.aspect),
            "dimension" => dimension_label(relation.dimension),
            "from_position" => positions.as_ref().map(|p| p.from.clone()),
            "to_position" => positions.as_ref().map(|p| p.to.clone()),
            _ => None,
        }
    };
    let template = match lang {
        Lang::Zh => kind.template_zh.as_ref().unwrap_or(&kind.template),
        Lang::En => &kind.template,
    };
    let mut text = String::new();
    let mut rest = template.as_str();
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after
            .find('}')
            .and_then(|close| fill(&after[..close]).map(|value| (close, value)));
        if let Some((close, value)) = filled {
            text.push_str(&value);
            rest = &after[close + 1..];
        } else {
            // Not a placeholder we know: keep the brace as written.
            text.push('{');
            rest = after;
        }
    }
    text.push_str(rest);
    let text = if template.starts_with("{from} ") && is_plural(label(from)) {
        agree_first_verb(&text, label(from).len())
    } else {
        text
    };
    upper_first(&text)
}

/// `text` with the word after its first `subject_len` bytes (the subject) in the
/// plural: "Village cadres drives X" → "Village cadres drive X". Templates are written
/// for a singular subject.
fn agree_first_verb(text: &str, subject_len: usize) -> String {
    let Some(after) = text.get(subject_len..).and_then(|t| t.strip_prefix(' ')) else {
        return text.to_string();
    };
    let (verb, tail) = after.split_at(after.find(' ').unwrap_or(after.len()));
    format!("{} {}{tail}", &text[..subject_len], plural_verb(verb))
}

/// The plural form of a third-person singular verb; other words unchanged.
fn plural_verb(verb: &str) -> String {
    match verb {
        "is" => return "are".into(),
        "has" => return "have".into(),
        "was" => return "were".into(),
        _ => {}
    }
    if let Some(stem) = verb.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["sses", "shes", "ches", "xes", "zes"] {
        if verb.ends_with(ending) {
            return verb[..verb.len() - 2].to_string();
        }
    }
    match verb.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && !stem.is_empty() => stem.to_string(),
        _ => verb.to_string(),
    }
}

/// Whether a node label names a plural subject ("Village cadres", "Social forces",
/// "Goals and means"), read from its head: the words before the first preposition.
/// A gerund ("Building civilized rural customs") and an uncountable ending ("-ics",
/// "-ness", "-ss", "-us", "-is") read as singular. A heuristic for sentence agreement
/// only; the label itself is never changed.
fn is_plural(label: &str) -> bool {
    const PREPOSITIONS: [&str; 12] = [
        "of", "in", "for", "with", "from", "to", "between", "among", "by", "on", "at", "as",
    ];
    let head: Vec<&str> = label
        .split([':', '('])
        .next()
        .unwrap_or(label)
        .split_whitespace()
        .take_while(|w| !PREPOSITIONS.contains(&w.to_lowercase().as_str()))
        .collect();
    let Some(first) = head.first() else {
        return false;
    };
    if first.to_lowercase().ends_with("ing") {
        return false;
    }
    if head
        .iter()
        .any(|w| w.eq_ignore_ascii_case("and") || w.ends_with(','))
    {
        return true;
    }
    let last = head.last().map_or(String::new(), |w| w.to_lowercase());
    last.ends_with('s')
        && !["ss", "us", "is", "ics", "ness"]
            .iter()
            .any(|ending| last.ends_with(ending))
}

/// A citation list for sentences: `Cite, locator: “quote”; Cite, locator: “quote”`.
pub fn cited<'s>(graph: &ConceptGraph, sources: impl IntoIterator<Item = &'s Source>) -> String {
    cited_with(graph, sources, true)
}

/// [`cited`], or without the quotes (`Cite, locator; Cite, locator`) for `--brief`.
pub fn cited_with<'s>(
    graph: &ConceptGraph,
    sources: impl IntoIterator<Item = &'s Source>,
    with_quotes: bool,
) -> String {
    let mut cited: Vec<String> = Vec::new();
    let mut seen: Vec<(&str, String)> = Vec::new();
    for s in sources {
        let cite = graph.cite(&s.paper);
        if !with_quotes {
            let line = format!("{cite}, {}", graph.short_locator(s));
            if !cited.contains(&line) {
                cited.push(line);
            }
            continue;
        }
        // A sentence cited once, however many of its clauses the paper is quoted for.
        let quote = graph.printed_quote(s).into_owned();
        if seen
            .iter()
            .any(|(p, q)| *p == s.paper.as_str() && *q == quote)
        {
            continue;
        }
        cited.push(format!("{cite}, {}: “{quote}”", graph.short_locator(s)));
        seen.push((s.paper.as_str(), quote));
    }
    cited.join("; ")
}

/// A relation's topic (a common ground's aspect or a difference's dimension, as
/// [`topic_of`] decides), lower-cased at the start like in sentences.
pub fn topic_words(graph: &ConceptGraph, relation: &Relation) -> Option<String> {
    topic_words_in(graph, relation, Lang::En)
}

/// [`topic_words`] named in `lang`.
pub fn topic_words_in(graph: &ConceptGraph, relation: &Relation, lang: Lang) -> Option<String> {
    let (_, ix) = topic_of(graph, relation)?;
    Some(lower_first(node_label(graph, ix, lang)))
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A claim as a sentence, in names: the relation kind's template (a difference
/// without its positions), or a fact's property and value.
pub fn claim_sentence(graph: &ConceptGraph, claim: ClaimRef) -> String {
    claim_sentence_in(graph, claim, Lang::En)
}

/// [`claim_sentence`] in `lang`.
pub fn claim_sentence_in(graph: &ConceptGraph, claim: ClaimRef, lang: Lang) -> String {
    match claim {
        ClaimRef::Relation(edge) => {
            let relation = graph.relation(edge);
            match (graph.role_of(relation), relation.dimension) {
                (Role::Difference, Some(dimension)) => crate::i18n::Messages::of(lang).differ_in(
                    node_label(graph, relation.from, lang),
                    node_label(graph, relation.to, lang),
                    &lower_initial(node_label(graph, dimension, lang)),
                ),
                _ => hop_sentence_in(
                    graph,
                    &Hop {
                        edge,
                        from: relation.from,
                        to: relation.to,
                        forward: true,
                    },
                    lang,
                ),
            }
        }
        ClaimRef::Fact(i) => fact_line_in(graph, &graph.facts()[i], lang),
    }
}

/// The first letter in lower case unless the second is upper case too (an acronym:
/// "CPC"): a concept's name inside a claim's sentence. Unlike `lower_first`, a name
/// ("Xi Jinping") is lowered too: what [`claim_sentence`] has always printed.
pub(crate) fn lower_initial(text: &str) -> String {
    let mut chars = text.chars();
    let second_upper = text.chars().nth(1).is_some_and(char::is_uppercase);
    match chars.next() {
        Some(first) if !second_upper => first.to_lowercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// "Goals" → "goals", but "CPC leadership" and "Xi Jinping" stay as they are: the
/// first letter is lowered only when the second is lower-case and the second word, if
/// any, is not capitalised (a name).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    let ordinary = match (chars.next(), chars.next()) {
        (Some(first), Some(second)) => first.is_uppercase() && second.is_lowercase(),
        _ => false,
    };
    let name = text
        .split_whitespace()
        .nth(1)
        .is_some_and(|second| second.chars().next().is_some_and(char::is_uppercase));
    if ordinary && !name {
        let mut chars = text.chars();
        chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        text.to_string()
    }
}

/// A fact as a sentence: `Targeted poverty alleviation was first put forward in 2013`.
pub fn fact_line(graph: &ConceptGraph, fact: &crate::fact::Fact) -> String {
    fact_line_in(graph, fact, Lang::En)
}

/// [`fact_line`] in `lang`: the concept's name and the property's wording in `lang`
/// (`label_zh`: `精准扶贫最早提出于 2013`), the value as the data gives it.
pub fn fact_line_in(graph: &ConceptGraph, fact: &crate::fact::Fact, lang: Lang) -> String {
    let property = graph
        .schema()
        .properties
        .get(&fact.property)
        .map_or(fact.property.as_str(), |p| p.label_in(lang));
    let subject = node_label(graph, fact.subject, lang);
    match lang {
        Lang::En => format!("{subject} {property} {}", fact.value),
        // A Chinese phrase follows the name without a space.
        Lang::Zh => format!("{subject}{property} {}", fact.value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plural_subject_takes_a_plural_verb() {
        for plural in [
            "Village cadres",
            "Social forces",
            "Five batches",
            "Grassroots Party members and the masses",
            "Economic policies",
        ] {
            assert!(is_plural(plural), "{plural}");
        }
        for singular in [
            "Rural revitalization",
            "Development of rural areas",
            "Lack of participation of farmers",
            "Building civilized rural customs",
            "The Communist Party of China",
            "Politics",
            "Farmers' subjectivity",
            "Progress",
        ] {
            assert!(!is_plural(singular), "{singular}");
        }
        assert_eq!(
            agree_first_verb("Village cadres drives X", "Village cadres".len()),
            "Village cadres drive X"
        );
        for (singular, plural) in [
            ("drives", "drive"),
            ("relies", "rely"),
            ("addresses", "address"),
            ("is", "are"),
            ("serves", "serve"),
            ("continues", "continue"),
            ("and", "and"),
        ] {
            assert_eq!(plural_verb(singular), plural);
        }
    }

    #[test]
    fn dimension_labels_are_lower_cased_unless_names() {
        assert_eq!(lower_first("Goals"), "goals");
        assert_eq!(
            lower_first("Nature: micro policy versus overall planning"),
            "nature: micro policy versus overall planning"
        );
        assert_eq!(lower_first("Xi Jinping"), "Xi Jinping");
        assert_eq!(lower_first("CPC leadership"), "CPC leadership");
        assert_eq!(
            upper_first("there is a transition"),
            "There is a transition"
        );
    }
}
