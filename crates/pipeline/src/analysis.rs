//! From a story's documents to its brief.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use dossier_brief as brief;
use dossier_claims::{build_claims, ClaimInput};
use dossier_core::{Document, ResolvedDate, Span};
use dossier_extract::{
    entities::merge_story_entities,
    figures::{conflicting_figures, group_figures, FigureClaim, FigureMention},
    quotes::canonical_speaker,
    AnchorKind, DateAnchor, DocExtractions, QuoteKind,
};
use dossier_reuse::{find_reuse, Reuse, ReuseInput};
use dossier_store::Store;
use dossier_text::{
    analyze, mark_outlet_boilerplate, mark_repeated_paragraphs, match_key, paragraph_hashes,
    AnalyzedText,
};

use crate::PipelineError;

/// Options of a brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BriefOptions {
    /// Sentences in the summary, at most.
    pub summary_sentences: usize,
    /// Words in the summary, at most (`None`: no word limit).
    pub summary_words: Option<usize>,
}

impl Default for BriefOptions {
    fn default() -> Self {
        BriefOptions {
            summary_sentences: 6,
            summary_words: None,
        }
    }
}

/// Lines repeated in at least this many documents of a story are boilerplate when short.
const REPEATED_LINE_DOCS: usize = 3;

/// A line an outlet printed on at least this many of its stored pages...
const OUTLET_BOILERPLATE_DOCS: usize = 3;
/// ...belonging to at least this many stories is the outlet's boilerplate.
const OUTLET_BOILERPLATE_STORIES: usize = 2;

/// The most mentioned entities of a stored story (people, organisations and places, aliases
/// merged), at most `limit`, for story listings.
pub fn top_entities(store: &Store, story: i64, limit: usize) -> Result<Vec<String>, PipelineError> {
    let docs = store.story_documents_in_ingest_order(story)?;
    let mentions: Vec<Vec<dossier_extract::EntityMention>> = docs
        .iter()
        .map(|d| dossier_extract::entities::extract_entities(d, &analyze(d)))
        .collect();
    let lists: Vec<&[dossier_extract::EntityMention]> =
        mentions.iter().map(Vec::as_slice).collect();
    let mut entities: Vec<dossier_extract::StoryEntity> = merge_story_entities(&lists)
        .into_iter()
        .filter(|e| {
            use dossier_extract::EntityKind::{Organization, Person, Place};
            matches!(e.kind, Person | Organization | Place)
        })
        .collect();
    entities.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(entities.into_iter().take(limit).map(|e| e.name).collect())
}

/// Builds the brief of a stored story.
pub fn brief_for_story(
    store: &Store,
    story: i64,
    options: BriefOptions,
) -> Result<brief::Brief, PipelineError> {
    let row = store
        .story(story)?
        .ok_or(PipelineError::NoSuchStory(story))?;
    let docs = store.story_documents_in_ingest_order(row.id)?;
    let mut texts: Vec<AnalyzedText> = docs.iter().map(analyze).collect();
    for (doc, text) in docs.iter().zip(texts.iter_mut()) {
        if let Some(source) = &doc.source {
            let boilerplate = store.outlet_boilerplate(
                source,
                &paragraph_hashes(doc, text),
                OUTLET_BOILERPLATE_DOCS,
                OUTLET_BOILERPLATE_STORIES,
            )?;
            mark_outlet_boilerplate(doc, text, &boilerplate);
        }
    }
    Ok(brief_for_analyzed(
        row.id, &row.title, &docs, texts, options,
    ))
}

/// Builds the brief of a story from its documents, given in ingest order (the order decides
/// which document carried a copy first when dates are missing).
pub fn brief_for_documents(
    id: i64,
    fallback_title: &str,
    docs: &[Document],
    options: BriefOptions,
) -> brief::Brief {
    let texts: Vec<AnalyzedText> = docs.iter().map(analyze).collect();
    brief_for_analyzed(id, fallback_title, docs, texts, options)
}

