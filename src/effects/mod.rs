//! What the app's effects do outside it: bookmarks and notes go to the store (or, when it
//! cannot be opened, notes go to the recovery file and the reader stays usable), text goes to
//! the clipboard through the terminal (OSC 52, which works over SSH), and the briefing note
//! goes to a file.

mod drafts;
mod files;
mod identify;
mod last_read;
mod opening;
mod reading;
mod writing;

use std::cell::RefCell;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Weak;

use crate::app::{App, Effect, Message};
use crate::doc::Block;
use crate::store::anchor::{Anchor, Placers};
use crate::store::{self, Recent, Store, recovery};
pub use files::{expand_home, exported_now, sources, write_private};
pub use last_read::{LastReadCheck, SinceRead};
pub use opening::{arrival, follow, prepare, start};
pub use reading::read;

/// The store opened, not yet wrapped as [`Notes`]: it can be opened on another thread.
#[derive(Debug)]
pub struct Opening {
    store: Option<Store>,
    dir: Option<PathBuf>,
    problem: Option<String>,
}

impl Opening {
    /// Opens the store in the data directory (as [`Notes::open`]).
    pub fn now(flag: Option<&Path>) -> Opening {
        let dir = store::data_dir(flag);
        let Some(path) = dir.clone() else {
            return Opening {
                store: None,
                dir,
                problem: Some(
                    "Bookmarks and notes are off: no home directory (use --data-dir)".into(),
                ),
            };
        };
        match Store::open(&path) {
            Ok(store) => Opening {
                store: Some(store),
                dir,
                problem: None,
            },
            Err(e) => Opening {
                store: None,
                dir,
                problem: Some(format!(
                    "Read-only: {e}. Notes you write go to {}",
                    path.join(recovery::RECOVERY_FILE).display()
                )),
            },
        }
    }

    /// Opens the store on its own thread, so that it is ready when the first document is.
    pub fn on_thread(flag: Option<&Path>) -> std::thread::JoinHandle<Opening> {
        let flag = flag.map(Path::to_path_buf);
        std::thread::spawn(move || Opening::now(flag.as_deref()))
    }

    /// The notes, and why they are off or read-only if they are.
    pub fn notes(self) -> (Notes, Option<String>) {
        (Notes::without(self.store, self.dir), self.problem)
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
    /// Comparisons with last-read editions left for the background.
    later: RefCell<Vec<LastReadCheck>>,
    /// Documents (place, key) identified while partly read, to compare with their last
    /// reading once whole.
    unread: RefCell<Vec<(usize, String)>>,
    /// Documents found word for word as the edition kept of them (key, blocks): not
    /// written again when the reader closes.
    same_as_kept: RefCell<Vec<(String, Weak<Vec<Block>>)>>,
}

impl Notes {
    /// Opens the store in the data directory (`--data-dir`, `BRIEF_DATA_DIR`, or the
    /// platform's). When it cannot be opened, says why: notes then go to a recovery file.
    pub fn open(flag: Option<&Path>) -> (Notes, Option<String>) {
        Opening::now(flag).notes()
    }

    fn without(store: Option<Store>, dir: Option<PathBuf>) -> Notes {
        Notes {
            store,
            dir,
            placers: RefCell::default(),
            remembered: RefCell::default(),
            later: RefCell::default(),
            unread: RefCell::default(),
            same_as_kept: RefCell::default(),
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
    /// suspending, asking the jump worker, opening a file, laying a long document out) are
    /// handed back, in order.
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
                Effect::Quit
                | Effect::Suspend
                | Effect::FindMatches { .. }
                | Effect::Follow(..)
                | Effect::LayOut { .. } => rest.push(effect),
                other => {
                    for message in self.apply(&other, app, terminal) {
                        queue.extend(app.receive(message));
                    }
                }
            }
        }
        rest
    }

    /// Remembers the open documents and where the reader is, for `brief --recent`, and the
    /// documents with notes as they were read.
    pub fn save_session(&mut self, app: &App) {
        self.remember(app);
        self.keep_as_read(app);
        let Some(store) = self.store.as_mut() else {
            return;
        };
        // From a redline opened by `D`, the place is the one `D` goes back to.
        let back = app.redline.as_ref().filter(|r| r.doc == app.doc);
        let (here, block) = back
            .and_then(|r| r.from)
            .unwrap_or_else(|| (app.doc, app.current_block()));
        let documents: Vec<Recent> = app
            .docs
            .iter()
            .enumerate()
            .map(|(i, d)| Recent {
                document: app.doc_keys[i].clone(),
                path: d.path.as_ref().map(|p| p.display().to_string()),
                current: i == here,
                at: (i == here).then(|| Anchor::of(d, block, None)),
            })
            .collect();
        // Losing the list of recent documents, or the outline's width, loses nothing the
        // user wrote.
        let _ = store.save_session(&documents);
        let _ = store.save_outline(app.outline_layout());
    }

    /// The outline pane as the last session left it.
    pub fn last_outline(&self) -> Option<crate::store::OutlineLayout> {
        self.store
            .as_ref()
            .and_then(|s| s.last_outline().ok().flatten())
    }

    /// The documents of the last session.
    pub fn last_session(&self) -> Vec<Recent> {
        self.store
            .as_ref()
            .and_then(|s| s.last_session().ok())
            .unwrap_or_default()
    }
}
