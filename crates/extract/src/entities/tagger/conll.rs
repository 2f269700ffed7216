//! Reader of the CoNLL-2003 format: `token POS chunk NER` per line, IOB1 tags, a blank line
//! between sentences and `-DOCSTART-` lines between documents. Tags come out as IOB2.

use dossier_core::{Document, Origin, Span};
use dossier_text::{AnalyzedText, Paragraph, ParagraphKind, Sentence};

use super::{begin, inside, NerType, Tag, TrainSentence};

/// A document: its sentences in order.
#[derive(Debug, Clone, Default)]
pub struct ConllDocument {
    /// Sentences with their gold tags.
    pub sentences: Vec<TrainSentence>,
}

/// A CoNLL document as Dossier reads it: one sentence per line, tokens joined by single
/// spaces, already analysed (each line one body paragraph and one sentence), with each
/// token's byte span per sentence, so gold names become byte spans of the text.
pub struct BuiltDocument {
    /// The text, its id and origin.
    pub doc: Document,
    /// Its paragraphs and sentences.
    pub text: AnalyzedText,
    /// Byte span of each token, sentence by sentence.
    pub token_spans: Vec<Vec<Span>>,
}

impl ConllDocument {
    /// The document as Dossier's stages take it; `path` and `record` name where it came from.
    pub fn build(&self, id: &str, path: &str, record: usize) -> BuiltDocument {
        let mut text = String::new();
        let mut paragraphs = Vec::new();
        let mut sentences = Vec::new();
        let mut token_spans = Vec::new();
        for sentence in &self.sentences {
            let line_start = text.len();
            let mut spans = Vec::with_capacity(sentence.words.len());
            for (i, word) in sentence.words.iter().enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(word);
                spans.push(Span::new(start, text.len()));
            }
            token_spans.push(spans);
            let span = Span::new(line_start, text.len());
            paragraphs.push(Paragraph {
                span,
                kind: ParagraphKind::Body,
            });
            sentences.push(Sentence {
                span,
                paragraph: paragraphs.len() - 1,
            });
            text.push('\n');
        }
        let mut doc = Document::plain(id, &text);
        doc.origin = Origin {
            path: path.to_string(),
            record: Some(record),
        };
        BuiltDocument {
            doc,
            text: AnalyzedText {
                paragraphs,
                sentences,
            },
            token_spans,
        }
    }
}

/// Reads a whole CoNLL-2003 file. Lines with fewer than four fields are ignored; unknown
/// labels read as `O`.
pub fn read(text: &str) -> Vec<ConllDocument> {
    let mut docs: Vec<ConllDocument> = Vec::new();
    let mut doc = ConllDocument::default();
    let mut current = TrainSentence {
        words: Vec::new(),
        tags: Vec::new(),
    };
    let mut prev_type: Option<NerType> = None;
    for line in text.lines().chain(std::iter::once("-DOCSTART- -X- O O")) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.is_empty() || fields[0] == "-DOCSTART-" {
            if !current.words.is_empty() {
                doc.sentences.push(std::mem::replace(
                    &mut current,
                    TrainSentence {
                        words: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            prev_type = None;
            if fields.first() == Some(&"-DOCSTART-") && !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        if fields.len() < 4 {
            continue;
        }
        let label = fields[fields.len() - 1];
        let kind = label.get(2..).and_then(NerType::from_label);
        let tag: Tag = match kind {
            None => 0,
            Some(k) if label.starts_with("B-") || prev_type != Some(k) => begin(k),
            Some(k) => inside(k),
        };
        prev_type = kind;
        current.words.push(fields[0].to_string());
        current.tags.push(tag);
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_becomes_iob2() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\
                    German JJ I-NP I-MISC\nB B I-NP B-MISC\n\n-DOCSTART- -X- O O\n\nX X X I-PER\n";
        let docs = read(text);
        assert_eq!(docs.len(), 2);
        let s = &docs[0].sentences[0];
        assert_eq!(s.words, ["EU", "rejects", "German", "B"]);
        let m = NerType::Misc;
        assert_eq!(s.tags, [begin(NerType::Org), 0, begin(m), begin(m)]);
        assert_eq!(docs[1].sentences[0].tags, [begin(NerType::Per)]);
    }
}

/// Exact-match counts per type, as conlleval scores names: a name counts when its first and
/// last token and its type all match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Per type in [`NerType::ALL`] order: (correct, predicted, gold).
    pub per_type: [(usize, usize, usize); 4],
}

impl Counts {
    /// Adds one sentence's gold and predicted tags.
    pub fn add(&mut self, gold: &[Tag], predicted: &[Tag]) {
        let g = super::spans(gold);
        let p = super::spans(predicted);
        for s in &g {
            self.per_type[s.kind as usize].2 += 1;
        }
        for s in &p {
            self.per_type[s.kind as usize].1 += 1;
            if g.contains(s) {
                self.per_type[s.kind as usize].0 += 1;
            }
        }
    }

    /// Precision, recall and F1 of one type, or of all with `None`.
    pub fn prf(&self, kind: Option<NerType>) -> (f64, f64, f64) {
        let (tp, pr, gd) = match kind {
            Some(k) => self.per_type[k as usize],
            None => self
                .per_type
                .iter()
                .fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2)),
        };
        prf(tp, pr, gd)
    }
}

/// Precision, recall and F1 from (correct, predicted, gold); 0 where undefined.
pub fn prf(tp: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = if predicted == 0 {
        0.0
    } else {
        tp as f64 / predicted as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}
