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

pub mod benchmark;
mod charset;
mod content;
mod fragment;
mod metadata;

use chrono::NaiveDate;
use serde::Serialize;

pub use charset::decode;
pub use fragment::fragment_text;

/// HTML elements that start and end a line of their own (block-level elements).
pub(crate) const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

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
    let document = scraper::Html::parse_document(&html);
    let meta = metadata::read(&document);
    let body = content::main_text(&document, meta.title.as_deref());
    let chars = body.chars().count();
    if chars < MIN_ARTICLE_CHARS {
        return Err(WebError::NoArticle { chars });
    }
    Ok(Article {
        title: meta.title,
        body,
        published: meta.published,
        author: meta.author,
        url: meta.canonical_url.or_else(|| url.map(str::to_string)),
        language: meta.language,
        site_name: meta.site_name,
    })
}
