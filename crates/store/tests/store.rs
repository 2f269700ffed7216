//! The store on the real reports of `examples/chechnya-2017`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier_core::{DateSource, Document, Origin, Span};
use dossier_store::{
    InsertOutcome, NewDocument, Store, StoreError, StoryBatch, StoryRow, SCHEMA_VERSION,
};

fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/chechnya-2017")
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

/// Naive sentences: each line split after ". ", trimmed, empty pieces dropped.
fn sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut push = |start: usize, end: usize| {
        let piece = &text[start..end];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead < piece.len() {
            spans.push(Span::new(start + lead, end - trail));
        }
    };
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut start = line_start;
        let line_end = line_start + line.len();
        while let Some(pos) = text[start..line_end].find(". ") {
            let end = start + pos + 1;
            push(start, end);
            start = end;
        }
        push(start, line_end);
        line_start = line_end;
    }
    spans
}

/// The example report whose file name starts with `prefix` (`"001"`), with a publication
/// date of `published` if given, else its date line if it has one.
fn example(prefix: &str, published: Option<&str>) -> NewDocument {
    let dir = example_dir();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples directory")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .collect();
    names.sort();
    let path = names.pop().expect("example file");
    let text = std::fs::read_to_string(&path).expect("example text");
    let id = path.file_stem().and_then(|s| s.to_str()).expect("stem")[..3].to_string();
    let date_line = text
        .trim_start()
        .strip_prefix("date ")
        .and_then(|rest| rest.get(..10))
        .map(date);
    let (published, date_source) = match (published, date_line) {
        (Some(p), _) => (Some(date(p)), DateSource::Metadata),
        (None, Some(d)) => (Some(d), DateSource::DateLine),
        (None, None) => (None, DateSource::Unknown),
    };
    let mut extra = serde_json::Map::new();
    extra.insert("fixture".into(), serde_json::json!({"prefix": prefix}));
    let document = Document {
        id,
        source: Some("example".into()),
        url: None,
        title: text.lines().next().map(|l| l.trim().to_string()),
        published,
        date_source,
        language: "en".into(),
        body: Span::new(0, text.len()),
        extra,
        origin: Origin {
            path: path.display().to_string(),
            record: None,
        },
        text,
    };
    let spans = sentences(&document.text);
    NewDocument {
        document,
        sentences: spans,
        lines: Vec::new(),
    }
}

/// All five example reports, with dates 002 < 001 (its date line) < 004; 000 and 003 undated.
fn all_examples() -> Vec<NewDocument> {
    vec![
        example("000", None),
        example("001", None),
        example("002", Some("2017-04-13")),
        example("003", None),
        example("004", Some("2017-04-20")),
    ]
}

fn ids(docs: &[Document]) -> Vec<&str> {
    docs.iter().map(|d| d.id.as_str()).collect()
}

#[test]
fn naive_sentences_slice_the_text() {
    let doc = example("001", None);
    assert_eq!(doc.document.published, Some(date("2017-04-15")));
    assert!(doc.sentences.len() > 10);
    let peskov: Vec<&str> = doc
        .sentences
        .iter()
        .map(|s| s.slice(&doc.document.text))
        .filter(|s| s.contains("Peskov"))
        .collect();
    assert_eq!(peskov.len(), 1);
    assert!(peskov[0].starts_with("ABC News reports that Dmitry Peskov"));
}

