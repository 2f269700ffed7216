//! Quotes, direct and indirect, with their speakers resolved.
//!
//! Direct quotes are the words inside quote marks (“…”, "…", ‘…’ when it is a quotation and not
//! an apostrophe), across sentences and across paragraphs when a paragraph opens a quote
//! without closing it and the next paragraph opens again. Quotes of fewer than four words
//! (scare quotes: do “not exist”, ‘camps’) are kept only when a speech frame introduces them
//! directly (`said: “No.”`, `“Never,” he said`); quoted titles (`titled: “…”`) are skipped.
//!
//! Direct quotes are attributed by a frame after the quote (`“…,” said Mr. Clarke`), before
//! it (`NAME told OUTLET: “…”`), or ending the sentence it closes in (`“…” for criminal
//! behavior, she said.`); a quote ending in "?" or "!" may have its frame in the next
//! sentence (`“…?” Graham asked.`); before it also "According to NAME, “…”" and a verb of
//! manner right before the quote (`Zero Hedge asked, “…”`). Quotes with no verb are
//! attributed by a dash signature ending the paragraph (`“…” ― Pamela Padilla`), by a
//! paragraph ending "NAME VERB:" before the paragraph the quote opens (`Caddell continued:`),
//! or by a headline's "NAME:" (`Sanders: Clinton needs to 'get away from …'`). A paragraph
//! without quote marks after "NAME VERB:" is that speaker's block quote (`Limbaugh added:`).
//! A short quote after a preposition or a possessive is a title (`broadcast of “Fox News
//! Sunday,”`). A quote with no frame right after an
//! attributed quote of the same paragraph, with nothing but that frame's sentence between
//! them, continues it (`“…,” Graham said. “But …”`): same speaker.
//!
//! Indirect quotes are reported speech: "NAME said/told X that CLAUSE", "NAME said CLAUSE",
//! "…, according to SOURCE", "…, she said", "…, says official", "NAME has denied the reports,
//! insisting that …", "ORG reports that …", and a frame in the middle ("The museum, Mr. Obama
//! said, would make …": the text is both parts joined by a space, the span runs from the
//! first word to the last). A sentence may hold several: a coordinated or participial speech
//! verb after the first report starts another with the same subject ("… said he didn’t
//! believe …, arguing that …"). In a sentence with a direct quote, only a report after "that"
//! or a participle that does not overlap the quote is taken ("“…,” he said, adding that …"),
//! or a report whose own words hold the quotes ("Flynn said Trump was “absolutely right”
//! when …", "Clinton says it means Trump “may not have paid a dime” in …"): that is one
//! statement, partly quoted, and the report replaces the quotes it holds. A report starting
//! at its quote is that quote's frame, not such a report, unless "that" introduces it.
//!
//! The speaker is the subject of the speech verb: a person or organisation mention (with an
//! appositive role: "Dmitry Peskov, a prominent spokesperson for …, said"), a role noun phrase
//! ("a spokesperson for Chechnya's Russian-backed leader, Ramzan Kadyrov" → "spokesperson for
//! Ramzan Kadyrov"; "a Russian Embassy official" → "Russian Embassy official"), or a pronoun.
//! A role noun and titles before a name are that person's role ("Tulsa police Chief Chuck
//! Jordan": Chuck Jordan). A subject that names no one ("the agency said", "according to the
//! new poll", "according to show insiders") is kept as the speaker mention, with no speaker;
//! but "the NOUN" for an organisation noun ("the commission", "the fund") is the document's
//! organisation named earlier with that noun in its name ("Commission on Presidential
//! Debates"), when there is one: a resolution, like a pronoun's, not a guess. Every speaker
//! mention comes with its byte span.
//! A possessive name is not the subject ("Donald Trump’s obsession …, lawmakers said").
//! Pronouns ("he", also "He’s") resolve to the most recent compatible earlier speaker
//! (he/she: a person or a single role, gender-checked by given name, by an honorific before
//! any of the document's mentions of the name ("Mr. Obama") or by an earlier "she"
//! resolved to them, within eight sentences; they: a plural role within four; it: an
//! organisation within four). A name whose given name has the pronoun's gender, mentioned
//! outside quotes in the last two sentences after a speaker of unknown gender or name (or with
//! no earlier speaker at all), wins, but only when it is the one such name there. Definite
//! role nouns ("The spokesperson", "the experts", "The region’s leader") resolve to the most
//! recent earlier phrase with the same role noun.
//! With no speaker in reach and no such name, "he"/"she" is the person opening the sentence
//! before as its subject (or before a run of sentences opening with the same pronoun). A
//! speech verb's subject is the comma chunk right before it when the sentence's first subject
//! has a clause of its own ("Lenox was a juggernaut, Mr. Clarke said, until …"); a place
//! speaks only as the whole subject ("Even China, …, said").
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
    /// Words inside quote marks, or a paragraph set off by "NAME said:" before it.
    Direct,
    /// Reported speech ("said that ...", "according to ...").
    Indirect,
}

/// One quote in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteMention {
    /// The quoted words (without the quote marks for direct quotes). A direct quote spanning
    /// paragraphs, or reported speech around a mid-sentence frame, has its parts joined by a
    /// single space.
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
    /// Byte span of `speaker_mention`.
    pub speaker_span: Option<Span>,
    /// Role or organisation of the speaker as stated ("a prominent spokesperson for Russian
    /// president Vladimir Putin").
    pub speaker_role: Option<String>,
    /// The reporting verb or cue ("said", "added", "told MailOnline", "according to").
    pub cue: Option<String>,
}

/// Words of a direct quote below which it needs a tight speech frame to count.
const MIN_QUOTE_WORDS: usize = 4;

