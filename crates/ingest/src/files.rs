//! One file: format by name, decompression, whole-file formats.

use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::Path;

use dossier_core::{Document, Origin};
use flate2::read::MultiGzDecoder;
use serde_json::Value;

use crate::error::{IngestError, Rejection};
use crate::lines::{peek_line, Input, LineFormat, LineRecords};
use crate::plain::parse_plain_text;
use crate::records::{self, RecordCtx};
use crate::{MAX_DOCUMENT_BYTES, MAX_JSON_FILE_BYTES, MAX_LINE_BYTES};

/// Documents of one file.
pub(crate) type Documents = Box<dyn Iterator<Item = Result<Document, Rejection>> + Send>;

/// Read buffer size.
const BUFFER: usize = 256 * 1024;

/// A file's format, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// One article per file (may turn out to be Multi-News raw).
    Plain,
    /// JSON Lines.
    JsonLines,
    /// `.json`: JSON Lines, or one JSON value read whole.
    Json,
    /// Multi-News raw.
    MultiNews,
    /// A saved web page.
    Html,
    /// A WARC web archive.
    Warc,
}

/// Extensions (lower case, without the gzip suffix) and their formats, longest first.
const EXTENSIONS: [(&str, Format); 16] = [
    (".source.cleaned", Format::MultiNews),
    (".src.cleaned", Format::MultiNews),
    (".markdown", Format::Plain),
    (".source", Format::MultiNews),
    (".ndjson", Format::JsonLines),
    (".xhtml", Format::Html),
    (".jsonl", Format::JsonLines),
    (".text", Format::Plain),
    (".json", Format::Json),
    (".html", Format::Html),
    (".warc", Format::Warc),
    (".htm", Format::Html),
    (".src", Format::MultiNews),
    (".txt", Format::Plain),
    (".md", Format::Plain),
    ("", Format::Plain),
];

/// How to read a file: its format, its stem (the name without format and gzip
/// extensions), whether it is gzip-compressed. `None` for an unknown extension.
fn classify(name: &str) -> Option<(Format, String, bool)> {
    let lower = name.to_ascii_lowercase();
    let (lower, inner, gzip) = match lower.strip_suffix(".gz") {
        Some(l) => (l.to_string(), &name[..l.len()], true),
        None => (lower.clone(), name, false),
    };
    for (ext, format) in EXTENSIONS {
        if ext.is_empty() {
            // No extension at all (a leading dot does not count).
            if !lower.trim_start_matches('.').contains('.') {
                return Some((format, inner.to_string(), gzip));
            }
        } else if lower.ends_with(ext) && lower.len() > ext.len() {
            return Some((format, inner[..inner.len() - ext.len()].to_string(), gzip));
        }
    }
    None
}

/// The documents of `path`. Files of unknown formats give `None` unless `explicit`, when
/// they are read as plain text.
pub(crate) fn open(path: &Path, explicit: bool) -> Option<Documents> {
    let display = path.display().to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| display.clone());
    let (format, stem, gzip) = match classify(&name) {
        Some(c) => c,
        None if explicit => {
            let gzip = name.to_ascii_lowercase().ends_with(".gz");
            let inner = if gzip {
                &name[..name.len() - 3]
            } else {
                &name[..]
            };
            let stem = Path::new(inner)
                .file_stem()
                .map_or_else(|| inner.to_string(), |s| s.to_string_lossy().into_owned());
            (Format::Plain, stem, gzip)
        }
        None => return None,
    };
    Some(match read(path, &display, format, stem, gzip) {
        Ok(docs) => docs,
        Err(e) => one(Err(Rejection::new(display, None, e))),
    })
}

/// All of `input`, but at most `limit` + 1 bytes, so that a caller can tell an input over
/// the limit without holding it whole. A read error is a gzip error when `gzip`.
pub(crate) fn read_capped(input: Input, limit: usize, gzip: bool) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    input
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            if gzip {
                IngestError::Gzip(e)
            } else {
                IngestError::Io(e)
            }
        })?;
    Ok(bytes)
}

fn one(item: Result<Document, Rejection>) -> Documents {
    Box::new(std::iter::once(item))
}

