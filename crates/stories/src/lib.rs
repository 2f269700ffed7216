//! Stories stage: groups documents into stories online, as they arrive.
//!
//! EXPERIMENTAL VERSION (knobs from the environment) — being tuned.

#![warn(missing_docs)]

use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

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

/// Experiment knobs.
#[derive(Debug)]
struct Knobs {
    max_doc_terms: usize,
    numbers: bool,
    name_bigrams: bool,
    bigrams: bool,
    lead_sentences: usize,
    lead_boost: f32,
    name_weight: f32,
    members_kept: usize,
    lambda: f32,
    max_weight: f32,
    gamma: f32,
    merge_floor: f32,
    candidate_terms: usize,
    max_candidates: usize,
    mask: u32,
    max_required: f32,
    rho_join: f32,
    rho_merge: f32,
    top_k: usize,
    numbers_are_words: bool,
    case_min: f32,
}

fn knobs() -> &'static Knobs {
    static K: OnceLock<Knobs> = OnceLock::new();
    K.get_or_init(|| {
        let get = |name: &str, default: f32| -> f32 {
            std::env::var(format!("DOSSIER_X_{name}"))
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(default)
        };
        let k = Knobs {
            max_doc_terms: get("MAXTERMS", 150.0) as usize,
            numbers: get("NUM", 1.0) > 0.0,
            name_bigrams: get("NAMEBI", 0.0) > 0.0,
            bigrams: get("BI", 0.0) > 0.0,
            lead_sentences: get("LEADN", 0.0) as usize,
            lead_boost: get("LEADB", 0.0),
            name_weight: get("NAMEW", 1.0),
            members_kept: get("MK", 32.0) as usize,
            lambda: get("LAMBDA", 0.0),
            max_weight: get("MW", 0.0),
            gamma: get("GAMMA", 0.0),
            merge_floor: get("MFLOOR", 0.5),
            candidate_terms: get("CT", 25.0) as usize,
            max_candidates: get("MC", 20.0) as usize,
            mask: get("MASK", 0.0) as u32,
            max_required: get("MAXREQ", 0.0),
            rho_join: get("RHOJ", 0.0),
            rho_merge: get("RHOM", 0.0),
            top_k: get("TOPK", 100000.0) as usize,
            numbers_are_words: get("NUMWORDS", 0.0) > 0.0,
            case_min: get("CASEMIN", 0.0),
        };
        eprintln!("{k:?}");
        k
    })
}

/// Most terms kept per story centroid.
const MAX_STORY_TERMS: usize = 400;
/// Terms in more than this share of documents do not generate candidates...
const MAX_CANDIDATE_TERM_SHARE: f32 = 0.02;
/// ...unless fewer than this many documents have been seen.
const MIN_COMMON_DF: f32 = 20.0;
/// Words a sentence needs for its hash to be a copy signal.
const COPY_SIGNAL_WORDS: usize = 10;

