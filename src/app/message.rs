//! `Message`: everything that comes into the app from outside it — keys, the terminal's
//! size, the background workers' answers, files read or changed, the store's replies — and
//! [`App::receive`], the one door they come through. The state changes from outside only
//! here, and each message that changes it moves the revision the screen is drawn at.

use std::sync::Arc;

use super::annotations::Annotations;
use super::{App, Effect};
use crate::doc::Document;
use crate::index::countries::Countries;
use crate::index::jump::{Found, JumpIndex};
use crate::keymap::Key;
use crate::store::Draft;
use crate::store::anchor::Anchor;
use crate::store::documents::Candidate;
use crate::vocabulary::Action;

/// A message for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// What to say.
    pub text: String,
    /// Whether it reports a problem.
    pub is_error: bool,
}

/// A document read outside the app, with what the app needs of it that takes the file
/// system or a long computation to find.
#[derive(Clone, Debug)]
pub struct Arrival {
    /// The document.
    pub doc: Document,
    /// Its key in the store (the full path it was read from).
    pub key: String,
    /// The places it names.
    pub countries: Countries,
}

/// Something that happened outside the app.
#[derive(Debug)]
pub enum Message {
    /// A key was pressed.
    Key(Key),
    /// An action, as a key bound to it would ask for it.
    Action(Action),
    /// The terminal has a new size (columns, rows).
    Resized(u16, u16),
    /// The jump candidates the worker built.
    JumpIndexReady(Arc<JumpIndex>),
    /// The worker's matches for the palette query of this generation.
    Matches(u64, Found),
    /// The rest of a library is being read in the background: the keys of its files.
    Reading(Vec<String>),
    /// More documents of a library were read: `done` files of `total` so far.
    DocumentsRead {
        /// The documents, in order.
        arrivals: Vec<Arrival>,
        /// Files read (or failed) so far.
        done: usize,
        /// Files in all.
        total: usize,
    },
    /// A document a link leads to was read: it is shown (at the heading `anchor` names).
    LinkedOpened(Box<Arrival>, Option<String>),
    /// A link leads to open document `doc`: it is shown (at the heading `anchor` names).
    LinkedShown(usize, Option<String>),
    /// A link leads to no file brief can read: its address is copied instead.
    LinkNotFollowed(String),
    /// The whole of open document `i`, of which only the first pages or part were shown,
    /// with its layout at the reader's width when it was laid out already.
    Whole(usize, Box<Document>, Option<Box<super::layout::Layout>>),
    /// Open document `doc` laid out again in the background, at the reader's new width.
    LaidOut(usize, Box<super::layout::Layout>),
    /// The places named in the documents the app started with, found after the first
    /// frame.
    Places(Countries),
    /// A new edition of open document `i` was read from disk.
    Reloaded(usize, Box<Document>),
    /// Open document `i` was removed from disk.
    Gone(usize),
    /// The reader goes back to where it was in document `i` last time.
    ReturnTo(usize, Anchor),
    /// The Library view is shown, focused.
    ShowLibrary,
    /// The outline pane as the last session left it: shown or hidden, and how wide.
    Outline(crate::store::OutlineLayout),
    /// Which stored document open document `doc` is, now settled.
    Identified {
        /// The open document.
        doc: usize,
        /// Its key in the store.
        key: String,
    },
    /// Two editions compared: their redline, and what to tell first.
    Compared(Box<crate::app::redline::Redline>, Vec<String>),
    /// Open document `doc` differs in substance from the edition last read of it.
    LastRead {
        /// The open document.
        doc: usize,
        /// The edition last read.
        old: Box<crate::doc::Document>,
        /// What changed since.
        summary: crate::compare::Summary,
        /// The share of paragraphs the two have in common.
        common: f64,
    },
    /// Open document `doc` may be a new edition of a stored document with notes: ask.
    MaybeEdition(usize, Candidate),
    /// The bookmarks and notes as the store has them: of every open document, or only of
    /// these (the others are unchanged).
    Annotations(Annotations, Option<Vec<usize>>),
    /// A draft left over from an earlier run: offer it.
    LeftoverDraft(Box<Draft>),
    /// The note being written was kept as a draft at this revision (in this row of the
    /// store; 0 when there is none).
    DraftKept {
        /// The draft's row.
        id: i64,
        /// The editor's revision it holds.
        revision: u64,
    },
    /// The export's file exists: ask before writing over it.
    AskOverwrite(String),
    /// Something to say in the status line.
    Said(Notice),
}

impl Message {
    /// A message for the status line.
    pub fn said(text: impl Into<String>, is_error: bool) -> Message {
        Message::Said(Notice {
            text: text.into(),
            is_error,
        })
    }
}

