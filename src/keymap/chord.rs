//! Key notation: `j`, `G`, `Ctrl-p`, `C-x C-c`, `PageDown`, `g g`. Parsed from keymap files,
//! matched against terminal key events, and shown in the help.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key press with its modifiers, normalised so that `G` and `Shift-g` are the same key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// The key.
    pub code: KeyCodeOrd,
    /// Ctrl.
    pub ctrl: bool,
    /// Alt (Meta).
    pub alt: bool,
}

/// A key code that can be sorted, so bindings print in a stable order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeOrd {
    /// A character key, including space.
    Char(char),
    /// A function key F1..F24.
    F(u8),
    /// A named key.
    Named(NamedKey),
}

/// Keys that have a name instead of a character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NamedKey {
    /// Enter / Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Insert.
    Insert,
    /// Delete.
    Delete,
}

const NAMED: [(&str, NamedKey); 15] = [
    ("Enter", NamedKey::Enter),
    ("Esc", NamedKey::Esc),
    ("Tab", NamedKey::Tab),
    ("BackTab", NamedKey::BackTab),
    ("Backspace", NamedKey::Backspace),
    ("Up", NamedKey::Up),
    ("Down", NamedKey::Down),
    ("Left", NamedKey::Left),
    ("Right", NamedKey::Right),
    ("PageUp", NamedKey::PageUp),
    ("PageDown", NamedKey::PageDown),
    ("Home", NamedKey::Home),
    ("End", NamedKey::End),
    ("Insert", NamedKey::Insert),
    ("Delete", NamedKey::Delete),
];

const ALIASES: [(&str, &str); 7] = [
    ("return", "Enter"),
    ("escape", "Esc"),
    ("pgup", "PageUp"),
    ("pgdn", "PageDown"),
    ("del", "Delete"),
    ("shift-tab", "BackTab"),
    ("bs", "Backspace"),
];

/// Every key name a keymap may use, for error messages.
pub fn key_names() -> String {
    let names: Vec<&str> = NAMED.iter().map(|(n, _)| *n).collect();
    format!(
        "a single character, Space, {}, F1-F12, with Ctrl-, Alt- or Shift- before them",
        names.join(", ")
    )
}

impl Key {
    /// A plain character key.
    pub fn char(c: char) -> Key {
        Key {
            code: KeyCodeOrd::Char(c),
            ctrl: false,
            alt: false,
        }
    }

    /// A named key without modifiers.
    pub fn named(k: NamedKey) -> Key {
        Key {
            code: KeyCodeOrd::Named(k),
            ctrl: false,
            alt: false,
        }
    }

    /// A Ctrl-combination with a character.
    pub fn ctrl(c: char) -> Key {
        Key {
            code: KeyCodeOrd::Char(c.to_ascii_lowercase()),
            ctrl: true,
            alt: false,
        }
    }

    /// The key of a terminal key event, or `None` for keys brief does not bind.
    pub fn from_event(event: KeyEvent) -> Option<Key> {
        let mods = event.modifiers;
        let code = match event.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(if mods.contains(KeyModifiers::CONTROL) {
                c.to_ascii_lowercase()
            } else {
                c
            }),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            KeyCode::Enter => KeyCodeOrd::Named(NamedKey::Enter),
            KeyCode::Esc => KeyCodeOrd::Named(NamedKey::Esc),
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                KeyCodeOrd::Named(NamedKey::BackTab)
            }
            KeyCode::Tab => KeyCodeOrd::Named(NamedKey::Tab),
            KeyCode::BackTab => KeyCodeOrd::Named(NamedKey::BackTab),
            KeyCode::Backspace => KeyCodeOrd::Named(NamedKey::Backspace),
            KeyCode::Up => KeyCodeOrd::Named(NamedKey::Up),
            KeyCode::Down => KeyCodeOrd::Named(NamedKey::Down),
            KeyCode::Left => KeyCodeOrd::Named(NamedKey::Left),
            KeyCode::Right => KeyCodeOrd::Named(NamedKey::Right),
            KeyCode::PageUp => KeyCodeOrd::Named(NamedKey::PageUp),
            KeyCode::PageDown => KeyCodeOrd::Named(NamedKey::PageDown),
            KeyCode::Home => KeyCodeOrd::Named(NamedKey::Home),
            KeyCode::End => KeyCodeOrd::Named(NamedKey::End),
            KeyCode::Insert => KeyCodeOrd::Named(NamedKey::Insert),
            KeyCode::Delete => KeyCodeOrd::Named(NamedKey::Delete),
            _ => return None,
        };
        Some(Key {
            code,
            ctrl: mods.contains(KeyModifiers::CONTROL),
            alt: mods.contains(KeyModifiers::ALT),
        })
    }

    /// Parses one key in keymap notation (`Ctrl-p`, `C-p`, `M-<`, `PageDown`, `G`, `Space`).
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut rest = text;
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = [
                "ctrl-", "ctrl+", "c-", "alt-", "alt+", "m-", "meta-", "shift-", "shift+",
            ]
            .iter()
            .find(|p| lower.starts_with(*p) && rest.len() > p.len());
            match prefix {
                Some(p) if p.starts_with('c') => ctrl = true,
                Some(p) if p.starts_with('a') || p.starts_with('m') => alt = true,
                Some(_) => shift = true,
                None => break,
            }
            rest = &rest[prefix.map_or(0, |p| p.len())..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if ctrl => KeyCodeOrd::Char(c.to_ascii_lowercase()),
            (Some(c), None) if shift => KeyCodeOrd::Char(c.to_uppercase().next().unwrap_or(c)),
            (Some(c), None) => KeyCodeOrd::Char(c),
            _ => named_code(rest, shift)
                .ok_or_else(|| format!("unknown key '{text}'; use {}", key_names()))?,
        };
        Ok(Key { code, ctrl, alt })
    }
}

