//! The arguments that say what a diagram shows and how it looks (`dot`, `render`,
//! `export`, the lessons), apart from `cli.rs` so each stays short.

use clap::Args;

use crate::{
    completion,
    dot::{Clustering, Lang, Look, Palette, Rankdir, Selection},
};

/// Which part of the graph a diagram shows. Without --focus, --path or --diff, the whole
/// graph (narrowed by --paper, --kind, --via, --min-papers and --top).
#[derive(Debug, Clone, Default, Args)]
#[command(group(clap::ArgGroup::new("anchor").args(["focus", "path"]).multiple(false)))]
pub struct SelectionArgs {
    /// Centre the diagram on these nodes (ids, labels, aliases or unique parts of them).
    #[arg(long, value_name = "NAME", num_args = 1..)]
    pub focus: Vec<String>,
    /// With --focus: how many relations away from the focus nodes to go [default: 1]. With
    /// --path: how much context around the chains to draw [default: 0, the other
    /// relations among their nodes].
    #[arg(long, value_name = "N", requires = "anchor")]
    pub depth: Option<usize>,
    /// Highlight the shortest chains of relations from FROM to TO (as `linkage path`
    /// finds them, walking what --via and --paper allow), in their context.
    #[arg(long, num_args = 2, value_names = ["FROM", "TO"])]
    pub path: Vec<String>,
    /// Only relations these papers assert (ids, citations, author names).
    #[arg(long = "paper", value_name = "PAPER", num_args = 1..)]
    pub papers: Vec<String>,
    /// Only nodes of these kinds (strategy, goal, ...); focus nodes are always kept.
    #[arg(long = "kind", value_name = "KIND", num_args = 1..)]
    pub kinds: Vec<String>,
    /// Only relations of these kinds (premise-of, common-ground, differs, ...); commas
    /// work too.
    #[arg(long, value_name = "KIND", num_args = 1.., value_delimiter = ',',
          add = completion::relation_kinds())]
    pub via: Vec<String>,
    /// Only relations at least N papers assert: what the papers agree on.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_papers: usize,
    /// Keep only the N nodes with the most relations in the selection (focus nodes stay),
    /// and the relations among them: the key concepts of a large selection.
    #[arg(long, value_name = "N", conflicts_with = "diff")]
    pub top: Option<usize>,
    /// Compare two nodes side by side: their common ground by aspect and their differences
    /// by dimension between them, and their direct relations (narrowed by --paper, --via
    /// and --min-papers).
    #[arg(long, num_args = 2, value_names = ["A", "B"], conflicts_with_all = ["focus", "kinds", "path"])]
    pub diff: Vec<String>,
}

impl SelectionArgs {
    /// The selection these arguments ask for.
    pub fn selection(&self) -> Selection {
        Selection {
            focus: self.focus.clone(),
            depth: self.depth.unwrap_or(usize::from(self.path.is_empty())),
            path: match self.path.as_slice() {
                [from, to] => Some((from.clone(), to.clone())),
                _ => None,
            },
            papers: self.papers.clone(),
            kinds: self.kinds.clone(),
            via: self.via.clone(),
            min_papers: self.min_papers,
            top: self.top,
            diff: match self.diff.as_slice() {
                [a, b] => Some((a.clone(), b.clone())),
                _ => None,
            },
        }
    }
}

/// How a diagram looks.
#[derive(Debug, Clone, Default, Args)]
pub struct LookArgs {
    /// Colour for screens and slides, or greyscale for print, where line styles carry
    /// the meaning.
    #[arg(long, value_enum, value_name = "STYLE", default_value_t)]
    pub style: Palette,
    /// Group nodes in boxes: by kind, by the one paper that links them, or not at all
    /// (not with --diff, whose figure is grouped into common ground and differences).
    #[arg(long, value_enum, value_name = "BY", default_value_t)]
    #[arg(conflicts_with = "diff")]
    pub cluster: Clustering,
    /// Add a legend of the node kinds and relation kinds shown.
    #[arg(long)]
    pub legend: bool,
    /// Layout direction: top to bottom (the default) or left to right (the default for --diff).
    #[arg(long, value_enum, value_name = "DIR")]
    pub rankdir: Option<Rankdir>,
    /// Name the papers asserting each relation on its edge.
    #[arg(long)]
    pub cite: bool,
    /// A title above the diagram.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// With --diff: show each side's position on every dimension, in the papers' words.
    #[arg(long, requires = "diff")]
    pub positions: bool,
}

impl LookArgs {
    /// The look these arguments ask for, its labels in `lang` (the global `--lang`).
    pub fn look(&self, lang: Lang) -> Look {
        Look {
            palette: self.style,
            rankdir: self.rankdir,
            lang,
            cluster: self.cluster,
            legend: self.legend,
            cite: self.cite,
            title: self.title.clone(),
            positions: self.positions,
        }
    }
}