impl App {
    /// Takes in what happened outside: the state changes, the revision moves when the
    /// screen may look different, and what the app asks the outside to do comes back.
    pub fn receive(&mut self, message: Message) -> Vec<Effect> {
        let mut changed = true;
        self.only_scrolled = false;
        let mut effects = match message {
            Message::Key(key) => {
                let (effects, moved) = self.press_key(key);
                changed = moved;
                effects
            }
            Message::Action(action) => {
                let effects = self.act(action);
                changed = !std::mem::take(&mut self.unchanged);
                effects
            }
            Message::Resized(width, height) => {
                // Scrolled to the end, the end stays in view at any size (taller then
                // shorter would otherwise leave it below the screen).
                self.keep_end |= self.top > 0 && self.top >= self.max_top();
                let was_wide = self.size.0 >= super::NARROW_WIDTH;
                self.size = (width, height);
                let wide = width >= super::NARROW_WIDTH;
                // Hidden only because the terminal was narrow: shown once it is wide; and
                // hidden again when it becomes narrow, as a narrow start has it (shown with
                // `t` in a narrow terminal, or holding the keys, it stays).
                if self.outline_hidden_for_width && wide {
                    self.outline_hidden_for_width = false;
                    self.outline_visible = true;
                    self.outline_shown_for_focus = false;
                } else if was_wide
                    && !wide
                    && self.outline_visible
                    && !self.outline_shown_for_focus
                    && self.mode() != crate::vocabulary::Mode::Outline
                {
                    self.outline_visible = false;
                    self.outline_hidden_for_width = true;
                }
                self.relayout_at_new_width();
                Vec::new()
            }
            Message::LaidOut(doc, layout) => {
                self.laid_out(doc, *layout);
                Vec::new()
            }
            Message::JumpIndexReady(index) => self.attach_jump_index(index),
            Message::Matches(generation, found) => {
                changed = self.receive_matches(generation, found);
                Vec::new()
            }
            Message::Reading(keys) => {
                self.loading = Some((self.docs.len(), self.docs.len() + keys.len()));
                self.coming = keys;
                Vec::new()
            }
            Message::DocumentsRead {
                arrivals,
                done,
                total,
            } => {
                self.add_documents(arrivals, done, total);
                Vec::new()
            }
            Message::LinkedOpened(arrival, anchor) => {
                let at = self.docs.len();
                self.add_documents(vec![*arrival], 1, 1);
                self.arrive_by_link(at, anchor.as_deref());
                Vec::new()
            }
            Message::LinkedShown(doc, anchor) => {
                self.arrive_by_link(doc, anchor.as_deref());
                Vec::new()
            }
            Message::LinkNotFollowed(target) => super::links::copy_address(target),
            Message::Reloaded(i, doc) => {
                // A new edition (not the rest of a long PDF arriving) is compared with the
                // one on screen, which is the one last read.
                let before = self
                    .docs
                    .get(i)
                    .filter(|old| !(old.is_partial() && old.path == doc.path))
                    .cloned();
                self.replace_document(i, *doc);
                if let Some(old) = before {
                    let comparison = crate::compare::compare(&old, &self.docs[i]);
                    let summary = comparison.summary();
                    if summary.substance() > 0 {
                        self.changed_since_read(i, old, summary, comparison.common);
                    }
                }
                Vec::new()
            }
            Message::Whole(i, doc, layout) => {
                self.put_document(i, *doc, layout.map(|l| *l));
                Vec::new()
            }
            Message::Places(found) => {
                self.take_places(found);
                Vec::new()
            }
            Message::Gone(i) => {
                self.mark_gone(i);
                Vec::new()
            }
            Message::ReturnTo(i, at) => {
                self.return_to(i, &at);
                Vec::new()
            }
            Message::ShowLibrary => {
                self.open_library();
                Vec::new()
            }
            Message::Outline(layout) => {
                self.restore_outline(layout);
                Vec::new()
            }
            Message::Identified { doc, key } => {
                if doc < self.doc_keys.len() {
                    self.doc_keys[doc] = key;
                    self.identified[doc] = true;
                }
                Vec::new()
            }
            Message::Compared(redline, cautions) => {
                self.open_redline(*redline, &cautions);
                Vec::new()
            }
            Message::LastRead {
                doc,
                old,
                summary,
                common,
            } => {
                self.changed_since_read(doc, *old, summary, common);
                Vec::new()
            }
            Message::MaybeEdition(doc, candidate) => {
                self.ask_to_attach(doc, candidate);
                Vec::new()
            }
            Message::Annotations(annotations, of) => {
                match of {
                    Some(docs) => {
                        let mut all = std::mem::take(&mut self.annotations);
                        all.replace_documents(&docs, annotations);
                        self.set_annotations(all);
                    }
                    None => self.set_annotations(annotations),
                }
                Vec::new()
            }
            Message::LeftoverDraft(draft) => {
                self.offer_draft(*draft);
                Vec::new()
            }
            Message::DraftKept { id, revision } => {
                // Keeping a draft changes nothing on screen.
                changed = false;
                if let Some(editor) = self.editor_mut() {
                    editor.draft_id = id;
                    editor.saved_revision = editor.saved_revision.max(revision);
                }
                Vec::new()
            }
            Message::AskOverwrite(path) => {
                self.ask_overwrite(path);
                Vec::new()
            }
            Message::Said(notice) => {
                self.message = Some(notice);
                Vec::new()
            }
        };
        if changed {
            self.revision += 1;
            if !std::mem::take(&mut self.only_scrolled) {
                self.text_revision += 1;
            }
        }
        if let Some(width) = self
            .layout_wanted
            .take()
            .filter(|&w| w != self.layout.width)
        {
            effects.push(Effect::LayOut {
                doc: self.doc,
                width,
            });
        }
        effects
    }

    /// How many times the state has changed in a way the screen shows: the screen is drawn
    /// again when this has moved since the last frame.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Like the revision, but a message that only scrolled the reader's text does not move
    /// it: while it stays, the reader's rows still in view look as they did, moved, and a
    /// frame need draw only the rows that came into view (and the other panes).
    pub fn text_revision(&self) -> u64 {
        self.text_revision
    }

    /// Handles one key press (see [`Message::Key`]).
    pub fn press(&mut self, key: Key) -> Vec<Effect> {
        self.receive(Message::Key(key))
    }

    /// Carries out an action (see [`Message::Action`]).
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        self.receive(Message::Action(action))
    }

    /// Records a new terminal size (see [`Message::Resized`]).
    pub fn resize(&mut self, width: u16, height: u16) {
        self.receive(Message::Resized(width, height));
    }
}
