//! A frame drawn over the last one when only the reader's text moved (a line or a page
//! down or up): the rows still in view are moved, not drawn again, and only the rows that
//! came into view, the outline and the status line are drawn.

use std::ops::Range;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;

use super::theme::Theme;
use super::{draw_separator, outline, reader, status};
use crate::app::App;
use crate::vocabulary::Mode;

/// Whether the screen can be drawn over the last frame when only the reader's text moved:
/// the reader has the keys, and nothing is drawn over its text.
pub fn can_draw(app: &App) -> bool {
    app.mode() == Mode::Reader && app.selected_amendment().is_none()
}

/// Draws the screen over the last frame, in which the reader showed its text `lines` lower
/// (higher when negative) and otherwise as it shows it now; returns the rows drawn (the
/// others are the last frame's, moved).
pub fn draw(app: &App, frame: &mut Frame, lines: i32) -> Vec<u16> {
    let theme = Theme { color: app.color };
    let area = frame.area();
    let panes = app.panes();
    let on_screen = |rect: Rect| rect.intersection(area);
    let reader = on_screen(panes.reader);
    let fresh = move_rows(frame.buffer_mut(), reader, lines);
    let fresh_rows = Rect {
        y: reader.y + fresh.start,
        height: fresh.len() as u16,
        ..reader
    };
    for rect in [panes.outline, panes.separator, Some(panes.status)]
        .into_iter()
        .flatten()
        .chain([fresh_rows])
    {
        frame.render_widget(Clear, on_screen(rect));
    }
    if let (Some(left), Some(sep)) = (panes.outline, panes.separator) {
        outline::draw(app, theme, frame, on_screen(left));
        draw_separator(theme, frame, on_screen(sep));
    }
    reader::draw_rows(app, theme, frame, on_screen(panes.text), fresh.clone());
    let status = on_screen(panes.status);
    status::draw(app, theme, frame, status);
    // An outline beside the text is drawn again on every row.
    match panes.outline {
        Some(_) => (area.top()..area.bottom()).collect(),
        None => fresh
            .map(|row| reader.y + row)
            .chain(status.top()..status.bottom())
            .collect(),
    }
}

/// Moves the rows of `area` up by `lines` (down when negative), within its columns; returns
/// the rows (counted from its top) left to draw.
fn move_rows(buffer: &mut Buffer, area: Rect, lines: i32) -> Range<u16> {
    let n = u16::try_from(lines.unsigned_abs()).map_or(area.height, |n| n.min(area.height));
    let width = usize::from(area.width);
    let columns = usize::from(buffer.area.width);
    let start =
        |y: u16| usize::from(y - buffer.area.y) * columns + usize::from(area.x - buffer.area.x);
    if lines > 0 {
        for y in area.top()..area.bottom() - n {
            let (to, from) = (start(y), start(y + n));
            let (above, below) = buffer.content.split_at_mut(from);
            above[to..to + width].swap_with_slice(&mut below[..width]);
        }
        area.height - n..area.height
    } else {
        for y in (area.top() + n..area.bottom()).rev() {
            let (from, to) = (start(y - n), start(y));
            let (above, below) = buffer.content.split_at_mut(to);
            below[..width].swap_with_slice(&mut above[from..from + width]);
        }
        0..n
    }
}

/// Where `over`, a frame drawn over the last one, differs from the frame drawn whole: the
/// first such row, and what it shows in each. For the checks of debug builds and tests.
#[cfg(any(test, debug_assertions))]
pub fn differs_from_whole(app: &App, over: &Buffer) -> Option<String> {
    let (width, height) = (over.area.width, over.area.height);
    let mut whole = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .expect("a test terminal");
    let drawn = whole.draw(|f| super::draw(app, f)).expect("drawn").buffer;
    let row = |buffer: &Buffer, y: u16| {
        (0..width)
            .map(|x| buffer[(x, y)].clone())
            .collect::<Vec<_>>()
    };
    let text =
        |cells: Vec<ratatui::buffer::Cell>| cells.iter().map(|c| c.symbol()).collect::<String>();
    (0..height)
        .find(|&y| row(drawn, y) != row(over, y))
        .map(|y| {
            format!(
                "row {y}: {:?} instead of {:?}",
                text(row(over, y)),
                text(row(drawn, y))
            )
        })
}
