//! Text stage: from a document's original text to paragraphs and sentences with byte spans,
//! scraping debris marked, plus the normalisation, tokenising and stemming the later stages
//! match on.
//!
//! Invariants:
//! - Every [`Span`] is a byte range into the *original* [`Document::text`]; normalisation
//!   ([`match_key`]) produces separate strings used only for matching, never for reporting.
//! - A paragraph is a non-blank line of the body (news text puts one paragraph per line).
//! - Debris (teasers, captions, link lines, cross-document boilerplate) is marked, not removed,
//!   so spans stay valid; later stages skip it.

#![warn(missing_docs)]

mod debris;
mod tokens;

pub use debris::{
    mark_outlet_boilerplate, mark_repeated_paragraphs, paragraph_hashes, DebrisReason,
};
pub use tokens::{is_stopword, match_key, stem, tokens, unify_quotes, Token};

use dossier_core::{Document, Span};
use serde::Serialize;

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// Reporting.
    Body,
    /// The document's headline.
    Headline,
    /// Scraping debris; not reporting.
    Debris(DebrisReason),
}

/// One paragraph (a non-blank line of the body).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// Byte span in the original text, trimmed of surrounding whitespace.
    pub span: Span,
    /// Body, headline or debris.
    pub kind: ParagraphKind,
}

/// One sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Byte span in the original text, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index of its paragraph in [`AnalyzedText::paragraphs`].
    pub paragraph: usize,
}

/// A document split into paragraphs and sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnalyzedText {
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
}

impl AnalyzedText {
    /// The kind of the paragraph a sentence belongs to.
    pub fn sentence_kind(&self, sentence: &Sentence) -> ParagraphKind {
        self.paragraphs[sentence.paragraph].kind
    }

    /// True when the sentence is reporting (not headline, not debris).
    pub fn is_body(&self, sentence: &Sentence) -> bool {
        self.sentence_kind(sentence) == ParagraphKind::Body
    }

    /// Sentences that are reporting, with their index.
    pub fn body_sentences(&self) -> impl Iterator<Item = (usize, &Sentence)> {
        self.sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| self.is_body(s))
    }
}

/// Splits a document into paragraphs and sentences and marks the debris that single-document
/// rules can see. Call [`mark_repeated_paragraphs`] on a set of documents to catch boilerplate
/// that only repetition reveals.
pub fn analyze(doc: &Document) -> AnalyzedText {
    let body = doc.body;
    let text = &doc.text;
    let mut paragraphs = Vec::new();
    let mut offset = body.start;
    for line in body.slice(text).split_inclusive('\n') {
        let span = trim_span(text, Span::new(offset, offset + line.len()));
        offset += line.len();
        if !span.is_empty() {
            paragraphs.push(Paragraph {
                span,
                kind: ParagraphKind::Body,
            });
        }
    }
    debris::classify(doc, &mut paragraphs);

    let mut sentences = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let para_text = paragraph.span.slice(text);
        for boundary in sentencex::get_sentence_boundaries(&doc.language, para_text) {
            let raw =
                Span::new(boundary.start_byte, boundary.end_byte).shifted(paragraph.span.start);
            let span = trim_span(text, raw);
            if span.is_empty() || !span.slice(text).chars().any(char::is_alphanumeric) {
                continue;
            }
            sentences.push(Sentence {
                span,
                paragraph: index,
            });
        }
    }
    AnalyzedText {
        paragraphs,
        sentences,
    }
}

/// Narrows `span` so it neither starts nor ends with whitespace.
pub fn trim_span(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.end - (slice.len() - slice.trim_end().len());
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn doc(id: &str, text: &str) -> Document {
        Document::plain(id, text)
    }

    fn sentences(text: &str) -> Vec<String> {
        let d = doc("t", text);
        analyze(&d)
            .sentences
            .iter()
            .map(|s| s.span.slice(&d.text).to_string())
            .collect()
    }

    #[test]
    fn splits_sentences_with_abbreviations_decimals_and_closing_quotes() {
        let got = sentences(
            "ABC News reports that Dmitry Peskov, a prominent spokesperson for Russian president Vladimir Putin said: “We do not have any reliable information about any problems in this area.” United Nations human rights experts had previously called on Russia. The U.S. ambassador, Mr. J. R. Smith, paid $3.5 million.",
        );
        assert_eq!(got.len(), 3, "{got:#?}");
        assert!(got[0].ends_with("in this area.”"));
        assert!(got[2].starts_with("The U.S. ambassador, Mr. J. R. Smith"));
    }

    #[test]
    fn parenthesised_date_does_not_split() {
        let got = sentences("In a petition signed by over 8,700 people as of Tuesday morning (April 11), Amnesty International called on Aleksandr Ivanovich Bastrykin to act. He did not.");
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[0].contains("(April 11), Amnesty"));
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "  First line here.\n\n Second paragraph, with “quotes”.  \n";
        let d = doc("t", text);
        let a = analyze(&d);
        assert_eq!(a.paragraphs.len(), 2);
        assert_eq!(
            a.sentences[1].span.slice(text),
            "Second paragraph, with “quotes”."
        );
        assert_eq!(a.sentences[1].paragraph, 1);
    }
}
