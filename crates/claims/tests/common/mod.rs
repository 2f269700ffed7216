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

/// A story's documents run through the stages before the claims stage: what
/// `build_claims` reads, kept so it can be run (and timed) more than once.
pub struct Prepared {
    /// The documents, in ingest order.
    pub docs: Vec<Document>,
    /// Their sentences.
    pub texts: Vec<AnalyzedText>,
    /// Copied sentences across the documents.
    pub reuse: Reuse,
    /// Quotes, entities, figures and dates of each document.
    pub extractions: Vec<DocExtractions>,
    /// Figure group of each figure, per document.
    pub figure_groups: Vec<Vec<usize>>,
}

impl Prepared {
    /// Runs the stages before the claims stage on `docs`.
    pub fn new(docs: Vec<Document>) -> Prepared {
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
        Prepared {
            docs,
            texts,
            reuse,
            extractions,
            figure_groups,
        }
    }

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
        let claims = build_claims(&inputs, &self.reuse);
        (claims, start.elapsed().as_secs_f64())
    }
}

impl Story {
    /// Runs the stages on `docs`.
    pub fn build(docs: Vec<Document>) -> Story {
        let prepared = Prepared::new(docs);
        let (claims, claim_seconds) = prepared.claims();
        Story {
            docs: prepared.docs,
            texts: prepared.texts,
            claims,
            claim_seconds,
        }
    }
}
