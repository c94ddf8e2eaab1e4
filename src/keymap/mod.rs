//! Keymaps: TOML files that bind key chords to actions, one table per mode. Presets ship in
//! `keymaps/` and are embedded; a user file overrides single bindings of the chosen preset.
//! Errors point at the file, line and column.

pub mod chord;
pub mod help;
mod hint;
mod section;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use toml_edit::ImDocument;

pub use chord::{Chord, Key};
pub use section::Section;

use crate::vocabulary::{Action, Mode};

/// The presets shipped in `keymaps/`, embedded in the binary.
pub const PRESETS: [(&str, &str); 3] = [
    ("default", include_str!("../../keymaps/default.toml")),
    ("vim", include_str!("../../keymaps/vim.toml")),
    ("emacs", include_str!("../../keymaps/emacs.toml")),
];

/// A keymap problem, located in its file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct KeymapError {
    /// The file (a path, or `preset NAME`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong and what to write instead.
    pub message: String,
}

/// What a key press means in the current mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// Carry out this action.
    Action(Action),
    /// The keys so far begin a longer chord: wait for the next key.
    Pending,
    /// The keys are not bound.
    Unbound,
}

/// Key bindings per section, ready to resolve key presses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Keymap {
    /// Bindings per section; each chord once. Changed other than by [`Keymap::overlay`]
    /// after a hint was asked for, the hints are [`Keymap::forget_hints`].
    pub bindings: BTreeMap<Section, BTreeMap<Chord, Action>>,
    hints: hint::Hints,
}

/// A parsed keymap file: its bindings and the preset it asks to start from.
#[derive(Clone, Debug, Default)]
pub struct KeymapFile {
    /// `preset = "vim"` at the top of a user file.
    pub preset: Option<String>,
    /// The file's own bindings.
    pub keymap: Keymap,
}

impl Keymap {
    /// A preset by name (`default`, `vim`, `emacs`).
    pub fn preset(name: &str) -> Option<Keymap> {
        let (_, text) = PRESETS.iter().find(|(n, _)| *n == name)?;
        parse(&format!("preset {name}"), text)
            .ok()
            .map(|f| f.keymap)
    }

    /// What a key means in `mode` after the `pending` keys of an unfinished chord: looked up
    /// in the mode's table, then in `[global]`.
    pub fn resolve(&self, mode: Mode, pending: &[Key], key: Key) -> Resolved {
        match self.resolve_in(mode.into(), pending, key) {
            Resolved::Unbound => self.resolve_in(Section::Global, pending, key),
            found => found,
        }
    }

    /// Like [`Keymap::resolve`], but only in one table, without falling back to `[global]`:
    /// for modes where unbound keys are typed text.
    pub fn resolve_in(&self, section: Section, pending: &[Key], key: Key) -> Resolved {
        let mut keys = pending.to_vec();
        keys.push(key);
        let chord = Chord(keys);
        let Some(table) = self.bindings.get(&section) else {
            return Resolved::Unbound;
        };
        match table.get(&chord) {
            Some(Action::None) => Resolved::Unbound,
            Some(action) => Resolved::Action(*action),
            None if table.keys().any(|c| chord.is_prefix_of(c)) => Resolved::Pending,
            None => Resolved::Unbound,
        }
    }

