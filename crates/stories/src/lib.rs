//! Stories stage: groups documents into stories online, as they arrive.
//!
//! Each document is turned into [`DocFeatures`] (stem and name frequencies, hashes of its long
//! sentences, its date). The [`Clusterer`] compares it with the stories it has (TF-IDF cosine
//! against each story's centroid, with IDF from the documents seen so far), boosted when the
//! document shares a copied sentence with the story and damped when its date is far from the
//! story's dates. It joins the best story above [`Params::join_threshold`] or starts a new one.
//! When a document joins one story but is also close to another whose centroid is close to
//! the first, the two merge: the older id survives and the merge is reported, so ids already
//! handed out stay meaningful.
//!
//! Nothing is recomputed when documents arrive: the state is the stories' centroids, which can
//! be rebuilt from the stored features of their documents ([`Clusterer::restore`]).

#![warn(missing_docs)]

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use dossier_core::Document;
use dossier_text::{is_stopword, match_key, stem, tokens, AnalyzedText};
use serde::{Deserialize, Serialize};

/// What the clusterer knows of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocFeatures {
    /// Term (stem, or `#name` for a capitalised name token) and its weight (log term frequency).
    pub terms: Vec<(String, f32)>,
    /// Hashes of the document's long sentences (copies between documents share them).
    pub copies: Vec<u64>,
    /// Publication date.
    pub date: Option<NaiveDate>,
}

/// Most terms kept per document (the heaviest).
const MAX_DOC_TERMS: usize = 150;
/// Most terms kept per story centroid.
const MAX_STORY_TERMS: usize = 400;
/// Distinctive document terms used to find candidate stories.
const CANDIDATE_TERMS: usize = 25;
/// Stories scored exactly per document.
const MAX_CANDIDATES: usize = 20;
/// Terms in more than this share of documents do not generate candidates...
const MAX_CANDIDATE_TERM_SHARE: f32 = 0.02;
/// ...unless fewer than this many documents have been seen.
const MIN_COMMON_DF: f32 = 20.0;
/// Words a sentence needs for its hash to be a copy signal.
const COPY_SIGNAL_WORDS: usize = 10;

/// Computes a document's features from its analysed text (body sentences and headline).
pub fn features(doc: &Document, text: &AnalyzedText) -> DocFeatures {
    let mut counts: HashMap<String, f32> = HashMap::new();
    let mut copies = Vec::new();
    for sentence in &text.sentences {
        if matches!(
            text.sentence_kind(sentence),
            dossier_text::ParagraphKind::Debris(_)
        ) {
            continue;
        }
        let s = sentence.span.slice(&doc.text);
        for (i, token) in tokens(s, 0).iter().enumerate() {
            let word = token.text;
            if word.chars().all(|c| !c.is_alphabetic()) || is_stopword(word) || word.len() < 2 {
                continue;
            }
            *counts.entry(stem(word)).or_default() += 1.0;
            // Names carry the story: count them again under their own key.
            if i > 0 && word.chars().next().is_some_and(char::is_uppercase) {
                *counts
                    .entry(format!("#{}", word.to_lowercase()))
                    .or_default() += 1.0;
            }
        }
        let key = match_key(s);
        if text.is_body(sentence) && key.split(' ').count() >= COPY_SIGNAL_WORDS {
            copies.push(xxhash_rust::xxh3::xxh3_64(key.as_bytes()));
        }
    }
    let mut terms: Vec<(String, f32)> =
        counts.into_iter().map(|(t, c)| (t, 1.0 + c.ln())).collect();
    terms.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    terms.truncate(MAX_DOC_TERMS);
    copies.sort_unstable();
    copies.dedup();
    DocFeatures {
        terms,
        copies,
        date: doc.published,
    }
}

/// Tuning of the clusterer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Similarity at or above which a document joins a story.
    pub join_threshold: f32,
    /// Centroid similarity at or above which two stories a document bridges are merged.
    pub merge_threshold: f32,
    /// Added to the similarity when the document shares a copied sentence with the story.
    pub copy_bonus: f32,
    /// Days outside a story's date range beyond which similarity is halved.
    pub window_days: i64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            join_threshold: 0.3,
            merge_threshold: 0.35,
            copy_bonus: 0.5,
            window_days: 10,
        }
    }
}

/// Where a document went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// The story it belongs to.
    pub story: i64,
    /// True when the story was started by this document.
    pub created: bool,
    /// Stories merged into `story` because of this document.
    pub merged: Vec<i64>,
}

/// A term's id in the clusterer's vocabulary.
type Term = u32;

/// A document's features with interned terms.
struct Doc<'a> {
    terms: Vec<(Term, f32)>,
    copies: &'a [u64],
    date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default)]
struct Story {
    centroid: HashMap<Term, f32>,
    /// Euclidean norm of the TF-IDF centroid, refreshed whenever the story changes (IDF drifts
    /// slowly as documents arrive; recomputing it for every comparison dominated the run time).
    norm: f32,
    copies: HashSet<u64>,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    size: usize,
}

