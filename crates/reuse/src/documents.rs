//! Document-level near-duplicates: MinHash signatures over word shingles, indexed with
//! locality-sensitive hashing (`gaoya`), so each new document is compared only with the
//! documents that share a band with it.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use gaoya::minhash::{MinHashIndex, MinHasher, MinHasher64V1};
use xxhash_rust::xxh3::xxh3_64;

/// Hashes of the word `n`-grams of a normalised text (see `dossier_text::match_key`),
/// deduplicated. A text shorter than `n` words is one shingle.
pub fn shingles(key: &str, n: usize) -> Vec<u64> {
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out: Vec<u64> = if words.len() < n {
        if words.is_empty() {
            Vec::new()
        } else {
            vec![xxh3_64(words.join(" ").as_bytes())]
        }
    } else {
        words
            .windows(n)
            .map(|w| xxh3_64(w.join(" ").as_bytes()))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// LSH bands × rows. 42 × 3 (126 hashes) puts the S-curve's midpoint near Jaccard 0.29, so a
/// pair at 0.5 becomes a candidate with probability 0.996; candidates are then verified with
/// the exact shingle Jaccard. Measured (`cargo bench --bench reuse`, 20,567 documents: Multi-News
/// validation plus edited copies, gold = exact Jaccard): precision and recall 1.000 at 0.5,
/// against 0.990 / 0.995 for 32 × 4 filtered by the MinHash estimate, whose spread near the
/// threshold (about ±0.044 with 128 hashes) loses pairs just above it.
pub const BANDS: usize = 42;
/// Rows per band.
pub const ROWS: usize = 3;
/// Number of MinHash values per signature.
pub const NUM_HASHES: usize = BANDS * ROWS;
/// The LSH index is queried this far below the requested threshold; exact verification then
/// applies the threshold itself.
const CANDIDATE_MARGIN: f64 = 0.1;

/// An incremental index of document signatures that answers "which stored documents are
/// near-duplicates of this one?".
pub struct NearDuplicateIndex {
    hasher: MinHasher64V1<BuildHasherDefault<DefaultHasher>>,
    index: MinHashIndex<u64, usize>,
    /// Each stored document's shingles (sorted), for exact verification of candidates.
    shingles: HashMap<usize, Vec<u64>>,
    threshold: f64,
}

impl NearDuplicateIndex {
    /// An empty index reporting pairs whose Jaccard similarity of shingles is at least
    /// `threshold`.
    pub fn new(threshold: f64) -> Self {
        NearDuplicateIndex {
            // Deterministic hashing (fixed keys, fixed seed) so results repeat run to run.
            hasher: MinHasher64V1::new_with_hasher(NUM_HASHES, BuildHasherDefault::default()),
            index: MinHashIndex::new(BANDS, ROWS, (threshold - CANDIDATE_MARGIN).max(0.0)),
            shingles: HashMap::new(),
            threshold,
        }
    }

    /// Adds document `id` with its shingles (sorted and deduplicated, as [`shingles`] returns
    /// them); returns the documents already in the index that it nearly duplicates, with
    /// their exact Jaccard similarity, in id order.
    pub fn insert(&mut self, id: usize, shingles: &[u64]) -> Vec<(usize, f64)> {
        if shingles.is_empty() {
            return Vec::new();
        }
        let signature = self.hasher.create_signature(shingles.iter());
        let mut found: Vec<(usize, f64)> = self
            .index
            .query_owned_return_similarity(&signature)
            .into_iter()
            .filter_map(|(other, _)| {
                let jaccard = shingle_jaccard(shingles, self.shingles.get(&other)?);
                (jaccard >= self.threshold).then_some((other, jaccard))
            })
            .collect();
        found.sort_by_key(|&(other, _)| other);
        self.index.insert(id, signature);
        self.shingles.insert(id, shingles.to_vec());
        found
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

    #[test]
    fn near_duplicates_are_found_and_unrelated_texts_are_not() {
        let a = "the legal status of homosexuality in the predominantly muslim region of chechnya is unclear but authorities have historically turned a blind eye to anti gay violence and murder while kadyrov has previously said he approves of honour killings";
        let b = a.replace("historically", "long");
        let c = "lithuania s foreign minister says the baltic nation has given refuge to two gay men from chechnya following reports of a campaign of torture and abuse";
        let mut index = NearDuplicateIndex::new(0.5);
        assert!(index.insert(0, &shingles(a, 3)).is_empty());
        let dup = index.insert(1, &shingles(&b, 3));
        assert_eq!(dup.len(), 1);
        assert_eq!(dup[0].0, 0);
        assert!(dup[0].1 > 0.6, "{dup:?}");
        assert!(index.insert(2, &shingles(c, 3)).is_empty());
    }
}
