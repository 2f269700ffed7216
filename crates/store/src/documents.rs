//! Documents and their sentences.

use dossier_core::{DateSource, Document, Origin, Span};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction, TransactionBehavior};

use crate::{parse_date, sql, to_i64, to_usize, InsertOutcome, NewDocument, Store, StoreError};

/// Columns of `documents` (aliased `d`) read into a [`Document`], in [`RawDocument`] order.
pub(crate) const DOC_COLUMNS: &str =
    "d.id, d.source, d.url, d.title, d.published, d.date_source, d.language, \
     d.text, d.body_start, d.body_end, d.extra, d.origin_path, d.origin_record";

/// A `documents` row as SQLite returns it, before validation.
pub(crate) struct RawDocument {
    id: String,
    source: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    date_source: String,
    language: String,
    text: String,
    body_start: i64,
    body_end: i64,
    extra: String,
    origin_path: String,
    origin_record: Option<i64>,
}

impl RawDocument {
    /// Reads the [`DOC_COLUMNS`] of `row`, starting at column 0.
    pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<RawDocument> {
        Ok(RawDocument {
            id: row.get(0)?,
            source: row.get(1)?,
            url: row.get(2)?,
            title: row.get(3)?,
            published: row.get(4)?,
            date_source: row.get(5)?,
            language: row.get(6)?,
            text: row.get(7)?,
            body_start: row.get(8)?,
            body_end: row.get(9)?,
            extra: row.get(10)?,
            origin_path: row.get(11)?,
            origin_record: row.get(12)?,
        })
    }

    /// Validates the stored values and builds the [`Document`].
    pub(crate) fn into_document(self) -> Result<Document, StoreError> {
        let id = self.id;
        let published = match &self.published {
            Some(p) => Some(parse_date(p, &format!("published date of document {id}"))?),
            None => None,
        };
        let date_source = date_source_from_str(&self.date_source).ok_or_else(|| {
            StoreError::Corrupt(format!(
                "date source {:?} of document {id} is unknown",
                self.date_source
            ))
        })?;
        let body = Span {
            start: to_usize(self.body_start, "body start")?,
            end: to_usize(self.body_end, "body end")?,
        };
        if body.start > body.end || self.text.get(body.start..body.end).is_none() {
            return Err(StoreError::Corrupt(format!(
                "body span {}..{} of document {id} does not fit its text",
                body.start, body.end
            )));
        }
        let extra = serde_json::from_str(&self.extra).map_err(|source| StoreError::Json {
            what: format!("stored extra fields of document {id} are not a JSON object"),
            source,
        })?;
        let record = match self.origin_record {
            Some(r) => Some(to_usize(r, "origin record")?),
            None => None,
        };
        Ok(Document {
            id,
            source: self.source,
            url: self.url,
            title: self.title,
            published,
            date_source,
            language: self.language,
            text: self.text,
            body,
            extra,
            origin: Origin {
                path: self.origin_path,
                record,
            },
        })
    }
}

fn date_source_to_str(source: DateSource) -> &'static str {
    match source {
        DateSource::Metadata => "metadata",
        DateSource::DateLine => "date_line",
        DateSource::Unknown => "unknown",
    }
}

fn date_source_from_str(source: &str) -> Option<DateSource> {
    match source {
        "metadata" => Some(DateSource::Metadata),
        "date_line" => Some(DateSource::DateLine),
        "unknown" => Some(DateSource::Unknown),
        _ => None,
    }
}

/// Runs `sql` (selecting [`DOC_COLUMNS`]) and converts every row.
pub(crate) fn query_documents(
    conn: &Connection,
    sql_text: &str,
    params: impl rusqlite::Params,
    op: &'static str,
) -> Result<Vec<Document>, StoreError> {
    let mut stmt = conn.prepare(sql_text).map_err(sql(op))?;
    let raws = stmt
        .query_map(params, RawDocument::from_row)
        .map_err(sql(op))?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(sql(op))?;
    raws.into_iter().map(RawDocument::into_document).collect()
}

