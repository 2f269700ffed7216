//! Statistical named-entity tagger: a greedy, left-to-right averaged perceptron over hashed
//! features, trained on CoNLL-2003 `eng.train` (see the `train_ner` example) and shipped in
//! the crate as `models/ner.bin`.
//!
//! Tags are IOB2 over CoNLL's four types (PER, ORG, LOC, MISC). Each token is scored with
//! features of its word and its ±2 neighbours (lower-cased word with digits folded, the word
//! as written, word shape, prefixes and suffixes, capitalisation, position in the sentence,
//! whether the sentence is shouted in capitals, membership of Dossier's own word lists in
//! [`super::gazetteer`]) plus the two tags already chosen to its left. Features are 64-bit
//! hashes, so extraction allocates little and the model is a table from hash to one weight
//! per tag. Greedy decoding with tag history is as accurate as Viterbi for this task
//! (Ratinov and Roth, 2009) and much cheaper.
//!
//! The model file is a zlib stream of: magic `DNER`, format version, tag count, feature
//! count, the weight scale (f32), then per feature its hash (u64) and one i16 weight per tag,
//! all little-endian. Only features seen at least twice in training and with a non-zero
//! quantised weight are kept.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};
use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_64;

use super::gazetteer::{
    is_demonym, is_given_name, is_known_org, is_never_entity, is_org_cue, is_person_cue, is_place,
    is_place_cue, is_title,
};

pub mod conll;
pub mod tokenize;

/// Entity types of CoNLL-2003.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NerType {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A location.
    Loc,
    /// Other names: nationalities, events, works, products, languages.
    Misc,
}

impl NerType {
    /// All types, in tag order.
    pub const ALL: [NerType; 4] = [NerType::Per, NerType::Org, NerType::Loc, NerType::Misc];

    /// CoNLL's label: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn label(self) -> &'static str {
        match self {
            NerType::Per => "PER",
            NerType::Org => "ORG",
            NerType::Loc => "LOC",
            NerType::Misc => "MISC",
        }
    }

    /// The type of a CoNLL label (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn from_label(label: &str) -> Option<NerType> {
        NerType::ALL.into_iter().find(|t| t.label() == label)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Number of tags: `O`, then `B-` and `I-` of each type.
pub const TAGS: usize = 1 + 2 * NerType::ALL.len();

/// An IOB2 tag as an index below [`TAGS`]: 0 is `O`, `1 + 2t` is `B-` and `2 + 2t` is `I-` of
/// type `t` (in [`NerType::ALL`] order).
pub type Tag = u8;

/// The tag beginning a name of type `t`.
pub fn begin(t: NerType) -> Tag {
    (1 + 2 * t.index()) as Tag
}

/// The tag continuing a name of type `t`.
pub fn inside(t: NerType) -> Tag {
    (2 + 2 * t.index()) as Tag
}

/// The type of a tag (`None` for `O` or an out-of-range tag).
pub fn tag_type(tag: Tag) -> Option<NerType> {
    if tag == 0 {
        return None;
    }
    NerType::ALL.get((tag as usize - 1) / 2).copied()
}

/// A name found by the tagger: tokens `start..end` of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaggedSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Its type.
    pub kind: NerType,
}

/// Cuts a tag sequence into names. An `I-` tag after a different type (or after `O`) starts
/// a new name, as conlleval reads it.
pub fn spans(tags: &[Tag]) -> Vec<TaggedSpan> {
    let mut out: Vec<TaggedSpan> = Vec::new();
    let mut open: Option<TaggedSpan> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let kind = tag_type(tag);
        let continues =
            tag % 2 == 0 && kind.is_some() && open.is_some_and(|o| Some(o.kind) == kind);
        if continues {
            if let Some(o) = open.as_mut() {
                o.end = i + 1;
            }
            continue;
        }
        if let Some(o) = open.take() {
            out.push(o);
        }
        if let Some(kind) = kind {
            open = Some(TaggedSpan {
                start: i,
                end: i + 1,
                kind,
            });
        }
    }
    out.extend(open);
    out
}

