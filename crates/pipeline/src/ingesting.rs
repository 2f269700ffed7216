//! From files to stored documents and stories.

use std::collections::HashSet;
use std::path::PathBuf;

use dossier_core::Document;
use dossier_ingest::Rejection;
use dossier_store::{InsertOutcome, NewDocument, Store, StoryBatch};
use dossier_stories::{features, Clusterer, DocFeatures, Params};
use dossier_text::{analyze, mark_outlet_boilerplate, paragraph_hashes, AnalyzedText};

use crate::PipelineError;

/// Documents written per transaction: large enough to amortise the commit, small enough
/// that a crash loses little work (and nothing acknowledged).
const BATCH: usize = 256;
/// Longest story title taken from a sentence, in characters.
const TITLE_CHARS: usize = 100;

/// What an ingest did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IngestSummary {
    /// Documents read from the input.
    pub read: usize,
    /// Documents newly stored.
    pub inserted: usize,
    /// Documents already stored (same content): skipped.
    pub duplicates: usize,
    /// Documents stored under a new id because their id was taken by different content.
    pub renamed: Vec<(String, String)>,
    /// Inputs that could not be read, with the reason.
    pub rejections: Vec<Rejection>,
    /// Stories started.
    pub stories_created: usize,
    /// Stories merged (merged, into).
    pub merges: Vec<(i64, i64)>,
    /// Documents moved to another story after they had been placed (document id, story
    /// left, story joined).
    pub moves: Vec<(String, i64, i64)>,
}

/// Progress, reported after each batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestProgress {
    /// Documents read so far.
    pub documents: usize,
    /// Inputs rejected so far.
    pub rejected: usize,
}

/// Reads `paths`, stores new documents and assigns them to stories. Each batch of documents
/// is stored in one transaction, then its story assignments in another; documents left
/// without a story by an interrupted run are assigned at the start of the next.
pub fn ingest(
    store: &mut Store,
    paths: &[PathBuf],
    on_progress: &mut dyn FnMut(&IngestProgress),
) -> Result<IngestSummary, PipelineError> {
    ingest_documents(store, dossier_ingest::read_paths(paths), on_progress)
}

/// Like [`ingest()`], for documents (and rejections) that come from elsewhere than files:
/// stores the new documents and assigns them to stories, in order, and counts each
/// rejection in [`IngestSummary::rejections`].
pub fn ingest_documents(
    store: &mut Store,
    items: impl IntoIterator<Item = Result<Document, Rejection>>,
    on_progress: &mut dyn FnMut(&IngestProgress),
) -> Result<IngestSummary, PipelineError> {
    Ingester::new(store)?.ingest(store, items, on_progress)
}

/// An ingest session: the story clusterer rebuilt from the store once, then used for any
/// number of [`Ingester::ingest`] calls (one per feed of a polling round, say) without
/// rebuilding it each time.
///
/// Keep a session short (one command, one polling round): it does not see documents that
/// another process stores meanwhile, and its next story id would then collide with theirs.
pub struct Ingester {
    stories: StoryAssigner,
    /// What assigning the orphans found at the start did, reported with the first ingest.
    carried: IngestSummary,
}

impl Ingester {
    /// Rebuilds the story clusterer from the store and assigns stories to documents left
    /// without one by an interrupted run.
    pub fn new(store: &mut Store) -> Result<Ingester, PipelineError> {
        let mut clusterer = Clusterer::new(Params::default(), store.next_story_id()?);
        let mut assigned = HashSet::new();
        let mut numbered = Vec::new();
        for (doc, story, json) in store.document_features()? {
            let f: DocFeatures =
                serde_json::from_str(&json).map_err(|source| PipelineError::Features {
                    doc: doc.clone(),
                    source,
                })?;
            clusterer.restore(story, &f);
            numbered.push(doc.clone());
            assigned.insert(doc);
        }
        let mut carried = IngestSummary::default();
        let mut stories = StoryAssigner {
            clusterer,
            numbered,
            headline_titled: HashSet::new(),
        };

        // Documents stored by an interrupted run but never assigned a story.
        let orphans: Vec<(Document, AnalyzedText)> = store
            .documents()?
            .into_iter()
            .filter(|d| !assigned.contains(&d.id))
            .map(|d| {
                let text = analyze(&d);
                (d, text)
            })
            .collect();
        drop(assigned);
        if !orphans.is_empty() {
            stories.assign(store, &orphans, &mut carried)?;
        }
        Ok(Ingester { stories, carried })
    }

    /// Stores the new documents of `items` (in batches, each one transaction) and assigns
    /// them to stories; rejections are collected in the summary. `store` must be the store
    /// the session was made from.
    pub fn ingest(
        &mut self,
        store: &mut Store,
        items: impl IntoIterator<Item = Result<Document, Rejection>>,
        on_progress: &mut dyn FnMut(&IngestProgress),
    ) -> Result<IngestSummary, PipelineError> {
        let mut summary = std::mem::take(&mut self.carried);
        let mut batch = Vec::with_capacity(BATCH);
        let mut progress = IngestProgress::default();
        for item in items {
            match item {
                Ok(doc) => {
                    summary.read += 1;
                    progress.documents += 1;
                    batch.push(doc);
                }
                Err(rejection) => {
                    progress.rejected += 1;
                    summary.rejections.push(rejection);
                }
            }
            if batch.len() >= BATCH {
                store_batch(
                    store,
                    &mut self.stories,
                    std::mem::take(&mut batch),
                    &mut summary,
                )?;
                on_progress(&progress);
            }
        }
        if !batch.is_empty() {
            store_batch(store, &mut self.stories, batch, &mut summary)?;
        }
        on_progress(&progress);
        Ok(summary)
    }
}

