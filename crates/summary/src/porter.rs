//! The Porter stemmer as NLTK implements it (`nltk.stem.porter.PorterStemmer`, default
//! `NLTK_EXTENSIONS` mode), which is the stemmer `rouge-score` uses with `use_stemmer=True`.
//!
//! Snowball English (`rust-stemmers`, used elsewhere in Dossier) conflates words differently
//! ("quickly" → "quick" there, "quickli" here), which moves single ROUGE scores by up to a
//! point; this port gives the same stems as NLTK so ROUGE figures agree with the Python
//! package exactly.

/// NLTK's irregular forms, looked up before the algorithm runs.
const IRREGULAR: &[(&str, &str)] = &[
    ("sky", "sky"),
    ("skies", "sky"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("news", "news"),
    ("innings", "inning"),
    ("inning", "inning"),
    ("outings", "outing"),
    ("outing", "outing"),
    ("cannings", "canning"),
    ("canning", "canning"),
    ("howe", "howe"),
    ("proceed", "proceed"),
    ("exceed", "exceed"),
    ("succeed", "succeed"),
];

/// The Porter stem of a word, lower-cased first. Every character other than a vowel or `y`
/// counts as a consonant, digits included, as in NLTK. Words with non-ASCII characters are
/// lower-cased and otherwise returned unchanged (`rouge-score` never passes such words).
pub fn stem(word: &str) -> String {
    let lower = word.to_lowercase();
    if let Some(&(_, s)) = IRREGULAR.iter().find(|(w, _)| *w == lower) {
        return s.to_string();
    }
    if lower.len() <= 2 || !lower.is_ascii() {
        return lower;
    }
    let mut w = lower.into_bytes();
    w = step1a(w);
    w = step1b(w);
    w = step1c(w);
    w = step2(w);
    w = step3(w);
    w = step4(w);
    w = step5a(w);
    w = step5b(w);
    String::from_utf8(w).expect("ASCII in, ASCII out")
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Consonant flags: `y` is a consonant at the start and after a vowel, a vowel after a
/// consonant.
fn consonants(w: &[u8]) -> Vec<bool> {
    let mut flags: Vec<bool> = Vec::with_capacity(w.len());
    for (i, &c) in w.iter().enumerate() {
        let f = if is_vowel(c) {
            false
        } else if c == b'y' {
            i == 0 || !flags[i - 1]
        } else {
            true
        };
        flags.push(f);
    }
    flags
}

fn is_consonant(w: &[u8], i: usize) -> bool {
    consonants(&w[..=i])[i]
}

/// m: the number of vowel-consonant sequences.
fn measure(w: &[u8]) -> usize {
    consonants(w).windows(2).filter(|p| !p[0] && p[1]).count()
}

fn contains_vowel(w: &[u8]) -> bool {
    consonants(w).iter().any(|c| !c)
}

fn ends_double_consonant(w: &[u8]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1)
}

fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    (n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y'))
        || (n == 2 && !is_consonant(w, 0) && is_consonant(w, 1))
}

fn ends(w: &[u8], suffix: &str) -> bool {
    w.ends_with(suffix.as_bytes())
}

fn replace(mut w: Vec<u8>, suffix: &str, replacement: &str) -> Vec<u8> {
    w.truncate(w.len() - suffix.len());
    w.extend_from_slice(replacement.as_bytes());
    w
}

type Condition = fn(&[u8]) -> bool;

/// The first rule whose suffix the word ends with decides: replaced when its condition
/// holds for the stem, else the word unchanged.
fn apply(w: Vec<u8>, rules: &[(&str, &str, Condition)]) -> Vec<u8> {
    for &(suffix, replacement, condition) in rules {
        if ends(&w, suffix) {
            let stem = &w[..w.len() - suffix.len()];
            if condition(stem) {
                return replace(w, suffix, replacement);
            }
            return w;
        }
    }
    w
}

fn always(_: &[u8]) -> bool {
    true
}

fn m_positive(stem: &[u8]) -> bool {
    measure(stem) > 0
}

fn m_above_one(stem: &[u8]) -> bool {
    measure(stem) > 1
}

fn step1a(w: Vec<u8>) -> Vec<u8> {
    if ends(&w, "ies") && w.len() == 4 {
        return replace(w, "ies", "ie");
    }
    apply(
        w,
        &[
            ("sses", "ss", always),
            ("ies", "i", always),
            ("ss", "ss", always),
            ("s", "", always),
        ],
    )
}

fn step1b(w: Vec<u8>) -> Vec<u8> {
    if ends(&w, "ied") {
        return if w.len() == 4 {
            replace(w, "ied", "ie")
        } else {
            replace(w, "ied", "i")
        };
    }
    if ends(&w, "eed") {
        let stem = &w[..w.len() - 3];
        return if measure(stem) > 0 {
            replace(w, "eed", "ee")
        } else {
            w
        };
    }
    let mut stem = None;
    for suffix in ["ed", "ing"] {
        if ends(&w, suffix) {
            let s = &w[..w.len() - suffix.len()];
            if contains_vowel(s) {
                stem = Some(s.to_vec());
                break;
            }
        }
    }
    let Some(stem) = stem else {
        return w;
    };
    for (suffix, replacement) in [("at", "ate"), ("bl", "ble"), ("iz", "ize")] {
        if ends(&stem, suffix) {
            return replace(stem, suffix, replacement);
        }
    }
    if ends_double_consonant(&stem) {
        let last = stem[stem.len() - 1];
        if matches!(last, b'l' | b's' | b'z') {
            return stem;
        }
        let mut out = stem[..stem.len() - 2].to_vec();
        out.push(last);
        return out;
    }
    if measure(&stem) == 1 && ends_cvc(&stem) {
        let mut out = stem;
        out.push(b'e');
        return out;
    }
    stem
}

fn step1c(w: Vec<u8>) -> Vec<u8> {
    apply(
        w,
        &[("y", "i", |stem: &[u8]| {
            stem.len() > 1 && is_consonant(stem, stem.len() - 1)
        })],
    )
}

fn step2(w: Vec<u8>) -> Vec<u8> {
    if ends(&w, "alli") && m_positive(&w[..w.len() - 4]) {
        return step2(replace(w, "alli", "al"));
    }
    // "logi" → "log" when the word less "ogi" ends in a positive measure (no other rule's
    // suffix can end a word that ends in "logi", so checking it first keeps NLTK's order).
    if ends(&w, "logi") {
        return if m_positive(&w[..w.len() - 3]) {
            replace(w, "logi", "log")
        } else {
            w
        };
    }
    apply(w, RULES2)
}

/// Step 2 rules in NLTK's order ("logi" is handled in [`step2`]: its condition looks at
/// the word less "ogi", not at the stem).
const RULES2: &[(&str, &str, Condition)] = &[
    ("ational", "ate", m_positive),
    ("tional", "tion", m_positive),
    ("enci", "ence", m_positive),
    ("anci", "ance", m_positive),
    ("izer", "ize", m_positive),
    ("bli", "ble", m_positive),
    ("alli", "al", m_positive),
    ("entli", "ent", m_positive),
    ("eli", "e", m_positive),
    ("ousli", "ous", m_positive),
    ("ization", "ize", m_positive),
    ("ation", "ate", m_positive),
    ("ator", "ate", m_positive),
    ("alism", "al", m_positive),
    ("iveness", "ive", m_positive),
    ("fulness", "ful", m_positive),
    ("ousness", "ous", m_positive),
    ("aliti", "al", m_positive),
    ("iviti", "ive", m_positive),
    ("biliti", "ble", m_positive),
    ("fulli", "ful", m_positive),
];

fn step3(w: Vec<u8>) -> Vec<u8> {
    apply(
        w,
        &[
            ("icate", "ic", m_positive),
            ("ative", "", m_positive),
            ("alize", "al", m_positive),
            ("iciti", "ic", m_positive),
            ("ical", "ic", m_positive),
            ("ful", "", m_positive),
            ("ness", "", m_positive),
        ],
    )
}

fn step4(w: Vec<u8>) -> Vec<u8> {
    apply(
        w,
        &[
            ("al", "", m_above_one),
            ("ance", "", m_above_one),
            ("ence", "", m_above_one),
            ("er", "", m_above_one),
            ("ic", "", m_above_one),
            ("able", "", m_above_one),
            ("ible", "", m_above_one),
            ("ant", "", m_above_one),
            ("ement", "", m_above_one),
            ("ment", "", m_above_one),
            ("ent", "", m_above_one),
            ("ion", "", |stem: &[u8]| {
                measure(stem) > 1 && matches!(stem.last(), Some(b's' | b't'))
            }),
            ("ou", "", m_above_one),
            ("ism", "", m_above_one),
            ("ate", "", m_above_one),
            ("iti", "", m_above_one),
            ("ous", "", m_above_one),
            ("ive", "", m_above_one),
            ("ize", "", m_above_one),
        ],
    )
}

fn step5a(w: Vec<u8>) -> Vec<u8> {
    if ends(&w, "e") {
        let stem = &w[..w.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            return stem.to_vec();
        }
    }
    w
}

fn step5b(w: Vec<u8>) -> Vec<u8> {
    if ends(&w, "ll") && measure(&w[..w.len() - 1]) > 1 {
        return w[..w.len() - 1].to_vec();
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_like_nltk() {
        // Expected stems printed by `nltk.stem.porter.PorterStemmer().stem(w)` (NLTK 3.10.4).
        for (word, expected) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("agreed", "agre"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("generalization", "gener"),
            ("electrical", "electr"),
            ("adjustment", "adjust"),
            ("controlling", "control"),
            ("quickly", "quickli"),
            ("skies", "sky"),
            ("dying", "die"),
            ("news", "news"),
            ("analogies", "analog"),
            ("archaeology", "archaeolog"),
        ] {
            assert_eq!(stem(word), expected, "{word}");
        }
    }
}
