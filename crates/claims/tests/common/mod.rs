//! The stages the pipeline runs before the claims stage, for the claims tests: text
//! analysis with repeated-line marking, reuse, extraction (dates anchored on each document's
//! date), figure groups, then `build_claims`. Shared by the claims tests; each uses part
//! of it.
#![allow(dead_code)]

use std::time::Instant;

use dossier_claims::{
    build_claims, collect_mentions, similar_pairs, Claim, ClaimInput, Mention, SimilarPair,
};
use dossier_core::Document;
use dossier_text::AnalyzedText;

pub mod prepare;

pub use prepare::Prepared;

/// A story's documents with their analysis and claims.
pub struct Story {
    /// The documents, in ingest order.
    pub docs: Vec<Document>,
    /// Their sentences.
    pub texts: Vec<AnalyzedText>,
    /// The claims `build_claims` makes of them.
    pub claims: Vec<Claim>,
    /// Seconds spent in `build_claims` alone.
    pub claim_seconds: f64,
    /// The mentions `build_claims` groups (`collect_mentions`).
    pub mentions: Vec<Mention>,
    /// The pairs of them it compares, with their similarity (`similar_pairs`).
    pub similar: Vec<SimilarPair>,
}

impl Prepared {
    /// What `build_claims` takes, one input per document.
    pub fn inputs(&self) -> Vec<ClaimInput<'_>> {
        (0..self.docs.len())
            .map(|d| ClaimInput {
                doc: &self.docs[d],
                text: &self.texts[d],
                extractions: &self.extractions[d],
                figure_groups: &self.figure_groups[d],
            })
            .collect()
    }

    /// `build_claims` on the prepared story, and the seconds it took.
    pub fn claims(&self) -> (Vec<Claim>, f64) {
        let inputs = self.inputs();
        let start = Instant::now();
        let claims = build_claims(&inputs, &self.reuse, &self.entities);
        (claims, start.elapsed().as_secs_f64())
    }
}

impl Story {
    /// Runs the stages on `docs`.
    pub fn build(docs: Vec<Document>) -> Story {
        let prepared = Prepared::new(docs);
        let (claims, claim_seconds) = prepared.claims();
        let inputs = prepared.inputs();
        let mentions = collect_mentions(&inputs);
        let similar = similar_pairs(&inputs, &prepared.reuse, &prepared.entities);
        Story {
            docs: prepared.docs,
            texts: prepared.texts,
            claims,
            claim_seconds,
            mentions,
            similar,
        }
    }
}

#[derive(Debug, Default, Clone, Copy)]
/// Pairwise (or per-item) decisions against the gold: true and false positives, misses.
pub struct Counts {
    /// Predicted and in the gold.
    pub tp: usize,
    /// Predicted, not in the gold.
    pub fp: usize,
    /// In the gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Counts one decision.
    pub fn add(&mut self, gold_same: bool, predicted: bool) {
        match (gold_same, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => {}
        }
    }

    /// Precision, recall and F1 (0 where undefined).
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        };
        let r = if self.tp + self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    /// `P … R … F1 … (tp … fp … fn …)`.
    pub fn show(&self) -> String {
        let (p, r, f) = self.prf();
        format!(
            "P {p:.3} R {r:.3} F1 {f:.3} (tp {} fp {} fn {})",
            self.tp, self.fp, self.fn_
        )
    }
}
