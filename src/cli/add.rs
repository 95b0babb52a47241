//! The arguments of `linkage add`, apart from `cli.rs` so each stays short.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::completion;

/// Arguments of `linkage add`.
#[derive(Debug, Clone, Args)]
pub struct AddArgs {
    /// Where the relation starts (id, label, alias, or a unique part of one).
    #[arg(add = completion::node_names())]
    pub from: String,
    /// The relation kind (see `linkage schema --kinds`).
    #[arg(add = completion::relation_kinds())]
    pub relation: String,
    /// Where the relation ends.
    #[arg(add = completion::node_names())]
    pub to: String,
    /// The paper making the claim.
    #[arg(long, add = completion::paper_names())]
    pub paper: String,
    /// The paper's words, copied from its text.
    #[arg(long)]
    pub quote: String,
    /// The section [default: the heading the quote falls under].
    #[arg(long)]
    pub locator: Option<String>,
    /// What is shared (for common-ground relations): a dimension node.
    #[arg(long, add = completion::node_names())]
    pub aspect: Option<String>,
    /// Along what the two differ (for difference relations): a dimension node.
    #[arg(long, add = completion::node_names())]
    pub dimension: Option<String>,
    /// FROM's position along the dimension, in the paper's words.
    #[arg(long, value_name = "TEXT")]
    pub from_position: Option<String>,
    /// TO's position along the dimension, in the paper's words.
    #[arg(long, value_name = "TEXT")]
    pub to_position: Option<String>,
    /// The respect the claim is made in, where the paper's words state it: a node (what
    /// a problem is a problem for, what common ground is shared in). `contested` asks
    /// its question in this respect.
    #[arg(long, value_name = "NODE", add = completion::node_names())]
    pub scope: Option<String>,
    /// A remark of yours, kept with the claim.
    #[arg(long)]
    pub note: Option<String>,
    /// When FROM names no node, create it as a node of this kind.
    #[arg(long, value_name = "KIND", add = completion::node_kinds())]
    pub from_kind: Option<String>,
    /// When TO names no node, create it as a node of this kind.
    #[arg(long, value_name = "KIND", add = completion::node_kinds())]
    pub to_kind: Option<String>,
    /// Another name of the node created for FROM (with --from-kind); repeat for more.
    #[arg(long, value_name = "NAME")]
    pub from_alias: Vec<String>,
    /// The Chinese label of the node created for FROM (with --from-kind).
    #[arg(long, value_name = "LABEL")]
    pub from_label_zh: Option<String>,
    /// Another name of the node created for TO (with --to-kind); repeat for more.
    #[arg(long, value_name = "NAME")]
    pub to_alias: Vec<String>,
    /// The Chinese label of the node created for TO (with --to-kind).
    #[arg(long, value_name = "LABEL")]
    pub to_label_zh: Option<String>,
    /// The data file to add to: a bare NAME.json directly inside the dataset, the only
    /// files linkage reads (not schema.json) [default: the file holding most of the
    /// paper's claims, else PAPER.json].
    #[arg(long, value_name = "NAME.json")]
    pub file: Option<String>,
    /// Directory of the papers' texts [default: DIR/texts].
    #[arg(long, value_name = "DIR")]
    pub sources: Option<PathBuf>,
    /// Who encoded the claim (your name or initials).
    #[arg(long, value_name = "NAME")]
    pub encoded_by: Option<String>,
    /// Who read the claim against the paper after it was encoded (not the encoder:
    /// `check --unreviewed` lists what no second person has read).
    #[arg(long, value_name = "NAME")]
    pub reviewed_by: Option<String>,
    /// Whether the quote states the paper's own argument (thesis) or the paper
    /// reporting others (reported).
    #[arg(long, value_enum)]
    pub voice: Option<VoiceArg>,
    /// How much of the text to print for it: the sentence the quote is in (the
    /// default), or the quote as encoded.
    #[arg(long, value_enum)]
    pub extent: Option<ExtentArg>,
}

/// `--voice`: whose claim the quote states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VoiceArg {
    /// The paper's own argument.
    Thesis,
    /// The paper reporting what others say or hold.
    Reported,
}

impl VoiceArg {
    /// The name written in the data.
    pub fn name(self) -> &'static str {
        match self {
            Self::Thesis => "thesis",
            Self::Reported => "reported",
        }
    }
}

/// `--extent`: how much of the text to print for a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtentArg {
    /// The sentence the quote is in.
    Sentence,
    /// The quote as encoded.
    Quote,
}

impl ExtentArg {
    /// The name written in the data.
    pub fn name(self) -> &'static str {
        match self {
            Self::Sentence => "sentence",
            Self::Quote => "quote",
        }
    }
}
