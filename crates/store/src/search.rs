//! Full-text search over sentences.

use dossier_core::Span;

use crate::{sql, to_i64, to_usize, SearchHit, Store, StoreError};

/// Turns user text into a safe FTS5 query: each whitespace-separated word that contains a
/// letter or digit becomes a quoted string (inner `"` doubled), and the strings are ANDed.
/// FTS5 operators (`OR`, `NOT`, `NEAR`, `-`, `:`, `*`, `^`, parentheses) in the input are
/// thereby plain text and can never cause a syntax error; words with no letter or digit
/// (`--`, `:*`) are dropped, as the tokenizer would drop them anyway. A quoted word is
/// tokenized like the indexed text, so `Kadyrov's` matches the phrase "kadyrov s".
/// `None` when nothing searchable is left.
pub(crate) fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| format!("\"{}\"", word.replace('"', "\"\"")))
        .collect();
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" AND "))
    }
}

impl Store {
    /// Full-text search over sentences (FTS5, bm25 ranking, case and diacritics ignored).
    ///
    /// `query` is user text: every word of it must occur in a sentence for it to match (see
    /// the quoting rules on `fts_query`); FTS5 syntax characters such as `"`, `-`, `:` or `*`
    /// are taken literally and never produce a syntax error. Returns at most `limit` hits,
    /// best first (ties in ingest order); an empty result for a query with no words.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        const OP: &str = "searching sentences";
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        // More than i64::MAX hits cannot exist anyway.
        let limit = to_i64(limit, "limit").unwrap_or(i64::MAX);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT d.id, s.start, s.\"end\", sentences_fts.text, \
                        snippet(sentences_fts, 0, '[', ']', '…', 32), \
                        m.story, bm25(sentences_fts) AS score \
                 FROM sentences_fts \
                 JOIN sentences s ON s.doc = sentences_fts.doc AND s.idx = sentences_fts.idx \
                 JOIN documents d ON d.rowid = sentences_fts.doc \
                 LEFT JOIN story_members m ON m.doc = sentences_fts.doc \
                 WHERE sentences_fts MATCH ?1 \
                 ORDER BY score, d.ingest_seq, s.idx \
                 LIMIT ?2",
            )
            .map_err(sql(OP))?;
        type Raw = (String, i64, i64, String, String, Option<i64>, f64);
        let raws = stmt
            .query_map(
                rusqlite::params![fts, limit],
                |r| -> rusqlite::Result<Raw> {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                },
            )
            .map_err(sql(OP))?
            .collect::<rusqlite::Result<Vec<Raw>>>()
            .map_err(sql(OP))?;
        raws.into_iter()
            .map(|(doc, start, end, text, snippet, story, bm25)| {
                let span = Span {
                    start: to_usize(start, "sentence start")?,
                    end: to_usize(end, "sentence end")?,
                };
                if span.start > span.end {
                    return Err(StoreError::Corrupt(format!(
                        "sentence span {start}..{end} of document {doc} is reversed"
                    )));
                }
                Ok(SearchHit {
                    doc,
                    span,
                    text,
                    snippet,
                    story,
                    score: -bm25,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn user_text_becomes_quoted_terms() {
        assert_eq!(fts_query("Peskov"), Some("\"Peskov\"".to_string()));
        assert_eq!(
            fts_query("\"not exist\" -- OR :*"),
            Some("\"\"\"not\" AND \"exist\"\"\" AND \"OR\"".to_string())
        );
        assert_eq!(fts_query("  -- :* \" "), None);
        assert_eq!(fts_query(""), None);
    }
}
