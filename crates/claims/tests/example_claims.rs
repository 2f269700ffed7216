//! Claims on the bundled example (`examples/chechnya-2017`, five reports of April 2017).

mod common;

use std::path::PathBuf;

use common::Story;

fn example() -> Story {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/chechnya-2017");
    Story::build(
        dossier_ingest::read_paths(&[dir])
            .map(|d| d.expect("example reads"))
            .collect(),
    )
}

/// The claim holding the sentence of `doc_prefix` that contains `words`, if any.
fn claim_of(story: &Story, doc_prefix: &str, words: &str) -> Option<usize> {
    let d = story
        .docs
        .iter()
        .position(|d| d.origin.path.contains(doc_prefix))
        .unwrap_or_else(|| panic!("no document {doc_prefix}"));
    story.claims.iter().position(|c| {
        c.mentions
            .iter()
            .any(|m| m.doc == d && m.span.slice(&story.docs[d].text).contains(words))
    })
}

/// The issue's reworded statement: "over 100 gay and bisexual men aged 16-50 had been
/// detained" (report 001) and "more than 100 gay men have been detained" (report 003) state
/// one proposition, with the same figure.
#[test]
fn reworded_detentions_are_one_claim() {
    let story = example();
    let over = claim_of(&story, "001_", "over 100 gay and bisexual men aged 16-50")
        .expect("report 001's detentions are a claim");
    let more = claim_of(&story, "003_", "more than 100 gay men have been detained")
        .expect("report 003's detentions are a claim");
    assert_eq!(over, more, "{:#?}", story.claims[over]);
}

/// Two reports of one earthquake (ECB+ 20_1ecbplus and 20_6ecbplus, CC BY 3.0) word the
/// same statement but give different death tolls: figures must agree for one claim. With
/// the toll of the first written into the second, the same two sentences are one claim.
#[test]
fn conflicting_figures_keep_rewordings_apart() {
    let first = "A powerful earthquake has hit southern Iran , killing at least 10 people , \
                 injuring dozens more and damaging several villages , officials say .";
    let second = "A powerful earthquake has hit southern Iran , destroying several villages \
                  and killing at least three people and injuring others , according to reports .";
    let other = "The quake struck at a depth of 10 kilometres near the town of Khaki .";
    let story_with = |second: &str| {
        Story::build(vec![
            dossier_core::Document::plain("a", &format!("{first}\n{other}")),
            dossier_core::Document::plain("b", second),
        ])
    };
    let apart = story_with(second);
    assert!(
        apart.claims.iter().all(|c| c.mentions.len() < 2),
        "10 and three deaths joined: {:#?}",
        apart.claims
    );
    let agreeing = story_with(&second.replace("three", "10"));
    assert!(
        agreeing
            .claims
            .iter()
            .any(|c| c.mentions.iter().map(|m| m.doc).collect::<Vec<_>>() == [0, 1]),
        "the same toll did not join: {:#?}",
        agreeing.claims
    );
}

/// "Peskov told reporters that allegations about the persecution of LGBT people in Chechnya
/// were groundless" (report 004) denies the allegations in general: it disputes the most
/// widely reported claim, the detentions, not a narrower claim sharing a word or two with it
/// (the LGBT Network's evacuations).
#[test]
fn a_denial_of_the_allegations_disputes_the_most_reported_claim() {
    let story = example();
    let denial = claim_of(
        &story,
        "004_",
        "allegations about the persecution of LGBT people",
    )
    .expect("Peskov's denial is attached to a claim");
    let detentions = claim_of(&story, "003_", "more than 100 gay men have been detained")
        .expect("the detentions are a claim");
    assert_eq!(denial, detentions, "{:#?}", story.claims[denial]);
    assert!(story.claims[detentions].disputed);
}

/// A headline is a statement its outlet makes: it joins the claim it states, which a body
/// sentence still words. (ECB+ 1_10ecb, CC BY 3.0, and a headline of the same event.)
#[test]
fn a_headline_is_a_mention_of_the_claim_it_states() {
    let story = Story::build(vec![
        dossier_core::Document::plain(
            "a",
            "Tara Reid checks into Promises rehab center\nThe actress starred in American Pie .",
        ),
        dossier_core::Document::plain(
            "b",
            "Perennial party girl Tara Reid checked herself into Promises Treatment Center , \
             her rep told People .",
        ),
    ]);
    let claim = story
        .claims
        .iter()
        .find(|c| c.mentions.iter().any(|m| m.headline))
        .unwrap_or_else(|| panic!("the headline joined no claim: {:#?}", story.claims));
    assert_eq!(
        claim.mentions.iter().map(|m| m.doc).collect::<Vec<_>>(),
        [0, 1],
        "{claim:#?}"
    );
    let representative = &claim.mentions[claim.representative];
    assert!(!representative.headline, "{claim:#?}");
}