fn store_batch(
    store: &mut Store,
    stories: &mut StoryAssigner,
    batch: Vec<Document>,
    summary: &mut IngestSummary,
) -> Result<(), PipelineError> {
    let texts: Vec<AnalyzedText> = batch.iter().map(analyze).collect();
    let new: Vec<NewDocument> = batch
        .into_iter()
        .zip(&texts)
        .map(|(document, text)| NewDocument {
            lines: if document.source.is_some() {
                paragraph_hashes(&document, text)
            } else {
                Vec::new()
            },
            document,
            sentences: text.sentences.iter().map(|s| s.span).collect(),
        })
        .collect();
    let outcomes = store.insert_documents(&new)?;
    let mut stored = Vec::new();
    for ((new_doc, mut text), outcome) in new.into_iter().zip(texts).zip(outcomes) {
        // Shared sentences join stories because syndication copies them across outlets.
        // A line the same outlet printed in another of its documents (its template, a
        // newsletter pitch) is no such evidence, so story assignment does not see it.
        if let Some(source) = &new_doc.document.source {
            let boilerplate = store.outlet_boilerplate(source, &new_doc.lines, 2, 0)?;
            mark_outlet_boilerplate(&new_doc.document, &mut text, &boilerplate);
        }
        let mut doc = new_doc.document;
        match outcome {
            InsertOutcome::Inserted { .. } => {}
            InsertOutcome::Renamed { from, to } => {
                doc.id = to.clone();
                summary.renamed.push((from, to));
            }
            InsertOutcome::Duplicate { .. } => {
                summary.duplicates += 1;
                continue;
            }
        }
        summary.inserted += 1;
        stored.push((doc, text));
    }
    stories.assign(store, &stored, summary)
}

/// The online clusterer, the ids of the documents it has numbered, and which stories already
/// carry a headline as their title.
struct StoryAssigner {
    clusterer: Clusterer,
    /// Document ids by [`dossier_stories::DocNumber`] (a move names an earlier document).
    numbered: Vec<String>,
    /// Stories whose stored title is a headline (in this run); others take the first headline
    /// of a document that joins them.
    headline_titled: HashSet<i64>,
}

impl StoryAssigner {
    fn assign(
        &mut self,
        store: &mut Store,
        docs: &[(Document, AnalyzedText)],
        summary: &mut IngestSummary,
    ) -> Result<(), PipelineError> {
        let mut story_batch = StoryBatch::default();
        // Documents with a marginal decision are held back by the clusterer and placed a few
        // documents later; the flush places the rest, so every document of the batch has its
        // story when the batch is saved.
        let first = self.clusterer.next_doc_number();
        let mut all_features = Vec::with_capacity(docs.len());
        let mut placed = Vec::with_capacity(docs.len());
        for (doc, text) in docs {
            let f = features(doc, text);
            self.numbered.push(doc.id.clone());
            placed.extend(self.clusterer.push(&f));
            all_features.push(f);
        }
        placed.extend(self.clusterer.flush());
        for assignment in placed {
            let i = assignment
                .doc
                .checked_sub(first)
                .map(|i| i as usize)
                .filter(|&i| i < docs.len())
                .ok_or_else(|| {
                    PipelineError::Clusterer(format!(
                        "document number {} is not in the batch",
                        assignment.doc
                    ))
                })?;
            let ((doc, text), f) = (&docs[i], &all_features[i]);
            if assignment.created {
                summary.stories_created += 1;
                story_batch
                    .new_stories
                    .push((assignment.story, title_of(doc, text)));
                if doc.title.is_some() {
                    self.headline_titled.insert(assignment.story);
                }
            } else if let Some(title) = &doc.title {
                // A headline makes a better story title than a first sentence.
                if self.headline_titled.insert(assignment.story) {
                    story_batch
                        .title_updates
                        .push((assignment.story, title.clone()));
                }
            }
            for &m in &assignment.merged {
                summary.merges.push((m, assignment.story));
                story_batch.merges.push((m, assignment.story));
            }
            for m in &assignment.moved {
                let id = self.numbered.get(m.doc as usize).ok_or_else(|| {
                    PipelineError::Clusterer(format!("no document numbered {}", m.doc))
                })?;
                summary.moves.push((id.clone(), m.from, m.to));
                story_batch.moves.push((id.clone(), m.from, m.to));
            }
            let json = serde_json::to_string(f).map_err(|source| PipelineError::Features {
                doc: doc.id.clone(),
                source,
            })?;
            story_batch
                .assignments
                .push((doc.id.clone(), assignment.story, json));
        }
        store.save_story_assignments(&story_batch)?;
        Ok(())
    }
}

/// The document's headline, else its first body sentence, shortened.
fn title_of(doc: &Document, text: &AnalyzedText) -> String {
    if let Some(t) = &doc.title {
        return t.clone();
    }
    let first = text
        .body_sentences()
        .next()
        .map(|(_, s)| s.span.slice(&doc.text))
        .unwrap_or(&doc.id);
    if first.chars().count() <= TITLE_CHARS {
        first.to_string()
    } else {
        let cut: String = first.chars().take(TITLE_CHARS).collect();
        match cut.rfind(' ') {
            Some(i) => format!("{}…", &cut[..i]),
            None => format!("{cut}…"),
        }
    }
}
