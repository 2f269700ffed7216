//! Feed bytes into entries and entries into documents.

use std::collections::HashSet;

use chrono::NaiveDate;
use dossier_core::{DateSource, Document, Origin, Span};
use dossier_web::{fragment_text, Article};
use feed_rs::model::{Entry, Feed, Link, Text};
use serde_json::{json, Map, Value};

use crate::{EntryError, FeedError, FeedSource};

/// Where an entry's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFrom {
    /// The entry's full content (Atom `content`, RSS `content:encoded`, JSON Feed
    /// `content_html`/`content_text`).
    Content,
    /// Its summary (Atom `summary`, RSS `description`, JSON Feed `summary`).
    Summary,
    /// The page it links to, read with [`dossier_web::extract_article`].
    Page,
    /// Nowhere: the entry has no text.
    Nothing,
}

impl TextFrom {
    /// `content`, `summary`, `page` or `nothing` (kept in [`Document::extra`]).
    pub fn as_str(self) -> &'static str {
        match self {
            TextFrom::Content => "content",
            TextFrom::Summary => "summary",
            TextFrom::Page => "page",
            TextFrom::Nothing => "nothing",
        }
    }
}

/// One entry (item) of a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedEntry {
    /// What identifies the entry in its feed from one fetch to the next: its guid / Atom
    /// id / JSON Feed id, else its link, else its title. Entries already seen are
    /// recognised by it even when their text has been edited since.
    pub key: String,
    /// 1-based position in the feed, for messages.
    pub record: usize,
    /// The link to the entry's page, if any (relative links resolved against the feed).
    pub url: Option<String>,
    /// The headline, as plain text.
    pub title: Option<String>,
    /// The day it was published (its `updated` day when no publication date is given),
    /// in UTC.
    pub published: Option<NaiveDate>,
    /// Author names.
    pub authors: Vec<String>,
    /// ISO 639 language code from the entry or the feed, when given.
    pub language: Option<String>,
    /// The text, one paragraph per line (empty when the entry has none).
    pub text: String,
    /// Where `text` came from.
    pub text_from: TextFrom,
    /// True when the feed gave no full content for the entry, only a summary or nothing.
    pub summary_only: bool,
}

impl FeedEntry {
    /// Whether the entry's page is worth fetching: the feed gave only a summary (or no
    /// text) and the entry links to a page.
    pub fn wants_page(&self) -> bool {
        self.url.is_some() && self.summary_only && self.text_from != TextFrom::Page
    }

    /// Takes the text of the entry's page: its body replaces the summary, and its title,
    /// date and language fill in what the feed left out.
    pub fn use_page(&mut self, article: Article) {
        self.text = article.body;
        self.text_from = TextFrom::Page;
        if self.title.is_none() {
            self.title = article.title;
        }
        if self.published.is_none() {
            self.published = article.published;
        }
        if self.language.is_none() {
            self.language = article.language.as_deref().and_then(language_code);
        }
    }
}

/// A parsed feed.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFeed {
    /// The feed's key ([`FeedSource::key`]).
    pub feed: String,
    /// The feed's title (the outlet or section name).
    pub title: Option<String>,
    /// Its entries in feed order; an entry repeated in the feed is listed once.
    pub entries: Vec<FeedEntry>,
    /// Prefix of the document ids of its entries.
    id_prefix: String,
}

