//! The help overlay: the active keymap's bindings grouped by mode, each with what it does.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::popup;
use super::theme::Theme;
use crate::app::App;
use crate::keymap::help::{HelpRow, rows};
use crate::vocabulary::Action;
use crate::vocabulary::Mode;

/// Draws the help box over the screen.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let rows = rows(&app.keymap);
    let key_width = rows
        .iter()
        .filter_map(|r| match r {
            HelpRow::Binding { keys, .. } => Some(keys.width()),
            HelpRow::Heading(_) => None,
        })
        .max()
        .unwrap_or(0)
        .min(24);
    let width = area.width.saturating_sub(4).min(90);
    let height = area.height.saturating_sub(2);
    let x = area.x + (area.width - width) / 2;
    let box_area = Rect::new(x, area.y + 1, width, height).intersection(area);
    if box_area.width < 3 || box_area.height < 3 {
        return;
    }
    let lines: Vec<Line> = rows
        .iter()
        .skip(app.help_scroll())
        .map(|row| match row {
            HelpRow::Heading(title) => Line::from(Span::styled(*title, theme.title())),
            HelpRow::Binding { keys, description } => Line::from(vec![
                Span::styled(format!("  {keys:<key_width$}  "), theme.here()),
                Span::raw(*description),
            ]),
        })
        .collect();
    let closers: Vec<String> = app
        .keymap
        .chords_for(Mode::Help, Action::Close)
        .iter()
        .map(|c| c.to_string())
        .collect();
    let title = format!(" Keys ({} closes) ", closers.join(" or "));
    let block = Block::default().borders(Borders::ALL).title(title);
    popup::clear(frame, box_area);
    frame.render_widget(Paragraph::new(lines).block(block), box_area);
}
