//! Named entities (people, organisations, places, nationalities, other names) and
//! story-level alias merging.
//!
//! Names are found by a statistical tagger ([`tagger`]: an averaged perceptron trained on
//! CoNLL-2003, shipped in the crate) run on each body and headline sentence (debris is
//! skipped), after cutting the sentence into the Reuters-style tokens it was trained on
//! (curly quotes straightened, possessive "’s" split off, so it is never part of a span).
//! Its PER, ORG and LOC become people, organisations and places; its MISC names are
//! nationalities when every word is a nationality or group adjective, else
//! [`EntityKind::Other`].
//!
//! The rules below still run and correct the tagger where they know better (see
//! `combine`): word lists compiled into the crate ([`gazetteer`]: known places,
//! nationalities, organisations and given names), organisation and place cues ("Network",
//! "Committee", "Road"), names joined across "of" ("Investigation Committee of the Russian
//! Federation"), a month after a given name ("Theresa May"), and a surname already seen in
//! a full person name in the same document ("Kadyrov" after "Ramzan Kadyrov"). Month and
//! weekday names, holidays and common acronyms ("LGBT", "TV") are never entities.
//!
//! The rules on their own (the fallback when the bundled model cannot be read): a candidate
//! is a run of capitalised tokens, typed by the lists, cues, titles before a name
//! ("President", "Mr"), lower-case role nouns before it ("president Vladimir Putin") or a
//! speech verb after it ("X said"); anything without such evidence is left out. Sentences in
//! capitals or Title Case (shouted headlines) keep only list matches.

pub mod gazetteer;
mod merge;
pub mod tagger;

use std::collections::{HashMap, HashSet};

use dossier_core::{Document, Span};
use dossier_text::{is_stopword, tokens, AnalyzedText, ParagraphKind};
use serde::Serialize;

pub use merge::merge_story_entities;

use tagger::tokenize::model_tokens;
use tagger::{NerType, Tagger};

use gazetteer::{
    is_common_initial, is_country, is_demonym, is_direction, is_given_name, is_known_org,
    is_never_entity, is_non_entity_acronym, is_org_cue, is_person_cue, is_place, is_place_cue,
    is_title,
};

/// Kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation (outlet, NGO, ministry, company).
    Organization,
    /// A place.
    Place,
    /// A nationality or group adjective ("Russian", "Chechen").
    Nationality,
    /// Another name: an event, a work, a product, a law, a language ("World Cup", "Koran").
    Other,
}

impl EntityKind {
    /// The name used in the brief: `person`, `organization`, `place`, `nationality`, `other`.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Nationality => "nationality",
            EntityKind::Other => "other",
        }
    }
}

/// One mention of an entity in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityMention {
    /// The name as written ("Kadyrov").
    pub text: String,
    /// Its byte span.
    pub span: Span,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// Its kind.
    pub kind: EntityKind,
}

/// An entity of a story with its aliases merged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryEntity {
    /// Canonical name (the longest full form: "Ramzan Kadyrov").
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Other forms seen ("Kadyrov").
    pub aliases: Vec<String>,
    /// Mentions as (document index in the slice given, mention index in that document).
    pub mentions: Vec<(usize, usize)>,
}

/// Finds named-entity mentions in a document's body and headline sentences (debris is
/// skipped), in text order. Spans are byte ranges into `doc.text`; a possessive "’s" is not
/// part of the span.
///
/// The statistical tagger ([`tagger`]) finds and types the names; the rules and word lists
/// then correct it where they know better (see [`combine`]). Without a usable bundled model
/// the rules alone answer.
pub fn extract_entities(doc: &Document, text: &AnalyzedText) -> Vec<EntityMention> {
    let rules = rule_candidates(doc, text);
    let mut found = match Tagger::bundled() {
        Some(tagger) => combine(model_candidates(tagger, doc, text), rules),
        None => rules,
    };
    countries_as_places(&mut found);
    companies_by_description(&mut found, &doc.text);
    extend_to_models(&mut found, &doc.text);
    add_products(&mut found, product_candidates(doc, text));
    finish(found)
}

/// Sentences worth reading: body and headline, not debris.
fn readable_sentences<'a>(
    doc: &'a Document,
    text: &'a AnalyzedText,
) -> impl Iterator<Item = (usize, usize, &'a str)> + 'a {
    text.sentences
        .iter()
        .enumerate()
        .filter_map(move |(index, sentence)| {
            let kind = text.paragraphs.get(sentence.paragraph)?.kind;
            if matches!(kind, ParagraphKind::Debris(_)) {
                return None;
            }
            let slice = doc.text.get(sentence.span.start..sentence.span.end)?;
            Some((index, sentence.span.start, slice))
        })
}

/// The rules' candidates, typed (pending ones resolved or left `None`).
fn rule_candidates(doc: &Document, text: &AnalyzedText) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for (index, start, slice) in readable_sentences(doc, text) {
        let toks = sentence_tokens(slice, start);
        let ctx = Ctx {
            text: &doc.text,
            sentence_start: start,
            toks: &toks,
            index,
        };
        match sentence_case(&toks) {
            Case::Shouted => shouted_candidates(&ctx, &mut found),
            Case::Title => {
                let mut local = Vec::new();
                candidates(&ctx, &mut local);
                found.extend(local.into_iter().filter(|f| f.strong));
            }
            Case::Normal => candidates(&ctx, &mut found),
        }
    }
    resolve_pending(&mut found);
    found
}

