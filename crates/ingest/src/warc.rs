//! WARC web archives (WARC/1.0 and 1.1, plain or gzip-compressed whole or per record):
//! the article of each archived HTML page.
//!
//! Records are streamed one at a time: a record's header is read (at most
//! [`MAX_HEADER_BYTES`]), then its block, of which only an HTML payload is held (at most
//! [`MAX_PAGE_BYTES`]); everything else is read past. The `warc` crate is not used: its
//! reader ends silently when an archive is cut inside a record header, reports a
//! non-WARC file as an empty archive, and holds header lines of any length.

use std::io::{self, BufRead, Read};

use dossier_core::{Document, Origin};
use dossier_web::MAX_PAGE_BYTES;
use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

use crate::error::{IngestError, Rejection};
use crate::html::page_document;
use crate::lines::Input;

/// Longest WARC record header, and longest archived HTTP response header, read. Real ones
/// are under 4 KB; anything longer means the archive is not what it claims to be.
const MAX_HEADER_BYTES: u64 = 64 * 1024;

/// Most header fields in a WARC or HTTP header.
const MAX_FIELDS: usize = 256;

/// The documents of one WARC archive, read lazily.
pub(crate) struct WarcRecords {
    input: Input,
    path: String,
    stem: String,
    /// The number of the record being read (1-based); 0 before the first.
    record: usize,
    /// Set once `input` has been checked for gzip.
    sniffed: bool,
    /// Whether `input` is decompressed from gzip.
    gzip: bool,
    done: bool,
}

/// What one record gave.
enum Step {
    /// No more records.
    End,
    /// A record that holds no HTML page (request, metadata, an image, a 404, …).
    Skip,
    /// A page's document, or why the page could not be read.
    Page(Box<Result<Document, IngestError>>),
}

/// A WARC record's header fields that matter here.
#[derive(Debug, Default)]
struct RecordHeader {
    kind: String,
    length: u64,
    content_type: Option<String>,
    target_uri: Option<String>,
    payload_type: Option<String>,
}

/// A fatal problem: the record it concerns (none for the file as a whole) and what it is.
type Fatal = (Option<usize>, IngestError);

impl WarcRecords {
    /// The records of `input`, the file's bytes as stored: gzip is recognised by its magic
    /// bytes, whatever the file's name says.
    pub(crate) fn new(input: Input, path: &str, stem: &str) -> Self {
        WarcRecords {
            input,
            path: path.to_string(),
            stem: stem.to_string(),
            record: 0,
            sniffed: false,
            gzip: false,
            done: false,
        }
    }

    /// Puts a gzip decoder on `input` if it is gzip-compressed.
    fn sniff(&mut self) -> Result<(), Fatal> {
        self.sniffed = true;
        let head = self
            .input
            .fill_buf()
            .map_err(|e| (None, IngestError::io(e)))?;
        if head.starts_with(&[0x1f, 0x8b]) {
            let raw = std::mem::replace(&mut self.input, Box::new(io::empty()));
            self.input = Box::new(io::BufReader::with_capacity(
                64 * 1024,
                MultiGzDecoder::new(raw),
            ));
            self.gzip = true;
            // Fail on a bad gzip header now, as a problem of the file rather than a record.
            self.input
                .fill_buf()
                .map_err(|e| (None, IngestError::Gzip(e)))?;
        }
        Ok(())
    }

