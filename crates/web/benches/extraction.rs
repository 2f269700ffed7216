//! Main-text extraction on the article-extraction-benchmark: F1 as the benchmark defines
//! it (see `dossier_web::benchmark`) and pages per second, single-threaded.
//!
//! `cargo bench -p dossier-web --bench extraction` (needs `../shared/data` beside the
//! project). Set `DOSSIER_EXTRACTION_DUMP=FILE` to write the predictions in the
//! benchmark's JSON format, and `DOSSIER_EXTRACTION_REFERENCES=1` to score the
//! benchmark's stored outputs of other extractors with the same scorer.

use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

use dossier_web::benchmark::score;
use serde_json::{json, Map, Value};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/article-extraction-benchmark");
    if !base.exists() {
        eprintln!("no benchmark at {}; skipped", base.display());
        return Ok(());
    }
    let truth: Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(base.join("ground-truth.json"))?)?;
    let mut hashes: Vec<&String> = truth.keys().collect();
    hashes.sort();
    let mut pages = Vec::new();
    for hash in &hashes {
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(
            base.join("html").join(format!("{hash}.html.gz")),
        )?)
        .read_to_end(&mut html)?;
        pages.push(html);
    }
    let expected: Vec<&str> = hashes
        .iter()
        .map(|h| truth[*h]["articleBody"].as_str().unwrap_or(""))
        .collect();

    if std::env::var_os("DOSSIER_EXTRACTION_REFERENCES").is_some() {
        for entry in std::fs::read_dir(base.join("reference-outputs"))? {
            let path = entry?.path();
            let outputs: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
            let predicted: Vec<&str> = hashes
                .iter()
                .map(|h| {
                    outputs["output"][h.as_str()]["articleBody"]
                        .as_str()
                        .unwrap_or("")
                })
                .collect();
            let s = score(expected.iter().copied().zip(predicted.iter().copied()));
            println!(
                "reference {:<28} P {:.3} R {:.3} F1 {:.3}",
                path.file_stem().unwrap_or_default().to_string_lossy(),
                s.precision,
                s.recall,
                s.f1
            );
        }
    }

    let bytes: usize = pages.iter().map(Vec::len).sum();
    // The machine is shared: time several passes and report the best and the median.
    let repeat: usize = std::env::var("DOSSIER_EXTRACTION_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1);
    let mut times = Vec::with_capacity(repeat);
    let mut predicted: Vec<String> = Vec::new();
    for _ in 0..repeat {
        let started = Instant::now();
        predicted = pages
            .iter()
            .zip(&hashes)
            .map(|(html, hash)| {
                let url = truth[*hash]["url"].as_str();
                dossier_web::extract_article(html, url, None)
                    .map(|a| a.body)
                    .unwrap_or_default()
            })
            .collect();
        times.push(started.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let seconds = times[0];
    let median = times[times.len() / 2];
    let all = score(
        expected
            .iter()
            .copied()
            .zip(predicted.iter().map(String::as_str)),
    );
    let half = |parity: usize| {
        score(
            expected
                .iter()
                .zip(&predicted)
                .enumerate()
                .filter(|(i, _)| i % 2 == parity)
                .map(|(_, (e, p))| (*e, p.as_str())),
        )
    };
    let (even, odd) = (half(0), half(1));
    println!(
        "dossier   P {:.3} R {:.3} F1 {:.3} on {} pages (even half F1 {:.3}, odd half F1 {:.3})",
        all.precision, all.recall, all.f1, all.pages, even.f1, odd.f1
    );
    println!(
        "dossier   {:.1} pages/s, {:.1} MB/s, one thread (best of {repeat}; median {:.1} pages/s)",
        pages.len() as f64 / seconds,
        bytes as f64 / seconds / 1e6,
        pages.len() as f64 / median
    );
    if let Some(path) = std::env::var_os("DOSSIER_EXTRACTION_DUMP") {
        let output: Map<String, Value> = hashes
            .iter()
            .zip(&predicted)
            .map(|(h, p)| (h.to_string(), json!({ "articleBody": p })))
            .collect();
        std::fs::write(path, serde_json::to_string(&json!({ "output": output }))?)?;
    }
    Ok(())
}
