//! B-cubed precision/recall of online story clustering on Multi-News validation (each line
//! is one true story). Ignored by default (slow in debug builds); run with
//! `cargo test --release -p dossier-stories --test multi_news_bcubed -- --ignored --nocapture`.

use std::collections::HashMap;
use std::path::PathBuf;

use dossier_stories::{features, Clusterer, Params};
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
    let mut docs: Vec<(String, dossier_stories::DocFeatures)> = dossier_ingest::read_paths(&[path])
        .flatten()
        .map(|d| {
            let truth = d
                .extra
                .get("cluster")
                .map(|c| c.to_string())
                .unwrap_or_default();
            let f = features(&d, &analyze(&d));
            (truth, f)
        })
        .collect();
    // Shuffle all articles together (fixed seed): stories arrive interleaved.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..docs.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        docs.swap(i, (state % (i as u64 + 1)) as usize);
    }
    let thresholds: Vec<f32> = std::env::var("DOSSIER_JOIN_THRESHOLDS")
        .ok()
        .map(|v| v.split(',').filter_map(|x| x.parse().ok()).collect())
        .unwrap_or_else(|| vec![Params::default().join_threshold]);
    for join_threshold in thresholds {
        let merge_threshold = std::env::var("DOSSIER_MERGE_THRESHOLD")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(Params::default().merge_threshold);
        let params = Params {
            join_threshold,
            merge_threshold,
            ..Params::default()
        };
        let f1 = score(&docs, params);
        assert!(f1 > 0.5, "clustering collapsed: F1 {f1}");
    }
}

fn score(docs: &[(String, dossier_stories::DocFeatures)], params: Params) -> f64 {
    let mut clusterer = Clusterer::new(params, 1);
    let mut predicted: Vec<i64> = Vec::with_capacity(docs.len());
    let mut merged_into: HashMap<i64, i64> = HashMap::new();
    for (_, f) in docs {
        let a = clusterer.assign(f);
        for m in a.merged {
            merged_into.insert(m, a.story);
        }
        predicted.push(a.story);
    }
    let resolve = |mut s: i64| {
        while let Some(&n) = merged_into.get(&s) {
            s = n;
        }
        s
    };
    let predicted: Vec<i64> = predicted.into_iter().map(resolve).collect();
    let truth: Vec<&str> = docs.iter().map(|(t, _)| t.as_str()).collect();
    let mut pair_count: HashMap<(&str, i64), f64> = HashMap::new();
    let mut truth_size: HashMap<&str, f64> = HashMap::new();
    let mut pred_size: HashMap<i64, f64> = HashMap::new();
    for (t, p) in truth.iter().zip(&predicted) {
        *pair_count.entry((t, *p)).or_default() += 1.0;
        *truth_size.entry(t).or_default() += 1.0;
        *pred_size.entry(*p).or_default() += 1.0;
    }
    let n = truth.len() as f64;
    let (mut precision, mut recall) = (0.0, 0.0);
    for (t, p) in truth.iter().zip(&predicted) {
        let both = pair_count[&(*t, *p)];
        precision += both / pred_size[p];
        recall += both / truth_size[t];
    }
    precision /= n;
    recall /= n;
    let f1 = 2.0 * precision * recall / (precision + recall);
    println!(
        "Multi-News validation, {} articles shuffled, join threshold {}: B-cubed P {:.3} R {:.3} F1 {:.3}; {} stories found, {} true",
        truth.len(),
        params.join_threshold,
        precision,
        recall,
        f1,
        pred_size.len(),
        truth_size.len()
    );
    f1
}