    /// The chords bound to `action` in a section, for the help and the status line.
    pub fn chords_for(&self, section: impl Into<Section>, action: Action) -> Vec<&Chord> {
        let section = section.into();
        self.bindings
            .get(&section)
            .map(|t| {
                t.iter()
                    .filter(|(_, a)| **a == action)
                    .map(|(c, _)| c)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Lays `over` on top of this keymap: its chords replace these, and chords of this keymap
    /// that would clash with them as prefixes are dropped.
    pub fn overlay(&mut self, over: &Keymap) {
        self.forget_hints();
        for (section, table) in &over.bindings {
            let mine = self.bindings.entry(*section).or_default();
            for (chord, action) in table {
                mine.retain(|c, _| !(c.is_prefix_of(chord) || chord.is_prefix_of(c)));
                mine.insert(chord.clone(), *action);
            }
        }
    }

    /// The keymap as a TOML keymap file.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        for (section, table) in &self.bindings {
            out.push_str(&format!("[{}]\n", section.name()));
            for (chord, action) in table {
                let name = chord.to_string();
                let bare = name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                let key = if bare {
                    name
                } else {
                    toml_edit::Value::from(name).to_string()
                };
                out.push_str(&format!("{key} = \"{}\"\n", action.name()));
            }
            out.push('\n');
        }
        out
    }
}

/// Parses a keymap file's text; `file` names it in errors. Every problem is reported.
pub fn parse(file: &str, text: &str) -> Result<KeymapFile, Vec<KeymapError>> {
    let at = |span: Option<std::ops::Range<usize>>, message: String| {
        let (line, column) = line_column(text, span.map_or(0, |s| s.start));
        KeymapError {
            file: file.to_string(),
            line,
            column,
            message,
        }
    };
    let doc = ImDocument::parse(text).map_err(|e| {
        let message = e.message().trim().replace('\n', " ");
        vec![at(e.span(), message)]
    })?;
    let mut errors = Vec::new();
    let mut out = KeymapFile::default();
    for (name, item) in doc.as_table().iter() {
        let name_span = doc.as_table().key(name).and_then(|k| k.span());
        if name == "preset" {
            match item.as_str() {
                Some(p) if PRESETS.iter().any(|(n, _)| *n == p) => out.preset = Some(p.to_string()),
                _ => errors.push(at(
                    item.span(),
                    "preset must be \"default\", \"vim\" or \"emacs\"".into(),
                )),
            }
            continue;
        }
        let Some(section) = Section::from_name(name) else {
            let valid: Vec<&str> = Section::all().map(Section::name).collect();
            errors.push(at(
                name_span,
                format!("unknown table [{name}]; valid tables: {}", valid.join(", ")),
            ));
            continue;
        };
        let Some(table) = item.as_table_like() else {
            errors.push(at(
                item.span().or(name_span),
                format!(
                    "'{name}' must be a table of key = \"action\" lines, not {}",
                    item.type_name()
                ),
            ));
            continue;
        };
        let bindings = out.keymap.bindings.entry(section).or_default();
        for (key_text, value) in table.iter() {
            let key_span = table.get_key_value(key_text).and_then(|(k, _)| k.span());
            let chord = match Chord::parse(key_text) {
                Ok(c) => c,
                Err(msg) => {
                    errors.push(at(key_span, msg));
                    continue;
                }
            };
            let Some(action_name) = value.as_str() else {
                errors.push(at(
                    value.span().or(key_span),
                    format!(
                        "'{key_text}' must name an action in quotes, like \"quit\"; found {}",
                        value.type_name()
                    ),
                ));
                continue;
            };
            let Ok(action) = Action::from_str(action_name) else {
                errors.push(at(
                    value.span(),
                    format!(
                        "unknown action '{action_name}'; valid actions: {}",
                        Action::all_names().join(", ")
                    ),
                ));
                continue;
            };
            if let Some(existing) = bindings.get(&chord) {
                errors.push(at(
                    key_span,
                    format!(
                        "'{chord}' is bound twice in [{}]: to {} and to {}; keep one",
                        section.name(),
                        existing.name(),
                        action.name()
                    ),
                ));
                continue;
            }
            if let Some(other) = bindings
                .keys()
                .find(|c| c.is_prefix_of(&chord) || chord.is_prefix_of(c))
            {
                errors.push(at(
                    key_span,
                    format!(
                        "'{chord}' and '{other}' clash in [{}]: one begins the other, so the longer could never be typed; rebind one",
                        section.name()
                    ),
                ));
                continue;
            }
            bindings.insert(chord, action);
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        errors.sort_by_key(|e| (e.line, e.column));
        Err(errors)
    }
}

/// The 1-based line and column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Where the user's own keymap lives (`~/.config/brief/keymap.toml` on Linux).
pub fn user_keymap_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "brief").map(|d| d.config_dir().join("keymap.toml"))
}

/// The keymap to use: a preset name or a file path from `--keymap` (default: `default`),
/// with the user's file laid over it. Problems come back as errors next to a usable keymap
/// (a bad file is skipped, the rest still applies).
pub fn load(choice: Option<&str>, user_file: Option<&Path>) -> (Keymap, Vec<KeymapError>) {
    let mut errors = Vec::new();
    let mut layers: Vec<Keymap> = Vec::new();
    let mut preset = "default".to_string();
    if let Some(choice) = choice {
        if PRESETS.iter().any(|(n, _)| *n == choice) {
            preset = choice.to_string();
        } else {
            match read_file(Path::new(choice)) {
                Ok(f) => {
                    if let Some(p) = f.preset {
                        preset = p;
                    }
                    layers.push(f.keymap);
                }
                Err(mut e) => errors.append(&mut e),
            }
        }
    }
    if let Some(path) = user_file.filter(|p| p.exists()) {
        match read_file(path) {
            Ok(f) => {
                if let (Some(p), None) = (f.preset, choice) {
                    preset = p;
                }
                layers.push(f.keymap);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    let mut keymap = Keymap::preset(&preset).unwrap_or_default();
    for layer in &layers {
        keymap.overlay(layer);
    }
    (keymap, errors)
}

/// Reads and parses a keymap file.
pub fn read_file(path: &Path) -> Result<KeymapFile, Vec<KeymapError>> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![KeymapError {
            file: name.clone(),
            line: 1,
            column: 1,
            message: format!("cannot be read ({e}); check the path"),
        }]
    })?;
    parse(&name, &text)
}

#[cfg(test)]
mod tests {
    use super::chord::NamedKey;
    use super::*;

