//! The app driven headless: actions in, state out.

use super::*;
use crate::doc::open::{OpenOptions, bundled};
use crate::keymap::chord::NamedKey;

fn seed_app(size: (u16, u16)) -> App {
    App::new(
        crate::effects::start(vec![bundled(OpenOptions::default())]),
        Keymap::preset("default").unwrap(),
        size,
    )
}

use crate::doc::markdown as doc;

fn heading_at_top(app: &App) -> Option<String> {
    let block = app.document().block(app.current_block())?;
    block.heading_level().map(|_| block.text().to_string())
}

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
fn outline_follows_the_reader_and_enter_jumps() {
    let mut app = seed_app((100, 30));
    app.update(Action::NextSection);
    app.update(Action::NextSection);
    app.update(Action::NextSection);
    let here = app.here().unwrap();
    assert_eq!(
        app.outline.entries[here].title,
        "吉尔吉斯斯坦总统扎帕罗夫会见王毅"
    );
    assert_eq!(app.pane.selected, here);

    app.update(Action::FocusOutline);
    assert_eq!(app.mode(), Mode::Outline);
    app.update(Action::Bottom);
    app.update(Action::Go);
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(heading_at_top(&app).unwrap(), "“世界市长对话·南京”活动开幕");
}

#[test]
fn folding_in_the_pane() {
    let mut app = seed_app((100, 30));
    app.update(Action::FocusOutline);
    let all = app.pane.visible(&app.outline).len();
    assert_eq!(all, 9);
    app.update(Action::FoldAll);
    assert_eq!(app.pane.visible(&app.outline).len(), 1);
    app.update(Action::Unfold);
    assert_eq!(
        app.pane.visible(&app.outline).len(),
        8,
        "国际论坛 stays folded"
    );
    app.update(Action::UnfoldAll);
    assert_eq!(app.pane.visible(&app.outline).len(), all);
}