/// [`brief_for_documents`] on documents already analysed (and their outlet boilerplate
/// marked).
fn brief_for_analyzed(
    id: i64,
    fallback_title: &str,
    docs: &[Document],
    mut texts: Vec<AnalyzedText>,
    options: BriefOptions,
) -> brief::Brief {
    let refs: Vec<&Document> = docs.iter().collect();
    mark_repeated_paragraphs(&refs, &mut texts, REPEATED_LINE_DOCS);

    let inputs = ReuseInput::in_ingest_order(docs, &texts);
    let reuse = find_reuse(&inputs);

    let story_anchor = story_anchor(docs);
    let extractions: Vec<DocExtractions> = docs
        .iter()
        .zip(&texts)
        .map(|(doc, text)| {
            let anchor = match doc.published {
                Some(date) => DateAnchor {
                    date: Some(date),
                    kind: AnchorKind::Document,
                },
                None => story_anchor,
            };
            dossier_extract::extract(doc, text, &anchor)
        })
        .collect();

    let entity_lists: Vec<&[dossier_extract::EntityMention]> =
        extractions.iter().map(|e| e.entities.as_slice()).collect();
    let story_entities = merge_story_entities(&entity_lists);
    let mut extractions = extractions;
    for e in &mut extractions {
        for q in &mut e.quotes {
            if let Some(name) = &q.speaker {
                q.speaker = Some(canonical_speaker(name, &story_entities));
            }
        }
    }

    // Figures of the whole story, grouped by what they count.
    let mut figure_refs = Vec::new();
    for (d, e) in extractions.iter().enumerate() {
        for f in &e.figures {
            let sentence = texts[d].sentences[f.sentence].span.slice(&docs[d].text);
            figure_refs.push((f, sentence));
        }
    }
    let flat_groups = group_figures(&figure_refs);
    let mut figure_groups: Vec<Vec<usize>> = Vec::new();
    let mut next = 0;
    for e in &extractions {
        figure_groups.push(flat_groups[next..next + e.figures.len()].to_vec());
        next += e.figures.len();
    }

    let claim_inputs: Vec<ClaimInput> = (0..docs.len())
        .map(|d| ClaimInput {
            doc: &docs[d],
            text: &texts[d],
            extractions: &extractions[d],
            figure_groups: &figure_groups[d],
        })
        .collect();
    let claims = build_claims(&claim_inputs, &reuse, &story_entities);

    let ctx = Context {
        docs,
        texts: &texts,
        reuse: &reuse,
    };
    let title = docs
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.title.as_ref().map(|t| (order_key(d, i), t)))
        .min()
        .map(|(_, t)| t.clone())
        .unwrap_or_else(|| fallback_title.to_string());

    brief::Brief {
        schema_version: dossier_brief::SCHEMA_VERSION,
        story: brief::StoryInfo {
            id,
            title,
            documents: document_infos(docs, &reuse, &dossier_reuse::copy_graph(&inputs, &reuse)),
        },
        summary: summary(
            &ctx,
            &claims,
            dossier_summary::Length {
                sentences: Some(options.summary_sentences),
                words: options.summary_words,
            },
        ),
        timeline: timeline(&ctx, &extractions, &claims, &story_entities),
        figures: figures(&ctx, &extractions, &figure_groups),
        quotes: quotes(&ctx, &extractions),
        entities: story_entities
            .iter()
            .map(|e| {
                let mut docs_of: Vec<String> = e
                    .mentions
                    .iter()
                    .map(|&(d, _)| docs[d].id.clone())
                    .collect();
                docs_of.sort();
                docs_of.dedup();
                brief::Entity {
                    name: e.name.clone(),
                    kind: e.kind.as_str().to_string(),
                    aliases: e.aliases.clone(),
                    mentions: e.mentions.len(),
                    docs: docs_of,
                }
            })
            .collect(),
        claims: claims
            .iter()
            .map(|c| brief::Claim {
                text: ctx.sentence_text(
                    c.mentions[c.representative].doc,
                    c.mentions[c.representative].span,
                ),
                mentions: c
                    .mentions
                    .iter()
                    .map(|m| brief::ClaimMention {
                        doc: docs[m.doc].id.clone(),
                        span: m.span,
                        stance: m.stance.as_str().to_string(),
                        source: m.attributed_to.clone(),
                        chain: m.chain.clone(),
                        text: ctx.sentence_text(m.doc, m.span),
                    })
                    .collect(),
                asserted_by: c.asserted_by.clone(),
                denied_by: c.denied_by.clone(),
                independent_sources: c.independent_sources,
                disputed: c.disputed,
            })
            .collect(),
        copies: reuse
            .passages
            .iter()
            .map(|p| {
                let (d, span, _) = &p.members[0];
                brief::Copy {
                    text: span.slice(&docs[*d].text).to_string(),
                    docs: p
                        .members
                        .iter()
                        .map(|(d, span, _)| brief::Provenance {
                            doc: docs[*d].id.clone(),
                            span: *span,
                        })
                        .collect(),
                    first_doc: docs[p.first_doc].id.clone(),
                    kind: p.kind.as_str().to_string(),
                }
            })
            .collect(),
    }
}

struct Context<'a> {
    docs: &'a [Document],
    texts: &'a [AnalyzedText],
    reuse: &'a Reuse,
}

