//! Drafting a paper's claims from its text. [`cue`]: how a sentence says that a relation
//! holds, declared per relation kind in the schema.

pub mod cue;

pub use cue::Cue;
