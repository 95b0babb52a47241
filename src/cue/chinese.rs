//! Slots in Chinese text, which writes no spaces: where a phrase begins and ends, and
//! when a cue's Chinese word is really that word.

use std::ops::Range;

/// Words that end a Chinese phrase as [`super::CLAUSE_WORDS`] end an English one: Chinese
/// writes no spaces, so a slot's phrase runs from the cue to the nearest of these (a
/// reporting verb, a conjunction, the copula), not to the eighth word. Two characters
/// each but the copula 是, so that no word is cut inside (在 is in 现在, 要 in 需要).
const CJK_CLAUSE_MARKERS: &[&str] = &[
    "认为", "指出", "表明", "显示", "发现", "强调", "提出", "因此", "所以", "但是", "然而", "而且",
    "并且", "同时", "从而", "进而", "以便", "为了", "通过", "是",
];

/// Whether `clause` is Chinese (or Japanese, Korean) written without spaces.
pub(super) fn is_unspaced_cjk(clause: &str) -> bool {
    !clause.trim().contains(' ') && clause.chars().any(crate::locate::is_cjk)
}

/// What follows the last [`CJK_CLAUSE_MARKERS`] word of `clause`: the phrase before a
/// cue ("我们认为产业扶贫" → "产业扶贫").
pub(super) fn after_last_marker(clause: &str) -> &str {
    let cut = CJK_CLAUSE_MARKERS
        .iter()
        .filter_map(|m| clause.rfind(m).map(|at| at + m.len()))
        .filter(|&end| end < clause.len())
        .max();
    cut.map_or(clause, |end| &clause[end..])
}

/// What precedes the first [`CJK_CLAUSE_MARKERS`] word of `clause`: the phrase after a
/// cue ("乡村振兴并且带动就业" → "乡村振兴").
pub(super) fn before_first_marker(clause: &str) -> &str {
    let cut = CJK_CLAUSE_MARKERS
        .iter()
        .filter_map(|m| clause.find(m))
        .filter(|&at| at > 0)
        .min();
    cut.map_or(clause, |at| &clause[..at])
}

/// Whether the Chinese cue words at `place` are part of a longer clause marker of
/// `text` (the 为 of 认为 is not the cue word 为): Chinese has no spaces to say where a
/// word ends, and the markers are the words a slot already stops at.
pub(super) fn inside_marker(text: &str, place: Range<usize>) -> bool {
    CJK_CLAUSE_MARKERS.iter().any(|marker| {
        text.match_indices(marker).any(|(at, m)| {
            let end = at + m.len();
            at < place.end && place.start < end && !(place.start <= at && end <= place.end)
        })
    })
}