impl Context<'_> {
    fn sentence_text(&self, doc: usize, span: Span) -> String {
        span.slice(&self.docs[doc].text).to_string()
    }

    /// The copy group of a sentence, or a key unique to it.
    fn copy_key(&self, doc: usize, sentence: usize) -> (usize, usize) {
        match self.reuse.group_of.get(&(doc, sentence)) {
            Some(&g) => (usize::MAX, g),
            None => (doc, sentence),
        }
    }
}

/// Dated documents first by date, undated after, each by ingest position.
fn order_key(doc: &Document, index: usize) -> (bool, Option<NaiveDate>, usize) {
    (doc.published.is_none(), doc.published, index)
}

/// Undated documents borrow the story's latest known publication date: dates they mention
/// are most likely in the past of the story's reporting.
fn story_anchor(docs: &[Document]) -> DateAnchor {
    match docs.iter().filter_map(|d| d.published).max() {
        Some(date) => DateAnchor {
            date: Some(date),
            kind: AnchorKind::Story,
        },
        None => DateAnchor {
            date: None,
            kind: AnchorKind::None,
        },
    }
}

fn document_infos(
    docs: &[Document],
    reuse: &Reuse,
    copies: &[dossier_reuse::DocumentCopies],
) -> Vec<brief::DocumentInfo> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&i| order_key(&docs[i], i));
    order
        .into_iter()
        .map(|i| {
            let d = &docs[i];
            brief::DocumentInfo {
                id: d.id.clone(),
                source: d.source.clone(),
                title: d.title.clone(),
                published: d.published.map(|p| p.format("%Y-%m-%d").to_string()),
                url: d.url.clone(),
                near_duplicates: reuse
                    .near_duplicates
                    .iter()
                    .filter_map(|&(a, b, _)| match (a == i, b == i) {
                        (true, _) => Some(docs[b].id.clone()),
                        (_, true) => Some(docs[a].id.clone()),
                        _ => None,
                    })
                    .collect(),
                copied_share: (copies[i].copied_share() * 1000.0).round() / 1000.0,
                copies_from: copies[i]
                    .copies_from
                    .iter()
                    .map(|&f| docs[f].id.clone())
                    .collect(),
            }
        })
        .collect()
}

/// Extractive summary (`dossier_summary`): every body sentence is a candidate, with its
/// copy group and claim, so that no two chosen sentences state the same thing (same copy
/// group, same side of the same claim, or too close in words) and claims several
/// independent sources support are favoured; the sentences come back in reading order.
fn summary(
    ctx: &Context,
    claims: &[dossier_claims::Claim],
    length: dossier_summary::Length,
) -> Vec<brief::SummarySentence> {
    // A claim's assertion and its denial are different statements: the summary may carry both.
    let mut claim_of: HashMap<(usize, usize), dossier_summary::ClaimRef> = HashMap::new();
    for (c, claim) in claims.iter().enumerate() {
        for m in &claim.mentions {
            claim_of.insert(
                (m.doc, m.sentence),
                dossier_summary::ClaimRef {
                    id: c,
                    denies: m.stance == dossier_claims::Stance::Denies,
                    independent_sources: claim.independent_sources,
                },
            );
        }
    }
    let mut reading: Vec<usize> = (0..ctx.docs.len()).collect();
    reading.sort_by_key(|&d| order_key(&ctx.docs[d], d));
    let mut documents = vec![dossier_summary::DocumentInfo { order: 0 }; ctx.docs.len()];
    for (order, &d) in reading.iter().enumerate() {
        documents[d].order = order;
    }
    let mut sentences = Vec::new();
    let mut candidates = Vec::new();
    for (d, text) in ctx.texts.iter().enumerate() {
        for (position, (s, sentence)) in text.body_sentences().enumerate() {
            sentences.push((d, s));
            candidates.push(dossier_summary::Candidate {
                doc: d,
                position,
                text: sentence.span.slice(&ctx.docs[d].text),
                copy_group: ctx.reuse.group_of.get(&(d, s)).copied(),
                claim: claim_of.get(&(d, s)).copied(),
            });
        }
    }
    let input = dossier_summary::SummaryInput {
        documents,
        candidates,
    };
    let chosen = dossier_summary::summarize(&input, length, &dossier_summary::Params::default())
        .expect("every candidate names one of the story's documents");
    chosen
        .sentences
        .into_iter()
        .map(|i| {
            let (d, s) = sentences[i];
            let span = ctx.texts[d].sentences[s].span;
            brief::SummarySentence {
                text: ctx.sentence_text(d, span),
                doc: ctx.docs[d].id.clone(),
                span,
            }
        })
        .collect()
}