/// Checks that `span` lies inside `text` on character boundaries.
fn check_span(doc: &Document, span: Span, what: &str) -> Result<(), StoreError> {
    if span.start <= span.end && doc.text.get(span.start..span.end).is_some() {
        Ok(())
    } else {
        Err(StoreError::InvalidDocument {
            id: doc.id.clone(),
            reason: format!(
                "{what} {}..{} is outside its {}-byte text or not on character boundaries",
                span.start,
                span.end,
                doc.text.len()
            ),
        })
    }
}

impl Store {
    /// Inserts a batch in ONE transaction: either all of the batch is stored or none.
    ///
    /// A document whose content hash ([`Document::content_hash`], stored as `i64` bit-cast)
    /// is already stored, by an earlier batch or earlier in this one, is not inserted again:
    /// its outcome is [`InsertOutcome::Duplicate`] with the id already stored. A different
    /// document reusing an existing id (different hash) is stored under a new id `<id>~2`
    /// (then `~3`...) and reported as [`InsertOutcome::Renamed`]. Outcomes are in batch
    /// order.
    ///
    /// A body or sentence span outside the document's text (or not on a character
    /// boundary) is an [`StoreError::InvalidDocument`] error, and nothing of the batch is
    /// stored.
    pub fn insert_documents(
        &mut self,
        batch: &[NewDocument],
    ) -> Result<Vec<InsertOutcome>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql("starting a document batch"))?;
        let outcomes = insert_batch(&tx, batch)?;
        tx.commit().map_err(sql("committing a document batch"))?;
        Ok(outcomes)
    }

    /// The stored document with id `id`.
    pub fn document(&self, id: &str) -> Result<Option<Document>, StoreError> {
        let sql_text = format!("SELECT {DOC_COLUMNS} FROM documents d WHERE d.id = ?1");
        Ok(
            query_documents(&self.conn, &sql_text, [id], "reading a document")?
                .into_iter()
                .next(),
        )
    }

    /// All stored documents, in ingest order.
    pub fn documents(&self) -> Result<Vec<Document>, StoreError> {
        let sql_text = format!("SELECT {DOC_COLUMNS} FROM documents d ORDER BY d.ingest_seq");
        query_documents(&self.conn, &sql_text, [], "reading documents")
    }

    /// Of `lines` (paragraph hashes of a document from `source`), those the outlet has
    /// printed in at least `min_docs` stored documents belonging to at least `min_stories`
    /// different stories: its boilerplate. Requiring several stories keeps the updated
    /// versions of one article, which share all their paragraphs, from counting.
    pub fn outlet_boilerplate(
        &self,
        source: &str,
        lines: &[u64],
        min_docs: usize,
        min_stories: usize,
    ) -> Result<std::collections::HashSet<u64>, StoreError> {
        let mut counts = self
            .conn
            .prepare(
                "SELECT COUNT(*), COUNT(DISTINCT m.story) FROM outlet_lines l \
                 LEFT JOIN story_members m ON m.doc = l.doc \
                 WHERE l.source = ?1 AND l.line = ?2",
            )
            .map_err(sql("preparing the outlet line lookup"))?;
        let mut boilerplate = std::collections::HashSet::new();
        for &line in lines {
            let (docs, stories): (i64, i64) = counts
                .query_row(params![source, line as i64], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(sql("looking up an outlet line"))?;
            if to_usize(docs, "outlet line documents")? >= min_docs
                && to_usize(stories, "outlet line stories")? >= min_stories
            {
                boilerplate.insert(line);
            }
        }
        Ok(boilerplate)
    }

    /// Number of stored documents.
    pub fn document_count(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))
            .map_err(sql("counting documents"))?;
        to_usize(n, "document count")
    }
}

