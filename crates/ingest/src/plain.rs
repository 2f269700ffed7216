//! Plain-text and Markdown articles: date line, dateline, front matter, title.

use std::sync::LazyLock;

use chrono::NaiveDate;
use dossier_core::{DateSource, Document, Origin, Span};
use regex::Regex;

use crate::date::{dateline, parse_date};

/// `date 2017-04-15` / `Date: 2017-04-15` at the very start (after whitespace).
static DATE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:date)(?:\s*:\s*|\s+)(?P<date>\d{4}-\d{2}-\d{2})(?:\s|$)")
        .expect("valid regex")
});

/// A Markdown ATX heading of level 1: `# Title`.
static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^#[ \t]+(?P<title>.*?)[ \t]*#*[ \t]*$").expect("valid regex"));

/// The longest first line taken as a title, in words.
const TITLE_WORDS: usize = 25;
/// Front matter longer than this many lines is not front matter.
const FRONT_MATTER_LINES: usize = 200;

/// What the top of a plain-text article says about it.
#[derive(Debug, Default)]
struct Header {
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    language: Option<String>,
    published: Option<(NaiveDate, DateSource)>,
}

/// Parses a plain-text or Markdown article given its id and text.
///
/// `text` is kept exactly; [`Document::body`] is the reporting part of it, with surrounding
/// whitespace left out:
/// - a leading `date YYYY-MM-DD` header (case-insensitive, optional `:`) sets
///   [`Document::published`] ([`DateSource::DateLine`]) and the body starts after it;
/// - Markdown front matter (`---` lines at the top with `title:`, `date:`/`published:`,
///   `source:`, `url:`) sets metadata ([`DateSource::Metadata`]) and the body starts after it;
/// - otherwise a news dateline with a full date at the start of the first paragraph
///   (`LONDON, April 15, 2017 —`) sets the date; it stays in the body;
/// - a first line `# Heading`, or a short first line (at most 25 words) without closing
///   punctuation followed by a blank line, is the title; it stays in the body.
///
/// Language is `en` unless front matter says otherwise. Never fails: text with none of the
/// above is all body, with no title and no date ([`DateSource::Unknown`]).
pub fn parse_plain_text(id: &str, text: String, origin: Origin) -> Document {
    let (header, body) = read_header(&text);
    let (published, date_source) = match header.published {
        Some((d, source)) => (Some(d), source),
        None => (None, DateSource::Unknown),
    };
    Document {
        id: id.to_string(),
        source: header.source,
        url: header.url,
        title: header.title,
        published,
        date_source,
        language: header.language.unwrap_or_else(|| "en".to_string()),
        text,
        body,
        extra: serde_json::Map::new(),
        origin,
    }
}

/// Whitespace, including a byte-order mark.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// The first byte at or after `pos` that is not whitespace.
fn skip_space(text: &str, pos: usize) -> usize {
    text.get(pos..)
        .and_then(|rest| rest.char_indices().find(|&(_, c)| !is_space(c)))
        .map_or(text.len(), |(i, _)| pos + i)
}

/// Lines of `text` from `start`: (offset of the line, the line without `\r\n`).
fn lines_from(text: &str, start: usize) -> impl Iterator<Item = (usize, &str)> {
    let rest = text.get(start..).unwrap_or("");
    rest.split_inclusive('\n').scan(start, |pos, line| {
        let at = *pos;
        *pos += line.len();
        Some((at, line.trim_end_matches(['\n', '\r'])))
    })
}

fn read_header(text: &str) -> (Header, Span) {
    let mut header = Header::default();
    let mut pos = skip_space(text, 0);

    if let Some(end) = front_matter(text, pos, &mut header) {
        pos = skip_space(text, end);
    }
    if let Some(c) = DATE_HEADER.captures(&text[pos..]) {
        if let Some(date) = c.name("date") {
            if let Ok(d) = NaiveDate::parse_from_str(date.as_str(), "%Y-%m-%d") {
                header.published.get_or_insert((d, DateSource::DateLine));
                pos = skip_space(text, pos + date.end());
            }
        }
    }

    let start = pos;
    let end = text.trim_end_matches(is_space).len().max(start);
    let body = Span::new(start, end);

    // The first paragraph: its first line may be a title, a dateline may open it.
    let mut lines = lines_from(text, start).take_while(|&(at, _)| at < end);
    let Some((_, first)) = lines.next() else {
        return (header, body);
    };
    let next = lines.next().map(|(_, l)| l);
    let mut paragraph = Some(first);
    if let Some(title) = HEADING.captures(first).and_then(|c| c.name("title")) {
        if !title.as_str().is_empty() {
            header
                .title
                .get_or_insert_with(|| title.as_str().to_string());
        }
        paragraph = None;
    } else if dateline(first).is_none() && is_title(first, next) {
        header.title.get_or_insert_with(|| first.trim().to_string());
        paragraph = None;
    }
    if paragraph.is_none() {
        paragraph = lines_from(text, start)
            .take_while(|&(at, _)| at < end)
            .skip(1)
            .map(|(_, l)| l)
            .find(|l| !l.trim_matches(is_space).is_empty());
    }
    if header.published.is_none() {
        if let Some(d) = paragraph.and_then(|p| dateline(p.trim_start_matches(is_space))) {
            header.published = Some((d, DateSource::DateLine));
        }
    }
    (header, body)
}

