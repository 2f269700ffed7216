//! ROUGE-1, ROUGE-2 and ROUGE-L as the `rouge-score` Python package (Google Research, PyPI
//! `rouge-score` 0.1.2) defines them, so that figures printed here can be put beside figures
//! computed there.
//!
//! - Tokens: the text lower-cased, every run of characters other than `a-z0-9` replaced by a
//!   space, split on whitespace; with stemming, tokens longer than 3 characters are stemmed
//!   with the Porter stemmer (NLTK's, as `rouge-score` uses it: [`porter`]).
//! - ROUGE-N: clipped n-gram overlap; precision over the candidate's n-grams, recall over the
//!   reference's; F-measure 2PR/(P+R) (0 when both are 0).
//! - ROUGE-L (`rougeL`): longest common subsequence of the two token sequences as a whole
//!   (newlines are not sentence boundaries), same P, R and F.

use std::collections::HashMap;

use crate::porter;

/// Precision, recall and F-measure of one ROUGE measure, each in `0.0..=1.0`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    /// Overlap over the candidate's length.
    pub precision: f64,
    /// Overlap over the reference's length.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub fmeasure: f64,
}

impl Score {
    fn new(overlap: usize, candidate: usize, reference: usize) -> Score {
        let precision = overlap as f64 / candidate.max(1) as f64;
        let recall = overlap as f64 / reference.max(1) as f64;
        let fmeasure = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            precision,
            recall,
            fmeasure,
        }
    }
}

/// ROUGE-1, ROUGE-2 and ROUGE-L of one candidate against one reference.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RougeScores {
    /// Unigram overlap.
    pub rouge1: Score,
    /// Bigram overlap.
    pub rouge2: Score,
    /// Longest common subsequence (`rougeL`).
    pub rouge_l: Score,
}

/// Tokens as `rouge-score` makes them (see the module documentation).
pub fn rouge_tokens(text: &str, use_stemmer: bool) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    let mut current = String::new();
    let mut flush = |current: &mut String| {
        if !current.is_empty() {
            let token = std::mem::take(current);
            if use_stemmer && token.len() > 3 {
                out.push(porter::stem(&token));
            } else {
                out.push(token);
            }
        }
    };
    for c in lower.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            current.push(c);
        } else {
            flush(&mut current);
        }
    }
    flush(&mut current);
    // `rouge-score` drops any token that is no longer `[a-z0-9]+` after stemming; the
    // Porter stemmer only rewrites lower-case letters, so none is dropped here.
    out
}

fn ngrams(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut out = HashMap::new();
    if tokens.len() >= n {
        for window in tokens.windows(n) {
            *out.entry(window).or_default() += 1;
        }
    }
    out
}

fn rouge_n(reference: &[String], candidate: &[String], n: usize) -> Score {
    let r = ngrams(reference, n);
    let c = ngrams(candidate, n);
    let overlap: usize = c
        .iter()
        .map(|(g, &k)| r.get(g).map_or(0, |&m| m.min(k)))
        .sum();
    Score::new(overlap, c.values().sum(), r.values().sum())
}

/// Length of the longest common subsequence of two token sequences.
pub fn lcs_len<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            row[j + 1] = if x == y {
                prev[j] + 1
            } else {
                row[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

fn rouge_l(reference: &[String], candidate: &[String]) -> Score {
    if reference.is_empty() || candidate.is_empty() {
        return Score::default();
    }
    Score::new(
        lcs_len(reference, candidate),
        candidate.len(),
        reference.len(),
    )
}

/// ROUGE-1, ROUGE-2 and ROUGE-L of `candidate` against `reference`, as
/// `rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer).score(reference,
/// candidate)` computes them.
pub fn rouge(reference: &str, candidate: &str, use_stemmer: bool) -> RougeScores {
    let r = rouge_tokens(reference, use_stemmer);
    let c = rouge_tokens(candidate, use_stemmer);
    RougeScores {
        rouge1: rouge_n(&r, &c, 1),
        rouge2: rouge_n(&r, &c, 2),
        rouge_l: rouge_l(&r, &c),
    }
}

/// Running means of ROUGE F-measures over many pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RougeMeans {
    /// Pairs added.
    pub count: usize,
    sum1: f64,
    sum2: f64,
    sum_l: f64,
}

impl RougeMeans {
    /// Adds one pair's scores.
    pub fn add(&mut self, scores: &RougeScores) {
        self.count += 1;
        self.sum1 += scores.rouge1.fmeasure;
        self.sum2 += scores.rouge2.fmeasure;
        self.sum_l += scores.rouge_l.fmeasure;
    }

    /// Mean ROUGE-1, ROUGE-2 and ROUGE-L F-measures, in points (0 to 100).
    pub fn points(&self) -> [f64; 3] {
        let n = self.count.max(1) as f64;
        [
            100.0 * self.sum1 / n,
            100.0 * self.sum2 / n,
            100.0 * self.sum_l / n,
        ]
    }
}
