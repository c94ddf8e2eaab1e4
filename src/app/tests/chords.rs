//! Unfinished chords: a key that does not continue one drops it and counts on its own, as in
//! vim (`]` then `j` moves down), for every chord prefix of every preset keymap.

use super::*;
use crate::keymap::Section;
use crate::keymap::chord::Chord;

/// A briefing with sections, paragraphs and a table long enough to move in.
fn briefing() -> Document {
    let mut text = String::from("# Statement\n\n");
    for i in 0..8 {
        text.push_str(&format!("## Section {i}\n\n"));
        for j in 0..6 {
            text.push_str(&format!(
                "Paragraph {j} of section {i}. It has two sentences.\n\n"
            ));
        }
    }
    text.push_str("| Country | Joined |\n|---|---|\n");
    for i in 0..60 {
        text.push_str(&format!("| Member {i} | {} |\n", 1990 + i));
    }
    text.push_str("\nAfter the table.\n");
    doc("statement.md", &text)
}

/// A reader on the briefing with `keymap`, in `mode`.
fn app_in(keymap: &str, mode: Mode) -> App {
    let mut app = App::new(
        crate::effects::start(vec![briefing()]),
        Keymap::preset(keymap).unwrap(),
        (100, 30),
    );
    match mode {
        Mode::Outline => {
            app.update(Action::FocusOutline);
        }
        Mode::Table => {
            let row = app.docs[0]
                .blocks
                .iter()
                .rposition(|b| matches!(b.kind, crate::doc::BlockKind::TableRow { .. }))
                .unwrap();
            assert!(app.open_table(row - 40));
        }
        Mode::Editor => {
            app.update(Action::NextParagraph);
            app.update(Action::Annotate);
        }
        _ => {}
    }
    assert_eq!(app.mode(), mode, "{keymap}");
    app
}

/// What a key changed that the test can see.
fn seen(app: &App) -> (Mode, usize, usize, Option<usize>, bool) {
    (
        app.mode(),
        app.top,
        app.pane.selected,
        app.table().map(|t| t.top),
        app.pending.is_empty(),
    )
}

/// The mode a table's keys are tried in, if the test can reach it.
fn mode_of(section: Section) -> Option<Mode> {
    match section {
        Section::Global | Section::Mode(Mode::Reader) => Some(Mode::Reader),
        Section::Mode(mode @ (Mode::Outline | Mode::Table | Mode::Editor)) => Some(mode),
        _ => None,
    }
}

#[test]
fn in_the_vim_keymap_a_bracket_then_j_moves_down() {
    let mut app = app_in("vim", Mode::Reader);
    let top = app.top;
    app.press(Key::char(']'));
    assert!(!app.pending.is_empty(), "`]` waits for the next key");
    app.press(Key::char('j'));
    assert_eq!(app.top, top + 1, "`j` moved down");
    assert!(app.pending.is_empty());
    // `] ]` still goes to the next section.
    app.press(Key::char(']'));
    app.press(Key::char(']'));
    assert!(heading_at_top(&app).is_some_and(|h| h.starts_with("Section")));
}

#[test]
fn every_unfinished_chord_lets_the_next_key_through() {
    let mut tried = 0;
    for keymap in ["default", "vim", "emacs"] {
        let bindings = Keymap::preset(keymap).unwrap().bindings;
        for (section, table) in &bindings {
            let Some(mode) = mode_of(*section) else {
                continue;
            };
            // The key that follows: one that does something on its own in that mode.
            let next = match mode {
                Mode::Editor => Key::named(NamedKey::Esc),
                _ => Key::named(NamedKey::Down),
            };
            for chord in table.keys().filter(|c| c.0.len() > 1) {
                for cut in 1..chord.0.len() {
                    let prefix = &chord.0[..cut];
                    let mut longer = prefix.to_vec();
                    longer.push(next);
                    let continues = |c: &Chord| c.0.starts_with(&longer);
                    if bindings.values().flat_map(|t| t.keys()).any(continues) {
                        continue;
                    }
                    let what = format!("{keymap} [{}] {chord} cut after {cut}", section.name());
                    let mut alone = app_in(keymap, mode);
                    let before = seen(&alone);
                    alone.press(next);
                    assert_ne!(seen(&alone), before, "{what}: the key does something");
                    let mut after_prefix = app_in(keymap, mode);
                    for &key in prefix {
                        after_prefix.press(key);
                    }
                    after_prefix.press(next);
                    assert_eq!(seen(&after_prefix), seen(&alone), "{what}");
                    tried += 1;
                }
            }
        }
    }
    assert!(tried >= 20, "{tried} prefixes tried");
}
