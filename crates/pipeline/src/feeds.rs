//! From news feeds to stored documents and stories.

use chrono::Utc;
use dossier_core::Document;
use dossier_feeds::{parse_feed, FeedError, FeedResponse, FeedSource, Fetcher, Validators};
use dossier_ingest::Rejection;
use dossier_store::{FeedState, FeedStatus, Store};

use crate::{IngestSummary, Ingester, PipelineError};

/// How feeds are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FeedOptions {
    /// Fetch the page each summary-only entry links to and take its article text (read
    /// with [`dossier_web::extract_article`]) instead of the summary.
    pub fetch_pages: bool,
}

/// What one check of one feed did.
#[derive(Debug)]
pub struct FeedReport {
    /// The feed, as given.
    pub feed: String,
    /// What happened.
    pub outcome: FeedOutcome,
}

/// How a feed check went.
#[derive(Debug)]
pub enum FeedOutcome {
    /// The server said `304 Not Modified`: nothing was read.
    NotModified,
    /// The feed was read and its new entries ingested.
    Read {
        /// Entries in the feed.
        entries: usize,
        /// Entries not taken from this feed before (ingested now, or rejected).
        new_entries: usize,
        /// What ingesting the new entries did; entries without text are its rejections.
        summary: IngestSummary,
        /// Linked pages that could not be read (`fetch_pages`); those entries kept their
        /// summary.
        page_failures: Vec<PageFailure>,
    },
    /// The feed could not be fetched or parsed. Its stored state records the failure and
    /// keeps the validators of the last successful fetch.
    Failed(FeedError),
}

impl FeedOutcome {
    /// True when the feed failed or some of its entries were rejected.
    pub fn has_problems(&self) -> bool {
        match self {
            FeedOutcome::NotModified => false,
            FeedOutcome::Read { summary, .. } => !summary.rejections.is_empty(),
            FeedOutcome::Failed(_) => true,
        }
    }
}

/// A linked page that could not be read for an entry.
#[derive(Debug)]
pub struct PageFailure {
    /// The entry's 1-based position in the feed.
    pub record: usize,
    /// The entry's key (guid or link).
    pub entry: String,
    /// Why the page could not be read.
    pub error: FeedError,
}

/// Checks one feed: fetches it (conditionally, with the validators stored from its last
/// successful fetch), ingests the entries not taken from it before, and records the
/// feed's new state and the entries taken, in that order, so an entry is never marked
/// taken before its document is stored.
///
/// A feed that cannot be fetched or parsed is not an error here: it is reported as
/// [`FeedOutcome::Failed`] (and recorded in the store), so that callers go on with other
/// feeds. Errors are the store's.
pub fn check_feed(
    store: &mut Store,
    ingester: &mut Ingester,
    fetcher: &mut Fetcher,
    source: &FeedSource,
    options: FeedOptions,
) -> Result<FeedReport, PipelineError> {
    let key = source.key();
    let shown = source.to_string();
    let mut state = store
        .feed_state(&key)?
        .unwrap_or_else(|| FeedState::new(&key));
    let validators = Validators {
        etag: state.etag.clone(),
        last_modified: state.last_modified.clone(),
    };
    state.last_checked = Some(Utc::now());

    let fetched = fetcher
        .fetch_feed(source, &validators)
        .and_then(|r| match r {
            FeedResponse::NotModified => Ok(None),
            FeedResponse::Body(body) => {
                let parsed = parse_feed(source, &body.bytes, body.url.as_deref())?;
                Ok(Some((body.validators, parsed)))
            }
        });
    let (new_validators, parsed) = match fetched {
        Err(error) => {
            state.last_status = Some(FeedStatus::Error {
                reason: error.to_string(),
            });
            store.record_feed_check(&state, &[])?;
            return Ok(FeedReport {
                feed: shown,
                outcome: FeedOutcome::Failed(error),
            });
        }
        Ok(None) => {
            state.last_status = Some(FeedStatus::NotModified);
            store.record_feed_check(&state, &[])?;
            return Ok(FeedReport {
                feed: shown,
                outcome: FeedOutcome::NotModified,
            });
        }
        Ok(Some(found)) => found,
    };

    let keys: Vec<&str> = parsed.entries.iter().map(|e| e.key.as_str()).collect();
    let seen = store.seen_feed_entries(&parsed.feed, &keys)?;
    let mut page_failures = Vec::new();
    let mut items: Vec<Result<Document, Rejection>> = Vec::new();
    let mut taken = Vec::new();
    for entry in parsed.entries.iter().filter(|e| !seen.contains(&e.key)) {
        let mut entry = entry.clone();
        if options.fetch_pages && entry.wants_page() {
            if let Some(url) = entry.url.clone() {
                match read_page(fetcher, &url) {
                    Ok(article) => entry.use_page(article),
                    Err(error) => page_failures.push(PageFailure {
                        record: entry.record,
                        entry: entry.key.clone(),
                        error,
                    }),
                }
            }
        }
        match parsed.document(&entry) {
            Ok(doc) => {
                taken.push(entry.key.clone());
                items.push(Ok(doc));
            }
            Err(e) => items.push(Err(Rejection::new(shown.clone(), Some(entry.record), e))),
        }
    }
    let new_entries = items.len();
    let summary = ingester.ingest(store, items, &mut |_| {})?;

    state.title = parsed.title.clone();
    state.etag = new_validators.etag;
    state.last_modified = new_validators.last_modified;
    state.last_status = Some(FeedStatus::Ok {
        new_entries: taken.len(),
    });
    let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
    store.record_feed_check(&state, &taken)?;
    Ok(FeedReport {
        feed: shown,
        outcome: FeedOutcome::Read {
            entries: parsed.entries.len(),
            new_entries,
            summary,
            page_failures,
        },
    })
}

/// Fetches and reads the article of a linked page.
fn read_page(fetcher: &mut Fetcher, url: &str) -> Result<dossier_web::Article, FeedError> {
    let page = fetcher.fetch_page(url)?;
    dossier_web::extract_article(&page.bytes, Some(&page.url), page.charset.as_deref()).map_err(
        |source| FeedError::Page {
            url: url.to_string(),
            source,
        },
    )
}
