//! Writing output files where the user said, keeping what was there, and never into the
//! dataset being read.
//!
//! A scholar's `-o figure.svg` may be a new file, an existing one (whose permissions they
//! chose), a symlink into a shared folder, or `/dev/stdout` and a pipe. Each is written the
//! way a careful Unix tool writes it: regular files through a temporary file renamed into
//! place (a reader never sees half a file, a failure leaves the old one intact; the
//! temporary file is written as the output is made, so an export is never held whole), links
//! through to their target, and devices or pipes directly, since renaming over them would
//! replace the device node itself.
//!
//! A [`Destination`] is the only door: made as a user's output (refused inside the data
//! directory there and then) or as a file a command exists to write, it is the only
//! code that calls the writer below.

use std::{
    fs,
    io::{self, Write as _},
    path::{Path, PathBuf},
};

use crate::error::Error;

/// How many symlinks are followed before giving up, as the kernel does (`ELOOP`).
const MAX_SYMLINK_HOPS: usize = 40;

/// A file linkage may write, decided once: an output the user named, refused on
/// construction when it lies inside the data directory being read; or a data file that
/// an authoring command (`init`, `add`, `import`) exists to write; or the cache's own
/// file. [`Destination::write`] is then the one way bytes reach a file: atomically for
/// a regular file (keeping its permissions), through symlinks to their target, and
/// straight into a device or pipe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    path: PathBuf,
}

impl Destination {
    /// An output file the user named (`-o FILE`), outside `data_dir` (when given).
    ///
    /// # Errors
    /// [`Error::Usage`] when `path` (or the file it links to) lies inside `data_dir`:
    /// linkage never writes into a user's data unless a command exists to do that.
    pub fn output(path: impl Into<PathBuf>, data_dir: Option<&Path>) -> Result<Self, Error> {
        let path = path.into();
        refuse_data_dir(&path, data_dir)?;
        Ok(Self { path })
    }

    /// A file of a dataset that a command exists to write: `init`'s new dataset, and
    /// the data files `add`, `import claims` and `import bibtex` change after checking
    /// the dataset with the change (`crate::author::target` says which files they may).
    pub fn data_file(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }

    /// The cache's own file, in the user's cache directory (`crate::cache`).
    pub(crate) fn cache_file(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }

    /// The path as the user (or the command) named it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `bytes` to the destination (see [`Destination`] for how).
    ///
    /// # Errors
    /// [`Error::Io`] naming the path as named, never a temporary file.
    pub fn write(&self, bytes: &[u8]) -> Result<(), Error> {
        self.write_with(|out| out.write_all(bytes))
    }

    /// Writes what `produce` writes into the writer it is given, as it writes it: an
    /// export of a million relations goes to disk a piece at a time and is never held
    /// whole. The guarantees are [`Destination::write`]'s: a regular file is written
    /// into a temporary sibling that is checked, synced and renamed over it only when
    /// `produce` has succeeded, so a failure (of the disk, or of the data: an error
    /// `produce` carries with [`crate::report::carry`]) removes the temporary file and
    /// leaves the old file as it was. A device or pipe has nothing to keep and is
    /// written directly.
    ///
    /// # Errors
    /// The [`Error`] `produce` carries, as itself; else [`Error::Io`] naming the path as
    /// named, never a temporary file.
    pub fn write_with(
        &self,
        produce: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(), Error> {
        write_atomically(&self.path, produce)
    }
}

/// A directory the user named for several output files (`-o DIR`), outside the data
/// directory; each file in it is a [`Destination`], checked again (a file in it may
/// be a link into the data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DestinationDir {
    dir: PathBuf,
    data_dir: Option<PathBuf>,
}

impl DestinationDir {
    /// The output directory `dir` (which may not exist yet), outside `data_dir`.
    ///
    /// # Errors
    /// [`Error::Usage`] when `dir` lies inside `data_dir`.
    pub fn output(dir: impl Into<PathBuf>, data_dir: Option<&Path>) -> Result<Self, Error> {
        let dir = dir.into();
        refuse_dir_in_data_dir(&dir, data_dir)?;
        Ok(Self {
            dir,
            data_dir: data_dir.map(Path::to_path_buf),
        })
    }

    /// The directory as the user named it.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// The file `name` in the directory.
    ///
    /// # Errors
    /// [`Error::Usage`] when that file links into the data directory.
    pub fn file(&self, name: impl AsRef<Path>) -> Result<Destination, Error> {
        Destination::output(self.dir.join(name), self.data_dir.as_deref())
    }

