//! The Countries, People and Documents views of a long briefing: rows under a place, a
//! person or a document cited are made when it is unfolded, a place named very often shows
//! its sections first, and the documents cited come with the jump worker's candidates.

use super::*;

/// A briefing naming Japan 3,000 times, in three sections, and Chile once.
fn long_app() -> App {
    let mut text = String::from("# Opening\n\nChile sent word.\n\n");
    for part in ["One", "Two", "Three"] {
        text.push_str(&format!("# {part}\n\n"));
        for i in 0..1_000 {
            text.push_str(&format!("Japan agreed, item {i}.\n\n"));
        }
    }
    let mut app = app_on(crate::doc::markdown("long.md", &text));
    countries_view(&mut app);
    app
}

fn titles(app: &App) -> Vec<String> {
    let view = &app.countries_view;
    view.pane
        .visible(&view.tree)
        .iter()
        .copied()
        .map(|i| {
            format!(
                "{}{}",
                view.tree.entries[i].title, view.tree.entries[i].tail
            )
        })
        .collect()
}

#[test]
fn places_are_rows_until_one_is_unfolded() {
    let mut app = long_app();
    assert_eq!(
        app.countries_view.tree.entries.len(),
        3,
        "{:?}",
        titles(&app)
    );
    app.update(Action::Down);
    assert!(titles(&app)[1].contains("JP"), "{:?}", titles(&app));
    app.update(Action::Unfold);
    assert_eq!(
        titles(&app)[2..5],
        ["One · 1000", "Two · 1000", "Three · 1000"],
        "a place named 3,000 times shows its sections first"
    );
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::ToggleFold);
    let shown = titles(&app);
    assert_eq!(shown[3], "Two · 1000");
    assert_eq!(shown[4], "Japan agreed, item 0.");
    assert_eq!(shown[5], "Japan agreed, item 1.");
    assert_eq!(shown[1004], "Three · 1000", "{:?}", &shown[1000..]);
    app.update(Action::Down);
    app.update(Action::Go);
    assert_eq!(app.mode(), Mode::Reader);
    let h = app.highlight.clone().expect("the mention is highlighted");
    assert_eq!(
        app.document().blocks[h.block.0].text(),
        "Japan agreed, item 0."
    );
    assert_eq!(&app.document().blocks[h.block.0].text()[h.range], "Japan");
}

#[test]
fn unfolding_everything_leaves_the_sections_of_a_place_named_very_often_folded() {
    let mut app = long_app();
    app.update(Action::UnfoldAll);
    let shown = titles(&app);
    assert!(shown.iter().any(|t| t.contains("CL")), "{shown:?}");
    assert!(shown.contains(&"Chile sent word.".to_string()), "{shown:?}");
    assert!(shown.contains(&"Two · 1000".to_string()), "{shown:?}");
    assert!(
        app.countries_view.tree.entries.len() < 20,
        "no mention of Japan made: {shown:?}"
    );
    // Unfolding a section itself still makes its mentions.
    let two = app
        .countries_view
        .tree
        .entries
        .iter()
        .position(|e| e.title == "Two")
        .unwrap();
    app.countries_view.pane.selected = two;
    app.update(Action::ToggleFold);
    assert_eq!(titles(&app).len(), shown.len() + 1_000);
    app.update(Action::FoldAll);
    app.update(Action::UnfoldAll);
    assert_eq!(
        titles(&app).len(),
        shown.len() + 1_000,
        "rows made once stay made"
    );
}

#[test]
fn a_persons_mentions_are_made_when_unfolded() {
    let mut app = seed_app((100, 30));
    people_view(&mut app);
    let tree = &app.people_view.tree;
    let people = tree.entries.iter().filter(|e| e.person.is_some()).count();
    assert!(
        tree.entries.iter().all(|e| e.mark.is_none()),
        "no sentence made yet"
    );
    let wang = tree
        .entries
        .iter()
        .position(|e| e.title.contains("王毅 — "))
        .unwrap();
    let count: usize = tree.entries[wang]
        .title
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    app.people_view.pane.selected = wang;
    app.update(Action::Unfold);
    let tree = &app.people_view.tree;
    let under: Vec<&crate::index::outline::OutlineEntry> = tree
        .entries
        .iter()
        .filter(|e| e.parent == Some(wang))
        .collect();
    assert_eq!(under.len(), count);
    assert!(under.iter().all(|e| e.mark.is_some() && e.person.is_some()));
    assert_eq!(
        tree.entries.iter().filter(|e| e.person.is_some()).count(),
        people + count
    );
}

