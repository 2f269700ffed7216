//! Claim grouping measured on ECB+ (Cybulska and Vossen, 2014): do sentences of different
//! reports that state the same thing end up in one claim, and do sentences about different
//! things of the same story stay apart?
//!
//! Data: the 982 ECB+ articles, each topic holding two stories ("subtopics": `N_Kecb.xml`
//! files report one real event, `N_Kecbplus.xml` files another event of the same kind). Each
//! subtopic is one story here; its articles are the corpus tokens joined with spaces, one
//! sentence a line (sentence 0 of the ecbplus files, the address the article was found at,
//! left out), run through the stages the pipeline runs before the claims stage (text
//! analysis with repeated-line marking, reuse, extraction, figure groups) and then
//! `build_claims`.
//!
//! Gold, over the 1,840 sentences `ECBplus_coreference_sentences.csv` lists as annotated
//! (the annotation is complete only there), for every pair of such sentences from different
//! documents of one subtopic:
//! - an event of a sentence is a cross-document action instance (ACTION_* or NEG_* mention
//!   linked by CROSS_DOC_COREF); an action mention without one is an event of its own that
//!   no other document shares;
//! - *same claim*: the two sentences' events overlap by Jaccard ≥ 0.5 (they state mostly the
//!   same events: "Tara Reid has checked into Promises Treatment Center" / "Tara Reid has
//!   entered a rehab program, the American Pie star's rep confirmed") and their participants
//!   agree (when both name cross-document participants, people, objects, places or times,
//!   they share one);
//! - *different*: no event in common (the hard negatives: same story, same people, other
//!   happenings);
//! - pairs sharing some events but not most, or with conflicting participants, are left out
//!   (neither answer is clearly right).
//!
//! Dossier predicts a pair when a claim holds a sentence of each (a corpus sentence Dossier
//! splits in two counts through either piece). The scores are given twice: over all pairs,
//! and over the pairs whose two sentences are both body text for Dossier (a third of the
//! annotated sentences are headlines, which are mentions of claims too; debris never is). The
//! baseline is what a practitioner would write: TF-IDF cosine between the two sentences
//! (scikit-learn `TfidfVectorizer` defaults: lower case, tokens of two or more word
//! characters, smoothed idf, l2 norm; fitted on the sentences of the story) at the threshold
//! (steps of 0.05) with the best F1 on the dev topics; and the same cosine made a partition
//! as claims are (connected components of the story's cross-document sentence pairs at a
//! threshold, again chosen on dev); and, to compare recall at one precision, the cosine cut
//! with the most recall that is as precise as Dossier on each part. Dossier's own pair
//! similarity (`similar_pairs`) is scored the same two ways, each pair on its own, to tell
//! what the similarity misses from what grouping into a partition costs (the gold is not
//! transitive: two sentences can each share most events with a third and few with each
//! other). Dev = topics 1–35, held-out = 36–45 (the usual ECB+
//! test topics); Dossier's settings may be chosen on dev only.
//!
//! Self-skipping when the corpus is missing; quick in release builds:
//! `cargo test --release -p dossier-claims --test ecbplus_claims -- --nocapture`
//! (`CLAIMS_VERBOSE=1` prints Dossier's wrong body-sentence pairs on dev, `CLAIMS_VERBOSE=all`
//! also those with a sentence that is not body text,
//! `CLAIMS_PER_STORY=1` its body-pair counts per story).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

mod common;
#[path = "../../stories/tests/ecbplus/mod.rs"]
mod ecbplus;

use common::{Counts, Story};
use dossier_claims::{Mention, SAME_CLAIM_SIMILARITY};
use dossier_core::{Document, Span};

/// Last topic of the dev part.
const LAST_DEV_TOPIC: u32 = 35;
/// Event overlap at which two sentences state the same thing.
const SAME_EVENTS_JACCARD: f64 = 0.5;

/// One sentence (line) of an ECB+ article.
#[derive(Debug, Clone)]
struct Line {
    span: Span,
    /// In `ECBplus_coreference_sentences.csv`.
    annotated: bool,
    /// Event keys (cross-document instance ids, or a document-local key).
    events: BTreeSet<String>,
    /// Cross-document participant instances (people, objects, places, times).
    participants: BTreeSet<String>,
}

/// One ECB+ article.
struct Article {
    topic: u32,
    subtopic: &'static str,
    file: String,
    text: String,
    lines: Vec<Line>,
}