impl ParsedFeed {
    /// The document of an entry: id `<feed host>-<12 hex digits of the hash of its key>`
    /// (stable from one fetch to the next), its text as the body, metadata from the entry,
    /// `source` the feed's title, and in [`Document::extra`] `feed` (the feed's key),
    /// `entry_id` ([`FeedEntry::key`]), `summary_only`, `text_from` and `authors`.
    ///
    /// An entry without text is an [`EntryError::NoText`].
    pub fn document(&self, entry: &FeedEntry) -> Result<Document, EntryError> {
        if entry.text.trim().is_empty() {
            return Err(EntryError::NoText {
                key: entry.key.clone(),
                has_link: entry.url.is_some(),
            });
        }
        let hash = xxhash_rust::xxh3::xxh3_64(entry.key.as_bytes()) >> 16;
        let mut extra = Map::new();
        extra.insert("feed".into(), Value::String(self.feed.clone()));
        extra.insert("entry_id".into(), Value::String(entry.key.clone()));
        extra.insert("summary_only".into(), Value::Bool(entry.summary_only));
        extra.insert("text_from".into(), json!(entry.text_from.as_str()));
        if !entry.authors.is_empty() {
            extra.insert("authors".into(), json!(entry.authors));
        }
        Ok(Document {
            id: format!("{}-{hash:012x}", self.id_prefix),
            source: self.title.clone(),
            url: entry.url.clone(),
            title: entry.title.clone(),
            published: entry.published,
            date_source: if entry.published.is_some() {
                DateSource::Metadata
            } else {
                DateSource::Unknown
            },
            language: entry.language.clone().unwrap_or_else(|| "en".to_string()),
            body: Span::new(0, entry.text.len()),
            text: entry.text.clone(),
            extra,
            origin: Origin {
                path: self.feed.clone(),
                record: Some(entry.record),
            },
        })
    }
}

/// Parses a feed: RSS 0.9x, 1.0 or 2.0, Atom, or JSON Feed, told apart by content.
/// `base_url` (where the feed was served from) resolves relative links; for a URL source
/// without one the source URL is used.
///
/// XML feeds are decoded by their XML declaration (UTF-8 without one); JSON Feed is UTF-8.
pub fn parse_feed(
    source: &FeedSource,
    bytes: &[u8],
    base_url: Option<&str>,
) -> Result<ParsedFeed, FeedError> {
    let key = source.key();
    let base = base_url.map(str::to_string).or_else(|| match source {
        FeedSource::Url(u) => Some(u.clone()),
        FeedSource::File(_) => None,
    });
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FeedError::Malformed {
            feed: source.to_string(),
            reason: "empty response".to_string(),
        });
    }
    let parser = feed_rs::parser::Builder::new()
        .base_uri(base.as_deref())
        // Entries without an id get no made-up one: their key is chosen below, from data
        // that stays the same from one fetch to the next.
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = parser.parse(bytes).map_err(|e| FeedError::Malformed {
        feed: source.to_string(),
        reason: e.to_string(),
    })?;
    Ok(convert(source, key, &feed))
}

fn convert(source: &FeedSource, key: String, feed: &Feed) -> ParsedFeed {
    let title = feed.title.as_ref().and_then(plain_title);
    let feed_language = feed.language.as_deref().and_then(language_code);
    let id_prefix = id_prefix(source, feed);
    let mut seen = HashSet::new();
    let mut entries = Vec::with_capacity(feed.entries.len());
    for (i, entry) in feed.entries.iter().enumerate() {
        let mut e = convert_entry(entry, i + 1);
        if e.language.is_none() {
            e.language = feed_language.clone();
        }
        if seen.insert(e.key.clone()) {
            entries.push(e);
        }
    }
    ParsedFeed {
        feed: key,
        title,
        entries,
        id_prefix,
    }
}

fn convert_entry(entry: &Entry, record: usize) -> FeedEntry {
    let url = entry_link(&entry.links);
    let title = entry.title.as_ref().and_then(plain_title);
    let content = entry
        .content
        .as_ref()
        .filter(|c| is_text_type(c.content_type.as_str()))
        .and_then(|c| {
            c.body
                .as_deref()
                .map(|b| text_of(b, c.content_type.as_str()))
        })
        .filter(|t| !t.is_empty());
    let summary = entry
        .summary
        .as_ref()
        .map(|s| text_of(&s.content, s.content_type.as_str()))
        .filter(|t| !t.is_empty());
    let (text, text_from, summary_only) = match (content, summary) {
        (Some(c), _) => (c, TextFrom::Content, false),
        (None, Some(s)) => (s, TextFrom::Summary, true),
        (None, None) => (String::new(), TextFrom::Nothing, true),
    };
    let key = Some(entry.id.trim())
        .filter(|id| !id.is_empty())
        .map(str::to_string)
        .or_else(|| url.clone())
        .or_else(|| title.clone())
        .unwrap_or_else(|| format!("#{record}"));
    let authors = entry
        .authors
        .iter()
        .filter_map(|p| {
            let name = p.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
            name.or(p.email.as_deref()).map(str::to_string)
        })
        .collect();
    FeedEntry {
        key,
        record,
        url,
        title,
        published: entry.published.or(entry.updated).map(|d| d.date_naive()),
        authors,
        language: entry.language.as_deref().and_then(language_code),
        text,
        text_from,
        summary_only,
    }
}

