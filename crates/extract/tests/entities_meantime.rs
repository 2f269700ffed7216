//! Cross-document entity merging measured on MEANTIME (Minard et al., LREC 2016): 120
//! Wikinews articles in four topic corpora (Airbus, Apple, GM, stock market) whose named
//! entity mentions are linked to corpus-wide entity instances ("Airbus", "Airbus SAS" and
//! "the European planemaker's" parent, across thirty articles).
//!
//! Each corpus is treated as one story: Dossier extracts entity mentions per article and
//! merges them with `merge_story_entities`, as briefs do. Scored:
//! - detection of named person/organisation/place mentions (gold `syntactic_type="NAM"`,
//!   `ent_type` PER/ORG/LOC), exact span and overlap, one to one. Recall is the figure to
//!   read: gold named spans take in appositions ("European aircraft manufacturer, Airbus")
//!   and names inside other mentions are not marked ("20 of Boeing's larger 777 planes"),
//!   so precision is far below what it would be against a complete name annotation (the
//!   CoNLL evaluation measures that);
//! - merging: B-cubed precision/recall/F1 over the gold mentions Dossier found (overlap),
//!   Dossier's story entities against the gold instances, side by side with the merge a
//!   simple tool does (mentions with the same text are one entity). Only the mentions both
//!   sides share are scored, so merging is judged apart from detection.
//!
//! Articles are their tokens, one sentence a line (`tests/cat/mod.rs`). Self-skipping when the corpus is missing:
//! `cargo test --release -p dossier-extract --test entities_meantime -- --nocapture`.
//! To look at errors: `DOSSIER_MEANTIME_DEBUG=1` prints each scored mention (gold instance,
//! Dossier's entity, text, kind); `DOSSIER_MEANTIME_ENTITY=Jobs` prints the story entities
//! whose names contain "Jobs".

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use dossier_core::Document;
use dossier_extract::entities::{extract_entities, merge_story_entities};
use dossier_extract::{EntityKind, EntityMention};
use dossier_text::analyze;
use quick_xml::events::Event;
use quick_xml::Reader;

mod cat;

use cat::{attribute as attr, join_tokens, read_tokens, CatText};

fn corpus_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/meantime/intra_cross-doc_annotation")
}

/// Floors under which the measurement fails (the figures at the time of writing are in the
/// test output and README).
const MIN_DETECTION_OVERLAP_RECALL: f64 = 0.6;
const MIN_MERGE_F1: f64 = 0.8;

/// A gold named mention.
struct GoldMention {
    start: usize,
    end: usize,
    /// Corpus-wide instance, when the annotators linked one.
    instance: Option<String>,
}

/// One article: its text and gold mentions.
struct Article {
    doc: Document,
    gold: Vec<GoldMention>,
}

/// The entity markup of one MEANTIME article.
struct Markup {
    /// The article's `doc_id`.
    doc_id: u64,
    /// Named mentions (`syntactic_type="NAM"`): (m_id, token ids).
    named: Vec<(String, Vec<String>)>,
    /// Entity m_id → (ent_type, corpus-wide instance id).
    entities: HashMap<String, (String, Option<String>)>,
    /// REFERS_TO links: (mention m_ids, entity m_id).
    links: Vec<(Vec<String>, String)>,
}

impl Markup {
    /// Entity m_id each named mention refers to.
    fn target_of(&self) -> HashMap<&str, &str> {
        let mut target = HashMap::new();
        for (sources, entity) in &self.links {
            for source in sources {
                target.insert(source.as_str(), entity.as_str());
            }
        }
        target
    }
}

