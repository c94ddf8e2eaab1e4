//! Any key, in any mode, on any document: the input is a document's text, then a byte per
//! step (a chord of one of the shipped keymaps, a resize, a new edition arriving, the file
//! removed). Effects are carried out on a real store and every frame is drawn; nothing may
//! panic, and the state the screen is drawn from stays consistent.
#![no_main]

use std::sync::OnceLock;

use brief::app::{App, Effect};
use brief::doc::{Document, Format, ParseOptions};
use brief::effects::Notes;
use brief::keymap::chord::{Chord, NamedKey};
use brief::keymap::{Key, Keymap};
use brief::store::Store;
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const KEYMAPS: [&str; 3] = ["default", "vim", "emacs"];

/// Every chord of every shipped keymap, then keys typed as text.
fn keys() -> &'static Vec<Vec<Key>> {
    static KEYS: OnceLock<Vec<Vec<Key>>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut out: Vec<Vec<Key>> = Vec::new();
        for name in KEYMAPS {
            let keymap = Keymap::preset(name).expect("a shipped keymap parses");
            for table in keymap.bindings.values() {
                for chord in table.keys() {
                    if !out.contains(&chord.0) {
                        out.push(chord.0.clone());
                    }
                }
            }
        }
        for c in "ayn中 q1/#@'!x".chars() {
            out.push(vec![Key::char(c)]);
        }
        for k in [NamedKey::Enter, NamedKey::Esc, NamedKey::Backspace, NamedKey::Up] {
            out.push(vec![Key::named(k)]);
        }
        out.push(Chord::parse("Ctrl-w").expect("a chord").0);
        out
    })
}

/// One store for the whole run, in a folder of its own.
fn store_dir() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder"))
        .path()
}

fn parse(text: &str, markdown: bool) -> Document {
    let format = if markdown {
        Format::Markdown
    } else {
        Format::Plain
    };
    Document::parse("f.md", None, "UTF-8", text, format, ParseOptions::default())
}

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len());
    let (text, steps) = (String::from_utf8_lossy(&data[..split]), &data[split..]);
    let markdown = text.len() % 2 == 0;
    let keymap = KEYMAPS[steps.len() % KEYMAPS.len()];
    let notes = Notes::with(Store::open(store_dir()).expect("the store opens"));
    let mut app = App::new(
        brief::effects::start(vec![parse(&text, markdown)]),
        Keymap::preset(keymap).expect("a preset"),
        (100, 30),
    );
    notes.load(&mut app);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("a test terminal");
    for &step in steps.iter().skip(1) {
        match step {
            0xF0..=0xF7 => {
                let (w, h) = (u16::from(step - 0xF0) * 17 + 1, u16::from(step - 0xF0) * 6 + 1);
                app.resize(w, h);
                terminal.backend_mut().resize(w, h);
            }
            0xF8 => {
                let half = text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i);
                app.receive(brief::app::Message::Reloaded(0, Box::new(parse(&text[half..], markdown))));
                notes.load(&mut app);
            }
            0xF9 => {
                app.receive(brief::app::Message::Gone(0));
            }
            _ => {
                let keys = &keys()[usize::from(step) % keys().len()];
                for &key in keys {
                    let effects: Vec<Effect> = app
                        .press(key)
                        .into_iter()
                        .filter(|e| !matches!(e, Effect::Export { .. }))
                        .collect();
                    notes.run(&mut app, effects, &mut Vec::new());
                    assert!(app.doc < app.docs.len());
                    assert!(app.top <= app.layout.lines.len().saturating_sub(1));
                }
                if app.editor().is_some() {
                    notes.save_draft(&mut app);
                }
            }
        }
        terminal
            .draw(|f| brief::ui::draw(&app, f))
            .expect("a frame draws");
    }
});
