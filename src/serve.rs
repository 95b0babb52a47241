//! `linkage serve`: a local, read-only HTTP server answering queries with the JSON of
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
//! Bounds: it listens on 127.0.0.1 unless told otherwise; a request line or body over
//! [`MAX_REQUEST_BYTES`] is refused (414, 413); a query may have at most [`MAX_WORDS`]
//! words; only the read-only queries of [`crate::batch::is_query`] run, and each
//! enumeration stops at the same work budget as on the command line
//! ([`crate::query::Budget`]). Requests are answered by one thread per core.

use std::{io::Read as _, path::Path, sync::Arc};

use clap::CommandFactory as _;
use tiny_http::{Header, Method, Request, Response, Server};

use crate::{
    batch::{answer_words, Answer, Answerer},
    cli::{Cli, ServeArgs},
    commands::{Outcome, Session},
    error::Error,
    load::Loaded,
};

/// The longest request target or body accepted, in bytes.
pub const MAX_REQUEST_BYTES: usize = 16 * 1024;
/// The most words a query may have.
pub const MAX_WORDS: usize = 256;

/// Runs `linkage serve` until the process is stopped.
pub fn run(session: &Session, args: &ServeArgs, answer: Answerer) -> Result<Outcome, Error> {
    let loaded = session.load_for_many()?;
    let data = session.data_dir();
    let server = Server::http((args.bind, args.port))
        .map_err(|e| Error::Usage(format!("cannot listen on {}:{}: {e}", args.bind, args.port)))?;
    let address = server
        .server_addr()
        .to_ip()
        .map_or_else(|| format!("{}:{}", args.bind, args.port), |a| a.to_string());
    println!("linkage serve: listening on http://{address}/ (read-only; Ctrl-C stops)");
    let workers = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Ok(request) = server.recv() {
                    respond(&loaded, data, request, answer);
                }
            });
        }
    });
    Ok(Outcome::Found)
}

fn respond(loaded: &Arc<Loaded>, data: Option<&Path>, mut request: Request, answer: Answerer) {
    let (status, answer) = match words_of(&mut request) {
        Ok(words) if words.len() > MAX_WORDS => (
            400,
            Answer::error(&format!("at most {MAX_WORDS} words a query"), None),
        ),
        Ok(words) => {
            let reply = answer_words(loaded, data, words, None, answer);
            (if reply.code == 2 { 400 } else { 200 }, reply)
        }
        Err((status, message)) => (status, Answer::error(&message, None)),
    };
    let response = Response::from_string(answer.json)
        .with_status_code(status)
        .with_header(header("Content-Type", "application/json; charset=utf-8"))
        .with_header(header("X-Linkage-Exit", &answer.code.to_string()));
    // A client that hung up needs no answer.
    let _ = request.respond(response);
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}

/// The command line a request asks for, or an HTTP status and why.
fn words_of(request: &mut Request) -> Result<Vec<String>, (u16, String)> {
    if request.url().len() > MAX_REQUEST_BYTES {
        return Err((
            414,
            format!("request target over {MAX_REQUEST_BYTES} bytes"),
        ));
    }
    match request.method() {
        Method::Get => {
            let url = request.url().to_owned();
            let (path, query) = url.split_once('?').unwrap_or((&url, ""));
            let command = path.trim_matches('/');
            if command.is_empty() {
                return Err((
                    400,
                    "name a query: GET /path?from=A&to=B, /show?name=N, ... or POST / a command line"
                        .into(),
                ));
            }
            let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .collect();
            words_from_query(command, &pairs).map_err(|message| (400, message))
        }
        Method::Post => {
            if request.body_length().is_some_and(|n| n > MAX_REQUEST_BYTES) {
                return Err((413, format!("body over {MAX_REQUEST_BYTES} bytes")));
            }
            let mut body = String::new();
            let limit = u64::try_from(MAX_REQUEST_BYTES + 1).unwrap_or(u64::MAX);
            request
                .as_reader()
                .take(limit)
                .read_to_string(&mut body)
                .map_err(|e| (400, format!("cannot read the body as UTF-8: {e}")))?;
            if body.len() > MAX_REQUEST_BYTES {
                return Err((413, format!("body over {MAX_REQUEST_BYTES} bytes")));
            }
            shlex::split(body.trim())
                .ok_or_else(|| (400, "unbalanced quotes: close every ' and \"".into()))
        }
        _ => Err((405, "only GET and POST".into())),
    }
}

/// `path` and `[("from", "tpa"), ("to", "rr"), ("limit", "1")]` become
/// `path --limit 1 -- tpa rr`: names are matched against the command's own arguments
/// (positional ones by name, options by long name or name), so every command and flag
/// of the command line is reachable and nothing else is.
pub fn words_from_query(command: &str, pairs: &[(String, String)]) -> Result<Vec<String>, String> {
    let cli = Cli::command();
    let Some(sub) = cli.find_subcommand(command) else {
        return Err(format!("no command {command:?}"));
    };
    let mut options = vec![command.to_owned()];
    let mut positionals: Vec<(usize, &str)> = Vec::new();
    for (name, value) in pairs {
        let wanted = name.replace('-', "_");
        let Some(arg) = sub
            .get_arguments()
            .chain(cli.get_arguments())
            .find(|arg| arg.get_id() == wanted.as_str() || arg.get_long() == Some(name.as_str()))
        else {
            return Err(format!("`{command}` has no argument {name:?}"));
        };
        if arg.is_positional() {
            let order = sub
                .get_positionals()
                .position(|p| p.get_id() == arg.get_id())
                .unwrap_or(usize::MAX);
            positionals.push((order, value));
            continue;
        }
        let Some(long) = arg.get_long() else {
            return Err(format!("`{command}` has no argument {name:?}"));
        };
        if arg.get_action().takes_values() {
            options.push(format!("--{long}"));
            options.push(value.clone());
        } else {
            match value.as_str() {
                "" | "true" | "1" => options.push(format!("--{long}")),
                "false" | "0" => {}
                _ => return Err(format!("{name} is a flag: give it true or false")),
            }
        }
    }
    // A stable sort keeps repeated values of one argument in the query's order.
    positionals.sort_by_key(|(order, _)| *order);
    options.push("--".into());
    options.extend(positionals.into_iter().map(|(_, value)| value.to_owned()));
    Ok(options)
}
