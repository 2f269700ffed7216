//! Feeds through the pipeline against a local HTTP server: conditional GET, entries taken
//! once, failures that leave other feeds alone, and linked pages.

#[path = "../../feeds/tests/support/server.rs"]
mod server;

use std::io::Read;
use std::path::PathBuf;
use std::time::Duration;

use dossier_feeds::{FeedError, FeedSource, FetchOptions, Fetcher};
use dossier_pipeline::{check_feed, FeedOptions, FeedOutcome, FeedReport, Ingester};
use dossier_store::{FeedStatus, Store};
use server::{Route, Server};

/// An RSS 2.0 feed of `(guid, title, description)` items.
fn rss(items: &[(&str, &str, &str)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>Kavkaz Wire</title><link>https://wire.example/</link>\
         <description>Test wire</description>\n",
    );
    for (guid, title, description) in items {
        xml.push_str(&format!(
            "<item><title>{title}</title><link>https://wire.example/{guid}</link>\
             <guid isPermaLink=\"false\">{guid}</guid>\
             <pubDate>Sat, 15 Apr 2017 10:00:00 +0000</pubDate>\
             <description><![CDATA[<p>{description}</p>]]></description></item>\n"
        ));
    }
    xml.push_str("</channel></rss>\n");
    xml
}

const A: (&str, &str, &str) = (
    "a",
    "Officials deny reports of detentions",
    "Officials in Grozny on Saturday denied reports that dozens of men had been detained, \
     calling the accounts fabricated.",
);
const B: (&str, &str, &str) = (
    "b",
    "Rights group publishes testimony",
    "A rights group published testimony from three men who said they were held for weeks \
     in a former military compound.",
);
const C: (&str, &str, &str) = (
    "c",
    "Kremlin says it has no information",
    "The Kremlin spokesman told reporters it had no information about the detentions and \
     suggested that complaints go to the courts.",
);

struct Setup {
    store: Store,
    fetcher: Fetcher,
    _dir: tempfile::TempDir,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("db.sqlite")).expect("store");
    let fetcher = Fetcher::new(FetchOptions {
        host_delay: Duration::ZERO,
        timeout: Duration::from_secs(10),
        ..FetchOptions::default()
    });
    Setup {
        store,
        fetcher,
        _dir: dir,
    }
}

impl Setup {
    fn check(&mut self, url: &str, options: FeedOptions) -> FeedReport {
        let mut ingester = Ingester::new(&mut self.store).expect("ingester");
        let source = FeedSource::parse(url).expect("url");
        check_feed(
            &mut self.store,
            &mut ingester,
            &mut self.fetcher,
            &source,
            options,
        )
        .expect("store works")
    }
}

/// `(entries, new entries, stored)` of a feed that was read.
fn counts(report: &FeedReport) -> (usize, usize, usize) {
    match &report.outcome {
        FeedOutcome::Read {
            entries,
            new_entries,
            summary,
            ..
        } => (*entries, *new_entries, summary.inserted),
        other => panic!(
            "{}: expected the feed to be read, got {other:?}",
            report.feed
        ),
    }
}

