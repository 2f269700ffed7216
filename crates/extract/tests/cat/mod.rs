//! Text of CAT-format corpora (MEANTIME, SemEval-2015 TimeLine): `<token t_id sentence>`
//! elements become one line per sentence, tokens joined the way they were written. Shared
//! by the evaluations that read these corpora (`#[path]`-included elsewhere); each uses
//! part of it.
#![allow(dead_code)]

use std::collections::HashMap;

use quick_xml::events::Event;
use quick_xml::Reader;

/// One corpus token.
pub struct Token {
    /// Its `t_id`.
    pub id: String,
    /// Its sentence number.
    pub sentence: usize,
    /// The word.
    pub text: String,
}

/// A corpus article's text with each token's byte span and each sentence's first byte.
pub struct CatText {
    /// Sentences on their own lines.
    pub text: String,
    /// Byte span of each token, by `t_id`.
    pub spans: HashMap<String, (usize, usize)>,
    /// (sentence number, byte where its line starts), in text order.
    pub lines: Vec<(usize, usize)>,
}

impl CatText {
    /// The sentence number of the line holding byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.lines.partition_point(|&(_, start)| start <= at);
        i.checked_sub(1).map(|i| self.lines[i].0)
    }
}

/// The value of attribute `name` of element `e`, if present.
pub fn attribute(e: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.into_owned())
}

/// The tokens of a CAT document, in order (escaped characters resolved).
pub fn read_tokens(xml: &str) -> Vec<Token> {
    let mut reader = Reader::from_str(xml);
    let mut tokens = Vec::new();
    let mut current: Option<Token> = None;
    loop {
        match reader.read_event().expect("well-formed CAT XML") {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == "token" => {
                current = Some(Token {
                    id: attribute(&e, "t_id").unwrap_or_default(),
                    sentence: attribute(&e, "sentence")
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(0),
                    text: String::new(),
                })
            }
            Event::Text(t) => {
                if let Some(token) = current.as_mut() {
                    token.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(token) = current.as_mut() {
                    token.text.push_str(match r.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "?",
                    });
                }
            }
            Event::End(e) if e.name().as_ref() == "token" => {
                if let Some(token) = current.take() {
                    tokens.push(token);
                }
            }
            _ => {}
        }
    }
    tokens
}

/// Joins tokens into text: one sentence a line, no space before closing punctuation or
/// after opening brackets and currency signs.
pub fn join_tokens(tokens: &[Token]) -> CatText {
    let mut text = String::new();
    let mut spans = HashMap::new();
    let mut lines = Vec::new();
    let mut previous: Option<&Token> = None;
    for token in tokens {
        match previous {
            Some(p) if p.sentence != token.sentence => text.push('\n'),
            Some(p) => {
                let glued_left = matches!(
                    token.text.as_str(),
                    "," | "." | ";" | ":" | "!" | "?" | ")" | "%" | "'s" | "’s" | "n't" | "'"
                );
                let glued_right = matches!(p.text.as_str(), "(" | "$" | "£" | "€" | "US$");
                if !glued_left && !glued_right {
                    text.push(' ');
                }
            }
            None => {}
        }
        if previous.is_none_or(|p| p.sentence != token.sentence) {
            lines.push((token.sentence, text.len()));
        }
        let start = text.len();
        text.push_str(&token.text);
        spans.insert(token.id.clone(), (start, text.len()));
        previous = Some(token);
    }
    CatText { text, spans, lines }
}
