//! `linkage serve` as a trust boundary: it answers only requests addressed to it from no
//! other origin, reads only the dataset's own texts, names no path of the machine, and
//! bounds what a client can make it read or wait for.

use std::{
    io::{BufRead as _, BufReader, Read as _, Write as _},
    net::TcpStream,
    path::Path,
    process::{Child, Stdio},
    time::Duration,
};

use serde_json::Value;

use crate::common::linkage;

/// A `linkage serve` on a free loopback port, killed when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// `127.0.0.1:PORT`.
    pub address: String,
}

impl Server {
    /// Serves the built-in dataset.
    pub fn start() -> Self {
        Self::with_args(&[])
    }

    /// Serves with `args` before `serve` (`--data DIR`).
    pub fn with_args(args: &[&str]) -> Self {
        Self::with_args_in(Path::new("."), args)
    }

    /// Serves with `args` before `serve`, started in `dir`.
    pub fn with_args_in(dir: &Path, args: &[&str]) -> Self {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("linkage"))
            .current_dir(dir)
            .args(args)
            .args(["serve", "--port", "0"])
            .env(
                "LINKAGE_CACHE_DIR",
                concat!(env!("CARGO_TARGET_TMPDIR"), "/linkage-cache"),
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("piped"))
            .read_line(&mut first)
            .expect("it says where it listens");
        let url = first
            .split_whitespace()
            .find(|word| word.starts_with("http://127.0.0.1:"))
            .unwrap_or_else(|| panic!("no address in {first:?}"))
            .trim_end_matches('/')
            .to_owned();
        let address = url.trim_start_matches("http://").to_owned();
        Self {
            child,
            url,
            address,
        }
    }

    /// Sends `request` as it is on a new connection; returns the status and the body
    /// (`None` when the server closed the connection without an answer).
    pub fn raw(&self, request: &[u8]) -> Option<(u16, String)> {
        let mut stream = TcpStream::connect(&self.address).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .expect("a timeout");
        stream.write_all(request).expect("sends");
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        parse(&answer)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Status and body of a raw HTTP/1.1 answer.
fn parse(answer: &[u8]) -> Option<(u16, String)> {
    let text = String::from_utf8_lossy(answer);
    let status = text.split(' ').nth(1)?.parse().ok()?;
    let body = text.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    Some((status, body.to_owned()))
}

/// Status and parsed JSON body of a response, whatever its status.
pub fn response(result: Result<ureq::Response, ureq::Error>) -> (u16, Value) {
    let response = match result {
        Ok(response) | Err(ureq::Error::Status(_, response)) => response,
        Err(e) => panic!("transport error: {e}"),
    };
    let status = response.status();
    let body = response.into_string().expect("a UTF-8 body");
    (
        status,
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}")),
    )
}

/// A directory beside the dataset holding a file named like a paper's text, with a
/// secret in it: what a request naming a directory could read.
fn secret_beside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(
        dir.path().join("hao-2021.txt"),
        "the password is hunter2 and nobody knows",
    )
    .expect("writes");
    dir
}

#[test]
fn a_request_cannot_name_a_directory_to_read() {
    let server = Server::start();
    let secret = secret_beside();
    let dir = secret.path().to_str().expect("UTF-8");
    let get = |query: String| response(ureq::get(&format!("{}{query}", server.url)).call());
    for query in [
        format!("/locate?quote=password%20is%20hunter2&sources={dir}"),
        format!("/check?sources={dir}"),
    ] {
        let (status, body) = get(query.clone());
        assert_eq!(status, 400, "{query}: {body}");
        let error = body["error"].as_str().unwrap_or_default();
        assert!(error.contains("--sources is not taken here"), "{error}");
        assert!(!body.to_string().contains("hunter2"), "{body}");
    }
    let post = ureq::post(&format!("{}/", server.url))
        .send_string(&format!("locate 'password is hunter2' --sources {dir}"));
    assert_eq!(response(post).0, 400);
    // The dataset's own texts are still read.
    let (status, body) = get("/locate?quote=targeted%20poverty%20alleviation".into());
    assert_eq!(status, 200, "{body}");
}