/// `(topic, "10ecbplus")` → annotated sentence numbers.
fn annotated_sentences(dir: &Path) -> HashMap<(u32, String), HashSet<u32>> {
    let csv = std::fs::read_to_string(dir.join("ECBplus_coreference_sentences.csv"))
        .expect("sentence list");
    let mut out: HashMap<(u32, String), HashSet<u32>> = HashMap::new();
    for line in csv.lines().skip(1) {
        let fields: Vec<&str> = line.trim().split(',').collect();
        if let [topic, file, sentence] = fields[..] {
            out.entry((topic.parse().expect("topic"), file.to_string()))
                .or_default()
                .insert(sentence.parse().expect("sentence number"));
        }
    }
    out
}

fn read_article(path: &Path, annotated: &HashMap<(u32, String), HashSet<u32>>) -> Article {
    let f = ecbplus::read_file(path);
    // The sentence list names files without the topic prefix and extension ("10ecbplus").
    let (_, name) = f.file.split_once('_').expect("topic_file name");
    let selected = annotated
        .get(&(f.topic, name.trim_end_matches(".xml").to_string()))
        .cloned()
        .unwrap_or_default();
    let mut text = String::new();
    let mut lines = Vec::new();
    let mut line_of: HashMap<u32, usize> = HashMap::new();
    for (number, words) in f.sentences() {
        let start = text.len();
        text.push_str(&words.join(" "));
        line_of.insert(number, lines.len());
        lines.push(Line {
            span: Span::new(start, text.len()),
            annotated: selected.contains(&number),
            events: BTreeSet::new(),
            participants: BTreeSet::new(),
        });
        text.push('\n');
    }
    for (id, markable) in &f.markables {
        let Some(first) = markable.anchors.first() else {
            continue;
        };
        let Some(&line) = f.tokens.get(first).and_then(|t| line_of.get(&t.sentence)) else {
            continue;
        };
        let linked = f.instance.get(id);
        let line = &mut lines[line];
        if markable.tag.starts_with("ACTION") || markable.tag.starts_with("NEG") {
            line.events.insert(
                linked
                    .cloned()
                    .unwrap_or_else(|| format!("{}:m{id}", f.file)),
            );
        } else if let Some(linked) = linked.filter(|l| !l.contains(':')) {
            line.participants.insert(linked.clone());
        }
    }
    Article {
        topic: f.topic,
        subtopic: f.event,
        file: f.file,
        text,
        lines,
    }
}

