//! Named entities on the Chechnya 2017 example reports and on invented news sentences,
//! hand-checked.

#[path = "entities_support.rs"]
mod support;

use dossier_extract::entities::{extract_entities, merge_story_entities};
use dossier_extract::EntityKind::{self, *};
use support::{doc, run, story};

fn kinds(text: &str) -> Vec<(String, EntityKind)> {
    let d = doc("t", text);
    let a = dossier_text::analyze(&d);
    extract_entities(&d, &a)
        .into_iter()
        .map(|m| (m.text, m.kind))
        .collect()
}

#[test]
fn people_organisations_and_places_in_000() {
    let e = run("000");
    assert_eq!(e.kinds_of("Svetlana Zakharova"), [Person]);
    assert_eq!(e.kinds_of("Russian LGBT Network"), [Organization]);
    assert_eq!(e.kinds_of("Ramzan Kadyrov"), [Person]);
    // The surname alone, after the full name.
    assert_eq!(e.kinds_of("Kadyrov"), [Person]);
    assert_eq!(e.kinds_of("Aleksandr Ivanovich Bastrykin"), [Person]);
    assert_eq!(
        e.kinds_of("Investigation Committee of the Russian Federation"),
        [Organization]
    );
    assert_eq!(e.kinds_of("Muslim"), [Nationality]);
    // "Chechnya's": the possessive is not part of the span.
    let chechnya = e.entities.iter().find(|m| m.text == "Chechnya").unwrap();
    assert_eq!(
        &e.doc.text[chechnya.span.start..chechnya.span.end],
        "Chechnya"
    );
    // Sentence-initial ordinary words and LGBT are never entities.
    for not in [
        "Despite",
        "The",
        "Gay",
        "LGBT",
        "Tuesday",
        "April",
        "The spokesperson",
    ] {
        assert!(e.kinds_of(not).is_empty(), "{not}: {:#?}", e.entities);
    }
}

#[test]
fn outlets_officials_and_capitals_in_001() {
    let e = run("001");
    assert_eq!(e.kinds_of("Dmitry Peskov"), [Person]);
    assert_eq!(e.kinds_of("Vladimir Putin"), [Person]);
    assert_eq!(e.kinds_of("Novaya Gazeta"), [Organization; 4]);
    assert_eq!(e.kinds_of("Grozny"), [Place]);
    assert_eq!(e.kinds_of("Elena Milashina"), [Person]);
    assert_eq!(e.kinds_of("United Nations"), [Organization]);
    assert_eq!(e.kinds_of("Chechen Republic"), [Place]);
    // "Russian president Vladimir Putin": the nationality is separate from the person.
    assert!(e.kinds_of("Russian").iter().all(|k| *k == Nationality));
    for not in [
        "Thursday",
        "Wednesday",
        "Horrifying",
        "Meanwhile",
        "Despite",
        "April",
        "LGBT",
    ] {
        assert!(e.kinds_of(not).is_empty(), "{not}: {:#?}", e.entities);
    }
    // Never starts inside the header outside the body.
    assert!(e.entities.iter().all(|m| m.span.start >= e.doc.body.start));
}

#[test]
fn hrw_acronym_and_embassy_in_003() {
    let e = run("003");
    assert_eq!(e.kinds_of("HRW"), [Organization]);
    assert_eq!(e.kinds_of("Human Rights Watch").len(), 3);
    assert_eq!(e.kinds_of("Russian Embassy"), [Organization]);
    assert_eq!(e.kinds_of("Dmitry Alushkin"), [Person]);
    assert_eq!(e.kinds_of("Alushkin"), [Person; 3]);
    assert_eq!(e.kinds_of("Haaretz"), [Organization]);
    assert_eq!(e.kinds_of("Israeli"), [Nationality]);
    assert_eq!(
        e.kinds_of("Special Procedures of the Human Rights Council"),
        [Organization]
    );
    assert!(e.kinds_of("Ramadan").is_empty());
    assert!(e.kinds_of("Last").is_empty() && e.kinds_of("Last month").is_empty());
}