/// Dated events: each body sentence with a resolved date. The same event in several
/// documents (a copied sentence, or one claim, with the same date) is listed once, with the
/// other documents under `also_in`. Events that give one happening dates that cannot both
/// hold (a copied sentence whose calendar date was changed, one actor's first disclosure
/// of the story dated twice, or one claim given two calendar dates by two documents, see
/// [`Happening`]) point at each other in `conflicts_with`.
fn timeline(
    ctx: &Context,
    extractions: &[DocExtractions],
    claims: &[dossier_claims::Claim],
    story_entities: &[dossier_extract::StoryEntity],
) -> Vec<brief::TimelineEvent> {
    let mut claim_of: HashMap<(usize, usize), usize> = HashMap::new();
    let mut denies: HashSet<(usize, usize)> = HashSet::new();
    for (c, claim) in claims.iter().enumerate() {
        for m in &claim.mentions {
            claim_of.insert((m.doc, m.sentence), c);
            if m.stance == dossier_claims::Stance::Denies {
                denies.insert((m.doc, m.sentence));
            }
        }
    }
    let mut dates_per_sentence: HashMap<(usize, usize), usize> = HashMap::new();
    for (d, found) in extractions.iter().enumerate() {
        for mention in &found.dates {
            *dates_per_sentence.entry((d, mention.sentence)).or_default() += 1;
        }
    }
    let canonical = canonical_entity_names(story_entities);
    let mut events: Vec<DatedEvent> = Vec::new();
    let mut seen: HashMap<(String, (usize, usize)), usize> = HashMap::new();
    let mut order: Vec<(usize, usize)> = (0..ctx.docs.len())
        .flat_map(|d| (0..extractions[d].dates.len()).map(move |i| (d, i)))
        .collect();
    order.sort_by_key(|&(d, i)| (order_key(&ctx.docs[d], d), i));
    for (d, i) in order {
        let mention = &extractions[d].dates[i];
        let Some(resolved) = &mention.resolved else {
            continue;
        };
        let sentence = &ctx.texts[d].sentences[mention.sentence];
        if !ctx.texts[d].is_body(sentence) {
            continue;
        }
        let event_key = match claim_of.get(&(d, mention.sentence)) {
            Some(&c) => (usize::MAX - 1, c),
            None => ctx.copy_key(d, mention.sentence),
        };
        // Sentences of one claim may date different things (the detentions, a later denial
        // of them): only a copy whose written calendar date differs is one happening.
        let copy = ctx
            .reuse
            .group_of
            .get(&(d, mention.sentence))
            .copied()
            .filter(|_| mention.expression.bytes().any(|b| b.is_ascii_digit()));
        let key = (resolved.value.clone(), event_key);
        if let Some(&existing) = seen.get(&key) {
            events[existing].event.also_in.push(brief::Provenance {
                doc: ctx.docs[d].id.clone(),
                span: sentence.span,
            });
            continue;
        }
        seen.insert(key, events.len());
        // A claim's sentence dates the claim when its date is a calendar date and the only
        // date of the sentence (two dates are two happenings, and which one the claim is
        // cannot be told).
        let claim = claim_of
            .get(&(d, mention.sentence))
            .filter(|_| {
                dossier_extract::dates::names_calendar_date(&mention.expression)
                    && dates_per_sentence.get(&(d, mention.sentence)) == Some(&1)
                    && dates_a_point(&ctx.docs[d].text[sentence.span.start..mention.span.start])
            })
            .and_then(|&claim| {
                let dated = match dated_part(&ctx.docs[d].text, &extractions[d], mention) {
                    DatedPart::Statement => None,
                    DatedPart::Report(speaker) => Some(speaker),
                    DatedPart::Unclear => return None,
                };
                let text = &ctx.docs[d].text;
                Some(ClaimDating {
                    claim,
                    denies: denies.contains(&(d, mention.sentence)),
                    report_by: dated,
                    around: words_around(
                        &text[sentence.span.start..mention.span.start],
                        &text[mention.span.end..sentence.span.end],
                    ),
                })
            });
        events.push(DatedEvent {
            start: resolved.start,
            end: resolved.end,
            copy,
            claim,
            discloser: first_discloser_in(ctx, &extractions[d], d, mention.sentence, &canonical),
            sentence: (d, mention.sentence),
            event: brief::TimelineEvent {
                date: resolved.value.clone(),
                precision: resolved.precision,
                expression: mention.expression.clone(),
                anchor: mention.anchor.clone(),
                text: ctx.sentence_text(d, sentence.span),
                doc: ctx.docs[d].id.clone(),
                span: sentence.span,
                also_in: Vec::new(),
                conflicts_with: Vec::new(),
            },
        });
    }
    // A report's lead tells what happened as it was published: when it carries no date of
    // its own, it is dated by its document's publication date (anchor `publication`).
    let mut dated_sentences: HashSet<(usize, usize)> = events.iter().map(|e| e.sentence).collect();
    for e in &events {
        for p in &e.event.also_in {
            if let Some(d) = ctx.docs.iter().position(|doc| doc.id == p.doc) {
                if let Some(s) = ctx.texts[d].sentences.iter().position(|s| s.span == p.span) {
                    dated_sentences.insert((d, s));
                }
            }
        }
    }
    let mut leads: Vec<usize> = (0..ctx.docs.len()).collect();
    leads.sort_by_key(|&d| order_key(&ctx.docs[d], d));
    for d in leads {
        let Some(published) = ctx.docs[d].published else {
            continue;
        };
        let Some(lead) = lead_sentence(ctx, d) else {
            continue;
        };
        if dated_sentences.contains(&(d, lead)) {
            continue;
        }
        let sentence = &ctx.texts[d].sentences[lead];
        let event_key = match claim_of.get(&(d, lead)) {
            Some(&c) => (usize::MAX - 1, c),
            None => ctx.copy_key(d, lead),
        };
        let date = published.format("%Y-%m-%d").to_string();
        if let Some(&existing) = seen.get(&(date.clone(), event_key)) {
            events[existing].event.also_in.push(brief::Provenance {
                doc: ctx.docs[d].id.clone(),
                span: sentence.span,
            });
            continue;
        }
        seen.insert((date.clone(), event_key), events.len());
        events.push(DatedEvent {
            start: published,
            end: published,
            copy: None,
            claim: None,
            discloser: None,
            sentence: (d, lead),
            event: brief::TimelineEvent {
                date,
                precision: dossier_core::Precision::Day,
                expression: String::new(),
                anchor: brief::PUBLICATION_ANCHOR.to_string(),
                text: ctx.sentence_text(d, sentence.span),
                doc: ctx.docs[d].id.clone(),
                span: sentence.span,
                also_in: Vec::new(),
                conflicts_with: Vec::new(),
            },
        });
    }
    let mut events = merge_retold_events(ctx, events);
    events.sort_by(|a, b| a.start.cmp(&b.start).then(a.event.date.cmp(&b.event.date)));
    // Only events of one happening can contradict each other: one copy group, one
    // discloser, or one claim dated the same way (its statement, or one speaker's report).
    let mut happenings: HashMap<Happening<'_>, Vec<usize>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if let Some(group) = e.copy {
            happenings
                .entry(Happening::Copy(group))
                .or_default()
                .push(i);
        }
        if let Some(actor) = &e.discloser {
            happenings
                .entry(Happening::Disclosure(actor))
                .or_default()
                .push(i);
        }
        if let Some(c) = &e.claim {
            let key = Happening::Claim {
                claim: c.claim,
                denies: c.denies,
                report_by: c.report_by.as_deref(),
            };
            happenings.entry(key).or_default().push(i);
        }
    }
    let mut conflicts: Vec<Vec<usize>> = vec![Vec::new(); events.len()];
    // Content words of the events a claim check needed, each tokenised once.
    let mut words: Vec<Option<HashSet<String>>> = vec![None; events.len()];
    for (happening, members) in &happenings {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                if !events[i].contradicts(&events[j]) {
                    continue;
                }
                // Claims chain sentences together: two sentences of one claim date one
                // happening only when they themselves tell the same thing, in two documents
                // (one document telling a claim twice may date two steps of it).
                // A date of the statement itself dates the same thing in both only when the
                // words next to it are the same ("were detained on March 3" / "police
                // detained them on March 5", not "met him in 1985" / "a headshot in 1987").
                if let Happening::Claim { report_by, .. } = happening {
                    let (a, b) = (&events[i], &events[j]);
                    let dates_the_same = match (&a.claim, &b.claim) {
                        (Some(x), Some(y)) => {
                            report_by.is_some() || !x.around.is_disjoint(&y.around)
                        }
                        _ => false,
                    };
                    if a.sentence.0 == b.sentence.0 || !dates_the_same {
                        continue;
                    }
                    for e in [i, j] {
                        if words[e].is_none() {
                            words[e] = Some(events[e].content_words(ctx));
                        }
                    }
                    let told_the_same = match (&words[i], &words[j]) {
                        (Some(x), Some(y)) => tell_the_same(x, y),
                        _ => false,
                    };
                    if !told_the_same {
                        continue;
                    }
                }
                conflicts[i].push(j);
                conflicts[j].push(i);
            }
        }
    }
    events
        .into_iter()
        .zip(conflicts)
        .map(|(mut e, mut with)| {
            with.sort_unstable();
            with.dedup();
            e.event.conflicts_with = with;
            e.event
        })
        .collect()
}

