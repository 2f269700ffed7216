//! Document-level near-duplicates: one-permutation MinHash sketches over word shingles
//! (densified as in Shrivastava 2017, "Optimal Densification for Fast and Accurate Minwise
//! Hashing"), indexed with locality-sensitive hashing, so each new document is compared only
//! with the documents that share a band with it; candidates are then verified with the exact
//! shingle Jaccard.
//!
//! A classic MinHash signature costs one hash function per value and shingle (126 × the
//! shingles); a one-permutation sketch hashes each shingle once and keeps the minimum in the
//! bin the hash falls into, then fills empty bins from non-empty ones. Matching bins still
//! estimate the Jaccard similarity, at the cost of `O(shingles + bins)`.

use std::cell::RefCell;

use rayon::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

/// Hashes of the word `n`-grams of a normalised text (see `dossier_text::match_key`),
/// deduplicated. A text shorter than `n` words is one shingle.
pub fn shingles(key: &str, n: usize) -> Vec<u64> {
    // Words with their byte ranges, so that an n-gram whose words are separated by single
    // spaces is hashed in place (the same bytes `words.join(" ")` would give).
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, b) in key.bytes().enumerate() {
        match (b == b' ', start) {
            (true, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, key.len()));
    }
    let hash_run = |run: &[(usize, usize)]| -> u64 {
        let (first, last) = (run[0].0, run[run.len() - 1].1);
        // Single spaces between the words: the run is one slice of `key`.
        if last - first == run.iter().map(|&(s, e)| e - s).sum::<usize>() + run.len() - 1 {
            xxh3_64(&key.as_bytes()[first..last])
        } else {
            let joined: Vec<&str> = run.iter().map(|&(s, e)| &key[s..e]).collect();
            xxh3_64(joined.join(" ").as_bytes())
        }
    };
    let mut out: Vec<u64> = if words.is_empty() {
        Vec::new()
    } else if words.len() < n {
        vec![hash_run(&words)]
    } else {
        words.windows(n.max(1)).map(hash_run).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// Bits of a shingle's hash that choose its bin.
const BIN_BITS: u32 = 7;
/// Bins of a one-permutation sketch (values per sketch).
pub const SKETCH_BINS: usize = 1 << BIN_BITS;
/// LSH bands for thresholds below [`HIGH_THRESHOLD`]. 42 × 3 (126 of the 128 bins) puts the
/// S-curve's midpoint near Jaccard 0.29, so a pair at 0.5 becomes a candidate with
/// probability 0.996; candidates are then verified with the exact shingle Jaccard. Measured
/// (`cargo bench --bench reuse`, 20,567 documents: Multi-News validation plus edited copies,
/// gold = exact Jaccard; see `eval/README.md`): precision and recall 1.000 at 0.5, where
/// 32 × 4 recalls 0.998 and 25 × 5 0.993.
pub const BANDS: usize = 42;
/// Rows per band for thresholds below [`HIGH_THRESHOLD`].
pub const ROWS: usize = 3;
/// From this threshold on the index uses [`HIGH_BANDS`] × [`HIGH_ROWS`]: fewer, longer bands
/// suffice and cost fewer table probes and candidates.
pub const HIGH_THRESHOLD: f64 = 0.75;
/// LSH bands from [`HIGH_THRESHOLD`] on. 25 × 5 makes a pair a candidate with probability
/// 0.999 at 0.75, 0.990 at 0.7 (the estimate floor of a 0.8 index); measured precision and
/// recall 1.000 at 0.8, like 42 × 3 and 21 × 6, at lower cost.
pub const HIGH_BANDS: usize = 25;
/// Rows per band from [`HIGH_THRESHOLD`] on.
pub const HIGH_ROWS: usize = 5;
/// A candidate goes on to exact verification when its sketch estimate reaches the requested
/// threshold minus this margin (about 2.3 standard deviations of the estimate at 0.5).
const CANDIDATE_MARGIN: f64 = 0.1;
/// Documents sketched and queried per parallel step of [`NearDuplicateIndex::insert_batch`].
const BATCH: usize = 4096;
/// Documents an index holds at most: a document's band nodes are numbered
/// `slot << 7 | band` in a u32, and `u32::MAX` ends a chain.
pub const MAX_DOCUMENTS: usize = (1 << (32 - BIN_BITS)) - 1;
/// End of a band chain.
const NONE: u32 = u32::MAX;
/// Seeds of the shingle hash and of the densification probe sequence.
const SHINGLE_SEED: u64 = 0x243F_6A88_85A3_08D3;
const PROBE_SEED: u64 = 0x1319_8A2E_0370_7344;

/// SplitMix64's finaliser: a bijective 64-bit mixer whose output bits all depend on every
/// input bit.
#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Fills `bins` with the densified one-permutation sketch of a non-empty shingle set.
///
/// Each shingle is hashed once: the top bits of the hash choose its bin, the low 31 bits are
/// its value, and a bin keeps the least value that falls into it. An empty bin then takes
/// the value of the first non-empty bin in a probe sequence fixed per bin (the same for every
/// document), so two documents' bins agree with probability close to their Jaccard
/// similarity (Shrivastava 2017).
fn sketch_into(shingles: &[u64], bins: &mut [u32]) {
    debug_assert_eq!(bins.len(), SKETCH_BINS);
    debug_assert!(!shingles.is_empty());
    bins.fill(u32::MAX);
    for &s in shingles {
        let h = mix(s ^ SHINGLE_SEED);
        let bin = (h >> (64 - BIN_BITS)) as usize;
        // 31-bit values: u32::MAX marks an empty bin.
        let value = (h as u32) >> 1;
        // Branch-free: whether a value is a new minimum is unpredictable.
        bins[bin] = bins[bin].min(value);
    }
    let mut filled = 0u128;
    for (i, &v) in bins.iter().enumerate() {
        filled |= u128::from(v != u32::MAX) << i;
    }
    if filled == u128::MAX {
        return;
    }
    for i in 0..SKETCH_BINS {
        if filled >> i & 1 == 1 {
            continue;
        }
        let mut probe = 0u64;
        loop {
            let j = (mix(PROBE_SEED ^ ((i as u64) << 32 | probe)) >> (64 - BIN_BITS)) as usize;
            if filled >> j & 1 == 1 {
                bins[i] = bins[j];
                break;
            }
            probe += 1;
        }
    }
}

/// Number of bins in which two sketches agree.
#[inline]
fn matching_bins(a: &[u32], b: &[u32]) -> usize {
    a.iter().zip(b).map(|(x, y)| usize::from(x == y)).sum()
}

/// Per-thread marks of the slots a query has already seen: `seen[slot] == epoch` when the
/// current query met `slot`. A new epoch per query makes clearing unnecessary; the vector
/// grows to the largest index queried on the thread (4 bytes per stored document).
struct Seen {
    seen: Vec<u32>,
    epoch: u32,
}

thread_local! {
    static SEEN: RefCell<Seen> = const { RefCell::new(Seen { seen: Vec::new(), epoch: 0 }) };
}

/// A densified one-permutation MinHash sketch of a shingle set ([`SKETCH_BINS`] values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sketch {
    bins: [u32; SKETCH_BINS],
}

