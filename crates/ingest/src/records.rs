//! JSON records and Multi-News lines to documents.

use std::collections::VecDeque;

use dossier_core::{DateSource, Document, Origin, Span};
use serde_json::{Map, Value};

use crate::date::parse_date;
use crate::error::{json_kind, IngestError, Rejection};
use crate::MAX_DOCUMENT_BYTES;

/// Where a record is: the file, its stem (for fallback ids), its line or element number.
pub(crate) struct RecordCtx<'a> {
    pub(crate) path: &'a str,
    pub(crate) stem: &'a str,
    pub(crate) record: Option<usize>,
}

impl RecordCtx<'_> {
    fn reject(&self, reason: IngestError) -> Result<Document, Rejection> {
        Err(Rejection::new(self.path, self.record, reason))
    }

    fn origin(&self) -> Origin {
        Origin {
            path: self.path.to_string(),
            record: self.record,
        }
    }

    /// The id of a record without one: `<stem>-<record>`.
    fn fallback_id(&self) -> String {
        match self.record {
            Some(n) => format!("{}-{}", self.stem, n),
            None => self.stem.to_string(),
        }
    }
}

/// Field names for text, date, outlet and title, first one present wins.
const TEXT: [&str; 3] = ["text", "body", "content"];
const PUBLISHED: [&str; 2] = ["published", "date"];
const SOURCE: [&str; 3] = ["source", "outlet", "publisher"];
const TITLE: [&str; 2] = ["title", "headline"];

/// Takes the first of `names` present in `obj` whose value is a non-empty string (trimmed).
/// Fields that are present but not strings are left in `obj`.
fn take_string(obj: &mut Map<String, Value>, names: &[&str]) -> Option<String> {
    for name in names {
        if let Some(Value::String(s)) = obj.get(*name) {
            if s.trim().is_empty() {
                obj.remove(*name);
                continue;
            }
            if let Some(Value::String(s)) = obj.remove(*name) {
                return Some(s.trim().to_string());
            }
        }
    }
    None
}

/// An id value as a string: strings as they are, numbers written out.
fn id_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Metadata shared by every document of a record.
struct Meta {
    source: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<chrono::NaiveDate>,
    language: String,
    extra: Map<String, Value>,
}

/// Takes the known metadata fields out of `obj`; what is left goes to `extra`.
fn take_meta(mut obj: Map<String, Value>) -> Meta {
    let source = take_string(&mut obj, &SOURCE);
    let url = take_string(&mut obj, &["url"]);
    let title = take_string(&mut obj, &TITLE);
    let language = take_string(&mut obj, &["language", "lang"]).unwrap_or_else(|| "en".to_string());
    let mut published = None;
    if let Some(name) = PUBLISHED
        .iter()
        .find(|n| obj.get(**n).is_some_and(|v| !v.is_null()))
    {
        if let Some(raw) = obj.remove(*name) {
            match raw.as_str().and_then(parse_date) {
                Some(d) => published = Some(d),
                None => {
                    obj.insert("published_raw".to_string(), raw);
                }
            }
        }
    }
    Meta {
        source,
        url,
        title,
        published,
        language,
        extra: obj,
    }
}

/// A document of `text` (all of it body) with `meta`.
fn document(
    id: String,
    text: String,
    meta: &Meta,
    extra: Map<String, Value>,
    origin: Origin,
) -> Document {
    Document {
        id,
        source: meta.source.clone(),
        url: meta.url.clone(),
        title: meta.title.clone(),
        published: meta.published,
        date_source: if meta.published.is_some() {
            DateSource::Metadata
        } else {
            DateSource::Unknown
        },
        language: meta.language.clone(),
        body: Span::new(0, text.len()),
        text,
        extra,
        origin,
    }
}

/// Checks an article's text: not empty, not too large.
fn check_text(text: &str, field: &str) -> Result<(), IngestError> {
    if text.trim().is_empty() {
        return Err(IngestError::EmptyText(field.to_string()));
    }
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(IngestError::DocumentTooLarge {
            bytes: text.len() as u64,
        });
    }
    Ok(())
}

