//! Near-duplicate detection benchmark: accuracy and speed of `dossier_reuse::NearDuplicateIndex`
//! (one-permutation MinHash + LSH + exact verification) against exact shingle Jaccard, on Multi-News validation plus edited copies,
//! and recall of `dossier_reuse::find_reuse` passages on pairs that share a passage but are not
//! near-duplicates as a whole.
//!
//! `cargo bench --bench reuse`. Environment:
//! - `DOSSIER_DUMP_SHINGLES=/tmp/shingles.txt`: one line per document, its shingle hashes
//!   (space-separated u64), for `eval/datasketch_bench.py`.
//! - `DOSSIER_DUMP_GOLD=/tmp/gold.txt`: pairs `i j jaccard` with exact Jaccard >= 0.5.
//! - `DOSSIER_REUSE_COPIES=N`: number of edited copies (default 5,000).
//! - `DOSSIER_REUSE_REPEAT=N`: timed runs of each mode of Dossier's index (default 5).
//!
//! Dossier's index is timed three ways on the same documents: `insert` one document at a time
//! (one thread), and `insert_batch` on a rayon pool of 1 and of 2 threads; all three must
//! report the same pairs. `gaoya` 42x3 + exact verification (the index before the
//! one-permutation sketch) is timed in the same run for reference.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use dossier_core::Document;
use dossier_reuse::{
    find_reuse, shingle_jaccard as jaccard, shingles, NearDuplicateIndex, ReuseInput, Sketch,
};
use dossier_text::{analyze, match_key};
use gaoya::minhash::{MinHashIndex, MinHasher, MinHasher64V1};

/// Posting lists at most this long are "rare" shingles that propose candidate pairs.
const RARE_POSTINGS: usize = 50;
/// Gold thresholds.
const THRESHOLDS: [f64; 2] = [0.5, 0.8];
/// Synthetic passage-copy pairs to create.
const PASSAGE_PAIRS: usize = 250;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Edit {
    DropSentences,
    Quotes,
    Rewrite,
    Boilerplate,
}

const EDITS: [Edit; 4] = [
    Edit::DropSentences,
    Edit::Quotes,
    Edit::Rewrite,
    Edit::Boilerplate,
];

fn split_sentences(text: &str) -> Vec<&str> {
    text.split(". ").collect()
}

fn apply(edit: Edit, text: &str, rng: &mut Rng, originals: &[String]) -> String {
    match edit {
        Edit::DropSentences => {
            let mut parts = split_sentences(text);
            let k = 1 + rng.below(3);
            for _ in 0..k {
                if parts.len() > 2 {
                    let i = rng.below(parts.len());
                    parts.remove(i);
                }
            }
            parts.join(". ")
        }
        Edit::Quotes => {
            if text.contains(['\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}']) || rng.below(2) == 0
            {
                text.replace(['\u{201c}', '\u{201d}'], "\"")
                    .replace(['\u{2018}', '\u{2019}'], "'")
            } else {
                let mut out = String::with_capacity(text.len() + 64);
                let mut open = true;
                for c in text.chars() {
                    match c {
                        '"' => {
                            out.push(if open { '\u{201c}' } else { '\u{201d}' });
                            open = !open;
                        }
                        '\'' => out.push('\u{2019}'),
                        c => out.push(c),
                    }
                }
                out
            }
        }
        Edit::Rewrite => {
            let mut parts = split_sentences(text);
            let other = &originals[rng.below(originals.len())];
            let other_parts = split_sentences(other);
            let replacement = other_parts[rng.below(other_parts.len())];
            let i = rng.below(parts.len());
            parts[i] = replacement;
            parts.join(". ")
        }
        Edit::Boilerplate => {
            let n = rng.below(10_000);
            let lines = [
                "Subscribe to our newsletter for the day's top stories, delivered to your inbox."
                    .to_string(),
                "Follow us on Twitter and Facebook for the latest updates.".to_string(),
                format!("Related: https://news.example.com/{n}/more-on-this-story"),
            ];
            let mut out = text.to_string();
            let take = 1 + rng.below(3);
            for line in lines.iter().take(take) {
                out.push('\n');
                out.push_str(line);
            }
            out
        }
    }
}

