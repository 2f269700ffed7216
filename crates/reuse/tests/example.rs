//! Reuse on the bundled example, with the expected copies written down by reading the texts.

use std::path::PathBuf;

use dossier_core::Document;
use dossier_reuse::{find_reuse, CopyKind, ReuseInput};
use dossier_text::{analyze, AnalyzedText};

fn example() -> (Vec<Document>, Vec<AnalyzedText>) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/chechnya-2017");
    let docs: Vec<Document> = dossier_ingest::read_paths(&[dir])
        .collect::<Result<_, _>>()
        .expect("example reads cleanly");
    let texts = docs.iter().map(analyze).collect();
    (docs, texts)
}

fn short_id(doc: &Document) -> &str {
    &doc.id[..3]
}

#[test]
fn every_verbatim_shared_paragraph_is_found_with_the_right_documents() {
    let (docs, texts) = example();
    let inputs = ReuseInput::in_ingest_order(&docs, &texts);
    let reuse = find_reuse(&inputs);

    let mut found: Vec<(String, Vec<&str>, &str)> = reuse
        .passages
        .iter()
        .map(|p| {
            let (d, span, _) = &p.members[0];
            let text = span.slice(&docs[*d].text);
            let carriers = p.members.iter().map(|m| short_id(&docs[m.0])).collect();
            (
                text.chars().take(39).collect(),
                carriers,
                short_id(&docs[p.first_doc]),
            )
        })
        .collect();
    found.sort();
    // Read off the texts: 000, 001 and 002 share the "Despite the growing evidence..." and
    // "The spokesperson added: If such people existed..." paragraphs; 000 and 002 also share
    // "The legal status of homosexuality..."; 001 and 002 share "At least three men are
    // known to have been killed, though the paper estimates the real figure to be higher"
    // (002 stops there; 001 goes on: a near copy).
    let expected = [
        (
            "At least three men are known to have be",
            vec!["001", "002"],
            "001",
        ),
        (
            "Despite the growing evidence of mass ta",
            vec!["000", "001", "002"],
            "000",
        ),
        (
            "The legal status of homosexuality in th",
            vec!["000", "002"],
            "000",
        ),
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((text, carriers, first), (etext, ecarriers, efirst)) in found.iter().zip(expected) {
        assert_eq!(text, etext);
        assert_eq!(carriers, &ecarriers, "{text}");
        assert_eq!(*first, efirst, "{text}");
    }
    // The copied spokesperson passage spans both paragraphs in each carrier.
    let spokesperson = reuse
        .passages
        .iter()
        .find(|p| {
            p.members[0]
                .1
                .slice(&docs[p.members[0].0].text)
                .starts_with("Despite")
        })
        .unwrap();
    for (d, span, _) in &spokesperson.members {
        let text = span.slice(&docs[*d].text);
        assert!(
            text.contains("If such people existed in Chechnya"),
            "{text}"
        );
        assert!(text.ends_with("could never return.”") || text.ends_with("could never return.\""));
    }
    assert_eq!(
        spokesperson.kind,
        CopyKind::Exact,
        "quote styles differ only"
    );
}

#[test]
fn no_unrelated_sentences_are_reported_as_copies() {
    let (docs, texts) = example();
    let inputs = ReuseInput::in_ingest_order(&docs, &texts);
    let reuse = find_reuse(&inputs);
    for group in &reuse.groups {
        let keys: Vec<String> = group
            .members
            .iter()
            .map(|&(d, s)| dossier_text::match_key(texts[d].sentences[s].span.slice(&docs[d].text)))
            .collect();
        // Every member of a group shares its first eight words with the others: the copies
        // in this example are all verbatim or trimmed at the end.
        let head: Vec<&str> = keys[0].split(' ').take(8).collect();
        for k in &keys {
            let h: Vec<&str> = k.split(' ').take(8).collect();
            assert_eq!(h, head, "{keys:#?}");
        }
    }
}

#[test]
fn an_edited_republication_is_a_document_near_duplicate() {
    let (mut docs, _) = example();
    // 001 republished with its quote marks straightened and one paragraph dropped.
    let original = docs[1].clone();
    let edited_text = original.text.replace(['“', '”'], "\"").replace(
        "This is a position that appears to be shared among Chechnyan people. ",
        "",
    );
    let edited =
        dossier_ingest::parse_plain_text("001-republished", edited_text, original.origin.clone());
    docs.push(edited);
    let texts: Vec<AnalyzedText> = docs.iter().map(analyze).collect();
    let inputs = ReuseInput::in_ingest_order(&docs, &texts);
    let reuse = find_reuse(&inputs);
    let pairs: Vec<(&str, &str)> = reuse
        .near_duplicates
        .iter()
        .map(|&(a, b, _)| (docs[a].id.as_str(), docs[b].id.as_str()))
        .collect();
    // The five reports share paragraphs but none is a near-duplicate of another as a whole.
    assert_eq!(pairs, [("001_71ba82b1841a5656", "001-republished")]);
    assert!(reuse.near_duplicates[0].2 > 0.8);
}

#[test]
fn the_copy_graph_points_to_first_carriers_and_measures_copied_shares() {
    let (docs, texts) = example();
    let inputs = ReuseInput::in_ingest_order(&docs, &texts);
    let reuse = find_reuse(&inputs);
    let graph = dossier_reuse::copy_graph(&inputs, &reuse);
    let from = |d: usize| -> Vec<&str> {
        graph[d]
            .copies_from
            .iter()
            .map(|&f| short_id(&docs[f]))
            .collect()
    };
    // 000 carried the spokesperson and legal-status paragraphs first; 001 carried "At least
    // three men..." first (002 has a trimmed copy); 003 and 004 copy nothing.
    assert_eq!(from(0), Vec::<&str>::new());
    assert_eq!(from(1), ["000"]);
    assert_eq!(from(2), ["000", "001"]);
    assert!(graph[3].copies_from.is_empty() && graph[3].copied_bytes == 0);
    assert!(graph[4].copies_from.is_empty() && graph[4].copied_bytes == 0);
    // 002 is the most copied: about two fifths of its reporting is other outlets' text.
    let share = graph[2].copied_share();
    assert!((0.3..0.5).contains(&share), "{share}");
    assert!(graph[2].copied_share() > graph[1].copied_share());
}

/// A page whose extraction broke one of 000's sentences in two (an inline link turned into a
/// paragraph break, as HTML extraction sometimes does) still shares the whole passage with
/// 000: both halves join the group of 000's sentence, and the run of copied sentences is one
/// passage covering the two paragraphs.
#[test]
fn a_sentence_broken_in_two_by_another_page_still_makes_one_passage() {
    let (mut docs, _) = example();
    let original = docs[0].clone();
    let sentence = "Despite the growing evidence of mass targeting of gay men in the region, a \
                    spokesperson for Chechnya's Russian-backed leader, Ramzan Kadyrov, has \
                    denied the reports, insisting that gay people do \"not exist\" in the republic.";
    let start = original.text.find(sentence).expect("000 has the sentence");
    let rest = &original.text[start + sentence.len()..];
    let next_paragraph = rest
        .trim_start()
        .lines()
        .next()
        .expect("a paragraph follows");
    let broken = sentence.replace(", insisting", ",\n\ninsisting");
    let text = format!(
        "Kremlin silent as Chechnya reports mount\n\nRights groups in Moscow said on Friday \
         they were collecting testimony from men who had fled the region.\n\n{broken}\n\n\
         {next_paragraph}\n\nThe groups said they would publish their findings next month."
    );
    docs.push(dossier_ingest::parse_plain_text(
        "broken-page",
        text,
        original.origin.clone(),
    ));
    let texts: Vec<AnalyzedText> = docs.iter().map(analyze).collect();
    let inputs = ReuseInput::in_ingest_order(&docs, &texts);
    let reuse = find_reuse(&inputs);
    let page = docs.len() - 1;
    let passage = reuse
        .passages
        .iter()
        .find(|p| p.members.iter().any(|m| m.0 == page))
        .expect("the broken page shares a passage");
    let (_, span, sentences) = passage
        .members
        .iter()
        .find(|m| m.0 == page)
        .expect("page member");
    let copied = span.slice(&docs[page].text);
    assert!(
        copied.starts_with("Despite the growing evidence"),
        "{copied}"
    );
    assert!(copied.contains("insisting that gay people"), "{copied}");
    assert!(copied.ends_with(next_paragraph.trim_end()), "{copied}");
    assert!(sentences.len() >= 3, "{sentences:?}");
    assert!(
        passage
            .members
            .iter()
            .any(|m| short_id(&docs[m.0]) == "000"),
        "{:?}",
        passage.members
    );
}
