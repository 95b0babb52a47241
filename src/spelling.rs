//! "Did you mean" suggestions for misspelt ids and names.

/// Names longer than this get no suggestion.
const MAX_NAME: usize = 200;

/// Up to `max` candidates closest to `wanted`, best first, ties in input order.
/// Only candidates that are plausibly a misspelling (similarity above a threshold)
/// are returned.
pub(crate) fn closest<'a>(
    wanted: &str,
    candidates: impl Iterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    // A misspelling is short; comparing a megabyte-long name with every candidate would
    // only take time (Jaro-Winkler is quadratic).
    if wanted.chars().count() > MAX_NAME {
        return Vec::new();
    }
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(f64, usize, &str)> = candidates
        .enumerate()
        .map(|(i, c)| (strsim::jaro_winkler(&wanted, &c.to_lowercase()), i, c))
        .filter(|(score, _, _)| *score >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(max).map(|(_, _, c)| c).collect()
}
