//! Ingest on real reports and on bad input.

mod common;
use common::{gzip, split};

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier_core::DateSource;
use dossier_ingest::{read_file, read_paths};

fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/chechnya-2017")
}

fn example(name: &str) -> String {
    std::fs::read_to_string(example_dir().join(name)).expect("example file")
}

#[test]
fn example_folder_reads_cleanly_in_name_order() {
    let (docs, rejections) = split(read_paths(&[example_dir()]));
    assert!(rejections.is_empty(), "{rejections:?}");
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "000_1a05422594124589",
            "001_71ba82b1841a5656",
            "002_84b194294de1288f",
            "003_2aa45406087482ee",
            "004_4c062ced2582c6fc"
        ]
    );
    for d in &docs {
        assert_eq!(d.language, "en");
        assert_eq!(d.source, None);
        assert_eq!(d.url, None);
        assert_eq!(d.origin.record, None);
        assert!(d.origin.path.ends_with(&format!("{}.txt", d.id)));
        // The text is the file exactly; the body is a slice of it.
        assert_eq!(d.text, example(&format!("{}.txt", d.id)));
        assert!(d.body.end <= d.text.len() && !d.body.is_empty());
    }
}

#[test]
fn date_line_of_001_sets_the_date_and_starts_the_body_after_it() {
    let d = split(read_file(&example_dir().join("001_71ba82b1841a5656.txt")))
        .0
        .remove(0);
    assert_eq!(d.published, NaiveDate::from_ymd_opt(2017, 4, 15));
    assert_eq!(d.date_source, DateSource::DateLine);
    assert!(
        d.body_text().starts_with("There is no reliable evidence"),
        "{:?}",
        &d.body_text()[..40]
    );
    assert!(d.text.starts_with(" date 2017-04-15 There"));
    assert_eq!(&d.text[d.body.start..d.body.start + 8], "There is");
    // Not a title: the first line is a long sentence.
    assert_eq!(d.title, None);
}

#[test]
fn title_of_003_stays_in_the_body() {
    let d = split(read_file(&example_dir().join("003_2aa45406087482ee.txt")))
        .0
        .remove(0);
    let title = "Reports of Chechnya gay purge are false and meant to smear Russia, says official";
    assert_eq!(d.title.as_deref(), Some(title));
    assert!(d.body_text().starts_with(title));
    assert_eq!(d.published, None);
}

#[test]
fn undated_000_has_no_date_and_no_title() {
    let d = split(read_file(&example_dir().join("000_1a05422594124589.txt")))
        .0
        .remove(0);
    assert_eq!(d.published, None);
    assert_eq!(d.date_source, DateSource::Unknown);
    assert_eq!(d.title, None);
    assert!(d
        .body_text()
        .starts_with("Svetlana Zakharova, from the Russian LGBT Network"));
    let d = split(read_file(&example_dir().join("004_4c062ced2582c6fc.txt")))
        .0
        .remove(0);
    assert_eq!(
        d.title.as_deref(),
        Some("U.S. denies visas to gay Russians fleeing torture and murder in Chechnya")
    );
}