impl Story {
    fn add(&mut self, f: &Doc) {
        for &(t, w) in &f.terms {
            *self.centroid.entry(t).or_default() += w;
        }
        if self.centroid.len() > MAX_STORY_TERMS * 2 {
            prune(&mut self.centroid, MAX_STORY_TERMS);
        }
        self.copies.extend(f.copies.iter().copied());
        if let Some(d) = f.date {
            self.first = Some(self.first.map_or(d, |x| x.min(d)));
            self.last = Some(self.last.map_or(d, |x| x.max(d)));
        }
        self.size += 1;
    }

    fn absorb(&mut self, other: Story) {
        for (t, w) in other.centroid {
            *self.centroid.entry(t).or_default() += w;
        }
        prune(&mut self.centroid, MAX_STORY_TERMS);
        self.copies.extend(other.copies);
        self.first = [self.first, other.first].into_iter().flatten().min();
        self.last = [self.last, other.last].into_iter().flatten().max();
        self.size += other.size;
    }
}

fn prune(centroid: &mut HashMap<Term, f32>, keep: usize) {
    let mut all: Vec<(Term, f32)> = centroid.drain().collect();
    all.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    all.truncate(keep);
    centroid.extend(all);
}

/// The online story clusterer.
#[derive(Debug, Clone)]
pub struct Clusterer {
    params: Params,
    stories: HashMap<i64, Story>,
    /// Term ids: the clusterer compares numbers, not strings (string hashing and comparison
    /// dominated its run time).
    vocabulary: HashMap<String, Term>,
    /// term → stories whose centroid has it (candidate generation), indexed by term id.
    postings: Vec<HashSet<i64>>,
    /// sentence hash → stories carrying it.
    copy_postings: HashMap<u64, HashSet<i64>>,
    /// Documents containing each term, indexed by term id.
    document_frequency: Vec<u32>,
    documents: u32,
    next_id: i64,
}

impl Clusterer {
    /// An empty clusterer whose first new story gets id `next_id`.
    pub fn new(params: Params, next_id: i64) -> Self {
        Clusterer {
            params,
            stories: HashMap::new(),
            vocabulary: HashMap::new(),
            postings: Vec::new(),
            copy_postings: HashMap::new(),
            document_frequency: Vec::new(),
            documents: 0,
            next_id,
        }
    }

    /// Adds a document already known to belong to `story` (rebuilding state from the store).
    pub fn restore(&mut self, story: i64, f: &DocFeatures) {
        let f = self.intern(f);
        self.count_document(&f);
        self.add_to(story, &f);
        self.next_id = self.next_id.max(story + 1);
    }

    /// Number of live stories.
    pub fn story_count(&self) -> usize {
        self.stories.len()
    }