#[test]
fn reopening_keeps_everything_and_migrates_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dossier.sqlite");
    let batch = all_examples();
    let (documents, stories) = {
        let mut store = Store::open(&path).expect("open");
        assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
        let outcomes = store.insert_documents(&batch).expect("insert");
        assert!(outcomes
            .iter()
            .all(|o| matches!(o, InsertOutcome::Inserted { .. })));
        store
            .save_story_assignments(&StoryBatch {
                new_stories: vec![(1, "Chechnya".into())],
                assignments: vec![("001".into(), 1, "{\"f\":1}".into())],
                ..StoryBatch::default()
            })
            .expect("stories");
        (
            store.documents().expect("documents"),
            store.stories().expect("stories"),
        )
    };
    // What goes in comes back out, field for field.
    let originals: Vec<Document> = batch.iter().map(|n| n.document.clone()).collect();
    assert_eq!(documents, originals);

    for _ in 0..2 {
        let store = Store::open(&path).expect("reopen");
        assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
        assert_eq!(store.document_count().expect("count"), 5);
        assert_eq!(store.documents().expect("documents"), originals);
        assert_eq!(store.stories().expect("stories"), stories);
        assert_eq!(
            store.document_features().expect("features"),
            vec![("001".to_string(), 1, "{\"f\":1}".to_string())]
        );
        assert_eq!(store.search("Peskov", 10).expect("search").len(), 2);
        assert_eq!(store.next_story_id().expect("next id"), 2);
    }

    // A database from a newer build is refused, not damaged.
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .expect("journal mode");
        assert_eq!(mode, "wal");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("bump version");
    }
    match Store::open(&path) {
        Err(StoreError::SchemaTooNew { found, supported }) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
}

#[test]
fn inserting_the_same_document_twice_is_a_duplicate() {
    let mut store = Store::open_in_memory().expect("open");
    let doc = example("001", None);
    assert_eq!(
        store
            .insert_documents(std::slice::from_ref(&doc))
            .expect("first"),
        vec![InsertOutcome::Inserted { id: "001".into() }]
    );
    assert_eq!(
        store
            .insert_documents(std::slice::from_ref(&doc))
            .expect("second"),
        vec![InsertOutcome::Duplicate {
            id: "001".into(),
            existing: "001".into()
        }]
    );
    assert_eq!(store.document_count().expect("count"), 1);

    // Same content under another id, and a repeat inside one batch: still one copy.
    let mut other = doc.clone();
    other.document.id = "copy".into();
    let outcomes = store
        .insert_documents(&[example("002", None), other, example("002", None)])
        .expect("batch");
    assert_eq!(
        outcomes,
        vec![
            InsertOutcome::Inserted { id: "002".into() },
            InsertOutcome::Duplicate {
                id: "copy".into(),
                existing: "001".into()
            },
            InsertOutcome::Duplicate {
                id: "002".into(),
                existing: "002".into()
            },
        ]
    );
    assert_eq!(outcomes[1].stored_id(), "001");
    assert_eq!(store.document_count().expect("count"), 2);
    // The duplicate's sentences were not indexed twice.
    assert_eq!(store.search("Peskov", 10).expect("search").len(), 1);
}

#[test]
fn same_id_with_different_text_is_renamed() {
    let mut store = Store::open_in_memory().expect("open");
    let first = example("001", None);
    let mut second = example("002", None);
    second.document.id = "001".into();
    let mut third = example("003", None);
    third.document.id = "001".into();
    let outcomes = store
        .insert_documents(&[first.clone(), second.clone()])
        .expect("insert");
    assert_eq!(
        outcomes,
        vec![
            InsertOutcome::Inserted { id: "001".into() },
            InsertOutcome::Renamed {
                from: "001".into(),
                to: "001~2".into()
            },
        ]
    );
    assert_eq!(
        store.insert_documents(&[third]).expect("third"),
        vec![InsertOutcome::Renamed {
            from: "001".into(),
            to: "001~3".into()
        }]
    );
    let renamed = store.document("001~2").expect("read").expect("stored");
    assert_eq!(renamed.text, second.document.text);
    assert_eq!(
        store.document("001").expect("read").expect("stored").text,
        first.document.text
    );
    assert_eq!(store.document("nope").expect("read"), None);
    assert_eq!(
        ids(&store.documents().expect("documents")),
        ["001", "001~2", "001~3"]
    );
}

