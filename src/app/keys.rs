//! From a key to an action: the key (with any pending chord) is looked up in the keymap
//! table of the mode that has the focus; in the note editor and in lines being typed, keys
//! no table binds are text. Yes-or-no questions take `y` and `n` whatever the keymap says.
//! A key that does not continue an unfinished chord drops the chord and counts on its own.

use super::prompt::Purpose;
use super::{App, Effect};
use crate::keymap::chord::KeyCodeOrd;
use crate::keymap::{Key, Resolved, Section};
use crate::vocabulary::{Action, Mode};

/// An edit of a line being typed (the palette's query, the search line, an answer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LineEdit {
    Insert(char),
    DeleteChar,
    DeleteWord,
    Clear,
}

impl LineEdit {
    /// The edit an action asks for, if it is one.
    pub(super) fn of(action: Action) -> Option<LineEdit> {
        match action {
            Action::DeleteBack => Some(LineEdit::DeleteChar),
            Action::DeleteWord => Some(LineEdit::DeleteWord),
            Action::ClearLine => Some(LineEdit::Clear),
            _ => None,
        }
    }

    /// Applies the edit to a line.
    fn apply(self, line: &mut String) {
        match self {
            LineEdit::Insert(c) => line.push(c),
            LineEdit::DeleteChar => {
                line.pop();
            }
            LineEdit::DeleteWord => {
                let trimmed = line.trim_end().len();
                line.truncate(trimmed);
                let cut = line.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
                line.truncate(cut);
            }
            LineEdit::Clear => line.clear(),
        }
    }
}

/// The character a key types, if it types one.
fn typed_char(key: Key) -> Option<char> {
    match (key.code, key.ctrl, key.alt) {
        (KeyCodeOrd::Char(c), false, false) if !c.is_control() => Some(c),
        _ => None,
    }
}

impl App {
    /// Handles one key press: resolves it (with any pending chord) in the current mode and
    /// carries out the action. Says whether anything the screen shows changed.
    pub(super) fn press_key(&mut self, key: Key) -> (Vec<Effect>, bool) {
        if self.mode() == Mode::Editor {
            // Keys the editor's table does not bind go into the note, never to [global].
            let effects = match self
                .keymap
                .resolve_in(Mode::Editor.into(), &self.pending, key)
            {
                Resolved::Pending => {
                    self.pending.push(key);
                    Vec::new()
                }
                Resolved::Action(action) => {
                    self.pending.clear();
                    self.act(action)
                }
                Resolved::Unbound if !self.pending.is_empty() => {
                    // An unfinished chord the key does not continue: its keys are text, and
                    // the key counts on its own (it may save the note).
                    for earlier in std::mem::take(&mut self.pending) {
                        self.editor_key(earlier);
                    }
                    return (self.press_key(key).0, true);
                }
                Resolved::Unbound => {
                    self.editor_key(key);
                    Vec::new()
                }
            };
            return (effects, true);
        }
        if let Some(yes) = self.yes_or_no(key) {
            self.pending.clear();
            let effects = self.answer_yes_no(yes);
            self.ask_next_question();
            return (effects, true);
        }
        let mode = self.mode();
        if mode == Mode::Prompt
            && let Some(action) = self.scroll_under_question(key)
        {
            self.reader_action(action);
            return (Vec::new(), true);
        }
        let typing = mode.types_into_a_line()
            && (mode != Mode::Prompt || self.prompt().is_some_and(|p| p.takes_text()));
        let resolved = if typing {
            // Keys the palette or search line does not bind edit the line ([line]) or are
            // typed into it, never global commands, unless they are no text at all.
            match self.keymap.resolve_in(mode.into(), &self.pending, key) {
                Resolved::Unbound => {
                    match self.keymap.resolve_in(Section::Line, &self.pending, key) {
                        Resolved::Unbound => {
                            match typed_char(key).filter(|_| self.pending.is_empty()) {
                                Some(c) => return (self.edit_line(LineEdit::Insert(c)), true),
                                None => self.keymap.resolve_in(Section::Global, &self.pending, key),
                            }
                        }
                        other => other,
                    }
                }
                other => other,
            }
        } else {
            self.keymap.resolve(mode, &self.pending, key)
        };
        match resolved {
            Resolved::Pending => {
                self.pending.push(key);
                (Vec::new(), true)
            }
            Resolved::Action(action) => {
                // The chord typed so far and the last message were on screen.
                let shown = !self.pending.is_empty() || self.message.is_some();
                let asking = !self.questions.is_empty();
                self.pending.clear();
                self.message = None;
                let effects = self.act(action);
                let quiet = std::mem::take(&mut self.unchanged);
                self.ask_next_question();
                (effects, shown || asking || !quiet)
            }
            Resolved::Unbound if !self.pending.is_empty() => {
                // An unfinished chord the key does not continue is dropped and the key counts
                // on its own, as vim does: `]` then `j` moves down. The chord typed so far
                // was on screen.
                self.pending.clear();
                (self.press_key(key).0, true)
            }
            Resolved::Unbound => {
                self.unbound(mode, key);
                (Vec::new(), true)
            }
        }
    }

    /// A key that does nothing where it was pressed: says so, and which keys help and quit
    /// (Ctrl-c quits many programs, and nothing here).
    fn unbound(&mut self, mode: Mode, key: Key) {
        // Where something is open over the reader, the key that closes it comes first.
        let close = (mode != Mode::Reader).then_some((Action::Close, "closes"));
        let how = close
            .into_iter()
            .chain([(Action::Help, "shows the keys"), (Action::Quit, "quits")])
            .filter_map(|(action, does)| {
                let key = self.keymap.hint_key(mode, action)?;
                Some(format!(" · {key} {does}"))
            })
            .collect::<String>();
        self.notify(format!("{key} does nothing here{how}"), false);
    }

    /// A key that scrolls the reader, while a question that takes neither a typed answer
    /// nor y or n (the draft left over from an earlier run) waits in the status line: the
    /// briefing can be read before it is answered.
    fn scroll_under_question(&self, key: Key) -> Option<Action> {
        let prompt = self.prompt()?;
        if prompt.takes_text() || prompt.is_yes_no() || !self.pending.is_empty() {
            return None;
        }
        match self.keymap.resolve(Mode::Reader, &[], key) {
            Resolved::Action(
                action @ (Action::Down
                | Action::Up
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::Top
                | Action::Bottom),
            ) => Some(action),
            _ => None,
        }
    }

    /// `y` or `n` (either case), when a yes-or-no question is asked.
    fn yes_or_no(&self, key: Key) -> Option<bool> {
        if self.mode() != Mode::Prompt || !self.prompt().is_some_and(|p| p.is_yes_no()) {
            return None;
        }
        match key.code {
            KeyCodeOrd::Char('y' | 'Y') if !key.ctrl && !key.alt => Some(true),
            KeyCodeOrd::Char('n' | 'N') if !key.ctrl && !key.alt => Some(false),
            _ => None,
        }
    }

    /// Applies an edit to the palette's query, the search line or the answer being typed.
    pub(super) fn edit_line(&mut self, edit: LineEdit) -> Vec<Effect> {
        let apply = |line: &mut String| edit.apply(line);
        match self.mode() {
            Mode::Palette => self.palette_input(apply),
            Mode::Search => {
                self.search_input(apply);
                Vec::new()
            }
            Mode::Prompt => {
                if let Some(prompt) = self.prompt_mut() {
                    apply(&mut prompt.input);
                    if prompt.purpose == Purpose::LibraryFilter {
                        self.library_filter = prompt.input.clone();
                        self.rebuild_library();
                    }
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }
}
