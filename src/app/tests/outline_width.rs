//! The outline's width: `<` and `>` by steps within limits, a resize keeping the
//! proportion, and the outline as it was left handed back at the next start.

use super::*;
use crate::app::outline_width::{MIN_OUTLINE, MIN_READER, step, widest};
use crate::store::OutlineLayout;

fn press_times(app: &mut App, key: char, times: usize) {
    for _ in 0..times {
        app.press(Key::char(key));
    }
}

#[test]
fn wider_and_narrower_by_steps_within_limits() {
    let mut app = seed_app((100, 30));
    assert_eq!(app.outline_width(), 33, "a third to start with");
    app.press(Key::char('>'));
    assert_eq!(app.outline_width(), 33 + step(100));
    assert_eq!(app.reader_size().0, 100 - (33 + step(100)) - 1 - 2);
    assert!(app.message.as_ref().unwrap().text.contains("38 columns"));
    // As wide as it goes: the reader keeps its room, and a further `>` says so.
    press_times(&mut app, '>', 30);
    assert_eq!(app.outline_width(), widest(100));
    assert!(app.panes().reader.width >= MIN_READER);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("as wide as it goes")
    );
    // As narrow as it goes.
    press_times(&mut app, '<', 30);
    assert_eq!(app.outline_width(), MIN_OUTLINE);
    assert!(app.message.as_ref().unwrap().text.contains("as narrow"));
    // The reader follows: its text is laid out at the new width.
    assert_eq!(app.layout.width, app.reader_size().0);
}

#[test]
fn a_wide_terminal_lets_the_outline_grow_past_forty_columns() {
    let mut app = seed_app((250, 40));
    assert_eq!(app.outline_width(), 83);
    press_times(&mut app, '>', 3);
    assert_eq!(app.outline_width(), 83 + 3 * step(250));
    press_times(&mut app, '>', 30);
    assert_eq!(app.outline_width(), 166, "the reader keeps a third");
}

#[test]
fn a_resize_keeps_the_proportion() {
    let mut app = seed_app((100, 30));
    while app.outline_width() < 50 {
        app.press(Key::char('>'));
    }
    let cols = app.outline_width();
    app.resize(200, 30);
    assert_eq!(app.outline_width(), cols * 2);
    // A narrow terminal hides it, as a narrow start does; shown there, it still leaves the
    // reader its columns.
    app.resize(60, 20);
    assert!(!app.outline_visible);
    app.press(Key::char('t'));
    assert_eq!(app.outline_width(), widest(60));
    assert!(app.panes().reader.width >= 30);
    app.resize(100, 30);
    assert_eq!(
        app.outline_width(),
        cols,
        "the proportion was kept, not the squeeze"
    );
}

#[test]
fn a_hidden_outline_is_shown_by_wider_and_named_by_narrower() {
    let mut app = seed_app((100, 30));
    app.press(Key::char('>'));
    let cols = app.outline_width();
    app.press(Key::char('t'));
    assert!(!app.outline_visible);
    app.press(Key::char('<'));
    assert!(!app.outline_visible);
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "The outline is hidden (t shows it)"
    );
    app.press(Key::char('>'));
    assert!(app.outline_visible);
    assert_eq!(app.outline_width(), cols, "shown at the width it had");
}

#[test]
fn the_vim_and_emacs_keys_change_the_width_too() {
    for (name, keys) in [
        ("vim", vec![Key::ctrl('w'), Key::char('>')]),
        ("vim", vec![Key::char('>')]),
        ("emacs", vec![Key::ctrl('x'), Key::char('}')]),
    ] {
        let mut app = App::new(
            crate::effects::start(vec![bundled(OpenOptions::default())]),
            Keymap::preset(name).unwrap(),
            (100, 30),
        );
        for key in keys.clone() {
            app.press(key);
        }
        assert_eq!(app.outline_width(), 33 + step(100), "{name} {keys:?}");
    }
}

#[test]
fn the_outline_as_left_comes_back() {
    let mut app = seed_app((120, 30));
    press_times(&mut app, '>', 2);
    let left = app.outline_layout();
    assert_eq!(
        left,
        OutlineLayout {
            shown: true,
            share: Some(433)
        }
    );
    let mut next = seed_app((120, 30));
    next.receive(Message::Outline(left));
    assert_eq!(next.outline_width(), app.outline_width());

    // Hidden stays hidden; a pane shown only while it has the keys counts as hidden.
    app.press(Key::char('t'));
    assert!(!app.outline_layout().shown);
    app.update(Action::FocusOutline);
    assert!(app.outline_visible);
    assert!(!app.outline_layout().shown);
    let mut next = seed_app((120, 30));
    next.receive(Message::Outline(app.outline_layout()));
    assert!(!next.outline_visible);
    assert_eq!(next.reader_size().0, 118);
    // A terminal too narrow for the outline starts without it, whatever was left.
    let mut narrow = seed_app((70, 24));
    narrow.receive(Message::Outline(left));
    assert!(!narrow.outline_visible);
}

#[test]
fn an_outline_hidden_for_a_narrow_terminal_is_not_remembered_as_hidden() {
    // A first start in a narrow terminal, nothing remembered yet.
    let mut narrow = seed_app((70, 24));
    assert!(!narrow.outline_visible);
    assert!(
        narrow.outline_layout().shown,
        "hidden by the width, not by the user"
    );
    // Shown for the keys and left: still only hidden by the width.
    narrow.update(Action::FocusOutline);
    narrow.press(Key::named(NamedKey::Esc));
    assert!(!narrow.outline_visible);
    assert!(narrow.outline_layout().shown);
    // A wide enough terminal shows it.
    narrow.receive(Message::Resized(100, 30));
    assert!(narrow.outline_visible);
    let mut next = seed_app((100, 30));
    next.receive(Message::Outline(narrow.outline_layout()));
    assert!(next.outline_visible);

    // Hidden by the user in a narrow terminal: remembered, and not shown by a resize.
    let mut chose = seed_app((70, 24));
    chose.update(Action::FocusOutline);
    chose.press(Key::char('t'));
    assert!(!chose.outline_visible);
    chose.receive(Message::Resized(100, 30));
    assert!(!chose.outline_visible);
    assert!(!chose.outline_layout().shown);
}

#[test]
fn a_terminal_that_becomes_narrow_hides_the_outline_as_a_narrow_start_does() {
    let mut app = seed_app((100, 30));
    assert!(app.outline_visible);
    app.receive(Message::Resized(60, 20));
    assert!(!app.outline_visible, "narrowed: hidden");
    assert!(app.outline_layout().shown, "by the width, not by the user");
    app.receive(Message::Resized(100, 30));
    assert!(app.outline_visible, "widened: shown again");
    // Shown with `t` in a narrow terminal, it stays through resizes that stay narrow.
    app.receive(Message::Resized(60, 20));
    app.press(Key::char('t'));
    assert!(app.outline_visible);
    app.receive(Message::Resized(55, 20));
    assert!(app.outline_visible, "the user's choice at this width");
}