/// Computes a document's features from its analysed text (body sentences and headline).
pub fn features(doc: &Document, text: &AnalyzedText) -> DocFeatures {
    let k = knobs();
    let mut counts: HashMap<String, f32> = HashMap::new();
    let mut copies = Vec::new();
    let mut kept = 0;
    let (mut inner_words, mut inner_capitals) = (0usize, 0usize);
    for sentence in &text.sentences {
        if matches!(
            text.sentence_kind(sentence),
            dossier_text::ParagraphKind::Debris(_)
        ) {
            continue;
        }
        let boost = if kept < k.lead_sentences {
            1.0 + k.lead_boost
        } else {
            1.0
        };
        kept += 1;
        let s = sentence.span.slice(&doc.text);
        let mut prev_stem: Option<String> = None;
        let mut prev_name: Option<String> = None;
        for (i, token) in tokens(s, 0).iter().enumerate() {
            let word = token.text;
            if !word.chars().any(char::is_alphabetic) {
                if k.numbers && word.chars().filter(char::is_ascii_digit).count() >= 2 {
                    *counts.entry(format!("={}", word.replace(',', ""))).or_default() += boost;
                }
                prev_stem = None;
                prev_name = None;
                continue;
            }
            if is_stopword(word) || word.len() < 2 {
                prev_stem = None;
                prev_name = None;
                continue;
            }
            if i > 0 {
                inner_words += 1;
                if word.chars().next().is_some_and(char::is_uppercase) {
                    inner_capitals += 1;
                }
            }
            let st = stem(word);
            if k.bigrams {
                if let Some(p) = &prev_stem {
                    *counts.entry(format!("{p}_{st}")).or_default() += boost;
                }
            }
            *counts.entry(st.clone()).or_default() += boost;
            prev_stem = Some(st);
            // Names carry the story: count them again under their own key.
            if word.chars().next().is_some_and(char::is_uppercase) {
                let lower = word.to_lowercase();
                if k.name_bigrams {
                    if let Some(p) = &prev_name {
                        *counts.entry(format!("#{p} {lower}")).or_default() +=
                            boost * k.name_weight;
                    }
                }
                if i > 0 {
                    *counts.entry(format!("#{lower}")).or_default() += boost * k.name_weight;
                }
                prev_name = Some(lower);
            } else {
                prev_name = None;
            }
        }
        let key = match_key(s);
        if text.is_body(sentence) && key.split(' ').count() >= COPY_SIGNAL_WORDS {
            copies.push(xxhash_rust::xxh3::xxh3_64(key.as_bytes()));
        }
    }
    let cased = inner_capitals as f32 >= k.case_min * inner_words as f32;
    let mut terms: Vec<(String, f32)> = counts
        .into_iter()
        .filter(|(t, _)| cased || !t.starts_with('#'))
        .map(|(t, c)| (t, 1.0 + c.ln()))
        .collect();
    terms.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    terms.truncate(k.max_doc_terms);
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

/// Multiplicative hashing for small integer keys (the default SipHash dominated run time).
#[derive(Default, Clone, Copy)]
struct IntHasher(u64);

impl Hasher for IntHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

type IntMap<K, V> = HashMap<K, V, BuildHasherDefault<IntHasher>>;
type IntSet<K> = HashSet<K, BuildHasherDefault<IntHasher>>;

/// Sparse vector: (term, weight) sorted by term.
type Sparse = Vec<(Term, f32)>;

/// A document's features with interned terms (sorted by term).
struct Doc<'a> {
    terms: Sparse,
    copies: &'a [u64],
    date: Option<NaiveDate>,
}

/// A vector weighted with the current IDF: (term, tf·idf) sorted by term, and its squared
/// norms over name terms and over word terms.
struct Weighted {
    terms: Sparse,
    names2: f32,
    words2: f32,
}

#[derive(Debug, Clone)]
struct Story {
    id: i64,
    alive: bool,
    /// Sum of the members' term weights, sorted by term (candidate generation).
    centroid: Sparse,
    /// The most recent members' term weights (similarity is their average).
    members: VecDeque<Sparse>,
    copies: IntSet<u64>,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    size: usize,
    /// Sum of the similarities between pairs of members, and the number of pairs.
    pair_sum: f32,
    pairs: f32,
}

impl Story {
    fn new(id: i64) -> Story {
        Story {
            id,
            alive: true,
            centroid: Vec::new(),
            members: VecDeque::new(),
            copies: IntSet::default(),
            first: None,
            last: None,
            size: 0,
            pair_sum: 0.0,
            pairs: 0.0,
        }
    }

    /// Average similarity between its members (None for a single document).
    fn cohesion(&self) -> Option<f32> {
        (self.pairs > 0.0).then(|| self.pair_sum / self.pairs)
    }

    fn weight(&self, t: Term) -> f32 {
        self.centroid
            .binary_search_by_key(&t, |&(x, _)| x)
            .map_or(0.0, |i| self.centroid[i].1)
    }
}