/// Reads the named mentions, entities and their links from a MEANTIME CAT file.
fn read_markup(xml: &str) -> Markup {
    let mut reader = Reader::from_str(xml);
    let mut markup = Markup {
        doc_id: 0,
        named: Vec::new(),
        entities: HashMap::new(),
        links: Vec::new(),
    };
    let mut mention: Option<(String, Vec<String>)> = None;
    let mut refers: Option<(Vec<String>, Option<String>)> = None;
    loop {
        match reader.read_event().expect("well-formed MEANTIME XML") {
            Event::Eof => break,
            Event::Start(e) => match e.name().as_ref() {
                "Document" => {
                    markup.doc_id = attr(&e, "doc_id").and_then(|d| d.parse().ok()).unwrap_or(0)
                }
                "REFERS_TO" => refers = Some((Vec::new(), None)),
                "ENTITY_MENTION" if attr(&e, "syntactic_type").is_some_and(|t| t == "NAM") => {
                    mention = Some((attr(&e, "m_id").unwrap_or_default(), Vec::new()))
                }
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "token_anchor" => {
                    if let Some(m) = mention.as_mut() {
                        m.1.push(attr(&e, "t_id").unwrap_or_default());
                    }
                }
                "ENTITY" => {
                    markup.entities.insert(
                        attr(&e, "m_id").unwrap_or_default(),
                        (
                            attr(&e, "ent_type").unwrap_or_default(),
                            attr(&e, "instance_id"),
                        ),
                    );
                }
                "source" => {
                    if let Some(r) = refers.as_mut() {
                        r.0.push(attr(&e, "m_id").unwrap_or_default());
                    }
                }
                "target" => {
                    if let Some(r) = refers.as_mut() {
                        r.1 = attr(&e, "m_id");
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "REFERS_TO" => {
                    if let Some((sources, Some(target))) = refers.take() {
                        markup.links.push((sources, target));
                    }
                }
                "ENTITY_MENTION" => markup.named.extend(mention.take()),
                _ => {}
            },
            _ => {}
        }
    }
    markup
}

/// Reads one MEANTIME article.
fn read_article(path: &Path) -> Article {
    let xml = std::fs::read_to_string(path).expect("readable article");
    let Markup {
        named,
        entities,
        links,
        ..
    } = read_markup(&xml);
    let mentions: HashMap<String, Vec<String>> = named.into_iter().collect();
    let CatText { text, spans, .. } = join_tokens(&read_tokens(&xml));

    let mut gold = Vec::new();
    for (sources, target) in &links {
        let Some((ent_type, instance)) = entities.get(target) else {
            continue;
        };
        if !matches!(ent_type.as_str(), "PER" | "ORG" | "LOC") {
            continue;
        }
        for source in sources {
            let Some(anchors) = mentions.get(source) else {
                continue;
            };
            let covered: Vec<(usize, usize)> = anchors
                .iter()
                .filter_map(|a| spans.get(a).copied())
                .collect();
            let (Some(start), Some(end)) = (
                covered.iter().map(|s| s.0).min(),
                covered.iter().map(|s| s.1).max(),
            ) else {
                continue;
            };
            gold.push(GoldMention {
                start,
                end,
                instance: instance.clone(),
            });
        }
    }
    gold.sort_by_key(|g| (g.start, g.end));
    gold.dedup_by_key(|g| (g.start, g.end));
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Article {
        doc: Document::plain(&name, &text),
        gold,
    }
}

/// Precision, recall and F1 from counts.
fn prf(found: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = found as f64 / predicted.max(1) as f64;
    let r = found as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// B-cubed precision, recall and F1 of `predicted` cluster labels against `gold` ones.
fn bcubed(predicted: &[usize], gold: &[usize]) -> (f64, f64, f64) {
    let n = predicted.len();
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let mut pair: HashMap<(usize, usize), usize> = HashMap::new();
    let mut pred_size: HashMap<usize, usize> = HashMap::new();
    let mut gold_size: HashMap<usize, usize> = HashMap::new();
    for (&p, &g) in predicted.iter().zip(gold) {
        *pair.entry((p, g)).or_default() += 1;
        *pred_size.entry(p).or_default() += 1;
        *gold_size.entry(g).or_default() += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (&p, &g) in predicted.iter().zip(gold) {
        let both = pair[&(p, g)] as f64;
        precision += both / pred_size[&p] as f64;
        recall += both / gold_size[&g] as f64;
    }
    let (p, r) = (precision / n as f64, recall / n as f64);
    (p, r, 2.0 * p * r / (p + r))
}

/// One-to-one alignment of predicted mentions to gold mentions: exact spans first, then the
/// largest overlaps. Returns (gold index, predicted index) pairs and the exact-match count.
fn align(gold: &[GoldMention], predicted: &[EntityMention]) -> (Vec<(usize, usize)>, usize) {
    let gold: Vec<(usize, usize)> = gold.iter().map(|g| (g.start, g.end)).collect();
    let predicted: Vec<(usize, usize)> = predicted
        .iter()
        .map(|p| (p.span.start, p.span.end))
        .collect();
    align_spans(&gold, &predicted)
}

/// One-to-one pairs (gold index, predicted index) of byte spans: identical spans first,
/// then the largest overlaps; also returns how many pairs are identical.
fn align_spans(
    gold: &[(usize, usize)],
    predicted: &[(usize, usize)],
) -> (Vec<(usize, usize)>, usize) {
    let mut gold_taken = vec![false; gold.len()];
    let mut pred_taken = vec![false; predicted.len()];
    let mut pairs = Vec::new();
    for (g, gm) in gold.iter().enumerate() {
        if let Some(p) = predicted.iter().position(|pm| pm == gm) {
            if !pred_taken[p] {
                gold_taken[g] = true;
                pred_taken[p] = true;
                pairs.push((g, p));
            }
        }
    }
    let exact = pairs.len();
    let mut overlaps: Vec<(usize, usize, usize)> = Vec::new();
    for (g, gm) in gold.iter().enumerate() {
        for (p, pm) in predicted.iter().enumerate() {
            let overlap = gm.1.min(pm.1).saturating_sub(gm.0.max(pm.0));
            if overlap > 0 && !gold_taken[g] && !pred_taken[p] {
                overlaps.push((overlap, g, p));
            }
        }
    }
    overlaps.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, g, p) in overlaps {
        if !gold_taken[g] && !pred_taken[p] {
            gold_taken[g] = true;
            pred_taken[p] = true;
            pairs.push((g, p));
        }
    }
    (pairs, exact)
}

#[test]
fn cross_document_entity_merging_on_meantime() {
    let root = corpus_root();
    let Ok(listing) = std::fs::read_dir(&root) else {
        eprintln!("note: {} not found; skipping", root.display());
        return;
    };
    let mut corpora: Vec<PathBuf> = listing.flatten().map(|e| e.path()).collect();
    corpora.sort();
    let (mut gold_total, mut predicted_total, mut exact_total, mut overlap_total) = (0, 0, 0, 0);
    // Per scored mention: (Dossier's entity, same-text entity, gold instance), labels
    // made unique across corpora.
    let mut dossier_labels = Vec::new();
    let mut text_labels = Vec::new();
    let mut gold_labels = Vec::new();
    let mut label_of: HashMap<String, usize> = HashMap::new();
    let mut label = |key: String| {
        let next = label_of.len();
        *label_of.entry(key).or_insert(next)
    };
    for corpus in &corpora {
        let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)
            .expect("corpus folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "xml"))
            .collect();
        files.sort();
        let articles: Vec<Article> = files.iter().map(|p| read_article(p)).collect();
        let found: Vec<Vec<EntityMention>> = articles
            .iter()
            .map(|a| {
                extract_entities(&a.doc, &analyze(&a.doc))
                    .into_iter()
                    .filter(|m| m.kind != EntityKind::Nationality)
                    .collect()
            })
            .collect();
        let lists: Vec<&[EntityMention]> = found.iter().map(Vec::as_slice).collect();
        let merged = merge_story_entities(&lists);
        let mut entity_of: HashMap<(usize, usize), usize> = HashMap::new();
        for (e, entity) in merged.iter().enumerate() {
            for &m in &entity.mentions {
                entity_of.insert(m, e);
            }
        }
        let corpus_name = corpus.file_name().unwrap_or_default().to_string_lossy();
        if let Ok(needle) = std::env::var("DOSSIER_MEANTIME_ENTITY") {
            for e in merged.iter().filter(|e| {
                e.name.contains(&needle) || e.aliases.iter().any(|a| a.contains(&needle))
            }) {
                eprintln!("{corpus_name}: {:?} {} {:?}", e.kind, e.name, e.aliases);
            }
        }
        let (mut corpus_gold, mut corpus_exact, mut corpus_overlap) = (0, 0, 0);
        for (d, article) in articles.iter().enumerate() {
            let (pairs, exact) = align(&article.gold, &found[d]);
            corpus_gold += article.gold.len();
            corpus_exact += exact;
            corpus_overlap += pairs.len();
            predicted_total += found[d].len();
            for (g, p) in pairs {
                let Some(instance) = &article.gold[g].instance else {
                    continue;
                };
                let entity = entity_of
                    .get(&(d, p))
                    .map(|e| format!("{corpus_name}/{e}"))
                    .unwrap_or_else(|| format!("{corpus_name}/single/{d}/{p}"));
                if std::env::var_os("DOSSIER_MEANTIME_DEBUG").is_some() {
                    let name = entity_of
                        .get(&(d, p))
                        .map(|&e| merged[e].name.as_str())
                        .unwrap_or("-");
                    eprintln!(
                        "{instance}\t{name}\t{}\t{:?}",
                        found[d][p].text, found[d][p].kind
                    );
                }
                dossier_labels.push(label(format!("dossier:{entity}")));
                text_labels.push(label(format!("text:{corpus_name}/{}", found[d][p].text)));
                gold_labels.push(label(format!("gold:{instance}")));
            }
        }
        println!(
            "{corpus_name}: {} articles, {corpus_gold} gold named PER/ORG/LOC mentions, {} found, {corpus_exact} exact, {corpus_overlap} overlapping; {} story entities",
            articles.len(),
            found.iter().map(Vec::len).sum::<usize>(),
            merged.len()
        );
        gold_total += corpus_gold;
        exact_total += corpus_exact;
        overlap_total += corpus_overlap;
    }
    let (ep, er, ef) = prf(exact_total, predicted_total, gold_total);
    let (op, or, of) = prf(overlap_total, predicted_total, gold_total);
    println!(
        "detection ({gold_total} gold, {predicted_total} found): exact P {ep:.3} R {er:.3} F1 {ef:.3}; overlap P {op:.3} R {or:.3} F1 {of:.3}"
    );
    println!("  (precision is a lower bound: MEANTIME marks names only where they are entities of its classes, e.g. not products or financial names)");
    let (dp, dr, df) = bcubed(&dossier_labels, &gold_labels);
    let (tp, tr, tf) = bcubed(&text_labels, &gold_labels);
    println!(
        "merging over {} linked gold mentions Dossier found, B-cubed: Dossier P {dp:.3} R {dr:.3} F1 {df:.3}; same text only P {tp:.3} R {tr:.3} F1 {tf:.3}",
        gold_labels.len()
    );
    assert!(gold_total > 500, "corpus read: {gold_total} gold mentions");
    let _ = of;
    assert!(
        or >= MIN_DETECTION_OVERLAP_RECALL,
        "detection recall {or:.3}"
    );
    assert!(df >= MIN_MERGE_F1, "merging F1 {df:.3}");
    assert!(
        dr > tr,
        "alias merging should join more of each entity's mentions than exact text: {dr:.3} vs {tr:.3}"
    );
}

/// The document-level annotation (named mention types without the corpus-level additions).
fn intra_doc_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/meantime/intra-doc_annotation")
}

/// MEANTIME annotates the title (sentence 0) and the body's first sentences (2 to 5; 1 is
/// the date line) only.
const LAST_ANNOTATED_SENTENCE: usize = 5;

/// Floors for the named-mention evaluation (held-out half; figures at the time of writing
/// are in the test output and README).
const MIN_NAMED_OVERLAP_F1: f64 = 0.80;
const MIN_NAMED_TYPED_OVERLAP_F1: f64 = 0.67;

/// Score types: MEANTIME's PER, ORG, LOC, and MISC for its products, financial names and
/// mixed entities; `None` for a named mention linked to no entity (untyped score only).
const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// A named mention with its score type.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Named {
    start: usize,
    end: usize,
    kind: Option<&'static str>,
}

/// One article of the named-mention evaluation.
struct NamedArticle {
    id: u64,
    doc: Document,
    tokens: usize,
    /// First byte after the annotated sentences.
    annotated_end: usize,
    gold: Vec<Named>,
}

fn gold_type(ent_type: &str) -> Option<&'static str> {
    match ent_type {
        "PER" => Some("PER"),
        "ORG" => Some("ORG"),
        "LOC" => Some("LOC"),
        "PRO" | "FIN" | "MIX" => Some("MISC"),
        _ => None,
    }
}

