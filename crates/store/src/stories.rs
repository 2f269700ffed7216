//! Stories: membership, titles and merges.

use std::collections::{BTreeMap, HashSet};

use dossier_core::Document;
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use crate::documents::{query_documents, DOC_COLUMNS};
use crate::{parse_date, sql, to_usize, Store, StoreError, StoryBatch, StoryRow};

/// Follows `merged_into` from story `id` to the live story. `None` if `id` does not exist.
fn resolve(conn: &Connection, id: i64) -> Result<Option<i64>, StoreError> {
    let mut stmt = conn
        .prepare("SELECT merged_into FROM stories WHERE id = ?1")
        .map_err(sql("preparing the story lookup"))?;
    let mut current = id;
    let mut seen = HashSet::new();
    loop {
        let next: Option<Option<i64>> = stmt
            .query_row([current], |r| r.get(0))
            .optional()
            .map_err(sql("looking up a story"))?;
        match next {
            None if current == id => return Ok(None),
            None => {
                return Err(StoreError::Corrupt(format!(
                    "story {id} was merged into story {current}, which does not exist"
                )))
            }
            Some(None) => return Ok(Some(current)),
            Some(Some(into)) => {
                if !seen.insert(current) {
                    return Err(StoreError::Corrupt(format!(
                        "the merges of story {id} form a cycle"
                    )));
                }
                current = into;
            }
        }
    }
}

