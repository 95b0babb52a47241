//! The dataset compiled into the binary: the five papers' graph, the default schema, and
//! the papers' texts (`data/texts/`) its quotes are checked against.

include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));

/// The embedded file called `name`, if there is one.
pub(crate) fn file(name: &str) -> Option<&'static str> {
    FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// Every embedded file, in file-name order.
pub(crate) fn files() -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES.iter().copied()
}

/// The embedded paper text called `name` (a paper's `file` field), if there is one.
pub(crate) fn text(name: &str) -> Option<&'static [u8]> {
    TEXTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, bytes)| *bytes)
}

/// Every embedded paper text (its file name and bytes), in file-name order.
pub(crate) fn texts() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    TEXTS.iter().copied()
}

/// How many paper texts are embedded.
pub(crate) fn text_count() -> usize {
    TEXTS.len()
}
