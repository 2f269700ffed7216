//! Value types shared by every stage of the Dossier pipeline.
//!
//! Data flows one way (ingest → text → reuse → stories → extract → claims → brief); the
//! types here are the ones more than one stage needs: a [`Document`] as ingest produces it,
//! byte [`Span`]s into a document's original text, and dates with their [`Precision`].

#![warn(missing_docs)]

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's original [`Document::text`].
///
/// Every item Dossier reports carries one, so a reader can go back to the exact sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers in `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// This span moved `offset` bytes to the right.
    pub fn shifted(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A single day: `2017-04-11`.
    Day,
    /// A month: `2017-03`.
    Month,
    /// A year: `2017`.
    Year,
    /// A stretch of time between two dates ("over the last few months").
    Range,
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Range => "range",
        })
    }
}

/// Where a document's published date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// A metadata field (JSONL `published`, an HTML meta tag).
    Metadata,
    /// A date line at the top of the text (`date 2017-04-15`, `LONDON, April 15, 2017 —`).
    DateLine,
    /// Not known. Dossier never guesses a publication date.
    Unknown,
}

/// Where a document came from on disk, for error messages and provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The file it was read from.
    pub path: String,
    /// The 1-based line (JSONL, Multi-News) or record number inside that file, if any.
    pub record: Option<usize>,
}

/// One news report, as ingest produces it.
///
/// `text` is the original text exactly as read (after decoding to UTF-8); all spans in the
/// pipeline are byte offsets into it. `body` is the part of `text` that is reporting: a
/// leading date line or metadata header is outside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the file stem, the JSONL `id`, or `<file>#<line>.<n>` for Multi-News.
    pub id: String,
    /// The outlet or source name, if known.
    pub source: Option<String>,
    /// The article's URL, if known.
    pub url: Option<String>,
    /// The headline, if known.
    pub title: Option<String>,
    /// Publication date, if known.
    pub published: Option<NaiveDate>,
    /// Where `published` came from.
    pub date_source: DateSource,
    /// ISO 639-1 language code; `en` unless the input says otherwise.
    pub language: String,
    /// The original text.
    pub text: String,
    /// The reporting part of `text`.
    pub body: Span,
    /// Input fields Dossier does not interpret, kept as they were (JSONL only).
    pub extra: serde_json::Map<String, serde_json::Value>,
    /// Where it was read from.
    pub origin: Origin,
}

impl Document {
    /// An English document whose whole text is its body, with no metadata: what a bare
    /// article text is before anything is known about it.
    pub fn plain(id: &str, text: &str) -> Document {
        Document {
            id: id.to_string(),
            source: None,
            url: None,
            title: None,
            published: None,
            date_source: DateSource::Unknown,
            language: "en".to_string(),
            text: text.to_string(),
            body: Span::new(0, text.len()),
            extra: serde_json::Map::new(),
            origin: Origin {
                path: format!("{id}.txt"),
                record: None,
            },
        }
    }

    /// The reporting part of the text.
    pub fn body_text(&self) -> &str {
        self.body.slice(&self.text)
    }

    /// Hash of the body text: two documents with the same hash are the same document
    /// (ingest stores it once).
    pub fn content_hash(&self) -> u64 {
        content_hash(self.body_text())
    }
}

/// The content hash Dossier uses for document identity (xxh3, 64 bits, of the body text).
pub fn content_hash(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.trim().as_bytes())
}

/// A date as Dossier reports it: the ISO value, how precise it is, and what it was
/// resolved against.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ResolvedDate {
    /// ISO 8601: `2017-04-11`, `2017-04`, `2017`, or `2017-01-01/2017-04-15` for a range.
    pub value: String,
    /// How precise `value` is.
    pub precision: Precision,
    /// First day covered (for sorting and ranges).
    pub start: NaiveDate,
    /// Last day covered.
    pub end: NaiveDate,
}

impl ResolvedDate {
    /// A single day.
    pub fn day(d: NaiveDate) -> Self {
        ResolvedDate {
            value: d.format("%Y-%m-%d").to_string(),
            precision: Precision::Day,
            start: d,
            end: d,
        }
    }

    /// A whole month.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        Some(ResolvedDate {
            value: format!("{year:04}-{month:02}"),
            precision: Precision::Month,
            start,
            end: next.pred_opt()?,
        })
    }

    /// A whole year.
    pub fn year(year: i32) -> Option<Self> {
        Some(ResolvedDate {
            value: format!("{year:04}"),
            precision: Precision::Year,
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// A range of days.
    pub fn range(start: NaiveDate, end: NaiveDate) -> Self {
        ResolvedDate {
            value: format!("{}/{}", start.format("%Y-%m-%d"), end.format("%Y-%m-%d")),
            precision: Precision::Range,
            start,
            end,
        }
    }
}

/// Disjoint sets over `0..n` (union by smaller root, path halving), for grouping copies and
/// claims.
#[derive(Debug, Clone)]
pub struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singleton sets.
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    /// The representative of `x`'s set (the smallest member joined so far).
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Puts `a` and `b` in one set.
    pub fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_covers_its_days() {
        let feb = ResolvedDate::month(2016, 2).unwrap();
        assert_eq!(feb.value, "2016-02");
        assert_eq!(feb.end, NaiveDate::from_ymd_opt(2016, 2, 29).unwrap());
        let dec = ResolvedDate::month(2017, 12).unwrap();
        assert_eq!(dec.end, NaiveDate::from_ymd_opt(2017, 12, 31).unwrap());
    }

    #[test]
    fn content_hash_ignores_surrounding_whitespace() {
        assert_eq!(
            content_hash("Peskov said.\n"),
            content_hash("  Peskov said.")
        );
        assert_ne!(content_hash("Peskov said."), content_hash("Peskov said!"));
    }
}
