//! Reading the store: which stored document each open file is, and the bookmarks and notes
//! of every open document (or, after a write, of the one written to), placed; and keeping
//! what finds annotated documents again under another name.

use std::collections::HashSet;

use super::Notes;
use super::identify::identify;
use crate::app::annotations::Annotations;
use crate::app::{App, Message};
use crate::doc::Document;
use crate::store::anchor::Placers;
use crate::store::{self, Store};

impl Notes {
    /// Reads the bookmarks and notes of the app's documents and places them (finding first
    /// which stored document each newly opened file is), and tells the app.
    pub fn load(&self, app: &mut App) {
        // A long text's first part is not the document: which document it is, and what
        // changed in it since it was last read, wait for the whole.
        if app.docs.iter().any(Document::is_first_part) {
            return;
        }
        let told = self.read_all(app);
        self.deliver(app, told, &mut std::io::sink());
    }

    /// What the store says of the app's documents: which stored document each newly opened
    /// file is, and their bookmarks and notes, placed.
    pub fn read_all(&self, app: &App) -> Vec<Message> {
        let Some(store) = &self.store else {
            return Vec::new();
        };
        let (mut told, keys) = match identify(store, app) {
            Ok(found) => found,
            Err(e) => {
                return vec![Message::said(
                    format!("Cannot read bookmarks and notes: {e}"),
                    true,
                )];
            }
        };
        crate::trace::phase("documents identified");
        let changed = self.changed_since_read(app, &told);
        told.extend(changed);
        crate::trace::phase("compared with the editions last read");
        let mut placers = self.placers.borrow_mut();
        placers.keep_only(&app.docs);
        told.push(match read(store, &app.docs, &keys, &mut placers) {
            Ok(annotations) => Message::Annotations(annotations, None),
            Err(e) => Message::said(format!("Cannot read bookmarks and notes: {e}"), true),
        });
        crate::trace::phase("bookmarks and notes placed");
        told
    }

    /// The bookmarks and notes of the open documents stored as `key` (`keys` are the open
    /// documents' keys), after a write to them: only those are read and placed again.
    pub(super) fn read_one(
        &self,
        store: &Store,
        app: &App,
        keys: &[String],
        key: &str,
    ) -> Vec<Message> {
        let docs: Vec<usize> = (0..keys.len()).filter(|&i| keys[i] == key).collect();
        if docs.is_empty() {
            return Vec::new();
        }
        let wanted = [key.to_string()];
        let (bookmarks, notes) = match (store.bookmarks(&wanted), store.notes(&wanted)) {
            (Ok(bookmarks), Ok(notes)) => (bookmarks, notes),
            (Err(e), _) | (_, Err(e)) => {
                return vec![Message::said(
                    format!("Cannot read bookmarks and notes: {e}"),
                    true,
                )];
            }
        };
        let placed = {
            let mut placers = self.placers.borrow_mut();
            placers.keep_only(&app.docs);
            Annotations::place(&app.docs, keys, bookmarks, notes, &mut placers)
        };
        let annotated: Vec<usize> = placed
            .bookmarks
            .iter()
            .map(|b| b.doc)
            .chain(placed.notes.iter().map(|n| n.doc))
            .collect();
        self.remember_documents(app, keys, annotated);
        vec![Message::Annotations(placed, Some(docs))]
    }

    /// Keeps, once per edition, what finds the documents with notes again under another
    /// name: their path, title and signature. Done when a bookmark or note is written and
    /// when brief ends, never on the way to the first frame (a signature reads the whole
    /// document).
    pub fn remember(&self, app: &App) {
        let annotations = &app.annotations;
        let annotated = annotations
            .bookmarks
            .iter()
            .map(|b| b.doc)
            .chain(annotations.notes.iter().map(|n| n.doc));
        self.remember_documents(app, &app.doc_keys, annotated);
    }

    /// Keeps what finds these open documents again (see [`Notes::remember`]); `keys` are the
    /// open documents' keys.
    pub(super) fn remember_documents(
        &self,
        app: &App,
        keys: &[String],
        docs: impl IntoIterator<Item = usize>,
    ) {
        let Some(store) = &self.store else {
            return;
        };
        let docs: HashSet<usize> = docs.into_iter().collect();
        let mut remembered = self.remembered.borrow_mut();
        for i in docs {
            let doc = &app.docs[i];
            let edition = (
                keys[i].clone(),
                std::sync::Arc::as_ptr(&doc.blocks) as usize,
            );
            if remembered.contains(&edition) {
                continue;
            }
            let path = doc.path.as_ref().map(|_| app.doc_paths[i].as_str());
            // Losing this loses no note: the document is still known by its path.
            if store.remember_document(&edition.0, path, doc).is_ok() {
                remembered.insert(edition);
            }
        }
    }
}

/// Reads and places the bookmarks and notes of these documents.
pub fn read(
    store: &Store,
    docs: &[Document],
    keys: &[String],
    placers: &mut Placers,
) -> Result<Annotations, store::StoreError> {
    Ok(Annotations::place(
        docs,
        keys,
        store.bookmarks(keys)?,
        store.notes(keys)?,
        placers,
    ))
}
