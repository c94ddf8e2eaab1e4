//! A long briefing shown by its first part while the whole is read: the end waits, marks
//! wait, a search goes on in the whole, and the places come after the first frame.

use super::*;

/// A long briefing, its first part (the blocks before its fifth section) and the whole.
fn part_and_whole() -> (Document, Document) {
    let mut text = String::new();
    for n in 0..40 {
        text.push_str(&format!(
            "# 第{n}节\n\n双方同意加快中吉乌铁路建设,第{n}段。\n\n"
        ));
    }
    let whole = doc("long.md", &text);
    let cut = text.find("# 第5节").unwrap();
    let mut part = doc("long.md", &text[..cut]);
    part.unread_bytes = (text.len() - cut) as u64;
    (part, whole)
}

fn app_on_part(part: Document) -> App {
    App::places_later(
        crate::effects::start(vec![part]),
        Keymap::preset("default").unwrap(),
        (100, 30),
    )
}

/// `G` on `part`: it says the end is still being read and stays; once `whole` is in, the
/// reader is at its end.
fn the_end_waits(part: Document, whole: Document) -> App {
    let mut app = app_on_part(part);
    app.update(Action::Bottom);
    assert_eq!(app.top, 0, "what is read so far is not the document");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("still being read")
    );
    app.receive(Message::Whole(0, Box::new(whole), None));
    assert_eq!(app.top, app.max_top(), "the end, once it is in");
    app
}

#[test]
fn the_end_waits_for_the_whole_and_then_is_reached() {
    let (part, whole) = part_and_whole();
    let app = the_end_waits(part, whole);
    assert_eq!(app.docs[0].unread_bytes, 0);
}

#[test]
fn marks_wait_for_the_whole_and_the_place_is_kept() {
    let (part, whole) = part_and_whole();
    let mut app = app_on_part(part);
    app.update(Action::PageDown);
    let top = app.top;
    let effects = app.update(Action::ToggleBookmark);
    assert!(effects.is_empty(), "{effects:?}");
    assert!(app.message.as_ref().unwrap().text.contains("Still reading"));
    app.receive(Message::Whole(0, Box::new(whole), None));
    assert_eq!(app.top, top, "the reader stays on its line");
    let effects = app.update(Action::ToggleBookmark);
    assert!(!effects.is_empty(), "a bookmark once the whole is in");
}

#[test]
fn a_search_in_the_part_goes_on_in_the_whole() {
    let (part, whole) = part_and_whole();
    let mut app = app_on_part(part);
    app.update(Action::Search);
    type_text(&mut app, "双方");
    app.update(Action::Go);
    assert_eq!(app.search.as_ref().unwrap().matches.len(), 5);
    app.receive(Message::Whole(0, Box::new(whole), None));
    assert_eq!(app.search.as_ref().unwrap().matches.len(), 40);
}

#[test]
fn places_arrive_after_the_first_frame() {
    let (_, whole) = part_and_whole();
    let found = crate::index::countries::Countries::build(
        std::slice::from_ref(&whole),
        crate::index::gazetteer::Gazetteer::bundled(),
    );
    assert!(!found.mentions.is_empty(), "中吉乌 names three countries");
    let mut app = app_on_part(whole);
    assert!(app.countries.mentions.is_empty() && app.places_pending.is_some());
    app.receive(Message::Places(found.clone()));
    assert_eq!(app.countries.mentions.len(), found.mentions.len());
    assert!(app.places_pending.is_none());
}

#[test]
fn the_end_of_a_long_pdf_waits_for_its_last_pages() {
    let (_, whole) = part_and_whole();
    // A PDF's first pages: the whole's first blocks, more pages to come.
    let mut pages = whole.clone();
    pages.blocks = std::sync::Arc::new(whole.blocks[..10].to_vec());
    pages.unread_pages = 30;
    the_end_waits(pages, whole);
}

/// The reader on the first part, asked to return to the last session's place in the 31st
/// section (past the part); the whole, and that place's block.
fn returning_past_the_part() -> (App, Document, BlockId) {
    let (part, whole) = part_and_whole();
    let block = whole
        .blocks
        .iter()
        .position(|b| b.text() == "第30节")
        .map(BlockId)
        .unwrap();
    let at = crate::store::anchor::Anchor::of(&whole, block, None);
    let mut app = app_on_part(part);
    app.receive(Message::ReturnTo(0, at));
    (app, whole, block)
}

#[test]
fn the_last_sessions_place_past_the_first_part_is_reached_once_the_whole_is_in() {
    let (mut app, whole, block) = returning_past_the_part();
    assert_eq!(app.top, 0, "not in the part shown");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("once it is all read"),
        "{:?}",
        app.message
    );
    app.receive(Message::Whole(0, Box::new(whole), None));
    assert_eq!(app.current_block(), block);
}

#[test]
fn moving_on_before_the_whole_is_in_keeps_the_reader_where_it_went() {
    let (mut app, whole, _) = returning_past_the_part();
    app.update(Action::Down);
    let top = app.top;
    app.receive(Message::Whole(0, Box::new(whole), None));
    assert_eq!(app.top, top, "the reader's own choice stands");
}