/// True when `line` looks like a headline: short, not a sentence, a blank line after it.
fn is_title(line: &str, next: Option<&str>) -> bool {
    let line = line.trim_matches(is_space);
    let followed_by_blank = next.is_some_and(|n| n.trim_matches(is_space).is_empty());
    if !followed_by_blank || line.is_empty() || !line.chars().any(char::is_alphabetic) {
        return false;
    }
    if line.split_whitespace().count() > TITLE_WORDS {
        return false;
    }
    let unquoted = line.trim_end_matches(['"', '\'', '”', '’', '»', ')']);
    !unquoted.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// Reads front matter (`---` line, `key: value` lines, `---` or `...` line) at `pos` into
/// `header`; returns the offset after it.
fn front_matter(text: &str, pos: usize, header: &mut Header) -> Option<usize> {
    let mut lines = lines_from(text, pos);
    let (_, open) = lines.next()?;
    if open.trim_end() != "---" {
        return None;
    }
    let mut fields = Vec::new();
    for (at, line) in lines.take(FRONT_MATTER_LINES) {
        let trimmed = line.trim();
        if trimmed == "---" || trimmed == "..." {
            for (key, value) in fields {
                apply_field(header, key, value);
            }
            return Some(at + line.len());
        }
        if let Some((key, value)) = line.split_once(':') {
            if !key.starts_with([' ', '\t']) {
                fields.push((key.trim().to_ascii_lowercase(), unquote(value.trim())));
            }
        }
    }
    None
}

fn unquote(value: &str) -> String {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner.to_string();
        }
    }
    value.to_string()
}

