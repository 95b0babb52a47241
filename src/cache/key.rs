//! What a cache file was written for, and whether the files on disk are still that.
//!
//! A cache answers only for the files it was made from. Hashing every data file at
//! every start proved that (a change keeping size and time was seen), but at a million
//! relations it read and hashed 137 MB before every command. So the key trusts what
//! the file system says about a file, as git's index and ccache's direct mode do: for
//! each file its size, modification time and status-change time (seconds and
//! nanoseconds) and its inode and device. Writing a file's bytes sets both times to
//! the clock; `touch -d`, `cp -p` or a tool restoring the modification time cannot set
//! the status-change time back, and a file replaced by another (a rename over it) has
//! another inode. A file whose status is unchanged is not read.
//!
//! The one thing this cannot see is "racy" (git's word): a file changed again within
//! the time resolution of its own timestamps after it was read, whose times then do
//! not move. So the key carries the moment the files were looked at ([`Key::stamp`],
//! taken before any was read), and a file whose times are within a margin of it
//! (or after it: [`RACY_MARGIN_NANOS`], 3 s) is *not* trusted by its status: its bytes are hashed (xxh3-128, kept
//! for every file) and compared, as before, at every start until the cache is written
//! again. The margin covers the coarse clock file systems stamp with (a tick) and file
//! systems that keep whole or even seconds (FAT: two); it cannot cover a network file
//! system whose server's clock is behind this machine's by more than it. Where the
//! platform gives no status-change time or inode (not Unix) nothing is trusted by its
//! status: every file is hashed, as before.

use std::{
    fs,
    path::{Path, PathBuf},
    time::{SystemTime, UNIX_EPOCH},
};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_128, Xxh3};

use crate::load::ReadFile;

/// How close to the moment a key was made a file's times may be before its status
/// is not trusted and its bytes are hashed (see the module's doc).
pub(super) const RACY_MARGIN_NANOS: i128 = 3_000_000_000;

/// What a cache file must have been written for to be used.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Key {
    /// linkage's version: another version may load the same files differently.
    linkage: String,
    /// Size and modification time of the program itself, so a rebuilt linkage of the
    /// same version (a developer's) does not trust what an older build cached.
    program: Option<(u64, u64, u32)>,
    /// The directory, canonical.
    dir: PathBuf,
    /// Nanoseconds since the Unix epoch when the files were looked at, before any was
    /// read: a file whose times are not well before it is hashed, not trusted.
    stamp: i128,
    /// Every file keyed, in load order.
    files: Vec<FileKey>,
}

/// One file as it was when keyed.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct FileKey {
    path: PathBuf,
    /// Its status when keyed; `None` where the platform does not give all of it.
    status: Option<Status>,
    /// xxh3-128 of the bytes read.
    hash: u128,
}

/// What the file system says about a file, as far as a change to it moves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Status {
    size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    modified: i128,
    /// Status-change time (ctime), nanoseconds since the Unix epoch.
    changed: i128,
    inode: u64,
    device: u64,
}

impl Status {
    #[cfg(unix)]
    fn of(path: &Path) -> Option<Self> {
        use std::os::unix::fs::MetadataExt as _;
        let meta = fs::metadata(path).ok()?;
        let nanos = |secs: i64, nsec: i64| i128::from(secs) * 1_000_000_000 + i128::from(nsec);
        Some(Self {
            size: meta.size(),
            modified: nanos(meta.mtime(), meta.mtime_nsec()),
            changed: nanos(meta.ctime(), meta.ctime_nsec()),
            inode: meta.ino(),
            device: meta.dev(),
        })
    }

    #[cfg(not(unix))]
    fn of(_: &Path) -> Option<Self> {
        None
    }

    /// Whether the file's times are well before `stamp`, so that a later change moves
    /// them (see the module's doc).
    fn settled(&self, stamp: i128) -> bool {
        self.modified.max(self.changed) < stamp - RACY_MARGIN_NANOS
    }
}

