//! Figures on the Chechnya 2017 example reports and on hand-made sentences, hand-checked.

#[path = "figures_support.rs"]
mod support;

use dossier_core::Precision;
use dossier_extract::figures::{extract_figures, group_figures};
use dossier_extract::{AnchorKind, DateAnchor, FigureMention};
use support::{doc, run, run_doc, story_date, Extracted};

fn story() -> Vec<Extracted> {
    ["000", "001", "002", "003", "004"]
        .iter()
        .map(|p| run(p))
        .collect()
}

/// Group numbers for every figure of the story, keyed by (doc index, expression).
fn grouped(all: &[Extracted]) -> Vec<(usize, String, usize)> {
    let mut pairs: Vec<(&FigureMention, &str)> = Vec::new();
    let mut keys = Vec::new();
    for (d, e) in all.iter().enumerate() {
        for f in &e.figures {
            pairs.push((f, e.sentence_of(f)));
            keys.push((d, f.expression.clone()));
        }
    }
    let groups = group_figures(&pairs);
    assert_eq!(groups.len(), pairs.len());
    keys.into_iter()
        .zip(groups)
        .map(|((d, e), g)| (d, e, g))
        .collect()
}

fn group_of(groups: &[(usize, String, usize)], doc: usize, expr: &str) -> usize {
    groups
        .iter()
        .find(|(d, e, _)| *d == doc && e == expr)
        .unwrap_or_else(|| panic!("no figure {expr:?} in doc {doc}: {groups:#?}"))
        .2
}

fn plain(text: &str) -> Extracted {
    let anchor = DateAnchor {
        date: Some(story_date()),
        kind: AnchorKind::Story,
    };
    run_doc(doc("x", text), &anchor)
}

#[test]
fn petition_signatures_are_one_group_dated_by_their_sentences() {
    let all = story();
    let a = all[0].figure("over 8,700");
    assert_eq!((a.value, a.qualifier.as_deref()), (8700.0, Some("over")));
    assert_eq!(a.head.as_deref(), Some("people"));
    assert!(a.counts.as_deref().unwrap().starts_with("people"), "{a:?}");
    let ad = a.date.as_ref().expect("dated");
    assert_eq!(
        (ad.value.as_str(), ad.precision),
        ("2017-04-11", Precision::Day)
    );

    let b = all[1].figure("over 95,000");
    assert_eq!((b.value, b.qualifier.as_deref()), (95000.0, Some("over")));
    assert_eq!(b.counts.as_deref(), Some("signatures"));
    assert_eq!(b.date.as_ref().unwrap().value, "2017-04-13");

    let g = grouped(&all);
    assert_eq!(
        group_of(&g, 0, "over 8,700"),
        group_of(&g, 1, "over 95,000")
    );
}

#[test]
fn detained_men_are_one_group_and_killed_men_another() {
    let all = story();
    let f = all[1].figure("over 100");
    assert_eq!(f.counts.as_deref(), Some("gay and bisexual men detained"));
    assert_eq!(
        all[2].figure("over 100").counts.as_deref(),
        Some("men detained")
    );
    assert_eq!(
        all[3].figure("more than 100").counts.as_deref(),
        Some("gay men detained")
    );
    assert_eq!(
        all[4].figure("around 100").qualifier.as_deref(),
        Some("around")
    );
    let killed = all[1].figure("At least three");
    assert_eq!(
        (killed.value, killed.qualifier.as_deref()),
        (3.0, Some("at least"))
    );
    assert_eq!(killed.counts.as_deref(), Some("men killed"));

    let g = grouped(&all);
    let detained = group_of(&g, 1, "over 100");
    assert_eq!(group_of(&g, 2, "over 100"), detained);
    assert_eq!(group_of(&g, 3, "more than 100"), detained);
    assert_eq!(group_of(&g, 4, "around 100"), detained);
    let killed = group_of(&g, 1, "At least three");
    assert_ne!(killed, detained);
    assert_eq!(group_of(&g, 2, "At least three"), killed);
    // Other figures stay apart: the protest, the Facebook interest, the evacuated men, the
    // men in hiding, the two granted visas.
    let others = [
        group_of(&g, 1, "up to 15,000"),
        group_of(&g, 2, "Over 800"),
        group_of(&g, 3, "40"),
        group_of(&g, 4, "around 40"),
        group_of(&g, 4, "only two"),
        group_of(&g, 0, "over 8,700"),
    ];
    for (k, a) in others.iter().enumerate() {
        assert_ne!(*a, detained);
        assert_ne!(*a, killed);
        for b in &others[k + 1..] {
            assert_ne!(a, b, "{g:#?}");
        }
    }
    // Dense numbering from 0 in order of first appearance.
    let mut next = 0;
    for (_, _, grp) in &g {
        assert!(*grp <= next);
        if *grp == next {
            next += 1;
        }
    }
}

#[test]
fn ages_are_part_of_the_phrase_not_figures_or_dates() {
    for (k, e) in story().iter().enumerate() {
        for f in &e.figures {
            assert!(
                !f.expression.contains("16") && !f.expression.contains("50"),
                "doc {k}: {f:?}"
            );
        }
        for d in &e.dates {
            assert!(!d.expression.contains("16-50"), "doc {k}: {d:?}");
        }
    }
}