    /// Reads the next record. An `Err` means the archive cannot be read on from here.
    fn step(&mut self) -> Result<Step, Fatal> {
        if !self.sniffed {
            self.sniff()?;
        }
        let next = self.record + 1;
        let gzip = self.gzip;
        let broken = |e| (Some(next), broken_io(e, gzip));
        if !skip_newlines(&mut self.input).map_err(broken)? {
            return if self.record == 0 {
                Err((None, IngestError::NoWarcRecords))
            } else {
                Ok(Step::End)
            };
        }
        let header = self.read_header(next)?;
        self.record = next;
        let mut block = Block {
            inner: &mut self.input,
            remaining: header.length,
            length: header.length,
        };
        // Crawlers also write `response` records of other protocols (Heritrix's `dns:`
        // lookups are `text/dns`): only an HTTP block is parsed as HTTP.
        let http = header.content_type.as_deref().is_none_or(|t| {
            t.trim_start()
                .to_ascii_lowercase()
                .starts_with("application/http")
        });
        let step = match header.kind.to_ascii_lowercase().as_str() {
            "response" if http => response(&mut block, &header),
            "response" | "resource" => resource(&mut block, &header),
            _ => Ok(Payload::None),
        };
        let step = step.and_then(|payload| {
            // Whatever the record held beyond what was needed is read past, not held.
            io::copy(&mut block, &mut io::sink())?;
            Ok(payload)
        });
        let payload = step.map_err(broken)?;
        // Reading on to the next record's start also reads to the end of this record's gzip
        // member, which checks it; and corrupt data that inflated to the wrong length
        // shows as a record not followed by another. Either way its page is not yielded.
        if skip_newlines(&mut self.input).map_err(broken)? {
            let head = self.input.fill_buf().map_err(broken)?;
            let n = head.len().min(5);
            if head[..n] != b"WARC/"[..n] {
                let found = String::from_utf8_lossy(&head[..head.len().min(40)]);
                let found = found.lines().next().unwrap_or("");
                return Err((
                    Some(next),
                    IngestError::BrokenArchive(format!(
                        "the record is followed by {found:?}, not by another record: its \
                         length is wrong or its data corrupt"
                    )),
                ));
            }
        }
        Ok(match payload {
            Payload::None => Step::Skip,
            Payload::Rejected(e) => Step::Page(Box::new(Err(e))),
            Payload::Html { page, charset } => {
                let origin = Origin {
                    path: self.path.clone(),
                    record: Some(next),
                };
                let id = format!("{}.{next}", self.stem);
                let url = header.target_uri.as_deref();
                let page = page_document(&page, url, charset.as_deref(), id, origin);
                Step::Page(Box::new(page))
            }
        })
    }

    /// Reads record `number`'s header: the version line, the fields, the blank line.
    fn read_header(&mut self, number: usize) -> Result<RecordHeader, Fatal> {
        let gzip = self.gzip;
        let broken = |e| (Some(number), broken_io(e, gzip));
        let mut limited = (&mut self.input).take(MAX_HEADER_BYTES);
        let mut raw = Vec::new();
        let read = limited.read_until(b'\n', &mut raw).map_err(broken)?;
        if !raw.starts_with(b"WARC/") {
            return Err(if number == 1 {
                (None, IngestError::NotWarc)
            } else {
                let shown = String::from_utf8_lossy(&raw[..raw.len().min(40)]).into_owned();
                (
                    Some(number),
                    IngestError::BrokenArchive(format!(
                        "expected a WARC record header, found {:?}",
                        shown.trim_end()
                    )),
                )
            });
        }
        let version_len = read;
        loop {
            let from = raw.len();
            let n = limited.read_until(b'\n', &mut raw).map_err(broken)?;
            let line = &raw[from..];
            if n == 0 || !line.ends_with(b"\n") {
                let why = if limited.limit() == 0 {
                    format!("record header longer than {} KB", MAX_HEADER_BYTES >> 10)
                } else {
                    "the archive ends inside the record header".to_string()
                };
                return Err((Some(number), IngestError::BrokenArchive(why)));
            }
            if line == b"\r\n" || line == b"\n" {
                break;
            }
        }
        parse_record_header(&raw[version_len..])
            .map_err(|why| (Some(number), IngestError::BrokenArchive(why)))
    }
}

