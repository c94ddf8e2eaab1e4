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
    // A description longer than its room goes on under itself, past the keys' column.
    let room = usize::from(box_area.width.saturating_sub(2)).saturating_sub(key_width + 4);
    let mut first_line_of_row = Vec::with_capacity(rows.len());
    let mut lines: Vec<Line> = Vec::new();
    for row in &rows {
        first_line_of_row.push(lines.len());
        lines.extend(lines_of(row, key_width, room, theme));
    }
    // Scrolled by rows; the last rows always within reach, however many lines they take.
    let inner = usize::from(box_area.height.saturating_sub(2));
    let last_start = lines.len().saturating_sub(inner);
    let skip = first_line_of_row
        .get(app.help_scroll())
        .copied()
        .unwrap_or(last_start);
    let skip = if app.help_scroll() + inner >= rows.len() {
        last_start
    } else {
        skip.min(last_start)
    };
    let lines: Vec<Line> = lines.into_iter().skip(skip).collect();
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

/// The lines of one row of the help: a heading, or keys and what they do, the description
/// wrapped to `room` columns.
fn lines_of<'a>(row: &'a HelpRow, key_width: usize, room: usize, theme: Theme) -> Vec<Line<'a>> {
    match row {
        HelpRow::Heading(title) => vec![Line::from(Span::styled(*title, theme.title()))],
        HelpRow::Binding { keys, description } => crate::app::wrap::wrap(description, room)
            .into_iter()
            .enumerate()
            .map(|(n, part)| {
                let keys = if n == 0 { keys.as_str() } else { "" };
                Line::from(vec![
                    Span::styled(format!("  {keys:<key_width$}  "), theme.here()),
                    Span::raw(&description[part]),
                ])
            })
            .collect(),
    }
}