impl Sketch {
    /// The sketch of `shingles` (any order; duplicates do not matter); `None` for an empty
    /// set, which has no sketch.
    pub fn new(shingles: &[u64]) -> Option<Sketch> {
        if shingles.is_empty() {
            return None;
        }
        let mut bins = [0u32; SKETCH_BINS];
        sketch_into(shingles, &mut bins);
        Some(Sketch { bins })
    }

    /// The estimated Jaccard similarity of the two shingle sets: the share of bins in which
    /// the sketches agree.
    pub fn jaccard(&self, other: &Sketch) -> f64 {
        matching_bins(&self.bins, &other.bins) as f64 / SKETCH_BINS as f64
    }

    /// The bin values.
    pub fn values(&self) -> &[u32; SKETCH_BINS] {
        &self.bins
    }
}

/// The LSH key of each band of a sketch: a hash of the band's index and its values.
fn band_keys(bins: &[u32], bands: usize, rows: usize, keys: &mut [u64]) {
    for (band, key) in keys.iter_mut().enumerate().take(bands) {
        let mut h = (band as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        for &v in &bins[band * rows..(band + 1) * rows] {
            h = mix(h ^ u64::from(v));
        }
        *key = h;
    }
}

/// Band key → the latest node with that key: an open-addressing table (linear probing) of
/// `key << 32 | node` words, 8 bytes an entry. Keys are the top 32 bits of the band hashes,
/// which are uniform, so they also choose the bucket. Two band hashes sharing their top 32
/// bits share a chain: that only proposes extra candidates, which verification drops.
struct Heads {
    entries: Vec<u64>,
    len: usize,
}

/// An empty bucket of [`Heads`] (node [`NONE`] is never stored).
const EMPTY: u64 = u64::MAX;

impl Heads {
    fn new() -> Self {
        Heads {
            entries: vec![EMPTY; 16],
            len: 0,
        }
    }

    #[inline]
    fn bucket(&self, key: u32) -> usize {
        key as usize & (self.entries.len() - 1)
    }

    /// Starts loading the buckets of `keys`, so that the probes of [`Heads::replace`] that
    /// follow find them in cache (the loads are independent and overlap).
    #[inline]
    fn warm(&self, keys: &[u64]) {
        let mut sink = 0u64;
        for &key in keys {
            sink ^= self.entries[self.bucket((key >> 32) as u32)];
        }
        std::hint::black_box(sink);
    }

    /// Makes `node` the head of `key`'s chain; returns the previous head, or [`NONE`].
    #[inline]
    fn replace(&mut self, key: u32, node: u32) -> u32 {
        // Load at most 5/8: linear probing stays short.
        if (self.len + 1) * 8 > self.entries.len() * 5 {
            self.grow();
        }
        let entry = u64::from(key) << 32 | u64::from(node);
        let mask = self.entries.len() - 1;
        let mut i = self.bucket(key);
        loop {
            let current = self.entries[i];
            if current == EMPTY {
                self.entries[i] = entry;
                self.len += 1;
                return NONE;
            }
            if (current >> 32) as u32 == key {
                self.entries[i] = entry;
                return current as u32;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let doubled = vec![EMPTY; self.entries.len() * 2];
        let old = std::mem::replace(&mut self.entries, doubled);
        let mask = self.entries.len() - 1;
        for entry in old.into_iter().filter(|&e| e != EMPTY) {
            let mut i = self.bucket((entry >> 32) as u32);
            while self.entries[i] != EMPTY {
                i = (i + 1) & mask;
            }
            self.entries[i] = entry;
        }
    }
}

/// An incremental index of document sketches that answers "which stored documents are
/// near-duplicates of this one?", by exact shingle Jaccard among the documents LSH proposes.
///
/// Results depend only on the documents and their order, never on the number of threads:
/// [`NearDuplicateIndex::insert_batch`] returns exactly what [`NearDuplicateIndex::insert`]
/// called on each document in turn would.
pub struct NearDuplicateIndex {
    threshold: f64,
    bands: usize,
    rows: usize,
    /// Least number of agreeing bins for a candidate to be verified.
    min_matching: usize,
    /// Caller's id of each stored document (by slot, in insertion order).
    ids: Vec<usize>,
    /// Sketches, [`SKETCH_BINS`] values per slot.
    sketches: Vec<u32>,
    /// Shingles of all stored documents, back to back; slot `s` owns
    /// `shingles[offsets[s]..offsets[s + 1]]`.
    shingles: Vec<u64>,
    offsets: Vec<usize>,
    /// Band key → the latest node with that key. A node is a document's band,
    /// `slot << BIN_BITS | band` (bands <= [`SKETCH_BINS`]), so its slot is a shift away.
    heads: Heads,
    /// For node `slot << BIN_BITS | band`, at `slot * bands + band`: the previous node with
    /// the same band key, or [`NONE`]. Walking it from a document's own nodes visits exactly
    /// the earlier documents sharing a band with it.
    previous: Vec<u32>,
}

impl NearDuplicateIndex {
    /// An empty index reporting pairs whose Jaccard similarity of shingles is at least
    /// `threshold`, with [`BANDS`] × [`ROWS`] below [`HIGH_THRESHOLD`] and [`HIGH_BANDS`] ×
    /// [`HIGH_ROWS`] from it on.
    pub fn new(threshold: f64) -> Self {
        if threshold >= HIGH_THRESHOLD {
            Self::with_bands(threshold, HIGH_BANDS, HIGH_ROWS)
        } else {
            Self::with_bands(threshold, BANDS, ROWS)
        }
    }

    /// An empty index with `bands` LSH bands of `rows` sketch bins each.
    ///
    /// # Panics
    /// When `bands * rows` is 0 or exceeds [`SKETCH_BINS`].
    pub fn with_bands(threshold: f64, bands: usize, rows: usize) -> Self {
        assert!(
            bands > 0 && rows > 0 && bands * rows <= SKETCH_BINS,
            "{bands} bands x {rows} rows must use 1 to {SKETCH_BINS} sketch bins"
        );
        let floor = (threshold - CANDIDATE_MARGIN).max(0.0);
        NearDuplicateIndex {
            threshold,
            bands,
            rows,
            min_matching: (floor * SKETCH_BINS as f64 - 1e-9).ceil().max(0.0) as usize,
            ids: Vec::new(),
            sketches: Vec::new(),
            shingles: Vec::new(),
            offsets: vec![0],
            heads: Heads::new(),
            previous: Vec::new(),
        }
    }

    /// LSH bands of this index.
    pub fn bands(&self) -> usize {
        self.bands
    }

    /// Sketch bins per band.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Number of documents stored (documents without shingles are not).
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no document is stored.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Adds document `id` with its shingles (sorted and deduplicated, as [`shingles`] returns
    /// them); returns the documents already in the index that it nearly duplicates, with
    /// their exact Jaccard similarity, in id order. A document without shingles is neither
    /// reported nor stored.
    ///
    /// # Panics
    /// When the index already holds [`MAX_DOCUMENTS`] documents.
    pub fn insert(&mut self, id: usize, shingles: &[u64]) -> Vec<(usize, f64)> {
        if shingles.is_empty() {
            return Vec::new();
        }
        let slot = self.ids.len();
        self.sketches.resize((slot + 1) * SKETCH_BINS, 0);
        sketch_into(shingles, &mut self.sketches[slot * SKETCH_BINS..]);
        let mut keys = [0u64; SKETCH_BINS];
        let keys = &mut keys[..self.bands];
        band_keys(
            &self.sketches[slot * SKETCH_BINS..],
            self.bands,
            self.rows,
            keys,
        );
        self.store(id, shingles);
        self.link(slot, keys);
        self.query(slot)
    }

    /// Adds the documents `(id, shingles)` in order, sketching and verifying on the current
    /// `rayon` thread pool; returns for each document what [`NearDuplicateIndex::insert`]
    /// would have returned for it (earlier documents of the batch included), whatever the
    /// number of threads.
    ///
    /// # Panics
    /// When the index would hold more than [`MAX_DOCUMENTS`] documents.
    pub fn insert_batch(&mut self, docs: &[(usize, &[u64])]) -> Vec<Vec<(usize, f64)>> {
        let mut out = Vec::with_capacity(docs.len());
        for chunk in docs.chunks(BATCH) {
            let stored: Vec<&(usize, &[u64])> =
                chunk.iter().filter(|(_, s)| !s.is_empty()).collect();
            let first = self.ids.len();
            let (bands, rows) = (self.bands, self.rows);
            self.sketches
                .resize((first + stored.len()) * SKETCH_BINS, 0);
            let mut keys = vec![0u64; stored.len() * bands];
            self.sketches[first * SKETCH_BINS..]
                .par_chunks_mut(SKETCH_BINS)
                .zip(keys.par_chunks_mut(bands))
                .zip(stored.par_iter())
                .for_each(|((bins, keys), (_, shingles))| {
                    sketch_into(shingles, bins);
                    band_keys(bins, bands, rows, keys);
                });
            for (k, &&(id, shingles)) in stored.iter().enumerate() {
                self.store(id, shingles);
                self.link(first + k, &keys[k * bands..(k + 1) * bands]);
            }
            let this = &*self;
            let mut found: Vec<Vec<(usize, f64)>> = (first..first + stored.len())
                .into_par_iter()
                .map(|slot| this.query(slot))
                .collect();
            found.reverse();
            for (_, shingles) in chunk {
                out.push(if shingles.is_empty() {
                    Vec::new()
                } else {
                    found.pop().unwrap_or_default()
                });
            }
        }
        out
    }

    /// Records a new slot's id and shingles.
    fn store(&mut self, id: usize, shingles: &[u64]) {
        self.ids.push(id);
        self.shingles.extend_from_slice(shingles);
        self.offsets.push(self.shingles.len());
    }

    /// Puts `slot`'s band nodes at the head of their key's chain.
    fn link(&mut self, slot: usize, keys: &[u64]) {
        assert!(
            slot < MAX_DOCUMENTS,
            "NearDuplicateIndex holds at most {MAX_DOCUMENTS} documents"
        );
        let first = (slot as u32) << BIN_BITS;
        self.heads.warm(keys);
        for (node, &key) in (first..).zip(keys) {
            let previous = self.heads.replace((key >> 32) as u32, node);
            self.previous.push(previous);
        }
    }

    /// The earlier documents that `slot` nearly duplicates, in id order.
    fn query(&self, slot: usize) -> Vec<(usize, f64)> {
        let sketch = &self.sketches[slot * SKETCH_BINS..(slot + 1) * SKETCH_BINS];
        let shingles = self.shingles_of(slot);
        let mut found: Vec<(usize, f64)> = Vec::new();
        SEEN.with_borrow_mut(|Seen { seen, epoch }| {
            *epoch = epoch.wrapping_add(1);
            if *epoch == 0 {
                seen.fill(0);
                *epoch = 1;
            }
            if seen.len() < slot {
                seen.resize(slot, 0);
            }
            for band in 0..self.bands {
                let mut node = self.previous[slot * self.bands + band];
                while node != NONE {
                    let other = (node >> BIN_BITS) as usize;
                    let band = (node & (SKETCH_BINS as u32 - 1)) as usize;
                    node = self.previous[other * self.bands + band];
                    if seen[other] == *epoch {
                        continue;
                    }
                    seen[other] = *epoch;
                    if let Some(jaccard) = self.verify(sketch, shingles, other) {
                        found.push((self.ids[other], jaccard));
                    }
                }
            }
        });
        found.sort_by_key(|&(other, _)| other);
        found
    }

    /// The exact Jaccard similarity of a candidate `other` with the querying document when
    /// it reaches the threshold. Cheap exact bounds and the sketch estimate come first.
    #[inline]
    fn verify(&self, sketch: &[u32], shingles: &[u64], other: usize) -> Option<f64> {
        let theirs = self.shingles_of(other);
        let (small, large) = if shingles.len() <= theirs.len() {
            (shingles.len(), theirs.len())
        } else {
            (theirs.len(), shingles.len())
        };
        // Jaccard <= |small| / |large|.
        if (small as f64) < self.threshold * large as f64 {
            return None;
        }
        let their_sketch = &self.sketches[other * SKETCH_BINS..(other + 1) * SKETCH_BINS];
        if matching_bins(sketch, their_sketch) < self.min_matching {
            return None;
        }
        let jaccard = if shingles == theirs {
            1.0
        } else {
            shingle_jaccard(shingles, theirs)
        };
        (jaccard >= self.threshold).then_some(jaccard)
    }

    fn shingles_of(&self, slot: usize) -> &[u64] {
        &self.shingles[self.offsets[slot]..self.offsets[slot + 1]]
    }
}

/// Exact Jaccard similarity of two sorted, deduplicated shingle lists (as [`shingles`] returns
/// them); 0 when both are empty.
pub fn shingle_jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "the legal status of homosexuality in the predominantly muslim region of chechnya is unclear but authorities have historically turned a blind eye to anti gay violence and murder while kadyrov has previously said he approves of honour killings";
    const C: &str = "lithuania s foreign minister says the baltic nation has given refuge to two gay men from chechnya following reports of a campaign of torture and abuse";

    /// A longer real text: sentences of the example's reports, one per line.
    fn report() -> Vec<String> {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples/chechnya-2017");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("example folder")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        files
            .iter()
            .map(|f| std::fs::read_to_string(f).expect("example file"))
            .map(|t| dossier_text::match_key(&t))
            .collect()
    }

    #[test]
    fn near_duplicates_are_found_and_unrelated_texts_are_not() {
        let b = A.replace("historically", "long");
        let mut index = NearDuplicateIndex::new(0.5);
        assert!(index.insert(0, &shingles(A, 3)).is_empty());
        let dup = index.insert(1, &shingles(&b, 3));
        assert_eq!(dup.len(), 1);
        assert_eq!(dup[0].0, 0);
        assert!(dup[0].1 > 0.6, "{dup:?}");
        assert!(index.insert(2, &shingles(C, 3)).is_empty());
        assert!(index.insert(3, &[]).is_empty());
        assert_eq!(index.len(), 3);
    }

    #[test]
    fn shingles_hash_the_joined_words() {
        let joined = |key: &str, n: usize| {
            let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
            let mut out: Vec<u64> = if words.is_empty() {
                Vec::new()
            } else if words.len() < n {
                vec![xxh3_64(words.join(" ").as_bytes())]
            } else {
                words
                    .windows(n)
                    .map(|w| xxh3_64(w.join(" ").as_bytes()))
                    .collect()
            };
            out.sort_unstable();
            out.dedup();
            out
        };
        for key in [
            A,
            C,
            "",
            " ",
            "one",
            "one two",
            "  one   two  three four ",
            "a b c",
        ] {
            for n in [1, 3] {
                assert_eq!(shingles(key, n), joined(key, n), "{key:?} n={n}");
            }
        }
    }

    #[test]
    fn sketch_estimates_jaccard_on_real_texts() {
        let texts = report();
        let sets: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t, 3)).collect();
        // Edited versions of each report: keep a shrinking share of its words (J from 0.95
        // down to 0.4), and pairs of different reports (J near 0).
        let mut pairs = Vec::new();
        for (t, text) in texts.iter().enumerate() {
            let lines: Vec<&str> = text.split(' ').collect();
            for keep in [95, 80, 60, 40] {
                let cut = lines.len() * keep / 100;
                let edited = shingles(&lines[..cut].join(" "), 3);
                pairs.push((sets[t].clone(), edited));
            }
        }
        for (a, b) in sets.iter().zip(sets.iter().skip(1)) {
            pairs.push((a.clone(), b.clone()));
        }
        let (mut worst, mut total): (f64, f64) = (0.0, 0.0);
        for (a, b) in &pairs {
            let exact = shingle_jaccard(a, b);
            let estimate = Sketch::new(a).unwrap().jaccard(&Sketch::new(b).unwrap());
            worst = worst.max((exact - estimate).abs());
            total += (exact - estimate).abs();
        }
        // 4 standard deviations of a 128-value estimate at J = 0.5 (0.044) at worst; the
        // mean error is near the expected 0.8 standard deviation.
        assert!(worst < 0.18, "worst estimate error {worst}");
        let mean = total / pairs.len() as f64;
        assert!(mean < 0.04, "mean estimate error {mean}");
        let identical = Sketch::new(&sets[0]).unwrap();
        assert_eq!(identical.jaccard(&Sketch::new(&sets[0]).unwrap()), 1.0);
        assert!(Sketch::new(&[]).is_none());
    }

    #[test]
    fn sketch_is_deterministic_and_order_free() {
        let set = shingles(A, 3);
        let mut reversed = set.clone();
        reversed.reverse();
        let sketch = Sketch::new(&set).unwrap();
        assert_eq!(sketch, Sketch::new(&reversed).unwrap());
        // Fixed seeds: the same values in every run and on every platform.
        assert_eq!(
            xxh3_64(
                &sketch
                    .values()
                    .iter()
                    .flat_map(|v| v.to_le_bytes())
                    .collect::<Vec<u8>>()
            ),
            xxh3_64(
                &Sketch::new(&set)
                    .unwrap()
                    .values()
                    .iter()
                    .flat_map(|v| v.to_le_bytes())
                    .collect::<Vec<u8>>()
            )
        );
        // A single shingle fills every bin with its value.
        let one = Sketch::new(&[42]).unwrap();
        assert!(one.values().iter().all(|&v| v == one.values()[0]));
    }

    #[test]
    fn batch_equals_one_by_one_at_any_thread_count() {
        let texts = report();
        // Each report, plus copies with a line dropped, plus exact copies.
        let mut sets: Vec<Vec<u64>> = Vec::new();
        for text in &texts {
            let words: Vec<&str> = text.split(' ').collect();
            sets.push(shingles(text, 3));
            sets.push(shingles(&words[words.len() / 10..].join(" "), 3));
            sets.push(Vec::new());
            sets.push(shingles(text, 3));
        }
        for t in [0.5, 0.8] {
            let mut one = NearDuplicateIndex::new(t);
            let expected: Vec<Vec<(usize, f64)>> = sets
                .iter()
                .enumerate()
                .map(|(i, s)| one.insert(i * 7, s))
                .collect();
            assert!(expected.iter().filter(|f| !f.is_empty()).count() >= texts.len());
            let docs: Vec<(usize, &[u64])> = sets
                .iter()
                .enumerate()
                .map(|(i, s)| (i * 7, s.as_slice()))
                .collect();
            for threads in [1, 2, 3] {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .unwrap();
                let mut index = NearDuplicateIndex::new(t);
                // Two batches, so the second queries what the first stored.
                let (head, tail) = docs.split_at(docs.len() / 3);
                let mut got = pool.install(|| index.insert_batch(head));
                got.extend(pool.install(|| index.insert_batch(tail)));
                assert_eq!(got, expected, "t={t}, {threads} threads");
            }
        }
    }
}