/// The tagger's names in the readable sentences.
fn model_candidates(tagger: &Tagger, doc: &Document, text: &AnalyzedText) -> Vec<Found> {
    let mut found = Vec::new();
    for (index, start, slice) in readable_sentences(doc, text) {
        let toks = model_tokens(slice, start);
        let words: Vec<&str> = toks.iter().map(|t| t.text.as_ref()).collect();
        let tags = tagger.tag(&words);
        for s in tagger::spans(&tags) {
            let span = Span::new(toks[s.start].span.start, toks[s.end - 1].span.end);
            let Some(name) = doc.text.get(span.start..span.end) else {
                continue;
            };
            let kind = match s.kind {
                NerType::Per => EntityKind::Person,
                NerType::Org => EntityKind::Organization,
                NerType::Loc => EntityKind::Place,
                NerType::Misc if is_nationality(name) => EntityKind::Nationality,
                NerType::Misc => EntityKind::Other,
            };
            // Weekdays, months, holidays and acronyms like "LGBT" or "TV" are never names
            // here, whatever a 1996 newswire model thinks of them.
            if s.end - s.start == 1 && (is_never_entity(name) || is_non_entity_acronym(name)) {
                continue;
            }
            found.push(Found {
                text: name.to_string(),
                span,
                sentence: index,
                kind: Some(kind),
                strong: true,
                listed: false,
                cued: false,
                words: s.end - s.start,
            });
        }
    }
    found
}

/// A nationality or group adjective, or several ("Russian", "Chechens", "Sunni Muslim").
fn is_nationality(name: &str) -> bool {
    let mut words = name.split_whitespace().peekable();
    words.peek().is_some() && words.all(is_demonym)
}

/// Joins the tagger's names with the rules' (both typed). The tagger decides where names
/// are and what they are, except that:
/// - a name the organisation list knows keeps that kind ("Novaya Gazeta"), and any listed
///   name overrides the tagger's person or other; listed places do not override its
///   organisations (sports teams are their towns in Reuters: "Japan beat Syria");
/// - a rule name that covers the tagger's names inside it and is listed, built on an
///   organisation or place cue ("Russian LGBT Network", "Investigation Committee of the
///   Russian Federation"), or extends its person ("Theresa May" for "Theresa") replaces them;
/// - a strongly typed rule name overlapping none of the tagger's is added;
/// - a one-word name that is the surname of a person named in full in the document is that
///   person ("Kadyrov" after "Ramzan Kadyrov").
///
/// Each choice raised F1 on CoNLL-2003 `eng.testa` or is needed by the example's tests.
fn combine(mut model: Vec<Found>, rules: Vec<Found>) -> Vec<Found> {
    // The tagger's names do not overlap; sorted, the ones a rule name touches are a run.
    model.sort_by_key(|f| f.span.start);
    let mut slots: Vec<Option<Found>> = model.into_iter().map(Some).collect();
    let mut added: Vec<Found> = Vec::new();
    for r in rules.into_iter().filter(|r| r.kind.is_some()) {
        let first =
            slots.partition_point(|f| f.as_ref().is_none_or(|f| f.span.end <= r.span.start));
        let mut hits: Vec<usize> = Vec::new();
        for (k, slot) in slots.iter().enumerate().skip(first) {
            match slot {
                Some(f) if f.span.start >= r.span.end => break,
                Some(f) if f.span.end > r.span.start => hits.push(k),
                _ => {}
            }
        }
        let hit = |k: usize| slots[k].as_ref();
        let Some(&h0) = hits.first() else {
            if r.strong {
                added.push(r);
            }
            continue;
        };
        let covers = hits.iter().all(|&k| {
            hit(k).is_some_and(|f| r.span.start <= f.span.start && f.span.end <= r.span.end)
        });
        let exact = hits.len() == 1 && hit(h0).is_some_and(|f| f.span == r.span);
        let model_kind = hit(h0).and_then(|f| f.kind);
        let overrides = r.kind == Some(EntityKind::Organization)
            || matches!(model_kind, Some(EntityKind::Person | EntityKind::Other));
        let extends_person = r.kind == Some(EntityKind::Person)
            && hits
                .iter()
                .all(|&k| hit(k).is_some_and(|f| f.kind == r.kind));
        if exact && r.listed && overrides {
            if let Some(f) = slots[h0].as_mut() {
                f.kind = r.kind;
            }
        } else if covers && !exact && (r.listed || r.cued || extends_person) {
            for k in hits {
                slots[k] = None;
            }
            added.push(r);
        }
    }
    let mut out: Vec<Found> = slots.into_iter().flatten().collect();
    out.extend(added);
    resolve_surnames(&mut out);
    out
}

