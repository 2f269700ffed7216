//! Scoring of main-text extraction as the article-extraction-benchmark
//! (scrapinghub/article-extraction-benchmark) defines it, so Dossier's figures can be set
//! beside the published ones.
//!
//! Tokens are runs of word characters (`\w+`, case kept). A text becomes the multiset of
//! its 4-token shingles (a text of fewer than 4 tokens is one shingle of what it has). Per
//! page, over the union of shingles, true positives are the shared counts, false positives
//! the excess predicted, false negatives the excess expected; the three are divided by
//! their sum so that every page weighs the same. Precision and recall are means over pages,
//! and F1 is computed from those means.

use std::collections::HashMap;

/// Precision, recall and F1 over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExtractionScore {
    /// Mean per-page precision.
    pub precision: f64,
    /// Mean per-page recall.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall`.
    pub f1: f64,
    /// Pages scored (pages where both texts are empty are left out).
    pub pages: usize,
}

/// Python's `\w`: letters (L*), numbers (N*) and the underscore; unlike Rust's
/// `is_alphanumeric`, combining marks are not word characters.
fn tokens(text: &str) -> Vec<&str> {
    static WORD: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"[\p{L}\p{N}_]+").expect("valid regex"));
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

fn shingles<'a>(tokens: &[&'a str]) -> HashMap<Vec<&'a str>, i64> {
    let mut counts = HashMap::new();
    if tokens.len() < 4 {
        *counts.entry(tokens.to_vec()).or_insert(0) += 1;
    } else {
        for window in tokens.windows(4) {
            *counts.entry(window.to_vec()).or_insert(0) += 1;
        }
    }
    counts
}

/// Per-page precision and recall of `predicted` against `expected`; `None` when the page
/// does not count (nothing expected and nothing predicted, once normalised).
pub fn page_precision_recall(expected: &str, predicted: &str) -> Option<(f64, f64)> {
    let expected_tokens = tokens(expected);
    let predicted_tokens = tokens(predicted);
    let truth = shingles(&expected_tokens);
    let guess = shingles(&predicted_tokens);
    let (mut tp, mut fp, mut fn_) = (0i64, 0i64, 0i64);
    for (shingle, &t) in &truth {
        let p = guess.get(shingle).copied().unwrap_or(0);
        tp += t.min(p);
        fn_ += (t - p).max(0);
        fp += (p - t).max(0);
    }
    for (shingle, &p) in &guess {
        if !truth.contains_key(shingle) {
            fp += p;
        }
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return None;
    }
    let (tp, fp, fn_) = (tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum);
    let perfect = fp == 0.0 && fn_ == 0.0;
    let precision = if perfect {
        1.0
    } else if tp + fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    };
    let recall = if perfect {
        1.0
    } else if tp + fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    };
    Some((precision, recall))
}

/// The benchmark's score over `(expected, predicted)` pairs.
pub fn score<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ExtractionScore {
    let (mut precision, mut recall, mut pages) = (0.0, 0.0, 0usize);
    for (expected, predicted) in pairs {
        if let Some((p, r)) = page_precision_recall(expected, predicted) {
            precision += p;
            recall += r;
            pages += 1;
        }
    }
    if pages == 0 {
        return ExtractionScore {
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
            pages,
        };
    }
    let (precision, recall) = (precision / pages as f64, recall / pages as f64);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    ExtractionScore {
        precision,
        recall,
        f1,
        pages,
    }
}