    /// Places a new document: joins the most similar story or starts one.
    pub fn assign(&mut self, f: &DocFeatures) -> Assignment {
        let f = &self.intern(f);
        self.count_document(f);
        let mut scored: Vec<(i64, f32)> = self
            .candidates(f)
            .into_iter()
            .filter_map(|id| {
                self.stories
                    .get(&id)
                    .map(|story| (id, self.similarity(f, story)))
            })
            .filter(|&(_, s)| s >= self.params.join_threshold)
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));

        let Some(&(best, _)) = scored.first() else {
            let id = self.next_id;
            self.next_id += 1;
            self.add_to(id, f);
            return Assignment {
                story: id,
                created: true,
                merged: Vec::new(),
            };
        };
        // Stories this document bridges, and whose centroids agree, become one.
        let mut group = vec![best];
        for &(other, _) in &scored[1..] {
            if self.centroid_similarity(best, other) >= self.params.merge_threshold {
                group.push(other);
            }
        }
        group.sort_unstable();
        let keeper = group[0];
        let merged: Vec<i64> = group[1..].to_vec();
        for &m in &merged {
            if let Some(story) = self.stories.remove(&m) {
                for &t in story.centroid.keys() {
                    if let Some(p) = self.postings.get_mut(t as usize) {
                        p.remove(&m);
                        p.insert(keeper);
                    }
                }
                for h in &story.copies {
                    if let Some(p) = self.copy_postings.get_mut(h) {
                        p.remove(&m);
                        p.insert(keeper);
                    }
                }
                if let Some(k) = self.stories.get_mut(&keeper) {
                    k.absorb(story);
                }
            }
        }
        self.add_to(keeper, f);
        Assignment {
            story: keeper,
            created: false,
            merged,
        }
    }

    /// The document with its terms as ids (new terms get the next id).
    fn intern<'a>(&mut self, f: &'a DocFeatures) -> Doc<'a> {
        let terms = f
            .terms
            .iter()
            .map(|(t, w)| {
                let next = self.vocabulary.len() as Term;
                let id = *self.vocabulary.entry(t.clone()).or_insert(next);
                if id == next {
                    self.postings.push(HashSet::new());
                    self.document_frequency.push(0);
                }
                (id, *w)
            })
            .collect();
        Doc {
            terms,
            copies: &f.copies,
            date: f.date,
        }
    }

    fn count_document(&mut self, f: &Doc) {
        self.documents += 1;
        for &(t, _) in &f.terms {
            self.document_frequency[t as usize] += 1;
        }
    }

    fn add_to(&mut self, id: i64, f: &Doc) {
        let story = self.stories.entry(id).or_default();
        story.add(f);
        self.refresh_norm(id);
        for &(t, _) in &f.terms {
            self.postings[t as usize].insert(id);
        }
        for h in f.copies {
            self.copy_postings.entry(*h).or_default().insert(id);
        }
    }

    fn refresh_norm(&mut self, id: i64) {
        let Some(story) = self.stories.get(&id) else {
            return;
        };
        let norm = story
            .centroid
            .iter()
            .map(|(&t, w)| (w * self.idf(t)).powi(2))
            .sum::<f32>()
            .sqrt();
        if let Some(story) = self.stories.get_mut(&id) {
            story.norm = norm;
        }
    }

    fn idf(&self, term: Term) -> f32 {
        let df = self
            .document_frequency
            .get(term as usize)
            .copied()
            .unwrap_or(0) as f32;
        ((self.documents as f32 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// Stories worth scoring exactly: the few with the highest partial score over the
    /// document's most distinctive terms (terms in more than 2% of the documents are
    /// skipped: they would make every story a candidate), plus any story sharing a copy.
    fn candidates(&self, f: &Doc) -> Vec<i64> {
        let common = (self.documents as f32 * MAX_CANDIDATE_TERM_SHARE).max(MIN_COMMON_DF);
        let mut weighted: Vec<(Term, f32, f32)> = f
            .terms
            .iter()
            .filter(|&&(t, _)| (self.document_frequency[t as usize] as f32) < common)
            .map(|&(t, w)| {
                let idf = self.idf(t);
                (t, w * idf, idf)
            })
            .collect();
        weighted.sort_by(|a, b| b.1.total_cmp(&a.1));
        let mut partial: HashMap<i64, f32> = HashMap::new();
        for &(t, dw, idf) in weighted.iter().take(CANDIDATE_TERMS) {
            let Some(p) = self.postings.get(t as usize) else {
                continue;
            };
            for id in p {
                // Postings may still name stories merged away (their pruned terms were not
                // re-pointed); only live stories are candidates.
                if let Some(story) = self.stories.get(id) {
                    let cw = story.centroid.get(&t).copied().unwrap_or(0.0);
                    *partial.entry(*id).or_default() += dw * cw * idf / story.size as f32;
                }
            }
        }
        let mut ranked: Vec<(i64, f32)> = partial.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut out: Vec<i64> = ranked
            .into_iter()
            .take(MAX_CANDIDATES)
            .map(|(id, _)| id)
            .collect();
        for h in f.copies {
            for id in self.copy_postings.get(h).into_iter().flatten() {
                if self.stories.contains_key(id) && !out.contains(id) {
                    out.push(*id);
                }
            }
        }
        out
    }

    fn similarity(&self, f: &Doc, story: &Story) -> f32 {
        let mut dot = 0.0;
        let mut doc_norm = 0.0;
        for &(t, w) in &f.terms {
            let idf = self.idf(t);
            let dw = w * idf;
            doc_norm += dw * dw;
            if let Some(cw) = story.centroid.get(&t) {
                dot += dw * cw * idf;
            }
        }
        let mut sim = if doc_norm > 0.0 && story.norm > 0.0 {
            dot / (doc_norm.sqrt() * story.norm)
        } else {
            0.0
        };
        if f.copies.iter().any(|h| story.copies.contains(h)) {
            sim += self.params.copy_bonus;
        }
        if let (Some(d), Some(first), Some(last)) = (f.date, story.first, story.last) {
            let outside = if d < first {
                (first - d).num_days()
            } else {
                (d - last).num_days().max(0)
            };
            if outside > self.params.window_days {
                sim *= 0.5;
            }
        }
        sim
    }

    fn centroid_similarity(&self, a: i64, b: i64) -> f32 {
        let (Some(a), Some(b)) = (self.stories.get(&a), self.stories.get(&b)) else {
            return 0.0;
        };
        let weight = |s: &Story, t: Term| s.centroid.get(&t).map_or(0.0, |w| w * self.idf(t));
        let dot: f32 = a
            .centroid
            .keys()
            .map(|&t| weight(a, t) * weight(b, t))
            .sum();
        let na: f32 = a
            .centroid
            .keys()
            .map(|&t| weight(a, t).powi(2))
            .sum::<f32>()
            .sqrt();
        let nb: f32 = b
            .centroid
            .keys()
            .map(|&t| weight(b, t).powi(2))
            .sum::<f32>()
            .sqrt();
        if na > 0.0 && nb > 0.0 {
            dot / (na * nb)
        } else {
            0.0
        }
    }
}
