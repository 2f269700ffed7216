//! Date expressions, normalised to ISO with their precision.
//!
//! [`extract_dates`] scans the body sentences of a document (headline and debris are
//! skipped) for date expressions and resolves each against a [`DateAnchor`]:
//!
//! - **Absolute** (the text gives the year): "April 20, 2017", "20 April 2017", "2017-04-15",
//!   "15/04/2017" (only when unambiguous: day > 12, or ISO order), "March 2017", "in 2016".
//!   These resolve without an anchor; `anchor` is `"absolute"`.
//! - **Year-less and relative**: "April 20", "May 26 this year", "in March", "last month",
//!   "last year", "this year", "earlier this week", "last week", "yesterday", "today",
//!   "Thursday", "two years ago", "over the last few months". These need an anchor of kind
//!   [`AnchorKind::Document`] or [`AnchorKind::Story`]; `anchor` is `"document"` or `"story"`.
//!   With [`AnchorKind::None`] (or no anchor date) they are reported with `resolved: None`
//!   and `anchor: "none"`: a year is never guessed.
//!
//! Resolution rules (`A` is the anchor date):
//! - Month and day without a year → the year (A's, the one before or the one after) that puts
//!   the date closest to A, a date ahead of A counting 1.5 times its distance (news looks back
//!   more than ahead): "December 30" with A = 2017-04-15 → 2016-12-30, "May 26" → 2017-05-26.
//! - A month alone ("in March") → by the tense of its clause (the nearest tense cue within 8
//!   tokens: "will", "due", "scheduled", ... vs "said", "was", "-ed" verbs): past → the most
//!   recent such month not after A's month; future → the first not before it; no cue → the
//!   closer of the two (same 1.5 bias). Measured on TempEval-3 this beats "always the most
//!   recent". "last March" → strictly before A's month, "next March" → strictly after,
//!   "this March" → A's year. Month precision.
//! - A weekday alone ("Thursday saw a protest") → the most recent such day on or before A
//!   (news convention: "said Friday" in a Friday paper is that day), or, when its clause
//!   speaks of the future, the first such day on or after A. "last Thursday" → strictly before
//!   A; "next Thursday" → strictly after A.
//! - A weekday with an explicit date ("Tuesday morning (April 11)", "Friday, March 22,
//!   2013") is one mention resolved by the explicit date; when the weekday disagrees with that
//!   date, the explicit date wins.
//! - "this week" / "last week" / "next week" → that calendar week, Monday to Sunday, as a
//!   range; "earlier this week" → Monday of A's week to A.
//! - "last month" / "this month" → Month precision; "last year" / "this year" → Year.
//! - "over the last few months", "the past two weeks", "the span of the last two decades"
//!   → a Range from A minus that stretch ("few" = 3, "several" = 3) to A.
//! - "N days/weeks/months/years ago" → that day / week (range) / month / year.
//! - A time before a date ("5:30pm on April 12") is ignored; the date is kept.
//! - Quarters and halves ("the third quarter", "third-quarter", "Q3 2016", "the first half of
//!   2017", "last quarter"), seasons ("last summer", "the winter of 1994"), decades ("the
//!   1990s", "the '90s"), centuries ("20th century") and holidays ("Christmas Day", "last
//!   Thanksgiving") are in [`periods`]: all but holidays are day ranges (precision `range`),
//!   with their rules and guards there (fiscal and sports quarters, "summer camp", "the Arab
//!   Spring", "in their 80s", "Christmas shopping" are not dates).
//!
//! False dates avoided: month names must be capitalised; "May", "March", "April", "June" and
//! "August" (verbs, modal, given names) count only followed by a day or year, or preceded by a
//! date preposition (in, on, since, until, by, early, late, mid-, ...); a month followed by a
//! capitalised word ("April Smith") counts only after such a preposition, and a weekday
//! followed by one ("Sunday Times") never does. Bare numbers are never dates except
//! four-digit years 1800–2100 in a year position ("in 2016", "the 2010 raid", "2009-2010",
//! "in both 1990 and 1991"); "16-50", "8,700", "now", "we" are not dates. "now", "currently",
//! "the past" (TimeML's `PRESENT_REF`/`PAST_REF`) are left out on purpose: they name no date.

pub(crate) mod lex;
pub(crate) mod periods;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use dossier_core::{Document, ResolvedDate, Span};
use dossier_text::AnalyzedText;
use serde::Serialize;

use lex::{adjacent, lex, Tok, TokKind};
use periods::{Holiday, YearRef};

/// What relative and year-less dates are resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateAnchor {
    /// The anchor date, or `None` when neither the document nor its story has one.
    pub date: Option<NaiveDate>,
    /// Whose date it is.
    pub kind: AnchorKind,
}

/// Whose date an anchor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnchorKind {
    /// The document's own publication date.
    Document,
    /// The story's date (the document has none).
    Story,
    /// No anchor at all.
    None,
}

/// One date expression found in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    /// The expression's byte span ("Tuesday morning (April 11)").
    pub span: Span,
    /// The expression as written.
    pub expression: String,
    /// Index of the sentence it is in ([`AnalyzedText::sentences`]).
    pub sentence: usize,
    /// The resolved date, or `None` when it cannot be resolved without guessing.
    pub resolved: Option<ResolvedDate>,
    /// What was used to resolve it: `absolute` (the text has the year), `document`, or `story`;
    /// `none` when it needed an anchor and there was none (then `resolved` is `None`).
    pub anchor: String,
}

/// Finds and resolves the date expressions of a document, in text order. Only body
/// sentences are scanned (headline and debris are skipped). See the module documentation for
/// the patterns and resolution rules.
pub fn extract_dates(doc: &Document, text: &AnalyzedText, anchor: &DateAnchor) -> Vec<DateMention> {
    let mut out = Vec::new();
    for (index, sentence) in text.body_sentences() {
        let Some(s) = doc.text.get(sentence.span.start..sentence.span.end) else {
            continue;
        };
        for found in scan(s, sentence.span.start) {
            let (resolved, anchor_name) = resolve(&found.value, anchor, found.tense);
            let span = Span::new(found.start, found.end);
            out.push(DateMention {
                span,
                expression: doc
                    .text
                    .get(found.start..found.end)
                    .unwrap_or("")
                    .to_string(),
                sentence: index,
                resolved,
                anchor: anchor_name.to_string(),
            });
        }
    }
    out
}

/// Finds the first complete date (one with a year) in `s` and returns it: ISO
/// ("2017-04-15", also the date part of "2017-04-15T10:00:00Z"), "2017/04/15",
/// "15/04/2017" when unambiguous, "15.04.2017", "April 15, 2017", "15 April 2017",
/// "Saturday, April 15, 2017", "LONDON, April 15, 2017 —". Returns `None` when `s` has no
/// such date (a month-day without a year is not enough: it is never guessed).
pub fn parse_iso_or_textual_date(s: &str) -> Option<NaiveDate> {
    let t = s.trim();
    if let Some(prefix) = t.get(..10) {
        if let Ok(d) = NaiveDate::parse_from_str(prefix, "%Y-%m-%d") {
            return Some(d);
        }
    }
    scan(t, 0).into_iter().find_map(|f| match f.value {
        Val::Full(d) => Some(d),
        _ => None,
    })
}

