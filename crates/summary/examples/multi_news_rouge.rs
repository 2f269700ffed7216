//! Dossier's summaries of Multi-News validation clusters, scored with ROUGE.
//!
//! ```sh
//! cargo run --release -p dossier-summary --example multi_news_rouge -- [--out FILE]
//!     [--data FILE] [--limit N] [--words 300] [--params k=v,...] [--grid FILE] [--tune]
//!     [--claims]
//! ```
//!
//! Each cluster's articles become documents (ids `<cluster>.<n>`, empty articles skipped, as
//! ingest does), go through `dossier_text::analyze` and `mark_repeated_paragraphs` and
//! `dossier_reuse::find_reuse` (copy groups), exactly as a brief does, and every body
//! sentence is a candidate. The summarizer ranks all candidates (no length limit); the
//! evaluation then takes them in rank order until `--words` words, truncating the last, and
//! lists them in the summarizer's reading order: the rule `eval/rouge_sumy.py` applies to
//! every system. ROUGE-1/2/L F-measures (`rouge-score` definitions, Porter stemmer) are
//! printed for the tuning split (first half of the clusters), the held-out split (second
//! half) and all. `--out` writes one JSON line per cluster: `id`, `split`, `ranked` (the
//! ranked sentences), `order` (each one's place in reading order), `summary` (the
//! truncated text scored) and `rouge` (its [R1, R2, RL] F-measures, 0 to 1).
//!
//! `--claims` also runs the stages a brief runs before the summary (extraction, figure groups,
//! story entities, `dossier_claims::build_claims`) and gives each candidate its claim, as the
//! pipeline does: the summary then favours claims with independent sources and never takes
//! two sentences on one side of a claim. Without it no candidate has a claim (the setting
//! `Params::default()` was tuned in).
//!
//! `--grid FILE` scores each line of FILE (a `--params` string) instead, one row each;
//! `--params` keys are the fields of `dossier_summary::Params`. `--tune` runs the coordinate
//! ascent that set `Params::default()`: on the tuning split only, objective R1 + R2 + RL.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::time::Instant;

use std::collections::HashMap;

use dossier_claims::{build_claims, ClaimInput, Stance};
use dossier_core::Document;
use dossier_summary::rouge::{rouge, RougeMeans};
use dossier_summary::{summarize, Candidate, ClaimRef, DocumentInfo, Length, Params, SummaryInput};

/// The stages before the claims stage, as the claims tests run them (text analysis with
/// repeated-line marking, reuse, extraction, figure groups, story entities).
#[path = "../../claims/tests/common/prepare.rs"]
mod prepare;

struct Cluster {
    id: String,
    reference: String,
    /// Body sentences: (document, position among its body sentences, text, copy group).
    sentences: Vec<(usize, usize, String, Option<usize>)>,
    /// The claim of each body sentence (with `--claims`).
    claims: Vec<Option<ClaimRef>>,
    documents: usize,
}

fn prepare(id: String, reference: String, articles: Vec<String>, with_claims: bool) -> Cluster {
    let docs: Vec<Document> = articles
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.trim().is_empty())
        .map(|(n, a)| Document::plain(&format!("{id}.{n}"), a.trim()))
        .collect();
    let story = prepare::Prepared::new(docs);
    // As the pipeline gives the summary its claims: each mention's sentence, its side.
    let mut claim_of: HashMap<(usize, usize), ClaimRef> = HashMap::new();
    if with_claims {
        let inputs: Vec<ClaimInput<'_>> = (0..story.docs.len())
            .map(|d| ClaimInput {
                doc: &story.docs[d],
                text: &story.texts[d],
                extractions: &story.extractions[d],
                figure_groups: &story.figure_groups[d],
            })
            .collect();
        for (c, claim) in build_claims(&inputs, &story.reuse, &story.entities)
            .iter()
            .enumerate()
        {
            for m in &claim.mentions {
                claim_of.insert(
                    (m.doc, m.sentence),
                    ClaimRef {
                        id: c,
                        denies: m.stance == Stance::Denies,
                        independent_sources: claim.independent_sources,
                    },
                );
            }
        }
    }
    let mut sentences = Vec::new();
    let mut claims = Vec::new();
    for (d, text) in story.texts.iter().enumerate() {
        for (position, (s, sentence)) in text.body_sentences().enumerate() {
            sentences.push((
                d,
                position,
                sentence.span.slice(&story.docs[d].text).to_string(),
                story.reuse.group_of.get(&(d, s)).copied(),
            ));
            claims.push(claim_of.get(&(d, s)).copied());
        }
    }
    Cluster {
        id,
        reference,
        sentences,
        claims,
        documents: story.docs.len(),
    }
}

