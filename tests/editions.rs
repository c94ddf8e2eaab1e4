//! Notes across editions and names, driven through the app with keys and carried out on a
//! real store: a rewritten paragraph never takes a note onto another one, an amended one is
//! shown as amended, a renamed or moved file keeps its notes, a plausible new edition is
//! asked about once, a note written while the file is gone is found when it returns, and an
//! empty document survives every key that makes a note.

use std::path::{Path, PathBuf};

use brief::app::annotations::Mark;
use brief::app::{App, Effect, Mode};
use brief::doc::BlockId;
use brief::doc::open::{OpenOptions, open_paths};
use brief::effects::Notes;
use brief::keymap::chord::NamedKey;
use brief::keymap::{Key, Keymap};
use brief::store::Store;
use brief::store::anchor::Placement;

const OLD: &str = include_str!("fixtures/anchoring/en_statement.old.md");

fn app_on(paths: &[PathBuf]) -> App {
    let opened = open_paths(paths, OpenOptions::default());
    App::new(
        opened.documents,
        Keymap::preset("default").unwrap(),
        (100, 30),
    )
}

/// Presses keys, carrying out what they ask of the store as the runtime does.
fn press(app: &mut App, notes: &Notes, keys: &[Key]) {
    for &key in keys {
        for effect in app.press(key) {
            match effect {
                Effect::Quit | Effect::FindMatches { .. } => {}
                other => {
                    notes.apply(&other, app, &mut Vec::new());
                }
            }
        }
    }
}

fn typed(text: &str) -> Vec<Key> {
    text.chars().map(Key::char).collect()
}

/// Puts the paragraph holding `needle` at the top of the reader and writes a note on it.
fn note_on(app: &mut App, notes: &Notes, needle: &str, body: &str) -> BlockId {
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
    assert_eq!(app.mode, Mode::Reader);
    block
}

/// A reader on `paths` with the store in `data`, its notes read as at start-up.
fn reopen(paths: &[PathBuf], data: &Path) -> (App, Notes) {
    let mut app = app_on(paths);
    let notes = Notes::with(Store::open(data).unwrap());
    notes.load(&mut app);
    (app, notes)
}

fn block_with(app: &App, needle: &str) -> BlockId {
    BlockId(
        app.docs[0]
            .blocks
            .iter()
            .position(|b| b.text().contains(needle))
            .unwrap_or_else(|| panic!("no block holds {needle}")),
    )
}

