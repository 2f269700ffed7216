//! Figures measured on public gold: the VALUE markables of MEANTIME (Minard et al., LREC
//! 2016), 120 Wikinews articles (2004–2011) whose annotated sentences mark every money
//! amount, percentage and quantity ("$ 82.29 billion", "more than 7.3 %", "340 points",
//! "thousands", "many").
//!
//! MEANTIME annotates the headline and the first sentences of each article (sentence 1 is
//! the dateline). Dossier reads figures in body sentences only, so the scored text is
//! sentences 2–5; the headline's gold values are left out of both sides.
//!
//! Scored, one to one (a Dossier figure pairs with the gold value its span overlaps):
//! - detection precision/recall/F1 over all gold values, and recall over the gold values
//!   written with a number (digits or number words; "many" or "the amount" are values
//!   MEANTIME marks that Dossier does not call figures);
//! - value accuracy: for each pair whose gold text holds a parseable number, Dossier's
//!   `value` equals it (scale words such as "billion" applied);
//! - qualifier agreement: for pairs whose gold span opens with a qualifier ("more than",
//!   "as much as", "around"...), Dossier gives the same qualifier.
//!
//! `DOSSIER_MEANTIME_VALUES_OUT=FILE` also writes the scored texts and gold as JSON lines
//! (character offsets) for `eval/spacy_meantime_values.py`, which scores spaCy's numeric
//! entities the same way. `DOSSIER_MEANTIME_DEBUG=1` prints misses and false figures.
//! Self-skipping when the corpus is missing:
//! `cargo test --release -p dossier-extract --test figures_meantime -- --nocapture`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use dossier_core::Document;
use dossier_extract::dates::extract_dates;
use dossier_extract::figures::extract_figures;
use dossier_extract::{AnchorKind, DateAnchor, FigureMention};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

mod cat;

use cat::{attribute as attr, join_tokens, read_tokens};

/// Floors under which the measurement fails (the figures at the time of writing are in the
/// test output and README).
const MIN_DETECTION_F1: f64 = 0.75;
const MIN_VALUE_ACCURACY: f64 = 0.9;

/// First and last sentence numbers scored (see the module documentation).
const FIRST_SCORED: usize = 2;
const LAST_SCORED: usize = 5;

fn corpus_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/meantime/intra-doc_annotation")
}

/// One gold value: byte span in the article text, MEANTIME type and text.
struct GoldValue {
    start: usize,
    end: usize,
    kind: String,
    text: String,
}

/// One article: its text (one sentence a line), the byte ranges of its scored sentences,
/// its creation date and gold values inside the scored sentences.
struct Article {
    name: String,
    text: String,
    scored: Vec<(usize, usize)>,
    created: Option<NaiveDate>,
    gold: Vec<GoldValue>,
}

fn read_article(path: &Path) -> Article {
    let xml = std::fs::read_to_string(path).expect("readable article");
    let mut reader = Reader::from_str(&xml);
    let mut values: Vec<(String, Vec<String>)> = Vec::new();
    let mut open: Option<(String, Vec<String>)> = None;
    let mut created = None;
    let mut on_markable =
        |e: &BytesStart<'_>, open: &mut Option<(String, Vec<String>)>| match e.name().as_ref() {
            "VALUE" => *open = Some((attr(e, "type").unwrap_or_default(), Vec::new())),
            "TIMEX3" if attr(e, "functionInDocument").as_deref() == Some("CREATION_TIME") => {
                created = attr(e, "value")
                    .and_then(|v| NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok());
            }
            _ => {}
        };
    loop {
        match reader.read_event().expect("well-formed MEANTIME XML") {
            Event::Eof => break,
            Event::Start(e) => on_markable(&e, &mut open),
            Event::Empty(e) if e.name().as_ref() == "token_anchor" => {
                if let Some(v) = open.as_mut() {
                    v.1.push(attr(&e, "t_id").unwrap_or_default());
                }
            }
            Event::Empty(e) => on_markable(&e, &mut None),
            Event::End(e) if e.name().as_ref() == "VALUE" => values.extend(open.take()),
            _ => {}
        }
    }
    let tokens = read_tokens(&xml);
    let joined = join_tokens(&tokens);
    let sentence_of = |id: &str| tokens.iter().find(|t| t.id == id).map(|t| t.sentence);
    let scored_sentence = |s: usize| (FIRST_SCORED..=LAST_SCORED).contains(&s);
    let mut gold = Vec::new();
    for (kind, anchors) in values {
        let Some(first) = anchors.first() else {
            continue;
        };
        if !sentence_of(first).is_some_and(scored_sentence) {
            continue;
        }
        let spans: Vec<(usize, usize)> = anchors
            .iter()
            .filter_map(|a| joined.spans.get(a).copied())
            .collect();
        let (Some(start), Some(end)) = (
            spans.iter().map(|s| s.0).min(),
            spans.iter().map(|s| s.1).max(),
        ) else {
            continue;
        };
        gold.push(GoldValue {
            start,
            end,
            kind,
            text: joined.text[start..end].to_string(),
        });
    }
    gold.sort_by_key(|g| (g.start, g.end));
    let mut scored = Vec::new();
    for (i, &(sentence, start)) in joined.lines.iter().enumerate() {
        if scored_sentence(sentence) {
            let end = joined
                .lines
                .get(i + 1)
                .map_or(joined.text.len(), |&(_, next)| next - 1);
            scored.push((start, end));
        }
    }
    Article {
        name: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        text: joined.text,
        scored,
        created,
        gold,
    }
}

