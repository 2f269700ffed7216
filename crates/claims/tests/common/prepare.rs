//! The stages the pipeline runs before the claims stage (text analysis with repeated-line
//! marking, reuse, extraction with dates anchored on each document's date, figure groups),
//! for the claims tests and bench; also read by the crate's own unit tests, so it names no
//! claims item.
#![allow(dead_code)]

use std::path::Path;

use dossier_core::Document;
use dossier_extract::entities::merge_story_entities;
use dossier_extract::{
    figures::group_figures, AnchorKind, DateAnchor, DocExtractions, EntityMention, StoryEntity,
};
use dossier_reuse::{find_reuse, Reuse, ReuseInput};
use dossier_text::{analyze, mark_repeated_paragraphs, AnalyzedText};

/// As the pipeline marks lines repeated across a story's documents.
const REPEATED_LINE_DOCS: usize = 3;

/// A story's documents run through the stages before the claims stage: what
/// `build_claims` reads, kept so it can be run (and timed) more than once.
pub struct Prepared {
    /// The documents, in ingest order.
    pub docs: Vec<Document>,
    /// Their sentences.
    pub texts: Vec<AnalyzedText>,
    /// Copied sentences across the documents.
    pub reuse: Reuse,
    /// Quotes, entities, figures and dates of each document.
    pub extractions: Vec<DocExtractions>,
    /// Figure group of each figure, per document.
    pub figure_groups: Vec<Vec<usize>>,
    /// The story's entities, aliases merged.
    pub entities: Vec<StoryEntity>,
}

impl Prepared {
    /// Runs the stages before the claims stage on `docs`.
    pub fn new(docs: Vec<Document>) -> Prepared {
        let mut texts: Vec<AnalyzedText> = docs.iter().map(analyze).collect();
        let refs: Vec<&Document> = docs.iter().collect();
        mark_repeated_paragraphs(&refs, &mut texts, REPEATED_LINE_DOCS);
        let reuse = find_reuse(&ReuseInput::in_ingest_order(&docs, &texts));
        let extractions: Vec<DocExtractions> = docs
            .iter()
            .zip(&texts)
            .map(|(d, t)| {
                let anchor = DateAnchor {
                    date: d.published,
                    kind: if d.published.is_some() {
                        AnchorKind::Document
                    } else {
                        AnchorKind::None
                    },
                };
                dossier_extract::extract(d, t, &anchor)
            })
            .collect();
        let mut figure_refs = Vec::new();
        for (d, e) in extractions.iter().enumerate() {
            for f in &e.figures {
                figure_refs.push((f, texts[d].sentences[f.sentence].span.slice(&docs[d].text)));
            }
        }
        let flat = group_figures(&figure_refs);
        let mut figure_groups = Vec::new();
        let mut next = 0;
        for e in &extractions {
            figure_groups.push(flat[next..next + e.figures.len()].to_vec());
            next += e.figures.len();
        }
        let lists: Vec<&[EntityMention]> =
            extractions.iter().map(|e| e.entities.as_slice()).collect();
        let entities = merge_story_entities(&lists);
        Prepared {
            docs,
            texts,
            reuse,
            extractions,
            figure_groups,
            entities,
        }
    }
}

/// The UCI News Aggregator rows as one-line reports: the headline is the text, the publisher
/// the outlet. Many outlets headline one event in their own words, so claims grow to
/// hundreds of mentions: the case where checking conflicts pair by pair was quadratic.
pub fn uci_headlines(path: &Path) -> Vec<Document> {
    let text = std::fs::read_to_string(path).expect("UCI headlines read");
    let mut docs = Vec::new();
    for line in text.lines().skip(1) {
        let fields = csv_fields(line);
        let (Some(id), Some(title), Some(publisher)) =
            (fields.first(), fields.get(1), fields.get(3))
        else {
            continue;
        };
        let mut doc = Document::plain(&format!("uci-{id}"), title);
        doc.source = Some(publisher.clone());
        docs.push(doc);
    }
    docs
}

/// The fields of one CSV line (quoted fields may hold commas and doubled quotes).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().expect("a field").push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            _ => fields.last_mut().expect("a field").push(c),
        }
    }
    fields
}
