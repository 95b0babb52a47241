//! What a request asks, HTTP's framing aside: whether it may be answered at all
//! ([`admit`]: the address it was sent to, the page that sent it, the method, the size of
//! its target) and the command line it asks for ([`words`]). Pure functions of the
//! request's parts, so the fuzz target (`fuzz/fuzz_targets/serve_request.rs`) meets exactly
//! what a request meets.

use std::net::{IpAddr, SocketAddr};

use clap::CommandFactory as _;

use super::{MAX_REQUEST_BYTES, MAX_WORDS};
use crate::cli::Cli;

/// A request's method, target and the headers that decide whether it is answered.
#[derive(Debug, Clone, Copy)]
pub struct Head<'a> {
    /// `GET`, `POST`, ...
    pub method: &'a str,
    /// The path and query (`/path?from=tpa&to=rr`).
    pub target: &'a str,
    /// The `Host` header, if the request has one that is text.
    pub host: Option<&'a str>,
    /// The `Origin` header, if the request has one (a browser names the page that sent it).
    pub origin: Option<&'a str>,
    /// The address and port the request arrived at (this server's side of the connection).
    pub local: SocketAddr,
}

/// Why a request is not answered: an HTTP status and a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// 400, 403, 405, 413, 414, ...
    pub status: u16,
    /// What is wrong, for the `{"error": ...}` answer.
    pub message: String,
}

impl Refusal {
    fn new(status: u16, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }
}

/// Whether a request may be answered, before its body is read.
///
/// A request must name this server in `Host` (the address it arrived at, or for a
/// loopback address `localhost`, `127.0.0.1` or `[::1]`; with the port): a page on
/// another site that gets its own name to resolve to 127.0.0.1 (DNS rebinding) sends its
/// own name, and is refused. A request a browser sends from a page carries `Origin`,
/// which must then be this server too: a page elsewhere cannot have its visitors' browser
/// ask (a `POST` of `text/plain` needs no permission from the server before it is sent).
///
/// # Errors
/// 403 for a foreign `Host` or `Origin` (or none), 405 for a method other than `GET`
/// and `POST`, 414 for a target over [`MAX_REQUEST_BYTES`].
pub fn admit(head: &Head<'_>) -> Result<(), Refusal> {
    let Some(host) = head.host.filter(|host| is_this_server(host, head.local)) else {
        return Err(Refusal::new(
            403,
            format!(
                "the Host header must name this server ({}): requests for other names are refused",
                authority(head.local.ip(), head.local.port())
            ),
        ));
    };
    if let Some(origin) = head.origin {
        let own = origin
            .strip_prefix("http://")
            .is_some_and(|rest| is_this_server(rest, head.local));
        if !own {
            return Err(Refusal::new(
                403,
                format!("requests from other origins are refused (this is http://{host})"),
            ));
        }
    }
    if head.method != "GET" && head.method != "POST" {
        return Err(Refusal::new(405, "only GET and POST"));
    }
    if head.target.len() > MAX_REQUEST_BYTES {
        return Err(Refusal::new(
            414,
            format!("request target over {MAX_REQUEST_BYTES} bytes"),
        ));
    }
    Ok(())
}

/// The command line a request asks for: from the target's path and query for `GET`,
/// from the body for `POST` (a line as `linkage batch` reads it).
///
/// # Errors
/// 400 for a request that names no command, an argument the command does not have, an
/// unbalanced quote or a body that is not UTF-8, or more than [`MAX_WORDS`] words; 413
/// for a body over [`MAX_REQUEST_BYTES`].
pub fn words(head: &Head<'_>, body: &[u8]) -> Result<Vec<String>, Refusal> {
    let words = if head.method == "POST" {
        if body.len() > MAX_REQUEST_BYTES {
            return Err(Refusal::new(
                413,
                format!("body over {MAX_REQUEST_BYTES} bytes"),
            ));
        }
        let body = std::str::from_utf8(body)
            .map_err(|e| Refusal::new(400, format!("the body is not UTF-8: {e}")))?;
        shlex::split(body.trim())
            .ok_or_else(|| Refusal::new(400, "unbalanced quotes: close every ' and \""))?
    } else {
        let (path, query) = head.target.split_once('?').unwrap_or((head.target, ""));
        let command = path.trim_matches('/');
        if command.is_empty() {
            return Err(Refusal::new(
                400,
                "name a query: GET /path?from=A&to=B, /show?name=N, ... or POST / a command line",
            ));
        }
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        words_from_query(command, &pairs).map_err(|message| Refusal::new(400, message))?
    };
    if words.len() > MAX_WORDS {
        return Err(Refusal::new(
            400,
            format!("at most {MAX_WORDS} words a query"),
        ));
    }
    Ok(words)
}