/// Tokens after a quote within which its frame's verb is looked for: the speaker may come
/// with a long appositive ("''…,'' Leonard E. Burman, director of the centrist
/// Urban-Brookings Tax Policy Center and a professor at the Maxwell School of Syracuse
/// University, said").
const MAX_APPOSITIVE_TOKENS: usize = 30;

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
    resolver.drop_quoted(&raws.iter().map(RawQuote::span).collect::<Vec<_>>());
    let long: Vec<&RawQuote> = raws.iter().filter(|q| q.words >= MIN_QUOTE_WORDS).collect();
    let mut out: Vec<QuoteMention> = Vec::new();
    // The last attributed direct quote: its paragraph, the quote and its speaker's kind.
    let mut last_direct: Option<(usize, QuoteMention, Option<HistKind>)> = None;
    let mut covered: Vec<Span> = long
        .iter()
        .map(|q| Span::new(q.open.start, q.after()))
        .collect();
    // Reports holding direct quotes in their words.
    let mut holders: Vec<Span> = Vec::new();
    for pos in 0..d.sents.len() {
        let opening: Vec<&RawQuote> = raws
            .iter()
            .filter(|q| d.sent_at(q.open.start).unwrap_or(0) == pos)
            .collect();
        for q in opening {
            if let Some((mut m, mut said)) = attribute_direct(&d, &resolver, pos, q, &long) {
                if m.speaker_mention.is_none() {
                    if let Some((prev, kind)) = continued(&d, &raws, &last_direct, pos, q) {
                        m.speaker.clone_from(&prev.speaker);
                        m.speaker_mention.clone_from(&prev.speaker_mention);
                        m.speaker_span = prev.speaker_span;
                        m.speaker_role.clone_from(&prev.speaker_role);
                        m.cue.clone_from(&prev.cue);
                        said = kind;
                    }
                }
                if m.speaker_mention.is_some() {
                    last_direct = Some((d.sents[pos].paragraph, m.clone(), said));
                } else {
                    last_direct = None;
                }
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
        if let Some((m, kind)) = block_quote(&d, &resolver, pos, &raws) {
            covered.push(m.span);
            resolver.history.push(Said {
                pos: d.sent_at(m.span.start).unwrap_or(pos),
                speaker: m.speaker.clone(),
                kind,
            });
            out.push(m);
        }
        // Reported speech beside the sentence's direct quotes, never over them ("“…,” X said,
        // adding that …").
        let overlaps = |span: Span| {
            covered
                .iter()
                .any(|c| c.start < span.end && span.start < c.end)
        };
        // Beside a direct quote, only a clause after "that": the rest of the quote's frame
        // ("said Alan Cole, an economist at …", "said in an interview") is not a report.
        let quoted = overlaps(d.sents[pos].span);
        let after_that = |m: &QuoteMention| {
            let before = d.slice(d.sents[pos].span.start, m.span.start).trim_end();
            let last = before.rsplit(' ').next().unwrap_or("");
            last.eq_ignore_ascii_case("that")
                || (last.ends_with("ing") && frame::verb_class(last).is_some())
        };
        // A report whose own words hold the sentence's direct quotes ("Flynn said Trump was
        // “absolutely right” when …", "Johnson tells MSNBC that “exactly who did it” remains
        // under investigation"): a quote inside reported speech, not a quote's frame. Its
        // quotes lie within it and at least two of its words are outside them.
        let holds_quotes = |m: &QuoteMention| {
            let inner: Vec<&Span> = covered
                .iter()
                .filter(|c| c.start < m.span.end && m.span.start < c.end)
                .collect();
            let within = inner.iter().all(|c| {
                !d.slice(c.start, m.span.start)
                    .chars()
                    .any(char::is_alphanumeric)
                    && !d
                        .slice(m.span.end, c.end)
                        .chars()
                        .any(char::is_alphanumeric)
            });
            let outside = dossier_text::tokens(d.slice(m.span.start, m.span.end), m.span.start)
                .iter()
                .filter(|t| {
                    !inner
                        .iter()
                        .any(|c| c.start <= t.span.start && t.span.end <= c.end)
                })
                .count();
            // A report starting at its quote is the quote's own frame around it ("“Our
            // assumption is …,” Senate Majority Leader Mitch McConnell said Tuesday"), unless
            // "that" introduces it.
            let opens_quoted = inner.iter().any(|c| c.start <= m.span.start);
            let introduced = || {
                let before = d.slice(d.sents[pos].span.start, m.span.start);
                let before = before.trim_end_matches(|c: char| !c.is_alphanumeric());
                before
                    .rsplit(' ')
                    .next()
                    .unwrap_or("")
                    .eq_ignore_ascii_case("that")
            };
            // Its subject is not quoted words ("“I think Lester Holt will be very fair,”
            // Trump said during a rally, “but …”"), nor inside it (a report holding its own
            // frame: "Lamenting their luck, Mexicans often say, ''Poor Mexico, …''").
            let quoted_subject = m.speaker_span.is_some_and(|sp| {
                covered
                    .iter()
                    .any(|c| c.start <= sp.start && sp.end <= c.end)
                    || (m.span.start <= sp.start && sp.end <= m.span.end)
            });
            !inner.is_empty()
                && within
                && outside >= 2
                && (!opens_quoted || introduced())
                && !quoted_subject
        };
        let mut from = 0;
        let mut shared: Option<Subject> = None;
        while let Some((m, kind, next)) = indirect(&d, &resolver, pos, from, shared.as_ref()) {
            // A coordinated or participial report after this one shares its subject.
            shared = m.speaker_span.map(|span| Subject {
                speaker: m.speaker.clone(),
                mention: m.speaker_mention.clone().unwrap_or_default(),
                mention_span: span,
                role: m.speaker_role.clone(),
                kind,
                before: None,
            });
            if !holds_quotes(&m) && (overlaps(m.span) || (quoted && !after_that(&m))) {
                // The report after the rejected one: "“…,” he told the group, adding that …".
                let s = &d.sents[pos];
                let after = d.tok_range(s, m.span.end, s.span.end).0;
                match next.or_else(|| second_report(&d, s, after.saturating_sub(1), s.toks.len())) {
                    Some(t) if t > from => {
                        from = t;
                        continue;
                    }
                    _ => break,
                }
            }
            let mut m = m;
            if holds_quotes(&m) {
                // A report opening with its quote keeps the opening mark, as it keeps the
                // closing one.
                let mut start = m.span.start;
                if let Some(c) = d.text[..start].chars().next_back() {
                    if matches!(c, '“' | '"') {
                        start -= c.len_utf8();
                    }
                }
                // And a quote it ends with, up to its closing mark ("… was “unhinged, even
                // for him.”").
                let end = covered
                    .iter()
                    .filter(|c| c.start < m.span.end && m.span.start < c.end)
                    .map(|c| c.end)
                    .fold(m.span.end, usize::max);
                m.span = Span::new(start, end);
                m.text = d.slice(start, end).to_string();
                holders.push(m.span);
            }
            resolver.history.push(Said {
                pos,
                speaker: m.speaker.clone(),
                kind,
            });
            out.push(m);
            match next {
                Some(t) if t > from => from = t,
                _ => break,
            }
        }
    }
    // A direct quote inside a report is part of that one statement, which the report gives
    // whole ("Clinton says it means Trump “may not have paid a dime” in …").
    out.retain(|q| {
        q.kind != QuoteKind::Direct
            || !holders
                .iter()
                .any(|h| h.start <= q.span.start && q.span.end <= h.end)
    });
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out
}

/// The attributed quote a quote without a frame continues: the quote right before it in the
/// same paragraph (no other quote in between, at most a short frame sentence between them):
/// `“…,” Graham said. “But when you’re campaigning …”`.
fn continued<'q>(
    d: &Doc<'_>,
    raws: &[RawQuote],
    last: &'q Option<(usize, QuoteMention, Option<HistKind>)>,
    pos: usize,
    q: &RawQuote,
) -> Option<(&'q QuoteMention, Option<HistKind>)> {
    let (para, prev, kind) = last.as_ref()?;
    if *para != d.sents[pos].paragraph || prev.kind != QuoteKind::Direct {
        return None;
    }
    let gap_start = prev.span.end;
    if gap_start >= q.open.start
        || raws.iter().any(|o| {
            o.open.start > gap_start && o.open.start < q.open.start && o.words >= MIN_QUOTE_WORDS
        })
    {
        return None;
    }
    let between = d.slice(gap_start, q.open.start);
    // The previous quote's frame and nothing else: one short sentence, or the one sentence
    // holding the previous speaker with a long appositive (`''…,'' said Douglas Holtz-Eakin,
    // an economist who served as director of …. ''It's anti-reform.''`).
    let short = between.len() <= 120 && between.matches(['.', '!', '?']).count() <= 2;
    let frame_only = between.len() <= 400
        && prev
            .speaker_span
            .is_some_and(|sp| sp.start >= gap_start && sp.end <= q.open.start)
        && d.sent_at(q.open.start).unwrap_or(0) <= d.sent_at(gap_start).unwrap_or(0) + 1;
    if !short && !frame_only {
        return None;
    }
    Some((prev, *kind))
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
    // A short quote after a preposition or a possessive is a title, not speech ("On this
    // weekend’s broadcast of “Fox News Sunday,” …", "on CBS's "Face the Nation,"").
    if q.words < MIN_QUOTE_WORDS && pb > pa {
        let before = s.toks[pb - 1].text.to_lowercase();
        if matches!(before.as_str(), "of" | "on" | "in" | "at" | "from")
            || before.ends_with("’s")
            || before.ends_with("'s")
        {
            return None;
        }
    }
    let mut frame = after_frame(d, r, q, long);
    if frame.is_none() {
        frame = before_frame(d, r, pos, pa, pb, q);
    }
    if frame.is_none() {
        frame = end_frame(d, r, q);
    }
    if frame.is_none() {
        frame = dash_frame(d, q);
    }
    if frame.is_none() {
        frame = intro_frame(d, r, pos, q);
    }
    if frame.is_none() {
        frame = headline_frame(d, pos, q);
    }
    if frame.is_none() {
        frame = transcript_frame(d, q);
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
        speaker_span: frame
            .as_ref()
            .and_then(|f| f.subject.as_ref().map(|s| s.mention_span)),
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
    let mut pos = d.sent_at(close.start)?;
    let before_close = d.slice(q.span().end, close.start).trim();
    // The last mark inside the quote, past a nested quote's closing mark (`‘miracles,’”`).
    let inner = d
        .text
        .get(..close.start)?
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '’' | '\''))
        .chars()
        .next_back();
    // A quote ending in "?" or "!" ends its sentence for the splitter: its frame is the
    // next sentence of the paragraph (`“… the Republican Party is?” Graham asked.`).
    if d.slice(close.end, d.sents[pos].span.end).trim().is_empty()
        && matches!(inner, Some('?' | '!' | ','))
    {
        let next = d.sents.get(pos + 1)?;
        if next.paragraph != d.sents[pos].paragraph
            || !d.slice(close.end, next.span.start).trim().is_empty()
        {
            return None;
        }
        pos += 1;
    }
    let s = &d.sents[pos];
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
    // Up to a long appositive: `“…,” Scott Pruitt, the Republican attorney general of
    // Oklahoma, one of the states suing the EPA, said`.
    // Far from the quote, only as the end of an appositive ("…, said"); never a noun ("one
    // of the states suing").
    let v = (sa..sb.min(sa + MAX_APPOSITIVE_TOKENS)).find(|&k| {
        frame::verb_class(s.toks[k].text).is_some()
            && s.toks[k]
                .text
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            && (k <= sa + 8 || d.gap(s, k - 1).contains(','))
            && !(k > sa
                && matches!(
                    s.toks[k - 1].text.to_lowercase().as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "these"
                        | "those"
                        | "this"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                        | "our"
                        | "my"
                        | "your"
                ))
    })?;
    // The subject must be right there: no sentence punctuation in between.
    let between = d.slice(close.end, s.toks[v].span.start);
    if between.contains([';', '“', '"']) || frame::has_full_stop(between) {
        return None;
    }
    let subject = if v == sa {
        // Inverted: "said Mr Smith".
        let mut e = v + 1;
        while e < sb
            && !d.gap(s, e - 1).contains([',', ';'])
            && !frame::has_full_stop(d.slice(s.toks[e - 1].span.start, s.toks[e].span.start))
        {
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

/// `“…” for criminal behavior, she said.`: the sentence the quote closes in ends with a
/// comma and SUBJECT VERB (a few words, nothing after but an object of "told").
fn end_frame(d: &Doc<'_>, r: &Resolver, q: &RawQuote) -> Option<Frame> {
    let close = q.close?;
    let pos = d.sent_at(close.start)?;
    let s = &d.sents[pos];
    let (sa, n) = d.tok_range(s, close.end, s.span.end);
    if sa >= n || d.slice(close.end, s.span.end).contains(['“', '"', ';']) {
        return None;
    }
    // The last comma chunk.
    let mut c = n - 1;
    while c > sa && !d.gap(s, c - 1).contains(',') {
        c -= 1;
    }
    if c == sa && !d.slice(close.end, s.toks[sa].span.start).contains(',') {
        return None;
    }
    let v = (c..n).find(|&k| frame::speech_verb_at(d, s, k).is_some())?;
    let class = frame::speech_verb_at(d, s, v)?;
    if v == c || n - c > 7 || (class != Verb::Tell && v + 1 != n) {
        return None;
    }
    let subject = parse_subject(d, r, pos, c, v, Mode::Backward)?;
    Some(Frame {
        subject: Some(subject),
        cue: cue_text(d, pos, v, n),
        tight: true,
    })
}

/// `“…” ― Pamela Padilla`: a quote signed with a dash and a name that end its paragraph.
fn dash_frame(d: &Doc<'_>, q: &RawQuote) -> Option<Frame> {
    let close = q.close?;
    let pos = d.sent_at(close.start)?;
    let para = d.sents[pos].paragraph;
    let end = d.sents[pos..]
        .iter()
        .take_while(|s| s.paragraph == para)
        .last()?
        .span
        .end;
    let rest = d.slice(close.end, end);
    let after_ws = rest.trim_start();
    let dash = after_ws.chars().next()?;
    if !matches!(dash, '―' | '—' | '–' | '-') {
        return None;
    }
    let from = close.end + (rest.len() - after_ws.len()) + dash.len_utf8();
    let tail = d.slice(from, end);
    let name = tail.trim().trim_end_matches(['.', ',']).trim_end();
    let words: Vec<&str> = name.split_whitespace().collect();
    let particle = |w: &str| matches!(w, "de" | "del" | "la" | "van" | "von" | "da" | "di" | "bin");
    let name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '’' | '\''))
    };
    if words.is_empty()
        || words.len() > 5
        || !words.iter().all(|w| name_word(w) || particle(w))
        || words
            .iter()
            .all(|w| w.chars().all(|c| c.is_uppercase() || c == '.'))
    {
        return None;
    }
    let start = from + (tail.len() - tail.trim_start().len());
    Some(Frame {
        subject: Some(frame::name_subject(d, Span::new(start, start + name.len()))),
        cue: dash.to_string(),
        tight: true,
    })
}

