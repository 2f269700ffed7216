//! Pairing quote marks into direct quotes, across sentences and paragraphs.
//!
//! Double marks (“…”, "…", ''…'' as in the New York Times archive, «…») and single marks (‘…’, '…') are paired within a paragraph.
//! A straight `"` opens when it follows a space, a bracket or the paragraph start, and closes
//! otherwise. A `’` or `'` between two letters is an apostrophe. Single quotes nested in double
//! quotes are part of the double quote. A paragraph that opens a double quote without closing
//! it continues into the next paragraph when that paragraph opens again (the journalistic
//! convention); otherwise the quote ends with its paragraph. An unclosed single quote is an
//! apostrophe and is dropped.

use dossier_core::{Document, Span};
use dossier_text::{tokens, AnalyzedText, ParagraphKind};

/// One direct quote: the text inside its marks, possibly in several paragraphs.
#[derive(Debug, Clone)]
pub(crate) struct RawQuote {
    /// The quoted words of each paragraph, trimmed, marks excluded.
    pub parts: Vec<Span>,
    /// The opening mark of the first part.
    pub open: Span,
    /// The closing mark of the last part, if it was closed.
    pub close: Option<Span>,
    /// Number of word tokens in all parts.
    pub words: usize,
}

impl RawQuote {
    /// From the first quoted word to the last.
    pub fn span(&self) -> Span {
        let start = self.parts.first().map_or(self.open.end, |p| p.start);
        let end = self.parts.last().map_or(self.open.end, |p| p.end);
        Span::new(start, end.max(start))
    }

    /// Where the frame after the quote starts: after the closing mark, or the last word.
    pub fn after(&self) -> usize {
        self.close.map_or(self.span().end, |c| c.end)
    }

    /// The quoted words, parts joined by a space.
    pub fn text(&self, doc: &str) -> String {
        self.parts
            .iter()
            .filter_map(|p| doc.get(p.start..p.end))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    family: Family,
    dir: Dir,
    span: Span,
}

/// Classifies the quote-like character `c` between `prev` and `next`.
fn classify(prev: Option<char>, c: char, next: Option<char>) -> Option<(Family, Dir)> {
    let opens_after = |p: Option<char>| {
        p.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘')
        })
    };
    let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
    match c {
        '“' | '„' | '«' => Some((Family::Double, Dir::Open)),
        '”' | '»' => Some((Family::Double, Dir::Close)),
        '"' => {
            if opens_after(prev) {
                if next.is_none_or(char::is_whitespace) {
                    None
                } else {
                    Some((Family::Double, Dir::Open))
                }
            } else {
                Some((Family::Double, Dir::Close))
            }
        }
        '‘' => (!next.is_none_or(char::is_whitespace)).then_some((Family::Single, Dir::Open)),
        '’' | '\'' => {
            if alnum(prev) && alnum(next) {
                None
            } else if opens_after(prev) && alnum(next) {
                (c == '\'').then_some((Family::Single, Dir::Open))
            } else if prev.is_some_and(|p| !p.is_whitespace()) {
                Some((Family::Single, Dir::Close))
            } else {
                None
            }
        }
        _ => None,
    }
}

fn marks_in(doc: &str, span: Span) -> Vec<Mark> {
    let Some(slice) = doc.get(span.start..span.end) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        k += 1;
        if !matches!(c, '“' | '„' | '«' | '”' | '»' | '"' | '‘' | '’' | '\'') {
            continue;
        }
        let prev = (k >= 2).then(|| chars[k - 2].1);
        // Two straight apostrophes are a double quote mark (''It's more tinkering,'' said).
        let (c, len) = if c == '\'' && chars.get(k).is_some_and(|x| x.1 == '\'') {
            k += 1;
            ('"', 2)
        } else {
            (c, c.len_utf8())
        };
        let next = chars.get(k).map(|x| x.1);
        if let Some((family, dir)) = classify(prev, c, next) {
            let start = span.start + i;
            out.push(Mark {
                family,
                dir,
                span: Span::new(start, start + len),
            });
        }
    }
    out
}

struct Open {
    family: Family,
    first_open: Span,
    content_start: usize,
    parts: Vec<Span>,
}