fn named_code(name: &str, shift: bool) -> Option<KeyCodeOrd> {
    let lower = name.to_ascii_lowercase();
    if lower == "space" {
        return Some(KeyCodeOrd::Char(' '));
    }
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
        && (1..=24).contains(&n)
    {
        return Some(KeyCodeOrd::F(n));
    }
    let canonical = ALIASES
        .iter()
        .find(|(alias, _)| *alias == lower)
        .map(|(_, c)| c.to_ascii_lowercase())
        .unwrap_or(lower);
    let key = NAMED
        .iter()
        .find(|(n, _)| n.to_ascii_lowercase() == canonical)
        .map(|(_, k)| *k)?;
    Some(KeyCodeOrd::Named(if shift && key == NamedKey::Tab {
        NamedKey::BackTab
    } else {
        key
    }))
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCodeOrd::Char(' ') => f.write_str("Space"),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::F(n) => write!(f, "F{n}"),
            KeyCodeOrd::Named(k) => {
                let name = NAMED.iter().find(|(_, n)| *n == k).map_or("?", |(s, _)| *s);
                f.write_str(name)
            }
        }
    }
}

/// A sequence of keys pressed one after another (`g g`, `C-x C-c`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chord(pub Vec<Key>);

impl Chord {
    /// Parses a chord: keys separated by spaces.
    pub fn parse(text: &str) -> Result<Chord, String> {
        if text == " " {
            return Ok(Chord(vec![Key::char(' ')]));
        }
        let keys = text
            .split_whitespace()
            .map(Key::parse)
            .collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            return Err(format!("empty key; use {}", key_names()));
        }
        Ok(Chord(keys))
    }

    /// Whether `self` is a proper prefix of `other`.
    pub fn is_prefix_of(&self, other: &Chord) -> bool {
        self.0.len() < other.0.len() && other.0.starts_with(&self.0)
    }
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, k) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{k}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notation_variants_mean_the_same_key() {
        assert_eq!(Key::parse("Ctrl-p").unwrap(), Key::ctrl('p'));
        assert_eq!(Key::parse("C-p").unwrap(), Key::ctrl('p'));
        assert_eq!(Key::parse("ctrl+P").unwrap(), Key::ctrl('p'));
        assert_eq!(Key::parse("Shift-g").unwrap(), Key::char('G'));
        assert_eq!(Key::parse("pgdn").unwrap(), Key::named(NamedKey::PageDown));
        assert_eq!(
            Key::parse("Shift-Tab").unwrap(),
            Key::named(NamedKey::BackTab)
        );
        assert_eq!(Key::parse("space").unwrap(), Key::char(' '));
        assert_eq!(Key::parse("-").unwrap(), Key::char('-'));
        assert_eq!(Key::parse("M-<").unwrap().to_string(), "Alt-<");
        assert!(Key::parse("Hyper-x").is_err());
        assert!(Key::parse("PageSideways").unwrap_err().contains("PageDown"));
    }

    #[test]
    fn events_normalise_shift() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(ev), Some(Key::char('G')));
        let ev = KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_event(ev), Some(Key::ctrl('p')));
    }

    #[test]
    fn chords() {
        let gg = Chord::parse("g g").unwrap();
        assert_eq!(gg.to_string(), "g g");
        assert!(Chord::parse("g").unwrap().is_prefix_of(&gg));
        assert_eq!(
            Chord::parse("C-x C-c").unwrap().to_string(),
            "Ctrl-x Ctrl-c"
        );
    }
}
