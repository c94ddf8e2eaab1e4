//! The app driven headless: actions in, state out. One file per part of the app.

mod arriving;
mod chords;
mod drawn_over;
mod filter;
mod first_part;
mod outline;
mod outline_width;
mod palette;
mod reader;
mod resize;
mod unfolding;

use super::*;
use crate::app::layout::LineRole;
use crate::doc::open::{OpenOptions, bundled};
use crate::keymap::chord::NamedKey;

fn seed_app(size: (u16, u16)) -> App {
    App::new(
        crate::effects::start(vec![bundled(OpenOptions::default())]),
        Keymap::preset("default").unwrap(),
        size,
    )
}

/// Focuses the outline and shows its Countries view.
fn countries_view(app: &mut App) {
    app.update(Action::FocusOutline);
    app.update(Action::NextOutlineView);
    assert_eq!(app.view, outline_pane::OutlineView::Countries);
}

/// Focuses the outline and shows its People view.
fn people_view(app: &mut App) {
    countries_view(app);
    app.update(Action::NextOutlineView);
    assert_eq!(app.view, outline_pane::OutlineView::People);
}

/// The app on one document, at 100x30 with the default keymap.
fn app_on(doc: Document) -> App {
    App::new(
        crate::effects::start(vec![doc]),
        Keymap::preset("default").unwrap(),
        (100, 30),
    )
}

use crate::doc::markdown as doc;

/// The screen the app draws at its size, a line a row.
fn screen(app: &App) -> String {
    let (width, height) = app.size;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| crate::ui::draw(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn heading_at_top(app: &App) -> Option<String> {
    let block = app.document().block(app.current_block())?;
    block.heading_level().map(|_| block.text().to_string())
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let effects = app.press(Key::char(c));
        answer(app, effects);
    }
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

/// Selects a place's row in the Countries view.
fn select_place(app: &mut App, code: &str) {
    let place = crate::index::gazetteer::Gazetteer::bundled()
        .by_code(code)
        .unwrap();
    let row = app
        .countries_view
        .tree
        .entries
        .iter()
        .position(|e| e.place == Some(place) && e.depth == 1)
        .unwrap();
    app.countries_view
        .pane
        .select(&app.countries_view.tree, row);
}

/// Selects a person's row in the People view by the start of its label.
fn select_person(app: &mut App, label: &str) -> usize {
    let row = app
        .people_view
        .tree
        .entries
        .iter()
        .position(|e| {
            e.depth == 1
                && e.title
                    .trim_start()
                    .split_once(' ')
                    .is_some_and(|(_, l)| l.starts_with(label))
        })
        .unwrap_or_else(|| panic!("{label} is listed"));
    app.people_view.pane.select(&app.people_view.tree, row);
    row
}
