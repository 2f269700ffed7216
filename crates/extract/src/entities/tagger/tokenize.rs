//! Cuts Dossier's text into the tokens the tagger was trained on: CoNLL-2003's Reuters
//! tokenisation, where punctuation, brackets, quotes and a possessive "'s" are tokens of their
//! own, "U.S." and hyphenated words stay whole, and quotes are straight. Each token keeps the
//! byte span of its original text, so curly quotes and dashes are mapped only in the form the
//! model sees.

use std::borrow::Cow;

use dossier_core::Span;

/// A token as the model sees it, with its span in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelToken<'a> {
    /// The form given to the model ("\"" for "“", "'s" for "’s").
    pub text: Cow<'a, str>,
    /// Byte span in the text the tokens were cut from (plus the base offset).
    pub span: Span,
}

/// Abbreviations whose final period belongs to the word (Reuters writes them so).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Gen", "Gov", "Sen", "Rep",
    "Lt", "Col", "Capt", "Sgt", "Prof", "No", "vs", "Bros", "Mt", "Ft", "Adm", "Cpl", "Maj",
];

fn is_open(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '‘' | '’' | '\'' | '(' | '[' | '{' | '«' | '„'
    )
}

fn is_close(c: char) -> bool {
    matches!(
        c,
        '"' | '”' | '“' | '’' | '‘' | '\'' | ')' | ']' | '}' | '»' | ',' | ';' | ':' | '!' | '?'
    )
}

fn normalise(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '“' | '”' | '«' | '»' | '„' => '"',
            '‘' | '’' | '‛' => '\'',
            '–' | '‑' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    let mapped = mapped.replace('—', "--").replace('…', "...");
    if mapped == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(mapped)
    }
}

/// Tokens of `text`; spans are offset by `base` (the position of `text` in the document).
pub fn model_tokens(text: &str, base: usize) -> Vec<ModelToken<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let breaks = c.is_whitespace() || c == '—' || c == '–' && start.is_none();
        if breaks {
            if let Some(s) = start.take() {
                chunk(text, s, i, base, &mut out);
            }
            if c == '—' || c == '–' {
                push(text, i, i + c.len_utf8(), base, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        chunk(text, s, text.len(), base, &mut out);
    }
    out
}

fn push<'a>(text: &'a str, s: usize, e: usize, base: usize, out: &mut Vec<ModelToken<'a>>) {
    if s < e {
        out.push(ModelToken {
            text: normalise(&text[s..e]),
            span: Span::new(base + s, base + e),
        });
    }
}

/// One whitespace-separated chunk `text[s..e]`.
fn chunk<'a>(
    text: &'a str,
    mut s: usize,
    mut e: usize,
    base: usize,
    out: &mut Vec<ModelToken<'a>>,
) {
    // Leading quotes and brackets.
    while let Some(c) = text[s..e].chars().next() {
        if !is_open(c) || s + c.len_utf8() >= e && !is_close(c) {
            break;
        }
        push(text, s, s + c.len_utf8(), base, out);
        s += c.len_utf8();
    }
    // Trailing punctuation, collected from the end.
    let mut tail: Vec<(usize, usize)> = Vec::new();
    while s < e {
        let core = &text[s..e];
        if core.ends_with("...") && core.len() > 3 {
            tail.push((e - 3, e));
            e -= 3;
            continue;
        }
        let Some(c) = core.chars().next_back() else {
            break;
        };
        let n = c.len_utf8();
        if core.len() == n {
            break;
        }
        if is_close(c) {
            tail.push((e - n, e));
            e -= n;
            continue;
        }
        if c == '.' {
            let word = &core[..core.len() - 1];
            let keep = word.contains('.')
                || word.chars().count() == 1 && word.chars().all(char::is_alphabetic)
                || ABBREVIATIONS.contains(&word);
            if keep {
                break;
            }
            tail.push((e - 1, e));
            e -= 1;
            continue;
        }
        break;
    }
    // Possessive "'s".
    let core = &text[s..e];
    let mut possessive = None;
    for suffix in ["'s", "’s", "'S", "’S"] {
        if core.len() > suffix.len() && core.ends_with(suffix) {
            possessive = Some(e - suffix.len());
            break;
        }
    }
    match possessive {
        Some(p) => {
            push(text, s, p, base, out);
            push(text, p, e, base, out);
        }
        None => push(text, s, e, base, out),
    }
    for (a, b) in tail.into_iter().rev() {
        push(text, a, b, base, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<String> {
        model_tokens(text, 0)
            .into_iter()
            .map(|t| {
                assert!(!t.text.is_empty());
                t.text.into_owned()
            })
            .collect()
    }

    #[test]
    fn reuters_tokens_from_news_text() {
        assert_eq!(
            forms("“We’re sure,” said Chechnya’s leader, Ramzan Kadyrov (in Grozny)."),
            [
                "\"", "We're", "sure", ",", "\"", "said", "Chechnya", "'s", "leader", ",",
                "Ramzan", "Kadyrov", "(", "in", "Grozny", ")", "."
            ]
        );
        assert_eq!(
            forms("The U.S. and Mr. Smith—not Russian-backed... J. R. Ewing said."),
            [
                "The",
                "U.S.",
                "and",
                "Mr.",
                "Smith",
                "--",
                "not",
                "Russian-backed",
                "...",
                "J.",
                "R.",
                "Ewing",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn spans_point_at_the_original_text() {
        let text = "Ahead: “Novaya Gazeta’s” report — 2017.";
        for t in model_tokens(text, 100) {
            let original = &text[t.span.start - 100..t.span.end - 100];
            assert_eq!(normalise(original), t.text);
        }
        assert!(model_tokens("", 0).is_empty());
        assert_eq!(forms("\" ' ."), ["\"", "'", "."]);
    }
}
