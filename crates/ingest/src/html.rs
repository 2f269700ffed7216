//! Saved web pages: the article of each page, read out by `dossier-web`.

use dossier_core::{DateSource, Document, Origin, Span};
use dossier_web::{Article, MAX_PAGE_BYTES};

use crate::date::dateline;
use crate::error::IngestError;
use crate::lines::Input;

/// How far into a saved page the note of where it was saved from is looked for.
const SAVED_FROM_PREFIX_BYTES: usize = 4096;

/// The article of a saved page read from `input` (`size` bytes on disk, gzip-compressed when
/// `gzip`). Reads at most [`MAX_PAGE_BYTES`] + 1 bytes, so a huge page, or a small gzip file
/// that inflates to one, is rejected without being held.
pub(crate) fn read_page(
    input: Input,
    size: u64,
    gzip: bool,
    id: &str,
    origin: Origin,
) -> Result<Document, IngestError> {
    if !gzip && size > MAX_PAGE_BYTES as u64 {
        return Err(IngestError::PageTooLarge { bytes: size });
    }
    let page = crate::files::read_capped(input, MAX_PAGE_BYTES, gzip)?;
    if page.len() > MAX_PAGE_BYTES {
        return Err(if gzip {
            IngestError::PageDecompressedTooLarge
        } else {
            IngestError::PageTooLarge {
                bytes: page.len() as u64,
            }
        });
    }
    let url = saved_from(&page[..page.len().min(SAVED_FROM_PREFIX_BYTES)]);
    page_document(&page, url.as_deref(), None, id.to_string(), origin)
}

/// The document of one page's bytes: `url` is where it came from (when known),
/// `http_charset` the charset its HTTP response declared.
pub(crate) fn page_document(
    page: &[u8],
    url: Option<&str>,
    http_charset: Option<&str>,
    id: String,
    origin: Origin,
) -> Result<Document, IngestError> {
    let article = dossier_web::extract_article(page, url, http_charset)?;
    Ok(from_article(article, id, origin))
}

/// Lays an article out as a plain-text article would be: the headline on its own line, a
/// blank line, then the paragraphs one per line. The body covers all of it, headline
/// included, as it does for plain text, so the text stage sees the same shape from every
/// format (and marks the first line as the headline).
fn from_article(article: Article, id: String, origin: Origin) -> Document {
    let title = article
        .title
        .as_deref()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    let paragraphs = article.body.trim_matches(|c: char| c.is_whitespace());
    let first = paragraphs.lines().next().unwrap_or("");
    let mut text = String::with_capacity(paragraphs.len() + 256);
    if let Some(title) = &title {
        // Extractors often keep the page's <h1> as the first paragraph; one headline is enough.
        if first.trim() != title {
            text.push_str(title);
            text.push_str("\n\n");
        }
    }
    text.push_str(paragraphs);
    let body = Span::new(0, text.len());
    text.push('\n');

    let (published, date_source) = match article.published {
        Some(d) => (Some(d), DateSource::Metadata),
        None => match dateline(first.trim_start()) {
            Some(d) => (Some(d), DateSource::DateLine),
            None => (None, DateSource::Unknown),
        },
    };
    // Some sites give their home page's URL as their name.
    let source = article
        .site_name
        .map(|name| host(&name).unwrap_or(name))
        .or_else(|| article.url.as_deref().and_then(host));
    let mut extra = serde_json::Map::new();
    if let Some(author) = article.author {
        extra.insert("author".to_string(), author.into());
    }
    Document {
        id,
        source,
        url: article.url,
        title,
        published,
        date_source,
        language: article
            .language
            .as_deref()
            .and_then(primary_language)
            .unwrap_or_else(|| "en".to_string()),
        text,
        body,
        extra,
        origin,
    }
}

/// The host of `url`, without a leading `www.`, as the outlet's name when the page names
/// none.
fn host(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// The ISO 639 code of a BCP 47 tag (`en-GB` → `en`): documents carry bare language codes.
fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}

