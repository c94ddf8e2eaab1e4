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
use crate::app::{App, Effect};
use crate::doc::Document;
use crate::store::anchor::{Anchor, Placers};
use crate::store::documents::Answer;
use crate::store::{self, Draft, Recent, Store, recovery};
use files::{copy, export_to};
pub use files::{expand_home, exported_now, sources, write_private};
use identify::identify;

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
    /// which stored document each newly opened file is).
    pub fn load(&self, app: &mut App) {
        let Some(store) = &self.store else {
            return;
        };
        if let Err(e) = identify(store, app) {
            app.notify(format!("Cannot read bookmarks and notes: {e}"), true);
            return;
        }
        let mut placers = self.placers.borrow_mut();
        placers.keep_only(&app.docs);
        match read(store, &app.docs, &app.doc_keys, &mut placers) {
            Ok(annotations) => app.set_annotations(annotations),
            Err(e) => app.notify(format!("Cannot read bookmarks and notes: {e}"), true),
        }
    }

    /// Keeps, once per edition, what finds the documents with notes again under another
    /// name: their path, title and signature. Done when a bookmark or note is written and
    /// when brief ends, never on the way to the first frame (a signature reads the whole
    /// document).
    pub fn remember(&self, app: &App) {
        let Some(store) = &self.store else {
            return;
        };
        let annotations = &app.annotations;
        let annotated: HashSet<usize> = annotations
            .bookmarks
            .iter()
            .map(|b| b.doc)
            .chain(annotations.notes.iter().map(|n| n.doc))
            .collect();
        let mut remembered = self.remembered.borrow_mut();
        for i in annotated {
            let doc = &app.docs[i];
            let edition = (
                app.doc_keys[i].clone(),
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
        let Some(store) = &self.store else {
            return;
        };
        let Some(draft) = app.draft_due() else {
            return;
        };
        match store.save_draft(&draft) {
            Ok(id) => app.draft_saved(id),
            Err(e) => self.recover(app, &draft.note, &e.to_string()),
        }
    }

    /// brief is ending (a signal, or the terminal went away): keeps the note being written,
    /// as a draft, or in the recovery file when there is no database.
    pub fn save_before_exit(&self, app: &mut App) {
        if self.store.is_some() {
            self.save_draft(app);
        } else if let Some(draft) = app.draft_due() {
            self.recover(app, &draft.note, "the notes database is not open");
        }
    }

    /// Carries out one effect about bookmarks, notes, the clipboard or the export; returns
    /// false for effects it does not handle.
    pub fn apply(&self, effect: &Effect, app: &mut App, terminal: &mut impl Write) -> bool {
        let outcome: Result<(), store::StoreError> = match (effect, &self.store) {
            (Effect::Copy { text, what }, _) => {
                copy(terminal, text);
                app.notify(
                    format!("Copied {what} (through the terminal: OSC 52)"),
                    false,
                );
                return true;
            }
            (Effect::Export { path, overwrite }, _) => {
                if !*overwrite && expand_home(path).exists() {
                    app.ask_overwrite(path.clone());
                    return true;
                }
                match export_to(app, path) {
                    Ok(written) => app.notify(
                        format!("Briefing note written to {}", written.display()),
                        false,
                    ),
                    Err(e) => app.notify(format!("Cannot write {path}: {e}"), true),
                }
                return true;
            }
            (Effect::SaveNote { note, .. }, None) => {
                self.recover(app, note, "the notes database is not open");
                return true;
            }
            (
                Effect::AddBookmark { .. }
                | Effect::RemoveBookmark(_)
                | Effect::RestoreBookmark(_)
                | Effect::DeleteNote(_),
                None,
            ) => {
                app.notify(
                    "Read-only: the notes database is not open, so bookmarks cannot change",
                    true,
                );
                return true;
            }
            (Effect::DiscardDraft(_) | Effect::RefreshAnnotations, None) => return true,
            (Effect::Attach { .. }, None) => return true,
            (Effect::Attach { doc, key, answer }, Some(s)) => {
                let own = app.doc_paths[*doc].clone();
                let outcome = s.decide(&own, key, *answer);
                if outcome.is_ok() && *answer == Answer::Yes {
                    app.doc_keys[*doc] = key.clone();
                }
                outcome
            }
            (
                Effect::AddBookmark {
                    document,
                    anchor,
                    name,
                },
                Some(s),
            ) => s.add_bookmark(document, anchor, name.as_deref()).map(drop),
            (Effect::RemoveBookmark(b), Some(s)) => s.remove_bookmark(b.id),
            (Effect::RestoreBookmark(b), Some(s)) => s.restore_bookmark(b),
            (
                Effect::SaveNote {
                    note,
                    draft,
                    said,
                    was,
                },
                Some(s),
            ) => match save_beside_other_edits(s, note, was.as_deref()) {
                Ok(beside) => {
                    let said = if beside {
                        "The note was changed in another brief meanwhile: yours is kept beside it"
                    } else {
                        said
                    };
                    app.notify(said.to_string(), beside);
                    if *draft != 0 {
                        s.discard_draft(*draft)
                    } else {
                        Ok(())
                    }
                }
                Err(e) => {
                    self.recover(app, note, &e.to_string());
                    return true;
                }
            },
            (Effect::DeleteNote(n), Some(s)) => s.delete_note(n.id),
            (Effect::DiscardDraft(id), Some(s)) => s.discard_draft(*id),
            (Effect::RefreshAnnotations, Some(_)) => Ok(()),
            (Effect::Quit | Effect::FindMatches { .. } | Effect::Open(..), _) => return false,
        };
        match outcome {
            Ok(()) => {
                self.load(app);
                self.remember(app);
            }
            Err(e) => app.notify(format!("Not saved: {e}"), true),
        }
        true
    }

    /// Writes a note the store could not take to the recovery file and says where.
    fn recover(&self, app: &mut App, note: &store::Note, why: &str) {
        match recovery::save(self.dir.as_deref(), note) {
            Ok(path) => app.notify(
                format!(
                    "Not in the database ({why}); the note is kept in {}",
                    path.display()
                ),
                true,
            ),
            Err(e) => app.notify(format!("The note could not be saved anywhere: {e}"), true),
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