/// A country the tagger calls an organisation on its own ("US" in "the US said") is the
/// place: Reuters' sports teams named after countries are places too, and a country's
/// government, when meant, is named ("US Treasury"), so only the bare name changes.
fn countries_as_places(found: &mut [Found]) {
    for f in found.iter_mut() {
        if f.kind == Some(EntityKind::Organization) && is_country(&f.text) {
            f.kind = Some(EntityKind::Place);
        }
    }
}

/// Nouns that describe a company right before its name ("the airline Ryanair", "automaker
/// Chrysler", "Irish carrier Aer Lingus").
const COMPANY_NOUNS: &[&str] = &[
    "airline",
    "carrier",
    "automaker",
    "carmaker",
    "manufacturer",
    "maker",
    "company",
    "firm",
    "retailer",
    "bank",
    "insurer",
    "lender",
    "planemaker",
    "conglomerate",
    "giant",
    "rival",
    "group",
    "chain",
    "operator",
    "supplier",
    "producer",
    "brokerage",
];

/// A name that the document once describes as a company ("automaker Chrysler") or names
/// with a company suffix ("Chrysler LLC") is an organisation wherever it stands alone in
/// that document: the 1996 model calls many unfamiliar one-word companies people.
fn companies_by_description(found: &mut [Found], text: &str) {
    let mut companies: HashSet<String> = HashSet::new();
    for f in found.iter() {
        let before = text[..f.span.start].trim_end();
        let noun = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if COMPANY_NOUNS.contains(&noun.to_lowercase().as_str())
            && f.kind != Some(EntityKind::Place)
        {
            companies.insert(f.text.clone());
        }
        if f.kind == Some(EntityKind::Organization) && f.words >= 2 {
            let mut words = f.text.split_whitespace();
            if let (Some(first), Some(last)) = (words.next(), f.text.split_whitespace().last()) {
                let last = last.trim_end_matches('.');
                if matches!(
                    last,
                    "Inc"
                        | "Corp"
                        | "Ltd"
                        | "LLC"
                        | "Co"
                        | "Plc"
                        | "plc"
                        | "AG"
                        | "SA"
                        | "Airlines"
                        | "Airways"
                        | "Motors"
                        | "Group"
                        | "Holdings"
                ) {
                    companies.insert(first.to_string());
                }
            }
        }
    }
    for f in found.iter_mut() {
        if f.words == 1
            && !f.listed
            && matches!(f.kind, Some(EntityKind::Person | EntityKind::Other))
            && companies.contains(&f.text)
        {
            f.kind = Some(EntityKind::Organization);
        }
    }
}

/// A company's name followed by a model number is a product ("Boeing 737s", "Airbus
/// A380", "Boeing 777-200LR"), not the company: the name takes in the number and becomes
/// `other`. Years are not model numbers ("Boeing 2008 results").
fn extend_to_models(found: &mut [Found], text: &str) {
    for f in found.iter_mut() {
        // Only known companies: a sports team followed by its score is not a product
        // ("Lancashire 254").
        if f.kind != Some(EntityKind::Organization) || !is_known_org(&f.text) {
            continue;
        }
        let Some(rest) = text.get(f.span.end..).and_then(|r| r.strip_prefix(' ')) else {
            continue;
        };
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        let word = rest[..len].trim_end_matches('-');
        if is_model_number(word) {
            f.span.end += 1 + word.len();
            f.text = text[f.span.start..f.span.end].to_string();
            f.kind = Some(EntityKind::Other);
            f.words += 1;
        }
    }
}

/// "737", "737s", "A380", "777-200LR", "787-9": three or more digits (after at most two
/// capitals) that lead, not a year.
fn is_model_number(word: &str) -> bool {
    let head = word.trim_start_matches(|c: char| c.is_ascii_uppercase());
    let letters = word.len() - head.len();
    let digits = head.chars().take_while(char::is_ascii_digit).count();
    let year = letters == 0 && digits == 4 && (head.starts_with("19") || head.starts_with("20"));
    letters <= 2 && digits >= 3 && !year
}

