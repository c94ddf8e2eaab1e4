//! The outline pane: following the reader, folding, the Countries and Library views.

use super::*;

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
fn tab_cycles_sections_countries_people_documents_bookmarks_notes_reader() {
    let mut app = seed_app((100, 30));
    app.update(Action::FocusOutline);
    assert_eq!(app.view, outline_pane::OutlineView::Sections);
    app.update(Action::NextOutlineView);
    assert_eq!(app.view, outline_pane::OutlineView::Countries);
    app.update(Action::NextOutlineView);
    assert_eq!(app.view, outline_pane::OutlineView::People);
    app.update(Action::NextOutlineView);
    assert_eq!(app.view, outline_pane::OutlineView::Documents);
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
fn documents_view_lists_the_titles_by_kind_and_enter_lands_on_a_citation() {
    let mut app = seed_app((100, 30));
    app.update(Action::FocusOutline);
    for _ in 0..3 {
        app.update(Action::NextOutlineView);
    }
    assert_eq!(app.view, outline_pane::OutlineView::Documents);
    let tree = &app.documents_view.tree;
    assert!(
        tree.entries[0]
            .title
            .starts_with("Charters and treaties · ")
    );
    let charter = tree
        .entries
        .iter()
        .position(|e| e.title.ends_with(" 《联合国宪章》"))
        .expect("the UN Charter is listed");
    assert!(tree.entries[charter].title.trim_start().starts_with("2 "));
    let citation = charter + 1;
    assert_ne!(
        tree.entries.get(citation).and_then(|e| e.parent),
        Some(charter),
        "citations are made when their document is unfolded"
    );
    app.documents_view.pane.selected = charter;
    app.update(Action::Unfold);
    let tree = &app.documents_view.tree;
    assert_eq!(tree.entries[citation].parent, Some(charter));
    assert_eq!(
        tree.entries[citation + 2].parent,
        tree.entries[charter].parent
    );
    let mark = tree.entries[citation].mark.clone().unwrap();
    assert_eq!(&tree.entries[citation].title[mark], "《联合国宪章》");
    app.update(Action::Down);
    assert_eq!(app.documents_view.pane.selected, citation);
    app.update(Action::Go);
    assert_eq!(app.mode(), Mode::Reader);
    let h = app.highlight.clone().expect("the citation is highlighted");
    let text = app.docs[h.doc].blocks[h.block.0].text();
    assert_eq!(&text[h.range], "《联合国宪章》");
}

#[test]
fn people_view_lists_officials_and_enter_lands_on_a_mention() {
    let mut app = seed_app((100, 30));
    people_view(&mut app);
    let tree = &app.people_view.tree;
    assert!(tree.entries[0].title.starts_with("People · "));
    let titles: Vec<&str> = tree.entries.iter().map(|e| e.title.as_str()).collect();
    assert!(
        titles
            .iter()
            .any(|t| t.ends_with("李强 — 中华人民共和国国务院总理 (CN)")),
        "{titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|t| t.ends_with("米舒斯京 — 俄罗斯联邦政府总理 (RU)"))
    );
    assert!(
        titles.iter().any(|t| t.ends_with("李强 — 记者")),
        "the reporter is someone else"
    );
    let row = select_person(&mut app, "扎帕罗夫 — ");
    app.update(Action::Unfold);
    app.update(Action::Down);
    let entry = app.people_view.tree.entries[app.people_view.pane.selected].clone();
    assert_eq!(entry.parent, Some(row));
    assert_eq!(&entry.title[entry.mark.clone().unwrap()], "扎帕罗夫");
    app.update(Action::Go);
    assert_eq!(app.mode(), Mode::Reader);
    let h = app.highlight.clone().expect("the mention is highlighted");
    assert_eq!(
        &app.docs[h.doc].blocks[h.block.0].text()[h.range],
        "扎帕罗夫"
    );
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
    let entry = app.countries_view.tree.entries[app.countries_view.pane.selected].clone();
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
fn country_order_cycles() {
    let mut app = seed_app((100, 30));
    countries_view(&mut app);
    let first_place = |app: &App| {
        app.countries_view
            .tree
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
    let order = |app: &App| -> Vec<usize> {
        app.library_view
            .tree
            .entries
            .iter()
            .map(|e| e.doc)
            .collect()
    };
    assert_eq!(order(&app), vec![2, 0, 1], "newest first, undated last");
    assert!(
        app.library_view.tree.entries[0]
            .lead
            .starts_with("2025-09-01")
    );
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
fn the_library_tells_documents_of_one_title_apart_by_their_file_names() {
    let mut app = App::new(
        crate::effects::start(vec![
            doc("2024-05-16.md", "# Joint Statement\n\nThe first edition.\n"),
            doc(
                "2024-06-01.md",
                "# Joint Statement\n\nThe second edition.\n",
            ),
            doc(
                "sco.md",
                "The organisation.\n\n## Origins\n\nFounded in 2001.\n",
            ),
        ]),
        Keymap::preset("default").unwrap(),
        (100, 30),
    );
    app.open_library();
    let row = |app: &App, doc: usize| {
        let e = app
            .library_view
            .tree
            .entries
            .iter()
            .find(|e| e.doc == doc)
            .unwrap();
        (format!("{}{}", e.lead, e.title), e.tail.clone())
    };
    // The file name in the title's place: the size and date stay in sight.
    let (title, tail) = row(&app, 0);
    assert!(title.ends_with("K 2024-05-16.md"), "{title}");
    assert_eq!(tail, "");
    assert!(row(&app, 1).0.ends_with("K 2024-06-01.md"));
    // Its first heading is a section's: the article goes by its file name, alone.
    let (title, tail) = row(&app, 2);
    assert!(title.ends_with(" sco.md"), "{title}");
    assert_eq!(tail, "");

    // Files of one name in two folders: the folder tells them apart.
    let in_folder = |name: &str| {
        let mut d = doc(name, "# Communiqué\n\nText.\n");
        d.path = Some(std::path::PathBuf::from("/briefings").join(name));
        d
    };
    let mut folders = App::new(
        crate::effects::start(vec![in_folder("may/final.md"), in_folder("june/final.md")]),
        Keymap::preset("default").unwrap(),
        (100, 30),
    );
    folders.open_library();
    assert!(row(&folders, 0).0.ends_with(" may/final.md"));
    assert!(row(&folders, 1).0.ends_with(" june/final.md"));

    // However narrow the pane, the names' ends show.
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(60, 20)).unwrap();
    terminal.draw(|f| crate::ui::draw(&app, f)).unwrap();
    let screen = format!("{:?}", terminal.backend().buffer());
    assert!(screen.contains("05-16.md"), "{screen}");
    assert!(screen.contains("06-01.md"), "{screen}");
}

#[test]
fn shift_tab_goes_back_through_the_views_and_then_to_the_reader() {
    let mut app = seed_app((100, 30));
    app.update(Action::FocusOutline);
    app.update(Action::NextOutlineView);
    app.update(Action::NextOutlineView);
    assert_eq!(app.view, OutlineView::People);
    app.press(Key::named(NamedKey::BackTab));
    assert_eq!(app.view, OutlineView::Countries);
    app.press(Key::named(NamedKey::BackTab));
    assert_eq!(app.view, OutlineView::Sections);
    assert_eq!(app.mode(), Mode::Outline);
    app.press(Key::named(NamedKey::BackTab));
    assert_eq!(app.mode(), Mode::Reader);
}

#[test]
fn empty_bookmarks_and_notes_views_say_how_to_make_the_first() {
    let mut app = seed_app((100, 30));
    app.update(Action::Bookmarks);
    assert_eq!(app.view, OutlineView::Bookmarks);
    assert!(screen(&app).contains("No bookmarks yet (m in reader)"));
    app.update(Action::NextOutlineView);
    assert!(screen(&app).contains("No notes yet (a in reader)"));
}

#[test]
fn library_rows_keep_date_and_size_and_cut_a_file_name_keeping_its_end() {
    let mut app = App::new(
        crate::effects::start(vec![
            doc(
                "joint-statement-on-the-strategic-partnership.old.md",
                "# Joint Statement\n\nThe first edition.\n",
            ),
            doc(
                "joint-statement-on-the-strategic-partnership.new.md",
                "# Joint Statement\n\nThe second edition.\n",
            ),
            doc(
                "report.md",
                "# 2025年北京市人民政府工作报告全文及其解读与附件\n\nText.\n",
            ),
        ]),
        Keymap::preset("default").unwrap(),
        (100, 30),
    );
    app.open_library();
    let shown = screen(&app);
    let rows: Vec<&str> = shown.lines().filter(|l| l.contains("    1K ")).collect();
    assert_eq!(rows.len(), 3, "{shown}");
    assert!(rows.iter().any(|r| r.contains("rship.old")), "{shown}");
    assert!(rows.iter().any(|r| r.contains("rship.new")), "{shown}");
    assert!(
        rows.iter().any(|r| r.contains("2025年")),
        "a title keeps its start: {shown}"
    );
    // The status line names the selected row's file whole.
    let status = shown.lines().last().unwrap_or_default().to_string();
    let selected = app.library_view.tree.entries[app.library_view.pane.selected].doc;
    let name = app.docs[selected].name.clone();
    assert!(status.contains(&name), "{status}");
    // Too long for a narrow line, it keeps its end.
    app.receive(crate::app::Message::Resized(60, 20));
    let shown = screen(&app);
    let status = shown.lines().last().unwrap_or_default();
    assert!(
        status.contains('…') && status.contains(&name[name.len() - 20..]),
        "{status}"
    );
}

#[test]
fn the_status_line_shows_the_selected_row_the_pane_cuts() {
    let mut app = app_on(doc(
        "t.md",
        "# Встреча\n\nПрезидент Российской Федерации Владимир Путин провёл переговоры.\n",
    ));
    people_view(&mut app);
    app.update(Action::Down);
    let status = |app: &App| screen(app).lines().last().unwrap_or_default().to_string();
    assert!(
        status(&app).contains("› 1 Владимир Путин — Президент Российской Федерации (RU)"),
        "{}",
        status(&app)
    );
    // A row the pane shows whole leaves the line as it was.
    app.update(Action::Up);
    assert!(
        !status(&app).trim_start().starts_with('›'),
        "{}",
        status(&app)
    );
}