// ---------------------------------------------------------------------------------------------
// Matching

/// A date expression found by [`scan`], before resolution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// Byte span start (shifted by the scan's base).
    pub start: usize,
    /// Byte span end.
    pub end: usize,
    /// What the expression says.
    pub value: Val,
    /// The tense of the clause around the expression.
    pub tense: Tense,
}

/// How an expression before the word it modifies shifts it ("last June", "next Tuesday").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Modifier {
    None,
    Last,
    Next,
    This,
}

/// The tense of the clause a date expression is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// A unit of a relative expression ("two weeks ago").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// The meaning of a date expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    /// A full date with its year.
    Full(NaiveDate),
    /// Month and day, year from the anchor (closest).
    MonthDay { month: u32, day: u32 },
    /// Month and days ("April 10-12"), year from the anchor (closest).
    DayRange {
        month: u32,
        from: u32,
        to: u32,
        year: Option<i32>,
    },
    /// Month and day with a relative year ("May 26 this year").
    MonthDayRelYear { month: u32, day: u32, years: i32 },
    /// Month and year.
    MonthYear { year: i32, month: u32 },
    /// Month with a relative year ("March last year").
    MonthRelYear { month: u32, years: i32 },
    /// A month alone.
    Month { month: u32, modifier: Modifier },
    /// A year.
    Year(i32),
    /// A weekday alone.
    Weekday {
        weekday: Weekday,
        modifier: Modifier,
    },
    /// Days from the anchor ("yesterday").
    RelDay(i64),
    /// Calendar weeks from the anchor's week.
    RelWeek(i64),
    /// Monday of the anchor's week to the anchor.
    EarlierThisWeek,
    /// Months from the anchor's month.
    RelMonth(i32),
    /// Years from the anchor's year.
    RelYear(i32),
    /// A stretch ending at the anchor.
    Back { amount: u32, unit: Unit },
    /// A point some time before the anchor.
    Ago { amount: u32, unit: Unit },
    /// A quarter, half or season: `months` months from `first_month` of a year.
    Period {
        first_month: u32,
        months: u32,
        year: YearRef,
        modifier: Modifier,
    },
    /// The anchor's quarter, the one before (`Last`) or after (`Next`).
    RelQuarter(Modifier),
    /// A decade from its first year ("the 1990s").
    Decade(i32),
    /// A decade by its tens alone ("the '90s"): the latest that began by the anchor's year.
    ShortDecade(i32),
    /// A holiday ("Christmas Day", "last Thanksgiving").
    Holiday { which: Holiday, modifier: Modifier },
    /// A century from its first year (TimeML's: "the 20th century" is 1900–1999).
    Century(i32),
    /// A date that cannot be read without guessing ("04/05/2017").
    Unresolvable,
}

/// True when a date expression names a point of the calendar: a month ("in March", "April 1")
/// or a number ("2017", "the 1990s", "Tuesday (April 11)"), as opposed to a date counted from
/// the writing ("last week", "Tuesday", "two years ago"). Two reports giving one happening
/// different calendar dates contradict each other; relative dates may merely be written on
/// different days.
pub fn names_calendar_date(expression: &str) -> bool {
    expression.bytes().any(|b| b.is_ascii_digit())
        || expression
            .split(|c: char| !c.is_alphabetic())
            .any(|w| MONTHS.contains(&w.to_lowercase().as_str()))
}

/// True for an English month or weekday name in lower case ("march", "thursday").
pub(crate) fn is_month_or_weekday(word: &str) -> bool {
    MONTHS.contains(&word) || WEEKDAYS.iter().any(|(name, _)| *name == word)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTH_ABBR: [(&str, u32); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];
/// Months whose names are also common words or given names.
const AMBIGUOUS_MONTHS: [u32; 5] = [3, 4, 5, 6, 8];
const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];
const WEEKDAY_ABBR: [(&str, Weekday); 10] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("tues", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("thurs", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];
/// Words before a month name that make it a date.
const MONTH_TRIGGERS: &[&str] = &[
    "in",
    "on",
    "since",
    "until",
    "till",
    "by",
    "from",
    "through",
    "throughout",
    "during",
    "of",
    "before",
    "after",
    "between",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "every",
    "each",
    "until",
    "around",
    "for",
];
/// Words before a bare four-digit number that make it a year.
const YEAR_TRIGGERS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "of",
    "from",
    "through",
    "throughout",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "the",
    "a",
    "an",
    "s",
    "between",
    "circa",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "year",
    "end",
    "for",
    "on",
    "to",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "due",
    "both",
];
/// Words before a number that make it a figure rather than a year.
const FIGURE_QUALIFIERS: &[&str] = &[
    "over",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "than",
    "least",
    "approximately",
    "roughly",
    "only",
    "estimated",
    "additional",
    "another",
    "extra",
    "just",
    "under",
    "all",
];
/// Words that mark a sentence as speaking of the future.
const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "won't",
    "'ll",
    "upcoming",
    "scheduled",
    "due",
    "expected",
    "plans",
    "planned",
    "planning",
    "tomorrow",
    "forthcoming",
    "intends",
    "aims",
];
/// Words that mark a clause as speaking of the past (besides "-ed" verbs).
const PAST_CUES: &[&str] = &[
    "said", "was", "were", "had", "did", "ago", "told", "began", "met", "saw", "came", "went",
    "took", "made", "gave", "left", "held", "won", "lost", "fell", "rose", "sold", "got", "became",
    "wrote", "spoke", "thought", "found", "ran",
];
/// How many tokens either side of a date are searched for a tense cue.
const TENSE_WINDOW: usize = 8;
const PART_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];

