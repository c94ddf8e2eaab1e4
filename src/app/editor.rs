//! The note editor: the passage quoted above (narrowed to some of its sentences with the
//! arrow keys before writing), and a tui-textarea below with multi-line editing, undo/redo
//! and word movement. What is typed is saved as a draft as it goes, so nothing is lost.

use tui_textarea::{CursorMove, Input, Key as TextKey, TextArea};

use super::focus::Focus;
use super::{App, Effect};
use crate::doc::BlockId;
use crate::doc::sentences::joined;
use crate::keymap::Key;
use crate::keymap::chord::{KeyCodeOrd, NamedKey};
use crate::store::anchor::{Anchor, one_line};
use crate::store::{Draft, Note};

/// The note being written.
#[derive(Clone, Debug)]
pub struct Editor {
    /// The document of the paragraph.
    pub doc: usize,
    /// The paragraph.
    pub block: BlockId,
    /// The note as stored so far (id 0 for a new one).
    pub note: Note,
    /// The sentences of the paragraph.
    pub sentences: Vec<String>,
    /// The paragraph on one line, its sentences joined as its language writes them, and
    /// where each sentence lies in it.
    line: String,
    spans: Vec<std::ops::Range<usize>>,
    /// The sentences quoted: first and last.
    pub range: (usize, usize),
    /// Still choosing the sentences: nothing typed yet.
    pub choosing: bool,
    /// The text being written.
    pub text: TextArea<'static>,
    /// The draft's row in the store (0 until first saved).
    pub draft_id: i64,
    /// Bumped on every change, so the screen and the draft know.
    pub revision: u64,
    /// The revision last saved as a draft.
    pub saved_revision: u64,
    /// The note's paragraph is gone from the document (a restored draft): it keeps the
    /// anchor and quote it was written on, and is saved detached.
    pub detached: bool,
    /// The passage as it read when the note was written, when it was amended since.
    pub was: Option<String>,
}

impl Editor {
    /// Whether the whole paragraph is quoted.
    pub fn whole(&self) -> bool {
        self.range == (0, self.sentences.len().saturating_sub(1))
    }

    /// The text quoted: its sentences as the paragraph has them, joined as the language
    /// writes them (Chinese sentences not spaced apart, Latin ones one space apart).
    pub fn quote(&self) -> String {
        let (first, last) = self.range;
        match (self.spans.get(first), self.spans.get(last)) {
            _ if self.whole() => self.line.clone(),
            (Some(a), Some(b)) if a.start <= b.end => self.line[a.start..b.end].to_string(),
            _ => self.line.clone(),
        }
    }

    /// The paragraph cut at its sentences, each with the space after it as the paragraph
    /// has it (none between Chinese sentences), so the pieces put end to end are the
    /// paragraph.
    pub fn pieces(&self) -> Vec<&str> {
        let mut starts: Vec<usize> = self.spans.iter().map(|s| s.start).collect();
        if let Some(first) = starts.first_mut() {
            *first = 0;
        }
        starts.push(self.line.len());
        starts
            .windows(2)
            .map(|w| self.line.get(w[0]..w[1]).unwrap_or(""))
            .collect()
    }

    /// The note as it stands, anchored to its paragraph. A note written before keeps the
    /// anchor it was written on (and so the passage as it read then); a new one is anchored
    /// to the paragraph as it reads now.
    fn current(&self, app: &App) -> Note {
        if self.detached || self.note.id != 0 {
            return Note {
                body: self.text.lines().join("\n"),
                ..self.note.clone()
            };
        }
        let doc = &app.docs[self.doc];
        let quote = self.quote();
        let whole = self.whole();
        Note {
            document: app.doc_keys[self.doc].clone(),
            anchor: Anchor::of(doc, self.block, (!whole).then_some(quote.as_str())),
            sentences: (!whole).then_some(self.range),
            body: self.text.lines().join("\n"),
            ..self.note.clone()
        }
    }
}

impl App {
    /// `a`: writes a note on the paragraph at the top of the reader, or edits its note.
    pub(super) fn annotate_here(&mut self) {
        let Some(block) = self.passage_block() else {
            self.notify_nothing_here("annotate");
            return;
        };
        match self.annotations.note_at(self.doc, block).cloned() {
            Some(existing) => self.open_editor(self.doc, block, existing.item, 0),
            None => self.open_editor(self.doc, block, Note::default(), 0),
        }
    }