    /// Creates the directory (and its parents) when missing.
    ///
    /// # Errors
    /// [`Error::Io`] when it cannot be created.
    pub fn create(&self) -> Result<(), Error> {
        fs::create_dir_all(&self.dir).map_err(|e| Error::io("create directory", &self.dir, e))
    }
}

/// How many bytes are gathered before each write to the file: a streamed export writes
/// in pieces of a few hundred bytes.
const BUFFER: usize = 1 << 16;

/// Writes what `produce` writes to `path`: atomically for a regular file (new or
/// existing, keeping an existing file's permissions, giving a new one those the umask
/// allows), to the target of a symlink, and directly into a device or FIFO.
///
/// # Errors
/// The [`Error`] `produce` carries; else [`Error::Io`] naming `path` as the user wrote
/// it, never a temporary file.
fn write_atomically(
    path: &Path,
    produce: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> Result<(), Error> {
    // `fs::metadata` follows links in the kernel, magic ones too (`/dev/stdout` ->
    // `/proc/self/fd/1` -> `pipe:[…]`), so devices and pipes are told apart before any
    // link is read by hand.
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(Error::io(
            "write",
            path,
            io::Error::other("it is a directory; name a file"),
        )),
        Ok(meta) if !meta.is_file() => write_in_place(path, produce).map_err(|e| plain(path, e)),
        Ok(meta) => {
            let target = fs::canonicalize(path).map_err(|e| plain(path, e))?;
            replace_file(&target, produce, Some(meta.permissions())).map_err(|e| plain(path, e))
        }
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            let target = follow_symlinks(path)?;
            require_parent_dir(path, &target)?;
            replace_file(&target, produce, None).map_err(|e| plain(path, e))
        }
        Err(e) => Err(plain(path, e)),
    }
}

/// The path a write to `path` lands on: `path` itself, or the end of its chain of links
/// (which may not exist yet: a dangling link is written through, as `>` in a shell does).
///
/// # Errors
/// [`Error::Io`] for an unreadable link or a loop of links.
fn follow_symlinks(path: &Path) -> Result<PathBuf, Error> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_SYMLINK_HOPS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current).map_err(|e| plain(path, e))?;
                current = match current.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(Error::io(
        "write",
        path,
        io::Error::other("too many levels of symbolic links"),
    ))
}

/// Says which directory is missing, rather than a bare "No such file or directory".
fn require_parent_dir(path: &Path, target: &Path) -> Result<(), Error> {
    let dir = parent_dir(target);
    match fs::metadata(&dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(Error::io(
            "write",
            path,
            io::Error::other(format!("{} is not a directory", dir.display())),
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(Error::io(
            "write",
            path,
            io::Error::other(format!(
                "the directory {} does not exist; create it first",
                dir.display()
            )),
        )),
        Err(e) => Err(plain(path, e)),
    }
}

/// The directory a file is created in (`.` for a bare file name).
fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes into an existing device, FIFO or socket as it is: no temporary file, no rename.
fn write_in_place(
    target: &Path,
    produce: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    let file = fs::OpenOptions::new().write(true).open(target)?;
    let mut out = io::BufWriter::with_capacity(BUFFER, file);
    produce(&mut out)?;
    out.flush()
}

/// Writes a regular file through a temporary sibling renamed over it once `produce`
/// has written it whole and it is synced; on any error the temporary file is removed
/// (dropped) and the target is not touched. `kept` are the permissions of the file
/// being replaced; a new file is created with mode 0666, which the process umask
/// narrows exactly as it would for any other program.
fn replace_file(
    target: &Path,
    produce: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
    kept: Option<fs::Permissions>,
) -> io::Result<()> {
    let dir = parent_dir(target);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".linkage-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let file = builder.tempfile_in(&dir)?;
    if let Some(permissions) = kept {
        // Set explicitly: the umask applies to creation, not to the mode a file had.
        fs::set_permissions(file.path(), permissions)?;
    }
    let mut out = io::BufWriter::with_capacity(BUFFER, file);
    produce(&mut out)?;
    let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.as_file().sync_all()?;
    file.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// An I/O error on the user's `path`, stripped of any temporary file's name that the
/// underlying library may have added to its message; or the error of the data that
/// the writer carried ([`crate::report::carry`]), as itself.
fn plain(path: &Path, error: io::Error) -> Error {
    if matches!(error.get_ref(), Some(inner) if inner.is::<Error>()) {
        return crate::report::uncarry(error, "");
    }
    let bare = match error.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None if error.kind() == io::ErrorKind::Other => error,
        None => io::Error::from(error.kind()),
    };
    Error::io("write", path, bare)
}

/// Makes sure `dir` is a new or empty directory to write a dataset into, creating it
/// when missing: what is there is never overwritten. A directory that cannot be listed
/// is not taken for an empty one.
///
/// # Errors
/// [`Error::Usage`] (`why` following the directory's name) when `dir` has anything in
/// it; [`Error::Io`] when it cannot be listed or created.
pub fn new_or_empty_dir(dir: &Path, why: &str) -> Result<(), Error> {
    match fs::read_dir(dir).map(|mut entries| entries.next().is_none()) {
        Ok(true) => Ok(()),
        Ok(false) => Err(Error::Usage(format!("{} {why}", dir.display()))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))
        }
        Err(e) => Err(Error::io("read directory", dir, e)),
    }
}

