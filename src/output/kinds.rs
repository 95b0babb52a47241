//! `linkage schema --kinds`: the kinds in force as a short table a scholar reads before
//! writing claims: each node kind with what it is, each relation kind as the arrow it is
//! written with, the node kinds it may join, what it means and how it relates to other
//! kinds. The styling the schema also carries stays in `--json`.

use std::fmt::Write as _;

use super::{styled, wrap, wrap_hanging, HEADING};
use crate::{
    arrow::{arrow, Way},
    schema::{Role, Schema},
};

/// The kinds of `schema`, as text.
pub(crate) fn kinds(schema: &Schema) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        styled(HEADING, format!("Node kinds ({})", schema.node_kinds.len()))
    );
    for (name, kind) in &schema.node_kinds {
        let zh = kind
            .label_zh
            .as_deref()
            .map_or_else(String::new, |zh| format!(" ({zh})"));
        out.push_str(&wrap_hanging(
            &format!("{name}{zh}: {}", kind.description),
            "  ",
            "      ",
        ));
    }
    let _ = writeln!(
        out,
        "\n{}",
        styled(
            HEADING,
            format!(
                "Relation kinds ({}), each written FROM {} TO",
                schema.relation_kinds.len(),
                arrow("label", Way::Along)
            )
        )
    );
    for (name, kind) in &schema.relation_kinds {
        let ends = |kinds: &[crate::symbol::Symbol]| {
            if kinds.is_empty() {
                "any kind".to_string()
            } else {
                kinds
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        let _ = writeln!(out, "  {name} {}", arrow(&kind.label, Way::of(kind, true)));
        out.push_str(&wrap(
            &format!("from {}; to {}", ends(&kind.from), ends(&kind.to)),
            "      ",
        ));
        out.push_str(&wrap(&kind.description, "      "));
        let mut logic = Vec::new();
        match kind.role {
            Role::CommonGround => logic.push("common ground: names an aspect".to_string()),
            Role::Difference => {
                logic.push("difference: names a dimension and both sides' positions".into());
            }
            Role::Ordinary => {}
        }
        if let Some(inverse) = &kind.inverse {
            logic.push(format!("inverse of {inverse}"));
        }
        if !kind.implies.is_empty() {
            logic.push(format!("implies {}", kind.implies.join(", ")));
        }
        if !kind.opposes.is_empty() {
            logic.push(format!("opposes {}", kind.opposes.join(", ")));
        }
        if kind.symmetric {
            logic.push("symmetric".into());
        }
        if !logic.is_empty() {
            out.push_str(&wrap(&logic.join("; "), "      "));
        }
    }
    out.push_str(&wrap(
        "\n`linkage schema --kinds --json` prints the whole schema, styles included.",
        "",
    ));
    out
}
