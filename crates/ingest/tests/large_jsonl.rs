//! A 50 MB JSON Lines file is read whole, one line at a time. Alone in its test binary so
//! the peak memory it measures is its own.

use std::io::Write;

/// Peak resident memory of this process so far, in bytes (Linux only).
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

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
    if let (Some(before), Some(after)) = (before, peak_rss()) {
        let grown = after.saturating_sub(before);
        eprintln!("peak memory grew by {:.1} MB", grown as f64 / 1e6);
        assert!(
            grown < 20 * 1024 * 1024,
            "peak memory grew by {} MB reading a 50 MB file",
            grown >> 20
        );
    }
}
