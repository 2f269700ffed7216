//! The summarizer on real stories: the bundled Chechnya example (five reports, one copied
//! passage) and Multi-News validation clusters (when `../shared/data` is there).

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use dossier_core::Document;
use dossier_reuse::{find_reuse, ReuseInput};
use dossier_summary::{
    summarize, word_count, Candidate, ClaimRef, DocumentInfo, Length, Params, SummaryError,
    SummaryInput,
};
use dossier_text::{analyze, mark_repeated_paragraphs, match_key, AnalyzedText};

/// A story's documents, analysed as the pipeline does, with one candidate per body sentence.
struct Story {
    docs: Vec<Document>,
    /// (document, sentence index in its `AnalyzedText`, copy group) of each candidate.
    sentences: Vec<(usize, usize, Option<usize>)>,
    texts: Vec<AnalyzedText>,
}

impl Story {
    fn new(docs: Vec<Document>) -> Story {
        let mut texts: Vec<AnalyzedText> = docs.iter().map(analyze).collect();
        let refs: Vec<&Document> = docs.iter().collect();
        mark_repeated_paragraphs(&refs, &mut texts, 3);
        let reuse = find_reuse(&ReuseInput::in_ingest_order(&docs, &texts));
        let mut sentences = Vec::new();
        for (d, text) in texts.iter().enumerate() {
            for (s, _) in text.body_sentences() {
                sentences.push((d, s, reuse.group_of.get(&(d, s)).copied()));
            }
        }
        Story {
            docs,
            sentences,
            texts,
        }
    }

    fn text(&self, i: usize) -> &str {
        let (d, s, _) = self.sentences[i];
        self.texts[d].sentences[s].span.slice(&self.docs[d].text)
    }

    fn input(&self) -> SummaryInput<'_> {
        let mut positions = vec![0; self.docs.len()];
        SummaryInput {
            documents: (0..self.docs.len())
                .map(|order| DocumentInfo { order })
                .collect(),
            candidates: self
                .sentences
                .iter()
                .enumerate()
                .map(|(i, &(d, _, group))| {
                    positions[d] += 1;
                    Candidate {
                        doc: d,
                        position: positions[d] - 1,
                        text: self.text(i),
                        copy_group: group,
                        claim: None,
                    }
                })
                .collect(),
        }
    }
}

fn chechnya() -> Story {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/chechnya-2017");
    let mut docs: Vec<Document> = dossier_ingest::read_paths(&[dir])
        .map(|d| d.expect("example reads"))
        .collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(docs.len(), 5);
    Story::new(docs)
}

/// Word 3-shingles of a sentence's match key.
fn shingles(text: &str) -> HashSet<String> {
    let key = match_key(text);
    let words: Vec<&str> = key.split(' ').collect();
    words
        .windows(3.min(words.len()))
        .map(|w| w.join(" "))
        .collect()
}

/// No two chosen sentences are copies (same group, same match key, or word-shingle
/// Jaccard of 0.5 or more, a looser test than the reuse stage's 0.6).
fn assert_no_repeats(story: &Story, chosen: &[usize]) {
    for (k, &a) in chosen.iter().enumerate() {
        for &b in &chosen[k + 1..] {
            let (ga, gb) = (story.sentences[a].2, story.sentences[b].2);
            assert!(
                ga.is_none() || ga != gb,
                "copies chosen twice: {:?} / {:?}",
                story.text(a),
                story.text(b)
            );
            let (sa, sb) = (shingles(story.text(a)), shingles(story.text(b)));
            let jaccard = sa.intersection(&sb).count() as f64 / sa.union(&sb).count() as f64;
            assert!(
                jaccard < 0.5,
                "near-duplicates chosen ({jaccard:.2}): {:?} / {:?}",
                story.text(a),
                story.text(b)
            );
        }
    }
}

#[test]
fn the_chechnya_summary_states_each_thing_once_in_reading_order() {
    let story = chechnya();
    let input = story.input();
    let summary = summarize(&input, Length::sentences(6), &Params::default()).unwrap();
    let texts: Vec<&str> = summary.sentences.iter().map(|&i| story.text(i)).collect();
    assert_eq!(summary.sentences.len(), 6, "{texts:#?}");
    assert_no_repeats(&story, &summary.sentences);
    // Reading order: by document, then position.
    let keys: Vec<(usize, usize)> = summary
        .sentences
        .iter()
        .map(|&i| (story.sentences[i].0, story.sentences[i].1))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
    // The same sentences, ranked.
    let mut ranked = summary.ranked.clone();
    ranked.sort_unstable();
    let mut chosen = summary.sentences.clone();
    chosen.sort_unstable();
    assert_eq!(ranked, chosen);
    // The story is about reports of gay men detained in Chechnya, which Chechen officials deny.
    let all = texts.join(" ").to_lowercase();
    assert!(all.contains("gay"), "{texts:#?}");
    assert!(all.contains("chechnya"), "{texts:#?}");
    assert!(
        all.contains("denied") || all.contains("no reliable"),
        "{texts:#?}"
    );
}

