//! Helpers shared by ingest's test files.

use std::io::Write;

use dossier_core::Document;
use dossier_ingest::Rejection;
use flate2::write::GzEncoder;
use flate2::Compression;

/// Documents and rejections of a read, apart.
pub fn split(
    items: impl Iterator<Item = Result<Document, Rejection>>,
) -> (Vec<Document>, Vec<Rejection>) {
    let mut docs = Vec::new();
    let mut rejections = Vec::new();
    for item in items {
        match item {
            Ok(d) => docs.push(d),
            Err(r) => rejections.push(r),
        }
    }
    (docs, rejections)
}

/// `bytes` gzip-compressed.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}