fn apply_field(header: &mut Header, key: String, value: String) {
    if value.is_empty() {
        return;
    }
    match key.as_str() {
        "title" | "headline" => header.title = Some(value),
        "source" | "outlet" | "publisher" => header.source = Some(value),
        "url" | "link" | "canonical_url" => header.url = Some(value),
        "language" | "lang" => header.language = Some(value),
        "date" | "published" | "pubdate" | "published_at" => {
            if let Some(d) = parse_date(&value) {
                header.published = Some((d, DateSource::Metadata));
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        parse_plain_text(
            "t",
            text.to_string(),
            Origin {
                path: "t.txt".into(),
                record: None,
            },
        )
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn date_header_on_its_own_line() {
        let d = doc("Date: 2017-04-15\n\nPeskov said there was no evidence.\n");
        assert_eq!(d.published, ymd(2017, 4, 15));
        assert_eq!(d.date_source, DateSource::DateLine);
        assert_eq!(d.body_text(), "Peskov said there was no evidence.");
    }

    #[test]
    fn invalid_date_header_stays_in_the_body() {
        let d = doc("date 2017-13-45 Peskov said.");
        assert_eq!(d.published, None);
        assert_eq!(d.date_source, DateSource::Unknown);
        assert_eq!(d.body_text(), "date 2017-13-45 Peskov said.");
    }

    #[test]
    fn dateline_stays_in_the_body() {
        let text = "LONDON, April 15, 2017 — Hundreds protested outside the Russian embassy.\n";
        let d = doc(text);
        assert_eq!(d.published, ymd(2017, 4, 15));
        assert_eq!(d.date_source, DateSource::DateLine);
        assert!(d.body_text().starts_with("LONDON, April 15, 2017 —"));
        assert_eq!(d.title, None);
    }

    #[test]
    fn dateline_after_a_title() {
        let d = doc("Protest in London\n\nLONDON, April 15, 2017 — Hundreds protested.\n");
        assert_eq!(d.title.as_deref(), Some("Protest in London"));
        assert_eq!(d.published, ymd(2017, 4, 15));
        assert!(d.body_text().starts_with("Protest in London"));
    }

    #[test]
    fn yearless_dateline_gives_no_date() {
        let d = doc("MOSCOW, April 15 — Officials denied the reports on Saturday.");
        assert_eq!(d.published, None);
        assert_eq!(d.date_source, DateSource::Unknown);
    }

    #[test]
    fn markdown_front_matter_and_heading() {
        let text = "---\ntitle: \"Chechnya denies reports\"\ndate: 2017-04-15T09:00:00Z\nsource: Outlet A\nurl: https://example.org/a\n---\n\n# Ignored because front matter has a title\n\nPeskov said.\n";
        let d = doc(text);
        assert_eq!(d.title.as_deref(), Some("Chechnya denies reports"));
        assert_eq!(d.published, ymd(2017, 4, 15));
        assert_eq!(d.date_source, DateSource::Metadata);
        assert_eq!(d.source.as_deref(), Some("Outlet A"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/a"));
        assert!(d.body_text().starts_with("# Ignored"));
        assert!(d.body_text().ends_with("Peskov said."));
    }

    #[test]
    fn markdown_heading_is_the_title() {
        let d = doc("# Gay men detained in Chechnya #\nReports say more than 100 men were held.");
        assert_eq!(d.title.as_deref(), Some("Gay men detained in Chechnya"));
        assert_eq!(d.published, None);
    }

    #[test]
    fn unclosed_front_matter_is_text() {
        let d = doc("---\ntitle: x\nno closing line");
        assert_eq!(d.title, None);
        assert_eq!(d.body.start, 0);
    }

    #[test]
    fn sentences_and_long_lines_are_not_titles() {
        assert_eq!(doc("Peskov denied it.\n\nMore text.").title, None);
        assert_eq!(doc("He said: \"No.\"\n\nMore text.").title, None);
        assert_eq!(doc("A short line\nwith no blank after it.").title, None);
        let long = "word ".repeat(26);
        assert_eq!(doc(&format!("{long}\n\nMore text.")).title, None);
        assert_eq!(
            doc("Kadyrov: \"gay people do not exist\"\n\nText.")
                .title
                .as_deref(),
            Some("Kadyrov: \"gay people do not exist\"")
        );
    }

    #[test]
    fn whitespace_only_text_has_an_empty_body() {
        let d = doc(" \n\t\n");
        assert!(d.body.is_empty());
        assert_eq!(d.title, None);
    }

    #[test]
    fn spans_are_byte_offsets_with_multibyte_text() {
        let text =
            "\u{feff}  date 2017-04-15 “We do not have any reliable information,” Peskov said.\r\n";
        let d = doc(text);
        assert_eq!(d.text, text);
        assert_eq!(d.published, ymd(2017, 4, 15));
        assert_eq!(
            d.body_text(),
            "“We do not have any reliable information,” Peskov said."
        );
    }

    #[test]
    fn odd_input_never_panics_and_spans_stay_valid() {
        let inputs = [
            "",
            "date",
            "date ",
            "date 2017-04-15",
            "DATE:2017-04-15\n",
            "---",
            "---\n---",
            "---\n---\n",
            "---\ndate: nonsense\n---\nText.",
            "#",
            "# ",
            "#\n\n",
            "# \n\nText",
            "\u{feff}",
            "\u{feff}#  é",
            "é\n\n",
            "“”\n\n“",
            "LONDON, April 15, 2017",
            "April 31, 2017 — text",
            "\r\n\r\n",
            "a\r\n\r\nb",
            "日本語のタイトル\n\n本文。",
            "date 2017-04-15é",
            "---\r\ntitle: T\r\n---\r\nBody.",
        ];
        for text in inputs {
            let d = doc(text);
            assert!(
                d.body.start <= d.body.end && d.body.end <= d.text.len(),
                "{text:?}"
            );
            assert!(
                d.text.is_char_boundary(d.body.start) && d.text.is_char_boundary(d.body.end),
                "{text:?}"
            );
            let _ = d.body_text();
        }
        assert_eq!(doc("April 31, 2017 — text").published, None);
        let crlf = doc("---\r\ntitle: T\r\n---\r\nBody.");
        assert_eq!(crlf.title.as_deref(), Some("T"));
        assert_eq!(crlf.body_text(), "Body.");
    }
}
