//! Average-link agglomeration of a story's wordings into claims.
//!
//! Single-link grouping (join every pair above a threshold) chains: A rewords B, B rewords
//! C, and A and C, which state different things, end up one claim. Average link joins two
//! groups only when their mentions are, on average over the pairs across them, similar
//! enough, so one bridging pair cannot merge two otherwise unrelated groups; and never when
//! any pair across them conflicts (names, figures, or a denial against an assertion).
//!
//! Only pairs given a similarity are compared (the caller proposes them through shared
//! distinctive words); every other pair across two groups counts as similarity 0. Pairs of
//! one document are left out of the average: a report states a thing once, and whether two
//! of its own sentences belong together is not something the cross-document comparison can
//! tell.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

/// A proposed merge, ordered by average similarity (ties by the lower group indices, so the
/// order of merges does not depend on hash order).
#[derive(Debug, PartialEq)]
struct Candidate {
    score: f32,
    a: usize,
    b: usize,
    /// Versions of `a` and `b` when scored; a merge since makes the candidate stale.
    versions: (u32, u32),
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Summed similarity of the proposed pairs across two groups.
#[derive(Debug, Default, Clone, Copy)]
struct Link {
    sum: f32,
    /// A pair across the two groups conflicts: they never merge.
    blocked: bool,
}

#[derive(Debug, Default)]
struct Group {
    members: Vec<usize>,
    /// Members per document.
    docs: HashMap<usize, usize>,
    links: HashMap<usize, Link>,
    version: u32,
}

impl Group {
    /// Pairs across `self` and `other` whose two members are of different documents.
    fn cross_document_pairs(&self, other: &Group) -> usize {
        let (few, many) = if self.docs.len() <= other.docs.len() {
            (&self.docs, &other.docs)
        } else {
            (&other.docs, &self.docs)
        };
        let same: usize = few
            .iter()
            .map(|(d, n)| n * many.get(d).copied().unwrap_or(0))
            .sum();
        self.members.len() * other.members.len() - same
    }
}

/// Groups `docs.len()` units (unit `i` of document `docs[i]`) by average link over the
/// similarities in `pairs` (`(i, j, similarity)`, each unordered pair at most once): groups
/// merge, most similar first, while their average cross-document similarity is at least
/// `threshold` and `conflict` holds for no pair across them. Returns the group of each unit
/// (the smallest unit index in it).
pub(crate) fn average_link(
    docs: &[usize],
    pairs: &[(usize, usize, f32)],
    threshold: f32,
    conflict: impl Fn(usize, usize) -> bool,
) -> Vec<usize> {
    let n = docs.len();
    let mut groups: Vec<Group> = (0..n)
        .map(|i| Group {
            members: vec![i],
            docs: HashMap::from([(docs[i], 1)]),
            links: HashMap::new(),
            version: 0,
        })
        .collect();
    let mut alive = vec![true; n];
    for &(i, j, s) in pairs {
        if i == j || docs[i] == docs[j] {
            continue;
        }
        groups[i].links.entry(j).or_default().sum += s;
        groups[j].links.entry(i).or_default().sum += s;
    }
    let mut heap = BinaryHeap::new();
    let push = |heap: &mut BinaryHeap<Candidate>, groups: &[Group], a: usize, b: usize| {
        let (a, b) = (a.min(b), a.max(b));
        let Some(link) = groups[a].links.get(&b).filter(|l| !l.blocked) else {
            return;
        };
        let pairs = groups[a].cross_document_pairs(&groups[b]);
        if pairs == 0 {
            return;
        }
        let score = link.sum / pairs as f32;
        if score >= threshold {
            heap.push(Candidate {
                score,
                a,
                b,
                versions: (groups[a].version, groups[b].version),
            });
        }
    };
    for a in 0..n {
        let mut neighbours: Vec<usize> =
            groups[a].links.keys().copied().filter(|&b| b > a).collect();
        neighbours.sort_unstable();
        for b in neighbours {
            push(&mut heap, &groups, a, b);
        }
    }
    while let Some(c) = heap.pop() {
        if !alive[c.a] || !alive[c.b] || (groups[c.a].version, groups[c.b].version) != c.versions {
            continue;
        }
        let blocked = groups[c.a].members.iter().any(|&x| {
            groups[c.b]
                .members
                .iter()
                .any(|&y| docs[x] != docs[y] && conflict(x, y))
        });
        if blocked {
            // Groups only grow, so the conflict stays: never score the pair again.
            for (x, y) in [(c.a, c.b), (c.b, c.a)] {
                groups[x].links.entry(y).or_default().blocked = true;
            }
            continue;
        }
        // The survivor is the lower index, so a group is named by its smallest unit.
        let (keep, gone) = (c.a, c.b);
        let absorbed = std::mem::take(&mut groups[gone]);
        alive[gone] = false;
        for (other, link) in absorbed.links {
            if other == keep {
                continue;
            }
            let ours = groups[keep].links.entry(other).or_default();
            ours.sum += link.sum;
            ours.blocked |= link.blocked;
            let merged = *ours;
            let theirs = &mut groups[other].links;
            theirs.remove(&gone);
            theirs.insert(keep, merged);
        }
        groups[keep].links.remove(&gone);
        groups[keep].members.extend(absorbed.members);
        for (d, k) in absorbed.docs {
            *groups[keep].docs.entry(d).or_default() += k;
        }
        groups[keep].version += 1;
        let mut neighbours: Vec<usize> = groups[keep].links.keys().copied().collect();
        neighbours.sort_unstable();
        for other in neighbours {
            // A neighbour's other candidates keep their version: only pairs with `keep` changed.
            push(&mut heap, &groups, keep, other);
        }
    }
    let mut out = vec![0; n];
    for (g, group) in groups.iter().enumerate() {
        if alive[g] {
            for &m in &group.members {
                out[m] = g;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::average_link;

    /// Three wordings in three documents: A and B alike, B and C alike, A and C not at all.
    /// Single link would make one group of all three; average link joins A and B (the most
    /// alike) and then C only if it is alike to the group on average.
    #[test]
    fn a_bridging_pair_does_not_chain_groups() {
        let docs = [0, 1, 2];
        let pairs = [(0, 1, 0.6), (1, 2, 0.3)];
        let groups = average_link(&docs, &pairs, 0.2, |_, _| false);
        assert_eq!(groups, [0, 0, 2], "C is alike to one of two members only");
        let groups = average_link(&docs, &pairs, 0.1, |_, _| false);
        assert_eq!(groups, [0, 0, 0], "average 0.15 clears a threshold of 0.1");
    }

    /// A conflict between any two members keeps their groups apart, however alike the rest.
    #[test]
    fn a_conflict_across_groups_blocks_the_merge() {
        let docs = [0, 1, 2, 3];
        let pairs = [
            (0, 1, 0.9),
            (2, 3, 0.9),
            (0, 2, 0.8),
            (1, 3, 0.8),
            (1, 2, 0.8),
            (0, 3, 0.8),
        ];
        let conflict = |x: usize, y: usize| (x.min(y), x.max(y)) == (0, 3);
        let groups = average_link(&docs, &pairs, 0.5, conflict);
        assert_ne!(groups[0], groups[3], "{groups:?}");
        assert_eq!(
            groups
                .iter()
                .collect::<std::collections::HashSet<_>>()
                .len(),
            2,
            "{groups:?}"
        );
    }

    /// Two sentences of one document are never compared; they join only through what others
    /// say, and that pair does not lower the average.
    #[test]
    fn pairs_of_one_document_are_left_out_of_the_average() {
        let docs = [0, 0, 1];
        let pairs = [(0, 2, 0.3), (1, 2, 0.3)];
        let groups = average_link(&docs, &pairs, 0.25, |_, _| false);
        assert_eq!(groups, [0, 0, 0]);
    }
}
