//! Recall of date conflicts, measured by injecting them into real retellings: no public gold
//! marks two reports dating one happening differently, so this test makes such pairs out of
//! ECB+ stories (Cybulska and Vossen, 2014; each subtopic one story, its articles' sentences
//! one a line, the address line left out).
//!
//! For each timeline event dated to a day that Dossier also finds in another document (the
//! same claim on the same day: `also_in`), the other document's sentence gets another day
//! (the day number three days later, or earlier at the end of a month) and the story's brief
//! is built again. The injected pair is found when an event of that sentence and the
//! original event point at each other (`conflicts_with`). One injection per event and run,
//! so the figure is the share of same-day retellings whose redating Dossier flags.
//!
//! The events the briefs flag before any injection are counted too (`INJECT_VERBOSE=1`
//! prints them): each is a real difference between two reports or a false alarm, to be
//! read. Multi-News gives nothing to inject (its articles have no dates and are mostly
//! lower-cased, so no retelling there is dated to a day on both sides). Run:
//! `cargo test --release -p dossier-pipeline --test date_conflicts_injected -- --nocapture`
//! (`INJECT_VERBOSE=1` prints the pairs missed). Skips itself when the corpus is missing.

#[path = "../../stories/tests/ecbplus/mod.rs"]
mod ecbplus;

use std::collections::BTreeMap;

use dossier_brief::Brief;
use dossier_core::Document;
use dossier_pipeline::{brief_for_documents, BriefOptions};

/// Each ECB+ subtopic's articles as documents, in file order.
fn stories() -> Option<BTreeMap<String, Vec<Document>>> {
    let dir = ecbplus::corpus_dir()?;
    let mut out: BTreeMap<String, Vec<Document>> = BTreeMap::new();
    for path in ecbplus::article_paths(&dir) {
        let file = ecbplus::read_file(&path);
        let subtopic = file.event;
        let text: Vec<String> = file
            .sentences()
            .into_iter()
            .filter(|(number, _)| *number > 0 || !file.file.contains("ecbplus"))
            .map(|(_, words)| words.join(" "))
            .collect();
        out.entry(format!("{:02}{subtopic}", file.topic))
            .or_default()
            .push(Document::plain(&file.file, &text.join("\n")));
    }
    Some(out)
}

fn brief(docs: &[Document]) -> Brief {
    brief_for_documents(1, "story", docs, BriefOptions::default())
}

/// The day of an ISO day date ("2008-12-09" → 9).
fn day_of(date: &str) -> Option<u32> {
    let parts: Vec<&str> = date.split('-').collect();
    match parts[..] {
        [_, _, day] if !date.contains('/') => day.parse().ok(),
        _ => None,
    }
}

/// `sentence` with its one token equal to `day` replaced by another day of the month, or
/// `None` when that day is written not once as a number.
fn redated(sentence: &str, day: u32) -> Option<String> {
    let words: Vec<&str> = sentence.split(' ').collect();
    let wanted = day.to_string();
    let at: Vec<usize> = (0..words.len()).filter(|&i| words[i] == wanted).collect();
    let [at] = at[..] else {
        return None;
    };
    let other = if day <= 25 { day + 3 } else { day - 3 };
    let mut words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    words[at] = other.to_string();
    Some(words.join(" "))
}

/// Whether the brief has an event telling the sentence at `a` and one telling the sentence
/// at `b` (document id, sentence start) that conflict.
fn flagged(brief: &Brief, a: (&str, usize), b: (&str, usize)) -> bool {
    // The events listing the sentence, or telling it again (`also_in`).
    let at = |(doc, start): (&str, usize)| -> Vec<usize> {
        (0..brief.timeline.len())
            .filter(|&i| {
                let e = &brief.timeline[i];
                (e.doc == doc && e.span.start == start)
                    || e.also_in
                        .iter()
                        .any(|p| p.doc == doc && p.span.start == start)
            })
            .collect()
    };
    let (a, b) = (at(a), at(b));
    a.iter().any(|&i| {
        b.iter().any(|&j| {
            brief.timeline[i].conflicts_with.contains(&j)
                && brief.timeline[j].conflicts_with.contains(&i)
        })
    })
}

/// What one corpus gave.
#[derive(Debug, Default)]
struct Tally {
    /// Events flagged before any injection (each of a pair counted).
    flagged_before: usize,
    /// Day-dated events another document also tells.
    retold: usize,
    /// Of those, redated (the other sentence writes the day once as a number).
    injected: usize,
    /// Of those, flagged.
    found: usize,
}

impl Tally {
    fn show(&self, corpus: &str, stories: usize) -> String {
        format!(
            "{corpus} ({stories} stories): {} events flagged before injection; {} day-dated \
             events also told by another document; {} redated (the rest do not write the day \
             once as a number); conflict flagged for {} ({:.3})",
            self.flagged_before,
            self.retold,
            self.injected,
            self.found,
            self.found as f64 / self.injected.max(1) as f64
        )
    }
}

/// Builds the story's brief, then one more per injected conflict (see the module docs).
fn measure(name: &str, docs: &[Document], tally: &mut Tally, verbose: bool) {
    let original = brief(docs);
    for e in original
        .timeline
        .iter()
        .filter(|e| !e.conflicts_with.is_empty())
    {
        tally.flagged_before += 1;
        if verbose {
            for &j in &e.conflicts_with {
                let o = &original.timeline[j];
                println!(
                    "FLAGGED {name}\n  {} {} “{}”: {}\n  {} {} “{}”: {}",
                    e.doc, e.date, e.expression, e.text, o.doc, o.date, o.expression, o.text
                );
            }
        }
    }
    for event in &original.timeline {
        let Some(day) = day_of(&event.date) else {
            continue;
        };
        let Some(other) = event.also_in.iter().find(|p| p.doc != event.doc) else {
            continue;
        };
        tally.retold += 1;
        let d = docs
            .iter()
            .position(|doc| doc.id == other.doc)
            .expect("also_in names a story document");
        let sentence = other.span.slice(&docs[d].text);
        let Some(changed) = redated(sentence, day) else {
            continue;
        };
        tally.injected += 1;
        let mut edited = docs.to_vec();
        let text = &docs[d].text;
        edited[d].text = format!(
            "{}{changed}{}",
            &text[..other.span.start],
            &text[other.span.end..]
        );
        let hit = flagged(
            &brief(&edited),
            (&event.doc, event.span.start),
            (&other.doc, other.span.start),
        );
        tally.found += usize::from(hit);
        if verbose && !hit {
            println!(
                "MISSED {name} ({})\n  {}: {}\n  {}: {changed}",
                event.date, event.doc, event.text, other.doc
            );
        }
    }
}

fn verbose() -> bool {
    std::env::var_os("INJECT_VERBOSE").is_some()
}

#[test]
fn injected_date_conflicts_on_ecbplus() {
    let Some(stories) = stories() else {
        return;
    };
    assert_eq!(stories.len(), 86, "ECB+ subtopics");
    let mut tally = Tally::default();
    for (name, docs) in &stories {
        measure(name, docs, &mut tally, verbose());
    }
    println!("{}", tally.show("ECB+", stories.len()));
    assert!(
        tally.injected >= 10,
        "too few retellings to measure: {tally:?}"
    );
    assert!(tally.found > 0, "no injected conflict flagged: {tally:?}");
}