/// Dossier's kinds as score types; nationality adjectives are not scored (MEANTIME marks
/// "US" in "US markets" as a premodifier, not a named mention).
fn dossier_type(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("PER"),
        EntityKind::Organization => Some("ORG"),
        EntityKind::Place => Some("LOC"),
        EntityKind::Other => Some("MISC"),
        EntityKind::Nationality => None,
    }
}

/// Reads one article of the document-level annotation: its text and the named
/// (`syntactic_type="NAM"`) entity mentions, typed through their REFERS_TO entity.
fn read_named_article(path: &Path) -> NamedArticle {
    let xml = std::fs::read_to_string(path).expect("readable article");
    let markup = read_markup(&xml);
    let target_of = markup.target_of();
    let id = markup.doc_id;
    let tokens = read_tokens(&xml);
    let annotated_end_token = tokens
        .iter()
        .find(|t| t.sentence > LAST_ANNOTATED_SENTENCE)
        .map(|t| t.id.clone());
    let CatText { text, spans, .. } = join_tokens(&tokens);
    let annotated_end = annotated_end_token
        .and_then(|t| spans.get(&t).map(|s| s.0))
        .unwrap_or(text.len());
    let mut gold: Vec<Named> = Vec::new();
    for (m_id, anchors) in &markup.named {
        let covered: Vec<(usize, usize)> = anchors
            .iter()
            .filter_map(|a| spans.get(a).copied())
            .collect();
        let (Some(start), Some(end)) = (
            covered.iter().map(|s| s.0).min(),
            covered.iter().map(|s| s.1).max(),
        ) else {
            continue;
        };
        let kind = target_of
            .get(m_id.as_str())
            .and_then(|target| markup.entities.get(*target))
            .and_then(|(t, _)| gold_type(t));
        // Identical spans count once, with the first mention's type (as the Python scorer).
        if !gold.iter().any(|g| g.start == start && g.end == end) {
            gold.push(Named { start, end, kind });
        }
    }
    gold.sort();
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    NamedArticle {
        id,
        doc: Document::plain(&name, &text),
        tokens: tokens.len(),
        annotated_end,
        gold,
    }
}

