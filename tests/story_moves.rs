//! A report that joined the wrong story early is moved once its own story grows, across two
//! `dossier ingest` runs: the store re-assigns it, records the move, and `dossier stories`
//! and `dossier brief` show it in its own story. Real reports: ECB+ topic 5 (the 76ers firing
//! Maurice Cheeks in 2008; firing Jim O'Brien and hiring Cheeks in 2005). Self-skipping when
//! the corpus is missing.

mod common;

use std::path::{Path, PathBuf};

use common::dossier;

/// The ECB+ article as text: its tokens joined with spaces, one sentence a line (sentence
/// 0 of an `ecbplus` file is the address it was found at, left out), as the story
/// evaluations read it. ECB+ files have one `<token>` element a line.
fn ecbplus_text(path: &Path) -> String {
    let xml = std::fs::read_to_string(path).expect("readable ECB+ file");
    let skip_first = path.to_string_lossy().ends_with("ecbplus.xml");
    let mut sentences: std::collections::BTreeMap<u32, Vec<String>> = Default::default();
    for line in xml
        .lines()
        .filter(|l| l.trim_start().starts_with("<token "))
    {
        let sentence: u32 = line
            .split("sentence=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|n| n.parse().ok())
            .expect("token with a sentence number");
        let token = line
            .split_once('>')
            .and_then(|(_, rest)| rest.rsplit_once("</token>"))
            .map(|(t, _)| t)
            .expect("one token a line")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
        let address = skip_first && sentence == 0;
        if !address && !token.trim().is_empty() {
            sentences.entry(sentence).or_default().push(token);
        }
    }
    sentences
        .values()
        .map(|t| t.join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A JSONL file of the given ECB+ topic 5 articles (id = file name, no date or title).
fn jsonl(dir: &Path, name: &str, files: &[&str]) -> PathBuf {
    let topic = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ecbplus/ECB+/5");
    let lines: Vec<String> = files
        .iter()
        .map(|f| serde_json::json!({"id": f, "text": ecbplus_text(&topic.join(f))}).to_string())
        .collect();
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n") + "\n").expect("write input");
    path
}

fn run(db: &Path, args: &[&str]) -> String {
    let out = dossier(db, args);
    assert!(
        out.status.success(),
        "dossier {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// `(id, docs)` of each row `dossier stories` prints.
fn story_sizes(listing: &str) -> Vec<(i64, usize)> {
    listing
        .lines()
        .skip(1)
        .map(|l| {
            let mut cols = l.split_whitespace();
            let id = cols.next().and_then(|c| c.parse().ok()).expect("story id");
            let size = cols.next().and_then(|c| c.parse().ok()).expect("size");
            (id, size)
        })
        .collect()
}

/// The document ids of a story's brief.
fn brief_documents(db: &Path, story: i64) -> Vec<String> {
    let json: serde_json::Value =
        serde_json::from_str(&run(db, &["brief", &story.to_string(), "--format", "json"]))
            .expect("JSON brief");
    let mut ids: Vec<String> = json["story"]["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["id"].as_str().expect("id").to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn a_report_moved_to_its_own_story_is_listed_there() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ecbplus/ECB+/5");
    if !corpus.exists() {
        eprintln!("{} missing; skipping", corpus.display());
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("d.sqlite");
    // First run: the 2005 hiring report arrives while the 2005 story has one report and
    // joins the story of the 2008 firing.
    let first = jsonl(
        dir.path(),
        "first.jsonl",
        &[
            "5_12ecb.xml",
            "5_7ecbplus.xml",
            "5_10ecbplus.xml",
            "5_1ecb.xml",
            "5_5ecb.xml",
        ],
    );
    let out = dossier(&db, &["ingest", first.to_str().expect("path")]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("2 new stories, 0 merges, 0 moves"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(story_sizes(&run(&db, &["stories"])), [(1, 4), (2, 1)]);
    assert!(brief_documents(&db, 1).contains(&"5_10ecbplus.xml".to_string()));

    // Second run (a new process, the clusterer rebuilt from the store): a second 2005
    // report joins story 2 and the hiring report moves there; story 1 keeps its id.
    let second = jsonl(dir.path(), "second.jsonl", &["5_5ecbplus.xml"]);
    let out = dossier(&db, &["ingest", second.to_str().expect("path")]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("0 new stories, 0 merges, 1 moves"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(story_sizes(&run(&db, &["stories"])), [(1, 3), (2, 3)]);
    assert_eq!(
        brief_documents(&db, 2),
        ["5_10ecbplus.xml", "5_5ecbplus.xml", "5_7ecbplus.xml"]
    );
    assert_eq!(
        brief_documents(&db, 1),
        ["5_12ecb.xml", "5_1ecb.xml", "5_5ecb.xml"]
    );
    // Ingesting the same files again changes nothing.
    let out = dossier(
        &db,
        &[
            "ingest",
            first.to_str().expect("path"),
            second.to_str().expect("path"),
        ],
    );
    assert!(out.status.success());
    assert_eq!(story_sizes(&run(&db, &["stories"])), [(1, 3), (2, 3)]);

    // All six in one run (one batch): the same stories, the move saved with the batch.
    let one_run = dir.path().join("one-run.sqlite");
    let out = dossier(
        &one_run,
        &[
            "ingest",
            first.to_str().expect("path"),
            second.to_str().expect("path"),
        ],
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("2 new stories, 0 merges, 1 moves"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(story_sizes(&run(&one_run, &["stories"])), [(1, 3), (2, 3)]);
    assert_eq!(brief_documents(&one_run, 2), brief_documents(&db, 2));
}
