//! Timeline events that date one happening twice point at each other. On the bundled
//! example, report 004 says both "Novaya Gazeta first reported in March" and "On April 1,
//! Russia's Novaya Gazeta daily raised the issue": the newspaper's first disclosure cannot be
//! in March and on April 1. No other pair of the example's events conflicts.

use std::path::PathBuf;

use chrono::NaiveDate;
use dossier_brief::{Brief, TimelineEvent};
use dossier_core::Document;
use dossier_pipeline::{brief_for_documents, BriefOptions};

fn example() -> Vec<Document> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/chechnya-2017");
    dossier_ingest::read_paths(&[dir])
        .map(|d| d.expect("example reads"))
        .collect()
}

/// A short report of another outlet (`Outlet {id}`): a headline, the text, a closing line.
fn report(id: &str, headline: &str, text: &str, published: Option<NaiveDate>) -> Document {
    let mut doc = Document::plain(id, &format!("{headline}\n\n{text}\n\nMore follows."));
    doc.source = Some(format!("Outlet {id}"));
    doc.published = published;
    doc
}

/// The example's report with Peskov's April 20 statement (004).
fn peskov_report(docs: &[Document]) -> Document {
    docs.iter()
        .find(|d| {
            d.text
                .contains("On April 20, Russian Presidential Spokesman Dmitry Peskov")
        })
        .expect("the Peskov sentence is in the example")
        .clone()
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
    let pairs: Vec<(&str, &str)> = brief
        .timeline_conflicts()
        .map(|(a, b)| (a.expression.as_str(), b.expression.as_str()))
        .collect();
    assert_eq!(pairs, [("March", "April 1")]);
}

/// Report 004's sentence about Peskov, copied by a second outlet with the day changed, and
/// by a third with the day kept.
#[test]
fn a_copy_with_another_calendar_date_conflicts_and_a_faithful_copy_does_not() {
    let docs = example();
    let original = peskov_report(&docs);
    let sentence = original
        .text
        .lines()
        .find(|l| l.starts_with("On April 20, Russian Presidential Spokesman"))
        .expect("one line")
        .to_string();
    let mut docs = docs.clone();
    for (id, text) in [
        ("copy-kept", sentence.clone()),
        (
            "copy-changed",
            sentence.replace("On April 20,", "On April 21,"),
        ),
    ] {
        docs.push(report(
            id,
            "Chechnya denies reports.",
            &text,
            original.published,
        ));
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

/// Report 004's sentence about Peskov, retold in other words by three more outlets: one
/// gives Peskov's statement another day, one keeps the day, and one dates another speaker's
/// statement of the same claim. Only the first contradicts report 004: two people may call
/// the allegations groundless on different days.
#[test]
fn a_rewording_that_dates_one_speakers_statement_otherwise_conflicts() {
    let docs = example();
    let original = peskov_report(&docs);
    let mut docs = docs.clone();
    for (id, text) in [
        (
            "reworded-changed",
            "Kremlin spokesman Dmitry Peskov told reporters on April 22 that the allegations \
             about the persecution of LGBT people in Chechnya were groundless.",
        ),
        (
            "reworded-kept",
            "Kremlin spokesman Dmitry Peskov told journalists on April 20 that allegations \
             about the persecution of LGBT people in Chechnya were groundless.",
        ),
        (
            "reworded-other-speaker",
            "Chechen interior minister Ruslan Alkhanov told reporters on April 23 that the \
             allegations about the persecution of LGBT people in Chechnya were groundless.",
        ),
    ] {
        docs.push(report(
            id,
            "Kremlin rejects Chechnya reports.",
            text,
            original.published,
        ));
    }
    let brief = brief_for_documents(1, "Chechnya", &docs, BriefOptions::default());
    let (twentieth, twentieth_event) = event(&brief, "April 20");
    let (changed, changed_event) = event(&brief, "April 22");
    let (_, other_speaker_event) = event(&brief, "April 23");
    assert!(
        twentieth_event
            .also_in
            .iter()
            .any(|p| p.doc == "reworded-kept"),
        "the rewording with the same day is the same event: {twentieth_event:#?}"
    );
    assert_eq!(changed_event.doc, "reworded-changed");
    assert_eq!(twentieth_event.conflicts_with, vec![changed]);
    assert_eq!(changed_event.conflicts_with, vec![twentieth]);
    assert!(
        other_speaker_event.conflicts_with.is_empty(),
        "another speaker's statement is another happening: {other_speaker_event:#?}"
    );
}

/// Two outlets retell the example's detentions in their own words with a date of the
/// detentions themselves: March 28 in one, April 2 in the other, a contradiction; a third
/// gives March 28 and is the first's event.
#[test]
fn a_rewording_that_dates_the_statement_otherwise_conflicts() {
    let mut docs = example();
    let published = docs.iter().find_map(|d| d.published);
    for (id, text) in [
        (
            "march",
            "Police in Chechnya rounded up around 100 gay men and detained them in a secret \
             prison on March 28.",
        ),
        (
            "april",
            "Around 100 gay men were rounded up by police in Chechnya and detained in a \
             secret prison on April 2.",
        ),
        (
            "march-again",
            "Chechen police rounded up around 100 gay men, who were detained in a secret \
             prison on March 28.",
        ),
    ] {
        docs.push(report(id, "Gay men detained in Chechnya.", text, published));
    }
    let brief = brief_for_documents(1, "Chechnya", &docs, BriefOptions::default());
    let (march, march_event) = event(&brief, "March 28");
    let (april, april_event) = event(&brief, "April 2");
    assert!(
        march_event.also_in.iter().any(|p| p.doc == "march-again"),
        "{march_event:#?}"
    );
    assert_eq!(march_event.conflicts_with, vec![april]);
    assert_eq!(april_event.conflicts_with, vec![march]);
}
