//! Quotes, direct and indirect, with their speakers resolved.
//!
//! Direct quotes are the words inside quote marks (“…”, "…", ‘…’ when it is a quotation and not
//! an apostrophe), across sentences and across paragraphs when a paragraph opens a quote
//! without closing it and the next paragraph opens again. Quotes of fewer than four words
//! (scare quotes: do “not exist”, ‘camps’) are kept only when a speech frame introduces them
//! directly (`said: “No.”`, `“Never,” he said`); quoted titles (`titled: “…”`) are skipped.
//!
//! Indirect quotes are reported speech in a sentence without a direct quote: "NAME said/told
//! X that CLAUSE", "NAME said CLAUSE", "…, according to SOURCE", "…, she said", "…, says
//! official", "NAME has denied the reports, insisting that …", "ORG reports that …".
//!
//! The speaker is the subject of the speech verb: a person or organisation mention (with an
//! appositive role: "Dmitry Peskov, a prominent spokesperson for …, said"), a role noun phrase
//! ("a spokesperson for Chechnya's Russian-backed leader, Ramzan Kadyrov" → "spokesperson for
//! Ramzan Kadyrov"; "a Russian Embassy official" → "Russian Embassy official"), or a pronoun.
//! Pronouns resolve to the most recent compatible earlier speaker (he/she: a person or a single
//! role, gender-checked by given name, within eight sentences; they: a plural role within four;
//! it: an organisation within four). Definite role nouns ("The spokesperson", "the experts",
//! "The region’s leader") resolve to the most recent earlier phrase with the same role noun.
//! When nothing fits, the speaker is `None`: nothing is guessed.

mod frame;
mod marks;

use dossier_core::{Document, Span};
use dossier_text::AnalyzedText;
use serde::Serialize;

use crate::{EntityKind, EntityMention, StoryEntity};
use frame::{parse_subject, speech_verb_at, Doc, HistKind, Mode, Resolver, Said, Subject, Verb};
use marks::RawQuote;

/// Direct (in quote marks) or indirect (reported speech).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Words inside quote marks.
    Direct,
    /// Reported speech ("said that ...", "according to ...").
    Indirect,
}

/// One quote in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteMention {
    /// The quoted words (without the quote marks for direct quotes). A direct quote spanning
    /// paragraphs has its parts joined by a single space.
    pub text: String,
    /// Their byte span (for a quote spanning paragraphs: from the first word to the last).
    pub span: Span,
    /// Index of the (first) sentence it is in.
    pub sentence: usize,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The resolved speaker's name ("Dmitry Peskov"), a role description when no name is
    /// given ("spokesperson for Ramzan Kadyrov"), or `None` when unknown.
    pub speaker: Option<String>,
    /// The speaker as written where the quote is attributed ("The spokesperson", "he").
    pub speaker_mention: Option<String>,
    /// Role or organisation of the speaker as stated ("a prominent spokesperson for Russian
    /// president Vladimir Putin").
    pub speaker_role: Option<String>,
    /// The reporting verb or cue ("said", "added", "told MailOnline", "according to").
    pub cue: Option<String>,
}

/// Words of a direct quote below which it needs a tight speech frame to count.
const MIN_QUOTE_WORDS: usize = 4;

/// Words before a quote that make it a title, not speech.
const TITLE_CUES: &[&str] = &[
    "titled",
    "entitled",
    "headlined",
    "called",
    "dubbed",
    "named",
    "reading",
    "slogan",
    "hashtag",
    "banner",
    "read",
];

/// Finds quotes in a document and resolves their speakers, using the document's entities.
/// Quotes come out in text order; speakers are canonicalised against the document's own
/// entities ("Alushkin" → "Dmitry Alushkin", "HRW" → "Human Rights Watch" when both forms
/// occur); use [`canonical_speaker`] with the story's entities to go further.
pub fn extract_quotes(
    doc: &Document,
    text: &AnalyzedText,
    entities: &[EntityMention],
) -> Vec<QuoteMention> {
    let d = Doc::new(doc, text, entities);
    if d.sents.is_empty() {
        return Vec::new();
    }
    let mut resolver = Resolver::new(&d);
    let raws = marks::find(doc, text);
    let long: Vec<&RawQuote> = raws.iter().filter(|q| q.words >= MIN_QUOTE_WORDS).collect();
    let mut out: Vec<QuoteMention> = Vec::new();
    let mut covered: Vec<Span> = long
        .iter()
        .map(|q| Span::new(q.open.start, q.after()))
        .collect();
    for pos in 0..d.sents.len() {
        let opening: Vec<&RawQuote> = raws
            .iter()
            .filter(|q| d.sent_at(q.open.start).unwrap_or(0) == pos)
            .collect();
        for q in opening {
            if let Some((m, said)) = attribute_direct(&d, &resolver, pos, q, &long) {
                covered.push(Span::new(q.open.start, q.after()));
                if let Some(kind) = said {
                    resolver.history.push(Said {
                        pos,
                        speaker: m.speaker.clone(),
                        kind,
                    });
                }
                out.push(m);
            }
        }
        let span = d.sents[pos].span;
        if covered
            .iter()
            .any(|c| c.start < span.end && span.start < c.end)
        {
            continue;
        }
        if let Some((m, kind)) = indirect(&d, &resolver, pos) {
            resolver.history.push(Said {
                pos,
                speaker: m.speaker.clone(),
                kind,
            });
            out.push(m);
        }
    }
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out
}