/// The screen as drawn at 100x30, row by row.
fn draw(app: &App) -> String {
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

fn export(app: &App) -> String {
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

/// The paragraph about the Arctic, said in other words by a drafter.
const ARCTIC: &str = "3\\. We reiterate the importance of a free and open Arctic, which is inclusive, prosperous and secure, governed by the rule of law and by the peaceful resolution of disputes. We reaffirm our support for the Arctic Council as the leading forum for cooperation in the region and our partnership with Indigenous peoples.";
const ARCTIC_REWRITTEN: &str = "3\\. The Arctic must stay free, open and peaceful: a region where disputes are settled by law rather than force and where prosperity is shared. The Arctic Council remains, in our view, the primary venue for regional cooperation, and we will keep working closely with Indigenous peoples.";

#[test]
fn a_rewritten_paragraph_keeps_its_note_or_detaches_it_and_never_moves_it_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let (file, data) = (dir.path().join("statement.md"), dir.path().join("data"));
    std::fs::write(&file, OLD).unwrap();
    {
        let (mut app, notes) = reopen(std::slice::from_ref(&file), &data);
        note_on(
            &mut app,
            &notes,
            "free and open Arctic",
            "Ask about ASEAN-style centrality.",
        );
    }

    // Said in other words: the note sits on the new wording, marked changed.
    std::fs::write(&file, OLD.replace(ARCTIC, ARCTIC_REWRITTEN)).unwrap();
    let (app, _) = reopen(std::slice::from_ref(&file), &data);
    let note = &app.annotations.notes[0];
    let rewritten = block_with(&app, "The Arctic must stay free");
    assert_eq!(note.placement, Placement::Changed(rewritten));
    assert_eq!(app.annotations.mark(0, rewritten), Some(Mark::Changed));
    let (tree, _) = app.annotations.note_tree(&app.docs);
    assert!(
        tree.entries
            .iter()
            .any(|e| e.title.starts_with("~ changed: "))
    );
    let written = export(&app);
    let section = written
        .find("## Regional security")
        .expect("under its own section");
    let amended = written
        .find("*Passage amended since this note. It read:*")
        .expect("the amendment is shown: said in other words, the old wording whole");
    assert!(section < amended, "{written}");
    assert!(
        written[amended..].contains("> 3\\. We reiterate the importance of a free and open Arctic"),
        "{written}"
    );
    assert!(!written.contains("Detached"), "{written}");

    // The Notes view shows both wordings under the reader, and so does the note's editor.
    let mut app = app;
    app.color = false;
    let notes = Notes::with(Store::open(&data).unwrap());
    press(&mut app, &notes, &[Key::named(NamedKey::Tab)]);
    while app.view != brief::app::outline_pane::OutlineView::Notes {
        press(&mut app, &notes, &[Key::named(NamedKey::Tab)]);
    }
    press(&mut app, &notes, &[Key::named(NamedKey::Down)]);
    let screen = draw(&app);
    assert!(screen.contains("Amended since marked"), "{screen}");
    assert!(screen.contains("[-") && screen.contains("{+"), "{screen}");
    press(&mut app, &notes, &[Key::char('e')]);
    assert_eq!(app.mode, Mode::Editor);
    let screen = draw(&app);
    assert!(screen.contains("Amended since this note"), "{screen}");
    assert!(screen.contains("{+"), "{screen}");

    // Deleted: detached, kept, and exported under Detached, never quoted under Energy.
    std::fs::write(&file, OLD.replace(ARCTIC, "")).unwrap();
    let (app, _) = reopen(std::slice::from_ref(&file), &data);
    assert_eq!(app.annotations.notes[0].placement, Placement::Detached);
    let written = export(&app);
    let detached = written
        .find("## Detached notes")
        .expect("listed as detached");
    assert!(
        written[detached..].contains("free and open Arctic"),
        "{written}"
    );
    assert!(!written.contains("## Economy and energy"), "{written}");
}

#[test]
fn a_renamed_or_moved_file_keeps_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    let (file, data) = (dir.path().join("g7.md"), dir.path().join("data"));
    std::fs::write(&file, OLD).unwrap();
    {
        let (mut app, notes) = reopen(std::slice::from_ref(&file), &data);
        note_on(
            &mut app,
            &notes,
            "Black Sea grain talks",
            "Shipping corridor.",
        );
    }
    let renamed = dir.path().join("archive/g7-2023-05-21.md");
    std::fs::create_dir_all(renamed.parent().unwrap()).unwrap();
    std::fs::rename(&file, &renamed).unwrap();
    let (app, _) = reopen(std::slice::from_ref(&renamed), &data);
    assert_eq!(
        app.annotations.notes.len(),
        1,
        "the notes followed the file"
    );
    assert_eq!(
        app.annotations.notes[0].placement,
        Placement::Same(block_with(&app, "Black Sea grain talks"))
    );
    // And still when it is opened there again.
    let (app, _) = reopen(std::slice::from_ref(&renamed), &data);
    assert_eq!(app.annotations.notes.len(), 1);
    // Two files at once are two documents: the notes are shown on one of them, not both.
    std::fs::write(&file, OLD).unwrap();
    let (app, _) = reopen(&[renamed.clone(), file.clone()], &data);
    assert_eq!(app.annotations.notes.len(), 1);
    assert_ne!(app.doc_keys[0], app.doc_keys[1]);
}

