//! The schema and its migrations, counted by `PRAGMA user_version`.

use rusqlite::{Connection, TransactionBehavior};

use crate::{sql, StoreError};

/// Migration `n` (1-based) is `MIGRATIONS[n - 1]`; `PRAGMA user_version` holds the number of
/// migrations applied. Append only: never edit a migration that has shipped.
const MIGRATIONS: &[&str] = &[
    // 1: documents, sentences and their full-text index, stories and membership.
    r#"
    CREATE TABLE documents (
        rowid         INTEGER PRIMARY KEY,
        id            TEXT    NOT NULL UNIQUE,
        content_hash  INTEGER NOT NULL UNIQUE,
        source        TEXT,
        url           TEXT,
        title         TEXT,
        published     TEXT,
        date_source   TEXT    NOT NULL,
        language      TEXT    NOT NULL,
        text          TEXT    NOT NULL,
        body_start    INTEGER NOT NULL,
        body_end      INTEGER NOT NULL,
        extra         TEXT    NOT NULL,
        origin_path   TEXT    NOT NULL,
        origin_record INTEGER,
        ingest_seq    INTEGER NOT NULL UNIQUE
    );

    CREATE TABLE sentences (
        doc   INTEGER NOT NULL REFERENCES documents(rowid),
        idx   INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (doc, idx)
    ) WITHOUT ROWID;

    CREATE VIRTUAL TABLE sentences_fts USING fts5(
        text,
        doc UNINDEXED,
        idx UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2'
    );

    CREATE TABLE stories (
        id          INTEGER PRIMARY KEY,
        title       TEXT    NOT NULL,
        merged_into INTEGER REFERENCES stories(id),
        created_seq INTEGER NOT NULL
    );
    CREATE INDEX stories_merged_into ON stories(merged_into);

    CREATE TABLE story_members (
        doc      INTEGER PRIMARY KEY REFERENCES documents(rowid),
        story    INTEGER NOT NULL REFERENCES stories(id),
        features TEXT    NOT NULL
    );
    CREATE INDEX story_members_story ON story_members(story);
    "#,
    // 2: news feeds: conditional-GET state and the entries already taken from each feed.
    r#"
    CREATE TABLE feeds (
        url           TEXT    PRIMARY KEY,
        title         TEXT,
        etag          TEXT,
        last_modified TEXT,
        last_checked  TEXT,
        last_status   TEXT,
        last_new      INTEGER,
        last_error    TEXT
    );

    CREATE TABLE feed_entries (
        feed       TEXT NOT NULL REFERENCES feeds(url),
        entry      TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (feed, entry)
    ) WITHOUT ROWID;
    "#,
    // Lines (paragraph hashes) of each document, by outlet, to recognise an outlet's
    // boilerplate across its pages. Documents stored before this migration have none.
    r#"
    CREATE TABLE outlet_lines (
        source TEXT    NOT NULL,
        line   INTEGER NOT NULL,
        doc    INTEGER NOT NULL REFERENCES documents(rowid),
        PRIMARY KEY (source, line, doc)
    ) WITHOUT ROWID;
    "#,
    // 4: documents moved to another story after they had been placed (membership itself
    // stays in story_members; this is the record of what changed, as merged_into is).
    r#"
    CREATE TABLE story_moves (
        seq        INTEGER PRIMARY KEY,
        doc        INTEGER NOT NULL REFERENCES documents(rowid),
        from_story INTEGER NOT NULL REFERENCES stories(id),
        to_story   INTEGER NOT NULL REFERENCES stories(id)
    );
    CREATE INDEX story_moves_doc ON story_moves(doc);
    "#,
];

/// The schema version this build writes: the number of migrations it knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Reads `PRAGMA user_version`.
pub(crate) fn user_version(conn: &Connection) -> Result<i64, StoreError> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(sql("reading the schema version"))
}

/// Applies every pending migration, each in its own immediate transaction together with the
/// `user_version` bump, so a migration is either fully applied and counted or not at all.
/// The version is re-read inside each transaction, so two processes opening the same file
/// at once never apply a migration twice.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    loop {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql("starting a migration"))?;
        let version = user_version(&tx)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        let Some(migration) = usize::try_from(version)
            .ok()
            .and_then(|v| MIGRATIONS.get(v))
        else {
            // Up to date (a negative version is treated as corrupt below).
            if version < 0 {
                return Err(StoreError::Corrupt(format!(
                    "negative schema version {version}"
                )));
            }
            return Ok(());
        };
        tx.execute_batch(migration)
            .map_err(sql("applying a schema migration"))?;
        tx.pragma_update(None, "user_version", version + 1)
            .map_err(sql("recording the schema version"))?;
        tx.commit().map_err(sql("committing a schema migration"))?;
    }
}