/// Words a lead must have: shorter first lines are bylines, datelines and captions.
const LEAD_MIN_WORDS: usize = 8;

/// The report's lead: its first body sentence of some length.
fn lead_sentence(ctx: &Context, d: usize) -> Option<usize> {
    ctx.texts[d]
        .body_sentences()
        .find(|(_, s)| s.span.slice(&ctx.docs[d].text).split_whitespace().count() >= LEAD_MIN_WORDS)
        .map(|(index, _)| index)
}

/// Content words two sentences of other documents must share, beyond their date, to tell
/// the same event on the same day...
const RETOLD_MIN_SHARED_WORDS: usize = 4;
/// ...and the share of the shorter sentence's content words that must be.
const RETOLD_MIN_SHARED_SHARE: f32 = 0.4;

/// Joins events of different documents that tell the same thing on the same day in their
/// own words ("The first flight will ... land in Sydney on October 25" / "The A380 will make
/// a special charity flight on October 25 from Singapore to Sydney"): the first stays, the
/// others go to its `also_in`.
fn merge_retold_events(ctx: &Context, events: Vec<DatedEvent>) -> Vec<DatedEvent> {
    let mut by_day: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if e.event.precision == dossier_core::Precision::Day {
            by_day.entry(e.event.date.as_str()).or_default().push(i);
        }
    }
    // Content words only of events that share their day with another document's.
    let mut words: Vec<HashSet<String>> = vec![HashSet::new(); events.len()];
    for members in by_day.values() {
        let first_doc = events[members[0]].sentence.0;
        if members.iter().all(|&i| events[i].sentence.0 == first_doc) {
            continue;
        }
        for &i in members {
            words[i] = events[i].content_words(ctx);
        }
    }
    let mut union = dossier_core::UnionFind::new(events.len());
    for members in by_day.values() {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                if events[a].sentence.0 == events[b].sentence.0 {
                    continue;
                }
                if tell_the_same(&words[a], &words[b]) {
                    union.join(a, b);
                }
            }
        }
    }
    let mut kept: Vec<Option<DatedEvent>> = events.into_iter().map(Some).collect();
    for i in 0..kept.len() {
        let root = union.find(i);
        if root == i {
            continue;
        }
        if let Some(retold) = kept[i].take() {
            if let Some(first) = kept[root].as_mut() {
                first.event.also_in.push(brief::Provenance {
                    doc: retold.event.doc,
                    span: retold.event.span,
                });
                first.event.also_in.extend(retold.event.also_in);
            }
        }
    }
    kept.into_iter().flatten().collect()
}

