//! Shared by the story-clustering evaluations: the fixed shuffle, B-cubed scoring, timing and
//! the printed rows.

#![allow(dead_code)]

use std::collections::HashMap;
use std::time::Instant;

use dossier_stories::{Clusterer, DocFeatures, Params};

#[path = "../ecbplus/mod.rs"]
mod ecbplus;

/// One article of an evaluation set: its true story, whether it is in the dev part (the part
/// parameters were tuned on), and its features.
pub struct Labelled {
    /// The true story.
    pub truth: String,
    /// In the dev part (else held out).
    pub dev: bool,
    /// What the clusterer sees.
    pub features: DocFeatures,
}

/// Shuffles in place with a fixed xorshift seed, so every run streams the same order.
pub fn shuffle<T>(items: &mut [T]) {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        items.swap(i, (state % (i as u64 + 1)) as usize);
    }
}

/// The parameter sets to run: the defaults, or for tuning runs each `;`-separated set of
/// overrides in `DOSSIER_STORIES`, e.g. `DOSSIER_STORIES='join=0.28,merge=0.4;join=0.32'`.
pub fn param_sets() -> Vec<Params> {
    let Ok(spec) = std::env::var("DOSSIER_STORIES") else {
        return vec![Params::default()];
    };
    spec.split(';')
        .map(|set| {
            let mut p = Params::default();
            for item in set.split(',').filter(|s| !s.trim().is_empty()) {
                let (key, value) = item.trim().split_once('=').expect("name=value");
                let v: f32 = value.parse().expect("a number");
                match key {
                    "join" => p.join_threshold = v,
                    "merge" => p.merge_threshold = v,
                    "copy" => p.copy_bonus = v,
                    "window" => p.window_days = v as i64,
                    "repeat" => p.repeat_max_terms = v as usize,
                    "name" => p.name_weight = v,
                    "offset" => p.cased_offset = v,
                    "cmax" => p.copy_max_stories = v as usize,
                    "cased" => p.cased_share = v,
                    "number" => p.number_weight = v,
                    "nearest" => p.nearest_weight = v,
                    "move" => p.move_margin = v,
                    "dmargin" => p.defer_margin = v,
                    "dtie" => p.defer_tie = v,
                    "ddocs" => p.defer_docs = v as usize,
                    other => panic!("unknown parameter {other}"),
                }
            }
            p
        })
        .collect()
}

/// B-cubed figures of one clustering run.
#[derive(Debug, Clone, Copy)]
pub struct Score {
    /// B-cubed precision.
    pub precision: f64,
    /// B-cubed recall.
    pub recall: f64,
    /// Their harmonic mean.
    pub f1: f64,
    /// Stories found.
    pub found: usize,
    /// True stories.
    pub truth: usize,
    /// Articles clustered.
    pub docs: usize,
    /// Seconds spent in the clusterer (`push` and `flush`) for all of them.
    pub seconds: f64,
    /// Documents moved to another story after they had been placed.
    pub moves: usize,
    /// Documents held back for a deferred decision.
    pub held: usize,
}

/// Streams `docs` in their order through a fresh clusterer ([`Clusterer::push`], then
/// [`Clusterer::flush`]) and scores the stories against the truth (moved documents in the
/// story they were moved to, merged stories followed to the story they went into).
pub fn cluster_and_score(docs: &[&Labelled], params: Params) -> Score {
    let mut clusterer = Clusterer::new(params, 1);
    let mut predicted: Vec<i64> = vec![0; docs.len()];
    let mut merged_into: HashMap<i64, i64> = HashMap::new();
    let (mut moves, mut placed_at_once) = (0, 0);
    let start = Instant::now();
    let mut record = |assignments: Vec<dossier_stories::Assignment>, pushed: Option<usize>| {
        for a in assignments {
            if Some(a.doc as usize) == pushed {
                placed_at_once += 1;
            }
            moves += a.moved.len();
            predicted[a.doc as usize] = a.story;
            for m in a.merged {
                assert!(m > a.story, "a merge keeps the older id");
                merged_into.insert(m, a.story);
            }
            for m in a.moved {
                predicted[m.doc as usize] = m.to;
            }
        }
    };
    for (i, d) in docs.iter().enumerate() {
        record(clusterer.push(&d.features), Some(i));
    }
    record(clusterer.flush(), None);
    assert!(predicted.iter().all(|&s| s > 0), "every document placed");
    let seconds = start.elapsed().as_secs_f64();
    let resolve = |mut s: i64| {
        while let Some(&n) = merged_into.get(&s) {
            s = n;
        }
        s
    };
    let predicted: Vec<i64> = predicted.into_iter().map(resolve).collect();
    let truth: Vec<&str> = docs.iter().map(|d| d.truth.as_str()).collect();
    let (precision, recall, found, true_stories) = bcubed(&truth, &predicted);
    Score {
        precision,
        recall,
        f1: 2.0 * precision * recall / (precision + recall),
        found,
        truth: true_stories,
        docs: docs.len(),
        seconds,
        moves,
        held: docs.len() - placed_at_once,
    }
}

