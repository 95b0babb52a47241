//! The data file a writing command (`add --file`, `import --into`) writes: only a name
//! the loader reads, so a claim reported added is a claim the next command loads.
//!
//! The loader reads the `*.json` files directly inside the dataset's directory (and
//! `schema.json` as its schema). A claim written to `notes.txt`, `sub/x.json` or
//! `../outside.json` would be written, reported, and never loaded again; a symlink whose
//! target lies outside the directory would write outside the dataset. Each is refused
//! here, with the reason, before anything is checked or written.

use std::{
    fs,
    path::{Component, Path, PathBuf},
};

use crate::error::Error;

/// The data file `name` names inside the dataset `dir`: `dir` joined with `name`, when
/// `name` is a bare `NAME.json` (not `schema.json`) and what is there, if anything, is
/// a regular file or a symlink to one inside the dataset that is not another of its
/// data files. `flag` is how the user named it (`--file`), for the message.
///
/// # Errors
/// [`Error::Usage`] saying why the name is refused and what would be read.
pub fn data_file(dir: &Path, name: &str, flag: &str) -> Result<PathBuf, Error> {
    let refuse = |why: String| {
        Error::Usage(format!(
            "{flag} {name}: {why}; linkage reads the NAME.json files directly inside {}, so name one of those",
            dir.display()
        ))
    };
    let path = Path::new(name);
    if path.is_absolute() || path.has_root() {
        return Err(refuse("a path, not a file name inside the dataset".into()));
    }
    if path.components().any(|c| c == Component::ParentDir) {
        return Err(refuse("`..` leads out of the dataset".into()));
    }
    let mut parts = path.components().filter(|c| *c != Component::CurDir);
    let bare = match (parts.next(), parts.next()) {
        (Some(Component::Normal(bare)), None) => Path::new(bare),
        (None, _) => return Err(refuse("an empty name".into())),
        _ => {
            return Err(refuse(
                "not directly inside the dataset, so it would never be loaded".into(),
            ))
        }
    };
    if bare.extension().is_none_or(|ext| ext != "json") {
        return Err(refuse(
            "not a .json file, so it would never be loaded".into(),
        ));
    }
    if bare == Path::new("schema.json") {
        return Err(refuse(
            "the dataset's schema (its kinds), not a file of claims".into(),
        ));
    }
    let file = dir.join(bare);
    let Ok(meta) = fs::symlink_metadata(&file) else {
        // Nothing there yet: a new data file.
        return Ok(file);
    };
    if meta.file_type().is_symlink() {
        let (Ok(target), Ok(inside)) = (file.canonicalize(), dir.canonicalize()) else {
            return Err(refuse(
                "a symlink to nothing, so it would never be loaded".into(),
            ));
        };
        if !target.starts_with(&inside) {
            return Err(refuse(format!(
                "a symlink to {}, outside the dataset",
                target.display()
            )));
        }
        if target.parent() == Some(inside.as_path())
            && target.extension().is_some_and(|ext| ext == "json")
        {
            return Err(refuse(format!(
                "a symlink to {}, another data file, which would be loaded twice",
                target.display()
            )));
        }
    }
    match fs::metadata(&file) {
        Ok(meta) if meta.is_file() => Ok(file),
        Ok(meta) if meta.is_dir() => Err(refuse("a directory".into())),
        _ => Err(refuse(
            "not a regular file, so it would never be loaded".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::data_file;

    #[test]
    fn only_bare_json_names_the_loader_reads_are_accepted() {
        let dir = tempfile::tempdir().unwrap();
        for (name, file) in [
            ("claims.json", "claims.json"),
            ("./claims.json", "claims.json"),
            ("claims.json/", "claims.json"),
            (".hidden.json", ".hidden.json"),
        ] {
            let ok = data_file(dir.path(), name, "--file").unwrap();
            assert_eq!(ok, dir.path().join(file), "{name}");
        }
        for (name, why) in [
            ("notes.txt", "not a .json file"),
            ("claims.JSON", "not a .json file"),
            (".json", "not a .json file"),
            ("sub/x.json", "not directly inside the dataset"),
            ("sub/../x.json", "leads out of the dataset"),
            ("../outside.json", "leads out of the dataset"),
            ("/tmp/x.json", "a path, not a file name"),
            ("schema.json", "the dataset's schema"),
            ("", "an empty name"),
        ] {
            let error = data_file(dir.path(), name, "--file")
                .unwrap_err()
                .to_string();
            assert!(error.contains(why), "{name}: {error}");
            assert!(error.starts_with(&format!("--file {name}: ")), "{error}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_judged_by_where_it_points() {
        use std::os::unix::fs::symlink;
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("d");
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(root.path().join("outside.json"), "{}").unwrap();
        std::fs::write(dir.join("sub/kept.json"), "{}").unwrap();
        std::fs::write(dir.join("real.json"), "{}").unwrap();
        symlink(root.path().join("outside.json"), dir.join("out.json")).unwrap();
        symlink("sub/kept.json", dir.join("in.json")).unwrap();
        symlink("real.json", dir.join("twice.json")).unwrap();
        symlink("missing.json", dir.join("dangling.json")).unwrap();
        std::fs::create_dir(dir.join("folder.json")).unwrap();
        assert!(data_file(&dir, "in.json", "--file").is_ok());
        for (name, why) in [
            ("out.json", "outside the dataset"),
            ("twice.json", "loaded twice"),
            ("dangling.json", "a symlink to nothing"),
            ("folder.json", "a directory"),
        ] {
            let error = data_file(&dir, name, "--file").unwrap_err().to_string();
            assert!(error.contains(why), "{name}: {error}");
        }
    }
}
