//! The rules a record must keep: what makes a paper, a node, a relation and a source
//! valid, each broken rule reported once with a hint. The part of loading a maintainer
//! changes most, kept apart from the performance work in `build.rs`.

use std::{borrow::Cow, collections::hash_map::Entry};

use petgraph::graph::NodeIndex;

use crate::{
    node::{is_kebab_case, Node},
    paper::Paper,
    records::{RelationRecord, SourceView},
    relation::{Extent, Origin, Positions, Relation, Voice, MAX_LOCATOR_BYTES},
    schema::Role,
    spelling::closest,
};

use super::{
    parts::{Definitions, Parts},
    problems::{quote_list, ItemPointer, Problems},
};

pub(super) fn add_paper(
    parts: &mut Parts,
    defs: &mut Definitions,
    file: usize,
    i: usize,
    paper: Paper,
    problems: &mut Problems,
) {
    let at = ItemPointer("papers", i);
    if paper.id.trim().is_empty() {
        problems.at(file, format!("{at}/id"), "paper has an empty id");
        return;
    }
    if paper.file.trim().is_empty() {
        problems
            .at(
                file,
                format!("{at}/file"),
                format!("paper `{}` names no text file", paper.id),
            )
            .hint("`file` is the name of the paper's plain-text file, used by `check --sources`");
    } else if let Some(reason) = crate::text_store::unsafe_text_name(&paper.file) {
        problems
            .at(
                file,
                format!("{at}/file"),
                format!("the `file` of paper `{}` {reason}", paper.id),
            )
            .hint("quotes are checked against `DIR/<file>`; linkage reads no text outside DIR");
    }
    match defs.entry(paper.id.clone()) {
        Entry::Occupied(first) => {
            let (first_file, first_at) = *first.get();
            problems
                .at(
                    file,
                    format!("{at}/id"),
                    format!("duplicate paper id `{}`", paper.id),
                )
                .see("first defined at", first_file, format!("{first_at}/id"));
        }
        Entry::Vacant(slot) => {
            slot.insert((file, at));
            parts.papers.insert(paper.id.clone(), paper);
        }
    }
}

pub(super) fn add_node(
    parts: &mut Parts,
    defs: &mut Definitions,
    file: usize,
    i: usize,
    node: Node,
    problems: &mut Problems,
) {
    let at = ItemPointer("nodes", i);
    let mut ok = true;
    if !is_kebab_case(&node.id) {
        ok = false;
        problems
            .at(
                file,
                format!("{at}/id"),
                format!("node id `{}` is not kebab-case", node.id),
            )
            .hint("ids are lower-case words joined by hyphens, like `rural-revitalization`");
    }
    if !parts.schema.node_kinds.contains_key(node.kind.as_str()) {
        ok = false;
        let kinds: Vec<&str> = parts.schema.node_kinds.keys().map(String::as_str).collect();
        let near = closest(&node.kind, kinds.iter().copied(), 3);
        problems
            .at(
                file,
                format!("{at}/kind"),
                format!("unknown node kind `{}` for node `{}`", node.kind, node.id),
            )
            .hint(if near.is_empty() {
                format!("node kinds: {}", kinds.join(", "))
            } else {
                format!(
                    "did you mean {}? (node kinds: {})",
                    quote_list(&near),
                    kinds.join(", ")
                )
            });
    }
    if node.label.trim().is_empty() {
        ok = false;
        problems.at(
            file,
            format!("{at}/label"),
            format!("node `{}` has an empty label", node.id),
        );
    }
    if let Some((first_file, first_at)) = defs.get(&node.id) {
        problems
            .at(
                file,
                format!("{at}/id"),
                format!("duplicate node id `{}`", node.id),
            )
            .see("first defined at", *first_file, format!("{first_at}/id"));
        return;
    }
    defs.insert(node.id.clone(), (file, at));
    if !ok {
        parts.unavailable.insert(node.id);
        return;
    }
    parts.node_kinds.push(node.kind);
    let ix = parts.graph.add_node(node);
    let node = &parts.graph[ix];
    parts.ids.insert(&node.id, ix);
    // The label, then each alias by its position; pointers are formatted for a problem.
    let named = std::iter::once((None, &node.label))
        .chain(node.aliases.iter().enumerate().map(|(j, a)| (Some(j), a)));
    for (alias, name) in named {
        let key = name.to_lowercase();
        match parts.names.entry(key) {
            Entry::Occupied(owner) if *owner.get() != ix => {
                let other = &parts.graph[*owner.get()].id;
                let pointer = match alias {
                    None => format!("{at}/label"),
                    Some(j) => format!("{at}/aliases/{j}"),
                };
                problems
                    .at(file, pointer, format!("name \"{name}\" of node `{}` already belongs to node `{other}`", node.id))
                    .hint("names (labels and aliases) are compared case-insensitively and must be unique; merge the nodes or drop the alias");
            }
            Entry::Occupied(_) => {}
            Entry::Vacant(slot) => {
                slot.insert(ix);
            }
        }
    }
}