fn articles() -> Option<Vec<Article>> {
    let dir = ecbplus::corpus_dir()?;
    let annotated = annotated_sentences(&dir);
    let mut out: Vec<Article> = ecbplus::article_paths(&dir)
        .iter()
        .map(|p| read_article(p, &annotated))
        .collect();
    out.sort_by(|a, b| a.topic.cmp(&b.topic).then_with(|| a.file.cmp(&b.file)));
    Some(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gold {
    Same,
    Different,
    Unclear,
}

fn gold(a: &Line, b: &Line) -> Gold {
    let shared = a.events.intersection(&b.events).count();
    if shared == 0 {
        return Gold::Different;
    }
    let union = a.events.union(&b.events).count();
    let conflict = !a.participants.is_empty()
        && !b.participants.is_empty()
        && a.participants.is_disjoint(&b.participants);
    if shared as f64 / union as f64 >= SAME_EVENTS_JACCARD && !conflict {
        Gold::Same
    } else {
        Gold::Unclear
    }
}

/// For each document and line, the claims holding a sentence of that line.
type LineClaims = Vec<Vec<HashSet<usize>>>;

/// Pairs of lines, `((document, line), (document, line))` in order, with the highest
/// similarity `build_claims` gives a pair of their sentences.
type LineSimilarity = HashMap<((usize, usize), (usize, usize)), f32>;

/// Claims of one story, as the pipeline builds them: for each document and line, the claims
/// holding a sentence of that line; whether the line holds a body sentence; and the
/// similarity grouping compares pairs of lines by.
fn dossier_claims(
    story: &[&Article],
    seconds: &mut f64,
) -> (LineClaims, Vec<Vec<bool>>, LineSimilarity) {
    let built = Story::build(
        story
            .iter()
            .map(|a| Document::plain(&a.file, &a.text))
            .collect(),
    );
    *seconds += built.claim_seconds;
    let (claims, texts) = (&built.claims, &built.texts);
    let mut out: Vec<Vec<HashSet<usize>>> = story
        .iter()
        .map(|a| vec![HashSet::new(); a.lines.len()])
        .collect();
    let line_of = |m: &Mention| {
        story[m.doc]
            .lines
            .iter()
            .position(|l| l.span.start <= m.span.start && m.span.start < l.span.end + 1)
            .map(|line| (m.doc, line))
    };
    for (c, claim) in claims.iter().enumerate() {
        for m in &claim.mentions {
            if let Some((d, line)) = line_of(m) {
                out[d][line].insert(c);
            }
        }
    }
    let mut similarity = LineSimilarity::new();
    for p in &built.similar {
        if let (Some(a), Some(b)) = (line_of(&built.mentions[p.a]), line_of(&built.mentions[p.b])) {
            let best = similarity.entry((a.min(b), a.max(b))).or_default();
            *best = best.max(p.similarity);
        }
    }
    let body = story
        .iter()
        .enumerate()
        .map(|(d, a)| {
            a.lines
                .iter()
                .map(|l| {
                    texts[d]
                        .body_sentences()
                        .any(|(_, s)| l.span.start <= s.span.start && s.span.start <= l.span.end)
                })
                .collect()
        })
        .collect();
    (out, body, similarity)
}

/// Sentence vectors as scikit-learn's `TfidfVectorizer()` makes them, fitted on `lines`.
fn tfidf(lines: &[&str]) -> Vec<HashMap<String, f64>> {
    let tokenise = |s: &str| -> Vec<String> {
        s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| w.chars().count() >= 2)
            .map(str::to_lowercase)
            .collect()
    };
    let docs: Vec<Vec<String>> = lines.iter().map(|l| tokenise(l)).collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for d in &docs {
        for w in d.iter().map(String::as_str).collect::<HashSet<_>>() {
            *df.entry(w).or_default() += 1;
        }
    }
    let n = docs.len() as f64;
    docs.iter()
        .map(|d| {
            let mut v: HashMap<String, f64> = HashMap::new();
            for w in d {
                *v.entry(w.clone()).or_default() += 1.0;
            }
            for (w, x) in v.iter_mut() {
                *x *= ((1.0 + n) / (1.0 + df[w.as_str()] as f64)).ln() + 1.0;
            }
            let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.values_mut().for_each(|x| *x /= norm);
            }
            v
        })
        .collect()
}

fn cosine(a: &HashMap<String, f64>, b: &HashMap<String, f64>) -> f64 {
    a.iter().filter_map(|(w, x)| b.get(w).map(|y| x * y)).sum()
}

/// The cosine cut with the most recall whose precision over `pairs` (cosine, same) is at
/// least `precision`, with its counts; `None` when no cut is that precise.
fn as_precise(pairs: &mut [(f64, bool)], precision: f64) -> Option<(f64, Counts)> {
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let same = pairs.iter().filter(|p| p.1).count();
    let mut best = None;
    let mut tp = 0;
    for (k, &(cos, is_same)) in pairs.iter().enumerate() {
        tp += usize::from(is_same);
        // Cut only between distinct cosines: a threshold takes every pair at that value.
        if pairs.get(k + 1).is_some_and(|next| next.0 == cos) {
            continue;
        }
        let counts = Counts {
            tp,
            fp: k + 1 - tp,
            fn_: same - tp,
        };
        if counts.prf().0 >= precision {
            best = Some((cos, counts));
        }
    }
    best
}

/// Thresholds tried for the baseline.
fn thresholds() -> Vec<f64> {
    (1..=19).map(|t| t as f64 / 20.0).collect()
}