/// The entry's page: the first `alternate` (or unlabelled) link, else the first link.
fn entry_link(links: &[Link]) -> Option<String> {
    links
        .iter()
        .find(|l| matches!(l.rel.as_deref(), None | Some("alternate")))
        .or_else(|| links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|h| !h.is_empty())
}

/// Whether content of this media type is text to read (not an enclosure or base64 data).
fn is_text_type(mime: &str) -> bool {
    let mime = mime.to_ascii_lowercase();
    mime.starts_with("text/") || mime.contains("html")
}

/// Text, one paragraph per line, from HTML or plain text.
fn text_of(body: &str, mime: &str) -> String {
    if mime.to_ascii_lowercase().contains("html") {
        fragment_text(body)
    } else {
        plain_paragraphs(body)
    }
}

/// Plain text as one paragraph per line: paragraphs are separated by blank lines, and a
/// paragraph's hard-wrapped lines are joined.
fn plain_paragraphs(text: &str) -> String {
    let mut out = String::new();
    let mut para = String::new();
    let flush = |para: &mut String, out: &mut String| {
        let joined = para.split_whitespace().collect::<Vec<_>>().join(" ");
        if !joined.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&joined);
        }
        para.clear();
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut para, &mut out);
        } else {
            para.push_str(line);
            para.push(' ');
        }
    }
    flush(&mut para, &mut out);
    out
}

/// A title as one line of plain text.
fn plain_title(t: &Text) -> Option<String> {
    let text = text_of(&t.content, t.content_type.as_str());
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!line.is_empty()).then_some(line)
}

/// `en` from `en`, `en-US`, `EN_us`; `None` for anything that is not a language code.
fn language_code(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}

/// The feed's host (for a URL), else the host of the site it links to, else the file stem;
/// `www.` dropped, anything but letters, digits, `.`, `-` and `_` dropped.
fn id_prefix(source: &FeedSource, feed: &Feed) -> String {
    let host_of = |u: &str| url::Url::parse(u).ok()?.host_str().map(str::to_string);
    let raw = match source {
        FeedSource::Url(u) => host_of(u),
        FeedSource::File(_) => None,
    }
    .or_else(|| feed.links.iter().find_map(|l| host_of(&l.href)))
    .or_else(|| match source {
        FeedSource::File(p) => p.file_stem().map(|s| s.to_string_lossy().into_owned()),
        FeedSource::Url(_) => None,
    })
    .unwrap_or_default();
    let raw = raw.to_ascii_lowercase();
    let raw = raw.strip_prefix("www.").unwrap_or(&raw);
    let cleaned: String = raw
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    if cleaned.is_empty() {
        "feed".to_string()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_paragraphs_and_joins_wrapped_lines() {
        assert_eq!(
            plain_paragraphs("One line\n   wrapped here.\n\n  Second   paragraph.\n"),
            "One line wrapped here.\nSecond paragraph."
        );
    }

    #[test]
    fn language_codes() {
        assert_eq!(language_code("en_us").as_deref(), Some("en"));
        assert_eq!(language_code("IT-it").as_deref(), Some("it"));
        assert_eq!(language_code("english!"), None);
        assert_eq!(language_code(""), None);
    }
}
