//! The pipeline: runs Dossier's stages in order.
//!
//! - [`ingest()`]: files → ingest → text → store (documents and sentences) → stories (online
//!   assignment, persisted). Idempotent: a document already stored is skipped.
//!   [`ingest_documents`] does the same for documents from elsewhere, and an [`Ingester`]
//!   keeps the story clusterer across several such calls.
//! - [`check_feed`]: a news feed → its entries not taken before → documents (optionally
//!   the article of each summary-only entry's page) → ingest; the feed's conditional-GET
//!   state and the entries taken are recorded in the store.
//! - [`brief_for_story`]: a story's documents → text → reuse → extract → claims → brief.
//!   Briefs are computed from the stored documents when asked for, so improving a stage
//!   improves every stored story without re-ingesting.

#![warn(missing_docs)]

mod analysis;
mod feeds;
mod ingesting;

pub use analysis::{brief_for_documents, brief_for_story, top_entities, BriefOptions};
pub use feeds::{check_feed, FeedOptions, FeedOutcome, FeedReport, PageFailure};
pub use ingesting::{ingest, ingest_documents, IngestProgress, IngestSummary, Ingester};

/// What can go wrong in the pipeline (input problems are not errors: they are reported in
/// [`IngestSummary::rejections`] and the rest goes on).
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] dossier_store::StoreError),
    /// The story asked for does not exist.
    #[error("no story with id {0}")]
    NoSuchStory(i64),
    /// Stored story features could not be read back.
    #[error("stored features of document {doc} are unreadable: {source}")]
    Features {
        /// The document.
        doc: String,
        /// Why.
        source: serde_json::Error,
    },
    /// The story clusterer named a document it was not given in this session (a bug; the
    /// batch's story assignments are not saved).
    #[error("story clusterer: {0}")]
    Clusterer(String),
}
