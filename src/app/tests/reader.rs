//! The reader: moving, resizing, searching, new editions, and the keys that reach it.

use super::*;

#[test]
fn outline_starts_hidden_on_narrow_terminals() {
    assert!(seed_app((100, 30)).outline_visible);
    assert!(!seed_app((79, 24)).outline_visible);
}

#[test]
fn scrolling_stays_within_the_document() {
    let mut app = seed_app((100, 30));
    app.update(Action::Up);
    assert_eq!(app.top, 0);
    app.update(Action::Down);
    assert_eq!(app.top, 1);
    app.update(Action::PageDown);
    assert_eq!(app.top, 30);
    app.update(Action::Bottom);
    let bottom = app.top;
    assert_eq!(bottom, app.layout.lines.len() - 29);
    app.update(Action::PageDown);
    assert_eq!(app.top, bottom);
    assert_eq!(app.percent(), 100);
    app.update(Action::Top);
    assert_eq!(app.top, 0);
}

#[test]
fn section_keys_walk_the_headings_in_order() {
    let mut app = seed_app((100, 30));
    let mut seen = Vec::new();
    for _ in 0..8 {
        app.update(Action::NextSection);
        seen.push(heading_at_top(&app).unwrap());
    }
    assert_eq!(seen[0], "国际论坛");
    assert_eq!(seen[2], "吉尔吉斯斯坦总统扎帕罗夫会见王毅");
    app.update(Action::PrevSection);
    assert_eq!(heading_at_top(&app).unwrap(), seen[6]);
}

#[test]
fn paragraph_keys_move_one_block() {
    let mut app = seed_app((100, 30));
    app.update(Action::NextParagraph);
    assert_eq!(app.current_block(), BlockId(1));
    app.update(Action::NextParagraph);
    assert_eq!(app.current_block(), BlockId(2));
    app.update(Action::PrevParagraph);
    assert_eq!(app.current_block(), BlockId(1));
}

#[test]
fn resize_keeps_the_reading_position() {
    let mut app = seed_app((100, 30));
    for _ in 0..4 {
        app.update(Action::NextSection);
    }
    let block = app.current_block();
    app.resize(60, 20);
    assert_eq!(app.current_block(), block);
    app.resize(160, 50);
    assert_eq!(app.current_block(), block);
}

#[test]
fn resize_keeps_the_gap_above_a_paragraph_at_the_top() {
    let mut app = seed_app((100, 30));
    let gap = (1..app.max_top())
        .find(|&n| app.layout.lines[n].role() == LineRole::Gap)
        .unwrap();
    app.top = gap;
    let block = app.current_block();
    app.resize(60, 20);
    assert_eq!(app.layout.lines[app.top].role(), LineRole::Gap);
    assert_eq!(app.current_block(), block);
    app.resize(100, 30);
    assert_eq!(app.top, gap);
}

#[test]
fn keys_resolve_through_the_keymap_with_chords() {
    let mut app = App::new(
        crate::effects::start(vec![bundled(OpenOptions::default())]),
        Keymap::preset("vim").unwrap(),
        (100, 30),
    );
    app.press(Key::char('G'));
    assert!(app.top > 0);
    assert!(app.press(Key::char('g')).is_empty());
    assert_eq!(app.pending, vec![Key::char('g')]);
    app.press(Key::char('g'));
    assert_eq!(app.top, 0);
    assert!(app.pending.is_empty());
    assert_eq!(app.press(Key::char('q')), vec![Effect::Quit]);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = seed_app((100, 30));
    app.press(Key::char('?'));
    assert_eq!(app.mode(), Mode::Help);
    app.press(Key::char('j'));
    assert_eq!(app.help_scroll(), 1);
    assert_eq!(app.top, 0, "keys scroll the help, not the reader");
    app.press(Key::char('G'));
    assert!(app.help_scroll() > 1, "G goes to the end of the help");
    app.press(Key::char('g'));
    assert_eq!(app.help_scroll(), 0);
    app.press(Key::named(NamedKey::Esc));
    assert_eq!(app.mode(), Mode::Reader);
    app.press(Key::char('?'));
    assert_eq!(
        app.press(Key::char('q')),
        Vec::new(),
        "q closes the help first"
    );
    assert_eq!(app.mode(), Mode::Reader);
}

#[test]
fn a_long_description_in_the_help_wraps_and_the_last_row_is_in_reach() {
    let mut app = seed_app((100, 30));
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    app.press(Key::char('?'));
    let rows = crate::keymap::help::rows(&app.keymap);
    let description = |row: &crate::keymap::help::HelpRow| match row {
        crate::keymap::help::HelpRow::Binding { description, .. } => description.to_string(),
        crate::keymap::help::HelpRow::Heading(_) => String::new(),
    };
    let longest = rows
        .iter()
        .map(description)
        .max_by_key(|d| d.len())
        .unwrap();
    assert!(longest.len() > 60, "{longest}");
    // Down to the longest row: every word of it on screen, across its lines.
    for _ in 0..rows.len() {
        let shown = screen(&app);
        let text: String = shown
            .lines()
            .map(|l| l.trim_matches(|c| c == ' ' || c == '│'))
            .collect::<Vec<_>>()
            .join(" ");
        if words(&text).contains(&words(&longest)) {
            break;
        }
        app.press(Key::char('j'));
    }
    let shown = screen(&app);
    let last_word = longest.split_whitespace().last().unwrap();
    assert!(shown.contains(last_word), "{longest}\n{shown}");
    app.update(Action::Bottom);
    let last = rows
        .iter()
        .rev()
        .map(description)
        .find(|d| !d.is_empty())
        .unwrap();
    let shown = screen(&app);
    assert!(
        shown.contains(last.split_whitespace().next().unwrap()),
        "{last}\n{shown}"
    );
}

