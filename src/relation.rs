//! A typed, sourced relation between two nodes.

use petgraph::graph::NodeIndex;
use serde::{Deserialize, Serialize};

use crate::symbol::Symbol;

/// A relation in the graph. Identical claims from several files are merged into one
/// relation whose sources are the union, so agreement between papers is visible.
#[derive(Debug, Clone)]
pub struct Relation {
    /// Relation kind, declared in the schema.
    pub kind: Symbol,
    /// Source node.
    pub from: NodeIndex,
    /// Target node.
    pub to: NodeIndex,
    /// For common-ground relations: the dimension node naming what is shared.
    pub aspect: Option<NodeIndex>,
    /// For difference relations: the dimension node along which the two differ.
    pub dimension: Option<NodeIndex>,
    /// The respect the claim is made in, when the data states one: what a concept is an
    /// asset or a problem *for* (src/logic). Claims in different respects answer
    /// different questions, so they never contradict each other.
    pub scope: Option<NodeIndex>,
    /// For difference relations: each side's position in the paper's words. Boxed:
    /// few relations have positions, and every relation would otherwise carry the room.
    pub positions: Option<Box<Positions>>,
    /// Who says so; never empty.
    pub sources: Vec<Source>,
    /// Remarks by the encoders. A boxed slice, not a `Vec`: notes are few and set once
    /// (grown only when claims merge), and the 8 bytes saved keep a relation at 96.
    pub notes: Box<[String]>,
}

/// Each side's position on a difference.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Positions {
    /// The `from` node's position.
    pub from: String,
    /// The `to` node's position.
    pub to: String,
}

impl Positions {
    /// The same positions read from the other side.
    #[must_use]
    pub fn swapped(&self) -> Self {
        Self {
            from: self.to.clone(),
            to: self.from.clone(),
        }
    }
}

/// Where a claim comes from: a paper, a place in it and the words it uses; and, where
/// the data says, who encoded it, who reviewed it, whether it is the paper's own thesis
/// or the paper reporting others, and how much of the text to print for it.
///
/// The locator, the quote and the names share one allocation: a large dataset holds a
/// million sources, and two small allocations each cost more in malloc's rounding than
/// the text itself (bench/HISTORY.md). Read them with [`Source::locator`], [`Source::quote`],
/// [`Source::encoded_by`] and [`Source::reviewed_by`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "SourceFields", into = "SourceFields")]
pub struct Source {
    /// Paper id.
    pub paper: Symbol,
    /// The locator, the quote, then (only when either is known) a U+001F, who encoded
    /// the claim, a U+001F, who reviewed it. Names never hold control characters (the
    /// loader refuses them), so the separator cannot occur in one.
    text: Box<str>,
    /// Where the locator ends in `text` (the loader refuses longer locators).
    locator_len: u16,
    /// How much of the text human output prints.
    extent: Extent,
    /// Whose claim the quote states.
    voice: Voice,
    /// The quote's length in `text`.
    quote_len: u32,
    /// Where the claim is written in the data, for diagnostics.
    pub origin: Origin,
}

/// How much of the paper's text human output prints for a source.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Extent {
    /// The sentence (or sentences) the quote is in: the default.
    #[default]
    Sentence,
    /// The quote as encoded, marked `…` where its sentence goes on: for a sentence
    /// that runs on far beyond the claim, or one the sentence rules misjudge.
    Quote,
}

/// Whose claim a quote states.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Voice {
    /// Not recorded.
    #[default]
    Unknown,
    /// The paper's own argument.
    Thesis,
    /// The paper reporting what others say (a literature review, a policy document,
    /// a view it goes on to criticise).
    Reported,
}

impl Voice {
    /// The voice named `name` in the data; `None` for any other name.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "thesis" => Some(Self::Thesis),
            "reported" => Some(Self::Reported),
            _ => None,
        }
    }

    /// The name as written in the data (`thesis`, `reported`); `None` when unknown.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Self::Unknown => None,
            Self::Thesis => Some("thesis"),
            Self::Reported => Some("reported"),
        }
    }
}

impl Extent {
    /// The extent named `name` in the data; `None` for any other name.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "sentence" => Some(Self::Sentence),
            "quote" => Some(Self::Quote),
            _ => None,
        }
    }

    /// The name as written in the data.
    pub fn name(self) -> &'static str {
        match self {
            Self::Sentence => "sentence",
            Self::Quote => "quote",
        }
    }
}

/// Who stands behind a source besides its paper: who encoded it, who reviewed it,
/// whose claim it states. Every part may be unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Attribution<'a> {
    /// Who encoded the claim.
    pub encoded_by: Option<&'a str>,
    /// Who read the claim against the paper after it was encoded.
    pub reviewed_by: Option<&'a str>,
    /// Whether the quote is the paper's thesis or the paper reporting others.
    pub voice: Voice,
}