/// Product names written with a lower-case prefix letter ("iPhone", "iTunes", "iPod"): a
/// shape absent from 1996 wire copy, so the tagger drops them or calls them people or
/// organisations. They are `other` names, with the model number or line name after them
/// ("iPhone 4", "iPhone 3GS", "iTunes Store"); a known company of that shape ("eBay") is
/// an organisation.
fn product_candidates(doc: &Document, text: &AnalyzedText) -> Vec<Found> {
    let mut out = Vec::new();
    for (index, start, slice) in readable_sentences(doc, text) {
        // Cheap test first: most sentences have no such word.
        let bytes = slice.as_bytes();
        if !bytes.windows(3).any(|w| {
            w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase() && w[2].is_ascii_lowercase()
        }) {
            continue;
        }
        let toks = model_tokens(slice, start);
        let words = toks
            .iter()
            .filter(|t| t.text.chars().any(char::is_alphabetic));
        let capitalised = words.clone().filter(|t| is_cap(&t.text)).count();
        // Title Case headlines capitalise every word: no line names read after the product.
        let title_case = capitalised * 10 > words.count() * 6;
        let mut i = 0;
        while i < toks.len() {
            if !is_prefixed_product(&toks[i].text) {
                i += 1;
                continue;
            }
            let company = is_known_org(&toks[i].text);
            let mut end = i;
            while !company && end + 1 < toks.len() && end - i < 2 {
                let next = toks[end + 1].text.as_ref();
                let model_number = next.chars().any(|c| c.is_ascii_digit())
                    && next.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
                let line_name =
                    !title_case && is_cap(next) && !is_stopword(next) && !is_never_entity(next);
                if !(model_number || line_name) {
                    break;
                }
                end += 1;
            }
            let span = Span::new(toks[i].span.start, toks[end].span.end);
            if let Some(name) = doc.text.get(span.start..span.end) {
                out.push(Found {
                    text: name.to_string(),
                    span,
                    sentence: index,
                    kind: Some(if company {
                        EntityKind::Organization
                    } else {
                        EntityKind::Other
                    }),
                    strong: true,
                    listed: company,
                    cued: false,
                    words: end - i + 1,
                });
            }
            i = end + 1;
        }
    }
    out
}

/// "iPhone", "iPod", "eBook": a lower-case letter, a capital, then lower case, all letters
/// or digits ("mRNA", "kWh" and "pH" are not names).
fn is_prefixed_product(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 4
        && b[0].is_ascii_lowercase()
        && b[1].is_ascii_uppercase()
        && b[2].is_ascii_lowercase()
        && b.iter().all(u8::is_ascii_alphanumeric)
}

/// Puts the product names in place of the names they overlap.
fn add_products(found: &mut Vec<Found>, products: Vec<Found>) {
    for p in products {
        found.retain(|f| f.span.end <= p.span.start || f.span.start >= p.span.end);
        found.push(p);
    }
}

/// One-word names that are the last word of a person's full name in the document.
fn resolve_surnames(found: &mut [Found]) {
    let surnames: HashSet<String> = found
        .iter()
        .filter(|f| f.kind == Some(EntityKind::Person) && f.words >= 2)
        .filter_map(|f| f.text.split_whitespace().last().map(str::to_string))
        .collect();
    for f in found.iter_mut() {
        if f.words == 1 && !f.listed && surnames.contains(&f.text) {
            f.kind = Some(EntityKind::Person);
        }
    }
}

/// Typed mentions in text order, nested ones dropped.
fn finish(found: Vec<Found>) -> Vec<EntityMention> {
    let mut out: Vec<EntityMention> = found
        .into_iter()
        .filter_map(|f| {
            Some(EntityMention {
                text: f.text,
                span: f.span,
                sentence: f.sentence,
                kind: f.kind?,
            })
        })
        .collect();
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    // Drop mentions nested in an earlier one (never expected, kept as a guard).
    let mut last_end = 0;
    out.retain(|m| {
        let keep = m.span.start >= last_end;
        if keep {
            last_end = m.span.end;
        }
        keep
    });
    out
}

/// True when `name` is a person's name by the word lists alone: a known given name followed
/// by at least one more capitalised word ("Dmitry Peskov"). Used by quote attribution.
pub fn looks_like_person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2
        && is_given_name(words[0])
        && words[1..].iter().all(|w| is_cap(w))
        && !words.iter().any(|w| is_org_cue(w) || is_place(w))
}

/// A token of a sentence, possessive split off.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    text: &'a str,
    span: Span,
    possessive: bool,
}

fn sentence_tokens(slice: &str, base: usize) -> Vec<Tok<'_>> {
    tokens(slice, base)
        .into_iter()
        .map(|t| {
            for suffix in ["’s", "'s", "’S", "'S"] {
                if let Some(stripped) = t.text.strip_suffix(suffix) {
                    if !stripped.is_empty() {
                        return Tok {
                            text: stripped,
                            span: Span::new(t.span.start, t.span.end - suffix.len()),
                            possessive: true,
                        };
                    }
                }
            }
            Tok {
                text: t.text,
                span: t.span,
                possessive: false,
            }
        })
        .collect()
}

struct Ctx<'a> {
    text: &'a str,
    sentence_start: usize,
    toks: &'a [Tok<'a>],
    index: usize,
}

impl Ctx<'_> {
    /// Text between token `i` and token `i + 1`.
    fn gap_after(&self, i: usize) -> &str {
        let (Some(a), Some(b)) = (self.toks.get(i), self.toks.get(i + 1)) else {
            return "";
        };
        self.text.get(a.span.end..b.span.start).unwrap_or("")
    }

    /// Text between the previous token (or the sentence start) and token `i`.
    fn gap_before(&self, i: usize) -> &str {
        let start = if i == 0 {
            self.sentence_start
        } else {
            self.toks[i - 1].span.end
        };
        self.text.get(start..self.toks[i].span.start).unwrap_or("")
    }

    /// Text after token `i` up to the next `n` bytes (for look-ahead cues).
    fn after(&self, i: usize, n: usize) -> &str {
        let end = self.toks[i].span.end;
        let mut stop = (end + n).min(self.text.len());
        while !self.text.is_char_boundary(stop) {
            stop -= 1;
        }
        self.text.get(end..stop).unwrap_or("")
    }
}

