//! Whole-pipeline benchmark: ingest (read, text, store, stories) and a brief for every story,
//! on the first N articles of Multi-News validation (real news text), single-threaded.
//!
//! `cargo bench --bench pipeline [-- N]` (default 10,000). Prints documents/s for each phase,
//! the process's peak resident memory, and how many pairs of timeline events the briefs flag
//! as conflicting dates (`DOSSIER_SHOW_CONFLICTS=1` prints them, to read by hand).

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use dossier_pipeline::{brief_for_story, ingest, BriefOptions};
use dossier_store::Store;

fn main() {
    let wanted: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/multi-news/validation.jsonl.gz");
    if !source.exists() {
        eprintln!("benchmark corpus {} not found; skipping", source.display());
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&corpus).expect("corpus file"));
    let mut n = 0;
    let mut bytes = 0;
    for doc in dossier_ingest::read_paths(&[source]).flatten() {
        if n == wanted {
            break;
        }
        bytes += doc.text.len();
        let line = serde_json::json!({"id": doc.id, "text": doc.text});
        writeln!(out, "{line}").expect("write corpus");
        n += 1;
    }
    drop(out);
    println!("corpus: {n} articles, {:.1} MB of text", bytes as f64 / 1e6);

    let mut store = Store::open(&dir.path().join("bench.sqlite")).expect("store");
    let start = Instant::now();
    let summary = ingest(&mut store, &[corpus], &mut |_| {}).expect("ingest");
    let ingest_time = start.elapsed().as_secs_f64();
    println!(
        "ingest (read, text, store with FTS5, stories): {} docs in {:.2} s = {:.0} docs/s; {} stories",
        summary.inserted,
        ingest_time,
        summary.inserted as f64 / ingest_time,
        store.stories().expect("stories").len()
    );

    let start = Instant::now();
    let stories = store.stories().expect("stories");
    let mut items = 0;
    let mut date_conflicts = 0;
    for s in &stories {
        let b = brief_for_story(&store, s.id, BriefOptions::default()).expect("brief");
        items += b.claims.len() + b.quotes.len() + b.figures.len() + b.timeline.len();
        for (first, second) in b.timeline_conflicts() {
            date_conflicts += 1;
            if std::env::var_os("DOSSIER_SHOW_CONFLICTS").is_some() {
                println!("dates differ: {first}\n           vs {second}");
            }
        }
    }
    let brief_time = start.elapsed().as_secs_f64();
    println!(
        "briefs (reuse, extract, claims, summary) for {} stories: {:.2} s = {:.0} docs/s ({items} items)",
        stories.len(),
        brief_time,
        n as f64 / brief_time
    );
    println!(
        "timeline: {date_conflicts} pairs of events flagged as dating one happening differently"
    );
    let total = ingest_time + brief_time;
    println!("whole pipeline: {:.0} docs/s", n as f64 / total);
    println!("peak memory (VmHWM): {}", peak_memory());
}

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".to_string())
}
