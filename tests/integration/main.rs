//! Integration tests: they drive the real `linkage` binary. One test binary with a
//! module per area keeps link time low.

mod common;
mod core;
mod errors;
