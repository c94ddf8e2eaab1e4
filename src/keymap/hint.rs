//! The keys a hint line names (the editor's, the palette's, the status line's, a question's):
//! the chords that carry out an action in a mode, found the way a key press is resolved, and
//! shown compactly (`C-c C-c`, `↑`). A hint built here names the keys of the keymap in use,
//! a user's overrides included.

use std::cell::RefCell;
use std::collections::HashMap;

use super::chord::{KeyCodeOrd, NamedKey};
use super::{Chord, Key, Keymap, Section};
use crate::vocabulary::{Action, Mode};

/// The hint keys worked out so far, by mode and action: the status line asks for the same
/// ones at every frame, and finding them walks the keymap's tables.
#[derive(Clone, Debug, Default)]
pub(super) struct Hints(RefCell<HashMap<(Mode, Action), Option<String>>>);

/// What is kept is not part of the keymap.
impl PartialEq for Hints {
    fn eq(&self, _: &Hints) -> bool {
        true
    }
}

impl Eq for Hints {}

impl Keymap {
    /// Says that the bindings were changed directly: the hints are found again.
    pub fn forget_hints(&mut self) {
        self.hints.0.get_mut().clear();
    }

    /// The chords that carry out `action` when pressed in `mode`, the best to show first:
    /// the mode's own, then `[global]`'s that reach the action there (not in the note
    /// editor, where unbound keys are text; in a line being typed, only keys that type
    /// nothing). Single plain keys come before chords and keys with modifiers.
    pub fn keys_in(&self, mode: Mode, action: Action) -> Vec<&Chord> {
        let mut own = self.chords_for(mode, action);
        own.sort_by_key(|c| rank(c));
        if mode == Mode::Editor {
            return own;
        }
        let taken = |section: Section, chord: &Chord| {
            self.bindings.get(&section).is_some_and(|t| {
                t.keys()
                    .any(|c| c == chord || c.is_prefix_of(chord) || chord.is_prefix_of(c))
            })
        };
        let mut global: Vec<&Chord> = self
            .chords_for(Section::Global, action)
            .into_iter()
            .filter(|c| !taken(mode.into(), c))
            .filter(|c| {
                !mode.types_into_a_line()
                    || !(taken(Section::Line, c) || c.0.first().is_some_and(|k| types(*k)))
            })
            .collect();
        global.sort_by_key(|c| rank(c));
        own.extend(global);
        own
    }

    /// The first key of [`Keymap::keys_in`], compactly: what a hint names.
    pub fn hint_key(&self, mode: Mode, action: Action) -> Option<String> {
        let found = || self.keys_in(mode, action).first().map(|c| c.short());
        if let Some(kept) = self.hints.0.borrow().get(&(mode, action)) {
            debug_assert_eq!(*kept, found(), "a hint kept for changed bindings");
            return kept.clone();
        }
        let hint = found();
        self.hints
            .0
            .borrow_mut()
            .insert((mode, action), hint.clone());
        hint
    }

    /// Up to `most` keys of [`Keymap::keys_in`], compactly, joined by `/` (`Esc/C-s`).
    pub fn hint_keys(&self, mode: Mode, action: Action, most: usize) -> Option<String> {
        let keys: Vec<String> = self
            .keys_in(mode, action)
            .iter()
            .take(most)
            .map(|c| c.short())
            .collect();
        (!keys.is_empty()).then(|| keys.join("/"))
    }
}

/// Whether a key types a character into a line.
fn types(key: Key) -> bool {
    matches!(key.code, KeyCodeOrd::Char(c) if !c.is_control()) && !key.ctrl && !key.alt
}

/// How readily a chord is shown: a single key before a chord, a plain key before one with
/// modifiers.
fn rank(chord: &Chord) -> (usize, usize) {
    let modifiers = chord
        .0
        .iter()
        .map(|k| usize::from(k.ctrl) + usize::from(k.alt))
        .sum();
    (chord.0.len(), modifiers)
}

