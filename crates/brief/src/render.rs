//! Renderings of a [`Brief`]: JSON (the contract), Markdown (for a terminal) and a
//! self-contained HTML page.
//!
//! Markdown and HTML show the same sections in the same order: sources, summary, disputed
//! claims, claims, timeline, figures, who said what, entities, copied passages. Every item
//! ends with a provenance marker `[label §start-end]`: the document (by a short label, the
//! shortest unambiguous prefix of its id, listed in the sources table) and the byte span of
//! the text in that document's original text.

mod html;
mod markdown;
mod view;

use crate::model::Brief;

use self::view::BriefView;

/// An error while rendering a brief.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The HTML template failed to load or render.
    #[error("HTML template error: {0}")]
    Template(#[from] minijinja::Error),
}

/// Serializes briefs as a pretty-printed JSON array, the form `dossier` writes to disk.
///
/// The output validates against `docs/brief.schema.json` (one item per array element)
/// as long as every `f64` in the briefs is finite (JSON has no NaN; serde_json writes
/// `null`).
pub fn to_json(briefs: &[Brief]) -> String {
    // Serializing plain structs of strings, numbers, options and vectors cannot fail
    // (serde_json only fails on non-string map keys or a failing custom `Serialize`).
    serde_json::to_string_pretty(briefs).expect("a Brief always serializes to JSON")
}

/// Serializes one brief as a pretty-printed JSON object (see [`to_json`]).
pub fn brief_to_json(b: &Brief) -> String {
    // See `to_json`: infallible for these types.
    serde_json::to_string_pretty(b).expect("a Brief always serializes to JSON")
}

/// Renders a brief as Markdown for reading in a terminal.
///
/// Sections with nothing in them say "_None found._". Long texts are cut at about 300
/// characters with "…"; the provenance markers point at the full text.
pub fn to_markdown(b: &Brief) -> String {
    markdown::render(&BriefView::new(b))
}

/// Renders a brief as one self-contained HTML page (inline CSS, no scripts, no external
/// assets). All text from the brief is HTML-escaped.
pub fn to_html(b: &Brief) -> Result<String, RenderError> {
    html::render(b.story.title.trim(), &[BriefView::new(b)], false)
}

/// Renders several briefs on one self-contained HTML page, with a table of contents.
pub fn to_html_index(briefs: &[Brief]) -> Result<String, RenderError> {
    let views: Vec<BriefView> = briefs.iter().map(BriefView::new).collect();
    let title = match briefs.len() {
        1 => "Dossier: 1 story".to_string(),
        n => format!("Dossier: {n} stories"),
    };
    html::render(&title, &views, true)
}
