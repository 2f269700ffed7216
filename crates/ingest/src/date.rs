//! Publication dates: metadata values and datelines.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use regex::{Captures, Regex};

/// Month names and abbreviations, case-insensitive, longest first.
const MONTH: &str = r"(?i:January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.?";
const WEEKDAY: &str = r"(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?\s+";

/// A full date: `April 15, 2017`, `15 April 2017`, `2017-04-15`.
fn full_date() -> String {
    format!(
        r"(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH}),?\s+(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<mo3>\d{{1,2}})-(?P<d3>\d{{1,2}}))\b"
    )
}

static WORDY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:{WEEKDAY})?{}$", full_date())).expect("valid regex")
});

/// A news dateline opening a paragraph: an optional place in capitals (`LONDON`,
/// `WASHINGTON, D.C.`, `Grozny` is not enough), an optional agency in brackets, then a full
/// date, then a dash, a colon or the end of the line.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let place = r"[A-Z][A-Z'’.\-]*(?:\s+[A-Z][A-Z'’.\-]*)*(?:,\s*[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*)*)?";
    let agency = r"\([^()\n]{1,40}\)";
    Regex::new(&format!(
        r"^(?:{place}\s*(?:{agency})?\s*[,:]?\s*)?(?:{WEEKDAY})?{date}\s*(?:{agency}\s*)?(?:/[^/\n]{{1,60}}/\s*)?(?:[—–―-]|:|$)",
        date = full_date()
    ))
    .expect("valid regex")
});

/// The month number of a month name or abbreviation.
fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    Some(match n.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// The date matched by [`full_date`] groups, if it is a real day.
fn date_from_captures(c: &Captures<'_>) -> Option<NaiveDate> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let (year, month, day) = if let Some(y) = c.name("y1") {
        (
            y.as_str(),
            month_number(c.name("m1")?.as_str())?,
            num("d1")?,
        )
    } else if let Some(y) = c.name("y2") {
        (
            y.as_str(),
            month_number(c.name("m2")?.as_str())?,
            num("d2")?,
        )
    } else {
        (c.name("y3")?.as_str(), num("mo3")?, num("d3")?)
    };
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day)
}

/// Parses a publication date as metadata gives it: `2017-04-15`, RFC 3339 / ISO date-times
/// (`2017-04-15T10:00:00Z`, `2017-04-15T10:00:00`), `2017-04-15 10:00:00`, RFC 2822
/// (`Sat, 15 Apr 2017 10:00:00 +0000`), or written out (`April 15, 2017`, `15 April 2017`).
///
/// A date-time with an offset gives the date where it was published (its own offset).
/// Anything else gives `None`: Dossier never guesses.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let s = value.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    for format in [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, format) {
            return Some(dt.date());
        }
    }
    for format in ["%Y-%m-%d %H:%M:%S%.f%:z", "%Y-%m-%d %H:%M:%S%.f %z"] {
        if let Ok(dt) = DateTime::parse_from_str(s, format) {
            return Some(dt.date_naive());
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    WORDY_DATE.captures(s).and_then(|c| date_from_captures(&c))
}

/// The date of a news dateline at the start of `line`, if it has a full date.
pub(crate) fn dateline(line: &str) -> Option<NaiveDate> {
    DATELINE.captures(line).and_then(|c| date_from_captures(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn metadata_dates() {
        assert_eq!(parse_date("2017-04-15"), ymd(2017, 4, 15));
        assert_eq!(parse_date(" 2017-04-15T10:00:00Z "), ymd(2017, 4, 15));
        assert_eq!(parse_date("2017-04-15T23:30:00-05:00"), ymd(2017, 4, 15));
        assert_eq!(parse_date("2017-04-15T10:00:00.123"), ymd(2017, 4, 15));
        assert_eq!(parse_date("2017-04-15 10:00:00"), ymd(2017, 4, 15));
        assert_eq!(
            parse_date("Sat, 15 Apr 2017 10:00:00 +0000"),
            ymd(2017, 4, 15)
        );
        assert_eq!(parse_date("April 15, 2017"), ymd(2017, 4, 15));
        assert_eq!(parse_date("15 April 2017"), ymd(2017, 4, 15));
        assert_eq!(parse_date("Saturday, April 15, 2017"), ymd(2017, 4, 15));
        assert_eq!(parse_date("last Tuesday"), None);
        assert_eq!(parse_date("2017-02-30"), None);
        assert_eq!(parse_date("April 15"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn datelines_with_full_dates() {
        assert_eq!(
            dateline("LONDON, April 15, 2017 — Protesters gathered"),
            ymd(2017, 4, 15)
        );
        assert_eq!(
            dateline("April 15, 2017 - Protesters gathered"),
            ymd(2017, 4, 15)
        );
        assert_eq!(
            dateline("MOSCOW (Reuters), April 15, 2017 - Officials said"),
            ymd(2017, 4, 15)
        );
        assert_eq!(
            dateline("WASHINGTON, D.C., Apr. 3, 2017 -- The State Department"),
            ymd(2017, 4, 3)
        );
        assert_eq!(
            dateline("GROZNY, Russia, 15 April 2017 — A spokesman"),
            ymd(2017, 4, 15)
        );
        assert_eq!(
            dateline("NEW YORK, 2017-04-15 (AP) — Officials"),
            ymd(2017, 4, 15)
        );
        assert_eq!(dateline("Saturday, April 15, 2017"), ymd(2017, 4, 15));
    }

    #[test]
    fn no_date_without_a_full_dateline() {
        // No year: never guess one.
        assert_eq!(dateline("MOSCOW, April 15 — Officials said"), None);
        assert_eq!(
            dateline("MOSCOW (Reuters) - Russia said on April 15, 2017 that"),
            None
        );
        // A date inside an ordinary sentence is not a dateline.
        assert_eq!(dateline("Officials said on April 15, 2017 - nothing"), None);
        assert_eq!(dateline("On April 15, 2017, officials said"), None);
        assert_eq!(dateline("April 15, 2017 was a Saturday"), None);
    }
}