impl Iterator for WarcRecords {
    type Item = Result<Document, Rejection>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.step() {
                Ok(Step::End) => self.done = true,
                Ok(Step::Skip) => {}
                Ok(Step::Page(page)) => {
                    return Some(
                        (*page)
                            .map_err(|e| Rejection::new(self.path.clone(), Some(self.record), e)),
                    )
                }
                Err((record, e)) => {
                    self.done = true;
                    return Some(Err(Rejection::new(self.path.clone(), record, e)));
                }
            }
        }
        None
    }
}

/// The archive ending inside a record.
#[derive(Debug)]
struct Cut {
    read: u64,
    length: u64,
}

impl std::fmt::Display for Cut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the archive ends inside the record ({} of its {} bytes are there)",
            self.read, self.length
        )
    }
}

impl std::error::Error for Cut {}

/// The error for a failed read inside the archive: the archive ended early, or its gzip
/// stream is corrupt.
fn broken_io(e: io::Error, gzip: bool) -> IngestError {
    IngestError::BrokenArchive(
        match e.get_ref().and_then(|inner| inner.downcast_ref::<Cut>()) {
            Some(cut) => cut.to_string(),
            None if gzip => format!("the gzip stream breaks off or is corrupt ({e})"),
            None => format!("cannot read on ({e})"),
        },
    )
}

/// Reads past line breaks between records (a record ends with two; some writers add more
/// or use bare `\n`). False at the end of the input.
fn skip_newlines(input: &mut Input) -> io::Result<bool> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        let n = buf
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        let more = n < buf.len();
        input.consume(n);
        if more {
            return Ok(true);
        }
    }
}

/// The fields of a WARC record header (after the version line, through the blank line).
fn parse_record_header(fields: &[u8]) -> Result<RecordHeader, String> {
    let mut storage = [httparse::EMPTY_HEADER; MAX_FIELDS];
    let parsed = match httparse::parse_headers(fields, &mut storage) {
        Ok(httparse::Status::Complete((_, parsed))) => parsed,
        Ok(httparse::Status::Partial) => return Err("incomplete record header".to_string()),
        Err(e) => return Err(format!("malformed record header ({e})")),
    };
    let mut header = RecordHeader::default();
    let mut length = None;
    for field in parsed {
        let value = || String::from_utf8_lossy(field.value).trim().to_string();
        let name = field.name;
        if name.eq_ignore_ascii_case("WARC-Type") {
            header.kind = value();
        } else if name.eq_ignore_ascii_case("Content-Length") {
            length = value().parse::<u64>().ok();
        } else if name.eq_ignore_ascii_case("Content-Type") {
            header.content_type = Some(value());
        } else if name.eq_ignore_ascii_case("WARC-Target-URI") {
            // WARC/1.0's grammar wrapped the URI in angle brackets; some writers still do.
            let uri = value();
            let uri = uri.trim_start_matches('<').trim_end_matches('>').trim();
            header.target_uri = (!uri.is_empty()).then(|| uri.to_string());
        } else if name.eq_ignore_ascii_case("WARC-Identified-Payload-Type") {
            header.payload_type = Some(value());
        }
    }
    header.length = length.ok_or("record header has no valid Content-Length")?;
    Ok(header)
}

/// A record's block: reads end at its length, and the archive ending first is an error
/// (never a short block taken for a whole one).
struct Block<'a> {
    inner: &'a mut Input,
    remaining: u64,
    length: u64,
}

impl Read for Block<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let buf = self.fill_buf()?;
        let n = buf.len().min(out.len());
        out[..n].copy_from_slice(&buf[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Block<'_> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.remaining == 0 {
            return Ok(&[]);
        }
        let (remaining, length) = (self.remaining, self.length);
        let buf = self.inner.fill_buf()?;
        if buf.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                Cut {
                    read: length - remaining,
                    length,
                },
            ));
        }
        let n = buf
            .len()
            .min(usize::try_from(remaining).unwrap_or(usize::MAX));
        Ok(&buf[..n])
    }

    fn consume(&mut self, n: usize) {
        self.remaining -= n as u64;
        self.inner.consume(n);
    }
}

