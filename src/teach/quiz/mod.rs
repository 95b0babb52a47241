//! `linkage quiz`: questions a lecturer would set on the papers' argument, each with
//! choices drawn from the graph and a key giving every paper's answer with its source.
//! The same seed gives the same quiz: the choices come from a small seeded generator
//! (splitmix64) over candidates listed in data order.
//!
//! Six kinds of question ([`QuestionKind`]): what two concepts share, where they
//! differ, how they differ along one dimension (every paper's wording is an answer),
//! which papers disagree and on which side (the contradictions and tensions of the
//! disputes model; a framing is no disagreement), which paper says a sentence, and
//! which concept fills the gap in a two-step chain. Every wrong choice is one the graph
//! does not support: a neighbouring aspect, a paper on the other side, a concept next
//! to the chain. The key quotes at most [`QUOTES_PER_PAPER`] passage per paper and
//! answer, so a claim many papers back does not fill a page.
//!
//! The quiz is written as Markdown for the lecturer (with the key), as Markdown for
//! students (without it) or as Moodle XML ([`moodle`]) or GIFT ([`gift`]), which a
//! learning platform imports as multiple-choice questions.

mod ask;
pub mod gift;
pub mod markdown;
pub mod moodle;

use petgraph::graph::NodeIndex;

use crate::{
    dot::Lang, error::Error, graph::ConceptGraph, i18n::Messages, query::contested::ClaimRef,
    relation::Source,
};

/// Questions of each kind in a quiz (fewer when the graph has fewer).
pub const PER_KIND: usize = 2;

/// The most choices a question offers.
pub const MAX_CHOICES: usize = 5;

/// The most quotes the key gives for one paper's answer to one question.
pub const QUOTES_PER_PAPER: usize = 1;

/// The kinds of question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum QuestionKind {
    /// Which of these do the papers name as common ground between A and B?
    Shared,
    /// In which of these respects do the papers say A and B differ?
    Differs,
    /// How do A and B differ along dimension D? (Every paper's wording is an answer.)
    Positions,
    /// The papers disagree on a question: which paper gives this answer?
    Dispute,
    /// Which paper says this sentence?
    WhichPaper,
    /// A → ? → C: which concept fills the gap?
    Gap,
}

/// What a choice names, so that it can be checked against the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meaning {
    /// An aspect of common ground or a dimension of difference.
    Topic(NodeIndex),
    /// The two concepts' positions along a dimension (first concept's, second's).
    Positions(String, String),
    /// A paper, by id.
    Paper(String),
    /// A concept.
    Node(NodeIndex),
}

/// One choice offered to the student.
#[derive(Debug, Clone)]
pub struct Choice {
    /// The words shown, plain text.
    pub text: String,
    /// What it names.
    pub meaning: Meaning,
    /// Whether it is (one of) the right answer(s).
    pub correct: bool,
}

/// One answer in the key: what some papers say, with their sources (at most
/// [`QUOTES_PER_PAPER`] a paper).
#[derive(Debug, Clone)]
pub struct Answer<'g> {
    /// The answer, plain text.
    pub text: String,
    /// The papers giving it, ids in order of first appearance.
    pub papers: Vec<String>,
    /// The passages that say so.
    pub sources: Vec<&'g Source>,
}

/// One question: its prompt, its choices and its key.
#[derive(Debug, Clone)]
pub struct Question<'g> {
    /// The kind.
    pub kind: QuestionKind,
    /// The question, plain text.
    pub prompt: String,
    /// The choices, in the order shown; at least one right and one wrong.
    pub choices: Vec<Choice>,
    /// Every paper's answer, sourced.
    pub key: Vec<Answer<'g>>,
    /// Why the key is so, in a sentence (what kind of disagreement; what else the
    /// papers name), when there is more to say.
    pub note: Option<String>,
    /// The two concepts asked about: the pair compared, the ends of the chain, or the
    /// two ends of the sentence.
    pub pair: Option<(NodeIndex, NodeIndex)>,
    /// For [`QuestionKind::Positions`]: the dimension.
    pub topic: Option<NodeIndex>,
    /// The claims that make the right choices right: the sentence's relation, or the
    /// claims of the side asked about.
    pub claims: Vec<ClaimRef>,
}

impl QuestionKind {
    /// A short name for the kind, as a question bank lists it.
    pub fn title(self) -> &'static str {
        self.title_in(Lang::En)
    }

    /// [`QuestionKind::title`] in `lang`.
    pub fn title_in(self, lang: Lang) -> &'static str {
        Messages::of(lang).question_kind(self as usize)
    }
}

impl Question<'_> {
    /// Whether more than one choice is right (the student marks every one).
    pub fn several_right(&self) -> bool {
        self.choices.iter().filter(|c| c.correct).count() > 1
    }
}

/// splitmix64: tiny, well mixed, and the same on every platform.
pub(crate) struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Up to `n` distinct items of `items`, in the order drawn.
    fn pick<T: Clone>(&mut self, items: &[T], n: usize) -> Vec<T> {
        let mut pool: Vec<T> = items.to_vec();
        let mut out = Vec::new();
        while out.len() < n && !pool.is_empty() {
            let i = usize::try_from(self.next() % pool.len() as u64).unwrap_or(0);
            out.push(pool.swap_remove(i));
        }
        out
    }

    /// `items` in a drawn order.
    fn shuffle<T: Clone>(&mut self, items: &[T]) -> Vec<T> {
        self.pick(items, items.len())
    }
}

/// The quiz for the papers `papers` keeps and `seed`: [`PER_KIND`] questions of each
/// kind the graph gives, one of each kind, then the next of each. Questions about
/// papers (which paper says it, which papers disagree) are left out of one paper's
/// quiz, where they would be trivial.
///
/// # Errors
/// An unknown paper id.
pub fn quiz<'g>(
    graph: &'g ConceptGraph,
    papers: &crate::paper_filter::PaperFilter,
    seed: u64,
) -> Result<Vec<Question<'g>>, Error> {
    quiz_in(graph, papers, seed, Lang::En)
}

/// [`quiz`] worded in `lang`: the same questions and answers for the same seed (the
/// draw compares the English labels), their prompts, choices and key in `lang`'s
/// words, concepts by their names in it, quotes as the papers give them.
///
/// # Errors
/// An unknown paper id.
pub fn quiz_in<'g>(
    graph: &'g ConceptGraph,
    papers: &crate::paper_filter::PaperFilter,
    seed: u64,
    lang: Lang,
) -> Result<Vec<Question<'g>>, Error> {
    let mut rng = Rng(seed);
    let groups = ask::all(graph, papers, &mut rng, Messages::of(lang))?;
    let mut questions = Vec::new();
    for round in 0..PER_KIND {
        for group in &groups {
            if let Some(q) = group.get(round) {
                questions.push(q.clone());
            }
        }
    }
    Ok(questions)
}

/// How a quiz is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum QuizFormat {
    /// Markdown: the questions, then the key (or, with `--student`, no key).
    #[default]
    Markdown,
    /// Moodle XML: multiple-choice questions a learning platform imports, the key as
    /// each question's feedback.
    Moodle,
    /// GIFT: the same questions, grades and feedback in Moodle's plain-text format.
    Gift,
}