/// A quote opening its paragraph, introduced by the paragraph before: `Caddell continued:`,
/// `The New York Times reports:`, `He said:`.
fn intro_frame(d: &Doc<'_>, r: &Resolver, pos: usize, q: &RawQuote) -> Option<Frame> {
    let s = &d.sents[pos];
    let first = d.sents[..=pos]
        .iter()
        .rposition(|o| o.paragraph != s.paragraph)
        .map_or(0, |i| i + 1);
    if !d
        .slice(d.sents[first].span.start, q.open.start)
        .trim()
        .is_empty()
        || first == 0
    {
        return None;
    }
    let ppos = first - 1;
    let p = &d.sents[ppos];
    if !d.slice(p.span.start, p.span.end).trim_end().ends_with(':') {
        return None;
    }
    let n = p.toks.len();
    let v = (n.saturating_sub(4)..n).rev().find(|&k| {
        frame::speech_verb_at(d, p, k).is_some()
            && (k + 1 == n || frame::verb_class(p.toks[k].text) == Some(Verb::Tell))
    })?;
    let subject = parse_subject(d, r, ppos, 0, v, Mode::Backward)?;
    Some(Frame {
        subject: Some(subject),
        cue: cue_text(d, ppos, v, n),
        tight: true,
    })
}

/// A paragraph without quote marks set off by a paragraph ending "NAME VERB:" (sentence
/// `pos`): the speaker's words as a block ("Limbaugh added:" then "And from a supposed
/// front-runner, Hillary Clinton, this reeks of …"). The whole next paragraph, when no quote
/// mark is in it (a paragraph opening with a quote is `intro_frame`'s).
fn block_quote(
    d: &Doc<'_>,
    r: &Resolver,
    pos: usize,
    raws: &[RawQuote],
) -> Option<(QuoteMention, HistKind)> {
    let p = &d.sents[pos];
    let next = d.sents.get(pos + 1)?;
    if next.paragraph == p.paragraph || !d.slice(p.span.start, p.span.end).trim_end().ends_with(':')
    {
        return None;
    }
    let last = d.sents[pos + 1..]
        .iter()
        .take_while(|o| o.paragraph == next.paragraph)
        .last()?;
    let span = Span::new(next.span.start, last.span.end);
    if raws
        .iter()
        .any(|q| q.open.start < span.end && span.start < q.after())
    {
        return None;
    }
    let n = p.toks.len();
    let v = (n.saturating_sub(4)..n).rev().find(|&k| {
        frame::speech_verb_at(d, p, k).is_some()
            && (k + 1 == n || frame::verb_class(p.toks[k].text) == Some(Verb::Tell))
    })?;
    let subject = parse_subject(d, r, pos, 0, v, Mode::Backward)?;
    // The frame must be the whole paragraph's sentence: "Limbaugh added:", not a clause
    // ending a longer report.
    if subject.before.is_some() {
        return None;
    }
    let text = d.slice(span.start, span.end).trim_end().to_string();
    if dossier_text::tokens(&text, 0).len() < MIN_QUOTE_WORDS {
        return None;
    }
    let kind = subject.kind;
    Some((
        QuoteMention {
            span: Span::new(span.start, span.start + text.len()),
            text,
            sentence: next.index,
            kind: QuoteKind::Direct,
            speaker: subject.speaker,
            speaker_mention: Some(subject.mention),
            speaker_span: Some(subject.mention_span),
            speaker_role: subject.role,
            cue: Some(cue_text(d, pos, v, n)),
        },
        kind,
    ))
}