/// Separates the names from the quote in a source's text.
const NAME_SEPARATOR: char = '\u{1f}';

/// The longest locator a source holds, in bytes.
pub const MAX_LOCATOR_BYTES: usize = u16::MAX as usize;

impl Source {
    /// A source citing `paper` at `locator` with `quote`, read from `origin`, with
    /// nothing known of who encoded it.
    #[must_use]
    pub fn new(paper: Symbol, locator: &str, quote: &str, origin: Origin) -> Self {
        Self::attributed(paper, locator, quote, Attribution::default(), origin)
    }

    /// A source with what is known of who stands behind it. A locator longer than
    /// [`MAX_LOCATOR_BYTES`] is cut there (the loader refuses one); a control character
    /// in a name is dropped (the loader refuses those too).
    #[must_use]
    pub fn attributed(
        paper: Symbol,
        locator: &str,
        quote: &str,
        who: Attribution<'_>,
        origin: Origin,
    ) -> Self {
        let mut locator_end = locator.len().min(MAX_LOCATOR_BYTES);
        while !locator.is_char_boundary(locator_end) {
            locator_end -= 1;
        }
        let locator = &locator[..locator_end];
        let names = who.encoded_by.is_some() || who.reviewed_by.is_some();
        let name_room = if names {
            2 + who.encoded_by.map_or(0, str::len) + who.reviewed_by.map_or(0, str::len)
        } else {
            0
        };
        let mut text = String::with_capacity(locator.len() + quote.len() + name_room);
        text.push_str(locator);
        text.push_str(quote);
        if names {
            for name in [who.encoded_by, who.reviewed_by] {
                text.push(NAME_SEPARATOR);
                text.extend(name.unwrap_or_default().chars().filter(|c| !c.is_control()));
            }
        }
        Self {
            paper,
            text: text.into_boxed_str(),
            locator_len: u16::try_from(locator.len()).unwrap_or(u16::MAX),
            extent: Extent::default(),
            voice: who.voice,
            quote_len: u32::try_from(quote.len()).unwrap_or(u32::MAX),
            origin,
        }
    }

    /// The same source printed to `extent`.
    #[must_use]
    pub fn with_extent(mut self, extent: Extent) -> Self {
        self.extent = extent;
        self
    }

    /// Section number or heading; empty when the data gives none.
    pub fn locator(&self) -> &str {
        &self.text[..usize::from(self.locator_len)]
    }

    /// Verbatim quote from the paper's text.
    pub fn quote(&self) -> &str {
        let start = usize::from(self.locator_len);
        &self.text[start..start + self.quote_len as usize]
    }

    /// The names after the quote: who encoded, who reviewed (empty when unknown).
    fn names(&self) -> (Option<&str>, Option<&str>) {
        let start = usize::from(self.locator_len) + self.quote_len as usize;
        let mut names = self.text[start..]
            .split(NAME_SEPARATOR)
            .skip(1)
            .map(|name| (!name.is_empty()).then_some(name));
        (names.next().flatten(), names.next().flatten())
    }

    /// Who encoded the claim, if the data says.
    pub fn encoded_by(&self) -> Option<&str> {
        self.names().0
    }

    /// Who reviewed the claim against the paper, if anyone did.
    pub fn reviewed_by(&self) -> Option<&str> {
        self.names().1
    }

    /// Who encoded and reviewed it, and whose claim it states.
    pub fn attribution(&self) -> Attribution<'_> {
        let (encoded_by, reviewed_by) = self.names();
        Attribution {
            encoded_by,
            reviewed_by,
            voice: self.voice,
        }
    }

    /// Whether the quote states the paper's thesis or reports others (or is unknown).
    pub fn voice(&self) -> Voice {
        self.voice
    }

    /// How much of the text human output prints for it.
    pub fn extent(&self) -> Extent {
        self.extent
    }

    /// Whether a second person has read the claim: a reviewer is named who is not the
    /// encoder.
    pub fn is_reviewed(&self) -> bool {
        let (encoded_by, reviewed_by) = self.names();
        reviewed_by.is_some_and(|r| Some(r) != encoded_by)
    }

    /// Whether the quote is not empty, told without reading it (the cache checks a
    /// million sources so).
    pub fn has_quote(&self) -> bool {
        self.quote_len > 0
    }
}

/// A source as (de)serialised: its fields by name (the origin is not data), the
/// optional ones only when known.
#[derive(Serialize, Deserialize)]
struct SourceFields {
    paper: Symbol,
    locator: String,
    quote: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    encoded_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reviewed_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    voice: Option<Voice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    extent: Option<Extent>,
}

impl From<SourceFields> for Source {
    fn from(fields: SourceFields) -> Self {
        let who = Attribution {
            encoded_by: fields.encoded_by.as_deref(),
            reviewed_by: fields.reviewed_by.as_deref(),
            voice: fields.voice.unwrap_or_default(),
        };
        Self::attributed(
            fields.paper,
            &fields.locator,
            &fields.quote,
            who,
            Origin::default(),
        )
        .with_extent(fields.extent.unwrap_or_default())
    }
}

