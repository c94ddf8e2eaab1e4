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
    /// Reads the edition back and compares it with document `doc` of `docs`.
    pub fn run(&self, docs: &[Document]) -> SinceRead {
        match docs.get(self.doc) {
            Some(now) => since_read(&self.dir, &self.key, self.doc, now),
            None => SinceRead::NoEdition,
        }
    }
}

/// What comparing a document with the edition last read of it found.
#[derive(Debug)]
pub enum SinceRead {
    /// No edition is kept (or it cannot be read).
    NoEdition,
    /// The same paragraphs, word for word, styled alike: the edition kept need not be
    /// written again.
    Same,
    /// Changed, in formatting only when there is no message; else the message that says
    /// what changed in substance.
    Changed(Option<Message>),
}

/// Compares `now`, open as document `doc`, with the edition of `key` last read.
fn since_read(dir: &Path, key: &str, doc: usize, now: &Document) -> SinceRead {
    let Some(old) = editions::last_read(dir, key) else {
        return SinceRead::NoEdition;
    };
    if same_text(&old, now) {
        return if editions::kept_alike(&old, now) {
            SinceRead::Same
        } else {
            SinceRead::Changed(None)
        };
    }
    let comparison = crate::compare::compare(&old, now);
    let summary = comparison.summary();
    SinceRead::Changed((summary.substance() > 0).then(|| Message::LastRead {
        doc,
        old: Box::new(old),
        summary,
        common: comparison.common,
    }))
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
            match since_read(dir, &key, doc, now) {
                SinceRead::Same => self.same_as_kept(key, now),
                SinceRead::Changed(message) => out.extend(message),
                SinceRead::NoEdition => {}
            }
        }
        out
    }

    /// Notes that open document `now` of `key` is word for word the edition kept of it.
    pub fn same_as_kept(&self, key: String, now: &Document) {
        self.same_as_kept
            .borrow_mut()
            .push((key, std::sync::Arc::downgrade(&now.blocks)));
    }

    /// Whether open document `doc` of `key` was found word for word the edition kept.
    fn is_kept(&self, key: &str, doc: &Document) -> bool {
        let blocks = std::sync::Arc::downgrade(&doc.blocks);
        self.same_as_kept
            .borrow()
            .iter()
            .any(|(k, b)| k == key && b.ptr_eq(&blocks))
    }

    /// The comparisons with last-read editions too long to make on the event loop, to be
    /// made in the background (each once).
    pub fn checks_for_later(&self) -> Vec<LastReadCheck> {
        std::mem::take(&mut *self.later.borrow_mut())
    }

    /// Keeps the open documents as read (when the reader closes): all of them when few are open, else the one on
    /// screen and those that changed since they were last read, once what changed was looked
    /// at (`D`). A redline is not kept, nor a
    /// document found word for word as its edition kept (at 100 MB, writing it takes
    /// seconds).
    pub fn keep_as_read(&self, app: &App) {
        let Some(dir) = &self.dir else {
            return;
        };
        let redline = app.redline.as_ref().map(|r| r.doc);
        for (i, doc) in app.docs.iter().enumerate() {
            let wanted =
                app.docs.len() <= KEPT_ALL_UP_TO || i == app.doc || app.last_read.contains_key(&i);
            // Said to have changed, and what changed not looked at yet: the edition read
            // stays the one to compare with.
            let unseen = app.last_read.get(&i).is_some_and(|l| !l.shown);
            if !wanted
                || unseen
                || doc.path.is_none()
                || doc.is_partial()
                || Some(i) == redline
                || !app.identified[i]
                || self.is_kept(&app.doc_keys[i], doc)
            {
                continue;
            }
            // Losing it loses nothing the user wrote: only the next "what changed".
            let _ = editions::keep(dir, &app.doc_keys[i], doc);
        }
    }
}
