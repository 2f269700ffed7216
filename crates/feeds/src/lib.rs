//! News feeds into [`dossier_core::Document`]s: RSS 0.9x, 1.0 and 2.0, Atom and JSON Feed,
//! read from files or fetched over HTTP(S).
//!
//! - [`FeedSource`] names a feed: an `http(s)://` URL or a file.
//! - [`Fetcher`] reads it: files from disk; URLs with conditional GET ([`Validators`]: a
//!   `304 Not Modified` gives [`FeedResponse::NotModified`]), a size cap, timeouts, a
//!   `User-Agent` and a politeness delay between requests to the same host. It also
//!   fetches the page an entry links to ([`Fetcher::fetch_page`]) for summary-only feeds.
//! - [`parse_feed`] turns feed bytes into a [`ParsedFeed`] of [`FeedEntry`]s, each with a
//!   stable [`FeedEntry::key`] (its guid/id, else its link) and its text, one paragraph
//!   per line, from the entry's full content when the feed has it, else its summary.
//!   [`ParsedFeed::document`] makes the [`Document`](dossier_core::Document).
//!
//! Which entries are new (seen before or not) and the conditional-GET validators are kept
//! by the store; the pipeline puts the pieces together.
//!
//! Nothing here panics on input: a feed that cannot be fetched or parsed is a
//! [`FeedError`] naming the feed (or page) and the reason; an entry without any text is an
//! [`EntryError`].

#![warn(missing_docs)]

mod error;
mod fetch;
mod parse;

use std::fmt;
use std::path::PathBuf;

pub use error::{EntryError, FeedError};
pub use fetch::{
    default_user_agent, FeedBody, FeedResponse, FetchOptions, Fetcher, Page, Validators,
};
pub use parse::{parse_feed, FeedEntry, ParsedFeed, TextFrom};

/// Largest feed (or linked page) read, in bytes once decompressed. Big news feeds are a
/// few hundred kilobytes; anything larger is not a feed.
pub const MAX_FEED_BYTES: usize = 10 << 20;

/// Where a feed comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FeedSource {
    /// An `http://` or `https://` URL.
    Url(String),
    /// A feed file on disk.
    File(PathBuf),
}

impl FeedSource {
    /// Reads a feed argument: `http://` and `https://` URLs are URLs, anything without a
    /// `scheme://` prefix is a file path. Other schemes are refused.
    pub fn parse(arg: &str) -> Result<FeedSource, FeedError> {
        let arg = arg.trim();
        if arg.is_empty() {
            return Err(FeedError::BadSource {
                feed: arg.to_string(),
                reason: "empty feed URL or path".to_string(),
            });
        }
        let Some((scheme, _)) = arg.split_once("://") else {
            return Ok(FeedSource::File(PathBuf::from(arg)));
        };
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(FeedError::BadSource {
                feed: arg.to_string(),
                reason: format!("unsupported scheme {scheme:?} (use http, https or a file path)"),
            });
        }
        match url::Url::parse(arg) {
            Ok(u) if u.host_str().is_some_and(|h| !h.is_empty()) => {
                Ok(FeedSource::Url(u.to_string()))
            }
            Ok(_) => Err(FeedError::BadSource {
                feed: arg.to_string(),
                reason: "URL has no host".to_string(),
            }),
            Err(e) => Err(FeedError::BadSource {
                feed: arg.to_string(),
                reason: format!("invalid URL: {e}"),
            }),
        }
    }

    /// The name the store keeps the feed's state under: the URL (normalised by parsing),
    /// or the file's absolute path (canonical when it exists), so that a file named two
    /// ways is one feed.
    pub fn key(&self) -> String {
        match self {
            FeedSource::Url(u) => u.clone(),
            FeedSource::File(p) => std::fs::canonicalize(p)
                .or_else(|_| std::path::absolute(p))
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string(),
        }
    }
}

impl fmt::Display for FeedSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedSource::Url(u) => f.write_str(u),
            FeedSource::File(p) => write!(f, "{}", p.display()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_urls_or_files() {
        assert_eq!(
            FeedSource::parse("https://example.com/rss.xml").unwrap(),
            FeedSource::Url("https://example.com/rss.xml".to_string())
        );
        assert_eq!(
            FeedSource::parse(" HTTP://Example.COM ").unwrap(),
            FeedSource::Url("http://example.com/".to_string())
        );
        assert_eq!(
            FeedSource::parse("feeds/world.xml").unwrap(),
            FeedSource::File(PathBuf::from("feeds/world.xml"))
        );
        let err = FeedSource::parse("ftp://example.com/feed").unwrap_err();
        assert!(err.to_string().contains("unsupported scheme"), "{err}");
        assert!(FeedSource::parse("http://").is_err());
        assert!(FeedSource::parse("").is_err());
    }
}
