//! Scraping debris: lines that were on the page but are not reporting.
//!
//! Detected by the shape of a line (a "Label: text" link or teaser line, a short line with no
//! sentence punctuation such as a photo caption) and by repetition across documents (short
//! lines several documents carry are boilerplate; long sentences several documents carry are
//! copies, which the reuse stage handles, and are kept).

use std::collections::{HashMap, HashSet};

use dossier_core::Document;
use serde::Serialize;

use crate::{match_key, tokens, AnalyzedText, Paragraph, ParagraphKind};

/// Why a paragraph was judged to be debris.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DebrisReason {
    /// A "Label: linked headline" line ("More news: ...", "Petition: ...").
    LinkLine,
    /// A short line without sentence punctuation inside the article (photo caption,
    /// teaser headline).
    Caption,
    /// A short line repeated across several documents (site boilerplate).
    Repeated,
    /// A line the outlet prints on pages of several different stories (a newsletter pitch,
    /// a standard disclaimer, a footer), however long.
    OutletBoilerplate,
}

/// Words in a line at or below which a line without sentence punctuation is a caption.
const CAPTION_MAX_WORDS: usize = 15;
/// Words in a line at or below which a "Label: text" line is a link or teaser.
const LINK_LINE_MAX_WORDS: usize = 20;
/// Words in a headline at most.
const HEADLINE_MAX_WORDS: usize = 25;

pub(crate) fn classify(doc: &Document, paragraphs: &mut [Paragraph]) {
    let title_key = doc.title.as_deref().map(match_key);
    for (index, paragraph) in paragraphs.iter_mut().enumerate() {
        let line = paragraph.span.slice(&doc.text);
        let words = tokens(line, 0).len();
        let is_headline = match &title_key {
            Some(title) => index == 0 && match_key(line) == *title,
            None => index == 0 && !ends_like_sentence(line) && words <= HEADLINE_MAX_WORDS,
        };
        paragraph.kind = if is_headline {
            ParagraphKind::Headline
        } else if is_link_line(line, words) {
            ParagraphKind::Debris(DebrisReason::LinkLine)
        } else if words <= CAPTION_MAX_WORDS && !ends_like_sentence(line) && !continues(line) {
            ParagraphKind::Debris(DebrisReason::Caption)
        } else {
            ParagraphKind::Body
        };
    }
}

/// "Label: Headline text" with a label of one to three words and no sentence ending.
fn is_link_line(line: &str, words: usize) -> bool {
    let Some((label, rest)) = line.split_once(':') else {
        return false;
    };
    let label_words = label.split_whitespace().count();
    let label_is_title_case = label.chars().next().is_some_and(char::is_uppercase);
    (1..=3).contains(&label_words)
        && label_is_title_case
        && !rest.trim().is_empty()
        && words <= LINK_LINE_MAX_WORDS
        && !ends_like_sentence(rest)
        && !rest.trim_start().starts_with(['"', '“', '‘', '\''])
}

/// True when the line ends as a sentence does: . ! ? (possibly followed by closing quotes
/// or brackets), or a list/lead-in ending : ;
fn ends_like_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
    });
    trimmed.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Lines that are parts of a larger sentence or list: a list item, or a line ending in a
/// comma.
fn continues(line: &str) -> bool {
    let t = line.trim();
    t.starts_with(['-', '*', '•', '–']) || t.ends_with(',')
}

/// Marks as debris the short paragraphs (at most [`CAPTION_MAX_WORDS`] words, or without
/// sentence punctuation) that appear in at least `min_docs` different documents, and the
/// paragraphs repeated in two or more documents of the same outlet that are short. Sentence-
/// length passages several outlets share are copies, not debris, and are left alone.
pub fn mark_repeated_paragraphs(
    docs: &[&Document],
    analyzed: &mut [AnalyzedText],
    min_docs: usize,
) {
    let mut seen: HashMap<String, HashSet<usize>> = HashMap::new();
    let mut by_source: HashMap<(String, String), HashSet<usize>> = HashMap::new();
    for (d, (doc, a)) in docs.iter().zip(analyzed.iter()).enumerate() {
        for p in &a.paragraphs {
            let key = match_key(p.span.slice(&doc.text));
            if key.is_empty() {
                continue;
            }
            if let Some(source) = &doc.source {
                by_source
                    .entry((source.clone(), key.clone()))
                    .or_default()
                    .insert(d);
            }
            seen.entry(key).or_default().insert(d);
        }
    }
    for (d, (doc, a)) in docs.iter().zip(analyzed.iter_mut()).enumerate() {
        for p in &mut a.paragraphs {
            if p.kind != ParagraphKind::Body {
                continue;
            }
            let line = p.span.slice(&doc.text);
            let key = match_key(line);
            let words = tokens(line, 0).len();
            let short = words <= CAPTION_MAX_WORDS || !ends_like_sentence(line);
            let widely_repeated = seen.get(&key).is_some_and(|s| s.len() >= min_docs);
            let outlet_repeated = doc.source.as_ref().is_some_and(|source| {
                by_source
                    .get(&(source.clone(), key.clone()))
                    .is_some_and(|s| s.len() >= 2 && s.contains(&d))
            });
            if short && (widely_repeated || outlet_repeated) {
                p.kind = ParagraphKind::Debris(DebrisReason::Repeated);
            }
        }
    }
}

