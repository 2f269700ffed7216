//! The same event told by two articles in their own words is one timeline event; two events
//! of the same day are not. Sentences from Wikinews articles of the SemEval-2015 TimeLine
//! corpus (82548, 82597 and 127226, 127227).

use chrono::NaiveDate;
use dossier_core::Document;
use dossier_pipeline::{brief_for_documents, BriefOptions};

fn article(id: &str, published: (i32, u32, u32), text: &str) -> Document {
    let mut doc = Document::plain(id, text);
    doc.published = NaiveDate::from_ymd_opt(published.0, published.1, published.2);
    doc.source = Some(format!("Outlet {id}"));
    doc
}

#[test]
fn a_retold_event_is_one_event_and_other_events_of_the_day_stay_apart() {
    let docs = [
        article(
            "82548",
            (2007, 10, 15),
            "The first A380 superjumbo, made by Airbus, was delivered today to Singapore Airlines.\n\nThe first flight will take off for a \"special charity-flight\" from Singapore and land in Sydney on October 25.",
        ),
        article(
            "82597",
            (2007, 10, 16),
            "Singapore Airlines took delivery of its first Airbus A380.\n\nThe A380 will make a special charity flight on October 25 from Singapore to Sydney and will begin regular service on the Singapore-Sydney route on October 28.\n\nQantas said on October 25 it would announce its own A380 schedule in the coming weeks.",
        ),
    ];
    let brief = brief_for_documents(1, "A380", &docs, BriefOptions::default());
    let on_25th: Vec<_> = brief
        .timeline
        .iter()
        .filter(|e| e.date == "2007-10-25")
        .collect();
    let flight = on_25th
        .iter()
        .find(|e| e.text.contains("charity"))
        .expect("the charity flight is on the timeline");
    assert_eq!(flight.doc, "82548", "the first telling stays: {flight:#?}");
    assert!(
        flight.also_in.iter().any(|p| p.doc == "82597"),
        "the retelling is listed with it: {:#?}",
        brief.timeline
    );
    assert!(
        on_25th.iter().any(|e| e.text.starts_with("Qantas said")),
        "another event of the same day stays its own: {:#?}",
        brief.timeline
    );
}

#[test]
fn a_lead_without_a_date_is_dated_by_its_report() {
    let mut undated = article(
        "undated",
        (2007, 10, 16),
        "Airbus handed over its first superjumbo to Singapore Airlines in Toulouse.",
    );
    undated.published = None;
    let docs = [
        article(
            "82597",
            (2007, 10, 16),
            "Singapore Airlines took delivery of its first Airbus A380.\n\nThe airline will fly the plane between Singapore and Sydney.",
        ),
        undated,
    ];
    let brief = brief_for_documents(1, "A380", &docs, BriefOptions::default());
    let lead = brief
        .timeline
        .iter()
        .find(|e| e.text.starts_with("Singapore Airlines took delivery"))
        .expect("the dated report's lead is on the timeline");
    assert_eq!(lead.date, "2007-10-16");
    assert_eq!(lead.anchor, dossier_brief::PUBLICATION_ANCHOR);
    assert_eq!(lead.expression, "", "no date is written in the sentence");
    assert!(
        !brief
            .timeline
            .iter()
            .any(|e| e.text.starts_with("The airline will fly") || e.doc == "undated"),
        "only a dated report's lead is dated by its report: {:#?}",
        brief.timeline
    );
}
