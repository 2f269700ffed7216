//! Normalisation for matching, word tokens with spans, stems and stopwords.

use std::borrow::Cow;
use std::sync::OnceLock;

use dossier_core::Span;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// A word token and its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Its byte span (offset by the `base` given to [`tokens`]).
    pub span: Span,
}

/// Replaces typographic quotes and apostrophes by their ASCII forms (for matching only).
pub fn unify_quotes(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_fancy_quote) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '´' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => '"',
                other => other,
            })
            .collect(),
    )
}

fn is_fancy_quote(c: char) -> bool {
    matches!(
        c,
        '\u{2018}'..='\u{201F}' | '\u{2032}' | '\u{2033}' | '`' | '´' | '«' | '»'
    )
}

/// The key two pieces of text are compared by when looking for copies: Unicode NFC,
/// quotes unified, lower case, punctuation dropped, whitespace collapsed.
pub fn match_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in unify_quotes(s).nfc() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' || c == '/' {
            pending_space = true;
        }
        // Other punctuation (quotes, commas, periods) is dropped: "said, “We" ~ "said: "We".
    }
    out
}

/// Word tokens of `s`: runs of letters and digits, keeping internal apostrophes, hyphens
/// and the separators inside numbers ("don't", "Russian-backed", "8,700", "3.5").
/// Spans are offset by `base`.
pub fn tokens(s: &str, base: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(st) = start {
            let next_alnum = chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
            let prev = s[..i].chars().next_back();
            let joins = match c {
                '\'' | '\u{2019}' | '-' => next_alnum,
                ',' | '.' => {
                    next_alnum
                        && prev.is_some_and(|p| p.is_ascii_digit())
                        && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit())
                }
                _ => false,
            };
            if !joins {
                out.push(Token {
                    text: &s[st..i],
                    span: Span::new(base + st, base + i),
                });
                start = None;
            }
        }
    }
    if let Some(st) = start {
        out.push(Token {
            text: &s[st..],
            span: Span::new(base + st, base + s.len()),
        });
    }
    out
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The lower-cased English (Snowball) stem of a word.
pub fn stem(word: &str) -> String {
    let lower = unify_quotes(word).to_lowercase();
    stemmer().stem(&lower).into_owned()
}

const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
];

/// True for common English function words (compared case-insensitively).
pub fn is_stopword(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    STOPWORDS.binary_search(&lower.as_str()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_list_is_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("The"));
        assert!(!is_stopword("Chechnya"));
    }

    #[test]
    fn match_key_ignores_quote_style_and_punctuation() {
        assert_eq!(
            match_key("The spokesperson added: “If such people existed in Chechnya,"),
            match_key("The spokesperson added: \"If such people existed in Chechnya,")
        );
        assert_eq!(match_key("Russian-backed leader"), "russian backed leader");
        assert_eq!(match_key("Chechnya’s"), match_key("Chechnya's"));
    }

    #[test]
    fn tokens_keep_numbers_and_inner_apostrophes() {
        let s = "over 8,700 people, Chechnya’s Russian-backed leader; aged 16-50.";
        let words: Vec<&str> = tokens(s, 0).iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "over",
                "8,700",
                "people",
                "Chechnya’s",
                "Russian-backed",
                "leader",
                "aged",
                "16-50"
            ]
        );
        let t = tokens(s, 100);
        assert_eq!(t[1].span, Span::new(105, 110));
    }

    #[test]
    fn stems_inflections_together() {
        assert_eq!(stem("detained"), stem("detains"));
        assert_eq!(stem("Killings"), stem("killing"));
    }
}