fn pack(a: usize, b: usize) -> u64 {
    let (a, b) = if a < b { (a, b) } else { (b, a) };
    ((a as u64) << 32) | b as u64
}

fn unpack(p: u64) -> (usize, usize) {
    ((p >> 32) as usize, (p & 0xffff_ffff) as usize)
}

fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with(field)).and_then(|l| {
                l.trim_start_matches(field)
                    .trim_start_matches(':')
                    .trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse()
                    .ok()
            })
        })
        .unwrap_or(0)
}

/// CPU time of this process so far, in seconds: the sum over its threads of the time they
/// ran (`/proc/self/task/*/schedstat`, nanoseconds), so that a run's CPU time can be told
/// apart from the time other processes on a shared machine took from it.
fn cpu_secs() -> f64 {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0.0;
    };
    tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum::<u64>() as f64
        / 1e9
}

/// Resets VmHWM to the current RSS (Linux >= 4.0); false if not possible.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

struct Scores {
    predicted: usize,
    true_positive: usize,
    gold: usize,
}

impl Scores {
    fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.true_positive as f64 / self.predicted as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.true_positive as f64 / self.gold as f64
        }
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn score(
    predicted: &HashSet<u64>,
    gold: &HashSet<u64>,
    shingle_sets: &[Vec<u64>],
    t: f64,
) -> Scores {
    // A predicted pair is right when its exact Jaccard reaches t (computed directly, so a
    // predicted pair outside the candidate set would still be judged correctly).
    let true_positive = predicted
        .iter()
        .filter(|&&p| {
            let (a, b) = unpack(p);
            jaccard(&shingle_sets[a], &shingle_sets[b]) >= t
        })
        .count();
    let in_gold = predicted.iter().filter(|p| gold.contains(p)).count();
    assert_eq!(
        true_positive, in_gold,
        "a predicted pair with Jaccard >= {t} is missing from the gold set"
    );
    Scores {
        predicted: predicted.len(),
        true_positive,
        gold: gold.len(),
    }
}

/// Runs gaoya directly with `bands` × `rows` and LSH/estimate threshold `t_index`; when
/// `verify` is given, keeps only pairs whose exact Jaccard reaches it.
fn run_gaoya(
    shingle_sets: &[Vec<u64>],
    bands: usize,
    rows: usize,
    t_index: f64,
    verify: Option<f64>,
) -> (HashSet<u64>, f64) {
    let hasher: MinHasher64V1<BuildHasherDefault<DefaultHasher>> =
        MinHasher64V1::new_with_hasher(bands * rows, BuildHasherDefault::default());
    let mut index: MinHashIndex<u64, usize> = MinHashIndex::new(bands, rows, t_index);
    let mut predicted = HashSet::new();
    let start = Instant::now();
    for (i, sh) in shingle_sets.iter().enumerate() {
        if sh.is_empty() {
            continue;
        }
        let signature = hasher.create_signature(sh.iter());
        for (other, _) in index.query_owned_return_similarity(&signature) {
            if verify.is_none_or(|t| jaccard(&shingle_sets[other], sh) >= t) {
                predicted.insert(pack(other, i));
            }
        }
        index.insert(i, signature);
    }
    (predicted, start.elapsed().as_secs_f64())
}

/// How [`run_dossier`] feeds the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// `insert` per document, on the calling thread.
    OneByOne,
    /// `insert_batch` of every document on a rayon pool of this many threads.
    Batch(usize),
}

impl Mode {
    fn label(self) -> String {
        match self {
            Mode::OneByOne => "insert, 1 thread".to_string(),
            Mode::Batch(1) => "insert_batch, 1 thread".to_string(),
            Mode::Batch(n) => format!("insert_batch, {n} threads"),
        }
    }
}

