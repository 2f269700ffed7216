//! Why a feed, a page or an entry could not be read.

use crate::MAX_FEED_BYTES;

/// Why a feed (or a page an entry links to) could not be read. Every message starts with
/// the feed or page it is about.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FeedError {
    /// The argument is not a usable feed URL or path.
    #[error("{feed}: {reason}")]
    BadSource {
        /// The argument as given.
        feed: String,
        /// Why it is not usable.
        reason: String,
    },
    /// A feed file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The request failed before an HTTP response came back (DNS, connection, TLS,
    /// timeout, redirects).
    #[error("{url}: {reason}")]
    Network {
        /// The URL requested.
        url: String,
        /// The failure, for a person to read.
        reason: String,
        /// The HTTP client's error.
        #[source]
        source: Box<ureq::Error>,
    },
    /// The server answered with an error status.
    #[error("{url}: HTTP status {status}{}", reason_phrase(*.status))]
    Status {
        /// The URL requested.
        url: String,
        /// The status code (4xx, 5xx, or an unexpected 1xx/3xx).
        status: u16,
    },
    /// The response (or file) is over [`MAX_FEED_BYTES`].
    #[error("{url}: larger than {} MB; a feed or page may be at most {} MB", MAX_FEED_BYTES >> 20, MAX_FEED_BYTES >> 20)]
    TooLarge {
        /// The URL or file.
        url: String,
    },
    /// The bytes are not a feed this reader understands (malformed XML or JSON, an HTML
    /// page, an unknown root element).
    #[error("{feed}: not a readable feed: {reason}")]
    Malformed {
        /// The feed URL or file.
        feed: String,
        /// What the parser said.
        reason: String,
    },
    /// A linked page is not HTML (a PDF, an image, a video).
    #[error("{url}: page is {content_type}, not HTML")]
    NotHtml {
        /// The page URL.
        url: String,
        /// Its `Content-Type`.
        content_type: String,
    },
    /// A linked page was fetched but no article could be read from it.
    #[error("{url}: no article read from the page: {source}")]
    Page {
        /// The page URL.
        url: String,
        /// Why.
        #[source]
        source: dossier_web::WebError,
    },
}

/// Why one entry of a feed gives no document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EntryError {
    /// The entry has a title at most: no content, no summary, and no page was read.
    #[error("entry {key:?} has no text (no content or summary){}", if *.has_link { "; --fetch-pages reads the page it links to" } else { "" })]
    NoText {
        /// The entry's key ([`FeedEntry::key`](crate::FeedEntry::key)).
        key: String,
        /// Whether it links to a page that could be fetched instead.
        has_link: bool,
    },
}

/// `" Internal Server Error"` for 500, or nothing for codes without a standard phrase.
fn reason_phrase(status: u16) -> String {
    ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|r| format!(" {r}"))
        .unwrap_or_default()
}

/// A person-readable reason for an HTTP client error.
pub(crate) fn describe(err: &ureq::Error) -> String {
    match err {
        ureq::Error::HostNotFound => "host not found (DNS lookup failed)".to_string(),
        ureq::Error::Timeout(t) => format!("timed out ({t})"),
        ureq::Error::Io(e) => match e.kind() {
            std::io::ErrorKind::ConnectionRefused => "connection refused".to_string(),
            std::io::ErrorKind::ConnectionReset => "connection reset by the server".to_string(),
            std::io::ErrorKind::UnexpectedEof => {
                "connection closed before the response ended".to_string()
            }
            _ => format!("network error: {e}"),
        },
        ureq::Error::TooManyRedirects => "too many redirects".to_string(),
        ureq::Error::Tls(msg) => format!("TLS error: {msg}"),
        ureq::Error::BadUri(u) => format!("invalid URL: {u}"),
        ureq::Error::ConnectionFailed => "could not connect".to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_errors_read_as_reasons() {
        assert_eq!(
            describe(&ureq::Error::HostNotFound),
            "host not found (DNS lookup failed)"
        );
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        assert_eq!(describe(&ureq::Error::Io(refused)), "connection refused");
        let err = FeedError::Status {
            url: "https://news.example/rss".to_string(),
            status: 503,
        };
        assert_eq!(
            err.to_string(),
            "https://news.example/rss: HTTP status 503 Service Unavailable"
        );
    }
}
