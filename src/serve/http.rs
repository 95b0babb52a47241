//! The HTTP side of `serve`: hyper's HTTP/1 server on a tokio runtime. hyper parses and
//! bounds the request head (line and headers) and times it out; this module bounds the
//! body, the connections and the whole exchange, and runs each query on tokio's
//! blocking pool (one thread per core), where a panic becomes a 500.

use std::{convert::Infallible, net::SocketAddr, sync::Arc};

use http_body_util::{BodyExt as _, Full};
use hyper::{
    body::{Bytes, Incoming},
    header::{
        HeaderMap, HeaderName, HeaderValue, ALLOW, CONTENT_LENGTH, CONTENT_TYPE, HOST, ORIGIN,
    },
    server::conn::http1,
    service::service_fn,
    Method, Request, Response, StatusCode,
};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::{net::TcpListener, sync::Semaphore};

use super::{
    request::{self, Head, Refusal},
    Answering, Reply, BODY_TIMEOUT, CONNECTION_TIMEOUT, DISCARD_BYTES, HEAD_TIMEOUT,
    MAX_CONNECTIONS, MAX_HEADERS, MAX_HEAD_BYTES, MAX_REQUEST_BYTES,
};
use crate::error::Error;

/// Answers requests on `listener` until the process is stopped.
pub(super) fn serve(listener: std::net::TcpListener, answering: Answering) -> Result<(), Error> {
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .max_blocking_threads(cores)
        .build()
        .map_err(|e| Error::Usage(format!("cannot start the server: {e}")))?;
    runtime.block_on(accept(listener, Arc::new(answering)))
}

async fn accept(listener: std::net::TcpListener, answering: Arc<Answering>) -> Result<(), Error> {
    let failed = |e: std::io::Error| Error::Usage(format!("cannot serve: {e}"));
    listener.set_nonblocking(true).map_err(failed)?;
    let listener = TcpListener::from_std(listener).map_err(failed)?;
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        // Past the cap, connections wait in the kernel's queue until one ends.
        let Ok(slot) = Arc::clone(&slots).acquire_owned().await else {
            return Ok(());
        };
        let accepted = listener.accept().await;
        let Ok((stream, local)) =
            accepted.and_then(|(stream, _)| stream.local_addr().map(|local| (stream, local)))
        else {
            // Out of file descriptors, or a connection reset before it was accepted:
            // the next one may fare better; a moment's pause keeps this from spinning.
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            continue;
        };
        let answering = Arc::clone(&answering);
        tokio::spawn(async move {
            let service =
                service_fn(move |request| respond(Arc::clone(&answering), local, request));
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEAD_TIMEOUT)
                .max_header_size(MAX_HEAD_BYTES)
                .max_headers(MAX_HEADERS)
                .keep_alive(false)
                .serve_connection(TokioIo::new(stream), service);
            // A connection that outlasts its time is dropped, which closes it.
            let _ = tokio::time::timeout(CONNECTION_TIMEOUT, connection).await;
            drop(slot);
        });
    }
}

/// The response to one request: refused, or answered on the blocking pool.
async fn respond(
    answering: Arc<Answering>,
    local: SocketAddr,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    let target = parts
        .uri
        .path_and_query()
        .map_or("/", |target| target.as_str())
        .to_owned();
    let method = parts.method.as_str().to_owned();
    let host = text(&parts.headers, &HOST);
    let origin = text(&parts.headers, &ORIGIN);
    let head = Head {
        method: &method,
        target: &target,
        host: host.as_deref(),
        origin: origin.as_deref(),
        local,
    };
    if let Err(refusal) = request::admit(&head) {
        return Ok(response(Reply::refused(&refusal)));
    }
    let body = if parts.method == Method::POST {
        match read_body(&parts.headers, body).await {
            Ok(body) => body,
            Err(refusal) => return Ok(response(Reply::refused(&refusal))),
        }
    } else {
        Bytes::new()
    };
    let reply = tokio::task::spawn_blocking(move || {
        let head = Head {
            method: &method,
            target: &target,
            host: host.as_deref(),
            origin: origin.as_deref(),
            local,
        };
        answering.reply(&head, &body)
    })
    .await
    // The query panicked (the panic is printed on standard error): this request gets
    // a 500; the pool's thread and the server go on.
    .unwrap_or_else(|_| Reply::internal());
    Ok(response(reply))
}

