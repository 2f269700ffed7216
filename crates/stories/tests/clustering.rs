//! The clusterer on real reports: the example is one story; unrelated BBC articles are not
//! pulled into it; ids stay stable when more documents arrive.

use std::path::{Path, PathBuf};

use dossier_core::Document;
use dossier_stories::{features, Clusterer, DocFeatures, Params};
use dossier_text::analyze;

fn read_dir(dir: &Path) -> Vec<Document> {
    dossier_ingest::read_paths(&[dir.to_path_buf()])
        .collect::<Result<Vec<_>, _>>()
        .expect("reads cleanly")
}

fn feats(docs: &[Document]) -> Vec<DocFeatures> {
    docs.iter().map(|d| features(d, &analyze(d))).collect()
}

fn example() -> Vec<Document> {
    read_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/chechnya-2017"))
}

/// A few BBC politics and sport articles (2004-2005): other stories entirely.
fn bbc() -> Option<Vec<Document>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/bbc-news/bbc");
    if !root.exists() {
        eprintln!("{} missing; skipping the BBC part", root.display());
        return None;
    }
    let mut docs = Vec::new();
    for (topic, n) in [
        ("politics", "001"),
        ("politics", "002"),
        ("sport", "001"),
        ("tech", "001"),
        ("business", "001"),
    ] {
        let path = root.join(topic).join(format!("{n}.txt"));
        let text = std::fs::read_to_string(&path).expect("bbc file");
        docs.push(dossier_ingest::parse_plain_text(
            &format!("bbc-{topic}-{n}"),
            text,
            dossier_core::Origin {
                path: path.display().to_string(),
                record: None,
            },
        ));
    }
    Some(docs)
}

#[test]
fn the_example_reports_are_one_story() {
    let mut c = Clusterer::new(Params::default(), 1);
    let stories: Vec<i64> = feats(&example())
        .iter()
        .map(|f| c.assign(f).story)
        .collect();
    assert!(stories.iter().all(|&s| s == stories[0]), "{stories:?}");
}

#[test]
fn unrelated_articles_start_their_own_stories() {
    let Some(bbc) = bbc() else { return };
    let mut c = Clusterer::new(Params::default(), 1);
    let mut ids = Vec::new();
    // Interleave: unrelated articles arrive between the reports.
    let ex = feats(&example());
    let other = feats(&bbc);
    for i in 0..5 {
        ids.push(("example", c.assign(&ex[i]).story));
        ids.push(("bbc", c.assign(&other[i]).story));
    }
    let example_story = ids[0].1;
    for (kind, id) in &ids {
        match *kind {
            "example" => assert_eq!(*id, example_story, "{ids:?}"),
            _ => assert_ne!(*id, example_story, "{ids:?}"),
        }
    }
    let bbc_ids: std::collections::HashSet<i64> = ids
        .iter()
        .filter(|(k, _)| *k == "bbc")
        .map(|(_, i)| *i)
        .collect();
    assert_eq!(bbc_ids.len(), 5, "five different BBC stories: {ids:?}");
}

#[test]
fn story_ids_are_stable_when_state_is_restored() {
    let ex = feats(&example());
    let mut first = Clusterer::new(Params::default(), 1);
    let a = first.assign(&ex[0]).story;
    let b = first.assign(&ex[1]).story;
    // A new process rebuilds the state from stored features and keeps assigning.
    let mut second = Clusterer::new(Params::default(), 1);
    second.restore(a, &ex[0]);
    second.restore(b, &ex[1]);
    for f in &ex[2..] {
        assert_eq!(second.assign(f).story, a);
    }
    let fresh = DocFeatures {
        terms: vec![("zebra".into(), 1.0), ("aquarium".into(), 1.0)],
        copies: vec![],
        date: None,
    };
    assert_eq!(
        second.assign(&fresh).story,
        a + 1,
        "a new story gets the next id"
    );
}

fn doc(words: &[&str]) -> DocFeatures {
    DocFeatures {
        terms: words.iter().map(|w| (w.to_string(), 1.0)).collect(),
        copies: vec![],
        date: None,
    }
}

#[test]
fn a_document_bridging_two_stories_merges_them_into_the_older() {
    let mut c = Clusterer::new(Params::default(), 7);
    let first = c.assign(&doc(&["quake", "magnitud", "#lima", "rubbl"]));
    let second = c.assign(&doc(&["aftershock", "rescuer", "#callao", "tent"]));
    assert_eq!((first.story, second.story), (7, 8));
    assert!(first.created && second.created);
    assert_eq!(c.story_count(), 2);
    // A report covering both halves joins the older story and brings the younger into it.
    let bridge = c.assign(&doc(&[
        "quake",
        "magnitud",
        "#lima",
        "rubbl",
        "aftershock",
        "rescuer",
        "#callao",
        "tent",
    ]));
    assert_eq!(
        bridge,
        dossier_stories::Assignment {
            story: 7,
            created: false,
            merged: vec![8],
        }
    );
    assert_eq!(c.story_count(), 1);
    // The merged story's documents now lead to the older id.
    assert_eq!(
        c.assign(&doc(&["aftershock", "rescuer", "#callao", "tent"]))
            .story,
        7
    );
    // Unrelated text still starts a story, with the next id.
    assert_eq!(c.assign(&doc(&["budget", "parliament"])).story, 9);
}
