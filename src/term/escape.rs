//! Keys whose escape sequence the connection split. A terminal sends ↓ as `ESC [ B` in one
//! write, but over a slow link the bytes can come in two reads; the terminal's reader then
//! sees a lone Esc, and `[` and `B` typed after it (Esc closes the palette, and `B` is typed
//! in the query). An Esc that ends what was read waits [`WAIT`] for what follows it: the
//! keys read after it are joined back into the key their sequence stands for.

use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// How long an Esc read alone waits for the rest of a sequence (vim waits 100 ms, tmux 10).
pub(super) const WAIT: Duration = Duration::from_millis(30);

/// The longest sequence joined: longer ones are not keys.
const LONGEST: usize = 16;

/// What the keys read after a lone Esc make of it.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Joined {
    /// The key their sequence stands for.
    Key(KeyEvent),
    /// The start of a sequence: wait for the next key.
    Incomplete,
    /// A whole sequence, of no key brief reads (a report the terminal sent): dropped.
    Unknown,
    /// Not a sequence: the Esc was pressed, then these keys.
    Typed,
}

/// Whether `event` is a lone Esc pressed: perhaps the start of a split sequence.
pub(super) fn is_lone_escape(event: &Event) -> bool {
    matches!(event, Event::Key(k)
        if k.code == KeyCode::Esc && k.modifiers.is_empty() && k.kind == KeyEventKind::Press)
}

/// The character a key typed plainly stands for (a capital comes with Shift).
fn typed(event: &Event) -> Option<char> {
    match event {
        Event::Key(KeyEvent {
            code: KeyCode::Char(c),
            modifiers,
            kind: KeyEventKind::Press,
            ..
        }) if (KeyModifiers::SHIFT).contains(*modifiers) => Some(*c),
        _ => None,
    }
}

/// What the keys read after a lone Esc make of it.
pub(super) fn join(after: &[Event]) -> Joined {
    let Some(chars) = after.iter().map(typed).collect::<Option<Vec<char>>>() else {
        return Joined::Typed;
    };
    match chars.split_first() {
        None => Joined::Incomplete,
        Some(('O', rest)) => ss3(rest),
        Some(('[', rest)) if chars.len() <= LONGEST => csi(rest),
        _ => Joined::Typed,
    }
}

