//! Filtering the sections by the countries and the people they name, and the documents they
//! cite.

use super::*;

/// What the message line says, or nothing.
fn message_of(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn filter_by_a_person_and_a_country_keeps_passages_naming_both() {
    let mut app = seed_app((100, 30));
    people_view(&mut app);
    select_person(&mut app, "王毅 — ");
    app.update(Action::FilterByCountry);
    let wang = app.matching_blocks();
    assert!(wang.len() >= 5, "{wang:?}");
    app.view = outline_pane::OutlineView::Countries;
    app.rebuild_country_tree();
    select_place(&mut app, "KG");
    app.update(Action::FilterByCountry);
    let both = app.matching_blocks();
    assert!(!both.is_empty() && both.is_subset(&wang), "{both:?}");
    for (doc, block) in &both {
        let text = app.docs[*doc].blocks[block.0].text();
        assert!(text.contains("王毅"), "{text}");
        assert!(text.contains("吉"), "{text}");
    }
    assert_eq!(app.filter_label().as_deref(), Some("Kyrgyzstan + 王毅"));
    // The header names the filter where it narrows or is made, not over a list it leaves whole.
    let header = |app: &App| screen(app).lines().next().unwrap_or_default().to_string();
    assert!(header(&app).contains("· Kyrgyzs"), "{}", header(&app));
    app.update(Action::NextOutlineView);
    app.update(Action::NextOutlineView);
    assert_eq!(app.view, outline_pane::OutlineView::Documents);
    assert!(header(&app).contains("· Kyrgyzs"), "{}", header(&app));
    app.update(Action::NextOutlineView);
    assert!(!header(&app).contains("Kyrgyzs"), "{}", header(&app));
    app.view = outline_pane::OutlineView::Countries;
    app.update(Action::Close);
    app.update(Action::NextMatch);
    let h = app.highlight.clone().expect("a mention is highlighted");
    assert!(both.contains(&(h.doc, h.block)));
    app.update(Action::ClearFilter);
    assert!(!app.filter_is_on());
}

#[test]
fn a_filter_counts_its_passages_in_words() {
    let mut app = seed_app((100, 30));
    countries_view(&mut app);
    select_place(&mut app, "BN");
    app.update(Action::FilterByCountry);
    assert_eq!(app.matching_blocks().len(), 1);
    let said = message_of(&app);
    assert!(said.starts_with("Filter: Brunei · 1 passage ·"), "{said}");
    app.update(Action::ClearFilter);
    select_place(&mut app, "CN");
    app.update(Action::FilterByCountry);
    let said = message_of(&app);
    assert!(said.contains(" passages"), "{said}");
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
        .iter()
        .copied()
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
    assert!(app.pane.only().is_none());
}

#[test]
fn a_filter_that_leaves_out_the_section_being_read_selects_one_it_keeps() {
    let mut app = seed_app((100, 30));
    app.update(Action::FocusOutline);
    let wang = app
        .outline
        .entries
        .iter()
        .position(|e| e.title.contains("王小洪"))
        .expect("a section on 王小洪");
    app.pane.select(&app.outline, wang);
    app.update(Action::Go);
    assert_eq!(app.here(), Some(wang));
    countries_view(&mut app);
    select_place(&mut app, "JP");
    app.update(Action::FilterByCountry);
    let visible = app.pane.visible(&app.outline);
    assert!(!visible.contains(&wang), "the section does not name Japan");
    assert!(
        visible.contains(&app.pane.selected),
        "{:?} selected, not shown",
        app.outline.entries[app.pane.selected].title
    );
    assert!(
        app.outline.entries[app.pane.selected].depth < app.outline.entries[wang].depth
            || app.pane.selected > wang,
        "the section above it, or the next one kept"
    );
    // The reader moving on through sections the filter leaves out: a row is always selected.
    app.update(Action::Close);
    app.update(Action::Top);
    for _ in 0..8 {
        app.update(Action::NextSection);
        let visible = app.pane.visible(&app.outline);
        assert!(visible.contains(&app.pane.selected), "{:?}", app.here());
    }
}

#[test]
fn filter_by_a_document_keeps_passages_citing_it_and_a_place() {
    let mut app = seed_app((100, 30));
    people_view(&mut app);
    app.update(Action::NextOutlineView);
    assert_eq!(app.view, outline_pane::OutlineView::Documents);
    let row = app
        .documents_view
        .tree
        .entries
        .iter()
        .position(|e| e.title.ends_with("《联合国宪章》"))
        .expect("the Charter is listed");
    app.documents_view
        .pane
        .select(&app.documents_view.tree, row);
    // Unfolded to see where it is cited first, and folded again: still the document.
    app.update(Action::Unfold);
    app.update(Action::Fold);
    app.update(Action::FilterByCountry);
    let charter = app.matching_blocks();
    assert_eq!(charter.len(), 2, "{charter:?}");
    for (doc, block) in &charter {
        assert!(
            app.docs[*doc].blocks[block.0]
                .text()
                .contains("《联合国宪章》")
        );
    }
    assert_eq!(app.filter_label().as_deref(), Some("《联合国宪章》"));
    // With a country the Charter's passages name as well, and one they do not.
    app.view = outline_pane::OutlineView::Countries;
    app.rebuild_country_tree();
    select_place(&mut app, "BN");
    app.update(Action::FilterByCountry);
    assert!(app.matching_blocks().is_empty());
    let said = message_of(&app);
    assert!(said.ends_with("· no passage has them all"), "{said}");
    app.update(Action::FilterByCountry);
    assert_eq!(app.matching_blocks(), charter);
    // The same key on the document again takes it out.
    app.view = outline_pane::OutlineView::Documents;
    app.update(Action::FilterByCountry);
    assert!(!app.filter_is_on());
}

#[test]
fn the_filter_key_outside_the_three_views_adds_nothing() {
    let mut app = seed_app((100, 30));
    countries_view(&mut app);
    select_place(&mut app, "KG");
    // Back in the sections, the place still selected in Countries is not taken.
    app.view = outline_pane::OutlineView::Sections;
    app.update(Action::FilterByCountry);
    assert!(!app.filter_is_on());
}

#[test]
fn the_status_line_names_the_filter_once_its_message_is_gone() {
    let mut app = seed_app((100, 30));
    countries_view(&mut app);
    select_place(&mut app, "BN");
    app.update(Action::FilterByCountry);
    app.update(Action::Close);
    app.update(Action::NextMatch);
    let said = message_of(&app);
    assert_eq!(said, "Brunei · passage 1/1");
    let status = |app: &App| screen(app).lines().last().unwrap_or_default().to_string();
    // Said once, by the message.
    assert_eq!(
        status(&app).matches("Brunei").count(),
        1,
        "{}",
        status(&app)
    );
    app.message = None;
    assert!(status(&app).contains("filter: Brunei"), "{}", status(&app));
    app.update(Action::ClearFilter);
    app.message = None;
    assert!(!status(&app).contains("filter:"), "{}", status(&app));
}

#[test]
fn the_filter_is_walked_from_the_outline_it_was_made_in() {
    let mut app = seed_app((100, 30));
    countries_view(&mut app);
    select_place(&mut app, "KG");
    app.update(Action::FilterByCountry);
    let said = message_of(&app);
    assert!(said.contains("n/N to move"), "{said}");
    let matching = app.matching_blocks();
    app.update(Action::NextMatch);
    let h = app.highlight.clone().expect("a mention is highlighted");
    assert!(matching.contains(&(h.doc, h.block)));
    let said = message_of(&app);
    assert!(said.starts_with("Kyrgyzstan · passage "), "{said}");
    assert_eq!(app.view, outline_pane::OutlineView::Countries);
}

#[test]
fn a_search_takes_n_from_the_filter_saying_so_and_esc_gives_it_back() {
    let mut app = seed_app((100, 30));
    countries_view(&mut app);
    select_place(&mut app, "BN");
    app.update(Action::FilterByCountry);
    app.update(Action::Close);
    app.update(Action::Search);
    type_text(&mut app, "合作");
    app.update(Action::Go);
    let said = message_of(&app);
    assert!(
        said.starts_with("n/N move through the search's")
            && said.ends_with("Esc clears it for the filter's (Brunei)"),
        "{said}"
    );
    app.update(Action::NextMatch);
    assert!(
        message_of(&app).starts_with("/合作"),
        "{}",
        message_of(&app)
    );
    app.update(Action::Close);
    assert!(app.search.is_none());
    assert!(
        message_of(&app).contains("(Brunei)"),
        "{}",
        message_of(&app)
    );
    app.update(Action::NextMatch);
    assert!(
        message_of(&app).starts_with("Brunei · passage"),
        "{}",
        message_of(&app)
    );
    // A filter set after a search is what `n` follows.
    app.update(Action::Search);
    type_text(&mut app, "合作");
    app.update(Action::Go);
    assert!(app.search.is_some());
    app.update(Action::FocusOutline);
    assert_eq!(app.view, outline_pane::OutlineView::Countries);
    select_place(&mut app, "KG");
    app.update(Action::FilterByCountry);
    assert!(app.search.is_none());
}