/// Refuses an output path inside the data directory: linkage never writes into a
/// user's data. A symlink is judged by where it points.
///
/// # Errors
/// [`Error::Usage`] when `output` (or the file it links to) lies inside `data_dir`.
fn refuse_data_dir(output: &Path, data_dir: Option<&Path>) -> Result<(), Error> {
    let Some(data_dir) = data_dir else {
        return Ok(());
    };
    let target = match fs::canonicalize(output) {
        Ok(real) => real,
        Err(_) => follow_symlinks(output)?,
    };
    // The output's directory may not exist yet (`gallery data/new`): judge by its
    // nearest existing ancestor.
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    refuse_inside(parent, output, data_dir)
}

/// Refuses an output directory inside the data directory (itself, or one to be made
/// in it).
///
/// # Errors
/// [`Error::Usage`] when `dir` lies inside `data_dir`.
fn refuse_dir_in_data_dir(dir: &Path, data_dir: Option<&Path>) -> Result<(), Error> {
    let Some(data_dir) = data_dir else {
        return Ok(());
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    refuse_inside(dir, dir, data_dir)
}

/// Refuses `output` when `dir` (or, when it does not exist yet, its nearest existing
/// ancestor) lies inside `data_dir`.
fn refuse_inside(dir: &Path, output: &Path, data_dir: &Path) -> Result<(), Error> {
    let Ok(data) = data_dir.canonicalize() else {
        return Ok(());
    };
    let mut dir = dir;
    let real = loop {
        if let Ok(real) = dir.canonicalize() {
            break real;
        }
        match dir.parent() {
            Some(up) if !up.as_os_str().is_empty() => dir = up,
            _ => break std::env::current_dir().unwrap_or_default(),
        }
    };
    if real.starts_with(&data) {
        return Err(Error::Usage(format!(
            "refusing to write {} inside the data directory {}; choose another output path",
            output.display(),
            data_dir.display()
        )));
    }
    Ok(())
}

/// Writes `bytes` to standard output. A reader that closed the pipe early (`| head`)
/// is not an error; any other failure (`> /dev/full`) is.
///
/// # Errors
/// [`Error::Io`] naming standard output.
pub fn write_stdout(out: &mut impl io::Write, bytes: &[u8]) -> Result<(), Error> {
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Error::io("write", "standard output", e))
        }
        _ => Ok(()),
    }
}

/// A temporary directory for files another program reads while linkage runs (the
/// bibliography pandoc resolves a table's citations against): never an output the user
/// named, nothing inside a dataset, gone with its files when dropped.
#[derive(Debug)]
pub struct Scratch(tempfile::TempDir);

impl Scratch {
    /// A new scratch directory in the system's temporary directory.
    ///
    /// # Errors
    /// [`Error::Io`] when it cannot be made.
    pub fn new() -> Result<Self, Error> {
        tempfile::tempdir().map(Self).map_err(|source| Error::Io {
            action: "create a temporary directory for",
            path: std::env::temp_dir(),
            source,
        })
    }

    /// Writes `bytes` to the file `name` in the scratch directory; its path.
    ///
    /// # Errors
    /// [`Error::Io`] when it cannot be written.
    pub fn file(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, Error> {
        let path = self.0.path().join(name);
        fs::write(&path, bytes).map_err(|source| Error::Io {
            action: "write",
            path: path.clone(),
            source,
        })?;
        Ok(path)
    }
}