#[test]
fn unchanged_state_means_no_redraw() {
    let mut app = seed_app((100, 30));
    let before = app.revision();
    app.press(Key::char('k'));
    assert_eq!(app.revision(), before, "already at the top");
    app.press(Key::char('x'));
    assert_ne!(app.revision(), before, "a key bound to nothing says so");
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("x does nothing here · ? shows the keys · q quits")
    );
    app.update(Action::OpenJump);
    app.press(Key::ctrl('c'));
    let said = app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(
        said.starts_with("Ctrl-c does nothing here · Esc closes"),
        "{said}"
    );
    let before = app.revision();
    app.press(Key::char('j'));
    assert_ne!(app.revision(), before);
}

#[test]
fn empty_document_is_usable() {
    let mut app = App::new(
        crate::effects::start(vec![doc("empty.md", "")]),
        Keymap::preset("default").unwrap(),
        (80, 24),
    );
    for action in [
        Action::Down,
        Action::PageDown,
        Action::Bottom,
        Action::NextSection,
        Action::NextParagraph,
    ] {
        app.update(action);
    }
    app.update(Action::FocusOutline);
    app.update(Action::Go);
    assert_eq!(app.top, 0);
    assert_eq!(app.outline.entries.len(), 1);
}

#[test]
fn search_walks_matches_with_a_count_and_esc_returns() {
    let mut app = seed_app((100, 30));
    app.press(Key::char('/'));
    assert_eq!(app.mode(), Mode::Search);
    type_text(&mut app, "双方");
    let search = app.search.clone().unwrap();
    assert!(search.matches.len() > 10);
    assert_eq!(search.current, Some(0));
    let first = app.current_block();
    assert!(app.document().blocks[first.0].text().contains("双方"));
    app.press(Key::named(NamedKey::Enter));
    assert_eq!(app.mode(), Mode::Reader);
    app.press(Key::ctrl('o'));
    assert_eq!(app.top, 0, "back to where the search began");
    // n goes on from where the reader is now, as in less and vim: the first match again.
    app.press(Key::char('n'));
    assert_eq!(app.search.as_ref().unwrap().current, Some(0));
    assert_eq!(app.current_block(), first);
    app.press(Key::char('n'));
    assert_eq!(app.search.as_ref().unwrap().current, Some(1));
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .ends_with(&format!("2/{}", search.matches.len()))
    );
    app.press(Key::char('N'));
    assert_eq!(app.search.as_ref().unwrap().current, Some(0));
    assert_eq!(app.current_block(), first);

    // Scrolled far past them, n finds the first match below, N the last above.
    app.update(Action::Bottom);
    app.update(Action::PageUp);
    let top = app.top;
    app.press(Key::char('n'));
    let next = app.search.as_ref().unwrap().current.unwrap();
    assert!(app.layout.block_start(search.matches[next].0) > top || next == 0);
    assert!(next > 1, "not the match after the last one visited");
    app.update(Action::Bottom);
    let top = app.top;
    app.press(Key::char('N'));
    let previous = app.search.as_ref().unwrap().current.unwrap();
    assert!(app.layout.block_start(search.matches[previous].0) < top);
    assert!(
        search
            .matches
            .iter()
            .skip(previous + 1)
            .all(|(b, _)| app.layout.block_start(*b) >= top),
        "the nearest one above"
    );

    // Esc while typing returns to the start and drops the matches.
    app.update(Action::Bottom);
    let bottom = app.top;
    app.press(Key::char('/'));
    type_text(&mut app, "shuangfang");
    assert!(
        !app.search.as_ref().unwrap().matches.is_empty(),
        "pinyin finds 双方"
    );
    app.press(Key::named(NamedKey::Esc));
    assert_eq!(app.top, bottom);
    assert!(app.search.is_none());
}

