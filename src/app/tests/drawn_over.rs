//! A frame drawn over the last one when only the reader's text moved is the frame drawn
//! whole, and only a plain scroll lets it be drawn so.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use super::*;

/// The screen drawn whole.
fn drawn(app: &App) -> Buffer {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| crate::ui::draw(app, f))
        .unwrap()
        .buffer
        .clone()
}

/// The screen drawn over `before`, in which the text stood `lines` lower.
fn drawn_over(app: &App, before: &Buffer, lines: i32) -> Buffer {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .current_buffer_mut()
        .content
        .clone_from(&before.content);
    let _ = crate::ui::scrolled::draw(app, &mut terminal.get_frame(), lines);
    terminal.current_buffer_mut().clone()
}

/// Plays `actions` on `app`; after each that only moved the text, the frame drawn over the
/// last is checked against the frame drawn whole. Returns how many were drawn over.
fn play(app: &mut App, actions: &[Action]) -> usize {
    let mut before = drawn(app);
    let mut over = 0;
    for (n, &action) in actions.iter().enumerate() {
        let (top, text_revision) = (app.top, app.text_revision());
        app.update(action);
        let lines = app.top as i64 - top as i64;
        let height = i64::from(app.reader_size().1);
        let now = drawn(app);
        if app.text_revision() == text_revision
            && lines != 0
            && lines.abs() <= height
            && crate::ui::scrolled::can_draw(app)
        {
            over += 1;
            let moved = drawn_over(app, &before, lines as i32);
            if let Some(difference) = crate::ui::scrolled::differs_from_whole(app, &moved) {
                panic!("action {n} ({action:?}), {difference}");
            }
        }
        before = now;
    }
    over
}

/// Scrolls of every size, both ways, and moves that are not scrolls between them.
fn walk() -> Vec<Action> {
    use Action::*;
    let steps = [
        Down,
        Down,
        Down,
        PageDown,
        Up,
        HalfPageDown,
        NextSection,
        Down,
        PageUp,
        HalfPageUp,
        Down,
        Bottom,
        Up,
        Up,
        PageUp,
        Top,
        Down,
        NextParagraph,
        Down,
        HalfPageDown,
    ];
    steps.iter().cycle().take(120).copied().collect()
}

#[test]
fn a_scrolled_frame_drawn_over_the_last_is_the_whole_frame_with_the_outline_and_without() {
    let mut app = seed_app((100, 30));
    assert!(app.outline_visible);
    let over = play(&mut app, &walk());
    assert!(over > 50, "only {over} frames drawn over the last");
    app.update(Action::ToggleOutline);
    assert!(!app.outline_visible);
    let over = play(&mut app, &walk());
    assert!(over > 50, "only {over} frames drawn over the last");
}

#[test]
fn search_marks_scroll_with_the_text_and_a_new_current_match_is_drawn_whole() {
    let mut app = seed_app((90, 24));
    app.update(Action::Search);
    type_text(&mut app, "合作");
    app.update(Action::Go);
    assert!(app.search.as_ref().is_some_and(|s| s.matches.len() > 5));
    let over = play(&mut app, &walk());
    assert!(over > 50, "only {over} frames drawn over the last");
    // The next match moves the current mark: not a plain scroll.
    let revision = app.text_revision();
    app.update(Action::NextMatch);
    assert_ne!(app.text_revision(), revision);
}

#[test]
fn a_jump_highlight_going_out_is_not_a_plain_scroll() {
    let mut app = seed_app((100, 30));
    app.highlight = Some(Highlight {
        doc: 0,
        block: app.current_block(),
        range: 0..3,
    });
    let revision = app.text_revision();
    app.update(Action::Down);
    assert!(app.highlight.is_none());
    assert_ne!(app.text_revision(), revision);
    // Without one, a line down is.
    let revision = app.text_revision();
    app.update(Action::Down);
    assert_eq!(app.text_revision(), revision);
}

#[test]
fn after_a_resize_a_line_down_lands_as_drawn_whole() {
    // The frame before the resize left Chinese text at the end of rows the backend's copy
    // of the screen still held: a line down after it must not read them.
    use crate::term::frame::Shown;
    use crate::wire::Wire;
    use crate::wire::test_terminal::{Sent, row_of};
    use ratatui::layout::Rect;
    let mut app = seed_app((100, 30));
    let sent = Sent::default();
    let mut wire = Wire::new(sent.clone());
    wire.cleared();
    let options = ratatui::TerminalOptions {
        viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, 100, 30)),
    };
    let mut terminal = Terminal::with_options(wire, options).unwrap();
    let mut parser = vt100::Parser::new(30, 100, 0);
    let mut shown = Shown::first(&mut terminal, &app).unwrap();
    app.update(Action::Down);
    shown.refresh(&mut terminal, &app).unwrap();
    app.update(Action::ToggleOutline);
    shown.refresh(&mut terminal, &app).unwrap();
    parser.process(&std::mem::take(&mut *sent.0.borrow_mut()));
    parser.set_size(24, 80);
    shown.resized(&mut terminal).unwrap();
    terminal.resize(Rect::new(0, 0, 80, 24)).unwrap();
    app.receive(Message::Resized(80, 24));
    shown.refresh(&mut terminal, &app).unwrap();
    app.update(Action::Down);
    shown.refresh(&mut terminal, &app).unwrap();
    parser.process(&sent.0.borrow());
    let whole = drawn(&app);
    for y in 0..24 {
        let seen = parser.screen().contents_between(y, 0, y, 80);
        assert_eq!(seen.trim_end(), row_of(&whole, y), "row {y}");
    }
}
