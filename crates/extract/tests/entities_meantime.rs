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
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

mod cat;

use cat::{join_tokens, read_tokens, CatText};

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

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.into_owned())
}

/// Reads one MEANTIME article.
fn read_article(path: &Path) -> Article {
    let xml = std::fs::read_to_string(path).expect("readable article");
    let mut reader = Reader::from_str(&xml);
    // Markable being read: (element, m_id, syntactic_type, anchors).
    let mut markable: Option<(String, String, String, Vec<String>)> = None;
    let mut mentions: HashMap<String, (String, Vec<String>)> = HashMap::new();
    // Entity m_id → (ent_type, instance_id).
    let mut entities: HashMap<String, (String, Option<String>)> = HashMap::new();
    let mut refers: Option<(Vec<String>, Option<String>)> = None;
    let mut links: Vec<(Vec<String>, String)> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed MEANTIME XML") {
            Event::Eof => break,
            Event::Start(e) => match e.name().as_ref() {
                "REFERS_TO" => refers = Some((Vec::new(), None)),
                name if name.ends_with("_MENTION") || name == "TIMEX3" || name == "VALUE" => {
                    markable = Some((
                        name.to_string(),
                        attr(&e, "m_id").unwrap_or_default(),
                        attr(&e, "syntactic_type").unwrap_or_default(),
                        Vec::new(),
                    ))
                }
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "token_anchor" => {
                    if let Some(m) = markable.as_mut() {
                        m.3.push(attr(&e, "t_id").unwrap_or_default());
                    }
                }
                "ENTITY" => {
                    entities.insert(
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
                        links.push((sources, target));
                    }
                }
                name if markable.as_ref().is_some_and(|m| m.0 == name) => {
                    let (element, id, kind, anchors) = markable.take().expect("checked");
                    if element == "ENTITY_MENTION" && kind == "NAM" {
                        mentions.insert(id, (kind, anchors));
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }

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
            let Some((_, anchors)) = mentions.get(source) else {
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
    let mut gold_taken = vec![false; gold.len()];
    let mut pred_taken = vec![false; predicted.len()];
    let mut pairs = Vec::new();
    for (g, gm) in gold.iter().enumerate() {
        if let Some(p) = predicted
            .iter()
            .position(|pm| pm.span.start == gm.start && pm.span.end == gm.end)
        {
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
            let overlap = gm
                .end
                .min(pm.span.end)
                .saturating_sub(gm.start.max(pm.span.start));
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