/// Takes `ranked` sentences in order until `budget` words (the last one cut to fit), then
/// lists them by `order` (each ranked sentence's place in the system's reading order).
fn fit_to_words(ranked: &[&str], order: &[usize], budget: usize) -> String {
    let mut taken: Vec<(usize, String)> = Vec::new();
    let mut left = budget;
    for (text, &place) in ranked.iter().zip(order) {
        if left == 0 {
            break;
        }
        let words: Vec<&str> = text.split_whitespace().take(left).collect();
        left -= words.len();
        taken.push((place, words.join(" ")));
    }
    taken.sort_by_key(|(place, _)| *place);
    taken
        .into_iter()
        .map(|(_, t)| t)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn parse_params(spec: &str) -> Params {
    let mut p = Params::default();
    for pair in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (key, value) = pair
            .split_once('=')
            .unwrap_or_else(|| panic!("bad parameter {pair:?}: want key=value"));
        let f = || -> f32 { value.parse().expect("number") };
        let u = || -> usize { value.parse().expect("whole number") };
        match key {
            "min_words" => p.min_words = u(),
            "max_words" => p.max_words = u(),
            "centroid" => p.centroid = f(),
            "corroboration" => p.corroboration = f(),
            "copies_corroborate" => p.copies_corroborate = u() != 0,
            "salience" => p.salience = f(),
            "position" => p.position = f(),
            "position_scale" => p.position_scale = f(),
            "length" => p.length = f(),
            "quote" => p.quote = f(),
            "document_share" => p.document_share = f(),
            "relatedness" => p.relatedness = f(),
            "claim_support" => p.claim_support = f(),
            "redundancy" => p.redundancy = f(),
            "same_statement" => p.same_statement = f(),
            other => panic!("unknown parameter {other:?}"),
        }
    }
    p
}

struct Run {
    means: [RougeMeans; 2],
    lines: Vec<String>,
    seconds: f64,
    words: usize,
}

fn run(clusters: &[Cluster], params: &Params, budget: usize, keep_lines: bool) -> Run {
    let half = clusters.len().div_ceil(2);
    let mut means = [RougeMeans::default(), RougeMeans::default()];
    let mut lines = Vec::new();
    let mut seconds = 0.0;
    let mut words = 0;
    for (k, cluster) in clusters.iter().enumerate() {
        let input = SummaryInput {
            documents: (0..cluster.documents)
                .map(|order| DocumentInfo { order })
                .collect(),
            candidates: cluster
                .sentences
                .iter()
                .zip(&cluster.claims)
                .map(|((doc, position, text, group), claim)| Candidate {
                    doc: *doc,
                    position: *position,
                    text,
                    copy_group: *group,
                    claim: *claim,
                })
                .collect(),
        };
        let start = Instant::now();
        let summary = summarize(&input, Length::default(), params).expect("valid input");
        seconds += start.elapsed().as_secs_f64();
        let ranked: Vec<&str> = summary
            .ranked
            .iter()
            .map(|&i| cluster.sentences[i].2.as_str())
            .collect();
        let order: Vec<usize> = summary
            .ranked
            .iter()
            .map(|i| {
                summary
                    .sentences
                    .iter()
                    .position(|j| j == i)
                    .expect("chosen")
            })
            .collect();
        let text = fit_to_words(&ranked, &order, budget);
        words += text.split_whitespace().count();
        let scores = rouge(&cluster.reference, &text, true);
        let split = usize::from(k >= half);
        means[split].add(&scores);
        if keep_lines {
            lines.push(
                serde_json::json!({
                    "id": cluster.id,
                    "split": if split == 0 { "tune" } else { "heldout" },
                    "ranked": ranked,
                    "order": order,
                    "summary": text,
                    "rouge": [scores.rouge1.fmeasure, scores.rouge2.fmeasure, scores.rouge_l.fmeasure],
                })
                .to_string(),
            );
        }
    }
    Run {
        means,
        lines,
        seconds,
        words,
    }
}

/// The tuning objective: R1 + R2 + RL (points) over the clusters given.
fn objective(clusters: &[Cluster], params: &Params, budget: usize) -> f64 {
    let r = run(clusters, params, budget, false);
    let p = all(&r.means);
    p[0] + p[1] + p[2]
}

/// Greedy coordinate ascent on the weights: each weight moved up and down by its step,
/// a move kept when the objective on `clusters` (the tuning split) improves; steps halve
/// after a round without a move.
fn coordinate_ascent(clusters: &[Cluster], start: Params, budget: usize) -> Params {
    type Field = fn(&mut Params) -> &mut f32;
    let fields: [(&str, Field, f32); 10] = [
        ("centroid", |p| &mut p.centroid, 0.05),
        ("corroboration", |p| &mut p.corroboration, 0.1),
        ("salience", |p| &mut p.salience, 0.1),
        ("position", |p| &mut p.position, 0.02),
        ("length", |p| &mut p.length, 0.02),
        ("quote", |p| &mut p.quote, 0.03),
        ("document_share", |p| &mut p.document_share, 0.05),
        ("relatedness", |p| &mut p.relatedness, 0.05),
        ("redundancy", |p| &mut p.redundancy, 0.1),
        ("same_statement", |p| &mut p.same_statement, 0.05),
    ];
    let mut best = start;
    let mut best_score = objective(clusters, &best, budget);
    eprintln!("start {best_score:.3}");
    let mut scale = 1.0f32;
    for _round in 0..6 {
        let mut moved = false;
        for (name, field, step) in fields {
            for sign in [1.0f32, -1.0] {
                let mut trial = best;
                *field(&mut trial) += sign * step * scale;
                let score = objective(clusters, &trial, budget);
                if score > best_score + 1e-4 {
                    best_score = score;
                    best = trial;
                    moved = true;
                    eprintln!("{name} -> {:.3}: {best_score:.3}", *field(&mut best));
                    break;
                }
            }
        }
        if !moved {
            scale /= 2.0;
            if scale < 0.2 {
                break;
            }
        }
    }
    best
}

