//! Date expressions on the Chechnya 2017 example reports and on odd input, hand-checked.

#[path = "figures_support.rs"]
mod support;

use chrono::NaiveDate;
use dossier_core::Precision;
use dossier_extract::dates::{extract_dates, parse_iso_or_textual_date};
use dossier_extract::{AnchorKind, DateAnchor};
use support::{doc, run, run_doc, story_date};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn value(e: &support::Extracted, expr: &str) -> (String, Precision, String) {
    let d = e.date(expr);
    let r = d
        .resolved
        .as_ref()
        .unwrap_or_else(|| panic!("{expr:?} unresolved"));
    (r.value.clone(), r.precision, d.anchor.clone())
}

#[test]
fn petition_date_in_000_resolves_by_the_story_anchor() {
    let e = run("000");
    assert_eq!(
        value(&e, "Tuesday morning (April 11)"),
        ("2017-04-11".into(), Precision::Day, "story".into())
    );
    // "may be at risk" is a modal verb, not a month.
    assert!(
        e.dates
            .iter()
            .all(|d| !d.expression.to_lowercase().contains("may")),
        "{:#?}",
        e.dates
    );
    assert_eq!(e.dates.len(), 1, "{:#?}", e.dates);
}

#[test]
fn weekdays_and_ranges_in_001() {
    let e = run("001");
    assert_eq!(e.doc.published, Some(story_date()));
    // "Thursday saw a protest": the Thursday before Saturday 2017-04-15.
    assert_eq!(
        value(&e, "Thursday"),
        ("2017-04-13".into(), Precision::Day, "document".into())
    );
    assert_eq!(value(&e, "Thursday morning (April 13)").0, "2017-04-13");
    assert_eq!(value(&e, "Wednesday night (April 12)").0, "2017-04-12");
    let (v, p, _) = value(&e, "the last few months");
    assert_eq!(p, Precision::Range);
    assert!(v.ends_with("/2017-04-15"), "{v}");
    let (v, p, _) = value(&e, "the last two weeks");
    assert_eq!((v.as_str(), p), ("2017-04-01/2017-04-15", Precision::Range));
    // "aged 16-50" is not a date; the weekday with its parenthesised date is one mention.
    assert!(
        e.dates.iter().all(|d| !d.expression.contains("16")),
        "{:#?}",
        e.dates
    );
    assert!(e
        .dates
        .iter()
        .all(|d| d.expression != "April 13" && d.expression != "April 12"));
}

#[test]
fn time_before_a_date_is_ignored_in_002() {
    let e = run("002");
    assert_eq!(
        value(&e, "April 12"),
        ("2017-04-12".into(), Precision::Day, "story".into())
    );
    assert!(e
        .dates
        .iter()
        .all(|d| !d.expression.contains("5:30") && !d.expression.contains("16")));
}

#[test]
fn relative_months_and_years_in_003() {
    let e = run("003");
    assert_eq!(
        value(&e, "Last month"),
        ("2017-03".into(), Precision::Month, "story".into())
    );
    assert_eq!(
        value(&e, "May 26 this year"),
        ("2017-05-26".into(), Precision::Day, "story".into())
    );
    assert_eq!(value(&e, "Earlier this week").1, Precision::Range);
    let (v, p, _) = value(&e, "the span of the last two decades");
    assert_eq!((v.as_str(), p), ("1997-04-15/2017-04-15", Precision::Range));
}

#[test]
fn month_days_and_months_in_004() {
    let e = run("004");
    assert_eq!(
        value(&e, "April 20"),
        ("2017-04-20".into(), Precision::Day, "story".into())
    );
    assert_eq!(value(&e, "April 1").0, "2017-04-01");
    assert_eq!(
        value(&e, "March"),
        ("2017-03".into(), Precision::Month, "story".into())
    );
    assert_eq!(
        value(&e, "April"),
        ("2017-04".into(), Precision::Month, "story".into())
    );
}

#[test]
fn no_anchor_means_no_guess() {
    let d = doc("x", "In a petition signed by over 8,700 people as of Tuesday morning (April 11), Amnesty called for action. It closed on April 20, 2017.");
    let none = DateAnchor {
        date: None,
        kind: AnchorKind::None,
    };
    let e = run_doc(d, &none);
    let m = e.date("Tuesday morning (April 11)");
    assert_eq!(m.resolved, None);
    assert_eq!(m.anchor, "none");
    // A full date needs no anchor.
    let full = e.date("April 20, 2017");
    assert_eq!(full.resolved.as_ref().unwrap().value, "2017-04-20");
    assert_eq!(full.anchor, "absolute");
}

#[test]
fn false_dates_are_not_reported() {
    let text = "We may be at risk now, they said. Protesters march on. April Smith, 34, said the men aged 16-50 and 8,700 others would march. May I ask? The Sunday Times said so.";
    let d = doc("x", text);
    let anchor = DateAnchor {
        date: Some(story_date()),
        kind: AnchorKind::Story,
    };
    let e = run_doc(d, &anchor);
    assert!(e.dates.is_empty(), "{:#?}", e.dates);
}

#[test]
fn absolute_and_numeric_forms() {
    let text = "It began on 2017-04-15 and on 15/04/2017, not 04/05/2017. In 2016 and in March 2017 it grew. On 20 April it ended; December 30 was quiet.";
    let d = doc("x", text);
    let anchor = DateAnchor {
        date: Some(story_date()),
        kind: AnchorKind::Document,
    };
    let e = run_doc(d, &anchor);
    assert_eq!(e.date("2017-04-15").anchor, "absolute");
    assert_eq!(
        e.date("15/04/2017").resolved.as_ref().unwrap().value,
        "2017-04-15"
    );
    assert_eq!(e.date("04/05/2017").resolved, None);
    assert_eq!(
        e.date("2016").resolved.as_ref().unwrap().precision,
        Precision::Year
    );
    assert_eq!(
        e.date("March 2017").resolved.as_ref().unwrap().value,
        "2017-03"
    );
    assert_eq!(
        e.date("20 April").resolved.as_ref().unwrap().value,
        "2017-04-20"
    );
    assert_eq!(
        e.date("December 30").resolved.as_ref().unwrap().value,
        "2016-12-30"
    );
    assert_eq!(
        parse_iso_or_textual_date("April 15, 2017"),
        Some(day(2017, 4, 15))
    );
}

#[test]
fn odd_input_never_panics() {
    let anchor = DateAnchor {
        date: Some(story_date()),
        kind: AnchorKind::Story,
    };
    for text in [
        "",
        "🙂",
        "🙂 April 🙂 11 🙂 (Tuesday) 🙂",
        "99999999999999999999999",
        "1,2,3,4",
        "April 99, 2017. May 0. 31/31/2017. 2017-13-45. Thursday (February 30).",
        "’s ’ ( ) — – - / :",
        "over the last 99999999999 years ago",
        "the last 1000 decades",
    ] {
        let d = doc("x", text);
        let analyzed = dossier_text::analyze(&d);
        let _ = extract_dates(&d, &analyzed, &anchor);
        let _ = parse_iso_or_textual_date(text);
    }
}