/// Errors reading a model file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes are not a zlib stream.
    #[error("model is not a zlib stream: {0}")]
    Compression(#[from] std::io::Error),
    /// Magic, version or lengths do not match.
    #[error("not a Dossier NER model (bad header or truncated)")]
    Format,
}

const MAGIC: &[u8; 4] = b"DNER";
const VERSION: u8 = 1;

/// Feature hashes are already uniform; hashing them again would only cost time.
#[derive(Default)]
struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// A trained tagger.
pub struct Tagger {
    index: FeatureMap<u32>,
    weights: Vec<[f32; TAGS]>,
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("features", &self.weights.len())
            .finish()
    }
}

static BUNDLED_BYTES: &[u8] = include_bytes!("../../models/ner.bin");

impl Tagger {
    /// The model shipped in the crate, read once. `None` only if the bundled file is not a
    /// model (an empty placeholder while bootstrapping training); callers then fall back to
    /// rules.
    pub fn bundled() -> Option<&'static Tagger> {
        static CELL: OnceLock<Option<Tagger>> = OnceLock::new();
        CELL.get_or_init(|| Tagger::from_bytes(BUNDLED_BYTES).ok())
            .as_ref()
    }

    /// Reads a model file written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut raw = Vec::new();
        flate2::read::ZlibDecoder::new(bytes).read_to_end(&mut raw)?;
        let mut r = Reader(&raw);
        if r.take(4)? != MAGIC || r.u8()? != VERSION || r.u8()? as usize != TAGS {
            return Err(ModelError::Format);
        }
        let n = r.u32()? as usize;
        let scale = f32::from_bits(r.u32()?);
        if !scale.is_finite() || scale <= 0.0 || n > raw.len() / (8 + 2 * TAGS) {
            return Err(ModelError::Format);
        }
        let mut index = FeatureMap::with_capacity_and_hasher(n, Default::default());
        let mut weights = Vec::with_capacity(n);
        for _ in 0..n {
            let key = r.u64()?;
            let mut row = [0f32; TAGS];
            for w in row.iter_mut() {
                *w = f32::from(r.u16()? as i16) / scale;
            }
            index.insert(key, weights.len() as u32);
            weights.push(row);
        }
        Ok(Tagger { index, weights })
    }

    /// Number of features in the model.
    pub fn features(&self) -> usize {
        self.weights.len()
    }

    /// Tags one sentence of CoNLL-style tokens (punctuation and possessive "'s" split off,
    /// straight quotes; see [`tokenize`]).
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        let info = sentence_info(words);
        let mut tags: Vec<Tag> = Vec::with_capacity(words.len());
        let mut feats = Vec::with_capacity(64);
        for i in 0..words.len() {
            feats.clear();
            static_features(&info, i, &mut feats);
            let mut scores = [0f32; TAGS];
            for f in &feats {
                self.add_row(*f, &mut scores);
            }
            let (p1, p2) = history(&tags, i);
            for f in tag_features(&info[i], p1, p2) {
                self.add_row(f, &mut scores);
            }
            tags.push(best(&scores));
        }
        repair(&mut tags);
        tags
    }

    fn add_row(&self, f: u64, scores: &mut [f32; TAGS]) {
        if let Some(&row) = self.index.get(&f) {
            for (s, w) in scores.iter_mut().zip(&self.weights[row as usize]) {
                *s += w;
            }
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.0.len() < n {
            return Err(ModelError::Format);
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Ok(a)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(a))
    }
}

/// An `I-` tag that cannot continue its left neighbour becomes `B-`, so every name starts
/// with `B-` (the spans are the same either way; this keeps the output well-formed IOB2).
fn repair(tags: &mut [Tag]) {
    let mut prev: Tag = 0;
    for t in tags.iter_mut() {
        if *t != 0 && *t % 2 == 0 && tag_type(prev) != tag_type(*t) {
            *t -= 1;
        }
        prev = *t;
    }
}

