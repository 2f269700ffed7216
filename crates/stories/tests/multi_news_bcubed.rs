//! B-cubed precision/recall of online story clustering on Multi-News validation (each line
//! is one true story), with the clustering speed. Ignored by default (slow in debug builds);
//! run with
//! `cargo test --release -p dossier-stories --test multi_news_bcubed -- --ignored --nocapture`.
//!
//! All 15,317 articles are shuffled together (fixed seed) and streamed. Dev part = the stories
//! whose Multi-News id is even (the parameters were chosen there), held-out part = odd ids;
//! each part is also streamed on its own, as `eval/stories_baseline.py` clusters each part.

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
    let mut docs: Vec<Labelled> = dossier_ingest::read_paths(&[path])
        .flatten()
        .map(|d| {
            let truth = match d.extra.get("cluster") {
                Some(serde_json::Value::String(s)) => s.clone(),
                other => panic!("no cluster id: {other:?}"),
            };
            let dev = truth.parse::<u64>().expect("numeric cluster id") % 2 == 0;
            let features = features(&d, &analyze(&d));
            Labelled {
                truth,
                dev,
                features,
            }
        })
        .collect();
    let analysed = start.elapsed().as_secs_f64();
    println!(
        "Multi-News validation: {} articles read, analysed and turned into features in {:.1} s ({:.0} docs/s)",
        docs.len(),
        analysed,
        docs.len() as f64 / analysed
    );
    // Shuffle all articles together: stories arrive interleaved. No dates in Multi-News.
    shuffle(&mut docs);
    for params in param_sets() {
        println!("\n{params:?}");
        let [_, _, all] = evaluate("Multi-News", &docs, params);
        assert!(all.f1 > 0.5, "clustering collapsed: F1 {}", all.f1);
    }
}
