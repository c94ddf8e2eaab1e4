//! Drawing: `draw(&App, &mut Frame)` only reads the app. One file per pane.

pub mod amended;
pub mod editor;
pub mod help;
pub mod outline;
pub mod palette;
pub mod reader;
pub mod status;
pub mod table_view;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::{App, READER_MARGIN};
use crate::vocabulary::Mode;
use theme::Theme;

/// Draws the whole screen.
pub fn draw(app: &App, frame: &mut Frame) {
    let theme = Theme { color: app.color };
    let area = frame.area();
    let [main, status_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let outline_width = app.outline_width();
    if outline_width > 0 {
        let [left, sep, right] = Layout::horizontal([
            Constraint::Length(outline_width),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(main);
        outline::draw(app, theme, frame, left);
        draw_separator(theme, frame, sep);
        reader::draw(app, theme, frame, inset(right));
        amended::draw_panel(app, theme, frame, right);
    } else {
        reader::draw(app, theme, frame, inset(main));
        amended::draw_panel(app, theme, frame, main);
    }
    status::draw(app, theme, frame, status_area);
    match app.mode() {
        Mode::Help => help::draw(app, theme, frame, area),
        Mode::Palette => palette::draw(app, theme, frame, area),
        Mode::Editor => editor::draw(app, theme, frame, area),
        Mode::Table => table_view::draw(app, theme, frame, area),
        _ => {}
    }
}

/// The reader's area inside its margins.
fn inset(area: Rect) -> Rect {
    let margin = READER_MARGIN.min(area.width / 4);
    Rect {
        x: area.x + margin,
        width: area.width.saturating_sub(2 * margin),
        ..area
    }
}

fn draw_separator(theme: Theme, frame: &mut Frame, area: Rect) {
    let buf = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        buf[(area.x, y)]
            .set_symbol("│")
            .set_style(theme.separator());
    }
}
