//! Claims stage: which statements several documents make, who stands behind them, and which
//! are denied.
//!
//! 1. Every body sentence and headline of a story is a mention with a [`Stance`] (asserts, denies, or
//!    reports: attributed to someone) and a primary source (the speaker of a quote or
//!    reported statement covering it, else the outlet).
//! 2. Headlines are mentions too (the outlet states them). Copies (reuse stage) join one
//!    claim; other wordings are grouped by average link (`grouping`) over their pairwise
//!    similarity (idf-weighted cosine of content words, or a shared figure counting the same
//!    thing with the same value), never across a denial and an assertion or figures that
//!    contradict.
//! 3. A claim made only of denials is attached to the asserted claim it best matches; a claim
//!    asserted by some and denied by others is disputed.
//! 4. Independent support counts distinct primary sources among the asserting and reporting
//!    mentions, a copied sentence counted once (for the source of its first carrier).

#![warn(missing_docs)]

mod disclosure;
mod grouping;
mod stance;

pub use disclosure::first_discloser;
pub use stance::{stance_of, Stance};

use std::collections::{BTreeSet, HashMap, HashSet};

use dossier_core::UnionFind;
use dossier_core::{Document, Span};
use dossier_extract::DocExtractions;
use dossier_reuse::Reuse;
use dossier_text::{is_stopword, stem, tokens, AnalyzedText, ParagraphKind};
use serde::Serialize;

/// Average similarity (idf-weighted cosine of content words, see `similarity`) over the
/// cross-document pairs of two groups of mentions at which they merge into one claim. A pair
/// no shared distinctive word proposes counts 0, so a group must be alike across most of its
/// pairs, not through one bridging pair. Chosen on the ECB+ dev topics
/// (`tests/ecbplus_claims.rs`) as the best F1 with pairwise precision ≥ 0.9: lower values
/// score higher on ECB+ (whose "same" is coarse: sentences mostly about the same events) but
/// join sentences of long reports that only share a rare word or two.
pub const SAME_CLAIM_SIMILARITY: f32 = 0.2;
/// Pairs less alike than this are left out of the grouping (they count 0): they barely move
/// an average and would only cost time on large stories (the same ECB+ figures either way).
const MIN_PAIR_SIMILARITY: f32 = SAME_CLAIM_SIMILARITY / 4.0;
/// Similarity given to two mentions sharing a figure of one figure group with the same value
/// (and at least three content words), whatever their wording.
const SHARED_FIGURE_SIMILARITY: f32 = 0.5;
/// Fewest shared distinctive content words that propose two mentions for comparison.
const MIN_PROPOSING_WORDS: usize = 2;
/// Weaker overlap at which a denial is attached to the claim it denies.
pub const DENIAL_LINK_OVERLAP: f32 = 0.2;
/// Distinct wordings of a group compared when attaching denials.
const MAX_WORDINGS_COMPARED: usize = 20;
/// Mentions a word may occur in and still propose pairs to compare (or a twentieth of the
/// story's mentions, if more).
const MIN_COMMON_WORD_MENTIONS: usize = 200;
/// Share of a sentence a quote must cover for the sentence to count as the quoted speaker's.
const ATTRIBUTED_SHARE: f32 = 0.3;
/// Most words before a quote and its speaker for a sentence that opens with them ("In an
/// interview, Sanders said …").
const FRAME_LEAD_WORDS: usize = 4;
/// Most words between a quote and its speaker for them to be side by side ("said Tuesday
/// in a statement").
const FRAME_GAP_WORDS: usize = 6;
/// Fewest shared content words for a shared figure to count, or for a denial's overlap.
const MIN_SHARED_WORDS: usize = 3;

/// One document of a story with everything the claims stage reads.
#[derive(Debug, Clone, Copy)]
pub struct ClaimInput<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its sentences.
    pub text: &'a AnalyzedText,
    /// Its quotes, entities, figures and dates (speakers already canonicalised).
    pub extractions: &'a DocExtractions,
    /// Figure group of each of its figures (from `dossier_extract::figures::group_figures`).
    pub figure_groups: &'a [usize],
}

