//! Quotes and speakers scored on PolNeAR v1.0.0 (Newell, Margolin and Ruths, LREC 2018): US
//! political news of 2016 with every attribution annotated as Source / Cue / Content (brat
//! standoff, `E` lines tie `Attribution:Cue:Content:Source`).
//!
//! Run: `cargo test --release -p dossier-extract --test quotes_polnear -- --nocapture`
//! (`DOSSIER_POLNEAR_SPLIT=dev|test`, default `test`; `DOSSIER_POLNEAR_VERBOSE=1` prints
//! every error, misses without a speech cue marked "(no speech cue)"). Skips itself when
//! `../shared/data/polnear` is missing. Fast enough in debug (84 articles).
//!
//! Gold: one annotation file per article (articles annotated by several annotators, for
//! agreement studies, use the first file in name order). Offsets in the `.ann` files are
//! character offsets; they are converted to byte offsets. A Content may be discontinuous
//! (`start end;start end`, and `Content2` roles): its fragments are kept, its extent is the
//! hull.
//!
//! Scoring (one-to-one matching, each predicted quote to at most one gold Content):
//! - Spans are compared after trimming whitespace, quote marks, trailing `.,;:` and a leading
//!   "that " (PolNeAR's Content keeps the quote marks and the complementiser, Dossier's quote
//!   text does not).
//! - *Exact*: the trimmed prediction equals the trimmed hull of the gold Content or one of its
//!   fragments (a split quote `“A,” he said, “B”` is one gold Content, two Dossier quotes).
//! - *Overlap*: the prediction shares a byte with a gold fragment; pairs are taken greedily by
//!   the largest shared length.
//! - Gold *direct*: the Content contains a double quote mark (“ ” " or the New York Times'
//!   ''); otherwise *indirect*.
//! - *Speech cue*: the gold Cue contains a speech verb (say, tell, according to, add, write,
//!   report, claim, insist, deny, ... listed in `SPEECH`); recall is also given on those.
//! - *Speaker agreement*, for overlap-matched pairs whose gold has a Source:
//!   1. the speaker mention Dossier found (its byte span) overlaps the gold Source span, and
//!      the gold Source is not a bare pronoun; or
//!   2. a name word of Dossier's resolved speaker (a word of three or more letters that is
//!      not a function word) occurs as a word in the gold Source text; or, when the gold Source
//!      is a bare pronoun ("he", "they"), in its antecedent, taken as the nearest preceding gold
//!      Source in the article that is not a pronoun.
//!
//!   Otherwise the speaker is *unknown* when Dossier's speaker is `None`, else *wrong*. A gold
//!   attribution without Source agrees when Dossier gives no speaker.
//! - *Attribution F1*: a true positive is an overlap-matched pair whose speaker agrees.

use dossier_core::Span;
use dossier_extract::entities::extract_entities;
use dossier_extract::quotes::extract_quotes;
use dossier_extract::{QuoteKind, QuoteMention};

mod polnear;

use polnear::{hull, is_pronoun, names_agree, parse_frags, read_split, words, Gold, ROOT};

/// The span trimmed of whitespace, quote marks, trailing `.,;:` and a leading "that ".
fn norm(text: &str, s: Span) -> Span {
    let Some(t) = text.get(s.start..s.end) else {
        return s;
    };
    let junk = |c: char| c.is_whitespace() || matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'');
    let mut a = s.start + (t.len() - t.trim_start_matches(junk).len());
    let rest = &text[a..s.end];
    if rest.len() > 5
        && rest
            .get(..5)
            .is_some_and(|w| w.eq_ignore_ascii_case("that "))
    {
        a += 5;
    }
    let rest = &text[a..s.end];
    let trimmed =
        rest.trim_end_matches(|c: char| junk(c) || matches!(c, '.' | ',' | ';' | ':' | '—'));
    let rest2 = trimmed.trim_start_matches(junk);
    let a = a + (trimmed.len() - rest2.len());
    Span::new(a, a + rest2.len())
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// One-to-one greedy matching by score (higher first); returns gold index per prediction.
fn match_pairs(scores: &mut [(usize, usize, usize)], np: usize, ng: usize) -> Vec<Option<usize>> {
    scores.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let mut pred_to = vec![None; np];
    let mut gold_used = vec![false; ng];
    for &(p, g, _) in scores.iter() {
        if pred_to[p].is_none() && !gold_used[g] {
            pred_to[p] = Some(g);
            gold_used[g] = true;
        }
    }
    pred_to
}

