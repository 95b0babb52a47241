//! Facts: a typed value a paper states about a concept ("targeted poverty alleviation was
//! first put forward in 2013"), sourced like a relation.
//!
//! Relations say how two concepts are connected; facts say what a paper gives as the
//! value of one property of one concept: a year, a date, a number, a short text. Two
//! papers giving two values for the same property of the same concept disagree, which is
//! what `contested` looks for. A property that classifies (what kind of thing the
//! concept is to the paper: a goal or a measure; a view criticised or argued) marks a
//! classification dispute rather than a disagreement over a value.

use std::fmt;

use petgraph::graph::NodeIndex;
use serde::{Deserialize, Serialize};

use crate::relation::Source;

/// A checked fact.
#[derive(Debug, Clone)]
pub struct Fact {
    /// The node the fact is about.
    pub subject: NodeIndex,
    /// The property's name.
    pub property: String,
    /// The value.
    pub value: Value,
    /// Sources, each with a verbatim quote.
    pub sources: Vec<Source>,
    /// A remark by the encoder.
    pub note: Option<String>,
}

/// A fact's value. Written as a one-key object so its type is explicit in the data:
/// `{"year": 2013}`, `{"date": "2018-06"}`, `{"number": 3, "unit": "items"}`,
/// `{"text": "goal"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
pub enum Value {
    /// A year.
    Year {
        /// The year.
        year: i32,
    },
    /// A date, ISO 8601 to the precision the paper gives (`2018`, `2018-06`,
    /// `2018-06-30`).
    Date {
        /// The date.
        date: String,
    },
    /// A count or measure.
    Number {
        /// The number.
        number: f64,
        /// What is counted or measured.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// A short text: a classification, a stance, a name.
    Text {
        /// The text.
        text: String,
    },
}

/// The type of value a property takes, declared in the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueType {
    /// `{"year": ...}`.
    Year,
    /// `{"date": ...}`, or a year.
    Date,
    /// `{"number": ...}`.
    Number,
    /// `{"text": ...}`.
    Text,
}

impl Value {
    /// Whether this value has the type a property declares (a year is also a date).
    pub fn has_type(&self, wanted: ValueType) -> bool {
        matches!(
            (self, wanted),
            (Self::Year { .. }, ValueType::Year | ValueType::Date)
                | (Self::Date { .. }, ValueType::Date)
                | (Self::Number { .. }, ValueType::Number)
                | (Self::Text { .. }, ValueType::Text)
        )
    }

    /// The type of this value.
    pub fn value_type(&self) -> ValueType {
        match self {
            Self::Year { .. } => ValueType::Year,
            Self::Date { .. } => ValueType::Date,
            Self::Number { .. } => ValueType::Number,
            Self::Text { .. } => ValueType::Text,
        }
    }

    /// Whether two values say the same: compared as written, texts ignoring case.
    pub fn same_as(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Text { text: a }, Self::Text { text: b }) => a.eq_ignore_ascii_case(b),
            (a, b) => a == b,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Year { year } => write!(f, "{year}"),
            Self::Date { date } => f.write_str(date),
            Self::Number { number, unit } => {
                write!(f, "{number}")?;
                if let Some(unit) = unit {
                    write!(f, " {unit}")?;
                }
                Ok(())
            }
            Self::Text { text } => f.write_str(text),
        }
    }
}

impl fmt::Display for ValueType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Year => "a year",
            Self::Date => "a date",
            Self::Number => "a number",
            Self::Text => "a text",
        })
    }
}

impl Fact {
    /// Ids of the papers stating this fact, in order of first appearance, once each.
    pub fn papers(&self) -> Vec<&str> {
        let mut papers: Vec<&str> = Vec::new();
        for source in &self.sources {
            if !papers.contains(&source.paper.as_str()) {
                papers.push(&source.paper);
            }
        }
        papers
    }
}