/// A candidate mention; `kind` `None` means pending (kept only if the second pass types it).
#[derive(Debug, Clone)]
struct Found {
    text: String,
    span: Span,
    sentence: usize,
    kind: Option<EntityKind>,
    /// Typed by a word list or an explicit cue (kept in Title Case headlines).
    strong: bool,
    /// Typed by a word list of known names (places, organisations, nationalities).
    listed: bool,
    /// Typed by an organisation or place cue word ("Russian LGBT Network", "Bayswater Road")
    /// or joined across a connector after one ("Committee of the Russian Federation").
    cued: bool,
    /// Number of name tokens.
    words: usize,
}

#[derive(Debug, PartialEq)]
enum Case {
    Normal,
    Title,
    Shouted,
}

fn sentence_case(toks: &[Tok<'_>]) -> Case {
    let words: Vec<&str> = toks
        .iter()
        .map(|t| t.text)
        .filter(|w| w.chars().count() >= 2 && w.chars().any(char::is_alphabetic))
        .collect();
    if words.len() < 3 {
        return Case::Normal;
    }
    let upper = words.iter().filter(|w| is_all_caps(w)).count();
    if upper * 10 >= words.len() * 6 {
        return Case::Shouted;
    }
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    let capital = long.iter().filter(|w| is_cap(w)).count();
    if long.len() >= 4 && capital * 10 >= long.len() * 8 {
        return Case::Title;
    }
    Case::Normal
}

fn is_all_caps(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// First letter upper case; every hyphenated part capitalised or a name particle
/// ("Al-Qaeda", "Jean-Pierre"; not "Russian-backed").
fn is_cap(w: &str) -> bool {
    let mut parts = w.split('-');
    let first = parts.next().unwrap_or("");
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    parts.all(|p| {
        p.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || matches!(
                p,
                "al" | "el" | "ul" | "bin" | "ibn" | "de" | "la" | "le" | "sur"
            )
    })
}

fn is_single_letter(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next()), (Some(a), None) if a.is_uppercase())
}

fn is_space_gap(gap: &str) -> bool {
    !gap.is_empty() && gap.len() <= 3 && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

const PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al", "el",
    "dos", "das", "del", "ter",
];

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "insisted",
    "insists",
    "warned",
    "warns",
    "explained",
    "stated",
    "claimed",
    "denied",
    "denies",
    "argued",
    "noted",
    "asked",
    "replied",
    "declared",
    "announced",
    "confirmed",
    "admitted",
    "stressed",
];

/// Head words a name may continue after with "of"/"for" ("Committee of the ...").
fn is_connector_head(w: &str) -> bool {
    is_org_cue(w)
        || is_place_cue(w)
        || matches!(
            w,
            "Bank"
                | "University"
                | "Secretary"
                | "States"
                | "Ministry"
                | "Procedures"
                | "Minister"
                | "Commissioner"
                | "Friends"
                | "Council"
                | "Institute"
                | "Republic"
                | "Kingdom"
                | "Church"
                | "Museum"
                | "Office"
                | "Court"
                | "Bureau"
                | "Department"
        )
}

/// Can a name start at this token?
fn startable(t: &Tok<'_>) -> bool {
    is_cap(t.text)
        && !is_never_entity(t.text)
        && !is_non_entity_acronym(t.text)
        && !is_stopword(t.text)
        && (t.text.chars().count() >= 2 || is_single_letter(t.text))
}

/// Can token `next` continue a name that currently ends with `cur`?
fn joinable(cur: &Tok<'_>, next: &Tok<'_>) -> bool {
    if !is_cap(next.text) || is_stopword(next.text) {
        return false;
    }
    if is_never_entity(next.text) {
        // "Theresa May": a month name after a given name is a surname.
        return next.text == "May" && is_given_name(cur.text);
    }
    true
}

/// Collects candidates of a sentence in ordinary case.
fn candidates(ctx: &Ctx<'_>, out: &mut Vec<Found>) {
    let toks = ctx.toks;
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if !startable(&toks[i]) {
            i += 1;
            continue;
        }
        // A lone single letter starts a name only as an initial ("U.S.", "J. R. Smith").
        if is_single_letter(toks[i].text) && !ctx.gap_after(i).starts_with('.') {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while !toks[end].possessive && end + 1 < n {
            let gap = ctx.gap_after(end);
            let next = &toks[end + 1];
            if is_space_gap(gap) && joinable(&toks[end], next) {
                end += 1;
                continue;
            }
            if (gap == "." || gap == ". ") && is_single_letter(toks[end].text) && is_cap(next.text)
            {
                end += 1;
                continue;
            }
            if is_space_gap(gap) {
                // "X of the Y", "X for Y" after an organisation or place head word.
                let c = next.text;
                if (c == "of" || c == "for") && is_connector_head(toks[end].text) {
                    let mut k = end + 2;
                    if k < n && toks[k].text == "the" && is_space_gap(ctx.gap_after(k - 1)) {
                        k += 1;
                    }
                    if k < n
                        && is_space_gap(ctx.gap_after(k - 1))
                        && startable(&toks[k])
                        && !is_single_letter(toks[k].text)
                    {
                        end = k;
                        continue;
                    }
                }
                if PARTICLES.contains(&c)
                    && end + 2 < n
                    && is_space_gap(ctx.gap_after(end + 1))
                    && is_cap(toks[end + 2].text)
                    && !is_stopword(toks[end + 2].text)
                    && !is_never_entity(toks[end + 2].text)
                {
                    end += 2;
                    continue;
                }
            }
            break;
        }
        // Trailing common acronyms are not part of a name ("... LGBT").
        while end > start && is_non_entity_acronym(toks[end].text) {
            end -= 1;
        }
        let initial = is_initial(ctx, start);
        classify_run(ctx, start, end, initial, out);
        i = end + 1;
    }
}

