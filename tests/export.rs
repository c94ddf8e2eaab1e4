//! The briefing note as the reader writes it: asked before writing over a file, its sources
//! the documents with notes, a note's lines kept, an amendment marked so that it renders as
//! written.

mod common;

use brief::keymap::Key;
use brief::keymap::chord::NamedKey;
use brief::vocabulary::Mode;
use common::{OLD, export, note_on, press, reopen, typed};

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
    assert_eq!(app.mode(), Mode::Prompt, "{:?}", app.message);
    assert!(app.prompt().unwrap().label.contains("Write over it?"));
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
fn a_note_on_some_sentences_lists_the_countries_of_those_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brief.md");
    std::fs::write(
        &file,
        "# Talks\n\nRussia raised its concerns at length in the morning session. In the afternoon, Japan and Kenya signed the fisheries agreement.\n",
    )
    .unwrap();
    let (mut app, notes) = reopen(std::slice::from_ref(&file), &dir.path().join("data"));
    // Put the paragraph at the top (nothing is saved: the note is empty).
    note_on(&mut app, &notes, "fisheries", "");
    press(
        &mut app,
        &notes,
        &[Key::char('a'), Key::named(NamedKey::Down)],
    );
    press(&mut app, &notes, &typed("Fisheries."));
    press(&mut app, &notes, &[Key::named(NamedKey::Esc)]);
    let written = export(&app);
    let countries = written
        .lines()
        .find(|l| l.starts_with("Countries:"))
        .expect("countries listed");
    assert!(
        countries.contains("Japan") && countries.contains("Kenya"),
        "{written}"
    );
    assert!(!countries.contains("Russia"), "{written}");
}
