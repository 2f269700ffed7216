//! A page's metadata: what it declares about itself in `<meta>` tags, `<link>`s, JSON-LD
//! and `<time>` elements, in the order of trust news sites earn (JSON-LD and Open Graph are
//! written for machines and are usually right; `<title>` carries the site name).

use chrono::NaiveDate;
use scraper::{Html, Node};
use serde_json::Value;

/// What a page says about itself.
#[derive(Debug, Default)]
pub(crate) struct PageMetadata {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub author: Option<String>,
    pub canonical_url: Option<String>,
    pub language: Option<String>,
    pub site_name: Option<String>,
}

/// JSON-LD `@type`s that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "TechArticle",
    "Report",
    "WebPage",
];

pub(crate) fn read(html: &Html) -> PageMetadata {
    let mut meta: Vec<(String, String)> = Vec::new();
    let mut title_tag = None;
    let mut h1 = None;
    let mut canonical = None;
    let mut language = None;
    let mut time_datetime = None;
    let mut json_ld = Vec::new();
    for node in html.tree.root().descendants() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        match element.name() {
            "html" => language = element.attr("lang").or(element.attr("xml:lang")).map(clean),
            "meta" => {
                if let Some(content) = element.attr("content") {
                    let keys = ["property", "name", "itemprop", "http-equiv"]
                        .iter()
                        .filter_map(|a| element.attr(a))
                        .flat_map(str::split_whitespace);
                    for key in keys {
                        meta.push((key.to_ascii_lowercase(), clean(content)));
                    }
                }
            }
            "link" => {
                let rel = element.attr("rel").unwrap_or("");
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    canonical = element.attr("href").map(clean);
                }
            }
            "title" if title_tag.is_none() => title_tag = Some(text_of(node)),
            "h1" if h1.is_none() => h1 = Some(text_of(node)),
            "time" if time_datetime.is_none() => {
                time_datetime = element.attr("datetime").and_then(parse_day);
            }
            "script" if element.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                let raw: String = node
                    .children()
                    .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                    .collect();
                if let Ok(value) = serde_json::from_str::<Value>(raw.trim()) {
                    collect_articles(&value, &mut json_ld);
                }
            }
            _ => {}
        }
    }
    let meta_value = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            meta.iter()
                .find(|(key, v)| key == k && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    let ld = |field: &str| json_ld.iter().find_map(|a: &Value| a.get(field));

    let title = ld("headline")
        .and_then(Value::as_str)
        .map(clean)
        .or_else(|| meta_value(&["og:title", "twitter:title", "dc.title", "headline"]))
        .or_else(|| h1.clone().filter(|t| !t.is_empty()))
        .or_else(|| title_tag.clone().map(|t| strip_site_name(&t)))
        .filter(|t| !t.is_empty());
    let published_keys = [
        "article:published_time",
        "article:published",
        "og:article:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
        "published_time",
        "pdate",
        "datecreated",
    ];
    // Some sites fill date fields with placeholders (0001-01-01); take the first
    // plausible one.
    let published = json_ld
        .iter()
        .filter_map(|a| a.get("datePublished").and_then(Value::as_str))
        .chain(published_keys.iter().flat_map(|k| {
            meta.iter()
                .filter(move |(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        }))
        .filter_map(parse_day)
        .chain(time_datetime)
        .find(|d| plausible(*d));
    let author = ld("author")
        .and_then(person_names)
        .or_else(|| {
            meta_value(&[
                "author",
                "article:author",
                "byl",
                "dc.creator",
                "parsely-author",
                "sailthru.author",
            ])
        })
        .map(|a| strip_by(&a))
        .filter(|a| !a.is_empty() && !a.starts_with("http"));
    let canonical_url = canonical
        .filter(|u| u.starts_with("http"))
        .or_else(|| meta_value(&["og:url"]));
    let site_name = meta_value(&["og:site_name", "application-name"]).or_else(|| {
        ld("publisher")
            .and_then(|p| p.get("name"))
            .and_then(Value::as_str)
            .map(clean)
    });
    let language = language
        .filter(|l| !l.is_empty())
        .or_else(|| meta_value(&["content-language", "og:locale", "language", "dc.language"]))
        .or_else(|| ld("inLanguage").and_then(Value::as_str).map(clean))
        .map(|l| l.replace('_', "-"));
    PageMetadata {
        title,
        published,
        author,
        canonical_url,
        language,
        site_name,
    }
}

fn text_of(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        if let Some(t) = d.value().as_text() {
            out.push_str(t);
        }
    }
    clean(&out)
}

/// A publication day that is not a placeholder: after 1900 and not years ahead.
fn plausible(day: NaiveDate) -> bool {
    use chrono::Datelike;
    let this_year = chrono::Utc::now().year();
    (1900..=this_year + 1).contains(&day.year())
}

/// A byline without its leading "By".
fn strip_by(byline: &str) -> String {
    let trimmed = byline.trim();
    match trimmed.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => trimmed[3..].trim().to_string(),
        _ => trimmed.to_string(),
    }
}

/// Whitespace runs collapsed to one space, ends trimmed.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A `<title>` without the site name after a separator ("Headline | Site").
fn strip_site_name(title: &str) -> String {
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(pos) = title.rfind(separator) {
            let head = &title[..pos];
            if head.len() >= 15 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// Article objects anywhere in a JSON-LD value (top level, arrays, `@graph`).
fn collect_articles(value: &Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_articles(v, out)),
        Value::Object(object) => {
            let is_article = match object.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                // A WebPage is the weakest claim; real articles go first.
                if object.get("@type").and_then(Value::as_str) == Some("WebPage") {
                    out.push(value.clone());
                } else {
                    out.insert(0, value.clone());
                }
            }
            if let Some(graph) = object.get("@graph") {
                collect_articles(graph, out);
            }
        }
        _ => {}
    }
}

/// Names of a JSON-LD `author`: a string, a Person, or a list of them.
fn person_names(value: &Value) -> Option<String> {
    let names: Vec<String> = match value {
        Value::String(s) => vec![clean(s)],
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(clean)
            .into_iter()
            .collect(),
        Value::Array(items) => items.iter().filter_map(person_names).collect(),
        _ => Vec::new(),
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// The day of a machine-readable date (`2017-04-13`, `2017-04-13T10:00:00+03:00`,
/// `20170413`).
pub(crate) fn parse_day(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if let Some(day) = value.get(..10) {
        if let Ok(d) = NaiveDate::parse_from_str(day, "%Y-%m-%d") {
            return Some(d);
        }
        if let Ok(d) = NaiveDate::parse_from_str(day, "%Y/%m/%d") {
            return Some(d);
        }
    }
    if let Some(day) = value.get(..8) {
        if day.bytes().all(|b| b.is_ascii_digit()) {
            return NaiveDate::parse_from_str(day, "%Y%m%d").ok();
        }
    }
    chrono::DateTime::parse_from_rfc2822(value)
        .ok()
        .map(|d| d.date_naive())
}