/// What a record's block held. I/O errors (the archive breaking off) are returned as
/// `Err` instead; rejections here concern only this record.
enum Payload {
    /// Not an HTML page.
    None,
    /// An HTML page that cannot be used.
    Rejected(IngestError),
    /// An HTML page's bytes and the charset its headers declared.
    Html {
        page: Vec<u8>,
        charset: Option<String>,
    },
}

/// A `resource` record: the block is the document itself, typed by the record's
/// `Content-Type`.
fn resource(block: &mut Block<'_>, header: &RecordHeader) -> io::Result<Payload> {
    let content_type = header.content_type.as_deref().unwrap_or("");
    if !is_html(content_type) {
        return Ok(Payload::None);
    }
    if block.remaining > MAX_PAGE_BYTES as u64 {
        return Ok(Payload::Rejected(IngestError::PageTooLarge {
            bytes: block.remaining,
        }));
    }
    let mut page = Vec::new();
    block.read_to_end(&mut page)?;
    Ok(Payload::Html {
        page,
        charset: charset(content_type),
    })
}

/// A `response` record: an HTTP response, of which 2xx HTML pages are wanted.
fn response(block: &mut Block<'_>, header: &RecordHeader) -> io::Result<Payload> {
    let mut head = Vec::new();
    let mut limited = (&mut *block).take(MAX_HEADER_BYTES);
    loop {
        let from = head.len();
        if limited.read_until(b'\n', &mut head)? == 0 || !head.ends_with(b"\n") {
            return Ok(rejected("the HTTP response header is cut off or too long"));
        }
        let line = &head[from..];
        if (line == b"\r\n" || line == b"\n") && from > 0 {
            break;
        }
    }
    // httparse knows HTTP/1.x only; archivers write what the server spoke, HTTP/2 included.
    for version in [&b"HTTP/2.0 "[..], b"HTTP/2 ", b"HTTP/3.0 ", b"HTTP/3 "] {
        if head.starts_with(version) {
            head.splice(..version.len(), b"HTTP/1.1 ".iter().copied());
            break;
        }
    }
    let mut storage = [httparse::EMPTY_HEADER; MAX_FIELDS];
    let mut http = httparse::Response::new(&mut storage);
    let parsed = httparse::ParserConfig::default()
        .allow_obsolete_multiline_headers_in_responses(true)
        .allow_spaces_after_header_name_in_responses(true)
        .allow_multiple_spaces_in_response_status_delimiters(true)
        .ignore_invalid_headers_in_responses(true)
        .parse_response(&mut http, &head);
    match parsed {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => return Ok(rejected("incomplete HTTP response header")),
        Err(e) => return Ok(rejected(&format!("malformed HTTP response header ({e})"))),
    }
    let field = |name: &str| {
        http.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    let status = http.code.unwrap_or(0);
    // 204 and 205 carry no page; other codes carry an error page or a redirect, not the
    // article.
    if !(200..300).contains(&status) || status == 204 || status == 205 {
        return Ok(Payload::None);
    }
    let content_type = field("Content-Type").or_else(|| header.payload_type.clone());
    let content_type = content_type.as_deref().unwrap_or("");
    if !is_html(content_type) {
        return Ok(Payload::None);
    }
    let chunked =
        field("Transfer-Encoding").is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    let encodings = field("Content-Encoding").unwrap_or_default();
    let charset = charset(content_type);
    if block.remaining > MAX_PAGE_BYTES as u64 {
        return Ok(Payload::Rejected(IngestError::PageTooLarge {
            bytes: block.remaining,
        }));
    }
    let mut body = Vec::new();
    block.read_to_end(&mut body)?;
    if chunked {
        body = match dechunk(&body) {
            Ok(Some(b)) => b,
            // Some archivers store the body de-chunked but keep the header.
            Ok(None) => body,
            Err(why) => return Ok(rejected(&why)),
        };
    }
    for coding in encodings.rsplit(',').map(|c| c.trim().to_ascii_lowercase()) {
        body = match decode(body, &coding) {
            Ok(b) => b,
            Err(e) => return Ok(Payload::Rejected(e)),
        };
    }
    Ok(Payload::Html {
        page: body,
        charset,
    })
}

fn rejected(why: &str) -> Payload {
    Payload::Rejected(IngestError::HttpPayload(why.to_string()))
}

/// True for an HTML media type (`text/html; charset=…`, `application/xhtml+xml`).
fn is_html(content_type: &str) -> bool {
    let media = content_type.split(';').next().unwrap_or("").trim();
    media.eq_ignore_ascii_case("text/html") || media.eq_ignore_ascii_case("application/xhtml+xml")
}

/// The `charset` parameter of a `Content-Type`.
fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        let value = value.trim().trim_matches(['"', '\'']).trim();
        (name.trim().eq_ignore_ascii_case("charset") && !value.is_empty())
            .then(|| value.to_string())
    })
}