/// Whether `authority` (a `Host` value, or an origin without its scheme) names the
/// server at `local`: its own address, or a loopback name when it listens on loopback;
/// with `local`'s port (which may be left out when it is 80). Names are compared
/// without regard to case.
fn is_this_server(authority_given: &str, local: SocketAddr) -> bool {
    let ip = local.ip().to_canonical();
    let port = local.port();
    let given = authority_given.to_ascii_lowercase();
    let mut names = vec![host_name(ip)];
    if ip.is_loopback() {
        names.extend(["localhost", "127.0.0.1", "[::1]"].map(String::from));
    }
    names
        .iter()
        .any(|name| given == format!("{name}:{port}") || (port == 80 && given == *name))
}

/// `127.0.0.1`, `[::1]`: an address as it stands in a `Host` header.
fn host_name(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}

/// `127.0.0.1:8765`, `[::1]:8765`.
fn authority(ip: IpAddr, port: u16) -> String {
    format!("{}:{port}", host_name(ip.to_canonical()))
}

/// `path` and `[("from", "tpa"), ("to", "rr"), ("limit", "1")]` become
/// `path --limit 1 -- tpa rr`: names are matched against the command's own arguments
/// (positional ones by name, options by long name or name), so every command and flag
/// of the command line is reachable and nothing else is.
///
/// # Errors
/// A sentence naming the unknown command or argument, or a flag given a value other
/// than true or false.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn head<'a>(host: Option<&'a str>, origin: Option<&'a str>, local: &str) -> Head<'a> {
        Head {
            method: "GET",
            target: "/papers",
            host,
            origin,
            local: local.parse().expect("an address"),
        }
    }

    fn status(head: &Head<'_>) -> Option<u16> {
        admit(head).err().map(|r| r.status)
    }

    #[test]
    fn loopback_is_asked_by_its_names_with_its_port() {
        for host in [
            "127.0.0.1:8765",
            "localhost:8765",
            "LocalHost:8765",
            "[::1]:8765",
        ] {
            assert_eq!(
                status(&head(Some(host), None, "127.0.0.1:8765")),
                None,
                "{host}"
            );
            assert_eq!(
                status(&head(Some(host), None, "[::1]:8765")),
                None,
                "{host}"
            );
        }
        for host in [
            "127.0.0.1:8766",
            "localhost",
            "evil.example:8765",
            "localhost.evil.example:8765",
            "127.0.0.1:8765.evil.example",
            "",
        ] {
            assert_eq!(
                status(&head(Some(host), None, "127.0.0.1:8765")),
                Some(403),
                "{host}"
            );
        }
        assert_eq!(status(&head(None, None, "127.0.0.1:8765")), Some(403));
        // Port 80 may be left out, as browsers do.
        assert_eq!(status(&head(Some("localhost"), None, "127.0.0.1:80")), None);
    }

    #[test]
    fn another_address_is_asked_by_that_address_only() {
        let local = "192.168.1.5:8765";
        assert_eq!(status(&head(Some("192.168.1.5:8765"), None, local)), None);
        assert_eq!(
            status(&head(Some("localhost:8765"), None, local)),
            Some(403)
        );
        assert_eq!(
            status(&head(Some("laptop.lan:8765"), None, local)),
            Some(403)
        );
        // A dual-stack socket reports an IPv4 client's address as IPv4-mapped IPv6.
        assert_eq!(
            status(&head(
                Some("127.0.0.1:8765"),
                None,
                "[::ffff:127.0.0.1]:8765"
            )),
            None
        );
    }

    #[test]
    fn an_origin_must_be_this_server() {
        let local = "127.0.0.1:8765";
        let host = Some("127.0.0.1:8765");
        assert_eq!(
            status(&head(host, Some("http://127.0.0.1:8765"), local)),
            None
        );
        assert_eq!(
            status(&head(host, Some("http://localhost:8765"), local)),
            None
        );
        for origin in [
            "http://evil.example",
            "https://127.0.0.1:8765",
            "http://127.0.0.1:8765.evil.example",
            "null",
            "",
        ] {
            assert_eq!(
                status(&head(host, Some(origin), local)),
                Some(403),
                "{origin}"
            );
        }
    }

    #[test]
    fn methods_and_sizes_are_checked_after_the_names() {
        let mut request = head(Some("127.0.0.1:8765"), None, "127.0.0.1:8765");
        request.method = "DELETE";
        assert_eq!(status(&request), Some(405));
        request.method = "GET";
        let long = format!("/search?text={}", "a".repeat(MAX_REQUEST_BYTES));
        request.target = &long;
        assert_eq!(status(&request), Some(414));
        request.method = "POST";
        let big = vec![b'a'; MAX_REQUEST_BYTES + 1];
        assert_eq!(words(&request, &big).map_err(|r| r.status), Err(413));
    }
}
