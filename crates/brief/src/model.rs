//! The brief: Dossier's output contract. Field names are part of the public JSON contract
//! (documented in `docs/brief.md`, schema in `docs/brief.schema.json`); other tools read them,
//! so rename nothing without a version bump.

use dossier_core::Span;
use serde::{Deserialize, Serialize};

/// Everything Dossier says about one story. Every item carries its provenance: the id of
/// the document it came from (`doc`) and the byte span of the text it came from (`span`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    /// Version of this JSON contract.
    pub schema_version: u32,
    /// The story and its documents.
    pub story: StoryInfo,
    /// Extractive summary, in reading order.
    pub summary: Vec<SummarySentence>,
    /// Dated events, oldest first.
    pub timeline: Vec<TimelineEvent>,
    /// Figures (counts, amounts) with what they count.
    pub figures: Vec<Figure>,
    /// Quotes, direct and indirect, with their speakers.
    pub quotes: Vec<Quote>,
    /// People, organisations and places, aliases merged.
    pub entities: Vec<Entity>,
    /// Statements grouped across documents, with support and stance.
    pub claims: Vec<Claim>,
    /// Text copied between documents.
    pub copies: Vec<Copy>,
}

/// The story header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryInfo {
    /// Stable story id.
    pub id: i64,
    /// A title for the story (the headline of its earliest titled document, else its most central sentence).
    pub title: String,
    /// The documents of the story, oldest first (undated last).
    pub documents: Vec<DocumentInfo>,
}

/// One document of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// Document id.
    pub id: String,
    /// Outlet, or null when unknown.
    pub source: Option<String>,
    /// Headline, or null when unknown.
    pub title: Option<String>,
    /// Publication date (ISO day), or null when unknown.
    pub published: Option<String>,
    /// URL, or null when unknown.
    pub url: Option<String>,
    /// Other documents of the story that are near-duplicates of this one as a whole
    /// (estimated Jaccard similarity of word 3-gram shingles at least 0.5).
    pub near_duplicates: Vec<String>,
    /// Share (0 to 1) of this document's reporting text that other documents of the story
    /// also carry (copied sentences, exact or near).
    pub copied_share: f64,
    /// Documents that first carried a sentence this document also carries (the edges of the
    /// story's copy graph, pointing to the source).
    pub copies_from: Vec<String>,
}

/// One summary sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    /// The sentence as written.
    pub text: String,
    /// Document it came from.
    pub doc: String,
    /// Its byte span in that document.
    pub span: Span,
}

/// [`TimelineEvent::anchor`] of an event whose sentence gives no date: a report's lead,
/// dated by the day the report was published (it tells what happened as it was reported).
pub const PUBLICATION_ANCHOR: &str = "publication";

impl Brief {
    /// The pairs of timeline events that date one happening differently, each pair once
    /// (earlier index first).
    pub fn timeline_conflicts(&self) -> impl Iterator<Item = (&TimelineEvent, &TimelineEvent)> {
        self.timeline
            .iter()
            .enumerate()
            .flat_map(move |(e, event)| {
                event
                    .conflicts_with
                    .iter()
                    .filter(move |&&other| other > e)
                    .filter_map(move |&other| self.timeline.get(other).map(|o| (event, o)))
            })
    }
}

impl std::fmt::Display for TimelineEvent {
    /// `date “expression” [doc] text`, one line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} “{}” [{}] {}",
            self.date, self.expression, self.doc, self.text
        )
    }
}

/// A dated event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// ISO date (`2017-04-11`, `2017-03`, `2017`, or `start/end` for a range).
    pub date: String,
    /// `day`, `month`, `year` or `range`.
    pub precision: dossier_core::Precision,
    /// The date expression as written ("Thursday morning (April 13)"); empty when the
    /// sentence gives no date and the event is dated by its report's publication date.
    pub expression: String,
    /// What the date was resolved against: `document` (the document's own date), `story`
    /// (the story's dates, the document having none), `absolute` (the text gives the year)
    /// or [`PUBLICATION_ANCHOR`] (no date in the sentence: a report's lead, dated by the
    /// day the report was published).
    pub anchor: String,
    /// The sentence that carries the event.
    pub text: String,
    /// Document it came from.
    pub doc: String,
    /// Span of the sentence.
    pub span: Span,
    /// Other documents stating the same event (same date and same claim).
    pub also_in: Vec<Provenance>,
    /// Indices (into the brief's `timeline`) of events giving the same happening a date that
    /// cannot also hold: the same claim dated differently, or the same actor's first
    /// disclosure of the story ("first reported in March" against "On April 1, ... raised
    /// the issue").
    pub conflicts_with: Vec<usize>,
}

