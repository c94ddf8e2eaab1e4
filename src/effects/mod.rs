//! What the app's effects do outside it: bookmarks and notes go to the store (or, when it
//! cannot be opened, notes go to the recovery file and the reader stays usable), text goes to
//! the clipboard through the terminal (OSC 52, which works over SSH), and the briefing note
//! goes to a file.

mod files;
mod identify;

use std::cell::RefCell;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::app::annotations::Annotations;
use crate::app::{App, Effect, Message};
use crate::doc::Document;
use crate::store::anchor::{Anchor, Placers};
use crate::store::documents::Answer;
use crate::store::{self, Draft, Recent, Store, recovery};
use files::{copy, export_to};
pub use files::{expand_home, exported_now, sources, write_private};
use identify::identify;

/// What the app starts from, read at the edge: each document's key in the store (its full
/// path, from the file system) and today's date (from the clock).
pub fn start(docs: Vec<Document>) -> crate::app::Start {
    crate::app::Start {
        keys: docs.iter().map(store::document_key).collect(),
        today: chrono::Local::now().format("%Y-%m-%d").to_string(),
        docs,
    }
}

/// The store as a running brief uses it.
#[derive(Debug)]
pub struct Notes {
    store: Option<Store>,
    dir: Option<PathBuf>,
    /// The open editions, prepared for placing notes.
    placers: RefCell<Placers>,
    /// The editions remembered already (key, and the edition's text), so that a document's
    /// signature is written once per edition, not on every change.
    remembered: RefCell<HashSet<(String, usize)>>,
}

impl Notes {
    /// Opens the store in the data directory (`--data-dir`, `BRIEF_DATA_DIR`, or the
    /// platform's). When it cannot be opened, says why: notes then go to a recovery file.
    pub fn open(flag: Option<&Path>) -> (Notes, Option<String>) {
        let dir = store::data_dir(flag);
        let Some(path) = dir.clone() else {
            let notes = Notes::without(None, dir);
            return (
                notes,
                Some("Bookmarks and notes are off: no home directory (use --data-dir)".into()),
            );
        };
        match Store::open(&path) {
            Ok(store) => (Notes::without(Some(store), dir), None),
            Err(e) => (
                Notes::without(None, dir),
                Some(format!(
                    "Read-only: {e}. Notes you write go to {}",
                    path.join(recovery::RECOVERY_FILE).display()
                )),
            ),
        }
    }

    fn without(store: Option<Store>, dir: Option<PathBuf>) -> Notes {
        Notes {
            store,
            dir,
            placers: RefCell::default(),
            remembered: RefCell::default(),
        }
    }

    /// No store at all: nothing is read or kept (output to a pipe).
    pub fn closed() -> Notes {
        Notes::without(None, None)
    }

    /// A store already open (tests, and commands that opened it themselves).
    pub fn with(store: Store) -> Notes {
        let dir = store.path().parent().map(Path::to_path_buf);
        Notes::without(Some(store), dir)
    }

    /// Reads the bookmarks and notes of the app's documents and places them (finding first
    /// which stored document each newly opened file is), and tells the app.
    pub fn load(&self, app: &mut App) {
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
        let mut placers = self.placers.borrow_mut();
        placers.keep_only(&app.docs);
        told.push(match read(store, &app.docs, &keys, &mut placers) {
            Ok(annotations) => Message::Annotations(annotations, None),
            Err(e) => Message::said(format!("Cannot read bookmarks and notes: {e}"), true),
        });
        told
    }