#[test]
fn broken_jsonl_line_is_rejected_and_the_good_ones_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl");
    let mut f = std::fs::File::create(&path).unwrap();
    let peskov = example("001_71ba82b1841a5656.txt");
    let zakharova = example("000_1a05422594124589.txt");
    writeln!(f, "{}", serde_json::json!({"id": "good-1", "source": "Outlet A", "published": "2017-04-15T10:00:00Z", "text": peskov, "section": "world"})).unwrap();
    writeln!(f, "{{\"id\": \"broken\", \"text\": \"unterminated").unwrap();
    writeln!(f).unwrap();
    writeln!(
        f,
        "{}",
        serde_json::json!({"outlet": "Outlet B", "body": zakharova})
    )
    .unwrap();
    drop(f);

    let (docs, rejections) = split(read_paths(std::slice::from_ref(&path)));
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].id, "good-1");
    assert_eq!(docs[0].source.as_deref(), Some("Outlet A"));
    assert_eq!(docs[0].published, NaiveDate::from_ymd_opt(2017, 4, 15));
    assert_eq!(docs[0].date_source, DateSource::Metadata);
    assert_eq!(docs[0].text, peskov);
    assert_eq!(docs[0].body_text(), peskov);
    assert_eq!(
        docs[0].extra.get("section"),
        Some(&serde_json::json!("world"))
    );
    assert_eq!(docs[0].origin.record, Some(1));
    // Blank line 3 is skipped; the id falls back to stem-line.
    assert_eq!(docs[1].id, "feed-4");
    assert_eq!(docs[1].source.as_deref(), Some("Outlet B"));
    assert_eq!(docs[1].origin.record, Some(4));

    assert_eq!(rejections.len(), 1);
    let r = &rejections[0];
    assert_eq!(r.record, Some(2));
    assert_eq!(r.path, path.display().to_string());
    assert!(
        r.reason
            .starts_with("invalid JSON: EOF while parsing a string"),
        "{}",
        r.reason
    );
    assert_eq!(r.to_string(), format!("{}:2: {}", path.display(), r.reason));
}

#[test]
fn jsonl_line_with_invalid_utf8_is_rejected_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.ndjson");
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"{\"id\": \"a\", \"text\": \"Peskov denied the reports.\"}\n");
    bytes.extend_from_slice(b"{\"id\": \"b\", \"text\": \"Caf\xe9 owners said nothing.\"}\n");
    bytes.extend_from_slice(
        b"{\"id\": \"c\", \"text\": \"Kadyrov\xe2\x80\x99s spokesman spoke.\"}\n",
    );
    std::fs::write(&path, &bytes).unwrap();

    let (docs, rejections) = split(read_file(&path));
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(docs[1].text, "Kadyrov’s spokesman spoke.");
    assert_eq!(rejections.len(), 1);
    assert_eq!(rejections[0].record, Some(2));
    // Line 1 is 50 bytes (with its newline); the bad byte is 24 bytes into line 2.
    assert_eq!(rejections[0].reason, "invalid UTF-8 at byte 74");
}

#[test]
fn empty_and_invalid_plain_files_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a_empty.txt"), b"").unwrap();
    std::fs::write(dir.path().join("b_blank.md"), b"  \n\t\n").unwrap();
    std::fs::write(
        dir.path().join("c_latin1.txt"),
        b"Caf\xe9 owners in Grozny said nothing.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("d_header_only.txt"), b"date 2017-04-15\n").unwrap();
    std::fs::write(
        dir.path().join("e_good.txt"),
        b"Peskov denied the reports.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("f_empty.jsonl"), b"\n\n").unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), b"Hidden report.\n").unwrap();
    std::fs::write(dir.path().join("photo.jpg"), b"\xff\xd8\xff").unwrap();

    let (docs, rejections) = split(read_paths(&[dir.path().to_path_buf()]));
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "e_good");
    let reasons: Vec<(String, &str)> = rejections
        .iter()
        .map(|r| {
            let name = Path::new(&r.path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, r.reason.as_str())
        })
        .collect();
    assert_eq!(
        reasons,
        [
            ("a_empty.txt".to_string(), "empty file"),
            ("b_blank.md".to_string(), "empty file"),
            ("c_latin1.txt".to_string(), "invalid UTF-8 at byte 3"),
            (
                "d_header_only.txt".to_string(),
                "no article text after the header"
            ),
            ("f_empty.jsonl".to_string(), "empty file"),
        ]
    );
}

#[test]
fn missing_paths_and_explicit_unknown_extensions() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.log");
    std::fs::write(&notes, "Peskov denied the reports.\n").unwrap();
    let missing = dir.path().join("nope.txt");
    let (docs, rejections) = split(read_paths(&[missing.clone(), notes]));
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "notes");
    assert_eq!(rejections.len(), 1);
    assert_eq!(
        rejections[0].to_string(),
        format!("{}: no such file or directory", missing.display())
    );
}