fn read(
    path: &Path,
    display: &str,
    format: Format,
    stem: String,
    gzip: bool,
) -> Result<Documents, IngestError> {
    let file = File::open(path).map_err(IngestError::io)?;
    let size = file.metadata().map_err(IngestError::io)?.len();
    if size == 0 {
        return Err(IngestError::EmptyFile);
    }
    // A WARC archive's reader decompresses it when its bytes are gzip, whatever its name.
    let mut input: Input = if gzip && format != Format::Warc {
        Box::new(BufReader::with_capacity(
            BUFFER,
            MultiGzDecoder::new(BufReader::new(file)),
        ))
    } else {
        Box::new(BufReader::with_capacity(BUFFER, file))
    };
    let read_error = |e: std::io::Error| {
        if gzip {
            IngestError::Gzip(e)
        } else {
            IngestError::Io(e)
        }
    };
    let lines = |input: Input, format| -> Documents {
        Box::new(LineRecords::new(
            input,
            format,
            display.to_string(),
            stem.clone(),
            gzip,
        ))
    };

    match format {
        Format::JsonLines => Ok(lines(input, LineFormat::JsonLines)),
        Format::Html => {
            let origin = Origin {
                path: display.to_string(),
                record: None,
            };
            crate::html::read_page(input, size, gzip, &stem, origin).map(|d| one(Ok(d)))
        }
        Format::Warc => Ok(Box::new(crate::warc::WarcRecords::new(
            input, display, &stem,
        ))),
        Format::MultiNews => Ok(lines(input, LineFormat::MultiNews)),
        Format::Json => {
            // JSON Lines unless the first non-blank line opens an array or a multi-line object.
            let mut head = Vec::new();
            let first = loop {
                let from = head.len();
                peek_line(&mut input, &mut head, from + MAX_LINE_BYTES).map_err(read_error)?;
                let line = &head[from..];
                if line.is_empty() || !line.iter().all(u8::is_ascii_whitespace) {
                    break line.to_vec();
                }
            };
            let first = String::from_utf8_lossy(&first);
            let first = first.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            let input: Input = Box::new(Cursor::new(head).chain(input));
            if first.starts_with('[') || first == "{" {
                read_json_value(input, display, &stem, gzip)
            } else {
                Ok(lines(input, LineFormat::JsonLines))
            }
        }
        Format::Plain => {
            let mut text = Vec::new();
            peek_line(&mut input, &mut text, MAX_DOCUMENT_BYTES + 1).map_err(read_error)?;
            if text.windows(5).any(|w| w == b"|||||") {
                let input: Input = Box::new(Cursor::new(text).chain(input));
                return Ok(lines(input, LineFormat::MultiNews));
            }
            if !gzip && size > MAX_DOCUMENT_BYTES as u64 {
                return Err(IngestError::FileTooLarge { bytes: size });
            }
            let room = (MAX_DOCUMENT_BYTES + 1).saturating_sub(text.len()) as u64;
            input
                .take(room)
                .read_to_end(&mut text)
                .map_err(read_error)?;
            if text.len() > MAX_DOCUMENT_BYTES {
                return Err(if gzip {
                    IngestError::DecompressedTooLarge
                } else {
                    IngestError::FileTooLarge {
                        bytes: text.len() as u64,
                    }
                });
            }
            let text = String::from_utf8(text).map_err(|e| IngestError::InvalidUtf8 {
                offset: e.utf8_error().valid_up_to() as u64,
            })?;
            if text
                .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                .is_empty()
            {
                return Err(IngestError::EmptyFile);
            }
            let origin = Origin {
                path: display.to_string(),
                record: None,
            };
            let doc = parse_plain_text(&stem, text, origin);
            if doc.body.is_empty() {
                return Err(IngestError::NoBody);
            }
            Ok(one(Ok(doc)))
        }
    }
}

/// A `.json` file that is one JSON value: an array of records (numbered from 1) or one
/// record.
fn read_json_value(
    input: Input,
    display: &str,
    stem: &str,
    gzip: bool,
) -> Result<Documents, IngestError> {
    let bytes = read_capped(input, MAX_JSON_FILE_BYTES, gzip)?;
    if bytes.len() > MAX_JSON_FILE_BYTES {
        return Err(IngestError::JsonFileTooLarge);
    }
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let value: Value = serde_json::from_slice(body).map_err(IngestError::Json)?;
    drop(bytes);
    let mut out = std::collections::VecDeque::new();
    match value {
        Value::Array(items) => {
            for (i, item) in items.into_iter().enumerate() {
                let ctx = RecordCtx {
                    path: display,
                    stem,
                    record: Some(i + 1),
                };
                records::from_json(item, &ctx, &mut out);
            }
        }
        other => {
            let ctx = RecordCtx {
                path: display,
                stem,
                record: None,
            };
            records::from_json(other, &ctx, &mut out);
        }
    }
    Ok(Box::new(out.into_iter()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name() {
        let c = |n: &str| classify(n);
        assert_eq!(
            c("001_ab.txt"),
            Some((Format::Plain, "001_ab".into(), false))
        );
        assert_eq!(c("Notes.MD"), Some((Format::Plain, "Notes".into(), false)));
        assert_eq!(c("README"), Some((Format::Plain, "README".into(), false)));
        assert_eq!(
            c("validation.jsonl.gz"),
            Some((Format::JsonLines, "validation".into(), true))
        );
        assert_eq!(
            c("train.src.cleaned"),
            Some((Format::MultiNews, "train".into(), false))
        );
        assert_eq!(
            c("test.source.gz"),
            Some((Format::MultiNews, "test".into(), true))
        );
        assert_eq!(c("feed.json"), Some((Format::Json, "feed".into(), false)));
        assert_eq!(c("Page.HTM"), Some((Format::Html, "Page".into(), false)));
        assert_eq!(
            c("story.xhtml.gz"),
            Some((Format::Html, "story".into(), true))
        );
        assert_eq!(
            c("crawl-00001.warc.gz"),
            Some((Format::Warc, "crawl-00001".into(), true))
        );
        assert_eq!(c("photo.jpg"), None);
        assert_eq!(c("archive.tar.gz"), None);
    }
}
