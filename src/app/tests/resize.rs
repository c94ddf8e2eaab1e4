//! A resize: a short briefing is laid out again at once; a long one is shown as it was laid
//! out until its new layout comes back from the background, and keeps its place.

use super::*;
use crate::app::reader::LAID_OUT_IN_BACKGROUND;

/// A briefing of `paragraphs` paragraphs, each long enough to wrap differently at 100 and 60
/// columns.
fn briefing(paragraphs: usize) -> Document {
    let mut text = String::from("# Long briefing\n\n");
    for n in 0..paragraphs {
        text.push_str(&format!(
            "Paragraph {n}: the parties agreed to speed up the railway and to widen trade between them.\n\n"
        ));
    }
    doc("long.md", &text)
}

fn draw(app: &App, width: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, 30)).unwrap();
    terminal.draw(|f| crate::ui::draw(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    buffer.content().iter().map(|c| c.symbol()).collect()
}

#[test]
fn a_short_briefing_is_laid_out_again_at_once() {
    let mut app = app_on(briefing(50));
    let effects = app.receive(Message::Resized(60, 30));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.layout.width, app.reader_size().0);
}

#[test]
fn a_long_briefing_is_laid_out_in_the_background_and_keeps_its_place() {
    let mut app = app_on(briefing(LAID_OUT_IN_BACKGROUND));
    app.update(Action::PageDown);
    app.update(Action::PageDown);
    let block = app.current_block();
    let old_width = app.layout.width;

    let effects = app.receive(Message::Resized(60, 30));
    let width = app.reader_size().0;
    assert_ne!(width, old_width);
    assert!(
        matches!(effects.as_slice(), [Effect::LayOut { doc: 0, width: w }] if *w == width),
        "{effects:?}"
    );
    assert_eq!(app.layout.width, old_width, "shown as it was meanwhile");
    assert!(draw(&app, 60).contains("Paragraph"), "not a blank screen");
    // Keys work meanwhile, on the layout shown.
    app.update(Action::Down);
    app.update(Action::Up);
    assert_eq!(app.current_block(), block);

    // A layout for another width (asked for before a second resize) is not shown.
    app.receive(Message::LaidOut(0, Box::new(Layout::new(&app.docs[0], 70))));
    assert_eq!(app.layout.width, old_width);
    app.receive(Message::LaidOut(
        0,
        Box::new(Layout::new(&app.docs[0], width)),
    ));
    assert_eq!(app.layout.width, width);
    assert_eq!(app.current_block(), block, "the same paragraph at the top");
    assert!(draw(&app, 60).contains("Paragraph"));
}

#[test]
fn showing_or_hiding_the_outline_lays_a_long_briefing_out_in_the_background() {
    let mut app = app_on(briefing(LAID_OUT_IN_BACKGROUND));
    let old_width = app.layout.width;
    for action in [Action::WidenOutline, Action::ToggleOutline] {
        let effects = app.update(action);
        let width = app.reader_size().0;
        assert_ne!(width, app.layout.width);
        assert!(
            matches!(effects.as_slice(), [Effect::LayOut { doc: 0, width: w }] if *w == width),
            "{action:?}: {effects:?}"
        );
    }
    assert_eq!(app.layout.width, old_width, "shown as it was meanwhile");
    let width = app.reader_size().0;
    app.receive(Message::LaidOut(
        0,
        Box::new(Layout::new(&app.docs[0], width)),
    ));
    assert_eq!(app.layout.width, width);
}

#[test]
fn the_layout_asked_for_reaches_the_event_loop() {
    // The effects the store carries out are taken by it; this one is the event loop's.
    let mut app = app_on(briefing(LAID_OUT_IN_BACKGROUND));
    let effects = crate::effects::Notes::closed().deliver(
        &mut app,
        vec![Message::Resized(60, 30)],
        &mut std::io::sink(),
    );
    assert!(
        matches!(effects.as_slice(), [Effect::LayOut { doc: 0, .. }]),
        "{effects:?}"
    );
}