impl From<Source> for SourceFields {
    fn from(source: Source) -> Self {
        let who = source.attribution();
        Self {
            paper: source.paper,
            locator: source.locator().to_owned(),
            quote: source.quote().to_owned(),
            encoded_by: who.encoded_by.map(str::to_owned),
            reviewed_by: who.reviewed_by.map(str::to_owned),
            voice: (who.voice != Voice::Unknown).then_some(who.voice),
            extent: (source.extent != Extent::Sentence).then_some(source.extent),
        }
    }
}

/// The place in the data files a source was read from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Origin {
    /// Index of the data file in load order.
    pub file: u32,
    /// Index of the relation within that file's `relations` array.
    pub relation: u32,
    /// Index of the source within that relation's `sources` array.
    pub source: u32,
    /// The source belongs to a fact: `relation` then indexes the file's `facts` array.
    pub in_facts: bool,
}

impl Origin {
    /// JSON pointer to the source's quote inside its file.
    pub fn quote_pointer(self) -> String {
        format!("{}/sources/{}/quote", self.item_pointer(), self.source)
    }

    /// JSON pointer to the relation or fact the source belongs to.
    pub fn item_pointer(self) -> String {
        let array = if self.in_facts { "facts" } else { "relations" };
        format!("/{array}/{}", self.relation)
    }
}

impl Relation {
    /// Ids of the papers asserting this relation, in order of first appearance, once each.
    /// The one definition of "the distinct papers of a relation".
    pub fn papers(&self) -> Vec<&str> {
        distinct_papers(&self.sources)
    }
}

/// The paper ids of `sources`, once each, in order of first appearance.
pub fn distinct_papers<'s>(sources: impl IntoIterator<Item = &'s Source>) -> Vec<&'s str> {
    let mut papers: Vec<&str> = Vec::new();
    for source in sources {
        if !papers.contains(&source.paper.as_str()) {
            papers.push(&source.paper);
        }
    }
    papers
}

// A million relations live in memory at once: keep the edge weight small.
const _: () = assert!(std::mem::size_of::<Relation>() <= 96);
const _: () = assert!(std::mem::size_of::<Source>() <= 56);

#[cfg(test)]
mod tests {
    use super::{Attribution, Extent, Origin, Source, Voice};
    use crate::symbol::Symbol;
    use proptest::prelude::*;

    proptest! {
        /// One allocation holds both texts: each comes back whole, whatever its
        /// characters, and the JSON form still names them apart.
        #[test]
        fn a_source_gives_back_its_locator_and_quote(locator in "\\PC*", quote in "\\PC*") {
            let source = Source::new(Symbol::new("p1"), &locator, &quote, Origin::default());
            prop_assert_eq!(source.locator(), locator.as_str());
            prop_assert_eq!(source.quote(), quote.as_str());
            let json = serde_json::to_value(&source).unwrap();
            prop_assert_eq!(
                &json,
                &serde_json::json!({"paper": "p1", "locator": locator, "quote": quote})
            );
            let back: Source = serde_json::from_value(json).unwrap();
            prop_assert_eq!(back, source);
        }

        /// The names after the quote come back apart, and the locator and quote stay
        /// whole, whatever the names hold.
        #[test]
        fn a_source_gives_back_who_encoded_and_reviewed_it(
            locator in "\\PC*",
            quote in "\\PC*",
            encoded_by in proptest::option::of("\\PC+"),
            reviewed_by in proptest::option::of("\\PC+"),
        ) {
            let who = Attribution {
                encoded_by: encoded_by.as_deref(),
                reviewed_by: reviewed_by.as_deref(),
                voice: Voice::Reported,
            };
            let source = Source::attributed(Symbol::new("p1"), &locator, &quote, who, Origin::default())
                .with_extent(Extent::Quote);
            prop_assert_eq!(source.locator(), locator.as_str());
            prop_assert_eq!(source.quote(), quote.as_str());
            prop_assert_eq!(source.attribution(), who);
            prop_assert_eq!(source.extent(), Extent::Quote);
            let back: Source = serde_json::from_value(serde_json::to_value(&source).unwrap()).unwrap();
            prop_assert_eq!(back, source);
        }
    }

    #[test]
    fn a_review_by_the_encoder_is_no_second_reading() {
        let by = |encoded_by, reviewed_by| {
            let who = Attribution {
                encoded_by,
                reviewed_by,
                voice: Voice::Unknown,
            };
            Source::attributed(Symbol::new("p1"), "1", "q", who, Origin::default()).is_reviewed()
        };
        assert!(by(Some("A"), Some("B")));
        assert!(by(None, Some("B")));
        assert!(!by(Some("A"), Some("A")));
        assert!(!by(Some("A"), None));
    }
}
