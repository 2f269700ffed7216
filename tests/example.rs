//! End to end on the bundled example, checking what a reader would check.

mod common;

use common::dossier;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run_example_json(db: &Path) -> Vec<Value> {
    let example = root().join("examples/chechnya-2017");
    let out = dossier(db, &["run", example.to_str().unwrap(), "--format", "json"]);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    match serde_json::from_slice(&out.stdout).expect("JSON output") {
        Value::Array(briefs) => briefs,
        other => panic!("expected an array, got {other}"),
    }
}

fn short(id: &str) -> &str {
    &id[..3]
}

#[test]
fn the_five_reports_are_one_story_and_the_brief_matches_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let briefs = run_example_json(&dir.path().join("d.sqlite"));
    assert_eq!(briefs.len(), 1, "one story expected");
    let brief = &briefs[0];
    let docs: Vec<&str> = brief["story"]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| short(d["id"].as_str().unwrap()))
        .collect();
    let mut sorted = docs.clone();
    sorted.sort();
    assert_eq!(sorted, ["000", "001", "002", "003", "004"]);

    let schema_path = root().join("docs/brief.schema.json");
    let schema_json: Value =
        serde_json::from_str(&std::fs::read_to_string(&schema_path).unwrap()).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("brief.schema.json", schema_json)
        .unwrap();
    let index = compiler.compile("brief.schema.json", &mut schemas).unwrap();
    if let Err(e) = schemas.validate(brief, index) {
        panic!("brief does not match docs/brief.schema.json: {e:#}");
    }
}

#[test]
fn the_copied_spokesperson_passage_is_one_independent_source() {
    let dir = tempfile::tempdir().unwrap();
    let brief = &run_example_json(&dir.path().join("d.sqlite"))[0];
    let copy = brief["copies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .unwrap()
                .contains("If such people existed in Chechnya")
        })
        .expect("the passage is reported as copied");
    let mut carriers: Vec<&str> = copy["docs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| short(d["doc"].as_str().unwrap()))
        .collect();
    carriers.sort();
    assert_eq!(carriers, ["000", "001", "002"]);

    let example = root().join("examples/chechnya-2017");
    for d in copy["docs"].as_array().unwrap() {
        let id = d["doc"].as_str().unwrap();
        let text = std::fs::read_to_string(example.join(format!("{id}.txt"))).unwrap();
        let (start, end) = (
            d["span"]["start"].as_u64().unwrap() as usize,
            d["span"]["end"].as_u64().unwrap() as usize,
        );
        assert!(
            text[start..end].contains("If such people existed in Chechnya"),
            "span points at the passage in {id}"
        );
    }

    let claim = brief["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["mentions"].as_array().unwrap().iter().any(|m| {
                m["text"]
                    .as_str()
                    .unwrap()
                    .contains("If such people existed in Chechnya")
            })
        })
        .expect("the passage is a claim");
    let mut claim_docs: Vec<&str> = claim["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| short(m["doc"].as_str().unwrap()))
        .collect();
    claim_docs.sort();
    claim_docs.dedup();
    assert_eq!(claim_docs, ["000", "001", "002"]);
    assert_eq!(
        claim["independent_sources"], 1,
        "three copies are one source: {claim:#}"
    );
    // Each copy's chain leads back through 000, which carried it first, to the speaker.
    for m in claim["mentions"].as_array().unwrap() {
        let chain: Vec<&str> = m["chain"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            // Documents (which name no outlet here) by their short label.
            .map(|c| if c.starts_with("00") { short(c) } else { c })
            .collect();
        let expected: Vec<&str> = match short(m["doc"].as_str().unwrap()) {
            "000" => vec!["000", "spokesperson for Ramzan Kadyrov"],
            copy => vec![copy, "000", "spokesperson for Ramzan Kadyrov"],
        };
        assert_eq!(chain, expected, "{m:#}");
    }
}

#[test]
fn peskov_is_the_speaker_of_the_no_reliable_information_quote() {
    let dir = tempfile::tempdir().unwrap();
    let brief = &run_example_json(&dir.path().join("d.sqlite"))[0];
    let quote = brief["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .unwrap()
                .starts_with("We do not have any reliable information")
        })
        .expect("the quote is found");
    assert_eq!(quote["speaker"], "Dmitry Peskov");
    assert_eq!(short(quote["doc"].as_str().unwrap()), "001");
}

