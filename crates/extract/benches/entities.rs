//! Entity tagging speed on CoNLL-2003 `eng.testb` (46,435 tokens), one thread, best of 5:
//! the tagger alone on the given tokens (the figure compared with spaCy's NER in
//! `eval/entities.sh`), and the whole `extract_entities` (tokenising, tagger, rules, word
//! lists) on the same text, one sentence per line per document.
//!
//! `cargo bench -p dossier-extract --bench entities`. Skipped when the data is missing.

use std::hint::black_box;
use std::time::Instant;

use dossier_extract::entities::extract_entities;
use dossier_extract::entities::tagger::{conll, Tagger};

const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/conll2003/eng.testb"
);

fn best_of<F: FnMut()>(runs: usize, mut f: F) -> f64 {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let Ok(raw) = std::fs::read_to_string(PATH) else {
        eprintln!("skipped: {PATH} not found");
        return;
    };
    let Some(tagger) = Tagger::bundled() else {
        eprintln!("the bundled model could not be read");
        std::process::exit(1);
    };
    let docs = conll::read(&raw);
    let sentences: Vec<Vec<&str>> = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let words: usize = sentences.iter().map(Vec::len).sum();

    let tagger_secs = best_of(5, || {
        for s in &sentences {
            black_box(tagger.tag(black_box(s)));
        }
    });

    // The same text as the CoNLL evaluation gives extract_entities.
    let built: Vec<conll::BuiltDocument> = docs
        .iter()
        .enumerate()
        .map(|(n, d)| d.build("testb", PATH, n))
        .collect();
    let extract_secs = best_of(5, || {
        for b in &built {
            black_box(extract_entities(&b.doc, &b.text));
        }
    });

    println!(
        "CoNLL-2003 eng.testb: {} documents, {} sentences, {words} words; best of 5, one thread",
        docs.len(),
        sentences.len()
    );
    println!(
        "tagger (tokens given):     {:.3} s  {:>10.0} words/s",
        tagger_secs,
        words as f64 / tagger_secs
    );
    println!(
        "extract_entities (text):   {:.3} s  {:>10.0} words/s",
        extract_secs,
        words as f64 / extract_secs
    );
}
