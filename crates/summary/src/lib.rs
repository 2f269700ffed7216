//! Extractive multi-document summaries of a story, and ROUGE to measure them.
//!
//! [`summarize`] picks sentences from a story's documents: corroborated (their words used by
//! the story's other documents too, copies counted once; claims with several independent
//! sources), from documents about the story's subject (close to the other documents) and
//! central to it (the longer reports), carrying quotations, early in their article (news
//! puts the essentials first), of salient words; never two stating the same thing (same
//! copy group, same side of the same claim, or too similar in words, by TF-IDF cosine), and
//! puts them in reading order. Length is a number of sentences, a word budget, or both.
//! The weights ([`Params`]) were tuned for ROUGE on Multi-News validation
//! (`eval/README.md`, `examples/multi_news_rouge.rs`).
//!
//! The caller passes one [`Candidate`] per body sentence with what the pipeline knows of it
//! (document, position, copy group, claim); the summary is indices into those candidates,
//! so every sentence stays traceable to its span.
//!
//! [`rouge`] is ROUGE-1/2/L as the `rouge-score` Python package computes it, with [`porter`]
//! its stemmer.

#![warn(missing_docs)]

pub mod porter;
pub mod rouge;

use std::collections::HashMap;

use dossier_text::{is_stopword, stem, tokens};

/// Why a summary could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SummaryError {
    /// A candidate names a document the input does not have.
    #[error("candidate {candidate} is in document {doc}, but there are {documents} documents")]
    NoSuchDocument {
        /// Index of the candidate.
        candidate: usize,
        /// The document it names.
        doc: usize,
        /// Number of documents in the input.
        documents: usize,
    },
}

/// The claim a sentence states, as the claims stage grouped it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimRef {
    /// Claim id (any number the caller uses; equal ids are the same claim).
    pub id: usize,
    /// True when the sentence denies the claim: an assertion and its denial are different
    /// statements, and the summary may carry both.
    pub denies: bool,
    /// Independent sources supporting the claim (copies counted once).
    pub independent_sources: usize,
}

/// A sentence the summary may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate<'a> {
    /// Index of its document in [`SummaryInput::documents`].
    pub doc: usize,
    /// Position among its document's body sentences (0 = the first).
    pub position: usize,
    /// The sentence as written.
    pub text: &'a str,
    /// Copy group (sentences copied from one another share it), if copied.
    pub copy_group: Option<usize>,
    /// The claim it states, if any.
    pub claim: Option<ClaimRef>,
}

/// A document of the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentInfo {
    /// Rank in reading order (dated documents by date, then undated, each by ingest order;
    /// smaller is earlier). The summary lists its sentences by this, then by position.
    pub order: usize,
}

/// What to summarise: the story's documents and its candidate sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SummaryInput<'a> {
    /// Documents, indexed by [`Candidate::doc`].
    pub documents: Vec<DocumentInfo>,
    /// Candidate sentences, normally every body sentence of every document.
    pub candidates: Vec<Candidate<'a>>,
}

/// How long the summary may be. `None` means no limit of that kind; with both `None` every
/// candidate that says something new is ranked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Length {
    /// At most this many sentences.
    pub sentences: Option<usize>,
    /// At most this many words (whitespace-separated); a sentence that would overflow is
    /// skipped and a shorter one may take its place.
    pub words: Option<usize>,
}

impl Length {
    /// At most `n` sentences.
    pub fn sentences(n: usize) -> Length {
        Length {
            sentences: Some(n),
            words: None,
        }
    }

    /// At most `n` words.
    pub fn words(n: usize) -> Length {
        Length {
            sentences: None,
            words: Some(n),
        }
    }
}