/// Finds the direct quotes of a document's body and headline paragraphs, in text order.
pub(crate) fn find(doc: &Document, text: &AnalyzedText) -> Vec<RawQuote> {
    let src = doc.text.as_str();
    let paras: Vec<Span> = text
        .paragraphs
        .iter()
        .filter(|p| !matches!(p.kind, ParagraphKind::Debris(_)))
        .map(|p| p.span)
        .collect();
    let mut out = Vec::new();
    let mut state: Option<Open> = None;
    let mut skip_until = 0usize;
    for (pi, &para) in paras.iter().enumerate() {
        for mark in marks_in(src, para) {
            if mark.span.start < skip_until {
                continue;
            }
            state = match state.take() {
                None => match mark.dir {
                    Dir::Open => Some(Open {
                        family: mark.family,
                        first_open: mark.span,
                        content_start: mark.span.end,
                        parts: Vec::new(),
                    }),
                    Dir::Close => None,
                },
                Some(mut open) => match (open.family, mark.family, mark.dir) {
                    (Family::Double, Family::Double, Dir::Close) => {
                        open.parts
                            .push(Span::new(open.content_start, mark.span.start));
                        finish(src, open, Some(mark.span), &mut out);
                        None
                    }
                    // A straight `"` inside an open straight quote closes it.
                    (Family::Double, Family::Double, Dir::Open)
                        if is_straight(src, mark.span) && is_straight(src, open.first_open) =>
                    {
                        open.parts
                            .push(Span::new(open.content_start, mark.span.start));
                        finish(src, open, Some(mark.span), &mut out);
                        None
                    }
                    (Family::Double, _, _) => Some(open),
                    (Family::Single, Family::Single, Dir::Close) => {
                        open.parts
                            .push(Span::new(open.content_start, mark.span.start));
                        finish(src, open, Some(mark.span), &mut out);
                        None
                    }
                    (Family::Single, Family::Single, Dir::Open) => Some(Open {
                        family: Family::Single,
                        first_open: mark.span,
                        content_start: mark.span.end,
                        parts: Vec::new(),
                    }),
                    (Family::Single, Family::Double, Dir::Open) => Some(Open {
                        family: Family::Double,
                        first_open: mark.span,
                        content_start: mark.span.end,
                        parts: Vec::new(),
                    }),
                    (Family::Single, Family::Double, Dir::Close) => None,
                },
            };
        }
        // Paragraph end with a quote still open.
        if let Some(mut open) = state.take() {
            if open.family == Family::Single {
                continue;
            }
            open.parts.push(Span::new(open.content_start, para.end));
            let reopen = paras.get(pi + 1).and_then(|next| {
                let first = marks_in(src, *next).into_iter().next()?;
                let lead = src.get(next.start..first.span.start)?;
                (lead.trim().is_empty() && first.family == Family::Double && first.dir == Dir::Open)
                    .then_some(first.span)
            });
            match reopen {
                Some(mark) => {
                    open.content_start = mark.end;
                    skip_until = mark.end;
                    state = Some(open);
                }
                None => finish(src, open, None, &mut out),
            }
        }
    }
    out
}

/// A straight double mark: `"` or `''`.
fn is_straight(src: &str, span: Span) -> bool {
    matches!(src.get(span.start..span.end), Some("\"" | "''"))
}

fn finish(src: &str, open: Open, close: Option<Span>, out: &mut Vec<RawQuote>) {
    let parts: Vec<Span> = open.parts.iter().filter_map(|&p| trim(src, p)).collect();
    if parts.is_empty() {
        return;
    }
    let words = parts
        .iter()
        .map(|p| src.get(p.start..p.end).map_or(0, |s| tokens(s, 0).len()))
        .sum();
    out.push(RawQuote {
        parts,
        open: open.first_open,
        close,
        words,
    });
}

/// Trims whitespace and a trailing comma; `None` when nothing is left.
fn trim(src: &str, span: Span) -> Option<Span> {
    let s = src.get(span.start..span.end)?;
    let lead = s.len() - s.trim_start().len();
    let t = s
        .trim_start()
        .trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    if t.is_empty() {
        return None;
    }
    Some(Span::new(span.start + lead, span.start + lead + t.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, usize)> {
        let d = crate::quotes::tests::doc(text);
        let a = dossier_text::analyze(&d);
        find(&d, &a)
            .iter()
            .map(|q| (q.text(&d.text), q.words))
            .collect()
    }

    #[test]
    fn pairs_curly_straight_and_single_quotes() {
        let got = quotes("He said: “We urge the ‘camps’ to close,” and left. Parents’ rights don’t matter, she said \"quietly now\" to us.");
        assert_eq!(
            got,
            vec![
                ("We urge the ‘camps’ to close".to_string(), 6),
                ("quietly now".to_string(), 2)
            ]
        );
    }

    #[test]
    fn continues_across_paragraphs_that_reopen() {
        let got = quotes("She told us: \"Gay people have been detained.\n\n\"Those who escaped were beaten.\"\nNext paragraph “is separate”.");
        assert_eq!(
            got[0].0,
            "Gay people have been detained. Those who escaped were beaten."
        );
        assert_eq!(got[1].0, "is separate");
    }

    #[test]
    fn doubled_apostrophes_are_double_quotes() {
        // New York Times archive text (PolNeAR dev, nyt_2016-09-16 and nyt_2016-09-19).
        let got = quotes("''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist. Mr. Trump's ''skinny'' plan, ''a completely different Ed Schultz to me.''");
        assert_eq!(
            got,
            vec![
                ("This isn't tax reform".to_string(), 4),
                ("skinny".to_string(), 1),
                ("a completely different Ed Schultz to me.".to_string(), 7)
            ]
        );
    }

    #[test]
    fn unbalanced_marks_do_not_panic() {
        for t in [
            "“",
            "”",
            "\"",
            "'",
            "‘a",
            "a’",
            "“open only",
            "x\"y\"z",
            "é“ü”é",
            "😀“😀”",
            "''",
            "'''",
            "a '' b",
            "''x''y''",
        ] {
            let _ = quotes(t);
        }
    }
}