/// One sentence stating a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Document index in the inputs.
    pub doc: usize,
    /// Sentence index in that document.
    pub sentence: usize,
    /// Span of the sentence.
    pub span: Span,
    /// Its stance.
    pub stance: Stance,
    /// The sentence is the document's headline (a statement the outlet makes, but worded
    /// as a title).
    pub headline: bool,
    /// Who it is attributed to, or `None` (the outlet stands behind it).
    pub attributed_to: Option<String>,
    /// The primary source counted for it: `attributed_to`, else the outlet (source or document id).
    pub primary_source: String,
    /// The outlet that published it (source, else document id).
    pub outlet: String,
    /// How the statement reached this outlet: the outlet, then the outlet it copied the
    /// sentence from (the first carrier of a copy), then whom the statement is attributed
    /// to. `["PinkNews", "Novaya Gazeta"]`: PinkNews reporting what Novaya Gazeta said;
    /// `["Metro", "PinkNews", "Novaya Gazeta"]`: Metro copying PinkNews's sentence. The last
    /// element is the primary source counted for independence.
    pub chain: Vec<String>,
}

/// A statement made by one or more mentions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// The mentions, in document order.
    pub mentions: Vec<Mention>,
    /// Primary sources asserting or reporting it.
    pub asserted_by: Vec<String>,
    /// Primary sources denying it.
    pub denied_by: Vec<String>,
    /// Distinct primary sources supporting it, copies counted once.
    pub independent_sources: usize,
    /// Asserted by some, denied by others.
    pub disputed: bool,
    /// Index of the mention whose wording represents the claim (the shortest non-denying one).
    pub representative: usize,
}

/// Builds the claims of a story. Only claims stated in two or more documents, or disputed,
/// are returned (a sentence only one document makes is not a cross-document claim).
pub fn build_claims(inputs: &[ClaimInput<'_>], reuse: &Reuse) -> Vec<Claim> {
    let mentions = collect_mentions(inputs);
    let content: Vec<Content> = mentions.iter().map(|m| Content::of(inputs, m)).collect();
    let idf = inverse_frequencies(&content);
    // Squared norms of the mentions' idf-weighted stem sets, for the cosine.
    let norms: Vec<f32> = content
        .iter()
        .map(|c| c.stems.iter().map(|s| squared_idf(&idf, s)).sum())
        .collect();

    let n = mentions.len();
    let mut union = UnionFind::new(n);
    // Copies are one claim: join each copied sentence to the first mention of its group.
    let mut first_of_group: HashMap<usize, usize> = HashMap::new();
    let mut wordings = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        match reuse.group_of.get(&(m.doc, m.sentence)) {
            Some(&g) => match first_of_group.get(&g) {
                Some(&first) => union.join(first, i),
                None => {
                    first_of_group.insert(g, i);
                    wordings.push(i);
                }
            },
            None => wordings.push(i),
        }
    }
    // Rewordings, compared once per distinct wording (copies follow their original). Only
    // pairs sharing distinctive words are compared (a word in very many wordings proposes no
    // pairs), so a story of thousands of sentences stays near linear.
    let common = (wordings.len() / 20).max(MIN_COMMON_WORD_MENTIONS);
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in &wordings {
        for stem in &content[i].stems {
            postings.entry(stem.as_str()).or_default().push(i);
        }
    }
    let mut pairs: Vec<(usize, usize, f32)> = Vec::new();
    let unit_of: HashMap<usize, usize> =
        wordings.iter().enumerate().map(|(u, &i)| (i, u)).collect();
    for &i in &wordings {
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
            if conflicts(&mentions, &content, i, j) {
                continue;
            }
            let s = similarity(&content[i], &content[j], (norms[i], norms[j]), &idf);
            if s >= MIN_PAIR_SIMILARITY {
                pairs.push((unit_of[&i], unit_of[&j], s));
            }
        }
    }
    let unit_docs: Vec<usize> = wordings.iter().map(|&i| mentions[i].doc).collect();
    let grouped = grouping::average_link(&unit_docs, &pairs, SAME_CLAIM_SIMILARITY, |x, y| {
        conflicts(&mentions, &content, wordings[x], wordings[y])
    });
    for (u, &g) in grouped.iter().enumerate() {
        union.join(wordings[g], wordings[u]);
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        groups.entry(union.find(i)).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort();

    // Attach each all-denial group to the asserted group it best matches. Groups are compared
    // through their distinct wordings only (a copy says nothing its original does not), at
    // most a few per group, so large stories of copied reports stay cheap.
    let is_denial = |g: &Vec<usize>| g.iter().all(|&m| mentions[m].stance == Stance::Denies);
    let distinct: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| {
            let mut seen = HashSet::new();
            g.iter()
                .copied()
                .filter(
                    |&m| match reuse.group_of.get(&(mentions[m].doc, mentions[m].sentence)) {
                        Some(&copy) => seen.insert(copy),
                        None => true,
                    },
                )
                .take(MAX_WORDINGS_COMPARED)
                .collect()
        })
        .collect();
    let denial: Vec<bool> = groups.iter().map(is_denial).collect();
    let spans: Vec<usize> = groups
        .iter()
        .map(|g| spans_documents(&mentions, g))
        .collect();
    let mut attach: Vec<(usize, usize)> = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        if !denial[gi] {
            continue;
        }
        let denial_sources: HashSet<&str> = g
            .iter()
            .map(|&m| mentions[m].primary_source.as_str())
            .collect();
        let generic = g
            .iter()
            .any(|&m| stance::denies_generic_reports(sentence_text(inputs, &mentions[m])));
        let mut candidates: Vec<usize> = (0..groups.len())
            .filter(|&oi| oi != gi && !denial[oi] && spans[oi] >= 2)
            // Nobody disputes themselves: the asserted claim needs a source the denial lacks.
            .filter(|&oi| {
                groups[oi]
                    .iter()
                    .any(|&m| !denial_sources.contains(mentions[m].primary_source.as_str()))
            })
            .collect();
        // "Denied the reports" denies what most outlets report: the most widely reported
        // claim, its match only breaking ties.
        if generic {
            let most = candidates.iter().map(|&oi| spans[oi]).max().unwrap_or(0);
            candidates.retain(|&oi| spans[oi] == most);
        }
        let best = candidates
            .into_iter()
            .map(|oi| {
                let score = distinct[gi]
                    .iter()
                    .flat_map(|&d| distinct[oi].iter().map(move |&a| (d, a)))
                    .filter(|&(d, a)| content[d].agrees_with(&content[a]))
                    .map(|(d, a)| overlap(&content[d], &content[a], &idf))
                    .fold(0.0f32, f32::max);
                (oi, score)
            })
            .filter(|&(_, s)| generic || s >= DENIAL_LINK_OVERLAP)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((oi, _)) = best {
            attach.push((gi, oi));
        }
    }
    for &(from, to) in &attach {
        let moved = std::mem::take(&mut groups[from]);
        groups[to].extend(moved);
    }

    let mut claims: Vec<Claim> = groups
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|mut g| {
            g.sort_by_key(|&m| (mentions[m].doc, mentions[m].sentence));
            make_claim(g.iter().map(|&m| mentions[m].clone()).collect(), reuse)
        })
        .filter(|c| c.disputed || distinct_docs(&c.mentions) >= 2)
        .collect();
    claims.sort_by(|a, b| {
        b.disputed
            .cmp(&a.disputed)
            .then(b.independent_sources.cmp(&a.independent_sources))
            .then(distinct_docs(&b.mentions).cmp(&distinct_docs(&a.mentions)))
            .then(
                (a.mentions[0].doc, a.mentions[0].sentence)
                    .cmp(&(b.mentions[0].doc, b.mentions[0].sentence)),
            )
    });
    claims
}