/// Hashes of a document's body paragraphs, distinct, for recognising lines an outlet
/// repeats across its pages (see [`mark_outlet_boilerplate`]). Lines are compared by
/// [`match_key`], so quote style and case do not matter.
pub fn paragraph_hashes(doc: &Document, analyzed: &AnalyzedText) -> Vec<u64> {
    let mut hashes: Vec<u64> = analyzed
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Body)
        .map(|p| match_key(p.span.slice(&doc.text)))
        .filter(|key| !key.is_empty())
        .map(|key| dossier_core::content_hash(&key))
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// Marks as debris the body paragraphs whose [`paragraph_hashes`] value is in
/// `boilerplate`: lines the store has seen on pages of the same outlet across stories.
pub fn mark_outlet_boilerplate(
    doc: &Document,
    analyzed: &mut AnalyzedText,
    boilerplate: &HashSet<u64>,
) {
    if boilerplate.is_empty() {
        return;
    }
    for p in &mut analyzed.paragraphs {
        if p.kind != ParagraphKind::Body {
            continue;
        }
        let key = match_key(p.span.slice(&doc.text));
        if !key.is_empty() && boilerplate.contains(&dossier_core::content_hash(&key)) {
            p.kind = ParagraphKind::Debris(DebrisReason::OutletBoilerplate);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;
    use crate::tests::doc;

    fn kinds(text: &str) -> Vec<(String, ParagraphKind)> {
        let d = doc("t", text);
        analyze(&d)
            .paragraphs
            .iter()
            .map(|p| (p.span.slice(&d.text).to_string(), p.kind))
            .collect()
    }

    #[test]
    fn teaser_and_link_lines_are_debris() {
        let k = kinds("Officials deny the report\n\nThe ministry said on Monday that the claims were false.\nMore news: Hamish Bennett relishes solid comeback for Kiwis\nRead more: Floods hit the north\nUpdate: The ministry later withdrew its statement.\n");
        assert_eq!(k[0].1, ParagraphKind::Headline);
        assert_eq!(k[1].1, ParagraphKind::Body);
        assert_eq!(k[2].1, ParagraphKind::Debris(DebrisReason::LinkLine));
        assert_eq!(k[3].1, ParagraphKind::Debris(DebrisReason::LinkLine));
        // A labelled line that is a full sentence is reporting.
        assert_eq!(k[4].1, ParagraphKind::Body);
    }

    #[test]
    fn captions_are_debris_but_lead_ins_and_list_items_are_not() {
        let k = kinds("The minister spoke on Monday.\nThe president speaks with the regional governor in Moscow\nThe petition asks officials to:\n- Carry out prompt investigations into the reports of abductions\nHe added that \"nothing happened\"\n");
        assert_eq!(k[1].1, ParagraphKind::Debris(DebrisReason::Caption));
        assert_eq!(k[2].1, ParagraphKind::Body);
        assert_eq!(k[3].1, ParagraphKind::Body);
        // Short, quote-closed, but no full stop: still a caption-shaped line. We accept
        // this: a reporting line almost always ends with punctuation.
        assert_eq!(k[4].1, ParagraphKind::Debris(DebrisReason::Caption));
    }

    #[test]
    fn repeated_short_lines_are_boilerplate_but_copied_paragraphs_are_not() {
        let copied = "Despite the growing evidence of mass targeting of gay men in the region, a spokesperson has denied the reports, insisting that they do not exist in the republic.";
        let texts: Vec<String> = (0..3)
            .map(|i| format!("Story number {i} starts here with a full sentence.\nSubscribe to our newsletter today.\n{copied}\n"))
            .collect();
        let docs: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| doc(&i.to_string(), t))
            .collect();
        let refs: Vec<&Document> = docs.iter().collect();
        let mut analyzed: Vec<_> = docs.iter().map(analyze).collect();
        mark_repeated_paragraphs(&refs, &mut analyzed, 3);
        for a in &analyzed {
            assert_eq!(
                a.paragraphs[1].kind,
                ParagraphKind::Debris(DebrisReason::Repeated)
            );
            assert_eq!(a.paragraphs[2].kind, ParagraphKind::Body);
        }
    }
}
