//! A 50 MB JSON Lines file is read whole, one line at a time. Alone in its test binary so
//! the peak memory it measures is its own.

use std::io::Write;

mod memory;

use memory::{assert_peak_grew_less_than, peak_rss};

#[test]
fn fifty_megabytes_of_jsonl_stream_through() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let body = "The regional parliament debated the new budget on Tuesday, and the opposition said the plan would cut hospital funding in three districts. ".repeat(350);
    let mut n = 0;
    let mut written = 0usize;
    while written < 50 * 1024 * 1024 {
        let line = serde_json::json!({"id": format!("doc-{n}"), "text": format!("Report number {n}. {body}")}).to_string();
        written += line.len() + 1;
        writeln!(f, "{line}").unwrap();
        n += 1;
    }
    drop(f);
    assert!(std::fs::metadata(&path).unwrap().len() >= 50 * 1024 * 1024);

    let before = peak_rss();
    let mut read = 0;
    let mut bytes = 0;
    for item in dossier_ingest::read_paths(std::slice::from_ref(&path)) {
        let doc = item.expect("every record reads");
        assert_eq!(doc.id, format!("doc-{read}"));
        assert_eq!(doc.origin.record, Some(read + 1));
        bytes += doc.text.len();
        read += 1;
    }
    assert_eq!(read, n);
    assert!(bytes > 49 * 1024 * 1024);
    assert_peak_grew_less_than(before, 20 * 1024 * 1024, "reading a 50 MB file");
}
