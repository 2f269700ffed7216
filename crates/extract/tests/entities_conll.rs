//! Rough measurement of the rule-based entity extractor on CoNLL-2003 English test B
//! (Reuters news, 1996): exact-match precision, recall and F1 with person → PER,
//! organization → ORG, place → LOC, nationality → MISC. Skipped when the data is missing.
//!
//! The file format is `token POS chunk NER` per line, IOB1 tags, a blank line between
//! sentences and `-DOCSTART-` between documents. Each document becomes one `Document` with
//! one sentence per line (tokens joined by single spaces), so surnames can resolve within it.

use std::collections::{BTreeMap, HashSet};

use dossier_core::{DateSource, Document, Origin, Span};
use dossier_extract::entities::extract_entities;
use dossier_extract::EntityKind;
use dossier_text::{AnalyzedText, Paragraph, ParagraphKind, Sentence};

const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/conll2003/eng.testb"
);

/// Floor under which the measurement fails (the figure at the time of writing is reported in
/// the test output; rules are a first pass, a later issue trains a model).
const MIN_F1: f64 = 0.45;
const MIN_PRECISION: f64 = 0.70;

type Gold = HashSet<(usize, usize, &'static str)>;

struct ConllDoc {
    doc: Document,
    text: AnalyzedText,
    gold: Gold,
}

fn label(tag: &str) -> Option<&'static str> {
    Some(match tag.get(2..)? {
        "PER" => "PER",
        "ORG" => "ORG",
        "LOC" => "LOC",
        "MISC" => "MISC",
        _ => return None,
    })
}

fn build(sentences: &[Vec<(String, String)>], n: usize) -> ConllDoc {
    let mut text = String::new();
    let mut gold = Gold::new();
    let mut paragraphs = Vec::new();
    let mut sents = Vec::new();
    for sentence in sentences {
        let line_start = text.len();
        let mut open: Option<(usize, usize, &'static str)> = None;
        for (i, (word, tag)) in sentence.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(word);
            let end = text.len();
            let kind = label(tag);
            let continues = tag.starts_with("I-") && open.is_some_and(|o| Some(o.2) == kind);
            if continues {
                if let Some(o) = open.as_mut() {
                    o.1 = end;
                }
                continue;
            }
            if let Some(o) = open.take() {
                gold.insert(o);
            }
            if let Some(k) = kind {
                open = Some((start, end, k));
            }
        }
        if let Some(o) = open.take() {
            gold.insert(o);
        }
        let span = Span::new(line_start, text.len());
        paragraphs.push(Paragraph {
            span,
            kind: ParagraphKind::Body,
        });
        sents.push(Sentence {
            span,
            paragraph: paragraphs.len() - 1,
        });
        text.push('\n');
    }
    let doc = Document {
        id: format!("testb#{n}"),
        source: None,
        url: None,
        title: None,
        published: None,
        date_source: DateSource::Unknown,
        language: "en".into(),
        body: Span::new(0, text.len()),
        text,
        extra: Default::default(),
        origin: Origin {
            path: PATH.into(),
            record: Some(n),
        },
    };
    ConllDoc {
        doc,
        text: AnalyzedText {
            paragraphs,
            sentences: sents,
        },
        gold,
    }
}

fn read() -> Option<Vec<ConllDoc>> {
    let raw = std::fs::read_to_string(PATH).ok()?;
    let mut docs = Vec::new();
    let mut sentences: Vec<Vec<(String, String)>> = Vec::new();
    let mut current: Vec<(String, String)> = Vec::new();
    for line in raw.lines().chain(std::iter::once("-DOCSTART- -X- O O")) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.is_empty() || fields[0] == "-DOCSTART-" {
            if !current.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            if fields.first() == Some(&"-DOCSTART-") && !sentences.is_empty() {
                docs.push(build(&sentences, docs.len()));
                sentences.clear();
            }
            continue;
        }
        if fields.len() >= 4 {
            current.push((fields[0].to_string(), fields[3].to_string()));
        }
    }
    Some(docs)
}

fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PER",
        EntityKind::Organization => "ORG",
        EntityKind::Place => "LOC",
        EntityKind::Nationality => "MISC",
    }
}

fn prf(tp: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = if predicted == 0 {
        0.0
    } else {
        tp as f64 / predicted as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

#[test]
fn conll2003_testb_exact_match() {
    let Some(docs) = read() else {
        eprintln!("skipped: {PATH} not found");
        return;
    };
    // Per label: (true positives, predicted, gold).
    let mut counts: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for d in &docs {
        let predicted: Gold = extract_entities(&d.doc, &d.text)
            .into_iter()
            .map(|m| (m.span.start, m.span.end, kind_label(m.kind)))
            .collect();
        for label in ["PER", "ORG", "LOC", "MISC"] {
            let c = counts.entry(label).or_default();
            let p: Vec<_> = predicted.iter().filter(|e| e.2 == label).collect();
            c.0 += p.iter().filter(|e| d.gold.contains(e)).count();
            c.1 += p.len();
            c.2 += d.gold.iter().filter(|e| e.2 == label).count();
        }
    }
    let mut total = (0, 0, 0);
    println!(
        "CoNLL-2003 eng.testb, {} documents, exact match:",
        docs.len()
    );
    for (label, (tp, pr, gd)) in &counts {
        let (p, r, f) = prf(*tp, *pr, *gd);
        println!(
            "  {label:<5} P {p:.3}  R {r:.3}  F1 {f:.3}  (tp {tp}, predicted {pr}, gold {gd})"
        );
        total = (total.0 + tp, total.1 + pr, total.2 + gd);
    }
    let (p, r, f) = prf(total.0, total.1, total.2);
    println!("  all   P {p:.3}  R {r:.3}  F1 {f:.3}");
    let (tp, pr, gd) = counts
        .iter()
        .filter(|(l, _)| **l != "MISC")
        .fold((0, 0, 0), |a, (_, c)| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
    let (p3, r3, f3) = prf(tp, pr, gd);
    println!("  PER+ORG+LOC  P {p3:.3}  R {r3:.3}  F1 {f3:.3}");
    assert!(f >= MIN_F1, "F1 {f:.3} below {MIN_F1}");
    assert!(p >= MIN_PRECISION, "precision {p:.3} below {MIN_PRECISION}");
}