#[test]
fn a_batch_line_cannot_name_a_directory_to_read() {
    let secret = secret_beside();
    let dir = secret.path().to_str().expect("UTF-8");
    let output = linkage()
        .arg("batch")
        .write_stdin(format!(
            "locate 'password is hunter2' --sources {dir}\ncheck --sources {dir}\npapers\n"
        ))
        .output()
        .expect("runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    for (i, line) in lines[..2].iter().enumerate() {
        assert!(
            line["error"]
                .as_str()
                .is_some_and(|e| e.contains("--sources is not taken here")),
            "{line}"
        );
        assert_eq!(line["line"], i + 1);
    }
    assert!(!stdout.contains("hunter2"));
    assert!(
        lines[2].is_array(),
        "the lines after are answered: {stdout}"
    );
}

#[test]
fn answers_write_the_data_directory_as_data_not_its_path() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let data = dir.path().join("mydata");
    let status = linkage()
        .args(["init", data.to_str().expect("UTF-8")])
        .output()
        .expect("runs")
        .status;
    assert!(status.success());
    let absolute = data.canonicalize().expect("exists");
    // Written as a relative path, the directory is still not named.
    let relative = Server::with_args_in(dir.path(), &["--data", "mydata"]);
    let (status, body) = response(ureq::get(&format!("{}/check", relative.url)).call());
    assert_eq!(
        (status, &body["verified"]["texts"]),
        (200, &"DATA/texts".into())
    );
    let server = Server::with_args(&["--data", absolute.to_str().expect("UTF-8")]);
    let get = |query: &str| response(ureq::get(&format!("{}{query}", server.url)).call());
    let (status, body) = get("/check");
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["verified"]["texts"], "DATA/texts");
    // A text that cannot be read: the error names it within the dataset only.
    std::fs::remove_file(data.join("texts/example-2024.txt")).expect("removes");
    let (status, body) = get("/locate?quote=reading%20groups");
    assert_eq!(status, 400);
    let error = body["error"].as_str().unwrap_or_default();
    assert!(error.contains("DATA/texts/example-2024.txt"), "{error}");
    let tmp = std::env::temp_dir();
    for path in [absolute.as_path(), dir.path(), tmp.as_path()] {
        assert!(
            !body.to_string().contains(path.to_str().expect("UTF-8")),
            "{body} names {}",
            path.display()
        );
    }
}

