//! Embeds every `data/*.json` file and every paper text in `data/texts/` into the binary,
//! so `linkage` works from any directory without `--data`, and `linkage check` can verify
//! the shipped quotes against the shipped texts. The lists are generated rather than
//! written by hand so a new paper file or text is picked up by the next build.
use std::{
    env,
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
};

/// The files directly inside `dir` whose name ends in `.extension`, sorted.
fn files_in(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{} is part of the crate: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == extension))
        .collect();
    files.sort();
    files
}

/// A `static NAME: &[(&str, &[u8] or &str)]` table of `(file name, contents)`.
fn table(code: &mut String, doc: &str, name: &str, kind: &str, include: &str, files: &[PathBuf]) {
    let _ = writeln!(code, "/// {doc}");
    let _ = writeln!(code, "pub(crate) static {name}: &[(&str, {kind})] = &[");
    for path in files {
        let file_name = path
            .file_name()
            .expect("read_dir yields named entries")
            .to_string_lossy();
        let _ = writeln!(
            code,
            "    ({file_name:?}, {include}!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
}

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let data = Path::new(&manifest).join("data");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=data/texts");
    let mut code = String::new();
    table(
        &mut code,
        "The shipped dataset: (file name, contents), in file-name order.",
        "FILES",
        "&str",
        "include_str",
        &files_in(&data, "json"),
    );
    table(
        &mut code,
        "The papers' texts, byte for byte: (file name, contents), in file-name order.",
        "TEXTS",
        "&[u8]",
        "include_bytes",
        &files_in(&data.join("texts"), "txt"),
    );
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_data.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
