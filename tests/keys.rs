//! Any key, in any mode, on any document: random key sequences drawn from every chord of
//! every shipped keymap (and keys no keymap binds), pressed on generated documents (the empty
//! one and one of blank lines included), with their effects carried out on a real store and
//! every frame drawn. Nothing panics, and the state the screen is drawn from stays consistent.

use brief::app::{App, Effect};
use brief::doc::{Document, Format, ParseOptions};
use brief::effects::Notes;
use brief::index::gazetteer::Gazetteer;
use brief::index::jump::{JumpIndex, Query};
use brief::keymap::chord::{Chord, NamedKey};
use brief::keymap::{Key, Keymap};
use brief::store::Store;
use brief::vocabulary::Mode;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const KEYMAPS: [&str; 3] = ["default", "vim", "emacs"];

/// Every chord of every shipped keymap, in every section, as written (`Ctrl-x Ctrl-c`).
fn bound_chords() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in KEYMAPS {
        let keymap = Keymap::preset(name).expect("a shipped keymap parses");
        for table in keymap.bindings.values() {
            for chord in table.keys() {
                let written = chord.to_string();
                if !out.contains(&written) {
                    out.push(written);
                }
            }
        }
    }
    out
}

/// Keys no keymap may bind: text typed into the palette, search, prompts and the editor.
fn loose_keys() -> Vec<Key> {
    let mut keys: Vec<Key> = "ayn中 q1/#@'!x"
        .chars()
        .map(Key::char)
        .chain([
            Key::named(NamedKey::Enter),
            Key::named(NamedKey::Esc),
            Key::named(NamedKey::Backspace),
            Key::named(NamedKey::Delete),
            Key::named(NamedKey::Up),
            Key::named(NamedKey::Down),
            Key::named(NamedKey::Left),
            Key::named(NamedKey::Right),
            Key::named(NamedKey::Home),
            Key::named(NamedKey::End),
            Key::named(NamedKey::Tab),
            Key::named(NamedKey::BackTab),
            Key::ctrl('w'),
            Key::ctrl('u'),
            Key::ctrl('h'),
        ])
        .collect();
    keys.dedup();
    keys
}

/// A document's text: empty, blank, or a few headings, paragraphs, lists and markers.
fn document_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("\n\n\n   \n\t\n".to_string()),
        Just("(下转第二版)\n".to_string()),
        Just("---\n".to_string()),
        proptest::string::string_regex(
            "(# |## |一、|[0-9]\\. |- |> |\\(下转第[一二]版\\)|---|\
             [中国吉尔吉斯合作会议。，]{1,12}|[A-Za-z]{1,8}|[ ]|\n|\n\n){0,60}",
        )
        .expect("a valid pattern"),
    ]
}

/// One step: a bound chord, a loose key, a resize, a new edition of the first document
/// arriving, or its file removed.
#[derive(Clone, Debug)]
enum Step {
    Chord(String),
    Loose(Key),
    Resize(u16, u16),
    Reissue(String, bool),
    Gone,
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let step = prop_oneof![
        6 => proptest::sample::select(bound_chords()).prop_map(Step::Chord),
        3 => proptest::sample::select(loose_keys()).prop_map(Step::Loose),
        1 => (1u16..140, 1u16..50).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => (document_text(), any::<bool>()).prop_map(|(t, m)| Step::Reissue(t, m)),
        1 => Just(Step::Gone),
    ];
    proptest::collection::vec(step, 1..120)
}

/// Carries out what the keys asked, as the runtime does (the jump worker answered at once).
fn run(app: &mut App, notes: &Notes, effects: Vec<Effect>) {
    // Exports go nowhere here: the path typed is random.
    let mut effects: Vec<Effect> = effects
        .into_iter()
        .filter(|e| !matches!(e, Effect::Export { .. }))
        .collect();
    while !effects.is_empty() {
        let mut next = Vec::new();
        for effect in notes.run(app, effects, &mut Vec::new()) {
            if let Effect::FindMatches { generation, query } = effect
                && let Some(index) = app.jump_index.clone()
                && let Some(found) = index.search(&Query::parse(&query), None, &|| false)
            {
                next.extend(app.receive(brief::app::Message::Matches(generation, found)));
            }
        }
        effects = next;
    }
}

/// What must hold after every key, whatever was pressed.
fn consistent(app: &App) -> Result<(), TestCaseError> {
    prop_assert!(app.doc < app.docs.len());
    if app.mode() == Mode::Search {
        prop_assert!(app.search.is_some());
    }
    prop_assert!(app.top <= app.layout.lines.len().saturating_sub(1));
    let (tree, pane) = app.shown();
    if !tree.entries.is_empty() {
        prop_assert!(pane.selected < tree.entries.len());
    }
    Ok(())
}

fn parse(text: &str, markdown: bool, name: &str) -> Document {
    let format = if markdown {
        Format::Markdown
    } else {
        Format::Plain
    };
    Document::parse(name, None, "UTF-8", text, format, ParseOptions::default())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_key_panics_on_any_document(
        texts in proptest::collection::vec((document_text(), any::<bool>()), 1..3),
        keymap in 0..KEYMAPS.len(),
        with_index in any::<bool>(),
        script in steps(),
    ) {
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, (text, markdown))| parse(text, *markdown, &format!("d{i}.md")))
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let notes = Notes::with(Store::open(dir.path()).unwrap());
        let mut app = App::new(brief::effects::start(docs), Keymap::preset(KEYMAPS[keymap]).unwrap(), (100, 30));
        if with_index {
            let index = JumpIndex::build(&app.docs, &app.countries, Gazetteer::bundled());
            let effects = app.receive(brief::app::Message::JumpIndexReady(std::sync::Arc::new(index)));
            run(&mut app, &notes, effects);
        }
        notes.load(&mut app);
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        for step in script {
            let keys: Vec<Key> = match step {
                Step::Chord(written) => Chord::parse(&written).unwrap().0,
                Step::Loose(key) => vec![key],
                Step::Resize(w, h) => {
                    app.resize(w, h);
                    terminal.backend_mut().resize(w, h);
                    Vec::new()
                }
                Step::Reissue(text, markdown) => {
                    // As the runtime does when the file changes on disk.
                    app.receive(brief::app::Message::Reloaded(0, Box::new(parse(&text, markdown, "d0.md"))));
                    notes.load(&mut app);
                    Vec::new()
                }
                Step::Gone => {
                    app.receive(brief::app::Message::Gone(0));
                    Vec::new()
                }
            };
            for key in keys {
                let effects = app.press(key);
                run(&mut app, &notes, effects);
                consistent(&app)?;
            }
            if app.editor().is_some() {
                notes.save_draft(&mut app);
            }
            terminal.draw(|f| brief::ui::draw(&app, f)).unwrap();
        }
    }
}