/// Two mentions can never be one claim: a denial and an assertion, or figures counting the
/// same thing with different values.
fn conflicts(mentions: &[Mention], content: &[Content], i: usize, j: usize) -> bool {
    let (a, b) = (&mentions[i], &mentions[j]);
    (a.stance == Stance::Denies) != (b.stance == Stance::Denies)
        || !content[i].figures_agree(&content[j])
}

/// How alike two mentions' statements are: the cosine of their idf-weighted content-word
/// sets, raised to [`SHARED_FIGURE_SIMILARITY`] when they share a figure; 0 when they share
/// fewer than two content words.
fn similarity(a: &Content, b: &Content, norms: (f32, f32), idf: &HashMap<String, f32>) -> f32 {
    let (shared, common) = shared_weight(a, b, |s| squared_idf(idf, s));
    if shared < MIN_PROPOSING_WORDS {
        return 0.0;
    }
    let cosine = common / (norms.0 * norms.1).sqrt().max(f32::EPSILON);
    if a.shares_figure(b) {
        cosine.max(SHARED_FIGURE_SIMILARITY)
    } else {
        cosine
    }
}

fn squared_idf(idf: &HashMap<String, f32>, stem: &str) -> f32 {
    let x = idf.get(stem).copied().unwrap_or(1.0);
    x * x
}