#[test]
fn a_batch_with_an_invalid_document_stores_nothing() {
    let mut store = Store::open_in_memory().expect("open");
    store
        .insert_documents(&[example("000", None)])
        .expect("earlier batch");

    // 001 and 002 are valid and written first inside the transaction; 003's last sentence
    // span runs past its text.
    let mut bad = example("003", None);
    let len = bad.document.text.len();
    bad.sentences.push(Span::new(len - 3, len + 10));
    let batch = vec![example("001", None), example("002", None), bad];
    match store.insert_documents(&batch) {
        Err(StoreError::InvalidDocument { id, .. }) => assert_eq!(id, "003"),
        other => panic!("expected InvalidDocument, got {other:?}"),
    }
    assert_eq!(store.document_count().expect("count"), 1);
    assert_eq!(store.document("001").expect("read"), None);
    assert!(store.search("Peskov", 10).expect("search").is_empty());

    // A span that splits a multi-byte character is refused the same way.
    let mut split = example("004", None);
    split.document.text.push_str("\n“Quote.”");
    split.document.body = Span::new(0, split.document.text.len());
    let at = split.document.text.find('“').expect("curly quote");
    split.sentences.push(Span::new(at + 1, at + 4));
    assert!(matches!(
        store.insert_documents(&[split]),
        Err(StoreError::InvalidDocument { id, .. }) if id == "004"
    ));
    // So is a body span past the end of the text.
    let mut body = example("004", None);
    body.document.body = Span::new(0, body.document.text.len() + 1);
    assert!(matches!(
        store.insert_documents(&[body]),
        Err(StoreError::InvalidDocument { .. })
    ));

    // Still usable, and the ids of the failed batch were not consumed.
    let outcomes = store.insert_documents(&batch[..2]).expect("retry");
    assert_eq!(
        outcomes,
        vec![
            InsertOutcome::Inserted { id: "001".into() },
            InsertOutcome::Inserted { id: "002".into() },
        ]
    );
    assert_eq!(
        ids(&store.documents().expect("documents")),
        ["000", "001", "002"]
    );
}

#[test]
fn a_database_failure_mid_batch_rolls_the_batch_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dossier.sqlite");
    let mut store = Store::open(&path).expect("open");
    // Make SQLite itself fail while inserting the sentences of 003, after 001 and 002 and
    // part of 003 are already written inside the transaction.
    let conn = rusqlite::Connection::open(&path).expect("raw open");
    conn.execute_batch(
        "CREATE TRIGGER fail_003 BEFORE INSERT ON sentences \
         WHEN (SELECT id FROM documents WHERE rowid = NEW.doc) = '003' AND NEW.idx = 2 \
         BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;",
    )
    .expect("trigger");
    drop(conn);

    let batch = vec![
        example("001", None),
        example("002", None),
        example("003", None),
    ];
    match store.insert_documents(&batch) {
        Err(err @ StoreError::Sqlite { .. }) => {
            assert_eq!(err.to_string(), "database error while inserting a sentence");
            let cause = std::error::Error::source(&err).expect("cause").to_string();
            assert!(cause.contains("simulated failure"), "{cause}");
        }
        other => panic!("expected a database error, got {other:?}"),
    }
    assert_eq!(store.document_count().expect("count"), 0);
    assert!(store.search("Peskov", 10).expect("search").is_empty());

    let conn = rusqlite::Connection::open(&path).expect("raw open");
    conn.execute_batch("DROP TRIGGER fail_003;")
        .expect("drop trigger");
    drop(conn);
    assert_eq!(store.insert_documents(&batch).expect("retry").len(), 3);
    assert_eq!(store.document_count().expect("count"), 3);
    drop(store);
    assert_eq!(
        Store::open(&path)
            .expect("reopen")
            .document_count()
            .expect("count"),
        3
    );
}