#[test]
fn conditional_get_and_entries_taken_once() {
    let server = Server::start();
    let mut s = setup();
    let url = server.url("/feed.xml");
    server.set(
        "/feed.xml",
        Route::ok("application/rss+xml", rss(&[A, B])).with_etag("\"v1\""),
    );

    let first = s.check(&url, FeedOptions::default());
    assert_eq!(counts(&first), (2, 2, 2));
    assert_eq!(s.store.document_count().unwrap(), 2);
    let doc = s
        .store
        .documents()
        .unwrap()
        .into_iter()
        .find(|d| d.title.as_deref() == Some(A.1))
        .expect("entry a stored");
    assert_eq!(doc.source.as_deref(), Some("Kavkaz Wire"));
    assert_eq!(doc.url.as_deref(), Some("https://wire.example/a"));
    assert_eq!(doc.published, "2017-04-15".parse().ok());
    assert_eq!(doc.text, A.2);
    assert_eq!(doc.extra["feed"], url.as_str());
    assert_eq!(doc.extra["summary_only"], true);
    assert!(doc.id.starts_with("127.0.0.1-"), "{}", doc.id);

    // Unchanged: the server answers 304 to the stored ETag and nothing is read.
    let second = s.check(&url, FeedOptions::default());
    assert!(
        matches!(second.outcome, FeedOutcome::NotModified),
        "{second:?}"
    );
    let reqs = server.requests_for("/feed.xml");
    assert_eq!(reqs[1].header("if-none-match"), Some("\"v1\""));
    assert_eq!(reqs[1].status, 304);
    assert_eq!(s.store.document_count().unwrap(), 2);
    let state = s.store.feed_state(&url).unwrap().expect("state");
    assert_eq!(state.last_status, Some(FeedStatus::NotModified));
    assert_eq!(state.etag.as_deref(), Some("\"v1\""));
    assert_eq!(state.title.as_deref(), Some("Kavkaz Wire"));

    // One new entry, and entry a edited: only the new entry is ingested.
    let edited_a = (
        A.0,
        A.1,
        "Officials in Grozny on Saturday denied reports that dozens \
                               of men had been detained, calling the accounts lies.",
    );
    server.set(
        "/feed.xml",
        Route::ok("application/rss+xml", rss(&[C, edited_a, B])).with_etag("\"v2\""),
    );
    let third = s.check(&url, FeedOptions::default());
    assert_eq!(counts(&third), (3, 1, 1));
    assert_eq!(s.store.document_count().unwrap(), 3);
    let state = s.store.feed_state(&url).unwrap().expect("state");
    assert_eq!(state.etag.as_deref(), Some("\"v2\""));
    assert_eq!(state.last_status, Some(FeedStatus::Ok { new_entries: 1 }));
    assert_eq!(s.store.feed_entry_count(&url).unwrap(), 3);
}

#[test]
fn a_failing_feed_is_reported_and_others_go_on() {
    let server = Server::start();
    let mut s = setup();
    let broken = include_bytes!("../../feeds/tests/data/reuters-invalid.rss");
    server.set("/broken.xml", Route::ok("application/rss+xml", &broken[..]));
    server.set("/error.xml", Route::status(500));
    server.set(
        "/good.xml",
        Route::ok("application/rss+xml", rss(&[A])).with_etag("\"g1\""),
    );

    let mut ingester = Ingester::new(&mut s.store).unwrap();
    let mut reports = Vec::new();
    for path in ["/broken.xml", "/error.xml", "/good.xml"] {
        let source = FeedSource::parse(&server.url(path)).unwrap();
        reports.push(
            check_feed(
                &mut s.store,
                &mut ingester,
                &mut s.fetcher,
                &source,
                FeedOptions::default(),
            )
            .expect("store works"),
        );
    }
    let FeedOutcome::Failed(err) = &reports[0].outcome else {
        panic!("malformed feed: {:?}", reports[0]);
    };
    assert!(matches!(err, FeedError::Malformed { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.starts_with(&server.url("/broken.xml")), "{msg}");
    assert!(msg.contains("not a readable feed"), "{msg}");

    let FeedOutcome::Failed(err) = &reports[1].outcome else {
        panic!("HTTP 500: {:?}", reports[1]);
    };
    assert_eq!(
        err.to_string(),
        format!(
            "{}: HTTP status 500 Internal Server Error",
            server.url("/error.xml")
        )
    );
    assert!(reports[1].outcome.has_problems());

    assert_eq!(counts(&reports[2]), (1, 1, 1));
    assert_eq!(s.store.document_count().unwrap(), 1);

    let state = s
        .store
        .feed_state(&server.url("/error.xml"))
        .unwrap()
        .expect("failures are recorded");
    match state.last_status {
        Some(FeedStatus::Error { reason }) => assert!(reason.contains("500"), "{reason}"),
        other => panic!("{other:?}"),
    }

    // A feed that fails after a good fetch keeps its validators for next time.
    server.set("/good.xml", Route::status(500));
    let failed = s.check(&server.url("/good.xml"), FeedOptions::default());
    assert!(matches!(failed.outcome, FeedOutcome::Failed(_)));
    let state = s
        .store
        .feed_state(&server.url("/good.xml"))
        .unwrap()
        .unwrap();
    assert_eq!(state.etag.as_deref(), Some("\"g1\""));
}

#[test]
fn entries_without_text_are_rejected_not_taken() {
    let server = Server::start();
    let mut s = setup();
    let xml = rss(&[A]).replace(
        "</channel>",
        "<item><title>Headline only</title><guid>h</guid></item></channel>",
    );
    server.set("/feed.xml", Route::ok("application/rss+xml", xml));
    let url = server.url("/feed.xml");
    let report = s.check(&url, FeedOptions::default());
    let FeedOutcome::Read { summary, .. } = &report.outcome else {
        panic!("{report:?}");
    };
    assert_eq!(summary.inserted, 1);
    assert_eq!(summary.rejections.len(), 1);
    let r = &summary.rejections[0];
    assert_eq!(r.path, url);
    assert_eq!(r.record, Some(2));
    assert!(r.reason.contains("\"h\" has no text"), "{}", r.reason);
    assert!(report.outcome.has_problems());
    assert_eq!(s.store.feed_entry_count(&url).unwrap(), 1);
}

/// A real article page from the extraction benchmark beside the checkout, with the first
/// sentence of its reference text.
fn benchmark_page() -> Option<(Vec<u8>, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/article-extraction-benchmark");
    let id = "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34";
    let file = std::fs::File::open(root.join("html").join(format!("{id}.html.gz"))).ok()?;
    let mut html = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut html)
        .ok()?;
    let truth: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("ground-truth.json")).ok()?).ok()?;
    let body = truth[id]["articleBody"].as_str()?;
    let first = body.split(". ").next()?.to_string();
    Some((html, first))
}