/// Adds `b` into the sorted `a`; returns the terms new to `a`.
fn add_sparse(a: &mut Sparse, b: &[(Term, f32)]) -> Vec<Term> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut new = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j == b.len() || (i < a.len() && a[i].0 < b[j].0) {
            out.push(a[i]);
            i += 1;
        } else if i == a.len() || b[j].0 < a[i].0 {
            out.push(b[j]);
            new.push(b[j].0);
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + b[j].1));
            i += 1;
            j += 1;
        }
    }
    *a = out;
    new
}

fn prune(centroid: &mut Sparse, keep: usize) {
    if centroid.len() <= keep {
        return;
    }
    centroid.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    centroid.truncate(keep);
    centroid.sort_unstable_by_key(|&(t, _)| t);
}

/// The online story clusterer.
#[derive(Debug, Clone)]
pub struct Clusterer {
    params: Params,
    stories: Vec<Story>,
    slot_of: IntMap<i64, u32>,
    vocabulary: HashMap<String, Term>,
    /// Per term: true for names and numbers (`#`, `=` terms).
    is_name: Vec<bool>,
    /// term → story slots whose centroid has (or had) it.
    postings: Vec<Vec<u32>>,
    /// sentence hash → story slots carrying it.
    copy_postings: IntMap<u64, Vec<u32>>,
    document_frequency: Vec<u32>,
    /// ln(k + 1) for k = 0..=documents.
    ln_table: Vec<f32>,
    documents: u32,
    next_id: i64,
    /// Per slot: candidate score accumulator and last term seen.
    acc: Vec<f32>,
    seen: Vec<u32>,
}

impl Clusterer {
    /// An empty clusterer whose first new story gets id `next_id`.
    pub fn new(params: Params, next_id: i64) -> Self {
        Clusterer {
            params,
            stories: Vec::new(),
            slot_of: IntMap::default(),
            vocabulary: HashMap::new(),
            is_name: Vec::new(),
            postings: Vec::new(),
            copy_postings: IntMap::default(),
            document_frequency: Vec::new(),
            ln_table: vec![0.0],
            documents: 0,
            next_id,
            acc: Vec::new(),
            seen: Vec::new(),
        }
    }

    /// Adds a document already known to belong to `story` (rebuilding state from the store).
    pub fn restore(&mut self, story: i64, f: &DocFeatures) {
        let f = self.intern(f);
        self.count_document(&f);
        let slot = self.slot(story);
        self.add_to(slot, &f);
        self.next_id = self.next_id.max(story + 1);
    }

    /// Number of live stories.
    pub fn story_count(&self) -> usize {
        self.stories.iter().filter(|s| s.alive).count()
    }

