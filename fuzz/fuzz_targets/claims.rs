//! The `claims` fuzz target: the check in `checks/claims.rs` on every input (the main crate's
//! tests replay the committed seeds through the same check: tests/integration/fuzz_seeds.rs).
#![no_main]

#[path = "../checks/claims.rs"]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| check::check(data));
