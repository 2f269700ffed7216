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
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;

/// What a unit's conflicts depend on, so that two groups can be cleared of any conflict
/// without checking every pair across them. The caller's `conflict(x, y)` must hold only when
/// the two units are on different sides (a denial and an assertion) or share a conflict key
/// (a figure kind, or a person's role);
/// groups that cannot meet either condition are merged without the pairwise check (in debug
/// builds the pairwise check still runs there and must agree).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ConflictProfile {
    /// The unit is a denial.
    pub(crate) denies: bool,
    /// Conflict keys the unit carries: figure kinds (figure groups), and the roles its
    /// people are named in; two units of one side can conflict only through a shared key.
    pub(crate) kinds: Vec<usize>,
}

/// A proposed merge, ordered by average similarity (ties by the lower group indices, so the
/// order of merges does not depend on hash order).
#[derive(Debug, PartialEq)]
pub(crate) struct Candidate {
    pub(crate) score: f32,
    pub(crate) a: usize,
    pub(crate) b: usize,
    /// Versions of `a` and `b` when scored; a merge since makes the candidate stale.
    pub(crate) versions: (u32, u32),
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
pub(crate) struct Link {
    pub(crate) sum: f32,
    /// A pair across the two groups conflicts: they never merge.
    pub(crate) blocked: bool,
}

#[derive(Debug, Default)]
struct Group {
    members: Vec<usize>,
    /// Members that carry conflict keys, the only ones a conflict within one side can involve.
    figured: Vec<usize>,
    /// Members per document, sorted by document.
    docs: Vec<(usize, usize)>,
    /// Some member is a denial; some member is not.
    denies: bool,
    asserts: bool,
    /// Conflict keys of all members, sorted and distinct.
    kinds: Vec<usize>,
    /// Keyed by group index: FxHash, since SipHash on these integer keys was most of the
    /// merge loop's time on large stories.
    links: FxHashMap<usize, Link>,
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
            .map(|&(d, n)| {
                many.binary_search_by_key(&d, |&(md, _)| md)
                    .map_or(0, |at| n * many[at].1)
            })
            .sum();
        self.members.len() * other.members.len() - same
    }

    /// Whether some pair across the two groups may conflict, by the profiles' contract: a
    /// denial against an assertion, or a conflict key in both.
    fn may_conflict(&self, other: &Group) -> (bool, bool) {
        let sides = (self.denies && other.asserts) || (self.asserts && other.denies);
        (sides, sorted_intersect(&self.kinds, &other.kinds))
    }
}

/// Whether two sorted, distinct lists share an element.
fn sorted_intersect(a: &[usize], b: &[usize]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => return true,
        }
    }
    false
}

