//! The `cache` fuzz target: the check in `checks/cache.rs` on every input (the main crate's
//! tests replay the committed seeds through the same check: tests/integration/fuzz_seeds.rs).
#![no_main]

#[path = "../checks/cache.rs"]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| check::check(data));
