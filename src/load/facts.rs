//! Checking the facts of a data file: each names a known node, a property the schema
//! declares, a value of the property's type, and sources like a relation's.

use super::{
    parts::Parts,
    problems::{quote_list, Problems},
    rules::check_source,
};
use crate::spelling::closest;
use crate::{fact::Fact, records::FactRecord, relation::Origin};

/// The facts of `file` that check; each problem reported once, at its field.
pub(super) fn check_facts(
    parts: &Parts,
    file: usize,
    records: Vec<FactRecord>,
    problems: &mut Problems,
) -> Vec<Fact> {
    records
        .into_iter()
        .enumerate()
        .filter_map(|(i, record)| check_fact(parts, file, i, record, problems))
        .collect()
}

fn check_fact(
    parts: &Parts,
    file: usize,
    i: usize,
    record: FactRecord,
    problems: &mut Problems,
) -> Option<Fact> {
    let at = format!("/facts/{i}");
    let n = i + 1;
    let before = problems.list.len();
    let subject = parts.ids.get(&record.subject).copied();
    if subject.is_none() && !parts.unavailable.contains(&record.subject) {
        let near = closest(
            &record.subject,
            parts.graph.node_weights().map(|n| n.id.as_str()),
            3,
        );
        let problem = problems.at(
            file,
            format!("{at}/subject"),
            format!("unknown node `{}` in `subject` of fact {n}", record.subject),
        );
        if !near.is_empty() {
            problem.hint(format!("did you mean {}?", quote_list(&near)));
        }
    }
    match parts.schema.properties.get(&record.property) {
        None => {
            let known: Vec<&str> = parts.schema.properties.keys().map(String::as_str).collect();
            let near = closest(&record.property, known.iter().copied(), 3);
            let problem = problems.at(
                file,
                format!("{at}/property"),
                format!("unknown property `{}` in fact {n}", record.property),
            );
            if near.is_empty() {
                problem.hint(format!(
                    "the schema's properties are {}",
                    if known.is_empty() {
                        "none: declare them in schema.json under \"properties\"".to_string()
                    } else {
                        known.join(", ")
                    }
                ));
            } else {
                problem.hint(format!("did you mean {}?", quote_list(&near)));
            }
        }
        Some(property) if !record.value.has_type(property.value) => {
            problems
                .at(
                    file,
                    format!("{at}/value"),
                    format!(
                        "`{}` takes {}, but fact {n} gives {}",
                        record.property,
                        property.value,
                        record.value.value_type()
                    ),
                )
                .hint("write the value as {\"year\": 2013}, {\"date\": \"2018-06\"}, {\"number\": 3} or {\"text\": \"...\"}");
        }
        Some(_) => {}
    }
    if record.sources.is_empty() {
        problems
            .at(file, at.clone(), format!("fact {n} has no source"))
            .hint("add \"sources\": [{\"paper\": ..., \"locator\": ..., \"quote\": ...}] with a verbatim quote");
    }
    for (j, source) in record.sources.iter().enumerate() {
        let at = format!("{at}/sources/{j}");
        let item = format!("fact {n}");
        check_source(parts, file, &at, &item, j, source.fields(), problems);
    }
    if problems.list.len() > before {
        return None;
    }
    let index = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    Some(Fact {
        subject: subject?,
        property: record.property,
        value: record.value,
        sources: record
            .sources
            .into_iter()
            .enumerate()
            .map(|(j, s)| {
                let origin = Origin {
                    file: index(file),
                    relation: index(i),
                    source: index(j),
                    in_facts: true,
                };
                s.fields().to_source(origin)
            })
            .collect(),
        note: record.note,
    })
}