#[test]
fn ranking_everything_still_takes_each_copy_once() {
    let story = chechnya();
    let input = story.input();
    let copied = story.sentences.iter().filter(|s| s.2.is_some()).count();
    assert!(copied >= 2, "the example has a copied passage");
    let summary = summarize(&input, Length::default(), &Params::default()).unwrap();
    assert!(summary.sentences.len() > 10);
    assert_no_repeats(&story, &summary.sentences);
}

#[test]
fn the_word_budget_is_never_exceeded_and_is_used() {
    let story = chechnya();
    let input = story.input();
    for budget in [25, 60, 120, 250] {
        let summary = summarize(&input, Length::words(budget), &Params::default()).unwrap();
        let words: usize = summary
            .sentences
            .iter()
            .map(|&i| word_count(story.text(i)))
            .sum();
        assert!(words <= budget, "{words} > {budget}");
        // Sentences here run 10 to 50 words: a budget leaves less than one sentence unused.
        assert!(words + 50 > budget, "only {words} of {budget} words used");
        assert_no_repeats(&story, &summary.sentences);
    }
    // Both limits: the tighter one holds.
    let length = Length {
        sentences: Some(2),
        words: Some(400),
    };
    assert_eq!(
        summarize(&input, length, &Params::default())
            .unwrap()
            .sentences
            .len(),
        2
    );
}

#[test]
fn one_claim_is_stated_once_but_its_denial_may_follow() {
    let story = chechnya();
    let base = story.input();
    let first = summarize(&base, Length::sentences(2), &Params::default()).unwrap();
    let (a, b) = (first.ranked[0], first.ranked[1]);

    // The claims stage says the two best sentences assert one claim: only one is taken.
    let mut input = base.clone();
    let claim = ClaimRef {
        id: 7,
        denies: false,
        independent_sources: 2,
    };
    input.candidates[a].claim = Some(claim);
    input.candidates[b].claim = Some(claim);
    let once = summarize(&input, Length::default(), &Params::default()).unwrap();
    assert!(once.sentences.contains(&a) != once.sentences.contains(&b));

    // If the second denies it, it is another statement and both are taken.
    input.candidates[b].claim = Some(ClaimRef {
        denies: true,
        ..claim
    });
    let both = summarize(&input, Length::sentences(2), &Params::default()).unwrap();
    assert!(both.sentences.contains(&a) && both.sentences.contains(&b));
}

#[test]
fn corroborated_claims_are_favoured() {
    let story = chechnya();
    let mut input = story.input();
    let plain = summarize(&input, Length::default(), &Params::default()).unwrap();
    // Give the last-ranked sentence a claim five independent sources assert.
    let last = *plain.ranked.last().unwrap();
    input.candidates[last].claim = Some(ClaimRef {
        id: 1,
        denies: false,
        independent_sources: 5,
    });
    let supported = summarize(&input, Length::default(), &Params::default()).unwrap();
    let rank = |s: &dossier_summary::Summary| s.ranked.iter().position(|&i| i == last).unwrap();
    assert!(rank(&supported) < rank(&plain));
}

#[test]
fn a_candidate_in_an_unknown_document_is_an_error() {
    let input = SummaryInput {
        documents: vec![DocumentInfo { order: 0 }],
        candidates: vec![Candidate {
            doc: 1,
            position: 0,
            text: "Amnesty International has launched a petition.",
            copy_group: None,
            claim: None,
        }],
    };
    assert_eq!(
        summarize(&input, Length::sentences(1), &Params::default()),
        Err(SummaryError::NoSuchDocument {
            candidate: 0,
            doc: 1,
            documents: 1
        })
    );
    assert_eq!(
        summarize(
            &SummaryInput::default(),
            Length::sentences(3),
            &Params::default()
        ),
        Ok(Default::default())
    );
}

#[test]
fn multi_news_summaries_repeat_nothing_and_keep_their_budget() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/multi-news/validation.jsonl.gz");
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
    let mut with_copies = 0;
    for line in reader.lines().take(300) {
        let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let docs: Vec<Document> = v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .filter_map(|(n, a)| {
                let a = a.as_str()?.trim();
                (!a.is_empty()).then(|| Document::plain(&format!("{}.{n}", v["id"]), a))
            })
            .collect();
        let story = Story::new(docs);
        let copies = story.sentences.iter().any(|s| s.2.is_some());
        let near = (0..story.sentences.len()).any(|a| {
            let sa = shingles(story.text(a));
            (a + 1..story.sentences.len()).any(|b| {
                let sb = shingles(story.text(b));
                sa.intersection(&sb).count() * 2 >= sa.union(&sb).count()
            })
        });
        if copies || near {
            with_copies += 1;
        }
        let input = story.input();
        let summary = summarize(&input, Length::words(300), &Params::default()).unwrap();
        let words: usize = summary
            .sentences
            .iter()
            .map(|&i| word_count(story.text(i)))
            .sum();
        assert!(words <= 300, "cluster {}: {words} words", v["id"]);
        assert_no_repeats(&story, &summary.sentences);
    }
    // Multi-News clusters often carry the same text twice: the check above has teeth.
    assert!(
        with_copies >= 20,
        "{with_copies} clusters with repeated sentences"
    );
}
