//! The cache of loaded `--data` directories: a warm run says exactly what a cold one
//! says, any change to the data (even one that keeps size and time) or to the cache file
//! is noticed, `--no-cache` leaves the cache alone, and the cache never makes a command
//! fail or writes into the data directory.

#![cfg(unix)]

use std::{
    fs,
    os::unix::fs::MetadataExt as _,
    path::{Path, PathBuf},
    time::SystemTime,
};

use crate::common::linkage;

/// A copy of the project's dataset (with its texts) in a temporary directory, its
/// concepts file starting with a byte-order mark so that loading it warns.
pub(crate) fn dataset() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data"),
        dir.path(),
    );
    let concepts = dir.path().join("concepts.json");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fs::read(&concepts).unwrap());
    fs::write(&concepts, bytes).unwrap();
    // As a user's files are: older than the cache key's margin for files changed just
    // before they were cached (3 s, src/cache/key.rs), which a warm whole load would
    // hash and then cache again with a key that trusts them.
    std::thread::sleep(std::time::Duration::from_millis(3100));
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// (exit code, stdout, stderr) of `linkage --data DATA [--no-cache] ARGS` with its
/// cache in `cache`.
pub(crate) fn run(
    cache: &Path,
    data: &Path,
    no_cache: bool,
    args: &[&str],
) -> (i32, String, String) {
    let mut cmd = linkage();
    cmd.env("LINKAGE_CACHE_DIR", cache).arg("--data").arg(data);
    if no_cache {
        cmd.arg("--no-cache");
    }
    let output = cmd.args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The cache files in `cache` (none if the directory does not exist).
fn cache_files(cache: &Path) -> Vec<PathBuf> {
    fs::read_dir(cache).map_or_else(
        |_| Vec::new(),
        |entries| entries.map(|e| e.unwrap().path()).collect(),
    )
}

/// The one cache file of a graph in `cache` (beside it, a `check` stores its outcome
/// in `check-<hash>.bin`).
pub(crate) fn the_cache_file(cache: &Path) -> PathBuf {
    let files: Vec<PathBuf> = cache_files(cache)
        .into_iter()
        .filter(|f| {
            f.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("data-")
        })
        .collect();
    assert_eq!(files.len(), 1, "one cache file expected: {files:?}");
    files.into_iter().next().unwrap()
}

/// Removes the outcome a `check` stored in `cache`, so that the next `check` loads the
/// graph (from its cache).
fn forget_stored_check(cache: &Path) {
    for file in cache_files(cache) {
        if file
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("check-")
        {
            fs::remove_file(file).unwrap();
        }
    }
}

/// The identity of a file: a rewrite (a temporary file renamed into place) changes it.
fn identity(file: &Path) -> (u64, u64, Vec<u8>) {
    let meta = fs::metadata(file).unwrap();
    (meta.ino(), meta.dev(), fs::read(file).unwrap())
}

/// Every file under `dir` with its size, time and bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, SystemTime, Vec<u8>)> {
    let mut all = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all.extend(snapshot(&path));
        } else {
            let modified = fs::metadata(&path).unwrap().modified().unwrap();
            all.push((path.clone(), modified, fs::read(&path).unwrap()));
        }
    }
    all.sort();
    all
}

#[test]
fn a_warm_run_prints_exactly_what_a_cold_run_prints() {
    let data = dataset();
    let cache = tempfile::tempdir().unwrap();
    let commands: [&[&str]; 5] = [
        &["check"],
        &["show", "tpa"],
        &["diff", "tpa", "rr"],
        &["--json", "path", "tpa", "rr"],
        &["--json", "show", "tpa"],
    ];
    for args in commands {
        let cold = run(cache.path(), data.path(), true, args);
        assert_eq!(cold.0, 0, "{args:?}: {}", cold.2);
        // The first cached run loads from JSON and writes the cache; the second reads it.
        let writing = run(cache.path(), data.path(), false, args);
        let file = the_cache_file(cache.path());
        let written = identity(&file);
        let warm = run(cache.path(), data.path(), false, args);
        assert_eq!(
            identity(&file),
            written,
            "{args:?}: the warm run rewrote the cache"
        );
        assert_eq!(writing, cold, "{args:?}: the run writing the cache differs");
        assert_eq!(
            warm, cold,
            "{args:?}: the warm run differs from the cold one"
        );
    }
    // The load warning (the byte-order mark) is cached with the graph.
    let (_, _, stderr) = run(cache.path(), data.path(), false, &["check"]);
    assert!(stderr.contains("byte-order mark"), "{stderr}");
}

