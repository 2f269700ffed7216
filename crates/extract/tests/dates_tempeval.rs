//! Measures date extraction on the TempEval-3 platinum test set (TimeML).
//!
//! For each `.tml` file: the document creation time (the `TIMEX3` with
//! `functionInDocument="CREATION_TIME"`) is the anchor (kind Document); the `<TEXT>` is stripped
//! of tags while the spans and values of its `TIMEX3`s are recorded. Detection is scored over
//! `DATE` timexes (strict: same span; relaxed: overlapping); predictions that overlap a gold
//! `TIME`/`DURATION`/`SET` timex are counted separately and left out of precision. Value
//! accuracy is over gold DATEs matched (relaxed) by a prediction (the first overlapping one):
//! values are compared as strings after writing gold ISO weeks, seasons, quarters, decades and
//! centuries as day ranges ([`interval`]); gold values such as `PRESENT_REF` or `XXXX-..` count
//! as wrong. Also printed: value accuracy at the gold's precision (a `YYYY`/`YYYY-MM`/
//! `YYYY-MM-DD` gold against the prediction's first day cut to that precision), value accuracy
//! on day-valued golds, a per-class table of the gold DATEs ([`gold_class`]) and words/s.
//! `eval/dateparser_tempeval.py` scores dateparser's `search_dates` the very same way
//! (`bash eval/dates.sh` runs both).
//!
//! Skips (passes) when the data is missing. Run with
//! `cargo test -p dossier-extract --test dates_tempeval -- --nocapture`.

use std::path::Path;
use std::time::Instant;

use chrono::{NaiveDate, Weekday};
use dossier_core::{DateSource, Document, Origin, Span};
use dossier_extract::{dates::extract_dates, AnchorKind, DateAnchor};

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/tempeval3/te3-platinum"
);

#[derive(Debug)]
struct Timex {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some(tag[at..at + len].to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Plain text of the `<TEXT>` element and its timexes.
fn parse(tml: &str) -> Option<(NaiveDate, String, String, Vec<Timex>)> {
    let dct_at = tml.find("CREATION_TIME")?;
    let tag_start = tml[..dct_at].rfind('<')?;
    let tag_end = dct_at + tml[dct_at..].find('>')?;
    let dct_value = attr(&tml[tag_start..tag_end], "value")?;
    let dct = NaiveDate::parse_from_str(dct_value.get(..10)?, "%Y-%m-%d").ok()?;
    let title = tml
        .find("<TITLE>")
        .and_then(|s| {
            let e = tml[s..].find("</TITLE>")?;
            Some(unescape(&tml[s + 7..s + e]))
        })
        .unwrap_or_default();
    let body_start = tml.find("<TEXT>")? + "<TEXT>".len();
    let body_end = tml.find("</TEXT>")?;
    let raw = &tml[body_start..body_end];
    let mut plain = String::new();
    let mut timexes = Vec::new();
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut rest = raw;
    while let Some(lt) = rest.find('<') {
        plain.push_str(&unescape(&rest[..lt]));
        let gt = lt + rest[lt..].find('>')?;
        let tag = &rest[lt + 1..gt];
        if tag.starts_with("TIMEX3") {
            open.push((
                plain.len(),
                attr(tag, "type").unwrap_or_default(),
                attr(tag, "value").unwrap_or_default(),
            ));
        } else if tag.starts_with("/TIMEX3") {
            if let Some((start, kind, value)) = open.pop() {
                timexes.push(Timex {
                    start,
                    end: plain.len(),
                    kind,
                    value,
                });
            }
        }
        rest = &rest[gt + 1..];
    }
    plain.push_str(&unescape(rest));
    Some((dct, title, plain, timexes))
}

/// Gold values Dossier writes as day ranges: ISO weeks (`2013-W12` →
/// `2013-03-18/2013-03-24`), seasons (meteorological, northern: `2012-SU` → June to August,
/// `2012-WI` → December 2012 to February 2013), quarters and halves (`2013-Q1`, `2013-H2`),
/// decades (`199` or `199X` → the 1990s) and centuries (`19` or `19XX` → the 1900s). Other values unchanged.
/// The same rule as `interval` in `eval/dateparser_tempeval.py`.
fn interval(value: &str) -> String {
    let span =
        |a: NaiveDate, b: NaiveDate| format!("{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d"));
    let month_end = |y: i32, m: u32| {
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)
        };
        next.and_then(|d| d.pred_opt())
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some((y, part)) = value.split_once('-') {
        if y.len() == 4 && digits(y) {
            let Ok(y) = y.parse::<i32>() else {
                return value.to_string();
            };
            if let Some(w) = part
                .strip_prefix('W')
                .filter(|w| (1..=2).contains(&w.len()) && digits(w))
            {
                let w = w.parse().unwrap_or(0);
                if let (Some(mon), Some(sun)) = (
                    NaiveDate::from_isoywd_opt(y, w, Weekday::Mon),
                    NaiveDate::from_isoywd_opt(y, w, Weekday::Sun),
                ) {
                    return span(mon, sun);
                }
            }
            let months = match part {
                "SP" => Some((y, 3, y, 5)),
                "SU" => Some((y, 6, y, 8)),
                "FA" => Some((y, 9, y, 11)),
                "WI" => Some((y, 12, y + 1, 2)),
                "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2" => {
                    let n = u32::from(part.as_bytes()[1] - b'0');
                    let per = if part.starts_with('Q') { 3 } else { 6 };
                    Some((y, per * (n - 1) + 1, y, per * n))
                }
                _ => None,
            };
            if let Some((y1, m1, y2, m2)) = months {
                if let (Some(a), Some(b)) = (NaiveDate::from_ymd_opt(y1, m1, 1), month_end(y2, m2))
                {
                    return span(a, b);
                }
            }
        }
        return value.to_string();
    }
    // "198X" is the 1980s and "19XX" the 1900s, as "198" and "19" are.
    let value_digits = value.trim_end_matches('X');
    let short = match value.len() - value_digits.len() {
        0 => value.len() == 2 || value.len() == 3,
        1 => value.len() == 4,
        2 => value.len() == 4,
        _ => false,
    };
    if digits(value_digits) && short {
        let value = value_digits;
        let n: i32 = value.parse().unwrap_or(0);
        let (first, len) = if value.len() == 3 {
            (n * 10, 9)
        } else {
            ((n * 100).max(1), 99 - i32::from(n == 0))
        };
        if let (Some(a), Some(b)) = (
            NaiveDate::from_ymd_opt(first, 1, 1),
            NaiveDate::from_ymd_opt(first + len, 12, 31),
        ) {
            return span(a, b);
        }
    }
    value.to_string()
}