fn best(scores: &[f32; TAGS]) -> Tag {
    let mut best = 0;
    for (k, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = k;
        }
    }
    best as Tag
}

/// Tags of the two previous tokens; `TAGS` stands for "before the sentence".
fn history(tags: &[Tag], i: usize) -> (u64, u64) {
    let at = |k: Option<usize>| {
        k.and_then(|k| tags.get(k))
            .map_or(TAGS as u64, |t| *t as u64)
    };
    (at(i.checked_sub(1)), at(i.checked_sub(2)))
}

// ---- features ---------------------------------------------------------------------------

/// What the templates need of a token, computed once per sentence.
struct TokInfo {
    raw: u64,
    lower: u64,
    shape: u64,
    short: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    flags: u32,
    gaz: u32,
}

const F_TITLE: u32 = 1;
const F_CAPS: u32 = 1 << 1;
const F_LOWER: u32 = 1 << 2;
const F_DIGIT: u32 = 1 << 3;
const F_HYPHEN: u32 = 1 << 4;
const F_PERIOD: u32 = 1 << 5;
const F_INITIAL: u32 = 1 << 6;
const F_SHOUTED: u32 = 1 << 7;
const F_SHORT: u32 = 1 << 8;
const F_LONG: u32 = 1 << 9;
const F_PUNCT: u32 = 1 << 10;
const F_ALL_DIGITS: u32 = 1 << 11;

const G_PLACE: u32 = 1;
const G_DEMONYM: u32 = 1 << 1;
const G_GIVEN: u32 = 1 << 2;
const G_ORG: u32 = 1 << 3;
const G_ORG_CUE: u32 = 1 << 4;
const G_PLACE_CUE: u32 = 1 << 5;
const G_TITLE: u32 = 1 << 6;
const G_PERSON_CUE: u32 = 1 << 7;
const G_NEVER: u32 = 1 << 8;
/// Inside a multi-word place or organisation of the lists ("New York", "Red Cross").
const G_PLACE_SPAN: u32 = 1 << 9;
const G_ORG_SPAN: u32 = 1 << 10;

const BOS: u64 = 0x9e37_79b9_7f4a_7c15;
const EOS: u64 = 0xc2b2_ae3d_27d4_eb4f;

fn mix(mut x: u64) -> u64 {
    // splitmix64's finaliser: cheap and well spread.
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn feat(template: u64, a: u64) -> u64 {
    mix(a ^ mix(template))
}

fn feat2(template: u64, a: u64, b: u64) -> u64 {
    mix(b ^ feat(template, a))
}

fn word_shape(w: &str) -> (String, String) {
    let mut full = String::new();
    let mut short = String::new();
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if full.chars().count() < 8 {
            full.push(s);
        }
        if !short.ends_with(s) {
            short.push(s);
        }
    }
    (full, short)
}

fn is_all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

fn gazetteer_bits(w: &str) -> u32 {
    let mut g = 0;
    let mut set = |cond: bool, bit: u32| {
        if cond {
            g |= bit;
        }
    };
    set(is_place(w), G_PLACE);
    set(is_demonym(w), G_DEMONYM);
    set(is_given_name(w), G_GIVEN);
    set(is_known_org(w), G_ORG);
    set(is_org_cue(w), G_ORG_CUE);
    set(is_place_cue(w), G_PLACE_CUE);
    set(is_title(w), G_TITLE);
    set(is_person_cue(w), G_PERSON_CUE);
    set(is_never_entity(w), G_NEVER);
    g
}