#[test]
fn batch_loads_through_the_cache() {
    let data = dataset();
    let cache = tempfile::tempdir().unwrap();
    let queries = data.path().join("..").join(format!(
        "{}-queries.txt",
        data.path().file_name().unwrap().to_string_lossy()
    ));
    fs::write(&queries, "path tpa rr --limit 1\nshow rr\n").unwrap();
    let queries = queries.to_str().unwrap().to_string();
    let cold = run(cache.path(), data.path(), true, &["batch", &queries]);
    let writing = run(cache.path(), data.path(), false, &["batch", &queries]);
    let file = the_cache_file(cache.path());
    let written = identity(&file);
    let warm = run(cache.path(), data.path(), false, &["batch", &queries]);
    fs::remove_file(&queries).unwrap();
    assert_eq!(identity(&file), written);
    assert_eq!(cold.0, 0, "{}", cold.2);
    assert_eq!(writing, cold);
    assert_eq!(warm, cold);
}

/// Replaces the first `from` in `file` by `to` (of the same length), keeping its
/// modification time.
fn edit_keeping_size_and_time(file: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let modified = fs::metadata(file).unwrap().modified().unwrap();
    let text = fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", file.display());
    fs::write(file, text.replacen(from, to, 1)).unwrap();
    fs::File::options()
        .write(true)
        .open(file)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert_eq!(fs::metadata(file).unwrap().modified().unwrap(), modified);
}