impl Key {
    /// The key as a hint shows it: `C-s`, `M-f`, arrows as `↑`, `PgDn`.
    pub fn short(&self) -> String {
        let mut out = String::new();
        if self.ctrl {
            out.push_str("C-");
        }
        if self.alt {
            out.push_str("M-");
        }
        let name = match self.code {
            KeyCodeOrd::Named(NamedKey::Up) => "↑",
            KeyCodeOrd::Named(NamedKey::Down) => "↓",
            KeyCodeOrd::Named(NamedKey::Left) => "←",
            KeyCodeOrd::Named(NamedKey::Right) => "→",
            KeyCodeOrd::Named(NamedKey::PageUp) => "PgUp",
            KeyCodeOrd::Named(NamedKey::PageDown) => "PgDn",
            KeyCodeOrd::Named(NamedKey::BackTab) => "S-Tab",
            _ => {
                let plain = Key {
                    ctrl: false,
                    alt: false,
                    ..*self
                };
                out.push_str(&plain.to_string());
                return out;
            }
        };
        out.push_str(name);
        out
    }
}

impl Chord {
    /// The chord as a hint shows it: `C-c C-c`, `g g`, `↑`.
    pub fn short(&self) -> String {
        let keys: Vec<String> = self.0.iter().map(Key::short).collect();
        keys.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preset(name: &str) -> Keymap {
        Keymap::preset(name).unwrap()
    }

    #[test]
    fn the_editor_saves_with_the_keys_of_its_keymap() {
        assert_eq!(
            preset("default").hint_keys(Mode::Editor, Action::SaveNote, 2),
            Some("Esc/C-s".into())
        );
        assert_eq!(
            preset("emacs").hint_keys(Mode::Editor, Action::SaveNote, 2),
            Some("Esc/C-c C-c".into())
        );
        // The editor never falls back to [global]: a global key is text there.
        assert_eq!(preset("default").hint_key(Mode::Editor, Action::Quit), None);
    }

    #[test]
    fn global_keys_count_where_they_reach() {
        let default = preset("default");
        assert_eq!(
            default.hint_key(Mode::Reader, Action::Help),
            Some("?".into())
        );
        assert_eq!(
            default.hint_key(Mode::Outline, Action::NarrowOutline),
            Some("<".into())
        );
        // In the palette `?` and `q` are typed, so they are no keys of its hints.
        assert_eq!(
            default.hint_key(Mode::Palette, Action::Help),
            Some("F1".into())
        );
        assert_eq!(default.hint_key(Mode::Palette, Action::Quit), None);
        assert_eq!(
            default.hint_key(Mode::Palette, Action::Down),
            Some("↓".into())
        );
        // A key the mode binds to something else does not reach the global action.
        assert_eq!(
            default.hint_key(Mode::Help, Action::Help),
            Some("F1".into())
        );
    }

    #[test]
    fn a_users_override_shows() {
        let mut keymap = preset("default");
        let mine = super::super::parse("mine", "[editor]\nEsc = \"none\"\nF2 = \"save_note\"\n")
            .unwrap()
            .keymap;
        keymap.overlay(&mine);
        assert_eq!(
            keymap.hint_keys(Mode::Editor, Action::SaveNote, 2),
            Some("F2/C-s".into())
        );
    }

    #[test]
    fn keys_are_shown_compactly() {
        assert_eq!(Chord::parse("C-x C-c").unwrap().short(), "C-x C-c");
        assert_eq!(Chord::parse("Alt-f").unwrap().short(), "M-f");
        assert_eq!(Chord::parse("PageDown").unwrap().short(), "PgDn");
        assert_eq!(Chord::parse("Up").unwrap().short(), "↑");
        assert_eq!(Chord::parse("Space").unwrap().short(), "Space");
        assert_eq!(Chord::parse("Ctrl-w <").unwrap().short(), "C-w <");
    }
}
