//! Shared helpers for the entity and quote tests (included with `#[path]` by
//! `entities_*.rs` and `quotes_*.rs`; as a test crate of its own it has no tests).
#![allow(dead_code)]

use dossier_core::Document;

#[path = "example_files.rs"]
mod example_files;
use dossier_extract::entities::{extract_entities, merge_story_entities};
use dossier_extract::quotes::extract_quotes;
use dossier_extract::{EntityMention, QuoteMention, StoryEntity};
use dossier_text::AnalyzedText;
pub use example_files::{doc, load};

/// One document with its analysis, entities and quotes.
pub struct Extracted {
    pub doc: Document,
    pub text: AnalyzedText,
    pub entities: Vec<EntityMention>,
    pub quotes: Vec<QuoteMention>,
}

impl Extracted {
    /// The kinds of the mentions written exactly `name`.
    pub fn kinds_of(&self, name: &str) -> Vec<dossier_extract::EntityKind> {
        self.entities
            .iter()
            .filter(|m| m.text == name)
            .map(|m| m.kind)
            .collect()
    }

    /// The quote whose text starts with `prefix`.
    pub fn quote(&self, prefix: &str) -> &QuoteMention {
        self.quotes
            .iter()
            .find(|q| q.text.starts_with(prefix))
            .unwrap_or_else(|| panic!("no quote starting {prefix:?} in {:#?}", self.quotes))
    }
}

/// Runs the extractors on `doc`.
pub fn run_doc(doc: Document) -> Extracted {
    let text = dossier_text::analyze(&doc);
    let entities = extract_entities(&doc, &text);
    let quotes = extract_quotes(&doc, &text, &entities);
    Extracted {
        doc,
        text,
        entities,
        quotes,
    }
}

/// Runs the extractors on example `prefix`.
pub fn run(prefix: &str) -> Extracted {
    run_doc(load(prefix))
}

/// All five examples and their merged story entities.
pub fn story() -> (Vec<Extracted>, Vec<StoryEntity>) {
    let all: Vec<Extracted> = ["000", "001", "002", "003", "004"]
        .iter()
        .map(|p| run(p))
        .collect();
    let lists: Vec<&[EntityMention]> = all.iter().map(|e| e.entities.as_slice()).collect();
    let merged = merge_story_entities(&lists);
    (all, merged)
}
