//! Figures from different outlets for the same day are checked against each other; on the
//! real reports of the Westgate mall siege (Multi-News validation, cluster 49203), "at
//! least 67 people killed" and "at least 65 people have been killed" agree.

use std::io::BufRead;
use std::path::PathBuf;

use chrono::NaiveDate;
use dossier_core::Document;
use dossier_pipeline::{brief_for_documents, BriefOptions};

fn cluster(id: &str) -> Option<Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/multi-news/validation.jsonl.gz");
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("note: {} not found; skipping", path.display());
        return None;
    };
    for line in std::io::BufReader::new(flate2::read::MultiGzDecoder::new(file)).lines() {
        let value: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        if value["id"].to_string().trim_matches('"') == id {
            return Some(
                value["documents"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| d.as_str().unwrap().to_string())
                    .collect(),
            );
        }
    }
    panic!("cluster {id} not in Multi-News validation");
}

#[test]
fn compatible_tolls_from_two_outlets_on_one_day_do_not_conflict() {
    let Some(articles) = cluster("49203") else {
        return;
    };
    let day = NaiveDate::from_ymd_opt(2013, 9, 25);
    let docs: Vec<Document> = articles[..2]
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mut doc = Document::plain(&format!("westgate-{i}"), text);
            doc.source = Some(["Outlet A", "Outlet B"][i].to_string());
            doc.published = day;
            doc
        })
        .collect();
    let brief = brief_for_documents(1, "Westgate", &docs, BriefOptions::default());
    let toll = |value: f64| {
        brief
            .figures
            .iter()
            .find(|f| f.value == value && f.counts.contains("killed"))
            .unwrap_or_else(|| panic!("{value} killed: {:#?}", brief.figures))
    };
    let (a, b) = (toll(67.0), toll(65.0));
    assert_eq!(a.group, b.group, "the same quantity");
    assert_eq!(a.date, b.date);
    assert!(a.conflicts_with.is_empty() && b.conflicts_with.is_empty());
    // The schema's promise: indices point into `figures`.
    for f in &brief.figures {
        assert!(f.conflicts_with.iter().all(|&i| i < brief.figures.len()));
    }
}
