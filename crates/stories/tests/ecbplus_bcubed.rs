//! B-cubed precision/recall of online story clustering on ECB+ (Cybulska and Vossen, 2014):
//! 982 articles in 43 topics, each topic two different real events of the same kind (files
//! `N_Kecb.xml` one, `N_Kecbplus.xml` the other), so the 86 true stories come in deliberately
//! confusable pairs (two different earthquakes must be two stories).
//!
//! Articles are the corpus tokens joined with spaces, one sentence a line (sentence 0 of the
//! ecbplus files, the address the article was found at, is left out). ECB+ has no reliable
//! publication dates, so the articles are undated and the date window plays no part. All
//! articles are shuffled together (fixed seed) and streamed. Dev part = topics 1–35 (the
//! parameters were chosen there), held-out part = topics 36–45 (the usual ECB+ test topics);
//! each part is also streamed on its own.
//!
//! Self-skipping when the corpus is missing; quick in release builds:
//! `cargo test --release -p dossier-stories --test ecbplus_bcubed -- --nocapture`.

mod common;

use std::time::Instant;

use common::{ecbplus_articles, evaluate, param_sets, shuffle, Labelled};
use dossier_stories::features;
use dossier_text::analyze;

/// Last topic of the dev part.
const LAST_DEV_TOPIC: u32 = 35;

#[test]
fn bcubed_on_ecbplus() {
    let Some(articles) = ecbplus_articles() else {
        return;
    };
    assert_eq!(articles.len(), 982);
    let documents: Vec<_> = articles.iter().map(|a| a.document()).collect();
    let analysed: Vec<_> = documents.iter().map(analyze).collect();
    let start = Instant::now();
    let mut docs: Vec<Labelled> = articles
        .iter()
        .zip(documents.iter().zip(&analysed))
        .map(|(a, (d, text))| Labelled {
            truth: a.story(),
            dev: a.topic <= LAST_DEV_TOPIC,
            features: features(d, text),
        })
        .collect();
    let features_seconds = start.elapsed().as_secs_f64();
    shuffle(&mut docs);
    for params in param_sets() {
        println!("\n{params:?}");
        let [_, _, all] = evaluate("ECB+", &docs, params, features_seconds);
        assert_eq!(all.truth, 86);
        assert!(all.f1 > 0.85, "clustering got worse: F1 {}", all.f1);
    }
}
