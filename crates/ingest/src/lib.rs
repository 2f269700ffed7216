//! Reading news reports from files and folders into [`dossier_core::Document`]s.
//!
//! This is the first stage of the Dossier pipeline. [`read_paths`] walks files and folders
//! and streams one `Result<Document, Rejection>` per article: bad input (a broken JSON line,
//! invalid UTF-8, an empty or oversized file, a truncated gzip stream) becomes a
//! [`Rejection`] naming the file, the record and the reason, and reading goes on.
//!
//! # Formats
//!
//! The format is chosen from the file name (case-insensitive):
//!
//! * **Plain text and Markdown** (`.txt`, `.text`, `.md`, `.markdown`, or no extension): one
//!   article per file, its id the file stem. [`Document::text`] is the file exactly as read;
//!   [`Document::body`] is the reporting part of it (see [`parse_plain_text`]):
//!   - a leading `date YYYY-MM-DD` header (`Date: 2017-04-15` works too) gives the
//!     publication date and is left out of the body;
//!   - otherwise a news dateline opening the first paragraph (`LONDON, April 15, 2017 —`,
//!     `April 15, 2017 -`, `MOSCOW (Reuters), 2017-04-15 -`) gives the date and stays in the
//!     body. Only full dates count: a dateline without a year gives no date;
//!   - Markdown front matter between `---` lines (`title:`, `date:`/`published:`, `source:`,
//!     `url:`) gives metadata and is left out of the body; a first line `# Heading` gives
//!     the title;
//!   - a short first line with no closing punctuation, followed by a blank line, is the
//!     title (it stays in the body).
//! * **JSON Lines** (`.jsonl`, `.ndjson`, and `.json` files that are JSON Lines): one object
//!   per line with `id`, `source`, `url`, `title`, `published` and `text` (only `text` is
//!   required; aliases `body`/`content`, `date`, `outlet`/`publisher`, `headline` are
//!   accepted). Unknown fields are kept in [`Document::extra`]. An object with a `documents`
//!   array (the Multi-News JSONL layout) gives one document per element, with ids
//!   `<id>.<n>` and `extra["cluster"] = <id>`. A `.json` file holding one JSON array or
//!   pretty-printed object is read whole (up to [`MAX_JSON_FILE_BYTES`]).
//! * **Multi-News raw** (`.src`, `.source`, `.src.cleaned`, or a text file whose first line
//!   contains `|||||`): one cluster per line, articles separated by `|||||`, the token
//!   `NEWLINE_CHAR` standing for a line break. Ids are `<stem>#<line>.<n>`.
//! * **Web pages** (`.html`, `.htm`, `.xhtml`): one article per page, read out of the page by
//!   [`dossier_web::extract_article`] (main text without navigation and other page
//!   furniture, title, date, author, canonical URL, language; any character encoding). Its id
//!   is the file stem. [`Document::text`] is laid out as a plain-text article: the headline,
//!   a blank line, then one paragraph per line; the body is all of it. A date from the
//!   page's metadata is [`DateSource::Metadata`](dossier_core::DateSource::Metadata) (else a
//!   dateline opening the article counts, as for plain text); the source is the page's site
//!   name, else its URL's host; `extra["author"]` holds the byline. The URL is the page's
//!   canonical one, else the one a browser noted when saving it (`<!-- saved from url=…
//!   -->`). A page may be at most [`dossier_web::MAX_PAGE_BYTES`], decompressed.
//! * **WARC web archives** (`.warc`; `.warc.gz`, gzip-compressed whole or, as crawlers
//!   write them, record by record): one document per archived HTML page, read as a web
//!   page is. `response` records holding a 2xx HTTP response with an HTML `Content-Type`
//!   (chunked transfer and gzip/deflate content encoding undone, the charset of the
//!   `Content-Type` used) and `resource` records of an HTML type count; other records
//!   (`warcinfo`, `request`, `metadata`, `revisit`, images, error pages, redirects) are
//!   skipped without a word. Ids are `<stem>.<n>` and [`Origin::record`](dossier_core::Origin)
//!   is `n`, the 1-based number of the record in the archive; the URL is the page's
//!   canonical one, else `WARC-Target-URI` (`WARC-Date` is when the page was fetched, not
//!   published, and is not used). Archives are streamed a record at a time. A page that
//!   cannot be read is rejected with its record number and reading goes on; an archive
//!   that breaks off (truncated, corrupt gzip) gives every record before the break, then
//!   one rejection naming the record where it broke.
//! * **gzip**: any of the above with a `.gz` suffix (`validation.jsonl.gz`) is decompressed
//!   as it is read.
//!
//! Line formats are streamed line by line (a 50 MB JSON Lines file is never held in memory);
//! a whole-file article may be at most [`MAX_DOCUMENT_BYTES`].
//!
//! In folders (walked recursively, entries in name order, hidden entries skipped) files with
//! other extensions are skipped; a file named explicitly is read as plain text whatever its
//! extension.

#![warn(missing_docs)]

mod date;
mod error;
mod files;
mod html;
mod lines;
mod plain;
mod records;
mod walk;
mod warc;

use std::path::{Path, PathBuf};

pub use date::parse_date;
use dossier_core::Document;
pub use error::{IngestError, Rejection};
pub use plain::parse_plain_text;

/// Largest article Dossier reads: a plain-text file (or one JSON text field) over this is
/// rejected without being read whole.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

/// Longest line of a line format (JSON Lines, Multi-News) read; longer lines are skipped
/// (without being held in memory) and rejected.
pub const MAX_LINE_BYTES: usize = 4 * MAX_DOCUMENT_BYTES;

/// Largest `.json` file read whole (a JSON array or a single pretty-printed object). JSON
/// Lines files have no size limit.
pub const MAX_JSON_FILE_BYTES: usize = 10 * MAX_DOCUMENT_BYTES;

/// Streams documents from files and folders, in order.
///
/// Folders are walked recursively, entries sorted by name, hidden entries (names starting
/// with `.`) skipped, files of unknown formats skipped. Files named explicitly are read
/// whatever their extension (unknown ones as plain text). Each problem (a missing path, an
/// unreadable folder, a bad file or record) is yielded as a [`Rejection`] and reading goes
/// on with the next record or file.
pub fn read_paths(
    paths: &[PathBuf],
) -> impl Iterator<Item = Result<Document, Rejection>> + Send + 'static {
    walk::Walk::new(paths.to_vec())
}

/// Reads one file, choosing the format by its name (an unknown extension is read as plain
/// text). Line formats are streamed; a file that cannot be opened gives one [`Rejection`].
pub fn read_file(path: &Path) -> Box<dyn Iterator<Item = Result<Document, Rejection>> + Send> {
    match files::open(path, true) {
        Some(it) => it,
        // `open` only skips files that were not named explicitly.
        None => Box::new(std::iter::empty()),
    }
}
