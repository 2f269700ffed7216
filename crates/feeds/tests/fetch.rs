//! Fetching over HTTP from a local test server: conditional GET, errors, limits, pages.

#[path = "support/server.rs"]
mod server;

use std::time::{Duration, Instant};

use dossier_feeds::{
    FeedError, FeedResponse, FeedSource, FetchOptions, Fetcher, Validators, MAX_FEED_BYTES,
};
use server::{Route, Server};

const RSS: &str = include_str!("data/nbcnewyork.rss");

fn fetcher() -> Fetcher {
    Fetcher::new(FetchOptions {
        host_delay: Duration::ZERO,
        timeout: Duration::from_secs(5),
        ..FetchOptions::default()
    })
}

fn url_source(server: &Server, path: &str) -> FeedSource {
    FeedSource::parse(&server.url(path)).expect("url")
}

#[test]
fn conditional_get_sends_validators_and_takes_304() {
    let server = Server::start();
    let lm = "Sun, 17 Dec 2023 05:58:40 GMT";
    server.set(
        "/feed.xml",
        Route::ok("application/rss+xml", RSS)
            .with_etag("\"v1\"")
            .with_last_modified(lm),
    );
    let source = url_source(&server, "/feed.xml");
    let mut f = fetcher();

    let FeedResponse::Body(body) = f.fetch_feed(&source, &Validators::default()).unwrap() else {
        panic!("first fetch has a body");
    };
    assert_eq!(body.bytes, RSS.as_bytes());
    assert_eq!(body.validators.etag.as_deref(), Some("\"v1\""));
    assert_eq!(body.validators.last_modified.as_deref(), Some(lm));
    assert_eq!(body.url.as_deref(), Some(server.url("/feed.xml").as_str()));

    let again = f.fetch_feed(&source, &body.validators).unwrap();
    assert_eq!(again, FeedResponse::NotModified);

    let reqs = server.requests_for("/feed.xml");
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].header("if-none-match"), None);
    assert_eq!(reqs[1].header("if-none-match"), Some("\"v1\""));
    assert_eq!(reqs[1].header("if-modified-since"), Some(lm));
    let ua = reqs[0].header("user-agent").unwrap();
    assert!(ua.starts_with("dossier/"), "{ua}");
    assert!(reqs[0]
        .header("accept")
        .unwrap()
        .contains("application/rss+xml"));

    // Last-Modified alone works too.
    server.set(
        "/lm.xml",
        Route::ok("application/rss+xml", RSS).with_last_modified(lm),
    );
    let only_lm = Validators {
        etag: None,
        last_modified: Some(lm.to_string()),
    };
    let res = f
        .fetch_feed(&url_source(&server, "/lm.xml"), &only_lm)
        .unwrap();
    assert_eq!(res, FeedResponse::NotModified);
}

#[test]
fn http_errors_name_the_url_and_status() {
    let server = Server::start();
    server.set("/broken.xml", Route::status(500));
    let source = url_source(&server, "/broken.xml");
    let err = fetcher()
        .fetch_feed(&source, &Validators::default())
        .unwrap_err();
    assert!(
        matches!(err, FeedError::Status { status: 500, .. }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "{}: HTTP status 500 Internal Server Error",
            server.url("/broken.xml")
        )
    );
    let err = fetcher()
        .fetch_feed(&url_source(&server, "/missing.xml"), &Validators::default())
        .unwrap_err();
    assert!(
        err.to_string().ends_with("HTTP status 404 Not Found"),
        "{err}"
    );
}

#[test]
fn connection_refused_is_a_network_error() {
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/feed.xml");
    let err = fetcher()
        .fetch_feed(&FeedSource::parse(&url).unwrap(), &Validators::default())
        .unwrap_err();
    assert!(matches!(err, FeedError::Network { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.starts_with(&url), "{msg}");
    assert!(msg.contains("refused") || msg.contains("connect"), "{msg}");
}

#[test]
fn responses_over_the_limit_are_refused() {
    let server = Server::start();
    server.set(
        "/big.xml",
        Route::ok("application/rss+xml", vec![b' '; 5000]),
    );
    let mut f = Fetcher::new(FetchOptions {
        host_delay: Duration::ZERO,
        max_bytes: 1000,
        ..FetchOptions::default()
    });
    let err = f
        .fetch_feed(&url_source(&server, "/big.xml"), &Validators::default())
        .unwrap_err();
    assert!(matches!(err, FeedError::TooLarge { .. }), "{err:?}");
    assert!(err.to_string().contains(&server.url("/big.xml")), "{err}");
    // Without a Content-Length the limit holds while reading.
    server.set(
        "/stream.xml",
        Route::ok("application/rss+xml", vec![b' '; 5000]).close_delimited(),
    );
    let err = f
        .fetch_feed(&url_source(&server, "/stream.xml"), &Validators::default())
        .unwrap_err();
    assert!(matches!(err, FeedError::TooLarge { .. }), "{err:?}");
    assert_eq!(FetchOptions::default().max_bytes, MAX_FEED_BYTES);
}

#[test]
fn feed_files_are_read_and_missing_ones_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.rss");
    std::fs::write(&path, RSS).unwrap();
    let res = fetcher()
        .fetch_feed(&FeedSource::File(path.clone()), &Validators::default())
        .unwrap();
    let FeedResponse::Body(body) = res else {
        panic!("files always have a body")
    };
    assert_eq!(body.bytes, RSS.as_bytes());
    assert_eq!(body.url, None);

    let missing = dir.path().join("nope.rss");
    let err = fetcher()
        .fetch_feed(&FeedSource::File(missing.clone()), &Validators::default())
        .unwrap_err();
    assert!(
        err.to_string().starts_with(&missing.display().to_string()),
        "{err}"
    );
}

#[test]
fn pages_must_be_html_and_carry_their_charset() {
    let server = Server::start();
    server.set(
        "/story.html",
        Route::ok(
            "text/html; charset=windows-1252",
            &b"<html><body><p>caf\xe9</p></body></html>"[..],
        ),
    );
    server.set("/paper.pdf", Route::ok("application/pdf", "%PDF-1.4"));
    let mut f = fetcher();
    let page = f.fetch_page(&server.url("/story.html")).unwrap();
    assert_eq!(
        page.charset
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("windows-1252")
    );
    assert_eq!(page.url, server.url("/story.html"));
    let err = f.fetch_page(&server.url("/paper.pdf")).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: page is application/pdf, not HTML",
            server.url("/paper.pdf")
        )
    );
    let req = &server.requests_for("/story.html")[0];
    assert!(req.header("accept").unwrap().starts_with("text/html"));
}

#[test]
fn requests_to_one_host_are_spaced_by_the_politeness_delay() {
    let server = Server::start();
    server.set("/a.xml", Route::ok("application/rss+xml", RSS));
    let delay = Duration::from_millis(300);
    let mut f = Fetcher::new(FetchOptions {
        host_delay: delay,
        ..FetchOptions::default()
    });
    let source = url_source(&server, "/a.xml");
    let start = Instant::now();
    for _ in 0..3 {
        f.fetch_feed(&source, &Validators::default()).unwrap();
    }
    assert!(start.elapsed() >= delay * 2, "{:?}", start.elapsed());
}