/// True when token `i` is capitalised by position: sentence start, or after an opening quote,
/// colon, bracket, dash or bullet.
fn is_initial(ctx: &Ctx<'_>, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let gap = ctx.gap_before(i);
    gap.chars().any(|c| {
        matches!(
            c,
            '“' | '"' | '‘' | ':' | '(' | '[' | '—' | '–' | '•' | '*' | '\''
        )
    }) || (gap.contains('-') && !gap.contains(char::is_alphanumeric))
        || gap.contains('\n')
}

fn run_text<'a>(ctx: &Ctx<'a>, start: usize, end: usize) -> (&'a str, Span) {
    let mut span = Span::new(ctx.toks[start].span.start, ctx.toks[end].span.end);
    // "U.S." keeps its final period.
    if is_single_letter(ctx.toks[end].text) && ctx.text.get(span.end..span.end + 1) == Some(".") {
        span.end += 1;
    }
    (ctx.text.get(span.start..span.end).unwrap_or(""), span)
}

fn push(
    ctx: &Ctx<'_>,
    out: &mut Vec<Found>,
    start: usize,
    end: usize,
    kind: Option<EntityKind>,
    strong: bool,
) {
    let (text, span) = run_text(ctx, start, end);
    if text.is_empty() {
        return;
    }
    let words = ctx.toks[start..=end]
        .iter()
        .filter(|t| is_cap(t.text))
        .count();
    let cued = strong
        && matches!(kind, Some(EntityKind::Organization | EntityKind::Place))
        && ctx.toks[start..=end]
            .iter()
            .any(|t| t.text == "of" || t.text == "for");
    out.push(Found {
        text: text.to_string(),
        span,
        sentence: ctx.index,
        kind,
        strong,
        listed: false,
        cued,
        words,
    });
}

/// [`push`] for a name a word list knows.
fn push_listed(ctx: &Ctx<'_>, out: &mut Vec<Found>, start: usize, end: usize, kind: EntityKind) {
    let before = out.len();
    push(ctx, out, start, end, Some(kind), true);
    if let Some(f) = out.get_mut(before) {
        f.listed = true;
    }
}

