//! Claim grouping on very large stories: the first N articles of Multi-News validation (real
//! news text, hundreds of different stories) concatenated into ONE story, and the 6,366
//! headlines of the UCI News Aggregator sample (87 stories, many outlets each) as ONE story,
//! run through the stages before the claims stage, then `build_claims` timed alone.
//!
//! `cargo bench -p dossier-claims --bench claims [-- N... uci]` (default 200 and 2,000
//! articles, and the headlines; `CLAIMS_BENCH_RUNS` runs each, default 5). Prints, per
//! story, the sentences the claims stage reads (body and headline), the fastest and the
//! median run of `build_claims` with sentences/s, the least CPU time of a run (steadier than
//! elapsed time on a shared machine), a digest of the claims made (equal digests: the same
//! claims, to compare two builds), and peak resident memory (`VmHWM`) after preparing the
//! story and after the runs.

#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use common::prepare::uci_headlines;
use common::Prepared;
use dossier_claims::Claim;
use dossier_core::Document;
use dossier_text::ParagraphKind;

/// Runs of `build_claims` per story; the fastest and the median are printed (the machine is
/// shared, so one run says little). `CLAIMS_BENCH_RUNS` overrides it.
const RUNS: usize = 5;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let mut uci = args.iter().any(|a| a == "uci");
    if sizes.is_empty() && !uci {
        sizes = vec![200, 2_000];
        uci = true;
    }
    let runs = std::env::var("CLAIMS_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(RUNS)
        .max(1);
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let source = data.join("multi-news/validation.jsonl.gz");
    if !sizes.is_empty() && source.exists() {
        let most = sizes.iter().copied().max().unwrap_or(0);
        let articles: Vec<_> = dossier_ingest::read_paths(&[source])
            .flatten()
            .take(most)
            .collect();
        for &n in &sizes {
            let docs = articles[..n.min(articles.len())].to_vec();
            let label = format!("{} Multi-News articles as one story", docs.len());
            measure(&label, docs, runs);
        }
    } else if !sizes.is_empty() {
        eprintln!("benchmark corpus {} not found; skipping", source.display());
    }
    let headlines = data.join("uci-news-aggregator-partial/uci-news-aggregator.first6366.csv");
    if uci && headlines.exists() {
        let docs = uci_headlines(&headlines);
        let label = format!(
            "{} UCI News Aggregator headlines (87 stories, up to 322 reports of one) as one story",
            docs.len()
        );
        measure(&label, docs, runs);
    } else if uci {
        eprintln!(
            "benchmark corpus {} not found; skipping",
            headlines.display()
        );
    }
}

/// Prepares `docs` as one story and times `build_claims` on it `runs` times.
fn measure(label: &str, docs: Vec<Document>, runs: usize) {
    let prepared = Prepared::new(docs);
    let sentences: usize = prepared
        .texts
        .iter()
        .map(|t| {
            t.sentences
                .iter()
                .filter(|s| {
                    matches!(
                        t.sentence_kind(s),
                        ParagraphKind::Body | ParagraphKind::Headline
                    )
                })
                .count()
        })
        .sum();
    let prepared_peak = peak_memory_mb();
    let mut times = Vec::with_capacity(runs);
    let mut cpu_times = Vec::with_capacity(runs);
    let mut digests = Vec::with_capacity(runs);
    let mut count = 0;
    for _ in 0..runs {
        let cpu_before = cpu_seconds();
        let (claims, seconds) = prepared.claims();
        times.push(seconds);
        if let (Some(before), Some(after)) = (cpu_before, cpu_seconds()) {
            cpu_times.push(after - before);
        }
        digests.push(digest(&claims));
        count = claims.len();
    }
    assert!(
        digests.windows(2).all(|w| w[0] == w[1]),
        "build_claims is not deterministic"
    );
    times.sort_by(f64::total_cmp);
    cpu_times.sort_by(f64::total_cmp);
    let (fastest, median) = (times[0], times[runs / 2]);
    let cpu = cpu_times
        .first()
        .map_or("?".into(), |s| format!("{s:.3} s"));
    println!(
        "{label}: {sentences} sentences, {count} claims (digest {:016x}); \
         build_claims fastest {fastest:.3} s ({:.0} sentences/s), median {median:.3} s, \
         least CPU time {cpu}; peak memory {} MB after preparing, {} MB after build_claims",
        digests[0],
        sentences as f64 / fastest,
        prepared_peak.map_or("?".into(), |m| m.to_string()),
        peak_memory_mb().map_or("?".into(), |m| m.to_string()),
    );
}

/// A digest of everything `build_claims` decides: each claim's mentions, sources, support,
/// dispute and representative, in order.
fn digest(claims: &[Claim]) -> u64 {
    let mut h = DefaultHasher::new();
    for c in claims {
        for m in &c.mentions {
            (m.doc, m.sentence, m.stance, &m.chain, m.headline).hash(&mut h);
        }
        (&c.asserted_by, &c.denied_by, c.independent_sources).hash(&mut h);
        (c.disputed, c.representative).hash(&mut h);
    }
    h.finish()
}

/// CPU time this thread has run, in seconds (`/proc/thread-self/schedstat`, nanoseconds):
/// on a shared machine it varies less than the elapsed time.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

/// The process's peak resident memory in MB, where `/proc` tells it.
fn peak_memory_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}
