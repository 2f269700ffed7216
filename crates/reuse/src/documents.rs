//! Document-level near-duplicates: MinHash signatures over word shingles, indexed with
//! locality-sensitive hashing (`gaoya`), so each new document is compared only with the
//! documents that share a band with it.

use std::collections::hash_map::DefaultHasher;
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

/// Number of MinHash values per signature.
pub const NUM_HASHES: usize = 128;
/// LSH bands × rows: 32 × 4 puts the S-curve's midpoint near Jaccard 0.42, so pairs at
/// 0.5 and above are found with probability > 0.85 and at 0.8 with > 0.99.
pub const BANDS: usize = 32;
/// Rows per band.
pub const ROWS: usize = NUM_HASHES / BANDS;

/// An incremental index of document signatures that answers "which stored documents are
/// near-duplicates of this one?".
pub struct NearDuplicateIndex {
    hasher: MinHasher64V1<BuildHasherDefault<DefaultHasher>>,
    index: MinHashIndex<u64, usize>,
}

impl NearDuplicateIndex {
    /// An empty index reporting pairs whose estimated Jaccard similarity is at least
    /// `threshold`.
    pub fn new(threshold: f64) -> Self {
        NearDuplicateIndex {
            // Deterministic hashing (fixed keys, fixed seed) so results repeat run to run.
            hasher: MinHasher64V1::new_with_hasher(NUM_HASHES, BuildHasherDefault::default()),
            index: MinHashIndex::new(BANDS, ROWS, threshold),
        }
    }

    /// Adds document `id` with its shingles; returns the documents already in the index
    /// that it nearly duplicates, with their estimated Jaccard similarity.
    pub fn insert(&mut self, id: usize, shingles: &[u64]) -> Vec<(usize, f64)> {
        if shingles.is_empty() {
            return Vec::new();
        }
        let signature = self.hasher.create_signature(shingles.iter());
        let mut found: Vec<(usize, f64)> = self
            .index
            .query_owned_return_similarity(&signature)
            .into_iter()
            .collect();
        found.sort_by_key(|&(other, _)| other);
        self.index.insert(id, signature);
        found
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
