//! PolNeAR v1.0.0 (Newell, Margolin and Ruths, LREC 2018) read for the tests that score on
//! it: US political news of 2016 with every attribution annotated as Source / Cue / Content
//! (brat standoff, `E` lines tie `Attribution:Cue:Content:Source`). Articles annotated by
//! several annotators (for agreement studies) use the first file in name order. Offsets in
//! the `.ann` files are character offsets, converted here to byte offsets; a Content may be
//! discontinuous (`start end;start end`, and `Content2` roles).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use dossier_core::{Document, Span};

/// Where the corpus lies (the tests skip themselves when it is missing).
pub const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/polnear");

/// Words of a Cue that make it speech (lower case).
pub const SPEECH: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "according",
    "add",
    "adds",
    "added",
    "adding",
    "write",
    "writes",
    "wrote",
    "writing",
    "written",
    "report",
    "reports",
    "reported",
    "reporting",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "deny",
    "denies",
    "denied",
    "denying",
    "state",
    "states",
    "stated",
    "statement",
    "announce",
    "announces",
    "announced",
    "explain",
    "explains",
    "explained",
    "argue",
    "argues",
    "argued",
    "arguing",
    "warn",
    "warns",
    "warned",
    "note",
    "notes",
    "noted",
    "noting",
    "tweet",
    "tweets",
    "tweeted",
    "reply",
    "replied",
    "respond",
    "responded",
    "ask",
    "asks",
    "asked",
    "declare",
    "declared",
    "confirm",
    "confirms",
    "confirmed",
    "acknowledge",
    "acknowledged",
    "admit",
    "admitted",
    "suggest",
    "suggests",
    "suggested",
    "recall",
    "recalled",
    "quoted",
    "quoting",
    "testified",
    "continued",
    "emphasized",
    "stressed",
    "told",
];

/// One gold attribution.
pub struct Gold {
    /// Content fragments (byte spans).
    pub content: Vec<Span>,
    /// Source fragments, when the attribution names one.
    pub source: Option<Vec<Span>>,
    /// The Cue's text ("said", "according to").
    pub cue: String,
    /// The Cue's fragments.
    pub cue_spans: Vec<Span>,
    /// The Content holds a double quote mark (a direct quote).
    pub direct: bool,
    /// The Cue holds a speech verb of [`SPEECH`].
    pub speech: bool,
}

/// One article with its gold attributions.
pub struct Article {
    /// File stem.
    pub name: String,
    /// The article's text as a document.
    pub doc: Document,
    /// Its attributions.
    pub gold: Vec<Gold>,
}

/// The smallest span covering all fragments.
pub fn hull(frags: &[Span]) -> Span {
    let start = frags.iter().map(|s| s.start).min().unwrap_or(0);
    let end = frags.iter().map(|s| s.end).max().unwrap_or(0);
    Span::new(start, end)
}

/// Parses `start end;start end` (character offsets) into byte spans.
pub fn parse_frags(ranges: &str, char_to_byte: &[usize]) -> Option<Vec<Span>> {
    let mut out = Vec::new();
    for r in ranges.split(';') {
        let mut it = r.split_whitespace();
        let a: usize = it.next()?.parse().ok()?;
        let b: usize = it.next()?.parse().ok()?;
        out.push(Span::new(*char_to_byte.get(a)?, *char_to_byte.get(b)?));
    }
    Some(out)
}

