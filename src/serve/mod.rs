//! `linkage serve`: a read-only HTTP server answering queries with the JSON of
//! `--json`, the data loaded once.
//!
//! `GET /COMMAND?NAME=VALUE&...` names the command in the path and its arguments in the
//! query: positional arguments by their names (`/path?from=tpa&to=rr`), options by their
//! long names (`&limit=1`, `&via=drives`), flags with `true`. `POST /` takes one command
//! line as its body, as a line of `linkage batch`. Answers are those of
//! [`crate::batch::answer_words`]: 200 with the JSON (its `X-Linkage-Exit` header is the
//! exit code the command alone would have, 1 when nothing was found), 400 with
//! `{"error": ...}` for a bad query.
//!
//! A server is a trust boundary, so (each limit a constant below):
//! - it answers only requests addressed to it, from no other origin
//!   ([`request::admit`]: DNS rebinding and pages on other sites are refused, 403);
//! - it reads only the dataset's own texts: `--sources` is refused (as in `batch`), and
//!   the data directory is written `DATA` where an answer would name its path;
//! - every read is bounded before it is buffered: the request head (line and headers,
//!   [`MAX_HEAD_BYTES`], [`MAX_HEADERS`]; 431 past them) by hyper as it parses, the
//!   target and body ([`MAX_REQUEST_BYTES`]; 414, 413) as they arrive;
//! - a client has [`HEAD_TIMEOUT`] to send its head, [`BODY_TIMEOUT`] its body, and
//!   [`CONNECTION_TIMEOUT`] for the whole exchange; at most [`MAX_CONNECTIONS`] are
//!   open at once (more wait to be accepted); one request per connection;
//! - queries run one per core at a time, each enumeration within the command line's work
//!   budget ([`crate::query::Budget`]); a query that panics is answered 500 and the
//!   server goes on.
//!
//! The HTTP is hyper's (HTTP/1 only), chosen over `tiny_http`, which read a whole request
//! line into memory before looking at its length and had no timeouts.

mod http;
pub mod request;

use std::{
    io::Write as _,
    path::{Path, PathBuf},
    sync::Arc,
    time::Duration,
};

use crate::{
    batch::{answer_words, Answer, Answerer},
    cli::ServeArgs,
    commands::{Outcome, Session},
    error::Error,
    load::Loaded,
};

pub use request::{words_from_query, Head, Refusal};

/// The longest request target or body accepted, in bytes.
pub const MAX_REQUEST_BYTES: usize = 16 * 1024;
/// How much of a body refused for its size is read (and dropped) before the 413, so
/// that a client that sends the whole body before reading gets the answer.
pub const DISCARD_BYTES: usize = 1024 * 1024;
/// The longest request head (request line and headers) read, in bytes.
pub const MAX_HEAD_BYTES: usize = 32 * 1024;
/// The most headers a request may have.
pub const MAX_HEADERS: usize = 64;
/// The most words a query may have.
pub const MAX_WORDS: usize = 256;
/// The most connections open at once.
pub const MAX_CONNECTIONS: usize = 64;
/// How long a client may take to send the request head.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a client may take to send the body.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one connection may last, answer included.
pub const CONNECTION_TIMEOUT: Duration = Duration::from_secs(60);

/// Runs `linkage serve` until the process is stopped.
pub fn run(session: &Session, args: &ServeArgs, answer: Answerer) -> Result<Outcome, Error> {
    let loaded = session.load_for_many()?;
    let listener = std::net::TcpListener::bind((args.bind, args.port))
        .map_err(|e| Error::Usage(format!("cannot listen on {}:{}: {e}", args.bind, args.port)))?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::Usage(format!("cannot listen on {}:{}: {e}", args.bind, args.port)))?;
    let mut stdout = std::io::stdout();
    writeln!(
        stdout,
        "linkage serve: listening on http://{address}/ (read-only; Ctrl-C stops)"
    )
    .and_then(|()| stdout.flush())
    .map_err(|e| Error::io("write", "standard output", e))?;
    http::serve(listener, Answering::new(loaded, session.data_dir(), answer))?;
    Ok(Outcome::Found)
}

/// What answers requests: the loaded dataset and the dispatch.
pub struct Answering {
    loaded: Arc<Loaded>,
    data: Option<PathBuf>,
    answer: Answerer,
    /// The data directory's absolute forms, written `DATA` in answers.
    hidden: Vec<String>,
}

/// A reply, HTTP aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The HTTP status.
    pub status: u16,
    /// The JSON answer, on one line.
    pub json: String,
    /// The exit code the command alone would have (2 for a refused request).
    pub exit: u8,
}

impl Reply {
    fn refused(refusal: &Refusal) -> Self {
        Self {
            status: refusal.status,
            json: Answer::error(&refusal.message, None).json,
            exit: 2,
        }
    }

    /// 500: the query failed inside linkage; the server goes on.
    fn internal() -> Self {
        Self::refused(&Refusal {
            status: 500,
            message: "linkage failed to answer this query (a bug: please report it with the query)"
                .into(),
        })
    }
}

impl Answering {
    /// Answers with `loaded` (the dataset of `--data data`, or the built-in one when
    /// `data` is `None`) through the dispatch `answer`.
    pub fn new(loaded: Arc<Loaded>, data: Option<&Path>, answer: Answerer) -> Self {
        // Absolute, so that every path an answer could name starts with a form hidden
        // below, however `--data` was written.
        let data = data.map(|dir| dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf()));
        let data = data.as_deref();
        let mut hidden = Vec::new();
        if let Some(dir) = data {
            for form in [Some(dir.to_path_buf()), dir.canonicalize().ok()]
                .into_iter()
                .flatten()
                .filter(|form| form.is_absolute())
            {
                let form = form.display().to_string();
                if !hidden.contains(&form) {
                    hidden.push(form);
                }
            }
            // The longest first, so that no form is left half written.
            hidden.sort_by_key(|form| std::cmp::Reverse(form.len()));
        }
        Self {
            loaded,
            data: data.map(Path::to_path_buf),
            answer,
            hidden,
        }
    }

    /// The reply to an admitted request ([`request::admit`]) with its body.
    pub fn reply(&self, head: &Head<'_>, body: &[u8]) -> Reply {
        let words = match request::words(head, body) {
            Ok(words) => words,
            Err(refusal) => return Reply::refused(&refusal),
        };
        let answer = answer_words(&self.loaded, self.data.as_deref(), words, None, self.answer);
        let mut json = answer.json;
        for form in &self.hidden {
            json = json.replace(form.as_str(), "DATA");
        }
        Reply {
            status: if answer.code == 2 { 400 } else { 200 },
            json,
            exit: answer.code,
        }
    }
}