/// Maps a speaker name to the canonical name of a story entity: an alias gives its entity's
/// name ("Kadyrov" → "Ramzan Kadyrov", "HRW" → "Human Rights Watch"), and an alias inside a
/// role description is replaced ("spokesperson for Kadyrov" → "spokesperson for Ramzan
/// Kadyrov"). Names no entity knows come back unchanged.
pub fn canonical_speaker(name: &str, entities: &[StoryEntity]) -> String {
    let name = name.trim();
    let relevant =
        |e: &&StoryEntity| matches!(e.kind, EntityKind::Person | EntityKind::Organization);
    if entities.iter().filter(relevant).any(|e| e.name == name) {
        return name.to_string();
    }
    if let Some(e) = entities
        .iter()
        .filter(relevant)
        .find(|e| e.aliases.iter().any(|a| a == name))
    {
        return e.name.clone();
    }
    if let Some(e) = entities.iter().filter(relevant).find(|e| {
        e.name.eq_ignore_ascii_case(name) || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }) {
        return e.name.clone();
    }
    // An alias inside a longer description.
    let mut out = name.to_string();
    for e in entities.iter().filter(relevant) {
        if out.contains(&e.name) {
            continue;
        }
        let mut aliases: Vec<&String> = e.aliases.iter().collect();
        aliases.sort_by_key(|a| std::cmp::Reverse(a.len()));
        for alias in aliases {
            if let Some(at) = find_word(&out, alias) {
                out.replace_range(at..at + alias.len(), &e.name);
                break;
            }
        }
    }
    out
}