fn read_article(text_path: &Path, ann_path: &Path) -> Option<Article> {
    let text = std::fs::read_to_string(text_path).ok()?;
    let ann = std::fs::read_to_string(ann_path).ok()?;
    let mut char_to_byte: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    char_to_byte.push(text.len());
    let mut spans: std::collections::HashMap<&str, (String, Vec<Span>)> = Default::default();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for line in ann.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if line.starts_with('T') && cols.len() >= 2 {
            let Some((kind, ranges)) = cols[1].split_once(' ') else {
                continue;
            };
            if let Some(frags) = parse_frags(ranges, &char_to_byte) {
                spans.insert(cols[0], (kind.to_string(), frags));
            }
        } else if line.starts_with('E') && cols.len() >= 2 {
            events.push(
                cols[1]
                    .split_whitespace()
                    .filter_map(|p| p.split_once(':'))
                    .collect(),
            );
        }
    }
    let mut gold = Vec::new();
    for e in events {
        let mut content = Vec::new();
        let mut source = None;
        let mut cue = String::new();
        let mut cue_spans = Vec::new();
        for (role, id) in e {
            let Some((_, frags)) = spans.get(id) else {
                continue;
            };
            match role {
                "Content" | "Content2" => content.extend(frags.iter().copied()),
                "Source" => source = Some(frags.clone()),
                "Cue" => {
                    cue_spans = frags.clone();
                    cue = frags
                        .iter()
                        .filter_map(|s| text.get(s.start..s.end))
                        .collect::<Vec<_>>()
                        .join(" ")
                }
                _ => {}
            }
        }
        if content.is_empty() {
            continue;
        }
        let direct = content
            .iter()
            .filter_map(|s| text.get(s.start..s.end))
            .any(|t| t.contains(['“', '”', '"']) || t.contains("''"));
        let speech = cue
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| SPEECH.contains(&w));
        gold.push(Gold {
            content,
            source,
            cue,
            cue_spans,
            direct,
            speech,
        });
    }
    let name = text_path.file_stem()?.to_string_lossy().to_string();
    Some(Article {
        doc: Document::plain(&name, &text),
        name,
        gold,
    })
}

/// The articles of `train`, `dev` or `test`, or `None` when the corpus is missing.
pub fn read_split(split: &str) -> Option<Vec<Article>> {
    let dir = PathBuf::from(ROOT).join(split);
    let mut texts: Vec<PathBuf> = std::fs::read_dir(dir.join("text"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    let mut anns: Vec<PathBuf> = std::fs::read_dir(dir.join("attributions"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    anns.sort();
    let mut out = Vec::new();
    for t in texts {
        let stem = t.file_stem()?.to_string_lossy().to_string();
        // `<stem>_<annotator>.ann`; the first annotator's file.
        let ann = anns.iter().find(|a| {
            a.file_stem()
                .and_then(|s| s.to_str())
                .and_then(|s| s.rsplit_once('_'))
                .is_some_and(|(base, _)| base == stem)
        })?;
        out.push(read_article(&t, ann)?);
    }
    Some(out)
}

/// Bare pronouns a gold Source may be.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "him", "her", "them", "you",
];

/// Words of a speaker's name that say nothing of who it is.
const FUNCTION_WORDS: &[&str] = &[
    "the", "and", "for", "of", "with", "from", "his", "her", "its", "their", "our", "who", "that",
    "this", "said", "says", "told", "one", "two",
];

/// Lower-case alphanumeric words.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A Source that is one bare pronoun ("he", "they").
pub fn is_pronoun(s: &str) -> bool {
    let w = words(s);
    w.len() == 1 && PRONOUNS.contains(&w[0].as_str())
}

/// Whether a name word of Dossier's `speaker` (three or more letters, not a function word)
/// is one of `target`'s words.
pub fn names_agree(speaker: &str, target: &[String]) -> bool {
    words(speaker)
        .iter()
        .filter(|w| w.chars().count() >= 3 && !FUNCTION_WORDS.contains(&w.as_str()))
        .any(|w| target.contains(w))
}

impl Article {
    /// The text of a gold attribution's Source, fragments joined by spaces.
    pub fn source_text(&self, g: &Gold) -> Option<String> {
        let text = self.doc.text.as_str();
        Some(
            g.source
                .as_ref()?
                .iter()
                .filter_map(|x| text.get(x.start..x.end))
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    /// For a pronoun Source, its antecedent: the nearest preceding gold Source of the
    /// article that is not a pronoun.
    pub fn antecedent(&self, g: &Gold) -> Option<String> {
        let at = hull(g.source.as_ref()?).start;
        self.gold
            .iter()
            .filter_map(|o| Some((hull(o.source.as_ref()?).start, self.source_text(o)?)))
            .filter(|(start, t)| *start < at && !is_pronoun(t))
            .max_by_key(|(start, _)| *start)
            .map(|(_, t)| t)
    }
}
