//! A crash between storing a batch and assigning its stories loses nothing: the next ingest
//! assigns the stored documents.

use std::path::PathBuf;

use dossier_pipeline::{brief_for_story, ingest, BriefOptions};
use dossier_store::{NewDocument, Store};
use dossier_text::analyze;

#[test]
fn documents_stored_without_a_story_are_assigned_by_the_next_ingest() {
    let example = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/chechnya-2017");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    {
        // The first transaction of an ingest (documents and sentences) committed; the
        // process died before the story assignments.
        let mut store = Store::open(&db).unwrap();
        let batch: Vec<NewDocument> = dossier_ingest::read_paths(std::slice::from_ref(&example))
            .map(|d| {
                let document = d.unwrap();
                let sentences = analyze(&document)
                    .sentences
                    .iter()
                    .map(|s| s.span)
                    .collect();
                NewDocument {
                    document,
                    sentences,
                    lines: Vec::new(),
                }
            })
            .collect();
        store.insert_documents(&batch).unwrap();
        assert!(store.stories().unwrap().is_empty());
    }
    let mut store = Store::open(&db).unwrap();
    let summary = ingest(&mut store, &[example], &mut |_| {}).unwrap();
    assert_eq!(summary.inserted, 0);
    assert_eq!(summary.duplicates, 5);
    let stories = store.stories().unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].size, 5);
    let brief = brief_for_story(&store, stories[0].id, BriefOptions::default()).unwrap();
    assert_eq!(brief.story.documents.len(), 5);
}
