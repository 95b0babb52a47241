//! The cache directory's size, bounded: a cache file per dataset ever loaded would
//! otherwise stay forever (65 MB for a million relations). Before a cache file is
//! written, the least recently used ones are removed until it fits within the limit
//! (`LINKAGE_CACHE_LIMIT`, default [`DEFAULT_LIMIT`]); a hit marks its file used. Only
//! linkage's own files are counted and removed: `data-<hash>.bin`, `check-<hash>.bin`, and temporary files
//! of writes that never finished.

use std::{
    fs,
    path::{Path, PathBuf},
    time::{Duration, SystemTime},
};

/// The most bytes the cache directory holds unless `LINKAGE_CACHE_LIMIT` says
/// otherwise: 1 GiB, some fifteen datasets of a million relations.
pub const DEFAULT_LIMIT: u64 = 1 << 30;

/// The environment variable that sets the limit: bytes, or with a suffix `K`, `M` or
/// `G` (powers of 1024); `0` keeps no cache at all.
pub const LIMIT_VAR: &str = "LINKAGE_CACHE_LIMIT";

/// A temporary file older than this is left from a write that never finished.
const STALE_TEMPORARY: Duration = Duration::from_secs(3600);

/// The limit `LINKAGE_CACHE_LIMIT` sets, else [`DEFAULT_LIMIT`].
///
/// # Errors
/// A message saying what is wrong with the variable's value (the cache is then
/// neither pruned nor written).
pub(super) fn limit() -> Result<u64, String> {
    match std::env::var(LIMIT_VAR) {
        Err(std::env::VarError::NotPresent) => Ok(DEFAULT_LIMIT),
        Ok(text) if text.trim().is_empty() => Ok(DEFAULT_LIMIT),
        Ok(text) => parse_size(&text).ok_or_else(|| {
            format!(
                "{LIMIT_VAR}={text} is not a size (bytes, or like 500M or 2G); nothing was cached"
            )
        }),
        Err(std::env::VarError::NotUnicode(_)) => Err(format!(
            "{LIMIT_VAR} is not a size (bytes, or like 500M or 2G); nothing was cached"
        )),
    }
}

/// `1048576`, `512K`, `500M`, `2G` (case-insensitive, an optional `B` or `iB` after
/// the suffix) as bytes; `None` for anything else or more than `u64` holds.
pub(super) fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let number: u64 = text[..digits].parse().ok()?;
    let unit = text[digits..].trim().to_ascii_lowercase();
    let shift = match unit.trim_end_matches("ib").trim_end_matches('b') {
        "" => 0,
        "k" => 10,
        "m" => 20,
        "g" => 30,
        "t" => 40,
        _ => return None,
    };
    number.checked_mul(1 << shift)
}

/// Marks a cache file used (its modification time now), so that it is among the last
/// to be removed. Best effort: a cache that cannot be touched still serves.
pub(super) fn used(cache_file: &Path) {
    if let Ok(file) = fs::OpenOptions::new().write(true).open(cache_file) {
        let _ = file.set_modified(SystemTime::now());
    }
}

/// Makes room in `dir` for `size` bytes written to `cache_file`, removing the least
/// recently used cache files (and `cache_file`'s old contents, which the write replaces)
/// until the directory stays within `limit`. Returns whether `size` fits at all: when
/// it does not, the old `cache_file` is removed too (it is stale) and nothing is to be
/// written.
pub(super) fn prune(dir: &Path, cache_file: &Path, size: u64, limit: u64) -> bool {
    let fits = size <= limit;
    let mut room = if fits { limit - size } else { 0 };
    let mut files = ours(dir);
    // Newest first: those are kept while there is room.
    files.sort_by_key(|file| std::cmp::Reverse(file.used));
    for file in files {
        let replaced = file.path == cache_file;
        if !replaced && !file.stale && file.size <= room {
            room -= file.size;
        } else {
            let _ = fs::remove_file(&file.path);
        }
    }
    fits
}

/// One of linkage's files in the cache directory.
struct CacheFile {
    path: PathBuf,
    size: u64,
    used: SystemTime,
    /// A temporary file left by a write that never finished.
    stale: bool,
}

/// linkage's files in `dir`: cache files, and temporary files of writes into it (a
/// recent one may be another process's write under way: it is counted, not removed).
fn ours(dir: &Path) -> Vec<CacheFile> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let now = SystemTime::now();
    entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name();
            let name = name.to_str()?;
            // The names `write_atomically` gives its temporary files, exactly.
            let temporary = name.starts_with(".linkage-")
                && Path::new(name).extension().is_some_and(|ext| ext == "tmp");
            if !temporary && !is_cache_file_name(name) {
                return None;
            }
            let meta = entry.metadata().ok().filter(fs::Metadata::is_file)?;
            let used = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            let age = now.duration_since(used).unwrap_or_default();
            Some(CacheFile {
                path: entry.path(),
                size: meta.len(),
                used,
                stale: temporary && age > STALE_TEMPORARY,
            })
        })
        .collect()
}

/// `data-` (a graph) or `check-` (a stored check: `check.rs`) and 32 hexadecimal
/// digits, `.bin`: the names [`super::cache_file`] gives.
fn is_cache_file_name(name: &str) -> bool {
    name.strip_prefix("data-")
        .or_else(|| name.strip_prefix("check-"))
        .and_then(|rest| rest.strip_suffix(".bin"))
        .is_some_and(|hash| hash.len() == 32 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_with_binary_suffixes() {
        assert_eq!(parse_size("0"), Some(0));
        assert_eq!(parse_size("1048576"), Some(1 << 20));
        assert_eq!(parse_size("512K"), Some(512 << 10));
        assert_eq!(parse_size("500M"), Some(500 << 20));
        assert_eq!(parse_size("2g"), Some(2 << 30));
        assert_eq!(parse_size("2 GiB"), Some(2 << 30));
        assert_eq!(parse_size("3MB"), Some(3 << 20));
        for bad in ["", "M", "-1", "1.5G", "2X", "99999999999999999999"] {
            assert_eq!(parse_size(bad), None, "{bad}");
        }
        assert_eq!(parse_size("20000000000T"), None);
    }

    #[test]
    fn the_least_recently_used_go_first_and_others_files_stay() {
        let dir = tempfile::tempdir().unwrap();
        let name = |i: u8| dir.path().join(format!("data-{i:032x}.bin"));
        let base = SystemTime::now() - Duration::from_secs(1000);
        for i in 0..5u8 {
            fs::write(name(i), vec![0; 100]).unwrap();
            let file = fs::File::options().write(true).open(name(i)).unwrap();
            file.set_modified(base + Duration::from_secs(u64::from(i) * 10))
                .unwrap();
        }
        fs::write(dir.path().join("notes.txt"), vec![0; 1000]).unwrap();
        // Room for 250 bytes more besides 150 new ones: the two newest stay.
        assert!(prune(dir.path(), &name(9), 150, 400));
        let left: Vec<bool> = (0..5).map(|i| name(i).exists()).collect();
        assert_eq!(left, [false, false, false, true, true]);
        assert!(dir.path().join("notes.txt").exists());
        // A file marked used is kept over a newer one.
        used(&name(3));
        assert!(prune(dir.path(), &name(9), 300, 400));
        assert!(name(3).exists() && !name(4).exists());
        // Replacing a file makes room for its new contents; too big a file is not
        // written, and its old contents go.
        assert!(prune(dir.path(), &name(3), 400, 400));
        assert!(!prune(dir.path(), &name(3), 401, 400));
        assert!(!name(3).exists());
    }
}
