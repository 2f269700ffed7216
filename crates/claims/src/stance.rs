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
    /// Neither stands behind it nor denies it: questions it ("could not be independently
    /// verified", "it is unclear whether"), calls for it to be investigated ("called for an
    /// investigation"), or will neither confirm nor deny it.
    Questions,
}

impl Stance {
    /// `asserts`, `denies` or `reports`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Denies => "denies",
            Stance::Reports => "reports",
            Stance::Questions => "questions",
        }
    }
}

fn denial() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#"(?ix)(?-u:\b)(
                reject(s|ed)?\ (the\ )?(reports?|claims?|allegations?|accusations?)
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
            r#"(?ix)(?-u:\b)(
                according\ to
              | reports?\ that | reported\ (that|in|on)? | state\ that | states\ that
              | (said|says|say|tells|told\ \w+(\ \w+)?|claimed|claims|claiming|alleged|added|wrote|tweeted
                | announced|noted|insist(s|ed)?|argued?|argues|acknowledged|warned|explained|responded
                | pointed\ out)(?-u:\b)
              | reportedly | allegedly
            )"#,
        )
        .expect("valid attribution pattern")
    })
}

fn questioning() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#"(?ix)(?-u:\b)(
                (declined|refused|would\ not|wouldn't|could\ not|couldn't|did\ not|didn't)\ to\ confirm\ or\ deny
              | (declined|refused|would\ not|wouldn't|did\ not|didn't)\ (to\ )?confirm\ or\ deny
              | neither\ confirm(ed|s)?\ nor\ den(y|ied|ies)
              | (could|can)\ ?(not|n't)\ (be\ )?(independently\ )?(verif(y|ied)|confirm(ed)?)
              | unverified | unconfirmed
              | (it\ )?(is|was|remains|remained)\ (unclear|not\ clear)\ (whether|if)
              | question(s|ed)\ whether | cast(s|ing)?\ doubt\ on
              | (called|calls|urged|urges|demanded|demands|asked|asks)\ (for\ )?(an?\ )?((independent|thorough|full|international|urgent|impartial)\ )*(investigation|inquiry|probe)
              | (called|calls|urged|urges|asked|asks)\ (on\ )?(?-u:[\w'\ ,]){1,80}?\ to\ (investigate|look\ into|probe)
            )"#,
        )
        .expect("valid questioning pattern")
    })
}

/// Someone's statement as the subject of "is unfounded", "are false": the sentence rebuts
/// that person ("his implication that ... is unfounded"), it does not deny the reports.
fn rebutted_statement() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#"(?ix)(?-u:\b)(his|her|their|its|\w+'s)\ (\w+\ )?(implication|suggestion|assertion|insinuation|argument|denials?|comments?|remarks?|explanation|excuse|claims?|statements?)(?-u:\b)"#,
        )
        .expect("valid rebuttal pattern")
    })
}

/// Whether a denial cue at `start` answers a person's statement named earlier in its clause
/// rather than the reports.
fn rebuts_a_statement(text: &str, start: usize) -> bool {
    let clause_start = text[..start].rfind([';', '.']).map_or(0, |i| i + 1);
    rebutted_statement().is_match(&text[clause_start..start])
}

fn deny_verb() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)den(y|ies|ied|ying)(?-u:\b)").expect("valid deny pattern")
    })
}

/// Words after which "denied" is no denial of a report: a passive ("was denied bail"), a
/// negation ("did not deny"), or a refusal ("refused to deny").
const NOT_A_DENIAL_BEFORE: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "be", "get", "got", "not", "n't", "never", "to",
];

/// Things one is refused rather than statements one rejects: "denied bail", "denies
/// driver's licences to people", "denied her request". Singular and plural stems.
const REFUSED_THINGS: &[&str] = &[
    "access",
    "admission",
    "appeal",
    "application",
    "asylum",
    "bail",
    "benefit",
    "bond",
    "care",
    "chance",
    "citizenship",
    "coverage",
    "custody",
    "education",
    "entry",
    "food",
    "funding",
    "hearing",
    "licence",
    "license",
    "motion",
    "opportunity",
    "parole",
    "passage",
    "permission",
    "permit",
    "petition",
    "privilege",
    "protection",
    "request",
    "right",
    "service",
    "surgery",
    "treatment",
    "visa",
    "water",
];

/// Pronouns that, right after "deny", are the person refused something ("denied him
/// bail", "denying me surgery"), not the thing denied. "Her" is left out: it is as often
/// a possessive ("denied her involvement").
const REFUSED_PERSONS: &[&str] = &["him", "them", "me", "us", "you"];

