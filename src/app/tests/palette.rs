//! The jump palette: pinyin, typed text, line editing, answers from the worker.

use super::*;

/// An app whose jump index is built, with palette requests answered at once.
fn palette_app() -> App {
    let mut app = seed_app((100, 30));
    let g = crate::index::gazetteer::Gazetteer::bundled();
    let index = crate::index::jump::JumpIndex::build(&app.docs, &app.countries, g);
    let effects = app.receive(crate::app::Message::JumpIndexReady(std::sync::Arc::new(
        index,
    )));
    answer(&mut app, effects);
    app
}

#[test]
fn palette_jumps_with_pinyin_and_ctrl_o_returns() {
    let mut app = palette_app();
    let start = app.current_block();
    let effects = app.press(Key::char('f'));
    answer(&mut app, effects);
    assert_eq!(app.mode(), Mode::Palette);
    assert_eq!(
        app.palette.found.matches.len(),
        9,
        "an empty query lists the headings"
    );
    type_text(&mut app, "zjwtl");
    assert_eq!(app.palette.input, "zjwtl");
    app.press(Key::named(NamedKey::Enter));
    assert_eq!(app.mode(), Mode::Reader);
    let block = app.current_block();
    assert!(app.document().blocks[block.0].text().contains("中吉乌铁路"));
    let highlight = app.highlight.clone().unwrap();
    assert!(
        app.document().blocks[highlight.block.0].text()[highlight.range].contains("中吉乌铁路")
    );
    app.press(Key::ctrl('o'));
    assert_eq!(app.current_block(), start);
    app.press(Key::char('\t'));
    app.update(Action::Close);
    app.update(Action::JumpForward);
    assert_eq!(app.current_block(), block);
}

#[test]
fn typed_keys_are_text_in_the_palette_not_commands() {
    let mut app = palette_app();
    app.press(Key::char('f'));
    for c in ['q', '?', 'G'] {
        assert!(app.press(Key::char(c)).iter().all(|e| *e != Effect::Quit));
    }
    assert_eq!(app.palette.input, "q?G");
    app.press(Key::named(NamedKey::Backspace));
    assert_eq!(app.palette.input, "q?");
    app.press(Key::ctrl('u'));
    assert_eq!(app.palette.input, "");
    app.press(Key::named(NamedKey::Esc));
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(app.top, 0, "Esc leaves the reader where it was");
}

#[test]
fn line_editing_keys_are_bindings_a_user_can_change() {
    let mut app = palette_app();
    let user = crate::keymap::parse(
        "user",
        "[line]\nCtrl-u = \"none\"\nCtrl-k = \"clear_line\"\n",
    )
    .unwrap()
    .keymap;
    app.keymap.overlay(&user);
    app.press(Key::char('f'));
    type_text(&mut app, "zjw tl");
    app.press(Key::ctrl('w'));
    assert_eq!(app.palette.input, "zjw ", "Ctrl-w deletes the last word");
    app.press(Key::ctrl('u'));
    assert_eq!(
        app.palette.input, "zjw ",
        "an unbound Ctrl-u no longer clears"
    );
    app.press(Key::ctrl('k'));
    assert_eq!(app.palette.input, "", "the key bound to clear_line clears");
    let help = crate::keymap::help::rows(&app.keymap);
    assert!(help.contains(&crate::keymap::help::HelpRow::Binding {
        keys: "Ctrl-k".into(),
        description: Action::ClearLine.description(),
    }));
}

#[test]
fn stale_answers_are_dropped() {
    let mut app = palette_app();
    app.press(Key::char('f'));
    let old = app.palette.generation;
    app.press(Key::char('z'));
    app.receive(crate::app::Message::Matches(
        old,
        crate::index::jump::Found::default(),
    ));
    assert!(
        app.palette.searching,
        "an answer to an older query does not count"
    );
}

#[test]
fn the_complete_answer_keeps_the_selection_made_on_the_first() {
    use crate::index::jump::Query;
    let mut app = palette_app();
    app.press(Key::char('f'));
    for c in "sf".chars() {
        app.press(Key::char(c));
    }
    let generation = app.palette.generation;
    let index = app.jump_index.clone().unwrap();
    let query = Query::parse(&app.palette.input);
    let runs = index.search_runs(&query, None, &|| false).unwrap();
    let full = index.search_rest(&query, None, &runs, &|| false).unwrap();
    assert!(!runs.complete && full.complete);
    app.receive(crate::app::Message::Matches(generation, runs));
    assert!(app.palette.searching, "the first answer is not the last");
    app.press(Key::named(NamedKey::Down));
    app.press(Key::named(NamedKey::Down));
    app.receive(crate::app::Message::Matches(generation, full));
    assert!(!app.palette.searching);
    assert_eq!(app.palette.selected, 2, "the selection stays");
}
