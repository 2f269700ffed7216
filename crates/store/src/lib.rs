//! The embedded SQLite store of Dossier: documents, their sentences with full-text search,
//! story membership, and the state of news feeds.
//!
//! # Schema
//!
//! The schema is versioned by `PRAGMA user_version`: [`Store::open`] applies each pending
//! migration (an ordered list of SQL scripts, see [`SCHEMA_VERSION`]) in its own transaction
//! together with the version bump, so a migration runs exactly once per database.
//!
//! | table | columns | notes |
//! |---|---|---|
//! | `documents` | `rowid`, `id` (unique), `content_hash` (unique), `source`, `url`, `title`, `published` (ISO date or NULL), `date_source`, `language`, `text`, `body_start`, `body_end`, `extra` (JSON object), `origin_path`, `origin_record`, `ingest_seq` | one row per distinct document; `content_hash` is [`Document::content_hash`] bit-cast to `i64`; `ingest_seq` orders documents by arrival |
//! | `sentences` | `doc` (documents rowid), `idx`, `start`, `end` | byte spans into `documents.text` |
//! | `sentences_fts` | `text`, `doc` (unindexed), `idx` (unindexed) | FTS5, `unicode61 remove_diacritics 2`, ranked by bm25 |
//! | `stories` | `id`, `title`, `merged_into` (NULL while live), `created_seq` | a merged story keeps its row and points at the story it went into |
//! | `story_members` | `doc` (documents rowid, primary key), `story`, `features` (opaque JSON) | a document belongs to at most one story, always a live one |
//! | `story_moves` | `seq` (primary key, order of the moves), `doc` (documents rowid), `from_story`, `to_story` | documents moved to another story after they had been placed; the story left keeps its id |
//! | `feeds` | `url` (primary key), `title`, `etag`, `last_modified`, `last_checked` (RFC 3339, UTC), `last_status` (`ok`, `not_modified`, `error`), `last_new`, `last_error` | one row per news feed ever checked (see [`FeedState`]) |
//! | `feed_entries` | `feed` (feeds url), `entry` (the entry's key), `first_seen` | entries already taken from each feed, so none is ingested twice even once edited |
//!
//! Files are opened with `journal_mode=WAL`, `synchronous=NORMAL` and `foreign_keys=ON`.
//!
//! # Transactional guarantees
//!
//! - [`Store::insert_documents`] stores a whole batch (documents, sentences, full-text rows)
//!   in one transaction: on any error nothing of the batch is stored and the store stays
//!   usable. Ingest is idempotent: a document whose content hash is already stored is
//!   reported as [`InsertOutcome::Duplicate`] and not stored again.
//! - [`Store::save_story_assignments`] applies a whole [`StoryBatch`] (new stories, title
//!   updates, memberships, merges, moves) in one transaction.
//! - [`Store::record_feed_check`] saves a feed's state and the entries taken from it in one
//!   transaction; the pipeline calls it only after the entries' documents are stored.
//! - Story ids are stable: a merge keeps the merged story's row with `merged_into` set, and
//!   [`Store::story`] follows it to the surviving story. A document moved to another story
//!   leaves its old story's id alone and is recorded in `story_moves`.
//!
//! Nothing read back from the database is trusted blindly: a value that does not fit its
//! type (a malformed date, a span outside the text, a negative count) is a
//! [`StoreError::Corrupt`], never a panic.

#![warn(missing_docs)]

mod documents;
mod feeds;
mod schema;
mod search;
mod stories;

use std::path::Path;

use chrono::NaiveDate;
use dossier_core::{Document, Span};
use rusqlite::Connection;
use serde::Serialize;

pub use feeds::{FeedState, FeedStatus};
pub use schema::SCHEMA_VERSION;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed while doing `op`.
    #[error("database error while {op}")]
    Sqlite {
        /// What the store was doing, e.g. "inserting a document".
        op: &'static str,
        /// The SQLite error.
        #[source]
        source: rusqlite::Error,
    },
    /// The database was written by a newer Dossier with migrations this build does not know.
    #[error("database schema version {found} is newer than this build supports ({supported})")]
    SchemaTooNew {
        /// The database's `user_version`.
        found: i64,
        /// The newest version this build knows ([`SCHEMA_VERSION`]).
        supported: i64,
    },
    /// A document given to [`Store::insert_documents`] cannot be stored as it is (for
    /// example a body or sentence span outside its text or not on a character boundary).
    #[error("document {id} cannot be stored: {reason}")]
    InvalidDocument {
        /// The document's id.
        id: String,
        /// Why.
        reason: String,
    },
    /// A story batch names a document that is not stored.
    #[error("no stored document with id {0}")]
    UnknownDocument(String),
    /// A story batch names a story that does not exist.
    #[error("no story with id {0}")]
    UnknownStory(i64),
    /// A story batch creates a story whose id is already taken.
    #[error("story id {0} already exists")]
    StoryExists(i64),
    /// A story batch moves a document out of a story it is not in.
    #[error("document {doc} cannot move out of story {from}: it is in {found:?}")]
    NotInStory {
        /// The document's id.
        doc: String,
        /// The story the move says it leaves (as given).
        from: i64,
        /// The (live) story the document is in, if any.
        found: Option<i64>,
    },
    /// A value could not be converted to or from its stored form (JSON fields).
    #[error("{what}")]
    Json {
        /// Which value, e.g. "extra fields of document X".
        what: String,
        /// The serde_json error.
        #[source]
        source: serde_json::Error,
    },
    /// A stored value does not fit its type; the database was altered outside Dossier.
    #[error("corrupt stored data: {0}")]
    Corrupt(String),
}