#[test]
fn titles_and_places_in_004() {
    let e = run("004");
    // "Russian Presidential Spokesman Dmitry Peskov": titles are not part of the name.
    assert_eq!(e.kinds_of("Dmitry Peskov"), [Person]);
    assert_eq!(e.kinds_of("U.S."), [Place]);
    assert_eq!(e.kinds_of("USA"), [Place; 2]);
    assert_eq!(e.kinds_of("Russia LGBT Network"), [Organization]);
    assert_eq!(e.kinds_of("BuzzFeed News"), [Organization]);
    assert_eq!(e.kinds_of("Nikki Haley"), [Person]);
    assert_eq!(e.kinds_of("Lithuania"), [Place]);
    assert_eq!(e.kinds_of("Russians"), [Nationality]);
}

#[test]
fn story_entities_merge_aliases_across_documents() {
    let (_, merged) = story();
    let find = |name: &str| {
        merged
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} not in {merged:#?}"))
    };
    let kadyrov = find("Ramzan Kadyrov");
    assert_eq!(kadyrov.kind, Person);
    assert_eq!(kadyrov.aliases, ["Kadyrov"]);
    // Four full names, three "Kadyrov" after one, and 004's sentence-initial "Kadyrov denies
    // the allegations" (no full name in that report; the tagger finds it).
    assert_eq!(kadyrov.mentions.len(), 8);
    let hrw = find("Human Rights Watch");
    assert_eq!(
        (hrw.kind, hrw.aliases.as_slice()),
        (Organization, &["HRW".to_string()][..])
    );
    assert_eq!(
        find("Russian LGBT Network").aliases,
        ["Russia LGBT Network"]
    );
    assert_eq!(find("Novaya Gazeta").kind, Organization);
    assert_eq!(find("Grozny").kind, Place);
    assert_eq!(find("Dmitry Peskov").kind, Person);
    assert_eq!(find("Dmitry Alushkin").aliases, ["Alushkin"]);
    assert_eq!(find("United Nations").aliases, ["UN"]);
    let us = find("United States");
    assert_eq!(
        (us.kind, us.aliases.as_slice()),
        (Place, &["U.S.".to_string(), "USA".to_string()][..])
    );
    assert_eq!(find("Chechen").kind, Nationality);
    // No entity is a month, a weekday or a sentence-initial word.
    for e in &merged {
        for bad in [
            "Despite",
            "The",
            "Thursday",
            "April",
            "Meanwhile",
            "LGBT",
            "Horrifying",
        ] {
            assert!(
                e.name != bad && !e.aliases.iter().any(|a| a == bad),
                "{e:?}"
            );
        }
    }
    // Every mention index points at a mention of that document.
    let (all, _) = story();
    for e in &merged {
        for &(d, m) in &e.mentions {
            assert!(m < all[d].entities.len());
        }
    }
}

#[test]
fn invented_news_sentences() {
    assert_eq!(
        kinds("Foreign Minister Sergei Lavrov told the BBC on Monday that Moscow would respond."),
        vec![
            ("Sergei Lavrov".into(), Person),
            ("BBC".into(), Organization),
            ("Moscow".into(), Place)
        ]
    );
    assert_eq!(
        kinds("Meanwhile, Amnesty International urged the European Union to act. Last month the Bank of England held rates."),
        vec![
            ("Amnesty International".into(), Organization),
            ("European Union".into(), Organization),
            ("Bank of England".into(), Organization)
        ]
    );
    assert_eq!(
        kinds("The mayor of Kazan, Ilsur Metshin, said on Friday the plan was final."),
        vec![("Kazan".into(), Place), ("Ilsur Metshin".into(), Person)]
    );
    // A month name is a surname after a given name; the possessive is not part of the span.
    assert_eq!(
        kinds("Officials close to Theresa May's office denied it."),
        vec![("Theresa May".into(), Person)]
    );
    // Shouted headlines keep only list matches.
    assert_eq!(
        kinds("SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT."),
        vec![("JAPAN".into(), Place), ("CHINA".into(), Place)]
    );
    assert!(kinds("It will be a PEACEFUL and LEGAL protest for LGBT people on TV.").is_empty());
}

#[test]
fn merge_keeps_different_people_with_one_surname_apart() {
    let d = doc(
        "t",
        "John Smith met Jane Smith in Paris. Smith said nothing.",
    );
    let a = dossier_text::analyze(&d);
    let m = extract_entities(&d, &a);
    let merged = merge_story_entities(&[&m]);
    assert!(merged
        .iter()
        .any(|e| e.name == "John Smith" && e.aliases.is_empty()));
    assert!(merged
        .iter()
        .any(|e| e.name == "Jane Smith" && e.aliases.is_empty()));
}
