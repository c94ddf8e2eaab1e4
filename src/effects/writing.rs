//! Carrying out the app's effects on the store, the clipboard and the file system, and
//! saying what came of each: bookmarks and notes written (a note the store cannot take goes
//! to the recovery file), text copied through the terminal, the briefing note exported.

use std::io::Write;

use super::Notes;
use super::files::{copy, expand_home, export_to};
use crate::app::{App, Effect, Message};
use crate::store::documents::Answer;
use crate::store::{self, Store, recovery};

impl Notes {
    /// Carries out one effect about bookmarks, notes, the clipboard or the export, and
    /// says what came of it; the effects only the event loop carries out come to nothing.
    pub(super) fn apply(
        &self,
        effect: &Effect,
        app: &App,
        terminal: &mut impl Write,
    ) -> Vec<Message> {
        let said = |text: &str, is_error| vec![Message::said(text, is_error)];
        match (effect, &self.store) {
            (Effect::Copy { text, what }, _) => {
                copy(terminal, text);
                said(
                    &format!("Copied {what} (through the terminal: OSC 52)"),
                    false,
                )
            }
            (Effect::Export { path, overwrite }, _) => {
                if !*overwrite && expand_home(path).exists() {
                    return vec![Message::AskOverwrite(path.clone())];
                }
                match export_to(app, path) {
                    Ok(written) => said(
                        &format!("Briefing note written to {}", written.display()),
                        false,
                    ),
                    Err(e) => said(&format!("Cannot write {path}: {e}"), true),
                }
            }
            (
                Effect::Quit | Effect::Suspend | Effect::FindMatches { .. } | Effect::Follow(..),
                _,
            ) => Vec::new(),
            (Effect::SaveNote { note, .. }, None) => {
                vec![self.recover(note, "the notes database is not open")]
            }
            (
                Effect::AddBookmark { .. }
                | Effect::RemoveBookmark(_)
                | Effect::RestoreBookmark(_)
                | Effect::DeleteNote(_),
                None,
            ) => said(
                "Read-only: the notes database is not open, so bookmarks cannot change",
                true,
            ),
            (_, None) => Vec::new(),
            (Effect::RefreshAnnotations, Some(_)) => {
                // Another brief may have changed any of them.
                let told = self.read_all(app);
                self.remember(app);
                told
            }
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
                    self.read_again(s, app, &note.document, told)
                }
                Err(e) => vec![self.recover(note, &e.to_string())],
            },
            (_, Some(s)) => match write(s, effect, app) {
                Ok(Some((key, told))) => self.read_again(s, app, &key, told),
                Ok(None) => Vec::new(),
                Err(e) => said(&format!("Not saved: {e}"), true),
            },
        }
    }

    /// After a write to stored document `key`: what there is to tell, then its bookmarks
    /// and notes read again (the others are as they were), with the keys `told` settles.
    fn read_again(
        &self,
        store: &Store,
        app: &App,
        key: &str,
        mut told: Vec<Message>,
    ) -> Vec<Message> {
        let mut keys = app.doc_keys.clone();
        for message in &told {
            if let Message::Identified { doc, key } = message {
                keys[*doc] = key.clone();
            }
        }
        told.extend(self.read_one(store, app, &keys, key));
        told
    }

    /// Writes a note the store could not take to the recovery file, and says where.
    pub(super) fn recover(&self, note: &store::Note, why: &str) -> Message {
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

/// Writes a bookmark, its removal or return, a note's deletion, a draft discarded or the
/// answer about an edition; returns the stored document written to, with what to tell,
/// when its bookmarks and notes are to be read again.
fn write(
    store: &Store,
    effect: &Effect,
    app: &App,
) -> Result<Option<(String, Vec<Message>)>, store::StoreError> {
    Ok(match effect {
        Effect::Attach { doc, key, answer } => {
            store.decide(&app.doc_paths[*doc], key, *answer)?;
            (*answer == Answer::Yes).then(|| {
                let told = vec![Message::Identified {
                    doc: *doc,
                    key: key.clone(),
                }];
                (key.clone(), told)
            })
        }
        Effect::AddBookmark {
            document,
            anchor,
            name,
        } => {
            store.add_bookmark(document, anchor, name.as_deref())?;
            Some((document.clone(), Vec::new()))
        }
        Effect::RemoveBookmark(b) => {
            store.remove_bookmark(b.id)?;
            Some((b.document.clone(), Vec::new()))
        }
        Effect::RestoreBookmark(b) => {
            store.restore_bookmark(b)?;
            Some((b.document.clone(), Vec::new()))
        }
        Effect::DeleteNote(n) => {
            store.delete_note(n.id)?;
            Some((n.document.clone(), Vec::new()))
        }
        Effect::DiscardDraft(id) => {
            store.discard_draft(*id)?;
            None
        }
        _ => None,
    })
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
