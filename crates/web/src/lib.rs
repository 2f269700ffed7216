//! Reads the article out of a web page.
//!
//! [`extract_article`] takes a page's bytes (any character encoding, see [`decode`]) and
//! gives an [`Article`]: the main text as one paragraph per line, with navigation, related
//! links, share buttons, comments and other page furniture removed, and the page's
//! metadata (title, publication date, author, canonical URL, language).
//!
//! Text that repeats across many pages of one outlet (a footer, a newsletter pitch) is a
//! cross-document matter and is marked later, by `dossier-text`, over the whole batch.

#![warn(missing_docs)]

mod charset;

use chrono::NaiveDate;
use serde::Serialize;

pub use charset::decode;

/// Largest page Dossier reads (bytes, once decompressed). Real article pages are well
/// under 2 MB; anything larger is a dump or an attack on the parser.
pub const MAX_PAGE_BYTES: usize = 10 << 20;

/// Fewest characters of main text for a page to count as holding an article.
pub const MIN_ARTICLE_CHARS: usize = 50;

/// The article read out of one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// The headline, without the site name the `<title>` often appends.
    pub title: Option<String>,
    /// The main text, one paragraph per line.
    pub body: String,
    /// The publication day, from meta tags, JSON-LD or `<time>` elements.
    pub published: Option<NaiveDate>,
    /// The byline, as the page gives it.
    pub author: Option<String>,
    /// The canonical URL when the page declares one, else the URL it was fetched from.
    pub url: Option<String>,
    /// The page's language (BCP 47 tag as declared, e.g. `en`, `en-GB`).
    pub language: Option<String>,
    /// The outlet's name, when the page declares it (`og:site_name`, JSON-LD publisher).
    pub site_name: Option<String>,
}

/// Why no article could be read from a page.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WebError {
    /// The page holds nothing (or only whitespace).
    #[error("empty page")]
    Empty,
    /// The page is over [`MAX_PAGE_BYTES`].
    #[error("page is {} MB; a page may be at most {} MB", .bytes >> 20, MAX_PAGE_BYTES >> 20)]
    TooLarge {
        /// The page's size in bytes.
        bytes: usize,
    },
    /// The page parsed, but no block of it reads as an article (an index page, a login
    /// wall, a page of links).
    #[error("no article found on the page ({chars} characters of main text)")]
    NoArticle {
        /// How much text the best candidate block held.
        chars: usize,
    },
}

/// The article of an HTML page. `url` is where the page came from (used when the page
/// declares no canonical URL); `http_charset` is the charset of an HTTP `Content-Type`
/// header, when there was one.
pub fn extract_article(
    page: &[u8],
    url: Option<&str>,
    http_charset: Option<&str>,
) -> Result<Article, WebError> {
    if page.len() > MAX_PAGE_BYTES {
        return Err(WebError::TooLarge { bytes: page.len() });
    }
    if page.iter().all(u8::is_ascii_whitespace) {
        return Err(WebError::Empty);
    }
    let (html, _) = decode(page, http_charset);
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut reader = dom_smoothie::Readability::new(html.as_str(), url, Some(cfg))
        .map_err(|_| WebError::NoArticle { chars: 0 })?;
    let parsed = reader
        .parse()
        .map_err(|_| WebError::NoArticle { chars: 0 })?;
    let body = paragraphs(&parsed.text_content);
    let chars = body.chars().count();
    if chars < MIN_ARTICLE_CHARS {
        return Err(WebError::NoArticle { chars });
    }
    Ok(Article {
        title: non_empty(parsed.title),
        body,
        published: parsed.published_time.as_deref().and_then(parse_meta_date),
        author: parsed.byline.and_then(non_empty),
        url: parsed.url.or_else(|| url.map(str::to_string)),
        language: parsed.lang.and_then(non_empty),
        site_name: parsed.site_name.and_then(non_empty),
    })
}

/// Text as one paragraph per line: whitespace runs inside a line collapsed, blank lines
/// dropped.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        for (i, word) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

fn non_empty(s: String) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The day of a machine-readable date (`2017-04-13`, `2017-04-13T10:00:00+03:00`).
fn parse_meta_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    let day = value.get(..10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}
