//! Periods longer than a month: quarters and halves of a year, seasons, decades, centuries.
//!
//! All resolve to day ranges (precision `range`):
//! - Quarters and halves are calendar ones: "the third quarter" → July 1 to September 30.
//!   "the third quarter of 2016", "the 1988 second quarter", "Q3 2016" carry their year
//!   (`absolute`); "this year's first quarter", "the fourth quarter of last year" take it from
//!   the anchor's; "the third quarter" / "third-quarter" alone are the most recent such quarter
//!   that began on or before the anchor (the first one not yet over when the clause speaks of
//!   the future); "last quarter" / "the latest quarter" / "the previous quarter" → the quarter
//!   before the anchor's, "this quarter" / "the current quarter" → the anchor's, "next
//!   quarter" → the one after. A fiscal quarter ("the fiscal first quarter") is not a calendar
//!   one and is left alone, as are halves without a year ("the first half" of a match) and
//!   year-less quarters in a sentence about a game ("scored", "touchdown", ...).
//! - Seasons are meteorological, northern hemisphere: spring March–May, summer June–August,
//!   autumn ("fall") September–November, winter December to February of the next year.
//!   "summer 2012", "the winter of 1994" are `absolute`; "last summer" is the latest one over
//!   before the anchor, "next summer" the first one starting after it, "this summer" the one
//!   the anchor is in or, failing that, the one of the anchor's year; "in the summer" by the
//!   tense of its clause like a month alone. A season word counts only after such a modifier
//!   or a date preposition ("in", "during", "since", ...), or with a year; "fall" only after
//!   "last"/"this"/"next"/"the" or with a year; never before a noun it modifies ("summer camp",
//!   "winter storm") or a capitalised word ("Summer Olympics"), never "the Arab Spring".
//! - Decades: "the 1990s", "1990's", "the mid-1990s", "the late 1970s" (the whole decade, as
//!   TimeML writes it) are `absolute`; "the '90s", "the nineties", "the 80s" are the latest such
//!   decade that began by the anchor's year (so the '20s are the 1920s in 2017).
//!   "in their 80s" (an age) is not a decade: two-digit and spelled decades need "the".
//! - Centuries: "the 20th century", "the nineteenth century", "21st-century" → 1900–1999,
//!   1800–1899, 2000–2099 (TimeML's `19`, `18`, `20`).

use chrono::{Datelike, Months, NaiveDate};
use dossier_core::ResolvedDate;

use super::lex::{adjacent, Tok, TokKind};
use super::{seq, year_at, Match, Modifier, Tense, Val};

/// Whose year a period is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// The text gives it.
    Given(i32),
    /// Years from the anchor's ("this year's", "of last year").
    Rel(i32),
    /// Not said: chosen by the modifier and tense.
    Unstated,
    /// The year before the one [`YearRef::Unstated`] would give ("the year-ago third
    /// quarter").
    YearBefore,
}

/// Words after a season that make it a modifier of a noun ("summer camp"), not a date.
const SEASON_NOUNS: &[&str] = &[
    "storm",
    "storms",
    "camp",
    "camps",
    "olympics",
    "games",
    "break",
    "session",
    "vacation",
    "vacations",
    "holiday",
    "holidays",
    "sale",
    "sales",
    "weather",
    "wheat",
    "crop",
    "crops",
    "training",
    "collection",
    "festival",
    "solstice",
    "equinox",
    "school",
    "term",
    "semester",
    "fashion",
    "palace",
    "heat",
    "tires",
    "coat",
    "coats",
    "clothes",
    "months",
    "season",
    "time",
    "offensive",
    "recess",
    "home",
    "house",
    "residence",
    "league",
    "series",
    "tour",
    "blockbuster",
    "blockbusters",
    "movie",
    "movies",
    "job",
    "jobs",
    "intern",
    "interns",
    "internship",
    "program",
    "programme",
    "meeting",
    "meetings",
    "fuel",
    "road",
    "roads",
    "lake",
];

