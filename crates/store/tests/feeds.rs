//! Feed state and seen entries.

use chrono::{TimeZone, Utc};
use dossier_store::{FeedState, FeedStatus, Store};

#[test]
fn feed_state_round_trips_and_entries_are_recorded_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("db.sqlite");
    let url = "https://example.com/rss.xml";
    {
        let mut store = Store::open(&path).expect("open");
        assert_eq!(store.feed_state(url).expect("state"), None);
        let state = FeedState {
            title: Some("Example News".to_string()),
            etag: Some("\"v1\"".to_string()),
            last_modified: Some("Wed, 21 Oct 2015 07:28:00 GMT".to_string()),
            last_checked: Some(Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0).unwrap()),
            last_status: Some(FeedStatus::Ok { new_entries: 2 }),
            ..FeedState::new(url)
        };
        store
            .record_feed_check(&state, &["a", "b"])
            .expect("record");
        // Recording an entry again is harmless.
        store
            .record_feed_check(&state, &["b"])
            .expect("record again");
        assert_eq!(store.feed_state(url).expect("state"), Some(state));
    }
    let mut store = Store::open(&path).expect("reopen");
    let seen = store
        .seen_feed_entries(url, &["a", "b", "c"])
        .expect("seen");
    assert!(seen.contains("a") && seen.contains("b") && !seen.contains("c"));
    assert_eq!(store.feed_entry_count(url).expect("count"), 2);
    // Entries are per feed.
    assert!(store
        .seen_feed_entries("https://other.example/feed", &["a"])
        .expect("seen")
        .is_empty());

    let failed = FeedState {
        last_status: Some(FeedStatus::Error {
            reason: "HTTP status 500 Internal Server Error".to_string(),
        }),
        last_checked: Some(Utc.with_ymd_and_hms(2024, 5, 1, 12, 15, 0).unwrap()),
        ..store.feed_state(url).expect("state").expect("known")
    };
    store
        .record_feed_check(&failed, &[])
        .expect("record failure");
    let feeds = store.feeds().expect("feeds");
    assert_eq!(feeds, vec![failed]);
    assert_eq!(feeds[0].etag.as_deref(), Some("\"v1\""));
}
