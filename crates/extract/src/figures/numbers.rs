//! Reading numbers from tokens: digits ("8,700", "3.5 million", "$17.1bn"), words ("three",
//! "twenty-five", "a dozen", "tens of thousands") and ranges ("16-50", "16 to 50", "30 or 40").

use crate::dates::lex::{adjacent, Tok, TokKind};

/// A number found at some token.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    /// First token of the number (after any currency sign).
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// The value (lower bound of a range).
    pub value: f64,
    /// Upper bound of a range.
    pub value_max: Option<f64>,
    /// A vague plural ("dozens", "tens of thousands"): `value` is its lower bound.
    pub vague: bool,
    /// Written with digits (else with words).
    pub digits: bool,
    /// A scale word or suffix followed ("million", "bn").
    pub scaled: bool,
    /// The currency it is in ("dollars" for "$"), if any.
    pub currency: Option<&'static str>,
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [(&str, f64); 8] = [
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];
const SCALES: [(&str, f64); 6] = [
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("dozen", 12.0),
];
/// Scale suffixes and their powers of ten ("17.1bn").
const SUFFIX_SCALES: [(&str, i32); 6] = [
    ("k", 3),
    ("m", 6),
    ("mn", 6),
    ("bn", 9),
    ("b", 9),
    ("tn", 12),
];