/// Types the run `start..=end` (token indices), splitting off titles and leading words.
fn classify_run(ctx: &Ctx<'_>, start: usize, end: usize, initial: bool, out: &mut Vec<Found>) {
    let toks = ctx.toks;
    let (name, _) = run_text(ctx, start, end);
    let single = start == end;

    // "The Guardian": a known name that includes its article.
    if start > 0 && toks[start - 1].text == "The" && is_space_gap(ctx.gap_after(start - 1)) {
        let (with_the, _) = run_text(ctx, start - 1, end);
        if is_known_org(with_the) {
            push_listed(ctx, out, start - 1, end, EntityKind::Organization);
            return;
        }
    }
    if is_known_org(name) {
        push_listed(ctx, out, start, end, EntityKind::Organization);
        return;
    }
    if is_place(name) {
        push_listed(ctx, out, start, end, EntityKind::Place);
        return;
    }
    if single && is_demonym(name) {
        push_listed(ctx, out, start, end, EntityKind::Nationality);
        return;
    }

    let words: Vec<&str> = toks[start..=end].iter().map(|t| t.text).collect();
    let last = *words.last().unwrap_or(&"");
    let first_is_given = is_given_name(words[0]) && !single;

    // Organisation and place cues.
    if is_org_cue(last) && !single
        || words.iter().any(|w| is_org_cue(w)) && !first_is_given && !single
    {
        push(ctx, out, start, end, Some(EntityKind::Organization), true);
        if let Some(f) = out.last_mut() {
            f.cued = true;
        }
        return;
    }
    if is_place_cue(last) && !single {
        push(ctx, out, start, end, Some(EntityKind::Place), true);
        if let Some(f) = out.last_mut() {
            f.cued = true;
        }
        return;
    }

    // Titles: "Russian President Vladimir Putin" → Russian + Vladimir Putin.
    if let Some(t) = (start..=end).find(|&k| is_title(toks[k].text)) {
        let mut u = t;
        while u < end && (is_title(toks[u + 1].text) || toks[u + 1].text == "of") {
            u += 1;
        }
        if t > start {
            classify_run(ctx, start, t - 1, initial, out);
        }
        if u < end {
            let rest_start = u + 1;
            if startable(&toks[rest_start]) {
                let (rest, _) = run_text(ctx, rest_start, end);
                if is_place(rest) || is_known_org(rest) {
                    classify_run(ctx, rest_start, end, false, out);
                } else {
                    push(ctx, out, rest_start, end, Some(EntityKind::Person), true);
                }
            }
        }
        return;
    }

    // Direction + place: "Central Russia".
    if !single && is_direction(words[0]) {
        let (rest, _) = run_text(ctx, start + 1, end);
        if is_place(rest) {
            push_listed(ctx, out, start, end, EntityKind::Place);
            return;
        }
    }

    // Sentence-initial common word: "Despite Kadyrov", "Meanwhile".
    if initial && is_common_word(words[0]) && !is_given_name(words[0]) {
        if !single {
            classify_run(ctx, start + 1, end, false, out);
        }
        return;
    }

    // A leading nationality or place before an otherwise unknown name.
    if !single && (is_demonym(words[0]) || is_place(words[0])) && !first_is_given {
        classify_run(ctx, start, start, initial, out);
        classify_run(ctx, start + 1, end, false, out);
        return;
    }

    // Person evidence.
    let prev_cue =
        start > 0 && is_space_gap(ctx.gap_after(start - 1)) && is_person_cue(toks[start - 1].text);
    if first_is_given || prev_cue && !(single && is_all_caps(name)) {
        push(ctx, out, start, end, Some(EntityKind::Person), true);
        return;
    }
    if (2..=3).contains(&words.len()) && (followed_by_speech(ctx, end) || appositive_role(ctx, end))
    {
        push(ctx, out, start, end, Some(EntityKind::Person), false);
        return;
    }

    // Acronyms: "HRW", "UN".
    if single && is_all_caps(name) && !name.contains('.') && name.chars().count() <= 5 {
        let strong = name.chars().count() <= 4;
        if strong {
            push(ctx, out, start, end, Some(EntityKind::Organization), false);
        }
        return;
    }

    // Two or three unknown capitalised words mid-sentence, none a common word and no
    // connector inside: most often a person's name in news text ("Nadim Ladki").
    let plain = toks[start..=end].iter().all(|t| {
        is_cap(t.text)
            && !is_all_caps(t.text)
            && !is_common_word(t.text)
            && t.text.chars().count() > 1
    });
    if !initial && (2..=3).contains(&words.len()) && plain {
        push(ctx, out, start, end, Some(EntityKind::Person), false);
        return;
    }

    // Unknown: pending, typed later only by a surname or full name seen as a person.
    push(ctx, out, start, end, None, false);
}

/// Common words that are capitalised only because they start a sentence.
fn is_common_word(w: &str) -> bool {
    let n = w.chars().count();
    is_stopword(w)
        || is_common_initial(w)
        || n > 5 && (w.ends_with("ly") || w.ends_with("ing"))
        || n > 6 && w.ends_with("ed")
}

fn followed_by_speech(ctx: &Ctx<'_>, end: usize) -> bool {
    let toks = ctx.toks;
    let mut k = end + 1;
    // "X has said", "X also told".
    while k < toks.len()
        && matches!(
            toks[k].text,
            "has" | "had" | "have" | "also" | "later" | "previously" | "then" | "reportedly"
        )
    {
        k += 1;
    }
    k < toks.len() && is_space_gap(ctx.gap_after(end)) && SPEECH_VERBS.contains(&toks[k].text)
}

/// "X, a spokesperson ...", "X, the journalist ...", "X, 45, ..."
fn appositive_role(ctx: &Ctx<'_>, end: usize) -> bool {
    let after = ctx.after(end, 60);
    let Some(rest) = after.strip_prefix(", ") else {
        return false;
    };
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .collect();
    if words
        .first()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
    {
        return rest.split(',').nth(1).is_some() && words[0].len() <= 3;
    }
    matches!(
        words.first(),
        Some(&"a") | Some(&"an") | Some(&"the") | Some(&"who")
    ) && words.iter().skip(1).any(|w| is_person_cue(w))
}

/// Shouted sentences ("JAPAN GET LUCKY WIN"): list matches only.
fn shouted_candidates(ctx: &Ctx<'_>, out: &mut Vec<Found>) {
    let toks = ctx.toks;
    let mut i = 0;
    while i < toks.len() {
        let mut matched = false;
        for len in (1..=3).rev() {
            if i + len > toks.len() {
                continue;
            }
            if (i..i + len - 1).any(|k| !is_space_gap(ctx.gap_after(k))) {
                continue;
            }
            let raw: Vec<&str> = toks[i..i + len].iter().map(|t| t.text).collect();
            let titled: Vec<String> = raw.iter().map(|w| title_case(w)).collect();
            let name = titled.join(" ");
            let as_written = raw.join(" ");
            let kind = if is_place(&name) || len == 1 && is_place(&as_written) {
                Some(EntityKind::Place)
            } else if is_known_org(&as_written) || is_known_org(&name) {
                Some(EntityKind::Organization)
            } else if len == 1 && is_demonym(&name) {
                Some(EntityKind::Nationality)
            } else {
                None
            };
            if let Some(kind) = kind {
                push_listed(ctx, out, i, i + len - 1, kind);
                i += len;
                matched = true;
                break;
            }
        }
        if !matched {
            i += 1;
        }
    }
}

fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut first = true;
    for c in w.chars() {
        if first {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        first = !c.is_alphanumeric();
    }
    out
}

/// Types pending candidates by the document's people: a surname of a full person name
/// ("Kadyrov" after "Ramzan Kadyrov") or the full name itself.
fn resolve_pending(found: &mut [Found]) {
    let mut surnames: HashMap<String, usize> = HashMap::new();
    let mut full: Vec<String> = Vec::new();
    for f in found.iter() {
        if f.kind == Some(EntityKind::Person) && f.words >= 2 {
            if let Some(last) = f.text.split_whitespace().last() {
                *surnames.entry(last.to_string()).or_default() += 1;
            }
            full.push(f.text.clone());
        }
    }
    for f in found.iter_mut().filter(|f| f.kind.is_none()) {
        let last = f.text.split_whitespace().last().unwrap_or("");
        if full.contains(&f.text) || f.words == 1 && surnames.contains_key(last) {
            f.kind = Some(EntityKind::Person);
            f.strong = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::plain("t", text)
    }

    fn ents(text: &str) -> Vec<(String, EntityKind)> {
        let d = doc(text);
        let a = dossier_text::analyze(&d);
        extract_entities(&d, &a)
            .into_iter()
            .map(|m| (m.text, m.kind))
            .collect()
    }

    #[test]
    fn prefixed_product_names_are_other_names() {
        let got = ents("Apple said the iPhone 4 would go on sale in June, while sales of the iPod fell and the mRNA study was unrelated.");
        assert!(
            got.contains(&("Apple".into(), EntityKind::Organization)),
            "{got:?}"
        );
        assert!(
            got.contains(&("iPhone 4".into(), EntityKind::Other)),
            "{got:?}"
        );
        assert!(got.contains(&("iPod".into(), EntityKind::Other)), "{got:?}");
        assert!(!got.iter().any(|(t, _)| t.contains("mRNA")), "{got:?}");
        // A known company of that shape keeps its kind.
        let got = ents("Shares of eBay rose after the auction site reported earnings.");
        assert!(
            got.contains(&("eBay".into(), EntityKind::Organization)),
            "{got:?}"
        );
    }

    #[test]
    fn companies_and_their_models() {
        let got = ents("Ryanair and Aer Lingus cut fares on Monday, and Lufthansa ordered 20 Airbus A350s and ten Boeing 777-9 jets.");
        for company in ["Ryanair", "Aer Lingus", "Lufthansa"] {
            assert!(
                got.contains(&(company.into(), EntityKind::Organization)),
                "{company}: {got:?}"
            );
        }
        assert!(
            got.contains(&("Airbus A350s".into(), EntityKind::Other)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Boeing 777-9".into(), EntityKind::Other)),
            "{got:?}"
        );
        // A year after a company is not a model.
        let got = ents("Boeing 2008 deliveries fell, the company said.");
        assert!(
            got.contains(&("Boeing".into(), EntityKind::Organization)),
            "{got:?}"
        );
    }

    #[test]
    fn a_company_described_once_is_a_company_throughout() {
        let got = ents("Chinese automaker Geely agreed to buy Volvo on Sunday. Geely said the deal would close next year.");
        let geely: Vec<&EntityKind> = got
            .iter()
            .filter(|(t, _)| t == "Geely")
            .map(|(_, k)| k)
            .collect();
        assert_eq!(geely, vec![&EntityKind::Organization; 2], "{got:?}");
    }

    #[test]
    fn bare_countries_are_places() {
        let got = ents(
            "Oil prices rose after the US said it would release reserves, and the UK followed.",
        );
        assert!(got.contains(&("US".into(), EntityKind::Place)), "{got:?}");
        assert!(got.contains(&("UK".into(), EntityKind::Place)), "{got:?}");
    }

    #[test]
    fn titles_split_off_and_possessives_dropped() {
        let got = ents("It was a busy week. Russia's Prime Minister Vladimir Putin met Chechnya's leader Ramzan Kadyrov in Grozny.");
        assert_eq!(
            got,
            vec![
                ("Russia".into(), EntityKind::Place),
                ("Vladimir Putin".into(), EntityKind::Person),
                ("Chechnya".into(), EntityKind::Place),
                ("Ramzan Kadyrov".into(), EntityKind::Person),
                ("Grozny".into(), EntityKind::Place),
            ]
        );
    }

    #[test]
    fn title_case_is_cased_words() {
        assert!(is_cap("Al-Qaeda") && is_cap("Jean-Pierre") && !is_cap("Russian-backed"));
        assert_eq!(title_case("UNITED"), "United");
    }
}