#[test]
fn a_new_edition_under_a_new_name_takes_the_notes_when_certain_and_is_asked_about_when_not() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let old = dir.path().join("statement-v1.md");
    std::fs::write(&old, OLD).unwrap();
    {
        let (mut app, notes) = reopen(std::slice::from_ref(&old), &data);
        note_on(
            &mut app,
            &notes,
            "Baltic Sea cable talks",
            "Cable protection.",
        );
    }
    // The same title and most paragraphs unchanged: the same document, certainly.
    let new_text = include_str!("fixtures/anchoring/en_statement.new.md");
    let new = dir.path().join("statement-v2.md");
    std::fs::write(&new, new_text).unwrap();
    let (app, mut notes) = reopen(std::slice::from_ref(&new), &data);
    assert_eq!(app.mode, Mode::Reader);
    assert_eq!(app.annotations.notes.len(), 1);
    let said = app.message.clone().unwrap().text;
    assert!(said.contains("statement-v1.md"), "{said}");
    // Quitting, brief remembers where the document was read last.
    notes.save_session(&app);

    // Retitled, and fewer paragraphs in common: perhaps the same, so the user is asked.
    let retitled: String = new_text
        .replace(
            "# Joint Statement of the Foreign Ministers of the Northern Dialogue",
            "# Chair's Summary of the Northern Dialogue",
        )
        .replace("hospitality", "generous hospitality")
        .replace("undersea infrastructure", "undersea cables and pipelines");
    let third = dir.path().join("summary.md");
    std::fs::write(&third, &retitled).unwrap();
    let (mut app, notes) = reopen(std::slice::from_ref(&third), &data);
    assert_eq!(app.mode, Mode::Prompt, "asked: {:?}", app.message);
    // Named by the file the document was last read from.
    let label = &app.prompt.as_ref().unwrap().label;
    assert!(
        label.contains("statement-v2.md") && label.contains("y/n"),
        "{label}"
    );
    // Esc puts it off: asked again next time, even after a note is written on the file.
    press(&mut app, &notes, &[Key::named(NamedKey::Esc)]);
    assert_eq!(app.mode, Mode::Reader);
    note_on(&mut app, &notes, "offshore wind", "On the summary itself.");
    let (mut app, notes) = reopen(std::slice::from_ref(&third), &data);
    assert_eq!(app.mode, Mode::Prompt, "asked again: {:?}", app.message);
    // Enter is no answer; n keeps the file apart, and is remembered.
    press(&mut app, &notes, &[Key::named(NamedKey::Enter)]);
    assert_eq!(app.mode, Mode::Prompt);
    press(&mut app, &notes, &[Key::char('n')]);
    assert_eq!(app.mode, Mode::Reader);
    assert_eq!(app.annotations.notes.len(), 1, "its own note only");
    let (app, _) = reopen(std::slice::from_ref(&third), &data);
    assert_eq!(app.mode, Mode::Reader, "not asked again");
    assert_eq!(app.annotations.notes.len(), 1);

    // A copy of the summary under another name is, for certain, the summary: its note
    // follows, and nothing is asked.
    let fourth = dir.path().join("summary-copy.md");
    std::fs::write(&fourth, &retitled).unwrap();
    let (app, _) = reopen(std::slice::from_ref(&fourth), &data);
    assert_eq!(app.mode, Mode::Reader);
    assert_eq!(app.annotations.notes.len(), 1);
    assert_eq!(app.annotations.notes[0].item.body, "On the summary itself.");
}

#[cfg(unix)]
#[test]
fn a_note_written_while_the_file_is_gone_is_found_when_it_returns() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // Opened through a link to its folder: its key is its real path, worked out once.
    std::fs::create_dir_all(dir.path().join("real")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("real"), dir.path().join("link")).unwrap();
    std::fs::write(dir.path().join("real/brief.md"), OLD).unwrap();
    let file = dir.path().join("link/brief.md");
    {
        let (mut app, notes) = reopen(std::slice::from_ref(&file), &data);
        std::fs::remove_file(&file).unwrap();
        app.mark_gone(0);
        note_on(&mut app, &notes, "offshore wind", "Check the grid figures.");
        assert_eq!(app.annotations.notes.len(), 1);
    }
    std::fs::write(&file, OLD).unwrap();
    let (app, _) = reopen(std::slice::from_ref(&file), &data);
    assert_eq!(
        app.annotations.notes.len(),
        1,
        "stored under the key it was opened with"
    );
    assert_eq!(
        app.annotations.notes[0].item.body,
        "Check the grid figures."
    );
}

