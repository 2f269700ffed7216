//! Saved web pages and a WARC archive go in through `dossier ingest` and can be searched.
//! Uses real pages of the article-extraction benchmark (`../shared/data`); prints a note and
//! passes when they are not there.

mod common;

use common::dossier;
use std::path::{Path, PathBuf};

/// The benchmark's folder of pages, or `None` (with a note) when it is not there.
fn benchmark_pages() -> Option<PathBuf> {
    let bench = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/article-extraction-benchmark/html");
    if bench.is_dir() {
        Some(bench)
    } else {
        eprintln!("note: {} not found; skipping", bench.display());
        None
    }
}

/// The benchmark page whose file name starts with `prefix` (gzip-compressed HTML).
fn page(dir: &Path, prefix: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("benchmark page {prefix}"))
}

/// One WARC/1.0 record.
fn record(n: usize, kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012}>\r\nWARC-Date: 2019-11-21T08:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An archived HTTP 200 response.
fn response(n: usize, uri: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    block.extend_from_slice(body);
    record(
        n,
        "response",
        uri,
        "application/http; msgtype=response",
        &block,
    )
}

#[test]
fn html_pages_and_a_warc_archive_are_ingested_and_searchable() {
    let Some(bench) = benchmark_pages() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    // Two reports of one story as saved pages: VentureBeat (Reuters) and TechCrunch on the
    // New York attorney general's WeWork inquiry.
    std::fs::copy(
        page(&bench, "06e5123e4ef7"),
        input.join("venturebeat-wework.html.gz"),
    )
    .unwrap();
    std::fs::copy(
        page(&bench, "1ace8c85aaee"),
        input.join("techcrunch-wework.html.gz"),
    )
    .unwrap();
    // A crawl of two more pages, served gzip-compressed, with a request and an image.
    let nbc = std::fs::read(page(&bench, "5a822960e9a2")).unwrap();
    let latimes = std::fs::read(page(&bench, "098bb3e96c0a")).unwrap();
    let nbc_url = "https://www.nbcnews.com/news/world/house-hitler-was-born-will-become-police-station-austria-says-n1086531";
    let gzipped_html = "Content-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n";
    let archive = [
        record(1, "warcinfo", "urn:x-test:crawl", "application/warc-fields", b"software: dossier tests\r\n"),
        record(2, "request", nbc_url, "application/http; msgtype=request", b"GET /news/world/house-hitler-was-born-will-become-police-station-austria-says-n1086531 HTTP/1.1\r\nHost: www.nbcnews.com\r\n\r\n"),
        response(3, nbc_url, gzipped_html, &nbc),
        response(4, "https://www.nbcnews.com/logo.png", "Content-Type: image/png\r\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x00"),
        response(5, "https://www.latimes.com/entertainment-arts/business/story/2019-11-19/disney-plus-kevin-mayer", gzipped_html, &latimes),
    ]
    .concat();
    std::fs::write(input.join("crawl.warc"), archive).unwrap();

    let db = dir.path().join("d.sqlite");
    let started = std::time::Instant::now();
    let out = dossier(&db, &["ingest", input.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("4 read, 4 stored"), "{stderr}");
    assert!(stderr.contains("0 rejected"), "{stderr}");
    eprintln!("ingest took {:?}", started.elapsed());

    let search = |query: &str| {
        let out = dossier(&db, &["search", query]);
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let hits = search("Braunau");
    assert!(hits.contains("crawl.3"), "{hits}");
    let hits = search("Mayer mettle");
    assert!(hits.contains("crawl.5"), "{hits}");
    let hits = search("Neumann");
    assert!(hits.contains("venturebeat-wework"), "{hits}");
    assert!(hits.contains("techcrunch-wework"), "{hits}");
    // Two reports of one event: one story.
    let story_of = |id: &str| {
        hits.lines()
            .find(|l| l.starts_with(&format!("{id}\t")))
            .and_then(|l| l.split('\t').nth(1))
            .map(str::to_string)
    };
    assert!(story_of("venturebeat-wework").is_some());
    assert_eq!(
        story_of("venturebeat-wework"),
        story_of("techcrunch-wework")
    );
    // Page furniture stayed out.
    assert_eq!(search("Flipboard"), "");
}

#[path = "../crates/feeds/tests/support/server.rs"]
mod server;

#[test]
fn extract_prints_a_page_as_json_from_a_file_or_a_url() {
    let Some(bench) = benchmark_pages() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.sqlite");
    // The New York Times on the trade war, as a saved .html.gz file.
    let nyt = page(&bench, "702d1da63b8e");
    let out = dossier(&db, &["extract", nyt.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let article: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        article["title"],
        "Trump’s Made-for-TV Trade War Keeps World Guessing"
    );
    assert_eq!(article["published"], "2019-11-18");
    assert_eq!(article["author"], "Ana Swanson");
    assert_eq!(article["language"], "en-US");
    assert_eq!(
        article["url"],
        "https://www.nytimes.com/2019/11/18/business/trump-trade-war-china.html"
    );
    assert!(article["body"]
        .as_str()
        .unwrap()
        .contains("“My people had $20 billion done,” Mr. Trump recounted"));
    // `extract` needs no database.
    assert!(!db.exists());

    // The same page served over HTTP gives the same article.
    let mut html = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(std::fs::File::open(&nyt).unwrap()),
        &mut html,
    )
    .unwrap();
    let server = server::Server::start();
    server.set(
        "/trade-war.html",
        server::Route::ok("text/html; charset=utf-8", html),
    );
    let out = dossier(&db, &["extract", &server.url("/trade-war.html")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let from_url: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(from_url["body"], article["body"]);

    // A page with no article, and a missing page: exit 1 with the page and the reason.
    let links = dir.path().join("links.html");
    std::fs::write(
        &links,
        "<html><body><a href=/a>Home</a> <a href=/b>News</a></body></html>",
    )
    .unwrap();
    let out = dossier(&db, &["extract", links.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("links.html") && err.contains("no article found"),
        "{err}"
    );
    server.set("/gone.html", server::Route::status(404));
    let out = dossier(&db, &["extract", &server.url("/gone.html")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/gone.html") && err.contains("404"), "{err}");
}