/// Whether two sentences' content words (without their dates) say the same thing.
fn tell_the_same(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    let shared = a.intersection(b).count();
    let shorter = a.len().min(b.len()).max(1);
    shared >= RETOLD_MIN_SHARED_WORDS && shared as f32 / shorter as f32 >= RETOLD_MIN_SHARED_SHARE
}

/// What one happening is known by: events of one happening with dates that cannot both hold
/// contradict each other.
#[derive(Debug, PartialEq, Eq, Hash)]
enum Happening<'a> {
    /// Copies of one sentence (copy group).
    Copy(usize),
    /// An actor's first disclosure of the story.
    Disclosure(&'a str),
    /// A claim's statement (`report_by` `None`), or a speaker's report of it: "Novaya Gazeta
    /// reported on April 1 that ..." dates the newspaper's report, not the detentions, and
    /// two speakers may report one claim on different days.
    Claim {
        claim: usize,
        denies: bool,
        report_by: Option<&'a str>,
    },
}

/// How a sentence of a claim dates it.
struct ClaimDating {
    /// The claim (index in the story's claims).
    claim: usize,
    /// The sentence denies the claim (a denial is dated on its own).
    denies: bool,
    /// The speaker whose report the date is in the frame of ("Peskov told reporters on April
    /// 20 that ..."), or `None` when it dates the statement itself.
    report_by: Option<String>,
    /// Stems of the content words next to the date: what it dates.
    around: HashSet<String>,
}

/// Content words on each side of a date taken as what it dates.
const DATED_WORDS_EACH_SIDE: usize = 2;

/// Stems of the [`DATED_WORDS_EACH_SIDE`] content words before (`before` ends at the date) and
/// after (`after` starts after it) a date.
fn words_around(before: &str, after: &str) -> HashSet<String> {
    let content = |text: &str| -> Vec<String> {
        dossier_text::tokens(text, 0)
            .iter()
            .map(|t| t.text.to_lowercase())
            .filter(|w| w.chars().any(char::is_alphabetic) && !dossier_text::is_stopword(w))
            .map(|w| dossier_text::stem(&w))
            .collect()
    };
    let before = content(before);
    let after = content(after);
    before
        .into_iter()
        .rev()
        .take(DATED_WORDS_EACH_SIDE)
        .chain(after.into_iter().take(DATED_WORDS_EACH_SIDE))
        .collect()
}