fn sentence_text<'a>(inputs: &'a [ClaimInput<'_>], m: &Mention) -> &'a str {
    m.span.slice(&inputs[m.doc].doc.text)
}

fn spans_documents(mentions: &[Mention], group: &[usize]) -> usize {
    group
        .iter()
        .map(|&m| mentions[m].doc)
        .collect::<HashSet<_>>()
        .len()
}

fn distinct_docs(mentions: &[Mention]) -> usize {
    mentions.iter().map(|m| m.doc).collect::<HashSet<_>>().len()
}

fn make_claim(mut mentions: Vec<Mention>, reuse: &Reuse) -> Claim {
    let mut asserted: BTreeSet<String> = BTreeSet::new();
    let mut denied: BTreeSet<String> = BTreeSet::new();
    let mut independent: HashSet<String> = HashSet::new();
    let mut chains = Vec::with_capacity(mentions.len());
    for m in &mentions {
        // A copied sentence speaks for whoever its first carrier attributes it to.
        let carrier = reuse.group((m.doc, m.sentence)).and_then(|group| {
            mentions
                .iter()
                .find(|o| o.doc == group.first_doc && group.members.contains(&(o.doc, o.sentence)))
        });
        let source = carrier.map_or_else(|| m.primary_source.clone(), |o| o.primary_source.clone());
        let mut chain = vec![m.outlet.clone()];
        if let Some(carrier) = carrier.filter(|o| o.doc != m.doc) {
            chain.push(carrier.outlet.clone());
        }
        chain.push(source.clone());
        chain.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        chains.push(chain);
        match m.stance {
            Stance::Denies => {
                denied.insert(source);
            }
            // A call to investigate, or a refusal to confirm, supports nothing.
            Stance::Questions => {}
            Stance::Asserts | Stance::Reports => {
                asserted.insert(source.clone());
                independent.insert(source.to_lowercase());
            }
        }
    }
    for (m, chain) in mentions.iter_mut().zip(chains) {
        m.chain = chain;
    }
    // The most concise supporting statement words the claim best; a headline (a title, not
    // a sentence) or a denial only when there is nothing else.
    let representative = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| !matches!(m.stance, Stance::Denies | Stance::Questions))
        .min_by_key(|(i, m)| (m.headline, m.span.len(), *i))
        .map_or(0, |(i, _)| i);
    Claim {
        disputed: !asserted.is_empty() && !denied.is_empty(),
        independent_sources: independent.len(),
        asserted_by: asserted.into_iter().collect(),
        denied_by: denied.into_iter().collect(),
        mentions,
        representative,
    }
}

/// Every body sentence and headline of a story's documents as a mention, with its stance and
/// primary source: what `build_claims` groups (a headline that denies is left out; `chain`
/// is empty until a claim is made). Also what the stance evaluation scores.
pub fn collect_mentions(inputs: &[ClaimInput<'_>]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (d, input) in inputs.iter().enumerate() {
        let outlet = input
            .doc
            .source
            .clone()
            .unwrap_or_else(|| input.doc.id.clone());
        // A headline is a statement the outlet makes too (often the only wording of the
        // claim it leads with); debris is not.
        for (s, sentence) in input.text.sentences.iter().enumerate().filter(|(_, s)| {
            matches!(
                input.text.sentence_kind(s),
                ParagraphKind::Body | ParagraphKind::Headline
            )
        }) {
            let text = sentence.span.slice(&input.doc.text);
            let stance = stance_of(text, false);
            let headline = !input.text.is_body(sentence);
            // A title's denial cue is too often another sense ("U.S. denies visas to gay
            // Russians") and names no denier; the body states a real denial with its source.
            if headline && stance == Stance::Denies {
                continue;
            }
            // A sentence speaks for a quoted speaker when the quote is most of it, when it is
            // a denial (the denier is who the quote or reported speech names), or when it
            // reports speech and opens with the quote and its speaker side by side ("“…,”
            // said Luis Rubio, who heads …": a long frame around a short quote; not "X is
            // unclear, while Kadyrov has said he …").
            let attributed_to = input
                .extractions
                .quotes
                .iter()
                .filter(|q| q.span.start < sentence.span.end && sentence.span.start < q.span.end)
                .filter(|q| {
                    let covered =
                        q.span.end.min(sentence.span.end) - q.span.start.max(sentence.span.start);
                    let framed_here = stance != Stance::Asserts
                        && q.speaker_span.is_some_and(|sp| {
                            let first = sp.start.min(q.span.start);
                            let gap = input
                                .doc
                                .text
                                .get(sp.end.min(q.span.end)..sp.start.max(q.span.start))
                                .unwrap_or("");
                            let lead = input.doc.text.get(sentence.span.start..first).unwrap_or("");
                            sp.start >= sentence.span.start
                                && sp.end <= sentence.span.end
                                && tokens(lead, 0).len() <= FRAME_LEAD_WORDS
                                && tokens(gap, 0).len() <= FRAME_GAP_WORDS
                        });
                    stance == Stance::Denies
                        || framed_here
                        || covered as f32 >= ATTRIBUTED_SHARE * sentence.span.len() as f32
                })
                .find_map(|q| q.speaker.clone());
            let stance = if stance == Stance::Asserts && attributed_to.is_some() {
                Stance::Reports
            } else {
                stance
            };
            out.push(Mention {
                headline,
                doc: d,
                sentence: s,
                span: sentence.span,
                stance,
                primary_source: attributed_to.clone().unwrap_or_else(|| outlet.clone()),
                chain: Vec::new(),
                outlet: outlet.clone(),
                attributed_to,
            });
        }
    }
    out
}

