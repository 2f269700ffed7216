#![allow(unused)]
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::time::Instant;

use dossier_core::Document;
use dossier_reuse::{find_reuse, ReuseInput};
use dossier_summary::rouge::{rouge, RougeMeans};
use dossier_summary::{summarize, Candidate, DocumentInfo, Length, Params, SummaryInput};
use dossier_text::{analyze, mark_repeated_paragraphs, AnalyzedText};

/// Lines repeated in at least this many documents of a story are boilerplate when short
/// (the pipeline's value).
const REPEATED_LINE_DOCS: usize = 3;

struct Cluster {
    id: String,
    reference: String,
    /// Body sentences: (document, position among its body sentences, text, copy group).
    sentences: Vec<(usize, usize, String, Option<usize>)>,
    documents: usize,
}

fn prepare(id: String, reference: String, articles: Vec<String>) -> Cluster {
    let docs: Vec<Document> = articles
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.trim().is_empty())
        .map(|(n, a)| Document::plain(&format!("{id}.{n}"), a.trim()))
        .collect();
    let mut texts: Vec<AnalyzedText> = docs.iter().map(analyze).collect();
    let refs: Vec<&Document> = docs.iter().collect();
    mark_repeated_paragraphs(&refs, &mut texts, REPEATED_LINE_DOCS);
    let reuse = find_reuse(&ReuseInput::in_ingest_order(&docs, &texts));
    let mut sentences = Vec::new();
    for (d, text) in texts.iter().enumerate() {
        for (position, (s, sentence)) in text.body_sentences().enumerate() {
            sentences.push((
                d,
                position,
                sentence.span.slice(&docs[d].text).to_string(),
                reuse.group_of.get(&(d, s)).copied(),
            ));
        }
    }
    Cluster {
        id,
        reference,
        sentences,
        documents: docs.len(),
    }
}

fn main() {
    let data = "/work/shared/data/multi-news/validation.jsonl.gz";
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(
        std::fs::File::open(data).unwrap(),
    ));
    let mut out = std::fs::File::create("/tmp/sumx/cands.jsonl").unwrap();
    for line in reader.lines() {
        let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let articles = v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap_or_default().to_string())
            .collect();
        let c = prepare(
            v["id"].to_string(),
            v["summary"].as_str().unwrap().to_string(),
            articles,
        );
        let s: Vec<_> = c
            .sentences
            .iter()
            .map(|(d, p, t, g)| serde_json::json!([d, p, t, g]))
            .collect();
        writeln!(
            out,
            "{}",
            serde_json::json!({"id": c.id, "ref": c.reference, "docs": c.documents, "s": s})
        )
        .unwrap();
    }
}
