//! Quotes and speakers on the Chechnya 2017 example reports and on invented news sentences,
//! hand-checked.

#[path = "entities_support.rs"]
mod support;

use dossier_extract::quotes::canonical_speaker;
use dossier_extract::QuoteKind::{Direct, Indirect};
use support::{doc, run, run_doc, story};

const SPOKESPERSON: &str = "spokesperson for Ramzan Kadyrov";

#[test]
fn peskov_with_appositive_role_in_001() {
    let e = run("001");
    let q = e.quote("We do not have any reliable information");
    assert_eq!(q.kind, Direct);
    assert_eq!(
        q.text,
        "We do not have any reliable information about any problems in this area."
    );
    assert_eq!(&e.doc.text[q.span.start..q.span.end], q.text);
    assert_eq!(q.speaker.as_deref(), Some("Dmitry Peskov"));
    assert_eq!(
        q.speaker_role.as_deref(),
        Some("a prominent spokesperson for Russian president Vladimir Putin")
    );
    assert_eq!(q.cue.as_deref(), Some("said"));
}

#[test]
fn the_spokesperson_added_resolves_to_kadyrovs_spokesperson_in_000_001_002() {
    for id in ["000", "001", "002"] {
        let e = run(id);
        let q = e.quote("If such people existed in Chechnya");
        assert_eq!(q.kind, Direct, "{id}");
        assert_eq!(q.speaker.as_deref(), Some(SPOKESPERSON), "{id}");
        assert_eq!(
            q.speaker_mention.as_deref(),
            Some("The spokesperson"),
            "{id}"
        );
        assert_eq!(q.cue.as_deref(), Some("added"), "{id}");
        assert!(q.text.ends_with("could never return."), "{id}");
        // The denial before it is reported speech by the same spokesperson, the scare quote
        // "not exist" only inside it.
        let denial = e.quote("gay people do");
        assert_eq!(denial.kind, Indirect, "{id}");
        assert_eq!(denial.speaker.as_deref(), Some(SPOKESPERSON), "{id}");
        assert!(e.quotes.iter().all(|q| q.text != "not exist"), "{id}");
    }
}

#[test]
fn un_experts_said_added_and_they_added_in_001() {
    let e = run("001");
    let experts = Some("United Nations human rights experts");
    let urge = e.quote("We urge the authorities");
    assert_eq!(
        (urge.speaker.as_deref(), urge.speaker_mention.as_deref()),
        (experts, Some("the experts"))
    );
    assert_eq!(urge.cue.as_deref(), Some("said"));
    let crucial = e.quote("It is crucial that reports");
    assert_eq!(crucial.speaker.as_deref(), experts);
    assert_eq!(crucial.cue.as_deref(), Some("added"));
    // "They added that LGBT+ Chechnyans “are living …”": the pronoun resolves to the experts;
    // the quoted words are part of the one report.
    let living = e.quote("LGBT+ Chechnyans “are living in a climate of fear");
    assert_eq!(
        (living.speaker.as_deref(), living.speaker_mention.as_deref()),
        (experts, Some("They"))
    );
}

#[test]
fn zakharova_multi_paragraph_quote_in_000() {
    let e = run("000");
    let q = e.quote("Gay people have been detained");
    assert_eq!(q.speaker.as_deref(), Some("Svetlana Zakharova"));
    assert_eq!(
        q.speaker_role.as_deref(),
        Some("from the Russian LGBT Network")
    );
    assert_eq!(q.cue.as_deref(), Some("told MailOnline"));
    assert!(
        q.text.contains("left the region. Those who have escaped"),
        "{}",
        q.text
    );
    assert!(q.text.ends_with("sometimes to death."));
    // The span covers both paragraphs, marks excluded.
    let covered = &e.doc.text[q.span.start..q.span.end];
    assert!(
        covered.starts_with("Gay people")
            && covered.ends_with("death.")
            && covered.contains("\n\n\"")
    );
    // "Those who have escaped said …" inside the quote is not a quote of its own.
    assert_eq!(
        e.quotes
            .iter()
            .filter(|x| x.text.contains("Those who have escaped"))
            .count(),
        1
    );
}

#[test]
fn hrw_and_alushkin_in_003() {
    let e = run("003");
    let hrw = e.quote("The information published by Novaya Gazeta");
    // Written "HRW"; canonicalised within the document, which also has the full name.
    assert_eq!(hrw.speaker.as_deref(), Some("Human Rights Watch"));
    assert_eq!(hrw.speaker_mention.as_deref(), Some("HRW"));
    assert!(hrw.text.ends_with("have indeed occurred."), "{}", hrw.text);
    let alushkin = Some("Dmitry Alushkin");
    for (prefix, mention, cue) in [
        ("there were “no victims of persecution", "Alushkin", "wrote"),
        ("articles published in the Novaya Gazeta", "He", "added"),
        ("a Russian investigation had discovered", "Alushkin", "said"),
        ("Neither law enforcement authorities", "He", "adds"),
        ("We would like to note", "Alushkin", "finished"),
    ] {
        let q = e.quote(prefix);
        assert_eq!(q.speaker.as_deref(), alushkin, "{prefix}");
        assert_eq!(q.speaker_mention.as_deref(), Some(mention), "{prefix}");
        assert_eq!(q.cue.as_deref(), Some(cue), "{prefix}");
    }
    // "He adds:" opens a quote that continues in the next paragraph.
    assert!(e
        .quote("Neither law enforcement")
        .text
        .contains("The Human Rights Council conducted"));
    // Embassy official: a role of a named organisation, no name.
    let official = e.quote("No LGBT people have been persecuted in Chechnya");
    assert_eq!(
        official.speaker.as_deref(),
        Some("Russian Embassy official")
    );
    assert_eq!(
        official.speaker_mention.as_deref(),
        Some("a Russian Embassy official")
    );
    // "The region’s leader said" → the leader named just before.
    let leader = e.quote("he would cooperate");
    assert_eq!(
        (leader.kind, leader.speaker.as_deref()),
        (Indirect, Some("Ramzan Kadyrov"))
    );
    // A quoted press-statement title is not speech; scare quotes are not quotes.
    assert!(e.quotes.iter().all(|q| !q.text.starts_with("End abuse")));
    assert!(e
        .quotes
        .iter()
        .all(|q| q.text != "fake" && q.text != "false reports"));
}