/// One-to-one overlapping pairs: identical spans first, then the largest overlaps
/// (`eval/spacy_meantime.py` counts the same way).
fn overlap_pairs(gold: &[(usize, usize)], predicted: &[(usize, usize)]) -> usize {
    let mut gold: Vec<(usize, usize)> = gold.to_vec();
    let mut predicted: Vec<(usize, usize)> = predicted.to_vec();
    gold.sort();
    predicted.sort();
    align_spans(&gold, &predicted).0.len()
}

/// (correct, predicted, gold) per (exact/overlap, untyped/typed/type).
#[derive(Default)]
struct NamedCounts(HashMap<(&'static str, &'static str), [usize; 3]>);

impl NamedCounts {
    fn add(&mut self, how: &'static str, key: &'static str, counts: [usize; 3]) {
        let c = self.0.entry((how, key)).or_default();
        for i in 0..3 {
            c[i] += counts[i];
        }
    }

    fn score(&mut self, gold: &[Named], predicted: &[Named]) {
        let spans = |v: &[Named], t: Option<&str>| -> Vec<(usize, usize)> {
            v.iter()
                .filter(|n| t.is_none() || n.kind == t)
                .map(|n| (n.start, n.end))
                .collect()
        };
        let exact = |g: &[(usize, usize)], p: &[(usize, usize)]| {
            let p: std::collections::HashSet<_> = p.iter().collect();
            let g: std::collections::HashSet<_> = g.iter().collect();
            g.intersection(&p).count()
        };
        let (mut typed_exact, mut typed_overlap, mut typed_gold) = (0, 0, 0);
        for t in TYPES {
            let (g, p) = (spans(gold, Some(t)), spans(predicted, Some(t)));
            let (e, o) = (exact(&g, &p), overlap_pairs(&g, &p));
            self.add("exact", t, [e, p.len(), g.len()]);
            self.add("overlap", t, [o, p.len(), g.len()]);
            typed_exact += e;
            typed_overlap += o;
            typed_gold += g.len();
        }
        self.add("exact", "typed", [typed_exact, predicted.len(), typed_gold]);
        self.add(
            "overlap",
            "typed",
            [typed_overlap, predicted.len(), typed_gold],
        );
        let mut g = spans(gold, None);
        let mut p = spans(predicted, None);
        g.dedup();
        p.sort();
        p.dedup();
        self.add("exact", "untyped", [exact(&g, &p), p.len(), g.len()]);
        self.add(
            "overlap",
            "untyped",
            [overlap_pairs(&g, &p), p.len(), g.len()],
        );
    }