/// `digits` × 10^`exp`, rounded once ("17.1" × 10^9 is exactly 17100000000).
fn scale_by(digits: &str, exp: i32) -> Option<f64> {
    parse_digits(digits)?;
    let plain: String = digits.chars().filter(|c| *c != ',').collect();
    format!("{plain}e{exp}")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// The value of a number word below one hundred ("three", "forty").
pub(crate) fn unit_value(t: &Tok<'_>) -> Option<f64> {
    if t.kind != TokKind::Word {
        return None;
    }
    let l = t.lower();
    if let Some(p) = UNITS.iter().position(|w| *w == l) {
        return Some(p as f64);
    }
    TENS.iter().find(|(w, _)| *w == l).map(|&(_, v)| v)
}

fn scale_value(t: &Tok<'_>) -> Option<f64> {
    if t.kind != TokKind::Word {
        return None;
    }
    let l = t.lower();
    SCALES.iter().find(|(w, _)| *w == l).map(|&(_, v)| v)
}

/// Parses a digit string with thousands separators and one decimal point.
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let groups: Vec<&str> = int.split(',').collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None; // "1,2,3,4" is a list, not a number
    }
    let mut plain: String = groups.concat();
    if let Some(f) = frac {
        plain.push('.');
        plain.push_str(f);
    }
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A number written in digits at `i`, with an optional scale ("3.5 million", "17.1bn").
fn digit_number(toks: &[Tok<'_>], i: usize) -> Option<(f64, usize, bool)> {
    let t = toks.get(i)?;
    let (mut value, mut scaled) = match t.kind {
        TokKind::Num => (parse_digits(t.text)?, false),
        TokKind::Mixed => {
            let digits = t.text.trim_end_matches(|c: char| c.is_alphabetic());
            let suffix = t.text[digits.len()..].to_ascii_lowercase();
            let &(_, exp) = SUFFIX_SCALES.iter().find(|(s, _)| *s == suffix)?;
            (scale_by(digits, exp)?, true)
        }
        _ => return None,
    };
    let mut end = i + 1;
    if t.kind == TokKind::Num {
        // "US$7.2 bn": a scale suffix written apart.
        if let Some(&(_, exp)) = toks.get(end).and_then(|n| {
            SUFFIX_SCALES.iter().find(|(s, _)| {
                s.len() > 1 && n.kind == TokKind::Word && n.text.eq_ignore_ascii_case(s)
            })
        }) {
            return Some((scale_by(t.text, exp)?, end + 1, true));
        }
    }
    if !scaled {
        if let Some(scale) = toks.get(end).and_then(scale_value) {
            if !toks[end].is("dozen") {
                value = scale_by(t.text, scale.log10().round() as i32)?;
                scaled = true;
                end += 1;
            }
        }
    }
    Some((value, end, scaled))
}

/// A number written in words at `i`: "three", "twenty-five", "two hundred and fifty",
/// "a dozen", "a thousand". Returns (value, end).
fn word_number(toks: &[Tok<'_>], i: usize) -> Option<(f64, usize)> {
    let mut j = i;
    let mut total = 0.0;
    let mut current = 0.0;
    let mut any = false;
    // "a hundred", "a dozen", "half a dozen"
    if toks.get(j).is_some_and(|t| t.is("half"))
        && toks.get(j + 1).is_some_and(|t| t.is("a"))
        && toks.get(j + 2).and_then(scale_value).is_some()
    {
        let v = scale_value(&toks[j + 2])? / 2.0;
        return Some((v, j + 3));
    }
    if toks.get(j).is_some_and(|t| t.is_any(&["a", "an"])) {
        toks.get(j + 1).and_then(scale_value)?;
        current = 1.0;
        j += 1;
    }
    while let Some(t) = toks.get(j) {
        if let Some(v) = unit_value(t) {
            if any && current % 100.0 != 0.0 && v < 100.0 && current % 10.0 != 0.0 {
                break; // "two three"
            }
            current += v;
            any = true;
            j += 1;
            // "twenty-five"
            if v >= 20.0 {
                if let (Some(dash), Some(u)) = (toks.get(j), toks.get(j + 1)) {
                    if dash.is_punct('-') && adjacent(t, dash) && adjacent(dash, u) {
                        if let Some(uv) = unit_value(u).filter(|&uv| (1.0..10.0).contains(&uv)) {
                            current += uv;
                            j += 2;
                        }
                    }
                }
            }
            continue;
        }
        if let Some(s) = scale_value(t) {
            if !any && current == 0.0 {
                break;
            }
            if s == 100.0 || s == 12.0 {
                current = current.max(1.0) * s;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
            any = true;
            j += 1;
            continue;
        }
        // "one hundred and fifty"
        if t.is("and")
            && any
            && toks.get(j + 1).and_then(unit_value).is_some()
            && toks.get(j - 1).and_then(scale_value).is_some()
        {
            j += 1;
            continue;
        }
        break;
    }
    any.then_some((total + current, j))
}

/// Vague plurals: "dozens", "hundreds", "thousands of", "tens of thousands", "hundreds of
/// millions". Returns (lower bound, end).
fn vague_number(toks: &[Tok<'_>], i: usize) -> Option<(f64, usize)> {
    let t = toks.get(i)?;
    let plural = |t: &Tok<'_>| -> Option<f64> {
        match t.lower().as_str() {
            "dozens" => Some(12.0),
            "hundreds" => Some(100.0),
            "thousands" => Some(1e3),
            "millions" => Some(1e6),
            "billions" => Some(1e9),
            _ => None,
        }
    };
    if t.is("tens") && toks.get(i + 1).is_some_and(|o| o.is("of")) {
        let big = plural(toks.get(i + 2)?)?;
        if big >= 1e3 {
            return Some((20.0 * big, i + 3));
        }
        return None;
    }
    let base = plural(t)?;
    if base == 100.0 && toks.get(i + 1).is_some_and(|o| o.is("of")) {
        if let Some(big) = toks.get(i + 2).and_then(plural).filter(|&b| b >= 1e3) {
            return Some((200.0 * big, i + 3));
        }
    }
    Some((2.0 * base, i + 1))
}

/// The number starting at token `i`, if any, with a following range ("16-50", "16 to 50",
/// "30 or 40").
pub(crate) fn number_at(toks: &[Tok<'_>], i: usize) -> Option<Number> {
    let t = toks.get(i)?;
    let mut currency = None;
    let mut k = i;
    if t.kind == TokKind::Punct {
        currency = match t.text {
            "$" => Some("dollars"),
            "£" => Some("pounds"),
            "€" => Some("euros"),
            _ => return None,
        };
        let n = toks.get(i + 1)?;
        if !adjacent(t, n) || n.kind == TokKind::Word {
            return None;
        }
        k = i + 1;
    }
    let first = &toks[k];
    if first.kind == TokKind::Num || first.kind == TokKind::Mixed {
        let (value, end, scaled) = digit_number(toks, k)?;
        let mut num = Number {
            start: k,
            end,
            value,
            value_max: None,
            vague: false,
            digits: true,
            scaled,
            currency,
        };
        extend_range(toks, &mut num);
        return Some(num);
    }
    if currency.is_some() {
        return None;
    }
    if let Some((value, end)) = vague_number(toks, i) {
        return Some(Number {
            start: i,
            end,
            value,
            value_max: None,
            vague: true,
            digits: false,
            scaled: false,
            currency: None,
        });
    }
    let (value, end) = word_number(toks, i)?;
    let mut num = Number {
        start: i,
        end,
        value,
        value_max: None,
        vague: false,
        digits: false,
        scaled: false,
        currency: None,
    };
    extend_range(toks, &mut num);
    Some(num)
}

/// "16-50", "16 to 50", "30 or 40", "3 to 4 million": sets `value_max` when the second number
/// is larger.
fn extend_range(toks: &[Tok<'_>], num: &mut Number) {
    let Some(sep) = toks.get(num.end) else { return };
    let dash = sep.is_punct('-') || sep.is_punct('–');
    // "between 3 and 7 percent", "between $12 million and $20 million".
    let lead = if num.currency.is_some() {
        num.start.checked_sub(1)
    } else {
        Some(num.start)
    };
    let between = lead
        .and_then(|l| l.checked_sub(1))
        .is_some_and(|b| toks[b].is("between"));
    if !(dash || sep.is("to") || sep.is("or") || (between && sep.is("and"))) {
        return;
    }
    let mut next = num.end + 1;
    // "$16 million to $28 million": the second amount repeats the currency sign.
    if num.currency.is_some()
        && toks.get(next).is_some_and(|c| {
            c.kind == TokKind::Punct && !dash && toks.get(next + 1).is_some_and(|d| adjacent(c, d))
        })
    {
        next += 1;
    }
    let Some(after) = toks.get(next) else { return };
    if dash && !(adjacent(&toks[num.end - 1], sep) && adjacent(sep, after)) {
        return;
    }
    let second = if num.digits {
        digit_number(toks, next)
    } else {
        word_number(toks, next).map(|(v, e)| (v, e, false))
    };
    let Some((v2, end, scaled2)) = second else {
        return;
    };
    let mut v1 = num.value;
    // "3 to 4 million": the scale applies to both.
    if scaled2 && !num.scaled {
        if let Some(raw) = after
            .plain_digits()
            .map(|r| r as f64)
            .or_else(|| parse_digits(after.text))
        {
            if raw > 0.0 {
                v1 *= v2 / raw;
            }
        }
    }
    if v2 > v1 {
        num.value = v1;
        num.value_max = Some(v2);
        num.end = end;
        num.scaled |= scaled2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::lex::lex;

    fn first(s: &str) -> Option<(f64, Option<f64>)> {
        let toks = lex(s, 0);
        (0..toks.len()).find_map(|i| number_at(&toks, i).map(|n| (n.value, n.value_max)))
    }

    #[test]
    fn reads_digits_words_and_ranges() {
        assert_eq!(first("8,700 people"), Some((8700.0, None)));
        assert_eq!(first("3.5 million"), Some((3.5e6, None)));
        assert_eq!(first("$17.1bn"), Some((17.1e9, None)));
        assert_eq!(first("aged 16-50"), Some((16.0, Some(50.0))));
        assert_eq!(first("16 to 50"), Some((16.0, Some(50.0))));
        assert_eq!(first("around 30 or 40."), Some((30.0, Some(40.0))));
        assert_eq!(first("three men"), Some((3.0, None)));
        assert_eq!(first("twenty-five men"), Some((25.0, None)));
        assert_eq!(first("two hundred and fifty men"), Some((250.0, None)));
        assert_eq!(first("a dozen men"), Some((12.0, None)));
        assert_eq!(first("dozens of men"), Some((24.0, None)));
        assert_eq!(first("tens of thousands of people"), Some((20000.0, None)));
        assert_eq!(
            first("between three and seven percent"),
            Some((3.0, Some(7.0)))
        );
        assert_eq!(
            first("between $12 million and $20 million"),
            Some((12e6, Some(20e6)))
        );
        assert_eq!(
            first("US$16 million to $28 million"),
            Some((16e6, Some(28e6)))
        );
        assert_eq!(first("US$7.2 bn"), Some((7.2e9, None)));
        assert_eq!(first("three and seven"), Some((3.0, None)));
        assert_eq!(first("1,2,3,4"), None);
        assert_eq!(first("a man"), None);
    }
}
