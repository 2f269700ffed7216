//! First disclosures: sentences saying when someone first made the story public ("Novaya
//! Gazeta first reported in March", "On April 1, Novaya Gazeta raised the issue", "the
//! journalist who broke the story"). A story's first disclosure by one actor happened once,
//! so two such sentences giving that actor dates that cannot both hold are a conflict a
//! fact-checker must see, even when each sentence is internally consistent.

use dossier_text::tokens;

/// Verbs that make something public only when "first" says it is the first time
/// ("reported" alone may be the tenth report).
const PUBLISHING_VERBS: &[&str] = &[
    "report",
    "reported",
    "reports",
    "publish",
    "published",
    "publishes",
    "write",
    "wrote",
    "writes",
    "announce",
    "announced",
    "break",
    "broke",
    "reveal",
    "revealed",
    "raise",
    "raised",
    "expose",
    "exposed",
    "uncover",
    "uncovered",
    "disclose",
    "disclosed",
];

/// Verbs that are a first disclosure by themselves.
const DISCLOSING_VERBS: &[&str] = &["revealed", "exposed", "uncovered", "disclosed"];

/// Objects that make "broke" / "raised" a first disclosure ("broke the story", "raised the
/// issue").
const DISCLOSED_OBJECTS: &[&str] = &[
    "story",
    "news",
    "issue",
    "alarm",
    "case",
    "scandal",
    "allegations",
    "reports",
];

/// Words between the actor and its verb at most ("Novaya Gazeta daily raised", "Novaya
/// Gazeta, which first reported", "Elena Milashina, the journalist who first broke").
const MAX_ACTOR_GAP: usize = 4;

/// Which of `actors` (byte ranges of organisation and person names inside `sentence`) the
/// sentence says first disclosed the story, if any. A negated verb ("did not reveal") is no
/// disclosure; a passive one names its actor after "by" ("was first reported by Novaya
/// Gazeta").
pub fn first_discloser(sentence: &str, actors: &[(usize, usize)]) -> Option<usize> {
    let words = tokens(sentence, 0);
    let lower: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
    for (i, word) in lower.iter().enumerate() {
        if !PUBLISHING_VERBS.contains(&word.as_str()) {
            continue;
        }
        let before = |k: usize| i.checked_sub(k).map(|j| lower[j].as_str());
        let negated = (1..=2).any(|k| matches!(before(k), Some("not" | "never" | "n't")));
        if negated {
            continue;
        }
        // "first reported", "was the first to report", "first broke the story".
        let first = (1..=3).any(|k| before(k) == Some("first"));
        let object_follows = lower
            .iter()
            .skip(i + 1)
            .take(3)
            .any(|w| DISCLOSED_OBJECTS.contains(&w.as_str()));
        let disclosing = DISCLOSING_VERBS.contains(&word.as_str())
            || (matches!(word.as_str(), "broke" | "raised") && object_follows);
        if !first && !disclosing {
            continue;
        }
        let verb_start = words[i].span.start;
        // Passive: "was first reported by Novaya Gazeta".
        if lower.get(i + 1).map(String::as_str) == Some("by") {
            let by_end = words[i + 1].span.end;
            let after = actors.iter().position(|&(start, _)| {
                start >= by_end && sentence[by_end..start].trim().is_empty()
            });
            if after.is_some() {
                return after;
            }
        }
        // Active: the closest actor ending before the verb, few words between.
        let subject = actors
            .iter()
            .enumerate()
            .filter(|(_, &(_, end))| end <= verb_start)
            .max_by_key(|(_, &(_, end))| end)
            .filter(|(_, &(_, end))| {
                words
                    .iter()
                    .filter(|w| w.span.start >= end && w.span.end <= verb_start)
                    .count()
                    <= MAX_ACTOR_GAP
            })
            .map(|(a, _)| a);
        if subject.is_some() {
            return subject;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(sentence: &str, name: &str) -> (usize, usize) {
        let start = sentence.find(name).expect("name in sentence");
        (start, start + name.len())
    }

    #[test]
    fn first_report_with_first() {
        let s = "Novaya Gazeta first reported in March that around 100 gay men had been rounded up by police and detained in what is widely being referred to as a modern-day \"concentration camp\".";
        assert_eq!(first_discloser(s, &[actor(s, "Novaya Gazeta")]), Some(0));
    }

    #[test]
    fn raising_the_issue_is_a_disclosure() {
        let s = "On April 1, Russia's Novaya Gazeta daily raised the issue of gay people's civil rights being violated in Chechnya.";
        let actors = [
            actor(s, "Russia"),
            actor(s, "Novaya Gazeta"),
            actor(s, "Chechnya"),
        ];
        assert_eq!(first_discloser(s, &actors), Some(1));
    }

    #[test]
    fn broke_the_story() {
        let s = "Elena Milashina, the journalist who first broke the story, said: “My sources tell me there’s a serious danger.”";
        assert_eq!(first_discloser(s, &[actor(s, "Elena Milashina")]), Some(0));
    }

    #[test]
    fn passive_names_the_actor_after_by() {
        let s = "The detentions were first reported by Novaya Gazeta on April 1.";
        assert_eq!(first_discloser(s, &[actor(s, "Novaya Gazeta")]), Some(0));
    }

    #[test]
    fn plain_reports_are_not_disclosures() {
        let s = "Novaya Gazeta reported on April 20 that a second wave of detentions had begun.";
        assert_eq!(first_discloser(s, &[actor(s, "Novaya Gazeta")]), None);
        let s = "Human Rights Watch said the police raised no objection.";
        assert_eq!(first_discloser(s, &[actor(s, "Human Rights Watch")]), None);
    }

    #[test]
    fn negated_and_distant_actors_are_not_disclosers() {
        let s = "The Kremlin did not reveal how many people had been detained.";
        assert_eq!(first_discloser(s, &[actor(s, "Kremlin")]), None);
        let s = "Novaya Gazeta, whose reporters spent weeks in Grozny and Argun, first reported the camps.";
        // Eight words between the newspaper and its verb: too far to be sure it is the subject.
        assert_eq!(first_discloser(s, &[actor(s, "Novaya Gazeta")]), None);
    }
}