/// A quoted transcript turn that names its speaker in capitals first (`“WALLACE: Let’s start
/// with breaking news …”`), when a person of the document has that name (case aside): not a
/// label ("NOTE:").
fn transcript_frame(d: &Doc<'_>, q: &RawQuote) -> Option<Frame> {
    let text = d.slice(q.span().start, q.span().end);
    let colon = text.find(':')?;
    let name = &text[..colon];
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 3
        || !words
            .iter()
            .all(|w| w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.'))
    {
        return None;
    }
    let last = words.last()?.to_lowercase();
    // The person whose surname it is ("PENCE": Mike Pence).
    let person = d.entities.iter().find(|e| {
        e.kind == EntityKind::Person
            && e.text
                .split_whitespace()
                .last()
                .is_some_and(|w| w.to_lowercase() == last)
    })?;
    let start = q.span().start + (name.len() - name.trim_start().len());
    let span = Span::new(start, q.span().start + name.trim_end().len());
    let mut subject = frame::name_subject(d, span);
    subject.speaker = Some(d.canonical(&person.text));
    Some(Frame {
        subject: Some(subject),
        cue: ":".to_string(),
        tight: true,
    })
}

/// A quote in a headline that names its speaker first: `Sanders: Clinton needs to 'get away
/// from all of this personality stuff' with Trump.`
fn headline_frame(d: &Doc<'_>, pos: usize, q: &RawQuote) -> Option<Frame> {
    let s = &d.sents[pos];
    if s.paragraph != d.sents[0].paragraph || s.toks.len() > 30 {
        return None;
    }
    let colon = (0..s.toks.len().min(4)).find(|&k| d.gap(s, k).contains(':'))?;
    if s.toks[colon].span.end > q.open.start || !s.toks[..=colon].iter().all(frame::name_like) {
        return None;
    }
    let span = Span::new(s.toks[0].span.start, s.toks[colon].span.end);
    Some(Frame {
        subject: Some(frame::name_subject(d, span)),
        cue: ":".to_string(),
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
    let lead_in_after = |k: usize| {
        let between = d.slice(s.toks[k].span.end, q.open.start);
        between.trim_end().ends_with([':', ',']) || between.trim().is_empty()
    };
    // "According to Limbaugh, “…”".
    if pb >= pa + 3
        && s.toks[pa].text.eq_ignore_ascii_case("according")
        && s.toks[pa + 1].text == "to"
        && lead_in_after(pb - 1)
    {
        let subject = parse_subject(d, r, pos, pa + 2, pb, Mode::Forward)
            .or_else(|| frame::bare_source(d, pos, pa + 2, pb));
        if subject.is_some() {
            return Some(Frame {
                subject,
                cue: "according to".to_string(),
                tight: true,
            });
        }
    }
    // A verb that reports speech only right before it ("She continued, “…”", "Zero Hedge
    // asked, “…”").
    if pb > pa
        && speech_verb_at(d, s, pb - 1) == Some(Verb::Post)
        && !frame::relative_subject(s, pb - 1)
        && lead_in_after(pb - 1)
    {
        if let Some(subject) = parse_subject(d, r, pos, pa, pb - 1, Mode::Forward) {
            return Some(Frame {
                subject: Some(subject),
                cue: s.toks[pb - 1].text.to_string(),
                tight: true,
            });
        }
    }
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
    // "told the forum he was “totally against …”": a tell verb's object, then the clause.
    let loose = !after.is_empty()
        && (after[0] == "that"
            || class == Verb::Say
            || after.contains(&"that")
            || (class == Verb::Tell && after.len() >= 2));
    if !tight && !loose {
        return None;
    }
    let _ = q;
    // "So when Patriot signaled … a deal with Mr. Clarke, Mr. Barrett said, “we were
    // floored.”": the speaker is the chunk before the verb, not a name in the clause before.
    let first = parse_subject(d, r, pos, pa, v, Mode::Forward);
    let subject = last_chunk_subject(d, r, pos, pa, v, first.as_ref()).or(first);
    Some(Frame {
        subject,
        cue: cue_text(d, pos, v, pb),
        tight,
    })
}

/// The subject of the comma chunk right before speech verb `v` (tokens from `a` on), when the
/// subject parsed from `a` (`first`) is followed by a clause of its own ("Lenox was a
/// juggernaut, Mr. Clarke said"), not by the comma of an appositive ("Trump, the Republican
/// nominee, said": the subject stays Trump). `None` when there is no such chunk.
fn last_chunk_subject(
    d: &Doc<'_>,
    r: &Resolver,
    pos: usize,
    a: usize,
    v: usize,
    first: Option<&Subject>,
) -> Option<Subject> {
    let s = &d.sents[pos];
    let c = (a + 1..v).rev().find(|&k| d.gap(s, k - 1).contains(','))?;
    // Quoted words before it are a quote this is the frame of, handled as such ("“I think
    // Lester Holt will be very fair,” Trump said during a rally …").
    if d.slice(s.toks[a].span.start, s.toks[c].span.start)
        .contains(['“', '”', '"'])
    {
        return None;
    }
    let clause_before = first.is_none_or(|sub| {
        let (b, e) = d.tok_range(s, sub.mention_span.start, sub.mention_span.end);
        let after = (e..c)
            .take_while(|&k| !d.gap(s, k - 1).contains(','))
            .count();
        // Back to a comma or a clause boundary ("ABC News reports that Dmitry Peskov, a
        // prominent spokesperson for … said:" is the appositive case).
        let before = (a..b)
            .rev()
            .take_while(|&k| {
                !d.gap(s, k).contains(',') && !frame::BOUNDARY.contains(&s.toks[k].text)
            })
            .count();
        e <= c && (after >= 2 || before >= 4)
    });
    if !clause_before {
        return None;
    }
    parse_subject(d, r, pos, c, v, Mode::Forward)
}

/// The start of a second report inside a reported clause: a coordinated or participial speech
/// verb ("… and said she would stand up to the attacks", "…, adding that …", "— and he noted
/// that …"), searched in tokens `[a, b)` of `s`.
fn second_report(d: &Doc<'_>, s: &frame::Sent<'_>, a: usize, b: usize) -> Option<usize> {
    let toks = &s.toks;
    let verb = |k: usize| {
        k + 1 < b
            && speech_verb_at(d, s, k).is_some_and(|c| c != Verb::Post)
            && !frame::relative_subject(s, k)
    };
    (a + 2..b).find(|&t| {
        let conj =
            matches!(toks[t].text, "and" | "but") || d.gap(s, t - 1).contains([';', '—', '–']);
        // "and said", "and he noted", "but Fowler said" (a subject of at most two words).
        let coordinated = conj && (t..b.min(t + 4)).any(verb);
        // ", adding that …", ", saying …".
        let participle = d.gap(s, t - 1).contains(',') && toks[t].text.ends_with("ing") && verb(t);
        coordinated || participle
    })
}

/// Reported speech in sentence `pos` from token `from` on (the first search starts at 0; a
/// second report in the same sentence starts where the first was cut), with the subject of
/// the previous report of the sentence for a coordinated verb that shares it ("Authorities
/// announced … and said a curfew would continue"). Returns the report, its speaker's kind,
/// and where the next report of the sentence starts, if one does.
fn indirect(
    d: &Doc<'_>,
    r: &Resolver,
    pos: usize,
    from: usize,
    shared: Option<&Subject>,
) -> Option<(QuoteMention, HistKind, Option<usize>)> {
    let s = &d.sents[pos];
    let toks = &s.toks;
    let n = toks.len();
    let make = |subject: Subject,
                cue: String,
                a: usize,
                b: usize|
     -> Option<(QuoteMention, HistKind, Option<usize>)> {
        let mut b = b.min(n);
        let mut a = a;
        while a < b && matches!(toks[a].text, "that" | "and" | "but") && a + 1 < b {
            a += 1;
        }
        if a >= b {
            return None;
        }
        let next = second_report(d, s, a, b);
        if let Some(t) = next {
            b = t;
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
                speaker_span: Some(subject.mention_span),
                speaker_role: subject.role,
                cue: Some(cue),
            },
            kind,
            next,
        ))
    };
    // The subject before verb `v`: parsed from `from`, or the shared one when only a
    // conjunction or an adverb stands between.
    let subject_before = |v: usize| -> Option<Subject> {
        parse_subject(d, r, pos, from, v, Mode::Forward).or_else(|| {
            let bare = v - from <= 2
                && toks[from..v].iter().all(|t| {
                    t.text.chars().next().is_some_and(char::is_lowercase)
                        && frame::pronoun_word(t).is_none()
                });
            shared.filter(|_| from > 0 && bare).cloned()
        })
    };

    // "…, according to SOURCE" / "According to SOURCE, …"
    if let Some(k) = (from..n.saturating_sub(1))
        .find(|&k| toks[k].text.eq_ignore_ascii_case("according") && toks[k + 1].text == "to")
    {
        let mut e = k + 2;
        while e < n && !d.gap(s, e - 1).contains([',', ';']) {
            e += 1;
        }
        let e = e.min(n);
        let subject = parse_subject(d, r, pos, k + 2, e, Mode::Forward)
            .or_else(|| frame::bare_source(d, pos, k + 2, e));
        if let Some(subject) = subject {
            let cue = "according to".to_string();
            return if k == from {
                make(subject, cue, e, n)
            } else {
                make(subject, cue, from, k)
            };
        }
    }

    // The subject of a speech verb whose report was too short, for the verb coordinated with
    // it.
    let mut coordinated_subject: Option<Subject> = None;
    for v in from..n {
        let Some(class) = speech_verb_at(d, s, v) else {
            continue;
        };
        if class == Verb::Post || frame::relative_subject(s, v) {
            continue;
        }
        let ends_after =
            |e: usize| e >= n || d.slice(toks[e - 1].span.end, s.span.end).trim().is_empty();
        // Inverted at the end: "…, says official".
        if v > from && d.gap(s, v - 1).contains(',') && n - v <= 6 {
            if let Some(subject) = parse_subject(d, r, pos, v + 1, n, Mode::Forward) {
                return make(subject, toks[v].text.to_string(), from, v);
            }
        }
        // Inverted, with a long appositive: "…, said Mr. Barrett, the lawyer for West
        // Virginia's environmental protection agency." The name must follow the verb
        // (a title at most between them) and end at a comma or the sentence's end.
        // Only "say" verbs invert ("…, told his advisers to …": an object, not a subject).
        if v > from && d.gap(s, v - 1).contains(',') && n - v > 6 && class == Verb::Say {
            if let Some(subject) = parse_subject(d, r, pos, v + 1, n, Mode::Forward) {
                let (a, e) = d.tok_range(s, subject.mention_span.start, subject.mention_span.end);
                let named = subject.speaker.is_some()
                    && matches!(subject.kind, HistKind::Person(_) | HistKind::Org);
                let next_to_verb =
                    a > v && a <= v + 3 && !(v..a).any(|k| d.gap(s, k).contains(','));
                let closed = e >= n || d.gap(s, e - 1).contains(',');
                if named && next_to_verb && closed && frame::pronoun_word(&toks[a]).is_none() {
                    return make(subject, toks[v].text.to_string(), from, v);
                }
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
            if let Some(subject) = parse_subject(d, r, pos, from, v, Mode::Backward) {
                if let Some(before) = subject.before {
                    let (_, b) = d.tok_range(s, before.start, before.end);
                    let cue = cue_text(d, pos, v, n);
                    return make(subject, cue, from, b);
                }
            }
            continue;
        }
        let subject = subject_before(v).or_else(|| {
            coordinated_subject
                .clone()
                .filter(|_| v > 0 && toks[v - 1].text == "and")
        });
        // A frame in the middle whose subject is the comma chunk right before the verb,
        // after a clause with a subject of its own ("Lenox was a juggernaut, Mr. Clarke said,
        // until …"; "It would likely take two to three weeks …, he said, and …").
        // Not for a participle, whose subject is the sentence's ("Hillary Clinton spoke out …
        // in Tulsa, Oklahoma, arguing that …").
        let last_chunk = if from == 0 && !toks[v].text.ends_with("ing") {
            last_chunk_subject(d, r, pos, 0, v, subject.as_ref())
        } else {
            None
        };
        if let Some(sub) = &last_chunk {
            if let Some(m) = mid_sentence(d, pos, v, sub) {
                return Some((m, sub.kind, None));
            }
        }
        // Otherwise too the verb's subject is the chunk right before it when the first
        // subject has a clause of its own ("Democrats … seized upon Mr. Trump's RT
        // appearance, in which he said he was skeptical …": he, not RT).
        let Some(subject) = last_chunk.or(subject) else {
            continue;
        };
        if from == 0 {
            if let Some(m) = mid_sentence(d, pos, v, &subject) {
                return Some((m, subject.kind, None));
            }
        }
        // "… that CLAUSE": the clause after the first "that" soon after the verb, before a
        // second report. Either right after the verb and its object (no comma in between), or
        // introduced by a second speech verb ("denied the reports, insisting that").
        let limit = second_report(d, s, v + 1, n).unwrap_or(n);
        let that = (v + 1..limit.min(v + 13)).find(|&t| {
            toks[t].text == "that"
                && (t - v <= if class == Verb::Tell { 8 } else { 6 }
                    && !(v..t).any(|k| d.gap(s, k).contains([',', ';', ':']))
                    || speech_verb_at(d, s, t - 1).is_some())
        });
        if let Some(t) = that {
            let cue_at = (v..t)
                .rev()
                .find(|&k| speech_verb_at(d, s, k).is_some())
                .unwrap_or(v);
            let cue = cue_text(d, pos, cue_at, t);
            // A later verb with a subject of its own in the chunk before it ("Back when he
            // wrote his book, Mr. McKinley said that …"): that subject's report.
            let subject = if cue_at > v {
                last_chunk_subject(d, r, pos, from, cue_at, Some(&subject)).unwrap_or(subject)
            } else {
                subject
            };
            return make(subject, cue, t + 1, n);
        }
        // "NAME said CLAUSE".
        // Too short a clause before a coordinated report ("He claimed vast wealth and said
        // it ensured …"): the next verb's report is the one.
        if class == Verb::Say && !d.gap(s, v).contains([',', ':', '.', ';']) {
            match make(subject.clone(), toks[v].text.to_string(), v + 1, n) {
                Some(found) => return Some(found),
                None => {
                    coordinated_subject = Some(subject);
                    continue;
                }
            }
        }
        // "NAME announced it would …": a verb that otherwise wants "that", right before a
        // clause that a pronoun and an auxiliary open (not an object: "announced it Friday").
        let clause_opens = |k: usize| {
            k + 1 < n
                && matches!(
                    toks[k].text.to_lowercase().as_str(),
                    "it" | "he" | "she" | "they" | "we"
                )
                && CLAUSE_AUX.contains(&toks[k + 1].text.to_lowercase().as_str())
        };
        if class == Verb::That && !d.gap(s, v).contains([',', ':', '.', ';']) && clause_opens(v + 1)
        {
            return make(subject, toks[v].text.to_string(), v + 1, n);
        }
        // Parenthetical: "CLAUSE, NAME told OUTLET, and …".
        if let Some(before) = subject.before {
            let (_, b) = d.tok_range(s, before.start, before.end);
            let cue = cue_text(d, pos, v, n);
            return make(subject, cue, from, b);
        }
    }
    None
}

/// Auxiliaries and modals after a pronoun that make it a clause's subject ("announced it
/// would …", "confirmed he had …").
const CLAUSE_AUX: &[&str] = &[
    "would", "will", "had", "has", "have", "was", "were", "is", "are", "could", "can", "may",
    "might", "should", "must", "did", "does", "do",
];

/// Words that start a second clause rather than the rest of the reported sentence
/// ("…, X told Y, and …").
const NOT_CONTINUATION: &[&str] = &[
    "and",
    "but",
    "or",
    "so",
    "adding",
    "saying",
    "noting",
    "according",
    "who",
    "which",
    "as",
    "while",
    "although",
    "because",
    "citing",
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
];

/// Reported speech around a frame in the middle of its sentence: "The museum, Mr. Obama said,
/// would make visitors face uncomfortable truths." (the text is both parts, joined by a space;
/// the span runs from the first word to the last).
fn mid_sentence(d: &Doc<'_>, pos: usize, v: usize, subject: &Subject) -> Option<QuoteMention> {
    let s = &d.sents[pos];
    let toks = &s.toks;
    let n = toks.len();
    // The subject's comma chunk, which must not open the sentence.
    let sub = toks.partition_point(|t| t.span.start < subject.mention_span.start);
    if sub >= v {
        return None;
    }
    let mut cs = sub;
    while cs > 0 && !d.gap(s, cs - 1).contains(',') {
        cs -= 1;
    }
    if cs == 0 || (cs..v).any(|k| d.gap(s, k).contains([';', ':', '“', '"', '(', '—'])) {
        return None;
    }
    // The frame ends at the first comma after the verb (an object or a time may come first:
    // "he said Saturday,").
    let close = (v..n.min(v + 5)).find(|&k| d.gap(s, k).contains(','))?;
    if (v + 1..=close).any(|k| {
        toks[k].text == "that"
            || frame::speech_verb_at(d, s, k).is_some()
            || d.gap(s, k - 1).contains(['.', ';', ':'])
    }) {
        return None;
    }
    // A verb with a direct object ("has denied the reports,") is a clause, not a frame.
    if close > v
        && matches!(
            toks[v + 1].text.to_lowercase().as_str(),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "these" | "those"
        )
    {
        return None;
    }
    let after = close + 1;
    let next = toks
        .get(after)
        .map(|t| t.text.to_lowercase())
        .unwrap_or_default();
    let first = Span::new(toks[0].span.start, toks[cs - 1].span.end);
    if n.saturating_sub(after) < 3
        || NOT_CONTINUATION.contains(&next.as_str())
        || next.ends_with("ing")
    {
        // A second clause follows the frame ("…, top black lawmakers said Friday afternoon,
        // as they bristled …"): the report is the part before it.
        if cs < 3 {
            return None;
        }
        return Some(QuoteMention {
            text: d.slice(first.start, first.end).to_string(),
            span: first,
            sentence: s.index,
            kind: QuoteKind::Indirect,
            speaker: subject.speaker.clone(),
            speaker_mention: Some(subject.mention.clone()),
            speaker_span: Some(subject.mention_span),
            speaker_role: subject.role.clone(),
            cue: Some(cue_text(d, pos, v, close + 1)),
        });
    }
    let mut end = toks[n - 1].span.end;
    if let Some(c) = d.text.get(end..).and_then(|t| t.chars().next()) {
        if matches!(c, '”' | '"' | '’') {
            end += c.len_utf8();
        }
    }
    let second = Span::new(toks[after].span.start, end);
    if dossier_text::tokens(d.slice(first.start, first.end), 0).len()
        + dossier_text::tokens(d.slice(second.start, second.end), 0).len()
        < 4
    {
        return None;
    }
    let text = format!(
        "{} {}",
        d.slice(first.start, first.end),
        d.slice(second.start, second.end)
    );
    Some(QuoteMention {
        text,
        span: Span::new(first.start, second.end),
        sentence: s.index,
        kind: QuoteKind::Indirect,
        speaker: subject.speaker.clone(),
        speaker_mention: Some(subject.mention.clone()),
        speaker_span: Some(subject.mention_span),
        speaker_role: subject.role.clone(),
        cue: Some(cue_text(d, pos, v, close + 1)),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn doc(text: &str) -> Document {
        Document::plain("t", text)
    }

    fn run(text: &str) -> Vec<QuoteMention> {
        let d = doc(text);
        let a = dossier_text::analyze(&d);
        let e = crate::entities::extract_entities(&d, &a);
        extract_quotes(&d, &a, &e)
    }

    fn find<'q>(qs: &'q [QuoteMention], prefix: &str) -> &'q QuoteMention {
        qs.iter()
            .find(|q| q.text.starts_with(prefix))
            .unwrap_or_else(|| panic!("no quote {prefix:?} in {qs:#?}"))
    }

    fn speaker<'q>(qs: &'q [QuoteMention], prefix: &str) -> Option<&'q str> {
        find(qs, prefix).speaker.as_deref()
    }

    // The sentences below are from PolNeAR dev articles (2016 US news), hand-checked.

    #[test]
    fn frame_after_a_clause_and_inverted_frame_with_a_long_appositive() {
        let t = "Mr. Clarke runs Lenox.\n\nLenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.\n\nWest Virginia officials felt comfortable with this arrangement because they could pressure Patriot's hedge fund lenders to contribute money to the trust for reclamation work, said Mr. Barrett, the lawyer for West Virginia's environmental protection agency.\n\nBut the new plan is still tilted toward the rich, the Tax Foundation said.";
        let qs = run(t);
        // The frame's subject is the chunk before the verb, not the clause's own subject.
        let q = find(&qs, "Lenox was a juggernaut");
        assert_eq!(q.speaker.as_deref(), Some("Clarke"));
        assert!(q.text.ends_with("until it went bankrupt in 1999"), "{q:#?}");
        let q = find(&qs, "West Virginia officials felt");
        assert_eq!(q.speaker_mention.as_deref(), Some("Mr. Barrett"));
        assert!(q.text.ends_with("for reclamation work"), "{q:#?}");
        // Not a tell verb's object: "told his advisers to …" names no speaker after it.
        let t = "Obama on Climate Change\n\nMr. Obama, who understood that a legislative push would be fruitless, told his advisers to figure out how to enact deep emissions cuts without Congress.";
        assert!(run(t)
            .iter()
            .all(|q| q.speaker.as_deref() != Some("advisers to Congress")));
        let qs = run(
            "Mr. Clarke runs Lenox.\n\nLenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.\n\nBut the new plan is still tilted toward the rich, the Tax Foundation said.",
        );
        // A leading "But" is not an introduction that hides the report.
        let q = qs
            .iter()
            .find(|q| q.text.contains("the new plan is still tilted"))
            .unwrap_or_else(|| panic!("no report in {qs:#?}"));
        assert_eq!(q.speaker.as_deref(), Some("Tax Foundation"));
        // Before a direct quote too: the chunk before the verb, not the clause's last name.
        let t = "Mr. Barrett works for the state.\n\nSo when Patriot signaled last summer that it was going to make a deal with Mr. Clarke, Mr. Barrett said, \"we were floored.\"\n\nFormer Pennsylvania Gov. Ed Rendell, who served as general chairman of the DNC during the 2000 election, agreed that the party’s vacancy rules should be modernized.";
        let qs = run(t);
        assert_eq!(speaker(&qs, "we were floored"), Some("Barrett"));
        // An appositive after the subject leaves the subject as it is.
        assert_eq!(
            speaker(&qs, "the party’s vacancy rules"),
            Some("Ed Rendell")
        );
    }

    #[test]
    fn frames_before_a_quote_with_according_to_or_a_verb_of_manner() {
        let t = "Rush Limbaugh: Hillary Asking Moderator To Fact Check Trump ‘Reeks of Fear.’\n\nAccording to Limbaugh, “[I]f it was left up to Hillary, she wouldn’t have time to say anything positive.”\n\nZero Hedge asked, “Wait, now it is 18.7% when Politi’fact’ said a year prior that Bernie’s 51% claim was ‘mostly true’? Interesting.”";
        let qs = run(t);
        let q = find(&qs, "[I]f it was left up to Hillary");
        assert_eq!(q.speaker.as_deref(), Some("Limbaugh"));
        assert_eq!(q.cue.as_deref(), Some("according to"));
        let q = find(&qs, "Wait, now it is 18.7%");
        assert_eq!(q.speaker.as_deref(), Some("Zero Hedge"));
        assert_eq!(q.cue.as_deref(), Some("asked"));
    }

    #[test]
    fn frame_after_a_quote_past_a_long_appositive() {
        let t = "''It has the important virtue of being fiscally responsible,'' Leonard E. Burman, director of the centrist Urban-Brookings Tax Policy Center and a professor at the Maxwell School of Syracuse University, said of Mrs. Clinton's plan. ''It doesn't make our long-term fiscal problems worse.''";
        let qs = run(t);
        assert_eq!(
            speaker(&qs, "It has the important virtue"),
            Some("Leonard E. Burman")
        );
        assert_eq!(speaker(&qs, "It doesn't make"), Some("Leonard E. Burman"));
    }

    #[test]
    fn coordinated_speech_verb_and_announced_before_a_pronoun_clause() {
        let t = "Old Hands Help Russia Navigate U.S.\n\nMr. Schultz generally supported Democrats during his time on MSNBC, which let him go in 2015, and said he did not support Mr. Trump, the presumed Putin favorite.\n\nWells Fargo just this month announced it would get rid of these incentives, beginning in January 2017.";
        let qs = run(t);
        assert_eq!(
            speaker(&qs, "he did not support Mr. Trump"),
            Some("Schultz")
        );
        let q = find(&qs, "it would get rid of these incentives");
        assert_eq!(q.speaker.as_deref(), Some("Wells Fargo"));
        assert_eq!(q.cue.as_deref(), Some("announced"));
    }

    #[test]
    fn too_short_a_clause_before_a_coordinated_report() {
        let t = "Ready for Trump vs. Clinton?\n\nDonald Trump was at the top of national and battleground Republican polls. He claimed vast wealth and said it ensured he was not beholden to special interests.";
        let qs = run(t);
        let q = find(&qs, "it ensured he was not beholden");
        assert_eq!(q.speaker_mention.as_deref(), Some("He"));
        assert_eq!(q.cue.as_deref(), Some("said"));
    }

    #[test]
    fn a_pronoun_resolves_to_the_subject_opening_the_sentence_before() {
        let t = "Retired General Reveals ‘Demoralizing’ Experience Of Serving Under Obama.\n\nRetired U.S. Air Force Gen. Norman Ham is speaking out ahead of the presidential election about the serious problems he has with the current commander in chief — and why he believes GOP nominee Donald Trump has the best plan to correct the American military’s current course.\n\nIn an interview with Trending Today USA with Rusty Humphries, Ham made it clear he had major misgivings about the armed forces under President Barack Obama at the time of his retirement two years ago.\n\n“Now that I don’t have to be politically correct anymore,” he told the host, “it was demoralizing to work for Obama.”";
        let qs = run(t);
        let q = find(&qs, "Now that I don’t have to be");
        assert_eq!(q.speaker_mention.as_deref(), Some("he"));
        assert_eq!(q.speaker.as_deref(), Some("Norman Ham"));
    }

    #[test]
    fn a_pronoun_goes_back_over_sentences_opening_with_it() {
        let t = "Hillary Clinton Goes After Donald Trump’s Wealth\n\n“Since then, we have certainly also argued that his business and economic policies expose him as a fraud,” said Fallon.\n\nOn Monday night, Clinton leaned in heavy and often, painting Trump as a Romney caricature. She started off by emphasizing economic fairness, and a need to raise the minimum wage and close corporate loopholes. She then peppered him with attacks on his biography and platform.\n\n“Why won’t he release his tax returns? I think there may be a couple of reasons,” she said.";
        let qs = run(t);
        let q = find(&qs, "Why won’t he release");
        assert_eq!(q.speaker_mention.as_deref(), Some("she"));
        assert_eq!(q.speaker.as_deref(), Some("Clinton"));
    }

    #[test]
    fn a_possessive_person_before_a_role_noun_is_whose_role_it_is() {
        let t = "House panel votes to hold Clinton IT aide in contempt\n\nBryan Pagliano set up the server.\n\nHowever, Pagliano's lawyer has said he will refuse to answer any questions from the oversight panel.";
        let qs = run(t);
        let q = find(&qs, "he will refuse to answer");
        assert_eq!(q.speaker_mention.as_deref(), Some("Pagliano's lawyer"));
        assert_eq!(q.speaker.as_deref(), Some("lawyer for Bryan Pagliano"));
    }

    #[test]
    fn a_later_verb_with_its_own_subject_before_that() {
        let t = "Small Steps Toward College Savings\n\nTHE BORROWING Back when he wrote his book, Mr. McKinley said that he considered debt a last resort.";
        let qs = run(t);
        let q = find(&qs, "he considered debt a last resort");
        assert_eq!(q.speaker_mention.as_deref(), Some("Mr. McKinley"));
        assert_eq!(q.cue.as_deref(), Some("said"));
    }

    #[test]
    fn a_role_with_an_appositive_name_and_honorific_is_that_person() {
        let t = "What Mexico Could Do When Up Against Trump\n\nThe minister of the economy, Mr. Guajardo Villarreal, argues there is little point for Mexico to respond now to Mr. Trump's threats.\n\n''We must not overreact to campaign rhetoric,'' he told me.";
        let qs = run(t);
        assert_eq!(
            speaker(&qs, "there is little point for Mexico"),
            Some("Guajardo Villarreal")
        );
        assert_eq!(
            speaker(&qs, "We must not overreact"),
            Some("Guajardo Villarreal")
        );
    }

    #[test]
    fn a_quoted_transcript_turn_names_its_speaker_in_capitals() {
        let t = "Pence: Gennifer Flowers Won’t Be at Debate\n\nRepublican vice-presidential nominee Gov. Mike Pence spoke on Sunday.\n\n\"PENCE: Well, the question really should be why was Hillary Clinton and her campaign inviting him.\"\n\n\"NOTE: The transcript was edited for length and clarity by the show.\"";
        let qs = run(t);
        assert_eq!(speaker(&qs, "PENCE: Well"), Some("Mike Pence"));
        // A label no person of the document bears names no one.
        assert!(qs
            .iter()
            .filter(|q| q.text.starts_with("NOTE"))
            .all(|q| q.speaker.is_none()));
    }

    #[test]
    fn an_introduction_without_a_comma_is_not_the_subject() {
        let t = "Trump’s East European Achilles Heel.\n\nDonald Trump’s recent gains in some polls in the Middle West and Florida may prove to be a transient phenomenon.\n\nIn a Bloomberg interview Trump declared “I think NATO may be obsolete.  ...  NATO was set up a long time ago, many, many years ago. Things are different now.”";
        let qs = run(t);
        assert_eq!(
            speaker(&qs, "I think NATO may be obsolete"),
            Some("Donald Trump")
        );
    }

    #[test]
    fn a_country_speaks_only_as_the_whole_subject() {
        let t = "Outrage but few options on the test\n\nEven China, Pyongyang's only ally and its economic lifeline to the outside world, said it was \"resolutely opposed\" to the test and warned North Korea to refrain from further actions that would worsen the situation.\n\nSpeaking at a rally in Novi, Michigan, Trump says he is making “a demand” of Obama.";
        let qs = run(t);
        assert_eq!(speaker(&qs, "it was \"resolutely opposed\""), Some("China"));
        // The place ending an introduction is not the speaker.
        let q = qs
            .iter()
            .find(|q| q.text.contains("he is making"))
            .unwrap_or_else(|| panic!("no report in {qs:#?}"));
        assert_ne!(q.speaker.as_deref(), Some("Michigan"));
    }

    #[test]
    fn a_short_quote_after_a_preposition_is_a_title_and_the_report_is_found() {
        let t = "Pence: Gennifer Flowers Won’t Be at Debate\n\nOn this weekend’s broadcast of “Fox News Sunday,” Republican vice-presidential nominee Gov. Mike Pence (R-IN) said his running mate presidential nominee Donald Trump’s tweet to invite Gennifer Flowers to Monday night’s debate was only “to mock” Hillary Clinton for inviting Trump critic Mark Cuban.";
        let qs = run(t);
        assert!(qs.iter().all(|q| q.text != "Fox News Sunday"), "{qs:#?}");
        let q = qs
            .iter()
            .find(|q| q.text.contains("tweet to invite Gennifer Flowers"))
            .unwrap_or_else(|| panic!("no report in {qs:#?}"));
        assert_eq!(q.speaker.as_deref(), Some("Mike Pence"));
    }

    #[test]
    fn a_paragraph_set_off_by_name_verb_colon_is_a_block_quote() {
        let t = "Rush Limbaugh: Hillary Asking Moderator To Fact Check Trump ‘Reeks of Fear.’\n\nLimbaugh added:\n\nAnd from a supposed front-runner, Hillary Clinton, this reeks of some of the greatest fear that I have ever seen. She can’t beat this guy without stacking the deck?\n\nThe campaign did not respond.";
        let qs = run(t);
        let q = find(&qs, "And from a supposed front-runner");
        assert_eq!(q.speaker.as_deref(), Some("Limbaugh"));
        assert!(q.text.ends_with("stacking the deck?"), "{q:#?}");
        // Only the paragraph right after the frame.
        assert!(qs.iter().all(|q| !q.text.contains("did not respond")));
    }

    #[test]
    fn a_place_ending_an_introduction_is_not_the_role_s_person() {
        let t = "De Blasio says Chelsea explosion was an 'intentional act.'\n\nTwenty-nine people were injured tonight in a densely packed Chelsea neighborhood by an explosion that Mayor Bill de Blasio described as “an intentional act.”\n\nAt a press conference in Chelsea, the mayor also said that it was too early to tell whether the explosion was caused by a bomb.\n\n(Having said that, there are some economists who argue that corporate taxes should be very little or nothing at all.)";
        let qs = run(t);
        let q = find(&qs, "it was too early to tell");
        assert_eq!(q.speaker_mention.as_deref(), Some("the mayor"));
        assert_ne!(q.speaker.as_deref(), Some("Chelsea"));
        // "Having said that" is a connective.
        assert!(qs
            .iter()
            .all(|q| q.speaker_mention.as_deref() != Some("Having")));
    }

    #[test]
    fn the_verb_s_subject_is_the_chunk_before_it_after_a_clause_but_not_for_a_participle() {
        let t = "Pence Gives GOP a Boost\n\nWriting for a Los Angeles Times panel that all agreed Pence won the debate, Mark Z. Barabak noted that the way Pence carried himself was critical to his success.\n\nHillary Clinton spoke out Tuesday about the death of Terence Crutcher in Tulsa, Oklahoma, arguing that the epidemic of police officers killing unarmed black people should be recognized as “intolerable.”";
        let qs = run(t);
        assert_eq!(
            speaker(&qs, "the way Pence carried himself"),
            Some("Mark Z. Barabak")
        );
        let q = qs
            .iter()
            .find(|q| q.text.contains("the epidemic of police officers"))
            .unwrap_or_else(|| panic!("no report in {qs:#?}"));
        assert_eq!(q.speaker.as_deref(), Some("Hillary Clinton"));
    }

    #[test]
    fn title_and_surname_after_the_quote() {
        let t = "Mr. Clarke compares his struggles to those of the former president. \"I sort of felt like I am having my Jeffersonian moment,\" Mr. Clarke said.\n\n\"It was the least bad outcome,\" Mr. Morgan of the Sierra Club said.";
        let qs = run(t);
        let q = find(&qs, "I sort of felt");
        assert_eq!(q.speaker_mention.as_deref(), Some("Mr. Clarke"));
        assert_eq!(q.speaker.as_deref(), Some("Clarke"));
        let span = q.speaker_span.unwrap();
        assert_eq!(&t[span.start..span.end], "Mr. Clarke");
        let q = find(&qs, "It was the least bad outcome");
        assert_eq!(q.speaker_mention.as_deref(), Some("Mr. Morgan"));
    }

    #[test]
    fn nyt_doubled_apostrophe_quotes_and_their_continuation() {
        let t = "''It's more tinkering at the edges,'' said Alan Cole, an economist at the Tax Foundation's policy center. ''I wouldn't call it reform.''";
        let qs = run(t);
        assert_eq!(qs.len(), 2, "{qs:#?}");
        assert_eq!(qs[0].text, "It's more tinkering at the edges");
        assert_eq!(qs[0].kind, QuoteKind::Direct);
        assert_eq!(qs[0].speaker.as_deref(), Some("Alan Cole"));
        // The next quote in the paragraph, with no frame of its own, is the same speaker's.
        assert_eq!(qs[1].text, "I wouldn't call it reform.");
        assert_eq!(qs[1].speaker.as_deref(), Some("Alan Cole"));
    }

    #[test]
    fn continuation_needs_the_same_paragraph() {
        let t = "“Trump the dealmaker may emerge here if he gets to be president,” Graham said.\n\n“But when you’re campaigning for president, this is one reason he’s hurting with millennials.”";
        let qs = run(t);
        assert_eq!(speaker(&qs, "Trump the dealmaker"), Some("Graham"));
        let second = find(&qs, "But when you’re campaigning");
        assert_eq!(second.speaker, None);
        assert_eq!(second.speaker_mention, None);
    }

    #[test]
    fn frame_in_the_middle_of_the_sentence() {
        let t = "The museum, Mr. Obama said, would make visitors face uncomfortable truths.";
        let qs = run(t);
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(qs[0].kind, QuoteKind::Indirect);
        assert_eq!(
            qs[0].text,
            "The museum would make visitors face uncomfortable truths"
        );
        assert_eq!(
            &t[qs[0].span.start..qs[0].span.end],
            "The museum, Mr. Obama said, would make visitors face uncomfortable truths"
        );
        assert_eq!(qs[0].speaker_mention.as_deref(), Some("Mr. Obama"));
        // "…, X told Y, and …" is not one reported sentence around the frame.
        let qs = run("A group of 40 Chechens are in hiding, an activist told reporters, and more are trying to leave.");
        assert!(
            qs.iter().all(|q| !q.text.contains("more are trying")),
            "{qs:#?}"
        );
    }

    #[test]
    fn unnamed_sources_are_kept_as_written_without_a_name() {
        let t = "Clinton beats Trump by 46 percent to 42 percent, according to the new poll.";
        let qs = run(t);
        assert_eq!(
            qs[0].text,
            "Clinton beats Trump by 46 percent to 42 percent"
        );
        assert_eq!(qs[0].speaker_mention.as_deref(), Some("the new poll"));
        assert_eq!(qs[0].speaker, None);
        let qs = run("The middle one-fifth paid 8.9 percent, the agency said in a June report.");
        assert_eq!(qs[0].speaker_mention.as_deref(), Some("the agency"));
        assert_eq!(qs[0].speaker, None);
    }

    #[test]
    fn sentence_final_frame_after_the_quote_and_she_resolved_by_given_name() {
        let t = "Senator Elizabeth Warren grilled the bank's chief executive on Tuesday. “The only way Wall Street will change will be if executives face jail time” for criminal behavior, she said.";
        let qs = run(t);
        let q = find(&qs, "The only way Wall Street");
        assert_eq!(q.speaker_mention.as_deref(), Some("she"));
        assert_eq!(q.speaker.as_deref(), Some("Elizabeth Warren"));
        // Two women named in the last sentences: "she" stays unknown.
        let t = "Elizabeth Warren and Hillary Clinton met on Tuesday. “The only way Wall Street will change will be if executives face jail time,” she said.";
        let qs = run(t);
        assert_eq!(find(&qs, "The only way Wall Street").speaker, None);
    }

    #[test]
    fn told_an_audience_then_a_clause_with_a_partial_quote() {
        let t = "Trump told the forum he was \"totally against the war in Iraq\" because it destabilized the Middle East. \"I have good judgment,\" he said.";
        let qs = run(t);
        assert_eq!(speaker(&qs, "totally against"), Some("Trump"));
        let q = find(&qs, "I have good judgment");
        assert_eq!(
            (q.speaker.as_deref(), q.speaker_mention.as_deref()),
            (Some("Trump"), Some("he"))
        );
    }

    #[test]
    fn nested_closing_mark_and_a_question_whose_frame_is_the_next_sentence() {
        let t = "\"People say, 'It doesn't matter because Hillary Clinton will get 90 percent of the African-American vote,'\" said Charlie King, a prominent New York Democrat. \"The question is, 'Ninety percent of what?' Turnout makes a difference.\"";
        let qs = run(t);
        assert_eq!(speaker(&qs, "People say"), Some("Charlie King"));
        assert_eq!(speaker(&qs, "The question is"), Some("Charlie King"));
        let t = "“Does anybody know what the environmental platform of the Republican Party is?” Graham asked. “Neither do I.”";
        let qs = run(t);
        let q = find(&qs, "Does anybody know");
        assert_eq!(q.speaker.as_deref(), Some("Graham"));
        assert_eq!(q.cue.as_deref(), Some("asked"));
        let t = "“Does anybody know what the environmental platform of the Republican Party is?” Graham asked. “Neither do I, and neither do the voters.”";
        let qs = run(t);
        assert_eq!(speaker(&qs, "Neither do I"), Some("Graham"));
    }

    #[test]
    fn long_appositives_between_quote_and_verb_and_before_the_next_quote() {
        let t = "“It’s an invasion, in our estimation, of the state regulatory domain,” Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA, said at a Washington event this month.";
        let qs = run(t);
        assert_eq!(
            speaker(&qs, "It’s an invasion"),
            Some("Scott Pruitt"),
            "{qs:#?}"
        );
        let t = "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist who served as director of the Congressional Budget Office and is now president of the American Action Forum, a conservative, pro-growth advocacy group. ''It's anti-reform. She's layering on even more complexity.''";
        let qs = run(t);
        assert_eq!(
            speaker(&qs, "This isn't tax reform"),
            Some("Douglas Holtz-Eakin")
        );
        assert_eq!(
            speaker(&qs, "It's anti-reform"),
            Some("Douglas Holtz-Eakin")
        );
    }

    #[test]
    fn signed_introduced_and_headline_quotes() {
        let t = "“Maybe, we can build a wall around Donald Trump.” ― Steve Quinlan.\n\n“I just hope that this campaign gives the Hispanic community the anger to go out and register to vote, that way they could be hear and respected.” ― Jorge Falcon";
        let qs = run(t);
        let q = find(&qs, "Maybe, we can build");
        assert_eq!(q.speaker.as_deref(), Some("Steve Quinlan"));
        let span = q.speaker_span.unwrap();
        assert_eq!(&t[span.start..span.end], "Steve Quinlan");
        assert_eq!(speaker(&qs, "I just hope that"), Some("Jorge Falcon"));
        // A paragraph that ends "NAME VERB:" introduces the quote opening the next one.
        let t = "Longtime Democratic pollster Pat Caddell spoke to Breitbart News Daily on Thursday.\n\nCaddell continued:\n\n\"The health issue overall is very much a partisan issue, but that doesn’t account for almost the same numbers here.\"";
        let qs = run(t);
        let q = find(&qs, "The health issue overall");
        assert_eq!(q.speaker_mention.as_deref(), Some("Caddell"));
        assert_eq!(q.cue.as_deref(), Some("continued"));
        // Not without the colon.
        let t = "Caddell continued.\n\n\"The health issue overall is very much a partisan issue, but that doesn’t account for it.\"";
        assert_eq!(find(&run(t), "The health issue").speaker, None);
        let t = "Sanders: Clinton needs to 'get away from all of this personality stuff' with Trump.\n\nBernie Sanders spoke on Sunday.";
        let qs = run(t);
        let q = find(&qs, "get away from all");
        assert_eq!(q.speaker_mention.as_deref(), Some("Sanders"));
    }

    #[test]
    fn contracted_pronoun_subject_and_gender_learnt_from_an_earlier_pronoun() {
        let t = "Donald Trump is once again questioning the integrity of the U.S. voting system. He’s claiming that voting fraud is “a big, big problem in this country” but “nobody has the guts to talk about it.”";
        let qs = run(t);
        // One statement with its quoted words inside: the report holds them.
        let q = find(&qs, "voting fraud is “a big, big problem");
        assert_eq!(q.kind, QuoteKind::Indirect);
        assert_eq!(q.speaker_mention.as_deref(), Some("He"));
        assert_eq!(q.speaker.as_deref(), Some("Donald Trump"));
        // "Lynch" has no given name to tell her gender; the first "she" after her quote does,
        // so the later "she" is Lynch, not the Hillary Clinton of the sentence before.
        let t = "Lynch said her colleague had not worked on the case.\n\n\"So I think things like that make you realize that people see you in a different light,\" Lynch said.\n\n\"This country was founded on the promise of equal rights for all,\" she said at a recent news conference.\n\nShe has faced a number of controversies, most recently her decision to meet with Bill Clinton while the department was investigating his wife, Democratic presidential nominee Hillary Clinton.\n\n\"People tend not to say those things to the attorney general, which is probably a wise choice on their part,\" she said.";
        let qs = run(t);
        assert_eq!(speaker(&qs, "This country was"), Some("Lynch"));
        assert_eq!(speaker(&qs, "People tend not"), Some("Lynch"));
    }

    #[test]
    fn two_reports_in_one_sentence_and_a_report_beside_a_direct_quote() {
        let t = "Sen. David Perdue (R-Ga.) said he didn’t believe those characterizations did Romney in in 2012, arguing that it was divisions in the Republican Party that were a bigger hurdle.";
        let qs = run(t);
        assert_eq!(qs.len(), 2, "{qs:#?}");
        assert_eq!(
            qs[0].text,
            "he didn’t believe those characterizations did Romney in in 2012"
        );
        assert_eq!(
            qs[1].text,
            "it was divisions in the Republican Party that were a bigger hurdle"
        );
        assert_eq!(qs[1].cue.as_deref(), Some("arguing"));
        for q in &qs {
            assert_eq!(q.speaker.as_deref(), Some("David Perdue"));
        }
        let t = "\"I've always been insulted with the term 'African American outreach,'\" he told the group, adding that the phrase suggests a campaign has to go outside itself to find black voters.";
        let qs = run(t);
        assert_eq!(qs.len(), 2, "{qs:#?}");
        assert_eq!(qs[0].kind, QuoteKind::Direct);
        assert_eq!(qs[0].speaker_mention.as_deref(), Some("he"));
        let q = find(&qs, "the phrase suggests");
        assert_eq!(q.kind, QuoteKind::Indirect);
        assert_eq!(q.cue.as_deref(), Some("adding"));
        assert_eq!(q.speaker_mention.as_deref(), Some("he"));
        let t = "\"The day that was abrogated was the day this became personal,\" he said, adding he would never vote for Clinton.";
        let qs = run(t);
        assert_eq!(
            find(&qs, "he would never vote").speaker_mention.as_deref(),
            Some("he")
        );
        // The rest of a direct quote's frame is not a report.
        let t = "''It's more tinkering at the edges,'' said Alan Cole, an economist at the Tax Foundation's policy center.";
        assert_eq!(run(t).len(), 1);
    }

    #[test]
    fn possessive_is_not_the_speaker_and_a_clause_after_the_frame_is_left_out() {
        let t = "Donald Trump’s yearslong obsession with President Barack Obama’s birth is an insult to all African-Americans, top black lawmakers said Friday afternoon, as they bristled at the continued questions about the legitimacy of the first black president.";
        let qs = run(t);
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(
            qs[0].text,
            "Donald Trump’s yearslong obsession with President Barack Obama’s birth is an insult to all African-Americans"
        );
        assert_eq!(
            qs[0].speaker_mention.as_deref(),
            Some("top black lawmakers")
        );
        assert_ne!(qs[0].speaker.as_deref(), Some("Donald Trump"));
    }

    #[test]
    fn title_and_name_after_a_modifier_and_role_noun() {
        let t = "“I will just make this promise to you: We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday.";
        let qs = run(t);
        let q = find(&qs, "I will just make this promise");
        assert_eq!(q.speaker.as_deref(), Some("Chuck Jordan"));
        assert_eq!(q.speaker_mention.as_deref(), Some("Chuck Jordan"));
        assert_eq!(q.speaker_role.as_deref(), Some("Tulsa police Chief"));
    }

    #[test]
    fn direct_quote_inside_reported_speech() {
        let t = "Retired Lt. Gen. Michael Flynn said Donald Trump was “absolutely right” when he said Wednesday night that under President Barack Obama, “the generals have been reduced to rubble.”";
        let qs = run(t);
        assert_eq!(qs.len(), 1, "{qs:#?}");
        let q = find(&qs, "Donald Trump was “absolutely right” when he said");
        assert_eq!(q.kind, QuoteKind::Indirect);
        assert_eq!(q.speaker.as_deref(), Some("Michael Flynn"));
        assert!(q.text.ends_with("reduced to rubble.”"), "{q:#?}");
        let t = "Clinton says it means Trump “may not have paid a dime” in federal income taxes for nearly two decades.";
        let qs = run(t);
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(
            qs[0].text,
            "it means Trump “may not have paid a dime” in federal income taxes for nearly two decades"
        );
        assert_eq!(qs[0].speaker.as_deref(), Some("Clinton"));
        let t = "Johnson tells MSNBC’s “Morning Joe” on Friday that “exactly who did it” remains under investigation.";
        let qs = run(t);
        let q = find(&qs, "“exactly who did it” remains under investigation");
        assert_eq!(q.speaker.as_deref(), Some("Johnson"));
        // A frame after the quote is no report, and a name inside the quote is no subject.
        let t = "\"I think Lester Holt will be very fair,\" Trump said during a rally in Kenansville, N.C., \"but a lot of people are going to be watching to see if that's true.\"";
        let qs = run(t);
        assert!(qs.iter().all(|q| q.kind == QuoteKind::Direct), "{qs:#?}");
        assert_eq!(speaker(&qs, "I think Lester Holt"), Some("Trump"));
    }

    #[test]
    fn the_organisation_an_earlier_name_gives() {
        let t = "The nonpartisan Commission on Presidential Debates says there was indeed a problem with Donald Trump’s microphone during Monday night’s first general election debate.\n\nThe commission says on its website that “there were issues regarding Donald Trump’s audio that affected the sound level in the debate hall.”";
        let qs = run(t);
        let q = find(&qs, "there were issues regarding");
        assert_eq!(q.speaker_mention.as_deref(), Some("The commission"));
        assert_eq!(
            q.speaker.as_deref(),
            Some("Commission on Presidential Debates")
        );
        assert_eq!(
            speaker(&qs, "there was indeed a problem"),
            Some("Commission on Presidential Debates")
        );
        // With no earlier name, "the commission" stays unnamed: nothing is guessed.
        let t = "The commission says on its website that “there were issues regarding Donald Trump’s audio that affected the sound level in the debate hall.”";
        let qs = run(t);
        let q = find(&qs, "there were issues regarding");
        assert_eq!(q.speaker_mention.as_deref(), Some("The commission"));
        assert_eq!(q.speaker, None);
    }

    #[test]
    fn according_to_a_source_with_no_determiner() {
        let t = "As a reality TV boss on “The Apprentice,” Donald Trump repeatedly demeaned women with sexist language, according to show insiders.";
        let qs = run(t);
        let q = find(&qs, "As a reality TV boss");
        assert_eq!(q.kind, QuoteKind::Indirect);
        assert_eq!(q.cue.as_deref(), Some("according to"));
        assert_eq!(q.speaker_mention.as_deref(), Some("show insiders"));
        assert_eq!(q.speaker, None);
    }

    #[test]
    fn honorific_gives_the_gender_a_pronoun_needs() {
        // "Obama" has no given name; "Mr." says "he" may be him.
        let t = "Bombs may not be falling. The sound of gunfire does not concentrate the mind. What Mr. Obama has seen instead are the charts and graphs of a warming planet. \"And they're terrifying,\" he said in a recent interview in Honolulu.";
        let qs = run(t);
        let q = find(&qs, "And they're terrifying");
        assert_eq!(q.speaker_mention.as_deref(), Some("he"));
        assert_eq!(q.speaker.as_deref(), Some("Obama"));
        // "Ms." does not make "he" hers: unknown, not guessed.
        let t = "What Ms. Lynch has seen instead are the charts and graphs of a warming planet. \"And they're terrifying,\" he said in a recent interview in Honolulu.";
        assert_eq!(speaker(&run(t), "And they're terrifying"), None);
    }

    #[test]
    fn adverb_between_subject_and_speech_verb() {
        let t = "The problem for Mexico is that the damage to its own economy would be much larger. ''If we are to go to war, of course we have rifles,'' Mr. Rubio said.\n\nLamenting their luck, Mexicans often say, ''Poor Mexico, so far from God and so close to the United States.'' Facing the prospect of a Trump presidency, many Mexicans would hope their northern neighbor were farther away.";
        let qs = run(t);
        let q = find(&qs, "Poor Mexico");
        assert_eq!(q.speaker.as_deref(), Some("Mexicans"));
        assert_eq!(q.cue.as_deref(), Some("say"));
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
