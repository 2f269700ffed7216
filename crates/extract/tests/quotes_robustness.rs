//! The entity and quote extractors on every sentence of the examples, on truncated
//! documents and on odd input: no panics, and every span is a valid slice of the text.

#[path = "entities_support.rs"]
mod support;

use dossier_core::Span;
use support::{doc, load, run_doc, Extracted};

fn check(e: &Extracted) {
    let text = &e.doc.text;
    let valid = |s: Span| s.start <= s.end && text.get(s.start..s.end).is_some();
    for m in &e.entities {
        assert!(valid(m.span), "{m:?}");
        assert_eq!(&text[m.span.start..m.span.end], m.text);
        assert!(m.sentence < e.text.sentences.len());
        assert!(!m.text.trim().is_empty());
    }
    for q in &e.quotes {
        assert!(valid(q.span), "{q:?}");
        assert!(q.sentence < e.text.sentences.len());
        assert!(!q.text.trim().is_empty());
        if let Some(s) = &q.speaker {
            assert!(!s.trim().is_empty(), "{q:?}");
        }
    }
}

#[test]
fn every_sentence_of_the_examples_alone() {
    for id in ["000", "001", "002", "003", "004"] {
        let d = load(id);
        let a = dossier_text::analyze(&d);
        for s in &a.sentences {
            check(&run_doc(doc(id, &d.text[s.span.start..s.span.end])));
        }
        check(&run_doc(d));
    }
}

#[test]
fn truncated_documents() {
    for id in ["000", "003", "004"] {
        let full = load(id).text;
        let mut cut = 0;
        while cut < full.len() {
            if full.is_char_boundary(cut) {
                check(&run_doc(doc(id, &full[..cut])));
                check(&run_doc(doc(id, &full[cut..])));
            }
            cut += 97;
        }
    }
}

#[test]
fn odd_inputs() {
    let long = "“".repeat(500) + &"word ".repeat(500) + &"”".repeat(3);
    let inputs = [
        "",
        " ",
        "\n\n\n",
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’s",
        "“unbalanced quote that never closes and goes on for a while",
        "closes only” here, she said.",
        "\"\"\"\"",
        "He said: “",
        "He said: \"",
        "said",
        ", says official",
        "according to",
        "According to",
        "The spokesperson added: “",
        "They said “x”",
        "😀 Ramzan Kadyrov 😀 said: “😀😀😀 😀😀 😀 😀”",
        "Émile Zola, l’écrivain, a dit: « J’accuse la République française ».",
        "Дмитрий Песков сказал: «Нет».",
        "Ms. J. R. Smith said \"it's fine\" and 'it's not'.",
        "U.S. U.S U. S. A. B. C. D.",
        "Mr Mr Mr President President of the of the Committee of",
        "A\u{a0}B\u{a0}C said that ‘’‘’“”“”",
        "'Twas the night before Christmas, HE SAID, “AND ALL THROUGH THE HOUSE NOT A CREATURE WAS STIRRING”.",
        &long,
    ];
    for text in inputs {
        check(&run_doc(doc("odd", text)));
    }
}

#[test]
fn scare_quotes_and_titles_alone_are_not_quotes() {
    let e = run_doc(doc(
        "t",
        "Officials said gay people do “not exist” there. The group held ‘camps’ for “fake” members. The statement was titled: “End abuse and detention of gay men in Chechnya”.",
    ));
    assert!(
        e.quotes
            .iter()
            .all(|q| q.kind == dossier_extract::QuoteKind::Indirect),
        "{:#?}",
        e.quotes
    );
    // The indirect quote keeps its scare quote inside.
    assert!(
        e.quotes
            .iter()
            .any(|q| q.text == "gay people do “not exist” there"),
        "{:#?}",
        e.quotes
    );
}
