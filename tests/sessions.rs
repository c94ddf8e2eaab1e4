//! Two readers on one briefing (two SSH sessions, one database): an edit made in one is
//! never lost to an edit made in the other, and a note opened and closed as it was is not
//! edited.

mod common;

use brief::keymap::Key;
use brief::keymap::chord::NamedKey;
use brief::vocabulary::Mode;
use common::{OLD, note_on, press, reopen, typed};

#[test]
fn the_same_note_edited_in_two_readers_keeps_both_edits() {
    let dir = tempfile::tempdir().unwrap();
    let (file, data) = (dir.path().join("statement.md"), dir.path().join("data"));
    std::fs::write(&file, OLD).unwrap();
    let (mut first, first_notes) = reopen(std::slice::from_ref(&file), &data);
    note_on(&mut first, &first_notes, "offshore wind", "Grid.");
    let (mut second, second_notes) = reopen(std::slice::from_ref(&file), &data);
    // Both open the note, the first saves, then the second.
    note_on(&mut second, &second_notes, "offshore wind", "");
    for (app, notes) in [(&mut first, &first_notes), (&mut second, &second_notes)] {
        press(app, notes, &[Key::char('a')]);
        assert_eq!(app.mode(), Mode::Editor);
    }
    press(&mut first, &first_notes, &typed(" First edit."));
    press(&mut first, &first_notes, &[Key::named(NamedKey::Esc)]);
    press(&mut second, &second_notes, &typed(" Second edit."));
    press(&mut second, &second_notes, &[Key::named(NamedKey::Esc)]);
    let said = second.message.clone().unwrap().text;
    assert!(said.contains("changed in another brief"), "{said}");
    let (app, _) = reopen(std::slice::from_ref(&file), &data);
    let mut bodies: Vec<&str> = app
        .annotations
        .notes
        .iter()
        .map(|n| n.item.body.as_str())
        .collect();
    bodies.sort_unstable();
    assert_eq!(bodies, vec!["Grid. First edit.", "Grid. Second edit."]);
}

#[test]
fn a_note_opened_and_closed_as_it_was_is_not_edited() {
    let dir = tempfile::tempdir().unwrap();
    let (file, data) = (dir.path().join("statement.md"), dir.path().join("data"));
    std::fs::write(&file, OLD).unwrap();
    let (mut app, notes) = reopen(std::slice::from_ref(&file), &data);
    note_on(&mut app, &notes, "offshore wind", "Grid.");
    let (mut app, notes) = reopen(std::slice::from_ref(&file), &data);
    let edited = app.annotations.notes[0].item.updated.clone();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    note_on(&mut app, &notes, "offshore wind", "");
    assert_eq!(app.message.clone().unwrap().text, "Note unchanged");
    let (app, _) = reopen(std::slice::from_ref(&file), &data);
    assert_eq!(app.annotations.notes[0].item.updated, edited);
}