/// One timed run of Dossier's index (sketch + index + query + verification of every
/// document, query before insert).
struct Run {
    predicted: HashSet<u64>,
    secs: f64,
    /// CPU seconds of all the process's threads during the run.
    cpu: f64,
    /// RSS growth while the index was alive, and the peak (VmHWM) during the run, in kB.
    rss_growth: u64,
    hwm: u64,
    peak_reset: bool,
}

/// A mode, its first run, and the sorted times of all its runs.
type Timed = (Mode, Run, Vec<f64>);

fn run_dossier(shingle_sets: &[Vec<u64>], index: NearDuplicateIndex, mode: Mode) -> Run {
    let pool = match mode {
        Mode::Batch(threads) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("rayon pool"),
        ),
        Mode::OneByOne => None,
    };
    let mut index = index;
    let peak_reset = reset_peak();
    let before = status_kb("VmRSS");
    let mut predicted = HashSet::new();
    let cpu_start = cpu_secs();
    let start = Instant::now();
    match &pool {
        None => {
            for (i, sh) in shingle_sets.iter().enumerate() {
                for (other, _) in index.insert(i, sh) {
                    predicted.insert(pack(other, i));
                }
            }
        }
        Some(pool) => {
            let docs: Vec<(usize, &[u64])> = shingle_sets
                .iter()
                .enumerate()
                .map(|(i, s)| (i, s.as_slice()))
                .collect();
            let found = pool.install(|| index.insert_batch(&docs));
            for (i, found) in found.into_iter().enumerate() {
                for (other, _) in found {
                    predicted.insert(pack(other, i));
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_secs() - cpu_start;
    let after = status_kb("VmRSS");
    let hwm = status_kb("VmHWM");
    drop(index);
    Run {
        predicted,
        secs,
        cpu,
        rss_growth: after.saturating_sub(before),
        hwm,
        peak_reset,
    }
}

fn s_curve(s: f64, bands: usize, rows: usize) -> f64 {
    1.0 - (1.0 - s.powi(rows as i32)).powi(bands as i32)
}

/// Sentence-ish pieces of a text with their byte offsets.
fn long_sentence_keys(text: &str) -> Vec<String> {
    let mut keys: Vec<String> = text
        .split(['\n', '.', '?', '!'])
        .map(match_key)
        .filter(|k| k.split(' ').filter(|w| !w.is_empty()).count() >= 10)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn main() {
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/multi-news/validation.jsonl.gz");
    if !source.exists() {
        eprintln!("benchmark corpus {} not found; skipping", source.display());
        return;
    }
    let copies: usize = std::env::var("DOSSIER_REUSE_COPIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5_000);

    // 1. Corpus.
    let originals: Vec<Document> = dossier_ingest::read_paths(&[source]).flatten().collect();
    let n_orig = originals.len();
    let mut texts: Vec<String> = originals.iter().map(|d| d.text.clone()).collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut order: Vec<usize> = (0..n_orig).collect();
    for i in (1..order.len()).rev() {
        let j = rng.below(i + 1);
        order.swap(i, j);
    }
    let mut edit_counts: HashMap<String, usize> = HashMap::new();
    let mut copy_of: Vec<(usize, usize)> = Vec::new(); // (copy index, original index)
    for &orig in order.iter().take(copies) {
        let first = EDITS[rng.below(4)];
        let mut edits = vec![first];
        if rng.below(5) == 0 {
            // a combination of two
            let mut second = EDITS[rng.below(4)];
            while second == first {
                second = EDITS[rng.below(4)];
            }
            edits.push(second);
        }
        let mut text = texts[orig].clone();
        for &e in &edits {
            text = apply(e, &text, &mut rng, &texts[..n_orig]);
        }
        let name = edits
            .iter()
            .map(|e| format!("{e:?}"))
            .collect::<Vec<_>>()
            .join("+");
        *edit_counts.entry(name).or_default() += 1;
        copy_of.push((texts.len(), orig));
        texts.push(text);
    }

    // 5a. Synthetic passage copies: B = unrelated text + 3 consecutive long sentences of A +
    // unrelated text. Kept when exact Jaccard(A, B) < 0.2.
    let mut passage_pairs: Vec<(usize, usize, usize, usize)> = Vec::new(); // (a, b, start, end)
    let mut tries = 0;
    while passage_pairs.len() < PASSAGE_PAIRS && tries < 50 * PASSAGE_PAIRS {
        tries += 1;
        let a = order[copies + rng.below(n_orig - copies)];
        let parts = split_sentences(&texts[a]);
        let long: Vec<bool> = parts
            .iter()
            .map(|p| match_key(p).split(' ').count() >= 10)
            .collect();
        let windows: Vec<usize> = (0..parts.len().saturating_sub(2))
            .filter(|&i| long[i] && long[i + 1] && long[i + 2])
            .collect();
        if windows.is_empty() {
            continue;
        }
        let w = windows[rng.below(windows.len())];
        let copied = format!("{}.", parts[w..w + 3].join(". ").trim_end_matches('.'));
        let mut b = String::new();
        let mut filler = 0;
        while filler < 400 {
            let u = rng.below(n_orig);
            if u == a {
                continue;
            }
            let words = texts[u].split_whitespace().count();
            if words == 0 {
                continue;
            }
            if !b.is_empty() {
                b.push_str("\n\n");
            }
            if filler == 0 {
                b.push_str(&texts[u]);
                b.push_str("\n\n");
                let start = b.len();
                b.push_str(&copied);
                let end = b.len();
                passage_pairs.push((a, texts.len(), start, end));
            } else {
                b.push_str(&texts[u]);
            }
            filler += words;
        }
        let sa = shingles(&match_key(&texts[a]), 3);
        let sb = shingles(&match_key(&b), 3);
        if jaccard(&sa, &sb) < 0.2 {
            texts.push(b);
        } else {
            passage_pairs.pop();
        }
    }
    let n = texts.len();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    println!(
        "corpus: {n} documents ({n_orig} Multi-News validation articles, {} edited copies, {} passage copies), {:.1} MB",
        copy_of.len(),
        passage_pairs.len(),
        bytes as f64 / 1e6
    );
    let mut ec: Vec<_> = edit_counts.iter().collect();
    ec.sort();
    println!("edits: {ec:?}");

    // 2. Shingles.
    let start = Instant::now();
    let shingle_sets: Vec<Vec<u64>> = texts.iter().map(|t| shingles(&match_key(t), 3)).collect();
    let shingle_time = start.elapsed().as_secs_f64();
    let total_shingles: usize = shingle_sets.iter().map(|s| s.len()).sum();
    let empty = shingle_sets.iter().filter(|s| s.is_empty()).count();
    println!(
        "shingles (match_key + word 3-grams): {:.2} s = {:.0} docs/s; {total_shingles} shingles, {empty} empty docs",
        shingle_time,
        n as f64 / shingle_time
    );
    if let Ok(path) = std::env::var("DOSSIER_DUMP_SHINGLES") {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("dump file"));
        for s in &shingle_sets {
            let line: Vec<String> = s.iter().map(|h| h.to_string()).collect();
            writeln!(out, "{}", line.join(" ")).expect("write dump");
        }
        println!("wrote shingles to {path}");
    }

    // Where the time goes: the sketches alone.
    let start = Instant::now();
    let sketches: usize = shingle_sets
        .iter()
        .filter_map(|s| Sketch::new(s))
        .map(|s| s.values()[0] as usize & 1)
        .sum();
    let sketch_time = start.elapsed().as_secs_f64();
    println!(
        "one-permutation sketches alone ({} bins, 1 thread): {:.3} s = {:.0} docs/s ({sketches})",
        dossier_reuse::SKETCH_BINS,
        sketch_time,
        n as f64 / sketch_time
    );

    // 4. Dossier's index (before the ground truth, so peak memory is the index's).
    // Each mode runs `repeat` times, the modes taking turns, so that a burst of load on a
    // shared machine does not hit one mode only; the first run of each is kept (pairs,
    // memory) with the best and the median time of all.
    let repeat: usize = std::env::var("DOSSIER_REUSE_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1);
    let modes = [Mode::OneByOne, Mode::Batch(1), Mode::Batch(2)];
    let mut results: Vec<(f64, Vec<Timed>)> = Vec::new();
    for &t in &THRESHOLDS {
        let mut runs: Vec<Timed> = Vec::new();
        for round in 0..repeat {
            for (m, &mode) in modes.iter().enumerate() {
                let run = run_dossier(&shingle_sets, NearDuplicateIndex::new(t), mode);
                if let Some((_, first, _)) = runs.first() {
                    assert!(
                        run.predicted == first.predicted,
                        "{mode:?} reports other pairs than one-by-one insert"
                    );
                }
                if round == 0 {
                    let secs = run.secs;
                    runs.push((mode, run, vec![secs]));
                } else {
                    runs[m].2.push(run.secs);
                }
            }
        }
        for (_, _, times) in &mut runs {
            times.sort_by(f64::total_cmp);
        }
        results.push((t, runs));
    }

    // 3. Ground truth: exact Jaccard of every pair sharing a rare shingle.
    let start = Instant::now();
    let mut postings: Vec<(u64, u32)> = Vec::with_capacity(total_shingles);
    for (d, s) in shingle_sets.iter().enumerate() {
        postings.extend(s.iter().map(|&h| (h, d as u32)));
    }
    postings.sort_unstable();
    let mut common_count = vec![0usize; n];
    let mut candidates: Vec<u64> = Vec::new();
    let mut i = 0;
    while i < postings.len() {
        let mut j = i;
        while j < postings.len() && postings[j].0 == postings[i].0 {
            j += 1;
        }
        let group = &postings[i..j];
        if group.len() > RARE_POSTINGS {
            for &(_, d) in group {
                common_count[d as usize] += 1;
            }
        } else {
            for x in 0..group.len() {
                for y in x + 1..group.len() {
                    candidates.push(pack(group[x].1 as usize, group[y].1 as usize));
                }
            }
        }
        i = j;
    }
    drop(postings);
    candidates.sort_unstable();
    candidates.dedup();
    // A pair with Jaccard >= 0.5 shares at least half of each document's shingles; it has no
    // shared rare shingle only if at least half of a document's shingles are common. Those
    // "at-risk" documents are compared with every document by brute force.
    let no_rare = (0..n)
        .filter(|&d| !shingle_sets[d].is_empty() && common_count[d] == shingle_sets[d].len())
        .count();
    let at_risk: Vec<usize> = (0..n)
        .filter(|&d| !shingle_sets[d].is_empty() && 2 * common_count[d] >= shingle_sets[d].len())
        .collect();
    let rare_candidates = candidates.len();
    for &d in &at_risk {
        for (e, other) in shingle_sets.iter().enumerate() {
            if e != d && !other.is_empty() {
                candidates.push(pack(d, e));
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut gold: Vec<HashSet<u64>> = vec![HashSet::new(); THRESHOLDS.len()];
    let mut gold_j: Vec<(u64, f64)> = Vec::new();
    for &p in &candidates {
        let (a, b) = unpack(p);
        let j = jaccard(&shingle_sets[a], &shingle_sets[b]);
        if j >= THRESHOLDS[0] {
            gold_j.push((p, j));
        }
        for (k, &t) in THRESHOLDS.iter().enumerate() {
            if j >= t {
                gold[k].insert(p);
            }
        }
    }
    let gold_time = start.elapsed().as_secs_f64();
    let gold_pairs_from_at_risk = gold_j
        .iter()
        .filter(|(p, _)| {
            let (a, b) = unpack(*p);
            2 * common_count[a] >= shingle_sets[a].len()
                || 2 * common_count[b] >= shingle_sets[b].len()
        })
        .count();
    println!(
        "gold: {rare_candidates} candidate pairs sharing a shingle in <= {RARE_POSTINGS} docs, {} with brute force for {} at-risk docs (>= half their shingles common; {no_rare} have no rare shingle at all); exact Jaccard in {:.1} s",
        candidates.len(),
        at_risk.len(),
        gold_time
    );
    println!(
        "gold pairs: {} at J >= 0.5, {} at J >= 0.8 ({gold_pairs_from_at_risk} of the J >= 0.5 pairs involve an at-risk doc)",
        gold[0].len(),
        gold[1].len()
    );
    let mut hist = [0usize; 6];
    for &(_, j) in &gold_j {
        hist[((j - 0.5) / 0.1).floor().clamp(0.0, 5.0) as usize] += 1;
    }
    println!(
        "gold J distribution: [0.5,0.6) {} | [0.6,0.7) {} | [0.7,0.8) {} | [0.8,0.9) {} | [0.9,1.0) {} | 1.0 {}",
        hist[0], hist[1], hist[2], hist[3], hist[4], hist[5]
    );
    let gold_copy = copy_of
        .iter()
        .filter(|&&(c, o)| gold[0].contains(&pack(c, o)))
        .count();
    println!(
        "edited copies with J(copy, original) >= 0.5: {gold_copy} of {}",
        copy_of.len()
    );
    if let Ok(path) = std::env::var("DOSSIER_DUMP_GOLD") {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("gold file"));
        for &(p, j) in &gold_j {
            let (a, b) = unpack(p);
            writeln!(out, "{a} {b} {j:.6}").expect("write gold");
        }
        println!("wrote gold pairs to {path}");
    }

    // 4 (scores).
    println!();
    println!("Dossier's index, best and median of {repeat} runs (docs/s from the best):");
    println!("| index | t | docs/s (sketch+index+query) | s (best) | s (median) | CPU s (first run) | predicted | TP | gold | precision | recall | F1 | peak RSS (VmHWM) | RSS growth |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (k, (t, runs)) in results.iter().enumerate() {
        let probe = NearDuplicateIndex::new(*t);
        for (mode, run, times) in runs {
            let s = score(&run.predicted, &gold[k], &shingle_sets, *t);
            println!(
                "| Dossier NearDuplicateIndex {}x{} + verify ({}) | {t} | {:.0} | {:.3} | {:.3} | {:.3} | {} | {} | {} | {:.4} | {:.4} | {:.4} | {} MB{} | {} MB |",
                probe.bands(),
                probe.rows(),
                mode.label(),
                n as f64 / times[0],
                times[0],
                times[times.len() / 2],
                run.cpu,
                s.predicted,
                s.true_positive,
                s.gold,
                s.precision(),
                s.recall(),
                s.f1(),
                run.hwm / 1024,
                if run.peak_reset { "" } else { " (process)" },
                run.rss_growth / 1024
            );
        }
    }
    // The same scores without the mass-duplicated boilerplate pages of Multi-News (Wayback
    // Machine and Twitter notices repeated up to 230 times: the at-risk documents), which
    // otherwise make up most gold pairs, and on the edited copies alone.
    let boiler: Vec<bool> = (0..n)
        .map(|d| !shingle_sets[d].is_empty() && 2 * common_count[d] >= shingle_sets[d].len())
        .collect();
    let keep = |p: &u64| {
        let (a, b) = unpack(*p);
        !boiler[a] && !boiler[b]
    };
    println!("| index | t | | | | | predicted | TP | gold | precision | recall | F1 | | |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (k, (t, runs)) in results.iter().enumerate() {
        let predicted = &runs[0].1.predicted;
        let probe = NearDuplicateIndex::new(*t);
        let p: HashSet<u64> = predicted.iter().copied().filter(keep).collect();
        let g: HashSet<u64> = gold[k].iter().copied().filter(keep).collect();
        let s = score(&p, &g, &shingle_sets, *t);
        let copy_gold: Vec<u64> = copy_of
            .iter()
            .map(|&(c, o)| pack(c, o))
            .filter(|p| gold[k].contains(p))
            .collect();
        let copy_found = copy_gold.iter().filter(|p| predicted.contains(p)).count();
        println!(
            "| Dossier {}x{} + verify, without boilerplate clusters | {t} | | | | | {} | {} | {} | {:.4} | {:.4} | {:.4} | edited copies found: {copy_found}/{} = {:.4} | |",
            probe.bands(),
            probe.rows(),
            s.predicted,
            s.true_positive,
            s.gold,
            s.precision(),
            s.recall(),
            s.f1(),
            copy_gold.len(),
            copy_found as f64 / copy_gold.len().max(1) as f64
        );
    }
    // Other band/row settings of Dossier's index (one by one, 1 thread, one run each), and
    // the previous index (gaoya's MinHash64V1 42x3, estimate >= t - 0.1, exact verification)
    // for reference.
    println!("| setting (one run) | t | docs/s | s | CPU s | predicted | TP | gold | precision | recall | F1 |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    let settings: [(usize, usize); 7] = [
        (42, 3),
        (32, 4),
        (64, 2),
        (25, 5),
        (21, 6),
        (16, 8),
        (12, 10),
    ];
    for (k, &t) in THRESHOLDS.iter().enumerate() {
        for &(bands, rows) in &settings {
            let run = run_dossier(
                &shingle_sets,
                NearDuplicateIndex::with_bands(t, bands, rows),
                Mode::OneByOne,
            );
            let s = score(&run.predicted, &gold[k], &shingle_sets, t);
            println!(
                "| Dossier {bands}x{rows} + verify | {t} | {:.0} | {:.3} | {:.3} | {} | {} | {} | {:.4} | {:.4} | {:.4} |",
                n as f64 / run.secs,
                run.secs,
                run.cpu,
                s.predicted,
                s.true_positive,
                s.gold,
                s.precision(),
                s.recall(),
                s.f1()
            );
        }
        let (predicted, secs) = run_gaoya(&shingle_sets, 42, 3, t - 0.1, Some(t));
        let s = score(&predicted, &gold[k], &shingle_sets, t);
        println!(
            "| previous: gaoya 42x3 est>={:.1} + exact verify | {t} | {:.0} | {:.3} | | {} | {} | {} | {:.4} | {:.4} | {:.4} |",
            t - 0.1,
            n as f64 / secs,
            secs,
            s.predicted,
            s.true_positive,
            s.gold,
            s.precision(),
            s.recall(),
            s.f1()
        );
    }
    println!();
    println!("LSH S-curve P(candidate | J=s) = 1 - (1 - s^r)^b:");
    for &(bands, rows) in &settings {
        let probs: Vec<String> = [0.3, 0.4, 0.5, 0.55, 0.6, 0.7, 0.8]
            .iter()
            .map(|&s| format!("s={s}: {:.3}", s_curve(s, bands, rows)))
            .collect();
        println!("  {bands}x{rows}: {}", probs.join(", "));
    }
    // Where Dossier's misses at 0.5 are, by true Jaccard.
    let predicted05 = &results[0].1[0].1.predicted;
    let mut missed = [0usize; 6];
    for &(p, j) in &gold_j {
        if !predicted05.contains(&p) {
            missed[((j - 0.5) / 0.1).floor().clamp(0.0, 5.0) as usize] += 1;
        }
    }
    println!(
        "Dossier t=0.5 misses by true J: [0.5,0.6) {} | [0.6,0.7) {} | [0.7,0.8) {} | [0.8,0.9) {} | [0.9,1.0) {} | 1.0 {}",
        missed[0], missed[1], missed[2], missed[3], missed[4], missed[5]
    );

    // 5. Passage containment.
    let start = Instant::now();
    let mut by_sentence: HashMap<String, Vec<u32>> = HashMap::new();
    for (d, t) in texts.iter().enumerate() {
        for key in long_sentence_keys(t) {
            by_sentence.entry(key).or_default().push(d as u32);
        }
    }
    let mut shared: HashMap<u64, usize> = HashMap::new();
    for docs in by_sentence.values() {
        if docs.len() > RARE_POSTINGS {
            continue;
        }
        for x in 0..docs.len() {
            for y in x + 1..docs.len() {
                *shared
                    .entry(pack(docs[x] as usize, docs[y] as usize))
                    .or_default() += 1;
            }
        }
    }
    let synthetic_b: HashSet<usize> = passage_pairs.iter().map(|p| p.1).collect();
    let (mut containment_pairs, mut organic) = (0, 0);
    for (&p, &count) in &shared {
        if count < 3 {
            continue;
        }
        let (a, b) = unpack(p);
        if jaccard(&shingle_sets[a], &shingle_sets[b]) < 0.2 {
            containment_pairs += 1;
            if !synthetic_b.contains(&a) && !synthetic_b.contains(&b) {
                organic += 1;
            }
        }
    }
    println!();
    println!(
        "pairs sharing >= 3 identical long sentences (>= 10 words) with Jaccard < 0.2: {containment_pairs} ({organic} without a synthetic passage copy); {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let start = Instant::now();
    let (mut single, mut covered90, mut flagged_dup) = (0, 0, 0);
    let originals_by_index = &originals;
    for &(a, b, cs, ce) in &passage_pairs {
        let docs = vec![
            originals_by_index[a].clone(),
            Document::plain(&format!("passage-copy-{b}"), &texts[b]),
        ];
        let analysed: Vec<_> = docs.iter().map(analyze).collect();
        let inputs = ReuseInput::in_ingest_order(&docs, &analysed);
        let reuse = find_reuse(&inputs);
        if !reuse.near_duplicates.is_empty() {
            flagged_dup += 1;
        }
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut best = 0usize;
        for passage in &reuse.passages {
            let in_a = passage.members.iter().any(|m| m.0 == 0);
            if !in_a {
                continue;
            }
            for (d, span, _) in &passage.members {
                if *d == 1 {
                    let (s, e) = (span.start.max(cs), span.end.min(ce));
                    if e > s {
                        best = best.max(e - s);
                        spans.push((s, e));
                    }
                }
            }
        }
        spans.sort_unstable();
        let mut covered = 0;
        let mut reach = cs;
        for (s, e) in spans {
            let s = s.max(reach);
            if e > s {
                covered += e - s;
                reach = e;
            }
        }
        let len = ce - cs;
        if best * 100 >= len * 95 {
            single += 1;
        }
        if covered * 100 >= len * 90 {
            covered90 += 1;
        } else if std::env::var("DOSSIER_REUSE_DEBUG").is_ok() {
            let b_sentences: Vec<&str> = analysed[1]
                .sentences
                .iter()
                .filter(|x| x.span.end > cs && x.span.start < ce)
                .map(|x| x.span.slice(&texts[b]))
                .collect();
            eprintln!(
                "missed passage ({covered}/{len} bytes covered): {:?}\n  B sentences: {b_sentences:?}\n  groups: {}, passages: {}",
                &texts[b][cs..ce],
                reuse.groups.len(),
                reuse.passages.len()
            );
            for g in &reuse.groups {
                let shown: Vec<(usize, usize, bool)> = g
                    .members
                    .iter()
                    .map(|m| {
                        (
                            m.0,
                            m.1,
                            analysed[m.0].is_body(&analysed[m.0].sentences[m.1]),
                        )
                    })
                    .collect();
                eprintln!("  group {shown:?}");
            }
            for (d, text) in analysed.iter().enumerate() {
                let marks: Vec<String> = text
                    .sentences
                    .iter()
                    .enumerate()
                    .map(|(i, x)| format!("{i}{}", if text.is_body(x) { "b" } else { "-" }))
                    .collect();
                eprintln!("  doc {d}: {}", marks.join(" "));
            }
        }
    }
    let m = passage_pairs.len().max(1);
    println!(
        "find_reuse on {} synthetic passage pairs ({:.2} s): one passage covers >= 95% of the copied text in {single} ({:.3}); passages cover >= 90% in {covered90} ({:.3}); flagged as whole-document near-duplicates: {flagged_dup}",
        passage_pairs.len(),
        start.elapsed().as_secs_f64(),
        single as f64 / m as f64,
        covered90 as f64 / m as f64
    );
    println!(
        "peak memory of the whole run (VmHWM since last reset): {} MB",
        status_kb("VmHWM") / 1024
    );
}