/// Aggregates of live stories, optionally only story `only`.
fn story_rows(conn: &Connection, only: Option<i64>) -> Result<Vec<StoryRow>, StoreError> {
    const OP: &str = "reading stories";
    // Two statements rather than `(?1 IS NULL OR s.id = ?1)`: SQLite cannot use the primary
    // key for that disjunction, which made every single-story lookup scan all stories.
    let filter = if only.is_some() {
        "s.id = ?1"
    } else {
        "?1 IS NULL"
    };
    let mut stmt = conn
        .prepare(&format!(
            "SELECT s.id, s.title, COUNT(m.doc), MIN(d.published), MAX(d.published) \
             FROM stories s \
             LEFT JOIN story_members m ON m.story = s.id \
             LEFT JOIN documents d ON d.rowid = m.doc \
             WHERE s.merged_into IS NULL AND {filter} \
             GROUP BY s.id ORDER BY s.id"
        ))
        .map_err(sql(OP))?;
    type Raw = (i64, String, i64, Option<String>, Option<String>);
    let raws = stmt
        .query_map([only], |r| -> rusqlite::Result<Raw> {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .map_err(sql(OP))?
        .collect::<rusqlite::Result<Vec<Raw>>>()
        .map_err(sql(OP))?;
    if raws.is_empty() {
        return Ok(Vec::new());
    }

    // Every merged story, grouped under the live story it resolves to.
    let mut merged_into: BTreeMap<i64, i64> = BTreeMap::new();
    let mut stmt = conn
        .prepare("SELECT id, merged_into FROM stories WHERE merged_into IS NOT NULL")
        .map_err(sql(OP))?;
    let pairs = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
        .map_err(sql(OP))?;
    for pair in pairs {
        let (from, into) = pair.map_err(sql(OP))?;
        merged_into.insert(from, into);
    }
    let mut merged_from: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for &from in merged_into.keys() {
        let mut root = from;
        let mut steps = 0usize;
        while let Some(&next) = merged_into.get(&root) {
            root = next;
            steps += 1;
            if steps > merged_into.len() {
                return Err(StoreError::Corrupt(format!(
                    "the merges of story {from} form a cycle"
                )));
            }
        }
        merged_from.entry(root).or_default().push(from);
    }

    raws.into_iter()
        .map(|(id, title, size, first, last)| {
            let date = |d: Option<String>| -> Result<_, StoreError> {
                d.map(|d| parse_date(&d, &format!("publication date in story {id}")))
                    .transpose()
            };
            Ok(StoryRow {
                id,
                title,
                size: to_usize(size, "story size")?,
                first_published: date(first)?,
                last_published: date(last)?,
                // BTreeMap keys are visited in ascending order, so each list is sorted.
                merged_from: merged_from.remove(&id).unwrap_or_default(),
            })
        })
        .collect()
}

impl Store {
    /// Applies story membership and state (computed by the stories stage, which runs in the
    /// caller) in ONE transaction: new stories, then title updates, then assignments, then
    /// merges. On any error (an unknown document or story, a story id already taken)
    /// nothing of the batch is applied.
    pub fn save_story_assignments(&mut self, batch: &StoryBatch) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql("starting a story batch"))?;
        apply_story_batch(&tx, batch)?;
        tx.commit().map_err(sql("committing a story batch"))
    }

    /// Live stories (not merged away), ordered by id.
    pub fn stories(&self) -> Result<Vec<StoryRow>, StoreError> {
        story_rows(&self.conn, None)
    }

    /// The story `id`, following `merged_into` to the live story it was merged into.
    pub fn story(&self, id: i64) -> Result<Option<StoryRow>, StoreError> {
        let Some(live) = resolve(&self.conn, id)? else {
            return Ok(None);
        };
        Ok(story_rows(&self.conn, Some(live))?.into_iter().next())
    }

    /// The documents of story `story` (following merges), ordered by publication date
    /// (unknown last), then ingest order.
    pub fn story_documents(&self, story: i64) -> Result<Vec<Document>, StoreError> {
        self.story_documents_ordered(story, "d.published IS NULL, d.published, d.ingest_seq")
    }

    /// The documents of a story (following merges) in the order they were ingested: the
    /// order that decides which document carried a copy first when dates are missing.
    pub fn story_documents_in_ingest_order(&self, story: i64) -> Result<Vec<Document>, StoreError> {
        self.story_documents_ordered(story, "d.ingest_seq")
    }

    fn story_documents_ordered(
        &self,
        story: i64,
        order: &str,
    ) -> Result<Vec<Document>, StoreError> {
        let Some(live) = resolve(&self.conn, story)? else {
            return Ok(Vec::new());
        };
        let sql_text = format!(
            "SELECT {DOC_COLUMNS} FROM story_members m JOIN documents d ON d.rowid = m.doc \
             WHERE m.story = ?1 ORDER BY {order}"
        );
        query_documents(&self.conn, &sql_text, [live], "reading a story's documents")
    }

    /// Every story membership as `(document id, story id, features JSON)`, in ingest order.
    /// Story ids are live stories.
    pub fn document_features(&self) -> Result<Vec<(String, i64, String)>, StoreError> {
        self.triples(
            "SELECT d.id, m.story, m.features FROM story_members m \
             JOIN documents d ON d.rowid = m.doc ORDER BY d.ingest_seq",
            "reading story memberships",
        )
    }

    /// Every recorded move, in the order made: `(document id, story left, story joined)`,
    /// the stories as they were when the move was made (follow merges with
    /// [`Store::story`]).
    pub fn story_moves(&self) -> Result<Vec<(String, i64, i64)>, StoreError> {
        self.triples(
            "SELECT d.id, m.from_story, m.to_story FROM story_moves m \
             JOIN documents d ON d.rowid = m.doc ORDER BY m.seq",
            "reading story moves",
        )
    }

    /// The rows of a three-column query without parameters.
    fn triples<A, B, C>(&self, query: &str, op: &'static str) -> Result<Vec<(A, B, C)>, StoreError>
    where
        A: rusqlite::types::FromSql,
        B: rusqlite::types::FromSql,
        C: rusqlite::types::FromSql,
    {
        let mut stmt = self.conn.prepare(query).map_err(sql(op))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(sql(op))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(sql(op))?;
        Ok(rows)
    }

    /// The next free story id: the largest id ever used plus one (ids start at 1).
    pub fn next_story_id(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM stories", [], |r| {
                r.get(0)
            })
            .map_err(sql("reading the next story id"))
    }
}