fn all(means: &[RougeMeans; 2]) -> [f64; 3] {
    let (a, b) = (means[0].points(), means[1].points());
    let (na, nb) = (means[0].count as f64, means[1].count as f64);
    let t = (na + nb).max(1.0);
    [0, 1, 2].map(|i| (a[i] * na + b[i] * nb) / t)
}

fn fmt(p: [f64; 3]) -> String {
    format!("{:6.2} {:6.2} {:6.2}", p[0], p[1], p[2])
}

fn main() {
    let mut data = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/multi-news/validation.jsonl.gz");
    let mut out: Option<PathBuf> = None;
    let mut limit = usize::MAX;
    let mut budget = 300;
    let mut params = Params::default();
    let mut grid: Option<PathBuf> = None;
    let mut tune = false;
    let mut with_claims = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--data" => data = value().into(),
            "--out" => out = Some(value().into()),
            "--limit" => limit = value().parse().expect("--limit N"),
            "--words" => budget = value().parse().expect("--words N"),
            "--params" => params = parse_params(&value()),
            "--grid" => grid = Some(value().into()),
            "--tune" => tune = true,
            "--claims" => with_claims = true,
            other => panic!("unknown argument {other:?}"),
        }
    }
    let Ok(file) = std::fs::File::open(&data) else {
        eprintln!("skipped: {} not found", data.display());
        return;
    };
    let start = Instant::now();
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
    let mut clusters = Vec::new();
    for line in reader.lines().take(limit) {
        let v: serde_json::Value = serde_json::from_str(&line.expect("readable")).expect("JSON");
        let articles = v["documents"]
            .as_array()
            .expect("documents")
            .iter()
            .map(|d| d.as_str().unwrap_or_default().to_string())
            .collect();
        let id = match &v["id"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let reference = v["summary"].as_str().expect("summary").to_string();
        clusters.push(prepare(id, reference, articles, with_claims));
    }
    let prepared = start.elapsed().as_secs_f64();
    let half = clusters.len().div_ceil(2);
    eprintln!(
        "{} clusters (tuning split: first {half}, held-out: the other {}), analysed in {prepared:.1} s",
        clusters.len(),
        clusters.len() - half
    );

    if let Some(grid) = grid {
        let specs = std::fs::read_to_string(&grid).expect("grid file");
        println!(
            "{:<70} {:>20} | {:>20} | words",
            "params", "tune R1 R2 RL", "held-out R1 R2 RL"
        );
        for spec in specs
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let r = run(&clusters, &parse_params(spec), budget, false);
            println!(
                "{spec:<70} {} | {} | {:.0}",
                fmt(r.means[0].points()),
                fmt(r.means[1].points()),
                r.words as f64 / clusters.len().max(1) as f64
            );
        }
        return;
    }

    if tune {
        params = coordinate_ascent(&clusters[..half], params, budget);
        let r = run(&clusters, &params, budget, false);
        println!("tuned: {params:?}");
        println!(
            "tuning {} | held-out {}",
            fmt(r.means[0].points()),
            fmt(r.means[1].points())
        );
        return;
    }

    let r = run(&clusters, &params, budget, out.is_some());
    if let Some(out) = out {
        let mut f = std::fs::File::create(&out).expect("output file");
        for line in &r.lines {
            writeln!(f, "{line}").expect("write");
        }
        eprintln!("wrote {}", out.display());
    }
    println!("Dossier summaries, {budget} words, ROUGE F-measure (rouge-score definitions, Porter stemmer):");
    println!("{:<28} {:>6} {:>6} {:>6}", "split", "R1", "R2", "RL");
    println!(
        "{:<28} {}",
        format!("tuning (first {half})"),
        fmt(r.means[0].points())
    );
    println!(
        "{:<28} {}",
        format!("held-out (last {})", clusters.len() - half),
        fmt(r.means[1].points())
    );
    println!(
        "{:<28} {}",
        format!("all ({})", clusters.len()),
        fmt(all(&r.means))
    );
    println!(
        "summarize: {:.0} clusters/s ({:.2} ms each); mean summary {:.0} words",
        clusters.len() as f64 / r.seconds.max(1e-9),
        1000.0 * r.seconds / clusters.len().max(1) as f64,
        r.words as f64 / clusters.len().max(1) as f64
    );
}
