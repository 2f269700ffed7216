//! News feeds: conditional-GET state and the entries already taken from each feed.

use std::collections::HashSet;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, OptionalExtension, Row, TransactionBehavior};
use serde::Serialize;

use crate::{sql, to_i64, to_usize, Store, StoreError};

/// How a feed's last check went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum FeedStatus {
    /// The feed was read; `new_entries` entries had not been seen before.
    Ok {
        /// Entries taken from the feed in that check.
        new_entries: usize,
    },
    /// The server answered `304 Not Modified`.
    NotModified,
    /// The feed could not be fetched or read.
    Error {
        /// Why, for a person to read.
        reason: String,
    },
}

/// What the store keeps about one feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeedState {
    /// The feed's URL (or absolute file path): its key.
    pub url: String,
    /// The feed's title, as last read.
    pub title: Option<String>,
    /// `ETag` of the last successful fetch, sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// `Last-Modified` of the last successful fetch, sent back as `If-Modified-Since`.
    pub last_modified: Option<String>,
    /// When the feed was last checked.
    pub last_checked: Option<DateTime<Utc>>,
    /// How the last check went.
    pub last_status: Option<FeedStatus>,
}

impl FeedState {
    /// The state of a feed never checked.
    pub fn new(url: &str) -> FeedState {
        FeedState {
            url: url.to_string(),
            title: None,
            etag: None,
            last_modified: None,
            last_checked: None,
            last_status: None,
        }
    }
}

const FEED_COLUMNS: &str =
    "url, title, etag, last_modified, last_checked, last_status, last_new, last_error";

type RawFeed = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
);

fn raw_feed(r: &Row<'_>) -> rusqlite::Result<RawFeed> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
    ))
}

fn feed_from_raw(raw: RawFeed) -> Result<FeedState, StoreError> {
    let (url, title, etag, last_modified, checked, status, new, error) = raw;
    let last_checked = match checked {
        Some(c) => Some(
            DateTime::parse_from_rfc3339(&c)
                .map_err(|_| {
                    StoreError::Corrupt(format!(
                        "last check time {c:?} of feed {url} is not an RFC 3339 time"
                    ))
                })?
                .with_timezone(&Utc),
        ),
        None => None,
    };
    let last_status = match status.as_deref() {
        None => None,
        Some("ok") => Some(FeedStatus::Ok {
            new_entries: to_usize(new.unwrap_or(0), "new entry count")?,
        }),
        Some("not_modified") => Some(FeedStatus::NotModified),
        Some("error") => Some(FeedStatus::Error {
            reason: error.unwrap_or_default(),
        }),
        Some(other) => {
            return Err(StoreError::Corrupt(format!(
                "status {other:?} of feed {url} is unknown"
            )))
        }
    };
    Ok(FeedState {
        url,
        title,
        etag,
        last_modified,
        last_checked,
        last_status,
    })
}

impl Store {
    /// The stored state of feed `url`, `None` for a feed never checked.
    pub fn feed_state(&self, url: &str) -> Result<Option<FeedState>, StoreError> {
        const OP: &str = "reading a feed's state";
        let raw = self
            .conn
            .query_row(
                &format!("SELECT {FEED_COLUMNS} FROM feeds WHERE url = ?1"),
                [url],
                raw_feed,
            )
            .optional()
            .map_err(sql(OP))?;
        raw.map(feed_from_raw).transpose()
    }

    /// Every feed ever checked, by URL.
    pub fn feeds(&self) -> Result<Vec<FeedState>, StoreError> {
        const OP: &str = "reading feeds";
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {FEED_COLUMNS} FROM feeds ORDER BY url"))
            .map_err(sql(OP))?;
        let raws = stmt
            .query_map([], raw_feed)
            .map_err(sql(OP))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(sql(OP))?;
        raws.into_iter().map(feed_from_raw).collect()
    }

    /// Which of `entries` (entry keys) of feed `feed` have been recorded as taken, by
    /// [`Store::record_feed_check`].
    pub fn seen_feed_entries(
        &self,
        feed: &str,
        entries: &[&str],
    ) -> Result<HashSet<String>, StoreError> {
        const OP: &str = "looking up feed entries";
        let mut stmt = self
            .conn
            .prepare("SELECT 1 FROM feed_entries WHERE feed = ?1 AND entry = ?2")
            .map_err(sql(OP))?;
        let mut seen = HashSet::new();
        for &entry in entries {
            if stmt.exists(params![feed, entry]).map_err(sql(OP))? {
                seen.insert(entry.to_string());
            }
        }
        Ok(seen)
    }

    /// Number of entries recorded as taken from feed `feed`.
    pub fn feed_entry_count(&self, feed: &str) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT COUNT(*) FROM feed_entries WHERE feed = ?1",
                [feed],
                |r| r.get(0),
            )
            .map_err(sql("counting feed entries"))?;
        to_usize(n, "feed entry count")
    }

    /// Records one check of a feed in ONE transaction: its new state (replacing the stored
    /// one whole, so keep the validators of the last successful fetch when a check fails
    /// or is not modified) and the keys of the entries taken from it in this check.
    /// Recording an entry already recorded changes nothing.
    ///
    /// Call it after the entries' documents are stored: an entry is then never marked
    /// taken without its document, and a crash in between only means the entries are read
    /// again next time (and their documents found already stored).
    pub fn record_feed_check(
        &mut self,
        state: &FeedState,
        taken: &[&str],
    ) -> Result<(), StoreError> {
        let checked = state.last_checked.unwrap_or_else(Utc::now);
        let checked_text = checked.to_rfc3339_opts(SecondsFormat::Secs, true);
        let (status, new, error) = match &state.last_status {
            None => (None, None, None),
            Some(FeedStatus::Ok { new_entries }) => (
                Some("ok"),
                Some(to_i64(*new_entries, "new entry count")?),
                None,
            ),
            Some(FeedStatus::NotModified) => (Some("not_modified"), None, None),
            Some(FeedStatus::Error { reason }) => (Some("error"), None, Some(reason.as_str())),
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql("starting a feed update"))?;
        tx.execute(
            "INSERT INTO feeds (url, title, etag, last_modified, last_checked, last_status, \
             last_new, last_error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
             ON CONFLICT(url) DO UPDATE SET title = excluded.title, etag = excluded.etag, \
             last_modified = excluded.last_modified, last_checked = excluded.last_checked, \
             last_status = excluded.last_status, last_new = excluded.last_new, \
             last_error = excluded.last_error",
            params![
                state.url,
                state.title,
                state.etag,
                state.last_modified,
                state.last_checked.map(|_| checked_text.as_str()),
                status,
                new,
                error
            ],
        )
        .map_err(sql("saving a feed's state"))?;
        {
            let mut insert = tx
                .prepare(
                    "INSERT OR IGNORE INTO feed_entries (feed, entry, first_seen) \
                     VALUES (?1, ?2, ?3)",
                )
                .map_err(sql("preparing the feed entry insert"))?;
            for entry in taken {
                insert
                    .execute(params![state.url, entry, checked_text])
                    .map_err(sql("recording a feed entry"))?;
            }
        }
        tx.commit().map_err(sql("committing a feed update"))
    }
}
