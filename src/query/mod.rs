//! Queries over the concept graph. Each returns plain data (indices into the graph);
//! `crate::output` renders it for people or as JSON.

pub mod compare;
pub mod contested;
pub mod diff;
pub mod outline;