fn sentence_info(words: &[&str]) -> Vec<TokInfo> {
    let alpha: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    let shouted =
        alpha.len() >= 2 && alpha.iter().filter(|w| is_all_caps(w)).count() * 10 >= alpha.len() * 7;
    // Words in capitals are looked up in the lists in Title Case ("JAPAN" → "Japan").
    let lookup: Vec<String> = words
        .iter()
        .map(|w| {
            if is_all_caps(w) && w.chars().count() > 3 {
                super::title_case(w)
            } else {
                (*w).to_string()
            }
        })
        .collect();
    let mut spans = vec![0u32; words.len()];
    for n in 2..=4 {
        for s in 0..words.len().saturating_sub(n - 1) {
            let parts = &lookup[s..s + n];
            if !parts.iter().all(|p| {
                p.chars().next().is_some_and(char::is_uppercase) || p == "of" || p == "the"
            }) {
                continue;
            }
            let name = parts.join(" ");
            let bit = if is_place(&name) {
                G_PLACE_SPAN
            } else if is_known_org(&name) {
                G_ORG_SPAN
            } else {
                0
            };
            for b in &mut spans[s..s + n] {
                *b |= bit;
            }
        }
    }
    let mut out = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let mut lower: String = w
            .chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
        lower = lower.to_lowercase();
        let (shape, short) = word_shape(w);
        let chars: Vec<char> = w.chars().collect();
        let lchars: Vec<char> = lower.chars().collect();
        let mut prefix = [0u64; 4];
        let mut suffix = [0u64; 4];
        for k in 0..4 {
            let n = (k + 1).min(chars.len());
            let p: String = chars[..n].iter().collect();
            let s: String = lchars[lchars.len().saturating_sub(k + 1)..]
                .iter()
                .collect();
            prefix[k] = xxh3_64(p.as_bytes());
            suffix[k] = xxh3_64(s.as_bytes());
        }
        let first = chars.first().copied().unwrap_or(' ');
        let mut flags = 0;
        let mut set = |cond: bool, bit: u32| {
            if cond {
                flags |= bit;
            }
        };
        set(first.is_uppercase(), F_TITLE);
        set(is_all_caps(w), F_CAPS);
        set(first.is_lowercase(), F_LOWER);
        set(chars.iter().any(|c| c.is_ascii_digit()), F_DIGIT);
        set(chars.contains(&'-'), F_HYPHEN);
        set(chars.contains(&'.'), F_PERIOD);
        let prev = if i > 0 { words[i - 1] } else { "" };
        set(
            i == 0 || matches!(prev, "\"" | "'" | "(" | ":" | "-" | "--" | "`" | "``"),
            F_INITIAL,
        );
        set(shouted, F_SHOUTED);
        set(chars.len() <= 2, F_SHORT);
        set(chars.len() >= 8, F_LONG);
        set(!chars.iter().any(|c| c.is_alphanumeric()), F_PUNCT);
        set(chars.iter().all(|c| c.is_ascii_digit()), F_ALL_DIGITS);
        out.push(TokInfo {
            raw: xxh3_64(w.as_bytes()),
            lower: xxh3_64(lower.as_bytes()),
            shape: xxh3_64(shape.as_bytes()),
            short: xxh3_64(short.as_bytes()),
            prefix,
            suffix,
            flags,
            gaz: gazetteer_bits(&lookup[i]) | spans[i],
        });
    }
    out
}

