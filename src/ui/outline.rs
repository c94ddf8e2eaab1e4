//! The outline pane: the section tree with folds, the selection, and "you are here".

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::status::fit;
use super::theme::Theme;
use crate::app::{App, Mode};

/// Draws the pane's title and the visible entries.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let focused = app.mode == Mode::Outline;
    let hint = if focused { "" } else { "  (Tab)" };
    let mut lines = vec![Line::from(vec![
        Span::raw(" "),
        Span::styled(app.pane.view.title(), theme.title()),
        Span::styled(hint, theme.decoration()),
    ])];
    let here = app.here();
    let visible = app.pane.visible(&app.outline);
    let rows = usize::from(area.height.saturating_sub(1));
    for &i in visible.iter().skip(app.pane.offset).take(rows) {
        let entry = &app.outline.entries[i];
        let fold = if !entry.has_children {
            "  "
        } else if app.pane.folded.contains(&i) {
            "▸ "
        } else {
            "▾ "
        };
        let indent = " ".repeat(entry.depth.min(12));
        let room = usize::from(area.width).saturating_sub(indent.len() + 2);
        let mut style = Style::new();
        if Some(i) == here {
            style = style.patch(theme.here());
        }
        if focused && i == app.pane.selected {
            style = style.patch(theme.selected());
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{indent}{fold}"), theme.decoration()),
            Span::styled(fit(&entry.title, room), style),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