/// Words after "deny" searched for a refused thing, up to a clause boundary.
const REFUSAL_OBJECT_REACH: usize = 6;

/// Whether the words after a "deny" verb make it a refusal ("denied thicke access to julian",
/// "denies driver's licences to people", "denied them protection") rather than a denial of
/// a statement ("denied the claims of his former girlfriend", "denies working for moscow").
fn refuses_something(after: &str) -> bool {
    let words: Vec<String> = after
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take(REFUSAL_OBJECT_REACH)
        .map(str::to_lowercase)
        .collect();
    if words
        .first()
        .is_some_and(|w| REFUSED_PERSONS.contains(&w.as_str()))
    {
        return true;
    }
    for w in &words {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        let singular = bare.strip_suffix('s').unwrap_or(bare);
        if REFUSED_THINGS.contains(&bare) || REFUSED_THINGS.contains(&singular) {
            return true;
        }
        // A refused thing comes before the clause ends: "denied that ... access" is a denial.
        if bare == "that" || w.ends_with([',', ';', '.', ':']) {
            return false;
        }
    }
    false
}

/// Whether the sentence denies something: "denied the reports", "denies that". Not the
/// passive "was denied access", not "did not deny", not "refused to deny", not a refusal
/// ("denied him bail", "deny coverage to children").
fn denies(text: &str) -> bool {
    // Most sentences have no cue: the match test is cheap, finding the cues is not.
    if denial().is_match(text)
        && denial()
            .find_iter(text)
            .any(|m| !rebuts_a_statement(text, m.start()))
    {
        return true;
    }
    deny_verb().find_iter(text).any(|m| {
        let before: Vec<&str> = text[..m.start()]
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        let previous = before.last().map(|w| w.to_lowercase());
        // One adverb may stand between ("was later denied", "has repeatedly denied").
        let two_back = before.iter().rev().nth(1).map(|w| w.to_lowercase());
        let blocked = |w: &Option<String>| {
            w.as_deref()
                .is_some_and(|w| NOT_A_DENIAL_BEFORE.contains(&w) || w.ends_with("n't"))
        };
        let adverb = previous.as_deref().is_some_and(|w| w.ends_with("ly"));
        !(blocked(&previous)
            || (adverb && blocked(&two_back))
            || refuses_something(&text[m.end()..]))
    })
}

/// A sentence that is a quotation from end to end ("“We're America.”", "''Neither do I.''"):
/// someone's words, though their speaker is named in another sentence or not at all.
fn is_quotation(text: &str) -> bool {
    let t = text.trim();
    let opens = t.starts_with('"') || t.starts_with("''");
    let closes = t.ends_with('"') || t.ends_with("''");
    // One pair of marks, not two quoted phrases with the outlet's words between.
    opens && closes && t.len() > 2 && t.matches('"').count() + t.matches("''").count() == 2
}

/// The stance of a sentence. `quoted` tells whether a quote or reported statement with a
/// speaker covers the sentence.
pub fn stance_of(sentence: &str, quoted: bool) -> Stance {
    let text = unify_quotes(sentence);
    if questioning().is_match(&text) {
        Stance::Questions
    } else if denies(&text) {
        Stance::Denies
    } else if quoted || is_quotation(&text) || attribution().is_match(&text) {
        Stance::Reports
    } else {
        Stance::Asserts
    }
}