    /// Opens the editor on a paragraph with a note (new, stored, or a restored draft).
    pub(super) fn open_editor(&mut self, doc: usize, block: BlockId, note: Note, draft_id: i64) {
        let text = self.docs[doc]
            .block(block)
            .map_or_else(|| note.anchor.quote.clone(), |b| one_line(b.text()));
        // The sentences as the language writes them: a line break in a Chinese paragraph
        // puts no space in a quote of it.
        let (line, mut spans) = joined(&text);
        if spans.is_empty() {
            spans.push(0..line.len());
        }
        let parts: Vec<String> = spans.iter().map(|r| line[r.clone()].to_string()).collect();
        let last = parts.len() - 1;
        // A note on some sentences shows them where they are now (the paragraph may have
        // changed since).
        let found = (note.id != 0 && note.anchor.is_narrowed())
            .then(|| note.anchor.sentences_in(&parts))
            .flatten();
        let range = found
            .or(note.sentences)
            .filter(|&(a, b)| a <= b && b <= last)
            .unwrap_or((0, last));
        let was = self
            .annotations
            .notes
            .iter()
            .find(|p| note.id != 0 && p.item.id == note.id)
            .filter(|p| p.placement.is_changed())
            .map(|p| p.item.anchor.quote.clone());
        let mut textarea = TextArea::new(if note.body.is_empty() {
            vec![String::new()]
        } else {
            note.body.lines().map(str::to_string).collect()
        });
        textarea.move_cursor(CursorMove::Bottom);
        textarea.move_cursor(CursorMove::End);
        let choosing = note.body.is_empty();
        self.focus = Focus::Editor(Box::new(Editor {
            doc,
            block,
            note,
            sentences: parts,
            line,
            spans,
            range,
            choosing,
            text: textarea,
            draft_id,
            revision: 1,
            saved_revision: u64::from(draft_id == 0),
            detached: false,
            was,
        }));
    }

    /// A key the editor's table does not bind: chooses sentences, or goes into the text.
    pub(super) fn editor_key(&mut self, key: Key) {
        let Some(editor) = self.editor_mut() else {
            return;
        };
        if editor.choosing && !key.ctrl && !key.alt {
            let last = editor.sentences.len() - 1;
            let (first, end) = editor.range;
            let chosen = match key.code {
                KeyCodeOrd::Named(NamedKey::Up) => Some((first.saturating_sub(1), end)),
                KeyCodeOrd::Named(NamedKey::Down) => {
                    Some(((first + 1).min(last), end.max((first + 1).min(last))))
                }
                KeyCodeOrd::Named(NamedKey::Left) => {
                    Some((first, end.saturating_sub(1).max(first)))
                }
                KeyCodeOrd::Named(NamedKey::Right) => Some((first, (end + 1).min(last))),
                KeyCodeOrd::Named(NamedKey::Home) => Some((0, last)),
                KeyCodeOrd::Named(NamedKey::Enter) => {
                    editor.choosing = false;
                    editor.revision += 1;
                    return;
                }
                _ => None,
            };
            if let Some(range) = chosen {
                editor.range = range;
                editor.revision += 1;
                return;
            }
            editor.choosing = false;
        }
        if let Some(input) = text_input(key) {
            editor.text.input(input);
            editor.revision += 1;
        }
    }

    /// Saves the note and closes the editor. An empty new note is dropped.
    pub(super) fn save_note(&mut self) -> Vec<Effect> {
        let Some(editor) = self.take_editor() else {
            return Vec::new();
        };
        let note = editor.current(self);
        let mut effects = Vec::new();
        if note.body.trim().is_empty() {
            if editor.draft_id != 0 {
                effects.push(Effect::DiscardDraft(editor.draft_id));
            }
            let text = if note.id == 0 {
                "Empty note: nothing saved".to_string()
            } else {
                let delete = self
                    .keymap
                    .hint_key(
                        crate::vocabulary::Mode::Outline,
                        crate::vocabulary::Action::Delete,
                    )
                    .map(|k| format!(" ({k} in the Notes view deletes it)"))
                    .unwrap_or_default();
                format!("Empty note: the note is kept as it was{delete}")
            };
            self.notify(text, false);
            return effects;
        }
        // Opened and closed as it was: nothing to save, and not edited.
        let unchanged = note.id != 0
            && note.body == editor.note.body
            && note.sentences == editor.note.sentences;
        if unchanged {
            if editor.draft_id != 0 {
                effects.push(Effect::DiscardDraft(editor.draft_id));
            }
            self.notify("Note unchanged", false);
            return effects;
        }
        let said = if editor.detached {
            "Note saved, detached: its paragraph is gone, so it keeps the passage it quotes"
        } else {
            "Note saved"
        };
        effects.push(Effect::SaveNote {
            note,
            draft: editor.draft_id,
            said: said.into(),
            was: (editor.note.id != 0).then(|| editor.note.body.clone()),
        });
        effects
    }