/// Resolves one relation record, reporting every problem in it. `None` if any.
pub(super) fn check_relation(
    parts: &Parts,
    file: usize,
    i: usize,
    record: RelationRecord<'_>,
    problems: &mut Problems,
) -> Option<Relation> {
    let at = ItemPointer("relations", i);
    // Positions are shown counting from 1: "relation 6" is the sixth.
    let n = i + 1;
    let before = problems.list.len();
    let node = |field: &str, id: &str, problems: &mut Problems| -> Option<NodeIndex> {
        let found = parts.ids.get(id).copied();
        if found.is_none() && !parts.unavailable.contains(id) {
            let problem = problems.at(
                file,
                format!("{at}/{field}"),
                format!("unknown node `{id}` in `{field}` of relation {n}"),
            );
            let near = closest(id, parts.graph.node_weights().map(|n| n.id.as_str()), 3);
            if !near.is_empty() {
                problem.hint(format!("did you mean {}?", quote_list(&near)));
            }
        }
        found
    };
    // Through the symbols' map, hashed with Fx, not the schema's (SipHash): once a
    // relation, on the checking threads.
    let symbol = parts
        .kind_numbers
        .get_key_value(record.kind.as_ref())
        .map(|(&symbol, &number)| (symbol, usize::from(number)));
    let kind = symbol.map(|(_, number)| &parts.schema.relation_kinds[number]);
    if kind.is_none() {
        let near = closest(
            &record.kind,
            parts.schema.relation_kinds.keys().map(String::as_str),
            3,
        );
        let problem = problems.at(
            file,
            format!("{at}/kind"),
            format!("unknown relation kind `{}`", record.kind),
        );
        let all: Vec<&str> = parts
            .schema
            .relation_kinds
            .keys()
            .map(String::as_str)
            .collect();
        problem.hint(if near.is_empty() {
            format!("relation kinds: {}", all.join(", "))
        } else {
            format!("did you mean {}?", quote_list(&near))
        });
    }
    let from = node("from", &record.from, problems);
    let to = node("to", &record.to, problems);
    let scope = record
        .scope
        .as_deref()
        .map(|scope| node("scope", scope, problems));
    if let (Some(from), Some(to)) = (from, to) {
        if from == to {
            problems.at(
                file,
                format!("{at}/to"),
                format!("relation {n} links `{}` to itself", record.from),
            );
        }
    }
    if let Some(kind) = kind {
        for (end, ix, allowed, list) in [
            (
                "from",
                from,
                from.map(|f| kind.allows_from(parts.node_kinds[f.index()])),
                &kind.from,
            ),
            (
                "to",
                to,
                to.map(|t| kind.allows_to(parts.node_kinds[t.index()])),
                &kind.to,
            ),
        ] {
            if allowed == Some(false) {
                let n = &parts.graph[ix.expect("allowed is Some only with a node")];
                problems
                    .at(
                        file,
                        format!("{at}/{end}"),
                        format!(
                            "`{}` cannot have a {} node at its `{end}` end (`{}` is a {})",
                            record.kind, n.kind, n.id, n.kind
                        ),
                    )
                    .hint(format!(
                        "`{}` allows {} there",
                        record.kind,
                        list.join(", ")
                    ));
            }
        }
        check_role(parts, file, at, &record, kind.role, problems);
    }
    if record.sources.is_empty() {
        problems
            .at(file, at.to_string(), format!("relation {n} (`{}` from `{}` to `{}`) has no source", record.kind, record.from, record.to))
            .hint("add \"sources\": [{\"paper\": ..., \"locator\": ..., \"quote\": ...}] with a verbatim quote");
    }
    for (j, source) in record.sources.iter().enumerate() {
        check_source(
            parts,
            file,
            &format_args!("{at}/sources/{j}"),
            &format_args!("relation {n}"),
            j,
            source.fields(),
            problems,
        );
    }
    if problems.list.len() > before {
        return None;
    }
    let id = |field: &Option<Cow<'_, str>>| {
        field
            .as_ref()
            .and_then(|id| parts.ids.get(id.as_ref()).copied())
    };
    let (aspect, dimension) = (id(&record.aspect), id(&record.dimension));
    // Not `collect()`: it would reuse the parsed records' buffer in place, which serde
    // grew to room for four, so each of a million relations would keep 256 bytes for
    // its one source.
    let mut sources = Vec::with_capacity(record.sources.len());
    sources.extend(record.sources.iter().enumerate().map(|(j, s)| {
        let origin = Origin {
            file: u32::try_from(file).unwrap_or(u32::MAX),
            relation: u32::try_from(i).unwrap_or(u32::MAX),
            source: u32::try_from(j).unwrap_or(u32::MAX),
            in_facts: false,
        };
        s.fields().to_source(origin)
    }));
    Some(Relation {
        kind: symbol?.0,
        from: from?,
        to: to?,
        aspect,
        dimension,
        scope: scope.flatten(),
        positions: record.positions.map(Box::new),
        sources,
        notes: record.note.into_iter().map(Cow::into_owned).collect(),
    })
}

