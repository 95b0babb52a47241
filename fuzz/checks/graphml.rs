//! Arbitrary bytes as a GraphML file to import: reading must end in data files or in an
//! error naming a place, never in a panic, a crash of the stack, or time or memory out
//! of proportion to the input. Data files read are loaded as a dataset, as `import`
//! loads them.

use linkage::{import::graphml, load::load_in_memory};

/// The check: panics (a finding) when the input breaks a promise.
pub(crate) fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match graphml::read("fuzz.graphml", text) {
        Ok(files) => {
            let files = files
                .into_iter()
                .map(|(name, text)| (format!("out/{name}"), text.into_bytes()))
                .collect();
            if let Err(error) = load_in_memory(files) {
                let _ = error.to_string();
            }
        }
        Err(error) => {
            let message = error.to_string();
            assert!(message.starts_with("fuzz.graphml:"), "{message}");
        }
    }
}
