//! Arbitrary requests to `linkage serve`, HTTP's framing aside (hyper parses that): the
//! method, target, `Host` and `Origin` headers and body go through the same admission
//! and parsing as a real request and, when admitted, are answered from the built-in
//! dataset. Every request must end in a reply of one line whose status agrees with its
//! exit code (an error is 400, 413 or 414 with exit code 2), never in a panic.
//!
//! Input: `METHOD\nTARGET\nHOST\nORIGIN\nBODY` (a lone `-` for a header that is absent;
//! the body is the rest, any bytes).

use std::sync::{Arc, OnceLock};

use linkage::{
    load::{load, DataSource},
    run,
    serve::{request, Answering, Head},
};

fn answering() -> &'static Answering {
    static ANSWERING: OnceLock<Answering> = OnceLock::new();
    ANSWERING.get_or_init(|| {
        let loaded = load(&DataSource::Embedded).expect("the built-in data loads");
        Answering::new(Arc::new(loaded), None, run::answer)
    })
}

/// The check: panics (a finding) when the input breaks a promise.
pub(crate) fn check(data: &[u8]) {
    let mut fields = data.splitn(5, |&b| b == b'\n');
    let mut next = || String::from_utf8_lossy(fields.next().unwrap_or_default()).into_owned();
    let (method, target, host, origin) = (next(), next(), next(), next());
    let body = data.splitn(5, |&b| b == b'\n').nth(4).unwrap_or_default();
    let header = |value: &str| (value != "-").then(|| value.to_owned());
    let (host, origin) = (header(&host), header(&origin));
    let head = Head {
        method: &method,
        target: &target,
        host: host.as_deref(),
        origin: origin.as_deref(),
        local: "127.0.0.1:8765".parse().expect("an address"),
    };
    if request::admit(&head).is_err() {
        return;
    }
    let reply = answering().reply(&head, body);
    assert!(!reply.json.contains('\n'), "one line: {reply:?}");
    match reply.status {
        200 => assert!(reply.exit < 2, "{reply:?}"),
        400 | 413 | 414 => assert_eq!(reply.exit, 2, "{reply:?}"),
        other => panic!("status {other}: {reply:?}"),
    }
}
