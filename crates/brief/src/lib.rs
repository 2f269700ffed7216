//! The brief: Dossier's output.
//!
//! A [`Brief`] is everything Dossier says about one story: an extractive summary, a
//! timeline, figures, quotes with their speakers, entities, claims with who asserts and who
//! denies them, and passages copied between documents. Every item carries its provenance:
//! the id of the document it came from and the byte span of the text in that document.
//!
//! The [`model`] types are the JSON contract (documented in `docs/brief.md`, schema in
//! `docs/brief.schema.json`). The [`render`] module turns briefs into JSON
//! ([`to_json`], [`brief_to_json`]), Markdown ([`to_markdown`]) and self-contained HTML
//! ([`to_html`], [`to_html_index`]).

#![warn(missing_docs)]

pub mod model;
pub mod render;

pub use model::*;
pub use render::{brief_to_json, to_html, to_html_index, to_json, to_markdown, RenderError};

/// The version of the JSON contract this crate writes (`Brief::schema_version`).
pub const SCHEMA_VERSION: u32 = 4;