/// Words before a date that make it the time something happened ("detained on March 28",
/// "first reported in March"). Other dates are bounds or references ("its best since 1993",
/// "by March"), name a thing ("the 2008 blockbuster"), or sit in a caption's aside ("in this
/// April 29, 2017, file photo").
const POINT_WORDS: [&str; 4] = ["on", "in", "at", "during"];

/// Whether a date expression, after the words `before` it in its sentence, dates when
/// something happened: it opens the sentence or follows one of [`POINT_WORDS`].
fn dates_a_point(before: &str) -> bool {
    dossier_text::tokens(before, 0)
        .last()
        .is_none_or(|t| POINT_WORDS.contains(&t.text.to_lowercase().as_str()))
}

/// Which part of a sentence its date expression is in.
enum DatedPart {
    /// The statement: no report frame, or inside the reported words.
    Statement,
    /// The frame of a report by this speaker.
    Report(String),
    /// Outside the reported words but not next to a known speaker: what it dates is unclear.
    Unclear,
}

/// Words at most between a date and the speaker of a report for the date to be the report's
/// ("On April 20, Russian Presidential Spokesman Dmitry Peskov told", "Peskov told reporters
/// on April 22").
const FRAME_REACH_WORDS: usize = 4;

/// Whether a date dates what a sentence states or the report of it: a date outside the
/// reported words of a quote or reported statement of its sentence, next to its speaker, is
/// in the report's frame. A date elsewhere outside the reported words (a caption's date after
/// a quote) dates neither for sure.
fn dated_part(
    text: &str,
    extractions: &DocExtractions,
    date: &dossier_extract::DateMention,
) -> DatedPart {
    let reported = |q: &&dossier_extract::QuoteMention| {
        q.span.start <= date.span.start && date.span.end <= q.span.end
    };
    if extractions.quotes.iter().any(|q| reported(&q)) {
        return DatedPart::Statement;
    }
    match extractions
        .quotes
        .iter()
        .find(|q| q.sentence == date.sentence)
    {
        None => DatedPart::Statement,
        Some(q) => match (&q.speaker, q.speaker_span) {
            (Some(speaker), Some(at)) => {
                let gap = if at.end <= date.span.start {
                    &text[at.end..date.span.start]
                } else if date.span.end <= at.start {
                    &text[date.span.end..at.start]
                } else {
                    ""
                };
                if dossier_text::tokens(gap, 0).len() <= FRAME_REACH_WORDS {
                    DatedPart::Report(speaker.clone())
                } else {
                    DatedPart::Unclear
                }
            }
            _ => DatedPart::Unclear,
        },
    }
}

/// A timeline event with what decides whether two events contradict each other.
struct DatedEvent {
    start: NaiveDate,
    end: NaiveDate,
    /// The copy group of its sentence, when the date is written as a calendar date.
    copy: Option<usize>,
    /// The claim its sentence states, when the date is a calendar date dating it.
    claim: Option<ClaimDating>,
    /// The actor its sentence says first disclosed the story, if any.
    discloser: Option<String>,
    /// Document and sentence of the listed occurrence.
    sentence: (usize, usize),
    event: brief::TimelineEvent,
}

impl DatedEvent {
    /// Stems of its sentence's content words, its date expression left out.
    fn content_words(&self, ctx: &Context) -> HashSet<String> {
        let sentence = self.event.span.slice(&ctx.docs[self.sentence.0].text);
        let date_words: HashSet<String> = dossier_text::tokens(&self.event.expression, 0)
            .iter()
            .map(|t| t.text.to_lowercase())
            .collect();
        dossier_text::tokens(sentence, 0)
            .iter()
            .map(|t| t.text.to_lowercase())
            .filter(|w| !dossier_text::is_stopword(w) && !date_words.contains(w))
            .map(|w| dossier_text::stem(&w))
            .collect()
    }

    /// Two dates of one happening (events already known to be one) that cannot both hold:
    /// days that do not overlap. Two dates in one sentence are two happenings ("reported in
    /// March and confirmed on April 1").
    fn contradicts(&self, other: &DatedEvent) -> bool {
        self.sentence != other.sentence && (self.end < other.start || other.end < self.start)
    }
}

/// Canonical story-entity name of each (document, mention) pair.
fn canonical_entity_names(
    story_entities: &[dossier_extract::StoryEntity],
) -> HashMap<(usize, usize), &str> {
    story_entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |&m| (m, e.name.as_str())))
        .collect()
}

