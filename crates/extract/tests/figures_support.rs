//! Shared helpers for the example-based date and figure tests (included with `#[path]` by
//! `dates_chechnya.rs` and `figures_chechnya.rs`; as a test crate of its own it has no tests).
#![allow(dead_code)]

use chrono::NaiveDate;
use dossier_core::Document;

#[path = "example_files.rs"]
mod example_files;
use dossier_extract::dates::extract_dates;
use dossier_extract::figures::extract_figures;
use dossier_extract::{AnchorKind, DateAnchor, DateMention, FigureMention};
pub use example_files::{doc, load};

/// The story's date (that of 001, the only dated report).
pub fn story_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2017, 4, 15).unwrap()
}

/// The anchor the pipeline gives: the document's date, else the story's.
pub fn anchor_for(doc: &Document) -> DateAnchor {
    match doc.published {
        Some(d) => DateAnchor {
            date: Some(d),
            kind: AnchorKind::Document,
        },
        None => DateAnchor {
            date: Some(story_date()),
            kind: AnchorKind::Story,
        },
    }
}

/// One document's extractions.
pub struct Extracted {
    pub doc: Document,
    pub dates: Vec<DateMention>,
    pub figures: Vec<FigureMention>,
    pub sentences: Vec<String>,
}

/// Runs the text stage, dates and figures on `doc` with `anchor`.
pub fn run_doc(doc: Document, anchor: &DateAnchor) -> Extracted {
    let text = dossier_text::analyze(&doc);
    let dates = extract_dates(&doc, &text, anchor);
    let figures = extract_figures(&doc, &text, &dates);
    let sentences = text
        .sentences
        .iter()
        .map(|s| s.span.slice(&doc.text).to_string())
        .collect();
    Extracted {
        doc,
        dates,
        figures,
        sentences,
    }
}

/// Runs example `prefix` with the pipeline's anchor.
pub fn run(prefix: &str) -> Extracted {
    let doc = load(prefix);
    let anchor = anchor_for(&doc);
    run_doc(doc, &anchor)
}

impl Extracted {
    /// The date mention whose expression is `expr` (panics with the list when missing).
    pub fn date(&self, expr: &str) -> &DateMention {
        self.dates
            .iter()
            .find(|d| d.expression == expr)
            .unwrap_or_else(|| panic!("no date {expr:?} in {:#?}", self.dates))
    }

    /// The figure whose expression is `expr` (panics with the list when missing).
    pub fn figure(&self, expr: &str) -> &FigureMention {
        self.figures
            .iter()
            .find(|f| f.expression == expr)
            .unwrap_or_else(|| panic!("no figure {expr:?} in {:#?}", self.figures))
    }

    /// The sentence a figure is in.
    pub fn sentence_of(&self, f: &FigureMention) -> &str {
        &self.sentences[f.sentence]
    }
}
