//! `dossier ingest --feed` and `dossier watch` end to end, against a local HTTP server.

mod common;

#[path = "../crates/feeds/tests/support/server.rs"]
mod server;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::dossier;
use dossier_store::Store;
use server::{Route, Server};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(root().join("crates/feeds/tests/data").join(name)).expect("fixture")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn documents(db: &Path) -> usize {
    Store::open(db).unwrap().document_count().unwrap()
}

fn assert_exit(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout: {}\nstderr: {}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

#[test]
fn ingest_feed_twice_stores_nothing_new() {
    let server = Server::start();
    server.set(
        "/feed.xml",
        Route::ok("application/atom+xml", fixture("theregister-science.atom")).with_etag("\"r1\""),
    );
    server.set(
        "/plain.xml",
        Route::ok("application/rss+xml", fixture("writetheweb-0.91.rss")),
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let feed = server.url("/feed.xml");
    let plain = server.url("/plain.xml");
    let args = [
        "ingest",
        "--feed",
        &feed,
        "--feed",
        &plain,
        "--host-delay",
        "0",
    ];

    let first = dossier(&db, &args);
    assert_exit(&first, 0);
    let err = text(&first.stderr);
    assert!(
        err.contains(&format!("{feed}: 2 new of 2 entries: 2 stored")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{plain}: 2 new of 2 entries: 2 stored")),
        "{err}"
    );
    assert_eq!(documents(&db), 4);

    let second = dossier(&db, &args);
    assert_exit(&second, 0);
    let err = text(&second.stderr);
    // With an ETag the server says 304; without one the feed is read and nothing is new.
    assert!(err.contains(&format!("{feed}: not modified")), "{err}");
    assert!(
        err.contains(&format!("{plain}: no new entries (2 in the feed)")),
        "{err}"
    );
    assert_eq!(documents(&db), 4);
    let reqs = server.requests_for("/feed.xml");
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[1].header("if-none-match"), Some("\"r1\""));
    assert_eq!(reqs[1].status, 304);

    let stories = dossier(&db, &["stories"]);
    assert_exit(&stories, 0);
    assert!(
        text(&stories.stdout).contains("NASA begs"),
        "{}",
        text(&stories.stdout)
    );
}

#[test]
fn ingest_feeds_and_paths_together_and_report_failures() {
    let server = Server::start();
    server.set("/down.xml", Route::status(500));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let feed_file = root().join("crates/feeds/tests/data/nbcnewyork.rss");
    let broken_file = root().join("crates/feeds/tests/data/reuters-invalid.rss");
    let example = root().join("examples/chechnya-2017");
    let down = server.url("/down.xml");
    let out = dossier(
        &db,
        &[
            "ingest",
            example.to_str().unwrap(),
            "--feed",
            feed_file.to_str().unwrap(),
            "--feed",
            &down,
            "--feed",
            broken_file.to_str().unwrap(),
            "--host-delay",
            "0",
        ],
    );
    assert_exit(&out, 1);
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "{down}: failed: HTTP status 500 Internal Server Error"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}: failed: not a readable feed",
            broken_file.display()
        )),
        "{err}"
    );
    assert!(err.contains("nbcnewyork.rss: 1 new of 1 entr"), "{err}");
    // The five example files and the one entry of the good feed.
    assert_eq!(documents(&db), 6);
}

#[test]
fn watch_once_polls_every_feed_and_goes_on_after_failures() {
    let server = Server::start();
    server.set(
        "/a.json",
        Route::ok("application/feed+json", fixture("daringfireball.json")).with_etag("\"j1\""),
    );
    server.set("/b.xml", Route::status(500));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let list = dir.path().join("feeds.txt");
    let (a, b) = (server.url("/a.json"), server.url("/b.xml"));
    std::fs::write(&list, format!("# test feeds\n{b}\n\n{a}  # JSON Feed\n")).unwrap();
    let args = [
        "watch",
        list.to_str().unwrap(),
        "--once",
        "--host-delay",
        "0",
    ];

    let first = dossier(&db, &args);
    assert_exit(&first, 1);
    let out = text(&first.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].ends_with(&format!(
            "{b}: failed: HTTP status 500 Internal Server Error"
        )),
        "{out}"
    );
    assert!(
        lines[1].ends_with(&format!(
            "{a}: 2 new of 2 entries: 2 stored, 0 already stored, 0 rejected; 2 new stories"
        )),
        "{out}"
    );
    assert_eq!(documents(&db), 2);

    // The failing feed recovers; the other has not changed.
    server.set(
        "/b.xml",
        Route::ok("application/rss+xml", fixture("arstechnica.rss")),
    );
    let second = dossier(&db, &args);
    assert_exit(&second, 0);
    let out = text(&second.stdout);
    assert!(out.contains(&format!("{b}: 1 new of 1 entry")), "{out}");
    assert!(out.contains(&format!("{a}: not modified")), "{out}");
    assert_eq!(documents(&db), 3);
}

#[test]
fn watch_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "# nothing yet\n").unwrap();
    let out = dossier(&db, &["watch", empty.to_str().unwrap(), "--once"]);
    assert_exit(&out, 1);
    assert!(
        text(&out.stderr).contains("lists no feeds"),
        "{}",
        text(&out.stderr)
    );

    let missing = dir.path().join("missing.txt");
    let out = dossier(&db, &["watch", missing.to_str().unwrap(), "--once"]);
    assert_exit(&out, 1);
    assert!(
        text(&out.stderr).contains("missing.txt"),
        "{}",
        text(&out.stderr)
    );

    let out = dossier(
        &db,
        &["watch", empty.to_str().unwrap(), "--interval", "soon"],
    );
    assert_exit(&out, 2);
    let out = dossier(&db, &["ingest"]);
    assert_exit(&out, 2);
}

#[test]
fn watch_keeps_polling_after_a_failure() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let server = Server::start();
    server.set("/down.xml", Route::status(500));
    server.set(
        "/up.xml",
        Route::ok("application/rss+xml", fixture("nbcnewyork.rss")).with_etag("\"n1\""),
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let list = dir.path().join("feeds.txt");
    let (down, up) = (server.url("/down.xml"), server.url("/up.xml"));
    std::fs::write(&list, format!("{down}\n{up}\n")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--db")
        .arg(&db)
        .args([
            "watch",
            list.to_str().unwrap(),
            "--interval",
            "1s",
            "--host-delay",
            "0",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("dossier runs");
    let stdout = child.stdout.take().unwrap();
    // Two rounds of two feeds; the reader stops there, or when dossier exits.
    let lines: Vec<String> = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .take(4)
        .collect();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(lines.len(), 4, "{lines:#?}");
    assert!(lines[0].ends_with(&format!(
        "{down}: failed: HTTP status 500 Internal Server Error"
    )));
    assert!(
        lines[1].contains(&format!("{up}: 1 new of 1 entry")),
        "{lines:#?}"
    );
    assert!(lines[2].ends_with(&format!(
        "{down}: failed: HTTP status 500 Internal Server Error"
    )));
    assert!(
        lines[3].ends_with(&format!("{up}: not modified")),
        "{lines:#?}"
    );
}