#[test]
fn only_requests_addressed_to_this_server_are_answered() {
    let server = Server::start();
    let port = server.address.rsplit(':').next().expect("a port");
    let ask = |host: &str| {
        server
            .raw(format!("GET /papers HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes())
            .expect("an answer")
            .0
    };
    assert_eq!(ask(&server.address), 200);
    assert_eq!(ask(&format!("localhost:{port}")), 200);
    // DNS rebinding: a page on evil.example has its name point at 127.0.0.1.
    assert_eq!(ask(&format!("evil.example:{port}")), 403);
    assert_eq!(ask("127.0.0.1:1"), 403);
    let missing = server
        .raw(b"GET /papers HTTP/1.0\r\n\r\n")
        .expect("an answer");
    assert_eq!(missing.0, 403, "{missing:?}");
}

#[test]
fn a_page_on_another_site_cannot_post_a_query() {
    let server = Server::start();
    // What a browser sends for a form or fetch() of text/plain: a simple request that
    // needs no permission before it is sent.
    let from = |origin: &str| {
        let body = "papers";
        server
            .raw(
                format!(
                    "POST / HTTP/1.1\r\nHost: {}\r\nOrigin: {origin}\r\nContent-Type: text/plain\r\n\
                     Content-Length: {}\r\n\r\n{body}",
                    server.address,
                    body.len()
                )
                .as_bytes(),
            )
            .expect("an answer")
    };
    let (status, body) = from("http://evil.example");
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("other origins"), "{body}");
    assert_eq!(from("null").0, 403);
    assert_eq!(from(&format!("http://{}", server.address)).0, 200);
}

#[test]
fn an_endless_request_line_is_refused_before_it_is_read() {
    let server = Server::start();
    let mut stream = TcpStream::connect(&server.address).expect("connects");
    stream
        .set_write_timeout(Some(Duration::from_secs(30)))
        .expect("a timeout");
    let total = 64 << 20;
    let chunk = vec![b'a'; 1 << 16];
    let mut sent = 0;
    let _ = stream.write_all(b"GET /search?text=");
    while sent < total {
        match stream.write(&chunk) {
            Ok(n) => sent += n,
            Err(_) => break,
        }
    }
    // The server answered and closed after a bounded head, long before 64 MiB (what
    // the kernel's buffers took in is all that was sent).
    assert!(
        sent < 16 << 20,
        "the server read {sent} bytes of one request line"
    );
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    if let Some((status, _)) = parse(&answer) {
        assert_eq!(status, 431);
    }
    // And it goes on answering.
    let ok =
        server.raw(format!("GET /papers HTTP/1.1\r\nHost: {}\r\n\r\n", server.address).as_bytes());
    assert_eq!(ok.map(|(status, _)| status), Some(200));
}

#[test]
fn too_many_headers_or_too_large_a_head_are_refused() {
    let server = Server::start();
    let many = "X-Header: x\r\n".repeat(200);
    let answer = server.raw(
        format!(
            "GET /papers HTTP/1.1\r\nHost: {}\r\n{many}\r\n",
            server.address
        )
        .as_bytes(),
    );
    assert_eq!(answer.map(|(status, _)| status), Some(431));
    let long = "x".repeat(40_000);
    let answer = server.raw(
        format!(
            "GET /papers HTTP/1.1\r\nHost: {}\r\nX-Long: {long}\r\n\r\n",
            server.address
        )
        .as_bytes(),
    );
    assert_eq!(answer.map(|(status, _)| status), Some(431));
}

/// Holds connections that never finish their request head, as a slow or hostile client
/// does.
fn stalled(server: &Server, count: usize) -> Vec<TcpStream> {
    (0..count)
        .map(|_| {
            let mut stream = TcpStream::connect(&server.address).expect("connects");
            stream
                .write_all(
                    format!("GET /papers HTTP/1.1\r\nHost: {}\r\n", server.address).as_bytes(),
                )
                .expect("sends");
            stream
        })
        .collect()
}

#[test]
fn slow_clients_do_not_hold_up_others() {
    let server = Server::start();
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let _stalled = stalled(&server, cores + 2);
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(30))
        .build();
    let (status, _) = response(agent.get(&format!("{}/papers", server.url)).call());
    assert_eq!(status, 200);
}

#[test]
fn a_client_that_never_finishes_its_request_is_let_go() {
    let server = Server::start();
    let mut stream = stalled(&server, 1).remove(0);
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("a timeout");
    let mut answer = Vec::new();
    // Ends when the server closes the connection (after its head timeout of 10 s), or
    // fails after 60 s if it never does.
    let read = stream.read_to_end(&mut answer);
    assert!(
        read.is_ok(),
        "the server kept the connection open: {read:?}"
    );
}

#[test]
fn a_batch_line_over_the_limit_is_one_error_and_is_not_kept() {
    let mut input = b"papers\n".to_vec();
    input.extend(std::iter::repeat_n(b'a', 4 << 20));
    input.extend_from_slice(b"\nshow tpa --brief\nsearch ");
    input.extend(std::iter::repeat_n(b'b', 20_000));
    let output = linkage()
        .arg("batch")
        .write_stdin(input)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 4, "{stdout:.400}");
    for (i, number) in [(1, 2), (3, 4)] {
        assert_eq!(
            lines[i],
            serde_json::json!({"error": "line over 16384 bytes", "line": number})
        );
    }
    assert!(
        lines[0].is_array() && lines[2]["node"].is_object(),
        "{stdout:.400}"
    );
}