/// Features of token `i` that do not depend on the tags chosen.
fn static_features(info: &[TokInfo], i: usize, out: &mut Vec<u64>) {
    let get = |k: isize| -> Option<&TokInfo> {
        let j = i as isize + k;
        if j < 0 {
            None
        } else {
            info.get(j as usize)
        }
    };
    let lower = |k: isize| get(k).map_or(if k < 0 { BOS } else { EOS }, |t| t.lower);
    let raw = |k: isize| get(k).map_or(if k < 0 { BOS } else { EOS }, |t| t.raw);
    let short = |k: isize| get(k).map_or(if k < 0 { BOS } else { EOS }, |t| t.short);
    let gaz = |k: isize| get(k).map_or(1 << 20, |t| u64::from(t.gaz));
    let t = &info[i];
    out.push(feat(1, 0));
    out.push(feat(2, t.lower));
    out.push(feat(3, t.raw));
    out.push(feat(4, lower(-1)));
    out.push(feat(5, lower(1)));
    out.push(feat(6, lower(-2)));
    out.push(feat(7, lower(2)));
    out.push(feat(8, t.shape));
    out.push(feat(9, t.short));
    out.push(feat(10, short(-1)));
    out.push(feat(11, short(1)));
    out.push(feat2(12, short(-1), t.short));
    out.push(feat2(13, t.short, short(1)));
    out.push(feat2(14, lower(-1), t.lower));
    out.push(feat2(15, t.lower, lower(1)));
    for k in 0..4 {
        out.push(feat2(16, k as u64, t.prefix[k]));
        out.push(feat2(17, k as u64, t.suffix[k]));
    }
    for bit in 0..12 {
        if t.flags & (1 << bit) != 0 {
            out.push(feat(18, bit));
        }
    }
    for bit in 0..11 {
        if t.gaz & (1 << bit) != 0 {
            out.push(feat(19, bit));
        }
    }
    out.push(feat2(20, gaz(-1), gaz(1)));
    out.push(feat2(
        21,
        u64::from(t.gaz),
        u64::from(t.flags & (F_TITLE | F_CAPS | F_INITIAL)),
    ));
    out.push(feat(22, raw(-1)));
    out.push(feat(23, raw(1)));
    out.push(feat2(
        24,
        u64::from(t.flags & (F_INITIAL | F_SHOUTED)),
        t.lower,
    ));
    out.push(feat2(
        25,
        u64::from(t.flags & (F_INITIAL | F_SHOUTED)),
        t.short,
    ));
    out.push(feat(26, gaz(-1)));
    out.push(feat(27, gaz(1)));
}

/// Features joining the tags already chosen (`p1` the previous token's, `p2` the one before).
fn tag_features(t: &TokInfo, p1: u64, p2: u64) -> [u64; 4] {
    [
        feat(40, p1),
        feat2(41, p2, p1),
        feat2(42, p1, t.lower),
        feat2(43, p1, t.short),
    ]
}

// ---- training ---------------------------------------------------------------------------

/// One training sentence: words and their IOB2 tags.
#[derive(Debug, Clone)]
pub struct TrainSentence {
    /// CoNLL tokens.
    pub words: Vec<String>,
    /// One tag per word.
    pub tags: Vec<Tag>,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Features seen fewer times than this are dropped before training.
    pub min_count: u32,
    /// Seed of the sentence shuffle (training is deterministic for a seed).
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 15,
            min_count: 2,
            seed: 2003,
        }
    }
}

/// An averaged perceptron being trained; [`Trainer::to_bytes`] writes the averaged weights.
pub struct Trainer {
    index: FeatureMap<u32>,
    weights: Vec<[f32; TAGS]>,
    /// Sum over updates of (update time × change), for averaging (Daumé's trick).
    totals: Vec<[f32; TAGS]>,
    time: f32,
    /// Per sentence, per token, the row indices of its known static features.
    cache: Vec<Vec<Vec<u32>>>,
    sentences: Vec<TrainSentence>,
    options: TrainOptions,
    rng: u64,
}