/// Adds the per-document member counts `from` to `into` (both sorted by document).
fn add_counts(into: &mut Vec<(usize, usize)>, from: &[(usize, usize)]) {
    let old = std::mem::take(into);
    let (mut i, mut j) = (0, 0);
    while i < old.len() && j < from.len() {
        match old[i].0.cmp(&from[j].0) {
            Ordering::Less => {
                into.push(old[i]);
                i += 1;
            }
            Ordering::Greater => {
                into.push(from[j]);
                j += 1;
            }
            Ordering::Equal => {
                into.push((old[i].0, old[i].1 + from[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    into.extend_from_slice(&old[i..]);
    into.extend_from_slice(&from[j..]);
}

/// Any pair across `a` and `b` (members of different documents) conflicts.
fn any_conflict(
    a: &[usize],
    b: &[usize],
    docs: &[usize],
    conflict: &impl Fn(usize, usize) -> bool,
) -> bool {
    a.iter()
        .any(|&x| b.iter().any(|&y| docs[x] != docs[y] && conflict(x, y)))
}

/// Groups `docs.len()` units (unit `i` of document `docs[i]`, with conflict profile
/// `profiles[i]`) by average link over the similarities in `pairs` (`(i, j, similarity)`,
/// each unordered pair at most once, similarities ≥ 0): groups merge, most similar first,
/// while their average cross-document similarity is at least `threshold` and `conflict` holds
/// for no pair across them. Returns the group of each unit (the smallest unit index in it).
pub(crate) fn average_link(
    docs: &[usize],
    profiles: &[ConflictProfile],
    pairs: &[(usize, usize, f32)],
    threshold: f32,
    conflict: impl Fn(usize, usize) -> bool,
) -> Vec<usize> {
    let n = docs.len();
    assert_eq!(profiles.len(), n, "one conflict profile per unit");
    let mut groups: Vec<Group> = (0..n)
        .map(|i| {
            let p = &profiles[i];
            let mut kinds = p.kinds.clone();
            kinds.sort_unstable();
            kinds.dedup();
            Group {
                members: vec![i],
                figured: if kinds.is_empty() { vec![] } else { vec![i] },
                docs: vec![(docs[i], 1)],
                denies: p.denies,
                asserts: !p.denies,
                kinds,
                links: FxHashMap::default(),
                version: 0,
            }
        })
        .collect();
    let mut degree = vec![0usize; n];
    for &(i, j, _) in pairs {
        if i != j && docs[i] != docs[j] {
            degree[i] += 1;
            degree[j] += 1;
        }
    }
    for (group, &d) in groups.iter_mut().zip(&degree) {
        group.links.reserve(d);
    }
    let mut alive = vec![true; n];
    for &(i, j, s) in pairs {
        debug_assert!(s >= 0.0, "similarities are not negative");
        if i == j || docs[i] == docs[j] {
            continue;
        }
        groups[i].links.entry(j).or_default().sum += s;
        groups[j].links.entry(i).or_default().sum += s;
    }
    let mut heap = BinaryHeap::new();
    // Candidates are ordered totally (score, then group indices; a stale twin is skipped
    // whenever it comes), so the order of pushes, hash order included, does not matter.
    let push =
        |heap: &mut BinaryHeap<Candidate>, groups: &[Group], a: usize, b: usize, link: Link| {
            // Over at least one pair the average is at most the sum (similarities are not
            // negative): most links are dropped here without counting pairs.
            if link.blocked || link.sum < threshold {
                return;
            }
            let (a, b) = (a.min(b), a.max(b));
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
        for (&b, &link) in &groups[a].links {
            if b > a {
                push(&mut heap, &groups, a, b, link);
            }
        }
    }
    while let Some(c) = heap.pop() {
        if !alive[c.a] || !alive[c.b] || (groups[c.a].version, groups[c.b].version) != c.versions {
            continue;
        }
        let (ga, gb) = (&groups[c.a], &groups[c.b]);
        // Only what the profiles say may conflict is checked pair by pair: every pair when
        // the sides differ, else only the pairs of members carrying conflict keys.
        let blocked = match ga.may_conflict(gb) {
            (true, _) => any_conflict(&ga.members, &gb.members, docs, &conflict),
            (false, true) => any_conflict(&ga.figured, &gb.figured, docs, &conflict),
            (false, false) => false,
        };
        debug_assert_eq!(
            blocked,
            any_conflict(&ga.members, &gb.members, docs, &conflict),
            "conflict profiles broke their contract between groups {} and {}",
            c.a,
            c.b
        );
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
        let group = &mut groups[keep];
        group.links.remove(&gone);
        group.members.extend(absorbed.members);
        group.figured.extend(absorbed.figured);
        add_counts(&mut group.docs, &absorbed.docs);
        group.denies |= absorbed.denies;
        group.asserts |= absorbed.asserts;
        if !absorbed.kinds.is_empty() {
            group.kinds.extend(absorbed.kinds);
            group.kinds.sort_unstable();
            group.kinds.dedup();
        }
        group.version += 1;
        // A neighbour's other candidates keep their version: only pairs with `keep` changed.
        for (&other, &link) in &groups[keep].links {
            push(&mut heap, &groups, keep, other, link);
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
    use super::{average_link, ConflictProfile};

    /// Profiles of units that are all assertions without figures.
    fn plain(n: usize) -> Vec<ConflictProfile> {
        vec![ConflictProfile::default(); n]
    }

    /// Three wordings in three documents: A and B alike, B and C alike, A and C not at all.
    /// Single link would make one group of all three; average link joins A and B (the most
    /// alike) and then C only if it is alike to the group on average.
    #[test]
    fn a_bridging_pair_does_not_chain_groups() {
        let docs = [0, 1, 2];
        let pairs = [(0, 1, 0.6), (1, 2, 0.3)];
        let groups = average_link(&docs, &plain(3), &pairs, 0.2, |_, _| false);
        assert_eq!(groups, [0, 0, 2], "C is alike to one of two members only");
        let groups = average_link(&docs, &plain(3), &pairs, 0.1, |_, _| false);
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
        // Units 0 and 3 carry figures of one kind (as conflicting figures do).
        let mut profiles = plain(4);
        profiles[0].kinds = vec![7];
        profiles[3].kinds = vec![7];
        let groups = average_link(&docs, &profiles, &pairs, 0.5, conflict);
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

    /// A denial never joins an assertion, however alike: the profiles' sides force the
    /// pairwise check, which finds the conflict.
    #[test]
    fn a_denial_never_joins_an_assertion() {
        let docs = [0, 1, 2];
        let pairs = [(0, 1, 0.9), (1, 2, 0.9), (0, 2, 0.9)];
        let mut profiles = plain(3);
        profiles[2].denies = true;
        let conflict = |x: usize, y: usize| profiles[x].denies != profiles[y].denies;
        let groups = average_link(&docs, &profiles, &pairs, 0.5, conflict);
        assert_eq!(groups, [0, 0, 2]);
    }

    /// Two sentences of one document are never compared; they join only through what others
    /// say, and that pair does not lower the average.
    #[test]
    fn pairs_of_one_document_are_left_out_of_the_average() {
        let docs = [0, 0, 1];
        let pairs = [(0, 2, 0.3), (1, 2, 0.3)];
        let groups = average_link(&docs, &plain(3), &pairs, 0.25, |_, _| false);
        assert_eq!(groups, [0, 0, 0]);
    }
}