#[test]
fn claim_grouping_on_ecbplus() {
    let Some(articles) = articles() else {
        return;
    };
    assert_eq!(articles.len(), 982);
    let annotated: usize = articles
        .iter()
        .map(|a| a.lines.iter().filter(|l| l.annotated).count())
        .sum();
    assert_eq!(annotated, 1840, "annotated sentences found");

    let mut stories: BTreeMap<(u32, &str), Vec<&Article>> = BTreeMap::new();
    for a in &articles {
        stories.entry((a.topic, a.subtopic)).or_default().push(a);
    }
    let verbose = std::env::var_os("CLAIMS_VERBOSE").is_some();
    let verbose_all = std::env::var_os("CLAIMS_VERBOSE").is_some_and(|v| v == "all");
    let grid = thresholds();
    // [dev, held-out]
    // [dev, held-out, dev body-only, held-out body-only]
    let mut dossier = [Counts::default(); 4];
    let mut baseline = vec![[Counts::default(); 4]; grid.len()];
    // The same cosine made a partition (connected components), as claims are.
    let mut components = vec![[Counts::default(); 4]; grid.len()];
    // Every scored pair's cosine and gold answer, per part.
    let mut scored: [Vec<(f64, bool)>; 4] = Default::default();
    // The same for Dossier's own pair similarity, before grouping.
    let mut similar: [Vec<(f64, bool)>; 4] = Default::default();
    // Pairs by gold answer (same, different, left out), for each of the four parts.
    let mut gold_counts = [[0usize; 3]; 4];
    let mut not_body = 0;
    let mut claim_seconds = 0.0;
    let mut story_mentions = 0usize;
    for (&(topic, _), story) in &stories {
        let part = usize::from(topic > LAST_DEV_TOPIC);
        let before = dossier[part + 2];
        let (claims, body, similarity) = dossier_claims(story, &mut claim_seconds);
        story_mentions += story.iter().map(|a| a.lines.len()).sum::<usize>();
        let all_lines: Vec<(usize, usize)> = story
            .iter()
            .enumerate()
            .flat_map(|(d, a)| (0..a.lines.len()).map(move |l| (d, l)))
            .collect();
        let texts: Vec<&str> = all_lines
            .iter()
            .map(|&(d, l)| story[d].lines[l].span.slice(&story[d].text))
            .collect();
        let vectors = tfidf(&texts);
        let index: HashMap<(usize, usize), usize> =
            all_lines.iter().enumerate().map(|(i, &k)| (k, i)).collect();
        // Component of every line at every threshold.
        let mut component_of: Vec<Vec<usize>> = Vec::with_capacity(grid.len());
        let mut cosines = Vec::new();
        for i in 0..all_lines.len() {
            for j in i + 1..all_lines.len() {
                if all_lines[i].0 != all_lines[j].0 {
                    let c = cosine(&vectors[i], &vectors[j]);
                    if c >= grid[0] {
                        cosines.push((c, i, j));
                    }
                }
            }
        }
        for &threshold in &grid {
            let mut union = dossier_core::UnionFind::new(all_lines.len());
            for &(c, i, j) in &cosines {
                if c >= threshold {
                    union.join(i, j);
                }
            }
            component_of.push((0..all_lines.len()).map(|i| union.find(i)).collect());
        }
        let sentences: Vec<(usize, usize)> = all_lines
            .iter()
            .copied()
            .filter(|&(d, l)| story[d].lines[l].annotated)
            .collect();
        not_body += sentences
            .iter()
            .filter(|&&(d, l)| claims[d][l].is_empty())
            .count();
        for (i, &(da, la)) in sentences.iter().enumerate() {
            for &(db, lb) in &sentences[i + 1..] {
                if da == db {
                    continue;
                }
                let (a, b) = (&story[da].lines[la], &story[db].lines[lb]);
                let g = gold(a, b);
                let both_body = body[da][la] && body[db][lb];
                gold_counts[part][g as usize] += 1;
                if both_body {
                    gold_counts[part + 2][g as usize] += 1;
                }
                if g == Gold::Unclear {
                    continue;
                }
                let same = g == Gold::Same;
                let predicted = !claims[da][la].is_disjoint(&claims[db][lb]);
                dossier[part].add(same, predicted);
                if both_body {
                    dossier[part + 2].add(same, predicted);
                }
                if verbose && part == 0 && (both_body || verbose_all) && same != predicted {
                    println!(
                        "{}{} {}\n  {}: {}\n  {}: {}",
                        if same { "MISSED" } else { "WRONG " },
                        if both_body { "" } else { " (headline)" },
                        topic,
                        story[da].file,
                        a.span.slice(&story[da].text),
                        story[db].file,
                        b.span.slice(&story[db].text)
                    );
                }
                let (ia, ib) = (index[&(da, la)], index[&(db, lb)]);
                let cos = cosine(&vectors[ia], &vectors[ib]);
                let pair = ((da, la).min((db, lb)), (da, la).max((db, lb)));
                let sim = f64::from(similarity.get(&pair).copied().unwrap_or(0.0));
                scored[part].push((cos, same));
                similar[part].push((sim, same));
                if both_body {
                    scored[part + 2].push((cos, same));
                    similar[part + 2].push((sim, same));
                }
                for (t, &threshold) in grid.iter().enumerate() {
                    let joined = component_of[t][ia] == component_of[t][ib];
                    components[t][part].add(same, joined);
                    if both_body {
                        components[t][part + 2].add(same, joined);
                    }
                    baseline[t][part].add(same, cos >= threshold);
                    if both_body {
                        baseline[t][part + 2].add(same, cos >= threshold);
                    }
                }
            }
        }
        if std::env::var_os("CLAIMS_PER_STORY").is_some() {
            let now = dossier[part + 2];
            println!(
                "STORY {topic} {} tp {} fp {} fn {}",
                story[0].subtopic,
                now.tp - before.tp,
                now.fp - before.fp,
                now.fn_ - before.fn_
            );
        }
    }
    let best = (0..grid.len())
        .max_by(|&a, &b| baseline[a][0].prf().2.total_cmp(&baseline[b][0].prf().2))
        .expect("thresholds");
    let best_components = (0..grid.len())
        .max_by(|&a, &b| {
            components[a][0]
                .prf()
                .2
                .total_cmp(&components[b][0].prf().2)
        })
        .expect("thresholds");
    println!(
        "\nECB+ claim grouping: {} stories, {annotated} annotated sentences ({not_body} in no \
         Dossier claim: headline, debris or a claim of one document)",
        stories.len()
    );
    for (part, name) in [
        "dev (topics 1-35)",
        "held-out (36-45)",
        "dev, body sentences only",
        "held-out, body sentences only",
    ]
    .iter()
    .enumerate()
    {
        println!(
            "{name}: pairs same {} / different {} / left out {}",
            gold_counts[part][0], gold_counts[part][1], gold_counts[part][2]
        );
        println!("  Dossier                         {}", dossier[part].show());
        println!(
            "  TF-IDF cosine >= {:.2} (dev best) {}",
            grid[best],
            baseline[best][part].show()
        );
        println!(
            "  TF-IDF components >= {:.2} (dev) {}",
            grid[best_components],
            components[best_components][part].show()
        );
        // Recall at one precision: the cosine cut where it is as precise as Dossier with the
        // most recall (chosen on this part itself: a comparison, not a tuned baseline).
        let precision = dossier[part].prf().0;
        if let Some((cut, counts)) = as_precise(&mut scored[part], precision) {
            println!("  TF-IDF cosine >= {cut:.3} (as precise) {}", counts.show());
        }
        // Dossier's similarity alone, each pair on its own as the cosine is: what grouping
        // the pairs into a partition costs.
        let threshold = f64::from(SAME_CLAIM_SIMILARITY);
        let mut alone = Counts::default();
        for &(sim, same) in &similar[part] {
            alone.add(same, sim >= threshold);
        }
        println!(
            "  Dossier pairs >= {threshold:.2}, no grouping {}",
            alone.show()
        );
        if let Some((cut, counts)) = as_precise(&mut similar[part], precision) {
            println!("  Dossier pairs >= {cut:.3} (as precise) {}", counts.show());
        }
    }
    let held_best = (0..grid.len())
        .max_by(|&a, &b| baseline[a][1].prf().2.total_cmp(&baseline[b][1].prf().2))
        .expect("thresholds");
    println!(
        "  (TF-IDF at the held-out's own best threshold {:.2}: {})",
        grid[held_best],
        baseline[held_best][1].show()
    );
    println!(
        "build_claims: {:.1} ms for {story_mentions} sentences in {} stories ({:.0} sentences/s)",
        claim_seconds * 1000.0,
        stories.len(),
        story_mentions as f64 / claim_seconds
    );
    let (p, _, _) = dossier[1].prf();
    assert!(p > 0.55, "claim grouping precision fell: {p:.3}");
    let (_, _, f) = dossier[3].prf();
    assert!(f > 0.45, "claim grouping F1 on body sentences fell: {f:.3}");
    let (_, _, f) = baseline[best][1].prf();
    assert!(f > 0.55, "the TF-IDF baseline is broken: F1 {f:.3}");
}
