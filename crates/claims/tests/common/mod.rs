//! The stages the pipeline runs before the claims stage, for the claims tests: text
//! analysis with repeated-line marking, reuse, extraction (dates anchored on each document's
//! date), figure groups, then `build_claims`. Shared by the claims tests; each uses part
//! of it.
#![allow(dead_code)]

use std::time::Instant;

use dossier_claims::{build_claims, Claim, ClaimInput};
use dossier_core::Document;
use dossier_extract::{figures::group_figures, AnchorKind, DateAnchor, DocExtractions};
use dossier_reuse::{find_reuse, Reuse, ReuseInput};
use dossier_text::{analyze, mark_repeated_paragraphs, AnalyzedText};

/// As the pipeline marks lines repeated across a story's documents.
const REPEATED_LINE_DOCS: usize = 3;

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
}

/// A story's documents with everything the claims stage reads.
pub struct Staged {
    /// The documents, in ingest order.
    pub docs: Vec<Document>,
    /// Their sentences.
    pub texts: Vec<AnalyzedText>,
    /// Their quotes, entities, figures and dates.
    pub extractions: Vec<DocExtractions>,
    /// Figure group of each figure, per document.
    pub figure_groups: Vec<Vec<usize>>,
    /// Copied text across the documents.
    pub reuse: Reuse,
}

impl Staged {
    /// Runs the stages before the claims stage on `docs`.
    pub fn new(docs: Vec<Document>) -> Staged {
        let mut texts: Vec<AnalyzedText> = docs.iter().map(analyze).collect();
        let refs: Vec<&Document> = docs.iter().collect();
        mark_repeated_paragraphs(&refs, &mut texts, REPEATED_LINE_DOCS);
        let reuse = find_reuse(&ReuseInput::in_ingest_order(&docs, &texts));
        let extractions: Vec<DocExtractions> = docs
            .iter()
            .zip(&texts)
            .map(|(d, t)| {
                let anchor = DateAnchor {
                    date: d.published,
                    kind: if d.published.is_some() {
                        AnchorKind::Document
                    } else {
                        AnchorKind::None
                    },
                };
                dossier_extract::extract(d, t, &anchor)
            })
            .collect();
        let mut figure_refs = Vec::new();
        for (d, e) in extractions.iter().enumerate() {
            for f in &e.figures {
                figure_refs.push((f, texts[d].sentences[f.sentence].span.slice(&docs[d].text)));
            }
        }
        let flat = group_figures(&figure_refs);
        let mut figure_groups = Vec::new();
        let mut next = 0;
        for e in &extractions {
            figure_groups.push(flat[next..next + e.figures.len()].to_vec());
            next += e.figures.len();
        }
        Staged {
            docs,
            texts,
            extractions,
            figure_groups,
            reuse,
        }
    }

    /// The claims stage's input, one per document.
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
}

impl Story {
    /// Runs the stages on `docs`.
    pub fn build(docs: Vec<Document>) -> Story {
        let staged = Staged::new(docs);
        let inputs = staged.inputs();
        let start = Instant::now();
        let claims = build_claims(&inputs, &staged.reuse);
        let claim_seconds = start.elapsed().as_secs_f64();
        drop(inputs);
        Story {
            docs: staged.docs,
            texts: staged.texts,
            claims,
            claim_seconds,
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