    #[test]
    fn every_preset_parses() {
        for (name, text) in PRESETS {
            let parsed = parse(name, text);
            assert!(parsed.is_ok(), "{name}: {:?}", parsed.err());
            let keymap = parsed.unwrap().keymap;
            assert_eq!(
                keymap.resolve(Mode::Reader, &[], Key::char('?')),
                Resolved::Action(Action::Help),
                "{name}"
            );
        }
    }

    #[test]
    fn mode_first_then_global_and_chords_wait() {
        let vim = Keymap::preset("vim").unwrap();
        let g = Key::char('g');
        assert_eq!(vim.resolve(Mode::Reader, &[], g), Resolved::Pending);
        assert_eq!(
            vim.resolve(Mode::Reader, &[g], g),
            Resolved::Action(Action::Top)
        );
        assert_eq!(
            vim.resolve(Mode::Reader, &[], Key::char('q')),
            Resolved::Action(Action::Quit)
        );
        let default = Keymap::preset("default").unwrap();
        assert_eq!(
            default.resolve(Mode::Help, &[], Key::char('q')),
            Resolved::Action(Action::Close)
        );
        assert_eq!(
            default.resolve(Mode::Outline, &[], Key::named(NamedKey::Enter)),
            Resolved::Action(Action::Go)
        );
        assert_eq!(
            default.resolve(Mode::Reader, &[], Key::char('x')),
            Resolved::Unbound
        );
    }

    #[test]
    fn unknown_action_is_located_and_lists_valid_ones() {
        let errs = parse("my.toml", "[reader]\nj = \"down\"\nk = \"scroll_upp\"\n").unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!((errs[0].line, errs[0].column), (3, 5));
        assert!(errs[0].message.contains("unknown action 'scroll_upp'"));
        assert!(errs[0].message.contains("page_down"));
        assert!(errs[0].to_string().starts_with("my.toml:3:5: "));
    }

    #[test]
    fn unknown_key_and_table_are_located() {
        let errs = parse(
            "k.toml",
            "[reader]\nHyper-j = \"down\"\n[sidebar]\nx = \"quit\"\n",
        )
        .unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!((errs[0].line, errs[0].column), (2, 1));
        assert!(errs[0].message.contains("unknown key 'Hyper-j'"));
        assert_eq!(errs[1].line, 3);
        assert!(
            errs[1]
                .message
                .contains("valid tables: global, reader, outline, help")
        );
    }

    #[test]
    fn one_chord_two_actions_is_an_error() {
        let errs = parse("k.toml", "[reader]\nCtrl-p = \"up\"\nC-p = \"down\"\n").unwrap_err();
        assert!(errs[0].message.contains("bound twice"), "{}", errs[0]);
        assert_eq!(errs[0].line, 3);
        let errs = parse("k.toml", "[reader]\ng = \"top\"\n\"g g\" = \"bottom\"\n").unwrap_err();
        assert!(errs[0].message.contains("clash"), "{}", errs[0]);
    }

    #[test]
    fn toml_syntax_errors_are_located() {
        let errs = parse("k.toml", "[reader]\nj = down\n").unwrap_err();
        assert_eq!(errs[0].line, 2);
        assert!(!errs[0].message.contains('\n'));
    }

    #[test]
    fn user_file_overrides_single_bindings() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("keymap.toml");
        std::fs::write(
            &user,
            "preset = \"vim\"\n[reader]\n\"g\" = \"bottom\"\nx = \"quit\"\nj = \"none\"\n",
        )
        .unwrap();
        let (keymap, errors) = load(None, Some(&user));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            keymap.resolve(Mode::Reader, &[], Key::char('x')),
            Resolved::Action(Action::Quit)
        );
        assert_eq!(
            keymap.resolve(Mode::Reader, &[], Key::char('g')),
            Resolved::Action(Action::Bottom)
        );
        assert_eq!(
            keymap.resolve(Mode::Reader, &[], Key::char('j')),
            Resolved::Unbound
        );
        assert_eq!(
            keymap.resolve(Mode::Reader, &[], Key::char('k')),
            Resolved::Action(Action::Up)
        );
        assert!(keymap.chords_for(Mode::Reader, Action::Bottom).len() >= 2);
    }

    #[test]
    fn bad_user_file_falls_back_to_the_preset_with_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("keymap.toml");
        std::fs::write(&user, "[reader]\nj = \"nope\"\n").unwrap();
        let (keymap, errors) = load(Some("default"), Some(&user));
        assert_eq!(errors.len(), 1);
        assert_eq!(keymap, Keymap::preset("default").unwrap());
    }

    #[test]
    fn shown_keymap_parses_back_to_itself() {
        for (name, _) in PRESETS {
            let keymap = Keymap::preset(name).unwrap();
            let again = parse("shown", &keymap.to_toml()).unwrap().keymap;
            assert_eq!(again, keymap, "{name}");
        }
    }
}