#[test]
fn fetch_pages_reads_the_linked_article() {
    let Some((html, first_sentence)) = benchmark_page() else {
        eprintln!("skipped: ../shared/data/article-extraction-benchmark not found");
        return;
    };
    let server = Server::start();
    let mut s = setup();
    server.set(
        "/opinion.html",
        Route::ok("text/html; charset=utf-8", html.clone()),
    );
    let xml = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Opinion</title>\
         <link>{home}</link>\
         <item><title>Republicans Are Following Trump to Nowhere</title>\
         <link>{page}</link><guid>op-1</guid>\
         <description>Four elections this month.</description></item>\
         <item><title>Gone</title><link>{gone}</link><guid>op-2</guid>\
         <description>A summary that stays when the page is gone.</description></item>\
         </channel></rss>",
        home = server.url("/"),
        page = server.url("/opinion.html"),
        gone = server.url("/gone.html"),
    );
    server.set("/feed.xml", Route::ok("application/rss+xml", xml));

    let report = s.check(&server.url("/feed.xml"), FeedOptions { fetch_pages: true });
    let FeedOutcome::Read {
        summary,
        page_failures,
        ..
    } = &report.outcome
    else {
        panic!("{report:?}");
    };
    assert_eq!(summary.inserted, 2);
    assert_eq!(page_failures.len(), 1);
    assert_eq!(page_failures[0].entry, "op-2");
    assert_eq!(page_failures[0].record, 2);
    let msg = page_failures[0].error.to_string();
    assert!(
        msg.starts_with(&server.url("/gone.html")) && msg.contains("404"),
        "{msg}"
    );

    let docs = s.store.documents().unwrap();
    let article = docs
        .iter()
        .find(|d| d.extra["entry_id"] == "op-1")
        .expect("article stored");
    let expected =
        dossier_web::extract_article(&html, Some(&server.url("/opinion.html")), Some("utf-8"))
            .expect("the benchmark page has an article");
    assert_eq!(article.text, expected.body);
    assert!(
        article.text.contains(&first_sentence),
        "{first_sentence:?} not in {:?}",
        &article.text[..article.text.len().min(300)]
    );
    assert_eq!(article.extra["text_from"], "page");
    assert_eq!(article.extra["summary_only"], true);
    let kept = docs
        .iter()
        .find(|d| d.extra["entry_id"] == "op-2")
        .expect("summary stored");
    assert_eq!(kept.text, "A summary that stays when the page is gone.");
    assert_eq!(kept.extra["text_from"], "summary");
}
