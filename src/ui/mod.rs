//! Drawing: `draw(&App, &mut Frame)` only reads the app. One file per pane.

pub mod amended;
pub mod editor;
pub mod help;
pub mod outline;
pub mod palette;
pub mod popup;
pub mod reader;
pub mod scrolled;
pub mod status;
pub mod table_view;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::App;
use crate::vocabulary::Mode;
use theme::Theme;

/// Draws the whole screen.
pub fn draw(app: &App, frame: &mut Frame) {
    let theme = Theme { color: app.color };
    let area = frame.area();
    // The panes the keys move in, on the screen there is (a resize may not have reached
    // the app yet).
    let panes = app.panes();
    let on_screen = |rect: Rect| rect.intersection(area);
    if let (Some(left), Some(sep)) = (panes.outline, panes.separator) {
        outline::draw(app, theme, frame, on_screen(left));
        draw_separator(theme, frame, on_screen(sep));
    }
    reader::draw(app, theme, frame, on_screen(panes.text));
    amended::draw_panel(app, theme, frame, on_screen(panes.reader));
    status::draw(app, theme, frame, on_screen(panes.status));
    match app.mode() {
        Mode::Help => help::draw(app, theme, frame, area),
        Mode::Palette => palette::draw(app, theme, frame, area),
        Mode::Editor => editor::draw(app, theme, frame, area),
        Mode::Table => table_view::draw(app, theme, frame, area),
        _ => {}
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
