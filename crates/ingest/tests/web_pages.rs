//! Saved web pages and WARC archives, on real pages of the article-extraction benchmark
//! (`../shared/data/article-extraction-benchmark`: pages and their hand-made ground truth).
//! Tests that need the pages print a note and pass when the data is not there.

mod common;
use common::{gzip, split};

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use dossier_core::{DateSource, Document};
use dossier_ingest::{read_file, Rejection};
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::Value;

// Benchmark pages used here (file names start with these hashes).
const NBC: &str = "5a822960e9a2"; // House where Hitler was born (NBC News, from Reuters)
const LATIMES: &str = "098bb3e96c0a"; // Disney+ glitches (Los Angeles Times)
const VENTUREBEAT: &str = "06e5123e4ef7"; // NY attorney general and WeWork (VentureBeat, Reuters)
const TECHCRUNCH: &str = "1ace8c85aaee"; // NY attorney general and WeWork (TechCrunch)
const ENTERMEDIA: &str = "0ec95c7261d1"; // Korean column, no canonical URL on the page

/// A benchmark page: its file, bytes (decompressed) and ground truth.
struct Page {
    path: PathBuf,
    hash: String,
    html: Vec<u8>,
    url: String,
    truth: String,
}

/// The benchmark folder, or `None` (with a note) when it is not there.
fn bench_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/article-extraction-benchmark");
    if dir.join("ground-truth.json").is_file() && dir.join("html").is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "note: {} not found; skipping tests on real pages",
            dir.display()
        );
        None
    }
}