/// The documents of one JSON record: a single article object, or a Multi-News cluster
/// object with a `documents` array.
pub(crate) fn from_json(
    value: Value,
    ctx: &RecordCtx<'_>,
    out: &mut VecDeque<Result<Document, Rejection>>,
) {
    let mut obj = match value {
        Value::Object(obj) => obj,
        other => {
            out.push_back(ctx.reject(IngestError::NotAnObject(json_kind(&other))));
            return;
        }
    };
    let id = obj.remove("id");
    let id_str = id.as_ref().and_then(id_string);
    if obj.contains_key("documents") && !TEXT.iter().any(|f| obj.contains_key(*f)) {
        return from_cluster(obj, id_str, ctx, out);
    }

    let Some(field) = TEXT.iter().find(|f| obj.contains_key(**f)) else {
        out.push_back(ctx.reject(IngestError::MissingText));
        return;
    };
    let text = match obj.remove(*field) {
        Some(Value::String(s)) => s,
        Some(other) => {
            out.push_back(ctx.reject(IngestError::TextNotString {
                field: field.to_string(),
                found: json_kind(&other),
            }));
            return;
        }
        None => {
            out.push_back(ctx.reject(IngestError::MissingText));
            return;
        }
    };
    if let Err(e) = check_text(&text, field) {
        out.push_back(ctx.reject(e));
        return;
    }
    // An id that is not a string or number is kept as it was.
    if let (Some(v), None) = (id, &id_str) {
        obj.insert("id".to_string(), v);
    }
    let mut meta = take_meta(obj);
    let extra = std::mem::take(&mut meta.extra);
    let id = id_str.unwrap_or_else(|| ctx.fallback_id());
    out.push_back(Ok(document(id, text, &meta, extra, ctx.origin())));
}

/// A Multi-News JSONL record: one document per non-empty element of `documents`.
fn from_cluster(
    mut obj: Map<String, Value>,
    id: Option<String>,
    ctx: &RecordCtx<'_>,
    out: &mut VecDeque<Result<Document, Rejection>>,
) {
    let docs = match obj.remove("documents") {
        Some(Value::Array(docs)) => docs,
        Some(other) => {
            let e = IngestError::BadDocuments(format!("found {}", json_kind(&other)));
            out.push_back(ctx.reject(e));
            return;
        }
        None => return,
    };
    obj.remove("summary");
    let cluster = id.unwrap_or_else(|| ctx.fallback_id());
    let meta = take_meta(obj);
    let mut any = false;
    for (n, item) in docs.into_iter().enumerate() {
        let text = match item {
            Value::String(s) => s,
            Value::Null => continue,
            other => {
                let e = IngestError::BadDocuments(format!("element {n} is {}", json_kind(&other)));
                out.push_back(ctx.reject(e));
                continue;
            }
        };
        if text.trim().is_empty() {
            continue;
        }
        any |= push_cluster_article(
            out,
            ctx,
            &cluster,
            n,
            text,
            &meta,
            &format!("documents[{n}]"),
        );
    }
    if !any && !out.iter().any(|r| r.is_err()) {
        out.push_back(ctx.reject(IngestError::EmptyText("documents".to_string())));
    }
}

/// Queues article `n` of a Multi-News cluster (id `<cluster>.<n>`, `extra["cluster"]` set),
/// or its rejection; returns whether an article was queued.
fn push_cluster_article(
    out: &mut VecDeque<Result<Document, Rejection>>,
    ctx: &RecordCtx<'_>,
    cluster: &str,
    n: usize,
    text: String,
    meta: &Meta,
    field: &str,
) -> bool {
    if let Err(e) = check_text(&text, field) {
        out.push_back(ctx.reject(e));
        return false;
    }
    let mut extra = meta.extra.clone();
    extra.insert("cluster".to_string(), Value::String(cluster.to_string()));
    out.push_back(Ok(document(
        format!("{cluster}.{n}"),
        text,
        meta,
        extra,
        ctx.origin(),
    )));
    true
}

/// Multi-News raw text of one article: `NEWLINE_CHAR` becomes a line break (spaces around
/// it dropped), the whole trimmed.
fn multi_news_text(part: &str) -> String {
    let mut text = String::with_capacity(part.len());
    for (i, piece) in part.split("NEWLINE_CHAR").enumerate() {
        if i > 0 {
            let kept = text.trim_end_matches([' ', '\t']).len();
            text.truncate(kept);
            text.push('\n');
            text.push_str(piece.trim_start_matches([' ', '\t']));
        } else {
            text.push_str(piece);
        }
    }
    text.trim().to_string()
}

