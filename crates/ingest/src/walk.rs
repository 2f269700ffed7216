//! Walking files and folders.

use std::collections::{HashSet, VecDeque};
use std::path::PathBuf;

use dossier_core::Document;

use crate::error::{IngestError, Rejection};
use crate::files::{self, Documents};

/// A path still to read: named on the command line, or found in a folder.
enum Pending {
    Named(PathBuf),
    Found(PathBuf),
}

/// The documents of files and folders, in order, read lazily.
pub(crate) struct Walk {
    queue: VecDeque<Pending>,
    current: Option<Documents>,
    /// Folders already walked (canonical paths), so symlink loops end.
    seen: HashSet<PathBuf>,
}

impl Walk {
    pub(crate) fn new(paths: Vec<PathBuf>) -> Self {
        Walk {
            queue: paths.into_iter().map(Pending::Named).collect(),
            current: None,
            seen: HashSet::new(),
        }
    }

    /// Lists folder `dir` into the front of the queue (sorted by name). Hidden entries are
    /// skipped, and so is the `<name>_files` folder a browser's "save page, complete" puts
    /// beside `<name>.html`: it holds the page's images, scripts and frames, not articles.
    fn expand(&mut self, dir: PathBuf) -> Result<(), Rejection> {
        let reject = |e| Rejection::new(dir.display().to_string(), None, IngestError::Directory(e));
        if let Ok(canonical) = dir.canonicalize() {
            if !self.seen.insert(canonical) {
                return Ok(());
            }
        }
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(&dir).map_err(reject)? {
            let entry = entry.map_err(reject)?;
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            entries.push((name, entry.path()));
        }
        let names: HashSet<String> = entries
            .iter()
            .map(|(n, _)| n.to_string_lossy().to_ascii_lowercase())
            .collect();
        entries.retain(|(name, path)| !is_saved_page_assets(&name.to_string_lossy(), path, &names));
        entries.sort();
        for (_, path) in entries.into_iter().rev() {
            self.queue.push_front(Pending::Found(path));
        }
        Ok(())
    }

    /// Starts on the next queued path; returns a rejection to yield, if any.
    fn visit(&mut self, pending: Pending) -> Option<Rejection> {
        let (path, named) = match pending {
            Pending::Named(p) => (p, true),
            Pending::Found(p) => (p, false),
        };
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => self.expand(path).err(),
            Ok(_) => {
                self.current = files::open(&path, named);
                None
            }
            Err(e) => Some(Rejection::new(
                path.display().to_string(),
                None,
                IngestError::io(e),
            )),
        }
    }
}

/// Whether `path` is the assets folder of a page saved beside it (`story_files` next to
/// `story.html` or `story.htm`).
fn is_saved_page_assets(name: &str, path: &std::path::Path, siblings: &HashSet<String>) -> bool {
    let lower = name.to_ascii_lowercase();
    let Some(stem) = lower.strip_suffix("_files") else {
        return false;
    };
    path.is_dir()
        && ["html", "htm", "xhtml", "html.gz", "htm.gz"]
            .iter()
            .any(|ext| siblings.contains(&format!("{stem}.{ext}")))
}

impl Iterator for Walk {
    type Item = Result<Document, Rejection>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(current) = &mut self.current {
                if let Some(item) = current.next() {
                    return Some(item);
                }
                self.current = None;
            }
            let pending = self.queue.pop_front()?;
            if let Some(rejection) = self.visit(pending) {
                return Some(Err(rejection));
            }
        }
    }
}