/// Finds the date expressions in `s` (spans shifted by `base`).
pub(crate) fn scan(s: &str, base: usize) -> Vec<Found> {
    let toks = lex(s, base);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((end, value)) = match_at(&toks, i) {
            if end > i {
                out.push(Found {
                    start: toks[i].start,
                    end: toks[end - 1].end,
                    value,
                    tense: tense_around(&toks, i, end),
                });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

type Match = Option<(usize, Val)>;

/// Tense around the expression `toks[i..end]`: the nearest tense cue within
/// [`TENSE_WINDOW`] tokens on either side decides (future: "will", "due", "scheduled", ...;
/// past: "said", "was", "had", "-ed" verbs, ..., but not a participle after "be": "will be
/// held").
fn tense_around(toks: &[Tok<'_>], i: usize, end: usize) -> Tense {
    for d in 1..=TENSE_WINDOW {
        let before = i.checked_sub(d);
        let after = Some(end - 1 + d);
        for k in [before, after].into_iter().flatten() {
            let Some(t) = toks.get(k).filter(|t| t.kind == TokKind::Word) else {
                continue;
            };
            let l = t.lower();
            if FUTURE_CUES.contains(&l.as_str()) || l.ends_with("'ll") {
                return Tense::Future;
            }
            // A participle after "be" ("will be held") says nothing of the tense.
            let after_be = k > 0 && toks[k - 1].is("be");
            if !after_be && (PAST_CUES.contains(&l.as_str()) || (l.len() > 4 && l.ends_with("ed")))
            {
                return Tense::Past;
            }
        }
    }
    Tense::Unknown
}

fn match_at(toks: &[Tok<'_>], i: usize) -> Match {
    let t = toks.get(i)?;
    if t.kind == TokKind::Punct {
        return None;
    }
    periods::decade(toks, i)
        .or_else(|| periods::century(toks, i))
        .or_else(|| periods::quarter(toks, i))
        .or_else(|| periods::season(toks, i))
        .or_else(|| periods::holiday(toks, i))
        .or_else(|| relative(toks, i))
        .or_else(|| premodified(toks, i))
        .or_else(|| modified(toks, i))
        .or_else(|| weekday_expr(toks, i, Modifier::None))
        .or_else(|| numeric(toks, i))
        .or_else(|| month_first(toks, i, triggered_month(toks, i)))
        .or_else(|| day_first(toks, i))
        .or_else(|| bare_year(toks, i))
}

/// The word tokens `words` (case-insensitive) starting at `i`; returns the index after them.
fn seq(toks: &[Tok<'_>], i: usize, words: &[&str]) -> Option<usize> {
    for (k, w) in words.iter().enumerate() {
        if !toks.get(i + k)?.is(w) {
            return None;
        }
    }
    Some(i + words.len())
}

fn month_at(toks: &[Tok<'_>], i: usize) -> Option<(u32, usize, bool)> {
    let t = toks.get(i)?;
    if !t.is_capitalised() {
        return None;
    }
    let l = t.lower();
    if let Some(m) = MONTHS.iter().position(|&n| n == l) {
        let m = m as u32 + 1;
        return Some((m, i + 1, AMBIGUOUS_MONTHS.contains(&m)));
    }
    let &(_, m) = MONTH_ABBR.iter().find(|(a, _)| *a == l)?;
    Some((m, after_abbreviation(toks, i), true))
}

/// The index after an abbreviation at `i` and its full stop, if one follows it directly
/// ("Apr." / "Thu.").
fn after_abbreviation(toks: &[Tok<'_>], i: usize) -> usize {
    let dotted = toks
        .get(i + 1)
        .is_some_and(|d| d.is_punct('.') && adjacent(&toks[i], d));
    if dotted {
        i + 2
    } else {
        i + 1
    }
}

fn weekday_at(toks: &[Tok<'_>], i: usize) -> Option<(Weekday, usize, bool)> {
    let t = toks.get(i)?;
    if !t.is_capitalised() {
        return None;
    }
    let l = t.lower();
    if let Some(&(_, w)) = WEEKDAYS.iter().find(|(n, _)| *n == l) {
        return Some((w, i + 1, false));
    }
    let &(_, w) = WEEKDAY_ABBR.iter().find(|(n, _)| *n == l)?;
    Some((w, after_abbreviation(toks, i), true))
}

/// A day of the month: "11", "11th".
fn day_at(toks: &[Tok<'_>], i: usize) -> Option<(u32, usize)> {
    let t = toks.get(i)?;
    let day = match t.kind {
        TokKind::Num if t.text.len() <= 2 => t.plain_digits()?,
        TokKind::Mixed => {
            let digits = t.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &t.text[digits.len()..];
            if digits.is_empty()
                || digits.len() > 2
                || !digits.bytes().all(|b| b.is_ascii_digit())
                || !["st", "nd", "rd", "th"].contains(&suffix.to_ascii_lowercase().as_str())
            {
                return None;
            }
            digits.parse().ok()?
        }
        _ => return None,
    };
    if !(1..=31).contains(&day) {
        return None;
    }
    // "5:30", "12%" are not days; "Jan. 6:" is.
    if let Some(n) = toks.get(i + 1) {
        let clock = n.is_punct(':')
            && toks
                .get(i + 2)
                .is_some_and(|m| adjacent(n, m) && m.kind != TokKind::Word);
        if adjacent(t, n) && (clock || n.is_punct('%')) {
            return None;
        }
    }
    if i > 0 && toks[i - 1].is_punct(':') && adjacent(&toks[i - 1], t) {
        return None;
    }
    Some((day as u32, i + 1))
}

fn year_at(toks: &[Tok<'_>], i: usize) -> Option<(i32, usize)> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Num || t.text.len() != 4 {
        return None;
    }
    let y = t.plain_digits()?;
    if !(1000..=2100).contains(&y) {
        return None;
    }
    Some((y as i32, i + 1))
}

fn valid_day(month: u32, day: u32) -> bool {
    NaiveDate::from_ymd_opt(2000, month, day).is_some()
}

/// "this year" / "last year" / "next year" at `i`.
fn rel_year_words(toks: &[Tok<'_>], i: usize) -> Option<(i32, usize)> {
    let t = toks.get(i)?;
    let off = if t.is("this") {
        0
    } else if t.is("last") {
        -1
    } else if t.is("next") {
        1
    } else {
        return None;
    };
    toks.get(i + 1)?.is("year").then_some((off, i + 2))
}

fn triggered_month(toks: &[Tok<'_>], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = &toks[i - 1];
    if prev.is_any(MONTH_TRIGGERS) {
        return true;
    }
    // "March and May", "April to June", "April-May".
    let joins = prev.is_any(&["and", "or", "to", "through", "until"])
        || prev.is_punct('-')
        || prev.is_punct('–');
    joins && i >= 2 && (month_at(toks, i - 2).is_some() || day_at(toks, i - 2).is_some())
}

/// A date that needs nothing before it: month first, day first or numeric, with or without
/// a year (used inside "Tuesday (April 11)").
fn explicit_date(toks: &[Tok<'_>], i: usize) -> Match {
    numeric(toks, i)
        .or_else(|| month_first(toks, i, true))
        .or_else(|| day_first(toks, i))
        .filter(|(_, v)| {
            matches!(
                v,
                Val::Full(_)
                    | Val::MonthDay { .. }
                    | Val::MonthDayRelYear { .. }
                    | Val::Unresolvable
            )
        })
}

/// Month first: "April 11", "April 11, 2017", "April 10-12", "May 26 this year",
/// "March 2017", "March of 2017", "March last year", "March".
fn month_first(toks: &[Tok<'_>], i: usize, triggered: bool) -> Match {
    let (month, j, ambiguous) = month_at(toks, i)?;
    if let Some((day, k)) = day_at(toks, j) {
        if !valid_day(month, day) {
            return None;
        }
        // "April 10-12"
        if let (Some(dash), Some(_)) = (toks.get(k), toks.get(k + 1)) {
            if (dash.is_punct('-') || dash.is_punct('–')) && adjacent(&toks[k - 1], dash) {
                if let Some((to, k2)) = day_at(toks, k + 1) {
                    if to > day && valid_day(month, to) {
                        let (year, k3) = match opt_year(toks, k2) {
                            Some((y, k3)) => (Some(y), k3),
                            None => (None, k2),
                        };
                        return Some((
                            k3,
                            Val::DayRange {
                                month,
                                from: day,
                                to,
                                year,
                            },
                        ));
                    }
                }
                // "April 16-50"? Not a date.
                return None;
            }
        }
        if let Some((year, k2)) = opt_year(toks, k) {
            let d = NaiveDate::from_ymd_opt(year, month, day)?;
            return Some((k2, Val::Full(d)));
        }
        if let Some((years, k2)) = rel_year_words(toks, k) {
            return Some((k2, Val::MonthDayRelYear { month, day, years }));
        }
        return Some((k, Val::MonthDay { month, day }));
    }
    let mut k = j;
    if toks.get(k).is_some_and(|t| t.is("of") || t.is_punct(',')) {
        k += 1;
    }
    if let Some((year, k2)) = year_at(toks, k) {
        return Some((k2, Val::MonthYear { year, month }));
    }
    if let Some((years, k2)) = rel_year_words(toks, j) {
        return Some((k2, Val::MonthRelYear { month, years }));
    }
    if !triggered {
        if ambiguous {
            return None;
        }
        // "January Jones": a month followed by a name.
        if toks.get(j).is_some_and(|n| {
            n.is_capitalised() && month_at(toks, j).is_none() && weekday_at(toks, j).is_none()
        }) {
            return None;
        }
    }
    // An abbreviation alone ("Mar", "Dec") is too often something else.
    if MONTH_ABBR.iter().any(|(a, _)| toks[i].lower() == *a) {
        return None;
    }
    Some((
        j,
        Val::Month {
            month,
            modifier: Modifier::None,
        },
    ))
}

/// ", 2017" or " 2017" after a month-day.
fn opt_year(toks: &[Tok<'_>], k: usize) -> Option<(i32, usize)> {
    let k1 = if toks.get(k).is_some_and(|t| t.is_punct(',')) {
        k + 1
    } else {
        k
    };
    let (y, k2) = year_at(toks, k1)?;
    // "April 11, 2017" but not "April 11, 2000 people".
    if toks
        .get(k2)
        .is_some_and(|n| n.kind == TokKind::Word && !n.is_capitalised() && k1 != k)
        && !toks[k2].is_any(&["and", "or", "when", "as", "at", "in", "on", "to"])
    {
        return None;
    }
    Some((y, k2))
}

/// Day first: "11 April", "11th of April", "11 April 2017".
fn day_first(toks: &[Tok<'_>], i: usize) -> Match {
    let (day, mut j) = day_at(toks, i)?;
    if toks.get(j).is_some_and(|t| t.is("of")) {
        j += 1;
    }
    let (month, k, _) = month_at(toks, j)?;
    if !valid_day(month, day) {
        return None;
    }
    // The day must not be part of a larger number or range ("16-50 March" is odd, "1,2 May").
    if i > 0 {
        let p = &toks[i - 1];
        if adjacent(p, &toks[i]) && (p.is_punct('-') || p.is_punct(',') || p.is_punct('.')) {
            return None;
        }
    }
    if let Some((year, k2)) = opt_year(toks, k) {
        let d = NaiveDate::from_ymd_opt(year, month, day)?;
        return Some((k2, Val::Full(d)));
    }
    if let Some((years, k2)) = rel_year_words(toks, k) {
        return Some((k2, Val::MonthDayRelYear { month, day, years }));
    }
    Some((k, Val::MonthDay { month, day }))
}

/// "2017-04-15", "2017/04/15", "15/04/2017", "15.04.2017".
fn numeric(toks: &[Tok<'_>], i: usize) -> Match {
    let a = toks.get(i)?;
    if a.kind != TokKind::Num {
        return None;
    }
    // "15.04.2017" is lexed as one number.
    let dotted: Vec<&str> = a.text.split('.').collect();
    if dotted.len() == 3 && dotted[2].len() == 4 && dotted[0].len() <= 2 && dotted[1].len() <= 2 {
        let d: u32 = dotted[0].parse().ok()?;
        let m: u32 = dotted[1].parse().ok()?;
        let y: i32 = dotted[2].parse().ok()?;
        return NaiveDate::from_ymd_opt(y, m, d).map(|date| (i + 1, Val::Full(date)));
    }
    let sep = toks.get(i + 1)?;
    if !(sep.is_punct('-') || sep.is_punct('/')) || !adjacent(a, sep) {
        return None;
    }
    let b = toks.get(i + 2)?;
    let sep2 = toks.get(i + 3)?;
    let c = toks.get(i + 4)?;
    if sep2.text != sep.text || !adjacent(sep, b) || !adjacent(b, sep2) || !adjacent(sep2, c) {
        return None;
    }
    let bv = if b.text.len() <= 2 {
        b.plain_digits()?
    } else {
        return None;
    };
    if a.text.len() == 4 {
        // ISO order; the day may carry a time ("15T10").
        let y = a.plain_digits()? as i32;
        let cd: String = c.text.chars().take_while(char::is_ascii_digit).collect();
        if cd.is_empty() || cd.len() > 2 {
            return None;
        }
        if c.kind == TokKind::Mixed && !c.text[cd.len()..].starts_with(['T', 't']) {
            return None;
        }
        let d = cd.parse().ok()?;
        return NaiveDate::from_ymd_opt(y, bv as u32, d).map(|date| (i + 5, Val::Full(date)));
    }
    if a.text.len() <= 2 && sep.is_punct('/') && c.text.len() == 4 {
        let av = a.plain_digits()? as u32;
        let y = c.plain_digits()? as i32;
        let bv = bv as u32;
        let date = if av > 12 && bv <= 12 {
            NaiveDate::from_ymd_opt(y, bv, av)
        } else if (bv > 12 && av <= 12) || av == bv {
            NaiveDate::from_ymd_opt(y, av, bv)
        } else if av <= 12 && bv <= 12 {
            return Some((i + 5, Val::Unresolvable));
        } else {
            None
        };
        return date.map(|d| (i + 5, Val::Full(d)));
    }
    None
}

/// A four-digit year standing alone: "in 2016", "the 2010 raid", "2009-2010".
fn bare_year(toks: &[Tok<'_>], i: usize) -> Match {
    let (y, j) = year_at(toks, i)?;
    if !(1800..=2100).contains(&y) {
        return None;
    }
    let prev = i.checked_sub(1).and_then(|p| toks.get(p));
    let next = toks.get(j);
    if let Some(p) = prev {
        if p.is_any(FIGURE_QUALIFIERS)
            || ["$", "£", "€", "#", ":", "+"].contains(&p.text)
            || (p.is("to") && i >= 2 && toks[i - 2].is("up"))
        {
            return None;
        }
    }
    if let Some(n) = next {
        if n.is_punct('%')
            || n.is_punct(':')
            || n.is_any(&[
                "percent", "per", "million", "billion", "thousand", "trillion",
            ])
        {
            return None;
        }
    }
    let triggered = match prev {
        None => true,
        Some(p) => {
            p.is_any(YEAR_TRIGGERS)
                || p.is_punct('(')
                || ((p.is_punct('-') || p.is_punct('–') || p.is_punct('/'))
                    && i >= 2
                    && year_at(toks, i - 2).is_some())
                || (p.is_any(&["and", "or"]) && i >= 2 && year_at(toks, i - 2).is_some())
        }
    };
    // "in both 1990 and 1991"
    let joined = next.is_some_and(|n| n.is_any(&["and", "or", "to", "through"]))
        && year_at(toks, j + 1).is_some();
    let free = joined || next.is_none_or(|n| n.kind != TokKind::Word || n.is_capitalised());
    (triggered || free).then_some((j, Val::Year(y)))
}

/// early / late / mid(-) / the end of ... before a month, year or relative expression.
fn premodified(toks: &[Tok<'_>], i: usize) -> Match {
    let t = toks.get(i)?;
    let mut j = if t.is_any(&["early", "late", "mid"]) {
        i + 1
    } else {
        seq(toks, i, &["the", "end", "of"])
            .or_else(|| seq(toks, i, &["the", "beginning", "of"]))
            .or_else(|| seq(toks, i, &["the", "start", "of"]))
            .or_else(|| seq(toks, i, &["the", "middle", "of"]))?
    };
    if t.is("mid") && toks.get(j).is_some_and(|d| d.is_punct('-')) {
        j += 1;
    }
    if t.is("the") {
        // "the end of the year"
        if let Some(end) = seq(toks, j, &["the", "year"]) {
            return Some((end, Val::RelYear(0)));
        }
        if let Some(end) = seq(toks, j, &["the", "month"]) {
            return Some((end, Val::RelMonth(0)));
        }
    }
    let (end, v) = periods::season(toks, j)
        .or_else(|| modified(toks, j))
        .or_else(|| relative(toks, j))
        .or_else(|| month_first(toks, j, true))
        .or_else(|| year_at(toks, j).map(|(y, e)| (e, Val::Year(y))))?;
    match v {
        Val::Month { .. }
        | Val::MonthYear { .. }
        | Val::MonthRelYear { .. }
        | Val::Year(_)
        | Val::RelMonth(_)
        | Val::RelYear(_)
        | Val::RelWeek(_)
        | Val::Period { months: 3, .. } => Some((end, v)),
        _ => None,
    }
}

/// last / next / this / coming before a month or weekday: "last June", "next Tuesday".
fn modified(toks: &[Tok<'_>], i: usize) -> Match {
    let t = toks.get(i)?;
    let modifier = if t.is("last") || t.is("past") {
        Modifier::Last
    } else if t.is("next") || t.is("coming") {
        Modifier::Next
    } else if t.is("this") {
        Modifier::This
    } else {
        return None;
    };
    if let Some((month, j, _)) = month_at(toks, i + 1) {
        if day_at(toks, j).is_none() {
            return Some((j, Val::Month { month, modifier }));
        }
    }
    weekday_expr(toks, i + 1, modifier)
}

/// A weekday, with an optional part of day and an optional explicit date:
/// "Thursday", "Tuesday morning (April 11)", "Friday, March 22, 2013".
fn weekday_expr(toks: &[Tok<'_>], i: usize, modifier: Modifier) -> Match {
    let (weekday, j, abbr) = weekday_at(toks, i)?;
    let mut k = j;
    if toks.get(k).is_some_and(|t| t.is_any(PART_OF_DAY)) {
        k += 1;
    }
    if toks.get(k).is_some_and(|t| t.is_punct('(')) {
        if let Some((end, v)) = explicit_date(toks, k + 1) {
            if toks.get(end).is_some_and(|t| t.is_punct(')')) {
                return Some((end + 1, v));
            }
        }
    } else if toks.get(k).is_some_and(|t| t.is_punct(',')) {
        if let Some((end, v)) = explicit_date(toks, k + 1) {
            return Some((end, v));
        }
    } else if let Some((end, v)) = explicit_date(toks, k) {
        return Some((end, v));
    }
    if abbr {
        return None;
    }
    // "Sunday Times", "Monday Night Football".
    if modifier == Modifier::None
        && toks
            .get(j)
            .is_some_and(|n| n.is_capitalised() && month_at(toks, j).is_none())
    {
        return None;
    }
    Some((k, Val::Weekday { weekday, modifier }))
}

/// A small count: "two", "few", "3", "a couple of".
fn count_at(toks: &[Tok<'_>], i: usize) -> Option<(u32, usize)> {
    let t = toks.get(i)?;
    if t.kind == TokKind::Num {
        let v = t.plain_digits()?;
        return (1..=1000).contains(&v).then_some((v as u32, i + 1));
    }
    if t.is_any(&["a", "an"]) {
        if let Some(j) = seq(toks, i + 1, &["few"]) {
            return Some((3, j));
        }
        if let Some(j) = seq(toks, i + 1, &["couple", "of"]) {
            return Some((2, j));
        }
        return Some((1, i + 1));
    }
    if t.is_any(&["few", "several"]) {
        return Some((3, i + 1));
    }
    if let Some(j) = seq(toks, i, &["couple", "of"]) {
        return Some((2, j));
    }
    // Number words ("three weeks ago", "forty years") as the figures stage reads them.
    if let Some(v) = crate::figures::numbers::unit_value(t).filter(|v| *v >= 1.0) {
        return Some((v as u32, i + 1));
    }
    t.is_any(&["hundred"]).then_some((100, i + 1))
}

/// A unit word: "days", "week", "decades" → (unit, multiplier, next index).
fn unit_at(toks: &[Tok<'_>], i: usize) -> Option<(Unit, u32, usize)> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Word {
        return None;
    }
    let (unit, mult) = match t.lower().as_str() {
        "day" | "days" => (Unit::Day, 1),
        "week" | "weeks" => (Unit::Week, 1),
        "fortnight" => (Unit::Week, 2),
        "month" | "months" => (Unit::Month, 1),
        "year" | "years" => (Unit::Year, 1),
        "decade" | "decades" => (Unit::Year, 10),
        "century" | "centuries" => (Unit::Year, 100),
        _ => return None,
    };
    Some((unit, mult, i + 1))
}

/// Relative expressions: "yesterday", "last week", "this year", "over the last few months",
/// "two years ago".
fn relative(toks: &[Tok<'_>], i: usize) -> Match {
    const FIXED: &[(&[&str], Val)] = &[
        (&["the", "day", "before", "yesterday"], Val::RelDay(-2)),
        (&["the", "day", "after", "tomorrow"], Val::RelDay(2)),
        (&["yesterday"], Val::RelDay(-1)),
        (&["today"], Val::RelDay(0)),
        (&["tomorrow"], Val::RelDay(1)),
        (&["tonight"], Val::RelDay(0)),
        (&["this", "morning"], Val::RelDay(0)),
        (&["this", "afternoon"], Val::RelDay(0)),
        (&["this", "evening"], Val::RelDay(0)),
        (&["last", "night"], Val::RelDay(-1)),
        (&["earlier", "this", "week"], Val::EarlierThisWeek),
        (&["later", "this", "week"], Val::RelWeek(0)),
        (&["this", "week"], Val::RelWeek(0)),
        (&["last", "week"], Val::RelWeek(-1)),
        (&["next", "week"], Val::RelWeek(1)),
        (&["earlier", "this", "month"], Val::RelMonth(0)),
        (&["later", "this", "month"], Val::RelMonth(0)),
        (&["this", "month"], Val::RelMonth(0)),
        (&["last", "month"], Val::RelMonth(-1)),
        (&["next", "month"], Val::RelMonth(1)),
        (&["earlier", "this", "year"], Val::RelYear(0)),
        (&["later", "this", "year"], Val::RelYear(0)),
        (&["this", "fiscal", "year"], Val::RelYear(0)),
        (&["last", "fiscal", "year"], Val::RelYear(-1)),
        (&["next", "fiscal", "year"], Val::RelYear(1)),
        (&["this", "year"], Val::RelYear(0)),
        (&["last", "year"], Val::RelYear(-1)),
        (&["next", "year"], Val::RelYear(1)),
    ];
    if let Some(m) = stretch_back(toks, i).or_else(|| ago(toks, i)) {
        return Some(m);
    }
    for (words, v) in FIXED {
        if let Some(end) = seq(toks, i, words) {
            return Some((end, v.clone()));
        }
    }
    None
}

/// "the last few months", "the past two weeks", "the span of the last two decades",
/// "last three years" → a range ending at the anchor.
fn stretch_back(toks: &[Tok<'_>], i: usize) -> Match {
    let mut j = i;
    let mut has_the = false;
    if toks.get(j)?.is("the") {
        has_the = true;
        j += 1;
        if let Some(k) = seq(toks, j, &["span", "of", "the"])
            .or_else(|| seq(toks, j, &["course", "of", "the"]))
            .or_else(|| seq(toks, j, &["space", "of", "the"]))
        {
            j = k;
        }
    }
    if !toks.get(j)?.is_any(&["last", "past"]) {
        return None;
    }
    j += 1;
    let (count, has_count, j) = match count_at(toks, j) {
        Some((c, k)) if !toks[j].is_any(&["a", "an"]) => (c, true, k),
        _ => (1, false, j),
    };
    let (unit, mult, end) = unit_at(toks, j)?;
    if !has_the && !has_count {
        return None;
    }
    let plural = toks[j].text.ends_with(['s', 'S']);
    let count = if !has_count && plural { 3 } else { count };
    Some((
        end,
        Val::Back {
            amount: count.saturating_mul(mult),
            unit,
        },
    ))
}

/// "two years ago", "a week ago".
fn ago(toks: &[Tok<'_>], i: usize) -> Match {
    let (count, j) = count_at(toks, i)?;
    let (unit, mult, k) = unit_at(toks, j)?;
    if !toks.get(k)?.is("ago") {
        return None;
    }
    Some((
        k + 1,
        Val::Ago {
            amount: count.saturating_mul(mult),
            unit,
        },
    ))
}

// ---------------------------------------------------------------------------------------------
// Resolution

/// Resolves a matched value against the anchor: (resolved date, anchor name).
pub(crate) fn resolve(
    value: &Val,
    anchor: &DateAnchor,
    tense: Tense,
) -> (Option<ResolvedDate>, &'static str) {
    match value {
        Val::Full(d) => return (Some(ResolvedDate::day(*d)), "absolute"),
        Val::MonthYear { year, month } => return (ResolvedDate::month(*year, *month), "absolute"),
        Val::Year(y) => return (ResolvedDate::year(*y), "absolute"),
        Val::DayRange {
            month,
            from,
            to,
            year: Some(y),
        } => {
            let r = NaiveDate::from_ymd_opt(*y, *month, *from)
                .zip(NaiveDate::from_ymd_opt(*y, *month, *to))
                .map(|(a, b)| ResolvedDate::range(a, b));
            return (r, "absolute");
        }
        Val::Period {
            first_month,
            months,
            year: YearRef::Given(y),
            ..
        } => {
            let r = periods::resolve_period(
                *first_month,
                *months,
                YearRef::Given(*y),
                Modifier::None,
                NaiveDate::MIN,
                tense,
            );
            return (r, "absolute");
        }
        Val::Decade(y) => return (periods::years_range(*y, 10), "absolute"),
        Val::Century(y) => return (periods::years_range(*y, 100), "absolute"),
        Val::Unresolvable => return (None, "none"),
        _ => {}
    }
    let (a, name) = match (anchor.date, anchor.kind) {
        (Some(d), AnchorKind::Document) => (d, "document"),
        (Some(d), AnchorKind::Story) => (d, "story"),
        _ => return (None, "none"),
    };
    (resolve_relative(value, a, tense), name)
}

fn resolve_relative(value: &Val, a: NaiveDate, tense: Tense) -> Option<ResolvedDate> {
    Some(match *value {
        Val::MonthDay { month, day } => ResolvedDate::day(closest_year(a, month, day)?),
        Val::DayRange {
            month, from, to, ..
        } => {
            let start = closest_year(a, month, from)?;
            let end = NaiveDate::from_ymd_opt(start.year(), month, to)?;
            ResolvedDate::range(start, end)
        }
        Val::MonthDayRelYear { month, day, years } => {
            ResolvedDate::day(NaiveDate::from_ymd_opt(a.year() + years, month, day)?)
        }
        Val::MonthRelYear { month, years } => ResolvedDate::month(a.year() + years, month)?,
        Val::Month { month, modifier } => {
            let am = a.month();
            let year = match modifier {
                Modifier::Last => {
                    if month < am {
                        a.year()
                    } else {
                        a.year() - 1
                    }
                }
                Modifier::Next => {
                    if month > am {
                        a.year()
                    } else {
                        a.year() + 1
                    }
                }
                Modifier::This => a.year(),
                Modifier::None => {
                    // Months back to the previous occurrence / forward to the next one.
                    let back = (am + 12 - month) % 12;
                    let fwd = (month + 12 - am) % 12;
                    let forward = match tense {
                        Tense::Future => true,
                        Tense::Past => false,
                        Tense::Unknown => (fwd as f64) * FUTURE_BIAS < back as f64,
                    };
                    if forward {
                        if month >= am {
                            a.year()
                        } else {
                            a.year() + 1
                        }
                    } else if month <= am {
                        a.year()
                    } else {
                        a.year() - 1
                    }
                }
            };
            ResolvedDate::month(year, month)?
        }
        Val::Weekday { weekday, modifier } => {
            let back = (7 + a.weekday().num_days_from_monday() as i64
                - weekday.num_days_from_monday() as i64)
                % 7; // days back to the most recent such day, 0 when today
            let fwd = (7 - back) % 7; // days forward to the next such day, 0 when today
            let d = match modifier {
                Modifier::Last => sub_days(a, if back == 0 { 7 } else { back })?,
                Modifier::Next => add_days(a, if fwd == 0 { 7 } else { fwd })?,
                Modifier::This | Modifier::None => {
                    if tense == Tense::Future {
                        add_days(a, fwd)?
                    } else {
                        sub_days(a, back)?
                    }
                }
            };
            ResolvedDate::day(d)
        }
        Val::RelDay(n) => ResolvedDate::day(shift_days(a, n)?),
        Val::RelWeek(n) => week_of(shift_days(a, 7 * n)?)?,
        Val::EarlierThisWeek => {
            let monday = sub_days(a, a.weekday().num_days_from_monday() as i64)?;
            ResolvedDate::range(monday, a)
        }
        Val::RelMonth(n) => {
            let d = shift_months(a, n)?;
            ResolvedDate::month(d.year(), d.month())?
        }
        Val::RelYear(n) => ResolvedDate::year(a.year() + n)?,
        Val::Back { amount, unit } => ResolvedDate::range(before(a, amount, unit)?, a),
        Val::Ago { amount, unit } => {
            let d = before(a, amount, unit)?;
            match unit {
                Unit::Day => ResolvedDate::day(d),
                Unit::Week => week_of(d)?,
                Unit::Month => ResolvedDate::month(d.year(), d.month())?,
                Unit::Year => ResolvedDate::year(d.year())?,
            }
        }
        Val::Period {
            first_month,
            months,
            year,
            modifier,
        } => periods::resolve_period(first_month, months, year, modifier, a, tense)?,
        Val::RelQuarter(m) => periods::resolve_rel_quarter(
            match m {
                Modifier::Last => -1,
                Modifier::Next => 1,
                Modifier::This | Modifier::None => 0,
            },
            a,
        )?,
        Val::ShortDecade(tens) => periods::resolve_short_decade(tens, a)?,
        Val::Holiday { which, modifier } => {
            periods::resolve_holiday(which, modifier, a, FUTURE_BIAS)?
        }
        Val::Full(_)
        | Val::MonthYear { .. }
        | Val::Year(_)
        | Val::Decade(_)
        | Val::Century(_)
        | Val::Unresolvable => return None,
    })
}

/// How much further a future date may be than a past one and still be preferred: news looks
/// back more often than ahead, so a date 6 months ahead loses to one 6 months back.
const FUTURE_BIAS: f64 = 1.5;

/// The year that puts month-day closest to `a` (future distances weighted by
/// [`FUTURE_BIAS`]).
fn closest_year(a: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    closest_day(
        a,
        [a.year() - 1, a.year(), a.year() + 1]
            .iter()
            .filter_map(|&y| NaiveDate::from_ymd_opt(y, month, day)),
        FUTURE_BIAS,
    )
}

/// The candidate day closest to `a`, a day ahead counting `bias` times its distance.
fn closest_day(
    a: NaiveDate,
    days: impl IntoIterator<Item = NaiveDate>,
    bias: f64,
) -> Option<NaiveDate> {
    let cost = |d: &NaiveDate| {
        let n = (*d - a).num_days();
        if n > 0 {
            n as f64 * bias
        } else {
            -n as f64
        }
    };
    days.into_iter().min_by(|x, y| cost(x).total_cmp(&cost(y)))
}

fn add_days(a: NaiveDate, n: i64) -> Option<NaiveDate> {
    a.checked_add_days(Days::new(u64::try_from(n).ok()?))
}

fn sub_days(a: NaiveDate, n: i64) -> Option<NaiveDate> {
    a.checked_sub_days(Days::new(u64::try_from(n).ok()?))
}

fn shift_days(a: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        add_days(a, n)
    } else {
        sub_days(a, n.checked_neg()?)
    }
}

fn shift_months(a: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        a.checked_add_months(Months::new(n as u32))
    } else {
        a.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

fn before(a: NaiveDate, amount: u32, unit: Unit) -> Option<NaiveDate> {
    match unit {
        Unit::Day => sub_days(a, amount as i64),
        Unit::Week => sub_days(a, 7 * amount as i64),
        Unit::Month => a.checked_sub_months(Months::new(amount)),
        Unit::Year => a.checked_sub_months(Months::new(amount.checked_mul(12)?)),
    }
}

/// The calendar week (Monday to Sunday) containing `d`.
fn week_of(d: NaiveDate) -> Option<ResolvedDate> {
    let monday = sub_days(d, d.weekday().num_days_from_monday() as i64)?;
    Some(ResolvedDate::range(monday, add_days(monday, 6)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_dates_are_told_from_dates_counted_from_the_writing() {
        // Expressions of the bundled example's reports.
        for calendar in [
            "March",
            "April 1",
            "Tuesday morning (April 11)",
            "May 26 this year",
        ] {
            assert!(names_calendar_date(calendar), "{calendar}");
        }
        for relative in [
            "Last month",
            "Earlier this week",
            "Thursday",
            "the last few months",
        ] {
            assert!(!names_calendar_date(relative), "{relative}");
        }
    }

    fn values(s: &str, anchor: Option<NaiveDate>) -> Vec<(String, Option<String>)> {
        let a = DateAnchor {
            date: anchor,
            kind: if anchor.is_some() {
                AnchorKind::Document
            } else {
                AnchorKind::None
            },
        };
        scan(s, 0)
            .into_iter()
            .map(|f| {
                let (r, _) = resolve(&f.value, &a, f.tense);
                (s[f.start..f.end].to_string(), r.map(|r| r.value))
            })
            .collect()
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn month_day_takes_the_closest_year() {
        let a = d(2017, 4, 15);
        assert_eq!(
            values("on December 30 he left", a)[0].1.as_deref(),
            Some("2016-12-30")
        );
        assert_eq!(
            values("on May 26 it starts", a)[0].1.as_deref(),
            Some("2017-05-26")
        );
    }

    fn found(s: &str, anchor: Option<NaiveDate>) -> Vec<(&str, Option<String>)> {
        values(s, anchor)
            .into_iter()
            .map(|(e, v)| (&s[s.find(&e).unwrap_or(0)..][..e.len()], v))
            .collect()
    }

    #[test]
    fn quarters_and_halves() {
        let a = d(1989, 11, 2);
        // TimeBank wsj_0106 style sentences.
        assert_eq!(
            found(
                "Net income in the third quarter rose 12% to $4.4 million.",
                a
            ),
            [("the third quarter", Some("1989-07-01/1989-09-30".into()))]
        );
        assert_eq!(
            found("The company posted a third-quarter loss of $5 million.", a),
            [("third-quarter", Some("1989-07-01/1989-09-30".into()))]
        );
        assert_eq!(
            found("It will report third-quarter results next week.", a)[0],
            ("third-quarter", Some("1989-07-01/1989-09-30".into()))
        );
        assert_eq!(
            found("compared with the year-ago third quarter", a),
            [(
                "the year-ago third quarter",
                Some("1988-07-01/1988-09-30".into())
            )]
        );
        assert_eq!(
            found("a charge in the 1988 second quarter", a),
            [(
                "the 1988 second quarter",
                Some("1988-04-01/1988-06-30".into())
            )]
        );
        assert_eq!(
            found(
                "profit fell in the fourth quarter of last year",
                d(2017, 4, 15)
            ),
            [(
                "the fourth quarter of last year",
                Some("2016-10-01/2016-12-31".into())
            )]
        );
        assert_eq!(
            found("Sales rose in the first half of 2017.", None),
            [(
                "the first half of 2017",
                Some("2017-01-01/2017-06-30".into())
            )]
        );
        assert_eq!(
            found("Shipments in Q3 2016 were flat.", None),
            [("Q3 2016", Some("2016-07-01/2016-09-30".into()))]
        );
        assert_eq!(
            found("Earnings in the latest quarter fell 59%.", a),
            [("the latest quarter", Some("1989-07-01/1989-09-30".into()))]
        );
        // Without an anchor a year-less quarter is found but not resolved.
        assert_eq!(found("in the third quarter", None)[0].1, None);
        // A game's quarter, a match's half, a fiscal quarter: no dates.
        assert!(values("He scored 12 points in the third quarter.", a).is_empty());
        assert!(values("Chelsea led 2-0 in the first half.", a).is_empty());
        assert!(values("for the fiscal first quarter ended Sept. 30", a)
            .iter()
            .all(|(e, _)| !e.contains("quarter")));
        assert!(values("in the last quarter of the century", a).is_empty());
    }

    #[test]
    fn seasons() {
        let a = d(2013, 3, 22);
        // Platinum CNN_20130322_1003: "... since his death last summer".
        assert_eq!(
            found("since his death last summer", a),
            [("last summer", Some("2012-06-01/2012-08-31".into()))]
        );
        assert_eq!(
            found("Protests are planned this summer.", a),
            [("this summer", Some("2013-06-01/2013-08-31".into()))]
        );
        assert_eq!(
            found("in the winter of 1994", None),
            [("the winter of 1994", Some("1994-12-01/1995-02-28".into()))]
        );
        assert_eq!(
            found("The talks began in the spring.", d(2013, 1, 15)),
            [("the spring", Some("2012-03-01/2012-05-31".into()))]
        );
        assert_eq!(
            found("The vote will be held in the autumn.", a),
            [("the autumn", Some("2013-09-01/2013-11-30".into()))]
        );
        for s in [
            "a summer camp for children",
            "A winter storm closed roads.",
            "after the Arab Spring",
            "since the fall of the Berlin Wall",
            "Prices fall when demand drops.",
            "at the Summer Olympics",
            "Spring is here.",
        ] {
            assert!(values(s, a).is_empty(), "{s}: {:?}", values(s, a));
        }
    }

    #[test]
    fn decades_and_centuries() {
        let a = d(2017, 4, 15);
        assert_eq!(
            found("Crime fell in the 1990s.", a),
            [("the 1990s", Some("1990-01-01/1999-12-31".into()))]
        );
        assert_eq!(
            found("He held power in the late 1970s.", a),
            [("the late 1970s", Some("1970-01-01/1979-12-31".into()))]
        );
        assert_eq!(
            found("since the mid-1990s", a),
            [("the mid-1990s", Some("1990-01-01/1999-12-31".into()))]
        );
        assert_eq!(
            found("music of the '80s", a),
            [("the '80s", Some("1980-01-01/1989-12-31".into()))]
        );
        assert_eq!(
            found("the jazz of the twenties", a),
            [("the twenties", Some("1920-01-01/1929-12-31".into()))]
        );
        // Platinum nyt_20130321_women_senate: "for much of the 20th century".
        assert_eq!(
            found("they were for much of the 20th century", a),
            [("20th century", Some("1900-01-01/1999-12-31".into()))]
        );
        assert!(values("Both men are in their 80s.", a).is_empty());
        assert!(values("temperatures in the 90s", a)
            .iter()
            .all(|(_, v)| v.as_deref() != Some("2090-01-01/2099-12-31")));
    }

    #[test]
    fn no_false_dates_from_common_words() {
        let a = d(2017, 4, 15);
        for s in [
            "We may now see men aged 16-50 leave.",
            "Theresa May said the vote would go ahead.",
            "The Women's March drew crowds.",
            "They march on the capital now.",
            "April Smith told reporters.",
            "We now know what may happen.",
            "the Sunday Times reported",
            "about 2000 people",
        ] {
            assert!(values(s, a).is_empty(), "{s}: {:?}", values(s, a));
        }
        // A month name after a date preposition is a month.
        assert_eq!(
            found("They will march in May.", a),
            [("May", Some("2017-05".into()))]
        );
    }

    #[test]
    fn end_of_the_year() {
        assert_eq!(
            found("by the end of the year", d(1989, 10, 26)),
            [("the end of the year", Some("1989".into()))]
        );
    }

    #[test]
    fn holidays() {
        let a = d(2000, 1, 7);
        // AQUAINT APW20000210.0328 (DCT 2000-02-10): "... last Thanksgiving following a boat".
        assert_eq!(
            found(
                "since last Thanksgiving following a boat trip",
                d(2000, 2, 10)
            ),
            [("last Thanksgiving", Some("1999-11-25".into()))]
        );
        assert_eq!(
            found("He was arrested on Christmas Day.", a),
            [("Christmas Day", Some("1999-12-25".into()))]
        );
        assert_eq!(
            found("the parade on New Year's Eve", a),
            [("New Year's Eve", Some("1999-12-31".into()))]
        );
        assert_eq!(
            found("They met at Easter.", d(2017, 4, 20)),
            [("Easter", Some("2017-04-16".into()))]
        );
        assert!(values("They went Christmas shopping.", a).is_empty());
        assert!(values("for Christmas shopping", a).is_empty());
        assert!(values("Christmas is near.", a).is_empty());
    }

    #[test]
    fn day_before_a_colon_and_joined_years() {
        // AQUAINT NYT20000106.0007: "... says in an editorial on Thursday, Jan. 6:".
        assert_eq!(
            found(
                "says in an editorial on Thursday, Jan. 6: The",
                d(2000, 1, 6)
            ),
            [("Thursday, Jan. 6", Some("2000-01-06".into()))]
        );
        assert!(values("at 5:30 today", d(2000, 1, 6))
            .iter()
            .all(|(e, _)| e == "today"));
        // TimeBank wsj_0584: "... earnings by about 9% in both 1990 and 1991".
        assert_eq!(
            found("by about 9% in both 1990 and 1991 and", None),
            [("1990", Some("1990".into())), ("1991", Some("1991".into()))]
        );
        assert_eq!(
            found("bonds due 1993 and warrants", None),
            [("1993", Some("1993".into()))]
        );
    }

    #[test]
    fn parses_full_dates() {
        assert_eq!(parse_iso_or_textual_date("2017-04-15"), d(2017, 4, 15));
        assert_eq!(
            parse_iso_or_textual_date("2017-04-15T10:00:00Z"),
            d(2017, 4, 15)
        );
        assert_eq!(
            parse_iso_or_textual_date("LONDON, April 15, 2017 —"),
            d(2017, 4, 15)
        );
        assert_eq!(parse_iso_or_textual_date("15 April 2017"), d(2017, 4, 15));
        assert_eq!(parse_iso_or_textual_date("15/04/2017"), d(2017, 4, 15));
        assert_eq!(parse_iso_or_textual_date("04/15/2017"), d(2017, 4, 15));
        assert_eq!(parse_iso_or_textual_date("15.04.2017"), d(2017, 4, 15));
        assert_eq!(
            parse_iso_or_textual_date("Saturday, April 15, 2017"),
            d(2017, 4, 15)
        );
        assert_eq!(parse_iso_or_textual_date("04/05/2017"), None);
        assert_eq!(parse_iso_or_textual_date("April 15"), None);
        assert_eq!(parse_iso_or_textual_date(""), None);
    }
}