#[test]
fn dates_without_years_resolve_to_2017() {
    let dir = tempfile::tempdir().unwrap();
    let brief = &run_example_json(&dir.path().join("d.sqlite"))[0];
    let timeline = brief["timeline"].as_array().unwrap();
    let on = |date: &str, needle: &str| {
        timeline
            .iter()
            .any(|e| e["date"] == date && e["text"].as_str().unwrap().contains(needle))
    };
    // 000 has no date line: its "Tuesday morning (April 11)" resolves against the story.
    assert!(on("2017-04-11", "8,700"), "{timeline:#?}");
    assert!(on("2017-04-13", "95,000"), "{timeline:#?}");
    let april11 = timeline.iter().find(|e| e["date"] == "2017-04-11").unwrap();
    assert_eq!(april11["anchor"], "story");
}

#[test]
fn ingest_is_idempotent_and_search_finds_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let example = root().join("examples/chechnya-2017");
    let first = dossier(&db, &["ingest", example.to_str().unwrap()]);
    assert!(first.status.success());
    assert!(String::from_utf8_lossy(&first.stderr).contains("5 stored, 0 already stored"));
    let stories_before = dossier(&db, &["stories"]).stdout;
    let listing = String::from_utf8_lossy(&stories_before);
    let row = listing.lines().nth(1).expect("one story row");
    // id, size, date span, top entities and a headline title.
    assert!(
        row.trim_start().starts_with("1     5  2017-04-15"),
        "{listing}"
    );
    assert!(
        row.contains("Chechnya") && row.contains("Novaya Gazeta"),
        "{listing}"
    );
    assert!(
        row.contains("Reports of Chechnya gay purge are false"),
        "{listing}"
    );
    let second = dossier(&db, &["ingest", example.to_str().unwrap()]);
    assert!(second.status.success());
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("0 stored, 5 already stored"),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert_eq!(dossier(&db, &["stories"]).stdout, stories_before);

    let hits = dossier(&db, &["search", "Peskov reliable"]);
    assert!(hits.status.success());
    let out = String::from_utf8_lossy(&hits.stdout);
    assert!(
        out.lines()
            .any(|l| l.starts_with("001_") && l.contains("reliable")),
        "{out}"
    );
    // User punctuation never breaks the query syntax.
    assert!(dossier(&db, &["search", "\"not exist\" -- OR :*"])
        .status
        .success());
}

#[test]
fn usage_errors_exit_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier(&dir.path().join("d.sqlite"), &["brief"]);
    assert_eq!(out.status.code(), Some(2));
    let out = dossier(&dir.path().join("d.sqlite"), &["no-such-command"]);
    assert_eq!(out.status.code(), Some(2));
}

/// `--summary-words` bounds the summary by words as well as sentences, and `brief` takes it
/// like `run`.
#[test]
fn a_word_budget_shortens_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let full = run_example_json(&db);
    let words = |brief: &Value| -> usize {
        brief["summary"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap().split_whitespace().count())
            .sum()
    };
    let unbounded = words(&full[0]);
    assert!(unbounded > 80, "the default summary has {unbounded} words");
    let id = full[0]["story"]["id"].to_string();
    let out = dossier(
        &db,
        &["brief", &id, "--format", "json", "--summary-words", "80"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bounded: Value = serde_json::from_slice(&out.stdout).unwrap();
    let n = words(&bounded);
    assert!((40..=80).contains(&n), "{n} words: {}", bounded["summary"]);
}

/// `dossier run … | head`: a reader that stops reading early ends Dossier quietly, with
/// status 0 and no panic, as other command-line tools do. The JSON of the example (about
/// 75 KB) is more than a pipe holds, so Dossier is still writing when the pipe closes.
#[test]
fn a_reader_closing_the_pipe_early_ends_dossier_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};

    let dir = tempfile::tempdir().unwrap();
    let example = root().join("examples/chechnya-2017");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--db")
        .arg(dir.path().join("d.sqlite"))
        .args(["run", example.to_str().unwrap(), "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dossier runs");
    let mut head = [0u8; 10];
    child
        .stdout
        .take()
        .expect("stdout piped")
        .read_exact(&mut head)
        .expect("the first bytes of the JSON");
    // The pipe's reading end is closed here, as `head` closes it.
    let out = child.wait_with_output().expect("dossier ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "status {:?}, stderr: {stderr}",
        out.status
    );
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert_eq!(head[0], b'[');
}