impl Trainer {
    /// Prepares training: extracts and counts the features of `sentences` and keeps those
    /// seen at least `options.min_count` times. Tag features are always kept.
    pub fn new(sentences: Vec<TrainSentence>, options: TrainOptions) -> Trainer {
        let mut counts: FeatureMap<u32> = FeatureMap::default();
        let mut raw_feats: Vec<Vec<Vec<u64>>> = Vec::with_capacity(sentences.len());
        for s in &sentences {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let info = sentence_info(&words);
            let mut per_tok = Vec::with_capacity(words.len());
            for i in 0..words.len() {
                let mut f = Vec::new();
                static_features(&info, i, &mut f);
                for x in &f {
                    *counts.entry(*x).or_default() += 1;
                }
                per_tok.push(f);
            }
            raw_feats.push(per_tok);
        }
        let mut index: FeatureMap<u32> = FeatureMap::default();
        let mut next = 0u32;
        let mut id = |index: &mut FeatureMap<u32>, f: u64| -> u32 {
            *index.entry(f).or_insert_with(|| {
                next += 1;
                next - 1
            })
        };
        let cache: Vec<Vec<Vec<u32>>> = raw_feats
            .iter()
            .map(|toks| {
                toks.iter()
                    .map(|fs| {
                        fs.iter()
                            .filter(|f| counts.get(f).copied().unwrap_or(0) >= options.min_count)
                            .map(|f| id(&mut index, *f))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let n = index.len();
        Trainer {
            index,
            weights: vec![[0.0; TAGS]; n],
            totals: vec![[0.0; TAGS]; n],
            time: 0.0,
            cache,
            sentences,
            rng: options.seed.max(1),
            options,
        }
    }

    /// Runs all epochs; `after_epoch` is called after each with the epoch number (from 1),
    /// the token error rate and the trainer (to measure a held-out set with [`Trainer::averaged`]).
    pub fn train(&mut self, mut after_epoch: impl FnMut(usize, f64, &Trainer)) {
        let mut order: Vec<usize> = (0..self.sentences.len()).collect();
        for epoch in 1..=self.options.epochs {
            // Fisher–Yates with xorshift: deterministic for a seed, no dependency.
            for k in (1..order.len()).rev() {
                self.rng ^= self.rng << 13;
                self.rng ^= self.rng >> 7;
                self.rng ^= self.rng << 17;
                order.swap(k, (self.rng % (k as u64 + 1)) as usize);
            }
            let (mut errors, mut total) = (0usize, 0usize);
            for &s in &order {
                let (e, t) = self.train_sentence(s);
                errors += e;
                total += t;
            }
            after_epoch(epoch, errors as f64 / total.max(1) as f64, self);
        }
    }

    fn train_sentence(&mut self, s: usize) -> (usize, usize) {
        let words: Vec<&str> = self.sentences[s].words.iter().map(String::as_str).collect();
        let info = sentence_info(&words);
        let gold = self.sentences[s].tags.clone();
        let mut tags: Vec<Tag> = Vec::with_capacity(gold.len());
        let mut errors = 0;
        for i in 0..gold.len() {
            self.time += 1.0;
            let (p1, p2) = history(&tags, i);
            let dynamic: Vec<u32> = tag_features(&info[i], p1, p2)
                .iter()
                .map(|f| self.row_for(*f))
                .collect();
            let mut scores = [0f32; TAGS];
            for &r in self.cache[s][i].iter().chain(&dynamic) {
                for (sc, w) in scores.iter_mut().zip(&self.weights[r as usize]) {
                    *sc += w;
                }
            }
            let guess = best(&scores);
            let truth = gold[i];
            if guess != truth {
                errors += 1;
                let rows: Vec<u32> = self.cache[s][i].iter().chain(&dynamic).copied().collect();
                for r in rows {
                    let r = r as usize;
                    self.weights[r][truth as usize] += 1.0;
                    self.weights[r][guess as usize] -= 1.0;
                    self.totals[r][truth as usize] += self.time;
                    self.totals[r][guess as usize] -= self.time;
                }
            }
            tags.push(guess);
        }
        (errors, gold.len())
    }

    fn row_for(&mut self, f: u64) -> u32 {
        if let Some(&r) = self.index.get(&f) {
            return r;
        }
        let r = self.weights.len() as u32;
        self.index.insert(f, r);
        self.weights.push([0.0; TAGS]);
        self.totals.push([0.0; TAGS]);
        r
    }

    /// The averaged weights as a tagger (for held-out measurement during training).
    pub fn averaged(&self) -> Tagger {
        let t = self.time.max(1.0);
        let weights = self
            .weights
            .iter()
            .zip(&self.totals)
            .map(|(w, u)| {
                let mut row = [0f32; TAGS];
                for k in 0..TAGS {
                    row[k] = w[k] - u[k] / t;
                }
                row
            })
            .collect();
        Tagger {
            index: self.index.clone(),
            weights,
        }
    }

    /// The averaged model, quantised to i16 and compressed, in the format
    /// [`Tagger::from_bytes`] reads. Features whose weights all round to zero are left out.
    pub fn to_bytes(&self) -> std::io::Result<Vec<u8>> {
        let avg = self.averaged();
        let max = avg
            .weights
            .iter()
            .flat_map(|r| r.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { 32767.0 / max } else { 1.0 };
        let mut entries: Vec<(u64, [i16; TAGS])> = avg
            .index
            .iter()
            .filter_map(|(&key, &row)| {
                let mut q = [0i16; TAGS];
                for (k, w) in avg.weights[row as usize].iter().enumerate() {
                    q[k] = (w * scale).round() as i16;
                }
                q.iter().any(|w| *w != 0).then_some((key, q))
            })
            .collect();
        // Sorted so the file is the same for the same training run.
        entries.sort_unstable_by_key(|e| e.0);
        let mut raw = Vec::with_capacity(16 + entries.len() * (8 + 2 * TAGS));
        raw.extend_from_slice(MAGIC);
        raw.push(VERSION);
        raw.push(TAGS as u8);
        raw.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        raw.extend_from_slice(&scale.to_bits().to_le_bytes());
        for (key, q) in &entries {
            raw.extend_from_slice(&key.to_le_bytes());
            for w in q {
                raw.extend_from_slice(&w.to_le_bytes());
            }
        }
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&raw)?;
        z.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_follow_conlleval() {
        let per = begin(NerType::Per);
        let ip = inside(NerType::Per);
        let il = inside(NerType::Loc);
        let got = spans(&[per, ip, 0, il, il, ip, per]);
        let kinds: Vec<(usize, usize, NerType)> =
            got.iter().map(|s| (s.start, s.end, s.kind)).collect();
        assert_eq!(
            kinds,
            vec![
                (0, 2, NerType::Per),
                (3, 5, NerType::Loc),
                (5, 6, NerType::Per),
                (6, 7, NerType::Per)
            ]
        );
    }

    #[test]
    fn garbage_is_not_a_model() {
        assert!(Tagger::from_bytes(b"").is_err());
        assert!(Tagger::from_bytes(b"not zlib at all").is_err());
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(b"DNER\x01\x09\xff\xff\xff\xff").unwrap();
        assert!(Tagger::from_bytes(&z.finish().unwrap()).is_err());
    }

    #[test]
    fn a_tiny_model_learns_and_round_trips() {
        let s = |w: &str, t: &[Tag]| TrainSentence {
            words: w.split(' ').map(String::from).collect(),
            tags: t.to_vec(),
        };
        let (bp, ip, bl) = (
            begin(NerType::Per),
            inside(NerType::Per),
            begin(NerType::Loc),
        );
        let data = vec![
            s("Peter Blackburn visited Paris .", &[bp, ip, 0, bl, 0]),
            s("John Smith visited Rome .", &[bp, ip, 0, bl, 0]),
            s("Peter Blackburn left Rome .", &[bp, ip, 0, bl, 0]),
            s("John Smith left Paris .", &[bp, ip, 0, bl, 0]),
        ];
        let mut t = Trainer::new(
            data,
            TrainOptions {
                epochs: 5,
                min_count: 1,
                seed: 7,
            },
        );
        t.train(|_, _, _| {});
        let model = Tagger::from_bytes(&t.to_bytes().unwrap()).unwrap();
        assert_eq!(
            model.tag(&["John", "Smith", "visited", "Paris", "."]),
            vec![bp, ip, 0, bl, 0]
        );
        assert!(model.tag(&[]).is_empty());
    }
}
