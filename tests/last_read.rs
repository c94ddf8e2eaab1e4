//! A briefing read before that comes back changed: the reader says so, `D` shows the redline
//! against the edition last read, and `--forget` forgets it.

mod common;

use std::path::PathBuf;

use brief::app::{App, Message};
use brief::doc::open::{OpenOptions, open_paths};
use brief::effects::{Notes, SinceRead};
use common::{app_on, brief_in, notes_in, press, reopen, typed};

const OLD: &str = "# 联合声明\n\n## 一、政治互信\n\n双方同意加快中吉乌铁路建设，扩大双边贸易规模。\n\n双方将加强能源合作，保障原油管道安全稳定运营。\n\n## 二、务实合作\n\n双方同意加强农业合作，扩大优质农产品贸易。\n";

fn said(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// Reads a file in the reader and closes it, as a user does.
fn read_and_close(path: &std::path::Path, data: &std::path::Path) {
    let mut app = app_on(&[path.to_path_buf()]);
    let (mut notes, problem) = Notes::open(Some(data));
    assert!(problem.is_none(), "{problem:?}");
    notes.load(&mut app);
    notes.save_session(&app);
}

/// A briefing `name` of `text` in a fresh folder, read once and closed: the folder (removed
/// when dropped), the data directory and the file.
fn read_before(name: &str, text: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    read_and_close(&path, &data);
    (dir, data, path)
}

#[test]
fn a_briefing_read_before_says_what_changed_and_d_shows_it() {
    let (_dir, data, path) = read_before("statement.md", OLD);

    // Reopened unchanged: nothing said.
    let (app, _) = reopen(std::slice::from_ref(&path), &data);
    assert!(!said(&app).contains("changed since"), "{}", said(&app));

    // Reissued: one sentence amended, one paragraph new.
    let new = OLD.replace("加快", "推进").replace(
        "## 二、务实合作\n\n",
        "## 二、务实合作\n\n双方同意加强教育合作，扩大互派留学生规模。\n\n",
    );
    std::fs::write(&path, &new).unwrap();
    let (mut app, notes) = reopen(std::slice::from_ref(&path), &data);
    assert!(
        said(&app).contains("changed since you last read it (1 amended, 1 new)"),
        "{}",
        said(&app)
    );
    assert!(
        !common::draw(&app).contains("changed: D"),
        "said once while the message says it"
    );
    common::note_on(&mut app, &notes, "加强能源合作", "Ask about the pipeline");
    press(&mut app, &notes, &typed("g"));
    assert!(
        common::draw(&app).contains("changed: D"),
        "the status line keeps saying so after the message is gone"
    );
    press(&mut app, &notes, &typed("D"));
    assert_eq!(app.doc, 1, "the redline opens beside the document");
    assert!(
        app.docs[1]
            .blocks
            .iter()
            .any(|b| b.text() == "✎ your note: Ask about the pipeline"),
        "the redline shows where the notes are"
    );
    let redline: String = app.docs[1]
        .blocks
        .iter()
        .map(|b| b.text().to_string())
        .collect();
    assert!(
        redline.contains("加快") && redline.contains("推进"),
        "{redline}"
    );
    press(&mut app, &notes, &typed("."));
    assert!(said(&app).starts_with("Change 1 of 2"), "{}", said(&app));
    press(&mut app, &notes, &typed("D"));
    assert_eq!(app.doc, 0, "D again goes back to the document");
    assert!(
        !common::draw(&app).contains("changed: D"),
        "what changed was seen"
    );

    // Once read, the new edition is the one last read.
    notes.keep_as_read(&app);
    let mut again = app_on(std::slice::from_ref(&path));
    notes.load(&mut again);
    assert!(!said(&again).contains("changed since"), "{}", said(&again));
}

#[test]
fn a_new_edition_reloaded_in_place_says_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("statement.md");
    std::fs::write(&path, OLD).unwrap();
    let mut app = app_on(std::slice::from_ref(&path));
    std::fs::write(&path, OLD.replace("加强能源合作", "深化能源合作")).unwrap();
    let new = open_paths(std::slice::from_ref(&path), OpenOptions::default())
        .documents
        .remove(0);
    app.receive(Message::Reloaded(0, Box::new(new)));
    assert!(
        said(&app).contains("changed since you last read it (1 amended)"),
        "{}",
        said(&app)
    );
    // Formatting alone is not a change worth saying.
    std::fs::write(&path, OLD).unwrap();
    let mut app = app_on(std::slice::from_ref(&path));
    std::fs::write(&path, OLD.replace('，', ",")).unwrap();
    let new = open_paths(std::slice::from_ref(&path), OpenOptions::default())
        .documents
        .remove(0);
    app.receive(Message::Reloaded(0, Box::new(new)));
    assert!(!said(&app).contains("changed since"), "{}", said(&app));
}