/// The content of a mention that claim matching compares.
struct Content {
    stems: HashSet<String>,
    names: HashSet<String>,
    figures: Vec<(u64, usize)>,
}

impl Content {
    fn of(inputs: &[ClaimInput<'_>], m: &Mention) -> Content {
        let input = &inputs[m.doc];
        let text = m.span.slice(&input.doc.text);
        let mut stems = HashSet::new();
        let mut names = HashSet::new();
        for (i, t) in tokens(text, 0).iter().enumerate() {
            let w = t.text;
            if !w.chars().any(char::is_alphabetic) || is_stopword(w) || stance::is_cue_word(w) {
                continue;
            }
            stems.insert(stem(w));
            if i > 0 && w.chars().next().is_some_and(char::is_uppercase) {
                names.insert(stem(w));
            }
        }
        let figures = input
            .extractions
            .figures
            .iter()
            .zip(input.figure_groups)
            .filter(|(f, _)| f.sentence == m.sentence && f.counts.is_some())
            .map(|(f, &g)| (f.value.to_bits(), g))
            .collect();
        Content {
            stems,
            names,
            figures,
        }
    }

    /// Names and numbers do not contradict: when both mention names they share one, and
    /// when both carry figures of the same kind they share a value.
    fn agrees_with(&self, other: &Content) -> bool {
        let names_ok = self.names.is_empty()
            || other.names.is_empty()
            || !self.names.is_disjoint(&other.names);
        names_ok && self.figures_agree(other)
    }

    /// Figures counting the same thing (one figure group) in both share a value.
    fn figures_agree(&self, other: &Content) -> bool {
        if self.figures.is_empty() || other.figures.is_empty() {
            return true;
        }
        let same_kind: Vec<_> = self
            .figures
            .iter()
            .filter(|(_, g)| other.figures.iter().any(|(_, og)| og == g))
            .collect();
        same_kind.is_empty() || same_kind.iter().any(|f| other.figures.contains(f))
    }

    fn shares_figure(&self, other: &Content) -> bool {
        self.figures.iter().any(|f| other.figures.contains(f))
            && self.stems.intersection(&other.stems).count() >= MIN_SHARED_WORDS
    }
}

fn inverse_frequencies(content: &[Content]) -> HashMap<String, f32> {
    let mut df: HashMap<&str, u32> = HashMap::new();
    for c in content {
        for s in &c.stems {
            *df.entry(s).or_default() += 1;
        }
    }
    let n = content.len() as f32;
    df.into_iter()
        .map(|(s, f)| (s.to_string(), ((n + 1.0) / (f as f32 + 0.5)).ln().max(0.1)))
        .collect()
}

/// The content words two mentions share: how many, and their summed `weight`.
fn shared_weight(a: &Content, b: &Content, weight: impl Fn(&String) -> f32) -> (usize, f32) {
    let (small, large) = if a.stems.len() <= b.stems.len() {
        (a, b)
    } else {
        (b, a)
    };
    small
        .stems
        .iter()
        .filter(|s| large.stems.contains(*s))
        .fold((0, 0.0), |(n, sum), s| (n + 1, sum + weight(s)))
}

/// Idf-weighted share of the smaller mention's content found in the other.
fn overlap(a: &Content, b: &Content, idf: &HashMap<String, f32>) -> f32 {
    let weight = |s: &String| idf.get(s).copied().unwrap_or(1.0);
    let (shared, common) = shared_weight(a, b, weight);
    if shared < MIN_SHARED_WORDS {
        return 0.0;
    }
    let smaller = a
        .stems
        .iter()
        .map(weight)
        .sum::<f32>()
        .min(b.stems.iter().map(weight).sum::<f32>());
    if smaller > 0.0 {
        common / smaller
    } else {
        0.0
    }
}