/// Now, as a key's stamp.
pub(super) fn now() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(0))
}

/// How the files on disk compare with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verdict {
    /// Other files, or one changed: the cache is not for them.
    Changed,
    /// The same files; `hashed` of them had to be read and hashed to tell (their times
    /// too close to the key's stamp, or their status changed but not their bytes).
    Same { hashed: usize },
}

impl Key {
    /// The key of `files`, read from `dir` after `stamp` ([`now`], taken before the
    /// first was read): their hashes of the bytes read, their status looked up now.
    pub(super) fn of(dir: &Path, stamp: i128, files: &[ReadFile]) -> Self {
        let files = files
            .iter()
            .map(|file| FileKey {
                path: file.path.clone(),
                status: Status::of(&file.path),
                hash: xxh3_128(&file.bytes),
            })
            .collect();
        Self::with_files(dir, stamp, files)
    }

    /// The key of the files at `paths` in `dir`, each read a piece at a time now;
    /// `None` if one cannot be read. `stamp`: [`now`], taken before.
    pub(super) fn of_paths(dir: &Path, stamp: i128, paths: &[PathBuf]) -> Option<Self> {
        let files = paths
            .iter()
            .map(|path| {
                let status = Status::of(path);
                Some(FileKey {
                    path: path.clone(),
                    status,
                    hash: hash_of(path)?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self::with_files(dir, stamp, files))
    }

    fn with_files(dir: &Path, stamp: i128, files: Vec<FileKey>) -> Self {
        let program = std::env::current_exe()
            .and_then(fs::metadata)
            .ok()
            .and_then(|meta| {
                let time = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
                Some((meta.len(), time.as_secs(), time.subsec_nanos()))
            });
        Self {
            linkage: env!("CARGO_PKG_VERSION").to_string(),
            program,
            dir: dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf()),
            stamp,
            files,
        }
    }

    /// Whether the key was made for this linkage, `dir` and the files at `paths` (in
    /// that order): those whose status is what it was and settled (see the module's
    /// doc) by their status alone, the others by hashing their bytes.
    pub(super) fn verdict(&self, dir: &Path, paths: &[PathBuf]) -> Verdict {
        let other = Self::with_files(dir, self.stamp, Vec::new());
        let same_program = (&self.linkage, self.program, &self.dir)
            == (&other.linkage, other.program, &other.dir)
            && self.files.len() == paths.len();
        if !same_program {
            return Verdict::Changed;
        }
        let mut hashed = 0;
        for (file, path) in self.files.iter().zip(paths) {
            if file.path != *path {
                return Verdict::Changed;
            }
            let trusted = file
                .status
                .is_some_and(|s| s.settled(self.stamp) && Status::of(path) == Some(s));
            if !trusted {
                hashed += 1;
                if hash_of(path) != Some(file.hash) {
                    return Verdict::Changed;
                }
            }
        }
        Verdict::Same { hashed }
    }

    /// Whether the key was made for this linkage, `dir` and the files at `paths`
    /// judged by their status alone, racy or not and never reading one: for a TAB of
    /// completion, whose names may be a moment out of date (`names.rs`).
    pub(super) fn same_status(&self, dir: &Path, paths: &[PathBuf]) -> bool {
        let other = Self::with_files(dir, self.stamp, Vec::new());
        (&self.linkage, self.program, &self.dir) == (&other.linkage, other.program, &other.dir)
            && self.files.len() == paths.len()
            && self.files.iter().zip(paths).all(|(file, path)| {
                file.path == *path && file.status.is_some() && Status::of(path) == file.status
            })
    }

    /// Whether the key trusts every file by its status: none is racy against its
    /// stamp.
    pub(super) fn all_settled(&self) -> bool {
        self.files
            .iter()
            .all(|f| f.status.is_some_and(|s| s.settled(self.stamp)))
    }

    /// Whether `other` keys the same bytes of the same files as `self`.
    pub(super) fn same_bytes(&self, other: &Self) -> bool {
        self.files.len() == other.files.len()
            && self
                .files
                .iter()
                .zip(&other.files)
                .all(|(a, b)| (&a.path, a.hash) == (&b.path, b.hash))
    }
}

/// xxh3-128 of the file at `path`, read in pieces of a megabyte; `None` if it cannot
/// be read.
fn hash_of(path: &Path) -> Option<u128> {
    use std::io::Read as _;
    let mut file = fs::File::open(path).ok()?;
    let mut hasher = Xxh3::new();
    let mut piece = vec![0; 1 << 20];
    loop {
        match file.read(&mut piece) {
            Ok(0) => break,
            Ok(n) => hasher.update(&piece[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    Some(hasher.digest128())
}

#[cfg(test)]
mod tests {
    // The status a key trusts (ctime, inode) is Unix's.
    #[cfg(unix)]
    use super::*;

    #[cfg(unix)]
    fn dataset() -> (tempfile::TempDir, Vec<PathBuf>) {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<PathBuf> = ["a.json", "b.json"]
            .iter()
            .map(|name| dir.path().join(name))
            .collect();
        for path in &paths {
            fs::write(path, "{\"nodes\": []}").unwrap();
        }
        (dir, paths)
    }

    #[cfg(unix)]
    /// Sets a file's modification time `secs` seconds back.
    fn age(path: &Path, secs: u64) {
        let file = fs::File::options().write(true).open(path).unwrap();
        let then = SystemTime::now() - std::time::Duration::from_secs(secs);
        file.set_modified(then).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn settled_files_are_trusted_by_their_status_racy_ones_are_hashed() {
        let (dir, paths) = dataset();
        // Keyed now: the files were just written, within the margin: both hashed.
        let key = Key::of_paths(dir.path(), now(), &paths).unwrap();
        assert_eq!(key.verdict(dir.path(), &paths), Verdict::Same { hashed: 2 });
        // Keyed as if 10 s later: their times are settled, neither is read.
        let later = Key::of_paths(dir.path(), now() + 10_000_000_000, &paths).unwrap();
        assert_eq!(
            later.verdict(dir.path(), &paths),
            Verdict::Same { hashed: 0 }
        );
        // An edit of the same size, its modification time put back: the
        // status-change time moved, so the file is hashed and the change seen.
        let before = fs::metadata(&paths[0]).unwrap().modified().unwrap();
        fs::write(&paths[0], "{\"nodes\": {}}").unwrap();
        fs::File::options()
            .write(true)
            .open(&paths[0])
            .unwrap()
            .set_modified(before)
            .unwrap();
        assert_eq!(later.verdict(dir.path(), &paths), Verdict::Changed);
    }

    #[cfg(unix)]
    #[test]
    fn a_touched_file_with_the_same_bytes_is_the_same_after_hashing() {
        let (dir, paths) = dataset();
        let later = Key::of_paths(dir.path(), now() + 10_000_000_000, &paths).unwrap();
        age(&paths[1], 100);
        assert_eq!(
            later.verdict(dir.path(), &paths),
            Verdict::Same { hashed: 1 }
        );
        // Another set of files is another key.
        assert_eq!(later.verdict(dir.path(), &paths[..1]), Verdict::Changed);
        fs::remove_file(&paths[1]).unwrap();
        assert_eq!(later.verdict(dir.path(), &paths), Verdict::Changed);
    }

    #[cfg(unix)]
    #[test]
    fn completion_judges_by_status_alone() {
        let (dir, paths) = dataset();
        let key = Key::of_paths(dir.path(), now(), &paths).unwrap();
        assert!(key.same_status(dir.path(), &paths));
        age(&paths[0], 100);
        assert!(!key.same_status(dir.path(), &paths));
    }
}
