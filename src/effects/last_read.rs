//! The edition of each document last read: kept when the reader closes, compared with the
//! document when it is opened again (see [`crate::store::editions`]).

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

impl Notes {
    /// For each document just identified as `key`, the edition last read of it, when the
    /// document has changed in substance since.
    pub(super) fn changed_since_read(&self, app: &App, told: &[Message]) -> Vec<Message> {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        told.iter()
            .filter_map(|m| match m {
                Message::Identified { doc, key } => Some((*doc, key)),
                _ => None,
            })
            .filter_map(|(doc, key)| {
                let now = app.docs.get(doc).filter(|d| d.path.is_some())?;
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
            })
            .collect()
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
