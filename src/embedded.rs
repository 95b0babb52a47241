//! The dataset compiled into the binary: the five papers' graph and the default schema.

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
