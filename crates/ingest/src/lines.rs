//! Line formats (JSON Lines, Multi-News raw), streamed line by line.

use std::collections::VecDeque;
use std::io::{self, BufRead};

use dossier_core::Document;

use crate::error::{IngestError, Rejection};
use crate::records::{self, RecordCtx};
use crate::MAX_LINE_BYTES;

/// A reader of decompressed bytes.
pub(crate) type Input = Box<dyn BufRead + Send>;

/// What one [`read_line`] call found.
#[derive(Debug, PartialEq)]
pub(crate) enum Line {
    /// End of input; nothing read.
    Eof,
    /// A line (now in the buffer, without `\n`); `consumed` bytes were read, newline included.
    Complete { consumed: usize },
    /// A line longer than the cap; it was read to its end and dropped.
    TooLong { consumed: usize },
}

/// Reads one line into `buf` (without its `\n` or `\r\n`), keeping at most `cap` bytes: a
/// longer line is consumed to its end without being held and reported as [`Line::TooLong`].
pub(crate) fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>, cap: usize) -> io::Result<Line> {
    buf.clear();
    let mut consumed = 0usize;
    let mut too_long = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            if consumed == 0 {
                return Ok(Line::Eof);
            }
            break;
        }
        let newline = chunk.iter().position(|&b| b == b'\n');
        let take = newline.map_or(chunk.len(), |i| i + 1);
        let content = &chunk[..newline.unwrap_or(chunk.len())];
        if !too_long {
            if buf.len() + content.len() > cap {
                too_long = true;
                buf.clear();
                buf.shrink_to(64 * 1024);
            } else {
                buf.extend_from_slice(content);
            }
        }
        consumed += take;
        r.consume(take);
        if newline.is_some() {
            break;
        }
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(if too_long {
        Line::TooLong { consumed }
    } else {
        Line::Complete { consumed }
    })
}

/// Reads from `r` into `buf` up to and including the next `\n`, or until `buf` holds `cap`
/// bytes, or to the end of input. Bytes read are kept (for replaying them).
pub(crate) fn peek_line(r: &mut dyn BufRead, buf: &mut Vec<u8>, cap: usize) -> io::Result<()> {
    while buf.len() < cap {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(());
        }
        let room = cap - buf.len();
        let newline = chunk.iter().take(room).position(|&b| b == b'\n');
        let take = newline.map_or(chunk.len().min(room), |i| i + 1);
        buf.extend_from_slice(&chunk[..take]);
        r.consume(take);
        if newline.is_some() {
            return Ok(());
        }
    }
    Ok(())
}

/// Which line format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineFormat {
    /// One JSON object per line.
    JsonLines,
    /// Multi-News raw: `|||||`-separated articles, `NEWLINE_CHAR` for newlines.
    MultiNews,
}

/// Documents of a line-format file, read one line at a time.
pub(crate) struct LineRecords {
    input: Input,
    format: LineFormat,
    path: String,
    stem: String,
    gzip: bool,
    line_no: usize,
    offset: u64,
    buf: Vec<u8>,
    pending: VecDeque<Result<Document, Rejection>>,
    saw_record: bool,
    done: bool,
}

impl LineRecords {
    /// Reads `input` (decompressed) as `format`; `path` names the file in messages and
    /// origins, `stem` gives fallback ids; `gzip` says whether read errors are gzip errors.
    pub(crate) fn new(
        input: Input,
        format: LineFormat,
        path: String,
        stem: String,
        gzip: bool,
    ) -> Self {
        LineRecords {
            input,
            format,
            path,
            stem,
            gzip,
            line_no: 0,
            offset: 0,
            buf: Vec::new(),
            pending: VecDeque::new(),
            saw_record: false,
            done: false,
        }
    }

    fn reject(&mut self, record: Option<usize>, reason: IngestError) {
        self.pending
            .push_back(Err(Rejection::new(self.path.clone(), record, reason)));
    }

    /// Reads the next line and queues what it gives.
    fn advance(&mut self) {
        let consumed = match read_line(&mut self.input, &mut self.buf, MAX_LINE_BYTES) {
            Ok(Line::Eof) => {
                self.done = true;
                if !self.saw_record {
                    self.reject(None, IngestError::EmptyFile);
                }
                return;
            }
            Err(e) => {
                self.done = true;
                let reason = if self.gzip {
                    IngestError::Gzip(e)
                } else {
                    IngestError::Io(e)
                };
                self.reject(Some(self.line_no + 1), reason);
                return;
            }
            Ok(Line::TooLong { consumed }) => {
                self.line_no += 1;
                self.saw_record = true;
                self.reject(
                    Some(self.line_no),
                    IngestError::LineTooLong {
                        bytes: consumed as u64,
                    },
                );
                self.offset += consumed as u64;
                return;
            }
            Ok(Line::Complete { consumed }) => consumed,
        };
        self.line_no += 1;
        let line_start = self.offset;
        self.offset += consumed as u64;
        if self.buf.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        self.saw_record = true;
        let line = match std::str::from_utf8(&self.buf) {
            Ok(s) => s,
            Err(e) => {
                let offset = line_start + e.valid_up_to() as u64;
                self.reject(Some(self.line_no), IngestError::InvalidUtf8 { offset });
                return;
            }
        };
        let line = if self.line_no == 1 {
            line.trim_start_matches('\u{feff}')
        } else {
            line
        };
        let ctx = RecordCtx {
            path: &self.path,
            stem: &self.stem,
            record: Some(self.line_no),
        };
        match self.format {
            LineFormat::JsonLines => match serde_json::from_str(line) {
                Ok(value) => records::from_json(value, &ctx, &mut self.pending),
                Err(e) => self.pending.push_back(Err(Rejection::new(
                    self.path.clone(),
                    Some(self.line_no),
                    IngestError::Json(e),
                ))),
            },
            LineFormat::MultiNews => records::from_multi_news_line(line, &ctx, &mut self.pending),
        }
    }
}

impl Iterator for LineRecords {
    type Item = Result<Document, Rejection>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            self.advance();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_capped_and_skipped_whole() {
        let data = b"short\r\nthis line is far too long\nnext\nlast";
        let mut r: &[u8] = data;
        let mut buf = Vec::new();
        assert_eq!(
            read_line(&mut r, &mut buf, 10).unwrap(),
            Line::Complete { consumed: 7 }
        );
        assert_eq!(buf, b"short");
        assert_eq!(
            read_line(&mut r, &mut buf, 10).unwrap(),
            Line::TooLong { consumed: 26 }
        );
        assert_eq!(
            read_line(&mut r, &mut buf, 10).unwrap(),
            Line::Complete { consumed: 5 }
        );
        assert_eq!(buf, b"next");
        assert_eq!(
            read_line(&mut r, &mut buf, 10).unwrap(),
            Line::Complete { consumed: 4 }
        );
        assert_eq!(buf, b"last");
        assert_eq!(read_line(&mut r, &mut buf, 10).unwrap(), Line::Eof);
    }

    #[test]
    fn peek_stops_at_newline_or_cap() {
        let mut r: &[u8] = b"abc\ndef";
        let mut buf = Vec::new();
        peek_line(&mut r, &mut buf, 100).unwrap();
        assert_eq!(buf, b"abc\n");
        let mut r: &[u8] = b"abcdef\n";
        let mut buf = Vec::new();
        peek_line(&mut r, &mut buf, 4).unwrap();
        assert_eq!(buf, b"abcd");
        assert_eq!(r, b"ef\n");
    }
}