fn generic_object() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)(den(y|ies|ied|ying)|reject(s|ed)?|dismiss(es|ed)?)(?-u:\b)[^.]{0,20}(?-u:\b)(the|these|such)\ (reports?|allegations?|claims?|accusations?)(?-u:\b)|(?-u:\b)(reports?|allegations?|claims?)(?-u:\b)[^.]{0,80}(?-u:\b)(groundless|baseless|unfounded|false)(?-u:\b)")
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
    fn refusals_passives_and_negations_are_not_denials() {
        // Multi-News validation sentences.
        for s in [
            "A 15-year-old is speaking out against an insurance company after she was denied coverage for a minimally invasive surgery that would have saved her from a lifetime of seizures.",
            "Meanwhile, afghan interpreters who helped us troops were denied visas.",
            "The 31-year-old hall appealed for clemency to the oklahoma pardon and parole board, but that appeal was denied wednesday, leaving her with at least 15 more years behind bars.",
            "Blackwell appeared in court tuesday, where reports indicate she was denied bond.",
        ] {
            assert_ne!(stance_of(s, false), Stance::Denies, "{s}");
        }
        assert_eq!(
            stance_of(
                "The ministry did not deny that troops had crossed the border on Monday.",
                false
            ),
            Stance::Asserts
        );
    }

    /// "Deny" in the sense of refusing someone something, in Multi-News validation
    /// sentences; and, beside them, denials of statements that must stay denials.
    #[test]
    fn refusing_someone_something_is_not_a_denial() {
        for s in [
            "Patton then reportedly denied thicke access to julian and filed an emergency order asking a judge to restrict the grammy nominee's time with his",
            "She is requesting that robin only have monitored daytime visits, however, the judge denied her request for an emergency hearing.",
            "The dual british and saudi arabian national wants to return to the uk and claims she is being held against her will and denied food and water.",
            "( koin ) — the owners of a portland-area bakery that denied service to a same-sex couple has paid more than $ 135,000 to cover a legally-binding order from the bureau of labor and industries.",
            "Insurance companies cannot deny coverage to children with pre-existing conditions.",
            "Denying rivals a chance to innovate and compete on the merits.",
            "( photo: sergey ponomarev, ap ) extending russia's legal campaign against homosexuality, a new law aimed at reducing traffic deaths denies driver's licences to people with \" disorders \" involving sexual preference and gender identity.",
            "Correction: a man claiming that facebook denied him posting privileges under the name \" phuc dat bich \" admits that he perpetrated an elaborate social media prank, according to the guardian.",
            "4: 36 p.m.: judge denies bond.",
            "As a result, the \" unconstitutionally vague \" designation has since intimidated many from expressing themselves and denied them protection from unreasonable searches, according to the filing.",
        ] {
            assert_ne!(stance_of(s, false), Stance::Denies, "{s}");
        }
        for s in [
            "One campaign finance group came to the defense of lerner, who has denied any wrongdoing, calling the probe a partisan witch hunt.",
            "The lawyer, natalia veselnitskaya, denies working on behalf of moscow.",
            "The taliban denied responsibility for the attack.",
            "A post-war allied tribunal put the death toll at 142,000, but some conservative japanese politicians and scholars deny a massacre took place.",
            "Hours and hours after chloe dykstra implied that chris hardwick sexually assaulted her while they were involved, the talking dead host has strongly denied the claims of his former girlfriend.",
            "A manager at the orchard park country club repeatedly denied sunday afternoon that any incident had occurred, despite confirmed reports by orchard park police, witnesses at the event, and bystanders who saw town and state police cars in front of the building.",
        ] {
            assert_eq!(stance_of(s, false), Stance::Denies, "{s}");
        }
    }

    /// Report 003 of the example answers Dmitry Alushkin's letter: calling his implication
    /// unfounded rebuts the denier, it does not deny the reports.
    #[test]
    fn rebutting_a_denial_is_not_a_denial() {
        assert_ne!(
            stance_of("While this is true, his implication that this was a factor in what he calls “false reports” of the gay purge coming out is unfounded.", false),
            Stance::Denies
        );
        // The reports themselves called unfounded are still denied.
        assert_eq!(
            stance_of(
                "The ministry said the reports of a purge were unfounded.",
                false
            ),
            Stance::Denies
        );
        assert_eq!(
            stance_of(
                "The allegations are unfounded, the spokesman's office said.",
                false
            ),
            Stance::Denies
        );
    }

    #[test]
    fn questions_and_calls_to_investigate() {
        // Multi-News validation sentences.
        for s in [
            "A law enforcement official declined to confirm or deny to cbs that the fbi had spoken to miguel, but he said mateen was a frequent user of dating sites.",
            "Share tweet share send link update: senator juan hinojosa has called for an investigation into the discovery.",
            "It is unclear whether autopilot was activated in this case.",
            "It was not clear whether the son would attend wednesday's funeral in pyongyang, yonhap said.",
        ] {
            assert_eq!(stance_of(s, false), Stance::Questions, "{s}");
        }
        // A petition "calling on" someone is the subject of the sentence, not its stance.
        assert_ne!(
            stance_of("Meanwhile, an Amnesty International petition calling on Russian’s prosecutor general, Aleksandr Ivanovich Bastrykin, to investigate the reports had reached over 95,000 signatures by Thursday morning (April 13).", false),
            Stance::Questions
        );
    }

    #[test]
    fn cue_list_is_sorted_for_binary_search() {
        assert!(CUES.windows(2).all(|w| w[0] < w[1]));
        assert!(is_cue_word("Denied"));
        assert!(!is_cue_word("Chechnya"));
    }
}