#[test]
fn search_finds_the_sentence_and_its_span() {
    let mut store = Store::open_in_memory().expect("open");
    let batch = all_examples();
    store.insert_documents(&batch).expect("insert");

    let hits = store.search("Peskov", 10).expect("search");
    assert_eq!(hits.len(), 2);
    let hit = hits.iter().find(|h| h.doc == "001").expect("001 hit");
    let original = &batch[1].document.text;
    assert_eq!(hit.span.slice(original), hit.text);
    assert!(hit
        .text
        .starts_with("ABC News reports that Dmitry Peskov, a prominent spokesperson"));
    assert!(hit.snippet.contains("[Peskov]"), "{}", hit.snippet);
    assert_eq!(hit.story, None);
    assert!(hit.score > 0.0);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    let other = hits.iter().find(|h| h.doc == "004").expect("004 hit");
    assert_eq!(other.span.slice(&batch[4].document.text), other.text);

    // Case-insensitive, words ANDed, limit respected.
    assert_eq!(store.search("peskov PUTIN", 10).expect("search").len(), 1);
    assert_eq!(store.search("peskov", 1).expect("search").len(), 1);
    assert!(store.search("peskov", 0).expect("search").is_empty());
    assert!(store
        .search("Peskov zzzyzzx", 10)
        .expect("search")
        .is_empty());
    // A quoted word is a phrase of its tokens: "Kadyrov's" style apostrophes still match.
    let gay = store.search("gay", 100).expect("search").len();
    assert!(gay > 5);
    assert!(store.search("\"gay men\"", 100).expect("search").len() <= gay);

    // User punctuation and FTS5 operators never produce a syntax error.
    for nasty in [
        "\"not exist\" -- OR :*",
        "\"",
        "\"\"",
        "-",
        "*",
        ":",
        "a:b",
        "NEAR(peskov putin, 2)",
        "peskov OR",
        "AND",
        "NOT peskov",
        "(peskov",
        "peskov)",
        "^peskov",
        "peskov*",
        "text:peskov",
        "{text doc}: peskov",
        "'; DROP TABLE documents; --",
        "   ",
        "€ — …",
        "é\u{301}",
    ] {
        if let Err(e) = store.search(nasty, 10) {
            panic!("search({nasty:?}) failed: {e:?}");
        }
    }
    // Operators are plain words: "peskov*" is a search for peskov.
    assert_eq!(store.search("peskov*", 10).expect("search").len(), 2);
    assert_eq!(store.search("\"Peskov", 10).expect("search").len(), 2);
    assert_eq!(store.document_count().expect("count"), 5);
}

#[test]
fn search_ignores_diacritics() {
    let mut store = Store::open_in_memory().expect("open");
    let mut doc = example("001", None);
    doc.document
        .text
        .push_str("\nThe café in Grozny was closed.");
    doc.document.body = Span::new(0, doc.document.text.len());
    doc.sentences = sentences(&doc.document.text);
    store.insert_documents(&[doc]).expect("insert");
    let hits = store.search("cafe grozny", 10).expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].text, "The café in Grozny was closed.");
    assert_eq!(store.search("CAFÉ", 10).expect("search").len(), 1);
}

fn story_ids(rows: &[StoryRow]) -> Vec<i64> {
    rows.iter().map(|s| s.id).collect()
}