/// Checks source `j` (0-based) of `item` ("relation 6", "fact 2") at pointer `at`: it
/// names a known paper and carries a quote; its locator fits; the names of who encoded
/// and reviewed it are names; its voice and extent are ones linkage knows. The one check
/// of a source, for relations and facts alike. An omitted locator is derived from the
/// text by `check` (src/quotes.rs). `at` and `item` are formatted only for a problem.
pub(super) fn check_source(
    parts: &Parts,
    file: usize,
    at: &dyn std::fmt::Display,
    item: &dyn std::fmt::Display,
    j: usize,
    source: SourceView<'_>,
    problems: &mut Problems,
) {
    let k = j + 1;
    let paper = source.paper;
    if paper.is_empty() {
        problems.at(
            file,
            at.to_string(),
            format!("source {k} of {item} names no paper"),
        );
    } else if !parts.papers.contains_key(paper) && !parts.unavailable.contains(paper) {
        let near = closest(paper, parts.papers.keys().map(String::as_str), 3);
        let problem = problems.at(
            file,
            format!("{at}/paper"),
            format!("unknown paper `{paper}`"),
        );
        if !near.is_empty() {
            problem.hint(format!("did you mean {}?", quote_list(&near)));
        }
    }
    if source.quote.trim().is_empty() {
        problems
            .at(
                file,
                at.to_string(),
                format!("source {k} of {item} has no quote"),
            )
            .hint("every claim carries a sentence or clause copied verbatim from the paper");
    }
    if source.locator.len() > MAX_LOCATOR_BYTES {
        problems
            .at(
                file,
                format!("{at}/locator"),
                format!(
                    "the locator of source {k} of {item} is {} bytes long, more than {MAX_LOCATOR_BYTES}",
                    source.locator.len()
                ),
            )
            .hint("a locator names a section: its number or heading");
    }
    for (field, name) in [
        ("encoded_by", source.encoded_by),
        ("reviewed_by", source.reviewed_by),
    ] {
        let Some(name) = name else { continue };
        if name.trim().is_empty() || name.trim() != name || name.chars().any(char::is_control) {
            problems
                .at(
                    file,
                    format!("{at}/{field}"),
                    format!("`{field}` of source {k} of {item} is not a name: {name:?}"),
                )
                .hint("give the person's name (or initials), without surrounding spaces or control characters; leave the field out when it is not known");
        }
    }
    if let Some(voice) = source.voice.filter(|v| Voice::parse(v).is_none()) {
        problems
            .at(
                file,
                format!("{at}/voice"),
                format!("unknown voice `{voice}` in source {k} of {item}"),
            )
            .hint("`thesis` (the paper's own argument) or `reported` (the paper reporting others); leave it out when unsure");
    }
    if let Some(extent) = source.extent.filter(|e| Extent::parse(e).is_none()) {
        problems
            .at(
                file,
                format!("{at}/extent"),
                format!("unknown extent `{extent}` in source {k} of {item}"),
            )
            .hint("`sentence` (print the sentence the quote is in, the default) or `quote` (print the quote as encoded)");
    }
}