/// Weights of the sentence score and the redundancy rules. [`Params::default`] holds the
/// values tuned on the first half of Multi-News validation (see `eval/README.md`).
///
/// A sentence's score is the weighted sum of its features; the summary takes the best
/// sentence, less `redundancy` times its highest cosine to a sentence already taken, until
/// the length is reached or nothing new is left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Sentences with fewer words are not chosen (they still count in the statistics).
    pub min_words: usize,
    /// Sentences with more words are not chosen.
    pub max_words: usize,
    /// Weight of the cosine to the story's TF-IDF centroid.
    pub centroid: f32,
    /// Weight of corroboration: the mean, over the sentence's content words, of the share
    /// of the story's other documents that use the word too.
    pub corroboration: f32,
    /// Whether copies of a sentence count as corroboration (by default they do not: a copy
    /// is one source).
    pub copies_corroborate: bool,
    /// Weight of salience: `ln(1 + mean count in the story of the sentence's content
    /// words)`, copies counted once.
    pub salience: f32,
    /// Weight of the position prior `1 / (1 + position / position_scale)`.
    pub position: f32,
    /// Position at which the prior has halved.
    pub position_scale: f32,
    /// Weight of `ln(words)`.
    pub length: f32,
    /// Weight of carrying a quotation (a quotation mark).
    pub quote: f32,
    /// Weight of the document's share of the story's words (the main article is long).
    pub document_share: f32,
    /// Weight of the document's relatedness: the cosine of its TF-IDF vector to the sum of
    /// the story's other documents' (an article about something else adds little).
    pub relatedness: f32,
    /// Weight per independent source of the sentence's claim (counted up to 4).
    pub claim_support: f32,
    /// MMR penalty: times the highest cosine to a sentence already chosen.
    pub redundancy: f32,
    /// TF-IDF cosine at or above which two sentences count as stating the same thing.
    pub same_statement: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_words: 4,
            max_words: 150,
            centroid: 0.0,
            corroboration: 0.3,
            copies_corroborate: false,
            salience: 0.03,
            position: 0.08,
            position_scale: 4.0,
            length: -0.02,
            quote: 0.15,
            document_share: 0.12,
            relatedness: 0.5,
            claim_support: 0.05,
            redundancy: 0.1,
            same_statement: 0.4,
        }
    }
}

/// The chosen sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Indices into [`SummaryInput::candidates`], in reading order.
    pub sentences: Vec<usize>,
    /// The same indices in the order they were chosen (best first).
    pub ranked: Vec<usize>,
}

/// Words of a sentence as the word budget counts them (whitespace-separated).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A sparse TF-IDF vector: (term id, weight) sorted by term id, with its norm.
#[derive(Debug, Clone, Default)]
struct Vector {
    terms: Vec<(u32, f32)>,
    norm: f32,
}

