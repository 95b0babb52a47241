//! `linkage batch`: many queries answered with one load of the data.
//!
//! Each line is a command line as it would follow `linkage` (`path tpa rr --limit 1`),
//! split as a shell splits words, parsed by the same clap parser and answered by the same
//! code as the command line, always in its `--json` form squeezed onto one line. A script
//! asking hundreds of questions then pays for loading once instead of once per question.
//! [`answer_words`] is shared with `linkage serve`.

use std::{
    fs::File,
    io::{self, BufRead, BufReader, Read as _, Write as _},
    path::{Path, PathBuf},
    sync::Arc,
};

use clap::Parser as _;

use crate::{
    cli::{BatchArgs, Cli, Command},
    commands::{self, has_json, Outcome, Session},
    error::Error,
    load::Loaded,
    report::{Layout, Report},
};

/// The answer to one query: a line of JSON and its exit code (0 found, 1 nothing
/// found, 2 error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The JSON, on one line, without the line break.
    pub json: String,
    /// 0, 1 or 2, as the same command alone would exit.
    pub code: u8,
}

impl Answer {
    /// An error answer: `{"error": message, "line": line}` (the line only when known).
    pub fn error(message: &str, line: Option<usize>) -> Self {
        let value = match line {
            Some(line) => serde_json::json!({ "error": message, "line": line }),
            None => serde_json::json!({ "error": message }),
        };
        Self {
            json: value.to_string(),
            code: 2,
        }
    }
}

/// Answers one parsed command line with the command's report. The dispatch
/// (`run::answer`) is passed in rather than called by name: the dispatch is what runs
/// `batch` and `serve`, and a module it runs should not depend on it.
pub type Answerer = for<'s> fn(&'s Cli, &'s Session) -> commands::Answer<'s>;

/// Runs `linkage batch`: loads the data once, answers every line, exits with the worst
/// code of all answers (0 when there were none).
pub fn run(session: &Session, args: &BatchArgs, answer: Answerer) -> Result<Outcome, Error> {
    let mut input: Box<dyn BufRead> = match &args.file {
        Some(path) if path.as_os_str() != "-" => Box::new(BufReader::new(
            File::open(path).map_err(|e| Error::io("read", path, e))?,
        )),
        _ => Box::new(io::stdin().lock()),
    };
    let loaded = session.load_for_many()?;
    let data = session.data_dir();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut worst = 0;
    let mut line = Vec::new();
    for number in 1.. {
        let whole = match next_line(&mut input, &mut line) {
            Ok(Some(whole)) => whole,
            Ok(None) => break,
            Err(e) => return Err(Error::io("read", input_name(args), e)),
        };
        // One bad line is one error answer; the lines after it are still answered.
        let answer = match std::str::from_utf8(&line) {
            _ if !whole => Some(Answer::error(
                &format!("line over {MAX_LINE_BYTES} bytes"),
                Some(number),
            )),
            Ok(line) => answer_line(&loaded, data, line, number, answer),
            Err(e) => Some(Answer::error(&format!("not UTF-8: {e}"), Some(number))),
        };
        let Some(answer) = answer else {
            continue;
        };
        worst = worst.max(answer.code);
        // Flushed line by line, so a script can ask, read the answer, and ask again.
        let written = writeln!(out, "{}", answer.json).and_then(|()| out.flush());
        match written {
            Ok(()) => {}
            // The reader went away (`| head`): nothing more to answer.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => break,
            Err(e) => return Err(Error::io("write", "standard output", e)),
        }
    }
    match worst {
        0 => Ok(Outcome::Found),
        1 => Ok(Outcome::Nothing),
        _ => Err(Error::Usage(
            "some queries failed (their lines hold an \"error\")".into(),
        )),
    }
}

/// The longest line read, in bytes. A longer one is answered with an error; its bytes
/// past the limit are read and dropped, never kept.
pub const MAX_LINE_BYTES: usize = 16 * 1024;

/// Reads the next line into `line` without its line break: `Some(true)` for a line,
/// `Some(false)` for one over [`MAX_LINE_BYTES`] (the rest of it skipped), `None` at the
/// end of the input.
fn next_line(input: &mut dyn BufRead, line: &mut Vec<u8>) -> io::Result<Option<bool>> {
    line.clear();
    let limit = u64::try_from(MAX_LINE_BYTES + 1).unwrap_or(u64::MAX);
    if input.take(limit).read_until(b'\n', line)? == 0 {
        return Ok(None);
    }
    if line.last() == Some(&b'\n') {
        line.pop();
        return Ok(Some(true));
    }
    if line.len() <= MAX_LINE_BYTES {
        return Ok(Some(true));
    }
    loop {
        let buffered = input.fill_buf()?;
        if buffered.is_empty() {
            break;
        }
        if let Some(end) = buffered.iter().position(|&b| b == b'\n') {
            input.consume(end + 1);
            break;
        }
        let skipped = buffered.len();
        input.consume(skipped);
    }
    Ok(Some(false))
}