#[test]
fn a_new_edition_keeps_the_reader_on_the_same_passage() {
    let text = crate::doc::open::BUNDLED_TEXT;
    let mut app = App::new(
        crate::effects::start(vec![doc("brief.md", text)]),
        Keymap::preset("default").unwrap(),
        (100, 30),
    );
    let target = app.docs[0]
        .blocks
        .iter()
        .position(|b| b.text().contains("推进中吉乌铁路建设"))
        .unwrap();
    while app.current_block().0 != target {
        app.update(Action::NextParagraph);
    }
    app.update(Action::Down);
    let top_text = |app: &App| {
        let line = &app.layout.lines[app.top];
        app.document().blocks[line.block().0].text()[line.start()..line.end()].to_string()
    };
    let shown = top_text(&app);
    let edition = text.replacen("\n\n", "\n\n更正：新增一段。\n\n另一段新增的文字。\n\n", 1);
    app.receive(crate::app::Message::Reloaded(
        0,
        Box::new(doc("brief.md", &edition)),
    ));
    assert_eq!(
        top_text(&app),
        shown,
        "the same line of the same paragraph is at the top"
    );
    assert_ne!(app.current_block().0, target, "it moved in the new edition");
    assert!(app.jump_index.is_none(), "candidates are built again");
    let said = &app.message.as_ref().unwrap().text;
    assert!(
        said.ends_with("changed since you last read it (1 new); D shows what changed"),
        "{said}"
    );
    app.receive(crate::app::Message::Gone(0));
    assert!(app.gone.contains(&0));
    assert!(app.message.as_ref().unwrap().is_error);
}

#[test]
fn a_bookmark_or_note_made_on_a_page_marker_goes_on_the_paragraph_it_continues() {
    let text = "# T\n\nThe first paragraph, long enough to stand.\n\n(下转第七版)\n\n\
                Its second half, on the next page.\n\n---\n";
    let mut app = App::new(
        crate::effects::start(vec![doc("t.md", text)]),
        Keymap::preset("default").unwrap(),
        (100, 30),
    );
    let blocks = &app.docs[0].blocks;
    let marker = blocks
        .iter()
        .position(|b| b.kind == crate::doc::BlockKind::Marker)
        .unwrap();
    let rule = blocks
        .iter()
        .position(|b| b.kind == crate::doc::BlockKind::Rule)
        .unwrap();
    let quote_of = |effects: Vec<Effect>| match effects.as_slice() {
        [Effect::AddBookmark { anchor, .. }] => anchor.quote.clone(),
        other => panic!("{other:?}"),
    };
    app.top = app.layout.block_start(BlockId(marker));
    assert_eq!(app.current_block(), BlockId(marker));
    let quote = quote_of(app.update(Action::ToggleBookmark));
    assert_eq!(quote, "The first paragraph, long enough to stand.");
    // A rule: the paragraph before it, for a note too.
    app.top = app.layout.block_start(BlockId(rule));
    assert_eq!(app.current_block(), BlockId(rule));
    assert_eq!(app.passage_block(), Some(BlockId(rule - 1)));
    app.update(Action::Annotate);
    assert_eq!(app.editor().map(|e| e.block), Some(BlockId(rule - 1)));
    // Nothing before it: the paragraph after.
    let app = App::new(
        crate::effects::start(vec![doc("t.md", "---\n\nAfter the rule.\n")]),
        Keymap::preset("default").unwrap(),
        (100, 30),
    );
    assert_eq!(app.current_block(), BlockId(0));
    assert_eq!(app.passage_block(), Some(BlockId(1)));
}

#[test]
fn a_place_in_a_briefing_that_repeats_its_passages_is_returned_to() {
    // A compilation: the same statement three times, as a session keeps a place (its
    // paragraph's fingerprint, position and text only).
    let part = "## Part\n\nThe ministers agreed to speed up the railway.\n\n".repeat(3);
    let filler: String = (0..40).map(|i| format!("Filler {i}.\n\n")).collect();
    let text = format!("# Compilation\n\n{part}{filler}{part}");
    let mut app = app_on(crate::doc::markdown("c.md", &text));
    let copies: Vec<usize> = app
        .document()
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.text().starts_with("The ministers"))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(copies.len(), 6);
    let last = crate::store::anchor::Anchor::of(app.document(), BlockId(copies[5]), None);
    let kept = crate::store::anchor::Anchor {
        fingerprint: last.fingerprint.clone(),
        position: last.position,
        quote: last.quote.clone(),
        ..Default::default()
    };
    assert_ne!(
        kept.place(app.document()).block(),
        Some(BlockId(copies[5])),
        "by its text alone, the copy is not told apart"
    );
    app.receive(crate::app::Message::ReturnTo(0, kept));
    assert_eq!(app.current_block(), BlockId(copies[5]));
}

#[test]
fn the_briefing_scrolls_while_the_leftover_draft_question_waits() {
    let mut app = seed_app((100, 30));
    let mut draft = crate::store::Draft::default();
    draft.note.body = "Meeting point: railway financing".into();
    app.receive(Message::LeftoverDraft(Box::new(draft)));
    assert_eq!(app.mode(), Mode::Prompt);
    app.press(Key::char('j'));
    app.press(Key::named(NamedKey::PageDown));
    assert!(app.top > 1, "the reader scrolled");
    assert_eq!(app.mode(), Mode::Prompt, "the question still waits");
    // Keys that would leave the reader do nothing while it waits.
    app.press(Key::char('/'));
    assert_eq!(app.mode(), Mode::Prompt);
    app.press(Key::named(NamedKey::Esc));
    assert_eq!(app.mode(), Mode::Reader);
}
