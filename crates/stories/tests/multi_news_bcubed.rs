//! B-cubed precision/recall of online story clustering on Multi-News validation (each line
//! is one true story), with the clustering speed. Ignored by default (slow in debug builds);
//! run with
//! `cargo test --release -p dossier-stories --test multi_news_bcubed -- --ignored --nocapture`
//! (or `bash eval/stories.sh`, which runs the scikit-learn baseline beside it).
//!
//! All 15,317 articles are shuffled together (fixed seed) and streamed, undated (Multi-News
//! has no dates). Dev part = the stories whose Multi-News id is even (the parameters were
//! chosen there), held-out part = odd ids; each part is also streamed on its own, as
//! `eval/stories_baseline.py` clusters each part.

mod common;

use std::path::PathBuf;
use std::time::Instant;

use common::{evaluate, param_sets, shuffle, Labelled};
use dossier_stories::features;
use dossier_text::analyze;

#[test]
#[ignore]
fn bcubed_on_multi_news_validation() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/multi-news/validation.jsonl.gz");
    if !path.exists() {
        eprintln!("{} missing; skipping", path.display());
        return;
    }
    let start = Instant::now();
    let read: Vec<(String, dossier_core::Document)> = dossier_ingest::read_paths(&[path])
        .flatten()
        .map(|d| match d.extra.get("cluster") {
            Some(serde_json::Value::String(s)) => (s.clone(), d),
            other => panic!("no cluster id: {other:?}"),
        })
        .collect();
    let analysed: Vec<_> = read.iter().map(|(_, d)| analyze(d)).collect();
    let analysis = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let mut docs: Vec<Labelled> = read
        .iter()
        .zip(&analysed)
        .map(|((truth, d), text)| Labelled {
            truth: truth.clone(),
            dev: truth.parse::<u64>().expect("numeric cluster id") % 2 == 0,
            features: features(d, text),
        })
        .collect();
    let features_seconds = start.elapsed().as_secs_f64();
    assert_eq!(docs.len(), 15_317);
    println!(
        "Multi-News validation: {} articles read and analysed in {analysis:.1} s; features in {features_seconds:.2} s ({:.0} docs/s)",
        docs.len(),
        docs.len() as f64 / features_seconds
    );
    // Shuffle all articles together: stories arrive interleaved.
    shuffle(&mut docs);
    for params in param_sets() {
        println!("\n{params:?}");
        let [_, _, all] = evaluate("Multi-News", &docs, params, features_seconds);
        assert_eq!(all.truth, 5_622);
        assert!(all.f1 > 0.73, "clustering got worse: F1 {}", all.f1);
    }
}