#[test]
fn stories_assignments_and_merges() {
    let mut store = Store::open_in_memory().expect("open");
    store.insert_documents(&all_examples()).expect("insert");
    assert_eq!(store.next_story_id().expect("next"), 1);
    assert!(store.stories().expect("stories").is_empty());
    assert_eq!(store.story(1).expect("story"), None);

    let f = |n: u32| format!("{{\"n\":{n}}}");
    store
        .save_story_assignments(&StoryBatch {
            new_stories: vec![
                (1, "Denials".into()),
                (2, "Protest".into()),
                (3, "Visas".into()),
            ],
            title_updates: vec![(1, "Kremlin denies".into())],
            assignments: vec![
                ("000".into(), 1, f(0)),
                ("001".into(), 1, f(1)),
                ("002".into(), 2, f(2)),
                ("003".into(), 3, f(3)),
                ("004".into(), 3, f(4)),
            ],
            merges: vec![],
            moves: vec![],
        })
        .expect("first batch");
    assert_eq!(store.next_story_id().expect("next"), 4);
    let stories = store.stories().expect("stories");
    assert_eq!(story_ids(&stories), [1, 2, 3]);
    assert_eq!(stories[0].title, "Kremlin denies");
    assert_eq!(stories[0].size, 2);
    assert_eq!(stories[0].first_published, Some(date("2017-04-15")));
    assert_eq!(stories[0].last_published, Some(date("2017-04-15")));
    assert_eq!(stories[2].first_published, Some(date("2017-04-20")));

    let hit = store.search("Peskov", 10).expect("search");
    assert_eq!(
        hit.iter()
            .map(|h| (h.doc.as_str(), h.story))
            .collect::<Vec<_>>()
            .len(),
        2
    );
    assert!(hit.iter().any(|h| h.doc == "001" && h.story == Some(1)));

    // Merge 3 into 1: 3 disappears, story(3) resolves to 1, its members move.
    store
        .save_story_assignments(&StoryBatch {
            merges: vec![(3, 1)],
            ..StoryBatch::default()
        })
        .expect("merge");
    let stories = store.stories().expect("stories");
    assert_eq!(story_ids(&stories), [1, 2]);
    let one = store.story(3).expect("story").expect("resolved");
    assert_eq!(one.id, 1);
    assert_eq!(one.merged_from, vec![3]);
    assert_eq!(one.size, 4);
    assert_eq!(one.first_published, Some(date("2017-04-15")));
    assert_eq!(one.last_published, Some(date("2017-04-20")));
    assert_eq!(store.story(1).expect("story"), Some(one.clone()));
    assert_eq!(stories[0], one);
    assert!(store
        .search("Peskov", 10)
        .expect("search")
        .iter()
        .all(|h| h.story == Some(1)));

    // Dated first by date, undated last in ingest order.
    let docs = store.story_documents(1).expect("documents");
    assert_eq!(ids(&docs), ["001", "004", "000", "003"]);
    assert_eq!(
        ids(&store.story_documents(3).expect("documents")),
        ids(&docs)
    );
    assert!(store.story_documents(99).expect("documents").is_empty());

    // Features in ingest order, with live story ids.
    let features = store.document_features().expect("features");
    assert_eq!(
        features,
        vec![
            ("000".to_string(), 1, f(0)),
            ("001".to_string(), 1, f(1)),
            ("002".to_string(), 2, f(2)),
            ("003".to_string(), 1, f(3)),
            ("004".to_string(), 1, f(4)),
        ]
    );

    // Chained merges: 1 into 2; 3 now resolves through 1 to 2. An assignment to a merged
    // story lands in the live one; merging again is a no-op.
    store
        .save_story_assignments(&StoryBatch {
            assignments: vec![("000".into(), 3, f(10))],
            merges: vec![(1, 2), (3, 2)],
            ..StoryBatch::default()
        })
        .expect("second merge");
    assert_eq!(story_ids(&store.stories().expect("stories")), [2]);
    let two = store.story(3).expect("story").expect("resolved");
    assert_eq!(two.id, 2);
    assert_eq!(two.merged_from, vec![1, 3]);
    assert_eq!(two.size, 5);
    assert_eq!(two.first_published, Some(date("2017-04-13")));
    assert_eq!(
        ids(&store.story_documents(1).expect("documents")),
        ["002", "001", "004", "000", "003"]
    );
    assert!(store
        .document_features()
        .expect("features")
        .iter()
        .all(|(_, story, _)| *story == 2));
    assert_eq!(store.next_story_id().expect("next"), 4);
}

#[test]
fn a_moved_document_changes_story_and_the_move_is_recorded() {
    let mut store = Store::open_in_memory().expect("open");
    store.insert_documents(&all_examples()).expect("insert");
    store
        .save_story_assignments(&StoryBatch {
            new_stories: vec![(1, "Denials".into()), (2, "Protest".into())],
            assignments: vec![
                ("000".into(), 1, "{}".into()),
                ("001".into(), 1, "{}".into()),
                ("002".into(), 1, "{}".into()),
            ],
            ..StoryBatch::default()
        })
        .expect("first batch");
    // 002 joined the wrong story; its own story (3) appears and it moves there, while in the
    // same batch story 3 merges into the older story 2: the move lands in 2.
    store
        .save_story_assignments(&StoryBatch {
            new_stories: vec![(3, "Visas".into())],
            assignments: vec![
                ("003".into(), 3, "{}".into()),
                ("004".into(), 2, "{}".into()),
            ],
            merges: vec![(3, 2)],
            moves: vec![("002".into(), 1, 3)],
            ..StoryBatch::default()
        })
        .expect("move");
    let stories = store.stories().expect("stories");
    assert_eq!(story_ids(&stories), [1, 2]);
    assert_eq!((stories[0].size, stories[1].size), (2, 3));
    assert_eq!(
        ids(&store.story_documents_in_ingest_order(2).expect("docs")),
        ["002", "003", "004"]
    );
    assert_eq!(
        ids(&store.story_documents_in_ingest_order(1).expect("docs")),
        ["000", "001"]
    );
    assert_eq!(
        store.story_moves().expect("moves"),
        vec![("002".to_string(), 1, 2)]
    );
    // Search reports the new story; restored features follow it.
    assert!(store.document_features().expect("features").contains(&(
        "002".to_string(),
        2,
        "{}".to_string()
    )));
    // A move back is a second record.
    store
        .save_story_assignments(&StoryBatch {
            moves: vec![("002".into(), 2, 1)],
            ..StoryBatch::default()
        })
        .expect("move back");
    assert_eq!(store.story(1).expect("story").expect("live").size, 3);
    assert_eq!(store.story_moves().expect("moves").len(), 2);
}