fn pages(dir: &Path, prefixes: &[&str]) -> Vec<Page> {
    let truth: Value =
        serde_json::from_slice(&std::fs::read(dir.join("ground-truth.json")).unwrap()).unwrap();
    let names: Vec<PathBuf> = std::fs::read_dir(dir.join("html"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    prefixes
        .iter()
        .map(|prefix| {
            let path = names
                .iter()
                .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
                .unwrap_or_else(|| panic!("benchmark page {prefix}"))
                .clone();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let hash = name.trim_end_matches(".html.gz").to_string();
            let mut html = Vec::new();
            GzDecoder::new(std::fs::File::open(&path).unwrap())
                .read_to_end(&mut html)
                .unwrap();
            let entry = &truth[hash.as_str()];
            Page {
                path,
                url: entry["url"].as_str().unwrap().to_string(),
                truth: entry["articleBody"].as_str().unwrap().to_string(),
                hash,
                html,
            }
        })
        .collect()
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Share of the ground truth's paragraphs found whole in the document's body.
fn recall(doc: &Document, truth: &str) -> f64 {
    let body = squash(doc.body_text());
    let paragraphs: Vec<String> = truth
        .lines()
        .map(squash)
        .filter(|p| !p.is_empty())
        .collect();
    let found = paragraphs
        .iter()
        .filter(|p| body.contains(p.as_str()))
        .count();
    found as f64 / paragraphs.len() as f64
}

/// Asserts `sentence` is in the ground truth and in the body, once whitespace is squashed.
fn has_sentence(doc: &Document, page: &Page, sentence: &str) {
    assert!(
        squash(&page.truth).contains(sentence),
        "{sentence:?} not in the ground truth"
    );
    assert!(
        squash(doc.body_text()).contains(sentence),
        "{}: {sentence:?} missing from {:?}",
        doc.id,
        doc.body_text()
    );
}

/// Asserts `line` is visible on the page but not in the body.
fn left_out(doc: &Document, page: &Page, line: &str) {
    assert!(
        String::from_utf8_lossy(&page.html).contains(line),
        "{line:?} not on page {}",
        page.hash
    );
    assert!(!doc.text.contains(line), "{}: kept {line:?}", doc.id);
}

fn assert_spans_valid(doc: &Document) {
    assert!(doc.body.start <= doc.body.end && doc.body.end <= doc.text.len());
    assert!(doc.text.is_char_boundary(doc.body.start) && doc.text.is_char_boundary(doc.body.end));
    assert!(!doc.body.is_empty());
}

#[test]
fn benchmark_pages_read_as_articles() {
    let Some(dir) = bench_dir() else { return };
    let [nbc, latimes, venturebeat] =
        <[Page; 3]>::try_from(pages(&dir, &[NBC, LATIMES, VENTUREBEAT]))
            .ok()
            .unwrap();
    let read = |page: &Page| {
        let (mut docs, rejections) = split(read_file(&page.path));
        assert!(rejections.is_empty(), "{rejections:?}");
        assert_eq!(docs.len(), 1);
        let doc = docs.remove(0);
        assert_eq!(doc.id, page.hash);
        assert_eq!(doc.origin.path, page.path.display().to_string());
        assert_eq!(doc.origin.record, None);
        assert_eq!(doc.url.as_deref(), Some(page.url.as_str()));
        assert_eq!(doc.language, "en");
        assert_spans_valid(&doc);
        // The headline opens the text, as a plain-text article's title line does.
        let title = doc.title.clone().expect("title");
        assert!(doc.body_text().starts_with(&format!("{title}\n\n")));
        let r = recall(&doc, &page.truth);
        eprintln!(
            "{}: {:.0}% of ground-truth paragraphs",
            page.hash,
            r * 100.0
        );
        assert!(
            r >= 0.8,
            "{}: only {:.0}% of the article",
            doc.id,
            r * 100.0
        );
        doc
    };

    let d = read(&nbc);
    assert_eq!(
        d.title.as_deref(),
        Some("House Hitler was born in will become a police station, Austria says")
    );
    assert_eq!(d.source.as_deref(), Some("NBC News"));
    assert_eq!(d.published, chrono::NaiveDate::from_ymd_opt(2019, 11, 20));
    assert_eq!(d.date_source, DateSource::Metadata);
    has_sentence(
        &d,
        &nbc,
        "Recent governments have, however, recognized that Austrians were also perpetrators of Nazi crimes and that there was little resistance to Hitler's rule.",
    );

    let d = read(&latimes);
    assert!(
        d.title.as_deref().unwrap().contains("Kevin Mayer"),
        "{:?}",
        d.title
    );
    assert_eq!(d.source.as_deref(), Some("Los Angeles Times"));
    assert_eq!(d.extra["author"], "Meg James");
    has_sentence(
        &d,
        &latimes,
        "Getting Disney+ right will be a key test of Mayer’s mettle.",
    );
    left_out(&d, &latimes, "Get our daily Entertainment newsletter");
    left_out(&d, &latimes, "More From the Los Angeles Times");
    left_out(
        &d,
        &latimes,
        "Rothman Brecher agency signs franchise agreement with WGA",
    );

    let d = read(&venturebeat);
    assert_eq!(d.source.as_deref(), Some("VentureBeat"));
    has_sentence(
        &d,
        &venturebeat,
        "A spokesperson for the NYAG declined to comment.",
    );
    left_out(&d, &venturebeat, "Follow VentureBeat on Facebook");
    left_out(
        &d,
        &venturebeat,
        "Clumio raises $135 million for cloud data backup and recovery tools",
    );
}

#[test]
fn uncompressed_html_reads_like_the_gzip_copy() {
    let Some(dir) = bench_dir() else { return };
    let page = pages(&dir, &[NBC]).remove(0);
    let tmp = tempfile::tempdir().unwrap();
    let mut texts = Vec::new();
    for name in [
        "hitler-house.html",
        "hitler-house.HTM",
        "hitler-house.xhtml",
    ] {
        let path = tmp.path().join(name);
        std::fs::write(&path, &page.html).unwrap();
        let (docs, rejections) = split(read_file(&path));
        assert!(rejections.is_empty(), "{name}: {rejections:?}");
        assert_eq!(docs[0].id, "hitler-house");
        texts.push(docs[0].text.clone());
    }
    let from_gzip = split(read_file(&page.path)).0.remove(0);
    assert!(texts.iter().all(|t| *t == from_gzip.text));
}

#[test]
fn a_saved_complete_page_reads_as_one_article_without_its_assets_folder() {
    let Some(dir) = bench_dir() else { return };
    let page = pages(&dir, &[NBC]).remove(0);
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("hitler-house.html"), &page.html).unwrap();
    // What a browser's "save page, complete" writes beside the page: images, scripts and
    // frames, none of them an article.
    let assets = tmp.path().join("hitler-house_files");
    std::fs::create_dir(&assets).unwrap();
    std::fs::write(
        assets.join("ad-frame.htm"),
        "<html><body><a href=x>Ad</a></body></html>",
    )
    .unwrap();
    std::fs::write(assets.join("logo.png"), [0x89, b'P', b'N', b'G']).unwrap();
    // A folder that merely ends in `_files` with no page beside it is read as usual.
    let notes = tmp.path().join("reporter_files");
    std::fs::create_dir(&notes).unwrap();
    std::fs::write(
        notes.join("note.txt"),
        "The mayor said on Monday that the bridge would reopen next spring after repairs.",
    )
    .unwrap();
    let (docs, rejections) = split(dossier_ingest::read_paths(&[tmp.path().to_path_buf()]));
    assert!(rejections.is_empty(), "{rejections:?}");
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["hitler-house", "note"]);
}

#[test]
fn a_page_in_a_legacy_charset_reads_without_error() {
    // A page saved from a Windows-1252 site: not UTF-8, declared only in its <meta>.
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("cafe.html");
    let mut page = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 owners protest</title></head><body><article><h1>Caf\xe9 owners protest</h1>".to_vec();
    for _ in 0..3 {
        page.extend_from_slice(b"<p>Caf\xe9 owners in Grozny said the new rules, announced on Tuesday, would force them to close \x93within weeks\x94 and that nobody had asked them.</p>");
    }
    page.extend_from_slice(b"</article></body></html>");
    std::fs::write(&path, page).unwrap();
    let (docs, rejections) = split(read_file(&path));
    assert!(rejections.is_empty(), "{rejections:?}");
    assert!(docs[0]
        .body_text()
        .contains("Café owners in Grozny said the new rules, announced on Tuesday, would force them to close “within weeks”"));
}

#[test]
fn pages_without_an_article_or_too_large_are_rejected() {
    let tmp = tempfile::tempdir().unwrap();
    let links = tmp.path().join("index.html");
    std::fs::write(
        &links,
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></body></html>",
    )
    .unwrap();
    let empty = tmp.path().join("empty.html");
    std::fs::write(&empty, "").unwrap();
    let blank = tmp.path().join("blank.htm");
    std::fs::write(&blank, " \n\t\n").unwrap();
    let huge = tmp.path().join("huge.html");
    let mut f = std::fs::File::create(&huge).unwrap();
    f.write_all(b"<html><body><p>").unwrap();
    let para = "The minister said the budget would grow. ".repeat(1000);
    for _ in 0..270 {
        f.write_all(para.as_bytes()).unwrap();
    }
    drop(f);
    // A small gzip file that inflates past the limit: never held whole.
    let bomb = tmp.path().join("bomb.html.gz");
    let mut enc = GzEncoder::new(std::fs::File::create(&bomb).unwrap(), Compression::best());
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..11 {
        enc.write_all(&spaces).unwrap();
    }
    enc.finish().unwrap();

    let reason = |path: &Path| {
        let (docs, mut rejections) = split(read_file(path));
        assert!(docs.is_empty());
        assert_eq!(rejections.len(), 1);
        let r = rejections.remove(0);
        assert_eq!(r.path, path.display().to_string());
        assert_eq!(r.record, None);
        r.reason
    };
    let why = reason(&links);
    assert!(why.starts_with("no article found on the page ("), "{why}");
    assert_eq!(reason(&empty), "empty file");
    assert_eq!(reason(&blank), "empty page");
    let why = reason(&huge);
    assert!(
        why.starts_with("page is 11.1 MB; a web page may be at most 10 MB"),
        "{why}"
    );
    let why = reason(&bomb);
    assert!(why.contains("more than 10 MB once decompressed"), "{why}");
}

// ---------------------------------------------------------------------------------------
// WARC archives written here, with real pages as payloads.

/// One WARC/1.0 record.
fn record(n: usize, kind: &str, uri: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012}>\r\nWARC-Date: 2019-11-21T08:00:00Z\r\n"
    );
    if let Some(uri) = uri {
        out.push_str(&format!("WARC-Target-URI: {uri}\r\n"));
    }
    out.push_str(&format!(
        "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    ));
    let mut out = out.into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP response as archived: status line, headers, body.
fn http(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n");
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}

fn chunked(body: &[u8], size: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in body.chunks(size) {
        out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

fn request(n: usize, url: &str) -> Vec<u8> {
    let host = url.split('/').nth(2).unwrap();
    let path = &url[url.find(host).unwrap() + host.len()..];
    let block = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: test\r\n\r\n");
    record(
        n,
        "request",
        Some(url),
        "application/http; msgtype=request",
        block.as_bytes(),
    )
}

const RESPONSE: &str = "application/http; msgtype=response";

/// The archive's records: warcinfo, requests, HTML responses (plain; chunked and gzipped;
/// Windows-1252), an image, a 404 page, metadata, a page of links, a revisit, a redirect,
/// a resource record, and a last HTML response.
fn archive_records(p: &[Page]) -> Vec<Vec<u8>> {
    let [nbc, latimes, venturebeat, techcrunch, entermedia] = p else {
        panic!("five pages")
    };
    let html = |charset: &str| format!("text/html; charset={charset}");
    let (latin, _, _) =
        encoding_rs::WINDOWS_1252.encode(std::str::from_utf8(&latimes.html).unwrap());
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89";
    let links = b"<html><head><title>World news</title></head><body><ul><li><a href=\"/a\">Budget</a></li><li><a href=\"/b\">Weather</a></li></ul></body></html>";
    vec![
        record(
            1,
            "warcinfo",
            None,
            "application/warc-fields",
            b"software: dossier tests\r\nformat: WARC File Format 1.0\r\n",
        ),
        request(2, &nbc.url),
        record(
            3,
            "response",
            Some(&nbc.url),
            RESPONSE,
            &http(
                "200 OK",
                &[
                    ("Content-Type", &html("utf-8")),
                    ("Content-Length", &nbc.html.len().to_string()),
                ],
                &nbc.html,
            ),
        ),
        request(4, &venturebeat.url),
        record(
            5,
            "response",
            Some(&venturebeat.url),
            RESPONSE,
            &http(
                "200 OK",
                &[
                    ("Content-Type", "text/html; charset=UTF-8"),
                    ("Content-Encoding", "gzip"),
                    ("Transfer-Encoding", "chunked"),
                ],
                &chunked(&gzip(&venturebeat.html), 4000),
            ),
        ),
        record(
            6,
            "response",
            Some(&latimes.url),
            RESPONSE,
            &http(
                "200 OK",
                &[
                    ("content-type", &html("windows-1252")),
                    ("Content-Length", &latin.len().to_string()),
                ],
                &latin,
            ),
        ),
        record(
            7,
            "response",
            Some("https://www.latimes.com/logo.png"),
            RESPONSE,
            &http("200 OK", &[("Content-Type", "image/png")], png),
        ),
        record(
            8,
            "response",
            Some("https://techcrunch.com/gone"),
            RESPONSE,
            &http(
                "404 Not Found",
                &[("Content-Type", "text/html")],
                &techcrunch.html,
            ),
        ),
        record(
            9,
            "metadata",
            Some(&nbc.url),
            "application/warc-fields",
            b"outlink: https://www.nbcnews.com/world\r\n",
        ),
        record(
            10,
            "response",
            Some("https://example.org/world"),
            RESPONSE,
            &http("200 OK", &[("Content-Type", "text/html")], links),
        ),
        record(
            11,
            "revisit",
            Some(&nbc.url),
            RESPONSE,
            &http("200 OK", &[("Content-Type", "text/html")], b""),
        ),
        record(
            12,
            "response",
            Some("http://nbcnews.com/x"),
            RESPONSE,
            &http(
                "301 Moved Permanently",
                &[("Location", &nbc.url), ("Content-Type", "text/html")],
                b"<a href=\"x\">moved</a>",
            ),
        ),
        record(
            13,
            "resource",
            Some(&entermedia.url),
            "text/html",
            &entermedia.html,
        ),
        record(
            14,
            "response",
            Some(&techcrunch.url),
            RESPONSE,
            &http(
                "200 OK",
                &[("Content-Type", "text/html; charset=UTF-8")],
                &techcrunch.html,
            ),
        ),
    ]
}

/// The documents and rejections expected of a whole archive written from `archive_records`.
fn check_archive(path: &Path, p: &[Page], docs: &[Document], rejections: &[Rejection]) {
    let [nbc, latimes, venturebeat, techcrunch, entermedia] = p else {
        panic!("five pages")
    };
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        ["crawl.3", "crawl.5", "crawl.6", "crawl.13", "crawl.14"]
    );
    let records: Vec<Option<usize>> = docs.iter().map(|d| d.origin.record).collect();
    assert_eq!(records, [Some(3), Some(5), Some(6), Some(13), Some(14)]);
    for (doc, page) in docs
        .iter()
        .zip([nbc, venturebeat, latimes, entermedia, techcrunch])
    {
        assert_eq!(doc.url.as_deref(), Some(page.url.as_str()), "{}", doc.id);
        assert_eq!(doc.origin.path, path.display().to_string());
        assert_spans_valid(doc);
        assert!(
            recall(doc, &page.truth) >= 0.8,
            "{}: {:?}",
            doc.id,
            doc.body_text()
        );
    }
    // Chunked and gzipped: the page as sent.
    has_sentence(
        &docs[1],
        venturebeat,
        "A spokesperson for the NYAG declined to comment.",
    );
    // Windows-1252 per the HTTP header, although the page's own <meta> says UTF-8.
    has_sentence(
        &docs[2],
        latimes,
        "Getting Disney+ right will be a key test of Mayer’s mettle.",
    );
    assert!(!docs[2].text.contains('\u{fffd}'));
    // A page with no canonical URL takes WARC-Target-URI, and its host as the source.
    assert_eq!(docs[3].language, "ko");
    assert_eq!(docs[3].source.as_deref(), Some("entermedia.co.kr"));
    has_sentence(
        &docs[4],
        techcrunch,
        "WeWork is headquartered in New York City.",
    );
    // WARC-Date is when the page was fetched, not published.
    assert!(docs
        .iter()
        .all(|d| d.published != chrono::NaiveDate::from_ymd_opt(2019, 11, 21)));

    assert_eq!(rejections.len(), 1, "{rejections:?}");
    assert_eq!(rejections[0].path, path.display().to_string());
    assert_eq!(rejections[0].record, Some(10));
    assert!(
        rejections[0]
            .reason
            .starts_with("no article found on the page"),
        "{}",
        rejections[0]
    );
}

#[test]
fn warc_archives_give_their_html_pages() {
    let Some(dir) = bench_dir() else { return };
    let p = pages(&dir, &[NBC, LATIMES, VENTUREBEAT, TECHCRUNCH, ENTERMEDIA]);
    let records = archive_records(&p);
    let plain: Vec<u8> = records.concat();
    let per_record: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let tmp = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("crawl.warc", plain.clone()),
        ("crawl.warc.gz", per_record),
        ("crawl.WARC.GZ", gzip(&plain)),
    ] {
        let path = tmp.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (docs, rejections) = split(read_file(&path));
        check_archive(&path, &p, &docs, &rejections);
    }
}

#[test]
fn a_truncated_warc_gives_its_complete_records_then_one_rejection() {
    let Some(dir) = bench_dir() else { return };
    let p = pages(&dir, &[NBC, LATIMES, VENTUREBEAT, TECHCRUNCH, ENTERMEDIA]);
    let records = archive_records(&p);
    let before_last: usize = records[..13].iter().map(Vec::len).sum();
    let plain = records.concat();
    let gz_members: Vec<Vec<u8>> = records.iter().map(|r| gzip(r)).collect();
    let gz_before_last: usize = gz_members[..13].iter().map(Vec::len).sum();
    let per_record = gz_members.concat();
    let tmp = tempfile::tempdir().unwrap();
    let cases = [
        (
            "body.warc",
            plain[..before_last + records[13].len() / 2].to_vec(),
            "ends inside the record (",
        ),
        (
            "header.warc",
            plain[..before_last + 40].to_vec(),
            "ends inside the record header",
        ),
        (
            "member.warc.gz",
            per_record[..gz_before_last + gz_members[13].len() / 2].to_vec(),
            "",
        ),
    ];
    for (name, bytes, detail) in cases {
        let path = tmp.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (docs, rejections) = split(read_file(&path));
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        let stem = name.split('.').next().unwrap();
        let expected: Vec<String> = [3, 5, 6, 13]
            .iter()
            .map(|n| format!("{stem}.{n}"))
            .collect();
        assert_eq!(ids, expected, "{name}");
        assert_eq!(rejections.len(), 2, "{name}: {rejections:?}");
        assert_eq!(rejections[0].record, Some(10));
        let cut = &rejections[1];
        eprintln!("{cut}");
        assert_eq!(cut.path, path.display().to_string());
        assert_eq!(cut.record, Some(14), "{name}: {cut}");
        assert!(
            cut.reason.starts_with("archive truncated or corrupt: "),
            "{cut}"
        );
        assert!(cut.reason.contains(detail), "{name}: {cut}");
    }

    // A corrupt gzip member: the records before it, then one rejection for it.
    let mut corrupt = gz_members.clone();
    let member = &mut corrupt[12];
    let mid = member.len() / 2;
    for b in &mut member[mid..mid + 64] {
        *b ^= 0x5a;
    }
    let path = tmp.path().join("corrupt.warc.gz");
    std::fs::write(&path, corrupt.concat()).unwrap();
    let (docs, rejections) = split(read_file(&path));
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["corrupt.3", "corrupt.5", "corrupt.6"]);
    assert_eq!(rejections.len(), 2, "{rejections:?}");
    eprintln!("{}", rejections[1]);
    assert_eq!(rejections[1].record, Some(13), "{}", rejections[1]);
    assert!(
        rejections[1]
            .reason
            .starts_with("archive truncated or corrupt: "),
        "{}",
        rejections[1]
    );
}

#[test]
fn empty_and_garbage_warcs_are_rejected_clearly() {
    let tmp = tempfile::tempdir().unwrap();
    let cases: [(&str, Vec<u8>, &str); 7] = [
        ("empty.warc", Vec::new(), "empty file"),
        ("empty.warc.gz", gzip(b""), "WARC archive holds no records"),
        (
            "blank.warc",
            b"\r\n\r\n\n".to_vec(),
            "WARC archive holds no records",
        ),
        (
            "page.warc",
            b"<html><body>not an archive</body></html>".to_vec(),
            "not a WARC archive",
        ),
        (
            "noise.warc",
            (0..200_000u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
            "not a WARC archive",
        ),
        // Named .gz but not compressed: read for what it is.
        (
            "noise.warc.gz",
            b"\x00\x01garbage that is not gzip".to_vec(),
            "not a WARC archive",
        ),
        (
            "broken.warc.gz",
            b"\x1f\x8b\x08\x00garbage after the gzip magic bytes".to_vec(),
            "gzip stream is corrupt or truncated",
        ),
    ];
    for (name, bytes, reason) in cases {
        let path = tmp.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (docs, rejections) = split(read_file(&path));
        assert!(docs.is_empty(), "{name}");
        assert_eq!(rejections.len(), 1, "{name}: {rejections:?}");
        assert_eq!(rejections[0].path, path.display().to_string());
        assert_eq!(rejections[0].record, None, "{name}");
        assert!(
            rejections[0].reason.starts_with(reason),
            "{name}: {}",
            rejections[0]
        );
    }

    // Records that make no sense after a good start: the archive breaks off there.
    let info = record(
        1,
        "warcinfo",
        None,
        "application/warc-fields",
        b"software: x\r\n",
    );
    let odd = [
        (
            b"WARC/1.0\r\nWARC-Type: resource\r\n\r\nabc".to_vec(),
            2,
            "no valid Content-Length",
        ),
        // Not a record where one should start: the one before is to blame (its length).
        (
            b"GET / HTTP/1.1\r\n\r\n".to_vec(),
            1,
            "the record is followed by \"GET / HTTP/1.1\", not by another record",
        ),
        (
            format!("WARC/1.0\r\nX: {}\r\n", "a".repeat(70_000)).into_bytes(),
            2,
            "record header longer than 64 KB",
        ),
    ];
    for (i, (second, number, reason)) in odd.into_iter().enumerate() {
        let path = tmp.path().join(format!("odd{i}.warc"));
        std::fs::write(&path, [info.clone(), second].concat()).unwrap();
        let (docs, rejections) = split(read_file(&path));
        assert!(docs.is_empty());
        assert_eq!(rejections.len(), 1, "{rejections:?}");
        assert_eq!(rejections[0].record, Some(number));
        assert!(rejections[0].reason.contains(reason), "{}", rejections[0]);
    }
}