#[test]
fn the_documents_cited_come_from_the_jump_worker_and_follow_a_new_edition() {
    let mut app = seed_app((100, 30));
    let docs = std::sync::Arc::clone(&app.docs);
    let index = crate::index::jump::JumpIndex::build(
        &docs,
        &app.countries,
        crate::index::gazetteer::Gazetteer::bundled(),
    );
    assert!(!index.cited.is_empty());
    app.receive(crate::app::Message::JumpIndexReady(std::sync::Arc::new(
        index,
    )));
    app.update(Action::FocusOutline);
    for _ in 0..3 {
        app.update(Action::NextOutlineView);
    }
    assert_eq!(app.view, outline_pane::OutlineView::Documents);
    let listed = |app: &App, title: &str| {
        app.documents_view
            .tree
            .entries
            .iter()
            .any(|e| e.title.ends_with(title))
    };
    assert!(listed(&app, " 《联合国宪章》"));
    let edition = "# 新版\n\n双方依据《新合作条约》开展合作。\n";
    app.receive(crate::app::Message::Reloaded(
        0,
        Box::new(crate::doc::markdown("brief.md", edition)),
    ));
    assert!(
        listed(&app, " 《新合作条约》"),
        "the new edition's citations"
    );
    assert!(
        !listed(&app, " 《联合国宪章》"),
        "none of the old edition's"
    );
}

#[test]
fn the_people_view_waits_for_the_jump_worker_rather_than_holding_the_keys() {
    let mut app = seed_app((100, 30));
    app.people_come_later = true;
    people_view(&mut app);
    let titles = |app: &App| titles_of(&app.people_view);
    assert_eq!(titles(&app), ["Finding them…"]);
    assert!(app.waiting_for_people());
    let docs = std::sync::Arc::clone(&app.docs);
    let index = crate::index::jump::JumpIndex::build(
        &docs,
        &app.countries,
        crate::index::gazetteer::Gazetteer::bundled(),
    );
    app.receive(crate::app::Message::JumpIndexReady(std::sync::Arc::new(
        index,
    )));
    assert!(
        titles(&app).iter().any(|t| t.contains("王毅 — ")),
        "{:?}",
        titles(&app)
    );
    app.update(Action::NextOutlineView);
    assert_eq!(app.view, outline_pane::OutlineView::Documents);
    assert!(
        titles_of(&app.documents_view)
            .iter()
            .any(|t| t.ends_with(" 《联合国宪章》"))
    );
}

fn titles_of(view: &outline_pane::TreeView) -> Vec<String> {
    view.tree.entries.iter().map(|e| e.title.clone()).collect()
}

#[test]
fn a_mention_by_its_city_says_so_however_long_its_sentence() {
    let text = "# Visit\n\nThe delegation arrived in Islamabad on Tuesday after a long flight \
                from the capital of a neighbouring state, and held talks with officials on \
                trade and energy projects.\n";
    let mut app = app_on(crate::doc::markdown("visit.md", text));
    countries_view(&mut app);
    app.update(Action::Down);
    app.update(Action::Unfold);
    app.update(Action::Down);
    app.update(Action::Unfold);
    let shown = screen(&app);
    let row = shown
        .lines()
        .find(|l| l.contains("Islamabad") && l.starts_with("    "))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(row.contains("(via city)"), "{row}");
}

#[test]
fn a_mention_deep_in_a_paragraph_is_shown_from_its_sentences_start() {
    let mut text = String::from("# Talks\n\n");
    for i in 0..80 {
        text.push_str(&format!("The delegates discussed item {i} at length. "));
    }
    text.push_str(
        "Mr. Lula said this last sentence begins here, runs on over several lines of the \
         reader with words that are there to be wrapped, and only then names Chile, whose \
         delegation had asked for it.\n",
    );
    let mut app = app_on(crate::doc::markdown("deep.md", &text));
    countries_view(&mut app);
    select_place(&mut app, "CL");
    app.update(Action::Unfold);
    app.update(Action::Down);
    app.update(Action::Go);
    assert_eq!(app.mode(), Mode::Reader);
    let shown = screen(&app);
    let top = shown.lines().next().unwrap_or_default();
    assert!(top.contains("Mr. Lula said"), "{shown}");
    assert!(shown.contains("Chile"), "{shown}");
}
