//! Named entities (people, organisations, places, nationalities) and story-level alias merging.

use dossier_core::{Document, Span};
use dossier_text::AnalyzedText;
use serde::Serialize;

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
}

impl EntityKind {
    /// The name used in the brief: `person`, `organization`, `place`, `nationality`.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Nationality => "nationality",
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

/// Finds named-entity mentions in a document's body sentences.
pub fn extract_entities(doc: &Document, text: &AnalyzedText) -> Vec<EntityMention> {
    let _ = (doc, text);
    Vec::new()
}

/// Merges the mentions of a story's documents into entities, aliases joined
/// ("Kadyrov" = "Ramzan Kadyrov", "HRW" = "Human Rights Watch").
pub fn merge_story_entities(docs: &[&[EntityMention]]) -> Vec<StoryEntity> {
    let _ = docs;
    Vec::new()
}