fn articles() -> Option<Vec<Article>> {
    let root = corpus_root();
    if !root.is_dir() {
        eprintln!("MEANTIME not found at {}; skipping", root.display());
        return None;
    }
    let mut paths = Vec::new();
    for corpus in std::fs::read_dir(&root)
        .expect("readable corpus root")
        .flatten()
    {
        for file in std::fs::read_dir(corpus.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if file.path().extension().is_some_and(|e| e == "xml") {
                paths.push(file.path());
            }
        }
    }
    paths.sort();
    Some(paths.iter().map(|p| read_article(p)).collect())
}

// The gold side reads numbers with its own small table, not with the figure code under test.
const SMALL_NUMBERS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The number a gold value's text states, scale words applied ("$ 82.29 billion" →
/// 82.29e9, "fourteen percent" → 14, "a thousand" → 1000), or `None` when it states none
/// plainly ("many", "52-35", "hundreds of points").
fn gold_number(text: &str) -> Option<f64> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| c == ',' || c == '$')
                .to_lowercase()
        })
        .collect();
    let mut value: Option<f64> = None;
    let mut at = 0;
    for (i, w) in words.iter().enumerate() {
        let digits = w.trim_start_matches("us$").replace(',', "");
        if let Ok(v) = digits.parse::<f64>() {
            value = Some(v);
            at = i;
            break;
        }
        if let Some(n) = SMALL_NUMBERS.iter().position(|s| s == w) {
            value = Some(n as f64);
            at = i;
            break;
        }
        if let Some(n) = TENS.iter().position(|s| s == w) {
            value = Some(20.0 + 10.0 * n as f64);
            at = i;
            break;
        }
        if w == "a"
            && words
                .get(i + 1)
                .is_some_and(|n| n == "thousand" || n == "hundred")
        {
            value = Some(1.0);
            at = i;
            break;
        }
    }
    let mut value = value?;
    for w in &words[at + 1..] {
        let scale = match w.as_str() {
            "hundred" => 1e2,
            "thousand" => 1e3,
            "million" => 1e6,
            "billion" | "bn" => 1e9,
            "trillion" => 1e12,
            _ => break,
        };
        value *= scale;
    }
    if words
        .iter()
        .any(|w| w.contains('-') && w.chars().any(|c| c.is_ascii_digit()))
    {
        return None;
    }
    Some(value)
}

/// The qualifier a gold value's text opens with, normalised as Dossier normalises it.
fn gold_qualifier(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    [
        ("more than", "more than"),
        ("as much as", "as much as"),
        ("as many as", "as many as"),
        ("at least", "at least"),
        ("less than", "less than"),
        ("fewer than", "fewer than"),
        ("up to", "up to"),
        ("around", "around"),
        ("about", "about"),
        ("almost", "almost"),
        ("nearly", "nearly"),
        ("over", "over"),
        ("approximately", "approximately"),
        ("roughly", "roughly"),
        ("some", "some"),
    ]
    .into_iter()
    .find(|(words, _)| lower.starts_with(&format!("{words} ")))
    .map(|(_, q)| q)
}

fn has_number(text: &str) -> bool {
    gold_number(text).is_some() || text.chars().any(|c| c.is_ascii_digit())
}

/// Pairs each figure with the first unpaired gold value its span overlaps.
fn pair(figures: &[&FigureMention], gold: &[GoldValue]) -> Vec<(usize, usize)> {
    let mut used = vec![false; gold.len()];
    let mut pairs = Vec::new();
    for (f, figure) in figures.iter().enumerate() {
        let hit = gold.iter().enumerate().position(|(g, value)| {
            !used[g] && value.start < figure.span.end && figure.span.start < value.end
        });
        if let Some(g) = hit {
            used[g] = true;
            pairs.push((f, g));
        }
    }
    pairs
}

fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

