//! Timeline events that date one happening twice point at each other. On the bundled
//! example, report 004 says both "Novaya Gazeta first reported in March" and "On April 1,
//! Russia's Novaya Gazeta daily raised the issue": the newspaper's first disclosure cannot be
//! in March and on April 1. No other pair of the example's events conflicts.

use std::path::PathBuf;

use dossier_brief::{Brief, TimelineEvent};
use dossier_core::Document;
use dossier_pipeline::{brief_for_documents, BriefOptions};

fn example() -> Vec<Document> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/chechnya-2017");
    dossier_ingest::read_paths(&[dir])
        .map(|d| d.expect("example reads"))
        .collect()
}

fn event<'a>(brief: &'a Brief, expression: &str) -> (usize, &'a TimelineEvent) {
    brief
        .timeline
        .iter()
        .enumerate()
        .find(|(_, e)| e.expression == expression)
        .unwrap_or_else(|| panic!("no event “{expression}”: {:#?}", brief.timeline))
}

#[test]
fn first_disclosure_dated_twice_is_flagged_and_nothing_else() {
    let brief = brief_for_documents(1, "Chechnya", &example(), BriefOptions::default());
    let (march, march_event) = event(&brief, "March");
    let (april, april_event) = event(&brief, "April 1");
    assert!(march_event
        .text
        .starts_with("Novaya Gazeta first reported in March"));
    assert!(april_event
        .text
        .contains("Novaya Gazeta daily raised the issue"));
    assert_eq!(march_event.conflicts_with, vec![april]);
    assert_eq!(april_event.conflicts_with, vec![march]);
    let flagged: Vec<&str> = brief
        .timeline
        .iter()
        .filter(|e| !e.conflicts_with.is_empty())
        .map(|e| e.expression.as_str())
        .collect();
    assert_eq!(flagged, ["March", "April 1"], "{:#?}", brief.timeline);
}

/// Report 003's sentence about Peskov, copied by a second outlet with the day changed, and
/// by a third with the day kept.
#[test]
fn a_copy_with_another_calendar_date_conflicts_and_a_faithful_copy_does_not() {
    let docs = example();
    let original = docs
        .iter()
        .find(|d| {
            d.text
                .contains("On April 20, Russian Presidential Spokesman Dmitry Peskov")
        })
        .expect("the Peskov sentence is in the example");
    let sentence = original
        .text
        .lines()
        .find(|l| l.starts_with("On April 20, Russian Presidential Spokesman"))
        .expect("one line")
        .to_string();
    let mut docs = docs.clone();
    for (id, source, text) in [
        ("copy-kept", "Outlet K", sentence.clone()),
        (
            "copy-changed",
            "Outlet C",
            sentence.replace("On April 20,", "On April 21,"),
        ),
    ] {
        let mut doc = Document::plain(
            id,
            &format!("Chechnya denies reports.\n\n{text}\n\nMore follows."),
        );
        doc.source = Some(source.to_string());
        doc.published = original.published;
        docs.push(doc);
    }
    let brief = brief_for_documents(1, "Chechnya", &docs, BriefOptions::default());
    let (twentieth, twentieth_event) = event(&brief, "April 20");
    let (twenty_first, twenty_first_event) = event(&brief, "April 21");
    assert!(
        twentieth_event.also_in.iter().any(|p| p.doc == "copy-kept"),
        "the faithful copy is the same event: {twentieth_event:#?}"
    );
    assert_eq!(twentieth_event.conflicts_with, vec![twenty_first]);
    assert_eq!(twenty_first_event.conflicts_with, vec![twentieth]);
    assert_eq!(twenty_first_event.doc, "copy-changed");
}
