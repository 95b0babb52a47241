//! Problems found while loading, kept as pointers until the end, when each becomes a
//! diagnostic with its file, line and column.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::{
    diagnostic::{Diagnostic, Severity},
    graph::DataFileText,
};

/// A problem whose place is known as a pointer until the end, when it becomes
/// line and column (computing those only for files that have problems).
pub(super) struct Problem {
    pub(super) file: usize,
    pub(super) place: Place,
    pub(super) severity: Severity,
    pub(super) message: String,
    pub(super) hint: Option<String>,
    /// Another place the hint refers to ("first defined at …"), as (words, file, pointer).
    pub(super) see: Option<(&'static str, usize, String)>,
}

pub(super) enum Place {
    File,
    LineColumn(usize, usize),
    /// A byte offset into the file's text.
    Offset(usize),
    Pointer(String),
}

#[derive(Default)]
pub(super) struct Problems {
    pub(super) list: Vec<Problem>,
    /// Ids of records that could not be read (a syntax error in their file, a wrong
    /// type, an unknown kind): references to them are not reported again as unknown.
    pub(super) unavailable: FxHashSet<String>,
}

impl Problems {
    pub(super) fn at(
        &mut self,
        file: usize,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> &mut Problem {
        self.push(file, Place::Pointer(pointer.into()), message)
    }

    pub(super) fn push(
        &mut self,
        file: usize,
        place: Place,
        message: impl Into<String>,
    ) -> &mut Problem {
        self.list.push(Problem {
            file,
            place,
            severity: Severity::Error,
            message: message.into(),
            hint: None,
            see: None,
        });
        self.list.last_mut().expect("just pushed")
    }
}

impl Problem {
    pub(super) fn hint(&mut self, hint: impl Into<String>) {
        self.hint = Some(hint.into());
    }

    /// Points the hint at another place, resolved to `file:line:column` at the end.
    pub(super) fn see(&mut self, words: &'static str, file: usize, pointer: String) {
        self.see = Some((words, file, pointer));
    }
}

/// The JSON pointer of an item (`/relations/3`), formatted only when a problem needs it:
/// building a million pointer strings for valid data would be wasted work.
#[derive(Debug, Clone, Copy)]
pub(super) struct ItemPointer(pub(super) &'static str, pub(super) usize);

impl std::fmt::Display for ItemPointer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "/{}/{}", self.0, self.1)
    }
}

pub(super) fn quote_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Turns problems into diagnostics, resolving pointers to lines and columns and
/// sorting by file and place so output is stable. Each file is indexed once and its
/// offsets become lines and columns in one sweep, so thousands of problems in one
/// large file cost about one pass over it, not one pass each.
pub(super) fn finish(problems: Problems, texts: &[DataFileText]) -> Vec<Diagnostic> {
    let text_of = |file: usize| texts.get(file).map_or("", DataFileText::text);
    let name_of = |file: usize| texts.get(file).map_or_else(String::new, |t| t.name.clone());
    let mut indexes: Vec<Option<crate::source_map::FileIndex<'_>>> =
        texts.iter().map(|_| None).collect();
    let mut offset_of = |file: usize, pointer: &str| -> Option<usize> {
        let slot = indexes.get_mut(file)?;
        slot.get_or_insert_with(|| crate::source_map::FileIndex::new(text_of(file)))
            .offset(pointer)
    };
    // Each problem's place, and that of its "see" hint, as a byte offset where known.
    let mut resolved = Vec::with_capacity(problems.list.len());
    for p in problems.list {
        let see = p
            .see
            .as_ref()
            .map(|(words, file, pointer)| (*words, *file, offset_of(*file, pointer)));
        let place = match &p.place {
            Place::File => Resolved::Nowhere,
            Place::LineColumn(l, c) => Resolved::LineColumn(*l, *c),
            Place::Offset(offset) => Resolved::Offset(*offset),
            Place::Pointer(pointer) => {
                offset_of(p.file, pointer).map_or(Resolved::Nowhere, Resolved::Offset)
            }
        };
        resolved.push((p, place, see));
    }
    // Every offset wanted in each file, turned into lines and columns in one sweep.
    let mut wanted: Vec<Vec<usize>> = vec![Vec::new(); texts.len()];
    for (p, place, see) in &resolved {
        if let (Resolved::Offset(offset), Some(list)) = (place, wanted.get_mut(p.file)) {
            list.push(*offset);
        }
        if let Some((_, file, Some(offset))) = see {
            if let Some(list) = wanted.get_mut(*file) {
                list.push(*offset);
            }
        }
    }
    let places: Vec<FxHashMap<usize, (usize, usize)>> = wanted
        .iter()
        .enumerate()
        .map(|(file, offsets)| {
            if offsets.is_empty() {
                // Not even the text is asked for: it may have been let go.
                return FxHashMap::default();
            }
            let found = crate::source_map::line_columns(text_of(file), offsets);
            offsets.iter().copied().zip(found).collect()
        })
        .collect();
    let line_column = |file: usize, offset: usize| {
        places
            .get(file)
            .and_then(|p| p.get(&offset))
            .copied()
            .unwrap_or_else(|| crate::source_map::line_column(text_of(file), offset))
    };
    let mut keyed: Vec<((usize, usize, usize), Diagnostic)> = resolved
        .into_iter()
        .map(|(p, place, see)| {
            let text = text_of(p.file);
            let mut d = Diagnostic::error(name_of(p.file), p.message);
            d.severity = p.severity;
            d.hint = p.hint;
            if let Some((words, file, offset)) = see {
                let name = name_of(file);
                d.hint = Some(match offset.map(|o| line_column(file, o)) {
                    Some((l, c)) => format!("{words} {name}:{l}:{c}"),
                    None => format!("{words} {name}"),
                });
            }
            match place {
                Resolved::Nowhere => {}
                Resolved::LineColumn(l, c) => d = d.at(text, l, c),
                Resolved::Offset(offset) => {
                    let (l, c) = line_column(p.file, offset);
                    d = d.at_offset(text, offset, l, c);
                }
            }
            ((p.file, d.line.unwrap_or(0), d.column.unwrap_or(0)), d)
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, d)| d).collect()
}

/// A problem's place once pointers are resolved.
pub(super) enum Resolved {
    Nowhere,
    LineColumn(usize, usize),
    Offset(usize),
}
