//! Reuse stage: text copied between documents.
//!
//! Copies make corroboration honest: a paragraph that three outlets carry word for word is
//! one source, not three. This crate finds
//! - sentence copies: sentences of different documents with the same [`match_key`] (exact,
//!   after normalising quotes, case and punctuation) or sharing most of their word 3-gram
//!   shingles (near copies surviving small edits);
//! - passages: runs of consecutive copied sentences that the same documents share, reported
//!   with each document's span and the first carrier;
//! - document near-duplicates, with one-permutation MinHash sketches, an LSH index and exact
//!   verification of the candidates.
//!
//! The first carrier of a copy is the earliest-dated document when every carrier has a
//! date, else the first ingested one (Dossier does not compare a known date with an unknown
//! one).

#![warn(missing_docs)]

mod documents;

pub use documents::{
    shingle_jaccard, shingles, NearDuplicateIndex, Sketch, BANDS, HIGH_BANDS, HIGH_ROWS,
    HIGH_THRESHOLD, MAX_DOCUMENTS, ROWS, SKETCH_BINS,
};

use std::collections::HashMap;

use dossier_core::UnionFind;
use dossier_core::{Document, Span};
use dossier_text::{match_key, AnalyzedText};
use serde::Serialize;

/// Fewest words a sentence must have to count as a copy (shorter ones, such as "He said.",
/// repeat by chance).
pub const MIN_COPY_WORDS: usize = 6;
/// Shingle Jaccard similarity at or above which two sentences are near copies.
pub const NEAR_COPY_JACCARD: f64 = 0.6;
/// Shingle Jaccard similarity at or above which two whole documents are near-duplicates.
pub const NEAR_DUPLICATE_DOCUMENT_JACCARD: f64 = 0.5;

/// Share of the shorter sentence's shingles found in the longer one at or above which the
/// shorter is a trimmed copy ("..., though the paper estimates the real figure to be higher."
/// copied from a sentence that goes on).
pub const NEAR_COPY_CONTAINMENT: f64 = 0.9;
/// Fewest shingles a sentence needs to count as contained in another.
pub const MIN_CONTAINED_SHINGLES: usize = 8;

/// Distinct sentences a shingle may occur in and still propose near-copy candidates.
const MAX_SHINGLE_POSTINGS: usize = 200;

/// A sentence of a document: (document index, sentence index) in the slice given.
pub type SentenceRef = (usize, usize);

/// Exact or near copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CopyKind {
    /// Identical after normalisation.
    Exact,
    /// Small edits between the copies.
    Near,
}

impl CopyKind {
    /// `exact` or `near`.
    pub fn as_str(&self) -> &'static str {
        match self {
            CopyKind::Exact => "exact",
            CopyKind::Near => "near",
        }
    }
}

/// Sentences of different documents that are copies of each other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceGroup {
    /// The copies, in document order.
    pub members: Vec<SentenceRef>,
    /// Exact or near.
    pub kind: CopyKind,
    /// Index (in the slice given) of the document that carried it first.
    pub first_doc: usize,
}

/// A passage (one or more consecutive sentences) that several documents share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// Each carrying document (index in the slice given) with the passage's span in it and
    /// the range of its sentences.
    pub members: Vec<(usize, Span, std::ops::Range<usize>)>,
    /// Exact or near (near when any of its sentences is a near copy).
    pub kind: CopyKind,
    /// The first carrier (index in the slice given).
    pub first_doc: usize,
}

/// Everything the reuse stage found among a set of documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reuse {
    /// Copied sentences.
    pub groups: Vec<SentenceGroup>,
    /// The group of each copied sentence.
    #[serde(skip)]
    pub group_of: HashMap<SentenceRef, usize>,
    /// Copied passages (maximal runs of copied sentences shared by the same documents).
    pub passages: Vec<Passage>,
    /// Pairs of documents that are near-duplicates as a whole: (earlier index, later index,
    /// estimated Jaccard similarity of their shingles).
    pub near_duplicates: Vec<(usize, usize, f64)>,
}

impl Reuse {
    /// The copy group of a sentence, if it is copied.
    pub fn group(&self, sentence: SentenceRef) -> Option<&SentenceGroup> {
        self.group_of.get(&sentence).map(|&g| &self.groups[g])
    }
}

/// One input document: the document, its analysed text and its ingest sequence number
/// (used to order documents without dates).
#[derive(Debug, Clone, Copy)]
pub struct ReuseInput<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its paragraphs and sentences.
    pub text: &'a AnalyzedText,
    /// Ingest order (smaller is earlier).
    pub ingest_seq: usize,
}

