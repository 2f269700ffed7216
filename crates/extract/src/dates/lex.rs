//! A small lexer shared by the date and figure extractors.
//!
//! Unlike [`dossier_text::tokens`], it keeps punctuation as tokens (dates need the `(` of
//! "Tuesday morning (April 11)", the `/` of "15/04/2017" and the `:` of "5:30pm") and splits
//! hyphens ("16-50" is `16`, `-`, `50`) and possessive `'s` off words. Spans are byte offsets
//! (shifted by the `base` given to [`lex`]) and always fall on char boundaries.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters (possibly with inner apostrophes or digits: "don't", "G20").
    Word,
    /// ASCII digits with inner `,` / `.` between digits ("8,700", "3.5").
    Num,
    /// Digits followed by letters ("11th", "30pm", "1950s", "17.1bn").
    Mixed,
    /// One punctuation or symbol character.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok<'a> {
    /// The token as written.
    pub text: &'a str,
    /// First byte (shifted by `base`).
    pub start: usize,
    /// One past the last byte (shifted by `base`).
    pub end: usize,
    /// Its kind.
    pub kind: TokKind,
}

impl Tok<'_> {
    /// True when the token is the word `w` (ASCII case-insensitive).
    pub fn is(&self, w: &str) -> bool {
        self.kind == TokKind::Word && self.text.eq_ignore_ascii_case(w)
    }

    /// True when the token is one of `ws` (ASCII case-insensitive).
    pub fn is_any(&self, ws: &[&str]) -> bool {
        self.kind == TokKind::Word && ws.iter().any(|w| self.text.eq_ignore_ascii_case(w))
    }

    /// True when the token is the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.text.starts_with(c)
    }

    /// True when the token is a word starting with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.kind == TokKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Lower-cased text with typographic apostrophes unified.
    pub fn lower(&self) -> String {
        self.text.replace('’', "'").to_lowercase()
    }

    /// The value of a plain digit string without separators ("2017", "04"), if it fits.
    pub fn plain_digits(&self) -> Option<u64> {
        if self.kind != TokKind::Num || self.text.len() > 18 {
            return None;
        }
        if !self.text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.text.parse().ok()
    }
}

/// True when `b` directly follows `a` (no whitespace between them).
pub(crate) fn adjacent(a: &Tok<'_>, b: &Tok<'_>) -> bool {
    a.end == b.start
}

/// Splits `s` into tokens; spans are shifted by `base`.
pub(crate) fn lex(s: &str, base: usize) -> Vec<Tok<'_>> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let byte_at = |k: usize| chars.get(k).map_or(s.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (b, c) = chars[k];
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Tok {
                text: &s[b..byte_at(k + 1)],
                start: base + b,
                end: base + byte_at(k + 1),
                kind: TokKind::Punct,
            });
            k += 1;
            continue;
        }
        let start_k = k;
        k += 1;
        while k < chars.len() {
            let c = chars[k].1;
            if c.is_alphanumeric() {
                k += 1;
                continue;
            }
            let prev = chars[k - 1].1;
            let next = chars.get(k + 1).map(|&(_, n)| n);
            let joins = match c {
                ',' | '.' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                '\'' | '’' => {
                    let next_alpha = next.is_some_and(char::is_alphabetic);
                    // Possessive 's is split off: "Chechnya's" → "Chechnya", "'s".
                    let possessive = next.is_some_and(|n| n == 's' || n == 'S')
                        && !chars.get(k + 2).is_some_and(|&(_, n)| n.is_alphanumeric());
                    prev.is_alphabetic() && next_alpha && !possessive
                }
                _ => false,
            };
            if joins {
                k += 1;
            } else {
                break;
            }
        }
        let text = &s[b..byte_at(k)];
        let kind = if chars[start_k].1.is_ascii_digit() {
            if text
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            {
                TokKind::Num
            } else {
                TokKind::Mixed
            }
        } else {
            TokKind::Word
        };
        out.push(Tok {
            text,
            start: base + b,
            end: base + byte_at(k),
            kind,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        lex(s, 0).iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_punctuation_hyphens_and_possessives() {
        assert_eq!(
            texts("Chechnya’s men aged 16-50 (April 11), 8,700 at 5:30pm don't"),
            [
                "Chechnya", "’", "s", "men", "aged", "16", "-", "50", "(", "April", "11", ")", ",",
                "8,700", "at", "5", ":", "30pm", "don't"
            ]
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            "🙂🙂",
            "é’s’",
            "1,2,3,4",
            "99999999999999999999999",
            "’",
            "a’",
            "1.",
        ] {
            let toks = lex(s, 7);
            for t in &toks {
                assert_eq!(&s[t.start - 7..t.end - 7], t.text);
            }
        }
        assert_eq!(lex("1,2,3,4", 0)[0].kind, TokKind::Num);
        assert_eq!(lex("11th", 0)[0].kind, TokKind::Mixed);
    }
}