    /// Places a new document: joins the most similar story or starts one.
    pub fn assign(&mut self, f: &DocFeatures) -> Assignment {
        let k = knobs();
        let f = &self.intern(f);
        self.count_document(f);
        let doc = self.weigh(&f.terms);
        let candidates = self.candidates(f, &doc.terms);
        let mut scored: Vec<(u32, f32)> = candidates
            .iter()
            .map(|&slot| (slot, self.doc_story_similarity(f, &doc, slot)))
            .collect();
        scored.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(self.stories[a.0 as usize].id.cmp(&self.stories[b.0 as usize].id))
        });
        let required = |c: &Clusterer, slot: u32, base: f32, other: usize| {
            base + k.gamma / ((c.stories[slot as usize].size * other) as f32).sqrt()
        };
        let best = scored
            .iter()
            .find(|&&(slot, s)| {
                s >= required(self, slot, self.params.join_threshold, 1)
                    && s >= k.rho_join * self.stories[slot as usize].cohesion().unwrap_or(0.0)
            })
            .map(|&(slot, _)| slot);
        let Some(best) = best else {
            let id = self.next_id;
            self.next_id += 1;
            let slot = self.slot(id);
            self.add_to(slot, f);
            return Assignment {
                story: id,
                created: true,
                merged: Vec::new(),
            };
        };
        self.add_to(best, f);
        // The story grew: neighbours it now resembles on average become one with it.
        let mut group = vec![best];
        for &(other, s) in &scored {
            if other == best || s < self.params.join_threshold * k.merge_floor {
                continue;
            }
            let size = self.stories[other as usize].size;
            let sim = self.story_similarity(best, other);
            let cohesion = [best, other]
                .iter()
                .filter_map(|&x| self.stories[x as usize].cohesion())
                .fold(0.0f32, f32::max);
            if sim >= required(self, best, self.params.merge_threshold, size)
                && sim >= k.rho_merge * cohesion
            {
                group.push(other);
            }
        }
        group.sort_by_key(|&s| self.stories[s as usize].id);
        let keeper = group[0];
        let mut merged = Vec::new();
        for &m in &group[1..] {
            merged.push(self.stories[m as usize].id);
            self.absorb(keeper, m);
        }
        Assignment {
            story: self.stories[keeper as usize].id,
            created: false,
            merged,
        }
    }

    fn slot(&mut self, id: i64) -> u32 {
        if let Some(&s) = self.slot_of.get(&id) {
            return s;
        }
        let s = self.stories.len() as u32;
        self.stories.push(Story::new(id));
        self.slot_of.insert(id, s);
        self.acc.push(0.0);
        self.seen.push(u32::MAX);
        s
    }

    /// The document with its terms as ids (new terms get the next id), sorted by term.
    fn intern<'a>(&mut self, f: &'a DocFeatures) -> Doc<'a> {
        let mut terms: Sparse = f
            .terms
            .iter()
            .map(|(t, w)| {
                let next = self.vocabulary.len() as Term;
                let id = *self.vocabulary.entry(t.clone()).or_insert(next);
                if id == next {
                    self.postings.push(Vec::new());
                    self.document_frequency.push(0);
                    self.is_name.push(
                        t.starts_with('#') || (t.starts_with('=') && !knobs().numbers_are_words),
                    );
                }
                (id, *w)
            })
            .collect();
        terms.sort_unstable_by_key(|&(t, _)| t);
        terms.dedup_by_key(|&mut (t, _)| t);
        Doc {
            terms,
            copies: &f.copies,
            date: f.date,
        }
    }

    fn count_document(&mut self, f: &Doc) {
        self.documents += 1;
        self.ln_table.push((self.documents as f32 + 1.0).ln());
        for &(t, _) in &f.terms {
            self.document_frequency[t as usize] += 1;
        }
    }

    fn idf(&self, term: Term) -> f32 {
        let df = self.document_frequency[term as usize] as usize;
        self.ln_table[self.documents as usize] - self.ln_table[df] + 1.0
    }

    fn weigh(&self, terms: &[(Term, f32)]) -> Weighted {
        self.weigh_masked(terms, 0)
    }

    /// Weighs a stored member: terms no other document has (yet) are left out, as a batch
    /// TF-IDF with a minimum document frequency of 2 would.
    fn weigh_member(&self, terms: &[(Term, f32)]) -> Weighted {
        self.weigh_masked(terms, knobs().mask)
    }

    fn weigh_masked(&self, terms: &[(Term, f32)], mask: u32) -> Weighted {
        let mut terms: Sparse = terms
            .iter()
            .filter(|&&(t, _)| self.document_frequency[t as usize] > mask)
            .map(|&(t, w)| (t, w * self.idf(t)))
            .collect();
        let k = knobs().top_k;
        if terms.len() > k {
            terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            terms.truncate(k);
            terms.sort_unstable_by_key(|&(t, _)| t);
        }
        let (mut names2, mut words2) = (0.0, 0.0);
        for &(t, x) in &terms {
            if self.is_name[t as usize] {
                names2 += x * x;
            } else {
                words2 += x * x;
            }
        }
        Weighted {
            terms,
            names2,
            words2,
        }
    }

    /// Similarity of two weighted vectors: cosine, or with `lambda` > 0 the mix of the cosine
    /// over names and numbers and the cosine over words (words alone when either side has no
    /// names).
    fn pair_similarity(&self, a: &Weighted, b: &Weighted) -> f32 {
        let (x, y) = (&a.terms, &b.terms);
        let (mut i, mut j) = (0, 0);
        let (mut dn, mut dw) = (0.0, 0.0);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let p = x[i].1 * y[j].1;
                    if self.is_name[x[i].0 as usize] {
                        dn += p;
                    } else {
                        dw += p;
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        let lambda = knobs().lambda;
        if lambda > 0.0 {
            let cw = if a.words2 > 0.0 && b.words2 > 0.0 {
                dw / (a.words2 * b.words2).sqrt()
            } else {
                0.0
            };
            if a.names2 > 0.0 && b.names2 > 0.0 {
                lambda * dn / (a.names2 * b.names2).sqrt() + (1.0 - lambda) * cw
            } else {
                cw
            }
        } else {
            let n = ((a.names2 + a.words2) * (b.names2 + b.words2)).sqrt();
            if n > 0.0 {
                (dn + dw) / n
            } else {
                0.0
            }
        }
    }

    fn add_to(&mut self, slot: u32, f: &Doc) {
        let doc = self.weigh(&f.terms);
        let (sum, n) = {
            let story = &self.stories[slot as usize];
            let sum: f32 = story
                .members
                .iter()
                .map(|m| self.pair_similarity(&doc, &self.weigh_member(m)))
                .sum();
            (sum, story.members.len() as f32)
        };
        let story = &mut self.stories[slot as usize];
        story.pair_sum += sum;
        story.pairs += n;
        let new = add_sparse(&mut story.centroid, &f.terms);
        if story.centroid.len() > MAX_STORY_TERMS * 2 {
            prune(&mut story.centroid, MAX_STORY_TERMS);
        }
        story.copies.extend(f.copies.iter().copied());
        if let Some(d) = f.date {
            story.first = Some(story.first.map_or(d, |x| x.min(d)));
            story.last = Some(story.last.map_or(d, |x| x.max(d)));
        }
        story.size += 1;
        story.members.push_back(f.terms.clone());
        if story.members.len() > knobs().members_kept {
            story.members.pop_front();
        }
        for t in new {
            self.postings[t as usize].push(slot);
        }
        for h in f.copies {
            self.copy_postings.entry(*h).or_default().push(slot);
        }
    }

    /// Moves story `from` into `into` (both slots).
    fn absorb(&mut self, into: u32, from: u32) {
        let cross = self.story_similarity_raw(into, from);
        let pairs = (self.stories[into as usize].members.len()
            * self.stories[from as usize].members.len()) as f32;
        let other = std::mem::replace(&mut self.stories[from as usize], Story::new(0));
        self.stories[from as usize].id = other.id;
        self.stories[from as usize].alive = false;
        let story = &mut self.stories[into as usize];
        let new = add_sparse(&mut story.centroid, &other.centroid);
        prune(&mut story.centroid, MAX_STORY_TERMS);
        for h in &other.copies {
            if story.copies.insert(*h) {
                self.copy_postings.entry(*h).or_default().push(into);
            }
        }
        story.first = [story.first, other.first].into_iter().flatten().min();
        story.last = [story.last, other.last].into_iter().flatten().max();
        story.size += other.size;
        story.pair_sum += other.pair_sum + cross * pairs;
        story.pairs += other.pairs + pairs;
        story.members.extend(other.members);
        while story.members.len() > knobs().members_kept {
            story.members.pop_front();
        }
        for t in new {
            self.postings[t as usize].push(into);
        }
    }

    /// Stories worth scoring exactly: the few with the highest partial score over the
    /// document's most distinctive terms, plus any story sharing a copy.
    fn candidates(&mut self, f: &Doc, weighted: &[(Term, f32)]) -> Vec<u32> {
        let k = knobs();
        let common = (self.documents as f32 * MAX_CANDIDATE_TERM_SHARE).max(MIN_COMMON_DF);
        let mut distinctive: Vec<(Term, f32)> = weighted
            .iter()
            .filter(|&&(t, _)| (self.document_frequency[t as usize] as f32) < common)
            .copied()
            .collect();
        distinctive.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        distinctive.truncate(k.candidate_terms);
        let mut touched: Vec<u32> = Vec::new();
        for &(t, dw) in &distinctive {
            let idf = self.idf(t);
            for &slot in &self.postings[t as usize] {
                let s = slot as usize;
                let story = &self.stories[s];
                if !story.alive || self.seen[s] == t {
                    continue;
                }
                self.seen[s] = t;
                let cw = story.weight(t);
                if cw == 0.0 {
                    continue;
                }
                if self.acc[s] == 0.0 {
                    touched.push(slot);
                }
                self.acc[s] += dw * cw * idf / story.size as f32;
            }
        }
        for &(t, _) in &distinctive {
            for &slot in &self.postings[t as usize] {
                self.seen[slot as usize] = u32::MAX;
            }
        }
        let mut ranked: Vec<(u32, f32)> = touched
            .iter()
            .map(|&s| (s, std::mem::take(&mut self.acc[s as usize])))
            .collect();
        ranked.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(self.stories[a.0 as usize].id.cmp(&self.stories[b.0 as usize].id))
        });
        let mut out: Vec<u32> = ranked
            .into_iter()
            .take(k.max_candidates)
            .map(|(s, _)| s)
            .collect();
        for h in f.copies {
            for &slot in self.copy_postings.get(h).into_iter().flatten() {
                if self.stories[slot as usize].alive && !out.contains(&slot) {
                    out.push(slot);
                }
            }
        }
        out
    }

    /// Average similarity of the document to the story's members (with `max_weight`, mixed
    /// with the best), plus the copy bonus, damped outside the date window.
    fn doc_story_similarity(&self, f: &Doc, doc: &Weighted, slot: u32) -> f32 {
        let k = knobs();
        let story = &self.stories[slot as usize];
        let (mut sum, mut best) = (0.0f32, 0.0f32);
        for m in &story.members {
            let s = self.pair_similarity(doc, &self.weigh_member(m));
            sum += s;
            best = best.max(s);
        }
        let n = story.members.len().max(1) as f32;
        let mut sim = (1.0 - k.max_weight) * sum / n + k.max_weight * best;
        if best < k.max_required {
            sim = 0.0;
        }
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

    /// Average similarity between the members of two stories, plus the copy bonus.
    fn story_similarity(&self, a: u32, b: u32) -> f32 {
        let mut sim = self.story_similarity_raw(a, b);
        let (a, b) = (&self.stories[a as usize], &self.stories[b as usize]);
        if a.copies.iter().any(|h| b.copies.contains(h)) {
            sim += self.params.copy_bonus;
        }
        sim
    }

    /// Average similarity between the members of two stories.
    fn story_similarity_raw(&self, a: u32, b: u32) -> f32 {
        let (a, b) = (&self.stories[a as usize], &self.stories[b as usize]);
        let wa: Vec<Weighted> = a.members.iter().map(|m| self.weigh_member(m)).collect();
        let wb: Vec<Weighted> = b.members.iter().map(|m| self.weigh_member(m)).collect();
        let mut sum = 0.0;
        for x in &wa {
            for y in &wb {
                sum += self.pair_similarity(x, y);
            }
        }
        let n = (wa.len() * wb.len()).max(1) as f32;
        sum / n
    }
}