/// `ESC O x`: the keypad's arrows, Home and End, and F1 to F4.
fn ss3(rest: &[char]) -> Joined {
    let code = match rest {
        [] => return Joined::Incomplete,
        [c] => match c {
            'A' => KeyCode::Up,
            'B' => KeyCode::Down,
            'C' => KeyCode::Right,
            'D' => KeyCode::Left,
            'H' => KeyCode::Home,
            'F' => KeyCode::End,
            'P' => KeyCode::F(1),
            'Q' => KeyCode::F(2),
            'R' => KeyCode::F(3),
            'S' => KeyCode::F(4),
            _ => return Joined::Typed,
        },
        _ => return Joined::Typed,
    };
    Joined::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// `ESC [ params final`: arrows, Home, End, pages, Insert, Delete, function keys, Shift-Tab,
/// with their modifiers (`1;5A` is Ctrl-↑).
fn csi(rest: &[char]) -> Joined {
    let Some((&last, params)) = rest.split_last() else {
        return Joined::Incomplete;
    };
    let is_param = |c: char| c.is_ascii_digit() || c == ';' || ('<'..='?').contains(&c);
    if !params.iter().all(|&c| is_param(c)) {
        return Joined::Typed;
    }
    if is_param(last) {
        return Joined::Incomplete;
    }
    if !('@'..='~').contains(&last) {
        return Joined::Typed;
    }
    let params: String = params.iter().collect();
    if params.starts_with(|c| ('<'..='?').contains(&c)) {
        return Joined::Unknown;
    }
    let numbers: Vec<Option<u8>> = params.split(';').map(|p| p.parse().ok()).collect();
    let first = numbers.first().copied().flatten();
    let modifiers = match numbers.get(1) {
        None => KeyModifiers::NONE,
        Some(Some(m @ 1..=16)) => modifiers(m - 1),
        Some(_) => return Joined::Unknown,
    };
    let code = match (last, first) {
        ('A', _) => KeyCode::Up,
        ('B', _) => KeyCode::Down,
        ('C', _) => KeyCode::Right,
        ('D', _) => KeyCode::Left,
        ('H', _) => KeyCode::Home,
        ('F', _) => KeyCode::End,
        ('Z', _) => return Joined::Key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        ('~', Some(1 | 7)) => KeyCode::Home,
        ('~', Some(2)) => KeyCode::Insert,
        ('~', Some(3)) => KeyCode::Delete,
        ('~', Some(4 | 8)) => KeyCode::End,
        ('~', Some(5)) => KeyCode::PageUp,
        ('~', Some(6)) => KeyCode::PageDown,
        ('~', Some(n @ 11..=15)) => KeyCode::F(n - 10),
        ('~', Some(n @ 17..=21)) => KeyCode::F(n - 11),
        ('~', Some(n @ 23..=24)) => KeyCode::F(n - 12),
        _ => return Joined::Unknown,
    };
    Joined::Key(KeyEvent::new(code, modifiers))
}

/// The modifiers a sequence's second number stands for, less one: 1 Shift, 2 Alt, 4 Ctrl.
fn modifiers(bits: u8) -> KeyModifiers {
    let mut m = KeyModifiers::NONE;
    for (bit, modifier) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
    ] {
        if bits & bit != 0 {
            m |= modifier;
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<Event> {
        text.chars()
            .map(|c| {
                let shift = match c.is_ascii_uppercase() {
                    true => KeyModifiers::SHIFT,
                    false => KeyModifiers::NONE,
                };
                Event::Key(KeyEvent::new(KeyCode::Char(c), shift))
            })
            .collect()
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Joined {
        Joined::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn split_sequences_join_into_their_keys() {
        let none = KeyModifiers::NONE;
        assert_eq!(join(&keys("[B")), key(KeyCode::Down, none));
        assert_eq!(join(&keys("OA")), key(KeyCode::Up, none));
        assert_eq!(join(&keys("[6~")), key(KeyCode::PageDown, none));
        assert_eq!(join(&keys("[5~")), key(KeyCode::PageUp, none));
        assert_eq!(
            join(&keys("[1;5A")),
            key(KeyCode::Up, KeyModifiers::CONTROL)
        );
        assert_eq!(join(&keys("[1;2F")), key(KeyCode::End, KeyModifiers::SHIFT));
        assert_eq!(
            join(&keys("[Z")),
            key(KeyCode::BackTab, KeyModifiers::SHIFT)
        );
        assert_eq!(join(&keys("[15~")), key(KeyCode::F(5), none));
        assert_eq!(join(&keys("OP")), key(KeyCode::F(1), none));
    }

    #[test]
    fn the_start_of_a_sequence_waits_for_the_rest() {
        for start in ["", "[", "O", "[1", "[1;", "[1;5", "[6"] {
            assert_eq!(join(&keys(start)), Joined::Incomplete, "{start:?}");
        }
    }

    #[test]
    fn keys_typed_after_an_escape_stay_typed() {
        for typed in ["j", "q", "Oz", "O1", "[中", "[1中", "ab"] {
            assert_eq!(join(&keys(typed)), Joined::Typed, "{typed:?}");
        }
        let enter = [Event::Key(KeyEvent::new(
            KeyCode::Enter,
            KeyModifiers::NONE,
        ))];
        assert_eq!(join(&enter), Joined::Typed);
        let long = format!("[{}", "1".repeat(LONGEST));
        assert_eq!(join(&keys(&long)), Joined::Typed, "too long for a key");
    }

    #[test]
    fn reports_the_terminal_sends_are_dropped() {
        assert_eq!(join(&keys("[<0;10;5M")), Joined::Unknown, "a mouse report");
        assert_eq!(join(&keys("[?1u")), Joined::Unknown);
        assert_eq!(join(&keys("[99~")), Joined::Unknown);
    }

    #[test]
    fn only_a_lone_escape_press_waits() {
        let esc = |m| Event::Key(KeyEvent::new(KeyCode::Esc, m));
        assert!(is_lone_escape(&esc(KeyModifiers::NONE)));
        assert!(!is_lone_escape(&esc(KeyModifiers::ALT)));
        assert!(!is_lone_escape(&keys("j")[0]));
    }
}
