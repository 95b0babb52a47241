//! Integration tests: they drive the real `linkage` binary. One test binary with a
//! module per area keeps link time low.

// Test helpers are shared between the modules of this one test crate.
#![allow(unreachable_pub)]

mod authoring;
mod authoring_names;
mod cache;
mod common;
mod core;
mod data;
mod deck;
mod diff;
mod disputes;
mod dot;
mod ego_properties;
mod emit;
mod errors;
mod exports;
mod figure;
mod first_view;
mod flags;
mod fuzz_seeds;
mod handout_pairs;
mod handout_short;
mod headings;
mod journal;
mod labels;
mod languages;
mod layers;
mod logic;
mod matching;
mod model_properties;
mod normalize_properties;
mod page_fit;
mod partial_cache;
mod path;
mod path_properties;
mod pdf;
mod position;
mod properties;
mod quiz;
mod quiz_gift;
mod references;
mod round_trip;
mod scale;
mod schema_agrees;
mod sentences;
mod serve;
mod shell;
mod suggest;
mod summaries;
mod teach;
mod teach_zh;
mod trust;
mod unseen;
mod warm_check;
