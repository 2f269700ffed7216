//! Lines an outlet prints on all its pages (here phys.org's real copyright notice, on real
//! Multi-News reports of unrelated stories) are boilerplate: they do not join unrelated
//! stories, and briefs leave them out; the reports' own paragraphs stay.

use std::io::BufRead;
use std::path::PathBuf;

use dossier_core::Document;
use dossier_pipeline::{brief_for_documents, brief_for_story, ingest_documents, BriefOptions};
use dossier_store::Store;
use dossier_text::{analyze, paragraph_hashes};

/// phys.org's notice under every article (from a page of the article-extraction benchmark).
const NOTICE: &str = "This document is subject to copyright. Apart from any fair dealing for the purpose of private study or research, no part may be reproduced without the written permission. The content is provided for information purposes only.";

/// The first article of the first `n` Multi-News validation clusters (one story each).
fn reports(n: usize) -> Option<Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/multi-news/validation.jsonl.gz");
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("note: {} not found; skipping", path.display());
        return None;
    };
    let lines = std::io::BufReader::new(flate2::read::MultiGzDecoder::new(file)).lines();
    let mut out = Vec::new();
    for line in lines {
        let cluster: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let first = cluster["documents"][0].as_str().unwrap().trim().to_string();
        if first.split_whitespace().count() > 80 {
            out.push(first);
        }
        if out.len() == n {
            break;
        }
    }
    Some(out)
}

fn page(id: &str, source: Option<&str>, report: &str) -> Document {
    let mut doc = Document::plain(id, &format!("{report}\n{NOTICE}"));
    doc.source = source.map(str::to_string);
    doc
}

fn story_count(source: Option<&str>, reports: &[String]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("d.sqlite")).unwrap();
    let docs = reports
        .iter()
        .enumerate()
        .map(|(i, r)| Ok(page(&format!("r{i}"), source, r)));
    ingest_documents(&mut store, docs, &mut |_| {}).unwrap();
    store.stories().unwrap().len()
}

#[test]
fn an_outlets_notice_neither_joins_stories_nor_reaches_briefs() {
    let Some(reports) = reports(4) else { return };
    // Without a known outlet the shared notice reads as a copied passage.
    let unattributed = story_count(None, &reports);
    assert!(unattributed < 4, "{unattributed} stories");
    // From one outlet, it is that outlet's template: four reports, four stories.
    assert_eq!(story_count(Some("phys.org"), &reports), 4);

    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("d.sqlite")).unwrap();
    let docs: Vec<Document> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| page(&format!("r{i}"), Some("phys.org"), r))
        .collect();
    ingest_documents(&mut store, docs.iter().cloned().map(Ok), &mut |_| {}).unwrap();
    let last = &docs[3];
    let hashes = paragraph_hashes(last, &analyze(last));
    let boilerplate = store.outlet_boilerplate("phys.org", &hashes, 3, 2).unwrap();
    assert_eq!(boilerplate.len(), 1, "only the notice: {boilerplate:?}");
    // A summary long enough to take every sentence of the report.
    let everything = BriefOptions {
        summary_sentences: 100,
        summary_words: None,
    };
    let brief = brief_for_story(&store, 4, everything).unwrap();
    let json = serde_json::to_string(&brief).unwrap();
    assert!(!json.contains("fair dealing"));
    // The same document briefed without the store's knowledge of the outlet keeps it.
    let alone = brief_for_documents(4, "", std::slice::from_ref(last), everything);
    assert!(serde_json::to_string(&alone)
        .unwrap()
        .contains("fair dealing"));
    assert!(!brief.summary.is_empty());
    // Another outlet printing the same words has not printed them on its own pages.
    assert!(store
        .outlet_boilerplate("another.example", &hashes, 3, 2)
        .unwrap()
        .is_empty());
}

#[test]
fn updated_versions_of_one_report_keep_their_paragraphs() {
    let Some(reports) = reports(1) else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("d.sqlite")).unwrap();
    // The outlet updates its report twice: three documents, one story.
    let versions: Vec<Document> = (0..3)
        .map(|v| {
            let text = format!(
                "{}\nUpdated {} times since first published.",
                reports[0],
                v + 1
            );
            page(&format!("v{v}"), Some("phys.org"), &text)
        })
        .collect();
    ingest_documents(&mut store, versions.iter().cloned().map(Ok), &mut |_| {}).unwrap();
    assert_eq!(store.stories().unwrap().len(), 1);
    let hashes = paragraph_hashes(&versions[2], &analyze(&versions[2]));
    assert!(store
        .outlet_boilerplate("phys.org", &hashes, 3, 2)
        .unwrap()
        .is_empty());
}