/// The body of a chunked transfer: `Ok(None)` when `raw` does not start with a chunk
/// size, i.e. is not chunked after all. A body cut off inside a chunk (a crawler's
/// truncated capture) gives what there is.
fn dechunk(raw: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let mut out = Vec::with_capacity(raw.len());
    let mut rest = raw;
    let mut first = true;
    loop {
        let (skip, size) = match httparse::parse_chunk_size(rest) {
            Ok(httparse::Status::Complete(c)) => c,
            Ok(httparse::Status::Partial) => break,
            Err(_) if first => return Ok(None),
            Err(_) => return Err("malformed chunked transfer encoding".to_string()),
        };
        first = false;
        rest = &rest[skip..];
        if size == 0 {
            break;
        }
        let take = usize::try_from(size).unwrap_or(usize::MAX).min(rest.len());
        out.extend_from_slice(&rest[..take]);
        rest = &rest[take..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
        if rest.is_empty() {
            break;
        }
    }
    Ok(Some(out))
}

/// `body` with one `Content-Encoding` undone, read to at most [`MAX_PAGE_BYTES`].
fn decode(body: Vec<u8>, coding: &str) -> Result<Vec<u8>, IngestError> {
    let inflate = |reader: &mut dyn Read| -> Result<Vec<u8>, IngestError> {
        let mut out = Vec::new();
        reader
            .take(MAX_PAGE_BYTES as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|e| IngestError::HttpPayload(format!("cannot decompress the page ({e})")))?;
        if out.len() > MAX_PAGE_BYTES {
            return Err(IngestError::PageDecompressedTooLarge);
        }
        Ok(out)
    };
    match coding {
        "" | "identity" => Ok(body),
        // Some archivers store the body decoded but keep the header: only decode what is
        // actually compressed.
        "gzip" | "x-gzip" if body.starts_with(&[0x1f, 0x8b]) => {
            inflate(&mut MultiGzDecoder::new(&body[..]))
        }
        "gzip" | "x-gzip" => Ok(body),
        // "deflate" is meant to be zlib-wrapped, but many servers send raw deflate.
        "deflate" => inflate(&mut ZlibDecoder::new(&body[..]))
            .or_else(|_| inflate(&mut DeflateDecoder::new(&body[..]))),
        other => Err(IngestError::HttpPayload(format!(
            "unsupported Content-Encoding {other:?}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types() {
        assert!(is_html("text/html"));
        assert!(is_html("Text/HTML; charset=ISO-8859-1"));
        assert!(is_html("application/xhtml+xml"));
        assert!(!is_html("image/png"));
        assert!(!is_html("application/http; msgtype=response"));
        assert_eq!(
            charset("text/html; charset=\"windows-1252\"").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(charset("text/html;CHARSET=utf-8").as_deref(), Some("utf-8"));
        assert_eq!(charset("text/html"), None);
        assert_eq!(charset("text/html; charset="), None);
    }

    #[test]
    fn chunked_bodies() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n6;ext=1\r\npedia \r\n0\r\n\r\n"),
            Ok(Some(b"Wikipedia ".to_vec()))
        );
        // Cut off inside the second chunk: what there is.
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n10\r\nped"),
            Ok(Some(b"Wikiped".to_vec()))
        );
        assert_eq!(dechunk(b"<html>"), Ok(None));
        assert!(dechunk(b"4\r\nWiki\r\nzz\r\n").is_err());
    }

    #[test]
    fn record_headers() {
        let h = parse_record_header(
            b"WARC-Type: response\r\nWARC-Target-URI: <https://example.org/a>\r\nContent-Length: 12\r\n\r\n",
        )
        .unwrap();
        assert_eq!(h.kind, "response");
        assert_eq!(h.length, 12);
        assert_eq!(h.target_uri.as_deref(), Some("https://example.org/a"));
        assert!(parse_record_header(b"WARC-Type: response\r\n\r\n").is_err());
        assert!(parse_record_header(b"WARC-Type: response\r\nContent-Length: -1\r\n\r\n").is_err());
        assert!(parse_record_header(b"\x00bad\r\n\r\n").is_err());
    }

    fn record(kind: &str, content_type: &str, block: &str) -> String {
        format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://example.org/{kind}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    #[test]
    fn dns_records_http2_and_malformed_responses() {
        let page = "<html><body><article><p>The regional council voted on Tuesday to approve the budget, ending a month of debate over hospital funding.</p></article></body></html>";
        let archive = [
            record("warcinfo", "application/warc-fields", "software: t\r\n"),
            record(
                "response",
                "text/dns",
                "20240301120000\nexample.org. 300 IN A 192.0.2.1\n",
            ),
            record(
                "response",
                "application/http;msgtype=response",
                &format!("HTTP/2 200\r\ncontent-type: text/html\r\n\r\n{page}"),
            ),
            record(
                "response",
                "application/http; msgtype=response",
                "HTTP/1.1 200 OK\r\nContent Type text/html\r\n\r\n<p>x</p>",
            ),
            record(
                "response",
                "application/http; msgtype=response",
                "<html>\r\n<p>no status line</p>\r\n\r\n",
            ),
        ]
        .concat();
        let items: Vec<_> =
            WarcRecords::new(Box::new(io::Cursor::new(archive)), "t.warc", "t").collect();
        assert_eq!(items.len(), 2, "{items:?}");
        let doc = items[0].as_ref().unwrap();
        assert_eq!(doc.id, "t.3");
        assert_eq!(doc.url.as_deref(), Some("https://example.org/response"));
        assert!(doc
            .body_text()
            .starts_with("The regional council voted on Tuesday"));
        // A header line without a colon is ignored; the response has no content type then.
        let bad = items[1].as_ref().unwrap_err();
        assert_eq!(bad.record, Some(5));
        assert!(
            bad.reason.starts_with(
                "cannot read the archived HTTP response: malformed HTTP response header"
            ),
            "{bad}"
        );
    }

    #[test]
    fn encodings() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>hello</p>").unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(decode(gz, "gzip").unwrap(), b"<p>hello</p>");
        let mut raw = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        raw.write_all(b"<p>raw</p>").unwrap();
        assert_eq!(
            decode(raw.finish().unwrap(), "deflate").unwrap(),
            b"<p>raw</p>"
        );
        assert_eq!(
            decode(b"<p>plain</p>".to_vec(), "gzip").unwrap(),
            b"<p>plain</p>"
        );
        assert!(decode(b"x".to_vec(), "br").is_err());
        let bomb = vec![0u8; MAX_PAGE_BYTES + 10];
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&bomb).unwrap();
        assert!(matches!(
            decode(gz.finish().unwrap(), "gzip"),
            Err(IngestError::PageDecompressedTooLarge)
        ));
    }
}