/// B-cubed precision and recall, stories found and true stories.
pub fn bcubed(truth: &[&str], predicted: &[i64]) -> (f64, f64, usize, usize) {
    let mut pair_count: HashMap<(&str, i64), f64> = HashMap::new();
    let mut truth_size: HashMap<&str, f64> = HashMap::new();
    let mut pred_size: HashMap<i64, f64> = HashMap::new();
    for (t, p) in truth.iter().zip(predicted) {
        *pair_count.entry((t, *p)).or_default() += 1.0;
        *truth_size.entry(t).or_default() += 1.0;
        *pred_size.entry(*p).or_default() += 1.0;
    }
    let n = truth.len() as f64;
    let (mut precision, mut recall) = (0.0, 0.0);
    for (t, p) in truth.iter().zip(predicted) {
        let both = pair_count[&(*t, *p)];
        precision += both / pred_size[p];
        recall += both / truth_size[t];
    }
    (precision / n, recall / n, pred_size.len(), truth_size.len())
}

/// Runs the dev part, the held-out part and everything (each streamed on its own through a
/// fresh clusterer, in the shuffled order) and prints one table row each; returns the scores
/// in that order. `features_seconds` is the time `features` took for all of `docs` (after
/// `analyze`), so the last column is the clusterer's own speed, features + assign.
pub fn evaluate(
    dataset: &str,
    docs: &[Labelled],
    params: Params,
    features_seconds: f64,
) -> [Score; 3] {
    let dev: Vec<&Labelled> = docs.iter().filter(|d| d.dev).collect();
    let held_out: Vec<&Labelled> = docs.iter().filter(|d| !d.dev).collect();
    let all: Vec<&Labelled> = docs.iter().collect();
    let features_per_doc = features_seconds / docs.len() as f64;
    println!(
        "| {dataset} | part | articles | B-cubed P | R | F1 | stories found / true | assign docs/s | features + assign docs/s | F1, 4 places | moved | held |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    let mut out = Vec::new();
    for (name, part) in [("dev", &dev), ("held-out", &held_out), ("all", &all)] {
        let s = cluster_and_score(part, params);
        println!(
            "| Dossier | {name} | {} | {:.3} | {:.3} | {:.3} | {} / {} | {:.0} | {:.0} | {:.4} | {} | {} |",
            s.docs,
            s.precision,
            s.recall,
            s.f1,
            s.found,
            s.truth,
            s.docs as f64 / s.seconds,
            s.docs as f64 / (s.seconds + features_per_doc * s.docs as f64),
            s.f1,
            s.moves,
            s.held
        );
        out.push(s);
    }
    [out[0], out[1], out[2]]
}

/// One ECB+ article as text.
pub struct EcbArticle {
    /// Topic number (1–45; 15 and 17 are not in the corpus).
    pub topic: u32,
    /// `ecb` or `ecbplus`: which of the topic's two events it reports.
    pub event: &'static str,
    /// File name, e.g. `1_10ecbplus.xml`.
    pub file: String,
    /// The tokens joined with spaces, one sentence a line.
    pub text: String,
}

impl EcbArticle {
    /// The true story: topic and event.
    pub fn story(&self) -> String {
        format!("{}{}", self.topic, self.event)
    }

    /// The article as a bare document (ECB+ has no dates or other metadata).
    pub fn document(&self) -> dossier_core::Document {
        dossier_core::Document::plain(&self.file, &self.text)
    }
}

/// The ECB+ articles directory (`ECB+/`, one folder per topic) beside the checkout, if
/// present.
pub fn ecbplus_dir() -> Option<std::path::PathBuf> {
    Some(ecbplus::corpus_dir()?.join("ECB+"))
}

/// Reads one ECB+ file (`<topic>/<topic>_<n>ecb.xml` or `..ecbplus.xml`) as text.
pub fn read_ecbplus_file(path: &std::path::Path) -> EcbArticle {
    let f = ecbplus::read_file(path);
    let text = f
        .sentences()
        .values()
        .map(|tokens| tokens.join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    EcbArticle {
        topic: f.topic,
        event: f.event,
        file: f.file,
        text,
    }
}

/// All ECB+ articles, in topic and file-name order.
pub fn ecbplus_articles() -> Option<Vec<EcbArticle>> {
    let dir = ecbplus::corpus_dir()?;
    let mut articles: Vec<EcbArticle> = ecbplus::article_paths(&dir)
        .iter()
        .map(|p| read_ecbplus_file(p))
        .collect();
    articles.sort_by(|a, b| a.topic.cmp(&b.topic).then_with(|| a.file.cmp(&b.file)));
    Some(articles)
}