    /// The note being written as a draft, when it changed since the last one; the runtime
    /// asks every few seconds while typing and when a signal ends brief.
    /// Kept, the draft is answered by [`super::Message::DraftKept`] with the revision.
    pub fn draft_due(&self) -> Option<(Draft, u64)> {
        let editor = self.editor()?;
        if editor.revision == editor.saved_revision {
            return None;
        }
        let draft = Draft {
            id: editor.draft_id,
            note: editor.current(self),
            saved: String::new(),
        };
        Some((draft, editor.revision))
    }

    /// The note being written, as it stands; none when the editor is shut.
    pub fn note_being_written(&self) -> Option<Note> {
        Some(self.editor()?.current(self))
    }

    /// Opens a draft left over from an earlier run in the editor.
    pub(super) fn restore_draft(&mut self, draft: Draft) {
        let doc = self.doc_keys.iter().position(|k| *k == draft.note.document);
        let Some(doc) = doc else {
            return;
        };
        let Some(block) = draft.note.anchor.place(&self.docs[doc]).block() else {
            self.notify(
                "The draft's paragraph is gone: it is saved as a detached note, with its quote",
                true,
            );
            self.open_detached(doc, draft.note, draft.id);
            return;
        };
        self.show_block(doc, Some(block));
        self.open_editor(doc, block, draft.note, draft.id);
        if let Some(editor) = self.editor_mut() {
            editor.choosing = false;
        }
    }
}

impl App {
    /// Opens the editor on a note whose paragraph is gone: it quotes the passage it was
    /// written on, is shown near where that was, and stays detached when saved.
    pub(super) fn open_detached(&mut self, doc: usize, note: Note, draft_id: i64) {
        // Shown near where the paragraph was, but not attached to what is there now.
        let block = BlockId(
            note.anchor
                .position
                .min(self.docs[doc].blocks.len().saturating_sub(1)),
        );
        let quote = note.anchor.quote.clone();
        self.show_block(doc, Some(block));
        self.open_editor(doc, block, note, draft_id);
        if let Some(editor) = self.editor_mut() {
            editor.detached = true;
            editor.spans = std::iter::once(0..quote.len()).collect();
            editor.sentences = vec![quote.clone()];
            editor.line = quote;
            editor.range = (0, 0);
            editor.choosing = false;
        }
    }
}

/// A key as tui-textarea takes it.
fn text_input(key: Key) -> Option<Input> {
    let code = match key.code {
        KeyCodeOrd::Char(c) => TextKey::Char(c),
        KeyCodeOrd::F(n) => TextKey::F(n),
        KeyCodeOrd::Named(named) => match named {
            NamedKey::Enter => TextKey::Enter,
            NamedKey::Esc => TextKey::Esc,
            NamedKey::Tab => TextKey::Tab,
            NamedKey::BackTab => return None,
            NamedKey::Backspace => TextKey::Backspace,
            NamedKey::Up => TextKey::Up,
            NamedKey::Down => TextKey::Down,
            NamedKey::Left => TextKey::Left,
            NamedKey::Right => TextKey::Right,
            NamedKey::PageUp => TextKey::PageUp,
            NamedKey::PageDown => TextKey::PageDown,
            NamedKey::Home => TextKey::Home,
            NamedKey::End => TextKey::End,
            NamedKey::Insert => return None,
            NamedKey::Delete => TextKey::Delete,
        },
    };
    Some(Input {
        key: code,
        ctrl: key.ctrl,
        alt: key.alt,
        shift: false,
    })
}