/// Byte offset of `word` in `s` as a whole word.
fn find_word(s: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(i) = s.get(from..)?.find(word) {
        let at = from + i;
        let before = s[..at].chars().next_back();
        let after = s[at + word.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// A speech frame found for a quote.
struct Frame {
    subject: Option<Subject>,
    cue: String,
    /// The frame introduces the quote directly (`said:`, `”, he said`).
    tight: bool,
}

/// The cue as written: the verb, and for "tell" verbs its object ("told MailOnline").
fn cue_text(d: &Doc<'_>, pos: usize, v: usize, limit: usize) -> String {
    let s = &d.sents[pos];
    let verb = s.toks[v].text.to_string();
    if frame::verb_class(s.toks[v].text) != Some(Verb::Tell) {
        return verb;
    }
    let mut end = v;
    let mut k = v + 1;
    while k < limit.min(v + 5) && s.toks[k].text != "that" {
        end = k;
        if d.gap(s, k).contains([',', ':', '.', '“', '"']) {
            break;
        }
        k += 1;
    }
    if end == v {
        verb
    } else {
        d.slice(s.toks[v].span.start, s.toks[end].span.end)
            .to_string()
    }
}

fn attribute_direct(
    d: &Doc<'_>,
    r: &Resolver,
    pos: usize,
    q: &RawQuote,
    long: &[&RawQuote],
) -> Option<(QuoteMention, Option<HistKind>)> {
    let s = &d.sents[pos];
    // The frame before: from the sentence start or the previous long quote in it.
    let p_start = long
        .iter()
        .map(|o| o.after())
        .filter(|&e| e <= q.open.start && e > s.span.start)
        .max()
        .unwrap_or(s.span.start);
    let (pa, pb) = d.tok_range(s, p_start, q.open.start);
    if pb > pa && TITLE_CUES.contains(&s.toks[pb - 1].text.to_lowercase().as_str()) {
        return None;
    }
    let mut frame = after_frame(d, r, q, long);
    if frame.is_none() {
        frame = before_frame(d, r, pos, pa, pb, q);
    }
    let tight = frame.as_ref().is_some_and(|f| f.tight);
    if q.words < MIN_QUOTE_WORDS && !tight {
        return None;
    }
    let mention = |f: &Frame| f.subject.as_ref().map(|s| s.mention.clone());
    let m = QuoteMention {
        text: q.text(d.text),
        span: q.span(),
        sentence: s.index,
        kind: QuoteKind::Direct,
        speaker: frame
            .as_ref()
            .and_then(|f| f.subject.as_ref()?.speaker.clone()),
        speaker_mention: frame.as_ref().and_then(mention),
        speaker_role: frame
            .as_ref()
            .and_then(|f| f.subject.as_ref()?.role.clone()),
        cue: frame.as_ref().map(|f| f.cue.clone()),
    };
    let kind = frame
        .as_ref()
        .and_then(|f| f.subject.as_ref())
        .map(|s| s.kind);
    Some((m, kind))
}

/// `“…,” the experts said.` / `“…,” said Mr Smith.` / `“…,” Alushkin finished.`
fn after_frame(d: &Doc<'_>, r: &Resolver, q: &RawQuote, long: &[&RawQuote]) -> Option<Frame> {
    let close = q.close?;
    let pos = d.sent_at(close.start)?;
    let s = &d.sents[pos];
    let before_close = d.slice(q.span().end, close.start).trim();
    let inner = d.text.get(..close.start)?.trim_end().chars().next_back();
    let end = long
        .iter()
        .map(|o| o.open.start)
        .filter(|&o| o > close.end)
        .min()
        .unwrap_or(s.span.end)
        .min(s.span.end);
    let rest = d.slice(close.end, end);
    let allowed = rest.trim_start().starts_with(',')
        || matches!(inner, Some(',' | '?' | '!' | '—' | '–'))
        || before_close.ends_with(',');
    if !allowed {
        return None;
    }
    let (sa, sb) = d.tok_range(s, close.end, end);
    if sa >= sb {
        return None;
    }
    let v = (sa..sb.min(sa + 8)).find(|&k| {
        frame::verb_class(s.toks[k].text).is_some()
            && s.toks[k]
                .text
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
    })?;
    // The subject must be right there: no sentence punctuation in between.
    if d.slice(close.end, s.toks[v].span.start)
        .contains(['.', ';', '“', '"'])
    {
        return None;
    }
    let subject = if v == sa {
        // Inverted: "said Mr Smith".
        let mut e = v + 1;
        while e < sb && !d.gap(s, e - 1).contains([',', '.', ';']) {
            e += 1;
        }
        parse_subject(d, r, pos, v + 1, e.min(sb), Mode::Forward)
    } else {
        parse_subject(d, r, pos, sa, v, Mode::Forward)
    };
    subject.as_ref()?;
    Some(Frame {
        subject,
        cue: cue_text(d, pos, v, sb),
        tight: true,
    })
}

/// `NAME said: “…”`, `NAME told OUTLET: "…"`, `NAME said that … “…”`.
fn before_frame(
    d: &Doc<'_>,
    r: &Resolver,
    pos: usize,
    pa: usize,
    pb: usize,
    q: &RawQuote,
) -> Option<Frame> {
    let s = &d.sents[pos];
    let v = (pa..pb).rev().find(|&k| {
        speech_verb_at(d, s, k).is_some_and(|c| c != Verb::Post) && !frame::relative_subject(s, k)
    })?;
    let class = speech_verb_at(d, s, v)?;
    let between = d.slice(s.toks[v].span.end, q.open.start);
    let after: Vec<&str> = s.toks[v + 1..pb].iter().map(|t| t.text).collect();
    let lead_in = between.trim_end().ends_with([':', ',']) || between.trim().is_empty();
    let tight = match class {
        _ if after.is_empty() => lead_in,
        Verb::Tell => after.len() <= 4 && !after.contains(&"that") && lead_in,
        _ => false,
    };
    let loose =
        !after.is_empty() && (after[0] == "that" || class == Verb::Say || after.contains(&"that"));
    if !tight && !loose {
        return None;
    }
    let _ = q;
    Some(Frame {
        subject: parse_subject(d, r, pos, pa, v, Mode::Forward),
        cue: cue_text(d, pos, v, pb),
        tight,
    })
}

/// Reported speech in sentence `pos`, if any.
fn indirect(d: &Doc<'_>, r: &Resolver, pos: usize) -> Option<(QuoteMention, HistKind)> {
    let s = &d.sents[pos];
    let toks = &s.toks;
    let n = toks.len();
    let make =
        |subject: Subject, cue: String, a: usize, b: usize| -> Option<(QuoteMention, HistKind)> {
            let b = b.min(n);
            if a >= b {
                return None;
            }
            let mut a = a;
            if toks[a].text == "that" && a + 1 < b {
                a += 1;
            }
            let start = toks[a].span.start;
            let mut end = toks[b - 1].span.end;
            // Keep a closing quote mark right after the last word.
            if let Some(c) = d.text.get(end..).and_then(|t| t.chars().next()) {
                if matches!(c, '”' | '"' | '’') {
                    end += c.len_utf8();
                }
            }
            let text = d.slice(start, end).to_string();
            if dossier_text::tokens(&text, 0).len() < 3 {
                return None;
            }
            let kind = subject.kind;
            Some((
                QuoteMention {
                    text,
                    span: Span::new(start, end),
                    sentence: s.index,
                    kind: QuoteKind::Indirect,
                    speaker: subject.speaker,
                    speaker_mention: Some(subject.mention),
                    speaker_role: subject.role,
                    cue: Some(cue),
                },
                kind,
            ))
        };

    // "…, according to SOURCE" / "According to SOURCE, …"
    if let Some(k) = (0..n.saturating_sub(1))
        .find(|&k| toks[k].text.eq_ignore_ascii_case("according") && toks[k + 1].text == "to")
    {
        let mut e = k + 2;
        while e < n && !d.gap(s, e - 1).contains([',', ';']) {
            e += 1;
        }
        let e = e.min(n);
        if let Some(subject) = parse_subject(d, r, pos, k + 2, e, Mode::Forward) {
            let cue = "according to".to_string();
            return if k == 0 {
                make(subject, cue, e, n)
            } else {
                make(subject, cue, 0, k)
            };
        }
    }

    for v in 0..n {
        let Some(class) = speech_verb_at(d, s, v) else {
            continue;
        };
        if class == Verb::Post || frame::relative_subject(s, v) {
            continue;
        }
        let ends_after =
            |e: usize| e >= n || d.slice(toks[e - 1].span.end, s.span.end).trim().is_empty();
        // Inverted at the end: "…, says official".
        if v > 0 && d.gap(s, v - 1).contains(',') && n - v <= 6 {
            if let Some(subject) = parse_subject(d, r, pos, v + 1, n, Mode::Forward) {
                return make(subject, toks[v].text.to_string(), 0, v);
            }
        }
        // At the end: "…, she said." / "…, X told Y."
        let mut obj_end = v + 1;
        if class == Verb::Tell {
            while obj_end < n && obj_end < v + 5 && !d.gap(s, obj_end - 1).contains([',', '.']) {
                obj_end += 1;
            }
        }
        if ends_after(obj_end) || ends_after(v + 1) {
            if let Some(subject) = parse_subject(d, r, pos, 0, v, Mode::Backward) {
                if let Some(before) = subject.before {
                    let (_, b) = d.tok_range(s, before.start, before.end);
                    let cue = cue_text(d, pos, v, n);
                    return make(subject, cue, 0, b);
                }
            }
            continue;
        }
        let Some(subject) = parse_subject(d, r, pos, 0, v, Mode::Forward) else {
            continue;
        };
        // "… that CLAUSE": the clause after the first "that" soon after the verb.
        // Either right after the verb and its object (no comma in between), or introduced by
        // a second speech verb ("denied the reports, insisting that").
        let that = (v + 1..n.min(v + 13)).find(|&t| {
            toks[t].text == "that"
                && (t - v <= 6 && !(v..t).any(|k| d.gap(s, k).contains([',', ';', ':']))
                    || speech_verb_at(d, s, t - 1).is_some())
        });
        if let Some(t) = that {
            let cue_at = (v..t)
                .rev()
                .find(|&k| speech_verb_at(d, s, k).is_some())
                .unwrap_or(v);
            let cue = cue_text(d, pos, cue_at, t);
            return make(subject, cue, t + 1, n);
        }
        // "NAME said CLAUSE".
        if class == Verb::Say && !d.gap(s, v).contains([',', ':', '.', ';']) {
            return make(subject, toks[v].text.to_string(), v + 1, n);
        }
        // Parenthetical: "CLAUSE, NAME told OUTLET, and …".
        if let Some(before) = subject.before {
            let (_, b) = d.tok_range(s, before.start, before.end);
            let cue = cue_text(d, pos, v, n);
            return make(subject, cue, 0, b);
        }
    }
    None
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn doc(text: &str) -> Document {
        Document::plain("t", text)
    }

    #[test]
    fn canonical_speaker_maps_aliases_and_descriptions() {
        let ents = vec![StoryEntity {
            name: "Ramzan Kadyrov".into(),
            kind: EntityKind::Person,
            aliases: vec!["Kadyrov".into()],
            mentions: vec![(0, 0)],
        }];
        assert_eq!(canonical_speaker("Kadyrov", &ents), "Ramzan Kadyrov");
        assert_eq!(
            canonical_speaker("spokesperson for Kadyrov", &ents),
            "spokesperson for Ramzan Kadyrov"
        );
        assert_eq!(
            canonical_speaker("spokesperson for Ramzan Kadyrov", &ents),
            "spokesperson for Ramzan Kadyrov"
        );
        assert_eq!(canonical_speaker("Kadyrovites", &ents), "Kadyrovites");
    }
}
