//! The edition of each document last read: kept when the reader closes, compared with the
//! document when it is opened again (see [`crate::store::editions`]).

use std::path::{Path, PathBuf};

use super::Notes;
use crate::app::{App, Message};
use crate::doc::Document;
use crate::store::editions;

/// With this many documents open or fewer, all are kept as read when the reader closes;
/// with more, only the one on screen and those that changed.
const KEPT_ALL_UP_TO: usize = 20;

/// Whether two editions have the same paragraphs, word for word.
fn same_text(a: &Document, b: &Document) -> bool {
    a.blocks.len() == b.blocks.len()
        && a.blocks
            .iter()
            .zip(b.blocks.iter())
            .all(|(x, y)| x.text() == y.text())
}

/// A last-read edition kept in more bytes than this (compressed; about 1 MB of text) is read
/// back and compared off the event loop: at 100 MB that takes seconds.
const COMPARED_IN_BACKGROUND: u64 = 256 * 1024;

/// An open document to compare with the edition last read of it, off the event loop.
#[derive(Debug)]
pub struct LastReadCheck {
    dir: PathBuf,
    /// The document's key in the store.
    pub key: String,
    /// The document's place among the open documents.
    pub doc: usize,
}

impl LastReadCheck {
    /// Reads the edition back and compares it with document `doc` of `docs`: the message
    /// saying it changed in substance, if it did.
    pub fn run(&self, docs: &[Document]) -> Option<Message> {
        changed(&self.dir, &self.key, self.doc, docs.get(self.doc)?)
    }
}

/// Whether `now`, open as document `doc`, changed in substance since the edition of `key`
/// last read: the message that says so.
fn changed(dir: &Path, key: &str, doc: usize, now: &Document) -> Option<Message> {
    let old = editions::last_read(dir, key)?;
    if same_text(&old, now) {
        return None;
    }
    let summary = crate::compare::compare(&old, now).summary();
    (summary.substance() > 0).then(|| Message::LastRead {
        doc,
        old: Box::new(old),
        summary,
    })
}

impl Notes {
    /// For each document just identified as `key`, the edition last read of it, when the
    /// document has changed in substance since. Long ones are left to
    /// [`Notes::checks_for_later`].
    pub(super) fn changed_since_read(&self, app: &App, told: &[Message]) -> Vec<Message> {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        let identified = told.iter().filter_map(|m| match m {
            Message::Identified { doc, key } => Some((*doc, key.clone())),
            _ => None,
        });
        // Those identified while partly read, still the same documents.
        let waiting = std::mem::take(&mut *self.unread.borrow_mut())
            .into_iter()
            .filter(|(doc, key)| app.doc_keys.get(*doc) == Some(key));
        let mut out = Vec::new();
        for (doc, key) in identified.chain(waiting).collect::<Vec<_>>() {
            let Some(now) = app.docs.get(doc).filter(|d| d.path.is_some()) else {
                continue;
            };
            // A long PDF's first pages are not the edition: compared once it is whole.
            if now.is_partial() {
                self.unread.borrow_mut().push((doc, key));
                continue;
            }
            let Some(size) = editions::kept_size(dir, &key) else {
                continue;
            };
            if size > COMPARED_IN_BACKGROUND {
                self.later.borrow_mut().push(LastReadCheck {
                    dir: dir.clone(),
                    key,
                    doc,
                });
                continue;
            }
            out.extend(changed(dir, &key, doc, now));
        }
        out
    }

    /// The comparisons with last-read editions too long to make on the event loop, to be
    /// made in the background (each once).
    pub fn checks_for_later(&self) -> Vec<LastReadCheck> {
        std::mem::take(&mut *self.later.borrow_mut())
    }

    /// Keeps the open documents as read (when the reader closes): all of them when few are open, else the one on
    /// screen and those that changed since they were last read. A redline is not kept.
    pub fn keep_as_read(&self, app: &App) {
        let Some(dir) = &self.dir else {
            return;
        };
        let redline = app.redline.as_ref().map(|r| r.doc);
        for (i, doc) in app.docs.iter().enumerate() {
            let wanted =
                app.docs.len() <= KEPT_ALL_UP_TO || i == app.doc || app.last_read.contains_key(&i);
            if !wanted
                || doc.path.is_none()
                || doc.is_partial()
                || Some(i) == redline
                || !app.identified[i]
            {
                continue;
            }
            // Losing it loses nothing the user wrote: only the next "what changed".
            let _ = editions::keep(dir, &app.doc_keys[i], doc);
        }
    }
}
