//! Real feeds (see tests/data/README.md) into entries and documents.

use std::path::PathBuf;

use chrono::NaiveDate;
use dossier_core::DateSource;
use dossier_feeds::{parse_feed, EntryError, FeedError, FeedSource, ParsedFeed, TextFrom};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn parse_file(name: &str) -> ParsedFeed {
    let path = data(name);
    let bytes = std::fs::read(&path).expect("fixture");
    parse_feed(&FeedSource::File(path), &bytes, None).expect("feed parses")
}

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

#[test]
fn rss2_with_full_content() {
    let feed = parse_file("arstechnica.rss");
    assert_eq!(feed.title.as_deref(), Some("Ars Technica"));
    assert_eq!(feed.entries.len(), 1);
    let e = &feed.entries[0];
    assert_eq!(e.key, "https://arstechnica.com/?p=1546121");
    assert_eq!(e.url.as_deref(), Some("https://arstechnica.com/?p=1546121"));
    assert_eq!(
        e.title.as_deref(),
        Some("Apple isn’t the most cash-rich company in the world anymore, but it doesn’t matter")
    );
    assert_eq!(e.published, Some(day("2019-08-05")));
    assert_eq!(e.authors, vec!["Samuel Axon"]);
    assert_eq!(e.language.as_deref(), Some("en"));
    // content:encoded wins over the description.
    assert_eq!(
        e.text,
        "Google co-founder Larry Page is now CEO of Alphabet."
    );
    assert_eq!(e.text_from, TextFrom::Content);
    assert!(!e.summary_only);

    let doc = feed.document(e).expect("document");
    assert!(doc.id.starts_with("arstechnica.com-"), "{}", doc.id);
    assert_eq!(doc.id.len(), "arstechnica.com-".len() + 12);
    assert_eq!(doc.source.as_deref(), Some("Ars Technica"));
    assert_eq!(doc.url, e.url);
    assert_eq!(doc.title, e.title);
    assert_eq!(doc.published, Some(day("2019-08-05")));
    assert_eq!(doc.date_source, DateSource::Metadata);
    assert_eq!(doc.body_text(), e.text);
    assert_eq!(doc.extra["feed"], feed.feed.as_str());
    assert_eq!(doc.extra["entry_id"], e.key.as_str());
    assert_eq!(doc.extra["summary_only"], false);
    assert_eq!(doc.extra["text_from"], "content");
    assert_eq!(doc.origin.record, Some(1));
    // The id depends on the entry's key only: the same entry gives the same id next time.
    assert_eq!(
        parse_file("arstechnica.rss").document(e).expect("doc").id,
        doc.id
    );
}

#[test]
fn rss2_summary_only_with_a_nonstandard_date() {
    let feed = parse_file("nbcnewyork.rss");
    assert_eq!(feed.title.as_deref(), Some("NBC New York"));
    let e = &feed.entries[0];
    assert_eq!(e.key, "4956764");
    assert_eq!(
        e.url.as_deref(),
        Some("https://www.nbcnewyork.com/news/local/nyc-cops-search-for-stabbing-suspect-after-leaving-18-year-old-to-bleed-out-on-sidewalk/4956764/")
    );
    assert_eq!(
        e.text,
        "A young man was left for dead on a Manhattan sidewalk late Friday, bleeding out from \
         multiple stab wounds across his body, police said."
    );
    assert_eq!(e.text_from, TextFrom::Summary);
    assert!(e.summary_only && e.wants_page());
    // "Sat, Dec 16 2023 02:02:33 PM" is no standard date format: unknown, not guessed.
    assert_eq!(e.published, None);
    let doc = feed.document(e).expect("document");
    assert_eq!(doc.date_source, DateSource::Unknown);
    assert_eq!(doc.extra["summary_only"], true);
    assert_eq!(
        doc.extra["authors"][0],
        "Gaby Acevedo and Jessica Cunnington"
    );
    // The file has no host of its own: the id takes the host of the site the feed is for.
    assert!(doc.id.starts_with("nbcnewyork.com-"), "{}", doc.id);
}

#[test]
fn atom_news_feed() {
    let feed = parse_file("theregister-science.atom");
    assert_eq!(feed.title.as_deref(), Some("The Register - Science"));
    assert_eq!(feed.entries.len(), 2);
    let (a, b) = (&feed.entries[0], &feed.entries[1]);
    assert_eq!(a.key, "tag:theregister.co.uk,2005:story204156");
    assert_eq!(
        a.url.as_deref(),
        Some("http://go.theregister.com/feed/www.theregister.co.uk/2019/07/31/orbitbeyond_drops_nasa_moon_contract/")
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Will someone plz dump our shizz on the Moon, NASA begs as one of the space biz vendors drops out")
    );
    // No <published>: the <updated> day.
    assert_eq!(a.published, Some(day("2019-07-31")));
    assert_eq!(a.authors, vec!["Richard Speed"]);
    // The HTML summary as paragraphs: the <h4> standfirst, then the <p>.
    let lines: Vec<&str> = a.text.lines().collect();
    assert_eq!(lines[0], "OrbitBeyond begone: Getting to the Moon is hard");
    assert!(
        lines[1].starts_with("NASA made a slew of announcements yesterday"),
        "{}",
        lines[1]
    );
    assert_eq!(a.text_from, TextFrom::Summary);
    assert_eq!(b.key, "tag:theregister.co.uk,2005:story204131");
    assert_eq!(b.published, Some(day("2019-07-30")));
    assert!(b
        .title
        .as_deref()
        .unwrap()
        .starts_with("Satellites with lasers"));
    let (da, db) = (feed.document(a).unwrap(), feed.document(b).unwrap());
    assert_ne!(da.id, db.id);
    assert!(da.id.starts_with("theregister.co.uk-"), "{}", da.id);
    assert_eq!(da.language, "en");
}