#[test]
fn folders_are_walked_recursively_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("b/inner")).unwrap();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join("c.txt"), "Report C.").unwrap();
    std::fs::write(dir.path().join("a.md"), "Report A.").unwrap();
    std::fs::write(dir.path().join("b/inner/z.txt"), "Report Z.").unwrap();
    std::fs::write(dir.path().join("b/y.txt"), "Report Y.").unwrap();
    std::fs::write(dir.path().join(".git/config.txt"), "not a report").unwrap();
    let ids: Vec<String> = read_paths(&[dir.path().to_path_buf()])
        .map(|r| r.unwrap().id)
        .collect();
    assert_eq!(ids, ["a", "z", "y", "c"]);
}

#[test]
fn huge_plain_file_is_rejected_and_its_neighbours_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        example("001_71ba82b1841a5656.txt"),
    )
    .unwrap();
    let mut f =
        std::io::BufWriter::new(std::fs::File::create(dir.path().join("huge.txt")).unwrap());
    let sentence = "Officials said the figures were wrong. ";
    for _ in 0..(50 * 1024 * 1024 / sentence.len() + 1) {
        f.write_all(sentence.as_bytes()).unwrap();
    }
    drop(f);
    std::fs::write(
        dir.path().join("z.txt"),
        example("003_2aa45406087482ee.txt"),
    )
    .unwrap();

    let (docs, rejections) = split(read_paths(&[dir.path().to_path_buf()]));
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "z"]);
    assert_eq!(rejections.len(), 1);
    assert!(rejections[0].path.ends_with("huge.txt"));
    assert_eq!(
        rejections[0].reason,
        "file is 52.4 MB; one article may be at most 10 MB"
    );
}

#[test]
fn multi_news_raw_lines() {
    let dir = tempfile::tempdir().unwrap();
    let line1 = "Dan Brown has topped Oxfam's list. NEWLINE_CHAR NEWLINE_CHAR It is his fourth year. ||||| Another report on the charts. |||||  ";
    let line2 = "A second story. ||||| ||||| Its third part.";
    let src = dir.path().join("test.src");
    std::fs::write(&src, format!("{line1}\n{line2}\n")).unwrap();
    // The same in a .txt file: detected by the separator on the first line.
    let txt = dir.path().join("clusters.txt");
    std::fs::write(&txt, format!("{line1}\n{line2}\n")).unwrap();

    for (path, stem) in [(&src, "test"), (&txt, "clusters")] {
        let (docs, rejections) = split(read_file(path));
        assert!(rejections.is_empty(), "{rejections:?}");
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                format!("{stem}#1.0"),
                format!("{stem}#1.1"),
                format!("{stem}#2.0"),
                format!("{stem}#2.2")
            ]
        );
        assert_eq!(
            docs[0].text,
            "Dan Brown has topped Oxfam's list.\n\nIt is his fourth year."
        );
        assert_eq!(docs[0].body_text(), docs[0].text);
        assert_eq!(docs[3].text, "Its third part.");
        assert_eq!(
            docs[2].extra.get("cluster"),
            Some(&serde_json::json!(format!("{stem}#2")))
        );
        assert_eq!(docs[2].origin.record, Some(2));
    }
}

#[test]
fn gzipped_jsonl_reads_like_plain_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl.gz");
    let mut jsonl = String::new();
    for i in 0..3 {
        jsonl.push_str(
            &serde_json::json!({"id": format!("d{i}"), "text": format!("Report {i}.")}).to_string(),
        );
        jsonl.push('\n');
    }
    std::fs::write(&path, gzip(jsonl.as_bytes())).unwrap();
    let (docs, rejections) = split(read_paths(&[dir.path().to_path_buf()]));
    assert!(rejections.is_empty(), "{rejections:?}");
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["Report 0.", "Report 1.", "Report 2."]);
    assert_eq!(docs[2].origin.record, Some(3));

    // A gzipped Markdown article, too.
    let md = dir.path().join("story.md.gz");
    std::fs::write(
        &md,
        gzip(b"---\ntitle: Denial\ndate: 2017-04-15\n---\nPeskov denied it.\n"),
    )
    .unwrap();
    let d = split(read_file(&md)).0.remove(0);
    assert_eq!(d.id, "story");
    assert_eq!(d.title.as_deref(), Some("Denial"));
    assert_eq!(d.date_source, DateSource::Metadata);
    assert_eq!(d.body_text(), "Peskov denied it.");
}

