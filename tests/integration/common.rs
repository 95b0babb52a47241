//! Helpers shared by the integration tests.

use std::path::PathBuf;

use assert_cmd::Command;

/// The `linkage` binary with colours off and a fixed terminal width, its cache of
/// `--data` directories under `target/` rather than in the user's home.
pub fn linkage() -> Command {
    let mut cmd = Command::cargo_bin("linkage").expect("the binary builds");
    cmd.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE").env(
        "LINKAGE_CACHE_DIR",
        concat!(env!("CARGO_TARGET_TMPDIR"), "/linkage-cache"),
    );
    cmd
}

/// Path of a file or directory under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The project's own copies of the papers' texts (`data/texts`, byte for byte the seeds).
pub fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/texts")
}

/// Runs `linkage ARGS` and returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let output = linkage().args(args).output().expect("the binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Replaces the repository's absolute path with `[REPO]` so snapshots are portable.
pub fn portable(text: &str) -> String {
    text.replace(env!("CARGO_MANIFEST_DIR"), "[REPO]")
}

/// A directory under the test target dir, emptied first; screenshots stay there to look at.
pub fn out_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the target dir is writable");
    dir
}

/// The shipped dataset, loaded.
pub fn graph() -> linkage::ConceptGraph {
    linkage::load(&linkage::DataSource::Embedded)
        .expect("the shipped data loads")
        .graph
}
