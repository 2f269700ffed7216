//! ROUGE against figures computed by the `rouge-score` Python package (0.1.2, with NLTK
//! 3.10.4's Porter stemmer) on real Multi-News text.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use dossier_summary::porter;
use dossier_summary::rouge::{rouge, rouge_tokens, RougeMeans};

/// The start of the reference summary of Multi-News validation cluster 44972.
const REFERENCE: &str = "The da vinci code has sold so many copies — that would be at least 80 million — that it's bound to turn up in book donation piles. But at one charity shop in the uk, it's been donated so heavily that the shop has posted a sign propped up on a tower of da vinci code copies that reads: \" you could give us another da vinci code... But we would rather have your vinyl! \" the manager of the oxfam shop in swansea tells the telegraph that people are laughing and taking ";

/// The fourth article of the same cluster.
const ARTICLE: &str = "A charity shop is urging people to stop donating the da vinci code after becoming overwhelmed with copies. The oxfam shop in swansea has been receiving an average of one copy of the dan brown novel a week for months, leaving them with little room for any other books. Staff who are struggling to sell copies of the book have put a note up in the store saying they would rather donors hand in their vinyl instead.";

fn close(got: f64, want: f64) {
    assert!((got - want).abs() < 1e-12, "got {got}, want {want}");
}

#[test]
fn scores_match_rouge_score_with_and_without_stemming() {
    // rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    //     .score(REFERENCE, ARTICLE), printed with repr().
    let s = rouge(REFERENCE, ARTICLE, true);
    close(s.rouge1.precision, 0.45454545454545453);
    close(s.rouge1.recall, 0.3804347826086957);
    close(s.rouge1.fmeasure, 0.41420118343195267);
    close(s.rouge2.precision, 0.15789473684210525);
    close(s.rouge2.recall, 0.13186813186813187);
    close(s.rouge2.fmeasure, 0.1437125748502994);
    close(s.rouge_l.precision, 0.19480519480519481);
    close(s.rouge_l.recall, 0.16304347826086957);
    close(s.rouge_l.fmeasure, 0.17751479289940827);
    // The same with use_stemmer=False: "copies"/"copy" and "shop"/"shops" no longer meet.
    let s = rouge(REFERENCE, ARTICLE, false);
    close(s.rouge1.fmeasure, 0.4023668639053254);
    close(s.rouge2.fmeasure, 0.1437125748502994);
    close(s.rouge_l.fmeasure, 0.17751479289940827);
}

#[test]
fn tokens_are_lowercased_alphanumeric_runs_stemmed_above_three_characters() {
    assert_eq!(
        rouge_tokens("It's the U.S. Donations—copies, 80% (2017)!", true),
        ["it", "s", "the", "u", "s", "donat", "copi", "80", "2017"]
    );
    assert_eq!(
        rouge_tokens("Ünited “news” café", false),
        ["nited", "news", "caf"]
    );
    assert!(rouge("", ARTICLE, true).rouge_l.fmeasure == 0.0);
    assert_eq!(rouge(ARTICLE, ARTICLE, true).rouge_l.fmeasure, 1.0);
}

#[test]
fn porter_stems_like_nltk_on_news_words() {
    // nltk.stem.porter.PorterStemmer().stem(w) (NLTK 3.10.4, NLTK_EXTENSIONS mode).
    for (word, stem) in [
        ("donated", "donat"),
        ("donations", "donat"),
        ("consecutive", "consecut"),
        ("overwhelmed", "overwhelm"),
        ("generously", "gener"),
        ("reportedly", "reportedli"),
        ("investigation", "investig"),
        ("authorities", "author"),
        ("1990s", "1990"),
        ("lying", "lie"),
        ("succeeded", "succeed"),
        ("hopefully", "hope"),
        ("conditional", "condit"),
    ] {
        assert_eq!(porter::stem(word), stem, "{word}");
    }
}

fn multi_news() -> Option<BufReader<flate2::read::MultiGzDecoder<std::fs::File>>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/multi-news/validation.jsonl.gz");
    match std::fs::File::open(&path) {
        Ok(f) => Some(BufReader::new(flate2::read::MultiGzDecoder::new(f))),
        Err(_) => {
            eprintln!("skipped: {} not found", path.display());
            None
        }
    }
}

#[test]
fn lead_300_means_match_rouge_score_on_200_multi_news_clusters() {
    let Some(reader) = multi_news() else { return };
    let mut means = RougeMeans::default();
    for line in reader.lines().take(200) {
        let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let articles: Vec<&str> = v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap())
            .collect();
        let joined = articles.join(" ");
        let lead: Vec<&str> = joined.split_whitespace().take(300).collect();
        means.add(&rouge(
            v["summary"].as_str().unwrap(),
            &lead.join(" "),
            true,
        ));
    }
    // Python: for the first 200 lines, c = " ".join(" ".join(documents).split()[:300]);
    // RougeScorer([...], use_stemmer=True).score(summary, c); mean of each F-measure.
    let [r1, r2, rl] = means.points();
    close(r1 / 100.0, 0.434311373219295);
    close(r2 / 100.0, 0.14533557558456578);
    close(rl / 100.0, 0.19849601538407438);
}