/// The URL a browser or SingleFile noted when saving the page (`<!-- saved from
/// url=(0042)https://… -->`, or a SingleFile comment's `url:` line).
fn saved_from(head: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(head);
    let url = if let Some(at) = head.find("<!-- saved from url=(") {
        let rest = &head[at + "<!-- saved from url=(".len()..];
        let rest = &rest[rest.find(')')? + 1..];
        rest.split(|c: char| c.is_whitespace()).next()?
    } else {
        let at = head.find("Page saved with SingleFile")?;
        let comment = &head[at..head[at..].find("-->").map_or(head.len(), |e| at + e)];
        comment
            .lines()
            .find_map(|l| l.trim().strip_prefix("url:"))?
            .trim()
    };
    url::Url::parse(url)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .map(|u| u.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: Option<&str>, body: &str) -> Article {
        Article {
            title: title.map(str::to_string),
            body: body.to_string(),
            published: None,
            author: None,
            url: None,
            language: None,
            site_name: None,
        }
    }

    fn origin() -> Origin {
        Origin {
            path: "p.html".into(),
            record: None,
        }
    }

    #[test]
    fn headline_line_then_paragraphs_all_in_the_body() {
        let a = article(
            Some("Chechnya denies  reports"),
            "Peskov said there was no evidence.\nOfficials declined to comment.",
        );
        let d = from_article(a, "p".into(), origin());
        assert_eq!(
            d.text,
            "Chechnya denies reports\n\nPeskov said there was no evidence.\nOfficials declined to comment.\n"
        );
        assert_eq!(d.title.as_deref(), Some("Chechnya denies reports"));
        assert_eq!(d.body.start, 0);
        assert!(d.body_text().ends_with("comment."));
        assert_eq!(d.language, "en");
        assert_eq!(d.date_source, DateSource::Unknown);
    }

    #[test]
    fn a_headline_the_extractor_kept_is_not_repeated() {
        let a = article(
            Some("Protest in London"),
            "Protest in London\nLONDON, April 15, 2017 — Hundreds protested.",
        );
        let d = from_article(a, "p".into(), origin());
        assert!(d.text.starts_with("Protest in London\nLONDON"));
    }

    #[test]
    fn dateline_when_the_page_has_no_date() {
        let a = article(
            None,
            "LONDON, April 15, 2017 — Hundreds protested outside the embassy.",
        );
        let d = from_article(a, "p".into(), origin());
        assert_eq!(d.published, chrono::NaiveDate::from_ymd_opt(2017, 4, 15));
        assert_eq!(d.date_source, DateSource::DateLine);
    }

    #[test]
    fn source_from_site_name_else_host() {
        let mut a = article(None, "Text of the article.");
        a.url = Some("https://www.latimes.com/business/story.html".into());
        a.language = Some("en-US".into());
        a.author = Some("Jane Doe".into());
        let d = from_article(a.clone(), "p".into(), origin());
        assert_eq!(d.source.as_deref(), Some("latimes.com"));
        assert_eq!(d.language, "en");
        assert_eq!(d.extra["author"], "Jane Doe");
        a.site_name = Some("https://www.latimes.com".into());
        assert_eq!(
            from_article(a.clone(), "p".into(), origin())
                .source
                .as_deref(),
            Some("latimes.com")
        );
        a.site_name = Some("Los Angeles Times".into());
        assert_eq!(
            from_article(a, "p".into(), origin()).source.as_deref(),
            Some("Los Angeles Times")
        );
        assert_eq!(host("not a url"), None);
        assert_eq!(primary_language("x-klingon-1"), None);
    }

    #[test]
    fn saved_from_notes() {
        let chrome = b"<!DOCTYPE html>\n<!-- saved from url=(0034)https://example.org/news/a.html -->\n<html>";
        assert_eq!(
            saved_from(chrome).as_deref(),
            Some("https://example.org/news/a.html")
        );
        let single = b"<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://example.org/b \n saved date: Mon Jan 01 2024\n--><head>";
        assert_eq!(saved_from(single).as_deref(), Some("https://example.org/b"));
        assert_eq!(saved_from(b"<!-- saved from url=(0003)abc -->"), None);
        assert_eq!(saved_from(b"<html><body>no note</body></html>"), None);
    }
}
