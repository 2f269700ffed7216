//! A large WARC archive, gzipped record by record as crawlers write them, streams through a
//! record at a time: a 30 MB video and a 12 MB page are read past, never held. Alone in its
//! test binary so the peak memory it measures is its own.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;

mod memory;

use memory::{assert_peak_grew_less_than, peak_rss};

/// Writes one record as its own gzip member: header, an HTTP response head, then `body`
/// (`repeat` times), streamed.
fn write_response(
    out: &mut impl Write,
    n: usize,
    url: &str,
    content_type: &str,
    body: &[u8],
    repeat: usize,
) {
    let head = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n");
    let length = head.len() + body.len() * repeat;
    let mut gz = GzEncoder::new(out, Compression::fast());
    write!(
        gz,
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012}>\r\nWARC-Date: 2024-03-01T12:00:00Z\r\nWARC-Target-URI: {url}\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: {length}\r\n\r\n{head}"
    )
    .unwrap();
    for _ in 0..repeat {
        gz.write_all(body).unwrap();
    }
    gz.write_all(b"\r\n\r\n").unwrap();
    gz.finish().unwrap();
}

fn article(n: usize) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Council vote {n}</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a></nav><article><h1>Council vote {n}</h1>\
         <p>The regional council voted on Tuesday to approve budget number {n}, ending a month of debate over hospital funding in three districts.</p>\
         <p>Opposition members said the plan would close two clinics and cut evening services, and promised to challenge it in court before the end of the year.</p>\
         <p>The council's finance chair said the savings were needed to pay for new school buildings and that no clinic would close before a review next spring.</p>\
         </article><footer>Copyright 2024 The Regional Courier</footer></body></html>"
    )
}

#[test]
fn a_large_per_record_gzip_warc_streams_through() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl-00000.warc.gz");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let png: Vec<u8> = (0..20_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    let pages = 1200;
    let mut n = 0;
    for i in 0..pages {
        n += 1;
        write_response(
            &mut out,
            n,
            &format!("https://courier.example/{i}"),
            "text/html; charset=utf-8",
            article(i).as_bytes(),
            1,
        );
        n += 1;
        write_response(
            &mut out,
            n,
            &format!("https://courier.example/{i}.png"),
            "image/png",
            &png,
            1,
        );
        if i == pages / 3 {
            n += 1;
            let chunk = vec![0x42u8; 1 << 20];
            write_response(
                &mut out,
                n,
                "https://courier.example/clip.mp4",
                "video/mp4",
                &chunk,
                30,
            );
        }
        if i == 2 * pages / 3 {
            n += 1;
            let para =
                "<p>The minister said the budget would grow again next year.</p>".repeat(1 << 10);
            write_response(
                &mut out,
                n,
                "https://courier.example/dump.html",
                "text/html",
                para.as_bytes(),
                200,
            );
        }
    }
    drop(out);

    let before = peak_rss();
    let mut docs = 0;
    let mut rejections = Vec::new();
    for item in dossier_ingest::read_paths(std::slice::from_ref(&path)) {
        match item {
            Ok(doc) => {
                assert!(doc
                    .body_text()
                    .contains("The regional council voted on Tuesday"));
                assert_eq!(
                    doc.id,
                    format!("crawl-00000.{}", doc.origin.record.unwrap())
                );
                docs += 1;
            }
            Err(r) => rejections.push(r),
        }
    }
    assert_eq!(docs, pages);
    assert_eq!(rejections.len(), 1, "{rejections:?}");
    let why = &rejections[0];
    assert!(why.reason.starts_with("page is 12.9 MB"), "{why}");
    assert!(
        why.reason.ends_with("a web page may be at most 10 MB"),
        "{why}"
    );
    assert_peak_grew_less_than(before, 20 * 1024 * 1024, "reading the archive");
}