/// Entities must agree: two reports of the same kind of event about different people (ECB+
/// 25_1ecb, Reggie Bush in 2008, and 25_6ecbplus, Pierre Thomas in 2013, CC BY 3.0) word
/// the same statement with another name in the same role, and are two claims. With Bush's
/// name written into the second, the same two sentences are one claim.
#[test]
fn different_people_in_the_same_role_are_different_claims() {
    let bush = "The New Orleans Saints have placed running back Reggie Bush on injured reserve \
                because of a sprained knee .";
    let thomas = "The New Orleans Saints placed Pierre Thomas on injured reserve Wednesday \
                  because of an ankle injury .";
    let other = "He will miss the team 's final two games against Detroit and Carolina .";
    let story_with = |second: &str| {
        Story::build(vec![
            dossier_core::Document::plain("a", &format!("{bush}\n{other}")),
            dossier_core::Document::plain("b", second),
        ])
    };
    let apart = story_with(thomas);
    assert!(
        apart.claims.iter().all(|c| c.mentions.len() < 2),
        "Bush and Thomas joined: {:#?}",
        apart.claims
    );
    let agreeing = story_with(&thomas.replace("Pierre Thomas", "Reggie Bush"));
    assert!(
        agreeing
            .claims
            .iter()
            .any(|c| c.mentions.iter().map(|m| m.doc).collect::<Vec<_>>() == [0, 1]),
        "the same player did not join: {:#?}",
        agreeing.claims
    );
}

/// Report 002 copies 001's "At least three men are known to have been killed …" and rewrites
/// the rest of 001's sentence around a passage it keeps word for word ("… imprisoned together
/// in large groups or ‘camps’, where they have been beaten and tortured – sometimes to death
/// – by …"): the claim rests on 001 alone, and the rewritten sentence's chain runs through
/// 001. Without the copied run the rewrite would count as a second source.
#[test]
fn a_sentence_rewritten_around_a_copied_passage_is_not_an_independent_source() {
    let story = example();
    let killed = claim_of(
        &story,
        "001_",
        "At least three men are known to have been killed",
    )
    .expect("the killings are a claim");
    let claim = &story.claims[killed];
    let rewritten = claim
        .mentions
        .iter()
        .find(|m| {
            story.docs[m.doc].origin.path.contains("002_")
                && m.span
                    .slice(&story.docs[m.doc].text)
                    .starts_with("Witness and survivor testimonies")
        })
        .unwrap_or_else(|| panic!("002's rewritten sentence is in the claim: {claim:#?}"));
    assert_eq!(claim.independent_sources, 1, "{claim:#?}");
    assert_eq!(rewritten.chain.len(), 2, "{:?}", rewritten.chain);
    assert!(
        rewritten.chain[0].starts_with("002_"),
        "{:?}",
        rewritten.chain
    );
    assert!(
        rewritten.chain[1].starts_with("001_"),
        "{:?}",
        rewritten.chain
    );
}

/// Which report carried a passage first follows the rule that picks a copy's first carrier:
/// by date only when every report of the claim is dated, else in ingest order. Report a is
/// undated (and words the statement itself); b, dated April 5, and c, dated April 1, share a
/// passage: c borrows it from b, ingested first, not b from c. (Taking dates wherever both
/// reports have one and ingest order otherwise is no order at all: it can go round in a
/// circle, and sorting by it may panic.)
#[test]
fn a_borrowed_passage_goes_to_the_first_ingested_report_when_some_are_undated() {
    let date = |d: u32| chrono::NaiveDate::from_ymd_opt(2017, 4, d);
    let report = |id: &str, text: &str, published| {
        let mut doc = dossier_core::Document::plain(id, &format!("Report {id}\n\n{text}"));
        doc.published = published;
        doc
    };
    let story = Story::build(vec![
        report(
            "a",
            "The men were held together in large groups in camps near Grozny, police said.",
            None,
        ),
        report(
            "b",
            "Witnesses say the men were imprisoned together in large groups in secret camps near Grozny, a rights group reported.",
            date(5),
        ),
        report(
            "c",
            "Detainees were imprisoned together in large groups in secret camps near Grozny and beaten, survivors told reporters.",
            date(1),
        ),
    ]);
    let claim = story
        .claims
        .iter()
        .find(|c| c.mentions.len() == 3)
        .unwrap_or_else(|| panic!("the three sentences are one claim: {:#?}", story.claims));
    let source = |doc: usize| {
        claim
            .mentions
            .iter()
            .find(|m| m.doc == doc)
            .and_then(|m| m.chain.last())
            .map(String::as_str)
    };
    assert_eq!(source(0), Some("a"), "{claim:#?}");
    assert_eq!(source(1), Some("b"), "{claim:#?}");
    assert_eq!(source(2), Some("b"), "{claim:#?}");
    assert_eq!(claim.independent_sources, 2, "{claim:#?}");
}
