//! Extraction stage: who said what (quotes and speakers), named entities, figures and dates,
//! each with the byte span it came from.
//!
//! Per document, [`extract`] runs on the output of the text stage. Some resolution needs the
//! whole story: undated documents borrow the story's date ([`DateAnchor`]), entity aliases are
//! merged across the story's documents ([`entities::merge_story_entities`]), speakers are
//! canonicalised against those entities, and figures counting the same thing are grouped
//! ([`figures::group_figures`]).
//!
//! When a speaker, date or figure cannot be resolved, the value says so (`None`, "unknown");
//! nothing is guessed.

#![warn(missing_docs)]

pub mod dates;
pub mod entities;
pub mod figures;
pub mod quotes;

pub use dates::{AnchorKind, DateAnchor, DateMention};
pub use entities::{EntityKind, EntityMention, StoryEntity};
pub use figures::FigureMention;
pub use quotes::{QuoteKind, QuoteMention};

use dossier_core::Document;
use dossier_text::AnalyzedText;
use serde::Serialize;

/// Everything extracted from one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocExtractions {
    /// Quotes, direct and indirect, in text order.
    pub quotes: Vec<QuoteMention>,
    /// Named-entity mentions in text order.
    pub entities: Vec<EntityMention>,
    /// Figures in text order.
    pub figures: Vec<FigureMention>,
    /// Date expressions in text order.
    pub dates: Vec<DateMention>,
}

/// Runs every extractor on one document. `anchor` is the date relative expressions are
/// resolved against (the document's date, or the story's when it has none).
pub fn extract(doc: &Document, text: &AnalyzedText, anchor: &DateAnchor) -> DocExtractions {
    let entities = entities::extract_entities(doc, text);
    let dates = dates::extract_dates(doc, text, anchor);
    let quotes = quotes::extract_quotes(doc, text, &entities);
    let figures = figures::extract_figures(doc, text, &dates);
    DocExtractions {
        quotes,
        entities,
        figures,
        dates,
    }
}