/// Checks the fields a relation kind's role requires or forbids.
pub(super) fn check_role(
    parts: &Parts,
    file: usize,
    at: ItemPointer,
    record: &RelationRecord<'_>,
    role: Role,
    problems: &mut Problems,
) {
    let kind = &record.kind;
    let dimension_field = |field: &str,
                           value: &Option<Cow<'_, str>>,
                           required: bool,
                           problems: &mut Problems| match value {
        None if required => {
            problems
                .at(
                    file,
                    at.to_string(),
                    format!("`{kind}` relation lacks `{field}`"),
                )
                .hint(format!(
                    "`{field}` names the dimension node, for example \"dim-goals\""
                ));
        }
        None => {}
        Some(_) if !required => {
            problems.at(
                file,
                format!("{at}/{field}"),
                format!(
                    "`{field}` is only for {} relations, not `{kind}`",
                    if field == "aspect" {
                        "common-ground"
                    } else {
                        "difference"
                    }
                ),
            );
        }
        Some(id) => match parts.ids.get(id.as_ref()) {
            None if parts.unavailable.contains(id.as_ref()) => {}
            None => {
                let dims = parts
                    .graph
                    .node_weights()
                    .filter(|n| n.kind == "dimension")
                    .map(|n| n.id.as_str());
                let near = closest(id, dims, 3);
                let problem = problems.at(
                    file,
                    format!("{at}/{field}"),
                    format!("unknown dimension `{id}` in `{field}`"),
                );
                if !near.is_empty() {
                    problem.hint(format!("did you mean {}?", quote_list(&near)));
                }
            }
            Some(&ix) if parts.graph[ix].kind != "dimension" => {
                problems.at(
                    file,
                    format!("{at}/{field}"),
                    format!(
                        "`{field}` must name a dimension node, but `{id}` is a {}",
                        parts.graph[ix].kind
                    ),
                );
            }
            Some(_) => {}
        },
    };
    dimension_field(
        "aspect",
        &record.aspect,
        role == Role::CommonGround,
        problems,
    );
    dimension_field(
        "dimension",
        &record.dimension,
        role == Role::Difference,
        problems,
    );
    match (&record.positions, role == Role::Difference) {
        (None, true) => {
            problems
                .at(file, at.to_string(), format!("`{kind}` relation lacks `positions`"))
                .hint("give each side's position: \"positions\": {\"from\": \"...\", \"to\": \"...\"}");
        }
        (Some(_), false) => {
            problems.at(
                file,
                format!("{at}/positions"),
                format!("`positions` is only for difference relations, not `{kind}`"),
            );
        }
        (Some(Positions { from, to }), true) => {
            for (side, text) in [("from", from), ("to", to)] {
                if text.trim().is_empty() {
                    problems.at(
                        file,
                        format!("{at}/positions/{side}"),
                        format!("the `{side}` position is empty"),
                    );
                }
            }
        }
        (None, false) => {}
    }
}
