//! Every committed fuzz seed (`fuzz/seeds/<target>/`) replayed through its target's own
//! check (`fuzz/checks/<target>.rs`, which the fuzz target calls on every input), so a
//! plain `cargo test` holds what the fuzzers found, without the nightly toolchain that
//! `cargo fuzz` needs.

use std::{
    panic::{catch_unwind, AssertUnwindSafe},
    path::PathBuf,
};

#[path = "../../fuzz/checks/batch_line.rs"]
mod batch_line;
#[path = "../../fuzz/checks/cache.rs"]
mod cache;
#[path = "../../fuzz/checks/claims.rs"]
mod claims;
#[path = "../../fuzz/checks/graphml.rs"]
mod graphml;
#[path = "../../fuzz/checks/load.rs"]
mod load;
#[path = "../../fuzz/checks/serve_request.rs"]
mod serve_request;

/// Runs `check` on every seed of `target`, naming each seed that fails it; a target
/// needs seeds.
fn replay(target: &str, check: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    let failed: Vec<String> = seeds
        .iter()
        .filter(|seed| {
            let bytes = std::fs::read(seed).unwrap();
            catch_unwind(AssertUnwindSafe(|| check(&bytes))).is_err()
        })
        .map(|seed| seed.display().to_string())
        .collect();
    assert!(
        failed.is_empty(),
        "seeds that fail their check: {failed:#?}"
    );
}

/// Every fuzz target has its check here, and seeds.
#[test]
fn every_fuzz_target_is_replayed_here() {
    let fuzz = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut targets: Vec<String> = std::fs::read_dir(fuzz.join("fuzz_targets"))
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            path.file_stem().unwrap().to_string_lossy().into_owned()
        })
        .collect();
    targets.sort();
    assert_eq!(
        targets,
        [
            "batch_line",
            "cache",
            "claims",
            "graphml",
            "load",
            "serve_request"
        ]
    );
}

#[test]
fn batch_line_seeds() {
    replay("batch_line", batch_line::check);
}

#[test]
fn cache_seeds() {
    replay("cache", cache::check);
}

/// The cache seeds written by linkage stay deep: each decodes to a dataset, so the
/// fuzzer starts from inputs that reach the queries. A change of the cache's layout
/// (`cache::FORMAT_VERSION`) that leaves them behind fails here: make them again
/// (fuzz/README.md). The seed with a renamed relation kind is a graph loading could not
/// have built, and must be refused.
#[test]
fn cache_seeds_of_linkage_written_files_decode() {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/cache");
    for (name, decodes) in [
        ("init-dataset.payload", true),
        ("adversarial-export.payload", true),
        ("kind-renamed.payload", false),
    ] {
        let payload = std::fs::read(seeds.join(name)).unwrap();
        let decoded = linkage::cache::decode_file(&linkage::cache::seal(&payload));
        assert_eq!(decoded.is_some(), decodes, "{name}");
    }
}

#[test]
fn claims_seeds() {
    replay("claims", claims::check);
}

#[test]
fn graphml_seeds() {
    replay("graphml", graphml::check);
}

#[test]
fn load_seeds() {
    replay("load", load::check);
}

#[test]
fn serve_request_seeds() {
    replay("serve_request", serve_request::check);
}