#[test]
fn truncated_gzip_yields_what_came_before_and_a_rejection() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl.gz");
    let mut jsonl = String::new();
    let n = 2000;
    for i in 0..n {
        let line = serde_json::json!({"id": format!("d{i}"), "text": format!("Report {i}: officials said {} people were detained.", i * 7919 % 1000)});
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    let full = gzip(jsonl.as_bytes());
    std::fs::write(&path, &full[..full.len() / 2]).unwrap();

    let items: Vec<_> = read_file(&path).collect();
    let (docs, rejections) = split(items.clone().into_iter());
    assert!(
        !docs.is_empty() && docs.len() < n,
        "{} documents",
        docs.len()
    );
    // Documents before the break are complete and in order.
    for (i, d) in docs.iter().enumerate() {
        assert_eq!(d.id, format!("d{i}"));
    }
    assert_eq!(rejections.len(), 1);
    assert!(items.last().unwrap().is_err(), "the rejection comes last");
    assert_eq!(rejections[0].record, Some(docs.len() + 1));
    assert!(
        rejections[0]
            .reason
            .starts_with("gzip stream is corrupt or truncated"),
        "{}",
        rejections[0].reason
    );

    // Not gzip at all.
    let fake = dir.path().join("fake.jsonl.gz");
    std::fs::write(&fake, b"{\"text\": \"plain\"}\n").unwrap();
    let (docs, rejections) = split(read_file(&fake));
    assert!(docs.is_empty());
    assert_eq!(rejections.len(), 1);
    assert!(rejections[0]
        .reason
        .starts_with("gzip stream is corrupt or truncated"));
}

#[test]
fn json_array_file_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.json");
    std::fs::write(
        &path,
        "[\n  {\"id\": \"a\", \"text\": \"Report A.\"},\n  {\"title\": \"no text\"}\n]\n",
    )
    .unwrap();
    let (docs, rejections) = split(read_file(&path));
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "a");
    assert_eq!(rejections.len(), 1);
    assert_eq!(rejections[0].record, Some(2));
    // A .json file that is JSON Lines.
    std::fs::write(
        &path,
        "{\"text\": \"Report A.\"}\n{\"text\": \"Report B.\"}\n",
    )
    .unwrap();
    let (docs, rejections) = split(read_file(&path));
    assert!(rejections.is_empty());
    assert_eq!(
        docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["feed-1", "feed-2"]
    );
}

#[test]
fn multi_news_validation_sample() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/multi-news/validation.jsonl.gz");
    if !path.exists() {
        eprintln!("{} missing; skipping", path.display());
        return;
    }
    let mut clusters = std::collections::BTreeSet::new();
    let mut n = 0;
    for item in read_file(&path) {
        let doc = item.expect("validation records read cleanly");
        let Some(record) = doc.origin.record else {
            panic!("line number missing")
        };
        if record > 3 {
            break;
        }
        assert!(!doc.text.trim().is_empty());
        assert_eq!(doc.body_text(), doc.text);
        assert!(!doc.extra.contains_key("summary"));
        let cluster = doc
            .extra
            .get("cluster")
            .and_then(|c| c.as_str())
            .expect("cluster")
            .to_string();
        assert!(doc.id.starts_with(&format!("{cluster}.")));
        clusters.insert(cluster);
        n += 1;
    }
    // The first three lines: clusters 44972 (4 articles), 44973 (5), 44974 (2).
    assert_eq!(
        clusters.into_iter().collect::<Vec<_>>(),
        ["44972", "44973", "44974"]
    );
    assert_eq!(n, 11);
}