#[test]
fn qualifiers_and_counted_phrases() {
    let all = story();
    let protest = all[1].figure("up to 15,000");
    assert_eq!(protest.qualifier.as_deref(), Some("up to"));
    assert_eq!(protest.counts.as_deref(), Some("people"));
    assert_eq!(protest.date.as_ref().unwrap().value, "2017-04-13");
    assert_eq!(
        all[2].figure("Over 800").counts.as_deref(),
        Some("people expressed interest")
    );
    assert_eq!(
        all[4].figure("around 40").counts.as_deref(),
        Some("Chechens in hiding")
    );
    let range = all[0].figure("around 30 or 40");
    assert_eq!((range.value, range.value_max), (30.0, Some(40.0)));
    assert_eq!(range.counts, None);
    // No figure from "5:30pm on April 12" or from the date expressions.
    assert_eq!(all[2].figures.len(), 3, "{:#?}", all[2].figures);
    assert_eq!(all[3].figures.len(), 2, "{:#?}", all[3].figures);
}

/// (value, value_max, qualifier, counts)
type Row<'a> = (f64, Option<f64>, Option<&'a str>, Option<&'a str>);

#[test]
fn hand_made_sentences() {
    let e = plain("Tens of thousands of people marched, and dozens were hurt. An estimated 3.5 million people voted in 2016. Some 16 to 50 men were held. Fewer than 40% agreed. One of them said one day that only one man had been shot. A 16-year-old and George Lowe, 89, died at 5:30pm on April 12. He paid $17.1bn for G20 seats under Article 5. 1. First item.");
    let values: Vec<Row<'_>> = e
        .figures
        .iter()
        .map(|f| {
            (
                f.value,
                f.value_max,
                f.qualifier.as_deref(),
                f.counts.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        values,
        vec![
            (20000.0, None, Some("at least"), Some("people marched")),
            (24.0, None, Some("at least"), None),
            (3.5e6, None, Some("estimated"), Some("people voted")),
            (16.0, Some(50.0), Some("some"), Some("men held")),
            (40.0, None, Some("fewer than"), Some("percent")),
            (1.0, None, Some("only"), Some("man shot")),
            (17.1e9, None, None, Some("dollars")),
        ],
        "{:#?}",
        e.figures
    );
}

/// Sentences from Wikinews (MEANTIME) where a number names a model or an index, counts a
/// span of time, refers back to things already named or is part of a name: none is a
/// figure; the counts beside them are.
#[test]
fn model_numbers_durations_and_names_are_not_figures() {
    let e = plain("An American Airlines 777 landed at Heathrow. China have agreed to purchase 60 Boeing 787 Dreamliner aircraft in a deal worth US$7.2 bn. Qatar, which chose the Airbus A350 over Boeing's 787, will also purchase 20 of Boeing's larger 777 planes. The 787 is almost two and a half years behind schedule. The Standard & Poor's 500 index lost 26 points or 3.5%, and the FTSE 100 fell after six straight days of losses. The agreement between the two companies was written as 7/8/07. It made a 12-hour flight with four Rolls-Royce Trent 900 engines. Boeing will deliver 15 a year. The ``Big Three'' were bailed out with about US$1.4 billion.");
    let values: Vec<(f64, Option<&str>, &str)> = e
        .figures
        .iter()
        .map(|f| (f.value, f.qualifier.as_deref(), f.expression.as_str()))
        .collect();
    assert_eq!(
        values,
        vec![
            (60.0, None, "60"),
            (7.2e9, None, "US$7.2 bn"),
            (20.0, None, "20"),
            (26.0, None, "26"),
            (3.5, None, "3.5"),
            (4.0, None, "four"),
            (15.0, None, "15"),
            (1.4e9, Some("about"), "about US$1.4 billion"),
        ],
        "{:#?}",
        e.figures
    );
}

#[test]
fn figures_get_no_date_without_one_in_their_sentence() {
    let e =
        plain("More than 100 gay men have been detained. On April 11 over 8,700 people signed.");
    assert_eq!(e.figures[0].date, None);
    assert_eq!(e.figures[1].date.as_ref().unwrap().value, "2017-04-11");
}

#[test]
fn odd_input_never_panics() {
    for text in [
        "",
        "🙂",
        "99999999999999999999999",
        "1,2,3,4",
        "99999999999999999999999 people. 1.2.3 men, $ , $5, £ 3, 3-, -3, 3 to, 3 or , twenty-",
        "🙂 40 🙂 men 🙂 aged 🙂 16-🙂",
        "a hundred and. half a. tens of. hundreds of hundreds.",
    ] {
        let e = plain(text);
        let pairs: Vec<(&FigureMention, &str)> =
            e.figures.iter().map(|f| (f, e.sentence_of(f))).collect();
        let groups = group_figures(&pairs);
        assert_eq!(groups.len(), pairs.len());
        for f in &e.figures {
            assert!(f.value.is_finite());
            assert_eq!(&e.doc.text[f.span.start..f.span.end], f.expression);
        }
        let _ = extract_figures(&e.doc, &dossier_text::analyze(&e.doc), &[]);
    }
    assert!(plain("1,2,3,4").figures.is_empty());
    let big = plain("Officials counted 99999999999999999999999 people.");
    assert_eq!(big.figures[0].value, 1e23);
}