#[test]
fn a_change_keeping_size_and_time_is_not_hidden_by_the_cache() {
    let data = dataset();
    let cache = tempfile::tempdir().unwrap();
    let (code, before, _) = run(cache.path(), data.path(), false, &["--json", "show", "tpa"]);
    assert_eq!(code, 0);
    let label = "\"label\": \"Targeted poverty alleviation\"";
    let changed = "\"label\": \"Targeted poverty ALLEVIATION\"";
    edit_keeping_size_and_time(&data.path().join("concepts.json"), label, changed);
    let (code, after, stderr) = run(cache.path(), data.path(), false, &["--json", "show", "tpa"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(before.contains("Targeted poverty alleviation"), "{before}");
    assert!(after.contains("Targeted poverty ALLEVIATION"), "{after}");
    assert_eq!(
        (code, after.clone(), stderr),
        run(cache.path(), data.path(), true, &["--json", "show", "tpa"])
    );
}

#[test]
fn an_edit_to_the_data_is_seen_and_an_error_is_never_cached() {
    let data = dataset();
    let cache = tempfile::tempdir().unwrap();
    assert_eq!(run(cache.path(), data.path(), false, &["check"]).0, 0);
    let file = the_cache_file(cache.path());
    // A new concept: the next run sees it, and caches the new dataset.
    let concepts = data.path().join("concepts.json");
    let text = fs::read_to_string(&concepts).unwrap();
    let text = text.replacen(
        "\"nodes\": [",
        "\"nodes\": [{\"id\": \"cache-probe\", \"kind\": \"goal\", \"label\": \"Cache probe\"},",
        1,
    );
    fs::write(&concepts, &text).unwrap();
    let (code, out, err) = run(cache.path(), data.path(), false, &["show", "cache-probe"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Cache probe"), "{out}");
    let rewritten = identity(&file);
    assert_eq!(
        run(cache.path(), data.path(), false, &["show", "cache-probe"]),
        (code, out, err)
    );
    assert_eq!(identity(&file), rewritten, "the new dataset was not cached");
    // A mistake: reported every time, and the cache of the good dataset is left as it
    // was, never replaced by one of the broken dataset.
    fs::write(
        &concepts,
        text.replacen("\"kind\": \"goal\"", "\"kind\": \"gaol\"", 1),
    )
    .unwrap();
    let first = run(cache.path(), data.path(), false, &["check"]);
    assert_eq!(first.0, 2, "{}", first.2);
    assert!(first.2.contains("gaol"), "{}", first.2);
    assert_eq!(run(cache.path(), data.path(), false, &["check"]), first);
    assert_eq!(identity(&file), rewritten);
}

#[test]
fn a_damaged_cache_file_is_ignored_and_replaced() {
    let data = dataset();
    let cache = tempfile::tempdir().unwrap();
    let cold = run(cache.path(), data.path(), true, &["diff", "tpa", "rr"]);
    run(cache.path(), data.path(), false, &["diff", "tpa", "rr"]);
    let file = the_cache_file(cache.path());
    let good = fs::read(&file).unwrap();
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    let damages = [
        flipped,
        good[..good.len() / 2].to_vec(),
        Vec::new(),
        b"not a cache".to_vec(),
    ];
    for damaged in damages {
        fs::write(&file, &damaged).unwrap();
        let (code, out, err) = run(cache.path(), data.path(), false, &["diff", "tpa", "rr"]);
        assert_eq!((code, &out), (cold.0, &cold.1));
        assert_eq!(err, format!("{}{}", cold.2, damaged_warning(&file)));
        rewritten(&file, &damaged);
        // Once rewritten, the cache serves without a word.
        assert_eq!(
            run(cache.path(), data.path(), false, &["diff", "tpa", "rr"]),
            cold
        );
    }
}

/// Asserts that the cache `file`, which held `bad`, was written again as a whole cache
/// (its key's stamp, the moment it was made, differs from the first one's).
fn rewritten(file: &Path, bad: &[u8]) {
    let now = fs::read(file).unwrap();
    assert_ne!(now, bad, "the cache was not rewritten");
    assert!(
        linkage::cache::decode_file(&now).is_some(),
        "the cache was not rewritten whole"
    );
}

/// The warning a damaged or changed cache file gets, once, when it is replaced.
fn damaged_warning(file: &Path) -> String {
    format!(
        "warning: this cache file is not as linkage wrote it (damaged, or changed by hand): \
         the dataset was loaded from its JSON files instead, and cached again\n  --> {}\n\n",
        file.display()
    )
}

/// `cache` with every `from` in its payload replaced by `to` (of the same length) and
/// its checksums recomputed as linkage computes them (`cache::seal` of the bytes after
/// the 36-byte header: magic, format version, the payload's checksum, its front's
/// length and checksum), so that only its contents, not its integrity, are wrong.
fn tampered(cache: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    const HEADER_LEN: usize = 36;
    assert_eq!(from.len(), to.len());
    let mut bytes = cache.to_vec();
    let mut count = 0;
    let mut at = HEADER_LEN;
    while let Some(found) = bytes[at..].windows(from.len()).position(|w| w == from) {
        let start = at + found;
        bytes[start..start + to.len()].copy_from_slice(to);
        at = start + to.len();
        count += 1;
    }
    assert!(count > 0, "{from:?} is not in the cache");
    let sealed = linkage::cache::seal(&bytes[HEADER_LEN..]);
    assert_eq!(
        linkage::cache::seal(&cache[HEADER_LEN..]),
        cache,
        "the header is {HEADER_LEN} bytes and seal writes it as linkage does"
    );
    sealed
}

/// A cache file whose checksum holds but whose contents linkage did not write (a
/// relation kind renamed, a node's kind, a paper's id): every command loads the dataset
/// from JSON instead, says so once, and rewrites the cache. It used to panic in `show`
/// at every run until the file was deleted by hand.
#[test]
fn a_cache_changed_by_hand_with_its_checksum_recomputed_is_a_miss() {
    let data = dataset();
    let cache = tempfile::tempdir().unwrap();
    let commands: [&[&str]; 3] = [&["show", "tpa"], &["check"], &["contested"]];
    let cold: Vec<_> = commands
        .iter()
        .map(|args| run(cache.path(), data.path(), true, args))
        .collect();
    run(cache.path(), data.path(), false, &["check"]);
    let file = the_cache_file(cache.path());
    let good = fs::read(&file).unwrap();
    // Postcard writes a string as its length, then its bytes: a relation's kind is
    // `\x0apremise-of`; in the schema (kept as JSON) the name follows a quote instead.
    let changes: [(&[u8], &[u8]); 3] = [
        (b"\x0apremise-of", b"\x0apremise-xx"),
        (b"\x08strategy", b"\x08strategz"),
        (b"\x08hao-2021", b"\x08hao-2022"),
    ];
    for (from, to) in changes {
        for (args, cold) in commands.iter().zip(&cold) {
            fs::write(&file, tampered(&good, from, to)).unwrap();
            forget_stored_check(cache.path());
            let (code, out, err) = run(cache.path(), data.path(), false, args);
            assert_eq!((code, &out), (cold.0, &cold.1), "{args:?}: {err}");
            assert_eq!(err, format!("{}{}", cold.2, damaged_warning(&file)));
            rewritten(&file, &tampered(&good, from, to));
        }
    }
}

#[test]
fn no_cache_neither_writes_nor_touches_the_cache() {
    let data = dataset();
    let cache = tempfile::tempdir().unwrap();
    let dir = cache.path().join("linkage");
    assert_eq!(run(&dir, data.path(), true, &["check"]).0, 0);
    assert!(!dir.exists(), "--no-cache created the cache directory");
    run(&dir, data.path(), false, &["check"]);
    let file = the_cache_file(&dir);
    let files = cache_files(&dir);
    let written = (
        identity(&file),
        fs::metadata(&file).unwrap().modified().unwrap(),
    );
    // A change the key sees: --no-cache neither uses the old cache nor writes a new one.
    let concepts = data.path().join("concepts.json");
    let text = fs::read_to_string(&concepts).unwrap();
    fs::write(
        &concepts,
        text.replacen("Targeted poverty alleviation", "TPA!", 1),
    )
    .unwrap();
    let (code, out, _) = run(&dir, data.path(), true, &["show", "tpa"]);
    assert_eq!(code, 0);
    assert!(out.contains("TPA!"), "{out}");
    assert_eq!(
        (
            identity(&file),
            fs::metadata(&file).unwrap().modified().unwrap()
        ),
        written
    );
    assert_eq!(cache_files(&dir), files);
}

#[test]
fn a_cache_that_cannot_be_written_fails_nothing() {
    let data = dataset();
    let cold = run(
        Path::new("/nonexistent"),
        data.path(),
        true,
        &["show", "tpa"],
    );
    assert_eq!(cold.0, 0);
    let scratch = tempfile::tempdir().unwrap();
    // A file where the cache directory should be: no directory can be made there (not
    // even by root, for whom permissions would not stop it).
    let blocker = scratch.path().join("file");
    fs::write(&blocker, "").unwrap();
    for cache in [blocker.clone(), blocker.join("linkage")] {
        assert_eq!(run(&cache, data.path(), false, &["show", "tpa"]), cold);
    }
    assert_eq!(fs::read(&blocker).unwrap(), b"");
}

#[test]
fn the_data_directory_is_never_written() {
    let data = dataset();
    let before = snapshot(data.path());
    let cache = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        assert_eq!(run(cache.path(), data.path(), false, &["check"]).0, 0);
    }
    the_cache_file(cache.path());
    // A cache directory inside the data directory is not used at all.
    let inside = data.path().join("cache");
    let cold = run(&inside, data.path(), true, &["check"]);
    assert_eq!(run(&inside, data.path(), false, &["check"]), cold);
    assert!(!inside.exists());
    assert_eq!(snapshot(data.path()), before);
}

#[test]
fn the_built_in_dataset_needs_no_cache() {
    let cache = tempfile::tempdir().unwrap();
    let output = linkage()
        .env("LINKAGE_CACHE_DIR", cache.path())
        .args(["show", "tpa"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(cache_files(cache.path()).is_empty());
}

#[test]
fn the_cache_goes_to_the_platform_cache_directory() {
    let data = dataset();
    let home = tempfile::tempdir().unwrap();
    let run_with = |envs: &[(&str, &Path)]| {
        let mut cmd = linkage();
        cmd.env_remove("LINKAGE_CACHE_DIR")
            .env_remove("XDG_CACHE_HOME")
            .env("HOME", home.path());
        for (name, value) in envs {
            cmd.env(name, value);
        }
        let output = cmd
            .arg("--data")
            .arg(data.path())
            .arg("check")
            .output()
            .unwrap();
        assert!(output.status.success());
    };
    run_with(&[]);
    the_cache_file(&home.path().join(".cache/linkage"));
    let xdg = home.path().join("xdg");
    run_with(&[("XDG_CACHE_HOME", &xdg)]);
    the_cache_file(&xdg.join("linkage"));
    let own = home.path().join("own");
    run_with(&[("XDG_CACHE_HOME", &xdg), ("LINKAGE_CACHE_DIR", &own)]);
    the_cache_file(&own);
}

/// The cache directory stays within `LINKAGE_CACHE_LIMIT`: the least recently used
/// datasets' caches go first, `0` keeps none, and a value that is not a size is said so
/// (and nothing is cached) without failing the command.
#[test]
fn the_cache_directory_keeps_within_its_limit_least_recently_used_first() {
    let sets: Vec<tempfile::TempDir> = (0..4).map(|_| dataset()).collect();
    let cache = tempfile::tempdir().unwrap();
    let run_limited = |data: &Path, limit: &str| {
        let output = linkage()
            .env("LINKAGE_CACHE_DIR", cache.path())
            .env("LINKAGE_CACHE_LIMIT", limit)
            .arg("--data")
            .arg(data)
            .args(["show", "tpa"])
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    run_limited(sets[0].path(), "1G");
    let size = fs::metadata(the_cache_file(cache.path())).unwrap().len();
    let limit = (size * 5 / 2).to_string();
    // The same dataset's cache each time: their names say which.
    let name_of = |i: usize| {
        run_limited(sets[i].path(), "1G");
        let mut files = cache_files(cache.path());
        files.sort_by_key(|f| fs::metadata(f).unwrap().modified().unwrap());
        files.pop().unwrap()
    };
    let names: Vec<PathBuf> = (0..4).map(name_of).collect();
    for file in &names {
        fs::remove_file(file).unwrap();
    }
    let kept = || {
        let mut kept: Vec<usize> = cache_files(cache.path())
            .iter()
            .map(|f| names.iter().position(|n| n == f).unwrap())
            .collect();
        kept.sort_unstable();
        kept
    };
    for set in &sets[..3] {
        run_limited(set.path(), &limit);
    }
    assert_eq!(kept(), [1, 2], "room for two: the oldest went");
    // Dataset 1 used again: dataset 2's cache is now the least recently used.
    std::thread::sleep(std::time::Duration::from_millis(20));
    run_limited(sets[1].path(), &limit);
    run_limited(sets[3].path(), &limit);
    assert_eq!(kept(), [1, 3]);
    // No room at all: nothing is kept, and the command is as it was.
    run_limited(sets[0].path(), "0");
    assert_eq!(kept(), Vec::<usize>::new());
    let err = run_limited(sets[0].path(), "lots");
    assert!(
        err.contains("warning: LINKAGE_CACHE_LIMIT=lots is not a size (bytes, or like 500M or 2G); nothing was cached"),
        "{err}"
    );
    assert!(cache_files(cache.path()).is_empty());
}
