//! A cache file's bytes as the kernel's page cache holds them: a read-only memory
//! map, not a copy.
//!
//! Why: a warm `show` or `path` at 100,000 nodes / 1,000,000 relations reads an 88 MB
//! cache file, and copying it into fresh memory (the copy, and a page fault to clear
//! and charge every 4 KiB page of the buffer) was about a third of the whole process.
//! Mapped, the pages are the page cache's own, faulted in 16 at a time as the checksum
//! and the decoder read them (bench/README.md has the figures).
//!
//! This is the crate's one module with `unsafe` (the crate denies it; only here is it
//! allowed). Mapping a file is unsafe because the bytes behind the slice must not
//! change while it is borrowed. What makes it sound here:
//! - linkage never writes a cache file in place: every write goes to a temporary file
//!   renamed over the old one (`write::Destination`), and eviction (`limit`) unlinks.
//!   A process holding a map keeps the old file's bytes in either case, as the kernel
//!   keeps an unlinked inode while it is mapped;
//! - the map is private and read-only, and lives as long as the [`Bytes`] that
//!   borrows it, which every caller drops before it returns.
//!
//! What it cannot rule out is another program writing or truncating the file in place
//! while linkage reads it: changed bytes fail the checksum (a miss, as a damaged file
//! is), but a file cut shorter than its map ends the process with SIGBUS when a page
//! past its end is read. A cache file is linkage's own, in its own directory, so no
//! other program has a reason to; `--no-cache` never maps anything.

#![allow(unsafe_code)]

use std::{fs::File, ops::Deref, path::Path};

/// The bytes of a file: mapped, or read when the file cannot be mapped (an empty
/// file, a file system without maps).
pub(crate) enum Bytes {
    Mapped(memmap2::Mmap),
    Read(Vec<u8>),
}

impl Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(map) => map,
            Bytes::Read(bytes) => bytes,
        }
    }
}

/// The bytes of the cache file `path` (see the module's doc for why a map is sound).
pub(crate) fn read(path: &Path) -> std::io::Result<Bytes> {
    let file = File::open(path)?;
    if file.metadata()?.len() > 0 {
        // SAFETY: linkage replaces cache files by rename and never writes one in place
        // (the module's doc); the map is read-only and dropped with the `Bytes`.
        if let Ok(map) = unsafe { memmap2::Mmap::map(&file) } {
            return Ok(Bytes::Mapped(map));
        }
    }
    std::fs::read(path).map(Bytes::Read)
}

#[cfg(test)]
mod tests {
    use super::{read, Bytes};

    #[test]
    fn a_file_reads_as_its_bytes_mapped_or_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data-x.bin");
        let content: Vec<u8> = (0..100_000u32).flat_map(u32::to_le_bytes).collect();
        std::fs::write(&path, &content).unwrap();
        let bytes = read(&path).unwrap();
        assert!(matches!(bytes, Bytes::Mapped(_)));
        assert_eq!(&*bytes, &content[..]);
        // Replaced by a rename, as linkage writes caches: the map keeps the old bytes.
        let next = dir.path().join("data-x.tmp");
        std::fs::write(&next, b"other").unwrap();
        std::fs::rename(&next, &path).unwrap();
        assert_eq!(&*bytes, &content[..]);
        assert_eq!(&*read(&path).unwrap(), b"other");
        // An empty file cannot be mapped: read.
        std::fs::write(&path, b"").unwrap();
        assert!(matches!(read(&path).unwrap(), Bytes::Read(ref v) if v.is_empty()));
        assert!(read(&dir.path().join("missing")).is_err());
    }
}