#[test]
fn an_empty_or_blank_document_survives_every_key_that_makes_a_note() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("empty.md", ""), ("blank.md", "\n\n   \n\n")] {
        let file = dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        let (mut app, notes) = reopen(std::slice::from_ref(&file), &dir.path().join("data"));
        for key in ['a', 'm', 'M', 'y'] {
            press(&mut app, &notes, &[Key::char(key)]);
            assert_eq!(app.mode, Mode::Reader, "{name}: {key}");
            let said = app
                .message
                .clone()
                .unwrap_or_else(|| panic!("{name}: nothing said"));
            assert!(
                said.text.contains("no text"),
                "{name}: {key}: {}",
                said.text
            );
        }
        // The export of nothing is asked for, and may be let go.
        press(
            &mut app,
            &notes,
            &[Key::char('E'), Key::named(NamedKey::Esc)],
        );
        assert_eq!(app.mode, Mode::Reader);
        assert!(app.annotations.notes.is_empty() && app.annotations.bookmarks.is_empty());
    }
}

#[test]
fn export_asks_before_writing_over_a_file_and_lists_only_annotated_sources() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let folder = dir.path().join("briefings");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("a.md"), OLD).unwrap();
    std::fs::write(folder.join("b.md"), "# Other\n\nNothing marked here.\n").unwrap();
    let (mut app, notes) = reopen(std::slice::from_ref(&folder), &data);
    note_on(
        &mut app,
        &notes,
        "offshore wind",
        "First line\nsecond line\n\nA paragraph.",
    );
    let target = dir.path().join("note.md");
    std::fs::write(&target, "kept").unwrap();
    let path = target.to_str().unwrap();

    let mut keys = vec![Key::char('E'), Key::ctrl('u')];
    keys.extend(typed(path));
    keys.push(Key::named(NamedKey::Enter));
    press(&mut app, &notes, &keys);
    assert_eq!(app.mode, Mode::Prompt, "{:?}", app.message);
    assert!(
        app.prompt
            .as_ref()
            .unwrap()
            .label
            .contains("Write over it?")
    );
    press(&mut app, &notes, &[Key::char('n')]);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "kept");

    press(&mut app, &notes, &keys);
    press(&mut app, &notes, &[Key::char('y')]);
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.contains("a.md"), "{written}");
    assert!(
        !written.contains("b.md"),
        "only the document with notes: {written}"
    );
    // The note's lines are kept: a hard break between the first two, a new paragraph after.
    let events: Vec<pulldown_cmark::Event> = pulldown_cmark::Parser::new(&written).collect();
    let at = events
        .iter()
        .position(|e| matches!(e, pulldown_cmark::Event::Text(t) if t.as_ref() == "First line"))
        .unwrap();
    assert_eq!(events[at + 1], pulldown_cmark::Event::HardBreak);
    assert!(written.contains("second line\n\nA paragraph."), "{written}");
}