    /// The bookmarks and notes of the open documents stored as `key` (`keys` are the open
    /// documents' keys), after a write to them: only those are read and placed again.
    fn read_one(&self, store: &Store, app: &App, keys: &[String], key: &str) -> Vec<Message> {
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

    /// Tells the app `messages` and carries out what it asks in turn (see [`Notes::run`]);
    /// hands back the effects only the event loop can carry out.
    pub fn deliver(
        &self,
        app: &mut App,
        messages: Vec<Message>,
        terminal: &mut impl Write,
    ) -> Vec<Effect> {
        let mut effects = Vec::new();
        for message in messages {
            effects.extend(app.receive(message));
        }
        self.run(app, effects, terminal)
    }

    /// The effect loop: carries out the effects about bookmarks, notes, the clipboard and
    /// the export, and brings their results back to the app as messages, with whatever
    /// those ask for in turn. The effects only the event loop can carry out (quitting,
    /// asking the jump worker, opening a file) are handed back, in order.
    pub fn run(
        &self,
        app: &mut App,
        effects: Vec<Effect>,
        terminal: &mut impl Write,
    ) -> Vec<Effect> {
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        let mut rest = Vec::new();
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::Quit | Effect::FindMatches { .. } | Effect::Open(..) => rest.push(effect),
                other => {
                    for message in self.apply(&other, app, terminal) {
                        queue.extend(app.receive(message));
                    }
                }
            }
        }
        rest
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
    fn remember_documents(
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

    /// Remembers the open documents and where the reader is, for `brief --recent`, and the
    /// documents with notes as they were read.
    pub fn save_session(&mut self, app: &App) {
        self.remember(app);
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let documents: Vec<Recent> = app
            .docs
            .iter()
            .enumerate()
            .map(|(i, d)| Recent {
                document: app.doc_keys[i].clone(),
                path: d.path.as_ref().map(|p| p.display().to_string()),
                current: i == app.doc,
                at: (i == app.doc).then(|| Anchor::of(d, app.current_block(), None)),
            })
            .collect();
        // Losing the list of recent documents loses nothing the user wrote.
        let _ = store.save_session(&documents);
    }

    /// The documents of the last session.
    pub fn last_session(&self) -> Vec<Recent> {
        self.store
            .as_ref()
            .and_then(|s| s.last_session().ok())
            .unwrap_or_default()
    }

    /// The newest draft left over from an earlier run, if any.
    pub fn leftover_draft(&self, app: &App) -> Option<Draft> {
        self.store.as_ref()?.latest_draft(&app.doc_keys).ok()?
    }

    /// Saves the draft of the note being written, if it changed. Without a database the
    /// draft waits for the note to be saved (or for [`Notes::save_before_exit`]).
    pub fn save_draft(&self, app: &mut App) {
        let told = self.keep_draft(app, false);
        self.deliver(app, told, &mut std::io::sink());
    }

    /// brief is ending (a signal, or the terminal went away): keeps the note being written,
    /// as a draft, or in the recovery file when there is no database.
    pub fn save_before_exit(&self, app: &mut App) {
        let told = self.keep_draft(app, true);
        self.deliver(app, told, &mut std::io::sink());
    }

    /// Keeps the note being written as a draft when it changed since the last one; without
    /// a database, only when brief is `ending` (in the recovery file).
    fn keep_draft(&self, app: &App, ending: bool) -> Vec<Message> {
        let Some((draft, revision)) = app.draft_due() else {
            return Vec::new();
        };
        let kept = |id| Message::DraftKept { id, revision };
        match &self.store {
            Some(store) => match store.save_draft(&draft) {
                Ok(id) => vec![kept(id)],
                Err(e) => vec![kept(draft.id), self.recover(&draft.note, &e.to_string())],
            },
            None if ending => vec![
                kept(draft.id),
                self.recover(&draft.note, "the notes database is not open"),
            ],
            None => Vec::new(),
        }
    }

    /// Carries out one effect about bookmarks, notes, the clipboard or the export, and
    /// says what came of it; the effects only the event loop carries out come to nothing.
    fn apply(&self, effect: &Effect, app: &App, terminal: &mut impl Write) -> Vec<Message> {
        let said = |text: &str, is_error| vec![Message::said(text, is_error)];
        let (store, key, mut told) = match (effect, &self.store) {
            (Effect::Copy { text, what }, _) => {
                copy(terminal, text);
                return said(
                    &format!("Copied {what} (through the terminal: OSC 52)"),
                    false,
                );
            }
            (Effect::Export { path, overwrite }, _) => {
                if !*overwrite && expand_home(path).exists() {
                    return vec![Message::AskOverwrite(path.clone())];
                }
                return match export_to(app, path) {
                    Ok(written) => said(
                        &format!("Briefing note written to {}", written.display()),
                        false,
                    ),
                    Err(e) => said(&format!("Cannot write {path}: {e}"), true),
                };
            }
            (Effect::SaveNote { note, .. }, None) => {
                return vec![self.recover(note, "the notes database is not open")];
            }
            (
                Effect::AddBookmark { .. }
                | Effect::RemoveBookmark(_)
                | Effect::RestoreBookmark(_)
                | Effect::DeleteNote(_),
                None,
            ) => {
                return said(
                    "Read-only: the notes database is not open, so bookmarks cannot change",
                    true,
                );
            }
            (
                Effect::DiscardDraft(_) | Effect::RefreshAnnotations | Effect::Attach { .. },
                None,
            ) => {
                return Vec::new();
            }
            (Effect::RefreshAnnotations, Some(_)) => {
                // Another brief may have changed any of them.
                let told = self.read_all(app);
                self.remember(app);
                return told;
            }
            (Effect::Quit | Effect::FindMatches { .. } | Effect::Open(..), _) => {
                return Vec::new();
            }
            (Effect::Attach { doc, key, answer }, Some(s)) => {
                let own = app.doc_paths[*doc].clone();
                if let Err(e) = s.decide(&own, key, *answer) {
                    return said(&format!("Not saved: {e}"), true);
                }
                if *answer != Answer::Yes {
                    return Vec::new();
                }
                let told = vec![Message::Identified {
                    doc: *doc,
                    key: key.clone(),
                }];
                (s, key.clone(), told)
            }
            (
                Effect::AddBookmark {
                    document,
                    anchor,
                    name,
                },
                Some(s),
            ) => match s.add_bookmark(document, anchor, name.as_deref()) {
                Ok(_) => (s, document.clone(), Vec::new()),
                Err(e) => return said(&format!("Not saved: {e}"), true),
            },
            (Effect::RemoveBookmark(b), Some(s)) => match s.remove_bookmark(b.id) {
                Ok(()) => (s, b.document.clone(), Vec::new()),
                Err(e) => return said(&format!("Not saved: {e}"), true),
            },
            (Effect::RestoreBookmark(b), Some(s)) => match s.restore_bookmark(b) {
                Ok(()) => (s, b.document.clone(), Vec::new()),
                Err(e) => return said(&format!("Not saved: {e}"), true),
            },
            (
                Effect::SaveNote {
                    note,
                    draft,
                    said: saved,
                    was,
                },
                Some(s),
            ) => match save_beside_other_edits(s, note, was.as_deref()) {
                Ok(beside) => {
                    let text = if beside {
                        "The note was changed in another brief meanwhile: yours is kept beside it"
                    } else {
                        saved
                    };
                    let mut told = said(text, beside);
                    if *draft != 0
                        && let Err(e) = s.discard_draft(*draft)
                    {
                        told = said(&format!("Not saved: {e}"), true);
                    }
                    (s, note.document.clone(), told)
                }
                Err(e) => return vec![self.recover(note, &e.to_string())],
            },
            (Effect::DeleteNote(n), Some(s)) => match s.delete_note(n.id) {
                Ok(()) => (s, n.document.clone(), Vec::new()),
                Err(e) => return said(&format!("Not saved: {e}"), true),
            },
            (Effect::DiscardDraft(id), Some(s)) => {
                return match s.discard_draft(*id) {
                    Ok(()) => Vec::new(),
                    Err(e) => said(&format!("Not saved: {e}"), true),
                };
            }
        };
        // The document written to is read again; the others are as they were.
        let mut keys = app.doc_keys.clone();
        for message in &told {
            if let Message::Identified { doc, key } = message {
                keys[*doc] = key.clone();
            }
        }
        told.extend(self.read_one(store, app, &keys, &key));
        told
    }

    /// Writes a note the store could not take to the recovery file, and says where.
    fn recover(&self, note: &store::Note, why: &str) -> Message {
        match recovery::save(self.dir.as_deref(), note) {
            Ok(path) => Message::said(
                format!(
                    "Not in the database ({why}); the note is kept in {}",
                    path.display()
                ),
                true,
            ),
            Err(e) => Message::said(format!("The note could not be saved anywhere: {e}"), true),
        }
    }
}

/// Saves a note; an edited note whose stored text is no longer the one the editor opened
/// (another `brief` saved it meanwhile) is saved as a note of its own beside it, so neither
/// edit is lost. Says whether it was.
fn save_beside_other_edits(
    store: &Store,
    note: &store::Note,
    was: Option<&str>,
) -> Result<bool, store::StoreError> {
    let stored = match was {
        Some(_) if note.id != 0 => store.note_body(note.id)?,
        _ => None,
    };
    let beside = stored.is_some_and(|now| Some(now.as_str()) != was && now != note.body);
    let note = if beside {
        store::Note {
            id: 0,
            created: String::new(),
            ..note.clone()
        }
    } else {
        note.clone()
    };
    store.save_note(&note)?;
    Ok(beside)
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