    fn f1(&self, how: &'static str, key: &'static str) -> f64 {
        let [tp, pr, gd] = self.0.get(&(how, key)).copied().unwrap_or_default();
        prf(tp, pr, gd).2
    }

    fn print(&self, name: &str) {
        println!("{name}:");
        for key in ["untyped", "typed", "PER", "ORG", "LOC", "MISC"] {
            let mut line = format!("  {key:<8}");
            for how in ["exact", "overlap"] {
                let [tp, pr, gd] = self.0.get(&(how, key)).copied().unwrap_or_default();
                let (p, r, f) = prf(tp, pr, gd);
                line += &format!("  {how} P {p:.3} R {r:.3} F1 {f:.3}");
            }
            let [_, pr, gd] = self.0.get(&("exact", key)).copied().unwrap_or_default();
            println!("{line}  (gold {gd}, predicted {pr})");
        }
    }
}

/// Named-entity recognition on modern news: MEANTIME's named mentions (Wikinews
/// 2004–2011), exact and overlap span F1, untyped and per type, dev (even doc ids) and
/// held-out (odd) halves, and `extract_entities` words/s. `eval/spacy_meantime.py` scores
/// spaCy's small English model the same way (`bash eval/entities_meantime.sh` runs both);
/// see that script for the type mapping. `DOSSIER_MEANTIME_NER_DEBUG=1` prints every
/// gold and predicted mention (doc id, gold/predicted, byte span, type, text).
#[test]
fn named_mentions_on_meantime() {
    let root = intra_doc_root();
    let Ok(listing) = std::fs::read_dir(&root) else {
        eprintln!("note: {} not found; skipping", root.display());
        return;
    };
    let mut files: Vec<PathBuf> = listing
        .flatten()
        .flat_map(|corpus| std::fs::read_dir(corpus.path()).into_iter().flatten())
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    files.sort();
    let articles: Vec<NamedArticle> = files.iter().map(|p| read_named_article(p)).collect();
    let analyzed: Vec<_> = articles.iter().map(|a| analyze(&a.doc)).collect();
    let found: Vec<Vec<EntityMention>> = articles
        .iter()
        .zip(&analyzed)
        .map(|(a, t)| extract_entities(&a.doc, t))
        .collect();
    let debug = std::env::var_os("DOSSIER_MEANTIME_NER_DEBUG").is_some();
    let mut splits = [
        ("dev (even doc ids)", NamedCounts::default(), 0),
        ("held-out (odd doc ids)", NamedCounts::default(), 0),
        ("all", NamedCounts::default(), 0),
    ];
    for (article, mentions) in articles.iter().zip(&found) {
        let predicted: Vec<Named> = mentions
            .iter()
            .filter(|m| m.span.start < article.annotated_end)
            .filter_map(|m| {
                dossier_type(m.kind).map(|kind| Named {
                    start: m.span.start,
                    end: m.span.end,
                    kind: Some(kind),
                })
            })
            .collect();
        let half = (article.id % 2) as usize;
        for s in [half, 2] {
            splits[s].1.score(&article.gold, &predicted);
            splits[s].2 += 1;
        }
        if debug {
            let text = &article.doc.text;
            for (what, list) in [("gold", &article.gold), ("predicted", &predicted)] {
                for n in list {
                    println!(
                        "{}\t{what}\t{}\t{}\t{}\t{}",
                        article.id,
                        n.start,
                        n.end,
                        n.kind.unwrap_or("unknown"),
                        &text[n.start..n.end]
                    );
                }
            }
        }
    }
    let words: usize = articles.iter().map(|a| a.tokens).sum();
    println!(
        "Dossier extract_entities on MEANTIME, {} articles, {words} tokens, named mentions (NAM):",
        articles.len()
    );
    for (name, counts, n) in &splits {
        counts.print(&format!("{name}, {n} articles"));
    }

    let best_of = |runs: usize, f: &dyn Fn()| {
        (0..runs)
            .map(|_| {
                let t = std::time::Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let extract = best_of(3, &|| {
        for (a, t) in articles.iter().zip(&analyzed) {
            std::hint::black_box(extract_entities(&a.doc, t));
        }
    });
    let whole = best_of(3, &|| {
        for a in &articles {
            std::hint::black_box(extract_entities(&a.doc, &analyze(&a.doc)));
        }
    });
    println!(
        "Dossier extract_entities: {extract:.3} s {:.0} words/s; with text analysis (sentences) {whole:.3} s {:.0} words/s (best of 3, one thread)",
        words as f64 / extract,
        words as f64 / whole
    );

    assert_eq!(articles.len(), 120, "all MEANTIME articles read");
    let gold_named: usize = articles.iter().map(|a| a.gold.len()).sum();
    assert!(gold_named > 1000, "gold named mentions read: {gold_named}");
    let held_out = &splits[1].1;
    let (untyped, typed) = (
        held_out.f1("overlap", "untyped"),
        held_out.f1("overlap", "typed"),
    );
    assert!(
        untyped >= MIN_NAMED_OVERLAP_F1,
        "held-out untyped overlap F1 {untyped:.3}"
    );
    assert!(
        typed >= MIN_NAMED_TYPED_OVERLAP_F1,
        "held-out typed overlap F1 {typed:.3}"
    );
}
