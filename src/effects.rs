//! What the app's effects do outside it: bookmarks and notes go to the store (or, when it
//! cannot be opened, notes go to the recovery file and the reader stays usable), text goes to
//! the clipboard through the terminal (OSC 52, which works over SSH), and the briefing note
//! goes to a file.

use std::cell::RefCell;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;

use crate::app::annotations::Annotations;
use crate::app::{App, Effect};
use crate::doc::Document;
use crate::export::{self, Source};
use crate::index::gazetteer::Gazetteer;
use crate::store::anchor::{Anchor, Placers};
use crate::store::documents::{Answer, Identity};
use crate::store::{self, Draft, Recent, Store, recovery};

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

/// More files than this opened at once are matched to documents with notes by title before
/// their content is compared (comparing every file of a large library would hold up the
/// reader).
const COMPARED_AT_ONCE: usize = 50;

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
            (Effect::SaveNote { note, draft, said }, Some(s)) => match s.save_note(note) {
                Ok(_) => {
                    app.notify(said.clone(), false);
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
            (Effect::Quit | Effect::FindMatches { .. }, _) => return false,
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

/// Finds which stored document each newly opened file is: files whose own path has notes
/// first, then the others by their path's answers and their content. A certain match is
/// taken and kept; a plausible one is asked about.
fn identify(store: &Store, app: &mut App) -> Result<(), store::StoreError> {
    let new: Vec<usize> = (0..app.docs.len())
        .filter(|&i| !app.identified[i])
        .collect();
    if new.is_empty() {
        return Ok(());
    }
    // Files with notes of their own are their own documents, first (unless a question
    // about them was put off).
    for &i in &new {
        let own = &app.doc_paths[i];
        if app.docs[i].path.is_none() || (store.count(own)? > 0 && !store.put_off(own)?) {
            app.identified[i] = true;
        }
    }
    let by_title_only = new.len() > COMPARED_AT_ONCE;
    for i in new {
        if app.identified[i] {
            continue;
        }
        app.identified[i] = true;
        let taken: Vec<String> = (0..app.docs.len())
            .filter(|&j| j != i)
            .map(|j| app.doc_keys[j].clone())
            .collect();
        let own = app.doc_paths[i].clone();
        match store.identify(&own, &app.docs[i], &taken, by_title_only)? {
            Identity::Own => {}
            Identity::Known(key) => app.doc_keys[i] = key,
            Identity::Found(candidate) => {
                store.decide(&own, &candidate.key, Answer::Yes)?;
                let from = candidate.file_name();
                let name = &app.docs[i].name;
                let said = if from == *name {
                    let was = candidate.path.as_deref().unwrap_or(&candidate.key);
                    format!("{name} was read from {was} before: its notes follow it here")
                } else {
                    format!("{name} is {from} under a new name or edition: its notes follow")
                };
                app.notify(said, false);
                app.doc_keys[i] = candidate.key;
            }
            Identity::Ask(candidate) => app.ask_to_attach(i, candidate),
        }
    }
    Ok(())
}

/// Puts text on the clipboard of the terminal (and of the terminal on the far side of SSH).
fn copy(terminal: &mut impl Write, text: &str) {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let _ = write!(terminal, "\x1b]52;c;{encoded}\x07");
    let _ = terminal.flush();
}

/// The sources of the documents: path and a fingerprint of the content as read.
pub fn sources(docs: &[Document]) -> Vec<Source> {
    docs.iter()
        .map(|d| {
            let bytes = d
                .path
                .as_ref()
                .and_then(|p| std::fs::read(p).ok())
                .unwrap_or_else(|| crate::doc::open::BUNDLED_TEXT.as_bytes().to_vec());
            Source::of(d, &bytes)
        })
        .collect()
}

/// Writes the app's briefing note to `path` (`~/` is the home directory), with the
/// permissions `--export-mode` gives (by default readable by its owner only).
fn export_to(app: &App, path: &str) -> std::io::Result<PathBuf> {
    let path = expand_home(path);
    let sources = sources(&app.docs);
    let text = export::briefing_note(&export::Input {
        docs: &app.docs,
        sources: &sources,
        outline: &app.outline,
        annotations: &app.annotations,
        countries: &app.countries,
        gazetteer: Gazetteer::bundled(),
        exported: &exported_now(),
    });
    write_private(&path, &text, app.export_mode)?;
    Ok(path)
}

/// The export time as the note shows it.
pub fn exported_now() -> String {
    chrono::Local::now()
        .format("%Y-%m-%d %H:%M %:z")
        .to_string()
}

/// `~/x` → the home directory's `x`.
pub fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// Permissions of what brief writes for its user: readable and writable by the owner only.
pub const PRIVATE_FILE: u32 = 0o600;

/// Writes a file with permissions `mode` (see [`PRIVATE_FILE`]), creating its folder. A file
/// that was there keeps none of its old permissions.
pub fn write_private(path: &Path, text: &str, mode: u32) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    let mut file = options.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The mode above counts only for a new file, and the umask may narrow it further.
        file.set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}
