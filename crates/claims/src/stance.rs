//! Stance of a sentence: does it assert, deny, or report (attribute) what it says?

use std::sync::OnceLock;

use dossier_text::unify_quotes;
use regex::Regex;
use serde::Serialize;

/// What a mention does with its statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// States it as fact.
    Asserts,
    /// Denies it ("denied the reports", "no reliable evidence", "groundless", "do not exist").
    Denies,
    /// Attributes it to someone ("according to", "reports that", a quote).
    Reports,
}

impl Stance {
    /// `asserts`, `denies` or `reports`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Denies => "denies",
            Stance::Reports => "reports",
        }
    }
}

fn denial() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#"(?ix)\b(
                den(y|ies|ied|ying)
              | reject(s|ed)?\ (the\ )?(reports?|claims?|allegations?|accusations?)
              | dismiss(es|ed)?\ (the\ )?(reports?|claims?|allegations?|accusations?)
              | refut(e|es|ed)
              | groundless | baseless | unfounded | fabricated
              | (are|were|is|was)\ "?(false|fake|lies|untrue)
              | no\ (reliable\ )?(evidence|information|victims|proof|basis)
              | do(es)?\ "?not\ "?exist | did\ not\ find | never\ existed
              | not\ (even\ )?(indirect\ )?evidence
              | ^no\ \w+(\ \w+)?\ (has|have)\ been
            )"#,
        )
        .expect("valid denial pattern")
    })
}

fn attribution() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#"(?ix)\b(
                according\ to
              | reports?\ that | reported\ (that|in|on)? | state\ that | states\ that
              | (said|says|told\ \w+(\ \w+)?|claimed|claims|alleged|added|wrote)\b
              | reportedly | allegedly
            )"#,
        )
        .expect("valid attribution pattern")
    })
}

/// The stance of a sentence. `quoted` tells whether a quote or reported statement with a
/// speaker covers the sentence.
pub fn stance_of(sentence: &str, quoted: bool) -> Stance {
    let text = unify_quotes(sentence);
    if denial().is_match(&text) {
        Stance::Denies
    } else if quoted || attribution().is_match(&text) {
        Stance::Reports
    } else {
        Stance::Asserts
    }
}

fn generic_object() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(den(y|ies|ied|ying)|reject(s|ed)?|dismiss(es|ed)?)\b[^.]{0,20}\b(the|these|such)\ (reports?|allegations?|claims?|accusations?)\b|\b(reports?|allegations?|claims?)\b[^.]{0,80}\b(groundless|baseless|unfounded|false)\b")
            .expect("valid generic-denial pattern")
    })
}

/// True when a denial is aimed at "the reports" / "the allegations" in general rather than at
/// a specific statement.
pub(crate) fn denies_generic_reports(sentence: &str) -> bool {
    generic_object().is_match(&unify_quotes(sentence))
}

/// Words that express stance rather than content (ignored when comparing what two
/// sentences say).
pub(crate) fn is_cue_word(word: &str) -> bool {
    CUES.binary_search(&word.to_lowercase().as_str()).is_ok()
}

const CUES: &[&str] = &[
    "according",
    "added",
    "adds",
    "alleged",
    "allegedly",
    "claim",
    "claimed",
    "claims",
    "denied",
    "denies",
    "deny",
    "false",
    "groundless",
    "insisting",
    "reported",
    "reportedly",
    "reports",
    "said",
    "says",
    "stated",
    "states",
    "told",
    "wrote",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn denials_in_real_reporting() {
        for s in [
            "There is no reliable evidence to support the detention, torture and murder of gay men in prison camps in Chechnya, according to a source in the Russian government.",
            "Despite the growing evidence of mass targeting of gay men in the region, a spokesperson for Chechnya’s Russian-backed leader, Ramzan Kadyrov, has denied the reports, insisting that gay people do “not exist” in the republic.",
            "On April 20, Russian Presidential Spokesman Dmitry Peskov told reporters that allegations about the persecution of LGBT people in Chechnya were groundless.",
            "No LGBT people have been persecuted in Chechnya, and reports of a gay purge have been used as “a propaganda campaign against Russia around the world,” a Russian Embassy official has said.",
            "But in a letter to Israeli newspaper Haaretz, Alushkin wrote that there were “no victims of persecution, threats or violence” in Chechnya.",
            "Kadyrov denies the allegations and has said that homosexuality does not exist in Chechen society.",
        ] {
            assert_eq!(stance_of(s, false), Stance::Denies, "{s}");
        }
    }

    #[test]
    fn reports_and_assertions() {
        assert_eq!(
            stance_of("Horrifying accounts of brutality and killings have been emerging from the Russia republic over the last two weeks, after Russian opposition newspaper, Novaya Gazeta reported that over 100 gay and bisexual men aged 16-50 had been detained by authorities over the last few months.", false),
            Stance::Reports
        );
        assert_eq!(
            stance_of("Wednesday night (April 12) saw a protest at the Russian embassy in London over the situation in Chechnya.", false),
            Stance::Asserts
        );
        // "may" and "no" inside other words or clauses are not denials.
        assert_eq!(
            stance_of("Take all necessary steps to ensure safety of any individual who may be at risk in Chechnya.", false),
            Stance::Asserts
        );
    }

    #[test]
    fn cue_list_is_sorted_for_binary_search() {
        assert!(CUES.windows(2).all(|w| w[0] < w[1]));
        assert!(is_cue_word("Denied"));
        assert!(!is_cue_word("Chechnya"));
    }
}