/// The canonical name of the person or organisation a sentence says first disclosed the
/// story ("Novaya Gazeta first reported in March ..."), if it says so.
fn first_discloser_in(
    ctx: &Context,
    extractions: &DocExtractions,
    doc: usize,
    sentence: usize,
    canonical: &HashMap<(usize, usize), &str>,
) -> Option<String> {
    let span = ctx.texts[doc].sentences[sentence].span;
    let (mentions, actors): (Vec<usize>, Vec<(usize, usize)>) = extractions
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.sentence == sentence
                && matches!(
                    e.kind,
                    dossier_extract::EntityKind::Person | dossier_extract::EntityKind::Organization
                )
                && e.span.start >= span.start
                && e.span.end <= span.end
        })
        .map(|(m, e)| (m, (e.span.start - span.start, e.span.end - span.start)))
        .unzip();
    let found = dossier_claims::first_discloser(span.slice(&ctx.docs[doc].text), &actors)?;
    let mention = mentions[found];
    Some(
        canonical
            .get(&(doc, mention))
            .map(|name| name.to_string())
            .unwrap_or_else(|| extractions.entities[mention].text.clone()),
    )
}

/// Figures with their group; a figure in a copied sentence is listed once (first carrier).
/// A figure with no date of its own holds for its document's publication date, if known.
/// Figures that contradict each other (same quantity, same day, other sources) say so.
fn figures(
    ctx: &Context,
    extractions: &[DocExtractions],
    groups: &[Vec<usize>],
) -> Vec<brief::Figure> {
    let mut out = Vec::new();
    // Per listed figure: the mention, the day it holds for, and who states it.
    let mut facts: Vec<(&FigureMention, Option<ResolvedDate>, String)> = Vec::new();
    let mut seen = HashSet::new();
    for (d, e) in extractions.iter().enumerate() {
        for (f, group) in e.figures.iter().zip(&groups[d]) {
            let copy = ctx.copy_key(d, f.sentence);
            if !seen.insert((copy, f.expression.clone())) {
                continue;
            }
            let sentence = ctx.texts[d].sentences[f.sentence].span;
            let resolved = f
                .date
                .clone()
                .or_else(|| ctx.docs[d].published.map(ResolvedDate::day));
            let date = resolved.as_ref().map(|r| r.value.clone());
            let outlet = ctx.docs[d]
                .source
                .clone()
                .unwrap_or_else(|| ctx.docs[d].id.clone());
            facts.push((f, resolved, outlet));
            out.push(brief::Figure {
                value: f.value,
                value_max: f.value_max,
                qualifier: f.qualifier.clone(),
                counts: f.counts.clone().unwrap_or_else(|| "unknown".to_string()),
                expression: f.expression.clone(),
                text: ctx.sentence_text(d, sentence),
                doc: ctx.docs[d].id.clone(),
                span: sentence,
                date,
                group: *group,
                conflicts_with: Vec::new(),
            });
        }
    }
    let claims: Vec<FigureClaim> = out
        .iter()
        .zip(&facts)
        .map(|(f, (mention, date, outlet))| FigureClaim {
            value: f.value,
            value_max: f.value_max,
            qualifier: mention.qualifier.as_deref(),
            group: f.group,
            head: mention.head.as_deref(),
            date: date.as_ref(),
            source: outlet,
        })
        .collect();
    for (f, conflicts) in out.iter_mut().zip(conflicting_figures(&claims)) {
        f.conflicts_with = conflicts;
    }
    out
}

/// Quotes with canonical speakers; the same words quoted in several documents are listed
/// once, with the other documents under `copies`.
fn quotes(ctx: &Context, extractions: &[DocExtractions]) -> Vec<brief::Quote> {
    let mut out: Vec<brief::Quote> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (d, e) in extractions.iter().enumerate() {
        for q in &e.quotes {
            let key = match_key(&q.text);
            if let Some(&i) = by_key.get(&key) {
                out[i].copies.push(brief::Provenance {
                    doc: ctx.docs[d].id.clone(),
                    span: q.span,
                });
                continue;
            }
            by_key.insert(key, out.len());
            out.push(brief::Quote {
                speaker: q.speaker.clone().unwrap_or_else(|| "unknown".to_string()),
                speaker_mention: q.speaker_mention.clone(),
                speaker_role: q.speaker_role.clone(),
                kind: match q.kind {
                    QuoteKind::Direct => "direct",
                    QuoteKind::Indirect => "indirect",
                }
                .to_string(),
                text: q.text.clone(),
                doc: ctx.docs[d].id.clone(),
                span: q.span,
                copies: Vec::new(),
            });
        }
    }
    out
}