/// The body of [`Store::insert_documents`], inside its transaction.
fn insert_batch(
    tx: &Transaction<'_>,
    batch: &[NewDocument],
) -> Result<Vec<InsertOutcome>, StoreError> {
    let mut by_hash = tx
        .prepare("SELECT id FROM documents WHERE content_hash = ?1")
        .map_err(sql("preparing the duplicate lookup"))?;
    let mut id_taken = tx
        .prepare("SELECT 1 FROM documents WHERE id = ?1")
        .map_err(sql("preparing the id lookup"))?;
    let mut insert_doc = tx
        .prepare(
            "INSERT INTO documents (id, content_hash, source, url, title, published, date_source, \
             language, text, body_start, body_end, extra, origin_path, origin_record, ingest_seq) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )
        .map_err(sql("preparing the document insert"))?;
    let mut insert_sentence = tx
        .prepare("INSERT INTO sentences (doc, idx, start, \"end\") VALUES (?1, ?2, ?3, ?4)")
        .map_err(sql("preparing the sentence insert"))?;
    let mut insert_fts = tx
        .prepare("INSERT INTO sentences_fts (text, doc, idx) VALUES (?1, ?2, ?3)")
        .map_err(sql("preparing the full-text insert"))?;
    let mut insert_line = tx
        .prepare("INSERT OR IGNORE INTO outlet_lines (source, line, doc) VALUES (?1, ?2, ?3)")
        .map_err(sql("preparing the outlet line insert"))?;

    let mut seq: i64 = tx
        .query_row(
            "SELECT COALESCE(MAX(ingest_seq), 0) FROM documents",
            [],
            |r| r.get(0),
        )
        .map_err(sql("reading the ingest sequence"))?;
    let mut outcomes = Vec::with_capacity(batch.len());
    for new in batch {
        let doc = &new.document;
        check_span(doc, doc.body, "body span")?;
        // Bit-cast: SQLite integers are signed.
        let hash = doc.content_hash() as i64;
        let existing: Option<String> = by_hash
            .query_row([hash], |r| r.get(0))
            .optional()
            .map_err(sql("looking up a content hash"))?;
        if let Some(existing) = existing {
            outcomes.push(InsertOutcome::Duplicate {
                id: doc.id.clone(),
                existing,
            });
            continue;
        }

        let mut id = doc.id.clone();
        let mut n = 1u64;
        while id_taken
            .exists([&id])
            .map_err(sql("looking up a document id"))?
        {
            n += 1;
            id = format!("{}~{n}", doc.id);
        }

        seq += 1;
        let extra = serde_json::to_string(&doc.extra).map_err(|source| StoreError::Json {
            what: format!("extra fields of document {} cannot be serialised", doc.id),
            source,
        })?;
        let record = match doc.origin.record {
            Some(r) => Some(to_i64(r, "origin record")?),
            None => None,
        };
        insert_doc
            .execute(params![
                id,
                hash,
                doc.source,
                doc.url,
                doc.title,
                doc.published.map(|d| d.to_string()),
                date_source_to_str(doc.date_source),
                doc.language,
                doc.text,
                to_i64(doc.body.start, "body start")?,
                to_i64(doc.body.end, "body end")?,
                extra,
                doc.origin.path,
                record,
                seq,
            ])
            .map_err(sql("inserting a document"))?;
        let rowid = tx.last_insert_rowid();

        for (idx, &span) in new.sentences.iter().enumerate() {
            check_span(doc, span, &format!("sentence {idx} span"))?;
            let idx = to_i64(idx, "sentence index")?;
            insert_sentence
                .execute(params![
                    rowid,
                    idx,
                    to_i64(span.start, "sentence start")?,
                    to_i64(span.end, "sentence end")?
                ])
                .map_err(sql("inserting a sentence"))?;
            insert_fts
                .execute(params![span.slice(&doc.text), rowid, idx])
                .map_err(sql("indexing a sentence"))?;
        }
        if let Some(source) = &doc.source {
            for &line in &new.lines {
                insert_line
                    .execute(params![source, line as i64, rowid])
                    .map_err(sql("recording an outlet line"))?;
            }
        }

        outcomes.push(if id == doc.id {
            InsertOutcome::Inserted { id }
        } else {
            InsertOutcome::Renamed {
                from: doc.id.clone(),
                to: id,
            }
        });
    }
    Ok(outcomes)
}