#[test]
fn a_bad_story_batch_changes_nothing() {
    let mut store = Store::open_in_memory().expect("open");
    store.insert_documents(&all_examples()).expect("insert");
    store
        .save_story_assignments(&StoryBatch {
            new_stories: vec![(1, "One".into())],
            assignments: vec![("001".into(), 1, "{}".into())],
            ..StoryBatch::default()
        })
        .expect("batch");
    let before = (
        store.stories().expect("stories"),
        store.document_features().expect("f"),
    );

    let unknown_doc = StoryBatch {
        new_stories: vec![(2, "Two".into())],
        title_updates: vec![(1, "Renamed".into())],
        assignments: vec![
            ("002".into(), 2, "{}".into()),
            ("missing".into(), 2, "{}".into()),
        ],
        merges: vec![],
        moves: vec![],
    };
    assert!(matches!(
        store.save_story_assignments(&unknown_doc),
        Err(StoreError::UnknownDocument(id)) if id == "missing"
    ));
    let unknown_story = StoryBatch {
        new_stories: vec![(2, "Two".into())],
        merges: vec![(2, 7)],
        ..StoryBatch::default()
    };
    assert!(matches!(
        store.save_story_assignments(&unknown_story),
        Err(StoreError::UnknownStory(7))
    ));
    let taken = StoryBatch {
        new_stories: vec![(2, "Two".into()), (1, "Again".into())],
        ..StoryBatch::default()
    };
    assert!(matches!(
        store.save_story_assignments(&taken),
        Err(StoreError::StoryExists(1))
    ));
    assert!(matches!(
        store.save_story_assignments(&StoryBatch {
            title_updates: vec![(5, "x".into())],
            ..StoryBatch::default()
        }),
        Err(StoreError::UnknownStory(5))
    ));
    // A move out of a story the document is not in (002 has no story yet) fails the batch.
    assert!(matches!(
        store.save_story_assignments(&StoryBatch {
            new_stories: vec![(2, "Two".into())],
            moves: vec![("001".into(), 1, 2), ("002".into(), 1, 2)],
            ..StoryBatch::default()
        }),
        Err(StoreError::NotInStory { doc, from: 1, found: None }) if doc == "002"
    ));
    assert!(store.story_moves().expect("moves").is_empty());
    assert_eq!(
        (
            store.stories().expect("stories"),
            store.document_features().expect("f")
        ),
        before
    );
    assert_eq!(store.next_story_id().expect("next"), 2);
}

#[test]
fn serialises_outcomes_and_rows() {
    let outcome = InsertOutcome::Renamed {
        from: "a".into(),
        to: "a~2".into(),
    };
    assert_eq!(
        serde_json::to_value(&outcome).expect("json"),
        serde_json::json!({"outcome": "renamed", "from": "a", "to": "a~2"})
    );
    let row = StoryRow {
        id: 1,
        title: "t".into(),
        size: 2,
        first_published: Some(date("2017-04-15")),
        last_published: None,
        merged_from: vec![3],
    };
    assert_eq!(
        serde_json::to_value(&row).expect("json")["first_published"],
        "2017-04-15"
    );
}
