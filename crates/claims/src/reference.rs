//! The plain code the fast paths of `build_claims` replaced, kept for unit tests: in test
//! builds `build_claims` checks its pair proposal, grouping and denial attachment against
//! these on every call
//! (`crate::tests` runs it on real stories).

use std::collections::{BinaryHeap, HashMap};

use dossier_reuse::Reuse;

use crate::grouping::{Candidate, Link};
use crate::{
    conflicts, denial_candidates, overlap, similarity, spans_documents, ClaimInput, Content,
    Mention, Stance, DENIAL_LINK_OVERLAP, MIN_COMMON_WORD_MENTIONS, MIN_PAIR_SIMILARITY,
    MIN_PROPOSING_WORDS,
};

/// `crate::propose_pairs` as it was: posting visits counted in a map per wording.
pub(crate) fn propose_pairs(
    mentions: &[Mention],
    content: &[Content],
    wordings: &[usize],
    idf: &crate::Idf,
    norms: &[f32],
) -> Vec<(usize, usize, f32)> {
    let common = (wordings.len() / 20).max(MIN_COMMON_WORD_MENTIONS);
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in wordings {
        for stem in &content[i].stems {
            postings.entry(stem.as_str()).or_default().push(i);
        }
    }
    let mut pairs: Vec<(usize, usize, f32)> = Vec::new();
    let unit_of: HashMap<usize, usize> =
        wordings.iter().enumerate().map(|(u, &i)| (i, u)).collect();
    for &i in wordings {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for stem in &content[i].stems {
            let posting = &postings[stem.as_str()];
            if posting.len() > common {
                continue;
            }
            for &j in posting {
                if j > i && mentions[j].doc != mentions[i].doc {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        let mut shared: Vec<(usize, usize)> = shared
            .into_iter()
            .filter(|&(_, count)| count >= MIN_PROPOSING_WORDS)
            .collect();
        shared.sort_unstable();
        for (j, _) in shared {
            if conflicts(mentions, content, i, j) {
                continue;
            }
            let s = similarity(&content[i], &content[j], (norms[i], norms[j]), idf);
            if s >= MIN_PAIR_SIMILARITY {
                pairs.push((unit_of[&i], unit_of[&j], s));
            }
        }
    }
    pairs
}

/// `crate::attach_denials` as it was: every distinct wording of a denial group compared with
/// every distinct wording of every candidate group.
pub(crate) fn attach_denials(
    inputs: &[ClaimInput<'_>],
    reuse: &Reuse,
    mentions: &[Mention],
    content: &[Content],
    idf: &crate::Idf,
    groups: &[Vec<usize>],
) -> Vec<(usize, usize)> {
    let is_denial = |g: &Vec<usize>| g.iter().all(|&m| mentions[m].stance == Stance::Denies);
    let distinct = crate::distinct_wordings(reuse, mentions, groups);
    let denial: Vec<bool> = groups.iter().map(is_denial).collect();
    let spans: Vec<usize> = groups
        .iter()
        .map(|g| spans_documents(mentions, g))
        .collect();
    let mut attach: Vec<(usize, usize)> = Vec::new();
    for gi in (0..groups.len()).filter(|&gi| denial[gi]) {
        let (candidates, generic) =
            denial_candidates(inputs, mentions, groups, &denial, &spans, gi);
        let best = candidates
            .into_iter()
            .map(|oi| {
                let score = distinct[gi]
                    .iter()
                    .flat_map(|&d| distinct[oi].iter().map(move |&a| (d, a)))
                    .filter(|&(d, a)| content[d].agrees_with(&content[a]))
                    .map(|(d, a)| overlap(&content[d], &content[a], idf))
                    .fold(0.0f32, f32::max);
                (oi, score)
            })
            .filter(|&(_, s)| generic || s >= DENIAL_LINK_OVERLAP)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((oi, _)) = best {
            attach.push((gi, oi));
        }
    }
    attach
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

/// `grouping::average_link` as it was: every pair across two groups checked for a conflict
/// before each merge. Groups `docs.len()` units (unit `i` of document `docs[i]`) by average link over the
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