/// A pointer to a piece of text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Provenance {
    /// Document id.
    pub doc: String,
    /// Byte span in that document.
    pub span: Span,
}

/// A figure: a number with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The value (lower bound of a range such as 16-50).
    pub value: f64,
    /// Upper bound when the figure is a range ("16-50"), else null.
    pub value_max: Option<f64>,
    /// `over`, `at least`, `around`, `up to`, `nearly`, `only`, ... or null when exact.
    pub qualifier: Option<String>,
    /// What is counted ("gay men detained", "signatures"), or "unknown".
    pub counts: String,
    /// The figure as written ("over 8,700").
    pub expression: String,
    /// The sentence it is in.
    pub text: String,
    /// Document it came from.
    pub doc: String,
    /// Span of the sentence.
    pub span: Span,
    /// ISO date the figure holds for, or null when unknown.
    pub date: Option<String>,
    /// Figures counting the same thing share a group number; within a group, the figures
    /// ordered by date show how the quantity changed.
    pub group: usize,
    /// Indices (into the brief's `figures`) of figures this one contradicts: the same
    /// quantity for the same day, from another source, with values no qualifier reconciles.
    pub conflicts_with: Vec<usize>,
}

/// A quote with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Canonical speaker name, or "unknown".
    pub speaker: String,
    /// The speaker as written where resolved ("The spokesperson", "he"), or null.
    pub speaker_mention: Option<String>,
    /// The speaker's role or organisation when stated ("spokesperson for Russian president Vladimir Putin").
    pub speaker_role: Option<String>,
    /// `direct` (in quote marks) or `indirect` (reported speech).
    pub kind: String,
    /// The quoted words.
    pub text: String,
    /// Document it came from.
    pub doc: String,
    /// Span of the quoted words.
    pub span: Span,
    /// The same quote in other documents (copies).
    pub copies: Vec<Provenance>,
}

/// A named entity of the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical (longest) name.
    pub name: String,
    /// `person`, `organization`, `place`, `nationality` or `other`.
    pub kind: String,
    /// Other names merged into this one ("Kadyrov").
    pub aliases: Vec<String>,
    /// Number of mentions across the story.
    pub mentions: usize,
    /// Documents that mention it.
    pub docs: Vec<String>,
}

/// A statement made in one or more documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Representative wording (from the earliest asserting mention).
    pub text: String,
    /// Every sentence stating it, with its stance.
    pub mentions: Vec<ClaimMention>,
    /// Sources (primary source, else outlet/document) asserting it.
    pub asserted_by: Vec<String>,
    /// Sources denying it.
    pub denied_by: Vec<String>,
    /// Distinct sources after counting a copied passage once.
    pub independent_sources: usize,
    /// True when some sources assert it and others deny it.
    pub disputed: bool,
}

/// One sentence stating a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimMention {
    /// Document id.
    pub doc: String,
    /// Span of the sentence.
    pub span: Span,
    /// `asserts`, `denies`, `reports` or `questions`.
    pub stance: String,
    /// Who the statement is attributed to, or null (then the outlet stands behind it).
    pub source: Option<String>,
    /// How the statement reached the document's outlet: the outlet, the outlet it copied
    /// the sentence from (if any), then the primary source counted for independence.
    pub chain: Vec<String>,
    /// The sentence.
    pub text: String,
}

/// A passage copied between documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Copy {
    /// The passage (as in the first document).
    pub text: String,
    /// Documents carrying it, with their spans.
    pub docs: Vec<Provenance>,
    /// The document that carried it first (earliest date, else first ingested).
    pub first_doc: String,
    /// `exact` or `near` (near-copy: small edits).
    pub kind: String,
}