impl<'a> ReuseInput<'a> {
    /// Inputs for documents given in ingest order, with their analysed texts.
    pub fn in_ingest_order(docs: &'a [Document], texts: &'a [AnalyzedText]) -> Vec<ReuseInput<'a>> {
        docs.iter()
            .zip(texts)
            .enumerate()
            .map(|(ingest_seq, (doc, text))| ReuseInput {
                doc,
                text,
                ingest_seq,
            })
            .collect()
    }
}

/// The first carrier among `docs` (indices into `inputs`): the earliest date when all are
/// dated, else the first ingested.
pub fn first_carrier(
    inputs: &[ReuseInput<'_>],
    docs: impl Iterator<Item = usize>,
) -> Option<usize> {
    let docs: Vec<usize> = docs.collect();
    let all_dated = docs.iter().all(|&d| inputs[d].doc.published.is_some());
    docs.into_iter().min_by_key(|&d| {
        let date = if all_dated {
            inputs[d].doc.published
        } else {
            None
        };
        (date, inputs[d].ingest_seq)
    })
}

/// Finds copied sentences and passages among `inputs` (typically the documents of a story).
pub fn find_reuse(inputs: &[ReuseInput<'_>]) -> Reuse {
    let mut sentences: Vec<(SentenceRef, String, Vec<u64>)> = Vec::new();
    let mut near_duplicates = Vec::new();
    let mut documents = NearDuplicateIndex::new(NEAR_DUPLICATE_DOCUMENT_JACCARD);
    for (d, input) in inputs.iter().enumerate() {
        let keys: Vec<(usize, String)> = input
            .text
            .body_sentences()
            .map(|(s, sentence)| (s, match_key(sentence.span.slice(&input.doc.text))))
            .collect();
        let body: Vec<&str> = keys.iter().map(|(_, k)| k.as_str()).collect();
        for (other, similarity) in documents.insert(d, &shingles(&body.join(" "), 3)) {
            near_duplicates.push((other, d, similarity));
        }
        for (s, key) in keys {
            let shingles = shingles(&key, 3);
            if key.split(' ').count() >= MIN_COPY_WORDS {
                sentences.push(((d, s), key, shingles));
            }
        }
    }

    let mut union = UnionFind::new(sentences.len());
    // Exact copies first, by key: linear however many documents carry the same sentence.
    let mut first_with_key: HashMap<&str, usize> = HashMap::new();
    let mut representatives = Vec::new();
    for (i, (_, key, _)) in sentences.iter().enumerate() {
        match first_with_key.get(key.as_str()) {
            Some(&first) => union.join(first, i),
            None => {
                first_with_key.insert(key, i);
                representatives.push(i);
            }
        }
    }

    // Near copies among distinct sentences. Candidate pairs share a shingle: an inverted
    // index keeps this near linear instead of comparing every pair; a shingle in very many
    // sentences ("according to the") identifies nothing and is skipped.
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for &i in &representatives {
        for &h in &sentences[i].2 {
            postings.entry(h).or_default().push(i);
        }
    }
    for &i in &representatives {
        let (a_ref, _, a_sh) = &sentences[i];
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for h in a_sh {
            let posting = &postings[h];
            if posting.len() > MAX_SHINGLE_POSTINGS {
                continue;
            }
            for &j in posting {
                if j > i && sentences[j].0 .0 != a_ref.0 {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        for (j, common) in shared {
            let b_sh = &sentences[j].2;
            let jaccard = common as f64 / (a_sh.len() + b_sh.len() - common) as f64;
            let containment = common as f64 / a_sh.len().min(b_sh.len()) as f64;
            let contained = containment >= NEAR_COPY_CONTAINMENT
                && a_sh.len().min(b_sh.len()) >= MIN_CONTAINED_SHINGLES;
            if jaccard >= NEAR_COPY_JACCARD || contained {
                union.join(i, j);
            }
        }
    }

    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..sentences.len() {
        by_root.entry(union.find(i)).or_default().push(i);
    }
    let mut roots: Vec<Vec<usize>> = by_root
        .into_values()
        .filter(|members| {
            let first_doc = sentences[members[0]].0 .0;
            members.iter().any(|&m| sentences[m].0 .0 != first_doc)
        })
        .collect();
    roots
        .iter_mut()
        .for_each(|m| m.sort_by_key(|&i| sentences[i].0));
    roots.sort_by_key(|m| sentences[m[0]].0);

    let mut reuse = Reuse {
        near_duplicates,
        ..Reuse::default()
    };
    for members in roots {
        let first_key = &sentences[members[0]].1;
        let kind = if members.iter().all(|&m| &sentences[m].1 == first_key) {
            CopyKind::Exact
        } else {
            CopyKind::Near
        };
        let refs: Vec<SentenceRef> = members.iter().map(|&m| sentences[m].0).collect();
        let first_doc = first_carrier(inputs, refs.iter().map(|r| r.0)).unwrap_or(refs[0].0);
        let index = reuse.groups.len();
        for r in &refs {
            reuse.group_of.insert(*r, index);
        }
        reuse.groups.push(SentenceGroup {
            members: refs,
            kind,
            first_doc,
        });
    }
    reuse.passages = passages(inputs, &reuse);
    reuse
}

/// How much of one document is copied text, and from whom.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocumentCopies {
    /// Bytes of the document's reporting sentences.
    pub body_bytes: usize,
    /// Bytes of those sentences that other documents of the set also carry.
    pub copied_bytes: usize,
    /// Documents (indices in the inputs) that carried first a sentence this one also carries.
    pub copies_from: Vec<usize>,
}

impl DocumentCopies {
    /// Share of the document's reporting text that is shared with other documents (0 to 1).
    pub fn copied_share(&self) -> f64 {
        if self.body_bytes == 0 {
            0.0
        } else {
            self.copied_bytes as f64 / self.body_bytes as f64
        }
    }
}

/// The copy graph of a set of documents: for each, the share of its text that is copied and
/// the documents it copies from (the first carriers of what it shares).
pub fn copy_graph(inputs: &[ReuseInput<'_>], reuse: &Reuse) -> Vec<DocumentCopies> {
    let mut out: Vec<DocumentCopies> = inputs
        .iter()
        .enumerate()
        .map(|(d, input)| {
            let mut copies = DocumentCopies::default();
            for (s, sentence) in input.text.body_sentences() {
                copies.body_bytes += sentence.span.len();
                if reuse.group_of.contains_key(&(d, s)) {
                    copies.copied_bytes += sentence.span.len();
                }
            }
            copies
        })
        .collect();
    for group in &reuse.groups {
        for &(d, _) in &group.members {
            if d != group.first_doc && !out[d].copies_from.contains(&group.first_doc) {
                out[d].copies_from.push(group.first_doc);
            }
        }
    }
    for copies in &mut out {
        copies.copies_from.sort_unstable();
    }
    out
}

/// Joins consecutive copied sentences that the same documents share into passages.
fn passages(inputs: &[ReuseInput<'_>], reuse: &Reuse) -> Vec<Passage> {
    // A run in one document: consecutive body sentences whose groups have the same set of
    // documents. Runs in different documents with the same sequence of groups are one passage.
    let mut by_groups: HashMap<Vec<usize>, Vec<(usize, std::ops::Range<usize>)>> = HashMap::new();
    for (d, input) in inputs.iter().enumerate() {
        let mut run: Vec<(usize, usize)> = Vec::new(); // (sentence, group)
        let flush = |run: &mut Vec<(usize, usize)>,
                     by_groups: &mut HashMap<Vec<usize>, Vec<(usize, std::ops::Range<usize>)>>| {
            if let (Some(first), Some(last)) = (run.first(), run.last()) {
                // One sentence of a document may be split in two by another document's
                // punctuation (both halves then join its group): a group repeated in a row
                // counts once, so the passage still matches.
                let mut groups: Vec<usize> = run.iter().map(|&(_, g)| g).collect();
                groups.dedup();
                by_groups.entry(groups).or_default().push((d, first.0..last.0 + 1));
            }
            run.clear();
        };
        for s in 0..input.text.sentences.len() {
            let Some(&g) = reuse.group_of.get(&(d, s)) else {
                if input.text.is_body(&input.text.sentences[s]) {
                    flush(&mut run, &mut by_groups);
                }
                continue;
            };
            let same_docs = run.last().is_some_and(|&(_, prev)| {
                doc_set(&reuse.groups[prev]) == doc_set(&reuse.groups[g])
            });
            if !same_docs {
                flush(&mut run, &mut by_groups);
            }
            run.push((s, g));
        }
        flush(&mut run, &mut by_groups);
    }
    let mut out: Vec<Passage> = by_groups
        .into_iter()
        .filter(|(_, members)| members.len() >= 2)
        .map(|(groups, members)| {
            let kind = if groups
                .iter()
                .all(|&g| reuse.groups[g].kind == CopyKind::Exact)
            {
                CopyKind::Exact
            } else {
                CopyKind::Near
            };
            let first_doc =
                first_carrier(inputs, members.iter().map(|m| m.0)).unwrap_or(members[0].0);
            let members = members
                .into_iter()
                .map(|(d, range)| {
                    let sentences = &inputs[d].text.sentences;
                    let span = Span::new(
                        sentences[range.start].span.start,
                        sentences[range.end - 1].span.end,
                    );
                    (d, span, range)
                })
                .collect();
            Passage {
                members,
                kind,
                first_doc,
            }
        })
        .collect();
    out.sort_by_key(|p| (p.members[0].0, p.members[0].1.start));
    out
}

fn doc_set(group: &SentenceGroup) -> Vec<usize> {
    let mut docs: Vec<usize> = group.members.iter().map(|m| m.0).collect();
    docs.dedup();
    docs
}