#[test]
fn focusing_a_hidden_outline_shows_it_until_left() {
    let mut app = seed_app((70, 24));
    assert!(!app.outline_visible);
    let narrow = app.reader_size().0;
    app.update(Action::FocusOutline);
    assert!(app.outline_visible);
    assert!(app.reader_size().0 < narrow);
    app.update(Action::Close);
    assert!(!app.outline_visible);
    assert_eq!(app.reader_size().0, narrow);
    app.update(Action::ToggleOutline);
    assert!(app.outline_visible);
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
fn several_documents_switch_from_the_outline() {
    let docs = vec![
        doc("a.md", "# Alpha\n\ntext a\n"),
        doc("b.md", "# Beta\n\ntext b\n"),
    ];
    let mut app = App::new(
        crate::effects::start(docs),
        Keymap::preset("default").unwrap(),
        (100, 30),
    );
    let titles: Vec<&str> = app
        .outline
        .entries
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(titles, vec!["a.md", "Alpha", "b.md", "Beta"]);
    app.update(Action::FocusOutline);
    app.update(Action::Bottom);
    app.update(Action::Go);
    assert_eq!(app.doc, 1);
    assert_eq!(heading_at_top(&app).as_deref(), Some("Beta"));
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
fn unchanged_state_means_no_redraw() {
    let mut app = seed_app((100, 30));
    let before = app.revision();
    app.press(Key::char('k'));
    assert_eq!(app.revision(), before, "already at the top");
    app.press(Key::char('x'));
    assert_eq!(app.revision(), before, "a key bound to nothing");
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

fn countries_view(app: &mut App) {
    app.update(Action::FocusOutline);
    app.update(Action::NextOutlineView);
    assert_eq!(app.view, outline_pane::OutlineView::Countries);
}

fn select_place(app: &mut App, code: &str) {
    let place = crate::index::gazetteer::Gazetteer::bundled()
        .by_code(code)
        .unwrap();
    let row = app
        .country_tree
        .entries
        .iter()
        .position(|e| e.place == Some(place) && e.depth == 1)
        .unwrap();
    app.country_pane.select(&app.country_tree, row);
}

#[test]
fn tab_cycles_sections_countries_bookmarks_notes_reader() {
    let mut app = seed_app((100, 30));
    app.update(Action::FocusOutline);
    assert_eq!(app.view, outline_pane::OutlineView::Sections);
    app.update(Action::NextOutlineView);
    assert_eq!(app.view, outline_pane::OutlineView::Countries);
    assert_eq!(
        app.update(Action::NextOutlineView),
        vec![Effect::RefreshAnnotations],
        "the view is read again from the store when shown"
    );
    assert_eq!(app.view, outline_pane::OutlineView::Bookmarks);
    app.update(Action::NextOutlineView);
    assert_eq!(app.view, outline_pane::OutlineView::Notes);
    app.update(Action::NextOutlineView);
    assert_eq!(app.view, outline_pane::OutlineView::Library);
    app.update(Action::NextOutlineView);
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(app.view, outline_pane::OutlineView::Sections);
}

#[test]
fn enter_on_a_mention_lands_on_it_highlighted() {
    let mut app = seed_app((100, 30));
    countries_view(&mut app);
    select_place(&mut app, "KG");
    app.update(Action::Unfold);
    // Down to the first section, then its first sentence.
    app.update(Action::Down);
    app.update(Action::Down);
    let entry = app.country_tree.entries[app.country_pane.selected].clone();
    assert!(entry.mark.is_some(), "a sentence row: {}", entry.title);
    app.update(Action::Go);
    assert_eq!(app.mode(), Mode::Reader);
    let highlight = app.highlight.clone().unwrap();
    assert_eq!(Some(highlight.block), entry.block);
    let text = app.document().blocks[highlight.block.0].text();
    assert!(text[highlight.range].contains('吉'));
    let top_block = app.current_block();
    assert_eq!(
        top_block, highlight.block,
        "the sentence's paragraph is at the top"
    );
}

#[test]
fn filter_narrows_sections_and_n_walks_matching_passages() {
    let mut app = seed_app((100, 30));
    countries_view(&mut app);
    select_place(&mut app, "JP");
    app.update(Action::FilterByCountry);
    let visible: Vec<String> = app
        .pane
        .visible(&app.outline)
        .into_iter()
        .map(|i| app.outline.entries[i].title.clone())
        .collect();
    assert!(visible.iter().any(|t| t.starts_with("高市首相")));
    assert!(!visible.iter().any(|t| t.contains("王小洪")), "{visible:?}");
    app.update(Action::Close);
    app.update(Action::NextMatch);
    let first = app.current_block();
    assert!(app.document().blocks[first.0].text().contains("日本"));
    app.update(Action::NextMatch);
    assert!(app.current_block() > first);
    app.update(Action::PrevMatch);
    assert_eq!(app.current_block(), first);

    // A second country: passages that mention both Japan and China.
    app.update(Action::FocusOutline);
    select_place(&mut app, "CN");
    app.update(Action::FilterByCountry);
    assert_eq!(app.filter.len(), 2);
    let both = app.matching_blocks();
    assert!(!both.is_empty());
    for (_, block) in &both {
        let text = app.document().blocks[block.0].text();
        assert!(text.contains("日") && text.contains("中"), "{text}");
    }
    app.update(Action::ClearFilter);
    assert!(app.pane.only.is_none());
}

#[test]
fn country_order_cycles() {
    let mut app = seed_app((100, 30));
    countries_view(&mut app);
    let first_place = |app: &App| {
        app.country_tree
            .entries
            .iter()
            .find(|e| e.depth == 1)
            .unwrap()
            .title
            .clone()
    };
    assert!(first_place(&app).contains("CN"));
    app.update(Action::CycleCountryOrder);
    assert!(
        first_place(&app).contains("BH"),
        "A–Z by English name: Bahrain first"
    );
    app.update(Action::CycleCountryOrder);
    assert!(
        first_place(&app).contains("RU"),
        "first appearance: Moscow, in the first paragraph"
    );
}

/// An app whose jump index is built, with palette requests answered at once.
fn palette_app() -> App {
    let mut app = seed_app((100, 30));
    let g = crate::index::gazetteer::Gazetteer::bundled();
    let index = crate::index::jump::JumpIndex::build(&app.docs, &app.countries, g);
    let effects = app.receive(crate::app::Message::JumpIndexReady(std::sync::Arc::new(
        index,
    )));
    answer(&mut app, effects);
    app
}

/// Answers the app's palette requests as the worker would.
fn answer(app: &mut App, effects: Vec<Effect>) {
    for effect in effects {
        if let Effect::FindMatches { generation, query } = effect {
            let index = app.jump_index.clone().unwrap();
            let found = index
                .search(&crate::index::jump::Query::parse(&query), None, &|| false)
                .unwrap();
            app.receive(crate::app::Message::Matches(generation, found));
        }
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let effects = app.press(Key::char(c));
        answer(app, effects);
    }
}

#[test]
fn palette_jumps_with_pinyin_and_ctrl_o_returns() {
    let mut app = palette_app();
    let start = app.current_block();
    let effects = app.press(Key::char('f'));
    answer(&mut app, effects);
    assert_eq!(app.mode(), Mode::Palette);
    assert_eq!(
        app.palette.found.matches.len(),
        9,
        "an empty query lists the headings"
    );
    type_text(&mut app, "zjwtl");
    assert_eq!(app.palette.input, "zjwtl");
    app.press(Key::named(NamedKey::Enter));
    assert_eq!(app.mode(), Mode::Reader);
    let block = app.current_block();
    assert!(app.document().blocks[block.0].text().contains("中吉乌铁路"));
    let highlight = app.highlight.clone().unwrap();
    assert!(
        app.document().blocks[highlight.block.0].text()[highlight.range].contains("中吉乌铁路")
    );
    app.press(Key::ctrl('o'));
    assert_eq!(app.current_block(), start);
    app.press(Key::char('\t'));
    app.update(Action::Close);
    app.update(Action::JumpForward);
    assert_eq!(app.current_block(), block);
}

#[test]
fn typed_keys_are_text_in_the_palette_not_commands() {
    let mut app = palette_app();
    app.press(Key::char('f'));
    for c in ['q', '?', 'G'] {
        assert!(app.press(Key::char(c)).iter().all(|e| *e != Effect::Quit));
    }
    assert_eq!(app.palette.input, "q?G");
    app.press(Key::named(NamedKey::Backspace));
    assert_eq!(app.palette.input, "q?");
    app.press(Key::ctrl('u'));
    assert_eq!(app.palette.input, "");
    app.press(Key::named(NamedKey::Esc));
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(app.top, 0, "Esc leaves the reader where it was");
}

#[test]
fn line_editing_keys_are_bindings_a_user_can_change() {
    let mut app = palette_app();
    let user = crate::keymap::parse(
        "user",
        "[line]\nCtrl-u = \"none\"\nCtrl-k = \"clear_line\"\n",
    )
    .unwrap()
    .keymap;
    app.keymap.overlay(&user);
    app.press(Key::char('f'));
    type_text(&mut app, "zjw tl");
    app.press(Key::ctrl('w'));
    assert_eq!(app.palette.input, "zjw ", "Ctrl-w deletes the last word");
    app.press(Key::ctrl('u'));
    assert_eq!(
        app.palette.input, "zjw ",
        "an unbound Ctrl-u no longer clears"
    );
    app.press(Key::ctrl('k'));
    assert_eq!(app.palette.input, "", "the key bound to clear_line clears");
    let help = crate::keymap::help::rows(&app.keymap);
    assert!(help.contains(&crate::keymap::help::HelpRow::Binding {
        keys: "Ctrl-k".into(),
        description: Action::ClearLine.description(),
    }));
}

#[test]
fn stale_answers_are_dropped() {
    let mut app = palette_app();
    app.press(Key::char('f'));
    let old = app.palette.generation;
    app.press(Key::char('z'));
    app.receive(crate::app::Message::Matches(
        old,
        crate::index::jump::Found::default(),
    ));
    assert!(
        app.palette.searching,
        "an answer to an older query does not count"
    );
}

#[test]
fn the_complete_answer_keeps_the_selection_made_on_the_first() {
    use crate::index::jump::Query;
    let mut app = palette_app();
    app.press(Key::char('f'));
    for c in "sf".chars() {
        app.press(Key::char(c));
    }
    let generation = app.palette.generation;
    let index = app.jump_index.clone().unwrap();
    let query = Query::parse(&app.palette.input);
    let runs = index.search_runs(&query, None, &|| false).unwrap();
    let full = index.search_rest(&query, None, &runs, &|| false).unwrap();
    assert!(!runs.complete && full.complete);
    app.receive(crate::app::Message::Matches(generation, runs));
    assert!(app.palette.searching, "the first answer is not the last");
    app.press(Key::named(NamedKey::Down));
    app.press(Key::named(NamedKey::Down));
    app.receive(crate::app::Message::Matches(generation, full));
    assert!(!app.palette.searching);
    assert_eq!(app.palette.selected, 2, "the selection stays");
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
    assert!(app.message.as_ref().unwrap().text.ends_with("reloaded"));
    app.receive(crate::app::Message::Gone(0));
    assert!(app.gone.contains(&0));
    assert!(app.message.as_ref().unwrap().is_error);
}

#[test]
fn the_library_lists_documents_sorted_and_enter_opens_one() {
    let mut app = App::new(
        crate::effects::start(vec![
            doc("a-2024-01-05.md", "# Older\n\nText.\n"),
            doc(
                "b.md",
                "# Undated but long\n\n很长的一段文字。很长的一段文字。很长的一段文字。\n",
            ),
            doc("c.md", "# Newer\n\n本报北京2025年9月1日电 正文。\n"),
        ]),
        Keymap::preset("default").unwrap(),
        (100, 30),
    );
    app.open_library();
    assert_eq!(app.mode(), Mode::Outline);
    let order =
        |app: &App| -> Vec<usize> { app.library_tree.entries.iter().map(|e| e.doc).collect() };
    assert_eq!(order(&app), vec![2, 0, 1], "newest first, undated last");
    assert!(app.library_tree.entries[0].title.starts_with("2025-09-01"));
    app.update(Action::CycleCountryOrder);
    assert_eq!(app.library_order, library::LibraryOrder::Title);
    app.update(Action::CycleCountryOrder);
    assert_eq!(order(&app)[0], 1, "largest first");
    app.update(Action::Go);
    assert_eq!((app.mode(), app.doc), (Mode::Reader, 1));

    // `/` narrows the list as the words are typed; Esc clears them.
    app.open_library();
    app.press(Key::char('/'));
    assert_eq!(app.mode(), Mode::Prompt);
    for c in "NEW".chars() {
        app.press(Key::char(c));
    }
    assert_eq!(order(&app), vec![2], "case does not matter");
    app.press(Key::named(NamedKey::Enter));
    assert_eq!(app.mode(), Mode::Outline);
    assert_eq!(order(&app), vec![2], "the filter stays");
    app.press(Key::char('/'));
    app.press(Key::named(NamedKey::Esc));
    assert_eq!((app.mode(), order(&app).len()), (Mode::Outline, 3));
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