/// The body of [`Store::save_story_assignments`], inside its transaction.
fn apply_story_batch(tx: &Transaction<'_>, batch: &StoryBatch) -> Result<(), StoreError> {
    let mut created_seq: i64 = tx
        .query_row(
            "SELECT COALESCE(MAX(created_seq), 0) FROM stories",
            [],
            |r| r.get(0),
        )
        .map_err(sql("reading the story sequence"))?;
    for (id, title) in &batch.new_stories {
        let exists = tx
            .query_row("SELECT 1 FROM stories WHERE id = ?1", [id], |_| Ok(()))
            .optional()
            .map_err(sql("looking up a story"))?
            .is_some();
        if exists {
            return Err(StoreError::StoryExists(*id));
        }
        created_seq += 1;
        tx.execute(
            "INSERT INTO stories (id, title, merged_into, created_seq) VALUES (?1, ?2, NULL, ?3)",
            params![id, title, created_seq],
        )
        .map_err(sql("creating a story"))?;
    }

    for (id, title) in &batch.title_updates {
        let changed = tx
            .execute(
                "UPDATE stories SET title = ?2 WHERE id = ?1",
                params![id, title],
            )
            .map_err(sql("updating a story title"))?;
        if changed == 0 {
            return Err(StoreError::UnknownStory(*id));
        }
    }

    for (doc, story, features) in &batch.assignments {
        let rowid = document_rowid(tx, doc)?;
        let live = resolve(tx, *story)?.ok_or(StoreError::UnknownStory(*story))?;
        tx.execute(
            "INSERT INTO story_members (doc, story, features) VALUES (?1, ?2, ?3) \
             ON CONFLICT(doc) DO UPDATE SET story = excluded.story, features = excluded.features",
            params![rowid, live, features],
        )
        .map_err(sql("assigning a document to a story"))?;
    }

    for &(merged, into) in &batch.merges {
        let merged_live = resolve(tx, merged)?.ok_or(StoreError::UnknownStory(merged))?;
        let into_live = resolve(tx, into)?.ok_or(StoreError::UnknownStory(into))?;
        if merged_live == into_live {
            continue;
        }
        tx.execute(
            "UPDATE stories SET merged_into = ?2 WHERE id = ?1",
            params![merged_live, into_live],
        )
        .map_err(sql("merging a story"))?;
        tx.execute(
            "UPDATE story_members SET story = ?2 WHERE story = ?1",
            params![merged_live, into_live],
        )
        .map_err(sql("moving the members of a merged story"))?;
    }

    for (doc, from, to) in &batch.moves {
        let rowid = document_rowid(tx, doc)?;
        let from_live = resolve(tx, *from)?.ok_or(StoreError::UnknownStory(*from))?;
        let to_live = resolve(tx, *to)?.ok_or(StoreError::UnknownStory(*to))?;
        let current: Option<i64> = tx
            .query_row(
                "SELECT story FROM story_members WHERE doc = ?1",
                [rowid],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql("looking up a document's story"))?;
        if current != Some(from_live) {
            return Err(StoreError::NotInStory {
                doc: doc.clone(),
                from: *from,
                found: current,
            });
        }
        if from_live == to_live {
            continue;
        }
        tx.execute(
            "UPDATE story_members SET story = ?2 WHERE doc = ?1",
            params![rowid, to_live],
        )
        .map_err(sql("moving a document to another story"))?;
        tx.execute(
            "INSERT INTO story_moves (doc, from_story, to_story) VALUES (?1, ?2, ?3)",
            params![rowid, from_live, to_live],
        )
        .map_err(sql("recording a move"))?;
    }
    Ok(())
}

/// The rowid of stored document `doc`.
fn document_rowid(tx: &Transaction<'_>, doc: &str) -> Result<i64, StoreError> {
    tx.query_row("SELECT rowid FROM documents WHERE id = ?1", [doc], |r| {
        r.get(0)
    })
    .optional()
    .map_err(sql("looking up a document"))?
    .ok_or_else(|| StoreError::UnknownDocument(doc.to_string()))
}