/// One Multi-News raw line: articles separated by `|||||`; ids `<stem>#<line>.<n>`.
pub(crate) fn from_multi_news_line(
    line: &str,
    ctx: &RecordCtx<'_>,
    out: &mut VecDeque<Result<Document, Rejection>>,
) {
    let cluster = match ctx.record {
        Some(n) => format!("{}#{}", ctx.stem, n),
        None => ctx.stem.to_string(),
    };
    let meta = Meta {
        source: None,
        url: None,
        title: None,
        published: None,
        language: "en".to_string(),
        extra: Map::new(),
    };
    let mut any = false;
    for (n, part) in line.split("|||||").enumerate() {
        let text = multi_news_text(part);
        if text.is_empty() {
            continue;
        }
        any |= push_cluster_article(out, ctx, &cluster, n, text, &meta, "text");
    }
    if !any && !out.iter().any(|r| r.is_err()) {
        out.push_back(ctx.reject(IngestError::EmptyText("line".to_string())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(value: Value) -> Vec<Result<Document, Rejection>> {
        let ctx = RecordCtx {
            path: "feed.jsonl",
            stem: "feed",
            record: Some(7),
        };
        let mut out = VecDeque::new();
        from_json(value, &ctx, &mut out);
        out.into_iter().collect()
    }

    #[test]
    fn aliases_and_extra_fields() {
        let out = run(json!({
            "headline": "Chechnya denies reports",
            "outlet": "Outlet A",
            "date": "2017-04-15 10:00:00",
            "content": "Peskov said there was no evidence.",
            "author": {"name": "A. Writer"},
            "url": "https://example.org/a"
        }));
        let d = out[0].as_ref().unwrap();
        assert_eq!(d.id, "feed-7");
        assert_eq!(d.title.as_deref(), Some("Chechnya denies reports"));
        assert_eq!(d.source.as_deref(), Some("Outlet A"));
        assert_eq!(d.published, chrono::NaiveDate::from_ymd_opt(2017, 4, 15));
        assert_eq!(d.date_source, DateSource::Metadata);
        assert_eq!(d.body_text(), "Peskov said there was no evidence.");
        assert_eq!(d.extra.get("author"), Some(&json!({"name": "A. Writer"})));
        assert_eq!(d.extra.len(), 1);
        assert_eq!(d.origin.record, Some(7));
    }

    #[test]
    fn unparseable_date_is_kept_raw() {
        let out = run(json!({"id": 12, "text": "Peskov said.", "published": "last Tuesday"}));
        let d = out[0].as_ref().unwrap();
        assert_eq!(d.id, "12");
        assert_eq!(d.published, None);
        assert_eq!(d.date_source, DateSource::Unknown);
        assert_eq!(d.extra.get("published_raw"), Some(&json!("last Tuesday")));
    }

    #[test]
    fn bad_records_are_rejected_with_reasons() {
        let reason = |v: Value| run(v)[0].clone().unwrap_err().reason;
        assert!(reason(json!([1, 2])).contains("expected a JSON object, found an array"));
        assert!(reason(json!({"id": "x"})).contains("missing \"text\""));
        assert!(reason(json!({"text": 5})).contains("\"text\" is a number"));
        assert!(reason(json!({"text": "  "})).contains("\"text\" is empty"));
        assert!(reason(json!({"body": " \n"})).contains("\"body\" is empty"));
        assert!(reason(json!({"documents": "x"})).contains("\"documents\" must be an array"));
    }

    #[test]
    fn multi_news_jsonl_cluster() {
        let out = run(
            json!({"id": 44972, "documents": ["First report.", "", "Third report."], "summary": "A long summary."}),
        );
        let docs: Vec<_> = out.into_iter().map(|r| r.unwrap()).collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "44972.0");
        assert_eq!(docs[1].id, "44972.2");
        assert_eq!(docs[1].text, "Third report.");
        assert_eq!(docs[0].extra.get("cluster"), Some(&json!("44972")));
        assert!(!docs[0].extra.contains_key("summary"));
    }

    #[test]
    fn multi_news_raw_line() {
        let ctx = RecordCtx {
            path: "test.src",
            stem: "test",
            record: Some(3),
        };
        let mut out = VecDeque::new();
        from_multi_news_line(
            "First line. NEWLINE_CHAR NEWLINE_CHAR Second para. ||||| Other report. |||||",
            &ctx,
            &mut out,
        );
        let docs: Vec<_> = out.into_iter().map(|r| r.unwrap()).collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "test#3.0");
        assert_eq!(docs[0].text, "First line.\n\nSecond para.");
        assert_eq!(docs[1].id, "test#3.1");
        assert_eq!(docs[1].extra.get("cluster"), Some(&json!("test#3")));
        assert_eq!(docs[1].origin.record, Some(3));
    }
}