/// A header's value as text; `None` when absent or not text.
fn text(headers: &HeaderMap, name: &HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

/// The body, at most [`MAX_REQUEST_BYTES`], within [`BODY_TIMEOUT`]. A body over the
/// limit is refused with 413; what follows the limit is read and dropped (up to
/// [`DISCARD_BYTES`]) rather than kept, so that a client that sends its whole body before
/// it reads gets the answer instead of a reset connection. A declared length over the
/// limit is refused without keeping a byte.
async fn read_body(headers: &HeaderMap, mut body: Incoming) -> Result<Bytes, Refusal> {
    let too_large = || Refusal {
        status: 413,
        message: format!("body over {MAX_REQUEST_BYTES} bytes"),
    };
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    let declared_over = declared.is_some_and(|n| n > MAX_REQUEST_BYTES as u64);
    let mut over = declared_over;
    let read = async {
        let mut kept = Vec::new();
        let mut seen = 0;
        while seen < DISCARD_BYTES {
            let Some(frame) = body.frame().await else {
                break;
            };
            let frame = frame.map_err(|error| Refusal {
                status: 400,
                message: format!("cannot read the body: {error}"),
            })?;
            let Some(data) = frame.data_ref() else {
                continue;
            };
            seen += data.len();
            over |= seen > MAX_REQUEST_BYTES;
            if !over {
                kept.extend_from_slice(data);
            }
        }
        if over {
            Err(too_large())
        } else {
            Ok(Bytes::from(kept))
        }
    };
    match tokio::time::timeout(BODY_TIMEOUT, read).await {
        Ok(read) => read,
        Err(_) if declared_over => Err(too_large()),
        Err(_) => Err(Refusal {
            status: 408,
            message: format!("the body took over {} s", BODY_TIMEOUT.as_secs()),
        }),
    }
}

fn response(reply: Reply) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(reply.json)));
    *response.status_mut() =
        StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    headers.insert(
        HeaderName::from_static("x-linkage-exit"),
        HeaderValue::from(u16::from(reply.exit)),
    );
    if reply.status == 405 {
        headers.insert(ALLOW, HeaderValue::from_static("GET, POST"));
    }
    response
}

#[cfg(test)]
mod tests {
    use std::{
        io::{Read as _, Write as _},
        net::TcpStream,
    };

    use super::*;
    use crate::{
        cli::{Cli, Command},
        commands::{Answer, Session},
        load::{load, DataSource},
    };

    /// The real dispatch, except that `papers` panics.
    fn papers_panics<'s>(cli: &'s Cli, session: &'s Session) -> Answer<'s> {
        assert!(
            !matches!(cli.command, Command::Papers { .. }),
            "a bug in answering `papers`"
        );
        crate::run::answer(cli, session)
    }

    fn status(address: std::net::SocketAddr, target: &str) -> u16 {
        let mut stream = TcpStream::connect(address).expect("connects");
        write!(stream, "GET {target} HTTP/1.1\r\nHost: {address}\r\n\r\n").expect("sends");
        let mut answer = String::new();
        stream.read_to_string(&mut answer).expect("reads");
        answer
            .split(' ')
            .nth(1)
            .and_then(|status| status.parse().ok())
            .unwrap_or_else(|| panic!("no status in {answer:?}"))
    }

    #[test]
    fn a_query_that_panics_is_answered_500_and_the_server_goes_on() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binds");
        let address = listener.local_addr().expect("an address");
        let loaded = Arc::new(load(&DataSource::Embedded).expect("loads"));
        let answering = Answering::new(loaded, None, papers_panics);
        // The server runs until the test process ends.
        std::thread::spawn(move || serve(listener, answering));
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        // More panics than there are threads to run queries: none is lost.
        for _ in 0..=cores {
            assert_eq!(status(address, "/papers"), 500);
        }
        assert_eq!(status(address, "/show?name=tpa"), 200);
    }
}