impl Vector {
    fn dot(&self, other: &Vector) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < self.terms.len() && j < other.terms.len() {
            let (a, b) = (self.terms[i], other.terms[j]);
            match a.0.cmp(&b.0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a.1 * b.1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    fn cosine(&self, other: &Vector) -> f32 {
        if self.norm > 0.0 && other.norm > 0.0 {
            self.dot(other) / (self.norm * other.norm)
        } else {
            0.0
        }
    }
}

/// Content terms (stems of words with a letter, stopwords left out) of a sentence, counted.
fn term_counts(text: &str, ids: &mut HashMap<String, u32>) -> Vec<(u32, f32)> {
    let mut counts: HashMap<u32, f32> = HashMap::new();
    for t in tokens(text, 0) {
        if t.text.chars().any(char::is_alphabetic) && !is_stopword(t.text) {
            let next = ids.len() as u32;
            let id = *ids.entry(stem(t.text)).or_insert(next);
            *counts.entry(id).or_default() += 1.0;
        }
    }
    let mut out: Vec<(u32, f32)> = counts.into_iter().collect();
    out.sort_unstable_by_key(|&(t, _)| t);
    out
}

/// Summarises a story: see the crate documentation.
pub fn summarize(
    input: &SummaryInput<'_>,
    length: Length,
    params: &Params,
) -> Result<Summary, SummaryError> {
    let candidates = &input.candidates;
    for (i, c) in candidates.iter().enumerate() {
        if c.doc >= input.documents.len() {
            return Err(SummaryError::NoSuchDocument {
                candidate: i,
                doc: c.doc,
                documents: input.documents.len(),
            });
        }
    }
    let n = candidates.len();
    let mut ids: HashMap<String, u32> = HashMap::new();
    let counts: Vec<Vec<(u32, f32)>> = candidates
        .iter()
        .map(|c| term_counts(c.text, &mut ids))
        .collect();
    let terms = ids.len();

    // A copied sentence counts once: for its first carrier (the lowest candidate index).
    let mut first_of_group: HashMap<usize, usize> = HashMap::new();
    let distinct: Vec<bool> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| match c.copy_group {
            Some(g) => *first_of_group.entry(g).or_insert(i) == i,
            None => true,
        })
        .collect();

    // Sentence frequency (for idf) and counts in the story (for salience).
    let mut df = vec![0f32; terms];
    let mut story_count = vec![0f32; terms];
    let distinct_count = distinct.iter().filter(|&&d| d).count().max(1) as f32;
    for (i, c) in counts.iter().enumerate() {
        if distinct[i] {
            for &(t, k) in c {
                df[t as usize] += 1.0;
                story_count[t as usize] += k;
            }
        }
    }
    // The documents reporting each term (for corroboration), and for each sentence's terms
    // whether its own document is among them; one pass per document.
    let mut by_doc: Vec<usize> = (0..n).collect();
    by_doc.sort_by_key(|&i| candidates[i].doc);
    let mut doc_count = vec![0u32; terms];
    let mut counted_in = vec![usize::MAX; terms];
    let mut in_own_doc: Vec<Vec<bool>> = vec![Vec::new(); n];
    for group in by_doc.chunk_by(|&a, &b| candidates[a].doc == candidates[b].doc) {
        let doc = candidates[group[0]].doc;
        for &i in group {
            if distinct[i] || params.copies_corroborate {
                for &(t, _) in &counts[i] {
                    if counted_in[t as usize] != doc {
                        counted_in[t as usize] = doc;
                        doc_count[t as usize] += 1;
                    }
                }
            }
        }
        for &i in group {
            in_own_doc[i] = counts[i]
                .iter()
                .map(|&(t, _)| counted_in[t as usize] == doc)
                .collect();
        }
    }
    let idf: Vec<f32> = df
        .iter()
        .map(|&f| ((distinct_count + 1.0) / (f + 1.0)).ln().max(0.0))
        .collect();
    let vectors: Vec<Vector> = counts
        .iter()
        .map(|c| {
            let terms: Vec<(u32, f32)> = c
                .iter()
                .map(|&(t, k)| (t, (1.0 + k.ln()) * idf[t as usize]))
                .collect();
            let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            Vector { terms, norm }
        })
        .collect();
    let mut centroid_weights = vec![0f32; terms];
    let mut doc_weights: Vec<HashMap<u32, f32>> = vec![HashMap::new(); input.documents.len()];
    for (i, v) in vectors.iter().enumerate() {
        if distinct[i] {
            for &(t, w) in &v.terms {
                centroid_weights[t as usize] += w;
                *doc_weights[candidates[i].doc].entry(t).or_default() += w;
            }
        }
    }
    let centroid_terms: Vec<(u32, f32)> = centroid_weights
        .iter()
        .enumerate()
        .filter(|(_, &w)| w > 0.0)
        .map(|(t, &w)| (t as u32, w))
        .collect();
    let centroid = Vector {
        norm: centroid_terms
            .iter()
            .map(|(_, w)| w * w)
            .sum::<f32>()
            .sqrt(),
        terms: centroid_terms,
    };
    // Each document's cosine to the sum of the others': with T the story's total and D the
    // document's vector, D·(T−D) = D·T − |D|² and |T−D|² = |T|² − 2 D·T + |D|².
    let total_sq: f64 = centroid_weights.iter().map(|&w| f64::from(w).powi(2)).sum();
    let relatedness: Vec<f32> = doc_weights
        .iter()
        .map(|own| {
            let (mut dot_total, mut own_sq) = (0.0f64, 0.0f64);
            for (&t, &w) in own {
                dot_total += f64::from(w) * f64::from(centroid_weights[t as usize]);
                own_sq += f64::from(w).powi(2);
            }
            let others_sq = (total_sq - 2.0 * dot_total + own_sq).max(0.0);
            if own_sq > 0.0 && others_sq > 1e-9 {
                ((dot_total - own_sq) / (own_sq.sqrt() * others_sq.sqrt())) as f32
            } else {
                0.0
            }
        })
        .collect();

    let words: Vec<usize> = candidates.iter().map(|c| word_count(c.text)).collect();
    let mut doc_words = vec![0usize; input.documents.len()];
    let mut with_candidates = vec![false; input.documents.len()];
    for (c, &w) in candidates.iter().zip(&words) {
        doc_words[c.doc] += w;
        with_candidates[c.doc] = true;
    }
    let total_words = doc_words.iter().sum::<usize>().max(1) as f32;
    let other_docs = with_candidates
        .iter()
        .filter(|&&d| d)
        .count()
        .saturating_sub(1);

    let relevance: Vec<f32> = (0..n)
        .map(|i| {
            let c = &candidates[i];
            let terms = &counts[i];
            let mut score = params.centroid * vectors[i].cosine(&centroid);
            let occurrences: f32 = terms.iter().map(|&(_, k)| k).sum();
            if occurrences > 0.0 {
                let mean_count = terms
                    .iter()
                    .map(|&(t, k)| k * story_count[t as usize])
                    .sum::<f32>()
                    / occurrences;
                score += params.salience * mean_count.ln_1p();
                if other_docs > 0 {
                    let elsewhere = terms
                        .iter()
                        .zip(&in_own_doc[i])
                        .map(|(&(t, k), &own)| k * (doc_count[t as usize] - u32::from(own)) as f32)
                        .sum::<f32>();
                    score += params.corroboration * elsewhere / (occurrences * other_docs as f32);
                }
            }
            score += params.position
                / (1.0 + c.position as f32 / params.position_scale.max(f32::EPSILON));
            score += params.length * (words[i].max(1) as f32).ln();
            if c.text.contains(['"', '\u{201C}', '\u{201D}']) {
                score += params.quote;
            }
            score += params.document_share * doc_words[c.doc] as f32 / total_words;
            if other_docs > 0 {
                score += params.relatedness * relatedness[c.doc];
            }
            if let Some(claim) = c.claim {
                score += params.claim_support * claim.independent_sources.min(4) as f32;
            }
            score
        })
        .collect();

    let mut open: Vec<usize> = (0..n)
        .filter(|&i| (params.min_words..=params.max_words).contains(&words[i]))
        .collect();
    let mut max_similarity = vec![0f32; n];
    let mut used_groups: Vec<usize> = Vec::new();
    let mut used_claims: Vec<(usize, bool)> = Vec::new();
    let mut ranked: Vec<usize> = Vec::new();
    let mut budget = length.words;
    while length.sentences.is_none_or(|k| ranked.len() < k) {
        open.retain(|&i| {
            let c = &candidates[i];
            !(c.copy_group.is_some_and(|g| used_groups.contains(&g))
                || c.claim
                    .is_some_and(|r| used_claims.contains(&(r.id, r.denies)))
                || max_similarity[i] >= params.same_statement
                || budget.is_some_and(|b| words[i] > b))
        });
        let best = open.iter().copied().max_by(|&a, &b| {
            let sa = relevance[a] - params.redundancy * max_similarity[a];
            let sb = relevance[b] - params.redundancy * max_similarity[b];
            sa.total_cmp(&sb).then(b.cmp(&a))
        });
        let Some(best) = best else {
            break;
        };
        ranked.push(best);
        open.retain(|&i| i != best);
        if let Some(b) = budget.as_mut() {
            *b -= words[best];
        }
        let c = &candidates[best];
        if let Some(g) = c.copy_group {
            used_groups.push(g);
        }
        if let Some(r) = c.claim {
            used_claims.push((r.id, r.denies));
        }
        for &i in &open {
            max_similarity[i] = max_similarity[i].max(vectors[i].cosine(&vectors[best]));
        }
    }
    let mut sentences = ranked.clone();
    sentences.sort_by_key(|&i| {
        let c = &candidates[i];
        (input.documents[c.doc].order, c.doc, c.position)
    });
    Ok(Summary { sentences, ranked })
}