/// Wraps a rusqlite error with what the store was doing.
pub(crate) fn sql(op: &'static str) -> impl FnOnce(rusqlite::Error) -> StoreError {
    move |source| StoreError::Sqlite { op, source }
}

/// A `usize` as SQLite's `i64`.
pub(crate) fn to_i64(value: usize, what: &str) -> Result<i64, StoreError> {
    i64::try_from(value)
        .map_err(|_| StoreError::Corrupt(format!("{what} {value} does not fit in 64 signed bits")))
}

/// A stored `i64` as a `usize`.
pub(crate) fn to_usize(value: i64, what: &str) -> Result<usize, StoreError> {
    usize::try_from(value)
        .map_err(|_| StoreError::Corrupt(format!("{what} {value} is not a valid size")))
}

/// A stored ISO date.
pub(crate) fn parse_date(value: &str, what: &str) -> Result<NaiveDate, StoreError> {
    value
        .parse::<NaiveDate>()
        .map_err(|_| StoreError::Corrupt(format!("{what} {value:?} is not an ISO date")))
}

/// The embedded SQLite store. One [`Store`] wraps one connection; several processes may
/// open the same file (WAL mode, writers wait up to five seconds for each other).
#[derive(Debug)]
pub struct Store {
    conn: Connection,
}

/// A document to store, with the byte spans of its sentences (indexed for search).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewDocument {
    /// The document as ingest produced it.
    pub document: Document,
    /// Byte spans into `document.text`, one per sentence, in order.
    pub sentences: Vec<Span>,
    /// Hashes of the document's body paragraphs (`dossier_text::paragraph_hashes`),
    /// recorded under its source to recognise the outlet's boilerplate
    /// ([`Store::outlet_boilerplate`]). Empty for a document without a source.
    pub lines: Vec<u64>,
}

/// What [`Store::insert_documents`] did with one document of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum InsertOutcome {
    /// Stored under its own id.
    Inserted {
        /// The id it was stored under.
        id: String,
    },
    /// Its id was taken by a different document, so it was stored under `to`
    /// (`<id>~2`, `<id>~3`, ...).
    Renamed {
        /// The id it came with.
        from: String,
        /// The id it was stored under.
        to: String,
    },
    /// A document with the same content hash is already stored; nothing was stored.
    Duplicate {
        /// The id it came with.
        id: String,
        /// The id of the stored document with the same content.
        existing: String,
    },
}

impl InsertOutcome {
    /// The id under which the document's content is stored (its own id, its new id, or the
    /// id of the existing duplicate).
    pub fn stored_id(&self) -> &str {
        match self {
            InsertOutcome::Inserted { id } => id,
            InsertOutcome::Renamed { to, .. } => to,
            InsertOutcome::Duplicate { existing, .. } => existing,
        }
    }
}

/// Story membership and state changes computed by the stories stage, applied by
/// [`Store::save_story_assignments`] in one transaction, in field order: new stories, title
/// updates, assignments, merges, moves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StoryBatch {
    /// Stories to create: `(id, title)`. The id must be free (see [`Store::next_story_id`]).
    pub new_stories: Vec<(i64, String)>,
    /// New titles for existing stories: `(id, title)`.
    pub title_updates: Vec<(i64, String)>,
    /// Memberships: `(document id, story id, features JSON)`. The features are opaque to the
    /// store. A document already in a story is moved; a story merged away is resolved to the
    /// story it went into.
    pub assignments: Vec<(String, i64, String)>,
    /// Merges: `(merged story, into story)`. Sets the merged story's `merged_into` and moves
    /// its members into the surviving story. Merging a story into itself (after following
    /// earlier merges) does nothing.
    pub merges: Vec<(i64, i64)>,
    /// Moves, in the order they were made: `(document id, from story, to story)`, both
    /// stories resolved through merges (so a move computed before a merge of the same batch
    /// still applies). The document must be in `from`; it joins `to`, and the move is
    /// recorded. `from` keeps its id and its other members.
    pub moves: Vec<(String, i64, i64)>,
}

/// A live story as [`Store::stories`] and [`Store::story`] report it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryRow {
    /// The story id.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// Number of member documents.
    pub size: usize,
    /// Earliest known publication date among its members.
    pub first_published: Option<NaiveDate>,
    /// Latest known publication date among its members.
    pub last_published: Option<NaiveDate>,
    /// Ids of the stories merged into it, directly or through other merges, ascending.
    pub merged_from: Vec<i64>,
}

/// One sentence found by [`Store::search`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// Id of the document the sentence is in.
    pub doc: String,
    /// The sentence's byte span in the document's original text.
    pub span: Span,
    /// The sentence, exactly as in the original text.
    pub text: String,
    /// The sentence with matched terms marked `[like this]` (FTS5 `snippet()`, shortened
    /// with `…` for long sentences).
    pub snippet: String,
    /// The document's story, if it has been assigned one.
    pub story: Option<i64>,
    /// Relevance: the negated bm25 rank, so higher is better.
    pub score: f64,
}

impl Store {
    /// Opens (creating if needed) the database file and applies pending migrations.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(sql("opening the database file"))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(sql("setting the busy timeout"))?;
        // Some file systems cannot do WAL; SQLite then keeps its rollback journal, which is
        // slower but just as safe, so the resulting mode is not checked.
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .map_err(sql("enabling WAL journaling"))?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sql("setting synchronous mode"))?;
        Store::init(conn)
    }

    /// Opens a fresh database in memory (for tests and one-off runs).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory().map_err(sql("opening an in-memory database"))?;
        Store::init(conn)
    }

    fn init(mut conn: Connection) -> Result<Store, StoreError> {
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(sql("enabling foreign keys"))?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// The database's schema version (`PRAGMA user_version`); [`SCHEMA_VERSION`] once
    /// opened.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        schema::user_version(&self.conn)
    }
}
