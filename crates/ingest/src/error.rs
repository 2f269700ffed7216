//! Why an input was rejected.

use std::fmt;

use serde::Serialize;

use crate::MAX_DOCUMENT_BYTES;

/// One input that could not be read: which file, which record (1-based line for JSONL and
/// Multi-News), and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rejection {
    /// The file (or folder) as given or found, for display.
    pub path: String,
    /// The 1-based line (or array element, or WARC record) inside the file, when the problem
    /// is one record.
    pub record: Option<usize>,
    /// What was wrong, for a person to read.
    pub reason: String,
}

impl Rejection {
    /// A rejection of `path` (and `record`, if any) for `reason`.
    pub fn new(path: impl Into<String>, record: Option<usize>, reason: impl fmt::Display) -> Self {
        Rejection {
            path: path.into(),
            record,
            reason: reason.to_string(),
        }
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(record) => write!(f, "{}:{}: {}", self.path, record, self.reason),
            None => write!(f, "{}: {}", self.path, self.reason),
        }
    }
}

impl std::error::Error for Rejection {}

/// The reasons ingest rejects an input; a [`Rejection`] carries one as its `reason` text.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// The path does not exist.
    #[error("no such file or directory")]
    NotFound,
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Io(#[source] std::io::Error),
    /// A folder could not be listed.
    #[error("cannot read directory: {0}")]
    Directory(#[source] std::io::Error),
    /// A gzip stream ended early or is corrupt; what came before it was read.
    #[error("gzip stream is corrupt or truncated: {0}")]
    Gzip(#[source] std::io::Error),
    /// The file (or a record's text) holds nothing but whitespace.
    #[error("empty file")]
    EmptyFile,
    /// The file has a header (date line, front matter) but no article after it.
    #[error("no article text after the header")]
    NoBody,
    /// Bytes that are not UTF-8.
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte, from the start of the (decompressed) file.
        offset: u64,
    },
    /// A whole-file article over [`MAX_DOCUMENT_BYTES`](crate::MAX_DOCUMENT_BYTES).
    #[error("file is {} MB; one article may be at most {} MB", mb(*bytes), MAX_DOCUMENT_BYTES >> 20)]
    FileTooLarge {
        /// The file's size.
        bytes: u64,
    },
    /// A compressed whole-file article that decompresses to more than the limit.
    #[error("file is more than {} MB once decompressed; one article may be at most {} MB", MAX_DOCUMENT_BYTES >> 20, MAX_DOCUMENT_BYTES >> 20)]
    DecompressedTooLarge,
    /// A `.json` file (not JSON Lines) over the whole-file limit.
    #[error("JSON file is more than {} MB; write large inputs as JSON Lines (one object per line)", crate::MAX_JSON_FILE_BYTES >> 20)]
    JsonFileTooLarge,
    /// One article's text over the limit.
    #[error("text is {} MB; one article may be at most {} MB", mb(*bytes), MAX_DOCUMENT_BYTES >> 20)]
    DocumentTooLarge {
        /// The text's size.
        bytes: u64,
    },
    /// A line over [`MAX_LINE_BYTES`](crate::MAX_LINE_BYTES).
    #[error("line is {} MB; a line may be at most {} MB", mb(*bytes), crate::MAX_LINE_BYTES >> 20)]
    LineTooLong {
        /// The line's length.
        bytes: u64,
    },
    /// A line or file that is not valid JSON.
    #[error("invalid JSON: {0}")]
    Json(#[source] serde_json::Error),
    /// A JSON record that is not an object.
    #[error("expected a JSON object, found {0}")]
    NotAnObject(&'static str),
    /// A JSON record without any of `text`, `body`, `content`.
    #[error("missing \"text\" field (or \"body\"/\"content\")")]
    MissingText,
    /// A JSON text field that is not a string.
    #[error("\"{field}\" is {found}, not a string")]
    TextNotString {
        /// The field.
        field: String,
        /// What it is instead.
        found: &'static str,
    },
    /// A JSON text field that is empty or whitespace.
    #[error("\"{0}\" is empty")]
    EmptyText(String),
    /// A `documents` field that is not an array of strings.
    #[error("\"documents\" must be an array of strings; {0}")]
    BadDocuments(String),
    /// A web page from which no article could be read (an empty page, an index page, a
    /// page of links).
    #[error(transparent)]
    Web(#[from] dossier_web::WebError),
    /// A web page over [`dossier_web::MAX_PAGE_BYTES`].
    #[error("page is {} MB; a web page may be at most {} MB", mb(*bytes), dossier_web::MAX_PAGE_BYTES >> 20)]
    PageTooLarge {
        /// The page's size (compressed or chunked, as stored).
        bytes: u64,
    },
    /// A compressed web page that decompresses to more than [`dossier_web::MAX_PAGE_BYTES`].
    #[error("page is more than {} MB once decompressed; a web page may be at most {} MB", dossier_web::MAX_PAGE_BYTES >> 20, dossier_web::MAX_PAGE_BYTES >> 20)]
    PageDecompressedTooLarge,
    /// A `.warc` file that does not start with a WARC record.
    #[error(
        "not a WARC archive: it does not start with a \"WARC/1.0\" or \"WARC/1.1\" record header"
    )]
    NotWarc,
    /// A `.warc` file with nothing but whitespace in it (once decompressed).
    #[error("WARC archive holds no records")]
    NoWarcRecords,
    /// A WARC archive that ends inside a record, or cannot be read from this record on (a
    /// corrupt gzip member, a mangled record header). The records before it were read.
    #[error("archive truncated or corrupt: {0}; nothing after this point could be read")]
    BrokenArchive(String),
    /// An archived HTTP response that cannot be decoded (a malformed header, chunked
    /// encoding or compressed body, an unsupported `Content-Encoding`).
    #[error("cannot read the archived HTTP response: {0}")]
    HttpPayload(String),
}

/// Bytes as megabytes (10^6) with one decimal, for messages.
fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1e6)
}

/// The JSON type name of `v`, for messages.
pub(crate) fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

impl IngestError {
    /// The error for an I/O failure opening or reading a file (a missing file gets
    /// [`IngestError::NotFound`]).
    pub(crate) fn io(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::NotFound {
            IngestError::NotFound
        } else {
            IngestError::Io(e)
        }
    }
}