#[derive(Default)]
struct Counts {
    predicted: usize,
    predicted_direct: usize,
    gold: usize,
    gold_direct: usize,
    gold_speech: usize,
    exact: usize,
    exact_direct_gold: usize,
    exact_direct_pred: usize,
    overlap: usize,
    overlap_direct_gold: usize,
    overlap_direct_pred: usize,
    overlap_speech: usize,
    exact_speech: usize,
    with_source: usize,
    agree: usize,
    unknown: usize,
    wrong: usize,
    no_source_pairs: usize,
    attributed: usize,
    attributed_speech: usize,
    gold_speech_direct: usize,
    overlap_speech_direct: usize,
}

fn prf(tp: usize, predicted: usize, gold: usize) -> String {
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    format!("P {p:.3} R {r:.3} F1 {f:.3}")
}

fn ratio(a: usize, b: usize) -> String {
    format!("{:.3} ({a}/{b})", a as f64 / b.max(1) as f64)
}

/// Does Dossier's quote `q` agree with gold `g`'s source? (`antecedent`: the gold Source text
/// a pronoun Source stands for.)
fn speaker_agrees(text: &str, q: &QuoteMention, g: &Gold, antecedent: Option<&str>) -> bool {
    let Some(src) = &g.source else {
        return q.speaker.is_none() && q.speaker_mention.is_none();
    };
    let src_text: String = src
        .iter()
        .filter_map(|s| text.get(s.start..s.end))
        .collect::<Vec<_>>()
        .join(" ");
    let pronoun = is_pronoun(&src_text);
    if !pronoun {
        if let Some(span) = q.speaker_span {
            if src.iter().any(|s| overlap(*s, span) > 0) {
                return true;
            }
        }
    }
    let Some(speaker) = &q.speaker else {
        return false;
    };
    let target = if pronoun {
        match antecedent {
            Some(a) => words(a),
            None => return false,
        }
    } else {
        words(&src_text)
    };
    names_agree(speaker, &target)
}

fn excerpt(text: &str, s: Span, max: usize) -> String {
    let t = text.get(s.start..s.end).unwrap_or("").replace('\n', " ");
    if t.chars().count() > max {
        format!("{}…", t.chars().take(max).collect::<String>())
    } else {
        t
    }
}

