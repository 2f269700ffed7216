//! Bad input is reported (file, record, reason) and the rest still goes in.

mod common;

use common::dossier;
use std::io::Write;
use std::path::Path;

#[test]
fn broken_records_are_reported_and_good_ones_stored() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/chechnya-2017");
    let peskov = std::fs::read_to_string(example.join("001_71ba82b1841a5656.txt")).unwrap();
    let zakharova = std::fs::read_to_string(example.join("000_1a05422594124589.txt")).unwrap();

    // A JSONL file with a broken line between two good ones.
    let mut jsonl = std::fs::File::create(input.join("feed.jsonl")).unwrap();
    writeln!(jsonl, "{}", serde_json::json!({"id": "good-1", "source": "Outlet A", "published": "2017-04-15", "text": peskov})).unwrap();
    writeln!(jsonl, "{{\"id\": \"broken\", \"text\": \"unterminated").unwrap();
    writeln!(
        jsonl,
        "{}",
        serde_json::json!({"id": "good-2", "source": "Outlet B", "text": zakharova})
    )
    .unwrap();
    drop(jsonl);
    // Invalid UTF-8, an empty file, and a 50 MB file.
    std::fs::write(
        input.join("latin1.txt"),
        b"Caf\xe9 owners in Grozny said nothing.\n",
    )
    .unwrap();
    std::fs::write(input.join("empty.txt"), b"").unwrap();
    let big = "Officials said the figures were wrong. ".repeat(50 * 1024 * 1024 / 39 + 1);
    std::fs::write(input.join("huge.txt"), big).unwrap();

    let db = dir.path().join("d.sqlite");
    let out = dossier(&db, &["ingest", input.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "some inputs rejected: {stderr}");
    let line = |needle: &str| {
        stderr
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no report for {needle}: {stderr}"))
            .to_string()
    };
    assert!(line("feed.jsonl:2").contains("rejected"));
    assert!(line("latin1.txt").contains("UTF-8"));
    assert!(line("empty.txt").contains("empty"));
    assert!(line("huge.txt").contains("MB"));
    assert!(stderr.contains("2 stored"), "{stderr}");

    let hits = dossier(&db, &["search", "reliable information"]);
    assert!(String::from_utf8_lossy(&hits.stdout).contains("good-1"));
    let hits = dossier(&db, &["search", "MailOnline"]);
    assert!(String::from_utf8_lossy(&hits.stdout).contains("good-2"));
}

#[test]
fn a_large_jsonl_file_goes_in_whole() {
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
    let db = dir.path().join("d.sqlite");
    let out = dossier(&db, &["ingest", path.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!("{n} read, {n} stored")),
        "{stderr}"
    );
}