#[test]
fn headline_says_official_is_unknown_speaker() {
    let e = run("003");
    let q = e.quote("Reports of Chechnya gay purge are false");
    assert_eq!(q.kind, Indirect);
    assert_eq!(
        q.text,
        "Reports of Chechnya gay purge are false and meant to smear Russia"
    );
    assert_eq!(q.speaker, None);
    assert_eq!(q.speaker_mention.as_deref(), Some("official"));
    assert_eq!(q.cue.as_deref(), Some("says"));
}

#[test]
fn milashina_in_001() {
    let e = run("001");
    let q = e.quote("My sources tell me");
    assert_eq!(q.speaker.as_deref(), Some("Elena Milashina"));
    assert_eq!(
        q.speaker_role.as_deref(),
        Some("the journalist who first broke the story")
    );
    let source = e.quote("There is no reliable evidence");
    assert_eq!((source.kind, source.speaker.as_deref()), (Indirect, None));
    assert_eq!(source.cue.as_deref(), Some("according to"));
    assert_eq!(
        source.speaker_mention.as_deref(),
        Some("a source in the Russian government")
    );
}

#[test]
fn they_and_she_without_antecedent_are_unknown_in_004() {
    let e = run("004");
    let q = e.quote("As visa records are confidential under USA law");
    assert_eq!(q.kind, Direct);
    assert_eq!(
        q.text,
        "As visa records are confidential under USA law, we are unable to discuss individual cases"
    );
    assert_eq!(
        (q.speaker.as_deref(), q.speaker_mention.as_deref()),
        (None, Some("they"))
    );
    let she = e.quote("Since the reports of persecution");
    assert_eq!(
        (
            she.kind,
            she.speaker.as_deref(),
            she.speaker_mention.as_deref()
        ),
        (Indirect, None, Some("she"))
    );
    // "ROLE NAME told reporters that …"
    let peskov = e.quote("allegations about the persecution");
    assert_eq!(peskov.speaker.as_deref(), Some("Dmitry Peskov"));
    assert_eq!(
        peskov.speaker_role.as_deref(),
        Some("Russian Presidential Spokesman")
    );
    assert_eq!(peskov.cue.as_deref(), Some("told reporters"));
    // Quoted words inside the report: one statement.
    let haley = e.quote("if these claims are true, that \"this violation of human rights");
    assert_eq!(haley.speaker.as_deref(), Some("Nikki Haley"));
    assert_eq!(
        haley.speaker_role.as_deref(),
        Some("the USA ambassador to the United Nations")
    );
    // "Kadyrov denies …": only the surname in this document; the story resolves it.
    let kadyrov = e.quote("homosexuality does not exist");
    assert_eq!(kadyrov.speaker.as_deref(), Some("Kadyrov"));
    let (_, merged) = story();
    assert_eq!(canonical_speaker("Kadyrov", &merged), "Ramzan Kadyrov");
    assert_eq!(canonical_speaker("HRW", &merged), "Human Rights Watch");
    assert_eq!(canonical_speaker("Nobody Known", &merged), "Nobody Known");
}

#[test]
fn split_quote_and_straight_quotes_in_invented_news() {
    let e = run_doc(doc(
        "t",
        "The minister was asked about the strike.\n\n\"We will not negotiate with people who break the law,\" Transport Secretary Grant Shapps said, \"and we will not be bullied by the unions.\"\n\nHe added: \"Passengers deserve better than this.\"",
    ));
    assert_eq!(e.quotes.len(), 3, "{:#?}", e.quotes);
    let first = e.quote("We will not negotiate");
    assert_eq!(
        first.text,
        "We will not negotiate with people who break the law"
    );
    assert_eq!(first.speaker.as_deref(), Some("Grant Shapps"));
    let second = e.quote("and we will not be bullied");
    assert_eq!(second.speaker.as_deref(), Some("Grant Shapps"));
    let third = e.quote("Passengers deserve better");
    assert_eq!(
        (third.speaker.as_deref(), third.speaker_mention.as_deref()),
        (Some("Grant Shapps"), Some("He"))
    );
}

#[test]
fn said_after_name_and_short_quotes_in_invented_news() {
    let e = run_doc(doc(
        "t",
        "“The ceasefire is holding across the whole region,” said Maria Zakharova, a foreign ministry spokeswoman. Critics called the deal “a sham”. She told reporters: “No.”",
    ));
    let q = e.quote("The ceasefire is holding");
    assert_eq!(q.speaker.as_deref(), Some("Maria Zakharova"));
    assert_eq!(q.cue.as_deref(), Some("said"));
    // Two-word scare quote without a speech frame: skipped; a one-word answer after "told
    // reporters:" is a quote.
    assert!(e.quotes.iter().all(|q| q.text != "a sham"));
    let no = e.quote("No.");
    assert_eq!(
        (no.speaker.as_deref(), no.cue.as_deref()),
        (Some("Maria Zakharova"), Some("told reporters"))
    );
}
