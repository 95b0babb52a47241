//! Whether a command has a JSON form: the one decision behind refusing `--json` on the
//! command line and answering (or refusing) a line in `batch` and `serve`. It is made
//! from the parsed command, before the command runs, so that `--json` on a command that
//! writes files is refused before anything is written.

use crate::{
    cli::{Command, ImportFormat},
    error::Error,
};

/// Whether `command` has a JSON form (its report's [`crate::report::Report::json`]
/// gives one). `batch` and `serve` answer only with their JSON, so they have one too.
pub(crate) fn has_json(command: &Command) -> bool {
    written_instead(command).is_none()
}

/// Refuses `--json` (when `json` is set) for a command without a JSON form.
///
/// # Errors
/// [`Error::Usage`] naming what the command writes instead.
pub(crate) fn refuse_json(command: &Command, json: bool) -> Result<(), Error> {
    match written_instead(command) {
        Some(writes) if json => Err(Error::Usage(format!("--json is for queries; {writes}"))),
        _ => Ok(()),
    }
}

/// What a command without a JSON form writes instead; `None` for one with a JSON form.
fn written_instead(command: &Command) -> Option<&'static str> {
    const DRAWINGS: &str = "diagrams are written as DOT, SVG, PNG or PDF";
    const LESSONS: &str = "lessons are written as HTML, SVG and Markdown";
    use Command as C;
    match command {
        C::Check { .. }
        | C::List { .. }
        | C::Show { .. }
        | C::Search { .. }
        | C::Match { .. }
        | C::Papers { .. }
        | C::Schema { .. }
        | C::Diff { .. }
        | C::Compare { .. }
        | C::Contested { .. }
        | C::Paper { .. }
        | C::Position { .. }
        | C::Path(_)
        | C::Neighbors { .. }
        | C::Locate { .. }
        | C::Add(_)
        | C::Batch(_)
        | C::Serve(_) => None,
        C::Dot { .. } | C::Render { .. } | C::Gallery { .. } | C::Figure(_) => Some(DRAWINGS),
        C::Table(_) => Some("tables are written as LaTeX, Markdown or DOCX"),
        C::Html { .. } | C::Steps { .. } | C::Handout { .. } | C::Quiz { .. } => Some(LESSONS),
        C::Suggest { .. } => Some("a drafted claims sheet is CSV, the format `import` reads"),
        C::Export { .. } => Some("an export is written in the format --format names"),
        C::Completions { .. } => Some("completions are a shell script"),
        C::Man => Some("the manual page is roff"),
        C::Init { .. } => Some("init writes a new dataset and lists its files"),
        C::Import { file, format, .. } => {
            match format.or_else(|| ImportFormat::from_path(file)) {
                Some(ImportFormat::Claims) => {
                    Some("a claims import writes a data file and says what it wrote")
                }
                Some(ImportFormat::Graphml) => {
                    Some("a GraphML import writes a new dataset and lists its files")
                }
                // Paper records have a JSON form; a format that cannot be told is the
                // command's own error, which says more than a refusal of --json.
                Some(ImportFormat::Bibtex | ImportFormat::CslJson) | None => None,
            }
        }
    }
}
