//! Loading the bundled example reports, shared by the test helpers (included with `#[path]`;
//! as a test crate of its own it has no tests).
#![allow(dead_code)]

use dossier_core::{Document, Origin};

/// The Chechnya 2017 example reports.
pub const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/chechnya-2017");

/// A document whose body is all of `text`.
pub fn doc(id: &str, text: &str) -> Document {
    Document::plain(id, text)
}

/// Loads example `prefix` ("000".."004"); 001's " date 2017-04-15 " header is outside the
/// body, which starts at "There is no reliable".
pub fn load(prefix: &str) -> Document {
    let path = std::fs::read_dir(DIR)
        .expect("examples directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .expect("example file");
    let text = std::fs::read_to_string(&path).unwrap();
    let origin = Origin {
        path: path.display().to_string(),
        record: None,
    };
    dossier_ingest::parse_plain_text(prefix, text, origin)
}
