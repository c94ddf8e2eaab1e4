//! Notes across editions and names, driven through the app with keys and carried out on a
//! real store: a rewritten paragraph never takes a note onto another one, an amended one is
//! shown as amended, a renamed or moved file keeps its notes, a plausible new edition is
//! asked about once, a note written while the file is gone is found when it returns, and an
//! empty document survives every key that makes a note.

mod common;

use brief::app::annotations::Mark;
use brief::effects::Notes;
use brief::keymap::Key;
use brief::keymap::chord::NamedKey;
use brief::store::Store;
use brief::store::anchor::Placement;
use brief::vocabulary::Mode;
use common::{OLD, block_with, draw, export, note_on, press, reopen, typed};

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
    assert!(screen.contains("Amended: [-then-] {+now+}"), "{screen}");
    assert!(screen.contains("[-") && screen.contains("{+"), "{screen}");
    press(&mut app, &notes, &[Key::char('e')]);
    assert_eq!(app.mode(), Mode::Editor);
    let screen = draw(&app);
    assert!(
        screen.contains("Amended: [-then-] {+now+} · Esc saves"),
        "{screen}"
    );
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
    assert!(
        written[detached..].contains("*Was under Regional security:*"),
        "{written}"
    );

    // A detached note can still be edited, with the passage it quotes, and stays detached.
    let mut app = app;
    let notes = Notes::with(Store::open(&data).unwrap());
    while app.view != brief::app::outline_pane::OutlineView::Notes {
        press(&mut app, &notes, &[Key::named(NamedKey::Tab)]);
    }
    press(&mut app, &notes, &[Key::named(NamedKey::Down)]);
    press(&mut app, &notes, &[Key::char('e')]);
    assert_eq!(app.mode(), Mode::Editor, "{:?}", app.message);
    let screen = draw(&app);
    assert!(screen.contains("its paragraph is gone"), "{screen}");
    assert!(screen.contains("free and open Arctic"), "{screen}");
    press(&mut app, &notes, &typed(" Raise it anyway."));
    press(&mut app, &notes, &[Key::named(NamedKey::Esc)]);
    assert_eq!(app.mode(), Mode::Reader);
    let (app, _) = reopen(std::slice::from_ref(&file), &data);
    let note = &app.annotations.notes[0];
    assert_eq!(note.placement, Placement::Detached);
    assert_eq!(
        note.item.body,
        "Ask about ASEAN-style centrality. Raise it anyway."
    );
    assert!(note.item.anchor.quote.contains("free and open Arctic"));
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
fn a_new_edition_opened_beside_the_old_one_does_not_take_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let old = dir.path().join("g7.md");
    std::fs::write(&old, OLD).unwrap();
    {
        let (mut app, notes) = reopen(std::slice::from_ref(&old), &data);
        note_on(&mut app, &notes, "offshore wind", "Grid.");
    }
    let new = dir.path().join("g7-v2.md");
    std::fs::write(&new, OLD.replace("hospitality", "kind hospitality")).unwrap();
    // `brief g7-v2.md g7.md`: the first file is shown while the second is still being read.
    let mut app = common::app_on(std::slice::from_ref(&new));
    app.coming = vec![brief::store::path_key(&old)];
    let notes = Notes::with(Store::open(&data).unwrap());
    notes.load(&mut app);
    assert!(app.annotations.notes.is_empty(), "{:?}", app.message);
    assert_eq!(app.mode(), Mode::Reader);
    // Both read at once: each keeps its own.
    let (app, _) = reopen(&[new.clone(), old.clone()], &data);
    assert_eq!(app.annotations.notes.len(), 1);
    assert_eq!(app.annotations.notes[0].doc, 1);
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
    assert_eq!(app.mode(), Mode::Reader);
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
    assert_eq!(app.mode(), Mode::Prompt, "asked: {:?}", app.message);
    // Named by the file the document was last read from.
    let label = &app.prompt().unwrap().label;
    assert!(
        label.contains("statement-v2.md") && label.contains("y/n"),
        "{label}"
    );
    // Esc puts it off: asked again next time, even after a note is written on the file.
    press(&mut app, &notes, &[Key::named(NamedKey::Esc)]);
    assert_eq!(app.mode(), Mode::Reader);
    note_on(&mut app, &notes, "offshore wind", "On the summary itself.");
    // `brief notes` says so too, and lists the file's own note meanwhile.
    let listed = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("notes")
        .arg("--data-dir")
        .arg(&data)
        .arg(&third)
        .output()
        .unwrap();
    let hint = String::from_utf8_lossy(&listed.stderr);
    assert!(
        hint.contains("summary.md may be a new edition of statement-v2.md"),
        "{hint}"
    );
    assert!(String::from_utf8_lossy(&listed.stdout).contains("On the summary itself."));
    let (mut app, notes) = reopen(std::slice::from_ref(&third), &data);
    assert_eq!(app.mode(), Mode::Prompt, "asked again: {:?}", app.message);
    // Enter is no answer; n keeps the file apart, and is remembered.
    press(&mut app, &notes, &[Key::named(NamedKey::Enter)]);
    assert_eq!(app.mode(), Mode::Prompt);
    press(&mut app, &notes, &[Key::char('n')]);
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(app.annotations.notes.len(), 1, "its own note only");
    let (app, _) = reopen(std::slice::from_ref(&third), &data);
    assert_eq!(app.mode(), Mode::Reader, "not asked again");
    assert_eq!(app.annotations.notes.len(), 1);

    // A copy of the summary under another name is, for certain, the summary: its note
    // follows, and nothing is asked.
    let fourth = dir.path().join("summary-copy.md");
    std::fs::write(&fourth, &retitled).unwrap();
    let (app, _) = reopen(std::slice::from_ref(&fourth), &data);
    assert_eq!(app.mode(), Mode::Reader);
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
        app.receive(brief::app::Message::Gone(0));
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
            assert_eq!(app.mode(), Mode::Reader, "{name}: {key}");
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
        assert_eq!(app.mode(), Mode::Reader);
        assert!(app.annotations.notes.is_empty() && app.annotations.bookmarks.is_empty());
    }
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
    app.receive(brief::app::Message::LeftoverDraft(Box::new(draft)));
    assert!(app.prompt().unwrap().label.contains("unsaved note"));
    press(&mut app, &notes, &[Key::named(NamedKey::Esc)]);
    assert_eq!(app.mode(), Mode::Prompt, "then the question");
    assert!(app.prompt().unwrap().label.contains("old.md"));
    press(&mut app, &notes, &[Key::char('y')]);
    assert_eq!(app.annotations.notes.len(), 1);
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
    assert_eq!(app.mode(), Mode::Reader, "{:?}", app.prompt());
    assert!(app.annotations.notes.is_empty());
}