/// Words in a sentence that make "the third quarter" part of a game, not of a year.
const SPORTS_CUES: &[&str] = &[
    "scored",
    "scoring",
    "touchdown",
    "touchdowns",
    "basket",
    "baskets",
    "quarterback",
    "rebounds",
    "halftime",
    "overtime",
    "game",
    "goals",
    "inning",
    "innings",
    "playoff",
    "playoffs",
];

/// Prepositions before a season word that make it a date.
const SEASON_TRIGGERS: &[&str] = &[
    "in",
    "during",
    "since",
    "until",
    "till",
    "by",
    "over",
    "through",
    "throughout",
    "before",
    "after",
    "from",
    "this",
    "that",
    "last",
    "next",
    "past",
    "coming",
    "early",
    "late",
    "mid",
];

/// After "early" / "mid" / "mid-" / "late" at `j`, if there.
fn after_part_word(toks: &[Tok<'_>], j: usize) -> usize {
    if !toks
        .get(j)
        .is_some_and(|t| t.is_any(&["early", "mid", "late"]))
    {
        return j;
    }
    if toks
        .get(j + 1)
        .is_some_and(|d| d.is_punct('-') && adjacent(&toks[j], d))
    {
        j + 2
    } else {
        j + 1
    }
}

fn season_at(t: &Tok<'_>) -> Option<u32> {
    if t.kind != TokKind::Word {
        return None;
    }
    match t.lower().as_str() {
        "spring" => Some(3),
        "summer" => Some(6),
        "autumn" | "fall" => Some(9),
        "winter" => Some(12),
        _ => None,
    }
}

fn ordinal_at(toks: &[Tok<'_>], i: usize) -> Option<(u32, usize)> {
    let t = toks.get(i)?;
    let n = match t.kind {
        TokKind::Mixed => {
            let digits = t.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = t.text[digits.len()..].to_ascii_lowercase();
            if digits.is_empty()
                || digits.len() > 2
                || !["st", "nd", "rd", "th"].contains(&suffix.as_str())
            {
                return None;
            }
            digits.parse().ok()?
        }
        TokKind::Word => {
            let l = t.lower();
            if l == "twenty" || l == "twenty-first" {
                // "twenty-first" is lexed "twenty", "-", "first".
                if toks.get(i + 1).is_some_and(|d| d.is_punct('-'))
                    && toks.get(i + 2).is_some_and(|f| f.is("first"))
                {
                    return Some((21, i + 3));
                }
                return None;
            }
            const WORDS: [&str; 20] = [
                "first",
                "second",
                "third",
                "fourth",
                "fifth",
                "sixth",
                "seventh",
                "eighth",
                "ninth",
                "tenth",
                "eleventh",
                "twelfth",
                "thirteenth",
                "fourteenth",
                "fifteenth",
                "sixteenth",
                "seventeenth",
                "eighteenth",
                "nineteenth",
                "twentieth",
            ];
            WORDS.iter().position(|w| *w == l)? as u32 + 1
        }
        _ => return None,
    };
    Some((n, i + 1))
}

/// "of 2016", "of this year", "of last year", "2016" (after a season: "summer 2016") →
/// (year, next index).
fn year_after(toks: &[Tok<'_>], i: usize, bare: bool) -> Option<(YearRef, usize)> {
    let k = if toks.get(i).is_some_and(|t| t.is("of")) {
        i + 1
    } else if bare {
        i
    } else {
        return None;
    };
    if let Some((y, e)) = year_at(toks, k) {
        // "summer 2000 people" is not a date.
        if toks.get(e).is_some_and(|n| {
            n.kind == TokKind::Word && !n.is_capitalised() && k == i && !n.is_any(&["and", "or"])
        }) {
            return None;
        }
        return Some((YearRef::Given(y), e));
    }
    if k == i + 1 {
        if let Some(e) = seq(toks, k, &["the", "year"]) {
            return Some((YearRef::Rel(0), e));
        }
        if let Some((off, e)) = super::rel_year_words(toks, k) {
            return Some((YearRef::Rel(off), e));
        }
    }
    None
}

/// "this year's" / "last year's" / "next year's" / "2016's" before a period.
fn year_before(toks: &[Tok<'_>], i: usize) -> Option<(YearRef, usize)> {
    let apostrophe_s = |k: usize| {
        toks.get(k)
            .is_some_and(|a| a.is_punct('\'') || a.is_punct('’'))
            && toks.get(k + 1).is_some_and(|s| s.is("s"))
    };
    if let Some((y, e)) = year_at(toks, i) {
        if apostrophe_s(e) {
            return Some((YearRef::Given(y), e + 2));
        }
        // "the 1988 second quarter"
        return Some((YearRef::Given(y), e));
    }
    let (off, e) = super::rel_year_words(toks, i)?;
    if apostrophe_s(e) {
        return Some((YearRef::Rel(off), e + 2));
    }
    None
}

fn sentence_has(toks: &[Tok<'_>], words: &[&str]) -> bool {
    toks.iter().any(|t| t.is_any(words))
}

/// Quarters and halves: "the third quarter", "third-quarter", "the third quarter of 2016",
/// "the 1988 second quarter", "this year's first quarter", "the first half of 2017",
/// "the last half of 1989", "Q3 2016", "last quarter", "the current quarter".
pub(super) fn quarter(toks: &[Tok<'_>], i: usize) -> Match {
    let t = toks.get(i)?;
    if i > 0 && toks[i - 1].is("fiscal") {
        return None;
    }
    // "Q3 2016", "2016 Q3", "in Q3".
    if let Some(q) = q_token(t) {
        if let Some((y, e)) = year_at(toks, i + 1) {
            return Some((e, quarter_val(q, 3, YearRef::Given(y), Modifier::None)));
        }
        let triggered = i > 0 && toks[i - 1].is_any(&["in", "during", "for", "by", "since"]);
        return triggered.then(|| (i + 1, quarter_val(q, 3, YearRef::Unstated, Modifier::None)));
    }
    if let Some((y, e)) = year_at(toks, i) {
        if let Some(q) = toks.get(e).and_then(q_token) {
            return Some((e + 1, quarter_val(q, 3, YearRef::Given(y), Modifier::None)));
        }
    }
    let mut j = i;
    let has_the = t.is("the");
    if has_the {
        j += 1;
    }
    // "the 1988 second quarter", "this year's third quarter", "the year-ago third quarter"
    let (mut year, k) = match year_before(toks, j) {
        Some((y, e)) if !(has_the && matches!(y, YearRef::Rel(_))) => (y, e),
        _ => match seq(toks, j, &["year"]) {
            Some(e)
                if toks.get(e).is_some_and(|d| d.is_punct('-'))
                    && toks
                        .get(e + 1)
                        .is_some_and(|w| w.is_any(&["ago", "earlier"])) =>
            {
                (YearRef::YearBefore, e + 2)
            }
            _ => (YearRef::Unstated, j),
        },
    };
    // The period's modifier or ordinal.
    let w = toks.get(k)?;
    let (part, modifier, after_ord) = if let Some((n, e)) = ordinal_at(toks, k) {
        (Some(n), Modifier::None, e)
    } else if w.is_any(&["last", "latest", "previous", "past"]) {
        (None, Modifier::Last, k + 1)
    } else if w.is_any(&["this", "current"]) {
        (None, Modifier::This, k + 1)
    } else if w.is_any(&["next", "coming"]) {
        (None, Modifier::Next, k + 1)
    } else {
        return None;
    };
    if toks.get(after_ord)?.is("fiscal") {
        return None;
    }
    // "third-quarter" as an adjective: the span is the adjective alone.
    let hyphen = toks
        .get(after_ord)
        .is_some_and(|d| d.is_punct('-') && adjacent(&toks[after_ord - 1], d) && part.is_some());
    let noun_at = if hyphen { after_ord + 1 } else { after_ord };
    let noun = toks.get(noun_at)?;
    let months = if noun.is("quarter") {
        3
    } else if noun.is("half") && !hyphen {
        6
    } else {
        return None;
    };
    if hyphen && has_the && year != YearRef::YearBefore {
        // Start the match at the adjective itself (the caller moves on).
        return None;
    }
    let mut end = noun_at + 1;
    if year == YearRef::Unstated {
        if let Some((y, e)) = year_after(toks, end, false) {
            year = y;
            end = e;
        } else if toks.get(end).is_some_and(|n| n.is("of")) {
            // "the last quarter of the century", "the first half of the game".
            return None;
        }
    }
    let part = match (part, modifier) {
        (Some(n), _) => {
            let parts = 12 / months;
            if n == 0 || n > parts {
                return None;
            }
            n
        }
        // "the last quarter of 2016" is its fourth; "the last half of 1989" its second.
        (None, Modifier::Last) if year != YearRef::Unstated => 12 / months,
        (None, _) if months == 6 => return None,
        (None, _) if year != YearRef::Unstated => return None,
        (None, m) => {
            if !has_the && m == Modifier::Last && !w.is("last") {
                // "past quarter" / "latest quarter" need "the".
                return None;
            }
            if toks.get(end).is_some_and(|n| n.is("century")) || sentence_has(toks, SPORTS_CUES) {
                return None;
            }
            return Some((end, Val::RelQuarter(m)));
        }
    };
    if matches!(year, YearRef::Unstated | YearRef::YearBefore)
        && (months == 6 || sentence_has(toks, SPORTS_CUES))
    {
        return None;
    }
    Some((end, quarter_val(part, months, year, Modifier::None)))
}

fn q_token(t: &Tok<'_>) -> Option<u32> {
    let b = t.text.as_bytes();
    (t.kind == TokKind::Word && b.len() == 2 && b[0] == b'Q' && (b'1'..=b'4').contains(&b[1]))
        .then(|| u32::from(b[1] - b'0'))
}

fn quarter_val(part: u32, months: u32, year: YearRef, modifier: Modifier) -> Val {
    Val::Period {
        first_month: (part - 1) * months + 1,
        months,
        year,
        modifier,
    }
}

/// Seasons: "last summer", "this past spring", "summer 2012", "the winter of 1994",
/// "in the summer", "this fall".
pub(super) fn season(toks: &[Tok<'_>], i: usize) -> Match {
    let t = toks.get(i)?;
    let mut j = i;
    let mut modifier = Modifier::None;
    if seq(toks, i, &["this", "past"]).is_some() {
        modifier = Modifier::Last;
        j += 2;
    } else if t.is_any(&["last", "past"]) {
        modifier = Modifier::Last;
        j += 1;
    } else if t.is_any(&["next", "coming"]) {
        modifier = Modifier::Next;
        j += 1;
    } else if t.is("this") {
        modifier = Modifier::This;
        j += 1;
    }
    let has_the = modifier == Modifier::None && t.is("the");
    if has_the {
        j = after_part_word(toks, j + 1);
    }
    let w = toks.get(j)?;
    let first_month = season_at(w)?;
    let mut end = j + 1;
    let mut year = YearRef::Unstated;
    if let Some((y, e)) = year_after(toks, end, true) {
        year = y;
        end = e;
    }
    let next = toks.get(end);
    // "summer camp", "winter storm", "Summer Olympics", "the spring of discontent".
    if next.is_some_and(|n| {
        n.is_any(SEASON_NOUNS) || (n.is_capitalised() && year == YearRef::Unstated) || n.is("of")
    }) || next.is_some_and(|n| n.is_punct('-') && adjacent(&toks[end - 1], n))
    {
        return None;
    }
    if year == YearRef::Unstated && modifier == Modifier::None {
        let before = if has_the { i } else { j };
        let prev = before.checked_sub(1).map(|p| &toks[p]);
        let triggered = prev.is_some_and(|p| p.is_any(SEASON_TRIGGERS));
        // "fall" alone is too often the verb or "the fall of ...".
        if !triggered || (w.is("fall") && !has_the) {
            return None;
        }
    } else if modifier == Modifier::None && !has_the && w.is_capitalised() && i > 0 {
        // "Prague Spring 1968"
        if toks[i - 1].is_capitalised() {
            return None;
        }
    }
    Some((
        end,
        Val::Period {
            first_month,
            months: 3,
            year,
            modifier,
        },
    ))
}

/// Decades: "the 1990s", "1990's", "the mid-1990s", "the late 1970s", "the '90s",
/// "the nineties", "the 80s".
pub(super) fn decade(toks: &[Tok<'_>], i: usize) -> Match {
    let mut j = i;
    let has_the = toks.get(j)?.is("the");
    if has_the {
        j += 1;
    }
    j = after_part_word(toks, j);
    let t = toks.get(j)?;
    // "1990s"
    if t.kind == TokKind::Mixed {
        let digits = t.text.trim_end_matches(['s', 'S']);
        if digits.len() + 1 == t.text.len() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let n: i32 = digits.parse().ok()?;
            if digits.len() == 4 && n % 10 == 0 && (1000..=2090).contains(&n) {
                return Some((j + 1, Val::Decade(n)));
            }
            if digits.len() == 2 && n % 10 == 0 && has_the {
                return Some((j + 1, Val::ShortDecade(n)));
            }
        }
        return None;
    }
    // "1990's"
    if let Some((y, e)) = year_at(toks, j) {
        let apostrophe = toks
            .get(e)
            .is_some_and(|a| (a.is_punct('\'') || a.is_punct('’')) && adjacent(t, a));
        if apostrophe
            && toks
                .get(e + 1)
                .is_some_and(|s| s.is("s") && adjacent(&toks[e], s))
            && y % 10 == 0
        {
            return Some((e + 2, Val::Decade(y)));
        }
        return None;
    }
    // "the '90s"
    if (t.is_punct('\'') || t.is_punct('’')) && has_the {
        let n = toks.get(j + 1)?;
        if n.kind == TokKind::Mixed && adjacent(t, n) {
            let digits = n.text.trim_end_matches(['s', 'S']);
            if digits.len() == 2 && n.text.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit())
            {
                let v: i32 = digits.parse().ok()?;
                if v % 10 == 0 {
                    return Some((j + 2, Val::ShortDecade(v)));
                }
            }
        }
        return None;
    }
    // "the nineties"
    if has_the && t.kind == TokKind::Word {
        const TENS: [&str; 8] = [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ];
        let p = TENS.iter().position(|w| *w == t.lower())? as i32;
        return Some((j + 1, Val::ShortDecade((p + 2) * 10)));
    }
    None
}

/// Centuries: "20th century", "nineteenth century", "21st-century".
pub(super) fn century(toks: &[Tok<'_>], i: usize) -> Match {
    // The span leaves "the" out, as TempEval's annotators mostly did ("the 20th century").
    let (n, e) = ordinal_at(toks, i)?;
    let mut k = e;
    if toks
        .get(k)
        .is_some_and(|d| d.is_punct('-') && adjacent(&toks[k - 1], d))
    {
        k += 1;
    }
    if !toks.get(k)?.is_any(&["century", "centuries"]) || !(1..=30).contains(&n) {
        return None;
    }
    Some((k + 1, Val::Century((n as i32 - 1) * 100)))
}

/// The day range of a period of `months` months starting `first_month` of `year`.
fn period_range(year: i32, first_month: u32, months: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, first_month, 1)?;
    let end = start.checked_add_months(Months::new(months))?.pred_opt()?;
    Some((start, end))
}

/// Resolves a quarter, half or season against the anchor `a`.
pub(super) fn resolve_period(
    first_month: u32,
    months: u32,
    year: YearRef,
    modifier: Modifier,
    a: NaiveDate,
    tense: Tense,
) -> Option<ResolvedDate> {
    let range = |y: i32| period_range(y, first_month, months);
    let (s, e) = match year {
        YearRef::Given(y) => range(y)?,
        YearRef::Rel(n) => range(a.year().checked_add(n)?)?,
        YearRef::YearBefore => {
            let (s, _) = resolve_unstated(first_month, months, Modifier::None, a, Tense::Unknown)?;
            range(s.year() - 1)?
        }
        YearRef::Unstated => resolve_unstated(first_month, months, modifier, a, tense)?,
    };
    Some(ResolvedDate::range(s, e))
}

/// A quarter, half or season without a year: by the modifier; without one, a quarter is the
/// latest that began by the anchor (reports look back at quarters) and a season by the tense
/// (the latest begun, or the first not over when the clause speaks of the future).
fn resolve_unstated(
    first_month: u32,
    months: u32,
    modifier: Modifier,
    a: NaiveDate,
    tense: Tense,
) -> Option<(NaiveDate, NaiveDate)> {
    let is_quarter = months == 3 && (first_month - 1).is_multiple_of(3);
    let candidates: Vec<(NaiveDate, NaiveDate)> = (a.year() - 2..=a.year() + 1)
        .filter_map(|y| period_range(y, first_month, months))
        .collect();
    let latest_started = || candidates.iter().rev().find(|(s, _)| *s <= a).copied();
    let first_not_over = || candidates.iter().find(|(_, e)| *e >= a).copied();
    match modifier {
        Modifier::Last => candidates.iter().rev().find(|(_, e)| *e < a).copied(),
        Modifier::Next => candidates.iter().find(|(s, _)| *s > a).copied(),
        Modifier::This => candidates
            .iter()
            .find(|(s, e)| *s <= a && a <= *e)
            .or_else(|| candidates.iter().find(|(s, _)| s.year() == a.year()))
            .copied(),
        Modifier::None => match tense {
            Tense::Future if !is_quarter => first_not_over(),
            _ => latest_started(),
        },
    }
}

/// The quarter `n` quarters from the anchor's.
pub(super) fn resolve_rel_quarter(n: i32, a: NaiveDate) -> Option<ResolvedDate> {
    let first = NaiveDate::from_ymd_opt(a.year(), (a.month() - 1) / 3 * 3 + 1, 1)?;
    let start = if n >= 0 {
        first.checked_add_months(Months::new(3 * n as u32))?
    } else {
        first.checked_sub_months(Months::new(3 * n.unsigned_abs()))?
    };
    let (s, e) = period_range(start.year(), start.month(), 3)?;
    Some(ResolvedDate::range(s, e))
}

/// A decade or century from its first year.
pub(super) fn years_range(first: i32, years: i32) -> Option<ResolvedDate> {
    Some(ResolvedDate::range(
        NaiveDate::from_ymd_opt(first, 1, 1)?,
        NaiveDate::from_ymd_opt(first.checked_add(years - 1)?, 12, 31)?,
    ))
}

/// "the '90s" / "the nineties": the latest such decade that began by the anchor's year.
pub(super) fn resolve_short_decade(tens: i32, a: NaiveDate) -> Option<ResolvedDate> {
    let century = a.year().div_euclid(100) * 100;
    let mut first = century + tens;
    if first > a.year() {
        first -= 100;
    }
    years_range(first, 10)
}

/// A holiday: a fixed day of the year, US Thanksgiving (the fourth Thursday of November) or
/// Easter Sunday (Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    Fixed(u32, u32),
    Thanksgiving,
    Easter,
}

impl Holiday {
    fn in_year(self, y: i32) -> Option<NaiveDate> {
        match self {
            Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
            Holiday::Thanksgiving => {
                NaiveDate::from_weekday_of_month_opt(y, 11, chrono::Weekday::Thu, 4)
            }
            Holiday::Easter => {
                // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
                let (a, b, c) = (y % 19, y / 100, y % 100);
                let (d, e) = (b / 4, b % 4);
                let f = (b + 8) / 25;
                let g = (b - f + 1) / 3;
                let h = (19 * a + b - d - g + 15) % 30;
                let (i, k) = (c / 4, c % 4);
                let l = (32 + 2 * e + 2 * i - h - k) % 7;
                let m = (a + 11 * h + 22 * l) / 451;
                let month = (h + l - 7 * m + 114) / 31;
                let day = (h + l - 7 * m + 114) % 31 + 1;
                NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
            }
        }
    }
}

/// Words before a holiday name that make it a date ("at Christmas", "last Thanksgiving").
const HOLIDAY_TRIGGERS: &[&str] = &[
    "on", "at", "by", "before", "after", "since", "until", "till", "over", "around", "during",
    "for", "last", "next", "this", "until",
];

/// Holidays: "Christmas Day", "Christmas Eve", "New Year's Day", "New Year's Eve",
/// "Valentine's Day", "Halloween", "Thanksgiving (Day)", "Easter (Sunday)"; a bare
/// "Christmas", "Thanksgiving", "Easter" or "Halloween" only after last/next/this or after a
/// date preposition and not before a lower-case noun ("at Christmas", not "for Christmas
/// shopping").
pub(super) fn holiday(toks: &[Tok<'_>], i: usize) -> Match {
    let t = toks.get(i)?;
    let (modifier, j) = if t.is_any(&["last", "past"]) {
        (Modifier::Last, i + 1)
    } else if t.is_any(&["next", "coming"]) {
        (Modifier::Next, i + 1)
    } else if t.is("this") {
        (Modifier::This, i + 1)
    } else {
        (Modifier::None, i)
    };
    let w = toks.get(j)?;
    if !w.is_capitalised() {
        return None;
    }
    let possessive_day = |k: usize| {
        toks.get(k)
            .is_some_and(|a| a.is_punct('\'') || a.is_punct('’'))
            && toks.get(k + 1).is_some_and(|s| s.is("s"))
            && toks
                .get(k + 2)
                .is_some_and(|d| d.text == "Day" || d.text == "Eve")
    };
    let (which, end, named_day) = match w.text {
        "Christmas" => match toks.get(j + 1).map(|n| n.text) {
            Some("Day") => (Holiday::Fixed(12, 25), j + 2, true),
            Some("Eve") => (Holiday::Fixed(12, 24), j + 2, true),
            _ => (Holiday::Fixed(12, 25), j + 1, false),
        },
        "New" if toks.get(j + 1).is_some_and(|y| y.text == "Year") && possessive_day(j + 2) => {
            let eve = toks[j + 4].text == "Eve";
            let h = if eve {
                Holiday::Fixed(12, 31)
            } else {
                Holiday::Fixed(1, 1)
            };
            (h, j + 5, true)
        }
        "Valentine" if possessive_day(j + 1) && toks[j + 3].text == "Day" => {
            (Holiday::Fixed(2, 14), j + 4, true)
        }
        "Halloween" => (Holiday::Fixed(10, 31), j + 1, false),
        "Thanksgiving" => match toks.get(j + 1).map(|n| n.text) {
            Some("Day") => (Holiday::Thanksgiving, j + 2, true),
            _ => (Holiday::Thanksgiving, j + 1, false),
        },
        "Easter" => match toks.get(j + 1).map(|n| n.text) {
            Some("Sunday") => (Holiday::Easter, j + 2, true),
            _ => (Holiday::Easter, j + 1, false),
        },
        _ => return None,
    };
    if !named_day {
        let triggered =
            modifier != Modifier::None || (i > 0 && toks[i - 1].is_any(HOLIDAY_TRIGGERS));
        let noun_next = toks.get(end).is_some_and(|n| {
            n.kind == TokKind::Word
                && !n.is_capitalised()
                && !n.is_any(&[
                    "and", "or", "when", "as", "to", "in", "on", "at", "the", "this", "last",
                    "next", "he", "she", "they", "we", "i", "it", "is", "was", "will",
                ])
        });
        if !triggered || (noun_next && modifier == Modifier::None) {
            return None;
        }
    }
    Some((end, Val::Holiday { which, modifier }))
}

/// Resolves a holiday against the anchor: by its modifier, else the closest occurrence (one
/// ahead counting `bias` times its distance).
pub(super) fn resolve_holiday(
    which: Holiday,
    modifier: Modifier,
    a: NaiveDate,
    bias: f64,
) -> Option<ResolvedDate> {
    let days: Vec<NaiveDate> = (a.year() - 1..=a.year() + 1)
        .filter_map(|y| which.in_year(y))
        .collect();
    let d = match modifier {
        Modifier::Last => days.iter().rev().find(|d| **d < a).copied(),
        Modifier::Next => days.iter().find(|d| **d > a).copied(),
        Modifier::This => days.iter().find(|d| d.year() == a.year()).copied(),
        Modifier::None => super::closest_day(a, days.iter().copied(), bias),
    }?;
    Some(ResolvedDate::day(d))
}