#[test]
fn a_leftover_draft_and_a_question_about_an_edition_are_both_asked_in_turn() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (drafted, old) = (dir.path().join("drafted.md"), dir.path().join("old.md"));
    std::fs::write(
        &drafted,
        "# Drafted\n\nA paragraph with a note half written.\n",
    )
    .unwrap();
    std::fs::write(&old, OLD).unwrap();
    {
        let (mut app, notes) = reopen(std::slice::from_ref(&old), &data);
        note_on(&mut app, &notes, "Baltic Sea cable talks", "Cables.");
        let (mut app, notes) = reopen(std::slice::from_ref(&drafted), &data);
        press(&mut app, &notes, &[Key::char('}'), Key::char('a')]);
        press(&mut app, &notes, &typed("half a thought"));
        notes.save_draft(&mut app);
    }
    let retitled = OLD
        .replace("# Joint Statement", "# Chair's Summary")
        .replace("hospitality", "kind hospitality")
        .replace("undersea infrastructure", "undersea cables");
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, retitled).unwrap();

    // As at start-up: the notes read (a question queued), then the draft offered.
    let (mut app, notes) = reopen(&[drafted.clone(), summary.clone()], &data);
    let draft = notes.leftover_draft(&app).expect("the draft is kept");
    app.offer_draft(draft);
    assert!(app.prompt.as_ref().unwrap().label.contains("unsaved note"));
    press(&mut app, &notes, &[Key::named(NamedKey::Esc)]);
    assert_eq!(app.mode, Mode::Prompt, "then the question");
    assert!(app.prompt.as_ref().unwrap().label.contains("old.md"));
    press(&mut app, &notes, &[Key::char('y')]);
    assert_eq!(app.annotations.notes.len(), 1);
}

#[test]
fn an_amendment_in_the_export_renders_exactly_as_marked() {
    let dir = tempfile::tempdir().unwrap();
    let (file, data) = (dir.path().join("statement.md"), dir.path().join("data"));
    std::fs::write(&file, OLD).unwrap();
    {
        let (mut app, notes) = reopen(std::slice::from_ref(&file), &data);
        note_on(&mut app, &notes, "offshore wind", "Grid.");
    }
    // Punctuation changed beside words: where Markdown's own strikethrough fails.
    let amended = OLD.replace(
        "including offshore wind, hydrogen and grid interconnections, while",
        "including offshore wind and hydrogen (and grid interconnections) while",
    );
    std::fs::write(&file, amended).unwrap();
    let (app, _) = reopen(std::slice::from_ref(&file), &data);
    let written = export(&app);
    let mut rendered = Vec::new();
    let mut current = String::new();
    for event in pulldown_cmark::Parser::new_ext(&written, pulldown_cmark::Options::all()) {
        match event {
            pulldown_cmark::Event::Text(t) => current.push_str(&t),
            pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Paragraph) => {
                rendered.push(std::mem::take(&mut current))
            }
            _ => {}
        }
    }
    let line = rendered
        .iter()
        .find(|p| p.starts_with("Passage amended since this note"))
        .unwrap_or_else(|| panic!("{written}"));
    // Read back, it is the difference exactly as marked.
    let note = &app.annotations.notes[0];
    let now = note
        .item
        .anchor
        .wording_in(&app.docs[0], note.block().unwrap());
    let marked = brief::compare::wording::marked(&brief::compare::wording::diff(
        &brief::store::anchor::one_line(&note.item.anchor.quote),
        &now,
    ));
    assert!(line.ends_with(&marked), "{line}\n{marked}");
    assert!(marked.contains("[-,-]{+)+}"), "{marked}");
    assert!(!line.contains('~') && !line.contains('*'), "{line}");
}

#[test]
fn a_file_sharing_only_a_title_with_a_document_is_not_asked_about() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let old = dir.path().join("statement.md");
    std::fs::write(&old, OLD).unwrap();
    {
        let (mut app, notes) = reopen(std::slice::from_ref(&old), &data);
        note_on(&mut app, &notes, "offshore wind", "Grid.");
    }
    let other: String = OLD
        .lines()
        .map(|l| {
            if l.starts_with("# ") {
                l.to_string()
            } else if l.is_empty() {
                String::new()
            } else {
                format!("Another matter entirely, item {}.", l.len())
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let same_title = dir.path().join("same-title.md");
    std::fs::write(&same_title, other).unwrap();
    let (app, _) = reopen(std::slice::from_ref(&same_title), &data);
    assert_eq!(app.mode, Mode::Reader, "{:?}", app.prompt);
    assert!(app.annotations.notes.is_empty());
}