#[test]
fn polnear_quotes_and_speakers() {
    let split = std::env::var("DOSSIER_POLNEAR_SPLIT").unwrap_or_else(|_| "test".into());
    let verbose = std::env::var("DOSSIER_POLNEAR_VERBOSE").is_ok_and(|v| v == "1");
    let Some(articles) = read_split(&split) else {
        eprintln!("skipped: {ROOT}/{split} not found");
        return;
    };
    let mut c = Counts::default();
    let mut missed_direct = 0usize;
    let mut missed_indirect = 0usize;
    let mut missed_speech_direct = 0usize;
    let mut missed_speech_indirect = 0usize;
    let mut spurious_direct = 0usize;
    let mut spurious_indirect = 0usize;
    let mut unknown_pronoun = 0usize;
    let mut wrong_pronoun = 0usize;
    for art in &articles {
        let text = art.doc.text.as_str();
        let analyzed = dossier_text::analyze(&art.doc);
        let entities = extract_entities(&art.doc, &analyzed);
        let quotes = extract_quotes(&art.doc, &analyzed, &entities);
        for q in &quotes {
            assert!(text.get(q.span.start..q.span.end).is_some(), "{q:?}");
        }
        let gold = &art.gold;
        c.predicted += quotes.len();
        c.predicted_direct += quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .count();
        c.gold += gold.len();
        c.gold_direct += gold.iter().filter(|g| g.direct).count();
        c.gold_speech += gold.iter().filter(|g| g.speech).count();
        c.gold_speech_direct += gold.iter().filter(|g| g.speech && g.direct).count();

        // Exact.
        let mut exact_scores = Vec::new();
        let mut overlap_scores = Vec::new();
        for (pi, q) in quotes.iter().enumerate() {
            let qn = norm(text, q.span);
            for (gi, g) in gold.iter().enumerate() {
                let h = hull(&g.content);
                let exact = norm(text, h) == qn || g.content.iter().any(|f| norm(text, *f) == qn);
                if exact {
                    exact_scores.push((pi, gi, 1));
                }
                let ov: usize = g.content.iter().map(|f| overlap(*f, q.span)).sum();
                if ov > 0 {
                    overlap_scores.push((pi, gi, ov));
                }
            }
        }
        let exact = match_pairs(&mut exact_scores, quotes.len(), gold.len());
        let over = match_pairs(&mut overlap_scores, quotes.len(), gold.len());
        for (pi, m) in exact.iter().enumerate() {
            if let Some(gi) = *m {
                c.exact += 1;
                c.exact_direct_gold += usize::from(gold[gi].direct);
                c.exact_direct_pred += usize::from(quotes[pi].kind == QuoteKind::Direct);
                c.exact_speech += usize::from(gold[gi].speech);
            }
        }
        let antecedent = |g: &Gold| art.antecedent(g);
        let mut gold_matched = vec![false; gold.len()];
        for (pi, m) in over.iter().enumerate() {
            let q = &quotes[pi];
            let Some(gi) = *m else {
                if q.kind == QuoteKind::Direct {
                    spurious_direct += 1;
                } else {
                    spurious_indirect += 1;
                }
                if verbose {
                    eprintln!(
                        "SPURIOUS {:?} [{}] «{}» speaker {:?}",
                        q.kind,
                        art.name,
                        excerpt(text, q.span, 120),
                        q.speaker
                    );
                }
                continue;
            };
            let g = &gold[gi];
            gold_matched[gi] = true;
            c.overlap += 1;
            c.overlap_direct_gold += usize::from(g.direct);
            c.overlap_direct_pred += usize::from(q.kind == QuoteKind::Direct);
            c.overlap_speech += usize::from(g.speech);
            c.overlap_speech_direct += usize::from(g.speech && g.direct);
            let ante = antecedent(g);
            let agrees = speaker_agrees(text, q, g, ante.as_deref());
            if g.source.is_some() {
                c.with_source += 1;
                let src_text = g
                    .source
                    .as_ref()
                    .map(|s| excerpt(text, hull(s), 60))
                    .unwrap_or_default();
                let pronoun = is_pronoun(&src_text);
                if agrees {
                    c.agree += 1;
                } else if q.speaker.is_none() {
                    c.unknown += 1;
                    unknown_pronoun += usize::from(pronoun);
                } else {
                    c.wrong += 1;
                    wrong_pronoun += usize::from(pronoun);
                }
                if verbose && !agrees {
                    eprintln!(
                        "SPEAKER {} [{}] gold «{}»{} got {:?} as «{}» for «{}»",
                        if q.speaker.is_none() {
                            "unknown"
                        } else {
                            "wrong"
                        },
                        art.name,
                        src_text,
                        ante.map(|a| format!(" (= {a})")).unwrap_or_default(),
                        q.speaker,
                        q.speaker_mention.as_deref().unwrap_or(""),
                        excerpt(text, q.span, 80)
                    );
                }
            } else {
                c.no_source_pairs += 1;
            }
            if agrees {
                c.attributed += 1;
                c.attributed_speech += usize::from(g.speech);
            }
        }
        for (gi, g) in gold.iter().enumerate() {
            if gold_matched[gi] {
                continue;
            }
            if g.direct {
                missed_direct += 1;
                missed_speech_direct += usize::from(g.speech);
            } else {
                missed_indirect += 1;
                missed_speech_indirect += usize::from(g.speech);
            }
            if verbose {
                eprintln!(
                    "MISSED {}{} [{}] cue «{}» «{}»",
                    if g.direct { "direct" } else { "indirect" },
                    if g.speech { "" } else { " (no speech cue)" },
                    art.name,
                    g.cue,
                    excerpt(text, hull(&g.content), 140)
                );
            }
        }
    }
    let gi = c.gold - c.gold_direct;
    let pi = c.predicted - c.predicted_direct;
    println!(
        "PolNeAR {split}: {} articles, {} gold attributions ({} direct, {} indirect; {} with a speech cue), {} predicted quotes ({} direct, {} indirect)",
        articles.len(),
        c.gold,
        c.gold_direct,
        gi,
        c.gold_speech,
        c.predicted,
        c.predicted_direct,
        pi
    );
    println!("content exact:   {}", prf(c.exact, c.predicted, c.gold));
    println!("content overlap: {}", prf(c.overlap, c.predicted, c.gold));
    println!(
        "  direct   (P over Dossier's direct, R over gold with quote marks): exact P {:.3} R {:.3}; overlap P {:.3} R {:.3}",
        c.exact_direct_pred as f64 / c.predicted_direct.max(1) as f64,
        c.exact_direct_gold as f64 / c.gold_direct.max(1) as f64,
        c.overlap_direct_pred as f64 / c.predicted_direct.max(1) as f64,
        c.overlap_direct_gold as f64 / c.gold_direct.max(1) as f64,
    );
    println!(
        "  indirect: exact P {:.3} R {:.3}; overlap P {:.3} R {:.3}",
        (c.exact - c.exact_direct_pred) as f64 / pi.max(1) as f64,
        (c.exact - c.exact_direct_gold) as f64 / gi.max(1) as f64,
        (c.overlap - c.overlap_direct_pred) as f64 / pi.max(1) as f64,
        (c.overlap - c.overlap_direct_gold) as f64 / gi.max(1) as f64,
    );
    println!(
        "speech-cue recall: exact {}, overlap {} (direct {}, indirect {})",
        ratio(c.exact_speech, c.gold_speech),
        ratio(c.overlap_speech, c.gold_speech),
        ratio(c.overlap_speech_direct, c.gold_speech_direct),
        ratio(
            c.overlap_speech - c.overlap_speech_direct,
            c.gold_speech - c.gold_speech_direct
        ),
    );
    println!(
        "speaker agreement on matched pairs with a gold source: {}; unknown {}, wrong {}",
        ratio(c.agree, c.with_source),
        c.unknown,
        c.wrong
    );
    println!(
        "attribution (content overlap + speaker agrees): {}; speech-cue recall {}",
        prf(c.attributed, c.predicted, c.gold),
        ratio(c.attributed_speech, c.gold_speech)
    );
    println!(
        "errors: missed direct {missed_direct} (speech cue {missed_speech_direct}), missed indirect {missed_indirect} (speech cue {missed_speech_indirect}); spurious direct {spurious_direct}, indirect {spurious_indirect}; speaker unknown {} (gold pronoun {unknown_pronoun}), wrong {} (gold pronoun {wrong_pronoun}); matched pairs whose gold has no source {}",
        c.unknown, c.wrong, c.no_source_pairs
    );
    // Floors well under the figures measured when this test was written, so a regression
    // that breaks quote finding or speaker resolution fails here.
    if split == "test" || split == "dev" {
        assert!(c.overlap as f64 / c.gold.max(1) as f64 > 0.35);
        assert!(c.agree as f64 / c.with_source.max(1) as f64 > 0.6);
    }
}

#[test]
fn offsets_are_characters_converted_to_bytes() {
    // A curly apostrophe (3 bytes) before the span: character offsets 11..16 are "there".
    let text = "Clinton’s, there";
    let mut c2b: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    c2b.push(text.len());
    let f = parse_frags("11 16", &c2b).unwrap();
    assert_eq!(&text[f[0].start..f[0].end], "there");
    let f = parse_frags("0 7;11 16", &c2b).unwrap();
    assert_eq!(f.len(), 2);
    assert_eq!(&text[f[0].start..f[0].end], "Clinton");
    assert!(parse_frags("0 99", &c2b).is_none());
}

#[test]
fn norm_trims_marks_that_and_punctuation() {
    let text = "He said that “we will win.” Then";
    let s = Span::new(8, text.find(" Then").unwrap());
    let n = norm(text, s);
    assert_eq!(&text[n.start..n.end], "we will win");
}
