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
            (Effect::Quit | Effect::FindMatches { .. } | Effect::Follow(..), _) => {
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