fn input_name(args: &BatchArgs) -> PathBuf {
    args.file.clone().unwrap_or_else(|| "standard input".into())
}

/// The answer to one line of a batch (line numbers from 1), or `None` for a blank line
/// or a `#` comment.
pub fn answer_line(
    loaded: &Arc<Loaded>,
    data: Option<&Path>,
    line: &str,
    number: usize,
    answer: Answerer,
) -> Option<Answer> {
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return None;
    }
    let Some(words) = shlex::split(trimmed) else {
        return Some(Answer::error(
            "unbalanced quotes: close every ' and \"",
            Some(number),
        ));
    };
    Some(answer_words(loaded, data, words, Some(number), answer))
}

/// The answer to one command line given as words (without the leading `linkage`,
/// which is skipped if present); `line` goes into error answers.
pub fn answer_words(
    loaded: &Arc<Loaded>,
    data: Option<&Path>,
    mut words: Vec<String>,
    line: Option<usize>,
    answer: Answerer,
) -> Answer {
    if words.first().is_some_and(|word| word == "linkage") {
        words.remove(0);
    }
    // Before the command, so that it is a flag even after a `--`.
    if !words
        .iter()
        .take_while(|word| *word != "--")
        .any(|word| word == "--json")
    {
        words.insert(0, "--json".into());
    }
    let argv = std::iter::once("linkage".to_owned()).chain(words);
    let cli = match Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        Err(error) => return Answer::error(&clap_message(&error), line),
    };
    if cli.data.is_some() {
        return Answer::error(
            "--data goes before `batch` or `serve`: the data is loaded once for every query",
            line,
        );
    }
    if names_a_directory(&cli.command) {
        return Answer::error(
            "--sources is not taken here: batch and serve read only the dataset's own texts \
             (built in, or DATA/texts for --data DATA)",
            line,
        );
    }
    if !is_query(&cli.command) {
        return Answer::error(
            "only queries that print JSON are answered here: check, list, show, search, \
             match, papers, schema, diff, compare, contested, paper, path, neighbors, locate",
            line,
        );
    }
    let session = Session::sharing(data.map(Path::to_path_buf), Arc::clone(loaded));
    // Bound before it is returned: the report borrows `cli` and `session`.
    #[allow(clippy::let_and_return)]
    let answered = match answer(&cli, &session) {
        Ok(report) => serialised(&*report, line),
        Err(error) => Answer::error(&error_message(&error), line),
    };
    answered
}

/// A report's JSON form on one line, with the exit code the command alone would have:
/// 2 when it failed after its report (`check` with quotes not found), whose answer is
/// then the report itself, saying what failed.
fn serialised(report: &dyn Report, line: Option<usize>) -> Answer {
    let Some(json) = report.json() else {
        return Answer::error("this command has no JSON form", line);
    };
    let mut bytes = Vec::new();
    if let Err(e) = json.write_json(&mut bytes, Layout::Line) {
        return Answer::error(&format!("cannot write the answer: {e}"), line);
    }
    let code = match (report.failure(), report.outcome()) {
        (Some(_), _) => 2,
        (None, Outcome::Found) => 0,
        (None, Outcome::Nothing) => 1,
    };
    Answer {
        json: String::from_utf8_lossy(&bytes).into_owned(),
        code,
    }
}

/// The read-only queries: what `batch` and `serve` answer. A command without a JSON
/// form (`has_json`, the same decision that refuses `--json`), one that writes into
/// the dataset, or one that answers many queries itself is refused.
pub fn is_query(command: &Command) -> bool {
    has_json(command)
        && !matches!(
            command,
            Command::Add(_) | Command::Import { .. } | Command::Batch(_) | Command::Serve(_)
        )
}

/// Whether a query names a directory to read (`check --sources`, `locate --sources`):
/// a line or a request names no file, so that a batch file or a web request can learn
/// nothing of the files around the dataset.
fn names_a_directory(command: &Command) -> bool {
    matches!(
        command,
        Command::Check {
            sources: Some(_),
            ..
        } | Command::Locate {
            sources: Some(_),
            ..
        }
    )
}

/// Clap's message without its `error: ` prefix, usage lines and help hint: the one
/// sentence that says what is wrong.
fn clap_message(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let first = rendered.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_owned()
}

/// The error's message, with each diagnostic of invalid data on its own line after it.
fn error_message(error: &Error) -> String {
    let mut message = error.to_string();
    if let Error::InvalidData(diagnostics) = error {
        for diagnostic in diagnostics {
            message.push('\n');
            message.push_str(&diagnostic.to_string());
        }
    }
    message
}