/// The text that starts the reader's top line.
fn top_text(app: &App) -> String {
    let line = &app.layout.lines[app.top];
    let block = &app.document().blocks[line.block().0];
    block.text()[line.start()..].chars().take(12).collect()
}

#[test]
fn a_wider_reader_keeps_the_line_at_the_top_in_view_not_the_gap_after_its_paragraph() {
    let mut text = String::from("# Communiqué\n\n");
    for n in 0..30 {
        text.push_str(&format!(
            "{n}. We look forward to a successful review of the principles of corporate \
             governance to strengthen sustainability, and we will continue to monitor the \
             financial sector closely and stand ready to take appropriate actions.\n\n"
        ));
    }
    let mut app = app_on(doc("g7.md", &text));
    app.receive(Message::Resized(60, 30));
    // Down to the last line of a paragraph, which at a wider width is the middle of one.
    while app.layout.lines[app.top + 1].role() != LineRole::Gap || app.top < 20 {
        app.update(Action::Down);
    }
    let before = top_text(&app);
    assert!(!before.trim().is_empty());
    app.receive(Message::Resized(100, 30));
    let line = &app.layout.lines[app.top];
    assert_ne!(line.role(), LineRole::Gap, "a blank line at the top");
    // The line at the top holds the text that started the top line before.
    let block = &app.document().blocks[line.block().0];
    let held = &block.text()[line.start()..line.end()];
    assert!(held.contains(before.trim_end()), "{held:?} lost {before:?}");
    // Back at the narrower width, the same text starts the top line again.
    app.receive(Message::Resized(60, 30));
    assert_eq!(top_text(&app), before);
}

#[test]
fn at_the_end_a_taller_then_shorter_window_still_shows_the_end() {
    let mut app = app_on(briefing(200));
    let (width, height) = app.size;
    app.update(Action::Bottom);
    assert!(app.top > 0 && app.top == app.max_top());
    app.receive(Message::Resized(width, height + 10));
    app.receive(Message::Resized(width, height));
    assert_eq!(app.top, app.max_top(), "the end in view");
    // Not at the end, a resize keeps the top line.
    app.update(Action::Top);
    app.update(Action::PageDown);
    let top = app.top;
    app.receive(Message::Resized(width, height + 10));
    app.receive(Message::Resized(width, height));
    assert_eq!(app.top, top);
}

#[test]
fn a_briefing_that_fits_stays_at_its_start_when_the_window_shrinks() {
    let mut app = app_on(briefing(3));
    let (width, height) = app.size;
    app.update(Action::Bottom);
    assert_eq!(app.top, 0);
    app.receive(Message::Resized(width, 6));
    assert_eq!(app.top, 0, "the start, as before");
    app.receive(Message::Resized(width, height));
}

#[test]
fn at_the_end_of_a_long_briefing_a_new_width_laid_out_in_the_background_keeps_the_end() {
    let mut app = app_on(briefing(LAID_OUT_IN_BACKGROUND));
    app.update(Action::Bottom);
    assert_eq!(app.top, app.max_top());
    for (width, height) in [(140, 45), (100, 30)] {
        app.receive(Message::Resized(width, height));
        let w = app.reader_size().0;
        app.receive(Message::LaidOut(0, Box::new(Layout::new(&app.docs[0], w))));
        assert_eq!(app.layout.width, w);
        assert_eq!(
            app.top,
            app.max_top(),
            "the end in view at {width}x{height}"
        );
    }
    // Hiding and showing the outline too.
    for _ in 0..2 {
        app.update(Action::ToggleOutline);
        let w = app.reader_size().0;
        app.receive(Message::LaidOut(0, Box::new(Layout::new(&app.docs[0], w))));
        assert_eq!(app.top, app.max_top());
    }
    // Moved away meanwhile: the place moved to is kept.
    app.receive(Message::Resized(140, 45));
    app.update(Action::Top);
    let w = app.reader_size().0;
    app.receive(Message::LaidOut(0, Box::new(Layout::new(&app.docs[0], w))));
    assert_eq!(app.top, 0);
}