#[test]
fn forget_removes_the_edition_last_read() {
    let (dir, data, path) = read_before("statement.md", OLD);
    let out = brief_in(dir.path(), &["--forget", path.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("forgot the edition of"));
    std::fs::write(&path, OLD.replace("加快", "推进")).unwrap();
    let (app, _) = reopen(std::slice::from_ref(&path), &data);
    assert!(!said(&app).contains("changed since"), "{}", said(&app));
}

/// About `bytes` of briefing that compresses little, as a long real one does: paragraphs of
/// made-up words.
fn long_briefing(bytes: usize) -> String {
    let mut text = String::from("# Long briefing\n\n");
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    while text.len() < bytes {
        for _ in 0..30 {
            let letters = 3 + next() % 7;
            for _ in 0..letters {
                text.push(char::from(b'a' + (next() % 26) as u8));
            }
            text.push(' ');
        }
        text.push_str("end.\n\n");
    }
    text
}

#[test]
fn a_long_briefing_is_compared_with_its_last_reading_off_the_event_loop() {
    let old = long_briefing(1_200_000);
    let (_dir, data, path) = read_before("long.md", &old);

    let new = old.replacen("end.", "end, amended.", 1);
    std::fs::write(&path, &new).unwrap();
    let (mut app, notes) = reopen(std::slice::from_ref(&path), &data);
    assert!(
        !said(&app).contains("changed since"),
        "reading 1 MB back is left for later: {}",
        said(&app)
    );
    let checks = notes.checks_for_later();
    assert_eq!(checks.len(), 1);
    assert!(
        notes.checks_for_later().is_empty(),
        "each is handed out once"
    );
    let SinceRead::Changed(Some(told)) = checks[0].run(&app.docs) else {
        panic!("the amendment is not found");
    };
    app.receive(told);
    assert!(
        said(&app).contains("changed since you last read it (1 amended)"),
        "{}",
        said(&app)
    );
}

/// The reader on `path` showing only its first two paragraphs, the rest still being read
/// (as a long PDF's first pages), and the whole it will become.
fn first_pages_of(path: &std::path::Path) -> (App, brief::doc::Document) {
    let mut app = app_on(&[path.to_path_buf()]);
    let whole = app.docs[0].clone();
    let mut pages = whole.clone();
    pages.blocks = std::sync::Arc::new(whole.blocks[..2].to_vec());
    pages.unread_pages = 5;
    std::sync::Arc::make_mut(&mut app.docs)[0] = pages;
    (app, whole)
}

#[test]
fn a_briefing_identified_while_partly_read_is_compared_once_whole() {
    let (_dir, data, path) = read_before("statement.md", OLD);

    // Reopened unchanged: the pages read are not the edition.
    let (mut app, whole) = first_pages_of(&path);
    let notes = notes_in(&mut app, &data);
    assert!(!said(&app).contains("changed since"), "{}", said(&app));
    std::sync::Arc::make_mut(&mut app.docs)[0] = whole;
    notes.load(&mut app);
    assert!(!said(&app).contains("changed since"), "{}", said(&app));

    // Reissued: said once it is whole, not before.
    std::fs::write(&path, OLD.replace("加快", "推进")).unwrap();
    let (mut app, whole) = first_pages_of(&path);
    let notes = notes_in(&mut app, &data);
    assert!(!said(&app).contains("changed since"), "{}", said(&app));
    std::sync::Arc::make_mut(&mut app.docs)[0] = whole;
    notes.load(&mut app);
    assert!(
        said(&app).contains("changed since you last read it (1 amended)"),
        "{}",
        said(&app)
    );
}

/// The modification time of the one edition kept in `data`, and its path.
fn edition_in(data: &std::path::Path) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data.join("editions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.pop().unwrap()
}

#[test]
fn a_briefing_reopened_word_for_word_is_not_written_again() {
    let (_dir, data, path) = read_before("statement.md", OLD);
    let edition = edition_in(&data);
    let long_ago = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
    let set_long_ago = || {
        std::fs::File::options()
            .write(true)
            .open(&edition)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
    };
    let modified = || std::fs::metadata(&edition).unwrap().modified().unwrap();
    set_long_ago();

    let (app, mut notes) = reopen(std::slice::from_ref(&path), &data);
    notes.save_session(&app);
    assert_eq!(modified(), long_ago, "the same words are not written again");

    // Restyled only: the edition kept is brought up to date.
    std::fs::write(
        &path,
        OLD.replace("加快中吉乌铁路建设", "**加快中吉乌铁路建设**"),
    )
    .unwrap();
    let (app, mut notes) = reopen(std::slice::from_ref(&path), &data);
    notes.save_session(&app);
    assert_ne!(modified(), long_ago, "a new edition is kept");
    set_long_ago();
    let (app, mut notes) = reopen(std::slice::from_ref(&path), &data);
    notes.save_session(&app);
    assert_eq!(modified(), long_ago, "its styles read back alike");

    // Long: found the same off the event loop, and told so.
    let (_dir, data, path) = read_before("long.md", &long_briefing(1_200_000));
    let edition = edition_in(&data);
    let file = std::fs::File::options().write(true).open(&edition).unwrap();
    file.set_modified(long_ago).unwrap();
    let (app, mut notes) = reopen(std::slice::from_ref(&path), &data);
    let checks = notes.checks_for_later();
    assert!(matches!(checks[0].run(&app.docs), SinceRead::Same));
    notes.same_as_kept(checks[0].key.clone(), &app.docs[0]);
    notes.save_session(&app);
    let modified = std::fs::metadata(&edition).unwrap().modified().unwrap();
    assert_eq!(modified, long_ago);
}

#[test]
fn the_redline_opens_at_the_first_change_and_d_goes_back_where_the_reader_was() {
    // Sections of two paragraphs: folds of what is unchanged still leave every heading.
    let paragraph = |i: usize| {
        let heading = if i % 2 == 0 {
            format!("## Part {}\n\n", i / 2)
        } else {
            String::new()
        };
        format!("{heading}Paragraph {i} of the statement, as agreed.\n\n")
    };
    let old: String = std::iter::once("# Statement\n\n".to_string())
        .chain((0..300).map(paragraph))
        .collect();
    let (_dir, data, path) = read_before("statement.md", &old);
    let new = old.replace("Paragraph 250 of", "Paragraph 250, amended, of");
    std::fs::write(&path, &new).unwrap();
    let (mut app, notes) = reopen(std::slice::from_ref(&path), &data);
    assert!(said(&app).contains("changed since"), "{}", said(&app));
    // Reading well into the statement.
    press(&mut app, &notes, &typed(&"j".repeat(240)));
    let reading = app.current_block();
    assert!(reading.0 > 50, "{reading:?}");

    press(&mut app, &notes, &typed("D"));
    assert_eq!(app.doc, 1);
    let top = app.docs[1].blocks[app.current_block().0].text().to_string();
    let shown = common::draw(&app);
    assert!(
        shown.contains("amended"),
        "the first change is in view, not the redline's top: {top}\n{shown}"
    );
    press(&mut app, &notes, &typed("D"));
    assert_eq!(app.doc, 0);
    assert_eq!(app.current_block(), reading, "back where the reader was");
}

#[test]
fn what_changed_unseen_is_said_again_and_the_redline_keeps_the_place_read() {
    let long: String = (0..60).fold(OLD.to_string(), |text, i| {
        text + &format!("\n双方同意第{i}项合作继续推进。\n")
    });
    let (_dir, data, path) = read_before("statement.md", &long);
    std::fs::write(&path, long.replace("加快", "推进")).unwrap();

    // Told, not looked at, closed: the next opening says so again.
    let (app, mut notes) = reopen(std::slice::from_ref(&path), &data);
    assert!(said(&app).contains("changed since"), "{}", said(&app));
    notes.save_session(&app);
    let (mut app, mut notes) = reopen(std::slice::from_ref(&path), &data);
    assert!(said(&app).contains("changed since"), "{}", said(&app));

    // Closed from the redline: the place kept is the one D goes back to.
    press(&mut app, &notes, &typed("jjjjjjjjjj"));
    let reading = app.current_block();
    assert_ne!(reading.0, 0);
    press(&mut app, &notes, &typed("D"));
    assert_eq!(app.doc, 1);
    notes.save_session(&app);
    let last = notes.last_session();
    let current = last.iter().find(|r| r.current).expect("a current document");
    assert_eq!(
        current.path.as_deref(),
        Some(path.display().to_string().as_str())
    );
    let (mut again, _) = reopen(std::slice::from_ref(&path), &data);
    again.receive(Message::ReturnTo(0, current.at.clone().unwrap()));
    assert_eq!(again.current_block(), reading);
    assert!(
        !said(&again).contains("changed since"),
        "looked at: {}",
        said(&again)
    );
}

#[test]
fn another_briefing_saved_under_a_name_read_before_is_not_called_a_new_edition() {
    let (_dir, data, path) = read_before("brief.md", OLD);
    let other = "# Readout of the meeting\n\nThe two leaders discussed trade, climate and \
                 security.\n\nThey agreed to meet again next year.\n\n## Trade\n\nTariffs \
                 were not discussed.\n";
    std::fs::write(&path, other).unwrap();
    let (mut app, notes) = reopen(std::slice::from_ref(&path), &data);
    let told = said(&app);
    assert!(
        told.contains("not the briefing last read from this file (0% of paragraphs in common)"),
        "{told}"
    );
    assert!(!told.contains("changed since"), "{told}");
    press(&mut app, &notes, &typed("g"));
    let screen = common::draw(&app);
    assert!(screen.contains("another briefing: D"), "{screen}");
    assert!(!screen.contains("changed: D"), "{screen}");
    press(&mut app, &notes, &typed("D"));
    assert!(
        said(&app).contains("the editions share little"),
        "the redline says so too: {}",
        said(&app)
    );
    assert!(
        app.docs[app.doc]
            .name
            .ends_with("against the briefing last read from it"),
        "{}",
        app.docs[app.doc].name
    );
}