/// Lenient comparison: a `YYYY` / `YYYY-MM` / `YYYY-MM-DD` gold value against the
/// prediction's first day cut to that precision; other gold values exactly (after
/// [`interval`]).
fn at_gold_precision(gold: &str, value: &str, first_day: NaiveDate) -> bool {
    let shape: String = gold
        .chars()
        .map(|c| if c.is_ascii_digit() { 'd' } else { c })
        .collect();
    let format = match shape.as_str() {
        "dddd" => "%Y",
        "dddd-dd" => "%Y-%m",
        "dddd-dd-dd" => "%Y-%m-%d",
        _ => return value == interval(gold),
    };
    first_day.format(format).to_string() == gold
}

fn is_day_value(value: &str) -> bool {
    value.len() == 10
        && value.char_indices().all(|(k, c)| {
            if k == 4 || k == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
}

const CLASSES: [&str; 9] = [
    "full date",
    "month-day, no year",
    "weekday",
    "month/year only",
    "relative",
    "season/quarter/decade/century",
    "vague (now, the past)",
    "no fixed value (XXXX)",
    "other",
];

const WEEKDAY_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];
const RELATIVE_WORDS: &[&str] = &[
    "last",
    "next",
    "this",
    "ago",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "past",
    "earlier",
    "later",
    "coming",
    "recent",
    "recently",
    "previous",
    "current",
    "following",
    "since",
    "before",
    "after",
    "now",
];

/// The class of a gold DATE by its text and value (the same rule as `gold_class` in
/// `eval/dateparser_tempeval.py`).
fn gold_class(text: &str, value: &str) -> usize {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let has_word = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let has_year = text
        .split(|c: char| !c.is_ascii_alphanumeric() || c == '_')
        .any(|t| t.len() == 4 && digits(t));
    let part = value.rsplit_once('-').map_or("", |(_, p)| p);
    let class = if ["PRESENT_REF", "PAST_REF", "FUTURE_REF"].contains(&value) {
        "vague (now, the past)"
    } else if ["SP", "SU", "FA", "WI", "Q1", "Q2", "Q3", "Q4", "H1", "H2"].contains(&part)
        || (digits(value) && (value.len() == 2 || value.len() == 3))
        || (value.len() == 4
            && (digits(&value[..3]) && value.ends_with('X')
                || digits(&value[..2]) && value.ends_with("XX")))
    {
        "season/quarter/decade/century"
    } else if value.contains('X') {
        "no fixed value (XXXX)"
    } else if has_word(WEEKDAY_WORDS) {
        "weekday"
    } else if has_word(RELATIVE_WORDS) {
        "relative"
    } else if is_day_value(value) {
        if has_year {
            "full date"
        } else {
            "month-day, no year"
        }
    } else if (value.len() == 4 && digits(value))
        || (value.len() == 7 && digits(&value[..4]) && &value[4..5] == "-" && digits(&value[5..]))
    {
        "month/year only"
    } else {
        "other"
    };
    CLASSES
        .iter()
        .position(|c| *c == class)
        .unwrap_or(CLASSES.len() - 1)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[derive(Default)]
struct Stats {
    files: usize,
    gold: usize,
    pred: usize,
    pred_other: usize,
    strict_gold: usize,
    relaxed_gold: usize,
    strict_pred: usize,
    relaxed_pred: usize,
    value_ok: usize,
    value_n: usize,
    lenient_ok: usize,
    day_ok: usize,
    day_n: usize,
    /// Per class: gold, detected (relaxed), value right.
    classes: [[usize; 3]; CLASSES.len()],
    words: usize,
    seconds: f64,
}

impl Stats {
    fn report(&self, name: &str) -> f64 {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (sp, sr) = (
            ratio(self.strict_pred, self.pred),
            ratio(self.strict_gold, self.gold),
        );
        let (rp, rr) = (
            ratio(self.relaxed_pred, self.pred),
            ratio(self.relaxed_gold, self.gold),
        );
        let acc = ratio(self.value_ok, self.value_n);
        eprintln!(
            "{name}, {} files: {} gold DATE timexes, {} predictions \
             (+{} overlapping gold TIME/DURATION/SET, not scored)",
            self.files, self.gold, self.pred, self.pred_other
        );
        eprintln!("  strict:  P {sp:.3} R {sr:.3} F1 {:.3}", f1(sp, sr));
        eprintln!("  relaxed: P {rp:.3} R {rr:.3} F1 {:.3}", f1(rp, rr));
        eprintln!(
            "  value accuracy on matched DATEs: {}/{} = {acc:.3}",
            self.value_ok, self.value_n
        );
        eprintln!(
            "  value accuracy at the gold's precision: {}/{} = {:.3}",
            self.lenient_ok,
            self.value_n,
            ratio(self.lenient_ok, self.value_n)
        );
        eprintln!(
            "  value accuracy on matched day-valued DATEs: {}/{} = {:.3}",
            self.day_ok,
            self.day_n,
            ratio(self.day_ok, self.day_n)
        );
        eprintln!("  per class (gold DATEs: detected, value right):");
        for (c, [g, d, v]) in CLASSES.iter().zip(self.classes) {
            if g > 0 {
                eprintln!("    {c:<31} {g:>4}: detected {d:>4}, value right {v:>4}");
            }
        }
        eprintln!(
            "  speed: {} words in {:.3} s = {:.0} words/s (analyze + extract_dates, best of {REPEAT})",
            self.words,
            self.seconds,
            if self.seconds > 0.0 { self.words as f64 / self.seconds } else { 0.0 }
        );
        acc
    }
}

/// Timed runs per document for the speed figure (the best one counts).
const REPEAT: usize = 5;

/// Scores every `.tml` file under `dir`; `None` when the directory is missing.
fn evaluate(dir: &Path) -> Option<Stats> {
    let entries = std::fs::read_dir(dir).ok()?;
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    files.sort();
    let verbose = std::env::var("DATES_VERBOSE").is_ok();
    let mut st = Stats::default();
    for path in &files {
        let Ok(tml) = std::fs::read_to_string(path) else {
            continue;
        };
        let Some((dct, title, plain, timexes)) = parse(&tml) else {
            eprintln!("could not parse {}", path.display());
            continue;
        };
        st.files += 1;
        st.words += plain.split_whitespace().count();
        let doc = Document {
            id: path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            source: None,
            url: None,
            title: Some(title),
            published: Some(dct),
            date_source: DateSource::Metadata,
            language: "en".into(),
            body: Span::new(0, plain.len()),
            text: plain,
            extra: Default::default(),
            origin: Origin {
                path: path.display().to_string(),
                record: None,
            },
        };
        let anchor = DateAnchor {
            date: Some(dct),
            kind: AnchorKind::Document,
        };
        let mut best = f64::INFINITY;
        let mut preds = Vec::new();
        let mut analyzed = dossier_text::analyze(&doc);
        for _ in 0..REPEAT {
            let t0 = Instant::now();
            analyzed = dossier_text::analyze(&doc);
            preds = extract_dates(&doc, &analyzed, &anchor);
            best = best.min(t0.elapsed().as_secs_f64());
        }
        // Gold inside headline or debris sentences, which extraction skips on purpose.
        let in_body = |start: usize| {
            analyzed
                .body_sentences()
                .any(|(_, s)| s.span.start <= start && start < s.span.end)
        };
        st.seconds += best;
        let gold: Vec<&Timex> = timexes.iter().filter(|t| t.kind == "DATE").collect();
        let other: Vec<&Timex> = timexes.iter().filter(|t| t.kind != "DATE").collect();
        st.gold += gold.len();
        for p in &preds {
            let ps = (p.span.start, p.span.end);
            let hits_gold = gold.iter().any(|g| overlaps(ps, (g.start, g.end)));
            if !hits_gold && other.iter().any(|o| overlaps(ps, (o.start, o.end))) {
                st.pred_other += 1;
                continue;
            }
            st.pred += 1;
            if hits_gold {
                st.relaxed_pred += 1;
            } else if verbose {
                eprintln!("FP  {}: {:?}", doc.id, p.expression);
            }
            if gold.iter().any(|g| (g.start, g.end) == ps) {
                st.strict_pred += 1;
            }
        }
        for g in &gold {
            let gs = (g.start, g.end);
            let text = &doc.text[g.start..g.end];
            let class = &mut st.classes[gold_class(text, &g.value)];
            class[0] += 1;
            let matched = preds
                .iter()
                .find(|p| overlaps((p.span.start, p.span.end), gs));
            let Some(p) = matched else {
                if verbose {
                    let skipped = if in_body(g.start) { "" } else { " (not body)" };
                    eprintln!("FN  {}: {:?} {}{skipped}", doc.id, text, g.value);
                }
                continue;
            };
            class[1] += 1;
            st.relaxed_gold += 1;
            if (p.span.start, p.span.end) == gs {
                st.strict_gold += 1;
            }
            st.value_n += 1;
            let got = p.resolved.as_ref().map(|r| r.value.clone());
            let ok = got.as_deref() == Some(interval(&g.value).as_str());
            if ok {
                st.value_ok += 1;
                class[2] += 1;
            } else if verbose {
                eprintln!(
                    "VAL {}: {:?} gold {} got {:?} (pred {:?}, DCT {dct})",
                    doc.id, text, g.value, got, p.expression
                );
            }
            if p.resolved
                .as_ref()
                .is_some_and(|r| at_gold_precision(&g.value, &r.value, r.start))
            {
                st.lenient_ok += 1;
            }
            if is_day_value(&g.value) {
                st.day_n += 1;
                st.day_ok += usize::from(ok);
            }
        }
    }
    Some(st)
}

#[test]
fn tempeval3_platinum_dates() {
    let Some(st) = evaluate(Path::new(DIR)) else {
        eprintln!("skipping: {DIR} not found");
        return;
    };
    if st.gold == 0 {
        eprintln!("skipping: no gold DATE timexes found");
        return;
    }
    let acc = st.report("TempEval-3 platinum (test)");
    // A regression guard well below the measured figure (0.94 when written).
    assert!(acc >= 0.80, "value accuracy fell to {acc:.3}");
}

/// The TempEval-3 training data (TimeBank + AQUAINT), used as a development set.
#[test]
#[ignore]
fn tempeval3_tbaq_dates() {
    for sub in ["TimeBank", "AQUAINT"] {
        let dir = Path::new(DIR).with_file_name("TBAQ-cleaned").join(sub);
        match evaluate(&dir) {
            Some(st) if st.gold > 0 => {
                st.report(&format!("TempEval-3 TBAQ {sub} (dev)"));
            }
            _ => eprintln!("skipping: {} not found", dir.display()),
        }
    }
}