#[test]
fn json_feed() {
    let feed = parse_file("daringfireball.json");
    assert_eq!(feed.title.as_deref(), Some("Daring Fireball"));
    assert_eq!(feed.entries.len(), 2);
    let e = &feed.entries[0];
    assert_eq!(
        e.key,
        "https://daringfireball.net/linked/2020/01/24/bezos-iphone-x"
    );
    assert_eq!(
        e.title.as_deref(),
        Some("How Jeff Bezos’s iPhone X Was Hacked")
    );
    assert_eq!(e.published, Some(day("2020-01-24")));
    assert!(
        e.text.starts_with("Good summary from The New York Times."),
        "{}",
        e.text
    );
    assert_eq!(e.text_from, TextFrom::Content);
    assert_eq!(feed.entries[1].published, Some(day("2020-01-21")));
}

#[test]
fn rss091_without_guids_or_dates() {
    let feed = parse_file("writetheweb-0.91.rss");
    assert_eq!(feed.title.as_deref(), Some("WriteTheWeb"));
    assert_eq!(feed.entries.len(), 2);
    let e = &feed.entries[0];
    // No guid: the link is the key.
    assert_eq!(e.key, "http://writetheweb.com/read.php?item=24");
    assert_eq!(
        e.title.as_deref(),
        Some("Giving the world a pluggable Gnutella")
    );
    assert_eq!(e.published, None);
    // A hard-wrapped description is one paragraph.
    assert_eq!(
        e.text,
        "WorldOS is a framework on which to build programs that work like Freenet or Gnutella \
         -allowing distributed applications using peer-to-peer routing."
    );
    assert_eq!(
        feed.entries[1].key,
        "http://writetheweb.com/read.php?item=23"
    );
}

#[test]
fn rss1_in_iso_8859_1() {
    let feed = parse_file("golem-1.0.rdf");
    assert_eq!(feed.title.as_deref(), Some("Golem.de"));
    let e = &feed.entries[0];
    assert_eq!(
        e.key,
        "https://www.golem.de/news/digitalministerium-neue-glasfaserfoerderung-mit-schnellkasse-2301-171451.html"
    );
    assert_eq!(e.published, Some(day("2023-01-25")));
    // Decoded from ISO-8859-1.
    let title = e.title.as_deref().unwrap();
    assert!(title.contains("Glasfaserförderung"), "{title}");
}

#[test]
fn a_broken_feed_is_an_error_naming_it() {
    let path = data("reuters-invalid.rss");
    let bytes = std::fs::read(&path).unwrap();
    let err = parse_feed(&FeedSource::File(path.clone()), &bytes, None).unwrap_err();
    assert!(matches!(err, FeedError::Malformed { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.starts_with(&path.display().to_string()), "{msg}");
    assert!(msg.contains("not a readable feed"), "{msg}");

    for bad in [
        &b""[..],
        b"<html><body>Not a feed</body></html>",
        b"{\"not\": \"a feed\"}",
        b"\xff\xfe garbage",
    ] {
        let err = parse_feed(&FeedSource::File("x.xml".into()), bad, None).unwrap_err();
        assert!(
            err.to_string().contains("x.xml: not a readable feed"),
            "{err}"
        );
    }
}

#[test]
fn entries_without_text_are_entry_errors_and_repeats_are_dropped() {
    let xml = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>T</title><link>https://news.example/</link>
<item><title>Headline only</title><link>https://news.example/a</link><guid>a</guid></item>
<item><title>Again</title><link>https://news.example/a</link><guid>a</guid><description>x</description></item>
<item><title>No link</title></item>
<item><title>Relative</title><link>/b</link><description>&lt;p&gt;Body &amp;amp; more&lt;/p&gt;</description></item>
</channel></rss>"#;
    let source = FeedSource::Url("https://news.example/feed.xml".to_string());
    let feed = parse_feed(&source, xml.as_bytes(), None).unwrap();
    assert_eq!(feed.entries.len(), 3);
    let err = feed.document(&feed.entries[0]).unwrap_err();
    assert_eq!(
        err,
        EntryError::NoText {
            key: "a".to_string(),
            has_link: true
        }
    );
    assert!(err.to_string().contains("--fetch-pages"), "{err}");
    // Neither guid nor link: the title is the key.
    assert_eq!(feed.entries[1].key, "No link");
    assert!(!feed
        .document(&feed.entries[1])
        .unwrap_err()
        .to_string()
        .contains("--fetch-pages"));
    // Relative links are resolved against the feed's URL; entities in HTML decoded once.
    let rel = &feed.entries[2];
    assert_eq!(rel.url.as_deref(), Some("https://news.example/b"));
    assert_eq!(rel.text, "Body & more");
    let doc = feed.document(rel).unwrap();
    assert!(doc.id.starts_with("news.example-"), "{}", doc.id);
}
