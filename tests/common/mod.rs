//! What the tests that drive the reader with keys on a real store share: a reader on some
//! files with its notes read, keys pressed with their effects carried out as the runtime
//! does, a note written on a paragraph, the screen as drawn, and the briefing note.
#![allow(dead_code)]

pub mod packages;
pub mod site;
pub mod terminal;

use std::path::{Path, PathBuf};

use brief::app::App;
use brief::doc::BlockId;
use brief::doc::open::{OpenOptions, open_paths};
use brief::effects::Notes;
use brief::keymap::chord::NamedKey;
use brief::keymap::{Key, Keymap};
use brief::store::Store;
use brief::vocabulary::Mode;

/// The project's English statement, first edition.
pub const OLD: &str = include_str!("../fixtures/anchoring/en_statement.old.md");

/// A reader on `paths` at 100x30 with the default keymap.
pub fn app_on(paths: &[PathBuf]) -> App {
    let opened = open_paths(paths, OpenOptions::default());
    App::new(
        brief::effects::start(opened.documents),
        Keymap::preset("default").unwrap(),
        (100, 30),
    )
}

/// The `brief` binary run with `args`, its data and configuration kept in `files`, as a
/// user without `RUST_BACKTRACE` sees it.
pub fn brief_in(files: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .env("BRIEF_DATA_DIR", files.join("data"))
        .env("XDG_CONFIG_HOME", files)
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap()
}

/// Presses keys, carrying out what they ask of the store as the runtime does.
pub fn press(app: &mut App, notes: &Notes, keys: &[Key]) {
    for &key in keys {
        let effects = app.press(key);
        // Quitting and asking the jump worker are the event loop's: nothing here.
        notes.run(app, effects, &mut Vec::new());
    }
}

/// The keys that type a text.
pub fn typed(text: &str) -> Vec<Key> {
    text.chars().map(Key::char).collect()
}

/// Puts the paragraph holding `needle` at the top of the reader and writes a note on it.
pub fn note_on(app: &mut App, notes: &Notes, needle: &str, body: &str) -> BlockId {
    let block = BlockId(
        app.docs[0]
            .blocks
            .iter()
            .position(|b| b.text().contains(needle))
            .unwrap(),
    );
    for _ in 0..500 {
        if app.current_block() == block {
            break;
        }
        app.press(Key::char('}'));
    }
    assert_eq!(app.current_block(), block);
    press(app, notes, &[Key::char('a')]);
    press(app, notes, &typed(body));
    press(app, notes, &[Key::named(NamedKey::Esc)]);
    assert_eq!(app.mode(), Mode::Reader);
    block
}

/// A reader on `paths` with the store in `data`, its notes read as at start-up.
pub fn reopen(paths: &[PathBuf], data: &Path) -> (App, Notes) {
    let mut app = app_on(paths);
    let notes = notes_in(&mut app, data);
    (app, notes)
}

/// The store in `data`, the app's notes read from it as at start-up.
pub fn notes_in(app: &mut App, data: &Path) -> Notes {
    let notes = Notes::with(Store::open(data).unwrap());
    notes.load(app);
    notes
}

/// The first block of the first document holding `needle`.
pub fn block_with(app: &App, needle: &str) -> BlockId {
    BlockId(
        app.docs[0]
            .blocks
            .iter()
            .position(|b| b.text().contains(needle))
            .unwrap_or_else(|| panic!("no block holds {needle}")),
    )
}

/// The screen as drawn at 100x30, row by row.
pub fn draw(app: &App) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| brief::ui::draw(app, f)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The briefing note of what the reader has, exported at a fixed time.
pub fn export(app: &App) -> String {
    brief::export::briefing_note(&brief::export::Input {
        docs: &app.docs,
        sources: &brief::effects::sources(&app.docs),
        outline: &app.outline,
        annotations: &app.annotations,
        countries: &app.countries,
        gazetteer: brief::index::gazetteer::Gazetteer::bundled(),
        exported: "2025-11-21 09:00 +08:00",
    })
}