#[test]
fn figures_on_meantime_values() {
    let Some(articles) = articles() else {
        return;
    };
    let debug = std::env::var_os("DOSSIER_MEANTIME_DEBUG").is_some();
    let mut out = std::env::var_os("DOSSIER_MEANTIME_VALUES_OUT")
        .map(|p| std::fs::File::create(p).expect("writable output"));

    let (mut gold_total, mut gold_numeric, mut predicted, mut found, mut found_numeric) =
        (0, 0, 0, 0, 0);
    let (mut valued, mut value_right, mut qualified, mut qualifier_right) = (0, 0, 0, 0);
    let mut words = 0usize;
    let mut elapsed = std::time::Duration::ZERO;
    for article in &articles {
        let doc = Document::plain(&article.name, &article.text);
        let anchor = DateAnchor {
            date: article.created,
            kind: if article.created.is_some() {
                AnchorKind::Document
            } else {
                AnchorKind::None
            },
        };
        let started = Instant::now();
        let text = dossier_text::analyze(&doc);
        let dates = extract_dates(&doc, &text, &anchor);
        let all = extract_figures(&doc, &text, &dates);
        elapsed += started.elapsed();
        words += article.text.split_whitespace().count();
        let figures: Vec<&FigureMention> = all
            .iter()
            .filter(|f| {
                article
                    .scored
                    .iter()
                    .any(|&(s, e)| s <= f.span.start && f.span.end <= e)
            })
            .collect();
        let pairs = pair(&figures, &article.gold);
        gold_total += article.gold.len();
        gold_numeric += article.gold.iter().filter(|g| has_number(&g.text)).count();
        predicted += figures.len();
        found += pairs.len();
        for &(f, g) in &pairs {
            let (figure, value) = (figures[f], &article.gold[g]);
            if has_number(&value.text) {
                found_numeric += 1;
            }
            if let Some(number) = gold_number(&value.text) {
                valued += 1;
                if (figure.value - number).abs() <= 1e-6 * number.abs().max(1.0) {
                    value_right += 1;
                } else if debug {
                    println!(
                        "VALUE {}: {:?} gold {number} dossier {} ({:?})",
                        article.name, value.text, figure.value, figure.expression
                    );
                }
            }
            if let Some(q) = gold_qualifier(&value.text) {
                qualified += 1;
                if figure.qualifier.as_deref() == Some(q) {
                    qualifier_right += 1;
                } else if debug {
                    println!(
                        "QUALIFIER {}: {:?} dossier {:?}",
                        article.name, value.text, figure.qualifier
                    );
                }
            }
        }
        if debug {
            for (g, value) in article.gold.iter().enumerate() {
                if !pairs.iter().any(|&(_, pg)| pg == g) {
                    println!("MISS {} [{}]: {:?}", article.name, value.kind, value.text);
                }
            }
            for (f, figure) in figures.iter().enumerate() {
                if !pairs.iter().any(|&(pf, _)| pf == f) {
                    let from = article
                        .text
                        .floor_char_boundary(figure.span.start.saturating_sub(40));
                    let to = article
                        .text
                        .ceil_char_boundary((figure.span.end + 40).min(article.text.len()));
                    println!(
                        "FALSE {}: {:?} in {:?}",
                        article.name,
                        figure.expression,
                        &article.text[from..to]
                    );
                }
            }
        }
        if let Some(file) = out.as_mut() {
            let line = serde_json::json!({
                "name": article.name,
                "text": article.text,
                "scored": article.scored.iter()
                    .map(|&(s, e)| [char_offset(&article.text, s), char_offset(&article.text, e)])
                    .collect::<Vec<_>>(),
                "gold": article.gold.iter()
                    .map(|g| serde_json::json!({
                        "start": char_offset(&article.text, g.start),
                        "end": char_offset(&article.text, g.end),
                        "type": g.kind,
                        "text": g.text,
                        "numeric": has_number(&g.text),
                    }))
                    .collect::<Vec<_>>(),
            });
            writeln!(file, "{line}").expect("writable output");
        }
    }

    let p = found as f64 / predicted.max(1) as f64;
    let r = found as f64 / gold_total.max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let numeric_recall = found_numeric as f64 / gold_numeric.max(1) as f64;
    let value_accuracy = value_right as f64 / valued.max(1) as f64;
    println!(
        "MEANTIME figures ({} articles, sentences {FIRST_SCORED}-{LAST_SCORED}): {gold_total} gold values ({gold_numeric} written with a number), {predicted} Dossier figures",
        articles.len()
    );
    println!(
        "detection (overlap, one to one): P {p:.3} R {r:.3} F1 {f1:.3}; recall on values written with a number {numeric_recall:.3}"
    );
    println!(
        "value accuracy {value_accuracy:.3} ({value_right}/{valued}); qualifier agreement {qualifier_right}/{qualified}"
    );
    println!(
        "speed: dates + figures from text {:.0} words/s (one thread, {words} words)",
        words as f64 / elapsed.as_secs_f64().max(1e-9)
    );
    assert!(f1 >= MIN_DETECTION_F1, "figure detection F1 {f1:.3}");
    assert!(
        value_accuracy >= MIN_VALUE_ACCURACY,
        "value accuracy {value_accuracy:.3}"
    );
}

#[test]
fn gold_numbers_are_read_as_written() {
    assert_eq!(gold_number("$ 82.29 billion"), Some(82.29e9));
    assert_eq!(gold_number("fourteen percent"), Some(14.0));
    assert_eq!(gold_number("almost a thousand points"), Some(1000.0));
    assert_eq!(gold_number("more than 7.3 %"), Some(7.3));
    assert_eq!(gold_number("US$ 2.7 billion"), Some(2.7e9));
    assert_eq!(gold_number("many"), None);
    assert_eq!(gold_number("52-35"), None);
    assert_eq!(gold_qualifier("as much as 3 %"), Some("as much as"));
    assert_eq!(gold_qualifier("340 points"), None);
}
